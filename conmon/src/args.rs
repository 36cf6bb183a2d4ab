//! Command-line parsing, by hand: the shim is exec'd for every container start, so it avoids
//! pulling in an argument-parsing framework (binary size and startup time).

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub cid: String,
    pub name: String,
    pub bundle: PathBuf,
    pub runtime: PathBuf,
    pub runtime_args: Vec<OsString>,
    pub state_dir: PathBuf,
    pub log_path: PathBuf,
    pub log_size_max: Option<u64>,
    pub terminal: bool,
    pub stdin: bool,
    pub sync_fd: i32,
    pub exit_command: Option<PathBuf>,
    pub exit_command_args: Vec<OsString>,
    /// A file the caller keeps locked while it stays to clean up itself (`run --rm` in the
    /// foreground): the exit command runs only if the file still exists once the lock is
    /// free, i.e. the caller ended without removing the container.
    pub exit_command_claim: Option<PathBuf>,
    /// The container's network namespace, for the port forwarder.
    pub netns: Option<PathBuf>,
    /// Inherited listening sockets to forward into the container.
    pub publish: Vec<crate::forward::Port>,
    /// A socket (relative to the state dir) where the runtime sends the seccomp notify fd
    /// of the container's `bind()` calls: published TCP ports are then handed over.
    pub seccomp_listener: Option<PathBuf>,
    /// Run periodically while the container runs (`cove healthcheck run ID`).
    pub health: Option<HealthCommand>,
    /// `--timeout SECONDS`: the container is killed (SIGKILL) after that long; its exit
    /// code is then 255, as conmon's.
    pub timeout: Option<u64>,
    /// `--preserve-fds N`: our fds 3..3+N are handed to the runtime (and its
    /// `--preserve-fds N`) for the container's process, then closed here.
    pub preserve_fds: u32,
    /// `--passthrough`: the container's stdin, stdout and stderr are ours as started (the
    /// caller's), not pipes: nothing is logged or can be attached to.
    pub passthrough: bool,
}

