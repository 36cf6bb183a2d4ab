//! Storage drivers: turn a stack of extracted layer directories into one root filesystem.
//!
//! Layers are stored in overlayfs format (whiteout = character device 0/0, opaque
//! directory = xattr `user.overlay.opaque=y`). The `user.` namespace is used because cove
//! normally runs inside a user namespace, where `trusted.` xattrs cannot be set; native
//! overlay is therefore always mounted with `userxattr`, rootless or not, so one layer
//! format serves every driver.
//!
//! Three drivers, in order of preference:
//! * `Overlay`: the kernel's overlayfs (unprivileged in a user namespace since 5.11).
//! * `FuseOverlayfs`: the fuse-overlayfs program, for kernels or filesystems where native
//!   overlay is refused.
//! * `Vfs`: a full copy of every layer, always works, costs disk and time.

use std::collections::HashMap;
use std::ffi::{CStr, CString, OsStr};
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use nix::mount::{MntFlags, MsFlags};
use nix::sys::stat::{Mode, SFlag, UtimensatFlags};
use nix::sys::time::TimeSpec;
use nix::unistd::{FchownatFlags, Gid, Uid};

/// Where Debian and most distributions install fuse-overlayfs.
pub const DEFAULT_FUSE_OVERLAYFS: &str = "/usr/bin/fuse-overlayfs";

/// Name of the probe cache file `detect_default` keeps in its scratch directory.
pub const PROBE_CACHE_FILE: &str = "driver-probe";

/// xattr marking a directory that hides everything below it in lower layers.
pub const OPAQUE_XATTR: &str = "user.overlay.opaque";

/// xattrs overlayfs keeps for itself; copying them into a vfs tree would make it look
/// like an overlay layer again (and confuse a later overlay mount over it).
const OVERLAY_XATTR_PREFIX: &[u8] = b"user.overlay.";

// The new mount API (linux/mount.h); libc exposes the syscall numbers but not these.
const FSOPEN_CLOEXEC: libc::c_uint = 1;
const FSCONFIG_SET_FLAG: libc::c_uint = 0;
const FSCONFIG_SET_STRING: libc::c_uint = 1;
const FSCONFIG_CMD_CREATE: libc::c_uint = 6;
const FSMOUNT_CLOEXEC: libc::c_uint = 1;
const MOUNT_ATTR_RDONLY: libc::c_uint = 1;
const MOVE_MOUNT_F_EMPTY_PATH: libc::c_uint = 4;

#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    #[error("unknown storage driver {0:?} (expected overlay, fuse-overlayfs or vfs)")]
    UnknownDriver(String),
    #[error("no layers given to mount on {0}")]
    NoLayers(PathBuf),
    #[error("path {0} cannot be passed to fuse-overlayfs (contains ',' or ':')")]
    UnsupportedPath(PathBuf),
    #[error("{driver} mount on {target} failed: {source}{detail}")]
    Mount {
        driver: &'static str,
        target: PathBuf,
        #[source]
        source: io::Error,
        /// Extra text from the kernel or the helper program, with a leading separator.
        detail: String,
    },
    #[error("unmounting {target} failed: {source}")]
    Unmount {
        target: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("storage driver probe failed: {0}")]
    Probe(String),
}

fn io_err<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> DriverError + 'a {
    move |source| DriverError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// The writable part of a container's filesystem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpperDirs {
    pub upper: PathBuf,
    /// Overlay's scratch dir: must be empty and on the same filesystem as `upper`.
    pub work: PathBuf,
    /// The upper dir is thrown away with the container (`--rm`): native overlay is
    /// mounted `volatile`, so its unmount does not sync the whole backing filesystem
    /// (Podman and CRI-O do the same). After a crash the upper dir may be incomplete,
    /// which matters to nobody, since the container is removed.
    pub volatile: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Driver {
    Overlay,
    FuseOverlayfs { program: PathBuf },
    Vfs,
}

impl fmt::Display for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Driver {
    /// Parses a driver name as found in storage.conf or on the command line. storage.conf
    /// spells fuse-overlayfs as `driver = "overlay"` plus `mount_program = ...`, so that
    /// combination means fuse-overlayfs too.
    pub fn from_name(name: &str, mount_program: Option<&Path>) -> Result<Driver, DriverError> {
        match name {
            "overlay" | "overlay2" => Ok(match mount_program {
                Some(p) => Driver::FuseOverlayfs {
                    program: p.to_path_buf(),
                },
                None => Driver::Overlay,
            }),
            "fuse-overlayfs" => Ok(Driver::FuseOverlayfs {
                program: mount_program
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| PathBuf::from(DEFAULT_FUSE_OVERLAYFS)),
            }),
            "vfs" => Ok(Driver::Vfs),
            other => Err(DriverError::UnknownDriver(other.to_string())),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Driver::Overlay => "overlay",
            Driver::FuseOverlayfs { .. } => "fuse-overlayfs",
            Driver::Vfs => "vfs",
        }
    }

    /// Whether containers need separate upper/work dirs (vfs writes into the copy itself).
    pub fn uses_upper(&self) -> bool {
        !matches!(self, Driver::Vfs)
    }

    /// Assembles `layers` (bottom first) on `target`. With `upper`, the result is
    /// writable and changes land in `upper.upper`; without, it is a read-only view
    /// (vfs ignores `upper`: its copy is always writable).
    pub fn mount(
        &self,
        layers: &[PathBuf],
        upper: Option<&UpperDirs>,
        target: &Path,
    ) -> Result<(), DriverError> {
        if layers.is_empty() {
            return Err(DriverError::NoLayers(target.to_path_buf()));
        }
        let target = absolute(target)?;
        let lowers = top_first(layers)?;
        let upper = upper.map(absolute_upper).transpose()?;
        match self {
            Driver::Overlay => mount_overlay(&lowers, upper.as_ref(), &target),
            Driver::FuseOverlayfs { program } => {
                mount_fuse(program, &lowers, upper.as_ref(), &target)
            }
            Driver::Vfs => vfs_populate(layers, &target),
        }
    }

    pub fn unmount(&self, target: &Path) -> Result<(), DriverError> {
        match self {
            // A vfs target is a plain directory, unless another driver mounted it.
            Driver::Vfs if !is_mounted(target) => Ok(()),
            Driver::Vfs | Driver::Overlay => umount(target),
            Driver::FuseOverlayfs { .. } => match umount(target) {
                // Outside a namespace we own, only the setuid helper may unmount FUSE.
                Err(DriverError::Unmount { source, .. })
                    if source.raw_os_error() == Some(libc::EPERM) =>
                {
                    run_fusermount(target)
                }
                other => other,
            },
        }
    }
}

