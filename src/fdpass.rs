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
///
/// The child gets no other descriptor of ours above 2, except our `passed_on` fds from 3
/// up (`--preserve-fds`), at their own numbers: a caller's fds handed to one container
/// must not stay open in another's shim or network helper.
pub fn inherit_at(cmd: &mut Command, fds: &[(&dyn AsFd, RawFd)], passed_on: u32) -> io::Result<()> {
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
    // SAFETY: between fork and exec only close_range and dup2 (async-signal-safe) are
    // called; the duplicates stay owned by the closure and close in the parent when it is
    // dropped.
    unsafe {
        cmd.pre_exec(move || {
            // Before the dup2s, which clear the flag on their targets. Best effort: a
            // kernel before 5.11 lacks the flag, and only leaked descriptors stay then.
            libc::syscall(
                libc::SYS_close_range,
                3 + passed_on,
                libc::c_uint::MAX,
                libc::CLOSE_RANGE_CLOEXEC,
            );
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
