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

#[test]
fn arg_files_workdir_and_platform() {
    let env = TestEnv::new("bmore-args");
    let base = common::image("busybox");
    let df = format!(
        "FROM --platform=$BUILDPLATFORM {base}\n\
         ARG A\nARG B\nARG C=default\nARG TARGETARCH\n\
         RUN echo \"$A|$B|$C|$TARGETARCH\" > /args\n\
         WORKDIR /made/deep\n\
         USER 1000:1001\n\
         WORKDIR /owned\n\
         WORKDIR /tmp\n\
         USER 0\n\
         RUN pwd > /last-pwd\n"
    );
    let dir = context(
        &env,
        "ctx",
        &[
            ("Dockerfile", &df, 0o644),
            (
                "args.conf",
                "# build args\nA=from file with = sign\nB=file\n\nC=file\n",
                0o644,
            ),
        ],
    );
    let file = dir.join("args.conf");
    build(
        &env,
        &dir,
        &[
            "-q",
            "-t",
            "argsimg",
            "--build-arg-file",
            file.to_str().unwrap(),
            "--build-arg",
            "B=cli",
        ],
    );
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    };
    assert_eq!(
        sh_in(
            &env,
            "argsimg",
            "cat /args /last-pwd; stat -c '%n %u:%g %a' /made /made/deep /owned /tmp"
        ),
        format!(
            "from file with = sign|cli|file|{arch}\n/tmp\n/made 0:0 755\n/made/deep 0:0 755\n\
             /owned 1000:1001 755\n/tmp 0:0 1777\n"
        )
    );
    assert_eq!(inspect(&env, "argsimg")["Config"]["WorkingDir"], "/tmp");

    // A missing arg file is named.
    let (code, err) = build_err(&env, &dir, &["--build-arg-file", "/nonexistent/args"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("/nonexistent/args"), "{err}");

    // Another platform is refused, for FROM and for the build, before anything runs.
    let other = if arch == "amd64" {
        "linux/arm64"
    } else {
        "linux/amd64"
    };
    let d = context(
        &env,
        "plat",
        &[(
            "Dockerfile",
            &format!("FROM --platform={other} {base}\nRUN true\n"),
            0o644,
        )],
    );
    let (code, err) = build_err(&env, &d, &["-q"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("Dockerfile:1"), "{err}");
    assert!(
        err.contains(&format!(
            "cannot build for platform {other}: only the local platform linux/{arch}"
        )),
        "{err}"
    );
    let (code, err) = build_err(&env, &dir, &["--platform", other]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("only the local platform"), "{err}");
    build(&env, &dir, &["-q", "--platform", &format!("linux/{arch}")]);
}

#[test]
fn timestamp_makes_builds_reproducible() {
    let env = TestEnv::new("bmore-stamp");
    let base = common::image("busybox");
    let df = format!(
        "FROM {base}\nCOPY file.txt /copied\nRUN echo made > /made && mkdir /dir\n\
         WORKDIR /work\nENV A=1\n"
    );
    let dir = context(
        &env,
        "ctx",
        &[("Dockerfile", &df, 0o644), ("file.txt", "content\n", 0o644)],
    );
    let stamp = "1700000000";
    let first = build(&env, &dir, &["-q", "--timestamp", stamp, "-t", "stamped"]);
    // Seconds later, built again from nothing: the same image.
    std::thread::sleep(std::time::Duration::from_secs(1));
    let second = build(
        &env,
        &dir,
        &["-q", "--no-cache", "--timestamp", stamp, "-t", "stamped2"],
    );
    assert_eq!(built_id(&first), built_id(&second));
    let unstamped = build(&env, &dir, &["-q", "--no-cache", "-t", "plain"]);
    assert_ne!(built_id(&first), built_id(&unstamped));

    let img = inspect(&env, "stamped");
    assert_eq!(img["Created"], "2023-11-14T22:13:20Z", "{img}");
    let history = env.cove_ok(&[
        "history",
        "--format",
        "{{.CreatedAt}} {{.CreatedBy}}",
        "stamped",
    ]);
    let new: Vec<&str> = history
        .lines()
        .filter(|l| l.contains("/made") || l.contains("COPY") || l.contains("ENV A=1"))
        .collect();
    assert_eq!(new.len(), 3, "{history}");
    assert!(new.iter().all(|l| l.starts_with("2023-11-14")), "{history}");
    assert_eq!(
        sh_in(&env, "stamped", "stat -c '%Y %n' /copied /made /dir /work"),
        format!("{stamp} /copied\n{stamp} /made\n{stamp} /dir\n{stamp} /work\n")
    );

    // Not a number: refused by the parser.
    let (code, err) = build_err(&env, &dir, &["--timestamp", "yesterday"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("--timestamp"), "{err}");
}

/// Layer count and the non-empty history entries of an image.
fn layers_and_history(env: &TestEnv, image: &str) -> (usize, usize) {
    let img = inspect(env, image);
    let layers = img["RootFS"]["Layers"].as_array().unwrap().len();
    let hist = env.cove_ok(&["history", "--format", "{{.Size}}", image]);
    (layers, hist.lines().count())
}

#[test]
fn squash_merges_the_new_layers_or_all_of_them() {
    let env = TestEnv::new("bmore-squash");
    let base = common::image("busybox");
    env.cove_ok(&["pull", "-q", &base]);
    let base_layers = inspect(&env, &base)["RootFS"]["Layers"]
        .as_array()
        .unwrap()
        .len();
    let df = format!(
        "FROM {base}\nRUN echo a > /a\nRUN rm /a && echo b > /b && rm /bin/vi\n\
         RUN mkdir -p /d/sub && echo 1 > /d/x && echo 1 > /d/sub/y\n\
         RUN rm -rf /d && mkdir /d && echo 2 > /d/z && rm -rf /var && mkdir /var && echo n > /var/new\n\
         ENV X=1\n"
    );
    let dir = context(&env, "ctx", &[("Dockerfile", &df, 0o644)]);
    build(&env, &dir, &["-q", "-t", "layered"]);
    build(&env, &dir, &["-q", "--squash", "-t", "squashed"]);
    build(&env, &dir, &["-q", "--squash-all", "-t", "flat"]);
    let look = "for p in /a /bin/vi /d/x /d/sub; do test -e $p && echo has:$p; done; \
                cat /b /d/z; ls /var; ls /bin/sh";
    let want = sh_in(&env, "layered", look);
    assert_eq!(want, "b\n2\nnew\n/bin/sh\n", "the unsquashed image");
    for img in ["squashed", "flat"] {
        assert_eq!(sh_in(&env, img, look), want, "{img}");
    }
    assert_eq!(layers_and_history(&env, "layered").0, base_layers + 4);
    assert_eq!(layers_and_history(&env, "squashed").0, base_layers + 1);
    assert_eq!(layers_and_history(&env, "flat").0, 1);
    let cfg = |i: &str| inspect(&env, i)["Config"]["Env"].clone();
    assert_eq!(cfg("squashed"), cfg("layered"));
    assert_eq!(cfg("flat"), cfg("layered"));
}

#[test]
fn api_quiet_build_streams_the_image_digest() {
    let env = TestEnv::new("bmore-apiq");
    let svc = common::api::ApiService::start(&env);
    let mut body = tar::Builder::new(Vec::new());
    for (name, data) in [("Dockerfile", "FROM scratch\nCOPY f /f\n"), ("f", "data\n")] {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        body.append_data(&mut h, name, data.as_bytes()).unwrap();
    }
    let body = body.into_inner().unwrap();
    let mut req = format!(
        "POST /build?q=1&t=quietly HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-tar\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(&body);
    let (code, out) = svc.raw(&req);
    assert_eq!(code, 200, "{out}");
    let id = env.cove_ok(&["image", "inspect", "--format", "{{.Id}}", "quietly"]);
    let want = format!(
        "{{\"stream\":\"sha256:{}\\n\"}}",
        id.trim().trim_start_matches("sha256:")
    );
    assert!(out.contains(&want), "want {want} in {out}");
    assert!(!out.contains("STEP"), "{out}");
}

/// A loopback HTTP server for ADD: `/dl/<name>` answers `content` with a Last-Modified
/// header, anything else 404. Serves until the test process ends.
fn http_server(content: &'static str) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            let mut reader = BufReader::new(conn.try_clone().unwrap());
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            loop {
                let mut l = String::new();
                if reader.read_line(&mut l).unwrap_or(0) == 0 || l == "\r\n" {
                    break;
                }
            }
            let path = first.split_whitespace().nth(1).unwrap_or("").to_string();
            let resp = if path.starts_with("/dl/") {
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\
                     Last-Modified: Wed, 21 Oct 2015 07:28:00 GMT\r\nConnection: close\r\n\r\n{content}",
                    content.len()
                )
            } else {
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_string()
            };
            let _ = conn.write_all(resp.as_bytes());
        }
    });
    addr
}

