//! cove-conmon: the per-container shim (monitor).
//!
//! Started by the CLI for every container: it detaches, runs `RUNTIME create`, reports the
//! outcome on the sync pipe, then holds the container's stdio for its whole life (log file,
//! attach socket), reaps it, records the exit status and runs the exit command. It must keep
//! working when every cove CLI process is gone, so it depends on nothing but the state dir.
//! See containers-contract.md for the command line and protocols.
//!
//! Files in the state dir: `conmon.pid` (this shim), `pid` (container init, from the
//! runtime), `attach` (SEQPACKET socket, while the container runs), `console.sock` (only
//! during create with --terminal), `exit` (JSON, once it ended), `conmon.log` (our own
//! diagnostics; also the exit command's stderr).

/// Our own diagnostics, to stderr, which is `STATE/conmon.log` once detached.
macro_rules! diag {
    ($($arg:tt)*) => {
        eprintln!("{} cove-conmon[{}]: {}", $crate::clock::rfc3339_now(), std::process::id(),
            format_args!($($arg)*))
    };
}

mod args;
mod attach;
mod claim;
mod clock;
mod console;
mod daemon;
mod exitfile;
mod forward;
mod health;
mod json;
mod logfile;
mod monitor;
mod runtime;
mod sys;

use std::ffi::OsString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::Path;

use args::{Command, Config};
use runtime::{CreateOutcome, CreateRequest};

fn main() {
    let argv: Vec<OsString> = std::env::args_os().skip(1).collect();
    match args::parse(argv.clone()) {
        Ok(Command::Version) => println!("cove-conmon {}", env!("CARGO_PKG_VERSION")),
        Ok(Command::Help) => println!("{}", args::USAGE),
        Ok(Command::Run(cfg)) => run(*cfg),
        Err(e) => {
            eprintln!("cove-conmon: {e}\n{}", args::USAGE);
            // Tell a waiting CLI too, or it would block on the sync pipe until EOF.
            if let Some(fd) = args::sync_fd_hint(&argv) {
                if fd > 2 && sys::set_cloexec(fd).is_ok() {
                    let _ = sys::write_all(fd, json::sync_error(&e.to_string()).as_bytes());
                }
            }
            std::process::exit(125);
        }
    }
}

/// The sync pipe: exactly one JSON line, then closed.
struct Sync(Option<OwnedFd>);

impl Sync {
    fn send(&mut self, line: &str) {
        if let Some(fd) = self.0.take() {
            if let Err(e) = sys::write_all(fd.as_raw_fd(), line.as_bytes()) {
                diag!("writing the sync pipe: {e}");
            }
        }
    }

    fn fail(&mut self, msg: &str) -> ! {
        diag!("{msg}");
        self.send(&json::sync_error(msg));
        std::process::exit(1);
    }
}

