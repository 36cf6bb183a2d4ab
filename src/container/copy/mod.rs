//! `cove cp`: files between the host, containers and tar streams, as `podman cp` copies.
//!
//! The source is archived into a tar stream and the destination side unpacks it with the
//! layer extractor under `cove cp`'s rules (`archive.rs`), which resolve every name inside
//! the destination's root: a symlink planted in a container cannot send a copy out of it.
//! A running container is reached through its namespaces by a helper (`helper.rs`), so a
//! path under one of its volumes, bind mounts or tmpfs mounts is the one it sees. A
//! stopped container's root is mounted here, and a path under a volume or bind mount
//! destination is mapped to the mount's source, resolved inside that source (Podman's
//! `resolvePath`). Relative container paths start at its working directory.
//! Ownership follows Podman: what is copied into a container belongs to its primary user
//! (`--archive`, the default) or keeps the archive's owners; what is copied out belongs
//! to the user.

mod archive;
mod docker;
mod helper;
mod plan;

use std::ffi::OsString;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::process::Stdio;

pub use archive::{archive, extract_into, stat, Found, PathStat};
pub use helper::{serve, Request};

use super::{Container, ContainerError, Engine, MountKind, Userns};
use crate::storage::extract::ExtractError;
use plan::{plan, Dest};

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("{0}: no such file or directory")]
    NotFound(String),
    #[error("{0}: extraction point is not a directory")]
    NotADirectory(String),
    #[error("container {0:?} does not exist")]
    NoContainer(String),
    /// Neither side names a container.
    #[error("name or ID cannot be empty")]
    NoContainerNamed,
    #[error("{path:?} could not be found on {place}: {reason}")]
    Missing {
        path: String,
        place: String,
        reason: String,
    },
    #[error("destination must be a directory when copying a directory")]
    DirOntoFile,
    #[error("destination must be a directory when copying from stdin")]
    StdinNotDir,
    #[error("source must be a (compressed) tar archive when copying from stdin")]
    NotATar,
    #[error("copying to {side}: {message}")]
    To { side: &'static str, message: String },
    #[error("copying from {side}: {message}")]
    From { side: &'static str, message: String },
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{message}")]
    Unpack { path: String, message: String },
    #[error("{0}")]
    Helper(String),
    #[error(transparent)]
    Container(#[from] Box<ContainerError>),
}

type Result<T> = std::result::Result<T, CopyError>;

/// An unpacking failure in a user's words: the archive is a copy, not a layer.
fn extract_message(e: &ExtractError, dir: &Path) -> String {
    match e {
        ExtractError::Escape(name) => {
            format!("tar entry \"{name}\" is outside the destination directory: refused")
        }
        ExtractError::InvalidEntry { name, reason } => {
            format!("tar entry \"{name}\": {reason}: refused")
        }
        ExtractError::WouldReplace { path, existing } => format!(
            "cannot replace \"{}\", a {existing}, with a {}: use --overwrite",
            dir.join(path).display(),
            if *existing == "directory" {
                "non-directory"
            } else {
                "directory"
            }
        ),
        other => other.to_string(),
    }
}

/// One end of a copy as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A host path (relative to the working directory).
    Host(PathBuf),
    /// `-`: a tar stream on stdin (source) or stdout (destination).
    Stream,
    /// `CONTAINER:PATH`; a relative path starts at the container's working directory.
    Container { name: String, path: String },
}

impl Arg {
    /// `CONTAINER:PATH`, `-` or a host path. A leading `/` or `.` is always a host path,
    /// as in Podman and Docker, and nothing is expanded (`*` is a name like any other).
    pub fn parse(arg: &str) -> Arg {
        if arg == "-" {
            return Arg::Stream;
        }
        if !arg.starts_with('/') && !arg.starts_with('.') {
            if let Some((c, p)) = arg.split_once(':') {
                if !c.is_empty() {
                    return Arg::Container {
                        name: c.into(),
                        path: p.into(),
                    };
                }
            }
        }
        Arg::Host(arg.into())
    }
}

#[derive(Debug, Clone, Copy)]
pub struct CopyOptions {
    /// `--archive` (Podman's default): into a container, everything belongs to its
    /// primary user; false: the archive's owners are kept.
    pub chown: bool,
    /// `--overwrite`: a directory may replace a non-directory and the reverse.
    pub overwrite: bool,
}

/// A filesystem view a copy reads or writes.
enum Fs {
    /// A root here (`/` for the host, a stopped container's mounted root), with paths
    /// under a mount destination mapped to the mount's source.
    Local {
        root: PathBuf,
        mounts: Vec<(PathBuf, PathBuf)>,
    },
    /// A running container, through the helper.
    Ns { pid: i32, command: Vec<String> },
}

impl Fs {
    /// (root, path inside it, where that root appears in this view).
    fn locate<'a>(root: &'a Path, mounts: &'a [(PathBuf, PathBuf)], path: &Path) -> Located<'a> {
        let clean = lexical(path);
        let best = mounts
            .iter()
            .filter(|(dest, _)| clean.starts_with(dest))
            .max_by_key(|(dest, _)| dest.components().count());
        match best {
            Some((dest, source)) => Located {
                root: source,
                path: Path::new("/").join(clean.strip_prefix(dest).unwrap_or(Path::new(""))),
                at: dest.clone(),
            },
            None => Located {
                root,
                path: path.to_path_buf(),
                at: PathBuf::from("/"),
            },
        }
    }

    fn find(&self, path: &Path) -> Result<Option<Found>> {
        match self {
            Fs::Local { root, mounts } => {
                let l = Fs::locate(root, mounts, path);
                Ok(archive::find(l.root, &l.path).map(|f| Found {
                    is_dir: f.is_dir,
                    path: l.at.join(f.path.strip_prefix("/").unwrap_or(&f.path)),
                }))
            }
            Fs::Ns { pid, command } => helper::find(command, *pid, path),
        }
    }

    /// A tar stream of `path`, its top entry named `name`.
    fn produce(&self, path: &Path, name: Option<&Path>) -> Result<Producer> {
        match self {
            Fs::Local { root, mounts } => {
                let l = Fs::locate(root, mounts, path);
                let (root, path) = (l.root.to_path_buf(), l.path);
                let name = name.map(Path::to_path_buf);
                let (reader, writer) = io::pipe().map_err(|e| CopyError::Io {
                    what: "creating a pipe for",
                    path: path.display().to_string(),
                    source: e,
                })?;
                let thread = std::thread::spawn(move || {
                    archive::archive_as(&root, &path, name.as_deref(), writer)
                });
                Ok(Producer {
                    reader: Box::new(reader),
                    done: Box::new(move || {
                        thread
                            .join()
                            .unwrap_or_else(|_| Err(CopyError::Helper("archiver panicked".into())))
                    }),
                })
            }
            Fs::Ns { pid, command } => {
                let req = Request::Archive {
                    path: path.to_path_buf(),
                    name: name.map(Path::to_path_buf),
                };
                let mut child = helper::spawn(command, *pid, &req, Stdio::null(), Stdio::piped())?;
                let out = child
                    .stdout
                    .take()
                    .ok_or_else(|| CopyError::Helper("the copy helper has no stdout".into()))?;
                Ok(Producer {
                    reader: Box::new(out),
                    done: Box::new(move || helper::finish(child)),
                })
            }
        }
    }

    /// Unpack `input` into the directory `dir`.
    fn consume(
        &self,
        dir: &Path,
        owner: Option<(u32, u32)>,
        keep_kinds: bool,
        input: &mut dyn Read,
    ) -> Result<()> {
        match self {
            Fs::Local { root, mounts } => {
                let l = Fs::locate(root, mounts, dir);
                archive::unpack(l.root, &l.path, owner, keep_kinds, input).map(|_| ())
            }
            Fs::Ns { pid, command } => {
                let req = Request::Extract {
                    dir: dir.to_path_buf(),
                    owner,
                    keep_kinds,
                };
                let mut child = helper::spawn(command, *pid, &req, Stdio::piped(), Stdio::null())?;
                let fed = match child.stdin.take() {
                    Some(mut stdin) => io::copy(input, &mut stdin).map(|_| ()),
                    None => Ok(()),
                };
                // The helper's own error explains a broken pipe better.
                helper::finish(child)?;
                fed.map_err(|e| CopyError::Io {
                    what: "sending the archive to",
                    path: dir.display().to_string(),
                    source: e,
                })
            }
        }
    }
}

struct Located<'a> {
    root: &'a Path,
    path: PathBuf,
    at: PathBuf,
}

