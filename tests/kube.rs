//! `kube generate`, `kube play`, `kube down`: real pods played from YAML, as the test
//! user; generated YAML checked against Kubernetes' schemas (kubernetes-validate,
//! strict); a quadlet `.kube` unit verified by systemd-analyze and its commands run.

mod common;

use std::path::Path;
use std::process::Command;

use common::{image, web_get, TestEnv};

/// A command that ends at once on SIGTERM (busybox's sleep as PID 1 would not, and every
/// `kube down` would wait out the stop timeout).
const IDLE: &str = "trap 'exit 0' TERM; while :; do sleep 1; done";

fn write_yaml(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.base.join(name);
    env.write_user_file(&path, text);
    path.display().to_string()
}

/// Names of all containers but pods' infra containers, sorted.
fn names(env: &TestEnv) -> Vec<String> {
    let mut n: Vec<String> = env
        .cove_ok(&["ps", "-a", "--format", "{{.Names}}"])
        .lines()
        .filter(|n| !n.ends_with("-infra"))
        .map(String::from)
        .collect();
    n.sort();
    n
}

/// `pod ps`: "NAME STATUS MEMBERS" (members without the infra container), sorted.
fn pods(env: &TestEnv) -> Vec<String> {
    let mut p: Vec<String> = env
        .cove_ok(&[
            "pod",
            "ps",
            "--format",
            "{{.Name}} {{.Status}} {{.ContainerNames}}",
        ])
        .lines()
        .map(|l| {
            let mut words = l.split(' ');
            let (name, status) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            let mut members: Vec<&str> = words
                .next()
                .unwrap_or("")
                .split(',')
                .filter(|m| !m.ends_with("-infra"))
                .collect();
            members.sort();
            format!("{name} {status} {}", members.join(","))
        })
        .collect();
    p.sort();
    p
}

/// No container (infra ones included) and no pod is left.
fn assert_nothing_left(env: &TestEnv) {
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert_eq!(env.cove_ok(&["pod", "ps", "-q"]), "");
}

fn volumes(env: &TestEnv) -> Vec<String> {
    env.cove_ok(&["volume", "ls", "-q"])
        .lines()
        .map(String::from)
        .collect()
}

fn inspect(env: &TestEnv, name: &str, format: &str) -> String {
    env.cove_ok(&["inspect", "--format", format, name])
        .trim()
        .to_string()
}

