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
    // A second start waits for the first, then finds the container running. Unlocked it
    // saw "created" too and waited on the fifo for a byte the first had taken, until the
    // container exited.
    let _lock = state::lock(root, id).map_err(|e| format!("locking the container: {e}"))?;
    let fifo = state::fifo(root, id);
    // runc's answers.
    match state::status(root, &st) {
        "created" => {}
        "stopped" => return Err("cannot start a container that has stopped".into()),
        "running" => return Err("cannot start an already running container".into()),
        other => return Err(format!("cannot start a container in the {other} state")),
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
                    // Between our read and that check the init may have written its byte,
                    // run its command and been reaped: the byte then still waits in the
                    // fifo, and the start happened.
                    if matches!(f.read(&mut byte), Ok(1)) {
                        break;
                    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::mpsc;

    /// Two `start`s of one created container at once: one releases it, the other says
    /// it is running, as runc does (it used to wait until the container exited).
    #[test]
    fn a_second_concurrent_start_is_refused_as_runc_refuses_it() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        std::fs::create_dir(state::dir(root, "c1")).unwrap();
        // The container's process: alive until the end of the test.
        let mut init = std::process::Command::new("sleep")
            .arg("1000")
            .spawn()
            .unwrap();
        let pid = init.id() as i32;
        let st = state::State {
            id: "c1".into(),
            pid,
            pid_start: state::start_time(pid).unwrap(),
            bundle: "/b".into(),
            created: "now".into(),
            annotations: Default::default(),
        };
        state::save(root, &st).unwrap();
        let fifo = state::fifo(root, "c1");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();

        std::thread::scope(|s| {
            // The init's side of the fifo: one byte, then its end stays open until execve.
            let (written, wrote) = mpsc::channel();
            let (exec, execs) = mpsc::channel::<()>();
            let fifo_path = fifo.clone();
            s.spawn(move || {
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&fifo_path)
                    .unwrap();
                f.write_all(b"0").unwrap();
                written.send(()).unwrap();
                let _ = execs.recv();
            });
            let first = s.spawn(|| start(root, "c1"));
            // The first start holds the byte and waits for end-of-file: now the second.
            wrote.recv().unwrap();
            let second = s.spawn(|| start(root, "c1"));
            exec.send(()).unwrap();
            assert_eq!(first.join().unwrap(), Ok(()));
            assert_eq!(
                second.join().unwrap(),
                Err("cannot start an already running container".to_string())
            );
        });
        assert_eq!(
            start(root, "c1"),
            Err("cannot start an already running container".to_string())
        );
        init.kill().unwrap();
        init.wait().unwrap();
        assert_eq!(
            start(root, "c1"),
            Err("cannot start a container that has stopped".to_string())
        );
    }
}
