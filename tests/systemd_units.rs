//! `generate systemd --env/--template/--pod-prefix` next to Podman 4.3's output for the
//! same container, the template's instances running their own containers, and the
//! `PODMAN_SYSTEMD_UNIT` label a unit's container gets, through which `auto-update`
//! restarts the unit.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;

use common::systemd::*;
use common::{busybox, exit_code, pulled, TestEnv};
use cove::systemd::unit::{split_words, Unit};

/// `generate systemd --format json ARGS web`: unit name to text.
fn units(out: &str) -> BTreeMap<String, String> {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The lines Podman and cove write alike: Environment= and Description= (Podman's
/// "Podman " prefix read as cove's "cove "), and the container's `--name` in ExecStart.
fn shared_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with("Environment=") || l.starts_with("Description="))
        .map(|l| l.replace("Description=Podman ", "Description=cove "))
        .collect();
    let start = Unit::parse(text)
        .unwrap()
        .entries("Service")
        .find(|e| e.key == "ExecStart")
        .map(|e| e.value.clone())
        .unwrap_or_default();
    let words = split_words(&start).unwrap();
    if let Some(i) = words.iter().position(|w| w == "--name") {
        lines.push(format!("--name {}", words[i + 1]));
    }
    lines
}

#[test]
fn env_and_template_units_say_what_podmans_say() {
    let env = pulled("sd-flags");
    let img = busybox();
    env.podman_ok(&["pull", "-q", &img]);
    let create = ["create", "--name", "web", "-e", "A=1", &img, "sleep", "600"];
    env.cove_ok(&create);
    env.podman_ok(&create);
    let cases: &[&[&str]] = &[
        &[
            "--env",
            "X=1",
            "-e",
            "P=50%",
            "--env",
            "A=two words",
            "--env",
            "HOME",
            "--env",
            "COVE_TEST_UNSET",
        ],
        &["--new", "-e", "Z=1", "-e", "A=2"],
        &["--template", "--env", "X=1"],
        &["--new", "--template", "--container-prefix", "box"],
    ];
    for flags in cases {
        let mut args = vec!["generate", "systemd", "--name", "--format", "json"];
        args.extend_from_slice(flags);
        args.push("web");
        let ours = units(&env.cove_ok(&args));
        let theirs = units(&env.podman_ok(&args));
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            theirs.keys().collect::<Vec<_>>(),
            "{flags:?}"
        );
        for (name, text) in &ours {
            let mut want = shared_lines(&theirs[name]);
            // Podman 4.3 names an instance `%n-%i`, which is no unit's name
            // (`box-web@1.service-1`): cove's `%n` is the instance's own, which
            // auto-update can restart.
            for l in &mut want {
                if l == "Environment=PODMAN_SYSTEMD_UNIT=%n-%i" {
                    *l = "Environment=PODMAN_SYSTEMD_UNIT=%n".into();
                }
            }
            // Podman keeps --env in a Go map: its Environment= lines come in a random
            // order (cove's follow the flags), so the lines are compared as sets.
            let mut got = shared_lines(text);
            got.sort();
            want.sort();
            assert_eq!(got, want, "{flags:?}:\n{text}");
        }
    }
    // The unit set for the container written by --env HOME is the user's.
    let text = env.cove_ok(&["generate", "systemd", "--env", "HOME", "web"]);
    assert!(
        text.contains(&format!("\nEnvironment=HOME={}\n", env.home.display())),
        "{text}"
    );
}

/// Run a unit's command line as systemd would: with its Environment= set.
fn run_unit_line(env: &TestEnv, unit: &str, text: &str, key: &str, notify: &NotifySocket) {
    let line = unit_value(text, "Service", key);
    let mut words = command(env, unit, &line);
    let assignments: Vec<String> = Unit::parse(text)
        .unwrap()
        .entries("Service")
        .filter(|e| e.key == "Environment")
        .flat_map(|e| command(env, unit, &e.value))
        .collect();
    let socket = format!("NOTIFY_SOCKET={}", notify.path.display());
    let program = words.remove(0);
    let mut args: Vec<&str> = assignments.iter().map(String::as_str).collect();
    args.push(&socket);
    args.push(&program);
    args.extend(words.iter().map(String::as_str));
    let out = env.user_cmd("env", &args).output().unwrap();
    assert!(out.status.success(), "{line}: {}", common::describe(&out));
}

