//! cove-runtime: cove's built-in OCI runtime, with runc's command line (create, start,
//! state, kill, delete) so cove-conmon drives it exactly like runc or crun.
//!
//! Made for rootless use inside cove's per-user user namespace: it never touches cgroups
//! unless limits are asked for (and then refuses clearly), binds host devices instead of
//! creating nodes, and falls back where a user namespace cannot mount.

mod create;
mod init;
mod inroot;
mod mountopts;
mod rootfs;
mod terminal;

use std::path::PathBuf;

use cove_runtime::signal::Signal;
// Shared with the cove CLI, which starts and deletes its containers without exec'ing us.
use cove_runtime::{lifecycle, state};

const USAGE: &str = "usage: cove-runtime [--root DIR] [--log FILE] [--log-format text|json] \
[--debug] create|start|state|kill|delete ...";

/// Parsed command line: global flags, subcommand, its flags and positionals.
struct Cli {
    root: PathBuf,
    /// `--log FILE`: where our error goes instead of stderr (runc's flag; the caller's
    /// stderr may be the container's, as with Podman's passthrough log driver).
    log: Option<PathBuf>,
    command: String,
    flags: Vec<(String, Option<String>)>,
    args: Vec<String>,
}

/// Flags that take a value, per position (global or subcommand).
const VALUE_FLAGS: &[&str] = &[
    "--root",
    "--log",
    "--log-format",
    "--criu",
    "--bundle",
    "-b",
    "--pid-file",
    "--console-socket",
    "--preserve-fds",
];

fn default_root() -> PathBuf {
    if nix::unistd::geteuid().is_root() && std::env::var_os("XDG_RUNTIME_DIR").is_none() {
        return PathBuf::from("/run/cove-runtime");
    }
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(|d| PathBuf::from(d).join("cove-runtime"))
        .unwrap_or_else(|| PathBuf::from("/run/cove-runtime"))
}

fn parse(argv: Vec<String>) -> Result<Cli, String> {
    let mut root = None;
    let mut log = None;
    let mut command = None;
    let mut flags = Vec::new();
    let mut args = Vec::new();
    let mut it = argv.into_iter().peekable();
    while let Some(a) = it.next() {
        if a.starts_with('-') && a.len() > 1 && args.is_empty() {
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (a.clone(), None),
            };
            let value = if VALUE_FLAGS.contains(&name.as_str()) && inline.is_none() {
                Some(
                    it.next()
                        .ok_or_else(|| format!("flag {name} needs a value"))?,
                )
            } else {
                inline
            };
            if command.is_none() && name == "--root" {
                root = value.map(PathBuf::from);
            } else if command.is_none() && name == "--log" {
                log = value.map(PathBuf::from);
            } else if command.is_none() {
                // --log-format, --debug, --systemd-cgroup: accepted, not needed.
            } else {
                flags.push((name, value));
            }
        } else if command.is_none() {
            command = Some(a);
        } else {
            args.push(a);
        }
    }
    Ok(Cli {
        root: root.unwrap_or_else(default_root),
        log,
        command: command.ok_or_else(|| USAGE.to_string())?,
        flags,
        args,
    })
}

impl Cli {
    fn flag(&self, names: &[&str]) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| names.contains(&n.as_str()))
            .and_then(|(_, v)| v.as_deref())
    }

    fn has(&self, names: &[&str]) -> bool {
        self.flags.iter().any(|(n, _)| names.contains(&n.as_str()))
    }

    fn id(&self) -> Result<&str, String> {
        self.args
            .first()
            .map(String::as_str)
            .ok_or_else(|| format!("{} needs a container id", self.command))
    }
}

/// `start`: release the init blocked on the exec fifo.
fn start(cli: &Cli) -> Result<(), String> {
    lifecycle::start(&cli.root, cli.id()?)
}

