//! The Podman/Docker `run`/`create` flags scripts use, carried out for real (rootless, as
//! the test user): files named by flags, environment, groups, umask, time zone, tmpfs of
//! a read-only root, devices, volumes of another container, log drivers, platforms, and
//! the cgroup controls that fail with one line where no cgroup is delegated.

mod common;

use common::{busybox, pulled, TestEnv};

fn run(env: &TestEnv, flags: &[&str], script: &str) -> String {
    let image = busybox();
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(flags);
    args.extend([image.as_str(), "sh", "-c", script]);
    env.cove_ok(&args)
}

#[test]
fn environment_flags() {
    let env = pulled("parity-env");
    // env itself, not a shell (which would set a PATH of its own).
    let image = busybox();
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "-e",
        "A=1",
        "--unsetenv",
        "PATH",
        &image,
        "/bin/env",
    ]);
    assert!(out.contains("A=1") && !out.contains("PATH="), "{out}");
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--unsetenv-all",
        "-e",
        "ONLY=1",
        &image,
        "/bin/env",
    ]);
    assert_eq!(out.trim(), "ONLY=1");
    // Podman passes the caller's proxy settings, unless told not to.
    let with = env.cove_env(
        &[("http_proxy", "http://proxy.invalid:3128")],
        &["run", "--rm", &image, "env"],
    );
    let with = String::from_utf8_lossy(&with.stdout).into_owned();
    assert!(
        with.contains("http_proxy=http://proxy.invalid:3128"),
        "{with}"
    );
    let without = env.cove_env(
        &[("http_proxy", "http://proxy.invalid:3128")],
        &["run", "--rm", "--http-proxy=false", &image, "env"],
    );
    let without = String::from_utf8_lossy(&without.stdout).into_owned();
    assert!(!without.contains("http_proxy"), "{without}");
}

#[test]
fn labels_from_a_file_and_annotations() {
    let env = pulled("parity-labels");
    let file = env.home.join("labels");
    env.write_user_file(&file, "# comment\nteam=web\n\ntier=front\n");
    let id = env
        .cove_ok(&[
            "create",
            "--label-file",
            file.to_str().unwrap(),
            "-l",
            "tier=back",
            "--annotation",
            "org.example/key=value",
            &busybox(),
            "true",
        ])
        .trim()
        .to_string();
    let labels = env.cove_ok(&["inspect", "--format", "{{json .Config.Labels}}", &id]);
    assert!(
        labels.contains("\"team\":\"web\"") && labels.contains("\"tier\":\"back\""),
        "{labels}"
    );
    env.cove_ok(&["start", "--attach", &id]);
    let spec =
        std::fs::read_to_string(env.run.join(format!("cove/containers/{id}/config.json"))).unwrap();
    assert!(spec.contains("\"org.example/key\":\"value\""), "{spec}");
    let (code, err) = env.cove_err(&["create", "--annotation", "novalue", &busybox()]);
    assert_eq!(code, 125);
    assert!(err.contains("--annotation"), "{err}");
}

#[test]
fn cidfile_and_pidfile() {
    let env = pulled("parity-files");
    let cid = env.home.join("ctr.id");
    let pidfile = env.home.join("ctr.pid");
    let (cid_s, pid_s) = (cid.to_str().unwrap(), pidfile.to_str().unwrap());
    let id = env
        .cove_ok(&[
            "run",
            "-d",
            "--cidfile",
            cid_s,
            "--pidfile",
            pid_s,
            &busybox(),
            "sleep",
            "60",
        ])
        .trim()
        .to_string();
    assert_eq!(std::fs::read_to_string(&cid).unwrap(), id);
    let pid = env.cove_ok(&["inspect", "--format", "{{.State.Pid}}", &id]);
    assert_eq!(std::fs::read_to_string(&pidfile).unwrap(), pid.trim());
    // Podman's wording; nothing is created.
    let before = env.cove_ok(&["ps", "-aq"]);
    let (code, err) = env.cove_err(&["create", "--cidfile", cid_s, &busybox()]);
    assert_eq!(code, 125);
    assert!(
        err.contains(
            "container id file exists. Ensure another container is not using it or delete"
        ),
        "{err}"
    );
    assert_eq!(env.cove_ok(&["ps", "-aq"]), before);
    env.cove_ok(&["rm", "-f", &id]);
}

