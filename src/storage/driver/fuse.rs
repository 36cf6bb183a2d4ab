//! fuse-overlayfs: the helper program mounts the layers, and fusermount3 unmounts them
//! outside a namespace we own.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{DriverError, UpperDirs};

/// fuse-overlayfs splits its options on ',' and ':' without any escaping.
pub(super) fn fuse_path(p: &Path) -> Result<String, DriverError> {
    let s = p.to_string_lossy();
    if s.contains([',', ':']) {
        return Err(DriverError::UnsupportedPath(p.to_path_buf()));
    }
    Ok(s.into_owned())
}

pub fn fuse_options(lowers: &[PathBuf], upper: Option<&UpperDirs>) -> Result<String, DriverError> {
    let lower = lowers
        .iter()
        .map(|l| fuse_path(l))
        .collect::<Result<Vec<_>, _>>()?
        .join(":");
    let mut opts = format!("lowerdir={lower}");
    if let Some(u) = upper {
        opts.push_str(&format!(
            ",upperdir={},workdir={}",
            fuse_path(&u.upper)?,
            fuse_path(&u.work)?
        ));
    }
    Ok(opts)
}

pub(super) fn mount_fuse(
    program: &Path,
    lowers: &[PathBuf],
    upper: Option<&UpperDirs>,
    target: &Path,
) -> Result<(), DriverError> {
    let opts = fuse_options(lowers, upper)?;
    let err = |source: io::Error, detail: String| DriverError::Mount {
        driver: "fuse-overlayfs",
        target: target.to_path_buf(),
        source,
        detail,
    };
    // A file, not a pipe: the daemonized child may hold stderr open long after the
    // foreground process has exited, and we must not wait for it.
    let mut errfile = tempfile::tempfile().map_err(|e| err(e, String::new()))?;
    let stderr = errfile.try_clone().map_err(|e| err(e, String::new()))?;
    let status = Command::new(program)
        .arg("-o")
        .arg(&opts)
        .arg(target)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .status()
        .map_err(|e| err(e, format!(" (running {})", program.display())))?;
    if status.success() {
        return Ok(());
    }
    let mut msg = String::new();
    use std::io::Seek;
    let _ = errfile.seek(io::SeekFrom::Start(0));
    let _ = errfile.read_to_string(&mut msg);
    Err(err(
        io::Error::other(format!("{} exited with {status}", program.display())),
        format!(": {}", msg.trim().replace('\n', "; ")),
    ))
}

pub(super) fn run_fusermount(target: &Path) -> Result<(), DriverError> {
    let out = Command::new("fusermount3")
        .arg("-u")
        .arg(target)
        .stdin(Stdio::null())
        .output()
        .map_err(|source| DriverError::Unmount {
            target: target.to_path_buf(),
            source,
        })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(DriverError::Unmount {
            target: target.to_path_buf(),
            source: io::Error::other(format!(
                "fusermount3 -u: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )),
        })
    }
}
