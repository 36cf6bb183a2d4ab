//! The clients people point at cove's API service, as they use them: Compose (v1 from
//! Debian, v2 as a docker CLI plugin), docker-py, and many docker CLIs at once.

mod common;

use std::path::Path;
use std::process::Output;

use common::api::{ApiService, DOCKER};
use common::{describe, image, web_get, TestEnv};

/// Two services on the project's network (the client reaches the web server by service
/// name), a named volume and a published port.
fn compose_file(env: &TestEnv, port: u16) -> std::path::PathBuf {
    let path = env.home.join("compose.yaml");
    let yaml = format!(
        "services:\n\
         \x20 web:\n\
         \x20   image: {web}\n\
         \x20   ports: [\"127.0.0.1:{port}:80\"]\n\
         \x20   volumes: [\"site:/var/www/site\"]\n\
         \x20 client:\n\
         \x20   image: {bb}\n\
         \x20   command: [\"sh\", \"-c\", \"echo client up; exec sleep 1000\"]\n\
         \x20   depends_on: [web]\n\
         volumes:\n\
         \x20 site: {{}}\n",
        web = image("web"),
        bb = image("busybox"),
    );
    env.write_user_file(&path, &yaml);
    path
}

fn run(svc: &ApiService, program: &str, args: &[&str]) -> Output {
    svc.env
        .user_cmd_env(
            &[("DOCKER_HOST", &svc.host()), ("DOCKER_BUILDKIT", "0")],
            program,
            args,
        )
        .output()
        .expect("spawn a client")
}

fn ok(svc: &ApiService, program: &str, args: &[&str]) -> String {
    let out = run(svc, program, args);
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        describe(&out)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// One Compose project's life: up, ps, logs, exec, service-name DNS, the volume, the
/// published port, down -v leaving nothing behind.
fn compose_project(compose: &[&str]) {
    let env = TestEnv::new("api-compose");
    let svc = ApiService::start(&env);
    let port = common::free_port();
    let file = compose_file(&env, port);
    let file = file.to_str().unwrap();
    let c = |rest: &[&str]| {
        let mut args: Vec<&str> = compose[1..].to_vec();
        args.extend(["-f", file, "-p", "shop"]);
        args.extend_from_slice(rest);
        ok(&svc, compose[0], &args)
    };

    c(&["up", "-d"]);
    let ps = c(&["ps"]);
    assert!(ps.contains("web") && ps.contains("client"), "{ps}");
    // The containers are cove's: the CLI sees them with Compose's labels.
    let cove_ps = env.cove_ok(&[
        "ps",
        "--filter",
        "label=com.docker.compose.project=shop",
        "--format",
        "{{.Names}}",
    ]);
    assert_eq!(cove_ps.lines().count(), 2, "{cove_ps}");

    c(&[
        "exec",
        "-T",
        "web",
        "sh",
        "-c",
        "echo hello from the volume > /var/www/site/index.html",
    ]);
    // The client reaches the server by its service name on the project network.
    let fetched = c(&[
        "exec",
        "-T",
        "client",
        "wget",
        "-qO-",
        "http://web/site/index.html",
    ]);
    assert_eq!(fetched.trim(), "hello from the volume");
    // And the host through the published port.
    assert_eq!(
        web_get(&format!("127.0.0.1:{port}"), "/site/index.html").trim(),
        "hello from the volume"
    );
    let logs = c(&["logs", "client"]);
    assert!(logs.contains("client up"), "{logs}");

    c(&["down", "-v"]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), "");
    let nets = env.cove_ok(&["network", "ls", "--format", "{{.Name}}"]);
    assert!(!nets.contains("shop"), "{nets}");
}

#[test]
fn compose_v2_runs_a_two_service_project() {
    compose_project(&[DOCKER, "compose"]);
}

#[test]
fn compose_v1_runs_a_two_service_project() {
    compose_project(&["/usr/bin/docker-compose"]);
}

#[test]
fn docker_py_common_calls() {
    let env = TestEnv::new("api-dockerpy");
    let svc = ApiService::start(&env);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/dockerpy.py");
    // The test user cannot read the checkout (it may sit in root's home): a copy it owns.
    let copy = env.home.join("dockerpy.py");
    env.write_user_file(&copy, &std::fs::read_to_string(&script).unwrap());
    let out = ok(
        &svc,
        "/usr/bin/python3",
        &[copy.to_str().unwrap(), &image("busybox")],
    );
    assert!(out.ends_with("docker-py ok\n"), "{out}");
}

