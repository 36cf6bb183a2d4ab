//! `cove generate systemd`, and the record of a container's create arguments that
//! `--new` replays.

use anyhow::{anyhow, Context};
use clap::{Args, CommandFactory, Subcommand};
use serde_json::json;

use super::{CmdResult, Ctx};
use crate::systemd::generate::{self, Options, Target};

#[derive(Subcommand, Debug)]
pub enum GenerateCommand {
    /// Generate a systemd unit that runs a container as a user service
    Systemd(SystemdArgs),
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
    /// The container
    pub container: String,
}

pub fn run(ctx: &Ctx, cmd: GenerateCommand) -> CmdResult {
    match cmd {
        GenerateCommand::Systemd(a) => systemd(ctx, a),
    }
}

fn systemd(ctx: &Ctx, a: SystemdArgs) -> CmdResult {
    if let Some(f) = a.format.as_deref().filter(|f| *f != "json") {
        return Err(anyhow!("unsupported --format {f:?}: use json").into());
    }
    let engine = ctx.engine()?;
    let c = engine.lookup(&a.container)?;
    let run_args = if a.new {
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
    if a.files {
        let path = std::env::current_dir()
            .context("the current directory")?
            .join(format!("{name}.service"));
        std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
        if a.format.is_some() {
            println!("{}", json!({ name: path }));
        } else {
            println!("{}", path.display());
        }
    } else if a.format.is_some() {
        println!("{}", serde_json::to_string_pretty(&json!({ name: text }))?);
    } else {
        print!("{text}");
    }
    Ok(0)
}

/// One item of a command line: a flag with its value, or everything from the first
/// positional argument on.
struct Item {
    tokens: Vec<String>,
    /// The clap id of the flag (None for positionals and flags clap does not know).
    id: Option<String>,
    positional: bool,
}

fn takes_value(arg: &clap::Arg) -> (bool, bool) {
    let range = arg.get_num_args().unwrap_or_default();
    (range.max_values() > 0, range.min_values() == 0)
}

/// Split `args` the way clap parsed them against `cmd` (built), so flags can be dropped
/// without mistaking a flag's value for the image. Short clusters (`-dit`) become one
/// item per flag.
fn items(cmd: &clap::Command, args: &[String]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut i = 0;
    // A value flag takes the next token, except an optional value (`--pull[=POLICY]`),
    // which clap only takes when it does not look like a flag.
    let value = |arg: &clap::Arg, i: &mut usize, tokens: &mut Vec<String>| {
        let (takes, optional) = takes_value(arg);
        if let Some(next) = args.get(*i + 1).filter(|_| takes) {
            if !optional || !next.starts_with('-') {
                tokens.push(next.clone());
                *i += 1;
            }
        }
    };
    while i < args.len() {
        let a = &args[i];
        if a == "--" || a == "-" || !a.starts_with('-') {
            out.push(Item {
                tokens: args[i..].to_vec(),
                id: None,
                positional: true,
            });
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, _)) => (n, true),
                None => (body, false),
            };
            let arg = cmd.get_arguments().find(|x| {
                x.get_long() == Some(name)
                    || x.get_all_aliases().is_some_and(|al| al.contains(&name))
            });
            let mut tokens = vec![a.clone()];
            if let (Some(arg), false) = (arg, inline) {
                value(arg, &mut i, &mut tokens);
            }
            out.push(Item {
                tokens,
                id: arg.map(|x| x.get_id().to_string()),
                positional: false,
            });
        } else {
            let chars: Vec<char> = a[1..].chars().collect();
            for (j, c) in chars.iter().enumerate() {
                let arg = cmd.get_arguments().find(|x| {
                    x.get_short() == Some(*c)
                        || x.get_all_short_aliases().is_some_and(|al| al.contains(c))
                });
                let id = arg.map(|x| x.get_id().to_string());
                match arg.filter(|x| takes_value(x).0) {
                    Some(arg) => {
                        let rest: String = chars[j + 1..].iter().collect();
                        let mut tokens = vec![format!("-{c}{rest}")];
                        if rest.is_empty() {
                            value(arg, &mut i, &mut tokens);
                        }
                        out.push(Item {
                            tokens,
                            id,
                            positional: false,
                        });
                        break;
                    }
                    None => out.push(Item {
                        tokens: vec![format!("-{c}")],
                        id,
                        positional: false,
                    }),
                }
            }
        }
        i += 1;
    }
    out
}

/// cove's own flags that are not part of a container's configuration.
const GLOBAL_IDS: &[&str] = &[
    "storage_driver",
    "root",
    "runroot",
    "log_level",
    "cgroup_manager",
];

fn built_cli() -> clap::Command {
    let mut cmd = super::Cli::command();
    cmd.build();
    cmd
}

/// The arguments after `run`/`create` in cove's own command line (`argv`), without the
/// global flags (the unit passes its own); empty when `argv` is not a run or create.
pub fn create_command(argv: impl Iterator<Item = String>) -> Vec<String> {
    let argv: Vec<String> = argv.skip(1).collect();
    let root = built_cli();
    let mut cmd = &root;
    let mut rest: &[String] = &argv;
    loop {
        let Some(item) = items(cmd, rest).into_iter().find(|it| it.positional) else {
            return Vec::new();
        };
        let Some(sub) = item.tokens.first().and_then(|t| cmd.find_subcommand(t)) else {
            return Vec::new();
        };
        let after = &rest[rest.len() - item.tokens.len() + 1..];
        match sub.get_name() {
            "container" => {
                cmd = sub;
                rest = after;
            }
            "run" | "create" => {
                return items(sub, after)
                    .into_iter()
                    .filter(|it| !is_global(it))
                    .flat_map(|it| it.tokens)
                    .collect();
            }
            _ => return Vec::new(),
        }
    }
}

fn is_global(it: &Item) -> bool {
    it.id.as_deref().is_some_and(|id| GLOBAL_IDS.contains(&id))
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
    let root = built_cli();
    let Some(run) = root.find_subcommand("run") else {
        return Vec::new();
    };
    items(run, create_command)
        .into_iter()
        .filter(|it| {
            !is_global(it)
                && !it
                    .id
                    .as_deref()
                    .is_some_and(|id| UNIT_OWNED_IDS.contains(&id))
        })
        .flat_map(|it| it.tokens)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn records_the_arguments_after_run_or_create() {
        let argv = strings(&[
            "/usr/bin/cove",
            "--root",
            "/r",
            "--log-level=debug",
            "container",
            "run",
            "-dit",
            "--runroot=/x",
            "--name",
            "web",
            "-e",
            "A=-1",
            "-p8080:80",
            "busybox",
            "--root",
            "-x",
        ]);
        assert_eq!(
            create_command(argv.into_iter()),
            strings(&[
                "-d",
                "-i",
                "-t",
                "--name",
                "web",
                "-e",
                "A=-1",
                "-p8080:80",
                "busybox",
                "--root",
                "-x"
            ])
        );
        let argv = strings(&["cove", "create", "--pull", "always", "busybox"]);
        assert_eq!(
            create_command(argv.into_iter()),
            strings(&["--pull", "always", "busybox"])
        );
        assert!(create_command(strings(&["cove", "ps", "-a"]).into_iter()).is_empty());
        assert!(create_command(strings(&["cove", "--root", "run"]).into_iter()).is_empty());
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
