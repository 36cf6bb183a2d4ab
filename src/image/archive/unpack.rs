//! The archive unpacked into a private directory, accepting only the member names the
//! two formats use, with no link ever created on disk.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::PathBuf;

use super::save::{hex_of, is_hex64, verify_bytes};
use super::{io_err, malformed, ArchiveError, MAX_JSON, MAX_LINK_HOPS};

/// An archive unpacked into a tmp dir: regular files on disk, links only in memory.
pub(super) struct Unpacked {
    pub(super) root: PathBuf,
    pub(super) files: HashSet<String>,
    /// name -> archive-relative target, already checked to stay inside the archive.
    pub(super) links: HashMap<String, String>,
}

/// Clean an archive member name to `a/b` form. `Ok(None)` for the archive root itself.
/// Absolute names and `..` are refused outright: no legitimate archive has them.
pub(super) fn clean_member(raw: &str) -> Result<Option<String>, ArchiveError> {
    if raw.starts_with('/') {
        return Err(ArchiveError::UnsafeMember(raw.to_string()));
    }
    let mut parts = Vec::new();
    for c in raw.split('/') {
        match c {
            "" | "." => {}
            ".." => return Err(ArchiveError::UnsafeMember(raw.to_string())),
            c => parts.push(c),
        }
    }
    if parts.is_empty() {
        return Ok(None);
    }
    Ok(Some(parts.join("/")))
}

/// Resolve a symlink target written in member `name` to an archive-relative name.
pub(super) fn resolve_link_target(name: &str, target: &str) -> Result<String, ArchiveError> {
    if target.starts_with('/') {
        return Err(ArchiveError::UnsafeMember(format!("{name} -> {target}")));
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    parts.pop();
    for c in target.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(ArchiveError::UnsafeMember(format!("{name} -> {target}")));
                }
            }
            c => parts.push(c),
        }
    }
    Ok(parts.join("/"))
}

pub(super) fn is_digest_part(s: &str, extra: &[u8]) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || extra.contains(&b))
}

/// The names docker-archive (Docker old and new, Podman) and OCI layouts use.
pub(super) fn is_expected_member(name: &str, dir: bool) -> bool {
    let parts: Vec<&str> = name.split('/').collect();
    match (dir, parts.as_slice()) {
        (true, ["blobs"]) => true,
        (true, ["blobs", alg]) => is_digest_part(alg, b"+._-"),
        (true, [id]) => is_hex64(id),
        (false, ["manifest.json" | "repositories" | "index.json" | "oci-layout"]) => true,
        (false, ["blobs", alg, enc]) => is_digest_part(alg, b"+._-") && is_digest_part(enc, b"=_-"),
        (false, [file]) => file
            .strip_suffix(".json")
            .or_else(|| file.strip_suffix(".tar"))
            .is_some_and(is_hex64),
        (false, [id, "layer.tar" | "VERSION" | "json"]) => is_hex64(id),
        _ => false,
    }
}

impl Unpacked {
    pub(super) fn read(input: impl Read, root: PathBuf) -> Result<Unpacked, ArchiveError> {
        let mut u = Unpacked {
            root,
            files: HashSet::new(),
            links: HashMap::new(),
        };
        let mut tar = tar::Archive::new(input);
        let entries = tar.entries().map_err(io_err("reading archive"))?;
        for entry in entries {
            let mut entry = entry.map_err(io_err("reading archive"))?;
            let raw = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
            let Some(name) = clean_member(&raw)? else {
                continue;
            };
            let kind = entry.header().entry_type();
            let is_dir = kind.is_dir();
            if !is_expected_member(&name, is_dir) {
                return Err(ArchiveError::UnexpectedMember(raw));
            }
            match kind {
                tar::EntryType::Directory => {
                    let p = u.root.join(&name);
                    fs::create_dir_all(&p).map_err(io_err(p.display()))?;
                }
                tar::EntryType::Regular | tar::EntryType::Continuous => {
                    let p = u.root.join(&name);
                    if let Some(parent) = p.parent() {
                        fs::create_dir_all(parent).map_err(io_err(parent.display()))?;
                    }
                    let mut f = File::create(&p).map_err(io_err(p.display()))?;
                    io::copy(&mut entry, &mut f).map_err(io_err(format!("reading {raw}")))?;
                    u.links.remove(&name);
                    u.files.insert(name);
                }
                tar::EntryType::Symlink | tar::EntryType::Link => {
                    let target = entry
                        .link_name_bytes()
                        .map(|t| String::from_utf8_lossy(&t).into_owned())
                        .unwrap_or_default();
                    let resolved = if kind == tar::EntryType::Symlink {
                        resolve_link_target(&name, &target)?
                    } else {
                        // Hard link targets are archive names, not paths relative to the link.
                        clean_member(&target)?.unwrap_or_default()
                    };
                    u.files.remove(&name);
                    u.links.insert(name, resolved);
                }
                other => {
                    return Err(ArchiveError::UnsupportedMember {
                        name: raw,
                        kind: format!("{other:?}"),
                    })
                }
            }
        }
        Ok(u)
    }

    pub(super) fn exists(&self, name: &str) -> bool {
        self.path(name).is_ok()
    }

    /// The file a member name (from manifest.json or a digest) stands for.
    pub(super) fn path(&self, name: &str) -> Result<PathBuf, ArchiveError> {
        let mut cur = clean_member(name)?.ok_or_else(|| ArchiveError::Missing(name.into()))?;
        for _ in 0..MAX_LINK_HOPS {
            if self.files.contains(&cur) {
                return Ok(self.root.join(&cur));
            }
            match self.links.get(&cur) {
                Some(t) => cur = t.clone(),
                None => break,
            }
        }
        Err(ArchiveError::Missing(name.to_string()))
    }

    pub(super) fn read_small(&self, name: &str) -> Result<Vec<u8>, ArchiveError> {
        let p = self.path(name)?;
        let f = File::open(&p).map_err(io_err(name))?;
        let mut buf = Vec::new();
        f.take(MAX_JSON + 1)
            .read_to_end(&mut buf)
            .map_err(io_err(name))?;
        if buf.len() as u64 > MAX_JSON {
            return Err(malformed(name, "file too large"));
        }
        Ok(buf)
    }

    pub(super) fn blob_name(digest: &str) -> Result<String, ArchiveError> {
        Ok(format!("blobs/sha256/{}", hex_of(digest)?))
    }

    /// A small blob (manifest, config), verified against its digest.
    pub(super) fn read_blob(&self, digest: &str, what: &str) -> Result<Vec<u8>, ArchiveError> {
        let data = self.read_small(&Self::blob_name(digest)?)?;
        verify_bytes(&data, digest, what)?;
        Ok(data)
    }
}
