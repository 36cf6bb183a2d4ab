//! Pods: groups of containers sharing namespaces (network, and whichever `--share` names)
//! held by an infra container, as in Podman. A pod is a row of its own (name, labels,
//! what it shares, its infra container); its members are ordinary containers whose config
//! names the pod, so every container command works on them unchanged.
//!
//! `ops` drives a pod's containers through the container engine; `infra` makes the infra
//! container (cove-init in pause mode, from a local image built on first use, like
//! Podman's `localhost/podman-pause`); `report` is what `pod ps` and `pod inspect` print.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::container::{Container, ContainerError, Status};
use crate::image::store::Store;
use crate::storage::db::{DbError, PodRow};

pub mod clone;
pub mod infra;
pub mod inherit;
pub mod logs;
pub mod ops;
pub mod report;

pub use ops::CreatePod;

#[derive(Debug, thiserror::Error)]
pub enum PodError {
    #[error("no pod with name or ID {0} found: no such pod")]
    NotFound(String),
    #[error("{input}: ambiguous pod ID prefix matches {count} pods")]
    Ambiguous { input: String, count: usize },
    #[error("the pod name \"{0}\" is already in use: remove that pod (or container) or pick another name")]
    NameInUse(String),
    #[error(
        "invalid --share {0:?}: use a comma-separated list of cgroup, ipc, net, pid, uts (or none)"
    )]
    Share(String),
    #[error("invalid --exit-policy {0:?}: use continue or stop")]
    ExitPolicy(String),
    #[error("{0}")]
    Invalid(String),
    #[error("pod {name} has {count} running container(s): stop the pod before removing it or force remove")]
    Running { name: String, count: usize },
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
    #[error("corrupt record for pod {0}: {1}")]
    Corrupt(String, serde_json::Error),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Container(#[from] ContainerError),
    #[error(transparent)]
    Import(#[from] crate::image::import::ImportError),
    #[error(transparent)]
    Store(#[from] crate::image::store::StoreError),
    #[error(transparent)]
    Volume(#[from] crate::volume::VolumeError),
}

pub type Result<T> = std::result::Result<T, PodError>;

/// The label of a volume made for one pod alone (its value: the pod's ID), such as a
/// played pod's `emptyDir`: the volume goes when the pod does.
pub const VOLUME_LABEL: &str = "io.cove.pod";

/// A namespace the pod's members share with its infra container.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Namespace {
    Cgroup,
    Ipc,
    Net,
    Pid,
    Uts,
}

impl Namespace {
    pub fn as_str(self) -> &'static str {
        match self {
            Namespace::Cgroup => "cgroup",
            Namespace::Ipc => "ipc",
            Namespace::Net => "net",
            Namespace::Pid => "pid",
            Namespace::Uts => "uts",
        }
    }

    /// Podman's default: `--share ipc,net,uts`.
    pub const DEFAULT: &'static [Namespace] = &[Namespace::Ipc, Namespace::Net, Namespace::Uts];

    /// `--share`: a list, `none`, or `+list` (added to the default), as Podman takes it.
    pub fn parse_list(s: &str) -> Result<Vec<Namespace>> {
        let (mut out, list) = match s.strip_prefix('+') {
            Some(rest) => (Namespace::DEFAULT.to_vec(), rest),
            None => (Vec::new(), s),
        };
        if list == "none" || list.is_empty() {
            return Ok(out);
        }
        for part in list.split(',') {
            let ns = match part.trim() {
                "cgroup" => Namespace::Cgroup,
                "ipc" => Namespace::Ipc,
                "net" => Namespace::Net,
                "pid" => Namespace::Pid,
                "uts" => Namespace::Uts,
                _ => return Err(PodError::Share(s.to_string())),
            };
            if !out.contains(&ns) {
                out.push(ns);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// `--exit-policy`: what the pod does when its last member exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExitPolicy {
    #[default]
    Continue,
    Stop,
}

impl std::str::FromStr for ExitPolicy {
    type Err = PodError;
    fn from_str(s: &str) -> Result<ExitPolicy> {
        match s {
            "continue" => Ok(ExitPolicy::Continue),
            "stop" => Ok(ExitPolicy::Stop),
            _ => Err(PodError::ExitPolicy(s.to_string())),
        }
    }
}

impl ExitPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            ExitPolicy::Continue => "continue",
            ExitPolicy::Stop => "stop",
        }
    }
}

/// What `pod create` decided; stored as JSON in the pods table (fields added later read
/// as their defaults).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PodConfig {
    pub hostname: String,
    pub labels: BTreeMap<String, String>,
    pub share: Vec<Namespace>,
    /// The infra container's ID (None with `--infra=false`).
    pub infra_id: Option<String>,
    pub exit_policy: ExitPolicy,
    /// The command line that made the pod (inspect's CreateCommand), which
    /// `generate systemd --new` replays; empty for a pod `kube play` made.
    pub create_command: Vec<String>,
    /// `--userns`: the infra container's, whose user namespace the members join.
    pub userns: crate::container::Userns,
    /// What every member gets (`--volume`, `--device`, `--volumes-from`,
    /// `--security-opt`).
    pub inherit: inherit::Inherited,
}

#[derive(Debug, Clone)]
pub struct Pod {
    pub id: String,
    pub name: String,
    /// Unix nanoseconds.
    pub created_at: i64,
    pub config: PodConfig,
}