#[test]
fn umask_groups_and_time_zone() {
    let env = pulled("parity-process");
    assert_eq!(run(&env, &["--umask", "0077"], "umask").trim(), "0077");
    // A group the image names, by name: the last line of its /etc/group.
    let group = run(&env, &[], "tail -n 1 /etc/group");
    let fields: Vec<&str> = group.trim().split(':').collect();
    let (name, gid) = (fields[0], fields[2]);
    let groups = run(&env, &["--group-add", "4242", "--group-add", name], "id -G");
    let groups: Vec<&str> = groups.split_whitespace().collect();
    assert!(
        groups.contains(&"4242") && groups.contains(&gid),
        "{groups:?} {name}"
    );
    let (_, err) = env.cove_err(&[
        "run",
        "--rm",
        "--group-add",
        "nosuchgroup",
        &busybox(),
        "true",
    ]);
    assert!(err.contains("unable to find group nosuchgroup"), "{err}");
    let (_, err) = env.cove_err(&["create", "--umask", "999", &busybox()]);
    assert!(err.contains("--umask"), "{err}");

    let zone = "/usr/share/zoneinfo/Asia/Tokyo";
    if std::path::Path::new(zone).is_file() {
        let inside = run(&env, &["--tz", "Asia/Tokyo"], "date +%Z");
        assert_eq!(inside.trim(), "JST");
    }
    let (code, err) = env.cove_err(&["create", "--tz", "Nowhere/Atlantis", &busybox()]);
    assert_eq!(code, 125);
    assert!(err.contains("unknown time zone Nowhere/Atlantis"), "{err}");
}

#[test]
fn read_only_root_gets_tmpfs_unless_told_not_to() {
    let env = pulled("parity-readonly");
    let out = run(
        &env,
        &["--read-only"],
        "touch /tmp/a /run/b /var/tmp/c && echo ok",
    );
    assert_eq!(out.trim(), "ok");
    let image = busybox();
    let out = env.cove(&[
        "run",
        "--rm",
        "--read-only",
        "--read-only-tmpfs=false",
        &image,
        "touch",
        "/tmp/a",
    ]);
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Read-only file system"));
}

#[test]
fn devices_are_bound_from_the_host() {
    let env = pulled("parity-device");
    let out = run(
        &env,
        &["--device", "/dev/null:/dev/mynull"],
        "echo gone > /dev/mynull && ls -l /dev/mynull",
    );
    assert!(out.starts_with('c'), "not a character device: {out}");
    let (code, err) = env.cove_err(&["create", "--device", "/dev/nosuchdevice", &busybox()]);
    assert_eq!(code, 125);
    assert!(err.contains("/dev/nosuchdevice"), "{err}");
}

#[test]
fn volumes_from_another_container() {
    let env = pulled("parity-volumes-from");
    env.cove_ok(&[
        "run",
        "--name",
        "data",
        "-v",
        "shared:/data",
        &busybox(),
        "sh",
        "-c",
        "echo hello > /data/file",
    ]);
    let out = run(&env, &["--volumes-from", "data"], "cat /data/file");
    assert_eq!(out.trim(), "hello");
    let image = busybox();
    let out = env.cove(&[
        "run",
        "--rm",
        "--volumes-from",
        "data:ro",
        &image,
        "touch",
        "/data/x",
    ]);
    assert_ne!(out.status.code(), Some(0), "a :ro volume was writable");
    let (_, err) = env.cove_err(&["create", "--volumes-from", "ghost", &busybox()]);
    assert!(
        err.contains("no container with name or ID \"ghost\""),
        "{err}"
    );
}

