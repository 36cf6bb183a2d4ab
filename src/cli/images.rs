//! Image commands: pull, push, images, inspect, tag, untag, rmi, prune, history,
//! image exists.

use std::path::PathBuf;

use anyhow::{anyhow, Context};
use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::output::{human_size, print_inspect, print_list, short_id, time_ago, IMAGE_TITLES};
use super::progress;
use super::shared::RegistryOpts;
use super::{CmdResult, Ctx, Failure};
use crate::filter::kinds::resolve_images;
use crate::filter::{Filters, ImageView};
use crate::image::manifest_list;
use crate::image::platform::Platform;
use crate::image::pull::PullRequest;
use crate::image::reference::{repo_tag, Reference};
use crate::image::remove::{RemoveError, Removed};
use crate::image::report::{self, ImageSummary};
use crate::image::store::StoreError;
use crate::registry::client::ConnectOptions;
use crate::registry::push::{push as push_image, PushOptions};
use crate::registry::push_form;
use crate::storage::db::ImageRecord;
use crate::time::parse_rfc3339;

#[derive(Args, Debug)]
pub struct PullArgs {
    /// Image to pull (NAME[:TAG|@DIGEST])
    pub image: String,
    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Platform to pull (os/arch[/variant])
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// Architecture to pull instead of the host's
    #[arg(long)]
    pub arch: Option<String>,
    /// Operating system to pull instead of the host's
    #[arg(long)]
    pub os: Option<String>,
    /// Architecture variant to pull
    #[arg(long)]
    pub variant: Option<String>,
    /// Pull every tag of the repository
    #[arg(short, long)]
    pub all_tags: bool,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Directory of certificates for the registry: CA certificates as *.crt
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Accepted: cove keeps no signatures to check, as Podman without a trust policy
    #[arg(long)]
    pub disable_content_trust: bool,
}

pub fn pull(ctx: &Ctx, a: PullArgs) -> CmdResult {
    if a.all_tags {
        let conf = ctx.registries()?;
        let mut connect = a.registry.connect(ctx)?;
        connect.cert_dir = a.cert_dir.clone();
        let names = ctx
            .runtime()?
            .block_on(crate::image::pull::all_tags(&conf, &a.image, &connect))?;
        let mut ids = Vec::new();
        for name in names {
            let one = PullArgs {
                image: name,
                all_tags: false,
                quiet: true,
                platform: a.platform.clone(),
                arch: a.arch.clone(),
                os: a.os.clone(),
                variant: a.variant.clone(),
                registry: a.registry.clone(),
                cert_dir: a.cert_dir.clone(),
                disable_content_trust: a.disable_content_trust,
            };
            ids.push(pull_one(ctx, one, a.quiet)?);
        }
        for id in ids {
            println!("{id}");
        }
        return Ok(0);
    }
    let quiet = a.quiet;
    let id = pull_one(ctx, a, quiet)?;
    println!("{id}");
    Ok(0)
}

/// Pull one image; its ID without `sha256:`.
fn pull_one(ctx: &Ctx, a: PullArgs, quiet: bool) -> anyhow::Result<String> {
    let req = PullRequest {
        image: a.image.clone(),
        platform: Platform::from_flags(
            a.platform.as_deref(),
            a.os.as_deref(),
            a.arch.as_deref(),
            a.variant.as_deref(),
        )?,
        connect: ConnectOptions {
            cert_dir: a.cert_dir.clone(),
            ..a.registry.connect(ctx)?
        },
        rootless: ctx.rootless(),
    };
    let id = ctx.pull(&req, quiet)?;
    Ok(id.trim_start_matches("sha256:").to_string())
}

