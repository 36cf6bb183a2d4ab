//! Removing a network or a volume that containers may still use: refused unless forced,
//! and then those containers go first. `network rm`, `volume rm` and the API's
//! `DELETE /networks/{id}` and `DELETE /volumes/{name}` share these.

use crate::container::{ContainerError, Engine};
use crate::network::networks::NetworkConfig;
use crate::network::{report, NetworkError};
use crate::volume::{self, VolumeError};

type Result<T> = std::result::Result<T, ContainerError>;

impl Engine {
    /// Remove containers by ID or name, tolerating those already gone.
    fn remove_users(&self, users: &[String]) -> Result<()> {
        for u in users {
            match self.lookup(u) {
                Ok(mut c) => match self.remove(&mut c, true, false) {
                    Ok(()) | Err(ContainerError::NotFound(_)) => {}
                    Err(e) => return Err(e),
                },
                Err(ContainerError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Delete a user-defined network; with `force`, the containers on it first.
    pub fn remove_network(&self, net: &NetworkConfig, force: bool) -> Result<()> {
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
            self.remove_users(&ids)?;
        }
        Ok(self.delete_network(net)?)
    }

    /// Delete a volume and its data; with `force`, the containers using it first.
    pub fn remove_volume(&self, name: &str, force: bool) -> Result<()> {
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
            self.remove_users(&users)?;
        }
        Ok(volume::remove(&self.store, name)?)
    }
}