fn state_cmd(cli: &Cli) -> Result<(), String> {
    let id = cli.id()?;
    let st = state::load(&cli.root, id).map_err(|e| e.to_string())?;
    let status = state::status(&cli.root, &st);
    let v = serde_json::json!({
        "ociVersion": "1.0.2",
        "id": st.id,
        "status": status,
        "pid": if status == "stopped" { 0 } else { st.pid },
        "bundle": st.bundle,
        "rootfs": "",
        "created": st.created,
        "annotations": st.annotations,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?
    );
    Ok(())
}

fn kill(cli: &Cli) -> Result<(), String> {
    let id = cli.id()?;
    let sig_name = cli.args.get(1).map(String::as_str).unwrap_or("TERM");
    let sig: Signal = sig_name
        .parse()
        .map_err(|_| format!("unknown signal {sig_name:?}"))?;
    let st = state::load(&cli.root, id).map_err(|e| e.to_string())?;
    if state::status(&cli.root, &st) == "stopped" {
        return Err("container not running".into());
    }
    sig.send(st.pid).map_err(|e| format!("kill: {e}"))
}

fn delete(cli: &Cli) -> Result<(), String> {
    lifecycle::delete(&cli.root, cli.id()?, cli.has(&["--force", "-f"]))
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command.as_str() {
        "create" => create::create(&create::CreateOptions {
            root: cli.root.clone(),
            id: cli.id()?.to_string(),
            bundle: std::fs::canonicalize(cli.flag(&["--bundle", "-b"]).unwrap_or("."))
                .map_err(|e| format!("bundle: {e}"))?,
            pid_file: cli.flag(&["--pid-file"]).map(PathBuf::from),
            console_socket: cli.flag(&["--console-socket"]).map(PathBuf::from),
            preserve_fds: match cli.flag(&["--preserve-fds"]) {
                Some(n) => n
                    .parse()
                    .map_err(|_| format!("invalid --preserve-fds {n:?}"))?,
                None => 0,
            },
        }),
        "start" => start(&cli),
        "state" => state_cmd(&cli),
        "kill" => kill(&cli),
        "delete" => delete(&cli),
        "run" => Err("run is not supported: use create, then start".into()),
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv
        .first()
        .is_some_and(|a| a == "--version" || a == "-v" || a == "version")
    {
        println!("cove-runtime version {}", env!("CARGO_PKG_VERSION"));
        println!("spec: 1.0.2");
        return;
    }
    if argv.first().is_some_and(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return;
    }
    let cli = match parse(argv) {
        Ok(cli) => cli,
        Err(msg) => fail(None, &msg),
    };
    let log = cli.log.clone();
    if let Err(msg) = run(cli) {
        fail(log.as_deref(), &msg);
    }
}

fn fail(log: Option<&std::path::Path>, msg: &str) -> ! {
    let line = format!("cove-runtime: {msg}\n");
    let logged = log.is_some_and(|p| {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(p)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .is_ok()
    });
    if !logged {
        eprint!("{line}");
    }
    std::process::exit(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[&str]) -> Cli {
        parse(v.iter().map(|s| s.to_string()).collect()).unwrap()
    }

    #[test]
    fn runc_style_command_lines() {
        let c = p(&[
            "--root",
            "/r",
            "create",
            "--bundle",
            "/b",
            "--pid-file=/p",
            "--preserve-fds",
            "2",
            "id1",
        ]);
        assert_eq!(c.root, PathBuf::from("/r"));
        assert_eq!(c.command, "create");
        assert_eq!(c.flag(&["--bundle", "-b"]), Some("/b"));
        assert_eq!(c.flag(&["--pid-file"]), Some("/p"));
        assert_eq!(c.flag(&["--preserve-fds"]), Some("2"));
        assert_eq!(c.id().unwrap(), "id1");
        let c = p(&["--log", "/l", "--debug", "kill", "id2", "KILL"]);
        assert_eq!(c.log, Some(PathBuf::from("/l")));
        assert_eq!(
            (c.command.as_str(), c.args.clone()),
            ("kill", vec!["id2".to_string(), "KILL".to_string()])
        );
        let c = p(&["delete", "--force", "id3"]);
        assert!(c.has(&["--force"]));
        assert!(parse(vec!["--root".into()]).is_err());
    }
}