#[test]
fn log_drivers() {
    let env = pulled("parity-logs");
    let id = env
        .cove_ok(&[
            "run",
            "-d",
            "--log-driver",
            "none",
            &busybox(),
            "echo",
            "unseen",
        ])
        .trim()
        .to_string();
    env.cove_ok(&["wait", &id]);
    // Podman's answer: nothing was kept to read.
    let (code, err) = env.cove_err(&["logs", &id]);
    assert_eq!(code, 125);
    assert_eq!(
        err,
        "Error: this container is using the 'none' log driver, cannot read logs: this container is not logging output\n"
    );
    let json = env
        .cove_ok(&[
            "run",
            "-d",
            "--log-driver",
            "json-file",
            &busybox(),
            "echo",
            "seen",
        ])
        .trim()
        .to_string();
    env.cove_ok(&["wait", &json]);
    assert_eq!(env.cove_ok(&["logs", &json]).trim(), "seen");
    if !std::path::Path::new("/run/systemd/journal/socket").exists() {
        let (code, err) = env.cove_err(&["create", "--log-driver", "journald", &busybox()]);
        assert_eq!(code, 125);
        assert!(err.contains("no systemd journal"), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    let (_, err) = env.cove_err(&["create", "--log-driver", "syslog", &busybox()]);
    assert!(err.contains("invalid --log-driver \"syslog\""), "{err}");
}

#[test]
fn platform_of_this_machine_only() {
    let env = pulled("parity-platform");
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    };
    let platform = format!("linux/{arch}");
    assert_eq!(
        run(&env, &["--platform", &platform], "echo ok").trim(),
        "ok"
    );
    assert_eq!(
        run(&env, &["--arch", arch, "--os", "linux"], "echo ok").trim(),
        "ok"
    );
    let other = if arch == "s390x" {
        "linux/amd64"
    } else {
        "linux/s390x"
    };
    let (code, err) = env.cove_err(&["create", "--platform", other, &busybox()]);
    assert_eq!(code, 125);
    assert!(err.contains("this machine's platform only"), "{err}");
}

#[test]
fn cgroup_controls_fail_with_one_line_like_memory() {
    let env = pulled("parity-resources");
    let (_, memory) = env.cove_err(&["create", "--memory", "64m", &busybox()]);
    if !memory.contains("delegated") {
        // A machine with a delegated cgroup v2 takes the limits.
        return;
    }
    for flags in [
        &["--cpu-shares", "512"][..],
        &["--memory-swap", "-1"],
        &["--cpuset-cpus", "0"],
        &["--blkio-weight", "300"],
        &["--device-read-bps", "/dev/sda:1mb"],
        &["--oom-kill-disable"],
        &["-c", "2", "--cpu-quota", "5000"],
    ] {
        let mut args = vec!["create"];
        args.extend_from_slice(flags);
        let image = busybox();
        args.push(&image);
        let (code, err) = env.cove_err(&args);
        assert_eq!(code, 125, "{flags:?}");
        assert_eq!(err.trim().lines().count(), 1, "{flags:?}: {err}");
        assert!(
            err.contains(flags[0]) || flags[0] == "-c",
            "{flags:?}: {err}"
        );
        assert!(err.contains("delegated"), "{flags:?}: {err}");
    }
    let (_, err) = env.cove_err(&["create", "--blkio-weight", "5", &busybox()]);
    assert!(err.contains("between 10 and 1000"), "{err}");
    assert_eq!(env.cove_ok(&["ps", "-aq"]), "");
}

#[test]
fn quiet_run_prints_no_pull_progress() {
    let env = TestEnv::new("parity-quiet");
    let out = env.cove(&["run", "--rm", "-q", &busybox(), "echo", "hi"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "hi");
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "");
}

#[test]
fn cidfile_selects_and_ps_sorts_without_heading() {
    let env = pulled("parity-select");
    let cid = env.home.join("web.id");
    let cid_s = cid.to_str().unwrap();
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "web",
        "--cidfile",
        cid_s,
        &busybox(),
        "sleep",
        "60",
    ]);
    env.cove_ok(&[
        "create",
        "--name",
        "alpha",
        "--label",
        "role=spare",
        &busybox(),
    ]);
    let names = env.cove_ok(&[
        "ps",
        "-a",
        "--noheading",
        "--sort",
        "names",
        "--format",
        "{{.Names}}",
    ]);
    assert_eq!(names, "alpha\nweb\n");
    let table = env.cove_ok(&["ps", "--noheading"]);
    assert!(
        !table.contains("CONTAINER ID") && table.contains("web"),
        "{table}"
    );
    let (code, err) = env.cove_err(&["ps", "--sort", "weight"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("weight"), "{err}");

    env.cove_ok(&["stop", "-t", "0", "--cidfile", cid_s]);
    let status = env.cove_ok(&["inspect", "--format", "{{.State.Status}}", "web"]);
    assert_eq!(status.trim(), "exited");
    env.cove_ok(&["rm", "--cidfile", cid_s]);
    env.cove_ok(&["rm", "--filter", "label=role=spare"]);
    assert_eq!(env.cove_ok(&["ps", "-aq"]), "");
    // A missing file: an error unless --ignore.
    let (code, err) = env.cove_err(&["rm", "--cidfile", "/nonexistent/ctr.id"]);
    assert_eq!(code, 125);
    assert!(err.contains("reading CIDFile"), "{err}");
    env.cove_ok(&["rm", "--ignore", "--cidfile", "/nonexistent/ctr.id"]);
}
