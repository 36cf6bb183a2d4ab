//! Podman 4.3's less common `run`/`create` flags, global flags and container-selection
//! flags, carried out for real as the test user: what runs, what it prints, its exit code;
//! and the flags this machine cannot honour, refused with one line and nothing left behind.

mod common;

use common::{busybox, pulled};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The test user's line in the host's /etc/passwd.
fn host_passwd_line() -> String {
    let user = common::test_user();
    std::fs::read_to_string("/etc/passwd")
        .unwrap()
        .lines()
        .find(|l| l.starts_with(&format!("{user}:")))
        .unwrap()
        .to_string()
}

#[test]
fn run_flags_shape_the_process() {
    let env = pulled("more-run");
    let image = busybox();
    // One container: environment merge, NIS domain, OOM score, passwd entries, personality.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--env-merge",
        "PATH=/opt/x:${PATH}",
        "--domainname",
        "example.org",
        "--oom-score-adj",
        "500",
        "--hostuser",
        &common::test_user(),
        "--user",
        "4321",
        "--passwd-entry",
        "$USERNAME:x:$UID:$GID::/:/bin/sh",
        "--personality",
        "LINUX32",
        "--disable-content-trust",
        "--cgroups",
        "disabled",
        "--systemd",
        "false",
        "--seccomp-policy",
        "default",
        "--volume-driver",
        "local",
        &image,
        "sh",
        "-c",
        "echo path=$PATH; echo domain=$(cat /proc/sys/kernel/domainname); \
         echo oom=$(cat /proc/self/oom_score_adj); echo arch=$(uname -m); cat /etc/passwd",
    ]);
    assert!(out.contains("path=/opt/x:/usr/local/sbin:"), "{out}");
    assert!(out.contains("domain=example.org"), "{out}");
    assert!(out.contains("oom=500"), "{out}");
    assert!(out.contains(&host_passwd_line()), "{out}");
    assert!(out.contains("4321:x:4321:0::/:/bin/sh"), "{out}");
    if std::env::consts::ARCH == "x86_64" {
        assert!(out.contains("arch=i686"), "{out}");
    }
    // --passwd=false: cove adds nothing.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--passwd=false",
        "--hostuser",
        &common::test_user(),
        &image,
        "cat",
        "/etc/passwd",
    ]);
    assert!(!out.contains(&host_passwd_line()), "{out}");
}

#[test]
fn timeout_kills_with_podmans_code_and_rmi_takes_the_image() {
    let env = pulled("more-timeout");
    let image = busybox();
    // conmon's "timed out" status: 255, as Podman reports it.
    let (code, err) = env.cove_err(&["run", "--rm", "--timeout", "1", &image, "sleep", "60"]);
    assert_eq!(code, 255, "{err}");
    env.cove_ok(&["run", "--rmi", &image, "true"]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]).trim(), "");
    let out = env.cove(&["image", "exists", &image]);
    assert_eq!(common::exit_code(&out), 1, "{}", common::describe(&out));
}

#[test]
fn attach_chooses_streams() {
    let env = pulled("more-attach");
    let image = busybox();
    let out = env.cove(&[
        "run",
        "--rm",
        "-a",
        "stderr",
        &image,
        "sh",
        "-c",
        "echo to-out; echo to-err >&2",
    ]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(
        !stdout(&out).contains("to-out"),
        "{}",
        common::describe(&out)
    );
    assert!(
        stderr(&out).contains("to-err"),
        "{}",
        common::describe(&out)
    );
    let (code, err) = env.cove_err(&["run", "-a", "nothing", &image, "true"]);
    assert_eq!(code, 125);
    assert!(
        err.contains("invalid stream \"nothing\" for --attach"),
        "{err}"
    );
    let (_, err) = env.cove_err(&["run", "-d", "-a", "stdout", &image, "true"]);
    assert!(err.contains("--detach and --attach"), "{err}");
}

/// The PID of the program a `user_cmd` child runs (runuser forks it).
fn program_pid(child: &std::process::Child) -> Option<i32> {
    let parent = child.id().to_string();
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|p| {
        let stat = std::fs::read_to_string(p.path().join("stat")).ok()?;
        let ppid = stat
            .rsplit_once(')')?
            .1
            .split_whitespace()
            .nth(1)?
            .to_string();
        (ppid == parent)
            .then(|| p.file_name().to_string_lossy().parse().ok())
            .flatten()
    })
}

