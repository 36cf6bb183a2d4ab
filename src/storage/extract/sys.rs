//! Thin wrappers over the syscalls, so the extractor reads as the policy it is.

use std::ffi::{CStr, CString};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

fn cvt(r: libc::c_int) -> io::Result<()> {
    if r == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

fn fd_result(r: libc::c_long) -> io::Result<OwnedFd> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        // SAFETY: the kernel just returned this fd to us and nothing else owns it.
        Ok(unsafe { OwnedFd::from_raw_fd(r as RawFd) })
    }
}

pub fn open_dir_path(path: &Path) -> io::Result<OwnedFd> {
    let c = CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: c is a valid NUL-terminated string.
    let r = unsafe {
        libc::open(
            c.as_ptr(),
            libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC,
        )
    };
    fd_result(r.into())
}

/// openat2 with chroot-like resolution: `..` and absolute symlinks stop at
/// `root`, magic links (/proc/self/fd/...) are refused.
pub fn openat2_in_root(root: RawFd, path: &CStr, flags: libc::c_int) -> io::Result<OwnedFd> {
    // SAFETY: open_how is plain data; all-zero is its documented default.
    let mut how: libc::open_how = unsafe { std::mem::zeroed() };
    how.flags = (flags | libc::O_CLOEXEC) as u64;
    how.resolve = libc::RESOLVE_IN_ROOT | libc::RESOLVE_NO_MAGICLINKS;
    // EAGAIN means a rename elsewhere raced the lookup; the kernel asks us to retry.
    for _ in 0..64 {
        // SAFETY: valid pointers to a C string and an open_how of the given size.
        let r = unsafe {
            libc::syscall(
                libc::SYS_openat2,
                root,
                path.as_ptr(),
                &how as *const libc::open_how,
                std::mem::size_of::<libc::open_how>(),
            )
        };
        match fd_result(r) {
            Err(e) if matches!(e.raw_os_error(), Some(libc::EAGAIN | libc::EINTR)) => continue,
            r => return r,
        }
    }
    Err(io::Error::from_raw_os_error(libc::EAGAIN))
}

pub fn openat(
    dir: RawFd,
    name: &CStr,
    flags: libc::c_int,
    mode: libc::mode_t,
) -> io::Result<OwnedFd> {
    // SAFETY: valid C string; the fd is owned by the caller.
    let r = unsafe { libc::openat(dir, name.as_ptr(), flags | libc::O_CLOEXEC, mode) };
    fd_result(r.into())
}

pub fn mkdirat(dir: RawFd, name: &CStr, mode: libc::mode_t) -> io::Result<()> {
    // SAFETY: valid C string.
    cvt(unsafe { libc::mkdirat(dir, name.as_ptr(), mode) })
}

pub fn symlinkat(target: &CStr, dir: RawFd, name: &CStr) -> io::Result<()> {
    // SAFETY: valid C strings.
    cvt(unsafe { libc::symlinkat(target.as_ptr(), dir, name.as_ptr()) })
}

pub fn linkat(odir: RawFd, oname: &CStr, ndir: RawFd, nname: &CStr) -> io::Result<()> {
    // SAFETY: valid C strings; flags 0 = do not follow a symlink at oname.
    cvt(unsafe { libc::linkat(odir, oname.as_ptr(), ndir, nname.as_ptr(), 0) })
}

pub fn mknodat(dir: RawFd, name: &CStr, mode: libc::mode_t, dev: libc::dev_t) -> io::Result<()> {
    // SAFETY: valid C string.
    cvt(unsafe { libc::mknodat(dir, name.as_ptr(), mode, dev) })
}

pub fn unlinkat(dir: RawFd, name: &CStr, flags: libc::c_int) -> io::Result<()> {
    // SAFETY: valid C string.
    cvt(unsafe { libc::unlinkat(dir, name.as_ptr(), flags) })
}

fn ids(uid: u64, gid: u64) -> io::Result<(libc::uid_t, libc::gid_t)> {
    match (libc::uid_t::try_from(uid), libc::gid_t::try_from(gid)) {
        // (uid_t)-1 means "leave unchanged" to chown; never pass it through.
        (Ok(u), Ok(g)) if u != libc::uid_t::MAX && g != libc::gid_t::MAX => Ok((u, g)),
        _ => Err(io::Error::from_raw_os_error(libc::EOVERFLOW)),
    }
}

pub fn fchown(fd: RawFd, uid: u64, gid: u64) -> io::Result<()> {
    let (u, g) = ids(uid, gid)?;
    // SAFETY: plain syscall on an fd we own.
    cvt(unsafe { libc::fchown(fd, u, g) })
}

pub fn fchownat_nofollow(dir: RawFd, name: &CStr, uid: u64, gid: u64) -> io::Result<()> {
    let (u, g) = ids(uid, gid)?;
    // SAFETY: valid C string.
    cvt(unsafe { libc::fchownat(dir, name.as_ptr(), u, g, libc::AT_SYMLINK_NOFOLLOW) })
}

