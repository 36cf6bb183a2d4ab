//! Living with containers, without a daemon: restart policies carried out by the shim's
//! cleanup, health checks scheduled by the shim, and the event log behind `cove events`.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{busybox, describe, eventually, exit_code, pulled, udp_roundtrip, web_get, TestEnv};

fn field(env: &TestEnv, name: &str, template: &str) -> String {
    env.cove_ok(&["inspect", "--format", template, name])
        .trim()
        .to_string()
}

/// Whether any process still works for the container: its shim (`--cid ID`) or a
/// `container cleanup ID` waiting out a restart back-off.
fn busy(id: &str) -> bool {
    std::fs::read_dir("/proc")
        .map(|d| {
            d.flatten().any(|p| {
                std::fs::read(p.path().join("cmdline"))
                    .map(|c| String::from_utf8_lossy(&c).contains(id))
                    .unwrap_or(false)
            })
        })
        .unwrap_or(false)
}

fn statuses(env: &TestEnv, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["events", "--stream=false", "--format", "{{.Status}}"];
    for f in filters {
        args.extend(["--filter", f]);
    }
    env.cove_ok(&args).lines().map(str::to_string).collect()
}

#[test]
fn on_failure_restarts_exactly_the_allowed_times() {
    let env = pulled("restart-on-failure");
    let id = env
        .cove_ok(&[
            "run",
            "-d",
            "--name",
            "flaky",
            "--restart",
            "on-failure:3",
            &busybox(),
            "sh",
            "-c",
            "echo attempt; exit 3",
        ])
        .trim()
        .to_string();
    assert!(
        eventually(
            || field(&env, "flaky", "{{.RestartCount}} {{.State.Status}}") == "3 exited"
                && !busy(&id)
        ),
        "{}",
        env.cove_ok(&["inspect", "flaky"])
    );
    // Nothing is left to restart it a fourth time.
    assert_eq!(
        field(&env, "flaky", "{{.State.Status}} {{.State.ExitCode}}"),
        "exited 3"
    );
    assert_eq!(
        env.cove_ok(&["logs", "flaky"]).lines().count(),
        4,
        "one run + three restarts"
    );
    assert_eq!(
        field(
            &env,
            "flaky",
            "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}"
        ),
        "on-failure:3"
    );
    let flaky = format!("container={id}");
    assert_eq!(statuses(&env, &[&flaky, "event=start"]).len(), 4);
    assert_eq!(statuses(&env, &[&flaky, "event=restart"]).len(), 3);

    // A command that succeeds is not a failure: no restart.
    env.cove_ok(&[
        "run",
        "--name",
        "fine",
        "--restart",
        "on-failure",
        &busybox(),
        "true",
    ]);
    let fine = env
        .cove_ok(&["inspect", "--format", "{{.Id}}", "fine"])
        .trim()
        .to_string();
    assert!(eventually(|| !busy(&fine)));
    assert_eq!(
        field(&env, "fine", "{{.RestartCount}} {{.State.Status}}"),
        "0 exited"
    );
}

