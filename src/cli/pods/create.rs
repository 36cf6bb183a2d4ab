//! `pod create` and `pod clone`, with the pod-wide options they share (`PodWideArgs`):
//! what the infra container holds and what every member inherits.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;

use super::failure;
use crate::cli::{CmdResult, Ctx};
use crate::container::create::ResourceLimits;
use crate::container::flags::{self, key_values};
use crate::container::namespaces::{self, Kind, NamespaceMode};
use crate::container::{CreateError, CreateRequest, Defaults, Userns};
use crate::network::NetworkMode;
use crate::pod::{self, ops, CreatePod, ExitPolicy, Namespace};

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// Assign a name to the pod
    #[arg(short, long)]
    pub name: Option<String>,
    /// Set the pod's hostname (shared by its members)
    #[arg(long)]
    pub hostname: Option<String>,
    /// Set metadata on the pod (KEY=VALUE)
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Read labels from a file of KEY=VALUE lines
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,
    /// Namespaces the members share (ipc, net, uts, pid, cgroup; none; +ns adds to the default)
    #[arg(long, default_value = "ipc,net,uts")]
    pub share: String,
    /// Create an infra container holding the shared namespaces
    #[arg(long, default_value = "true", num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub infra: bool,
    /// Image the infra container runs (default: cove's pause image, built locally)
    #[arg(long, value_name = "IMAGE")]
    pub infra_image: Option<String>,
    /// Command the infra container runs
    #[arg(long, value_name = "COMMAND")]
    pub infra_command: Option<String>,
    /// Name of the infra container
    #[arg(long, value_name = "NAME")]
    pub infra_name: Option<String>,
    /// The pod's network mode (shared by its members)
    #[arg(long, visible_alias = "net")]
    pub network: Option<String>,
    /// Publish a port of the pod to the host
    #[arg(short, long, value_name = "[IP:][HOSTPORT:]PORT[/PROTO]")]
    pub publish: Vec<String>,
    /// Set custom DNS servers
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// Set custom DNS options
    #[arg(long, value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Set custom DNS search domains
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// Add a custom host-to-IP mapping (host:ip)
    #[arg(long, value_name = "HOST:IP")]
    pub add_host: Vec<String>,
    /// Do not create /etc/hosts for the pod
    #[arg(long)]
    pub no_hosts: bool,
    /// The pod's IPv4 address on a user-defined network
    #[arg(long)]
    pub ip: Option<String>,
    /// The pod's MAC address
    #[arg(long)]
    pub mac_address: Option<String>,
    /// Network-scoped aliases of the pod
    #[arg(long)]
    pub network_alias: Vec<String>,
    /// What the pod does when its last container exits (continue, stop)
    #[arg(long, default_value = "continue")]
    pub exit_policy: String,
    /// Write the pod ID to this file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,
    /// Replace a pod of the same name
    #[arg(long)]
    pub replace: bool,
    /// The pod's IPv6 address (cove's networks are IPv4 only)
    #[arg(long, value_name = "ADDRESS")]
    pub ip6: Option<String>,
    /// Make the pod's cgroup the parent of its containers' (accepted: cove makes no
    /// cgroups, as Podman without them)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub share_parent: Option<bool>,
    #[command(flatten)]
    pub wide: PodWideArgs,
    /// The pod's name (as --name)
    #[arg(value_name = "NAME")]
    pub pod_name: Option<String>,
}