/// A program the shim runs every `interval_ms`, counted from the end of its last run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthCommand {
    pub interval_ms: u64,
    pub program: PathBuf,
    pub args: Vec<OsString>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ArgError {
    Missing(&'static str),
    NeedsValue(String),
    Invalid(&'static str, String),
    Unknown(String),
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::Missing(flag) => write!(f, "missing required flag --{flag}"),
            ArgError::NeedsValue(flag) => write!(f, "flag {flag} needs a value"),
            ArgError::Invalid(flag, v) => write!(f, "invalid value for --{flag}: {v:?}"),
            ArgError::Unknown(flag) => write!(f, "unknown argument {flag:?}"),
        }
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Version,
    Help,
    Run(Box<Config>),
}

pub const USAGE: &str = "usage: cove-conmon --cid ID --name NAME --bundle DIR --runtime PATH \
[--runtime-arg ARG]... --state-dir DIR --log-path FILE [--log-size-max BYTES] [--terminal] \
[--stdin] --sync-fd N [--exit-command PATH [--exit-command-arg ARG]... \
[--exit-command-claim FILE]] [--netns PATH \
[--publish FD:tcp|udp:PORT]... [--seccomp-listener SOCKET]] [--hold-fd FD]... [--health-interval-ms N --health-command \
PATH [--health-command-arg ARG]...] [--timeout SECONDS] [--preserve-fds N] [--passthrough]";

/// Parses everything after argv[0]. Accepts `--flag value` and `--flag=value`.
pub fn parse<I: IntoIterator<Item = OsString>>(args: I) -> Result<Command, ArgError> {
    let mut cid = None;
    let mut name = None;
    let mut bundle = None;
    let mut runtime = None;
    let mut runtime_args = Vec::new();
    let mut state_dir = None;
    let mut log_path = None;
    let mut log_size_max = None;
    let mut terminal = false;
    let mut stdin = false;
    let mut sync_fd = None;
    let mut exit_command = None;
    let mut exit_command_args = Vec::new();
    let mut exit_command_claim = None;
    let mut netns = None;
    let mut publish = Vec::new();
    let mut seccomp_listener = None;
    let mut health_interval = None;
    let mut health_program = None;
    let mut health_args = Vec::new();
    let mut timeout = None;
    let mut preserve_fds = 0;
    let mut passthrough = false;

    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        // Flags are ASCII; values may be arbitrary bytes, so only the flag part is decoded.
        let (flag, inline): (String, Option<OsString>) = match arg.to_str() {
            Some(s) => match s.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.into())),
                _ => (s.to_string(), None),
            },
            None => return Err(ArgError::Unknown(arg.to_string_lossy().into_owned())),
        };
        let mut value = |flag: &str| -> Result<OsString, ArgError> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it
                    .next()
                    .ok_or_else(|| ArgError::NeedsValue(flag.to_string())),
            }
        };
        match flag.as_str() {
            "--version" | "-V" => return Ok(Command::Version),
            "--help" | "-h" => return Ok(Command::Help),
            "--cid" => cid = Some(string(value(&flag)?, "cid")?),
            "--name" => name = Some(string(value(&flag)?, "name")?),
            "--bundle" => bundle = Some(PathBuf::from(value(&flag)?)),
            "--runtime" => runtime = Some(PathBuf::from(value(&flag)?)),
            "--runtime-arg" => runtime_args.push(value(&flag)?),
            "--state-dir" => state_dir = Some(PathBuf::from(value(&flag)?)),
            "--log-path" => log_path = Some(PathBuf::from(value(&flag)?)),
            "--log-size-max" => {
                let v = string(value(&flag)?, "log-size-max")?;
                // Podman passes -1 for "unlimited"; accept any negative or zero as that.
                let n: i64 = v
                    .parse()
                    .map_err(|_| ArgError::Invalid("log-size-max", v.clone()))?;
                log_size_max = (n > 0).then_some(n as u64);
            }
            "--terminal" | "-t" => terminal = true,
            "--stdin" | "-i" => stdin = true,
            "--sync-fd" => {
                let v = string(value(&flag)?, "sync-fd")?;
                let n: i32 = v
                    .parse()
                    .map_err(|_| ArgError::Invalid("sync-fd", v.clone()))?;
                if n < 0 {
                    return Err(ArgError::Invalid("sync-fd", v));
                }
                sync_fd = Some(n);
            }
            "--exit-command" => exit_command = Some(PathBuf::from(value(&flag)?)),
            "--exit-command-arg" => exit_command_args.push(value(&flag)?),
            "--exit-command-claim" => exit_command_claim = Some(PathBuf::from(value(&flag)?)),
            "--netns" => netns = Some(PathBuf::from(value(&flag)?)),
            "--publish" => publish.push(parse_publish(string(value(&flag)?, "publish")?)?),
            "--seccomp-listener" => seccomp_listener = Some(PathBuf::from(value(&flag)?)),
            // Kept open for the shim's whole life and nothing else: the network helper
            // (slirp4netns --exit-fd) ends when it closes.
            "--hold-fd" => {
                let v = string(value(&flag)?, "hold-fd")?;
                v.parse::<u32>()
                    .map_err(|_| ArgError::Invalid("hold-fd", v.clone()))?;
            }
            "--timeout" => {
                let v = string(value(&flag)?, "timeout")?;
                let n = v
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| ArgError::Invalid("timeout", v.clone()))?;
                timeout = Some(n);
            }
            "--health-interval-ms" => {
                let v = string(value(&flag)?, "health-interval-ms")?;
                let n: u64 = v
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| ArgError::Invalid("health-interval-ms", v.clone()))?;
                health_interval = Some(n);
            }
            "--preserve-fds" => {
                let v = string(value(&flag)?, "preserve-fds")?;
                preserve_fds = v
                    .parse::<u32>()
                    .map_err(|_| ArgError::Invalid("preserve-fds", v.clone()))?;
            }
            "--passthrough" => passthrough = true,
            "--health-command" => health_program = Some(PathBuf::from(value(&flag)?)),
            "--health-command-arg" => health_args.push(value(&flag)?),
            _ => return Err(ArgError::Unknown(flag)),
        }
    }

    let health = match (health_interval, health_program) {
        (Some(interval_ms), Some(program)) => Some(HealthCommand {
            interval_ms,
            program,
            args: health_args,
        }),
        (None, None) => None,
        (Some(_), None) => return Err(ArgError::Missing("health-command")),
        (None, Some(_)) => return Err(ArgError::Missing("health-interval-ms")),
    };
    let cid = cid.ok_or(ArgError::Missing("cid"))?;
    if cid.is_empty() || cid.contains('/') {
        return Err(ArgError::Invalid("cid", cid));
    }
    Ok(Command::Run(Box::new(Config {
        name: name.unwrap_or_else(|| cid.clone()),
        cid,
        bundle: bundle.ok_or(ArgError::Missing("bundle"))?,
        runtime: runtime.ok_or(ArgError::Missing("runtime"))?,
        runtime_args,
        state_dir: state_dir.ok_or(ArgError::Missing("state-dir"))?,
        log_path: log_path.ok_or(ArgError::Missing("log-path"))?,
        log_size_max,
        terminal,
        stdin,
        sync_fd: sync_fd.ok_or(ArgError::Missing("sync-fd"))?,
        exit_command,
        exit_command_args,
        exit_command_claim,
        netns,
        publish,
        seccomp_listener,
        health,
        timeout,
        preserve_fds,
        passthrough,
    })))
}

