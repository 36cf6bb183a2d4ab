//! `cove pull`: manifest (and index) resolution, then every layer downloaded concurrently
//! and streamed through digest verification and decompression into its own directory.
//!
//! A layer becomes visible only after both its compressed digest and its diff_id have been
//! verified and the extraction finished (tmp dir, then rename): a pull killed at any point
//! leaves nothing half-written behind; complete blobs it left are reused by the next pull.

use std::fs::File;
use std::io::{self, Read};
use std::sync::Arc;

use futures_util::StreamExt;
use oci_client::client::BlobResponse;
use oci_client::manifest::{
    IMAGE_MANIFEST_LIST_MEDIA_TYPE, IMAGE_MANIFEST_MEDIA_TYPE, OCI_IMAGE_INDEX_MEDIA_TYPE,
    OCI_IMAGE_MEDIA_TYPE,
};
use oci_spec::image::{ImageConfiguration, ImageIndex, ImageManifest};
use tokio::sync::mpsc;

use crate::config::registries::RegistriesConf;
use crate::image::layer_unpack::{self, KeepBlob, LayerSpec, UnpackError};
use crate::image::platform::{Platform, PlatformError};
use crate::image::reference::Reference;
use crate::image::store::{sha256_digest, Store, StoreError};
use crate::registry::client::{ConnectError, ConnectOptions, Registry};
use crate::storage::db::{ImageLayer, ImageRecord};
use crate::storage::extract::ExtractError;

pub const MANIFEST_TYPES: &[&str] = &[
    OCI_IMAGE_MEDIA_TYPE,
    IMAGE_MANIFEST_MEDIA_TYPE,
    OCI_IMAGE_INDEX_MEDIA_TYPE,
    IMAGE_MANIFEST_LIST_MEDIA_TYPE,
];

#[derive(Debug, thiserror::Error)]
pub enum PullError {
    #[error(transparent)]
    Connect(#[from] ConnectError),
    // The registry's error is worded here, not chained as a source (it would be said twice).
    #[error("{reference}: {}", registry_answer(.error))]
    Registry {
        reference: String,
        error: oci_client::errors::OciDistributionError,
    },
    /// The image's manifest could not be read: `what` is Podman's words for where.
    #[error("{what}: {}", registry_answer(.error))]
    Manifest {
        what: String,
        error: oci_client::errors::OciDistributionError,
    },
    #[error(transparent)]
    Platform(#[from] PlatformError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("invalid {what} for {reference}: {detail}")]
    Malformed {
        reference: String,
        what: &'static str,
        detail: String,
    },
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
    #[error("layer {digest}: {source}")]
    Io { digest: String, source: io::Error },
    #[error("internal: {0}")]
    Join(String),
}

/// What a pull reports while it works; the CLI turns these into progress bars or lines.
pub trait PullObserver: Send + Sync {
    fn resolved(&self, _reference: &str, _manifest_digest: &str) {}
    fn blob_started(&self, _digest: &str, _size: u64) {}
    fn blob_progress(&self, _digest: &str, _bytes: u64) {}
    fn blob_done(&self, _digest: &str, _already_present: bool) {}
    fn writing_manifest(&self) {}
    /// Something extraction skipped or could not apply (e.g. a device node, rootless).
    fn warning(&self, _message: &str) {}
    /// The pull is over, whether it succeeded or not.
    fn finished(&self) {}
}

pub struct Quiet;
impl PullObserver for Quiet {}

#[derive(Debug, Clone)]
pub struct PullOptions {
    pub platform: Platform,
    pub connect: ConnectOptions,
    pub rootless: bool,
}

#[derive(Debug, Clone)]
pub struct Pulled {
    pub id: String,
    pub manifest_digest: String,
    /// False when the image was already complete in the store.
    pub downloaded: bool,
}

fn registry_err(
    reference: &Reference,
) -> impl FnOnce(oci_client::errors::OciDistributionError) -> PullError + '_ {
    move |error| PullError::Registry {
        reference: reference.whole(),
        error,
    }
}

fn manifest_err(
    reference: &Reference,
) -> impl FnOnce(oci_client::errors::OciDistributionError) -> PullError + '_ {
    move |error| PullError::Manifest {
        what: format!(
            "initializing source docker://{}: reading manifest {} in {}",
            reference.whole(),
            reference.tag_or_latest(),
            reference.repository_with_registry()
        ),
        error,
    }
}

