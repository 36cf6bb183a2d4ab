//! The container's first process, from fork to execve: namespaces, filesystem, hostname,
//! terminal, then it blocks on the exec fifo until `start`, then identity, capabilities,
//! no_new_privs, seccomp and execve.
//!
//! Everything that can fail before the fifo is reported to `create` through the sync
//! pipe (so `create` fails with the reason); after it, failures go to the container's
//! stderr and become its exit code (127: not found, 126: cannot run), like runc.

use std::ffi::CString;
use std::fs::File;
use std::io::Write;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use nix::sched::{setns, unshare, CloneFlags};
use oci_spec::runtime::{LinuxNamespaceType, Spec};

use crate::{rootfs, seccomp, terminal};

/// What the init needs from `create`.
pub struct InitArgs<'a> {
    pub spec: &'a Spec,
    pub rootfs: &'a Path,
    /// Written once: "ok" when the container waits on the fifo, or an error message.
    pub sync: OwnedFd,
    /// Opened with O_PATH before pivot_root (the path is unreachable afterwards).
    pub fifo: File,
    pub console: Option<OwnedFd>,
    /// Namespaces to join (type, opened file), from `linux.namespaces[].path`.
    pub join: Vec<(CloneFlags, File)>,
    /// Namespaces to create (besides pid, which `create` made before forking).
    pub unshare: CloneFlags,
}

fn flag(t: LinuxNamespaceType) -> Option<CloneFlags> {
    Some(match t {
        LinuxNamespaceType::Mount => CloneFlags::CLONE_NEWNS,
        LinuxNamespaceType::Uts => CloneFlags::CLONE_NEWUTS,
        LinuxNamespaceType::Ipc => CloneFlags::CLONE_NEWIPC,
        LinuxNamespaceType::Network => CloneFlags::CLONE_NEWNET,
        LinuxNamespaceType::Pid => CloneFlags::CLONE_NEWPID,
        LinuxNamespaceType::Cgroup => CloneFlags::CLONE_NEWCGROUP,
        LinuxNamespaceType::User => CloneFlags::CLONE_NEWUSER,
        LinuxNamespaceType::Time => return None,
    })
}

/// Split the spec's namespaces into ones to join (with a path) and ones to create.
pub fn plan_namespaces(spec: &Spec) -> Result<(CloneFlags, Vec<(CloneFlags, PathBuf)>), String> {
    let mut new = CloneFlags::empty();
    let mut join = Vec::new();
    for ns in spec
        .linux()
        .as_ref()
        .and_then(|l| l.namespaces().clone())
        .unwrap_or_default()
    {
        let Some(f) = flag(ns.typ()) else {
            return Err(format!("namespace {:?} is not supported", ns.typ()));
        };
        match ns.path() {
            Some(p) => join.push((f, p.clone())),
            None => new |= f,
        }
    }
    Ok((new, join))
}

/// Bring up `lo` in a new network namespace: every program expects 127.0.0.1 to work.
fn loopback_up() {
    // SAFETY: plain socket/ioctl calls on a local fd with a zeroed ifreq.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return;
        }
        let mut req: libc::ifreq = std::mem::zeroed();
        for (i, b) in b"lo\0".iter().enumerate() {
            req.ifr_name[i] = *b as libc::c_char;
        }
        if libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut req) == 0 {
            req.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
            libc::ioctl(fd, libc::SIOCSIFFLAGS, &req);
        }
        libc::close(fd);
    }
}

/// Before the fifo: everything `create` must know succeeded.
fn prepare(a: &InitArgs<'_>) -> Result<Option<OwnedFd>, String> {
    for (f, file) in &a.join {
        setns(file.as_fd(), *f).map_err(|e| format!("joining namespace {f:?}: {e}"))?;
    }
    unshare(a.unshare).map_err(|e| format!("creating namespaces: {e}"))?;
    if a.unshare.contains(CloneFlags::CLONE_NEWNET) {
        loopback_up();
    }
    if a.unshare.contains(CloneFlags::CLONE_NEWUTS) {
        if let Some(h) = a.spec.hostname().as_deref().filter(|h| !h.is_empty()) {
            nix::unistd::sethostname(h).map_err(|e| format!("setting hostname: {e}"))?;
        }
    }
    rootfs::setup(a.spec, a.rootfs).map_err(|e| e.to_string())?;
    let process = a.spec.process().clone().unwrap_or_default();
    let slave = if process.terminal().unwrap_or(false) {
        let Some(console) = &a.console else {
            return Err("process.terminal is set but no --console-socket was given".into());
        };
        let (master, slave) = terminal::open_pty().map_err(|e| format!("allocating a pty: {e}"))?;
        terminal::send_master(console.as_raw_fd(), &master)
            .map_err(|e| format!("sending the pty to the console socket: {e}"))?;
        Some(slave)
    } else {
        None
    };
    rootfs::finish(a.spec).map_err(|e| e.to_string())?;
    if let Some(slave) = &slave {
        terminal::become_controlling(slave).map_err(|e| format!("setting up the terminal: {e}"))?;
    } else {
        // Like runc: the container is its own session, detached from any terminal.
        let _ = nix::unistd::setsid();
    }
    let cwd = process.cwd();
    if nix::unistd::chdir(cwd).is_err() {
        std::fs::create_dir_all(cwd).map_err(|e| format!("creating cwd {}: {e}", cwd.display()))?;
        nix::unistd::chdir(cwd).map_err(|e| format!("chdir {}: {e}", cwd.display()))?;
    }
    Ok(slave)
}

