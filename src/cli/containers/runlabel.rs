//! `container runlabel`: the image's label made into a command by the engine
//! (`image::runlabel`), shown with --display or run.

use std::path::PathBuf;

use clap::Args;

use crate::cli::shared::RegistryOpts;
use crate::cli::{CmdResult, Ctx};
use crate::image::pull::{PullPolicy, PullRequest};
use crate::image::runlabel;
use crate::registry::client::ConnectOptions;

#[derive(Args, Debug)]
pub struct RunlabelArgs {
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Directory of certificates for the registry: CA certificates as *.crt
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Print the command the label would run, without running it
    #[arg(long)]
    pub display: bool,
    /// Name for the container (NAME and $NAME in the label)
    #[arg(short, long)]
    pub name: Option<String>,
    /// Print nothing while pulling the image, and none of the command's output
    #[arg(short, long)]
    pub quiet: bool,
    /// Remove the container the command names with --name first, if it exists
    #[arg(long)]
    pub replace: bool,
    /// The label holding the command (e.g. run, install)
    pub label: String,
    /// The image: pulled when it is not in the store
    pub image: String,
    /// Appended to the label's command
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

pub fn runlabel(ctx: &Ctx, a: RunlabelArgs) -> CmdResult {
    let store = ctx.store()?;
    let id = crate::image::pull::ensure(&store, &a.image, PullPolicy::Missing, || {
        let req = PullRequest {
            image: a.image.clone(),
            platform: crate::image::platform::Platform::host(),
            connect: ConnectOptions {
                cert_dir: a.cert_dir.clone(),
                ..a.registry.connect(ctx)?
            },
            rootless: ctx.rootless(),
        };
        ctx.pull(&req, a.quiet)
    })?;
    let img = store.find(&id)?;
    let names = store.db().names_of(&img.id)?;
    let req = runlabel::Request {
        label: &a.label,
        input: &a.image,
        name: a.name.as_deref(),
        args: &a.args,
    };
    let cmd = runlabel::command(&img, &names, &req, &ctx.cove_command()?, |k| {
        std::env::var(k).ok()
    })?;
    if a.display {
        let invoked = std::env::args().next().unwrap_or_else(|| "cove".into());
        println!("command: {}", cmd.display(&invoked));
        return Ok(0);
    }
    if let Some(name) = cmd.container_name().filter(|_| a.replace) {
        ctx.engine()?.replace(name)?;
    }
    cmd.run(a.quiet)?;
    Ok(0)
}
