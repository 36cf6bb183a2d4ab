//! Running `RUNTIME create` with the container's stdio, and collecting what it said.

use std::ffi::OsString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::logfile::Stream;
use crate::sys::{self, WaitStatus};

/// The shim's ends of the container's stdio.
pub struct ContainerPipes {
    /// Read ends, in the order they are logged.
    pub outputs: Vec<(Stream, OwnedFd)>,
    /// Write end of the container's stdin pipe (`--stdin` without `--terminal`).
    pub stdin: Option<OwnedFd>,
}

pub struct CreateRequest<'a> {
    pub runtime: &'a Path,
    pub runtime_args: &'a [OsString],
    pub bundle: &'a Path,
    pub pid_file: &'a Path,
    pub console_socket: Option<&'a Path>,
    pub cid: &'a str,
    /// Give the container a stdin pipe instead of /dev/null.
    pub stdin: bool,
    /// `--preserve-fds N`: our fds 3..3+N go to the runtime (close-on-exec until its
    /// fork); closed here once it has them.
    pub preserve_fds: u32,
    /// `--passthrough`: the container's stdin, stdout and stderr, instead of pipes.
    pub stdio: Option<[OwnedFd; 3]>,
    /// The runtime's `--log FILE`, for its errors when its stderr is not ours to read
    /// (passthrough: it is the container's, the caller's).
    pub log: Option<&'a Path>,
}

pub enum CreateOutcome {
    /// The runtime exited 0. `early` holds output that arrived while create ran (runtime
    /// warnings, or a container that started writing right away); it belongs in the log.
    Created {
        pipes: ContainerPipes,
        early: Vec<(Stream, Vec<u8>)>,
    },
    Failed(String),
}

pub fn argv(req: &CreateRequest<'_>) -> Vec<OsString> {
    let mut v: Vec<OsString> = req.runtime_args.to_vec();
    if let Some(log) = req.log {
        v.push("--log".into());
        v.push(log.into());
    }
    v.push("create".into());
    v.push("--bundle".into());
    v.push(req.bundle.into());
    v.push("--pid-file".into());
    v.push(req.pid_file.into());
    if let Some(s) = req.console_socket {
        v.push("--console-socket".into());
        v.push(s.into());
    }
    if req.preserve_fds > 0 {
        v.push("--preserve-fds".into());
        v.push(req.preserve_fds.to_string().into());
    }
    v.push(req.cid.into());
    v
}

/// Spawns `create` and services its output until it exits. `sigchld` is the signalfd that
/// tells us when to look at the runtime's status; waiting on it instead of blocking in
/// waitpid keeps the runtime (or an eager container) from stalling on a full pipe.
pub fn create(req: CreateRequest<'_>, sigchld: &OwnedFd) -> io::Result<CreateOutcome> {
    let mut cmd = Command::new(req.runtime);
    cmd.args(argv(&req));
    let mut stdin_ours = None;
    // With passthrough the runtime's output goes to the caller as the container's does;
    // only the exit status tells whether create failed.
    let outputs = match req.stdio {
        Some([i, o, e]) => {
            cmd.stdin(i).stdout(o).stderr(e);
            None
        }
        None => {
            let (out_r, out_w) = sys::pipe()?;
            let (err_r, err_w) = sys::pipe()?;
            if req.stdin {
                let (r, w) = sys::pipe()?;
                cmd.stdin(r);
                stdin_ours = Some(w);
            } else {
                cmd.stdin(Stdio::null());
            }
            cmd.stdout(out_w).stderr(err_w);
            Some((out_r, err_r))
        }
    };
    let preserve = req.preserve_fds;
    // SAFETY: the closure only calls async-signal-safe functions (signal, sigprocmask,
    // fcntl).
    unsafe {
        cmd.pre_exec(move || {
            sys::reset_signals_for_exec()?;
            for fd in 3..3u32.saturating_add(preserve) {
                sys::clear_cloexec(fd as RawFd)?;
            }
            Ok(())
        });
    }
    let spawned = cmd.spawn();
    // The runtime holds them now (or failed to start): a pipe handed on must see its end
    // when the container closes it, not when we exit.
    for fd in 3..3u32.saturating_add(preserve) {
        // SAFETY: fds 3..3+N were handed to us for the runtime alone; nothing else owns them.
        drop(unsafe { OwnedFd::from_raw_fd(fd as RawFd) });
    }
    let child = match spawned {
        Ok(c) => c,
        Err(e) => {
            return Ok(CreateOutcome::Failed(format!(
                "cannot run OCI runtime {}: {e}",
                req.runtime.display()
            )))
        }
    };
    // Drop our copies of the child's ends (held by `cmd`): EOF must be able to arrive.
    drop(cmd);
    let pid = child.id() as libc::pid_t;

    let Some((out_r, err_r)) = outputs else {
        let status = match sys::waitpid(pid, false)? {
            WaitStatus::Exited(_, c) => c,
            WaitStatus::Signaled(_, s) => 128 + s,
            WaitStatus::None => -1,
        };
        return Ok(match status {
            0 => CreateOutcome::Created {
                pipes: ContainerPipes {
                    outputs: Vec::new(),
                    stdin: None,
                },
                early: Vec::new(),
            },
            code => {
                let said = req
                    .log
                    .and_then(|p| std::fs::read(p).ok())
                    .unwrap_or_default();
                CreateOutcome::Failed(error_message(&[(Stream::Stderr, said)], code))
            }
        });
    };
    for fd in [&out_r, &err_r] {
        sys::set_nonblocking(fd.as_raw_fd())?;
    }
    let mut early: Vec<(Stream, Vec<u8>)> = Vec::new();
    let mut buf = vec![0u8; 32 * 1024];
    let status = loop {
        match sys::waitpid(pid, true)? {
            WaitStatus::Exited(_, c) => break c,
            WaitStatus::Signaled(_, s) => break 128 + s,
            WaitStatus::None => {}
        }
        let mut pfds = [
            sys::pollin(sigchld.as_raw_fd()),
            sys::pollin(out_r.as_raw_fd()),
            sys::pollin(err_r.as_raw_fd()),
        ];
        match sys::poll(&mut pfds, -1) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        if pfds[0].revents != 0 {
            sys::drain_signalfd(sigchld);
        }
        read_available(&out_r, Stream::Stdout, &mut buf, &mut early);
        read_available(&err_r, Stream::Stderr, &mut buf, &mut early);
    };

    // Pick up whatever the runtime wrote just before exiting.
    read_available(&out_r, Stream::Stdout, &mut buf, &mut early);
    read_available(&err_r, Stream::Stderr, &mut buf, &mut early);

    match status {
        0 => Ok(CreateOutcome::Created {
            pipes: ContainerPipes {
                outputs: vec![(Stream::Stdout, out_r), (Stream::Stderr, err_r)],
                stdin: stdin_ours,
            },
            early,
        }),
        code => Ok(CreateOutcome::Failed(error_message(&early, code))),
    }
}

