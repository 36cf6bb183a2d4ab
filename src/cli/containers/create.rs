//! `create` and `run`: flags to a container, then start and attach.

use super::*;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::container::health::HealthConfig;
use crate::container::restart::{PolicyName, RestartPolicy};
use crate::container::{
    Container, ContainerConfig, ContainerError, CreateRequest, Engine, MountSpec,
};
use crate::image::platform::Platform;
use crate::image::pull::{PullPolicy, PullRequest};
use anyhow::{anyhow, bail, Context};
use clap::Args;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct CreateArgs {
    /// Assign a name to the container
    #[arg(long)]
    pub name: Option<String>,
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
    /// Memory limit (needs a delegated cgroup)
    #[arg(short, long, value_name = "BYTES")]
    pub memory: Option<String>,
    /// Number of CPUs (needs a delegated cgroup)
    #[arg(long, value_name = "NUMBER")]
    pub cpus: Option<String>,
    /// Process limit (needs a delegated cgroup)
    #[arg(long, value_name = "N")]
    pub pids_limit: Option<String>,
    /// Remove an existing container of the same --name first, even a running one
    #[arg(long)]
    pub replace: bool,
    /// Under systemd ($NOTIFY_SOCKET): who reports readiness, the container's own
    /// process (container), cove once it runs (conmon), or nobody (ignore)
    #[arg(long, value_name = "MODE", default_value = "container", value_parser = ["container", "conmon", "ignore"])]
    pub sdnotify: String,
    /// Image to run
    pub image: String,
    /// Command and arguments
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Run in the background and print the container ID
    #[arg(short, long)]
    pub detach: bool,
    /// Key sequence for detaching (default ctrl-p,ctrl-q)
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    #[command(flatten)]
    pub create: CreateArgs,
}

/// Resource limits need cgroups the user may write; nothing here delegates them.
fn refuse_resource_limits(a: &CreateArgs) -> anyhow::Result<()> {
    let asked: Vec<&str> = [
        (a.memory.is_some(), "--memory"),
        (a.cpus.is_some(), "--cpus"),
        (a.pids_limit.is_some(), "--pids-limit"),
    ]
    .iter()
    .filter(|(set, _)| *set)
    .map(|(_, f)| *f)
    .collect();
    if !asked.is_empty() && !crate::container::spec::cgroups_delegated() {
        bail!(
            "{}: resource limits need a cgroup v2 hierarchy delegated to your user (this \
             system has none; on systemd machines run under a user session with \
             delegation)",
            asked.join(", ")
        );
    }
    Ok(())
}

/// The image's ID, pulling it according to the policy.
fn ensure_image(ctx: &Ctx, image: &str, policy: &str) -> anyhow::Result<String> {
    let policy: PullPolicy = policy.parse()?;
    let store = ctx.store()?;
    crate::image::pull::ensure(&store, image, policy, || {
        let req = PullRequest {
            image: image.to_string(),
            platform: Platform::from_flags(None, None, None, None)?,
            connect: ctx.default_connect(),
            rootless: ctx.rootless(),
        };
        ctx.pull(&req, false)
    })
}

fn parse_size(s: &str) -> anyhow::Result<u64> {
    let s = s.trim().to_ascii_lowercase();
    let (num, mult) = match s.trim_end_matches('b').chars().last() {
        Some('k') => (&s[..s.trim_end_matches('b').len() - 1], 1024),
        Some('m') => (&s[..s.trim_end_matches('b').len() - 1], 1024 * 1024),
        Some('g') => (&s[..s.trim_end_matches('b').len() - 1], 1024 * 1024 * 1024),
        _ => (s.trim_end_matches('b'), 1),
    };
    let n: u64 = num.parse().map_err(|_| anyhow!("invalid size {s:?}"))?;
    Ok(n * mult)
}

