//! Detaching the shim from whoever started it.
//!
//! The CLI waits for the process it spawned; that process exits at once, and the real shim
//! (a grandchild in its own session) carries on, reparented away from the CLI so that killing
//! the CLI or its terminal never touches the container's monitor.

use std::fs::OpenOptions;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::sys::{self, Fork};

/// Double-forks. Returns only in the grandchild; the original process and the intermediate
/// child `_exit(0)` immediately (the CLI learns the outcome from the sync pipe, not from our
/// exit status).
pub fn detach() -> io::Result<()> {
    if let Fork::Parent = sys::fork()? {
        sys::exit_now(0);
    }
    // New session: no controlling terminal, so terminal hangups and job-control signals aimed
    // at the CLI's session do not reach us.
    sys::setsid()?;
    if let Fork::Parent = sys::fork()? {
        sys::exit_now(0);
    }
    // The grandchild is not a session leader, so opening a tty can never make it our
    // controlling terminal.
    Ok(())
}

/// Signal dispositions for the shim: stopping a container goes through the runtime, never
/// through the shim, so the usual termination signals are ignored; SIGPIPE is ignored so a
/// vanished attach client or reader only yields EPIPE.
pub fn ignore_signals() -> io::Result<()> {
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP, libc::SIGPIPE] {
        sys::ignore_signal(sig)?;
    }
    Ok(())
}

/// Points stdin/stdout at /dev/null and stderr at `log` (our own diagnostics), so nothing we
/// or our children print lands on the CLI's terminal or keeps its pipes open.
pub fn redirect_stdio(log: &Path) -> io::Result<()> {
    let null = OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")?;
    let diag = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(log)
        .or_else(|_| OpenOptions::new().write(true).open("/dev/null"))?;
    sys::dup2(null.as_raw_fd(), 0)?;
    sys::dup2(null.as_raw_fd(), 1)?;
    sys::dup2(diag.as_raw_fd(), 2)?;
    Ok(())
}

/// Writes our pid to `path` atomically (tmp + rename) so readers never see an empty file.
pub fn write_pid_file(path: &Path, pid: i32) -> io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::fs::write(&tmp, format!("{pid}"))?;
    std::fs::rename(&tmp, path)
}

/// Drops this process's page-table entries for executable file mappings (our text, libc's).
///
/// Startup touches code that the idle loop never runs again (argument parsing, fork, the
/// runtime spawn), and the kernel's fault-around maps neighbouring pages too, so a freshly
/// started shim shows ~1 MiB of file-backed RSS that is pure page cache. Text is never
/// written, so MADV_DONTNEED is safe for it: later accesses simply re-fault the same bytes
/// from the file. Writable or once-written (RELRO) mappings are left alone, since dropping
/// them would lose relocations and data.
pub fn trim_resident_text() {
    let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
        return;
    };
    for line in maps.lines() {
        let mut fields = line.split_ascii_whitespace();
        let (Some(range), Some(perms)) = (fields.next(), fields.next()) else {
            continue;
        };
        let path = fields.nth(3).unwrap_or("");
        // Only private, read+exec, file-backed mappings; [vdso] and friends are special.
        if perms != "r-xp" || !path.starts_with('/') {
            continue;
        }
        let Some((start, end)) = range.split_once('-') else {
            continue;
        };
        let (Ok(start), Ok(end)) = (
            usize::from_str_radix(start, 16),
            usize::from_str_radix(end, 16),
        ) else {
            continue;
        };
        sys::madvise_dontneed(start, end.saturating_sub(start));
    }
}
