//! pod ps, inspect, start, stop, restart, kill, pause, unpause, rm, prune, exists; create
//! and clone in `create`; logs, top and stats in `procs`.

mod create;
mod procs;

use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, Subcommand};
use serde_json::Value;

use super::output::{confirm, print_inspect, print_list, short_id, time_ago};
use super::{CmdResult, Ctx, Failure};
use crate::container::{CreateError, Engine};
use crate::filter::Filters;
use crate::pod::report::{self, PodView};
use crate::pod::{self, ops, Pod, PodError};

#[derive(Subcommand, Debug)]
pub enum PodCommand {
    /// Create a copy of an existing pod
    Clone(Box<create::CloneArgs>),
    /// Create a new empty pod
    Create(Box<create::CreateArgs>),
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

pub(super) fn failure(e: PodError) -> Failure {
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
    /// Show the pods' cgroup and namespace (cove makes no cgroups: empty, as Podman's
    /// namespace column)
    #[arg(long)]
    pub ns: bool,
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
    if a.ns {
        headers.extend(["CGROUP", "NAMESPACES"]);
        keys.extend(["Cgroup", "Namespace"]);
    }
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
            ("Namespace", "NAMESPACES"),
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
        PodCommand::Clone(a) => create::clone(ctx, *a),
        PodCommand::Create(a) => create::create(ctx, *a),
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
