//! `/networks/...`: cove's user-defined networks, plus dockerd's predefined `bridge`,
//! `host` and `none` (which name cove's network modes and cannot be changed).

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
use crate::container::record::Attachment;
use crate::filter::PRUNE_KEYS;
use crate::network::networks::{CreateRequest, NetworkConfig, SwarmOptions};
use crate::network::report::{self, NetworkReport, PREDEFINED};
use crate::network::NetworkError;

pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/networks", get(list))
        .route("/networks/create", post(create))
        .route("/networks/prune", post(prune))
        .route("/networks/{id}", get(inspect).delete(remove))
        .route("/networks/{id}/connect", post(connect))
        .route("/networks/{id}/disconnect", post(disconnect))
}

fn no_such(name: &str) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, format!("network {name} not found"))
}

fn predefined_refused(name: &str, what: &str) -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        format!("{name} is a pre-defined network and cannot be {what}"),
    )
}

/// The predefined networks pass the same filters as the user's (`type=builtin`).
fn predefined_selected(
    filters: &crate::filter::Filters,
    n: &NetworkReport,
) -> Result<bool, ApiError> {
    // They carry no labels and have no creation time.
    if filters.has("label") || filters.has("until") {
        return Ok(false);
    }
    let one = |key: &str, hit: &dyn Fn(&str) -> Result<bool, ApiError>| -> Result<bool, ApiError> {
        let values = filters.values(key);
        if values.is_empty() {
            return Ok(true);
        }
        for v in values {
            if hit(v)? {
                return Ok(true);
            }
        }
        Ok(false)
    };
    Ok(one("name", &|v| {
        crate::filter::name_matches(v, &n.name).map_err(bad_filter)
    })? && one("id", &|v| Ok(n.id.starts_with(v)))?
        && one("driver", &|v| Ok(n.driver == v))?
        && one("scope", &|v| Ok(v == "local"))?
        && one("type", &|v| Ok(v == "builtin"))?)
}

async fn list(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let filters = Query::of(&uri).filters::<NetworkConfig>()?;
    blocking(move || {
        let engine = &service.engine;
        let all = engine.list()?;
        let mut out: Vec<NetworkReport> = Vec::new();
        for name in PREDEFINED {
            if let Some(n) = report::predefined(name, &all) {
                if predefined_selected(&filters, &n)? {
                    out.push(n);
                }
            }
        }
        let nets = filters
            .select(engine.networks().list()?)
            .map_err(bad_filter)?;
        out.extend(nets.iter().map(|n| report::report(n, &all)));
        Ok(Json(out).into_response())
    })
    .await
}

/// A network by name, ID or ID prefix: a predefined one or the user's.
fn find(service: &Service, key: &str) -> Result<Result<NetworkConfig, NetworkReport>, ApiError> {
    match service.engine.networks().get(key) {
        Ok(n) => Ok(Ok(n)),
        Err(NetworkError::NotFound(_)) => {
            let all = service.engine.list()?;
            report::predefined(key, &all)
                .map(Err)
                .ok_or_else(|| no_such(key))
        }
        Err(e) => Err(e.into()),
    }
}