fn read_available(fd: &OwnedFd, stream: Stream, buf: &mut [u8], out: &mut Vec<(Stream, Vec<u8>)>) {
    // Bounded: a misbehaving runtime must not make us buffer without limit.
    let cap: usize = 1 << 20;
    while out.iter().map(|(_, d)| d.len()).sum::<usize>() < cap {
        match sys::read(fd.as_raw_fd(), buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => out.push((stream, buf[..n].to_vec())),
        }
    }
}

/// The runtime's stderr (else stdout), trimmed; runc prints e.g.
/// `time=... level=error msg="..."`, which is passed through as-is.
pub fn error_message(output: &[(Stream, Vec<u8>)], status: i32) -> String {
    let collect = |want: Stream| -> String {
        let bytes: Vec<u8> = output
            .iter()
            .filter(|(s, _)| *s == want)
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        String::from_utf8_lossy(&bytes).trim().to_string()
    };
    let err = collect(Stream::Stderr);
    if !err.is_empty() {
        return err;
    }
    let out = collect(Stream::Stdout);
    if !out.is_empty() {
        return out;
    }
    format!("OCI runtime create failed with exit status {status}")
}

/// Reads the pid the runtime wrote with `--pid-file`.
pub fn read_pid_file(path: &Path) -> io::Result<libc::pid_t> {
    let text = std::fs::read_to_string(path)?;
    match text.trim().parse::<libc::pid_t>() {
        Ok(pid) if pid > 0 => Ok(pid),
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("invalid pid file {}: {:?}", path.display(), text.trim()),
        )),
    }
}

/// Runs the exit command and waits for it. Its stdout is our /dev/null and its stderr our
/// diagnostics file, so its complaints end up next to ours.
pub fn run_exit_command(path: &Path, args: &[OsString]) -> io::Result<i32> {
    let mut cmd = Command::new(path);
    cmd.args(args).stdin(Stdio::null());
    // SAFETY: only async-signal-safe calls in the closure.
    unsafe {
        cmd.pre_exec(sys::reset_signals_for_exec);
    }
    let child = cmd.spawn()?;
    match sys::waitpid(child.id() as libc::pid_t, false)? {
        WaitStatus::Exited(_, c) => Ok(c),
        WaitStatus::Signaled(_, s) => Ok(128 + s),
        WaitStatus::None => Ok(-1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_argv() {
        let args: Vec<OsString> = vec!["--root".into(), "/r".into()];
        let req = CreateRequest {
            runtime: Path::new("/usr/bin/runc"),
            runtime_args: &args,
            bundle: Path::new("/b"),
            pid_file: Path::new("/s/pid"),
            console_socket: Some(Path::new("/s/console.sock")),
            cid: "abc",
            stdin: false,
            preserve_fds: 2,
            stdio: None,
            log: Some(Path::new("/s/runtime.log")),
        };
        let v: Vec<String> = argv(&req)
            .into_iter()
            .map(|s| s.into_string().unwrap())
            .collect();
        assert_eq!(
            v,
            [
                "--root",
                "/r",
                "--log",
                "/s/runtime.log",
                "create",
                "--bundle",
                "/b",
                "--pid-file",
                "/s/pid",
                "--console-socket",
                "/s/console.sock",
                "--preserve-fds",
                "2",
                "abc"
            ]
        );
    }

    #[test]
    fn error_text() {
        let out = vec![
            (Stream::Stdout, b"noise\n".to_vec()),
            (Stream::Stderr, b"  bad bundle\n".to_vec()),
        ];
        assert_eq!(error_message(&out, 1), "bad bundle");
        assert_eq!(error_message(&out[..1], 1), "noise");
        assert_eq!(
            error_message(&[], 2),
            "OCI runtime create failed with exit status 2"
        );
    }

    #[test]
    fn pid_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pid");
        std::fs::write(&p, "123\n").unwrap();
        assert_eq!(read_pid_file(&p).unwrap(), 123);
        std::fs::write(&p, "x").unwrap();
        assert!(read_pid_file(&p).is_err());
    }
}
