//! `cove secret` and `run --secret`, as Podman's: the store keeps the data, containers get
//! it as a read-only file or an environment variable, and never in their recorded config.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::{cove_bin, TestEnv};

/// `secret create NAME -` with `data` on stdin; returns the new ID.
fn create_from_stdin(env: &TestEnv, args: &[&str], data: &[u8]) -> String {
    let mut all = vec!["secret", "create"];
    all.extend_from_slice(args);
    all.push("-");
    let mut child = env
        .cove_cmd(&all)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(data).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", common::describe(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn secrets_are_created_listed_inspected_and_removed_as_in_podman() {
    let env = TestEnv::new("secret-cli");
    let id = create_from_stdin(&env, &["pw"], b"s3cr3t");
    assert_eq!(id.len(), 25, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    env.write_user_file(&env.base.join("key"), "KEY DATA");
    let key = env.base.join("key").display().to_string();
    let id2 = env
        .cove_ok(&["secret", "create", "-l", "app=web", "key", &key])
        .trim()
        .to_string();
    let from_env = env
        .user_cmd_env(
            &[("TOKEN", "from-env")],
            cove_bin().to_str().unwrap(),
            &["secret", "create", "--env", "token", "TOKEN"],
        )
        .output()
        .unwrap();
    assert!(from_env.status.success(), "{}", common::describe(&from_env));

    let ls = env.cove_ok(&["secret", "ls"]);
    let mut lines = ls.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["ID", "NAME", "DRIVER", "CREATED", "UPDATED"]);
    assert!(ls.contains(&id) && ls.contains(" ago"), "{ls}");
    assert_eq!(lines.count(), 3, "{ls}");
    assert_eq!(
        env.cove_ok(&["secret", "ls", "--format", "{{.Name}} {{.Driver}}"]),
        "pw file\nkey file\ntoken file\n"
    );
    assert_eq!(
        env.cove_ok(&["secret", "ls", "--filter", "label=app=web", "-q"]),
        format!("{id2}\n")
    );
    assert_eq!(
        env.cove_ok(&[
            "secret",
            "ls",
            "--filter",
            "name=^p",
            "--noheading",
            "--format",
            "{{.ID}}"
        ]),
        format!("{id}\n")
    );

    let inspect: serde_json::Value =
        serde_json::from_str(&env.cove_ok(&["secret", "inspect", "key"])).unwrap();
    assert_eq!(inspect[0]["ID"], id2.as_str());
    assert_eq!(inspect[0]["Spec"]["Name"], "key");
    assert_eq!(inspect[0]["Spec"]["Driver"]["Name"], "file");
    assert_eq!(inspect[0]["Spec"]["Labels"]["app"], "web");
    assert!(!inspect.to_string().contains("KEY DATA"), "{inspect}");
    // By ID prefix too.
    assert_eq!(
        env.cove_ok(&["secret", "inspect", "--format", "{{.Spec.Name}}", &id[..6]]),
        "pw\n"
    );
    let pretty = env.cove_ok(&["secret", "inspect", "--pretty", "pw"]);
    assert!(
        pretty.contains(&format!("ID:              {id}")),
        "{pretty}"
    );

    // Removal prints the IDs; a missing name fails that one only.
    let out = env.cove(&["secret", "rm", "pw", "nope"]);
    assert_eq!(common::exit_code(&out), 125);
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{id}\n"));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("no secret with name or id \"nope\": no such secret"));
    assert_eq!(env.cove_ok(&["secret", "rm", "--all"]).lines().count(), 2);
    assert_eq!(env.cove_ok(&["secret", "ls", "-q"]), "");
}