#[test]
fn add_fetches_http_sources() {
    let env = TestEnv::new("bmore-addurl");
    let base = common::image("busybox");
    let addr = http_server("downloaded content\n");
    let df = format!(
        "FROM {base}\n\
         ADD http://{addr}/dl/tool.txt /fetched/\n\
         ADD --chmod=644 http://{addr}/dl/other.txt /named.txt\n"
    );
    let dir = context(&env, "ctx", &[("Dockerfile", &df, 0o644)]);
    build(&env, &dir, &["-q", "-t", "added"]);
    assert_eq!(
        sh_in(
            &env,
            "added",
            "stat -c '%n %a %u:%g %Y' /fetched/tool.txt /named.txt; cat /named.txt"
        ),
        "/fetched/tool.txt 600 0:0 1445412480\n/named.txt 644 0:0 1445412480\ndownloaded content\n"
    );
    // A rebuild finds the same content: the cache holds.
    let again = build(&env, &dir, &["-t", "added"]);
    assert_eq!(again.matches("Using cache").count(), 2, "{again}");

    for (line, want) in [
        (
            format!("ADD http://{addr}/missing /x"),
            format!("failed to GET http://{addr}/missing with status 404 Not Found"),
        ),
        (
            format!("COPY http://{addr}/dl/x /x"),
            "source can't be a URL for COPY".to_string(),
        ),
    ] {
        let d = context(
            &env,
            "bad",
            &[("Dockerfile", &format!("FROM {base}\n{line}\n"), 0o644)],
        );
        let (code, err) = build_err(&env, &d, &["-q"]);
        assert_eq!(code, 125, "{line}: {err}");
        assert!(err.contains("Dockerfile:2"), "{line}: {err}");
        assert!(err.contains(&want), "{line}: {err}");
    }
}

