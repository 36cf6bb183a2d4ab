//! `exec`: run a process in a running container by joining its namespaces (setns), the
//! same way for every OCI runtime, with the container's capabilities, user, environment
//! and no_new_privs (design.md section 4: never through a daemon).

use std::ffi::CString;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;

use nix::sched::{setns, CloneFlags};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::{fork, ForkResult, Pid};

/// What to run and as whom; resolved by the caller from the container's spec and flags.
#[derive(Debug, Clone)]
pub struct ExecSpec {
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub cwd: String,
    pub uid: u32,
    pub gid: u32,
    pub additional_gids: Vec<u32>,
    /// Capability numbers the process may keep (the container's bounding set).
    pub capabilities: Vec<u8>,
    pub no_new_privileges: bool,
    pub tty: bool,
    /// Killed when it runs longer (health checks).
    pub timeout: Option<std::time::Duration>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExecError {
    #[error("container process {0} is gone")]
    Gone(i32),
    #[error("{context}: {source}")]
    Sys {
        context: &'static str,
        source: nix::Error,
    },
    #[error("{0}")]
    Io(#[from] io::Error),
}

fn sys(context: &'static str) -> impl FnOnce(nix::Error) -> ExecError {
    move |source| ExecError::Sys { context, source }
}

/// The namespaces a container may have, in the order they are joined (mount last: after
/// it, /proc paths of the host are no longer reachable).
const NAMESPACES: &[(&str, CloneFlags)] = &[
    // Before the user namespace: cove's netns file belongs to ours, and once inside a
    // --userns=keep-id namespace we would have no capability over it. (A netns the
    // runtime made inside that namespace is joinable from here too: we are root in its
    // parent.)
    ("net", CloneFlags::CLONE_NEWNET),
    // Before the rest: they may belong to it (--userns=keep-id).
    ("user", CloneFlags::CLONE_NEWUSER),
    ("ipc", CloneFlags::CLONE_NEWIPC),
    ("uts", CloneFlags::CLONE_NEWUTS),
    ("pid", CloneFlags::CLONE_NEWPID),
    ("mnt", CloneFlags::CLONE_NEWNS),
];

/// Exit code conventions of `docker exec`: 126 cannot invoke, 127 not found.
fn exec_failure_code(e: nix::Error) -> i32 {
    match e {
        nix::Error::ENOENT => 127,
        _ => 126,
    }
}

/// Find `cmd` on the container's PATH (we are inside its mount namespace by then).
fn lookup(cmd: &str, env: &[String]) -> Option<CString> {
    if cmd.contains('/') {
        return CString::new(cmd).ok();
    }
    let path = env
        .iter()
        .find_map(|e| e.strip_prefix("PATH="))
        .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    path.split(':')
        .map(|d| std::path::Path::new(d).join(cmd))
        .find(|p| p.is_file())
        .and_then(|p| CString::new(p.as_os_str().as_bytes()).ok())
}

/// Runs in the final child, inside every namespace: become the container's process.
fn become_process(spec: &ExecSpec, root: &File, tty: Option<&OwnedFd>) -> i32 {
    let step = || -> Result<std::convert::Infallible, (i32, String)> {
        let fail = |what: &str, e: nix::Error| (126, format!("{what}: {e}"));
        nix::unistd::fchdir(root.as_fd()).map_err(|e| fail("entering the root", e))?;
        nix::unistd::chroot(".").map_err(|e| fail("chroot", e))?;
        if let Some(slave) = tty {
            nix::unistd::setsid().map_err(|e| fail("setsid", e))?;
            // SAFETY: TIOCSCTTY on a valid terminal fd we own.
            if unsafe { libc::ioctl(slave.as_raw_fd(), libc::TIOCSCTTY, 0) } < 0 {
                return Err((126, "making the terminal controlling".into()));
            }
            for fd in 0..3 {
                // SAFETY: dup2 onto the standard descriptors.
                unsafe { libc::dup2(slave.as_raw_fd(), fd) };
            }
        }
        let cwd = if spec.cwd.is_empty() { "/" } else { &spec.cwd };
        nix::unistd::chdir(cwd).map_err(|e| fail(&format!("chdir {cwd}"), e))?;
        for cap in 0..=63u8 {
            if !spec.capabilities.contains(&cap) {
                // SAFETY: prctl with plain integer arguments; EINVAL past the last cap.
                unsafe { libc::prctl(libc::PR_CAPBSET_DROP, cap as libc::c_ulong, 0, 0, 0) };
            }
        }
        let groups: Vec<nix::unistd::Gid> = spec
            .additional_gids
            .iter()
            .map(|g| nix::unistd::Gid::from_raw(*g))
            .collect();
        nix::unistd::setgroups(&groups).map_err(|e| fail("setgroups", e))?;
        nix::unistd::setgid(nix::unistd::Gid::from_raw(spec.gid)).map_err(|e| fail("setgid", e))?;
        nix::unistd::setuid(nix::unistd::Uid::from_raw(spec.uid)).map_err(|e| fail("setuid", e))?;
        if spec.no_new_privileges {
            // SAFETY: prctl with plain integer arguments.
            unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) };
        }
        let cmd = spec.args.first().cloned().unwrap_or_default();
        let Some(path) = lookup(&cmd, &spec.env) else {
            return Err((
                127,
                format!("exec: \"{cmd}\": executable file not found in $PATH"),
            ));
        };
        let args: Vec<CString> = spec
            .args
            .iter()
            .filter_map(|a| CString::new(a.as_bytes()).ok())
            .collect();
        let env: Vec<CString> = spec
            .env
            .iter()
            .filter_map(|e| CString::new(e.as_bytes()).ok())
            .collect();
        let e = nix::unistd::execve(&path, &args, &env).unwrap_err();
        Err((exec_failure_code(e), format!("exec: \"{cmd}\": {e}")))
    };
    match step() {
        Ok(never) => match never {},
        Err((code, msg)) => {
            let _ = writeln!(io::stderr(), "Error: {msg}");
            code
        }
    }
}