/// `FD:tcp:PORT` or `FD:udp:PORT`.
fn parse_publish(v: String) -> Result<crate::forward::Port, ArgError> {
    let bad = || ArgError::Invalid("publish", v.clone());
    let mut parts = v.split(':');
    let fd = parts
        .next()
        .and_then(|f| f.parse::<i32>().ok())
        .filter(|f| *f > 2);
    let udp = match parts.next() {
        Some("tcp") => false,
        Some("udp") => true,
        _ => return Err(bad()),
    };
    let port = parts
        .next()
        .and_then(|p| p.parse::<u16>().ok())
        .filter(|p| *p > 0);
    match (fd, port, parts.next()) {
        (Some(fd), Some(container_port), None) => Ok(crate::forward::Port {
            fd,
            udp,
            container_port,
        }),
        _ => Err(bad()),
    }
}

fn string(v: OsString, flag: &'static str) -> Result<String, ArgError> {
    v.into_string()
        .map_err(|v| ArgError::Invalid(flag, v.to_string_lossy().into_owned()))
}

/// Finds `--sync-fd N` even when the rest of the command line is broken, so the error can be
/// reported to the waiting CLI instead of leaving it blocked on an empty pipe.
pub fn sync_fd_hint(args: &[OsString]) -> Option<i32> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let s = a.to_str()?;
        if s == "--sync-fd" {
            return it.next()?.to_str()?.parse().ok();
        }
        if let Some(v) = s.strip_prefix("--sync-fd=") {
            return v.parse().ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    fn base() -> Vec<&'static str> {
        vec![
            "--cid",
            "abc",
            "--bundle",
            "/b",
            "--runtime",
            "/usr/bin/runc",
            "--state-dir",
            "/s",
            "--log-path",
            "/s/ctr.log",
            "--sync-fd",
            "5",
        ]
    }

    #[test]
    fn minimal() {
        let Command::Run(c) = parse(os(&base())).unwrap() else {
            panic!()
        };
        assert_eq!(c.cid, "abc");
        assert_eq!(c.name, "abc");
        assert_eq!(c.sync_fd, 5);
        assert!(!c.terminal && !c.stdin && !c.passthrough);
        assert_eq!(c.log_size_max, None);
        assert_eq!(c.preserve_fds, 0);
    }

    #[test]
    fn full() {
        let mut v = base();
        v.extend([
            "--name",
            "web",
            "--runtime-arg",
            "--root",
            "--runtime-arg=/r",
            "--log-size-max=1000",
            "--terminal",
            "--stdin",
            "--exit-command",
            "/bin/cove",
            "--exit-command-arg",
            "container",
            "--exit-command-arg",
            "cleanup",
            "--netns",
            "/run/ns",
            "--publish",
            "5:tcp:80",
            "--publish=6:udp:53",
            "--hold-fd",
            "4",
            "--preserve-fds",
            "2",
            "--passthrough",
        ]);
        let Command::Run(c) = parse(os(&v)).unwrap() else {
            panic!()
        };
        assert_eq!(c.name, "web");
        assert_eq!(c.runtime_args, os(&["--root", "/r"]));
        assert_eq!(c.log_size_max, Some(1000));
        assert!(c.terminal && c.stdin);
        assert_eq!(c.exit_command, Some(PathBuf::from("/bin/cove")));
        assert_eq!(c.exit_command_args, os(&["container", "cleanup"]));
        assert_eq!(c.netns, Some(PathBuf::from("/run/ns")));
        let p = |fd, udp, container_port| crate::forward::Port {
            fd,
            udp,
            container_port,
        };
        assert_eq!(c.publish, vec![p(5, false, 80), p(6, true, 53)]);
        assert_eq!((c.preserve_fds, c.passthrough), (2, true));
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse(os(&["--cid"])),
            Err(ArgError::NeedsValue("--cid".into()))
        );
        assert_eq!(
            parse(os(&["--bogus"])),
            Err(ArgError::Unknown("--bogus".into()))
        );
        assert_eq!(parse(os(&["--cid", "x"])), Err(ArgError::Missing("bundle")));
        let mut v = base();
        v.extend(["--log-size-max", "lots"]);
        assert!(matches!(
            parse(os(&v)),
            Err(ArgError::Invalid("log-size-max", _))
        ));
        let mut v = base();
        v.extend(["--log-size-max", "-1"]);
        let Command::Run(c) = parse(os(&v)).unwrap() else {
            panic!()
        };
        assert_eq!(c.log_size_max, None);
        assert_eq!(parse(os(&["--version"])), Ok(Command::Version));
        for bad in ["5:tcp", "2:tcp:80", "5:sctp:80", "5:tcp:0", "5:tcp:80:1"] {
            let mut v = base();
            v.extend(["--publish", bad]);
            assert!(
                matches!(parse(os(&v)), Err(ArgError::Invalid("publish", _))),
                "{bad}"
            );
        }
    }

    #[test]
    fn sync_hint() {
        assert_eq!(sync_fd_hint(&os(&["--bogus", "--sync-fd", "7"])), Some(7));
        assert_eq!(sync_fd_hint(&os(&["--sync-fd=9"])), Some(9));
        assert_eq!(sync_fd_hint(&os(&["--cid", "x"])), None);
    }
}