/// A registry's error answer as Podman shows it (`manifest unknown: manifest unknown`);
/// other failures as the client words them.
fn registry_answer(e: &oci_client::errors::OciDistributionError) -> String {
    match e {
        oci_client::errors::OciDistributionError::RegistryError { envelope, .. } => envelope
            .errors
            .iter()
            .map(|err| {
                let code = serde_json::to_value(&err.code)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| s.to_lowercase().replace('_', " ")))
                    .unwrap_or_default();
                format!("{code}: {}", err.message)
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

fn media_type_of(raw: &[u8]) -> String {
    serde_json::from_slice::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| {
            v.get("mediaType")
                .and_then(|m| m.as_str())
                .map(String::from)
        })
        .unwrap_or_default()
}

fn is_index(raw: &[u8]) -> bool {
    let mt = media_type_of(raw);
    if mt == OCI_IMAGE_INDEX_MEDIA_TYPE || mt == IMAGE_MANIFEST_LIST_MEDIA_TYPE {
        return true;
    }
    // OCI allows omitting mediaType: an index has "manifests", an image "layers".
    mt.is_empty()
        && serde_json::from_slice::<serde_json::Value>(raw)
            .map(|v| v.get("manifests").is_some())
            .unwrap_or(false)
}

/// Pull `name`, trying its mirrors from registries.conf first and then its own
/// location; the image is recorded under `name` whichever source served it.
pub async fn pull(
    store: Arc<Store>,
    conf: &RegistriesConf,
    name: &Reference,
    opts: &PullOptions,
    observer: Arc<dyn PullObserver>,
) -> Result<Pulled, PullError> {
    let sources = conf.pull_sources(name).map_err(|e| PullError::Malformed {
        reference: name.whole(),
        what: "mirror location",
        detail: e.to_string(),
    })?;
    let last = sources.len().saturating_sub(1);
    let mut result = None;
    for (i, src) in sources.iter().enumerate() {
        let mut opts = opts.clone();
        if opts.connect.tls_verify.0.is_none() && src.insecure {
            opts.connect.tls_verify.0 = Some(false);
        }
        let r = pull_from(
            store.clone(),
            conf,
            &src.reference,
            name,
            &opts,
            observer.clone(),
        )
        .await;
        // A mirror that fails is skipped; the primary location's error is the one shown.
        if r.is_ok() || i == last {
            result = Some(r);
            break;
        }
    }
    result.unwrap_or_else(|| {
        Err(PullError::Malformed {
            reference: name.whole(),
            what: "registries.conf entry",
            detail: "no location to pull from".into(),
        })
    })
}

async fn pull_from(
    store: Arc<Store>,
    conf: &RegistriesConf,
    reference: &Reference,
    name: &Reference,
    opts: &PullOptions,
    observer: Arc<dyn PullObserver>,
) -> Result<Pulled, PullError> {
    let reg = Registry::connect(reference, conf, &opts.connect)?;
    let oref = reference.to_oci();

    let (raw, digest) = reg
        .client
        .pull_manifest_raw(&oref, &reg.auth, MANIFEST_TYPES)
        .await
        .map_err(manifest_err(reference))?;
    verify_bytes(&raw, &digest, "manifest")?;
    let mut repo_digests = vec![(name.repository_with_registry(), digest.clone())];
    let (manifest_raw, manifest_digest) = if is_index(&raw) {
        let index = ImageIndex::from_reader(&raw[..]).map_err(|e| PullError::Malformed {
            reference: reference.whole(),
            what: "image index",
            detail: e.to_string(),
        })?;
        let chosen = opts.platform.select(&index)?;
        let (raw, d) = reg
            .client
            .pull_manifest_raw(
                &oref.clone_with_digest(chosen.clone()),
                &reg.auth,
                MANIFEST_TYPES,
            )
            .await
            .map_err(registry_err(reference))?;
        verify_bytes(&raw, &chosen, "manifest")?;
        repo_digests.push((name.repository_with_registry(), d.clone()));
        (raw, d)
    } else {
        (raw, digest)
    };
    observer.resolved(&reference.whole(), &manifest_digest);

    let manifest =
        ImageManifest::from_reader(&manifest_raw[..]).map_err(|e| PullError::Malformed {
            reference: reference.whole(),
            what: "image manifest",
            detail: e.to_string(),
        })?;
    let config_digest = manifest.config().digest().to_string();
    let config = if store.has_blob(&config_digest) {
        store.read_blob(&config_digest)?
    } else {
        let mut buf = Vec::new();
        reg.client
            .pull_blob(&oref, config_digest.as_str(), &mut buf)
            .await
            .map_err(registry_err(reference))?;
        verify_bytes(&buf, &config_digest, "image config")?;
        store.write_blob(&buf)?;
        buf
    };
    let names: Vec<String> = name
        .tag
        .as_ref()
        .map(|t| vec![format!("{}:{t}", name.repository_with_registry())])
        .unwrap_or_default();

    // Bound first: the guard from store.db() must be gone before has_layer() locks again.
    let existing = store.db().image(&config_digest).map_err(StoreError::from)?;
    if let Some(existing) = existing {
        let complete = existing
            .layers
            .iter()
            .all(|l| store.has_layer(&l.diff_id).unwrap_or(false));
        if complete {
            store.put_image(&existing, &names, &repo_digests)?;
            return Ok(Pulled {
                id: existing.id,
                manifest_digest,
                downloaded: false,
            });
        }
    }

    let image_config =
        ImageConfiguration::from_reader(&config[..]).map_err(|e| PullError::Malformed {
            reference: reference.whole(),
            what: "image config",
            detail: e.to_string(),
        })?;
    let diff_ids: Vec<String> = image_config.rootfs().diff_ids().to_vec();
    if diff_ids.len() != manifest.layers().len() {
        return Err(PullError::Malformed {
            reference: reference.whole(),
            what: "image",
            detail: format!(
                "manifest has {} layers but config lists {} diff_ids",
                manifest.layers().len(),
                diff_ids.len()
            ),
        });
    }

    let jobs = manifest
        .layers()
        .iter()
        .zip(&diff_ids)
        .map(|(desc, diff_id)| {
            let job = LayerJob {
                store: store.clone(),
                blob_digest: desc.digest().to_string(),
                media_type: desc.media_type().to_string(),
                size: desc.size(),
                diff_id: diff_id.clone(),
                rootless: opts.rootless,
            };
            fetch_layer(job, &reg, &oref, observer.clone())
        });
    let layers = futures_util::future::try_join_all(jobs).await?;

    observer.writing_manifest();
    let record = ImageRecord {
        id: config_digest.clone(),
        config,
        manifest: manifest_raw.to_vec(),
        manifest_digest: manifest_digest.clone(),
        manifest_media_type: {
            let mt = media_type_of(&manifest_raw);
            if mt.is_empty() {
                OCI_IMAGE_MEDIA_TYPE.to_string()
            } else {
                mt
            }
        },
        created: image_config.created().clone().unwrap_or_default(),
        size: layers.iter().map(|(_, s)| *s).sum(),
        added_at: chrono::Utc::now().timestamp(),
        layers: layers.into_iter().map(|(l, _)| l).collect(),
    };
    store.put_image(&record, &names, &repo_digests)?;
    Ok(Pulled {
        id: config_digest,
        manifest_digest,
        downloaded: true,
    })
}

fn verify_bytes(data: &[u8], expected: &str, what: &str) -> Result<(), PullError> {
    let actual = sha256_digest(data);
    if actual != expected {
        return Err(PullError::DigestMismatch {
            what: what.to_string(),
            expected: expected.to_string(),
            actual,
        });
    }
    Ok(())
}

struct LayerJob {
    store: Arc<Store>,
    blob_digest: String,
    media_type: String,
    size: u64,
    diff_id: String,
    rootless: bool,
}

/// Returns the layer's record and its uncompressed size.
async fn fetch_layer(
    job: LayerJob,
    reg: &Registry,
    oref: &oci_client::Reference,
    observer: Arc<dyn PullObserver>,
) -> Result<(ImageLayer, u64), PullError> {
    let layer = ImageLayer {
        diff_id: job.diff_id.clone(),
        blob_digest: job.blob_digest.clone(),
        blob_media_type: job.media_type.clone(),
        blob_size: job.size,
    };
    let present = |job: &LayerJob, layer: ImageLayer| -> Result<(ImageLayer, u64), PullError> {
        observer.blob_done(&job.blob_digest, true);
        let size = job
            .store
            .db()
            .layer_size(&job.diff_id)
            .map_err(StoreError::from)?
            .unwrap_or(0);
        Ok((layer, size))
    };
    if job.store.has_layer(&job.diff_id)? {
        return present(&job, layer);
    }
    observer.blob_started(&job.blob_digest, job.size);
    // Another pull of the same layer (this process or another) fetches it once; this one
    // waits for its claim and then finds the layer committed. Held until our commit.
    let _claim = {
        let store = job.store.clone();
        let diff_id = job.diff_id.clone();
        tokio::task::spawn_blocking(move || store.claim_layer(&diff_id))
            .await
            .map_err(|e| PullError::Join(e.to_string()))??
    };
    if job.store.has_layer(&job.diff_id)? {
        return present(&job, layer);
    }
    let local_blob = job.store.blob_path(&job.blob_digest)?;
    let spec = LayerSpec {
        blob_digest: job.blob_digest.clone(),
        diff_id: job.diff_id.clone(),
        rootless: job.rootless,
    };

    let prepared = if local_blob.exists() {
        // A previous, interrupted pull left the complete blob: no download needed, but it
        // is verified again as it is read.
        let store = job.store.clone();
        let prepared = tokio::task::spawn_blocking(move || {
            let f = File::open(&local_blob).map_err(|source| PullError::Io {
                digest: spec.blob_digest.clone(),
                source,
            })?;
            Ok::<_, PullError>(layer_unpack::prepare(&store, &spec, f, KeepBlob::No)?)
        })
        .await
        .map_err(|e| PullError::Join(e.to_string()))??;
        observer.blob_progress(&job.blob_digest, job.size);
        prepared
    } else {
        let (tx, rx) = mpsc::channel::<bytes::Bytes>(64);
        let store = job.store.clone();
        let worker = tokio::task::spawn_blocking(move || {
            layer_unpack::prepare(&store, &spec, ChannelReader::new(rx), KeepBlob::Tee)
                .map_err(PullError::from)
        });
        // Asking for `bytes=0-` gets the whole blob without oci-client hashing it a
        // second time: the unpacker verifies the digest itself as it reads.
        let response = reg
            .client
            .pull_blob_stream_partial(oref, job.blob_digest.as_str(), 0, None)
            .await
            .map_err(|error| PullError::Registry {
                reference: oref.whole(),
                error,
            })?;
        let mut stream = match response {
            BlobResponse::Full(s) | BlobResponse::Partial(s) => s,
        };
        let mut stream_err = None;
        while let Some(chunk) = stream.next().await {
            match chunk {
                Ok(bytes) => {
                    observer.blob_progress(&job.blob_digest, bytes.len() as u64);
                    if tx.send(bytes).await.is_err() {
                        break; // the extractor stopped: its error explains why
                    }
                }
                Err(e) => {
                    stream_err = Some(e);
                    break;
                }
            }
        }
        drop(tx);
        let result = worker.await.map_err(|e| PullError::Join(e.to_string()))?;
        if let Some(source) = stream_err {
            // A digest mismatch shows up here first (oci-client verifies too); report
            // ours when the extractor saw it as well, since it names both digests.
            if let Err(e @ PullError::DigestMismatch { .. }) = result {
                return Err(e);
            }
            return Err(PullError::Io {
                digest: job.blob_digest.clone(),
                source,
            });
        }
        result?
    };

    for w in &prepared.warnings {
        observer.warning(&format!("layer {}: {w}", job.blob_digest));
    }
    let size = prepared.commit(&job.store)?;
    observer.blob_done(&job.blob_digest, false);
    Ok((layer, size))
}

impl From<UnpackError> for PullError {
    fn from(e: UnpackError) -> Self {
        match e {
            UnpackError::Store(e) => PullError::Store(e),
            UnpackError::DigestMismatch {
                what,
                expected,
                actual,
            } => PullError::DigestMismatch {
                what,
                expected,
                actual,
            },
            UnpackError::Extract { digest, source } => PullError::Extract { digest, source },
            UnpackError::Io { digest, source } => PullError::Io { digest, source },
        }
    }
}

/// The blocking side of the download channel.
struct ChannelReader {
    rx: mpsc::Receiver<bytes::Bytes>,
    current: bytes::Bytes,
}

impl ChannelReader {
    fn new(rx: mpsc::Receiver<bytes::Bytes>) -> Self {
        ChannelReader {
            rx,
            current: bytes::Bytes::new(),
        }
    }
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.rx.blocking_recv() {
                Some(b) => self.current = b,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        let _ = self.current.split_to(n);
        Ok(n)
    }
}