/// kubernetes-validate (PyPI) in strict mode: unknown fields are errors.
fn validate_strict(path: &Path) {
    let out = Command::new("kubernetes-validate")
        .arg("--strict")
        .arg(path)
        .output()
        .expect("kubernetes-validate is installed (scripts/setup-test-env.sh)");
    assert!(
        out.status.success(),
        "{} is not valid Kubernetes YAML:\n{}{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn generate_writes_yaml_kubernetes_accepts() {
    let env = TestEnv::new("kube-generate");
    let dir = env.base.join("shared");
    std::fs::create_dir(&dir).unwrap();
    let port = common::free_port().to_string();
    let publish = format!("{port}:80");
    let bind = format!("{}:/host:ro", dir.display());
    env.cove_ok(&[
        "create",
        "--name",
        "web",
        "-p",
        &publish,
        "-e",
        "FOO=bar",
        "-w",
        "/tmp",
        "-u",
        "1000:1000",
        "--cap-drop",
        "NET_RAW",
        "--cap-add",
        "SYS_ADMIN",
        "--label",
        "tier=front",
        "--restart",
        "on-failure",
        "-v",
        "data:/data",
        "-v",
        &bind,
        "--tmpfs",
        "/scratch",
        "--entrypoint",
        "/bin/sh",
        &image("busybox"),
        "-c",
        IDLE,
    ]);
    let file = env.base.join("web.yaml");
    let file_arg = file.display().to_string();
    env.cove_ok(&["kube", "generate", "--service", "-f", &file_arg, "web"]);
    validate_strict(&file);
    let yaml = std::fs::read_to_string(&file).unwrap();
    for expected in [
        "kind: Service",
        "kind: Pod",
        "name: web-pod",
        "tier: front",
        "- name: FOO\n      value: bar",
        &format!("containerPort: 80\n      hostPort: {port}"),
        "runAsUser: 1000",
        "- CAP_NET_RAW",
        "- CAP_SYS_ADMIN",
        "claimName: data",
        &format!("path: {}", dir.display()),
        "medium: Memory",
        "workingDir: /tmp",
        "restartPolicy: OnFailure",
        "- /bin/sh",
    ] {
        assert!(yaml.contains(expected), "no {expected:?} in:\n{yaml}");
    }
    // The image's own PATH is not repeated.
    assert!(!yaml.contains("PATH"), "{yaml}");
    // -f does not overwrite.
    let (code, err) = env.cove_err(&["kube", "generate", "-f", &file_arg, "web"]);
    assert_eq!(code, 125);
    assert!(err.contains("file exists"), "{err}");
    let (_, err) = env.cove_err(&["kube", "generate", "nosuch"]);
    assert!(err.contains("nosuch"), "{err}");
}

fn pod_yaml(port: u16) -> String {
    format!(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: duo
  labels:
    app: duo
spec:
  containers:
  - name: srv
    image: {busybox}
    command: ["sh", "-c"]
    args: ["echo served-by-srv > /tmp/index.html; trap 'exit 0' TERM; httpd -f -p 8080 -h /tmp & wait"]
    ports:
    - containerPort: 8080
      hostPort: {port}
  - name: cli
    image: {busybox}
    command: ["sh", "-c", "{IDLE}"]
"#,
        busybox = image("busybox")
    )
}

#[test]
fn a_pods_containers_talk_over_localhost_and_its_port_serves_the_host() {
    let env = TestEnv::new("kube-pod");
    let port = common::free_port();
    let file = write_yaml(&env, "pod.yaml", &pod_yaml(port));
    let out = env.cove_ok(&["kube", "play", &file]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Pod:", "{out}");
    assert_eq!(lines[2], "Containers:", "{out}");
    assert_eq!(lines.len(), 6, "{out}");
    assert_eq!(names(&env), ["duo-cli", "duo-srv"]);
    assert_eq!(pods(&env), ["duo Running duo-cli,duo-srv"]);
    assert_eq!(inspect(&env, "duo-srv", "{{.State.Status}}"), "running");
    let labels = env.cove_ok(&["inspect", "duo-cli"]);
    assert!(labels.contains("\"app\": \"duo\""), "{labels}");
    assert_eq!(
        env.cove_ok(&["pod", "inspect", "--format", "{{.Labels.app}}", "duo"])
            .trim(),
        "duo"
    );
    // The second container reaches the first on localhost.
    let mut body = String::new();
    assert!(
        common::eventually(|| {
            let o = env.cove(&["exec", "duo-cli", "wget", "-qO-", "http://localhost:8080/"]);
            body = String::from_utf8_lossy(&o.stdout).into_owned();
            o.status.success()
        }),
        "duo-cli never reached duo-srv on localhost"
    );
    assert_eq!(body.trim(), "served-by-srv");
    // The pod's hostPort serves a client on the host.
    assert_eq!(
        web_get(&format!("127.0.0.1:{port}"), "/").trim(),
        "served-by-srv"
    );
    // Played twice: refused, nothing changes.
    let (code, err) = env.cove_err(&["kube", "play", &file]);
    assert_eq!(code, 125);
    assert!(err.contains("pod \"duo\" already exists"), "{err}");
    let out = env.cove_ok(&["kube", "down", &file]);
    assert!(out.starts_with("Pods stopped:\n"), "{out}");
    assert_eq!(out.lines().nth(1), lines.get(1).copied(), "{out}");
    assert_nothing_left(&env);
    assert!(common::try_web_get(&format!("127.0.0.1:{port}"), "/").is_none());
}

#[test]
fn a_deployment_plays_as_many_pods_as_replicas() {
    let env = TestEnv::new("kube-deploy");
    let yaml = format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
spec:
  replicas: 2
  selector:
    matchLabels: {{app: dep}}
  template:
    metadata:
      labels: {{app: dep}}
    spec:
      containers:
      - name: c
        image: {}
        command: ["sh", "-c", "{IDLE}"]
"#,
        image("busybox")
    );
    let file = write_yaml(&env, "dep.yaml", &yaml);
    let out = env.cove_ok(&["kube", "play", &file]);
    assert_eq!(out.matches("Pod:\n").count(), 2, "{out}");
    assert_eq!(names(&env), ["dep-pod-0-c", "dep-pod-1-c"]);
    assert_eq!(
        pods(&env),
        [
            "dep-pod-0 Running dep-pod-0-c",
            "dep-pod-1 Running dep-pod-1-c"
        ]
    );
    let out = env.cove_ok(&["kube", "down", &file]);
    assert_eq!(out.lines().count(), 6, "{out}");
    assert_nothing_left(&env);
}

#[test]
fn configmaps_and_claims_feed_the_containers() {
    let env = TestEnv::new("kube-config");
    let yaml = format!(
        r#"apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
  level: "3"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: store
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  restartPolicy: Never
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: store
  - name: tmp
    emptyDir: {{}}
  containers:
  - name: main
    image: {busybox}
    command: ["sh", "-c", "echo kept > /data/file; {IDLE}"]
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {{name: settings, key: mode}}
    - name: EXTRA
      valueFrom:
        configMapKeyRef: {{name: extra, key: color}}
    - name: PLAIN
      value: "x y"
    envFrom:
    - configMapRef: {{name: settings}}
      prefix: S_
    volumeMounts:
    - {{name: data, mountPath: /data}}
    - {{name: tmp, mountPath: /tmp/scratch}}
  - name: side
    image: {busybox}
    command: ["sh", "-c", "{IDLE}"]
    securityContext:
      runAsUser: 1234
"#,
        busybox = image("busybox")
    );
    let file = write_yaml(&env, "app.yaml", &yaml);
    let extra = write_yaml(
        &env,
        "extra.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {color: blue}\n",
    );
    // Without the map it reads, nothing is made.
    let (_, err) = env.cove_err(&["kube", "play", &file]);
    assert!(
        err.contains("no key \"color\" in ConfigMap \"extra\""),
        "{err}"
    );
    assert!(names(&env).is_empty() && volumes(&env).is_empty());
    env.cove_ok(&["kube", "play", "--configmap", &extra, &file]);
    let printed = env.cove_ok(&["exec", "app-main", "env"]);
    for expected in [
        "MODE=fast",
        "EXTRA=blue",
        "PLAIN=x y",
        "S_mode=fast",
        "S_level=3",
    ] {
        assert!(
            printed.lines().any(|l| l == expected),
            "no {expected} in:\n{printed}"
        );
    }
    assert_eq!(
        env.cove_ok(&["exec", "app-side", "id", "-u"]).trim(),
        "1234"
    );
    assert_eq!(
        inspect(&env, "app-main", "{{.HostConfig.RestartPolicy.Name}}"),
        "no"
    );
    let mut vols = volumes(&env);
    vols.sort();
    assert_eq!(vols, ["app-tmp", "store"]);
    assert!(common::eventually(|| env
        .cove(&["exec", "app-main", "cat", "/data/file"])
        .status
        .success()));
    env.cove_ok(&["kube", "down", &file]);
    assert_nothing_left(&env);
    // The claim outlives the pod, with its data; the pod's scratch volume does not.
    assert_eq!(volumes(&env), ["store"]);
    env.cove_ok(&["kube", "play", "--configmap", &extra, &file]);
    assert_eq!(
        env.cove_ok(&["exec", "app-main", "cat", "/data/file"])
            .trim(),
        "kept"
    );
    // `pod rm -f` of a played pod takes its scratch volume too, not the claim.
    env.cove_ok(&["pod", "rm", "-f", "app"]);
    assert_nothing_left(&env);
    assert_eq!(volumes(&env), ["store"]);
}

#[test]
fn a_pod_generates_yaml_that_plays_back_the_same_pod() {
    let env = TestEnv::new("kube-roundtrip");
    let port = common::free_port();
    let busybox = image("busybox");
    let publish = format!("127.0.0.1:{port}:8080");
    env.cove_ok(&[
        "pod", "create", "--name", "rt", "--label", "tier=web", "-p", &publish,
    ]);
    env.cove_ok(&[
        "create",
        "--pod",
        "rt",
        "--name",
        "rt-web",
        "-e",
        "GREETING=hi there",
        "-w",
        "/srv",
        "-u",
        "1000",
        "-v",
        "rtdata:/srv",
        &busybox,
        "sh",
        "-c",
        "echo round > /tmp/index.html; trap 'exit 0' TERM; httpd -f -p 8080 -h /tmp & wait",
    ]);
    env.cove_ok(&[
        "create", "--pod", "rt", "--name", "rt-side", "-e", "N=1", &busybox, "sh", "-c", IDLE,
    ]);
    const FORMAT: &str = "{{.Config.Entrypoint}}|{{.Config.Cmd}}|{{.Config.Env}}|\
        {{.Config.User}}|{{.Config.WorkingDir}}|{{.Mounts}}|{{.HostConfig.RestartPolicy.Name}}";
    let members = ["rt-side", "rt-web"];
    let before: Vec<String> = members.iter().map(|m| inspect(&env, m, FORMAT)).collect();
    let pod_format = [
        "pod",
        "inspect",
        "--format",
        "{{.InfraConfig.PortBindings}}",
        "rt",
    ];
    let pod_before = env.cove_ok(&pod_format);
    let file = env.base.join("rt.yaml");
    let file_arg = file.display().to_string();
    // Podman 3's spelling of `kube generate`.
    env.cove_ok(&["generate", "kube", "--service", "-f", &file_arg, "rt"]);
    validate_strict(&file);
    let yaml = std::fs::read_to_string(&file).unwrap();
    assert_eq!(yaml.matches("kind: Pod").count(), 1, "{yaml}");
    assert_eq!(yaml.matches("kind: Service").count(), 1, "{yaml}");
    assert!(
        !yaml.contains("infra") && !yaml.contains("cove-pause"),
        "{yaml}"
    );
    for expected in [
        "name: web\n",
        "name: side\n",
        "tier: web",
        &format!("hostPort: {port}"),
    ] {
        assert!(yaml.contains(expected), "no {expected:?} in:\n{yaml}");
    }
    env.cove_ok(&["pod", "rm", "-f", "rt"]);
    assert_nothing_left(&env);
    env.cove_ok(&["kube", "play", &file_arg]);
    assert_eq!(names(&env), members);
    assert_eq!(pods(&env), ["rt Running rt-side,rt-web"]);
    let after: Vec<String> = members.iter().map(|m| inspect(&env, m, FORMAT)).collect();
    // Volume mounts print the volume's path, which is the same volume's.
    assert_eq!(before, after);
    assert_eq!(pod_before, env.cove_ok(&pod_format));
    assert_eq!(
        env.cove_ok(&["pod", "inspect", "--format", "{{.Labels.tier}}", "rt"])
            .trim(),
        "web"
    );
    assert_eq!(web_get(&format!("127.0.0.1:{port}"), "/").trim(), "round");
    // The members share the pod's network.
    assert!(common::eventually(|| env
        .cove(&["exec", "rt-side", "wget", "-qO-", "http://localhost:8080/"])
        .status
        .success()));
    // Generating the played pod gives the file back.
    let again = env.cove_ok(&["kube", "generate", "--service", "rt"]);
    assert_eq!(again, yaml);
    env.cove_ok(&["kube", "down", &file_arg]);
    assert_nothing_left(&env);
    assert_eq!(volumes(&env), ["rtdata"]);
}

#[test]
fn start_false_replace_and_down() {
    let env = TestEnv::new("kube-replace");
    let file = write_yaml(&env, "pod.yaml", &pod_yaml(common::free_port()));
    let first = env.cove_ok(&["kube", "play", "--start=false", &file]);
    assert_eq!(pods(&env), ["duo Created duo-cli,duo-srv"]);
    // Podman 3's spelling.
    let second = env.cove_ok(&["play", "kube", "--replace", &file]);
    assert_ne!(first.lines().nth(1), second.lines().nth(1));
    assert_eq!(pods(&env), ["duo Running duo-cli,duo-srv"]);
    assert_eq!(names(&env), ["duo-cli", "duo-srv"]);
    env.cove_ok(&["kube", "play", "--down", &file]);
    assert_nothing_left(&env);
}

#[test]
fn bad_yaml_is_one_clear_error_and_creates_nothing() {
    let env = TestEnv::new("kube-bad");
    let busybox = image("busybox");
    let head = format!(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {{name: claimed}}\n---\n\
         apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  \
         - {{name: ok, image: {busybox}, volumeMounts: [{{name: v, mountPath: /v}}]}}\n"
    );
    let volumes_part = "  volumes:\n  - {name: v, persistentVolumeClaim: {claimName: claimed}}\n";
    // Pulled first: a play's own pull would print progress.
    env.cove_ok(&["pull", "-q", &busybox]);
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unknown kind",
            format!("{head}{volumes_part}---\napiVersion: v1\nkind: Gadget\nmetadata: {{name: g}}\n"),
            "unsupported kind \"Gadget\"",
        ),
        (
            "missing image",
            format!("{head}  - {{name: second}}\n{volumes_part}"),
            "container \"second\": no image",
        ),
        (
            "bad port",
            format!(
                "{head}  - {{name: second, image: {busybox}, ports: [{{containerPort: 80, hostPort: 70000}}]}}\n{volumes_part}"
            ),
            "hostPort 70000 is not a port number",
        ),
        (
            "port of the wrong type",
            format!(
                "{head}  - {{name: second, image: {busybox}, ports: [{{containerPort: http}}]}}\n{volumes_part}"
            ),
            "spec.containers[1].ports[0].containerPort",
        ),
        (
            "malformed document",
            format!("{head}{volumes_part}---\nkind: Pod\n  spec: [\n"),
            "malformed YAML",
        ),
        (
            "missing host path",
            format!(
                "{head}  - {{name: second, image: {busybox}, volumeMounts: [{{name: h, mountPath: /h}}]}}\n{volumes_part}  \
                 - {{name: h, hostPath: {{path: /nonexistent/cove-kube}}}}\n"
            ),
            "hostPath /nonexistent/cove-kube",
        ),
    ];
    for (what, yaml, expected) in cases {
        let file = write_yaml(&env, "bad.yaml", &yaml);
        let (code, err) = env.cove_err(&["kube", "play", &file]);
        assert_eq!(code, 125, "{what}: {err}");
        assert!(err.contains(expected), "{what}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{what}: {err}");
        assert!(names(&env).is_empty(), "{what} created containers");
        assert!(pods(&env).is_empty(), "{what} created pods");
        assert!(volumes(&env).is_empty(), "{what} created volumes");
    }
    // The same file without its mistake plays.
    let file = write_yaml(&env, "good.yaml", &format!("{head}{volumes_part}"));
    env.cove_ok(&["kube", "play", "--start=false", &file]);
    assert_eq!(names(&env), ["p-ok"]);
    assert_eq!(pods(&env), ["p Created p-ok"]);
    assert_eq!(volumes(&env), ["claimed"]);
}

