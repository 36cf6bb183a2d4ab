use super::*;
use crate::storage::compression::decompress;
use crate::storage::digest::DigestReader;
use sha2::{Digest as _, Sha256};
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::PathBuf;

/// Writes tar entries with raw headers, so names the tar crate's Builder
/// refuses (`..`, absolute) can be produced.
#[derive(Default)]
struct RawTar {
    out: Vec<u8>,
}

struct E<'a> {
    name: &'a str,
    kind: tar::EntryType,
    data: &'a [u8],
    link: &'a str,
    mode: u32,
    uid: u64,
    gid: u64,
    mtime: u64,
    dev: (u32, u32),
    pax: Vec<(String, Vec<u8>)>,
}

fn e(name: &str, kind: tar::EntryType) -> E<'_> {
    E {
        name,
        kind,
        data: b"",
        link: "",
        mode: if kind == tar::EntryType::Directory {
            0o755
        } else {
            0o644
        },
        uid: 0,
        gid: 0,
        mtime: 1_600_000_000,
        dev: (0, 0),
        pax: Vec::new(),
    }
}
fn file<'a>(name: &'a str, data: &'a [u8]) -> E<'a> {
    E {
        data,
        ..e(name, tar::EntryType::Regular)
    }
}
fn dir(name: &str) -> E<'_> {
    e(name, tar::EntryType::Directory)
}
fn symlink<'a>(name: &'a str, target: &'a str) -> E<'a> {
    E {
        link: target,
        mode: 0o777,
        ..e(name, tar::EntryType::Symlink)
    }
}
fn hardlink<'a>(name: &'a str, target: &'a str) -> E<'a> {
    E {
        link: target,
        ..e(name, tar::EntryType::Link)
    }
}

fn pad(out: &mut Vec<u8>) {
    let rem = out.len() % 512;
    if rem != 0 {
        out.resize(out.len() + 512 - rem, 0);
    }
}

impl RawTar {
    fn raw_header(
        &mut self,
        name: &[u8],
        kind: tar::EntryType,
        size: u64,
        f: impl FnOnce(&mut tar::Header),
    ) {
        let mut h = tar::Header::new_gnu();
        {
            let old = h.as_old_mut();
            old.name[..name.len()].copy_from_slice(name);
        }
        h.set_entry_type(kind);
        h.set_size(size);
        h.set_mode(0o644);
        h.set_mtime(0);
        f(&mut h);
        h.set_cksum();
        self.out.extend_from_slice(h.as_bytes());
    }

    fn add(&mut self, en: E<'_>) -> &mut Self {
        if !en.pax.is_empty() {
            let mut body = Vec::new();
            for (k, v) in &en.pax {
                let rest = 1 + k.len() + 1 + v.len() + 1;
                let mut len = rest + 1;
                while format!("{len}").len() + rest != len {
                    len += 1;
                }
                body.extend_from_slice(format!("{len} {k}=").as_bytes());
                body.extend_from_slice(v);
                body.push(b'\n');
            }
            self.raw_header(b"pax", tar::EntryType::XHeader, body.len() as u64, |_| {});
            self.out.extend_from_slice(&body);
            pad(&mut self.out);
        }
        self.raw_header(en.name.as_bytes(), en.kind, en.data.len() as u64, |h| {
            h.set_mode(en.mode);
            h.set_uid(en.uid);
            h.set_gid(en.gid);
            h.set_mtime(en.mtime);
            let link = en.link.as_bytes();
            h.as_old_mut().linkname[..link.len()].copy_from_slice(link);
            if matches!(en.kind, tar::EntryType::Char | tar::EntryType::Block) {
                h.set_device_major(en.dev.0).unwrap();
                h.set_device_minor(en.dev.1).unwrap();
            }
        });
        self.out.extend_from_slice(en.data);
        pad(&mut self.out);
        self
    }

    fn finish(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.out);
        out.extend_from_slice(&[0; 1024]);
        out
    }
}

fn tar_of(entries: Vec<E<'_>>) -> Vec<u8> {
    let mut t = RawTar::default();
    for en in entries {
        t.add(en);
    }
    t.finish()
}

