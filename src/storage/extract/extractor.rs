//! The extraction state and its policy: resolving parents, replacing what is there,
//! owners and xattrs, and directory metadata applied last.

use super::*;

impl Extractor {
    pub(super) fn new(root: OwnedFd, opts: &ExtractOptions) -> Self {
        Self {
            new_inode: NewInode::under(root.as_fd()),
            root,
            rootless: opts.rootless,
            report: ExtractReport::default(),
            dropped_warnings: 0,
            dirs: HashMap::new(),
            parent: None,
            chown_failed: HashSet::new(),
            skipped: HashSet::new(),
            buf: vec![0; COPY_BUF],
            copy: None,
            made_links: HashSet::new(),
        }
    }

    pub(super) fn into_report(mut self) -> ExtractReport {
        if self.dropped_warnings > 0 {
            self.report
                .warnings
                .push(format!("... and {} more warnings", self.dropped_warnings));
        }
        self.report
    }

    pub(super) fn warn(&mut self, msg: String) {
        if self.report.warnings.len() < MAX_WARNINGS {
            self.report.warnings.push(msg);
        } else {
            self.dropped_warnings += 1;
        }
    }

    /// An entry's metadata, its owner forced when a copy asks for one.
    pub(super) fn meta<R: Read>(
        &self,
        entry: &mut tar::Entry<'_, R>,
        shown: &str,
    ) -> Result<Meta, ExtractError> {
        let mut meta = Meta::read(entry, shown)?;
        if let Some((uid, gid)) = self.copy.as_ref().and_then(|r| r.owner) {
            (meta.uid, meta.gid) = (uid, gid);
        }
        Ok(meta)
    }

    /// A copy entry's place in the root (None: the archive's root, left alone): its
    /// cleaned name under `rules.under`, refused when absolute or when it reaches
    /// through a symlink this archive made.
    pub(super) fn copy_path(
        &mut self,
        under: &[u8],
        raw: &[u8],
        path: Vec<u8>,
        is_symlink: bool,
    ) -> Result<Option<Vec<u8>>, ExtractError> {
        let invalid = |reason: String| ExtractError::InvalidEntry {
            name: lossy(raw),
            reason,
        };
        if raw.starts_with(b"/") {
            return Err(invalid("absolute name".into()));
        }
        if path.is_empty() {
            return Ok(None);
        }
        let mut end = 0;
        for comp in path.split(|&b| b == b'/') {
            end += comp.len();
            if end < path.len() && self.made_links.contains(&path[..end]) {
                return Err(invalid(format!(
                    "goes through the symlink \"{}\" made by the same archive",
                    lossy(&path[..end])
                )));
            }
            end += 1;
        }
        self.made_links.remove(&path);
        if is_symlink {
            self.made_links.insert(path.clone());
        }
        Ok(Some(match under.is_empty() {
            true => path,
            false => [under, b"/", &path[..]].concat(),
        }))
    }

    /// With `keep_kinds`: a directory must not replace a non-directory, nor the reverse.
    pub(super) fn check_kind(
        &self,
        dirfd: RawFd,
        name: &CStr,
        shown: &str,
        dir: bool,
    ) -> Result<(), ExtractError> {
        if !self.copy.as_ref().is_some_and(|r| r.keep_kinds) {
            return Ok(());
        }
        let Ok(mode) = sys::fstatat_mode(dirfd, name) else {
            return Ok(());
        };
        let is_dir = mode & libc::S_IFMT == libc::S_IFDIR;
        match (dir, is_dir) {
            (true, false) => Err(ExtractError::WouldReplace {
                path: shown.to_string(),
                existing: "non-directory",
            }),
            (false, true) => Err(ExtractError::WouldReplace {
                path: shown.to_string(),
                existing: "directory",
            }),
            _ => Ok(()),
        }
    }

