//! Native overlayfs: the mount options, and the three ways to pass long lower-dir lists
//! (absolute paths, paths relative to a common parent, the fsconfig API).

use std::ffi::{CStr, CString, OsStr};
use std::fs;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use nix::mount::{MntFlags, MsFlags};

use super::{DriverError, UpperDirs};

// The new mount API (linux/mount.h); libc exposes the syscall numbers but not these.
pub(super) const FSOPEN_CLOEXEC: libc::c_uint = 1;
pub(super) const FSCONFIG_SET_FLAG: libc::c_uint = 0;
pub(super) const FSCONFIG_SET_STRING: libc::c_uint = 1;
pub(super) const FSCONFIG_CMD_CREATE: libc::c_uint = 6;
pub(super) const FSMOUNT_CLOEXEC: libc::c_uint = 1;
pub(super) const MOUNT_ATTR_RDONLY: libc::c_uint = 1;
pub(super) const MOVE_MOUNT_F_EMPTY_PATH: libc::c_uint = 4;

/// Overlay's legacy mount options separate layers with ':' and options with ',';
/// a backslash escapes either (and itself).
pub(super) fn escape_overlay_path(p: &Path) -> String {
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
pub(super) fn mount_data_limit() -> usize {
    // SAFETY: sysconf has no memory-safety preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(page).unwrap_or(4096).saturating_sub(1)
}

/// Longest directory that is an ancestor of every path (all absolute).
pub(super) fn common_parent<'a>(paths: impl IntoIterator<Item = &'a Path>) -> PathBuf {
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

pub(super) fn overlay_err(target: &Path, source: io::Error, detail: String) -> DriverError {
    DriverError::Mount {
        driver: "overlay",
        target: target.to_path_buf(),
        source,
        detail,
    }
}

pub(super) fn mount_overlay(
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

pub(super) fn mount_overlay_plan(
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
pub(super) enum OverlayPlan {
    /// Absolute paths fit.
    Direct(String),
    /// Paths relative to `base`, mounted from there (containers-storage does the same).
    Relative { base: PathBuf, opts: String },
    /// Too long even so: the new mount API takes one layer per call (kernel >= 6.8).
    Fsconfig,
}

pub(super) fn plan_overlay(
    lowers: &[PathBuf],
    upper: Option<&UpperDirs>,
    limit: usize,
) -> OverlayPlan {
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
pub(super) fn mount_relative(
    base: &Path,
    opts: &str,
    target: &Path,
    flags: MsFlags,
) -> io::Result<()> {
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

pub(super) fn cstring(p: &OsStr) -> io::Result<CString> {
    CString::new(p.as_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

pub(super) fn fsconfig_string(fd: &OwnedFd, key: &CStr, value: &Path) -> io::Result<()> {
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
pub(super) fn fs_context_messages(fd: &OwnedFd) -> String {
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

pub(super) fn mount_overlay_fsconfig(
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
pub(super) fn bind_readonly(src: &Path, target: &Path) -> io::Result<()> {
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
