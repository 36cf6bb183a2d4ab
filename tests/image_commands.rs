//! Podman's image-driven commands as the test user: `container runlabel` (a label's
//! command shown or run), the trust policy (`image trust`) that pulls, loads and
//! imports obey, and `auto-update` of containers whose image tag moved in the registry.

mod common;

use common::{busybox, exit_code, TestEnv};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `cove build -t TAG` of busybox with `labels` (a Dockerfile LABEL line's arguments).
fn build_labelled(env: &TestEnv, tag: &str, labels: &str) {
    let file = env.base.join("Containerfile");
    env.write_user_file(&file, &format!("FROM {}\nLABEL {labels}\n", busybox()));
    env.cove_ok(&[
        "build",
        "-q",
        "-t",
        tag,
        "-f",
        file.to_str().unwrap(),
        env.base.to_str().unwrap(),
    ]);
}

#[test]
fn runlabel_shows_and_runs_the_label_command() {
    let env = TestEnv::new("runlabel");
    build_labelled(
        &env,
        "lbl",
        r#"run="podman run --rm --name NAME \$IMAGE echo hi \${NAME} \$OPT1" install="echo installing IMAGE NAME" bad="/no/such/prog x""#,
    );
    let cove = common::cove_bin().display().to_string();

    let shown = env.cove_ok(&["container", "runlabel", "--display", "run", "lbl", "a"]);
    assert_eq!(
        shown,
        format!("command: {cove} run --rm --name lbl localhost/lbl:latest echo hi lbl a\n")
    );
    let shown = env.cove_ok(&[
        "container",
        "runlabel",
        "--display",
        "--name",
        "other",
        "install",
        "lbl",
    ]);
    assert_eq!(
        shown,
        "command: echo installing localhost/lbl:latest other\n"
    );

    // The container the label runs is cove's: it prints and is gone (--rm).
    let out = env.cove_env(
        &[("OPT1", "opt")],
        &["container", "runlabel", "run", "lbl", "x"],
    );
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "hi lbl opt x\n");
    assert_eq!(env.cove_ok(&["ps", "-aq"]), "");

    let (code, err) = env.cove_err(&["container", "runlabel", "nolabel", "lbl"]);
    assert_eq!(
        (code, err.as_str()),
        (
            125,
            "Error: cannot find the value of label: nolabel in image: lbl\n"
        )
    );
    let (code, err) = env.cove_err(&["container", "runlabel", "bad", "lbl"]);
    assert_eq!(
        (code, err.as_str()),
        (
            125,
            "Error: stat /no/such/prog: no such file or directory\n"
        )
    );

    // --replace removes the container of that name first; without it the name is taken.
    build_labelled(
        &env,
        "keep",
        r#"run="podman run -d --name NAME IMAGE sleep 600""#,
    );
    env.cove_ok(&["container", "runlabel", "run", "keep"]);
    let (code, err) = env.cove_err(&["container", "runlabel", "run", "keep"]);
    assert_eq!(code, 125);
    assert!(err.contains("failed: exit status 125"), "{err}");
    let before = env.cove_ok(&["inspect", "--format", "{{.Id}}", "keep"]);
    env.cove_ok(&["container", "runlabel", "--replace", "run", "keep"]);
    let after = env.cove_ok(&["inspect", "--format", "{{.Id}}", "keep"]);
    assert_ne!(before, after);
    env.cove_ok(&["rm", "-f", "-t0", "keep"]);
}

#[test]
fn runlabel_pulls_a_missing_image() {
    let env = TestEnv::new("runlabel-pull");
    let out = env.cove(&[
        "container",
        "runlabel",
        "-q",
        "--display",
        "run",
        &busybox(),
    ]);
    assert_eq!(exit_code(&out), 125);
    assert_eq!(
        stderr(&out),
        format!(
            "Error: cannot find the value of label: run in image: {}\n",
            busybox()
        )
    );
    assert!(env.cove_ok(&["images", "-q"]).trim().len() == 12);
}

