//! `container clone`: a new container with another's stored settings, as Podman 4.3
//! makes it: named NAME-clone (NAME-clone1, ... when taken) unless a name is given,
//! optionally on another image, with resource flags changing the copy; `--destroy`
//! removes the original afterwards.

use std::collections::BTreeSet;

use super::create::ResourceLimits;
use super::{names, spec, Container, ContainerError, Engine, Result};

/// What `container clone` asks for besides the container.
#[derive(Debug, Clone, Default)]
pub struct CloneRequest {
    pub name: Option<String>,
    /// Another image, as the user named it.
    pub image: Option<String>,
    pub resources: ResourceLimits,
    /// Remove the original once the copy exists (`force`: even while it runs).
    pub destroy: bool,
    pub force: bool,
}

impl Engine {
    /// The copy of `from`. As in Podman, with `destroy` the copy stays when the original
    /// cannot be removed (it runs and `force` is not given): that is the error returned.
    pub fn clone_container(&self, from: &mut Container, req: CloneRequest) -> Result<Container> {
        req.resources.check(spec::cgroups_delegated())?;
        if from.config.pod_infra {
            return Err(ContainerError::Create(super::CreateError::Option(format!(
                "container {} is the infra container of a pod: clone the pod (`pod clone`)",
                from.name
            ))));
        }
        let name = match req.name {
            Some(n) => n,
            None => {
                let taken: BTreeSet<String> = self.list()?.into_iter().map(|c| c.name).collect();
                names::free_clone_name(&from.name, &taken)
            }
        };
        let mut config = from.config.clone();
        let mut image_id = from.image_id.clone();
        if let Some(image) = &req.image {
            image_id = self.store.find(image)?.id;
            config.image_name = image.clone();
        }
        let made = self.create_from(Some(name), image_id, config, &[])?;
        if req.destroy {
            self.remove(from, req.force, false)?;
        }
        Ok(made)
    }
}
