//! The long tail of Podman 4.3 and Docker 28 flags (issue 16): image name history,
//! `--platform` on commands about a stored image, import's platform, registry
//! certificates and push forms, `stop --signal`, `logs --details`, image mounts. As the
//! test user against the local registry.

mod common;

use common::{busybox, env_value, eventually, exit_code, pulled, registry, TestEnv};

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// A failure is one `Error: ` line on stderr with exit code 125.
fn assert_one_error(env: &TestEnv, args: &[&str], wanted: &str) {
    let (rc, err) = env.cove_err(args);
    assert_eq!(rc, 125, "`cove {}`: {err}", args.join(" "));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "`cove {}`: {err}", args.join(" "));
    assert!(lines[0].starts_with("Error: "), "{err}");
    assert!(lines[0].contains(wanted), "`{}` lacks {wanted:?}", lines[0]);
}

fn unique_repo(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{}/pushed/{tag}-{}-{nanos}", registry(), std::process::id())
}

/// The platform the image's config names, as `os/arch`.
fn platform_of(env: &TestEnv, name: &str) -> String {
    env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{.Os}}/{{.Architecture}}",
        name,
    ])
    .trim()
    .to_string()
}

#[test]
fn images_history_shows_every_name_an_image_had() {
    let env = pulled("names-history");
    let bb = busybox();
    env.cove_ok(&["tag", &bb, "foo:1"]);
    env.cove_ok(&["untag", "foo:1", &bb]);
    env.cove_ok(&["tag", "foo:1", "bar:2"]);
    env.cove_ok(&["untag", "foo:1", "localhost/foo:1"]);

    let table = env.cove_ok(&["images", "--history"]);
    let mut lines = table.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap()
        .split("  ")
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        header.iter().map(|h| h.trim()).collect::<Vec<_>>(),
        [
            "REPOSITORY",
            "TAG",
            "IMAGE ID",
            "CREATED",
            "SIZE",
            "HISTORY"
        ]
    );
    let row = lines.next().unwrap();
    assert!(row.starts_with("localhost/bar "), "{table}");
    let wanted = format!("localhost/bar:2, localhost/foo:1, {bb}");
    assert!(row.trim_end().ends_with(&wanted), "{table}");

    let template = env.cove_ok(&["images", "--format", "{{.History}}"]);
    assert_eq!(template.trim(), wanted);
    let list = json(&env.cove_ok(&["images", "--format", "json"]));
    assert_eq!(
        list[0]["History"],
        serde_json::json!(["localhost/bar:2", "localhost/foo:1", bb])
    );
    let inspect = json(&env.cove_ok(&["image", "inspect", "bar:2"]));
    assert_eq!(inspect[0]["NamesHistory"], list[0]["History"]);
    // Without the flag the table keeps its usual columns.
    let plain = env.cove_ok(&["images"]);
    assert!(
        !plain.lines().next().unwrap().contains("HISTORY"),
        "{plain}"
    );
}

#[test]
fn platform_flags_work_on_an_image_of_that_platform_only() {
    let env = pulled("platform-flags");
    let bb = busybox();
    let own = platform_of(&env, &bb);
    let other = if own.ends_with("s390x") {
        "linux/ppc64le"
    } else {
        "linux/s390x"
    };
    let mismatch = format!("does not match the specified platform: wanted {other}");
    let archive = env.base.join("bb.tar");
    let archive = archive.to_str().unwrap();

    for args in [
        vec!["history", "--platform", other, bb.as_str()],
        vec!["image", "inspect", "--platform", other, bb.as_str()],
        vec!["save", "--platform", other, "-o", archive, bb.as_str()],
        vec!["rmi", "--platform", other, bb.as_str()],
    ] {
        assert_one_error(&env, &args, &mismatch);
    }
    assert_one_error(
        &env,
        &["history", "--platform", "linux", &bb],
        "invalid platform \"linux\"",
    );
    assert!(env
        .cove_ok(&["history", "--platform", &own, &bb])
        .starts_with("IMAGE"));
    let inspect = json(&env.cove_ok(&["image", "inspect", "--platform", &own, &bb]));
    assert_eq!(inspect[0]["Architecture"], own.split('/').nth(1).unwrap());
    env.cove_ok(&["save", "--platform", &own, "-o", archive, &bb]);

    // load --platform keeps the archive's images of that platform; none is an error.
    env.cove_ok(&["rmi", "--platform", &own, &bb]);
    assert_one_error(
        &env,
        &["load", "--platform", other, "-i", archive],
        &format!("archive contains no image for platform {other}"),
    );
    assert_eq!(exit_code(&env.cove(&["image", "exists", &bb])), 1);
    let loaded = env.cove_ok(&["load", "--platform", &own, "-i", archive]);
    assert_eq!(loaded.trim(), format!("Loaded image: {bb}"));
}

