//! secret create, ls, inspect, rm.

use std::io::Read;

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use super::output::{print_inspect, print_list, time_ago};
use super::{CmdResult, Ctx};
use crate::container::flags::key_values;
use crate::filter::Filters;
use crate::secret::{self, CreateSecret, Secret};

#[derive(Subcommand, Debug)]
pub enum SecretCommand {
    /// Create a new secret
    Create(CreateArgs),
    /// List secrets
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Inspect a secret
    Inspect(InspectArgs),
    /// Remove one or more secrets
    Rm(RmArgs),
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// Secret driver (only "file": stored unencrypted in cove's store)
    #[arg(short, long, default_value = secret::DRIVER)]
    pub driver: String,
    /// Driver options (KEY=VALUE), recorded for inspect
    #[arg(long = "driver-opts", value_name = "KEY=VALUE", value_delimiter = ',')]
    pub driver_opts: Vec<String>,
    /// Read the secret from the environment variable named by the second argument
    #[arg(long)]
    pub env: bool,
    /// Set metadata (KEY=VALUE)
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Name of the secret
    pub name: String,
    /// File to read the secret from, `-` for stdin (with --env: a variable's name)
    pub source: String,
}

fn read_data(a: &CreateArgs) -> anyhow::Result<Vec<u8>> {
    if a.env {
        return std::env::var_os(&a.source)
            .map(std::os::unix::ffi::OsStringExt::into_vec)
            .ok_or_else(|| {
                anyhow!(
                    "cannot create store secret data: environment variable {} is not set",
                    a.source
                )
            });
    }
    // One byte past the limit is enough to refuse it: a huge stdin is not read whole.
    let limit = secret::MAX_SIZE as u64;
    let mut data = Vec::new();
    if a.source == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut data)
            .context("reading the secret from stdin")?;
        if data.is_empty() {
            return Err(anyhow!("if `-` is used, data must be passed into stdin"));
        }
    } else {
        std::fs::File::open(&a.source)
            .and_then(|f| f.take(limit).read_to_end(&mut data))
            .with_context(|| format!("open {}", a.source))?;
    }
    Ok(data)
}

pub fn create(ctx: &Ctx, a: CreateArgs) -> CmdResult {
    // The name is checked before any data is read from a terminal or a pipe.
    secret::validate_name(&a.name)?;
    let data = read_data(&a)?;
    let s = secret::create(
        &*ctx.store()?,
        CreateSecret {
            name: a.name.clone(),
            data,
            driver: Some(a.driver.clone()),
            driver_options: key_values(&a.driver_opts),
            labels: key_values(&a.labels),
        },
    )?;
    println!("{}", s.id);
    Ok(0)
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Filter (name=, id=, label=, until=)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Format: json or a Go template like '{{.Name}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Do not print headers
    #[arg(long)]
    pub noheading: bool,
    /// Print secret IDs only
    #[arg(short, long)]
    pub quiet: bool,
}

/// A row of `secret ls`, with Podman's fields (times as it shows them).
fn row(s: &Secret) -> Value {
    json!({
        "ID": s.id,
        "Name": s.name,
        "Driver": s.driver,
        "CreatedAt": time_ago(s.created()),
        "UpdatedAt": time_ago(s.updated()),
        "Labels": s.labels,
    })
}

pub fn ls(ctx: &Ctx, a: LsArgs) -> CmdResult {
    let filters = Filters::for_kind::<Secret>(&a.filter)?;
    let mut items = Vec::new();
    for s in secret::list(&*ctx.store()?)? {
        if filters.matches(&s)? {
            items.push(row(&s));
        }
    }
    if a.quiet {
        for i in &items {
            println!("{}", i["ID"].as_str().unwrap_or_default());
        }
        return Ok(0);
    }
    let headers: &[&str] = if a.noheading {
        &[]
    } else {
        &["ID", "NAME", "DRIVER", "CREATED", "UPDATED"]
    };
    let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    print_list(
        a.format.as_deref(),
        headers,
        &[("CreatedAt", "CREATED"), ("UpdatedAt", "UPDATED")],
        &items,
        |v| {
            ["ID", "Name", "Driver", "CreatedAt", "UpdatedAt"]
                .iter()
                .map(|k| text(v, k))
                .collect()
        },
    )?;
    Ok(0)
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Format: json or a Go template like '{{.Spec.Name}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Print in a human-readable form
    #[arg(long, conflicts_with = "format")]
    pub pretty: bool,
    /// Secrets to inspect (names or IDs)
    #[arg(required = true)]
    pub names: Vec<String>,
}

pub fn inspect(ctx: &Ctx, a: InspectArgs) -> CmdResult {
    let store = ctx.store()?;
    let mut found = Vec::new();
    let mut code = 0;
    for n in &a.names {
        match secret::find(&store, n) {
            Ok(s) => found.push(s),
            Err(e) => {
                eprintln!("Error: inspecting secret: {e}");
                code = super::EXIT_FAILURE;
            }
        }
    }
    if a.pretty {
        let time = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S%.f %z UTC");
        for s in &found {
            println!(
                "ID:              {}\nName:            {}\nDriver:          {}\n\
                 Created at:      {}\nUpdated at:      {}",
                s.id,
                s.name,
                s.driver,
                time(s.created()),
                time(s.updated())
            );
            if !s.labels.is_empty() {
                println!("Labels:");
                for (k, v) in &s.labels {
                    println!("    {k}={v}");
                }
            }
        }
        return Ok(code);
    }
    let items = found
        .iter()
        .map(|s| serde_json::to_value(secret::report(s)))
        .collect::<Result<Vec<_>, _>>()?;
    print_inspect(a.format.as_deref(), &items)?;
    Ok(code)
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Remove all secrets
    #[arg(short, long)]
    pub all: bool,
    /// Secrets to remove (names or IDs)
    pub names: Vec<String>,
}

pub fn rm(ctx: &Ctx, a: RmArgs) -> CmdResult {
    let store = ctx.store()?;
    let names: Vec<String> = match (a.all, a.names.is_empty()) {
        (true, true) => secret::list(&store)?.into_iter().map(|s| s.id).collect(),
        (false, false) => a.names.clone(),
        _ => return Err(anyhow!("`secret rm` requires one argument, or the --all flag").into()),
    };
    Ok(super::each_name(&names, |n| {
        println!("{}", secret::remove(&store, n)?);
        Ok(())
    }))
}

pub fn run(ctx: &Ctx, cmd: SecretCommand) -> CmdResult {
    match cmd {
        SecretCommand::Create(a) => create(ctx, a),
        SecretCommand::Ls(a) => ls(ctx, a),
        SecretCommand::Inspect(a) => inspect(ctx, a),
        SecretCommand::Rm(a) => rm(ctx, a),
    }
}
