//! `kube play`, second half: a checked `Plan` made real as cove pods, through the pod
//! engine (`pod::ops::create`, an infra container holding the network and the published
//! ports) and the container engine's own create and start for the members. Everything
//! that can be checked is checked before the first pod exists; if a create still fails,
//! what this play made is removed again.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::path::Path;

use super::play::Plan;
use super::{KubeError, Result, POD_LABEL};
use crate::container::create::{CreateRequest, Defaults, LogDriver};
use crate::container::{Engine, MountKind};
use crate::network::{NetworkMode, PortMapping};
use crate::pod::{CreatePod, Pod, PodError};

/// The flags of `kube play` that shape every pod it makes.
#[derive(Debug, Clone, Default)]
pub struct PlayOptions {
    /// Pods of the same names are taken down first.
    pub replace: bool,
    /// Start the pods (`--start=false`: only create them).
    pub start: bool,
    /// The pods' network (`--network`), held by their infra containers.
    pub network: Option<NetworkMode>,
    pub no_hosts: bool,
    /// `--ip`, `--mac-address`: the nth pod of the file gets the nth.
    pub ips: Vec<Ipv4Addr>,
    pub mac_addresses: Vec<String>,
    /// `--publish`: a pod's port of the same container port and protocol is published
    /// as this instead; others are added.
    pub publish: Vec<PortMapping>,
    /// `--annotation`: on every member, over the YAML's own.
    pub annotations: BTreeMap<String, String>,
    pub log_driver: LogDriver,
    pub log_size_max: Option<u64>,
    /// `--userns`: each pod's, whose members join its infra container's.
    pub userns: crate::container::Userns,
}

impl PlayOptions {
    /// What the flags set on each member container.
    fn member(&self, req: &mut CreateRequest) {
        req.annotations.extend(self.annotations.clone());
        req.log_driver = self.log_driver;
        if self.log_size_max.is_some() {
            req.log_size_max = self.log_size_max;
        }
    }

    /// The infra container's network settings, which the members of the file's nth pod
    /// share.
    fn infra(&self, n: usize, mut publish: Vec<PortMapping>) -> CreateRequest {
        for p in &self.publish {
            publish.retain(|q| (q.container_port, &q.protocol) != (p.container_port, &p.protocol));
            publish.push(p.clone());
        }
        CreateRequest {
            publish,
            network: self.network.clone(),
            no_hosts: self.no_hosts,
            ip: self.ips.get(n).copied(),
            mac_address: self.mac_addresses.get(n).cloned(),
            ..CreateRequest::default()
        }
    }
}

/// One pod played: its ID and its members' IDs, in creation order.
#[derive(Debug, Clone)]
pub struct PlayedPod {
    pub name: String,
    pub id: String,
    pub containers: Vec<String>,
}

