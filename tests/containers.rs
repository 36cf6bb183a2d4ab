//! The container lifecycle as a user sees it, rootless, as the test user, with the
//! built-in runtime and with runc (`--runtime runc`): the same assertions for both.

mod common;

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use common::{busybox, describe, eventually, exit_code, TestEnv};

/// The built-in runtime (None) and runc. `COVE_TEST_RUNTIMES=runc` (or `builtin`)
/// narrows the suite to one while debugging.
fn runtimes() -> Vec<Option<&'static str>> {
    match std::env::var("COVE_TEST_RUNTIMES").as_deref() {
        Ok("runc") => vec![Some("runc")],
        Ok("builtin") => vec![None],
        _ => vec![None, Some("runc")],
    }
}

/// The runtime for single-runtime tests: the built-in one unless narrowed to runc.
fn default_runtime() -> Option<&'static str> {
    runtimes()[0]
}

/// `cove run [--runtime R] ARGS...`
fn run_args<'a>(runtime: Option<&'a str>, rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["run"];
    if let Some(r) = runtime {
        v.extend(["--runtime", r]);
    }
    v.extend_from_slice(rest);
    v
}

fn pulled(name: &str) -> TestEnv {
    let env = TestEnv::new(name);
    if let Some(rt) = default_runtime() {
        // containers.conf picks the runtime for every command that does not name one.
        let conf = env.config.join("containers/containers.conf");
        env.write_user_file(&conf, &format!("[engine]\nruntime = \"{rt}\"\n"));
    }
    env.cove_ok(&["pull", "-q", &busybox()]);
    env
}

#[test]
fn run_prints_output_and_passes_exit_codes() {
    for rt in runtimes() {
        let env = pulled("run-basic");
        let img = busybox();
        let out = env.cove_ok(&run_args(rt, &["--rm", &img, "echo", "hi"]));
        assert_eq!(out, "hi\n", "runtime {rt:?}");
        // --rm: nothing left behind
        assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "", "runtime {rt:?}");

        let out = env.cove(&run_args(rt, &["--rm", &img, "sh", "-c", "exit 3"]));
        assert_eq!(exit_code(&out), 3, "runtime {rt:?}: {}", describe(&out));

        let out = env.cove(&run_args(rt, &["--rm", &img, "no-such-command"]));
        assert_eq!(exit_code(&out), 127, "runtime {rt:?}: {}", describe(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("Error: ")
                && err.contains("exec: \"no-such-command\": executable file not found in $PATH"),
            "runtime {rt:?}: {err}"
        );
        // As Podman: a missing command fails the start, -d included, and the container
        // stays Created.
        let out = env.cove(&run_args(rt, &["-d", "--name", "gone", &img, "/no/such"]));
        assert_eq!(exit_code(&out), 127, "runtime {rt:?}: {}", describe(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("stat /no/such: no such file or directory"),
            "runtime {rt:?}: {err}"
        );
        let status = [
            "ps",
            "-a",
            "--filter",
            "name=gone",
            "--format",
            "{{.Status}}",
        ];
        assert_eq!(env.cove_ok(&status).trim(), "Created", "runtime {rt:?}");
        env.cove_ok(&["rm", "gone"]);

        // stdout and stderr stay apart
        let out = env.cove(&run_args(
            rt,
            &["--rm", &img, "sh", "-c", "echo out; echo err >&2"],
        ));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "out\n");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "err\n");
    }
}

#[test]
fn container_sees_mapped_ids_and_its_config() {
    for rt in runtimes() {
        let env = pulled("run-ids");
        let img = busybox();
        let uid = common::test_user_ids().0;
        let out = env.cove_ok(&run_args(rt, &["--rm", &img, "cat", "/proc/self/uid_map"]));
        let lines: Vec<Vec<&str>> = out
            .lines()
            .map(|l| l.split_whitespace().collect())
            .collect();
        assert_eq!(lines[0], vec!["0", &uid.to_string(), "1"], "{out}");
        assert_eq!(lines[1][0], "1", "{out}");
        assert_eq!(lines[1][2], "65536", "{out}");

        let out = env.cove_ok(&run_args(
            rt,
            &[
                "--rm",
                "-e",
                "GREETING=hello",
                "-w",
                "/tmp",
                "-u",
                "web",
                "--hostname",
                "box",
                &img,
                "sh",
                "-c",
                "echo $GREETING; pwd; id -u; id -g; hostname",
            ],
        ));
        assert_eq!(out, "hello\n/tmp\n1000\n1000\nbox\n", "runtime {rt:?}");
    }
}

