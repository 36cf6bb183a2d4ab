//! `cove cp` as `podman cp` behaves: through a running container's mounts (volumes,
//! bind mounts, tmpfs), a stopped container's volumes, between containers, tar streams on
//! stdin and stdout, the working directory for relative paths, `--overwrite`,
//! `--archive`, Podman's error lines, and hostile tar streams refused.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use common::{busybox, describe, exit_code, pulled, TestEnv};

/// `cove ARGS < input`.
fn cove_stdin(env: &TestEnv, args: &[&str], input: &Path) -> Output {
    env.cove_cmd(args)
        .stdin(Stdio::from(std::fs::File::open(input).unwrap()))
        .output()
        .unwrap()
}

/// The entry names of a tar stream, in order.
fn tar_names(tar: &[u8]) -> Vec<String> {
    tar::Archive::new(tar)
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().display().to_string())
        .collect()
}

/// (name, kind, data) of one tar entry for `write_tar`.
type Entry<'a> = (&'a str, char, &'a str);

/// Write a tar (as root: the test reads it to stdin) of (name, kind, data): kind 'f' a
/// file with `data`, 'd' a directory, 'l' a symlink to `data`.
fn write_tar(path: &Path, entries: &[Entry]) {
    let mut b = tar::Builder::new(Vec::new());
    for (name, kind, data) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_mode(0o644);
        // Set raw: the tar crate refuses to write `..` and absolute names itself.
        h.as_gnu_mut().unwrap().name[..name.len()].copy_from_slice(name.as_bytes());
        match kind {
            'f' => {
                h.set_size(data.len() as u64);
                h.set_entry_type(tar::EntryType::Regular);
                h.set_cksum();
                b.append(&h, data.as_bytes()).unwrap();
            }
            'd' => {
                h.set_mode(0o755);
                h.set_size(0);
                h.set_entry_type(tar::EntryType::Directory);
                h.set_cksum();
                b.append(&h, std::io::empty()).unwrap();
            }
            _ => {
                h.set_size(0);
                h.set_entry_type(tar::EntryType::Symlink);
                h.set_link_name(data).unwrap();
                h.set_cksum();
                b.append(&h, std::io::empty()).unwrap();
            }
        }
    }
    std::fs::write(path, b.into_inner().unwrap()).unwrap();
}

/// The one `Error:` line and the exit code of a failed cove command.
fn error_line(env: &TestEnv, args: &[&str]) -> (i32, String) {
    let (code, err) = env.cove_err(args);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("Error: ")).collect();
    assert_eq!(lines.len(), 1, "{args:?}: {err}");
    (code, lines[0].to_string())
}

/// A host file `f` ("hostfile") and a container `box` made by `verb` (`run -d`,
/// `create`) with the volume `vol` at /vol, the host directory `bind` at /bind and
/// `extra` flags. Returns (the bind source, the file's path).
fn box_with_mounts(env: &TestEnv, verb: &[&str], extra: &[&str]) -> (PathBuf, String) {
    env.sh_ok("mkdir bind && printf hostfile > f");
    let bind = env.base.join("bind");
    let bind_flag = format!("{}:/bind", bind.display());
    let mut args = verb.to_vec();
    args.extend(["--name", "box", "-v", "vol:/vol", "-v", &bind_flag]);
    args.extend(extra);
    let img = busybox();
    args.extend([img.as_str(), "sleep", "1000"]);
    env.cove_ok(&args);
    (bind, env.base.join("f").display().to_string())
}

