//! `build_config`'s rules, without root: the image's settings with a request over them.

use super::*;
use crate::container::ContainerConfig;

fn image(json: &str) -> ImageConfig {
    ImageConfig::from_json(
        format!(r#"{{"architecture":"amd64","os":"linux","config":{json}}}"#).as_bytes(),
    )
}

fn nginx() -> ImageConfig {
    image(
        r#"{"Entrypoint":["/docker-entrypoint.sh"],"Cmd":["nginx","-g","daemon off;"],
            "Env":["PATH=/usr/bin","NGINX_VERSION=1.25","A=image"],
            "User":"101","WorkingDir":"/srv","StopSignal":"SIGQUIT",
            "ExposedPorts":{"80/tcp":{},"443/tcp":{}},
            "Volumes":{"/var/cache/nginx":{},"/data":{}},
            "Labels":{"maintainer":"x","keep":"image"},
            "Healthcheck":{"Test":["CMD-SHELL","curl -f localhost"],"Interval":30000000000,"Retries":5}}"#,
    )
}

fn req() -> CreateRequest {
    CreateRequest {
        image: "nginx".into(),
        image_id: "sha256:abc".into(),
        ..CreateRequest::default()
    }
}

fn build(r: &CreateRequest, img: &ImageConfig) -> Result<ContainerConfig> {
    build_config(r, img, &Defaults::default())
}

#[test]
fn command_from_image_entrypoint_and_cmd() {
    let c = build(&req(), &nginx()).unwrap();
    assert_eq!(
        c.args,
        ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]
    );
    // The image's own, kept for inspect.
    assert_eq!(c.entrypoint, ["/docker-entrypoint.sh"]);
    assert_eq!(c.cmd, ["nginx", "-g", "daemon off;"]);
    assert_eq!(c.image_name, "nginx");
}

#[test]
fn a_command_replaces_cmd_and_keeps_the_entrypoint() {
    let r = CreateRequest {
        command: Some(vec!["sh".into()]),
        ..req()
    };
    assert_eq!(
        build(&r, &nginx()).unwrap().args,
        ["/docker-entrypoint.sh", "sh"]
    );
}

#[test]
fn an_entrypoint_resets_the_image_cmd() {
    let r = CreateRequest {
        entrypoint: Some(vec!["/bin/env".into()]),
        ..req()
    };
    assert_eq!(build(&r, &nginx()).unwrap().args, ["/bin/env"]);
    let r = CreateRequest {
        entrypoint: Some(vec!["/bin/echo".into()]),
        command: Some(vec!["hi".into()]),
        ..req()
    };
    assert_eq!(build(&r, &nginx()).unwrap().args, ["/bin/echo", "hi"]);
    // `--entrypoint ""` clears both: nothing left to run.
    let r = CreateRequest {
        entrypoint: Some(Vec::new()),
        ..req()
    };
    assert!(matches!(build(&r, &nginx()), Err(CreateError::NoCommand)));
    let r = CreateRequest {
        entrypoint: Some(Vec::new()),
        command: Some(vec!["ls".into()]),
        ..req()
    };
    assert_eq!(build(&r, &nginx()).unwrap().args, ["ls"]);
}

#[test]
fn no_command_at_all_is_refused() {
    let err = build(&req(), &image("{}")).unwrap_err();
    assert!(err.to_string().starts_with("no command specified"), "{err}");
}