/// outer/ holds a canary file and dir; outer/layer is the extraction root.
struct Fixture {
    _tmp: tempfile::TempDir,
    outer: PathBuf,
    layer: PathBuf,
}

impl Fixture {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let outer = tmp.path().to_path_buf();
        fs::write(outer.join("canary"), b"canary").unwrap();
        fs::set_permissions(outer.join("canary"), fs::Permissions::from_mode(0o644)).unwrap();
        fs::create_dir(outer.join("canarydir")).unwrap();
        let layer = outer.join("layer");
        fs::create_dir(&layer).unwrap();
        Fixture {
            _tmp: tmp,
            outer,
            layer,
        }
    }

    fn extract(&self, tar: &[u8]) -> Result<ExtractReport, ExtractError> {
        extract_layer(tar, &self.layer, &ExtractOptions::default())
    }

    /// Nothing outside the layer dir changed.
    fn assert_canary(&self) {
        let c = self.outer.join("canary");
        assert_eq!(fs::read(&c).unwrap(), b"canary");
        let m = fs::symlink_metadata(&c).unwrap();
        assert_eq!(m.mode() & 0o7777, 0o644);
        assert_eq!(m.nlink(), 1);
        assert_eq!(m.uid(), 0);
        let mut names: Vec<_> = fs::read_dir(&self.outer)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["canary", "canarydir", "layer"]);
        assert_eq!(
            fs::read_dir(self.outer.join("canarydir")).unwrap().count(),
            0
        );
    }

    fn p(&self, rel: &str) -> PathBuf {
        self.layer.join(rel)
    }
}

#[test]
fn clean_paths() {
    assert_eq!(clean(b"./a//b/./c/").unwrap(), b"a/b/c");
    assert_eq!(clean(b"/etc/passwd").unwrap(), b"etc/passwd");
    assert_eq!(clean(b"a/../b").unwrap(), b"b");
    assert_eq!(clean(b"./").unwrap(), b"");
    assert!(clean(b"../x").is_none());
    assert!(clean(b"a/../../x").is_none());
    assert!(clean(b"/..").is_none());
    assert_eq!(split(b"a/b/c"), (&b"a/b"[..], &b"c"[..]));
    assert_eq!(split(b"c"), (&b""[..], &b"c"[..]));
}

#[test]
fn dotdot_escape_rejects_layer() {
    for name in [
        "../escape",
        "a/../../escape",
        "./../canary",
        "../layer/../canary",
    ] {
        let f = Fixture::new();
        let err = f
            .extract(&tar_of(vec![file("ok", b"x"), file(name, b"pwned")]))
            .unwrap_err();
        assert!(matches!(err, ExtractError::Escape(_)), "{name}: {err}");
        assert_eq!(
            err.to_string(),
            format!("layer entry \"{name}\" escapes the layer directory")
        );
        f.assert_canary();
    }
}

#[test]
fn absolute_names_land_inside() {
    let f = Fixture::new();
    let abs = format!("{}/canary", f.outer.display());
    f.extract(&tar_of(vec![file(&abs, b"pwned"), file("/top", b"t")]))
        .unwrap();
    f.assert_canary();
    assert_eq!(fs::read(f.p(&abs[1..])).unwrap(), b"pwned");
    assert_eq!(fs::read(f.p("top")).unwrap(), b"t");
}

