//! `container clone`: Podman 4.3's copy of a container from its stored settings.

use super::*;
use crate::cli::{CmdResult, Ctx};
use crate::container::clone::CloneRequest;
use clap::Args;

#[derive(Args, Debug)]
pub struct CloneArgs {
    /// Name of the copy (default: NAME-clone)
    #[arg(long)]
    pub name: Option<String>,
    /// Remove the original container once the copy exists
    #[arg(long)]
    pub destroy: bool,
    /// With --destroy: remove the original even while it runs
    #[arg(short, long)]
    pub force: bool,
    /// Start the copy
    #[arg(long)]
    pub run: bool,
    /// Put the copy in another pod (refused: clone the pod with `pod clone`)
    #[arg(long, value_name = "POD")]
    pub pod: Option<String>,
    #[command(flatten)]
    pub resources: ResourceArgs,
    /// The container to copy
    pub container: String,
    /// Name of the copy (as --name)
    #[arg(value_name = "NAME")]
    pub new_name: Option<String>,
    /// Another image for the copy
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
}

pub fn clone(ctx: &Ctx, a: CloneArgs) -> CmdResult {
    if let Some(p) = &a.pod {
        return Err(anyhow!(
            "--pod {p}: cove copies a container into its own pod only; copy a whole pod with `cove pod clone`"
        )
        .into());
    }
    let engine = ctx.engine()?;
    let mut from = engine.lookup(&a.container)?;
    let mut made = engine.clone_container(
        &mut from,
        CloneRequest {
            name: a.name.or(a.new_name),
            image: a.image,
            resources: a.resources.limits()?,
            destroy: a.destroy,
            force: a.force,
        },
    )?;
    if a.run {
        engine.start(&mut made, false).map_err(start_failure)?;
    }
    println!("{}", made.id);
    Ok(0)
}
