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

mod entries;
mod extractor;
mod meta;
mod sys;

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

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
