//! `cove build`'s flags beyond the Dockerfile (issue 17, `podman build` parity): what every
//! RUN step gets (`--network`, `--add-host`, `-v`, `--ulimit`, `--shm-size`, `--env` ...),
//! `--from`, `--build-context`, `--output`, `--logfile`, skipped unused stages, and the
//! flags that fail with one clear line. Rootless builds as the test user against the
//! local registry, checked as a user would (`cove run`, `image inspect`, files written).

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::TestEnv;
use serde_json::Value;

/// A directory of files owned by the test user.
fn files(env: &TestEnv, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = env.home.join(name);
    fs::create_dir_all(&dir).unwrap();
    for (path, content) in files {
        fs::write(dir.join(path), content).unwrap();
    }
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    let (uid, gid) = common::test_user_ids();
    let out = std::process::Command::new("chown")
        .args(["-R", &format!("{uid}:{gid}")])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    dir
}

fn build(env: &TestEnv, dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    args.push(dir.to_str().unwrap());
    env.cove_ok(&args)
}

/// `script` run by /bin/sh in a container of `image`, without a network.
fn sh_in(env: &TestEnv, image: &str, script: &str) -> String {
    env.cove_ok(&[
        "run",
        "--rm",
        "--network",
        "none",
        "--entrypoint",
        "/bin/sh",
        image,
        "-c",
        script,
    ])
}

fn config(env: &TestEnv, image: &str) -> Value {
    let v: Value = serde_json::from_str(&env.cove_ok(&["image", "inspect", image])).unwrap();
    v[0]["Config"].clone()
}

#[test]
fn build_wide_options_reach_every_run_step() {
    let env = TestEnv::new("bflags-run");
    let base = common::image("busybox");
    let data = files(&env, "data", &[("in.txt", "from-the-host\n")]);
    let df = format!(
        "FROM {base}\n\
         RUN grep db.example /etc/hosts > /hosts.txt; cat /data/in.txt > /vol.txt\n\
         RUN ulimit -n > /nofile; df -k /dev/shm | tail -1 | awk '{{print $2}}' > /shm; \
             ls /sys/class/net > /net; echo \"$GREETING\" > /greeting\n"
    );
    let dir = files(&env, "ctx", &[("Dockerfile", &df)]);
    let out = env.home.join("out");
    build(
        &env,
        &dir,
        &[
            "-q",
            "-t",
            "runopts",
            "--network",
            "none",
            "--add-host",
            "db.example:10.1.2.3",
            "-v",
            &format!("{}:/data:ro", data.display()),
            "--ulimit",
            "nofile=512:512",
            "--shm-size",
            "8m",
            "--env",
            "GREETING=hello",
            "--env",
            "DROPPED=x",
            "--unsetenv",
            "DROPPED",
            "--output",
            &format!("type=local,dest={}", out.display()),
        ],
    );
    let got = sh_in(
        &env,
        "runopts",
        "cat /hosts.txt /vol.txt /nofile /shm /net /greeting; test -e /data && echo left:/data; true",
    );
    let lines: Vec<&str> = got.lines().collect();
    assert!(
        lines[0].contains("10.1.2.3") && lines[0].contains("db.example"),
        "--add-host in a RUN's /etc/hosts: {got}"
    );
    assert_eq!(
        &lines[1..],
        ["from-the-host", "512", "8192", "lo", "hello"],
        "-v, --ulimit, --shm-size, --network none and --env in RUN steps"
    );
    let env_list = config(&env, "runopts")["Env"].to_string();
    assert!(env_list.contains("GREETING=hello"), "{env_list}");
    assert!(!env_list.contains("DROPPED"), "--unsetenv: {env_list}");
    // --output wrote the image's filesystem, owned by the user.
    assert_eq!(fs::read_to_string(out.join("greeting")).unwrap(), "hello\n");
    assert!(out.join("bin/busybox").exists());
}

