//! `cove generate systemd` (`generate kube`, Podman 3's `kube generate`, is dispatched
//! to the kube commands).

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};
use serde_json::json;

use super::{argv, CmdResult, Ctx};
use crate::container::restart::PolicyName;
use crate::systemd::generate::{self, Options, Target};

#[derive(Subcommand, Debug)]
pub enum GenerateCommand {
    /// Generate a systemd unit that runs a container as a user service
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
    /// Name the unit after the container's name instead of its ID
    #[arg(short, long)]
    pub name: bool,
    /// Write the unit into the current directory and print its path
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
    /// Prefix of a pod's unit name (pods get no units yet: refused)
    #[arg(long, value_name = "PREFIX", default_value = "pod")]
    pub pod_prefix: String,
    /// The container
    pub container: String,
}

pub fn systemd(ctx: &Ctx, a: SystemdArgs) -> CmdResult {
    if let Some(f) = a.format.as_deref().filter(|f| *f != "json") {
        return Err(anyhow!("unsupported --format {f:?}: use json").into());
    }
    let engine = ctx.engine()?;
    let c = match engine.lookup(&a.container) {
        Ok(c) => c,
        Err(e) => {
            if crate::pod::find(&engine.store, &a.container).is_ok() {
                return Err(anyhow!(
                    "{}: generate systemd for a pod is not supported: cove writes units for \
                     containers only (generate one per container)",
                    a.container
                )
                .into());
            }
            return Err(e.into());
        }
    };
    if !a.new && !a.template && c.config.restart.name != PolicyName::No {
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
    let new = a.new || a.template;
    let run_args = if new {
        run_arguments(&c.config.create_command)
    } else {
        Vec::new()
    };
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
    };
    let cove = ctx.cove_command()?;
    let pid_file = engine.state_dir(&c.id).join("conmon.pid");
    let text = generate::render(
        &Target {
            container: &c,
            cove: &cove,
            runtime_dir: &ctx.paths.runtime,
            pid_file: &pid_file,
            run_args: &run_args,
        },
        &opts,
    )?;
    let name = generate::unit_name(&c, &opts);
    let key = generate::base_name(&c, &opts);
    if a.files {
        let path = std::env::current_dir()
            .context("the current directory")?
            .join(format!("{name}.service"));
        std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
        if a.format.is_some() {
            println!("{}", json!({ key: path }));
        } else {
            println!("{}", path.display());
        }
    } else if a.format.is_some() {
        println!("{}", serde_json::to_string_pretty(&json!({ key: text }))?);
    } else {
        print!("{text}");
    }
    Ok(0)
}

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
