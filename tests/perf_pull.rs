//! Pulls that run at once or die half-way: concurrent pulls of one image fetch each
//! layer once (the others wait for its claim), a killed pull (or a killed holder of a
//! claim) leaves nothing that blocks or breaks the next one, and a layer whose bytes do
//! not match its digest is refused by every concurrent puller, leaving nothing behind.

mod common;

use std::process::{Child, Command, Stdio};

use common::{env_value, eventually, image, kill_user_program, TestEnv};

/// The multi image's layers: (compressed digest, diff_id), in manifest order.
fn multi_layers() -> Vec<(String, String)> {
    let blobs = env_value("COVE_TEST_LAYERS_MULTI");
    let diffs = env_value("COVE_TEST_DIFFIDS_MULTI");
    blobs
        .split(',')
        .zip(diffs.split(','))
        .map(|(b, d)| (b.to_string(), d.to_string()))
        .collect()
}

fn hex(digest: &str) -> &str {
    digest.trim_start_matches("sha256:")
}

fn spawn_piped(mut cmd: Command) -> Child {
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn runuser")
}

/// Files under `dir` (not recursive), sorted.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// What a container of the multi image shows: layer 3's file over layer 2's, and the
/// mode and owner layer 2 gave its files.
const MULTI_VIEW: &str = "cat /data/b; echo; stat -c '%a %u' /data/keep /data/owned";
const MULTI_EXPECTED: &str = "b2\n640 0\n600 1000\n";

#[test]
fn concurrent_pulls_of_one_image_fetch_each_layer_once() {
    let env = TestEnv::new("perfpull-concurrent");
    let img = image("multi");
    let pulls: Vec<Child> = (0..5)
        .map(|_| spawn_piped(env.cove_cmd(&["pull", &img])))
        .collect();
    let mut progress = String::new();
    for p in pulls {
        let out = p.wait_with_output().expect("wait for cove pull");
        assert!(out.status.success(), "{}", common::describe(&out));
        progress.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    // Each layer was fetched and extracted by one pull; the others found it committed
    // (after waiting for the claim, or because they started later).
    for (blob, _) in multi_layers() {
        let short = &hex(&blob)[..12];
        let fetched = progress
            .lines()
            .filter(|l| l.starts_with("Copying blob") && l.contains(short) && l.ends_with(" done"))
            .count();
        assert_eq!(
            fetched, 1,
            "layer {short} fetched {fetched} times:\n{progress}"
        );
    }
    assert_eq!(env.cove_ok(&["images", "-q"]).lines().count(), 1);
    let mut want: Vec<String> = multi_layers()
        .iter()
        .map(|(_, d)| hex(d).to_string())
        .collect();
    want.sort();
    assert_eq!(env.layer_dirs(), want, "each layer once in the store");
    assert_eq!(names_in(&env.data.join("cove/tmp")), Vec::<String>::new());
    let view = env.cove_ok(&["run", "--rm", &img, "sh", "-c", MULTI_VIEW]);
    assert_eq!(view, MULTI_EXPECTED);
}

#[test]
fn a_pull_killed_half_way_and_a_killed_claim_holder_block_nothing() {
    let env = TestEnv::new("perfpull-killed");
    let img = image("multi");
    let layers = multi_layers();
    env.cove_ok(&["images"]); // creates the store and its locks dir
    let lock = env
        .data
        .join("cove/locks")
        .join(hex(&layers[1].1))
        .display()
        .to_string();
    // Another "puller" holds the middle layer's claim: a process we kill later, as a
    // pull can be killed while it fetches. One process (the shell becomes sleep), so
    // killing it leaves no child holding the lock.
    let mut holder = env
        .user_cmd(
            "/bin/sh",
            &["-c", "exec 9>\"$0\" && flock 9 && exec sleep 1000", &lock],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn flock");
    assert!(
        eventually(|| !env
            .user_cmd("flock", &["-n", &lock, "true"])
            .status()
            .expect("flock -n")
            .success()),
        "the claim was never taken"
    );

    // This pull commits the other two layers and then waits for the claim: half-way.
    let mut pull = spawn_piped(env.cove_cmd(&["pull", "-q", &img]));
    let others: Vec<String> = [&layers[0], &layers[2]]
        .iter()
        .map(|(_, d)| hex(d).to_string())
        .collect();
    assert!(
        eventually(|| others.iter().all(|l| env.layer_dirs().contains(l))),
        "the pull never got half-way; layers: {:?}",
        env.layer_dirs()
    );
    assert!(
        pull.try_wait().expect("try_wait").is_none(),
        "the pull did not wait for the claim"
    );
    kill_user_program(&mut pull);
    assert_eq!(
        env.cove_ok(&["images", "-q"]),
        "",
        "a killed pull made an image"
    );

    // The holder dies without releasing anything: the kernel drops its claim.
    kill_user_program(&mut holder);
    env.cove_ok(&["pull", "-q", &img]);
    assert_eq!(env.cove_ok(&["images", "-q"]).lines().count(), 1);
    assert_eq!(env.layer_dirs().len(), 3);
    assert_eq!(names_in(&env.data.join("cove/tmp")), Vec::<String>::new());
    let view = env.cove_ok(&["run", "--rm", &img, "sh", "-c", MULTI_VIEW]);
    assert_eq!(view, MULTI_EXPECTED);
}

#[test]
fn a_layer_not_matching_its_digest_fails_every_concurrent_pull_and_leaves_nothing() {
    let env = TestEnv::new("perfpull-baddigest");
    let bad = env_value("COVE_TEST_BADDIGEST_LAYER");
    let pulls: Vec<Child> = (0..3)
        .map(|_| spawn_piped(env.cove_cmd(&["pull", "-q", &image("baddigest")])))
        .collect();
    for p in pulls {
        let out = p.wait_with_output().expect("wait for cove pull");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(common::exit_code(&out), 125, "{err}");
        // A waiter that found no layer after the claim fetched it itself, and failed too.
        assert!(
            err.contains("digest mismatch") && err.contains(&bad),
            "{err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "one clear line: {err}");
    }
    assert_eq!(env.cove_ok(&["images", "-q"]), "");
    assert_eq!(env.layer_dirs(), Vec::<String>::new());
    assert!(
        !names_in(&env.data.join("cove/blobs/sha256")).contains(&hex(&bad).to_string()),
        "the bad blob was kept"
    );
    assert_eq!(names_in(&env.data.join("cove/tmp")), Vec::<String>::new());
    // Nothing stays claimed or half-made: a good image pulls and runs.
    env.cove_ok(&["pull", "-q", &image("multi")]);
    let view = env.cove_ok(&["run", "--rm", &image("multi"), "sh", "-c", MULTI_VIEW]);
    assert_eq!(view, MULTI_EXPECTED);
}
