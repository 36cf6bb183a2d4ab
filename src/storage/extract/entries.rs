//! One method per kind of tar entry: files, directories, links, device nodes, whiteouts.

use super::extractor::is_overlay_xattr;
use super::*;

impl Extractor {
    pub(super) fn file<R: Read>(
        &mut self,
        parent: &[u8],
        name: &[u8],
        shown: &str,
        entry: &mut tar::Entry<'_, R>,
        meta: Meta,
    ) -> Result<(), ExtractError> {
        let dirfd = self.parent_dir(parent)?;
        let cname = cstring(name);
        let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL | libc::O_NOFOLLOW;
        // The final permission bits at once (the layer dir is private until committed),
        // so most files need no chmod.
        let created = meta.mode & 0o777;
        let fd = self.replacing(dirfd, &cname, shown, "creating file", || {
            sys::openat(dirfd, &cname, flags, created)
        })?;
        let mut file = File::from(fd);
        let write_err = |source| ExtractError::Io {
            op: "writing",
            path: shown.to_string(),
            source,
        };
        let expected = entry.size();
        let mut written = 0u64;
        loop {
            let n = match entry.read(&mut self.buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ExtractError::Read(e)),
            };
            file.write_all(&self.buf[..n]).map_err(write_err)?;
            written += n as u64;
        }
        if written != expected {
            return Err(ExtractError::Read(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("layer stream ended inside \"{shown}\""),
            )));
        }
        let fd = file.as_raw_fd();
        if self.new_inode.needs_chown(meta.uid, meta.gid) {
            self.chown(shown, &meta, sys::fchown(fd, meta.uid, meta.gid))?;
        }
        // After chown, which clears setuid/setgid (never given at creation either).
        if self.new_inode.needs_chmod(created, meta.mode) {
            sys::fchmod(fd, meta.mode & 0o7777).map_err(|source| ExtractError::Io {
                op: "setting mode of",
                path: shown.to_string(),
                source,
            })?;
        }
        for (xname, value) in &meta.xattrs {
            let r = sys::fsetxattr(fd, xname, value);
            self.xattr_result(shown, xname, r);
        }
        sys::futimens(fd, &meta.mtime).map_err(|source| ExtractError::Io {
            op: "setting times of",
            path: shown.to_string(),
            source,
        })
    }

    pub(super) fn dir(
        &mut self,
        path: &[u8],
        parent: &[u8],
        name: &[u8],
        shown: &str,
        meta: Meta,
    ) -> Result<(), ExtractError> {
        let dirfd = self.parent_dir(parent)?;
        let cname = cstring(name);
        let io_err = |source| ExtractError::Io {
            op: "creating directory",
            path: shown.to_string(),
            source,
        };
        match sys::mkdirat(dirfd, &cname, 0o755) {
            Ok(()) => {}
            Err(e) if errno(&e) == libc::EEXIST => {
                let existing = sys::fstatat_mode(dirfd, &cname).map_err(io_err)?;
                // A directory over a directory merges; anything else is replaced.
                if existing & libc::S_IFMT != libc::S_IFDIR {
                    self.check_kind(dirfd, &cname, shown, true)?;
                    sys::unlinkat(dirfd, &cname, 0).map_err(io_err)?;
                    sys::mkdirat(dirfd, &cname, 0o755).map_err(io_err)?;
                }
            }
            Err(e) => return Err(io_err(e)),
        }
        if self.new_inode.needs_chown(meta.uid, meta.gid) {
            let r = sys::fchownat_nofollow(dirfd, &cname, meta.uid, meta.gid);
            self.chown(shown, &meta, r)?;
        }
        self.xattrs_by_path(dirfd, &cname, shown, &meta);
        self.dirs.insert(path.to_vec(), (meta.mode, meta.mtime));
        Ok(())
    }

    pub(super) fn root_dir(&mut self, meta: Meta) -> Result<(), ExtractError> {
        let root = self.root.as_raw_fd();
        let r = sys::fchown_path_fd(root, meta.uid, meta.gid);
        self.chown("/", &meta, r)?;
        for (xname, value) in &meta.xattrs {
            if is_overlay_xattr(xname) {
                self.warn(format!(
                    "ignored xattr {xname:?} on \"/\": reserved for overlayfs"
                ));
                continue;
            }
            let r = sys::setxattr_via_proc(root, None, xname, value);
            self.xattr_result("/", xname, r);
        }
        self.dirs.insert(Vec::new(), (meta.mode, meta.mtime));
        Ok(())
    }

    pub(super) fn symlink(
        &mut self,
        parent: &[u8],
        name: &[u8],
        shown: &str,
        target: &CStr,
        meta: Meta,
    ) -> Result<(), ExtractError> {
        let dirfd = self.parent_dir(parent)?;
        let cname = cstring(name);
        self.replacing(dirfd, &cname, shown, "creating symlink", || {
            sys::symlinkat(target, dirfd, &cname)
        })?;
        if self.new_inode.needs_chown(meta.uid, meta.gid) {
            let r = sys::fchownat_nofollow(dirfd, &cname, meta.uid, meta.gid);
            self.chown(shown, &meta, r)?;
        }
        self.xattrs_by_path(dirfd, &cname, shown, &meta);
        sys::utimensat_nofollow(dirfd, &cname, &meta.mtime).map_err(|source| ExtractError::Io {
            op: "setting times of",
            path: shown.to_string(),
            source,
        })
    }

    pub(super) fn hardlink(
        &mut self,
        path: &[u8],
        parent: &[u8],
        name: &[u8],
        shown: &str,
        target: Option<Vec<u8>>,
    ) -> Result<(), ExtractError> {
        let invalid = |target: &[u8], reason: &str| ExtractError::InvalidHardlink {
            name: shown.to_string(),
            target: lossy(target),
            reason: reason.to_string(),
        };
        let raw_target = target.unwrap_or_default();
        if raw_target.is_empty() || raw_target.contains(&0) {
            return Err(invalid(&raw_target, "missing or malformed target"));
        }
        let target = clean(&raw_target)
            .ok_or_else(|| invalid(&raw_target, "target escapes the layer directory"))?;
        if target.is_empty() {
            return Err(invalid(&raw_target, "target is the layer root"));
        }
        let target = match &self.copy {
            Some(_) if raw_target.starts_with(b"/") => {
                return Err(invalid(&raw_target, "absolute target"))
            }
            Some(rules) if !rules.under.is_empty() => {
                [&rules.under[..], b"/", &target[..]].concat()
            }
            _ => target,
        };
        if target == path {
            return Ok(());
        }
        if self.skipped.contains(&target) {
            self.skipped.insert(path.to_vec());
            self.warn(format!(
                "skipped hardlink \"{shown}\": its target \"{}\" was skipped",
                lossy(&raw_target)
            ));
            return Ok(());
        }
        let dirfd = self.parent_dir(parent)?;
        let (tparent, tname) = split(&target);
        let tparent = if tparent.is_empty() {
            cstring(b".")
        } else {
            cstring(tparent)
        };
        let tdir = sys::openat2_in_root(
            self.root.as_raw_fd(),
            &tparent,
            libc::O_PATH | libc::O_DIRECTORY,
        )
        .map_err(|e| invalid(&raw_target, &format!("target not found: {e}")))?;
        let tname = cstring(tname);
        let cname = cstring(name);
        // linkat without AT_SYMLINK_FOLLOW links the target name itself, never
        // what a symlink there points to.
        match self.replacing(dirfd, &cname, shown, "creating hardlink", || {
            sys::linkat(tdir.as_raw_fd(), &tname, dirfd, &cname)
        }) {
            Err(ExtractError::Io { source, .. })
                if matches!(errno(&source), libc::ENOENT | libc::EPERM) =>
            {
                Err(invalid(
                    &raw_target,
                    &format!("cannot link to target: {source}"),
                ))
            }
            r => r,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn node(
        &mut self,
        path: &[u8],
        parent: &[u8],
        name: &[u8],
        shown: &str,
        fmt: libc::mode_t,
        (major, minor): (u32, u32),
        meta: Meta,
    ) -> Result<(), ExtractError> {
        let is_device = fmt != libc::S_IFIFO;
        if is_device && self.rootless {
            self.skipped.insert(path.to_vec());
            self.warn(format!(
                "skipped device node \"{shown}\": cannot create devices rootless"
            ));
            return Ok(());
        }
        let dirfd = self.parent_dir(parent)?;
        let cname = cstring(name);
        let dev = libc::makedev(major, minor);
        let r = self.replacing(dirfd, &cname, shown, "creating node", || {
            sys::mknodat(dirfd, &cname, fmt | 0o600, dev)
        });
        match r {
            Err(ExtractError::Io { source, .. })
                if is_device && matches!(errno(&source), libc::EPERM | libc::EACCES) =>
            {
                self.skipped.insert(path.to_vec());
                self.warn(format!(
                    "skipped device node \"{shown}\": not permitted ({source})"
                ));
                return Ok(());
            }
            r => r?,
        }
        let r = sys::fchownat_nofollow(dirfd, &cname, meta.uid, meta.gid);
        self.chown(shown, &meta, r)?;
        // glibc implements AT_SYMLINK_NOFOLLOW here via an O_PATH fd, so the mode
        // lands on the node we just made even if something raced us.
        if let Err(e) = sys::fchmodat_nofollow(dirfd, &cname, meta.mode & 0o7777) {
            self.warn(format!("could not set mode of \"{shown}\": {e}"));
        }
        self.xattrs_by_path(dirfd, &cname, shown, &meta);
        sys::utimensat_nofollow(dirfd, &cname, &meta.mtime).map_err(|source| ExtractError::Io {
            op: "setting times of",
            path: shown.to_string(),
            source,
        })
    }

    pub(super) fn whiteout(
        &mut self,
        parent: &[u8],
        hidden: &[u8],
        shown: &str,
    ) -> Result<(), ExtractError> {
        if matches!(hidden, b"" | b"." | b"..") {
            return Err(ExtractError::InvalidEntry {
                name: shown.to_string(),
                reason: "whiteout names nothing".into(),
            });
        }
        let dirfd = self.parent_dir(parent)?;
        let cname = cstring(hidden);
        sys::remove_all(dirfd, &cname).map_err(|source| ExtractError::Io {
            op: "removing",
            path: shown.to_string(),
            source,
        })?;
        sys::mknodat(dirfd, &cname, libc::S_IFCHR, libc::makedev(0, 0)).map_err(|source| {
            ExtractError::Io {
                op: "creating whiteout",
                path: shown.to_string(),
                source,
            }
        })
    }

    pub(super) fn opaque(&mut self, parent: &[u8]) -> Result<(), ExtractError> {
        let dirfd = self.parent_dir(parent)?;
        sys::setxattr_via_proc(dirfd, None, OPAQUE_XATTR, b"y").map_err(|source| ExtractError::Io {
            op: "marking opaque",
            path: if parent.is_empty() {
                "/".into()
            } else {
                lossy(parent)
            },
            source,
        })
    }
}
