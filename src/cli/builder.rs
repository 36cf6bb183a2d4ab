//! Docker's `builder prune`: the layer cache's entries go. The images they named stay
//! while tagged or used and go with `image prune` after, as for `POST /build/prune`.

use clap::Args;

use super::output::confirm;
use super::{CmdResult, Ctx};
use crate::build::cache::Cache;

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Remove all of the cache, not only dangling entries (cove's cache has only one kind)
    #[arg(short, long)]
    pub all: bool,
    /// Only entries that match (Docker's until=, id=, ...: refused, cove's entries carry
    /// no such attributes)
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Keep this much of the cache (cove's entries take no space of their own)
    #[arg(long, value_name = "BYTES")]
    pub keep_storage: Option<String>,
}

pub fn prune(ctx: &Ctx, a: PruneArgs) -> CmdResult {
    if let Some(f) = a.filter.first() {
        return Err(anyhow::anyhow!(
            "invalid filter {f:?}: the build cache's entries cannot be filtered"
        )
        .into());
    }
    let which = if a.all { "all" } else { "all dangling" };
    let question = format!(
        "WARNING! This will remove {which} build cache. Are you sure you want to continue? [y/N] "
    );
    if !a.force && !confirm(&question)? {
        return Ok(0);
    }
    let removed = Cache::new(&ctx.paths.data).clear()?;
    if !removed.is_empty() {
        println!("Deleted build cache objects:");
        for key in &removed {
            println!("{key}");
        }
        println!();
    }
    println!("Total reclaimed space: 0B");
    Ok(0)
}
