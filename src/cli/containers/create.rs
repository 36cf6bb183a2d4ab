//! `create` and `run`: flags to a container, then start and attach.

use super::*;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::container::create::{self, HealthRequest, ResourceLimits};
use crate::container::namespaces::{self, Kind, NamespaceMode};
use crate::container::{
    flags, Container, ContainerError, CreateError, CreateRequest, Defaults, Engine,
};
use crate::image::platform::Platform;
use crate::image::pull::{PullPolicy, PullRequest};
use crate::network::NetworkMode;
use crate::systemd::notify::Mode;
use anyhow::anyhow;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct CreateArgs {
    /// Assign a name to the container
    #[arg(long)]
    pub name: Option<String>,
    /// Run in an existing pod, or a new one with new:NAME
    #[arg(long, value_name = "NAME|new:NAME")]
    pub pod: Option<String>,
    /// Run in the pod whose ID is in this file
    #[arg(long, value_name = "FILE", conflicts_with = "pod")]
    pub pod_id_file: Option<PathBuf>,
    /// Keep STDIN open even if not attached
    #[arg(short, long)]
    pub interactive: bool,
    /// Allocate a pseudo-TTY
    #[arg(short, long)]
    pub tty: bool,
    /// Set environment variables (KEY=VALUE, or KEY to take it from the host)
    #[arg(short, long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Read environment variables from a file
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Pass all host environment variables into the container
    #[arg(long)]
    pub env_host: bool,
    /// Working directory inside the container
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Username or UID (format: <name|uid>[:<group|gid>])
    #[arg(short, long)]
    pub user: Option<String>,
    /// Overwrite the default ENTRYPOINT of the image
    #[arg(long)]
    pub entrypoint: Option<String>,
    /// Container host name
    #[arg(long)]
    pub hostname: Option<String>,
    /// Add Linux capabilities
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// Drop Linux capabilities
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// Give extended privileges to this container
    #[arg(long)]
    pub privileged: bool,
    /// Security options: no-new-privileges, seccomp=unconfined, seccomp=PROFILE.json (OCI or Docker format)
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// Set metadata on the container (KEY=VALUE)
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Signal to stop the container
    #[arg(long, value_name = "SIGNAL")]
    pub stop_signal: Option<String>,
    /// Seconds to wait before killing the container on stop
    #[arg(long, value_name = "SECONDS")]
    pub stop_timeout: Option<u32>,
    /// Mount the container's root filesystem read-only
    #[arg(long)]
    pub read_only: bool,
    /// Automatically remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// Restart policy when the container exits: no, on-failure[:MAX], always,
    /// unless-stopped
    #[arg(long, value_name = "POLICY")]
    pub restart: Option<String>,
    /// Command to check the container's health (run by /bin/sh -c inside it), or "none"
    #[arg(long, value_name = "COMMAND")]
    pub health_cmd: Option<String>,
    /// Time between health checks (e.g. 30s, 1m30s)
    #[arg(long, value_name = "DURATION")]
    pub health_interval: Option<String>,
    /// Failed checks in a row before the container is unhealthy
    #[arg(long, value_name = "N")]
    pub health_retries: Option<u32>,
    /// Time after start during which failed checks do not count
    #[arg(long, value_name = "DURATION")]
    pub health_start_period: Option<String>,
    /// Longest a check may run before it counts as failed
    #[arg(long, value_name = "DURATION")]
    pub health_timeout: Option<String>,
    /// What to do when the container turns unhealthy: none, kill, restart, stop
    #[arg(long, value_name = "ACTION")]
    pub health_on_failure: Option<String>,
    /// Disable any health check, the image's included
    #[arg(long, conflicts_with_all = [
        "health_cmd",
        "health_interval",
        "health_retries",
        "health_start_period",
        "health_timeout",
        "health_on_failure",
    ])]
    pub no_healthcheck: bool,
    /// Network mode: slirp4netns[:OPTIONS] (default), pasta[:OPTIONS], none, host,
    /// container:NAME|ID, ns:PATH, or the name of a network (`cove network create`)
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Option<String>,
    /// IPC namespace: shareable (default), private, host, none (no /dev/shm),
    /// container:NAME|ID, ns:PATH
    #[arg(long, value_name = "MODE")]
    pub ipc: Option<String>,
    /// UTS namespace (hostname): private (default), host, container:NAME|ID, ns:PATH
    #[arg(long, value_name = "MODE")]
    pub uts: Option<String>,
    /// PID namespace: private (default), host, container:NAME|ID, ns:PATH
    #[arg(long, value_name = "MODE")]
    pub pid: Option<String>,
    /// cgroup namespace: private (default on cgroup v2), host (default on v1)
    #[arg(long, value_name = "MODE")]
    pub cgroupns: Option<String>,
    /// Set a namespaced kernel parameter (net.*, kernel.shm*, kernel.msg*, kernel.sem,
    /// fs.mqueue.*)
    #[arg(long, value_name = "KEY=VALUE")]
    pub sysctl: Vec<String>,
    /// Another name the container has on its network (for the network's DNS)
    #[arg(long = "network-alias", alias = "net-alias", value_name = "ALIAS")]
    pub network_alias: Vec<String>,
    /// The container's IPv4 address on its network
    #[arg(long, value_name = "ADDRESS")]
    pub ip: Option<String>,
    /// Publish a container's port to the host ([IP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL])
    #[arg(short, long, value_name = "PORT")]
    pub publish: Vec<String>,
    /// Publish every port the image exposes to a random host port
    #[arg(short = 'P', long)]
    pub publish_all: bool,
    /// Expose a port (or range) without publishing it, for -P
    #[arg(long, value_name = "PORT[/PROTOCOL]")]
    pub expose: Vec<String>,
    /// Set a custom DNS server
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// Set a custom DNS search domain ("." for none)
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// Set a DNS resolver option
    #[arg(long, value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Add a custom host-to-IP mapping (HOST:IP, IP may be host-gateway)
    #[arg(long, value_name = "HOST:IP")]
    pub add_host: Vec<String>,
    /// Do not create /etc/hosts for the container
    #[arg(long)]
    pub no_hosts: bool,
    /// Container MAC address (slirp4netns)
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
    /// OCI runtime to use: a name on PATH or a path (default: the built-in cove-runtime)
    #[arg(long)]
    pub runtime: Option<String>,
    /// Pull policy: missing, always, never, newer
    #[arg(long, value_name = "POLICY", default_value = "missing", num_args = 0..=1, default_missing_value = "always")]
    pub pull: String,
    /// Logging driver options (max-size=SIZE)
    #[arg(long, value_name = "OPT")]
    pub log_opt: Vec<String>,
    /// Bind mount a volume (HOST-DIR:CONTAINER-DIR[:OPTIONS])
    #[arg(short, long, value_name = "SRC:DST[:OPTS]")]
    pub volume: Vec<String>,
    /// Mount a tmpfs directory (DIR[:OPTIONS])
    #[arg(long, value_name = "DIR")]
    pub tmpfs: Vec<String>,
    /// Resource limit (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)
    #[arg(long, value_name = "TYPE=SOFT[:HARD]")]
    pub ulimit: Vec<String>,
    /// Size of /dev/shm (e.g. 64m)
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,
    /// User namespace: "" (default) or keep-id (run as your own uid inside)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Run an init inside the container that forwards signals and reaps processes
    #[arg(long)]
    pub init: bool,
    /// Attach a filesystem mount (type=bind|volume|tmpfs,source=...,target=...[,readonly])
    #[arg(long, value_name = "SPEC")]
    pub mount: Vec<String>,
    /// Remove an existing container of the same --name first, even a running one
    #[arg(long)]
    pub replace: bool,
    /// Under systemd ($NOTIFY_SOCKET): who reports readiness, the container's own
    /// process (container), cove once it runs (conmon), or nobody (ignore)
    #[arg(long, value_name = "MODE", default_value = "container", value_parser = ["container", "conmon", "ignore"])]
    pub sdnotify: String,
    /// Add an annotation to the container's runtime spec (KEY=VALUE)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Read labels from a file (KEY=VALUE lines)
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,
    /// Remove a variable from the container's environment
    #[arg(long, value_name = "KEY")]
    pub unsetenv: Vec<String>,
    /// Remove every variable the image or cove would set
    #[arg(long)]
    pub unsetenv_all: bool,
    /// Pass the caller's proxy variables (http_proxy, ...) into the container
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub http_proxy: bool,
    /// The container's umask (octal)
    #[arg(long, value_name = "MASK")]
    pub umask: Option<String>,
    /// Add supplementary groups (names from the image's /etc/group, or numbers)
    #[arg(long, value_name = "GROUP")]
    pub group_add: Vec<String>,
    /// Time zone: local (the host's) or an IANA name such as Europe/Paris
    #[arg(long, value_name = "TIMEZONE")]
    pub tz: Option<String>,
    /// Write the container ID to this file (which must not exist)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,
    /// Write the container's PID to this file at each start
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// With --read-only, mount tmpfs on /run, /tmp and /var/tmp
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub read_only_tmpfs: bool,
    /// Logging driver: k8s-file (default), json-file (the same format), none
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// Path of the init binary --init runs (default: cove-init)
    #[arg(long, value_name = "PATH")]
    pub init_path: Option<PathBuf>,
    /// Give the container a secret (NAME[,type=mount|env][,target=T][,uid=U][,gid=G][,mode=M])
    #[arg(long, value_name = "SECRET")]
    pub secret: Vec<String>,
    /// Mount the volumes of another container (CONTAINER[:ro|rw])
    #[arg(long, value_name = "CONTAINER")]
    pub volumes_from: Vec<String>,
    /// Bind a host device into the container (HOST[:CONTAINER][:PERMISSIONS])
    #[arg(long, value_name = "DEVICE")]
    pub device: Vec<String>,
    /// Platform of the image (os/arch[/variant]): this machine's only
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// Architecture of the image: this machine's only
    #[arg(long)]
    pub arch: Option<String>,
    /// Operating system of the image: linux
    #[arg(long)]
    pub os: Option<String>,
    /// Architecture variant of the image
    #[arg(long)]
    pub variant: Option<String>,
    /// Suppress the pull's progress output
    #[arg(short, long)]
    pub quiet: bool,
    /// Require HTTPS and verify certificates when pulling (default: registries.conf)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Path of the authentication file for the pull
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
    #[command(flatten)]
    pub resources: ResourceArgs,
    #[command(flatten)]
    pub more: MoreArgs,
    /// Image to run
    pub image: String,
    /// Command and arguments
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// The cgroup controls beyond --memory, --cpus and --pids-limit: accepted, checked, and
/// refused like them while no cgroup is delegated.
#[derive(Args, Debug, Clone, Default)]
pub struct ResourceArgs {
    /// Memory limit (needs a delegated cgroup)
    #[arg(short, long, value_name = "BYTES")]
    pub memory: Option<String>,
    /// Number of CPUs (needs a delegated cgroup)
    #[arg(long, value_name = "NUMBER")]
    pub cpus: Option<String>,
    /// Process limit (needs a delegated cgroup)
    #[arg(long, value_name = "N")]
    pub pids_limit: Option<String>,
    /// Block IO weight, 10 to 1000 (needs a delegated cgroup)
    #[arg(long, value_name = "WEIGHT")]
    pub blkio_weight: Option<u16>,
    /// Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)
    #[arg(long, value_name = "DEVICE:WEIGHT")]
    pub blkio_weight_device: Vec<String>,
    /// CPU CFS period in microseconds (needs a delegated cgroup)
    #[arg(long, value_name = "US")]
    pub cpu_period: Option<u64>,
    /// CPU CFS quota in microseconds (needs a delegated cgroup)
    #[arg(long, value_name = "US")]
    pub cpu_quota: Option<i64>,
    /// CPU real-time period in microseconds (needs a delegated cgroup)
    #[arg(long, value_name = "US")]
    pub cpu_rt_period: Option<u64>,
    /// CPU real-time runtime in microseconds (needs a delegated cgroup)
    #[arg(long, value_name = "US")]
    pub cpu_rt_runtime: Option<i64>,
    /// CPU shares, a relative weight (needs a delegated cgroup)
    #[arg(short = 'c', long, value_name = "SHARES")]
    pub cpu_shares: Option<u64>,
    /// CPUs the container may use, e.g. 0-3 or 0,1 (needs a delegated cgroup)
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,
    /// Memory nodes the container may use (needs a delegated cgroup)
    #[arg(long, value_name = "NODES")]
    pub cpuset_mems: Option<String>,
    /// Read rate limit of a device (DEVICE:RATE, e.g. /dev/sda:1mb; needs a delegated cgroup)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_read_bps: Vec<String>,
    /// Read operations per second of a device (DEVICE:N; needs a delegated cgroup)
    #[arg(long, value_name = "DEVICE:N")]
    pub device_read_iops: Vec<String>,
    /// Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_write_bps: Vec<String>,
    /// Write operations per second of a device (DEVICE:N; needs a delegated cgroup)
    #[arg(long, value_name = "DEVICE:N")]
    pub device_write_iops: Vec<String>,
    /// Memory soft limit (needs a delegated cgroup)
    #[arg(long, value_name = "BYTES")]
    pub memory_reservation: Option<String>,
    /// Memory plus swap limit, -1 for unlimited (needs a delegated cgroup)
    #[arg(long, value_name = "BYTES", allow_hyphen_values = true)]
    pub memory_swap: Option<String>,
    /// Swappiness, 0 to 100 (needs a delegated cgroup)
    #[arg(long, value_name = "N")]
    pub memory_swappiness: Option<u8>,
    /// Kernel memory limit (Docker; needs a delegated cgroup)
    #[arg(long, value_name = "BYTES")]
    pub kernel_memory: Option<String>,
    /// Do not kill the container's processes when out of memory (needs a delegated cgroup)
    #[arg(long)]
    pub oom_kill_disable: bool,
}

