//! `manifest create/add/annotate/inspect/push/remove/rm/exists`: local manifest lists.

use std::path::PathBuf;

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};

use super::shared::{refuse_cert_dir, RegistryOpts};
use super::{CmdResult, Ctx};
use crate::image::manifest_list::{Annotate, ListError, LocalList, DOCKER_LIST, OCI_INDEX};
use crate::image::reference::Reference;
use crate::image::remove::Removed;
use crate::image::store::StoreError;
use crate::registry::manifest::{inspect_remote, instances_of, push_list, ListPush};

#[derive(Subcommand, Debug)]
pub enum ManifestCommand {
    /// Create a manifest list, optionally with images in it
    Create(CreateArgs),
    /// Add an image (or a list's images) to a manifest list
    Add(AddArgs),
    /// Change the platform or annotations of an image in a manifest list
    Annotate(AnnotateArgs),
    /// Print a manifest list, or an image's manifest from its registry
    Inspect(InspectArgs),
    /// Push a manifest list, and the images in it, to a registry
    Push(PushArgs),
    /// Remove an image from a manifest list
    Remove(RemoveArgs),
    /// Remove manifest lists from local storage
    Rm(RmArgs),
    /// Check whether a manifest list exists (exit 0 if it does, 1 if not)
    Exists(ExistsArgs),
}

/// Registry access for the commands that read images, with Docker's `--insecure`.
#[derive(Args, Debug)]
pub struct Access {
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Allow plain HTTP and unverified registries (Docker's spelling of --tls-verify=false)
    #[arg(long)]
    pub insecure: bool,
    /// Directory of registry certificates (not supported: cove uses the system's CA store)
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
}

impl Access {
    fn connect(&self, ctx: &Ctx) -> anyhow::Result<crate::registry::client::ConnectOptions> {
        refuse_cert_dir(self.cert_dir.as_ref())?;
        let mut c = self.registry.connect(ctx)?;
        if self.insecure {
            c.tls_verify.0 = Some(false);
        }
        Ok(c)
    }
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// Name of the new list
    pub list: String,
    /// Images to add to it
    pub images: Vec<String>,
    /// Add every image of a list named among IMAGES, not only this machine's
    #[arg(long)]
    pub all: bool,
    /// Use the list if it exists already, instead of failing
    #[arg(short, long)]
    pub amend: bool,
    #[command(flatten)]
    pub access: Access,
}

#[derive(Args, Debug, Default)]
pub struct PlatformFlags {
    /// Set an annotation of the image in the list (KEY=VALUE, repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Override the architecture of the image
    #[arg(long)]
    pub arch: Option<String>,
    /// Override the operating system of the image
    #[arg(long)]
    pub os: Option<String>,
    /// Override the architecture variant of the image
    #[arg(long)]
    pub variant: Option<String>,
    /// Override the OS version of the image
    #[arg(long, value_name = "VERSION")]
    pub os_version: Option<String>,
    /// Override the features of the image (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub features: Vec<String>,
    /// Override the OS features of the image (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub os_features: Vec<String>,
}

impl PlatformFlags {
    fn annotate(&self) -> Annotate {
        Annotate {
            arch: self.arch.clone(),
            os: self.os.clone(),
            variant: self.variant.clone(),
            os_version: self.os_version.clone(),
            features: self.features.clone(),
            os_features: self.os_features.clone(),
            annotations: self.annotation.clone(),
        }
    }
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// The manifest list
    pub list: String,
    /// The image to add (in a registry: [docker://]NAME[:TAG|@DIGEST])
    pub image: String,
    /// Add every image of IMAGE when it is a list, not only this machine's
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub platform: PlatformFlags,
    #[command(flatten)]
    pub access: Access,
}

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    /// The manifest list
    pub list: String,
    /// The image in it: its digest, or the name it was added as
    pub image: String,
    #[command(flatten)]
    pub platform: PlatformFlags,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// A manifest list, or an image in a registry
    pub name: String,
    /// Docker's second form: `inspect LIST IMAGE` prints that image's entry of the list
    pub image: Option<String>,
    /// Accepted for Docker: the entry is always printed in full
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub access: Access,
}

