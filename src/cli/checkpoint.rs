//! `container checkpoint`, `container restore`, Docker's `checkpoint create|ls|rm` and
//! `start --checkpoint`. Checkpointing needs CRIU with CAP_SYS_ADMIN (or
//! CAP_CHECKPOINT_RESTORE) in the initial user namespace, which a rootless engine never
//! has: Podman refuses both commands rootless with the lines below, and cove does the same
//! with every flag accepted, so scripts get Podman's error rather than a usage error.

use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, Subcommand};

use super::{CmdResult, Ctx};

#[derive(Args, Debug)]
pub struct CheckpointArgs {
    /// Checkpoint all running containers
    #[arg(short, long)]
    pub all: bool,
    /// Compression of the exported checkpoint: gzip, none, zstd
    #[arg(short, long, value_name = "FORMAT")]
    pub compress: Option<String>,
    /// Create an image holding the checkpoint
    #[arg(long, value_name = "IMAGE")]
    pub create_image: Option<String>,
    /// Export the checkpoint to a tar archive
    #[arg(short, long, value_name = "FILE")]
    pub export: Option<PathBuf>,
    /// Checkpoint a container with file locks
    #[arg(long)]
    pub file_locks: bool,
    /// Leave the root filesystem's changes out of the exported checkpoint
    #[arg(long)]
    pub ignore_rootfs: bool,
    /// Leave volumes out of the exported checkpoint
    #[arg(long)]
    pub ignore_volumes: bool,
    /// Keep the checkpoint's files and logs
    #[arg(short, long)]
    pub keep: bool,
    /// Act on the last created container
    #[arg(short, long)]
    pub latest: bool,
    /// Leave the container running after the checkpoint
    #[arg(short = 'R', long)]
    pub leave_running: bool,
    /// Dump memory only, keeping the container running
    #[arg(short = 'P', long)]
    pub pre_checkpoint: bool,
    /// Print statistics about the checkpoint
    #[arg(long)]
    pub print_stats: bool,
    /// Checkpoint a container with established TCP connections
    #[arg(long)]
    pub tcp_established: bool,
    /// Checkpoint on top of a previous pre-checkpoint
    #[arg(long)]
    pub with_previous: bool,
    /// Containers to checkpoint
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// Restore all checkpointed containers
    #[arg(short, long)]
    pub all: bool,
    /// Restore a container with file locks
    #[arg(long)]
    pub file_locks: bool,
    /// Do not restore the root filesystem's changes
    #[arg(long)]
    pub ignore_rootfs: bool,
    /// Ignore the IP address the container had
    #[arg(long)]
    pub ignore_static_ip: bool,
    /// Ignore the MAC address the container had
    #[arg(long)]
    pub ignore_static_mac: bool,
    /// Do not restore volumes
    #[arg(long)]
    pub ignore_volumes: bool,
    /// Restore from this exported checkpoint
    #[arg(short, long, value_name = "FILE")]
    pub import: Option<PathBuf>,
    /// Restore from this exported pre-checkpoint
    #[arg(long, value_name = "FILE")]
    pub import_previous: Option<PathBuf>,
    /// Keep the checkpoint's files and logs
    #[arg(short, long)]
    pub keep: bool,
    /// Act on the last created container
    #[arg(short, long)]
    pub latest: bool,
    /// The name of the restored container (with --import)
    #[arg(short, long)]
    pub name: Option<String>,
    /// Restore into this pod
    #[arg(long)]
    pub pod: Option<String>,
    /// Print statistics about the restore
    #[arg(long)]
    pub print_stats: bool,
    /// Publish these ports in the restored container (with --import)
    #[arg(short, long, value_name = "PORTS")]
    pub publish: Vec<String>,
    /// Restore a container with established TCP connections
    #[arg(long)]
    pub tcp_established: bool,
    /// Containers or checkpoint images to restore
    pub containers: Vec<String>,
}

/// Docker's `checkpoint` commands.
#[derive(Subcommand, Debug)]
pub enum CheckpointCommand {
    /// Create a checkpoint of a running container
    Create(DockerCheckpointArgs),
    /// List a container's checkpoints
    #[command(visible_alias = "list")]
    Ls(DockerCheckpointArgs),
    /// Remove a checkpoint
    #[command(visible_alias = "remove")]
    Rm(DockerCheckpointArgs),
}

#[derive(Args, Debug)]
pub struct DockerCheckpointArgs {
    /// Where checkpoints are kept
    #[arg(long, value_name = "DIR")]
    pub checkpoint_dir: Option<PathBuf>,
    /// Leave the container running after the checkpoint (create)
    #[arg(long)]
    pub leave_running: bool,
    /// The container, then the checkpoint's name
    #[arg(required = true)]
    pub args: Vec<String>,
}

fn refuse(ctx: &Ctx, what: &str) -> CmdResult {
    Err(if ctx.rootless() {
        anyhow!("{what} a container requires root").into()
    } else {
        anyhow!("{what} a container needs CRIU, which cove does not drive").into()
    })
}

pub fn checkpoint(ctx: &Ctx, _a: CheckpointArgs) -> CmdResult {
    refuse(ctx, "checkpointing")
}

pub fn restore(ctx: &Ctx, _a: RestoreArgs) -> CmdResult {
    refuse(ctx, "restoring")
}

/// Every `checkpoint` subcommand needs a checkpoint to exist, hence the same refusal.
pub fn docker(ctx: &Ctx, _c: CheckpointCommand) -> CmdResult {
    refuse(ctx, "checkpointing")
}

/// `start --checkpoint NAME`: starting from a checkpoint is a restore.
pub fn start_from(ctx: &Ctx) -> CmdResult {
    refuse(ctx, "restoring")
}