#[test]
fn always_restarts_a_killed_process_and_stop_ends_it() {
    let env = pulled("restart-always");
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
    let pid: i32 = field(&env, "svc", "{{.State.Pid}}").parse().unwrap();
    // The process dies from outside cove (the OOM killer, a stray kill): it comes back.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    assert!(eventually(|| {
        let s = field(
            &env,
            "svc",
            "{{.RestartCount}} {{.State.Status}} {{.State.Pid}}",
        );
        s.starts_with("1 running ") && s != format!("1 running {pid}")
    }));
    let ps = env.cove_ok(&["ps", "--format", "{{.Names}} {{.Status}}"]);
    assert!(ps.starts_with("svc Up "), "{ps}");

    // `stop` is the user's wish: no restart fights it.
    env.cove_ok(&["stop", "-t", "1", "svc"]);
    let id = field(&env, "svc", "{{.Id}}");
    assert!(eventually(|| !busy(&id)));
    assert_eq!(
        field(&env, "svc", "{{.State.Status}} {{.RestartCount}}"),
        "exited 1"
    );

    // `start` by the user counts from zero again; `kill` ends it for good too.
    env.cove_ok(&["start", "svc"]);
    assert_eq!(
        field(&env, "svc", "{{.State.Status}} {{.RestartCount}}"),
        "running 0"
    );
    env.cove_ok(&["kill", "svc"]);
    assert!(eventually(|| !busy(&id)));
    assert_eq!(
        field(&env, "svc", "{{.State.Status}} {{.RestartCount}}"),
        "exited 0"
    );
    // A signal that is a message (HUP: reload) is no stop. Here it ends the process (sleep
    // under --init dies of it), and the policy brings it back.
    env.cove_ok(&[
        "run",
        "-d",
        "--init",
        "--name",
        "hup",
        "--restart",
        "always",
        &busybox(),
        "sleep",
        "1000",
    ]);
    // PID 1 ignores a signal it neither handles nor blocks: send HUP once the init takes
    // it (a signal sent while the init is still being exec'd is lost).
    let pid = field(&env, "hup", "{{.State.Pid}}");
    assert!(eventually(|| init_ready(&pid)), "{pid}");
    env.cove_ok(&["kill", "-s", "HUP", "hup"]);
    assert!(eventually(|| field(
        &env,
        "hup",
        "{{.RestartCount}} {{.State.Status}}"
    ) == "1 running"));
    env.cove_ok(&["rm", "-f", "hup"]);
}

/// Whether the init `pid` (on the host) has started its command: it forks only after it
/// has blocked the signals it forwards, so from then on none is lost.
fn init_ready(pid: &str) -> bool {
    let pid = pid.trim();
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .is_ok_and(|c| !c.trim().is_empty())
}

/// A free port on 127.0.0.1 for `kind` (found by binding it; released before cove binds).
fn free_port(udp: bool) -> u16 {
    let port = if udp {
        std::net::UdpSocket::bind("127.0.0.1:0").and_then(|s| s.local_addr())
    } else {
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|s| s.local_addr())
    };
    port.expect("a free port on 127.0.0.1").port()
}

#[test]
fn a_restarted_container_serves_its_published_ports_again() {
    let env = pulled("restart-ports");
    let image = common::image("web");
    env.cove_ok(&["pull", "-q", &image]);
    let (tcp, udp) = (free_port(false), free_port(true));
    let (tcp_map, udp_map) = (
        format!("127.0.0.1:{tcp}:80"),
        format!("127.0.0.1:{udp}:7/udp"),
    );
    let run = |flag: &str| {
        env.cove_ok(&[
            "run",
            "-d",
            flag,
            "--name",
            "portsvc",
            "-p",
            &tcp_map,
            "-p",
            &udp_map,
            &image,
            "sh",
            "-c",
            "udp-echo 7 & exec httpd -f -p 80 -h /var/www",
        ])
    };
    run("--restart=always");
    let (web, echo) = (format!("127.0.0.1:{tcp}"), format!("127.0.0.1:{udp}"));
    assert_eq!(web_get(&web, "/index.html"), "hello from cove\n");
    assert_eq!(udp_roundtrip(&echo, "127.0.0.1:0", "one"), "127.0.0.1 one");

    // The old shim is still running the exit command that restarts the container: the
    // new one must get the ports all the same.
    let pid: i32 = field(&env, "portsvc", "{{.State.Pid}}").parse().unwrap();
    unsafe { libc::kill(pid, libc::SIGKILL) };
    assert!(
        eventually(|| {
            let s = field(
                &env,
                "portsvc",
                "{{.RestartCount}} {{.State.Status}} {{.State.Pid}}",
            );
            s.starts_with("1 running ") && s != format!("1 running {pid}")
        }),
        "{}",
        env.cove_ok(&["inspect", "portsvc"])
    );
    assert_eq!(web_get(&web, "/index.html"), "hello from cove\n");
    assert_eq!(udp_roundtrip(&echo, "127.0.0.1:0", "two"), "127.0.0.1 two");
    // `restart` starts it as soon as `stop` saw the exit, the old shim still alive too.
    env.cove_ok(&["restart", "-t", "1", "portsvc"]);
    assert_eq!(web_get(&web, "/index.html"), "hello from cove\n");
    assert_eq!(
        udp_roundtrip(&echo, "127.0.0.1:0", "three"),
        "127.0.0.1 three"
    );
    // `run --replace` does not wait for the replaced container's shim either.
    let before = field(&env, "portsvc", "{{.Id}}");
    run("--replace");
    assert_ne!(field(&env, "portsvc", "{{.Id}}"), before);
    assert_eq!(web_get(&web, "/index.html"), "hello from cove\n");
    assert_eq!(
        udp_roundtrip(&echo, "127.0.0.1:0", "four"),
        "127.0.0.1 four"
    );
    env.cove_ok(&["rm", "-f", "portsvc"]);
}

