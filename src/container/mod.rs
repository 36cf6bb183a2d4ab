//! Containers: the engine side of create, start, stop, kill, rm, wait and cleanup.
//!
//! The database row is the source of truth; the runtime dir holds what only lives as long
//! as the processes (shim pid, exit file, attach socket, the OCI runtime's state). Every
//! read refreshes the row from those files, so a killed CLI, a killed shim or a reboot
//! (which wipes the runtime dir) all end in a state the next command understands.

pub mod attach;
pub mod changes;
pub mod commit;
pub mod copy;
pub mod create;
mod creation;
pub mod exec;
pub mod flags;
pub mod health;
pub mod inspect;
pub mod logs;
pub mod names;
pub mod network;
pub mod procs;
pub mod record;
pub mod report;
pub mod restart;
pub mod runtime;
pub mod seccomp;
pub mod shim;
pub mod signal;
pub mod spec;
pub mod update;
pub mod user;
pub mod wait;

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use nix::fcntl::Flock;

pub use record::{
    Container, ContainerConfig, ContainerState, MountKind, MountSpec, Status, Ulimit, Userns,
};

use crate::image::store::{remove_path, Store, StoreError};
use crate::paths::{ensure_private_dir, Paths};
use crate::storage::db::{ContainerRow, DbError};
use crate::storage::driver::{Driver, DriverError, UpperDirs};
use runtime::{OciRuntime, RuntimeError};