    pub(super) fn apply<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
    ) -> Result<(), ExtractError> {
        let kind = entry.header().entry_type();
        if kind.is_pax_global_extensions() {
            return Ok(());
        }
        self.report.entries += 1;
        let raw = entry.path_bytes().into_owned();
        let shown = lossy(&raw);
        if raw.contains(&0) {
            return Err(ExtractError::InvalidEntry {
                name: shown,
                reason: "NUL byte in name".into(),
            });
        }
        let path = clean(&raw).ok_or_else(|| ExtractError::Escape(shown.clone()))?;
        let path = match self.copy.as_ref().map(|r| r.under.clone()) {
            Some(under) => match self.copy_path(&under, &raw, path, kind.is_symlink())? {
                Some(p) => p,
                // The archive's root stands for the destination directory itself.
                None => return Ok(()),
            },
            None => path,
        };
        let (parent, name) = split(&path);

        if path.is_empty() {
            if !kind.is_dir() {
                return Err(ExtractError::InvalidEntry {
                    name: shown,
                    reason: "only a directory may stand for the layer root".into(),
                });
            }
            let meta = self.meta(entry, &shown)?;
            return self.root_dir(meta);
        }
        if self.copy.is_none() {
            if name == OPAQUE_MARKER {
                return self.opaque(parent);
            }
            if name.starts_with(WHITEOUT_META_PREFIX) {
                return Ok(());
            }
            if let Some(hidden) = name.strip_prefix(WHITEOUT_PREFIX) {
                return self.whiteout(parent, hidden, &shown);
            }
        }

        use tar::EntryType as T;
        match kind {
            T::Regular | T::Continuous | T::GNUSparse => {
                let meta = self.meta(entry, &shown)?;
                self.file(parent, name, &shown, entry, meta)
            }
            T::Directory => {
                let meta = self.meta(entry, &shown)?;
                self.dir(&path, parent, name, &shown, meta)
            }
            T::Symlink => {
                let meta = self.meta(entry, &shown)?;
                let target = entry
                    .link_name_bytes()
                    .ok_or_else(|| ExtractError::InvalidEntry {
                        name: shown.clone(),
                        reason: "symlink without a target".into(),
                    })?;
                if target.is_empty() || target.contains(&0) {
                    return Err(ExtractError::InvalidEntry {
                        name: shown,
                        reason: "invalid symlink target".into(),
                    });
                }
                let target = cstring(&target);
                self.symlink(parent, name, &shown, &target, meta)
            }
            T::Link => {
                let target = entry.link_name_bytes().map(|t| t.into_owned());
                self.hardlink(&path, parent, name, &shown, target)
            }
            T::Char | T::Block | T::Fifo => {
                let meta = self.meta(entry, &shown)?;
                let h = entry.header();
                let major = h.device_major().ok().flatten().unwrap_or(0);
                let minor = h.device_minor().ok().flatten().unwrap_or(0);
                let fmt = match kind {
                    T::Char => libc::S_IFCHR,
                    T::Block => libc::S_IFBLK,
                    _ => libc::S_IFIFO,
                };
                self.node(&path, parent, name, &shown, fmt, (major, minor), meta)
            }
            other => {
                self.warn(format!(
                    "skipped \"{shown}\": unsupported tar entry type {:?}",
                    other.as_byte() as char
                ));
                Ok(())
            }
        }
    }

    /// The directory fd for `parent` (resolved inside the root), creating missing
    /// directories on the way like `mkdir -p`.
    pub(super) fn parent_dir(&mut self, parent: &[u8]) -> Result<RawFd, ExtractError> {
        if let Some((p, fd)) = &self.parent {
            if p.as_slice() == parent {
                return Ok(fd.as_raw_fd());
            }
        }
        let fd = self.mkdir_all(parent)?;
        let raw = fd.as_raw_fd();
        self.parent = Some((parent.to_vec(), fd));
        Ok(raw)
    }

    pub(super) fn mkdir_all(&self, path: &[u8]) -> Result<OwnedFd, ExtractError> {
        let root = self.root.as_raw_fd();
        let open = |p: &[u8]| {
            let c = if p.is_empty() {
                cstring(b".")
            } else {
                cstring(p)
            };
            sys::openat2_in_root(root, &c, libc::O_PATH | libc::O_DIRECTORY)
        };
        let io_err = |source| ExtractError::Io {
            op: "creating directory",
            path: lossy(path),
            source,
        };
        match open(path) {
            Ok(fd) => return Ok(fd),
            Err(e) if errno(&e) == libc::ENOENT => {}
            Err(e) => return Err(io_err(e)),
        }
        // Slow path: walk down, creating what is missing. Each step re-resolves
        // from the root, so a symlink among the components is still clamped.
        let mut dir = open(b"").map_err(io_err)?;
        let mut end = 0;
        for comp in path.split(|&b| b == b'/') {
            end += comp.len();
            let prefix = &path[..end];
            end += 1;
            dir = match open(prefix) {
                Ok(fd) => fd,
                Err(e) if errno(&e) == libc::ENOENT => {
                    let name = cstring(comp);
                    match sys::mkdirat(dir.as_raw_fd(), &name, 0o755) {
                        Ok(()) => {}
                        // EEXIST here means a dangling symlink or other non-directory
                        // is in the way; reopening below reports it.
                        Err(e) if errno(&e) == libc::EEXIST => {}
                        Err(e) => {
                            return Err(ExtractError::Io {
                                op: "creating directory",
                                path: lossy(prefix),
                                source: e,
                            })
                        }
                    }
                    sys::openat(
                        dir.as_raw_fd(),
                        &name,
                        libc::O_PATH | libc::O_DIRECTORY | libc::O_NOFOLLOW,
                        0,
                    )
                    .map_err(|source| ExtractError::Io {
                        op: "creating directory",
                        path: lossy(prefix),
                        source,
                    })?
                }
                Err(e) => {
                    return Err(ExtractError::Io {
                        op: "creating directory",
                        path: lossy(prefix),
                        source: e,
                    })
                }
            };
        }
        Ok(dir)
    }

    /// Runs `create`; if something is already at `name`, removes it (this layer
    /// replaces it) and runs `create` again.
    pub(super) fn replacing<T>(
        &mut self,
        dirfd: RawFd,
        name: &CStr,
        shown: &str,
        op: &'static str,
        mut create: impl FnMut() -> io::Result<T>,
    ) -> Result<T, ExtractError> {
        let io_err = |source| ExtractError::Io {
            op,
            path: shown.to_string(),
            source,
        };
        match create() {
            Err(e) if errno(&e) == libc::EEXIST => {
                self.check_kind(dirfd, name, shown, false)?;
                sys::remove_all(dirfd, name).map_err(|source| ExtractError::Io {
                    op: "removing",
                    path: shown.to_string(),
                    source,
                })?;
                create().map_err(io_err)
            }
            r => r.map_err(io_err),
        }
    }

    /// Keeps going when the owner cannot be set because the id is not mapped in
    /// our user namespace (EINVAL) or we lack the privilege (EPERM): the files are
    /// still usable, owned by us. One warning per distinct owner.
    pub(super) fn chown(
        &mut self,
        shown: &str,
        meta: &Meta,
        r: io::Result<()>,
    ) -> Result<(), ExtractError> {
        match r {
            Ok(()) => Ok(()),
            Err(e) if matches!(errno(&e), libc::EINVAL | libc::EPERM | libc::EOVERFLOW) => {
                if self.chown_failed.insert((meta.uid, meta.gid)) {
                    self.warn(format!(
                        "could not set owner {}:{} (first on \"{shown}\"): {e}",
                        meta.uid, meta.gid
                    ));
                }
                Ok(())
            }
            Err(source) => Err(ExtractError::Io {
                op: "setting owner of",
                path: shown.to_string(),
                source,
            }),
        }
    }

    /// xattrs on a non-regular file, through `/proc/self/fd/DIR/NAME` with
    /// lsetxattr: the directory fd was resolved inside the root and the final
    /// component is not followed.
    pub(super) fn xattrs_by_path(&mut self, dirfd: RawFd, name: &CStr, shown: &str, meta: &Meta) {
        for (xname, value) in &meta.xattrs {
            if is_overlay_xattr(xname) {
                self.warn(format!(
                    "ignored xattr {xname:?} on \"{shown}\": reserved for overlayfs"
                ));
                continue;
            }
            let r = sys::setxattr_via_proc(dirfd, Some(name), xname, value);
            self.xattr_result(shown, xname, r);
        }
    }

    pub(super) fn xattr_result(&mut self, shown: &str, xname: &CStr, r: io::Result<()>) {
        let Err(e) = r else { return };
        let name = xname.to_bytes();
        let privileged = name.starts_with(b"security.") || name.starts_with(b"trusted.");
        let refused = matches!(
            errno(&e),
            libc::EPERM | libc::ENOTSUP | libc::EACCES | libc::EINVAL
        );
        if privileged && refused {
            return;
        }
        self.warn(format!(
            "could not set xattr {} on \"{shown}\": {e}",
            String::from_utf8_lossy(name)
        ));
    }

    /// Applies directory modes and mtimes, deepest first so setting a parent's
    /// mtime comes after everything that touches it.
    pub(super) fn finish_dirs(&mut self) -> Result<(), ExtractError> {
        let mut dirs: Vec<_> = std::mem::take(&mut self.dirs).into_iter().collect();
        dirs.sort_by_key(|(p, _)| {
            std::cmp::Reverse(p.iter().filter(|&&b| b == b'/').count() + usize::from(!p.is_empty()))
        });
        let root = self.root.as_raw_fd();
        for (path, (mode, mtime)) in dirs {
            let c = if path.is_empty() {
                cstring(b".")
            } else {
                cstring(&path)
            };
            let shown = if path.is_empty() {
                "/".to_string()
            } else {
                lossy(&path)
            };
            let fd = match sys::openat2_in_root(
                root,
                &c,
                libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW,
            ) {
                Ok(fd) => fd,
                // Replaced or removed by a later entry: nothing to finish.
                Err(e) if matches!(errno(&e), libc::ENOENT | libc::ENOTDIR | libc::ELOOP) => {
                    continue
                }
                Err(source) => {
                    return Err(ExtractError::Io {
                        op: "opening directory",
                        path: shown,
                        source,
                    })
                }
            };
            // mkdirat made every directory 0755; the root was made by our caller.
            if path.is_empty() || self.new_inode.needs_chmod(0o755, mode) {
                sys::fchmod(fd.as_raw_fd(), mode & 0o7777).map_err(|source| ExtractError::Io {
                    op: "setting mode of",
                    path: shown.clone(),
                    source,
                })?;
            }
            sys::futimens(fd.as_raw_fd(), &mtime).map_err(|source| ExtractError::Io {
                op: "setting times of",
                path: shown,
                source,
            })?;
        }
        Ok(())
    }
}

/// overlayfs reads these to decide what a directory means (opaque, redirect,
/// metacopy); a layer must not smuggle them in.
pub(super) fn is_overlay_xattr(name: &CStr) -> bool {
    let n = name.to_bytes();
    n.starts_with(b"user.overlay.") || n.starts_with(b"trusted.overlay.")
}
