//! `run/create --rootfs DIR[:O]`: a container whose root filesystem is a directory of the
//! user's, not an image. Plain, the container runs on the directory itself (bound on the
//! container's mount point), so what it writes lands there; the user's files are root's
//! in the rootless namespace, as in Podman. With `:O` the directory is the only lower
//! layer of an overlay whose upper and work dirs are the container's, so the directory
//! is never modified. Either way the directory is the user's: `rm` unmounts it and
//! removes only the container's own files.

use std::fs;
use std::path::{Path, PathBuf};

use nix::mount::MsFlags;
use serde::{Deserialize, Serialize};

use super::create::CreateError;
use super::{io_err, Container, ContainerError, Engine, Result};
use crate::paths::ensure_private_dir;
use crate::storage::driver::{is_mounted, DriverError, UpperDirs};

/// The directory and how it is mounted; stored in the container's config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RootfsDir {
    /// Absolute.
    pub path: String,
    /// `:O`: changes go to an overlay upper dir of the container's.
    #[serde(default)]
    pub overlay: bool,
}

fn refuse(why: String) -> CreateError {
    CreateError::Option(why)
}

impl RootfsDir {
    /// `DIR[:O][:idmap[=...]]` as given on the command line: DIR must be a directory
    /// (relative to the working directory); Podman's words when it is missing.
    pub fn parse(spec: &str) -> std::result::Result<RootfsDir, CreateError> {
        let mut path = spec;
        let mut overlay = false;
        loop {
            match path.rsplit_once(':') {
                Some((rest, "O")) => {
                    overlay = true;
                    path = rest;
                }
                Some((_, opt)) if opt == "idmap" || opt.starts_with("idmap=") => {
                    return Err(refuse(format!(
                        "--rootfs {spec}: the idmap option is not supported: cove cannot mount a directory with shifted IDs (it needs ID-mapped mounts in the rootless namespace)"
                    )));
                }
                _ => break,
            }
        }
        let meta = fs::metadata(path).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                _ => e.to_string(),
            };
            refuse(format!(
                "running container create option: stat {path}: {why}"
            ))
        })?;
        if !meta.is_dir() {
            return Err(refuse(format!(
                "running container create option: --rootfs {path}: not a directory"
            )));
        }
        let abs = std::path::absolute(path).map_err(|e| {
            refuse(format!(
                "running container create option: --rootfs {path}: {e}"
            ))
        })?;
        Ok(RootfsDir {
            path: abs.display().to_string(),
            overlay,
        })
    }
}

impl Engine {
    /// Where a `--rootfs` directory is mounted, whatever the driver: in the runtime dir,
    /// never inside the container's directory, which `rm` removes recursively.
    pub(super) fn dir_mount_point(&self, id: &str) -> PathBuf {
        self.paths.runtime.join("mounts").join(id).join("merged")
    }

    /// What `create` checks of a `--rootfs` directory beyond the flag's syntax.
    pub(super) fn check_rootfs_dir(&self, dir: &RootfsDir) -> Result<()> {
        if dir.overlay && !self.driver.uses_upper() {
            return Err(refuse(format!(
                "--rootfs {}:O: an overlay on the directory needs the overlay or fuse-overlayfs storage driver (this store uses {})",
                dir.path, self.driver
            ))
            .into());
        }
        Ok(())
    }

    /// Mount the container's directory: bound as it is, or under an overlay.
    pub(super) fn mount_rootfs_dir(&self, c: &Container, dir: &RootfsDir) -> Result<PathBuf> {
        let own = self.container_dir(&c.id);
        let merged = self.dir_mount_point(&c.id);
        for p in [own.join("userdata"), merged.clone()] {
            ensure_private_dir(&p).map_err(io_err(format!("creating {}", p.display())))?;
        }
        if is_mounted(&merged) {
            return Ok(merged);
        }
        let source = Path::new(&dir.path);
        // Checked again at each start: the directory is the user's to move or delete.
        let meta =
            fs::metadata(source).map_err(io_err(format!("--rootfs {}", source.display())))?;
        if !dir.overlay {
            nix::mount::mount(
                Some(source),
                &merged,
                None::<&str>,
                MsFlags::MS_BIND,
                None::<&str>,
            )
            .map_err(|e| {
                ContainerError::Driver(DriverError::Mount {
                    driver: "bind",
                    target: merged.clone(),
                    source: e.into(),
                    detail: String::new(),
                })
            })?;
            return Ok(merged);
        }
        let upper = UpperDirs {
            upper: own.join("upper"),
            work: own.join("work"),
            volatile: c.config.auto_remove,
        };
        for p in [&upper.upper, &upper.work] {
            ensure_private_dir(p).map_err(io_err(format!("creating {}", p.display())))?;
        }
        // The upper dir's mode is the mode of the container's `/`: the directory's.
        let mode = std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o7777;
        fs::set_permissions(
            &upper.upper,
            std::os::unix::fs::PermissionsExt::from_mode(mode),
        )
        .map_err(io_err(format!("chmod {}", upper.upper.display())))?;
        self.driver
            .mount(&[source.to_path_buf()], Some(&upper), &merged)?;
        Ok(merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_and_errors() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().display().to_string();
        assert_eq!(
            RootfsDir::parse(&format!("{p}:O")).unwrap(),
            RootfsDir {
                path: p.clone(),
                overlay: true
            }
        );
        assert!(!RootfsDir::parse(&p).unwrap().overlay);
        let e = RootfsDir::parse(&format!("{p}:idmap=uids=0-1-1")).unwrap_err();
        assert!(e.to_string().contains("idmap"), "{e}");
        let missing = format!("{p}/none");
        assert_eq!(
            RootfsDir::parse(&missing).unwrap_err().to_string(),
            format!("running container create option: stat {missing}: no such file or directory")
        );
        let file = d.path().join("f");
        fs::write(&file, "").unwrap();
        assert!(RootfsDir::parse(&file.display().to_string())
            .unwrap_err()
            .to_string()
            .ends_with("not a directory"));
    }
}
