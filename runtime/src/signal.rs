//! Signals as users, images and runtimes name them (`TERM`, `SIGTERM`, `15`,
//! `SIGRTMIN+3`): `--stop-signal`, an image's StopSignal, `kill -s`, the runtime's `kill`.
//! One type for the engine and the runtime, so what `create` accepts is what `kill` sends.

use std::fmt;
use std::str::FromStr;

use nix::sys::signal::Signal as Std;

/// Linux's real-time signal range as Docker and runc name it (glibc reserves 32 and 33).
const RTMIN: i32 = 34;
const RTMAX: i32 = 64;

/// A signal number in 1..=64; shown and stored by its name (`SIGTERM`, `SIGRTMIN+3`),
/// which every runtime's `kill` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signal(i32);

#[derive(Debug, thiserror::Error)]
#[error("invalid signal {0:?}")]
pub struct SignalError(pub String);

impl FromStr for Signal {
    type Err = SignalError;
    fn from_str(s: &str) -> Result<Signal, SignalError> {
        let t = s.trim();
        let bad = || SignalError(s.to_string());
        if let Ok(n) = t.parse::<i32>() {
            return Signal::from_number(n).ok_or_else(bad);
        }
        let upper = t.to_ascii_uppercase();
        let name = upper.strip_prefix("SIG").unwrap_or(&upper);
        let offset = |rest: &str| {
            rest.parse::<i32>()
                .ok()
                .filter(|n| (0..=RTMAX - RTMIN).contains(n))
        };
        let n = if name == "RTMIN" {
            Some(RTMIN)
        } else if name == "RTMAX" {
            Some(RTMAX)
        } else if let Some(rest) = name.strip_prefix("RTMIN+") {
            offset(rest).map(|o| RTMIN + o)
        } else if let Some(rest) = name.strip_prefix("RTMAX-") {
            offset(rest).map(|o| RTMAX - o)
        } else {
            Std::from_str(&format!("SIG{name}")).ok().map(|s| s as i32)
        };
        n.map(Signal).ok_or_else(bad)
    }
}

impl fmt::Display for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Docker's names: RTMIN+1..+15 count up, the rest count down from RTMAX.
        match self.0 {
            RTMIN => f.write_str("SIGRTMIN"),
            RTMAX => f.write_str("SIGRTMAX"),
            n if n > RTMIN && n <= RTMIN + 15 => write!(f, "SIGRTMIN+{}", n - RTMIN),
            n if n > RTMIN && n < RTMAX => write!(f, "SIGRTMAX-{}", RTMAX - n),
            n => match Std::try_from(n) {
                Ok(s) => f.write_str(s.as_str()),
                Err(_) => write!(f, "{n}"),
            },
        }
    }
}

impl Signal {
    pub const TERM: Signal = Signal(Std::SIGTERM as i32);
    pub const KILL: Signal = Signal(Std::SIGKILL as i32);

    /// A signal Linux has: the standard ones and the real-time range.
    pub fn from_number(n: i32) -> Option<Signal> {
        (Std::try_from(n).is_ok() || (RTMIN..=RTMAX).contains(&n)).then_some(Signal(n))
    }

    pub fn number(self) -> i32 {
        self.0
    }

    /// Whether it ends a process unless caught: `kill` with one of these counts as the
    /// user's stop.
    pub fn ends_process(self) -> bool {
        [Std::SIGKILL, Std::SIGTERM, Std::SIGINT, Std::SIGQUIT]
            .iter()
            .any(|s| *s as i32 == self.0)
    }

    /// Sends it to one process.
    pub fn send(self, pid: i32) -> nix::Result<()> {
        // nix's kill takes only the standard signals; real-time ones go through libc.
        // SAFETY: kill(2) reads no memory; an invalid pid or signal is an error return.
        let rc = unsafe { libc::kill(pid, self.0) };
        nix::errno::Errno::result(rc).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_prefixes() {
        for s in ["TERM", "SIGTERM", "sigterm", "15", " term "] {
            assert_eq!(s.parse::<Signal>().unwrap(), Signal::TERM, "{s}");
        }
        assert_eq!("9".parse::<Signal>().unwrap().to_string(), "SIGKILL");
        for s in [
            "bogus", "99", "0", "32", "RTMIN+31", "RTMAX-31", "RTMIN+x", "",
        ] {
            assert!(s.parse::<Signal>().is_err(), "{s}");
        }
        assert!("KILL".parse::<Signal>().unwrap().ends_process());
        assert!(!"HUP".parse::<Signal>().unwrap().ends_process());
    }

    #[test]
    fn real_time_signals_as_docker_names_them() {
        // systemd images stop with SIGRTMIN+3.
        let s: Signal = "RTMIN+3".parse().unwrap();
        assert_eq!((s.number(), s.to_string().as_str()), (37, "SIGRTMIN+3"));
        for (text, n, shown) in [
            ("SIGRTMIN", 34, "SIGRTMIN"),
            ("rtmax", 64, "SIGRTMAX"),
            ("RTMAX-1", 63, "SIGRTMAX-1"),
            ("49", 49, "SIGRTMIN+15"),
            ("50", 50, "SIGRTMAX-14"),
        ] {
            let s: Signal = text.parse().unwrap();
            assert_eq!((s.number(), s.to_string().as_str()), (n, shown), "{text}");
            assert_eq!(shown.parse::<Signal>().unwrap(), s, "{shown} round trip");
        }
    }
}
