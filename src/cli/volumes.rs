//! volume create, ls, inspect, rm, prune, exists.

use anyhow::anyhow;
use clap::{Args, Subcommand};
use serde_json::Value;

use super::output::{print_inspect, print_list};
use super::{CmdResult, Ctx, Failure};
use crate::container::flags::key_values;
use crate::filter::{Filters, VolumeView};
use crate::volume::{self, Volume, VolumeError};

#[derive(Subcommand, Debug)]
pub enum VolumeCommand {
    /// Create a volume
    Create(CreateArgs),
    /// List volumes
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Display detailed information on volumes
    Inspect(InspectArgs),
    /// Remove one or more volumes
    Rm(RmArgs),
    /// Remove all volumes no container uses
    Prune(PruneArgs),
    /// Check whether a volume exists (exit 0 if it does, 1 if not)
    Exists(ExistsArgs),
    /// Write a volume's contents as a tar archive
    Export(ExportArgs),
    /// Unpack a tar archive into a volume
    Import(ImportArgs),
    /// Mount a volume and print its mount point (a local volume is a directory: its path)
    Mount(NameArg),
    /// Unmount a volume (nothing to undo for a local volume: its name is printed)
    Unmount(NameArg),
    /// Reload volumes from volume plugins (cove has none: nothing changes)
    Reload,
}

#[derive(Args, Debug)]
pub struct NameArg {
    /// Volume
    pub name: String,
}

/// `volume mount` and `volume unmount`.
pub fn mount(ctx: &Ctx, a: NameArg, mount: bool) -> CmdResult {
    let store = ctx.store()?;
    let shown = match mount {
        true => volume::mount(&store, &a.name)?.display().to_string(),
        false => {
            volume::unmount(&store, &a.name)?;
            a.name
        }
    };
    println!("{shown}");
    Ok(0)
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// Volume driver (only "local")
    #[arg(short, long, default_value = "local")]
    pub driver: String,
    /// Set metadata (KEY=VALUE)
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Driver options (KEY=VALUE), recorded for inspect
    #[arg(short, long = "opt", value_name = "KEY=VALUE")]
    pub opts: Vec<String>,
    /// Succeed if a volume of that name exists already (it is left as it is)
    #[arg(long)]
    pub ignore: bool,
    /// Name (random if omitted)
    pub name: Option<String>,
}

fn value(ctx: &Ctx, v: &Volume) -> anyhow::Result<Value> {
    let store = ctx.store()?;
    Ok(serde_json::to_value(volume::report(&store, v))?)
}

pub fn create(ctx: &Ctx, a: CreateArgs) -> CmdResult {
    let store = ctx.store()?;
    let created = volume::create(
        &store,
        a.name.as_deref(),
        &a.driver,
        key_values(&a.labels),
        key_values(&a.opts),
        false,
    );
    let name = match created {
        Ok(v) => v.name,
        Err(VolumeError::Exists(name)) if a.ignore => name,
        Err(e) => return Err(e.into()),
    };
    println!("{name}");
    Ok(0)
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Only display volume names
    #[arg(short, long)]
    pub quiet: bool,
    /// Filter (name=, label=, dangling=true|false, driver=)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Format: json or a Go template like '{{.Name}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Do not print the column headings
    #[arg(short, long)]
    pub noheading: bool,
}

pub fn ls(ctx: &Ctx, a: LsArgs) -> CmdResult {
    let store = ctx.store()?;
    let engine = ctx.engine()?;
    let filters = Filters::for_kind::<VolumeView>(&a.filter)?;
    let mut items = Vec::new();
    let all_users = engine.volume_users()?;
    for v in volume::list(&store)? {
        let users = all_users.get(&v.name).map_or(0, Vec::len);
        if filters.matches(&VolumeView { volume: &v, users })? {
            items.push(value(ctx, &v)?);
        }
    }
    if a.quiet {
        for i in &items {
            println!("{}", i["Name"].as_str().unwrap_or_default());
        }
        return Ok(0);
    }
    let headers: &[&str] = if a.noheading {
        &[]
    } else {
        &["DRIVER", "VOLUME NAME"]
    };
    print_list(
        a.format.as_deref(),
        headers,
        &[("Name", "VOLUME NAME")],
        &items,
        |v| {
            vec![
                v["Driver"].as_str().unwrap_or_default().to_string(),
                v["Name"].as_str().unwrap_or_default().to_string(),
            ]
        },
    )?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Format: json or a Go template like '{{.Mountpoint}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Inspect every volume
    #[arg(short, long)]
    pub all: bool,
    /// Volumes to inspect
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub names: Vec<String>,
}

