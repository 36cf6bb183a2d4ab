//! Starting a container's shim (cove-conmon) and reading its one-line answer: the
//! container's pid once the runtime created it, or the runtime's error.

use std::io::Read;
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::runtime::OciRuntime;

#[derive(Debug, thiserror::Error)]
pub enum ShimError {
    #[error("cove-conmon not found beside cove, in libexec or on PATH")]
    NotFound,
    #[error("starting cove-conmon: {0}")]
    Spawn(std::io::Error),
    #[error("{0}")]
    Runtime(String),
    #[error("cove-conmon ended without reporting the container's pid (see {0})")]
    NoAnswer(PathBuf),
}

/// What the shim needs to know.
pub struct ShimRequest<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub bundle: &'a Path,
    pub runtime: &'a OciRuntime,
    pub state_dir: &'a Path,
    pub log_path: &'a Path,
    pub log_size_max: Option<u64>,
    pub terminal: bool,
    pub stdin: bool,
    /// Program and arguments run when the container exits (`cove container cleanup ID`).
    pub exit_command: Vec<String>,
    /// Every interval (counted from the end of the previous one) the shim runs this
    /// command (`cove healthcheck run ID`).
    pub healthcheck: Option<(std::time::Duration, Vec<String>)>,
    /// `--timeout`: seconds after which the shim kills the container.
    pub timeout: Option<u32>,
    /// The container's network namespace, where published ports are forwarded to.
    pub netns: Option<&'a Path>,
    pub publish: &'a [crate::network::ports::Listener],
    /// The socket (in the state dir) where the runtime sends the seccomp notify fd with
    /// which the shim hands published TCP ports to the container's server.
    pub port_handoff: Option<&'a str>,
    /// Held by the shim for the container's life (the network helper's exit pipe).
    pub hold: Option<&'a OwnedFd>,
    /// The caller's [`CleanupClaim`] file: the exit command runs only if the caller
    /// ends without removing the container.
    pub claim: Option<&'a Path>,
    /// `run --preserve-fds N`: our fds 3..3+N, handed on at the same numbers to the
    /// container's process (checked by [`super::options::check_preserve_fds`]).
    pub preserve_fds: u32,
    /// `--log-driver passthrough`: the container's stdout and stderr are ours, and its
    /// stdin too with `stdin`; nothing is logged.
    pub passthrough: bool,
}

/// Held by a caller that removes its `--rm` container itself when it ends (`run` in the
/// foreground), from before the container starts until the caller exits: the shim waits
/// for it before its exit command, and skips that command once the container is gone
/// (cove-conmon's `claim`). Saves a cove process per run; a caller killed meanwhile
/// lets go of it, and the exit command removes the container as before.
pub struct CleanupClaim(#[allow(dead_code)] nix::fcntl::Flock<std::fs::File>);

impl CleanupClaim {
    /// In the container's state dir, which is removed with the container.
    pub const FILE: &'static str = "cleanup-claim";

    pub fn take(state_dir: &Path) -> std::io::Result<CleanupClaim> {
        crate::paths::lock_file(&state_dir.join(Self::FILE)).map(CleanupClaim)
    }
}

/// The fd numbers the shim finds its sync pipe, the held fd and the listeners at, after
/// the fds it hands on (`--preserve-fds`), which keep their numbers.
const SYNC_FD: i32 = 3;
const HOLD_FD: i32 = 4;
const FIRST_PORT_FD: i32 = 5;

fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(std::io::Error::from)
}