fn code_of(status: WaitStatus) -> i32 {
    match status {
        WaitStatus::Exited(_, c) => c,
        WaitStatus::Signaled(_, s, _) => 128 + s as i32,
        _ => 125,
    }
}

/// Wait for a child, retrying on EINTR.
fn wait_child(pid: Pid) -> i32 {
    loop {
        match waitpid(pid, None) {
            Ok(s @ (WaitStatus::Exited(..) | WaitStatus::Signaled(..))) => return code_of(s),
            Ok(_) | Err(nix::Error::EINTR) => continue,
            Err(_) => return 125,
        }
    }
}

/// Wait for a child, killing it once `timeout` passes (its pidfd tells when it ends).
fn wait_child_within(pid: Pid, timeout: std::time::Duration) -> i32 {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid.as_raw(), 0) } as i32;
    if fd >= 0 {
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut pfd, 1, ms) };
        if ready == 0 {
            let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        }
        // SAFETY: closing the descriptor opened above.
        unsafe { libc::close(fd) };
    }
    wait_child(pid)
}

/// Run `spec` in the namespaces of `pid`; returns the process's exit code. With `detach`,
/// returns 0 once it started. Must be called while cove is single-threaded.
pub fn exec(pid: i32, spec: &ExecSpec, detach: bool) -> Result<i32, ExecError> {
    let mut ns_files = Vec::new();
    for (name, flag) in NAMESPACES {
        let path = format!("/proc/{pid}/ns/{name}");
        let own = std::fs::read_link(format!("/proc/self/ns/{name}")).ok();
        let theirs = std::fs::read_link(&path).map_err(|_| ExecError::Gone(pid))?;
        // Joining a namespace we are already in would fail for mnt (EINVAL) and is moot.
        if own.as_ref() != Some(&theirs) {
            ns_files.push((File::open(&path).map_err(|_| ExecError::Gone(pid))?, *flag));
        }
    }
    let root = File::open(format!("/proc/{pid}/root")).map_err(|_| ExecError::Gone(pid))?;
    let pty = if spec.tty {
        let size = super::attach::terminal_winsize();
        Some(nix::pty::openpty(size.as_ref(), None).map_err(sys("allocating a terminal"))?)
    } else {
        None
    };

    // SAFETY: cove is single-threaded here (no tokio runtime for exec), so the child may
    // do anything a normal program does.
    match unsafe { fork() }.map_err(sys("fork"))? {
        ForkResult::Child => {
            let code = (|| {
                for (f, flag) in &ns_files {
                    if let Err(e) = setns(f.as_fd(), *flag) {
                        let _ = writeln!(io::stderr(), "Error: joining the container: {e}");
                        return 125;
                    }
                }
                if detach {
                    let _ = nix::unistd::setsid();
                }
                // The pid namespace applies to children only: one more fork.
                match unsafe { fork() } {
                    Ok(ForkResult::Child) => {
                        become_process(spec, &root, pty.as_ref().map(|p| &p.slave))
                    }
                    Ok(ForkResult::Parent { child }) => match (detach, spec.timeout) {
                        (true, _) => 0,
                        (false, Some(t)) => wait_child_within(child, t),
                        (false, None) => wait_child(child),
                    },
                    Err(_) => 125,
                }
            })();
            // SAFETY: leave without running the parent's destructors or atexit handlers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            let Some(pty) = pty else {
                return Ok(wait_child(child));
            };
            drop(pty.slave);
            let code = relay_terminal(pty.master, child)?;
            Ok(code)
        }
    }
}

