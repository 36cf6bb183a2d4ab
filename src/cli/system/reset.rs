//! `system reset`: asks, then hands over to `system::reset`.

use clap::Args;

use super::super::{CmdResult, Ctx};
use super::confirm;

#[derive(Args, Debug)]
pub struct ResetArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn reset(ctx: &Ctx, a: ResetArgs) -> CmdResult {
    if !a.force {
        let question = format!(
            "WARNING! This will remove:\n\
             \t- all containers\n\
             \t- all images\n\
             \t- all networks\n\
             \t- all volumes\n\
             \t- the graphRoot directory: {:?}\n\
             \t- the runRoot directory: {:?}\n\
             Are you sure you want to continue? [y/N] ",
            ctx.paths.data.display().to_string(),
            ctx.paths.runtime.display().to_string(),
        );
        if !confirm(&question)? {
            return Ok(0);
        }
    }
    let problems = crate::system::reset::reset(&ctx.engine()?)?;
    for p in &problems {
        eprintln!("Error: {p}");
    }
    Ok(if problems.is_empty() {
        0
    } else {
        super::super::EXIT_FAILURE
    })
}
