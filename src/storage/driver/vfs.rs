//! vfs: every layer copied into the target in order, whiteouts and opaque directories
//! applied by hand.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::sys::stat::{Mode, SFlag, UtimensatFlags};
use nix::sys::time::TimeSpec;
use nix::unistd::{FchownatFlags, Gid, Uid};

use super::{io_err, DriverError};
use crate::storage::whiteout::{
    get_xattr, is_opaque, is_whiteout, list_xattrs, set_xattr, OVERLAY_XATTR_PREFIX,
};

pub(super) fn remove_any(path: &Path) -> Result<(), DriverError> {
    let res = match path.symlink_metadata() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => Err(e),
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
    };
    res.map_err(io_err("removing", path))
}

pub(super) fn clear_dir(dir: &Path) -> Result<(), DriverError> {
    for entry in fs::read_dir(dir).map_err(io_err("reading", dir))? {
        let entry = entry.map_err(io_err("reading", dir))?;
        remove_any(&entry.path())?;
    }
    Ok(())
}

/// Copies ownership, mode, xattrs (minus overlay's own) and times from `src` to `dst`.
/// Order matters: chown clears setuid bits and file capabilities, so it goes first.
pub(super) fn copy_metadata(
    src: &Path,
    meta: &fs::Metadata,
    dst: &Path,
) -> Result<(), DriverError> {
    nix::unistd::fchownat(
        nix::fcntl::AT_FDCWD,
        dst,
        Some(Uid::from_raw(meta.uid())),
        Some(Gid::from_raw(meta.gid())),
        FchownatFlags::AT_SYMLINK_NOFOLLOW,
    )
    .map_err(|e| io_err("chown", dst)(e.into()))?;
    let is_link = meta.file_type().is_symlink();
    if !is_link {
        fs::set_permissions(dst, fs::Permissions::from_mode(meta.mode() & 0o7777))
            .map_err(io_err("chmod", dst))?;
    }
    for name in list_xattrs(src).map_err(io_err("listing xattrs of", src))? {
        if name.starts_with(OVERLAY_XATTR_PREFIX) {
            continue;
        }
        let name = String::from_utf8_lossy(&name).into_owned();
        let Some(value) = get_xattr(src, &name).map_err(io_err("reading xattrs of", src))? else {
            continue;
        };
        // trusted.* (outside init userns) and user.* on symlinks are refused by the
        // kernel; the copy stays useful without them, so skip rather than fail.
        if let Err(e) = set_xattr(dst, &name, &value) {
            if !matches!(
                e.raw_os_error(),
                Some(libc::EPERM) | Some(libc::ENOTSUP) | Some(libc::EACCES)
            ) {
                return Err(io_err("setting xattrs on", dst)(e));
            }
        }
    }
    let atime = TimeSpec::new(meta.atime(), meta.atime_nsec());
    let mtime = TimeSpec::new(meta.mtime(), meta.mtime_nsec());
    nix::sys::stat::utimensat(
        nix::fcntl::AT_FDCWD,
        dst,
        &atime,
        &mtime,
        UtimensatFlags::NoFollowSymlink,
    )
    .map_err(|e| io_err("setting times of", dst)(e.into()))?;
    Ok(())
}

/// Copies one layer onto the tree built so far, applying its whiteouts and opaque dirs.
pub(super) struct LayerCopy {
    /// (dev, ino) of multiply-linked source files -> their first copy, to relink.
    links: HashMap<(u64, u64), PathBuf>,
}

impl LayerCopy {
    fn copy_dir(&mut self, src_dir: &Path, dst_dir: &Path) -> Result<(), DriverError> {
        for entry in fs::read_dir(src_dir).map_err(io_err("reading", src_dir))? {
            let entry = entry.map_err(io_err("reading", src_dir))?;
            let src = entry.path();
            let dst = dst_dir.join(entry.file_name());
            let meta = src.symlink_metadata().map_err(io_err("stat", &src))?;
            if is_whiteout(&meta) {
                remove_any(&dst)?;
                continue;
            }
            if meta.is_dir() {
                // A real directory (never a symlink) at dst keeps every later join inside
                // the target.
                match dst.symlink_metadata() {
                    Ok(m) if m.is_dir() => {
                        if is_opaque(&src).map_err(io_err("reading xattrs of", &src))? {
                            clear_dir(&dst)?;
                        }
                    }
                    other => {
                        if other.is_ok() {
                            remove_any(&dst)?;
                        }
                        fs::create_dir(&dst).map_err(io_err("creating", &dst))?;
                    }
                }
                self.copy_dir(&src, &dst)?;
                // After the children, whose creation bumps the directory's mtime.
                copy_metadata(&src, &meta, &dst)?;
                continue;
            }
            remove_any(&dst)?;
            self.copy_leaf(&src, &meta, &dst)?;
        }
        Ok(())
    }

    fn copy_leaf(
        &mut self,
        src: &Path,
        meta: &fs::Metadata,
        dst: &Path,
    ) -> Result<(), DriverError> {
        let ft = meta.file_type();
        if ft.is_file() {
            let key = (meta.dev(), meta.ino());
            if meta.nlink() > 1 {
                if let Some(first) = self.links.get(&key) {
                    return fs::hard_link(first, dst).map_err(io_err("linking", dst));
                }
            }
            fs::copy(src, dst).map_err(io_err("copying", src))?;
            if meta.nlink() > 1 {
                self.links.insert(key, dst.to_path_buf());
            }
        } else if ft.is_symlink() {
            let to = fs::read_link(src).map_err(io_err("reading link", src))?;
            std::os::unix::fs::symlink(&to, dst).map_err(io_err("creating symlink", dst))?;
        } else {
            // Devices, fifos, sockets: recreate the node itself.
            let kind = SFlag::from_bits_truncate(meta.mode() & libc::S_IFMT);
            nix::sys::stat::mknod(dst, kind, Mode::empty(), meta.rdev())
                .map_err(|e| io_err("mknod", dst)(e.into()))?;
        }
        copy_metadata(src, meta, dst)
    }
}

/// Fills `target` with the merged layers unless it already has content (a previous call
/// populated it; vfs has no mount state to restore).
pub(super) fn vfs_populate(layers: &[PathBuf], target: &Path) -> Result<(), DriverError> {
    fs::create_dir_all(target).map_err(io_err("creating", target))?;
    if fs::read_dir(target)
        .map_err(io_err("reading", target))?
        .next()
        .is_some()
    {
        return Ok(());
    }
    for layer in layers {
        let mut copy = LayerCopy {
            links: HashMap::new(),
        };
        copy.copy_dir(layer, target)?;
        // The root takes the top layer's owner and mode, as the overlay root would.
        let meta = layer.symlink_metadata().map_err(io_err("stat", layer))?;
        copy_metadata(layer, &meta, target)?;
    }
    Ok(())
}
