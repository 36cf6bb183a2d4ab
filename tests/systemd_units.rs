//! `generate systemd --env/--template` next to Podman 4.3's output for the same
//! container, a pod's units next to Podman's for the same pod, the template's instances
//! running their own containers, a pod's units running the pod and its containers, and
//! the `PODMAN_SYSTEMD_UNIT` label a unit's container gets, through which `auto-update`
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
    let out = run_in_unit(env, unit, text, &line, Some(notify));
    assert!(out.status.success(), "{line}: {}", common::describe(&out));
}

/// Run `line` of the unit `text` (named `unit`) with the unit's Environment= and, for a
/// Type=notify unit, the socket as NOTIFY_SOCKET.
fn run_in_unit(
    env: &TestEnv,
    unit: &str,
    text: &str,
    line: &str,
    notify: Option<&NotifySocket>,
) -> std::process::Output {
    let mut words = command(env, unit, line);
    let mut assignments: Vec<String> = Unit::parse(text)
        .unwrap()
        .entries("Service")
        .filter(|e| e.key == "Environment")
        .flat_map(|e| command(env, unit, &e.value))
        .collect();
    assignments.extend(notify.map(|n| format!("NOTIFY_SOCKET={}", n.path.display())));
    let program = words.remove(0);
    let mut args: Vec<&str> = assignments.iter().map(String::as_str).collect();
    args.push(&program);
    args.extend(words.iter().map(String::as_str));
    env.user_cmd("env", &args).output().unwrap()
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

/// The IDs of a pod and its containers as one engine made them, to mask in its units.
fn pod_ids(ids: impl Fn(&[&str]) -> String) -> Vec<(String, &'static str)> {
    let pod = ids(&["pod", "inspect", "--format", "{{.Id}}", "p1"]);
    let infra = ids(&["pod", "inspect", "--format", "{{.InfraContainerID}}", "p1"]);
    let c1 = ids(&["inspect", "--format", "{{.Id}}", "c1"]);
    let c2 = ids(&["inspect", "--format", "{{.Id}}", "c2"]);
    let short = pod[..12].to_string();
    // Full IDs first: the pod's short ID (in the infra container's name) is a prefix.
    vec![
        (pod, "POD"),
        (infra, "INFRA"),
        (c1, "C1"),
        (c2, "C2"),
        (short, "POD"),
    ]
}

fn masked(text: &str, ids: &[(String, &str)]) -> String {
    ids.iter().fold(text.to_string(), |t, (id, with)| {
        t.replace(id.as_str(), with)
    })
}

/// A command line from the subcommand on: each engine's own binary and global flags
/// (Podman's `--root`, `--runroot`, ...) are `ENGINE`.
fn comparable_command(line: &str) -> Vec<String> {
    let mut words = split_words(line.strip_prefix('-').unwrap_or(line)).unwrap();
    if words[0] != "/bin/rm" {
        let sub = words
            .iter()
            .position(|w| ["start", "stop", "run", "rm", "pod"].contains(&w.as_str()))
            .unwrap_or_else(|| panic!("no subcommand in {line}"));
        words.splice(..sub, ["ENGINE".to_string()]);
    }
    // cove's units stop a container with `--ignore` (one removed by hand does not fail
    // the stop); Podman 4.3's leave it out of the non-`--new` ExecStop= and ExecStopPost=.
    if words[1] == "stop" {
        words.retain(|w| w != "--ignore");
    }
    words
}

/// A unit's entries as `[Section] Key=value`, in order, with what must differ between
/// Podman and cove masked.
fn comparable(text: &str, ids: &[(String, &str)]) -> Vec<String> {
    let unit = Unit::parse(&masked(text, ids)).unwrap();
    let new_container = text.contains("\nType=notify\n");
    let mut out = Vec::new();
    for section in ["Unit", "Service", "Install"] {
        for e in unit.entries(section) {
            let mut value = e.value.clone();
            match e.key.as_str() {
                // systemd --user has no network-online.target (a system unit): cove's
                // container units leave it out, and `systemd-analyze --user verify`
                // would name it missing.
                "Wants" | "After" if value == "network-online.target" => continue,
                // The member units of --new run a container the way cove's --new
                // container units do (tests/systemd.rs): named, not through a
                // --cidfile, and KillMode=mixed; only ExecStart= is compared.
                "ExecStartPre" | "ExecStop" | "ExecStopPost" | "KillMode" if new_container => {
                    continue
                }
                "Description" => value = value.replace("Podman ", "cove "),
                "Documentation" => value = value.replace("podman-", "cove-"),
                // Each engine's runtime directory.
                "RequiresMountsFor" => value = "RUNDIR".into(),
                // Podman 4.3 writes --restart-sec into the pod's unit alone; cove keeps
                // it in the members' too, as asked.
                "RestartSec" if text.contains("\nBindsTo=") => continue,
                // Podman names its units in its own order.
                "Wants" | "Before" => {
                    let mut units: Vec<&str> = value.split(' ').collect();
                    units.sort();
                    value = units.join(" ");
                }
                "PIDFile" if !value.starts_with("%t/") => {
                    let (_, who) = ids
                        .iter()
                        .find(|(_, who)| value.contains(who))
                        .unwrap_or_else(|| panic!("whose PIDFile is {value}?"));
                    value = format!("STATE/{who}/conmon.pid");
                }
                "ExecStart" if new_container => {
                    // The flags in each engine's order, without Podman's --cidfile and
                    // --cgroups (cove's shim makes no cgroup); the image and its
                    // command last, as given.
                    let mut words = comparable_command(&value);
                    words.retain(|w| !w.starts_with("--cidfile=") && w != "--cgroups=no-conmon");
                    let at = words.len() - 3;
                    words[..at].sort();
                    value = words.join(" ");
                }
                k if k.starts_with("Exec") => value = comparable_command(&value).join(" "),
                _ => {}
            }
            out.push(format!("[{section}] {}={value}", e.key));
        }
    }
    out
}

#[test]
fn pod_units_say_what_podmans_say() {
    let env = pulled("sd-pod-diff");
    let img = busybox();
    env.podman_ok(&["pull", "-q", &img]);
    // Both members end in a two-word command, where comparable() finds the image.
    for args in [
        &["pod", "create", "--name", "p1"][..],
        &[
            "create", "--pod", "p1", "--name", "c1", &img, "sleep", "600",
        ],
        &[
            "create", "--pod", "p1", "--name", "c2", "-e", "X=1", &img, "sleep", "700",
        ],
    ] {
        env.cove_ok(args);
        env.podman_ok(args);
    }
    let ours_ids = pod_ids(|a| env.cove_ok(a).trim().to_string());
    let theirs_ids = pod_ids(|a| env.podman_ok(a).trim().to_string());
    let cases: &[&[&str]] = &[
        &[],
        &["--name"],
        &["--new", "--name"],
        &[
            "--name",
            "--pod-prefix",
            "x",
            "--container-prefix",
            "y",
            "--separator",
            "_",
        ],
        &[
            "--new",
            "--name",
            "-t",
            "5",
            "--restart-sec",
            "3",
            "--start-timeout",
            "9",
            "--env",
            "E=1",
            "--after",
            "a.service",
            "--restart-policy",
            "always",
        ],
    ];
    for flags in cases {
        let mut args = vec!["generate", "systemd", "--format", "json"];
        args.extend_from_slice(flags);
        args.push("p1");
        let ours = units(&env.cove_ok(&args));
        let theirs = units(&env.podman_ok(&args));
        let ours: BTreeMap<String, &String> = ours
            .iter()
            .map(|(k, v)| (masked(k, &ours_ids), v))
            .collect();
        let theirs: BTreeMap<String, &String> = theirs
            .iter()
            .map(|(k, v)| (masked(k, &theirs_ids), v))
            .collect();
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            theirs.keys().collect::<Vec<_>>(),
            "{flags:?}"
        );
        for (name, text) in &ours {
            assert_eq!(
                comparable(text, &ours_ids),
                comparable(theirs[name], &theirs_ids),
                "{flags:?} {name}:\n{text}\nPodman's:\n{}",
                theirs[name]
            );
        }
    }
    // --files: every unit written into the current directory, its path printed.
    let printed = env.cove_ok(&["generate", "systemd", "--files", "--name", "p1"]);
    let mut paths: Vec<&str> = printed.lines().collect();
    paths.sort();
    let dir = env.base.display().to_string();
    assert_eq!(
        paths,
        [
            format!("{dir}/container-c1.service"),
            format!("{dir}/container-c2.service"),
            format!("{dir}/pod-p1.service"),
        ]
    );
    // A pod without an infra container, and --template, refused in Podman's words.
    for args in [
        &["pod", "create", "--name", "bare", "--infra=false"][..],
        &["pod", "create", "--name", "pt"],
    ] {
        env.cove_ok(args);
        env.podman_ok(args);
    }
    for args in [
        &["generate", "systemd", "bare"][..],
        &["generate", "systemd", "--template", "pt"],
    ] {
        let (code, err) = env.cove_err(args);
        let theirs = env.podman(args);
        let theirs_err: Vec<String> = String::from_utf8_lossy(&theirs.stderr)
            .lines()
            .filter(|l| l.starts_with("Error: "))
            .map(String::from)
            .collect();
        assert_eq!((code, err.lines().count()), (125, 1), "{err}");
        assert_eq!(common::exit_code(&theirs), 125);
        assert_eq!(err.trim_end(), theirs_err.join("\n"), "{args:?}");
    }
    // inspect's CreateCommand is the whole command line, as Podman's is; --new replays
    // only a `pod create`, and a pod `kube play` made is refused, as Podman refuses it.
    let recorded = env.cove_ok(&[
        "pod",
        "inspect",
        "--format",
        "{{json .CreateCommand}}",
        "p1",
    ]);
    let recorded: Vec<String> = serde_json::from_str(&recorded).unwrap();
    assert!(recorded[0].ends_with("cove"), "{recorded:?}");
    assert_eq!(
        recorded[recorded.len() - 4..],
        ["pod", "create", "--name", "p1"]
    );
    let yaml = env.home.join("kp.yaml");
    env.write_user_file(
        &yaml,
        &format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kp\nspec:\n  containers:\n  - name: a\n    image: {img}\n    command: [\"sleep\", \"600\"]\n"
        ),
    );
    let yaml = yaml.to_str().unwrap();
    env.cove_ok(&["kube", "play", yaml]);
    env.podman_ok(&["kube", "play", yaml]);
    let args = ["generate", "systemd", "--new", "kp"];
    let (code, err) = env.cove_err(&args);
    let theirs = env.podman(&args);
    let id_of = ["pod", "inspect", "--format", "{{.ID}}", "kp"];
    let ours_id = env.cove_ok(&id_of);
    let theirs_id = env.podman_ok(&id_of);
    assert_eq!((code, err.lines().count()), (125, 1), "{err}");
    assert_eq!(common::exit_code(&theirs), 125);
    assert_eq!(
        err.replace(ours_id.trim(), "ID").trim_end(),
        String::from_utf8_lossy(&theirs.stderr)
            .replace(theirs_id.trim(), "ID")
            .lines()
            .find(|l| l.starts_with("Error: "))
            .unwrap_or_default()
    );
    // Without --new the pod's units start and stop what exists.
    assert!(env
        .cove_ok(&["generate", "systemd", "--name", "kp"])
        .contains("pod-kp.service"));
}

