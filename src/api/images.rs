//! `/images/...`: list, inspect, history, tag, remove, prune, and the routing of names
//! that contain slashes and ports (`127.0.0.1:5000/a/b:tag`), which no path pattern can
//! split: the handlers take the rest of the path and cut the operation off its end.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;

use super::params::{bad_filter, Query};
use super::{blocking, image_transfer, ApiError, Service};
use crate::filter::kinds::resolve_images;
use crate::filter::{ImageView, PRUNE_KEYS};
use crate::image::remove::{RemoveError, Removed};
use crate::image::report::{self, ReportError};

pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/images/json", get(list))
        .route("/images/create", post(image_transfer::create))
        .route("/images/load", post(image_transfer::load))
        .route("/images/get", get(image_transfer::get_many))
        .route("/images/prune", post(prune))
        .route(
            "/images/{*rest}",
            get(by_name).post(by_name).delete(by_name),
        )
}

impl From<ReportError> for ApiError {
    fn from(e: ReportError) -> ApiError {
        match e {
            ReportError::Store(e) => e.into(),
            ReportError::Filter(e) => bad_filter(e),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl From<RemoveError> for ApiError {
    fn from(e: RemoveError) -> ApiError {
        match e {
            RemoveError::Store(e) => e.into(),
            RemoveError::Container(e) => e.into(),
            RemoveError::MultipleNames(_) | RemoveError::InUse { .. } => {
                ApiError::new(StatusCode::CONFLICT, format!("conflict: {e}"))
            }
            RemoveError::Reference(_) | RemoveError::UnknownTag { .. } => {
                ApiError::bad_request(e.to_string())
            }
            other => ApiError::internal(other.to_string()),
        }
    }
}

/// `{*rest}` is `NAME/OPERATION` for everything but `DELETE /images/NAME`.
async fn by_name(
    State(service): State<Arc<Service>>,
    Path(rest): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let q = Query::of(&uri);
    let split = rest.rsplit_once('/');
    let result = match (&method, split) {
        (&Method::DELETE, _) => remove(service, rest.clone(), q).await,
        (&Method::GET, Some((name, "json"))) => inspect(service, name.to_string()).await,
        (&Method::GET, Some((name, "history"))) => history(service, name.to_string()).await,
        (&Method::GET, Some((name, "get"))) => {
            return image_transfer::get(service, vec![name.to_string()]).await
        }
        (&Method::POST, Some((name, "tag"))) => tag(service, name.to_string(), q).await,
        (&Method::POST, Some((name, "push"))) => {
            return image_transfer::push(service, name.to_string(), q, headers).await
        }
        _ => Err(super::error::not_found().await),
    };
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn list(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let q = Query::of(&uri);
    let mut filters = q.filters::<ImageView>()?;
    let all = q.flag("all")?;
    blocking(move || {
        let store = &service.engine.store;
        resolve_images(&mut filters, store).map_err(bad_filter)?;
        Ok(Json(report::list(store, &filters, all)?).into_response())
    })
    .await
}

async fn inspect(service: Arc<Service>, name: String) -> Result<Response, ApiError> {
    blocking(move || {
        let engine = &service.engine;
        let img = engine.store.find(&name)?;
        Ok(Json(report::inspect_api(
            &engine.store,
            engine.driver.name(),
            &img,
        )?)
        .into_response())
    })
    .await
}

async fn history(service: Arc<Service>, name: String) -> Result<Response, ApiError> {
    blocking(move || {
        let store = &service.engine.store;
        let img = store.find(&name)?;
        Ok(Json(report::history(store, &img)?).into_response())
    })
    .await
}

async fn tag(service: Arc<Service>, name: String, q: Query) -> Result<Response, ApiError> {
    let repo = q
        .get("repo")
        .ok_or_else(|| ApiError::bad_request("repository name must have at least one component"))?
        .to_string();
    let target = match q.get("tag") {
        Some(t) => format!("{repo}:{t}"),
        None => repo,
    };
    blocking(move || {
        let engine = &service.engine;
        let img = engine.store.find(&name)?;
        engine.tag_image(&img, &target)?;
        Ok(StatusCode::CREATED.into_response())
    })
    .await
}

/// dockerd's `ImageDeleteResponseItem`.
#[derive(Serialize)]
enum DeleteItem {
    Untagged(String),
    Deleted(String),
}

async fn remove(service: Arc<Service>, name: String, q: Query) -> Result<Response, ApiError> {
    let force = q.flag("force")?;
    // `noprune` keeps untagged parents; cove's images have no parent chain to prune.
    q.flag("noprune")?;
    blocking(move || {
        let engine = &service.engine;
        let img = engine.store.find(&name)?;
        let done = engine.remove_image(&img, &name, force, false)?;
        let items: Vec<DeleteItem> = done
            .into_iter()
            .map(|r| match r {
                Removed::Untagged(n) => DeleteItem::Untagged(n),
                Removed::Deleted(id) => DeleteItem::Deleted(id),
            })
            .collect();
        Ok(Json(items).into_response())
    })
    .await
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct PruneReport {
    images_deleted: Vec<DeleteItem>,
    space_reclaimed: u64,
}

/// `dangling=false` prunes every unused image (`docker image prune -a`), the default
/// only those without a name.
async fn prune(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let mut filters = Query::of(&uri).raw_filters()?;
    let mut all = false;
    for v in filters.take("dangling") {
        all |= !crate::filter::parse_bool("dangling", &v).map_err(bad_filter)?;
    }
    let filters = filters.accept(PRUNE_KEYS).map_err(bad_filter)?;
    blocking(move || {
        let pruned = crate::system::prune::images(&service.engine.store, all, &filters)
            .map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(Json(PruneReport {
            space_reclaimed: pruned.iter().map(|p| p.size).sum(),
            images_deleted: pruned
                .into_iter()
                .map(|p| DeleteItem::Deleted(p.id))
                .collect(),
        })
        .into_response())
    })
    .await
}
