//! `cove cp`: files between the host and a container's root filesystem, both ways.
//!
//! The source is archived into a tar stream and the destination side unpacks it with the
//! layer extractor, which resolves every name inside the destination directory: a
//! symlink planted in the container cannot send a copy out of it. On the container side
//! the source itself is resolved inside the container root the same way (pathrs).
//! Ownership follows Docker: what is copied belongs to root of the user namespace (the
//! user on the host), modes and mtimes are kept.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

use crate::storage::extract::{extract_layer, ExtractOptions};

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("{0}: no such file or directory")]
    NotFound(String),
    #[error("{0}: destination directory does not exist")]
    NoParent(String),
    #[error("{0}: extraction point is not a directory")]
    NotADirectory(String),
    #[error("cannot copy directory {src} onto file {dest}")]
    DirOntoFile { src: String, dest: String },
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("copying into {path}: {message}")]
    Unpack { path: String, message: String },
}

type Result<T> = std::result::Result<T, CopyError>;

/// One end of a copy: a directory everything is resolved in (`/` for the host, the
/// container's mounted root) and a path inside it.
pub struct End<'a> {
    pub root: &'a Path,
    pub path: &'a Path,
}

/// A path resolved inside its root, open as O_PATH; `proc_path()` names it for std::fs.
struct Resolved {
    file: fs::File,
}

impl Resolved {
    fn proc_path(&self) -> PathBuf {
        PathBuf::from(format!("/proc/self/fd/{}", self.file.as_fd().as_raw_fd()))
    }
}

/// `follow`: whether a symlink as the last component is followed (destinations) or is
/// itself the thing copied (sources, as `docker cp` without -L).
fn resolve(root: &Path, path: &Path, follow: bool) -> Option<Resolved> {
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

/// Where the copy lands: the directory to unpack into and the top-level name the archive
/// gives the source (None: the source directory's content goes straight in, `SRC/.`).
#[derive(Debug, PartialEq, Eq)]
struct Plan {
    into: PathBuf,
    name: Option<OsString>,
}

/// Docker's rules: into an existing directory under the source's name; else as the
/// destination's name in its (existing) parent; `SRC/.` copies the content.
fn plan(src: &Path, src_is_dir: bool, dest: &Path, dest_kind: Option<bool>) -> Result<Plan> {
    let content_only = src.as_os_str().as_bytes().ends_with(b"/.");
    let src_name = src
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_os_string()),
            _ => None,
        })
        .next_back();
    match dest_kind {
        Some(true) => Ok(Plan {
            into: dest.to_path_buf(),
            name: if content_only { None } else { src_name },
        }),
        Some(false) if src_is_dir => Err(CopyError::DirOntoFile {
            src: src.display().to_string(),
            dest: dest.display().to_string(),
        }),
        _ => {
            let name = dest.file_name().map(|n| n.to_os_string());
            let parent = dest.parent().unwrap_or(Path::new("/"));
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            Ok(Plan {
                into: parent.to_path_buf(),
                name,
            })
        }
    }
}

/// Copy `src` to `dest`. Returns the number of entries written.
pub fn copy(src: &End<'_>, dest: &End<'_>) -> Result<u64> {
    let shown = src.path.display().to_string();
    let source =
        resolve(src.root, src.path, false).ok_or_else(|| CopyError::NotFound(shown.clone()))?;
    // fstat of the O_PATH handle: the symlink itself when the source is one.
    let src_meta = source.file.metadata().map_err(|e| CopyError::Io {
        what: "reading",
        path: shown.clone(),
        source: e,
    })?;
    let dest_kind = resolve(dest.root, dest.path, true)
        .and_then(|r| fs::metadata(r.proc_path()).ok())
        .map(|m| m.is_dir());
    let plan = plan(src.path, src_meta.is_dir(), dest.path, dest_kind)?;
    let into = resolve(dest.root, &plan.into, true)
        .filter(|r| fs::metadata(r.proc_path()).is_ok_and(|m| m.is_dir()))
        .ok_or_else(|| CopyError::NoParent(plan.into.display().to_string()))?;

    // The archive is written by a thread into a pipe while this one unpacks it.
    let (reader, writer) = io::pipe().map_err(|e| CopyError::Io {
        what: "creating a pipe for",
        path: shown.clone(),
        source: e,
    })?;
    let name = plan.name.clone();
    let archiver = std::thread::spawn(move || -> io::Result<()> {
        let mut builder = tar::Builder::new(writer);
        builder.follow_symlinks(false);
        add_tree(
            &mut builder,
            &source,
            &src_meta,
            name.as_deref().map(Path::new),
        )?;
        builder.into_inner()?;
        Ok(())
    });
    let dest_shown = dest.path.display().to_string();
    let unpacked = extract_layer(
        reader,
        &into.proc_path(),
        &ExtractOptions { rootless: true },
    );
    let archived = archiver
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("archiver panicked")));
    let report = unpacked.map_err(|e| CopyError::Unpack {
        path: dest_shown,
        message: e.to_string(),
    })?;
    archived.map_err(|e| CopyError::Io {
        what: "reading",
        path: shown,
        source: e,
    })?;
    Ok(report.entries)
}