/// Options `pod create` and `pod clone` share: Podman applies them to the infra
/// container, and the volumes, devices and security options to every member too.
#[derive(Args, Debug, Default)]
pub struct PodWideArgs {
    /// User namespace of the pod: host or keep-id (its containers join the infra's)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Bind mount a volume into every container of the pod
    #[arg(short, long, value_name = "HOST-DIR:CONTAINER-DIR[:OPTIONS]")]
    pub volume: Vec<String>,
    /// Mount the volumes of a container into every container of the pod
    #[arg(long, value_name = "CONTAINER[:ro|rw]")]
    pub volumes_from: Vec<String>,
    /// Bind a host device into every container of the pod
    #[arg(long, value_name = "HOST[:CONTAINER][:PERMISSIONS]")]
    pub device: Vec<String>,
    /// Security options of every container of the pod
    #[arg(long, value_name = "OPTION")]
    pub security_opt: Vec<String>,
    /// Size of the pod's /dev/shm, which its containers share
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,
    /// Namespaced kernel parameters of the pod (KEY=VALUE)
    #[arg(long, value_name = "KEY=VALUE")]
    pub sysctl: Vec<String>,
    /// PID namespace of the pod's infra container (host, private, ns:PATH)
    #[arg(long, value_name = "MODE")]
    pub pid: Option<String>,
    /// UTS namespace of the pod's infra container (host, private, ns:PATH)
    #[arg(long, value_name = "MODE")]
    pub uts: Option<String>,
    /// Write the PID of the infra container's shim to this file
    #[arg(long, value_name = "FILE")]
    pub infra_conmon_pidfile: Option<PathBuf>,
    /// UID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)
    #[arg(long, value_name = "MAP")]
    pub uidmap: Vec<String>,
    /// GID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)
    #[arg(long, value_name = "MAP")]
    pub gidmap: Vec<String>,
    /// Name of a range in /etc/subuid for the user namespace
    #[arg(long, value_name = "NAME")]
    pub subuidname: Option<String>,
    /// Name of a range in /etc/subgid for the user namespace
    #[arg(long, value_name = "NAME")]
    pub subgidname: Option<String>,
    /// CPUs of the pod (needs a delegated cgroup)
    #[arg(long, value_name = "N")]
    pub cpus: Option<String>,
    /// Memory limit of the pod (needs a delegated cgroup)
    #[arg(short, long, value_name = "BYTES")]
    pub memory: Option<String>,
    /// Memory plus swap limit of the pod, -1 for unlimited (needs a delegated cgroup)
    #[arg(long, value_name = "BYTES", allow_hyphen_values = true)]
    pub memory_swap: Option<String>,
    /// CPU shares of the pod (needs a delegated cgroup)
    #[arg(short = 'c', long, value_name = "SHARES")]
    pub cpu_shares: Option<u64>,
    /// CPUs the pod may use, e.g. 0-3 (needs a delegated cgroup)
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,
    /// Memory nodes the pod may use (needs a delegated cgroup)
    #[arg(long, value_name = "NODES")]
    pub cpuset_mems: Option<String>,
    /// Block IO weight, 10 to 1000 (needs a delegated cgroup)
    #[arg(long, value_name = "WEIGHT")]
    pub blkio_weight: Option<u16>,
    /// Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)
    #[arg(long, value_name = "DEVICE:WEIGHT")]
    pub blkio_weight_device: Vec<String>,
    /// Read rate limit of a device (DEVICE:RATE; needs a delegated cgroup)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_read_bps: Vec<String>,
    /// Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_write_bps: Vec<String>,
    /// Parent cgroup of the pod (needs a delegated cgroup v2 hierarchy)
    #[arg(long, value_name = "PATH")]
    pub cgroup_parent: Option<String>,
}

impl PodWideArgs {
    /// Into the request, checked for syntax (what cannot work here is refused by the
    /// engine, with `run`'s words).
    fn apply(&self, r: &mut CreatePod) -> anyhow::Result<()> {
        if let Some(u) = &self.userns {
            r.userns = u.parse::<Userns>()?;
        }
        for v in &self.volume {
            r.inherit.mounts.push(flags::parse_volume(v)?);
        }
        for d in &self.device {
            r.inherit.mounts.push(flags::parse_device(d)?);
        }
        r.inherit.volumes_from = self.volumes_from.clone();
        flags::SecurityOptions::parse(&self.security_opt)?;
        r.inherit.security_opt = self.security_opt.clone();
        let infra = &mut r.infra_request;
        infra.shm_size = self
            .shm_size
            .as_deref()
            .map(flags::parse_size)
            .transpose()?;
        for s in &self.sysctl {
            let (k, v) = namespaces::parse_sysctl(s).map_err(CreateError::from)?;
            infra.sysctls.insert(k, v);
        }
        let mode = |kind, v: &Option<String>| {
            v.as_deref()
                .map(|s| NamespaceMode::parse(kind, s))
                .transpose()
                .map_err(CreateError::from)
        };
        infra.pid = mode(Kind::Pid, &self.pid)?;
        infra.uts = mode(Kind::Uts, &self.uts)?;
        infra.more.conmon_pidfile = self
            .infra_conmon_pidfile
            .as_ref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
            .map(|p| p.display().to_string());
        infra.more.uidmap = self.uidmap.clone();
        infra.more.gidmap = self.gidmap.clone();
        infra.more.subuidname = self.subuidname.clone();
        infra.more.subgidname = self.subgidname.clone();
        if infra.more.maps_ids() {
            if self.userns.is_some() {
                return Err(crate::container::idmap::IdMapError::Exclusive.into());
            }
            r.userns = Userns::Private;
        }
        infra.more.cgroup_parent = self.cgroup_parent.clone();
        infra.resources = self.resources()?;
        Ok(())
    }

