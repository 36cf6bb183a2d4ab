//! Rootless entry: the per-user user+mount namespace held by a pause process; for real
//! root, root's mount namespace held the same way (see `enter_rootful`).
//!
//! `enter` runs in `main` before any thread exists (setns into a user namespace is refused
//! to multi-threaded processes). It joins the namespace of the pause process named in
//! `RUNTIME/pause.pid`, or creates one under `RUNTIME/pause.lock` so that commands
//! started together all end up in the same namespace.

mod newidmap;
pub mod pause;
mod subid;
mod unshare;

use std::fs::File;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::Flock;
use nix::sched::{setns, CloneFlags};
use nix::unistd::{geteuid, getgid, getuid, User};

pub use newidmap::map_args;
pub use pause::PAUSE_NAME;
pub use subid::{normalize, parse_subid, SubidRange};
pub use unshare::{unshare_command, UNSHARE_ENV};

/// Set once this process (and so its children) has joined the per-user namespace; the
/// value is that namespace's inode, so a stale copy in some other namespace is ignored.
pub const USERNS_ENV: &str = "_COVE_USERNS";

/// How this invocation runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Real root on the host: no namespace, system paths.
    Rootful,
    /// Inside the per-user namespace; `uid`/`gid` are the user's ids on the host.
    Rootless {
        uid: u32,
        gid: u32,
        uid_map: Vec<IdMapping>,
        gid_map: Vec<IdMapping>,
    },
}

/// One line of /proc/PID/uid_map: `container_id host_id size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct IdMapping {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum RootlessError {
    #[error("no {kind} ranges found for user \"{user}\" in {file}: add one, e.g. `usermod --add-{kind}s 100000-165535 {user}`")]
    NoRanges {
        kind: &'static str,
        user: String,
        file: PathBuf,
    },
    #[error("{tool} not found: install the uidmap package")]
    HelperMissing { tool: &'static str },
    #[error("{tool} failed ({status}): {stderr} [command: {command}]")]
    HelperFailed {
        tool: &'static str,
        command: String,
        status: String,
        stderr: String,
    },
    #[error("cannot create a user namespace ({source}): unprivileged user namespaces are disabled; enable them with `sysctl -w user.max_user_namespaces=28633` (and, on kernels that have it, `sysctl -w kernel.unprivileged_userns_clone=1`)")]
    UsernsDisabled { source: Errno },
    #[error("cannot join the {ns} namespace of pause process {pid}: {source}{hint}")]
    Join {
        ns: &'static str,
        pid: i32,
        source: Errno,
        hint: &'static str,
    },
    /// What `cove system check` would say is missing, in its words.
    #[error("{0}")]
    Prerequisite(String),
    #[error("{context}: {source}")]
    Io { context: String, source: io::Error },
    #[error("cannot run {program}: {source}")]
    Spawn { program: String, source: io::Error },
}

impl RootlessError {
    /// Exit code in Docker's convention: 127 when the command does not exist, 126 when it
    /// cannot be invoked, 125 for everything that is cove's own failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            RootlessError::Spawn { source, .. } if source.kind() == io::ErrorKind::NotFound => 127,
            RootlessError::Spawn { .. } => 126,
            _ => 125,
        }
    }
}

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> RootlessError {
    let context = context.into();
    move |source| RootlessError::Io { context, source }
}

/// Enter the per-user namespace (see the module docs). Must be called while the process
/// is single-threaded. As real root, enters root's mount namespace instead and returns
/// `Mode::Rootful`.
pub fn enter(paths: &crate::paths::Paths) -> Result<Mode, RootlessError> {
    let own_ns = ns_inode(Path::new("/proc/self/ns/user"))
        .map_err(io_err("cannot read /proc/self/ns/user"))?;
    if in_our_namespace(own_ns) {
        return rootless_mode();
    }
    if geteuid().is_root() {
        enter_rootful(paths, own_ns)?;
        return Ok(Mode::Rootful);
    }
    let (uid, gid) = (getuid().as_raw(), getgid().as_raw());
    let ns = find_or_create(
        paths,
        |pid| pause::open(pid, uid, own_ns),
        || create(uid, gid),
    )?;
    join(&ns)?;
    rootless_mode()
}

