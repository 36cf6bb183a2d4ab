//! Confinement next to Podman: the probe (tests/probe/confinement.c) run inside
//! containers by `cove run` and `cove exec`, and by `podman run`, as the same user.
//! cove must deny at least everything Podman denies. Every way a process starts in a
//! container (init, exec, health check; cove-runtime or runc) gets the same confinement.

mod common;

use std::collections::BTreeMap;

use common::probe;
use common::TestEnv;

#[test]
fn cove_denies_at_least_what_podman_denies_under_run_and_exec() {
    let env = TestEnv::new("confinement");
    let img = common::image("one");
    let mount = format!("{}:/probe:ro", common::probe_bin());
    env.cove_ok(&["pull", "-q", &img]);
    env.podman_ok(&["pull", "-q", &img]);

    let probe_run = [
        "run",
        "--rm",
        "--network",
        "none",
        "-v",
        &mount,
        &img,
        "/probe",
    ];
    let podman = probe::parse(&env.podman_ok(&probe_run));
    let run = probe::parse(&env.cove_ok(&probe_run));
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "c",
        "--network",
        "none",
        "-v",
        &mount,
        &img,
        "sleep",
        "600",
    ]);
    let exec = probe::parse(&env.cove_ok(&["exec", "c", "/probe"]));
    let table = probe::table(&[
        ("podman run", &podman),
        ("cove run", &run),
        ("cove exec", &exec),
    ]);
    eprintln!("{table}");

    assert!(podman.len() > 30, "the probe ran under Podman:\n{table}");
    for (what, cove) in [("cove run", &run), ("cove exec", &exec)] {
        let gaps = probe::denied_only_by(&podman, cove);
        assert!(
            gaps.is_empty(),
            "{what} allows what Podman denies: {gaps:?}\n{table}"
        );
    }
}

/// The confinement fields of a `/proc/PID/status` (read inside the container).
const STATUS_FIELDS: &[&str] = &[
    "Seccomp",
    "NoNewPrivs",
    "CapBnd",
    "CapEff",
    "CapPrm",
    "CapInh",
    "CapAmb",
];

fn status_fields(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| STATUS_FIELDS.contains(k))
        .map(|(k, v)| (k.to_string(), v.trim().to_string()))
        .collect()
}

/// The confinement of `path` (a /proc status file or a copy) read by `exec cat`.
fn status_of(env: &TestEnv, container: &str, exec_flags: &[&str], path: &str) -> Fields {
    let mut args = vec!["exec"];
    args.extend_from_slice(exec_flags);
    args.extend([container, "cat", path]);
    let fields = status_fields(&env.cove_ok(&args));
    assert_eq!(fields.len(), STATUS_FIELDS.len(), "{path}: {fields:?}");
    fields
}

type Fields = BTreeMap<String, String>;

/// `cove run [--runtime R] REST...`
fn run_args<'a>(runtime: Option<&'a str>, rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["run"];
    if let Some(r) = runtime {
        v.extend(["--runtime", r]);
    }
    v.extend_from_slice(rest);
    v
}

const RUNTIMES: [Option<&str>; 2] = [None, Some("runc")];

fn denied(verdicts: &BTreeMap<String, probe::Verdict>) -> Vec<&String> {
    verdicts
        .iter()
        .filter(|(_, v)| v.denied())
        .map(|(k, _)| k)
        .collect()
}