#[test]
fn stop_cancels_a_restart_waiting_for_its_back_off() {
    let env = pulled("restart-cancel");
    let id = crash_looping(&env, "crash");
    // It fails at once every time; the back-off grows, so it is soon caught waiting.
    assert!(eventually(
        || field(&env, "crash", "{{.State.Status}}") == "restarting"
    ));
    // ps says so while it waits (under load it can be caught up between two back-offs).
    let ps = || env.cove_ok(&["ps", "--format", "{{.Names}} {{.Status}}"]);
    assert!(
        eventually(|| ps().starts_with("crash Restarting (1) ")),
        "{}",
        ps()
    );
    env.cove_ok(&["stop", "crash"]);
    let count = field(&env, "crash", "{{.RestartCount}}");
    assert!(eventually(|| !busy(&id)));
    assert_eq!(field(&env, "crash", "{{.State.Status}}"), "exited");
    assert_eq!(
        field(&env, "crash", "{{.RestartCount}}"),
        count,
        "no restart after stop"
    );

    // rm while it waits removes it; the waiting cleanup finds nothing to start.
    crash_looping(&env, "crash2");
    assert!(eventually(
        || field(&env, "crash2", "{{.State.Status}}") == "restarting"
    ));
    // Without -f it is refused, as Docker does: stop it first. (It may be caught
    // running between two back-offs; either way the answer is the same.)
    let (code, err) = env.cove_err(&["rm", "crash2"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot be removed without force"), "{err}");
    env.cove_ok(&["rm", "-f", "crash2"]);
    assert!(eventually(|| !busy("crash2")));
    assert_eq!(
        env.cove_ok(&["ps", "-a", "--format", "{{.Names}}"]),
        "crash\n"
    );

    // `kill` while it waits cancels the restart too (Docker's answer: done, nothing to
    // signal), rather than failing as "not running".
    // Under load it can be caught exited between its exit and the next back-off, where
    // kill has nothing to cancel yet: try again then.
    let id3 = crash_looping(&env, "crash3");
    assert!(eventually(|| {
        field(&env, "crash3", "{{.State.Status}}") == "restarting"
            && env.cove(&["kill", "crash3"]).status.success()
    }));
    assert!(eventually(|| !busy(&id3)));
    assert_eq!(field(&env, "crash3", "{{.State.Status}}"), "exited");
}

/// A `--restart=always` container whose command fails at once, every time: its back-off
/// grows, so it is soon caught restarting. Its ID.
fn crash_looping(env: &TestEnv, name: &str) -> String {
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        name,
        "--restart",
        "always",
        &busybox(),
        "false",
    ])
    .trim()
    .to_string()
}

