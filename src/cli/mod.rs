//! The command line: clap definitions, dispatch, and printing. The engine (image,
//! registry, storage, rootless) does the work and returns typed results.

mod archive;
mod argv;
mod auto_update;
mod build;
mod builder;
mod checkpoint;
mod containers;
pub mod docs;
mod events;
mod examples;
mod generate;
mod healthcheck;
mod image_mount;
mod image_tree;
mod images;
mod kube;
mod lazy;
mod login;
mod manifest;
mod network;
mod output;
mod parse_error;
mod pods;
mod progress;
mod sdnotify;
mod search;
mod secrets;
mod shared;
mod system;
mod trust;
mod volumes;

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, FromArgMatches, Parser, Subcommand};
use lazy::Lazy;

use crate::config::registries::RegistriesConf;
use crate::image::store::Store;
use crate::paths::Paths;
use crate::rootless::{self, Mode};
use crate::storage::driver::Driver;

/// Docker's convention (design.md section 5): 125 means cove itself failed.
pub const EXIT_FAILURE: i32 = 125;

#[derive(Parser, Debug)]
#[command(
    name = "cove",
    version,
    about = "A rootless, daemonless container engine",
    propagate_version = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct GlobalOpts {
    /// Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)
    #[arg(long, global = true, value_name = "DRIVER")]
    pub storage_driver: Option<String>,
    /// Directory for images and other persistent data
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Directory for runtime state (pid files, locks)
    #[arg(long, global = true, value_name = "DIR")]
    pub runroot: Option<PathBuf>,
    /// How much to print on stderr (debug: the helper command lines cove runs)
    #[arg(long, global = true, value_name = "LEVEL", value_enum, default_value_t = crate::log::DEFAULT)]
    pub log_level: crate::log::Level,
    /// Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused
    #[arg(long, global = true, value_name = "MANAGER", value_enum)]
    pub cgroup_manager: Option<CgroupManager>,
    /// Print nothing on stdout
    #[arg(long, global = true)]
    pub noout: bool,
    /// Where events go: file (default), none (journald is refused: cove writes a file)
    #[arg(long, global = true, value_name = "BACKEND", value_enum)]
    pub events_backend: Option<EventsBackend>,
    /// OCI runtime for new containers: a name on PATH or a path (default: containers.conf,
    /// else the built-in cove-runtime)
    #[arg(long, global = true, value_name = "PATH|NAME")]
    pub runtime: Option<String>,
    /// A global flag for the OCI runtime, without its dashes (e.g. log=FILE)
    #[arg(long, global = true, value_name = "FLAG")]
    pub runtime_flag: Vec<String>,
    /// Directory for cove's volatile state (as --runroot, which wins when both are given)
    #[arg(long, global = true, value_name = "DIR")]
    pub tmpdir: Option<PathBuf>,
    /// Directory of OCI hooks (cove runs none: a directory holding hooks is refused)
    #[arg(long, global = true, value_name = "DIR")]
    pub hooks_dir: Vec<PathBuf>,
    /// Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)
    #[arg(long, global = true, value_name = "OPT")]
    pub storage_opt: Vec<String>,
    /// Docker's -D/--debug, before the command: the same as --log-level debug
    #[arg(short = 'D', long)]
    pub debug: bool,
}

/// `--events-backend` values Podman knows.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventsBackend {
    File,
    Journald,
    None,
}

impl EventsBackend {
    fn name(self) -> &'static str {
        match self {
            EventsBackend::File => "file",
            EventsBackend::Journald => "journald",
            EventsBackend::None => "none",
        }
    }
}

