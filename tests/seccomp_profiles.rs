//! Docker-format seccomp profiles (`--security-opt seccomp=FILE`) with argument conditions
//! and capability, architecture and kernel conditions, run side by side under Podman and
//! cove as the same user: the confinement probe (tests/probe/confinement.c) must see the
//! same verdict, errno included, for every probe, with the default capabilities, with
//! `--cap-add SYS_ADMIN` (where the conditions flip) and with `--privileged`.

mod common;

use std::collections::BTreeMap;

use common::probe::{self, Verdict};
use common::TestEnv;

/// The OCI runtimes cove runs the probe with: the built-in one and runc, both given the
/// same resolved profile in config.json.
const COVE_RUNTIMES: &[&str] = &["cove-runtime", "runc"];

/// libseccomp's name for this machine's architecture, the name `arches` conditions use.
fn native_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    }
}

/// The profile under test. Besides `SCMP_ACT_ALLOW` by default:
/// clone/unshare with CLONE_NEWUSER (masked) refused unless CAP_SYS_ADMIN, clone3 ENOSYS
/// unless CAP_SYS_ADMIN; AF_VSOCK sockets EACCES and audit netlink sockets EINVAL (EQ, LT,
/// GE: libseccomp takes one comparison per argument and rule); userfaultfd (GT), io_uring_setup (LE) and personality (NE, native arch only)
/// refused by argument; keyctl refused only WITH CAP_SYS_ADMIN; setns only with both
/// CAP_SYS_ADMIN and CAP_NET_ADMIN (never here); perf_event_open only on a foreign
/// architecture (never here); add_key by errno name (which wins over errnoRet); mount
/// EACCES from kernel 3.10 on (applies); ptrace from kernel 99.0 on (never applies).
fn profile() -> String {
    let foreign = if native_arch() == "s390x" {
        "amd64"
    } else {
        "s390x"
    };
    let newuser =
        r#"[{"index": 0, "value": 268435456, "valueTwo": 268435456, "op": "SCMP_CMP_MASKED_EQ"}]"#;
    format!(
        r#"{{
  "defaultAction": "SCMP_ACT_ALLOW",
  "archMap": [
    {{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]}},
    {{"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}}
  ],
  "syscalls": [
    {{"names": ["clone"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1, "args": {newuser},
      "excludes": {{"caps": ["CAP_SYS_ADMIN"]}}}},
    {{"names": ["unshare"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1, "args": {newuser},
      "excludes": {{"caps": ["CAP_SYS_ADMIN"]}}}},
    {{"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38,
      "excludes": {{"caps": ["CAP_SYS_ADMIN"]}}}},
    {{"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
      "args": [{{"index": 0, "value": 40, "op": "SCMP_CMP_EQ"}}]}},
    {{"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": 22,
      "args": [{{"index": 0, "value": 16, "op": "SCMP_CMP_EQ"}},
               {{"index": 1, "value": 4, "op": "SCMP_CMP_LT"}},
               {{"index": 2, "value": 9, "op": "SCMP_CMP_GE"}}]}},
    {{"names": ["userfaultfd"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
      "args": [{{"index": 0, "value": 524288, "op": "SCMP_CMP_GT"}}]}},
    {{"names": ["io_uring_setup"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
      "args": [{{"index": 0, "value": 1, "op": "SCMP_CMP_LE"}}]}},
    {{"names": ["personality"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
      "args": [{{"index": 0, "value": 4294967295, "op": "SCMP_CMP_NE"}}],
      "includes": {{"arches": ["{native}"]}}}},
    {{"names": ["keyctl"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
      "includes": {{"caps": ["CAP_SYS_ADMIN"]}}}},
    {{"names": ["setns"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
      "includes": {{"caps": ["CAP_SYS_ADMIN", "CAP_NET_ADMIN"]}}}},
    {{"names": ["perf_event_open"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
      "includes": {{"arches": ["{foreign}"]}}}},
    {{"name": "add_key", "action": "SCMP_ACT_ERRNO", "errnoRet": 1, "errno": "EACCES"}},
    {{"names": ["mount"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
      "includes": {{"minKernel": "3.10"}}}},
    {{"names": ["ptrace"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
      "includes": {{"minKernel": "99.0"}}}}
  ]
}}"#,
        native = native_arch(),
    )
}

/// The probe whose rule has a minKernel Podman 4.3 does not know: its containers/common
/// (0.50) ignores the key and applies the rule; Docker, and cove, skip it on a kernel
/// older than 99.0. Compared apart from the others.
const FUTURE_KERNEL_PROBE: &str = "ptrace-attach";

fn probe_run(
    env: &TestEnv,
    podman: bool,
    runtime: &str,
    extra: &[&str],
) -> BTreeMap<String, Verdict> {
    let mount = format!("{}:/probe:ro", common::probe_bin());
    let img = common::image("one");
    let mut args = vec!["run", "--rm", "--network", "none", "-v", &mount];
    if !podman {
        args.extend(["--runtime", runtime]);
    }
    args.extend_from_slice(extra);
    args.extend([img.as_str(), "/probe"]);
    probe::parse(&if podman {
        env.podman_ok(&args)
    } else {
        env.cove_ok(&args)
    })
}

/// A probe and the (outcome, errno) the profile must give it.
type Expect = (&'static str, (&'static str, &'static str));

fn outcome<'a>(m: &'a BTreeMap<String, Verdict>, name: &str) -> (&'a str, &'a str) {
    let v = m
        .get(name)
        .unwrap_or_else(|| panic!("no verdict for {name}"));
    (v.outcome.as_str(), v.detail.as_str())
}

#[test]
fn docker_format_profile_gives_podmans_verdicts() {
    let env = TestEnv::new("seccomp-profiles");
    let img = common::image("one");
    env.cove_ok(&["pull", "-q", &img]);
    env.podman_ok(&["pull", "-q", &img]);
    let path = env.home.join("profile.json");
    env.write_user_file(&path, &profile());
    let opt = format!("seccomp={}", path.display());

    let sets: [(&str, Vec<&str>); 3] = [
        ("default caps", vec![]),
        ("SYS_ADMIN", vec!["--cap-add", "SYS_ADMIN"]),
        ("privileged", vec!["--privileged"]),
    ];
    let mut seen = BTreeMap::new();
    for (what, caps) in &sets {
        let mut extra = caps.clone();
        extra.extend(["--security-opt", opt.as_str()]);
        let podman = probe_run(&env, true, "", &extra);
        assert!(podman.len() > 30, "the probe ran under Podman ({what})");
        for rt in COVE_RUNTIMES {
            let cove = probe_run(&env, false, rt, &extra);
            let table = probe::table(&[("podman", &podman), ("cove", &cove)]);
            eprintln!("{what}, cove --runtime {rt}:\n{table}");
            let differ: Vec<&String> = podman
                .keys()
                .chain(cove.keys())
                .filter(|k| k.as_str() != FUTURE_KERNEL_PROBE && podman.get(*k) != cove.get(*k))
                .collect();
            assert!(
                differ.is_empty(),
                "{what}, {rt}: {differ:?} differ\n{table}"
            );
            // A far-future minKernel rule is never applied (Docker's semantics).
            assert_eq!(
                outcome(&cove, FUTURE_KERNEL_PROBE),
                ("allowed", "ok"),
                "{table}"
            );
            seen.insert(*what, cove);
        }
    }

    // The profile, not the capabilities alone, decided: each condition is visible.
    let expected: [(&str, &[Expect]); 2] = [
        (
            "default caps",
            &[
                ("clone-newuser", ("denied", "EPERM")),
                ("unshare-newuser", ("denied", "EPERM")),
                ("clone3-newuser", ("denied", "ENOSYS")),
                ("socket-af-vsock", ("denied", "EACCES")),
                ("socket-netlink-audit", ("denied", "EINVAL")),
                ("userfaultfd", ("denied", "EPERM")),
                ("io_uring_setup", ("denied", "EPERM")),
                ("personality-addr-no-randomize", ("denied", "EPERM")),
                ("keyctl", ("allowed", "ENOKEY")),
                ("perf_event_open", ("allowed", "ok")),
                ("add_key", ("denied", "EACCES")),
                ("mount", ("denied", "EACCES")),
            ],
        ),
        (
            "SYS_ADMIN",
            &[
                ("clone-newuser", ("allowed", "ok")),
                ("unshare-newuser", ("allowed", "ok")),
                ("clone3-newuser", ("allowed", "ok")),
                ("keyctl", ("denied", "EPERM")),
                ("setns", ("allowed", "ok")),
                ("socket-af-vsock", ("denied", "EACCES")),
            ],
        ),
    ];
    for (what, probes) in expected {
        for (name, want) in probes {
            assert_eq!(outcome(&seen[what], name), *want, "{name}, {what}");
        }
    }
}

#[test]
fn a_bad_profile_fails_run_with_one_line_naming_it() {
    let env = TestEnv::new("seccomp-bad");
    let img = common::image("one");
    env.cove_ok(&["pull", "-q", &img]);
    let path = env.home.join("bad.json");
    env.write_user_file(
        &path,
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_MAYBE"}]}"#,
    );
    let opt = format!("seccomp={}", path.display());
    let (code, err) = env.cove_err(&["run", "--rm", "--security-opt", &opt, &img, "/probe"]);
    assert_eq!(code, 125, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert!(err.contains("SCMP_ACT_MAYBE"), "{err}");
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "", "nothing created");
}
