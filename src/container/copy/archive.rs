//! The two ends of every copy inside one filesystem view: a path resolved inside a root
//! (pathrs: a symlink there cannot lead out of it), archived as a tar stream, and a tar
//! stream unpacked by the layer extractor with `cove cp`'s rules (`CopyRules`). The same
//! code runs on the host, on a stopped container's mounted root, and in the helper that
//! joined a running container's namespaces (where the root is its `/`).

use std::fs;
use std::io;
use std::os::fd::{AsFd, AsRawFd};
use std::path::{Component, Path, PathBuf};

use super::CopyError;
use crate::storage::extract::{extract_copy, extract_layer, CopyRules, ExtractOptions};

type Result<T> = std::result::Result<T, CopyError>;

/// A path resolved inside its root, open as O_PATH; `proc_path()` names it for std::fs.
pub(super) struct Resolved {
    file: fs::File,
}

impl Resolved {
    fn proc_path(&self) -> PathBuf {
        PathBuf::from(format!("/proc/self/fd/{}", self.file.as_fd().as_raw_fd()))
    }
}

/// `follow`: whether a symlink as the last component is followed.
pub(super) fn resolve(root: &Path, path: &Path, follow: bool) -> Option<Resolved> {
    let root = pathrs::Root::open(root).ok()?;
    let handle = if follow {
        root.resolve(path)
    } else {
        root.resolve_nofollow(path)
    }
    .ok()?;
    // The handle is already an O_PATH descriptor (reopening a symlink is refused).
    let file = fs::File::from(std::os::fd::OwnedFd::from(handle));
    Some(Resolved { file })
}

/// What a path is, once resolved (symlinks followed inside the root).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Found {
    pub is_dir: bool,
    /// Where it resolved to, from the root's `/` (Podman's LinkTarget).
    pub path: PathBuf,
}

/// Resolve `path` inside `root`, following symlinks as the container would.
pub(super) fn find(root: &Path, path: &Path) -> Option<Found> {
    let r = resolve(root, path, true)?;
    let meta = fs::metadata(r.proc_path()).ok()?;
    let real = fs::read_link(r.proc_path()).ok();
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let inside = real
        .as_deref()
        .and_then(|p| p.strip_prefix(&root).ok())
        .map(|rel| Path::new("/").join(rel))
        .unwrap_or_else(|| path.to_path_buf());
    Some(Found {
        is_dir: meta.is_dir(),
        path: inside,
    })
}

/// Write `path` (inside `root`, symlinks followed as Podman does) as a tar stream whose
/// top entry is `name`, or the directory's content at the top when None (`SRC/.`).
/// Entries keep their owners as this view sees them.
pub(super) fn archive_as(
    root: &Path,
    path: &Path,
    name: Option<&Path>,
    out: impl io::Write,
) -> Result<()> {
    let shown = path.display().to_string();
    let source = resolve(root, path, true).ok_or_else(|| CopyError::NotFound(shown.clone()))?;
    let io_err = |e| CopyError::Io {
        what: "reading",
        path: shown.clone(),
        source: e,
    };
    let meta = fs::metadata(source.proc_path()).map_err(io_err)?;
    let mut builder = tar::Builder::new(out);
    builder.follow_symlinks(false);
    add_tree(&mut builder, &source, &meta, name, true).map_err(io_err)?;
    builder.into_inner().map_err(io_err)?;
    Ok(())
}

/// Unpack a `cove cp` tar stream into the directory `dir` inside `root`.
pub(super) fn unpack(
    root: &Path,
    dir: &Path,
    owner: Option<(u32, u32)>,
    keep_kinds: bool,
    tar: impl io::Read,
) -> Result<u64> {
    let shown = dir.display().to_string();
    let rel: PathBuf = dir
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    let rules = CopyRules {
        under: std::os::unix::ffi::OsStrExt::as_bytes(rel.as_os_str()).to_vec(),
        owner: owner.map(|(u, g)| (u64::from(u), u64::from(g))),
        keep_kinds,
    };
    let report =
        extract_copy(tar, root, &ExtractOptions { rootless: true }, rules).map_err(|e| {
            CopyError::Unpack {
                path: shown,
                message: super::extract_message(&e, dir),
            }
        })?;
    Ok(report.entries)
}

/// What the Docker API says about a path in a container (`X-Docker-Container-Path-Stat`):
/// its mode in Go's `os.FileMode` bits, which the docker CLI decodes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PathStat {
    pub name: String,
    pub size: u64,
    pub mode: u32,
    pub mtime: String,
    #[serde(rename = "linkTarget")]
    pub link_target: String,
}