#[test]
fn cp_reaches_the_volumes_bind_mounts_and_tmpfs_of_a_running_container() {
    let env = pulled("cp-running-mounts");
    let (bind, f) = box_with_mounts(&env, &["run", "-d"], &["--tmpfs", "/scratch", "-w", "/tmp"]);
    let f = f.as_str();
    // Into each mount: the container sees the file (it is not hidden under the mount).
    for dir in ["/vol", "/bind", "/scratch"] {
        env.cove_ok(&["cp", f, &format!("box:{dir}/")]);
        env.cove_ok(&["cp", f, &format!("box:{dir}/renamed")]);
        assert_eq!(
            env.cove_ok(&[
                "exec",
                "box",
                "cat",
                &format!("{dir}/f"),
                &format!("{dir}/renamed")
            ]),
            "hostfilehostfile",
            "{dir}"
        );
    }
    // The bind mount's source on the host has it too; copied in as the container's root.
    assert_eq!(
        std::fs::read_to_string(bind.join("renamed")).unwrap(),
        "hostfile"
    );
    assert_eq!(
        env.cove_ok(&["exec", "box", "stat", "-c", "%u:%g", "/vol/f"]),
        "0:0\n"
    );
    // Out of each mount: what the container wrote there.
    env.cove_ok(&[
        "exec",
        "box",
        "sh",
        "-c",
        "for d in vol bind scratch; do echo in-$d > /$d/w; done",
    ]);
    for d in ["vol", "bind", "scratch"] {
        let out = env.base.join(format!("out-{d}"));
        env.cove_ok(&["cp", &format!("box:/{d}/w"), out.to_str().unwrap()]);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), format!("in-{d}\n"));
    }
    // `.` and relative paths are the working directory's (-w /tmp), both ways.
    env.cove_ok(&["cp", f, "box:."]);
    env.cove_ok(&["cp", f, "box:rel"]);
    assert_eq!(
        env.cove_ok(&["exec", "box", "cat", "/tmp/f", "/tmp/rel"]),
        "hostfilehostfile"
    );
    let back = env.base.join("back");
    env.cove_ok(&["cp", "box:rel", back.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&back).unwrap(), "hostfile");
    env.cove_ok(&["rm", "-f", "-t", "0", "box"]);
}

#[test]
fn cp_with_a_stopped_container_uses_its_volumes_and_bind_mounts() {
    let env = pulled("cp-stopped");
    // Never started: the volume and the bind mount are still where the copy goes.
    let (bind, f) = box_with_mounts(&env, &["create"], &[]);
    let f = f.as_str();
    env.cove_ok(&["cp", f, "box:/vol/in-vol"]);
    env.cove_ok(&["cp", f, "box:/bind/"]);
    env.cove_ok(&["cp", f, "box:/etc/in-rootfs"]);
    assert_eq!(std::fs::read_to_string(bind.join("f")).unwrap(), "hostfile");
    env.cove_ok(&["start", "box"]);
    assert_eq!(
        env.cove_ok(&[
            "exec",
            "box",
            "cat",
            "/vol/in-vol",
            "/bind/f",
            "/etc/in-rootfs"
        ]),
        "hostfilehostfilehostfile"
    );
    env.cove_ok(&["exec", "box", "sh", "-c", "echo later > /vol/later"]);
    // Exited: copied out of the volume, not out of the (empty) mount point in the rootfs.
    env.cove_ok(&["stop", "-t", "0", "box"]);
    let out = env.base.join("later");
    env.cove_ok(&["cp", "box:/vol/later", out.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "later\n");
    // And the volume itself, by its mount point.
    let tree = env.base.join("volcopy");
    env.cove_ok(&["cp", "box:/vol", tree.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(tree.join("in-vol")).unwrap(),
        "hostfile"
    );
    env.cove_ok(&["rm", "box"]);
}

#[test]
fn cp_between_containers_and_into_a_container_users_ownership() {
    let env = pulled("cp-between");
    let img = busybox();
    env.cove_ok(&["run", "-d", "--name", "a", &img, "sleep", "1000"]);
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "b",
        "-u",
        "1000:1000",
        &img,
        "sleep",
        "1000",
    ]);
    env.cove_ok(&[
        "exec",
        "a",
        "sh",
        "-c",
        "mkdir -p /data/sub && echo one > /data/one && echo two > /data/sub/two",
    ]);
    env.cove_ok(&["cp", "a:/data", "b:/tmp/"]);
    env.cove_ok(&["cp", "a:/data/one", "b:/tmp/single"]);
    env.cove_ok(&["cp", "a:/data/.", "b:/tmp/content"]);
    // Owned by b's primary user and group (Podman's --archive, the default).
    assert_eq!(
        env.cove_ok(&[
            "exec",
            "b",
            "sh",
            "-c",
            "cat /tmp/data/sub/two /tmp/single /tmp/content/one; stat -c %u:%g /tmp/data/sub/two /tmp/single"
        ]),
        "two\none\none\n1000:1000\n1000:1000\n"
    );
    // --archive=false keeps the archive's owners (root of a).
    env.cove_ok(&["cp", "--archive=false", "a:/data/one", "b:/tmp/kept"]);
    assert_eq!(
        env.cove_ok(&["exec", "b", "stat", "-c", "%u:%g", "/tmp/kept"]),
        "0:0\n"
    );
    let (code, line) = error_line(&env, &["cp", "a:/data", "b:/tmp/single"]);
    assert_eq!(
        (code, line.as_str()),
        (
            125,
            "Error: destination must be a directory when copying a directory"
        )
    );
    let (code, line) = error_line(&env, &["cp", "a:/nosuch", "b:/tmp/"]);
    assert_eq!(
        (code, line.as_str()),
        (
            125,
            "Error: \"/nosuch\" could not be found on container a: no such file or directory"
        )
    );
    env.cove_ok(&["rm", "-f", "-t", "0", "a", "b"]);
}

