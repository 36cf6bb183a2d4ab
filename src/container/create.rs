//! A create request: everything `run`/`create` (and the Docker API's `/containers/create`,
//! quadlet through the CLI) can ask for, typed. `build_config` turns it, the image's
//! config and the engine's defaults into the stored `ContainerConfig` with no I/O; what
//! needs the system (a bind source exists, a seccomp profile loads, a network exists) is
//! checked by `Engine::create` afterwards.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::time::Duration;

use super::flags::{merge_env, Seccomp, SecurityOptions};
use super::health::{HealthConfig, OnFailure};
use super::namespaces::{self, NamespaceMode};
use super::record::{Attachment, ContainerConfig, MountKind, MountSpec, Ulimit, Userns};
use super::restart::{PolicyName, RestartPolicy};
use super::signal::Signal;
use crate::network::{NetworkError, NetworkMode, PortMapping};
use crate::systemd::notify;

/// The PATH a container gets when its image sets none.
pub const DEFAULT_PATH: &str = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error("invalid size {0:?}")]
    Size(String),
    #[error("invalid volume {0:?}: {1}")]
    Volume(String, String),
    #[error("invalid volume option {0:?} in {1:?}")]
    VolumeOption(String, String),
    #[error(transparent)]
    VolumeName(#[from] crate::volume::VolumeError),
    #[error("invalid --tmpfs {0:?}: the path must be absolute")]
    Tmpfs(String),
    #[error("invalid --mount {0:?}: {1}")]
    Mount(String, String),
    #[error("invalid --ulimit {0:?}: {1}")]
    Ulimit(String, String),
    #[error("unsupported --security-opt {0:?}")]
    SecurityOpt(String),
    #[error("unsupported --log-opt {0:?}: supported: max-size=SIZE")]
    LogOpt(String),
    #[error("unrecognized namespace mode {0} passed")]
    Userns(String),
    #[error(transparent)]
    IdMap(#[from] super::idmap::IdMapError),
    #[error(
        "no command specified: the image has no Cmd or Entrypoint, give one after the image name"
    )]
    NoCommand,
    #[error("the --restart and --rm options conflict: a removed container cannot restart")]
    RestartWithRm,
    #[error("--health-interval must be more than 0s")]
    HealthInterval,
    #[error("--health-* options need a health check: give --health-cmd (the image has none)")]
    HealthTuned,
    #[error("--no-healthcheck conflicts with a health check command")]
    HealthDisabled,
    #[error("--{flag}: {source}")]
    Duration {
        flag: &'static str,
        source: crate::time::TimeError,
    },
    #[error("{0}")]
    OnFailure(String),
    /// A flag of `options::MoreOptions` refused: the whole line.
    #[error("{0}")]
    Option(String),
    #[error("--network-alias and --ip need a user-defined network (--network NAME)")]
    AliasWithoutNetwork,
    #[error("--ip {0}: not an IPv4 address")]
    Ip(String),
    #[error("--ip {ip} is not in the subnet {subnet} of network {network}")]
    IpOutsideSubnet {
        ip: Ipv4Addr,
        subnet: String,
        network: String,
    },
    #[error("invalid --dns {0:?}: not an IP address")]
    Dns(String),
    #[error("invalid --mac-address {0:?}: expected six hex bytes like 92:d0:c6:0a:29:33")]
    Mac(String),
    #[error("invalid --stop-signal: {0}")]
    StopSignal(#[from] super::signal::SignalError),
    #[error("{}: resource limits need a cgroup v2 hierarchy delegated to your user (this \
             system has none; on systemd machines run under a user session with \
             delegation)", .0.join(", "))]
    ResourceLimits(Vec<&'static str>),
    #[error("resource limits of an existing container cannot be changed: create it again with the new limits")]
    LiveResources,
    #[error("{0}: no such file or directory (bind mount source must exist)")]
    BindSource(String),
    #[error("seccomp profile {path}")]
    SeccompPath {
        path: String,
        source: std::io::Error,
    },
    #[error("--replace needs --name")]
    ReplaceWithoutName,
    #[error("container id file exists. Ensure another container is not using it or delete {0}")]
    CidfileExists(String),
    #[error("writing the container id file {path}: {source}")]
    Cidfile {
        path: String,
        source: std::io::Error,
    },
    #[error("finding timezone: unknown time zone {0}")]
    Timezone(String),
    #[error("invalid --umask {0:?}: an octal mode such as 0022")]
    Umask(String),
    #[error("invalid --device {0:?}: {1}")]
    Device(String, String),
    #[error("{0}")]
    LogDriver(String),
    #[error("{0}")]
    Platform(String),
    #[error("{0}")]
    Secret(String),
    #[error("{0}")]
    Pod(String),
    #[error("invalid --annotation {0:?}: use KEY=VALUE")]
    Annotation(String),
    #[error(transparent)]
    Network(#[from] NetworkError),
    #[error(transparent)]
    Namespace(#[from] super::namespaces::NamespaceError),
    #[error(transparent)]
    Policy(#[from] super::restart::PolicyError),
}

type Result<T> = std::result::Result<T, CreateError>;

/// `--health-*` and `--no-healthcheck` (the API's `Config.Healthcheck`): each field set
/// overrides the image's HEALTHCHECK.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HealthRequest {
    /// `--no-healthcheck`, `--health-cmd none`: no check, the image's neither.
    pub disabled: bool,
    /// Docker's Test form: `["CMD-SHELL", cmd]` or `["CMD", prog, args...]`.
    pub test: Option<Vec<String>>,
    pub interval: Option<Duration>,
    pub timeout: Option<Duration>,
    pub start_period: Option<Duration>,
    pub retries: Option<u32>,
    pub on_failure: Option<OnFailure>,
}

impl HealthRequest {
    fn tuned(&self) -> bool {
        self.interval.is_some()
            || self.timeout.is_some()
            || self.start_period.is_some()
            || self.retries.is_some()
            || self.on_failure.is_some()
    }
}

/// `--health-interval` and friends: Go's duration syntax.
pub fn parse_health_duration(flag: &'static str, s: &str) -> Result<Duration> {
    crate::time::parse_duration(s).map_err(|source| CreateError::Duration { flag, source })
}

/// `--memory`, `--cpus`, `--pids-limit` and the other cgroup controls: refused while no
/// cgroup is delegated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceLimits {
    pub memory: Option<u64>,
    pub cpus: Option<f64>,
    pub pids_limit: Option<i64>,
    /// The other cgroup controls asked for (`--cpu-shares`, `--memory-swap`,
    /// `--blkio-weight`, `--device-read-bps` ...), by flag name: validated by their
    /// parsers, and refused like the three above.
    pub other: Vec<&'static str>,
}

impl ResourceLimits {
    /// Resource limits need cgroups the user may write; `delegated` says whether there are.
    pub fn check(&self, delegated: bool) -> Result<()> {
        let asked: Vec<&'static str> = [
            (self.memory.is_some(), "--memory"),
            (self.cpus.is_some(), "--cpus"),
            (self.pids_limit.is_some(), "--pids-limit"),
        ]
        .iter()
        .filter(|(set, _)| *set)
        .map(|(_, f)| *f)
        .chain(self.other.iter().copied())
        .collect();
        if asked.is_empty() || delegated {
            Ok(())
        } else {
            Err(CreateError::ResourceLimits(asked))
        }
    }
}

