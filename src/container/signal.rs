//! Signals as users and images name them (`TERM`, `SIGTERM`, `15`): `--stop-signal`, the
//! image's StopSignal, `kill -s`.

use std::fmt;
use std::str::FromStr;

/// A signal the engine can send; shown and stored by its name (`SIGTERM`), which every
/// runtime's `kill` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signal(pub nix::sys::signal::Signal);

#[derive(Debug, thiserror::Error)]
#[error("invalid signal {0:?}")]
pub struct SignalError(pub String);

impl FromStr for Signal {
    type Err = SignalError;
    fn from_str(s: &str) -> Result<Signal, SignalError> {
        let t = s.trim();
        let sig = match t.parse::<i32>() {
            Ok(n) => nix::sys::signal::Signal::try_from(n).ok(),
            Err(_) => {
                let upper = t.to_ascii_uppercase();
                let name = if upper.starts_with("SIG") {
                    upper
                } else {
                    format!("SIG{upper}")
                };
                nix::sys::signal::Signal::from_str(&name).ok()
            }
        };
        sig.map(Signal).ok_or_else(|| SignalError(s.to_string()))
    }
}

impl fmt::Display for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl Signal {
    pub const TERM: Signal = Signal(nix::sys::signal::Signal::SIGTERM);

    /// Whether it ends a process unless caught: `kill` with one of these counts as the
    /// user's stop.
    pub fn ends_process(self) -> bool {
        use nix::sys::signal::Signal::*;
        matches!(self.0, SIGKILL | SIGTERM | SIGINT | SIGQUIT)
    }
}

/// serde for `Option<Signal>` as a string, "" for None. A value no parser accepts (older
/// releases stored `--stop-signal` unchecked) reads as None, the default SIGTERM, rather
/// than making the whole container unreadable.
pub mod optional {
    use super::Signal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Signal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(sig) => s.serialize_str(sig.0.as_str()),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Signal>, D::Error> {
        let s = String::deserialize(d)?;
        Ok(s.parse().ok())
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
        assert!("bogus".parse::<Signal>().is_err());
        assert!("99".parse::<Signal>().is_err());
        assert!("KILL".parse::<Signal>().unwrap().ends_process());
        assert!(!"HUP".parse::<Signal>().unwrap().ends_process());
    }

    #[test]
    fn stored_values_of_older_releases_load() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct Row {
            #[serde(with = "optional")]
            s: Option<Signal>,
        }
        let load = |v: &str| {
            serde_json::from_str::<Row>(&format!("{{\"s\":{v:?}}}"))
                .unwrap()
                .s
        };
        assert_eq!(
            load("KILL").map(|s| s.to_string()).as_deref(),
            Some("SIGKILL")
        );
        assert_eq!(load("2").map(|s| s.to_string()).as_deref(), Some("SIGINT"));
        assert_eq!(load(""), None);
        assert_eq!(load("nonsense"), None);
        let row = Row { s: load("hup") };
        assert_eq!(serde_json::to_string(&row).unwrap(), r#"{"s":"SIGHUP"}"#);
    }
}
