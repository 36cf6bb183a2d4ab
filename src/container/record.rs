//! What the store keeps about a container: the configuration it was created with (never
//! changes after `create`, except the name) and its state (changes at every transition).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::namespaces::NamespaceMode;

/// Docker's status words, as `ps` and `inspect` print them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Created,
    /// `init`: the runtime created the container (its process waits to be started).
    Initialized,
    Running,
    Paused,
    Exited,
    /// Ended, and its restart policy will start it again after the back-off.
    Restarting,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Initialized => "initialized",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Exited => "exited",
            Status::Restarting => "restarting",
        }
    }

    /// Whether the container's process runs (it may be paused).
    pub fn is_active(self) -> bool {
        matches!(self, Status::Running | Status::Paused)
    }

    /// Whether a process of the container may be alive: it runs, or `init` created it
    /// and it waits to be started.
    pub fn has_process(self) -> bool {
        self.is_active() || self == Status::Initialized
    }

    /// The word Docker's API uses: Docker has no initialized state, such a container was
    /// only created as far as its clients know.
    pub fn docker_str(self) -> &'static str {
        match self {
            Status::Initialized => "created",
            s => s.as_str(),
        }
    }

    /// Neither running nor about to run again: what prune removes and df counts as
    /// reclaimable.
    pub fn is_stopped(self) -> bool {
        matches!(self, Status::Created | Status::Exited)
    }
}

/// What a mount is; stored as "bind", "volume" or "tmpfs".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MountKind {
    /// A host path (a volume, once resolved at start, is one too).
    Bind,
    /// A named or anonymous volume.
    Volume,
    Tmpfs,
}

impl MountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MountKind::Bind => "bind",
            MountKind::Volume => "volume",
            MountKind::Tmpfs => "tmpfs",
        }
    }
}

/// A bind, volume or tmpfs mount as asked for (the flag syntaxes are parsed in
/// `container::create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MountSpec {
    pub kind: MountKind,
    pub source: String,
    pub destination: String,
    pub options: Vec<String>,
}

/// `--ulimit type=soft[:hard]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ulimit {
    /// As in the OCI spec: RLIMIT_NOFILE, ...
    pub kind: String,
    pub soft: u64,
    pub hard: u64,
}

