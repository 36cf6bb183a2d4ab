//! Podman 4.3's container commands that cove gained late: `init` (the Initialized state
//! through start, stop, rm, kill, ps, inspect and the API), `-l/--latest`, top-level
//! `mount`/`unmount`, `wait --condition`, `port --all`, `update` and the user's
//! `container cleanup`; each with what a user sees, and a bad input refused.

mod common;

use common::{busybox, pulled, TestEnv};

fn status(env: &TestEnv, name: &str) -> String {
    env.cove_ok(&["inspect", "--format", "{{.State.Status}}", name])
        .trim()
        .to_string()
}

#[test]
fn init_creates_without_starting_and_every_verb_knows_the_state() {
    let env = pulled("c2-init");
    let image = busybox();
    env.cove_ok(&[
        "create",
        "--name",
        "i1",
        &image,
        "sh",
        "-c",
        "echo hello; sleep 300",
    ]);
    assert_eq!(env.cove_ok(&["init", "i1"]), "i1\n");
    assert_eq!(status(&env, "i1"), "initialized");
    let pid = env.cove_ok(&[
        "container",
        "inspect",
        "--format",
        "{{.State.Pid}} {{.State.Running}}",
        "i1",
    ]);
    let (pid, running) = pid.trim().split_once(' ').unwrap();
    assert!(
        pid.parse::<i32>().unwrap() > 0,
        "an initialized container has its process: {pid}"
    );
    assert_eq!(running, "false");
    // ps: only with -a, as "Initialized"; nothing ran, so no output yet.
    assert!(!env
        .cove_ok(&["ps", "--format", "{{.Names}}"])
        .contains("i1"));
    let ps = env.cove_ok(&[
        "ps",
        "-a",
        "--filter",
        "status=initialized",
        "--format",
        "{{.Names}} {{.Status}}",
    ]);
    assert_eq!(ps, "i1 Initialized\n");
    assert_eq!(env.cove_ok(&["logs", "i1"]), "");

    // A second init, and kill, are refused as Podman refuses them.
    let (code, err) = env.cove_err(&["init", "i1"]);
    assert_eq!(code, 125, "{err}");
    assert!(
        err.contains("has already been created in runtime: container state improper"),
        "{err}"
    );
    let (code, err) = env.cove_err(&["kill", "i1"]);
    assert_eq!(code, 125, "{err}");
    assert!(
        err.starts_with("Error: can only kill running containers. ")
            && err.ends_with(" is in state initialized: container state improper\n"),
        "{err}"
    );

    // start runs the process that was waiting.
    assert_eq!(env.cove_ok(&["start", "i1"]), "i1\n");
    assert_eq!(status(&env, "i1"), "running");
    assert!(common::eventually(
        || env.cove_ok(&["logs", "i1"]) == "hello\n"
    ));
    let (code, err) = env.cove_err(&["init", "i1"]);
    assert_eq!(
        code, 125,
        "a running container cannot be initialized: {err}"
    );

    // stop ends an initialized container; it can be initialized again, and removed.
    env.cove_ok(&["create", "--name", "i2", &image, "sleep", "300"]);
    env.cove_ok(&["container", "init", "i2"]);
    assert_eq!(env.cove_ok(&["stop", "i2"]), "i2\n");
    assert_eq!(status(&env, "i2"), "exited");
    env.cove_ok(&["init", "i2"]);
    assert_eq!(env.cove_ok(&["rm", "i2"]), "i2\n");
    let (code, err) = env.cove_err(&["init", "i2"]);
    assert_eq!(code, 125, "{err}");
    assert!(
        err.contains("no container with name or ID \"i2\" found"),
        "{err}"
    );
    env.cove_ok(&["rm", "-f", "i1"]);
}

