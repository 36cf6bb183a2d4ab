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
    /// Containers to inspect
    #[arg(required = true)]
    pub containers: Vec<String>,
}

pub fn inspect(ctx: &Ctx, a: ContainerInspectArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut items = Vec::new();
    let mut missing = None;
    for n in &a.containers {
        match engine.lookup(n) {
            Ok(c) => items.push(serde_json::to_value(engine.inspect(&c))?),
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
