//! `POST /containers/{id}/wait`. The status line goes out at once and the result when the
//! condition holds: the docker CLI's `run` asks for the wait, reads the headers, and only
//! then starts the container, so holding the headers back would deadlock it. The open
//! body keeps the service busy (see `idle`), and a client that hangs up ends the poll.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::super::{blocking, ApiError, Service};
use super::bad;
use crate::container::wait::{WaitCondition, Waiter};

/// Tells the polling thread to give up when the response is dropped unfinished.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

pub async fn wait(
    State(svc): State<Arc<Service>>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let condition: WaitCondition = q
        .get("condition")
        .map(|c| c.parse())
        .transpose()
        .map_err(bad)?
        .unwrap_or_default();
    // An unknown container is a 404 before any status line is sent.
    let looked_up = svc.clone();
    let (cid, waiter) = blocking(move || {
        let c = looked_up.engine.lookup(&id)?;
        Ok((c.id, Waiter::new(condition, &c.state)))
    })
    .await?;
    let cancelled = Arc::new(AtomicBool::new(false));
    let guard = CancelOnDrop(cancelled.clone());
    let result = async move {
        let _guard = guard;
        let outcome = blocking(move || {
            let stop = || cancelled.load(Ordering::SeqCst);
            Ok(svc.engine.wait_for(&cid, waiter, &stop)?)
        })
        .await;
        let json = match outcome {
            Ok(Some(code)) => serde_json::json!({ "StatusCode": code, "Error": null }),
            Ok(None) => return Err(std::io::Error::other("wait cancelled")),
            // Docker reports a failure after the status line in the body.
            Err(e) => serde_json::json!({ "StatusCode": -1, "Error": { "Message": e.message } }),
        };
        Ok(Bytes::from(format!("{json}\n")))
    };
    let body = Body::from_stream(futures_util::stream::once(result));
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}
