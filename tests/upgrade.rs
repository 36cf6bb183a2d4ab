//! A store written by the previous release (schema 1, built once by
//! scripts/build-prev-release.sh) is migrated by this cove on first use, and everything in
//! it keeps working: images, containers (started and removed), volumes, networks.

mod common;

use std::path::Path;
use std::process::Output;

use common::{describe, eventually, TestEnv};
use serde_json::Value;

const PREV_COVE: &str = "/var/lib/cove-test/prev/cove";

/// The previous release's cove, as the test user, asserting success.
fn prev_ok(env: &TestEnv, args: &[&str]) -> String {
    assert!(
        Path::new(PREV_COVE).exists(),
        "{PREV_COVE} is missing: run scripts/setup-test-env.sh (it builds the previous \
         release with scripts/build-prev-release.sh, which needs the git history)"
    );
    let out: Output = env.user_cmd(PREV_COVE, args).output().unwrap();
    assert!(
        out.status.success(),
        "previous `cove {}`: {}",
        args.join(" "),
        describe(&out)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_store_of_the_previous_release_is_migrated_and_keeps_working() {
    let env = TestEnv::new("upgrade");
    let image = common::image("busybox");
    prev_ok(&env, &["pull", "-q", &image]);
    prev_ok(&env, &["volume", "create", "olddata"]);
    prev_ok(&env, &["network", "create", "oldnet"]);
    prev_ok(
        &env,
        &[
            "create",
            "--name",
            "keep",
            "-v",
            "olddata:/data",
            "-e",
            "A=1",
            "--label",
            "l=v",
            "--stop-signal",
            "SIGINT",
            "--network",
            "oldnet",
            &image,
            "sh",
            "-c",
            "echo kept >/data/f; exit 3",
        ],
    );
    prev_ok(
        &env,
        &[
            "run",
            "--name",
            "ran",
            "-v",
            "olddata:/data",
            &image,
            "sh",
            "-c",
            "echo ran >/data/g",
        ],
    );
    let db = env.data.join("cove/cove.db");
    let backup = env.data.join("cove/cove.db.bak-v1");
    assert!(db.exists());

    // The first command of this cove migrates, and says so at --log-level info.
    let out = env.cove(&[
        "--log-level",
        "info",
        "ps",
        "-a",
        "--format",
        "{{.Names}} {{.Status}}",
    ]);
    assert!(out.status.success(), "{}", describe(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("from schema 1 to "),
        "no migration reported: {stderr}"
    );
    let ps = String::from_utf8_lossy(&out.stdout);
    assert!(ps.contains("keep Created"), "{ps}");
    assert!(ps.contains("ran Exited (0)"), "{ps}");
    assert!(
        !backup.exists(),
        "the pre-migration copy must go once migrated"
    );

    // Migrated once: the next command has nothing to do.
    let out = env.cove(&[
        "--log-level",
        "info",
        "images",
        "--format",
        "{{.Repository}}",
    ]);
    assert!(out.status.success(), "{}", describe(&out));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("migrated"));
    let repo = image.rsplit_once(':').map_or(image.as_str(), |(r, _)| r);
    assert!(String::from_utf8_lossy(&out.stdout).contains(repo));

    // What the old cove recorded about the container reads back the same.
    let inspect: Value = serde_json::from_str(&env.cove_ok(&["inspect", "keep"])).unwrap();
    let c = &inspect[0];
    let envs = c["Config"]["Env"].as_array().unwrap();
    assert!(envs.iter().any(|e| e == "A=1"), "{c}");
    assert_eq!(c["Config"]["Labels"]["l"], "v");
    assert_eq!(c["Config"]["StopSignal"], "SIGINT");
    let mounts = c["Mounts"].as_array().unwrap();
    assert!(
        mounts
            .iter()
            .any(|m| m["Type"] == "volume" && m["Destination"] == "/data"),
        "{c}"
    );

    // The old container starts (on its old network, with its old volume) and is removed.
    env.cove_ok(&["start", "keep"]);
    assert!(eventually(|| env
        .cove_ok(&[
            "ps",
            "-a",
            "--filter",
            "name=keep",
            "--format",
            "{{.Status}}"
        ])
        .starts_with("Exited (3)")));
    let data = env.cove_ok(&[
        "run",
        "--rm",
        "-v",
        "olddata:/data",
        &image,
        "cat",
        "/data/f",
        "/data/g",
    ]);
    assert_eq!(data, "kept\nran\n");
    env.cove_ok(&["rm", "keep", "ran"]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert!(env.cove_ok(&["volume", "ls", "-q"]).contains("olddata"));
    assert!(env.cove_ok(&["network", "ls"]).contains("oldnet"));
    env.cove_ok(&["network", "rm", "oldnet"]);
}
