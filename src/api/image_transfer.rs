//! Images to and from elsewhere: pull (`POST /images/create`) and push with dockerd's
//! streamed JSON progress, and docker-archive tarballs (`GET /images/{name}/get`,
//! `GET /images/get`, `POST /images/load`) as `cove save`/`cove load` write and read them;
//! `POST /images/create?fromSrc=-` (import) and `POST /auth` (a login check).
//!
//! A pull or push answers with an error status while nothing has been streamed yet (a
//! missing tag is a 404, so `docker run` can say so); once progress has gone out the
//! status is 200 and a failure is the last line, `{"errorDetail":...,"error":...}`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::json;
use tokio::sync::mpsc;

use super::ndjson::{self, ChannelReader, ChannelWriter};
use super::params::{json_body, Query};
use super::{blocking, ApiError, Service};
use crate::config::registries::RegistriesConf;
use crate::image::archive::{self, ArchiveError, ArchiveFormat};
use crate::image::import::{self, ImportError};
use crate::image::platform::Platform;
use crate::image::pull::{PullFailure, PullReporter, PullRequest};
use crate::image::reference::Reference;
use crate::image::store::StoreError;
use crate::registry::auth::{self, Credentials};
use crate::registry::client::{ConnectOptions, TlsFlag};
use crate::registry::error_causes;
use crate::registry::login::{self, LoginError};
use crate::registry::pull::PullObserver;
use crate::registry::push::{PushObserver, PushOptions};

impl From<PullFailure> for ApiError {
    fn from(e: PullFailure) -> ApiError {
        let status = match &e {
            e if e.is_not_found() => StatusCode::NOT_FOUND,
            PullFailure::Reference(_) => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, error_causes(&e))
    }
}

impl From<ArchiveError> for ApiError {
    fn from(e: ArchiveError) -> ApiError {
        match e {
            ArchiveError::Store(e) => e.into(),
            ArchiveError::Io { .. } | ArchiveError::Extract { .. } => {
                ApiError::internal(error_causes(&e))
            }
            other => ApiError::bad_request(other.to_string()),
        }
    }
}

/// `X-Registry-Auth`: base64url of `{"username","password","serveraddress"}` (or of an
/// `auth` field holding `user:pass`); empty or `{}` when the client has none.
fn registry_auth(headers: &HeaderMap) -> Result<Option<Credentials>, ApiError> {
    let Some(raw) = headers.get("x-registry-auth") else {
        return Ok(None);
    };
    let raw = raw.to_str().unwrap_or("").trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let bad = || ApiError::bad_request("invalid X-Registry-Auth header: expected base64 JSON");
    let decoded = [
        &base64::engine::general_purpose::URL_SAFE,
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        &base64::engine::general_purpose::STANDARD,
    ]
    .iter()
    .find_map(|e| e.decode(raw).ok())
    .ok_or_else(bad)?;
    let v: serde_json::Value = serde_json::from_slice(&decoded).map_err(|_| bad())?;
    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
    let (username, password) = match (field("username"), field("auth")) {
        (u, _) if !u.is_empty() => (u, field("password")),
        (_, a) if !a.is_empty() => {
            let plain = base64::engine::general_purpose::STANDARD
                .decode(&a)
                .map_err(|_| bad())?;
            let plain = String::from_utf8(plain).map_err(|_| bad())?;
            let (u, p) = plain.split_once(':').ok_or_else(bad)?;
            (u.to_string(), p.to_string())
        }
        _ => return Ok(None),
    };
    Ok(Some(Credentials { username, password }))
}

/// Registry access as the CLI has it without flags: TLS as registries.conf says, the
/// user's credential files, unless the client sent credentials.
pub(super) fn connect(service: &Service, headers: &HeaderMap) -> Result<ConnectOptions, ApiError> {
    Ok(ConnectOptions {
        tls_verify: TlsFlag(None),
        creds: registry_auth(headers)?,
        auth_files: auth::files(&service.engine.paths, None),
        cert_dir: None,
    })
}

pub(super) fn registries(service: &Service) -> Result<RegistriesConf, ApiError> {
    RegistriesConf::for_user(&service.engine.paths).map_err(|e| ApiError::internal(e.to_string()))
}

fn short(digest: &str) -> String {
    let hex = digest.trim_start_matches("sha256:");
    hex[..hex.len().min(12)].to_string()
}

/// What a pull, push or build task tells the handler: progress lines, then how it ended.
pub(super) enum Msg {
    Line(Bytes),
    Done(Result<(), ApiError>),
}

