//! The overlay format every stored layer uses, whatever the driver: a whiteout is a 0/0
//! character device, an opaque directory has the xattr `user.overlay.opaque=y` (see the
//! driver module for why `user.`); and the xattr calls they need.

use std::ffi::{CString, OsStr};
use std::fs;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use nix::sys::stat::{Mode, SFlag};

/// xattr marking a directory that hides everything below it in lower layers.
pub const OPAQUE_XATTR: &str = "user.overlay.opaque";

/// xattrs overlayfs keeps for itself; copying them into a vfs tree would make it look
/// like an overlay layer again (and confuse a later overlay mount over it).
pub const OVERLAY_XATTR_PREFIX: &[u8] = b"user.overlay.";

pub fn make_whiteout(path: &Path) -> io::Result<()> {
    nix::sys::stat::mknod(path, SFlag::S_IFCHR, Mode::empty(), 0)?;
    Ok(())
}

pub fn is_whiteout(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_char_device() && meta.rdev() == 0
}

fn path_c(path: &Path) -> io::Result<CString> {
    cstring(path.as_os_str())
}

fn cstring(p: &OsStr) -> io::Result<CString> {
    CString::new(p.as_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// Reads one xattr without following symlinks; None when absent.
pub fn get_xattr(path: &Path, name: &str) -> io::Result<Option<Vec<u8>>> {
    let p = path_c(path)?;
    let n = cstring(OsStr::new(name))?;
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: valid C strings; buf valid for its length.
        let r =
            unsafe { libc::lgetxattr(p.as_ptr(), n.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if let Ok(len) = usize::try_from(r) {
            buf.truncate(len);
            return Ok(Some(buf));
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::ENODATA) | Some(libc::ENOTSUP) => return Ok(None),
            Some(libc::ERANGE) if buf.len() < 1 << 20 => buf.resize(buf.len() * 4, 0),
            _ => return Err(e),
        }
    }
}

pub fn set_xattr(path: &Path, name: &str, value: &[u8]) -> io::Result<()> {
    let p = path_c(path)?;
    let n = cstring(OsStr::new(name))?;
    // SAFETY: valid C strings; value valid for its length.
    let r = unsafe {
        libc::lsetxattr(
            p.as_ptr(),
            n.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            0,
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

pub fn list_xattrs(path: &Path) -> io::Result<Vec<Vec<u8>>> {
    let p = path_c(path)?;
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: valid C string; buf valid for its length.
        let r = unsafe { libc::llistxattr(p.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if let Ok(len) = usize::try_from(r) {
            return Ok(buf[..len]
                .split(|b| *b == 0)
                .filter(|n| !n.is_empty())
                .map(<[u8]>::to_vec)
                .collect());
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::ENOTSUP) => return Ok(Vec::new()),
            Some(libc::ERANGE) if buf.len() < 1 << 20 => buf.resize(buf.len() * 4, 0),
            _ => return Err(e),
        }
    }
}

/// Whether `dir` is an opaque directory, in either xattr namespace overlayfs uses
/// (`trusted.` where a rootful kernel overlay wrote the upper dir).
pub fn is_opaque(dir: &Path) -> io::Result<bool> {
    for name in [OPAQUE_XATTR, "trusted.overlay.opaque"] {
        if get_xattr(dir, name)?.as_deref() == Some(b"y") {
            return Ok(true);
        }
    }
    Ok(false)
}