/// `load` and `import` obey the policy as Podman's do: a rejecting default refuses a
/// docker-archive, an oci-archive and a filesystem tarball, each named as containers/image
/// names it; the scopes of their own transports let them in.
#[test]
fn trust_policy_is_obeyed_by_load_and_import() {
    let env = common::pulled("trust-local");
    let bb = busybox();
    let path = |name: &str| env.home.join(name).display().to_string();
    let (docker, oci, rootfs) = (path("bb.tar"), path("bb-oci.tar"), path("rootfs.tar"));
    env.cove_ok(&["save", "-o", &docker, &bb]);
    env.cove_ok(&["save", "--format", "oci-archive", "-o", &oci, &bb]);
    env.cove_ok(&["create", "--name", "src", &bb, "true"]);
    env.cove_ok(&["export", "-o", &rootfs, "src"]);
    env.cove_ok(&["rm", "src"]);
    env.cove_ok(&["rmi", &bb]);

    env.cove_ok(&["image", "trust", "set", "--type", "reject", "default"]);
    let refused = |args: &[&str], image: String| {
        let (code, err) = env.cove_err(args);
        assert_eq!(
            (code, err),
            (
                125,
                format!(
                    "Error: Source image rejected: Running image {image} is rejected by policy.\n"
                )
            ),
            "{args:?}"
        );
    };
    refused(
        &["load", "-i", &docker],
        format!("docker-archive:{docker}:{bb}"),
    );
    refused(&["load", "-q", "-i", &oci], format!("oci-archive:{oci}:"));
    refused(
        &["import", &rootfs, "imported"],
        format!("tarball:{rootfs}"),
    );
    assert_eq!(env.cove_ok(&["images", "-q"]), "", "nothing was stored");

    let home = env.home.display().to_string();
    let policy = serde_json::json!({
        "default": [{"type": "reject"}],
        "transports": {
            "docker-archive": {"": [{"type": "insecureAcceptAnything"}]},
            "oci-archive": {home: [{"type": "insecureAcceptAnything"}]},
            "tarball": {"": [{"type": "insecureAcceptAnything"}]},
        },
    });
    env.write_user_file(
        &env.config.join("containers/policy.json"),
        &policy.to_string(),
    );
    assert_eq!(
        env.cove_ok(&["load", "-i", &docker]),
        format!("Loaded image: {bb}\n")
    );
    env.cove_ok(&["rmi", &bb]);
    assert_eq!(
        env.cove_ok(&["load", "-i", &oci]),
        format!("Loaded image: {bb}\n")
    );
    assert!(env
        .cove_ok(&["import", &rootfs, "imported"])
        .starts_with("sha256:"));
}

#[test]
fn trust_policy_is_shown_set_and_obeyed_by_pulls() {
    let env = TestEnv::new("trust");
    let reg = common::registry();
    // No policy of the user's: the system's (Podman's package installs an accept-all).
    let shown = env.cove_ok(&["image", "trust", "show"]);
    assert_eq!(
        shown,
        "TRANSPORT   NAME        TYPE        ID          STORE\n\
         all         default     accept                  \n"
    );

    env.cove_ok(&["image", "trust", "set", "-t", "reject", &reg]);
    env.cove_ok(&[
        "image",
        "trust",
        "set",
        "--type",
        "accept",
        &format!("{reg}/cove-test/busybox"),
    ]);
    let key = env.base.join("key.gpg");
    env.write_user_file(&key, "not really a key\n");
    env.cove_ok(&[
        "image",
        "trust",
        "set",
        "-f",
        key.to_str().unwrap(),
        &format!("{reg}/cove-test/one"),
    ]);
    let policy: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(env.config.join("containers/policy.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(policy["transports"]["docker"][&reg][0]["type"], "reject");
    assert_eq!(
        policy["transports"]["docker"][format!("{reg}/cove-test/one")][0]["keyPath"],
        key.to_str().unwrap()
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.cove_ok(&["image", "trust", "show", "--json"])).unwrap();
    let kinds: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["repo_name"].as_str().unwrap(),
                r["type"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("default", "accept"),
            (reg.as_str(), "reject"),
            (format!("{reg}/cove-test/busybox").as_str(), "accept"),
            (format!("{reg}/cove-test/one").as_str(), "signed"),
        ]
    );

    // The most specific scope decides: the accepted repository pulls, the rest of the
    // registry is rejected, the signed one is refused for want of verification.
    env.cove_ok(&["pull", "-q", &busybox()]);
    let web = common::image("web");
    let (code, err) = env.cove_err(&["pull", "-q", &web]);
    assert_eq!(code, 125);
    assert_eq!(
        err,
        format!(
            "Error: Source image rejected: Running image docker://{web} is rejected by policy.\n"
        )
    );
    let (code, err) = env.cove_err(&["run", "--rm", &common::image("one"), "true"]);
    assert_eq!(code, 125);
    assert_eq!(
        err.lines().last().unwrap(),
        format!(
            "Error: Source image rejected: the trust policy requires signed images (signedBy) for \
             {reg}/cove-test/one, and cove does not support signature verification"
        )
    );

    let (code, err) = env.cove_err(&["image", "trust", "set", "-t", "signedBy", "x.io"]);
    assert_eq!(
        (code, err.as_str()),
        (
            125,
            "Error: at least one public key must be defined for type 'signedBy'\n"
        )
    );
    let (code, err) = env.cove_err(&["image", "trust", "set", "-t", "maybe", "x.io"]);
    assert_eq!(code, 125);
    assert!(err.starts_with("Error: invalid choice: maybe"), "{err}");
    let (code, err) = env.cove_err(&["image", "sign", "--sign-by", "me", &busybox()]);
    assert_eq!((code, err.lines().count()), (125, 1), "{err}");
    // push's signing flags: accepted, refused in the same words before anything is sent.
    let img = busybox();
    for (cmd, flag, value) in [
        ("push", "--sign-by", "me"),
        ("push", "--sign-by-sigstore-private-key", "/k.pem"),
        ("image push", "--sign-passphrase-file", "/pass"),
    ] {
        let mut args: Vec<&str> = cmd.split(' ').collect();
        args.extend([flag, value, img.as_str()]);
        let (code, err) = env.cove_err(&args);
        assert_eq!(
            err,
            format!("Error: {flag}: not supported: cove has no GPG or sigstore signing\n")
        );
        assert_eq!(code, 125);
    }
}

/// busybox pushed to a repository of its own, and only pulled by name from there on.
fn pushed_busybox(env: &TestEnv, name: &str) -> String {
    let repo = own_repository(env, name);
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&["tag", &busybox(), &repo]);
    env.cove_ok(&["push", "-q", &repo]);
    env.cove_ok(&["rmi", &repo]);
    repo
}