#[test]
fn import_records_the_platform_it_is_given() {
    let env = TestEnv::new("import-platform");
    let tar = env.base.join("root.tar");
    env.sh_ok(&format!(
        "mkdir -p {d}/root && echo hi > {d}/root/hello && tar -C {d}/root -cf {t} .",
        d = env.base.display(),
        t = tar.display()
    ));
    let tar = tar.to_str().unwrap();
    let field = |name: &str| {
        env.cove_ok(&[
            "image",
            "inspect",
            "--format",
            "{{.Os}}/{{.Architecture}}/{{.Variant}}",
            name,
        ])
        .trim()
        .to_string()
    };

    env.cove_ok(&[
        "import",
        "--arch",
        "arm64",
        "--variant",
        "v8",
        tar,
        "podmanform:1",
    ]);
    assert_eq!(field("podmanform:1"), "linux/arm64/v8");
    env.cove_ok(&["import", "--platform", "linux/arm/v7", tar, "dockerform:1"]);
    assert_eq!(field("dockerform:1"), "linux/arm/v7");
    // What was recorded is what --platform checks against.
    env.cove_ok(&[
        "image",
        "inspect",
        "--platform",
        "linux/arm/v7",
        "dockerform:1",
    ]);
    assert_one_error(
        &env,
        &[
            "image",
            "inspect",
            "--platform",
            "linux/arm64",
            "dockerform:1",
        ],
        "wanted linux/arm64, actual: linux/arm/v7",
    );
    assert_one_error(
        &env,
        &["import", "--platform", "arm64", tar],
        "invalid platform \"arm64\"",
    );
}

#[test]
fn push_platform_sends_one_image_of_a_local_manifest_list() {
    let env = TestEnv::new("push-platform");
    let src = format!("{}/cove-test/multiarch", registry());
    let amd = env_value("COVE_TEST_DIGEST_MULTIARCH_AMD64");
    let arm = env_value("COVE_TEST_DIGEST_MULTIARCH_ARM64");
    env.cove_ok(&[
        "pull",
        "-q",
        "--platform",
        "linux/arm64",
        &format!("{src}@{arm}"),
    ]);
    env.cove_ok(&["manifest", "create", "plist"]);
    env.cove_ok(&["manifest", "add", "plist", &format!("{src}@{amd}")]);
    env.cove_ok(&["manifest", "add", "plist", &format!("{src}@{arm}")]);

    let dest = format!("{}:1", unique_repo("platform"));
    env.cove_ok(&["push", "-q", "--platform", "linux/arm64", "plist", &dest]);
    // The destination holds the arm64 image itself, not a list.
    let other = TestEnv::new("push-platform-pull");
    let id = other.cove_ok(&["pull", "-q", "--platform", "linux/arm64", &dest]);
    assert_eq!(
        format!("sha256:{}", id.trim()),
        env_value("COVE_TEST_CONFIG_MULTIARCH_ARM64")
    );
    assert_one_error(
        &env,
        &["push", "--platform", "linux/s390x", "plist", &dest],
        "the manifest list has no image for platform linux/s390x in local storage",
    );
}