#[derive(Args, Debug)]
pub struct PushArgs {
    /// The manifest list
    pub list: String,
    /// Where to push it (default: the list's name)
    pub destination: Option<String>,
    /// Also push the images in the list (--all=false: only the list)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_value_t = true,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub all: bool,
    /// The list's format at the destination: oci or v2s2 (default: as stored)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Write the digest of the pushed list to this file
    #[arg(long, value_name = "PATH")]
    pub digestfile: Option<PathBuf>,
    /// Print no progress
    #[arg(short, long)]
    pub quiet: bool,
    /// Remove the local list once pushed
    #[arg(long)]
    pub rm: bool,
    /// Docker's spelling of --rm
    #[arg(short, long)]
    pub purge: bool,
    /// Accepted: cove copies no signatures
    #[arg(long)]
    pub remove_signatures: bool,
    /// Recompress the images (not supported: blobs are copied as they are)
    #[arg(long, value_name = "FORMAT")]
    pub compression_format: Option<String>,
    #[command(flatten)]
    pub sign: super::shared::SignOpts,
    #[command(flatten)]
    pub access: Access,
}

#[derive(Args, Debug)]
pub struct RemoveArgs {
    /// The manifest list
    pub list: String,
    /// The digest of the image to take out
    pub digest: String,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Manifest lists to remove
    #[arg(required = true)]
    pub lists: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    /// The manifest list
    pub list: String,
}

pub fn run(ctx: &Ctx, cmd: ManifestCommand) -> CmdResult {
    match cmd {
        ManifestCommand::Create(a) => create(ctx, a),
        ManifestCommand::Add(a) => add(ctx, a),
        ManifestCommand::Annotate(a) => annotate(ctx, a),
        ManifestCommand::Inspect(a) => inspect(ctx, a),
        ManifestCommand::Push(a) => push(ctx, a),
        ManifestCommand::Remove(a) => remove(ctx, a),
        ManifestCommand::Rm(a) => rm(ctx, a),
        ManifestCommand::Exists(a) => exists(ctx, a),
    }
}

fn hex(id: &str) -> &str {
    id.trim_start_matches("sha256:")
}

/// `docker://NAME` and `NAME` both name an image in a registry.
fn remote(image: &str) -> anyhow::Result<Reference> {
    if let Some((transport, _)) = image.split_once(':').filter(|(t, rest)| {
        rest.starts_with("//")
            || matches!(*t, "containers-storage" | "oci" | "dir" | "docker-archive")
    }) {
        if transport != "docker" {
            return Err(anyhow!(
                "{image}: only images in a registry can be added (docker://NAME): push a local image first"
            ));
        }
    }
    Ok(Reference::parse(image.trim_start_matches("docker://"))?)
}

/// Add `image`'s instances to `list`, with `flags` applied to each.
fn add_to(
    ctx: &Ctx,
    list: &mut LocalList,
    image: &str,
    all: bool,
    flags: &Annotate,
    access: &Access,
) -> anyhow::Result<()> {
    let r = remote(image)?;
    let connect = access.connect(ctx)?;
    let conf = ctx.registries()?;
    let found = ctx
        .runtime()?
        .block_on(instances_of(&conf, &r, all, &connect))?;
    for (mut d, source) in found {
        flags.apply(&mut d)?;
        list.add(d, source);
    }
    Ok(())
}

fn create(ctx: &Ctx, a: CreateArgs) -> CmdResult {
    let store = ctx.store()?;
    // Every image is checked before the list exists, so a bad one leaves nothing behind.
    for i in &a.images {
        remote(i)?;
    }
    let (mut list, fresh) = match LocalList::create(&store, &a.list) {
        Err(ListError::NameInUse { .. }) if a.amend => (LocalList::load(&store, &a.list)?, false),
        r => (r?, true),
    };
    let result = a
        .images
        .iter()
        .try_for_each(|i| add_to(ctx, &mut list, i, a.all, &Annotate::default(), &a.access));
    if let Err(e) = result {
        if fresh {
            let _ = store.delete_image(&list.id);
        }
        return Err(e.into());
    }
    list.save(&store)?;
    println!("{}", hex(&list.id));
    Ok(0)
}

fn add(ctx: &Ctx, a: AddArgs) -> CmdResult {
    let store = ctx.store()?;
    let mut list = LocalList::load(&store, &a.list)?;
    let flags = a.platform.annotate();
    // Annotations are checked before the registry is asked.
    flags.apply(&mut Default::default())?;
    add_to(ctx, &mut list, &a.image, a.all, &flags, &a.access)?;
    list.save(&store)?;
    println!("{}", hex(&list.id));
    Ok(0)
}

