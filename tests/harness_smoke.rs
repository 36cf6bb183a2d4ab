//! The test harness itself works: user, registries, images, TestEnv lifecycle.
//! Deliberately does not run cove.

mod common;

use std::os::unix::fs::MetadataExt;
use std::process::Command;

use sha2::{Digest, Sha256};

#[test]
fn test_user_exists_and_is_unprivileged() {
    let (uid, _) = common::test_user_ids();
    assert_ne!(uid, 0);
    let out = Command::new("runuser")
        .args(["-u", &common::test_user(), "--", "id", "-u"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::describe(&out));
    let printed: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert_ne!(printed, 0);
    assert_eq!(printed, uid);
    // rootless entry needs a subordinate range
    let subuid = std::fs::read_to_string("/etc/subuid").unwrap();
    assert!(subuid
        .lines()
        .any(|l| l.starts_with(&format!("{}:", common::test_user()))));
}

#[test]
fn registry_answers_and_lists_test_images() {
    let (status, _, _) = common::http_get(&common::registry(), "/v2/", None);
    assert_eq!(status, 200);
    let (status, _, body) = common::http_get(&common::registry(), "/v2/_catalog", None);
    assert_eq!(status, 200);
    let catalog = String::from_utf8_lossy(&body);
    for repo in [
        "cove-test/one",
        "cove-test/multi",
        "cove-test/multiarch",
        "cove-test/zstd",
    ] {
        assert!(
            catalog.contains(&format!("\"{repo}\"")),
            "{repo} missing from {catalog}"
        );
    }
}

#[test]
fn auth_registry_requires_credentials() {
    let reg = common::auth_registry();
    let (status, head, _) = common::http_get(&reg, "/v2/", None);
    assert_eq!(status, 401);
    assert!(
        head.to_ascii_lowercase()
            .contains("www-authenticate: basic"),
        "{head}"
    );
    let (user, pass) = (common::auth_user(), common::auth_pass());
    let (status, _, _) = common::http_get(&reg, "/v2/", Some((&user, &pass)));
    assert_eq!(status, 200);
    let (status, _, _) = common::http_get(&reg, "/v2/", Some((&user, "wrong")));
    assert_eq!(status, 401);
}

#[test]
fn baddigest_blob_really_mismatches() {
    let layer = common::env_value("COVE_TEST_BADDIGEST_LAYER");
    let path = format!("/v2/cove-test/baddigest/blobs/{layer}");
    let (status, _, body) = common::http_get(&common::registry(), &path, None);
    assert_eq!(status, 200);
    let got = format!("sha256:{}", hex::encode(Sha256::digest(&body)));
    assert_ne!(got, layer);
}

#[test]
fn manifest_digest_matches_env() {
    let digest = common::env_value("COVE_TEST_DIGEST_ONE");
    let (status, _, body) = common::http_get(
        &common::registry(),
        &format!("/v2/cove-test/one/manifests/{digest}"),
        None,
    );
    assert_eq!(status, 200);
    assert_eq!(
        format!("sha256:{}", hex::encode(Sha256::digest(&body))),
        digest
    );
}

#[test]
fn test_env_dirs_belong_to_test_user_and_are_removed() {
    let (uid, _) = common::test_user_ids();
    let base;
    {
        let env = common::TestEnv::new("smoke");
        base = env.base.clone();
        for d in [&env.home, &env.data, &env.config, &env.run] {
            let md = std::fs::metadata(d).unwrap();
            assert_eq!(md.uid(), uid, "{}", d.display());
            assert_eq!(md.mode() & 0o777, 0o700, "{}", d.display());
        }
        let conf = std::fs::read_to_string(env.registries_conf()).unwrap();
        assert!(conf.contains(&common::registry()) && conf.contains(&common::auth_registry()));
        // The environment the user command sees is exactly the clean one.
        let out = env.sh_ok("id -u; echo $XDG_RUNTIME_DIR; cat \"$XDG_CONFIG_HOME/containers/registries.conf\" >/dev/null; env | wc -l");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], uid.to_string());
        assert_eq!(lines[1], env.run.display().to_string());
        // files the user leaves behind are cleaned up
        env.sh_ok("mkdir -p $XDG_DATA_HOME/cove/x && echo hi > $XDG_DATA_HOME/cove/x/f && chmod 000 $XDG_DATA_HOME/cove/x");
    }
    assert!(!base.exists(), "{} not removed", base.display());
}

#[test]
fn drop_kills_leftover_user_processes() {
    let env = common::TestEnv::new("smoke-kill");
    let mut child = env
        .user_cmd("/bin/sleep", &["300"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    drop(env);
    let status = child.wait().unwrap();
    assert!(!status.success(), "sleep should have been killed");
}

#[test]
fn evil_canary_helpers() {
    common::evil_canary();
    common::assert_canary_untouched();
}
