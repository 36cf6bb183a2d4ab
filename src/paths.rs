//! Where per-user state lives (design.md section 3): data, runtime and config directories.

use std::path::{Path, PathBuf};

/// The directories one cove invocation works with. Built once in `main` from the XDG
/// environment (or flags) and handed down; nothing below reads the environment again.
#[derive(Debug, Clone)]
pub struct Paths {
    /// `$XDG_DATA_HOME/cove`: database, blobs, layers.
    pub data: PathBuf,
    /// `$XDG_RUNTIME_DIR/cove`, or a private directory under /tmp.
    pub runtime: PathBuf,
    /// `$XDG_CONFIG_HOME/containers`: registries.conf, storage.conf, containers.conf.
    pub config: PathBuf,
    /// The user's home directory (for `~/.docker/config.json`).
    pub home: PathBuf,
    /// `$XDG_RUNTIME_DIR` itself, where Podman keeps `containers/auth.json`.
    pub xdg_runtime: PathBuf,
}

impl Paths {
    /// Where `cove system service` listens by default (`DOCKER_HOST=unix://` this).
    pub fn api_socket(&self) -> PathBuf {
        self.runtime.join("cove.sock")
    }

    /// Resolve the directories for the current user. As root the system locations are
    /// used, as Podman does (`/var/lib/cove`, `/run/cove`, `/etc/containers`).
    pub fn from_env(uid: u32) -> Paths {
        let env = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let home = env("HOME").unwrap_or_else(|| PathBuf::from("/"));
        if uid == 0 && env("XDG_DATA_HOME").is_none() {
            return Paths {
                data: PathBuf::from("/var/lib/cove"),
                runtime: PathBuf::from("/run/cove"),
                config: PathBuf::from("/etc/containers"),
                xdg_runtime: PathBuf::from("/run"),
                home,
            };
        }
        let data_home = env("XDG_DATA_HOME").unwrap_or_else(|| home.join(".local/share"));
        let config_home = env("XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config"));
        let xdg_runtime = env("XDG_RUNTIME_DIR")
            .filter(|d| owned_by(d, uid))
            .unwrap_or_else(|| PathBuf::from(format!("/tmp/cove-run-{uid}")));
        Paths {
            data: data_home.join("cove"),
            runtime: xdg_runtime.join("cove"),
            config: config_home.join("containers"),
            xdg_runtime,
            home,
        }
    }

    pub fn db(&self) -> PathBuf {
        self.data.join("cove.db")
    }
    pub fn blobs(&self) -> PathBuf {
        self.data.join("blobs")
    }
    pub fn layers(&self) -> PathBuf {
        self.data.join("layers")
    }
    pub fn tmp(&self) -> PathBuf {
        self.data.join("tmp")
    }
}

/// `XDG_RUNTIME_DIR` is only trusted when it exists and belongs to us; `su` leaves it
/// pointing at root's directory, or unset. "Us" is the user on the host, or uid 0 for a
/// process started inside the user namespace (the shim's cleanup command), where the
/// user's files appear owned by 0.
fn owned_by(dir: &Path, uid: u32) -> bool {
    use std::os::unix::fs::MetadataExt;
    let euid = nix::unistd::geteuid().as_raw();
    std::fs::metadata(dir)
        .map(|m| m.uid() == uid || m.uid() == euid)
        .unwrap_or(false)
}

/// Create `dir` (and parents) with mode 0700 if missing.
pub fn ensure_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Open (creating it, mode 0600) and exclusively flock `path`: held until dropped.
pub fn lock_file(path: &Path) -> std::io::Result<nix::fcntl::Flock<std::fs::File>> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(path)?;
    nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusive).map_err(|(_, e)| e.into())
}

/// Only `$PATH`, as Podman looks for its network helpers: a user can take slirp4netns or
/// pasta away (or pick another build) with PATH alone.
pub fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

/// Locate a system program: on $PATH first, then the usual system directories, since a
/// user's PATH often lacks /usr/sbin.
pub fn find_program(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        return is_executable(Path::new(name)).then(|| PathBuf::from(name));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/bin", "/usr/sbin", "/bin", "/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

/// Locate one of cove's own helper binaries (cove-conmon, cove-runtime, cove-init):
/// beside the running `cove` first (so an uninstalled target/release/cove uses its
/// siblings), then in libexec, then like any program.
pub fn find_helper(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        dirs.push(dir.join("../libexec/cove"));
        dirs.insert(0, dir);
    }
    dirs.push(PathBuf::from("/usr/local/libexec/cove"));
    dirs.push(PathBuf::from("/usr/libexec/cove"));
    dirs.into_iter()
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
        .or_else(|| find_program(name))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}