/// Go's `os.FileMode` of a file: permission bits plus its type and special bits.
fn go_mode(meta: &fs::Metadata) -> u32 {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let ft = meta.file_type();
    let raw = meta.permissions().mode();
    let mut mode = raw & 0o777;
    let bits = [
        (ft.is_dir(), 1 << 31),
        (ft.is_symlink(), 1 << 27),
        (ft.is_block_device() || ft.is_char_device(), 1 << 26),
        (ft.is_fifo(), 1 << 25),
        (ft.is_socket(), 1 << 24),
        (raw & 0o4000 != 0, 1 << 23),
        (raw & 0o2000 != 0, 1 << 22),
        (ft.is_char_device(), 1 << 21),
        (raw & 0o1000 != 0, 1 << 20),
    ];
    for (set, bit) in bits {
        if set {
            mode |= bit;
        }
    }
    mode
}

/// Stat `path` inside `root` without following a final symlink (Docker's rule: the link
/// itself, its target named).
pub fn stat(root: &Path, path: &Path) -> Result<PathStat> {
    let shown = path.display().to_string();
    let r = resolve(root, path, false).ok_or_else(|| CopyError::NotFound(shown.clone()))?;
    let meta = r.file.metadata().map_err(|e| CopyError::Io {
        what: "reading",
        path: shown.clone(),
        source: e,
    })?;
    let link_target = if meta.file_type().is_symlink() {
        nix::fcntl::readlinkat(r.file.as_fd(), Path::new(""))
            .map(|t| t.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        String::new()
    };
    let mtime = {
        use std::os::unix::fs::MetadataExt;
        chrono::DateTime::from_timestamp(meta.mtime(), meta.mtime_nsec() as u32)
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "/".into());
    Ok(PathStat {
        name,
        size: meta.len(),
        mode: go_mode(&meta),
        mtime,
        link_target,
    })
}

/// Write `path` (inside `root`, a final symlink not followed) as a tar stream whose top
/// entry is its base name, owned by root: what `GET /containers/{id}/archive` sends.
pub fn archive(root: &Path, path: &Path, out: impl io::Write) -> Result<()> {
    let shown = path.display().to_string();
    let source = resolve(root, path, false).ok_or_else(|| CopyError::NotFound(shown.clone()))?;
    let io_err = |e| CopyError::Io {
        what: "reading",
        path: shown.clone(),
        source: e,
    };
    let meta = source.file.metadata().map_err(io_err)?;
    let name = path
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut builder = tar::Builder::new(out);
    builder.follow_symlinks(false);
    add_tree(&mut builder, &source, &meta, Some(&name), false).map_err(io_err)?;
    builder.into_inner().map_err(io_err)?;
    Ok(())
}

/// Unpack a tar stream into the directory `path` inside `root` (`PUT
/// /containers/{id}/archive`), with the layer extractor's containment: no entry lands
/// outside `root`, whatever `..` or symlinks it names.
pub fn extract_into(root: &Path, path: &Path, tar: impl io::Read) -> Result<u64> {
    let shown = path.display().to_string();
    let into = resolve(root, path, true).ok_or_else(|| CopyError::NotFound(shown.clone()))?;
    if !fs::metadata(into.proc_path()).is_ok_and(|m| m.is_dir()) {
        return Err(CopyError::NotADirectory(shown));
    }
    let report = extract_layer(tar, &into.proc_path(), &ExtractOptions { rootless: true })
        .map_err(|e| CopyError::Unpack {
            path: shown,
            message: e.to_string(),
        })?;
    Ok(report.entries)
}

/// Append the source (file, symlink or directory tree) under `name` (or its content at
/// the top when None). `owners`: keep each entry's uid/gid (cp), else root (the API).
fn add_tree<W: io::Write>(
    b: &mut tar::Builder<W>,
    source: &Resolved,
    meta: &fs::Metadata,
    name: Option<&Path>,
    owners: bool,
) -> io::Result<()> {
    let top = name.unwrap_or(Path::new("."));
    // Below the top, /proc/self/fd/N/child resolves like any path (children are listed
    // and never followed); the top itself is a magic link, so a symlink source is read
    // through its handle.
    let path = source.proc_path();
    if meta.file_type().is_symlink() {
        let target =
            nix::fcntl::readlinkat(source.file.as_fd(), Path::new("")).map_err(io::Error::from)?;
        let mut header = header(meta, owners)?;
        header.set_size(0);
        return b.append_link(&mut header, top, target);
    }
    // `SRC/.`: the content only, as Podman writes it (no entry for the directory).
    if name.is_some() || !meta.is_dir() {
        add_entry(b, &path, top, meta, owners)?;
    }
    if meta.is_dir() {
        add_children(b, &path, top, owners)?;
    }
    Ok(())
}

fn header(meta: &fs::Metadata, owners: bool) -> io::Result<tar::Header> {
    let mut header = tar::Header::new_gnu();
    header.set_metadata_in_mode(meta, tar::HeaderMode::Complete);
    if !owners {
        header.set_uid(0);
        header.set_gid(0);
    }
    header.set_username("")?;
    header.set_groupname("")?;
    Ok(header)
}

fn add_children<W: io::Write>(
    b: &mut tar::Builder<W>,
    dir: &Path,
    name: &Path,
    owners: bool,
) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let child = name.join(e.file_name());
        let meta = fs::symlink_metadata(&path)?;
        add_entry(b, &path, &child, &meta, owners)?;
        if meta.is_dir() {
            add_children(b, &path, &child, owners)?;
        }
    }
    Ok(())
}

