//! Podman 4.3 commands and flags cove gained for drop-in use: `top` with ps(1)-style
//! descriptors and its ps(1) fall-back, `network create`'s range, options and DNS switch,
//! `volume mount/unmount/reload`, `container clone`, `kill` of a container that does not
//! run, top-level `inspect --latest/--size`, and running a manifest list; each with what
//! a user sees.

mod common;

use common::{busybox, pulled, TestEnv};

/// The cells of a table's lines (columns are padded with blanks).
fn rows(table: &str) -> Vec<Vec<String>> {
    table
        .lines()
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect()
}

#[test]
fn top_shows_descriptors_from_proc_and_falls_back_to_ps() {
    let env = pulled("dropin-top");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "tp",
        &busybox(),
        "sh",
        "-c",
        "sleep 600 & exec sleep 700",
    ]);
    assert!(common::eventually(|| env
        .cove_ok(&["top", "tp", "comm"])
        .lines()
        .count()
        == 3));

    // Podman's default columns, pids as the container sees them.
    let shown = env.cove_ok(&["top", "tp"]);
    let r = rows(&shown);
    assert_eq!(
        r[0],
        ["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"],
        "{shown}"
    );
    assert_eq!(r[1][..4], ["root", "1", "0", "0.000"], "{shown}");
    assert_eq!(r[1][5..], ["?", "0s", "sleep", "700"], "{shown}");
    assert_eq!(r[2][1..3], ["2", "1"], "{shown}");

    // Descriptors by name, comma-separated and as AIX codes; host-side columns.
    let shown = env.cove_ok(&["top", "tp", "pid,comm", "%U", "seccomp", "capamb", "huser"]);
    let r = rows(&shown);
    assert_eq!(
        r[0],
        ["PID", "COMMAND", "USER", "SECCOMP", "AMBIENT", "CAPS", "HUSER"],
        "{shown}"
    );
    let (uid, _) = common::test_user_ids();
    assert_eq!(
        r[1],
        ["1", "sleep", "root", "filter", "none", &uid.to_string()],
        "{shown}"
    );
    let caps = env.cove_ok(&["top", "tp", "capeff"]);
    assert!(
        caps.lines()
            .nth(1)
            .unwrap()
            .trim()
            .split(',')
            .any(|c| c == "NET_BIND_SERVICE"),
        "{caps}"
    );

    // Not a descriptor: ps(1) runs in the container with those options.
    let ps = env.cove_ok(&["top", "tp", "-o", "pid,comm"]);
    let r = rows(&ps);
    assert_eq!(r[0], ["PID", "COMMAND"], "{ps}");
    assert_eq!(r[1], ["1", "sleep"], "{ps}");
    let (code, err) = env.cove_err(&["top", "tp", "-o", "pid,bogus"]);
    assert_eq!(code, 125);
    assert!(
        err.starts_with(
            "Error: executing ps(1) in the container: runtime failed with exit status: 1 and output: ps: bad -o argument 'bogus'"
        ),
        "{err}"
    );

    // A container that is not running.
    env.cove_ok(&["create", "--name", "idle", &busybox(), "true"]);
    let (code, err) = env.cove_err(&["top", "idle"]);
    assert_eq!(
        (code, err.as_str()),
        (125, "Error: top can only be used on running containers\n")
    );
    env.cove_ok(&["rm", "-f", "-t", "0", "tp", "idle"]);
}

#[test]
fn network_create_takes_a_range_options_and_no_dns() {
    let env = pulled("dropin-net");
    let made = env.cove_ok(&[
        "network",
        "create",
        "--subnet",
        "10.89.70.0/24",
        "--ip-range",
        "10.89.70.128/25",
        "-o",
        "mtu=1400",
        "-o",
        "isolate=true",
        "-o",
        "com.docker.network.bridge.name=br70",
        "--disable-dns",
        "n70",
    ]);
    assert_eq!(made, "n70\n");
    let shown = env.cove_ok(&[
        "network",
        "inspect",
        "--format",
        "{{.DNSEnabled}} {{.NetworkInterface}} {{.Options.mtu}} {{.Options.isolate}} {{range .IPAM.Config}}{{.IPRange}}{{end}}",
        "n70",
    ]);
    assert_eq!(shown, "false br70 1400 true 10.89.70.128/25\n");

    // The address comes from the range, the interface has the MTU.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--network",
        "n70",
        &busybox(),
        "sh",
        "-c",
        "ip -o -4 addr show eth0; cat /sys/class/net/eth0/mtu",
    ]);
    assert!(out.contains(" inet 10.89.70.129/24 "), "{out}");
    assert!(out.ends_with("1400\n"), "{out}");

    for (args, want) in [
        (
            vec!["network", "create", "-o", "bogus=1", "n71"],
            "Error: unsupported network option bogus\n",
        ),
        (
            vec!["network", "create", "--ip-range", "10.89.71.0/25", "n71"],
            "Error: cannot set gateway or range without subnet\n",
        ),
        (
            vec![
                "network",
                "create",
                "--subnet",
                "10.89.71.0/24",
                "--ip-range",
                "10.89.72.0/25",
                "n71",
            ],
            "Error: lease range start ip 10.89.72.1 not in subnet 10.89.71.0/24\n",
        ),
        (
            vec!["network", "create", "--ipv6", "n71"],
            "Error: --ipv6: cove's bridge networks are IPv4 only (the per-user network namespace routes no IPv6)\n",
        ),
    ] {
        let (code, err) = env.cove_err(&args);
        assert_eq!((code, err.as_str()), (125, want), "{args:?}");
    }
    assert_eq!(env.cove_ok(&["network", "ls", "-q"]), "n70\n");
}

