use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::sys::stat::UtimensatFlags;
use nix::sys::time::TimeSpec;
use nix::unistd::{Gid, Uid};

use super::fuse::*;
use super::mountinfo::*;
use super::overlay::*;
use super::probe::*;
use super::*;
use crate::storage::whiteout::*;

#[test]
fn names() {
    assert_eq!(Driver::from_name("overlay", None).unwrap(), Driver::Overlay);
    assert_eq!(
        Driver::from_name("overlay2", None).unwrap(),
        Driver::Overlay
    );
    assert_eq!(Driver::from_name("vfs", None).unwrap(), Driver::Vfs);
    assert_eq!(
        Driver::from_name("overlay", Some(Path::new("/opt/fo"))).unwrap(),
        Driver::FuseOverlayfs {
            program: "/opt/fo".into()
        }
    );
    assert_eq!(
        Driver::from_name("fuse-overlayfs", None).unwrap(),
        Driver::FuseOverlayfs {
            program: DEFAULT_FUSE_OVERLAYFS.into()
        }
    );
    assert!(matches!(
        Driver::from_name("btrfs", None),
        Err(DriverError::UnknownDriver(_))
    ));
    for n in ["overlay", "fuse-overlayfs", "vfs"] {
        assert_eq!(Driver::from_name(n, None).unwrap().name(), n);
    }
}

#[test]
fn options_top_first_and_escaped() {
    let lowers = top_first(&["/l/a".into(), "/l/b,c:d".into()]).unwrap();
    let up = UpperDirs {
        upper: "/u".into(),
        work: "/w".into(),
        volatile: false,
    };
    assert_eq!(
        overlay_options(&lowers, Some(&up)),
        r"lowerdir=/l/b\,c\:d:/l/a,upperdir=/u,workdir=/w,userxattr"
    );
    assert_eq!(
        overlay_options(&lowers[..1], None),
        r"lowerdir=/l/b\,c\:d,userxattr"
    );
    assert!(fuse_options(&lowers, None).is_err());
    assert_eq!(
        fuse_options(&lowers[1..], Some(&up)).unwrap(),
        "lowerdir=/l/a,upperdir=/u,workdir=/w"
    );
}

#[test]
fn plan_by_length() {
    let lowers: Vec<PathBuf> = ["/store/layers/aaaa", "/store/layers/bbbb"]
        .iter()
        .map(PathBuf::from)
        .collect();
    let up = UpperDirs {
        upper: "/store/c/u".into(),
        work: "/store/c/w".into(),
        volatile: false,
    };
    assert!(matches!(
        plan_overlay(&lowers, Some(&up), 4095),
        OverlayPlan::Direct(_)
    ));
    assert_eq!(
        plan_overlay(&lowers, Some(&up), 70),
        OverlayPlan::Relative {
            base: "/store".into(),
            opts: "lowerdir=layers/aaaa:layers/bbbb,upperdir=c/u,workdir=c/w,userxattr".into()
        }
    );
    assert_eq!(plan_overlay(&lowers, Some(&up), 20), OverlayPlan::Fsconfig);
    // A layer that is the common parent itself becomes ".".
    let nested = [PathBuf::from("/s/a"), PathBuf::from("/s")];
    assert_eq!(
        plan_overlay(&nested, None, 25),
        OverlayPlan::Relative {
            base: "/s".into(),
            opts: "lowerdir=a:.,userxattr".into()
        }
    );
}

#[test]
fn common_parent_of_paths() {
    let ps = [
        Path::new("/s/layers/a/diff"),
        Path::new("/s/layers/b/diff"),
        Path::new("/s/c/u"),
    ];
    assert_eq!(common_parent(ps), PathBuf::from("/s"));
    assert_eq!(
        common_parent([Path::new("/x/a"), Path::new("/y")]),
        PathBuf::from("/")
    );
    assert_eq!(common_parent([Path::new("/x/a")]), PathBuf::from("/x"));
}

#[test]
fn mountinfo_parser() {
    let info = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda rw\n\
                95 22 0:50 / /tmp/my\\040dir rw - overlay overlay rw,lowerdir=/a:/b\n\
                96 22 0:51 / /tmp/back\\134slash rw - tmpfs tmpfs rw\n";
    assert_eq!(
        mount_points(info),
        vec![
            PathBuf::from("/"),
            PathBuf::from("/tmp/my dir"),
            PathBuf::from("/tmp/back\\slash")
        ]
    );
    assert!(mountinfo_has(info, Path::new("/tmp/my dir")));
    assert!(!mountinfo_has(info, Path::new("/tmp/my")));
    assert!(!mountinfo_has(info, Path::new("/tmp")));
}

#[test]
fn probe_cache_roundtrip() {
    let fuse = Driver::FuseOverlayfs {
        program: "/usr/bin/fuse-overlayfs".into(),
    };
    for d in [Driver::Overlay, Driver::Vfs, fuse] {
        let c = format_probe_cache("6.1.0", &d);
        assert_eq!(parse_probe_cache(&c, "6.1.0"), Some(d));
        assert_eq!(parse_probe_cache(&c, "6.2.0"), None);
    }
    assert_eq!(parse_probe_cache("garbage", "6.1.0"), None);
}