pub(super) type Tx = mpsc::UnboundedSender<Msg>;

/// Turn the task's messages into a response: an error before any progress is the
/// response's status; after it, the stream's last line.
pub(super) async fn respond(mut rx: mpsc::UnboundedReceiver<Msg>) -> Response {
    let first = match rx.recv().await {
        Some(Msg::Line(b)) => b,
        Some(Msg::Done(Err(e))) => return e.into_response(),
        Some(Msg::Done(Ok(()))) | None => Bytes::new(),
    };
    let (out, body) = mpsc::unbounded_channel();
    let _ = out.send(first);
    tokio::spawn(async move {
        while let Some(m) = rx.recv().await {
            let b = match m {
                Msg::Line(b) => b,
                Msg::Done(Ok(())) => break,
                Msg::Done(Err(e)) => ndjson::error_line(&e.message),
            };
            if out.send(b).is_err() {
                break;
            }
        }
    });
    ndjson::response(body)
}

pub(super) fn send(tx: &Tx, v: serde_json::Value) {
    let _ = tx.send(Msg::Line(ndjson::line(&v)));
}

/// A line about one layer: `Pulling fs layer`, `Pull complete`, `Pushed`, ...
fn layer(tx: &Tx, status: &str, digest: &str) {
    send(
        tx,
        json!({ "status": status, "progressDetail": {}, "id": short(digest) }),
    );
}

/// Per-blob byte counts, so progress carries `current` and `total` as dockerd's does.
#[derive(Default)]
struct Blobs {
    sizes: Mutex<HashMap<String, (u64, u64, u64)>>,
}

impl Blobs {
    fn start(&self, digest: &str, total: u64) {
        if let Ok(mut m) = self.sizes.lock() {
            m.insert(digest.to_string(), (0, total, 0));
        }
    }

    /// A layer's progress line (`Downloading`, `Pushing`) when one is due.
    fn progress(&self, tx: &Tx, status: &str, digest: &str, bytes: u64) {
        if let Some((current, total)) = self.advance(digest, bytes) {
            send(
                tx,
                json!({
                    "status": status,
                    "progressDetail": { "current": current, "total": total },
                    "id": short(digest),
                }),
            );
        }
    }

    /// The new count and total when a progress line is due (each 512 KiB and at the end).
    fn advance(&self, digest: &str, bytes: u64) -> Option<(u64, u64)> {
        let mut m = self.sizes.lock().ok()?;
        let e = m.get_mut(digest)?;
        e.0 += bytes;
        if e.0 >= e.1 || e.0 - e.2 >= 512 * 1024 {
            e.2 = e.0;
            return Some((e.0, e.1));
        }
        None
    }
}

/// Pull progress as dockerd words it, for one candidate reference.
struct PullLines {
    tx: Tx,
    blobs: Blobs,
    /// Whether any layer had to be fetched ("Downloaded newer image" vs "up to date").
    downloaded: AtomicBool,
    /// The manifest digest once resolved.
    digest: Mutex<String>,
}

impl PullObserver for PullLines {
    fn resolved(&self, reference: &str, manifest_digest: &str) {
        if let Ok(mut d) = self.digest.lock() {
            *d = manifest_digest.to_string();
        }
        let (repo, tag) = match Reference::parse(reference) {
            Ok(r) => (r.repository_with_registry(), r.tag_or_latest().to_string()),
            Err(_) => (reference.to_string(), String::new()),
        };
        send(
            &self.tx,
            json!({ "status": format!("Pulling from {repo}"), "id": tag }),
        );
    }
    fn blob_started(&self, digest: &str, size: u64) {
        self.blobs.start(digest, size);
        layer(&self.tx, "Pulling fs layer", digest);
    }
    fn blob_progress(&self, digest: &str, bytes: u64) {
        self.blobs.progress(&self.tx, "Downloading", digest, bytes);
    }
    fn blob_done(&self, digest: &str, already_present: bool) {
        let status = if already_present {
            "Already exists"
        } else {
            self.downloaded.store(true, Ordering::SeqCst);
            "Pull complete"
        };
        layer(&self.tx, status, digest);
    }
}

/// Each candidate of a short name gets its own observer; the last one is the one that
/// succeeded when the pull does.
pub(super) struct PullReport {
    tx: Tx,
    last: Mutex<Option<(String, Arc<PullLines>)>>,
}

