//! Storage drivers: turn a stack of extracted layer directories into one root filesystem.
//!
//! Layers are stored in overlayfs format (whiteout = character device 0/0, opaque
//! directory = xattr `user.overlay.opaque=y`). The `user.` namespace is used because cove
//! normally runs inside a user namespace, where `trusted.` xattrs cannot be set; native
//! overlay is therefore always mounted with `userxattr`, rootless or not, so one layer
//! format serves every driver.
//!
//! Three drivers, in order of preference:
//! * `Overlay`: the kernel's overlayfs (unprivileged in a user namespace since 5.11).
//! * `FuseOverlayfs`: the fuse-overlayfs program, for kernels or filesystems where native
//!   overlay is refused.
//! * `Vfs`: a full copy of every layer, always works, costs disk and time.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use nix::mount::MntFlags;

mod fuse;
mod mountinfo;
mod overlay;
mod probe;
#[cfg(test)]
mod tests;
mod vfs;

pub use fuse::fuse_options;
use fuse::{mount_fuse, run_fusermount};
pub use mountinfo::{is_mounted, mount_points, mountinfo_has};
use overlay::mount_overlay;
pub use overlay::overlay_options;
pub use probe::{detect_default, detect_default_cached, probe};
use vfs::vfs_populate;

/// Where Debian and most distributions install fuse-overlayfs.
pub const DEFAULT_FUSE_OVERLAYFS: &str = "/usr/bin/fuse-overlayfs";

/// Name of the probe cache file `detect_default` keeps in its scratch directory.
pub const PROBE_CACHE_FILE: &str = "driver-probe";

#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    #[error("unknown storage driver {0:?} (expected overlay, fuse-overlayfs or vfs)")]
    UnknownDriver(String),
    #[error("no layers given to mount on {0}")]
    NoLayers(PathBuf),
    #[error("path {0} cannot be passed to fuse-overlayfs (contains ',' or ':')")]
    UnsupportedPath(PathBuf),
    #[error("{driver} mount on {target} failed: {source}{detail}")]
    Mount {
        driver: &'static str,
        target: PathBuf,
        #[source]
        source: io::Error,
        /// Extra text from the kernel or the helper program, with a leading separator.
        detail: String,
    },
    #[error("unmounting {target} failed: {source}")]
    Unmount {
        target: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("storage driver probe failed: {0}")]
    Probe(String),
}

fn io_err<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> DriverError + 'a {
    move |source| DriverError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// The writable part of a container's filesystem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpperDirs {
    pub upper: PathBuf,
    /// Overlay's scratch dir: must be empty and on the same filesystem as `upper`.
    pub work: PathBuf,
    /// The upper dir is thrown away with the container (`--rm`): native overlay is
    /// mounted `volatile`, so its unmount does not sync the whole backing filesystem
    /// (Podman and CRI-O do the same). After a crash the upper dir may be incomplete,
    /// which matters to nobody, since the container is removed.
    pub volatile: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Driver {
    Overlay,
    FuseOverlayfs { program: PathBuf },
    Vfs,
}

impl fmt::Display for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Driver {
    /// Parses a driver name as found in storage.conf or on the command line. storage.conf
    /// spells fuse-overlayfs as `driver = "overlay"` plus `mount_program = ...`, so that
    /// combination means fuse-overlayfs too.
    pub fn from_name(name: &str, mount_program: Option<&Path>) -> Result<Driver, DriverError> {
        match name {
            "overlay" | "overlay2" => Ok(match mount_program {
                Some(p) => Driver::FuseOverlayfs {
                    program: p.to_path_buf(),
                },
                None => Driver::Overlay,
            }),
            "fuse-overlayfs" => Ok(Driver::FuseOverlayfs {
                program: mount_program
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| PathBuf::from(DEFAULT_FUSE_OVERLAYFS)),
            }),
            "vfs" => Ok(Driver::Vfs),
            other => Err(DriverError::UnknownDriver(other.to_string())),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Driver::Overlay => "overlay",
            Driver::FuseOverlayfs { .. } => "fuse-overlayfs",
            Driver::Vfs => "vfs",
        }
    }

    /// Whether containers need separate upper/work dirs (vfs writes into the copy itself).
    pub fn uses_upper(&self) -> bool {
        !matches!(self, Driver::Vfs)
    }

    /// Assembles `layers` (bottom first) on `target`. With `upper`, the result is
    /// writable and changes land in `upper.upper`; without, it is a read-only view
    /// (vfs ignores `upper`: its copy is always writable).
    pub fn mount(
        &self,
        layers: &[PathBuf],
        upper: Option<&UpperDirs>,
        target: &Path,
    ) -> Result<(), DriverError> {
        if layers.is_empty() {
            return Err(DriverError::NoLayers(target.to_path_buf()));
        }
        let target = absolute(target)?;
        let lowers = top_first(layers)?;
        let upper = upper.map(absolute_upper).transpose()?;
        match self {
            Driver::Overlay => mount_overlay(&lowers, upper.as_ref(), &target),
            Driver::FuseOverlayfs { program } => {
                mount_fuse(program, &lowers, upper.as_ref(), &target)
            }
            Driver::Vfs => vfs_populate(layers, &target),
        }
    }

    pub fn unmount(&self, target: &Path) -> Result<(), DriverError> {
        match self {
            // A vfs target is a plain directory, unless another driver mounted it.
            Driver::Vfs if !is_mounted(target) => Ok(()),
            Driver::Vfs | Driver::Overlay => umount(target),
            Driver::FuseOverlayfs { .. } => match umount(target) {
                // Outside a namespace we own, only the setuid helper may unmount FUSE.
                Err(DriverError::Unmount { source, .. })
                    if source.raw_os_error() == Some(libc::EPERM) =>
                {
                    run_fusermount(target)
                }
                other => other,
            },
        }
    }
}

fn absolute(p: &Path) -> Result<PathBuf, DriverError> {
    std::path::absolute(p).map_err(io_err("resolving", p))
}

fn absolute_upper(u: &UpperDirs) -> Result<UpperDirs, DriverError> {
    Ok(UpperDirs {
        upper: absolute(&u.upper)?,
        work: absolute(&u.work)?,
        volatile: u.volatile,
    })
}

fn top_first(layers: &[PathBuf]) -> Result<Vec<PathBuf>, DriverError> {
    layers.iter().rev().map(|l| absolute(l)).collect()
}

fn umount(target: &Path) -> Result<(), DriverError> {
    match nix::mount::umount2(target, MntFlags::MNT_DETACH) {
        Ok(()) => Ok(()),
        // Unmounting twice (e.g. cleanup after a crash) is not an error.
        Err(nix::errno::Errno::EINVAL) if !is_mounted(target) => Ok(()),
        Err(e) => Err(DriverError::Unmount {
            target: target.to_path_buf(),
            source: e.into(),
        }),
    }
}
