use super::*;

fn plan_of(text: &str) -> Result<Plan> {
    plan(text, "t.yaml", BTreeMap::new())
}

fn err_of(text: &str) -> String {
    plan_of(text).expect_err("the file is refused").to_string()
}

const POD: &str = r#"
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  restartPolicy: OnFailure
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: store}
  - name: scratch
    emptyDir: {}
  containers:
  - name: srv
    image: busybox
    command: [httpd, -f]
    args: [-p, "80"]
    env:
    - {name: A, value: "1"}
    - name: B
      valueFrom: {configMapKeyRef: {name: cfg, key: b}}
    envFrom:
    - configMapRef: {name: cfg}
      prefix: CFG_
    ports:
    - {containerPort: 80, hostPort: 8080}
    volumeMounts:
    - {name: data, mountPath: /data, readOnly: true}
    securityContext: {runAsUser: 1000}
  - name: side
    image: busybox
    ports:
    - {containerPort: 53, hostPort: 5353, protocol: UDP}
    volumeMounts:
    - {name: scratch, mountPath: /scratch}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {b: two}
"#;

#[test]
fn a_pod_becomes_an_infra_and_members() {
    let plan = plan_of(POD).unwrap();
    assert_eq!(plan.volumes, vec!["store".to_string()]);
    let pod = &plan.pods[0];
    assert_eq!(pod.scratch_volumes, vec!["web-scratch".to_string()]);
    let (srv, side) = (&pod.containers[0], &pod.containers[1]);
    assert_eq!(srv.name.as_deref(), Some("web-srv"));
    assert_eq!(srv.entrypoint, Some(vec!["httpd".into(), "-f".into()]));
    assert_eq!(srv.command, Some(vec!["-p".into(), "80".into()]));
    assert_eq!(srv.env, vec!["CFG_b=two", "A=1", "B=two"]);
    assert_eq!(srv.user.as_deref(), Some("1000"));
    assert_eq!(srv.restart.name, PolicyName::OnFailure);
    assert_eq!(srv.labels.get("app").map(String::as_str), Some("web"));
    assert_eq!(pod.labels.get("app").map(String::as_str), Some("web"));
    assert_eq!(srv.mounts[0].options, vec!["ro".to_string()]);
    // Every port is the pod's, held by its infra container.
    let ports: Vec<(u16, u16, &str)> = pod
        .publish
        .iter()
        .map(|p| (p.host_port, p.container_port, p.protocol.as_str()))
        .collect();
    assert_eq!(ports, vec![(8080, 80, "tcp"), (5353, 53, "udp")]);
    assert!(srv.publish.is_empty() && side.publish.is_empty());
    assert!(srv.network.is_none() && srv.hostname.is_none());
    assert_eq!(side.mounts[0].source, "web-scratch");
}

#[test]
fn a_deployment_is_replicas_pods() {
    let plan = plan_of(
        "kind: Deployment\napiVersion: apps/v1\nmetadata: {name: d}\nspec:\n  replicas: 3\n  \
         template:\n    spec:\n      containers: [{name: c, image: busybox}]\n",
    )
    .unwrap();
    let names: Vec<&str> = plan.pods.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["d-pod-0", "d-pod-1", "d-pod-2"]);
    assert_eq!(
        plan.pods[2].containers[0].name.as_deref(),
        Some("d-pod-2-c")
    );
}

#[test]
fn mistakes_are_one_clear_line() {
    let pod = |containers: &str| {
        format!(
            "kind: Pod\napiVersion: v1\nmetadata: {{name: p}}\nspec:\n  containers: {containers}\n"
        )
    };
    assert!(err_of("kind: Foo\nmetadata: {name: x}\n").contains("unsupported kind \"Foo\""));
    assert!(err_of(&pod("[{name: a}]")).contains("container \"a\": no image"));
    assert!(err_of(&pod(
        "[{name: a, image: b, ports: [{containerPort: 70000}]}]"
    ))
    .contains("containerPort 70000 is not a port number"));
    assert!(err_of(&pod(
        "[{name: a, image: b, ports: [{containerPort: 1, hostPort: x}]}]"
    ))
    .contains("spec.containers[0].ports[0].hostPort"));
    assert!(err_of(&pod(
        "[{name: a, image: b, env: [{name: E, valueFrom: {configMapKeyRef: {name: m, key: k}}}]}]"
    ))
    .contains("no key \"k\" in ConfigMap \"m\""));
    assert!(err_of(&pod(
        "[{name: a, image: b, volumeMounts: [{name: v, mountPath: /v}]}]"
    ))
    .contains("no such volume"));
    assert!(err_of("kind: Pod\n  bad: [\n").contains("malformed YAML"));
    assert!(err_of("").contains("no YAML documents"));
}

#[test]
fn down_reads_names_only() {
    let names = pod_names(
        "kind: Pod\nmetadata: {name: a}\n---\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 2}\n",
        "t.yaml",
    )
    .unwrap();
    assert_eq!(names, ["a", "d-pod-0", "d-pod-1"]);
}

#[test]
fn the_pods_user_is_the_default_of_its_containers() {
    let plan = plan_of(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsUser: 7, runAsGroup: 8}\n  \
         containers:\n  - {name: a, image: b}\n  - {name: c, image: b, securityContext: {runAsUser: 9}}\n",
    )
    .unwrap();
    let users: Vec<Option<&str>> = plan.pods[0]
        .containers
        .iter()
        .map(|c| c.user.as_deref())
        .collect();
    assert_eq!(users, [Some("7:8"), Some("9:8")]);
}
