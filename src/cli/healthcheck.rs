//! `cove healthcheck run`: one health check now (the shim runs it on schedule).

use clap::{Args, Subcommand};

use super::{CmdResult, Ctx};
use crate::container::health::HEALTHY;

#[derive(Subcommand, Debug)]
pub enum HealthcheckCommand {
    /// Run a container's health check once and print its status
    Run(RunArgs),
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// The container
    pub container: String,
}

/// Podman's exit codes: 0 healthy, 1 unhealthy (or still starting), 125 no check.
pub fn run(ctx: &Ctx, cmd: HealthcheckCommand) -> CmdResult {
    let HealthcheckCommand::Run(a) = cmd;
    let engine = ctx.engine()?;
    let mut c = engine.lookup(&a.container)?;
    let outcome = engine.run_healthcheck(&mut c)?;
    if outcome.status == HEALTHY {
        return Ok(0);
    }
    println!("{}", outcome.status);
    Ok(1)
}