fn absolute(p: &Path) -> Result<PathBuf, DriverError> {
    std::path::absolute(p).map_err(io_err("resolving", p))
}

fn absolute_upper(u: &UpperDirs) -> Result<UpperDirs, DriverError> {
    Ok(UpperDirs {
        upper: absolute(&u.upper)?,
        work: absolute(&u.work)?,
        volatile: u.volatile,
    })
}

fn top_first(layers: &[PathBuf]) -> Result<Vec<PathBuf>, DriverError> {
    layers.iter().rev().map(|l| absolute(l)).collect()
}

fn umount(target: &Path) -> Result<(), DriverError> {
    match nix::mount::umount2(target, MntFlags::MNT_DETACH) {
        Ok(()) => Ok(()),
        // Unmounting twice (e.g. cleanup after a crash) is not an error.
        Err(nix::errno::Errno::EINVAL) if !is_mounted(target) => Ok(()),
        Err(e) => Err(DriverError::Unmount {
            target: target.to_path_buf(),
            source: e.into(),
        }),
    }
}

fn run_fusermount(target: &Path) -> Result<(), DriverError> {
    let out = Command::new("fusermount3")
        .arg("-u")
        .arg(target)
        .stdin(Stdio::null())
        .output()
        .map_err(|source| DriverError::Unmount {
            target: target.to_path_buf(),
            source,
        })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(DriverError::Unmount {
            target: target.to_path_buf(),
            source: io::Error::other(format!(
                "fusermount3 -u: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )),
        })
    }
}

// ---------------------------------------------------------------------------------------
// native overlay

/// Overlay's legacy mount options separate layers with ':' and options with ',';
/// a backslash escapes either (and itself).
fn escape_overlay_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | ':' | ',') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The option string for mount(2). `lowers` is top first, as overlay wants it.
pub fn overlay_options(lowers: &[PathBuf], upper: Option<&UpperDirs>) -> String {
    let lower = lowers
        .iter()
        .map(|l| escape_overlay_path(l))
        .collect::<Vec<_>>()
        .join(":");
    let mut opts = format!("lowerdir={lower}");
    if let Some(u) = upper {
        opts.push_str(",upperdir=");
        opts.push_str(&escape_overlay_path(&u.upper));
        opts.push_str(",workdir=");
        opts.push_str(&escape_overlay_path(&u.work));
        if u.volatile {
            opts.push_str(",volatile");
        }
    }
    opts.push_str(",userxattr");
    opts
}

/// mount(2) copies at most one page of option data (including the NUL).
fn mount_data_limit() -> usize {
    // SAFETY: sysconf has no memory-safety preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(page).unwrap_or(4096).saturating_sub(1)
}

/// Longest directory that is an ancestor of every path (all absolute).
fn common_parent<'a>(paths: impl IntoIterator<Item = &'a Path>) -> PathBuf {
    let mut iter = paths.into_iter();
    let mut common = match iter.next() {
        Some(p) => p.parent().unwrap_or(p).to_path_buf(),
        None => return PathBuf::from("/"),
    };
    for p in iter {
        while !p.starts_with(&common) {
            if !common.pop() {
                return PathBuf::from("/");
            }
        }
    }
    common
}

fn overlay_err(target: &Path, source: io::Error, detail: String) -> DriverError {
    DriverError::Mount {
        driver: "overlay",
        target: target.to_path_buf(),
        source,
        detail,
    }
}

fn mount_overlay(
    lowers: &[PathBuf],
    upper: Option<&UpperDirs>,
    target: &Path,
) -> Result<(), DriverError> {
    // Overlay refuses a single lower dir without an upper; a read-only bind is the same view.
    if lowers.len() == 1 && upper.is_none() {
        return bind_readonly(&lowers[0], target)
            .map_err(|e| overlay_err(target, e, " (read-only bind)".into()));
    }
    if let Some(u) = upper.filter(|u| u.volatile) {
        // Overlay leaves this marker behind a volatile mount and refuses the next mount
        // while it exists (the upper dir may be incomplete after a crash). A `--rm`
        // container is mounted again only when it never ran or was unmounted cleanly
        // (`mount`, `cp`); after a crash its upper dir is removed with it anyway.
        match fs::remove_dir_all(u.work.join("work/incompat/volatile")) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(overlay_err(
                    target,
                    e,
                    " (removing the volatile marker)".into(),
                ))
            }
            _ => {}
        }
    }
    let flags = if upper.is_none() {
        MsFlags::MS_RDONLY
    } else {
        MsFlags::empty()
    };
    match mount_overlay_plan(lowers, upper, target, flags) {
        // A kernel before 5.10 does not know `volatile`: mount as usual.
        Err(DriverError::Mount { source, .. })
            if upper.is_some_and(|u| u.volatile) && source.raw_os_error() == Some(libc::EINVAL) =>
        {
            let durable = upper.map(|u| UpperDirs {
                volatile: false,
                ..u.clone()
            });
            mount_overlay_plan(lowers, durable.as_ref(), target, flags)
        }
        other => other,
    }
}

fn mount_overlay_plan(
    lowers: &[PathBuf],
    upper: Option<&UpperDirs>,
    target: &Path,
    flags: MsFlags,
) -> Result<(), DriverError> {
    match plan_overlay(lowers, upper, mount_data_limit()) {
        OverlayPlan::Direct(opts) => nix::mount::mount(
            Some("overlay"),
            target,
            Some("overlay"),
            flags,
            Some(&*opts),
        )
        .map_err(|e| overlay_err(target, e.into(), String::new())),
        OverlayPlan::Relative { base, opts } => mount_relative(&base, &opts, target, flags)
            .map_err(|e| overlay_err(target, e, format!(" (relative to {})", base.display()))),
        OverlayPlan::Fsconfig => mount_overlay_fsconfig(lowers, upper, target),
    }
}

/// How to hand the layer list to the kernel, given mount(2)'s one-page option limit.
#[derive(Debug, PartialEq, Eq)]
enum OverlayPlan {
    /// Absolute paths fit.
    Direct(String),
    /// Paths relative to `base`, mounted from there (containers-storage does the same).
    Relative { base: PathBuf, opts: String },
    /// Too long even so: the new mount API takes one layer per call (kernel >= 6.8).
    Fsconfig,
}