/// `--cgroup-manager` values Podman knows.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CgroupManager {
    Cgroupfs,
    Systemd,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a command in a new container
    Run(containers::RunArgs),
    /// Create a container without starting it
    Create(containers::CreateArgs),
    /// Start one or more containers
    Start(Lazy<containers::StartArgs>),
    /// List containers
    Ps(Lazy<containers::PsArgs>),
    /// Run a command in a running container
    Exec(Lazy<containers::ExecArgs>),
    /// Fetch the logs of a container
    Logs(Lazy<containers::LogsArgs>),
    /// Stop one or more running containers
    Stop(Lazy<containers::StopArgs>),
    /// Send a signal to one or more running containers
    Kill(Lazy<containers::KillArgs>),
    /// Remove one or more containers
    Rm(Lazy<containers::RmArgs>),
    /// Block until containers stop, then print their exit codes
    Wait(Lazy<containers::WaitArgs>),
    /// Rename a container
    Rename(Lazy<containers::RenameArgs>),
    /// Restart one or more containers
    Restart(Lazy<containers::RestartArgs>),
    /// Attach to a running container
    Attach(Lazy<containers::AttachArgs>),
    /// Pause all processes of one or more containers
    Pause(Lazy<containers::SelectArgs>),
    /// Unpause one or more containers
    Unpause(Lazy<containers::SelectArgs>),
    /// Display the running processes of a container
    Top(Lazy<containers::TopArgs>),
    /// List the published ports of a container
    Port(Lazy<network::PortArgs>),
    /// Display resource usage of containers
    Stats(Lazy<containers::StatsArgs>),
    /// Copy files between a container and the host
    Cp(Lazy<containers::CpArgs>),
    /// Show the changes to a container's filesystem
    Diff(Lazy<containers::DiffArgs>),
    /// Export a container's filesystem as a tar archive
    Export(Lazy<containers::ExportArgs>),
    /// Create an image from a container's changes
    Commit(Lazy<containers::CommitArgs>),
    /// Create containers in the runtime without starting them
    Init(Lazy<containers::InitArgs>),
    /// Change a container's restart policy (resource limits need a delegated cgroup)
    Update(Lazy<containers::UpdateArgs>),
    /// Mount a container's root filesystem and print its path (none: list the mounted)
    Mount(Lazy<containers::MountArgs>),
    /// Unmount a container's root filesystem
    #[command(alias = "umount")]
    Unmount(Lazy<containers::UnmountArgs>),
    /// Manage containers
    #[command(subcommand)]
    Container(Lazy<ContainerCommand>),
    /// Manage volumes
    #[command(subcommand)]
    Volume(Lazy<volumes::VolumeCommand>),
    /// Manage networks
    #[command(subcommand)]
    Network(Lazy<network::NetworkCommand>),
    /// Manage secrets
    #[command(subcommand)]
    Secret(Lazy<secrets::SecretCommand>),
    /// Manage pods
    #[command(subcommand)]
    Pod(Lazy<pods::PodCommand>),
    /// Pull an image from a registry
    Pull(Lazy<images::PullArgs>),
    /// Push an image to a registry
    Push(Lazy<images::PushArgs>),
    /// Search registries for images
    Search(Lazy<search::SearchArgs>),
    /// Manage manifest lists (multi-platform images)
    #[command(subcommand)]
    Manifest(Lazy<manifest::ManifestCommand>),
    /// List images
    #[command(alias = "list")]
    Images(Lazy<images::ImagesArgs>),
    /// Manage images
    #[command(subcommand)]
    Image(Lazy<ImageCommand>),
    /// Display low-level information on images
    Inspect(Lazy<images::InspectArgs>),
    /// Add names to an image
    Tag(Lazy<images::TagArgs>),
    /// Remove names from an image
    Untag(Lazy<images::UntagArgs>),
    /// Remove one or more images
    Rmi(Lazy<images::RmiArgs>),
    /// Show the history of an image
    History(Lazy<images::HistoryArgs>),
    /// Save images to an archive
    Save(Lazy<archive::SaveArgs>),
    /// Load images from an archive
    Load(Lazy<archive::LoadArgs>),
    /// Create an image from a filesystem tarball
    Import(Lazy<archive::ImportArgs>),
    /// Build an image from a Containerfile or Dockerfile
    Build(Box<build::BuildArgs>),
    /// Log in to a registry
    Login(Lazy<login::LoginArgs>),
    /// Log out of a registry
    Logout(Lazy<login::LogoutArgs>),
    /// Display system-wide information
    Info(Lazy<system::InfoArgs>),
    /// Show version information
    Version(Lazy<system::VersionArgs>),
    /// Run a command in cove's namespace (root: cove's mount namespace)
    Unshare(Lazy<system::UnshareArgs>),
    /// Generate shell completion scripts
    Completion(Lazy<system::CompletionArgs>),
    /// Show events: containers created, started, dying, removed, images pulled, ...
    Events(Lazy<events::EventsArgs>),
    /// Run health checks of containers
    #[command(subcommand)]
    Healthcheck(Lazy<healthcheck::HealthcheckCommand>),
    /// Manage cove: disk usage, pruning, reset
    #[command(subcommand)]
    System(Lazy<SystemCommand>),
    /// Generate files that run containers elsewhere (systemd units)
    #[command(subcommand)]
    Generate(Lazy<generate::GenerateCommand>),
    /// Manage the build cache (Docker's `builder`)
    #[command(subcommand)]
    Builder(Lazy<BuilderCommand>),
    /// Checkpoints of containers (Docker's; needs root and CRIU)
    #[command(subcommand)]
    Checkpoint(Lazy<checkpoint::CheckpointCommand>),
    /// Play Kubernetes YAML as pods of containers, generate it from them
    #[command(subcommand)]
    Kube(Lazy<kube::KubeCommand>),
    /// Update containers labelled io.containers.autoupdate to their image's newest version
    AutoUpdate(Lazy<auto_update::AutoUpdateArgs>),
    /// Podman 3's `play kube`: `kube play`
    #[command(subcommand, hide = true)]
    Play(Lazy<shared::PlayCommand>),
}

