//! Container lifecycle: start, stop, kill, rm, wait, rename, exists, prune, restart, pause,
//! unpause, and the internal `container cleanup` the shim runs.

use super::*;
use crate::cli::shared::check_all_or_names;
use crate::cli::{CmdResult, Ctx};
use crate::container::wait::StateCondition;
use crate::container::{CleanupOptions, Container, ContainerError, Status};
use anyhow::anyhow;
use clap::Args;

#[derive(Args, Debug)]
pub struct StartArgs {
    /// Attach the container's output
    #[arg(short, long)]
    pub attach: bool,
    /// Attach the container's stdin
    #[arg(short, long)]
    pub interactive: bool,
    /// Start every container that is not running
    #[arg(long)]
    pub all: bool,
    /// With --all, only the containers that match (restart-policy=, label=, name=,
    /// status=, ...)
    #[arg(short, long, value_name = "KEY=VALUE", requires = "all")]
    pub filter: Vec<String>,
    /// With --all, only what Docker's daemon brings back when it starts (for a unit run
    /// at boot): containers with restart policy always, and unless-stopped ones the user
    /// had not stopped; never one that was only created
    #[arg(long, requires = "all")]
    pub boot: bool,
    /// Key sequence for detaching
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Pass the signals cove receives on to the container (with --attach)
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub sig_proxy: bool,
    /// Start from this checkpoint (Docker's; checkpoints need root and CRIU)
    #[arg(long, value_name = "NAME")]
    pub checkpoint: Option<String>,
    /// Where the checkpoint is kept (with --checkpoint)
    #[arg(long, value_name = "DIR")]
    pub checkpoint_dir: Option<PathBuf>,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to start
    pub containers: Vec<String>,
}

/// `start --all --boot`: cove has no daemon to start containers when the machine comes
/// up, so a unit does it (contrib/systemd/user/cove-restart.service). A container that
/// never ran was not running when the machine went down: nothing brings it back.
fn comes_back_at_boot(c: &Container) -> bool {
    c.state.status != Status::Created && c.config.restart.starts_at_boot(c.state.stopped_by_user)
}