#[test]
fn detached_container_logs_stop_rm() {
    for rt in runtimes() {
        let env = pulled("run-detached");
        let img = busybox();
        let id = env.cove_ok(&run_args(
            rt,
            &[
                "-d",
                "--name",
                "web",
                &img,
                "sh",
                "-c",
                "echo started; trap 'echo bye; exit 0' TERM; while true; do sleep 0.1; done",
            ],
        ));
        let id = id.trim().to_string();
        assert_eq!(id.len(), 64, "{id}");
        let ps = env.cove_ok(&["ps"]);
        assert!(ps.starts_with("CONTAINER ID"), "{ps}");
        let row = ps.lines().nth(1).unwrap_or_default();
        assert!(
            row.starts_with(&id[..12]) && row.contains("Up") && row.ends_with("web"),
            "{ps}"
        );
        assert!(eventually(|| env.cove_ok(&["logs", "web"]) == "started\n"));

        let pid = env.cove_ok(&["inspect", "--format", "{{.State.Pid}}", "web"]);
        assert!(pid.trim().parse::<i32>().unwrap() > 0, "{pid}");

        // Name clash: a clear error, the first container untouched.
        let (code, err) = env.cove_err(&run_args(rt, &["-d", "--name", "web", &img, "true"]));
        assert_eq!(code, 125);
        assert!(err.contains("already in use"), "{err}");

        // rm without -f refuses a running container (Podman's exit 2)
        let (code, err) = env.cove_err(&["rm", "web"]);
        assert_eq!(code, 2, "{err}");

        assert_eq!(env.cove_ok(&["stop", "web"]), "web\n");
        let status = env.cove_ok(&[
            "inspect",
            "--format",
            "{{.State.Status}} {{.State.ExitCode}}",
            "web",
        ]);
        assert_eq!(status.trim(), "exited 0");
        assert_eq!(env.cove_ok(&["logs", "web"]), "started\nbye\n");
        let ps = env.cove_ok(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]);
        assert!(ps.starts_with("web Exited (0)"), "{ps}");
        assert_eq!(env.cove_ok(&["ps", "-q"]), "");

        assert_eq!(env.cove_ok(&["rm", "web"]), "web\n");
        assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
        let (code, _) = env.cove_err(&["rm", "web"]);
        assert_eq!(code, 1);
    }
}

