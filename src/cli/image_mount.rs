//! `image mount` and `image unmount`.

use anyhow::anyhow;
use clap::Args;
use serde::Serialize;

use super::{CmdResult, Ctx};
use crate::image::mount::{self, Mounted};
use crate::image::store::Store;
use crate::storage::db::ImageRecord;

#[derive(Args, Debug)]
pub struct MountArgs {
    /// Images to mount; none lists the mounted images
    pub images: Vec<String>,
    /// Mount every image
    #[arg(short, long)]
    pub all: bool,
    /// Format of the list of mounted images: json (otherwise ID and path per line)
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct UnmountArgs {
    /// Images to unmount
    pub images: Vec<String>,
    /// Unmount every mounted image
    #[arg(short, long)]
    pub all: bool,
    /// Accepted: cove counts no other users of an image's mount, so it always unmounts
    #[arg(short, long)]
    pub force: bool,
}

/// Podman's JSON entry for a mounted image.
#[derive(Serialize)]
struct JsonMount<'a> {
    id: &'a str,
    #[serde(rename = "Names")]
    names: Vec<&'a str>,
    #[serde(rename = "Repositories")]
    repositories: Vec<String>,
    mountpoint: String,
}

fn images_named(store: &Store, names: &[String], all: bool) -> anyhow::Result<Vec<ImageRecord>> {
    if all && !names.is_empty() {
        return Err(anyhow!(
            "when using the --all switch, you may not pass any image names or IDs"
        ));
    }
    if all {
        return Ok(store.db().images()?);
    }
    Ok(names
        .iter()
        .map(|n| store.find(n))
        .collect::<Result<_, _>>()?)
}

fn print_mounts(store: &Store, list: &[Mounted], format: Option<&str>) -> anyhow::Result<()> {
    if format == Some("json") {
        let items = list
            .iter()
            .map(|m| JsonMount {
                id: m.image.id.trim_start_matches("sha256:"),
                names: vec![m.image.manifest_digest.as_str()],
                repositories: store.db().names_of(&m.image.id).unwrap_or_default(),
                mountpoint: m.path.display().to_string(),
            })
            .collect::<Vec<_>>();
        // Podman indents this JSON by one space.
        let mut buf = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
        items.serialize(&mut ser)?;
        println!("{}", String::from_utf8_lossy(&buf));
        return Ok(());
    }
    for m in list {
        println!(
            "{}  {}",
            m.image.id.trim_start_matches("sha256:"),
            m.path.display()
        );
    }
    Ok(())
}

pub fn mount(ctx: &Ctx, a: MountArgs) -> CmdResult {
    if let Some(f) = a.format.as_deref().filter(|f| *f != "json") {
        return Err(anyhow!("unknown --format argument: {f:?}").into());
    }
    let store = ctx.store()?;
    if a.images.is_empty() && !a.all {
        print_mounts(&store, &mount::mounted(&store)?, a.format.as_deref())?;
        return Ok(0);
    }
    let images = images_named(&store, &a.images, a.all)?;
    let driver = ctx.driver()?;
    let mut done = Vec::new();
    for image in images {
        let path = mount::mount(&store, &driver, &image)?;
        done.push(Mounted { image, path });
    }
    if a.all {
        // As Podman: with --all, each image's ID beside its path.
        print_mounts(&store, &done, a.format.as_deref())?;
    } else {
        for m in &done {
            println!("{}", m.path.display());
        }
    }
    Ok(0)
}

pub fn unmount(ctx: &Ctx, a: UnmountArgs) -> CmdResult {
    let store = ctx.store()?;
    if a.images.is_empty() && !a.all {
        return Err(anyhow!("image name or ID must be specified").into());
    }
    let images = if a.all {
        mount::mounted(&store)?
            .into_iter()
            .map(|m| m.image)
            .collect()
    } else {
        images_named(&store, &a.images, false)?
    };
    let driver = ctx.driver()?;
    for img in &images {
        mount::unmount(&store, &driver, img)?;
        println!("{}", img.id.trim_start_matches("sha256:"));
    }
    Ok(0)
}