/// A tar stream being written, and how to learn whether writing it went well.
struct Producer {
    reader: Box<dyn Read>,
    done: Box<dyn FnOnce() -> Result<()>>,
}

/// `a/./b/../c` as `a/c`, from `/`: how Podman matches a path against mount points.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for c in path.components() {
        match c {
            Component::Normal(n) => out.push(n),
            Component::ParentDir => {
                out.pop();
            }
            _ => {}
        }
    }
    out
}

/// Where a side of the copy is, for messages: "the host" or "container NAME".
enum Place {
    Host,
    Container(String),
}

impl Place {
    fn describe(&self) -> String {
        match self {
            Place::Host => "the host".into(),
            Place::Container(n) => format!("container {n}"),
        }
    }

    fn side(&self) -> &'static str {
        match self {
            Place::Host => "host",
            Place::Container(_) => "container",
        }
    }
}

/// One opened end of a copy.
enum End {
    Stream,
    Path {
        fs: Fs,
        /// Absolute, in the view of `fs`.
        path: PathBuf,
        /// As the user typed it.
        shown: String,
        place: Place,
        /// Who owns what lands here (with `--archive`).
        owner: Option<(u32, u32)>,
    },
}

impl Engine {
    /// `cove cp SRC DEST`. Containers mounted for the copy are unmounted after.
    pub fn copy(&self, src: &Arg, dst: &Arg, opts: &CopyOptions) -> Result<()> {
        if !matches!(src, Arg::Container { .. }) && !matches!(dst, Arg::Container { .. }) {
            return Err(CopyError::NoContainerNamed);
        }
        let mut mounted = Vec::new();
        // Podman's order: the containers exist, then the source is there, then the
        // destination.
        let res = self.open_end(src, None, &mut mounted).and_then(|s| {
            let d = self.open_end(dst, Some(opts), &mut mounted)?;
            transfer(&s, &d, opts)
        });
        for mut c in mounted {
            let _ = self.unmount(&mut c);
        }
        res
    }

