//! The `system` commands (df, prune, reset), the global flags (--log-level,
//! --cgroup-manager, --root, --runroot) and the `exists` commands, as the test user.

mod common;

use std::io::Write;
use std::process::{Output, Stdio};

use common::{busybox, describe, eventually, exit_code, pulled, TestEnv};
use serde_json::Value;

/// Run cove with `input` on stdin.
fn cove_with_stdin(env: &TestEnv, args: &[&str], input: &str) -> Output {
    let mut child = env
        .cove_cmd(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cove");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// `system df --format json` as (Type -> row).
fn df(env: &TestEnv) -> std::collections::BTreeMap<String, Value> {
    let out = env.cove_ok(&["system", "df", "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    rows.into_iter()
        .map(|r| (r["Type"].as_str().unwrap().to_string(), r))
        .collect()
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().filter(|l| !l.is_empty()).collect()
}

#[test]
fn df_counts_images_containers_and_volumes() {
    let env = pulled("df");
    let before = df(&env);
    assert_eq!(before["Images"]["Total"], 1, "{before:?}");
    assert_eq!(before["Images"]["Active"], 0);
    let image_size = before["Images"]["RawSize"].as_u64().unwrap();
    assert!(image_size > 100_000, "{before:?}");
    // Nothing uses the image: all of it could go.
    assert_eq!(
        before["Images"]["RawReclaimable"].as_u64(),
        Some(image_size)
    );
    assert_eq!(before["Containers"]["Total"], 0);
    assert_eq!(before["Local Volumes"]["Total"], 0);

    env.cove_ok(&["volume", "create", "data"]);
    env.cove_ok(&[
        "run",
        "--name",
        "writer",
        "-v",
        "data:/data",
        &busybox(),
        "sh",
        "-c",
        "head -c 20000 /dev/zero > /big; head -c 3000 /dev/zero > /data/f",
    ]);
    let after = df(&env);
    assert_eq!(after["Images"]["Active"], 1, "{after:?}");
    assert_eq!(after["Images"]["RawSize"].as_u64(), Some(image_size));
    assert_eq!(after["Images"]["RawReclaimable"], 0);
    assert_eq!(after["Containers"]["Total"], 1);
    // Exited: not active, its writable layer reclaimable.
    assert_eq!(after["Containers"]["Active"], 0);
    let csize = after["Containers"]["RawSize"].as_u64().unwrap();
    assert!((20_000..100_000).contains(&csize), "{after:?}");
    assert_eq!(after["Containers"]["RawReclaimable"].as_u64(), Some(csize));
    assert_eq!(after["Local Volumes"]["Total"], 1);
    assert_eq!(after["Local Volumes"]["Active"], 1);
    assert_eq!(after["Local Volumes"]["RawSize"], 3000);
    assert_eq!(after["Local Volumes"]["RawReclaimable"], 0);

    let table = env.cove_ok(&["system", "df"]);
    let rows = lines(&table);
    assert!(
        rows[0].split_whitespace().collect::<Vec<_>>()
            == ["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"],
        "{table}"
    );
    assert!(
        rows[1].starts_with("Images") && rows[1].ends_with("0B (0%)"),
        "{table}"
    );
    assert!(
        rows[2].starts_with("Containers") && rows[2].ends_with("(100%)"),
        "{table}"
    );
    assert!(rows[3].starts_with("Local Volumes"), "{table}");

    let types = env.cove_ok(&["system", "df", "--format", "{{.Type}}={{.Total}}"]);
    assert_eq!(types, "Images=1\nContainers=1\nLocal Volumes=1\n");

    let verbose = env.cove_ok(&["system", "df", "-v"]);
    let image_row = verbose
        .lines()
        .find(|l| l.contains("cove-test/busybox"))
        .unwrap_or_else(|| panic!("{verbose}"));
    assert!(image_row.ends_with(" 1"), "one container: {verbose}");
    for expected in [
        "Images space usage:",
        "SHARED SIZE",
        "Containers space usage:",
        "LOCAL VOLUMES",
        "Local Volumes space usage:",
        "VOLUME NAME",
    ] {
        assert!(verbose.contains(expected), "{expected}: {verbose}");
    }
    let container_row = verbose.lines().find(|l| l.ends_with("writer")).unwrap();
    assert!(container_row.contains("Exited (0)"), "{verbose}");
    let volume_row = verbose.lines().find(|l| l.starts_with("data ")).unwrap();
    assert_eq!(
        volume_row.split_whitespace().collect::<Vec<_>>(),
        ["data", "1", "3kB"],
        "{verbose}"
    );

    let (code, err) = env.cove_err(&["system", "df", "-v", "--format", "json"]);
    assert_eq!(code, 125, "{err}");
}

#[test]
fn system_prune_removes_what_nothing_uses() {
    let env = pulled("sys-prune");
    let img = busybox();
    env.cove_ok(&["volume", "create", "used"]);
    env.cove_ok(&["volume", "create", "unused"]);
    env.cove_ok(&["network", "create", "lonely"]);
    let keep = env.cove_ok(&[
        "run", "-d", "--name", "keep", "-v", "used:/u", &img, "sleep", "1000",
    ]);
    env.cove_ok(&["run", "--name", "gone", &img, "touch", "/marker"]);
    let gone = env.cove_ok(&["inspect", "--format", "{{.Id}}", "gone"]);
    // An image without a name: dangling.
    let dangling = env.cove_ok(&["commit", "gone"]);
    let dangling = dangling.trim().trim_start_matches("sha256:").to_string();
    assert_eq!(dangling.len(), 64, "{dangling}");

    // Without -f it asks; "n" keeps everything.
    let out = cove_with_stdin(&env, &["system", "prune"], "n\n");
    assert!(out.status.success(), "{}", describe(&out));
    let question = String::from_utf8_lossy(&out.stdout);
    assert!(
        question.starts_with("WARNING! This command removes:")
            && question.contains("all stopped containers")
            && question.contains("[y/N]"),
        "{question}"
    );
    assert!(!question.contains("Deleted"), "{question}");
    assert_eq!(lines(&env.cove_ok(&["ps", "-a", "-q"])).len(), 2);
    // No answer at all is not taken as a yes.
    let (code, err) = env.cove_err(&["system", "prune"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(lines(&env.cove_ok(&["ps", "-a", "-q"])).len(), 2);

    let out = env.cove_ok(&["system", "prune", "-f"]);
    let expected_start = format!(
        "Deleted Containers\n{}\nDeleted Networks\nlonely\nDeleted Images\n{dangling}\n",
        gone.trim()
    );
    assert!(out.starts_with(&expected_start), "{out}");
    assert!(out.contains("Total reclaimed space: "), "{out}");
    assert!(!out.contains("Total reclaimed space: 0B"), "{out}");
    // In use: kept.
    assert_eq!(env.cove_ok(&["ps", "-a", "-q", "--no-trunc"]), keep);
    assert!(env.cove_ok(&["images"]).contains("cove-test/busybox"));
    assert!(!env.cove_ok(&["network", "ls", "-q"]).contains("lonely"));
    assert_eq!(
        env.cove_ok(&["volume", "ls", "-q"]),
        "unused\nused\n",
        "volumes only with --volumes"
    );

    let out = env.cove_ok(&["system", "prune", "-f", "--volumes"]);
    assert!(out.starts_with("Deleted Volumes\nunused\n"), "{out}");
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), "used\n");

    // Stopped, the container goes; its tagged image stays without -a, goes with it.
    env.cove_ok(&["stop", "-t", "0", "keep"]);
    let out = env.cove_ok(&["system", "prune", "-f"]);
    assert!(out.starts_with("Deleted Containers\n"), "{out}");
    assert!(env.cove_ok(&["images"]).contains("cove-test/busybox"));
    let out = env.cove_ok(&["system", "prune", "-a", "-f"]);
    assert!(out.starts_with("Deleted Images\n"), "{out}");
    assert_eq!(env.cove_ok(&["images", "-q"]), "");
    assert_eq!(env.layer_dirs(), Vec::<String>::new());

    // The store is consistent: the image comes back and runs.
    env.cove_ok(&["pull", "-q", &img]);
    assert_eq!(env.cove_ok(&["run", "--rm", &img, "echo", "ok"]), "ok\n");
}

#[test]
fn prune_filters_select_by_label() {
    let env = pulled("prune-filter");
    let img = busybox();
    env.cove_ok(&["create", "--name", "a", "--label", "tier=web", &img, "true"]);
    env.cove_ok(&["create", "--name", "b", &img, "true"]);
    let out = env.cove_ok(&["container", "prune", "-f", "--filter", "label=tier=web"]);
    assert_eq!(lines(&out).len(), 1, "{out}");
    assert_eq!(env.cove_ok(&["ps", "-a", "--format", "{{.Names}}"]), "b\n");
    // Created just now: not older than an hour.
    let out = env.cove_ok(&["system", "prune", "-f", "--filter", "until=1h"]);
    assert!(!out.contains("Deleted Containers"), "{out}");
    let (code, err) = env.cove_err(&["system", "prune", "-f", "--filter", "colour=red"]);
    assert_eq!(code, 125);
    assert!(err.contains("invalid filter"), "{err}");
}

#[test]
fn reset_removes_everything_and_cove_works_again() {
    let env = pulled("reset");
    let img = busybox();
    env.cove_ok(&["run", "-d", "--name", "busy", &img, "sleep", "1000"]);
    env.cove_ok(&["volume", "create", "v"]);
    env.cove_ok(&["network", "create", "net1"]);
    let pause = env.pause_pid().expect("a pause process");

    let out = cove_with_stdin(&env, &["system", "reset"], "n\n");
    assert!(out.status.success(), "{}", describe(&out));
    let question = String::from_utf8_lossy(&out.stdout);
    assert!(
        question.starts_with("WARNING! This will remove:"),
        "{question}"
    );
    assert!(question.contains("graphRoot"), "{question}");
    assert_eq!(env.cove_ok(&["ps", "-q"]).len(), 13);
    let (code, _) = env.cove_err(&["system", "reset"]);
    assert_eq!(code, 125);
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), "v\n");

    assert_eq!(env.cove_ok(&["system", "reset", "-f"]), "");
    assert!(
        eventually(|| !std::path::Path::new(&format!("/proc/{pause}")).exists()),
        "the pause process {pause} is still there"
    );
    assert!(!env.data.join("cove/layers").exists());
    assert_eq!(env.cove_ok(&["images", "-q"]), "");
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert_eq!(env.cove_ok(&["volume", "ls", "-q"]), "");
    assert_eq!(env.cove_ok(&["network", "ls", "-q"]), "");

    env.cove_ok(&["pull", "-q", &img]);
    assert_eq!(
        env.cove_ok(&["run", "--rm", &img, "echo", "again"]),
        "again\n"
    );
}

#[test]
fn log_level_and_cgroup_manager_flags() {
    let env = pulled("global-flags");
    let (code, err) = env.cove_err(&["--log-level", "loud", "images"]);
    assert_eq!(code, 125, "{err}");
    assert!(
        err.contains("'loud'") && err.contains("--log-level"),
        "{err}"
    );
    assert!(err.contains("debug"), "lists the valid values: {err}");

    // Default: quiet. Debug: the helper command lines.
    let out = env.cove(&["run", "--rm", &busybox(), "true"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let out = env.cove(&["--log-level", "debug", "run", "--rm", &busybox(), "true"]);
    assert!(out.status.success(), "{}", describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    let shim = err
        .lines()
        .find(|l| l.starts_with("DEBU running") && l.contains("cove-conmon"))
        .unwrap_or_else(|| panic!("{err}"));
    // The cleanup the shim runs logs at the same level.
    assert!(
        shim.contains("--exit-command-arg --log-level --exit-command-arg debug"),
        "{shim}"
    );

    // Docker's -D/--debug before the command: the same as --log-level debug, shim too.
    for flag in ["-D", "--debug"] {
        let out = env.cove(&[flag, "run", "--rm", &busybox(), "true"]);
        assert!(out.status.success(), "{}", describe(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.lines().any(|l| l.starts_with("DEBU running")
                && l.contains("--exit-command-arg --log-level --exit-command-arg debug")),
            "{flag}: {err}"
        );
    }

    // Info says which level is in effect; trace prints what debug prints.
    let out = env.cove(&["--log-level", "info", "images"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "INFO cove filtering at log level info\n"
    );
    let out = env.cove(&["--log-level", "trace", "run", "--rm", &busybox(), "true"]);
    assert!(out.status.success(), "{}", describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.lines()
            .any(|l| l.starts_with("DEBU running") && l.contains("cove-conmon")),
        "{err}"
    );

    env.cove_ok(&["--cgroup-manager", "cgroupfs", "images"]);
    let (code, err) = env.cove_err(&["--cgroup-manager", "systemd", "images"]);
    assert_eq!(code, 125);
    assert!(err.contains("systemd is not supported"), "{err}");
    let (code, _) = env.cove_err(&["--cgroup-manager", "upstart", "images"]);
    assert_eq!(code, 125);
}

#[test]
fn exists_commands_answer_with_exit_codes() {
    let env = pulled("exists");
    env.cove_ok(&["create", "--name", "there", &busybox(), "true"]);
    env.cove_ok(&["volume", "create", "vol"]);
    env.cove_ok(&["network", "create", "net"]);
    for (kind, present) in [
        ("container", "there"),
        ("image", busybox().as_str()),
        ("volume", "vol"),
        ("network", "net"),
    ] {
        let out = env.cove(&[kind, "exists", present]);
        assert_eq!(exit_code(&out), 0, "{kind}: {}", describe(&out));
        assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{kind}");
        let out = env.cove(&[kind, "exists", "missing"]);
        assert_eq!(exit_code(&out), 1, "{kind}: {}", describe(&out));
        assert!(out.stdout.is_empty(), "{kind}");
        // A usage error is cove's own failure.
        let out = env.cove(&[kind, "exists"]);
        assert_eq!(exit_code(&out), 125, "{kind}: {}", describe(&out));
    }
}

#[test]
fn root_and_runroot_select_another_store() {
    let env = pulled("root-flags");
    let root = env.base.join("alt-root");
    let runroot = env.base.join("alt-run");
    let (root, runroot) = (root.to_str().unwrap(), runroot.to_str().unwrap());
    let alt = |args: &[&str]| {
        let mut v = vec!["--root", root, "--runroot", runroot];
        v.extend_from_slice(args);
        env.cove_ok(&v)
    };
    alt(&["pull", "-q", &busybox()]);
    alt(&["create", "--name", "elsewhere", &busybox(), "true"]);
    // `--rm` cleanup is done by the shim's exit command: it must find this store too.
    alt(&["run", "-d", "--rm", "--name", "brief", &busybox(), "true"]);
    assert!(eventually(|| !alt(&["ps", "-a"]).contains("brief")));
    assert!(alt(&["ps", "-a"]).contains("elsewhere"));
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert_eq!(
        env.cove(&["container", "exists", "elsewhere"])
            .status
            .code(),
        Some(1)
    );
    let info = alt(&[
        "info",
        "--format",
        "{{.Store.GraphRoot}} {{.Store.RunRoot}}",
    ]);
    assert_eq!(info.trim(), format!("{root} {runroot}"));
    assert!(std::path::Path::new(root).join("cove.db").exists());
}

/// Checkpoints need root: every checkpoint command fails as rootless Podman's does, and
/// the container is left as it was.
#[test]
fn checkpoint_and_restore_fail_as_rootless_podman_does() {
    let env = pulled("sys-checkpoint");
    env.cove_ok(&["create", "--name", "c", &busybox(), "sleep", "60"]);
    let checkpointing = "Error: checkpointing a container requires root\n";
    let restoring = "Error: restoring a container requires root\n";
    for (args, want) in [
        (
            &["container", "checkpoint", "--leave-running", "c"][..],
            checkpointing,
        ),
        (
            &["container", "checkpoint", "-a", "--export", "/tmp/x.tar"][..],
            checkpointing,
        ),
        (
            &["container", "restore", "--import", "/tmp/x.tar", "-n", "d"][..],
            restoring,
        ),
        (&["checkpoint", "create", "c", "cp1"][..], checkpointing),
        (&["checkpoint", "ls", "c"][..], checkpointing),
        (&["start", "--checkpoint", "cp1", "c"][..], restoring),
    ] {
        let (code, err) = env.cove_err(args);
        assert_eq!((code, err.as_str()), (125, want), "{args:?}");
    }
    assert_eq!(
        env.cove_ok(&["inspect", "--format", "{{.State.Status}}", "c"]),
        "created\n"
    );
}

/// `system events` is `events`; `--no-trunc=false` shortens IDs; `system migrate` moves
/// containers to another runtime (stopping running ones), `system renumber` has nothing to
/// do; `system service --cors` answers with CORS headers and preflights.
#[test]
fn system_events_migrate_renumber_and_service_cors() {
    let env = pulled("sys-migrate");
    let id = env.cove_ok(&["run", "-d", "--name", "m", &busybox(), "sleep", "600"]);
    let id = id.trim();
    let events = env.cove_ok(&[
        "system",
        "events",
        "--stream=false",
        "--filter",
        "event=start",
        "--format",
        "{{.ID}}",
    ]);
    assert_eq!(events, format!("{id}\n"));
    let short = env.cove_ok(&[
        "events",
        "--stream=false",
        "--no-trunc=false",
        "--filter",
        "event=start",
    ]);
    assert!(short.contains(&format!(" {} ", &id[..12])), "{short}");
    assert!(!short.contains(id), "{short}");

    env.cove_ok(&["system", "renumber"]);
    env.cove_ok(&["system", "migrate"]);
    let runtime = |env: &TestEnv| {
        env.cove_ok(&[
            "inspect",
            "--format",
            "{{.HostConfig.Runtime}} {{.State.Status}}",
            "m",
        ])
    };
    assert_eq!(runtime(&env), "cove-runtime running\n");
    let (code, err) = env.cove_err(&["system", "migrate", "--new-runtime", "no-such-runtime"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no-such-runtime"), "{err}");
    assert_eq!(runtime(&env), "cove-runtime running\n");

    env.cove_ok(&["system", "migrate", "--new-runtime", "runc"]);
    assert_eq!(runtime(&env), "runc exited\n");
    env.cove_ok(&["start", "m"]);
    assert_eq!(
        env.cove_ok(&["exec", "m", "echo", "under runc"]),
        "under runc\n"
    );
    env.cove_ok(&["rm", "-f", "m"]);

    let svc = common::api::ApiService::start_with(&env, &["--time", "0", "--cors", "*"]);
    let head = |req: &str| {
        let mut s = std::os::unix::net::UnixStream::connect(&svc.socket).unwrap();
        s.write_all(req.as_bytes()).unwrap();
        let mut resp = String::new();
        std::io::Read::read_to_string(&mut s, &mut resp).unwrap();
        resp.to_lowercase()
    };
    let ping = head("GET /_ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(ping.starts_with("http/1.1 200"), "{ping}");
    assert!(
        ping.contains("access-control-allow-origin: *\r\n"),
        "{ping}"
    );
    let pre =
        head("OPTIONS /v1.41/containers/json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(pre.starts_with("http/1.1 200"), "{pre}");
    assert!(pre.contains("access-control-allow-methods: "), "{pre}");
}

/// `info` reports the machine and the store under Podman's field names, in templates and
/// in `--format json` (Podman's camelCase tags).
#[test]
fn info_reports_the_machine_and_the_store_as_podman_names_them() {
    let env = pulled("info-fields");
    env.cove_ok(&["create", "--name", "counted", &busybox(), "true"]);
    let line = env.cove_ok(&[
        "info",
        "--format",
        "{{.Host.CPUs}}|{{.Host.MemTotal}}|{{.Host.Distribution.Distribution}}|{{.Store.ContainerStore.Number}}|{{.Store.ContainerStore.Stopped}}|{{.Store.ImageStore.Number}}|{{.Host.Security.SECCOMPEnabled}}|{{.Version.OsArch}}",
    ]);
    let f: Vec<&str> = line.trim().split('|').collect();
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert_eq!(f[0], cpus.to_string(), "{line}");
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap();
    let total_kb: u64 = meminfo
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(f[1], (total_kb * 1024).to_string(), "{line}");
    assert_eq!(f[2], "debian", "{line}");
    assert_eq!(&f[3..7], ["1", "1", "1", "true"], "{line}");
    assert!(f[7].starts_with("linux/"), "{line}");

    let json: Value = serde_json::from_str(&env.cove_ok(&["info", "--format", "json"])).unwrap();
    assert_eq!(json["store"]["containerStore"]["number"], 1, "{json}");
    assert_eq!(json["host"]["cpus"], cpus, "{json}");
    assert_eq!(json["host"]["security"]["rootless"], true, "{json}");
    assert!(
        json["host"]["idMappings"]["uidmap"]
            .as_array()
            .is_some_and(|m| !m.is_empty()),
        "{json}"
    );
    assert!(json["version"]["Version"].is_string(), "{json}");

    // The default output is Podman's YAML-like listing.
    let plain = env.cove_ok(&["info"]);
    assert!(plain.contains("host:\n"), "{plain}");
    assert!(plain.contains("  memTotal: "), "{plain}");
    assert!(plain.contains(&format!("  cpus: {cpus}\n")), "{plain}");
    assert!(plain.contains("  ociRuntime:\n"), "{plain}");
}
