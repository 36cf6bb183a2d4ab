//! Files in and out of a container: `GET/HEAD/PUT /containers/{id}/archive` (what
//! `docker cp` uses) and `GET /containers/{id}/export`: the engine's `path_stat`,
//! `archive_path` and `extract_path` (the container's files as it sees them, nothing
//! followed out of its root), and its mounted root for export.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use tokio::sync::mpsc;

use super::{streamed_body, Query};
use crate::api::{blocking, ApiError, Service};
use crate::container::copy::{CopyError, PathStat};
use crate::container::{changes, Container, Engine};

const PATH_STAT: &str = "x-docker-container-path-stat";

fn copy_error(e: CopyError, path: &str, c: &Container) -> ApiError {
    match e {
        CopyError::NotFound(_) => ApiError::new(
            StatusCode::NOT_FOUND,
            format!("Could not find the file {path} in container {}", c.name),
        ),
        CopyError::NotADirectory(_) => {
            ApiError::bad_request("extraction point is not a directory".to_string())
        }
        CopyError::Unpack { message, .. } => {
            ApiError::bad_request(format!("Error processing tar file: {message}"))
        }
        other => ApiError::internal(other.to_string()),
    }
}

/// The container's root mounted for `f`, unmounted after unless it was mounted before.
fn with_root<T>(
    engine: &Engine,
    c: &mut Container,
    f: impl FnOnce(&std::path::Path) -> T,
) -> Result<T, ApiError> {
    let was_mounted = c.state.mounted || c.state.status.is_active();
    let root = engine.mount(c)?;
    let out = f(&root);
    if !was_mounted {
        let _ = engine.unmount(c);
    }
    Ok(out)
}

fn path_of(q: &std::collections::HashMap<String, String>) -> Result<String, ApiError> {
    match q.get("path") {
        Some(p) if !p.is_empty() => Ok(p.clone()),
        _ => Err(ApiError::bad_request("bad parameter: path cannot be empty")),
    }
}

/// Paths are the container's, from its `/` (dockerd: relative to the working directory;
/// the docker CLI always sends absolute ones).
fn inside(path: &str) -> PathBuf {
    PathBuf::from("/").join(path)
}

fn stat_header(stat: &PathStat) -> Result<(HeaderName, HeaderValue), ApiError> {
    let json = serde_json::to_vec(stat).map_err(|e| ApiError::internal(e.to_string()))?;
    let value = base64::engine::general_purpose::STANDARD.encode(json);
    let value = HeaderValue::from_str(&value).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok((HeaderName::from_static(PATH_STAT), value))
}

async fn stat(
    service: &Arc<Service>,
    id: String,
    path: String,
) -> Result<(Container, PathStat), ApiError> {
    let service = service.clone();
    blocking(move || {
        let engine = &service.engine;
        let mut c = engine.lookup(&id)?;
        let stat = engine
            .path_stat(&mut c, &inside(&path))
            .map_err(|e| copy_error(e, &path, &c))?;
        Ok((c, stat))
    })
    .await
}

pub async fn head(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    axum::extract::Query(q): Query,
) -> Result<Response, ApiError> {
    let path = path_of(&q)?;
    let (_, st) = stat(&service, id, path).await?;
    Ok(([stat_header(&st)?], StatusCode::OK).into_response())
}

pub async fn get(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    axum::extract::Query(q): Query,
) -> Result<Response, ApiError> {
    let path = path_of(&q)?;
    let (mut c, st) = stat(&service, id, path.clone()).await?;
    let body = streamed_body(move |w| {
        // An error now can only cut the stream short: the status is sent already.
        let mut w = w;
        let _ = service.engine.archive_path(&mut c, &inside(&path), &mut w);
    });
    Ok((
        [
            stat_header(&st)?,
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/x-tar"),
            ),
        ],
        body,
    )
        .into_response())
}

/// A request body read on a blocking thread.
struct BodyReader {
    rx: mpsc::Receiver<Bytes>,
    chunk: Bytes,
}

impl Read for BodyReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.chunk.is_empty() {
            match self.rx.blocking_recv() {
                Some(c) => self.chunk = c,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.chunk.len());
        buf[..n].copy_from_slice(&self.chunk.split_to(n));
        Ok(n)
    }
}

fn body_reader(body: Body) -> BodyReader {
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(async move {
        use futures_util::StreamExt;
        let mut stream = body.into_data_stream();
        while let Some(Ok(chunk)) = stream.next().await {
            if tx.send(chunk).await.is_err() {
                break;
            }
        }
    });
    BodyReader {
        rx,
        chunk: Bytes::new(),
    }
}

pub async fn put(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    axum::extract::Query(q): Query,
    req: Request,
) -> Result<StatusCode, ApiError> {
    let path = path_of(&q)?;
    let mut reader = body_reader(req.into_body());
    blocking(move || {
        let engine = &service.engine;
        let mut c = engine.lookup(&id)?;
        let res = engine.extract_path(&mut c, &inside(&path), &mut reader);
        // What the extractor left unread (a bad archive) is drained, not left hanging.
        let _ = std::io::copy(&mut reader, &mut std::io::sink());
        res.map_err(|e| copy_error(e, &path, &c))?;
        Ok(StatusCode::OK)
    })
    .await
}

pub async fn export(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let svc = service.clone();
    let mut c = blocking(move || Ok(svc.engine.lookup(&id)?)).await?;
    let body = streamed_body(move |w| {
        let _ = with_root(&service.engine, &mut c, |root| changes::export(root, w));
    });
    Ok(([(header::CONTENT_TYPE, "application/x-tar")], body).into_response())
}
