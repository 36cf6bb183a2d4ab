//! pod create, ps, inspect, start, stop, restart, kill, pause, unpause, rm, prune, exists;
//! logs, top and stats in `procs`.

mod procs;

use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, Subcommand};
use serde_json::Value;

use super::output::{confirm, print_inspect, print_list, short_id, time_ago};
use super::{CmdResult, Ctx, Failure};
use crate::container::flags::{self, key_values};
use crate::container::{CreateError, CreateRequest, Defaults, Engine};
use crate::filter::Filters;
use crate::network::NetworkMode;
use crate::pod::report::{self, PodView};
use crate::pod::{self, ops, CreatePod, ExitPolicy, Namespace, Pod, PodError};

#[derive(Subcommand, Debug)]
pub enum PodCommand {
    /// Create a new empty pod
    Create(Box<CreateArgs>),
    /// Check if a pod exists in local storage
    Exists(ExistsArgs),
    /// Display a pod configuration
    Inspect(InspectArgs),
    /// Display the logs of the pod's containers
    Logs(procs::LogsArgs),
    /// Send the specified signal or SIGKILL to containers in pod
    Kill(KillArgs),
    /// Pause one or more pods
    Pause(AllArgs),
    /// Remove all stopped pods and their containers
    Prune(PruneArgs),
    /// List pods
    #[command(visible_aliases = ["ls", "list"])]
    Ps(PsArgs),
    /// Restart one or more pods
    Restart(AllArgs),
    /// Remove one or more stopped pods and containers
    Rm(RmArgs),
    /// Start one or more pods
    Start(StartArgs),
    /// Display a live stream of resource usage statistics for the containers in pods
    Stats(procs::StatsArgs),
    /// Stop one or more pods
    Stop(StopArgs),
    /// Display the running processes of the containers in a pod
    Top(procs::TopArgs),
    /// Unpause one or more pods
    Unpause(AllArgs),
}

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
}

