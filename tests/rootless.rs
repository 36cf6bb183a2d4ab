//! The per-user namespace: one pause process, joined race-free by every command, recreated
//! when it dies; clear refusal without subordinate ids; rootful mode for root.

mod common;

use std::process::{Command, Stdio};

use common::{env_value, exit_code, image, test_user_ids, TestEnv};

fn user_ns_of(pid: i32) -> String {
    std::fs::read_link(format!("/proc/{pid}/ns/user"))
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn ten_commands_started_at_once_share_one_namespace() {
    let env = TestEnv::new("rootless-race");
    let children: Vec<_> = (0..10)
        .map(|_| {
            env.cove_cmd(&["unshare", "readlink", "/proc/self/ns/user"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut seen: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", common::describe(&out));
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        })
        .collect();
    seen.dedup();
    assert_eq!(
        seen.len(),
        1,
        "commands ended up in different namespaces: {seen:?}"
    );
    let pause = env.pause_pid().expect("a pause process");
    assert_eq!(
        seen[0],
        user_ns_of(pause),
        "not the pause process's namespace"
    );
    assert_ne!(
        seen[0],
        user_ns_of(std::process::id() as i32),
        "still in the host namespace"
    );
}

#[test]
fn unshare_maps_the_user_and_its_subordinate_range() {
    let env = TestEnv::new("rootless-unshare");
    let (uid, _) = test_user_ids();
    let map = env.cove_ok(&["unshare", "cat", "/proc/self/uid_map"]);
    let rows: Vec<Vec<&str>> = map
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0], ["0", &uid.to_string(), "1"], "{map}");
    assert_eq!(rows[1][0], "1", "{map}");
    assert!(rows[1][2].parse::<u32>().unwrap() >= 65536, "{map}");
    assert_eq!(env.cove_ok(&["unshare", "id", "-u"]), "0\n");
    // info reports the same, Podman-shaped.
    let info = env.cove_ok(&[
        "info",
        "--format",
        "{{.Host.Security.Rootless}} {{.Store.GraphDriverName}} {{json .Host.IdMappings.UidMap}}",
    ]);
    assert!(info.starts_with("true overlay ["), "{info}");
    assert!(info.contains(&format!("\"host_id\":{uid}")), "{info}");
    // The command's exit code comes back; no command gives a shell.
    assert_eq!(exit_code(&env.cove(&["unshare", "sh", "-c", "exit 7"])), 7);
    let (code, err) = env.cove_err(&["unshare", "/no/such/program"]);
    assert_eq!(code, 127, "{err}");
}

#[test]
fn a_killed_pause_process_is_recreated_and_the_store_survives() {
    let env = TestEnv::new("rootless-pause");
    env.cove_ok(&["pull", "-q", &image("one")]);
    let first = env.pause_pid().expect("pause process");
    unsafe { libc::kill(first, libc::SIGKILL) };
    assert!(common::eventually(|| !std::path::Path::new(&format!(
        "/proc/{first}"
    ))
    .exists()
        || std::fs::read_to_string(format!("/proc/{first}/stat"))
            .unwrap_or_default()
            .contains(") Z ")));
    // The next command builds a new namespace and sees the same images.
    let listed = env.cove_ok(&["images", "-q", "--no-trunc"]);
    assert_eq!(
        listed.trim().trim_start_matches("sha256:"),
        env_value("COVE_TEST_CONFIG_ONE").trim_start_matches("sha256:")
    );
    let second = env.pause_pid().expect("a new pause process");
    assert_ne!(first, second);
    assert_eq!(
        env.cove_ok(&["run", "--rm", &image("one"), "echo", "ok"]),
        "ok\n"
    );
}

#[test]
fn a_user_without_subordinate_ids_gets_a_clear_error() {
    let user = env_value("COVE_TEST_NOSUB_USER");
    let base =
        std::path::PathBuf::from(common::IT_ROOT).join(format!("nosub-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let status = Command::new("install")
        .args(["-d", "-o", &user, "-m", "700"])
        .arg(&base)
        .status()
        .unwrap();
    assert!(status.success());
    let out = Command::new("runuser")
        .args(["-u", &user, "--", "env", "-i"])
        .arg(format!("HOME={}", base.display()))
        .arg(format!("XDG_RUNTIME_DIR={}", base.display()))
        .arg("PATH=/usr/bin:/bin")
        .arg(common::cove_bin())
        .args(["images"])
        .current_dir("/")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&base);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(exit_code(&out), 125, "{err}");
    assert!(err.contains("/etc/subuid") && err.contains(&user), "{err}");
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
}

#[test]
fn root_works_rootful_without_a_pause_process() {
    let env = TestEnv::new("rootful");
    // Root, with the same commands, its own dirs and no user namespace.
    let run = |args: &[&str]| {
        Command::new(common::cove_bin())
            .env_clear()
            .env("HOME", &env.home)
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("XDG_CONFIG_HOME", &env.config)
            // Root keeps its store out of /var/lib: into the test's own dirs.
            .arg("--root")
            .arg(env.data.join("cove"))
            .arg("--runroot")
            .arg(env.run.join("cove"))
            .args(args)
            .output()
            .unwrap()
    };
    let info = run(&["info", "--format", "{{.Host.Security.Rootless}}"]);
    assert!(info.status.success(), "{}", common::describe(&info));
    assert_eq!(String::from_utf8_lossy(&info.stdout), "false\n");
    // Root reads only /etc/containers/registries.conf (as Podman): plain HTTP by flag.
    let pull = run(&["pull", "-q", "--tls-verify=false", &image("one")]);
    assert!(pull.status.success(), "{}", common::describe(&pull));
    // Podman's answer for root.
    let unshare = run(&["unshare", "true"]);
    assert_eq!(exit_code(&unshare), 125);
    assert!(String::from_utf8_lossy(&unshare.stderr).contains("please use unshare with rootless"));
    // A container runs as real root, in the host's user namespace.
    let out = run(&["run", "--rm", &image("one"), "cat", "/proc/self/uid_map"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("4294967295"),
        "{}",
        common::describe(&out)
    );
    assert!(!env.run.join("cove/pause.pid").exists());
}
