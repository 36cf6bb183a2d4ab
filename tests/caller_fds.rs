//! What the caller's own descriptors become in a container: `run --preserve-fds N` and
//! `exec --preserve-fds N` hand fds 3..3+N on at the same numbers; `--log-driver
//! passthrough` gives the container the caller's stdin, stdout and stderr.

mod common;

use common::*;
use std::path::Path;
use std::process::Output;

fn cove() -> String {
    cove_bin().display().to_string()
}

/// `cove ARGS REDIRECTIONS` through the shell, which opens the caller's descriptors.
fn shell(env: &TestEnv, args: &str, redirections: &str) -> Output {
    env.sh(&format!("{} {args} {redirections}", cove()))
}

/// A command writing to fd 3 fails, as it was not handed on, and `out` stays empty.
fn assert_fd3_unseen(env: &TestEnv, args: &str, out: &Path) {
    let res = shell(env, args, &format!("3>{}", out.display()));
    assert!(!res.status.success(), "{args}: {}", describe(&res));
    assert_eq!(std::fs::read_to_string(out).unwrap(), "");
}

/// Asking for fds 3 and 4 with only 3 open: Podman's words.
fn assert_fd4_missing(env: &TestEnv, args: &str, out: &Path) {
    let res = shell(env, args, &format!("3>{}", out.display()));
    assert_eq!(exit_code(&res), 125, "{}", describe(&res));
    assert_eq!(
        String::from_utf8_lossy(&res.stderr),
        "Error: file descriptor 4 is not available - the preserve-fds option requires that file descriptors must be passed\n"
    );
}

#[test]
fn run_hands_on_the_callers_descriptors() {
    let env = pulled("fds-run");
    let img = busybox();
    let input = env.home.join("in4");
    env.write_user_file(&input, "input-four\n");
    // The built-in runtime and runc alike: the flag reaches the runtime as runc's.
    for (i, runtime) in ["cove-runtime", "runc"].iter().enumerate() {
        let out = env.home.join(format!("out3-{i}"));
        let res = shell(
            &env,
            &format!("run --rm --runtime {runtime} --preserve-fds 2 {img} sh -c 'echo to-three >&3; cat <&4'"),
            &format!("3>{} 4<{}", out.display(), input.display()),
        );
        assert!(res.status.success(), "{runtime}: {}", describe(&res));
        assert_eq!(String::from_utf8_lossy(&res.stdout), "input-four\n");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "to-three\n");
    }

    // Without the flag (or with 0) the container sees none of them.
    let out = env.home.join("out3-none");
    for flag in ["", "--preserve-fds 0"] {
        let args = format!("run --rm {flag} {img} sh -c 'echo leaked >&3'");
        assert_fd3_unseen(&env, &args, &out);
    }

    // Asking for more than were passed: nothing is created.
    let args = format!("run --rm --preserve-fds 2 {img} true");
    assert_fd4_missing(&env, &args, &out);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");

    // A detached container writes through the caller's pipe, which ends as soon as the
    // container closes its end: no shim or helper keeps a copy, so `cat` is done while
    // the container still runs.
    let res = shell(
        &env,
        &format!("run -d --name bg --preserve-fds 1 {img} sh -c 'echo from-bg >&3; exec 3>&-; sleep 1000'"),
        "3>&1 | cat",
    );
    let text = String::from_utf8_lossy(&res.stdout).into_owned();
    assert!(text.lines().any(|l| l == "from-bg"), "{}", describe(&res));
    assert_eq!(
        env.cove_ok(&["inspect", "--format", "{{.State.Status}}", "bg"]),
        "running\n"
    );
    env.cove_ok(&["rm", "-f", "-t", "0", "bg"]);
}