#[test]
fn init_all_and_latest() {
    let env = pulled("c2-init-all");
    let image = busybox();
    let a = env.cove_ok(&["create", "--name", "a", &image, "sleep", "300"]);
    let b = env.cove_ok(&["create", "--name", "b", &image, "sleep", "300"]);
    // --latest: the container created last.
    assert_eq!(env.cove_ok(&["init", "-l"]), b);
    assert_eq!(status(&env, "b"), "initialized");
    assert_eq!(status(&env, "a"), "created");
    // --all: every container, an initialized one no error.
    let out = env.cove_ok(&["init", "--all"]);
    assert!(out.contains(a.trim()) && out.contains(b.trim()), "{out}");
    assert_eq!(status(&env, "a"), "initialized");
    let (code, err) = env.cove_err(&["init", "--all", "a"]);
    assert_eq!(
        (code, err.as_str()),
        (125, "Error: no arguments are needed with --all\n")
    );
    let (_, err) = env.cove_err(&["init"]);
    assert_eq!(err, "Error: you must provide at least one name or id\n");
    env.cove_ok(&["rm", "-f", "a", "b"]);
}

#[test]
fn latest_selects_the_newest_container_everywhere() {
    let env = pulled("c2-latest");
    let image = busybox();
    let (code, err) = env.cove_err(&["container", "inspect", "-l"]);
    assert_eq!((code, err.as_str()), (125, "Error: no such container\n"));
    env.cove_ok(&["run", "-d", "--name", "old", &image, "sleep", "300"]);
    let id = env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "new",
        "-p",
        "8080",
        &image,
        "sh",
        "-c",
        "echo out; sleep 300",
    ]);
    let id = id.trim();
    assert_eq!(
        env.cove_ok(&["container", "inspect", "-l", "--format", "{{.Name}}"]),
        "new\n"
    );
    assert!(common::eventually(
        || env.cove_ok(&["logs", "-l"]) == "out\n"
    ));
    assert_eq!(env.cove_ok(&["exec", "-l", "echo", "in"]), "in\n");
    assert!(env.cove_ok(&["top", "-l"]).contains("sleep"));
    assert!(env
        .cove_ok(&["port", "-l"])
        .starts_with("8080/tcp -> 0.0.0.0:"));
    assert!(env.cove_ok(&["port", "-l", "8080"]).starts_with("0.0.0.0:"));
    let (code, err) = env.cove_err(&["logs", "-l", "old"]);
    assert_eq!(
        (code, err.as_str()),
        (
            125,
            "Error: --latest and arguments cannot be used together\n"
        )
    );
    assert_eq!(env.cove_ok(&["stop", "-l", "-t", "0"]), "new\n");
    assert_eq!(env.cove_ok(&["wait", "-l"]), "137\n");
    assert_eq!(env.cove_ok(&["start", "-l"]), "new\n");
    assert_eq!(env.cove_ok(&["kill", "-l"]), "new\n");
    assert_eq!(env.cove_ok(&["rm", "-l"]), "new\n");
    assert!(env
        .cove_ok(&["ps", "-a", "--format", "{{.ID}}"])
        .lines()
        .all(|l| !id.starts_with(l)));
    // The newest is now "old".
    assert_eq!(
        env.cove_ok(&["container", "inspect", "--latest", "--format", "{{.Name}}"]),
        "old\n"
    );
    env.cove_ok(&["rm", "-f", "old"]);
}

#[test]
fn top_level_mount_and_unmount() {
    let env = pulled("c2-mount");
    let image = busybox();
    let id = env.cove_ok(&["create", "--name", "m", &image, "true"]);
    let id = id.trim();
    let path = env.cove_ok(&["mount", "m"]);
    let path = path.trim();
    assert!(path.ends_with("/merged"), "{path}");
    // Without containers: the mounted ones, short IDs (full with --no-trunc), or JSON.
    assert_eq!(env.cove_ok(&["mount"]), format!("{}  {path}\n", &id[..12]));
    assert_eq!(
        env.cove_ok(&["mount", "--no-trunc"]),
        format!("{id}  {path}\n")
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.cove_ok(&["mount", "--format", "json"])).unwrap();
    assert_eq!(json[0]["id"], id);
    assert_eq!(json[0]["mountpoint"], path);
    let (code, err) = env.cove_err(&["mount", "--format", "yaml"]);
    assert_eq!(
        (code, err.as_str()),
        (125, "Error: unknown --format argument: yaml\n")
    );
    assert_eq!(env.cove_ok(&["unmount", "--all"]), format!("{id}\n"));
    assert_eq!(env.cove_ok(&["mount"]), "");
    assert_eq!(env.cove_ok(&["mount", "-l"]), format!("{path}\n"));
    assert_eq!(env.cove_ok(&["umount", "-f", "-l"]), format!("{id}\n"));
    let (code, err) = env.cove_err(&["unmount"]);
    assert_eq!(
        (code, err.as_str()),
        (125, "Error: you must provide at least one name or id\n")
    );
    env.cove_ok(&["rm", "m"]);
}

