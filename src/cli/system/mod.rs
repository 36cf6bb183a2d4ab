//! info, version, unshare, completion; `system df|prune|reset` in the submodules.

mod check;
mod df;
mod prune;
mod reset;
mod service;

use std::path::Path;

use clap::{Args, Subcommand};
use serde_json::{json, Value};

use super::output::{confirm, print_inspect};
use super::{CmdResult, Ctx, Failure};
use crate::rootless::{self, Mode};

#[derive(Args, Debug)]
pub struct InfoArgs {
    /// Format: json or a Go template like '{{.Store.GraphDriverName}}'
    #[arg(short, long)]
    pub format: Option<String>,
}

fn version_of(program: &Path) -> String {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().next().map(str::to_string))
        .unwrap_or_default()
}

fn maps_json(maps: &[rootless::IdMapping]) -> Value {
    json!(maps
        .iter()
        .map(|m| json!({"container_id": m.container_id, "host_id": m.host_id, "size": m.size}))
        .collect::<Vec<_>>())
}

pub fn info(ctx: &Ctx, a: InfoArgs) -> CmdResult {
    let store = ctx.store()?;
    let driver = ctx.driver()?;
    let (uid_map, gid_map) = match &ctx.mode {
        Mode::Rootless {
            uid_map, gid_map, ..
        } => (uid_map.clone(), gid_map.clone()),
        Mode::Rootful => rootless::current_mappings().unwrap_or_default(),
    };
    let uname = nix::sys::utsname::uname().ok();
    let kernel = uname
        .as_ref()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default();
    let hostname = uname
        .as_ref()
        .map(|u| u.nodename().to_string_lossy().into_owned())
        .unwrap_or_default();
    let conmon = crate::paths::find_helper("cove-conmon");
    let images = store.db().images()?.len();
    let socket = ctx.paths.api_socket();
    let runtime_name = ctx
        .containers_conf()?
        .runtime
        .unwrap_or_else(|| crate::container::runtime::BUILTIN.to_string());
    let runtime =
        crate::container::runtime::OciRuntime::resolve(Some(&runtime_name), &ctx.paths.runtime)
            .ok();
    let runtime_path = runtime.as_ref().map(|r| r.path.clone());
    let v = json!({
        "Host": {
            "Arch": crate::image::platform::Platform::host().arch,
            "OS": "linux",
            // Podman's `{{.Host.OCIRuntime.Name}}`: the runtime new containers get.
            "OCIRuntime": {
                "Name": Path::new(&runtime_name).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                "Path": runtime_path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
                "Version": runtime_path.as_deref().map(version_of).unwrap_or_default(),
            },
            "NetworkBackend": "cove",
            "Kernel": kernel,
            "Hostname": hostname,
            // Podman's place for it: `{{.Host.Security.Rootless}}`.
            "Security": {
                "Rootless": ctx.rootless(),
                "SeccompEnabled": true,
                "SELinuxEnabled": false,
                "AppArmorEnabled": false,
            },
            "CgroupsVersion": if Path::new("/sys/fs/cgroup/cgroup.controllers").exists() { "v2" } else { "v1" },
            "IdMappings": {"UidMap": maps_json(&uid_map), "GidMap": maps_json(&gid_map)},
            // Podman's `{{.Host.RemoteSocket.Path}}`: where `system service` listens.
            "RemoteSocket": {
                "Path": format!("unix://{}", socket.display()),
                "Exists": socket.exists(),
            },
            "Conmon": {
                "Path": conmon.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
                "Version": conmon.as_deref().map(version_of).unwrap_or_default(),
            },
        },
        "Store": {
            "GraphDriverName": driver.name(),
            "GraphRoot": ctx.paths.data.display().to_string(),
            "RunRoot": ctx.paths.runtime.display().to_string(),
            "ConfigDir": ctx.paths.config.display().to_string(),
            "ImageStore": {"Number": images},
        },
        "Version": {
            "Version": env!("CARGO_PKG_VERSION"),
            "OsArch": format!("linux/{}", crate::image::platform::Platform::host().arch),
        },
    });
    match a.format.as_deref() {
        Some(f) => print_inspect(Some(f), std::slice::from_ref(&v))?,
        None => print!("{}", yaml_like(&v, 0)),
    }
    Ok(0)
}

