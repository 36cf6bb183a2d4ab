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
use cove_runtime::seccomp;

pub struct CreateOptions {
    pub root: PathBuf,
    pub id: String,
    pub bundle: PathBuf,
    pub pid_file: Option<PathBuf>,
    pub console_socket: Option<PathBuf>,
    /// `--preserve-fds N` (runc's): our fds 3..3+N are the container process's too.
    pub preserve_fds: u32,
}

/// A stream connection to the Unix socket at `path`. A path longer than sun_path (a
/// runtime dir under a long XDG_RUNTIME_DIR) is reached through its directory's descriptor.
fn connect_unix(path: &Path, what: &str) -> Result<OwnedFd, String> {
    use nix::sys::socket::{connect, socket, AddressFamily, SockFlag, SockType, UnixAddr};
    let fd = socket(
        AddressFamily::Unix,
        SockType::Stream,
        SockFlag::SOCK_CLOEXEC,
        None,
    )
    .map_err(|e| format!("{what}: {e}"))?;
    let fail = |e: &dyn std::fmt::Display| format!("connecting to {what} {}: {e}", path.display());
    let dir;
    let short = match UnixAddr::new(path) {
        Ok(a) => a,
        Err(_) => {
            let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
                return Err(fail(&"bad path"));
            };
            dir = fs::File::options()
                .read(true)
                .custom_flags(libc::O_PATH | libc::O_DIRECTORY)
                .open(parent)
                .map_err(|e| fail(&e))?;
            let via = Path::new("/proc/self/fd")
                .join(dir.as_raw_fd().to_string())
                .join(name);
            UnixAddr::new(&via).map_err(|e| fail(&e))?
        }
    };
    connect(fd.as_raw_fd(), &short).map_err(|e| fail(&e))?;
    Ok(fd)
}

