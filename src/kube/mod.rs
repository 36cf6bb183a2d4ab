//! Kubernetes YAML: `kube generate` (containers to a Pod, and a Service), `kube play` (Pods,
//! Deployments, ConfigMaps and PersistentVolumeClaims to volumes and containers) and `kube
//! down`. A played pod is a group of containers: the first holds the network (and every
//! published port), the others join it (`--network container:FIRST`), so they reach each
//! other on localhost; each carries the pod's name and ID in labels, which is how `down`
//! and `generate POD` find the group again.

pub mod apply;
pub mod down;
pub mod generate;
pub mod play;
pub mod yaml;

use crate::container::{Container, ContainerError, Engine};

/// The label naming the pod a played container belongs to.
pub const POD_LABEL: &str = "io.cove.kube.pod";
/// The label holding the pod's ID (what `play` and `down` print).
pub const POD_ID_LABEL: &str = "io.cove.kube.pod-id";

#[derive(Debug, thiserror::Error)]
pub enum KubeError {
    #[error("{0}")]
    Yaml(String),
    #[error("{0}")]
    Invalid(String),
    #[error("pod {0:?} already exists: use --replace, or kube down first")]
    PodExists(String),
    #[error("no such pod {0:?}")]
    NoPod(String),
    #[error("writing the YAML: {0}")]
    Serialize(#[from] serde_yaml_ng::Error),
    #[error(transparent)]
    Container(#[from] ContainerError),
    #[error(transparent)]
    Volume(#[from] crate::volume::VolumeError),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, KubeError>;

/// The containers of a played pod, in the order they were created (the network holder
/// first).
pub fn pod_members(engine: &Engine, pod: &str) -> Result<Vec<Container>> {
    let mut members: Vec<Container> = engine
        .list()?
        .into_iter()
        .filter(|c| c.config.labels.get(POD_LABEL).map(String::as_str) == Some(pod))
        .collect();
    members.sort_by_key(|c| c.created_at);
    Ok(members)
}
