//! `create`: fork the container's init into new namespaces, wait until it is set up and
//! blocked on the exec fifo, record the state, exit. The init is then re-parented to
//! whoever is the nearest subreaper (cove-conmon).

use std::fs::{self, File};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use nix::sched::{unshare, CloneFlags};
use nix::sys::stat::Mode;
use nix::unistd::{fork, ForkResult};
use oci_spec::runtime::Spec;

use crate::init::{self, InitArgs};
use crate::state::{self, State};

pub struct CreateOptions {
    pub root: PathBuf,
    pub id: String,
    pub bundle: PathBuf,
    pub pid_file: Option<PathBuf>,
    pub console_socket: Option<PathBuf>,
}

fn connect_console(path: &Path) -> Result<OwnedFd, String> {
    use nix::sys::socket::{connect, socket, AddressFamily, SockFlag, SockType, UnixAddr};
    let fd = socket(
        AddressFamily::Unix,
        SockType::Stream,
        SockFlag::SOCK_CLOEXEC,
        None,
    )
    .map_err(|e| format!("console socket: {e}"))?;
    let addr =
        UnixAddr::new(path).map_err(|e| format!("console socket {}: {e}", path.display()))?;
    connect(fd.as_raw_fd(), &addr).map_err(|e| format!("connecting to {}: {e}", path.display()))?;
    Ok(fd)
}

fn validate_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 1024
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && id != "."
        && id != "..";
    if ok {
        Ok(())
    } else {
        Err(format!("invalid container id {id:?}"))
    }
}

pub fn create(o: &CreateOptions) -> Result<(), String> {
    validate_id(&o.id)?;
    let spec = Spec::load(o.bundle.join("config.json"))
        .map_err(|e| format!("{}: {e}", o.bundle.join("config.json").display()))?;
    if let Some(res) = spec.linux().as_ref().and_then(|l| l.resources().clone()) {
        let asks = res.memory().is_some() || res.cpu().is_some() || res.pids().is_some();
        if asks {
            return Err(
                "resource limits need a delegated cgroup v2 subtree (not available here)".into(),
            );
        }
    }
    let root_path = spec
        .root()
        .as_ref()
        .map(|r| r.path().clone())
        .unwrap_or_else(|| PathBuf::from("rootfs"));
    let rootfs = if root_path.is_absolute() {
        root_path
    } else {
        o.bundle.join(root_path)
    };
    let rootfs =
        fs::canonicalize(&rootfs).map_err(|e| format!("rootfs {}: {e}", rootfs.display()))?;
    let (mut new_ns, join_paths) = init::plan_namespaces(&spec)?;
    let mut join = Vec::new();
    for (f, p) in join_paths {
        let file = File::open(&p).map_err(|e| format!("namespace {}: {e}", p.display()))?;
        join.push((f, file));
    }

    let dir = state::dir(&o.root, &o.id);
    fs::create_dir_all(&o.root).map_err(|e| format!("{}: {e}", o.root.display()))?;
    if let Err(e) = fs::create_dir(&dir) {
        return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
            format!("container \"{}\" already exists", o.id)
        } else {
            format!("{}: {e}", dir.display())
        });
    }
    let result = create_in(o, &spec, &rootfs, &mut new_ns, join);
    if result.is_err() {
        let _ = fs::remove_dir_all(&dir);
    }
    result
}

fn create_in(
    o: &CreateOptions,
    spec: &Spec,
    rootfs: &Path,
    new_ns: &mut CloneFlags,
    join: Vec<(CloneFlags, File)>,
) -> Result<(), String> {
    let fifo_path = state::fifo(&o.root, &o.id);
    nix::unistd::mkfifo(&fifo_path, Mode::from_bits_truncate(0o600))
        .map_err(|e| format!("exec fifo: {e}"))?;
    let fifo = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_PATH | libc::O_CLOEXEC)
        .open(&fifo_path)
        .map_err(|e| format!("exec fifo: {e}"))?;
    let console = o
        .console_socket
        .as_deref()
        .map(connect_console)
        .transpose()?;
    let (sync_r, sync_w) =
        nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| format!("pipe: {e}"))?;
    // The pid namespace applies to our children: the forked init is its pid 1.
    if new_ns.contains(CloneFlags::CLONE_NEWPID) {
        unshare(CloneFlags::CLONE_NEWPID)
            .map_err(|e| format!("creating the pid namespace: {e}"))?;
        new_ns.remove(CloneFlags::CLONE_NEWPID);
    }
    // SAFETY: cove-runtime is single-threaded; the child only runs our own code.
    match unsafe { fork() }.map_err(|e| format!("fork: {e}"))? {
        ForkResult::Child => {
            drop(sync_r);
            let code = init::run(InitArgs {
                spec,
                rootfs,
                sync: sync_w,
                fifo,
                console,
                join,
                unshare: *new_ns,
            });
            // SAFETY: end the child without unwinding into the parent's state.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(sync_w);
            drop(console);
            if let Err(msg) = init::read_sync(File::from(sync_r)) {
                let _ = nix::sys::signal::kill(child, nix::sys::signal::Signal::SIGKILL);
                let _ = nix::sys::wait::waitpid(child, None);
                return Err(msg);
            }
            let pid = child.as_raw();
            let st = State {
                id: o.id.clone(),
                pid,
                pid_start: state::start_time(pid).unwrap_or(0),
                bundle: o.bundle.clone(),
                created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
                annotations: spec
                    .annotations()
                    .clone()
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
            };
            state::save(&o.root, &st).map_err(|e| format!("saving state: {e}"))?;
            if let Some(p) = &o.pid_file {
                let tmp = p.with_extension("tmp");
                fs::write(&tmp, pid.to_string())
                    .and_then(|()| fs::rename(&tmp, p))
                    .map_err(|e| format!("pid file {}: {e}", p.display()))?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        validate_id("abc-123_x.y").unwrap();
        assert!(validate_id("").is_err());
        assert!(validate_id("../x").is_err());
        assert!(validate_id("a/b").is_err());
    }
}
