//! `cove push`: send a stored image to a registry.
//!
//! The stored manifest bytes go out unchanged, so the registry computes the same digest
//! the store recorded and push → rmi → pull round-trips to the same image. Before that,
//! every blob the manifest names must be in the destination repository: blobs already
//! there are skipped, blobs another repository on the same registry holds (known from
//! earlier pulls and pushes) are mounted across repositories, the rest are uploaded from
//! the store, several at once.

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use bytes::{Bytes, BytesMut};
use futures_util::{stream, StreamExt, TryStreamExt};
use oci_client::errors::OciDistributionError;
use oci_client::RegistryOperation;
use oci_spec::image::ImageManifest;
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

use crate::config::registries::RegistriesConf;
use crate::image::reference::Reference;
use crate::image::store::{sha256_digest, Store, StoreError};
use crate::registry::client::{ConnectError, ConnectOptions, Registry};
use crate::storage::db::ImageRecord;

/// Blobs uploaded at once: enough to hide per-request latency, few enough not to
/// saturate a home uplink with competing streams.
const PARALLEL_UPLOADS: usize = 6;

/// Blobs up to this size are read into memory and sent with `push_blob`, which falls
/// back to a monolithic PUT when a registry mishandles chunked uploads. Larger ones are
/// streamed from the file (chunked only: a consumed stream cannot be replayed).
const IN_MEMORY_LIMIT: u64 = 16 << 20;

/// oci-client sends each stream item as one PATCH (splitting items above its 4 MiB
/// limit, never merging smaller ones): full 4 MiB items keep the request count low.
const STREAM_CHUNK: usize = 4 << 20;

