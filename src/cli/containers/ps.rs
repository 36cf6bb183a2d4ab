//! `ps` / `container ls`.

use super::*;
use crate::cli::output::{print_list, time_ago};
use crate::cli::{CmdResult, Ctx};
use crate::container::health::{self};
use crate::container::{Container, Status};
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

pub fn ps(ctx: &Ctx, a: PsArgs) -> CmdResult {
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
}