#[test]
fn cp_streams_tar_archives_on_stdin_and_stdout() {
    let env = pulled("cp-streams");
    env.cove_ok(&["run", "-d", "--name", "box", &busybox(), "sleep", "1000"]);
    env.cove_ok(&[
        "exec",
        "box",
        "sh",
        "-c",
        "mkdir -p /d/sub && echo x > /d/sub/x && echo y > /d/y",
    ]);
    // Out: the tar of the path, its top entry named after it; `DIR/.` the content.
    let out = env.cove(&["cp", "box:/d", "-"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(tar_names(&out.stdout), ["d", "d/sub", "d/sub/x", "d/y"]);
    let out = env.cove(&["cp", "box:/d/.", "-"]);
    assert_eq!(tar_names(&out.stdout), ["sub", "sub/x", "y"]);

    // In: a plain and a gzipped tar, unpacked into the directory.
    let tar = env.base.join("in.tar");
    write_tar(
        &tar,
        &[
            ("new", 'd', ""),
            ("new/file", 'f', "data"),
            ("top", 'f', "t"),
        ],
    );
    let out = cove_stdin(&env, &["cp", "-", "box:/tmp"], &tar);
    assert!(out.status.success(), "{}", describe(&out));
    let gz = env.base.join("in.tar.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, &std::fs::read(&tar).unwrap()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let out = cove_stdin(&env, &["cp", "-", "box:/home"], &gz);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        env.cove_ok(&[
            "exec",
            "box",
            "cat",
            "/tmp/new/file",
            "/tmp/top",
            "/home/top"
        ]),
        "datatt"
    );

    // Podman's errors: a destination that is not a directory, input that is not a tar.
    for dest in ["box:/d/y", "box:/nonexistent"] {
        let out = cove_stdin(&env, &["cp", "-", dest], &tar);
        assert_eq!(exit_code(&out), 125);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim(),
            "Error: destination must be a directory when copying from stdin"
        );
    }
    let junk = env.base.join("junk");
    std::fs::write(&junk, "not an archive\n").unwrap();
    let out = cove_stdin(&env, &["cp", "-", "box:/tmp"], &junk);
    assert_eq!(exit_code(&out), 125);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "Error: source must be a (compressed) tar archive when copying from stdin"
    );
    env.cove_ok(&["rm", "-f", "-t", "0", "box"]);
}

#[test]
fn cp_refuses_hostile_tar_streams() {
    let env = pulled("cp-hostile");
    let canary_dir = common::evil_canary();
    env.cove_ok(&["run", "-d", "--name", "box", &busybox(), "sleep", "1000"]);
    let evil = canary_dir.display().to_string();
    let climbing = format!("../../../../../..{evil}/dotdot");
    let absolute = format!("{evil}/abs");
    let cases: [(&str, Vec<Entry>, String); 3] = [
        (
            "dotdot",
            vec![(climbing.as_str(), 'f', "x")],
            format!("Error: copying to container: tar entry \"{climbing}\" is outside the destination directory: refused"),
        ),
        (
            "absolute",
            vec![(absolute.as_str(), 'f', "x")],
            format!("Error: copying to container: tar entry \"{absolute}\": absolute name: refused"),
        ),
        (
            "symlink",
            vec![("esc", 'l', evil.as_str()), ("esc/through", 'f', "x")],
            "Error: copying to container: tar entry \"esc/through\": goes through the symlink \"esc\" made by the same archive: refused".to_string(),
        ),
    ];
    for (name, entries, want) in cases {
        let tar = env.base.join(format!("{name}.tar"));
        write_tar(&tar, &entries);
        for dest in ["box:/tmp", "box:/"] {
            let out = cove_stdin(&env, &["cp", "-", dest], &tar);
            assert_eq!(exit_code(&out), 125, "{name}: {}", describe(&out));
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(err.trim(), want, "{name}");
        }
    }
    common::assert_canary_untouched();
    // Nothing landed in the container either, where the names would have pointed.
    let found = env.cove_ok(&[
        "exec",
        "box",
        "sh",
        "-c",
        "find / -xdev -name dotdot -o -name through",
    ]);
    assert!(
        !found.contains("dotdot") && !found.contains("through"),
        "{found}"
    );
    env.cove_ok(&["rm", "-f", "-t", "0", "box"]);
}