/// Mount attempts per blob: each failed one leaves an upload session open on the
/// registry until it expires, so do not try every repository ever seen.
const MAX_MOUNT_SOURCES: usize = 3;

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error(transparent)]
    Connect(#[from] ConnectError),
    #[error("authentication to {registry} failed: {detail}")]
    Auth { registry: String, detail: String },
    #[error("{reference}: {action}: {detail}")]
    Refused {
        reference: String,
        action: String,
        detail: String,
    },
    #[error("image layer blob {0} is missing from the store")]
    MissingBlob(String),
    #[error(
        "stored blob {digest} is corrupt (its content hashes to {actual}): pull the image again"
    )]
    CorruptBlob { digest: String, actual: String },
    #[error("image {id}: invalid stored manifest: {detail}")]
    Malformed { id: String, detail: String },
    #[error(
        "{reference}: the image's manifest digest is {actual}, not the one in the destination"
    )]
    DigestConflict { reference: String, actual: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// What a push reports while it works; the CLI turns these into progress bars or lines
/// ("Copying blob ... skipped: already exists").
pub trait PushObserver: Send + Sync {
    fn blob_started(&self, _digest: &str, _size: u64) {}
    fn blob_progress(&self, _digest: &str, _bytes: u64) {}
    /// Called for a blob the destination got from another repository, before
    /// `blob_done(digest, true)`.
    fn blob_mounted(&self, _digest: &str, _from: &str) {}
    /// `skipped`: nothing was uploaded (already present, or mounted).
    fn blob_done(&self, _digest: &str, _skipped: bool) {}
    fn writing_manifest(&self) {}
}

pub struct Quiet;
impl PushObserver for Quiet {}

#[derive(Debug, Clone, Default)]
pub struct PushOptions {
    pub connect: ConnectOptions,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    pub manifest_digest: String,
    /// Blobs sent over the wire.
    pub uploaded: usize,
    /// Blobs the registry took from another repository.
    pub mounted: usize,
    /// Blobs the destination repository already had.
    pub skipped: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Exists,
    Mounted,
    Uploaded,
}

/// One blob the manifest names.
struct BlobRef {
    digest: String,
    size: u64,
    /// The config travels in the image record; layers are files in the store.
    inline: Option<Bytes>,
}

pub async fn push(
    store: Arc<Store>,
    conf: &RegistriesConf,
    image: &ImageRecord,
    dest: &Reference,
    opts: &PushOptions,
    observer: Arc<dyn PushObserver>,
) -> Result<Pushed, PushError> {
    // Everything that can be checked locally is, before the registry sees a request.
    let manifest_digest = sha256_digest(&image.manifest);
    if manifest_digest != image.manifest_digest {
        return Err(PushError::Malformed {
            id: image.id.clone(),
            detail: format!(
                "manifest hashes to {manifest_digest}, recorded as {}",
                image.manifest_digest
            ),
        });
    }
    if let Some(d) = &dest.digest {
        if *d != manifest_digest {
            return Err(PushError::DigestConflict {
                reference: dest.whole(),
                actual: manifest_digest,
            });
        }
    }
    let blobs = blobs_of(image)?;
    let sources = mount_sources(&store, image, dest)?;

    let reg = Registry::connect(dest, conf, &opts.connect)?;
    let oref = dest.to_oci();
    // Only the calls that take credentials store them in the client; the blob calls
    // used here do not. Authenticating up front also turns a token-server refusal into
    // one clear error instead of a 401 on whichever request comes first.
    reg.client
        .auth(&oref, &reg.auth, RegistryOperation::Push)
        .await
        .map_err(|e| refused(dest, "contacting the registry", e))?;

    let ctx = BlobCtx {
        store: &store,
        reg: &reg,
        oref: &oref,
        dest,
        sources: &sources,
        observer: observer.clone(),
    };
    let outcomes: Vec<Outcome> = stream::iter(blobs.iter().map(|b| ctx.push_blob(b)))
        .buffer_unordered(PARALLEL_UPLOADS)
        .try_collect()
        .await?;

    observer.writing_manifest();
    let content_type = image
        .manifest_media_type
        .parse()
        .map_err(|_| PushError::Malformed {
            id: image.id.clone(),
            detail: format!("media type {:?}", image.manifest_media_type),
        })?;
    reg.client
        .push_manifest_raw(&oref, image.manifest.clone(), content_type)
        .await
        .map_err(|e| refused(dest, "pushing the manifest", e))?;

    store
        .db()
        .add_digest(
            &dest.repository_with_registry(),
            &manifest_digest,
            &image.id,
        )
        .map_err(StoreError::from)?;
    let count = |o| outcomes.iter().filter(|x| **x == o).count();
    Ok(Pushed {
        manifest_digest,
        uploaded: count(Outcome::Uploaded),
        mounted: count(Outcome::Mounted),
        skipped: count(Outcome::Exists),
    })
}

/// The config and layer blobs the manifest references, each once (a manifest may list
/// the same empty layer several times).
fn blobs_of(image: &ImageRecord) -> Result<Vec<BlobRef>, PushError> {
    let manifest =
        ImageManifest::from_reader(&image.manifest[..]).map_err(|e| PushError::Malformed {
            id: image.id.clone(),
            detail: e.to_string(),
        })?;
    let config = manifest.config();
    let config_digest = config.digest().to_string();
    let mut blobs = vec![BlobRef {
        inline: (sha256_digest(&image.config) == config_digest)
            .then(|| Bytes::from(image.config.clone())),
        digest: config_digest,
        size: config.size(),
    }];
    for l in manifest.layers() {
        let digest = l.digest().to_string();
        if blobs.iter().all(|b| b.digest != digest) {
            blobs.push(BlobRef {
                digest,
                size: l.size(),
                inline: None,
            });
        }
    }
    Ok(blobs)
}

/// Repositories on the destination registry known to hold this image (recorded when it
/// was pulled from or pushed to them): candidates for a cross-repository mount.
fn mount_sources(
    store: &Store,
    image: &ImageRecord,
    dest: &Reference,
) -> Result<Vec<String>, PushError> {
    let prefix = format!("{}/", dest.registry);
    let mut repos = Vec::new();
    let digests = store.db().digests_of(&image.id).map_err(StoreError::from)?;
    for (repo, _) in digests {
        if let Some(path) = repo.strip_prefix(&prefix) {
            if path != dest.repository && !repos.iter().any(|r| r == path) {
                repos.push(path.to_string());
            }
        }
    }
    repos.truncate(MAX_MOUNT_SOURCES);
    Ok(repos)
}

struct BlobCtx<'a> {
    store: &'a Store,
    reg: &'a Registry,
    oref: &'a oci_client::Reference,
    dest: &'a Reference,
    sources: &'a [String],
    observer: Arc<dyn PushObserver>,
}

