//! What a pod gives each of its containers, as Podman 4.3's pods do (its "InfraInherit"):
//! `pod create --volume`, `--device`, `--volumes-from` and `--security-opt` are the infra
//! container's and every member's; `--userns` is the infra container's, whose user
//! namespace the members join.

use serde::{Deserialize, Serialize};

use crate::container::flags::{Seccomp, SecurityOptions};
use crate::container::{ContainerConfig, CreateError, CreateRequest, MountSpec};

/// Stored with the pod (fields added later read as empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Inherited {
    /// `--volume` and `--device`, parsed (a volume by its name).
    pub mounts: Vec<MountSpec>,
    /// `--volumes-from CTR[:ro|rw]`.
    pub volumes_from: Vec<String>,
    /// `--security-opt`, as given (checked when the pod was made).
    pub security_opt: Vec<String>,
}

impl Inherited {
    pub fn is_empty(&self) -> bool {
        *self == Inherited::default()
    }

    pub fn security(&self) -> Result<SecurityOptions, CreateError> {
        SecurityOptions::parse(&self.security_opt)
    }

    /// Into a joining container's request: what the container asks for itself wins (a
    /// mount at the same destination, its own seccomp profile).
    pub fn apply(&self, req: &mut CreateRequest) -> Result<(), CreateError> {
        for m in &self.mounts {
            if !req.mounts.iter().any(|r| r.destination == m.destination) {
                req.mounts.push(m.clone());
            }
        }
        for v in &self.volumes_from {
            if !req.volumes_from.contains(v) {
                req.volumes_from.push(v.clone());
            }
        }
        let pod = self.security()?;
        req.security.no_new_privileges |= pod.no_new_privileges;
        if req.security.seccomp == Seccomp::Default {
            req.security.seccomp = pod.seccomp;
        }
        Ok(())
    }

    /// Into a container's stored config (`pod clone`'s options for the copies).
    pub fn apply_to_config(&self, c: &mut ContainerConfig) -> Result<(), CreateError> {
        for m in &self.mounts {
            if !c.mounts.iter().any(|r| r.destination == m.destination) {
                c.mounts.push(m.clone());
            }
        }
        let pod = self.security()?;
        c.no_new_privileges |= pod.no_new_privileges;
        match pod.seccomp {
            Seccomp::Default => {}
            Seccomp::Unconfined => {
                c.seccomp_unconfined = true;
                c.seccomp_profile = None;
            }
            Seccomp::Profile(p) => {
                c.seccomp_unconfined = false;
                c.seccomp_profile = Some(p);
            }
        }
        Ok(())
    }

    /// `pod clone`'s options added to the pod's own.
    pub fn extend(&mut self, more: &Inherited) {
        for m in &more.mounts {
            self.mounts.retain(|o| o.destination != m.destination);
            self.mounts.push(m.clone());
        }
        self.volumes_from.extend(more.volumes_from.iter().cloned());
        self.security_opt.extend(more.security_opt.iter().cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::MountKind;

    fn bind(src: &str, dst: &str) -> MountSpec {
        MountSpec {
            kind: MountKind::Bind,
            source: src.into(),
            destination: dst.into(),
            options: vec!["rbind".into()],
        }
    }

    #[test]
    fn members_inherit_what_they_do_not_set_themselves() {
        let pod = Inherited {
            mounts: vec![bind("/srv", "/data"), bind("/etc", "/conf")],
            volumes_from: vec!["db:ro".into()],
            security_opt: vec!["no-new-privileges".into(), "seccomp=unconfined".into()],
        };
        let mut req = CreateRequest {
            mounts: vec![bind("/tmp", "/data")],
            ..CreateRequest::default()
        };
        pod.apply(&mut req).unwrap();
        let got: Vec<_> = req.mounts.iter().map(|m| m.source.as_str()).collect();
        assert_eq!(got, ["/tmp", "/etc"]);
        assert_eq!(req.volumes_from, ["db:ro"]);
        assert!(req.security.no_new_privileges);
        assert_eq!(req.security.seccomp, Seccomp::Unconfined);
    }
}