fn existing_pod(engine: &Engine, name: &str) -> Result<Option<Pod>> {
    match crate::pod::find(&engine.store, name) {
        Ok(p) if p.name == name => Ok(Some(p)),
        Ok(_) | Err(PodError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Every check create would make, for the whole plan, before anything is made.
/// `images` maps each image of the plan to its ID in the store.
pub fn check(
    engine: &Engine,
    plan: &Plan,
    images: &BTreeMap<String, String>,
    defaults: &Defaults,
    opts: &PlayOptions,
) -> Result<()> {
    for pod in &plan.pods {
        let existing = existing_pod(engine, &pod.name)?;
        if existing.is_some() && !opts.replace {
            return Err(KubeError::PodExists(pod.name.clone()));
        }
        for req in &pod.containers {
            let mut req = req.clone();
            opts.member(&mut req);
            engine.check_create(&req, defaults)?;
            if !images.contains_key(&req.image) {
                return Err(KubeError::Invalid(format!(
                    "image {} is not in the store",
                    req.image
                )));
            }
            let name = req.name.as_deref().unwrap_or_default();
            if let Ok(c) = engine.lookup(name) {
                let replaced = opts.replace
                    && existing
                        .as_ref()
                        .is_some_and(|p| c.config.pod.as_deref() == Some(p.id.as_str()));
                if c.name == name && !replaced {
                    return Err(KubeError::Invalid(format!(
                        "container name {name:?} is in use by a container outside pod {:?}",
                        pod.name
                    )));
                }
            }
            for m in req.mounts.iter().filter(|m| m.kind == MountKind::Bind) {
                if !pod.make_dirs.contains(&m.source) && !Path::new(&m.source).exists() {
                    return Err(KubeError::Invalid(format!(
                        "pod {:?}: hostPath {}: no such file or directory",
                        pod.name, m.source
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Create (and unless told otherwise start) the plan's pods; call `check` first.
pub fn apply(
    engine: &Engine,
    plan: &Plan,
    images: &BTreeMap<String, String>,
    defaults: &Defaults,
    opts: &PlayOptions,
) -> Result<Vec<PlayedPod>> {
    if opts.replace {
        let names: Vec<String> = plan.pods.iter().map(|p| p.name.clone()).collect();
        super::down::down(engine, &names)?;
    }
    let mut made = Made::default();
    let result = create_all(engine, plan, images, defaults, opts, &mut made).and_then(|pods| {
        if opts.start {
            // The pod engine starts the infra container before the members join it.
            for p in &made.pods {
                crate::pod::ops::start(engine, p)?;
            }
        }
        Ok(pods)
    });
    if result.is_err() {
        made.undo(engine);
    }
    result
}

/// What this play made so far, to undo on failure.
#[derive(Default)]
struct Made {
    pods: Vec<Pod>,
    volumes: Vec<String>,
}

impl Made {
    fn undo(self, engine: &Engine) {
        // Removing a pod removes its members and its emptyDir volumes.
        for p in self.pods.iter().rev() {
            let _ = crate::pod::ops::remove(engine, p, true, None);
        }
        for v in self.volumes {
            let _ = crate::volume::remove(&engine.store, &v);
        }
    }
}

fn create_all(
    engine: &Engine,
    plan: &Plan,
    images: &BTreeMap<String, String>,
    defaults: &Defaults,
    opts: &PlayOptions,
    made: &mut Made,
) -> Result<Vec<PlayedPod>> {
    let store = &engine.store;
    for v in &plan.volumes {
        if crate::volume::find(store, v).is_err() {
            crate::volume::create(
                store,
                Some(v),
                "local",
                BTreeMap::new(),
                BTreeMap::new(),
                true,
            )?;
            made.volumes.push(v.clone());
        }
    }
    let mut played = Vec::new();
    for (n, plan) in plan.pods.iter().enumerate() {
        for dir in &plan.make_dirs {
            std::fs::create_dir_all(dir).map_err(|source| KubeError::Io {
                context: format!("creating the hostPath {dir}"),
                source,
            })?;
        }
        let pod = crate::pod::ops::create(
            engine,
            CreatePod {
                name: Some(plan.name.clone()),
                hostname: plan.hostname.clone(),
                labels: plan.labels.clone(),
                infra_request: opts.infra(n, plan.publish.clone()),
                userns: opts.userns.clone(),
                ..CreatePod::default()
            },
            defaults,
        )?;
        made.pods.push(pod.clone());
        let labels = BTreeMap::from([
            (POD_LABEL.to_string(), plan.name.clone()),
            (crate::pod::VOLUME_LABEL.to_string(), pod.id.clone()),
        ]);
        for v in &plan.scratch_volumes {
            if crate::volume::find(store, v).is_err() {
                crate::volume::create(
                    store,
                    Some(v),
                    "local",
                    labels.clone(),
                    BTreeMap::new(),
                    true,
                )?;
            }
        }
        let mut containers = Vec::new();
        for req in &plan.containers {
            let mut req: CreateRequest = req.clone();
            req.image_id = images.get(&req.image).cloned().unwrap_or_default();
            req.pod = Some(pod.id.clone());
            opts.member(&mut req);
            containers.push(engine.create(req, defaults)?.id);
        }
        played.push(PlayedPod {
            name: pod.name.clone(),
            id: pod.id.clone(),
            containers,
        });
    }
    Ok(played)
}

/// `--service-container`: block while any member of these pods runs (or waits out a
/// restart back-off); a pod taken down counts as done. A unit's main process stays as
/// long as its pods do.
pub fn wait(engine: &Engine, pods: &[PlayedPod]) -> Result<()> {
    use crate::container::Status;
    loop {
        let mut busy = false;
        for p in pods {
            let pod = match crate::pod::find(&engine.store, &p.id) {
                Ok(pod) => pod,
                Err(PodError::NotFound(_)) => continue,
                Err(e) => return Err(e.into()),
            };
            busy |= crate::pod::ops::members(engine, &pod)?.iter().any(|c| {
                !c.config.pod_infra
                    && (c.state.status.is_active() || c.state.status == Status::Restarting)
            });
        }
        if !busy {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
}