impl BlobCtx<'_> {
    async fn push_blob(&self, blob: &BlobRef) -> Result<Outcome, PushError> {
        let d = blob.digest.as_str();
        let exists = self
            .reg
            .client
            .blob_exists(self.oref, d)
            .await
            .map_err(|e| refused(self.dest, &format!("checking blob {d}"), e))?;
        if exists {
            self.observer.blob_done(d, true);
            return Ok(Outcome::Exists);
        }
        for repo in self.sources {
            let from = oci_client::Reference::with_digest(
                self.oref.registry().to_string(),
                repo.clone(),
                d.to_string(),
            );
            // A registry that cannot mount (blob not there, no pull access to the source)
            // answers 202 and opens an upload instead; oci-client reports that as a spec
            // violation. Any failure here just means "upload it".
            if self
                .reg
                .client
                .mount_blob(self.oref, &from, d)
                .await
                .is_ok()
            {
                self.observer.blob_mounted(d, repo);
                self.observer.blob_done(d, true);
                return Ok(Outcome::Mounted);
            }
        }
        self.upload(blob).await?;
        self.observer.blob_done(d, false);
        Ok(Outcome::Uploaded)
    }

    async fn upload(&self, blob: &BlobRef) -> Result<(), PushError> {
        let d = blob.digest.as_str();
        let action = format!("uploading blob {d}");
        if let Some(data) = &blob.inline {
            self.observer.blob_started(d, data.len() as u64);
            self.reg
                .client
                .push_blob(self.oref, data.clone(), d)
                .await
                .map_err(|e| refused(self.dest, &action, e))?;
            self.observer.blob_progress(d, data.len() as u64);
            return Ok(());
        }

        let path = self.store.blob_path(d)?;
        let file = match tokio::fs::File::open(&path).await {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(PushError::MissingBlob(d.to_string()))
            }
            Err(source) => return Err(PushError::Io { path, source }),
        };
        let size = file
            .metadata()
            .await
            .map_err(|source| PushError::Io {
                path: path.clone(),
                source,
            })?
            .len();
        self.observer.blob_started(d, size.max(blob.size));

        if size <= IN_MEMORY_LIMIT {
            let data = tokio::fs::read(&path)
                .await
                .map_err(|source| PushError::Io { path, source })?;
            let actual = sha256_digest(&data);
            if actual != d {
                return Err(PushError::CorruptBlob {
                    digest: d.to_string(),
                    actual,
                });
            }
            self.reg
                .client
                .push_blob(self.oref, data, d)
                .await
                .map_err(|e| refused(self.dest, &action, e))?;
            self.observer.blob_progress(d, size);
            return Ok(());
        }

        let mismatch = Arc::new(Mutex::new(None));
        let body = verified_stream(file, d.to_string(), self.observer.clone(), mismatch.clone());
        let res = self
            .reg
            .client
            .push_blob_stream(self.oref, body, d, Some(size))
            .await;
        let mismatch = mismatch.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(actual) = mismatch {
            return Err(PushError::CorruptBlob {
                digest: d.to_string(),
                actual,
            });
        }
        res.map_err(|e| refused(self.dest, &action, e))?;
        Ok(())
    }
}

struct StreamState {
    file: tokio::fs::File,
    hasher: Sha256,
    done: bool,
}