#[test]
fn wait_kill_start_and_logs_options() {
    let env = pulled("run-wait");
    let img = busybox();
    env.cove_ok(&[
        "create",
        "--name",
        "c",
        &img,
        "sh",
        "-c",
        "echo one; echo two; exit 7",
    ]);
    let st = env.cove_ok(&["ps", "-a", "--format", "{{.State}}"]);
    assert_eq!(st, "created\n");
    env.cove_ok(&["start", "c"]);
    assert_eq!(env.cove_ok(&["wait", "c"]), "7\n");
    assert_eq!(env.cove_ok(&["logs", "--tail", "1", "c"]), "two\n");
    let ts = env.cove_ok(&["logs", "-t", "c"]);
    assert!(
        ts.lines().all(|l| l.contains("T") && l.contains("Z ")),
        "{ts}"
    );
    // started again: the log grows
    env.cove_ok(&["start", "c"]);
    assert_eq!(env.cove_ok(&["wait", "c"]), "7\n");
    assert_eq!(env.cove_ok(&["logs", "c"]), "one\ntwo\none\ntwo\n");
    let filtered = env.cove_ok(&["ps", "-a", "--filter", "exited=7", "-q"]);
    assert_eq!(filtered.lines().count(), 1);

    env.cove_ok(&["run", "-d", "--name", "k", &img, "sleep", "1000"]);
    env.cove_ok(&["kill", "k"]);
    assert_eq!(env.cove_ok(&["wait", "k"]), "137\n");
    // Podman's words and exit code for a container that is not running.
    let (code, err) = env.cove_err(&["kill", "k"]);
    assert_eq!(code, 125);
    assert!(
        err.starts_with("Error: can only kill running containers. ")
            && err.ends_with(" is in state exited: container state improper\n"),
        "{err}"
    );

    // Real-time signals, as systemd images stop: sent by kill, forwarded by --init, used
    // by stop.
    let trap = "trap 'echo got 37; exit 5' 37; echo ready; while :; do sleep 0.1; done";
    env.cove_ok(&["run", "-d", "--name", "rt", &img, "sh", "-c", trap]);
    assert!(eventually(|| env.cove_ok(&["logs", "rt"]) == "ready\n"));
    env.cove_ok(&["kill", "-s", "RTMIN+3", "rt"]);
    assert_eq!(env.cove_ok(&["wait", "rt"]), "5\n");
    assert_eq!(env.cove_ok(&["logs", "rt"]), "ready\ngot 37\n");
    let (code, err) = env.cove_err(&["create", "--stop-signal", "RTMIN+99", &img]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("invalid --stop-signal"), "{err}");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "sd",
        "--init",
        "--stop-signal",
        "RTMIN+3",
        &img,
        "sleep",
        "1000",
    ]);
    let shown = env.cove_ok(&["inspect", "--format", "{{.Config.StopSignal}}", "sd"]);
    assert_eq!(shown, "SIGRTMIN+3\n");
    env.cove_ok(&["stop", "-t", "600", "sd"]);
    // 128 + 37: the stop signal ended sleep, no SIGKILL after the timeout was needed.
    let code = env.cove_ok(&["inspect", "--format", "{{.State.ExitCode}}", "sd"]);
    assert_eq!(code, "165\n");
    env.cove_ok(&["rm", "-a"]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
}

