//! `kube play`, second half: a checked `Plan` made real through the engine's own
//! create and start (what `cove create`/`run` call). Everything that can be checked is
//! checked before the first container exists; if a create still fails, what this play
//! made is removed again.

use std::collections::BTreeMap;
use std::path::Path;

use super::play::Plan;
use super::{pod_members, KubeError, Result, POD_ID_LABEL, POD_LABEL};
use crate::container::create::{CreateRequest, Defaults};
use crate::container::{Container, Engine, MountKind};

/// `--replace`, `--start`.
#[derive(Debug, Clone, Copy)]
pub struct PlayOptions {
    /// Pods of the same names are taken down first.
    pub replace: bool,
    /// Start the containers (`--start=false`: only create them).
    pub start: bool,
}

/// One pod played: its ID and its containers' IDs, in creation order.
#[derive(Debug, Clone)]
pub struct PlayedPod {
    pub name: String,
    pub id: String,
    pub containers: Vec<String>,
}

/// Every check create would make, for the whole plan, before anything is made.
/// `images` maps each image of the plan to its ID in the store.
pub fn check(
    engine: &Engine,
    plan: &Plan,
    images: &BTreeMap<String, String>,
    defaults: &Defaults,
    replace: bool,
) -> Result<()> {
    for pod in &plan.pods {
        if !replace && !pod_members(engine, &pod.name)?.is_empty() {
            return Err(KubeError::PodExists(pod.name.clone()));
        }
        for req in &pod.containers {
            engine.check_create(req, defaults)?;
            if !images.contains_key(&req.image) {
                return Err(KubeError::Invalid(format!(
                    "image {} is not in the store",
                    req.image
                )));
            }
            let name = req.name.as_deref().unwrap_or_default();
            match engine.lookup(name) {
                Ok(c) if c.name == name && c.config.labels.get(POD_LABEL) != Some(&pod.name) => {
                    return Err(KubeError::Invalid(format!(
                        "container name {name:?} is in use by a container outside pod {:?}",
                        pod.name
                    )))
                }
                Ok(c) if c.name == name && !replace => {
                    return Err(KubeError::PodExists(pod.name.clone()))
                }
                _ => {}
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
    opts: PlayOptions,
) -> Result<Vec<PlayedPod>> {
    if opts.replace {
        let names: Vec<String> = plan.pods.iter().map(|p| p.name.clone()).collect();
        super::down::down(engine, &names)?;
    }
    let mut made = Made::default();
    let result = create_all(engine, plan, images, defaults, &mut made).and_then(|pods| {
        if opts.start {
            // In creation order: a pod's network holder runs before the others join it.
            for c in pods.iter().flat_map(|p| &p.containers) {
                let mut c = engine.lookup(c)?;
                engine.start(&mut c, false)?;
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
    containers: Vec<Container>,
    volumes: Vec<String>,
}

impl Made {
    fn undo(self, engine: &Engine) {
        for mut c in self.containers.into_iter().rev() {
            let _ = engine.remove(&mut c, true, false);
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
    for pod in &plan.pods {
        let id =
            crate::container::names::new_id().map_err(crate::container::ContainerError::from)?;
        for dir in &pod.make_dirs {
            std::fs::create_dir_all(dir).map_err(|source| KubeError::Io {
                context: format!("creating the hostPath {dir}"),
                source,
            })?;
        }
        let labels = BTreeMap::from([(POD_LABEL.to_string(), pod.name.clone())]);
        for v in &pod.scratch_volumes {
            if crate::volume::find(store, v).is_err() {
                crate::volume::create(
                    store,
                    Some(v),
                    "local",
                    labels.clone(),
                    BTreeMap::new(),
                    true,
                )?;
                made.volumes.push(v.clone());
            }
        }
        let mut containers = Vec::new();
        for req in &pod.containers {
            let mut req: CreateRequest = req.clone();
            req.image_id = images.get(&req.image).cloned().unwrap_or_default();
            req.labels.insert(POD_ID_LABEL.into(), id.clone());
            let c = engine.create(req, defaults)?;
            containers.push(c.id.clone());
            made.containers.push(c);
        }
        played.push(PlayedPod {
            name: pod.name.clone(),
            id,
            containers,
        });
    }
    Ok(played)
}