fn plan_overlay(lowers: &[PathBuf], upper: Option<&UpperDirs>, limit: usize) -> OverlayPlan {
    let opts = overlay_options(lowers, upper);
    if opts.len() <= limit {
        return OverlayPlan::Direct(opts);
    }
    let mut all: Vec<&Path> = lowers.iter().map(PathBuf::as_path).collect();
    if let Some(u) = upper {
        all.push(&u.upper);
        all.push(&u.work);
    }
    let base = common_parent(all.iter().copied());
    let rel = |p: &Path| match p.strip_prefix(&base) {
        Ok(r) if r.as_os_str().is_empty() => PathBuf::from("."),
        Ok(r) => r.to_path_buf(),
        Err(_) => p.to_path_buf(),
    };
    let rel_lowers: Vec<PathBuf> = lowers.iter().map(|l| rel(l)).collect();
    let rel_upper = upper.map(|u| UpperDirs {
        upper: rel(&u.upper),
        work: rel(&u.work),
        volatile: u.volatile,
    });
    let opts = overlay_options(&rel_lowers, rel_upper.as_ref());
    if opts.len() <= limit {
        OverlayPlan::Relative { base, opts }
    } else {
        OverlayPlan::Fsconfig
    }
}

/// Mounts with relative option paths from a thread with its own working directory, so
/// the rest of the process (possibly multi-threaded) never sees the chdir.
fn mount_relative(base: &Path, opts: &str, target: &Path, flags: MsFlags) -> io::Result<()> {
    let base = base.to_path_buf();
    let opts = opts.to_string();
    let target = target.to_path_buf();
    std::thread::spawn(move || -> io::Result<()> {
        nix::sched::unshare(nix::sched::CloneFlags::CLONE_FS)?;
        std::env::set_current_dir(&base)?;
        nix::mount::mount(
            Some("overlay"),
            &target,
            Some("overlay"),
            flags,
            Some(&*opts),
        )?;
        Ok(())
    })
    .join()
    .map_err(|_| io::Error::other("mount thread panicked"))?
}

