//! Containers with user namespaces of their own mappings (`--uidmap`, `--gidmap`,
//! `--subuidname`, `--userns=nomap|auto|ns:PATH`), as a user sees them: the maps inside,
//! the image's files owned by the container's root, files it writes owned on the host by
//! the subordinate ID it maps to, shifted layer copies shared and removed with the image.

mod common;

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::{busybox, pulled, test_user, user_dir, TestEnv};

/// The first subordinate uid and gid of the test user (intermediate 1).
fn first_subids() -> (u32, u32) {
    let first = |file: &str| {
        std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .find_map(|l| {
                let mut f = l.split(':');
                (f.next() == Some(test_user().as_str()))
                    .then(|| f.next().unwrap().parse::<u32>().unwrap())
            })
            .expect("the test user has subordinate ids")
    };
    (first("/etc/subuid"), first("/etc/subgid"))
}

fn maps(out: &str) -> Vec<Vec<String>> {
    out.lines()
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect()
}

fn shifted_copies(env: &TestEnv) -> Vec<String> {
    std::fs::read_dir(env.data.join("cove/idmapped-layers"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn uidmap_is_the_namespace_and_the_image_root_owns_its_files() {
    let env = pulled("idmap-uidmap");
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--uidmap",
        "0:1:1000",
        &busybox(),
        "sh",
        "-c",
        "cat /proc/self/uid_map /proc/self/gid_map; stat -c %u:%g / /bin/busybox /etc; id -u",
    ]);
    let lines = maps(&out);
    // Only --uidmap given: the gid map follows it, as in Podman.
    assert_eq!(lines[0], ["0", "1", "1000"], "{out}");
    assert_eq!(lines[1], ["0", "1", "1000"], "{out}");
    assert_eq!(
        &out.lines().skip(2).collect::<Vec<_>>(),
        &["0:0", "0:0", "0:0", "0"]
    );

    // Separate gid maps.
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--uidmap",
        "0:1:100",
        "--gidmap",
        "0:200:50",
        &busybox(),
        "sh",
        "-c",
        "cat /proc/self/uid_map /proc/self/gid_map; stat -c %u:%g /bin/busybox",
    ]);
    let lines = maps(&out);
    assert_eq!(lines[0], ["0", "1", "100"]);
    assert_eq!(lines[1], ["0", "200", "50"]);
    assert_eq!(out.lines().nth(2), Some("0:0"));
}

#[test]
fn nomap_leaves_the_user_out_and_writes_as_subordinate_ids() {
    let env = pulled("idmap-nomap");
    let shared = env.base.join("shared");
    user_dir(&shared, 0o777);
    let volume = format!("{}:/out", shared.display());
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--userns",
        "nomap",
        "-v",
        &volume,
        &busybox(),
        "sh",
        "-c",
        "cat /proc/self/uid_map; stat -c %u:%g /bin/busybox; touch /out/made",
    ]);
    let lines = maps(&out);
    assert_eq!(lines[0][..2], ["0".to_string(), "1".to_string()], "{out}");
    assert_eq!(out.lines().nth(1), Some("0:0"));
    // Container root is intermediate 1: the user's first subordinate id on the host.
    let meta = std::fs::metadata(shared.join("made")).unwrap();
    assert_eq!((meta.uid(), meta.gid()), first_subids());
    let inspect = env.cove_ok(&["create", "--userns", "nomap", &busybox(), "true"]);
    let id = inspect.trim();
    let shown = env.cove_ok(&[
        "inspect",
        "--format",
        "{{.HostConfig.UsernsMode}} {{index .HostConfig.IDMappings.UidMap 0}}",
        id,
    ]);
    assert!(shown.starts_with("private 0:1:"), "{shown}");
}

#[test]
fn one_shifted_copy_per_mapping_removed_with_the_image() {
    let env = pulled("idmap-shared");
    for name in ["a", "b"] {
        let out = env.cove_ok(&[
            "run",
            "--name",
            name,
            "--uidmap",
            "0:1:2000",
            &busybox(),
            "stat",
            "-c",
            "%u",
            "/bin/busybox",
        ]);
        assert_eq!(out.trim(), "0");
    }
    assert_eq!(shifted_copies(&env).len(), 1, "both use the same copy");
    env.cove_ok(&["run", "--rm", "--uidmap", "0:1:3000", &busybox(), "true"]);
    assert_eq!(
        shifted_copies(&env).len(),
        2,
        "another mapping, another copy"
    );
    env.cove_ok(&["rm", "a", "b"]);
    env.cove_ok(&["rmi", &busybox()]);
    assert_eq!(shifted_copies(&env), Vec::<String>::new());
}