/// Docker's `builder build` is `build`; `builder prune` forgets the layer cache, so the
/// next build runs its steps again.
#[test]
fn builder_build_and_prune() {
    let env = TestEnv::new("bmore-builder");
    let base = common::image("busybox");
    let df = format!("FROM {base}\nRUN date +%s%N > /stamp\n");
    let dir = context(&env, "ctx", &[("Dockerfile", &df, 0o644)]);
    let dir_s = dir.to_str().unwrap();
    let first = built_id(&env.cove_ok(&["builder", "build", "-q", "-t", "b1", dir_s]));
    let cached = build(&env, &dir, &["-t", "b2"]);
    assert!(cached.contains("Using cache"), "{cached}");
    assert_eq!(built_id(&cached), first);

    let (code, err) = env.cove_err(&["builder", "prune", "-f", "--filter", "until=1h"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("Error: invalid filter"), "{err}");

    let out = env.cove_ok(&["builder", "prune", "-f"]);
    assert!(out.starts_with("Deleted build cache objects:"), "{out}");
    assert!(out.ends_with("Total reclaimed space: 0B\n"), "{out}");
    let again = build(&env, &dir, &["-t", "b3"]);
    assert!(!again.contains("Using cache"), "{again}");
    assert_ne!(built_id(&again), first);
    // The images the cache named stay while tagged.
    env.cove_ok(&["image", "exists", "b1"]);
    let out = env.cove_ok(&["builder", "prune", "--force", "--all"]);
    assert!(out.starts_with("Deleted build cache objects:"), "{out}");
}
