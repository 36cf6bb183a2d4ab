//! Files of a container: cp, diff, export, mount, unmount, commit.

use super::*;
use crate::cli::{CmdResult, Ctx};
use crate::container::commit::CommitRequest;
use crate::image::import::ManifestFormat;
use anyhow::{anyhow, Context};
use clap::Args;

use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  cove cp web:/etc/nginx/nginx.conf .\n  cove cp ./site/. web:/usr/share/nginx/html\n  cove cp web:/var/log - | tar t\n  cove cp a:/data b:/backup"
)]
pub struct CpArgs {
    /// Source: a host path, CONTAINER:PATH, or - (a tar stream on stdin)
    pub source: String,
    /// Destination: a host path, CONTAINER:PATH, or - (a tar stream on stdout)
    pub dest: String,
    /// Chown copied files to the primary uid/gid of the destination container (false: keep the archive's owners)
    #[arg(short, long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub archive: bool,
    /// Allow a directory to overwrite a non-directory and the reverse
    #[arg(long)]
    pub overwrite: bool,
    /// Follow a symlink in the source (cove always does, as Podman)
    #[arg(short = 'L', long)]
    pub follow_link: bool,
    /// Print no progress (cove prints none, as Podman)
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn cp(ctx: &Ctx, a: CpArgs) -> CmdResult {
    use crate::container::copy::{Arg, CopyOptions};
    let engine = ctx.engine()?;
    let opts = CopyOptions {
        chown: a.archive,
        overwrite: a.overwrite,
    };
    engine.copy(&Arg::parse(&a.source), &Arg::parse(&a.dest), &opts)?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct CopyHelperArgs {
    /// The container's process
    pub pid: i32,
    /// What to do there (JSON)
    pub request: String,
}

/// Runs before any thread exists (setns into a user namespace needs that): no engine.
pub fn copy_helper(a: CopyHelperArgs) -> CmdResult {
    Ok(crate::container::copy::serve(a.pid, &a.request))
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// Format: json
    #[arg(long)]
    pub format: Option<String>,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Container
    #[arg(required_unless_present = "latest")]
    pub container: Option<String>,
}

pub fn diff(ctx: &Ctx, a: DiffArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let c = engine.lookup(&a.latest.or_name(&engine, a.container.as_deref())?)?;
    let changes = engine.changes(&c)?;
    if a.format.as_deref() == Some("json") {
        let mut by_kind: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (k, p) in &changes {
            let key = match k {
                crate::container::changes::Kind::Added => "added",
                crate::container::changes::Kind::Changed => "changed",
                crate::container::changes::Kind::Deleted => "deleted",
            };
            by_kind.entry(key).or_default().push(p);
        }
        println!("{}", serde_json::to_string_pretty(&by_kind)?);
    } else {
        for (k, p) in &changes {
            println!("{} {p}", k.letter());
        }
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Write to a file instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Container
    pub container: String,
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> CmdResult {
    use std::io::IsTerminal;
    let engine = ctx.engine()?;
    let mut c = engine.lookup(&a.container)?;
    if a.output.is_none() && std::io::stdout().is_terminal() {
        return Err(anyhow!(
            "refusing to write a tar stream to a terminal: use -o FILE or a redirect"
        )
        .into());
    }
    let was_mounted = c.state.mounted;
    let root = engine.mount(&mut c)?;
    let result = match &a.output {
        Some(p) => std::fs::File::create(p)
            .with_context(|| format!("creating {}", p.display()))
            .and_then(|f| {
                Ok(crate::container::changes::export(
                    &root,
                    std::io::BufWriter::new(f),
                )?)
            }),
        None => Ok(crate::container::changes::export(
            &root,
            std::io::stdout().lock(),
        )?),
    };
    if !was_mounted {
        engine.unmount(&mut c)?;
    }
    result?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct MountArgs {
    /// Mount every container
    #[arg(short, long)]
    pub all: bool,
    /// Format of the list of mounted containers (no containers given): json
    #[arg(long)]
    pub format: Option<String>,
    /// Full container IDs in the list of mounted containers
    #[arg(long)]
    pub no_trunc: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to mount (none: list the mounted ones)
    pub containers: Vec<String>,
}

/// One line of the list `mount` prints without containers (`--format json`).
#[derive(serde::Serialize)]
struct Mounted {
    id: String,
    #[serde(rename = "Names")]
    names: Vec<String>,
    mountpoint: String,
}

pub fn mount(ctx: &Ctx, a: MountArgs) -> CmdResult {
    let engine = ctx.engine()?;
    if a.all && !a.containers.is_empty() {
        return Err(anyhow!("no arguments are needed with --all").into());
    }
    if a.all || a.latest.latest || !a.containers.is_empty() {
        let names = match a.all {
            true => engine.list()?.into_iter().map(|c| c.id).collect(),
            false => a.latest.or_names(&engine, &a.containers)?,
        };
        return each(&engine, &names, |c| {
            println!("{}", engine.mount(c)?.display());
            Ok(())
        });
    }
    let mounted: Vec<Mounted> = engine
        .list()?
        .into_iter()
        .filter(|c| c.state.mounted)
        .map(|c| Mounted {
            mountpoint: engine.rootfs(&c.id).display().to_string(),
            names: vec![c.name],
            id: c.id,
        })
        .collect();
    match a.format.as_deref() {
        None | Some("") => {
            for m in &mounted {
                let id = if a.no_trunc { &m.id } else { &m.id[..12] };
                println!("{id}  {}", m.mountpoint);
            }
        }
        Some("json") => println!("{}", serde_json::to_string_pretty(&mounted)?),
        Some(other) => return Err(anyhow!("unknown --format argument: {other}").into()),
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct UnmountArgs {
    /// Unmount every mounted container
    #[arg(short, long)]
    pub all: bool,
    /// Unmount even if others use the mount (cove counts no users: the same as without)
    #[arg(short, long)]
    pub force: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to unmount
    pub containers: Vec<String>,
}

pub fn unmount(ctx: &Ctx, a: UnmountArgs) -> CmdResult {
    let engine = ctx.engine()?;
    if a.all && !a.containers.is_empty() {
        return Err(anyhow!("no arguments are needed with --all").into());
    }
    let names: Vec<String> = if a.all {
        let list = engine.list()?.into_iter();
        list.filter(|c| c.state.mounted).map(|c| c.id).collect()
    } else if a.latest.latest || !a.containers.is_empty() {
        a.latest.or_names(&engine, &a.containers)?
    } else {
        return Err(anyhow!("you must provide at least one name or id").into());
    };
    each(&engine, &names, |c| {
        engine.unmount(c)?;
        println!("{}", c.id);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct CommitArgs {
    /// Apply a Dockerfile instruction to the image config (CMD, ENV, ...)
    #[arg(short, long = "change", value_name = "INSTRUCTION")]
    pub changes: Vec<String>,
    /// Commit message (recorded in the image history)
    #[arg(short, long)]
    pub message: Option<String>,
    /// Author
    #[arg(short, long)]
    pub author: Option<String>,
    /// Pause the container while committing
    #[arg(short, long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub pause: bool,
    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Image format: oci or docker (docker keeps HEALTHCHECK, ONBUILD and SHELL)
    #[arg(short, long, default_value = "oci")]
    pub format: String,
    /// Write the new image's ID to this file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Make the container's volume and bind mount points the image's volumes
    #[arg(long)]
    pub include_volumes: bool,
    /// Make the image one layer holding the container's whole filesystem
    #[arg(short, long)]
    pub squash: bool,
    /// Container
    pub container: String,
    /// Name for the new image
    pub image: Option<String>,
}

pub fn commit(ctx: &Ctx, a: CommitArgs) -> CmdResult {
    let format = match a.format.as_str() {
        "oci" => ManifestFormat::Oci,
        "docker" => ManifestFormat::Docker,
        other => return Err(anyhow!("unrecognized image format {other:?}").into()),
    };
    let engine = ctx.engine()?;
    let req = CommitRequest {
        include_volumes: a.include_volumes,
        name: a
            .image
            .as_deref()
            .map(crate::image::reference::local_name)
            .transpose()?,
        changes: a.changes,
        message: a.message,
        author: a.author,
        pause: a.pause,
        format,
        squash: a.squash,
    };
    let mut c = engine.lookup(&a.container)?;
    let id = crate::container::commit::commit(&engine, &mut c, &req)?;
    let id = id.trim_start_matches("sha256:");
    if let Some(path) = &a.iidfile {
        std::fs::write(path, id).with_context(|| format!("writing {}", path.display()))?;
    }
    println!("{id}");
    Ok(0)
}