#[test]
fn sig_proxy_forwards_signals_unless_turned_off() {
    let env = pulled("more-sigproxy");
    let image = busybox();
    let script = "trap 'echo got-term; exit 7' TERM; echo ready; while true; do sleep 0.1; done";
    let run = |name: &str, proxy: &str| {
        let mut cmd = env.cove_cmd(&[
            "run",
            "--name",
            name,
            &format!("--sig-proxy={proxy}"),
            &image,
            "sh",
            "-c",
            script,
        ]);
        cmd.stdout(std::process::Stdio::piped());
        cmd.spawn().unwrap()
    };
    let running = |name: &str| {
        env.cove_ok(&["ps", "--format", "{{.Names}}"])
            .lines()
            .any(|l| l == name)
    };
    let child = run("proxied", "true");
    assert!(common::eventually(|| running("proxied")));
    let pid = program_pid(&child).expect("cove's pid");
    // The shell's trap is set before "ready"; ps shows it running once the shim has it.
    assert!(common::eventually(|| env
        .cove_ok(&["logs", "proxied"])
        .contains("ready")));
    unsafe { libc::kill(pid, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(common::exit_code(&out), 7, "{}", common::describe(&out));
    assert!(
        stdout(&out).contains("got-term"),
        "{}",
        common::describe(&out)
    );

    let mut child = run("unproxied", "false");
    assert!(common::eventually(|| running("unproxied")));
    let pid = program_pid(&child).expect("cove's pid");
    unsafe { libc::kill(pid, libc::SIGTERM) };
    let _ = child.wait();
    // cove went; the container did not get the signal and still runs.
    assert!(running("unproxied"));
    env.cove_ok(&["rm", "-f", "-t", "0", "proxied", "unproxied"]);
}

#[test]
fn requires_starts_first_and_selection_flags() {
    let env = pulled("more-select");
    let image = busybox();
    env.cove_ok(&["create", "--name", "db", &image, "sleep", "1000"]);
    let pidfile = env.base.join("conmon.pid");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "app",
        "--requires",
        "db",
        "--conmon-pidfile",
        pidfile.to_str().unwrap(),
        &image,
        "sleep",
        "1000",
    ]);
    let running = env.cove_ok(&["ps", "--format", "{{.Names}}"]);
    assert!(running.lines().any(|l| l == "db"), "{running}");
    let shim: i32 = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let comm = std::fs::read_to_string(format!("/proc/{shim}/comm")).unwrap();
    assert!(comm.starts_with("cove-conmon"), "{comm}");

    // ps's extra columns.
    let ns = env.cove_ok(&["ps", "--ns"]);
    let header = ns.lines().next().unwrap();
    for col in [
        "PID", "CGROUPNS", "IPC", "MNT", "NET", "PIDNS", "USERNS", "UTS",
    ] {
        assert!(header.contains(col), "{ns}");
    }
    assert!(
        ns.lines().any(|l| l.contains("app")
            && l.split_whitespace()
                .any(|w| w.len() > 8 && w.parse::<u64>().is_ok())),
        "{ns}"
    );
    let sized = env.cove_ok(&["ps", "--size", "--external", "--sync"]);
    assert!(sized.lines().next().unwrap().ends_with("SIZE"), "{sized}");
    let stats = env.cove_ok(&[
        "stats",
        "--no-stream",
        "--no-trunc",
        "--no-reset",
        "--latest",
    ]);
    let app_id = env.cove_ok(&["inspect", "--format", "{{.Id}}", "app"]);
    assert!(stats.contains(app_id.trim()), "{stats}");

    // pause/unpause/restart choose containers as Podman does.
    env.cove_ok(&["pause", "--all"]);
    let paused = env.cove_ok(&["ps", "--filter", "status=paused", "--format", "{{.Names}}"]);
    assert_eq!(paused.lines().count(), 2, "{paused}");
    env.cove_ok(&["unpause", "--filter", "name=db"]);
    env.cove_ok(&["unpause", "--latest"]);
    let up = env.cove_ok(&["ps", "--filter", "status=running", "-q"]);
    assert_eq!(up.lines().count(), 2, "{up}");
    let cid = env.base.join("db.cid");
    let db_id = env.cove_ok(&["inspect", "--format", "{{.Id}}", "db"]);
    env.write_user_file(&cid, db_id.trim());
    let out = env.cove_ok(&["restart", "-t", "0", "--cidfile", cid.to_str().unwrap()]);
    assert_eq!(out.trim(), "db");

    // rm --depend takes the containers that need db with it.
    let (code, _) = env.cove_err(&["rm", "-f", "nosuch"]);
    assert_eq!(code, 1);
    env.cove_ok(&["rm", "-f", "-t", "0", "--depend", "db"]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]).trim(), "");
}

