//! `pod clone`: a new pod with another's configuration and copies of its containers, as
//! Podman 4.3 makes it: the copies are named NAME-clone (NAME-clone1, ... when taken),
//! the pod too unless `--name` says otherwise, and `pod create`'s options given to
//! `clone` change the copy.

use std::collections::BTreeSet;

use super::ops::{self, CreatePod};
use super::{insert, Pod, Result};
use crate::container::namespaces::NamespaceMode;
use crate::container::{Container, ContainerConfig, ContainerError, Defaults, Engine, Userns};
use crate::network::NetworkMode;

pub use crate::container::names::free_clone_name as free_name;

/// Clone `pod`. `with` holds the options given to `clone` (only those set change the
/// copy; its `name` is the new pod's). With `destroy` the original goes afterwards.
pub fn clone(
    engine: &Engine,
    pod: &Pod,
    with: CreatePod,
    destroy: bool,
    defaults: &Defaults,
) -> Result<Pod> {
    engine.check_create(&with.infra_request, defaults)?;
    with.inherit.security().map_err(ContainerError::from)?;
    let pod_names: BTreeSet<String> = super::list(&engine.store)?
        .into_iter()
        .map(|p| p.name)
        .collect();
    let name = match &with.name {
        Some(n) => {
            crate::container::names::validate(n).map_err(ContainerError::from)?;
            n.clone()
        }
        None => free_name(&pod.name, &pod_names),
    };
    let mut config = pod.config.clone();
    if let Some(h) = &with.hostname {
        config.hostname = h.clone();
    }
    config.labels.extend(with.labels.clone());
    if with.userns != Userns::Host {
        config.userns = with.userns.clone();
    }
    config.inherit.extend(&with.inherit);
    config.infra_id = None;
    config.create_command = with.create_command.clone();
    let new = Pod {
        id: crate::container::names::new_id().map_err(ContainerError::from)?,
        name,
        created_at: chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default(),
        config,
    };
    insert(&engine.store, &new)?;
    match copy_containers(engine, pod, new.clone(), &with) {
        Ok(new) => {
            engine.events.emit(&crate::events::Event::new(
                "pod", "clone", &new.id, &new.name,
            ));
            if destroy {
                ops::remove(engine, pod, true, None)?;
            }
            Ok(new)
        }
        Err(e) => {
            // Nothing half-made stays.
            if let Ok(made) = super::find(&engine.store, &new.id) {
                let _ = ops::remove(engine, &made, true, None);
            }
            Err(e)
        }
    }
}

fn copy_containers(engine: &Engine, pod: &Pod, mut new: Pod, with: &CreatePod) -> Result<Pod> {
    let mut taken: BTreeSet<String> = engine.list()?.into_iter().map(|c| c.name).collect();
    let members = ops::members(engine, pod)?;
    let old_infra = pod.config.infra_id.clone();
    let mut new_infra = None;
    for c in members.iter().filter(|c| c.config.pod_infra) {
        let mut config = c.config.clone();
        infra_overrides(&mut config, pod, &new, with);
        let name = with
            .infra_name
            .clone()
            .unwrap_or_else(|| free_name(&c.name, &taken));
        let made = copy(engine, c, name, config, &new, with)?;
        taken.insert(made.name.clone());
        new.config.infra_id = Some(made.id.clone());
        super::save(&engine.store, &new)?;
        new_infra = Some(made.id);
    }
    for c in members.iter().filter(|c| !c.config.pod_infra) {
        let mut config = c.config.clone();
        if let (Some(old), Some(infra)) = (&old_infra, &new_infra) {
            rejoin(&mut config, old, infra);
        }
        let name = free_name(&c.name, &taken);
        let made = copy(engine, c, name, config, &new, with)?;
        taken.insert(made.name);
    }
    Ok(new)
}

fn copy(
    engine: &Engine,
    from: &Container,
    name: String,
    mut config: ContainerConfig,
    pod: &Pod,
    with: &CreatePod,
) -> Result<Container> {
    config.pod = Some(pod.id.clone());
    config.userns = pod.config.userns.clone();
    with.inherit
        .apply_to_config(&mut config)
        .map_err(ContainerError::from)?;
    Ok(engine.create_from(
        Some(name),
        from.image_id.clone(),
        config,
        &with.inherit.volumes_from,
    )?)
}

/// The infra container's settings `clone` may change.
fn infra_overrides(config: &mut ContainerConfig, old: &Pod, new: &Pod, with: &CreatePod) {
    let r = &with.infra_request;
    // The default hostname is the pod's name.
    if let Some(h) = &with.hostname {
        config.hostname = h.clone();
    } else if old.config.hostname.is_empty() && config.hostname == old.name {
        config.hostname = new.name.clone();
    }
    if let Some(cmd) = &with.infra_command {
        config.args = cmd.clone();
    }
    if r.shm_size.is_some() {
        config.shm_size = r.shm_size;
    }
    config.sysctls.extend(r.sysctls.clone());
    if let Some(pid) = &r.pid {
        config.pid = pid.clone();
    }
    if let Some(uts) = &r.uts {
        config.uts = uts.clone();
    }
}

/// A member's namespaces that were the old infra container's become the new one's.
fn rejoin(config: &mut ContainerConfig, old: &str, new: &str) {
    if config.network == NetworkMode::Container(old.to_string()) {
        config.network = NetworkMode::Container(new.to_string());
    }
    for mode in [
        &mut config.ipc,
        &mut config.uts,
        &mut config.pid,
        &mut config.cgroupns,
    ] {
        if *mode == NamespaceMode::Container(old.to_string()) {
            *mode = NamespaceMode::Container(new.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_are_named_as_podman_names_them() {
        let mut taken = BTreeSet::new();
        assert_eq!(free_name("web", &taken), "web-clone");
        taken.insert("web-clone".to_string());
        assert_eq!(free_name("web", &taken), "web-clone1");
        taken.insert("web-clone1".to_string());
        assert_eq!(free_name("web", &taken), "web-clone2");
    }

    #[test]
    fn members_follow_the_new_infra_container() {
        let mut c = ContainerConfig {
            network: NetworkMode::Container("old".into()),
            ipc: NamespaceMode::Container("old".into()),
            pid: NamespaceMode::Private,
            ..ContainerConfig::default()
        };
        rejoin(&mut c, "old", "new");
        assert_eq!(c.network, NetworkMode::Container("new".into()));
        assert_eq!(c.ipc, NamespaceMode::Container("new".into()));
        assert_eq!(c.pid, NamespaceMode::Private);
    }
}