/// The spec's seccomp filter, compiled here, before the fork, so a bad profile fails
/// `create`; compiled programs are cached under the state root (a tmpfs the user alone
/// writes), as starting containers mostly repeats one profile. With a
/// `linux.seccomp.listenerPath`, the filter gets its connection and what goes along the
/// listener fd: the OCI container process state (runtime-spec config-linux.md, "seccomp").
fn seccomp_filter(o: &CreateOptions, spec: &Spec) -> Result<Option<seccomp::Filter>, String> {
    let Some(seccomp) = spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) else {
        return Ok(None);
    };
    let (mut filter, _) =
        seccomp::compile_cached(seccomp, &o.root.join("seccomp")).map_err(|e| e.to_string())?;
    let Some(path) = seccomp.listener_path() else {
        return Ok(Some(filter));
    };
    let sock = connect_unix(path, "the seccomp listener")?;
    let state = serde_json::json!({
        "ociVersion": spec.version(),
        "fds": ["seccompFd"],
        "pid": 0,
        "metadata": seccomp.listener_metadata().clone().unwrap_or_default(),
        "state": {
            "ociVersion": spec.version(),
            "id": o.id,
            "status": "creating",
            "bundle": o.bundle,
        },
    });
    filter.set_listener(sock, state.to_string().into_bytes());
    Ok(Some(filter))
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
    // The init opens it as the new namespace's root: when that is not us (its maps
    // leave our 0 out), the fifo must be its own, as runc makes it.
    if new_ns.contains(CloneFlags::CLONE_NEWUSER) {
        let root_of = |maps: &Option<Vec<oci_spec::runtime::LinuxIdMapping>>| {
            maps.iter()
                .flatten()
                .find(|m| m.container_id() == 0)
                .map(|m| m.host_id())
        };
        let linux = spec.linux().as_ref();
        let uid = linux.and_then(|l| root_of(l.uid_mappings()));
        let gid = linux.and_then(|l| root_of(l.gid_mappings()));
        nix::unistd::chown(
            &fifo_path,
            uid.map(nix::unistd::Uid::from_raw),
            gid.map(nix::unistd::Gid::from_raw),
        )
        .map_err(|e| format!("exec fifo: {e}"))?;
    } else if join
        .iter()
        .any(|(f, _)| f.contains(CloneFlags::CLONE_NEWUSER))
    {
        // A joined namespace's root is whoever it maps: writable by all, reachable by
        // nobody else (the state dir is ours alone; the init opens it by descriptor).
        nix::sys::stat::fchmodat(
            nix::fcntl::AT_FDCWD,
            &fifo_path,
            Mode::from_bits_truncate(0o622),
            nix::sys::stat::FchmodatFlags::FollowSymlink,
        )
        .map_err(|e| format!("exec fifo: {e}"))?;
    }
    let fifo = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_PATH | libc::O_CLOEXEC)
        .open(&fifo_path)
        .map_err(|e| format!("exec fifo: {e}"))?;
    let console = o
        .console_socket
        .as_deref()
        .map(|p| connect_unix(p, "the console socket"))
        .transpose()?;
    let filter = seccomp_filter(o, spec)?;
    let (sync_r, sync_w) =
        nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| format!("pipe: {e}"))?;
    let (go_r, go_w) =
        nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| format!("pipe: {e}"))?;
    let userns = new_ns.contains(CloneFlags::CLONE_NEWUSER);
    let mut join = join;
    let mut joined_userns = false;
    // Joining a user namespace (a pod member joins its infra's): everything is joined
    // here, the user namespace last (the others may belong to its parent, where we hold
    // the capabilities), so that a pid namespace made below belongs to the joined user
    // namespace and the init may mount its /proc.
    if join
        .iter()
        .any(|(f, _)| f.contains(CloneFlags::CLONE_NEWUSER))
    {
        join.sort_by_key(|(f, _)| f.contains(CloneFlags::CLONE_NEWUSER));
        for (f, file) in join.drain(..) {
            nix::sched::setns(std::os::fd::AsFd::as_fd(&file), f)
                .map_err(|e| format!("joining namespace {f:?}: {e}"))?;
        }
        joined_userns = true;
    }
    let joins_pid = join
        .iter()
        .any(|(f, _)| f.contains(CloneFlags::CLONE_NEWPID));
    // Without a new user namespace, the pid namespace can be made (or joined) here: it
    // applies to our children, so the forked init is in it. With one, it must be made
    // after the user namespace (to belong to it), by the first stage below.
    if !userns && new_ns.contains(CloneFlags::CLONE_NEWPID) {
        unshare(CloneFlags::CLONE_NEWPID)
            .map_err(|e| format!("creating the pid namespace: {e}"))?;
        new_ns.remove(CloneFlags::CLONE_NEWPID);
    }
    if !userns && joins_pid {
        if let Some(i) = join
            .iter()
            .position(|(f, _)| f.contains(CloneFlags::CLONE_NEWPID))
        {
            let (f, file) = join.remove(i);
            nix::sched::setns(std::os::fd::AsFd::as_fd(&file), f)
                .map_err(|e| format!("joining the pid namespace: {e}"))?;
        }
    }
    // SAFETY: cove-runtime is single-threaded; the child only runs our own code.
    match unsafe { fork() }.map_err(|e| format!("fork: {e}"))? {
        ForkResult::Child => {
            drop(sync_r);
            drop(go_w);
            let args = InitArgs {
                spec,
                rootfs,
                sync: sync_w,
                fifo,
                console,
                filter,
                join,
                unshare: *new_ns,
                preserve_fds: o.preserve_fds,
            };
            // The init becomes the joined namespace's root, as in one we create: our own
            // ID may be unmapped there, and what it makes (its /dev) must belong to
            // someone the namespace knows. (We stay ourselves, to write the state.)
            let root_uid = nix::unistd::Uid::from_raw(0);
            let root_gid = nix::unistd::Gid::from_raw(0);
            let code = if joined_userns
                && nix::unistd::setresgid(root_gid, root_gid, root_gid)
                    .and_then(|()| nix::unistd::setresuid(root_uid, root_uid, root_uid))
                    .is_err()
            {
                let mut sync = File::from(args.sync);
                let _ = std::io::Write::write_all(
                    &mut sync,
                    b"error becoming root in the joined user namespace\n",
                );
                1
            } else if userns {
                stage_userns(args, go_r)
            } else {
                init::run(args)
            };
            // SAFETY: end the child without unwinding into the parent's state.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(sync_w);
            drop(go_r);
            drop(console);
            drop(filter);
            let mut pid = child.as_raw();
            // With a user and a pid namespace the init is the first stage's child, and
            // its pid line may come before or after its "ok".
            let expect_pid = userns && (new_ns.contains(CloneFlags::CLONE_NEWPID) || joins_pid);
            let outcome = talk_to_init(spec, child, &mut pid, expect_pid, sync_r, go_w);
            if let Err(msg) = outcome {
                for p in [child.as_raw(), pid] {
                    let _ = nix::sys::signal::kill(
                        nix::unistd::Pid::from_raw(p),
                        nix::sys::signal::Signal::SIGKILL,
                    );
                }
                let _ = nix::sys::wait::waitpid(child, None);
                return Err(msg);
            }
            if pid != child.as_raw() {
                // The first stage exits once the init is forked; reap it.
                let _ = nix::sys::wait::waitpid(child, None);
            }
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

/// `c h s` lines for /proc/PID/{uid,gid}_map.
fn id_map(maps: &Option<Vec<oci_spec::runtime::LinuxIdMapping>>) -> String {
    maps.iter()
        .flatten()
        .map(|m| format!("{} {} {}\n", m.container_id(), m.host_id(), m.size()))
        .collect()
}

/// Read the init's messages; map its user namespace when it asks.
fn talk_to_init(
    spec: &Spec,
    child: nix::unistd::Pid,
    pid: &mut i32,
    expect_pid: bool,
    sync_r: OwnedFd,
    go_w: OwnedFd,
) -> Result<(), String> {
    let (mut ok, mut have_pid) = (false, !expect_pid);
    use std::io::{BufRead, Write};
    let mut reader = std::io::BufReader::new(File::from(sync_r));
    let mut go = Some(File::from(go_w));
    loop {
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        match init::parse_sync(&line) {
            init::SyncMsg::UserNs => {
                let linux = spec.linux().clone().unwrap_or_default();
                for (file, maps) in [
                    ("uid_map", linux.uid_mappings()),
                    ("gid_map", linux.gid_mappings()),
                ] {
                    let path = format!("/proc/{}/{file}", child.as_raw());
                    fs::write(&path, id_map(maps))
                        .map_err(|e| format!("writing {file} of the user namespace: {e}"))?;
                }
                if let Some(mut g) = go.take() {
                    g.write_all(b"g").map_err(|e| format!("sync: {e}"))?;
                }
            }
            init::SyncMsg::Pid(p) => {
                *pid = p;
                have_pid = true;
            }
            init::SyncMsg::Ok => ok = true,
            init::SyncMsg::Error(msg) => return Err(msg),
        }
        if ok && have_pid {
            return Ok(());
        }
    }
}

/// First stage with a user namespace: enter it, wait to be mapped, become its root, then
/// fork the init into the namespaces that must belong to it (pid ns included).
fn stage_userns(mut args: InitArgs<'_>, go_r: OwnedFd) -> i32 {
    use std::io::{Read, Write};
    let mut sync = match args.sync.try_clone() {
        Ok(fd) => File::from(fd),
        Err(_) => return 1,
    };
    let fail = |sync: &mut File, msg: String| {
        let _ = writeln!(sync, "error {msg}");
        1
    };
    // Namespaces given by path belong to our user namespace (cove's netns file, say):
    // only here, before the new user namespace, do we hold the capability to join them.
    let mut joined_pid = false;
    for (f, file) in args.join.drain(..) {
        if let Err(e) = nix::sched::setns(std::os::fd::AsFd::as_fd(&file), f) {
            return fail(&mut sync, format!("joining namespace {f:?}: {e}"));
        }
        joined_pid |= f.contains(CloneFlags::CLONE_NEWPID);
    }
    if let Err(e) = unshare(CloneFlags::CLONE_NEWUSER) {
        return fail(&mut sync, format!("creating the user namespace: {e}"));
    }
    let _ = writeln!(sync, "userns");
    let mut byte = [0u8; 1];
    if File::from(go_r).read_exact(&mut byte).is_err() {
        return 1;
    }
    let root_uid = nix::unistd::Uid::from_raw(0);
    let root_gid = nix::unistd::Gid::from_raw(0);
    if let Err(e) = nix::unistd::setresgid(root_gid, root_gid, root_gid)
        .and_then(|()| nix::unistd::setresuid(root_uid, root_uid, root_uid))
    {
        return fail(
            &mut sync,
            format!("becoming root in the user namespace (is 0 mapped?): {e}"),
        );
    }
    args.unshare.remove(CloneFlags::CLONE_NEWUSER);
    // A joined pid namespace, like a new one, holds only the children forked after it.
    if !args.unshare.contains(CloneFlags::CLONE_NEWPID) && !joined_pid {
        return init::run(args);
    }
    if args.unshare.contains(CloneFlags::CLONE_NEWPID) {
        args.unshare.remove(CloneFlags::CLONE_NEWPID);
        if let Err(e) = unshare(CloneFlags::CLONE_NEWPID) {
            return fail(&mut sync, format!("creating the pid namespace: {e}"));
        }
    }
    // SAFETY: single-threaded; the child runs our own code only.
    match unsafe { fork() } {
        Ok(ForkResult::Child) => init::run(args),
        Ok(ForkResult::Parent { child }) => {
            let _ = writeln!(sync, "pid {}", child.as_raw());
            0
        }
        Err(e) => fail(&mut sync, format!("fork: {e}")),
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