    /// `dest`: the options when this is the destination (its owner is then resolved).
    fn open_end(
        &self,
        arg: &Arg,
        dest: Option<&CopyOptions>,
        mounted: &mut Vec<Container>,
    ) -> Result<End> {
        let (name, path) = match arg {
            Arg::Stream => return Ok(End::Stream),
            Arg::Host(p) => {
                let cwd = std::env::current_dir().map_err(|e| CopyError::Io {
                    what: "reading",
                    path: "the working directory".into(),
                    source: e,
                })?;
                return Ok(End::Path {
                    fs: Fs::Local {
                        root: "/".into(),
                        mounts: Vec::new(),
                    },
                    path: cwd.join(p),
                    shown: p.display().to_string(),
                    place: Place::Host,
                    // Owned by the user (root of the namespace cove runs in).
                    owner: Some((0, 0)),
                });
            }
            Arg::Container { name, path } => (name, path),
        };
        let mut c = match self.lookup(name) {
            Err(ContainerError::NotFound(_)) => return Err(CopyError::NoContainer(name.clone())),
            r => r.map_err(Box::new)?,
        };
        let abs = match path.starts_with('/') {
            true => PathBuf::from(path),
            // Podman: from the working directory, cleaned.
            false => lexical(&Path::new("/").join(&c.config.working_dir).join(path)),
        };
        let running = c.state.status.has_process() && c.state.pid > 0;
        let (fs, rootfs) = if running {
            let fs = Fs::Ns {
                pid: c.state.pid,
                command: self.exit_command.clone(),
            };
            (fs, PathBuf::from(format!("/proc/{}/root", c.state.pid)))
        } else {
            let was_mounted = c.state.mounted;
            let root = self.mount(&mut c).map_err(Box::new)?;
            let mounts = self.copy_mounts(&c);
            if !was_mounted {
                mounted.push(c.clone());
            }
            let fs = Fs::Local {
                root: root.clone(),
                mounts,
            };
            (fs, root)
        };
        let owner = match dest {
            Some(o) if o.chown => Some(self.copy_owner(&c, &rootfs, running)?),
            _ => None,
        };
        Ok(End::Path {
            fs,
            path: abs,
            shown: path.clone(),
            place: Place::Container(name.clone()),
            owner,
        })
    }

    /// A stopped container's volumes and bind mounts: (destination, host source).
    fn copy_mounts(&self, c: &Container) -> Vec<(PathBuf, PathBuf)> {
        c.config
            .mounts
            .iter()
            .filter_map(|m| {
                let source = match m.kind {
                    MountKind::Bind => PathBuf::from(&m.source),
                    MountKind::Volume => crate::volume::data_dir(&self.store, &m.source),
                    MountKind::Tmpfs => return None,
                };
                Some((lexical(Path::new(&m.destination)), source))
            })
            .collect()
    }

