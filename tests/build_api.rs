//! Builds through the API service (`POST /build`, Docker's classic builder protocol) with
//! the clients people use: the docker CLI with `DOCKER_BUILDKIT=0`, Compose v2 and v1,
//! docker-py; bad requests answered in Docker's error shape; and `cove build -` (a
//! context or a Dockerfile on stdin).

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use common::api::{ApiService, DOCKER};
use common::{describe, image, TestEnv};

/// A build context owned by the test user: (path, content).
fn context(env: &TestEnv, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = env.home.join(name);
    for (path, content) in files {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, content).unwrap();
    }
    let (uid, gid) = common::test_user_ids();
    let out = std::process::Command::new("chown")
        .args(["-R", &format!("{uid}:{gid}")])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    dir
}

/// A client run as the test user against the service, in `dir`, with `stdin` fed.
fn client(svc: &ApiService, dir: &Path, program: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut cmd = svc.env.user_cmd_env(
        &[("DOCKER_HOST", &svc.host()), ("DOCKER_BUILDKIT", "0")],
        program,
        args,
    );
    cmd.current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn a client");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn client_ok(svc: &ApiService, dir: &Path, program: &str, args: &[&str]) -> String {
    let out = client(svc, dir, program, args, b"");
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        describe(&out)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn app_dockerfile() -> String {
    format!(
        "FROM {}\nARG WHO=nobody\nCOPY greeting.txt /srv/\nRUN echo \"built for $WHO\" > /srv/who\n\
         LABEL made.by=docker-cli\nCMD [\"cat\", \"/srv/greeting.txt\", \"/srv/who\"]\n",
        image("busybox")
    )
}

#[test]
fn docker_build_runs_the_engines_build_and_caches() {
    let env = TestEnv::new("apib-docker");
    let svc = ApiService::start(&env);
    let dir = context(
        &env,
        "app",
        &[
            ("Dockerfile", &app_dockerfile()),
            ("greeting.txt", "hello from the context\n"),
            ("sub/Dockerfile.dev", "FROM scratch\nCOPY greeting.txt /\n"),
        ],
    );
    let d = |args: &[&str]| client_ok(&svc, &dir, DOCKER, args);

    let out = d(&[
        "build",
        "-t",
        "apibuilt",
        "-t",
        "apibuilt:v2",
        "--build-arg",
        "WHO=docker",
        "--label",
        "extra=yes",
        ".",
    ]);
    assert!(out.contains("STEP 4/6: RUN echo"), "{out}");
    assert!(out.contains("Successfully built "), "{out}");
    assert_eq!(
        d(&["run", "--rm", "apibuilt"]),
        "hello from the context\nbuilt for docker\n"
    );
    // The same image as the CLI sees it, with both labels and both names.
    let labels = env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{json .Config.Labels}}",
        "localhost/apibuilt:v2",
    ]);
    assert!(
        labels.contains("\"made.by\":\"docker-cli\"") && labels.contains("\"extra\":\"yes\""),
        "{labels}"
    );

    // Nothing changed: every step from the cache, the same ID (-q prints it, --iidfile
    // takes it from the aux line).
    let iid = env.home.join("iid");
    let again = d(&[
        "build",
        "-q",
        "--iidfile",
        iid.to_str().unwrap(),
        "-t",
        "apibuilt",
        "--build-arg",
        "WHO=docker",
        "--label",
        "extra=yes",
        ".",
    ]);
    let id = env.cove_ok(&["image", "inspect", "--format", "{{.Id}}", "apibuilt"]);
    assert_eq!(
        again.trim().trim_start_matches("sha256:"),
        id.trim(),
        "{again}"
    );
    // With -q the docker CLI writes what the stream said (as with dockerd, a line).
    let iid_text = env.sh_ok(&format!("cat {}", iid.display()));
    assert_eq!(iid_text.trim().trim_start_matches("sha256:"), id.trim());

    // --no-cache runs the RUN again.
    let fresh = d(&["build", "--no-cache", "-t", "apibuilt", "."]);
    assert!(!fresh.contains("Using cache"), "{fresh}");
    assert!(
        fresh.contains("built for") || fresh.contains("RUN echo"),
        "{fresh}"
    );

    // -f names a file of the context; -f - sends the Dockerfile on stdin.
    d(&["build", "-f", "sub/Dockerfile.dev", "-t", "fromsub", "."]);
    let files = env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{len .RootFS.Layers}}",
        "fromsub",
    ]);
    assert_eq!(files.trim(), "1");
    let piped = client(
        &svc,
        &dir,
        DOCKER,
        &["build", "-f", "-", "-t", "piped", "."],
        format!("FROM {}\nCOPY greeting.txt /g\n", image("busybox")).as_bytes(),
    );
    assert!(piped.status.success(), "{}", describe(&piped));
    assert_eq!(
        d(&["run", "--rm", "piped", "cat", "/g"]),
        "hello from the context\n"
    );
}