fn parse_volume(spec: &str) -> anyhow::Result<MountSpec> {
    let parts: Vec<&str> = spec.split(':').collect();
    let (src, dst, opts) = match parts.as_slice() {
        [s, d] => (*s, *d, ""),
        [s, d, o] => (*s, *d, *o),
        _ => bail!("invalid volume {spec:?}: use HOST-DIR:CONTAINER-DIR[:OPTIONS]"),
    };
    if !dst.starts_with('/') {
        bail!("invalid volume {spec:?}: the container path must be absolute");
    }
    let named = !src.starts_with('/');
    if named {
        crate::volume::validate_name(src)?;
    } else if !std::path::Path::new(src).exists() {
        bail!("{src}: no such file or directory (bind mount source must exist)");
    }
    let mut options = if named {
        Vec::new()
    } else {
        vec!["rbind".to_string()]
    };
    let mut mode = "rw";
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        match o {
            "ro" | "rw" => mode = o,
            "nocopy" if named => options.push(o.to_string()),
            // Podman's :U, done at start: the source is chowned to the container's user.
            "U" => options.push(o.to_string()),
            // SELinux relabelling and propagation have no effect here.
            "z" | "Z" | "private" | "rprivate" | "shared" | "slave" | "rslave" => {}
            other => bail!("invalid volume option {other:?} in {spec:?}"),
        }
    }
    options.push(mode.to_string());
    Ok(MountSpec {
        kind: if named { "volume" } else { "bind" }.into(),
        source: src.to_string(),
        destination: dst.to_string(),
        options,
    })
}

/// `--ulimit nofile=1024[:2048]`.
fn parse_ulimit(spec: &str) -> anyhow::Result<crate::container::Ulimit> {
    let (kind, values) = spec
        .split_once('=')
        .ok_or_else(|| anyhow!("invalid --ulimit {spec:?}: use TYPE=SOFT[:HARD]"))?;
    let typ = crate::container::spec::rlimit_type(kind)
        .ok_or_else(|| anyhow!("invalid --ulimit {spec:?}: unknown type {kind:?}"))?;
    let num = |v: &str| -> anyhow::Result<u64> {
        if v == "-1" || v == "unlimited" {
            return Ok(u64::MAX);
        }
        v.parse()
            .map_err(|_| anyhow!("invalid --ulimit {spec:?}: {v:?} is not a number"))
    };
    let (soft, hard) = match values.split_once(':') {
        Some((s, h)) => (num(s)?, num(h)?),
        None => (num(values)?, num(values)?),
    };
    if soft > hard {
        bail!("invalid --ulimit {spec:?}: the soft limit exceeds the hard limit");
    }
    Ok(crate::container::Ulimit {
        kind: serde_json::to_value(typ)?
            .as_str()
            .unwrap_or_default()
            .to_string(),
        soft,
        hard,
    })
}

/// Docker's `--mount type=bind,source=/a,target=/b,readonly`.
fn parse_mount(spec: &str) -> anyhow::Result<MountSpec> {
    let mut kind = "volume".to_string();
    let (mut source, mut target) = (String::new(), String::new());
    let mut read_only = false;
    let mut extra = Vec::new();
    for part in spec.split(',') {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k {
            "type" => kind = v.to_string(),
            "source" | "src" => source = v.to_string(),
            "target" | "destination" | "dst" => target = v.to_string(),
            "readonly" | "ro" => read_only = v.is_empty() || v == "true" || v == "1",
            "tmpfs-size" => extra.push(format!("size={v}")),
            "tmpfs-mode" => extra.push(format!("mode={v}")),
            "bind-propagation" | "relabel" | "consistency" | "volume-nocopy" => {}
            _ => bail!("invalid --mount {spec:?}: unknown option {k:?}"),
        }
    }
    if target.is_empty() {
        bail!("invalid --mount {spec:?}: target is required");
    }
    let mode = if read_only { "ro" } else { "rw" };
    match kind.as_str() {
        "bind" | "volume" => {
            if source.is_empty() {
                bail!("invalid --mount {spec:?}: source is required");
            }
            parse_volume(&format!("{source}:{target}:{mode}"))
        }
        "tmpfs" => {
            let mut opts = extra;
            opts.push(mode.to_string());
            parse_tmpfs(&format!("{target}:{}", opts.join(",")))
        }
        other => bail!("invalid --mount {spec:?}: unsupported type {other:?}"),
    }
}

fn parse_tmpfs(spec: &str) -> anyhow::Result<MountSpec> {
    let (dst, opts) = spec.split_once(':').unwrap_or((spec, ""));
    if !dst.starts_with('/') {
        bail!("invalid --tmpfs {spec:?}: the path must be absolute");
    }
    let mut options = vec!["nosuid".to_string(), "nodev".to_string()];
    options.extend(
        opts.split(',')
            .filter(|o| !o.is_empty())
            .map(str::to_string),
    );
    Ok(MountSpec {
        kind: "tmpfs".into(),
        source: "tmpfs".into(),
        destination: dst.to_string(),
        options,
    })
}