#[test]
fn exec_and_health_checks_are_confined_like_the_containers_init() {
    let env = TestEnv::new("confinement-paths");
    let img = common::image("busybox");
    let mount = format!("{}:/probe:ro", common::probe_bin());
    env.cove_ok(&["pull", "-q", &img]);
    let check = "/probe > /tmp/health.probe; cat /proc/self/status > /tmp/health.status";
    for (i, runtime) in RUNTIMES.into_iter().enumerate() {
        let name = format!("c{i}");
        let what = runtime.unwrap_or("cove-runtime");
        let base = ["--network", "none", "-v", &mount];
        let mut run = base.to_vec();
        run.extend([&img as &str, "/probe"]);
        let init_probe =
            probe::parse(&env.cove_ok(&run_args(runtime, &[&["--rm"][..], &run].concat())));
        let mut detached = vec!["-d", "--name", &name, "--health-cmd", check];
        detached.extend(["--health-interval", "1h"]);
        detached.extend(base);
        detached.extend([&img as &str, "sleep", "600"]);
        env.cove_ok(&run_args(runtime, &detached));
        env.cove_ok(&["healthcheck", "run", &name]);

        let init = status_of(&env, &name, &[], "/proc/1/status");
        assert_eq!(
            init["Seccomp"], "2",
            "{what}: the init has a filter: {init:?}"
        );
        assert_eq!(init["NoNewPrivs"], "1", "{what}: {init:?}");
        let exec = status_of(&env, &name, &[], "/proc/self/status");
        assert_eq!(exec, init, "{what}: exec'd process vs the container's init");
        let health = status_of(&env, &name, &[], "/tmp/health.status");
        assert_eq!(health, init, "{what}: health check vs the container's init");

        let exec_probe = probe::parse(&env.cove_ok(&["exec", &name, "/probe"]));
        let health_probe = probe::parse(&env.cove_ok(&["exec", &name, "cat", "/tmp/health.probe"]));
        let table = probe::table(&[
            ("run", &init_probe),
            ("exec", &exec_probe),
            ("health check", &health_probe),
        ]);
        assert!(init_probe.len() > 30, "{what}:\n{table}");
        assert_eq!(denied(&exec_probe), denied(&init_probe), "{what}:\n{table}");
        assert_eq!(
            denied(&health_probe),
            denied(&init_probe),
            "{what}:\n{table}"
        );
        env.cove_ok(&["rm", "-f", "-t", "0", &name]);
    }
}

/// Seccomp and capability sets of the init and of exec'd processes, cove next to Podman,
/// for a default, an unconfined and a privileged container, and for `exec --privileged`
/// and `exec --user` (Podman keeps the container's filter for both).
#[test]
fn unconfined_and_privileged_match_podman() {
    let env = TestEnv::new("confinement-privileged");
    let img = common::image("busybox");
    env.cove_ok(&["pull", "-q", &img]);
    env.podman_ok(&["pull", "-q", &img]);
    let containers: [(&str, &[&str]); 3] = [
        ("default", &[]),
        ("unconfined", &["--security-opt", "seccomp=unconfined"]),
        ("privileged", &["--privileged"]),
    ];
    let execs: [&[&str]; 3] = [&[], &["--privileged"], &["--user", "1000"]];
    // Podman rootless leaves no_new_privs off; cove sets it unless privileged (stricter).
    let compared = |f: &Fields| {
        let mut f = f.clone();
        f.remove("NoNewPrivs");
        f
    };
    for (name, flags) in containers {
        let mut run = vec!["run", "-d", "--name", name, "--network", "none"];
        run.extend_from_slice(flags);
        run.extend([&img as &str, "sleep", "600"]);
        env.cove_ok(&run);
        env.podman_ok(&run);
        let podman_status = |exec_flags: &[&str], path: &str| {
            let mut args = vec!["exec"];
            args.extend_from_slice(exec_flags);
            args.extend([name, "cat", path]);
            status_fields(&env.podman_ok(&args))
        };
        let init = status_of(&env, name, &[], "/proc/1/status");
        let podman_init = podman_status(&[], "/proc/1/status");
        assert_eq!(compared(&init), compared(&podman_init), "{name}: init");
        let filtered = if name == "default" { "2" } else { "0" };
        assert_eq!(init["Seccomp"], filtered, "{name}: init");
        for exec_flags in execs {
            let what = format!("{name}: exec {exec_flags:?}");
            let cove = status_of(&env, name, exec_flags, "/proc/self/status");
            let podman = podman_status(exec_flags, "/proc/self/status");
            assert_eq!(compared(&cove), compared(&podman), "{what}");
            assert_eq!(cove["Seccomp"], filtered, "{what}");
        }
        env.cove_ok(&["rm", "-f", "-t", "0", name]);
        env.podman_ok(&["rm", "-f", "-t", "0", name]);
    }
}

