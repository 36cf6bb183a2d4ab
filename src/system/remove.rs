//! Removing a network or a volume that containers may still use: refused unless forced,
//! and then those containers go first. `network rm`, `volume rm` and the API's
//! `DELETE /networks/{id}` and `DELETE /volumes/{name}` share these.

use crate::container::{ContainerError, Engine};
use crate::network::networks::NetworkConfig;
use crate::network::{report, NetworkError};
use crate::volume::{self, VolumeError};

type Result<T> = std::result::Result<T, ContainerError>;

impl Engine {
    /// Remove containers by ID or name, tolerating those already gone; with `timeout`,
    /// each running one is first stopped, killed only after that many seconds.
    fn remove_users(&self, users: &[String], timeout: Option<u32>) -> Result<()> {
        for u in users {
            match self.lookup(u) {
                Ok(mut c) => match self.stop_then_remove(&mut c, timeout) {
                    Ok(()) | Err(ContainerError::NotFound(_)) => {}
                    Err(e) => return Err(e),
                },
                Err(ContainerError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn stop_then_remove(
        &self,
        c: &mut crate::container::Container,
        timeout: Option<u32>,
    ) -> Result<()> {
        if timeout.is_some() && c.state.status.is_active() {
            self.stop(c, timeout)?;
        }
        self.remove(c, true, false)
    }

    /// Delete a user-defined network; with `force`, the containers on it first.
    pub fn remove_network(&self, net: &NetworkConfig, force: bool) -> Result<()> {
        self.remove_network_within(net, force, None)
    }

    /// [`Engine::remove_network`], stopping its containers within `timeout` seconds
    /// (`network rm -f -t N`) rather than killing them.
    pub fn remove_network_within(
        &self,
        net: &NetworkConfig,
        force: bool,
        timeout: Option<u32>,
    ) -> Result<()> {
        let all = self.list()?;
        let on = report::users(&all, net);
        if !on.is_empty() {
            if !force {
                let names: Vec<&str> = on.iter().map(|c| c.name.as_str()).collect();
                return Err(NetworkError::Conflict(format!(
                    "network {} is in use by container(s): {} (use -f to remove them too)",
                    net.name,
                    names.join(", ")
                ))
                .into());
            }
            let ids: Vec<String> = on.iter().map(|c| c.id.clone()).collect();
            self.remove_users(&ids, timeout)?;
        }
        Ok(self.delete_network(net)?)
    }

    /// Delete a volume and its data; with `force`, the containers using it first.
    pub fn remove_volume(&self, name: &str, force: bool) -> Result<()> {
        self.remove_volume_within(name, force, None)
    }

    /// [`Engine::remove_volume`], stopping its containers within `timeout` seconds
    /// (`volume rm -f -t N`) rather than killing them.
    pub fn remove_volume_within(
        &self,
        name: &str,
        force: bool,
        timeout: Option<u32>,
    ) -> Result<()> {
        volume::find(&self.store, name)?;
        let users = self.volume_users()?.remove(name).unwrap_or_default();
        if !users.is_empty() {
            if !force {
                return Err(VolumeError::InUse {
                    name: name.to_string(),
                    users: users.join(", "),
                }
                .into());
            }
            self.remove_users(&users, timeout)?;
        }
        Ok(volume::remove(&self.store, name)?)
    }
}