#[test]
fn symlink_to_outside_is_never_followed() {
    let f = Fixture::new();
    let outer = f.outer.display().to_string();
    let abs_dir = format!("{outer}/canarydir");
    let abs_file = format!("{outer}/canary");
    // A file through an absolute symlink to an outside directory.
    let err = f
        .extract(&tar_of(vec![
            symlink("evil", &abs_dir),
            file("evil/pwned", b"pwned"),
        ]))
        .unwrap_err();
    assert!(err.to_string().contains("evil"), "{err}");
    f.assert_canary();

    // Relative escapes through symlinks, and metadata/replacement of a
    // symlink that points at an outside file.
    let f = Fixture::new();
    let rel = "../../../../../../../../../../..".to_string() + &abs_dir;
    let err = f
        .extract(&tar_of(vec![
            symlink("rel", &rel),
            file("rel/pwned", b"pwned"),
        ]))
        .unwrap_err();
    assert!(err.to_string().contains("rel"), "{err}");
    f.assert_canary();

    let f = Fixture::new();
    let up = "../".repeat(20);
    let report = f
        .extract(&tar_of(vec![
            symlink("tofile", &abs_file),
            symlink("tofile2", "../canary"),
            symlink("toroot", &up),
            // Replacing a symlink must replace the link, not write its target.
            file("tofile", b"pwned"),
            E {
                mode: 0o777,
                uid: 4242,
                ..dir("tofile2")
            },
            // Through a symlink clamped to the root: lands in the layer.
            file("toroot/inside", b"in"),
            symlink("hl-src", &abs_file),
            hardlink("hl", "hl-src"),
        ]))
        .unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    f.assert_canary();
    assert_eq!(fs::read(f.p("tofile")).unwrap(), b"pwned");
    assert!(fs::symlink_metadata(f.p("tofile2")).unwrap().is_dir());
    assert_eq!(fs::read(f.p("inside")).unwrap(), b"in");
    // The hardlink is to the symlink itself.
    let hl = fs::symlink_metadata(f.p("hl")).unwrap();
    assert!(hl.file_type().is_symlink());
    assert_eq!(hl.ino(), fs::symlink_metadata(f.p("hl-src")).unwrap().ino());
}

#[test]
fn metadata_on_symlink_is_not_followed() {
    let f = Fixture::new();
    let abs_file = format!("{}/canary", f.outer.display());
    f.extract(&tar_of(vec![E {
        uid: 77,
        gid: 88,
        mtime: 12345,
        ..symlink("s", &abs_file)
    }]))
    .unwrap();
    f.assert_canary();
    let m = fs::symlink_metadata(f.p("s")).unwrap();
    assert_eq!((m.uid(), m.gid(), m.mtime()), (77, 88, 12345));
    assert_eq!(fs::read_link(f.p("s")).unwrap(), PathBuf::from(abs_file));
}

#[test]
fn hardlinks_out_of_the_root_are_refused() {
    let f = Fixture::new();
    let abs_file = format!("{}/canary", f.outer.display());
    for (target, expect) in [
        ("../canary", "escapes"),
        ("a/../../canary", "escapes"),
        (abs_file.as_str(), "not found"),
    ] {
        let err = f
            .extract(&tar_of(vec![hardlink("hl", target)]))
            .unwrap_err();
        assert!(matches!(err, ExtractError::InvalidHardlink { .. }), "{err}");
        assert!(
            err.to_string().starts_with("invalid hardlink \"hl\""),
            "{err}"
        );
        assert!(err.to_string().contains(expect), "{err}");
        f.assert_canary();
    }
    // Through a symlinked parent directory pointing outside.
    let f = Fixture::new();
    let outer = f.outer.display().to_string();
    let err = f
        .extract(&tar_of(vec![
            symlink("up", &outer),
            symlink("up2", "../../../.."),
            hardlink("hl2", "up2/canary"),
        ]))
        .unwrap_err();
    assert!(matches!(err, ExtractError::InvalidHardlink { .. }), "{err}");
    let err = f
        .extract(&tar_of(vec![hardlink("hl", "up/canary")]))
        .unwrap_err();
    assert!(matches!(err, ExtractError::InvalidHardlink { .. }), "{err}");
    f.assert_canary();
}

#[test]
fn hardlink_inside_is_same_inode() {
    let f = Fixture::new();
    f.extract(&tar_of(vec![
        dir("bin"),
        file("bin/busybox", b"#!busybox"),
        hardlink("bin/sh", "bin/busybox"),
        hardlink("ls", "/bin/busybox"),
        hardlink("bin/busybox", "./bin/busybox"),
    ]))
    .unwrap();
    let a = fs::metadata(f.p("bin/busybox")).unwrap();
    assert_eq!(a.nlink(), 3);
    assert_eq!(fs::metadata(f.p("bin/sh")).unwrap().ino(), a.ino());
    assert_eq!(fs::metadata(f.p("ls")).unwrap().ino(), a.ino());
}

