//! `cove save` / `cove load`: images to and from tar archives in Docker's `docker save`
//! format (docker-archive) or as an OCI image layout in a tar (oci-archive).
//!
//! An archive is untrusted input. `load` first unpacks it into a private store tmp dir
//! (tars are sequential; manifests may come after the layers they name), accepting only
//! the member names these formats use and never creating a link on disk. Every layer is
//! then verified and extracted through [`layer_unpack`], and only when all layers of all
//! images in the archive verified is anything committed: a tampered archive leaves no
//! image, no layer, no blob.

use std::io;

use crate::image::layer_unpack::UnpackError;
use crate::image::store::StoreError;
use crate::storage::extract::ExtractError;

mod load;
mod plan;
mod save;
#[cfg(test)]
pub(crate) mod tests;
mod unpack;

pub use load::{load, load_platform};
pub(crate) use plan::synthesize_manifest;
pub use save::{save, select};

pub const OCI_LAYER_ZSTD_MEDIA_TYPE: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
const ANNOTATION_REF_NAME: &str = "org.opencontainers.image.ref.name";
const ANNOTATION_CONTAINERD_NAME: &str = "io.containerd.image.name";
/// manifest.json, index.json, configs: anything bigger is not a real archive.
const MAX_JSON: u64 = 64 << 20;
/// Symlink chains inside an archive (Docker links duplicate layers).
const MAX_LINK_HOPS: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveFormat {
    /// `docker save`: manifest.json, `<config hex>.json`, `<hex>/layer.tar`, repositories.
    DockerArchive,
    /// An OCI image layout (oci-layout, index.json, blobs/sha256/*) in a tar.
    OciArchive,
}

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Trust(#[from] crate::image::trust::TrustError),
    #[error("{what}: {source}")]
    Io { what: String, source: io::Error },
    #[error("archive member {0:?} is not allowed: absolute path or `..`")]
    UnsafeMember(String),
    #[error("unexpected archive member {0:?}: not part of a docker-archive or oci-archive")]
    UnexpectedMember(String),
    #[error("archive member {name:?}: {kind} entries are not allowed")]
    UnsupportedMember { name: String, kind: String },
    #[error("archive has no member {0:?}")]
    Missing(String),
    #[error("not an image archive: it has neither manifest.json nor index.json and oci-layout")]
    NotAnArchive,
    #[error("archive contains no images")]
    Empty,
    #[error("archive contains no image for platform {0}")]
    NoPlatform(String),
    #[error("invalid {what} in archive: {detail}")]
    Malformed { what: String, detail: String },
    #[error("invalid image name {name:?} in archive: {detail}")]
    Name { name: String, detail: String },
    #[error("digest mismatch for {what}: expected {expected}, got {actual}")]
    DigestMismatch {
        what: String,
        expected: String,
        actual: String,
    },
    #[error("layer {digest}: {source}")]
    Extract {
        digest: String,
        source: ExtractError,
    },
}

impl From<UnpackError> for ArchiveError {
    fn from(e: UnpackError) -> Self {
        match e {
            UnpackError::Store(e) => ArchiveError::Store(e),
            UnpackError::DigestMismatch {
                what,
                expected,
                actual,
            } => ArchiveError::DigestMismatch {
                what,
                expected,
                actual,
            },
            UnpackError::Extract { digest, source } => ArchiveError::Extract { digest, source },
            UnpackError::Io { digest, source } => ArchiveError::Io {
                what: format!("layer {digest}"),
                source,
            },
        }
    }
}

fn io_err(what: impl std::fmt::Display) -> impl FnOnce(io::Error) -> ArchiveError {
    let what = what.to_string();
    move |source| ArchiveError::Io { what, source }
}

fn malformed(what: &str, detail: impl std::fmt::Display) -> ArchiveError {
    ArchiveError::Malformed {
        what: what.to_string(),
        detail: detail.to_string(),
    }
}

/// One image read from an archive and now in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub id: String,
    /// Full normalised names (`docker.io/library/alpine:latest`).
    pub names: Vec<String>,
}