impl ResourceArgs {
    /// The limits asked for, checked for their syntax (`create` and `update`).
    pub fn limits(&self) -> anyhow::Result<ResourceLimits> {
        let number = |flag: &str, v: &str| anyhow!("invalid --{flag} {v:?}: not a number");
        Ok(ResourceLimits {
            memory: self.memory.as_deref().map(flags::parse_size).transpose()?,
            cpus: self
                .cpus
                .as_deref()
                .map(|v| v.parse().map_err(|_| number("cpus", v)))
                .transpose()?,
            pids_limit: self
                .pids_limit
                .as_deref()
                .map(|v| v.parse().map_err(|_| number("pids-limit", v)))
                .transpose()?,
            other: self.asked()?,
        })
    }

    /// The flags given, by name, each checked for its syntax.
    fn asked(&self) -> anyhow::Result<Vec<&'static str>> {
        let device = |flag: &'static str, values: &[String], rate: bool| -> anyhow::Result<bool> {
            for v in values {
                let (dev, n) = v
                    .rsplit_once(':')
                    .ok_or_else(|| anyhow!("invalid --{flag} {v:?}: use DEVICE:VALUE"))?;
                let ok = dev.starts_with('/')
                    && if rate {
                        flags::parse_size(n).is_ok()
                    } else {
                        n.parse::<u64>().is_ok()
                    };
                if !ok {
                    return Err(anyhow!("invalid --{flag} {v:?}: use DEVICE:VALUE"));
                }
            }
            Ok(!values.is_empty())
        };
        let size = |flag: &'static str, v: &Option<String>| -> anyhow::Result<bool> {
            match v.as_deref() {
                None => Ok(false),
                Some("-1") => Ok(true),
                Some(s) => flags::parse_size(s)
                    .map(|_| true)
                    .map_err(|_| anyhow!("invalid --{flag} {s:?}: not a size")),
            }
        };
        let r = self;
        if r.blkio_weight.is_some_and(|w| !(10..=1000).contains(&w)) {
            return Err(anyhow!(
                "invalid --blkio-weight: must be between 10 and 1000"
            ));
        }
        if r.memory_swappiness.is_some_and(|s| s > 100) {
            return Err(anyhow!(
                "invalid --memory-swappiness: must be between 0 and 100"
            ));
        }
        let set = [
            (r.blkio_weight.is_some(), "--blkio-weight"),
            (
                device("blkio-weight-device", &r.blkio_weight_device, false)?,
                "--blkio-weight-device",
            ),
            (r.cpu_period.is_some(), "--cpu-period"),
            (r.cpu_quota.is_some(), "--cpu-quota"),
            (r.cpu_rt_period.is_some(), "--cpu-rt-period"),
            (r.cpu_rt_runtime.is_some(), "--cpu-rt-runtime"),
            (r.cpu_shares.is_some(), "--cpu-shares"),
            (r.cpuset_cpus.is_some(), "--cpuset-cpus"),
            (r.cpuset_mems.is_some(), "--cpuset-mems"),
            (
                device("device-read-bps", &r.device_read_bps, true)?,
                "--device-read-bps",
            ),
            (
                device("device-read-iops", &r.device_read_iops, false)?,
                "--device-read-iops",
            ),
            (
                device("device-write-bps", &r.device_write_bps, true)?,
                "--device-write-bps",
            ),
            (
                device("device-write-iops", &r.device_write_iops, false)?,
                "--device-write-iops",
            ),
            (
                size("memory-reservation", &r.memory_reservation)?,
                "--memory-reservation",
            ),
            (size("memory-swap", &r.memory_swap)?, "--memory-swap"),
            (r.memory_swappiness.is_some(), "--memory-swappiness"),
            (size("kernel-memory", &r.kernel_memory)?, "--kernel-memory"),
            (r.oom_kill_disable, "--oom-kill-disable"),
        ];
        Ok(set.iter().filter(|(s, _)| *s).map(|(_, f)| *f).collect())
    }
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Run in the background and print the container ID
    #[arg(short, long)]
    pub detach: bool,
    /// Key sequence for detaching (default ctrl-p,ctrl-q)
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Pass file descriptors 3 to 3+N-1 of cove on to the container's process
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    #[command(flatten)]
    pub create: CreateArgs,
}

