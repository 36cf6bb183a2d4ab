//! Push to and authenticate against the real local registries, as the test user.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{auth_pass, auth_registry, auth_user, env_value, image, registry, TestEnv};

/// A repository name no other test (or earlier run) pushed to.
fn fresh_repo(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{}/pushed/{tag}-{}-{nanos}", registry(), std::process::id())
}

#[test]
fn push_then_rmi_then_pull_gives_the_same_digest() {
    let env = TestEnv::new("push-roundtrip");
    env.cove_ok(&["pull", "-q", &image("multi")]);
    let target = format!("{}:v1", fresh_repo("multi"));
    env.cove_ok(&["tag", &image("multi"), &target]);
    let digest_file = env.home.join("digest");
    let out = env.cove_ok(&[
        "push",
        "--digestfile",
        digest_file.to_str().unwrap(),
        &target,
    ]);
    // Every blob is already in the registry under cove-test/multi: none is uploaded again.
    assert!(
        !out.contains("Copying blob") || out.contains("skipped"),
        "{out}"
    );
    let pushed = std::fs::read_to_string(&digest_file).unwrap();
    // Same manifest bytes as the source: the digest is unchanged.
    assert_eq!(pushed.trim(), env_value("COVE_TEST_DIGEST_MULTI"));

    env.cove_ok(&["rmi", "-f", &image("multi"), &target]);
    assert_eq!(env.cove_ok(&["images", "-q"]), "");
    env.cove_ok(&["pull", "-q", &target]);
    let digest = env.cove_ok(&["image", "inspect", "--format", "{{.Digest}}", &target]);
    assert_eq!(digest.trim(), pushed.trim());
    assert_eq!(
        env.cove_ok(&["run", "--rm", &target, "cat", "/data/b"]),
        "b2"
    );
}

#[test]
fn a_new_image_is_uploaded_and_pulls_back_identically() {
    let env = TestEnv::new("push-new");
    // A layer the registry has never seen: a container's change, committed.
    env.cove_ok(&["pull", "-q", &image("one")]);
    let stamp = format!("{:?}", std::time::SystemTime::now());
    env.cove_ok(&[
        "run",
        "--name",
        "maker",
        &image("one"),
        "sh",
        "-c",
        &format!("echo '{stamp}' > /stamp"),
    ]);
    let target = fresh_repo("committed");
    let id = env.cove_ok(&["commit", "-q", "maker", &target]);
    env.cove_ok(&["push", &target]);
    env.cove_ok(&["rm", "maker"]);
    env.cove_ok(&["rmi", "-f", &target, &image("one")]);
    assert_eq!(env.cove_ok(&["images", "-q"]), "");

    let other = TestEnv::new("push-new-puller");
    let pulled = other.cove_ok(&["pull", "-q", &target]);
    assert_eq!(pulled.trim(), id.trim().trim_start_matches("sha256:"));
    assert_eq!(
        other.cove_ok(&["run", "--rm", &target, "cat", "/stamp"]),
        format!("{stamp}\n")
    );
    // Pushing to a repository that does not accept the name fails clearly.
    let (code, err) = other.cove_err(&["push", "not a/valid ref"]);
    assert_eq!(code, 125, "{err}");
}

#[test]
fn login_logout_and_the_credential_sources() {
    let env = TestEnv::new("login");
    let img = format!("{}/cove-test/one:latest", auth_registry());
    let (code, err) = env.cove_err(&["pull", &img]);
    assert_eq!(code, 125, "{err}");
    assert!(
        err.to_lowercase().contains("not authorized") || err.contains("401"),
        "{err}"
    );

    let (code, err) = env.cove_err(&["login", "-u", &auth_user(), "-p", "wrong", &auth_registry()]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("invalid username/password"), "{err}");
    let auth_file = env.run.join("containers/auth.json");
    assert!(!auth_file.exists(), "a failed login wrote credentials");

    let mut login = env.cove_cmd(&[
        "login",
        "-u",
        &auth_user(),
        "--password-stdin",
        &auth_registry(),
    ]);
    login
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    let mut child = login.spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{}", auth_pass()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Login Succeeded!\n");
    // Podman's place and mode for the credentials, and the shape other tools read.
    let meta = std::fs::metadata(&auth_file).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&auth_file).unwrap()).unwrap();
    assert!(json["auths"][auth_registry()]["auth"].is_string(), "{json}");

    env.cove_ok(&["pull", "-q", &img]);
    env.cove_ok(&["logout", &auth_registry()]);
    env.cove_ok(&["rmi", &img]);
    let (code, _) = env.cove_err(&["pull", &img]);
    assert_eq!(code, 125, "logout kept the credentials");
    let (code, err) = env.cove_err(&["logout", &auth_registry()]);
    assert_eq!(code, 125, "{err}");

    // --creds for one command.
    let creds = format!("{}:{}", auth_user(), auth_pass());
    env.cove_ok(&["pull", "-q", "--creds", &creds, &img]);
    env.cove_ok(&["rmi", &img]);

    // Docker's ~/.docker/config.json is read too.
    use base64::Engine;
    let token = base64::engine::general_purpose::STANDARD.encode(&creds);
    let docker_dir = env.home.join(".docker");
    env.sh_ok(&format!("mkdir -p {}", docker_dir.display()));
    env.write_user_file(
        &docker_dir.join("config.json"),
        &format!(
            "{{\"auths\":{{\"{}\":{{\"auth\":\"{token}\"}}}}}}",
            auth_registry()
        ),
    );
    env.cove_ok(&["pull", "-q", &img]);
}
