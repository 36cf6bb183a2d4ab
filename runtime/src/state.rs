//! What the runtime remembers per container under `--root`: `<root>/<id>/state.json` and
//! the exec fifo that holds a created container until `start`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use nix::fcntl::{Flock, FlockArg};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    pub id: String,
    pub pid: i32,
    /// Start time of `pid` (field 22 of /proc/PID/stat): a recycled pid is not ours.
    pub pid_start: u64,
    pub bundle: PathBuf,
    pub created: String,
    #[serde(default)]
    pub annotations: std::collections::BTreeMap<String, String>,
}

pub fn dir(root: &Path, id: &str) -> PathBuf {
    root.join(id)
}

pub fn fifo(root: &Path, id: &str) -> PathBuf {
    dir(root, id).join("exec.fifo")
}

pub fn load(root: &Path, id: &str) -> io::Result<State> {
    let text = fs::read_to_string(dir(root, id).join("state.json")).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("container \"{id}\" does not exist"),
            )
        } else {
            e
        }
    })?;
    serde_json::from_str(&text).map_err(io::Error::other)
}

/// Write atomically: a reader never sees half a file.
pub fn save(root: &Path, s: &State) -> io::Result<()> {
    let d = dir(root, &s.id);
    let tmp = d.join("state.json.tmp");
    fs::write(&tmp, serde_json::to_vec(s).map_err(io::Error::other)?)?;
    fs::rename(tmp, d.join("state.json"))
}

/// An exclusive lock on the container's state, held by `start` from its status check to
/// the fifo's removal.
pub fn lock(root: &Path, id: &str) -> io::Result<Flock<fs::File>> {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir(root, id).join("lock"))?;
    Flock::lock(file, FlockArg::LockExclusive).map_err(|(_, e)| io::Error::from(e))
}

pub fn start_time(pid: i32) -> Option<u64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    if f.first() == Some(&"Z") {
        return None;
    }
    f.get(19)?.parse().ok()
}

/// OCI status: created (waiting on the fifo), running, or stopped.
pub fn status(root: &Path, s: &State) -> &'static str {
    if start_time(s.pid) != Some(s.pid_start) {
        "stopped"
    } else if fifo(root, &s.id).exists() {
        "created"
    } else {
        "running"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_load_and_status() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join("c1")).unwrap();
        let me = std::process::id() as i32;
        let s = State {
            id: "c1".into(),
            pid: me,
            pid_start: start_time(me).unwrap(),
            bundle: "/b".into(),
            created: "now".into(),
            annotations: Default::default(),
        };
        save(root.path(), &s).unwrap();
        let back = load(root.path(), "c1").unwrap();
        assert_eq!(back.pid, me);
        assert_eq!(status(root.path(), &back), "running");
        fs::write(fifo(root.path(), "c1"), "").unwrap();
        assert_eq!(status(root.path(), &back), "created");
        let gone = State {
            pid_start: 1,
            ..back
        };
        assert_eq!(status(root.path(), &gone), "stopped");
        let err = load(root.path(), "nope").unwrap_err();
        assert!(err.to_string().contains("does not exist"));
    }
}
