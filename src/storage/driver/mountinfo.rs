//! The mount table (`/proc/self/mountinfo`): what is mounted where.

use std::ffi::{CString, OsStr};
use std::fs;
use std::mem::MaybeUninit;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// Decodes the octal escapes (`\040` for space, ...) the kernel uses in mountinfo.
pub(super) fn unescape_mountinfo(field: &str) -> PathBuf {
    let b = field.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            out.push((b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0'));
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    PathBuf::from(OsStr::from_bytes(&out))
}

/// Mount points (field 5) listed in a /proc/self/mountinfo text.
pub fn mount_points(mountinfo: &str) -> Vec<PathBuf> {
    mountinfo
        .lines()
        .filter_map(|l| l.split(' ').nth(4))
        .map(unescape_mountinfo)
        .collect()
}

/// Whether `target` is listed as a mount point in `mountinfo`.
pub fn mountinfo_has(mountinfo: &str, target: &Path) -> bool {
    mount_points(mountinfo).iter().any(|m| m == target)
}

/// Whether something is mounted on `target`. statx marks the root of a mount (Linux 5.8),
/// which costs one path lookup where reading the mount table costs a walk of every
/// mount; the table answers on older kernels.
pub fn is_mounted(target: &Path) -> bool {
    mount_root(target).unwrap_or_else(|| in_mount_table(target))
}

/// statx's answer, or None when the kernel does not give one.
fn mount_root(target: &Path) -> Option<bool> {
    let path = CString::new(target.as_os_str().as_bytes()).ok()?;
    let mut st = MaybeUninit::<libc::statx>::zeroed();
    // SAFETY: `path` is NUL-terminated and `st` is a statx buffer for the kernel to fill.
    let rc = unsafe { libc::statx(libc::AT_FDCWD, path.as_ptr(), 0, 0, st.as_mut_ptr()) };
    if rc != 0 {
        let missing = std::io::Error::last_os_error().raw_os_error() == Some(libc::ENOENT);
        return missing.then_some(false);
    }
    // SAFETY: the kernel filled the buffer (it was zeroed before, too).
    let st = unsafe { st.assume_init() };
    let attr = libc::STATX_ATTR_MOUNT_ROOT as u64;
    (st.stx_attributes_mask & attr != 0).then_some(st.stx_attributes & attr != 0)
}

fn in_mount_table(target: &Path) -> bool {
    let Ok(info) = fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    let target = fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
    mountinfo_has(&info, &target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statx_and_the_mount_table_agree() {
        assert!(is_mounted(Path::new("/proc")));
        assert!(!is_mounted(Path::new("/proc/self/fd")));
        assert!(!is_mounted(Path::new("/no/such/path")));
        let info = fs::read_to_string("/proc/self/mountinfo").unwrap();
        // statx finds the mount points the table lists (unless a later mount hides one),
        // and nothing the table does not list.
        let points = mount_points(&info);
        let roots: Vec<_> = points.iter().filter(|m| is_mounted(m)).collect();
        assert!(roots.len() * 2 > points.len(), "{roots:?} of {points:?}");
        assert!(roots.iter().all(|m| in_mount_table(m)));
        let outside = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        assert!(!is_mounted(&outside) && !in_mount_table(&outside));
    }
}
