//! `cove build`, the rest of it: RUN's `--mount` (cache, bind, tmpfs, secret) and
//! `--network`, `--build-arg-file`, `--timestamp`, WORKDIR creating its directory,
//! `FROM --platform`, `--squash`, the API's quiet build and ADD of an http URL. Rootless
//! builds as the test user, checked the way a user would (`cove run`, `inspect`, `save`).

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::TestEnv;
use serde_json::Value;

/// A build context owned by the test user: (path, content, mode); a path ending in `/`
/// is a directory.
fn context(env: &TestEnv, name: &str, files: &[(&str, &str, u32)]) -> PathBuf {
    let dir = env.home.join(name);
    fs::create_dir_all(&dir).unwrap();
    for (path, content, mode) in files {
        let p = dir.join(path);
        if path.ends_with('/') {
            fs::create_dir_all(&p).unwrap();
        } else {
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, content).unwrap();
        }
        fs::set_permissions(&p, fs::Permissions::from_mode(*mode)).unwrap();
    }
    chown_to_user(&dir);
    dir
}

fn chown_to_user(path: &Path) {
    let (uid, gid) = common::test_user_ids();
    let out = std::process::Command::new("chown")
        .args(["-R", "-h", &format!("{uid}:{gid}")])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success());
}

fn build(env: &TestEnv, dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    args.push(dir.to_str().unwrap());
    env.cove_ok(&args)
}

fn build_err(env: &TestEnv, dir: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    args.push(dir.to_str().unwrap());
    env.cove_err(&args)
}

/// The image ID a build printed last.
fn built_id(out: &str) -> String {
    out.lines().last().unwrap_or("").trim().to_string()
}

/// `script` run by /bin/sh in a container of `image`, as root, without a network.
fn sh_in(env: &TestEnv, image: &str, script: &str) -> String {
    env.cove_ok(&[
        "run",
        "--rm",
        "--user",
        "0",
        "--network",
        "none",
        "--entrypoint",
        "/bin/sh",
        image,
        "-c",
        script,
    ])
}

fn inspect(env: &TestEnv, image: &str) -> Value {
    let v: Value = serde_json::from_str(&env.cove_ok(&["image", "inspect", image])).unwrap();
    v[0].clone()
}

/// Every layer of `image` as `cove save` writes it, and its config, in one byte string.
fn saved_bytes(env: &TestEnv, image: &str) -> Vec<u8> {
    let archive = env
        .base
        .join(format!("{}.tar", image.replace(['/', ':'], "_")));
    env.cove_ok(&["save", "-o", archive.to_str().unwrap(), image]);
    let mut all = Vec::new();
    let mut outer = tar::Archive::new(fs::File::open(&archive).unwrap());
    for e in outer.entries().unwrap() {
        let mut e = e.unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut data).unwrap();
        // Layers may be compressed: unpack each inner tar's entries as well.
        if let Ok(inner) = zstd_or_gzip_or_plain(&data) {
            all.extend_from_slice(&inner);
        }
        all.extend_from_slice(&data);
    }
    all
}

fn zstd_or_gzip_or_plain(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    if data.starts_with(&[0x1f, 0x8b]) {
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(data), &mut out)?;
    } else {
        out = data.to_vec();
    }
    Ok(out)
}

