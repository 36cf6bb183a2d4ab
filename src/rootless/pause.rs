//! The pause process: a detached process that sleeps forever so the per-user user and
//! mount namespaces outlive every cove command. Its pid lives in `RUNTIME/pause.pid`.

use std::ffi::CStr;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use nix::errno::Errno;
use nix::fcntl::{openat, OFlag};
use nix::sys::stat::Mode as FileMode;
use nix::sys::wait::waitpid;
use nix::unistd::{fork, pipe2, ForkResult};

use super::newidmap;
use super::subid::SubidRange;
use super::RootlessError;

/// What the pause process calls itself (comm), so a reused pid is not mistaken for it.
pub const PAUSE_NAME: &str = "cove-pause";

/// Namespace handles of a validated pause process. Holding the fds pins the namespaces,
/// so the process dying after validation cannot make us join something else.
pub struct PauseNs {
    pub pid: i32,
    pub user: OwnedFd,
    pub mnt: OwnedFd,
}

/// Read the pid file; anything unreadable or malformed counts as "no pause".
pub fn read_pid_file(path: &Path) -> Option<i32> {
    std::fs::read_to_string(path)
        .ok()?
        .trim()
        .parse()
        .ok()
        .filter(|p| *p > 0)
}

/// Replace the pid file atomically so a concurrent reader sees the old or the new pid.
pub fn write_pid_file(path: &Path, pid: i32) -> io::Result<()> {
    let tmp = path.with_extension(format!("pid.tmp-{}", std::process::id()));
    let mut f = File::create(&tmp)?;
    f.write_all(format!("{pid}\n").as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// Open the namespaces of `pid` if it is our pause process: named `cove-pause`, running
/// as `uid`, in a user namespace other than `own_userns` (the one we are in now).
/// Everything is opened relative to one /proc/PID directory fd: if the pid dies and is
/// reused in between, the lookups fail instead of reaching the new process.
pub fn open(pid: i32, uid: u32, own_userns: u64) -> Option<PauseNs> {
    open_checked(pid, uid, |user_ino| user_ino != own_userns)
}

/// Like `open`, for root's pause process: it holds only a mount namespace, so it runs
/// as uid 0 in our own user namespace (which also tells it apart from a rootless one).
pub fn open_rootful(pid: i32, own_userns: u64) -> Option<PauseNs> {
    open_checked(pid, 0, |user_ino| user_ino == own_userns)
}

fn open_checked(pid: i32, uid: u32, userns_ok: impl Fn(u64) -> bool) -> Option<PauseNs> {
    let dir = File::open(format!("/proc/{pid}")).ok()?;
    if dir.metadata().ok()?.uid() != uid {
        return None;
    }
    let at = |name: &str, flags: OFlag| {
        openat(&dir, name, flags | OFlag::O_CLOEXEC, FileMode::empty()).ok()
    };
    let mut comm = String::new();
    File::from(at("comm", OFlag::O_RDONLY)?)
        .read_to_string(&mut comm)
        .ok()?;
    if comm.trim_end() != PAUSE_NAME {
        return None;
    }
    let user = at("ns/user", OFlag::O_RDONLY)?;
    let mnt = at("ns/mnt", OFlag::O_RDONLY)?;
    let user_ino = File::from(user.try_clone().ok()?).metadata().ok()?.ino();
    userns_ok(user_ino).then_some(PauseNs { pid, user, mnt })
}

// Steps reported by the pause process over the status pipe: (step, value). For STEP_OK
// the value is a pid (first message) or 0; otherwise it is an errno.
const STEP_OK: i32 = 0;
const STEP_UNSHARE: i32 = 1;
const STEP_MOUNT: i32 = 2;
const STEP_FORK: i32 = 3;

/// Who the pause process is for. A rootless user's pause gets a new user namespace as
/// well, mapped with newuidmap/newgidmap from the user's subordinate ranges; root's gets
/// only a mount namespace.
pub enum Owner<'a> {
    User {
        uid: u32,
        gid: u32,
        uid_ranges: &'a [SubidRange],
        gid_ranges: &'a [SubidRange],
    },
    Root,
}

/// Create a pause process in new namespaces (see `Owner`), map it if it has a user
/// namespace and wait until it is ready. Returns its pid.
///
/// The pause is a grandchild: the intermediate child calls setsid, forks and exits at
/// once, so the pause is reparented to init (or a subreaper) and never lingers as a
/// zombie of a long-running cove.
pub fn spawn(owner: Owner) -> Result<i32, RootlessError> {
    let io_err = |context: &str| {
        let context = context.to_string();
        move |e: Errno| RootlessError::Io {
            context,
            source: io::Error::from(e),
        }
    };
    // Pause -> parent status, parent -> pause "mapped" go-ahead.
    let (status_r, status_w) = pipe2(OFlag::O_CLOEXEC).map_err(io_err("pipe"))?;
    let (go_r, go_w) = pipe2(OFlag::O_CLOEXEC).map_err(io_err("pipe"))?;
    let name = c"cove-pause";
    let userns = matches!(owner, Owner::User { .. });
    let flags = if userns {
        libc::CLONE_NEWUSER | libc::CLONE_NEWNS
    } else {
        libc::CLONE_NEWNS
    };

    // SAFETY: the child only makes raw syscalls before _exit or pause(); it never
    // returns into Rust code that could rely on other threads' state.
    match unsafe { fork() }.map_err(io_err("fork"))? {
        ForkResult::Child => {
            let (status_w, go_r) = (status_w.as_raw_fd(), go_r.as_raw_fd());
            // SAFETY: plain syscalls on fds this process owns.
            unsafe {
                libc::close(status_r.as_raw_fd());
                libc::close(go_w.as_raw_fd());
                libc::setsid();
                match libc::fork() {
                    0 => pause_main(status_w, go_r, name, flags),
                    -1 => {
                        send(status_w, STEP_FORK, errno());
                        libc::_exit(1)
                    }
                    _ => libc::_exit(0),
                }
            }
        }
        ForkResult::Parent { child } => {
            drop(status_w);
            drop(go_r);
            // The intermediate child exits right after forking; reap it.
            let _ = waitpid(child, None);
            let mut status = File::from(status_r);
            let mut go = File::from(go_w);
            let pid = match recv(&mut status)? {
                (STEP_OK, pid) => pid,
                (step, e) => return Err(step_error(step, e, userns)),
            };
            // On any mapping failure, dropping `go` unblocks the pause with EOF and it
            // exits by itself.
            if let Owner::User {
                uid,
                gid,
                uid_ranges,
                gid_ranges,
            } = owner
            {
                newidmap::run("newuidmap", &newidmap::map_args(pid, uid, uid_ranges))?;
                newidmap::run("newgidmap", &newidmap::map_args(pid, gid, gid_ranges))?;
            }
            go.write_all(&[1]).map_err(|source| RootlessError::Io {
                context: "cannot signal the pause process".into(),
                source,
            })?;
            match recv(&mut status)? {
                (STEP_OK, _) => Ok(pid),
                (step, e) => Err(step_error(step, e, userns)),
            }
        }
    }
}

fn step_error(step: i32, errno: i32, userns: bool) -> RootlessError {
    let source = Errno::from_raw(errno);
    match step {
        STEP_UNSHARE if userns => RootlessError::UsernsDisabled { source },
        STEP_UNSHARE => RootlessError::Io {
            context: "pause process: cannot create a mount namespace".into(),
            source: source.into(),
        },
        STEP_MOUNT => RootlessError::Io {
            context: "pause process: cannot make its mounts slaves of the host".into(),
            source: source.into(),
        },
        _ => RootlessError::Io {
            context: "pause process: fork".into(),
            source: source.into(),
        },
    }
}

/// Read one (step, value) message; EOF means the pause process died.
fn recv(status: &mut File) -> Result<(i32, i32), RootlessError> {
    let mut buf = [0u8; 8];
    status
        .read_exact(&mut buf)
        .map_err(|source| RootlessError::Io {
            context: "pause process exited during setup".into(),
            source,
        })?;
    let (a, b) = buf.split_at(4);
    let word = |s: &[u8]| i32::from_ne_bytes([s[0], s[1], s[2], s[3]]);
    Ok((word(a), word(b)))
}

fn errno() -> i32 {
    Errno::last_raw()
}

/// Write a message with one write(2): 8 bytes are below PIPE_BUF, hence atomic.
fn send(fd: RawFd, step: i32, value: i32) {
    let mut buf = [0u8; 8];
    buf[..4].copy_from_slice(&step.to_ne_bytes());
    buf[4..].copy_from_slice(&value.to_ne_bytes());
    // SAFETY: writing a stack buffer to an fd we own.
    unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
}

/// The pause process itself, after the double fork. Only raw syscalls: no allocation,
/// no locks, since the parent may in principle have had other threads.
unsafe fn pause_main(status_w: RawFd, go_r: RawFd, name: &CStr, flags: libc::c_int) -> ! {
    if libc::unshare(flags) != 0 {
        send(status_w, STEP_UNSHARE, errno());
        libc::_exit(1);
    }
    send(status_w, STEP_OK, libc::getpid());
    let mut go = 0u8;
    if libc::read(go_r, (&raw mut go).cast(), 1) != 1 {
        // The parent could not map us and gave up.
        libc::_exit(1);
    }
    // Slaves of the host, recursively: mounts made on the host later (USB drives,
    // automounts) still show up in here, while nothing mounted or unmounted in here, by
    // cove or by anything it starts, ever propagates out. In a new user namespace the
    // kernel already made the copies slaves; root's copies of a shared `/` (systemd's
    // default) are still peers of the host's until this call, and nothing is mounted
    // before it.
    if libc::mount(
        c"none".as_ptr(),
        c"/".as_ptr(),
        std::ptr::null(),
        libc::MS_REC | libc::MS_SLAVE,
        std::ptr::null(),
    ) != 0
    {
        send(status_w, STEP_MOUNT, errno());
        libc::_exit(1);
    }
    libc::chdir(c"/".as_ptr());
    let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
    if null >= 0 {
        for fd in 0..3 {
            libc::dup2(null, fd);
        }
    }
    libc::prctl(libc::PR_SET_NAME, name.as_ptr(), 0, 0, 0);
    let mut empty: libc::sigset_t = std::mem::zeroed();
    libc::sigemptyset(&mut empty);
    libc::sigprocmask(libc::SIG_SETMASK, &empty, std::ptr::null_mut());
    // Close everything inherited (notably the parent's pause.lock fd, which would keep
    // the flock held for as long as we live) before reporting ready on fd 3.
    libc::dup2(status_w, 3);
    close_from(4);
    send(3, STEP_OK, 0);
    libc::close(3);
    loop {
        libc::pause();
    }
}

unsafe fn close_from(first: libc::c_uint) {
    if libc::syscall(libc::SYS_close_range, first, libc::c_uint::MAX, 0) != 0 {
        // Kernels before 5.9: close a generous fixed range instead.
        for fd in first..4096 {
            libc::close(fd as libc::c_int);
        }
    }
}