#[test]
fn push_takes_the_image_as_it_is_and_refuses_conversions() {
    let env = pulled("push-forms");
    let bb = busybox();
    let manifest_type = env
        .cove_ok(&["image", "inspect", "--format", "{{.ManifestType}}", &bb])
        .trim()
        .to_string();
    let (own, other) = if manifest_type.contains("oci") {
        ("oci", "v2s2")
    } else {
        ("v2s2", "oci")
    };
    let dest = format!("{}:1", unique_repo("forms"));
    env.cove_ok(&[
        "push",
        "-q",
        "--format",
        own,
        "--compression-format",
        "gzip",
        "--compress",
        "--remove-signatures",
        "--disable-content-trust",
        &bb,
        &dest,
    ]);
    assert_one_error(
        &env,
        &["push", "--format", other, &bb, &dest],
        &format!("--format {other}: not supported: cove pushes the image as stored ({own})"),
    );
    assert_one_error(
        &env,
        &["push", "--compression-format", "zstd", &bb, &dest],
        "--compression-format zstd: not supported: cove pushes the image as stored (gzip layers)",
    );
    assert_one_error(
        &env,
        &["push", "--compression-format", "lz4", &bb, &dest],
        "cannot find compressor for \"lz4\"",
    );
    assert_one_error(
        &env,
        &["push", "--format", "v3", &bb, &dest],
        "unknown format \"v3\"",
    );
}

#[test]
fn cert_dir_trusts_its_ca_files_and_refuses_client_certificates() {
    let env = TestEnv::new("cert-dir");
    let certs = env.base.join("certs");
    let d = certs.display();
    env.sh_ok(&format!(
        "mkdir -p {d} && openssl req -x509 -newkey rsa:2048 -nodes -keyout {d}/../ca.key \
         -out {d}/ca.crt -subj /CN=cove-test-ca -days 1 2>/dev/null"
    ));
    let dir = certs.to_str().unwrap();
    let bb = busybox();
    let id = env.cove_ok(&[
        "pull",
        "-q",
        "--cert-dir",
        dir,
        "--disable-content-trust",
        &bb,
    ]);
    assert_eq!(
        format!("sha256:{}", id.trim()),
        env_value("COVE_TEST_CONFIG_BUSYBOX")
    );
    let dest = format!("{}:1", unique_repo("certs"));
    env.cove_ok(&["push", "-q", "--cert-dir", dir, &bb, &dest]);
    // A directory that does not exist holds no certificates, as Podman reads it.
    env.cove_ok(&["pull", "-q", "--cert-dir", "/nonexistent", &bb]);

    let auth = env_value("COVE_TEST_AUTH_REGISTRY");
    let (user, pass) = (common::auth_user(), common::auth_pass());
    let authfile = env.base.join("auth.json");
    let out = env.cove_ok(&[
        "login",
        "--verbose",
        "--cert-dir",
        dir,
        "--authfile",
        authfile.to_str().unwrap(),
        "-u",
        &user,
        "-p",
        &pass,
        &auth,
    ]);
    assert_eq!(
        out,
        format!("Used:  {}\nLogin Succeeded!\n", authfile.display())
    );

    env.sh_ok(&format!("echo junk > {d}/broken.crt"));
    assert_one_error(
        &env,
        &["pull", "-q", "--cert-dir", dir, &bb],
        "broken.crt: not a PEM certificate",
    );
    env.sh_ok(&format!(
        "rm {d}/broken.crt && cp {d}/../ca.key {d}/client.key"
    ));
    for args in [
        vec!["pull", "-q", "--cert-dir", dir, bb.as_str()],
        vec!["push", "--cert-dir", dir, bb.as_str(), dest.as_str()],
        vec!["login", "--cert-dir", dir, "-u", &user, "-p", &pass, &auth],
    ] {
        assert_one_error(
            &env,
            &args,
            "client.key: client certificates are not supported",
        );
    }
}

