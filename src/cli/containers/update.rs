//! `update`: the restart policy (Docker's flag), and every resource flag of Podman 4.3
//! and Docker 28, refused as `run` refuses them while no cgroup is delegated.

use super::*;
use crate::cli::{CmdResult, Ctx};
use crate::container::update::UpdateRequest;
use clap::Args;

#[derive(Args, Debug)]
pub struct UpdateArgs {
    /// Restart policy from now on: no, on-failure[:MAX], always, unless-stopped
    #[arg(long, value_name = "POLICY")]
    pub restart: Option<String>,
    #[command(flatten)]
    pub resources: ResourceArgs,
    /// Containers to update
    #[arg(required = true)]
    pub containers: Vec<String>,
}

pub fn update(ctx: &Ctx, a: UpdateArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let req = UpdateRequest {
        restart: a.restart.as_deref().map(str::parse).transpose()?,
        resources: a.resources.limits()?,
    };
    each(&engine, &a.containers, |c| {
        engine.update(c, &req)?;
        println!("{}", c.id);
        Ok(())
    })
}
