//! Paths resolved inside the container's rootfs with openat2(RESOLVE_IN_ROOT): a symlink
//! or `..` in the image can never lead a mount target out of the rootfs, because the
//! kernel treats the rootfs as `/` for the whole walk.
//!
//! pathrs does the same and more (it hardens its own use of /proc against overmounts),
//! but that hardening costs dozens of syscalls per path, and a container start resolves
//! ~40 paths. Here /proc is the host's, before pivot_root, out of the image's reach, and
//! the descriptors we return are used through /proc/self/fd/N by the caller anyway.

use std::ffi::CString;
use std::fs;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

pub struct InRoot {
    root: OwnedFd,
}

fn cstr(p: &Path) -> io::Result<CString> {
    CString::new(p.as_os_str().as_bytes()).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))
}

/// Components below the root, without `/` and `.` (`..` is left to the kernel, which
/// clamps it at the root).
fn relative(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::RootDir | Component::CurDir))
        .collect()
}

impl InRoot {
    pub fn open(rootfs: &Path) -> io::Result<InRoot> {
        let f = fs::File::open(rootfs)?;
        Ok(InRoot { root: f.into() })
    }

    fn openat2(&self, path: &Path, extra: u64) -> io::Result<OwnedFd> {
        let rel = relative(path);
        let rel = if rel.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            rel
        };
        let name = cstr(&rel)?;
        // SAFETY: open_how is plain data; all-zero is its "nothing set" value.
        let mut how: libc::open_how = unsafe { std::mem::zeroed() };
        how.flags = (libc::O_PATH | libc::O_CLOEXEC) as u64 | extra;
        how.resolve = libc::RESOLVE_IN_ROOT | libc::RESOLVE_NO_MAGICLINKS;
        // SAFETY: valid dirfd, NUL-terminated name, a properly sized open_how.
        let fd = unsafe {
            libc::syscall(
                libc::SYS_openat2,
                self.root.as_raw_fd(),
                name.as_ptr(),
                &how as *const libc::open_how,
                std::mem::size_of::<libc::open_how>(),
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: the kernel just gave us this descriptor.
        Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
    }

    /// The inode at `path`, symlinks followed (inside the root).
    pub fn resolve(&self, path: &Path) -> io::Result<OwnedFd> {
        self.openat2(path, 0)
    }

    /// Like `resolve`, but a symlink as the last component is returned itself.
    pub fn resolve_nofollow(&self, path: &Path) -> io::Result<OwnedFd> {
        self.openat2(path, libc::O_NOFOLLOW as u64)
    }

    /// `mkdir -p` inside the root: each component is created in the directory its parent
    /// resolved to, so a symlinked parent is followed inside the root, never outside.
    /// Returns the directory, resolved.
    pub fn mkdir_all(&self, path: &Path, mode: u32) -> io::Result<OwnedFd> {
        let mut done = PathBuf::new();
        for c in relative(path).components() {
            let parent = self.resolve(&done)?;
            done.push(c);
            let Component::Normal(name) = c else { continue };
            let name = cstr(Path::new(name))?;
            // SAFETY: valid dirfd and NUL-terminated name.
            let r = unsafe { libc::mkdirat(parent.as_raw_fd(), name.as_ptr(), mode) };
            if r != 0 {
                let e = io::Error::last_os_error();
                if e.raw_os_error() != Some(libc::EEXIST) {
                    return Err(e);
                }
            }
        }
        // Whatever exists there must now resolve (a dangling symlink does not).
        self.resolve(path)
    }

    fn parent_and_name(&self, path: &Path) -> io::Result<(OwnedFd, CString)> {
        let rel = relative(path);
        let name = rel
            .file_name()
            .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        let parent = self.resolve(rel.parent().unwrap_or(Path::new("")))?;
        Ok((parent, cstr(Path::new(name))?))
    }

    /// Create an empty regular file (a bind-mount target) if nothing is there.
    pub fn create_file(&self, path: &Path, mode: u32) -> io::Result<()> {
        let (parent, name) = self.parent_and_name(path)?;
        // SAFETY: valid dirfd, NUL-terminated name; the fd is closed right away.
        let fd = unsafe {
            libc::openat(
                parent.as_raw_fd(),
                name.as_ptr(),
                libc::O_CREAT | libc::O_EXCL | libc::O_NOFOLLOW | libc::O_CLOEXEC | libc::O_WRONLY,
                mode,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: ours to close.
        unsafe { libc::close(fd) };
        Ok(())
    }

    pub fn symlink(&self, path: &Path, target: &Path) -> io::Result<()> {
        let (parent, name) = self.parent_and_name(path)?;
        let target = cstr(target)?;
        // SAFETY: valid dirfd and NUL-terminated strings.
        if unsafe { libc::symlinkat(target.as_ptr(), parent.as_raw_fd(), name.as_ptr()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlinks_and_dotdot_stay_inside() {
        let base = std::env::temp_dir().join(format!("inroot-{}", std::process::id()));
        let root = base.join("root");
        let outside = base.join("outside");
        fs::create_dir_all(root.join("inside")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        // Read as the host would, these lead out; inside the root they cannot.
        std::os::unix::fs::symlink("/inside", root.join("abs")).unwrap();
        std::os::unix::fs::symlink("../../../inside", root.join("rel")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("esc")).unwrap();
        let r = InRoot::open(&root).unwrap();
        r.mkdir_all(Path::new("/abs/a"), 0o755).unwrap();
        r.mkdir_all(Path::new("/rel/b"), 0o755).unwrap();
        r.mkdir_all(Path::new("/../../x/y"), 0o755).unwrap();
        r.create_file(Path::new("/abs/a/f"), 0o644).unwrap();
        // The host path the symlink names does not exist inside the root: refused.
        assert!(r.mkdir_all(Path::new("/esc/c"), 0o755).is_err());
        assert!(r.create_file(Path::new("/esc/f"), 0o644).is_err());
        assert!(
            fs::read_dir(&outside).unwrap().next().is_none(),
            "escaped the root"
        );
        assert!(root.join("inside/a/f").exists() && root.join("inside/b").is_dir());
        assert!(root.join("x/y").is_dir());
        assert!(r.resolve_nofollow(Path::new("/esc")).is_ok());
        r.symlink(Path::new("/dev-fd"), Path::new("/proc/self/fd"))
            .unwrap();
        assert_eq!(
            fs::read_link(root.join("dev-fd")).unwrap(),
            Path::new("/proc/self/fd")
        );
        fs::remove_dir_all(&base).unwrap();
    }
}
