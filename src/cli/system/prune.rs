//! `system prune`: the prune of every kind in one go, with Podman's question and report.

use clap::Args;

use super::super::output::human_size;
use super::super::{CmdResult, Ctx};
use super::confirm;
use crate::system::prune;

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Remove all images without containers, not just dangling ones
    #[arg(short, long)]
    pub all: bool,
    /// Remove volumes no container uses too
    #[arg(long)]
    pub volumes: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only what was created before a time (until=TIMESTAMP|DURATION) or carries a
    /// label (label=KEY[=VALUE], label!=KEY[=VALUE])
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

fn warning(a: &PruneArgs) -> String {
    let mut items = vec![
        "all stopped containers",
        "all networks not used by at least one container",
    ];
    if a.volumes {
        items.push("all volumes not used by at least one container");
    }
    items.push(if a.all {
        "all images without at least one container associated with them"
    } else {
        "all dangling images"
    });
    let list: String = items.iter().map(|i| format!("\t- {i}\n")).collect();
    format!("WARNING! This command removes:\n{list}\nAre you sure you want to continue? [y/N] ")
}

pub fn prune(ctx: &Ctx, a: PruneArgs) -> CmdResult {
    let filters = prune::parse_filters(&a.filter)?;
    if !a.force && !confirm(&warning(&a))? {
        return Ok(0);
    }
    let engine = ctx.engine()?;
    // Containers first: what they held (networks, volumes, images) becomes unused.
    let containers = prune::containers(&engine, &filters)?;
    let networks = prune::networks(&engine, &filters)?;
    let volumes = if a.volumes {
        prune::volumes(&engine, &filters)?
    } else {
        Vec::new()
    };
    let images = prune::images(&engine.store, a.all, &filters)?;

    let section = |title: &str, ids: Vec<String>| {
        if !ids.is_empty() {
            println!("Deleted {title}");
            for id in ids {
                println!("{id}");
            }
        }
    };
    let ids = |v: &[prune::Pruned]| v.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    section("Containers", ids(&containers));
    section("Networks", networks);
    section("Volumes", ids(&volumes));
    section(
        "Images",
        images
            .iter()
            .map(|p| p.id.trim_start_matches("sha256:").to_string())
            .collect(),
    );
    let total: u64 = [&containers, &volumes, &images]
        .iter()
        .flat_map(|v| v.iter())
        .map(|p| p.size)
        .sum();
    println!("Total reclaimed space: {}", human_size(total));
    Ok(0)
}