/// Docker's `builder` commands.
#[derive(Subcommand, Debug)]
pub enum BuilderCommand {
    /// Build an image (as `cove build`)
    Build(Box<build::BuildArgs>),
    /// Remove the build cache
    Prune(builder::PruneArgs),
}

/// `system` commands: `events` is reached as `system events` too (Docker's spelling).
#[derive(Subcommand, Debug)]
pub enum SystemCommand {
    /// Show events (as `cove events`)
    Events(events::EventsArgs),
    #[command(flatten)]
    Other(system::SystemCommand),
}

#[derive(Subcommand, Debug)]
pub enum ContainerCommand {
    /// List containers
    #[command(visible_alias = "list", alias = "ps")]
    Ls(containers::PsArgs),
    /// Run a command in a new container
    Run(containers::RunArgs),
    /// Create a container without starting it
    Create(containers::CreateArgs),
    /// Start one or more containers
    Start(containers::StartArgs),
    /// Stop one or more running containers
    Stop(containers::StopArgs),
    /// Send a signal to one or more running containers
    Kill(containers::KillArgs),
    /// Remove one or more containers
    Rm(containers::RmArgs),
    /// Fetch the logs of a container
    Logs(containers::LogsArgs),
    /// Run a command in a running container
    Exec(containers::ExecArgs),
    /// Block until containers stop, then print their exit codes
    Wait(containers::WaitArgs),
    /// Display detailed information on containers
    Inspect(containers::ContainerInspectArgs),
    /// Rename a container
    Rename(containers::RenameArgs),
    /// Check whether a container exists (exit 0 if it does, 1 if not)
    Exists(containers::ExistsArgs),
    /// Restart one or more containers
    Restart(containers::RestartArgs),
    /// Attach to a running container
    Attach(containers::AttachArgs),
    /// Pause all processes of one or more containers
    Pause(containers::SelectArgs),
    /// Unpause one or more containers
    Unpause(containers::SelectArgs),
    /// Display the running processes of a container
    Top(containers::TopArgs),
    /// List the published ports of a container
    Port(network::PortArgs),
    /// Display resource usage of containers
    Stats(containers::StatsArgs),
    /// Copy files between a container and the host
    Cp(containers::CpArgs),
    /// Show the changes to a container's filesystem
    Diff(containers::DiffArgs),
    /// Export a container's filesystem as a tar archive
    Export(containers::ExportArgs),
    /// Create an image from a container's changes
    Commit(containers::CommitArgs),
    /// Create containers in the runtime without starting them
    Init(containers::InitArgs),
    /// Change a container's restart policy (resource limits need a delegated cgroup)
    Update(containers::UpdateArgs),
    /// Mount a container's root filesystem and print its path (none: list the mounted)
    Mount(containers::MountArgs),
    /// Unmount a container's root filesystem
    #[command(alias = "umount")]
    Unmount(containers::UnmountArgs),
    /// Remove all stopped containers
    Prune(containers::PruneArgs),
    /// Create a copy of a container from its settings
    Clone(containers::CloneArgs),
    /// Checkpoint running containers (needs root and CRIU)
    Checkpoint(checkpoint::CheckpointArgs),
    /// Restore checkpointed containers (needs root and CRIU)
    Restore(checkpoint::RestoreArgs),
    /// Run the command an image's label describes
    Runlabel(containers::RunlabelArgs),
    /// Release what ended containers hold (cove-conmon runs it when one exits)
    Cleanup(containers::CleanupArgs),
    /// Copy inside a running container's namespaces (started by `cp` itself)
    #[command(hide = true)]
    CopyHelper(containers::CopyHelperArgs),
}