fn set_rlimits(spec: &Spec) -> Result<(), String> {
    let process = spec.process().clone().unwrap_or_default();
    for r in process.rlimits().iter().flatten() {
        let res = serde_json::to_value(r.typ())
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let resource = match res.as_str() {
            "RLIMIT_NOFILE" => libc::RLIMIT_NOFILE,
            "RLIMIT_NPROC" => libc::RLIMIT_NPROC,
            "RLIMIT_CORE" => libc::RLIMIT_CORE,
            "RLIMIT_STACK" => libc::RLIMIT_STACK,
            "RLIMIT_MEMLOCK" => libc::RLIMIT_MEMLOCK,
            "RLIMIT_AS" => libc::RLIMIT_AS,
            "RLIMIT_CPU" => libc::RLIMIT_CPU,
            "RLIMIT_FSIZE" => libc::RLIMIT_FSIZE,
            "RLIMIT_NICE" => libc::RLIMIT_NICE,
            "RLIMIT_RTPRIO" => libc::RLIMIT_RTPRIO,
            "RLIMIT_MSGQUEUE" => libc::RLIMIT_MSGQUEUE,
            "RLIMIT_SIGPENDING" => libc::RLIMIT_SIGPENDING,
            "RLIMIT_DATA" => libc::RLIMIT_DATA,
            "RLIMIT_LOCKS" => libc::RLIMIT_LOCKS,
            "RLIMIT_RSS" => libc::RLIMIT_RSS,
            other => return Err(format!("unknown rlimit {other}")),
        };
        let lim = libc::rlimit {
            rlim_cur: r.soft(),
            rlim_max: r.hard(),
        };
        // SAFETY: setrlimit with a valid struct.
        if unsafe { libc::setrlimit(resource, &lim) } != 0 {
            return Err(format!(
                "setting {res}: {}",
                std::io::Error::last_os_error()
            ));
        }
    }
    Ok(())
}

fn cap_set(names: &Option<oci_spec::runtime::Capabilities>) -> caps::CapsHashSet {
    names
        .iter()
        .flatten()
        .filter_map(|c| {
            let name = serde_json::to_value(c).ok()?;
            name.as_str()?.parse::<caps::Capability>().ok()
        })
        .collect()
}

