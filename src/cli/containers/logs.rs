//! `logs`.

use super::*;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::container::logs::{self, LogOptions};
use crate::container::ContainerError;
use anyhow::anyhow;
use clap::Args;
use std::io::Write;

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
