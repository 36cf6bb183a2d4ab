//! Shifted copies of layers for containers with ID mappings of their own (`--uidmap`,
//! `--userns=nomap|auto`). In cove's namespace an image's file owned by uid N is owned
//! by intermediate N; a container whose uid 0 is intermediate 1 must see it owned by its
//! own root, so it gets a copy whose owners are shifted through its mapping (as
//! containers-storage's chown copy does: the kernels cove runs on cannot idmap mounts
//! of these filesystems without privileges). One copy per layer and distinct mapping,
//! under `idmapped-layers/<mapping key>/<layer hex>`, shared by every container with
//! that mapping; built in the store's tmp dir and renamed into place whole, so a
//! half-written copy is never used; removed with the layer.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::sys::stat::{Mode, SFlag, UtimensatFlags};
use nix::sys::time::TimeSpec;
use nix::unistd::{FchownatFlags, Gid, Uid};

use crate::storage::whiteout::{get_xattr, list_xattrs, set_xattr};

/// Under the data dir.
pub const DIR: &str = "idmapped-layers";

#[derive(Debug, thiserror::Error)]
pub enum ShiftError {
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("{path} is owned by {kind} {id} in the image, which the container's ID mappings do not map, and they leave no ID of the user namespace to stand for it")]
    Unmapped {
        path: PathBuf,
        kind: &'static str,
        id: u32,
    },
}

fn io_err<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> ShiftError + 'a {
    move |source| ShiftError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// Image ID → intermediate ID, for owners.
pub trait Shift {
    fn uid(&self, id: u32) -> Option<u32>;
    fn gid(&self, id: u32) -> Option<u32>;
}

impl Shift for crate::container::idmap::IdMappings {
    fn uid(&self, id: u32) -> Option<u32> {
        self.shift_uid(id).or_else(|| self.unmapped_uid())
    }
    fn gid(&self, id: u32) -> Option<u32> {
        self.shift_gid(id).or_else(|| self.unmapped_gid())
    }
}

/// The shifted copy of `layer` (named `name` in the mapping's directory), made first if
/// there is none. `tmp` is a fresh directory on the same filesystem.
pub fn shifted_layer(
    data: &Path,
    key: &str,
    name: &str,
    layer: &Path,
    shift: &dyn Shift,
    tmp: &Path,
) -> Result<PathBuf, ShiftError> {
    let parent = data.join(DIR).join(key);
    let dest = parent.join(name);
    if dest.is_dir() {
        return Ok(dest);
    }
    fs::create_dir_all(&parent).map_err(io_err("creating", &parent))?;
    let work = tmp.join("shifted");
    let mut copy = Copy {
        shift,
        links: HashMap::new(),
    };
    let meta = layer.symlink_metadata().map_err(io_err("stat", layer))?;
    fs::create_dir(&work).map_err(io_err("creating", &work))?;
    copy.dir(layer, &work)?;
    copy.metadata(layer, &meta, &work)?;
    match fs::rename(&work, &dest) {
        Ok(()) => Ok(dest),
        // Another cove made the same copy meanwhile: theirs is as good.
        Err(_) if dest.is_dir() => Ok(dest),
        Err(e) => Err(io_err("renaming into", &dest)(e)),
    }
}

/// Remove every shifted copy of the layer `name`, and mapping directories left empty.
pub fn remove_layer_copies(data: &Path, name: &str) {
    let Ok(keys) = fs::read_dir(data.join(DIR)) else {
        return;
    };
    for k in keys.flatten() {
        let _ = crate::image::store::remove_path(&k.path().join(name));
        // Only copies of the mount targets left: the mapping has no layers any more.
        let left: Vec<_> = fs::read_dir(k.path())
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        if left
            .iter()
            .all(|n| n.to_string_lossy().starts_with("mount-targets"))
        {
            let _ = crate::image::store::remove_path(&k.path());
        }
    }
}

/// The highest uid and gid owning anything in `layers` (what `--userns=auto` must map).
pub fn max_ids(layers: &[PathBuf]) -> (u32, u32) {
    fn walk(dir: &Path, max: &mut (u32, u32)) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let Ok(m) = e.path().symlink_metadata() else {
                continue;
            };
            max.0 = max.0.max(m.uid());
            max.1 = max.1.max(m.gid());
            if m.is_dir() {
                walk(&e.path(), max);
            }
        }
    }
    let mut max = (0, 0);
    for l in layers {
        walk(l, &mut max);
    }
    max
}

struct Copy<'a> {
    shift: &'a dyn Shift,
    /// (dev, ino) of multiply-linked files → their first copy, to link again.
    links: HashMap<(u64, u64), PathBuf>,
}