/// The pid of the `container cleanup ID` process while it sleeps out a back-off.
fn sleeping_restarter(id: &str) -> Option<i32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|p| {
        let cmdline = std::fs::read(p.path().join("cmdline")).ok()?;
        let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
        let ours = args.contains(&&b"cleanup"[..]) && args.contains(&id.as_bytes());
        let wchan = std::fs::read_to_string(p.path().join("wchan")).ok()?;
        (ours && !args.contains(&&b"--cid"[..]) && wchan.contains("nanosleep"))
            .then(|| p.file_name().to_str()?.parse().ok())
            .flatten()
    })
}

#[test]
fn a_restart_whose_waiting_process_died_reads_as_exited() {
    let env = pulled("restart-lost");
    let id = crash_looping(&env, "lost");
    // `wait` reports the first exit, though the policy keeps restarting it.
    assert_eq!(env.cove_ok(&["wait", "lost"]).trim(), "1");
    // Killed asleep in its back-off, as a reboot or an OOM kill would: the restart it
    // promised will not happen, and nothing may claim it still will.
    let mut killed = false;
    assert!(eventually(|| {
        if let Some(pid) = sleeping_restarter(&id) {
            killed = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(pid),
                nix::sys::signal::Signal::SIGKILL,
            )
            .is_ok();
        }
        killed
    }));
    assert!(eventually(|| !busy(&id)));
    assert_eq!(field(&env, "lost", "{{.State.Status}}"), "exited");
    let ps = env.cove_ok(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]);
    assert!(ps.starts_with("lost Exited (1) "), "{ps}");
    // `start --all` as the boot unit runs it brings it back.
    env.cove_ok(&["start", "--all", "--filter", "restart-policy=always"]);
    assert!(eventually(|| field(&env, "lost", "{{.RestartCount}}")
        != "0"
        || field(&env, "lost", "{{.State.Status}}") == "restarting"));
    env.cove_ok(&["rm", "-f", "lost"]);
}

#[test]
fn start_all_boot_brings_back_what_docker_would_and_filters_pick_the_rest() {
    let env = pulled("restart-boot");
    for (name, policy) in [
        ("boot-keep", "always"),
        ("boot-unless", "unless-stopped"),
        ("boot-plain", "no"),
        ("boot-onfail", "on-failure"),
        ("boot-stopped", "unless-stopped"),
    ] {
        env.cove_ok(&[
            "run",
            "-d",
            "--name",
            name,
            "--restart",
            policy,
            &busybox(),
            "sleep",
            "1000",
        ]);
    }
    env.cove_ok(&["stop", "-t", "0", "boot-stopped"]);
    // Created, never started: it was not running when the machine went down.
    env.cove_ok(&[
        "create",
        "--name",
        "boot-created",
        "--restart",
        "always",
        &busybox(),
        "sleep",
        "1000",
    ]);
    // What a reboot does: shims and processes vanish without any cleanup running.
    for name in ["boot-keep", "boot-unless", "boot-plain", "boot-onfail"] {
        let shim: i32 = field(&env, name, "{{.State.ConmonPid}}").parse().unwrap();
        let pid: i32 = field(&env, name, "{{.State.Pid}}").parse().unwrap();
        unsafe {
            libc::kill(shim, libc::SIGKILL);
            libc::kill(pid, libc::SIGKILL);
        }
    }
    assert!(eventually(|| env.cove_ok(&["ps", "-q"]).is_empty()));
    let running = || -> Vec<String> {
        let mut names: Vec<String> = env
            .cove_ok(&["ps", "--format", "{{.Names}}"])
            .lines()
            .map(str::to_string)
            .collect();
        names.sort();
        names
    };
    let sorted = |out: String| -> Vec<String> {
        let mut v: Vec<String> = out.lines().map(str::to_string).collect();
        v.sort();
        v
    };
    // The boot unit's command: always, and unless-stopped unless the user stopped it.
    assert_eq!(
        sorted(env.cove_ok(&["start", "--all", "--boot"])),
        ["boot-keep", "boot-unless"]
    );
    assert_eq!(running(), ["boot-keep", "boot-unless"]);
    // Nothing left to bring back: not an error (the boot unit runs it unconditionally).
    assert_eq!(env.cove_ok(&["start", "--all", "--boot"]), "");
    // A filter alone picks the set, as in Podman: every one of them not running starts,
    // whatever the policy, the user's stop or a start never made.
    assert_eq!(
        env.cove_ok(&["start", "--all", "--filter", "restart-policy=on-failure"]),
        "boot-onfail\n"
    );
    assert_eq!(
        sorted(env.cove_ok(&[
            "start",
            "--all",
            "--filter",
            "restart-policy=always",
            "--filter",
            "restart-policy=unless-stopped",
        ])),
        ["boot-created", "boot-stopped"]
    );
    assert_eq!(
        running(),
        [
            "boot-created",
            "boot-keep",
            "boot-onfail",
            "boot-stopped",
            "boot-unless"
        ]
    );
    let (code, err) = env.cove_err(&["start", "--boot"]);
    assert_eq!(code, 125);
    assert!(err.contains("--all"), "{err}");
    env.cove_ok(&["rm", "-f", "-t", "0", "--all"]);
}

