//! Containers, non-streaming: create, list, inspect, the lifecycle verbs, wait, remove,
//! rename, prune, top, changes and update. Names and ID prefixes are looked up as the
//! CLI looks them up; an unknown one is Docker's 404 "No such container: x".

mod create;
mod wait;

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use super::{blocking, ApiError, Service};
use crate::container::create::{Defaults, ResourceLimits};
use crate::container::inspect::ContainerInspect;
use crate::container::report::ContainerSummary;
use crate::container::update::UpdateRequest;
use crate::container::{Container, Status};
use crate::filter::Filters;

type Svc = State<Arc<Service>>;
type Params = Query<HashMap<String, String>>;

pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/containers/json", get(list))
        .route("/containers/create", post(create))
        .route("/containers/prune", post(prune))
        .route("/containers/{id}", delete(remove))
        .route("/containers/{id}/json", get(inspect))
        .route("/containers/{id}/start", post(start))
        .route("/containers/{id}/stop", post(stop))
        .route("/containers/{id}/kill", post(kill))
        .route("/containers/{id}/restart", post(restart))
        .route("/containers/{id}/pause", post(pause))
        .route("/containers/{id}/unpause", post(unpause))
        .route("/containers/{id}/wait", post(wait::wait))
        .route("/containers/{id}/rename", post(rename))
        .route("/containers/{id}/top", get(top))
        .route("/containers/{id}/changes", get(changes))
        .route("/containers/{id}/update", post(update))
}

fn bad(e: impl std::fmt::Display) -> ApiError {
    ApiError::bad_request(e.to_string())
}

/// Docker's query booleans: `1`/`true` or `0`/`false` (absent: false).
fn flag(q: &HashMap<String, String>, key: &str) -> Result<bool, ApiError> {
    match q.get(key).map(String::as_str) {
        None | Some("") | Some("0") | Some("false") | Some("False") => Ok(false),
        Some("1") | Some("true") | Some("True") => Ok(true),
        Some(v) => Err(bad(format!("invalid boolean value {v:?} for {key}"))),
    }
}

fn number<T: std::str::FromStr>(
    q: &HashMap<String, String>,
    key: &str,
) -> Result<Option<T>, ApiError> {
    match q.get(key).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse()
            .map(Some)
            .map_err(|_| bad(format!("invalid value {v:?} for {key}: not a number"))),
    }
}

fn filters(q: &HashMap<String, String>) -> Result<Filters, ApiError> {
    Filters::from_json(q.get("filters").map_or("", String::as_str)).map_err(bad)
}

/// A JSON body; a malformed one is a 400 with serde's reason.
fn body<T: for<'de> Deserialize<'de> + Default>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|e| bad(format!("invalid JSON body: {e}")))
}

/// Run `f` on the container `id` names, on a blocking thread.
async fn with_container<T: Send + 'static>(
    svc: Arc<Service>,
    id: String,
    f: impl FnOnce(&Service, &mut Container) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    blocking(move || {
        let mut c = svc.engine.lookup(&id)?;
        f(&svc, &mut c)
    })
    .await
}

