//! Thin, safe wrappers over the few syscalls the shim needs.
//!
//! The shim talks to libc directly instead of through nix/rustix: it uses a couple of dozen
//! calls, and keeping the binary tiny matters because it is exec'd for every container and
//! stays resident for the container's whole life.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;

mod net;
pub use net::*;

/// Turns a `-1`-on-error return into an `io::Result`.
fn cvt(ret: libc::c_int) -> io::Result<libc::c_int> {
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret)
    }
}

fn cvt_ssize(ret: libc::ssize_t) -> io::Result<usize> {
    if ret < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret as usize)
    }
}

pub enum Fork {
    Parent,
    Child,
}

/// fork(2). Only called while the shim is single-threaded (before anything spawns threads),
/// which is what makes continuing to run Rust code in the child sound.
pub fn fork() -> io::Result<Fork> {
    // SAFETY: the shim never starts threads, so the child's address space is consistent.
    let pid = cvt(unsafe { libc::fork() })?;
    Ok(if pid == 0 { Fork::Child } else { Fork::Parent })
}

/// Leaves without running atexit handlers or flushing stdio buffers inherited from the parent.
pub fn exit_now(code: i32) -> ! {
    // SAFETY: _exit has no preconditions.
    unsafe { libc::_exit(code) }
}

pub fn setsid() -> io::Result<()> {
    // SAFETY: no pointers involved.
    cvt(unsafe { libc::setsid() }).map(drop)
}

pub fn set_child_subreaper() -> io::Result<()> {
    // SAFETY: PR_SET_CHILD_SUBREAPER takes a plain integer argument.
    cvt(unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1 as libc::c_ulong, 0, 0, 0) }).map(drop)
}

pub fn ignore_signal(sig: libc::c_int) -> io::Result<()> {
    // SAFETY: installing SIG_IGN runs no code of ours in signal context.
    if unsafe { libc::signal(sig, libc::SIG_IGN) } == libc::SIG_ERR {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Restores default dispositions and an empty mask; async-signal-safe, for `pre_exec`.
/// Ignored dispositions survive execve, so without this the container (through the runtime)
/// would inherit our ignored SIGTERM/SIGINT/SIGHUP and be unkillable by `stop`.
pub fn reset_signals_for_exec() -> io::Result<()> {
    for sig in [
        libc::SIGTERM,
        libc::SIGINT,
        libc::SIGHUP,
        libc::SIGPIPE,
        libc::SIGCHLD,
    ] {
        // SAFETY: signal() is async-signal-safe and SIG_DFL runs no code.
        unsafe { libc::signal(sig, libc::SIG_DFL) };
    }
    // SAFETY: the set lives on our stack for the duration of the calls.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
    }
    Ok(())
}

/// Blocks SIGCHLD and returns a signalfd delivering it, so child exits are handled in the
/// poll loop instead of in a signal handler.
pub fn sigchld_fd() -> io::Result<OwnedFd> {
    // SAFETY: the set is initialised by sigemptyset before use; signalfd returns a new fd.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGCHLD);
        cvt(libc::sigprocmask(
            libc::SIG_BLOCK,
            &set,
            std::ptr::null_mut(),
        ))?;
        let fd = cvt(libc::signalfd(
            -1,
            &set,
            libc::SFD_CLOEXEC | libc::SFD_NONBLOCK,
        ))?;
        Ok(OwnedFd::from_raw_fd(fd))
    }
}

/// Empties the signalfd; the siginfo contents do not matter because we reap with waitpid(-1).
pub fn drain_signalfd(fd: &OwnedFd) {
    let mut buf = [0u8; std::mem::size_of::<libc::signalfd_siginfo>() * 4];
    while let Ok(n) = read(fd.as_raw_fd(), &mut buf) {
        if n == 0 {
            break;
        }
    }
}

