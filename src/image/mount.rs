//! `image mount` / `image unmount`: an image's layers as one read-only view under
//! DATA/image-mounts/ID. Mounts live in the per-user mount namespace, so the path is
//! usable from `cove unshare` (as with `podman image mount`). The directory is the record
//! of the mount: it exists exactly while the image is mounted, whatever the driver (vfs
//! copies instead of mounting, so the mount table cannot tell).

use std::path::PathBuf;

use crate::image::store::{remove_path, Store, StoreError};
use crate::storage::db::ImageRecord;
use crate::storage::driver::{is_mounted, Driver, DriverError};

#[derive(Debug, thiserror::Error)]
pub enum MountError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Driver(#[from] DriverError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A mounted image and where.
pub struct Mounted {
    pub image: ImageRecord,
    pub path: PathBuf,
}

fn mounts_dir(store: &Store) -> PathBuf {
    store.paths.data.join("image-mounts")
}

pub fn mount_point(store: &Store, img: &ImageRecord) -> PathBuf {
    mounts_dir(store).join(img.id.trim_start_matches("sha256:"))
}

/// Mount `img` (again mounting an image already mounted is a no-op); its path.
pub fn mount(store: &Store, driver: &Driver, img: &ImageRecord) -> Result<PathBuf, MountError> {
    let target = mount_point(store, img);
    if target.is_dir() && (is_mounted(&target) || matches!(driver, Driver::Vfs)) {
        return Ok(target);
    }
    crate::paths::ensure_private_dir(&target).map_err(|source| MountError::Io {
        path: target.clone(),
        source,
    })?;
    let layers = img
        .layers
        .iter()
        .map(|l| store.layer_dir(&l.diff_id))
        .collect::<Result<Vec<_>, _>>()?;
    if let Err(e) = driver.mount(&layers, None, &target) {
        let _ = remove_path(&target);
        return Err(e.into());
    }
    Ok(target)
}

/// Unmount `img`; false when it was not mounted.
pub fn unmount(store: &Store, driver: &Driver, img: &ImageRecord) -> Result<bool, MountError> {
    let target = mount_point(store, img);
    if !target.exists() {
        return Ok(false);
    }
    driver.unmount(&target)?;
    remove_path(&target).map_err(|source| MountError::Io {
        path: target.clone(),
        source,
    })?;
    Ok(true)
}

/// Every mounted image, in the store's image order. A directory left for an image that
/// is gone is skipped.
pub fn mounted(store: &Store) -> Result<Vec<Mounted>, MountError> {
    let dir = mounts_dir(store);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let images = store.db().images().map_err(StoreError::from)?;
    Ok(images
        .into_iter()
        .filter_map(|image| {
            let path = mount_point(store, &image);
            path.is_dir().then_some(Mounted { image, path })
        })
        .collect())
}
