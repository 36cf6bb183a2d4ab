//! `GET /events`: the per-user event log as dockerd streams it, one `EventMessage` per
//! line, past events from `since` first, then new ones as they are written until `until`
//! (or, without `until`, until the client hangs up). An open stream counts as a request
//! in progress, so the idle timer waits for it (idle.rs).

use std::sync::Arc;

use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use chrono::{DateTime, Utc};
use tokio::sync::mpsc;

use super::params::Query;
use super::{ndjson, ApiError, Service};
use crate::events::{Event, EventLog, EventMessage};
use crate::time::parse_timestamp;

fn time_param(q: &Query, key: &str, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, ApiError> {
    q.get(key)
        .map(|v| {
            parse_timestamp(v, now)
                .map_err(|e| ApiError::bad_request(format!("invalid {key} {v:?}: {e}")))
        })
        .transpose()
}

pub async fn events(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let q = Query::of(&uri);
    let now = Utc::now();
    let until = time_param(&q, "until", now)?;
    // As dockerd: with neither bound only what happens from now on (Compose and the SDKs
    // watch like that, and must not see old `die` events).
    let since = match time_param(&q, "since", now)? {
        None if until.is_none() => Some(now),
        s => s,
    };
    let filters = q.filters::<Event>()?;
    let (tx, rx) = mpsc::unbounded_channel();
    let log = EventLog::new(&service.engine.paths.data);
    tokio::task::spawn_blocking(move || {
        let wanted = |e: &Event| {
            since.is_none_or(|s| e.time() >= s)
                && until.is_none_or(|u| e.time() <= u)
                && filters.matches(e).unwrap_or(false)
        };
        let send = |e: &Event| tx.send(ndjson::line(&EventMessage::from(e))).is_ok();
        // Nothing can come after an `until` that has passed.
        if until.is_some_and(|u| u <= Utc::now()) {
            if let Ok(past) = log.read(&wanted) {
                for e in &past {
                    if !send(e) {
                        break;
                    }
                }
            }
            return;
        }
        // The client hanging up closes the channel: that ends the follow, even while no
        // event comes.
        let _ = log.follow_while(until, &|| !tx.is_closed(), &mut |e| {
            Ok(!wanted(e) || send(e))
        });
    });
    Ok(ndjson::response(rx))
}
