//! `cove generate systemd` (`generate kube`, Podman 3's `kube generate`, is dispatched
//! to the kube commands).

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};
use serde_json::json;

use std::path::PathBuf;

use super::{argv, CmdResult, Ctx};
use crate::container::restart::PolicyName;
use crate::container::{Container, Engine};
use crate::pod::Pod;
use crate::systemd::generate::{self, Generated, Options, Target};
use crate::systemd::generate_pod::{generate_pod, Member, PodCreate, PodTarget};

#[derive(Subcommand, Debug)]
pub enum GenerateCommand {
    /// Generate systemd units that run a container, or a pod and its containers, as user
    /// services
    Systemd(Box<SystemdArgs>),
    /// Generate Kubernetes Pod YAML from containers or pods (as `kube generate`)
    Kube(super::shared::KubeGenerateArgs),
}

#[derive(Args, Debug)]
pub struct SystemdArgs {
    /// Run a new container at each start (from the arguments this one was created with)
    /// and remove it at each stop, instead of starting and stopping this container
    #[arg(long)]
    pub new: bool,
    /// Name the units after the container's or pod's name instead of its ID
    #[arg(short, long)]
    pub name: bool,
    /// Write the units into the current directory and print their paths
    #[arg(short, long)]
    pub files: bool,
    /// systemd restart policy (Restart=): no, on-success, on-failure, on-abnormal,
    /// on-watchdog, on-abort or always
    #[arg(long, value_name = "POLICY", default_value = "on-failure")]
    pub restart_policy: String,
    /// Seconds systemd waits before restarting (RestartSec=)
    #[arg(long, value_name = "SECONDS")]
    pub restart_sec: Option<u32>,
    /// Seconds systemd allows for the start (TimeoutStartSec=)
    #[arg(long, value_name = "SECONDS")]
    pub start_timeout: Option<u32>,
    /// Seconds to wait for the container to stop before killing it (default: its own
    /// stop timeout)
    #[arg(short = 't', long, visible_alias = "time", value_name = "SECONDS")]
    pub stop_timeout: Option<u32>,
    /// Start after these units (After=)
    #[arg(long, value_name = "UNIT")]
    pub after: Vec<String>,
    /// Units that must run too (Requires=)
    #[arg(long, value_name = "UNIT")]
    pub requires: Vec<String>,
    /// Units that should run too (Wants=)
    #[arg(long, value_name = "UNIT")]
    pub wants: Vec<String>,
    /// Prefix of the unit's name
    #[arg(long, value_name = "PREFIX", default_value = "container")]
    pub container_prefix: String,
    /// Between the prefix and the container's name or ID
    #[arg(long, value_name = "SEPARATOR", default_value = "-")]
    pub separator: String,
    /// Leave out the comment header
    #[arg(long)]
    pub no_header: bool,
    /// Print a JSON object of unit name to unit text
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Environment= line for the unit: KEY=VALUE, KEY (its value here; left out when
    /// unset) or PREFIX* (every variable here starting with PREFIX)
    #[arg(short, long, value_name = "ENV")]
    pub env: Vec<String>,
    /// A template unit (NAME@.service): each instance runs its own container, named
    /// NAME-INSTANCE (implies --new)
    #[arg(long)]
    pub template: bool,
    /// Prefix of a pod's unit name
    #[arg(long, value_name = "PREFIX", default_value = "pod")]
    pub pod_prefix: String,
    /// The container or pod (a pod gets a unit of its own and one per container)
    pub container: String,
}

pub fn systemd(ctx: &Ctx, a: SystemdArgs) -> CmdResult {
    if let Some(f) = a.format.as_deref().filter(|f| *f != "json") {
        return Err(anyhow!("unsupported --format {f:?}: use json").into());
    }
    let engine = ctx.engine()?;
    let opts = Options {
        new: a.new,
        use_name: a.name,
        restart_policy: a.restart_policy,
        restart_sec: a.restart_sec,
        start_timeout: a.start_timeout,
        stop_timeout: a.stop_timeout,
        after: a.after,
        requires: a.requires,
        wants: a.wants,
        container_prefix: a.container_prefix,
        separator: a.separator,
        no_header: a.no_header,
        env: generate::environment(
            &a.env,
            |k| std::env::var(k).ok(),
            &std::env::vars().collect::<Vec<_>>(),
        )?,
        template: a.template,
        pod_prefix: a.pod_prefix,
    };
    let cove = ctx.cove_command()?;
    // Podman looks for a container first, then a pod.
    let units = match engine.lookup(&a.container) {
        Ok(c) => {
            warn_restart_policy(&c, &opts);
            let run_args = new_run_arguments(&c, &opts);
            let pid_file = engine.state_dir(&c.id).join("conmon.pid");
            vec![generate::generate(
                &Target {
                    container: &c,
                    cove: &cove,
                    runtime_dir: &ctx.paths.runtime,
                    pid_file: &pid_file,
                    run_args: &run_args,
                    pod: None,
                },
                &opts,
            )?]
        }
        Err(e) => match crate::pod::find(&engine.store, &a.container) {
            Ok(pod) => pod_units(ctx, &engine, &pod, &cove, &opts)?,
            Err(_) => return Err(e.into()),
        },
    };
    if a.files {
        let dir = std::env::current_dir().context("the current directory")?;
        let mut written = serde_json::Map::new();
        for g in &units {
            let path = dir.join(&g.file);
            std::fs::write(&path, &g.text)
                .with_context(|| format!("writing {}", path.display()))?;
            if a.format.is_none() {
                println!("{}", path.display());
            }
            written.insert(g.key.clone(), json!(path));
        }
        if a.format.is_some() {
            println!("{}", serde_json::to_string_pretty(&written)?);
        }
    } else if a.format.is_some() {
        let texts: serde_json::Map<String, serde_json::Value> = units
            .iter()
            .map(|g| (g.key.clone(), json!(g.text)))
            .collect();
        println!("{}", serde_json::to_string_pretty(&texts)?);
    } else {
        for g in &units {
            print!("{}", g.text);
        }
    }
    Ok(0)
}

fn warn_restart_policy(c: &Container, opts: &Options) {
    if !opts.new && !opts.template && c.config.restart.name != PolicyName::No {
        // The unit supervises this very container, and so does its restart policy
        // (cove's cleanup starts it again with a new shim, the one systemd watches
        // having exited): two supervisors racing. Podman warns in the same words; the
        // unit is still written, as Podman does.
        crate::log::warn(format_args!(
            "Container {} has restart policy {:?} which can lead to issues on shutdown: \
             consider recreating the container without a restart policy and use systemd's \
             restart mechanism instead, or generate the unit with --new (which leaves the \
             policy out)",
            c.id,
            c.config.restart.to_string()
        ));
    }
}

/// `--new`: the container's recorded create arguments without what the unit sets.
fn new_run_arguments(c: &Container, opts: &Options) -> Vec<String> {
    if opts.new || opts.template {
        run_arguments(&c.config.create_command)
    } else {
        Vec::new()
    }
}

/// The units of a pod: its own and its members' (the infra container has none).
fn pod_units(
    ctx: &Ctx,
    engine: &Engine,
    pod: &Pod,
    cove: &[String],
    opts: &Options,
) -> anyhow::Result<Vec<Generated>> {
    let all = crate::pod::ops::members(engine, pod)?;
    let (infra, members): (Vec<Container>, Vec<Container>) =
        all.into_iter().partition(|c| c.config.pod_infra);
    let infra = infra.first();
    let run_args: Vec<Vec<String>> = members
        .iter()
        .map(|c| {
            let mut args = new_run_arguments(c, opts);
            // The unit joins the pod its pod's unit made, by its ID file.
            if opts.new {
                args = argv::without(&args, &["pod", "pod_id_file"]);
            }
            args
        })
        .collect();
    let pid_files: Vec<PathBuf> = members
        .iter()
        .map(|c| engine.state_dir(&c.id).join("conmon.pid"))
        .collect();
    let member_targets: Vec<Member> = members
        .iter()
        .zip(&pid_files)
        .zip(&run_args)
        .map(|((c, pid_file), run_args)| Member {
            container: c,
            pid_file,
            run_args,
        })
        .collect();
    for c in &members {
        warn_restart_policy(c, opts);
    }
    let recorded = argv::pod_create_without(&pod.config.create_command, POD_UNIT_OWNED_IDS);
    let (args, ids) = match recorded {
        Some(found) => found,
        // Podman's words: --new can only replay a `pod create`.
        None if opts.new && pod.config.create_command.is_empty() => {
            return Err(anyhow!(
                "cannot use --new on pod {:?}: no create command found",
                pod.id
            ))
        }
        None if opts.new => {
            return Err(anyhow!(
                "pod does not appear to be created via `cove pod create`: [{}]",
                pod.config.create_command.join(" ")
            ))
        }
        None => Default::default(),
    };
    let create = PodCreate {
        args,
        exit_policy: ids.iter().any(|id| id == "exit_policy"),
        name: ids.iter().any(|id| id == "name"),
        replace: ids.iter().any(|id| id == "replace"),
    };
    let infra_pid_file = infra
        .map(|c| engine.state_dir(&c.id).join("conmon.pid"))
        .unwrap_or_default();
    Ok(generate_pod(
        &PodTarget {
            pod,
            infra,
            infra_pid_file: &infra_pid_file,
            members: &member_targets,
            cove,
            runtime_dir: &ctx.paths.runtime,
            create: &create,
        },
        opts,
    )?)
}

/// The `pod create` flags (clap ids) a pod's `--new` unit sets itself.
const POD_UNIT_OWNED_IDS: &[&str] = &["pod_id_file", "infra_conmon_pidfile"];

/// The flags `generate systemd --new` sets itself, as clap ids of `run`. `--restart` goes
/// too: in a unit, restarting is systemd's job (Restart=), and it conflicts with `--rm`.
const UNIT_OWNED_IDS: &[&str] = &[
    "detach",
    "restart",
    "rm",
    "name",
    "replace",
    "sdnotify",
    "interactive",
    "tty",
];

/// A recorded create command without the flags the unit's own `cove run` sets.
fn run_arguments(create_command: &[String]) -> Vec<String> {
    argv::without(create_command, UNIT_OWNED_IDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn new_drops_what_the_unit_sets() {
        let recorded = strings(&[
            "-dit",
            "--rm",
            "--name=web",
            "--replace",
            "--sdnotify",
            "ignore",
            "-e",
            "X=1",
            "--pull",
            "--restart",
            "always",
            "-v",
            "/a:/b",
            "busybox",
            "sh",
            "-c",
            "--name x",
        ]);
        assert_eq!(
            run_arguments(&recorded),
            strings(&["-e", "X=1", "--pull", "-v", "/a:/b", "busybox", "sh", "-c", "--name x"])
        );
    }
}
