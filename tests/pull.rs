//! Pulling from the real local registry as the unprivileged test user: formats, platforms,
//! references, failures, and an interrupted pull.

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::{exit_code, image, registry, TestEnv};

#[test]
fn pull_one_layer_image_prints_its_id_and_lists_it() {
    let env = TestEnv::new("pull-one");
    let out = env.cove_ok(&["pull", &image("one")]);
    let id = common::env_value("COVE_TEST_CONFIG_ONE");
    assert_eq!(out.trim(), id.trim_start_matches("sha256:"));
    let images = env.cove_ok(&["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"]);
    assert_eq!(
        images,
        format!(
            "{}/cove-test/one:latest {}\n",
            registry(),
            &id.trim_start_matches("sha256:")[..12]
        )
    );
    // A second pull is a no-op that still succeeds and names the same image.
    let again = env.cove_ok(&["pull", "-q", &image("one")]);
    assert_eq!(again, out);
    assert_eq!(env.layer_dirs().len(), 1);
}

#[test]
fn multi_layer_image_has_whiteouts_and_opaque_dirs_applied() {
    let env = TestEnv::new("pull-multi");
    env.cove_ok(&["pull", "-q", &image("multi")]);
    assert_eq!(env.layer_dirs().len(), 3);
    let out = env.cove_ok(&[
        "run", "--rm", &image("multi"), "sh", "-c",
        "cd /data && ls -a . dir && echo && cat b && echo && cat dir/y && echo && ls -ln owned && ls -i keep hl",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    let dot: Vec<&str> = lines
        .iter()
        .skip_while(|l| **l != ".:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .flat_map(|l| l.split_whitespace())
        .collect();
    assert_eq!(
        dot,
        vec![".", "..", "b", "dir", "hl", "keep", "owned", "sl"],
        "{out}"
    );
    let dir: Vec<&str> = lines
        .iter()
        .skip_while(|l| **l != "dir:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .flat_map(|l| l.split_whitespace())
        .collect();
    assert_eq!(
        dir,
        vec![".", "..", "y"],
        "opaque dir kept lower entries: {out}"
    );
    assert!(out.contains("\nb2\ny\n"), "{out}");
    let owned = lines.iter().find(|l| l.ends_with(" owned")).unwrap();
    assert!(
        owned.starts_with("-rw-------") && owned.contains(" 1000 "),
        "{owned}"
    );
    // keep and hl are one inode
    let inodes: Vec<&str> = lines
        .iter()
        .filter(|l| l.ends_with(" keep") || l.ends_with(" hl"))
        .flat_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(inodes.len(), 2, "{out}");
    assert_eq!(inodes[0], inodes[1], "hardlink lost: {out}");
}

#[test]
fn zstd_layers_pull() {
    let env = TestEnv::new("pull-zstd");
    env.cove_ok(&["pull", "-q", &image("zstd")]);
    let out = env.cove_ok(&["run", "--rm", &image("zstd"), "cat", "/zstd-marker"]);
    assert_eq!(out, "zstd");
}

#[test]
fn multiarch_index_picks_the_platform() {
    let env = TestEnv::new("pull-arch");
    let amd = env.cove_ok(&["pull", "-q", &image("multiarch")]);
    assert_eq!(
        amd.trim(),
        common::env_value("COVE_TEST_CONFIG_MULTIARCH_AMD64").trim_start_matches("sha256:")
    );
    let arm = env.cove_ok(&["pull", "-q", "--arch", "arm64", &image("multiarch")]);
    assert_eq!(
        arm.trim(),
        common::env_value("COVE_TEST_CONFIG_MULTIARCH_ARM64").trim_start_matches("sha256:")
    );
    let inspect = env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{.Architecture}}",
        arm.trim(),
    ]);
    assert_eq!(inspect.trim(), "arm64");
    let (code, err) = env.cove_err(&["pull", "--arch", "s390x", &image("multiarch")]);
    assert_eq!(code, 125);
    assert!(err.contains("s390x") && err.contains("amd64"), "{err}");
}

#[test]
fn references_by_digest_and_short_name() {
    let env = TestEnv::new("pull-refs");
    let digest = common::env_value("COVE_TEST_DIGEST_ONE");
    let by_digest = format!("{}/cove-test/one@{digest}", registry());
    let id = env.cove_ok(&["pull", "-q", &by_digest]);
    assert_eq!(
        id.trim(),
        common::env_value("COVE_TEST_CONFIG_ONE").trim_start_matches("sha256:")
    );
    let digests = env.cove_ok(&["images", "--digests", "--format", "{{.Digest}}"]);
    assert!(digests.contains(&digest), "{digests}");
    // Short names go through registries.conf's unqualified-search-registries.
    let short = env.cove_ok(&["pull", "-q", "cove-test/zstd"]);
    assert_eq!(
        short.trim(),
        common::env_value("COVE_TEST_CONFIG_ZSTD").trim_start_matches("sha256:")
    );
}

#[test]
fn bad_references_and_missing_images_fail_clearly() {
    let env = TestEnv::new("pull-bad");
    for bad in ["library/UPPER", "a@sha256:zz", "::", "name:tag:extra"] {
        let (code, err) = env.cove_err(&["pull", bad]);
        assert_eq!(code, 125, "{bad}: {err}");
        assert!(
            err.starts_with("Error:") && err.lines().count() <= 2,
            "{bad}: {err}"
        );
    }
    let missing = format!("{}/cove-test/does-not-exist:latest", registry());
    let (code, err) = env.cove_err(&["pull", &missing]);
    assert_eq!(code, 125);
    assert!(
        err.to_lowercase().contains("not found") || err.contains("unknown"),
        "{err}"
    );
    let (code, err) = env.cove_err(&["pull", "--no-such-flag", &image("one")]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(env.cove_ok(&["images", "-q"]), "");
}

#[test]
fn an_interrupted_pull_leaves_nothing_half_done() {
    let env = TestEnv::new("pull-kill");
    // Kill at several moments; whatever was committed must be complete.
    for delay in [20u64, 60, 150, 400] {
        let mut child = env
            .cove_cmd(&["pull", "-q", &image("multi")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        common::kill_user_program(&mut child);
        // Either the whole image is there or none of it is listed.
        let listed = env.cove_ok(&["images", "-q"]);
        assert!(listed.is_empty() || listed.lines().count() == 1, "{listed}");
        // No layer directory may be missing its content: every committed one is whole.
        for l in env.layer_dirs() {
            let entries = std::fs::read_dir(env.data.join("cove/layers").join(&l))
                .unwrap()
                .count();
            assert!(entries > 0, "empty layer dir {l}");
        }
    }
    // The next pull succeeds and the image works.
    env.cove_ok(&["pull", "-q", &image("multi")]);
    let out = env.cove_ok(&["run", "--rm", &image("multi"), "cat", "/data/b"]);
    assert_eq!(out, "b2");
    // Work dirs of the killed pulls are gone once a command has run.
    let tmp: Vec<_> = std::fs::read_dir(env.data.join("cove/tmp"))
        .unwrap()
        .collect();
    assert!(tmp.is_empty(), "leftover tmp dirs: {tmp:?}");
    assert_eq!(
        exit_code(&env.cove(&["image", "exists", &image("multi")])),
        0
    );
}

/// `run --pull=POLICY`: when `run` pulls, and what it does when it cannot.
#[test]
fn run_pulls_as_its_policy_says() {
    let env = TestEnv::new("pull-policy");
    let img = image("busybox");
    let run = |policy: &str, image: &str| {
        env.cove(&["run", "--rm", &format!("--pull={policy}"), image, "true"])
    };
    let stderr = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).into_owned();

    let out = run("never", &img);
    assert_eq!(exit_code(&out), 125);
    assert!(
        stderr(&out).contains(&format!("{img}: image not known, and --pull=never")),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.cove_ok(&["images", "-q"]), "");

    // missing: pulled the first time only.
    let out = run("missing", &img);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(stderr(&out).contains(&format!("Trying to pull {img}...")));
    let out = run("missing", &img);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(!stderr(&out).contains("Trying to pull"), "{}", stderr(&out));
    let out = run("always", &img);
    assert!(stderr(&out).contains("Trying to pull"), "{}", stderr(&out));

    // A local image whose registry cannot be reached (nothing listens on port 1): newer
    // falls back to it, always fails.
    let unreachable = "127.0.0.1:1/cove-test/gone:latest";
    env.cove_ok(&["tag", &img, unreachable]);
    let out = run("newer", unreachable);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(stderr(&out).contains("Trying to pull"), "{}", stderr(&out));
    let out = run("always", unreachable);
    assert_eq!(exit_code(&out), 125, "{}", common::describe(&out));

    let out = run("sometimes", &img);
    assert_eq!(exit_code(&out), 125);
    assert!(
        stderr(&out)
            .contains("invalid --pull policy \"sometimes\": use missing, always, never or newer"),
        "{}",
        stderr(&out)
    );
}
