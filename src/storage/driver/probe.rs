//! Which driver works here: probed once per kernel release and cached.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{io_err, Driver, DriverError, UpperDirs, DEFAULT_FUSE_OVERLAYFS, PROBE_CACHE_FILE};
use crate::storage::whiteout::{make_whiteout, set_xattr, OPAQUE_XATTR};

pub(super) fn kernel_release() -> String {
    nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Picks the best driver that works here, caching the answer in `scratch/driver-probe`.
/// `scratch` must be on the filesystem that will hold layers and upper dirs, because
/// overlay support depends on it.
pub fn detect_default(scratch: &Path) -> Driver {
    detect_default_cached(scratch, &scratch.join(PROBE_CACHE_FILE))
}

/// As `detect_default`, with the cache file chosen by the caller (e.g. in the runtime
/// dir, so a reboot, which may bring a new kernel, probes again).
pub fn detect_default_cached(scratch: &Path, cache: &Path) -> Driver {
    let kernel = kernel_release();
    if let Some(d) = fs::read_to_string(cache)
        .ok()
        .and_then(|c| parse_probe_cache(&c, &kernel))
    {
        return d;
    }
    let driver = probe_best(scratch);
    let _ = write_probe_cache(cache, &kernel, &driver);
    driver
}

pub(super) fn probe_best(scratch: &Path) -> Driver {
    if probe(&Driver::Overlay, scratch).is_ok() {
        return Driver::Overlay;
    }
    let fuse = Driver::FuseOverlayfs {
        program: PathBuf::from(DEFAULT_FUSE_OVERLAYFS),
    };
    if Path::new(DEFAULT_FUSE_OVERLAYFS).exists() && probe(&fuse, scratch).is_ok() {
        return fuse;
    }
    Driver::Vfs
}

/// Cache line: `v1 <kernel release> <driver name> [program]`. The kernel release is part
/// of the key because overlay features depend on it.
pub(super) fn format_probe_cache(kernel: &str, driver: &Driver) -> String {
    match driver {
        Driver::FuseOverlayfs { program } => format!(
            "v1 {kernel} {} {}\n",
            driver.name(),
            program.to_string_lossy()
        ),
        _ => format!("v1 {kernel} {}\n", driver.name()),
    }
}

pub(super) fn parse_probe_cache(content: &str, kernel: &str) -> Option<Driver> {
    let mut parts = content.trim_end_matches('\n').splitn(4, ' ');
    if parts.next()? != "v1" || parts.next()? != kernel {
        return None;
    }
    let name = parts.next()?;
    let program = parts.next().map(Path::new);
    Driver::from_name(name, program).ok()
}

pub(super) fn write_probe_cache(cache: &Path, kernel: &str, driver: &Driver) -> io::Result<()> {
    // Write-then-rename so a concurrent reader never sees half a line.
    let dir = cache.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    io::Write::write_all(&mut tmp, format_probe_cache(kernel, driver).as_bytes())?;
    tmp.persist(cache).map_err(|e| e.error)?;
    Ok(())
}

/// Mounts a tiny two-layer overlay with a whiteout and an opaque dir in `scratch` and
/// checks the merged view; Ok means the driver handles cove's layer format here.
pub fn probe(driver: &Driver, scratch: &Path) -> Result<(), DriverError> {
    fs::create_dir_all(scratch).map_err(io_err("creating", scratch))?;
    let dir = tempfile::Builder::new()
        .prefix("probe-")
        .tempdir_in(scratch)
        .map_err(io_err("creating temp dir in", scratch))?;
    let d = dir.path();
    let p = |s: &str| d.join(s);
    let mk = |s: &str| fs::create_dir_all(p(s)).map_err(io_err("creating", d));
    for s in ["l1/d", "l2/d", "u", "w", "m"] {
        mk(s)?;
    }
    let write = |s: &str| fs::write(p(s), s).map_err(io_err("writing", d));
    write("l1/gone")?;
    write("l1/d/old")?;
    write("l2/d/new")?;
    make_whiteout(&p("l2/gone")).map_err(io_err("mknod whiteout", d))?;
    set_xattr(&p("l2/d"), OPAQUE_XATTR, b"y").map_err(io_err("setxattr", d))?;
    let upper = UpperDirs {
        upper: p("u"),
        work: p("w"),
        volatile: false,
    };
    driver.mount(&[p("l1"), p("l2")], Some(&upper), &p("m"))?;
    let check = || -> Result<(), String> {
        let m = p("m");
        if m.join("gone").symlink_metadata().is_ok() {
            return Err("whiteout not honoured".into());
        }
        if m.join("d/old").symlink_metadata().is_ok() {
            return Err("opaque directory not honoured".into());
        }
        if m.join("d/new").symlink_metadata().is_err() {
            return Err("upper layer content missing".into());
        }
        fs::write(m.join("written"), b"x").map_err(|e| format!("merged dir not writable: {e}"))
    };
    let res = check();
    let unmounted = driver.unmount(&p("m"));
    res.map_err(|e| DriverError::Probe(format!("{}: {e}", driver.name())))?;
    unmounted
}