#[test]
fn from_build_context_output_tar_logfile_and_unused_stages() {
    let env = TestEnv::new("bflags-from");
    let extra = files(&env, "extra", &[("note.txt", "from-a-named-context\n")]);
    // The first stage's FROM is replaced by --from; the unused stage's image does not
    // exist, so the build passes only if that stage is skipped.
    let df = "FROM no-such-image-here AS base\n\
              FROM no-such-image-either AS unused\nRUN false\n\
              FROM base\nCOPY --from=extra note.txt /note.txt\nRUN cat /note.txt\n";
    let dir = files(&env, "ctx", &[("Dockerfile", df)]);
    let tar = env.home.join("rootfs.tar");
    let log = env.home.join("build.log");
    let printed = build(
        &env,
        &dir,
        &[
            "-t",
            "fromctx",
            "--from",
            &common::image("busybox"),
            "--build-context",
            &format!("extra={}", extra.display()),
            "-o",
            &format!("type=tar,dest={}", tar.display()),
            "--logfile",
            log.to_str().unwrap(),
        ],
    );
    assert!(
        !printed.contains("STEP"),
        "--logfile takes the output: {printed}"
    );
    let logged = fs::read_to_string(&log).unwrap();
    assert!(logged.contains("from-a-named-context"), "{logged}");
    assert!(!logged.contains("no-such-image-either"), "{logged}");
    assert_eq!(
        sh_in(
            &env,
            "fromctx",
            "cat /note.txt; test -x /bin/busybox && echo busybox"
        ),
        "from-a-named-context\nbusybox\n"
    );
    let mut names = Vec::new();
    for e in tar::Archive::new(fs::File::open(&tar).unwrap())
        .entries()
        .unwrap()
    {
        names.push(e.unwrap().path().unwrap().display().to_string());
    }
    assert!(
        names
            .iter()
            .any(|n| n.trim_start_matches("./") == "note.txt"),
        "{names:?}"
    );
}

#[test]
fn flags_that_cannot_work_fail_with_one_clear_line_and_tag_nothing() {
    let env = TestEnv::new("bflags-refused");
    let df = format!("FROM {}\nRUN true\n", common::image("busybox"));
    let dir = files(&env, "ctx", &[("Dockerfile", &df)]);
    let other_arch = if cfg!(target_arch = "x86_64") {
        "arm64"
    } else {
        "amd64"
    };
    let cases: &[(&[&str], &str)] = &[
        (
            &["--manifest", "list"],
            "--manifest: cove has no manifest lists",
        ),
        (&["--add-host", "nocolon"], "invalid --add-host \"nocolon\""),
        (&["--network", "container:"], "container:"),
        (&["--userns-uid-map", "0:1:1"], "--userns-uid-map: "),
        (&["--isolation", "vm"], "invalid --isolation \"vm\""),
        (&["--arch", other_arch], "only the local platform"),
        (&["-o", "type=registry,dest=x"], "not supported"),
        (
            &["--build-context", "x=https://example.com/c.tar"],
            "--build-context",
        ),
        (&["--cert-dir", "/tmp"], "--cert-dir: "),
    ];
    for (flags, want) in cases {
        let mut args = vec!["build", "-t", "refused"];
        args.extend_from_slice(flags);
        args.push(dir.to_str().unwrap());
        let (code, err) = env.cove_err(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.contains(want), "{flags:?}: want {want:?} in {err}");
        assert_eq!(err.trim().lines().count(), 1, "{flags:?}: one line: {err}");
    }
    // Resource limits: `cove run --memory`'s line where no cgroup is delegated (a machine
    // with a delegated cgroup v2 takes them).
    let out = env.cove(&[
        "build",
        "-t",
        "limited",
        "--memory",
        "64m",
        dir.to_str().unwrap(),
    ]);
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--memory: resource limits need a cgroup v2"),
            "{err}"
        );
        let run = env.cove(&[
            "run",
            "--rm",
            "--memory",
            "64m",
            &common::image("busybox"),
            "true",
        ]);
        assert_eq!(
            err,
            String::from_utf8_lossy(&run.stderr),
            "the same line as cove run --memory"
        );
        env.cove_err(&["image", "exists", "limited"]);
    }
    env.cove_err(&["image", "exists", "refused"]);
}