#[derive(Subcommand, Debug)]
pub enum ImageCommand {
    /// List images
    #[command(visible_alias = "list")]
    Ls(images::ImagesArgs),
    /// Pull an image from a registry
    Pull(images::PullArgs),
    /// Push an image to a registry
    Push(images::PushArgs),
    /// Display low-level information on images
    Inspect(images::InspectArgs),
    /// Add names to an image
    Tag(images::TagArgs),
    /// Remove names from an image
    Untag(images::UntagArgs),
    /// Remove one or more images
    Rm(images::RmiArgs),
    /// Remove unused images
    Prune(images::PruneArgs),
    /// Show the history of an image
    History(images::HistoryArgs),
    /// Save images to an archive
    Save(archive::SaveArgs),
    /// Load images from an archive
    Load(archive::LoadArgs),
    /// Create an image from a filesystem tarball
    Import(archive::ImportArgs),
    /// Build an image from a Containerfile or Dockerfile
    Build(Box<build::BuildArgs>),
    /// Mount an image's root filesystem read-only and print its path
    Mount(image_mount::MountArgs),
    /// Unmount an image's root filesystem
    #[command(alias = "umount")]
    Unmount(image_mount::UnmountArgs),
    /// Check whether an image exists in local storage (exit 0 if it does, 1 if not)
    Exists(images::ExistsArgs),
    /// Search registries for images
    Search(search::SearchArgs),
    /// Show an image's layers, or the images built on it
    Tree(image_tree::TreeArgs),
    /// Show what an image's top layer changed
    Diff(image_tree::DiffArgs),
    /// Show or set the trust policy pulls obey (policy.json)
    #[command(subcommand)]
    Trust(trust::TrustCommand),
    /// Sign images (not supported: cove has no signing)
    Sign(trust::SignArgs),
}

impl Command {
    /// Commands that only print or talk to the user's own files run outside the user
    /// namespace: no pause process is created for `cove --help` or `cove login`.
    fn needs_namespace(&self) -> bool {
        !matches!(
            self,
            Command::Login(_)
                | Command::Logout(_)
                | Command::Search(_)
                | Command::Image(Lazy(ImageCommand::Search(_)))
                | Command::Version(_)
                | Command::Completion(_)
                // It must work where the namespace cannot be made: that is what it reports.
                | Command::System(Lazy(SystemCommand::Other(system::SystemCommand::Check(_))))
        )
    }
}

/// Everything one invocation knows: where state lives, how it runs, what is configured.
pub struct Ctx {
    pub paths: Paths,
    pub mode: Mode,
    pub global: GlobalOpts,
    store: std::cell::OnceCell<Arc<Store>>,
}

/// A failed command: what to print and which exit code to use.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub error: anyhow::Error,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure {
            code: EXIT_FAILURE,
            error: e.into(),
        }
    }
}

pub type CmdResult = Result<i32, Failure>;

impl Ctx {
    pub fn rootless(&self) -> bool {
        matches!(self.mode, Mode::Rootless { .. })
    }

    pub fn store(&self) -> anyhow::Result<Arc<Store>> {
        if let Some(s) = self.store.get() {
            return Ok(s.clone());
        }
        let s = Arc::new(Store::open(&self.paths)?);
        Ok(self.store.get_or_init(|| s).clone())
    }

    pub fn registries(&self) -> anyhow::Result<RegistriesConf> {
        Ok(RegistriesConf::for_user(&self.paths)?)
    }

