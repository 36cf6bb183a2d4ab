//! `kube generate`, `kube play`, `kube down` (and Podman 3's `generate kube`, `play
//! kube`): files read and written here, the work in `crate::kube`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use anyhow::{anyhow, Context};
use clap::Subcommand;

use super::shared::{KubeDownArgs, KubeGenerateArgs, KubePlayArgs};
use super::{CmdResult, Ctx};
use crate::container::create::{CreateError, Defaults};
use crate::container::flags::{parse_annotation, parse_log_opts};
use crate::image::platform::Platform;
use crate::image::pull::{PullPolicy, PullRequest};
use crate::kube::{self, apply, down::DownReport};
use crate::network::NetworkMode;

#[derive(Subcommand, Debug)]
pub enum KubeCommand {
    /// Generate Kubernetes Pod YAML from containers or pods
    Generate(KubeGenerateArgs),
    /// Create pods, containers and volumes from a Kubernetes YAML file
    Play(Box<KubePlayArgs>),
    /// Stop and remove the pods a Kubernetes YAML file describes
    Down(KubeDownArgs),
}

pub fn run(ctx: &Ctx, cmd: KubeCommand) -> CmdResult {
    match cmd {
        KubeCommand::Generate(a) => generate(ctx, a),
        KubeCommand::Play(a) if a.down => down(ctx, &a.file),
        KubeCommand::Play(a) => play(ctx, *a),
        KubeCommand::Down(a) => down(ctx, &a.file),
    }
}

fn generate(ctx: &Ctx, a: KubeGenerateArgs) -> CmdResult {
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

/// The flags that cannot work here, refused before anything is read or pulled.
fn refuse_unsupported(a: &KubePlayArgs) -> anyhow::Result<()> {
    if a.build == Some(true) || a.context_dir.is_some() {
        return Err(anyhow!(
            "--build, --context-dir: kube play does not build images; build them with \
             `cove build -t NAME DIR` and name them in the YAML"
        ));
    }
    if a.cert_dir.is_some() {
        return Err(anyhow!(
            "--cert-dir: not supported: cove verifies registries against the system's CA \
             store (use --tls-verify=false or registries.conf's insecure for a local registry)"
        ));
    }
    Ok(())
}

/// The flags as the engine's options.
fn options(a: &KubePlayArgs) -> anyhow::Result<apply::PlayOptions> {
    let annotations = a
        .annotation
        .iter()
        .map(|kv| parse_annotation(kv))
        .collect::<Result<BTreeMap<_, _>, _>>()?;
    let ips =
        a.ip.iter()
            .map(|ip| ip.parse().map_err(|_| CreateError::Ip(ip.clone())))
            .collect::<Result<Vec<_>, _>>()?;
    let mut publish = Vec::new();
    for p in &a.publish {
        publish.extend(crate::network::ports::parse_publish(p)?);
    }
    Ok(apply::PlayOptions {
        publish,
        replace: a.replace,
        start: a.start,
        network: a
            .network
            .as_deref()
            .map(|n| NetworkMode::parse(n, crate::container::network::DEFAULT_MODE))
            .transpose()?,
        no_hosts: a.no_hosts,
        ips,
        mac_addresses: a.mac_address.clone(),
        annotations,
        log_driver: a.log_driver.as_deref().unwrap_or_default().parse()?,
        log_size_max: parse_log_opts(&a.log_opt)?,
        userns: a.userns.as_deref().unwrap_or_default().parse()?,
    })
}

fn play(ctx: &Ctx, a: KubePlayArgs) -> CmdResult {
    refuse_unsupported(&a)?;
    let opts = options(&a)?;
    let plan = plan(&a.file, &a.configmap)?;
    let engine = ctx.engine()?;
    let defaults = Defaults::from_conf(&ctx.containers_conf()?, Vec::new())?;
    let connect = a.registry.connect(ctx)?;
    // Every image first: a missing one stops the play before anything exists.
    let store = ctx.store()?;
    let mut images = BTreeMap::new();
    for image in plan.images() {
        let id = crate::image::pull::ensure(&store, &image, PullPolicy::Missing, || {
            let req = PullRequest {
                image: image.clone(),
                platform: Platform::host(),
                connect: connect.clone(),
                rootless: ctx.rootless(),
            };
            ctx.pull(&req, a.quiet)
        })?;
        images.insert(image, id);
    }
    apply::check(&engine, &plan, &images, &defaults, &opts)?;
    let played = apply::apply(&engine, &plan, &images, &defaults, &opts)?;
    for pod in &played {
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
    if a.service_container {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        if let Some(socket) = crate::systemd::notify::socket() {
            let ready = vec![
                "READY=1".to_string(),
                format!("MAINPID={}", std::process::id()),
            ];
            crate::systemd::notify::send(socket, &ready)?;
        }
        apply::wait(&engine, &played)?;
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