/// What the Docker API says about a path in a container (`X-Docker-Container-Path-Stat`):
/// its mode in Go's `os.FileMode` bits, which the docker CLI decodes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
/// entry is its base name: what `GET /containers/{id}/archive` sends.
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
    add_tree(&mut builder, &source, &meta, Some(&name)).map_err(io_err)?;
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
/// the top when None), owned by root: Docker's ownership rule for both directions.
fn add_tree<W: io::Write>(
    b: &mut tar::Builder<W>,
    source: &Resolved,
    meta: &fs::Metadata,
    name: Option<&Path>,
) -> io::Result<()> {
    let top = name.unwrap_or(Path::new("."));
    // Below the top, /proc/self/fd/N/child resolves like any path (children are listed
    // and never followed); the top itself is a magic link, so a symlink source is read
    // through its handle.
    let path = source.proc_path();
    if meta.file_type().is_symlink() {
        let target =
            nix::fcntl::readlinkat(source.file.as_fd(), Path::new("")).map_err(io::Error::from)?;
        let mut header = root_header(meta)?;
        header.set_size(0);
        return b.append_link(&mut header, top, target);
    }
    add_entry(b, &path, top, meta)?;
    if meta.is_dir() {
        add_children(b, &path, top)?;
    }
    Ok(())
}

fn root_header(meta: &fs::Metadata) -> io::Result<tar::Header> {
    let mut header = tar::Header::new_gnu();
    header.set_metadata_in_mode(meta, tar::HeaderMode::Complete);
    header.set_uid(0);
    header.set_gid(0);
    header.set_username("")?;
    header.set_groupname("")?;
    Ok(header)
}

fn add_children<W: io::Write>(b: &mut tar::Builder<W>, dir: &Path, name: &Path) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let child = name.join(e.file_name());
        let meta = fs::symlink_metadata(&path)?;
        add_entry(b, &path, &child, &meta)?;
        if meta.is_dir() {
            add_children(b, &path, &child)?;
        }
    }
    Ok(())
}

fn add_entry<W: io::Write>(
    b: &mut tar::Builder<W>,
    path: &Path,
    name: &Path,
    meta: &fs::Metadata,
) -> io::Result<()> {
    let mut header = root_header(meta)?;
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
        let names: Vec<String> = tar::Archive::new(&tar[..])
            .entries()
            .unwrap()
            .map(|e| e.unwrap().path().unwrap().display().to_string())
            .collect();
        assert_eq!(names, vec!["d", "d/f"]);

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
    fn plans_follow_docker_cp() {
        // Into an existing directory, under the source's name.
        assert_eq!(
            plan(&p("/etc/hosts"), false, &p("/tmp"), Some(true)).unwrap(),
            Plan {
                into: p("/tmp"),
                name: Some("hosts".into())
            }
        );
        // To a new name in an existing parent.
        assert_eq!(
            plan(&p("/etc"), true, &p("/tmp/copy"), None).unwrap(),
            Plan {
                into: p("/tmp"),
                name: Some("copy".into())
            }
        );
        // Over an existing file.
        assert_eq!(
            plan(&p("a.txt"), false, &p("/x/b.txt"), Some(false)).unwrap(),
            Plan {
                into: p("/x"),
                name: Some("b.txt".into())
            }
        );
        // SRC/. copies the content.
        assert_eq!(
            plan(&p("/srv/."), true, &p("/dst"), Some(true)).unwrap(),
            Plan {
                into: p("/dst"),
                name: None
            }
        );
        // Relative destination without a directory part.
        assert_eq!(
            plan(&p("/f"), false, &p("out"), None).unwrap(),
            Plan {
                into: p("."),
                name: Some("out".into())
            }
        );
        assert!(matches!(
            plan(&p("/etc"), true, &p("/x/file"), Some(false)),
            Err(CopyError::DirOntoFile { .. })
        ));
    }
}