fn add_entry<W: io::Write>(
    b: &mut tar::Builder<W>,
    path: &Path,
    name: &Path,
    meta: &fs::Metadata,
    owners: bool,
) -> io::Result<()> {
    let mut header = header(meta, owners)?;
    let ft = meta.file_type();
    if ft.is_file() {
        let f = fs::File::open(path)?;
        b.append_data(&mut header, name, f)
    } else if ft.is_dir() {
        header.set_size(0);
        b.append_data(&mut header, name, io::empty())
    } else if ft.is_symlink() {
        let target = fs::read_link(path)?;
        header.set_size(0);
        b.append_link(&mut header, name, target)
    } else {
        // Devices, fifos and sockets are not copied (as `docker cp` skips sockets).
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    fn names(tar: &[u8]) -> Vec<String> {
        tar::Archive::new(tar)
            .entries()
            .unwrap()
            .map(|e| e.unwrap().path().unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn archive_stat_and_extract_stay_in_the_root() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join("d")).unwrap();
        fs::write(root.path().join("d/f"), "hi").unwrap();
        std::os::unix::fs::symlink("/etc", root.path().join("l")).unwrap();
        let st = stat(root.path(), &p("/d")).unwrap();
        assert_eq!(st.name, "d");
        assert_eq!(st.mode & (1 << 31), 1 << 31, "a directory in Go's bits");
        let link = stat(root.path(), &p("/l")).unwrap();
        assert_eq!(
            (link.link_target.as_str(), link.mode >> 27 & 1),
            ("/etc", 1)
        );
        assert!(matches!(
            stat(root.path(), &p("/nope")),
            Err(CopyError::NotFound(_))
        ));

        let mut tar = Vec::new();
        archive(root.path(), &p("/d"), &mut tar).unwrap();
        assert_eq!(names(&tar), vec!["d", "d/f"]);

        // Into the container through its symlink: lands in the root's /etc, not the host's.
        fs::create_dir(root.path().join("etc")).unwrap();
        extract_into(root.path(), &p("/l"), &tar[..]).unwrap();
        assert_eq!(fs::read(root.path().join("etc/d/f")).unwrap(), b"hi");
        assert!(matches!(
            extract_into(root.path(), &p("/d/f"), &tar[..]),
            Err(CopyError::NotADirectory(_))
        ));
        assert!(extract_into(root.path(), &p("/d"), &b"not a tar at all"[..]).is_err());
    }

    #[test]
    fn find_resolves_links_inside_the_root_and_unpack_keeps_kinds() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("etc/d")).unwrap();
        std::os::unix::fs::symlink("/etc/d", root.path().join("l")).unwrap();
        let found = find(root.path(), &p("/l")).unwrap();
        assert_eq!(
            found,
            Found {
                is_dir: true,
                path: p("/etc/d")
            }
        );
        assert!(find(root.path(), &p("/nope")).is_none());

        // SRC/. archives the content; a symlink source is archived as what it names.
        let mut tar = Vec::new();
        archive_as(root.path(), &p("/etc"), None, &mut tar).unwrap();
        assert_eq!(names(&tar), vec!["d"]);
        tar.clear();
        archive_as(root.path(), &p("/l"), Some(Path::new("x")), &mut tar).unwrap();
        assert_eq!(names(&tar), vec!["x"]);

        // A directory onto a file is refused unless kinds may change.
        fs::write(root.path().join("etc/x"), "file").unwrap();
        let err = unpack(root.path(), &p("/etc"), None, true, &tar[..]).unwrap_err();
        assert!(
            err.to_string()
                .contains("a non-directory, with a directory: use --overwrite"),
            "{err}"
        );
        unpack(root.path(), &p("/etc"), None, false, &tar[..]).unwrap();
        assert!(root.path().join("etc/x").is_dir());
    }
}
