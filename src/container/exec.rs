//! `exec`: run a process in a running container by joining its namespaces (setns), the
//! same way for every OCI runtime, never through a daemon. The
//! process is then set up by `cove_runtime::process::finalize`, the path the built-in
//! runtime's init takes: the container's seccomp filter, capabilities, user, rlimits and
//! no_new_privs.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cove_runtime::{process, seccomp};
use oci_spec::runtime::{LinuxSeccomp, Process};

use nix::sched::{setns, CloneFlags};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::{fork, ForkResult, Pid};

/// What to run and as whom; resolved by the caller from the container's spec and flags.
#[derive(Debug, Clone)]
pub struct ExecSpec {
    /// The container's process with the exec's overrides (args, env, user, cwd, terminal,
    /// capabilities).
    pub process: Process,
    /// The container's filter; None when it runs unconfined.
    pub seccomp: Option<LinuxSeccomp>,
    /// Where compiled filters are cached (the user's runtime directory).
    pub seccomp_cache: PathBuf,
    /// Killed when it runs longer (health checks).
    pub timeout: Option<Duration>,
    /// `exec --preserve-fds N`: our fds 3..3+N are the process's too (checked by
    /// [`super::options::check_preserve_fds`]).
    pub preserve_fds: u32,
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
    #[error(transparent)]
    Seccomp(#[from] seccomp::SeccompError),
}

fn sys(context: &'static str) -> impl FnOnce(nix::Error) -> ExecError {
    move |source| ExecError::Sys { context, source }
}

/// The namespaces a container may have, in the order they are joined (mount last: after
/// it, /proc paths of the host are no longer reachable).
/// Set in the environment of `cove exec -t` by a caller (the API service) that made the
/// terminal itself and passes it as stdin: it becomes the process's controlling terminal
/// instead of one relayed to the caller's. Not a flag, so users never see it.
pub const TERMINAL_ON_STDIN: &str = "COVE_TERMINAL_ON_STDIN";

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

/// The `cgroup.procs` files of `pid`'s cgroups that are not ours: where the container has
/// cgroups of its own (limits were asked for), its exec'd processes join them, as under
/// runc exec.
fn cgroup_procs_files(pid: i32) -> Vec<PathBuf> {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let ours = read("/proc/self/cgroup");
    let root = Path::new("/sys/fs/cgroup");
    read(&format!("/proc/{pid}/cgroup"))
        .lines()
        .filter(|l| !ours.lines().any(|o| o == *l))
        .filter_map(|l| {
            let mut f = l.splitn(3, ':');
            let (_, controllers, path) = (f.next()?, f.next()?, f.next()?);
            // Inside a cgroup namespace a path may climb above its root: not ours to join.
            if path.split('/').any(|part| part == "..") {
                return None;
            }
            let dir = match controllers {
                // cgroup v2: the whole tree, or its `unified` mount on a hybrid machine.
                "" if root.join("unified").is_dir() => root.join("unified"),
                "" => root.to_path_buf(),
                c => root.join(c.strip_prefix("name=").unwrap_or(c)),
            };
            Some(dir.join(path.trim_start_matches('/')).join("cgroup.procs"))
        })
        .collect()
}

fn join_cgroups(files: &[PathBuf]) {
    for f in files {
        // Refused where cgroups are not delegated to us: the process stays in ours.
        let _ = std::fs::write(f, b"0");
    }
}

/// Runs in the final child, inside every namespace: become the container's process.
fn become_process(
    spec: &ExecSpec,
    filter: Option<&seccomp::Filter>,
    root: &File,
    tty: Option<&OwnedFd>,
) -> i32 {
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
        process::finalize(&spec.process, filter, spec.preserve_fds)
            .map_err(|e| (e.exit_code(), e.to_string()))
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
    wait_status(pid).map_or(125, code_of)
}

/// How a child ended; None when it is not ours to wait for.
fn wait_status(pid: Pid) -> Option<WaitStatus> {
    loop {
        match waitpid(pid, None) {
            Ok(s @ (WaitStatus::Exited(..) | WaitStatus::Signaled(..))) => return Some(s),
            Ok(_) | Err(nix::Error::EINTR) => continue,
            Err(_) => return None,
        }
    }
}

/// Wait for a child, killing it once `timeout` passes. Returns its exit code and whether
/// we killed it. Its pidfd tells when it ends; without one (pidfd_open needs Linux 5.3, and
/// poll may fail), a bounded polling loop does the same.
fn wait_child_within(pid: Pid, timeout: Duration) -> (i32, bool) {
    let deadline = Instant::now() + timeout;
    let ended = match pidfd_open(pid) {
        Some(fd) => pidfd_ended_by(&fd, deadline),
        None => None,
    };
    let ended = match ended {
        Some(ended) => ended,
        None => match reap_by(pid, deadline) {
            Some(code) => return (code, false),
            None => false,
        },
    };
    if ended {
        return (wait_child(pid), false);
    }
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
    match wait_status(pid) {
        // It exited on its own just before the kill landed: that is its real result.
        Some(s @ WaitStatus::Exited(..)) => (code_of(s), false),
        Some(s) => (code_of(s), true),
        None => (125, true),
    }
}

fn pidfd_open(pid: Pid) -> Option<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid.as_raw(), 0) };
    // SAFETY: a fresh descriptor, ours alone.
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd as RawFd) })
}