    /// `CONTAINERS_STORAGE_CONF`, or the user's storage.conf.
    pub fn storage_conf_path(&self) -> PathBuf {
        std::env::var_os("CONTAINERS_STORAGE_CONF")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| self.paths.config.join("storage.conf"))
    }

    /// The driver: `--storage-driver`, then storage.conf, then what works here.
    pub fn driver(&self) -> anyhow::Result<Driver> {
        let conf = crate::config::storage::StorageConf::load(&self.storage_conf_path())?;
        let mount_program = storage_opt_mount_program(&self.global.storage_opt)?
            .map(PathBuf::from)
            .or(conf.mount_program.clone());
        let name = self.global.storage_driver.clone().or(conf.driver.clone());
        match name {
            Some(n) => Ok(Driver::from_name(&n, mount_program.as_deref())?),
            None => {
                let scratch = self.paths.tmp();
                crate::paths::ensure_private_dir(&scratch)?;
                Ok(crate::storage::driver::detect_default_cached(
                    &scratch,
                    &self.paths.data.join("driver-probe"),
                ))
            }
        }
    }

    /// Credential files in Podman's order of precedence.
    pub fn auth_files(&self, explicit: Option<&PathBuf>) -> Vec<PathBuf> {
        crate::registry::auth::files(&self.paths, explicit)
    }

    pub fn auth_file_for_writing(&self, explicit: Option<&PathBuf>) -> PathBuf {
        crate::registry::auth::file_for_writing(&self.paths, explicit)
    }

    /// containers.conf: the system file, then the user's (or only $CONTAINERS_CONF);
    /// `--runtime` over them.
    pub fn containers_conf(&self) -> anyhow::Result<crate::config::containers::ContainersConf> {
        let mut conf = crate::config::containers::ContainersConf::for_user(&self.paths.config)?;
        if let Some(r) = &self.global.runtime {
            conf.runtime = Some(r.clone());
        }
        Ok(conf)
    }

    /// This cove binary (absolute) with the global flags of this invocation: how the
    /// shim's exit command and generated units run cove on the same store.
    pub fn cove_command(&self) -> anyhow::Result<Vec<String>> {
        let exe = std::env::current_exe()?;
        let mut command = vec![exe.display().to_string()];
        if let Some(d) = &self.global.storage_driver {
            command.extend(["--storage-driver".into(), d.clone()]);
        }
        if let Some(r) = &self.global.root {
            command.extend(["--root".into(), r.display().to_string()]);
        }
        if let Some(r) = &self.global.runroot {
            command.extend(["--runroot".into(), r.display().to_string()]);
        }
        if let Some(b) = self.global.events_backend {
            command.extend(["--events-backend".into(), b.name().into()]);
        }
        for f in &self.global.runtime_flag {
            command.extend(["--runtime-flag".into(), f.clone()]);
        }
        if let Some(t) = &self.global.tmpdir {
            command.extend(["--tmpdir".into(), t.display().to_string()]);
        }
        for o in &self.global.storage_opt {
            command.extend(["--storage-opt".into(), o.clone()]);
        }
        Ok(command)
    }

    /// The container engine, configured from flags and config files.
    pub fn engine(&self) -> anyhow::Result<crate::container::Engine> {
        let mut exit_command = self.cove_command()?;
        if self.global.log_level != crate::log::DEFAULT {
            exit_command.extend(["--log-level".into(), self.global.log_level.name().into()]);
        }
        Ok(crate::container::Engine {
            paths: self.paths.clone(),
            store: self.store()?,
            driver: self.driver()?,
            rootless: self.rootless(),
            exit_command,
            events: crate::events::EventLog::new(&self.paths.data),
            host_ids: rootless::host_ids(),
            id_space: rootless::current_mappings()
                .map(|(uids, _)| uids.iter().map(|m| m.size).sum())
                .unwrap_or(65537),
            runtime_flags: self.global.runtime_flag.clone(),
            preserve_fds: None,
        })
    }

    /// Registry access with no flags given: TLS as registries.conf says, the usual
    /// credential files.
    pub fn default_connect(&self) -> crate::registry::client::ConnectOptions {
        crate::registry::client::ConnectOptions {
            tls_verify: crate::registry::client::TlsFlag(None),
            creds: None,
            auth_files: self.auth_files(None),
            cert_dir: None,
        }
    }

    /// Pull as `cove pull` does (progress on stderr unless `quiet`); the image ID.
    pub fn pull(
        &self,
        req: &crate::image::pull::PullRequest,
        quiet: bool,
    ) -> anyhow::Result<String> {
        let store = self.store()?;
        let conf = self.registries()?;
        let report = progress::PullReport { quiet };
        Ok(self
            .runtime()?
            .block_on(crate::image::pull::pull(&store, &conf, req, &report))?)
    }

    /// A runtime for the commands that talk to registries; built after the namespace is
    /// joined, because joining requires a single-threaded process.
    pub fn runtime(&self) -> anyhow::Result<tokio::runtime::Runtime> {
        Ok(tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?)
    }
}

/// Parse, enter the namespace, run; returns the process exit code.
pub fn main() -> i32 {
    // Before anything can be spawned: only cove itself answers systemd.
    crate::systemd::notify::take_from_env();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut cmd = examples::command();
    // Parsing builds the definitions on the command's path, which is what placing the
    // `--` after a run's image reads; building the whole tree would cost ~4 ms a command.
    let first = cmd.try_get_matches_from_mut(argv.iter().cloned());
    let ended = argv::end_flags_at_image(&cmd, argv.clone());
    let parsed = if ended == argv {
        first
    } else {
        cmd.try_get_matches_from_mut(ended)
    };
    let cli = match parsed.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(c) => {
            argv::keep_parsed(cmd);
            c
        }
        Err(e) => {
            let code = match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => EXIT_FAILURE,
            };
            match parse_error::podman_words(&e) {
                Some(lines) => eprintln!("{lines}"),
                None => {
                    let _ = e.print();
                }
            }
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("Error: {}", one_line(&f.error));
            f.code
        }
    }
}

/// `a: b: c` on one line, as the user sees it.
pub(crate) fn one_line(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let s = cause.to_string();
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ").replace('\n', " ")
}