/// Root needs no user namespace, but its commands start programs that mount and unmount
/// (slirp4netns's and pasta's sandboxes pivot_root and detach the old root, runtimes
/// mount container roots): on a host whose `/` is shared, as systemd makes it, those
/// changes would propagate into the host's own mount table. So root's commands all run
/// in one mount namespace held by root's pause process, whose mounts are slaves of the
/// host's: host mounts still show up inside, nothing inside gets out. Sharing one
/// namespace keeps a container's rootfs, mounted by one command, visible to the next.
fn enter_rootful(paths: &crate::paths::Paths, own_userns: u64) -> Result<(), RootlessError> {
    let ns = find_or_create(
        paths,
        |pid| pause::open_rootful(pid, own_userns),
        || pause::spawn(pause::Owner::Root),
    )?;
    let own_mnt = ns_inode(Path::new("/proc/self/ns/mnt"))
        .map_err(io_err("cannot read /proc/self/ns/mnt"))?;
    let pause_mnt = File::from(ns.mnt.try_clone().map_err(io_err("dup"))?)
        .metadata()
        .map_err(io_err("cannot stat the pause process's mount namespace"))?
        .ino();
    // Already inside: a shim's exit command, or a command under `cove unshare`.
    if own_mnt == pause_mnt {
        return Ok(());
    }
    enter_mount_ns(&ns)
}

/// The pause process recorded in `RUNTIME/pause.pid` if `open` accepts it, else a new
/// one from `spawn` (recorded there). Creation is serialised by `RUNTIME/pause.lock`, so
/// commands started together all end up in the same namespace.
fn find_or_create(
    paths: &crate::paths::Paths,
    open: impl Fn(i32) -> Option<pause::PauseNs>,
    spawn: impl FnOnce() -> Result<i32, RootlessError>,
) -> Result<pause::PauseNs, RootlessError> {
    crate::paths::ensure_private_dir(&paths.runtime)
        .map_err(io_err(format!("cannot create {}", paths.runtime.display())))?;
    let pid_file = paths.runtime.join("pause.pid");
    // Fast path without the lock: `open` validates through a pinned /proc/PID.
    if let Some(ns) = pause::read_pid_file(&pid_file).and_then(&open) {
        return Ok(ns);
    }
    let _lock = lock(&paths.runtime.join("pause.lock"))?;
    // Someone may have created it while we waited for the lock.
    if let Some(ns) = pause::read_pid_file(&pid_file).and_then(&open) {
        return Ok(ns);
    }
    let pid = spawn()?;
    if let Err(e) = pause::write_pid_file(&pid_file, pid) {
        // Unrecorded, it would hold its namespace forever and the next command make another.
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::SIGKILL);
        return Err(io_err(format!("cannot write {}", pid_file.display()))(e));
    }
    open(pid).ok_or_else(|| RootlessError::Io {
        context: format!("pause process {pid} vanished right after creation"),
        source: io::Error::from(io::ErrorKind::NotFound),
    })
}