#[test]
fn wait_for_conditions() {
    let env = pulled("c2-wait");
    let image = busybox();
    env.cove_ok(&["create", "--name", "w", &image, "sleep", "300"]);
    // A state other than stopped or exited prints -1 once reached, as Podman does.
    assert_eq!(
        env.cove_ok(&["wait", "--condition", "created", "w"]),
        "-1\n"
    );
    let waiter = env
        .user_cmd(
            common::cove_bin().to_str().unwrap(),
            &[
                "wait",
                "--condition",
                "running",
                "--condition",
                "paused",
                "--interval",
                "100ms",
                "w",
            ],
        )
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    env.cove_ok(&["start", "w"]);
    let out = waiter.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "-1\n");
    assert_eq!(
        env.cove_ok(&["wait", "--condition", "running", "-i", "10", "w"]),
        "-1\n"
    );
    env.cove_ok(&["kill", "w"]);
    assert_eq!(
        env.cove_ok(&["wait", "--condition", "stopped", "w"]),
        "137\n"
    );
    let (code, err) = env.cove_err(&["wait", "--condition", "bogus", "w"]);
    assert_eq!(
        (code, err.as_str()),
        (
            125,
            "Error: unknown container state: bogus: invalid argument\n"
        )
    );
    let (code, _) = env.cove_err(&["wait", "--interval", "soon", "w"]);
    assert_eq!(code, 125);
    env.cove_ok(&["rm", "w"]);
}

#[test]
fn port_all_lists_every_running_container() {
    let env = pulled("c2-port");
    let image = busybox();
    let id = env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "p",
        "-p",
        "127.0.0.1::9000",
        &image,
        "sleep",
        "300",
    ]);
    let out = env.cove_ok(&["port", "--all"]);
    let prefix = format!("{}\t9000/tcp -> 127.0.0.1:", &id.trim()[..12]);
    assert!(out.starts_with(&prefix), "{out}");
    let (code, err) = env.cove_err(&["port", "--all", "p"]);
    assert_eq!(
        (code, err.as_str()),
        (125, "Error: no arguments are needed with --all\n")
    );
    env.cove_ok(&["rm", "-f", "p"]);
}

#[test]
fn update_changes_the_restart_policy_and_refuses_limits_unchanged() {
    let env = pulled("c2-update");
    let image = busybox();
    let id = env.cove_ok(&["create", "--name", "u", &image, "true"]);
    let policy = |env: &TestEnv| {
        env.cove_ok(&[
            "inspect",
            "--format",
            "{{.HostConfig.RestartPolicy.Name}}",
            "u",
        ])
    };
    assert_eq!(
        env.cove_ok(&["update", "--restart", "on-failure:3", "u"]),
        id
    );
    assert_eq!(policy(&env), "on-failure\n");
    // Without a delegated cgroup every limit fails with run's own line; nothing changes.
    let (run_code, run_err) = env.cove_err(&["run", "--rm", "--memory", "64m", &image, "true"]);
    let (code, err) = env.cove_err(&[
        "container",
        "update",
        "--restart",
        "always",
        "--memory",
        "64m",
        "u",
    ]);
    assert_eq!((code, err.as_str()), (run_code, run_err.as_str()));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(policy(&env), "on-failure\n");
    let (code, _) = env.cove_err(&["update", "--pids-limit", "10", "--cpu-shares", "512", "u"]);
    assert_eq!(code, run_code);
    let (code, err) = env.cove_err(&["update", "--restart", "sometimes", "u"]);
    assert_eq!(code, 125);
    assert!(err.contains("invalid restart policy"), "{err}");
    env.cove_ok(&["rm", "u"]);
}