impl Copy<'_> {
    fn dir(&mut self, src_dir: &Path, dst_dir: &Path) -> Result<(), ShiftError> {
        for entry in fs::read_dir(src_dir).map_err(io_err("reading", src_dir))? {
            let entry = entry.map_err(io_err("reading", src_dir))?;
            let src = entry.path();
            let dst = dst_dir.join(entry.file_name());
            let meta = src.symlink_metadata().map_err(io_err("stat", &src))?;
            let ft = meta.file_type();
            if ft.is_dir() {
                fs::create_dir(&dst).map_err(io_err("creating", &dst))?;
                self.dir(&src, &dst)?;
            } else if ft.is_file() {
                let key = (meta.dev(), meta.ino());
                if meta.nlink() > 1 {
                    if let Some(first) = self.links.get(&key) {
                        fs::hard_link(first, &dst).map_err(io_err("linking", &dst))?;
                        continue;
                    }
                    self.links.insert(key, dst.clone());
                }
                fs::copy(&src, &dst).map_err(io_err("copying", &src))?;
            } else if ft.is_symlink() {
                let to = fs::read_link(&src).map_err(io_err("reading link", &src))?;
                std::os::unix::fs::symlink(&to, &dst).map_err(io_err("creating symlink", &dst))?;
            } else {
                // Whiteouts (0/0 character devices), fifos, sockets: the node itself.
                let kind = SFlag::from_bits_truncate(meta.mode() & libc::S_IFMT);
                nix::sys::stat::mknod(&dst, kind, Mode::empty(), meta.rdev())
                    .map_err(|e| io_err("mknod", &dst)(e.into()))?;
            }
            // A directory's after its children, whose creation changes its times.
            self.metadata(&src, &meta, &dst)?;
        }
        Ok(())
    }

    /// Shifted owner, then mode (chown clears setuid bits), every xattr (overlay's own
    /// and security.capability, which chown also clears), then times.
    fn metadata(&self, src: &Path, meta: &fs::Metadata, dst: &Path) -> Result<(), ShiftError> {
        let unmapped = |kind, id| ShiftError::Unmapped {
            path: src.to_path_buf(),
            kind,
            id,
        };
        let uid = self
            .shift
            .uid(meta.uid())
            .ok_or_else(|| unmapped("UID", meta.uid()))?;
        let gid = self
            .shift
            .gid(meta.gid())
            .ok_or_else(|| unmapped("GID", meta.gid()))?;
        nix::unistd::fchownat(
            nix::fcntl::AT_FDCWD,
            dst,
            Some(Uid::from_raw(uid)),
            Some(Gid::from_raw(gid)),
            FchownatFlags::AT_SYMLINK_NOFOLLOW,
        )
        .map_err(|e| io_err("chown", dst)(e.into()))?;
        if !meta.file_type().is_symlink() {
            fs::set_permissions(dst, fs::Permissions::from_mode(meta.mode() & 0o7777))
                .map_err(io_err("chmod", dst))?;
        }
        for name in list_xattrs(src).map_err(io_err("listing xattrs of", src))? {
            let name = String::from_utf8_lossy(&name).into_owned();
            let Some(value) = get_xattr(src, &name).map_err(io_err("reading xattrs of", src))?
            else {
                continue;
            };
            if let Err(e) = set_xattr(dst, &name, &value) {
                // What the layer's own extraction could not have set either: trusted.*
                // inside a user namespace, user.* on a symlink.
                if !(name.starts_with("trusted.") || meta.file_type().is_symlink()) {
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
        .map_err(|e| io_err("setting times of", dst)(e.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::idmap::IdMappings;

    /// As an unprivileged test process only our own uid can be given: a mapping that
    /// sends our uid to itself still copies everything else exactly.
    #[test]
    fn copy_keeps_modes_links_and_xattrs_and_is_reused() {
        let root = tempfile::tempdir().unwrap();
        let layer = root.path().join("layer");
        fs::create_dir_all(layer.join("bin")).unwrap();
        fs::write(layer.join("bin/tool"), b"x").unwrap();
        fs::set_permissions(layer.join("bin/tool"), fs::Permissions::from_mode(0o4755)).unwrap();
        fs::hard_link(layer.join("bin/tool"), layer.join("bin/alias")).unwrap();
        std::os::unix::fs::symlink("tool", layer.join("bin/link")).unwrap();
        set_xattr(&layer.join("bin"), "user.overlay.opaque", b"y").unwrap();
        let me = nix::unistd::getuid().as_raw();
        let my_gid = nix::unistd::getgid().as_raw();
        let maps = IdMappings {
            uid: vec![crate::container::idmap::IdMap {
                container: me,
                host: me,
                size: 1,
            }],
            gid: vec![crate::container::idmap::IdMap {
                container: my_gid,
                host: my_gid,
                size: 1,
            }],
        };
        let data = root.path().join("data");
        let tmp = tempfile::tempdir_in(root.path()).unwrap();
        let out = shifted_layer(&data, &maps.key(), "abc", &layer, &maps, tmp.path()).unwrap();
        let m = fs::metadata(out.join("bin/tool")).unwrap();
        assert_eq!(m.mode() & 0o7777, 0o4755);
        assert_eq!(m.nlink(), 2);
        assert_eq!(m.ino(), fs::metadata(out.join("bin/alias")).unwrap().ino());
        assert_eq!(
            fs::read_link(out.join("bin/link")).unwrap(),
            Path::new("tool")
        );
        assert_eq!(
            get_xattr(&out.join("bin"), "user.overlay.opaque").unwrap(),
            Some(b"y".to_vec())
        );
        // Reused: a second call builds nothing (its tmp dir stays empty).
        let tmp2 = tempfile::tempdir_in(root.path()).unwrap();
        assert_eq!(
            shifted_layer(&data, &maps.key(), "abc", &layer, &maps, tmp2.path()).unwrap(),
            out
        );
        assert!(fs::read_dir(tmp2.path()).unwrap().next().is_none());
        remove_layer_copies(&data, "abc");
        assert!(!out.exists());
        assert!(!data.join(DIR).join(maps.key()).exists());
    }
}
