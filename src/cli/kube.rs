//! `kube generate`, `kube play`, `kube down`: files read and written here, the work in
//! `crate::kube`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};

use super::{CmdResult, Ctx};
use crate::container::create::Defaults;
use crate::image::platform::Platform;
use crate::image::pull::{PullPolicy, PullRequest};
use crate::kube::{self, apply, down::DownReport};

#[derive(Subcommand, Debug)]
pub enum KubeCommand {
    /// Generate Kubernetes Pod YAML from containers or played pods
    Generate(GenerateArgs),
    /// Create pods, containers and volumes from a Kubernetes YAML file
    Play(PlayArgs),
    /// Stop and remove the pods a Kubernetes YAML file describes
    Down(DownArgs),
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Also generate a Service for the published ports
    #[arg(short, long)]
    pub service: bool,
    /// Write the YAML to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub filename: Option<PathBuf>,
    /// Containers or pods
    #[arg(required = true, value_name = "CONTAINER|POD")]
    pub names: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PlayArgs {
    /// Take down pods of the same names first
    #[arg(long)]
    pub replace: bool,
    /// Start the containers (--start=false: only create them)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_value_t = true,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub start: bool,
    /// Stop and remove the pods the file describes, instead of creating them
    #[arg(long)]
    pub down: bool,
    /// ConfigMap YAML files the pods' environment may read (repeatable, or comma-separated)
    #[arg(long, value_name = "FILE", value_delimiter = ',')]
    pub configmap: Vec<PathBuf>,
    /// Do not print the progress of image pulls
    #[arg(short, long)]
    pub quiet: bool,
    /// The YAML file (- for standard input)
    #[arg(value_name = "FILE")]
    pub file: String,
}

#[derive(Args, Debug)]
pub struct DownArgs {
    /// The YAML file (- for standard input)
    #[arg(value_name = "FILE")]
    pub file: String,
}

pub fn run(ctx: &Ctx, cmd: KubeCommand) -> CmdResult {
    match cmd {
        KubeCommand::Generate(a) => generate(ctx, a),
        KubeCommand::Play(a) if a.down => down(ctx, &a.file),
        KubeCommand::Play(a) => play(ctx, a),
        KubeCommand::Down(a) => down(ctx, &a.file),
    }
}

fn generate(ctx: &Ctx, a: GenerateArgs) -> CmdResult {
    let text = kube::generate::generate(&ctx.engine()?, &a.names, a.service)?;
    match &a.filename {
        Some(path) => {
            if path.exists() {
                return Err(anyhow!("cannot write to {:?}: file exists", path.display()).into());
            }
            std::fs::write(path, &text).with_context(|| format!("writing {}", path.display()))?
        }
        None => print!("{text}"),
    }
    Ok(0)
}

fn read_file(file: &str) -> anyhow::Result<String> {
    if file == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading standard input")?;
        return Ok(text);
    }
    std::fs::read_to_string(file).with_context(|| format!("reading {file}"))
}

fn plan(file: &str, configmaps: &[PathBuf]) -> anyhow::Result<kube::play::Plan> {
    let mut maps = Vec::new();
    for path in configmaps {
        let source = path.display().to_string();
        maps.push((source.clone(), read_file(&source)?));
    }
    let maps = kube::play::configmaps(&maps)?;
    Ok(kube::play::plan(&read_file(file)?, file, maps)?)
}

fn play(ctx: &Ctx, a: PlayArgs) -> CmdResult {
    let plan = plan(&a.file, &a.configmap)?;
    let engine = ctx.engine()?;
    let defaults = Defaults::from_conf(&ctx.containers_conf()?, Vec::new())?;
    // Every image first: a missing one stops the play before anything exists.
    let store = ctx.store()?;
    let mut images = BTreeMap::new();
    for image in plan.images() {
        let id = crate::image::pull::ensure(&store, &image, PullPolicy::Missing, || {
            let req = PullRequest {
                image: image.clone(),
                platform: Platform::host(),
                connect: ctx.default_connect(),
                rootless: ctx.rootless(),
            };
            ctx.pull(&req, a.quiet)
        })?;
        images.insert(image, id);
    }
    apply::check(&engine, &plan, &images, &defaults, a.replace)?;
    let opts = apply::PlayOptions {
        replace: a.replace,
        start: a.start,
    };
    for pod in apply::apply(&engine, &plan, &images, &defaults, opts)? {
        let heading = if pod.containers.len() == 1 {
            "Container"
        } else {
            "Containers"
        };
        println!(
            "Pod:\n{}\n{heading}:\n{}\n",
            pod.id,
            pod.containers.join("\n")
        );
    }
    Ok(0)
}

fn down(ctx: &Ctx, file: &str) -> CmdResult {
    let names = kube::play::pod_names(&read_file(file)?, file)?;
    let DownReport { stopped, removed } = kube::down::down(&ctx.engine()?, &names)?;
    for (heading, ids) in [("Pods stopped:", stopped), ("Pods removed:", removed)] {
        println!("{heading}");
        for id in ids {
            println!("{id}");
        }
    }
    Ok(0)
}
