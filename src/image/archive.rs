//! `cove save` / `cove load`: images to and from tar archives in Docker's `docker save`
//! format (docker-archive) or as an OCI image layout in a tar (oci-archive).
//!
//! An archive is untrusted input. `load` first unpacks it into a private store tmp dir
//! (tars are sequential; manifests may come after the layers they name), accepting only
//! the member names these formats use and never creating a link on disk. Every layer is
//! then verified and extracted through [`layer_unpack`], and only when all layers of all
//! images in the archive verified is anything committed: a tampered archive leaves no
//! image, no layer, no blob.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use oci_client::manifest::{
    IMAGE_CONFIG_MEDIA_TYPE, IMAGE_LAYER_GZIP_MEDIA_TYPE, IMAGE_LAYER_MEDIA_TYPE,
    IMAGE_MANIFEST_LIST_MEDIA_TYPE, OCI_IMAGE_INDEX_MEDIA_TYPE, OCI_IMAGE_MEDIA_TYPE,
};
use serde::Deserialize;
use serde_json::json;

use crate::image::layer_unpack::{self, KeepBlob, LayerSpec, Prepared, UnpackError};
use crate::image::platform::Platform;
use crate::image::reference::Reference;
use crate::image::store::{sha256_digest, Store, StoreError};
use crate::storage::compression;
use crate::storage::db::{ImageLayer, ImageRecord};
use crate::storage::digest::DigestReader;
use crate::storage::extract::ExtractError;

pub const OCI_LAYER_ZSTD_MEDIA_TYPE: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
const ANNOTATION_REF_NAME: &str = "org.opencontainers.image.ref.name";
const ANNOTATION_CONTAINERD_NAME: &str = "io.containerd.image.name";
/// manifest.json, index.json, configs: anything bigger is not a real archive.
const MAX_JSON: u64 = 64 << 20;
/// Symlink chains inside an archive (Docker links duplicate layers).
const MAX_LINK_HOPS: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveFormat {
    /// `docker save`: manifest.json, `<config hex>.json`, `<hex>/layer.tar`, repositories.
    DockerArchive,
    /// An OCI image layout (oci-layout, index.json, blobs/sha256/*) in a tar.
    OciArchive,
}

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{what}: {source}")]
    Io { what: String, source: io::Error },
    #[error("archive member {0:?} is not allowed: absolute path or `..`")]
    UnsafeMember(String),
    #[error("unexpected archive member {0:?}: not part of a docker-archive or oci-archive")]
    UnexpectedMember(String),
    #[error("archive member {name:?}: {kind} entries are not allowed")]
    UnsupportedMember { name: String, kind: String },
    #[error("archive has no member {0:?}")]
    Missing(String),
    #[error("not an image archive: it has neither manifest.json nor index.json and oci-layout")]
    NotAnArchive,
    #[error("archive contains no images")]
    Empty,
    #[error("invalid {what} in archive: {detail}")]
    Malformed { what: String, detail: String },
    #[error("invalid image name {name:?} in archive: {detail}")]
    Name { name: String, detail: String },
    #[error("digest mismatch for {what}: expected {expected}, got {actual}")]
    DigestMismatch {
        what: String,
        expected: String,
        actual: String,
    },
    #[error("layer {digest}: {source}")]
    Extract {
        digest: String,
        source: ExtractError,
    },
}

impl From<UnpackError> for ArchiveError {
    fn from(e: UnpackError) -> Self {
        match e {
            UnpackError::Store(e) => ArchiveError::Store(e),
            UnpackError::DigestMismatch {
                what,
                expected,
                actual,
            } => ArchiveError::DigestMismatch {
                what,
                expected,
                actual,
            },
            UnpackError::Extract { digest, source } => ArchiveError::Extract { digest, source },
            UnpackError::Io { digest, source } => ArchiveError::Io {
                what: format!("layer {digest}"),
                source,
            },
        }
    }
}

fn io_err(what: impl std::fmt::Display) -> impl FnOnce(io::Error) -> ArchiveError {
    let what = what.to_string();
    move |source| ArchiveError::Io { what, source }
}

fn malformed(what: &str, detail: impl std::fmt::Display) -> ArchiveError {
    ArchiveError::Malformed {
        what: what.to_string(),
        detail: detail.to_string(),
    }
}

/// One image read from an archive and now in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub id: String,
    /// Full normalised names (`docker.io/library/alpine:latest`).
    pub names: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// save

/// What `save` records for each image the user named: by ID, no name; by name, that one
/// of its names.
pub fn select(
    store: &Store,
    inputs: &[String],
) -> Result<Vec<(ImageRecord, Vec<String>)>, ArchiveError> {
    let mut images = Vec::new();
    for input in inputs {
        let img = store.find(input)?;
        let by_id = img
            .id
            .trim_start_matches("sha256:")
            .starts_with(input.trim_start_matches("sha256:"));
        let names = if by_id {
            Vec::new()
        } else {
            let names = store.db().names_of(&img.id).map_err(StoreError::from)?;
            super::remove::resolve_name_of(&names, input)
                .into_iter()
                .collect()
        };
        images.push((img, names));
    }
    Ok(images)
}

/// Write `images` (each with the names to record for it, e.g.
/// `docker.io/library/alpine:latest`) as one archive to `out`. Images share layers and
/// blobs in the archive; each is written once.
pub fn save(
    store: &Store,
    images: &[(ImageRecord, Vec<String>)],
    format: ArchiveFormat,
    out: impl Write,
) -> Result<(), ArchiveError> {
    let mut tar = tar::Builder::new(out);
    match format {
        ArchiveFormat::DockerArchive => save_docker(store, images, &mut tar)?,
        ArchiveFormat::OciArchive => save_oci(store, images, &mut tar)?,
    }
    let mut out = tar.into_inner().map_err(io_err("writing archive"))?;
    out.flush().map_err(io_err("writing archive"))
}

fn hex_of(digest: &str) -> Result<&str, ArchiveError> {
    match digest.split_once(':') {
        Some(("sha256", hex)) if is_hex64(hex) => Ok(hex),
        _ => Err(malformed(
            "digest",
            format!("{digest:?} is not a sha256 digest"),
        )),
    }
}

