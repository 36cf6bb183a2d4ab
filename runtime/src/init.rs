//! The container's first process, from fork to execve: namespaces, filesystem, hostname,
//! terminal, then it blocks on the exec fifo until `start`, then `process::finalize`
//! (identity, capabilities, no_new_privs, seccomp, execve: the path `cove exec` takes too).
//!
//! Everything that can fail before the fifo is reported to `create` through the sync
//! pipe (so `create` fails with the reason); after it, failures go to the container's
//! stderr and become its exit code (127: not found, 126: cannot run), like runc.

use std::fs::File;
use std::io::Write;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use nix::sched::{setns, unshare, CloneFlags};
use oci_spec::runtime::{LinuxNamespaceType, Spec};

use cove_runtime::{process, seccomp};

use crate::{rootfs, terminal};

/// What the init needs from `create`.
pub struct InitArgs<'a> {
    pub spec: &'a Spec,
    pub rootfs: &'a Path,
    /// Written once: "ok" when the container waits on the fifo, or an error message.
    pub sync: OwnedFd,
    /// Opened with O_PATH before pivot_root (the path is unreachable afterwards).
    pub fifo: File,
    pub console: Option<OwnedFd>,
    /// The spec's seccomp filter, compiled (and connected to its listener) by `create`.
    pub filter: Option<seccomp::Filter>,
    /// Namespaces to join (type, opened file), from `linux.namespaces[].path`.
    pub join: Vec<(CloneFlags, File)>,
    /// Namespaces to create (besides pid, which `create` made before forking).
    pub unshare: CloneFlags,
    /// `--preserve-fds N`: fds 3..3+N of `create` reach the container's process.
    pub preserve_fds: u32,
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

/// What the init holds between the fifo and execve.
struct Prepared {
    /// The pty's slave end, once it is our stdio.
    slave: Option<OwnedFd>,
}

/// Before the fifo: everything `create` must know succeeded.
fn prepare(a: &InitArgs<'_>) -> Result<Prepared, String> {
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
        if let Some(d) = a.spec.domainname().as_deref().filter(|d| !d.is_empty()) {
            // SAFETY: the pointer and length describe `d`'s bytes.
            if unsafe { libc::setdomainname(d.as_ptr().cast(), d.len()) } == -1 {
                return Err(format!(
                    "setting the domain name: {}",
                    std::io::Error::last_os_error()
                ));
            }
        }
    }
    rootfs::setup(a.spec, a.rootfs).map_err(|e| e.to_string())?;
    // With the container's /proc mounted, before /proc/sys is made read-only.
    write_sysctls(a.spec)?;
    if let Some(p) = a
        .spec
        .linux()
        .as_ref()
        .and_then(|l| l.personality().clone())
    {
        let domain = match p.domain() {
            oci_spec::runtime::LinuxPersonalityDomain::PerLinux32 => 0x0008,
            oci_spec::runtime::LinuxPersonalityDomain::PerLinux => 0,
        };
        // SAFETY: personality(2) only changes this process's execution domain.
        if unsafe { libc::personality(domain) } == -1 {
            return Err(format!(
                "setting the personality: {}",
                std::io::Error::last_os_error()
            ));
        }
    }
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
    process::check_command(&process).map_err(|e| e.to_string())?;
    Ok(Prepared { slave })
}

/// The spec's `linux.sysctl`, written under /proc/sys as runc does.
fn write_sysctls(spec: &Spec) -> Result<(), String> {
    let sysctls = spec
        .linux()
        .as_ref()
        .and_then(|l| l.sysctl().clone())
        .unwrap_or_default();
    for (key, value) in sysctls {
        let path = Path::new("/proc/sys").join(key.replace('.', "/"));
        std::fs::write(&path, value.as_bytes())
            .map_err(|e| format!("setting sysctl {key}={value}: {e}"))?;
    }
    Ok(())
}

fn fail(code: i32, msg: &str) -> i32 {
    let _ = writeln!(std::io::stderr(), "cove-runtime: {msg}");
    code
}

/// Runs in the forked child; returns only with an exit code for `_exit`.
pub fn run(a: InitArgs<'_>) -> i32 {
    let prepared = prepare(&a);
    let mut sync = File::from(a.sync);
    let filter = match prepared {
        // The terminal is our stdio now; this extra descriptor can go.
        Ok(Prepared { slave }) => {
            drop(slave);
            a.filter
        }
        Err(msg) => {
            let _ = writeln!(sync, "error {}", msg.replace('\n', " "));
            return 1;
        }
    };
    let _ = sync.write_all(b"ok\n");
    drop(sync);
    // Wait for `start`: opening the fifo for writing blocks until it is opened for reading.
    // The write end stays open, close-on-exec, so `start` sees end-of-file only once the
    // container's command runs (or the init died): `run -d` then `top` shows the command.
    let fifo_path = format!("/proc/self/fd/{}", a.fifo.as_raw_fd());
    let _started = match std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_CLOEXEC)
        .open(&fifo_path)
    {
        Ok(mut f) => {
            let _ = f.write_all(b"0");
            f
        }
        Err(e) => return fail(1, &format!("waiting for start: {e}")),
    };
    drop(a.fifo);
    let process = a.spec.process().clone().unwrap_or_default();
    match process::finalize(&process, filter.as_ref(), a.preserve_fds) {
        Ok(never) => match never {},
        Err(e) => fail(e.exit_code(), &e.to_string()),
    }
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