#[test]
fn play_flags_shape_the_pods_or_fail_in_one_line() {
    let env = TestEnv::new("kube-flags");
    let busybox = image("busybox");
    env.cove_ok(&["pull", "-q", &busybox]);
    let file = write_yaml(
        &env,
        "solo.yaml",
        &format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: solo}}\nspec:\n  containers:\n  \
             - {{name: c, image: {busybox}, command: [sh, -c, \"{IDLE}\"]}}\n"
        ),
    );
    let refused: [(&[&str], &str); 6] = [
        (&["--build"], "--build"),
        (&["--context-dir", "/tmp"], "--context-dir"),
        (
            &["--userns", "bogus"],
            "unrecognized namespace mode bogus passed",
        ),
        (&["--cert-dir", "/tmp"], "--cert-dir"),
        (&["--log-driver", "bogus"], "bogus"),
        (&["--network", "nosuchnet"], "nosuchnet"),
    ];
    for (flags, expected) in refused {
        let mut args = vec!["kube", "play"];
        args.extend(flags);
        args.push(&file);
        let (code, err) = env.cove_err(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.contains(expected), "{flags:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{flags:?}: {err}");
        assert_nothing_left(&env);
    }
    env.cove_ok(&[
        "kube",
        "play",
        "--start=false",
        "--network",
        "none",
        "--no-hosts",
        "--annotation",
        "team=blue",
        "--log-driver",
        "json-file",
        "--log-opt",
        "max-size=1m",
        "--seccomp-profile-root",
        "/nonexistent",
        "--tls-verify=false",
        &file,
    ]);
    assert_eq!(pods(&env), ["solo Created solo-c"]);
    assert_eq!(
        inspect(&env, "solo-c", "{{.HostConfig.LogConfig.Type}}"),
        "json-file"
    );
    assert_eq!(
        env.cove_ok(&[
            "pod",
            "inspect",
            "--format",
            "{{.InfraConfig.NoManageHosts}}",
            "solo"
        ])
        .trim(),
        "true"
    );
    let yaml = env.cove_ok(&["kube", "generate", "solo"]);
    assert!(yaml.contains("annotations:\n    team: blue"), "{yaml}");
    env.cove_ok(&["kube", "down", &file]);
    assert_nothing_left(&env);
}