fn is_hex64(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn header(kind: tar::EntryType, size: u64, mode: u32) -> tar::Header {
    let mut h = tar::Header::new_ustar();
    h.set_entry_type(kind);
    h.set_size(size);
    h.set_mode(mode);
    h.set_uid(0);
    h.set_gid(0);
    // A fixed time keeps saving the same image twice byte-identical.
    h.set_mtime(0);
    h
}

fn append_dir<W: Write>(tar: &mut tar::Builder<W>, name: &str) -> Result<(), ArchiveError> {
    let mut h = header(tar::EntryType::Directory, 0, 0o755);
    tar.append_data(&mut h, name, io::empty())
        .map_err(io_err("writing archive"))
}

fn append_bytes<W: Write>(
    tar: &mut tar::Builder<W>,
    name: &str,
    data: &[u8],
) -> Result<(), ArchiveError> {
    let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o644);
    tar.append_data(&mut h, name, data)
        .map_err(io_err("writing archive"))
}

/// Copy the file at `path` into the archive, checking on the way that it still hashes to
/// `digest`: a store blob damaged on disk must not travel on unnoticed.
fn append_file_verified<W: Write>(
    tar: &mut tar::Builder<W>,
    name: &str,
    path: &Path,
    digest: &str,
) -> Result<(), ArchiveError> {
    let f = File::open(path).map_err(io_err(path.display()))?;
    let size = f.metadata().map_err(io_err(path.display()))?.len();
    let mut reader = DigestReader::new(f.take(size));
    let mut h = header(tar::EntryType::Regular, size, 0o644);
    tar.append_data(&mut h, name, &mut reader)
        .map_err(io_err("writing archive"))?;
    let (actual, n) = reader.finish();
    if n != size {
        return Err(ArchiveError::Io {
            what: path.display().to_string(),
            source: io::Error::new(io::ErrorKind::UnexpectedEof, "file shrank while saving"),
        });
    }
    if actual != digest {
        return Err(ArchiveError::DigestMismatch {
            what: format!("stored blob {}", path.display()),
            expected: digest.to_string(),
            actual,
        });
    }
    Ok(())
}

fn verify_bytes(data: &[u8], expected: &str, what: &str) -> Result<(), ArchiveError> {
    let actual = sha256_digest(data);
    if actual != expected {
        return Err(ArchiveError::DigestMismatch {
            what: what.to_string(),
            expected: expected.to_string(),
            actual,
        });
    }
    Ok(())
}

/// `repo:tag` split at the tag's colon (a registry port has a `/` after it).
fn split_tag(name: &str) -> Option<(&str, &str)> {
    if name.contains('@') {
        return None;
    }
    let (repo, tag) = name.rsplit_once(':')?;
    if tag.contains('/') || tag.is_empty() || repo.is_empty() {
        return None;
    }
    Some((repo, tag))
}

fn save_docker<W: Write>(
    store: &Store,
    images: &[(ImageRecord, Vec<String>)],
    tar: &mut tar::Builder<W>,
) -> Result<(), ArchiveError> {
    let mut written: HashSet<String> = HashSet::new();
    let mut manifest = Vec::new();
    let mut repositories = serde_json::Map::new();
    for (img, names) in images {
        verify_bytes(&img.config, &img.id, "image config")?;
        let config_name = format!("{}.json", hex_of(&img.id)?);
        if written.insert(config_name.clone()) {
            append_bytes(tar, &config_name, &img.config)?;
        }
        let mut layer_names = Vec::new();
        for l in &img.layers {
            let hex = hex_of(&l.diff_id)?;
            let name = format!("{hex}/layer.tar");
            if written.insert(name.clone()) {
                append_dir(tar, &format!("{hex}/"))?;
                append_layer_tar(store, tar, &name, l)?;
            }
            layer_names.push(name);
        }
        let tags: Vec<&String> = names.iter().filter(|n| split_tag(n).is_some()).collect();
        manifest.push(json!({
            "Config": config_name,
            "RepoTags": if tags.is_empty() { serde_json::Value::Null } else { json!(tags) },
            "Layers": layer_names,
        }));
        if let Some(top) = img.layers.last() {
            let top = hex_of(&top.diff_id)?;
            for (repo, tag) in tags.iter().filter_map(|n| split_tag(n)) {
                let entry = repositories
                    .entry(repo.to_string())
                    .or_insert_with(|| json!({}));
                entry[tag] = json!(top);
            }
        }
    }
    append_bytes(tar, "manifest.json", json!(manifest).to_string().as_bytes())?;
    append_bytes(
        tar,
        "repositories",
        serde_json::Value::Object(repositories)
            .to_string()
            .as_bytes(),
    )
}

/// Docker archives carry layers uncompressed: decompress the stored blob into a tmp file
/// (tar needs the size before the data), checking it against the diff_id.
fn append_layer_tar<W: Write>(
    store: &Store,
    tar: &mut tar::Builder<W>,
    name: &str,
    layer: &ImageLayer,
) -> Result<(), ArchiveError> {
    let blob = store.blob_path(&layer.blob_digest)?;
    if layer.blob_digest == layer.diff_id {
        // Stored uncompressed (loaded from a docker-archive, imported): copy as is.
        return append_file_verified(tar, name, &blob, &layer.diff_id);
    }
    let tmp = store.tmp_dir()?;
    let tar_path = tmp.path().join("layer.tar");
    {
        let f = File::open(&blob).map_err(io_err(blob.display()))?;
        let mut compressed = DigestReader::new(f);
        let mut plain = DigestReader::new(
            compression::decompress(&mut compressed).map_err(io_err(blob.display()))?,
        );
        let mut out = File::create(&tar_path).map_err(io_err(tar_path.display()))?;
        io::copy(&mut plain, &mut out).map_err(io_err(blob.display()))?;
        let (diff_id, _) = plain.finish();
        let (actual, _) = compressed.finish();
        if actual != layer.blob_digest {
            return Err(ArchiveError::DigestMismatch {
                what: format!("stored blob {}", blob.display()),
                expected: layer.blob_digest.clone(),
                actual,
            });
        }
        if diff_id != layer.diff_id {
            return Err(ArchiveError::DigestMismatch {
                what: format!("uncompressed layer {}", layer.blob_digest),
                expected: layer.diff_id.clone(),
                actual: diff_id,
            });
        }
    }
    append_file_verified(tar, name, &tar_path, &layer.diff_id)
}