#[test]
fn restart_and_health_flags_reject_bad_values() {
    let env = pulled("restart-bad");
    let img = busybox();
    for (args, wanted) in [
        (vec!["--restart", "sometimes"], "invalid restart policy"),
        (
            vec!["--restart", "always:3"],
            "only on-failure takes a retry count",
        ),
        (vec!["--restart", "on-failure:x"], "retry count"),
        (vec!["--restart", "always", "--rm"], "conflict"),
        (
            vec!["--health-cmd", "true", "--health-interval", "soon"],
            "--health-interval",
        ),
        (
            vec!["--health-cmd", "true", "--health-on-failure", "panic"],
            "--health-on-failure",
        ),
        (vec!["--health-retries", "2"], "need a health check"),
        (
            vec!["--no-healthcheck", "--health-interval", "5s"],
            "--no-healthcheck",
        ),
        (
            vec!["--health-cmd", "true", "--no-healthcheck"],
            "cannot be used with",
        ),
    ] {
        let mut full = vec!["create"];
        full.extend(args.iter().copied());
        full.extend([img.as_str(), "true"]);
        let (code, err) = env.cove_err(&full);
        assert_eq!(code, 125, "{args:?}: {err}");
        assert!(err.contains(wanted), "{args:?}: {err}");
    }
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "", "nothing half-created");
    env.cove_ok(&["run", "-d", "--name", "nocheck", &img, "sleep", "1000"]);
    let (code, err) = env.cove_err(&["healthcheck", "run", "nocheck"]);
    assert_eq!(code, 125);
    assert!(err.contains("has no defined healthcheck"), "{err}");
    let (code, _) = env.cove_err(&["healthcheck", "run", "nosuch"]);
    assert_eq!(code, 125);
    env.cove_ok(&["rm", "-f", "nocheck"]);
}

