//! Containers through the API service (`cove system service`), driven by the real docker
//! CLI and by raw HTTP as the unprivileged test user: create, list, inspect, the
//! lifecycle verbs, wait conditions, rename, remove, prune, top, diff, update, and what a
//! bad request gets.

mod common;

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;

use common::api::ApiService;
use common::{busybox, describe, eventually, web_get, TestEnv};

fn names(svc: &ApiService, args: &[&str]) -> Vec<String> {
    let mut all = vec!["ps", "--format", "{{.Names}}"];
    all.extend_from_slice(args);
    svc.docker_ok(&all).lines().map(str::to_string).collect()
}

fn field(svc: &ApiService, name: &str, template: &str) -> String {
    svc.docker_ok(&["inspect", "--format", template, name])
        .trim()
        .to_string()
}

fn post(svc: &ApiService, path: &str, json: &str) -> (u16, String) {
    svc.raw(
        format!(
            "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{json}",
            json.len()
        )
        .as_bytes(),
    )
}

#[test]
fn the_docker_cli_runs_a_containers_whole_life() {
    let env = TestEnv::new("apictr-life");
    env.cove_ok(&["pull", "-q", &busybox()]);
    let svc = ApiService::start(&env);

    let id = svc.docker_ok(&[
        "create",
        "--name",
        "web",
        "-l",
        "com.docker.compose.project=shop",
        "-l",
        "marker",
        &busybox(),
        "sleep",
        "600",
    ]);
    let id = id.trim();
    assert_eq!(id.len(), 64, "{id}");
    assert!(names(&svc, &[]).is_empty(), "not running yet");
    assert_eq!(names(&svc, &["-a", "--filter", "label=marker"]), ["web"]);
    assert!(names(&svc, &["-a", "--filter", "label=other"]).is_empty());
    // Made through the API, seen by the CLI, with the same labels.
    let cove = env.cove_ok(&["ps", "-a", "--format", "{{.Names}} {{.Labels}}"]);
    assert!(
        cove.contains("web") && cove.contains("com.docker.compose.project=shop"),
        "{cove}"
    );

    svc.docker_ok(&["start", "web"]);
    assert_eq!(
        field(
            &svc,
            "web",
            "{{.State.Running}} {{.State.Status}} {{index .Config.Labels \"com.docker.compose.project\"}} {{.Name}}"
        ),
        "true running shop /web"
    );
    assert_eq!(names(&svc, &[]), ["web"]);
    let top = svc.docker_ok(&["top", "web"]);
    assert!(top.contains("PID") && top.contains("sleep 600"), "{top}");

    svc.docker_ok(&["pause", "web"]);
    assert_eq!(field(&svc, "web", "{{.State.Status}}"), "paused");
    svc.docker_ok(&["unpause", "web"]);
    assert_eq!(field(&svc, "web", "{{.State.Status}}"), "running");

    svc.docker_ok(&["rename", "web", "shop-web"]);
    assert!(env
        .cove_ok(&["ps", "--format", "{{.Names}}"])
        .lines()
        .any(|l| l == "shop-web"));

    let started = field(&svc, "shop-web", "{{.State.StartedAt}}");
    svc.docker_ok(&["restart", "-t", "1", "shop-web"]);
    assert_eq!(field(&svc, "shop-web", "{{.State.Running}}"), "true");
    assert_ne!(field(&svc, "shop-web", "{{.State.StartedAt}}"), started);

    svc.docker_ok(&["kill", "shop-web"]);
    assert_eq!(svc.docker_ok(&["wait", "shop-web"]).trim(), "137");
    assert_eq!(
        field(&svc, "shop-web", "{{.State.Running}} {{.State.ExitCode}}"),
        "false 137"
    );

    svc.docker_ok(&["start", "shop-web"]);
    svc.docker_ok(&["stop", "-t", "1", "shop-web"]);
    assert_eq!(field(&svc, "shop-web", "{{.State.Running}}"), "false");
    // Stopping a stopped container is no error (304).
    svc.docker_ok(&["stop", "shop-web"]);

    // A restart policy may change; resource limits may not.
    svc.docker_ok(&["update", "--restart", "on-failure:2", "shop-web"]);
    assert_eq!(
        field(
            &svc,
            "shop-web",
            "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}"
        ),
        "on-failure:2"
    );
    let out = svc.docker(&["update", "--memory", "64m", "shop-web"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("resource limits"),
        "{}",
        describe(&out)
    );

    svc.docker_ok(&["start", "shop-web"]);
    svc.docker_ok(&["rm", "-f", "shop-web"]);
    assert!(names(&svc, &["-a"]).is_empty());
    assert!(env.cove_ok(&["ps", "-aq"]).trim().is_empty());
}

#[test]
fn diff_prune_and_containers_made_by_the_cli() {
    let env = TestEnv::new("apictr-diff");
    env.cove_ok(&["pull", "-q", &busybox()]);
    let svc = ApiService::start(&env);

    svc.docker_ok(&["create", "--name", "toucher", &busybox(), "touch", "/made"]);
    svc.docker_ok(&["start", "toucher"]);
    assert_eq!(svc.docker_ok(&["wait", "toucher"]).trim(), "0");
    let diff = svc.docker_ok(&["diff", "toucher"]);
    assert!(diff.lines().any(|l| l == "A /made"), "{diff}");

    // Made by the CLI, seen and driven through the API.
    env.cove_ok(&[
        "create",
        "--name",
        "fromcove",
        "-l",
        "k=v",
        &busybox(),
        "true",
    ]);
    assert_eq!(names(&svc, &["-a", "--filter", "label=k=v"]), ["fromcove"]);
    assert_eq!(field(&svc, "fromcove", "{{.State.Status}}"), "created");
    svc.docker_ok(&["run", "-d", "--name", "keeper", &busybox(), "sleep", "600"]);

    let toucher = field(&svc, "toucher", "{{.Id}}");
    let pruned = svc.docker_ok(&["container", "prune", "-f"]);
    assert!(pruned.contains(&toucher), "{pruned}");
    // Running containers stay.
    assert_eq!(names(&svc, &["-a"]), ["keeper"]);
    svc.docker_ok(&["rm", "-f", "keeper"]);
}

#[test]
fn run_d_publishes_ports_and_mounts_volumes() {
    let env = TestEnv::new("apictr-ports");
    let image = common::image("web");
    env.cove_ok(&["pull", "-q", &image]);
    let svc = ApiService::start(&env);
    svc.docker_ok(&[
        "run",
        "-d",
        "--name",
        "site",
        "-p",
        "127.0.0.1::80",
        "-v",
        "data:/data",
        &image,
        "httpd",
        "-f",
        "-p",
        "80",
        "-h",
        "/var/www",
    ]);
    let port = field(
        &svc,
        "site",
        "{{(index .NetworkSettings.Ports \"80/tcp\" 0).HostPort}}",
    );
    assert!(port.parse::<u16>().is_ok_and(|p| p > 0), "{port}");
    assert_eq!(
        web_get(&format!("127.0.0.1:{port}"), "/index.html"),
        "hello from cove\n"
    );
    let ps = svc.docker_ok(&["ps", "--format", "{{.Ports}}"]);
    assert!(ps.contains(&format!("127.0.0.1:{port}->80/tcp")), "{ps}");
    assert_eq!(
        field(
            &svc,
            "site",
            "{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}}{{end}}"
        ),
        "volume data /data"
    );
    svc.docker_ok(&["rm", "-f", "site"]);
}

/// Send a request, return once the status line and headers are in; the rest is read by
/// the returned thread.
fn begin(svc: &ApiService, request: String) -> (String, std::thread::JoinHandle<String>) {
    let mut s = UnixStream::connect(&svc.socket).expect("connect");
    s.write_all(request.as_bytes()).expect("send");
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    let rest = std::thread::spawn(move || {
        let mut body = String::new();
        let _ = s.read_to_string(&mut body);
        body
    });
    (String::from_utf8_lossy(&head).into_owned(), rest)
}

fn wait_request(name: &str, condition: &str) -> String {
    format!(
        "POST /v1.44/containers/{name}/wait?condition={condition} HTTP/1.1\r\nHost: x\r\n\
         Connection: close\r\nContent-Length: 0\r\n\r\n"
    )
}

#[test]
fn wait_conditions_answer_as_docker_run_needs() {
    let env = TestEnv::new("apictr-wait");
    env.cove_ok(&["pull", "-q", &busybox()]);
    let svc = ApiService::start(&env);

    // `docker run --rm`: wait for removal (asked before the start), then the exit code.
    svc.docker_ok(&[
        "create",
        "--rm",
        "--name",
        "once",
        &busybox(),
        "sh",
        "-c",
        "exit 3",
    ]);
    let (head, body) = begin(&svc, wait_request("once", "removed"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    svc.docker_ok(&["start", "once"]);
    let body = body.join().expect("reader");
    assert!(body.contains(r#""StatusCode":3"#), "{body}");
    assert!(names(&svc, &["-a"]).is_empty(), "removed");

    // next-exit on a container not started yet waits for its run.
    svc.docker_ok(&["create", "--name", "five", &busybox(), "sh", "-c", "exit 5"]);
    let (head, body) = begin(&svc, wait_request("five", "next-exit"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    svc.docker_ok(&["start", "five"]);
    assert!(body.join().expect("reader").contains(r#""StatusCode":5"#));
    // not-running is met at once by a stopped container.
    let (_, body) = post(&svc, "/containers/five/wait", "");
    assert!(body.contains(r#""StatusCode":5"#), "{body}");

    let (code, body) = post(&svc, "/containers/five/wait?condition=someday", "");
    assert_eq!(code, 400, "{body}");
    let (code, body) = post(&svc, "/containers/nosuch/wait", "");
    assert_eq!(
        (code, body.as_str()),
        (404, r#"{"message":"No such container: nosuch"}"#)
    );

    // A waiting client that hangs up costs nothing: the service goes on answering.
    svc.docker_ok(&["run", "-d", "--name", "long", &busybox(), "sleep", "600"]);
    svc.send_and_close(wait_request("long", "not-running").as_bytes());
    assert_eq!(svc.get("/_ping").0, 200);
    svc.docker_ok(&["rm", "-f", "long"]);
}

#[test]
fn an_open_wait_keeps_an_idle_service_up() {
    let env = TestEnv::new("apictr-idle");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&["run", "-d", "--name", "sleeper", &busybox(), "sleep", "600"]);
    let mut svc = ApiService::start_with(&env, &["--time", "1"]);
    let (head, body) = begin(&svc, wait_request("sleeper", "not-running"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    // Well past the idle time: the wait is a request in progress.
    std::thread::sleep(std::time::Duration::from_secs(3));
    assert!(svc.running(), "the service quit while a client was waiting");
    env.cove_ok(&["kill", "sleeper"]);
    assert!(body.join().expect("reader").contains(r#""StatusCode":137"#));
    assert!(
        eventually(|| !svc.running()),
        "idle again once the wait was answered"
    );
}

#[test]
fn bad_requests_get_dockers_errors_and_the_service_keeps_answering() {
    let env = TestEnv::new("apictr-bad");
    env.cove_ok(&["pull", "-q", &busybox()]);
    let svc = ApiService::start(&env);
    let image = busybox();

    let (code, body) = post(&svc, "/v1.44/containers/create", "{not json");
    assert_eq!(code, 400, "{body}");
    assert!(body.contains("invalid JSON body"), "{body}");
    let (code, body) = post(&svc, "/containers/create", r#"{"Image": 5}"#);
    assert_eq!(code, 400, "{body}");
    let (code, body) = post(
        &svc,
        "/containers/create",
        r#"{"Image": "no-such-image:v9"}"#,
    );
    assert_eq!(
        (code, body.as_str()),
        (404, r#"{"message":"No such image: no-such-image:v9"}"#)
    );
    let bad_policy = format!(
        r#"{{"Image": "{image}", "HostConfig": {{"RestartPolicy": {{"Name": "sometimes"}}}}}}"#
    );
    let (code, body) = post(&svc, "/containers/create", &bad_policy);
    assert_eq!(code, 400, "{body}");
    assert!(body.contains("sometimes"), "{body}");

    let (code, body) = svc.get("/containers/nosuch/json");
    assert_eq!(
        (code, body.as_str()),
        (404, r#"{"message":"No such container: nosuch"}"#)
    );
    let out = svc.docker(&["stop", "nosuch"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("No such container: nosuch"),
        "{}",
        describe(&out)
    );

    svc.docker_ok(&["run", "-d", "--name", "c", &image, "sleep", "600"]);
    let out = svc.docker(&["kill", "-s", "NOPE", "c"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Invalid signal: NOPE"),
        "{}",
        describe(&out)
    );
    assert_eq!(field(&svc, "c", "{{.State.Running}}"), "true");
    let out = svc.docker(&["create", "--name", "c", &image, "true"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is already in use"),
        "{}",
        describe(&out)
    );
    let out = svc.docker(&["rm", "c"]);
    assert!(!out.status.success(), "a running container needs force");
    let (code, _) = svc
        .raw(b"DELETE /containers/c?force=maybe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(code, 400);
    let (code, body) = post(
        &svc,
        "/containers/c/update",
        r#"{"RestartPolicy": {"Name": 7}}"#,
    );
    assert_eq!(code, 400, "{body}");
    let (code, _) = post(&svc, "/containers/c/start", "");
    assert_eq!(code, 304, "already running");

    assert_eq!(svc.get("/_ping").0, 200);
    svc.docker_ok(&["rm", "-f", "c"]);
}

/// `docker run -d` with the image missing: 404 "No such image", the CLI pulls through
/// `POST /images/create`, then creates again.
#[test]
fn run_d_pulls_a_missing_image_and_creates_again() {
    let env = TestEnv::new("apictr-pull");
    let svc = ApiService::start(&env);
    svc.docker_ok(&["run", "-d", "--name", "fresh", &busybox(), "sleep", "600"]);
    assert!(eventually(
        || field(&svc, "fresh", "{{.State.Running}}") == "true"
    ));
    svc.docker_ok(&["rm", "-f", "fresh"]);
}
