use super::*;
use crate::container::restart::PolicyName;

fn request(json: serde_json::Value) -> Result<CreateRequest, ApiError> {
    let body: CreateBody = serde_json::from_value(json).expect("a create body");
    body.into_request(Some("web".into()))
}

#[test]
fn what_the_docker_cli_sends_for_run_d() {
    let req = request(serde_json::json!({
        "Image": "busybox",
        "Cmd": ["sleep", "60"],
        "Entrypoint": null,
        "Env": ["A=1"],
        "Labels": {"com.docker.compose.project": "shop"},
        "Tty": false,
        "OpenStdin": false,
        "ExposedPorts": {"80/tcp": {}},
        "StopSignal": "SIGINT",
        "Healthcheck": {"Test": ["CMD-SHELL", "true"], "Interval": 2_000_000_000u64},
        "HostConfig": {
            "Binds": ["data:/data:ro"],
            "Mounts": [{"Type": "tmpfs", "Target": "/run", "TmpfsOptions": {"SizeBytes": 1048576}}],
            "PortBindings": {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}], "53/udp": [{"HostIp": "", "HostPort": ""}]},
            "NetworkMode": "default",
            "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 3},
            "AutoRemove": false,
            "CapAdd": ["NET_ADMIN"],
            "Ulimits": [{"Name": "nofile", "Soft": 1024, "Hard": 2048}],
            "LogConfig": {"Type": "json-file", "Config": {"max-size": "1m"}},
            "Memory": 0,
            "PidsLimit": null
        },
        "NetworkingConfig": {"EndpointsConfig": {"default": {}}}
    }))
    .expect("accepted");
    assert_eq!(req.name.as_deref(), Some("web"));
    assert_eq!(req.command, Some(vec!["sleep".to_string(), "60".into()]));
    assert_eq!(req.entrypoint, None);
    assert_eq!(req.labels["com.docker.compose.project"], "shop");
    assert_eq!(req.expose, vec!["80/tcp".to_string()]);
    assert_eq!(
        req.stop_signal.map(|s| s.to_string()).as_deref(),
        Some("SIGINT")
    );
    assert_eq!(req.health.interval, Some(Duration::from_secs(2)));
    assert_eq!(req.mounts.len(), 2);
    assert_eq!(req.mounts[0].kind, MountKind::Volume);
    assert!(req.mounts[1].options.contains(&"size=1048576".to_string()));
    let p80 = req
        .publish
        .iter()
        .find(|p| p.container_port == 80)
        .expect("80");
    assert_eq!((p80.host_ip.as_str(), p80.host_port), ("127.0.0.1", 8080));
    let p53 = req
        .publish
        .iter()
        .find(|p| p.container_port == 53)
        .expect("53");
    assert_eq!((p53.host_port, p53.protocol.as_str()), (0, "udp"));
    assert_eq!(req.network, None);
    assert_eq!(req.restart.name, PolicyName::OnFailure);
    assert_eq!(req.restart.max_retries, 3);
    assert_eq!(req.ulimits[0].hard, 2048);
    assert_eq!(req.log_size_max, Some(1 << 20));
    assert_eq!(req.resources, ResourceLimits::default());
}

#[test]
fn compose_network_aliases_and_an_address_reach_the_request() {
    let req = request(serde_json::json!({
        "Image": "busybox",
        "HostConfig": {"NetworkMode": "shop_default"},
        "NetworkingConfig": {"EndpointsConfig": {"shop_default": {
            "Aliases": ["db", "shop-db-1"],
            "IPAMConfig": {"IPv4Address": "10.89.0.9"}
        }}}
    }))
    .expect("accepted");
    assert_eq!(
        req.network,
        Some(NetworkMode::Bridge("shop_default".into()))
    );
    assert_eq!(
        req.network_aliases,
        vec!["db".to_string(), "shop-db-1".into()]
    );
    assert_eq!(req.ip, Some("10.89.0.9".parse().expect("ip")));
}

#[test]
fn entrypoint_strings_and_clearing() {
    let req = request(serde_json::json!({"Image": "i", "Entrypoint": "/bin/sh", "Cmd": "-c"}))
        .expect("accepted");
    assert_eq!(req.entrypoint, Some(vec!["/bin/sh".to_string()]));
    assert_eq!(req.command, Some(vec!["-c".to_string()]));
    let req = request(serde_json::json!({"Image": "i", "Entrypoint": [""]})).expect("accepted");
    assert_eq!(req.entrypoint, Some(Vec::new()));
    let req = request(serde_json::json!({"Image": "i", "Healthcheck": {"Test": ["NONE"]}}))
        .expect("accepted");
    assert!(req.health.disabled);
}

#[test]
fn bad_values_are_client_errors() {
    for body in [
        serde_json::json!({"Image": ""}),
        serde_json::json!({"Image": "i", "HostConfig": {"RestartPolicy": {"Name": "sometimes"}}}),
        serde_json::json!({"Image": "i", "StopSignal": "SIGNOPE"}),
        serde_json::json!({"Image": "i", "HostConfig": {"Binds": ["relative:/x:zz"]}}),
        serde_json::json!({"Image": "i", "HostConfig": {"PortBindings": {"x/tcp": [{"HostPort": "1"}]}}}),
        serde_json::json!({"Image": "i", "HostConfig": {"NetworkMode": "container:"}}),
        serde_json::json!({"Image": "i", "HostConfig": {"Mounts": [{"Type": "npipe", "Target": "/x"}]}}),
    ] {
        let e = request(body.clone()).expect_err(&body.to_string());
        assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST, "{body}");
    }
}