/// Start the shim and wait until the runtime has created the container (not started it).
/// Returns the container's pid.
pub fn spawn(req: &ShimRequest<'_>) -> Result<i32, ShimError> {
    let conmon = crate::paths::find_helper("cove-conmon").ok_or(ShimError::NotFound)?;
    // No more than the fds open here (checked before), so far below i32::MAX.
    let shift = req.preserve_fds as i32;
    let (sync_fd, hold_fd, first_port_fd) =
        (SYNC_FD + shift, HOLD_FD + shift, FIRST_PORT_FD + shift);
    let mut cmd = Command::new(conmon);
    cmd.args(["--cid", req.id, "--name", req.name])
        .arg("--bundle")
        .arg(req.bundle)
        .arg("--runtime")
        .arg(&req.runtime.path);
    for a in req.runtime.global_args() {
        cmd.arg("--runtime-arg").arg(a);
    }
    cmd.arg("--state-dir")
        .arg(req.state_dir)
        .arg("--log-path")
        .arg(req.log_path)
        .args(["--sync-fd", &sync_fd.to_string()]);
    if let Some(max) = req.log_size_max {
        cmd.args(["--log-size-max", &max.to_string()]);
    }
    if req.terminal {
        cmd.arg("--terminal");
    }
    if req.stdin {
        cmd.arg("--stdin");
    }
    if let Some((prog, args)) = req.exit_command.split_first() {
        cmd.args(["--exit-command", prog]);
        for a in args {
            cmd.args(["--exit-command-arg", a]);
        }
        if let Some(claim) = req.claim {
            cmd.arg("--exit-command-claim").arg(claim);
        }
    }
    if let Some((interval, command)) = &req.healthcheck {
        if let Some((prog, args)) = command.split_first() {
            cmd.args(["--health-interval-ms", &interval.as_millis().to_string()])
                .args(["--health-command", prog]);
            for a in args {
                cmd.args(["--health-command-arg", a]);
            }
        }
    }
    if let Some(t) = req.timeout {
        cmd.args(["--timeout", &t.to_string()]);
    }
    let (read_end, write_end) = pipe().map_err(ShimError::Spawn)?;
    let mut fds: Vec<(&dyn AsFd, i32)> = vec![(&write_end, sync_fd)];
    if let Some(hold) = req.hold {
        cmd.args(["--hold-fd", &hold_fd.to_string()]);
        fds.push((hold, hold_fd));
    }
    if let Some(netns) = req.netns {
        cmd.arg("--netns").arg(netns);
        let sockets = req
            .publish
            .iter()
            .flat_map(|l| l.fds.iter().map(move |fd| (&l.mapping, fd)));
        for (i, (m, sock)) in sockets.enumerate() {
            let fd = first_port_fd + i as i32;
            cmd.arg("--publish")
                .arg(format!("{fd}:{}:{}", m.protocol, m.container_port));
            fds.push((sock, fd));
        }
        if let Some(sock) = req.port_handoff {
            cmd.args(["--seccomp-listener", sock]);
        }
    }
    if req.preserve_fds > 0 {
        cmd.args(["--preserve-fds", &req.preserve_fds.to_string()]);
    }
    // Fds 3..3+N pass as they are: inherited by this process, so not close-on-exec.
    crate::fdpass::inherit_at(&mut cmd, &fds, req.preserve_fds).map_err(ShimError::Spawn)?;
    if req.passthrough {
        cmd.arg("--passthrough");
        if !req.stdin {
            cmd.stdin(Stdio::null());
        }
    } else {
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
    }
    crate::log::command(&cmd);
    let mut child = cmd.spawn().map_err(ShimError::Spawn)?;
    // Our copies must go (the command holds duplicates for the child), or the read below
    // never sees EOF if the shim dies.
    drop(cmd);
    drop(write_end);
    // The shim detaches (double fork): this first process exits at once.
    let _ = child.wait();
    let mut answer = String::new();
    let _ = std::fs::File::from(read_end).read_to_string(&mut answer);
    parse_answer(&answer).ok_or_else(|| ShimError::NoAnswer(req.state_dir.join("conmon.log")))?
}

/// `{"pid": N}` or `{"error": "..."}`; None for anything else (a crashed shim).
fn parse_answer(line: &str) -> Option<Result<i32, ShimError>> {
    let v: serde_json::Value = serde_json::from_str(line.lines().next()?).ok()?;
    if let Some(pid) = v.get("pid").and_then(|p| p.as_i64()) {
        return Some(Ok(pid as i32));
    }
    let msg = v.get("error")?.as_str()?;
    Some(Err(ShimError::Runtime(runtime_message(msg))))
}

/// The line that matters from a runtime's stderr: runc and crun log with logrus
/// (`time=... level=error msg="..."`) and wrap the cause in layers of context.
fn runtime_message(stderr: &str) -> String {
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.contains("level=error") || l.contains("level=fatal"))
        .or_else(|| stderr.lines().rev().find(|l| !l.trim().is_empty()))
        .unwrap_or_default();
    let msg = match line.find("msg=\"") {
        Some(i) => {
            let rest = &line[i + 5..];
            let end = rest.rfind('"').unwrap_or(rest.len());
            rest[..end].replace("\\\"", "\"")
        }
        None => line.trim().to_string(),
    };
    // "runc create failed: unable to start container process: exec: ..." -> the cause.
    let cause = msg
        .rsplit(": exec: ")
        .next()
        .filter(|_| msg.contains(": exec: "));
    match cause {
        Some(c) => format!("exec: {c}"),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        assert!(matches!(parse_answer("{\"pid\": 42}\n"), Some(Ok(42))));
        match parse_answer("{\"error\": \"exec failed\"}") {
            Some(Err(ShimError::Runtime(m))) => assert_eq!(m, "exec failed"),
            other => panic!("{other:?}"),
        }
        assert!(parse_answer("").is_none());
        let runc = "time=\"x\" level=warning msg=\"noise\"\ntime=\"y\" level=error msg=\"runc create failed: unable to start container process: exec: \\\"nosuch\\\": executable file not found in $PATH\"";
        assert_eq!(
            runtime_message(runc),
            "exec: \"nosuch\": executable file not found in $PATH"
        );
        assert_eq!(runtime_message("plain failure\n"), "plain failure");
        assert!(parse_answer("garbage").is_none());
    }
}