pub fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: fds has room for the two descriptors pipe2 writes.
    cvt(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    // SAFETY: both descriptors were just created and are owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

pub fn set_nonblocking(fd: RawFd) -> io::Result<()> {
    set_nonblocking_to(fd, true)
}

pub fn is_nonblocking(fd: RawFd) -> io::Result<bool> {
    // SAFETY: F_GETFL takes no argument.
    let flags = cvt(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    Ok(flags & libc::O_NONBLOCK != 0)
}

/// O_NONBLOCK on or off: a file status flag, shared by every duplicate of the descriptor.
pub fn set_nonblocking_to(fd: RawFd, on: bool) -> io::Result<()> {
    // SAFETY: F_GETFL/F_SETFL take integer arguments only.
    unsafe {
        let flags = cvt(libc::fcntl(fd, libc::F_GETFL))?;
        let want = if on {
            flags | libc::O_NONBLOCK
        } else {
            flags & !libc::O_NONBLOCK
        };
        if want != flags {
            cvt(libc::fcntl(fd, libc::F_SETFL, want))?;
        }
    }
    Ok(())
}

/// Whether a descriptor is still open.
pub fn is_open(fd: RawFd) -> bool {
    // SAFETY: F_GETFD only inspects the descriptor table.
    unsafe { libc::fcntl(fd, libc::F_GETFD) >= 0 }
}

pub fn set_cloexec(fd: RawFd) -> io::Result<()> {
    // SAFETY: F_SETFD takes an integer argument.
    cvt(unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) }).map(drop)
}

/// Lets `fd` pass exec (in a child before exec: async-signal-safe).
pub fn clear_cloexec(fd: RawFd) -> io::Result<()> {
    // SAFETY: F_SETFD takes an integer argument.
    cvt(unsafe { libc::fcntl(fd, libc::F_SETFD, 0) }).map(drop)
}

/// Marks every descriptor from `first` up as close-on-exec, so fds leaked by whoever spawned
/// us (the CLI, a test harness) never reach the runtime, the container or the exit command.
pub fn cloexec_from(first: RawFd) {
    // SAFETY: close_range with CLOSE_RANGE_CLOEXEC only changes descriptor flags.
    let ret = unsafe {
        libc::syscall(
            libc::SYS_close_range,
            first as libc::c_uint,
            libc::c_uint::MAX,
            libc::CLOSE_RANGE_CLOEXEC,
        )
    };
    if ret != 0 {
        // Old kernels lack close_range: fall back to walking /proc/self/fd.
        if let Ok(dir) = std::fs::read_dir("/proc/self/fd") {
            let fds: Vec<RawFd> = dir
                .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect();
            for fd in fds.into_iter().filter(|&fd| fd >= first) {
                let _ = set_cloexec(fd);
            }
        }
    }
}

/// Moves `fd` to number `target`, used to put /dev/null and our log on fds 0-2.
pub fn dup2(fd: RawFd, target: RawFd) -> io::Result<()> {
    // SAFETY: plain descriptor numbers.
    cvt(unsafe { libc::dup2(fd, target) }).map(drop)
}

/// Duplicates `fd` to a number >= `min` (close-on-exec).
pub fn dup_above(fd: RawFd, min: RawFd) -> io::Result<OwnedFd> {
    // SAFETY: F_DUPFD_CLOEXEC returns a fresh descriptor we take ownership of.
    let new = cvt(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, min) })?;
    // SAFETY: `new` is a descriptor nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(new) })
}

pub fn read(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    // SAFETY: buf is valid for buf.len() bytes.
    cvt_ssize(unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) })
}

pub fn write(fd: RawFd, buf: &[u8]) -> io::Result<usize> {
    // SAFETY: buf is valid for buf.len() bytes.
    cvt_ssize(unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) })
}

