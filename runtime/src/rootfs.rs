//! The container's filesystem: the spec's mounts on top of root.path, /dev with the
//! standard nodes, pivot_root, then masked and read-only paths. Runs in the container's
//! new mount namespace.
//!
//! Every mount target is resolved inside the rootfs with openat2 (an image could hold a
//! symlink `/proc -> /` to trick a runtime into mounting over the host), created if
//! missing, and mounted through its `/proc/self/fd/N` handle.

use std::fs;
use std::os::fd::{AsFd, AsRawFd};
use std::path::{Path, PathBuf};

use nix::mount::{mount, umount2, MntFlags, MsFlags};
use oci_spec::runtime::{Mount, Spec};

use crate::inroot::InRoot;
use crate::mountopts;

#[derive(Debug, thiserror::Error)]
pub enum RootfsError {
    #[error("{what} {path}: {source}")]
    Sys {
        what: &'static str,
        path: String,
        source: nix::Error,
    },
    #[error("resolving {path} in the rootfs: {message}")]
    Resolve { path: String, message: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

type Result<T> = std::result::Result<T, RootfsError>;

fn sys(what: &'static str, path: impl Into<String>) -> impl FnOnce(nix::Error) -> RootfsError {
    let path = path.into();
    move |source| RootfsError::Sys { what, path, source }
}

fn resolve_err(path: &Path) -> impl FnOnce(std::io::Error) -> RootfsError + '_ {
    move |e| RootfsError::Resolve {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// The host devices every container gets (bind-mounted: mknod needs real root).
const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom", "tty"];

/// Make `dest` exist inside the root (a directory, or an empty file when the source is
/// not a directory) and return a `/proc/self/fd/N` path to mount on, plus the handle
/// that keeps it valid.
fn target(root: &InRoot, dest: &Path, dir: bool) -> Result<(PathBuf, fs::File)> {
    if dir {
        // mkdir_all already resolved it: no second walk.
        let fd = root.mkdir_all(dest, 0o755).map_err(resolve_err(dest))?;
        return Ok(fd_path(fs::File::from(fd)));
    }
    if let Some(parent) = dest.parent() {
        root.mkdir_all(parent, 0o755).map_err(resolve_err(dest))?;
    }
    if root.resolve_nofollow(dest).is_err() {
        let _ = root.create_file(dest, 0o644);
    }
    reopen(root, dest)
}

/// A fresh `/proc/self/fd/N` for `dest`. After something is mounted there, the old
/// handle still names the covered inode: remounts need a new one.
fn reopen(root: &InRoot, dest: &Path) -> Result<(PathBuf, fs::File)> {
    Ok(fd_path(fs::File::from(
        root.resolve(dest).map_err(resolve_err(dest))?,
    )))
}

/// The `/proc/self/fd/N` name of an open handle, with the handle that keeps it valid.
fn fd_path(file: fs::File) -> (PathBuf, fs::File) {
    let path = PathBuf::from(format!("/proc/self/fd/{}", file.as_fd().as_raw_fd()));
    (path, file)
}

/// Mount flags a bind mount must keep when remounted read-only in a user namespace (the
/// kernel refuses to drop "locked" flags the source mount has).
fn locked_flags(path: &Path) -> MsFlags {
    let Ok(st) = nix::sys::statvfs::statvfs(path) else {
        return MsFlags::empty();
    };
    let f = st.flags();
    let mut out = MsFlags::empty();
    use nix::sys::statvfs::FsFlags;
    for (from, to) in [
        (FsFlags::ST_NOSUID, MsFlags::MS_NOSUID),
        (FsFlags::ST_NODEV, MsFlags::MS_NODEV),
        (FsFlags::ST_NOEXEC, MsFlags::MS_NOEXEC),
        (FsFlags::ST_RDONLY, MsFlags::MS_RDONLY),
        (FsFlags::ST_NOATIME, MsFlags::MS_NOATIME),
        (FsFlags::ST_RELATIME, MsFlags::MS_RELATIME),
    ] {
        if f.contains(from) {
            out.insert(to);
        }
    }
    out
}

fn remount_read_only(path: &Path, extra: MsFlags) -> Result<()> {
    let flags =
        MsFlags::MS_REMOUNT | MsFlags::MS_BIND | MsFlags::MS_RDONLY | extra | locked_flags(path);
    mount(None::<&str>, path, None::<&str>, flags, None::<&str>)
        .map_err(sys("remounting read-only", path.display().to_string()))
}

fn mount_one(root: &InRoot, m: &Mount) -> Result<()> {
    let dest = m.destination();
    let typ = m.typ().clone().unwrap_or_default();
    let source = m.source().clone().unwrap_or_default();
    let opts = mountopts::parse(&m.options().clone().unwrap_or_default());
    let is_bind = opts.bind || typ == "bind";
    let source_is_dir = !is_bind || fs::metadata(&source).map(|md| md.is_dir()).unwrap_or(true);
    let (at, _keep) = target(root, dest, source_is_dir)?;
    let data = (!opts.data.is_empty()).then_some(opts.data.as_str());
    let name = dest.display().to_string();
    if is_bind {
        let flags = MsFlags::MS_BIND | (opts.flags & MsFlags::MS_REC);
        mount(Some(&source), &at, None::<&str>, flags, None::<&str>).map_err(sys(
            "bind-mounting",
            format!("{} on {name}", source.display()),
        ))?;
        let rest = opts.flags - (MsFlags::MS_BIND | MsFlags::MS_REC);
        if !rest.is_empty() {
            let (mounted, _keep) = reopen(root, dest)?;
            let flags = MsFlags::MS_REMOUNT | MsFlags::MS_BIND | rest | locked_flags(&mounted);
            mount(None::<&str>, &mounted, None::<&str>, flags, None::<&str>)
                .map_err(sys("remounting", name.clone()))?;
        }
    } else {
        let r = mount(Some(&source), &at, Some(typ.as_str()), opts.flags, data);
        match (r, typ.as_str()) {
            (Ok(()), _) => {}
            // Without owning the network namespace (rootless with the host's network)
            // sysfs cannot be mounted: bind the host's, read-only, as runc does.
            (Err(nix::Error::EPERM), "sysfs") => {
                mount(
                    Some("/sys"),
                    &at,
                    None::<&str>,
                    MsFlags::MS_BIND | MsFlags::MS_REC,
                    None::<&str>,
                )
                .map_err(sys("bind-mounting", "/sys"))?;
                let (mounted, _keep) = reopen(root, dest)?;
                remount_read_only(
                    &mounted,
                    MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_NOEXEC,
                )?;
            }
            // A cgroup v1 hierarchy or an mqueue of a foreign ipc namespace cannot be
            // mounted from a user namespace; containers run without them.
            (Err(nix::Error::EPERM), "cgroup" | "cgroup2" | "mqueue") => {}
            // Rootful on cgroup v1: the hierarchies are already mounted with their own
            // controller sets, so a second combined mount is refused.
            (Err(nix::Error::EBUSY), "cgroup") => mount_cgroup_v1(root, dest, &at, opts.flags)?,
            (Err(e), _) => return Err(sys("mounting", format!("{typ} on {name}"))(e)),
        }
    }
    if !opts.propagation.is_empty() {
        let (mounted, _keep) = reopen(root, dest)?;
        mount(
            None::<&str>,
            &mounted,
            None::<&str>,
            opts.propagation,
            None::<&str>,
        )
        .map_err(sys("setting propagation of", name))?;
    }
    Ok(())
}

/// /dev: the standard nodes bound from the host, the usual symlinks, and the spec's
/// extra devices.
/// runc's answer to cgroup v1: a tmpfs with each of the host's hierarchies bound in,
/// read-only (the container sees the whole hierarchy, as runc does without cgroupns).
fn mount_cgroup_v1(root: &InRoot, dest: &Path, at: &Path, flags: MsFlags) -> Result<()> {
    let name = dest.display().to_string();
    let tmpfs_flags = flags - MsFlags::MS_RDONLY;
    mount(
        Some("tmpfs"),
        at,
        Some("tmpfs"),
        tmpfs_flags,
        Some("mode=755"),
    )
    .map_err(sys("mounting", format!("tmpfs on {name}")))?;
    let (mounted, _keep) = reopen(root, dest)?;
    let mountinfo = fs::read_to_string("/proc/self/mountinfo")?;
    for hierarchy in cgroup_hierarchies(&mountinfo) {
        let sub = mounted.join(&hierarchy);
        let host = Path::new("/sys/fs/cgroup").join(&hierarchy);
        let what = format!("{} on {name}/{hierarchy}", host.display());
        nix::unistd::mkdir(&sub, nix::sys::stat::Mode::from_bits_truncate(0o755))
            .map_err(sys("creating", what.clone()))?;
        mount(
            Some(&host),
            &sub,
            None::<&str>,
            MsFlags::MS_BIND | MsFlags::MS_REC,
            None::<&str>,
        )
        .map_err(sys("bind-mounting", what))?;
        remount_read_only(
            &sub,
            MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_NOEXEC,
        )?;
    }
    if flags.contains(MsFlags::MS_RDONLY) {
        let flags = MsFlags::MS_REMOUNT | MsFlags::MS_RDONLY | tmpfs_flags;
        mount(None::<&str>, &mounted, None::<&str>, flags, None::<&str>)
            .map_err(sys("remounting read-only", name))?;
    }
    Ok(())
}

/// Names of the cgroup hierarchies mounted directly under /sys/fs/cgroup.
fn cgroup_hierarchies(mountinfo: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in mountinfo.lines() {
        let Some((left, right)) = line.split_once(" - ") else {
            continue;
        };
        let fstype = right.split_whitespace().next().unwrap_or("");
        let point = left.split_whitespace().nth(4).unwrap_or("");
        if !matches!(fstype, "cgroup" | "cgroup2") {
            continue;
        }
        if let Some(name) = point.strip_prefix("/sys/fs/cgroup/") {
            if !name.is_empty() && !name.contains('/') && !out.iter().any(|n| n == name) {
                out.push(name.to_string());
            }
        }
    }
    out
}

fn populate_dev(root: &InRoot, spec: &Spec) -> Result<()> {
    let mut devices: Vec<PathBuf> = DEVICES
        .iter()
        .map(|d| PathBuf::from("/dev").join(d))
        .collect();
    if let Some(extra) = spec.linux().as_ref().and_then(|l| l.devices().clone()) {
        devices.extend(extra.iter().map(|d| d.path().clone()));
    }
    for dev in devices {
        if !dev.exists() {
            continue;
        }
        let (at, _keep) = target(root, &dev, false)?;
        mount(
            Some(&dev),
            &at,
            None::<&str>,
            MsFlags::MS_BIND,
            None::<&str>,
        )
        .map_err(sys("bind-mounting", dev.display().to_string()))?;
    }
    for (link, to) in [
        ("/dev/fd", "/proc/self/fd"),
        ("/dev/stdin", "/proc/self/fd/0"),
        ("/dev/stdout", "/proc/self/fd/1"),
        ("/dev/stderr", "/proc/self/fd/2"),
        ("/dev/ptmx", "pts/ptmx"),
        ("/dev/core", "/proc/kcore"),
    ] {
        let link = Path::new(link);
        if root.resolve_nofollow(link).is_err() {
            let _ = root.symlink(link, Path::new(to));
        }
    }
    Ok(())
}

/// Everything before pivot_root, then pivot_root itself.
pub fn setup(spec: &Spec, rootfs: &Path) -> Result<()> {
    let propagation = spec
        .linux()
        .as_ref()
        .and_then(|l| l.rootfs_propagation().clone())
        .map(|p| mountopts::parse(&[p]).propagation)
        .filter(|p| !p.is_empty())
        .unwrap_or(MsFlags::MS_SLAVE | MsFlags::MS_REC);
    // Nothing we mount may propagate back to the host (or the user's namespace).
    mount(None::<&str>, "/", None::<&str>, propagation, None::<&str>)
        .map_err(sys("making / private", "/"))?;
    // pivot_root needs the new root to be a mount point.
    mount(
        Some(rootfs),
        rootfs,
        None::<&str>,
        MsFlags::MS_BIND | MsFlags::MS_REC,
        None::<&str>,
    )
    .map_err(sys(
        "bind-mounting the rootfs",
        rootfs.display().to_string(),
    ))?;
    let root = InRoot::open(rootfs).map_err(resolve_err(rootfs))?;
    let mut has_dev = false;
    for m in spec.mounts().iter().flatten() {
        has_dev |= m.destination() == Path::new("/dev");
        mount_one(&root, m)?;
    }
    if has_dev {
        populate_dev(&root, spec)?;
    }
    pivot(rootfs)
}

fn pivot(rootfs: &Path) -> Result<()> {
    nix::unistd::chdir(rootfs).map_err(sys("chdir", rootfs.display().to_string()))?;
    // pivot_root(".", "."): the old root ends up stacked under the new one, and can be
    // detached without needing a directory for it inside the container.
    nix::unistd::pivot_root(".", ".").map_err(sys("pivot_root", rootfs.display().to_string()))?;
    // The old root's mounts must not propagate their unmount to the host.
    mount(
        None::<&str>,
        ".",
        None::<&str>,
        MsFlags::MS_SLAVE | MsFlags::MS_REC,
        None::<&str>,
    )
    .map_err(sys("making the old root a slave", "/"))?;
    umount2(".", MntFlags::MNT_DETACH).map_err(sys("detaching the old root", "/"))?;
    nix::unistd::chdir("/").map_err(sys("chdir", "/"))?;
    Ok(())
}

/// After pivot_root: masked paths, read-only paths, read-only root.
pub fn finish(spec: &Spec) -> Result<()> {
    let linux = spec.linux().clone().unwrap_or_default();
    for p in linux.masked_paths().iter().flatten() {
        let path = Path::new(p);
        let Ok(md) = fs::metadata(path) else { continue };
        if md.is_dir() {
            let r = mount(
                Some("tmpfs"),
                path,
                Some("tmpfs"),
                MsFlags::MS_RDONLY,
                None::<&str>,
            );
            r.map_err(sys("masking", p.clone()))?;
        } else {
            mount(
                Some("/dev/null"),
                path,
                None::<&str>,
                MsFlags::MS_BIND,
                None::<&str>,
            )
            .map_err(sys("masking", p.clone()))?;
        }
    }
    for p in linux.readonly_paths().iter().flatten() {
        let path = Path::new(p);
        if fs::symlink_metadata(path).is_err() {
            continue;
        }
        mount(
            Some(path),
            path,
            None::<&str>,
            MsFlags::MS_BIND | MsFlags::MS_REC,
            None::<&str>,
        )
        .map_err(sys("binding read-only path", p.clone()))?;
        remount_read_only(path, MsFlags::MS_REC)?;
    }
    if spec
        .root()
        .as_ref()
        .and_then(|r| r.readonly())
        .unwrap_or(false)
    {
        remount_read_only(Path::new("/"), MsFlags::empty())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cgroup_v1_hierarchies_from_mountinfo() {
        let info = "\
35 24 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
36 35 0:31 / /sys/fs/cgroup/unified rw,nosuid shared:10 - cgroup2 cgroup2 rw
38 35 0:33 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:14 - cgroup cgroup rw,cpu,cpuacct
39 35 0:34 / /sys/fs/cgroup/memory rw,nosuid shared:15 - cgroup cgroup rw,memory
40 24 0:35 / /mnt/elsewhere/memory rw shared:16 - cgroup cgroup rw,memory
";
        assert_eq!(
            cgroup_hierarchies(info),
            vec!["unified", "cpu,cpuacct", "memory"]
        );
    }
}