#[derive(Args, Debug)]
pub struct PushArgs {
    /// Local image to push
    pub image: String,
    /// Destination (defaults to the image's name)
    pub destination: Option<String>,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    /// Write the pushed manifest digest to this file
    #[arg(long, value_name = "PATH")]
    pub digestfile: Option<PathBuf>,
    /// Push every local tag of the repository (Docker's; IMAGE names no tag then)
    #[arg(short, long)]
    pub all_tags: bool,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Directory of certificates for the registry: CA certificates as *.crt
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Push this platform's image of a local manifest list (os/arch[/variant]); for an
    /// image, the image must be of that platform
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// Manifest type: oci or v2s2, which the image must already have (cove does not
    /// convert)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Layer compression: gzip or zstd, which the layers must already have (cove does not
    /// recompress)
    #[arg(long, value_name = "FORMAT")]
    pub compression_format: Option<String>,
    /// Accepted: it compresses layers for the dir: transport, which cove does not write
    #[arg(long)]
    pub compress: bool,
    /// Accepted: cove stores no signatures, so there are none to remove
    #[arg(long)]
    pub remove_signatures: bool,
    /// Accepted: cove signs nothing, as Podman without a trust policy
    #[arg(long)]
    pub disable_content_trust: bool,
    #[command(flatten)]
    pub sign: super::shared::SignOpts,
}

pub fn push(ctx: &Ctx, a: PushArgs) -> CmdResult {
    a.sign.refuse()?;
    if a.all_tags {
        return push_all_tags(ctx, a);
    }
    let store = ctx.store()?;
    let mut img = store.find(&a.image)?;
    if let Some(p) = Platform::from_flag(a.platform.as_deref())? {
        img = manifest_list::for_platform(&store, img, &a.image, &p)?;
    }
    let dest = Reference::parse(a.destination.as_deref().unwrap_or(&a.image))?;
    push_one(ctx, &a, &img, &dest)
}

/// `push --all-tags REPOSITORY`: each of its local tags to its own name, as Docker does.
fn push_all_tags(ctx: &Ctx, a: PushArgs) -> CmdResult {
    let last = a.image.rsplit('/').next().unwrap_or_default();
    if last.contains(':') || last.contains('@') || a.destination.is_some() {
        return Err(anyhow!("tag can't be used with --all-tags/-a").into());
    }
    let store = ctx.store()?;
    let repo = Reference::parse(&a.image)?.repository_with_registry();
    let names = store.repository_names(&repo)?;
    if names.is_empty() {
        return Err(anyhow!("An image does not exist locally with the tag: {repo}").into());
    }
    for name in &names {
        let img = store.find(name)?;
        push_one(ctx, &a, &img, &Reference::parse(name)?)?;
    }
    Ok(0)
}

