//! The per-user namespace: one pause process, joined race-free by every command, recreated
//! when it dies; clear refusal without subordinate ids; rootful mode for root, in its own
//! mount namespace.

mod common;

use std::process::{Command, Stdio};

use common::rootful::{cove, Rootful, Step};
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
        "{{.Host.Security.Rootless}} {{.Store.GraphDriverName}} {{json .Host.IDMappings.UIDMap}}",
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
fn root_works_rootful_in_its_own_mount_namespace() {
    // Root, with the same commands, its own dirs and no user namespace; like every rootful
    // run in the tests, inside a throwaway mount namespace.
    let h = Rootful::new("rootful");
    let one = image("one");
    let session = h.session(&[
        cove(&["info", "--format", "{{.Host.Security.Rootless}}"]),
        // Root reads only /etc/containers/registries.conf (as Podman): plain HTTP by flag.
        cove(&["pull", "-q", "--tls-verify=false", &one]),
        // A container runs as real root, in the host's user namespace.
        cove(&["run", "--rm", &one, "cat", "/proc/self/uid_map"]),
        cove(&["create", "--name", "m", &one, "true"]),
        // What `container mount` mounted stays in cove's mount namespace, where `cove
        // unshare` (and any later command) finds it.
        Step::Sh(format!(
            "p=$({mount}) && {unshare} grep -q \" $p \" /proc/self/mountinfo \
             && ! grep -q \" $p \" /proc/self/mountinfo",
            mount = h.cove_line(&["container", "mount", "m"]),
            unshare = h.cove_line(&["unshare"]),
        )),
        cove(&["unshare", "sh", "-c", "exit 7"]),
    ]);
    session.assert_mounts_unchanged();
    let info = session.step("cove info --format {{.Host.Security.Rootless}}");
    assert_eq!((info.code, info.output.as_str()), (0, "false\n"));
    let uid_map = session.step(&format!("cove run --rm {one} cat /proc/self/uid_map"));
    assert!(uid_map.output.contains("4294967295"), "{}", uid_map.output);
    assert_eq!(session.step("cove unshare sh -c exit 7").code, 7);
    session
        .steps
        .iter()
        .filter(|s| !s.command.ends_with("exit 7"))
        .for_each(|s| {
            assert_eq!(s.code, 0, "`{}`: {}", s.command, s.output);
        });
}
