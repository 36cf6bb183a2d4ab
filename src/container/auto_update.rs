//! `auto-update`: containers labelled `io.containers.autoupdate=registry|local` get the
//! image their name now stands for, as Podman 4.3 does it. A container started by a
//! systemd unit (its `PODMAN_SYSTEMD_UNIT` label) is updated by restarting that unit, whose
//! `run --replace` makes the container anew; any other container is made anew here, on
//! the new image with its stored settings, and started again if it ran; with rollback,
//! one that then fails to start is made again on its old image.

use super::{Container, ContainerError, Engine, Result};
use crate::config::registries::RegistriesConf;
use crate::image::platform::Platform;
use crate::image::pull::{PullReporter, PullRequest};
use crate::image::reference::Reference;
use crate::registry::client::ConnectOptions;

pub const POLICY_LABEL: &str = "io.containers.autoupdate";
pub const UNIT_LABEL: &str = "PODMAN_SYSTEMD_UNIT";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    Registry,
    Local,
}

impl Policy {
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Registry => "registry",
            Policy::Local => "local",
        }
    }
}

/// What `auto-update` is asked to do.
pub struct AutoUpdateRequest<'a> {
    pub registries: &'a RegistriesConf,
    pub connect: ConnectOptions,
    /// Only check: UPDATED says `pending` where an update is waiting; nothing is pulled.
    pub dry_run: bool,
    /// Put a container back on its old image when it does not start on the new one.
    pub rollback: bool,
    /// Shows the pulls' progress.
    pub reporter: &'a dyn PullReporter,
}

/// A row per container looked at, and the errors met on the way (a container whose
/// check or pull failed has no row; one whose update failed says `failed`).
#[derive(Default)]
pub struct AutoUpdateReport {
    pub reports: Vec<Report>,
    pub failures: Vec<anyhow::Error>,
}

/// One container to look at.
#[derive(Debug, Clone)]
pub struct Task {
    pub container: Container,
    pub policy: Policy,
    pub unit: Option<String>,
}

/// What `auto-update` reports per container, with Podman's field names.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Report {
    pub unit: String,
    pub container: String,
    #[serde(rename = "ContainerName")]
    pub container_name: String,
    #[serde(rename = "ContainerID")]
    pub container_id: String,
    pub image: String,
    pub policy: String,
    /// pending / false (dry run); true / false / failed / rolled back.
    pub updated: String,
}

impl Task {
    pub fn report(&self, updated: &str) -> Report {
        let c = &self.container;
        Report {
            unit: self.unit.clone().unwrap_or_default(),
            container: format!("{} ({})", &c.id[..12.min(c.id.len())], c.name),
            container_name: c.name.clone(),
            container_id: c.id.clone(),
            image: c.config.image_name.clone(),
            policy: self.policy.as_str().into(),
            updated: updated.into(),
        }
    }

    /// The image reference a registry policy pulls: it must name its registry.
    pub fn reference(&self) -> Result<Reference> {
        let name = &self.container.config.image_name;
        let bad = |why: &str| {
            ContainerError::Create(super::CreateError::Option(format!(
                "auto-updating container {:?}: {why}",
                self.container.id
            )))
        };
        if Reference::is_short_name(name) {
            return Err(bad(&format!(
                "image name {name:?} is not a fully-qualified image reference"
            )));
        }
        Reference::parse(name).map_err(|e| bad(&e.to_string()))
    }
}

/// The same image ID, whether or not it is spelled with `sha256:`.
fn same_image(a: &str, b: &str) -> bool {
    a.trim_start_matches("sha256:") == b.trim_start_matches("sha256:")
}

impl Engine {
    /// `auto-update`: every labelled container checked and, unless it is a dry run,
    /// updated when its image name now stands for another image (Podman's rule: a new
    /// digest in the registry whose image is the same one updates nothing).
    pub async fn auto_update(&self, req: &AutoUpdateRequest<'_>) -> Result<AutoUpdateReport> {
        let mut out = AutoUpdateReport::default();
        for t in self.auto_update_tasks()? {
            let new_image = match self.new_image(&t, req).await {
                Ok(found) => found,
                Err(e) => {
                    out.failures.push(e);
                    continue;
                }
            };
            let updated = match new_image {
                None => "false",
                Some(_) if req.dry_run => "pending",
                Some(id) => {
                    if t.unit.is_none() {
                        crate::log::warn(format_args!(
                            "container {} has no systemd unit ({UNIT_LABEL}): made anew on the new image",
                            t.container.name
                        ));
                    }
                    match self.apply_update(&t, &id, req.rollback) {
                        Ok(u) => u,
                        Err(e) => {
                            out.failures.push(e.into());
                            "failed"
                        }
                    }
                }
            };
            out.reports.push(t.report(updated));
        }
        Ok(out)
    }

