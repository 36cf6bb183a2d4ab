//! `container inspect`.

use super::*;
use crate::cli::output::print_inspect;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::container::ContainerError;
use anyhow::anyhow;
use clap::Args;

#[derive(Args, Debug)]
pub struct ContainerInspectArgs {
    /// Format: json or a Go template like '{{.State.Pid}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Add SizeRw (what the container wrote) and SizeRootFs (that plus its image)
    #[arg(short, long)]
    pub size: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to inspect
    #[arg(required_unless_present = "latest")]
    pub containers: Vec<String>,
}

pub fn inspect(ctx: &Ctx, a: ContainerInspectArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut items = Vec::new();
    let mut missing = None;
    for n in &a.latest.or_names(&engine, &a.containers)? {
        match engine.lookup(n) {
            Ok(c) => {
                let mut report = engine.inspect(&c);
                if a.size {
                    let (rw, root) = crate::system::disk_usage::container_sizes(&engine, &c)?;
                    (report.size_rw, report.size_root_fs) = (Some(rw), Some(root));
                }
                items.push(serde_json::to_value(report)?)
            }
            Err(ContainerError::NotFound(_)) => missing = missing.or(Some(n.clone())),
            Err(e) => return Err(e.into()),
        }
    }
    if !items.is_empty() {
        print_inspect(a.format.as_deref(), &items)?;
    }
    if let Some(n) = missing {
        return Err(Failure {
            code: EXIT_NO_SUCH,
            error: anyhow!("no such container {n:?}"),
        });
    }
    Ok(0)
}