#[test]
fn interactive_stdin_and_tty() {
    let env = pulled("run-it");
    let img = busybox();
    let mut child = env
        .cove_cmd(&[
            "run",
            "--rm",
            "-i",
            &img,
            "sh",
            "-c",
            "read line; echo got:$line",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"hello\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "got:hello\n",
        "{}",
        describe(&out)
    );

    // A real pty: `script` gives cove a terminal; the shell answers at its prompt.
    let cove = common::cove_bin();
    let cmd = format!("{} run --rm -it {img} sh", cove.display());
    let mut child = env
        .user_cmd("/usr/bin/script", &["-qfec", &cmd, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    stdin.write_all(b"tty; echo marker-$((40+2))\n").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    stdin.write_all(b"exit 5\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("marker-42"), "{}", describe(&out));
    assert!(text.contains("/dev/pts/"), "no tty inside: {text}");
}

#[test]
fn resource_limits_fail_clearly() {
    let env = pulled("run-limits");
    let (code, err) = env.cove_err(&["run", "--rm", "--memory", "64m", &busybox(), "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("--memory") && err.contains("cgroup"), "{err}");
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
}

#[test]
fn bad_input_is_refused() {
    let env = pulled("run-bad");
    let img = busybox();
    let (code, err) = env.cove_err(&["run", "--no-such-flag", &img]);
    assert_eq!(code, 125, "{err}");
    let (code, err) = env.cove_err(&["run", "--name", "bad name", &img, "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("invalid container name"), "{err}");
    let (code, err) = env.cove_err(&["run", "--pull=never", "127.0.0.1:1/nope:latest", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("image not known"), "{err}");
    let (code, err) = env.cove_err(&["run", "--runtime", "no-such-runtime", &img, "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("no-such-runtime"), "{err}");
    // Podman's exit code for no such container (only `rm` says 1).
    let (code, _) = env.cove_err(&["logs", "ghost"]);
    assert_eq!(code, 125);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
}

#[test]
fn twenty_concurrent_runs_get_distinct_names_and_ids() {
    let env = pulled("run-20");
    let img = busybox();
    let children: Vec<_> = (0..20)
        .map(|_| {
            env.cove_cmd(&["run", "-d", &img, "sleep", "1000"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ids = Vec::new();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", describe(&out));
        ids.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 20);
    let names = env.cove_ok(&["ps", "--format", "{{.Names}}"]);
    let mut names: Vec<&str> = names.lines().collect();
    assert_eq!(names.len(), 20, "{names:?}");
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 20);
    env.cove_ok(&["rm", "-f", "-a"]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
}

#[test]
fn killed_shim_and_killed_cli_leave_a_usable_store() {
    let env = pulled("run-crash");
    let img = busybox();
    env.cove_ok(&["run", "-d", "--name", "victim", &img, "sleep", "1000"]);
    let conmon = env.cove_ok(&["inspect", "--format", "{{.State.ConmonPid}}", "victim"]);
    let conmon: i32 = conmon.trim().parse().unwrap();
    assert!(conmon > 0);
    unsafe { libc::kill(conmon, libc::SIGKILL) };
    // The store still answers, rm -f ends the orphaned container, a new run works.
    env.cove_ok(&["ps", "-a"]);
    env.cove_ok(&["rm", "-f", "victim"]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert_eq!(env.cove_ok(&["run", "--rm", &img, "echo", "ok"]), "ok\n");

    // SIGKILL the CLI in the middle of `run -d`, a few times at different moments.
    for delay_ms in [5u64, 30, 80] {
        let mut child = env
            .cove_cmd(&["run", "-d", &img, "sleep", "1000"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        common::kill_user_program(&mut child);
    }
    env.cove_ok(&["ps", "-a"]);
    env.cove_ok(&["rm", "-f", "-a"]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert_eq!(env.cove_ok(&["run", "--rm", &img, "echo", "ok"]), "ok\n");
}

#[test]
fn after_a_reboot_containers_show_exited_and_start_again() {
    let env = pulled("run-reboot");
    let img = busybox();
    env.cove_ok(&["run", "-d", "--name", "svc", &img, "sleep", "1000"]);
    // A reboot: every process gone, the runtime dir (tmpfs) wiped.
    let pause = env.pause_pid().expect("pause process");
    let conmon: i32 = env
        .cove_ok(&["inspect", "--format", "{{.State.ConmonPid}}", "svc"])
        .trim()
        .parse()
        .unwrap();
    let pid: i32 = env
        .cove_ok(&["inspect", "--format", "{{.State.Pid}}", "svc"])
        .trim()
        .parse()
        .unwrap();
    for p in [conmon, pid, pause] {
        unsafe { libc::kill(p, libc::SIGKILL) };
    }
    assert!(eventually(|| !std::path::Path::new(&format!(
        "/proc/{pid}"
    ))
    .exists()
        || std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| s.contains(") Z "))
            .unwrap_or(true)));
    std::process::Command::new("rm")
        .arg("-rf")
        .arg(env.run.join("cove"))
        .status()
        .unwrap();
    let ps = env.cove_ok(&["ps", "-a", "--format", "{{.Names}} {{.State}}"]);
    assert_eq!(ps, "svc exited\n");
    env.cove_ok(&["start", "svc"]);
    let ps = env.cove_ok(&["ps", "--format", "{{.Names}} {{.State}}"]);
    assert_eq!(ps, "svc running\n");
    env.cove_ok(&["rm", "-f", "svc"]);
}

#[test]
fn named_volumes_keep_data_and_copy_up_image_content() {
    let env = pulled("run-volumes");
    let img = busybox();
    // First use creates the volume and copies the image's /var/www into it.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "-v",
        "site:/var/www",
        &img,
        "sh",
        "-c",
        "cat /var/www/index.html; echo more > /var/www/extra",
    ]);
    assert_eq!(out, "hello from cove\n");
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), "site\n");
    // The container is gone; the data is not.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "-v",
        "site:/srv:ro",
        &img,
        "cat",
        "/srv/extra",
    ]);
    assert_eq!(out, "more\n");
    let (code, err) = env.cove_err(&[
        "run",
        "--rm",
        "-v",
        "site:/srv:ro",
        &img,
        "sh",
        "-c",
        "echo x > /srv/extra",
    ]);
    assert_ne!(code, 0, "{err}");

    // In use: rm refuses (exit 2) and keeps the data.
    env.cove_ok(&[
        "create",
        "--name",
        "holder",
        "-v",
        "site:/data",
        &img,
        "true",
    ]);
    let (code, err) = env.cove_err(&["volume", "rm", "site"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("holder"), "{err}");
    env.cove_ok(&["rm", "-v", "holder"]);
    assert_eq!(
        env.cove_ok(&["volume", "ls", "-q"]),
        "site\n",
        "rm -v removed a named volume"
    );
    let mountpoint = env.cove_ok(&["volume", "inspect", "--format", "{{.Mountpoint}}", "site"]);
    assert!(
        mountpoint.trim().ends_with("/volumes/site/_data"),
        "{mountpoint}"
    );
    env.cove_ok(&["volume", "rm", "site"]);
    let (code, _) = env.cove_err(&["volume", "inspect", "site"]);
    assert_eq!(code, 1);

    // Bind mounts: a missing host path is a clear error.
    let (code, err) = env.cove_err(&["run", "--rm", "-v", "/no/such/dir:/x", &img, "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("/no/such/dir"), "{err}");
    let host = env.home.join("shared");
    env.sh_ok(&format!(
        "mkdir {0} && echo from-host > {0}/f",
        host.display()
    ));
    let spec = format!("{}:/mnt", host.display());
    let out = env.cove_ok(&["run", "--rm", "-v", &spec, &img, "cat", "/mnt/f"]);
    assert_eq!(out, "from-host\n");
}

#[test]
fn exec_runs_in_the_container() {
    let env = pulled("run-exec");
    let img = busybox();
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "box",
        "-e",
        "FROM_RUN=1",
        &img,
        "sleep",
        "1000",
    ]);
    let out = env.cove_ok(&[
        "exec",
        "box",
        "sh",
        "-c",
        "echo $FROM_RUN; hostname; cat /proc/1/cmdline | tr '\\0' ' '",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "1");
    assert_eq!(lines[2].trim(), "sleep 1000", "{out}");
    let out = env.cove(&["exec", "box", "sh", "-c", "exit 4"]);
    assert_eq!(exit_code(&out), 4);
    let out = env.cove(&["exec", "box", "no-such-command"]);
    assert_eq!(exit_code(&out), 127, "{}", describe(&out));
    let out = env.cove_ok(&[
        "exec",
        "-u",
        "web",
        "-w",
        "/tmp",
        "-e",
        "X=y",
        "box",
        "sh",
        "-c",
        "id -u; pwd; echo $X",
    ]);
    assert_eq!(out, "1000\n/tmp\ny\n");
    env.cove_ok(&["stop", "-t", "0", "box"]);
    // Podman's exit code and words for an exec into a stopped container.
    let (code, err) = env.cove_err(&["exec", "box", "true"]);
    assert_eq!(code, 255, "{err}");
    assert_eq!(
        err,
        "Error: can only create exec sessions on running containers: container state improper\n"
    );
    env.cove_ok(&["rm", "box"]);
}

#[test]
fn keep_id_runs_as_the_users_own_uid() {
    for rt in runtimes() {
        let env = pulled("run-keepid");
        let img = busybox();
        let (uid, gid) = common::test_user_ids();
        let out = env.cove_ok(&run_args(
            rt,
            &[
                "--rm",
                "--userns=keep-id",
                &img,
                "sh",
                "-c",
                "id -u; id -g; touch /tmp/f && stat -c %u /tmp/f",
            ],
        ));
        assert_eq!(out, format!("{uid}\n{gid}\n{uid}\n"), "runtime {rt:?}");
        // exec joins the container's user namespace too.
        env.cove_ok(&run_args(
            rt,
            &[
                "-d",
                "--name",
                "k",
                "--userns=keep-id",
                &img,
                "sleep",
                "1000",
            ],
        ));
        assert_eq!(env.cove_ok(&["exec", "k", "id", "-u"]), format!("{uid}\n"));
        env.cove_ok(&["rm", "-f", "k"]);
    }
}

#[test]
fn init_ulimit_shm_mount_and_seccomp_flags() {
    let env = pulled("run-flags");
    let img = busybox();
    // --init: PID 1 is cove-init, the command its child; exit codes pass through.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--init",
        &img,
        "sh",
        "-c",
        "cat /proc/1/cmdline | tr '\\0' ' '; echo",
    ]);
    assert!(out.starts_with("/run/cove-init -- sh"), "{out}");
    let out = env.cove(&["run", "--rm", "--init", &img, "sh", "-c", "exit 9"]);
    assert_eq!(exit_code(&out), 9, "{}", describe(&out));

    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--ulimit",
        "nofile=512:1024",
        &img,
        "sh",
        "-c",
        "ulimit -n; ulimit -Hn",
    ]);
    assert_eq!(out, "512\n1024\n");
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--shm-size",
        "2m",
        &img,
        "df",
        "-k",
        "/dev/shm",
    ]);
    assert!(out.contains(" 2048 "), "{out}");
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--mount",
        "type=tmpfs,target=/scratch",
        &img,
        "sh",
        "-c",
        "mount | grep /scratch",
    ]);
    assert!(out.contains("tmpfs on /scratch"), "{out}");

    // A filter is on by default (what it refuses: tests/confinement.rs next to Podman;
    // Docker-format profiles: tests/seccomp_profiles.rs); unconfined has none.
    let status = env.cove_ok(&["run", "--rm", &img, "grep", "Seccomp:", "/proc/self/status"]);
    assert!(status.contains('2'), "{status}");
    let profile = env.home.join("seccomp.json");
    env.write_user_file(
        &profile,
        r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}"#,
    );
    let opt = format!("seccomp={}", profile.display());
    let (code, err) = env.cove_err(&[
        "run",
        "--rm",
        "--security-opt",
        &opt,
        &img,
        "mkdir",
        "/tmp/x",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("not permitted"), "{err}");
    let status = env.cove_ok(&[
        "run",
        "--rm",
        "--security-opt",
        "seccomp=unconfined",
        &img,
        "grep",
        "Seccomp:",
        "/proc/self/status",
    ]);
    assert!(status.contains('0'), "{status}");
}

#[test]
fn cp_copies_both_ways_with_docker_rules() {
    let env = pulled("cp");
    let img = busybox();
    env.cove_ok(&["run", "-d", "--name", "box", &img, "sleep", "1000"]);
    // A host tree owned by the user: a file, a subdirectory, a relative symlink.
    env.sh_ok(
        "mkdir -p site/sub && printf hello > site/index.html && printf s > site/sub/x \
         && ln -s index.html site/link && chmod 640 site/sub/x",
    );
    let site = env.base.join("site");
    let site = site.to_str().unwrap();

    // Host dir -> new path in the container: created under that name, owned by root.
    env.cove_ok(&["cp", site, "box:/srv"]);
    let ls = env.cove_ok(&[
        "exec",
        "box",
        "sh",
        "-c",
        "cat /srv/link /srv/sub/x; stat -c '%U %a' /srv/sub/x",
    ]);
    assert_eq!(ls, "hellosroot 640\n");
    // SRC/. copies the content into an existing directory.
    env.cove_ok(&["cp", &format!("{site}/."), "box:/var/www"]);
    assert_eq!(env.cove_ok(&["exec", "box", "cat", "/var/www/sub/x"]), "s");

    // Container -> host, into an existing dir and to a new name; owned by the user.
    let out = env.base.join("out");
    env.sh_ok(&format!("mkdir {}", out.display()));
    env.cove_ok(&["cp", "box:/etc/passwd", out.to_str().unwrap()]);
    env.cove_ok(&["cp", "box:/srv", &format!("{}/srvcopy", out.display())]);
    let listing = env.sh_ok(&format!(
        "cd {} && head -c 5 passwd && echo && cat srvcopy/sub/x && echo && readlink srvcopy/link && stat -c %u passwd",
        out.display()
    ));
    let (uid, _) = common::test_user_ids();
    assert_eq!(listing, format!("root:\ns\nindex.html\n{uid}\n"));

    // A stopped container is copied from too (its filesystem is mounted for the copy).
    env.cove_ok(&["stop", "-t", "0", "box"]);
    env.cove_ok(&[
        "cp",
        "box:/srv/index.html",
        &format!("{}/after", out.display()),
    ]);
    assert_eq!(std::fs::read_to_string(out.join("after")).unwrap(), "hello");

    // A symlink in the container cannot send a copy outside it.
    env.cove_ok(&["start", "box"]);
    env.cove_ok(&["exec", "box", "ln", "-s", "/", "/escape"]);
    env.cove_ok(&["cp", site, "box:/escape/tmp/x"]);
    assert!(!std::path::Path::new("/tmp/x/index.html").exists());
    assert_eq!(
        env.cove_ok(&["exec", "box", "cat", "/tmp/x/index.html"]),
        "hello"
    );

    // Errors: missing source, missing destination parent, no container, unknown container.
    for (args, needle) in [
        (vec!["cp", "box:/nope", out.to_str().unwrap()], "/nope"),
        (
            vec!["cp", site, "box:/no/such/dir/x"],
            "could not be found on container box",
        ),
        (
            vec!["cp", site, out.to_str().unwrap()],
            "name or ID cannot be empty",
        ),
        (vec!["cp", "ghost:/etc", out.to_str().unwrap()], "ghost"),
    ] {
        let (code, err) = env.cove_err(&args);
        assert_eq!(code, 125, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    env.cove_ok(&["rm", "-f", "box"]);
}

#[test]
fn anonymous_volumes_and_chown_with_u() {
    let env = pulled("run-anon-volumes");
    // An image with a VOLUME, made with commit --change.
    env.cove_ok(&["create", "--name", "base", &busybox(), "true"]);
    env.cove_ok(&[
        "commit",
        "-q",
        "--change",
        "VOLUME /cache",
        "base",
        "withvol",
    ]);
    env.cove_ok(&["rm", "base"]);

    env.cove_ok(&[
        "run",
        "--name",
        "a",
        "withvol",
        "sh",
        "-c",
        "echo kept > /cache/f",
    ]);
    let vols = env.cove_ok(&["volume", "ls", "-q"]);
    assert_eq!(vols.lines().count(), 1, "one anonymous volume: {vols}");
    let anon = vols.trim().to_string();
    assert_eq!(
        anon.len(),
        64,
        "anonymous volumes get a 64-hex name: {anon}"
    );
    let mounts = env.cove_ok(&["inspect", "--format", "{{json .Mounts}}", "a"]);
    assert!(
        mounts.contains(&anon) && mounts.contains("/cache"),
        "{mounts}"
    );
    // rm without -v keeps it (with its data), rm -v of another container takes its own.
    env.cove_ok(&["rm", "a"]);
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), format!("{anon}\n"));
    env.cove_ok(&["run", "--name", "b", "withvol", "true"]);
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]).lines().count(), 2);
    env.cove_ok(&["rm", "-v", "b"]);
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), format!("{anon}\n"));
    // --rm removes the anonymous volume with the container.
    env.cove_ok(&["run", "--rm", "withvol", "true"]);
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), format!("{anon}\n"));

    // :U gives a host directory to the container's user (web, uid 1000 inside).
    let dir = env.home.join("owned");
    env.sh_ok(&format!(
        "mkdir -p {0}/sub && echo x > {0}/sub/f",
        dir.display()
    ));
    let spec = format!("{}:/data:U", dir.display());
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "-u",
        "web",
        "-v",
        &spec,
        &busybox(),
        "sh",
        "-c",
        "stat -c '%u %g' /data/sub/f && echo w > /data/new && echo ok",
    ]);
    assert_eq!(out, "1000 1000\nok\n");
    // On the host that is the subordinate id for 1000.
    use std::os::unix::fs::MetadataExt;
    let host_uid = std::fs::metadata(dir.join("new")).unwrap().uid();
    let sub_start: u32 = env
        .cove_ok(&["unshare", "cat", "/proc/self/uid_map"])
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(host_uid, sub_start + 999);
}