impl PullReport {
    pub(super) fn new(tx: Tx) -> PullReport {
        PullReport {
            tx,
            last: Mutex::new(None),
        }
    }
}

impl PullReporter for PullReport {
    fn attempt(&self, reference: &str) -> Arc<dyn PullObserver> {
        let lines = Arc::new(PullLines {
            tx: self.tx.clone(),
            blobs: Blobs::default(),
            downloaded: AtomicBool::new(false),
            digest: Mutex::new(String::new()),
        });
        if let Ok(mut l) = self.last.lock() {
            *l = Some((reference.to_string(), lines.clone()));
        }
        lines
    }
}

/// `fromImage` with `tag` (a tag or a digest) when the client split them.
fn pull_name(q: &Query) -> Result<String, ApiError> {
    let from = q
        .get("fromImage")
        .ok_or_else(|| ApiError::bad_request("fromImage or fromSrc is required"))?;
    Ok(match q.get("tag") {
        Some(t) if t.starts_with("sha256:") => format!("{from}@{t}"),
        Some(t) if !from.contains('@') => {
            // A tag in fromImage already (after the last slash) wins over `tag`.
            let last = from.rsplit('/').next().unwrap_or(from);
            if last.contains(':') {
                from.to_string()
            } else {
                format!("{from}:{t}")
            }
        }
        _ => from.to_string(),
    })
}

/// `POST /images/create?fromImage=&tag=&platform=`: pull; with `fromSrc=-`, import the
/// body.
pub async fn create(
    State(service): State<Arc<Service>>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let q = Query::of(&uri);
    if q.get("fromSrc").is_some() {
        return match import(service, q, body).await {
            Ok(r) => r,
            Err(e) => e.into_response(),
        };
    }
    match start_pull(service, &q, &headers) {
        Ok(rx) => respond(rx).await,
        Err(e) => e.into_response(),
    }
}

/// `fromSrc=-&repo=&tag=&message=&changes=`: the body is a filesystem tarball.
async fn import(service: Arc<Service>, q: Query, body: Body) -> Result<Response, ApiError> {
    if q.get("fromSrc") != Some("-") {
        return Err(ApiError::bad_request(
            "fromSrc must be \"-\" (the tarball in the request body): cove does not fetch URLs",
        ));
    }
    let name = match (q.get("repo").filter(|r| !r.is_empty()), q.get("tag")) {
        (Some(repo), Some(tag)) if !tag.is_empty() => Some(format!("{repo}:{tag}")),
        (Some(repo), _) => Some(repo.to_string()),
        (None, _) => None,
    };
    let name = name
        .as_deref()
        .map(crate::image::reference::local_name)
        .transpose()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let changes = q.all("changes");
    let message = q.get("message").map(str::to_string);
    let reader = ChannelReader::new(body);
    let id = blocking(move || {
        let engine = &service.engine;
        let id = import::import(
            &engine.store,
            std::io::BufReader::new(reader),
            &changes,
            message.as_deref(),
            engine.rootless,
        )?;
        if let Some(n) = name {
            engine
                .store
                .db()
                .set_name(&n, &id)
                .map_err(StoreError::from)?;
        }
        Ok(id)
    })
    .await?;
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        ndjson::line(&json!({ "status": id })),
    )
        .into_response())
}

impl From<ImportError> for ApiError {
    fn from(e: ImportError) -> ApiError {
        match e {
            ImportError::Store(e) => e.into(),
            ImportError::InvalidChange { .. }
            | ImportError::UnknownInstruction(_)
            | ImportError::Trust(_) => ApiError::bad_request(e.to_string()),
            other => ApiError::internal(error_causes(&other)),
        }
    }
}

/// What `docker login` sends; it keeps the credentials itself, the daemon only checks them.
#[derive(Debug, Default, serde::Deserialize)]
struct AuthConfig {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    serveraddress: String,
}

/// `POST /auth`: check credentials with the registry, as `cove login` does before storing.
pub async fn auth(State(service): State<Arc<Service>>, body: Bytes) -> Result<Response, ApiError> {
    let a: AuthConfig = json_body(&body)?;
    if a.username.is_empty() || a.password.is_empty() {
        return Err(ApiError::bad_request(
            "username and password must not be empty",
        ));
    }
    let address = if a.serveraddress.is_empty() {
        "docker.io"
    } else {
        &a.serveraddress
    };
    let host = login::registry_host(address);
    let insecure = registries(&service)?.insecure(&host);
    let creds = Credentials {
        username: a.username,
        password: a.password,
    };
    login::verify(&host, insecure, &creds)
        .await
        .map_err(|e| match e {
            LoginError::Unauthorized { .. } => {
                ApiError::new(StatusCode::UNAUTHORIZED, e.to_string())
            }
            other => ApiError::internal(error_causes(&other)),
        })?;
    Ok(axum::Json(json!({ "Status": "Login Succeeded", "IdentityToken": "" })).into_response())
}