#[test]
fn stop_and_restart_send_the_signal_given() {
    let env = pulled("stop-signal");
    let script = "trap 'echo got-usr1; exit 3' USR1; echo ready; \
                  while true; do sleep 0.2; done";
    env.cove_ok(&["run", "-d", "--name", "s", &busybox(), "sh", "-c", script]);
    assert!(eventually(|| env.cove_ok(&["logs", "s"]).contains("ready")));
    assert_one_error(
        &env,
        &["stop", "--signal", "NOPE", "s"],
        "invalid signal \"NOPE\"",
    );
    assert_eq!(
        env.cove_ok(&["stop", "--signal", "USR1", "-t", "30", "s"]),
        "s\n"
    );
    // The script's trap ended it, not the SIGKILL after the timeout.
    assert_eq!(
        env.cove_ok(&["inspect", "--format", "{{.State.ExitCode}}", "s"])
            .trim(),
        "3"
    );
    assert_eq!(env.cove_ok(&["logs", "s"]), "ready\ngot-usr1\n");

    env.cove_ok(&["start", "s"]);
    assert!(eventually(|| env
        .cove_ok(&["logs", "s"])
        .matches("ready")
        .count()
        == 2));
    assert_eq!(
        env.cove_ok(&["restart", "-s", "SIGUSR1", "-t", "30", "s"]),
        "s\n"
    );
    assert!(eventually(|| env
        .cove_ok(&["logs", "s"])
        .matches("ready")
        .count()
        == 3));
    assert_eq!(env.cove_ok(&["logs", "s"]).matches("got-usr1").count(), 2);
    env.cove_ok(&["rm", "-f", "s"]);
}

#[test]
fn logs_details_puts_a_space_before_each_line() {
    let env = pulled("logs-details");
    env.cove_ok(&[
        "run",
        "--name",
        "d",
        &busybox(),
        "sh",
        "-c",
        "echo one; echo two >&2",
    ]);
    let out = env.cove(&["logs", "--details", "d"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), " one\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), " two\n");
    let stamped = env.cove_ok(&["logs", "--details", "-t", "d"]);
    let (stamp, rest) = stamped.split_once(' ').unwrap();
    assert!(stamp.ends_with('Z'), "{stamped}");
    assert_eq!(rest, " one\n");
    assert_eq!(env.cove_ok(&["logs", "d"]), "one\n");
}

#[test]
fn image_mount_lists_mounts_all_and_unmounts_all() {
    let env = pulled("image-mount");
    let bb = busybox();
    let id = env
        .cove_ok(&["image", "inspect", "--format", "{{.Id}}", &bb])
        .trim()
        .trim_start_matches("sha256:")
        .to_string();
    assert_eq!(env.cove_ok(&["image", "mount"]), "");
    let path = env.cove_ok(&["image", "mount", &bb]);
    let path = path.trim();
    assert!(path.ends_with(&id), "{path}");
    env.cove_ok(&["unshare", "test", "-x", &format!("{path}/bin/busybox")]);
    assert_eq!(env.cove_ok(&["image", "mount"]), format!("{id}  {path}\n"));
    let list = json(&env.cove_ok(&["image", "mount", "--format", "json"]));
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["mountpoint"], path);
    assert_eq!(list[0]["Repositories"], serde_json::json!([bb]));
    assert_one_error(
        &env,
        &["image", "mount", "--all", &bb],
        "when using the --all switch, you may not pass any image names or IDs",
    );
    assert_eq!(
        env.cove_ok(&["image", "unmount", "--all"]),
        format!("{id}\n")
    );
    assert_eq!(env.cove_ok(&["image", "mount"]), "");
    assert_eq!(
        env.cove_ok(&["image", "mount", "--all"]),
        format!("{id}  {path}\n")
    );
    assert_eq!(
        env.cove_ok(&["image", "unmount", "--force", &bb]),
        format!("{id}\n")
    );
    assert_eq!(env.cove_ok(&["image", "mount"]), "");
}

#[test]
fn volume_prune_all_removes_unused_volumes_named_or_not() {
    let env = pulled("volume-prune-all");
    env.cove_ok(&["volume", "create", "named"]);
    env.cove_ok(&["volume", "create", "kept"]);
    env.cove_ok(&[
        "create",
        "--name",
        "user",
        "-v",
        "kept:/data",
        &busybox(),
        "true",
    ]);
    assert_eq!(env.cove_ok(&["volume", "prune", "--all", "-f"]), "named\n");
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), "kept\n");
}