/// Everything a container can be created with.
#[derive(Debug, Clone, Default)]
pub struct CreateRequest {
    pub name: Option<String>,
    /// The image as the user named it (`ps`'s IMAGE column).
    pub image: String,
    /// The image's ID in the store.
    pub image_id: String,
    /// None: the image's; `Some(vec![])` clears it (and then the image's Cmd too).
    pub entrypoint: Option<Vec<String>>,
    /// None: the image's Cmd (unless the entrypoint was overridden).
    pub command: Option<Vec<String>>,
    /// `--env-host`: the caller's whole environment, under the entries below.
    pub env_host: bool,
    /// `--env-file` entries, then `-e` ones: later wins; a bare `KEY` takes the caller's.
    pub env_files: Vec<String>,
    pub env: Vec<String>,
    pub labels: BTreeMap<String, String>,
    pub working_dir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub tty: bool,
    pub interactive: bool,
    pub stop_signal: Option<Signal>,
    pub stop_timeout: Option<u32>,
    pub auto_remove: bool,
    pub read_only: bool,
    pub privileged: bool,
    pub init: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub security: SecurityOptions,
    /// None: the engine's default (containers.conf, else slirp4netns).
    pub network: Option<NetworkMode>,
    pub network_aliases: Vec<String>,
    pub ip: Option<Ipv4Addr>,
    /// `-p`, parsed.
    pub publish: Vec<PortMapping>,
    /// `-P`: every exposed port to a random host port.
    pub publish_all: bool,
    /// `--expose`, as `PORT[-END]/PROTO`.
    pub expose: Vec<String>,
    pub dns: Vec<std::net::IpAddr>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    /// `--add-host NAME:IP` (IP may be `host-gateway`, resolved at start).
    pub add_hosts: Vec<String>,
    pub no_hosts: bool,
    pub mac_address: Option<String>,
    /// None: the engine's default runtime.
    pub runtime: Option<String>,
    /// None: the engine's default.
    pub log_size_max: Option<u64>,
    /// `-v`, `--tmpfs`, `--mount`; volume sources "" are anonymous volumes.
    pub mounts: Vec<MountSpec>,
    pub ulimits: Vec<Ulimit>,
    pub shm_size: Option<u64>,
    /// None: the default (the caller's); given, a pod member is refused (it joins its pod's).
    pub userns: Option<Userns>,
    pub restart: RestartPolicy,
    pub health: HealthRequest,
    pub resources: ResourceLimits,
    pub sdnotify: notify::Mode,
    /// `--replace`: a container of the same name is removed first.
    pub replace: bool,
    /// The arguments after `run`/`create`, for `generate systemd --new`.
    pub create_command: Vec<String>,
    /// `--annotation KEY=VALUE`: OCI annotations of the runtime spec.
    pub annotations: BTreeMap<String, String>,
    /// `--unsetenv KEY`: taken out of the image's (and cove's) environment.
    pub unsetenv: Vec<String>,
    /// `--unsetenv-all`: no environment but what the request sets.
    pub unsetenv_all: bool,
    /// `--umask`: the process's umask (None: the runtime's 0022).
    pub umask: Option<u32>,
    /// `--group-add`: supplementary groups, names resolved in the container at start.
    pub group_add: Vec<String>,
    /// `--tz`: `local` (the host's /etc/localtime) or an IANA zone name.
    pub timezone: Option<String>,
    /// `--cidfile`: the new container's ID is written there; it must not exist.
    pub cidfile: Option<std::path::PathBuf>,
    /// `--pidfile`: the container's PID is written there at each start.
    pub pidfile: Option<String>,
    /// `--http-proxy` (Podman's default): the caller's proxy variables are passed in.
    pub http_proxy: bool,
    /// `--read-only-tmpfs` (Podman's default): with `--read-only`, tmpfs on /run, /tmp and
    /// /var/tmp.
    pub read_only_tmpfs: bool,
    /// `--log-driver`: where the container's output goes.
    pub log_driver: LogDriver,
    /// `--init-path`: the init `--init` runs (default: cove-init).
    pub init_path: Option<String>,
    /// `--volumes-from CTR[:ro|rw]`: that container's mounts, resolved at create.
    pub volumes_from: Vec<String>,
    /// `--secret`, parsed (IDs found at create).
    pub secrets: Vec<super::secrets::SecretUse>,
    /// `--platform`/`--arch`/`--os`/`--variant`: must be this machine's.
    pub platform: Option<crate::image::platform::Platform>,
    /// `--pod NAME|ID`: the pod to join (`pod::ops::join` resolves it to the ID).
    pub pod: Option<String>,
    /// Set by `pod create` only: this container is that pod's infra container.
    pub infra_of: Option<String>,
    /// `--ipc`, `--uts`, `--pid`, `--cgroupns` (None: the default: IPC shareable, UTS and
    /// PID private, cgroup private on cgroup v2 and the host's on v1). A
    /// `NamespaceMode::Container` names the owner by name or ID (stored by ID).
    pub ipc: Option<NamespaceMode>,
    pub uts: Option<NamespaceMode>,
    pub pid: Option<NamespaceMode>,
    pub cgroupns: Option<NamespaceMode>,
    /// `--sysctl KEY=VALUE`: namespaced sysctls only.
    pub sysctls: BTreeMap<String, String>,
    /// The less common flags (`--timeout`, `--requires`, `--env-merge`, ...).
    pub more: super::options::MoreOptions,
}