/// Everything `create` decided. Serialized into the `containers.config` column; fields
/// added later read as their default from older rows.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerConfig {
    /// The image as the user named it (for `ps`'s IMAGE column).
    pub image_name: String,
    /// `--rootfs DIR[:O]`: the container's root is this directory (no image).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rootfs: Option<super::rootfs_dir::RootfsDir>,
    /// The full command: entrypoint + cmd after flags were applied.
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub working_dir: String,
    pub user: String,
    pub hostname: String,
    pub tty: bool,
    pub interactive: bool,
    pub labels: BTreeMap<String, String>,
    /// None: SIGTERM. Stored as the signal's name ("" for none); older rows hold what the
    /// user typed ("KILL", "9", ...), read through the same parser.
    #[serde(with = "super::signal::optional")]
    pub stop_signal: Option<super::signal::Signal>,
    pub stop_timeout: u32,
    pub auto_remove: bool,
    pub read_only: bool,
    pub privileged: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub no_new_privileges: bool,
    pub seccomp_unconfined: bool,
    /// `--network`; stored as the flag's text ("" in old rows reads as slirp4netns).
    pub network: crate::network::NetworkMode,
    pub mounts: Vec<MountSpec>,
    /// Runtime binary (absolute path) this container is driven with.
    pub runtime: String,
    pub log_size_max: Option<u64>,
    /// RFC 3339 creation time.
    pub created: String,
    /// The image's own Entrypoint/Cmd, kept for `inspect` (Config.Entrypoint/Cmd).
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub ulimits: Vec<Ulimit>,
    /// /dev/shm size in bytes.
    pub shm_size: Option<u64>,
    /// `--security-opt seccomp=FILE`: an OCI/Docker seccomp profile used instead of ours.
    pub seccomp_profile: Option<String>,
    pub userns: Userns,
    /// The container's own uid/gid maps (nomap, auto, the ID-mapping flags), relative to
    /// cove's namespace; None: no namespace of its own or keep-id's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_mappings: Option<super::idmap::IdMappings>,
    /// `--init`: cove-init runs as PID 1.
    pub init: bool,
    /// `--restart`: whether the container is started again when its process ends.
    pub restart: super::restart::RestartPolicy,
    /// `--health-*` or the image's HEALTHCHECK; None: no check.
    pub health: Option<super::health::HealthConfig>,
    /// `-p`/`-P`, as asked (host port 0: any free one, picked at each start).
    pub ports: Vec<crate::network::PortMapping>,
    pub dns: Vec<String>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    /// `--add-host` values as given (`host-gateway` is resolved at start).
    pub add_hosts: Vec<String>,
    pub no_hosts: bool,
    pub mac_address: Option<String>,
    /// The image's EXPOSE entries, for inspect.
    pub exposed_ports: Vec<String>,
    /// User-defined networks joined (`--network NAME`, `network connect`), in order: the
    /// first one has the default route.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The arguments given after `run`/`create` (global flags left out), for `cove
    /// generate systemd --new`; empty for containers created before it was recorded.
    pub create_command: Vec<String>,
    /// `--sdnotify`: container, conmon or ignore ("" reads as container).
    pub sdnotify: crate::systemd::notify::Mode,
    /// `--annotation`: the runtime spec's annotations.
    pub annotations: BTreeMap<String, String>,
    /// `--umask`.
    pub umask: Option<u32>,
    /// `--group-add`: names or numbers, resolved at each start.
    pub group_add: Vec<String>,
    /// `--pidfile`: written with the container's PID at each start.
    pub pidfile: Option<String>,
    pub log_driver: super::create::LogDriver,
    /// `--init-path`: instead of cove-init.
    pub init_path: Option<String>,
    /// `--secret`: which secrets the container gets at each start (not their data).
    pub secrets: Vec<super::secrets::SecretUse>,
    /// The ID of the pod this container belongs to.
    pub pod: Option<String>,
    /// Whether it is that pod's infra container (which holds the shared namespaces).
    pub pod_infra: bool,
    /// `--init-ctr`: run to completion before the pod's other containers start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub init_ctr: Option<super::options::InitCtr>,
    /// `--ipc`, `--uts`, `--pid` (a `container:` owner by ID): older rows read as private.
    pub ipc: NamespaceMode,
    pub uts: NamespaceMode,
    pub pid: NamespaceMode,
    /// `--cgroupns`: older rows ran in the caller's cgroup namespace.
    #[serde(default = "super::namespaces::stored_cgroupns_default")]
    pub cgroupns: NamespaceMode,
    /// `--sysctl`: written by the runtime in the container's namespaces.
    pub sysctls: BTreeMap<String, String>,
    /// `--timeout`: seconds the container may run before the shim kills it.
    pub timeout: Option<u32>,
    /// `--requires`: IDs of the containers started before this one.
    pub requires: Vec<String>,
    /// `--conmon-pidfile`: written with the shim's PID at each start.
    pub conmon_pidfile: Option<String>,
    pub oom_score_adj: Option<i32>,
    /// `--personality`: LINUX or LINUX32.
    pub personality: Option<String>,
    /// `--passwd-entry`: added to /etc/passwd at start when the user has no entry.
    pub passwd_entry: Option<String>,
    /// `--hostuser`: host /etc/passwd lines added to the container's at start.
    pub passwd_lines: Vec<String>,
    /// `--rmi`: with `--rm`, the image is removed with the container.
    pub rmi: bool,
    /// Docker's `--domainname`: set in the container's own UTS namespace.
    pub domainname: Option<String>,
}

/// `--userns`: stored as the flag's text ("" for the user's namespace as is; "private"
/// for --uidmap/--gidmap/--subuidname/--subgidname, as Podman's inspect names it).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Userns {
    #[default]
    Host,
    /// The user's own uid and gid are the same inside.
    KeepId,
    /// Container IDs are the subordinate ones only: the user's own is not mapped.
    NoMap,
    /// A range no other auto container uses; the options as given.
    Auto(String),
    /// An existing user namespace, joined.
    Ns(String),
    /// The mappings the ID-mapping flags gave (`ContainerConfig::id_mappings`).
    Private,
}

impl Userns {
    /// Whether the container's files are shifted copies: its own namespace maps the
    /// image's IDs elsewhere.
    pub fn shifts_files(&self) -> bool {
        matches!(
            self,
            Userns::NoMap | Userns::Auto(_) | Userns::Private | Userns::Ns(_)
        )
    }
}