async fn list(State(svc): Svc, Query(q): Params) -> Result<Json<Vec<ContainerSummary>>, ApiError> {
    let all = flag(&q, "all")?;
    let limit: Option<usize> = number::<i64>(&q, "limit")?
        .filter(|n| *n > 0)
        .map(|n| n as usize);
    let filters = filters(&q)?.checked::<Container>().map_err(bad)?;
    let rows = blocking(move || {
        let engine = &svc.engine;
        let mut f = filters;
        crate::filter::kinds::resolve_containers(&mut f, engine).map_err(bad)?;
        let mut list = engine.list()?;
        // As `ps`: a state filter or a limit looks at every container.
        if !(all || limit.is_some() || f.has("status") || f.has("exited")) {
            list.retain(|c| c.state.status.is_active() || c.state.status == Status::Restarting);
        }
        let mut kept = f.select(list).map_err(bad)?;
        if let Some(n) = limit {
            kept.truncate(n);
        }
        let now = chrono::Utc::now();
        Ok(kept
            .iter()
            .map(|c| {
                let mut row = ContainerSummary::of(c, now);
                if c.state.status == Status::Initialized {
                    // Docker has no initialized state: to its clients it is created.
                    row.state = c.state.status.docker_str().into();
                    row.status = "Created".into();
                }
                row
            })
            .collect())
    })
    .await?;
    Ok(Json(rows))
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Created {
    id: String,
    warnings: Vec<String>,
}

async fn create(State(svc): Svc, Query(q): Params, bytes: Bytes) -> Result<Response, ApiError> {
    let parsed: create::CreateBody = body(&bytes)?;
    let name = q
        .get("name")
        .filter(|n| !n.is_empty())
        .map(|n| n.trim_start_matches('/').to_string());
    let req = parsed.into_request(name)?;
    let id = blocking(move || {
        let engine = &svc.engine;
        // What the user would see at the CLI: containers.conf fills in the gaps. The
        // service's own environment is not the client's, so none of it is passed on.
        let conf = crate::config::containers::ContainersConf::for_user(&engine.paths.config)
            .map_err(|e| ApiError::internal(e.to_string()))?;
        let defaults = Defaults::from_conf(&conf, Vec::new()).map_err(bad)?;
        engine.check_create(&req, &defaults)?;
        // Never pulled here: a 404 makes the client pull and ask again.
        let image_id = engine.store.find(&req.image)?.id;
        let c = engine.create(
            crate::container::CreateRequest { image_id, ..req },
            &defaults,
        )?;
        Ok(c.id)
    })
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(Created {
            id,
            warnings: Vec::new(),
        }),
    )
        .into_response())
}

async fn inspect(
    State(svc): Svc,
    Path(id): Path<String>,
) -> Result<Json<ContainerInspect>, ApiError> {
    let mut report = with_container(svc, id, |s, c| Ok(s.engine.inspect(c))).await?;
    // Docker's names start with `/`; clients strip it.
    report.name = format!("/{}", report.name);
    if report.state.status == Status::Initialized.as_str() {
        report.state.status = Status::Initialized.docker_str();
    }
    // Clients read a container's output back through /logs only for the drivers dockerd
    // can read (docker-py's `containers.run` returns None otherwise); cove's log file is
    // read by /logs whatever its name, so the API names it like dockerd's default.
    report.host_config.log_config.kind = "json-file";
    Ok(Json(report))
}

fn no_content(changed: bool) -> StatusCode {
    if changed {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_MODIFIED
    }
}

async fn start(State(svc): Svc, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    let started = with_container(svc, id, |s, c| {
        if c.state.status.is_active() {
            return Ok(false);
        }
        s.engine.start(c, false)?;
        Ok(true)
    })
    .await?;
    Ok(no_content(started))
}