/// A quadlet `.kube` file: the generator's unit verifies, its ExecStart (run as the test
/// user, as a user manager would) plays the pods and stays while they run, its ExecStop
/// takes them down and so ends ExecStart.
#[test]
fn a_kube_quadlet_unit_runs_its_pods() {
    use cove::systemd::unit::{split_words, Unit};
    let env = TestEnv::new("kube-quadlet");
    let port = common::free_port();
    let (uid, gid) = common::test_user_ids();
    let dir = env.config.join("containers/systemd");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).unwrap();
    env.write_user_file(&dir.join("duo.yaml"), &pod_yaml(port));
    env.write_user_file(
        &dir.join("duo.kube"),
        "[Unit]\nDescription=the duo pod\n\n[Kube]\nYaml=duo.yaml\nLogDriver=k8s-file\n\n\
         [Install]\nWantedBy=default.target\n",
    );
    let out_dir = env.base.join("generated");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::os::unix::fs::chown(&out_dir, Some(uid), Some(gid)).unwrap();
    common::cove_bin();
    let generator = common::bin_dir().join("cove-systemd-generator");
    let d = out_dir.display().to_string();
    let out = env
        .user_cmd(generator.to_str().unwrap(), &[&d, &d, &d])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::describe(&out));
    let unit = out_dir.join("duo.service");
    let runtime = env.base.join("verify-run");
    std::fs::create_dir_all(&runtime).unwrap();
    let verify = Command::new("systemd-analyze")
        .args(["--user", "verify", "--man=no"])
        .arg(&unit)
        .env("XDG_RUNTIME_DIR", &runtime)
        .current_dir(&out_dir)
        .output()
        .expect("systemd-analyze (package systemd) is installed");
    assert!(
        verify.status.success() && verify.stderr.is_empty() && verify.stdout.is_empty(),
        "systemd-analyze verify: {}",
        common::describe(&verify)
    );
    let text = std::fs::read_to_string(&unit).unwrap();
    let parsed = Unit::parse(&text).unwrap();
    let line = |key: &str| -> Vec<String> {
        let v = &parsed
            .entries("Service")
            .find(|e| e.key == key)
            .unwrap_or_else(|| panic!("no {key} in\n{text}"))
            .value;
        split_words(v.strip_prefix('-').unwrap_or(v)).unwrap()
    };
    let start = line("ExecStart");
    let args: Vec<&str> = start[1..].iter().map(String::as_str).collect();
    let mut main = env.user_cmd(&start[0], &args).spawn().unwrap();
    assert!(
        common::eventually(|| pods(&env) == ["duo Running duo-cli,duo-srv"]),
        "ExecStart did not run the pod: {:?}",
        pods(&env)
    );
    assert_eq!(
        web_get(&format!("127.0.0.1:{port}"), "/").trim(),
        "served-by-srv"
    );
    // The unit's main process stays while the pod runs.
    assert!(main.try_wait().unwrap().is_none());
    let stop = line("ExecStop");
    let args: Vec<&str> = stop[1..].iter().map(String::as_str).collect();
    let out = env.user_cmd(&stop[0], &args).output().unwrap();
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(main.wait().unwrap().success());
    assert_nothing_left(&env);
}