    /// The container's primary user and group (Podman's `--archive` owner), as the ids
    /// the copy writes with: the container's own inside its namespaces, ours (mapped
    /// back through `--userns=keep-id`) on a stopped container's root.
    fn copy_owner(&self, c: &Container, rootfs: &Path, running: bool) -> Result<(u32, u32)> {
        let user = if c.config.userns == Userns::KeepId && c.config.user.is_empty() {
            (self.host_ids.0, self.host_ids.1)
        } else {
            let u = super::user::resolve(rootfs, &c.config.user)
                .map_err(|e| CopyError::Helper(e.to_string()))?;
            (u.uid, u.gid)
        };
        if let Some(m) = c.config.id_mappings.as_ref().filter(|_| !running) {
            // Its root is a shifted copy: ids as its namespace maps them.
            return Ok((
                m.shift_uid(user.0).unwrap_or(user.0),
                m.shift_gid(user.1).unwrap_or(user.1),
            ));
        }
        if running || c.config.userns != Userns::KeepId {
            return Ok(user);
        }
        let map = |id: u32, host: u32| {
            super::spec::keep_id_mappings(host, self.id_space)
                .into_iter()
                .find(|(inside, _, n)| id >= *inside && id - inside < *n)
                .map_or(id, |(inside, outside, _)| outside + (id - inside))
        };
        Ok((map(user.0, self.host_ids.0), map(user.1, self.host_ids.1)))
    }
}

/// Resolve both ends by Podman's rules, then stream the source's tar into the
/// destination.
fn transfer(src: &End, dst: &End, opts: &CopyOptions) -> Result<()> {
    // The source: what it is, and the name it takes in a directory.
    let source = match src {
        End::Stream => None,
        End::Path {
            fs,
            path,
            shown,
            place,
            ..
        } => {
            let found = fs.find(path)?.ok_or_else(|| missing(shown, place))?;
            // A container's source is named after what it resolved to (Podman's
            // LinkTarget); a host path after itself.
            let named = match place {
                Place::Host => path.as_path(),
                Place::Container(_) => found.path.as_path(),
            };
            let name = match plan::content_only(shown) && found.is_dir {
                true => None,
                false => Some(
                    named
                        .file_name()
                        .map(OsString::from)
                        .unwrap_or_else(|| OsString::from(".")),
                ),
            };
            Some((fs, found, name, place))
        }
    };
    let End::Path {
        fs: dfs,
        path: dpath,
        shown: dshown,
        place: dplace,
        owner,
    } = dst
    else {
        // `-` as the destination: the tar as it is, on stdout.
        let Some((fs, found, name, place)) = source else {
            return Err(CopyError::NoContainerNamed);
        };
        let p = fs.produce(&found.path, name.as_deref().map(Path::new))?;
        let copied = io::copy(&mut { p.reader }, &mut io::stdout().lock());
        (p.done)().map_err(|e| from(place, e))?;
        return copied.map(|_| ()).map_err(|e| CopyError::Io {
            what: "writing",
            path: "the archive to stdout".into(),
            source: e,
        });
    };
    let dest = match dfs.find(dpath)? {
        Some(f) if f.is_dir => Dest::Dir(f.path),
        Some(_) if source.is_none() => return Err(CopyError::StdinNotDir),
        Some(f) => Dest::File(f.path),
        None if dshown.ends_with('/') => return Err(missing(dshown, dplace)),
        None if source.is_none() => return Err(CopyError::StdinNotDir),
        None => {
            let parent = dpath.parent().unwrap_or(Path::new("/"));
            match dfs.find(parent)? {
                Some(p) if p.is_dir => Dest::Missing {
                    parent: p.path,
                    name: dpath
                        .file_name()
                        .map(OsString::from)
                        .unwrap_or_else(|| OsString::from(".")),
                },
                _ => return Err(missing(dshown, dplace)),
            }
        }
    };
    let keep_kinds = !opts.overwrite;
    let Some((sfs, found, name, splace)) = source else {
        // A tar stream from stdin into the directory.
        let Dest::Dir(into) = dest else {
            return Err(CopyError::StdinNotDir);
        };
        let mut input = stdin_tar()?;
        return dfs
            .consume(&into, *owner, keep_kinds, &mut input)
            .map_err(|e| to(dplace, e));
    };
    let plan = plan(name, found.is_dir, dest).map_err(|_| CopyError::DirOntoFile)?;
    let p = sfs.produce(&found.path, plan.name.as_deref().map(Path::new))?;
    let mut reader = p.reader;
    let consumed = dfs.consume(&plan.into, *owner, keep_kinds, &mut reader);
    drop(reader);
    let produced = (p.done)();
    consumed.map_err(|e| to(dplace, e))?;
    produced.map_err(|e| from(splace, e))
}

