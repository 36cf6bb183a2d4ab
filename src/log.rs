//! `--log-level`: how much cove tells on stderr about what it does. Set once in `cli::run`
//! before anything else happens; read by whoever has something to say. Each level prints
//! what the ones below it print: `error` only errors (no warnings), `warn` (the default)
//! adds warnings, `info` says which level is in effect (as Podman does), `debug` prints
//! the command lines of the helpers cove starts (shim, OCI runtime, slirp4netns or pasta,
//! ip/nft), which is what one needs to reproduce a failing step by hand. cove has nothing
//! finer than that: `trace` prints what `debug` prints.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Level {
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warn => "warn",
            Level::Info => "info",
            Level::Debug => "debug",
            Level::Trace => "trace",
        }
    }
}

/// Podman's default: warnings and errors only.
pub const DEFAULT: Level = Level::Warn;

static LEVEL: AtomicU8 = AtomicU8::new(DEFAULT as u8);

pub fn set(level: Level) {
    LEVEL.store(level as u8, Ordering::Relaxed);
}

pub fn enabled(level: Level) -> bool {
    LEVEL.load(Ordering::Relaxed) >= level as u8
}

/// One `WARN[0000] ...`-style line on stderr, as Podman prints them (without its clock);
/// `--log-level error` silences it.
pub fn warn(args: std::fmt::Arguments) {
    if enabled(Level::Warn) {
        eprintln!("WARN {args}");
    }
}

/// One `INFO ...` line on stderr, from `--log-level info` on.
pub fn info(args: std::fmt::Arguments) {
    if enabled(Level::Info) {
        eprintln!("INFO {args}");
    }
}

/// One `DEBU ...` line on stderr, from `--log-level debug` on.
pub fn debug(args: std::fmt::Arguments) {
    if enabled(Level::Debug) {
        eprintln!("DEBU {args}");
    }
}

/// `debug` for a command about to be spawned: the program and its arguments.
pub fn command(cmd: &std::process::Command) {
    if enabled(Level::Debug) {
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        debug(format_args!(
            "running {} {}",
            cmd.get_program().to_string_lossy(),
            args.join(" ")
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_by_verbosity() {
        assert!(Level::Debug > Level::Warn);
        assert!(Level::Error < Level::Info);
        assert_eq!(Level::Trace.name(), "trace");
    }

    #[test]
    fn each_level_includes_the_quieter_ones() {
        set(Level::Trace);
        assert!(enabled(Level::Debug) && enabled(Level::Warn));
        set(Level::Error);
        assert!(enabled(Level::Error) && !enabled(Level::Warn));
        set(DEFAULT);
        assert!(enabled(Level::Warn) && !enabled(Level::Info));
    }
}
