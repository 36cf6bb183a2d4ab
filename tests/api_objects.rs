//! Images, networks, volumes, events and disk usage through the Docker-compatible API
//! service, driven by the real docker CLI (and raw HTTP for what it cannot express) as
//! the unprivileged test user.

mod common;

use common::api::{ApiService, DOCKER};
use common::{busybox, describe, eventually, exit_code, TestEnv};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `docker ARGS` fails, saying `says` on stderr.
fn docker_fails(svc: &ApiService, args: &[&str], says: &str) {
    let out = svc.docker(args);
    assert_ne!(exit_code(&out), 0, "docker {args:?} succeeded");
    assert!(
        stderr(&out).contains(says),
        "docker {args:?}: {}",
        describe(&out)
    );
}

/// A POST with a JSON body; status and response body.
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

#[test]
fn docker_pulls_lists_inspects_tags_and_removes_images() {
    let env = TestEnv::new("apiobj-images");
    let svc = ApiService::start(&env);
    let image = busybox();

    let out = svc.docker_ok(&["pull", &image]);
    assert!(out.contains("Pulling from"), "{out}");
    assert!(out.contains("Digest: sha256:"), "{out}");
    assert!(
        out.contains(&format!("Status: Downloaded newer image for {image}")),
        "{out}"
    );
    let again = svc.docker_ok(&["pull", &image]);
    assert!(again.contains("Status: Image is up to date"), "{again}");
    // The CLI's store is the one the service pulled into.
    let id = env.cove_ok(&["image", "inspect", "--format", "{{.Id}}", &image]);
    let id = format!("sha256:{}", id.trim());

    // A tag the registry does not have: the registry's error, before any progress.
    let missing = image.replace(":latest", ":no-such-tag");
    let out = svc.docker(&["pull", &missing]);
    assert_ne!(exit_code(&out), 0);
    let err = stderr(&out).to_lowercase();
    assert!(
        err.contains("manifest unknown") || err.contains("not found"),
        "{err}"
    );

    let repo = image.trim_end_matches(":latest");
    let listed = svc.docker_ok(&["images", "--format", "{{.Repository}} {{.Tag}} {{.ID}}"]);
    assert!(
        listed.contains(&format!("{repo} latest {}", &id[7..19])),
        "{listed}"
    );
    assert_eq!(
        svc.docker_ok(&["image", "inspect", "--format", "{{.Id}} {{.Os}}", &image])
            .trim(),
        format!("{id} linux")
    );
    // By ID prefix, and through a path whose name has a port and slashes.
    assert!(svc
        .docker_ok(&["image", "inspect", &id[7..19]])
        .contains(&id));
    let (code, body) = svc.get(&format!("/v1.44/images/{image}/json"));
    assert_eq!(code, 200, "{body}");
    let history = svc.docker_ok(&["history", "--no-trunc", &image]);
    assert!(history.starts_with("IMAGE"), "{history}");
    assert!(history.contains(&id), "{history}");

    // tag, then rmi of a name an image shares only untags it.
    let other = format!("{}/cove-test/renamed:v1", common::registry());
    svc.docker_ok(&["tag", &image, &other]);
    assert!(env
        .cove_ok(&["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .contains(&other));
    let out = svc.docker_ok(&["rmi", &other]);
    assert!(out.contains(&format!("Untagged: {other}")), "{out}");
    assert!(!out.contains("Deleted"), "{out}");

    // An image a container was made from is kept (409), and stays usable.
    env.cove_ok(&["create", "--name", "user", &image, "true"]);
    docker_fails(&svc, &["rmi", &image], "in use by container");
    assert!(env.cove(&["image", "exists", &image]).status.success());
    let (code, _) = svc.raw(
        format!("DELETE /images/{image} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    );
    assert_eq!(code, 409);
    env.cove_ok(&["rm", "user"]);
    let out = svc.docker_ok(&["rmi", &image]);
    assert!(out.contains(&format!("Deleted: {id}")), "{out}");
    assert!(!env.cove(&["image", "exists", &image]).status.success());
}

#[test]
fn docker_save_load_and_prune() {
    let env = TestEnv::new("apiobj-archive");
    let svc = ApiService::start(&env);
    let image = busybox();
    env.cove_ok(&["pull", "-q", &image]);
    let id = env.cove_ok(&["image", "inspect", "--format", "{{.Id}}", &image]);

    // save | rmi | load: the image comes back under its name, with the same ID.
    let host = svc.host();
    let script = format!(
        "set -e; {DOCKER} save {image} > \"$HOME/img.tar\"; {DOCKER} rmi {image} >/dev/null; \
         {DOCKER} load < \"$HOME/img.tar\""
    );
    let out = env
        .user_cmd_env(&[("DOCKER_HOST", &host)], "/bin/sh", &["-c", &script])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", describe(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("Loaded image: {image}")), "{text}");
    assert_eq!(
        env.cove_ok(&["image", "inspect", "--format", "{{.Id}}", &image]),
        id
    );
    // `docker save` of something unknown fails with dockerd's words, no tarball.
    let target = env.home.join("none.tar");
    docker_fails(
        &svc,
        &["save", "-o", target.to_str().unwrap(), "no-such-image"],
        "No such image: no-such-image",
    );
    // Not an archive: a 400, and the service goes on.
    let (code, body) = post(&svc, "/images/load", "this is not a tar archive");
    assert!(code == 400 || code == 500, "{code} {body}");
    assert!(body.contains("message"), "{body}");

    // A dangling image (no names left) goes with `image prune`; named ones stay.
    let one = common::image("one");
    env.cove_ok(&["pull", "-q", &one]);
    let one_id = env.cove_ok(&["image", "inspect", "--format", "{{.Id}}", &one]);
    env.cove_ok(&["untag", &one]);
    let out = svc.docker_ok(&["image", "prune", "-f"]);
    assert!(
        out.contains(&format!("deleted: sha256:{}", one_id.trim())),
        "{out}"
    );
    assert!(!env
        .cove(&["image", "exists", one_id.trim()])
        .status
        .success());
    assert!(env.cove(&["image", "exists", &image]).status.success());

    // Several images in one archive (`GET /images/get?names=..&names=..`).
    let web = common::image("web");
    env.cove_ok(&["pull", "-q", &web]);
    let two = env.home.join("two.tar");
    svc.docker_ok(&["save", "-o", two.to_str().unwrap(), &image, &web]);
    let manifest = env.sh_ok(&format!("tar -xOf {} manifest.json", two.display()));
    assert!(
        manifest.contains(&image) && manifest.contains(&web),
        "{manifest}"
    );
    // `prune -a`: every image no container uses.
    env.cove_ok(&["create", "--name", "keep", &web, "true"]);
    svc.docker_ok(&["image", "prune", "-a", "-f"]);
    assert!(!env.cove(&["image", "exists", &image]).status.success());
    assert!(env.cove(&["image", "exists", &web]).status.success());
}

#[test]
fn docker_network_commands_and_aliases_that_resolve() {
    let env = TestEnv::new("apiobj-net");
    let svc = ApiService::start(&env);
    let image = busybox();
    env.cove_ok(&["pull", "-q", &image]);

    let ls = svc.docker_ok(&["network", "ls", "--format", "{{.Name}} {{.Driver}}"]);
    for builtin in ["bridge bridge", "host host", "none null"] {
        assert!(ls.contains(builtin), "{ls}");
    }
    let id = svc.docker_ok(&[
        "network",
        "create",
        "--label",
        "team=a",
        "--subnet",
        "10.89.77.0/24",
        "front",
    ]);
    assert_eq!(id.trim().len(), 64, "{id}");
    docker_fails(&svc, &["network", "create", "front"], "already exists");
    assert_eq!(
        svc.docker_ok(&[
            "network",
            "inspect",
            "--format",
            "{{.Name}} {{index .Labels \"team\"}} {{(index .IPAM.Config 0).Subnet}}",
            &id.trim()[..12],
        ])
        .trim(),
        "front a 10.89.77.0/24"
    );
    assert!(svc
        .docker_ok(&["network", "inspect", "bridge"])
        .contains("\"Driver\": \"bridge\""));
    docker_fails(
        &svc,
        &["network", "inspect", "nope"],
        "network nope not found",
    );
    // Made by the API, seen by the CLI.
    assert!(env.cove_ok(&["network", "ls", "-q"]).contains("front"));
    // Docker's IPAM options are kept; swarm's are refused.
    svc.docker_ok(&[
        "network",
        "create",
        "--subnet",
        "10.89.78.0/24",
        "--aux-address",
        "router=10.89.78.2",
        "--ipam-opt",
        "foo=bar",
        "aux",
    ]);
    let ipam = env.cove_ok(&["network", "inspect", "--format", "{{json .IPAM}}", "aux"]);
    assert!(
        ipam.contains(r#""AuxiliaryAddresses":{"router":"10.89.78.2"}"#)
            && ipam.contains(r#""Options":{"foo":"bar"}"#),
        "{ipam}"
    );
    docker_fails(
        &svc,
        &["network", "create", "--ingress", "mesh"],
        "cove has no swarm",
    );

    // An alias given at connect resolves for other containers on that network.
    env.cove_ok(&["network", "create", "back"]);
    env.cove_ok(&[
        "create",
        "--name",
        "peer",
        "--network",
        "front",
        &image,
        "sleep",
        "600",
    ]);
    svc.docker_ok(&["network", "connect", "--alias", "db-alias", "back", "peer"]);
    env.cove_ok(&["start", "peer"]);
    let ip = env.cove_ok(&[
        "inspect",
        "--format",
        "{{.NetworkSettings.Networks.back.IPAddress}}",
        "peer",
    ]);
    let ip = ip.trim();
    assert!(ip.starts_with("10."), "{ip}");
    let looked_up = env.cove_ok(&[
        "run",
        "--rm",
        "--network",
        "back",
        &image,
        "nslookup",
        "db-alias",
    ]);
    assert!(looked_up.contains(ip), "{looked_up}");
    let on_back = svc.docker_ok(&[
        "network",
        "inspect",
        "--format",
        "{{range .Containers}}{{.Name}}{{end}}",
        "back",
    ]);
    assert_eq!(on_back.trim(), "peer");
    svc.docker_ok(&["network", "disconnect", "back", "peer"]);
    assert_eq!(
        svc.docker_ok(&[
            "network",
            "inspect",
            "--format",
            "{{len .Containers}}",
            "back"
        ])
        .trim(),
        "0"
    );

    // In use: refused; the predefined ones never go.
    docker_fails(&svc, &["network", "rm", "front"], "in use");
    docker_fails(&svc, &["network", "rm", "bridge"], "pre-defined");
    // prune takes the unused one only.
    let out = svc.docker_ok(&["network", "prune", "-f"]);
    assert!(out.contains("back"), "{out}");
    assert!(!out.contains("front"), "{out}");
    env.cove_ok(&["rm", "-f", "peer"]);
    svc.docker_ok(&["network", "rm", "front"]);
    assert!(!env.cove_ok(&["network", "ls", "-q"]).contains("front"));
}

#[test]
fn docker_volume_commands() {
    let env = TestEnv::new("apiobj-vol");
    let svc = ApiService::start(&env);
    let image = busybox();
    env.cove_ok(&["pull", "-q", &image]);

    assert_eq!(
        svc.docker_ok(&["volume", "create", "--label", "app=shop", "data1"])
            .trim(),
        "data1"
    );
    svc.docker_ok(&["volume", "create", "data2"]);
    let anon = svc.docker_ok(&["volume", "create"]);
    let anon = anon.trim();
    assert_eq!(anon.len(), 64, "{anon}");
    // Creating one that exists answers with it, as dockerd does.
    svc.docker_ok(&["volume", "create", "data1"]);

    assert_eq!(
        svc.docker_ok(&["volume", "ls", "-q", "--filter", "label=app=shop"])
            .trim(),
        "data1"
    );
    assert_eq!(
        svc.docker_ok(&[
            "volume",
            "inspect",
            "--format",
            "{{.Name}} {{.Labels.app}} {{.Driver}}",
            "data1"
        ])
        .trim(),
        "data1 shop local"
    );
    docker_fails(&svc, &["volume", "inspect", "nope"], "no such volume");

    env.cove_ok(&[
        "create",
        "--name",
        "user",
        "-v",
        "data1:/data",
        &image,
        "true",
    ]);
    docker_fails(&svc, &["volume", "rm", "data1"], "volume is in use");

    // API 1.44: prune takes anonymous volumes; -a every unused one.
    let out = svc.docker_ok(&["volume", "prune", "-f"]);
    assert!(out.contains(anon), "{out}");
    assert!(!out.contains("data2"), "{out}");
    let out = svc.docker_ok(&["volume", "prune", "-af"]);
    assert!(out.contains("data2"), "{out}");
    let left = env.cove_ok(&["volume", "ls", "-q"]);
    assert_eq!(left.trim(), "data1", "the used one stays");
    env.cove_ok(&["rm", "user"]);
    svc.docker_ok(&["volume", "rm", "data1"]);
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]).trim(), "");
}

#[test]
fn docker_events_and_system_df() {
    let env = TestEnv::new("apiobj-events");
    let svc = ApiService::start(&env);
    let image = busybox();
    env.cove_ok(&["pull", "-q", &image]);

    let since = chrono::Utc::now().timestamp().to_string();
    env.cove_ok(&["run", "--name", "ev", &image, "true"]);
    let until = (chrono::Utc::now().timestamp() + 1).to_string();
    let out = svc.docker_ok(&[
        "events",
        "--since",
        &since,
        "--until",
        &until,
        "--filter",
        "container=ev",
        "--format",
        "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    let pos = |what: &str| {
        lines
            .iter()
            .position(|l| *l == format!("container {what} ev"))
            .unwrap_or_else(|| panic!("no {what} in {out}"))
    };
    assert!(pos("create") < pos("start"), "{out}");
    assert!(pos("start") < pos("die"), "{out}");
    // A filter on something else selects none of them.
    let none = svc.docker_ok(&[
        "events",
        "--since",
        &since,
        "--until",
        &until,
        "--filter",
        "type=volume",
    ]);
    assert_eq!(none.trim(), "");

    env.cove_ok(&["volume", "create", "v1"]);
    let df = svc.docker_ok(&[
        "system",
        "df",
        "--format",
        "{{.Type}} {{.TotalCount}} {{.Active}}",
    ]);
    for row in ["Images 1 1", "Containers 1 0", "Local Volumes 1 0"] {
        assert!(df.contains(row), "{df}");
    }
    let verbose = svc.docker_ok(&["system", "df", "-v"]);
    assert!(verbose.contains("v1"), "{verbose}");
}

#[test]
fn an_open_events_stream_keeps_the_service_alive() {
    let env = TestEnv::new("apiobj-idle");
    let mut svc = ApiService::start_with(&env, &["--time", "1"]);
    env.cove_ok(&["volume", "create", "before"]);
    let host = svc.host();
    let mut events = env
        .user_cmd_env(&[("DOCKER_HOST", &host)], DOCKER, &["events"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The stream is followed: a volume made now shows in it.
    std::thread::sleep(std::time::Duration::from_secs(3));
    assert!(svc.running(), "the service went idle with a stream open");
    env.cove_ok(&["volume", "create", "seen"]);
    let stdout = events.stdout.take().unwrap();
    let mut text = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut text).unwrap();
    assert!(text.contains("volume create seen"), "{text}");
    // Without --since, only what happened after the stream opened.
    assert!(!text.contains("before"), "{text}");
    common::kill_user_program(&mut events);
    assert!(eventually(|| !svc.running()), "the service never went idle");
}

#[test]
fn bad_input_gets_dockers_errors_and_the_service_keeps_answering() {
    let env = TestEnv::new("apiobj-bad");
    let svc = ApiService::start(&env);

    let (code, body) = svc.get("/images/nope/json");
    assert_eq!(
        (code, body.as_str()),
        (404, r#"{"message":"No such image: nope"}"#)
    );
    let (code, body) = svc.get("/v1.44/networks/nope");
    assert_eq!(code, 404);
    assert!(body.contains("network nope not found"), "{body}");
    let (code, body) = svc.get("/volumes/nope");
    assert_eq!(code, 404);
    assert!(body.contains("get nope: no such volume"), "{body}");
    let (code, _) = svc.get("/images/nope/history");
    assert_eq!(code, 404);
    let (code, _) = svc.get("/images/nope/get");
    assert_eq!(code, 404);

    for (path, body) in [
        ("/networks/create", "{not json"),
        ("/networks/create", r#"{"Name": 5}"#),
        ("/volumes/create", r#"{"Labels": ["a"]}"#),
        ("/networks/x/connect", "[]"),
        ("/images/create", ""),
    ] {
        let (code, resp) = post(&svc, path, body);
        assert!(code == 400 || code == 404, "{path} {body}: {code} {resp}");
        assert!(resp.starts_with("{\"message\":"), "{resp}");
    }
    for path in [
        "/images/json?filters=%7Bbad",
        "/images/json?filters=%7B%22color%22%3A%5B%22red%22%5D%7D",
        "/volumes?filters=%7B%22dangling%22%3A%5B%22maybe%22%5D%7D",
        "/networks?filters=%7B%22label%22%3A5%7D",
        "/events?since=yesterday-ish",
    ] {
        let (code, resp) = svc.get(path);
        assert!(code == 400 || code == 404, "{path}: {code} {resp}");
    }
    let (code, _) = svc.raw(
        b"DELETE /volumes/nope?force=perhaps HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(code, 400);
    let (code, body) = svc.get("/_ping");
    assert_eq!((code, body.as_str()), (200, "OK"));
}

/// `POST /images/create` for `image` (no tag in it), with an `X-Registry-Auth` header.
fn pull_raw(svc: &ApiService, image: &str, auth: Option<&str>) -> (u16, String) {
    let header = auth
        .map(|a| format!("X-Registry-Auth: {a}\r\n"))
        .unwrap_or_default();
    svc.raw(
        format!(
            "POST /v1.44/images/create?fromImage={image}&tag=latest HTTP/1.1\r\nHost: x\r\n\
             Connection: close\r\n{header}Content-Length: 0\r\n\r\n"
        )
        .as_bytes(),
    )
}

#[test]
fn pull_errors_in_the_stream_and_credentials_in_the_header() {
    use base64::Engine as _;
    let env = TestEnv::new("apiobj-pullauth");
    let svc = ApiService::start(&env);

    // A layer whose content does not match its digest fails after progress has gone out:
    // status 200, the error as the stream's last line.
    let bad = common::image("baddigest");
    let (code, body) = pull_raw(&svc, bad.trim_end_matches(":latest"), None);
    assert_eq!(code, 200, "{body}");
    // (Chunked: the JSON lines sit between chunk sizes.)
    let last = body
        .lines()
        .rfind(|l| l.starts_with('{'))
        .unwrap_or_default()
        .to_string();
    assert!(last.contains("\"errorDetail\":{\"message\":"), "{body}");
    assert!(last.contains("digest"), "{last}");
    let out = svc.docker(&["pull", &bad]);
    assert_ne!(exit_code(&out), 0, "{}", describe(&out));

    // The registry that wants a login: refused without credentials, pulled with them.
    let image = format!("{}/cove-test/one", common::auth_registry());
    let (code, body) = pull_raw(&svc, &image, None);
    assert_ne!(code, 200, "{body}");
    let lower = body.to_lowercase();
    assert!(
        lower.contains("not authorized") || lower.contains("401") || lower.contains("unauthorized"),
        "{body}"
    );
    let creds = format!(
        r#"{{"username":"{}","password":"{}","serveraddress":"{}"}}"#,
        common::auth_user(),
        common::auth_pass(),
        common::auth_registry()
    );
    let header = base64::engine::general_purpose::URL_SAFE.encode(creds);
    let (code, body) = pull_raw(&svc, &image, Some(&header));
    assert_eq!(code, 200, "{body}");
    assert!(
        body.contains("Status: Downloaded newer image for"),
        "{body}"
    );
    assert!(env
        .cove(&["image", "exists", &format!("{image}:latest")])
        .status
        .success());
}

#[test]
fn docker_push_streams_progress_and_the_registry_has_the_image() {
    let env = TestEnv::new("apiobj-push");
    let svc = ApiService::start(&env);
    let image = busybox();
    env.cove_ok(&["pull", "-q", &image]);
    let pushed = format!("{}/cove-test/apiobj-pushed:v1", common::registry());
    svc.docker_ok(&["tag", &image, &pushed]);
    let out = svc.docker_ok(&["push", &pushed]);
    assert!(out.contains("The push refers to repository"), "{out}");
    assert!(out.contains("v1: digest: sha256:"), "{out}");
    // What went up comes back down, into a store that never had it.
    let other = TestEnv::new("apiobj-push2");
    other.cove_ok(&["pull", "-q", &pushed]);
    assert_eq!(
        other.cove_ok(&["image", "inspect", "--format", "{{.Id}}", &pushed]),
        env.cove_ok(&["image", "inspect", "--format", "{{.Id}}", &image])
    );
    docker_fails(
        &svc,
        &[
            "push",
            &format!("{}/cove-test/never-made:v1", common::registry()),
        ],
        "No such image",
    );
}

#[test]
fn docker_login_checks_credentials_and_import_makes_an_image() {
    let env = TestEnv::new("apiobj-login");
    let svc = ApiService::start(&env);
    let reg = common::auth_registry();
    let image = format!("{reg}/cove-test/one");

    // A wrong password is refused by the registry and nothing is stored client-side.
    let out = env
        .user_cmd_env(
            &[("DOCKER_HOST", &svc.host())],
            "/bin/sh",
            &[
                "-c",
                &format!(
                    "echo wrong | {DOCKER} login -u {} --password-stdin {reg}",
                    common::auth_user()
                ),
            ],
        )
        .output()
        .unwrap();
    assert_ne!(exit_code(&out), 0, "{}", describe(&out));
    assert!(
        stderr(&out).contains("invalid username/password"),
        "{}",
        describe(&out)
    );
    docker_fails(&svc, &["pull", &image], "");

    // The right one: docker keeps it and sends it with the pull.
    let script = format!(
        "echo '{}' | {DOCKER} login -u {} --password-stdin {reg}",
        common::auth_pass(),
        common::auth_user()
    );
    let out = env
        .user_cmd_env(&[("DOCKER_HOST", &svc.host())], "/bin/sh", &["-c", &script])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", describe(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Login Succeeded"),
        "{}",
        describe(&out)
    );
    svc.docker_ok(&["pull", &image]);
    assert!(env
        .cove(&["image", "exists", &format!("{image}:latest")])
        .status
        .success());
    // A malformed body is a 400.
    let (code, body) = post(&svc, "/auth", "{not json");
    assert_eq!(code, 400, "{body}");

    // export | import: the container's files as a one-layer image with a new command.
    svc.docker_ok(&["create", "--name", "src", &busybox(), "true"]);
    let tar = env.home.join("fs.tar");
    svc.docker_ok(&["export", "-o", tar.to_str().unwrap(), "src"]);
    let out = svc.docker_ok(&[
        "import",
        "-c",
        "CMD [\"/bin/echo\", \"imported\"]",
        "-m",
        "from a tarball",
        tar.to_str().unwrap(),
        "imported:v1",
    ]);
    assert!(out.trim().starts_with("sha256:"), "{out}");
    assert_eq!(svc.docker_ok(&["run", "--rm", "imported:v1"]), "imported\n");
    let history = env.cove_ok(&["history", "--format", "{{.CreatedBy}}", "imported:v1"]);
    assert!(history.contains("from a tarball"), "{history}");
    // Not a tarball: an error, and no image by that name.
    let junk = env.home.join("junk.tar");
    env.write_user_file(&junk, "not a tar archive at all");
    let out = svc.docker(&["import", junk.to_str().unwrap(), "junk:v1"]);
    assert_ne!(exit_code(&out), 0, "{}", describe(&out));
    assert!(!env.cove(&["image", "exists", "junk:v1"]).status.success());
}
