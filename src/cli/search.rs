//! `search` / `image search`: find images in registries.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use serde_json::{json, Value};

use super::shared::{refuse_cert_dir, RegistryOpts};
use super::{CmdResult, Ctx};
use crate::format::{pretty, print_items, Format, Listing};
use crate::registry::search::{search as search_registries, SearchFilter, SearchOptions};

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// What to look for: TERM (every unqualified-search registry) or REGISTRY/TERM
    pub term: String,
    /// Filter results: stars=N, is-official[=BOOL], is-automated[=BOOL]
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Format: json, or a Go template over Index, Name, Description, Stars, Official,
    /// Automated, Tag
    #[arg(long)]
    pub format: Option<String>,
    /// Results per registry (default 25)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub limit: Option<i64>,
    /// List the tags of the repository TERM names
    #[arg(long)]
    pub list_tags: bool,
    /// Do not truncate descriptions
    #[arg(long)]
    pub no_trunc: bool,
    /// Also show the stars, official and automated columns (Docker's table)
    #[arg(long)]
    pub compatible: bool,
    /// Directory of registry certificates (not supported: cove uses the system's CA store)
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    #[command(flatten)]
    pub registry: RegistryOpts,
}

pub fn search(ctx: &Ctx, a: SearchArgs) -> CmdResult {
    refuse_cert_dir(a.cert_dir.as_ref())?;
    let format = a.format.as_deref().map(Format::parse).transpose()?;
    let opts = SearchOptions {
        filter: SearchFilter::parse(&a.filter)?,
        limit: a.limit,
        no_trunc: a.no_trunc,
        list_tags: a.list_tags,
        connect: a.registry.connect(ctx)?,
    };
    let conf = ctx.registries()?;
    let results = ctx
        .runtime()?
        .block_on(search_registries(&conf, &a.term, &opts))?;
    let items: Vec<Value> = results.iter().map(|r| json!(r)).collect();
    if matches!(format, Some(Format::Json)) && !a.list_tags {
        println!("{}", pretty(&results));
        return Ok(0);
    }
    // As Podman: no results, no header.
    if results.is_empty() {
        return Ok(0);
    }
    if a.list_tags {
        // As Podman: JSON groups the tags by repository, any other format is the table.
        if matches!(format, Some(Format::Json)) {
            let mut by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for r in &results {
                by_name.entry(&r.name).or_default().push(&r.tag);
            }
            let grouped: Vec<Value> = by_name
                .into_iter()
                .map(|(name, tags)| json!({"Name": name, "Tags": tags}))
                .collect();
            println!("{}", pretty(&grouped));
            return Ok(0);
        }
        let listing = Listing {
            default_table: "table {{.Name}}\t{{.Tag}}",
            headers: &[],
        };
        print_items(&Format::Table, &listing, &items)?;
        return Ok(0);
    }
    let listing = Listing {
        default_table: if a.compatible {
            "table {{.Name}}\t{{.Description}}\t{{.Stars}}\t{{.Official}}\t{{.Automated}}"
        } else {
            "table {{.Name}}\t{{.Description}}"
        },
        headers: &[],
    };
    print_items(&format.unwrap_or_default(), &listing, &items)?;
    Ok(0)
}
