//! What the start path's shortcuts must not change (issue 18): a `--rm` container's
//! writable layer is mounted `volatile` and is gone after it ends, whoever cleans up (the
//! foreground `run`, the shim's exit command for `-d --rm`, or that command when `run` was
//! killed); a `--rm` container mounted and unmounted before it runs still starts; and the
//! store stays consistent when `run` is killed at any point.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{describe, eventually, TestEnv};

fn names(env: &TestEnv) -> Vec<String> {
    env.cove_ok(&["ps", "-a", "--format", "{{.Names}}"])
        .lines()
        .map(str::to_string)
        .collect()
}

/// The container dirs in the store and the runtime dir (what a leak would leave).
fn container_dirs(env: &TestEnv) -> Vec<String> {
    let mut v = Vec::new();
    for d in [
        env.data.join("cove/containers"),
        env.run.join("cove/containers"),
    ] {
        if let Ok(rd) = std::fs::read_dir(&d) {
            v.extend(rd.flatten().map(|e| e.path().display().to_string()));
        }
    }
    v
}

/// The root's mount options as the container sees them.
const ROOT_OPTS: &str = "awk '$5 == \"/\" { print $NF }' /proc/self/mountinfo";

/// Newer kernels show `volatile` as `fsync=volatile`.
fn volatile(opts: &str) -> bool {
    opts.trim()
        .split(',')
        .any(|o| o == "volatile" || o == "fsync=volatile")
}

#[test]
fn rm_container_runs_on_a_volatile_layer_that_goes_with_it() {
    let env = TestEnv::new("perf-rm-layer");
    let img = common::image("busybox");
    let out = env.cove(&["run", "--rm", &img, "sh", "-c", ROOT_OPTS]);
    assert!(out.status.success(), "{}", describe(&out));
    let opts = String::from_utf8_lossy(&out.stdout);
    assert!(volatile(&opts), "--rm root not volatile: {opts}");
    assert!(names(&env).is_empty());
    assert!(
        container_dirs(&env).is_empty(),
        "{:?}",
        container_dirs(&env)
    );

    // A container that is kept keeps a durable upper layer.
    let opts = env.cove_ok(&["run", "--name", "kept", &img, "sh", "-c", ROOT_OPTS]);
    assert!(opts.contains("upperdir="), "{opts}");
    assert!(!volatile(&opts), "kept container mounted volatile: {opts}");
}

#[test]
fn rm_run_returns_with_its_code_and_leaves_no_shim() {
    let env = TestEnv::new("perf-claim");
    let img = common::image("busybox");
    let (code, _) = env.cove_err(&["run", "--rm", &img, "sh", "-c", "echo out; exit 7"]);
    assert_eq!(code, 7);
    assert!(names(&env).is_empty());
    // The shim waited for `run` to let go of its claim, saw the container removed and
    // ended without a cleanup of its own.
    assert!(eventually(|| env.processes("cove-conmon").is_empty()));
    assert!(
        container_dirs(&env).is_empty(),
        "{:?}",
        container_dirs(&env)
    );
    // The events say it was removed once.
    let events = env.cove_ok(&["events", "--stream=false", "--format", "{{.Action}}"]);
    assert_eq!(
        events.lines().filter(|l| *l == "remove").count(),
        1,
        "{events}"
    );
}

#[test]
fn detached_rm_container_is_removed_by_its_exit_command() {
    let env = TestEnv::new("perf-detached");
    let img = common::image("busybox");
    env.cove_ok(&["run", "-d", "--rm", "--name", "gone", &img, "sleep", "1"]);
    assert!(eventually(|| names(&env).is_empty()), "{:?}", names(&env));
    assert!(eventually(|| container_dirs(&env).is_empty()));
}

#[test]
fn rm_container_is_removed_when_its_run_is_killed() {
    let env = TestEnv::new("perf-killed");
    let img = common::image("busybox");
    let mut run = env
        .cove_cmd(&["run", "--rm", "--name", "orphan", &img, "sleep", "2"])
        .spawn()
        .unwrap();
    assert!(eventually(|| env
        .cove_ok(&["ps", "--format", "{{.Names}}"])
        .contains("orphan")));
    common::kill_user_program(&mut run);
    // `run` held the claim and is gone: the shim's exit command removes the container.
    assert!(eventually(|| names(&env).is_empty()), "{:?}", names(&env));
    assert!(eventually(|| container_dirs(&env).is_empty()));
}

#[test]
fn rm_container_mounted_before_it_runs_still_starts() {
    let env = TestEnv::new("perf-remount");
    let img = common::image("busybox");
    env.cove_ok(&[
        "create", "--rm", "--name", "twice", &img, "sh", "-c", ROOT_OPTS,
    ]);
    let path = env.cove_ok(&["container", "mount", "twice"]);
    assert!(!path.trim().is_empty());
    env.cove_ok(&["container", "unmount", "twice"]);
    // A second volatile mount of the same upper dir: overlay's marker from the first
    // must not make it fail.
    let out = env.cove_ok(&["start", "-a", "twice"]);
    assert!(volatile(&out), "{out}");
    assert!(eventually(|| names(&env).is_empty()), "{:?}", names(&env));
}

#[test]
fn store_stays_consistent_when_run_is_killed_midway() {
    let env = TestEnv::new("perf-crash");
    let img = common::image("busybox");
    env.cove_ok(&["pull", "-q", &img]);
    for i in 0..6u64 {
        let name = format!("k{i}");
        let mut run = env
            .cove_cmd(&["run", "--rm", "--name", &name, &img, "true"])
            .spawn()
            .unwrap();
        // Killed at a different point of its way each time (before, during, after start).
        std::thread::sleep(Duration::from_millis(15 * i));
        common::kill_user_program(&mut run);
    }
    // Whatever was left is visible and removable, and the store checks out.
    for name in names(&env) {
        let out = env.cove(&["rm", "-f", "--ignore", &name]);
        assert!(out.status.success(), "rm {name}: {}", describe(&out));
    }
    assert!(eventually(|| names(&env).is_empty()), "{:?}", names(&env));
    // No cove process writes while the files are copied.
    assert!(eventually(|| env.processes("cove-conmon").is_empty()));
    assert_eq!(integrity(&env.data.join("cove")), "ok");
    assert_eq!(
        env.cove_ok(&["run", "--rm", &img, "echo", "fine"]).trim(),
        "fine"
    );
}

/// SQLite's own check, on a copy (root must not create files in the user's store).
fn integrity(store: &Path) -> String {
    let dir = std::env::temp_dir().join(format!("cove-perf-db-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["cove.db", "cove.db-wal"] {
        if store.join(f).exists() {
            std::fs::copy(store.join(f), dir.join(f)).unwrap();
        }
    }
    let conn = rusqlite::Connection::open(dir.join("cove.db")).unwrap();
    let r: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    let _ = std::fs::remove_dir_all(&dir);
    r
}