/// Copy between our terminal and the exec'd process's until it exits.
fn relay_terminal(master: OwnedFd, child: Pid) -> Result<i32, ExecError> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let _raw = super::attach::RawMode::enter();
    let stdin = io::stdin();
    let mut master_file = File::from(master);
    let mut buf = [0u8; 16 * 1024];
    let mut stdin_open = true;
    loop {
        let mut fds = vec![PollFd::new(master_file.as_fd(), PollFlags::POLLIN)];
        if stdin_open {
            fds.push(PollFd::new(stdin.as_fd(), PollFlags::POLLIN));
        }
        match poll(&mut fds, PollTimeout::from(200u16)) {
            Err(nix::Error::EINTR) => continue,
            Err(e) => return Err(sys("poll")(e)),
            Ok(_) => {}
        }
        let master_ready = fds[0].revents().is_some_and(|r| !r.is_empty());
        let stdin_ready = stdin_open
            && fds
                .get(1)
                .and_then(|f| f.revents())
                .is_some_and(|r| !r.is_empty());
        if master_ready {
            match master_file.read(&mut buf) {
                Ok(n) if n > 0 => {
                    let mut out = io::stdout().lock();
                    out.write_all(&buf[..n])?;
                    out.flush()?;
                }
                // EIO: every slave end is closed, the process is gone.
                _ => return Ok(wait_child(child)),
            }
        }
        if stdin_ready {
            match nix::unistd::read(stdin.as_fd(), &mut buf) {
                Ok(n) if n > 0 => master_file.write_all(&buf[..n])?,
                _ => stdin_open = false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_like_docker() {
        assert_eq!(exec_failure_code(nix::Error::ENOENT), 127);
        assert_eq!(exec_failure_code(nix::Error::EACCES), 126);
        assert_eq!(code_of(WaitStatus::Exited(Pid::from_raw(1), 3)), 3);
        assert_eq!(
            code_of(WaitStatus::Signaled(
                Pid::from_raw(1),
                nix::sys::signal::Signal::SIGKILL,
                false
            )),
            137
        );
    }

    #[test]
    fn path_lookup_uses_the_given_path() {
        let env = vec!["PATH=/definitely-missing:/bin".to_string()];
        assert_eq!(lookup("sh", &env).unwrap().to_str().unwrap(), "/bin/sh");
        assert!(lookup("no-such-program-xyz", &env).is_none());
        assert_eq!(lookup("/x/y", &env).unwrap().to_str().unwrap(), "/x/y");
    }
}
