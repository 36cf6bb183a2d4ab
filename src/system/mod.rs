//! Operations on the whole of one user's store: what it takes on disk (`system df`),
//! removing what nothing uses (`system prune` and the prune command of each kind), and
//! removing everything (`system reset`).

pub mod check;
pub mod disk_usage;
pub mod host;
pub mod info;
pub mod prune;
pub mod remove;
pub mod reset;

use crate::container::ContainerError;
use crate::image::store::StoreError;
use crate::network::NetworkError;
use crate::storage::db::DbError;
use crate::volume::VolumeError;

#[derive(Debug, thiserror::Error)]
pub enum SystemError {
    #[error(transparent)]
    Container(#[from] ContainerError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Volume(#[from] VolumeError),
    #[error(transparent)]
    Network(#[from] NetworkError),
    #[error(transparent)]
    Filter(#[from] crate::filter::FilterError),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, SystemError>;