#[test]
fn health_check_turns_unhealthy_when_it_starts_failing() {
    let env = pulled("health-flip");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "web",
        "--health-cmd",
        "test -f /tmp/ok",
        "--health-interval",
        "1s",
        "--health-retries",
        "2",
        &busybox(),
        "sh",
        "-c",
        "touch /tmp/ok; exec sleep 1000",
    ]);
    let status = || env.cove_ok(&["ps", "--format", "{{.Status}}", "--filter", "name=web"]);
    assert!(status().contains("(health: starting)") || status().contains("(healthy)"));
    assert!(
        eventually(|| status().trim_end().ends_with("(healthy)")),
        "{}",
        status()
    );
    assert_eq!(
        env.cove(&["healthcheck", "run", "web"]).status.code(),
        Some(0)
    );

    env.cove_ok(&["exec", "web", "rm", "/tmp/ok"]);
    assert!(eventually(|| field(
        &env,
        "web",
        "{{.State.Health.Status}}"
    ) == "unhealthy"));
    assert!(status().trim_end().ends_with("(unhealthy)"), "{}", status());
    let out = env.cove(&["healthcheck", "run", "web"]);
    assert_eq!(exit_code(&out), 1, "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "unhealthy\n");
    let streak: u32 = field(&env, "web", "{{.State.Health.FailingStreak}}")
        .parse()
        .unwrap();
    assert!(streak >= 2);
    // The default action is none: it keeps running, unhealthy.
    assert_eq!(
        field(&env, "web", "{{.State.Status}} {{.RestartCount}}"),
        "running 0"
    );
    let health = env.cove_ok(&[
        "events",
        "--stream=false",
        "--filter",
        "event=health_status",
        "--format",
        "{{.Name}} {{.HealthStatus}}",
    ]);
    assert_eq!(health, "web healthy\nweb unhealthy\n");
    assert!(env
        .cove_ok(&[
            "ps",
            "--filter",
            "health=unhealthy",
            "--format",
            "{{.Names}}"
        ])
        .contains("web"));

    // A check that outlives its timeout fails, and says so.
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "slow",
        "--health-cmd",
        "sleep 5",
        "--health-timeout",
        "1s",
        "--health-interval",
        "1h",
        &busybox(),
        "sleep",
        "1000",
    ]);
    let out = env.cove(&["healthcheck", "run", "slow"]);
    assert_eq!(exit_code(&out), 1, "{}", describe(&out));
    let log = field(&env, "slow", "{{json .State.Health.Log}}");
    assert!(log.contains("exceeded timeout"), "{log}");
}

#[test]
fn health_on_failure_restart_restarts_the_container() {
    let env = pulled("health-restart");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "app",
        "--health-cmd",
        "test -f /tmp/ok",
        "--health-interval",
        "1s",
        "--health-retries",
        "1",
        "--health-on-failure",
        "restart",
        &busybox(),
        "sh",
        "-c",
        "touch /tmp/ok; exec sleep 1000",
    ]);
    assert!(eventually(|| field(
        &env,
        "app",
        "{{.State.Health.Status}}"
    ) == "healthy"));
    let pid = field(&env, "app", "{{.State.Pid}}");
    env.cove_ok(&["exec", "app", "rm", "/tmp/ok"]);
    // Unhealthy -> restarted: a new process, which makes itself healthy again.
    assert!(eventually(|| {
        field(
            &env,
            "app",
            "{{.RestartCount}} {{.State.Status}} {{.State.Health.Status}}",
        ) == "1 running healthy"
    }));
    assert_ne!(field(&env, "app", "{{.State.Pid}}"), pid);
    // unhealthy (health_status), then the container dies, restarts and starts again.
    let seen = statuses(&env, &["container=app"]);
    let restart = seen
        .iter()
        .position(|s| s == "restart")
        .expect("a restart event");
    assert_eq!(
        seen[restart - 2..restart],
        ["health_status", "die"],
        "{seen:?}"
    );
    assert_eq!(seen[restart + 1], "start", "{seen:?}");
}

