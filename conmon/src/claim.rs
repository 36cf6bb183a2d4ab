//! The caller's claim on a container's cleanup (`--exit-command-claim`). `run --rm` in
//! the foreground removes the container itself when it ends; the exit command would be
//! one more cove process on every such run, doing nothing. The caller locks the claim
//! file before the container starts and keeps it locked until it exits; the file lives in
//! the container's state dir, which goes with the container. So once the lock is free,
//! a file still linked means the caller ended (killed, detached, failed) without removing
//! the container, and the exit command runs as usual.

use std::fs::File;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

pub struct Claim(File);

impl Claim {
    /// Opened before the container runs (the caller holds the lock by then).
    pub fn open(path: &Path) -> io::Result<Claim> {
        File::open(path).map(Claim)
    }

    /// Waits until the caller lets go, then whether the exit command is still needed.
    /// Any doubt (an error) answers yes: a second cleanup is harmless, a missed one leaks.
    pub fn still_needed(&self) -> bool {
        loop {
            match self.0.lock() {
                Ok(()) => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return true,
            }
        }
        self.0.metadata().map_or(true, |m| m.nlink() > 0)
    }
}
