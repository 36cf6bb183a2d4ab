//! `start` and `delete` of a created container, by its state under the runtime's root.
//! The `cove-runtime` binary runs them for its CLI; the `cove` CLI calls them directly for
//! the built-in runtime, which spares two processes on every container start.

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::Duration;

use crate::state;

/// Release the init blocked on the exec fifo.
pub fn start(root: &Path, id: &str) -> Result<(), String> {
    let st = state::load(root, id).map_err(|e| e.to_string())?;
    let fifo = state::fifo(root, id);
    match state::status(root, &st) {
        "created" => {}
        other => return Err(format!("cannot start a container that is {other}")),
    }
    // Non-blocking open: a dead init would otherwise leave us waiting forever.
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(&fifo)
        .map_err(|e| format!("exec fifo: {e}"))?;
    // The init writes one byte, then keeps its end open until execve closes it: wait for
    // the byte, then for end-of-file, so `start` returns once the command is running.
    let mut byte = [0u8; 1];
    let mut released = false;
    loop {
        match f.read(&mut byte) {
            Ok(1) => released = true,
            Ok(0) if released => break,
            Ok(_) | Err(_) => {
                // Once released, end-of-file is certain: a command that already ran and
                // was reaped is a start that happened, not an init that died.
                if !released && state::start_time(st.pid) != Some(st.pid_start) {
                    return Err("the container process exited before start".into());
                }
                // Woken as soon as init writes its byte (a sleep cost up to its length on
                // every start); the timeout only bounds how late a dead init is noticed.
                wait_readable(&f, Duration::from_millis(10));
            }
        }
    }
    let _ = std::fs::remove_file(&fifo);
    Ok(())
}

/// Block until `f` is readable (or hung up), at most `limit`.
fn wait_readable(f: &impl std::os::fd::AsRawFd, limit: Duration) {
    let mut pfd = libc::pollfd {
        fd: f.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(limit.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, for the duration of the call.
    unsafe { libc::poll(&mut pfd, 1, ms) };
}

/// Forget the container; `force` kills a live one first.
pub fn delete(root: &Path, id: &str, force: bool) -> Result<(), String> {
    let st = state::load(root, id).map_err(|e| e.to_string())?;
    if state::status(root, &st) != "stopped" {
        if !force {
            return Err("cannot delete a running container (use --force)".into());
        }
        let pid = nix::unistd::Pid::from_raw(st.pid);
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        // Wait (bounded) for it to go, so the caller can unmount behind us.
        for _ in 0..500 {
            if state::start_time(st.pid) != Some(st.pid_start) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    std::fs::remove_dir_all(state::dir(root, id)).map_err(|e| e.to_string())
}
