//! `run/create --rootfs DIR[:O]`, as the test user on a busybox-static tree the test
//! makes: the container runs on the directory itself (its writes land there, the user's
//! files are root's inside) or, with `:O`, on an overlay that leaves it untouched; `rm`
//! never deletes the directory; inspect, ps, diff, cp, export and commit as Podman 4.3
//! treats such a container; bad directories are refused with Podman's words.

mod common;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use common::TestEnv;

/// A root filesystem of busybox-static and a /greeting file, made by the test user.
fn rootfs_tree(env: &TestEnv, dir: &Path) -> PathBuf {
    let d = dir.display();
    env.sh_ok(&format!(
        "set -e; mkdir -p {d}/bin {d}/etc {d}/tmp {d}/proc {d}/sys {d}/dev
         cp /bin/busybox {d}/bin/busybox
         for c in sh cat echo id ls rm test; do ln -s busybox {d}/bin/$c; done
         echo hello > {d}/greeting"
    ));
    dir.to_path_buf()
}

fn container_id(env: &TestEnv, name: &str) -> String {
    env.cove_ok(&["inspect", "--format", "{{.Id}}", name])
        .trim()
        .to_string()
}

/// What the directory holds at its top, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_plain_rootfs_container_runs_on_the_directory_and_rm_keeps_it() {
    let env = TestEnv::new("rootfs-plain");
    let dir = rootfs_tree(&env, &env.home.join("root"));
    let dir_s = dir.to_str().unwrap();
    let out = env.cove_ok(&[
        "run",
        "--name",
        "plain",
        "--rootfs",
        dir_s,
        "sh",
        "-c",
        "cat /greeting; id -u; ls -ln /greeting; echo mine > /written",
    ]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("hello"), "{out}");
    assert_eq!(lines.next(), Some("0"), "{out}");
    // The user's file is root's inside the rootless namespace, as in Podman.
    let owner = lines.next().unwrap_or_default();
    assert_eq!(owner.split_whitespace().nth(2), Some("0"), "{out}");
    // The write landed in the directory, owned by the user.
    let written = dir.join("written");
    assert_eq!(std::fs::read_to_string(&written).unwrap(), "mine\n");
    assert_eq!(
        std::fs::metadata(&written).unwrap().uid(),
        common::test_user_ids().0
    );

    // Podman shows no image for it and the directory as .Rootfs.
    let shown = env.cove_ok(&[
        "inspect",
        "--format",
        "{{.Rootfs}}|{{.ImageName}}|{{.Image}}",
        "plain",
    ]);
    assert_eq!(shown.trim(), format!("{dir_s}||"));
    let ps = env.cove_ok(&["ps", "-a", "--format", "{{.Names}} [{{.Image}}]"]);
    assert_eq!(ps.trim(), "plain []");
    // No image to compare with: no changes, as Podman says.
    assert_eq!(env.cove_ok(&["diff", "plain"]), "");
    let (code, err) = env.cove_err(&["commit", "plain", "nope"]);
    assert_eq!(code, 125);
    assert_eq!(
        err,
        "Error: cannot commit a container that uses an exploded rootfs\n"
    );

    // cp and export read the directory; a second start runs on it again.
    let copied = env.home.join("copied");
    env.cove_ok(&["cp", "plain:/written", copied.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&copied).unwrap(), "mine\n");
    let tar = env.home.join("plain.tar");
    env.cove_ok(&["export", "-o", tar.to_str().unwrap(), "plain"]);
    let names = env.sh_ok(&format!("tar tf {}", tar.display()));
    for want in ["greeting", "written", "bin/busybox"] {
        assert!(names.lines().any(|l| l == want), "{want} in {names}");
    }
    let again = env.cove_ok(&["start", "-a", "plain"]);
    assert!(again.starts_with("hello\n0\n"), "{again}");

    let id = container_id(&env, "plain");
    env.cove_ok(&["rm", "plain"]);
    // rm removed the container, never the user's directory or its files.
    assert_eq!(
        listing(&dir),
        ["bin", "dev", "etc", "greeting", "proc", "sys", "tmp", "written"]
    );
    assert!(dir.join("bin/busybox").is_file());
    assert!(!env.run.join("cove/mounts").join(&id).exists());
    assert!(!env.data.join("cove/containers").join(&id).exists());
}

#[test]
fn an_overlay_rootfs_container_leaves_the_directory_untouched() {
    let env = TestEnv::new("rootfs-overlay");
    let dir = rootfs_tree(&env, &env.home.join("root"));
    let before = listing(&dir);
    let spec = format!("{}:O", dir.display());
    let script = "test -e /new && echo kept; echo new > /new; rm -f /greeting; ls /";
    let out = env.cove_ok(&["run", "--name", "ov", "--rootfs", &spec, "sh", "-c", script]);
    assert!(out.lines().any(|l| l == "new"), "{out}");
    assert!(!out.lines().any(|l| l == "greeting"), "{out}");
    assert!(!out.contains("kept"), "{out}");
    // The directory is as it was: the write and the removal went to the container's upper.
    assert_eq!(listing(&dir), before);
    assert_eq!(
        std::fs::read_to_string(dir.join("greeting")).unwrap(),
        "hello\n"
    );
    // The container keeps its changes across starts, as any container does.
    let again = env.cove_ok(&["start", "-a", "ov"]);
    assert!(again.starts_with("kept\n"), "{again}");
    let copied = env.home.join("copied");
    env.cove_ok(&["cp", "ov:/new", copied.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&copied).unwrap(), "new\n");
    // .Rootfs is the directory, without the :O (as Podman prints it).
    let shown = env.cove_ok(&["inspect", "--format", "{{.Rootfs}}", "ov"]);
    assert_eq!(shown.trim(), dir.to_str().unwrap());

    env.cove_ok(&["rm", "ov"]);
    assert_eq!(listing(&dir), before);
    assert!(dir.join("bin/busybox").is_file());
}

#[test]
fn bad_rootfs_directories_are_refused_with_podmans_words() {
    let env = TestEnv::new("rootfs-bad");
    let file = env.home.join("a-file");
    env.write_user_file(&file, "x");
    let missing = env.home.join("missing");
    let tree = rootfs_tree(&env, &env.home.join("root"));
    let idmap = format!("{}:idmap", tree.display());
    let cases: &[(&str, String)] = &[
        (
            "nosuchdir",
            "Error: running container create option: stat nosuchdir: no such file or directory"
                .into(),
        ),
        (
            missing.to_str().unwrap(),
            format!(
                "Error: running container create option: stat {}: no such file or directory",
                missing.display()
            ),
        ),
        (
            file.to_str().unwrap(),
            format!(
                "Error: running container create option: --rootfs {}: not a directory",
                file.display()
            ),
        ),
        (&idmap, format!("Error: --rootfs {idmap}: the idmap option")),
    ];
    for (given, want) in cases {
        for cmd in ["run", "create"] {
            let (code, err) = env.cove_err(&[cmd, "--rm", "--rootfs", given, "true"]);
            assert_eq!(code, 125, "{cmd} {given}: {err}");
            assert_eq!(err.lines().count(), 1, "{cmd} {given}: {err}");
            assert!(err.starts_with(want.as_str()), "{cmd} {given}: {err}");
        }
    }
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    // A relative directory is the caller's (the working directory is the test's base).
    let rel = rootfs_tree(&env, &env.base.join("rel"));
    let out = env.cove_ok(&["run", "--rm", "--rootfs", "rel", "cat", "/greeting"]);
    assert_eq!(out, "hello\n");
    assert!(rel.join("greeting").is_file());
}
