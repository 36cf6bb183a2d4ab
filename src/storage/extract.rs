//! Safe extraction of one layer tar into its own layer directory.
//!
//! Every filesystem operation is done relative to a directory fd that was
//! resolved with `openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS)` from the layer
//! directory, and acts only on a single final name component that is never
//! followed: files are created with `O_EXCL | O_NOFOLLOW`, ownership, modes, times
//! and xattrs go through `*at(..., AT_SYMLINK_NOFOLLOW)` or an fd of the inode we
//! just created. So no entry name and no symlink already in the layer can make
//! extraction touch anything outside it.
//!
//! Policy on hostile names, modelled on Docker's archive package:
//! * A leading `/` is stripped: tar names are relative to the archive root, and
//!   some tools write `/etc/passwd` for `etc/passwd`.
//! * Names are cleaned lexically (`a/./b/../c` is `a/c`). A name whose `..`
//!   climbs above the root, or a hardlink whose target does, **rejects the whole
//!   layer** ("escapes the layer directory" / "invalid hardlink"): such a tar is
//!   hostile or broken, and half of it is no better than none.
//! * Symlinks inside the layer are followed with chroot semantics
//!   (`RESOLVE_IN_ROOT`): an absolute or `..`-heavy symlink target is clamped to
//!   the layer directory, as it would be inside the container. A path that would
//!   need a directory created at a dangling symlink fails the layer.
//!
//! Whiteouts become overlayfs whiteouts (character device 0/0, which an
//! unprivileged user namespace may create since Linux 5.8) and opaque markers
//! become the `user.overlay.opaque` xattr, because cove mounts overlay with
//! `userxattr` inside its user namespace.

use std::collections::{HashMap, HashSet};
use std::ffi::{CStr, CString};
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::path::Path;

use crate::storage::new_inode::NewInode;

/// Copy buffer for file contents: large, so a big file costs few write syscalls.
const COPY_BUF: usize = 256 * 1024;
/// Read-ahead in front of the tar parser, which otherwise reads 512-byte headers
/// straight from the (decompressing, hashing) stream.
const READ_BUF: usize = 64 * 1024;
const WHITEOUT_PREFIX: &[u8] = b".wh.";
/// aufs metadata entries (`.wh..wh.plnk`, ...) share this prefix; only the
/// opaque marker among them means anything to overlay.
const WHITEOUT_META_PREFIX: &[u8] = b".wh..wh.";
const OPAQUE_MARKER: &[u8] = b".wh..wh..opq";
const OPAQUE_XATTR: &CStr = c"user.overlay.opaque";
/// Keeps a pathological layer from producing an unbounded report.
const MAX_WARNINGS: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Do not even try to create device nodes (other than whiteouts): an
    /// unprivileged user namespace never may. When false, creation is tried and
    /// an EPERM still only skips the entry with a warning.
    pub rootless: bool,
}