fn annotate(ctx: &Ctx, a: AnnotateArgs) -> CmdResult {
    let store = ctx.store()?;
    let mut list = LocalList::load(&store, &a.list)?;
    a.platform.annotate().apply(list.instance_mut(&a.image)?)?;
    list.save(&store)?;
    println!("{}", hex(&list.id));
    Ok(0)
}

fn inspect(ctx: &Ctx, a: InspectArgs) -> CmdResult {
    let store = ctx.store()?;
    let (name, entry) = (&a.name, a.image.as_ref());
    match LocalList::load(&store, name) {
        Ok(mut list) => {
            match entry {
                Some(image) => {
                    let d = list.instance_mut(image)?;
                    println!("{}", crate::format::pretty(d));
                }
                None => println!("{}", list.list.pretty()),
            }
            return Ok(0);
        }
        Err(ListError::Store(StoreError::NotFound(_))) | Err(ListError::NotAList(_)) => {}
        Err(e) => return Err(e.into()),
    }
    let target = entry.unwrap_or(name);
    let r = remote(target)?;
    let connect = a.access.connect(ctx)?;
    let conf = ctx.registries()?;
    let fetched = ctx
        .runtime()?
        .block_on(inspect_remote(&conf, &r, &connect))?;
    println!(
        "{}",
        fetched
            .pretty()
            .with_context(|| format!("{target}: invalid manifest"))?
    );
    Ok(0)
}

fn push(ctx: &Ctx, a: PushArgs) -> CmdResult {
    let refuse = |flag: &str, why: &str| -> CmdResult {
        Err(anyhow!("{flag}: not supported: {why}").into())
    };
    a.sign.refuse()?;
    if a.compression_format.is_some() {
        return refuse(
            "--compression-format",
            "the images' blobs are copied as they are",
        );
    }
    let media_type = match a.format.as_deref() {
        None => None,
        Some("oci") => Some(OCI_INDEX.to_string()),
        Some("v2s2") => Some(DOCKER_LIST.to_string()),
        Some(other) => {
            return Err(anyhow!("unsupported manifest format {other:?}: use oci or v2s2").into())
        }
    };
    let store = ctx.store()?;
    let list = LocalList::load(&store, &a.list)?;
    let dest = a.destination.as_deref().unwrap_or(&a.list);
    let dest = Reference::parse(dest.trim_start_matches("docker://"))?;
    let opts = ListPush {
        all: a.all,
        media_type,
        connect: a.access.connect(ctx)?,
    };
    let conf = ctx.registries()?;
    let quiet = a.quiet;
    let progress = move |line: String| {
        if !quiet {
            eprintln!("{line}");
        }
    };
    let digest = ctx
        .runtime()?
        .block_on(push_list(&conf, &list, &dest, &opts, &progress))?;
    if let Some(f) = &a.digestfile {
        std::fs::write(f, &digest).with_context(|| format!("writing {}", f.display()))?;
    }
    if a.rm || a.purge {
        store.delete_image(&list.id)?;
    }
    Ok(0)
}

fn remove(ctx: &Ctx, a: RemoveArgs) -> CmdResult {
    let store = ctx.store()?;
    let mut list = LocalList::load(&store, &a.list)?;
    list.remove(&a.digest)?;
    list.save(&store)?;
    println!("{}", hex(&list.id));
    Ok(0)
}

/// As Podman: exit 1 when a list is not known, after removing the others.
fn rm(ctx: &Ctx, a: RmArgs) -> CmdResult {
    let store = ctx.store()?;
    let engine = ctx.engine()?;
    let mut code = 0;
    for name in &a.lists {
        let img = match LocalList::load(&store, name) {
            Ok(l) => store.db().image(&l.id)?,
            Err(ListError::Store(StoreError::NotFound(_))) => None,
            Err(e) => return Err(e.into()),
        };
        let Some(img) = img else {
            eprintln!("Error: {name}: image not known");
            code = 1;
            continue;
        };
        for r in engine.remove_image(&img, name, true, false)? {
            match r {
                Removed::Untagged(n) => println!("Untagged: {n}"),
                Removed::Deleted(id) => println!("Deleted: {}", hex(&id)),
            }
        }
    }
    Ok(code)
}

fn exists(ctx: &Ctx, a: ExistsArgs) -> CmdResult {
    let store = ctx.store()?;
    match LocalList::load(&store, &a.list) {
        Ok(_) => Ok(0),
        Err(ListError::Store(StoreError::NotFound(_))) | Err(ListError::NotAList(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}
