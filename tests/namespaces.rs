//! `--ipc`, `--uts`, `--pid`, `--cgroupns` and `--sysctl` with real rootless containers,
//! under the built-in runtime and runc: joining another container's namespaces, the
//! host's, namespaced sysctls, and Podman's refusals.

mod common;

use common::{image, TestEnv};

fn lines(s: &str) -> Vec<String> {
    s.lines().map(|l| l.trim().to_string()).collect()
}

/// Two containers share IPC, UTS and PID namespaces (`container:a`); the joiner sees the
/// owner's hostname, its IPC sysctl, its processes; a third, private one sees none of it.
fn share_namespaces(runtime: &str) {
    let env = TestEnv::new(&format!("ns-share-{runtime}"));
    let bb = image("busybox");
    let rt = ["--runtime", runtime];
    let mut a = vec!["run", "-d", "--name", "a", "--hostname", "owner"];
    a.extend(rt);
    a.extend(["--sysctl", "kernel.shm_rmid_forced=1", &bb, "sleep", "1000"]);
    env.cove_ok(&a);
    let owner_ipc = env.cove_ok(&["exec", "a", "readlink", "/proc/self/ns/ipc"]);
    let script = "readlink /proc/self/ns/ipc; hostname; cat /etc/hostname; \
                  cat /proc/sys/kernel/shm_rmid_forced; ps -o comm | grep -c '^sleep$'; true";
    let mut b = vec!["run", "--rm"];
    b.extend(rt);
    b.extend([
        "--ipc",
        "container:a",
        "--uts",
        "container:a",
        "--pid",
        "container:a",
        &bb,
        "sh",
        "-c",
        script,
    ]);
    let out = lines(&env.cove_ok(&b));
    assert_eq!(out[0], owner_ipc.trim(), "IPC namespace shared: {out:?}");
    assert_eq!(out[1..], ["owner", "owner", "1", "1"], "{out:?}");
    // The owner's hostname is its own still (a runtime must not set one in a joined one).
    assert_eq!(env.cove_ok(&["exec", "a", "hostname"]).trim(), "owner");

    let mut c = vec!["run", "--rm"];
    c.extend(rt);
    c.extend([&bb, "sh", "-c", script]);
    let out = lines(&env.cove_ok(&c));
    assert_ne!(out[0], owner_ipc.trim(), "a private IPC namespace: {out:?}");
    assert_ne!(out[1], "owner");
    assert_eq!(out[3..], ["0", "0"], "{out:?}");
}

#[test]
fn containers_join_each_others_namespaces_with_the_built_in_runtime() {
    share_namespaces("cove-runtime");
}

#[test]
fn containers_join_each_others_namespaces_with_runc() {
    share_namespaces("runc");
}

/// The host's UTS, PID and IPC namespaces: the host's hostname (in /etc/hostname and
/// /etc/hosts too), the host's processes, the user's IPC namespace.
fn host_namespaces(runtime: &str) {
    let env = TestEnv::new(&format!("ns-host-{runtime}"));
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let host = host.trim();
    let me = std::process::id();
    let user_ipc = env.sh_ok("readlink /proc/self/ns/ipc");
    let script = format!(
        "hostname; cat /etc/hostname; grep -cw '{host}' /etc/hosts; \
         test -d /proc/{me} && echo sees-host-process; readlink /proc/self/ns/ipc"
    );
    let out = lines(&env.cove_ok(&[
        "run",
        "--rm",
        "--runtime",
        runtime,
        "--uts",
        "host",
        "--pid",
        "host",
        "--ipc",
        "host",
        &image("busybox"),
        "sh",
        "-c",
        &script,
    ]));
    assert_eq!(out[..2], [host, host], "{out:?}");
    assert_ne!(out[2], "0", "/etc/hosts names the host: {out:?}");
    assert_eq!(out[3], "sees-host-process", "{out:?}");
    assert_eq!(out[4], user_ipc.trim(), "{out:?}");
}

#[test]
fn host_namespaces_with_the_built_in_runtime() {
    host_namespaces("cove-runtime");
}

#[test]
fn host_namespaces_with_runc() {
    host_namespaces("runc");
}

#[test]
fn namespaced_sysctls_are_set_and_shown_by_inspect() {
    let env = TestEnv::new("ns-sysctl");
    let out = env.cove_ok(&[
        "run",
        "--name",
        "s",
        "--sysctl",
        "net.ipv4.ip_forward=1",
        "--sysctl",
        "kernel.shm_rmid_forced=1",
        "--cgroupns",
        "private",
        &image("busybox"),
        "cat",
        "/proc/sys/net/ipv4/ip_forward",
        "/proc/sys/kernel/shm_rmid_forced",
    ]);
    assert_eq!(lines(&out), ["1", "1"]);
    let inspect = env.cove_ok(&[
        "inspect",
        "--format",
        "{{.HostConfig.IpcMode}} {{.HostConfig.PidMode}} {{.HostConfig.UTSMode}} \
         {{.HostConfig.CgroupnsMode}} {{json .HostConfig.Sysctls}}",
        "s",
    ]);
    assert_eq!(
        inspect.trim(),
        r#"shareable private private private {"kernel.shm_rmid_forced":"1","net.ipv4.ip_forward":"1"}"#
    );
}