/// A repository of its own in the test registry, so tests running at once never meet.
fn own_repository(env: &TestEnv, name: &str) -> String {
    let unique = env
        .base
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_lowercase();
    let tail: String = unique
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("{}/cove-test/{name}-{tail}:latest", common::registry())
}

#[test]
fn auto_update_finds_and_applies_a_moved_tag() {
    let env = TestEnv::new("auto-update");
    let repo = pushed_busybox(&env, "au");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "au",
        "--label",
        "io.containers.autoupdate=registry",
        &repo,
        "sleep",
        "600",
    ]);
    env.cove_ok(&["tag", &busybox(), "localhost/auloc:latest"]);
    env.cove_ok(&[
        "create",
        "--name",
        "auloc",
        "--label",
        "io.containers.autoupdate=local",
        "localhost/auloc:latest",
        "true",
    ]);
    env.cove_ok(&["run", "-d", "--name", "plain", &busybox(), "sleep", "600"]);
    let id = |name: &str| env.cove_ok(&["inspect", "--format", "{{.Id}}", name])[..12].to_string();
    let (au, auloc) = (id("au"), id("auloc"));

    let table = |out: String| -> Vec<String> {
        out.lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    assert_eq!(
        table(env.cove_ok(&["auto-update", "--dry-run"])),
        vec![
            "UNIT CONTAINER IMAGE POLICY UPDATED".to_string(),
            format!("{au} (au) {repo} registry false"),
            format!("{auloc} (auloc) localhost/auloc:latest local false"),
        ]
    );

    // A new image under both names: the registry's tag and the local one move.
    build_labelled(&env, &repo, "version=2");
    env.cove_ok(&["push", "-q", &repo]);
    env.cove_ok(&["tag", &repo, "localhost/auloc:latest"]);
    let new_id = env.cove_ok(&["inspect", "--format", "{{.Id}}", &repo]);
    env.cove_ok(&["rmi", &repo]);
    assert_eq!(
        table(env.cove_ok(&[
            "auto-update",
            "--dry-run",
            "--format",
            "{{.ContainerName}} {{.Updated}}"
        ])),
        vec!["au pending", "auloc pending"]
    );

    let out = env.cove(&["auto-update"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        table(stdout(&out))[1..],
        [
            format!("{au} (au) {repo} registry true"),
            format!("{auloc} (auloc) localhost/auloc:latest local true")
        ]
    );
    assert!(
        stderr(&out).contains("container au has no systemd unit"),
        "{}",
        stderr(&out)
    );
    // The running one runs again, on the new image; the created one stays created.
    let new_id = new_id.trim().trim_start_matches("sha256:");
    let state =
        |name: &str| env.cove_ok(&["inspect", "--format", "{{.State.Status}} {{.Image}}", name]);
    let (au_state, auloc_state) = (state("au"), state("auloc"));
    assert!(
        au_state.starts_with("running ") && au_state.contains(new_id),
        "{au_state}"
    );
    assert!(
        auloc_state.starts_with("created ") && auloc_state.contains(new_id),
        "{auloc_state}"
    );
    assert_eq!(
        table(env.cove_ok(&[
            "auto-update",
            "--dry-run",
            "--format",
            "{{.ContainerName}} {{.Updated}}"
        ])),
        vec!["au false", "auloc false"]
    );
    env.cove_ok(&["rm", "-f", "-t0", "au", "plain"]);
}

#[test]
fn auto_update_keeps_a_container_whose_new_digest_is_the_same_image() {
    let env = TestEnv::new("auto-update-same");
    let repo = pushed_busybox(&env, "ausame");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "same",
        "--label",
        "io.containers.autoupdate=registry",
        &repo,
        "sleep",
        "600",
    ]);
    let id = env.cove_ok(&["inspect", "--format", "{{.Id}}", "same"]);
    // The tag moves to a manifest list whose instance is the very image the container
    // runs: a new digest, the same image.
    env.cove_ok(&["manifest", "create", "localhost/samelist"]);
    env.cove_ok(&[
        "manifest",
        "add",
        "localhost/samelist",
        &format!("docker://{repo}"),
    ]);
    env.cove_ok(&[
        "manifest",
        "push",
        "-q",
        "localhost/samelist",
        &format!("docker://{repo}"),
    ]);
    let updated = |args: &[&str]| -> String {
        let mut all = vec!["auto-update", "--format", "{{.ContainerName}} {{.Updated}}"];
        all.extend_from_slice(args);
        env.cove_ok(&all)
    };
    assert_eq!(updated(&["--dry-run"]), "same pending\n");
    assert_eq!(updated(&[]), "same false\n");
    assert_eq!(
        env.cove_ok(&["inspect", "--format", "{{.Id}} {{.State.Status}}", "same"]),
        format!("{} running\n", id.trim())
    );
    env.cove_ok(&["rm", "-f", "-t0", "same"]);
}

