//! Container commands: create, run, start, ps, logs, stop, kill, rm, wait, inspect,
//! rename, exists, prune, and the internal `container cleanup` the shim runs.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context};
use clap::Args;
use serde_json::{json, Value};

use super::output::{print_inspect, print_list, time_ago};
use super::{CmdResult, Ctx, Failure};
use crate::container::attach::{self, AttachEnd, AttachOptions};
use crate::container::commit::CommitRequest;
use crate::container::health::{self, HealthConfig};
use crate::container::logs::{self, LogOptions};
use crate::container::restart::{PolicyName, RestartPolicy};
use crate::container::{
    Container, ContainerConfig, ContainerError, CreateRequest, Engine, MountSpec, Status,
};
use crate::image::platform::Platform;
use crate::image::pull::{PullPolicy, PullRequest};

/// Podman's exit codes for rm/stop/...: 1 no such container, 2 container in a state that
/// forbids the operation.
const EXIT_NO_SUCH: i32 = 1;
const EXIT_CONFLICT: i32 = 2;

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

fn conflict(e: anyhow::Error) -> Failure {
    Failure {
        code: EXIT_CONFLICT,
        error: e,
    }
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

fn parse_env_file(path: &PathBuf) -> anyhow::Result<Vec<String>> {
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = Vec::new();
    for line in std::io::BufReader::new(f).lines() {
        let line = line?;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        out.push(line.to_string());
    }
    Ok(out)
}

/// Apply `KEY=VALUE` (or bare `KEY`, taken from our environment) over `env`.
fn merge_env(env: &mut Vec<String>, entry: &str) {
    let (key, value) = match entry.split_once('=') {
        Some((k, v)) => (k.to_string(), v.to_string()),
        None => match std::env::var(entry) {
            Ok(v) => (entry.to_string(), v),
            Err(_) => return,
        },
    };
    env.retain(|e| e.split('=').next() != Some(key.as_str()));
    env.push(format!("{key}={value}"));
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
    config.create_command = super::argv::create_command(std::env::args_os());
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
                code: super::EXIT_FAILURE,
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

/// The exit code for a container that could not be started: 126/127 when its command
/// cannot be run (runc and crun report that at create time), else 125.
fn start_failure(e: ContainerError) -> Failure {
    let msg = e.to_string();
    let code =
        if msg.contains("executable file not found") || msg.contains("no such file or directory") {
            127
        } else if msg.contains("permission denied") {
            126
        } else {
            super::EXIT_FAILURE
        };
    Failure {
        code,
        error: e.into(),
    }
}

/// Attach to a started container until it exits (its code) or the user detaches (0).
fn attach_until_exit(
    engine: &Engine,
    c: &mut Container,
    sock: &std::os::fd::OwnedFd,
    detach_keys: &str,
) -> CmdResult {
    let opts = AttachOptions {
        stdin: c.config.interactive,
        tty: c.config.tty,
        detach_keys: attach::parse_detach_keys(detach_keys).map_err(|e| anyhow!(e))?,
    };
    match attach::run(sock, &opts)? {
        AttachEnd::Exited(code) => Ok(code),
        AttachEnd::Detached => Ok(0),
        AttachEnd::Disconnected => Ok(engine.wait(c)?),
    }
}

pub fn run(ctx: &Ctx, a: RunArgs) -> CmdResult {
    let (engine, mut c) = create_container(ctx, &a.create)?;
    let started = match super::sdnotify::before_start(&mut c) {
        Ok(()) => engine.start(&mut c, !a.detach).map_err(start_failure),
        Err(e) => Err(e.into()),
    };
    if started.is_err() && c.config.auto_remove {
        // --rm: a container that never ran leaves nothing behind either.
        let _ = engine.remove(&mut c, true, true);
    }
    let sock = started?;
    super::sdnotify::after_start(&c)?;
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

#[derive(Args, Debug)]
pub struct StartArgs {
    /// Attach the container's output
    #[arg(short, long)]
    pub attach: bool,
    /// Attach the container's stdin
    #[arg(short, long)]
    pub interactive: bool,
    /// Start every container that is not running
    #[arg(long)]
    pub all: bool,
    /// With --all, only the containers that match (restart-policy=, label=, name=,
    /// status=, ...)
    #[arg(short, long, value_name = "KEY=VALUE", requires = "all")]
    pub filter: Vec<String>,
    /// With --all, only what Docker's daemon brings back when it starts (for a unit run
    /// at boot): containers with restart policy always, and unless-stopped ones the user
    /// had not stopped; never one that was only created
    #[arg(long, requires = "all")]
    pub boot: bool,
    /// Key sequence for detaching
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Containers to start
    pub containers: Vec<String>,
}

/// Run `f` on each named container; report errors per container and return the worst
/// exit code, as Podman does.
fn each(
    engine: &Engine,
    names: &[String],
    mut f: impl FnMut(&mut Container) -> Result<(), Failure>,
) -> CmdResult {
    Ok(super::each_name(names, |n| {
        let mut c = engine.lookup(n).map_err(|e| match e {
            ContainerError::NotFound(_) => Failure {
                code: EXIT_NO_SUCH,
                error: e.into(),
            },
            other => other.into(),
        })?;
        f(&mut c)
    }))
}

/// `--ignore`: the names of containers that exist (all of them without it).
fn existing(engine: &Engine, names: Vec<String>, ignore: bool) -> Vec<String> {
    if !ignore {
        return names;
    }
    names
        .into_iter()
        .filter(|n| !matches!(engine.lookup(n), Err(ContainerError::NotFound(_))))
        .collect()
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

/// `start --all --boot`: cove has no daemon to start containers when the machine comes
/// up, so a unit does it (contrib/systemd/user/cove-restart.service). A container that
/// never ran was not running when the machine went down: nothing brings it back.
fn comes_back_at_boot(c: &Container) -> bool {
    c.state.status != Status::Created && c.config.restart.starts_at_boot(c.state.stopped_by_user)
}

pub fn start(ctx: &Ctx, a: StartArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let names: Vec<String> = if a.all {
        let mut names = Vec::new();
        for c in engine.list()? {
            let wanted = !c.state.status.is_active()
                && matches_filters(&c, &a.filter)?
                && (!a.boot || comes_back_at_boot(&c));
            if wanted {
                names.push(c.id);
            }
        }
        if names.is_empty() {
            return Ok(0);
        }
        names
    } else {
        a.containers.clone()
    };
    if names.is_empty() {
        return Err(anyhow!("start needs at least one container (or --all)").into());
    }
    if a.attach && names.len() == 1 {
        let mut c = engine.lookup(&names[0])?;
        if a.interactive {
            c.config.interactive = true;
        }
        super::sdnotify::before_start(&mut c)?;
        let sock = engine.start(&mut c, true).map_err(start_failure)?;
        let Some(sock) = sock else {
            return Err(anyhow!("container {} is already running", c.name).into());
        };
        super::sdnotify::after_start(&c)?;
        return attach_until_exit(&engine, &mut c, &sock, &a.detach_keys);
    }
    each(&engine, &names, |c| {
        super::sdnotify::before_start(c)?;
        engine.start(c, false).map_err(start_failure)?;
        super::sdnotify::after_start(c)?;
        println!("{}", c.name);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct StopArgs {
    /// Seconds to wait before killing the container
    #[arg(short, long, visible_alias = "timeout")]
    pub time: Option<u32>,
    /// Stop all running containers
    #[arg(short, long)]
    pub all: bool,
    /// A container that does not exist is not an error
    #[arg(short, long)]
    pub ignore: bool,
    /// Containers to stop
    pub containers: Vec<String>,
}

fn running_or_named(engine: &Engine, all: bool, names: &[String]) -> anyhow::Result<Vec<String>> {
    if all {
        return Ok(engine
            .list()?
            .into_iter()
            .filter(|c| c.state.status.is_active())
            .map(|c| c.id)
            .collect());
    }
    if names.is_empty() {
        bail!("at least one container name or ID must be given (or --all)");
    }
    Ok(names.to_vec())
}

pub fn stop(ctx: &Ctx, a: StopArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let names = running_or_named(&engine, a.all, &a.containers)?;
    let names = existing(&engine, names, a.ignore);
    each(&engine, &names, |c| {
        engine.stop(c, a.time)?;
        println!("{}", if a.all { &c.id } else { &c.name });
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct KillArgs {
    /// Signal to send
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
    /// Kill all running containers
    #[arg(short, long)]
    pub all: bool,
    /// Containers to kill
    pub containers: Vec<String>,
}

pub fn kill(ctx: &Ctx, a: KillArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let names = running_or_named(&engine, a.all, &a.containers)?;
    each(&engine, &names, |c| {
        engine.kill(c, &a.signal).map_err(|e| match e {
            ContainerError::NotRunning(_) => conflict(e.into()),
            other => other.into(),
        })?;
        println!("{}", c.name);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Kill and remove running containers
    #[arg(short, long)]
    pub force: bool,
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,
    /// Remove the container's anonymous volumes too (named volumes are kept)
    #[arg(short, long)]
    pub volumes: bool,
    /// Seconds to wait for a stop before killing (with --force)
    #[arg(short, long)]
    pub time: Option<u32>,
    /// A container that does not exist is not an error
    #[arg(short, long)]
    pub ignore: bool,
    /// Containers to remove
    pub containers: Vec<String>,
}

pub fn rm(ctx: &Ctx, a: RmArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let names: Vec<String> = if a.all {
        engine.list()?.into_iter().map(|c| c.id).collect()
    } else if a.containers.is_empty() {
        return Err(anyhow!("rm needs at least one container (or --all)").into());
    } else {
        a.containers.clone()
    };
    let names = existing(&engine, names, a.ignore);
    each(&engine, &names, |c| {
        if a.force && a.time.is_some_and(|t| t > 0) {
            engine.stop(c, a.time)?;
        }
        engine.remove(c, a.force, a.volumes).map_err(|e| match e {
            ContainerError::Running(_) | ContainerError::Restarting(_) => conflict(e.into()),
            other => other.into(),
        })?;
        println!("{}", if a.all { &c.id } else { &c.name });
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct ExecArgs {
    /// Keep STDIN open
    #[arg(short, long)]
    pub interactive: bool,
    /// Allocate a pseudo-TTY
    #[arg(short, long)]
    pub tty: bool,
    /// Run the command in the background
    #[arg(short, long)]
    pub detach: bool,
    /// Set environment variables (KEY=VALUE)
    #[arg(short, long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Read environment variables from a file
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Username or UID (format: <name|uid>[:<group|gid>])
    #[arg(short, long)]
    pub user: Option<String>,
    /// Working directory inside the container
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Give the process every capability (the container's seccomp filter still applies)
    #[arg(long)]
    pub privileged: bool,
    /// Container
    pub container: String,
    /// Command and arguments
    #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

pub fn exec(ctx: &Ctx, a: ExecArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let c = engine.lookup(&a.container).map_err(|e| match e {
        ContainerError::NotFound(_) => Failure {
            code: EXIT_NO_SUCH,
            error: e.into(),
        },
        other => other.into(),
    })?;
    if c.state.status != Status::Running {
        return Err(anyhow!(
            "can only exec into running containers: {} is {}",
            c.name,
            c.state.status.as_str()
        )
        .into());
    }
    let mut env = Vec::new();
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
    let spec = engine.exec_spec(
        &c,
        a.command.clone(),
        &env,
        a.user.as_deref(),
        a.workdir.as_deref(),
        a.tty,
        a.privileged,
    )?;
    // Without -i the process must not read our stdin (Docker gives it /dev/null).
    if !a.interactive {
        let null = std::fs::File::open("/dev/null")?;
        nix::unistd::dup2_stdin(&null)?;
    }
    Ok(crate::container::exec::exec(c.state.pid, &spec, a.detach)?.code)
}

#[derive(Args, Debug)]
pub struct WaitArgs {
    /// Containers to wait for
    #[arg(required = true)]
    pub containers: Vec<String>,
}

pub fn wait(ctx: &Ctx, a: WaitArgs) -> CmdResult {
    let engine = ctx.engine()?;
    each(&engine, &a.containers, |c| {
        println!("{}", engine.wait(c)?);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct LogsArgs {
    /// Follow the output
    #[arg(short, long)]
    pub follow: bool,
    /// Show logs since a time (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long)]
    pub since: Option<String>,
    /// Show logs until a time
    #[arg(long)]
    pub until: Option<String>,
    /// Number of lines to show from the end
    #[arg(short = 'n', long, value_name = "N")]
    pub tail: Option<String>,
    /// Show timestamps
    #[arg(short, long)]
    pub timestamps: bool,
    /// Container
    pub container: String,
}

pub fn logs(ctx: &Ctx, a: LogsArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let c = engine.lookup(&a.container).map_err(|e| match e {
        ContainerError::NotFound(_) => Failure {
            code: EXIT_NO_SUCH,
            error: e.into(),
        },
        other => other.into(),
    })?;
    let now = chrono::Utc::now();
    let time = |s: &Option<String>| {
        s.as_deref()
            .map(|s| crate::time::parse_timestamp(s, now))
            .transpose()
            .map_err(|e| anyhow!(e))
    };
    let tail = match a.tail.as_deref() {
        None | Some("all") => None,
        Some(n) => Some(n.parse().map_err(|_| anyhow!("invalid --tail {n:?}"))?),
    };
    let opts = LogOptions {
        since: time(&a.since)?,
        until: time(&a.until)?,
        tail,
        timestamps: a.timestamps,
        follow: a.follow,
    };
    let id = c.id.clone();
    let running = || {
        engine
            .lookup(&id)
            .map(|c| c.state.status.is_active())
            .unwrap_or(false)
    };
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    logs::print(&engine.log_path(&c.id), &opts, &mut out, &mut err, running)?;
    out.flush()?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct PsArgs {
    /// Show all containers (default shows just running)
    #[arg(short, long)]
    pub all: bool,
    /// Only display container IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Show the latest created container
    #[arg(short, long)]
    pub latest: bool,
    /// Show the N last created containers
    #[arg(short = 'n', long, value_name = "N")]
    pub last: Option<usize>,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// Filter (status=, name=, label=, ancestor=, id=, exited=)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Format: json or a Go template like '{{.ID}} {{.Names}}'
    #[arg(long)]
    pub format: Option<String>,
}

/// "Up 5 seconds", as Docker's STATUS column says it.
pub fn human_duration(secs: i64) -> String {
    match secs {
        s if s < 1 => "Less than a second".into(),
        1 => "1 second".into(),
        s if s < 60 => format!("{s} seconds"),
        s if s < 120 => "About a minute".into(),
        s if s < 3600 => format!("{} minutes", s / 60),
        s if s < 7200 => "About an hour".into(),
        s if s < 48 * 3600 => format!("{} hours", s / 3600),
        s if s < 14 * 86400 => format!("{} days", s / 86400),
        s if s < 60 * 86400 => format!("{} weeks", s / (7 * 86400)),
        s if s < 730 * 86400 => format!("{} months", s / (30 * 86400)),
        s => format!("{} years", s / (365 * 86400)),
    }
}

pub(crate) fn status_text(c: &Container) -> String {
    let since = |t: &str| {
        crate::time::parse_rfc3339(t)
            .map(|t| (chrono::Utc::now() - t).num_seconds())
            .unwrap_or(0)
    };
    match c.state.status {
        Status::Created => "Created".into(),
        Status::Running => {
            let up = format!("Up {}", human_duration(since(&c.state.started_at)));
            // Docker's "Up 5 seconds (healthy)"; "(health: starting)" before the first
            // result.
            match c.state.health.as_ref().map(|h| h.status.as_str()) {
                Some(health::STARTING) => format!("{up} (health: starting)"),
                Some(h) => format!("{up} ({h})"),
                None => up,
            }
        }
        Status::Paused => format!("Up {} (Paused)", human_duration(since(&c.state.started_at))),
        Status::Exited => format!(
            "Exited ({}) {} ago",
            c.state.exit_code,
            human_duration(since(&c.state.finished_at))
        ),
        Status::Restarting => format!(
            "Restarting ({}) {} ago",
            c.state.exit_code,
            human_duration(since(&c.state.finished_at))
        ),
    }
}

fn shell_words(args: &[String]) -> String {
    args.join(" ")
}

fn ps_value(c: &Container, no_trunc: bool) -> Value {
    let created = chrono::DateTime::from_timestamp_nanos(c.created_at);
    let command = shell_words(&c.config.args);
    let command = if no_trunc || command.chars().count() <= 20 {
        command
    } else {
        format!("{}…", command.chars().take(19).collect::<String>())
    };
    let labels: Vec<String> = c
        .config
        .labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    json!({
        "ID": if no_trunc { c.id.clone() } else { c.short_id().to_string() },
        "Id": c.id,
        "Names": c.name,
        "Image": c.config.image_name,
        "ImageID": c.image_id,
        "Command": format!("\"{command}\""),
        "CreatedAt": created.format("%Y-%m-%d %H:%M:%S %z %Z").to_string(),
        "Created": created.timestamp(),
        "RunningFor": time_ago(created),
        "Status": status_text(c),
        "State": c.state.status.as_str(),
        "ExitCode": c.state.exit_code,
        "Exited": c.state.status == Status::Exited,
        "Pid": c.state.pid,
        "Ports": if c.state.status.is_active() {
            crate::network::ports::summary(&c.state.network.ports)
        } else {
            String::new()
        },
        "Labels": labels.join(","),
        "AutoRemove": c.config.auto_remove,
    })
}

/// One `--filter` applied to one container.
/// Docker's filter rule: values of the same key are alternatives, different keys must all
/// match.
fn matches_filters(c: &Container, filters: &[String]) -> anyhow::Result<bool> {
    let mut by_key: BTreeMap<&str, bool> = BTreeMap::new();
    for f in filters {
        let key = f.split_once('=').map_or(f.as_str(), |(k, _)| k);
        let hit = filter_matches(c, f)?;
        *by_key.entry(key).or_insert(false) |= hit;
    }
    Ok(by_key.values().all(|hit| *hit))
}

fn filter_matches(c: &Container, filter: &str) -> anyhow::Result<bool> {
    let (key, value) = filter
        .split_once('=')
        .ok_or_else(|| anyhow!("invalid filter {filter:?}: use KEY=VALUE"))?;
    Ok(match key {
        "status" => match value {
            "created" | "running" | "paused" | "exited" | "restarting" => {
                c.state.status.as_str() == value
            }
            "removing" | "dead" | "stopped" | "configured" => false,
            _ => bail!("invalid status filter {value:?}"),
        },
        "name" => c.name.contains(value),
        "health" => c.state.health.as_ref().is_some_and(|h| h.status == value),
        "restart-policy" => c.config.restart.name.as_str() == value,
        "id" => c.id.starts_with(value),
        "label" => match value.split_once('=') {
            Some((k, v)) => c.config.labels.get(k).is_some_and(|x| x == v),
            None => c.config.labels.contains_key(value),
        },
        "ancestor" => {
            let bare = value.trim_start_matches("sha256:");
            c.config.image_name == value
                || c.config.image_name.split(':').next() == Some(value)
                || (bare.len() >= 3 && c.image_id.trim_start_matches("sha256:").starts_with(bare))
        }
        "exited" => {
            c.state.status == Status::Exited
                && value
                    .parse::<i32>()
                    .map_err(|_| anyhow!("invalid exited filter {value:?}"))?
                    == c.state.exit_code
        }
        other => bail!("unsupported filter {other:?}"),
    })
}

pub fn ps(ctx: &Ctx, a: PsArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut list = engine.list()?;
    // A filter that names a state looks at every container, as in Docker.
    let status_filter = a
        .filter
        .iter()
        .any(|f| f.starts_with("status=") || f.starts_with("exited="));
    if !(a.all || a.latest || a.last.is_some() || status_filter) {
        // Docker lists a container waiting to restart with the running ones.
        list.retain(|c| c.state.status.is_active() || c.state.status == Status::Restarting);
    }
    let mut kept = Vec::new();
    for c in list {
        if matches_filters(&c, &a.filter)? {
            kept.push(c);
        }
    }
    let limit = if a.latest { Some(1) } else { a.last };
    if let Some(n) = limit {
        kept.truncate(n);
    }
    if a.quiet {
        for c in &kept {
            println!("{}", if a.no_trunc { &c.id } else { c.short_id() });
        }
        return Ok(0);
    }
    let items: Vec<Value> = kept.iter().map(|c| ps_value(c, a.no_trunc)).collect();
    let headers = [
        "CONTAINER ID",
        "IMAGE",
        "COMMAND",
        "CREATED",
        "STATUS",
        "PORTS",
        "NAMES",
    ];
    print_list(
        a.format.as_deref(),
        &headers,
        CONTAINER_TITLES,
        &items,
        |v| {
            [
                "ID",
                "Image",
                "Command",
                "RunningFor",
                "Status",
                "Ports",
                "Names",
            ]
            .iter()
            .map(|k| match &v[*k] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect()
        },
    )?;
    Ok(0)
}

/// Column titles of `table` templates for containers.
pub const CONTAINER_TITLES: &[(&str, &str)] = &[
    ("ID", "CONTAINER ID"),
    ("Names", "NAMES"),
    ("RunningFor", "CREATED"),
    ("CreatedAt", "CREATED AT"),
];

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
            "Type": m.kind,
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
            "StopSignal": if c.config.stop_signal.is_empty() { "SIGTERM" } else { &c.config.stop_signal },
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
            "NetworkMode": if c.config.network.is_empty() { crate::container::network::DEFAULT_MODE } else { &c.config.network },
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

#[derive(Args, Debug)]
pub struct RenameArgs {
    /// Container to rename
    pub container: String,
    /// New name
    pub name: String,
}

pub fn rename(ctx: &Ctx, a: RenameArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let c = engine.lookup(&a.container)?;
    crate::container::names::validate(&a.name)?;
    engine.store.db().rename_container(&c.id, &a.name)?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    /// Container name or ID
    pub container: String,
}

pub fn exists(ctx: &Ctx, a: ExistsArgs) -> CmdResult {
    match ctx.engine()?.lookup(&a.container) {
        Ok(_) => Ok(0),
        Err(ContainerError::NotFound(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only what was created before a time (until=TIMESTAMP|DURATION) or carries a
    /// label (label=KEY[=VALUE], label!=KEY[=VALUE])
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

pub fn prune(ctx: &Ctx, a: PruneArgs) -> CmdResult {
    let filters = crate::system::prune::Filters::parse(&a.filter)?;
    for p in crate::system::prune::containers(&ctx.engine()?, &filters)? {
        println!("{}", p.id);
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct NamesArgs {
    /// Containers
    #[arg(required = true)]
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RestartArgs {
    /// Seconds to wait before killing the container
    #[arg(short, long, visible_alias = "timeout")]
    pub time: Option<u32>,
    /// Containers to restart
    #[arg(required = true)]
    pub containers: Vec<String>,
}

pub fn restart(ctx: &Ctx, a: RestartArgs) -> CmdResult {
    let engine = ctx.engine()?;
    each(&engine, &a.containers, |c| {
        engine.restart(c, a.time).map_err(start_failure)?;
        println!("{}", c.name);
        Ok(())
    })
}

pub fn pause(ctx: &Ctx, a: NamesArgs) -> CmdResult {
    let engine = ctx.engine()?;
    each(&engine, &a.containers, |c| {
        engine.pause(c).map_err(|e| conflict(e.into()))?;
        println!("{}", c.name);
        Ok(())
    })
}

pub fn unpause(ctx: &Ctx, a: NamesArgs) -> CmdResult {
    let engine = ctx.engine()?;
    each(&engine, &a.containers, |c| {
        engine.unpause(c).map_err(|e| conflict(e.into()))?;
        println!("{}", c.name);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct AttachArgs {
    /// Do not attach stdin
    #[arg(long)]
    pub no_stdin: bool,
    /// Key sequence for detaching
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Container
    pub container: String,
}

pub fn attach(ctx: &Ctx, a: AttachArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut c = engine.lookup(&a.container)?;
    if !c.state.status.is_active() {
        return Err(conflict(anyhow!(
            "you can only attach to running containers: {} is {}",
            c.name,
            c.state.status.as_str()
        )));
    }
    let sock = attach::connect(&engine.state_dir(&c.id).join("attach"))
        .context("connecting to the container's attach socket")?;
    if a.no_stdin {
        c.config.interactive = false;
    }
    attach_until_exit(&engine, &mut c, &sock, &a.detach_keys)
}

fn running(engine: &Engine, name: &str) -> Result<Container, Failure> {
    let c = engine.lookup(name)?;
    if !c.state.status.is_active() {
        return Err(conflict(anyhow!("container {} is not running", c.name)));
    }
    Ok(c)
}

#[derive(Args, Debug)]
pub struct TopArgs {
    /// Container
    pub container: String,
}

pub fn top(ctx: &Ctx, a: TopArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let c = running(&engine, &a.container)?;
    let hz = crate::container::procs::clock_ticks();
    let boot = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|u| u.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0);
    let procs = crate::container::procs::list(c.state.pid);
    let rows: Vec<Vec<String>> = procs
        .iter()
        .map(|p| {
            let elapsed = (boot - p.start_ticks as f64 / hz as f64).max(0.0) as i64;
            let cpu = p.cpu_ticks / hz;
            vec![
                p.uid.to_string(),
                p.pid.to_string(),
                p.ppid.to_string(),
                human_duration(elapsed),
                format!("{:02}:{:02}:{:02}", cpu / 3600, cpu / 60 % 60, cpu % 60),
                p.cmdline.clone(),
            ]
        })
        .collect();
    print!(
        "{}",
        crate::format::render_table(&["UID", "PID", "PPID", "ELAPSED", "TIME", "COMMAND"], &rows)
    );
    Ok(0)
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Print one sample and exit
    #[arg(long)]
    pub no_stream: bool,
    /// Format: json or a Go template like '{{.Name}} {{.MemUsage}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Show all containers (default: running)
    #[arg(short, long)]
    pub all: bool,
    /// Containers (default: all running)
    pub containers: Vec<String>,
}

pub fn stats(ctx: &Ctx, a: StatsArgs) -> CmdResult {
    use crate::container::procs;
    let engine = ctx.engine()?;
    let hz = procs::clock_ticks() as f64;
    let mem_total = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        })
        .unwrap_or(0)
        * 1024;
    let sample = |cs: &[Container]| -> Vec<(u64, u64, usize)> {
        cs.iter()
            .map(|c| {
                let ps = if c.state.status.is_active() {
                    procs::list(c.state.pid)
                } else {
                    Vec::new()
                };
                (
                    ps.iter().map(|p| p.cpu_ticks).sum(),
                    ps.iter().map(|p| p.rss_bytes).sum(),
                    ps.len(),
                )
            })
            .collect()
    };
    loop {
        let list: Vec<Container> = if a.containers.is_empty() {
            engine
                .list()?
                .into_iter()
                .filter(|c| a.all || c.state.status.is_active())
                .collect()
        } else {
            a.containers
                .iter()
                .map(|n| engine.lookup(n))
                .collect::<Result<_, _>>()?
        };
        let before = sample(&list);
        let t0 = std::time::Instant::now();
        std::thread::sleep(std::time::Duration::from_millis(500));
        let after = sample(&list);
        let secs = t0.elapsed().as_secs_f64();
        let items: Vec<Value> = list
            .iter()
            .zip(before.iter().zip(after.iter()))
            .map(|(c, (b, n))| {
                let cpu = n.0.saturating_sub(b.0) as f64 / hz / secs * 100.0;
                let mem_pct = if mem_total > 0 {
                    n.1 as f64 / mem_total as f64 * 100.0
                } else {
                    0.0
                };
                json!({
                    "ID": c.short_id(),
                    "Name": c.name,
                    "CPUPerc": format!("{cpu:.2}%"),
                    "MemUsage": format!("{} / {}", super::output::human_size(n.1), super::output::human_size(mem_total)),
                    "MemPerc": format!("{mem_pct:.2}%"),
                    "PIDs": n.2.to_string(),
                })
            })
            .collect();
        if a.format.is_none() && !a.no_stream {
            // Redraw in place, like `docker stats`.
            print!("\x1b[2J\x1b[H");
        }
        print_list(
            a.format.as_deref(),
            &["ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "PIDS"],
            &[
                ("ID", "ID"),
                ("CPUPerc", "CPU %"),
                ("MemUsage", "MEM USAGE / LIMIT"),
                ("MemPerc", "MEM %"),
            ],
            &items,
            |v| {
                ["ID", "Name", "CPUPerc", "MemUsage", "MemPerc", "PIDs"]
                    .iter()
                    .map(|k| v[*k].as_str().unwrap_or_default().to_string())
                    .collect()
            },
        )?;
        std::io::stdout().flush()?;
        if a.no_stream {
            return Ok(0);
        }
    }
}

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  cove cp web:/etc/nginx/nginx.conf .\n  cove cp ./site/. web:/usr/share/nginx/html"
)]
pub struct CpArgs {
    /// Source: a host path, or CONTAINER:PATH
    pub source: String,
    /// Destination: a host path, or CONTAINER:PATH
    pub dest: String,
    /// Accepted for Docker compatibility: ownership always goes to the user (root inside)
    #[arg(short, long)]
    pub archive: bool,
}

/// `CONTAINER:PATH` or a host path. A leading `/` or `.` is always a host path, as Docker.
fn cp_side(arg: &str) -> (Option<&str>, &str) {
    if arg.starts_with('/') || arg.starts_with('.') {
        return (None, arg);
    }
    match arg.split_once(':') {
        Some((c, p)) if !c.is_empty() => (Some(c), p),
        _ => (None, arg),
    }
}

pub fn cp(ctx: &Ctx, a: CpArgs) -> CmdResult {
    use crate::container::copy::{copy, End};
    let (src_c, src_p) = cp_side(&a.source);
    let (dst_c, dst_p) = cp_side(&a.dest);
    let container = match (src_c, dst_c) {
        (Some(c), None) | (None, Some(c)) => c,
        (Some(_), Some(_)) => {
            return Err(anyhow!("copying between containers is not supported").into())
        }
        (None, None) => {
            return Err(anyhow!("one of source and destination must be CONTAINER:PATH").into())
        }
    };
    let engine = ctx.engine()?;
    let mut c = engine.lookup(container)?;
    let was_mounted = c.state.mounted || c.state.status.is_active();
    let root = engine.mount(&mut c)?;
    let cwd = std::env::current_dir()?;
    let slash = std::path::Path::new("/");
    let inside = |p: &str| slash.join(p);
    // (root, path) of each end: the host's `/` with paths from the cwd, or the container's.
    let (from, to) = if src_c.is_some() {
        ((root.as_path(), inside(src_p)), (slash, cwd.join(dst_p)))
    } else {
        ((slash, cwd.join(src_p)), (root.as_path(), inside(dst_p)))
    };
    let res = copy(
        &End {
            root: from.0,
            path: &from.1,
        },
        &End {
            root: to.0,
            path: &to.1,
        },
    );
    if !was_mounted {
        engine.unmount(&mut c)?;
    }
    res?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// Format: json
    #[arg(long)]
    pub format: Option<String>,
    /// Container
    pub container: String,
}

pub fn diff(ctx: &Ctx, a: DiffArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let c = engine.lookup(&a.container)?;
    let upper = engine.container_dir(&c.id).join("upper");
    let changes = crate::container::changes::diff(&upper, &engine.image_layers(&c)?)?;
    if a.format.as_deref() == Some("json") {
        let mut by_kind: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (k, p) in &changes {
            let key = match k {
                crate::container::changes::Kind::Added => "added",
                crate::container::changes::Kind::Changed => "changed",
                crate::container::changes::Kind::Deleted => "deleted",
            };
            by_kind.entry(key).or_default().push(p);
        }
        println!("{}", serde_json::to_string_pretty(&by_kind)?);
    } else {
        for (k, p) in &changes {
            println!("{} {p}", k.letter());
        }
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Write to a file instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Container
    pub container: String,
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> CmdResult {
    use std::io::IsTerminal;
    let engine = ctx.engine()?;
    let mut c = engine.lookup(&a.container)?;
    if a.output.is_none() && std::io::stdout().is_terminal() {
        return Err(anyhow!(
            "refusing to write a tar stream to a terminal: use -o FILE or a redirect"
        )
        .into());
    }
    let was_mounted = c.state.mounted;
    let root = engine.mount(&mut c)?;
    let result = match &a.output {
        Some(p) => std::fs::File::create(p)
            .with_context(|| format!("creating {}", p.display()))
            .and_then(|f| {
                Ok(crate::container::changes::export(
                    &root,
                    std::io::BufWriter::new(f),
                )?)
            }),
        None => Ok(crate::container::changes::export(
            &root,
            std::io::stdout().lock(),
        )?),
    };
    if !was_mounted {
        engine.unmount(&mut c)?;
    }
    result?;
    Ok(0)
}

pub fn mount(ctx: &Ctx, a: NamesArgs) -> CmdResult {
    let engine = ctx.engine()?;
    each(&engine, &a.containers, |c| {
        println!("{}", engine.mount(c)?.display());
        Ok(())
    })
}

pub fn unmount(ctx: &Ctx, a: NamesArgs) -> CmdResult {
    let engine = ctx.engine()?;
    each(&engine, &a.containers, |c| {
        engine.unmount(c)?;
        println!("{}", c.id);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct CommitArgs {
    /// Apply a Dockerfile instruction to the image config (CMD, ENV, ...)
    #[arg(short, long = "change", value_name = "INSTRUCTION")]
    pub changes: Vec<String>,
    /// Commit message (recorded in the image history)
    #[arg(short, long)]
    pub message: Option<String>,
    /// Author
    #[arg(short, long)]
    pub author: Option<String>,
    /// Pause the container while committing
    #[arg(short, long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub pause: bool,
    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Container
    pub container: String,
    /// Name for the new image
    pub image: Option<String>,
}

pub fn commit(ctx: &Ctx, a: CommitArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let req = CommitRequest {
        name: a
            .image
            .as_deref()
            .map(crate::image::reference::local_name)
            .transpose()?,
        changes: a.changes,
        message: a.message,
        author: a.author,
        pause: a.pause,
    };
    let mut c = engine.lookup(&a.container)?;
    let id = crate::container::commit::commit(&engine, &mut c, &req)?;
    println!("{}", id.trim_start_matches("sha256:"));
    Ok(0)
}

#[derive(Args, Debug)]
pub struct CleanupArgs {
    /// Container whose process ended
    pub container: String,
}

pub fn cleanup(ctx: &Ctx, a: CleanupArgs) -> CmdResult {
    ctx.engine()?.cleanup_and_restart(&a.container)?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_docker() {
        assert_eq!(human_duration(0), "Less than a second");
        assert_eq!(human_duration(5), "5 seconds");
        assert_eq!(human_duration(90), "About a minute");
        assert_eq!(human_duration(600), "10 minutes");
        assert_eq!(human_duration(3 * 3600), "3 hours");
    }

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
