//! Kubernetes YAML: `kube generate` (containers to a Pod, and a Service), `kube play` (Pods,
//! Deployments, ConfigMaps and PersistentVolumeClaims to volumes and containers) and `kube
//! down`. A played pod is a cove pod (`crate::pod`): its infra container holds the
//! network and every published port, the members (`POD-CONTAINER`) join it and reach each
//! other on localhost; `down` and `generate POD` find it by name like `pod rm` does.

pub mod apply;
pub mod down;
pub mod generate;
pub mod play;
pub mod yaml;

use crate::container::ContainerError;

/// The label naming the pod an `emptyDir` volume was made for (`generate` writes the
/// volume's short name back).
pub const POD_LABEL: &str = "io.cove.kube.pod";

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
    Pod(#[from] crate::pod::PodError),
    #[error(transparent)]
    Volume(#[from] crate::volume::VolumeError),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, KubeError>;