fn platform(a: &CreateArgs) -> anyhow::Result<Platform> {
    Ok(Platform::from_flags(
        a.platform.as_deref(),
        a.os.as_deref(),
        a.arch.as_deref(),
        a.variant.as_deref(),
    )?)
}

/// The image's ID, pulling it according to the policy.
fn ensure_image(ctx: &Ctx, a: &CreateArgs) -> anyhow::Result<String> {
    let policy: PullPolicy = a.pull.parse()?;
    let store = ctx.store()?;
    crate::image::pull::ensure(&store, &a.image, policy, || {
        let req = PullRequest {
            image: a.image.clone(),
            platform: platform(a)?,
            connect: crate::registry::client::ConnectOptions {
                tls_verify: crate::registry::client::TlsFlag(a.tls_verify),
                creds: None,
                auth_files: ctx.auth_files(a.authfile.as_ref()),
                cert_dir: None,
            },
            rootless: ctx.rootless(),
        };
        ctx.pull(&req, a.quiet)
    })
}

/// The flags as a typed request; files named by flags are read here, at the edge.
fn request(a: &CreateArgs) -> anyhow::Result<CreateRequest> {
    let health_duration = |flag, v: &Option<String>| {
        v.as_deref()
            .map(|d| create::parse_health_duration(flag, d))
            .transpose()
    };
    let no_health = a.no_healthcheck || a.health_cmd.as_deref() == Some("none");
    let mut mounts = Vec::new();
    for v in &a.volume {
        mounts.push(flags::parse_volume(v)?);
    }
    for t in &a.tmpfs {
        mounts.push(flags::parse_tmpfs(t)?);
    }
    for m in &a.mount {
        mounts.push(flags::parse_mount(m)?);
    }
    for d in &a.device {
        mounts.push(flags::parse_device(d)?);
    }
    let mut labels = Vec::new();
    for f in &a.label_file {
        let text = std::fs::read_to_string(f)
            .map_err(|e| anyhow!("reading the --label-file {}: {e}", f.display()))?;
        labels.extend(flags::parse_label_file(&text));
    }
    labels.extend(flags::key_values(&a.labels));
    // A unit from `generate systemd` or quadlet names itself in this variable; the label
    // lets auto-update restart the unit, as Podman does. A label given wins.
    if let Ok(unit) = std::env::var(crate::systemd::generate::UNIT_VARIABLE) {
        let key = crate::systemd::generate::UNIT_VARIABLE;
        if !labels.iter().any(|(k, _)| k == key) {
            labels.push((key.to_string(), unit));
        }
    }
    // Paths named by flags are the caller's: made absolute before cove runs elsewhere.
    let absolute = |p: &PathBuf| std::path::absolute(p).unwrap_or_else(|_| p.clone());
    let mut publish = Vec::new();
    for p in &a.publish {
        publish.extend(crate::network::ports::parse_publish(p)?);
    }
    let mut expose = Vec::new();
    for e in &a.expose {
        crate::network::ports::parse_exposed(e)?;
        expose.push(if e.contains('/') {
            e.clone()
        } else {
            format!("{e}/tcp")
        });
    }
    let mut dns = Vec::new();
    for d in &a.dns {
        dns.push(d.parse().map_err(|_| CreateError::Dns(d.clone()))?);
    }
    Ok(CreateRequest {
        name: a.name.clone(),
        image: a.image.clone(),
        entrypoint: a.entrypoint.as_ref().map(|e| {
            // `--entrypoint ""` clears it, as in Docker.
            if e.is_empty() {
                Vec::new()
            } else {
                vec![e.clone()]
            }
        }),
        command: (!a.command.is_empty()).then(|| a.command.clone()),
        env_host: a.env_host,
        env_files: env_file_entries(&a.env_file)?,
        env: a.env.clone(),
        labels: labels.into_iter().collect(),
        working_dir: a.workdir.clone(),
        user: a.user.clone(),
        hostname: a.hostname.clone(),
        tty: a.tty,
        // `-a stdin` opens it, as Docker does.
        interactive: a.interactive || a.more.attached()?.0,
        stop_signal: a
            .stop_signal
            .as_deref()
            .map(str::parse)
            .transpose()
            .map_err(CreateError::from)?,
        stop_timeout: a.stop_timeout,
        auto_remove: a.rm,
        read_only: a.read_only,
        privileged: a.privileged,
        init: a.init,
        cap_add: a.cap_add.clone(),
        cap_drop: a.cap_drop.clone(),
        security: flags::SecurityOptions::parse(&a.security_opt)?,
        network: a
            .network
            .as_deref()
            .map(|n| NetworkMode::parse(n, crate::container::network::DEFAULT_MODE))
            .transpose()?,
        network_aliases: a.network_alias.clone(),
        ip: a
            .ip
            .as_deref()
            .map(|ip| ip.parse().map_err(|_| CreateError::Ip(ip.to_string())))
            .transpose()?,
        publish,
        publish_all: a.publish_all,
        expose,
        dns,
        dns_search: a.dns_search.clone(),
        dns_options: a.dns_option.clone(),
        add_hosts: a.add_host.clone(),
        no_hosts: a.no_hosts,
        mac_address: a.mac_address.clone(),
        runtime: a.runtime.clone(),
        log_size_max: flags::parse_log_opts(&a.log_opt)?,
        mounts,
        ulimits: a
            .ulimit
            .iter()
            .map(|u| flags::parse_ulimit(u))
            .collect::<Result<_, _>>()?,
        shm_size: a.shm_size.as_deref().map(flags::parse_size).transpose()?,
        userns: a.userns.as_deref().map(str::parse).transpose()?,
        restart: a.restart.as_deref().unwrap_or("no").parse()?,
        health: HealthRequest {
            disabled: no_health,
            test: a
                .health_cmd
                .as_deref()
                .filter(|_| !no_health)
                .map(flags::health_test),
            interval: health_duration("health-interval", &a.health_interval)?,
            timeout: health_duration("health-timeout", &a.health_timeout)?,
            start_period: health_duration("health-start-period", &a.health_start_period)?,
            retries: a.health_retries,
            on_failure: a
                .health_on_failure
                .as_deref()
                .map(|s| s.parse().map_err(CreateError::OnFailure))
                .transpose()?,
        },
        resources: a.resources.limits()?,
        annotations: a
            .annotation
            .iter()
            .map(|s| flags::parse_annotation(s))
            .collect::<Result<_, _>>()?,
        unsetenv: a.unsetenv.clone(),
        unsetenv_all: a.unsetenv_all,
        umask: a.umask.as_deref().map(flags::parse_umask).transpose()?,
        group_add: a.group_add.clone(),
        timezone: a.tz.clone(),
        cidfile: a.cidfile.as_ref().map(absolute),
        pidfile: a
            .pidfile
            .as_ref()
            .map(|p| absolute(p).display().to_string()),
        http_proxy: a.http_proxy,
        read_only_tmpfs: a.read_only_tmpfs,
        log_driver: a.log_driver.as_deref().unwrap_or_default().parse()?,
        init_path: a
            .init_path
            .as_ref()
            .map(|p| absolute(p).display().to_string()),
        volumes_from: a.volumes_from.clone(),
        secrets: a
            .secret
            .iter()
            .map(|s| crate::container::secrets::parse(s))
            .collect::<Result<_, _>>()?,
        platform: Some(platform(a)?),
        ipc: namespace(Kind::Ipc, &a.ipc)?,
        uts: namespace(Kind::Uts, &a.uts)?,
        pid: namespace(Kind::Pid, &a.pid)?,
        cgroupns: namespace(Kind::Cgroup, &a.cgroupns)?,
        sysctls: a
            .sysctl
            .iter()
            .map(|s| namespaces::parse_sysctl(s))
            .collect::<Result<_, _>>()
            .map_err(CreateError::from)?,
        sdnotify: Mode::parse(&a.sdnotify).unwrap_or_default(),
        replace: a.replace,
        create_command: crate::cli::argv::create_command(std::env::args_os()),
        pod: match &a.pod_id_file {
            Some(f) => Some(
                std::fs::read_to_string(f)
                    .map_err(|e| anyhow!("reading the pod id file {}: {e}", f.display()))?
                    .trim()
                    .to_string(),
            ),
            None => a.pod.clone(),
        },
        more: a.more.options(&a.image)?,
        ..CreateRequest::default()
    })
}