#[test]
fn auto_containers_get_ranges_of_their_own() {
    let env = pulled("idmap-auto");
    let ranges: Vec<String> = ["a", "b"]
        .iter()
        .map(|name| {
            env.cove_ok(&[
                "create",
                "--name",
                name,
                "--userns",
                "auto",
                &busybox(),
                "true",
            ]);
            env.cove_ok(&[
                "inspect",
                "--format",
                "{{index .HostConfig.IDMappings.UidMap 0}}",
                name,
            ])
            .trim()
            .to_string()
        })
        .collect();
    assert_eq!(ranges, ["0:1:1024", "0:1025:1024"]);
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--userns",
        "auto:size=500",
        &busybox(),
        "sh",
        "-c",
        "cat /proc/self/uid_map; stat -c %u /bin/busybox",
    ]);
    assert_eq!(maps(&out)[0], ["0", "2049", "500"], "{out}");
    assert_eq!(out.lines().nth(1), Some("0"));
}

#[test]
fn ns_path_joins_a_running_containers_namespace() {
    let env = pulled("idmap-ns");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "holder",
        "--uidmap",
        "0:1:1500",
        &busybox(),
        "sleep",
        "100",
    ]);
    let pid = env.cove_ok(&["inspect", "--format", "{{.State.Pid}}", "holder"]);
    let ns = format!("ns:/proc/{}/ns/user", pid.trim());
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--userns",
        &ns,
        &busybox(),
        "sh",
        "-c",
        "cat /proc/self/uid_map; stat -c %u /bin/busybox",
    ]);
    assert_eq!(maps(&out)[0], ["0", "1", "1500"], "{out}");
    assert_eq!(out.lines().nth(1), Some("0"));
    env.cove_ok(&["rm", "-f", "-t", "0", "holder"]);
}

#[test]
fn bad_mappings_fail_with_one_line_and_make_nothing() {
    let env = pulled("idmap-bad");
    let cases: &[(&[&str], &str)] = &[
        (
            &["--uidmap", "0:1"],
            "Error: initializing ID mappings: UID setting is malformed expected [\"uint32:uint32:uint32\"]: [\"0:1\"]\n",
        ),
        (
            &["--uidmap", "+0:1:10"],
            "Error: initializing ID mappings: UID setting is malformed expected [\"uint32:uint32:uint32\"]: [\"+0:1:10\"]\n",
        ),
        (
            &["--gidmap", "0:a:10"],
            "Error: initializing ID mappings: GID setting is malformed expected [\"uint32:uint32:uint32\"]: [\"0:a:10\"]\n",
        ),
        (
            &["--uidmap", "0:1:1000", "--uidmap", "500:2000:10"],
            "Error: the specified UID and/or GID mapping 500:2000:10 conflicts with other mappings: invalid mappings specified\n",
        ),
        (
            &["--uidmap", "1:1:10"],
            "Error: container uses ID mappings (1:1:10), but doesn't map UID 0\n",
        ),
        (&["--uidmap", "0:70000:10"], "Error: potentially insufficient UIDs or GIDs available in user namespace (requested 0:70000:10)"),
        (
            &["--uidmap", "0:1:10", "--userns", "keep-id"],
            "Error: --userns and --uidmap/--gidmap/--subuidname/--subgidname are mutually exclusive\n",
        ),
        (&["--userns", "bogus"], "Error: unrecognized namespace mode bogus passed\n"),
        (&["--userns", "auto:size=x"], "Error: invalid --userns auto option \"size=x\""),
        (&["--subuidname", "nosuch"], "Error: no subuid ranges found for user \"nosuch\" in /etc/subuid\n"),
        (&["--userns", "ns:/no/such/ns"], "Error: --userns ns:/no/such/ns: no such namespace file\n"),
    ];
    for (flags, want) in cases {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(flags);
        let image = busybox();
        args.extend([image.as_str(), "true"]);
        let (code, err) = env.cove_err(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.starts_with(want), "{flags:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{flags:?}: {err}");
    }
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]).trim(), "");
    assert!(!Path::new(&env.data.join("cove/idmapped-layers")).exists());
}

#[test]
fn pod_members_share_the_infra_mapping() {
    let env = pulled("idmap-pod");
    env.cove_ok(&["pod", "create", "--name", "p", "--uidmap", "0:1:1000"]);
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--pod",
        "p",
        &busybox(),
        "sh",
        "-c",
        "cat /proc/self/uid_map; stat -c %u /bin/busybox",
    ]);
    assert_eq!(maps(&out)[0], ["0", "1", "1000"], "{out}");
    assert_eq!(out.lines().nth(1), Some("0"));
    env.cove_ok(&["pod", "rm", "-f", "p"]);
}