/// Writes everything, retrying on EINTR; for blocking descriptors (sync pipe).
pub fn write_all(fd: RawFd, mut buf: &[u8]) -> io::Result<()> {
    while !buf.is_empty() {
        match write(fd, buf) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => buf = &buf[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// A pollfd waiting for `fd` to be readable.
pub fn pollin(fd: RawFd) -> libc::pollfd {
    libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }
}

pub fn poll(fds: &mut [libc::pollfd], timeout_ms: i32) -> io::Result<usize> {
    // SAFETY: fds is a valid array of pollfd of the given length.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
    cvt(n).map(|n| n as usize)
}

pub enum WaitStatus {
    /// Nothing (more) to reap right now.
    None,
    Exited(libc::pid_t, i32),
    Signaled(libc::pid_t, i32),
}

/// One waitpid call; stopped/continued reports are not requested, so only deaths come back.
pub fn waitpid(pid: libc::pid_t, nohang: bool) -> io::Result<WaitStatus> {
    let mut status = 0;
    let flags = if nohang { libc::WNOHANG } else { 0 };
    loop {
        // SAFETY: status is a valid out pointer.
        let ret = unsafe { libc::waitpid(pid, &mut status, flags) };
        if ret == -1 {
            let err = io::Error::last_os_error();
            if err.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(err);
        }
        if ret == 0 {
            return Ok(WaitStatus::None);
        }
        return Ok(if libc::WIFEXITED(status) {
            WaitStatus::Exited(ret, libc::WEXITSTATUS(status))
        } else if libc::WIFSIGNALED(status) {
            WaitStatus::Signaled(ret, libc::WTERMSIG(status))
        } else {
            // Not requested (no WUNTRACED/WCONTINUED); treat as nothing to report.
            WaitStatus::None
        });
    }
}

/// A pidfd becomes readable when the process dies even if it is not our child, which covers
/// runtimes whose init is not reparented to us.
pub fn pidfd_open(pid: libc::pid_t) -> io::Result<OwnedFd> {
    pidfd_open_with(pid, 0)
}

/// pidfd_open(2): a pidfd for a thread, not only a thread-group leader (Linux 6.9).
const PIDFD_THREAD: libc::c_uint = libc::O_EXCL as libc::c_uint;

/// A pidfd for thread `tid`; before Linux 6.9 only a thread-group leader has one.
pub fn pidfd_open_thread(tid: libc::pid_t) -> io::Result<OwnedFd> {
    pidfd_open_with(tid, PIDFD_THREAD).or_else(|_| pidfd_open_with(tid, 0))
}

fn pidfd_open_with(pid: libc::pid_t, flags: libc::c_uint) -> io::Result<OwnedFd> {
    // SAFETY: pidfd_open takes integers and returns a new descriptor.
    let ret = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) };
    if ret < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a fresh descriptor owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(ret as RawFd) })
}

/// A duplicate of descriptor `fd` of the process behind `pidfd` (pidfd_getfd(2)).
pub fn pidfd_getfd(pidfd: &OwnedFd, fd: RawFd) -> io::Result<OwnedFd> {
    // SAFETY: pidfd_getfd takes integers; the result is a new descriptor of ours.
    let ret = unsafe { libc::syscall(libc::SYS_pidfd_getfd, pidfd.as_raw_fd(), fd, 0) };
    if ret < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a fresh descriptor owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(ret as RawFd) })
}

/// Fills `buf` from address `addr` of process `pid` (process_vm_readv(2)); the number of
/// bytes read. The kernel checks the address against that process's mappings.
pub fn read_process_memory(pid: libc::pid_t, addr: u64, buf: &mut [u8]) -> io::Result<usize> {
    let remote_base =
        usize::try_from(addr).map_err(|_| io::Error::from_raw_os_error(libc::EFAULT))?;
    let local = libc::iovec {
        iov_base: buf.as_mut_ptr().cast(),
        iov_len: buf.len(),
    };
    let remote = libc::iovec {
        iov_base: remote_base as *mut libc::c_void,
        iov_len: buf.len(),
    };
    // SAFETY: `local` describes our own buffer; the remote side is only read by the
    // kernel, which checks it against the other process's mappings.
    cvt_ssize(unsafe { libc::process_vm_readv(pid, &local, 1, &remote, 1, 0) })
}

/// Moves the calling thread into the namespace `ns` (setns(2)), of type `nstype`
/// (CLONE_NEWNET...); other threads stay where they are.
pub fn setns(ns: &OwnedFd, nstype: libc::c_int) -> io::Result<()> {
    // SAFETY: setns takes a descriptor and a flag.
    cvt(unsafe { libc::setns(ns.as_raw_fd(), nstype) }).map(drop)
}

/// A non-blocking eventfd: a counter threads wake each other with.
pub fn eventfd() -> io::Result<OwnedFd> {
    // SAFETY: eventfd(2); the result is checked.
    let fd = cvt(unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) })?;
    // SAFETY: a fresh descriptor owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Adds one to an eventfd's counter: it becomes readable.