#[test]
fn volume_mount_unmount_and_reload() {
    let env = TestEnv::new("dropin-vol");
    env.cove_ok(&["volume", "create", "v1"]);
    let path = env.cove_ok(&["volume", "mount", "v1"]);
    let inspected = env.cove_ok(&["volume", "inspect", "--format", "{{.Mountpoint}}", "v1"]);
    assert_eq!(path, inspected);
    env.sh_ok(&format!("echo data > {}/f", path.trim()));
    assert_eq!(env.cove_ok(&["volume", "unmount", "v1"]), "v1\n");
    assert_eq!(env.cove_ok(&["volume", "reload"]), "");
    let (code, err) = env.cove_err(&["volume", "mount", "nosuch"]);
    assert_eq!(
        (code, err.as_str()),
        (
            125,
            "Error: no volume with name \"nosuch\" found: no such volume\n"
        )
    );
}

#[test]
fn container_clone_copies_the_settings() {
    let env = pulled("dropin-clone");
    env.cove_ok(&[
        "create",
        "--name",
        "src1",
        "-e",
        "A=1",
        "--label",
        "x=y",
        &busybox(),
        "sh",
        "-c",
        "echo hi $A",
    ]);
    let id = env.cove_ok(&["container", "clone", "src1"]);
    assert_eq!(id.trim().len(), 64, "{id}");
    let shown = env.cove_ok(&[
        "inspect",
        "--format",
        "{{.Name}} {{.Config.Labels.x}} {{.State.Status}}",
        id.trim(),
    ]);
    assert_eq!(shown, "src1-clone y created\n");
    env.cove_ok(&["container", "clone", "--run", "src1", "c4"]);
    assert_eq!(env.cove_ok(&["wait", "c4"]), "0\n");
    assert_eq!(env.cove_ok(&["logs", "c4"]), "hi 1\n");

    // --destroy removes the original; a running one only with --force.
    env.cove_ok(&["run", "-d", "--name", "r1", &busybox(), "sleep", "600"]);
    let (code, err) = env.cove_err(&["container", "clone", "--destroy", "r1"]);
    assert!(code != 0 && err.contains("as it is running"), "{err}");
    env.cove_ok(&["container", "clone", "-f", "--destroy", "r1", "r1b"]);
    let names = env.cove_ok(&["ps", "-a", "--format", "{{.Names}}"]);
    let mut names: Vec<&str> = names.lines().collect();
    names.sort_unstable();
    assert_eq!(names, ["c4", "r1-clone", "r1b", "src1", "src1-clone"]);

    let (code, err) = env.cove_err(&["container", "clone", "nosuch"]);
    assert_eq!(
        (code, err.as_str()),
        (
            125,
            "Error: no container with name or ID \"nosuch\" found: no such container\n"
        )
    );
}

#[test]
fn inspect_latest_and_size_at_top_level() {
    let env = pulled("dropin-inspect");
    env.cove_ok(&["create", "--name", "first", &busybox(), "true"]);
    env.cove_ok(&["create", "--name", "second", &busybox(), "true"]);
    assert_eq!(
        env.cove_ok(&["inspect", "-l", "--format", "{{.Name}}"]),
        "second\n"
    );
    let sizes = env.cove_ok(&[
        "inspect",
        "--size",
        "--format",
        "{{.SizeRw}} {{.SizeRootFs}}",
        "first",
    ]);
    let v: Vec<u64> = sizes
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(v.len() == 2 && v[1] > 1_000_000 && v[1] >= v[0], "{sizes}");
}

#[test]
fn a_manifest_list_runs_its_instance_for_this_machine() {
    let env = pulled("dropin-list");
    env.cove_ok(&["manifest", "create", "mylist"]);
    // Empty: nothing to run, and the name is not in any registry.
    let (code, _) = env.cove_err(&["run", "--rm", "mylist", "true"]);
    assert_eq!(code, 125);
    env.cove_ok(&[
        "manifest",
        "add",
        "--tls-verify=false",
        "mylist",
        &busybox(),
    ]);
    assert_eq!(
        env.cove_ok(&["run", "--rm", "mylist", "echo", "ok"]),
        "ok\n"
    );
}
