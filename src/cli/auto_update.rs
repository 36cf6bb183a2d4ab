//! `auto-update`: the engine's tasks (`container::auto_update`) checked, pulled and
//! applied; a table (UNIT CONTAINER IMAGE POLICY UPDATED), JSON or a template.

use std::path::PathBuf;

use clap::Args;
use serde_json::Value;

use super::{CmdResult, Ctx};
use crate::container::auto_update::{Policy, Report};
use crate::image::pull::PullRequest;
use crate::registry::client::{ConnectOptions, TlsFlag};

#[derive(Args, Debug)]
pub struct AutoUpdateArgs {
    /// Path of the authentication file
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
    /// Only check: UPDATED says pending where an update is waiting
    #[arg(long)]
    pub dry_run: bool,
    /// json, or a Go template over Unit, Container, ContainerName, ContainerID, Image,
    /// Policy, Updated
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Put a container back on its old image when it does not start on the new one
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub rollback: bool,
    /// Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
}

pub fn auto_update(ctx: &Ctx, a: AutoUpdateArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let conf = ctx.registries()?;
    let connect = ConnectOptions {
        tls_verify: TlsFlag(a.tls_verify),
        creds: None,
        auth_files: ctx.auth_files(a.authfile.as_ref()),
        cert_dir: None,
    };
    let rt = ctx.runtime()?;
    let mut reports: Vec<Report> = Vec::new();
    let mut failures = Vec::new();
    for t in engine.auto_update_tasks()? {
        let new_image = match t.policy {
            Policy::Local => Ok(engine.local_update(&t)),
            Policy::Registry => rt
                .block_on(engine.registry_changed(&t, &conf, &connect))
                .and_then(|changed| match (changed, a.dry_run) {
                    (false, _) => Ok(None),
                    (true, true) => Ok(Some(String::new())),
                    (true, false) => {
                        let req = PullRequest {
                            image: t.container.config.image_name.clone(),
                            platform: crate::image::platform::Platform::host(),
                            connect: connect.clone(),
                            rootless: ctx.rootless(),
                        };
                        ctx.pull(&req, true).map(Some)
                    }
                }),
        };
        let updated = match (new_image, a.dry_run) {
            (Err(e), _) => {
                failures.push(e);
                continue;
            }
            (Ok(None), _) => "false",
            (Ok(Some(_)), true) => "pending",
            (Ok(Some(id)), false) => {
                if t.unit.is_none() {
                    eprintln!(
                        "container {} has no systemd unit (PODMAN_SYSTEMD_UNIT): made anew on the new image",
                        t.container.name
                    );
                }
                match engine.apply_update(&t, &id, a.rollback) {
                    Ok(u) => u,
                    Err(e) => {
                        failures.push(e.into());
                        "failed"
                    }
                }
            }
        };
        reports.push(t.report(updated));
    }
    let items: Vec<Value> = reports
        .iter()
        .map(|r| serde_json::to_value(r).unwrap_or(Value::Null))
        .collect();
    super::output::print_list(
        a.format.as_deref(),
        &["UNIT", "CONTAINER", "IMAGE", "POLICY", "UPDATED"],
        &[],
        &items,
        |v| {
            ["Unit", "Container", "Image", "Policy", "Updated"]
                .iter()
                .map(|k| v[k].as_str().unwrap_or_default().to_string())
                .collect()
        },
    )?;
    let code = if failures.is_empty() {
        0
    } else {
        super::EXIT_FAILURE
    };
    for f in failures {
        eprintln!("Error: {}", super::one_line(&f));
    }
    Ok(code)
}
