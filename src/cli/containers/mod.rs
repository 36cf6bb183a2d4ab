//! Container commands, one file per group; this file holds what they share.

use super::shared::LatestArg;
use super::{CmdResult, Failure};
use crate::container::attach::{self, AttachEnd, AttachOptions};
use crate::container::{Container, ContainerError, Engine};
use crate::filter::Filters;
use anyhow::{anyhow, bail, Context};
use clap::Args;
use std::path::PathBuf;

mod clone;
mod create;
mod exec;
mod files;
mod inspect;
mod lifecycle;
mod logs;
mod more_args;
mod ps;
mod runlabel;
mod stats;
mod update;

pub use clone::*;
pub use create::*;
pub use exec::*;
pub use files::*;
pub use inspect::*;
pub use lifecycle::*;
pub use logs::*;
pub use more_args::*;
pub use ps::*;
pub use runlabel::*;
pub use stats::*;
pub use update::*;

/// Podman's exit codes: `rm` of no such container 1 (the other commands 125), 2 a
/// container in a state that forbids the operation.
const EXIT_NO_SUCH: i32 = 1;
const EXIT_CONFLICT: i32 = 2;

fn conflict(e: anyhow::Error) -> Failure {
    Failure {
        code: EXIT_CONFLICT,
        error: e,
    }
}

/// Run `f` on each named container; report errors per container and return the worst
/// exit code, as Podman does.
fn each(
    engine: &Engine,
    names: &[String],
    f: impl FnMut(&mut Container) -> Result<(), Failure>,
) -> CmdResult {
    each_with(engine, names, super::EXIT_FAILURE, f)
}

/// `each`, with the exit code for a name that matches no container.
fn each_with(
    engine: &Engine,
    names: &[String],
    not_found: i32,
    mut f: impl FnMut(&mut Container) -> Result<(), Failure>,
) -> CmdResult {
    Ok(super::each_name(names, |n| {
        let mut c = engine.lookup(n).map_err(|e| match e {
            ContainerError::NotFound(_) => Failure {
                code: not_found,
                error: e.into(),
            },
            other => other.into(),
        })?;
        f(&mut c)
    }))
}

/// `--ignore`: the names of containers that exist (all of them without it).
fn existing(engine: &Engine, names: Vec<String>, ignore: bool) -> Vec<String> {
    if !ignore {
        return names;
    }
    names
        .into_iter()
        .filter(|n| !matches!(engine.lookup(n), Err(ContainerError::NotFound(_))))
        .collect()
}

/// `--cidfile FILE`: the IDs written there by `create --cidfile`; with `--ignore` a
/// missing file is skipped, as in Podman.
fn cidfile_names(files: &[PathBuf], ignore: bool) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for f in files {
        match std::fs::read_to_string(f) {
            Ok(id) => out.push(id.trim().to_string()),
            Err(e) if ignore && e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => bail!("reading CIDFile: {}: {e}", f.display()),
        }
    }
    Ok(out)
}

fn running_or_named(engine: &Engine, all: bool, names: &[String]) -> anyhow::Result<Vec<String>> {
    if all {
        return Ok(engine
            .list()?
            .into_iter()
            .filter(|c| c.state.status.is_active())
            .map(|c| c.id)
            .collect());
    }
    if names.is_empty() {
        bail!("at least one container name or ID must be given (or --all)");
    }
    Ok(names.to_vec())
}

/// The ways restart, pause and unpause choose containers besides by name.
#[derive(Args, Debug)]
pub struct SelectArgs {
    /// Every container this command applies to
    #[arg(short, long)]
    pub all: bool,
    /// Read the container ID from this file
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// The containers that match (KEY=VALUE, as `ps --filter`)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// The latest created container
    #[arg(short, long)]
    pub latest: bool,
    /// Containers
    pub containers: Vec<String>,
}

impl SelectArgs {
    /// The IDs or names chosen; `--all` takes the containers `all_of` accepts.
    fn select(
        &self,
        engine: &Engine,
        all_of: impl Fn(&Container) -> bool,
    ) -> anyhow::Result<Vec<String>> {
        let mut names = self.containers.clone();
        names.extend(cidfile_names(&self.cidfile, false)?);
        let list = engine.list()?;
        if !self.filter.is_empty() {
            let filters = container_filters(engine, &self.filter)?;
            names.extend(filters.select(list.clone())?.into_iter().map(|c| c.id));
        }
        if self.latest {
            names.push(engine.latest()?.id);
        }
        if self.all {
            names.extend(list.iter().filter(|c| all_of(c)).map(|c| c.id.clone()));
        } else if names.is_empty() && self.cidfile.is_empty() && self.filter.is_empty() {
            bail!("at least one container name or ID must be given (or --all, --latest)");
        }
        Ok(names)
    }
}

/// The exit code for a container that could not be started: 126/127 when its command
/// cannot be run (runc and crun report that at create time), else 125.
fn start_failure(e: ContainerError) -> Failure {
    let msg = e.to_string();
    let code =
        if msg.contains("executable file not found") || msg.contains("no such file or directory") {
            127
        } else if msg.contains("permission denied") {
            126
        } else {
            super::EXIT_FAILURE
        };
    Failure {
        code,
        error: e.into(),
    }
}

/// `--attach` (which output streams) and `--sig-proxy` of run, start and attach.
#[derive(Debug, Clone, Copy)]
struct Streams {
    stdout: bool,
    stderr: bool,
    sig_proxy: bool,
}

impl Streams {
    fn all(sig_proxy: bool) -> Streams {
        Streams {
            stdout: true,
            stderr: true,
            sig_proxy,
        }
    }
}

/// Attach to a started container until it exits (its code) or the user detaches (0).
fn attach_until_exit(
    engine: &Engine,
    c: &mut Container,
    sock: &std::os::fd::OwnedFd,
    detach_keys: &str,
    streams: Streams,
) -> CmdResult {
    // Passthrough: the container has the caller's stdio itself; only its end is awaited.
    let relay = c.config.log_driver != crate::container::create::LogDriver::Passthrough;
    let opts = AttachOptions {
        stdin: c.config.interactive && relay,
        tty: c.config.tty && relay,
        detach_keys: attach::parse_detach_keys(detach_keys).map_err(|e| anyhow!(e))?,
        stdout: streams.stdout && relay,
        stderr: streams.stderr && relay,
        proxy_to: (streams.sig_proxy && c.state.pid > 0).then_some(c.state.pid),
    };
    match attach::run(sock, &opts)? {
        AttachEnd::Exited(code) => Ok(code),
        AttachEnd::Detached => Ok(0),
        AttachEnd::Disconnected => Ok(engine.wait(c)?),
    }
}

/// `--filter` of ps and `start --all`, checked, with `before=`/`since=` looked up.
fn container_filters(engine: &Engine, raw: &[String]) -> anyhow::Result<Filters> {
    let mut f = Filters::for_kind::<Container>(raw)?;
    crate::filter::kinds::resolve_containers(&mut f, engine)?;
    Ok(f)
}

/// The entries of the `--env-file` files, in order.
fn env_file_entries(paths: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for p in paths {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("opening {}", p.display()))?;
        out.extend(crate::container::flags::parse_env_file(&text));
    }
    Ok(out)
}

/// Our environment, for `--env-host` and bare `-e KEY` (names or values that are not
/// UTF-8 are left out).
fn host_env() -> Vec<(String, String)> {
    std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect()
}