#[test]
fn probe_cache_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    fs::write(&cache, format_probe_cache(&kernel_release(), &Driver::Vfs)).unwrap();
    // A cached answer wins without probing (the probe would pick overlay as root).
    assert_eq!(detect_default_cached(dir.path(), &cache), Driver::Vfs);
}

// ---- tests that mount: need (namespaced) root ----

fn is_root() -> bool {
    if nix::unistd::geteuid().is_root() {
        return true;
    }
    eprintln!("skipped: needs root");
    false
}

fn fuse_usable() -> bool {
    let ok = Path::new(DEFAULT_FUSE_OVERLAYFS).exists()
        && nix::unistd::access("/dev/fuse", nix::unistd::AccessFlags::W_OK).is_ok();
    if !ok {
        eprintln!("skipped: fuse-overlayfs or /dev/fuse not usable");
    }
    ok
}

/// Unmounts on drop so a failed assertion does not leak a mount.
struct Mounted<'a>(&'a Driver, PathBuf);
impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        let _ = self.0.unmount(&self.1);
    }
}

/// Two layers: the top one deletes `gone` and `gonedir`, makes `opq` opaque, replaces
/// `file`, and adds to `plain`.
fn build_layers(root: &Path) -> Vec<PathBuf> {
    let l1 = root.join("l1");
    let l2 = root.join("l2");
    for d in [
        "l1/opq/sub",
        "l1/plain",
        "l1/gonedir/x",
        "l2/opq",
        "l2/plain",
    ] {
        fs::create_dir_all(root.join(d)).unwrap();
    }
    fs::write(l1.join("file"), "bottom").unwrap();
    fs::write(l1.join("gone"), "gone").unwrap();
    fs::write(l1.join("opq/old"), "old").unwrap();
    fs::write(l1.join("opq/sub/deep"), "deep").unwrap();
    fs::write(l1.join("plain/a"), "a").unwrap();
    fs::write(l1.join("hl1"), "linked").unwrap();
    fs::hard_link(l1.join("hl1"), l1.join("hl2")).unwrap();
    std::os::unix::fs::symlink("file", l1.join("link")).unwrap();
    fs::set_permissions(l1.join("plain/a"), fs::Permissions::from_mode(0o640)).unwrap();
    set_xattr(&l1.join("plain/a"), "user.test", b"kept").unwrap();
    // Fails in a namespace that maps only uid 0; the check compares with the source.
    let _ = nix::unistd::chown(
        &l1.join("plain/a"),
        Some(Uid::from_raw(1000)),
        Some(Gid::from_raw(1000)),
    );
    let t = TimeSpec::new(1_000_000_000, 0);
    nix::sys::stat::utimensat(
        nix::fcntl::AT_FDCWD,
        &l1.join("plain/a"),
        &t,
        &t,
        UtimensatFlags::NoFollowSymlink,
    )
    .unwrap();

    fs::write(l2.join("file"), "top").unwrap();
    make_whiteout(&l2.join("gone")).unwrap();
    make_whiteout(&l2.join("gonedir")).unwrap();
    set_xattr(&l2.join("opq"), OPAQUE_XATTR, b"y").unwrap();
    fs::write(l2.join("opq/new"), "new").unwrap();
    fs::write(l2.join("plain/b"), "b").unwrap();
    vec![l1, l2]
}

fn check_merged(m: &Path, layers: &[PathBuf]) {
    let read = |p: &str| fs::read_to_string(m.join(p)).unwrap();
    assert_eq!(read("file"), "top");
    assert!(m.join("gone").symlink_metadata().is_err(), "whiteout");
    assert!(
        m.join("gonedir").symlink_metadata().is_err(),
        "dir whiteout"
    );
    assert!(m.join("opq/old").symlink_metadata().is_err(), "opaque");
    assert!(m.join("opq/sub").symlink_metadata().is_err(), "opaque");
    assert_eq!(read("opq/new"), "new");
    assert_eq!(read("plain/a"), "a");
    assert_eq!(read("plain/b"), "b");
    assert_eq!(read("link"), "top");
    assert_eq!(fs::read_link(m.join("link")).unwrap(), Path::new("file"));
    let a = m.join("plain/a").symlink_metadata().unwrap();
    assert_eq!(a.mode() & 0o7777, 0o640);
    assert_eq!(a.mtime(), 1_000_000_000);
    let src = layers[0].join("plain/a").symlink_metadata().unwrap();
    assert_eq!((a.uid(), a.gid()), (src.uid(), src.gid()));
    assert_eq!(
        get_xattr(&m.join("plain/a"), "user.test").unwrap().unwrap(),
        b"kept"
    );
    let h1 = m.join("hl1").symlink_metadata().unwrap();
    let h2 = m.join("hl2").symlink_metadata().unwrap();
    assert_eq!(h1.ino(), h2.ino(), "hardlink kept");
}

