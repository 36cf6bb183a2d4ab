//! Containers: the engine side of create, start, stop, kill, rm, wait and cleanup.
//!
//! The database row is the source of truth; the runtime dir holds what only lives as long
//! as the processes (shim pid, exit file, attach socket, the OCI runtime's state). Every
//! read refreshes the row from those files, so a killed CLI, a killed shim or a reboot
//! (which wipes the runtime dir) all end in a state the next command understands.

pub mod attach;
pub mod auto_update;
pub mod changes;
pub mod clone;
pub mod commit;
pub mod copy;
pub mod create;
mod creation;
pub mod exec;
pub mod flags;
mod handoff;
pub mod health;
pub mod idmap;
pub mod inspect;
mod lifecycle;
pub mod logs;
mod migrate;
pub mod names;
pub mod namespaces;
pub mod network;
pub mod options;
pub mod procs;
pub mod record;
pub mod reload;
pub mod report;
pub mod restart;
pub mod rootfs_dir;
pub mod runtime;
pub mod seccomp;
pub mod secrets;
pub mod shim;
pub mod signal;
pub mod spec;
mod start;
pub mod stats;
pub mod systemd_mode;
pub mod top;
pub mod update;
pub mod user;
mod userns;
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
    #[error("no container with name or ID \"{0}\" found: no such container")]
    NotFound(String),
    #[error("{input}: ambiguous container ID prefix matches {count} containers")]
    Ambiguous { input: String, count: usize },
    #[error("cannot remove container {0} as it is running - running or paused containers cannot be removed without force: container state improper")]
    Running(String),
    #[error("cannot remove container {0} as it is restarting - running or paused containers cannot be removed without force: container state improper")]
    Restarting(String),
    #[error("container {0} is the infra container of pod {1} and cannot be removed without removing the pod")]
    InfraOfPod(String, String),
    #[error("container {0} is not running")]
    NotRunning(String),
    #[error(
        "can only kill running containers. {id} is in state {state}: container state improper"
    )]
    CannotKill { id: String, state: &'static str },
    #[error("top can only be used on running containers")]
    TopNotRunning,
    #[error("'{0}': unknown descriptor")]
    UnknownDescriptor(String),
    #[error("executing ps(1) in the container: runtime failed with exit status: {code} and output: {output}")]
    Ps { code: i32, output: String },
    #[error("container {0} is not paused")]
    NotPaused(String),
    /// `--latest` with no container at all (Podman's words).
    #[error("no such container")]
    NoLatest,
    #[error("failed to clean up container {0}: container {0} is running or paused, refusing to clean up: container state improper")]
    CleanupRunning(String),
    #[error("container {0} has already been created in runtime: container state improper")]
    AlreadyInitialized(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Driver(#[from] DriverError),
    #[error(transparent)]
    Shift(#[from] crate::storage::idshift::ShiftError),
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
    #[error(transparent)]
    Secret(#[from] crate::secret::SecretError),
    #[error("corrupt record for container {0}: {1}")]
    Corrupt(String, serde_json::Error),
}

pub type Result<T> = std::result::Result<T, ContainerError>;

/// What Podman's `container cleanup --rm/--rmi` adds to the cleanup.
#[derive(Debug, Clone, Copy, Default)]
pub struct CleanupOptions {
    pub remove: bool,
    /// The image too, unless other containers use it or it has other names.
    pub remove_image: bool,
}

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
    /// Global `--runtime-flag`s: given to the OCI runtime on every call.
    pub runtime_flags: Vec<String>,
    /// `run --preserve-fds N`: fds 3..3+N of this process go to this container (by ID)
    /// when this process starts it; not to the pod's infra or `--requires` containers
    /// started on the way, nor to later starts (a restart has nothing to hand on).
    pub preserve_fds: Option<(String, u32)>,
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

    /// Where the container's root filesystem is mounted. With layers it is only a mount
    /// point, in the runtime dir (a tmpfs, like the other files remade at each start): a
    /// directory created and removed on the store's disk for every `run --rm` costs more
    /// than anything else cove does there. Not in the state dir, which is emptied
    /// recursively: that must never reach into a mounted root filesystem. vfs keeps the
    /// container's whole copy in it.
    pub fn rootfs(&self, id: &str) -> PathBuf {
        let own = self.container_dir(id).join("merged");
        if !self.driver.uses_upper() {
            // vfs keeps its copy in the container's dir; a --rootfs directory is mounted
            // in the runtime dir (`dir_mount_point`), never under what `rm` empties.
            let dir = self.dir_mount_point(id);
            return if dir.exists() { dir } else { own };
        }
        // Mounted there by a cove from before the move (a container running across an
        // upgrade): that mount is the container's root until it is released. Never
        // created any more, so for every other container this is one failed stat.
        if own.exists() && crate::storage::driver::is_mounted(&own) {
            return own;
        }
        self.paths.runtime.join("mounts").join(id).join("merged")
    }

    /// The runtime bundle (config.json) and the files bound into the container at
    /// /etc/hosts, /etc/resolv.conf and /etc/hostname, as the running container was
    /// given them. Each start writes them to the state dir; a container an older cove
    /// started has them in its own directory until it is started again.
    pub fn bundle_dir(&self, id: &str) -> PathBuf {
        let dir = self.state_dir(id);
        let before = self.container_dir(id).join("userdata");
        if !dir.join("config.json").exists() && before.join("config.json").exists() {
            return before;
        }
        dir
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
        if !self.refresh_stored(&mut c)? {
            // Removed while it was being looked at: what a lookup a moment later finds.
            return Err(ContainerError::NotFound(input.to_string()));
        }
        Ok(c)
    }

    /// Every container, newest first, states refreshed.
    pub fn list(&self) -> Result<Vec<Container>> {
        let rows = self.store.db().containers()?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut c = Self::from_row(row)?;
            if self.refresh_stored(&mut c)? {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// Podman's `--latest`: the container created last.
    pub fn latest(&self) -> Result<Container> {
        self.list()?
            .into_iter()
            .max_by_key(|c| c.created_at)
            .ok_or(ContainerError::NoLatest)
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
        self.refresh_stored(c).map(|_| ())
    }

    /// [`Engine::refresh`]; false when the container turned out to be removed meanwhile.
    fn refresh_stored(&self, c: &mut Container) -> Result<bool> {
        // Nearly always nothing changed: decided from `c` without reading the store.
        if self.observed(&c.id, &c.state, false).is_none() {
            return Ok(true);
        }
        let id = c.id.clone();
        let mut died = false;
        let written = self.update_state(c, |s| match self.observed(&id, s, false) {
            Some(next) => {
                died = s.status.has_process();
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
                Ok(true)
            }
            Ok(_) => Ok(true),
            // Removed meanwhile (a `--rm` container's own cleanup): the caller's copy
            // shows the exit, so no one waits for a process that is gone.
            Err(ContainerError::NotFound(_)) => {
                if let Some(next) = self.observed(&id, &c.state, true) {
                    c.state = next;
                }
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    /// The state `s` becomes given what is observed on the machine, if it changed.
    /// `removed`: the container's row is gone. Removal deletes the exit file after the
    /// row, so then a missing exit file says nothing about how the process ended: the
    /// code is the one its `die` event recorded, not [`EXIT_UNKNOWN`].
    fn observed(&self, id: &str, s: &ContainerState, removed: bool) -> Option<ContainerState> {
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
        if !s.status.has_process() {
            return None;
        }
        let (code, finished, oom) = if let Some(exit) = self.read_exit_file(id) {
            (exit.exit_code, exit.finished_at, exit.oom_killed)
        } else if process_start_time(s.pid) != Some(s.pid_start_time) && !shim_alive(s.conmon_pid) {
            // Process and shim both gone without an exit file: the shim was killed, the
            // machine rebooted, or the container was removed. (While the shim lives it
            // is still draining output and will write the exit file.)
            let code = if removed {
                self.last_exit_code(id)
            } else {
                None
            };
            (code.unwrap_or(EXIT_UNKNOWN), String::new(), false)
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

#[cfg(test)]
#[path = "refresh_tests.rs"]
mod refresh_tests;
