//! `system df`: prints what `system::disk_usage` measured, as Podman does.

use clap::Args;
use serde_json::{json, Value};

use super::super::output::{human_size, print_list, short_id, time_ago};
use super::super::{CmdResult, Ctx};
use crate::container::report::status_text;
use crate::format::render_table;
use crate::image::reference::repo_tag;
use crate::system::disk_usage::{self, DiskUsage, Summary};
use crate::time::parse_rfc3339;

#[derive(Args, Debug)]
pub struct DfArgs {
    /// Show every image, container and volume
    #[arg(short, long)]
    pub verbose: bool,
    /// Format: json or a Go template like '{{.Type}} {{.Size}}'
    #[arg(long, conflicts_with = "verbose")]
    pub format: Option<String>,
}

/// `4.2MB (75%)`: the share of SIZE that pruning would free.
fn reclaimable(s: &Summary) -> String {
    let percent = if s.size == 0 {
        0
    } else {
        (s.reclaimable as f64 * 100.0 / s.size as f64).round() as u64
    };
    format!("{} ({percent}%)", human_size(s.reclaimable))
}

fn summary_rows(du: &DiskUsage) -> Vec<Value> {
    [
        ("Images", du.images_summary),
        ("Containers", du.containers_summary()),
        ("Local Volumes", du.volumes_summary()),
    ]
    .into_iter()
    .map(|(kind, s)| {
        json!({
            "Type": kind,
            "Total": s.total,
            "TotalCount": s.total,
            "Active": s.active,
            "Size": human_size(s.size),
            "RawSize": s.size,
            "Reclaimable": reclaimable(&s),
            "RawReclaimable": s.reclaimable,
        })
    })
    .collect()
}

pub fn df(ctx: &Ctx, a: DfArgs) -> CmdResult {
    let du = disk_usage::measure(&ctx.engine()?)?;
    if a.verbose {
        print_verbose(&du);
        return Ok(0);
    }
    print_list(
        a.format.as_deref(),
        &["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"],
        &[],
        &summary_rows(&du),
        |v| {
            ["Type", "Total", "Active", "Size", "Reclaimable"]
                .iter()
                .map(|k| match &v[k] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        },
    )?;
    Ok(0)
}

fn print_verbose(du: &DiskUsage) {
    let since = |rfc3339: &str| parse_rfc3339(rfc3339).map(time_ago).unwrap_or_default();

    let images: Vec<Vec<String>> = du
        .images
        .iter()
        .map(|i| {
            let (repo, tag) = i
                .names
                .first()
                .map(|n| repo_tag(n))
                .unwrap_or_else(|| ("<none>".into(), "<none>".into()));
            vec![
                repo,
                tag,
                short_id(&i.id),
                since(&i.created),
                human_size(i.size),
                human_size(i.shared_size),
                human_size(i.unique_size()),
                i.containers.to_string(),
            ]
        })
        .collect();
    println!("Images space usage:\n");
    print!(
        "{}",
        render_table(
            &[
                "REPOSITORY",
                "TAG",
                "IMAGE ID",
                "CREATED",
                "SIZE",
                "SHARED SIZE",
                "UNIQUE SIZE",
                "CONTAINERS",
            ],
            &images,
        )
    );

    let containers: Vec<Vec<String>> = du
        .containers
        .iter()
        .map(|u| {
            let c = &u.container;
            vec![
                c.short_id().to_string(),
                short_id(&c.image_id),
                c.config.args.join(" "),
                u.local_volumes.to_string(),
                human_size(u.size),
                time_ago(chrono::DateTime::from_timestamp_nanos(c.created_at)),
                status_text(c, chrono::Utc::now()),
                c.name.clone(),
            ]
        })
        .collect();
    println!("\nContainers space usage:\n");
    print!(
        "{}",
        render_table(
            &[
                "CONTAINER ID",
                "IMAGE",
                "COMMAND",
                "LOCAL VOLUMES",
                "SIZE",
                "CREATED",
                "STATUS",
                "NAMES",
            ],
            &containers,
        )
    );

    let volumes: Vec<Vec<String>> = du
        .volumes
        .iter()
        .map(|v| {
            vec![
                v.volume.name.clone(),
                v.links.to_string(),
                human_size(v.size),
            ]
        })
        .collect();
    println!("\nLocal Volumes space usage:\n");
    print!(
        "{}",
        render_table(&["VOLUME NAME", "LINKS", "SIZE"], &volumes)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reclaimable_shows_the_share() {
        let s = |size, reclaimable| Summary {
            total: 1,
            active: 0,
            size,
            reclaimable,
        };
        assert_eq!(reclaimable(&s(0, 0)), "0B (0%)");
        assert_eq!(reclaimable(&s(4_000_000, 3_000_000)), "3MB (75%)");
        assert_eq!(reclaimable(&s(3, 1)), "1B (33%)");
    }
}