fn push_one(ctx: &Ctx, a: &PushArgs, img: &ImageRecord, dest: &Reference) -> CmdResult {
    push_form::check(img, a.format.as_deref(), a.compression_format.as_deref())?;
    let store = ctx.store()?;
    let conf = ctx.registries()?;
    let opts = PushOptions {
        connect: ConnectOptions {
            cert_dir: a.cert_dir.clone(),
            ..a.registry.connect(ctx)?
        },
    };
    let rt = ctx.runtime()?;
    let observer = progress::push_observer(a.quiet);
    let res = rt.block_on(push_image(
        store.clone(),
        &conf,
        img,
        dest,
        &opts,
        observer.clone(),
    ));
    observer.finish();
    let pushed = res?;
    store.emit("push", &img.id, &dest.whole());
    if let Some(f) = &a.digestfile {
        std::fs::write(f, &pushed.manifest_digest)
            .with_context(|| format!("writing {}", f.display()))?;
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ImagesArgs {
    /// Show only images whose repository matches
    pub repository: Option<String>,
    /// Show all images (default hides intermediate images)
    #[arg(short, long)]
    pub all: bool,
    /// Show only image IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Show digests
    #[arg(long)]
    pub digests: bool,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// Filter output (reference=, dangling=, before=, since=, label=, id=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Format: table, json, or a Go template like '{{.Repository}}:{{.Tag}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Do not print column headings
    #[arg(short, long)]
    pub noheading: bool,
    /// Sort by created (newest first, the default), id, repository, size or tag
    #[arg(long, value_name = "KEY")]
    pub sort: Option<String>,
    /// Add a HISTORY column: every name the image has had, the most recent first
    #[arg(long)]
    pub history: bool,
}

/// `images --sort`: the rows in Podman's order for `key`.
fn sort_rows(items: &mut [Value], key: &str) -> anyhow::Result<()> {
    let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    match key {
        "created" => items.sort_by_key(|v| std::cmp::Reverse(v["Created"].as_i64().unwrap_or(0))),
        "id" => items.sort_by_key(|v| text(v, "Id")),
        "repository" => items.sort_by_key(|v| text(v, "Repository")),
        "tag" => items.sort_by_key(|v| text(v, "Tag")),
        "size" => items.sort_by_key(|v| v["Size"].as_u64().unwrap_or(0)),
        other => {
            return Err(anyhow!(
                "{other:?} is not a valid field for sorting. Choose from: tag, created, id, repository, size"
            ))
        }
    }
    Ok(())
}

/// One row of `cove images`: an image under one of its names (or `<none>`), with
/// Podman's field names for `--format`.
#[derive(Serialize)]
struct ImageRow<'a> {
    #[serde(rename = "Id")]
    id_hex: &'a str,
    #[serde(rename = "ID")]
    id: String,
    #[serde(rename = "Repository")]
    repository: String,
    #[serde(rename = "Tag")]
    tag: String,
    #[serde(rename = "Digest")]
    digest: &'a str,
    #[serde(rename = "RepoTags")]
    repo_tags: &'a [String],
    #[serde(rename = "RepoDigests")]
    repo_digests: &'a [String],
    #[serde(rename = "Names")]
    names: &'a [String],
    #[serde(rename = "Size")]
    size: u64,
    #[serde(rename = "VirtualSize")]
    virtual_size: u64,
    #[serde(rename = "SharedSize")]
    shared_size: u64,
    #[serde(rename = "Labels")]
    labels: Option<&'a std::collections::BTreeMap<String, String>>,
    #[serde(rename = "Containers")]
    containers: i64,
    #[serde(rename = "Created")]
    created: i64,
    #[serde(rename = "CreatedAt")]
    created_at: &'a str,
    #[serde(rename = "CreatedSince")]
    created_since: String,
    #[serde(rename = "Dangling")]
    dangling: bool,
    /// A list in JSON; in a template and the table, one string as Podman joins it.
    #[serde(rename = "History")]
    history: Value,
}

fn rows<'a>(s: &'a ImageSummary, no_trunc: bool, json: bool) -> Vec<ImageRow<'a>> {
    let names: Vec<(String, String)> = if s.repo_tags.is_empty() {
        vec![("<none>".into(), "<none>".into())]
    } else {
        s.repo_tags.iter().map(|n| repo_tag(n)).collect()
    };
    names
        .into_iter()
        .map(|(repository, tag)| ImageRow {
            id_hex: s.id.trim_start_matches("sha256:"),
            id: if no_trunc {
                s.id.clone()
            } else {
                short_id(&s.id)
            },
            repository,
            tag,
            digest: &s.digest,
            repo_tags: &s.repo_tags,
            repo_digests: &s.repo_digests,
            names: &s.repo_tags,
            size: s.size,
            virtual_size: s.virtual_size,
            shared_size: 0,
            labels: (!s.labels.is_empty()).then_some(&s.labels),
            containers: s.containers,
            created: s.created,
            created_at: &s.created_at,
            created_since: crate::time::parse_rfc3339(&s.created_at)
                .map(time_ago)
                .unwrap_or_default(),
            dangling: s.repo_tags.is_empty(),
            history: if json {
                Value::from(s.names_history.clone())
            } else {
                Value::from(s.names_history.join(", "))
            },
        })
        .collect()
}

