//! The container endpoints that stream: attach, logs, exec, archive/export, stats.
//!
//! Attach and exec take the connection over (`hijack`): the client asks for
//! `Upgrade: tcp` and gets a 101 and the raw socket, as from dockerd; a client that does
//! not ask gets dockerd's other answer, a 200 whose body is the stream (its request body
//! then being the input). Engine work on these streams is blocking (the shim's attach
//! socket, pipes, log files): it runs on blocking threads that talk to the connection
//! through bounded channels, so a flooding container waits for a slow client and a client
//! that goes away ends its session at the next write.

mod archive;
mod attach;
mod exec;
mod frames;
mod logs;
mod stats;

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

use super::idle::Activity;
use super::{ApiError, Service};

pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/containers/{id}/attach", post(attach::attach))
        .route("/containers/{id}/resize", post(attach::resize))
        .route("/containers/{id}/logs", get(logs::logs))
        .route("/containers/{id}/exec", post(exec::create))
        .route("/exec/{id}/start", post(exec::start))
        .route("/exec/{id}/resize", post(exec::resize))
        .route("/exec/{id}/json", get(exec::inspect))
        .route(
            "/containers/{id}/archive",
            get(archive::get).head(archive::head).put(archive::put),
        )
        .route("/containers/{id}/export", get(archive::export))
        .route("/containers/{id}/stats", get(stats::stats))
}

/// Query parameters as Docker clients send them (`stdout=1`, `follow=true`).
pub(super) type Query = axum::extract::Query<HashMap<String, String>>;

/// A boolean query parameter in Go's `strconv.ParseBool` forms; absent: `default`.
pub(super) fn flag(q: &HashMap<String, String>, name: &str, default: bool) -> bool {
    match q.get(name).map(String::as_str) {
        None | Some("") => default,
        Some(v) => matches!(v, "1" | "t" | "T" | "true" | "TRUE" | "True"),
    }
}

pub(super) const RAW_STREAM: &str = "application/vnd.docker.raw-stream";
pub(super) const MULTIPLEXED_STREAM: &str = "application/vnd.docker.multiplexed-stream";

/// How many chunks may wait between a blocking producer and the connection.
const QUEUE: usize = 16;

/// The two directions of a taken-over connection. `input` ends (None) when the client
/// shut its write side down; sending on `output` fails once the client is gone.
pub(super) struct Hijacked {
    pub input: mpsc::Receiver<Bytes>,
    pub output: mpsc::Sender<Bytes>,
}

/// Take the connection of `req` over and run `session` on it (on a blocking thread).
/// Returns the response that starts the stream.
pub(super) fn hijack(
    mut req: Request,
    content_type: &'static str,
    session: impl FnOnce(Hijacked) + Send + 'static,
) -> Response {
    let (in_tx, in_rx) = mpsc::channel::<Bytes>(QUEUE);
    let (out_tx, out_rx) = mpsc::channel::<Bytes>(QUEUE);
    let upgrade = req
        .headers()
        .get(header::UPGRADE)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"tcp"));
    let busy = req.extensions().get::<Arc<Activity>>().map(|a| a.busy());
    tokio::task::spawn_blocking(move || {
        session(Hijacked {
            input: in_rx,
            output: out_tx,
        })
    });
    if upgrade {
        let on = hyper::upgrade::on(&mut req);
        tokio::spawn(async move {
            let _busy = busy;
            let Ok(upgraded) = on.await else {
                return;
            };
            let (mut r, mut w) = tokio::io::split(TokioIo::new(upgraded));
            let reader = tokio::spawn(async move {
                let mut buf = vec![0u8; 32 * 1024];
                loop {
                    match r.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            if in_tx.send(Bytes::copy_from_slice(&buf[..n])).await.is_err() {
                                break;
                            }
                        }
                    }
                }
            });
            write_all_of(out_rx, &mut w).await;
            let _ = w.shutdown().await;
            reader.abort();
        });
        return (
            StatusCode::SWITCHING_PROTOCOLS,
            [
                (header::CONTENT_TYPE, content_type),
                (header::CONNECTION, "Upgrade"),
                (header::UPGRADE, "tcp"),
            ],
        )
            .into_response();
    }
    drop(busy);
    // No upgrade: the request body is the input, the response body the output.
    let mut body = req.into_body().into_data_stream();
    tokio::spawn(async move {
        use futures_util::StreamExt;
        while let Some(Ok(chunk)) = body.next().await {
            if in_tx.send(chunk).await.is_err() {
                break;
            }
        }
    });
    let mut resp = Body::from_stream(receiver_stream(out_rx)).into_response();
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}

async fn write_all_of(mut rx: mpsc::Receiver<Bytes>, w: &mut (impl AsyncWriteExt + Unpin)) {
    while let Some(chunk) = rx.recv().await {
        if w.write_all(&chunk).await.is_err() || w.flush().await.is_err() {
            return;
        }
    }
}

/// A response body fed by a blocking producer.
pub(super) fn receiver_stream(
    rx: mpsc::Receiver<Bytes>,
) -> impl futures_util::Stream<Item = Result<Bytes, std::convert::Infallible>> {
    futures_util::stream::unfold(
        rx,
        |mut rx| async move { rx.recv().await.map(|b| (Ok(b), rx)) },
    )
}

/// A streamed response: `produce` runs on a blocking thread and writes into the body;
/// its writes fail once the client is gone.
pub(super) fn streamed_body(
    produce: impl FnOnce(&mut frames::ChannelWriter) + Send + 'static,
) -> Body {
    let (tx, rx) = mpsc::channel::<Bytes>(QUEUE);
    tokio::task::spawn_blocking(move || {
        let mut w = frames::ChannelWriter::new(tx);
        produce(&mut w);
        let _ = std::io::Write::flush(&mut w);
    });
    Body::from_stream(receiver_stream(rx))
}

/// The container, looked up on a blocking thread.
pub(super) async fn container(
    service: &Arc<Service>,
    id: String,
) -> Result<crate::container::Container, ApiError> {
    let service = service.clone();
    super::blocking(move || Ok(service.engine.lookup(&id)?)).await
}