#[test]
fn whiteouts_become_overlay_whiteouts() {
    let f = Fixture::new();
    f.extract(&tar_of(vec![
        dir("etc"),
        file("etc/keep", b"k"),
        file("etc/gone", b"g"),
        dir("etc/gonedir"),
        file("etc/gonedir/x", b"x"),
        file("etc/.wh.gone", b""),
        file("etc/.wh.gonedir", b""),
        file(".wh.toplevel", b""),
        file("new/deep/.wh.missing", b""),
        file("etc/.wh..wh.plnk", b""),
    ]))
    .unwrap();
    for w in ["etc/gone", "etc/gonedir", "toplevel", "new/deep/missing"] {
        let m = fs::symlink_metadata(f.p(w)).unwrap();
        assert!(m.file_type().is_char_device(), "{w}");
        assert_eq!(m.rdev(), 0, "{w}");
    }
    assert_eq!(fs::read(f.p("etc/keep")).unwrap(), b"k");
    assert!(!f.p("etc/.wh.gone").exists());
    assert!(!f.p("etc/.wh..wh.plnk").exists());

    let err = f.extract(&tar_of(vec![file("d/.wh...", b"")])).unwrap_err();
    assert!(matches!(err, ExtractError::InvalidEntry { .. }), "{err}");
    f.assert_canary();
}

fn get_xattr(p: &Path, name: &CStr) -> Option<Vec<u8>> {
    let c = CString::new(p.as_os_str().as_bytes()).unwrap();
    let mut buf = [0u8; 256];
    let n = unsafe {
        libc::lgetxattr(
            c.as_ptr(),
            name.as_ptr(),
            buf.as_mut_ptr().cast(),
            buf.len(),
        )
    };
    (n >= 0).then(|| buf[..n as usize].to_vec())
}

#[test]
fn opaque_dirs_get_the_xattr() {
    let f = Fixture::new();
    f.extract(&tar_of(vec![
        dir("opq"),
        file("opq/.wh..wh..opq", b""),
        file("opq/new", b"n"),
        file("implicit/.wh..wh..opq", b""),
        file("plain/f", b""),
    ]))
    .unwrap();
    assert_eq!(
        get_xattr(&f.p("opq"), OPAQUE_XATTR).as_deref(),
        Some(&b"y"[..])
    );
    assert_eq!(
        get_xattr(&f.p("implicit"), OPAQUE_XATTR).as_deref(),
        Some(&b"y"[..])
    );
    assert_eq!(get_xattr(&f.p("plain"), OPAQUE_XATTR), None);
    assert!(!f.p("opq/.wh..wh..opq").exists());
    assert_eq!(fs::read(f.p("opq/new")).unwrap(), b"n");
}

#[test]
fn later_entries_replace_earlier_ones() {
    let f = Fixture::new();
    f.extract(&tar_of(vec![
        file("f", b"first"),
        file("f", b"second"),
        file("x", b"file"),
        dir("x"),
        file("x/child", b"c"),
        dir("d"),
        file("d/inner", b"i"),
        dir("d/sub"),
        file("d", b"now a file"),
        dir("m"),
        file("m/a", b"a"),
        E {
            mode: 0o700,
            ..dir("m")
        },
        file("m/b", b"b"),
        symlink("s", "target1"),
        symlink("s", "target2"),
    ]))
    .unwrap();
    assert_eq!(fs::read(f.p("f")).unwrap(), b"second");
    assert!(fs::symlink_metadata(f.p("x")).unwrap().is_dir());
    assert_eq!(fs::read(f.p("x/child")).unwrap(), b"c");
    assert_eq!(fs::read(f.p("d")).unwrap(), b"now a file");
    assert_eq!(fs::read(f.p("m/a")).unwrap(), b"a");
    assert_eq!(fs::read(f.p("m/b")).unwrap(), b"b");
    assert_eq!(fs::metadata(f.p("m")).unwrap().mode() & 0o7777, 0o700);
    assert_eq!(fs::read_link(f.p("s")).unwrap(), PathBuf::from("target2"));
}

