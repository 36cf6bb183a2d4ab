//! The Docker-compatible API service (`cove system service`), driven by the real docker
//! CLI (/usr/local/bin/docker) and by raw HTTP, as the unprivileged test user.

mod common;

use std::path::Path;
use std::process::Command;

use common::api::{ApiService, DOCKER};
use common::{busybox, describe, eventually, TestEnv};

#[test]
fn the_docker_cli_negotiates_and_reads_version_and_info() {
    let env = TestEnv::new("api-version");
    env.cove_ok(&["pull", "-q", &busybox()]);
    env.cove_ok(&["create", "--name", "made-by-cove", &busybox(), "true"]);
    let svc = ApiService::start(&env);

    let v = svc.docker_ok(&["version"]);
    assert!(v.contains("Server: cove"), "{v}");
    // docker 28 speaks 1.50 and must settle on cove's version from /_ping.
    assert!(v.contains("1.44 (downgraded from"), "{v}");
    assert_eq!(
        svc.docker_ok(&[
            "version",
            "--format",
            "{{.Server.APIVersion}} {{.Server.MinAPIVersion}}"
        ])
        .trim(),
        "1.44 1.24"
    );

    let info = svc.docker_ok(&[
        "info",
        "--format",
        "{{.Containers}} {{.ContainersStopped}} {{.Images}} {{.OSType}} {{.CgroupDriver}}",
    ]);
    assert_eq!(info.trim(), "1 1 1 linux cgroupfs");
    // The store is the one the CLI uses: a container made now is counted at once.
    env.cove_ok(&["create", &busybox(), "true"]);
    assert_eq!(
        svc.docker_ok(&["info", "--format", "{{.Containers}}"])
            .trim(),
        "2"
    );

    let meta = std::fs::metadata(&svc.socket).unwrap();
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    assert_eq!(
        meta.permissions().mode() & 0o777,
        0o600,
        "the socket is the user's alone"
    );
    assert_eq!(meta.uid(), common::test_user_ids().0);
    // `cove info` tells users what to set DOCKER_HOST to.
    let remote = env.cove_ok(&[
        "info",
        "--format",
        "{{.Host.RemoteSocket.Path}} {{.Host.RemoteSocket.Exists}}",
    ]);
    assert_eq!(remote.trim(), format!("{} true", svc.host()));
}

