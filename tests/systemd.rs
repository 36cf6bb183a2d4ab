//! cove under systemd, without systemd as PID 1 (this machine has none): the units
//! `cove generate systemd` and `cove-systemd-generator` write pass `systemd-analyze
//! verify`, and their ExecStart/ExecStop lines, expanded as a user manager would and run
//! as the test user with NOTIFY_SOCKET pointing at a socket this test reads, start the
//! container (MAINPID is a live cove-conmon, READY=1 arrives) and remove it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::systemd::*;
use common::{busybox, describe, exit_code, pulled, TestEnv};

fn status(env: &TestEnv, name: &str) -> String {
    env.cove_ok(&["inspect", "--format", "{{.State.Status}}", name])
        .trim()
        .to_string()
}

/// The unit reports READY when the container starts, before httpd in it listens: retried
/// while the relay still closes connections.
fn http(port: u16) -> String {
    common::web_get(&format!("127.0.0.1:{port}"), "/")
}

#[test]
fn generated_units_verify_and_their_commands_run_the_container() {
    let env = pulled("sd-generate");
    let port = common::free_port();
    let publish = format!("127.0.0.1:{port}:80");
    let img = busybox();
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "web",
        "-p",
        &publish,
        "-e",
        "GREETING=hi there",
        "--label",
        "tier=front",
        &img,
        "httpd",
        "-f",
        "-p",
        "80",
        "-h",
        "/var/www",
    ]);

    // --new, printed; --files (Type=forking) written into the current directory.
    let new_text = env.cove_ok(&["generate", "systemd", "--new", "--name", "web"]);
    let new_unit = env.base.join("units/container-web.service");
    std::fs::create_dir_all(new_unit.parent().unwrap()).unwrap();
    std::fs::write(&new_unit, &new_text).unwrap();
    let printed = env.cove_ok(&["generate", "systemd", "--files", "--name", "-t", "3", "web"]);
    let fork_unit = env.base.join("container-web.service");
    assert_eq!(printed.trim(), fork_unit.display().to_string());
    let fork_text = std::fs::read_to_string(&fork_unit).unwrap();
    verify(&env, std::slice::from_ref(&new_unit));
    verify(&env, std::slice::from_ref(&fork_unit));
    assert_eq!(unit_value(&new_text, "Service", "Type"), "notify");
    assert_eq!(unit_value(&fork_text, "Service", "Type"), "forking");

    // The existing container: stop, then the unit's ExecStart starts it again and the
    // PIDFile names its shim; ExecStop stops it.
    let unit = "container-web.service";
    env.cove_ok(&["stop", "web"]);
    run_line_ok(
        &env,
        unit,
        &unit_value(&fork_text, "Service", "ExecStart"),
        None,
    );
    assert_eq!(status(&env, "web"), "running");
    let pid_file = unit_value(&fork_text, "Service", "PIDFile");
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    assert_eq!(process_name(pid.trim()), "cove-conmon", "{pid_file}");
    assert_eq!(http(port), "hello from cove\n");
    run_line_ok(
        &env,
        unit,
        &unit_value(&fork_text, "Service", "ExecStop"),
        None,
    );
    assert_eq!(status(&env, "web"), "exited");
    run_line_ok(
        &env,
        unit,
        &unit_value(&fork_text, "Service", "ExecStopPost"),
        None,
    );

    // --new: a fresh container from the recorded arguments, replacing the old one.
    let notify = NotifySocket::new(&env);
    let old_id = env.cove_ok(&["inspect", "--format", "{{.Id}}", "web"]);
    run_line_ok(
        &env,
        unit,
        &unit_value(&new_text, "Service", "ExecStart"),
        Some(&notify),
    );
    assert_started(&notify, true);
    assert_eq!(status(&env, "web"), "running");
    assert_ne!(
        env.cove_ok(&["inspect", "--format", "{{.Id}}", "web"]),
        old_id,
        "--replace made a new container"
    );
    let env_out = env.cove_ok(&["exec", "web", "sh", "-c", "echo \"$GREETING\""]);
    assert_eq!(env_out, "hi there\n");
    assert_eq!(
        env.cove_ok(&[
            "inspect",
            "--format",
            "{{index .Config.Labels \"tier\"}}",
            "web"
        ]),
        "front\n"
    );
    assert_eq!(http(port), "hello from cove\n");
    // The container does not see the socket: --sdnotify=conmon.
    let seen = env.cove_ok(&["exec", "web", "sh", "-c", "echo ${NOTIFY_SOCKET-unset}"]);
    assert_eq!(seen, "unset\n");
    run_line_ok(
        &env,
        unit,
        &unit_value(&new_text, "Service", "ExecStop"),
        None,
    );
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    run_line_ok(
        &env,
        unit,
        &unit_value(&new_text, "Service", "ExecStopPost"),
        None,
    );
    // Starting twice in a row (Restart=) replaces rather than failing on the name.
    run_line_ok(
        &env,
        unit,
        &unit_value(&new_text, "Service", "ExecStart"),
        Some(&notify),
    );
    assert_started(&notify, true);
    run_line_ok(
        &env,
        unit,
        &unit_value(&new_text, "Service", "ExecStart"),
        Some(&notify),
    );
    assert_started(&notify, true);
    assert_eq!(env.cove_ok(&["ps", "-q"]).lines().count(), 1);
    run_line_ok(
        &env,
        unit,
        &unit_value(&new_text, "Service", "ExecStop"),
        None,
    );
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
}