fn cstring(p: &OsStr) -> io::Result<CString> {
    CString::new(p.as_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

fn fsconfig_string(fd: &OwnedFd, key: &CStr, value: &Path) -> io::Result<()> {
    let value = cstring(value.as_os_str())?;
    // SAFETY: valid fd and NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_fsconfig,
            fd.as_raw_fd(),
            FSCONFIG_SET_STRING,
            key.as_ptr(),
            value.as_ptr(),
            0,
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// The kernel explains fsconfig failures in messages readable from the fs context fd.
fn fs_context_messages(fd: &OwnedFd) -> String {
    let mut msgs = String::new();
    let mut buf = [0u8; 1024];
    loop {
        // SAFETY: buf is valid for its length.
        let n = unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        let Ok(n) = usize::try_from(n) else { break };
        if n == 0 {
            break;
        }
        msgs.push_str(": ");
        msgs.push_str(String::from_utf8_lossy(&buf[..n]).trim());
    }
    msgs
}

fn mount_overlay_fsconfig(
    lowers: &[PathBuf],
    upper: Option<&UpperDirs>,
    target: &Path,
) -> Result<(), DriverError> {
    let err = |e: io::Error, detail: String| overlay_err(target, e, detail);
    // SAFETY: plain syscall with a static string.
    let fd = unsafe { libc::syscall(libc::SYS_fsopen, c"overlay".as_ptr(), FSOPEN_CLOEXEC) };
    if fd < 0 {
        return Err(err(io::Error::last_os_error(), " (fsopen)".into()));
    }
    // SAFETY: fsopen returned a new fd that nothing else owns.
    let fs = unsafe { OwnedFd::from_raw_fd(fd as i32) };
    let configure = || -> io::Result<()> {
        for l in lowers {
            // "lowerdir+" appends one layer below the previous ones, no escaping needed.
            fsconfig_string(&fs, c"lowerdir+", l)?;
        }
        if let Some(u) = upper {
            fsconfig_string(&fs, c"upperdir", &u.upper)?;
            fsconfig_string(&fs, c"workdir", &u.work)?;
        }
        let volatile = upper.is_some_and(|u| u.volatile);
        for (cmd, key) in [
            (FSCONFIG_SET_FLAG, Some(c"userxattr")),
            (FSCONFIG_SET_FLAG, volatile.then_some(c"volatile")),
            (FSCONFIG_CMD_CREATE, None),
        ] {
            if cmd == FSCONFIG_SET_FLAG && key.is_none() {
                continue;
            }
            let key = key.map_or(std::ptr::null(), CStr::as_ptr);
            // SAFETY: valid fd; key is NULL or a static C string.
            let r = unsafe {
                libc::syscall(
                    libc::SYS_fsconfig,
                    fs.as_raw_fd(),
                    cmd,
                    key,
                    std::ptr::null::<libc::c_char>(),
                    0,
                )
            };
            if r < 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(())
    };
    configure().map_err(|e| err(e, format!(" (fsconfig{})", fs_context_messages(&fs))))?;

    let attrs = if upper.is_none() {
        MOUNT_ATTR_RDONLY
    } else {
        0
    };
    // SAFETY: valid fs context fd.
    let m = unsafe { libc::syscall(libc::SYS_fsmount, fs.as_raw_fd(), FSMOUNT_CLOEXEC, attrs) };
    if m < 0 {
        return Err(err(io::Error::last_os_error(), " (fsmount)".into()));
    }
    // SAFETY: fsmount returned a new fd that nothing else owns.
    let mnt = unsafe { OwnedFd::from_raw_fd(m as i32) };
    let target_c = cstring(target.as_os_str()).map_err(|e| err(e, String::new()))?;
    // SAFETY: valid fds and NUL-terminated strings.
    let r = unsafe {
        libc::syscall(
            libc::SYS_move_mount,
            mnt.as_raw_fd(),
            c"".as_ptr(),
            libc::AT_FDCWD,
            target_c.as_ptr(),
            MOVE_MOUNT_F_EMPTY_PATH,
        )
    };
    if r < 0 {
        return Err(err(io::Error::last_os_error(), " (move_mount)".into()));
    }
    Ok(())
}

/// Read-only bind mount. Inside a user namespace a remount must keep the flags the
/// parent mount locked (nosuid, nodev, ...), so they are copied from the source.
fn bind_readonly(src: &Path, target: &Path) -> io::Result<()> {
    nix::mount::mount(
        Some(src),
        target,
        None::<&str>,
        MsFlags::MS_BIND,
        None::<&str>,
    )?;
    let locked = nix::sys::statvfs::statvfs(src).map(|s| s.flags())?;
    use nix::sys::statvfs::FsFlags;
    let mut flags = MsFlags::MS_BIND | MsFlags::MS_REMOUNT | MsFlags::MS_RDONLY;
    for (st, ms) in [
        (FsFlags::ST_NOSUID, MsFlags::MS_NOSUID),
        (FsFlags::ST_NODEV, MsFlags::MS_NODEV),
        (FsFlags::ST_NOEXEC, MsFlags::MS_NOEXEC),
        (FsFlags::ST_NOATIME, MsFlags::MS_NOATIME),
        (FsFlags::ST_NODIRATIME, MsFlags::MS_NODIRATIME),
        (FsFlags::ST_RELATIME, MsFlags::MS_RELATIME),
    ] {
        if locked.contains(st) {
            flags |= ms;
        }
    }
    if let Err(e) = nix::mount::mount(None::<&str>, target, None::<&str>, flags, None::<&str>) {
        // Never leave a writable view of an image layer behind.
        let _ = nix::mount::umount2(target, MntFlags::MNT_DETACH);
        return Err(e.into());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// fuse-overlayfs

/// fuse-overlayfs splits its options on ',' and ':' without any escaping.
fn fuse_path(p: &Path) -> Result<String, DriverError> {
    let s = p.to_string_lossy();
    if s.contains([',', ':']) {
        return Err(DriverError::UnsupportedPath(p.to_path_buf()));
    }
    Ok(s.into_owned())
}

pub fn fuse_options(lowers: &[PathBuf], upper: Option<&UpperDirs>) -> Result<String, DriverError> {
    let lower = lowers
        .iter()
        .map(|l| fuse_path(l))
        .collect::<Result<Vec<_>, _>>()?
        .join(":");
    let mut opts = format!("lowerdir={lower}");
    if let Some(u) = upper {
        opts.push_str(&format!(
            ",upperdir={},workdir={}",
            fuse_path(&u.upper)?,
            fuse_path(&u.work)?
        ));
    }
    Ok(opts)
}

fn mount_fuse(
    program: &Path,
    lowers: &[PathBuf],
    upper: Option<&UpperDirs>,
    target: &Path,
) -> Result<(), DriverError> {
    let opts = fuse_options(lowers, upper)?;
    let err = |source: io::Error, detail: String| DriverError::Mount {
        driver: "fuse-overlayfs",
        target: target.to_path_buf(),
        source,
        detail,
    };
    // A file, not a pipe: the daemonized child may hold stderr open long after the
    // foreground process has exited, and we must not wait for it.
    let mut errfile = tempfile::tempfile().map_err(|e| err(e, String::new()))?;
    let stderr = errfile.try_clone().map_err(|e| err(e, String::new()))?;
    let status = Command::new(program)
        .arg("-o")
        .arg(&opts)
        .arg(target)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .status()
        .map_err(|e| err(e, format!(" (running {})", program.display())))?;
    if status.success() {
        return Ok(());
    }
    let mut msg = String::new();
    use std::io::Seek;
    let _ = errfile.seek(io::SeekFrom::Start(0));
    let _ = errfile.read_to_string(&mut msg);
    Err(err(
        io::Error::other(format!("{} exited with {status}", program.display())),
        format!(": {}", msg.trim().replace('\n', "; ")),
    ))
}

// ---------------------------------------------------------------------------------------
// detection

fn kernel_release() -> String {
    nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Picks the best driver that works here, caching the answer in `scratch/driver-probe`.
/// `scratch` must be on the filesystem that will hold layers and upper dirs, because
/// overlay support depends on it.
pub fn detect_default(scratch: &Path) -> Driver {
    detect_default_cached(scratch, &scratch.join(PROBE_CACHE_FILE))
}

/// As `detect_default`, with the cache file chosen by the caller (e.g. in the runtime
/// dir, so a reboot, which may bring a new kernel, probes again).
pub fn detect_default_cached(scratch: &Path, cache: &Path) -> Driver {
    let kernel = kernel_release();
    if let Some(d) = fs::read_to_string(cache)
        .ok()
        .and_then(|c| parse_probe_cache(&c, &kernel))
    {
        return d;
    }
    let driver = probe_best(scratch);
    let _ = write_probe_cache(cache, &kernel, &driver);
    driver
}

fn probe_best(scratch: &Path) -> Driver {
    if probe(&Driver::Overlay, scratch).is_ok() {
        return Driver::Overlay;
    }
    let fuse = Driver::FuseOverlayfs {
        program: PathBuf::from(DEFAULT_FUSE_OVERLAYFS),
    };
    if Path::new(DEFAULT_FUSE_OVERLAYFS).exists() && probe(&fuse, scratch).is_ok() {
        return fuse;
    }
    Driver::Vfs
}

/// Cache line: `v1 <kernel release> <driver name> [program]`. The kernel release is part
/// of the key because overlay features depend on it.
fn format_probe_cache(kernel: &str, driver: &Driver) -> String {
    match driver {
        Driver::FuseOverlayfs { program } => format!(
            "v1 {kernel} {} {}\n",
            driver.name(),
            program.to_string_lossy()
        ),
        _ => format!("v1 {kernel} {}\n", driver.name()),
    }
}

fn parse_probe_cache(content: &str, kernel: &str) -> Option<Driver> {
    let mut parts = content.trim_end_matches('\n').splitn(4, ' ');
    if parts.next()? != "v1" || parts.next()? != kernel {
        return None;
    }
    let name = parts.next()?;
    let program = parts.next().map(Path::new);
    Driver::from_name(name, program).ok()
}

fn write_probe_cache(cache: &Path, kernel: &str, driver: &Driver) -> io::Result<()> {
    // Write-then-rename so a concurrent reader never sees half a line.
    let dir = cache.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    io::Write::write_all(&mut tmp, format_probe_cache(kernel, driver).as_bytes())?;
    tmp.persist(cache).map_err(|e| e.error)?;
    Ok(())
}

/// Mounts a tiny two-layer overlay with a whiteout and an opaque dir in `scratch` and
/// checks the merged view; Ok means the driver handles cove's layer format here.
pub fn probe(driver: &Driver, scratch: &Path) -> Result<(), DriverError> {
    fs::create_dir_all(scratch).map_err(io_err("creating", scratch))?;
    let dir = tempfile::Builder::new()
        .prefix("probe-")
        .tempdir_in(scratch)
        .map_err(io_err("creating temp dir in", scratch))?;
    let d = dir.path();
    let p = |s: &str| d.join(s);
    let mk = |s: &str| fs::create_dir_all(p(s)).map_err(io_err("creating", d));
    for s in ["l1/d", "l2/d", "u", "w", "m"] {
        mk(s)?;
    }
    let write = |s: &str| fs::write(p(s), s).map_err(io_err("writing", d));
    write("l1/gone")?;
    write("l1/d/old")?;
    write("l2/d/new")?;
    make_whiteout(&p("l2/gone")).map_err(io_err("mknod whiteout", d))?;
    set_xattr(&p("l2/d"), OPAQUE_XATTR, b"y").map_err(io_err("setxattr", d))?;
    let upper = UpperDirs {
        upper: p("u"),
        work: p("w"),
        volatile: false,
    };
    driver.mount(&[p("l1"), p("l2")], Some(&upper), &p("m"))?;
    let check = || -> Result<(), String> {
        let m = p("m");
        if m.join("gone").symlink_metadata().is_ok() {
            return Err("whiteout not honoured".into());
        }
        if m.join("d/old").symlink_metadata().is_ok() {
            return Err("opaque directory not honoured".into());
        }
        if m.join("d/new").symlink_metadata().is_err() {
            return Err("upper layer content missing".into());
        }
        fs::write(m.join("written"), b"x").map_err(|e| format!("merged dir not writable: {e}"))
    };
    let res = check();
    let unmounted = driver.unmount(&p("m"));
    res.map_err(|e| DriverError::Probe(format!("{}: {e}", driver.name())))?;
    unmounted
}

// ---------------------------------------------------------------------------------------
// mount table

/// Decodes the octal escapes (`\040` for space, ...) the kernel uses in mountinfo.
fn unescape_mountinfo(field: &str) -> PathBuf {
    let b = field.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            out.push((b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0'));
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    PathBuf::from(OsStr::from_bytes(&out))
}

/// Mount points (field 5) listed in a /proc/self/mountinfo text.
pub fn mount_points(mountinfo: &str) -> Vec<PathBuf> {
    mountinfo
        .lines()
        .filter_map(|l| l.split(' ').nth(4))
        .map(unescape_mountinfo)
        .collect()
}

/// Whether `target` is listed as a mount point in `mountinfo`.
pub fn mountinfo_has(mountinfo: &str, target: &Path) -> bool {
    mount_points(mountinfo).iter().any(|m| m == target)
}

/// Whether something is mounted on `target`, per /proc/self/mountinfo.
pub fn is_mounted(target: &Path) -> bool {
    let Ok(info) = fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    let target = fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
    mountinfo_has(&info, &target)
}

// ---------------------------------------------------------------------------------------
// vfs

fn make_whiteout(path: &Path) -> io::Result<()> {
    nix::sys::stat::mknod(path, SFlag::S_IFCHR, Mode::empty(), 0)?;
    Ok(())
}

fn is_whiteout(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_char_device() && meta.rdev() == 0
}

fn path_c(path: &Path) -> io::Result<CString> {
    cstring(path.as_os_str())
}

/// Reads one xattr without following symlinks; None when absent.
pub fn get_xattr(path: &Path, name: &str) -> io::Result<Option<Vec<u8>>> {
    let p = path_c(path)?;
    let n = cstring(OsStr::new(name))?;
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: valid C strings; buf valid for its length.
        let r =
            unsafe { libc::lgetxattr(p.as_ptr(), n.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if let Ok(len) = usize::try_from(r) {
            buf.truncate(len);
            return Ok(Some(buf));
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::ENODATA) | Some(libc::ENOTSUP) => return Ok(None),
            Some(libc::ERANGE) if buf.len() < 1 << 20 => buf.resize(buf.len() * 4, 0),
            _ => return Err(e),
        }
    }
}

pub fn set_xattr(path: &Path, name: &str, value: &[u8]) -> io::Result<()> {
    let p = path_c(path)?;
    let n = cstring(OsStr::new(name))?;
    // SAFETY: valid C strings; value valid for its length.
    let r = unsafe {
        libc::lsetxattr(
            p.as_ptr(),
            n.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            0,
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn list_xattrs(path: &Path) -> io::Result<Vec<Vec<u8>>> {
    let p = path_c(path)?;
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: valid C string; buf valid for its length.
        let r = unsafe { libc::llistxattr(p.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if let Ok(len) = usize::try_from(r) {
            return Ok(buf[..len]
                .split(|b| *b == 0)
                .filter(|n| !n.is_empty())
                .map(<[u8]>::to_vec)
                .collect());
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::ENOTSUP) => return Ok(Vec::new()),
            Some(libc::ERANGE) if buf.len() < 1 << 20 => buf.resize(buf.len() * 4, 0),
            _ => return Err(e),
        }
    }
}

fn is_opaque(dir: &Path) -> io::Result<bool> {
    Ok(get_xattr(dir, OPAQUE_XATTR)?.as_deref() == Some(b"y"))
}

fn remove_any(path: &Path) -> Result<(), DriverError> {
    let res = match path.symlink_metadata() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => Err(e),
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
    };
    res.map_err(io_err("removing", path))
}

fn clear_dir(dir: &Path) -> Result<(), DriverError> {
    for entry in fs::read_dir(dir).map_err(io_err("reading", dir))? {
        let entry = entry.map_err(io_err("reading", dir))?;
        remove_any(&entry.path())?;
    }
    Ok(())
}

/// Copies ownership, mode, xattrs (minus overlay's own) and times from `src` to `dst`.
/// Order matters: chown clears setuid bits and file capabilities, so it goes first.
fn copy_metadata(src: &Path, meta: &fs::Metadata, dst: &Path) -> Result<(), DriverError> {
    nix::unistd::fchownat(
        nix::fcntl::AT_FDCWD,
        dst,
        Some(Uid::from_raw(meta.uid())),
        Some(Gid::from_raw(meta.gid())),
        FchownatFlags::AT_SYMLINK_NOFOLLOW,
    )
    .map_err(|e| io_err("chown", dst)(e.into()))?;
    let is_link = meta.file_type().is_symlink();
    if !is_link {
        fs::set_permissions(dst, fs::Permissions::from_mode(meta.mode() & 0o7777))
            .map_err(io_err("chmod", dst))?;
    }
    for name in list_xattrs(src).map_err(io_err("listing xattrs of", src))? {
        if name.starts_with(OVERLAY_XATTR_PREFIX) {
            continue;
        }
        let name = String::from_utf8_lossy(&name).into_owned();
        let Some(value) = get_xattr(src, &name).map_err(io_err("reading xattrs of", src))? else {
            continue;
        };
        // trusted.* (outside init userns) and user.* on symlinks are refused by the
        // kernel; the copy stays useful without them, so skip rather than fail.
        if let Err(e) = set_xattr(dst, &name, &value) {
            if !matches!(
                e.raw_os_error(),
                Some(libc::EPERM) | Some(libc::ENOTSUP) | Some(libc::EACCES)
            ) {
                return Err(io_err("setting xattrs on", dst)(e));
            }
        }
    }
    let atime = TimeSpec::new(meta.atime(), meta.atime_nsec());
    let mtime = TimeSpec::new(meta.mtime(), meta.mtime_nsec());
    nix::sys::stat::utimensat(
        nix::fcntl::AT_FDCWD,
        dst,
        &atime,
        &mtime,
        UtimensatFlags::NoFollowSymlink,
    )
    .map_err(|e| io_err("setting times of", dst)(e.into()))?;
    Ok(())
}

/// Copies one layer onto the tree built so far, applying its whiteouts and opaque dirs.
struct LayerCopy {
    /// (dev, ino) of multiply-linked source files -> their first copy, to relink.
    links: HashMap<(u64, u64), PathBuf>,
}

impl LayerCopy {
    fn copy_dir(&mut self, src_dir: &Path, dst_dir: &Path) -> Result<(), DriverError> {
        for entry in fs::read_dir(src_dir).map_err(io_err("reading", src_dir))? {
            let entry = entry.map_err(io_err("reading", src_dir))?;
            let src = entry.path();
            let dst = dst_dir.join(entry.file_name());
            let meta = src.symlink_metadata().map_err(io_err("stat", &src))?;
            if is_whiteout(&meta) {
                remove_any(&dst)?;
                continue;
            }
            if meta.is_dir() {
                // A real directory (never a symlink) at dst keeps every later join inside
                // the target.
                match dst.symlink_metadata() {
                    Ok(m) if m.is_dir() => {
                        if is_opaque(&src).map_err(io_err("reading xattrs of", &src))? {
                            clear_dir(&dst)?;
                        }
                    }
                    other => {
                        if other.is_ok() {
                            remove_any(&dst)?;
                        }
                        fs::create_dir(&dst).map_err(io_err("creating", &dst))?;
                    }
                }
                self.copy_dir(&src, &dst)?;
                // After the children, whose creation bumps the directory's mtime.
                copy_metadata(&src, &meta, &dst)?;
                continue;
            }
            remove_any(&dst)?;
            self.copy_leaf(&src, &meta, &dst)?;
        }
        Ok(())
    }

    fn copy_leaf(
        &mut self,
        src: &Path,
        meta: &fs::Metadata,
        dst: &Path,
    ) -> Result<(), DriverError> {
        let ft = meta.file_type();
        if ft.is_file() {
            let key = (meta.dev(), meta.ino());
            if meta.nlink() > 1 {
                if let Some(first) = self.links.get(&key) {
                    return fs::hard_link(first, dst).map_err(io_err("linking", dst));
                }
            }
            fs::copy(src, dst).map_err(io_err("copying", src))?;
            if meta.nlink() > 1 {
                self.links.insert(key, dst.to_path_buf());
            }
        } else if ft.is_symlink() {
            let to = fs::read_link(src).map_err(io_err("reading link", src))?;
            std::os::unix::fs::symlink(&to, dst).map_err(io_err("creating symlink", dst))?;
        } else {
            // Devices, fifos, sockets: recreate the node itself.
            let kind = SFlag::from_bits_truncate(meta.mode() & libc::S_IFMT);
            nix::sys::stat::mknod(dst, kind, Mode::empty(), meta.rdev())
                .map_err(|e| io_err("mknod", dst)(e.into()))?;
        }
        copy_metadata(src, meta, dst)
    }
}

/// Fills `target` with the merged layers unless it already has content (a previous call
/// populated it; vfs has no mount state to restore).
fn vfs_populate(layers: &[PathBuf], target: &Path) -> Result<(), DriverError> {
    fs::create_dir_all(target).map_err(io_err("creating", target))?;
    if fs::read_dir(target)
        .map_err(io_err("reading", target))?
        .next()
        .is_some()
    {
        return Ok(());
    }
    for layer in layers {
        let mut copy = LayerCopy {
            links: HashMap::new(),
        };
        copy.copy_dir(layer, target)?;
        // The root takes the top layer's owner and mode, as the overlay root would.
        let meta = layer.symlink_metadata().map_err(io_err("stat", layer))?;
        copy_metadata(layer, &meta, target)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(Driver::from_name("overlay", None).unwrap(), Driver::Overlay);
        assert_eq!(
            Driver::from_name("overlay2", None).unwrap(),
            Driver::Overlay
        );
        assert_eq!(Driver::from_name("vfs", None).unwrap(), Driver::Vfs);
        assert_eq!(
            Driver::from_name("overlay", Some(Path::new("/opt/fo"))).unwrap(),
            Driver::FuseOverlayfs {
                program: "/opt/fo".into()
            }
        );
        assert_eq!(
            Driver::from_name("fuse-overlayfs", None).unwrap(),
            Driver::FuseOverlayfs {
                program: DEFAULT_FUSE_OVERLAYFS.into()
            }
        );
        assert!(matches!(
            Driver::from_name("btrfs", None),
            Err(DriverError::UnknownDriver(_))
        ));
        for n in ["overlay", "fuse-overlayfs", "vfs"] {
            assert_eq!(Driver::from_name(n, None).unwrap().name(), n);
        }
    }

    #[test]
    fn options_top_first_and_escaped() {
        let lowers = top_first(&["/l/a".into(), "/l/b,c:d".into()]).unwrap();
        let up = UpperDirs {
            upper: "/u".into(),
            work: "/w".into(),
            volatile: false,
        };
        assert_eq!(
            overlay_options(&lowers, Some(&up)),
            r"lowerdir=/l/b\,c\:d:/l/a,upperdir=/u,workdir=/w,userxattr"
        );
        assert_eq!(
            overlay_options(&lowers[..1], None),
            r"lowerdir=/l/b\,c\:d,userxattr"
        );
        assert!(fuse_options(&lowers, None).is_err());
        assert_eq!(
            fuse_options(&lowers[1..], Some(&up)).unwrap(),
            "lowerdir=/l/a,upperdir=/u,workdir=/w"
        );
    }

    #[test]
    fn plan_by_length() {
        let lowers: Vec<PathBuf> = ["/store/layers/aaaa", "/store/layers/bbbb"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let up = UpperDirs {
            upper: "/store/c/u".into(),
            work: "/store/c/w".into(),
            volatile: false,
        };
        assert!(matches!(
            plan_overlay(&lowers, Some(&up), 4095),
            OverlayPlan::Direct(_)
        ));
        assert_eq!(
            plan_overlay(&lowers, Some(&up), 70),
            OverlayPlan::Relative {
                base: "/store".into(),
                opts: "lowerdir=layers/aaaa:layers/bbbb,upperdir=c/u,workdir=c/w,userxattr".into()
            }
        );
        assert_eq!(plan_overlay(&lowers, Some(&up), 20), OverlayPlan::Fsconfig);
        // A layer that is the common parent itself becomes ".".
        let nested = [PathBuf::from("/s/a"), PathBuf::from("/s")];
        assert_eq!(
            plan_overlay(&nested, None, 25),
            OverlayPlan::Relative {
                base: "/s".into(),
                opts: "lowerdir=a:.,userxattr".into()
            }
        );
    }

    #[test]
    fn common_parent_of_paths() {
        let ps = [
            Path::new("/s/layers/a/diff"),
            Path::new("/s/layers/b/diff"),
            Path::new("/s/c/u"),
        ];
        assert_eq!(common_parent(ps), PathBuf::from("/s"));
        assert_eq!(
            common_parent([Path::new("/x/a"), Path::new("/y")]),
            PathBuf::from("/")
        );
        assert_eq!(common_parent([Path::new("/x/a")]), PathBuf::from("/x"));
    }

    #[test]
    fn mountinfo_parser() {
        let info = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda rw\n\
                    95 22 0:50 / /tmp/my\\040dir rw - overlay overlay rw,lowerdir=/a:/b\n\
                    96 22 0:51 / /tmp/back\\134slash rw - tmpfs tmpfs rw\n";
        assert_eq!(
            mount_points(info),
            vec![
                PathBuf::from("/"),
                PathBuf::from("/tmp/my dir"),
                PathBuf::from("/tmp/back\\slash")
            ]
        );
        assert!(mountinfo_has(info, Path::new("/tmp/my dir")));
        assert!(!mountinfo_has(info, Path::new("/tmp/my")));
        assert!(!mountinfo_has(info, Path::new("/tmp")));
    }

    #[test]
    fn probe_cache_roundtrip() {
        let fuse = Driver::FuseOverlayfs {
            program: "/usr/bin/fuse-overlayfs".into(),
        };
        for d in [Driver::Overlay, Driver::Vfs, fuse] {
            let c = format_probe_cache("6.1.0", &d);
            assert_eq!(parse_probe_cache(&c, "6.1.0"), Some(d));
            assert_eq!(parse_probe_cache(&c, "6.2.0"), None);
        }
        assert_eq!(parse_probe_cache("garbage", "6.1.0"), None);
    }

    #[test]
    fn probe_cache_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        fs::write(&cache, format_probe_cache(&kernel_release(), &Driver::Vfs)).unwrap();
        // A cached answer wins without probing (the probe would pick overlay as root).
        assert_eq!(detect_default_cached(dir.path(), &cache), Driver::Vfs);
    }

    // ---- tests that mount: need (namespaced) root ----

    fn is_root() -> bool {
        if nix::unistd::geteuid().is_root() {
            return true;
        }
        eprintln!("skipped: needs root");
        false
    }

    fn fuse_usable() -> bool {
        let ok = Path::new(DEFAULT_FUSE_OVERLAYFS).exists()
            && nix::unistd::access("/dev/fuse", nix::unistd::AccessFlags::W_OK).is_ok();
        if !ok {
            eprintln!("skipped: fuse-overlayfs or /dev/fuse not usable");
        }
        ok
    }

    /// Unmounts on drop so a failed assertion does not leak a mount.
    struct Mounted<'a>(&'a Driver, PathBuf);
    impl Drop for Mounted<'_> {
        fn drop(&mut self) {
            let _ = self.0.unmount(&self.1);
        }
    }

    /// Two layers: the top one deletes `gone` and `gonedir`, makes `opq` opaque, replaces
    /// `file`, and adds to `plain`.
    fn build_layers(root: &Path) -> Vec<PathBuf> {
        let l1 = root.join("l1");
        let l2 = root.join("l2");
        for d in [
            "l1/opq/sub",
            "l1/plain",
            "l1/gonedir/x",
            "l2/opq",
            "l2/plain",
        ] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        fs::write(l1.join("file"), "bottom").unwrap();
        fs::write(l1.join("gone"), "gone").unwrap();
        fs::write(l1.join("opq/old"), "old").unwrap();
        fs::write(l1.join("opq/sub/deep"), "deep").unwrap();
        fs::write(l1.join("plain/a"), "a").unwrap();
        fs::write(l1.join("hl1"), "linked").unwrap();
        fs::hard_link(l1.join("hl1"), l1.join("hl2")).unwrap();
        std::os::unix::fs::symlink("file", l1.join("link")).unwrap();
        fs::set_permissions(l1.join("plain/a"), fs::Permissions::from_mode(0o640)).unwrap();
        set_xattr(&l1.join("plain/a"), "user.test", b"kept").unwrap();
        // Fails in a namespace that maps only uid 0; the check compares with the source.
        let _ = nix::unistd::chown(
            &l1.join("plain/a"),
            Some(Uid::from_raw(1000)),
            Some(Gid::from_raw(1000)),
        );
        let t = TimeSpec::new(1_000_000_000, 0);
        nix::sys::stat::utimensat(
            nix::fcntl::AT_FDCWD,
            &l1.join("plain/a"),
            &t,
            &t,
            UtimensatFlags::NoFollowSymlink,
        )
        .unwrap();

        fs::write(l2.join("file"), "top").unwrap();
        make_whiteout(&l2.join("gone")).unwrap();
        make_whiteout(&l2.join("gonedir")).unwrap();
        set_xattr(&l2.join("opq"), OPAQUE_XATTR, b"y").unwrap();
        fs::write(l2.join("opq/new"), "new").unwrap();
        fs::write(l2.join("plain/b"), "b").unwrap();
        vec![l1, l2]
    }

    fn check_merged(m: &Path, layers: &[PathBuf]) {
        let read = |p: &str| fs::read_to_string(m.join(p)).unwrap();
        assert_eq!(read("file"), "top");
        assert!(m.join("gone").symlink_metadata().is_err(), "whiteout");
        assert!(
            m.join("gonedir").symlink_metadata().is_err(),
            "dir whiteout"
        );
        assert!(m.join("opq/old").symlink_metadata().is_err(), "opaque");
        assert!(m.join("opq/sub").symlink_metadata().is_err(), "opaque");
        assert_eq!(read("opq/new"), "new");
        assert_eq!(read("plain/a"), "a");
        assert_eq!(read("plain/b"), "b");
        assert_eq!(read("link"), "top");
        assert_eq!(fs::read_link(m.join("link")).unwrap(), Path::new("file"));
        let a = m.join("plain/a").symlink_metadata().unwrap();
        assert_eq!(a.mode() & 0o7777, 0o640);
        assert_eq!(a.mtime(), 1_000_000_000);
        let src = layers[0].join("plain/a").symlink_metadata().unwrap();
        assert_eq!((a.uid(), a.gid()), (src.uid(), src.gid()));
        assert_eq!(
            get_xattr(&m.join("plain/a"), "user.test").unwrap().unwrap(),
            b"kept"
        );
        let h1 = m.join("hl1").symlink_metadata().unwrap();
        let h2 = m.join("hl2").symlink_metadata().unwrap();
        assert_eq!(h1.ino(), h2.ino(), "hardlink kept");
    }

    fn mount_and_check(driver: &Driver) {
        let dir = tempfile::tempdir().unwrap();
        let layers = build_layers(dir.path());
        let up = UpperDirs {
            upper: dir.path().join("u"),
            work: dir.path().join("w"),
            volatile: false,
        };
        let m = dir.path().join("m");
        for d in [&up.upper, &up.work, &m] {
            fs::create_dir(d).unwrap();
        }
        driver.mount(&layers, Some(&up), &m).unwrap();
        {
            let _g = Mounted(driver, m.clone());
            if driver.uses_upper() {
                assert!(is_mounted(&m));
            }
            check_merged(&m, &layers);
            fs::write(m.join("written"), "w").unwrap();
            if driver.uses_upper() {
                assert_eq!(fs::read_to_string(up.upper.join("written")).unwrap(), "w");
            }
        }
        driver.unmount(&m).unwrap();
        assert!(!is_mounted(&m));

        // Read-only view with no upper.
        let ro = dir.path().join("ro");
        fs::create_dir(&ro).unwrap();
        driver.mount(&layers, None, &ro).unwrap();
        let _g = Mounted(driver, ro.clone());
        check_merged(&ro, &layers);
        if driver.uses_upper() {
            assert!(fs::write(ro.join("x"), "x").is_err(), "read-only view");
        }
    }

    #[test]
    fn overlay_merges_layers() {
        if is_root() {
            mount_and_check(&Driver::Overlay);
        }
    }

    #[test]
    fn fuse_overlayfs_merges_layers() {
        if is_root() && fuse_usable() {
            mount_and_check(&Driver::from_name("fuse-overlayfs", None).unwrap());
        }
    }

    #[test]
    fn vfs_merges_layers() {
        if is_root() {
            mount_and_check(&Driver::Vfs);
        }
    }

    #[test]
    fn probe_finds_overlay_and_caches_it() {
        if !is_root() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        probe(&Driver::Overlay, dir.path()).unwrap();
        probe(&Driver::Vfs, dir.path()).unwrap();
        assert_eq!(detect_default(dir.path()), Driver::Overlay);
        let cached = fs::read_to_string(dir.path().join(PROBE_CACHE_FILE)).unwrap();
        assert_eq!(
            parse_probe_cache(&cached, &kernel_release()),
            Some(Driver::Overlay)
        );
        // Only the cache file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn vfs_replaces_dir_with_file_and_back() {
        if !is_root() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let (l1, l2, m) = (
            dir.path().join("l1"),
            dir.path().join("l2"),
            dir.path().join("m"),
        );
        fs::create_dir_all(l1.join("a/b")).unwrap();
        fs::write(l1.join("f"), "f").unwrap();
        fs::create_dir_all(l2.join("f")).unwrap();
        fs::write(l2.join("a"), "now a file").unwrap();
        Driver::Vfs.mount(&[l1, l2], None, &m).unwrap();
        assert!(m.join("f").is_dir());
        assert_eq!(fs::read_to_string(m.join("a")).unwrap(), "now a file");
    }

    #[test]
    fn overlay_single_layer_read_only() {
        if !is_root() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let l = dir.path().join("l");
        let m = dir.path().join("m");
        fs::create_dir_all(&l).unwrap();
        fs::create_dir_all(&m).unwrap();
        fs::write(l.join("f"), "one").unwrap();
        Driver::Overlay
            .mount(std::slice::from_ref(&l), None, &m)
            .unwrap();
        let _g = Mounted(&Driver::Overlay, m.clone());
        assert_eq!(fs::read_to_string(m.join("f")).unwrap(), "one");
        assert!(fs::write(m.join("g"), "x").is_err());
        assert!(!l.join("g").exists());
    }

    /// Builds `n` layers under long directory names, each adding one file and the top one
    /// replacing the bottom file, then checks the merged view.
    fn many_layers(name_len: usize, n: usize, _relative: bool) {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("store,with:odd");
        let layers: Vec<PathBuf> = (0..n)
            .map(|i| {
                let l = base.join(format!("{i:04}{}", "x".repeat(name_len)));
                fs::create_dir_all(&l).unwrap();
                fs::write(l.join(format!("f{i}")), "x").unwrap();
                fs::write(l.join("top"), i.to_string()).unwrap();
                l
            })
            .collect();
        let up = UpperDirs {
            upper: base.join("u"),
            work: base.join("w"),
            volatile: false,
        };
        let m = dir.path().join("m");
        for d in [&up.upper, &up.work, &m] {
            fs::create_dir(d).unwrap();
        }
        Driver::Overlay.mount(&layers, Some(&up), &m).unwrap();
        let _g = Mounted(&Driver::Overlay, m.clone());
        assert_eq!(
            fs::read_to_string(m.join("top")).unwrap(),
            (n - 1).to_string()
        );
        for i in 0..n {
            assert!(m.join(format!("f{i}")).exists());
        }
        fs::write(m.join("new"), "n").unwrap();
        assert!(up.upper.join("new").exists());
    }

    #[test]
    fn overlay_long_lowerdir_uses_relative_paths() {
        if is_root() {
            // 60 layers of 44-char names: too long absolute, fits relative.
            many_layers(40, 60, true);
        }
    }

    #[test]
    fn overlay_very_long_lowerdir_uses_fsconfig() {
        if is_root() {
            // 60 layers of ~100-char names: too long even relative.
            many_layers(100, 60, false);
        }
    }
}
