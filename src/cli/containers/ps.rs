//! `ps` / `container ls`.

use super::*;
use crate::cli::output::{print_list, time_ago};
use crate::cli::{CmdResult, Ctx};
use crate::container::report::ContainerSummary;
use crate::container::{Container, Status};
use crate::pod::Pod;
use clap::Args;
use serde_json::{json, Value};

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
    /// Do not print the header line
    #[arg(long)]
    pub noheading: bool,
    /// Show the pod each container belongs to
    #[arg(short, long)]
    pub pod: bool,
    /// Sort by: command, created, id, image, names, runningfor, status
    #[arg(long, value_name = "KEY", default_value = "created", value_parser = ["command", "created", "id", "image", "names", "runningfor", "size", "status"])]
    pub sort: String,
    /// Also list containers of other tools (cove's store holds only its own)
    #[arg(long)]
    pub external: bool,
    /// Show each container's namespaces (their inode numbers)
    #[arg(long)]
    pub ns: bool,
    /// Show the size of what each container has written
    #[arg(short, long)]
    pub size: bool,
    /// Check each container's state with its runtime first (cove always does)
    #[arg(long)]
    pub sync: bool,
    /// Print the list again every N seconds
    #[arg(short, long, value_name = "SECONDS")]
    pub watch: Option<u64>,
}

/// `--ns`: Podman's columns, the namespaces' inode numbers read from /proc.
const NS_COLUMNS: [(&str, &str, &str); 7] = [
    ("CGROUPNS", "Cgroupns", "cgroup"),
    ("IPC", "IPC", "ipc"),
    ("MNT", "MNT", "mnt"),
    ("NET", "NET", "net"),
    ("PIDNS", "PIDNS", "pid"),
    ("USERNS", "UserNS", "user"),
    ("UTS", "UTS", "uts"),
];

fn namespace_inode(pid: i32, ns: &str) -> String {
    std::fs::read_link(format!("/proc/{pid}/ns/{ns}"))
        .ok()
        .and_then(|l| {
            let l = l.to_string_lossy().into_owned();
            l.split_once('[')
                .map(|(_, n)| n.trim_end_matches(']').to_string())
        })
        .unwrap_or_default()
}

/// The row `ps` prints (and its JSON), Podman's field names over the engine's summary.
fn ps_value(c: &Container, s: &ContainerSummary, no_trunc: bool, pods: &[Pod]) -> Value {
    let pod = c
        .config
        .pod
        .as_deref()
        .and_then(|id| pods.iter().find(|p| p.id == id));
    let created = chrono::DateTime::from_timestamp(s.created, 0).unwrap_or_default();
    let command = if no_trunc || s.command.chars().count() <= 20 {
        s.command.clone()
    } else {
        format!("{}…", s.command.chars().take(19).collect::<String>())
    };
    let labels: Vec<String> = s.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    json!({
        "ID": if no_trunc { s.id.clone() } else { c.short_id().to_string() },
        "Id": s.id,
        "Names": s.name(),
        "Image": s.image,
        "ImageID": s.image_id,
        "Command": format!("\"{command}\""),
        "CreatedAt": created.format("%Y-%m-%d %H:%M:%S %z %Z").to_string(),
        "Created": s.created,
        "RunningFor": time_ago(created),
        "Status": s.status,
        "State": s.state,
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
        "Pod": pod.map(|p| if no_trunc { p.id.clone() } else { p.short_id().to_string() }).unwrap_or_default(),
        "PodName": pod.map(|p| p.name.clone()).unwrap_or_default(),
        "IsInfra": c.config.pod_infra,
    })
}

pub fn ps(ctx: &Ctx, a: PsArgs) -> CmdResult {
    let Some(every) = a.watch else {
        return ps_once(ctx, &a);
    };
    if every == 0 {
        return Err(anyhow!("--watch must be at least 1 second").into());
    }
    loop {
        // Redrawn in place, as Podman does.
        print!("\x1b[2J\x1b[H");
        ps_once(ctx, &a)?;
        std::io::Write::flush(&mut std::io::stdout())?;
        std::thread::sleep(std::time::Duration::from_secs(every));
    }
}

fn ps_once(ctx: &Ctx, a: &PsArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut list = engine.list()?;
    // A filter that names a state looks at every container, as in Docker.
    let filters = container_filters(&engine, &a.filter)?;
    let status_filter = filters.has("status") || filters.has("exited");
    if !(a.all || a.latest || a.last.is_some() || status_filter) {
        // Docker lists a container waiting to restart with the running ones.
        list.retain(|c| c.state.status.is_active() || c.state.status == Status::Restarting);
    }
    let mut kept = filters.select(list)?;
    match a.sort.as_str() {
        "command" => kept.sort_by(|x, y| x.config.args.cmp(&y.config.args)),
        "id" => kept.sort_by(|x, y| x.id.cmp(&y.id)),
        "image" => kept.sort_by(|x, y| x.config.image_name.cmp(&y.config.image_name)),
        "names" => kept.sort_by(|x, y| x.name.cmp(&y.name)),
        "status" => kept.sort_by_key(|c| c.state.status.as_str()),
        "size" => {
            kept.sort_by_cached_key(|c| crate::system::disk_usage::container_size(&engine, &c.id))
        }
        // created, runningfor: newest first, as listed.
        _ => kept.sort_by_key(|c| std::cmp::Reverse(c.created_at)),
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
    let now = chrono::Utc::now();
    let pods = crate::pod::list(&engine.store)?;
    let items: Vec<Value> = kept
        .iter()
        .map(|c| {
            let mut v = ps_value(c, &ContainerSummary::of(c, now), a.no_trunc, &pods);
            if a.size {
                let size = crate::system::disk_usage::container_size(&engine, &c.id);
                v["Size"] = json!(crate::cli::output::human_size(size));
            }
            if a.ns {
                let running = c.state.status.is_active() && c.state.pid > 0;
                for (_, key, ns) in NS_COLUMNS {
                    let inode = if running {
                        namespace_inode(c.state.pid, ns)
                    } else {
                        String::new()
                    };
                    v[key] = json!(inode);
                }
            }
            v
        })
        .collect();
    let mut headers = vec![
        "CONTAINER ID",
        "IMAGE",
        "COMMAND",
        "CREATED",
        "STATUS",
        "PORTS",
        "NAMES",
    ];
    let mut keys = vec![
        "ID",
        "Image",
        "Command",
        "RunningFor",
        "Status",
        "Ports",
        "Names",
    ];
    if a.ns {
        // Podman's --ns table: who, then where.
        headers = vec!["CONTAINER ID", "NAMES", "PID"];
        keys = vec!["ID", "Names", "Pid"];
        for (title, key, _) in NS_COLUMNS {
            headers.push(title);
            keys.push(key);
        }
    }
    if a.pod {
        headers.extend(["POD ID", "PODNAME"]);
        keys.extend(["Pod", "PodName"]);
    }
    if a.size {
        headers.push("SIZE");
        keys.push("Size");
    }
    print_list(
        a.format.as_deref(),
        if a.noheading { &[] } else { &headers },
        CONTAINER_TITLES,
        &items,
        |v| {
            keys.iter()
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
    ("Pod", "POD ID"),
    ("PodName", "PODNAME"),
];