#[test]
fn flags_that_cannot_work_fail_with_one_line() {
    let env = pulled("more-refused");
    let image = busybox();
    let cases: &[(&[&str], &str)] = &[
        (&["--gpus", "all"], "--gpus all: GPUs need"),
        (&["--ip6", "fd00::5"], "IPv4 only"),
        (&["--cgroup-parent", "x"], "--cgroup-parent:"),
        (&["--cgroup-conf", "memory.high=1"], "--cgroup-conf:"),
        (
            &["--device-cgroup-rule", "c 1:3 rwm"],
            "--device-cgroup-rule:",
        ),
        (&["--cgroups", "split"], "--cgroups split"),
        (&["--systemd", "sometimes"], "invalid --systemd"),
        (&["--storage-opt", "size=1G"], "--storage-opt size=1G"),
        (&["--volume-driver", "nfs"], "only the local driver"),
        (&["--use-api-socket"], "--use-api-socket"),
        (&["--seccomp-policy", "image"], "--seccomp-policy"),
        (&["--personality", "PDP11"], "invalid --personality"),
        (&["--image-volume", "nope"], "invalid --image-volume"),
    ];
    for (flags, why) in cases {
        let mut args = vec!["create"];
        args.extend_from_slice(flags);
        args.extend([image.as_str(), "true"]);
        let (code, err) = env.cove_err(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{flags:?}: {err}");
        assert!(
            err.starts_with("Error: ") && err.contains(why),
            "{flags:?}: {err}"
        );
    }
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]).trim(), "");
    // --image-volume ignore and --health-start-interval are accepted and recorded.
    env.cove_ok(&[
        "create",
        "--name",
        "fine",
        "--image-volume",
        "ignore",
        "--health-cmd",
        "true",
        "--health-start-interval",
        "2s",
        "--chrootdirs",
        "/srv",
        &image,
        "true",
    ]);
    let hc = env.cove_ok(&[
        "inspect",
        "--format",
        "{{json .Config.Healthcheck}}",
        "fine",
    ]);
    assert!(hc.contains("\"StartInterval\":2000000000"), "{hc}");
}

