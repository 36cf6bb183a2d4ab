//! `system reset`: back to a user who never ran cove. Every container is killed and
//! removed, every network torn down, then the data and runtime directories go, and last
//! the pause process, so the next command creates a fresh namespace.
//!
//! Runs inside the per-user namespace: the files below the data dir belong to subordinate
//! ids, which only uid 0 in there may remove.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Result, SystemError};
use crate::container::Engine;
use crate::image::store::remove_path;
use crate::rootless::pause;

/// Remove everything. Failures to remove one container or network do not stop the reset
/// (their files go with the directories anyway); they are returned for the user to see.
/// Failing to remove a directory is an error.
pub fn reset(engine: &Engine) -> Result<Vec<SystemError>> {
    let mut problems = Vec::new();
    let pause_pid = pause::read_pid_file(&engine.paths.runtime.join("pause.pid"));

    let mut shims = Vec::new();
    for mut c in engine.list()? {
        shims.extend(pause::read_pid_file(
            &engine.state_dir(&c.id).join("conmon.pid"),
        ));
        if let Err(e) = engine.remove(&mut c, true, true) {
            problems.push(e.into());
        }
    }
    // A shim runs `cove container cleanup` after its container died; let those finish
    // before the directories go, or one could recreate a store below a half-removed one.
    wait_gone(&shims, Duration::from_secs(10));

    for net in engine.networks().list()? {
        if let Err(e) = engine.delete_network(&net) {
            problems.push(e.into());
        }
    }
    {
        let shared = engine.shared_netns();
        let _lock = shared.lock();
        shared.teardown();
    }

    for dir in [&engine.paths.data, &engine.paths.runtime] {
        unmount_below(dir);
        remove_path(dir).map_err(|source| SystemError::Io {
            context: format!("removing {}", dir.display()),
            source,
        })?;
    }

    // Last: once it is gone, the next command creates a new namespace.
    if let Some(pid) = pause_pid.filter(|p| is_pause(*p)) {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
    Ok(problems)
}

fn is_pause(pid: i32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim_end() == pause::PAUSE_NAME)
}

fn wait_gone(pids: &[i32], limit: Duration) {
    let start = Instant::now();
    while pids
        .iter()
        .any(|p| Path::new(&format!("/proc/{p}")).exists())
        && start.elapsed() < limit
    {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Detach every mount at or below `dir` (image mounts, network namespace files, a
/// container mount a failed removal left), deepest first.
fn unmount_below(dir: &Path) {
    let Ok(dir) = dir.canonicalize() else {
        return;
    };
    let info = fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let mut points: Vec<PathBuf> = info
        .lines()
        .filter_map(|l| l.split(' ').nth(4))
        .map(|p| PathBuf::from(unescape(p)))
        .filter(|p| p.starts_with(&dir))
        .collect();
    points.sort_by_key(|p| std::cmp::Reverse(p.as_os_str().len()));
    for p in points {
        let _ = nix::mount::umount2(&p, nix::mount::MntFlags::MNT_DETACH);
    }
}

/// mountinfo writes space, tab, newline and backslash as `\ooo`.
fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let octal = b.get(i + 1..i + 4).and_then(|d| {
            std::str::from_utf8(d)
                .ok()
                .and_then(|d| u8::from_str_radix(d, 8).ok())
        });
        match (b[i], octal) {
            (b'\\', Some(c)) => {
                out.push(c);
                i += 4;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mountinfo_escapes_are_decoded() {
        assert_eq!(unescape(r"/a\040b\134c"), r"/a b\c");
        assert_eq!(unescape("/plain"), "/plain");
        assert_eq!(unescape(r"/odd\0"), r"/odd\0");
    }
}
