//! What may change after `create`: the name and the restart policy. Resource limits
//! cannot be changed on a live container here (no delegated cgroup to write them to), so
//! asking for them is refused with the same message `create` gives.

use super::create::{CreateError, ResourceLimits};
use super::restart::{PolicyName, RestartPolicy};
use super::{names, Container, Engine, Result};

/// `docker update` / `POST /containers/{id}/update`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpdateRequest {
    pub restart: Option<RestartPolicy>,
    pub resources: ResourceLimits,
}

impl UpdateRequest {
    /// Refuse what cannot be done, before anything changes.
    pub fn check(&self, c: &Container, delegated: bool) -> std::result::Result<(), CreateError> {
        if self.resources != ResourceLimits::default() {
            self.resources.check(delegated)?;
            return Err(CreateError::LiveResources);
        }
        let restarts = self.restart.is_some_and(|r| r.name != PolicyName::No);
        if restarts && c.config.auto_remove {
            return Err(CreateError::RestartWithRm);
        }
        Ok(())
    }
}

impl Engine {
    pub fn rename(&self, c: &mut Container, name: &str) -> Result<()> {
        names::validate(name)?;
        self.store.db().rename_container(&c.id, name)?;
        let old = std::mem::replace(&mut c.name, name.to_string());
        let mut e = self.event(c, "rename");
        e.attributes.insert("oldName".into(), old);
        self.events.emit(&e);
        Ok(())
    }

    pub fn update(&self, c: &mut Container, req: &UpdateRequest) -> Result<()> {
        req.check(c, super::spec::cgroups_delegated())?;
        let _lock = self.lock(&c.id)?;
        *c = self.lookup(&c.id)?;
        if let Some(policy) = req.restart {
            c.config.restart = policy;
        }
        self.save_config(c)?;
        self.emit(c, "update");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::ContainerConfig;

    fn container(auto_remove: bool) -> Container {
        Container {
            id: "c".into(),
            name: "n".into(),
            image_id: String::new(),
            created_at: 0,
            config: ContainerConfig {
                auto_remove,
                ..Default::default()
            },
            state: Default::default(),
        }
    }

    #[test]
    fn restart_policies_change_unless_the_container_removes_itself() {
        let req = UpdateRequest {
            restart: Some("always".parse().expect("policy")),
            ..Default::default()
        };
        assert!(req.check(&container(false), false).is_ok());
        assert!(matches!(
            req.check(&container(true), false),
            Err(CreateError::RestartWithRm)
        ));
        let no = UpdateRequest {
            restart: Some("no".parse().expect("policy")),
            ..Default::default()
        };
        assert!(no.check(&container(true), false).is_ok());
    }

    #[test]
    fn resource_limits_are_refused_with_a_reason() {
        let req = UpdateRequest {
            resources: ResourceLimits {
                memory: Some(1 << 20),
                ..Default::default()
            },
            ..Default::default()
        };
        let without = req.check(&container(false), false).unwrap_err().to_string();
        assert!(without.contains("--memory"), "{without}");
        assert!(matches!(
            req.check(&container(false), true),
            Err(CreateError::LiveResources)
        ));
    }
}