/// Run `f` for every name, each failure reported on its own line; the exit code is the
/// worst failure's (0 when all succeeded), as Podman does for commands taking many names.
pub(crate) fn each_name(names: &[String], mut f: impl FnMut(&str) -> Result<(), Failure>) -> i32 {
    let mut code = 0;
    for n in names {
        if let Err(fail) = f(n) {
            eprintln!("Error: {}", one_line(&fail.error));
            code = code.max(fail.code);
        }
    }
    code
}

fn run(mut cli: Cli) -> CmdResult {
    if cli.global.debug {
        cli.global.log_level = crate::log::Level::Debug;
    }
    crate::log::set(cli.global.log_level);
    crate::log::info(format_args!(
        "cove filtering at log level {}",
        cli.global.log_level.name()
    ));
    if cli.global.cgroup_manager == Some(CgroupManager::Systemd) {
        // Podman would ask systemd for a scope per container; cove has no systemd
        // integration, and silently using cgroupfs would surprise whoever asked.
        return Err(anyhow::anyhow!(
            "--cgroup-manager systemd is not supported: cove manages cgroups itself (cgroupfs)"
        )
        .into());
    }
    check_globals(&cli.global)?;
    if cli.global.events_backend == Some(EventsBackend::None) {
        crate::events::EventLog::turn_off();
    }
    if cli.global.noout {
        // Podman's --noout: stdout goes nowhere; errors still reach stderr.
        let null = std::fs::OpenOptions::new().write(true).open("/dev/null")?;
        nix::unistd::dup2_stdout(&null)?;
    }
    // Inside the namespace we are uid 0; paths belong to the user on the host.
    let (uid, _) = rootless::host_ids();
    let mut paths = Paths::from_env(uid);
    // Podman's --tmpdir holds libpod's volatile state; cove keeps that in its runtime
    // directory, which --runroot names more precisely.
    if let Some(t) = cli
        .global
        .tmpdir
        .as_ref()
        .filter(|_| cli.global.runroot.is_none())
    {
        paths.runtime = std::path::absolute(t)?;
    }
    if let Some(r) = &cli.global.root {
        paths.data = r.clone();
    }
    if let Some(r) = &cli.global.runroot {
        paths.runtime = r.clone();
    }
    let mode = if cli.command.needs_namespace() {
        rootless::enter(&paths).map_err(|e| Failure {
            code: e.exit_code(),
            error: e.into(),
        })?
    } else if uid == 0 {
        Mode::Rootful
    } else {
        Mode::Rootless {
            uid,
            gid: rootless::host_ids().1,
            uid_map: Vec::new(),
            gid_map: Vec::new(),
        }
    };
    let ctx = Ctx {
        paths,
        mode,
        global: cli.global,
        store: std::cell::OnceCell::new(),
    };
    dispatch(&ctx, cli.command)
}

/// The global flags that cannot work, one line each.
fn check_globals(g: &GlobalOpts) -> anyhow::Result<()> {
    if g.events_backend == Some(EventsBackend::Journald) {
        anyhow::bail!(
            "--events-backend journald: cove writes its events to a file: use file or none"
        );
    }
    for dir in &g.hooks_dir {
        let hooks = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .any(|e| e.path().extension().is_some_and(|x| x == "json"))
            })
            .unwrap_or(false);
        if hooks {
            anyhow::bail!("--hooks-dir {}: cove does not run OCI hooks", dir.display());
        }
    }
    storage_opt_mount_program(&g.storage_opt)?;
    Ok(())
}

/// `--storage-opt`: the one storage.conf option cove's drivers take.
fn storage_opt_mount_program(opts: &[String]) -> anyhow::Result<Option<String>> {
    let mut program = None;
    for o in opts {
        match o.split_once('=') {
            Some(("overlay.mount_program" | "mount_program", p)) => program = Some(p.to_string()),
            _ => anyhow::bail!(
                "--storage-opt {o}: not supported (cove takes overlay.mount_program=PATH)"
            ),
        }
    }
    Ok(program)
}

