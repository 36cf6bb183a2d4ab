//! `auto-update`: containers labelled `io.containers.autoupdate=registry|local` get the
//! image their name now stands for, as Podman 4.3 does it. A container started by a
//! systemd unit (its `PODMAN_SYSTEMD_UNIT` label) is updated by restarting that unit, whose
//! `run --replace` makes the container anew; any other container is made anew here, on
//! the new image with its stored settings, and started again if it ran; with rollback,
//! one that then fails to start is made again on its old image.

use super::{Container, ContainerError, Engine, Result};
use crate::config::registries::RegistriesConf;
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

impl Engine {
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
        (now != t.container.image_id).then_some(now)
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