pub fn list(ctx: &Ctx, a: ImagesArgs) -> CmdResult {
    if let Some(key) = &a.sort {
        sort_rows(&mut [], key)?;
    }
    let store = ctx.store()?;
    let mut filters = Filters::for_kind::<ImageView>(&a.filter)?;
    resolve_images(&mut filters, &store)?;
    let mut images = report::list(&store, &filters, a.all)?;
    if let Some(p) = &a.repository {
        // The positional pattern narrows further, as one more `reference=` that must hold.
        let narrowed = Filters::for_kind::<ImageView>(&[format!("reference={p}")])?;
        images = report::list(&store, &narrowed, a.all)?
            .into_iter()
            .filter_map(|n| {
                let mut s = images.iter().find(|s| s.id == n.id)?.clone();
                s.repo_tags.retain(|t| n.repo_tags.contains(t));
                (!s.repo_tags.is_empty() || n.repo_tags.is_empty()).then_some(s)
            })
            .collect();
    }
    if a.quiet {
        for s in &images {
            println!(
                "{}",
                if a.no_trunc {
                    s.id.clone()
                } else {
                    short_id(&s.id)
                }
            );
        }
        return Ok(0);
    }
    let mut items: Vec<Value> = Vec::new();
    for s in &images {
        let json = a.format.as_deref() == Some("json");
        let mut r = rows(s, a.no_trunc, json);
        // Podman lists each image once in JSON, not once per name.
        if json {
            r.truncate(1);
        }
        for row in r {
            items.push(serde_json::to_value(row)?);
        }
    }
    if let Some(key) = &a.sort {
        sort_rows(&mut items, key)?;
    }
    let mut headers = vec!["REPOSITORY", "TAG"];
    if a.digests {
        headers.push("DIGEST");
    }
    headers.extend(["IMAGE ID", "CREATED", "SIZE"]);
    if a.history {
        headers.push("HISTORY");
    }
    let headers = if a.noheading { vec![] } else { headers };
    print_list(a.format.as_deref(), &headers, IMAGE_TITLES, &items, |i| {
        let s = |k: &str| i[k].as_str().unwrap_or_default().to_string();
        let mut row = vec![s("Repository"), s("Tag")];
        if a.digests {
            row.push(s("Digest"));
        }
        row.extend([
            s("ID"),
            s("CreatedSince"),
            human_size(i["Size"].as_u64().unwrap_or(0)),
        ]);
        if a.history {
            row.push(s("History"));
        }
        row
    })?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Images (or, at top level, containers) to inspect
    #[arg(required_unless_present = "latest")]
    pub names: Vec<String>,
    /// Inspect the latest container cove created too
    #[arg(short, long)]
    pub latest: bool,
    /// Containers: add SizeRw (what the container wrote) and SizeRootFs (that plus its
    /// image)
    #[arg(short, long)]
    pub size: bool,
    /// Format the output with a Go template, or json
    #[arg(short, long)]
    pub format: Option<String>,
    /// What to inspect: container, image or all (containers first, as Docker does)
    #[arg(long = "type", value_name = "TYPE", default_value = "all")]
    pub kind: String,
    /// Images: this platform's (os/arch[/variant]); cove stores one platform per image,
    /// so an image of another one is an error
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
}