/// Merge the image config with the flags, the way Docker does.
fn build_config(ctx: &Ctx, a: &CreateArgs, image_id: &str) -> anyhow::Result<ContainerConfig> {
    let store = ctx.store()?;
    let img = store.find(image_id)?;
    let image_cfg: Value = serde_json::from_slice(&img.config).unwrap_or(Value::Null);
    let cfg = &image_cfg["config"];
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let image_entrypoint = strings(&cfg["Entrypoint"]);
    let image_cmd = strings(&cfg["Cmd"]);
    let entrypoint = match &a.entrypoint {
        // `--entrypoint ""` clears it, as in Docker.
        Some(e) if e.is_empty() => Vec::new(),
        Some(e) => vec![e.clone()],
        None => image_entrypoint.clone(),
    };
    // An explicit entrypoint drops the image's Cmd.
    let cmd = if !a.command.is_empty() {
        a.command.clone()
    } else if a.entrypoint.is_some() {
        Vec::new()
    } else {
        image_cmd.clone()
    };
    let args: Vec<String> = entrypoint.iter().chain(cmd.iter()).cloned().collect();
    if args.is_empty() {
        bail!("no command specified: the image has no Cmd or Entrypoint, give one after the image name");
    }
    let mut env = strings(&cfg["Env"]);
    if !env.iter().any(|e| e.starts_with("PATH=")) {
        env.insert(
            0,
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into(),
        );
    }
    if a.env_host {
        for (k, v) in std::env::vars() {
            merge_env(&mut env, &format!("{k}={v}"));
        }
    }
    for f in &a.env_file {
        for e in parse_env_file(f)? {
            merge_env(&mut env, &e);
        }
    }
    for e in &a.env {
        merge_env(&mut env, e);
    }
    if a.tty {
        merge_env(&mut env, "TERM=xterm");
    }
    let mut labels: BTreeMap<String, String> = cfg["Labels"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default();
    for l in &a.labels {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        labels.insert(k.to_string(), v.to_string());
    }
    let mut no_new_privileges = false;
    let mut seccomp_unconfined = false;
    let mut seccomp_profile = None;
    for o in &a.security_opt {
        match o.as_str() {
            "no-new-privileges" | "no-new-privileges=true" | "no-new-privileges:true" => {
                no_new_privileges = true
            }
            "seccomp=unconfined" | "seccomp:unconfined" => seccomp_unconfined = true,
            o if o.starts_with("seccomp=") => {
                let path = &o["seccomp=".len()..];
                let abs = std::fs::canonicalize(path)
                    .with_context(|| format!("seccomp profile {path}"))?;
                // Checked now, so a bad profile fails `create` and not a later `start`.
                crate::container::seccomp::Profile::load(&abs)?;
                seccomp_profile = Some(abs.display().to_string());
            }
            "label=disable" | "apparmor=unconfined" => {}
            other => bail!("unsupported --security-opt {other:?}"),
        }
    }
    let mut log_size_max = None;
    for o in &a.log_opt {
        match o.split_once('=') {
            Some(("max-size", v)) => log_size_max = Some(parse_size(v)?),
            Some(("max-file", _)) | Some(("tag", _)) => {}
            _ => bail!("unsupported --log-opt {o:?}: supported: max-size=SIZE"),
        }
    }
    let mut mounts = Vec::new();
    for v in &a.volume {
        mounts.push(parse_volume(v)?);
    }
    for t in &a.tmpfs {
        mounts.push(parse_tmpfs(t)?);
    }
    for m in &a.mount {
        mounts.push(parse_mount(m)?);
    }
    let mut ulimits = Vec::new();
    for u in &a.ulimit {
        ulimits.push(parse_ulimit(u)?);
    }
    let userns = a.userns.clone().unwrap_or_default();
    if !matches!(userns.as_str(), "" | "host" | "keep-id") {
        bail!("unsupported --userns {userns:?}: use keep-id (or leave it out)");
    }
    // The image's VOLUMEs not covered by a flag become anonymous volumes; their names
    // are drawn when the container is created.
    if let Some(vols) = cfg["Volumes"].as_object() {
        for path in vols.keys() {
            if !mounts.iter().any(|m| &m.destination == path) {
                mounts.push(MountSpec {
                    kind: "volume".into(),
                    source: String::new(),
                    destination: path.clone(),
                    options: vec!["rw".into()],
                });
            }
        }
    }
    let network = a
        .network
        .clone()
        .unwrap_or_else(|| crate::container::network::DEFAULT_MODE.to_string());
    let mode =
        crate::network::NetworkMode::parse(&network, crate::container::network::DEFAULT_MODE)?;
    let attachments = match mode {
        crate::network::NetworkMode::Bridge(name) => {
            let net = ctx.engine()?.networks().get(&name)?;
            if let Some(ip) = &a.ip {
                let ip: std::net::Ipv4Addr = ip
                    .parse()
                    .map_err(|_| anyhow!("--ip {ip}: not an IPv4 address"))?;
                if !net.subnet()?.contains(ip) {
                    bail!(
                        "--ip {ip} is not in the subnet {} of network {}",
                        net.subnet,
                        net.name
                    );
                }
            }
            vec![crate::container::record::Attachment {
                network: net.name,
                aliases: a.network_alias.clone(),
                ip: a.ip.clone(),
            }]
        }
        _ if !a.network_alias.is_empty() || a.ip.is_some() => {
            bail!("--network-alias and --ip need a user-defined network (--network NAME)")
        }
        _ => Vec::new(),
    };
    let mut ports = Vec::new();
    for p in &a.publish {
        ports.extend(crate::network::ports::parse_publish(p)?);
    }
    let mut exposed_ports: Vec<String> = cfg["ExposedPorts"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    for e in &a.expose {
        crate::network::ports::parse_exposed(e)?;
        exposed_ports.push(if e.contains('/') {
            e.clone()
        } else {
            format!("{e}/tcp")
        });
    }
    if a.publish_all {
        for e in &exposed_ports {
            for m in crate::network::ports::parse_exposed(e)? {
                let already = ports
                    .iter()
                    .any(|p| p.container_port == m.container_port && p.protocol == m.protocol);
                if !already {
                    ports.push(m);
                }
            }
        }
    }
    for d in &a.dns {
        d.parse::<std::net::IpAddr>()
            .map_err(|_| anyhow!("invalid --dns {d:?}: not an IP address"))?;
    }
    for h in &a.add_host {
        // host-gateway is resolved at start, when the network is known.
        crate::network::etc::parse_add_host(h, Some("127.0.0.1"))?;
    }
    if let Some(mac) = &a.mac_address {
        let ok = mac.split(':').count() == 6
            && mac
                .split(':')
                .all(|b| b.len() == 2 && u8::from_str_radix(b, 16).is_ok());
        if !ok {
            bail!("invalid --mac-address {mac:?}: expected six hex bytes like 92:d0:c6:0a:29:33");
        }
    }
    Ok(ContainerConfig {
        image_name: a.image.clone(),
        args,
        env,
        working_dir: a
            .workdir
            .clone()
            .or_else(|| cfg["WorkingDir"].as_str().map(str::to_string))
            .unwrap_or_default(),
        user: a
            .user
            .clone()
            .or_else(|| cfg["User"].as_str().map(str::to_string))
            .unwrap_or_default(),
        hostname: String::new(),
        tty: a.tty,
        interactive: a.interactive,
        labels,
        stop_signal: a
            .stop_signal
            .clone()
            .or_else(|| cfg["StopSignal"].as_str().map(str::to_string))
            .unwrap_or_default(),
        stop_timeout: a.stop_timeout.unwrap_or(10),
        auto_remove: a.rm,
        read_only: a.read_only,
        privileged: a.privileged,
        cap_add: a.cap_add.clone(),
        cap_drop: a.cap_drop.clone(),
        no_new_privileges,
        seccomp_unconfined,
        network,
        mounts,
        runtime: a.runtime.clone().unwrap_or_default(),
        log_size_max,
        created: crate::container::now_rfc3339(),
        entrypoint: image_entrypoint,
        cmd: image_cmd,
        ulimits,
        shm_size: a.shm_size.as_deref().map(parse_size).transpose()?,
        seccomp_profile,
        userns: if userns == "host" {
            String::new()
        } else {
            userns
        },
        init: a.init,
        restart: restart_policy(a)?,
        health: health_config(a, &cfg["Healthcheck"])?,
        ports,
        dns: a.dns.clone(),
        dns_search: a.dns_search.clone(),
        dns_options: a.dns_option.clone(),
        add_hosts: a.add_host.clone(),
        no_hosts: a.no_hosts,
        mac_address: a.mac_address.clone(),
        exposed_ports,
        attachments,
        ..ContainerConfig::default()
    })
}

fn restart_policy(a: &CreateArgs) -> anyhow::Result<RestartPolicy> {
    let policy: RestartPolicy = a.restart.as_deref().unwrap_or("no").parse()?;
    if a.rm && policy.name != PolicyName::No {
        bail!("the --restart and --rm options conflict: a removed container cannot restart");
    }
    Ok(policy)
}

/// The image's HEALTHCHECK with the `--health-*` flags over it, field by field.
fn health_config(a: &CreateArgs, image: &Value) -> anyhow::Result<Option<HealthConfig>> {
    let none = a.no_healthcheck || a.health_cmd.as_deref() == Some("none");
    let mut h: HealthConfig = if image.is_object() {
        serde_json::from_value(image.clone()).unwrap_or_default()
    } else {
        HealthConfig::default()
    };
    if let Some(cmd) = a.health_cmd.as_deref().filter(|_| !none) {
        // A JSON array is taken as an exec form, as Podman does.
        h.test = match serde_json::from_str::<Vec<String>>(cmd) {
            Ok(args) if !args.is_empty() => {
                std::iter::once("CMD".to_string()).chain(args).collect()
            }
            _ => vec!["CMD-SHELL".into(), cmd.to_string()],
        };
    }
    let nanos = |flag: &str, v: &Option<String>| -> anyhow::Result<Option<u64>> {
        v.as_deref()
            .map(|d| {
                crate::time::parse_duration(d)
                    .map(|d| d.as_nanos() as u64)
                    .map_err(|e| anyhow!("--{flag}: {e}"))
            })
            .transpose()
    };
    if let Some(n) = nanos("health-interval", &a.health_interval)? {
        if n == 0 {
            bail!("--health-interval must be more than 0s");
        }
        h.interval = n;
    }
    if let Some(n) = nanos("health-timeout", &a.health_timeout)? {
        h.timeout = n;
    }
    if let Some(n) = nanos("health-start-period", &a.health_start_period)? {
        h.start_period = n;
    }
    if let Some(r) = a.health_retries {
        h.retries = r;
    }
    if let Some(action) = &a.health_on_failure {
        h.on_failure = action.parse().map_err(|e: String| anyhow!(e))?;
    }
    if none || h.command().is_none() {
        let tuned = a.health_interval.is_some()
            || a.health_timeout.is_some()
            || a.health_start_period.is_some()
            || a.health_retries.is_some()
            || a.health_on_failure.is_some();
        if tuned && !none {
            bail!("--health-* options need a health check: give --health-cmd (the image has none)");
        }
        return Ok(None);
    }
    Ok(Some(h))
}

fn create_container(ctx: &Ctx, a: &CreateArgs) -> Result<(Engine, Container), Failure> {
    refuse_resource_limits(a)?;
    // containers.conf fills in what the flags leave unset.
    let conf = ctx.containers_conf()?;
    let mut a = a.clone();
    a.runtime = a.runtime.or(conf.runtime);
    a.network = a
        .network
        .or(conf.netns)
        .or(conf.default_rootless_network_cmd);
    if a.log_opt.iter().all(|o| !o.starts_with("max-size=")) {
        if let Some(max) = conf.log_size_max {
            a.log_opt.push(format!("max-size={max}"));
        }
    }
    let a = &a;
    let engine = ctx.engine()?;
    // Check the runtime before pulling: a typo should not cost a download.
    crate::container::runtime::OciRuntime::resolve(a.runtime.as_deref(), &ctx.paths.runtime)?;
    let image_id = ensure_image(ctx, &a.image, &a.pull)?;
    let mut config = build_config(ctx, a, &image_id)?;
    config.hostname = a.hostname.clone().unwrap_or_default();
    config.sdnotify = a.sdnotify.clone();
    config.create_command = crate::cli::argv::create_command(std::env::args_os());
    let store = ctx.store()?;
    for m in config.mounts.iter_mut().filter(|m| m.kind == "volume") {
        let name = (!m.source.is_empty()).then_some(m.source.as_str());
        let v = crate::volume::create(
            &store,
            name,
            "local",
            Default::default(),
            Default::default(),
            true,
        )?;
        m.source = v.name;
    }
    if a.replace {
        replace(&engine, a.name.as_deref())?;
    }
    let c = engine
        .create(CreateRequest {
            name: a.name.clone(),
            image_id,
            config,
        })
        .map_err(|e| match e {
            ContainerError::Db(crate::storage::db::DbError::NameInUse(_)) => Failure {
                code: crate::cli::EXIT_FAILURE,
                error: anyhow!("{e}: remove that container or pick another name"),
            },
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
    let (engine, mut c) = create_container(ctx, &a.create)?;
    let started = match crate::cli::sdnotify::before_start(&mut c) {
        Ok(()) => engine.start(&mut c, !a.detach).map_err(start_failure),
        Err(e) => Err(e.into()),
    };
    if started.is_err() && c.config.auto_remove {
        // --rm: a container that never ran leaves nothing behind either.
        let _ = engine.remove(&mut c, true, true);
    }
    let sock = started?;
    crate::cli::sdnotify::after_start(&c)?;
    if a.detach {
        println!("{}", c.id);
        return Ok(0);
    }
    let sock = sock.ok_or_else(|| anyhow!("container {} did not start", c.name))?;
    let code = attach_until_exit(&engine, &mut c, &sock, &a.detach_keys)?;
    // The shim cleans up too; doing it here means `run --rm` returns with the container
    // already gone, as Docker users expect.
    // (Only the shim's cleanup applies a restart policy: `run` returns with the exit.)
    engine.cleanup(&c.id)?;
    Ok(code)
}

/// `--replace`: a container of that name goes first, running or not, with its anonymous
/// volumes (nothing else could use them).
fn replace(engine: &Engine, name: Option<&str>) -> Result<(), Failure> {
    let name = name.ok_or_else(|| anyhow!("--replace needs --name"))?;
    match engine.lookup(name) {
        // lookup also matches ID prefixes: only a container with this name is replaced.
        // No waiting for the old shim: `remove` returns once the exit file exists, and the
        // shim closes the published ports before writing it, so the new container can bind
        // the same ones. What the shim does after (its exit command) concerns the old ID only.
        Ok(mut old) if old.name == name => Ok(engine.remove(&mut old, true, true)?),
        Ok(_) | Err(ContainerError::NotFound(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_merging() {
        let mut env = vec!["PATH=/bin".to_string(), "A=1".to_string()];
        merge_env(&mut env, "A=2");
        merge_env(&mut env, "B=x=y");
        assert_eq!(env, vec!["PATH=/bin", "A=2", "B=x=y"]);
    }

    #[test]
    fn volumes_and_sizes() {
        assert!(parse_volume("rel/ative:/x").is_err());
        assert_eq!(parse_volume("data:/x").unwrap().kind, "volume");
        assert!(parse_volume("/definitely/missing/dir:/x").is_err());
        let v = parse_volume("/tmp:/data:ro,Z").unwrap();
        assert_eq!(v.options, vec!["rbind", "ro"]);
        assert_eq!(parse_size("10m").unwrap(), 10 * 1024 * 1024);
        let m = parse_mount("type=bind,source=/tmp,target=/data,readonly").unwrap();
        assert_eq!((m.kind.as_str(), m.destination.as_str()), ("bind", "/data"));
        assert!(m.options.contains(&"ro".to_string()));
        let m = parse_mount("type=tmpfs,target=/scratch,tmpfs-size=1m").unwrap();
        assert!(m.options.contains(&"size=1m".to_string()));
        assert!(parse_mount("type=bind,target=/x").is_err());
        assert!(parse_mount("type=weird,target=/x").is_err());
        let u = parse_ulimit("nofile=1024:2048").unwrap();
        assert_eq!(
            (u.kind.as_str(), u.soft, u.hard),
            ("RLIMIT_NOFILE", 1024, 2048)
        );
        assert!(parse_ulimit("nofile=9:1").is_err());
        assert!(parse_ulimit("bogus=1").is_err());
        assert_eq!(parse_size("512").unwrap(), 512);
        assert_eq!(parse_size("1kb").unwrap(), 1024);
        assert!(parse_size("lots").is_err());
    }
}