#[test]
fn a_failing_run_fails_docker_build_with_its_code_and_tags_nothing() {
    let env = TestEnv::new("apib-fail");
    let svc = ApiService::start(&env);
    let dir = context(
        &env,
        "bad",
        &[(
            "Dockerfile",
            &format!(
                "FROM {}\nRUN echo about to fail && exit 3\n",
                image("busybox")
            ),
        )],
    );
    let out = client(&svc, &dir, DOCKER, &["build", "-t", "never", "."], b"");
    assert_eq!(out.status.code(), Some(3), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("about to fail"), "{stdout}");
    assert!(
        stderr.contains("RUN echo about to fail && exit 3") && stderr.contains("exit status 3"),
        "{stderr}"
    );
    assert_ne!(
        env.cove(&["image", "exists", "never"]).status.code(),
        Some(0)
    );

    // A Dockerfile the parser refuses: docker's "Error response from daemon", exit 1.
    let dir = context(&env, "unknown", &[("Dockerfile", "FROM scratch\nFROB x\n")]);
    let out = client(&svc, &dir, DOCKER, &["build", "."], b"");
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Error response from daemon") && stderr.contains("FROB"),
        "{stderr}"
    );
    // The service still builds.
    let ok = context(&env, "ok", &[("Dockerfile", "FROM scratch\nLABEL a=b\n")]);
    client_ok(&svc, &ok, DOCKER, &["build", "-t", "after", "."]);
}

fn compose_build(compose: &[&str], tag: &str) {
    let env = TestEnv::new("apib-compose");
    let svc = ApiService::start(&env);
    let compose_yaml =
        "services:\n  app:\n    build:\n      context: ./app\n      args:\n        WHO: compose\n";
    let dir = context(
        &env,
        "proj",
        &[
            ("compose.yaml", compose_yaml),
            ("app/Dockerfile", &app_dockerfile()),
            ("app/greeting.txt", "hello from compose\n"),
        ],
    );
    let mut args: Vec<&str> = compose[1..].to_vec();
    args.extend(["-p", "shop", "build"]);
    let out = client(&svc, &dir, compose[0], &args, b"");
    assert!(
        out.status.success(),
        "{compose:?} build: {}",
        describe(&out)
    );
    let ran = env.cove_ok(&["run", "--rm", tag]);
    assert_eq!(ran, "hello from compose\nbuilt for compose\n");
}

#[test]
fn compose_v2_builds_a_service() {
    compose_build(&[DOCKER, "compose"], "shop-app");
}

#[test]
fn compose_v1_builds_a_service() {
    compose_build(&["/usr/bin/docker-compose"], "shop_app");
}

#[test]
fn docker_py_builds_and_reports_failures() {
    let env = TestEnv::new("apib-py");
    let svc = ApiService::start(&env);
    let dir = context(
        &env,
        "py",
        &[
            ("Dockerfile", &app_dockerfile()),
            ("greeting.txt", "hello from python\n"),
            (
                "fail/Dockerfile",
                &format!("FROM {}\nRUN exit 7\n", image("busybox")),
            ),
            (
                "build.py",
                "import docker, sys\n\
                 client = docker.from_env()\n\
                 img, logs = client.images.build(path='.', tag='pybuilt', buildargs={'WHO': 'python'})\n\
                 assert img.id.startswith('sha256:'), img.id\n\
                 assert img.labels['made.by'] == 'docker-cli', img.labels\n\
                 assert any('STEP' in l.get('stream', '') for l in logs)\n\
                 out = client.containers.run('pybuilt', remove=True)\n\
                 assert out == b'hello from python\\nbuilt for python\\n', out\n\
                 try:\n\
                 \x20   client.images.build(path='fail', tag='pyfail')\n\
                 \x20   sys.exit('a failing build succeeded')\n\
                 except docker.errors.BuildError as e:\n\
                 \x20   assert 'exit status 7' in str(e), str(e)\n\
                 print('docker-py build ok')\n",
            ),
        ],
    );
    let out = client_ok(&svc, &dir, "/usr/bin/python3", &["build.py"]);
    assert!(out.ends_with("docker-py build ok\n"), "{out}");
}

/// A raw `POST` with `body`; (status, response text).
fn post(svc: &ApiService, path: &str, body: &[u8]) -> (u16, String) {
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-tar\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    svc.raw(&req)
}

fn tar_of(files: &[(&str, &str)]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        b.append_data(&mut h, name, data.as_bytes()).unwrap();
    }
    b.into_inner().unwrap()
}