/// The blob file as upload chunks, hashed on the way: a corrupt blob fails the upload
/// before the final PUT commits it (the registry would reject it too, but with a less
/// helpful message), and `mismatch` says what it hashed to.
fn verified_stream(
    file: tokio::fs::File,
    digest: String,
    observer: Arc<dyn PushObserver>,
    mismatch: Arc<Mutex<Option<String>>>,
) -> impl futures_util::Stream<Item = Result<Bytes, OciDistributionError>> + Send + 'static {
    let state = StreamState {
        file,
        hasher: Sha256::new(),
        done: false,
    };
    stream::try_unfold(state, move |mut st| {
        let digest = digest.clone();
        let observer = observer.clone();
        let mismatch = mismatch.clone();
        async move {
            if st.done {
                return Ok(None);
            }
            let mut buf = BytesMut::with_capacity(STREAM_CHUNK);
            while buf.len() < STREAM_CHUNK {
                if st.file.read_buf(&mut buf).await? == 0 {
                    st.done = true;
                    break;
                }
            }
            st.hasher.update(&buf);
            if st.done {
                let actual = format!("sha256:{}", hex::encode(st.hasher.clone().finalize()));
                if actual != digest {
                    *mismatch.lock().unwrap_or_else(|p| p.into_inner()) = Some(actual);
                    return Err(OciDistributionError::IoError(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("blob {digest} does not match its digest"),
                    )));
                }
                if buf.is_empty() {
                    return Ok(None);
                }
            }
            observer.blob_progress(&digest, buf.len() as u64);
            Ok(Some((buf.freeze(), st)))
        }
    })
}

/// Turn an oci-client error into a one-line cove error, telling authentication
/// problems apart from other refusals.
fn refused(dest: &Reference, action: &str, err: OciDistributionError) -> PushError {
    let (auth, detail) = describe(err);
    if auth {
        PushError::Auth {
            registry: dest.registry.clone(),
            detail,
        }
    } else {
        PushError::Refused {
            reference: dest.whole(),
            action: action.to_string(),
            detail,
        }
    }
}

/// (is it about credentials, a one-line description)
fn describe(err: OciDistributionError) -> (bool, String) {
    let auth_status = |code: u16| code == 401 || code == 403;
    match err {
        OciDistributionError::AuthenticationFailure(msg) => (true, one_line(&msg)),
        OciDistributionError::UnauthorizedError { .. } => {
            (true, "credentials required or rejected".to_string())
        }
        OciDistributionError::ServerError { code, message, .. } => {
            let text = registry_message(&message);
            let detail = if auth_status(code) {
                format!("credentials required or rejected (HTTP {code}{text})")
            } else {
                format!("HTTP {code}{text}")
            };
            (auth_status(code), detail)
        }
        OciDistributionError::RegistryError { envelope, .. } => {
            let msgs: Vec<String> = envelope
                .errors
                .iter()
                .map(|e| one_line(&e.message))
                .collect();
            (false, msgs.join("; "))
        }
        OciDistributionError::RequestError(e) => {
            // blob_exists reports a 401 this way rather than as UnauthorizedError.
            if let Some(code) = e.status().map(|s| s.as_u16()) {
                if auth_status(code) {
                    return (
                        true,
                        format!("credentials required or rejected (HTTP {code})"),
                    );
                }
                return (false, format!("HTTP {code}"));
            }
            (false, error_chain(&e))
        }
        other => (false, error_chain(&other)),
    }
}

/// `: CODE: message` from a registry's JSON error body, or its first line.
fn registry_message(body: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Envelope {
        errors: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        #[serde(default)]
        code: String,
        #[serde(default)]
        message: String,
    }
    let text = match serde_json::from_str::<Envelope>(body) {
        Ok(env) => env
            .errors
            .iter()
            .map(|e| one_line(&format!("{}: {}", e.code, e.message)))
            .collect::<Vec<_>>()
            .join("; "),
        Err(_) => one_line(body),
    };
    if text.is_empty() {
        text
    } else {
        format!(": {text}")
    }
}

/// The error and its causes on one line, shortened for a progress line.
fn error_chain(err: &dyn std::error::Error) -> String {
    one_line(&super::error_causes(err))
}