#[test]
fn container_cleanup_for_users() {
    let env = pulled("c2-cleanup");
    let image = busybox();
    env.cove_ok(&["run", "-d", "--name", "live", &image, "sleep", "300"]);
    env.cove_ok(&["run", "--name", "done", &image, "true"]);
    let (code, err) = env.cove_err(&["container", "cleanup", "live"]);
    assert_eq!(code, 125);
    assert!(
        err.contains("is running or paused, refusing to clean up: container state improper"),
        "{err}"
    );
    assert_eq!(env.cove_ok(&["container", "cleanup", "done"]), "done\n");
    let (_, err) = env.cove_err(&["container", "cleanup", "--exec", "abc", "done"]);
    assert!(
        err.contains("has no exec session with ID abc: no such exec session"),
        "{err}"
    );
    // --rm removes it; --rmi would take the image too, but "live" still uses it.
    assert_eq!(
        env.cove_ok(&["container", "cleanup", "--rmi", "done"]),
        "done\n"
    );
    assert_eq!(
        env.cove(&["container", "exists", "done"]).status.code(),
        Some(1)
    );
    assert!(env
        .cove_ok(&["images", "--format", "{{.Repository}}"])
        .contains("busybox"));
    let (code, err) = env.cove_err(&["container", "cleanup", "--all", "live"]);
    assert_eq!(
        (code, err.as_str()),
        (125, "Error: no arguments are needed with --all\n")
    );
    env.cove_ok(&["rm", "-f", "live"]);
}

#[test]
fn docker_clients_see_an_initialized_container_as_created() {
    let env = pulled("c2-init-api");
    env.cove_ok(&["create", "--name", "i", &busybox(), "sleep", "300"]);
    env.cove_ok(&["init", "i"]);
    let svc = common::api::ApiService::start(&env);
    let state = svc.docker_ok(&[
        "inspect",
        "--format",
        "{{.State.Status}} {{.State.Running}}",
        "i",
    ]);
    assert_eq!(state, "created false\n");
    let ps = svc.docker_ok(&["ps", "-a", "--format", "{{.Names}} {{.State}} {{.Status}}"]);
    assert_eq!(ps, "i created Created\n");
    svc.docker_ok(&["start", "i"]);
    assert_eq!(status(&env, "i"), "running");
    env.cove_ok(&["rm", "-f", "i"]);
}

#[test]
fn logs_of_several_containers_inspect_size_and_commit_flags() {
    let env = pulled("c2-logs");
    let image = busybox();
    let a = env.cove_ok(&["run", "--name", "la", &image, "echo", "one"]);
    assert_eq!(a, "one\n");
    env.cove_ok(&["run", "--name", "lb", &image, "echo", "two"]);
    let ids = |n: &str| env.cove_ok(&["inspect", "--format", "{{.Id}}", n])[..12].to_string();
    let out = env.cove_ok(&["logs", "la", "lb"]);
    assert_eq!(out, format!("{} one\n{} two\n", ids("la"), ids("lb")));
    assert_eq!(
        env.cove_ok(&["logs", "--names", "la", "lb"]),
        "la one\nlb two\n"
    );
    let colored = env.cove_ok(&["logs", "--names", "--color", "la", "lb"]);
    assert!(
        colored.starts_with("\x1b[31mla\x1b[0m one\n"),
        "{colored:?}"
    );
    // Podman's exit code for no such container (only `rm` says 1).
    let (code, err) = env.cove_err(&["logs", "la", "nosuch"]);
    assert_eq!(code, 125);
    assert!(
        err.contains("no container with name or ID \"nosuch\" found"),
        "{err}"
    );

    // inspect --size: what the container wrote, and that plus its image.
    env.cove_ok(&[
        "run",
        "--name",
        "big",
        &image,
        "sh",
        "-c",
        "head -c 100000 /dev/zero > /f",
    ]);
    let sizes = env.cove_ok(&[
        "container",
        "inspect",
        "--size",
        "--format",
        "{{.SizeRw}} {{.SizeRootFs}}",
        "big",
    ]);
    let (rw, root) = sizes.trim().split_once(' ').unwrap();
    let (rw, root): (u64, u64) = (rw.parse().unwrap(), root.parse().unwrap());
    assert!(rw >= 100_000 && root > rw, "{sizes}");
    let plain = env.cove_ok(&["container", "inspect", "big"]);
    assert!(!plain.contains("SizeRw"), "only with --size");

    // commit: --iidfile, --include-volumes; an unknown --format refused.
    env.cove_ok(&[
        "run",
        "--name",
        "withvol",
        "-v",
        "vol1:/data",
        &image,
        "true",
    ]);
    let iid = env.sh_ok("mktemp");
    let iid = iid.trim();
    let id = env.cove_ok(&[
        "commit",
        "-q",
        "--iidfile",
        iid,
        "--include-volumes",
        "withvol",
        "vols",
    ]);
    assert_eq!(std::fs::read_to_string(iid).unwrap(), id.trim());
    let vols = env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{json .Config.Volumes}}",
        "vols",
    ]);
    assert!(vols.contains("\"/data\""), "{vols}");
    let (_, err) = env.cove_err(&["commit", "--format", "bogus", "withvol"]);
    assert_eq!(err, "Error: unrecognized image format \"bogus\"\n");
    env.cove_ok(&["rm", "la", "lb", "big", "withvol"]);
}