/// `--log-driver`: Podman's names. `json-file` is Podman's alias of k8s-file (its
/// format is k8s-file's, as in Podman); journald is refused at create. `passthrough`: the
/// container's stdio are those of the cove process that starts it, nothing is logged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogDriver {
    #[default]
    K8sFile,
    JsonFile,
    None,
    Journald,
    Passthrough,
}

impl LogDriver {
    pub fn as_str(self) -> &'static str {
        match self {
            LogDriver::K8sFile => "k8s-file",
            LogDriver::JsonFile => "json-file",
            LogDriver::None => "none",
            LogDriver::Journald => "journald",
            LogDriver::Passthrough => "passthrough",
        }
    }

    /// Whether this machine and cove's shim can log this way: one line saying why not.
    pub fn check(self, journal_socket: &std::path::Path) -> Result<()> {
        match self {
            LogDriver::Journald if !journal_socket.exists() => Err(CreateError::LogDriver(format!(
                "--log-driver journald: no systemd journal on this machine ({} does not exist): use k8s-file",
                journal_socket.display()
            ))),
            LogDriver::Journald => Err(CreateError::LogDriver(
                "--log-driver journald: cove's shim writes k8s-file logs only: use k8s-file".into(),
            )),
            _ => Ok(()),
        }
    }

    /// Passthrough hands the caller's own stdio to the container: Podman refuses it when
    /// any of them is a terminal (the container would share it without a pty's care).
    pub fn check_caller_stdio(self) -> Result<()> {
        // SAFETY: isatty only inspects the descriptor.
        let tty = (0..3).any(|fd| unsafe { libc::isatty(fd) } == 1);
        if self == LogDriver::Passthrough && tty {
            return Err(CreateError::LogDriver(
                "the '--log-driver passthrough' option cannot be used on a TTY".into(),
            ));
        }
        Ok(())
    }
}