#[test]
fn modes_owners_and_times_are_kept() {
    let f = Fixture::new();
    let report = f
        .extract(&tar_of(vec![
            E {
                mode: 0o750,
                uid: 1,
                gid: 2,
                mtime: 1_000_000,
                ..dir("./")
            },
            E {
                mode: 0o1777,
                mtime: 1_111_111,
                ..dir("tmp")
            },
            E {
                mode: 0o555,
                mtime: 1_222_222,
                uid: 1000,
                gid: 1000,
                ..dir("ro")
            },
            E {
                mode: 0o4755,
                uid: 0,
                gid: 0,
                mtime: 1_333_333,
                ..file("ro/suid", b"s")
            },
            E {
                mode: 0o2711,
                uid: 1000,
                gid: 50,
                mtime: 1_444_444,
                ..file("ro/sgid", b"g")
            },
            E {
                mode: 0o640,
                mtime: 1_555_555,
                uid: 3,
                gid: 4,
                ..e("ro/fifo", tar::EntryType::Fifo)
            },
            E {
                mode: 0o666,
                dev: (1, 3),
                ..e("null", tar::EntryType::Char)
            },
            E {
                mode: 0o660,
                dev: (7, 0),
                ..e("loop0", tar::EntryType::Block)
            },
            E {
                pax: vec![("mtime".into(), b"1700000000.5".to_vec())],
                ..file("paxtime", b"")
            },
        ]))
        .unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(report.entries, 9);
    let m = |p: &str| fs::symlink_metadata(f.p(p)).unwrap();
    let root = fs::metadata(&f.layer).unwrap();
    assert_eq!(
        (root.mode() & 0o7777, root.uid(), root.gid(), root.mtime()),
        (0o750, 1, 2, 1_000_000)
    );
    assert_eq!(
        (m("tmp").mode() & 0o7777, m("tmp").mtime()),
        (0o1777, 1_111_111)
    );
    // Directory mtime survives the children written into it afterwards.
    let ro = m("ro");
    assert_eq!(
        (ro.mode() & 0o7777, ro.uid(), ro.gid(), ro.mtime()),
        (0o555, 1000, 1000, 1_222_222)
    );
    let s = m("ro/suid");
    assert_eq!(
        (s.mode() & 0o7777, s.uid(), s.mtime()),
        (0o4755, 0, 1_333_333)
    );
    let g = m("ro/sgid");
    assert_eq!(
        (g.mode() & 0o7777, g.uid(), g.gid(), g.mtime()),
        (0o2711, 1000, 50, 1_444_444)
    );
    let fifo = m("ro/fifo");
    assert!(fifo.file_type().is_fifo());
    assert_eq!(
        (fifo.mode() & 0o7777, fifo.uid(), fifo.gid(), fifo.mtime()),
        (0o640, 3, 4, 1_555_555)
    );
    let null = m("null");
    assert!(null.file_type().is_char_device());
    assert_eq!(
        (null.rdev(), null.mode() & 0o7777),
        (libc::makedev(1, 3), 0o666)
    );
    assert!(m("loop0").file_type().is_block_device());
    assert_eq!(
        (m("paxtime").mtime(), m("paxtime").mtime_nsec()),
        (1_700_000_000, 500_000_000)
    );
}

#[test]
fn rootless_skips_device_nodes_with_a_warning() {
    let f = Fixture::new();
    let tar = tar_of(vec![
        E {
            dev: (1, 3),
            ..e("dev/null", tar::EntryType::Char)
        },
        hardlink("dev/null2", "dev/null"),
        e("dev/fifo", tar::EntryType::Fifo),
        file("dev/.wh.old", b""),
    ]);
    let report = extract_layer(&tar[..], &f.layer, &ExtractOptions { rootless: true }).unwrap();
    assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
    assert!(report.warnings[0].contains("dev/null"));
    assert!(!f.p("dev/null").exists() && !f.p("dev/null2").exists());
    assert!(fs::symlink_metadata(f.p("dev/fifo"))
        .unwrap()
        .file_type()
        .is_fifo());
    assert!(fs::symlink_metadata(f.p("dev/old"))
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn pax_xattrs_are_applied_and_overlay_ones_refused() {
    let f = Fixture::new();
    let report = f
        .extract(&tar_of(vec![
            E {
                pax: vec![
                    ("SCHILY.xattr.user.color".into(), b"blue".to_vec()),
                    (
                        "SCHILY.xattr.user.overlay.redirect".into(),
                        b"/etc".to_vec(),
                    ),
                ],
                ..dir("d")
            },
            E {
                pax: vec![("SCHILY.xattr.user.bin".into(), vec![0, 1, 2, 255])],
                ..file("d/f", b"data")
            },
        ]))
        .unwrap();
    assert_eq!(
        get_xattr(&f.p("d"), c"user.color").as_deref(),
        Some(&b"blue"[..])
    );
    assert_eq!(get_xattr(&f.p("d"), c"user.overlay.redirect"), None);
    assert_eq!(
        get_xattr(&f.p("d/f"), c"user.bin").as_deref(),
        Some(&[0, 1, 2, 255][..])
    );
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].contains("user.overlay.redirect"));
}