pub fn eventfd_signal(fd: &OwnedFd) -> io::Result<()> {
    match write(fd.as_raw_fd(), &1u64.to_ne_bytes())? {
        8 => Ok(()),
        _ => Err(io::ErrorKind::WriteZero.into()),
    }
}

/// Resets an eventfd's counter (nothing to do when it is zero already).
pub fn eventfd_drain(fd: &OwnedFd) {
    let mut n = [0u8; 8];
    let _ = read(fd.as_raw_fd(), &mut n);
}

/// SECCOMP_IOCTL_NOTIF_ADDFD with SECCOMP_ADDFD_FLAG_SETFD: in the process whose pending
/// notification `id` came from `notify`, descriptor `target` becomes a duplicate of our
/// `src` (its old file is closed, as by dup2). libseccomp 2.5 has no wrapper for it.
pub fn notif_addfd(
    notify: RawFd,
    id: u64,
    src: RawFd,
    target: RawFd,
    cloexec: bool,
) -> io::Result<()> {
    let req = libc::seccomp_notif_addfd {
        id,
        flags: libc::SECCOMP_ADDFD_FLAG_SETFD as u32,
        srcfd: src as u32,
        newfd: target as u32,
        newfd_flags: if cloexec { libc::O_CLOEXEC as u32 } else { 0 },
    };
    // SAFETY: the ioctl reads one seccomp_notif_addfd, which lives across the call.
    cvt(unsafe { libc::ioctl(notify, libc::SECCOMP_IOCTL_NOTIF_ADDFD, &req) }).map(drop)
}

pub fn umask(mask: libc::mode_t) -> libc::mode_t {
    // SAFETY: umask cannot fail.
    unsafe { libc::umask(mask) }
}

/// Builds a sockaddr_un for `path` (relative paths resolve against the cwd, which is how we
/// sidestep the 108-byte sun_path limit for long state directories).
fn sockaddr_un(path: &Path) -> io::Result<(libc::sockaddr_un, libc::socklen_t)> {
    use std::os::unix::ffi::OsStrExt;
    // SAFETY: an all-zero sockaddr_un is a valid (empty) address.
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    let bytes = path.as_os_str().as_bytes();
    if bytes.len() >= addr.sun_path.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("socket path too long: {}", path.display()),
        ));
    }
    for (dst, src) in addr.sun_path.iter_mut().zip(bytes) {
        *dst = *src as libc::c_char;
    }
    let len = std::mem::size_of::<libc::sa_family_t>() + bytes.len() + 1;
    Ok((addr, len as libc::socklen_t))
}

/// Creates a listening unix socket of `kind` at `path` with mode 0600.
pub fn listen_unix(path: &Path, kind: libc::c_int) -> io::Result<OwnedFd> {
    let _ = std::fs::remove_file(path);
    // SAFETY: socket() returns a new descriptor we own.
    let fd = cvt(unsafe { libc::socket(libc::AF_UNIX, kind | libc::SOCK_CLOEXEC, 0) })?;
    // SAFETY: fd is fresh and owned by nobody else.
    let sock = unsafe { OwnedFd::from_raw_fd(fd) };
    let (addr, len) = sockaddr_un(path)?;
    // bind creates the inode with the umask applied; a restrictive umask avoids a window in
    // which other users could connect before a chmod.
    let old = umask(0o177);
    // SAFETY: addr/len describe a valid sockaddr_un.
    let ret = unsafe { libc::bind(fd, (&addr as *const libc::sockaddr_un).cast(), len) };
    umask(old);
    cvt(ret)?;
    // SAFETY: plain integers.
    cvt(unsafe { libc::listen(fd, 64) })?;
    Ok(sock)
}

pub fn accept(fd: RawFd) -> io::Result<OwnedFd> {
    // SAFETY: we do not want the peer address, so null pointers are allowed.
    let c = cvt(unsafe {
        libc::accept4(
            fd,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
        )
    })?;
    // SAFETY: a fresh descriptor.
    Ok(unsafe { OwnedFd::from_raw_fd(c) })
}

