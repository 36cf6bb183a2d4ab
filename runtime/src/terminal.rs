//! `process.terminal`: a pty made inside the container (its own devpts instance), the
//! slave as the process's controlling terminal, the master sent to `--console-socket`
//! with SCM_RIGHTS, as runc does.

use std::io::IoSlice;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use nix::sys::socket::{sendmsg, ControlMessage, MsgFlags};

/// Open a new pty pair from the container's /dev/ptmx.
pub fn open_pty() -> nix::Result<(OwnedFd, OwnedFd)> {
    let master = nix::pty::posix_openpt(nix::fcntl::OFlag::O_RDWR | nix::fcntl::OFlag::O_NOCTTY)?;
    nix::pty::grantpt(&master)?;
    nix::pty::unlockpt(&master)?;
    let name = nix::pty::ptsname_r(&master)?;
    let slave = nix::fcntl::open(
        name.as_str(),
        nix::fcntl::OFlag::O_RDWR | nix::fcntl::OFlag::O_NOCTTY,
        nix::sys::stat::Mode::empty(),
    )?;
    // SAFETY: posix_openpt returned a descriptor that PtyMaster owns; we take it over.
    let master_fd = unsafe { OwnedFd::from_raw_fd(nix::libc::dup(master.as_raw_fd())) };
    Ok((master_fd, slave))
}

pub fn send_master(socket: RawFd, master: &OwnedFd) -> nix::Result<()> {
    let fds = [master.as_raw_fd()];
    let cmsg = [ControlMessage::ScmRights(&fds)];
    let iov = [IoSlice::new(b"console")];
    sendmsg::<()>(socket, &iov, &cmsg, MsgFlags::empty(), None)?;
    Ok(())
}

/// Make `slave` the controlling terminal and the standard streams.
pub fn become_controlling(slave: &OwnedFd) -> nix::Result<()> {
    nix::unistd::setsid()?;
    // SAFETY: TIOCSCTTY on a terminal fd we own.
    if unsafe { libc::ioctl(slave.as_raw_fd(), libc::TIOCSCTTY, 0) } < 0 {
        return Err(nix::Error::last());
    }
    for fd in 0..3 {
        // SAFETY: dup2 onto the standard descriptors, which we mean to replace.
        if unsafe { libc::dup2(slave.as_raw_fd(), fd) } < 0 {
            return Err(nix::Error::last());
        }
    }
    Ok(())
}
