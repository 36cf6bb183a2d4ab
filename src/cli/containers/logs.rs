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
    let opts = LogOptions::from_flags(
        a.since.as_deref(),
        a.until.as_deref(),
        a.tail.as_deref(),
        a.timestamps,
        a.follow,
    )
    .map_err(|e| anyhow!(e))?;
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