#[test]
fn global_flags_and_config_overrides() {
    let env = pulled("more-global");
    let image = busybox();
    // --noout: nothing on stdout, errors still on stderr.
    let out = env.cove(&["--noout", "create", "--name", "quiet", &image, "true"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(stdout(&out), "");
    let (_, err) = env.cove_err(&["--noout", "start", "nosuch"]);
    // Podman's wording for a missing container.
    assert_eq!(
        err.trim(),
        "Error: no container with name or ID \"nosuch\" found: no such container"
    );
    // --events-backend none records nothing; journald is refused.
    env.cove_ok(&["--events-backend", "none", "rm", "quiet"]);
    let events = env.cove_ok(&["events", "--stream=false", "--filter", "event=remove"]);
    assert_eq!(events.trim(), "", "{events}");
    let (code, err) = env.cove_err(&["--events-backend", "journald", "ps"]);
    assert_eq!(code, 125);
    assert!(err.contains("--events-backend journald"), "{err}");
    // --runtime and CONTAINERS_CONF name the runtime new containers get.
    let (_, err) = env.cove_err(&["--runtime", "no-such-rt", "create", &image, "true"]);
    assert!(err.contains("\"no-such-rt\" not found"), "{err}");
    let conf = env.base.join("alt-containers.conf");
    env.write_user_file(&conf, "[engine]\nruntime = \"other-rt\"\n");
    let out = env.cove_env(
        &[("CONTAINERS_CONF", conf.to_str().unwrap())],
        &["create", &image, "true"],
    );
    assert!(
        stderr(&out).contains("\"other-rt\" not found"),
        "{}",
        common::describe(&out)
    );
    // CONTAINERS_STORAGE_CONF: that storage.conf instead of the user's.
    let storage = env.base.join("alt-storage.conf");
    env.write_user_file(&storage, "[storage]\ndriver = \"vfs\"\n");
    let out = env.cove_env(
        &[("CONTAINERS_STORAGE_CONF", storage.to_str().unwrap())],
        &["info", "--format", "{{.Store.GraphDriverName}}"],
    );
    assert_eq!(stdout(&out).trim(), "vfs", "{}", common::describe(&out));
    // CONTAINERS_REGISTRIES_CONF: the user's broken file is not read.
    let good = std::fs::read_to_string(env.registries_conf()).unwrap();
    let alt = env.base.join("alt-registries.conf");
    env.write_user_file(&alt, &good);
    env.write_user_file(&env.registries_conf(), "this is = = not toml");
    let (_, err) = env.cove_err(&["pull", "-q", &image]);
    assert!(err.contains("registries.conf"), "{err}");
    let out = env.cove_env(
        &[("CONTAINERS_REGISTRIES_CONF", alt.to_str().unwrap())],
        &["pull", "-q", &image],
    );
    assert!(out.status.success(), "{}", common::describe(&out));
    // Hooks cove would not run, and storage options it does not know, are refused.
    let hooks = env.base.join("hooks");
    env.sh_ok(&format!(
        "mkdir -p {0} && echo '{{}}' > {0}/h.json",
        hooks.display()
    ));
    let (code, err) = env.cove_err(&["--hooks-dir", hooks.to_str().unwrap(), "ps"]);
    assert_eq!(code, 125);
    assert!(err.contains("does not run OCI hooks"), "{err}");
    let (_, err) = env.cove_err(&["--storage-opt", "overlay.size=1G", "ps"]);
    assert!(err.contains("--storage-opt overlay.size=1G"), "{err}");
    env.cove_ok(&[
        "--runtime-flag",
        "debug",
        "--tmpdir",
        env.run.join("cove").to_str().unwrap(),
        "ps",
    ]);
}

#[test]
fn systemd_always_gives_systemds_tmpfs_and_environment() {
    let env = pulled("more-systemd");
    let image = busybox();
    let script = "awk '$3 == \"tmpfs\" {print $2}' /proc/mounts | sort; echo container=$container";
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--systemd",
        "always",
        &image,
        "sh",
        "-c",
        script,
    ]);
    for dir in ["/run", "/run/lock", "/tmp", "/var/log/journal"] {
        assert!(out.lines().any(|l| l == dir), "{dir} in {out}");
    }
    assert!(out.lines().any(|l| l == "container=podman"), "{out}");
    // A mount or variable of the user's wins; without the flag nothing is added to a
    // command that is not an init.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--systemd",
        "always",
        "-e",
        "container=mine",
        "-v",
        "sdtmp:/tmp",
        &image,
        "sh",
        "-c",
        script,
    ]);
    assert!(!out.lines().any(|l| l == "/tmp"), "{out}");
    assert!(out.lines().any(|l| l == "container=mine"), "{out}");
    let out = env.cove_ok(&["run", "--rm", &image, "sh", "-c", script]);
    assert!(!out.lines().any(|l| l == "/run/lock"), "{out}");
    assert!(out.lines().any(|l| l == "container="), "{out}");
}