fn not_found(e: VolumeError) -> Failure {
    let code = match e {
        VolumeError::NotFound(_) => 1,
        VolumeError::InUse { .. } => 2,
        _ => super::EXIT_FAILURE,
    };
    Failure {
        code,
        error: e.into(),
    }
}

pub fn inspect(ctx: &Ctx, a: InspectArgs) -> CmdResult {
    let store = ctx.store()?;
    let mut items = Vec::new();
    if a.all {
        for v in volume::list(&store)? {
            items.push(value(ctx, &v)?);
        }
    }
    for n in &a.names {
        items.push(value(ctx, &volume::find(&store, n).map_err(not_found)?)?);
    }
    print_inspect(a.format.as_deref(), &items)?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Remove the containers using the volumes too
    #[arg(short, long)]
    pub force: bool,
    /// Remove all volumes
    #[arg(short, long)]
    pub all: bool,
    /// Seconds to wait for the containers using them to stop before killing them
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Volumes to remove
    pub names: Vec<String>,
}

/// Remove a volume; with `force`, the containers using it go first.
fn remove(ctx: &Ctx, name: &str, force: bool, time: Option<u32>) -> Result<(), Failure> {
    match ctx.engine()?.remove_volume_within(name, force, time) {
        Ok(()) => Ok(()),
        Err(crate::container::ContainerError::Volume(e)) => Err(not_found(e)),
        Err(e) => Err(e.into()),
    }
}

pub fn rm(ctx: &Ctx, a: RmArgs) -> CmdResult {
    let names: Vec<String> = if a.all {
        volume::list(&*ctx.store()?)?
            .into_iter()
            .map(|v| v.name)
            .collect()
    } else if a.names.is_empty() {
        return Err(anyhow!("volume rm needs at least one volume name (or --all)").into());
    } else {
        a.names.clone()
    };
    Ok(super::each_name(&names, |n| {
        remove(ctx, n, a.force, a.time)?;
        println!("{n}");
        Ok(())
    }))
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Docker's: named volumes too, not only anonymous ones. cove prunes every unused
    /// volume as Podman does, so it changes nothing here
    #[arg(short, long)]
    pub all: bool,
    /// Only what was created before a time (until=TIMESTAMP|DURATION) or carries a
    /// label (label=KEY[=VALUE], label!=KEY[=VALUE])
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

pub fn prune(ctx: &Ctx, a: PruneArgs) -> CmdResult {
    let filters = crate::system::prune::parse_filters(&a.filter)?;
    for p in crate::system::prune::volumes(&ctx.engine()?, &filters)? {
        println!("{}", p.id);
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    /// Volume name
    pub name: String,
}

pub fn exists(ctx: &Ctx, a: ExistsArgs) -> CmdResult {
    match volume::find(&*ctx.store()?, &a.name) {
        Ok(_) => Ok(0),
        Err(VolumeError::NotFound(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Volume name
    pub name: String,
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> CmdResult {
    let store = ctx.store()?;
    volume::find(&store, &a.name).map_err(not_found)?;
    match &a.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| anyhow!("creating {}: {e}", path.display()))?;
            volume::export(&store, &a.name, std::io::BufWriter::new(file))?;
        }
        None => {
            if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                return Err(anyhow!(
                    "refusing to write a tar archive to a terminal: use --output FILE or redirect"
                )
                .into());
            }
            volume::export(&store, &a.name, std::io::stdout().lock())?;
        }
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Volume name
    pub name: String,
    /// Tar archive to unpack ("-": standard input)
    pub source: String,
}

pub fn import(ctx: &Ctx, a: ImportArgs) -> CmdResult {
    let store = ctx.store()?;
    volume::find(&store, &a.name).map_err(not_found)?;
    if a.source == "-" {
        volume::import(&store, &a.name, std::io::stdin().lock(), ctx.rootless())?;
    } else {
        let file =
            std::fs::File::open(&a.source).map_err(|e| anyhow!("opening {}: {e}", a.source))?;
        volume::import(&store, &a.name, file, ctx.rootless())?;
    }
    Ok(0)
}