/// Every value of a unit's key, in order.
fn unit_values(text: &str, key: &str) -> Vec<String> {
    Unit::parse(text)
        .unwrap()
        .entries("Service")
        .filter(|e| e.key == key)
        .map(|e| e.value.clone())
        .collect()
}

/// Run a unit's ExecStartPre= and ExecStart= (`start`) or ExecStop= and ExecStopPost=
/// lines in order, as systemd does (a line with `-` may fail); the socket for Type=notify
/// units only.
fn run_unit(env: &TestEnv, unit: &str, text: &str, start: bool, notify: Option<&NotifySocket>) {
    let keys = if start {
        ["ExecStartPre", "ExecStart"]
    } else {
        ["ExecStop", "ExecStopPost"]
    };
    for key in keys {
        for line in unit_values(text, key) {
            let out = run_in_unit(env, unit, text, &line, notify);
            assert!(
                out.status.success() || line.starts_with('-'),
                "{line}: {}",
                common::describe(&out)
            );
        }
    }
}

/// The pod's shim, from the unit's PIDFile= (Type=forking: there once ExecStart returned).
fn assert_pid_file_names_a_shim(env: &TestEnv, unit: &str, text: &str) {
    let path = command(env, unit, &unit_value(text, "Service", "PIDFile")).remove(0);
    let pid = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(process_name(pid.trim()), "cove-conmon", "{path}");
}