fn save_oci<W: Write>(
    store: &Store,
    images: &[(ImageRecord, Vec<String>)],
    tar: &mut tar::Builder<W>,
) -> Result<(), ArchiveError> {
    append_bytes(tar, "oci-layout", br#"{"imageLayoutVersion":"1.0.0"}"#)?;
    append_dir(tar, "blobs/")?;
    append_dir(tar, "blobs/sha256/")?;
    let mut written: HashSet<String> = HashSet::new();
    let mut descriptors = Vec::new();
    for (img, names) in images {
        verify_bytes(&img.manifest, &img.manifest_digest, "image manifest")?;
        verify_bytes(&img.config, &img.id, "image config")?;
        for (digest, data) in [
            (&img.manifest_digest, &img.manifest),
            (&img.id, &img.config),
        ] {
            if written.insert(digest.clone()) {
                append_bytes(tar, &format!("blobs/sha256/{}", hex_of(digest)?), data)?;
            }
        }
        for l in &img.layers {
            if written.insert(l.blob_digest.clone()) {
                let name = format!("blobs/sha256/{}", hex_of(&l.blob_digest)?);
                append_file_verified(
                    tar,
                    &name,
                    &store.blob_path(&l.blob_digest)?,
                    &l.blob_digest,
                )?;
            }
        }
        let descriptor = |annotations: Option<serde_json::Value>| {
            let mut d = json!({
                "mediaType": img.manifest_media_type,
                "digest": img.manifest_digest,
                "size": img.manifest.len(),
            });
            if let Some(a) = annotations {
                d["annotations"] = a;
            }
            d
        };
        let tagged: Vec<(&String, &str)> = names
            .iter()
            .filter_map(|n| split_tag(n).map(|(_, t)| (n, t)))
            .collect();
        if tagged.is_empty() {
            descriptors.push(descriptor(None));
        }
        for (name, tag) in tagged {
            // Both conventions, so podman, skopeo and containerd all find the name.
            descriptors.push(descriptor(Some(json!({
                ANNOTATION_CONTAINERD_NAME: name,
                ANNOTATION_REF_NAME: tag,
            }))));
        }
    }
    let index = json!({
        "schemaVersion": 2,
        "mediaType": OCI_IMAGE_INDEX_MEDIA_TYPE,
        "manifests": descriptors,
    });
    append_bytes(tar, "index.json", index.to_string().as_bytes())
}

// ---------------------------------------------------------------------------------------
// load

/// Read an archive (docker-archive or oci-archive, possibly gzip or zstd compressed) and
/// store every image in it. Layers the store already has are not extracted again.
pub fn load(store: &Store, input: impl Read, rootless: bool) -> Result<Vec<Loaded>, ArchiveError> {
    let tmp = store.tmp_dir()?;
    let root = tmp.path().join("archive");
    fs::create_dir(&root).map_err(io_err(root.display()))?;
    let input = compression::decompress(input).map_err(io_err("reading archive"))?;
    let archive = Unpacked::read(input, root)?;
    let plans = if archive.exists("index.json") && archive.exists("oci-layout") {
        plan_oci(&archive)?
    } else if archive.exists("manifest.json") {
        plan_docker(&archive)?
    } else {
        return Err(ArchiveError::NotAnArchive);
    };
    if plans.is_empty() {
        return Err(ArchiveError::Empty);
    }
    let loaded = apply(store, plans, rootless)?;
    for l in &loaded {
        store.emit("load", &l.id, l.names.first().map_or("", String::as_str));
    }
    Ok(loaded)
}

/// An archive unpacked into a tmp dir: regular files on disk, links only in memory.
struct Unpacked {
    root: PathBuf,
    files: HashSet<String>,
    /// name -> archive-relative target, already checked to stay inside the archive.
    links: HashMap<String, String>,
}

/// Clean an archive member name to `a/b` form. `Ok(None)` for the archive root itself.
/// Absolute names and `..` are refused outright: no legitimate archive has them.
fn clean_member(raw: &str) -> Result<Option<String>, ArchiveError> {
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
fn resolve_link_target(name: &str, target: &str) -> Result<String, ArchiveError> {
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

fn is_digest_part(s: &str, extra: &[u8]) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || extra.contains(&b))
}

/// The names docker-archive (Docker old and new, Podman) and OCI layouts use.
fn is_expected_member(name: &str, dir: bool) -> bool {
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
    fn read(input: impl Read, root: PathBuf) -> Result<Unpacked, ArchiveError> {
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

    fn exists(&self, name: &str) -> bool {
        self.path(name).is_ok()
    }

    /// The file a member name (from manifest.json or a digest) stands for.
    fn path(&self, name: &str) -> Result<PathBuf, ArchiveError> {
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

    fn read_small(&self, name: &str) -> Result<Vec<u8>, ArchiveError> {
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

    fn blob_name(digest: &str) -> Result<String, ArchiveError> {
        Ok(format!("blobs/sha256/{}", hex_of(digest)?))
    }

    /// A small blob (manifest, config), verified against its digest.
    fn read_blob(&self, digest: &str, what: &str) -> Result<Vec<u8>, ArchiveError> {
        let data = self.read_small(&Self::blob_name(digest)?)?;
        verify_bytes(&data, digest, what)?;
        Ok(data)
    }
}

/// One image to store, everything read but nothing verified beyond the small blobs.
struct ImagePlan {
    id: String,
    config: Vec<u8>,
    manifest: Vec<u8>,
    manifest_digest: String,
    manifest_media_type: String,
    created: String,
    layers: Vec<LayerPlan>,
    names: Vec<String>,
    /// Only for OCI layouts, whose manifest is the original one.
    repo_digests: Vec<(String, String)>,
}

struct LayerPlan {
    layer: ImageLayer,
    /// The blob's file in the unpacked archive.
    source: PathBuf,
}

/// diff_ids and creation time from an image config.
fn config_facts(config: &[u8]) -> Result<(Vec<String>, String), ArchiveError> {
    let v: serde_json::Value =
        serde_json::from_slice(config).map_err(|e| malformed("image config", e))?;
    let diff_ids = v
        .pointer("/rootfs/diff_ids")
        .and_then(|d| d.as_array())
        .ok_or_else(|| malformed("image config", "no rootfs.diff_ids"))?
        .iter()
        .map(|d| match d.as_str() {
            Some(s) => hex_of(s).map(|_| s.to_string()),
            None => Err(malformed("image config", "diff_id is not a string")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let created = v
        .get("created")
        .and_then(|c| c.as_str())
        .unwrap_or_default()
        .to_string();
    Ok((diff_ids, created))
}

fn normalise_name(name: &str) -> Result<Reference, ArchiveError> {
    Reference::parse(name).map_err(|e| ArchiveError::Name {
        name: name.to_string(),
        detail: e.to_string(),
    })
}

#[derive(Deserialize)]
struct DockerManifestEntry {
    #[serde(rename = "Config")]
    config: String,
    #[serde(rename = "RepoTags", default)]
    repo_tags: Option<Vec<String>>,
    #[serde(rename = "Layers")]
    layers: Vec<String>,
}

fn sniff_media_type(path: &Path) -> Result<&'static str, ArchiveError> {
    let mut head = [0u8; 4];
    let mut f = File::open(path).map_err(io_err(path.display()))?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]).map_err(io_err(path.display()))? {
            0 => break,
            k => n += k,
        }
    }
    Ok(match compression::detect(&head[..n]) {
        compression::Compression::Gzip => IMAGE_LAYER_GZIP_MEDIA_TYPE,
        compression::Compression::Zstd => OCI_LAYER_ZSTD_MEDIA_TYPE,
        compression::Compression::None => IMAGE_LAYER_MEDIA_TYPE,
    })
}

fn file_digest(path: &Path) -> Result<(String, u64), ArchiveError> {
    let f = File::open(path).map_err(io_err(path.display()))?;
    let mut r = DigestReader::new(f);
    io::copy(&mut r, &mut io::sink()).map_err(io_err(path.display()))?;
    Ok(r.finish())
}

fn plan_docker(archive: &Unpacked) -> Result<Vec<ImagePlan>, ArchiveError> {
    let raw = archive.read_small("manifest.json")?;
    let entries: Vec<DockerManifestEntry> =
        serde_json::from_slice(&raw).map_err(|e| malformed("manifest.json", e))?;
    let mut plans = Vec::new();
    for e in entries {
        let config = archive.read_small(&e.config)?;
        let id = sha256_digest(&config);
        let (diff_ids, created) = config_facts(&config)?;
        if diff_ids.len() != e.layers.len() {
            return Err(malformed(
                "manifest.json",
                format!(
                    "{} lists {} layers but its config {} diff_ids",
                    e.config,
                    e.layers.len(),
                    diff_ids.len()
                ),
            ));
        }
        let mut layers = Vec::new();
        for (name, diff_id) in e.layers.iter().zip(diff_ids) {
            let source = archive.path(name)?;
            let media_type = sniff_media_type(&source)?;
            // Docker writes layers uncompressed, so the blob is the tar and its digest the
            // diff_id (checked while extracting); a compressed one needs its own digest.
            let (blob_digest, blob_size) = if media_type == IMAGE_LAYER_MEDIA_TYPE {
                let size = fs::metadata(&source)
                    .map_err(io_err(source.display()))?
                    .len();
                (diff_id.clone(), size)
            } else {
                file_digest(&source)?
            };
            layers.push(LayerPlan {
                layer: ImageLayer {
                    diff_id,
                    blob_digest,
                    blob_media_type: media_type.to_string(),
                    blob_size,
                },
                source,
            });
        }
        let manifest =
            synthesize_manifest(&id, config.len() as u64, layers.iter().map(|l| &l.layer));
        let names = e
            .repo_tags
            .unwrap_or_default()
            .iter()
            .map(|n| normalise_name(n).map(|r| r.whole()))
            .collect::<Result<Vec<_>, _>>()?;
        plans.push(ImagePlan {
            id,
            config,
            manifest_digest: sha256_digest(&manifest),
            manifest,
            manifest_media_type: OCI_IMAGE_MEDIA_TYPE.to_string(),
            created,
            layers,
            names,
            repo_digests: Vec::new(),
        });
    }
    Ok(plans)
}

/// An OCI manifest for an image that came without one (docker-archive, import), so push
/// and save work later.
pub(crate) fn synthesize_manifest<'a>(
    config_digest: &str,
    config_size: u64,
    layers: impl IntoIterator<Item = &'a ImageLayer>,
) -> Vec<u8> {
    let m = json!({
        "schemaVersion": 2,
        "mediaType": OCI_IMAGE_MEDIA_TYPE,
        "config": {
            "mediaType": IMAGE_CONFIG_MEDIA_TYPE,
            "digest": config_digest,
            "size": config_size,
        },
        "layers": layers.into_iter().map(|l| json!({
            "mediaType": l.blob_media_type,
            "digest": l.blob_digest,
            "size": l.blob_size,
        })).collect::<Vec<_>>(),
    });
    // A Value always serialises: its keys are strings.
    m.to_string().into_bytes()
}

#[derive(Deserialize)]
struct Descriptor {
    #[serde(rename = "mediaType", default)]
    media_type: String,
    digest: String,
    #[serde(default)]
    size: u64,
    #[serde(default)]
    annotations: HashMap<String, String>,
}

#[derive(Deserialize)]
struct IndexJson {
    manifests: Vec<Descriptor>,
}

#[derive(Deserialize)]
struct ManifestJson {
    #[serde(rename = "mediaType", default)]
    media_type: String,
    config: Descriptor,
    layers: Vec<Descriptor>,
}

fn is_index_type(mt: &str) -> bool {
    mt == OCI_IMAGE_INDEX_MEDIA_TYPE || mt == IMAGE_MANIFEST_LIST_MEDIA_TYPE
}

/// The name an index.json entry gives its image: containerd's full name, else
/// `ref.name` when it is a full reference (OCI also allows a bare tag there, which names
/// no repository and so is not kept).
fn descriptor_name(d: &Descriptor) -> Result<Option<Reference>, ArchiveError> {
    if let Some(n) = d.annotations.get(ANNOTATION_CONTAINERD_NAME) {
        return normalise_name(n).map(Some);
    }
    match d.annotations.get(ANNOTATION_REF_NAME) {
        Some(n) if n.contains('/') || n.contains(':') => normalise_name(n).map(Some),
        _ => Ok(None),
    }
}

fn plan_oci(archive: &Unpacked) -> Result<Vec<ImagePlan>, ArchiveError> {
    let raw = archive.read_small("index.json")?;
    let index: IndexJson = serde_json::from_slice(&raw).map_err(|e| malformed("index.json", e))?;
    let mut plans: Vec<ImagePlan> = Vec::new();
    for d in &index.manifests {
        let name = descriptor_name(d)?;
        let (digest, media_type) = resolve_index_entry(archive, d)?;
        if let Some(p) = plans.iter_mut().find(|p| p.manifest_digest == digest) {
            if let Some(r) = name {
                p.names.push(r.whole());
                p.repo_digests.push((r.repository_with_registry(), digest));
            }
            continue;
        }
        let manifest = archive.read_blob(&digest, "image manifest")?;
        let m: ManifestJson =
            serde_json::from_slice(&manifest).map_err(|e| malformed("image manifest", e))?;
        let config = archive.read_blob(&m.config.digest, "image config")?;
        let (diff_ids, created) = config_facts(&config)?;
        if diff_ids.len() != m.layers.len() {
            return Err(malformed(
                "image manifest",
                format!(
                    "{digest} has {} layers but its config lists {} diff_ids",
                    m.layers.len(),
                    diff_ids.len()
                ),
            ));
        }
        let layers = m
            .layers
            .iter()
            .zip(diff_ids)
            .map(|(l, diff_id)| {
                Ok(LayerPlan {
                    source: archive.path(&Unpacked::blob_name(&l.digest)?)?,
                    layer: ImageLayer {
                        diff_id,
                        blob_digest: l.digest.clone(),
                        blob_media_type: l.media_type.clone(),
                        blob_size: l.size,
                    },
                })
            })
            .collect::<Result<Vec<_>, ArchiveError>>()?;
        let manifest_media_type = [media_type, m.media_type]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| OCI_IMAGE_MEDIA_TYPE.to_string());
        let (names, repo_digests) = match name {
            Some(r) => (
                vec![r.whole()],
                vec![(r.repository_with_registry(), digest.clone())],
            ),
            None => (Vec::new(), Vec::new()),
        };
        plans.push(ImagePlan {
            id: m.config.digest.clone(),
            config,
            manifest,
            manifest_digest: digest,
            manifest_media_type,
            created,
            layers,
            names,
            repo_digests,
        });
    }
    Ok(plans)
}

/// An index.json entry may itself be an index (a multi-platform image): pick the host's
/// platform, as pull does. Returns the manifest's digest and media type.
fn resolve_index_entry(
    archive: &Unpacked,
    d: &Descriptor,
) -> Result<(String, String), ArchiveError> {
    let (mut digest, mut media_type) = (d.digest.clone(), d.media_type.clone());
    // Nesting deeper than this is not something any tool writes.
    for _ in 0..4 {
        if !is_index_type(&media_type) {
            return Ok((digest, media_type));
        }
        let raw = archive.read_blob(&digest, "image index")?;
        let idx = oci_spec::image::ImageIndex::from_reader(&raw[..])
            .map_err(|e| malformed("image index", e))?;
        let chosen = Platform::host()
            .select(&idx)
            .map_err(|e| malformed("image index", e))?;
        media_type = idx
            .manifests()
            .iter()
            .find(|m| m.digest().to_string() == chosen)
            .map(|m| m.media_type().to_string())
            .unwrap_or_default();
        digest = chosen;
    }
    Err(malformed("image index", "nested too deeply"))
}

/// A layer of the archive on its way into the store.
enum LayerState {
    /// The store has it already.
    Present {
        size: u64,
    },
    /// The store has the layer but not this blob: the verified blob file is kept too.
    BlobOnly {
        size: u64,
        verified: PathBuf,
    },
    Prepared(Prepared),
}

/// Verify and extract every new layer of every image, then commit all of it.
fn apply(
    store: &Store,
    plans: Vec<ImagePlan>,
    rootless: bool,
) -> Result<Vec<Loaded>, ArchiveError> {
    // Keyed by diff_id and blob: the same layer may come compressed two ways.
    let mut states: HashMap<(String, String), LayerState> = HashMap::new();
    for l in plans.iter().flat_map(|p| &p.layers) {
        let key = (l.layer.diff_id.clone(), l.layer.blob_digest.clone());
        if states.contains_key(&key) {
            continue;
        }
        let state = prepare_layer(store, l, rootless)?;
        states.insert(key, state);
    }

    let mut sizes: HashMap<String, u64> = HashMap::new();
    for ((diff_id, blob_digest), state) in states {
        let size = match state {
            LayerState::Present { size } => size,
            LayerState::BlobOnly { size, verified } => {
                store.commit_blob(&verified, &blob_digest)?;
                size
            }
            LayerState::Prepared(p) => p.commit(store)?,
        };
        sizes.insert(diff_id, size);
    }

    let mut loaded = Vec::new();
    for p in plans {
        store.write_blob(&p.config)?;
        let record = ImageRecord {
            id: p.id.clone(),
            config: p.config,
            manifest: p.manifest,
            manifest_digest: p.manifest_digest,
            manifest_media_type: p.manifest_media_type,
            created: p.created,
            size: p
                .layers
                .iter()
                .map(|l| sizes.get(&l.layer.diff_id).copied().unwrap_or(0))
                .sum(),
            added_at: chrono::Utc::now().timestamp(),
            layers: p.layers.into_iter().map(|l| l.layer).collect(),
        };
        store.put_image(&record, &p.names, &p.repo_digests)?;
        loaded.push(Loaded {
            id: p.id,
            names: p.names,
        });
    }
    Ok(loaded)
}

fn prepare_layer(store: &Store, l: &LayerPlan, rootless: bool) -> Result<LayerState, ArchiveError> {
    let layer = &l.layer;
    if store.has_layer(&layer.diff_id)? {
        let size = store
            .db()
            .layer_size(&layer.diff_id)
            .map_err(StoreError::from)?
            .unwrap_or(0);
        if store.has_blob(&layer.blob_digest) {
            return Ok(LayerState::Present { size });
        }
        let (actual, _) = file_digest(&l.source)?;
        if actual != layer.blob_digest {
            return Err(ArchiveError::DigestMismatch {
                what: format!("layer {}", layer.blob_digest),
                expected: layer.blob_digest.clone(),
                actual,
            });
        }
        return Ok(LayerState::BlobOnly {
            size,
            verified: l.source.clone(),
        });
    }
    let spec = LayerSpec {
        blob_digest: layer.blob_digest.clone(),
        diff_id: layer.diff_id.clone(),
        rootless,
    };
    let keep = if store.has_blob(&layer.blob_digest) {
        KeepBlob::No
    } else {
        KeepBlob::Move(l.source.clone())
    };
    let f = File::open(&l.source).map_err(io_err(l.source.display()))?;
    Ok(LayerState::Prepared(layer_unpack::prepare(
        store, &spec, f, keep,
    )?))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::paths::Paths;

    pub(crate) fn test_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        let paths = Paths {
            data: p.join("data"),
            runtime: p.join("run"),
            config: p.join("config"),
            home: p.to_path_buf(),
            xdg_runtime: p.to_path_buf(),
        };
        let store = Store::open(&paths).unwrap();
        (dir, store)
    }

    /// An uncompressed layer tar holding `files`, byte-for-byte reproducible.
    pub(crate) fn layer_tar(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, data) in files {
            let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o644);
            b.append_data(&mut h, name, *data).unwrap();
        }
        b.into_inner().unwrap()
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// An image as a pull would leave it: gzip blobs, an OCI manifest, names.
    fn make_image(store: &Store, tars: &[Vec<u8>], names: &[&str]) -> ImageRecord {
        let mut layers = Vec::new();
        for t in tars {
            let blob = gzip(t);
            let layer = ImageLayer {
                diff_id: sha256_digest(t),
                blob_digest: sha256_digest(&blob),
                blob_media_type: IMAGE_LAYER_GZIP_MEDIA_TYPE.into(),
                blob_size: blob.len() as u64,
            };
            if !store.has_layer(&layer.diff_id).unwrap() {
                let spec = LayerSpec {
                    blob_digest: layer.blob_digest.clone(),
                    diff_id: layer.diff_id.clone(),
                    rootless: true,
                };
                layer_unpack::prepare(store, &spec, &blob[..], KeepBlob::Tee)
                    .unwrap()
                    .commit(store)
                    .unwrap();
            }
            layers.push(layer);
        }
        let diff_ids: Vec<&str> = layers.iter().map(|l| l.diff_id.as_str()).collect();
        let config = json!({
            "architecture": "amd64", "os": "linux",
            "created": "2024-01-01T00:00:00Z",
            "config": {"Cmd": ["/bin/sh"]},
            "rootfs": {"type": "layers", "diff_ids": diff_ids},
        })
        .to_string()
        .into_bytes();
        let id = store.write_blob(&config).unwrap();
        let manifest = synthesize_manifest(&id, config.len() as u64, &layers);
        let record = ImageRecord {
            id,
            config,
            manifest_digest: sha256_digest(&manifest),
            manifest,
            manifest_media_type: OCI_IMAGE_MEDIA_TYPE.into(),
            created: "2024-01-01T00:00:00Z".into(),
            size: tars.iter().map(|t| t.len() as u64).sum(),
            added_at: 0,
            layers,
        };
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        store.put_image(&record, &names, &[]).unwrap();
        record
    }

    fn base() -> Vec<u8> {
        layer_tar(&[("etc/os-release", b"NAME=test\n"), ("bin/hello", b"hi")])
    }
    fn top() -> Vec<u8> {
        layer_tar(&[("app/run.sh", b"echo app\n")])
    }

    fn save_to_vec(
        store: &Store,
        images: &[(ImageRecord, Vec<String>)],
        f: ArchiveFormat,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        save(store, images, f, &mut out).unwrap();
        out
    }

    /// (name, contents) of every regular file in an archive.
    fn members(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut a = tar::Archive::new(archive);
        let mut out = Vec::new();
        for e in a.entries().unwrap() {
            let mut e = e.unwrap();
            if e.header().entry_type().is_file() {
                let name = e.path().unwrap().to_string_lossy().into_owned();
                let mut data = Vec::new();
                e.read_to_end(&mut data).unwrap();
                out.push((name, data));
            }
        }
        out
    }

    fn rebuild(archive: &[u8], f: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, data) in members(archive) {
            let data = f(&name, data);
            let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o644);
            b.append_data(&mut h, &name, &data[..]).unwrap();
        }
        b.into_inner().unwrap()
    }

    fn file_count(dir: &Path) -> usize {
        fs::read_dir(dir).unwrap().count()
    }

    const ALPINE: &str = "docker.io/library/alpine:latest";

    #[test]
    fn docker_archive_round_trip_keeps_the_id() {
        let (_d, store) = test_store();
        let img = make_image(&store, &[base(), top()], &[ALPINE]);
        let archive = save_to_vec(
            &store,
            &[(img.clone(), vec![ALPINE.into()])],
            ArchiveFormat::DockerArchive,
        );

        // docker save's layout: layers uncompressed, named by diff_id, config as is
        let files: HashMap<String, Vec<u8>> = members(&archive).into_iter().collect();
        let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
        assert_eq!(manifest[0]["RepoTags"], json!([ALPINE]));
        assert_eq!(files[manifest[0]["Config"].as_str().unwrap()], img.config);
        for (i, l) in manifest[0]["Layers"].as_array().unwrap().iter().enumerate() {
            let data = &files[l.as_str().unwrap()];
            assert_eq!(sha256_digest(data), img.layers[i].diff_id);
        }
        let repos: serde_json::Value = serde_json::from_slice(&files["repositories"]).unwrap();
        assert!(repos["docker.io/library/alpine"]["latest"].is_string());

        store.delete_image(&img.id).unwrap();
        assert_eq!(file_count(&store.paths.layers()), 0);
        let loaded = load(&store, &archive[..], true).unwrap();
        assert_eq!(
            loaded,
            vec![Loaded {
                id: img.id.clone(),
                names: vec![ALPINE.into()]
            }]
        );
        let back = store.find(ALPINE).unwrap();
        assert_eq!(back.id, img.id);
        assert_eq!(back.config, img.config);
        assert_eq!(back.size, img.size);
        for l in &back.layers {
            assert_eq!(l.blob_digest, l.diff_id);
            assert_eq!(l.blob_media_type, IMAGE_LAYER_MEDIA_TYPE);
            assert!(store.has_layer(&l.diff_id).unwrap());
            assert!(store.has_blob(&l.blob_digest));
        }
        let hello = store
            .layer_dir(&img.layers[0].diff_id)
            .unwrap()
            .join("bin/hello");
        assert_eq!(fs::read(hello).unwrap(), b"hi");
        // the synthesized manifest names the stored blobs
        let m: serde_json::Value = serde_json::from_slice(&back.manifest).unwrap();
        assert_eq!(m["config"]["digest"], json!(img.id));
        assert_eq!(m["layers"][1]["digest"], json!(back.layers[1].blob_digest));
        assert_eq!(sha256_digest(&back.manifest), back.manifest_digest);

        // and saving the loaded image again gives the same docker archive
        let again = save_to_vec(
            &store,
            &[(back.clone(), vec![ALPINE.into()])],
            ArchiveFormat::DockerArchive,
        );
        assert_eq!(again, archive);
        // loading into a store that has everything is a no-op that still succeeds
        assert_eq!(load(&store, &archive[..], true).unwrap()[0].id, img.id);
        assert_eq!(file_count(&store.paths.tmp()), 0);
    }

    #[test]
    fn oci_archive_round_trip_keeps_blobs_and_manifest() {
        let (_d, store) = test_store();
        let img = make_image(&store, &[base(), top()], &[ALPINE]);
        let archive = save_to_vec(
            &store,
            &[(img.clone(), vec![ALPINE.into()])],
            ArchiveFormat::OciArchive,
        );

        let files: HashMap<String, Vec<u8>> = members(&archive).into_iter().collect();
        let index: serde_json::Value = serde_json::from_slice(&files["index.json"]).unwrap();
        let d = &index["manifests"][0];
        assert_eq!(d["digest"], json!(img.manifest_digest));
        assert_eq!(d["annotations"][ANNOTATION_REF_NAME], json!("latest"));
        assert_eq!(d["annotations"][ANNOTATION_CONTAINERD_NAME], json!(ALPINE));
        assert!(files.contains_key("oci-layout"));
        for l in &img.layers {
            let blob = &files[&format!("blobs/sha256/{}", hex_of(&l.blob_digest).unwrap())];
            assert_eq!(blob, &store.read_blob(&l.blob_digest).unwrap());
        }

        store.delete_image(&img.id).unwrap();
        assert_eq!(file_count(&store.paths.blobs().join("sha256")), 0);
        let loaded = load(&store, &archive[..], true).unwrap();
        assert_eq!(loaded[0].id, img.id);
        assert_eq!(loaded[0].names, vec![ALPINE.to_string()]);
        let back = store.find(ALPINE).unwrap();
        assert_eq!(back.manifest, img.manifest);
        assert_eq!(back.manifest_digest, img.manifest_digest);
        assert_eq!(back.layers, img.layers);
        let digests = store.db().digests_of(&img.id).unwrap();
        assert_eq!(
            digests,
            vec![(
                "docker.io/library/alpine".into(),
                img.manifest_digest.clone()
            )]
        );
        assert_eq!(
            save_to_vec(
                &store,
                &[(back, vec![ALPINE.into()])],
                ArchiveFormat::OciArchive
            ),
            archive
        );
    }

    #[test]
    fn compressed_archive_and_shared_layers() {
        let (_d, store) = test_store();
        let a = make_image(&store, &[base()], &["docker.io/library/a:1"]);
        let b = make_image(&store, &[base(), top()], &["docker.io/library/b:1"]);
        for format in [ArchiveFormat::DockerArchive, ArchiveFormat::OciArchive] {
            // the second round saves what the first loaded (uncompressed blobs)
            let images = vec![
                (
                    store.find("docker.io/library/a:1").unwrap(),
                    vec!["docker.io/library/a:1".to_string()],
                ),
                (
                    store.find("docker.io/library/b:1").unwrap(),
                    vec![
                        "docker.io/library/b:1".to_string(),
                        "quay.io/x/b:2".to_string(),
                    ],
                ),
            ];
            let archive = save_to_vec(&store, &images, format);
            let names: Vec<String> = members(&archive).into_iter().map(|(n, _)| n).collect();
            let unique: HashSet<&String> = names.iter().collect();
            assert_eq!(unique.len(), names.len(), "{names:?}");
            let layer_files = names
                .iter()
                .filter(|n| n.ends_with("layer.tar") || n.starts_with("blobs/"))
                .count();
            // docker: 2 layers; oci: 2 layers + 2 configs + 2 manifests
            assert_eq!(
                layer_files,
                if format == ArchiveFormat::DockerArchive {
                    2
                } else {
                    6
                }
            );

            store.delete_image(&a.id).unwrap();
            store.delete_image(&b.id).unwrap();
            let loaded = load(&store, &gzip(&archive)[..], false).unwrap();
            assert_eq!(loaded.len(), 2);
            assert_eq!(loaded[0].id, a.id);
            assert_eq!(loaded[1].id, b.id);
            assert_eq!(
                loaded[1].names,
                vec![
                    "docker.io/library/b:1".to_string(),
                    "quay.io/x/b:2".to_string()
                ]
            );
            assert_eq!(store.find("quay.io/x/b:2").unwrap().id, b.id);
            assert_eq!(file_count(&store.paths.layers()), 2);
        }
    }

    #[test]
    fn tampered_layer_leaves_nothing_behind() {
        let (_d, store) = test_store();
        let img = make_image(&store, &[base(), top()], &[ALPINE]);
        let docker = save_to_vec(
            &store,
            &[(img.clone(), vec![ALPINE.into()])],
            ArchiveFormat::DockerArchive,
        );
        let oci = save_to_vec(
            &store,
            &[(img.clone(), vec![ALPINE.into()])],
            ArchiveFormat::OciArchive,
        );
        store.delete_image(&img.id).unwrap();

        let evil = layer_tar(&[("app/run.sh", b"rm -rf /\n")]);
        let top_hex = hex_of(&img.layers[1].diff_id).unwrap().to_string();
        let bad_docker = rebuild(&docker, |name, data| {
            if name == format!("{top_hex}/layer.tar") {
                evil.clone()
            } else {
                data
            }
        });
        let blob_hex = hex_of(&img.layers[1].blob_digest).unwrap().to_string();
        let bad_oci = rebuild(&oci, |name, data| {
            if name == format!("blobs/sha256/{blob_hex}") {
                gzip(&evil)
            } else {
                data
            }
        });
        for bad in [bad_docker, bad_oci] {
            let err = load(&store, &bad[..], true).unwrap_err();
            assert!(matches!(err, ArchiveError::DigestMismatch { .. }), "{err}");
            assert!(store.db().images().unwrap().is_empty());
            assert_eq!(file_count(&store.paths.layers()), 0);
            assert_eq!(file_count(&store.paths.blobs().join("sha256")), 0);
            assert_eq!(file_count(&store.paths.tmp()), 0);
        }
        // the untouched archives still load
        load(&store, &docker[..], true).unwrap();
    }

    /// Podman's docker-archive: layers as `<diff hex>.tar`, and `<v1 id>/layer.tar`
    /// symlinks to them that manifest.json names.
    #[test]
    fn docker_archive_with_symlinked_layers() {
        let (_d, store) = test_store();
        let img = make_image(&store, &[base(), top()], &[ALPINE]);
        let archive = save_to_vec(
            &store,
            &[(img.clone(), vec![ALPINE.into()])],
            ArchiveFormat::DockerArchive,
        );
        store.delete_image(&img.id).unwrap();
        let mut b = tar::Builder::new(Vec::new());
        let mut layers = Vec::new();
        for (name, data) in members(&archive) {
            let name = match name.strip_suffix("/layer.tar") {
                Some(hex) => {
                    let v1 = format!("{:0>64}", layers.len());
                    let mut h = header(tar::EntryType::Symlink, 0, 0o777);
                    b.append_link(&mut h, format!("{v1}/layer.tar"), format!("../{hex}.tar"))
                        .unwrap();
                    layers.push(format!("{v1}/layer.tar"));
                    format!("{hex}.tar")
                }
                None if name == "manifest.json" => continue,
                None => name,
            };
            let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o444);
            b.append_data(&mut h, &name, &data[..]).unwrap();
        }
        let manifest = json!([{
            "Config": format!("{}.json", hex_of(&img.id).unwrap()),
            "RepoTags": ["alpine"],
            "Layers": layers,
        }]);
        let data = manifest.to_string();
        let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o444);
        b.append_data(&mut h, "manifest.json", data.as_bytes())
            .unwrap();
        let podman_style = b.into_inner().unwrap();
        let loaded = load(&store, &podman_style[..], true).unwrap();
        assert_eq!(loaded[0].id, img.id);
        assert_eq!(loaded[0].names, vec![ALPINE.to_string()]);
        assert_eq!(file_count(&store.paths.layers()), 2);
    }

    fn raw_archive(entries: &[(&str, tar::EntryType, &str)]) -> Vec<u8> {
        // Built by hand: tar::Builder refuses `..` and absolute names itself.
        let mut out = Vec::new();
        for (name, kind, link) in entries {
            let mut h = tar::Header::new_old();
            h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
            h.set_entry_type(*kind);
            h.set_mode(0o644);
            h.set_size(if kind.is_file() { 2 } else { 0 });
            if !link.is_empty() {
                h.as_old_mut().linkname[..link.len()].copy_from_slice(link.as_bytes());
            }
            h.set_cksum();
            out.extend_from_slice(h.as_bytes());
            if kind.is_file() {
                let mut block = [0u8; 512];
                block[..2].copy_from_slice(b"{}");
                out.extend_from_slice(&block);
            }
        }
        out.extend_from_slice(&[0u8; 1024]);
        out
    }

    #[test]
    fn hostile_member_names_are_refused() {
        let (d, store) = test_store();
        use tar::EntryType::{Char, Directory, Regular, Symlink};
        type Entry<'a> = (&'a str, tar::EntryType, &'a str);
        let cases: Vec<(Vec<Entry>, &str)> = vec![
            (vec![("../escape.json", Regular, "")], "UnsafeMember"),
            (vec![("blobs/../../x", Regular, "")], "UnsafeMember"),
            (vec![("/etc/manifest.json", Regular, "")], "UnsafeMember"),
            (
                vec![("manifest.json", Symlink, "../../../etc/passwd")],
                "UnsafeMember",
            ),
            (
                vec![("manifest.json", Symlink, "/etc/passwd")],
                "UnsafeMember",
            ),
            (vec![("evil.sh", Regular, "")], "UnexpectedMember"),
            (vec![("blobs/sha256/x/y", Regular, "")], "UnexpectedMember"),
            (vec![("manifest.json", Char, "")], "UnsupportedMember"),
            (
                vec![("blobs", Directory, ""), ("oci-layout", Regular, "")],
                "NotAnArchive",
            ),
        ];
        for (entries, want) in cases {
            let err = load(&store, &raw_archive(&entries)[..], true).unwrap_err();
            assert!(format!("{err:?}").starts_with(want), "{entries:?}: {err:?}");
        }
        assert!(!d.path().join("escape.json").exists());
        assert!(!d.path().join("data/escape.json").exists());
        assert_eq!(file_count(&store.paths.tmp()), 0);
    }

    #[test]
    fn member_names() {
        assert_eq!(
            clean_member("./manifest.json").unwrap(),
            Some("manifest.json".into())
        );
        assert_eq!(clean_member("./").unwrap(), None);
        assert_eq!(
            clean_member("blobs//sha256/").unwrap(),
            Some("blobs/sha256".into())
        );
        assert!(clean_member("a/../b").is_err());
        assert!(clean_member("/a").is_err());
        let hex = "a".repeat(64);
        for ok in [
            format!("{hex}.json"),
            format!("{hex}.tar"),
            format!("{hex}/layer.tar"),
            format!("{hex}/VERSION"),
            format!("blobs/sha256/{hex}"),
            "repositories".into(),
        ] {
            assert!(is_expected_member(&ok, false), "{ok}");
        }
        assert!(is_expected_member(&hex, true));
        assert!(!is_expected_member(&format!("{hex}/layer.tar/x"), false));
        assert!(!is_expected_member("x.json", false));
        assert!(!is_expected_member(&hex, false));
        assert_eq!(
            resolve_link_target(&format!("{hex}/layer.tar"), "../blobs/sha256/ab").unwrap(),
            "blobs/sha256/ab"
        );
        assert!(resolve_link_target("manifest.json", "../x").is_err());
        assert_eq!(
            split_tag("localhost:5000/a/b:1"),
            Some(("localhost:5000/a/b", "1"))
        );
        assert_eq!(split_tag("localhost:5000/a/b"), None);
        assert_eq!(split_tag("a/b@sha256:00"), None);
    }
}
