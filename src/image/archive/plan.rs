//! What an unpacked archive holds: its images and their layers, read from a
//! docker-archive's manifest.json or an OCI layout's index.json.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use oci_client::manifest::{
    IMAGE_CONFIG_MEDIA_TYPE, IMAGE_LAYER_GZIP_MEDIA_TYPE, IMAGE_LAYER_MEDIA_TYPE,
    IMAGE_MANIFEST_LIST_MEDIA_TYPE, OCI_IMAGE_INDEX_MEDIA_TYPE, OCI_IMAGE_MEDIA_TYPE,
};
use serde::Deserialize;
use serde_json::json;

use crate::image::platform::Platform;
use crate::image::reference::Reference;
use crate::image::store::sha256_digest;
use crate::storage::compression;
use crate::storage::db::ImageLayer;
use crate::storage::digest::DigestReader;

use super::save::hex_of;
use super::unpack::Unpacked;
use super::{
    io_err, malformed, ArchiveError, ANNOTATION_CONTAINERD_NAME, ANNOTATION_REF_NAME,
    OCI_LAYER_ZSTD_MEDIA_TYPE,
};

/// One image to store, everything read but nothing verified beyond the small blobs.
pub(super) struct ImagePlan {
    pub(super) id: String,
    pub(super) config: Vec<u8>,
    pub(super) manifest: Vec<u8>,
    pub(super) manifest_digest: String,
    pub(super) manifest_media_type: String,
    pub(super) created: String,
    pub(super) layers: Vec<LayerPlan>,
    pub(super) names: Vec<String>,
    /// Only for OCI layouts, whose manifest is the original one.
    pub(super) repo_digests: Vec<(String, String)>,
}

pub(super) struct LayerPlan {
    pub(super) layer: ImageLayer,
    /// The blob's file in the unpacked archive.
    pub(super) source: PathBuf,
}

/// diff_ids and creation time from an image config.
pub(super) fn config_facts(config: &[u8]) -> Result<(Vec<String>, String), ArchiveError> {
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

pub(super) fn normalise_name(name: &str) -> Result<Reference, ArchiveError> {
    Reference::parse(name).map_err(|e| ArchiveError::Name {
        name: name.to_string(),
        detail: e.to_string(),
    })
}

#[derive(Deserialize)]
pub(super) struct DockerManifestEntry {
    #[serde(rename = "Config")]
    pub(super) config: String,
    #[serde(rename = "RepoTags", default)]
    pub(super) repo_tags: Option<Vec<String>>,
    #[serde(rename = "Layers")]
    pub(super) layers: Vec<String>,
}

pub(super) fn sniff_media_type(path: &Path) -> Result<&'static str, ArchiveError> {
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

pub(super) fn file_digest(path: &Path) -> Result<(String, u64), ArchiveError> {
    let f = File::open(path).map_err(io_err(path.display()))?;
    let mut r = DigestReader::new(f);
    io::copy(&mut r, &mut io::sink()).map_err(io_err(path.display()))?;
    Ok(r.finish())
}

pub(super) fn plan_docker(archive: &Unpacked) -> Result<Vec<ImagePlan>, ArchiveError> {
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
pub(super) struct Descriptor {
    #[serde(rename = "mediaType", default)]
    pub(super) media_type: String,
    pub(super) digest: String,
    #[serde(default)]
    pub(super) size: u64,
    #[serde(default)]
    pub(super) annotations: HashMap<String, String>,
}

#[derive(Deserialize)]
pub(super) struct IndexJson {
    pub(super) manifests: Vec<Descriptor>,
}

#[derive(Deserialize)]
pub(super) struct ManifestJson {
    #[serde(rename = "mediaType", default)]
    pub(super) media_type: String,
    pub(super) config: Descriptor,
    pub(super) layers: Vec<Descriptor>,
}

pub(super) fn is_index_type(mt: &str) -> bool {
    mt == OCI_IMAGE_INDEX_MEDIA_TYPE || mt == IMAGE_MANIFEST_LIST_MEDIA_TYPE
}

/// The name an index.json entry gives its image: containerd's full name, else
/// `ref.name` when it is a full reference (OCI also allows a bare tag there, which names
/// no repository and so is not kept).
pub(super) fn descriptor_name(d: &Descriptor) -> Result<Option<Reference>, ArchiveError> {
    if let Some(n) = d.annotations.get(ANNOTATION_CONTAINERD_NAME) {
        return normalise_name(n).map(Some);
    }
    match d.annotations.get(ANNOTATION_REF_NAME) {
        Some(n) if n.contains('/') || n.contains(':') => normalise_name(n).map(Some),
        _ => Ok(None),
    }
}

pub(super) fn plan_oci(
    archive: &Unpacked,
    platform: &Platform,
) -> Result<Vec<ImagePlan>, ArchiveError> {
    let raw = archive.read_small("index.json")?;
    let index: IndexJson = serde_json::from_slice(&raw).map_err(|e| malformed("index.json", e))?;
    let mut plans: Vec<ImagePlan> = Vec::new();
    for d in &index.manifests {
        let name = descriptor_name(d)?;
        let (digest, media_type) = resolve_index_entry(archive, d, platform)?;
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

/// An index.json entry may itself be an index (a multi-platform image): pick `platform`
/// (the host's unless `load --platform` says), as pull does. Returns the manifest's
/// digest and media type.
pub(super) fn resolve_index_entry(
    archive: &Unpacked,
    d: &Descriptor,
    platform: &Platform,
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
        let chosen = platform
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
