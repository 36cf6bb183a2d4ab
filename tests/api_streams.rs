//! The streaming container endpoints of the API service: attach (HTTP upgrade, multiplexed
//! and raw streams, stdin half-close, attaching before the start), logs, exec, archive,
//! export and stats; driven by the docker CLI and by raw HTTP, as the test user.
//!
//! `docker logs` and `docker exec` ask `GET /containers/{id}/json` first: those steps need
//! the container routes (inspect) of the API beside these.

mod common;

use std::io::{Read, Write};
use std::net::Shutdown;
use std::os::unix::net::UnixStream;
use std::process::Output;

use common::api::ApiService;
use common::{busybox, describe, eventually, exit_code, TestEnv};

/// A shell snippet as the test user, with the docker CLI pointed at the service.
fn docker_sh(svc: &ApiService, script: &str) -> Output {
    let host = svc.host();
    svc.env
        .user_cmd_env(&[("DOCKER_HOST", &host)], "/bin/sh", &["-c", script])
        .output()
        .expect("spawn sh")
}

/// A connection the service took over: the response head, then the raw stream.
struct Hijacked {
    stream: UnixStream,
    head: String,
}

/// Send `method path` with `Upgrade: tcp` (as the docker CLI does) and read the head.
fn hijack(svc: &ApiService, method: &str, path: &str, body: &str) -> Hijacked {
    let mut stream = UnixStream::connect(&svc.socket).expect("connect");
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(req.as_bytes()).unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    Hijacked {
        stream,
        head: String::from_utf8_lossy(&head).into_owned(),
    }
}

impl Hijacked {
    fn rest(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let _ = self.stream.read_to_end(&mut out);
        out
    }
}