impl std::str::FromStr for LogDriver {
    type Err = CreateError;
    fn from_str(s: &str) -> Result<LogDriver> {
        Ok(match s {
            "" | "k8s-file" => LogDriver::K8sFile,
            "json-file" => LogDriver::JsonFile,
            "none" => LogDriver::None,
            "journald" => LogDriver::Journald,
            "passthrough" => LogDriver::Passthrough,
            other => {
                return Err(CreateError::LogDriver(format!(
                    "invalid --log-driver {other:?}: supported: k8s-file, json-file, none, passthrough (journald: not by cove)"
                )))
            }
        })
    }
}

/// What the engine fills in where a request leaves things unset (containers.conf and the
/// caller's environment).
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub runtime: Option<String>,
    pub network: Option<NetworkMode>,
    pub log_size_max: Option<u64>,
    /// For `--env-host` and bare `-e KEY`.
    pub host_env: Vec<(String, String)>,
    /// The machine has cgroup v2 only: containers get a cgroup namespace of their own.
    pub cgroup_v2: bool,
}

/// With only passt installed (the .deb accepts `slirp4netns | passt`), pasta is the
/// default uplink, as it is Podman 5's: a first `cove run` then works as installed.
fn pasta_without_slirp() -> Option<NetworkMode> {
    let find = crate::paths::find_in_path;
    (find("slirp4netns").is_none() && find("pasta").is_some())
        .then(|| NetworkMode::parse("pasta", super::network::DEFAULT_MODE).ok())
        .flatten()
}

impl Defaults {
    pub fn from_conf(
        conf: &crate::config::containers::ContainersConf,
        host_env: Vec<(String, String)>,
    ) -> Result<Defaults> {
        let network = conf
            .netns
            .as_deref()
            .or(conf.default_rootless_network_cmd.as_deref())
            .map(|n| NetworkMode::parse(n, super::network::DEFAULT_MODE))
            .transpose()?
            .or_else(pasta_without_slirp);
        Ok(Defaults {
            runtime: conf.runtime.clone(),
            network,
            // -1 is containers.conf's "unlimited".
            log_size_max: conf.log_size_max.and_then(|n| u64::try_from(n).ok()),
            host_env,
            cgroup_v2: super::namespaces::cgroup_v2(),
        })
    }