fn sha256_hex(s: &str) -> String {
    let out = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            std::io::Write::write_all(c.stdin.as_mut().unwrap(), s.as_bytes())?;
            c.wait_with_output()
        })
        .unwrap();
    String::from_utf8_lossy(&out.stdout)[..64].to_string()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn run_mounts_cache_bind_tmpfs_and_network() {
    let env = TestEnv::new("bmore-mounts");
    let base = common::image("busybox");
    let df = format!(
        "FROM {base} AS stage\nRUN echo from-stage > /staged\n\
         FROM {base}\n\
         ARG CACHE_ID=c1\n\
         RUN --mount=type=cache,target=/cache,id=$CACHE_ID echo run >> /cache/log && wc -l < /cache/log > /runs\n\
         RUN --mount=type=cache,target=/var/c2,uid=1000,gid=1001,mode=0700 stat -c '%u %g %a' /var/c2 > /c2.stat\n\
         RUN --mount=type=bind,source=data,target=/mnt cat /mnt/file > /bound && \
             (test -e /mnt/secret.key && echo ignored-file-visible || true) && \
             (touch /mnt/new 2>/dev/null && echo writable || echo read-only) >> /bound\n\
         RUN --mount=type=bind,source=data,target=/mnt,rw touch /mnt/new && echo rw-ok >> /bound\n\
         RUN --mount=type=bind,from=stage,source=/staged,target=/opt/staged cat /opt/staged >> /bound\n\
         RUN --mount=type=tmpfs,target=/t grep ' /t ' /proc/mounts | cut -d' ' -f3 > /tmpfs && touch /t/x\n\
         RUN --network=none ls /sys/class/net > /net.none\n\
         RUN ls /sys/class/net > /net.default\n"
    );
    let dir = context(
        &env,
        "ctx",
        &[
            ("Dockerfile", &df, 0o644),
            ("data/file", "from-context\n", 0o644),
            ("data/secret.key", "ignored\n", 0o600),
            (".dockerignore", "data/secret.key\n", 0o644),
        ],
    );
    build(&env, &dir, &["-q", "-t", "mounts"]);
    let files = sh_in(
        &env,
        "mounts",
        "cat /runs /c2.stat /bound /tmpfs; echo; cat /net.none; echo; cat /net.default; \
         for p in /cache /var/c2 /mnt /opt/staged /t; do test -e $p && echo left:$p; done; true",
    );
    let (head, nets) = files.split_once("\n\n").unwrap();
    assert_eq!(
        head,
        "1\n1000 1001 700\nfrom-context\nread-only\nrw-ok\nfrom-stage\ntmpfs"
    );
    let (none, default) = nets.split_once("\n\n").unwrap();
    assert_eq!(none.trim(), "lo", "RUN --network=none: {nets}");
    assert!(
        default.lines().count() >= 2,
        "the default network has an interface besides lo: {nets}"
    );
    assert!(
        !default.contains("left:"),
        "mount points left in the image: {default}"
    );
    // The context itself was not written by the rw bind.
    assert!(!dir.join("data/new").exists());

    // The cache outlives the build: a rebuild of the step (no cache) sees the first
    // run's line; another id is another cache.
    build(&env, &dir, &["-q", "--no-cache", "-t", "mounts2"]);
    assert_eq!(sh_in(&env, "mounts2", "cat /runs"), "2\n");
    build(
        &env,
        &dir,
        &[
            "-q",
            "--no-cache",
            "--build-arg",
            "CACHE_ID=other",
            "-t",
            "mounts3",
        ],
    );
    assert_eq!(sh_in(&env, "mounts3", "cat /runs"), "1\n");

    // Bad mounts are refused with the step named.
    for (line, want) in [
        (
            "RUN --mount=type=foo,target=/x true",
            "invalid mount type \"foo\"",
        ),
        ("RUN --mount=type=cache true", "target is required"),
        (
            "RUN --mount=type=bind,source=../x,target=/x true",
            "forbidden path outside the build context",
        ),
        (
            "RUN --mount=type=bind,from=nostage,target=/x true",
            "from=nostage",
        ),
        ("RUN --network=bogus true", "--network=bogus"),
        ("RUN --frob true", "unknown flag: --frob"),
    ] {
        let d = context(
            &env,
            "bad",
            &[("Dockerfile", &format!("FROM {base}\n{line}\n"), 0o644)],
        );
        let (code, err) = build_err(&env, &d, &["-q", "--pull=never"]);
        assert_eq!(code, 125, "{line}: {err}");
        assert!(err.contains("Dockerfile:2"), "{line}: {err}");
        assert!(err.contains(want), "{line}: {err}");
    }
}

#[test]
fn secrets_are_mounted_for_the_step_and_kept_out_of_the_image() {
    let env = TestEnv::new("bmore-secret");
    let base = common::image("busybox");
    let secret = "s3cr3t-value-4711";
    let df = format!(
        "FROM {base}\n\
         RUN --mount=type=secret,id=tok sha256sum < /run/secrets/tok | cut -c1-64 > /sum && \
             stat -c '%a %u' /run/secrets/tok > /default.stat\n\
         RUN --mount=type=secret,id=tok,target=/etc/tok.conf,mode=0440,uid=1000 \
             stat -c '%a %u' /etc/tok.conf > /custom.stat && test -s /etc/tok.conf\n\
         RUN --mount=type=secret,id=absent test ! -e /run/secrets/absent && touch /optional-ok\n"
    );
    let dir = context(&env, "ctx", &[("Dockerfile", &df, 0o644)]);
    let src = env.home.join("token.txt");
    fs::write(&src, secret).unwrap();
    fs::set_permissions(&src, fs::Permissions::from_mode(0o600)).unwrap();
    chown_to_user(&src);
    let arg = format!("id=tok,src={}", src.display());
    let out = build(&env, &dir, &["--secret", &arg, "-t", "withsecret"]);
    assert!(!out.contains(secret), "{out}");
    assert_eq!(
        sh_in(
            &env,
            "withsecret",
            "cat /sum /default.stat /custom.stat; ls /optional-ok; ls -A /run/secrets /etc/tok.conf 2>&1 | grep -v 'No such' ; true"
        ),
        format!("{}\n400 0\n440 1000\n/optional-ok\n", sha256_hex(secret))
    );
    let bytes = saved_bytes(&env, "withsecret");
    // The layers were read: the step's own file is there.
    assert!(contains(&bytes, b"optional-ok"));
    assert!(
        !contains(&bytes, secret.as_bytes()),
        "the secret is in the saved image"
    );
    let history = env.cove_ok(&["history", "--no-trunc", "withsecret"]);
    assert!(!history.contains(secret), "{history}");
    // The caller's file is untouched.
    assert_eq!(
        fs::metadata(&src).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // A required secret not given stops the build at its step, Podman's words.
    let d = context(
        &env,
        "req",
        &[(
            "Dockerfile",
            &format!("FROM {base}\nRUN --mount=type=secret,id=nope,required=true true\n"),
            0o644,
        )],
    );
    let (code, err) = build_err(&env, &d, &["-q"]);
    assert_eq!(code, 125, "{err}");
    assert!(
        err.contains("secret required but no secret with id nope found"),
        "{err}"
    );
    // A --secret whose file is missing is refused before anything runs.
    let (code, err) = build_err(&env, &d, &["--secret", "id=x,src=/nonexistent/file"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("/nonexistent/file"), "{err}");
}
