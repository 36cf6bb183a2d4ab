//! `container inspect`.

use super::*;
use crate::cli::output::print_inspect;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::container::{Container, ContainerError, Engine, Status};
use anyhow::anyhow;
use clap::Args;
use serde_json::{json, Value};

/// Docker-shaped `inspect` for a container.
pub fn inspect_value(engine: &Engine, c: &Container) -> Value {
    let dir = engine.container_dir(&c.id);
    let state = &c.state;
    let env_map = c.config.labels.clone();
    json!({
        "Id": c.id,
        "Created": c.config.created,
        "Path": c.config.args.first().cloned().unwrap_or_default(),
        "Args": c.config.args.iter().skip(1).collect::<Vec<_>>(),
        "State": {
            "Status": state.status.as_str(),
            "Running": state.status == Status::Running,
            "Paused": state.status == Status::Paused,
            "Restarting": state.status == Status::Restarting,
            "OOMKilled": state.oom_killed,
            "Dead": false,
            "Pid": state.pid,
            "ConmonPid": state.conmon_pid,
            "ExitCode": state.exit_code,
            "Error": state.error,
            "StartedAt": if state.started_at.is_empty() { "0001-01-01T00:00:00Z" } else { &state.started_at },
            "FinishedAt": if state.finished_at.is_empty() { "0001-01-01T00:00:00Z" } else { &state.finished_at },
            "Health": state.health,
        },
        "Image": c.image_id,
        "ImageName": c.config.image_name,
        "Name": c.name,
        "RestartCount": state.restart_count,
        "Driver": engine.driver.name(),
        "LogPath": engine.log_path(&c.id),
        "Mounts": c.config.mounts.iter().map(|m| json!({
            "Type": m.kind.as_str(),
            "Source": m.source,
            "Destination": m.destination,
            "RW": !m.options.iter().any(|o| o == "ro"),
            "Options": m.options,
        })).collect::<Vec<_>>(),
        "Config": {
            "Hostname": c.config.hostname,
            "User": c.config.user,
            "Env": c.config.env,
            "Cmd": if c.config.args.is_empty() { Value::Null } else { json!(c.config.args.iter().skip(c.config.entrypoint.len().min(c.config.args.len())).collect::<Vec<_>>()) },
            "Entrypoint": c.config.entrypoint,
            "Image": c.config.image_name,
            "WorkingDir": c.config.working_dir,
            "Labels": env_map,
            "StopSignal": c.config.stop_signal.unwrap_or(crate::container::signal::Signal::TERM).to_string(),
            "StopTimeout": c.config.stop_timeout,
            "Tty": c.config.tty,
            "OpenStdin": c.config.interactive,
            "ExposedPorts": c.config.exposed_ports.iter().map(|p| (p.clone(), json!({}))).collect::<serde_json::Map<_, _>>(),
            "Healthcheck": c.config.health,
        },
        "HostConfig": {
            "AutoRemove": c.config.auto_remove,
            "RestartPolicy": {
                "Name": c.config.restart.name.as_str(),
                "MaximumRetryCount": c.config.restart.max_retries,
            },
            "Privileged": c.config.privileged,
            "ReadonlyRootfs": c.config.read_only,
            "CapAdd": c.config.cap_add,
            "CapDrop": c.config.cap_drop,
            "NetworkMode": c.config.network.to_string(),
            "PortBindings": port_bindings(&c.config.ports, false),
            "Dns": c.config.dns,
            "DnsSearch": c.config.dns_search,
            "DnsOptions": c.config.dns_options,
            "ExtraHosts": c.config.add_hosts,
            "Runtime": if c.config.runtime.is_empty() { crate::container::runtime::BUILTIN } else { &c.config.runtime },
            "LogConfig": { "Type": "k8s-file", "Config": { "max-size": c.config.log_size_max } },
        },
        "NetworkSettings": network_settings(c),
        "GraphDriver": {
            "Name": engine.driver.name(),
            "Data": {
                "MergedDir": dir.join("merged"),
                "UpperDir": dir.join("upper"),
                "WorkDir": dir.join("work"),
            },
        },
    })
}

/// `{"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}]}`. `bound`: the ports of a
/// running container (real host ports, an address always); else the requested ones.
fn port_bindings(
    ports: &[crate::network::PortMapping],
    bound: bool,
) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    for m in ports {
        let key = format!("{}/{}", m.container_port, m.protocol);
        let entry = json!({
            "HostIp": if bound { m.host_ip_or_any() } else { &m.host_ip },
            "HostPort": if m.host_port == 0 { String::new() } else { m.host_port.to_string() },
        });
        if let Value::Array(list) = map.entry(key).or_insert_with(|| json!([])) {
            list.push(entry);
        }
    }
    map
}

/// Docker's NetworkSettings: addresses and bound ports while the container runs, exposed
/// but unpublished ports as null.
fn network_settings(c: &Container) -> Value {
    let active = c.state.status.is_active();
    let net = &c.state.network;
    let mut ports = if active {
        port_bindings(&net.ports, true)
    } else {
        serde_json::Map::new()
    };
    for e in &c.config.exposed_ports {
        ports.entry(e.clone()).or_insert(Value::Null);
    }
    let shown = |s: &String| if active { s.clone() } else { String::new() };
    json!({
        "Bridge": "",
        "SandboxKey": shown(&net.sandbox_key),
        "Ports": ports,
        "IPAddress": shown(&net.ip_address),
        "IPPrefixLen": if active { net.ip_prefix_len } else { 0 },
        "Gateway": shown(&net.gateway),
        "MacAddress": shown(&net.mac_address),
        "Networks": if active {
            net.endpoints
                .iter()
                .map(|e| {
                    (
                        e.network.clone(),
                        json!({
                            "NetworkID": e.network_id,
                            "IPAddress": e.ip_address,
                            "IPPrefixLen": e.ip_prefix_len,
                            "Gateway": e.gateway,
                            "MacAddress": e.mac_address,
                            "Aliases": e.aliases,
                        }),
                    )
                })
                .collect::<serde_json::Map<_, _>>()
        } else {
            serde_json::Map::new()
        },
    })
}

#[derive(Args, Debug)]
pub struct ContainerInspectArgs {
    /// Format: json or a Go template like '{{.State.Pid}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Containers to inspect
    #[arg(required = true)]
    pub containers: Vec<String>,
}

pub fn inspect(ctx: &Ctx, a: ContainerInspectArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut items = Vec::new();
    let mut missing = None;
    for n in &a.containers {
        match engine.lookup(n) {
            Ok(c) => items.push(inspect_value(&engine, &c)),
            Err(ContainerError::NotFound(_)) => missing = missing.or(Some(n.clone())),
            Err(e) => return Err(e.into()),
        }
    }
    if !items.is_empty() {
        print_inspect(a.format.as_deref(), &items)?;
    }
    if let Some(n) = missing {
        return Err(Failure {
            code: EXIT_NO_SUCH,
            error: anyhow!("no such container {n:?}"),
        });
    }
    Ok(0)
}
