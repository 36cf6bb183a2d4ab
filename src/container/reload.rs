//! `network reload`: put back what a running container's user-defined networks need
//! outside its own namespace, after something took it away (a flushed nftables ruleset,
//! a deleted veth, the per-user namespace's slirp4netns killed). Podman re-creates its
//! firewall rules the same way and refuses the same containers: rootless, only those on
//! a bridge network have anything to reload. Published ports need nothing: the shim's
//! forwarder holds its sockets for the container's whole life.

use std::path::Path;

use super::network::default_route_index;
use super::{Container, ContainerError, Engine, Status};
use crate::network::{NetworkError, NetworkMode};

#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    #[error("cannot reload network unless container network has been configured: container state improper")]
    NotConfigured,
    #[error(
        "container {0} network is not configured, refusing to reload: container state improper"
    )]
    NoNamespace(String),
    #[error("{0:?} is not supported: invalid network mode")]
    Mode(&'static str),
    #[error(transparent)]
    Network(#[from] NetworkError),
    #[error(transparent)]
    Container(#[from] ContainerError),
}

impl ReloadError {
    /// `--all` passes over containers with nothing to reload, as Podman does.
    pub fn skipped_by_all(&self) -> bool {
        matches!(
            self,
            ReloadError::NotConfigured | ReloadError::NoNamespace(_) | ReloadError::Mode(_)
        )
    }
}

impl Engine {
    /// Re-create the per-user namespace's uplink and rules, the bridges and the veth
    /// pairs of container `c` that are missing, with the addresses and MACs it had.
    pub fn reload_network(&self, c: &Container) -> Result<(), ReloadError> {
        let _lock = self.lock(&c.id)?;
        let mut c = c.clone();
        self.refresh(&mut c)?;
        if !matches!(c.state.status, Status::Running | Status::Initialized) {
            return Err(ReloadError::NotConfigured);
        }
        let mode = &c.config.network;
        if !mode.has_uplink() && !matches!(mode, NetworkMode::None) {
            return Err(ReloadError::NoNamespace(c.id.clone()));
        }
        if !matches!(mode, NetworkMode::Bridge(_)) {
            return Err(ReloadError::Mode(mode.kind()));
        }
        if c.state.network.sandbox_key.is_empty() {
            return Err(ReloadError::NoNamespace(c.id.clone()));
        }
        let shared = self.shared_netns();
        let _shared_lock = shared.lock()?;
        // A dead uplink means a new namespace: every bridge and veth is made again below.
        shared.ensure()?;
        shared.apply_routing()?;
        self.ensure_dns(&shared)?;
        let nets = self.networks();
        let route = c
            .config
            .attachments
            .get(default_route_index(&c.config.attachments))
            .map(|a| a.network.as_str());
        let path = Path::new(&c.state.network.sandbox_key);
        for e in &c.state.network.endpoints {
            let net = nets.get(&e.network)?;
            shared.ensure_bridge(&net)?;
            shared.apply_isolation(&net)?;
            if shared.has_link(&e.host_interface) {
                continue;
            }
            let ip = e.ip_address.parse().map_err(|_| {
                NetworkError::Option(format!("recorded address {:?}", e.ip_address))
            })?;
            let mac = Some(e.mac_address.as_str()).filter(|m| !m.is_empty());
            let default = route == Some(e.network.as_str());
            shared.attach(path, &net, &e.host_interface, ip, default, mac)?;
        }
        Ok(())
    }
}