#[test]
fn bad_modes_and_sysctls_are_refused_like_podman_and_create_nothing() {
    let env = TestEnv::new("ns-refused");
    let bb = image("busybox");
    let cases: &[(&[&str], &str)] = &[
        (&["--ipc", "bogus"], "unrecognized namespace mode bogus passed"),
        (&["--uts", "none"], "unrecognized namespace mode none passed"),
        (
            &["--pid", "container:nosuch"],
            "looking up container to share pid namespace with: no container with name or ID \"nosuch\" found: no such container",
        ),
        (&["--sysctl", "vm.swappiness=1"], "sysctl 'vm.swappiness' is not allowed"),
        (
            &["--sysctl", "kernel.shmmax"],
            "kernel.shmmax is invalid, sysctl values must be in the form of KEY=VALUE",
        ),
        (
            &["--sysctl", "net.ipv4.ip_forward=1", "--network", "host"],
            "sysctl net.ipv4.ip_forward=1 can't be set since Network Namespace set to host: invalid argument",
        ),
        (
            &["--sysctl", "fs.mqueue.msg_max=5", "--ipc", "host"],
            "sysctl fs.mqueue.msg_max=5 can't be set since IPC Namespace set to host: invalid argument",
        ),
        (
            &["--hostname", "x", "--uts", "host"],
            "invalid config provided: cannot set hostname when running in the host UTS namespace: invalid configuration",
        ),
        (
            &["--sysctl", "kernel.hostname=x", "--uts", "host"],
            "sysctl kernel.hostname=x can't be set since UTS Namespace set to host: invalid argument",
        ),
        (
            &["--ipc", "ns:/no/such/ns"],
            "cannot find specified IPC namespace path: stat /no/such/ns: no such file or directory",
        ),
    ];
    // Pulled first: the error is then all a failed create prints.
    env.cove_ok(&["pull", "-q", &bb]);
    for (flags, message) in cases {
        let mut args = vec!["create"];
        args.extend_from_slice(flags);
        args.extend([bb.as_str(), "true"]);
        let (code, stderr) = env.cove_err(&args);
        assert_eq!(code, 125, "{flags:?}: {stderr}");
        assert_eq!(stderr.trim(), format!("Error: {message}"), "{flags:?}");
    }
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]).trim(), "");
    // Podman says the same where it checks the same (it allows no kernel.hostname at
    // all, and rootless fails --ipc host before its sysctl check).
    for (flags, message) in &cases[..6] {
        let mut args = vec!["create"];
        args.extend_from_slice(flags);
        args.extend([bb.as_str(), "true"]);
        let out = env.podman(&args);
        // (After its pull progress, where it pulls before checking.)
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.lines().last().unwrap_or_default(),
            format!("Error: {message}"),
            "podman {flags:?}"
        );
    }
}

#[test]
fn joining_a_stopped_container_fails_clearly_at_start() {
    let env = TestEnv::new("ns-stopped");
    let bb = image("busybox");
    let a = env.cove_ok(&["create", "--name", "a", &bb, "sleep", "1000"]);
    env.cove_ok(&["create", "--name", "b", "--ipc", "container:a", &bb, "true"]);
    assert_eq!(
        env.cove_ok(&["inspect", "--format", "{{.HostConfig.IpcMode}}", "b"])
            .trim(),
        format!("container:{}", a.trim()),
        "stored by ID"
    );
    let (code, stderr) = env.cove_err(&["start", "b"]);
    assert_ne!(code, 0);
    // Podman's frame for any start failure, then the cause.
    let line = stderr.trim();
    assert!(
        line.starts_with("Error: unable to start container \"")
            && line.ends_with("\": --ipc container:a: that container is not running"),
        "{line}"
    );
    assert_eq!(
        env.cove_ok(&["inspect", "--format", "{{.State.Status}}", "b"])
            .trim(),
        "created"
    );
    // Once the owner runs, the same container starts and shares its namespace.
    env.cove_ok(&["start", "a"]);
    env.cove_ok(&["start", "b"]);
}

/// The docker CLI through the API: HostConfig's IpcMode/PidMode/UTSMode/Sysctls reach the
/// container (Docker's CLI knows only `--uts host`), and inspect answers them under
/// Docker's names.
#[test]
fn docker_cli_shares_namespaces_through_the_api() {
    let env = TestEnv::new("ns-api");
    let svc = common::api::ApiService::start(&env);
    let bb = image("busybox");
    svc.docker_ok(&["run", "-d", "--name", "a", &bb, "sleep", "600"]);
    let out = svc.docker_ok(&[
        "run",
        "--rm",
        "--ipc",
        "container:a",
        "--pid",
        "container:a",
        "--sysctl",
        "net.ipv4.ip_forward=1",
        &bb,
        "sh",
        "-c",
        "cat /proc/sys/net/ipv4/ip_forward; ps -o comm | grep -c '^sleep$'",
    ]);
    assert_eq!(lines(&out), ["1", "1"]);
    svc.docker_ok(&[
        "create", "--name", "h", "--uts", "host", "--pid", "host", &bb, "true",
    ]);
    let inspect = svc.docker_ok(&[
        "inspect",
        "--format",
        "{{.HostConfig.IpcMode}} {{.HostConfig.PidMode}} {{.HostConfig.UTSMode}}",
        "h",
    ]);
    assert_eq!(inspect.trim(), "shareable host host");
}