impl std::str::FromStr for Userns {
    type Err = super::create::CreateError;
    fn from_str(s: &str) -> Result<Userns, Self::Err> {
        match s {
            "" | "host" => Ok(Userns::Host),
            "keep-id" => Ok(Userns::KeepId),
            "nomap" => Ok(Userns::NoMap),
            "private" => Ok(Userns::Private),
            "auto" => Ok(Userns::Auto(String::new())),
            other => {
                if let Some(opts) = other.strip_prefix("auto:") {
                    super::idmap::AutoOptions::parse(opts)?;
                    return Ok(Userns::Auto(opts.to_string()));
                }
                match other.strip_prefix("ns:") {
                    Some(path) if path.starts_with('/') => Ok(Userns::Ns(path.to_string())),
                    _ => Err(super::create::CreateError::Userns(other.to_string())),
                }
            }
        }
    }
}

impl From<String> for Userns {
    /// Stored values were checked at create: anything unreadable is the default.
    fn from(s: String) -> Userns {
        s.parse().unwrap_or_default()
    }
}

impl From<Userns> for String {
    fn from(u: Userns) -> String {
        u.to_string()
    }
}

impl std::fmt::Display for Userns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Userns::Host => Ok(()),
            Userns::KeepId => f.write_str("keep-id"),
            Userns::NoMap => f.write_str("nomap"),
            Userns::Auto(o) if o.is_empty() => f.write_str("auto"),
            Userns::Auto(o) => write!(f, "auto:{o}"),
            Userns::Ns(p) => write!(f, "ns:{p}"),
            Userns::Private => f.write_str("private"),
        }
    }
}

/// A user-defined network a container is on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub network: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `--ip`: a fixed address.
    #[serde(default)]
    pub ip: Option<String>,
    /// `network connect --mac-address`: the interface's address on this network (the
    /// first network takes the container's `--mac-address`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
    /// Docker's `--gw-priority`: the highest one's gateway is the default route (the
    /// first network's on a tie).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub gw_priority: i64,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// What happened to the container. Serialized into the `containers.state` column.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerState {
    pub status: Status,
    /// Host pid of the container's init while it runs, else 0.
    pub pid: i32,
    /// Start time of `pid` (field 22 of /proc/PID/stat): tells a live container from a
    /// recycled pid after a reboot or a crash.
    pub pid_start_time: u64,
    pub conmon_pid: i32,
    pub started_at: String,
    pub finished_at: String,
    pub exit_code: i32,
    pub oom_killed: bool,
    /// Set by `stop`, `kill` and `rm -f`: the restart policy leaves the container alone.
    pub stopped_by_user: bool,
    /// The root filesystem is mounted and the runtime knows the container.
    pub mounted: bool,
    /// Restarts done by the restart policy (or a health check) since the user last
    /// started the container.
    pub restart_count: u32,
    /// A health check asked for a restart (`--health-on-failure=restart`): the next
    /// cleanup starts the container again whatever the policy.
    pub restart_requested: bool,
    /// While Restarting: the cleanup process waiting out the back-off (pid and start
    /// time). If it is gone (killed, reboot) the restart will not happen and the
    /// container reads as exited.
    pub restarter_pid: i32,
    pub restarter_start_time: u64,
    /// The result of the health checks since the last start.
    pub health: Option<super::health::HealthState>,
    /// Why the last start failed, for `inspect`'s State.Error.
    pub error: String,
    /// The network as it was set up by the last start.
    pub network: NetworkState,
}

/// What a start set up for the container's network, for ps, port and inspect.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkState {
    /// Published ports with the host ports actually bound.
    pub ports: Vec<crate::network::PortMapping>,
    pub ip_address: String,
    pub ip_prefix_len: u8,
    pub gateway: String,
    pub mac_address: String,
    /// The network namespace file cove created (removed at cleanup).
    pub sandbox_key: String,
    /// One per user-defined network the container is on while it runs.
    pub endpoints: Vec<Endpoint>,
}

/// A container's place on a user-defined network while it runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Endpoint {
    pub network: String,
    pub network_id: String,
    pub ip_address: String,
    pub ip_prefix_len: u8,
    pub gateway: String,
    pub mac_address: String,
    pub aliases: Vec<String>,
    /// The veth end on the network's bridge.
    pub host_interface: String,
}

/// A container loaded from the store.
#[derive(Debug, Clone)]
pub struct Container {
    pub id: String,
    pub name: String,
    pub image_id: String,
    pub created_at: i64,
    pub config: ContainerConfig,
    pub state: ContainerState,
}

impl Container {
    pub fn short_id(&self) -> &str {
        &self.id[..12.min(self.id.len())]
    }
}