#[test]
fn env_order_image_then_host_then_files_then_flags() {
    let defaults = Defaults {
        host_env: vec![
            ("HOME".into(), "/home/u".into()),
            ("A".into(), "host".into()),
        ],
        ..Defaults::default()
    };
    let r = CreateRequest {
        env_files: vec!["A=file".into(), "B=file".into(), "HOME".into()],
        env: vec!["B=flag".into(), "C=flag".into(), "UNSET".into()],
        tty: true,
        ..req()
    };
    let c = build_config(&r, &nginx(), &defaults).unwrap();
    assert_eq!(
        c.env,
        [
            "PATH=/usr/bin",
            "NGINX_VERSION=1.25",
            "A=file",
            "HOME=/home/u",
            // A later entry replaces the key and goes last.
            "B=flag",
            "C=flag",
            "TERM=xterm"
        ]
    );
    let r = CreateRequest {
        env_host: true,
        ..req()
    };
    let c = build_config(&r, &image(r#"{"Cmd":["x"],"Env":["A=image"]}"#), &defaults).unwrap();
    assert_eq!(c.env, [DEFAULT_PATH, "HOME=/home/u", "A=host"]);
}

#[test]
fn user_workdir_and_stop_signal_default_to_the_image() {
    let c = build(&req(), &nginx()).unwrap();
    assert_eq!((c.user.as_str(), c.working_dir.as_str()), ("101", "/srv"));
    assert_eq!(
        c.stop_signal.map(|s| s.to_string()).as_deref(),
        Some("SIGQUIT")
    );
    assert_eq!(c.stop_timeout, 10);
    let r = CreateRequest {
        user: Some("0:0".into()),
        working_dir: Some("/tmp".into()),
        stop_signal: Some("HUP".parse().unwrap()),
        stop_timeout: Some(3),
        ..req()
    };
    let c = build(&r, &nginx()).unwrap();
    assert_eq!((c.user.as_str(), c.working_dir.as_str()), ("0:0", "/tmp"));
    assert_eq!(
        c.stop_signal.map(|s| s.to_string()).as_deref(),
        Some("SIGHUP")
    );
    assert_eq!(c.stop_timeout, 3);
    let c = build(&req(), &image(r#"{"Cmd":["x"],"StopSignal":"NOPE"}"#)).unwrap();
    assert_eq!((c.user.as_str(), c.stop_signal), ("", None));
}

#[test]
fn labels_flags_over_image() {
    let r = CreateRequest {
        labels: [
            ("keep".to_string(), "flag".to_string()),
            ("new".into(), "".into()),
        ]
        .into(),
        ..req()
    };
    let c = build(&r, &nginx()).unwrap();
    let labels: Vec<(&str, &str)> = c
        .labels
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(labels, [("keep", "flag"), ("maintainer", "x"), ("new", "")]);
}

#[test]
fn health_from_image_and_flags() {
    let c = build(&req(), &nginx()).unwrap();
    let h = c.health.unwrap();
    assert_eq!(h.test, ["CMD-SHELL", "curl -f localhost"]);
    assert_eq!((h.interval, h.retries), (30_000_000_000, 5));
    // A flag overrides its field only.
    let r = CreateRequest {
        health: HealthRequest {
            retries: Some(2),
            on_failure: Some(OnFailure::Restart),
            ..HealthRequest::default()
        },
        ..req()
    };
    let h = build(&r, &nginx()).unwrap().health.unwrap();
    assert_eq!(
        (h.interval, h.retries, h.on_failure),
        (30_000_000_000, 2, OnFailure::Restart)
    );
    let r = CreateRequest {
        health: HealthRequest {
            disabled: true,
            ..HealthRequest::default()
        },
        ..req()
    };
    assert_eq!(build(&r, &nginx()).unwrap().health, None);
    // Tuning without any command to tune.
    let r = CreateRequest {
        health: HealthRequest {
            interval: Some(Duration::from_secs(1)),
            ..HealthRequest::default()
        },
        ..req()
    };
    let plain = image(r#"{"Cmd":["x"]}"#);
    assert!(matches!(build(&r, &plain), Err(CreateError::HealthTuned)));
    let r = CreateRequest {
        health: HealthRequest {
            test: Some(super::super::flags::health_test("true")),
            interval: Some(Duration::ZERO),
            ..HealthRequest::default()
        },
        ..req()
    };
    assert!(matches!(
        build(&r, &plain),
        Err(CreateError::HealthInterval)
    ));
    let r = CreateRequest {
        health: HealthRequest {
            disabled: true,
            test: Some(vec!["CMD".into(), "true".into()]),
            ..HealthRequest::default()
        },
        ..req()
    };
    assert!(matches!(
        build(&r, &plain),
        Err(CreateError::HealthDisabled)
    ));
}

#[test]
fn exposed_ports_and_publish_all() {
    let r = CreateRequest {
        expose: vec!["9000/udp".into()],
        publish: crate::network::ports::parse_publish("8080:80").unwrap(),
        publish_all: true,
        ..req()
    };
    let c = build(&r, &nginx()).unwrap();
    assert_eq!(c.exposed_ports, ["443/tcp", "80/tcp", "9000/udp"]);
    let ports: Vec<(u16, u16, &str)> = c
        .ports
        .iter()
        .map(|p| (p.host_port, p.container_port, p.protocol.as_str()))
        .collect();
    // 80 is published already; the others get a random host port.
    assert_eq!(
        ports,
        [(8080, 80, "tcp"), (0, 443, "tcp"), (0, 9000, "udp")]
    );
    assert!(build(&req(), &nginx()).unwrap().ports.is_empty());
}

#[test]
fn image_volumes_become_anonymous_unless_mounted() {
    let r = CreateRequest {
        mounts: vec![super::super::flags::parse_volume("cache:/data").unwrap()],
        ..req()
    };
    let c = build(&r, &nginx()).unwrap();
    let m: Vec<(MountKind, &str, &str)> = c
        .mounts
        .iter()
        .map(|m| (m.kind, m.source.as_str(), m.destination.as_str()))
        .collect();
    assert_eq!(
        m,
        [
            (MountKind::Volume, "cache", "/data"),
            (MountKind::Volume, "", "/var/cache/nginx")
        ]
    );
}

#[test]
fn userns_restart_and_network_rules() {
    let r = CreateRequest {
        userns: Some("keep-id".parse().unwrap()),
        ..req()
    };
    assert_eq!(build(&r, &nginx()).unwrap().userns, Userns::KeepId);
    assert!("nobody".parse::<Userns>().is_err());
    let r = CreateRequest {
        auto_remove: true,
        restart: "always".parse().unwrap(),
        ..req()
    };
    assert!(matches!(
        build(&r, &nginx()),
        Err(CreateError::RestartWithRm)
    ));
    // The engine's default network, then the request's.
    let defaults = Defaults {
        network: Some(NetworkMode::Pasta(Vec::new())),
        runtime: Some("runc".into()),
        log_size_max: Some(10),
        ..Defaults::default()
    };
    let c = build_config(&req(), &nginx(), &defaults).unwrap();
    assert_eq!(
        (c.network.to_string().as_str(), c.runtime.as_str()),
        ("pasta", "runc")
    );
    assert_eq!(c.log_size_max, Some(10));
    assert_eq!(
        build(&req(), &nginx()).unwrap().network.to_string(),
        "slirp4netns"
    );
    let r = CreateRequest {
        network: Some(NetworkMode::Bridge("backend".into())),
        network_aliases: vec!["db".into()],
        ip: Some(Ipv4Addr::new(10, 89, 0, 5)),
        ..req()
    };
    let c = build(&r, &nginx()).unwrap();
    assert_eq!(
        c.attachments,
        [Attachment {
            network: "backend".into(),
            aliases: vec!["db".into()],
            ip: Some("10.89.0.5".into()),
            ..Attachment::default()
        }]
    );
    let r = CreateRequest {
        network_aliases: vec!["db".into()],
        ..req()
    };
    assert!(matches!(
        build(&r, &nginx()),
        Err(CreateError::AliasWithoutNetwork)
    ));
    let r = CreateRequest {
        mac_address: Some("92:d0:c6:0a:29".into()),
        ..req()
    };
    assert!(matches!(build(&r, &nginx()), Err(CreateError::Mac(_))));
    let r = CreateRequest {
        add_hosts: vec!["nocolon".into()],
        ..req()
    };
    assert!(build(&r, &nginx()).is_err());
}

#[test]
fn resource_limits_are_refused_without_delegation() {
    let r = ResourceLimits {
        memory: Some(1 << 20),
        pids_limit: Some(10),
        ..ResourceLimits::default()
    };
    let err = r.check(false).unwrap_err().to_string();
    assert!(
        err.starts_with("--memory, --pids-limit: resource limits need a cgroup v2"),
        "{err}"
    );
    assert!(r.check(true).is_ok());
    assert!(ResourceLimits::default().check(false).is_ok());
}

#[test]
fn rows_of_the_previous_release_load_typed() {
    // As the previous release stored them: strings for the kinds and modes.
    let old = r#"{"image_name":"alpine","args":["sh"],"network":"slirp4netns:allow_host_loopback=true",
        "stop_signal":"KILL","userns":"keep-id","sdnotify":"",
        "mounts":[{"kind":"volume","source":"v","destination":"/v","options":["rw"]},
                  {"kind":"tmpfs","source":"tmpfs","destination":"/t","options":[]}]}"#;
    let c: ContainerConfig = serde_json::from_str(old).unwrap();
    assert!(matches!(&c.network, NetworkMode::Slirp4netns(o) if o.allow_host_loopback));
    assert_eq!(
        c.stop_signal.map(|s| s.to_string()).as_deref(),
        Some("SIGKILL")
    );
    assert_eq!(c.userns, Userns::KeepId);
    assert_eq!(c.sdnotify, notify::Mode::Container);
    assert_eq!(c.mounts[1].kind, MountKind::Tmpfs);
    let again: ContainerConfig = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
    assert_eq!(again.network, c.network);
    assert_eq!(
        (again.stop_signal, again.userns, again.sdnotify),
        (c.stop_signal, c.userns, c.sdnotify)
    );
    // Rows from before these fields existed.
    let c: ContainerConfig =
        serde_json::from_str(r#"{"network":"","stop_signal":"","userns":""}"#).unwrap();
    assert_eq!(
        (c.network, c.stop_signal, c.userns),
        (NetworkMode::default(), None, Userns::Host)
    );
    let c: ContainerConfig = serde_json::from_str("{}").unwrap();
    assert_eq!(c.sdnotify, notify::Mode::Container);
}

#[test]
fn image_configs_without_platform_fields_still_read() {
    let img = ImageConfig::from_json(br#"{"config":{"Cmd":["x"],"User":"u"}}"#);
    assert_eq!(img.config.user().as_deref(), Some("u"));
    let img = ImageConfig::from_json(b"not json");
    assert_eq!(img.config.cmd(), &None);
    assert!(img.healthcheck.is_none());
}