#[test]
fn exec_hands_on_the_callers_descriptors() {
    let env = pulled("fds-exec");
    let img = busybox();
    env.cove_ok(&["run", "-d", "--name", "box", &img, "sleep", "1000"]);
    let out = env.home.join("exec3");
    let res = shell(
        &env,
        "exec --preserve-fds 1 box sh -c 'echo exec-three >&3'",
        &format!("3>{}", out.display()),
    );
    assert!(res.status.success(), "{}", describe(&res));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "exec-three\n");

    let detached = env.home.join("exec3-d");
    let res = shell(
        &env,
        "exec -d --preserve-fds 1 box sh -c 'echo detached-three >&3'",
        &format!("3>{}", detached.display()),
    );
    assert!(res.status.success(), "{}", describe(&res));
    assert!(eventually(
        || std::fs::read_to_string(&detached).is_ok_and(|t| t == "detached-three\n")
    ));

    assert_fd3_unseen(&env, "exec box sh -c 'echo leaked >&3'", &out);
    assert_fd4_missing(&env, "exec --preserve-fds 2 box true", &out);
    env.cove_ok(&["rm", "-f", "-t", "0", "box"]);
}

#[test]
fn passthrough_gives_the_container_the_callers_stdio() {
    let env = pulled("fds-passthrough");
    let img = busybox();
    let res = env.cove(&[
        "run",
        "--name",
        "pt",
        "--log-driver",
        "passthrough",
        &img,
        "sh",
        "-c",
        "echo out; echo err >&2; exit 3",
    ]);
    assert_eq!(exit_code(&res), 3, "{}", describe(&res));
    assert_eq!(String::from_utf8_lossy(&res.stdout), "out\n");
    assert_eq!(String::from_utf8_lossy(&res.stderr), "err\n");
    let id = env
        .cove_ok(&["inspect", "--format", "{{.Id}}", "pt"])
        .trim()
        .to_string();
    let userdata = env.data.join(format!("cove/containers/{id}/userdata"));
    assert!(userdata.is_dir(), "{} is not there", userdata.display());
    assert!(!userdata.join("ctr.log").exists(), "a log file was written");
    assert_eq!(
        env.cove_ok(&[
            "inspect",
            "--format",
            "{{.HostConfig.LogConfig.Type}}",
            "pt"
        ]),
        "passthrough\n"
    );
    let (code, err) = env.cove_err(&["logs", "pt"]);
    assert_eq!(code, 125);
    assert_eq!(
        err,
        "Error: this container is using the 'passthrough' log driver, cannot read logs: this container is not logging output\n"
    );

    // `start` hands over its own stdio too.
    let res = env.cove(&["start", "--attach", "pt"]);
    assert_eq!(exit_code(&res), 3, "{}", describe(&res));
    assert_eq!(String::from_utf8_lossy(&res.stdout), "out\n");
    assert_eq!(String::from_utf8_lossy(&res.stderr), "err\n");

    // Detached: no ID printed, the container's output comes instead.
    let out = env.cove_ok(&[
        "run",
        "-d",
        "--rm",
        "--log-driver",
        "passthrough",
        &img,
        "echo",
        "from-detached",
    ]);
    assert_eq!(out, "from-detached\n");

    // -i: the container reads the caller's stdin itself.
    let res = env.sh(&format!(
        "echo hello | {} run --rm -i --log-driver passthrough {img} sh -c 'read line; echo got:$line'",
        cove()
    ));
    assert_eq!(
        String::from_utf8_lossy(&res.stdout),
        "got:hello\n",
        "{}",
        describe(&res)
    );

    // The runtime's own stderr is the caller's: its error still becomes cove's one line.
    let (code, err) = env.cove_err(&[
        "run",
        "--rm",
        "--log-driver",
        "passthrough",
        &img,
        "nosuchcmd",
    ]);
    assert_eq!(code, 127, "{err}");
    assert_eq!(
        err,
        "Error: exec: \"nosuchcmd\": executable file not found in $PATH\n"
    );

    let (code, err) = env.cove_err(&[
        "run",
        "-a",
        "stdout",
        "--log-driver",
        "passthrough",
        &img,
        "true",
    ]);
    assert_eq!(code, 125);
    assert_eq!(
        err,
        "Error: cannot specify --attach with --log-driver=passthrough: invalid argument\n"
    );
    env.cove_ok(&["rm", "pt"]);
}