/// Podman prints `info` as YAML; a small printer keeps us from a YAML dependency.
fn yaml_like(v: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    match v {
        Value::Object(m) => {
            for (k, val) in m {
                let key = lower_first(k);
                match val {
                    Value::Object(_) => {
                        out.push_str(&format!("{pad}{key}:\n{}", yaml_like(val, indent + 2)))
                    }
                    Value::Array(items) if !items.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        for item in items {
                            let inner = yaml_like(item, indent + 4);
                            let inner = inner.trim_start();
                            out.push_str(&format!("{pad}  - {inner}"));
                            if !inner.ends_with('\n') {
                                out.push('\n');
                            }
                        }
                    }
                    Value::Array(_) => out.push_str(&format!("{pad}{key}: []\n")),
                    _ => out.push_str(&format!("{pad}{key}: {}\n", scalar(val))),
                }
            }
        }
        _ => out.push_str(&format!("{pad}{}\n", scalar(v))),
    }
    out
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) if s.is_empty() => "\"\"".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[derive(Args, Debug)]
pub struct VersionArgs {
    /// Format: json or a Go template
    #[arg(short, long)]
    pub format: Option<String>,
}

pub fn version(_ctx: &Ctx, a: VersionArgs) -> CmdResult {
    let v = json!({
        "Client": {
            "Version": env!("CARGO_PKG_VERSION"),
            "OsArch": format!("linux/{}", crate::image::platform::Platform::host().arch),
        }
    });
    match a.format.as_deref() {
        Some(f) => print_inspect(Some(f), std::slice::from_ref(&v))?,
        None => {
            println!("Version:      {}", env!("CARGO_PKG_VERSION"));
            println!(
                "OS/Arch:      linux/{}",
                crate::image::platform::Platform::host().arch
            );
        }
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct UnshareArgs {
    /// Command to run (default: $SHELL)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// Rootless, the per-user namespace; as root, root's mount namespace, where the paths
/// `container mount` prints are mounted.
pub fn unshare(a: UnshareArgs) -> CmdResult {
    rootless::unshare_command(&a.command).map_err(|e| Failure {
        code: e.exit_code(),
        error: e.into(),
    })
}

#[derive(Args, Debug)]
pub struct CompletionArgs {
    /// Shell to generate completions for
    pub shell: clap_complete::Shell,
}

pub fn completion(a: CompletionArgs) -> CmdResult {
    clap_complete::generate(
        a.shell,
        &mut super::examples::command(),
        "cove",
        &mut std::io::stdout(),
    );
    Ok(0)
}

#[derive(Subcommand, Debug)]
pub enum SystemCommand {
    /// Check that this host lets you run containers: each missing piece and its fix
    Check(check::CheckArgs),
    /// Show disk usage of images, containers and volumes
    Df(df::DfArgs),
    /// Remove unused containers, networks, images (and volumes)
    Prune(prune::PruneArgs),
    /// Remove all containers, images, volumes, networks and cove's state
    Reset(reset::ResetArgs),
    /// Display system-wide information
    Info(InfoArgs),
    /// Serve the Docker-compatible API on a socket, until idle
    Service(service::ServiceArgs),
    /// Migrate the store to this version of cove (done on first use anyway), and
    /// optionally every container to another OCI runtime
    Migrate(MigrateArgs),
    /// Renumber the store's locks (cove's locks are per container: nothing to do)
    Renumber,
}

#[derive(Args, Debug)]
pub struct MigrateArgs {
    /// Move every container to this OCI runtime (running ones are stopped first)
    #[arg(long, value_name = "RUNTIME")]
    pub new_runtime: Option<String>,
}

/// Opening the store migrates it: what is left is the runtime switch.
fn migrate(ctx: &Ctx, a: MigrateArgs) -> CmdResult {
    let engine = ctx.engine()?;
    if let Some(r) = &a.new_runtime {
        engine.migrate_runtime(r)?;
    }
    Ok(0)
}

pub fn system(ctx: &Ctx, cmd: SystemCommand) -> CmdResult {
    match cmd {
        SystemCommand::Check(a) => check::check(ctx, a),
        SystemCommand::Df(a) => df::df(ctx, a),
        SystemCommand::Prune(a) => prune::prune(ctx, a),
        SystemCommand::Reset(a) => reset::reset(ctx, a),
        SystemCommand::Info(a) => info(ctx, a),
        SystemCommand::Service(a) => service::service(ctx, a),
        SystemCommand::Migrate(a) => migrate(ctx, a),
        SystemCommand::Renumber => {
            ctx.store()?;
            Ok(0)
        }
    }
}