async fn inspect(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    blocking(move || {
        let report = match find(&service, &id)? {
            Ok(net) => report::report(&net, &service.engine.list()?),
            Err(predefined) => predefined,
        };
        Ok(Json(report).into_response())
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct IpamConfigIn {
    #[serde(default)]
    subnet: Option<String>,
    #[serde(default)]
    gateway: Option<String>,
    #[serde(default, rename = "IPRange")]
    ip_range: Option<String>,
    #[serde(default)]
    auxiliary_addresses: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct IpamIn {
    #[serde(default)]
    config: Option<Vec<IpamConfigIn>>,
    #[serde(default)]
    options: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct ConfigReference {
    #[serde(default)]
    network: String,
}

/// The body of `POST /networks/create` (fields cove has no use for are ignored).
#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct CreateBody {
    name: String,
    #[serde(default)]
    driver: Option<String>,
    #[serde(default)]
    internal: bool,
    #[serde(default)]
    labels: Option<BTreeMap<String, String>>,
    #[serde(default, rename = "IPAM")]
    ipam: Option<IpamIn>,
    #[serde(default, rename = "EnableIPv6")]
    enable_ipv6: bool,
    #[serde(default, rename = "EnableIPv4")]
    enable_ipv4: Option<bool>,
    #[serde(default)]
    options: Option<BTreeMap<String, String>>,
    #[serde(default)]
    attachable: bool,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    ingress: bool,
    #[serde(default)]
    config_only: bool,
    #[serde(default)]
    config_from: Option<ConfigReference>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Created {
    id: String,
    warning: String,
}

async fn create(State(service): State<Arc<Service>>, body: Bytes) -> Result<Response, ApiError> {
    let b: CreateBody = json_body(&body)?;
    if b.name.is_empty() {
        return Err(ApiError::bad_request("network name is required (Name)"));
    }
    if PREDEFINED.contains(&b.name.as_str()) {
        return Err(predefined_refused(&b.name, "created"));
    }
    if b.enable_ipv6 {
        return Err(ApiError::bad_request(
            "IPv6 networks are not supported by cove",
        ));
    }
    let ipam_in = b.ipam.unwrap_or_default();
    let mut configs = ipam_in.config.unwrap_or_default();
    if configs.len() > 1 {
        return Err(ApiError::bad_request(
            "cove networks have one subnet: give at most one IPAM config",
        ));
    }
    let ipam = configs.pop().unwrap_or_default();
    let req = CreateRequest {
        name: Some(b.name),
        driver: b.driver.filter(|d| !d.is_empty()),
        subnet: ipam.subnet.filter(|s| !s.is_empty()),
        gateway: ipam.gateway.filter(|s| !s.is_empty()),
        internal: b.internal,
        labels: b.labels.unwrap_or_default(),
        ip_range: ipam.ip_range.filter(|s| !s.is_empty()),
        options: b.options.unwrap_or_default(),
        no_ipv4: b.enable_ipv4 == Some(false),
        aux_addresses: ipam.auxiliary_addresses.unwrap_or_default(),
        ipam_options: ipam_in.options.unwrap_or_default(),
        attachable: b.attachable,
        swarm: SwarmOptions {
            scope: b.scope.filter(|s| !s.is_empty()),
            ingress: b.ingress,
            config_only: b.config_only,
            config_from: b.config_from.map(|c| c.network).filter(|n| !n.is_empty()),
        },
        ..CreateRequest::default()
    };
    blocking(move || {
        let net = match service.engine.networks().create(req) {
            Ok(net) => net,
            Err(NetworkError::Exists(name)) => {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    format!("network with name {name} already exists"),
                ))
            }
            Err(e) => return Err(e.into()),
        };
        Ok((
            StatusCode::CREATED,
            Json(Created {
                id: net.id,
                warning: String::new(),
            }),
        )
            .into_response())
    })
    .await
}

async fn remove(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    blocking(move || {
        let net = match find(&service, &id)? {
            Ok(net) => net,
            Err(predefined) => return Err(predefined_refused(&predefined.name, "removed")),
        };
        service.engine.remove_network(&net, false)?;
        Ok(StatusCode::NO_CONTENT.into_response())
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct IpamAddress {
    #[serde(default, rename = "IPv4Address")]
    ipv4_address: Option<String>,
    #[serde(default, rename = "IPv6Address")]
    ipv6_address: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct EndpointConfig {
    #[serde(default)]
    aliases: Option<Vec<String>>,
    #[serde(default, rename = "IPAMConfig")]
    ipam_config: Option<IpamAddress>,
    #[serde(default)]
    mac_address: Option<String>,
    #[serde(default)]
    gw_priority: i64,
    #[serde(default)]
    driver_opts: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct ConnectBody {
    container: String,
    #[serde(default)]
    endpoint_config: Option<EndpointConfig>,
    /// Of disconnect: cove always removes the endpoint at once.
    #[serde(default)]
    #[allow(dead_code)]
    force: bool,
}

/// The user network named by the path, refusing the predefined ones.
fn user_network(service: &Service, id: &str, what: &str) -> Result<NetworkConfig, ApiError> {
    match find(service, id)? {
        Ok(net) => Ok(net),
        Err(predefined) => Err(ApiError::bad_request(format!(
            "containers cannot be {what} network {}: it is a network mode in cove, set when the container is created",
            predefined.name
        ))),
    }
}

fn connect_body(body: &[u8]) -> Result<ConnectBody, ApiError> {
    let b: ConnectBody = json_body(body)?;
    if b.container.is_empty() {
        return Err(ApiError::bad_request("Container is required"));
    }
    Ok(b)
}

async fn connect(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let b = connect_body(&body)?;
    let ep = b.endpoint_config.unwrap_or_default();
    let opts: Vec<String> = ep
        .driver_opts
        .iter()
        .flatten()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    crate::network::refuse_endpoint_options(&opts)?;
    let ipam = ep.ipam_config.unwrap_or_default();
    let ip6 = ipam.ipv6_address.filter(|ip| !ip.is_empty());
    blocking(move || {
        let net = user_network(&service, &id, "connected to")?;
        service.engine.connect(
            &b.container,
            Attachment {
                network: net.name,
                aliases: ep.aliases.unwrap_or_default(),
                ip: ipam.ipv4_address.filter(|ip| !ip.is_empty()),
                mac: ep.mac_address.filter(|m| !m.is_empty()),
                gw_priority: ep.gw_priority,
            },
            ip6.as_deref(),
        )?;
        Ok(StatusCode::OK.into_response())
    })
    .await
}

async fn disconnect(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let b = connect_body(&body)?;
    blocking(move || {
        let net = user_network(&service, &id, "disconnected from")?;
        service.engine.disconnect(&b.container, &net.name)?;
        Ok(StatusCode::OK.into_response())
    })
    .await
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Pruned {
    networks_deleted: Vec<String>,
}

async fn prune(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let filters = Query::of(&uri)
        .raw_filters()?
        .accept(PRUNE_KEYS)
        .map_err(bad_filter)?;
    blocking(move || {
        let deleted = crate::system::prune::networks(&service.engine, &filters)
            .map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(Json(Pruned {
            networks_deleted: deleted,
        })
        .into_response())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_networks_answer_list_filters() {
        let bridge = report::predefined("bridge", &[]).unwrap();
        let f = |json: &str| {
            crate::filter::Filters::from_json(json)
                .unwrap()
                .checked::<NetworkConfig>()
                .unwrap()
        };
        assert!(predefined_selected(&f("{}"), &bridge).unwrap());
        assert!(predefined_selected(&f(r#"{"name":["bri"]}"#), &bridge).unwrap());
        assert!(!predefined_selected(&f(r#"{"name":["front"]}"#), &bridge).unwrap());
        assert!(!predefined_selected(&f(r#"{"type":["custom"]}"#), &bridge).unwrap());
        assert!(!predefined_selected(&f(r#"{"label":["a"]}"#), &bridge).unwrap());
        assert!(predefined_selected(&f(r#"{"driver":["bridge"]}"#), &bridge).unwrap());
    }
}
