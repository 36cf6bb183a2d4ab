//! `auto-update`: the engine's tasks (`container::auto_update`) checked, pulled and
//! applied; a table (UNIT CONTAINER IMAGE POLICY UPDATED), JSON or a template.

use std::path::PathBuf;

use clap::Args;
use serde_json::Value;

use super::{CmdResult, Ctx};
use crate::container::auto_update::AutoUpdateRequest;
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
    let reporter = super::progress::PullReport { quiet: true };
    let req = AutoUpdateRequest {
        registries: &conf,
        connect: ConnectOptions {
            tls_verify: TlsFlag(a.tls_verify),
            creds: None,
            auth_files: ctx.auth_files(a.authfile.as_ref()),
            cert_dir: None,
        },
        dry_run: a.dry_run,
        rollback: a.rollback,
        reporter: &reporter,
    };
    let report = ctx.runtime()?.block_on(engine.auto_update(&req))?;
    let items: Vec<Value> = report
        .reports
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
    for f in &report.failures {
        eprintln!("Error: {}", super::one_line(f));
    }
    Ok(if report.failures.is_empty() {
        0
    } else {
        super::EXIT_FAILURE
    })
}
