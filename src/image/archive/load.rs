//! `load`: an archive unpacked, planned, every layer verified and extracted, then
//! committed all at once.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::image::layer_unpack::{self, KeepBlob, LayerSpec, Prepared};
use crate::image::platform::Platform;
use crate::image::store::{Store, StoreError};
use crate::image::trust::{LocalImage, LocalTransport, Policy};
use crate::storage::compression;
use crate::storage::db::ImageRecord;

use super::plan::{file_digest, plan_docker, plan_oci, ImagePlan, LayerPlan};
use super::unpack::Unpacked;
use super::{io_err, ArchiveError, Loaded};

/// Read an archive (docker-archive or oci-archive, possibly gzip or zstd compressed) and
/// store every image in it. Layers the store already has are not extracted again.
/// `input` is a stream (standard input, a request's body), not a file.
pub fn load(store: &Store, input: impl Read, rootless: bool) -> Result<Vec<Loaded>, ArchiveError> {
    load_platform(store, input, None, rootless, None)
}

/// `load --platform`: only the images of `platform` (Docker's): an index's entry for it,
/// and of single-platform images those whose config names it. None of them is an error.
/// `file`: where `input` was read from (None for a stream), which the trust policy may
/// name.
pub fn load_platform(
    store: &Store,
    input: impl Read,
    file: Option<&Path>,
    rootless: bool,
    platform: Option<&Platform>,
) -> Result<Vec<Loaded>, ArchiveError> {
    let host = Platform::host();
    let tmp = store.tmp_dir()?;
    let root = tmp.path().join("archive");
    fs::create_dir(&root).map_err(io_err(root.display()))?;
    let input = compression::decompress(input).map_err(io_err("reading archive"))?;
    let archive = Unpacked::read(input, root)?;
    let (plans, transport) = if archive.exists("index.json") && archive.exists("oci-layout") {
        let plans = plan_oci(&archive, platform.unwrap_or(&host))?;
        (plans, LocalTransport::OciArchive)
    } else if archive.exists("manifest.json") {
        (plan_docker(&archive)?, LocalTransport::DockerArchive)
    } else {
        return Err(ArchiveError::NotAnArchive);
    };
    if plans.is_empty() {
        return Err(ArchiveError::Empty);
    }
    // The policy's answer is one for the whole file (no scope names an image inside it);
    // like Podman's, the refusal names the first image.
    let first = match (transport, plans[0].names.first()) {
        (LocalTransport::DockerArchive, Some(name)) => name.clone(),
        (LocalTransport::DockerArchive, None) => "@0".into(),
        (_, _) => String::new(),
    };
    Policy::in_force(&store.paths)?.check_local(&LocalImage {
        transport,
        file,
        image: first,
    })?;
    let plans = match platform {
        Some(p) => {
            let kept: Vec<ImagePlan> = plans
                .into_iter()
                .filter(|plan| p.check_image(&plan.id, &plan.config).is_ok())
                .collect();
            if kept.is_empty() {
                return Err(ArchiveError::NoPlatform(p.to_string()));
            }
            kept
        }
        None => plans,
    };
    let loaded = apply(store, plans, rootless)?;
    for l in &loaded {
        store.emit("load", &l.id, l.names.first().map_or("", String::as_str));
    }
    Ok(loaded)
}

/// A layer of the archive on its way into the store.
pub(super) enum LayerState {
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
pub(super) fn apply(
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

pub(super) fn prepare_layer(
    store: &Store,
    l: &LayerPlan,
    rootless: bool,
) -> Result<LayerState, ArchiveError> {
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
