//! The routes for images, networks, volumes, events and disk usage.

use std::sync::Arc;

use axum::routing::get;
use axum::Router;

use super::{df, events, images, networks, volumes, Service};

pub fn routes() -> Router<Arc<Service>> {
    images::routes()
        .merge(networks::routes())
        .merge(volumes::routes())
        .route("/events", get(events::events))
        .route("/system/df", get(df::df))
}