fn pod_state(env: &TestEnv) -> String {
    env.cove_ok(&[
        "pod",
        "ps",
        "--format",
        "{{.Name}} {{.Status}} {{.NumberOfContainers}}",
    ])
}

#[test]
fn pod_units_run_the_pod_and_its_containers() {
    let env = pulled("sd-pod-run");
    env.cove_ok(&["pod", "create", "--name", "p1", "--label", "tier=front"]);
    env.cove_ok(&[
        "create",
        "--pod",
        "p1",
        "--name",
        "c1",
        &busybox(),
        "sleep",
        "600",
    ]);
    let notify = NotifySocket::new(&env);
    let generate = |flags: &[&str]| -> Vec<(String, String)> {
        let mut args = vec!["generate", "systemd", "--files", "--name", "--no-header"];
        args.extend_from_slice(flags);
        args.push("p1");
        let printed = env.cove_ok(&args);
        let paths: Vec<std::path::PathBuf> = printed.lines().map(Into::into).collect();
        verify(&env, &paths);
        paths
            .iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(p).unwrap())
            })
            .collect()
    };

    // The existing pod: the pod's unit starts its infra container, the member's unit
    // the member; stopped in the opposite order, the pod stays.
    let units = generate(&[]);
    let names: Vec<&str> = units.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["pod-p1.service", "container-c1.service"]);
    let [(pod_unit, pod_text), (c_unit, c_text)] = &units[..] else {
        unreachable!()
    };
    run_unit(&env, pod_unit, pod_text, true, None);
    assert_pid_file_names_a_shim(&env, pod_unit, pod_text);
    run_unit(&env, c_unit, c_text, true, None);
    assert_pid_file_names_a_shim(&env, c_unit, c_text);
    assert_eq!(pod_state(&env), "p1 Running 2\n");
    run_unit(&env, c_unit, c_text, false, None);
    run_unit(&env, pod_unit, pod_text, false, None);
    assert_eq!(pod_state(&env), "p1 Exited 2\n");

    // --new: the pod is made afresh from its recorded options (the old one removed by
    // hand, as Podman's manual suggests), the member joins it by its ID file; stopped,
    // both are gone. Twice: the second start finds the first's leftovers.
    let units = generate(&["--new"]);
    env.cove_ok(&["pod", "rm", "-f", "p1"]);
    let [(pod_unit, pod_text), (c_unit, c_text)] = &units[..] else {
        unreachable!()
    };
    for _ in 0..2 {
        run_unit(&env, pod_unit, pod_text, true, None);
        assert_pid_file_names_a_shim(&env, pod_unit, pod_text);
        run_unit(&env, c_unit, c_text, true, Some(&notify));
        assert_started(&notify, true);
        assert_eq!(pod_state(&env), "p1 Running 2\n");
        let pod_id = std::fs::read_to_string(env.run.join("pod-p1.pod-id")).unwrap();
        assert_eq!(
            env.cove_ok(&["inspect", "--format", "{{.Pod}} {{.Name}}", "c1"]),
            format!("{} c1\n", pod_id.trim())
        );
        assert_eq!(
            env.cove_ok(&["pod", "inspect", "--format", "{{.Labels.tier}}", "p1"]),
            "front\n"
        );
        assert_eq!(
            label(&env, "c1"),
            "container-c1.service",
            "the member's label names its unit"
        );
    }
    run_unit(&env, c_unit, c_text, false, Some(&notify));
    run_unit(&env, pod_unit, pod_text, false, None);
    assert_eq!(pod_state(&env), "");
    assert_eq!(env.cove_ok(&["ps", "-a", "--format", "{{.Names}}"]), "");
}
