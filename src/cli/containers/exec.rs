//! `exec` and `attach`.

use super::*;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::container::attach::{self};
use crate::container::exec::TERMINAL_ON_STDIN;
use crate::container::flags::merge_env;
use crate::container::Status;
use anyhow::{anyhow, Context};
use clap::Args;
use std::os::fd::AsFd;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ExecArgs {
    /// Keep STDIN open
    #[arg(short, long)]
    pub interactive: bool,
    /// Allocate a pseudo-TTY
    #[arg(short, long)]
    pub tty: bool,
    /// Run the command in the background
    #[arg(short, long)]
    pub detach: bool,
    /// Set environment variables (KEY=VALUE)
    #[arg(short, long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Read environment variables from a file
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Username or UID (format: <name|uid>[:<group|gid>])
    #[arg(short, long)]
    pub user: Option<String>,
    /// Working directory inside the container
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Give the process every capability (the container's seccomp filter still applies)
    #[arg(long)]
    pub privileged: bool,
    /// Key sequence for detaching (checked; cove relays the terminal until the process
    /// ends)
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Pass file descriptors 3 to 3+N-1 of cove on to the process
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Container (with --latest: the first word of the command)
    pub container: String,
    /// Command and arguments
    #[arg(
        required_unless_present = "latest",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub command: Vec<String>,
}

pub fn exec(ctx: &Ctx, a: ExecArgs) -> CmdResult {
    let engine = ctx.engine()?;
    attach::parse_detach_keys(&a.detach_keys).map_err(|e| anyhow!(e))?;
    crate::container::options::check_preserve_fds(a.preserve_fds)?;
    let (name, command) = a
        .latest
        .split(&engine, Some(a.container.clone()), a.command.clone())?;
    let c = engine.lookup(&name)?;
    // Podman's words and exit code (that of its exec session set-up).
    if c.state.status != Status::Running {
        return Err(Failure {
            code: 255,
            error: anyhow!(
                "can only create exec sessions on running containers: container state improper"
            ),
        });
    }
    let mut env = Vec::new();
    let lookup = |k: &str| std::env::var(k).ok();
    for e in env_file_entries(&a.env_file)?.iter().chain(&a.env) {
        merge_env(&mut env, e, lookup);
    }
    if a.tty {
        merge_env(&mut env, "TERM=xterm", lookup);
    }
    let mut spec = engine.exec_spec(
        &c,
        command,
        &env,
        a.user.as_deref(),
        a.workdir.as_deref(),
        a.tty,
        a.privileged,
    )?;
    spec.preserve_fds = a.preserve_fds;
    let given = if a.tty && std::env::var_os(TERMINAL_ON_STDIN).is_some() {
        Some(std::io::stdin().as_fd().try_clone_to_owned()?)
    } else {
        None
    };
    // Without -i the process must not read our stdin (Docker gives it /dev/null).
    if !a.interactive {
        let null = std::fs::File::open("/dev/null")?;
        nix::unistd::dup2_stdin(&null)?;
    }
    Ok(crate::container::exec::exec_with_terminal(c.state.pid, &spec, a.detach, given)?.code)
}

#[derive(Args, Debug)]
pub struct AttachArgs {
    /// Do not attach stdin
    #[arg(long)]
    pub no_stdin: bool,
    /// Key sequence for detaching
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Pass the signals cove receives on to the container
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub sig_proxy: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Container
    #[arg(required_unless_present = "latest")]
    pub container: Option<String>,
}

pub fn attach(ctx: &Ctx, a: AttachArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let name = a.latest.or_name(&engine, a.container.as_deref())?;
    let mut c = engine.lookup(&name)?;
    if !c.state.status.is_active() {
        return Err(conflict(anyhow!(
            "you can only attach to running containers: {} is {}",
            c.name,
            c.state.status.as_str()
        )));
    }
    let sock = attach::connect(&engine.state_dir(&c.id).join("attach"))
        .context("connecting to the container's attach socket")?;
    if a.no_stdin {
        c.config.interactive = false;
    }
    attach_until_exit(
        &engine,
        &mut c,
        &sock,
        &a.detach_keys,
        Streams::all(a.sig_proxy),
    )
}