pub fn start(ctx: &Ctx, a: StartArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let names: Vec<String> = if a.all {
        let filters = container_filters(&engine, &a.filter)?;
        let mut names = Vec::new();
        for c in engine.list()? {
            let wanted = !c.state.status.is_active()
                && filters.matches(&c)?
                && (!a.boot || comes_back_at_boot(&c));
            if wanted {
                names.push(c.id);
            }
        }
        if names.is_empty() {
            return Ok(0);
        }
        names
    } else {
        a.latest.or_names(&engine, &a.containers)?
    };
    if names.is_empty() {
        return Err(anyhow!("start needs at least one container (or --all)").into());
    }
    if a.attach && names.len() == 1 {
        let mut c = engine.lookup(&names[0])?;
        if a.interactive {
            c.config.interactive = true;
        }
        crate::cli::sdnotify::before_start(&mut c)?;
        let sock = engine.start(&mut c, true).map_err(start_failure)?;
        let Some(sock) = sock else {
            return Err(anyhow!("container {} is already running", c.name).into());
        };
        crate::cli::sdnotify::after_start(&c)?;
        return attach_until_exit(
            &engine,
            &mut c,
            &sock,
            &a.detach_keys,
            Streams::all(a.sig_proxy),
        );
    }
    each(&engine, &names, |c| {
        crate::cli::sdnotify::before_start(c)?;
        // Podman's wording and 125 here, where run and start -a give the command's 126/127.
        let id = c.id.clone();
        engine
            .start(c, false)
            .map_err(|e| anyhow!("unable to start container \"{id}\": {e}"))?;
        crate::cli::sdnotify::after_start(c)?;
        println!("{}", c.name);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct StopArgs {
    /// Seconds to wait before killing the container
    #[arg(short, long, visible_alias = "timeout")]
    pub time: Option<u32>,
    /// Stop all running containers
    #[arg(short, long)]
    pub all: bool,
    /// Signal to stop the container with, instead of its stop signal (Docker's)
    #[arg(short, long, value_name = "SIGNAL")]
    pub signal: Option<String>,

    /// A container that does not exist is not an error
    #[arg(short, long)]
    pub ignore: bool,
    /// Read the container ID from this file
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Stop the containers that match (KEY=VALUE, as `ps --filter`)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to stop
    pub containers: Vec<String>,
}

/// `--signal`, checked before any container is touched.
fn stop_signal(s: Option<&str>) -> anyhow::Result<Option<crate::container::signal::Signal>> {
    Ok(s.map(str::parse).transpose()?)
}

pub fn stop(ctx: &Ctx, a: StopArgs) -> CmdResult {
    let signal = stop_signal(a.signal.as_deref())?;
    let engine = ctx.engine()?;
    let mut given = a.latest.or_names(&engine, &a.containers)?;
    given.extend(cidfile_names(&a.cidfile, a.ignore)?);
    if !a.filter.is_empty() {
        let filters = container_filters(&engine, &a.filter)?;
        given.extend(filters.select(engine.list()?)?.into_iter().map(|c| c.id));
    }
    let names = running_or_named(&engine, a.all, &given)?;
    let names = existing(&engine, names, a.ignore);
    each(&engine, &names, |c| {
        engine.stop_with(c, a.time, signal)?;
        println!("{}", if a.all { &c.id } else { &c.name });
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct KillArgs {
    /// Signal to send
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
    /// Kill all running containers
    #[arg(short, long)]
    pub all: bool,
    /// Read the container ID from this file
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to kill
    pub containers: Vec<String>,
}

pub fn kill(ctx: &Ctx, a: KillArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut given = a.latest.or_names(&engine, &a.containers)?;
    given.extend(cidfile_names(&a.cidfile, false)?);
    let names = running_or_named(&engine, a.all, &given)?;
    each(&engine, &names, |c| {
        engine.kill(c, &a.signal)?;
        println!("{}", c.name);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Kill and remove running containers
    #[arg(short, long)]
    pub force: bool,
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,
    /// Remove the container's anonymous volumes too (named volumes are kept)
    #[arg(short, long)]
    pub volumes: bool,
    /// Seconds to wait for a stop before killing (with --force)
    #[arg(short, long)]
    pub time: Option<u32>,
    /// A container that does not exist is not an error
    #[arg(short, long)]
    pub ignore: bool,
    /// Read the container ID from this file
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Remove the containers that match (KEY=VALUE, as `ps --filter`)
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Remove the containers that depend on these first (--requires, shared namespaces)
    #[arg(long)]
    pub depend: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to remove
    pub containers: Vec<String>,
}

pub fn rm(ctx: &Ctx, a: RmArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut given = a.latest.or_names(&engine, &a.containers)?;
    given.extend(cidfile_names(&a.cidfile, a.ignore)?);
    if !a.filter.is_empty() {
        let filters = container_filters(&engine, &a.filter)?;
        given.extend(filters.select(engine.list()?)?.into_iter().map(|c| c.id));
    }
    let names: Vec<String> = if a.all {
        engine.list()?.into_iter().map(|c| c.id).collect()
    } else if given.is_empty() && a.cidfile.is_empty() && a.filter.is_empty() {
        return Err(anyhow!("rm needs at least one container (or --all)").into());
    } else {
        given
    };
    let mut names = existing(&engine, names, a.ignore);
    if a.depend {
        let mut ordered: Vec<String> = Vec::new();
        for n in &names {
            if let Ok(c) = engine.lookup(n) {
                for d in engine.dependents(&c)? {
                    if !ordered.contains(&d.id) {
                        ordered.push(d.id);
                    }
                }
            }
            ordered.push(n.clone());
        }
        names = ordered;
    }
    each_with(&engine, &names, EXIT_NO_SUCH, |c| {
        if a.force && a.time.is_some_and(|t| t > 0) {
            engine.stop(c, a.time)?;
        }
        engine.remove(c, a.force, a.volumes).map_err(|e| match e {
            ContainerError::Running(_) | ContainerError::Restarting(_) => conflict(e.into()),
            other => other.into(),
        })?;
        println!("{}", if a.all { &c.id } else { &c.name });
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct WaitArgs {
    /// Wait until the container is in this state (repeatable): created, initialized,
    /// running, paused, stopping, stopped, exited, healthy, unhealthy; prints -1 for a
    /// state other than stopped or exited
    #[arg(long, value_name = "STATE")]
    pub condition: Vec<String>,
    /// Time between two looks at the container's state (with --condition)
    #[arg(short, long, value_name = "DURATION", default_value = "250ms")]
    pub interval: String,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to wait for
    #[arg(required_unless_present = "latest")]
    pub containers: Vec<String>,
}

pub fn wait(ctx: &Ctx, a: WaitArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let conditions = a
        .condition
        .iter()
        .map(|s| s.parse::<StateCondition>())
        .collect::<Result<Vec<_>, _>>()?;
    // Podman's rule: a bare number is milliseconds.
    let interval = match a.interval.parse::<u64>() {
        Ok(ms) => std::time::Duration::from_millis(ms),
        Err(_) => crate::time::parse_duration(&a.interval)
            .map_err(|e| anyhow!("invalid --interval: {e}"))?,
    };
    let names = a.latest.or_names(&engine, &a.containers)?;
    each(&engine, &names, |c| {
        println!("{}", engine.wait_for_states(c, &conditions, interval)?);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct RenameArgs {
    /// Container to rename
    pub container: String,
    /// New name
    pub name: String,
}

pub fn rename(ctx: &Ctx, a: RenameArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let mut c = engine.lookup(&a.container)?;
    engine.rename(&mut c, &a.name)?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    /// Container name or ID
    pub container: String,
}

pub fn exists(ctx: &Ctx, a: ExistsArgs) -> CmdResult {
    match ctx.engine()?.lookup(&a.container) {
        Ok(_) => Ok(0),
        Err(ContainerError::NotFound(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only what was created before a time (until=TIMESTAMP|DURATION) or carries a
    /// label (label=KEY[=VALUE], label!=KEY[=VALUE])
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

pub fn prune(ctx: &Ctx, a: PruneArgs) -> CmdResult {
    let filters = crate::system::prune::parse_filters(&a.filter)?;
    for p in crate::system::prune::containers(&ctx.engine()?, &filters)? {
        println!("{}", p.id);
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct RestartArgs {
    /// Seconds to wait before killing the container
    #[arg(short, long, visible_alias = "timeout")]
    pub time: Option<u32>,
    /// With --all, only the running containers
    #[arg(long)]
    pub running: bool,
    /// Signal to stop the container with, instead of its stop signal (Docker's)
    #[arg(short, long, value_name = "SIGNAL")]
    pub signal: Option<String>,

    #[command(flatten)]
    pub select: SelectArgs,
}

pub fn restart(ctx: &Ctx, a: RestartArgs) -> CmdResult {
    let signal = stop_signal(a.signal.as_deref())?;
    let engine = ctx.engine()?;
    let names = a
        .select
        .select(&engine, |c| !a.running || c.state.status.is_active())?;
    each(&engine, &names, |c| {
        engine
            .restart_with(c, a.time, signal)
            .map_err(start_failure)?;
        println!("{}", c.name);
        Ok(())
    })
}

pub fn pause(ctx: &Ctx, a: SelectArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let names = a.select(&engine, |c| c.state.status == Status::Running)?;
    each(&engine, &names, |c| {
        engine.pause(c).map_err(|e| conflict(e.into()))?;
        println!("{}", c.name);
        Ok(())
    })
}

pub fn unpause(ctx: &Ctx, a: SelectArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let names = a.select(&engine, |c| c.state.status == Status::Paused)?;
    each(&engine, &names, |c| {
        engine.unpause(c).map_err(|e| conflict(e.into()))?;
        println!("{}", c.name);
        Ok(())
    })
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Initialize every container not initialized yet
    #[arg(short, long)]
    pub all: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers to initialize
    pub containers: Vec<String>,
}

/// `init`: the runtime creates the containers, their processes wait for `start`.
pub fn init(ctx: &Ctx, a: InitArgs) -> CmdResult {
    let engine = ctx.engine()?;
    check_all_or_names(a.all, a.latest, &a.containers)?;
    if a.all {
        // Podman's rule: with --all a container already initialized (or running) is
        // not an error.
        let ids: Vec<String> = engine.list()?.into_iter().map(|c| c.id).collect();
        return Ok(crate::cli::each_name(&ids, |id| {
            let mut c = engine.lookup(id)?;
            match engine.init(&mut c) {
                Ok(()) | Err(ContainerError::AlreadyInitialized(_)) => {}
                Err(e) => return Err(e.into()),
            }
            println!("{id}");
            Ok(())
        }));
    }
    let names = a.latest.or_names(&engine, &a.containers)?;
    Ok(crate::cli::each_name(&names, |n| {
        engine.init(&mut engine.lookup(n)?)?;
        println!("{n}");
        Ok(())
    }))
}

#[derive(Args, Debug)]
pub struct CleanupArgs {
    /// Every container that has ended
    #[arg(short, long)]
    pub all: bool,
    /// Clean up an exec session (cove's exec sessions leave nothing to clean up)
    #[arg(long, value_name = "SESSION")]
    pub exec: Option<String>,
    /// Remove the container after cleaning it up
    #[arg(long)]
    pub rm: bool,
    /// Remove the container's image too, unless other containers use it (implies --rm)
    #[arg(long)]
    pub rmi: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers whose process ended
    pub containers: Vec<String>,
}

/// What the shim runs when a container's process ends (one ID, no flags), and Podman's
/// `container cleanup` for users: release what ended containers hold, optionally
/// removing them.
pub fn cleanup(ctx: &Ctx, a: CleanupArgs) -> CmdResult {
    let engine = ctx.engine()?;
    check_all_or_names(a.all, a.latest, &a.containers)?;
    let plain = !(a.all || a.latest.latest || a.rm || a.rmi || a.exec.is_some());
    let names: Vec<String> = if a.all {
        engine.list()?.into_iter().map(|c| c.id).collect()
    } else {
        a.latest.or_names(&engine, &a.containers)?
    };
    let opts = CleanupOptions {
        remove: a.rm || a.rmi,
        remove_image: a.rmi,
    };
    Ok(crate::cli::each_name(&names, |n| {
        let mut c = match engine.lookup(n) {
            Ok(c) => c,
            // The shim's exit command, after `run --rm` in the foreground removed it.
            Err(ContainerError::NotFound(_)) if plain => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        if let Some(session) = &a.exec {
            // cove keeps no exec sessions outside the API service's memory.
            return Err(anyhow!(
                "container {} has no exec session with ID {session}: no such exec session",
                c.id
            )
            .into());
        }
        engine.cleanup_by_user(&mut c, opts)?;
        println!("{n}");
        Ok(())
    }))
}