fn missing(shown: &str, place: &Place) -> CopyError {
    // Podman's reason for a host path with a file where a directory should be.
    let reason = match place {
        Place::Host
            if std::fs::metadata(shown).is_err_and(|e| e.raw_os_error() == Some(libc::ENOTDIR)) =>
        {
            format!("stat {shown}: not a directory")
        }
        _ => "no such file or directory".into(),
    };
    CopyError::Missing {
        path: shown.to_string(),
        place: place.describe(),
        reason,
    }
}

fn to(place: &Place, e: CopyError) -> CopyError {
    CopyError::To {
        side: place.side(),
        message: e.to_string(),
    }
}

fn from(place: &Place, e: CopyError) -> CopyError {
    CopyError::From {
        side: place.side(),
        message: e.to_string(),
    }
}

/// Stdin as a tar stream, decompressed when it is compressed; refused when it is not an
/// archive at all (Podman's check, before anything is written).
fn stdin_tar() -> Result<Box<dyn Read>> {
    let mut stream =
        crate::storage::compression::decompress(io::stdin()).map_err(|e| CopyError::Io {
            what: "reading",
            path: "stdin".into(),
            source: e,
        })?;
    let mut head = vec![0u8; 512];
    let mut filled = 0;
    while filled < head.len() {
        match stream.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(CopyError::NotATar),
        }
    }
    if filled < head.len() || !is_tar_header(&head) {
        return Err(CopyError::NotATar);
    }
    Ok(Box::new(io::Cursor::new(head).chain(stream)))
}

/// A tar header's checksum holds (what every tar reader checks first).
fn is_tar_header(block: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(&block[148..156]) else {
        return false;
    };
    let Ok(stored) = u32::from_str_radix(text.trim_matches(|c: char| c == '\0' || c == ' '), 8)
    else {
        return false;
    };
    let sum: u32 = block
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if (148..156).contains(&i) {
                32
            } else {
                u32::from(b)
            }
        })
        .sum();
    sum == stored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn args_and_paths_parse_as_podman_does() {
        let c = |n: &str, p: &str| Arg::Container {
            name: n.into(),
            path: p.into(),
        };
        assert_eq!(Arg::parse("web:/etc"), c("web", "/etc"));
        assert_eq!(Arg::parse("web:."), c("web", "."));
        assert_eq!(Arg::parse("./a:b"), Arg::Host("./a:b".into()));
        assert_eq!(Arg::parse("/x:y"), Arg::Host("/x:y".into()));
        assert_eq!(Arg::parse("*"), Arg::Host("*".into()));
        assert_eq!(Arg::parse("-"), Arg::Stream);
        assert_eq!(Arg::parse(":x"), Arg::Host(":x".into()));
        assert_eq!(lexical(Path::new("/a/./b/../c/")), PathBuf::from("/a/c"));
        assert_eq!(lexical(Path::new("/../x")), PathBuf::from("/x"));
    }

    #[test]
    fn paths_under_a_mount_map_to_its_source() {
        let mounts = vec![
            (PathBuf::from("/data"), PathBuf::from("/vol/a")),
            (PathBuf::from("/data/sub"), PathBuf::from("/vol/b")),
        ];
        let root = Path::new("/rootfs");
        let at = |p: &str| {
            let l = Fs::locate(root, &mounts, Path::new(p));
            (l.root.to_path_buf(), l.path, l.at)
        };
        let pb = PathBuf::from;
        assert_eq!(at("/data/f"), (pb("/vol/a"), pb("/f"), pb("/data")));
        assert_eq!(
            at("/data/sub/x/../y"),
            (pb("/vol/b"), pb("/y"), pb("/data/sub"))
        );
        assert_eq!(at("/data"), (pb("/vol/a"), pb("/"), pb("/data")));
        assert_eq!(at("/database"), (pb("/rootfs"), pb("/database"), pb("/")));
    }

    #[test]
    fn tar_headers_are_told_from_other_input() {
        let mut h = tar::Header::new_gnu();
        h.set_path("f").unwrap();
        h.set_size(0);
        h.set_cksum();
        assert!(is_tar_header(h.as_bytes()));
        assert!(!is_tar_header(&[b'x'; 512]));
    }
}
