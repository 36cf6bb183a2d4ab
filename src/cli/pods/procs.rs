//! pod logs, top, stats: what a pod's containers print and run, and what they use.

use std::io::Write;
use std::time::Duration;

use anyhow::anyhow;
use clap::Args;
use serde_json::{json, Value};

use super::{failure, latest};
use crate::cli::output::{human_size, print_list, short_id};
use crate::cli::shared::LogFlags;
use crate::cli::{CmdResult, Ctx};
use crate::container::Container;
use crate::pod::logs::Prefix;
use crate::pod::{self, ops};

#[derive(Args, Debug)]
pub struct LogsArgs {
    /// Show only this container's logs (a member of the pod)
    #[arg(short, long, value_name = "NAME|ID")]
    pub container: Option<String>,
    /// Act on the latest pod
    #[arg(short, long)]
    pub latest: bool,
    /// Prefix each line with its container's name instead of its ID
    #[arg(long)]
    pub names: bool,
    /// Each container's prefix in its own colour
    #[arg(long)]
    pub color: bool,
    #[command(flatten)]
    pub flags: LogFlags,
    /// The pod
    #[arg(required_unless_present = "latest", conflicts_with = "latest")]
    pub pod: Option<String>,
}

pub fn logs(ctx: &Ctx, a: LogsArgs) -> CmdResult {
    let opts = a.flags.options()?;
    let name = match a.pod {
        Some(p) => p,
        None => latest(ctx)?,
    };
    let engine = ctx.engine()?;
    let p = pod::find(&engine.store, &name).map_err(failure)?;
    let list = pod::logs::containers(&engine, &p, a.container.as_deref()).map_err(failure)?;
    let prefix = Prefix {
        names: a.names,
        color: a.color,
    };
    pod::logs::print(
        &engine,
        &list,
        &opts,
        prefix,
        std::io::stdout(),
        std::io::stderr(),
    )?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct TopArgs {
    /// Act on the latest pod
    #[arg(short, long)]
    pub latest: bool,
    /// The pod, then ps(1)-style format descriptors (pid, user, args, hpid, capeff ...)
    #[arg(required_unless_present = "latest", value_name = "POD [DESCRIPTORS]")]
    pub args: Vec<String>,
}

pub fn top(ctx: &Ctx, a: TopArgs) -> CmdResult {
    let (name, descriptors) = match a.latest {
        true => (latest(ctx)?, a.args),
        false => (a.args[0].clone(), a.args[1..].to_vec()),
    };
    let engine = ctx.engine()?;
    let p = pod::find(&engine.store, &name).map_err(failure)?;
    let top = ops::top(&engine, &p, &descriptors).map_err(failure)?;
    let titles: Vec<&str> = top.titles.iter().map(String::as_str).collect();
    print!("{}", crate::format::render_table(&titles, &top.processes));
    Ok(0)
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Show the stats of all pods (the default when none is named)
    #[arg(short, long)]
    pub all: bool,
    /// Format: json or a Go template like '{{.Name}} {{.CPU}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Act on the latest pod
    #[arg(short, long)]
    pub latest: bool,
    /// Do not clear the screen between samples
    #[arg(long)]
    pub no_reset: bool,
    /// Print one sample and exit
    #[arg(long)]
    pub no_stream: bool,
    /// Pods (default: all)
    pub pods: Vec<String>,
}

const STATS_HEADERS: [&str; 9] = [
    "POD",
    "CID",
    "NAME",
    "CPU %",
    "MEM USAGE/ LIMIT",
    "MEM %",
    "NET IO",
    "BLOCK IO",
    "PIDS",
];
const STATS_FIELDS: [&str; 9] = [
    "Pod", "CID", "Name", "CPU", "MemUsage", "Mem", "NetIO", "BlockIO", "PIDS",
];

pub fn stats(ctx: &Ctx, a: StatsArgs) -> CmdResult {
    if a.all && !a.pods.is_empty() {
        return Err(anyhow!("--all and pod names cannot be used together").into());
    }
    let engine = ctx.engine()?;
    let mut names = a.pods.clone();
    if a.latest {
        names.push(latest(ctx)?);
    }
    loop {
        let pods = if names.is_empty() {
            pod::list(&engine.store)?
        } else {
            names
                .iter()
                .map(|n| pod::find(&engine.store, n))
                .collect::<Result<_, _>>()
                .map_err(failure)?
        };
        let mut members: Vec<(String, Container)> = Vec::new();
        for p in &pods {
            for c in ops::members(&engine, p)? {
                members.push((p.id.clone(), c));
            }
        }
        let list: Vec<Container> = members.iter().map(|(_, c)| c.clone()).collect();
        let items: Vec<Value> = members
            .iter()
            .zip(engine.stats(&list, Duration::from_millis(500)))
            .map(|((pod_id, _), s)| {
                json!({
                    "Pod": short_id(pod_id),
                    "CID": short_id(&s.id),
                    "Name": s.name,
                    "CPU": format!("{:.2}%", s.cpu_percent),
                    "MemUsage": format!("{} / {}", human_size(s.mem_usage), human_size(s.mem_limit)),
                    "MemUsageBytes": format!("{} / {}", s.mem_usage, s.mem_limit),
                    "Mem": format!("{:.2}%", s.mem_percent),
                    "NetIO": format!("{} / {}", human_size(s.net_input), human_size(s.net_output)),
                    "BlockIO": "-- / --",
                    "PIDS": s.pids.to_string(),
                })
            })
            .collect();
        if a.format.is_none() && !a.no_stream && !a.no_reset {
            // Redraw in place, as `podman pod stats` does.
            print!("\x1b[2J\x1b[H");
        }
        let titles: Vec<(&str, &str)> = STATS_FIELDS
            .iter()
            .copied()
            .zip(STATS_HEADERS.iter().copied())
            .collect();
        print_list(a.format.as_deref(), &STATS_HEADERS, &titles, &items, |v| {
            STATS_FIELDS
                .iter()
                .map(|k| v[*k].as_str().unwrap_or_default().to_string())
                .collect()
        })?;
        std::io::stdout().flush()?;
        if a.no_stream {
            return Ok(0);
        }
    }
}