fn start_pull(
    service: Arc<Service>,
    q: &Query,
    headers: &HeaderMap,
) -> Result<mpsc::UnboundedReceiver<Msg>, ApiError> {
    let image = pull_name(q)?;
    let platform = Platform::from_flags(q.get("platform"), None, None, None)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let req = PullRequest {
        image: image.clone(),
        platform,
        connect: connect(&service, headers)?,
        rootless: service.engine.rootless,
    };
    let conf = registries(&service)?;
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        let report = PullReport::new(tx.clone());
        let store = service.engine.store.clone();
        let result = crate::image::pull::pull(&store, &conf, &req, &report).await;
        let done = match result {
            Ok(_) => {
                if let Ok(Some((reference, lines))) = report.last.lock().map(|l| l.clone()) {
                    let digest = lines.digest.lock().map(|d| d.clone()).unwrap_or_default();
                    send(&tx, json!({ "status": format!("Digest: {digest}") }));
                    let status = if lines.downloaded.load(Ordering::SeqCst) {
                        format!("Status: Downloaded newer image for {reference}")
                    } else {
                        format!("Status: Image is up to date for {reference}")
                    };
                    send(&tx, json!({ "status": status }));
                }
                Ok(())
            }
            Err(e) => Err(ApiError::from(e)),
        };
        let _ = tx.send(Msg::Done(done));
    });
    Ok(rx)
}

/// Push progress as dockerd words it.
struct PushLines {
    tx: Tx,
    blobs: Blobs,
}

impl PushObserver for PushLines {
    fn blob_started(&self, digest: &str, size: u64) {
        self.blobs.start(digest, size);
        layer(&self.tx, "Preparing", digest);
    }
    fn blob_progress(&self, digest: &str, bytes: u64) {
        self.blobs.progress(&self.tx, "Pushing", digest, bytes);
    }
    fn blob_mounted(&self, digest: &str, from: &str) {
        layer(&self.tx, &format!("Mounted from {from}"), digest);
    }
    fn blob_done(&self, digest: &str, skipped: bool) {
        let status = if skipped {
            "Layer already exists"
        } else {
            "Pushed"
        };
        layer(&self.tx, status, digest);
    }
}

