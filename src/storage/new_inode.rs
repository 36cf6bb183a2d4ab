//! What an inode extraction just created already has, so the per-entry chown and chmod
//! that would change nothing are skipped: on a runtime image of 50,000 small files they
//! are a third of the syscalls.

use std::fs;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::sync::OnceLock;

/// Owner and permission bits a new inode under one layer root gets without asking.
#[derive(Debug, Clone, Copy)]
pub struct NewInode {
    /// Our effective ids: a new inode's owner, unless the root is setgid (then its
    /// group is the directory's, and every owner is set explicitly).
    owner: Option<(u64, u64)>,
    /// The process umask; `None` when it could not be read (every mode is then set).
    umask: Option<u32>,
}

impl NewInode {
    pub fn under(root: BorrowedFd<'_>) -> NewInode {
        // SAFETY: an all-zero stat is a valid out-buffer for fstat.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `root` is an open descriptor and `st` is writable.
        let setgid = unsafe { libc::fstat(root.as_raw_fd(), &mut st) } != 0
            || st.st_mode & libc::S_ISGID != 0;
        // SAFETY: geteuid and getegid cannot fail.
        let ids = unsafe { (u64::from(libc::geteuid()), u64::from(libc::getegid())) };
        NewInode {
            owner: (!setgid).then_some(ids),
            umask: umask(),
        }
    }

    /// Must `uid:gid` be set on an inode we just created?
    pub fn needs_chown(&self, uid: u64, gid: u64) -> bool {
        self.owner != Some((uid, gid))
    }

    /// Must `mode` be set on an inode created with `created` as its mode argument?
    /// Special bits are never set at creation, and a chown clears them anyway.
    pub fn needs_chmod(&self, created: u32, mode: u32) -> bool {
        match self.umask {
            Some(mask) => mode & 0o7777 != created & 0o777 & !mask,
            None => true,
        }
    }
}

/// The umask from `/proc/self/status`: calling umask(2) to read it would change it for
/// a moment under the other threads creating files.
fn umask() -> Option<u32> {
    static UMASK: OnceLock<Option<u32>> = OnceLock::new();
    *UMASK.get_or_init(|| {
        let status = fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find_map(|l| l.strip_prefix("Umask:"))?;
        u32::from_str_radix(line.trim(), 8).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_creation_did_not_give_is_set() {
        let n = NewInode {
            owner: Some((0, 0)),
            umask: Some(0o022),
        };
        assert!(!n.needs_chown(0, 0));
        assert!(n.needs_chown(0, 42));
        assert!(!n.needs_chmod(0o644, 0o644));
        assert!(!n.needs_chmod(0o755, 0o100755));
        assert!(
            n.needs_chmod(0o666, 0o666),
            "the umask took group/other write"
        );
        assert!(
            n.needs_chmod(0o755, 0o4755),
            "setuid is never given at creation"
        );
        let unknown = NewInode {
            owner: None,
            umask: None,
        };
        assert!(unknown.needs_chown(0, 0) && unknown.needs_chmod(0o644, 0o644));
    }
}