#[test]
fn events_show_a_containers_life_in_order() {
    let env = pulled("events-order");
    let mut follower = env
        .cove_cmd(&["events", "--format", "json", "--filter", "type=container"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let id = env
        .cove_ok(&[
            "create",
            "--name",
            "ev",
            "--label",
            "team=infra",
            &busybox(),
            "sh",
            "-c",
            "exit 3",
        ])
        .trim()
        .to_string();
    env.cove_ok(&["start", "ev"]);
    assert_eq!(env.cove_ok(&["wait", "ev"]), "3\n");
    env.cove_ok(&["rm", "ev"]);

    // The follower sees them as they happen.
    let mut lines = BufReader::new(follower.stdout.take().unwrap()).lines();
    let mut seen: Vec<serde_json::Value> = Vec::new();
    while seen.last().is_none_or(|e| e["Status"] != "remove") {
        let line = lines.next().expect("events ended early").unwrap();
        seen.push(serde_json::from_str(&line).unwrap());
    }
    common::kill_user_program(&mut follower);
    let order: Vec<&str> = seen.iter().map(|e| e["Status"].as_str().unwrap()).collect();
    assert_eq!(order, ["create", "start", "die", "remove"]);
    for e in &seen {
        assert_eq!(e["ID"], id.as_str());
        assert_eq!(e["Name"], "ev");
        assert_eq!(e["Type"], "container");
        assert_eq!(e["Attributes"]["team"], "infra");
    }
    assert_eq!(seen[2]["ContainerExitCode"], 3);

    // The same from the log afterwards, with filters and templates.
    assert_eq!(
        statuses(&env, &["container=ev", "event=die", "event=start"]),
        ["start", "die"]
    );
    let human = env.cove_ok(&["events", "--stream=false", "--filter", "event=die"]);
    let line = human.trim_end();
    assert!(
        line.contains(&format!(" container die {id} (image=")),
        "{human}"
    );
    assert!(
        line.ends_with(", name=ev, exitCode=3, org.cove.test=busybox, team=infra)"),
        "{human}"
    );
    assert_eq!(statuses(&env, &["type=image"]), ["pull"]);
    env.cove_ok(&["tag", &busybox(), "mine:1"]);
    env.cove_ok(&["volume", "create", "data"]);
    env.cove_ok(&["volume", "rm", "data"]);
    assert_eq!(statuses(&env, &["type=image"]), ["pull", "tag"]);
    assert_eq!(
        statuses(&env, &["type=volume", "volume=data"]),
        ["create", "remove"]
    );
    assert!(env
        .cove_ok(&[
            "events",
            "--stream=false",
            "--until",
            "2000-01-01T00:00:00Z"
        ])
        .is_empty());
    assert_eq!(
        env.cove_ok(&[
            "events",
            "--since",
            "10m",
            "--until",
            "0s",
            "--filter",
            "event=create",
            "--filter",
            "type=container",
            "--format",
            "{{.Name}}"
        ]),
        "ev\n",
        "--until in the past ends the stream"
    );
    let (code, err) = env.cove_err(&["events", "--filter", "colour=red"]);
    assert_eq!(code, 125);
    assert!(err.contains("invalid filter key"), "{err}");
    let (code, err) = env.cove_err(&["events", "--since", "yesterday"]);
    assert_eq!(code, 125);
    assert!(err.contains("--since"), "{err}");
}

#[test]
fn the_images_healthcheck_is_used_and_can_be_overridden_or_disabled() {
    let env = TestEnv::new("health-image");
    let img = common::image("healthy");
    env.cove_ok(&["pull", "-q", &img]);
    env.cove_ok(&["run", "-d", "--name", "img", &img]);
    assert_eq!(
        field(&env, "img", "{{json .Config.Healthcheck.Test}}"),
        r#"["CMD-SHELL","test -f /tmp/ready"]"#
    );
    assert!(eventually(|| field(
        &env,
        "img",
        "{{.State.Health.Status}}"
    ) == "healthy"));
    // A flag replaces one field and keeps the image's others.
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "flag",
        "--health-cmd",
        "test -f /nonexistent",
        &img,
    ]);
    assert!(eventually(|| field(
        &env,
        "flag",
        "{{.State.Health.Status}}"
    ) == "unhealthy"));
    assert_eq!(field(&env, "flag", "{{.Config.Healthcheck.Retries}}"), "1");
    env.cove_ok(&["run", "-d", "--name", "off", "--no-healthcheck", &img]);
    assert_eq!(field(&env, "off", "{{json .State.Health}}"), "null");
    let ps = env.cove_ok(&["ps", "--filter", "name=off", "--format", "{{.Status}}"]);
    assert!(!ps.contains("health"), "{ps}");
    env.cove_ok(&["rm", "-f", "img", "flag", "off"]);
}