fn one_line(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() > 300 {
        let mut cut: String = joined.chars().take(300).collect();
        cut.push('…');
        cut
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_json_errors_become_one_line() {
        let body = r#"{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown\nto registry","detail":"sha256:abc"}]}"#;
        assert_eq!(
            registry_message(body),
            ": BLOB_UNKNOWN: blob unknown to registry"
        );
        assert_eq!(registry_message("plain\ntext"), ": plain text");
        assert_eq!(registry_message(""), "");
    }

    #[test]
    fn auth_statuses_are_told_apart() {
        let (auth, detail) = describe(OciDistributionError::ServerError {
            code: 401,
            url: "http://x/v2/".into(),
            message: String::new(),
        });
        assert!(auth);
        assert_eq!(detail, "credentials required or rejected (HTTP 401)");
        let (auth, detail) = describe(OciDistributionError::ServerError {
            code: 400,
            url: "http://x/v2/".into(),
            message: r#"{"errors":[{"code":"MANIFEST_INVALID","message":"bad"}]}"#.into(),
        });
        assert!(!auth);
        assert_eq!(detail, "HTTP 400: MANIFEST_INVALID: bad");
    }
}

/// Against a real registry: `COVE_PUSH_TEST_REGISTRY=127.0.0.1:PORT` (or the shared
/// `COVE_TEST_REGISTRY`), plain HTTP.
#[cfg(test)]
// RegistriesConf is a unit struct only while config::registries is a stub.
#[allow(clippy::default_constructed_unit_structs)]
mod registry_tests {
    use std::io::Write;

    use oci_client::client::{ClientConfig, ClientProtocol};
    use oci_client::manifest::OCI_IMAGE_MEDIA_TYPE;
    use oci_client::secrets::RegistryAuth;

    use super::*;
    use crate::paths::Paths;
    use crate::registry::auth::Credentials;
    use crate::registry::client::TlsFlag;
    use crate::storage::db::ImageLayer;

    fn test_registry() -> Option<String> {
        let r = std::env::var("COVE_PUSH_TEST_REGISTRY")
            .or_else(|_| std::env::var("COVE_TEST_REGISTRY"))
            .ok()
            .filter(|r| !r.is_empty());
        if r.is_none() {
            eprintln!("skipped: set COVE_PUSH_TEST_REGISTRY=host:port to push to a registry");
        }
        r
    }

    fn open_store(dir: &std::path::Path) -> Arc<Store> {
        let paths = Paths {
            data: dir.join("data"),
            runtime: dir.join("run"),
            config: dir.join("config"),
            home: dir.to_path_buf(),
            xdg_runtime: dir.join("xdg"),
        };
        Arc::new(Store::open(&paths).unwrap())
    }

    fn unique(prefix: &str) -> String {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        format!("cove-push-test/{prefix}-{}-{nanos}", std::process::id())
    }

    /// A tar with one file, gzip'd: (blob, diff_id).
    fn layer(name: &str, content: &[u8], level: flate2::Compression) -> (Vec<u8>, String) {
        let mut tar = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(content.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        tar.append_data(&mut h, name, content).unwrap();
        let tar = tar.into_inner().unwrap();
        let diff_id = sha256_digest(&tar);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), level);
        gz.write_all(&tar).unwrap();
        (gz.finish().unwrap(), diff_id)
    }

    fn noise(len: usize, mut seed: u64) -> Vec<u8> {
        (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect()
    }

    /// An image of the given layers built straight into the store (blobs written for
    /// those with `write`), as a pull would record it.
    fn build_image(store: &Store, layers: &[(Vec<u8>, String, bool)]) -> ImageRecord {
        let diff_ids: Vec<&str> = layers.iter().map(|l| l.1.as_str()).collect();
        let config = serde_json::to_vec(&serde_json::json!({
            "architecture": "amd64",
            "os": "linux",
            "config": {"Cmd": ["/bin/sh"]},
            "rootfs": {"type": "layers", "diff_ids": diff_ids},
        }))
        .unwrap();
        let config_digest = store.write_blob(&config).unwrap();
        let mut image_layers = Vec::new();
        let mut descs = Vec::new();
        for (blob, diff_id, write) in layers {
            let digest = if *write {
                store.write_blob(blob).unwrap()
            } else {
                sha256_digest(blob)
            };
            store.db().add_layer(diff_id, blob.len() as u64).unwrap();
            image_layers.push(ImageLayer {
                diff_id: diff_id.clone(),
                blob_digest: digest.clone(),
                blob_media_type: "application/vnd.oci.image.layer.v1.tar+gzip".into(),
                blob_size: blob.len() as u64,
            });
            descs.push(serde_json::json!({
                "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                "digest": digest,
                "size": blob.len(),
            }));
        }
        let manifest = serde_json::to_vec(&serde_json::json!({
            "schemaVersion": 2,
            "mediaType": OCI_IMAGE_MEDIA_TYPE,
            "config": {
                "mediaType": "application/vnd.oci.image.config.v1+json",
                "digest": config_digest,
                "size": config.len(),
            },
            "layers": descs,
        }))
        .unwrap();
        let record = ImageRecord {
            id: config_digest,
            config,
            manifest_digest: sha256_digest(&manifest),
            manifest,
            manifest_media_type: OCI_IMAGE_MEDIA_TYPE.into(),
            created: String::new(),
            size: 0,
            added_at: 0,
            layers: image_layers,
        };
        store.put_image(&record, &[], &[]).unwrap();
        record
    }

    fn dest(registry: &str, repository: &str) -> Reference {
        Reference {
            registry: registry.to_string(),
            repository: repository.to_string(),
            tag: Some("v1".into()),
            digest: None,
        }
    }

    fn plain_http() -> PushOptions {
        PushOptions {
            connect: ConnectOptions {
                tls_verify: TlsFlag(Some(false)),
                ..Default::default()
            },
        }
    }

    #[derive(Default)]
    struct Recorder(Mutex<Vec<String>>);
    impl PushObserver for Recorder {
        fn blob_mounted(&self, digest: &str, from: &str) {
            self.0
                .lock()
                .unwrap()
                .push(format!("mounted {digest} {from}"));
        }
        fn blob_done(&self, digest: &str, skipped: bool) {
            self.0
                .lock()
                .unwrap()
                .push(format!("done {digest} {skipped}"));
        }
    }

    /// The manifest as the registry serves it now: (bytes, digest header).
    async fn fetch_manifest(registry: &str, repository: &str, tag: &str) -> (Vec<u8>, String) {
        let client = oci_client::Client::new(ClientConfig {
            protocol: ClientProtocol::HttpsExcept(vec![registry.to_string()]),
            ..Default::default()
        });
        let r = oci_client::Reference::with_tag(registry.into(), repository.into(), tag.into());
        let (raw, digest) = client
            .pull_manifest_raw(&r, &RegistryAuth::Anonymous, &[OCI_IMAGE_MEDIA_TYPE])
            .await
            .unwrap();
        (raw.to_vec(), digest)
    }

    #[tokio::test]
    async fn push_skip_mount_round_trip() {
        let Some(registry) = test_registry() else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let store = open_store(dir.path());
        let (small, small_id) = layer("hello", b"hello from cove push\n", Default::default());
        // Incompressible and above IN_MEMORY_LIMIT: goes through the streaming upload.
        let (big, big_id) = layer(
            "noise",
            &noise(IN_MEMORY_LIMIT as usize + (3 << 20), 0x9e3779b97f4a7c15),
            flate2::Compression::none(),
        );
        assert!(big.len() as u64 > IN_MEMORY_LIMIT);
        let image = build_image(&store, &[(small, small_id, true), (big, big_id, true)]);
        let conf = RegistriesConf::default();
        let repo_a = unique("a");
        // A repository believed to hold the image but empty: the registry answers the
        // mount with 202 and the push must fall back to uploading (and later try the
        // next candidate; this one sorts first).
        store
            .db()
            .add_digest(
                &format!("{registry}/{}", unique("0-empty")),
                &image.manifest_digest,
                &image.id,
            )
            .unwrap();

        let rec = Arc::new(Recorder::default());
        let pushed = push(
            store.clone(),
            &conf,
            &image,
            &dest(&registry, &repo_a),
            &plain_http(),
            rec.clone(),
        )
        .await
        .unwrap();
        assert_eq!(pushed.manifest_digest, image.manifest_digest);
        assert_eq!((pushed.uploaded, pushed.mounted, pushed.skipped), (3, 0, 0));
        let (raw, digest) = fetch_manifest(&registry, &repo_a, "v1").await;
        assert_eq!(raw, image.manifest, "manifest bytes changed on the way");
        assert_eq!(digest, image.manifest_digest);
        let recorded = store
            .db()
            .digest_target(&format!("{registry}/{repo_a}"), &image.manifest_digest)
            .unwrap();
        assert_eq!(recorded.as_deref(), Some(image.id.as_str()));

        // Again: the registry has every blob.
        let rec = Arc::new(Recorder::default());
        let pushed = push(
            store.clone(),
            &conf,
            &image,
            &dest(&registry, &repo_a),
            &plain_http(),
            rec.clone(),
        )
        .await
        .unwrap();
        assert_eq!((pushed.uploaded, pushed.mounted, pushed.skipped), (0, 0, 3));
        assert!(rec.0.lock().unwrap().iter().all(|e| e.ends_with(" true")));

        // Another repository: the blobs come from the first one, nothing is uploaded.
        let repo_b = unique("b");
        let rec = Arc::new(Recorder::default());
        let pushed = push(
            store.clone(),
            &conf,
            &image,
            &dest(&registry, &repo_b),
            &plain_http(),
            rec.clone(),
        )
        .await
        .unwrap();
        assert_eq!((pushed.uploaded, pushed.mounted, pushed.skipped), (0, 3, 0));
        assert_eq!(pushed.manifest_digest, image.manifest_digest);
        let events = rec.0.lock().unwrap().clone();
        assert_eq!(
            events
                .iter()
                .filter(|e| e.starts_with("mounted") && e.ends_with(&repo_a))
                .count(),
            3,
            "{events:?}"
        );
        let (_, digest) = fetch_manifest(&registry, &repo_b, "v1").await;
        assert_eq!(digest, image.manifest_digest);

        // Every blob is served from the mounted-into repository as pushed. (A full pull
        // round trip belongs to the pull tests once extraction is merged.)
        let client = oci_client::Client::new(ClientConfig {
            protocol: ClientProtocol::HttpsExcept(vec![registry.clone()]),
            ..Default::default()
        });
        let r = oci_client::Reference::with_tag(registry.clone(), repo_b.clone(), "v1".into());
        let mut wanted = vec![image.id.clone()];
        wanted.extend(image.layers.iter().map(|l| l.blob_digest.clone()));
        for d in wanted {
            let mut buf = Vec::new();
            client.pull_blob(&r, d.as_str(), &mut buf).await.unwrap();
            assert_eq!(sha256_digest(&buf), d);
        }
    }

    #[tokio::test]
    async fn missing_and_corrupt_blobs_are_reported() {
        let Some(registry) = test_registry() else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let store = open_store(dir.path());
        let conf = RegistriesConf::default();

        let (blob, diff_id) = layer("gone", &noise(1000, 7), Default::default());
        let missing = sha256_digest(&blob);
        let image = build_image(&store, &[(blob, diff_id, false)]);
        let err = push(
            store.clone(),
            &conf,
            &image,
            &dest(&registry, &unique("missing")),
            &plain_http(),
            Arc::new(Quiet),
        )
        .await
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("image layer blob {missing} is missing from the store")
        );

        let (blob, diff_id) = layer("bad", &noise(1000, 8), Default::default());
        let image = build_image(&store, &[(blob.clone(), diff_id, true)]);
        let digest = sha256_digest(&blob);
        std::fs::write(store.blob_path(&digest).unwrap(), b"tampered").unwrap();
        let err = push(
            store.clone(),
            &conf,
            &image,
            &dest(&registry, &unique("corrupt")),
            &plain_http(),
            Arc::new(Quiet),
        )
        .await
        .unwrap_err();
        eprintln!("corrupt: {err}");
        assert!(
            matches!(&err, PushError::CorruptBlob { digest: d, .. } if *d == digest),
            "{err}"
        );

        // The same above IN_MEMORY_LIMIT, where the check happens while streaming: the
        // upload must be abandoned, not committed.
        let (blob, diff_id) = layer(
            "bigbad",
            &noise(IN_MEMORY_LIMIT as usize + 1000, 10),
            flate2::Compression::none(),
        );
        let image = build_image(&store, &[(blob.clone(), diff_id, true)]);
        let digest = sha256_digest(&blob);
        let mut tampered = blob;
        tampered[5000] ^= 1;
        std::fs::write(store.blob_path(&digest).unwrap(), &tampered).unwrap();
        let repo = unique("bigcorrupt");
        let err = push(
            store.clone(),
            &conf,
            &image,
            &dest(&registry, &repo),
            &plain_http(),
            Arc::new(Quiet),
        )
        .await
        .unwrap_err();
        assert!(
            matches!(&err, PushError::CorruptBlob { digest: d, actual } if *d == digest && *actual == sha256_digest(&tampered)),
            "{err}"
        );
        let client = oci_client::Client::new(ClientConfig {
            protocol: ClientProtocol::HttpsExcept(vec![registry.clone()]),
            ..Default::default()
        });
        let r = oci_client::Reference::with_tag(registry.clone(), repo, "v1".into());
        assert!(!client.blob_exists(&r, &digest).await.unwrap());
    }

    #[tokio::test]
    async fn unreachable_registry_is_one_line() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = tempfile::tempdir().unwrap();
        let store = open_store(dir.path());
        let (blob, diff_id) = layer("x", b"x", Default::default());
        let image = build_image(&store, &[(blob, diff_id, true)]);
        let err = push(
            store,
            &RegistriesConf::default(),
            &image,
            &dest(&format!("127.0.0.1:{port}"), "cove/unreachable"),
            &plain_http(),
            Arc::new(Quiet),
        )
        .await
        .unwrap_err();
        let msg = err.to_string();
        eprintln!("unreachable: {msg}");
        assert!(matches!(err, PushError::Refused { .. }), "{msg}");
        assert!(msg.contains("refused") && !msg.contains('\n'), "{msg}");
    }

    /// `COVE_TEST_AUTH_REGISTRY` (htpasswd) with `COVE_TEST_AUTH_USER`/`_PASS`.
    #[tokio::test]
    async fn credentials_are_checked() {
        let (Ok(registry), Ok(user), Ok(pass)) = (
            std::env::var("COVE_TEST_AUTH_REGISTRY"),
            std::env::var("COVE_TEST_AUTH_USER"),
            std::env::var("COVE_TEST_AUTH_PASS"),
        ) else {
            eprintln!("skipped: COVE_TEST_AUTH_REGISTRY/_USER/_PASS not set");
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let store = open_store(dir.path());
        let conf = RegistriesConf::default();
        let (blob, diff_id) = layer("auth", &noise(500, 9), Default::default());
        let image = build_image(&store, &[(blob, diff_id, true)]);
        let with = |username: &str, password: &str| PushOptions {
            connect: ConnectOptions {
                tls_verify: TlsFlag(Some(false)),
                creds: Some(Credentials {
                    username: username.into(),
                    password: password.into(),
                }),
                ..Default::default()
            },
        };
        let repo = unique("auth");
        for opts in [plain_http(), with(&user, "wrong")] {
            let err = push(
                store.clone(),
                &conf,
                &image,
                &dest(&registry, &repo),
                &opts,
                Arc::new(Quiet),
            )
            .await
            .unwrap_err();
            eprintln!("auth error: {err}");
            assert!(matches!(err, PushError::Auth { .. }), "{err}");
            assert!(!err.to_string().contains('\n'));
        }
        let pushed = push(
            store.clone(),
            &conf,
            &image,
            &dest(&registry, &repo),
            &with(&user, &pass),
            Arc::new(Quiet),
        )
        .await
        .unwrap();
        assert_eq!(pushed.manifest_digest, image.manifest_digest);
    }
}