/// Identity, capabilities, no_new_privs, seccomp: the last steps before execve.
fn become_process(spec: &Spec) -> Result<(), String> {
    let process = spec.process().clone().unwrap_or_default();
    set_rlimits(spec)?;
    let wanted = process.capabilities().clone().unwrap_or_default();
    let bounding = cap_set(wanted.bounding());
    for cap in caps::all() {
        if !bounding.contains(&cap) {
            // Capabilities the kernel does not know are fine to skip.
            let _ = caps::drop(None, caps::CapSet::Bounding, cap);
        }
    }
    // Keep permitted capabilities across the uid change; the sets are set right after.
    // SAFETY: prctl with integer arguments.
    unsafe { libc::prctl(libc::PR_SET_KEEPCAPS, 1, 0, 0, 0) };
    let user = process.user();
    let gids: Vec<nix::unistd::Gid> = user
        .additional_gids()
        .iter()
        .flatten()
        .map(|g| nix::unistd::Gid::from_raw(*g))
        .collect();
    nix::unistd::setgroups(&gids).map_err(|e| format!("setgroups: {e}"))?;
    nix::unistd::setresgid(
        nix::unistd::Gid::from_raw(user.gid()),
        nix::unistd::Gid::from_raw(user.gid()),
        nix::unistd::Gid::from_raw(user.gid()),
    )
    .map_err(|e| format!("setgid {}: {e}", user.gid()))?;
    nix::unistd::setresuid(
        nix::unistd::Uid::from_raw(user.uid()),
        nix::unistd::Uid::from_raw(user.uid()),
        nix::unistd::Uid::from_raw(user.uid()),
    )
    .map_err(|e| format!("setuid {}: {e}", user.uid()))?;
    if let Some(mask) = user.umask() {
        nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(mask));
    }
    let set = |which, names: &Option<oci_spec::runtime::Capabilities>| {
        caps::set(None, which, &cap_set(names)).map_err(|e| format!("setting capabilities: {e}"))
    };
    // Effective first: the kernel refuses a permitted set smaller than the effective one.
    set(caps::CapSet::Effective, wanted.effective())?;
    set(caps::CapSet::Permitted, wanted.permitted())?;
    set(caps::CapSet::Inheritable, wanted.inheritable())?;
    let _ = caps::clear(None, caps::CapSet::Ambient);
    for cap in cap_set(wanted.ambient()) {
        let _ = caps::raise(None, caps::CapSet::Ambient, cap);
    }
    if process.no_new_privileges().unwrap_or(false) {
        // SAFETY: prctl with integer arguments.
        if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
            return Err(format!("no_new_privs: {}", std::io::Error::last_os_error()));
        }
    }
    if let Some(profile) = spec.linux().as_ref().and_then(|l| l.seccomp().clone()) {
        let (prog, _skipped) = seccomp::compile(&profile).map_err(|e| e.to_string())?;
        seccomp::install(&prog).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Find args[0] on the container's PATH.
fn lookup(cmd: &str, env: &[String]) -> Option<CString> {
    if cmd.contains('/') {
        return CString::new(cmd).ok();
    }
    let path = env
        .iter()
        .find_map(|e| e.strip_prefix("PATH="))
        .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    path.split(':')
        .map(|d| Path::new(d).join(cmd))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
        .and_then(|p| CString::new(p.as_os_str().as_bytes()).ok())
}

fn fail(code: i32, msg: &str) -> i32 {
    let _ = writeln!(std::io::stderr(), "cove-runtime: {msg}");
    code
}

/// Runs in the forked child; returns only with an exit code for `_exit`.
pub fn run(a: InitArgs<'_>) -> i32 {
    let prepared = prepare(&a);
    let mut sync = File::from(a.sync);
    match prepared {
        // The terminal is our stdio now; this extra descriptor can go.
        Ok(slave) => drop(slave),
        Err(msg) => {
            let _ = writeln!(sync, "error {}", msg.replace('\n', " "));
            return 1;
        }
    }
    let _ = sync.write_all(b"ok\n");
    drop(sync);
    // Wait for `start`: opening the fifo for writing blocks until it is opened for reading.
    let fifo_path = format!("/proc/self/fd/{}", a.fifo.as_raw_fd());
    match std::fs::OpenOptions::new().write(true).open(&fifo_path) {
        Ok(mut f) => {
            let _ = f.write_all(b"0");
        }
        Err(e) => return fail(1, &format!("waiting for start: {e}")),
    }
    drop(a.fifo);
    let process = a.spec.process().clone().unwrap_or_default();
    let args = process.args().clone().unwrap_or_default();
    let env = process.env().clone().unwrap_or_default();
    let Some(cmd) = args.first() else {
        return fail(1, "process.args is empty");
    };
    // The PATH lookup happens as the container's user, so it sees what that user sees.
    if let Err(msg) = become_process(a.spec) {
        return fail(1, &msg);
    }
    let Some(path) = lookup(cmd, &env) else {
        return fail(
            127,
            &format!("exec: \"{cmd}\": executable file not found in $PATH"),
        );
    };
    let argv: Vec<CString> = args
        .iter()
        .filter_map(|s| CString::new(s.as_bytes()).ok())
        .collect();
    let envp: Vec<CString> = env
        .iter()
        .filter_map(|s| CString::new(s.as_bytes()).ok())
        .collect();
    let err = match nix::unistd::execve(&path, &argv, &envp) {
        Ok(never) => match never {},
        Err(e) => e,
    };
    let code = if err == nix::Error::ENOENT { 127 } else { 126 };
    fail(code, &format!("exec: \"{cmd}\": {err}"))
}

/// What the init (and, with a user namespace, its first stage) tells `create`, one line
/// each: `userns` (map me, then answer on the go pipe), `pid N` (the init is N, not the
/// process forked), then `ok` or `error MESSAGE`.
#[derive(Debug, PartialEq, Eq)]
pub enum SyncMsg {
    UserNs,
    Pid(i32),
    Ok,
    Error(String),
}

pub fn parse_sync(line: &str) -> SyncMsg {
    let line = line.trim_end();
    if line == "ok" {
        SyncMsg::Ok
    } else if line == "userns" {
        SyncMsg::UserNs
    } else if let Some(pid) = line.strip_prefix("pid ").and_then(|p| p.parse().ok()) {
        SyncMsg::Pid(pid)
    } else if let Some(msg) = line.strip_prefix("error ") {
        SyncMsg::Error(msg.to_string())
    } else if line.is_empty() {
        SyncMsg::Error("the container process died during setup".into())
    } else {
        SyncMsg::Error(line.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_lines() {
        assert_eq!(parse_sync("ok\n"), SyncMsg::Ok);
        assert_eq!(parse_sync("userns\n"), SyncMsg::UserNs);
        assert_eq!(parse_sync("pid 42\n"), SyncMsg::Pid(42));
        assert_eq!(
            parse_sync("error mount failed\n"),
            SyncMsg::Error("mount failed".into())
        );
        assert!(matches!(parse_sync(""), SyncMsg::Error(_)));
    }
}