#[derive(Debug, thiserror::Error)]
pub enum ContainerError {
    #[error("no container with name or ID \"{0}\" found")]
    NotFound(String),
    #[error("{input}: ambiguous container ID prefix matches {count} containers")]
    Ambiguous { input: String, count: usize },
    #[error("cannot remove container {0} as it is running - stop the container before removing or force remove")]
    Running(String),
    #[error("cannot remove container {0} as it is restarting - stop the container before removing or force remove")]
    Restarting(String),
    #[error("container {0} is not running")]
    NotRunning(String),
    #[error("container {0} is not paused")]
    NotPaused(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Driver(#[from] DriverError),
    #[error(transparent)]
    Spec(#[from] spec::SpecError),
    #[error(transparent)]
    Shim(#[from] shim::ShimError),
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    #[error(transparent)]
    User(#[from] user::UserError),
    #[error(transparent)]
    Network(#[from] crate::network::NetworkError),
    #[error(transparent)]
    Name(#[from] names::NameError),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
    #[error("--init needs cove-init, which is not installed beside cove, in libexec or on PATH")]
    InitMissing,
    #[error(transparent)]
    Health(#[from] health::HealthError),
    #[error(transparent)]
    Create(#[from] CreateError),
    #[error(transparent)]
    Volume(#[from] crate::volume::VolumeError),
    #[error("corrupt record for container {0}: {1}")]
    Corrupt(String, serde_json::Error),
}

pub type Result<T> = std::result::Result<T, ContainerError>;

fn io_err(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> ContainerError {
    let context = context.into();
    move |source| ContainerError::Io { context, source }
}

/// What the shim writes when the container's process ends.
#[derive(Debug, serde::Deserialize)]
struct ExitFile {
    exit_code: i32,
    #[serde(default)]
    finished_at: String,
    #[serde(default)]
    oom_killed: bool,
}

/// The exit code recorded when a container's process vanished without its shim seeing it
/// (shim killed, or a reboot): Docker reports 255 in the same situation.
pub const EXIT_UNKNOWN: i32 = 255;

pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

/// Start time of a process (field 22 of /proc/PID/stat), None when it does not exist.
pub fn process_start_time(pid: i32) -> Option<u64> {
    if pid <= 0 {
        return None;
    }
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may contain spaces and parentheses: split after its end.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // rest starts at field 3 (state); field 22 is index 19; a zombie has already exited.
    if fields.first() == Some(&"Z") {
        return None;
    }
    fields.get(19)?.parse().ok()
}

/// Whether `pid` is a live cove-conmon (and not a recycled pid).
pub fn shim_alive(pid: i32) -> bool {
    pid > 0
        && process_start_time(pid).is_some()
        && fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "cove-conmon")
}

/// The time between two RFC 3339 times (zero when either is missing or they are reversed).
pub fn run_time(started: &str, finished: &str) -> Duration {
    let parse = crate::time::parse_rfc3339;
    match (parse(started), parse(finished)) {
        (Some(s), Some(f)) => (f - s).to_std().unwrap_or_default(),
        _ => Duration::ZERO,
    }
}

/// A lookup where "not found" is an answer, not an error.
fn present(r: Result<Container>) -> Result<Option<Container>> {
    match r {
        Ok(c) => Ok(Some(c)),
        Err(ContainerError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether `cove kill -s SIGNAL` means "end it" (so no restart policy may bring it back),
/// rather than a message such as SIGHUP for reloading configuration.
fn ends_process(signal: &str, stop_signal: Option<signal::Signal>) -> bool {
    match signal.parse::<signal::Signal>() {
        Ok(sig) => sig.ends_process() || Some(sig) == stop_signal,
        // The runtime refuses it, and nothing ends.
        Err(_) => false,
    }
}

/// Whether this process holds CAP_SYS_RESOURCE (may raise hard resource limits).
fn may_raise_limits() -> bool {
    const CAP_SYS_RESOURCE: u32 = 24;
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
        .is_some_and(|caps| caps & (1 << CAP_SYS_RESOURCE) != 0)
}

pub use create::{CreateError, CreateRequest, Defaults};

/// Everything one command needs to act on containers.
pub struct Engine {
    pub paths: Paths,
    pub store: Arc<Store>,
    pub driver: Driver,
    pub rootless: bool,
    /// `cove [global flags]`: the start of the command the shim runs on exit.
    pub exit_command: Vec<String>,
    /// The user's uid and gid on the host (for `--userns=keep-id`).
    pub host_ids: (u32, u32),
    /// How many ids the current user namespace maps (1 + the subordinate range).
    pub id_space: u32,
    pub events: crate::events::EventLog,
}

/// An exclusive lock on one container, held while its state changes.
pub struct ContainerLock(#[allow(dead_code)] Flock<File>);

impl Engine {
    pub fn container_dir(&self, id: &str) -> PathBuf {
        self.paths.data.join("containers").join(id)
    }

    pub fn state_dir(&self, id: &str) -> PathBuf {
        self.paths.runtime.join("containers").join(id)
    }

    pub fn rootfs(&self, id: &str) -> PathBuf {
        self.container_dir(id).join("merged")
    }

    /// Where attach clients wait for the container to start (`attach::Waiter`).
    pub fn attach_waiters(&self, id: &str) -> PathBuf {
        self.container_dir(id).join("attach-waiters")
    }

    pub fn log_path(&self, id: &str) -> PathBuf {
        self.container_dir(id).join("userdata/ctr.log")
    }

    pub fn lock(&self, id: &str) -> Result<ContainerLock> {
        let dir = self.paths.runtime.join("locks");
        ensure_private_dir(&dir).map_err(io_err(format!("creating {}", dir.display())))?;
        let path = dir.join(id);
        crate::paths::lock_file(&path)
            .map(ContainerLock)
            .map_err(io_err(format!("locking {}", path.display())))
    }

    fn from_row(row: ContainerRow) -> Result<Container> {
        let config = serde_json::from_str(&row.config)
            .map_err(|e| ContainerError::Corrupt(row.id.clone(), e))?;
        let state = serde_json::from_str(&row.state)
            .map_err(|e| ContainerError::Corrupt(row.id.clone(), e))?;
        Ok(Container {
            id: row.id,
            name: row.name,
            image_id: row.image_id,
            created_at: row.created_at,
            config,
            state,
        })
    }

    /// A container event with Docker's attributes: image, name and the labels.
    pub fn event(&self, c: &Container, status: &str) -> crate::events::Event {
        let mut e = crate::events::Event::new("container", status, &c.id, &c.name);
        e.image = c.config.image_name.clone();
        e.attributes = c.config.labels.clone();
        e
    }

    fn emit(&self, c: &Container, status: &str) {
        self.events.emit(&self.event(c, status));
    }

    pub fn save_config(&self, c: &Container) -> Result<()> {
        let json = serde_json::to_string(&c.config)
            .map_err(|e| ContainerError::Corrupt(c.id.clone(), e))?;
        self.store.db().set_container_config(&c.id, &json)?;
        Ok(())
    }

    fn save_state(&self, c: &Container) -> Result<()> {
        let json = serde_json::to_string(&c.state)
            .map_err(|e| ContainerError::Corrupt(c.id.clone(), e))?;
        self.store.db().set_container_state(&c.id, &json)?;
        Ok(())
    }

    /// Find a container by full ID, name, or unique ID prefix; its state refreshed.
    pub fn lookup(&self, input: &str) -> Result<Container> {
        let row = {
            let db = self.store.db();
            if let Some(r) = db.container(input)? {
                r
            } else if let Some(r) = db.container_by_name(input)? {
                r
            } else {
                let mut rows = if input.is_empty() {
                    Vec::new()
                } else {
                    db.containers_with_id_prefix(input)?
                };
                match rows.len() {
                    0 => return Err(ContainerError::NotFound(input.to_string())),
                    1 => rows.remove(0),
                    count => {
                        return Err(ContainerError::Ambiguous {
                            input: input.to_string(),
                            count,
                        })
                    }
                }
            }
        };
        let mut c = Self::from_row(row)?;
        self.refresh(&mut c)?;
        Ok(c)
    }

    /// Every container, newest first, states refreshed.
    pub fn list(&self) -> Result<Vec<Container>> {
        let rows = self.store.db().containers()?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut c = Self::from_row(row)?;
            self.refresh(&mut c)?;
            out.push(c);
        }
        Ok(out)
    }

    fn read_exit_file(&self, id: &str) -> Option<ExitFile> {
        let text = fs::read_to_string(self.state_dir(id).join("exit")).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Bring the recorded state in line with reality: the shim's exit file, a process
    /// that is simply gone, or a scheduled restart whose waiting process is gone.
    ///
    /// Any command may notice first, without the container's lock, and `c` may be a
    /// stale copy: the change is written with a compare-and-swap against the stored
    /// state, so a copy from an earlier run never overwrites a newer one, and exactly
    /// one command reports each `die`.
    pub fn refresh(&self, c: &mut Container) -> Result<()> {
        // Nearly always nothing changed: decided from `c` without reading the store.
        if self.observed(&c.id, &c.state).is_none() {
            return Ok(());
        }
        let id = c.id.clone();
        let mut died = false;
        let written = self.update_state(c, |s| match self.observed(&id, s) {
            Some(next) => {
                died = s.status.is_active();
                *s = next;
                true
            }
            None => false,
        });
        match written {
            Ok(true) if died => {
                let mut e = self.event(c, "die");
                e.container_exit_code = Some(c.state.exit_code);
                self.events.emit(&e);
                Ok(())
            }
            Ok(_) => Ok(()),
            // Removed meanwhile: the caller sees the copy it has, as before.
            Err(ContainerError::NotFound(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// The state `s` becomes given what is observed on the machine, if it changed.
    fn observed(&self, id: &str, s: &ContainerState) -> Option<ContainerState> {
        if s.status == Status::Restarting {
            if process_start_time(s.restarter_pid) == Some(s.restarter_start_time) {
                return None;
            }
            return Some(ContainerState {
                status: Status::Exited,
                restarter_pid: 0,
                restarter_start_time: 0,
                ..s.clone()
            });
        }
        if !s.status.is_active() {
            return None;
        }
        let (code, finished, oom) = if let Some(exit) = self.read_exit_file(id) {
            (exit.exit_code, exit.finished_at, exit.oom_killed)
        } else if process_start_time(s.pid) != Some(s.pid_start_time) && !shim_alive(s.conmon_pid) {
            // Process and shim both gone without an exit file: the shim was killed, or
            // the machine rebooted. (While the shim lives it is still draining output
            // and will write the exit file.)
            (EXIT_UNKNOWN, String::new(), false)
        } else {
            return None;
        };
        Some(ContainerState {
            status: Status::Exited,
            exit_code: code,
            finished_at: if finished.is_empty() {
                now_rfc3339()
            } else {
                finished
            },
            oom_killed: oom,
            pid: 0,
            pid_start_time: 0,
            ..s.clone()
        })
    }

    /// Read-modify-write of the stored state that loses no concurrent change: `edit`
    /// sees the stored state and returns whether it changed it; if another command wrote
    /// in between, it runs again on the newer state. `c.state` ends as stored; true when
    /// this call wrote.
    fn update_state(
        &self,
        c: &mut Container,
        mut edit: impl FnMut(&mut ContainerState) -> bool,
    ) -> Result<bool> {
        loop {
            let stored = self
                .store
                .db()
                .container(&c.id)?
                .ok_or_else(|| ContainerError::NotFound(c.name.clone()))?
                .state;
            let mut state: ContainerState = serde_json::from_str(&stored)
                .map_err(|e| ContainerError::Corrupt(c.id.clone(), e))?;
            if !edit(&mut state) {
                c.state = state;
                return Ok(false);
            }
            let json = serde_json::to_string(&state)
                .map_err(|e| ContainerError::Corrupt(c.id.clone(), e))?;
            if self
                .store
                .db()
                .swap_container_state(&c.id, &stored, &json)?
            {
                c.state = state;
                return Ok(true);
            }
        }
    }

    fn runtime_of(&self, c: &Container) -> Result<OciRuntime> {
        let name = (!c.config.runtime.is_empty()).then_some(c.config.runtime.as_str());
        Ok(OciRuntime::resolve(name, &self.paths.runtime)?)
    }

    fn mount_rootfs(&self, c: &Container) -> Result<PathBuf> {
        let dir = self.container_dir(&c.id);
        let merged = dir.join("merged");
        for d in ["", "merged", "userdata"] {
            let p = dir.join(d);
            ensure_private_dir(&p).map_err(io_err(format!("creating {}", p.display())))?;
        }
        if crate::storage::driver::is_mounted(&merged) {
            return Ok(merged);
        }
        let img = self.store.find(&c.image_id)?;
        let layers = img
            .layers
            .iter()
            .map(|l| self.store.layer_dir(&l.diff_id))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let upper = UpperDirs {
            upper: dir.join("upper"),
            work: dir.join("work"),
        };
        if self.driver.uses_upper() {
            for p in [&upper.upper, &upper.work] {
                ensure_private_dir(p).map_err(io_err(format!("creating {}", p.display())))?;
            }
            // The upper dir's own mode becomes the mode of the container's `/`: it must
            // be the image's (normally 0755), or users other than root cannot traverse it.
            // The container dir above it stays private.
            let mode = layers
                .last()
                .and_then(|top| fs::metadata(top).ok())
                .map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o7777)
                .unwrap_or(0o755);
            fs::set_permissions(
                &upper.upper,
                std::os::unix::fs::PermissionsExt::from_mode(mode),
            )
            .map_err(io_err(format!("chmod {}", upper.upper.display())))?;
        }
        self.driver.mount(&layers, Some(&upper), &merged)?;
        Ok(merged)
    }

    /// Start a created or exited container: mount its filesystem, write the runtime spec,
    /// start the shim (which creates the container), then let it run. With `attach`, the
    /// attach socket is connected before the process runs, so no output is missed.
    pub fn start(&self, c: &mut Container, attach: bool) -> Result<Option<OwnedFd>> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status.is_active() {
            return Ok(None);
        }
        // Started by the user: the restart policy counts from zero again (Docker's rule).
        c.state.restart_count = 0;
        self.start_held(c, attach)
    }

    /// `start` with the container's lock held by the caller.
    fn start_held(&self, c: &mut Container, attach: bool) -> Result<Option<OwnedFd>> {
        match self.start_locked(c, attach) {
            Ok(fd) => Ok(fd),
            Err(e) => {
                c.state.error = e.to_string();
                c.state.status = if c.state.started_at.is_empty() {
                    Status::Created
                } else {
                    Status::Exited
                };
                let _ = self.release(c);
                let _ = self.save_state(c);
                Err(e)
            }
        }
    }

    fn start_locked(&self, c: &mut Container, attach: bool) -> Result<Option<OwnedFd>> {
        let runtime = self.runtime_of(c)?;
        let rootfs = self.mount_rootfs(c)?;
        c.state.mounted = true;
        self.save_state(c)?;
        let state_dir = self.state_dir(&c.id);
        let _ = remove_path(&state_dir);
        ensure_private_dir(&state_dir)
            .map_err(io_err(format!("creating {}", state_dir.display())))?;
        let net = self.prepare_network(c, &state_dir)?;
        let pid = match self.spawn_shim(c, &runtime, &rootfs, &net, &state_dir) {
            Ok(pid) => pid,
            Err(e) => {
                self.abort_network(&c.id, net);
                return Err(e);
            }
        };
        let network::Prepared {
            listeners,
            uplink,
            state: net_state,
            ..
        } = net;
        // The shim has its own copies now.
        drop(listeners);
        let conmon_pid = fs::read_to_string(state_dir.join("conmon.pid"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        c.state = ContainerState {
            status: Status::Running,
            pid,
            pid_start_time: process_start_time(pid).unwrap_or(0),
            conmon_pid,
            started_at: now_rfc3339(),
            mounted: true,
            restart_count: c.state.restart_count,
            network: net_state,
            health: c
                .config
                .health
                .as_ref()
                .filter(|h| h.command().is_some())
                .map(|_| health::HealthState::starting()),
            ..ContainerState::default()
        };
        self.save_state(c)?;
        let sock = if attach {
            Some(
                attach::connect(&state_dir.join("attach"))
                    .map_err(io_err("connecting to the container's attach socket"))?,
            )
        } else {
            None
        };
        // API clients that attached before the start connect now, before any output.
        attach::let_waiters_connect(&self.attach_waiters(&c.id), Duration::from_secs(5));
        // The helper configured the namespace while the runtime created the container.
        let ready = match uplink {
            Some(mut u) => {
                drop(u.hold.take());
                u.wait_ready().map_err(ContainerError::from)
            }
            None => Ok(()),
        };
        if let Err(e) = ready.and_then(|_| runtime.start(&c.id).map_err(Into::into)) {
            let _ = runtime.kill(&c.id, "KILL");
            self.wait_for_exit(c, Some(Duration::from_secs(5)));
            return Err(e);
        }
        self.emit(c, "start");
        Ok(sock)
    }

    /// Write the spec and start the shim, which creates the container (not yet running).
    /// Returns the container's pid.
    fn spawn_shim(
        &self,
        c: &Container,
        runtime: &OciRuntime,
        rootfs: &Path,
        net: &network::Prepared,
        state_dir: &Path,
    ) -> Result<i32> {
        let user = if c.config.userns == Userns::KeepId && c.config.user.is_empty() {
            spec::ResolvedUser {
                uid: self.host_ids.0,
                gid: self.host_ids.1,
                additional_gids: Vec::new(),
            }
        } else {
            user::resolve(rootfs, &c.config.user)?
        };
        let config = self.resolve_volumes(c, rootfs, &user)?;
        let seccomp = match &c.config.seccomp_profile {
            Some(path) => {
                Some(seccomp::Profile::load(Path::new(path)).map_err(spec::SpecError::from)?)
            }
            None => None,
        };
        let init = if c.config.init {
            Some(crate::paths::find_helper("cove-init").ok_or(ContainerError::InitMissing)?)
        } else {
            None
        };
        let keep_id = (c.config.userns == Userns::KeepId).then_some(spec::KeepId {
            uid: self.host_ids.0,
            gid: self.host_ids.1,
            size: self.id_space,
        });
        let spec = spec::build(&spec::SpecInput {
            config: &config,
            rootfs,
            network: net.namespace.clone(),
            user,
            etc: Some(&net.etc),
            rootless: self.rootless,
            keep_id,
            seccomp: seccomp.as_ref(),
            host: &seccomp::Host::current(),
            init: init.as_deref(),
            default_nofile: spec::default_nofile(self.rootless, may_raise_limits()),
        })?;
        let bundle = self.container_dir(&c.id).join("userdata");
        spec.save(bundle.join("config.json"))
            .map_err(|e| ContainerError::Spec(spec::SpecError::Oci(e)))?;
        // A runtime record left by a crash would make `create` fail with "exists".
        let _ = runtime.delete(&c.id, true);

        let mut exit_command = self.exit_command.clone();
        exit_command.extend(["container".into(), "cleanup".into(), c.id.clone()]);
        let healthcheck = c
            .config
            .health
            .as_ref()
            .filter(|h| h.command().is_some())
            .map(|h| {
                let mut cmd = self.exit_command.clone();
                cmd.extend(["healthcheck".into(), "run".into(), c.id.clone()]);
                (h.interval(), cmd)
            });
        let log_path = self.log_path(&c.id);
        let netns = match &net.namespace {
            spec::NetNamespace::Join(p) if !net.listeners.is_empty() => Some(p.as_path()),
            _ => None,
        };
        Ok(shim::spawn(&shim::ShimRequest {
            id: &c.id,
            name: &c.name,
            bundle: &bundle,
            runtime,
            state_dir,
            log_path: &log_path,
            log_size_max: c.config.log_size_max,
            terminal: c.config.tty,
            stdin: c.config.interactive,
            exit_command,
            healthcheck,
            netns,
            publish: &net.listeners,
            hold: net.uplink.as_ref().and_then(|u| u.hold.as_ref()),
        })?)
    }

    /// The config with volume mounts turned into bind mounts of the volumes' directories;
    /// an empty volume first gets the image's content at its mount point (copy-up).
    /// `:U` sources are then given to the container's user.
    fn resolve_volumes(
        &self,
        c: &Container,
        rootfs: &std::path::Path,
        user: &spec::ResolvedUser,
    ) -> Result<ContainerConfig> {
        let mut config = c.config.clone();
        for m in config
            .mounts
            .iter_mut()
            .filter(|m| m.kind == MountKind::Volume)
        {
            let dir = crate::volume::data_dir(&self.store, &m.source);
            if !dir.is_dir() {
                return Err(ContainerError::Io {
                    context: format!("volume {} of container {}", m.source, c.name),
                    source: std::io::Error::from(std::io::ErrorKind::NotFound),
                });
            }
            if crate::volume::is_empty(&dir) && !m.options.iter().any(|o| o == "nocopy") {
                // The image path is resolved inside the container's rootfs (a symlink
                // there must not lead out of it) and read through the resolved fd.
                if let Ok(handle) =
                    pathrs::Root::open(rootfs).and_then(|r| r.resolve(&m.destination))
                {
                    use std::os::fd::{AsFd, AsRawFd};
                    let from =
                        PathBuf::from(format!("/proc/self/fd/{}", handle.as_fd().as_raw_fd()));
                    crate::volume::copy_up(&from, &dir).map_err(io_err(format!(
                        "copying {} into volume {}",
                        m.destination, m.source
                    )))?;
                }
            }
            m.kind = MountKind::Bind;
            m.source = dir.display().to_string();
            m.options.retain(|o| o != "nocopy");
            if !m.options.iter().any(|o| o == "rbind") {
                m.options.insert(0, "rbind".into());
            }
        }
        for m in config
            .mounts
            .iter_mut()
            .filter(|m| m.options.iter().any(|o| o == "U"))
        {
            m.options.retain(|o| o != "U");
            crate::volume::chown_tree(std::path::Path::new(&m.source), user.uid, user.gid)
                .map_err(io_err(format!("chowning {} for :U", m.source)))?;
        }
        Ok(config)
    }

    /// Mount a container's filesystem (for `mount`, `export`, `cp` on a stopped one).
    pub fn mount(&self, c: &mut Container) -> Result<PathBuf> {
        let _lock = self.lock(&c.id)?;
        let path = self.mount_rootfs(c)?;
        if !c.state.mounted {
            self.update_state(c, |s| {
                s.mounted = true;
                true
            })?;
        }
        Ok(path)
    }

    /// Unmount unless the container runs (its process needs the filesystem).
    pub fn unmount(&self, c: &mut Container) -> Result<()> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status.is_active() {
            return Ok(());
        }
        self.release(c)?;
        self.save_state(c)
    }

    /// The image's layer directories (for `diff`).
    pub fn image_layers(&self, c: &Container) -> Result<Vec<PathBuf>> {
        let img = self.store.find(&c.image_id)?;
        Ok(img
            .layers
            .iter()
            .map(|l| self.store.layer_dir(&l.diff_id))
            .collect::<std::result::Result<Vec<_>, _>>()?)
    }

    /// Undo what start set up: runtime record, mounted filesystem.
    fn release(&self, c: &mut Container) -> Result<()> {
        if let Ok(rt) = self.runtime_of(c) {
            let _ = rt.delete(&c.id, true);
        }
        self.leave_networks(&c.id, &c.state.network);
        let merged = self.rootfs(&c.id);
        if crate::storage::driver::is_mounted(&merged) {
            self.driver.unmount(&merged)?;
        }
        c.state.mounted = false;
        Ok(())
    }

    /// Wait until the container's process is gone (or `limit` passes); true when it is.
    pub fn wait_for_exit(&self, c: &mut Container, limit: Option<Duration>) -> bool {
        let start = Instant::now();
        let mut delay = Duration::from_millis(2);
        loop {
            if self.refresh(c).is_err() || !c.state.status.is_active() {
                return true;
            }
            if limit.is_some_and(|l| start.elapsed() >= l) {
                return false;
            }
            std::thread::sleep(delay);
            delay = (delay * 2).min(Duration::from_millis(50));
        }
    }

    /// `kill`: signal the container's process. A signal that ends it counts as the user's
    /// stop (as in Podman), so `kill` ends a `--restart=always` container too; `-s HUP`
    /// and the like leave the policy in force.
    pub fn kill(&self, c: &mut Container, signal: &str) -> Result<()> {
        self.refresh(c)?;
        let ends = ends_process(signal, c.config.stop_signal);
        // As in Docker, killing a container that waits out its restart back-off cancels
        // the restart: there is no process to signal.
        let waiting = c.state.status == Status::Restarting;
        if !(c.state.status.is_active() || waiting && ends) {
            return Err(ContainerError::NotRunning(c.name.clone()));
        }
        let cancelled = ends && self.mark_stopped_by_user(c)? == Status::Restarting;
        if !cancelled {
            self.signal(c, signal)?;
        }
        let mut e = self.event(c, "kill");
        e.attributes.insert("signal".into(), signal.to_string());
        self.events.emit(&e);
        Ok(())
    }

    /// Send a signal to the container's process, nothing else.
    fn signal(&self, c: &mut Container, signal: &str) -> Result<()> {
        self.refresh(c)?;
        if !c.state.status.is_active() {
            return Err(ContainerError::NotRunning(c.name.clone()));
        }
        self.runtime_of(c)?.kill(&c.id, signal)?;
        Ok(())
    }

    /// `stop`, `kill` and `rm -f` are the user's word: the restart policy leaves the
    /// container alone from now on, and a restart waiting out its back-off is cancelled
    /// (the container stays exited). Under the lock, so a restart already starting
    /// finishes first and is then stopped like any running container. The status before.
    fn mark_stopped_by_user(&self, c: &mut Container) -> Result<Status> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        let mut before = c.state.status;
        self.update_state(c, |s| {
            before = s.status;
            if s.status == Status::Restarting {
                s.status = Status::Exited;
            } else if !s.status.is_active() || s.stopped_by_user {
                return false;
            }
            s.stopped_by_user = true;
            true
        })?;
        Ok(before)
    }

    /// Freeze every process of the container (SIGSTOP: no freezer cgroup here).
    pub fn pause(&self, c: &mut Container) -> Result<()> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status != Status::Running {
            return Err(ContainerError::NotRunning(c.name.clone()));
        }
        procs::signal_all(c.state.pid, nix::sys::signal::Signal::SIGSTOP);
        self.set_status(c, Status::Running, Status::Paused)?;
        self.emit(c, "pause");
        Ok(())
    }

    pub fn unpause(&self, c: &mut Container) -> Result<()> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status != Status::Paused {
            return Err(ContainerError::NotPaused(c.name.clone()));
        }
        procs::signal_all(c.state.pid, nix::sys::signal::Signal::SIGCONT);
        self.set_status(c, Status::Paused, Status::Running)?;
        self.emit(c, "unpause");
        Ok(())
    }

    /// `from` → `to`, unless the container left `from` meanwhile (it ended).
    fn set_status(&self, c: &mut Container, from: Status, to: Status) -> Result<()> {
        if !self.update_state(c, |s| {
            let ours = s.status == from;
            if ours {
                s.status = to;
            }
            ours
        })? {
            return Err(ContainerError::NotRunning(c.name.clone()));
        }
        Ok(())
    }

    /// Docker's stop: the stop signal, then SIGKILL after `timeout` seconds. A restart
    /// the policy scheduled is cancelled.
    pub fn stop(&self, c: &mut Container, timeout: Option<u32>) -> Result<()> {
        if self.mark_stopped_by_user(c)? == Status::Restarting {
            self.emit(c, "stop");
            return Ok(());
        }
        if !c.state.status.is_active() {
            return Ok(());
        }
        if c.state.status == Status::Paused {
            // A stopped process would not see the stop signal until continued.
            self.unpause(c)?;
        }
        let rt = self.runtime_of(c)?;
        let signal = c
            .config
            .stop_signal
            .unwrap_or(signal::Signal::TERM)
            .to_string();
        let signal = signal.as_str();
        let timeout = timeout.unwrap_or(c.config.stop_timeout);
        let gone = timeout > 0 && {
            let _ = rt.kill(&c.id, signal);
            self.wait_for_exit(c, Some(Duration::from_secs(timeout.into())))
        };
        if !gone {
            let _ = rt.kill(&c.id, "KILL");
            self.wait_for_exit(c, None);
        }
        self.emit(c, "stop");
        Ok(())
    }

    /// `restart`: stop (cancelling a scheduled restart), then start. A start by the user,
    /// so the policy's restart count begins again (Docker's rule).
    pub fn restart(&self, c: &mut Container, timeout: Option<u32>) -> Result<()> {
        self.stop(c, timeout)?;
        self.emit(c, "restart");
        self.start(c, false)?;
        Ok(())
    }

    /// After the process ended: forget it in the runtime, unmount, and remove the
    /// container if it was run with --rm. Idempotent; run by `run` in the foreground and
    /// (through [`Engine::cleanup_and_restart`]) by the shim.
    pub fn cleanup(&self, input: &str) -> Result<()> {
        self.cleanup_locked(input).map(|_| ())
    }

    /// `cleanup`, holding the lock on return for a container that is still there.
    fn cleanup_locked(&self, input: &str) -> Result<Option<(ContainerLock, Container)>> {
        // Already removed (e.g. `run --rm` in the foreground beat the shim to it).
        let Some(c) = present(self.lookup(input))? else {
            return Ok(None);
        };
        let lock = self.lock(&c.id)?;
        // Read again under the lock: a concurrent cleanup may have finished meanwhile.
        let Some(mut c) = present(self.lookup(&c.id))? else {
            return Ok(None);
        };
        if !c.state.status.is_stopped() {
            return Ok(None);
        }
        if c.state.mounted {
            self.release(&mut c)?;
            self.save_state(&c)?;
        }
        if c.config.auto_remove {
            // `--rm` takes the container's anonymous volumes with it, as in Docker.
            self.remove_files(&c)?;
            self.remove_anonymous_volumes(&c)?;
            self.emit(&c, "remove");
            return Ok(None);
        }
        Ok(Some((lock, c)))
    }

    /// The shim's exit command: `cleanup`, then the restart policy (or a health check's
    /// request) may start the container again after the back-off. Blocks for it.
    pub fn cleanup_and_restart(&self, input: &str) -> Result<()> {
        let Some((lock, mut c)) = self.cleanup_locked(input)? else {
            return Ok(());
        };
        let me = std::process::id() as i32;
        let me_started = process_start_time(me).unwrap_or(0);
        let policy = c.config.restart;
        // A user's stop wins over the policy and over a health check's request.
        let scheduled = self.update_state(&mut c, |s| {
            let wanted = s.status == Status::Exited
                && !s.stopped_by_user
                && (s.restart_requested
                    || policy.wants_restart(s.exit_code, false, s.restart_count));
            if wanted {
                s.status = Status::Restarting;
                s.restarter_pid = me;
                s.restarter_start_time = me_started;
            }
            wanted
        })?;
        if !scheduled {
            return Ok(());
        }
        let ran_for = run_time(&c.state.started_at, &c.state.finished_at);
        let delay = restart::backoff(c.state.restart_count, ran_for);
        drop(lock);
        // Without the lock: `stop` or `rm` may cancel the restart meanwhile.
        std::thread::sleep(delay);
        self.restart_after_exit(&c.id)
    }

    /// The restart the policy scheduled, unless it was cancelled during the back-off.
    fn restart_after_exit(&self, id: &str) -> Result<()> {
        let _lock = self.lock(id)?;
        let Some(mut c) = present(self.lookup(id))? else {
            return Ok(());
        };
        if c.state.status != Status::Restarting {
            return Ok(());
        }
        c.state.restart_count += 1;
        self.emit(&c, "restart");
        self.start_held(&mut c, false)?;
        Ok(())
    }

    /// `rm`: with `force` a running container is killed first; with `volumes` its
    /// anonymous volumes go too (named volumes never do).
    pub fn remove(&self, c: &mut Container, force: bool, volumes: bool) -> Result<()> {
        self.refresh(c)?;
        if !force {
            match c.state.status {
                Status::Restarting => return Err(ContainerError::Restarting(c.name.clone())),
                s if s.is_active() => return Err(ContainerError::Running(c.name.clone())),
                _ => {}
            }
        }
        match self.mark_stopped_by_user(c) {
            // A `--rm` container's own cleanup removed it meanwhile: gone, as asked.
            Err(ContainerError::NotFound(_)) => return Ok(()),
            r => r?,
        };
        if c.state.status.is_active() {
            if c.state.status == Status::Paused {
                procs::signal_all(c.state.pid, nix::sys::signal::Signal::SIGCONT);
            }
            let _ = self.runtime_of(c)?.kill(&c.id, "KILL");
            self.wait_for_exit(c, None);
        }
        let _lock = self.lock(&c.id)?;
        self.release(c)?;
        self.remove_files(c)?;
        if volumes {
            self.remove_anonymous_volumes(c)?;
        }
        self.emit(c, "remove");
        Ok(())
    }

    fn remove_anonymous_volumes(&self, c: &Container) -> Result<()> {
        let users = self.volume_users()?;
        for m in c
            .config
            .mounts
            .iter()
            .filter(|m| m.kind == MountKind::Volume)
        {
            let anonymous = crate::volume::find(&self.store, &m.source)
                .map(|v| v.anonymous)
                .unwrap_or(false);
            if anonymous && !users.contains_key(&m.source) {
                let _ = crate::volume::remove(&self.store, &m.source);
            }
        }
        Ok(())
    }

    /// For every volume some container mounts, the names of those containers.
    pub fn volume_users(&self) -> Result<BTreeMap<String, Vec<String>>> {
        Ok(volume_users(&self.list()?))
    }

    /// The row goes first: once it is gone nobody can see a half-removed container.
    fn remove_files(&self, c: &Container) -> Result<()> {
        self.store.db().delete_container(&c.id)?;
        for p in [
            self.container_dir(&c.id),
            self.state_dir(&c.id),
            self.paths.runtime.join("locks").join(&c.id),
        ] {
            remove_path(&p).map_err(io_err(format!("removing {}", p.display())))?;
        }
        Ok(())
    }

    /// What `exec` runs: the container's own process and seccomp filter (from the runtime
    /// spec it was started with) with the flags' overrides. Capabilities as in Podman:
    /// `privileged` widens the bounding set to all; the container's own user keeps the
    /// container's sets, another root user gets the bounding set, another user none.
    #[allow(clippy::too_many_arguments)]
    pub fn exec_spec(
        &self,
        c: &Container,
        args: Vec<String>,
        env: &[String],
        user: Option<&str>,
        workdir: Option<&str>,
        tty: bool,
        privileged: bool,
    ) -> Result<exec::ExecSpec> {
        let bundle = self.container_dir(&c.id).join("userdata/config.json");
        let spec = oci_spec::runtime::Spec::load(&bundle)
            .map_err(|e| ContainerError::Spec(spec::SpecError::Oci(e)))?;
        let mut process = spec.process().clone().unwrap_or_default();
        let mut full_env = process.env().clone().unwrap_or_default();
        for e in env {
            let key = e.split('=').next().unwrap_or_default();
            full_env.retain(|x| x.split('=').next() != Some(key));
            full_env.push(e.clone());
        }
        process
            .set_args(Some(args))
            .set_env(Some(full_env))
            .set_terminal(Some(tty));
        if let Some(dir) = workdir.filter(|d| !d.is_empty()) {
            process.set_cwd(dir.into());
        }
        let mut caps = process.capabilities().clone().unwrap_or_default();
        if privileged {
            caps.set_bounding(Some(spec::all_capabilities().into_iter().collect()));
        }
        let own_uid = process.user().uid();
        if let Some(u) = user {
            let resolved = user::resolve(&self.rootfs(&c.id), u)?;
            let mut pu = process.user().clone();
            pu.set_uid(resolved.uid)
                .set_gid(resolved.gid)
                .set_additional_gids(Some(resolved.additional_gids));
            process.set_user(pu);
        }
        if process.user().uid() != own_uid || privileged {
            let granted = (process.user().uid() == 0).then(|| caps.bounding().clone());
            let granted = granted.flatten().unwrap_or_default();
            caps.set_effective(Some(granted.clone()))
                .set_permitted(Some(granted))
                .set_inheritable(None)
                .set_ambient(None);
        }
        process.set_capabilities(Some(caps));
        Ok(exec::ExecSpec {
            process,
            seccomp: spec.linux().as_ref().and_then(|l| l.seccomp().clone()),
            timeout: None,
        })
    }

    /// Block until the container is not running; its exit code.
    pub fn wait(&self, c: &mut Container) -> Result<i32> {
        loop {
            self.wait_for_exit(c, None);
            // A created container is waited for until it has run; one the policy is
            // restarting has exited (Docker's wait reports that exit too).
            if matches!(c.state.status, Status::Exited | Status::Restarting) {
                return Ok(c.state.exit_code);
            }
            std::thread::sleep(Duration::from_millis(50));
            *c = self.lookup(&c.id)?;
        }
    }
}

/// For every volume one of `containers` mounts, the names of those containers.
pub fn volume_users(containers: &[Container]) -> BTreeMap<String, Vec<String>> {
    let mut users: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in containers {
        for m in c
            .config
            .mounts
            .iter()
            .filter(|m| m.kind == MountKind::Volume)
        {
            users
                .entry(m.source.clone())
                .or_default()
                .push(c.name.clone());
        }
    }
    users
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_signals_end_a_container() {
        assert!(ends_process("KILL", None));
        assert!(ends_process("SIGTERM", None));
        assert!(ends_process("9", None));
        assert!(ends_process("sigint", None));
        assert!(!ends_process("HUP", None));
        assert!(!ends_process("USR1", None));
        assert!(
            ends_process("USR1", "SIGUSR1".parse().ok()),
            "the container's own stop signal"
        );
    }

    #[test]
    fn start_time_of_self_and_of_nothing() {
        let me = std::process::id() as i32;
        assert!(process_start_time(me).is_some());
        assert_eq!(process_start_time(me), process_start_time(me));
        assert!(process_start_time(0).is_none());
        assert!(process_start_time(i32::MAX).is_none());
    }
}