#[test]
fn twenty_clients_at_once() {
    let env = TestEnv::new("api-many");
    let svc = ApiService::start(&env);
    env.cove_ok(&["pull", "-q", &image("busybox")]);
    let img = image("busybox");
    std::thread::scope(|s| {
        let runs: Vec<_> = (0..20)
            .map(|i| {
                let (svc, img) = (&svc, &img);
                s.spawn(move || {
                    if i % 2 == 0 {
                        let text = format!("client {i}");
                        let out = ok(svc, DOCKER, &["run", "--rm", img, "echo", &text]);
                        assert_eq!(out.trim(), text);
                    } else {
                        ok(svc, DOCKER, &["ps", "-a"]);
                    }
                })
            })
            .collect();
        for r in runs {
            r.join().expect("a client failed");
        }
    });
    assert_eq!(
        env.cove_ok(&["ps", "-a", "-q"]),
        "",
        "every --rm container is gone"
    );
}

/// What a docker user does in a day, through cove's service, as the issue lists it.
#[test]
fn the_docker_cli_tour() {
    let env = TestEnv::new("api-tour");
    let svc = ApiService::start(&env);
    let (bb, web) = (image("busybox"), image("web"));
    let d = |args: &[&str]| ok(&svc, DOCKER, args);

    assert!(d(&["version"]).contains("Server: cove"));
    d(&["pull", &bb]);
    assert_eq!(d(&["run", "--rm", &bb, "echo", "hi"]), "hi\n");
    let out = run(&svc, DOCKER, &["run", "--rm", &bb, "sh", "-c", "exit 3"]);
    assert_eq!(out.status.code(), Some(3), "{}", describe(&out));

    // Piped stdin with -i.
    let mut piped = env.user_cmd_env(
        &[("DOCKER_HOST", &svc.host())],
        DOCKER,
        &["run", "--rm", "-i", &bb, "tr", "a-z", "A-Z"],
    );
    piped
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    let mut child = piped.spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"shout\n").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "SHOUT\n");

    // A published port answers the host.
    let port = common::free_port();
    let publish = format!("127.0.0.1:{port}:80");
    d(&["run", "-d", "--name", "site", "-p", &publish, &web]);
    d(&["exec", "site", "sh", "-c", "echo page > /var/www/p.html"]);
    assert_eq!(web_get(&format!("127.0.0.1:{port}"), "/p.html"), "page\n");
    assert!(d(&["ps"]).contains("site"));
    assert_eq!(
        d(&["inspect", "--format", "{{.State.Running}}", "site"]),
        "true\n"
    );

    // Logs keep stdout and stderr apart.
    d(&[
        "run",
        "--name",
        "talk",
        &bb,
        "sh",
        "-c",
        "echo to-out; echo to-err >&2",
    ]);
    let out = run(&svc, DOCKER, &["logs", "talk"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "to-out\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "to-err\n");

    // cp both ways.
    let host_file = env.home.join("in.txt");
    env.write_user_file(&host_file, "from the host\n");
    d(&["cp", host_file.to_str().unwrap(), "site:/tmp/in.txt"]);
    assert_eq!(
        d(&["exec", "site", "cat", "/tmp/in.txt"]),
        "from the host\n"
    );
    let back = env.home.join("back.txt");
    d(&["cp", "site:/tmp/in.txt", back.to_str().unwrap()]);
    assert_eq!(
        env.sh_ok(&format!("cat {}", back.display())),
        "from the host\n"
    );

    // Two containers talking by name on a network; a volume outliving its container.
    d(&["network", "create", "tour"]);
    d(&["volume", "create", "keep"]);
    d(&[
        "run",
        "-d",
        "--name",
        "srv",
        "--network",
        "tour",
        "-v",
        "keep:/var/www",
        &web,
    ]);
    d(&["exec", "srv", "sh", "-c", "echo by-name > /var/www/n.html"]);
    let got = d(&[
        "run",
        "--rm",
        "--network",
        "tour",
        &bb,
        "wget",
        "-qO-",
        "http://srv/n.html",
    ]);
    assert_eq!(got, "by-name\n");
    d(&["rm", "-f", "srv"]);
    let kept = d(&[
        "run",
        "--rm",
        "-v",
        "keep:/data",
        &bb,
        "cat",
        "/data/n.html",
    ]);
    assert_eq!(kept, "by-name\n");

    // A shell under a pty answers its prompt.
    let tty = env.sh_ok(&format!(
        "printf 'echo $((6*7))\\nexit\\n' | DOCKER_HOST={} script -qec '{DOCKER} run -it --rm {bb} sh' /dev/null",
        svc.host()
    ));
    assert!(tty.contains("42"), "{tty}");

    // Made through the API, seen by the CLI, and the reverse.
    env.cove_ok(&["create", "--name", "from-cove", &bb, "true"]);
    assert!(d(&["ps", "-a", "--format", "{{.Names}}"]).contains("from-cove"));
    assert!(env
        .cove_ok(&["ps", "--format", "{{.Names}}"])
        .contains("site"));

    d(&["stop", "site"]);
    d(&["rm", "site", "talk", "from-cove"]);
    d(&["network", "rm", "tour"]);
    d(&["volume", "rm", "keep"]);
    d(&["rmi", &web]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert!(!env.cove_ok(&["images"]).contains("cove-test/web"));
}