fn pod_request(a: &CreateArgs) -> anyhow::Result<CreatePod> {
    let mut labels = Vec::new();
    for f in &a.label_file {
        let text = std::fs::read_to_string(f)
            .map_err(|e| anyhow!("reading the --label-file {}: {e}", f.display()))?;
        labels.extend(flags::parse_label_file(&text));
    }
    labels.extend(key_values(&a.labels));
    let mut publish = Vec::new();
    for p in &a.publish {
        publish.extend(crate::network::ports::parse_publish(p)?);
    }
    let mut dns = Vec::new();
    for d in &a.dns {
        dns.push(d.parse().map_err(|_| CreateError::Dns(d.clone()))?);
    }
    let infra_command = a.infra_command.as_deref().map(|c| {
        // Podman takes a JSON array or a single command.
        serde_json::from_str::<Vec<String>>(c).unwrap_or_else(|_| vec![c.to_string()])
    });
    Ok(CreatePod {
        name: a.name.clone(),
        hostname: a.hostname.clone(),
        labels: labels.into_iter().collect(),
        share: Some(Namespace::parse_list(&a.share)?).filter(|_| a.share != "ipc,net,uts"),
        infra: a.infra,
        infra_image: None,
        infra_command,
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
        replace: a.replace,
        create_command: crate::cli::argv::create_command(std::env::args_os()),
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

/// `--latest`: the newest pod.
fn latest(ctx: &Ctx) -> anyhow::Result<String> {
    pod::list(&*ctx.store()?)?
        .into_iter()
        .max_by_key(|p| p.created_at)
        .map(|p| p.id)
        .ok_or_else(|| anyhow!("no pods to act on"))
}

/// The pods a command names: `--all`, `--latest`, `--pod-id-file`s, or the arguments.
fn targets(
    ctx: &Ctx,
    names: &[String],
    all: bool,
    latest_: bool,
    id_files: &[PathBuf],
) -> anyhow::Result<Vec<String>> {
    let mut out: Vec<String> = names.to_vec();
    for f in id_files {
        let id = std::fs::read_to_string(f)
            .map_err(|e| anyhow!("reading the pod id file {}: {e}", f.display()))?;
        out.push(id.trim().to_string());
    }
    if all {
        if !out.is_empty() {
            return Err(anyhow!("--all and pod names cannot be used together"));
        }
        out = pod::list(&*ctx.store()?)?
            .into_iter()
            .map(|p| p.id)
            .collect();
    } else if latest_ {
        out.push(latest(ctx)?);
    } else if out.is_empty() {
        return Err(anyhow!("you must provide at least one pod name or ID"));
    }
    Ok(out)
}

/// Run `f` on each named pod, printing its ID when it succeeds, as Podman does.
fn each_pod(
    ctx: &Ctx,
    names: &[String],
    mut f: impl FnMut(&Engine, &Pod) -> pod::Result<()>,
) -> CmdResult {
    let engine = ctx.engine()?;
    let store = ctx.store()?;
    Ok(super::each_name(names, |n| {
        let p = pod::find(&store, n).map_err(failure)?;
        f(&engine, &p).map_err(failure)?;
        println!("{}", p.id);
        Ok(())
    }))
}

fn failure(e: PodError) -> Failure {
    let code = match e {
        PodError::NotFound(_) => 1,
        PodError::Running { .. } => 2,
        _ => crate::cli::EXIT_FAILURE,
    };
    Failure {
        code,
        error: e.into(),
    }
}

#[derive(Args, Debug)]
pub struct AllArgs {
    /// Act on all pods
    #[arg(short, long)]
    pub all: bool,
    /// Act on the latest pod
    #[arg(short, long)]
    pub latest: bool,
    /// Pods (names or IDs)
    pub names: Vec<String>,
}

#[derive(Args, Debug)]
pub struct StartArgs {
    #[command(flatten)]
    pub which: AllArgs,
    /// Read the pod ID from this file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,
}

pub fn start(ctx: &Ctx, a: StartArgs) -> CmdResult {
    let w = &a.which;
    let names = targets(ctx, &w.names, w.all, w.latest, &a.pod_id_file)?;
    each_pod(ctx, &names, ops::start)
}

#[derive(Args, Debug)]
pub struct StopArgs {
    #[command(flatten)]
    pub which: AllArgs,
    /// Ignore pods that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    /// Read the pod ID from this file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,
    /// Seconds to wait before killing the containers
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u32>,
}

/// `--ignore`: only the pods that exist.
fn existing(ctx: &Ctx, names: Vec<String>, ignore: bool) -> anyhow::Result<Vec<String>> {
    if !ignore {
        return Ok(names);
    }
    let store = ctx.store()?;
    Ok(names
        .into_iter()
        .filter(|n| !matches!(pod::find(&store, n), Err(PodError::NotFound(_))))
        .collect())
}

pub fn stop(ctx: &Ctx, a: StopArgs) -> CmdResult {
    let w = &a.which;
    let names = targets(ctx, &w.names, w.all, w.latest, &a.pod_id_file)?;
    let names = existing(ctx, names, a.ignore)?;
    each_pod(ctx, &names, |e, p| ops::stop(e, p, a.time))
}

pub fn restart(ctx: &Ctx, a: AllArgs) -> CmdResult {
    let names = targets(ctx, &a.names, a.all, a.latest, &[])?;
    each_pod(ctx, &names, |e, p| ops::restart(e, p, None))
}

pub fn pause(ctx: &Ctx, a: AllArgs) -> CmdResult {
    let names = targets(ctx, &a.names, a.all, a.latest, &[])?;
    each_pod(ctx, &names, ops::pause)
}

pub fn unpause(ctx: &Ctx, a: AllArgs) -> CmdResult {
    let names = targets(ctx, &a.names, a.all, a.latest, &[])?;
    each_pod(ctx, &names, ops::unpause)
}

#[derive(Args, Debug)]
pub struct KillArgs {
    #[command(flatten)]
    pub which: AllArgs,
    /// Signal to send to the containers
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
}

pub fn kill(ctx: &Ctx, a: KillArgs) -> CmdResult {
    let w = &a.which;
    a.signal
        .parse::<crate::container::signal::Signal>()
        .map_err(CreateError::from)?;
    let names = targets(ctx, &w.names, w.all, w.latest, &[])?;
    each_pod(ctx, &names, |e, p| ops::kill(e, p, &a.signal))
}

#[derive(Args, Debug)]
pub struct RmArgs {
    #[command(flatten)]
    pub which: AllArgs,
    /// Stop running containers and remove them
    #[arg(short, long)]
    pub force: bool,
    /// Ignore pods that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    /// Read the pod ID from this file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,
    /// Seconds to wait for containers to stop before killing them (with --force)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u32>,
}

pub fn rm(ctx: &Ctx, a: RmArgs) -> CmdResult {
    let w = &a.which;
    let ignore_missing_files = a.ignore;
    let files: Vec<PathBuf> = a
        .pod_id_file
        .iter()
        .filter(|f| !ignore_missing_files || f.exists())
        .cloned()
        .collect();
    if w.all && w.names.is_empty() && files.is_empty() && pod::list(&*ctx.store()?)?.is_empty() {
        return Ok(0);
    }
    let names = targets(ctx, &w.names, w.all, w.latest, &files)?;
    let names = existing(ctx, names, a.ignore)?;
    each_pod(ctx, &names, |e, p| ops::remove(e, p, a.force, a.time))
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn prune(ctx: &Ctx, a: PruneArgs) -> CmdResult {
    if !a.force
        && !confirm("WARNING! This will remove all stopped/exited pods..\nAre you sure you want to continue? [y/N] ")?
    {
        return Ok(0);
    }
    for id in ops::prune(&ctx.engine()?)? {
        println!("{id}");
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    /// Pod name or ID
    pub name: String,
}

pub fn exists(ctx: &Ctx, a: ExistsArgs) -> CmdResult {
    match pod::find(&*ctx.store()?, &a.name) {
        Ok(_) => Ok(0),
        Err(PodError::NotFound(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Format: json or a Go template like '{{.Name}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Inspect the latest pod
    #[arg(short, long)]
    pub latest: bool,
    /// Pods to inspect (names or IDs)
    pub names: Vec<String>,
}

pub fn inspect(ctx: &Ctx, a: InspectArgs) -> CmdResult {
    let names = targets(ctx, &a.names, false, a.latest, &[])?;
    let engine = ctx.engine()?;
    let mut items = Vec::new();
    let mut code = 0;
    for n in &names {
        let found = pod::find(&engine.store, n).and_then(|p| {
            let members = ops::members(&engine, &p)?;
            Ok(report::inspect(&p, &members))
        });
        match found {
            Ok(r) => items.push(serde_json::to_value(r).map_err(anyhow::Error::from)?),
            Err(e) => {
                eprintln!("Error: {e}");
                code = crate::cli::EXIT_FAILURE;
            }
        }
    }
    // One pod prints as an object, as Podman 4 does; several as a list.
    if a.format.is_none() && items.len() == 1 {
        println!(
            "{}",
            serde_json::to_string_pretty(&items[0]).unwrap_or_default()
        );
    } else {
        print_inspect(a.format.as_deref(), &items)?;
    }
    Ok(code)
}

#[derive(Args, Debug)]
pub struct PsArgs {
    /// Show the IDs of the pods' containers
    #[arg(long)]
    pub ctr_ids: bool,
    /// Show the names of the pods' containers
    #[arg(long)]
    pub ctr_names: bool,
    /// Show the states of the pods' containers
    #[arg(long)]
    pub ctr_status: bool,
    /// Filter (id, name, label, status, ctr-names, ctr-ids, ctr-status, ctr-number, network, until)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Format: json or a Go template like '{{.Name}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Show the latest pod only
    #[arg(short, long)]
    pub latest: bool,
    /// Do not truncate IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print headers
    #[arg(long)]
    pub noheading: bool,
    /// Print pod IDs only
    #[arg(short, long)]
    pub quiet: bool,
    /// Sort by created, id, name, number or status
    #[arg(long, default_value = "created")]
    pub sort: String,
}

pub fn ps(ctx: &Ctx, a: PsArgs) -> CmdResult {
    let filters = Filters::for_kind::<PodView>(&a.filter)?;
    let engine = ctx.engine()?;
    let mut views = Vec::new();
    for p in pod::list(&engine.store)? {
        let members = ops::members(&engine, &p)?;
        let view = PodView { pod: p, members };
        if filters.matches(&view)? {
            views.push(view);
        }
    }
    match a.sort.as_str() {
        "created" => views.sort_by_key(|v| std::cmp::Reverse(v.pod.created_at)),
        "id" => views.sort_by(|x, y| x.pod.id.cmp(&y.pod.id)),
        "name" => views.sort_by(|x, y| x.pod.name.cmp(&y.pod.name)),
        "number" => views.sort_by_key(|v| v.members.len()),
        "status" => views.sort_by_key(|v| pod::PodStatus::of(&v.members).as_str()),
        other => {
            return Err(anyhow!(
            "invalid option for --sort {other:?}: options are: created, id, name, number, status"
        )
            .into())
        }
    }
    if a.latest {
        views.sort_by_key(|v| std::cmp::Reverse(v.pod.created_at));
        views.truncate(1);
    }
    let id = |s: &str| {
        if a.no_trunc {
            s.to_string()
        } else {
            short_id(s)
        }
    };
    if a.quiet {
        for v in &views {
            println!("{}", id(&v.pod.id));
        }
        return Ok(0);
    }
    if a.format.as_deref() == Some("json") {
        let list: Vec<_> = views
            .iter()
            .map(|v| report::list_entry(&v.pod, &v.members))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&list).map_err(anyhow::Error::from)?
        );
        return Ok(0);
    }
    let items: Vec<Value> = views.iter().map(|v| template_row(v, &id)).collect();
    let mut headers = vec!["POD ID", "NAME", "STATUS", "CREATED", "INFRA ID"];
    let mut keys = vec!["ID", "Name", "Status", "Created", "InfraID"];
    if a.ctr_ids {
        headers.push("IDS");
        keys.push("ContainerIds");
    }
    if a.ctr_names {
        headers.push("NAMES");
        keys.push("ContainerNames");
    }
    if a.ctr_status {
        headers.push("STATUS");
        keys.push("ContainerStatuses");
    }
    if !(a.ctr_ids || a.ctr_names || a.ctr_status) {
        headers.push("# OF CONTAINERS");
        keys.push("NumberOfContainers");
    }
    let text = |v: &Value, k: &str| match &v[k] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    print_list(
        a.format.as_deref(),
        if a.noheading { &[] } else { &headers },
        &[
            ("ID", "POD ID"),
            ("InfraID", "INFRA ID"),
            ("NumberOfContainers", "# OF CONTAINERS"),
            ("ContainerIds", "IDS"),
            ("ContainerNames", "NAMES"),
            ("ContainerStatuses", "STATUS"),
        ],
        &items,
        |v| keys.iter().map(|k| text(v, k)).collect(),
    )?;
    Ok(0)
}

/// The fields `pod ps --format` templates see (Podman's names).
fn template_row(v: &PodView, id: &dyn Fn(&str) -> String) -> Value {
    let joined = |f: &dyn Fn(&crate::container::Container) -> String| {
        v.members.iter().map(f).collect::<Vec<_>>().join(",")
    };
    serde_json::json!({
        "ID": id(&v.pod.id),
        "Name": v.pod.name,
        "Status": pod::PodStatus::of(&v.members).as_str(),
        "Created": time_ago(v.pod.created()),
        "InfraID": v.pod.config.infra_id.as_deref().map(id).unwrap_or_default(),
        "NumberOfContainers": v.members.len(),
        "ContainerIds": joined(&|c| id(&c.id)),
        "ContainerNames": joined(&|c| c.name.clone()),
        "ContainerStatuses": joined(&|c| c.state.status.as_str().to_string()),
        "Labels": v.pod.config.labels,
        "Networks": report::list_entry(&v.pod, &v.members).networks.join(","),
        "Cgroup": "",
        "Namespace": "",
    })
}

pub fn run(ctx: &Ctx, cmd: PodCommand) -> CmdResult {
    match cmd {
        PodCommand::Create(a) => create(ctx, *a),
        PodCommand::Exists(a) => exists(ctx, a),
        PodCommand::Inspect(a) => inspect(ctx, a),
        PodCommand::Logs(a) => procs::logs(ctx, a),
        PodCommand::Kill(a) => kill(ctx, a),
        PodCommand::Pause(a) => pause(ctx, a),
        PodCommand::Prune(a) => prune(ctx, a),
        PodCommand::Ps(a) => ps(ctx, a),
        PodCommand::Restart(a) => restart(ctx, a),
        PodCommand::Rm(a) => rm(ctx, a),
        PodCommand::Start(a) => start(ctx, a),
        PodCommand::Stats(a) => procs::stats(ctx, a),
        PodCommand::Stop(a) => stop(ctx, a),
        PodCommand::Top(a) => procs::top(ctx, a),
        PodCommand::Unpause(a) => unpause(ctx, a),
    }
}