#[test]
fn bad_secrets_are_refused_with_podmans_messages_and_nothing_is_stored() {
    let env = TestEnv::new("secret-bad");
    create_from_stdin(&env, &["taken"], b"x");
    let cases: &[(&[&str], &str)] = &[
        (&["bad name", "/etc/hostname"], "invalid secret name"),
        (&[".x", "/etc/hostname"], "invalid secret name"),
        (&["taken", "/etc/hostname"], "taken: secret name in use"),
        (&["f", "/nonexistent/file"], "open /nonexistent/file"),
        (
            &["-d", "pass", "p", "/etc/hostname"],
            "unsupported secret driver \"pass\"",
        ),
        (
            &["--env", "e", "COVE_NOT_SET"],
            "environment variable COVE_NOT_SET is not set",
        ),
        (&["empty", "/dev/null"], "secret data must be larger than 0"),
    ];
    for (args, want) in cases {
        let mut all = vec!["secret", "create"];
        all.extend_from_slice(args);
        let (code, err) = env.cove_err(&all);
        assert_eq!(code, 125, "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    // Too large: refused without reading all of it.
    let big = env.base.join("big");
    env.write_user_file(&big, &"x".repeat(600_000));
    let (_, err) = env.cove_err(&["secret", "create", "big", big.to_str().unwrap()]);
    assert!(err.contains("less than 512000 bytes"), "{err}");
    let (_, err) = env.cove_err(&["secret", "ls", "--filter", "driver=file"]);
    assert!(err.contains("invalid filter key"), "{err}");
    let (_, err) = env.cove_err(&["secret", "rm"]);
    assert!(
        err.contains("requires one argument, or the --all flag"),
        "{err}"
    );
    assert_eq!(
        env.cove_ok(&["secret", "ls", "--format", "{{.Name}}"]),
        "taken\n"
    );
}

#[test]
fn containers_get_secrets_as_read_only_files_or_environment_never_in_their_config() {
    let env = TestEnv::new("secret-run");
    let img = common::image("busybox");
    env.cove_ok(&["pull", "-q", &img]);
    create_from_stdin(&env, &["db-pw"], b"hunter2");

    // Default: /run/secrets/NAME, mode 0444, root-owned, read-only.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--secret",
        "db-pw",
        &img,
        "sh",
        "-c",
        "stat -c '%a %u:%g' /run/secrets/db-pw; cat /run/secrets/db-pw; echo; \
         echo x > /run/secrets/db-pw 2>/dev/null || echo read-only",
    ]);
    assert_eq!(out, "444 0:0\nhunter2\nread-only\n");

    // target, uid, gid and mode as asked; a relative target lands under /run/secrets.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--user",
        "5",
        "--secret",
        "db-pw,target=/etc/app/pw,uid=5,gid=6,mode=0400",
        "--secret",
        "db-pw,target=other",
        &img,
        "sh",
        "-c",
        "stat -c '%a %u:%g' /etc/app/pw; cat /etc/app/pw; echo; cat /run/secrets/other",
    ]);
    assert_eq!(out, "400 5:6\nhunter2\nhunter2");

    // As an environment variable, absent from the recorded config.
    env.cove_ok(&[
        "create",
        "--name",
        "envsec",
        "--secret",
        "db-pw,type=env,target=PASSWORD",
        &img,
        "sh",
        "-c",
        "echo \"$PASSWORD\"; ls /run/secrets 2>&1 || true",
    ]);
    let out = env.cove_ok(&["start", "-a", "envsec"]);
    assert!(out.starts_with("hunter2\n"), "{out}");
    assert!(out.contains("No such file"), "{out}");
    let inspect = env.cove_ok(&["inspect", "envsec"]);
    assert!(!inspect.contains("hunter2"), "{inspect}");
    let secrets: serde_json::Value = serde_json::from_str(&env.cove_ok(&[
        "inspect",
        "--format",
        "{{json .Config.Secrets}}",
        "envsec",
    ]))
    .unwrap();
    assert_eq!(secrets[0]["Name"], "db-pw");

    // The secret removed: the container no longer starts, and says which secret.
    env.cove_ok(&["secret", "rm", "db-pw"]);
    let (code, err) = env.cove_err(&["start", "envsec"]);
    assert_eq!(code, 125);
    assert!(err.contains("no secret with name or id \"db-pw\""), "{err}");
    env.cove_ok(&["rm", "envsec"]);
}

#[test]
fn bad_secret_flags_fail_create_and_leave_no_container() {
    let env = TestEnv::new("secret-flags");
    let img = common::image("busybox");
    env.cove_ok(&["pull", "-q", &img]);
    create_from_stdin(&env, &["s"], b"v");
    let cases = [
        ("nope", "no secret with name or id \"nope\": no such secret"),
        ("s,type=bogus", "type bogus is invalid: parsing secret"),
        ("s,foo=1", "option foo=1 invalid: parsing secret"),
        ("s,mode=abc", "mode abc is invalid"),
        ("s,type=env,uid=1", "cannot be set with secret type env"),
    ];
    for (flag, want) in cases {
        let (code, err) = env.cove_err(&["create", "--secret", flag, &img, "true"]);
        assert_eq!(code, 125, "{flag}: {err}");
        assert!(err.contains(want), "{flag}: {err}");
    }
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
}