    fn resources(&self) -> anyhow::Result<ResourceLimits> {
        let size = |flag: &str, v: &Option<String>| -> anyhow::Result<bool> {
            match v.as_deref() {
                None => Ok(false),
                Some("-1") => Ok(true),
                Some(s) => flags::parse_size(s)
                    .map(|_| true)
                    .map_err(|_| anyhow!("invalid --{flag} {s:?}: not a size")),
            }
        };
        if self.blkio_weight.is_some_and(|w| !(10..=1000).contains(&w)) {
            return Err(anyhow!(
                "invalid --blkio-weight: must be between 10 and 1000"
            ));
        }
        for (flag, values) in [
            ("blkio-weight-device", &self.blkio_weight_device),
            ("device-read-bps", &self.device_read_bps),
            ("device-write-bps", &self.device_write_bps),
        ] {
            if let Some(v) = values
                .iter()
                .find(|v| !v.starts_with('/') || !v.contains(':'))
            {
                return Err(anyhow!("invalid --{flag} {v:?}: use DEVICE:VALUE"));
            }
        }
        let other = [
            (self.cpu_shares.is_some(), "--cpu-shares"),
            (self.cpuset_cpus.is_some(), "--cpuset-cpus"),
            (self.cpuset_mems.is_some(), "--cpuset-mems"),
            (self.blkio_weight.is_some(), "--blkio-weight"),
            (
                !self.blkio_weight_device.is_empty(),
                "--blkio-weight-device",
            ),
            (!self.device_read_bps.is_empty(), "--device-read-bps"),
            (!self.device_write_bps.is_empty(), "--device-write-bps"),
            (size("memory-swap", &self.memory_swap)?, "--memory-swap"),
        ];
        Ok(ResourceLimits {
            memory: self.memory.as_deref().map(flags::parse_size).transpose()?,
            cpus: self
                .cpus
                .as_deref()
                .map(|v| {
                    v.parse()
                        .map_err(|_| anyhow!("invalid --cpus {v:?}: not a number"))
                })
                .transpose()?,
            pids_limit: None,
            other: other
                .into_iter()
                .filter(|(s, _)| *s)
                .map(|(_, f)| f)
                .collect(),
        })
    }
}

/// `--label-file`s, then `--label`s (later wins).
fn labels(files: &[PathBuf], given: &[String]) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for f in files {
        let text = std::fs::read_to_string(f)
            .map_err(|e| anyhow!("reading the --label-file {}: {e}", f.display()))?;
        out.extend(flags::parse_label_file(&text));
    }
    out.extend(key_values(given));
    Ok(out)
}

fn pod_request(a: &CreateArgs) -> anyhow::Result<CreatePod> {
    let mut publish = Vec::new();
    for p in &a.publish {
        publish.extend(crate::network::ports::parse_publish(p)?);
    }
    let mut dns = Vec::new();
    for d in &a.dns {
        dns.push(d.parse().map_err(|_| CreateError::Dns(d.clone()))?);
    }
    let name = match (&a.name, &a.pod_name) {
        (Some(_), Some(_)) => {
            return Err(anyhow!("cannot specify --name and NAME at the same time"))
        }
        (n, p) => n.clone().or_else(|| p.clone()),
    };
    Ok(CreatePod {
        name,
        hostname: a.hostname.clone(),
        labels: labels(&a.label_file, &a.labels)?,
        share: Some(Namespace::parse_list(&a.share)?).filter(|_| a.share != "ipc,net,uts"),
        infra: a.infra,
        infra_image: None,
        infra_command: a.infra_command.as_deref().map(infra_command),
        infra_name: a.infra_name.clone(),
        infra_request: CreateRequest {
            network: a
                .network
                .as_deref()
                .map(|n| NetworkMode::parse(n, crate::container::network::DEFAULT_MODE))
                .transpose()?,
            publish,
            dns,
            dns_search: a.dns_search.clone(),
            dns_options: a.dns_option.clone(),
            add_hosts: a.add_host.clone(),
            no_hosts: a.no_hosts,
            ip: a
                .ip
                .as_deref()
                .map(|ip| ip.parse().map_err(|_| CreateError::Ip(ip.to_string())))
                .transpose()?,
            mac_address: a.mac_address.clone(),
            network_aliases: a.network_alias.clone(),
            ..CreateRequest::default()
        },
        exit_policy: a.exit_policy.parse::<ExitPolicy>()?,
        userns: Default::default(),
        inherit: Default::default(),
        replace: a.replace,
        create_command: crate::cli::argv::pod_command_line(std::env::args_os()),
    })
    .and_then(|mut r| {
        r.infra_request.more.ip6 = a.ip6.clone();
        a.wide.apply(&mut r)?;
        Ok(r)
    })
}