#[test]
fn cp_overwrite_lets_a_directory_and_a_file_replace_each_other() {
    let env = pulled("cp-overwrite");
    env.sh_ok("mkdir -p src/d && echo x > src/d/x && echo f > src/f");
    let d = env.base.join("src/d");
    let f = env.base.join("src/f");
    env.cove_ok(&["run", "-d", "--name", "box", &busybox(), "sleep", "1000"]);
    env.cove_ok(&[
        "exec",
        "box",
        "sh",
        "-c",
        "mkdir -p /ow/f && echo file > /ow/d",
    ]);
    let (code, line) = error_line(&env, &["cp", d.to_str().unwrap(), "box:/ow/"]);
    assert_eq!(
        (code, line.as_str()),
        (125, "Error: copying to container: cannot replace \"/ow/d\", a non-directory, with a directory: use --overwrite")
    );
    let (code, line) = error_line(&env, &["cp", f.to_str().unwrap(), "box:/ow/"]);
    assert_eq!(
        (code, line.as_str()),
        (125, "Error: copying to container: cannot replace \"/ow/f\", a directory, with a non-directory: use --overwrite")
    );
    env.cove_ok(&["cp", "--overwrite", d.to_str().unwrap(), "box:/ow/"]);
    env.cove_ok(&["cp", "--overwrite", f.to_str().unwrap(), "box:/ow/"]);
    assert_eq!(
        env.cove_ok(&["exec", "box", "sh", "-c", "cat /ow/d/x /ow/f"]),
        "x\nf\n"
    );
    // The same rule on the host side.
    env.sh_ok("mkdir -p host/y && echo file > host/x");
    env.cove_ok(&["exec", "box", "sh", "-c", "mkdir /x && echo y > /y"]);
    let host = env.base.join("host");
    let host = format!("{}/", host.display());
    assert_eq!(error_line(&env, &["cp", "box:/x", &host]).0, 125);
    env.cove_ok(&["cp", "--overwrite", "box:/x", &host]);
    env.cove_ok(&["cp", "--overwrite", "box:/y", &host]);
    assert!(env.base.join("host/x").is_dir());
    assert_eq!(
        std::fs::read_to_string(env.base.join("host/y")).unwrap(),
        "y\n"
    );
    env.cove_ok(&["rm", "-f", "-t", "0", "box"]);
}

#[test]
fn cp_errors_are_podmans() {
    let env = pulled("cp-errors");
    env.sh_ok("mkdir d && echo f > f");
    let (d, f) = (env.base.join("d"), env.base.join("f"));
    let (d, f) = (d.to_str().unwrap(), f.to_str().unwrap());
    env.cove_ok(&["run", "-d", "--name", "box", &busybox(), "sleep", "1000"]);
    let missing = format!("{}/nosuch", env.base.display());
    let star = format!("{}/*", env.base.display());
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["cp", &missing, "box:/tmp"],
            format!("\"{missing}\" could not be found on the host: no such file or directory"),
        ),
        // No wildcard expansion: `*` is a name.
        (
            vec!["cp", &star, "box:/tmp"],
            format!("\"{star}\" could not be found on the host: no such file or directory"),
        ),
        (
            vec!["cp", f, "box:/no/such/dir"],
            "\"/no/such/dir\" could not be found on container box: no such file or directory"
                .into(),
        ),
        (
            vec!["cp", f, "box:/nodir/"],
            "\"/nodir/\" could not be found on container box: no such file or directory".into(),
        ),
        (
            vec!["cp", d, "box:/etc/passwd"],
            "destination must be a directory when copying a directory".into(),
        ),
        (
            vec!["cp", "box:/etc", f],
            "destination must be a directory when copying a directory".into(),
        ),
        (
            vec!["cp", "box:/nosuch", d],
            "\"/nosuch\" could not be found on container box: no such file or directory".into(),
        ),
        (
            vec!["cp", f, "ghost:/tmp"],
            "container \"ghost\" does not exist".into(),
        ),
        (
            vec!["cp", "ghost:/tmp", d],
            "container \"ghost\" does not exist".into(),
        ),
        (vec!["cp", f, d], "name or ID cannot be empty".into()),
    ];
    for (args, want) in cases {
        let (code, line) = error_line(&env, &args);
        assert_eq!((code, line), (125, format!("Error: {want}")), "{args:?}");
    }
    env.cove_ok(&["rm", "-f", "-t", "0", "box"]);
}
