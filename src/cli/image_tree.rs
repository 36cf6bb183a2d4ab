//! `image tree` and `image diff`.

use anyhow::anyhow;
use clap::Args;
use serde::Serialize;

use super::{CmdResult, Ctx};
use crate::container::changes::Kind;
use crate::image::tree::{image_diff, size_4, tree, TreeLayer};

#[derive(Args, Debug)]
pub struct TreeArgs {
    /// Image
    pub image: String,
    /// Show the images built on this one instead of its layers
    #[arg(long)]
    pub whatrequires: bool,
}

fn short(id: &str) -> &str {
    let hex = id.trim_start_matches("sha256:");
    &hex[..hex.len().min(12)]
}

fn line(l: &TreeLayer) -> String {
    let mut s = format!("ID: {} Size: {}", short(&l.id), size_4(l.size));
    if !l.top_of.is_empty() {
        s.push_str(&format!(" Top Layer of: [{}]", l.top_of.join(" ")));
    }
    s
}

fn branches(out: &mut String, layers: &[TreeLayer], indent: &str) {
    for (i, l) in layers.iter().enumerate() {
        let last = i + 1 == layers.len();
        out.push_str(&format!(
            "{indent}{}{}\n",
            if last { "└── " } else { "├── " },
            line(l)
        ));
        let deeper = format!("{indent}{}", if last { "    " } else { "│   " });
        branches(out, &l.children, &deeper);
    }
}

pub fn tree_cmd(ctx: &Ctx, a: TreeArgs) -> CmdResult {
    let store = ctx.store()?;
    let img = store.find(&a.image)?;
    let t = tree(&store, &img, a.whatrequires)?;
    let mut out = format!(
        "Image ID: {}\nTags:     [{}]\nSize:     {}\nImage Layers\n",
        short(&t.id),
        t.tags.join(" "),
        size_4(t.size)
    );
    branches(&mut out, &t.layers, "");
    println!("{out}");
    Ok(0)
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// Image
    pub image: String,
    /// Compare with this image instead of the image's own lower layers (not supported)
    pub other: Option<String>,
    /// Format: json
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Serialize, Default)]
struct Grouped<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changed: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    added: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    deleted: Vec<&'a str>,
}

pub fn diff_cmd(ctx: &Ctx, a: DiffArgs) -> CmdResult {
    if let Some(f) = a.format.as_deref().filter(|f| *f != "json") {
        return Err(anyhow!("unsupported --format {f:?}: only json is supported").into());
    }
    if let Some(other) = &a.other {
        return Err(anyhow!(
            "{other}: comparing two images is not supported: `image diff IMAGE` shows what its top layer changed"
        )
        .into());
    }
    let store = ctx.store()?;
    let img = store.find(&a.image)?;
    let changes = image_diff(&store, &img)?;
    if a.format.is_none() {
        for (k, p) in &changes {
            println!("{} {p}", k.letter());
        }
        return Ok(0);
    }
    let mut g = Grouped::default();
    for (k, p) in &changes {
        match k {
            Kind::Changed => g.changed.push(p),
            Kind::Added => g.added.push(p),
            Kind::Deleted => g.deleted.push(p),
        }
    }
    // Podman indents this JSON by five spaces.
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"     ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    g.serialize(&mut ser)?;
    println!("{}", String::from_utf8_lossy(&buf));
    Ok(0)
}