#[cfg(test)]
pub fn connect_unix(path: &Path, kind: libc::c_int) -> io::Result<OwnedFd> {
    // SAFETY: socket() returns a new descriptor we own.
    let fd = cvt(unsafe { libc::socket(libc::AF_UNIX, kind | libc::SOCK_CLOEXEC, 0) })?;
    // SAFETY: fd is fresh.
    let sock = unsafe { OwnedFd::from_raw_fd(fd) };
    let (addr, len) = sockaddr_un(path)?;
    // SAFETY: addr/len describe a valid sockaddr_un.
    cvt(unsafe { libc::connect(fd, (&addr as *const libc::sockaddr_un).cast(), len) })?;
    Ok(sock)
}

pub fn recv(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    // SAFETY: buf is valid for buf.len() bytes.
    cvt_ssize(unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), libc::MSG_DONTWAIT) })
}

/// Non-blocking send; MSG_NOSIGNAL because a vanished client must not kill us (belt and
/// braces: SIGPIPE is ignored as well).
pub fn send(fd: RawFd, buf: &[u8]) -> io::Result<usize> {
    // SAFETY: buf is valid for buf.len() bytes.
    cvt_ssize(unsafe {
        libc::send(
            fd,
            buf.as_ptr().cast(),
            buf.len(),
            libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL,
        )
    })
}

/// Receives one message carrying a descriptor (SCM_RIGHTS), as runtimes send the pty master.
pub fn recv_fd(fd: RawFd) -> io::Result<OwnedFd> {
    let mut data = [0u8; 4096];
    let mut iov = libc::iovec {
        iov_base: data.as_mut_ptr().cast(),
        iov_len: data.len(),
    };
    // Room for a handful of fds; we keep the first and close any extras.
    let mut cmsg_buf = [0u64; 16];
    // SAFETY: an all-zero msghdr is valid; we fill the pointers below.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cmsg_buf.as_mut_ptr().cast();
    msg.msg_controllen = std::mem::size_of_val(&cmsg_buf) as _;
    // SAFETY: msg points at buffers that outlive the call.
    cvt_ssize(unsafe { libc::recvmsg(fd, &mut msg, libc::MSG_CMSG_CLOEXEC) })?;
    let mut found: Option<OwnedFd> = None;
    // SAFETY: the CMSG_* macros walk the control buffer the kernel filled in.
    unsafe {
        let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
        while !cmsg.is_null() {
            if (*cmsg).cmsg_level == libc::SOL_SOCKET && (*cmsg).cmsg_type == libc::SCM_RIGHTS {
                let payload = (*cmsg).cmsg_len as usize - libc::CMSG_LEN(0) as usize;
                let n = payload / std::mem::size_of::<RawFd>();
                let p = libc::CMSG_DATA(cmsg) as *const RawFd;
                for i in 0..n {
                    let raw = std::ptr::read_unaligned(p.add(i));
                    let owned = OwnedFd::from_raw_fd(raw);
                    if found.is_none() {
                        found = Some(owned);
                    }
                }
            }
            cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
        }
    }
    found.ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "console socket message carried no file descriptor",
        )
    })
}

pub fn set_winsize(fd: RawFd, rows: u16, cols: u16) -> io::Result<()> {
    let ws = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ reads a winsize from the pointer we pass.
    cvt(unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &ws) }).map(drop)
}

pub fn getpid() -> libc::pid_t {
    // SAFETY: getpid cannot fail.
    unsafe { libc::getpid() }
}

/// MADV_DONTNEED over an address range taken from /proc/self/maps; failures are harmless
/// (the pages simply stay resident), so they are ignored.
pub fn madvise_dontneed(addr: usize, len: usize) {
    // SAFETY: callers pass only read+exec private file mappings, whose contents are
    // re-read from the file on the next access, so no data can be lost.
    unsafe {
        libc::madvise(addr as *mut libc::c_void, len, libc::MADV_DONTNEED);
    }
}

/// Returns free heap memory to the kernel (glibc keeps it cached otherwise).
pub fn malloc_trim() {
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim only walks allocator state.
    unsafe {
        libc::malloc_trim(0);
    }
}
