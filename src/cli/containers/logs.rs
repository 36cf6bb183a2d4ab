//! `logs`.

use super::*;
use crate::cli::shared::LogFlags;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::container::logs;
use clap::Args;
use std::io::Write;

#[derive(Args, Debug)]
pub struct LogsArgs {
    #[command(flatten)]
    pub flags: LogFlags,
    /// With several containers: each one's prefix in its own colour
    #[arg(long)]
    pub color: bool,
    /// With several containers: prefix lines with the name instead of the short ID
    #[arg(long)]
    pub names: bool,
    /// Docker's: each line after the attributes its --log-opt chose (none here) and a space
    #[arg(long)]
    pub details: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers
    #[arg(required_unless_present = "latest")]
    pub containers: Vec<String>,
}

pub fn logs(ctx: &Ctx, a: LogsArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let names = a.latest.or_names(&engine, &a.containers)?;
    let lookup = |n: &str| engine.lookup(n).map_err(Failure::from);
    let mut opts = a.flags.options()?;
    opts.details = a.details;
    if names.len() > 1 {
        // Podman's form: every line after its container's short ID (or name).
        let list = names
            .iter()
            .map(|n| lookup(n))
            .collect::<Result<Vec<_>, Failure>>()?;
        for c in &list {
            logs::check_logged(c.config.log_driver)?;
        }
        let prefix = crate::pod::logs::Prefix {
            names: a.names,
            color: a.color,
        };
        let (out, err) = (std::io::stdout(), std::io::stderr());
        crate::pod::logs::print(&engine, &list, &opts, prefix, out, err)?;
        return Ok(0);
    }
    let c = lookup(&names[0])?;
    logs::check_logged(c.config.log_driver)?;
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
