//! `top` and `stats`.

use super::*;
use crate::cli::output::{human_size, print_list, short_id};
use crate::cli::{CmdResult, Ctx};
use crate::container::top::TopOutput;
use crate::container::Container;
use clap::Args;
use serde_json::{json, Value};
use std::io::Write;

#[derive(Args, Debug)]
pub struct TopArgs {
    #[command(flatten)]
    pub latest: LatestArg,
    /// Container, then ps(1)-style format descriptors (pid, user, args, hpid, capeff ...)
    /// or, when one is not a descriptor, ps(1) options run in the container (-eo pid,comm)
    #[arg(
        required_unless_present = "latest",
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "CONTAINER [DESCRIPTORS|ARGS]"
    )]
    pub args: Vec<String>,
}

pub fn top(ctx: &Ctx, a: TopArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let (name, descriptors) = a.latest.split(
        &engine,
        a.args.first().cloned(),
        a.args.iter().skip(1).cloned().collect(),
    )?;
    let mut c = engine
        .lookup(&name)
        .map_err(|e| anyhow::Error::from(e).context("unable to look up requested container"))?;
    match engine.top_or_ps(&mut c, &descriptors)? {
        TopOutput::Table(top) => {
            let titles: Vec<&str> = top.titles.iter().map(String::as_str).collect();
            print!("{}", crate::format::render_table(&titles, &top.processes));
        }
        TopOutput::Ps(lines) => lines.iter().for_each(|l| println!("{l}")),
    }
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
    /// Seconds between samples when streaming
    #[arg(short, long, value_name = "SECONDS", default_value_t = 5)]
    pub interval: u64,
    /// The latest created container
    #[arg(short, long)]
    pub latest: bool,
    /// Do not clear the screen between samples
    #[arg(long)]
    pub no_reset: bool,
    /// Do not truncate IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Containers (default: all running)
    pub containers: Vec<String>,
}

pub fn stats(ctx: &Ctx, a: StatsArgs) -> CmdResult {
    let engine = ctx.engine()?;
    if a.interval == 0 {
        return Err(anyhow::anyhow!("--interval must be at least 1 second").into());
    }
    let mut first = true;
    loop {
        if !first {
            std::thread::sleep(
                std::time::Duration::from_secs(a.interval)
                    .saturating_sub(std::time::Duration::from_millis(500)),
            );
        }
        first = false;
        let list: Vec<Container> = if a.latest {
            engine
                .list()?
                .into_iter()
                .max_by_key(|c| c.created_at)
                .into_iter()
                .collect()
        } else if a.containers.is_empty() {
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
        let items: Vec<Value> = engine
            .stats(&list, std::time::Duration::from_millis(500))
            .into_iter()
            .map(|s| {
                let id = if a.no_trunc { s.id.clone() } else { short_id(&s.id) };
                json!({
                    "ID": id,
                    "Name": s.name,
                    "CPUPerc": format!("{:.2}%", s.cpu_percent),
                    "MemUsage": format!("{} / {}", human_size(s.mem_usage), human_size(s.mem_limit)),
                    "MemPerc": format!("{:.2}%", s.mem_percent),
                    "PIDs": s.pids.to_string(),
                })
            })
            .collect();
        if a.format.is_none() && !a.no_stream && !a.no_reset {
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