/// Split Docker's multiplexed stream into (stdout, stderr); panics on a bad frame.
fn demux(mut bytes: &[u8]) -> (String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    while !bytes.is_empty() {
        assert!(bytes.len() >= 8, "a truncated frame header: {bytes:?}");
        let size = u32::from_be_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        assert_eq!(&bytes[1..4], &[0, 0, 0], "frame header {:?}", &bytes[..8]);
        let data = &bytes[8..8 + size];
        match bytes[0] {
            1 => out.extend_from_slice(data),
            2 => err.extend_from_slice(data),
            s => panic!("frame of stream {s}"),
        }
        bytes = &bytes[8 + size..];
    }
    (
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// One POST with a JSON body; status and body.
fn post(svc: &ApiService, path: &str, body: &str) -> (u16, String) {
    svc.raw(
        format!(
            "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    )
}

/// GET over HTTP/1.0, so the streamed body comes unchunked until the service closes.
fn get10(svc: &ApiService, path: &str) -> (u16, Vec<u8>) {
    let mut s = UnixStream::connect(&svc.socket).unwrap();
    s.write_all(format!("GET {path} HTTP/1.0\r\nHost: x\r\n\r\n").as_bytes())
        .unwrap();
    let mut resp = Vec::new();
    let _ = s.read_to_end(&mut resp);
    let split = resp
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&resp[..split]).into_owned();
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (code, resp[split + 4..].to_vec())
}

fn running(env: &TestEnv, name: &str) -> bool {
    env.cove(&["inspect", "--format", "{{.State.Status}}", name])
        .stdout
        .starts_with(b"running")
}

#[test]
fn attach_before_the_start_misses_nothing_and_separates_the_streams() {
    let env = TestEnv::new("api-attach");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&[
        "create",
        "--name",
        "early",
        &busybox(),
        "sh",
        "-c",
        "echo out; echo err >&2; exit 3",
    ]);
    let svc = ApiService::start(&env);
    let mut h = hijack(
        &svc,
        "POST",
        "/v1.44/containers/early/attach?stream=1&stdout=1&stderr=1",
        "",
    );
    assert!(h.head.starts_with("HTTP/1.1 101"), "{}", h.head);
    assert!(
        h.head
            .to_ascii_lowercase()
            .contains("application/vnd.docker.multiplexed-stream"),
        "{}",
        h.head
    );
    // Started by the CLI, not the API: the waiting client still gets the first output.
    env.cove_ok(&["start", "early"]);
    let (out, err) = demux(&h.rest());
    assert_eq!((out.as_str(), err.as_str()), ("out\n", "err\n"));

    // The log of that run, framed the same way; tail and stream selection.
    let (code, body) = get10(&svc, "/containers/early/logs?stdout=1&stderr=1");
    assert_eq!(code, 200);
    assert_eq!(demux(&body), ("out\n".into(), "err\n".into()));
    let (_, body) = get10(&svc, "/containers/early/logs?stderr=1");
    assert_eq!(demux(&body), (String::new(), "err\n".into()));
    let (_, body) = get10(&svc, "/containers/early/logs?stdout=1&stderr=1&tail=1");
    assert_eq!(demux(&body), (String::new(), "err\n".into()));
    // The docker CLI reads the same log with the streams apart.
    let out = svc.docker(&["logs", "early"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        (out.stdout.as_slice(), out.stderr.as_slice()),
        (&b"out\n"[..], &b"err\n"[..])
    );
    assert_eq!(svc.docker_ok(&["logs", "--tail", "1", "early"]), "");
    let (code, _) = get10(&svc, "/containers/early/logs");
    assert_eq!(code, 400, "no stream chosen");
    let (code, body) = get10(&svc, "/containers/nosuch/logs?stdout=1");
    assert_eq!(code, 404);
    assert!(
        String::from_utf8_lossy(&body).contains("No such container: nosuch"),
        "{body:?}"
    );
}

#[test]
fn attach_stdin_half_close_and_a_terminal_streams_raw() {
    let env = TestEnv::new("api-attach-stdin");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&["create", "-i", "--name", "cat", &busybox(), "cat"]);
    let svc = ApiService::start(&env);
    let mut h = hijack(
        &svc,
        "POST",
        "/containers/cat/attach?stream=1&stdin=1&stdout=1&stderr=1",
        "",
    );
    assert!(h.head.starts_with("HTTP/1.1 101"), "{}", h.head);
    env.cove_ok(&["start", "cat"]);
    h.stream.write_all(b"hello through stdin\n").unwrap();
    // Our write side closes: cat reads its end of input and exits, which ends the stream.
    h.stream.shutdown(Shutdown::Write).unwrap();
    let (out, _) = demux(&h.rest());
    assert_eq!(out, "hello through stdin\n");
    assert!(eventually(|| !running(&env, "cat")));
    assert_eq!(
        env.cove_ok(&["inspect", "--format", "{{.State.ExitCode}}", "cat"])
            .trim(),
        "0"
    );

    // With a terminal: one raw stream, and a resize reaches it.
    // Not an interactive shell: busybox's line editor takes the SIGWINCH of the resize
    // below, arriving while it waits for input, as the end of input and exits.
    env.cove_ok(&[
        "run",
        "-d",
        "-t",
        "-i",
        "--name",
        "tty",
        &busybox(),
        "sh",
        "-c",
        "read -r n; stty size; echo marker-$n",
    ]);
    assert!(eventually(|| running(&env, "tty")));
    let mut h = hijack(
        &svc,
        "POST",
        "/containers/tty/attach?stream=1&stdin=1&stdout=1",
        "",
    );
    assert!(
        h.head
            .to_ascii_lowercase()
            .contains("application/vnd.docker.raw-stream"),
        "{}",
        h.head
    );
    let (code, _) = post(&svc, "/containers/tty/resize?h=33&w=111", "");
    assert_eq!(code, 200);
    h.stream.write_all(b"42\n").unwrap();
    let raw = String::from_utf8_lossy(&h.rest()).into_owned();
    assert!(raw.contains("33 111"), "{raw}");
    assert!(raw.contains("marker-42"), "{raw}");
    assert!(
        !raw.as_bytes().starts_with(&[1, 0, 0, 0]),
        "not framed: {raw:?}"
    );
}

#[test]
fn docker_exec_output_codes_stdin_env_workdir_and_errors() {
    let env = TestEnv::new("api-exec");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&["run", "-d", "--name", "box", &busybox(), "sleep", "1000"]);
    let svc = ApiService::start(&env);

    assert_eq!(svc.docker_ok(&["exec", "box", "echo", "hi"]), "hi\n");
    let out = svc.docker(&["exec", "box", "sh", "-c", "echo to-err >&2; exit 3"]);
    assert_eq!(exit_code(&out), 3, "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "to-err\n");
    assert!(out.stdout.is_empty(), "{}", describe(&out));

    let out = docker_sh(
        &svc,
        "printf 'line one\\nline two\\n' | docker exec -i box sort -r",
    );
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "line two\nline one\n");

    assert_eq!(
        svc.docker_ok(&[
            "exec",
            "-e",
            "GREETING=hey",
            "-w",
            "/tmp",
            "box",
            "sh",
            "-c",
            "echo $GREETING $(pwd)"
        ]),
        "hey /tmp\n"
    );

    // The exec's record: its code and its container.
    let (code, body) = post(
        &svc,
        "/containers/box/exec",
        r#"{"Cmd":["sh","-c","exit 7"],"AttachStdout":true}"#,
    );
    assert_eq!(code, 201, "{body}");
    let id = body.split('"').nth(3).unwrap().to_string();
    let mut h = hijack(&svc, "POST", &format!("/exec/{id}/start"), "{}");
    assert!(h.head.starts_with("HTTP/1.1 101"), "{}", h.head);
    h.rest();
    let (code, json) = svc.get(&format!("/exec/{id}/json"));
    assert_eq!(code, 200);
    assert!(json.contains("\"ExitCode\":7"), "{json}");
    assert!(json.contains("\"Running\":false"), "{json}");
    assert!(json.contains("\"entrypoint\":\"sh\""), "{json}");

    // Bad input: Docker's errors, and the service keeps answering.
    let (code, body) = svc.get("/exec/nosuchexec/json");
    assert_eq!(code, 404);
    assert!(body.contains("No such exec instance: nosuchexec"), "{body}");
    assert_eq!(post(&svc, "/exec/nosuchexec/start", "{}").0, 404);
    let (code, body) = post(&svc, "/containers/box/exec", r#"{"Cmd":[1"#);
    assert_eq!(code, 400, "{body}");
    let (code, body) = post(&svc, "/containers/box/exec", r#"{"Cmd":"not a list"}"#);
    assert_eq!(code, 400, "{body}");
    let (code, body) = post(&svc, "/containers/box/exec", "{}");
    assert_eq!(code, 400, "{body}");
    assert!(body.contains("No exec command specified"), "{body}");
    let out = svc.docker(&["exec", "nosuchbox", "true"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("No such container: nosuchbox"),
        "{}",
        describe(&out)
    );
    assert_eq!(svc.docker_ok(&["exec", "box", "echo", "still"]), "still\n");
}

#[test]
fn docker_exec_it_answers_a_shell_prompt_under_a_pty() {
    let env = TestEnv::new("api-exec-tty");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&["run", "-d", "--name", "box", &busybox(), "sleep", "1000"]);
    let svc = ApiService::start(&env);
    // `script` gives docker a terminal; the shell's prompt and our answer go through it.
    let out = docker_sh(
        &svc,
        "{ sleep 1; echo 'echo answer-$((40+2)); [ -t 0 ] && echo on-a-terminal; exit 5'; sleep 3; } | \
         script -qec 'docker exec -it box sh' /dev/null",
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("answer-42"), "{}", describe(&out));
    assert!(text.contains("on-a-terminal"), "{}", describe(&out));
    assert_eq!(exit_code(&out), 5, "{}", describe(&out));
}

#[test]
fn docker_cp_both_ways_export_and_stats() {
    let env = TestEnv::new("api-cp");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "box",
        "--tmpfs",
        "/scratch",
        &busybox(),
        "sleep",
        "1000",
    ]);
    env.cove_ok(&[
        "exec",
        "box",
        "sh",
        "-c",
        "mkdir -p /data/sub && echo inner > /data/sub/f && echo top > /data/top",
    ]);
    let svc = ApiService::start(&env);
    let home = env.home.display().to_string();

    // Out of the container: a file, then a directory.
    let out = docker_sh(
        &svc,
        &format!(
            "cd {home} && docker cp box:/data/top ./top.txt && docker cp box:/data ./data && \
             cat top.txt data/sub/f"
        ),
    );
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "top\ninner\n");

    // Into it: a file, and a directory.
    let out = docker_sh(
        &svc,
        &format!(
            "cd {home} && echo host-file > h.txt && mkdir -p hd/deep && echo deep > hd/deep/x && \
             docker cp h.txt box:/tmp/ && docker cp hd box:/tmp/hd && \
             docker cp h.txt box:/scratch/ && docker cp box:/scratch/h.txt back.txt && cat back.txt"
        ),
    );
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "host-file\n");
    // The tmpfs exists in the container's mount namespace only: the copy went there.
    assert_eq!(
        env.cove_ok(&[
            "exec",
            "box",
            "cat",
            "/tmp/h.txt",
            "/tmp/hd/deep/x",
            "/scratch/h.txt"
        ]),
        "host-file\ndeep\nhost-file\n"
    );
    let out = svc.docker(&["cp", "box:/no/such/file", "/tmp/x"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Could not find the file /no/such/file"),
        "{}",
        describe(&out)
    );

    // HEAD: the stat header alone; 404 for a missing path.
    let (code, _) = svc.raw(
        b"HEAD /containers/box/archive?path=/data HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(code, 200);
    let (code, _) = svc.raw(
        b"HEAD /containers/box/archive?path=/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(code, 404);

    let out = docker_sh(
        &svc,
        "docker export box | tar -t | grep -x -e bin/busybox -e data/top",
    );
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "bin/busybox\ndata/top\n"
    );

    let stats = svc.docker_ok(&[
        "stats",
        "--no-stream",
        "--format",
        "{{.Name}} {{.PIDs}} {{.MemUsage}}",
        "box",
    ]);
    let fields: Vec<&str> = stats.split_whitespace().collect();
    assert_eq!(fields.first(), Some(&"box"), "{stats}");
    assert_eq!(fields.get(1), Some(&"1"), "one process, sleep: {stats}");
    assert!(!stats.contains("0B /"), "some memory in use: {stats}");
}

/// A tar with one regular file `name` holding `data` (names are not checked, so they may
/// try to climb out).
fn tar_with(name: &str, data: &[u8]) -> Vec<u8> {
    let mut header = [0u8; 512];
    header[..name.len()].copy_from_slice(name.as_bytes());
    header[100..108].copy_from_slice(b"0000644\0");
    header[108..116].copy_from_slice(b"0000000\0");
    header[116..124].copy_from_slice(b"0000000\0");
    header[124..136].copy_from_slice(format!("{:011o}\0", data.len()).as_bytes());
    header[136..148].copy_from_slice(b"00000000000\0");
    header[156] = b'0';
    header[257..263].copy_from_slice(b"ustar\0");
    header[263..265].copy_from_slice(b"00");
    header[148..156].copy_from_slice(b"        ");
    let sum: u32 = header.iter().map(|b| *b as u32).sum();
    header[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    let mut tar = header.to_vec();
    tar.extend_from_slice(data);
    tar.resize(tar.len().div_ceil(512) * 512 + 1024, 0);
    tar
}

fn put_archive(svc: &ApiService, path: &str, body: &[u8]) -> (u16, String) {
    let mut req = format!(
        "PUT /containers/box/archive?path={path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Content-Type: application/x-tar\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    svc.raw(&req)
}

#[test]
fn archives_stay_inside_the_container_and_bad_ones_are_refused() {
    let env = TestEnv::new("api-archive");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&["run", "-d", "--name", "box", &busybox(), "sleep", "1000"]);
    env.cove_ok(&["exec", "box", "ln", "-s", "/", "/tmp/up"]);
    let svc = ApiService::start(&env);
    let canary = common::evil_canary();

    // A name that climbs out is refused; a path through a symlink stays in the root.
    let (code, body) = put_archive(
        &svc,
        "/tmp",
        &tar_with(
            &format!("../../../../..{}", canary.join("x").display()),
            b"evil",
        ),
    );
    assert_eq!(code, 400, "{body}");
    let (code, body) = put_archive(&svc, "/tmp/up/../../..", &tar_with("escaped", b"evil"));
    assert_eq!(code, 200, "{body}");
    assert_eq!(env.cove_ok(&["exec", "box", "cat", "/escaped"]), "evil");
    common::assert_canary_untouched();

    let (code, body) = put_archive(&svc, "/tmp", b"this is not a tar archive at all");
    assert_eq!(code, 400, "{body}");
    let (code, body) = put_archive(&svc, "/no/such/dir", &tar_with("f", b"x"));
    assert_eq!(code, 404, "{body}");
    assert!(
        body.contains("Could not find the file /no/such/dir"),
        "{body}"
    );
    let (code, _) = put_archive(&svc, "/escaped", &tar_with("f", b"x"));
    assert_eq!(code, 400, "a file is no extraction point");
    assert_eq!(svc.get("/_ping").0, 200);
}

#[test]
fn the_idle_timer_waits_for_a_followed_log_and_a_vanished_client_costs_nothing() {
    let env = TestEnv::new("api-follow");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "ticker",
        &busybox(),
        "sh",
        "-c",
        "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done",
    ]);
    let mut svc = ApiService::start_with(&env, &["--time", "1"]);
    let mut s = UnixStream::connect(&svc.socket).unwrap();
    s.write_all(b"GET /containers/ticker/logs?stdout=1&follow=1&tail=1 HTTP/1.0\r\n\r\n")
        .unwrap();
    // Reading the follow for several idle periods: the service stays.
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while String::from_utf8_lossy(&seen).matches("tick").count() < 20 {
        let n = s.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "the follow ended: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    assert!(svc.running(), "the service left during an open follow");
    let text = String::from_utf8_lossy(&seen).into_owned();
    let ticks: Vec<u32> = text
        .split("tick ")
        .skip(1)
        .filter_map(|t| t.split('\n').next()?.parse().ok())
        .collect();
    assert!(
        ticks.windows(2).all(|w| w[1] == w[0] + 1),
        "one line each, in order: {ticks:?}"
    );
    // The client goes away mid-stream: its stream ends, then the idle service leaves.
    drop(s);
    assert!(
        eventually(|| !svc.running()),
        "the service stayed after the follow ended"
    );
}