#[test]
fn long_names_and_big_files() {
    let f = Fixture::new();
    let long = format!("{}/{}", "d".repeat(150), "f".repeat(200));
    let big: Vec<u8> = (0..3_000_000u32).map(|i| (i % 253) as u8).collect();
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(big.len() as u64);
    h.set_mode(0o600);
    b.append_data(&mut h, &long, &big[..]).unwrap();
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Symlink);
    h.set_size(0);
    b.append_link(&mut h, "longlink", "x".repeat(300)).unwrap();
    let tar = b.into_inner().unwrap();
    f.extract(&tar).unwrap();
    assert_eq!(fs::read(f.p(&long)).unwrap(), big);
    assert_eq!(
        fs::read_link(f.p("longlink")).unwrap(),
        PathBuf::from("x".repeat(300))
    );
}

#[test]
fn truncated_stream_is_an_error() {
    let f = Fixture::new();
    let tar = tar_of(vec![file("f", &[1u8; 5000])]);
    let err = f.extract(&tar[..2000]).unwrap_err();
    assert!(matches!(err, ExtractError::Read(_)), "{err}");
    assert!(err.to_string().starts_with("reading layer"), "{err}");
}

#[test]
fn digest_covers_whole_stream_through_decompression() {
    let mut tar = tar_of(vec![dir("a"), file("a/b", b"hello"), symlink("c", "a/b")]);
    // Bytes after the end-of-archive marker still belong to the blob.
    tar.extend_from_slice(&[0u8; 4096]);
    tar.extend_from_slice(b"trailing junk");
    let want = format!("sha256:{}", hex::encode(Sha256::digest(&tar)));

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &tar).unwrap();
    let gz = gz.finish().unwrap();
    let zst = zstd::encode_all(&tar[..], 3).unwrap();

    for blob in [gz, zst, tar.clone()] {
        let f = Fixture::new();
        let compressed_digest = format!("sha256:{}", hex::encode(Sha256::digest(&blob)));
        let outer = DigestReader::new(&blob[..]);
        let mut diff = DigestReader::new(decompress(outer).unwrap());
        extract_layer(&mut diff, &f.layer, &ExtractOptions::default()).unwrap();
        let (d, n) = diff.finish();
        assert_eq!((d, n), (want.clone(), tar.len() as u64));
        assert_eq!(fs::read(f.p("a/b")).unwrap(), b"hello");
        let _ = compressed_digest;
    }
}

#[test]
fn compressed_digest_is_seen_by_outer_reader() {
    let tar = tar_of(vec![file("x", b"y")]);
    let zst = zstd::encode_all(&tar[..], 3).unwrap();
    let want = format!("sha256:{}", hex::encode(Sha256::digest(&zst)));
    let f = Fixture::new();
    let mut outer = DigestReader::new(&zst[..]);
    extract_layer(
        decompress(&mut outer).unwrap(),
        &f.layer,
        &ExtractOptions::default(),
    )
    .unwrap();
    // The zstd frame may end before the reader hits EOF; the caller drains.
    std::io::copy(&mut outer, &mut std::io::sink()).unwrap();
    assert_eq!(outer.finish().0, want);
}

#[test]
fn nul_and_root_entries_are_rejected() {
    let f = Fixture::new();
    let err = f.extract(&tar_of(vec![file("./", b"x")])).unwrap_err();
    assert!(matches!(err, ExtractError::InvalidEntry { .. }), "{err}");
    let err = f.extract(&tar_of(vec![hardlink("x", "./")])).unwrap_err();
    assert!(matches!(err, ExtractError::InvalidHardlink { .. }), "{err}");
    f.assert_canary();
}
