//! Podman 4.3 commands and flags cove gained for drop-in use: `top` with ps(1)-style
//! descriptors and its ps(1) fall-back, each with what a user sees.

mod common;

use common::TestEnv;

fn busybox() -> String {
    common::image("busybox")
}

fn pulled(name: &str) -> TestEnv {
    let env = TestEnv::new(name);
    env.cove_ok(&["pull", "-q", &busybox()]);
    env
}

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