/// Whether the pidfd's process ended before `deadline` (Some(false): time is up); None
/// when poll fails for a reason other than a signal.
fn pidfd_ended_by(fd: &OwnedFd, deadline: Instant) -> Option<bool> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        // Rounded up, so poll never returns a hair before the deadline and spins.
        let ms = left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32;
        let mut pfd = libc::pollfd {
            fd: fd.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        match unsafe { libc::poll(&mut pfd, 1, ms) } {
            n if n > 0 => return Some(true),
            0 if Instant::now() >= deadline => return Some(false),
            0 => continue,
            _ if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted => continue,
            _ => return None,
        }
    }
}

/// Poll with waitpid(WNOHANG) until the child ends (its code) or `deadline` passes (None).
fn reap_by(pid: Pid, deadline: Instant) -> Option<i32> {
    loop {
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            Ok(s @ (WaitStatus::Exited(..) | WaitStatus::Signaled(..))) => return Some(code_of(s)),
            Ok(_) | Err(nix::Error::EINTR) => {}
            // Not our child (any more): nothing to wait for or kill.
            Err(_) => return Some(125),
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        std::thread::sleep(left.min(Duration::from_millis(10)));
    }
}

/// Run `f` with our stdout and stderr pointing at `out` and `err` (a process exec'd by
/// `f` inherits them), then put them back.
pub fn with_output_to<T>(out: &File, err: &File, f: impl FnOnce() -> T) -> io::Result<T> {
    use nix::unistd::dup;
    let saved_out = dup(io::stdout().as_fd())?;
    let saved_err = dup(io::stderr().as_fd())?;
    nix::unistd::dup2_stdout(out.as_fd())?;
    nix::unistd::dup2_stderr(err.as_fd())?;
    let r = f();
    nix::unistd::dup2_stdout(saved_out.as_fd())?;
    nix::unistd::dup2_stderr(saved_err.as_fd())?;
    Ok(r)
}

/// How an exec'd process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit {
    pub code: i32,
    /// Killed for running past [`ExecSpec::timeout`].
    pub killed: bool,
}

/// Run `spec` in the namespaces of `pid`; returns how the process ended. With `detach`,
/// code 0 once it started. Must be called while cove is single-threaded.
pub fn exec(pid: i32, spec: &ExecSpec, detach: bool) -> Result<Exit, ExecError> {
    exec_with_terminal(pid, spec, detach, None)
}