#[test]
fn bad_requests_get_dockers_error_shape_and_the_service_keeps_serving() {
    let env = TestEnv::new("apib-bad");
    let svc = ApiService::start(&env);
    let good = tar_of(&[("Dockerfile", "FROM scratch\nLABEL x=y\n")]);
    let message = |body: &str| -> String {
        let v: serde_json::Value =
            serde_json::from_str(body.trim()).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
        v["message"].as_str().unwrap_or_default().to_string()
    };
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "/v1.41/build",
            b"this is not a tar archive at all".to_vec(),
            "not a tar archive",
        ),
        (
            "/build",
            tar_of(&[("README", "no dockerfile here")]),
            "no Containerfile or Dockerfile",
        ),
        (
            "/build?dockerfile=nope",
            good.clone(),
            "Cannot locate specified Dockerfile: nope",
        ),
        (
            "/build?buildargs=%7Bbroken",
            good.clone(),
            "invalid buildargs",
        ),
        (
            "/build",
            tar_of(&[("Dockerfile", &"#".repeat(4000))])[..2048].to_vec(),
            "unpacking the build context",
        ),
    ];
    for (path, body, want) in cases {
        let (code, text) = post(&svc, path, &body);
        assert_eq!(code, 400, "{path}: {text}");
        assert!(message(&text).contains(want), "{path}: {text}");
    }

    // A gzip-compressed context, as `docker build --compress` and docker-py send it.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&good).unwrap();
    let (code, text) = post(
        &svc,
        "/build?t=zipped&labels=%7B%22l%22%3A%221%22%7D",
        &gz.finish().unwrap(),
    );
    assert_eq!(code, 200, "{text}");
    assert!(text.contains("\"aux\":{\"ID\":\"sha256:"), "{text}");
    let label = env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{.Config.Labels.l}}",
        "zipped",
    ]);
    assert_eq!(label.trim(), "1");

    // The cache is emptied by /build/prune: the next build is not from it.
    let (code, text) = post(&svc, "/build/prune", b"");
    assert_eq!(code, 200, "{text}");
    let pruned: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert!(
        !pruned["CachesDeleted"].as_array().unwrap().is_empty(),
        "{text}"
    );
    let (_, text) = post(&svc, "/build?t=zipped", &good);
    assert!(!text.contains("Using cache"), "{text}");
    let (code, _) = svc.get("/_ping");
    assert_eq!(code, 200);
}

/// `cove build` with stdin fed by a shell pipeline as the test user.
fn sh_build(env: &TestEnv, script: &str) -> Output {
    let cove = common::cove_bin();
    env.sh(&format!("COVE={}; {script}", cove.display()))
}

#[test]
fn a_context_or_a_dockerfile_on_stdin() {
    let env = TestEnv::new("apib-stdin");
    let dir = context(
        &env,
        "ctx",
        &[
            ("Dockerfile", &app_dockerfile()),
            ("greeting.txt", "hello from a tar\n"),
            (
                "Other",
                &format!("FROM {}\nCOPY greeting.txt /o\n", image("busybox")),
            ),
        ],
    );
    let d = dir.display();
    // A tar context (plain, then gzip) on stdin, with -f naming a file of the archive.
    let out = sh_build(&env, &format!("tar -C {d} -c . | $COVE build -t fromtar -"));
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        env.cove_ok(&["run", "--rm", "fromtar"]),
        "hello from a tar\nbuilt for nobody\n"
    );
    let out = sh_build(
        &env,
        &format!("tar -C {d} -cz . | $COVE build -f Other -t fromgz -"),
    );
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        env.cove_ok(&["run", "--rm", "fromgz", "cat", "/o"]),
        "hello from a tar\n"
    );

    // A Dockerfile alone: the context is empty.
    let alone = format!("FROM {}\nRUN echo alone > /a\n", image("busybox"));
    let out = sh_build(&env, &format!("printf '{alone}' | $COVE build -t alone -"));
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        env.cove_ok(&["run", "--rm", "alone", "cat", "/a"]),
        "alone\n"
    );
    let out = sh_build(&env, &format!("$COVE build -t nocopy - < {d}/Dockerfile"));
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("greeting.txt"),
        "{}",
        describe(&out)
    );

    // -f -: the Dockerfile from stdin, the context a directory.
    let out = sh_build(&env, &format!("$COVE build -f - -t dashf {d} < {d}/Other"));
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        env.cove_ok(&["run", "--rm", "dashf", "cat", "/o"]),
        "hello from a tar\n"
    );

    // Not both; and -f naming what the archive lacks.
    let out = sh_build(&env, "$COVE build -f - - < /dev/null");
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("can't use stdin for both"));
    let out = sh_build(&env, &format!("tar -C {d} -c . | $COVE build -f Missing -"));
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("Cannot locate specified Dockerfile: Missing"),
        "{}",
        describe(&out)
    );
}