/// chown of the inode an O_PATH fd refers to.
pub fn fchown_path_fd(fd: RawFd, uid: u64, gid: u64) -> io::Result<()> {
    let (u, g) = ids(uid, gid)?;
    // SAFETY: empty C string with AT_EMPTY_PATH targets fd itself.
    cvt(unsafe { libc::fchownat(fd, c"".as_ptr(), u, g, libc::AT_EMPTY_PATH) })
}

pub fn fchmod(fd: RawFd, mode: u32) -> io::Result<()> {
    // SAFETY: plain syscall.
    cvt(unsafe { libc::fchmod(fd, mode as libc::mode_t) })
}

pub fn fchmodat_nofollow(dir: RawFd, name: &CStr, mode: u32) -> io::Result<()> {
    // SAFETY: valid C string.
    cvt(unsafe {
        libc::fchmodat(
            dir,
            name.as_ptr(),
            mode as libc::mode_t,
            libc::AT_SYMLINK_NOFOLLOW,
        )
    })
}

pub fn futimens(fd: RawFd, mtime: &libc::timespec) -> io::Result<()> {
    let ts = [*mtime, *mtime];
    // SAFETY: ts is an array of two timespecs as required.
    cvt(unsafe { libc::futimens(fd, ts.as_ptr()) })
}

pub fn utimensat_nofollow(dir: RawFd, name: &CStr, mtime: &libc::timespec) -> io::Result<()> {
    let ts = [*mtime, *mtime];
    // SAFETY: valid C string and two timespecs.
    cvt(unsafe { libc::utimensat(dir, name.as_ptr(), ts.as_ptr(), libc::AT_SYMLINK_NOFOLLOW) })
}

/// File type bits and permissions of `name`, not following a symlink.
pub fn fstatat_mode(dir: RawFd, name: &CStr) -> io::Result<libc::mode_t> {
    // SAFETY: stat is plain data filled in by the kernel.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: valid C string and stat buffer.
    cvt(unsafe { libc::fstatat(dir, name.as_ptr(), &mut st, libc::AT_SYMLINK_NOFOLLOW) })?;
    Ok(st.st_mode)
}

pub fn fsetxattr(fd: RawFd, name: &CStr, value: &[u8]) -> io::Result<()> {
    // SAFETY: valid C string and buffer.
    cvt(unsafe { libc::fsetxattr(fd, name.as_ptr(), value.as_ptr().cast(), value.len(), 0) })
}

/// Sets an xattr on `dir` itself (`name` None) or on `dir/name` without
/// following a symlink at `name`. Goes through /proc/self/fd because the
/// directory fds here are O_PATH, which fsetxattr does not accept.
pub fn setxattr_via_proc(
    dir: RawFd,
    name: Option<&CStr>,
    xname: &CStr,
    value: &[u8],
) -> io::Result<()> {
    let mut p = format!("/proc/self/fd/{dir}").into_bytes();
    if let Some(n) = name {
        p.push(b'/');
        p.extend_from_slice(n.to_bytes());
    }
    let p = CString::new(p)?;
    let v = value.as_ptr().cast();
    // SAFETY: valid C strings and buffer.
    cvt(unsafe {
        match name {
            // The magic link must be followed to reach the directory.
            None => libc::setxattr(p.as_ptr(), xname.as_ptr(), v, value.len(), 0),
            Some(_) => libc::lsetxattr(p.as_ptr(), xname.as_ptr(), v, value.len(), 0),
        }
    })
}

/// Removes `dir/name` whatever it is (a directory recursively); absent is fine.
/// Never follows symlinks: a symlink is removed, not its target.
pub fn remove_all(dir: RawFd, name: &CStr) -> io::Result<()> {
    match unlinkat(dir, name, 0) {
        Ok(()) => return Ok(()),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(()),
        Err(e) if e.raw_os_error() == Some(libc::EISDIR) => {}
        Err(e) => return Err(e),
    }
    let sub = openat(
        dir,
        name,
        libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW,
        0,
    )?;
    let names = list_dir(&sub)?;
    for n in names {
        remove_all(sub.as_raw_fd(), &n)?;
    }
    unlinkat(dir, name, libc::AT_REMOVEDIR)
}

fn list_dir(dir: &OwnedFd) -> io::Result<Vec<CString>> {
    let dup = dir.try_clone()?;
    let mut d = nix::dir::Dir::from_fd(dup).map_err(io::Error::from)?;
    let mut out = Vec::new();
    for ent in d.iter() {
        let ent = ent.map_err(io::Error::from)?;
        let n = ent.file_name();
        if n != c"." && n != c".." {
            out.push(n.to_owned());
        }
    }
    Ok(out)
}