fn dispatch(ctx: &Ctx, cmd: Command) -> CmdResult {
    use ContainerCommand as C;
    match cmd {
        Command::Run(a) | Command::Container(Lazy(C::Run(a))) => containers::run(ctx, a),
        Command::Create(a) | Command::Container(Lazy(C::Create(a))) => containers::create(ctx, a),
        Command::Start(Lazy(a)) | Command::Container(Lazy(C::Start(a)))
            if a.checkpoint.is_some() =>
        {
            checkpoint::start_from(ctx)
        }
        Command::Start(Lazy(a)) | Command::Container(Lazy(C::Start(a))) => {
            containers::start(ctx, a)
        }
        Command::Ps(Lazy(a)) | Command::Container(Lazy(C::Ls(a))) => containers::ps(ctx, a),
        Command::Logs(Lazy(a)) | Command::Container(Lazy(C::Logs(a))) => containers::logs(ctx, a),
        Command::Exec(Lazy(a)) | Command::Container(Lazy(C::Exec(a))) => containers::exec(ctx, a),
        Command::Stop(Lazy(a)) | Command::Container(Lazy(C::Stop(a))) => containers::stop(ctx, a),
        Command::Kill(Lazy(a)) | Command::Container(Lazy(C::Kill(a))) => containers::kill(ctx, a),
        Command::Rm(Lazy(a)) | Command::Container(Lazy(C::Rm(a))) => containers::rm(ctx, a),
        Command::Wait(Lazy(a)) | Command::Container(Lazy(C::Wait(a))) => containers::wait(ctx, a),
        Command::Rename(Lazy(a)) | Command::Container(Lazy(C::Rename(a))) => {
            containers::rename(ctx, a)
        }
        Command::Container(Lazy(C::Inspect(a))) => containers::inspect(ctx, a),
        Command::Restart(Lazy(a)) | Command::Container(Lazy(C::Restart(a))) => {
            containers::restart(ctx, a)
        }
        Command::Attach(Lazy(a)) | Command::Container(Lazy(C::Attach(a))) => {
            containers::attach(ctx, a)
        }
        Command::Pause(Lazy(a)) | Command::Container(Lazy(C::Pause(a))) => {
            containers::pause(ctx, a)
        }
        Command::Unpause(Lazy(a)) | Command::Container(Lazy(C::Unpause(a))) => {
            containers::unpause(ctx, a)
        }
        Command::Top(Lazy(a)) | Command::Container(Lazy(C::Top(a))) => containers::top(ctx, a),
        Command::Port(Lazy(a)) | Command::Container(Lazy(C::Port(a))) => network::port(ctx, a),
        Command::Stats(Lazy(a)) | Command::Container(Lazy(C::Stats(a))) => {
            containers::stats(ctx, a)
        }
        Command::Diff(Lazy(a)) | Command::Container(Lazy(C::Diff(a))) => containers::diff(ctx, a),
        Command::Cp(Lazy(a)) | Command::Container(Lazy(C::Cp(a))) => containers::cp(ctx, a),
        Command::Export(Lazy(a)) | Command::Container(Lazy(C::Export(a))) => {
            containers::export(ctx, a)
        }
        Command::Commit(Lazy(a)) | Command::Container(Lazy(C::Commit(a))) => {
            containers::commit(ctx, a)
        }
        Command::Init(Lazy(a)) | Command::Container(Lazy(C::Init(a))) => containers::init(ctx, a),
        Command::Update(Lazy(a)) | Command::Container(Lazy(C::Update(a))) => {
            containers::update(ctx, a)
        }
        Command::Mount(Lazy(a)) | Command::Container(Lazy(C::Mount(a))) => {
            containers::mount(ctx, a)
        }
        Command::Unmount(Lazy(a)) | Command::Container(Lazy(C::Unmount(a))) => {
            containers::unmount(ctx, a)
        }
        Command::Container(Lazy(C::Exists(a))) => containers::exists(ctx, a),
        Command::Container(Lazy(C::Prune(a))) => containers::prune(ctx, a),
        Command::Container(Lazy(C::Clone(a))) => containers::clone(ctx, a),
        Command::Container(Lazy(C::Checkpoint(a))) => checkpoint::checkpoint(ctx, a),
        Command::Container(Lazy(C::Restore(a))) => checkpoint::restore(ctx, a),
        Command::Checkpoint(Lazy(c)) => checkpoint::docker(ctx, c),
        Command::Builder(Lazy(BuilderCommand::Build(a))) => build::build(ctx, *a),
        Command::Builder(Lazy(BuilderCommand::Prune(a))) => builder::prune(ctx, a),
        Command::System(Lazy(SystemCommand::Events(a))) => events::events(ctx, a),
        Command::Container(Lazy(C::Cleanup(a))) => containers::cleanup(ctx, a),
        Command::Container(Lazy(C::Runlabel(a))) => containers::runlabel(ctx, a),
        Command::Container(Lazy(C::CopyHelper(a))) => containers::copy_helper(a),
        Command::Network(Lazy(n)) => network::run(ctx, n),
        Command::Secret(Lazy(s)) => secrets::run(ctx, s),
        Command::Pod(Lazy(p)) => pods::run(ctx, p),
        Command::Volume(Lazy(v)) => {
            use volumes::VolumeCommand as V;
            match v {
                V::Create(a) => volumes::create(ctx, a),
                V::Ls(a) => volumes::ls(ctx, a),
                V::Inspect(a) => volumes::inspect(ctx, a),
                V::Rm(a) => volumes::rm(ctx, a),
                V::Prune(a) => volumes::prune(ctx, a),
                V::Exists(a) => volumes::exists(ctx, a),
                V::Export(a) => volumes::export(ctx, a),
                V::Mount(a) => volumes::mount(ctx, a, true),
                V::Unmount(a) => volumes::mount(ctx, a, false),
                V::Reload => Ok(0),
                V::Import(a) => volumes::import(ctx, a),
            }
        }
        Command::Pull(Lazy(a)) | Command::Image(Lazy(ImageCommand::Pull(a))) => {
            images::pull(ctx, a)
        }
        Command::Push(Lazy(a)) | Command::Image(Lazy(ImageCommand::Push(a))) => {
            images::push(ctx, a)
        }
        Command::Images(Lazy(a)) | Command::Image(Lazy(ImageCommand::Ls(a))) => {
            images::list(ctx, a)
        }
        Command::Inspect(Lazy(a)) | Command::Image(Lazy(ImageCommand::Inspect(a))) => {
            images::inspect(ctx, a)
        }
        Command::Tag(Lazy(a)) | Command::Image(Lazy(ImageCommand::Tag(a))) => images::tag(ctx, a),
        Command::Untag(Lazy(a)) | Command::Image(Lazy(ImageCommand::Untag(a))) => {
            images::untag(ctx, a)
        }
        Command::Rmi(Lazy(a)) | Command::Image(Lazy(ImageCommand::Rm(a))) => images::rmi(ctx, a),
        Command::History(Lazy(a)) | Command::Image(Lazy(ImageCommand::History(a))) => {
            images::history(ctx, a)
        }
        Command::Image(Lazy(ImageCommand::Prune(a))) => images::prune(ctx, a),
        Command::Image(Lazy(ImageCommand::Mount(a))) => image_mount::mount(ctx, a),
        Command::Image(Lazy(ImageCommand::Unmount(a))) => image_mount::unmount(ctx, a),
        Command::Image(Lazy(ImageCommand::Exists(a))) => images::exists(ctx, a),
        Command::Search(Lazy(a)) | Command::Image(Lazy(ImageCommand::Search(a))) => {
            search::search(ctx, a)
        }
        Command::Manifest(Lazy(m)) => manifest::run(ctx, m),
        Command::Image(Lazy(ImageCommand::Tree(a))) => image_tree::tree_cmd(ctx, a),
        Command::Image(Lazy(ImageCommand::Diff(a))) => image_tree::diff_cmd(ctx, a),
        Command::Image(Lazy(ImageCommand::Trust(c))) => trust::run(ctx, c),
        Command::Image(Lazy(ImageCommand::Sign(a))) => trust::sign(ctx, a),
        Command::Save(Lazy(a)) | Command::Image(Lazy(ImageCommand::Save(a))) => {
            archive::save(ctx, a)
        }
        Command::Load(Lazy(a)) | Command::Image(Lazy(ImageCommand::Load(a))) => {
            archive::load(ctx, a)
        }
        Command::Import(Lazy(a)) | Command::Image(Lazy(ImageCommand::Import(a))) => {
            archive::import(ctx, a)
        }
        Command::Build(a) | Command::Image(Lazy(ImageCommand::Build(a))) => build::build(ctx, *a),
        Command::Login(Lazy(a)) => login::login(ctx, a),
        Command::Logout(Lazy(a)) => login::logout(ctx, a),
        Command::Info(Lazy(a)) => system::info(ctx, a),
        Command::Version(Lazy(a)) => system::version(ctx, a),
        Command::Unshare(Lazy(a)) => system::unshare(ctx, a),
        Command::Completion(Lazy(a)) => system::completion(a),
        Command::Events(Lazy(a)) => events::events(ctx, a),
        Command::Healthcheck(Lazy(c)) => healthcheck::run(ctx, c),
        Command::System(Lazy(SystemCommand::Other(s))) => system::system(ctx, s),
        Command::Generate(Lazy(generate::GenerateCommand::Systemd(a))) => {
            generate::systemd(ctx, *a)
        }
        Command::Generate(Lazy(generate::GenerateCommand::Kube(a))) => {
            kube::run(ctx, kube::KubeCommand::Generate(a))
        }
        Command::Kube(Lazy(k)) => kube::run(ctx, k),
        Command::AutoUpdate(Lazy(a)) => auto_update::auto_update(ctx, a),
        Command::Play(Lazy(shared::PlayCommand::Kube(a))) => {
            kube::run(ctx, kube::KubeCommand::Play(a))
        }
    }
}
