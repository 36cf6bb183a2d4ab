//! `logs`.

use super::*;
use crate::cli::shared::LogFlags;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::container::logs;
use crate::container::ContainerError;
use clap::Args;
use std::io::Write;

#[derive(Args, Debug)]
pub struct LogsArgs {
    #[command(flatten)]
    pub flags: LogFlags,
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
    let opts = a.flags.options()?;
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