fn namespace(kind: Kind, v: &Option<String>) -> Result<Option<NamespaceMode>, CreateError> {
    v.as_deref()
        .map(|s| NamespaceMode::parse(kind, s))
        .transpose()
        .map_err(CreateError::from)
}

fn create_container(ctx: &Ctx, a: &CreateArgs) -> Result<(Engine, Container), Failure> {
    let req = request(a)?;
    req.log_driver.check_caller_stdio()?;
    // containers.conf fills in what the flags leave unset.
    let defaults = Defaults::from_conf(&ctx.containers_conf()?, host_env())?;
    let engine = ctx.engine()?;
    // Checked before pulling: a typo should not cost a download.
    engine.check_create(&req, &defaults)?;
    let req = CreateRequest {
        // With --rootfs the "image" is a directory: nothing to pull.
        image_id: if req.more.rootfs.is_some() {
            String::new()
        } else {
            ensure_image(ctx, a)?
        },
        ..req
    };
    let c = engine.create(req, &defaults).map_err(|e| match e {
        ContainerError::Db(crate::storage::db::DbError::NameInUse(name)) => {
            // Podman's words, naming the container that holds the name.
            let holder = engine.lookup(&name).map(|c| c.id).unwrap_or_default();
            Failure {
                code: crate::cli::EXIT_FAILURE,
                error: anyhow!(
                    "creating container storage: the container name {name:?} is already in use by {holder}. You have to remove that container to be able to reuse that name: that name is already in use"
                ),
            }
        }
        other => other.into(),
    })?;
    let c = engine.lookup(&c.id)?;
    Ok((engine, c))
}