/// How a `cove cp` archive differs from a layer: names are plain files (no whiteouts),
/// absolute names and names reaching through a symlink the same archive made are
/// refused, entries land `under` a directory of the root (so symlinks already there
/// resolve against the whole root, as inside the container), the archive's own root
/// entry leaves that directory as it is, an owner may be forced on everything, and a
/// directory and a non-directory may be kept from replacing each other.
#[derive(Debug, Clone, Default)]
pub struct CopyRules {
    /// Relative to the root, cleaned (`a/b`, empty for the root itself).
    pub under: Vec<u8>,
    pub owner: Option<(u64, u64)>,
    pub keep_kinds: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractReport {
    /// Things that could not be reproduced exactly (unmapped owners, device nodes,
    /// xattrs the kernel refused); the layer is still usable.
    pub warnings: Vec<String>,
    /// Number of tar entries applied or deliberately skipped.
    pub entries: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("layer entry \"{0}\" escapes the layer directory")]
    Escape(String),
    #[error("invalid hardlink \"{name}\" -> \"{target}\": {reason}")]
    InvalidHardlink {
        name: String,
        target: String,
        reason: String,
    },
    #[error("invalid layer entry \"{name}\": {reason}")]
    InvalidEntry { name: String, reason: String },
    #[error("reading layer: {0}")]
    Read(#[source] io::Error),
    #[error("\"{path}\" exists as a {existing}")]
    WouldReplace {
        path: String,
        existing: &'static str,
    },
    #[error("{op} \"{path}\": {source}")]
    Io {
        op: &'static str,
        path: String,
        #[source]
        source: io::Error,
    },
}

/// Extracts the uncompressed layer tar `tar` into `dest`, an existing empty
/// directory that the caller renames into place only after success.
///
/// The stream is consumed to EOF, including anything after the tar end-of-archive
/// marker, so a digest computed over the reader covers every byte.
pub fn extract_layer<R: Read>(
    tar: R,
    dest: &Path,
    opts: &ExtractOptions,
) -> Result<ExtractReport, ExtractError> {
    let root = sys::open_dir_path(dest).map_err(|source| ExtractError::Io {
        op: "opening layer directory",
        path: dest.display().to_string(),
        source,
    })?;
    let mut ex = Extractor::new(root, opts);
    let mut archive = tar::Archive::new(BufReader::with_capacity(READ_BUF, tar));
    {
        let entries = archive.entries().map_err(ExtractError::Read)?;
        for entry in entries {
            let mut entry = entry.map_err(ExtractError::Read)?;
            ex.apply(&mut entry)?;
        }
    }
    io::copy(&mut archive.into_inner(), &mut io::sink()).map_err(ExtractError::Read)?;
    ex.finish_dirs()?;
    Ok(ex.into_report())
}

/// Extracts a `cove cp` archive into `root` following `rules` (see `CopyRules`); the
/// same containment as a layer otherwise.
pub fn extract_copy<R: Read>(
    tar: R,
    root: &Path,
    opts: &ExtractOptions,
    rules: CopyRules,
) -> Result<ExtractReport, ExtractError> {
    let fd = sys::open_dir_path(root).map_err(|source| ExtractError::Io {
        op: "opening directory",
        path: root.display().to_string(),
        source,
    })?;
    let mut ex = Extractor::new(fd, opts);
    ex.copy = Some(rules);
    let mut archive = tar::Archive::new(BufReader::with_capacity(READ_BUF, tar));
    for entry in archive.entries().map_err(ExtractError::Read)? {
        let mut entry = entry.map_err(ExtractError::Read)?;
        ex.apply(&mut entry)?;
    }
    ex.finish_dirs()?;
    Ok(ex.into_report())
}

/// Lexically cleans a tar name into `a/b/c` form (empty for the root). `None`
/// when `..` climbs above the root.
fn clean(raw: &[u8]) -> Option<Vec<u8>> {
    let mut comps: Vec<&[u8]> = Vec::new();
    for c in raw.split(|&b| b == b'/') {
        match c {
            b"" | b"." => {}
            b".." => {
                comps.pop()?;
            }
            c => comps.push(c),
        }
    }
    Some(comps.join(&b"/"[..]))
}

/// Splits a cleaned path into (parent, final name); the parent is empty at the root.
fn split(path: &[u8]) -> (&[u8], &[u8]) {
    match path.iter().rposition(|&b| b == b'/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => (&[], path),
    }
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn cstring(b: &[u8]) -> CString {
    // Callers reject NUL bytes in names before any path reaches here.
    CString::new(b).unwrap_or_default()
}

fn errno(e: &io::Error) -> i32 {
    e.raw_os_error().unwrap_or(0)
}

/// Metadata of one entry, gathered from the header and its PAX records.
struct Meta {
    mode: u32,
    uid: u64,
    gid: u64,
    mtime: libc::timespec,
    xattrs: Vec<(CString, Vec<u8>)>,
}

impl Meta {
    fn read<R: Read>(entry: &mut tar::Entry<'_, R>, name: &str) -> Result<Meta, ExtractError> {
        let bad = |what: &str, e: io::Error| ExtractError::InvalidEntry {
            name: name.to_string(),
            reason: format!("bad {what}: {e}"),
        };
        let h = entry.header();
        // Like Go's archive/tar (which wrote most layers), an empty numeric field
        // reads as 0 rather than failing the layer.
        let old = h.as_old();
        let mode = or_zero(h.mode(), &old.mode).map_err(|e| bad("mode", e))?;
        // PAX uid/gid were already folded into the header by the tar crate.
        let uid = or_zero(h.uid(), &old.uid).map_err(|e| bad("uid", e))?;
        let gid = or_zero(h.gid(), &old.gid).map_err(|e| bad("gid", e))?;
        let mut mtime = libc::timespec {
            tv_sec: i64::try_from(h.mtime().unwrap_or(0)).unwrap_or(i64::MAX),
            tv_nsec: 0,
        };
        let mut xattrs = Vec::new();
        if let Some(pax) = entry.pax_extensions().map_err(ExtractError::Read)? {
            for ext in pax {
                let ext = ext.map_err(ExtractError::Read)?;
                let key = ext.key_bytes();
                if let Some(xname) = key.strip_prefix(b"SCHILY.xattr.") {
                    if !xname.is_empty() && !xname.contains(&0) {
                        xattrs.push((cstring(xname), ext.value_bytes().to_vec()));
                    }
                } else if key == b"mtime" {
                    if let Some(ts) = ext.value().ok().and_then(parse_pax_time) {
                        mtime = ts;
                    }
                }
            }
        }
        Ok(Meta {
            mode,
            uid,
            gid,
            mtime,
            xattrs,
        })
    }
}

fn or_zero<T: Default>(parsed: io::Result<T>, raw: &[u8]) -> io::Result<T> {
    match parsed {
        Err(_) if raw.iter().all(|&b| b == 0 || b == b' ') => Ok(T::default()),
        r => r,
    }
}

/// Parses a PAX time ("1700000000.123456789", possibly negative).
fn parse_pax_time(s: &str) -> Option<libc::timespec> {
    let (sec, frac) = s.split_once('.').unwrap_or((s, ""));
    let tv_sec: i64 = sec.parse().ok()?;
    let digits: String = frac.chars().take(9).collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let tv_nsec: i64 = if digits.is_empty() {
        0
    } else {
        format!("{digits:0<9}").parse().ok()?
    };
    // Negative times with a fraction count the fraction towards zero; keep the
    // nanoseconds non-negative as the kernel requires.
    if tv_sec < 0 && tv_nsec > 0 {
        return Some(libc::timespec {
            tv_sec: tv_sec - 1,
            tv_nsec: 1_000_000_000 - tv_nsec,
        });
    }
    Some(libc::timespec { tv_sec, tv_nsec })
}

struct Extractor {
    root: OwnedFd,
    rootless: bool,
    report: ExtractReport,
    dropped_warnings: u64,
    /// Directory mode and mtime are applied after all entries: children change a
    /// directory's mtime, and a read-only mode would block later entries for a
    /// non-root extractor.
    dirs: HashMap<Vec<u8>, (u32, libc::timespec)>,
    /// The last parent directory resolved. Tars list a directory's children
    /// together, so this saves an openat2 per entry. It cannot go stale: the only
    /// thing ever removed is a child of the current entry's parent, which is never
    /// an ancestor of the cached directory.
    parent: Option<(Vec<u8>, OwnedFd)>,
    chown_failed: HashSet<(u64, u64)>,
    new_inode: NewInode,
    /// Entries skipped on purpose (device nodes), so hardlinks to them are too.
    skipped: HashSet<Vec<u8>>,
    buf: Vec<u8>,
    /// Set for `cove cp` archives.
    copy: Option<CopyRules>,
    /// Symlinks this archive made (its own names): nothing may be written through them.
    made_links: HashSet<Vec<u8>>,
}

impl Extractor {
    fn new(root: OwnedFd, opts: &ExtractOptions) -> Self {
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

    fn into_report(mut self) -> ExtractReport {
        if self.dropped_warnings > 0 {
            self.report
                .warnings
                .push(format!("... and {} more warnings", self.dropped_warnings));
        }
        self.report
    }

    fn warn(&mut self, msg: String) {
        if self.report.warnings.len() < MAX_WARNINGS {
            self.report.warnings.push(msg);
        } else {
            self.dropped_warnings += 1;
        }
    }

    /// An entry's metadata, its owner forced when a copy asks for one.
    fn meta<R: Read>(
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
    fn copy_path(
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
    fn check_kind(
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

    fn apply<R: Read>(&mut self, entry: &mut tar::Entry<'_, R>) -> Result<(), ExtractError> {
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
    fn parent_dir(&mut self, parent: &[u8]) -> Result<RawFd, ExtractError> {
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

    fn mkdir_all(&self, path: &[u8]) -> Result<OwnedFd, ExtractError> {
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
    fn replacing<T>(
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

    fn file<R: Read>(
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

    fn dir(
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

    fn root_dir(&mut self, meta: Meta) -> Result<(), ExtractError> {
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

    fn symlink(
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

    fn hardlink(
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
    fn node(
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

    fn whiteout(&mut self, parent: &[u8], hidden: &[u8], shown: &str) -> Result<(), ExtractError> {
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

    fn opaque(&mut self, parent: &[u8]) -> Result<(), ExtractError> {
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

    /// Keeps going when the owner cannot be set because the id is not mapped in
    /// our user namespace (EINVAL) or we lack the privilege (EPERM): the files are
    /// still usable, owned by us. One warning per distinct owner.
    fn chown(&mut self, shown: &str, meta: &Meta, r: io::Result<()>) -> Result<(), ExtractError> {
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
    fn xattrs_by_path(&mut self, dirfd: RawFd, name: &CStr, shown: &str, meta: &Meta) {
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

    fn xattr_result(&mut self, shown: &str, xname: &CStr, r: io::Result<()>) {
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
    fn finish_dirs(&mut self) -> Result<(), ExtractError> {
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
fn is_overlay_xattr(name: &CStr) -> bool {
    let n = name.to_bytes();
    n.starts_with(b"user.overlay.") || n.starts_with(b"trusted.overlay.")
}

/// Thin wrappers over the syscalls, so the logic above reads as the policy it is.
mod sys {
    use std::ffi::{CStr, CString};
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;

    fn cvt(r: libc::c_int) -> io::Result<()> {
        if r == -1 {
            Err(io::Error::last_os_error())
        } else {
            Ok(())
        }
    }

    fn fd_result(r: libc::c_long) -> io::Result<OwnedFd> {
        if r < 0 {
            Err(io::Error::last_os_error())
        } else {
            // SAFETY: the kernel just returned this fd to us and nothing else owns it.
            Ok(unsafe { OwnedFd::from_raw_fd(r as RawFd) })
        }
    }

    pub fn open_dir_path(path: &Path) -> io::Result<OwnedFd> {
        let c = CString::new(path.as_os_str().as_bytes())?;
        // SAFETY: c is a valid NUL-terminated string.
        let r = unsafe {
            libc::open(
                c.as_ptr(),
                libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC,
            )
        };
        fd_result(r.into())
    }

    /// openat2 with chroot-like resolution: `..` and absolute symlinks stop at
    /// `root`, magic links (/proc/self/fd/...) are refused.
    pub fn openat2_in_root(root: RawFd, path: &CStr, flags: libc::c_int) -> io::Result<OwnedFd> {
        // SAFETY: open_how is plain data; all-zero is its documented default.
        let mut how: libc::open_how = unsafe { std::mem::zeroed() };
        how.flags = (flags | libc::O_CLOEXEC) as u64;
        how.resolve = libc::RESOLVE_IN_ROOT | libc::RESOLVE_NO_MAGICLINKS;
        // EAGAIN means a rename elsewhere raced the lookup; the kernel asks us to retry.
        for _ in 0..64 {
            // SAFETY: valid pointers to a C string and an open_how of the given size.
            let r = unsafe {
                libc::syscall(
                    libc::SYS_openat2,
                    root,
                    path.as_ptr(),
                    &how as *const libc::open_how,
                    std::mem::size_of::<libc::open_how>(),
                )
            };
            match fd_result(r) {
                Err(e) if matches!(e.raw_os_error(), Some(libc::EAGAIN | libc::EINTR)) => continue,
                r => return r,
            }
        }
        Err(io::Error::from_raw_os_error(libc::EAGAIN))
    }

    pub fn openat(
        dir: RawFd,
        name: &CStr,
        flags: libc::c_int,
        mode: libc::mode_t,
    ) -> io::Result<OwnedFd> {
        // SAFETY: valid C string; the fd is owned by the caller.
        let r = unsafe { libc::openat(dir, name.as_ptr(), flags | libc::O_CLOEXEC, mode) };
        fd_result(r.into())
    }

    pub fn mkdirat(dir: RawFd, name: &CStr, mode: libc::mode_t) -> io::Result<()> {
        // SAFETY: valid C string.
        cvt(unsafe { libc::mkdirat(dir, name.as_ptr(), mode) })
    }

    pub fn symlinkat(target: &CStr, dir: RawFd, name: &CStr) -> io::Result<()> {
        // SAFETY: valid C strings.
        cvt(unsafe { libc::symlinkat(target.as_ptr(), dir, name.as_ptr()) })
    }

    pub fn linkat(odir: RawFd, oname: &CStr, ndir: RawFd, nname: &CStr) -> io::Result<()> {
        // SAFETY: valid C strings; flags 0 = do not follow a symlink at oname.
        cvt(unsafe { libc::linkat(odir, oname.as_ptr(), ndir, nname.as_ptr(), 0) })
    }

    pub fn mknodat(
        dir: RawFd,
        name: &CStr,
        mode: libc::mode_t,
        dev: libc::dev_t,
    ) -> io::Result<()> {
        // SAFETY: valid C string.
        cvt(unsafe { libc::mknodat(dir, name.as_ptr(), mode, dev) })
    }

    pub fn unlinkat(dir: RawFd, name: &CStr, flags: libc::c_int) -> io::Result<()> {
        // SAFETY: valid C string.
        cvt(unsafe { libc::unlinkat(dir, name.as_ptr(), flags) })
    }

    fn ids(uid: u64, gid: u64) -> io::Result<(libc::uid_t, libc::gid_t)> {
        match (libc::uid_t::try_from(uid), libc::gid_t::try_from(gid)) {
            // (uid_t)-1 means "leave unchanged" to chown; never pass it through.
            (Ok(u), Ok(g)) if u != libc::uid_t::MAX && g != libc::gid_t::MAX => Ok((u, g)),
            _ => Err(io::Error::from_raw_os_error(libc::EOVERFLOW)),
        }
    }

    pub fn fchown(fd: RawFd, uid: u64, gid: u64) -> io::Result<()> {
        let (u, g) = ids(uid, gid)?;
        // SAFETY: plain syscall on an fd we own.
        cvt(unsafe { libc::fchown(fd, u, g) })
    }

    pub fn fchownat_nofollow(dir: RawFd, name: &CStr, uid: u64, gid: u64) -> io::Result<()> {
        let (u, g) = ids(uid, gid)?;
        // SAFETY: valid C string.
        cvt(unsafe { libc::fchownat(dir, name.as_ptr(), u, g, libc::AT_SYMLINK_NOFOLLOW) })
    }

    /// chown of the inode an O_PATH fd refers to.
    pub fn fchown_path_fd(fd: RawFd, uid: u64, gid: u64) -> io::Result<()> {
        let (u, g) = ids(uid, gid)?;
        // SAFETY: empty C string with AT_EMPTY_PATH targets fd itself.
        cvt(unsafe { libc::fchownat(fd, c"".as_ptr(), u, g, libc::AT_EMPTY_PATH) })
    }

    pub fn fchmod(fd: RawFd, mode: u32) -> io::Result<()> {
        // SAFETY: plain syscall.
        cvt(unsafe { libc::fchmod(fd, mode as libc::mode_t) })
    }

    pub fn fchmodat_nofollow(dir: RawFd, name: &CStr, mode: u32) -> io::Result<()> {
        // SAFETY: valid C string.
        cvt(unsafe {
            libc::fchmodat(
                dir,
                name.as_ptr(),
                mode as libc::mode_t,
                libc::AT_SYMLINK_NOFOLLOW,
            )
        })
    }

    pub fn futimens(fd: RawFd, mtime: &libc::timespec) -> io::Result<()> {
        let ts = [*mtime, *mtime];
        // SAFETY: ts is an array of two timespecs as required.
        cvt(unsafe { libc::futimens(fd, ts.as_ptr()) })
    }

    pub fn utimensat_nofollow(dir: RawFd, name: &CStr, mtime: &libc::timespec) -> io::Result<()> {
        let ts = [*mtime, *mtime];
        // SAFETY: valid C string and two timespecs.
        cvt(unsafe { libc::utimensat(dir, name.as_ptr(), ts.as_ptr(), libc::AT_SYMLINK_NOFOLLOW) })
    }

    /// File type bits and permissions of `name`, not following a symlink.
    pub fn fstatat_mode(dir: RawFd, name: &CStr) -> io::Result<libc::mode_t> {
        // SAFETY: stat is plain data filled in by the kernel.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: valid C string and stat buffer.
        cvt(unsafe { libc::fstatat(dir, name.as_ptr(), &mut st, libc::AT_SYMLINK_NOFOLLOW) })?;
        Ok(st.st_mode)
    }

    pub fn fsetxattr(fd: RawFd, name: &CStr, value: &[u8]) -> io::Result<()> {
        // SAFETY: valid C string and buffer.
        cvt(unsafe { libc::fsetxattr(fd, name.as_ptr(), value.as_ptr().cast(), value.len(), 0) })
    }

    /// Sets an xattr on `dir` itself (`name` None) or on `dir/name` without
    /// following a symlink at `name`. Goes through /proc/self/fd because the
    /// directory fds here are O_PATH, which fsetxattr does not accept.
    pub fn setxattr_via_proc(
        dir: RawFd,
        name: Option<&CStr>,
        xname: &CStr,
        value: &[u8],
    ) -> io::Result<()> {
        let mut p = format!("/proc/self/fd/{dir}").into_bytes();
        if let Some(n) = name {
            p.push(b'/');
            p.extend_from_slice(n.to_bytes());
        }
        let p = CString::new(p)?;
        let v = value.as_ptr().cast();
        // SAFETY: valid C strings and buffer.
        cvt(unsafe {
            match name {
                // The magic link must be followed to reach the directory.
                None => libc::setxattr(p.as_ptr(), xname.as_ptr(), v, value.len(), 0),
                Some(_) => libc::lsetxattr(p.as_ptr(), xname.as_ptr(), v, value.len(), 0),
            }
        })
    }

    /// Removes `dir/name` whatever it is (a directory recursively); absent is fine.
    /// Never follows symlinks: a symlink is removed, not its target.
    pub fn remove_all(dir: RawFd, name: &CStr) -> io::Result<()> {
        match unlinkat(dir, name, 0) {
            Ok(()) => return Ok(()),
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(()),
            Err(e) if e.raw_os_error() == Some(libc::EISDIR) => {}
            Err(e) => return Err(e),
        }
        let sub = openat(
            dir,
            name,
            libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW,
            0,
        )?;
        let names = list_dir(&sub)?;
        for n in names {
            remove_all(sub.as_raw_fd(), &n)?;
        }
        unlinkat(dir, name, libc::AT_REMOVEDIR)
    }

    fn list_dir(dir: &OwnedFd) -> io::Result<Vec<CString>> {
        let dup = dir.try_clone()?;
        let mut d = nix::dir::Dir::from_fd(dup).map_err(io::Error::from)?;
        let mut out = Vec::new();
        for ent in d.iter() {
            let ent = ent.map_err(io::Error::from)?;
            let n = ent.file_name();
            if n != c"." && n != c".." {
                out.push(n.to_owned());
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
#[path = "extract_props.rs"]
mod props;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::compression::decompress;
    use crate::storage::digest::DigestReader;
    use sha2::{Digest as _, Sha256};
    use std::fs;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
    use std::path::PathBuf;

    /// Writes tar entries with raw headers, so names the tar crate's Builder
    /// refuses (`..`, absolute) can be produced.
    #[derive(Default)]
    struct RawTar {
        out: Vec<u8>,
    }

    struct E<'a> {
        name: &'a str,
        kind: tar::EntryType,
        data: &'a [u8],
        link: &'a str,
        mode: u32,
        uid: u64,
        gid: u64,
        mtime: u64,
        dev: (u32, u32),
        pax: Vec<(String, Vec<u8>)>,
    }

    fn e(name: &str, kind: tar::EntryType) -> E<'_> {
        E {
            name,
            kind,
            data: b"",
            link: "",
            mode: if kind == tar::EntryType::Directory {
                0o755
            } else {
                0o644
            },
            uid: 0,
            gid: 0,
            mtime: 1_600_000_000,
            dev: (0, 0),
            pax: Vec::new(),
        }
    }
    fn file<'a>(name: &'a str, data: &'a [u8]) -> E<'a> {
        E {
            data,
            ..e(name, tar::EntryType::Regular)
        }
    }
    fn dir(name: &str) -> E<'_> {
        e(name, tar::EntryType::Directory)
    }
    fn symlink<'a>(name: &'a str, target: &'a str) -> E<'a> {
        E {
            link: target,
            mode: 0o777,
            ..e(name, tar::EntryType::Symlink)
        }
    }
    fn hardlink<'a>(name: &'a str, target: &'a str) -> E<'a> {
        E {
            link: target,
            ..e(name, tar::EntryType::Link)
        }
    }

    fn pad(out: &mut Vec<u8>) {
        let rem = out.len() % 512;
        if rem != 0 {
            out.resize(out.len() + 512 - rem, 0);
        }
    }

    impl RawTar {
        fn raw_header(
            &mut self,
            name: &[u8],
            kind: tar::EntryType,
            size: u64,
            f: impl FnOnce(&mut tar::Header),
        ) {
            let mut h = tar::Header::new_gnu();
            {
                let old = h.as_old_mut();
                old.name[..name.len()].copy_from_slice(name);
            }
            h.set_entry_type(kind);
            h.set_size(size);
            h.set_mode(0o644);
            h.set_mtime(0);
            f(&mut h);
            h.set_cksum();
            self.out.extend_from_slice(h.as_bytes());
        }

        fn add(&mut self, en: E<'_>) -> &mut Self {
            if !en.pax.is_empty() {
                let mut body = Vec::new();
                for (k, v) in &en.pax {
                    let rest = 1 + k.len() + 1 + v.len() + 1;
                    let mut len = rest + 1;
                    while format!("{len}").len() + rest != len {
                        len += 1;
                    }
                    body.extend_from_slice(format!("{len} {k}=").as_bytes());
                    body.extend_from_slice(v);
                    body.push(b'\n');
                }
                self.raw_header(b"pax", tar::EntryType::XHeader, body.len() as u64, |_| {});
                self.out.extend_from_slice(&body);
                pad(&mut self.out);
            }
            self.raw_header(en.name.as_bytes(), en.kind, en.data.len() as u64, |h| {
                h.set_mode(en.mode);
                h.set_uid(en.uid);
                h.set_gid(en.gid);
                h.set_mtime(en.mtime);
                let link = en.link.as_bytes();
                h.as_old_mut().linkname[..link.len()].copy_from_slice(link);
                if matches!(en.kind, tar::EntryType::Char | tar::EntryType::Block) {
                    h.set_device_major(en.dev.0).unwrap();
                    h.set_device_minor(en.dev.1).unwrap();
                }
            });
            self.out.extend_from_slice(en.data);
            pad(&mut self.out);
            self
        }

        fn finish(&mut self) -> Vec<u8> {
            let mut out = std::mem::take(&mut self.out);
            out.extend_from_slice(&[0; 1024]);
            out
        }
    }

    fn tar_of(entries: Vec<E<'_>>) -> Vec<u8> {
        let mut t = RawTar::default();
        for en in entries {
            t.add(en);
        }
        t.finish()
    }

    /// outer/ holds a canary file and dir; outer/layer is the extraction root.
    struct Fixture {
        _tmp: tempfile::TempDir,
        outer: PathBuf,
        layer: PathBuf,
    }

    impl Fixture {
        fn new() -> Self {
            let tmp = tempfile::tempdir().unwrap();
            let outer = tmp.path().to_path_buf();
            fs::write(outer.join("canary"), b"canary").unwrap();
            fs::set_permissions(outer.join("canary"), fs::Permissions::from_mode(0o644)).unwrap();
            fs::create_dir(outer.join("canarydir")).unwrap();
            let layer = outer.join("layer");
            fs::create_dir(&layer).unwrap();
            Fixture {
                _tmp: tmp,
                outer,
                layer,
            }
        }

        fn extract(&self, tar: &[u8]) -> Result<ExtractReport, ExtractError> {
            extract_layer(tar, &self.layer, &ExtractOptions::default())
        }

        /// Nothing outside the layer dir changed.
        fn assert_canary(&self) {
            let c = self.outer.join("canary");
            assert_eq!(fs::read(&c).unwrap(), b"canary");
            let m = fs::symlink_metadata(&c).unwrap();
            assert_eq!(m.mode() & 0o7777, 0o644);
            assert_eq!(m.nlink(), 1);
            assert_eq!(m.uid(), 0);
            let mut names: Vec<_> = fs::read_dir(&self.outer)
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            names.sort();
            assert_eq!(names, ["canary", "canarydir", "layer"]);
            assert_eq!(
                fs::read_dir(self.outer.join("canarydir")).unwrap().count(),
                0
            );
        }

        fn p(&self, rel: &str) -> PathBuf {
            self.layer.join(rel)
        }
    }

    #[test]
    fn clean_paths() {
        assert_eq!(clean(b"./a//b/./c/").unwrap(), b"a/b/c");
        assert_eq!(clean(b"/etc/passwd").unwrap(), b"etc/passwd");
        assert_eq!(clean(b"a/../b").unwrap(), b"b");
        assert_eq!(clean(b"./").unwrap(), b"");
        assert!(clean(b"../x").is_none());
        assert!(clean(b"a/../../x").is_none());
        assert!(clean(b"/..").is_none());
        assert_eq!(split(b"a/b/c"), (&b"a/b"[..], &b"c"[..]));
        assert_eq!(split(b"c"), (&b""[..], &b"c"[..]));
    }

    #[test]
    fn dotdot_escape_rejects_layer() {
        for name in [
            "../escape",
            "a/../../escape",
            "./../canary",
            "../layer/../canary",
        ] {
            let f = Fixture::new();
            let err = f
                .extract(&tar_of(vec![file("ok", b"x"), file(name, b"pwned")]))
                .unwrap_err();
            assert!(matches!(err, ExtractError::Escape(_)), "{name}: {err}");
            assert_eq!(
                err.to_string(),
                format!("layer entry \"{name}\" escapes the layer directory")
            );
            f.assert_canary();
        }
    }

    #[test]
    fn absolute_names_land_inside() {
        let f = Fixture::new();
        let abs = format!("{}/canary", f.outer.display());
        f.extract(&tar_of(vec![file(&abs, b"pwned"), file("/top", b"t")]))
            .unwrap();
        f.assert_canary();
        assert_eq!(fs::read(f.p(&abs[1..])).unwrap(), b"pwned");
        assert_eq!(fs::read(f.p("top")).unwrap(), b"t");
    }

    #[test]
    fn symlink_to_outside_is_never_followed() {
        let f = Fixture::new();
        let outer = f.outer.display().to_string();
        let abs_dir = format!("{outer}/canarydir");
        let abs_file = format!("{outer}/canary");
        // A file through an absolute symlink to an outside directory.
        let err = f
            .extract(&tar_of(vec![
                symlink("evil", &abs_dir),
                file("evil/pwned", b"pwned"),
            ]))
            .unwrap_err();
        assert!(err.to_string().contains("evil"), "{err}");
        f.assert_canary();

        // Relative escapes through symlinks, and metadata/replacement of a
        // symlink that points at an outside file.
        let f = Fixture::new();
        let rel = "../../../../../../../../../../..".to_string() + &abs_dir;
        let err = f
            .extract(&tar_of(vec![
                symlink("rel", &rel),
                file("rel/pwned", b"pwned"),
            ]))
            .unwrap_err();
        assert!(err.to_string().contains("rel"), "{err}");
        f.assert_canary();

        let f = Fixture::new();
        let up = "../".repeat(20);
        let report = f
            .extract(&tar_of(vec![
                symlink("tofile", &abs_file),
                symlink("tofile2", "../canary"),
                symlink("toroot", &up),
                // Replacing a symlink must replace the link, not write its target.
                file("tofile", b"pwned"),
                E {
                    mode: 0o777,
                    uid: 4242,
                    ..dir("tofile2")
                },
                // Through a symlink clamped to the root: lands in the layer.
                file("toroot/inside", b"in"),
                symlink("hl-src", &abs_file),
                hardlink("hl", "hl-src"),
            ]))
            .unwrap();
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        f.assert_canary();
        assert_eq!(fs::read(f.p("tofile")).unwrap(), b"pwned");
        assert!(fs::symlink_metadata(f.p("tofile2")).unwrap().is_dir());
        assert_eq!(fs::read(f.p("inside")).unwrap(), b"in");
        // The hardlink is to the symlink itself.
        let hl = fs::symlink_metadata(f.p("hl")).unwrap();
        assert!(hl.file_type().is_symlink());
        assert_eq!(hl.ino(), fs::symlink_metadata(f.p("hl-src")).unwrap().ino());
    }

    #[test]
    fn metadata_on_symlink_is_not_followed() {
        let f = Fixture::new();
        let abs_file = format!("{}/canary", f.outer.display());
        f.extract(&tar_of(vec![E {
            uid: 77,
            gid: 88,
            mtime: 12345,
            ..symlink("s", &abs_file)
        }]))
        .unwrap();
        f.assert_canary();
        let m = fs::symlink_metadata(f.p("s")).unwrap();
        assert_eq!((m.uid(), m.gid(), m.mtime()), (77, 88, 12345));
        assert_eq!(fs::read_link(f.p("s")).unwrap(), PathBuf::from(abs_file));
    }

    #[test]
    fn hardlinks_out_of_the_root_are_refused() {
        let f = Fixture::new();
        let abs_file = format!("{}/canary", f.outer.display());
        for (target, expect) in [
            ("../canary", "escapes"),
            ("a/../../canary", "escapes"),
            (abs_file.as_str(), "not found"),
        ] {
            let err = f
                .extract(&tar_of(vec![hardlink("hl", target)]))
                .unwrap_err();
            assert!(matches!(err, ExtractError::InvalidHardlink { .. }), "{err}");
            assert!(
                err.to_string().starts_with("invalid hardlink \"hl\""),
                "{err}"
            );
            assert!(err.to_string().contains(expect), "{err}");
            f.assert_canary();
        }
        // Through a symlinked parent directory pointing outside.
        let f = Fixture::new();
        let outer = f.outer.display().to_string();
        let err = f
            .extract(&tar_of(vec![
                symlink("up", &outer),
                symlink("up2", "../../../.."),
                hardlink("hl2", "up2/canary"),
            ]))
            .unwrap_err();
        assert!(matches!(err, ExtractError::InvalidHardlink { .. }), "{err}");
        let err = f
            .extract(&tar_of(vec![hardlink("hl", "up/canary")]))
            .unwrap_err();
        assert!(matches!(err, ExtractError::InvalidHardlink { .. }), "{err}");
        f.assert_canary();
    }

    #[test]
    fn hardlink_inside_is_same_inode() {
        let f = Fixture::new();
        f.extract(&tar_of(vec![
            dir("bin"),
            file("bin/busybox", b"#!busybox"),
            hardlink("bin/sh", "bin/busybox"),
            hardlink("ls", "/bin/busybox"),
            hardlink("bin/busybox", "./bin/busybox"),
        ]))
        .unwrap();
        let a = fs::metadata(f.p("bin/busybox")).unwrap();
        assert_eq!(a.nlink(), 3);
        assert_eq!(fs::metadata(f.p("bin/sh")).unwrap().ino(), a.ino());
        assert_eq!(fs::metadata(f.p("ls")).unwrap().ino(), a.ino());
    }

    #[test]
    fn whiteouts_become_overlay_whiteouts() {
        let f = Fixture::new();
        f.extract(&tar_of(vec![
            dir("etc"),
            file("etc/keep", b"k"),
            file("etc/gone", b"g"),
            dir("etc/gonedir"),
            file("etc/gonedir/x", b"x"),
            file("etc/.wh.gone", b""),
            file("etc/.wh.gonedir", b""),
            file(".wh.toplevel", b""),
            file("new/deep/.wh.missing", b""),
            file("etc/.wh..wh.plnk", b""),
        ]))
        .unwrap();
        for w in ["etc/gone", "etc/gonedir", "toplevel", "new/deep/missing"] {
            let m = fs::symlink_metadata(f.p(w)).unwrap();
            assert!(m.file_type().is_char_device(), "{w}");
            assert_eq!(m.rdev(), 0, "{w}");
        }
        assert_eq!(fs::read(f.p("etc/keep")).unwrap(), b"k");
        assert!(!f.p("etc/.wh.gone").exists());
        assert!(!f.p("etc/.wh..wh.plnk").exists());

        let err = f.extract(&tar_of(vec![file("d/.wh...", b"")])).unwrap_err();
        assert!(matches!(err, ExtractError::InvalidEntry { .. }), "{err}");
        f.assert_canary();
    }

    fn get_xattr(p: &Path, name: &CStr) -> Option<Vec<u8>> {
        let c = CString::new(p.as_os_str().as_bytes()).unwrap();
        let mut buf = [0u8; 256];
        let n = unsafe {
            libc::lgetxattr(
                c.as_ptr(),
                name.as_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
            )
        };
        (n >= 0).then(|| buf[..n as usize].to_vec())
    }

    #[test]
    fn opaque_dirs_get_the_xattr() {
        let f = Fixture::new();
        f.extract(&tar_of(vec![
            dir("opq"),
            file("opq/.wh..wh..opq", b""),
            file("opq/new", b"n"),
            file("implicit/.wh..wh..opq", b""),
            file("plain/f", b""),
        ]))
        .unwrap();
        assert_eq!(
            get_xattr(&f.p("opq"), OPAQUE_XATTR).as_deref(),
            Some(&b"y"[..])
        );
        assert_eq!(
            get_xattr(&f.p("implicit"), OPAQUE_XATTR).as_deref(),
            Some(&b"y"[..])
        );
        assert_eq!(get_xattr(&f.p("plain"), OPAQUE_XATTR), None);
        assert!(!f.p("opq/.wh..wh..opq").exists());
        assert_eq!(fs::read(f.p("opq/new")).unwrap(), b"n");
    }

    #[test]
    fn later_entries_replace_earlier_ones() {
        let f = Fixture::new();
        f.extract(&tar_of(vec![
            file("f", b"first"),
            file("f", b"second"),
            file("x", b"file"),
            dir("x"),
            file("x/child", b"c"),
            dir("d"),
            file("d/inner", b"i"),
            dir("d/sub"),
            file("d", b"now a file"),
            dir("m"),
            file("m/a", b"a"),
            E {
                mode: 0o700,
                ..dir("m")
            },
            file("m/b", b"b"),
            symlink("s", "target1"),
            symlink("s", "target2"),
        ]))
        .unwrap();
        assert_eq!(fs::read(f.p("f")).unwrap(), b"second");
        assert!(fs::symlink_metadata(f.p("x")).unwrap().is_dir());
        assert_eq!(fs::read(f.p("x/child")).unwrap(), b"c");
        assert_eq!(fs::read(f.p("d")).unwrap(), b"now a file");
        assert_eq!(fs::read(f.p("m/a")).unwrap(), b"a");
        assert_eq!(fs::read(f.p("m/b")).unwrap(), b"b");
        assert_eq!(fs::metadata(f.p("m")).unwrap().mode() & 0o7777, 0o700);
        assert_eq!(fs::read_link(f.p("s")).unwrap(), PathBuf::from("target2"));
    }

    #[test]
    fn modes_owners_and_times_are_kept() {
        let f = Fixture::new();
        let report = f
            .extract(&tar_of(vec![
                E {
                    mode: 0o750,
                    uid: 1,
                    gid: 2,
                    mtime: 1_000_000,
                    ..dir("./")
                },
                E {
                    mode: 0o1777,
                    mtime: 1_111_111,
                    ..dir("tmp")
                },
                E {
                    mode: 0o555,
                    mtime: 1_222_222,
                    uid: 1000,
                    gid: 1000,
                    ..dir("ro")
                },
                E {
                    mode: 0o4755,
                    uid: 0,
                    gid: 0,
                    mtime: 1_333_333,
                    ..file("ro/suid", b"s")
                },
                E {
                    mode: 0o2711,
                    uid: 1000,
                    gid: 50,
                    mtime: 1_444_444,
                    ..file("ro/sgid", b"g")
                },
                E {
                    mode: 0o640,
                    mtime: 1_555_555,
                    uid: 3,
                    gid: 4,
                    ..e("ro/fifo", tar::EntryType::Fifo)
                },
                E {
                    mode: 0o666,
                    dev: (1, 3),
                    ..e("null", tar::EntryType::Char)
                },
                E {
                    mode: 0o660,
                    dev: (7, 0),
                    ..e("loop0", tar::EntryType::Block)
                },
                E {
                    pax: vec![("mtime".into(), b"1700000000.5".to_vec())],
                    ..file("paxtime", b"")
                },
            ]))
            .unwrap();
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        assert_eq!(report.entries, 9);
        let m = |p: &str| fs::symlink_metadata(f.p(p)).unwrap();
        let root = fs::metadata(&f.layer).unwrap();
        assert_eq!(
            (root.mode() & 0o7777, root.uid(), root.gid(), root.mtime()),
            (0o750, 1, 2, 1_000_000)
        );
        assert_eq!(
            (m("tmp").mode() & 0o7777, m("tmp").mtime()),
            (0o1777, 1_111_111)
        );
        // Directory mtime survives the children written into it afterwards.
        let ro = m("ro");
        assert_eq!(
            (ro.mode() & 0o7777, ro.uid(), ro.gid(), ro.mtime()),
            (0o555, 1000, 1000, 1_222_222)
        );
        let s = m("ro/suid");
        assert_eq!(
            (s.mode() & 0o7777, s.uid(), s.mtime()),
            (0o4755, 0, 1_333_333)
        );
        let g = m("ro/sgid");
        assert_eq!(
            (g.mode() & 0o7777, g.uid(), g.gid(), g.mtime()),
            (0o2711, 1000, 50, 1_444_444)
        );
        let fifo = m("ro/fifo");
        assert!(fifo.file_type().is_fifo());
        assert_eq!(
            (fifo.mode() & 0o7777, fifo.uid(), fifo.gid(), fifo.mtime()),
            (0o640, 3, 4, 1_555_555)
        );
        let null = m("null");
        assert!(null.file_type().is_char_device());
        assert_eq!(
            (null.rdev(), null.mode() & 0o7777),
            (libc::makedev(1, 3), 0o666)
        );
        assert!(m("loop0").file_type().is_block_device());
        assert_eq!(
            (m("paxtime").mtime(), m("paxtime").mtime_nsec()),
            (1_700_000_000, 500_000_000)
        );
    }

    #[test]
    fn rootless_skips_device_nodes_with_a_warning() {
        let f = Fixture::new();
        let tar = tar_of(vec![
            E {
                dev: (1, 3),
                ..e("dev/null", tar::EntryType::Char)
            },
            hardlink("dev/null2", "dev/null"),
            e("dev/fifo", tar::EntryType::Fifo),
            file("dev/.wh.old", b""),
        ]);
        let report = extract_layer(&tar[..], &f.layer, &ExtractOptions { rootless: true }).unwrap();
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        assert!(report.warnings[0].contains("dev/null"));
        assert!(!f.p("dev/null").exists() && !f.p("dev/null2").exists());
        assert!(fs::symlink_metadata(f.p("dev/fifo"))
            .unwrap()
            .file_type()
            .is_fifo());
        assert!(fs::symlink_metadata(f.p("dev/old"))
            .unwrap()
            .file_type()
            .is_char_device());
    }

    #[test]
    fn pax_xattrs_are_applied_and_overlay_ones_refused() {
        let f = Fixture::new();
        let report = f
            .extract(&tar_of(vec![
                E {
                    pax: vec![
                        ("SCHILY.xattr.user.color".into(), b"blue".to_vec()),
                        (
                            "SCHILY.xattr.user.overlay.redirect".into(),
                            b"/etc".to_vec(),
                        ),
                    ],
                    ..dir("d")
                },
                E {
                    pax: vec![("SCHILY.xattr.user.bin".into(), vec![0, 1, 2, 255])],
                    ..file("d/f", b"data")
                },
            ]))
            .unwrap();
        assert_eq!(
            get_xattr(&f.p("d"), c"user.color").as_deref(),
            Some(&b"blue"[..])
        );
        assert_eq!(get_xattr(&f.p("d"), c"user.overlay.redirect"), None);
        assert_eq!(
            get_xattr(&f.p("d/f"), c"user.bin").as_deref(),
            Some(&[0, 1, 2, 255][..])
        );
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        assert!(report.warnings[0].contains("user.overlay.redirect"));
    }

    #[test]
    fn long_names_and_big_files() {
        let f = Fixture::new();
        let long = format!("{}/{}", "d".repeat(150), "f".repeat(200));
        let big: Vec<u8> = (0..3_000_000u32).map(|i| (i % 253) as u8).collect();
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(big.len() as u64);
        h.set_mode(0o600);
        b.append_data(&mut h, &long, &big[..]).unwrap();
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Symlink);
        h.set_size(0);
        b.append_link(&mut h, "longlink", "x".repeat(300)).unwrap();
        let tar = b.into_inner().unwrap();
        f.extract(&tar).unwrap();
        assert_eq!(fs::read(f.p(&long)).unwrap(), big);
        assert_eq!(
            fs::read_link(f.p("longlink")).unwrap(),
            PathBuf::from("x".repeat(300))
        );
    }

    #[test]
    fn truncated_stream_is_an_error() {
        let f = Fixture::new();
        let tar = tar_of(vec![file("f", &[1u8; 5000])]);
        let err = f.extract(&tar[..2000]).unwrap_err();
        assert!(matches!(err, ExtractError::Read(_)), "{err}");
        assert!(err.to_string().starts_with("reading layer"), "{err}");
    }

    #[test]
    fn digest_covers_whole_stream_through_decompression() {
        let mut tar = tar_of(vec![dir("a"), file("a/b", b"hello"), symlink("c", "a/b")]);
        // Bytes after the end-of-archive marker still belong to the blob.
        tar.extend_from_slice(&[0u8; 4096]);
        tar.extend_from_slice(b"trailing junk");
        let want = format!("sha256:{}", hex::encode(Sha256::digest(&tar)));

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, &tar).unwrap();
        let gz = gz.finish().unwrap();
        let zst = zstd::encode_all(&tar[..], 3).unwrap();

        for blob in [gz, zst, tar.clone()] {
            let f = Fixture::new();
            let compressed_digest = format!("sha256:{}", hex::encode(Sha256::digest(&blob)));
            let outer = DigestReader::new(&blob[..]);
            let mut diff = DigestReader::new(decompress(outer).unwrap());
            extract_layer(&mut diff, &f.layer, &ExtractOptions::default()).unwrap();
            let (d, n) = diff.finish();
            assert_eq!((d, n), (want.clone(), tar.len() as u64));
            assert_eq!(fs::read(f.p("a/b")).unwrap(), b"hello");
            let _ = compressed_digest;
        }
    }

    #[test]
    fn compressed_digest_is_seen_by_outer_reader() {
        let tar = tar_of(vec![file("x", b"y")]);
        let zst = zstd::encode_all(&tar[..], 3).unwrap();
        let want = format!("sha256:{}", hex::encode(Sha256::digest(&zst)));
        let f = Fixture::new();
        let mut outer = DigestReader::new(&zst[..]);
        extract_layer(
            decompress(&mut outer).unwrap(),
            &f.layer,
            &ExtractOptions::default(),
        )
        .unwrap();
        // The zstd frame may end before the reader hits EOF; the caller drains.
        std::io::copy(&mut outer, &mut std::io::sink()).unwrap();
        assert_eq!(outer.finish().0, want);
    }

    #[test]
    fn nul_and_root_entries_are_rejected() {
        let f = Fixture::new();
        let err = f.extract(&tar_of(vec![file("./", b"x")])).unwrap_err();
        assert!(matches!(err, ExtractError::InvalidEntry { .. }), "{err}");
        let err = f.extract(&tar_of(vec![hardlink("x", "./")])).unwrap_err();
        assert!(matches!(err, ExtractError::InvalidHardlink { .. }), "{err}");
        f.assert_canary();
    }
}