fn run(mut cfg: Config) -> ! {
    // Validate the sync fd before detaching, so a bad one is reported to the caller directly.
    // SAFETY: F_GETFD only inspects the descriptor table.
    if unsafe { libc::fcntl(cfg.sync_fd, libc::F_GETFD) } == -1 {
        eprintln!("cove-conmon: --sync-fd {} is not open", cfg.sync_fd);
        std::process::exit(125);
    }
    // Keep the sync pipe above 0-2 (which get replaced by /dev/null) and close-on-exec, and
    // keep every other inherited descriptor away from the runtime and the container.
    let sync_fd = match sys::dup_above(cfg.sync_fd, 3) {
        Ok(fd) => fd,
        Err(e) => {
            eprintln!("cove-conmon: duplicating the sync fd: {e}");
            std::process::exit(125);
        }
    };
    if cfg.sync_fd > 2 {
        // SAFETY: we own this inherited descriptor and have a duplicate of it.
        drop(unsafe { OwnedFd::from_raw_fd(cfg.sync_fd) });
    }
    sys::cloexec_from(3);
    let mut sync = Sync(Some(sync_fd));
    // Taken before our stdio becomes /dev/null and conmon.log.
    let passthrough = match cfg.passthrough.then(caller_stdio).transpose() {
        Ok(p) => p,
        Err(e) => sync.fail(&format!("cove-conmon: keeping the caller's stdio: {e}")),
    };

    // Paths are resolved before chdir so relative arguments keep their meaning.
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    cfg.state_dir = abs(&cfg.state_dir);
    cfg.bundle = abs(&cfg.bundle);
    cfg.log_path = abs(&cfg.log_path);
    if cfg.runtime.components().count() > 1 {
        cfg.runtime = abs(&cfg.runtime);
    }
    if let Some(ec) = &cfg.exit_command {
        if ec.components().count() > 1 {
            cfg.exit_command = Some(abs(ec));
        }
    }
    cfg.exit_command_claim = cfg.exit_command_claim.as_deref().map(abs);

    if let Err(e) = daemon::detach() {
        sync.fail(&format!("cove-conmon: detaching: {e}"));
    }
    // From here on we are the long-lived grandchild.
    if let Err(e) = std::env::set_current_dir(&cfg.state_dir) {
        let _ = std::env::set_current_dir("/");
        sync.fail(&format!(
            "cove-conmon: state dir {}: {e}",
            cfg.state_dir.display()
        ));
    }
    if let Err(e) = daemon::redirect_stdio(Path::new("conmon.log")) {
        sync.fail(&format!("cove-conmon: redirecting stdio: {e}"));
    }
    match shim(&cfg, &mut sync, passthrough) {
        Ok(code) => {
            diag!("container {} exited with {code}", cfg.cid);
            std::process::exit(0)
        }
        Err(e) => {
            remove_runtime_files();
            sync.fail(&format!("cove-conmon: {e}"))
        }
    }
}

/// Copies of our stdin, stdout and stderr (the caller's) for `--passthrough`.
fn caller_stdio() -> std::io::Result<[OwnedFd; 3]> {
    Ok([
        sys::dup_above(0, 3)?,
        sys::dup_above(1, 3)?,
        sys::dup_above(2, 3)?,
    ])
}

/// After a failed start nothing may suggest a live shim: no pid file, no sockets. Relative
/// paths: only called once the cwd is the state dir.
fn remove_runtime_files() {
    for f in ["attach", "console.sock", "conmon.pid"] {
        let _ = std::fs::remove_file(f);
    }
}

