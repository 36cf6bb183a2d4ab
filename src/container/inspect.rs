//! `inspect` of a container in the Docker Engine API's shape (1.44, `GET
//! /containers/{id}/json`), built by the engine so `cove inspect` and the API service
//! print the same values. Every field has the JSON type Docker's Go types give it:
//! Compose and the Go SDK decode the whole document, so one wrongly typed field (a
//! number where Go wants a string) breaks them even when they never read it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::health::{HealthConfig, HealthState};
use super::record::{Container, MountKind};
use super::{signal::Signal, Engine, Status};
use crate::network::PortMapping;

/// Docker's zero time, for a container that never started or never finished.
const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContainerInspect {
    pub id: String,
    /// RFC 3339.
    pub created: String,
    pub path: String,
    pub args: Vec<String>,
    pub state: StateReport,
    /// The image's ID.
    pub image: String,
    /// The image as the user named it (Podman's field).
    pub image_name: String,
    /// Podman's field: the `--rootfs` directory ("" for a container of an image).
    pub rootfs: String,
    pub log_path: PathBuf,
    /// Without Docker's leading `/` (as Podman prints it); the API service adds it.
    pub name: String,
    pub restart_count: u32,
    pub driver: String,
    pub platform: &'static str,
    pub mount_label: &'static str,
    pub process_label: &'static str,
    pub app_armor_profile: &'static str,
    #[serde(rename = "ExecIDs")]
    pub exec_ids: Option<Vec<String>>,
    pub host_config: HostConfigReport,
    pub graph_driver: GraphDriver,
    pub mounts: Vec<MountReport>,
    pub config: ConfigReport,
    pub network_settings: NetworkSettings,
    /// The pod's ID ("" outside a pod), as Podman prints it.
    pub pod: String,
    pub is_infra: bool,
    /// `inspect --size`: what the container wrote, and that plus its image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_rw: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_root_fs: Option<u64>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StateReport {
    pub status: &'static str,
    pub running: bool,
    pub paused: bool,
    pub restarting: bool,
    #[serde(rename = "OOMKilled")]
    pub oom_killed: bool,
    pub dead: bool,
    pub pid: i32,
    pub conmon_pid: i32,
    pub exit_code: i32,
    pub error: String,
    pub started_at: String,
    pub finished_at: String,
    pub health: Option<HealthState>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MountReport {
    #[serde(rename = "Type")]
    pub kind: &'static str,
    /// The volume's name (volumes only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub source: String,
    pub destination: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub driver: String,
    pub mode: String,
    #[serde(rename = "RW")]
    pub rw: bool,
    pub propagation: String,
    pub options: Vec<String>,
}

/// An empty object in Docker's `ExposedPorts` map.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Empty {}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfigReport {
    pub hostname: String,
    pub domainname: String,
    pub user: String,
    pub attach_stdin: bool,
    pub attach_stdout: bool,
    pub attach_stderr: bool,
    pub tty: bool,
    pub open_stdin: bool,
    pub stdin_once: bool,
    pub env: Vec<String>,
    pub cmd: Option<Vec<String>>,
    pub entrypoint: Vec<String>,
    pub image: String,
    pub working_dir: String,
    pub labels: BTreeMap<String, String>,
    pub stop_signal: String,
    pub stop_timeout: u32,
    pub exposed_ports: BTreeMap<String, Empty>,
    pub healthcheck: Option<HealthConfig>,
    /// Podman's `Config.Secrets`: which secrets, never their data.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<SecretReport>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SecretReport {
    pub name: String,
    #[serde(rename = "ID")]
    pub id: String,
    #[serde(rename = "UID")]
    pub uid: u32,
    #[serde(rename = "GID")]
    pub gid: u32,
    pub mode: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RestartPolicyReport {
    pub name: &'static str,
    pub maximum_retry_count: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct LogConfig {
    #[serde(rename = "Type")]
    pub kind: &'static str,
    /// Strings, as Docker's `map[string]string`.
    pub config: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PortBinding {
    #[serde(rename = "HostIp")]
    pub host_ip: String,
    /// "" for a port picked at start.
    #[serde(rename = "HostPort")]
    pub host_port: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct HostConfigReport {
    pub auto_remove: bool,
    pub restart_policy: RestartPolicyReport,
    pub privileged: bool,
    pub readonly_rootfs: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub network_mode: String,
    pub port_bindings: BTreeMap<String, Vec<PortBinding>>,
    pub binds: Vec<String>,
    pub dns: Vec<String>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    pub extra_hosts: Vec<String>,
    pub init: bool,
    pub runtime: String,
    pub log_config: LogConfig,
    pub ipc_mode: String,
    pub pid_mode: String,
    #[serde(rename = "UTSMode")]
    pub uts_mode: String,
    /// Docker's name; `CgroupMode` is Podman's.
    pub cgroupns_mode: String,
    pub cgroup_mode: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub sysctls: BTreeMap<String, String>,
    /// Podman's: "private" for a namespace of the container's own, "" for cove's.
    pub userns_mode: String,
    #[serde(rename = "IDMappings", skip_serializing_if = "Option::is_none")]
    pub id_mappings: Option<IdMappingsReport>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GraphDriver {
    pub name: String,
    pub data: BTreeMap<&'static str, PathBuf>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EndpointReport {
    #[serde(rename = "NetworkID")]
    pub network_id: String,
    #[serde(rename = "IPAddress")]
    pub ip_address: String,
    #[serde(rename = "IPPrefixLen")]
    pub ip_prefix_len: u8,
    pub gateway: String,
    pub mac_address: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct NetworkSettings {
    pub bridge: String,
    pub sandbox_key: String,
    /// Bound ports while running; exposed but unpublished ones as null.
    pub ports: BTreeMap<String, Option<Vec<PortBinding>>>,
    #[serde(rename = "IPAddress")]
    pub ip_address: String,
    #[serde(rename = "IPPrefixLen")]
    pub ip_prefix_len: u8,
    pub gateway: String,
    pub mac_address: String,
    pub networks: BTreeMap<String, EndpointReport>,
}

/// Where the engine keeps a container's files, for the report.
pub struct Placement {
    pub driver: String,
    pub log_path: PathBuf,
    /// The container's directory (upper and work live in it).
    pub dir: PathBuf,
    /// Where its root filesystem is mounted.
    pub rootfs: PathBuf,
    /// Its user namespace's maps, keep-id's included (they depend on who runs cove).
    pub id_mappings: Option<super::idmap::IdMappings>,
}

/// Podman's `HostConfig.IDMappings`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IdMappingsReport {
    #[serde(rename = "UidMap")]
    pub uid_map: Vec<String>,
    #[serde(rename = "GidMap")]
    pub gid_map: Vec<String>,
}

impl Engine {
    pub fn inspect(&self, c: &Container) -> ContainerInspect {
        ContainerInspect::build(
            c,
            &Placement {
                driver: self.driver.name().to_string(),
                log_path: self.log_path(&c.id),
                dir: self.container_dir(&c.id),
                rootfs: self.rootfs(&c.id),
                id_mappings: match c.config.userns {
                    super::Userns::KeepId => {
                        let maps = |id| {
                            super::spec::keep_id_mappings(id, self.id_space)
                                .into_iter()
                                .map(|(container, host, size)| super::idmap::IdMap {
                                    container,
                                    host,
                                    size,
                                })
                                .collect()
                        };
                        Some(super::idmap::IdMappings {
                            uid: maps(self.host_ids.0),
                            gid: maps(self.host_ids.1),
                        })
                    }
                    _ => c.config.id_mappings.clone(),
                },
            },
        )
    }
}

fn time_or_zero(t: &str) -> String {
    if t.is_empty() {
        ZERO_TIME.into()
    } else {
        t.to_string()
    }
}

/// `{"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}]}`. `bound`: the ports of a
/// running container (real host ports, an address always); else the requested ones.
pub(crate) fn port_bindings(
    ports: &[PortMapping],
    bound: bool,
) -> BTreeMap<String, Vec<PortBinding>> {
    let mut map: BTreeMap<String, Vec<PortBinding>> = BTreeMap::new();
    for m in ports {
        map.entry(format!("{}/{}", m.container_port, m.protocol))
            .or_default()
            .push(PortBinding {
                host_ip: if bound {
                    m.host_ip_or_any().to_string()
                } else {
                    m.host_ip.clone()
                },
                host_port: if m.host_port == 0 {
                    String::new()
                } else {
                    m.host_port.to_string()
                },
            });
    }
    map
}

/// The user-defined networks a container is on, by name: with addresses while it runs,
/// as configured otherwise (Docker lists a created container's networks too, and Compose
/// decides whether to connect one from this map). The short ID is among the aliases, as
/// dockerd reports it up to API 1.44 (the embedded DNS answers it).
pub fn endpoints(c: &Container) -> BTreeMap<String, EndpointReport> {
    let short_id: String = c.id.chars().take(12).collect();
    let with_short_id = |aliases: &[String]| {
        let mut all = aliases.to_vec();
        if !all.contains(&short_id) {
            all.push(short_id.clone());
        }
        all
    };
    if !c.state.status.has_process() {
        return c
            .config
            .attachments
            .iter()
            .map(|a| {
                let ep = EndpointReport {
                    aliases: with_short_id(&a.aliases),
                    ..EndpointReport::default()
                };
                (a.network.clone(), ep)
            })
            .collect();
    }
    c.state
        .network
        .endpoints
        .iter()
        .map(|e| {
            let ep = EndpointReport {
                network_id: e.network_id.clone(),
                ip_address: e.ip_address.clone(),
                ip_prefix_len: e.ip_prefix_len,
                gateway: e.gateway.clone(),
                mac_address: e.mac_address.clone(),
                aliases: with_short_id(&e.aliases),
            };
            (e.network.clone(), ep)
        })
        .collect()
}

fn network_settings(c: &Container) -> NetworkSettings {
    let active = c.state.status.has_process();
    let net = &c.state.network;
    let mut ports: BTreeMap<String, Option<Vec<PortBinding>>> = if active {
        port_bindings(&net.ports, true)
            .into_iter()
            .map(|(k, v)| (k, Some(v)))
            .collect()
    } else {
        BTreeMap::new()
    };
    for e in &c.config.exposed_ports {
        ports.entry(e.clone()).or_insert(None);
    }
    let shown = |s: &String| if active { s.clone() } else { String::new() };
    let networks = endpoints(c);
    NetworkSettings {
        bridge: String::new(),
        sandbox_key: shown(&net.sandbox_key),
        ports,
        ip_address: shown(&net.ip_address),
        ip_prefix_len: if active { net.ip_prefix_len } else { 0 },
        gateway: shown(&net.gateway),
        mac_address: shown(&net.mac_address),
        networks,
    }
}

pub fn mount_report(m: &super::MountSpec) -> MountReport {
    let volume = m.kind == MountKind::Volume;
    MountReport {
        kind: m.kind.as_str(),
        name: if volume {
            m.source.clone()
        } else {
            String::new()
        },
        source: m.source.clone(),
        destination: m.destination.clone(),
        driver: if volume {
            "local".into()
        } else {
            String::new()
        },
        mode: String::new(),
        rw: !m.options.iter().any(|o| o == "ro"),
        propagation: String::new(),
        options: m.options.clone(),
    }
}

impl ContainerInspect {
    pub fn build(c: &Container, at: &Placement) -> ContainerInspect {
        let state = &c.state;
        let cfg = &c.config;
        // The image's entrypoint is kept apart; what follows it in args is the command.
        let cmd = (!cfg.args.is_empty()).then(|| {
            cfg.args
                .iter()
                .skip(cfg.entrypoint.len().min(cfg.args.len()))
                .cloned()
                .collect()
        });
        let mut log_config = BTreeMap::new();
        if let Some(max) = cfg.log_size_max {
            log_config.insert("max-size".to_string(), max.to_string());
        }
        ContainerInspect {
            id: c.id.clone(),
            created: cfg.created.clone(),
            path: cfg.args.first().cloned().unwrap_or_default(),
            args: cfg.args.iter().skip(1).cloned().collect(),
            state: StateReport {
                status: state.status.as_str(),
                running: state.status == Status::Running,
                paused: state.status == Status::Paused,
                restarting: state.status == Status::Restarting,
                oom_killed: state.oom_killed,
                dead: false,
                pid: state.pid,
                conmon_pid: state.conmon_pid,
                exit_code: state.exit_code,
                error: state.error.clone(),
                started_at: time_or_zero(&state.started_at),
                finished_at: time_or_zero(&state.finished_at),
                health: state.health.clone(),
            },
            image: c.image_id.clone(),
            image_name: cfg.image_name.clone(),
            rootfs: cfg
                .rootfs
                .as_ref()
                .map(|r| r.path.clone())
                .unwrap_or_default(),
            log_path: at.log_path.clone(),
            name: c.name.clone(),
            restart_count: state.restart_count,
            driver: at.driver.clone(),
            platform: "linux",
            mount_label: "",
            process_label: "",
            app_armor_profile: "",
            exec_ids: None,
            host_config: HostConfigReport {
                auto_remove: cfg.auto_remove,
                restart_policy: RestartPolicyReport {
                    name: cfg.restart.name.as_str(),
                    maximum_retry_count: cfg.restart.max_retries,
                },
                privileged: cfg.privileged,
                readonly_rootfs: cfg.read_only,
                cap_add: cfg.cap_add.clone(),
                cap_drop: cfg.cap_drop.clone(),
                network_mode: cfg.network.to_string(),
                port_bindings: port_bindings(&cfg.ports, false),
                binds: cfg
                    .mounts
                    .iter()
                    .filter(|m| m.kind != MountKind::Tmpfs)
                    .map(|m| {
                        let mode = if m.options.iter().any(|o| o == "ro") {
                            "ro"
                        } else {
                            "rw"
                        };
                        format!("{}:{}:{mode}", m.source, m.destination)
                    })
                    .collect(),
                dns: cfg.dns.clone(),
                dns_search: cfg.dns_search.clone(),
                dns_options: cfg.dns_options.clone(),
                extra_hosts: cfg.add_hosts.clone(),
                init: cfg.init,
                ipc_mode: cfg.ipc.to_string(),
                pid_mode: cfg.pid.to_string(),
                uts_mode: cfg.uts.to_string(),
                cgroupns_mode: cfg.cgroupns.to_string(),
                cgroup_mode: cfg.cgroupns.to_string(),
                sysctls: cfg.sysctls.clone(),
                userns_mode: match &cfg.userns {
                    super::Userns::Host => String::new(),
                    super::Userns::Ns(p) => format!("ns:{p}"),
                    _ => "private".into(),
                },
                id_mappings: at.id_mappings.as_ref().map(|m| IdMappingsReport {
                    uid_map: m.uid_strings(),
                    gid_map: m.gid_strings(),
                }),
                runtime: if cfg.runtime.is_empty() {
                    super::runtime::BUILTIN.to_string()
                } else {
                    cfg.runtime.clone()
                },
                log_config: LogConfig {
                    kind: cfg.log_driver.as_str(),
                    config: log_config,
                },
            },
            graph_driver: GraphDriver {
                name: at.driver.clone(),
                data: [
                    ("MergedDir", at.rootfs.clone()),
                    ("UpperDir", at.dir.join("upper")),
                    ("WorkDir", at.dir.join("work")),
                ]
                .into(),
            },
            mounts: cfg.mounts.iter().map(mount_report).collect(),
            config: ConfigReport {
                hostname: cfg.hostname.clone(),
                domainname: cfg.domainname.clone().unwrap_or_default(),
                user: cfg.user.clone(),
                attach_stdin: false,
                attach_stdout: false,
                attach_stderr: false,
                tty: cfg.tty,
                open_stdin: cfg.interactive,
                stdin_once: false,
                env: cfg.env.clone(),
                cmd,
                entrypoint: cfg.entrypoint.clone(),
                image: cfg.image_name.clone(),
                working_dir: cfg.working_dir.clone(),
                labels: cfg.labels.clone(),
                stop_signal: cfg.stop_signal.unwrap_or(Signal::TERM).to_string(),
                stop_timeout: cfg.stop_timeout,
                exposed_ports: cfg
                    .exposed_ports
                    .iter()
                    .map(|p| (p.clone(), Empty {}))
                    .collect(),
                healthcheck: cfg.health.clone(),
                secrets: cfg
                    .secrets
                    .iter()
                    .map(|s| SecretReport {
                        name: s.name.clone(),
                        id: s.id.clone(),
                        uid: s.uid,
                        gid: s.gid,
                        mode: s.mode,
                    })
                    .collect(),
            },
            network_settings: network_settings(c),
            pod: cfg.pod.clone().unwrap_or_default(),
            is_infra: cfg.pod_infra,
            size_rw: None,
            size_root_fs: None,
        }
    }
}

#[cfg(test)]
#[path = "inspect_tests.rs"]
mod tests;
