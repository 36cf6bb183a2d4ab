//! `STATE/exit`: the container's exit status, written atomically so that a reader (the CLI,
//! `cove container cleanup`) never sees a half-written file.

use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::json;

/// Exit code as shells report it: normal exit status, or 128+signal for a signal death.
pub fn exit_code(exited: Option<i32>, signal: Option<i32>) -> i32 {
    match (exited, signal) {
        (Some(code), _) => code,
        (None, Some(sig)) => 128 + sig,
        (None, None) => -1,
    }
}

pub fn render(code: i32, finished_at: &str, oom_killed: bool) -> String {
    format!(
        "{{\"exit_code\": {code}, \"finished_at\": {}, \"oom_killed\": {oom_killed}}}\n",
        json::string(finished_at)
    )
}

/// Writes `dir/exit` via a temporary file and rename.
pub fn write(dir: &Path, code: i32, finished_at: &str) -> io::Result<()> {
    let tmp = dir.join(".exit.tmp");
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    f.write_all(render(code, finished_at, false).as_bytes())?;
    // The exit file is the only durable record of how the container ended; make it survive
    // a crash between rename and writeback.
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, dir.join("exit"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(exit_code(Some(3), None), 3);
        assert_eq!(exit_code(None, Some(9)), 137);
        assert_eq!(exit_code(None, None), -1);
    }

    #[test]
    fn writes_atomically() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), 3, "2026-11-22T10:00:00.000000000Z").unwrap();
        let s = std::fs::read_to_string(dir.path().join("exit")).unwrap();
        assert_eq!(
            s,
            "{\"exit_code\": 3, \"finished_at\": \"2026-11-22T10:00:00.000000000Z\", \"oom_killed\": false}\n"
        );
        assert!(!dir.path().join(".exit.tmp").exists());
    }
}