pub fn inspect(ctx: &Ctx, a: InspectArgs) -> CmdResult {
    if !["image", "container", "all"].contains(&a.kind.as_str()) {
        return Err(anyhow!("invalid --type {:?}: use container, image or all", a.kind).into());
    }
    let platform = Platform::from_flag(a.platform.as_deref())?;
    let store = ctx.store()?;
    let engine = (a.kind != "image").then(|| ctx.engine()).transpose()?;
    let mut items = Vec::new();
    let mut missing = Vec::new();
    let mut names = a.names.clone();
    if a.latest {
        let engine = engine
            .as_ref()
            .ok_or_else(|| anyhow!("--latest names a container: not with --type image"))?;
        names.insert(0, engine.latest()?.id);
    }
    for n in &names {
        if let Some(engine) = &engine {
            match engine.lookup(n) {
                Ok(c) => {
                    let mut report = engine.inspect(&c);
                    if a.size {
                        let (rw, root) = crate::system::disk_usage::container_sizes(engine, &c)?;
                        (report.size_rw, report.size_root_fs) = (Some(rw), Some(root));
                    }
                    items.push(serde_json::to_value(report)?);
                    continue;
                }
                Err(crate::container::ContainerError::NotFound(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
        if a.kind == "container" {
            missing.push(n.clone());
            continue;
        }
        if let (Some(p), Ok(img)) = (&platform, store.find(n)) {
            p.check_image(n, &img.config)?;
        }
        match store.find(n) {
            Ok(img) => items.push(serde_json::to_value(report::inspect(
                &store,
                ctx.driver()?.name(),
                &img,
            )?)?),
            Err(StoreError::NotFound(_)) => missing.push(n.clone()),
            Err(e) => return Err(e.into()),
        }
    }
    // As Podman: the JSON array even when empty, then the error.
    if !items.is_empty() || a.format.is_none() {
        print_inspect(a.format.as_deref(), &items)?;
    }
    if let Some(first) = missing.first() {
        return Err(anyhow!("inspecting object: no such object: {first:?}").into());
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct TagArgs {
    /// Image to name
    pub image: String,
    /// New names
    #[arg(required = true)]
    pub targets: Vec<String>,
}

pub fn tag(ctx: &Ctx, a: TagArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let img = engine.store.find(&a.image)?;
    // Every target checked before any is set.
    for t in &a.targets {
        crate::image::reference::local_name(t)?;
    }
    for t in &a.targets {
        engine.tag_image(&img, t)?;
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct UntagArgs {
    /// Image to remove names from
    pub image: String,
    /// Names to remove (all when none given)
    pub names: Vec<String>,
}

pub fn untag(ctx: &Ctx, a: UntagArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let img = engine.store.find(&a.image)?;
    engine.untag_image(&img, &a.names)?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct RmiArgs {
    /// Images to remove (names or IDs)
    pub images: Vec<String>,
    /// Remove the image even when it has several names
    #[arg(short, long)]
    pub force: bool,
    /// Remove all images
    #[arg(short, long)]
    pub all: bool,
    /// Do not fail for images that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    /// Accepted: cove keeps no untagged parent images for an image to take along
    #[arg(long)]
    pub no_prune: bool,
    /// Remove only this platform (os/arch[/variant]); cove stores one platform per
    /// image, so an image of another one is an error
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
}

/// Podman's exit codes for rmi: 1 when an image did not exist, 2 on a conflict.
pub fn rmi(ctx: &Ctx, a: RmiArgs) -> CmdResult {
    let platform = Platform::from_flag(a.platform.as_deref())?;
    let store = ctx.store()?;
    let mut targets = a.images.clone();
    if a.all {
        targets = store.db().images()?.into_iter().map(|i| i.id).collect();
    } else if targets.is_empty() {
        return Err(anyhow!("image name or ID must be specified").into());
    }
    // Resolved before anything is removed: two names of one image given together must not
    // make the second "not known" once the first has deleted it.
    let mut resolved = Vec::with_capacity(targets.len());
    for t in &targets {
        match store.find(t) {
            Ok(i) => resolved.push((t, Some(i))),
            Err(StoreError::NotFound(_)) => resolved.push((t, None)),
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(p) = &platform {
        for (t, img) in &resolved {
            if let Some(img) = img {
                p.check_image(t, &img.config)?;
            }
        }
    }
    let engine = (!resolved.is_empty()).then(|| ctx.engine()).transpose()?;
    let mut missing: Option<String> = None;
    let mut conflict = false;
    let mut deleted: Vec<String> = Vec::new();
    for (t, img) in resolved {
        let (Some(img), Some(engine)) = (img, &engine) else {
            if a.ignore {
                continue;
            }
            eprintln!("Error: {t}: image not known");
            missing.get_or_insert(t.clone());
            continue;
        };
        if deleted.contains(&img.id) {
            continue;
        }
        match engine.remove_image(&img, t, a.force, a.all) {
            Ok(done) => {
                for r in done {
                    match r {
                        Removed::Untagged(n) => println!("Untagged: {n}"),
                        Removed::Deleted(id) => {
                            println!("Deleted: {}", id.trim_start_matches("sha256:"));
                            deleted.push(id);
                        }
                    }
                }
            }
            Err(e @ (RemoveError::MultipleNames(_) | RemoveError::InUse { .. })) => {
                eprintln!("Error: {e}");
                conflict = true;
            }
            Err(e) => return Err(e.into()),
        }
    }
    if conflict {
        return Ok(2);
    }
    if missing.is_some() {
        return Ok(1);
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Remove all unused images, not just dangling ones
    #[arg(short, long)]
    pub all: bool,
    /// Do not prompt for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only what was created before a time (until=TIMESTAMP|DURATION) or carries a
    /// label (label=KEY[=VALUE], label!=KEY[=VALUE])
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

pub fn prune(ctx: &Ctx, a: PruneArgs) -> CmdResult {
    use std::io::IsTerminal;
    if !a.force && std::io::stdin().is_terminal() {
        eprint!(
            "WARNING! This will remove all {}images.\nAre you sure you want to continue? [y/N] ",
            if a.all { "" } else { "dangling " }
        );
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            return Ok(0);
        }
    }
    let filters = crate::system::prune::parse_filters(&a.filter)?;
    for p in crate::system::prune::images(&*ctx.store()?, a.all, &filters)? {
        println!("{}", p.id.trim_start_matches("sha256:"));
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// Image to show
    pub image: String,
    /// Show sizes and dates in human-readable form
    #[arg(short = 'H', long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub human: bool,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// Show only IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Format: table, json or a Go template
    #[arg(long)]
    pub format: Option<String>,
    /// The history of this platform's image (os/arch[/variant]); cove stores one
    /// platform per image, so an image of another one is an error
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
}

pub fn history(ctx: &Ctx, a: HistoryArgs) -> CmdResult {
    let platform = Platform::from_flag(a.platform.as_deref())?;
    let store = ctx.store()?;
    let img = store.find(&a.image)?;
    if let Some(p) = platform {
        p.check_image(&a.image, &img.config)?;
    }
    let entries = report::history_entries(&store, &img);
    if a.quiet {
        for e in &entries {
            println!(
                "{}",
                if a.no_trunc {
                    e.id.clone()
                } else {
                    short_id(&e.id)
                }
            );
        }
        return Ok(0);
    }
    let items: Vec<Value> = entries
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                let created = parse_rfc3339(&e.created);
                m.insert(
                    "CreatedSince".into(),
                    Value::String(created.map(time_ago).unwrap_or_default()),
                );
                m.insert("CreatedAt".into(), Value::String(e.created.clone()));
                // Podman's name for the field (`history --format {{.ID}}`).
                m.insert("ID".into(), Value::String(e.id.clone()));
            }
            v
        })
        .collect();
    print_list(
        a.format.as_deref(),
        &["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"],
        IMAGE_TITLES,
        &items,
        |i| {
            let id = i["Id"].as_str().unwrap_or_default();
            let id = if id == "<missing>" || a.no_trunc {
                id.to_string()
            } else {
                short_id(id)
            };
            let by = i["CreatedBy"].as_str().unwrap_or_default();
            let by = if a.no_trunc || by.chars().count() <= 45 {
                by.to_string()
            } else {
                format!("{}...", by.chars().take(42).collect::<String>())
            };
            let size = i["Size"].as_u64().unwrap_or(0);
            vec![
                id,
                if a.human {
                    i["CreatedSince"].as_str().unwrap_or_default().to_string()
                } else {
                    i["CreatedAt"].as_str().unwrap_or_default().to_string()
                },
                by,
                if a.human {
                    human_size(size)
                } else {
                    size.to_string()
                },
                i["Comment"].as_str().unwrap_or_default().to_string(),
            ]
        },
    )?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    /// Image to look for
    pub image: String,
}

pub fn exists(ctx: &Ctx, a: ExistsArgs) -> CmdResult {
    match ctx.store()?.find(&a.image) {
        Ok(_) => Ok(0),
        Err(StoreError::NotFound(_)) => Ok(1),
        Err(e) => Err(Failure::from(e)),
    }
}
