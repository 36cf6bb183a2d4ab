use super::*;
use crate::container::record::{ContainerConfig, ContainerState, Endpoint, MountSpec};
use serde_json::{json, Value};

fn placement() -> Placement {
    Placement {
        id_mappings: None,
        driver: "overlay".into(),
        log_path: "/data/c/userdata/ctr.log".into(),
        dir: "/data/c".into(),
        rootfs: "/run/c/merged".into(),
    }
}

fn container(status: Status) -> Container {
    Container {
        id: "0123456789abcdef".into(),
        name: "web".into(),
        image_id: "sha256:feed".into(),
        created_at: 0,
        config: ContainerConfig {
            image_name: "busybox".into(),
            entrypoint: vec!["/init".into()],
            args: vec!["/init".into(), "httpd".into(), "-f".into()],
            labels: [("com.docker.compose.project".to_string(), "shop".to_string())].into(),
            exposed_ports: vec!["80/tcp".into(), "53/udp".into()],
            ports: vec![PortMapping {
                host_ip: String::new(),
                host_port: 0,
                host_port_last: 0,
                container_port: 80,
                protocol: "tcp".into(),
            }],
            mounts: vec![
                MountSpec {
                    kind: MountKind::Volume,
                    source: "data".into(),
                    destination: "/data".into(),
                    options: vec!["ro".into()],
                },
                MountSpec {
                    kind: MountKind::Tmpfs,
                    source: "tmpfs".into(),
                    destination: "/tmp".into(),
                    options: vec!["rw".into()],
                },
            ],
            log_size_max: Some(1024),
            stop_signal: "INT".parse().ok(),
            ..Default::default()
        },
        state: ContainerState {
            status,
            pid: 42,
            exit_code: 0,
            started_at: "2026-01-01T00:00:00Z".into(),
            network: crate::container::record::NetworkState {
                ports: vec![PortMapping {
                    host_ip: String::new(),
                    host_port: 8080,
                    host_port_last: 0,
                    container_port: 80,
                    protocol: "tcp".into(),
                }],
                ip_address: "10.0.2.100".into(),
                endpoints: vec![Endpoint {
                    network: "shopnet".into(),
                    network_id: "abc".into(),
                    ip_address: "10.89.0.2".into(),
                    aliases: vec!["db".into()],
                    ..Default::default()
                }],
                ..Default::default()
            },
            ..Default::default()
        },
    }
}

fn report(status: Status) -> Value {
    serde_json::to_value(ContainerInspect::build(&container(status), &placement()))
        .expect("serialisable")
}

#[test]
fn a_running_container_reads_as_docker_shows_it() {
    let v = report(Status::Running);
    assert_eq!(v["Id"], "0123456789abcdef");
    assert_eq!(v["Name"], "web");
    assert_eq!(v["Path"], "/init");
    assert_eq!(v["Args"], json!(["httpd", "-f"]));
    assert_eq!(v["State"]["Running"], true);
    assert_eq!(v["State"]["Status"], "running");
    assert_eq!(v["State"]["Pid"], 42);
    assert_eq!(v["State"]["FinishedAt"], ZERO_TIME);
    assert_eq!(v["Config"]["Cmd"], json!(["httpd", "-f"]));
    assert_eq!(v["Config"]["Entrypoint"], json!(["/init"]));
    assert_eq!(v["Config"]["StopSignal"], "SIGINT");
    assert_eq!(v["Config"]["Labels"]["com.docker.compose.project"], "shop");
    assert_eq!(v["Config"]["ExposedPorts"]["80/tcp"], json!({}));
    assert_eq!(
        v["NetworkSettings"]["Ports"]["80/tcp"],
        json!([{"HostIp": "0.0.0.0", "HostPort": "8080"}])
    );
    // Exposed and not published: null, as Docker shows it.
    assert_eq!(v["NetworkSettings"]["Ports"]["53/udp"], Value::Null);
    assert_eq!(
        v["NetworkSettings"]["Networks"]["shopnet"]["Aliases"],
        json!(["db", "0123456789ab"])
    );
    assert_eq!(v["NetworkSettings"]["IPAddress"], "10.0.2.100");
    // As requested: any host port, picked at start.
    assert_eq!(
        v["HostConfig"]["PortBindings"]["80/tcp"],
        json!([{"HostIp": "", "HostPort": ""}])
    );
    assert_eq!(v["GraphDriver"]["Data"]["UpperDir"], "/data/c/upper");
    assert_eq!(v["LogPath"], "/data/c/userdata/ctr.log");
}

#[test]
fn fields_have_the_types_docker_clients_decode() {
    let v = report(Status::Running);
    // Go decodes LogConfig.Config as map[string]string: a number would fail the whole
    // document.
    assert_eq!(v["HostConfig"]["LogConfig"]["Config"]["max-size"], "1024");
    assert_eq!(v["HostConfig"]["RestartPolicy"]["Name"], "no");
    assert_eq!(v["HostConfig"]["RestartPolicy"]["MaximumRetryCount"], 0);
    let mounts = v["Mounts"].as_array().expect("a list");
    assert_eq!(mounts[0]["Type"], "volume");
    assert_eq!(mounts[0]["Name"], "data");
    assert_eq!(mounts[0]["RW"], false);
    assert_eq!(mounts[1]["Type"], "tmpfs");
    assert!(mounts[1].get("Name").is_none());
    assert_eq!(v["HostConfig"]["Binds"], json!(["data:/data:ro"]));
    assert_eq!(v["ExecIDs"], Value::Null);
}

#[test]
fn a_stopped_container_shows_no_addresses_or_bound_ports() {
    let v = report(Status::Exited);
    assert_eq!(v["State"]["Running"], false);
    assert_eq!(v["NetworkSettings"]["IPAddress"], "");
    assert_eq!(v["NetworkSettings"]["Networks"], json!({}));
    assert_eq!(v["NetworkSettings"]["Ports"]["80/tcp"], Value::Null);
    let created = report(Status::Created);
    assert_eq!(created["State"]["Status"], "created");
}

#[test]
fn a_container_without_a_command_has_a_null_cmd() {
    let mut c = container(Status::Created);
    c.config.args.clear();
    let v = serde_json::to_value(ContainerInspect::build(&c, &placement())).expect("json");
    assert_eq!(v["Config"]["Cmd"], Value::Null);
    assert_eq!(v["Path"], "");
}