impl Pod {
    fn from_row(row: PodRow) -> Result<Pod> {
        let config =
            serde_json::from_str(&row.config).map_err(|e| PodError::Corrupt(row.id.clone(), e))?;
        Ok(Pod {
            id: row.id,
            name: row.name,
            created_at: row.created_at,
            config,
        })
    }

    fn row(&self) -> Result<PodRow> {
        Ok(PodRow {
            id: self.id.clone(),
            name: self.name.clone(),
            created_at: self.created_at,
            config: serde_json::to_string(&self.config)
                .map_err(|e| PodError::Corrupt(self.id.clone(), e))?,
        })
    }

    pub fn short_id(&self) -> &str {
        &self.id[..12.min(self.id.len())]
    }

    pub fn created(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp_nanos(self.created_at)
    }

    pub fn shares(&self, ns: Namespace) -> bool {
        self.config.infra_id.is_some() && self.config.share.contains(&ns)
    }
}

/// A pod's state, from its containers' (Podman's rules and words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PodStatus {
    Created,
    Running,
    /// Some containers run, others do not.
    Degraded,
    Paused,
    Exited,
}

impl PodStatus {
    pub fn of(members: &[Container]) -> PodStatus {
        // Init containers have exited once the pod runs: Podman leaves them out.
        let members: Vec<&Container> = members
            .iter()
            .filter(|c| c.config.init_ctr.is_none())
            .collect();
        let count = |f: fn(Status) -> bool| members.iter().filter(|c| f(c.state.status)).count();
        let running = count(|s| s == Status::Running);
        let paused = count(|s| s == Status::Paused);
        let exited = count(|s| matches!(s, Status::Exited | Status::Restarting));
        match () {
            _ if members.is_empty() => PodStatus::Created,
            _ if running == members.len() => PodStatus::Running,
            _ if running > 0 => PodStatus::Degraded,
            _ if paused == members.len() => PodStatus::Paused,
            _ if exited > 0 => PodStatus::Exited,
            _ => PodStatus::Created,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PodStatus::Created => "Created",
            PodStatus::Running => "Running",
            PodStatus::Degraded => "Degraded",
            PodStatus::Paused => "Paused",
            PodStatus::Exited => "Exited",
        }
    }

    /// Whether the pod counts as stopped (what `pod prune` removes).
    pub fn is_stopped(self) -> bool {
        matches!(self, PodStatus::Created | PodStatus::Exited)
    }
}

pub fn list(store: &Store) -> Result<Vec<Pod>> {
    store.db().pods()?.into_iter().map(Pod::from_row).collect()
}

/// By name, full ID, or a unique ID prefix (names win, as in Podman).
pub fn find(store: &Store, name_or_id: &str) -> Result<Pod> {
    let all = list(store)?;
    if let Some(p) = all
        .iter()
        .find(|p| p.name == name_or_id || p.id == name_or_id)
    {
        return Ok(p.clone());
    }
    let hits: Vec<Pod> = all
        .into_iter()
        .filter(|p| !name_or_id.is_empty() && p.id.starts_with(name_or_id))
        .collect();
    match hits.len() {
        1 => Ok(hits.into_iter().next().expect("one hit")),
        0 => Err(PodError::NotFound(name_or_id.to_string())),
        count => Err(PodError::Ambiguous {
            input: name_or_id.to_string(),
            count,
        }),
    }
}

fn insert(store: &Store, pod: &Pod) -> Result<()> {
    store.db().insert_pod(&pod.row()?).map_err(|e| match e {
        DbError::NameInUse(n) => PodError::NameInUse(n),
        e => e.into(),
    })
}

fn save(store: &Store, pod: &Pod) -> Result<()> {
    Ok(store.db().update_pod(&pod.row()?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_lists_parse_as_podman_takes_them() {
        use Namespace::*;
        assert_eq!(
            Namespace::parse_list("ipc,net,uts").unwrap(),
            [Ipc, Net, Uts]
        );
        assert_eq!(Namespace::parse_list("none").unwrap(), []);
        assert_eq!(Namespace::parse_list("net").unwrap(), [Net]);
        assert_eq!(Namespace::parse_list("+pid").unwrap(), [Ipc, Net, Pid, Uts]);
        assert!(matches!(
            Namespace::parse_list("net,mnt"),
            Err(PodError::Share(s)) if s == "net,mnt"
        ));
    }

    fn member(status: Status) -> Container {
        let mut c = Container {
            id: "x".into(),
            name: "x".into(),
            image_id: String::new(),
            created_at: 0,
            config: Default::default(),
            state: Default::default(),
        };
        c.state.status = status;
        c
    }

    #[test]
    fn pod_status_follows_podman() {
        use Status::*;
        let of = |s: &[Status]| PodStatus::of(&s.iter().map(|s| member(*s)).collect::<Vec<_>>());
        assert_eq!(of(&[]), PodStatus::Created);
        assert_eq!(of(&[Created, Created]), PodStatus::Created);
        assert_eq!(of(&[Running, Running]), PodStatus::Running);
        assert_eq!(of(&[Running, Exited]), PodStatus::Degraded);
        assert_eq!(of(&[Paused, Paused]), PodStatus::Paused);
        assert_eq!(of(&[Exited, Created]), PodStatus::Exited);
        assert!(PodStatus::Exited.is_stopped() && !PodStatus::Degraded.is_stopped());
    }
}
