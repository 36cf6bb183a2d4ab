//! `POST /containers/create`: Docker's create body (`Config` fields at the top level,
//! `HostConfig`, `NetworkingConfig`) read into the engine's `CreateRequest`. The field
//! syntaxes Docker shares with the CLI's flags (binds, tmpfs, ulimits, published ports,
//! security options) go through the same parsers the flags do.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Deserialize;

use super::super::ApiError;
use crate::container::create::{CreateRequest, HealthRequest, ResourceLimits};
use crate::container::flags;
use crate::container::namespaces::{Kind, NamespaceMode};
use crate::container::{MountKind, MountSpec};
use crate::network::NetworkMode;

/// Docker's `StrSlice`: a list, or one string.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum StrSlice {
    One(String),
    Many(Vec<String>),
}

impl StrSlice {
    fn into_vec(self) -> Vec<String> {
        match self {
            StrSlice::One(s) => vec![s],
            StrSlice::Many(v) => v,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Healthcheck {
    pub test: Option<Vec<String>>,
    pub interval: i64,
    pub timeout: i64,
    pub start_period: i64,
    pub retries: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct RestartPolicyBody {
    pub name: String,
    pub maximum_retry_count: i64,
}

impl RestartPolicyBody {
    pub fn to_policy(&self) -> Result<crate::container::restart::RestartPolicy, ApiError> {
        if self.name == "on-failure" && self.maximum_retry_count > 0 {
            return format!("on-failure:{}", self.maximum_retry_count)
                .parse()
                .map_err(bad);
        }
        self.name.parse().map_err(bad)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortBinding {
    pub host_ip: String,
    pub host_port: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct TmpfsOptions {
    pub size_bytes: i64,
    pub mode: u32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Mount {
    #[serde(rename = "Type")]
    pub kind: String,
    pub source: String,
    pub target: String,
    pub read_only: bool,
    pub tmpfs_options: Option<TmpfsOptions>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct UlimitBody {
    pub name: String,
    pub soft: i64,
    pub hard: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct LogConfig {
    #[serde(rename = "Type")]
    pub kind: String,
    pub config: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct HostConfig {
    pub binds: Option<Vec<String>>,
    pub mounts: Option<Vec<Mount>>,
    pub port_bindings: Option<BTreeMap<String, Option<Vec<PortBinding>>>>,
    pub publish_all_ports: bool,
    pub network_mode: String,
    pub restart_policy: Option<RestartPolicyBody>,
    pub auto_remove: bool,
    pub privileged: bool,
    pub cap_add: Option<Vec<String>>,
    pub cap_drop: Option<Vec<String>>,
    pub security_opt: Option<Vec<String>>,
    pub readonly_rootfs: bool,
    pub tmpfs: Option<BTreeMap<String, String>>,
    pub ulimits: Option<Vec<UlimitBody>>,
    pub dns: Option<Vec<String>>,
    pub dns_search: Option<Vec<String>>,
    pub dns_options: Option<Vec<String>>,
    pub extra_hosts: Option<Vec<String>>,
    pub init: Option<bool>,
    pub log_config: Option<LogConfig>,
    pub shm_size: i64,
    pub memory: i64,
    pub nano_cpus: i64,
    pub pids_limit: Option<i64>,
    pub runtime: String,
    pub ipc_mode: String,
    pub pid_mode: String,
    #[serde(rename = "UTSMode")]
    pub uts_mode: String,
    pub cgroupns_mode: String,
    pub sysctls: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct IpamConfig {
    #[serde(rename = "IPv4Address")]
    pub ipv4_address: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct EndpointConfig {
    pub aliases: Option<Vec<String>>,
    #[serde(rename = "IPAMConfig")]
    pub ipam_config: Option<IpamConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NetworkingConfig {
    pub endpoints_config: Option<BTreeMap<String, Option<EndpointConfig>>>,
}

/// The body of `POST /containers/create`. Fields a client sends that cove has no use for
/// (Domainname, MacAddress on old APIs, Volumes, ...) are ignored, as dockerd ignores
/// what it does not know.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct CreateBody {
    pub image: String,
    pub cmd: Option<StrSlice>,
    pub entrypoint: Option<StrSlice>,
    pub env: Option<Vec<String>>,
    pub labels: Option<BTreeMap<String, String>>,
    pub working_dir: String,
    pub user: String,
    pub hostname: String,
    pub tty: bool,
    pub open_stdin: bool,
    pub exposed_ports: Option<BTreeMap<String, serde_json::Value>>,
    pub stop_signal: String,
    pub stop_timeout: Option<i64>,
    pub healthcheck: Option<Healthcheck>,
    pub host_config: Option<HostConfig>,
    pub networking_config: Option<NetworkingConfig>,
}

fn bad(e: impl std::fmt::Display) -> ApiError {
    ApiError::bad_request(e.to_string())
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn nanos(ns: i64) -> Option<Duration> {
    // 0 inherits the image's value, as in Docker.
    (ns > 0).then(|| Duration::from_nanos(ns.unsigned_abs()))
}

fn health(h: Option<Healthcheck>) -> HealthRequest {
    let Some(h) = h else {
        return HealthRequest::default();
    };
    let test = h.test.filter(|t| !t.is_empty());
    HealthRequest {
        disabled: test.as_ref().is_some_and(|t| t[0] == "NONE"),
        test: test.filter(|t| t[0] != "NONE"),
        interval: nanos(h.interval),
        timeout: nanos(h.timeout),
        start_period: nanos(h.start_period),
        retries: u32::try_from(h.retries).ok().filter(|r| *r > 0),
        on_failure: None,
    }
}

/// `-p` syntax for one binding of `PORT/PROTO`, so the flags' parser checks it.
fn publish_spec(port: &str, b: &PortBinding) -> String {
    let (ctr, proto) = port.split_once('/').unwrap_or((port, "tcp"));
    let ip = if b.host_ip.contains(':') {
        format!("[{}]", b.host_ip)
    } else {
        b.host_ip.clone()
    };
    match (ip.is_empty(), b.host_port.is_empty()) {
        (true, true) => format!("{ctr}/{proto}"),
        (true, false) => format!("{}:{ctr}/{proto}", b.host_port),
        (false, _) => format!("{ip}:{}:{ctr}/{proto}", b.host_port),
    }
}

fn mount(m: Mount) -> Result<MountSpec, ApiError> {
    let mode = if m.read_only { "ro" } else { "rw" };
    match m.kind.as_str() {
        // An anonymous volume: the engine names it.
        "volume" if m.source.is_empty() => Ok(MountSpec {
            kind: MountKind::Volume,
            source: String::new(),
            destination: m.target,
            options: vec![mode.into()],
        }),
        "bind" | "volume" => {
            let spec =
                flags::parse_volume(&format!("{}:{}:{mode}", m.source, m.target)).map_err(bad)?;
            let wanted = if m.kind == "bind" {
                MountKind::Bind
            } else {
                MountKind::Volume
            };
            if spec.kind != wanted {
                return Err(bad(format!(
                    "invalid mount config for type {:?}: invalid source {:?}",
                    m.kind, m.source
                )));
            }
            Ok(spec)
        }
        "tmpfs" => {
            let mut opts = vec![mode.to_string()];
            if let Some(t) = &m.tmpfs_options {
                if t.size_bytes > 0 {
                    opts.push(format!("size={}", t.size_bytes));
                }
                if t.mode > 0 {
                    opts.push(format!("mode={:o}", t.mode));
                }
            }
            flags::parse_tmpfs(&format!("{}:{}", m.target, opts.join(","))).map_err(bad)
        }
        other => Err(bad(format!("mount type {other:?} is not supported"))),
    }
}

impl CreateBody {
    /// The engine's request; `image_id` is filled in by the caller once found.
    pub fn into_request(self, name: Option<String>) -> Result<CreateRequest, ApiError> {
        if self.image.is_empty() {
            return Err(bad("Config cannot be empty in order to create a container"));
        }
        let host = self.host_config.unwrap_or_default();
        let mut mounts = Vec::new();
        for b in host.binds.unwrap_or_default() {
            mounts.push(flags::parse_volume(&b).map_err(bad)?);
        }
        for m in host.mounts.unwrap_or_default() {
            mounts.push(mount(m)?);
        }
        for (path, opts) in host.tmpfs.unwrap_or_default() {
            let spec = if opts.is_empty() {
                path
            } else {
                format!("{path}:{opts}")
            };
            mounts.push(flags::parse_tmpfs(&spec).map_err(bad)?);
        }
        let mut publish = Vec::new();
        for (port, bindings) in host.port_bindings.unwrap_or_default() {
            for b in bindings.unwrap_or_default() {
                let spec = publish_spec(&port, &b);
                publish.extend(crate::network::ports::parse_publish(&spec).map_err(bad)?);
            }
        }
        let mut expose = Vec::new();
        for port in self.exposed_ports.unwrap_or_default().into_keys() {
            crate::network::ports::parse_exposed(&port).map_err(bad)?;
            expose.push(if port.contains('/') {
                port
            } else {
                format!("{port}/tcp")
            });
        }
        let mut dns = Vec::new();
        for d in host.dns.unwrap_or_default() {
            dns.push(
                d.parse()
                    .map_err(|_| bad(format!("invalid DNS server {d:?}")))?,
            );
        }
        let ulimits = host
            .ulimits
            .unwrap_or_default()
            .iter()
            .map(|u| flags::parse_ulimit(&format!("{}={}:{}", u.name, u.soft, u.hard)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(bad)?;
        let restart = match &host.restart_policy {
            None => Default::default(),
            Some(p) => p.to_policy()?,
        };
        let log_opts: Vec<String> = host
            .log_config
            .and_then(|l| l.config)
            .unwrap_or_default()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        // The docker CLI sends "default" (or nothing); its "bridge" is cove's default too.
        let network = match host.network_mode.as_str() {
            "" | "default" | "bridge" => None,
            mode => Some(
                NetworkMode::parse(mode, crate::container::network::DEFAULT_MODE).map_err(bad)?,
            ),
        };
        let endpoint = match &network {
            Some(NetworkMode::Bridge(net)) => self
                .networking_config
                .and_then(|n| n.endpoints_config)
                .and_then(|mut e| e.remove(net))
                .flatten(),
            _ => None,
        }
        .unwrap_or_default();
        let ip = endpoint
            .ipam_config
            .map(|i| i.ipv4_address)
            .filter(|a| !a.is_empty())
            .map(|a| {
                a.parse()
                    .map_err(|_| bad(format!("invalid IPv4 address {a:?}")))
            })
            .transpose()?;
        // "" is the daemon's default, as for the CLI's absent flag.
        let namespace = |kind, mode: &str| {
            (!mode.is_empty())
                .then(|| NamespaceMode::parse(kind, mode))
                .transpose()
                .map_err(bad)
        };
        let ipc = namespace(Kind::Ipc, &host.ipc_mode)?;
        let uts = namespace(Kind::Uts, &host.uts_mode)?;
        let pid = namespace(Kind::Pid, &host.pid_mode)?;
        let cgroupns = namespace(Kind::Cgroup, &host.cgroupns_mode)?;
        let stop_signal = non_empty(self.stop_signal)
            .map(|s| s.parse())
            .transpose()
            .map_err(bad)?;
        Ok(CreateRequest {
            name,
            image: self.image,
            // `--entrypoint ""` arrives as [""]: it clears the image's.
            entrypoint: self.entrypoint.map(|e| {
                let v = e.into_vec();
                if v.iter().all(String::is_empty) {
                    Vec::new()
                } else {
                    v
                }
            }),
            command: self.cmd.map(StrSlice::into_vec).filter(|c| !c.is_empty()),
            env: self.env.unwrap_or_default(),
            labels: self.labels.unwrap_or_default(),
            working_dir: non_empty(self.working_dir),
            user: non_empty(self.user),
            hostname: non_empty(self.hostname),
            tty: self.tty,
            interactive: self.open_stdin,
            stop_signal,
            stop_timeout: self
                .stop_timeout
                .map(|t| u32::try_from(t).map_err(|_| bad(format!("invalid StopTimeout {t}"))))
                .transpose()?,
            auto_remove: host.auto_remove,
            read_only: host.readonly_rootfs,
            privileged: host.privileged,
            init: host.init.unwrap_or(false),
            cap_add: host.cap_add.unwrap_or_default(),
            cap_drop: host.cap_drop.unwrap_or_default(),
            security: flags::SecurityOptions::parse(&host.security_opt.unwrap_or_default())
                .map_err(bad)?,
            network,
            network_aliases: endpoint.aliases.unwrap_or_default(),
            ip,
            publish,
            publish_all: host.publish_all_ports,
            expose,
            dns,
            dns_search: host.dns_search.unwrap_or_default(),
            dns_options: host.dns_options.unwrap_or_default(),
            add_hosts: host.extra_hosts.unwrap_or_default(),
            runtime: non_empty(host.runtime).filter(|r| r != "runc"),
            log_size_max: flags::parse_log_opts(&log_opts).map_err(bad)?,
            mounts,
            ulimits,
            shm_size: u64::try_from(host.shm_size).ok().filter(|s| *s > 0),
            restart,
            health: health(self.healthcheck),
            resources: ResourceLimits {
                memory: u64::try_from(host.memory).ok().filter(|m| *m > 0),
                cpus: (host.nano_cpus > 0).then(|| host.nano_cpus as f64 / 1e9),
                pids_limit: host.pids_limit.filter(|p| *p > 0),
                ..ResourceLimits::default()
            },
            ipc,
            uts,
            pid,
            cgroupns,
            sysctls: host.sysctls.unwrap_or_default(),
            ..CreateRequest::default()
        })
    }
}

#[cfg(test)]
#[path = "create_tests.rs"]
mod tests;