async fn stop(
    State(svc): Svc,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<StatusCode, ApiError> {
    let t = number::<i64>(&q, "t")?.map(|t| u32::try_from(t.max(0)).unwrap_or(u32::MAX));
    let stopped = with_container(svc, id, move |s, c| {
        if !(c.state.status.has_process() || c.state.status == Status::Restarting) {
            return Ok(false);
        }
        s.engine.stop(c, t)?;
        Ok(true)
    })
    .await?;
    Ok(no_content(stopped))
}

async fn restart(
    State(svc): Svc,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<StatusCode, ApiError> {
    let t = number::<i64>(&q, "t")?.map(|t| u32::try_from(t.max(0)).unwrap_or(u32::MAX));
    with_container(svc, id, move |s, c| Ok(s.engine.restart(c, t)?)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn kill(
    State(svc): Svc,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<StatusCode, ApiError> {
    let signal = q
        .get("signal")
        .filter(|s| !s.is_empty())
        .cloned()
        .unwrap_or_else(|| "KILL".into());
    signal
        .parse::<crate::container::signal::Signal>()
        .map_err(|_| bad(format!("Invalid signal: {signal}")))?;
    with_container(svc, id, move |s, c| Ok(s.engine.kill(c, &signal)?)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn pause(State(svc): Svc, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    with_container(svc, id, |s, c| Ok(s.engine.pause(c)?)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn unpause(State(svc): Svc, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    with_container(svc, id, |s, c| Ok(s.engine.unpause(c)?)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn remove(
    State(svc): Svc,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<StatusCode, ApiError> {
    let force = flag(&q, "force")?;
    let volumes = flag(&q, "v")?;
    with_container(svc, id, move |s, c| {
        Ok(s.engine.remove(c, force, volumes)?)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn rename(
    State(svc): Svc,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<StatusCode, ApiError> {
    let name = q
        .get("name")
        .filter(|n| !n.is_empty())
        .map(|n| n.trim_start_matches('/').to_string())
        .ok_or_else(|| bad("a new name is required (name=)"))?;
    with_container(svc, id, move |s, c| Ok(s.engine.rename(c, &name)?)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct PruneReport {
    containers_deleted: Vec<String>,
    space_reclaimed: u64,
}

async fn prune(State(svc): Svc, Query(q): Params) -> Result<Json<PruneReport>, ApiError> {
    let f = filters(&q)?
        .accept(crate::filter::PRUNE_KEYS)
        .map_err(bad)?;
    let pruned = blocking(move || {
        crate::system::prune::containers(&svc.engine, &f)
            .map_err(|e| ApiError::internal(e.to_string()))
    })
    .await?;
    Ok(Json(PruneReport {
        space_reclaimed: pruned.iter().map(|p| p.size).sum(),
        containers_deleted: pruned.into_iter().map(|p| p.id).collect(),
    }))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TopQuery {
    /// psgo's descriptors, blank- or comma-separated (ps(1)'s own options are not run
    /// here: the service is multi-threaded and cannot join a container's namespaces).
    ps_args: String,
}

async fn top(
    State(svc): Svc,
    Path(id): Path<String>,
    Query(q): Query<TopQuery>,
) -> Result<Json<crate::container::procs::Top>, ApiError> {
    let descriptors: Vec<String> = q.ps_args.split_whitespace().map(String::from).collect();
    Ok(Json(
        with_container(svc, id, move |s, c| Ok(s.engine.top(c, &descriptors)?)).await?,
    ))
}

async fn changes(
    State(svc): Svc,
    Path(id): Path<String>,
) -> Result<Json<Vec<crate::container::changes::Change>>, ApiError> {
    let list = with_container(svc, id, |s, c| Ok(s.engine.changes(c)?)).await?;
    Ok(Json(list.iter().map(Into::into).collect()))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
struct UpdateBody {
    restart_policy: Option<create::RestartPolicyBody>,
    memory: i64,
    memory_swap: i64,
    nano_cpus: i64,
    cpu_shares: i64,
    cpu_quota: i64,
    pids_limit: Option<i64>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Updated {
    warnings: Vec<String>,
}

async fn update(
    State(svc): Svc,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Result<Json<Updated>, ApiError> {
    let b: UpdateBody = body(&bytes)?;
    let cpus = (b.nano_cpus > 0 || b.cpu_shares > 0 || b.cpu_quota > 0).then_some(1.0);
    let req = UpdateRequest {
        restart: b
            .restart_policy
            .as_ref()
            .map(create::RestartPolicyBody::to_policy)
            .transpose()?,
        resources: ResourceLimits {
            memory: u64::try_from(b.memory.max(b.memory_swap))
                .ok()
                .filter(|m| *m > 0),
            cpus,
            pids_limit: b.pids_limit.filter(|p| *p > 0),
            ..ResourceLimits::default()
        },
    };
    with_container(svc, id, move |s, c| Ok(s.engine.update(c, &req)?)).await?;
    Ok(Json(Updated {
        warnings: Vec::new(),
    }))
}