    /// The image the container would move to: None when its name still stands for its
    /// own image. In a dry run a registry update is only detected (an empty ID), not
    /// pulled.
    async fn new_image(
        &self,
        t: &Task,
        req: &AutoUpdateRequest<'_>,
    ) -> std::result::Result<Option<String>, anyhow::Error> {
        if t.policy == Policy::Local {
            return Ok(self.local_update(t));
        }
        if !self
            .registry_changed(t, req.registries, &req.connect)
            .await?
        {
            return Ok(None);
        }
        if req.dry_run {
            return Ok(Some(String::new()));
        }
        let pull = PullRequest {
            image: t.container.config.image_name.clone(),
            platform: Platform::host(),
            connect: req.connect.clone(),
            rootless: self.rootless,
        };
        let id = crate::image::pull::pull(&self.store, req.registries, &pull, req.reporter).await?;
        Ok((!same_image(&id, &t.container.image_id)).then_some(id))
    }

    /// The containers whose label asks for auto-updates, oldest first.
    pub fn auto_update_tasks(&self) -> Result<Vec<Task>> {
        let mut tasks = Vec::new();
        for c in self.list()? {
            let Some(p) = c.config.labels.get(POLICY_LABEL) else {
                continue;
            };
            let policy = match p.as_str() {
                "registry" | "image" => Policy::Registry,
                "local" => Policy::Local,
                "" | "disabled" => continue,
                other => {
                    return Err(ContainerError::Create(super::CreateError::Option(format!(
                        "auto-updating container {:?}: invalid auto-update policy {other:?}: \
                         use registry or local",
                        c.id
                    ))))
                }
            };
            let unit = c.config.labels.get(UNIT_LABEL).cloned();
            tasks.push(Task {
                container: c,
                policy,
                unit,
            });
        }
        tasks.sort_by_key(|t| t.container.created_at);
        Ok(tasks)
    }

    /// Local policy: the image the container's image name now stands for in the store, if
    /// it is not the container's.
    pub fn local_update(&self, t: &Task) -> Option<String> {
        let now = self.store.find(&t.container.config.image_name).ok()?.id;
        (!same_image(&now, &t.container.image_id)).then_some(now)
    }

    /// Registry policy: whether the registry's manifest for the image name is not one the
    /// container's image was pulled as.
    pub async fn registry_changed(
        &self,
        t: &Task,
        conf: &RegistriesConf,
        connect: &ConnectOptions,
    ) -> std::result::Result<bool, anyhow::Error> {
        let r = t.reference()?;
        let remote = crate::registry::manifest::inspect_remote(conf, &r, connect).await?;
        let img = self.store.db().image(&t.container.image_id)?;
        let mut known: Vec<String> = img.map(|i| i.manifest_digest).into_iter().collect();
        known.extend(
            self.store
                .db()
                .digests_of(&t.container.image_id)?
                .into_iter()
                .map(|(_, d)| d),
        );
        Ok(!known.contains(&remote.digest))
    }

    /// Put the container on `image_id`: through its systemd unit, or made anew here.
    /// Returns what `UPDATED` says.
    pub fn apply_update(&self, t: &Task, image_id: &str, rollback: bool) -> Result<&'static str> {
        if let Some(unit) = &t.unit {
            let status = std::process::Command::new("systemctl")
                .args(if self.rootless {
                    &["--user", "restart"][..]
                } else {
                    &["restart"][..]
                })
                .arg(unit)
                .status()
                .map_err(|e| {
                    ContainerError::Create(super::CreateError::Option(format!(
                        "restarting unit {unit}: {e}"
                    )))
                })?;
            return Ok(if status.success() { "true" } else { "failed" });
        }
        // The old container stays, renamed aside, until the new one runs: whatever fails
        // on the way, the user is left with one of the two, never with neither.
        let mut old = self.lookup(&t.container.id)?;
        let was_running = old.state.status.is_active();
        let config = old.config.clone();
        let name = old.name.clone();
        let aside = format!("{name}-autoupdate-{}", old.id.get(..12).unwrap_or(&old.id));
        self.rename(&mut old, &aside)?;
        let restore = |old: &mut Container| -> Result<()> {
            self.rename(old, &name)?;
            if was_running {
                self.start(old, false)?;
            }
            Ok(())
        };
        let mut made = match self.create_from(Some(name.clone()), image_id.to_string(), config, &[])
        {
            Ok(made) => made,
            Err(e) => {
                restore(&mut old)?;
                return Err(e);
            }
        };
        if was_running {
            self.stop(&mut old, None)?;
            if let Err(e) = self.start(&mut made, false) {
                if !rollback {
                    return Err(e);
                }
                self.remove(&mut made, true, false)?;
                restore(&mut old)?;
                return Ok("rolled back");
            }
        }
        self.remove(&mut old, true, false)?;
        Ok("true")
    }
}