fn label(env: &TestEnv, name: &str) -> String {
    env.cove_ok(&[
        "inspect",
        "--format",
        "{{index .Config.Labels \"PODMAN_SYSTEMD_UNIT\"}}",
        name,
    ])
    .trim()
    .to_string()
}

#[test]
fn template_instances_run_their_own_labelled_containers() {
    let env = pulled("sd-template");
    env.cove_ok(&["create", "--name", "web", &busybox(), "sleep", "600"]);
    let dir = env.base.join("units");
    std::fs::create_dir_all(&dir).unwrap();
    let out = env.cove_ok(&[
        "generate",
        "systemd",
        "--template",
        "--name",
        "--no-header",
        "web",
    ]);
    assert!(
        out.starts_with("[Unit]\nDescription=cove container-web.service for %I\n"),
        "{out}"
    );
    let notify = NotifySocket::new(&env);
    for i in ["1", "2"] {
        let unit = format!("container-web@{i}.service");
        run_unit_line(&env, &unit, &out, "ExecStart", &notify);
        assert_started(&notify, true);
        assert_eq!(label(&env, &format!("web-{i}")), unit);
    }
    let running = env.cove_ok(&["ps", "--format", "{{.Names}}", "--sort", "names"]);
    assert_eq!(running.lines().collect::<Vec<_>>(), ["web-1", "web-2"]);
    run_unit_line(&env, "container-web@1.service", &out, "ExecStop", &notify);
    let running = env.cove_ok(&["ps", "-a", "--format", "{{.Names}}", "--sort", "names"]);
    assert_eq!(running.lines().collect::<Vec<_>>(), ["web", "web-2"]);
    env.cove_ok(&["rm", "-f", "-t0", "web-2"]);
    // A pod gets no units: one line, not "no such container".
    env.cove_ok(&["pod", "create", "--name", "pp"]);
    let (code, err) = env.cove_err(&["generate", "systemd", "--pod-prefix", "pd", "pp"]);
    assert_eq!((code, err.lines().count()), (125, 1), "{err}");
    assert!(err.contains("for a pod is not supported"), "{err}");
}

#[test]
fn auto_update_restarts_the_unit_that_runs_the_container() {
    let env = pulled("sd-autoupdate");
    env.cove_ok(&["tag", &busybox(), "localhost/auunit:latest"]);
    env.cove_ok(&[
        "create",
        "--name",
        "web",
        "--label",
        "io.containers.autoupdate=local",
        "localhost/auunit:latest",
        "sleep",
        "600",
    ]);
    let text = env.cove_ok(&[
        "generate",
        "systemd",
        "--new",
        "--name",
        "--no-header",
        "web",
    ]);
    env.cove_ok(&["rm", "web"]);
    let notify = NotifySocket::new(&env);
    run_unit_line(&env, "container-web.service", &text, "ExecStart", &notify);
    assert_started(&notify, true);
    assert_eq!(label(&env, "web"), "container-web.service");

    // A new image under the container's name; systemctl stands in for the user manager.
    env.cove_ok(&["commit", "-q", "web", "localhost/auunit:latest"]);
    let bin = env.base.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = env.home.join("systemctl.log");
    let script = bin.join("systemctl");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$@\" >> {}\n", log.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display());
    let out = env.cove_env(
        &[("PATH", &path)],
        &[
            "auto-update",
            "--format",
            "{{.Unit}} {{.ContainerName}} {{.Updated}}",
        ],
    );
    assert_eq!(exit_code(&out), 0, "{}", common::describe(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "container-web.service web true\n"
    );
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "--user restart container-web.service\n"
    );
    env.cove_ok(&["rm", "-f", "-t0", "web"]);
}
