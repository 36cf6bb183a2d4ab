//! Malicious layers served by the real registry: nothing may ever be written outside the
//! layer directory, and a blob that does not match its digest is never stored.

mod common;

use common::{assert_canary_untouched, evil_canary, exit_code, image, TestEnv};

/// Pull an evil image. Extraction either refuses the layer (clear error, nothing stored)
/// or neutralises the trick (the file lands inside the layer). Returns whether it pulled.
fn pull_evil(env: &TestEnv, name: &str) -> bool {
    let out = env.cove(&["pull", "-q", &image(name)]);
    assert_canary_untouched();
    if out.status.success() {
        return true;
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(exit_code(&out), 125, "{name}: {err}");
    assert!(err.starts_with("Error:"), "{name}: {err}");
    assert_eq!(
        env.cove_ok(&["images", "-q"]),
        "",
        "{name}: refused image listed"
    );
    assert_eq!(env.layer_dirs().len(), 0, "{name}: refused layer stored");
    false
}

#[test]
fn absolute_names_are_clamped_inside_the_layer() {
    evil_canary();
    let env = TestEnv::new("evil-abs");
    // Absolute names are taken relative to the layer root, as Docker and Podman do: the
    // file exists in the image, and only there.
    assert!(
        pull_evil(&env, "evil-abs"),
        "evil-abs should pull with its path clamped"
    );
    // The image has no shell to look with: read the layer directory itself.
    let inspect: serde_json::Value =
        serde_json::from_str(&env.cove_ok(&["image", "inspect", &image("evil-abs")])).unwrap();
    let diff_id = inspect[0]["RootFS"]["Layers"][0]
        .as_str()
        .unwrap()
        .to_string();
    let layer = env
        .data
        .join("cove/layers")
        .join(diff_id.trim_start_matches("sha256:"));
    assert_eq!(std::fs::read_to_string(layer.join("ok")).unwrap(), "ok");
    assert_eq!(
        std::fs::read_to_string(layer.join("tmp/cove-evil/abs")).unwrap(),
        "pwned"
    );
    assert_canary_untouched();
}

#[test]
fn dotdot_symlink_and_hardlink_escapes_are_refused() {
    evil_canary();
    let env = TestEnv::new("evil-refused");
    for (name, why) in [
        ("evil-dotdot", "escapes the layer directory"),
        ("evil-symlink", "esc"),
        ("evil-symlink-rel", "esc"),
        ("evil-hardlink", "escapes the layer directory"),
        ("evil-hardlink-abs", "invalid hardlink"),
    ] {
        assert!(!pull_evil(&env, name), "{name} was accepted");
        let (_, err) = env.cove_err(&["pull", "-q", &image(name)]);
        assert!(err.contains(why), "{name}: {err}");
        assert!(
            err.lines().count() == 1,
            "{name}: one clear line expected: {err}"
        );
    }
    // The store stays usable after every refusal.
    env.cove_ok(&["pull", "-q", &image("one")]);
    assert_eq!(env.cove_ok(&["images", "-q"]).lines().count(), 1);
    assert_canary_untouched();
}

#[test]
fn a_blob_that_does_not_match_its_digest_is_rejected_and_not_stored() {
    let env = TestEnv::new("evil-digest");
    let (code, err) = env.cove_err(&["pull", &image("baddigest")]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("digest mismatch"), "{err}");
    assert!(
        err.contains(&common::env_value("COVE_TEST_BADDIGEST_LAYER")),
        "error should name the blob: {err}"
    );
    assert_eq!(env.cove_ok(&["images", "-q"]), "");
    assert_eq!(env.layer_dirs().len(), 0);
    // Neither the bad blob nor its bytes under any other name were kept.
    let blobs: Vec<String> = walk_files(&env.data.join("cove/blobs"));
    let bad = common::env_value("COVE_TEST_BADDIGEST_LAYER");
    let bad_hex = bad.trim_start_matches("sha256:");
    assert!(
        blobs.iter().all(|b| !b.ends_with(bad_hex)),
        "bad blob stored: {blobs:?}"
    );
    // Work directories are gone and the next good pull works.
    let tmp = std::fs::read_dir(env.data.join("cove/tmp"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(tmp, 0, "leftover work dirs");
    env.cove_ok(&["pull", "-q", &image("one")]);
    assert_eq!(env.cove_ok(&["images", "-q"]).lines().count(), 1);
}

fn walk_files(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk_files(&p));
            } else {
                out.push(p.to_string_lossy().into_owned());
            }
        }
    }
    out
}