/// `POST /images/{name}/push?tag=`.
pub async fn push(service: Arc<Service>, name: String, q: Query, headers: HeaderMap) -> Response {
    let target = match q.get("tag") {
        Some(t) => format!("{name}:{t}"),
        None => name,
    };
    let prepared = (|| -> Result<_, ApiError> {
        let dest = Reference::parse(&target).map_err(|e| ApiError::bad_request(e.to_string()))?;
        Ok((dest, connect(&service, &headers)?, registries(&service)?))
    })();
    let (dest, connect, conf) = match prepared {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let found = {
        let service = service.clone();
        let target = target.clone();
        blocking(move || Ok(service.engine.store.find(&target)?)).await
    };
    let img = match found {
        Ok(i) => i,
        Err(e) => return e.into_response(),
    };
    let (tx, rx) = mpsc::unbounded_channel();
    send(
        &tx,
        json!({ "status": format!("The push refers to repository [{}]", dest.repository_with_registry()) }),
    );
    let handle = tokio::runtime::Handle::current();
    // On a thread of its own: the push future is not provably Send, so it cannot be a
    // task; it runs on the service's runtime all the same.
    tokio::task::spawn_blocking(move || {
        let lines = Arc::new(PushLines {
            tx: tx.clone(),
            blobs: Blobs::default(),
        });
        let store = service.engine.store.clone();
        let opts = PushOptions { connect };
        let result = handle.block_on(crate::registry::push::push(
            store.clone(),
            &conf,
            &img,
            &dest,
            &opts,
            lines,
        ));
        let done = match result {
            Ok(pushed) => {
                store.emit("push", &img.id, &dest.whole());
                let tag = dest.tag_or_latest().to_string();
                let size = img.manifest.len();
                send(
                    &tx,
                    json!({ "status": format!("{tag}: digest: {} size: {size}", pushed.manifest_digest) }),
                );
                send(
                    &tx,
                    json!({
                        "progressDetail": {},
                        "aux": { "Tag": tag, "Digest": pushed.manifest_digest, "Size": size },
                    }),
                );
                Ok(())
            }
            Err(e) => Err(ApiError::internal(error_causes(&e))),
        };
        let _ = tx.send(Msg::Done(done));
    });
    respond(rx).await
}

/// `GET /images/get?names=a&names=b`.
pub async fn get_many(State(service): State<Arc<Service>>, uri: Uri) -> Response {
    let names = Query::of(&uri).all("names");
    if names.is_empty() {
        return ApiError::bad_request("no image names given (names=...)").into_response();
    }
    get(service, names).await
}

/// A docker-archive of `names`, streamed as `cove save` writes it. The images are looked
/// up first, so an unknown one is a 404 rather than a broken tarball.
pub async fn get(service: Arc<Service>, names: Vec<String>) -> Response {
    let selected = {
        let service = service.clone();
        blocking(move || Ok(archive::select(&service.engine.store, &names)?)).await
    };
    let images = match selected {
        Ok(i) => i,
        Err(e) => return e.into_response(),
    };
    let (mut writer, body) = ChannelWriter::new();
    tokio::task::spawn_blocking(move || {
        let saved = archive::save(
            &service.engine.store,
            &images,
            ArchiveFormat::DockerArchive,
            &mut writer,
        )
        .map_err(|e| error_causes(&e))
        .and_then(|()| std::io::Write::flush(&mut writer).map_err(|e| e.to_string()));
        if let Err(e) = saved {
            writer.fail(e);
        }
    });
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/x-tar")],
        body,
    )
        .into_response()
}

/// `POST /images/load`: a docker-archive or oci-archive in the body, as `cove load`.
pub async fn load(State(service): State<Arc<Service>>, body: Body) -> Result<Response, ApiError> {
    let reader = ChannelReader::new(body);
    let loaded = blocking(move || {
        let engine = &service.engine;
        Ok(archive::load(
            &engine.store,
            std::io::BufReader::new(reader),
            engine.rootless,
        )?)
    })
    .await?;
    let mut out = Vec::new();
    for l in &loaded {
        if l.names.is_empty() {
            out.extend_from_slice(&ndjson::line(
                &json!({ "stream": format!("Loaded image ID: {}\n", l.id) }),
            ));
        }
        for n in &l.names {
            out.extend_from_slice(&ndjson::line(
                &json!({ "stream": format!("Loaded image: {n}\n") }),
            ));
        }
    }
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        out,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-registry-auth", value.parse().unwrap());
        h
    }

    #[test]
    fn registry_auth_is_read_in_each_form_clients_send() {
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE.encode(s);
        let c = registry_auth(&headers(&b64(r#"{"username":"u","password":"p"}"#)))
            .unwrap()
            .unwrap();
        assert_eq!((c.username.as_str(), c.password.as_str()), ("u", "p"));
        let auth = base64::engine::general_purpose::STANDARD.encode("a:b");
        let c = registry_auth(&headers(&b64(&format!(r#"{{"auth":"{auth}"}}"#))))
            .unwrap()
            .unwrap();
        assert_eq!((c.username.as_str(), c.password.as_str()), ("a", "b"));
        assert!(registry_auth(&headers(&b64("{}"))).unwrap().is_none());
        assert!(registry_auth(&HeaderMap::new()).unwrap().is_none());
        assert_eq!(
            registry_auth(&headers("!!!")).unwrap_err().status,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn pull_names_join_image_and_tag() {
        let q = |s: &str| Query::of(&format!("/x?{s}").parse::<Uri>().unwrap());
        assert_eq!(
            pull_name(&q("fromImage=busybox&tag=latest")).unwrap(),
            "busybox:latest"
        );
        assert_eq!(
            pull_name(&q("fromImage=127.0.0.1%3A5000%2Fa%2Fb&tag=1")).unwrap(),
            "127.0.0.1:5000/a/b:1"
        );
        assert_eq!(
            pull_name(&q("fromImage=a&tag=sha256:abc")).unwrap(),
            "a@sha256:abc"
        );
        assert_eq!(pull_name(&q("fromImage=a:2&tag=latest")).unwrap(), "a:2");
        assert!(pull_name(&q("fromSrc=-")).is_err());
    }
}
