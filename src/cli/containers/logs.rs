//! `logs`.

use crate::cli::shared::LogFlags;
use crate::cli::{CmdResult, Ctx};
use crate::container::logs;
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
    let c = engine.lookup(&a.container)?;
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
