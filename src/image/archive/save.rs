//! `save`: images into a docker-archive or an oci-archive, every blob verified as it is
//! written.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use oci_client::manifest::OCI_IMAGE_INDEX_MEDIA_TYPE;
use serde_json::json;

use crate::image::store::{sha256_digest, Store, StoreError};
use crate::storage::compression;
use crate::storage::db::{ImageLayer, ImageRecord};
use crate::storage::digest::DigestReader;

use super::{
    io_err, malformed, ArchiveError, ArchiveFormat, ANNOTATION_CONTAINERD_NAME, ANNOTATION_REF_NAME,
};

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
            crate::image::remove::resolve_name_of(&names, input)
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

pub(super) fn hex_of(digest: &str) -> Result<&str, ArchiveError> {
    match digest.split_once(':') {
        Some(("sha256", hex)) if is_hex64(hex) => Ok(hex),
        _ => Err(malformed(
            "digest",
            format!("{digest:?} is not a sha256 digest"),
        )),
    }
}

pub(super) fn is_hex64(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

pub(super) fn header(kind: tar::EntryType, size: u64, mode: u32) -> tar::Header {
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

pub(super) fn append_dir<W: Write>(
    tar: &mut tar::Builder<W>,
    name: &str,
) -> Result<(), ArchiveError> {
    let mut h = header(tar::EntryType::Directory, 0, 0o755);
    tar.append_data(&mut h, name, io::empty())
        .map_err(io_err("writing archive"))
}

pub(super) fn append_bytes<W: Write>(
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
pub(super) fn append_file_verified<W: Write>(
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

pub(super) fn verify_bytes(data: &[u8], expected: &str, what: &str) -> Result<(), ArchiveError> {
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
pub(super) fn split_tag(name: &str) -> Option<(&str, &str)> {
    if name.contains('@') {
        return None;
    }
    let (repo, tag) = name.rsplit_once(':')?;
    if tag.contains('/') || tag.is_empty() || repo.is_empty() {
        return None;
    }
    Some((repo, tag))
}

pub(super) fn save_docker<W: Write>(
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
pub(super) fn append_layer_tar<W: Write>(
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

pub(super) fn save_oci<W: Write>(
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
