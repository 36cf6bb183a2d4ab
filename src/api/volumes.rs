//! `/volumes/...`: list, create, inspect, remove, prune.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use super::params::{bad_filter, json_body, Query};
use super::{blocking, ApiError, Service};
use crate::filter::{VolumeView, PRUNE_KEYS};
use crate::volume::{self, VolumeError, VolumeReport};

pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/volumes", get(list))
        .route("/volumes/create", post(create))
        .route("/volumes/prune", post(prune))
        .route("/volumes/{name}", get(inspect).delete(remove))
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct List {
    volumes: Vec<VolumeReport>,
    warnings: Vec<String>,
}

async fn list(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let filters = Query::of(&uri).filters::<VolumeView>()?;
    blocking(move || {
        let engine = &service.engine;
        let users = engine.volume_users()?;
        let mut volumes = Vec::new();
        for v in volume::list(&engine.store)? {
            let view = VolumeView {
                volume: &v,
                users: users.get(&v.name).map_or(0, Vec::len),
            };
            if filters.matches(&view).map_err(bad_filter)? {
                volumes.push(volume::report(&engine.store, &v));
            }
        }
        Ok(Json(List {
            volumes,
            warnings: Vec::new(),
        })
        .into_response())
    })
    .await
}

/// The body of `POST /volumes/create`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct CreateBody {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    driver: Option<String>,
    #[serde(default)]
    driver_opts: Option<BTreeMap<String, String>>,
    #[serde(default)]
    labels: Option<BTreeMap<String, String>>,
}

/// As dockerd: creating a volume that exists answers with it (Compose relies on that).
async fn create(State(service): State<Arc<Service>>, body: Bytes) -> Result<Response, ApiError> {
    let b: CreateBody = json_body(&body)?;
    blocking(move || {
        let store = &service.engine.store;
        let driver = b.driver.filter(|d| !d.is_empty());
        let v = volume::create(
            store,
            b.name.as_deref().filter(|n| !n.is_empty()),
            driver.as_deref().unwrap_or("local"),
            b.labels.unwrap_or_default(),
            b.driver_opts.unwrap_or_default(),
            true,
        )?;
        Ok((StatusCode::CREATED, Json(volume::report(store, &v))).into_response())
    })
    .await
}

async fn inspect(
    State(service): State<Arc<Service>>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    blocking(move || {
        let store = &service.engine.store;
        let v = volume::find(store, &name)?;
        Ok(Json(volume::report(store, &v)).into_response())
    })
    .await
}

async fn remove(
    State(service): State<Arc<Service>>,
    Path(name): Path<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let force = Query::of(&uri).flag("force")?;
    blocking(move || {
        match service.engine.remove_volume(&name, force) {
            Ok(()) => {}
            // dockerd's words for a volume in use.
            Err(crate::container::ContainerError::Volume(VolumeError::InUse { users, .. })) => {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    format!("remove {name}: volume is in use - [{users}]"),
                ))
            }
            Err(e) => return Err(e.into()),
        }
        Ok(StatusCode::NO_CONTENT.into_response())
    })
    .await
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Pruned {
    volumes_deleted: Vec<String>,
    space_reclaimed: u64,
}

/// Since API 1.42 only anonymous volumes go, unless the `all=true` filter asks for every
/// unused one (`docker volume prune -a`).
async fn prune(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let mut filters = Query::of(&uri).raw_filters()?;
    let mut all = false;
    for v in filters.take("all") {
        all |= crate::filter::parse_bool("all", &v).map_err(bad_filter)?;
    }
    let filters = filters.accept(PRUNE_KEYS).map_err(bad_filter)?;
    blocking(move || {
        let pruned = crate::system::prune::volumes_of(&service.engine, &filters, !all)
            .map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(Json(Pruned {
            space_reclaimed: pruned.iter().map(|p| p.size).sum(),
            volumes_deleted: pruned.into_iter().map(|p| p.id).collect(),
        })
        .into_response())
    })
    .await
}