#[test]
fn generate_json_and_bad_input() {
    let env = pulled("sd-generate-json");
    env.cove_ok(&["create", "--name", "c", &busybox(), "true"]);
    let out = env.cove_ok(&["generate", "systemd", "--name", "--format", "json", "c"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["container-c"]
        .as_str()
        .is_some_and(|t| t.contains("ExecStart=")));
    let (code, err) = env.cove_err(&["generate", "systemd", "--restart-policy", "sometimes", "c"]);
    assert_eq!(code, 125);
    assert!(err.contains("invalid --restart-policy"), "{err}");
    let (code, _) = env.cove_err(&["generate", "systemd", "nosuch"]);
    assert_eq!(code, 125);

    // A restart policy and a unit that starts this very container are two supervisors:
    // warned about (the unit is still written); --new leaves the policy out, so no
    // warning; --log-level error silences it.
    let id = env.cove_ok(&[
        "create",
        "--name",
        "sd-policy",
        "--restart",
        "always",
        &busybox(),
        "true",
    ]);
    let out = env.cove(&["generate", "systemd", "sd-policy"]);
    assert!(out.status.success(), "{}", describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "WARN Container {} has restart policy \"always\" which can lead to issues on shutdown",
            id.trim()
        )) && err.contains("--new"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ExecStart="));
    for args in [
        &["generate", "systemd", "--new", "sd-policy"][..],
        &["--log-level", "error", "generate", "systemd", "sd-policy"],
        &["generate", "systemd", "c"],
    ] {
        let out = env.cove(args);
        assert!(out.status.success(), "{args:?}: {}", describe(&out));
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

fn generator() -> PathBuf {
    common::cove_bin();
    common::bin_dir().join("cove-systemd-generator")
}

/// Write quadlet files into the test user's ~/.config/containers/systemd.
fn quadlet_dir(env: &TestEnv, files: &[(&str, &str)]) -> PathBuf {
    let dir = env.config.join("containers/systemd");
    std::fs::create_dir_all(&dir).unwrap();
    let (uid, gid) = common::test_user_ids();
    std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).unwrap();
    for (name, text) in files {
        env.write_user_file(&dir.join(name), text);
    }
    dir
}

/// Run the generator as the test user into a fresh directory: (output dir, exit, stderr).
fn generate_units(env: &TestEnv) -> (PathBuf, Output) {
    let out_dir = env.base.join("generated");
    let _ = std::fs::remove_dir_all(&out_dir);
    std::fs::create_dir_all(&out_dir).unwrap();
    let (uid, gid) = common::test_user_ids();
    std::os::unix::fs::chown(&out_dir, Some(uid), Some(gid)).unwrap();
    let d = out_dir.display().to_string();
    let out = env
        .user_cmd(generator().to_str().unwrap(), &[&d, &d, &d])
        .output()
        .unwrap();
    (out_dir, out)
}

#[test]
fn container_volume_and_network_files_become_units_that_run() {
    let env = pulled("sd-quadlet");
    let port = common::free_port();
    let img = busybox();
    let web = format!(
        "[Unit]\nDescription=web server\n\n[Container]\nImage={img}\n\
         Exec=httpd -f -p 80 -h /var/www\nPublishPort=127.0.0.1:{port}:80\n\
         Environment=GREETING=hello \"SPACED=two words\"\nLabel=app=web\n\
         Volume=data.volume:/data\nNetwork=net.network\n\n\
         [Service]\nRestart=always\n\n[Install]\nWantedBy=default.target\n"
    );
    let health = format!(
        "[Container]\nImage={img}\nExec=sleep 1000\nHealthCmd=test -d /tmp\n\
         HealthInterval=30s\nHealthRetries=3\nHealthStartPeriod=5s\nHealthTimeout=10s\n\
         HealthOnFailure=kill\nContainerName=healthy\n"
    );
    quadlet_dir(
        &env,
        &[
            ("web.container", &web),
            ("health.container", &health),
            ("data.volume", "[Volume]\nLabel=made-by=quadlet\n"),
            (
                "net.network",
                "[Network]\nSubnet=10.89.77.0/24\nLabel=made-by=quadlet\n",
            ),
        ],
    );

    // --dryrun prints every unit.
    let dry = env
        .user_cmd(generator().to_str().unwrap(), &["--dryrun"])
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", describe(&dry));
    let dry_out = String::from_utf8_lossy(&dry.stdout);
    for u in [
        "web.service",
        "health.service",
        "data-volume.service",
        "net-network.service",
    ] {
        assert!(dry_out.contains(&format!("---{u}---")), "{u} in {dry_out}");
    }

    let (dir, out) = generate_units(&env);
    assert!(out.status.success(), "{}", describe(&out));
    let units: Vec<PathBuf> = [
        "web.service",
        "health.service",
        "data-volume.service",
        "net-network.service",
    ]
    .iter()
    .map(|u| dir.join(u))
    .collect();
    verify(&env, &units);
    // [Install] WantedBy= as `systemctl enable` would have linked it.
    assert!(dir.join("default.target.wants/web.service").exists());
    let text = |u: &str| std::fs::read_to_string(dir.join(u)).unwrap();
    let (web_text, vol_text, net_text) = (
        text("web.service"),
        text("data-volume.service"),
        text("net-network.service"),
    );
    assert!(web_text.contains("Requires=data-volume.service\n"));
    assert!(web_text.contains("After=net-network.service\n"));

    // What systemd would do for `systemctl --user start web`: the dependencies first
    // (twice: they are idempotent), then the container.
    for _ in 0..2 {
        run_line_ok(
            &env,
            "data-volume.service",
            &unit_value(&vol_text, "Service", "ExecStart"),
            None,
        );
        run_line_ok(
            &env,
            "net-network.service",
            &unit_value(&net_text, "Service", "ExecStart"),
            None,
        );
    }
    assert_eq!(
        env.cove_ok(&[
            "volume",
            "inspect",
            "--format",
            "{{index .Labels \"made-by\"}}",
            "systemd-data"
        ]),
        "quadlet\n"
    );
    assert!(env
        .cove_ok(&["network", "inspect", "systemd-net"])
        .contains("10.89.77.0/24"));
    let notify = NotifySocket::new(&env);
    run_line_ok(
        &env,
        "web.service",
        &unit_value(&web_text, "Service", "ExecStart"),
        Some(&notify),
    );
    assert_started(&notify, true);
    assert_eq!(status(&env, "systemd-web"), "running");
    assert_eq!(http(port), "hello from cove\n");
    let seen = env.cove_ok(&[
        "exec",
        "systemd-web",
        "sh",
        "-c",
        "echo \"$GREETING/$SPACED\"; echo x > /data/f",
    ]);
    assert_eq!(seen, "hello/two words\n");
    assert_eq!(
        env.cove_ok(&[
            "inspect",
            "--format",
            "{{index .Config.Labels \"app\"}}",
            "systemd-web"
        ]),
        "web\n"
    );
    // The health keys reach the container's configuration.
    let health_text = text("health.service");
    let health_start = unit_value(&health_text, "Service", "ExecStart");
    run_line_ok(&env, "health.service", &health_start, Some(&notify));
    assert_started(&notify, true);
    let check: serde_json::Value = serde_json::from_str(&env.cove_ok(&[
        "inspect",
        "--format",
        "{{json .Config.Healthcheck}}",
        "healthy",
    ]))
    .unwrap();
    assert_eq!(
        check,
        serde_json::json!({"Test": ["CMD-SHELL", "test -d /tmp"], "Interval": 30_000_000_000u64,
            "Timeout": 10_000_000_000u64, "StartPeriod": 5_000_000_000u64, "Retries": 3,
            "OnFailure": "kill"})
    );
    let health_stop = unit_value(&health_text, "Service", "ExecStop");
    run_line_ok(&env, "health.service", &health_stop, None);
    run_line_ok(
        &env,
        "web.service",
        &unit_value(&web_text, "Service", "ExecStop"),
        None,
    );
    run_line_ok(
        &env,
        "web.service",
        &unit_value(&web_text, "Service", "ExecStopPost"),
        None,
    );
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    // The named volume outlives the container, with what it wrote.
    let users = env.cove_ok(&["run", "--rm", "-v", "systemd-data:/d", &img, "cat", "/d/f"]);
    assert_eq!(users, "x\n");
}

#[test]
fn bad_keys_are_reported_by_file_and_line_and_only_that_file_is_skipped() {
    let env = TestEnv::new("sd-quadlet-bad");
    let img = busybox();
    quadlet_dir(
        &env,
        &[
            (
                "bad.container",
                &format!("[Container]\nImage={img}\n\n# comment\nFoo=bar\n"),
            ),
            (
                "badsection.container",
                &format!("[Container]\nImage={img}\n[Pod]\nX=1\n"),
            ),
            ("noimage.container", "[Container]\nExec=true\n"),
            ("badvol.volume", "[Volume]\nDriver=nfs\n"),
            (
                "good.container",
                &format!("[Container]\nImage={img}\nExec=true\n"),
            ),
        ],
    );
    let (dir, out) = generate_units(&env);
    assert_ne!(exit_code(&out), 0, "{}", describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    for line in [
        "bad.container:5: unsupported key \"Foo\" in [Container]",
        "badsection.container:3: unsupported section [Pod]",
        "noimage.container: no Image= key in [Container]",
        "badvol.volume:2: unsupported key \"Driver\" in [Volume]",
    ] {
        assert!(err.lines().any(|l| l == line), "{line:?} in {err}");
    }
    let mut written: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["good.service"]);
}

#[test]
fn sdnotify_modes() {
    let env = pulled("sd-notify");
    let img = busybox();
    let notify = NotifySocket::new(&env);
    let socket = notify.path.display().to_string();
    let cove_notify = |args: &[&str]| {
        let out = env.cove_env(&[("NOTIFY_SOCKET", &socket)], args);
        assert!(out.status.success(), "cove {args:?}: {}", describe(&out));
    };

    // container: cove names the shim as main pid; the container gets the socket and
    // says READY=1 itself. Busybox has no systemd-notify, but its logger sends one
    // datagram to /dev/log: a line of its message can be READY=1.
    cove_notify(&[
        "run", "-d", "--name", "self", "--sdnotify=container", &img, "sh", "-c",
        "ln -sf \"$NOTIFY_SOCKET\" /dev/log && logger -t app \"$(printf 'up\\nREADY=1')\"; sleep 1000",
    ]);
    assert_started(&notify, false);
    let from_container = notify.recv_from_container();
    assert!(
        fields(&from_container).contains(&"READY=1"),
        "{from_container:?}"
    );
    assert_eq!(
        env.cove_ok(&[
            "exec",
            "self",
            "sh",
            "-c",
            "echo $NOTIFY_SOCKET; test -S $NOTIFY_SOCKET && echo socket"
        ]),
        "/run/notify/notify.sock\nsocket\n"
    );
    env.cove_ok(&["rm", "-f", "self"]);

    // conmon: cove says READY=1 once the container runs; `start` does it again.
    cove_notify(&[
        "create",
        "--name",
        "c",
        "--sdnotify=conmon",
        &img,
        "sleep",
        "1000",
    ]);
    cove_notify(&["start", "c"]);
    assert_started(&notify, true);
    env.cove_ok(&["stop", "-t", "0", "c"]);
    cove_notify(&["start", "c"]);
    assert_started(&notify, true);
    env.cove_ok(&["rm", "-f", "c"]);

    // ignore: nothing is sent, the container has no socket.
    cove_notify(&[
        "run",
        "-d",
        "--name",
        "quiet",
        "--sdnotify=ignore",
        &img,
        "sleep",
        "1000",
    ]);
    notify.assert_empty();
    assert_eq!(
        env.cove_ok(&["exec", "quiet", "sh", "-c", "echo ${NOTIFY_SOCKET-unset}"]),
        "unset\n"
    );
    // Nothing cove starts inherits the variable (the shim would be the one to leak it).
    let shim = env.cove_ok(&["inspect", "--format", "{{.State.ConmonPid}}", "quiet"]);
    let environ = std::fs::read(format!("/proc/{}/environ", shim.trim())).unwrap_or_default();
    assert!(
        !String::from_utf8_lossy(&environ).contains("NOTIFY_SOCKET"),
        "the shim inherited NOTIFY_SOCKET"
    );
    env.cove_ok(&["rm", "-f", "quiet"]);

    // An abstract socket cannot be mounted into a container: a clear error.
    let out = env.cove_env(
        &[("NOTIFY_SOCKET", "@cove-test-abstract")],
        &["run", "--rm", &img, "true"],
    );
    assert_eq!(exit_code(&out), 125, "{}", describe(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("abstract"),
        "{}",
        describe(&out)
    );
    let (code, err) = env.cove_err(&["run", "--sdnotify=sometimes", &img, "true"]);
    assert_eq!(code, 125, "{err}");
}

#[test]
fn replace_and_ignore() {
    let env = pulled("sd-replace");
    let img = busybox();
    let first = env.cove_ok(&["run", "-d", "--name", "x", &img, "sleep", "1000"]);
    let second = env.cove_ok(&[
        "run",
        "-d",
        "--replace",
        "--name",
        "x",
        &img,
        "sleep",
        "1000",
    ]);
    assert_ne!(first, second);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q", "--no-trunc"]), second);
    let (code, err) = env.cove_err(&["run", "--replace", &img, "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("--replace needs --name"), "{err}");
    // Replacing a name nobody has is just a create.
    env.cove_ok(&["create", "--replace", "--name", "fresh", &img, "true"]);

    for cmd in [&["stop"][..], &["rm"], &["rm", "-f"]] {
        let mut args = cmd.to_vec();
        args.extend(["--ignore", "nosuch"]);
        let out = env.cove(&args);
        assert_eq!(exit_code(&out), 0, "{args:?}: {}", describe(&out));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "");
        // Podman's exit codes for no such container: 1 from rm, 125 from stop.
        let mut args = cmd.to_vec();
        args.push("nosuch");
        let want = if cmd[0] == "rm" { 1 } else { 125 };
        assert_eq!(env.cove_err(&args).0, want, "{args:?}");
    }
    // --ignore still acts on the containers that exist.
    assert_eq!(
        env.cove_ok(&["stop", "-i", "-t", "0", "nosuch", "x"]),
        "x\n"
    );
    assert_eq!(
        env.cove_ok(&["rm", "-i", "x", "nosuch", "fresh"]),
        "x\nfresh\n"
    );

    env.cove_ok(&["volume", "create", "v"]);
    env.cove_err(&["volume", "create", "v"]);
    assert_eq!(env.cove_ok(&["volume", "create", "--ignore", "v"]), "v\n");
    env.cove_ok(&["network", "create", "n"]);
    env.cove_err(&["network", "create", "n"]);
    assert_eq!(env.cove_ok(&["network", "create", "--ignore", "n"]), "n\n");
}

#[test]
fn new_replays_the_recorded_create_arguments() {
    // Only `run` and `create` record one; the unit replays exactly what was given.
    let env = pulled("sd-recorded");
    let img = busybox();
    env.cove_ok(&[
        "--root",
        &env.data.join("cove").display().to_string(),
        "container",
        "create",
        "-it",
        "--name",
        "rec",
        "-e",
        "A=$HOME 50%",
        &img,
        "sh",
        "-c",
        "echo hi",
    ]);
    let text = env.cove_ok(&["generate", "systemd", "--new", "--name", "rec"]);
    let start = command(
        &env,
        "container-rec.service",
        &unit_value(&text, "Service", "ExecStart"),
    );
    let cove = common::cove_bin().display().to_string();
    assert_eq!(
        start,
        [
            cove.as_str(),
            "run",
            "--name",
            "rec",
            "--replace",
            "--rm",
            "-d",
            "--sdnotify=conmon",
            "-e",
            "A=$HOME 50%",
            &img,
            "sh",
            "-c",
            "echo hi"
        ]
    );
}

#[test]
fn the_boot_unit_verifies_and_brings_back_restart_policy_containers() {
    let env = pulled("sd-restart-unit");
    let shipped = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/systemd/user/cove-restart.service"),
    )
    .unwrap();
    // systemd finds a bare `cove` in /usr/local/bin or /usr/bin; the test's build lives
    // elsewhere, so the unit is given its absolute path, as an installer would.
    let text = shipped.replace("=cove ", &format!("={} ", common::cove_bin().display()));
    assert_ne!(text, shipped, "the unit runs cove");
    let unit = env.base.join("units/cove-restart.service");
    std::fs::create_dir_all(unit.parent().unwrap()).unwrap();
    std::fs::write(&unit, &text).unwrap();
    verify(&env, &[unit]);

    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "svc",
        "--restart",
        "always",
        &busybox(),
        "sleep",
        "1000",
    ]);
    env.cove_ok(&["run", "-d", "--name", "once", &busybox(), "sleep", "1000"]);
    env.cove_ok(&[
        "create",
        "--name",
        "never-started",
        "--restart",
        "always",
        &busybox(),
        "sleep",
        "1000",
    ]);
    // A reboot: every process gone, nothing ran cleanup.
    for name in ["svc", "once"] {
        for key in ["{{.State.ConmonPid}}", "{{.State.Pid}}"] {
            let pid: i32 = env
                .cove_ok(&["inspect", "--format", key, name])
                .trim()
                .parse()
                .unwrap();
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    }
    assert!(common::eventually(|| env.cove_ok(&["ps", "-q"]).is_empty()));
    let start = unit_value(&text, "Service", "ExecStart");
    assert_eq!(
        run_line_ok(&env, "cove-restart.service", &start, None),
        "svc\n"
    );
    assert_eq!(status(&env, "svc"), "running");
    assert_eq!(status(&env, "once"), "exited");
    assert_eq!(status(&env, "never-started"), "created");
}