fn mount_and_check(driver: &Driver) {
    let dir = tempfile::tempdir().unwrap();
    let layers = build_layers(dir.path());
    let up = UpperDirs {
        upper: dir.path().join("u"),
        work: dir.path().join("w"),
        volatile: false,
    };
    let m = dir.path().join("m");
    for d in [&up.upper, &up.work, &m] {
        fs::create_dir(d).unwrap();
    }
    driver.mount(&layers, Some(&up), &m).unwrap();
    {
        let _g = Mounted(driver, m.clone());
        if driver.uses_upper() {
            assert!(is_mounted(&m));
        }
        check_merged(&m, &layers);
        fs::write(m.join("written"), "w").unwrap();
        if driver.uses_upper() {
            assert_eq!(fs::read_to_string(up.upper.join("written")).unwrap(), "w");
        }
    }
    driver.unmount(&m).unwrap();
    assert!(!is_mounted(&m));

    // Read-only view with no upper.
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    driver.mount(&layers, None, &ro).unwrap();
    let _g = Mounted(driver, ro.clone());
    check_merged(&ro, &layers);
    if driver.uses_upper() {
        assert!(fs::write(ro.join("x"), "x").is_err(), "read-only view");
    }
}

#[test]
fn overlay_merges_layers() {
    if is_root() {
        mount_and_check(&Driver::Overlay);
    }
}

#[test]
fn fuse_overlayfs_merges_layers() {
    if is_root() && fuse_usable() {
        mount_and_check(&Driver::from_name("fuse-overlayfs", None).unwrap());
    }
}

#[test]
fn vfs_merges_layers() {
    if is_root() {
        mount_and_check(&Driver::Vfs);
    }
}

#[test]
fn probe_finds_overlay_and_caches_it() {
    if !is_root() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    probe(&Driver::Overlay, dir.path()).unwrap();
    probe(&Driver::Vfs, dir.path()).unwrap();
    assert_eq!(detect_default(dir.path()), Driver::Overlay);
    let cached = fs::read_to_string(dir.path().join(PROBE_CACHE_FILE)).unwrap();
    assert_eq!(
        parse_probe_cache(&cached, &kernel_release()),
        Some(Driver::Overlay)
    );
    // Only the cache file is left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn vfs_replaces_dir_with_file_and_back() {
    if !is_root() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (l1, l2, m) = (
        dir.path().join("l1"),
        dir.path().join("l2"),
        dir.path().join("m"),
    );
    fs::create_dir_all(l1.join("a/b")).unwrap();
    fs::write(l1.join("f"), "f").unwrap();
    fs::create_dir_all(l2.join("f")).unwrap();
    fs::write(l2.join("a"), "now a file").unwrap();
    Driver::Vfs.mount(&[l1, l2], None, &m).unwrap();
    assert!(m.join("f").is_dir());
    assert_eq!(fs::read_to_string(m.join("a")).unwrap(), "now a file");
}

#[test]
fn overlay_single_layer_read_only() {
    if !is_root() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("l");
    let m = dir.path().join("m");
    fs::create_dir_all(&l).unwrap();
    fs::create_dir_all(&m).unwrap();
    fs::write(l.join("f"), "one").unwrap();
    Driver::Overlay
        .mount(std::slice::from_ref(&l), None, &m)
        .unwrap();
    let _g = Mounted(&Driver::Overlay, m.clone());
    assert_eq!(fs::read_to_string(m.join("f")).unwrap(), "one");
    assert!(fs::write(m.join("g"), "x").is_err());
    assert!(!l.join("g").exists());
}

/// Builds `n` layers under long directory names, each adding one file and the top one
/// replacing the bottom file, then checks the merged view.
fn many_layers(name_len: usize, n: usize, _relative: bool) {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("store,with:odd");
    let layers: Vec<PathBuf> = (0..n)
        .map(|i| {
            let l = base.join(format!("{i:04}{}", "x".repeat(name_len)));
            fs::create_dir_all(&l).unwrap();
            fs::write(l.join(format!("f{i}")), "x").unwrap();
            fs::write(l.join("top"), i.to_string()).unwrap();
            l
        })
        .collect();
    let up = UpperDirs {
        upper: base.join("u"),
        work: base.join("w"),
        volatile: false,
    };
    let m = dir.path().join("m");
    for d in [&up.upper, &up.work, &m] {
        fs::create_dir(d).unwrap();
    }
    Driver::Overlay.mount(&layers, Some(&up), &m).unwrap();
    let _g = Mounted(&Driver::Overlay, m.clone());
    assert_eq!(
        fs::read_to_string(m.join("top")).unwrap(),
        (n - 1).to_string()
    );
    for i in 0..n {
        assert!(m.join(format!("f{i}")).exists());
    }
    fs::write(m.join("new"), "n").unwrap();
    assert!(up.upper.join("new").exists());
}

#[test]
fn overlay_long_lowerdir_uses_relative_paths() {
    if is_root() {
        // 60 layers of 44-char names: too long absolute, fits relative.
        many_layers(40, 60, true);
    }
}

#[test]
fn overlay_very_long_lowerdir_uses_fsconfig() {
    if is_root() {
        // 60 layers of ~100-char names: too long even relative.
        many_layers(100, 60, false);
    }
}
