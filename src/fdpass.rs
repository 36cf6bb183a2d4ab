//! Handing descriptors to a child at fixed numbers (3, 4, ...), as the shim and the network
//! helpers expect them.

use std::io;
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::process::Command;

/// Descriptors the child finds at the given numbers. The sources are first duplicated
/// above every target, so no dup2 in the child can overwrite a source still to be moved.
/// The duplicates live as long as `cmd`: drop it after spawning so that the parent does
/// not keep pipe ends open that it expects to see closed.
pub fn inherit_at(cmd: &mut Command, fds: &[(&dyn AsFd, RawFd)]) -> io::Result<()> {
    let highest = fds.iter().map(|(_, t)| *t).max().unwrap_or(0);
    let mut moved: Vec<(OwnedFd, RawFd)> = Vec::with_capacity(fds.len());
    for (fd, target) in fds {
        let dup = nix::fcntl::fcntl(
            fd.as_fd(),
            nix::fcntl::FcntlArg::F_DUPFD_CLOEXEC(highest + 1),
        )?;
        // SAFETY: F_DUPFD_CLOEXEC returned a new descriptor that nothing else owns.
        moved.push((unsafe { std::os::fd::FromRawFd::from_raw_fd(dup) }, *target));
    }
    // SAFETY: between fork and exec only dup2 (async-signal-safe) is called; the
    // duplicates stay owned by the closure and close in the parent when it is dropped.
    unsafe {
        cmd.pre_exec(move || {
            for (fd, target) in &moved {
                // dup2 clears close-on-exec on the target.
                if libc::dup2(fd.as_raw_fd(), *target) < 0 {
                    return Err(io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    Ok(())
}
