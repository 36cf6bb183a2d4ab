//! Layer tars are the bytes a registry or an archive hands over: whatever they hold,
//! extraction is an error or a layer, never a panic, and nothing lands outside the layer
//! directory.

use std::fs;

use proptest::prelude::*;
use tar::EntryType;

use super::{extract_layer, ExtractOptions};

#[derive(Debug, Clone)]
struct Member {
    name: Vec<u8>,
    kind: EntryType,
    link: Vec<u8>,
    data: Vec<u8>,
    mode: u32,
    pax: Vec<(String, Vec<u8>)>,
}

fn path() -> impl Strategy<Value = Vec<u8>> {
    let part = prop::sample::select(vec![
        &b"a"[..],
        b"b",
        b".",
        b"..",
        b"",
        b"/",
        b".wh.a",
        b".wh..wh..opq",
        b".wh..wh.plnk",
        b"etc",
        b"\xff",
        b"\0",
        b"dir/",
        b"./",
    ]);
    prop::collection::vec(part, 0..6).prop_map(|p| p.join(&b"/"[..]))
}

fn member() -> impl Strategy<Value = Member> {
    let kind = prop::sample::select(vec![
        EntryType::Regular,
        EntryType::Directory,
        EntryType::Symlink,
        EntryType::Link,
        EntryType::Char,
        EntryType::Block,
        EntryType::Fifo,
        EntryType::GNUSparse,
        EntryType::GNULongName,
        EntryType::XHeader,
        EntryType::new(b'Z'),
    ]);
    let pax = prop::collection::vec(
        (
            prop::sample::select(vec![
                "path",
                "linkpath",
                "mtime",
                "uid",
                "gid",
                "size",
                "SCHILY.xattr.user.x",
                "SCHILY.xattr.",
                "SCHILY.xattr.security.capability",
                "GNU.sparse.map",
            ]),
            prop::sample::select(vec![
                &b"1"[..],
                b"-1",
                b"1.5",
                b"x",
                b"",
                b"99999999999999999999",
                b"../..",
                b"/a",
                b"0,1,2",
            ]),
        )
            .prop_map(|(k, v)| (k.to_string(), v.to_vec())),
        0..3,
    );
    (
        path(),
        kind,
        path(),
        prop::collection::vec(any::<u8>(), 0..64),
        any::<u32>(),
        pax,
    )
        .prop_map(|(name, kind, link, data, mode, pax)| Member {
            name,
            kind,
            link,
            data,
            mode,
            pax,
        })
}

/// Raw headers, so names the tar crate's Builder refuses still get written.
fn write(members: &[Member]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in members {
        if !m.pax.is_empty() {
            let mut body = Vec::new();
            for (k, v) in &m.pax {
                let rec_len = k.len() + v.len() + 3;
                let len = rec_len + (rec_len + 2).to_string().len();
                body.extend_from_slice(format!("{len} {k}=").as_bytes());
                body.extend_from_slice(v);
                body.push(b'\n');
            }
            out.extend(block(b"pax", EntryType::XHeader, b"", &body, 0o644));
        }
        out.extend(block(&m.name, m.kind, &m.link, &m.data, m.mode));
    }
    out.extend_from_slice(&[0; 1024]);
    out
}

fn block(name: &[u8], kind: EntryType, link: &[u8], data: &[u8], mode: u32) -> Vec<u8> {
    let mut h = tar::Header::new_ustar();
    let n = name.len().min(100);
    h.as_old_mut().name[..n].copy_from_slice(&name[..n]);
    let l = link.len().min(100);
    h.as_old_mut().linkname[..l].copy_from_slice(&link[..l]);
    h.set_mode(mode & 0o7_777_777);
    h.set_entry_type(kind);
    h.set_size(data.len() as u64);
    h.set_cksum();
    let mut out = h.as_bytes().to_vec();
    out.extend_from_slice(data);
    out.resize(out.len().div_ceil(512) * 512, 0);
    out
}

fn check(tar: &[u8]) -> Result<(), TestCaseError> {
    let parent = tempfile::tempdir().unwrap();
    let dest = parent.path().join("layer");
    fs::create_dir(&dest).unwrap();
    let _ = extract_layer(tar, &dest, &ExtractOptions { rootless: true });
    let beside: Vec<_> = fs::read_dir(parent.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    prop_assert_eq!(beside, vec![std::ffi::OsString::from("layer")]);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn hostile_layer_tars_extract_or_fail_inside_the_layer(
        members in prop::collection::vec(member(), 1..8),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut tar = write(&members);
        for (at, b) in flips {
            let i = at.index(tar.len());
            tar[i] = b;
        }
        if let Some(cut) = cut {
            tar.truncate(cut.index(tar.len()));
        }
        check(&tar)?;
    }

    #[test]
    fn random_bytes_are_no_layer(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes)?;
    }
}