fn defaults(ctx: &Ctx) -> anyhow::Result<Defaults> {
    Ok(Defaults::from_conf(&ctx.containers_conf()?, Vec::new())?)
}

pub fn create(ctx: &Ctx, a: CreateArgs) -> CmdResult {
    let mut req = pod_request(&a)?;
    if let Some(path) = &a.pod_id_file {
        if path.exists() {
            return Err(anyhow!(
                "pod id file exists. Ensure another pod is not using it or delete {}",
                path.display()
            )
            .into());
        }
    }
    let engine = ctx.engine()?;
    if let Some(image) = &a.infra_image {
        let store = ctx.store()?;
        let id = crate::image::pull::ensure(
            &store,
            image,
            crate::image::pull::PullPolicy::Missing,
            || {
                let req = crate::image::pull::PullRequest {
                    image: image.clone(),
                    platform: crate::image::platform::Platform::host(),
                    connect: ctx.default_connect(),
                    rootless: ctx.rootless(),
                };
                ctx.pull(&req, false)
            },
        )?;
        req.infra_image = Some((image.clone(), id));
    }
    let p = ops::create(&engine, req, &defaults(ctx)?)?;
    if let Some(path) = &a.pod_id_file {
        std::fs::write(path, &p.id)
            .map_err(|e| anyhow!("writing the pod id file {}: {e}", path.display()))?;
    }
    println!("{}", p.id);
    Ok(0)
}

#[derive(Args, Debug)]
pub struct CloneArgs {
    /// Remove the original pod
    #[arg(long)]
    pub destroy: bool,
    /// Name of the new pod (default: NAME-clone)
    #[arg(short, long)]
    pub name: Option<String>,
    /// Start the new pod
    #[arg(long)]
    pub start: bool,
    /// Set the new pod's hostname
    #[arg(long)]
    pub hostname: Option<String>,
    /// Add metadata to the new pod (KEY=VALUE)
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Read labels from a file of KEY=VALUE lines
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,
    /// Command the new infra container runs
    #[arg(long, value_name = "COMMAND")]
    pub infra_command: Option<String>,
    /// Name of the new infra container
    #[arg(long, value_name = "NAME")]
    pub infra_name: Option<String>,
    #[command(flatten)]
    pub wide: PodWideArgs,
    /// The pod to clone (name or ID)
    pub pod: String,
}

pub fn clone(ctx: &Ctx, a: CloneArgs) -> CmdResult {
    let mut with = CreatePod {
        name: a.name.clone(),
        hostname: a.hostname.clone(),
        labels: labels(&a.label_file, &a.labels)?,
        infra_command: a.infra_command.as_deref().map(infra_command),
        infra_name: a.infra_name.clone(),
        create_command: crate::cli::argv::pod_command_line(std::env::args_os()),
        ..CreatePod::default()
    };
    a.wide.apply(&mut with)?;
    let engine = ctx.engine()?;
    let source = pod::find(&engine.store, &a.pod).map_err(failure)?;
    let new = pod::clone::clone(&engine, &source, with, a.destroy, &defaults(ctx)?)?;
    if a.start {
        ops::start(&engine, &new)?;
    }
    println!("{}", new.id);
    Ok(0)
}

/// Podman takes a JSON array or a single command.
fn infra_command(c: &str) -> Vec<String> {
    serde_json::from_str::<Vec<String>>(c).unwrap_or_else(|_| vec![c.to_string()])
}
