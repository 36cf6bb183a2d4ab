//! `GET /containers/{id}/logs`: the container's log file (`container::logs`), as
//! multiplexed frames, or raw for a container with a terminal; `follow` keeps the
//! response open until the container stops or the client goes away.

use std::io::{self, Write};
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::frames::{Muxer, StreamWriter};
use super::{container, flag, streamed_body, Query, MULTIPLEXED_STREAM, RAW_STREAM};
use crate::api::{ApiError, Service};
use crate::container::logs::{self, LogOptions};

/// Docker's log options from the query: `since=0`/`until=0` mean unbounded.
fn options(q: &std::collections::HashMap<String, String>) -> Result<LogOptions, ApiError> {
    let now = chrono::Utc::now();
    let time = |name: &str| -> Result<_, ApiError> {
        match q.get(name).map(String::as_str) {
            None | Some("") | Some("0") => Ok(None),
            Some(v) => crate::time::parse_timestamp(v, now)
                .map(Some)
                .map_err(|e| ApiError::bad_request(e.to_string())),
        }
    };
    let tail = match q.get("tail").map(String::as_str) {
        None | Some("") | Some("all") => None,
        Some(n) => match n.parse::<i64>() {
            Ok(n) if n >= 0 => Some(n as usize),
            // dockerd reads a negative or unparsable tail as "all".
            _ => None,
        },
    };
    Ok(LogOptions {
        since: time("since")?,
        until: time("until")?,
        tail,
        timestamps: flag(q, "timestamps", false),
        follow: flag(q, "follow", false),
        details: flag(q, "details", false),
    })
}

pub async fn logs(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    axum::extract::Query(q): Query,
) -> Result<Response, ApiError> {
    let (stdout, stderr) = (flag(&q, "stdout", false), flag(&q, "stderr", false));
    if !stdout && !stderr {
        return Err(ApiError::bad_request(
            "Bad parameters: you must choose at least one stream",
        ));
    }
    let opts = options(&q)?;
    let c = container(&service, id).await?;
    let raw = c.config.tty;
    let path = service.engine.log_path(&c.id);
    let body = streamed_body(move |w| {
        let probe = w.probe();
        let (o, e) = Muxer::split(w, raw);
        let pick = |wanted: bool, s: StreamWriter<_>| -> Box<dyn Write> {
            if wanted {
                Box::new(s)
            } else {
                Box::new(io::sink())
            }
        };
        let (mut out, mut err) = (pick(stdout, o), pick(stderr, e));
        let running = || {
            !probe.is_closed()
                && service
                    .engine
                    .lookup(&c.id)
                    .is_ok_and(|c| c.state.status.is_active())
        };
        // An error here is the client gone or the log unreadable: either way the stream ends.
        let _ = logs::print(&path, &opts, &mut out, &mut err, running);
    });
    let content_type = if raw { RAW_STREAM } else { MULTIPLEXED_STREAM };
    Ok(([(header::CONTENT_TYPE, content_type)], body).into_response())
}