/// Diff IDs listed by `image inspect`'s `.RootFS.Layers`.
fn layer_count(env: &TestEnv, image: &str) -> usize {
    env.cove_ok(&["image", "inspect", "--format", "{{.RootFS.Layers}}", image])
        .matches("sha256:")
        .count()
}

#[test]
fn commit_writes_docker_format_and_squashes() {
    let env = pulled("commit-formats");
    let image = busybox();
    let healthy = common::image("healthy");
    env.cove_ok(&["pull", "-q", &healthy]);
    env.cove_ok(&[
        "run",
        "--name",
        "cm",
        &image,
        "sh",
        "-c",
        "echo a > /a; mkdir /d; echo b > /d/b",
    ]);
    let base_layers = layer_count(&env, &image);
    let manifest_type = |img: &str| {
        env.cove_ok(&["image", "inspect", "--format", "{{.ManifestType}}", img])
            .trim()
            .to_string()
    };

    // --format docker: Docker's v2 schema 2 manifest, one more layer, and it runs.
    env.cove_ok(&["commit", "-q", "--format", "docker", "cm", "as-docker"]);
    env.cove_ok(&["container", "commit", "-q", "-f", "oci", "cm", "as-oci"]);
    assert_eq!(
        manifest_type("as-docker"),
        "application/vnd.docker.distribution.manifest.v2+json"
    );
    assert_eq!(
        manifest_type("as-oci"),
        "application/vnd.oci.image.manifest.v1+json"
    );
    assert_eq!(layer_count(&env, "as-docker"), base_layers + 1);
    assert_eq!(
        env.cove_ok(&["run", "--rm", "as-docker", "cat", "/a", "/d/b"]),
        "a\nb\n"
    );

    // The HEALTHCHECK survives in Docker's format only (OCI's config has no such field),
    // and Podman's inspect shows it at the top.
    env.cove_ok(&["create", "--name", "hc", &healthy, "true"]);
    env.cove_ok(&["commit", "-q", "--format", "docker", "hc", "hc-docker"]);
    env.cove_ok(&["commit", "-q", "hc", "hc-oci"]);
    let test = env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{.Healthcheck.Test}}",
        "hc-docker",
    ]);
    assert!(test.contains("test -f /tmp/ready"), "{test}");
    let oci = env.cove_ok(&["image", "inspect", "hc-oci"]);
    assert!(!oci.contains("Healthcheck"), "{oci}");

    // --squash: one layer holding the whole filesystem, one history entry; it runs.
    env.cove_ok(&["commit", "-q", "--squash", "cm", "flat"]);
    assert_eq!(layer_count(&env, "flat"), 1);
    let history = env.cove_ok(&["history", "--format", "{{.ID}}", "flat"]);
    assert_eq!(history.lines().count(), 1, "{history}");
    assert_eq!(
        env.cove_ok(&[
            "run",
            "--rm",
            "flat",
            "sh",
            "-c",
            "cat /a /d/b; ls /bin/busybox"
        ]),
        "a\nb\n/bin/busybox\n"
    );
    env.cove_ok(&[
        "commit",
        "-q",
        "--squash",
        "--format",
        "docker",
        "cm",
        "flat-docker",
    ]);
    assert_eq!(layer_count(&env, "flat-docker"), 1);
    assert_eq!(
        manifest_type("flat-docker"),
        "application/vnd.docker.distribution.manifest.v2+json"
    );
}
