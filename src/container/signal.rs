//! The stored form of a container's stop signal; the type is the runtime's, so what
//! `create` accepts is what the runtime's `kill` sends.

pub use cove_runtime::signal::{Signal, SignalError};

/// serde for `Option<Signal>` as a string, "" for None. A value no parser accepts (older
/// releases stored `--stop-signal` unchecked) reads as None, the default SIGTERM, rather
/// than making the whole container unreadable.
pub mod optional {
    use super::Signal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Signal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(sig) => s.serialize_str(&sig.to_string()),
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
        assert_eq!(
            load("RTMIN+3").map(|s| s.to_string()).as_deref(),
            Some("SIGRTMIN+3")
        );
        assert_eq!(load(""), None);
        assert_eq!(load("nonsense"), None);
        let row = Row { s: load("hup") };
        assert_eq!(serde_json::to_string(&row).unwrap(), r#"{"s":"SIGHUP"}"#);
    }
}
