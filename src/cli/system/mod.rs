//! info, version, unshare, completion; `system df|prune|reset` in the submodules.

mod check;
mod df;
mod prune;
mod reset;
mod service;

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

pub fn info(ctx: &Ctx, a: InfoArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let (uid_map, gid_map) = match &ctx.mode {
        Mode::Rootless {
            uid_map, gid_map, ..
        } => (uid_map.clone(), gid_map.clone()),
        Mode::Rootful => rootless::current_mappings().unwrap_or_default(),
    };
    let runtime_name = ctx
        .containers_conf()?
        .runtime
        .unwrap_or_else(|| crate::container::runtime::BUILTIN.to_string());
    let report = crate::system::info::info(
        &engine,
        crate::system::info::InfoInputs {
            runtime_name: &runtime_name,
            uid_map: &uid_map,
            gid_map: &gid_map,
            search_registries: ctx.registries()?.unqualified_search_registries,
            storage_conf: &ctx.storage_conf_path(),
        },
    )?;
    let v = serde_json::to_value(&report)?;
    match a.format.as_deref() {
        Some("json") => println!("{}", crate::format::pretty(&json_tags(&v, true))),
        Some(f) => print_inspect(Some(f), std::slice::from_ref(&v))?,
        None => print!("{}", yaml_like(&json_tags(&v, true), 0)),
    }
    Ok(0)
}

/// Podman's JSON tags: mostly the Go field name with its first letter lower-cased
/// (`memTotal`, `ociRuntime`); the version block keeps the Go names (`APIVersion`).
fn json_tags(v: &Value, rename: bool) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let inner = rename && k != "Version";
                    let key = if rename { json_key(k) } else { k.clone() };
                    (key, json_tags(v, inner))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|i| json_tags(i, rename)).collect()),
        other => other.clone(),
    }
}

fn json_key(k: &str) -> String {
    match k {
        "CPUs" => "cpus".into(),
        "CgroupsVersion" => "cgroupVersion".into(),
        "OS" => "os".into(),
        "IDMappings" => "idMappings".into(),
        "UIDMap" => "uidmap".into(),
        "GIDMap" => "gidmap".into(),
        "OCIRuntime" => "ociRuntime".into(),
        "SECCOMPEnabled" => "seccompEnabled".into(),
        "SECCOMPProfilePath" => "seccompProfilePath".into(),
        "SELinuxEnabled" => "selinuxEnabled".into(),
        "Slirp4NetNS" => "slirp4netns".into(),
        _ => lower_first(k),
    }
}

/// Podman prints `info` as YAML, keyed by its JSON tags; a small printer keeps us from a
/// YAML dependency.
fn yaml_like(v: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    match v {
        Value::Object(m) => {
            for (key, val) in m {
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
    /// Join the per-user network namespace of cove's networks (made if none runs yet)
    #[arg(long)]
    pub rootless_netns: bool,
    /// Command to run (default: $SHELL)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// Rootless, the per-user namespace; as root, root's mount namespace, where the paths
/// `container mount` prints are mounted.
pub fn unshare(ctx: &Ctx, a: UnshareArgs) -> CmdResult {
    if a.rootless_netns {
        crate::network::bridge::Shared::new(&ctx.paths.runtime.join("netns")).join()?;
    }
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
