//! `kube generate`, `kube play`, `kube down`: real containers played from YAML, as the
//! test user; generated YAML checked against Kubernetes' schemas (kubernetes-validate,
//! strict).

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

/// Names of all containers, sorted.
fn names(env: &TestEnv) -> Vec<String> {
    let mut n: Vec<String> = env
        .cove_ok(&["ps", "-a", "--format", "{{.Names}}"])
        .lines()
        .map(String::from)
        .collect();
    n.sort();
    n
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
    assert_eq!(inspect(&env, "duo-srv", "{{.State.Status}}"), "running");
    let labels = env.cove_ok(&["inspect", "duo-cli"]);
    assert!(labels.contains("\"app\": \"duo\""), "{labels}");
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
    assert!(names(&env).is_empty());
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
    for n in ["dep-pod-0-c", "dep-pod-1-c"] {
        assert_eq!(inspect(&env, n, "{{.State.Status}}"), "running");
    }
    let out = env.cove_ok(&["kube", "down", &file]);
    assert_eq!(out.lines().count(), 6, "{out}");
    assert!(names(&env).is_empty());
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
    assert!(names(&env).is_empty());
    // The claim outlives the pod, with its data; the pod's scratch volume does not.
    assert_eq!(volumes(&env), ["store"]);
    env.cove_ok(&["kube", "play", "--configmap", &extra, &file]);
    assert_eq!(
        env.cove_ok(&["exec", "app-main", "cat", "/data/file"])
            .trim(),
        "kept"
    );
    env.cove_ok(&["kube", "play", "--down", &file]);
    assert!(names(&env).is_empty());
}

#[test]
fn generate_rm_play_gives_the_same_container() {
    let env = TestEnv::new("kube-roundtrip");
    let port = common::free_port();
    let publish = format!("127.0.0.1:{port}:8080");
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "rt",
        "-p",
        &publish,
        "-e",
        "GREETING=hi there",
        "-e",
        "N=1",
        "-w",
        "/srv",
        "-u",
        "1000",
        "-v",
        "rtdata:/srv",
        &image("busybox"),
        "sh",
        "-c",
        "echo round > /tmp/index.html; trap 'exit 0' TERM; httpd -f -p 8080 -h /tmp & wait",
    ]);
    const FORMAT: &str = "{{.Config.Entrypoint}}|{{.Config.Cmd}}|{{.Config.Env}}|\
        {{.HostConfig.PortBindings}}|{{.Config.User}}|{{.Config.WorkingDir}}|{{.Mounts}}";
    let before = inspect(&env, "rt", FORMAT);
    let file = env.base.join("rt.yaml");
    let file_arg = file.display().to_string();
    env.cove_ok(&["kube", "generate", "-f", &file_arg, "rt"]);
    validate_strict(&file);
    env.cove_ok(&["rm", "-f", "rt"]);
    env.cove_ok(&["kube", "play", &file_arg]);
    assert_eq!(names(&env), ["rt-pod-rt"]);
    let after = inspect(&env, "rt-pod-rt", FORMAT);
    // Volume mounts print the volume's path, which is the same volume's.
    assert_eq!(before, after);
    assert_eq!(web_get(&format!("127.0.0.1:{port}"), "/").trim(), "round");
    // Generating the played pod gives the file back.
    let again = env.cove_ok(&["kube", "generate", "rt-pod"]);
    assert_eq!(again, std::fs::read_to_string(&file).unwrap());
    env.cove_ok(&["kube", "down", &file_arg]);
    assert!(names(&env).is_empty());
}

#[test]
fn start_false_replace_and_down() {
    let env = TestEnv::new("kube-replace");
    let file = write_yaml(&env, "pod.yaml", &pod_yaml(common::free_port()));
    let first = env.cove_ok(&["kube", "play", "--start=false", &file]);
    assert_eq!(inspect(&env, "duo-srv", "{{.State.Status}}"), "created");
    let second = env.cove_ok(&["kube", "play", "--replace", &file]);
    assert_ne!(first.lines().nth(1), second.lines().nth(1));
    assert_eq!(inspect(&env, "duo-srv", "{{.State.Status}}"), "running");
    assert_eq!(names(&env), ["duo-cli", "duo-srv"]);
    env.cove_ok(&["kube", "play", "--down", &file]);
    assert!(names(&env).is_empty());
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
        assert!(volumes(&env).is_empty(), "{what} created volumes");
    }
    // The same file without its mistake plays.
    let file = write_yaml(&env, "good.yaml", &format!("{head}{volumes_part}"));
    env.cove_ok(&["kube", "play", "--start=false", &file]);
    assert_eq!(names(&env), ["p-ok"]);
    assert_eq!(volumes(&env), ["claimed"]);
}