#[test]
fn bad_requests_get_dockers_errors_and_the_service_keeps_answering() {
    let env = TestEnv::new("api-bad");
    let svc = ApiService::start(&env);

    let (code, body) = svc.get("/v1.99/info");
    assert_eq!(code, 400);
    assert!(
        body.contains("client version 1.99 is too new. Maximum supported API version is 1.44"),
        "{body}"
    );
    let (code, body) = svc.get("/v1.12/info");
    assert_eq!(code, 400);
    assert!(body.contains("too old"), "{body}");
    let (code, body) = svc.get("/v1.44/no/such/thing");
    assert_eq!(code, 404);
    assert_eq!(body, r#"{"message":"page not found"}"#);

    // Not HTTP at all, a truncated request, an absurd header: each costs only its connection.
    svc.raw(b"\x00\x01\x02garbage\r\n\r\n");
    svc.send_and_close(b"GET /_ping HTTP/1.1\r\nHost: x\r\nContent-Length: 99\r\n\r\nshort");
    // Past hyper's 400 KiB header buffer: refused and hung up on, not buffered forever.
    let huge = format!(
        "GET /_ping HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(1 << 20)
    );
    svc.send_and_close(huge.as_bytes());

    let (code, body) = svc.get("/_ping");
    assert_eq!((code, body.as_str()), (200, "OK"));
    let (code, body) = svc.get("/v1.41/_ping");
    assert_eq!((code, body.as_str()), (200, "OK"));
    let head = svc.raw(b"HEAD /_ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(head.0, 200);
}

#[test]
fn the_service_exits_when_idle_and_not_before() {
    let env = TestEnv::new("api-idle");
    let mut svc = ApiService::start_with(&env, &["--time", "1"]);
    assert_eq!(svc.get("/_ping").0, 200);
    assert!(
        eventually(|| !svc.running()),
        "the service did not exit when idle"
    );
    assert!(!svc.socket.exists(), "the socket file it made is removed");

    // --time 0: never on its own.
    let mut forever = ApiService::start(&env);
    assert_eq!(forever.get("/_ping").0, 200);
    std::thread::sleep(std::time::Duration::from_secs(3));
    assert!(forever.running());
}

#[test]
fn tcp_and_bad_uris() {
    let env = TestEnv::new("api-tcp");
    let port = common::free_port();
    let uri = format!("tcp://127.0.0.1:{port}");
    let mut child = env
        .cove_cmd(&["system", "service", "--time", "0", &uri])
        .spawn()
        .unwrap();
    let host = format!("tcp://127.0.0.1:{port}");
    let version = || {
        env.user_cmd(
            DOCKER,
            &["-H", &host, "version", "--format", "{{.Server.APIVersion}}"],
        )
        .output()
        .unwrap()
    };
    assert!(
        eventually(|| version().status.success()),
        "{}",
        describe(&version())
    );
    common::kill_user_program(&mut child);

    let (code, err) = env.cove_err(&["system", "service", "http://nope"]);
    assert_eq!(code, 125);
    assert!(
        err.contains("unsupported URI (use unix:///PATH or tcp://HOST:PORT)"),
        "{err}"
    );

    // A second service on a live socket is refused; the first keeps it.
    let svc = ApiService::start(&env);
    let (_, err) = env.cove_err(&["system", "service", "--time", "0"]);
    assert!(
        err.contains("another service is already listening on"),
        "{err}"
    );
    assert_eq!(svc.get("/_ping").0, 200);
}

#[test]
fn socket_activation_and_the_shipped_units() {
    let env = TestEnv::new("api-activate");
    let socket = env.run.join("cove/cove.sock");
    std::fs::create_dir_all(socket.parent().unwrap()).unwrap();
    let (uid, gid) = common::test_user_ids();
    std::os::unix::fs::chown(socket.parent().unwrap(), Some(uid), Some(gid)).unwrap();
    // What systemd does for cove.socket: listen, start the service on the first connection.
    let mut activator = env
        .user_cmd(
            "systemd-socket-activate",
            &[
                "-l",
                socket.to_str().unwrap(),
                common::cove_bin().to_str().unwrap(),
                "system",
                "service",
                "--time",
                "1",
            ],
        )
        .spawn()
        .unwrap();
    assert!(eventually(|| socket.exists()));
    let host = format!("unix://{}", socket.display());
    let out = env
        .user_cmd_env(
            &[("DOCKER_HOST", &host)],
            DOCKER,
            &["version", "--format", "{{.Server.Version}}"],
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        env!("CARGO_PKG_VERSION")
    );
    // Idle, it exits; the socket file is systemd's and stays.
    assert!(eventually(|| activator.try_wait().unwrap().is_some()));
    assert!(socket.exists());

    let dir = env.base.join("units");
    std::fs::create_dir_all(&dir).unwrap();
    let mut units = Vec::new();
    for name in ["cove.socket", "cove.service"] {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("contrib/systemd/user")
                .join(name),
        )
        .unwrap()
        .replace("=cove ", &format!("={} ", common::cove_bin().display()));
        std::fs::write(dir.join(name), text).unwrap();
        units.push(dir.join(name));
    }
    let runtime = env.base.join("verify-run");
    std::fs::create_dir_all(&runtime).unwrap();
    let out = Command::new("systemd-analyze")
        .args(["--user", "verify", "--man=no"])
        .args(&units)
        .env("XDG_RUNTIME_DIR", &runtime)
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "systemd-analyze verify: {}",
        describe(&out)
    );
}