#[test]
fn init_containers_run_before_the_pod_and_once_ones_go() {
    let env = common::pulled("init-ctr");
    let (code, err) = env.cove_err(&["create", "--init-ctr", "always", &busybox(), "true"]);
    assert_eq!(
        (code, err.as_str()),
        (125, "Error: must specify pod value with init-ctr\n")
    );
    env.cove_ok(&["pod", "create", "--name", "p1"]);
    let (code, err) = env.cove_err(&[
        "create",
        "--init-ctr",
        "sometimes",
        "--pod",
        "p1",
        &busybox(),
        "true",
    ]);
    assert_eq!(
        (code, err.as_str()),
        (125, "Error: init-ctr value must be 'always' or 'once'\n")
    );

    // Each init container appends to a file in a volume the main container reads: it
    // starts only after both ran.
    let v = "initvol:/data";
    env.cove_ok(&[
        "create",
        "--name",
        "i1",
        "--init-ctr",
        "once",
        "--pod",
        "p1",
        "-v",
        v,
        &busybox(),
        "sh",
        "-c",
        "echo once >> /data/log",
    ]);
    env.cove_ok(&[
        "create",
        "--name",
        "i2",
        "--init-ctr",
        "always",
        "--pod",
        "p1",
        "-v",
        v,
        &busybox(),
        "sh",
        "-c",
        "echo always >> /data/log",
    ]);
    env.cove_ok(&[
        "create",
        "--name",
        "m1",
        "--pod",
        "p1",
        "-v",
        v,
        &busybox(),
        "sh",
        "-c",
        "cat /data/log; sleep 600",
    ]);
    env.cove_ok(&["pod", "start", "p1"]);
    assert!(common::eventually(
        || env.cove_ok(&["logs", "m1"]) == "once\nalways\n"
    ));
    assert_eq!(
        env.cove(&["container", "exists", "i1"]).status.code(),
        Some(1)
    );
    assert_eq!(
        env.cove_ok(&["inspect", "--format", "{{.State.Status}}", "i2"]),
        "exited\n"
    );
    assert_eq!(
        env.cove_ok(&["pod", "ps", "--format", "{{.Status}}"]),
        "Running\n"
    );

    env.cove_ok(&["pod", "stop", "-t", "0", "p1"]);
    env.cove_ok(&["pod", "start", "p1"]);
    assert!(common::eventually(|| env.cove_ok(&[
        "exec",
        "m1",
        "cat",
        "/data/log"
    ]) == "once\nalways\nalways\n"));
    env.cove_ok(&["pod", "rm", "-f", "p1"]);
}

#[test]
fn unshare_rootless_netns_is_the_networks_namespace() {
    let env = common::pulled("unshare-netns");
    env.cove_ok(&["network", "create", "n1"]);
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "c1",
        "--network",
        "n1",
        &busybox(),
        "sleep",
        "600",
    ]);
    // The bridge of n1 lives in the per-user network namespace, not in cove's own.
    let links = env.cove_ok(&["unshare", "--rootless-netns", "ip", "-o", "link"]);
    assert!(links.contains("tap0"), "{links}");
    let plain = env.cove_ok(&["unshare", "ip", "-o", "link"]);
    assert!(!plain.contains("tap0"), "{plain}");
    env.cove_ok(&["rm", "-f", "-t0", "c1"]);
}
