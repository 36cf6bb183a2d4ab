//! `cove info`: Podman's report of the host, the store and the version. Field names are
//! Podman's Go field names (`{{.Host.MemTotal}}`, `{{.Store.ContainerStore.Number}}`),
//! which is what templates address; `--format json` lower-cases their first letter, as
//! Podman's JSON tags do.

use std::path::Path;

use serde::Serialize;

use super::host::{self, CgroupVersion, Distribution, Memory};
use crate::container::{runtime, Engine, Status};
use crate::rootless::IdMapping;

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Info {
    pub host: Host,
    pub store: Store,
    pub registries: Registries,
    pub version: Version,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Host {
    pub arch: String,
    pub cgroup_manager: &'static str,
    /// Podman's Go name; its JSON tag is `cgroupVersion`.
    pub cgroups_version: &'static str,
    pub conmon: Program,
    #[serde(rename = "CPUs")]
    pub cpus: usize,
    pub distribution: HostDistribution,
    pub event_logger: &'static str,
    pub hostname: String,
    #[serde(rename = "IDMappings")]
    pub id_mappings: IdMappings,
    pub kernel: String,
    pub log_driver: &'static str,
    pub mem_free: u64,
    pub mem_total: u64,
    pub network_backend: &'static str,
    #[serde(rename = "OCIRuntime")]
    pub oci_runtime: OciRuntime,
    #[serde(rename = "OS")]
    pub os: &'static str,
    pub remote_socket: RemoteSocket,
    pub service_is_remote: bool,
    pub security: Security,
    #[serde(rename = "Slirp4NetNS")]
    pub slirp4netns: Program,
    pub swap_free: u64,
    pub swap_total: u64,
    pub uptime: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Program {
    pub path: String,
    pub package: String,
    pub version: String,
}

impl Program {
    fn of(path: Option<&Path>) -> Program {
        Program {
            path: path.map(|p| p.display().to_string()).unwrap_or_default(),
            package: String::new(),
            version: path.map(host::program_version).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct OciRuntime {
    pub name: String,
    pub package: String,
    pub path: String,
    pub version: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct HostDistribution {
    pub distribution: String,
    pub version: String,
    pub codename: String,
}

#[derive(Debug, Serialize)]
pub struct IdMappings {
    #[serde(rename = "UIDMap")]
    pub uid_map: Vec<IdMap>,
    #[serde(rename = "GIDMap")]
    pub gid_map: Vec<IdMap>,
}

/// Podman keeps containers/storage's snake_case names here, in templates too.
#[derive(Debug, Serialize)]
pub struct IdMap {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RemoteSocket {
    pub path: String,
    pub exists: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Security {
    pub app_armor_enabled: bool,
    #[serde(rename = "SECCOMPEnabled")]
    pub seccomp_enabled: bool,
    #[serde(rename = "SECCOMPProfilePath")]
    pub seccomp_profile_path: String,
    #[serde(rename = "SELinuxEnabled")]
    pub selinux_enabled: bool,
    pub rootless: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Store {
    pub config_file: String,
    pub container_store: ContainerStore,
    pub graph_driver_name: &'static str,
    pub graph_root: String,
    pub image_copy_tmp_dir: String,
    pub image_store: ImageStore,
    pub run_root: String,
    pub volume_path: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContainerStore {
    pub number: usize,
    pub paused: usize,
    pub running: usize,
    pub stopped: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImageStore {
    pub number: usize,
}

/// Podman's `registries` map: `search` lists the unqualified-search registries.
#[derive(Debug, Serialize)]
pub struct Registries {
    pub search: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Version {
    #[serde(rename = "APIVersion")]
    pub api_version: &'static str,
    #[serde(rename = "Version")]
    pub version: &'static str,
    #[serde(rename = "OsArch")]
    pub os_arch: String,
    #[serde(rename = "Os")]
    pub os: &'static str,
}

/// What `info` needs beyond the engine: the choices made by configuration files.
pub struct InfoInputs<'a> {
    /// The runtime new containers get (containers.conf, or cove's own).
    pub runtime_name: &'a str,
    pub uid_map: &'a [IdMapping],
    pub gid_map: &'a [IdMapping],
    pub search_registries: Vec<String>,
    pub storage_conf: &'a Path,
}

pub fn info(engine: &Engine, inputs: InfoInputs<'_>) -> Result<Info, super::SystemError> {
    let containers = engine.list()?;
    let count = |s: Status| containers.iter().filter(|c| c.state.status == s).count();
    let images = engine.store.db().images()?.len();
    let memory = Memory::read();
    let distribution = Distribution::read();
    let arch = crate::image::platform::Platform::host().arch;
    let runtime_path =
        runtime::OciRuntime::resolve(Some(inputs.runtime_name), &engine.paths.runtime)
            .ok()
            .map(|r| r.path);
    let socket = engine.paths.api_socket();
    let maps = |m: &[IdMapping]| {
        m.iter()
            .map(|m| IdMap {
                container_id: m.container_id,
                host_id: m.host_id,
                size: m.size,
            })
            .collect()
    };
    let running = count(Status::Running);
    let paused = count(Status::Paused);
    Ok(Info {
        host: Host {
            arch: arch.clone(),
            cgroup_manager: "cgroupfs",
            cgroups_version: CgroupVersion::detect().podman_name(),
            conmon: Program::of(crate::paths::find_helper("cove-conmon").as_deref()),
            cpus: host::cpus(),
            distribution: HostDistribution {
                distribution: distribution.id,
                version: distribution.version,
                codename: distribution.codename,
            },
            event_logger: "file",
            hostname: host::hostname(),
            id_mappings: IdMappings {
                uid_map: maps(inputs.uid_map),
                gid_map: maps(inputs.gid_map),
            },
            kernel: host::kernel(),
            log_driver: "k8s-file",
            mem_free: memory.free,
            mem_total: memory.total,
            network_backend: "cove",
            oci_runtime: OciRuntime {
                name: Path::new(inputs.runtime_name)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                package: String::new(),
                path: runtime_path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                version: runtime_path
                    .as_deref()
                    .map(host::program_version)
                    .unwrap_or_default(),
            },
            os: "linux",
            remote_socket: RemoteSocket {
                path: format!("unix://{}", socket.display()),
                exists: socket.exists(),
            },
            service_is_remote: false,
            security: Security {
                app_armor_enabled: false,
                seccomp_enabled: true,
                seccomp_profile_path: String::new(),
                selinux_enabled: false,
                rootless: engine.rootless,
            },
            slirp4netns: Program::of(crate::paths::find_program("slirp4netns").as_deref()),
            swap_free: memory.swap_free,
            swap_total: memory.swap_total,
            uptime: host::uptime_text(host::uptime()),
        },
        store: Store {
            config_file: inputs.storage_conf.display().to_string(),
            container_store: ContainerStore {
                number: containers.len(),
                paused,
                running,
                stopped: containers.len() - running - paused,
            },
            graph_driver_name: engine.driver.name(),
            graph_root: engine.paths.data.display().to_string(),
            image_copy_tmp_dir: engine.paths.tmp().display().to_string(),
            image_store: ImageStore { number: images },
            run_root: engine.paths.runtime.display().to_string(),
            volume_path: crate::volume::volumes_dir(&engine.store)
                .display()
                .to_string(),
        },
        registries: Registries {
            search: inputs.search_registries,
        },
        version: Version {
            api_version: env!("CARGO_PKG_VERSION"),
            version: env!("CARGO_PKG_VERSION"),
            os_arch: format!("linux/{arch}"),
            os: "linux",
        },
    })
}