/// Everything after detaching. Errors before the sync line is sent become `{"error"}`.
fn shim(cfg: &Config, sync: &mut Sync, stdio: Option<[OwnedFd; 3]>) -> std::io::Result<i32> {
    sys::set_child_subreaper()?;
    daemon::ignore_signals()?;
    daemon::write_pid_file(Path::new("conmon.pid"), sys::getpid())?;
    // Blocked before any child exists, so no SIGCHLD can be lost.
    let sigchld = sys::sigchld_fd()?;

    let log = logfile::LogWriter::open(&cfg.log_path, cfg.log_size_max)
        .map_err(|e| with_path(e, &cfg.log_path))?;
    // Before create, so the socket exists by the time the CLI reads the sync line.
    let listener = sys::listen_unix(Path::new("attach"), libc::SOCK_SEQPACKET)?;
    sys::set_nonblocking(listener.as_raw_fd())?;

    let claim = match &cfg.exit_command_claim {
        Some(p) => Some(claim::Claim::open(p).map_err(|e| with_path(e, p))?),
        None => None,
    };
    let pid_file = cfg.state_dir.join("pid");
    let runtime_log = cfg.state_dir.join("runtime.log");
    let _ = std::fs::remove_file(&pid_file);
    let console_via_cwd =
        std::path::PathBuf::from(format!("/proc/{}/cwd/console.sock", std::process::id()));
    let console = if cfg.terminal {
        Some(console::ConsoleSocket::listen(Path::new("console.sock"))?)
    } else {
        None
    };
    let req = CreateRequest {
        runtime: &cfg.runtime,
        runtime_args: &cfg.runtime_args,
        bundle: &cfg.bundle,
        pid_file: &pid_file,
        // Through our cwd (the state dir): an absolute path under a long XDG_RUNTIME_DIR
        // can exceed sun_path's 108 bytes, and runc resolves relative paths against the
        // bundle, not its cwd.
        console_socket: cfg.terminal.then_some(console_via_cwd.as_path()),
        cid: &cfg.cid,
        stdin: cfg.stdin && !cfg.terminal,
        preserve_fds: cfg.preserve_fds,
        log: stdio.is_some().then_some(runtime_log.as_path()),
        stdio,
    };
    // Before create: the runtime connects to it then (and sends the fd at start).
    let seccomp_listener = match (&cfg.seccomp_listener, &cfg.netns) {
        (Some(p), Some(_)) => Some(sys::listen_unix(p, libc::SOCK_STREAM)?),
        _ => None,
    };
    let created = runtime::create(req, &sigchld);
    if let Some(p) = &cfg.seccomp_listener {
        // Connected or failed by now; the connection outlives the name.
        let _ = std::fs::remove_file(p);
    }
    let (pipes, early) = match created? {
        CreateOutcome::Created { pipes, early } => (pipes, early),
        CreateOutcome::Failed(msg) => {
            remove_runtime_files();
            sync.fail(&msg);
        }
    };
    let pid = runtime::read_pid_file(&pid_file)?;

    let mut mon = monitor::Monitor::new(log, sigchld, listener, pid);
    if let Some(console) = console {
        let master = console.receive_master(5000);
        let _ = std::fs::remove_file("console.sock");
        let master = master?;
        mon.set_pty(sys::dup_above(master.as_raw_fd(), 3)?);
        if cfg.stdin {
            mon.set_stdin(sys::dup_above(master.as_raw_fd(), 3)?, true)?;
        }
        mon.add_output(logfile::Stream::Stdout, master)?;
    }
    for (stream, fd) in pipes.outputs {
        mon.add_output(stream, fd)?;
    }
    if let Some(stdin) = pipes.stdin {
        mon.set_stdin(stdin, false)?;
    }
    match sys::pidfd_open(pid) {
        Ok(fd) => mon.set_pidfd(fd),
        // Already gone and not a zombie of ours: nobody can tell us how it ended.
        Err(e) if e.raw_os_error() == Some(libc::ESRCH) => {
            mon.reap();
            mon.set_exit_unknown();
        }
        Err(e) => diag!("pidfd_open({pid}): {e}"),
    }
    for (stream, data) in early {
        mon.record_output(stream, &data);
    }
    if let Some(t) = cfg.timeout {
        mon.set_timeout(std::time::Duration::from_secs(t));
    }
    if let Some(h) = &cfg.health {
        mon.set_health(health::HealthTimer::new(h.clone()));
    }

    let forwarder = match &cfg.netns {
        Some(netns) if !cfg.publish.is_empty() => Some(
            forward::start(netns, &cfg.publish, seccomp_listener)
                .map_err(|e| with_path(e, netns))?,
        ),
        _ => None,
    };
    sync.send(&json::sync_pid(pid));
    diag!("container {} created, pid {pid}", cfg.cid);

    daemon::trim_resident_text();
    let (exit, clients) = mon.run();
    // The ports go back before the exit file says the container ended: whoever acts on
    // that (the exit command's restart policy, `stop` then `start`, `run --replace`) may
    // bind them again at once, while we still wait for the exit command.
    if let Some(f) = forwarder {
        f.stop();
    }
    if let Err(e) = exitfile::write(&cfg.state_dir, exit.code, &exit.finished_at) {
        diag!("writing the exit file: {e}");
    }
    monitor::say_goodbye(clients, exit.code);
    let _ = std::fs::remove_file("attach");

    let needed = claim.as_ref().is_none_or(claim::Claim::still_needed);
    if !needed {
        diag!("container {} removed by the command that ran it", cfg.cid);
    }
    if let Some(cmd) = cfg.exit_command.as_ref().filter(|_| needed) {
        match runtime::run_exit_command(cmd, &cfg.exit_command_args) {
            Ok(0) => {}
            Ok(c) => diag!("exit command {} exited with {c}", cmd.display()),
            Err(e) => diag!("exit command {}: {e}", cmd.display()),
        }
    }
    Ok(exit.code)
}

fn with_path(e: std::io::Error, p: &Path) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", p.display()))
}