/// `exec`, and when the process has a terminal and `given` is a terminal's slave end, that
/// one becomes the process's controlling terminal instead of one relayed to our own
/// (the API service holds the master and relays it to its client).
pub fn exec_with_terminal(
    pid: i32,
    spec: &ExecSpec,
    detach: bool,
    given: Option<OwnedFd>,
) -> Result<Exit, ExecError> {
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
    // Compiled here, so a bad profile is cove's error, not the process's.
    let filter = match &spec.seccomp {
        Some(profile) => {
            let (filter, skipped) = seccomp::compile_cached(profile, &spec.seccomp_cache)?;
            if !skipped.unknown_names.is_empty() {
                crate::log::debug(format_args!(
                    "seccomp: syscalls this libseccomp does not know, skipped as runc does: {}",
                    skipped.unknown_names.join(" ")
                ));
            }
            Some(filter)
        }
        None => None,
    };
    let cgroups = cgroup_procs_files(pid);
    let terminal = spec.process.terminal().unwrap_or(false);
    let pty = match given {
        _ if !terminal => None,
        Some(slave) => Some(Terminal::Given(slave)),
        None => {
            let size = super::attach::terminal_winsize();
            Some(Terminal::Relayed(
                nix::pty::openpty(size.as_ref(), None).map_err(sys("allocating a terminal"))?,
            ))
        }
    };

    // The process is waited for by our child (it had to join the pid namespace first),
    // which tells us through this pipe when it had to kill it: one byte, before it exits.
    let killed_pipe = match (detach, spec.timeout) {
        (false, Some(_)) => Some(
            nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC | nix::fcntl::OFlag::O_NONBLOCK)
                .map_err(sys("pipe"))?,
        ),
        _ => None,
    };

    // SAFETY: cove is single-threaded here (no tokio runtime for exec), so the child may
    // do anything a normal program does.
    match unsafe { fork() }.map_err(sys("fork"))? {
        ForkResult::Child => {
            let code = (|| {
                join_cgroups(&cgroups);
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
                    Ok(ForkResult::Child) => become_process(
                        spec,
                        filter.as_ref(),
                        &root,
                        pty.as_ref().map(Terminal::slave),
                    ),
                    Ok(ForkResult::Parent { child }) => match (detach, spec.timeout) {
                        (true, _) => 0,
                        (false, Some(t)) => {
                            let (code, killed) = wait_child_within(child, t);
                            if let (true, Some((_, tell))) = (killed, &killed_pipe) {
                                let _ = nix::unistd::write(tell, &[1]);
                            }
                            code
                        }
                        (false, None) => wait_child(child),
                    },
                    Err(_) => 125,
                }
            })();
            // SAFETY: leave without running the parent's destructors or atexit handlers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            let killed_by = killed_pipe.map(|(read, _write)| read);
            let code = match pty {
                None | Some(Terminal::Given(_)) => wait_child(child),
                Some(Terminal::Relayed(pty)) => {
                    drop(pty.slave);
                    relay_terminal(pty.master, child)?
                }
            };
            // Our child has exited, so its byte is in the pipe if it sent one.
            let mut byte = [0u8; 1];
            let killed = killed_by.is_some_and(|r| nix::unistd::read(&r, &mut byte) == Ok(1));
            Ok(Exit { code, killed })
        }
    }
}

/// The exec'd process's terminal: one we relay to our own, or one the caller made.
enum Terminal {
    Relayed(nix::pty::OpenptyResult),
    Given(OwnedFd),
}

impl Terminal {
    fn slave(&self) -> &OwnedFd {
        match self {
            Terminal::Relayed(p) => &p.slave,
            Terminal::Given(fd) => fd,
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

    // The functions under test reap the child with waitpid, which is what they are for.
    #[allow(clippy::zombie_processes)]
    fn spawn(program: &str, args: &[&str]) -> Pid {
        let child = std::process::Command::new(program)
            .args(args)
            .spawn()
            .unwrap();
        Pid::from_raw(child.id() as i32)
    }

    #[test]
    fn a_child_past_its_time_is_killed_and_says_so() {
        let pid = spawn("sleep", &["5"]);
        assert_eq!(
            wait_child_within(pid, Duration::from_millis(100)),
            (137, true)
        );
    }

    #[test]
    fn a_child_within_its_time_keeps_its_own_code() {
        let long = Duration::from_secs(300);
        assert_eq!(wait_child_within(spawn("true", &[]), long), (0, false));
        assert_eq!(
            wait_child_within(spawn("sh", &["-c", "exit 3"]), long),
            (3, false)
        );
    }

    #[test]
    fn polling_without_a_pidfd_ends_at_the_deadline_or_with_the_child() {
        let pid = spawn("sleep", &["5"]);
        assert_eq!(
            reap_by(pid, Instant::now() + Duration::from_millis(100)),
            None
        );
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        assert_eq!(wait_child(pid), 137);
        let long = Instant::now() + Duration::from_secs(300);
        assert_eq!(reap_by(spawn("sh", &["-c", "exit 4"]), long), Some(4));
        // Not a child of ours: nothing to wait for.
        assert_eq!(reap_by(Pid::from_raw(1), long), Some(125));
    }
}