    fn lookup(&self, key: &str) -> Option<String> {
        self.host_env
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

/// The part of an image's config a container starts from: OCI's, plus Docker's
/// HEALTHCHECK (not in the OCI spec).
#[derive(Debug, Clone, Default)]
pub struct ImageConfig {
    pub config: oci_spec::image::Config,
    pub healthcheck: Option<HealthConfig>,
}

impl ImageConfig {
    /// From the stored config JSON; what cannot be read counts as unset, as Docker does
    /// for images with odd configs.
    pub fn from_json(raw: &[u8]) -> ImageConfig {
        #[derive(serde::Deserialize, Default)]
        struct Loose {
            #[serde(default)]
            config: Option<oci_spec::image::Config>,
        }
        let config = match oci_spec::image::ImageConfiguration::from_reader(raw) {
            Ok(c) => c.config().clone(),
            // Imports and old commits may lack os/architecture, which the OCI type needs.
            Err(_) => {
                serde_json::from_slice::<Loose>(raw)
                    .unwrap_or_default()
                    .config
            }
        }
        .unwrap_or_default();
        let value: serde_json::Value = serde_json::from_slice(raw).unwrap_or_default();
        let healthcheck = value
            .get("config")
            .and_then(|c| c.get("Healthcheck"))
            .filter(|h| h.is_object())
            .map(|h| serde_json::from_value(h.clone()).unwrap_or_default());
        ImageConfig {
            config,
            healthcheck,
        }
    }
}

/// The stored config: the image's settings with the request over them, Docker's rules.
pub fn build_config(
    req: &CreateRequest,
    image: &ImageConfig,
    defaults: &Defaults,
) -> Result<ContainerConfig> {
    if req.more.maps_ids() && req.userns.as_ref().is_some_and(|u| *u != Userns::Private) {
        return Err(super::idmap::IdMapError::Exclusive.into());
    }
    let cfg = &image.config;
    let image_entrypoint = cfg.entrypoint().clone().unwrap_or_default();
    let image_cmd = cfg.cmd().clone().unwrap_or_default();
    let entrypoint = req
        .entrypoint
        .clone()
        .unwrap_or_else(|| image_entrypoint.clone());
    // An explicit entrypoint drops the image's Cmd.
    let cmd = match (&req.command, &req.entrypoint) {
        (Some(c), _) if !c.is_empty() => c.clone(),
        (_, Some(_)) => Vec::new(),
        _ => image_cmd.clone(),
    };
    let args: Vec<String> = entrypoint.iter().chain(cmd.iter()).cloned().collect();
    if args.is_empty() {
        return Err(CreateError::NoCommand);
    }
    let restart = req.restart;
    if req.auto_remove && restart.name != PolicyName::No {
        return Err(CreateError::RestartWithRm);
    }
    let health = health_config(&req.health, image.healthcheck.as_ref())?;
    let mut config = ContainerConfig {
        image_name: req.image.clone(),
        args,
        env: environment(req, cfg.env().as_deref().unwrap_or_default(), defaults),
        working_dir: req
            .working_dir
            .clone()
            .or_else(|| cfg.working_dir().clone())
            .unwrap_or_default(),
        user: req
            .user
            .clone()
            .or_else(|| cfg.user().clone())
            .unwrap_or_default(),
        hostname: req.hostname.clone().unwrap_or_default(),
        tty: req.tty,
        interactive: req.interactive,
        labels: cfg
            .labels()
            .iter()
            .flatten()
            .chain(&req.labels)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        stop_signal: match req.stop_signal {
            Some(s) => Some(s),
            // An image's odd StopSignal does not stop the container being made.
            None => cfg.stop_signal().as_deref().and_then(|s| s.parse().ok()),
        },
        stop_timeout: req.stop_timeout.unwrap_or(10),
        auto_remove: req.auto_remove,
        read_only: req.read_only,
        privileged: req.privileged,
        cap_add: req.cap_add.clone(),
        cap_drop: req.cap_drop.clone(),
        no_new_privileges: req.security.no_new_privileges,
        seccomp_unconfined: req.security.seccomp == Seccomp::Unconfined,
        seccomp_profile: match &req.security.seccomp {
            Seccomp::Profile(p) => Some(p.clone()),
            _ => None,
        },
        network: req
            .network
            .clone()
            .or_else(|| defaults.network.clone())
            .unwrap_or_default(),
        mounts: mounts(&req.mounts, cfg.volumes().as_deref().unwrap_or_default()),
        runtime: req
            .runtime
            .clone()
            .or_else(|| defaults.runtime.clone())
            .unwrap_or_default(),
        log_size_max: req.log_size_max.or(defaults.log_size_max),
        entrypoint: image_entrypoint,
        cmd: image_cmd,
        ulimits: req.ulimits.clone(),
        shm_size: req.shm_size,
        userns: if req.more.maps_ids() {
            Userns::Private
        } else {
            req.userns.clone().unwrap_or_default()
        },
        init: req.init,
        restart,
        health,
        dns: req.dns.iter().map(|d| d.to_string()).collect(),
        dns_search: req.dns_search.clone(),
        dns_options: req.dns_options.clone(),
        add_hosts: req.add_hosts.clone(),
        no_hosts: req.no_hosts,
        mac_address: req.mac_address.clone(),
        create_command: req.create_command.clone(),
        sdnotify: req.sdnotify,
        annotations: req.annotations.clone(),
        umask: req.umask,
        group_add: req.group_add.clone(),
        pidfile: req.pidfile.clone(),
        log_driver: req.log_driver,
        init_path: req.init_path.clone(),
        secrets: req.secrets.clone(),
        pod: req.infra_of.clone().or_else(|| req.pod.clone()),
        pod_infra: req.infra_of.is_some(),
        ipc: req.ipc.clone().unwrap_or(NamespaceMode::Shareable),
        uts: req.uts.clone().unwrap_or_default(),
        pid: req.pid.clone().unwrap_or_default(),
        cgroupns: req
            .cgroupns
            .clone()
            .unwrap_or_else(|| namespaces::default_cgroupns(defaults.cgroup_v2)),
        sysctls: req.sysctls.clone(),
        ..ContainerConfig::default()
    };
    req.more.apply(&mut config);
    namespaces::check_hostname(req.hostname.as_deref(), &config.uts)?;
    namespaces::check_sysctls(&config.sysctls, &config.ipc, &config.uts, &config.network)?;
    if let Some(tz) = &req.timezone {
        config.mounts.push(timezone_mount(tz)?);
    }
    if req.read_only && req.read_only_tmpfs {
        for dir in ["/run", "/tmp", "/var/tmp"] {
            if !config.mounts.iter().any(|m| m.destination == dir) {
                config.mounts.push(MountSpec {
                    kind: MountKind::Tmpfs,
                    source: "tmpfs".into(),
                    destination: dir.into(),
                    options: ["rw", "nosuid", "nodev"].map(String::from).to_vec(),
                });
            }
        }
    }
    config.attachments = attachments(req, &config.network)?;
    let (exposed, ports) = ports(req, cfg.exposed_ports().as_deref().unwrap_or_default())?;
    config.exposed_ports = exposed;
    config.ports = ports;
    for h in &req.add_hosts {
        // host-gateway is resolved at start, when the network is known.
        crate::network::etc::parse_add_host(h, Some("127.0.0.1"))?;
    }
    if let Some(mac) = req
        .mac_address
        .as_ref()
        .filter(|m| !super::network::valid_mac(m))
    {
        return Err(CreateError::Mac(mac.clone()));
    }
    Ok(config)
}

/// Image env (PATH added if it has none), then `--env-host`, env files, `-e`, and TERM for
/// a tty.
fn environment(req: &CreateRequest, image_env: &[String], defaults: &Defaults) -> Vec<String> {
    let mut env = if req.unsetenv_all {
        Vec::new()
    } else {
        image_env.to_vec()
    };
    if !env.iter().any(|e| e.starts_with("PATH=")) && !req.unsetenv_all {
        env.insert(0, DEFAULT_PATH.into());
    }
    let lookup = |k: &str| defaults.lookup(k);
    if req.http_proxy {
        // Podman passes the caller's proxy settings unless the request sets them.
        for key in PROXY_VARIABLES {
            if let Some(v) = defaults.lookup(key) {
                merge_env(&mut env, &format!("{key}={v}"), lookup);
            }
        }
    }
    if req.env_host {
        for (k, v) in &defaults.host_env {
            merge_env(&mut env, &format!("{k}={v}"), lookup);
        }
    }
    for e in req.env_files.iter().chain(&req.env) {
        merge_env(&mut env, e, lookup);
    }
    if req.tty {
        merge_env(&mut env, "TERM=xterm", lookup);
    }
    env.retain(|e| {
        let key = e.split_once('=').map_or(e.as_str(), |(k, _)| k);
        !req.unsetenv.iter().any(|u| u == key)
    });
    env
}

/// The variables `--http-proxy` passes in, Podman's list.
const PROXY_VARIABLES: [&str; 8] = [
    "http_proxy",
    "HTTP_PROXY",
    "https_proxy",
    "HTTPS_PROXY",
    "ftp_proxy",
    "FTP_PROXY",
    "no_proxy",
    "NO_PROXY",
];

/// `--tz`: the host's zone file bound read-only over /etc/localtime (Podman copies it;
/// a bind needs no copy and follows the host's tzdata updates).
fn timezone_mount(tz: &str) -> Result<MountSpec> {
    let source = if tz == "local" {
        "/etc/localtime".to_string()
    } else {
        let valid = !tz.is_empty()
            && !tz.starts_with('/')
            && tz
                .split('/')
                .all(|p| !p.is_empty() && p != "." && p != "..");
        if !valid {
            return Err(CreateError::Timezone(tz.to_string()));
        }
        format!("/usr/share/zoneinfo/{tz}")
    };
    Ok(MountSpec {
        kind: MountKind::Bind,
        source,
        destination: "/etc/localtime".into(),
        options: ["rbind", "ro"].map(String::from).to_vec(),
    })
}

/// The request's mounts, then the image's VOLUMEs no mount covers as anonymous volumes
/// (their names are drawn when the container is created).
fn mounts(asked: &[MountSpec], image_volumes: &[String]) -> Vec<MountSpec> {
    let mut out = asked.to_vec();
    let mut volumes = image_volumes.to_vec();
    volumes.sort();
    for path in volumes {
        if !out.iter().any(|m| m.destination == path) {
            out.push(MountSpec {
                kind: MountKind::Volume,
                source: String::new(),
                destination: path,
                options: vec!["rw".into()],
            });
        }
    }
    out
}

/// `--network NAME` joins a user-defined network (checked to exist at create); aliases and
/// a fixed address only make sense there.
fn attachments(req: &CreateRequest, mode: &NetworkMode) -> Result<Vec<Attachment>> {
    match mode {
        NetworkMode::Bridge(name) => Ok(vec![Attachment {
            network: name.clone(),
            aliases: req.network_aliases.clone(),
            ip: req.ip.map(|ip| ip.to_string()),
            ..Attachment::default()
        }]),
        _ if !req.network_aliases.is_empty() || req.ip.is_some() => {
            Err(CreateError::AliasWithoutNetwork)
        }
        _ => Ok(Vec::new()),
    }
}

/// The exposed ports (image's, then `--expose`) and the published ones (`-p`, then with
/// `-P` every exposed port not published yet).
fn ports(req: &CreateRequest, image_exposed: &[String]) -> Result<(Vec<String>, Vec<PortMapping>)> {
    use crate::network::ports::parse_exposed;
    let mut exposed = image_exposed.to_vec();
    exposed.sort();
    exposed.extend(req.expose.iter().cloned());
    let mut ports = req.publish.clone();
    if req.publish_all {
        for e in &exposed {
            for m in parse_exposed(e)? {
                let already = ports
                    .iter()
                    .any(|p| p.container_port == m.container_port && p.protocol == m.protocol);
                if !already {
                    ports.push(m);
                }
            }
        }
    }
    Ok((exposed, ports))
}

/// The image's HEALTHCHECK with the request's fields over it.
fn health_config(h: &HealthRequest, image: Option<&HealthConfig>) -> Result<Option<HealthConfig>> {
    if h.disabled && h.test.is_some() {
        return Err(CreateError::HealthDisabled);
    }
    let mut out = image.cloned().unwrap_or_default();
    if let Some(test) = &h.test {
        out.test = test.clone();
    }
    let nanos = |d: Duration| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
    if let Some(d) = h.interval {
        if d.is_zero() {
            return Err(CreateError::HealthInterval);
        }
        out.interval = nanos(d);
    }
    if let Some(d) = h.timeout {
        out.timeout = nanos(d);
    }
    if let Some(d) = h.start_period {
        out.start_period = nanos(d);
    }
    if let Some(r) = h.retries {
        out.retries = r;
    }
    if let Some(a) = h.on_failure {
        out.on_failure = a;
    }
    if h.disabled || out.command().is_none() {
        if h.tuned() && !h.disabled {
            return Err(CreateError::HealthTuned);
        }
        return Ok(None);
    }
    Ok(Some(out))
}

#[cfg(test)]
#[path = "create_tests.rs"]
mod tests;
