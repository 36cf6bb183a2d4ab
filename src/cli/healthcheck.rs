//! `cove healthcheck run`: one health check now (the shim runs it on schedule).

use clap::{Args, Subcommand};

use super::{CmdResult, Ctx, Failure};
use crate::container::health::HEALTHY;
use crate::container::ContainerError;

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
    let outcome = engine.run_healthcheck(&mut c).map_err(|e| match e {
        ContainerError::NotFound(_) => Failure {
            code: 125,
            error: e.into(),
        },
        other => other.into(),
    })?;
    if outcome.status == HEALTHY {
        return Ok(0);
    }
    println!("{}", outcome.status);
    Ok(1)
}