/// Whether we are already inside our per-user namespace (e.g. under `cove unshare`,
/// or in a process a cove command started).
fn in_our_namespace(own_ns: u64) -> bool {
    std::env::var(USERNS_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        == Some(own_ns)
}

/// The user's ids on the host: inside our namespace they come from the id maps (we are
/// uid 0 in here), elsewhere they are simply ours. Use this, not getuid(), to resolve
/// per-user paths, since a command run under `cove unshare` sees uid 0.
pub fn host_ids() -> (u32, u32) {
    let own_ns = ns_inode(Path::new("/proc/self/ns/user")).unwrap_or(0);
    if in_our_namespace(own_ns) {
        if let Ok((u, g)) = current_mappings() {
            if let (Some(uid), Some(gid)) = (host_of_root(&u), host_of_root(&g)) {
                return (uid, gid);
            }
        }
    }
    (getuid().as_raw(), getgid().as_raw())
}

fn host_of_root(map: &[IdMapping]) -> Option<u32> {
    map.iter()
        .find(|m| m.container_id == 0 && m.size > 0)
        .map(|m| m.host_id)
}

fn rootless_mode() -> Result<Mode, RootlessError> {
    let (uid_map, gid_map) =
        current_mappings().map_err(io_err("cannot read /proc/self/uid_map"))?;
    let uid = host_of_root(&uid_map).unwrap_or_else(|| getuid().as_raw());
    let gid = host_of_root(&gid_map).unwrap_or_else(|| getgid().as_raw());
    Ok(Mode::Rootless {
        uid,
        gid,
        uid_map,
        gid_map,
    })
}

fn ns_inode(path: &Path) -> io::Result<u64> {
    std::fs::metadata(path).map(|m| m.ino())
}

fn lock(path: &Path) -> Result<Flock<File>, RootlessError> {
    crate::paths::lock_file(path).map_err(io_err(format!("cannot lock {}", path.display())))
}

/// Create the user's pause process (caller holds the lock); returns its pid.
fn create(uid: u32, gid: u32) -> Result<i32, RootlessError> {
    use crate::system::check::{self, id_map_tools_problem, userns_blocker, SystemHost};
    let user = User::from_uid(getuid())
        .ok()
        .flatten()
        .map(|u| u.name)
        .unwrap_or_else(|| uid.to_string());
    // Fail early and clearly, before forking anything, in `cove system check`'s words.
    let who = check::User {
        name: user.clone(),
        uid,
        gid,
    };
    if let Some(problem) = check::subid_problem(&SystemHost, &who) {
        return Err(RootlessError::Prerequisite(problem));
    }
    let uid_ranges = ranges("subuid", Path::new("/etc/subuid"), &user, uid)?;
    let gid_ranges = ranges("subgid", Path::new("/etc/subgid"), &user, uid)?;
    if let Some(problem) = id_map_tools_problem(&SystemHost) {
        return Err(RootlessError::Prerequisite(problem));
    }
    pause::spawn(pause::Owner::User {
        uid,
        gid,
        uid_ranges: &uid_ranges,
        gid_ranges: &gid_ranges,
    })
    .map_err(|e| match e {
        // The kernel's errno does not say which switch refused; the switches do.
        RootlessError::UsernsDisabled { .. } | RootlessError::HelperFailed { .. } => {
            userns_blocker(&SystemHost).map_or(e, RootlessError::Prerequisite)
        }
        e => e,
    })
}

/// The user's ranges in a subid file. Both files are matched by user name or uid, as
/// shadow-utils' newgidmap does for subgid too.
fn ranges(
    kind: &'static str,
    file: &Path,
    user: &str,
    id: u32,
) -> Result<Vec<SubidRange>, RootlessError> {
    let own = if kind == "subuid" {
        id
    } else {
        getgid().as_raw()
    };
    let found = subid::read_subid(file, user, id)
        .map_err(io_err(format!("cannot read {}", file.display())))?;
    let usable = normalize(&found, own);
    if usable.is_empty() {
        return Err(RootlessError::NoRanges {
            kind,
            user: user.to_string(),
            file: file.to_path_buf(),
        });
    }
    Ok(usable)
}

/// Join the pause's user namespace, then its mount namespace (which the user namespace
/// owns, so joining it needs the capabilities the first setns gave us).
fn join(ns: &pause::PauseNs) -> Result<(), RootlessError> {
    setns(&ns.user, CloneFlags::CLONE_NEWUSER).map_err(join_error("user", ns.pid))?;
    enter_mount_ns(ns)?;
    let inode = ns_inode(Path::new("/proc/self/ns/user"))
        .map_err(io_err("cannot read /proc/self/ns/user"))?;
    // SAFETY-free in edition 2021, and the process is single-threaded by contract.
    std::env::set_var(USERNS_ENV, inode.to_string());
    Ok(())
}

/// Join the pause's mount namespace, keeping the working directory.
fn enter_mount_ns(ns: &pause::PauseNs) -> Result<(), RootlessError> {
    // setns(CLONE_NEWNS) resets the working directory to the namespace's root; the
    // mount namespace is a copy of the host's, so the same path leads back.
    let cwd = std::env::current_dir().ok();
    setns(&ns.mnt, CloneFlags::CLONE_NEWNS).map_err(join_error("mount", ns.pid))?;
    if let Some(cwd) = cwd {
        std::env::set_current_dir(&cwd).map_err(io_err(format!(
            "cannot return to {} inside cove's mount namespace",
            cwd.display()
        )))?;
    }
    Ok(())
}

fn join_error(ns: &'static str, pid: i32) -> impl FnOnce(Errno) -> RootlessError {
    move |source| RootlessError::Join {
        ns,
        pid,
        source,
        hint: if source == Errno::EINVAL {
            " (is the process multi-threaded? enter() must run before any thread starts)"
        } else {
            ""
        },
    }
}

/// The uid and gid maps of this process.
pub fn current_mappings() -> io::Result<(Vec<IdMapping>, Vec<IdMapping>)> {
    let uid = std::fs::read_to_string("/proc/self/uid_map")?;
    let gid = std::fs::read_to_string("/proc/self/gid_map")?;
    Ok((parse_id_map(&uid), parse_id_map(&gid)))
}

/// Parse the contents of a /proc/PID/uid_map or gid_map (whitespace-separated triples).
pub fn parse_id_map(contents: &str) -> Vec<IdMapping> {
    contents
        .lines()
        .filter_map(|line| {
            let mut f = line.split_whitespace().map(str::parse::<u32>);
            let m = IdMapping {
                container_id: f.next()?.ok()?,
                host_id: f.next()?.ok()?,
                size: f.next()?.ok()?,
            };
            f.next().is_none().then_some(m)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_id_maps() {
        let map = "         0       1000          1\n         1     100000      65536\n";
        assert_eq!(
            parse_id_map(map),
            vec![
                IdMapping {
                    container_id: 0,
                    host_id: 1000,
                    size: 1
                },
                IdMapping {
                    container_id: 1,
                    host_id: 100000,
                    size: 65536
                },
            ]
        );
        assert_eq!(
            parse_id_map("0 0 4294967295\n"),
            vec![IdMapping {
                container_id: 0,
                host_id: 0,
                size: u32::MAX
            }]
        );
        assert!(parse_id_map("").is_empty());
        assert!(parse_id_map("0 x 1\n1 2\n1 2 3 4\n").is_empty());
    }

    #[test]
    fn host_of_root_finds_mapping_of_zero() {
        let map = parse_id_map("1 100000 65536\n0 1000 1\n");
        assert_eq!(host_of_root(&map), Some(1000));
        assert_eq!(host_of_root(&[]), None);
    }

    #[test]
    fn error_messages_are_one_line() {
        let e = RootlessError::NoRanges {
            kind: "subuid",
            user: "alice".into(),
            file: "/etc/subuid".into(),
        };
        assert_eq!(
            e.to_string(),
            "no subuid ranges found for user \"alice\" in /etc/subuid: add one, e.g. `usermod --add-subuids 100000-165535 alice`"
        );
        assert_eq!(
            RootlessError::HelperMissing { tool: "newuidmap" }.to_string(),
            "newuidmap not found: install the uidmap package"
        );
        assert!(!RootlessError::UsernsDisabled {
            source: Errno::EPERM
        }
        .to_string()
        .contains('\n'));
    }

    #[test]
    fn marker_must_match_namespace() {
        // Not set in the test environment: never "inside" by accident.
        std::env::remove_var(USERNS_ENV);
        assert!(!in_our_namespace(12345));
    }
}