pub fn create(ctx: &Ctx, a: CreateArgs) -> CmdResult {
    let (_, c) = create_container(ctx, &a)?;
    println!("{}", c.id);
    Ok(0)
}

pub fn run(ctx: &Ctx, a: RunArgs) -> CmdResult {
    let (_, stdout, stderr) = a.create.more.attached()?;
    if a.detach && !a.create.more.attach.is_empty() {
        return Err(anyhow!("the --detach and --attach options cannot be used together").into());
    }
    let streams = Streams {
        stdout,
        stderr,
        sig_proxy: a.create.more.sig_proxy,
    };
    let log_driver: create::LogDriver =
        a.create.log_driver.as_deref().unwrap_or_default().parse()?;
    let passthrough = log_driver == create::LogDriver::Passthrough;
    if passthrough && !a.create.more.attach.is_empty() {
        return Err(anyhow!(
            "cannot specify --attach with --log-driver=passthrough: invalid argument"
        )
        .into());
    }
    crate::container::options::check_preserve_fds(a.preserve_fds)?;
    let (mut engine, mut c) = create_container(ctx, &a.create)?;
    if a.preserve_fds > 0 {
        engine.preserve_fds = Some((c.id.clone(), a.preserve_fds));
    }
    // In the foreground, `run` removes a --rm container itself (below): its claim spares
    // the shim's exit command, unless this process goes first.
    let started = match crate::cli::sdnotify::before_start(&mut c) {
        Ok(()) if a.detach => engine
            .start(&mut c, false)
            .map(|sock| (sock, None))
            .map_err(start_failure),
        Ok(()) => engine.start_attached(&mut c).map_err(start_failure),
        Err(e) => Err(e.into()),
    };
    if started.is_err() && c.config.auto_remove {
        // --rm: a container that never ran leaves nothing behind either.
        let _ = engine.remove(&mut c, true, true);
    }
    let (sock, _claim) = started?;
    crate::cli::sdnotify::after_start(&c)?;
    if a.detach {
        // The container's output may go where the ID would (Podman prints none).
        if !passthrough {
            println!("{}", c.id);
        }
        return Ok(0);
    }
    let sock = sock.ok_or_else(|| anyhow!("container {} did not start", c.name))?;
    let code = attach_until_exit(&engine, &mut c, &sock, &a.detach_keys, streams)?;
    // The shim cleans up too; doing it here means `run --rm` returns with the container
    // already gone, as Docker users expect.
    // (Only the shim's cleanup applies a restart policy: `run` returns with the exit.)
    engine.cleanup(&c.id)?;
    Ok(code)
}