/// An OCI-format profile (what `--security-opt seccomp=FILE` and config.json carry) with
/// argument conditions: errnoRet, NE, MASKED_EQ, conditions on two indexes (AND), two on
/// one index (OR, one rule each), an unknown name and a rule equal to the default action.
const CONDITIONAL_PROFILE: &str = r#"{
  "defaultAction": "SCMP_ACT_ALLOW",
  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
  "syscalls": [
    {"names": ["personality"], "action": "SCMP_ACT_ERRNO", "errnoRet": 71,
     "args": [{"index": 0, "value": 4294967295, "op": "SCMP_CMP_NE"}]},
    {"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": 66,
     "args": [{"index": 0, "value": 40, "op": "SCMP_CMP_EQ"},
              {"index": 0, "value": 16, "op": "SCMP_CMP_EQ"}]},
    {"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": 18,
     "args": [{"index": 0, "value": 2, "op": "SCMP_CMP_EQ"},
              {"index": 1, "value": 15, "valueTwo": 2, "op": "SCMP_CMP_MASKED_EQ"}]},
    {"names": ["no_such_syscall_cove_test", "getpid"], "action": "SCMP_ACT_ALLOW"}
  ]
}"#;

#[test]
fn argument_conditions_hold_under_both_runtimes_for_init_and_exec() {
    let env = TestEnv::new("confinement-conditions");
    let img = common::image("busybox");
    let mount = format!("{}:/probe:ro", common::probe_bin());
    env.cove_ok(&["pull", "-q", &img]);
    let profile = env.base.join("conditional.json");
    env.write_user_file(&profile, CONDITIONAL_PROFILE);
    let seccomp = format!("seccomp={}", profile.display());
    let probes = [
        "personality-addr-no-randomize",
        "personality-query",
        "socket-af-vsock",
        "socket-netlink-audit",
        "socket-inet-dgram",
        "socket-unix-dgram",
    ];
    // Probe -> the errno it gets (or "ok"): which rule matched, if any.
    let expected: BTreeMap<&str, &str> = [
        ("personality-addr-no-randomize", "EPROTO"),
        ("personality-query", "ok"),
        ("socket-af-vsock", "EREMOTE"),
        ("socket-netlink-audit", "EREMOTE"),
        ("socket-inet-dgram", "EXDEV"),
        ("socket-unix-dgram", "ok"),
    ]
    .into_iter()
    .collect();
    let details = |out: &str| -> BTreeMap<String, String> {
        probe::parse(out)
            .into_iter()
            .map(|(k, v)| (k, v.detail))
            .collect()
    };
    let expected: BTreeMap<String, String> = expected
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for (i, runtime) in RUNTIMES.into_iter().enumerate() {
        let what = runtime.unwrap_or("cove-runtime");
        let name = format!("c{i}");
        let base = [
            "--network",
            "none",
            "--security-opt",
            &seccomp,
            "-v",
            &mount,
        ];
        let mut run = vec!["--rm"];
        run.extend(base);
        run.extend([&img as &str, "/probe"]);
        run.extend(probes);
        let init = details(&env.cove_ok(&run_args(runtime, &run)));
        assert_eq!(init, expected, "{what}: the container's init");
        let mut detached = vec!["-d", "--name", &name];
        detached.extend(base);
        detached.extend([&img as &str, "sleep", "600"]);
        env.cove_ok(&run_args(runtime, &detached));
        let mut exec = vec!["exec", &name as &str, "/probe"];
        exec.extend(probes);
        assert_eq!(details(&env.cove_ok(&exec)), expected, "{what}: exec");
        env.cove_ok(&["rm", "-f", "-t", "0", &name]);
    }
}
