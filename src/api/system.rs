//! `/_ping`, `/version`, `/info`: what clients ask first (the docker CLI negotiates its
//! API version from `/_ping`'s `Api-Version` header).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::{blocking, ApiError, Service, API_VERSION, MIN_API_VERSION};
use crate::container::Status;
use crate::image::platform::Platform;
use crate::system::host;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Every response names the server, as dockerd's `Server: Docker/VERSION (linux)`.
pub async fn server_header(mut resp: Response) -> Response {
    if let Ok(v) = HeaderValue::from_str(&format!("cove/{VERSION} (linux)")) {
        resp.headers_mut().insert(header::SERVER, v);
    }
    resp
}

pub async fn ping(method: Method) -> Response {
    let headers = [
        ("Api-Version", API_VERSION),
        ("Ostype", "linux"),
        // The classic builder: BuildKit's session protocol is not spoken here.
        ("Builder-Version", "1"),
        ("Docker-Experimental", "false"),
        ("Cache-Control", "no-cache, no-store, must-revalidate"),
        ("Pragma", "no-cache"),
    ];
    if method == Method::HEAD {
        return (
            headers,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        )
            .into_response();
    }
    (headers, "OK").into_response()
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Component {
    name: &'static str,
    version: &'static str,
    details: serde_json::Value,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VersionReport {
    platform: serde_json::Value,
    components: Vec<Component>,
    version: &'static str,
    api_version: &'static str,
    #[serde(rename = "MinAPIVersion")]
    min_api_version: &'static str,
    git_commit: &'static str,
    go_version: &'static str,
    os: &'static str,
    arch: String,
    kernel_version: String,
    build_time: &'static str,
}

pub async fn version() -> Json<VersionReport> {
    let arch = Platform::host().arch;
    let kernel = host::kernel();
    Json(VersionReport {
        platform: serde_json::json!({ "Name": format!("cove {VERSION}") }),
        components: vec![Component {
            name: "Engine",
            version: VERSION,
            details: serde_json::json!({
                "ApiVersion": API_VERSION,
                "MinAPIVersion": MIN_API_VERSION,
                "Os": "linux",
                "Arch": arch,
                "KernelVersion": kernel,
                "Experimental": "false",
            }),
        }],
        version: VERSION,
        api_version: API_VERSION,
        min_api_version: MIN_API_VERSION,
        git_commit: "",
        go_version: "",
        os: "linux",
        arch,
        kernel_version: kernel,
        build_time: "",
    })
}

/// The subset of dockerd's `/info` that clients read (the docker CLI's `info`, Compose,
/// docker-py's `info()`), with cove's own values.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InfoReport {
    #[serde(rename = "ID")]
    id: String,
    containers: usize,
    containers_running: usize,
    containers_paused: usize,
    containers_stopped: usize,
    images: usize,
    driver: String,
    driver_status: Vec<[String; 2]>,
    docker_root_dir: String,
    name: String,
    server_version: &'static str,
    operating_system: String,
    #[serde(rename = "OSType")]
    os_type: &'static str,
    architecture: String,
    #[serde(rename = "NCPU")]
    ncpu: usize,
    mem_total: u64,
    kernel_version: String,
    cgroup_driver: &'static str,
    cgroup_version: &'static str,
    logging_driver: &'static str,
    security_options: Vec<String>,
    plugins: serde_json::Value,
    swarm: serde_json::Value,
    registry_config: serde_json::Value,
    index_server_address: &'static str,
    default_runtime: &'static str,
    runtimes: serde_json::Value,
    experimental_build: bool,
    labels: Vec<String>,
    warnings: Vec<String>,
}

pub async fn info(State(service): State<Arc<Service>>) -> Result<Json<InfoReport>, ApiError> {
    let report = blocking(move || {
        let engine = &service.engine;
        let containers = engine
            .list()
            .map_err(|e| ApiError::internal(e.to_string()))?;
        let count = |s: Status| containers.iter().filter(|c| c.state.status == s).count();
        let images = engine
            .store
            .db()
            .images()
            .map_err(|e| ApiError::internal(e.to_string()))?
            .len();
        let mut security_options = vec!["name=seccomp,profile=default".to_string()];
        if engine.rootless {
            security_options.push("name=rootless".into());
        }
        Ok(InfoReport {
            id: String::new(),
            containers: containers.len(),
            containers_running: count(Status::Running),
            containers_paused: count(Status::Paused),
            containers_stopped: containers.len() - count(Status::Running) - count(Status::Paused),
            images,
            driver: engine.driver.name().to_string(),
            driver_status: Vec::new(),
            docker_root_dir: engine.paths.data.display().to_string(),
            name: host::hostname(),
            server_version: VERSION,
            operating_system: host::Distribution::read().pretty_name,
            os_type: "linux",
            architecture: std::env::consts::ARCH.to_string(),
            ncpu: host::cpus(),
            mem_total: host::Memory::read().total,
            kernel_version: host::kernel(),
            cgroup_driver: "cgroupfs",
            cgroup_version: host::CgroupVersion::detect().docker_name(),
            logging_driver: "k8s-file",
            security_options,
            plugins: serde_json::json!({
                "Volume": ["local"],
                "Network": ["bridge", "host", "none"],
                "Log": ["k8s-file"],
            }),
            swarm: serde_json::json!({ "LocalNodeState": "inactive", "ControlAvailable": false }),
            registry_config: serde_json::json!({ "IndexConfigs": {}, "InsecureRegistryCIDRs": [] }),
            index_server_address: "https://index.docker.io/v1/",
            default_runtime: "runc",
            runtimes: serde_json::json!({ "runc": { "path": "runc" } }),
            experimental_build: false,
            labels: Vec::new(),
            warnings: Vec::new(),
        })
    })
    .await?;
    Ok(Json(report))
}
