//! `--network` values: what the user asked for, parsed once at create time.

use std::path::PathBuf;

use super::NetworkError;

/// The uplink a container's own network namespace gets. Stored in a container's record
/// as the flag's text (`Display`), so rows written before it was typed load unchanged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum NetworkMode {
    /// Its own network namespace with loopback only.
    None,
    /// The caller's network namespace.
    Host,
    Slirp4netns(SlirpOptions),
    /// Extra pasta arguments, as given after `pasta:`.
    Pasta(Vec<String>),
    /// Another container's network namespace (name or ID).
    Container(String),
    /// An existing network namespace file.
    Ns(PathBuf),
    /// A user-defined network, by name.
    Bridge(String),
}

/// slirp4netns options as Podman spells them (`slirp4netns:allow_host_loopback=true,...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlirpOptions {
    pub allow_host_loopback: bool,
    pub enable_ipv6: bool,
    /// IPv4 network of the tap device, `a.b.c.0/24` style.
    pub cidr: Option<String>,
    pub mtu: u32,
    pub outbound_addr: Option<String>,
    pub outbound_addr6: Option<String>,
}

impl Default for SlirpOptions {
    fn default() -> Self {
        SlirpOptions {
            allow_host_loopback: false,
            enable_ipv6: false,
            cidr: None,
            mtu: 65520,
            outbound_addr: None,
            outbound_addr6: None,
        }
    }
}

fn flag(key: &str, v: &str) -> Result<bool, NetworkError> {
    match v {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(NetworkError::Option(format!(
            "{key}={v}: expected true or false"
        ))),
    }
}

impl SlirpOptions {
    fn parse(opts: &str) -> Result<SlirpOptions, NetworkError> {
        let mut o = SlirpOptions::default();
        for kv in opts.split(',').filter(|s| !s.is_empty()) {
            let (k, v) = kv
                .split_once('=')
                .ok_or_else(|| NetworkError::Option(format!("{kv}: expected KEY=VALUE")))?;
            match k {
                "allow_host_loopback" => o.allow_host_loopback = flag(k, v)?,
                "enable_ipv6" => o.enable_ipv6 = flag(k, v)?,
                "cidr" => {
                    super::addr::slirp_addresses(v)?;
                    o.cidr = Some(v.to_string())
                }
                "mtu" => {
                    o.mtu = v
                        .parse()
                        .ok()
                        .filter(|m| (68..=65521).contains(m))
                        .ok_or_else(|| NetworkError::Option(format!("mtu={v}")))?
                }
                "outbound_addr" => o.outbound_addr = Some(v.to_string()),
                "outbound_addr6" => o.outbound_addr6 = Some(v.to_string()),
                // Ports are always forwarded by the shim; the value is accepted so that
                // Podman command lines work unchanged.
                "port_handler" if matches!(v, "rootlesskit" | "slirp4netns") => {}
                _ => {
                    return Err(NetworkError::Option(format!(
                        "unknown slirp4netns option {kv:?} (known: allow_host_loopback, \
                         cidr, enable_ipv6, mtu, outbound_addr, outbound_addr6, port_handler)"
                    )))
                }
            }
        }
        Ok(o)
    }
}

impl NetworkMode {
    /// `default` is what an empty value means (slirp4netns, or containers.conf's choice).
    pub fn parse(s: &str, default: &str) -> Result<NetworkMode, NetworkError> {
        let s = if s.is_empty() || s == "default" {
            default
        } else {
            s
        };
        let (kind, opts) = s.split_once(':').unwrap_or((s, ""));
        Ok(match kind {
            "none" | "private" if opts.is_empty() => NetworkMode::None,
            "host" if opts.is_empty() => NetworkMode::Host,
            "slirp4netns" => NetworkMode::Slirp4netns(SlirpOptions::parse(opts)?),
            "pasta" => NetworkMode::Pasta(
                opts.split(',')
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
            "container" if !opts.is_empty() => NetworkMode::Container(opts.to_string()),
            "ns" if opts.starts_with('/') => NetworkMode::Ns(PathBuf::from(opts)),
            // Anything else that could be a name is a user-defined network; whether it
            // exists is checked when the container is created.
            name if opts.is_empty()
                && !matches!(name, "container" | "ns" | "none" | "host")
                && crate::container::names::validate(name).is_ok() =>
            {
                NetworkMode::Bridge(name.to_string())
            }
            _ => return Err(NetworkError::Mode(s.to_string())),
        })
    }

    /// Has its own network namespace that cove creates and a helper connects.
    pub fn has_uplink(&self) -> bool {
        matches!(
            self,
            NetworkMode::Slirp4netns(_) | NetworkMode::Pasta(_) | NetworkMode::Bridge(_)
        )
    }

    /// The short name inspect shows as HostConfig.NetworkMode.
    pub fn kind(&self) -> &'static str {
        match self {
            NetworkMode::None => "none",
            NetworkMode::Host => "host",
            NetworkMode::Slirp4netns(_) => "slirp4netns",
            NetworkMode::Pasta(_) => "pasta",
            NetworkMode::Container(_) => "container",
            NetworkMode::Ns(_) => "ns",
            NetworkMode::Bridge(_) => "bridge",
        }
    }
}

/// Stored rows: "" (rows older than the default being recorded) is slirp4netns.
pub const STORED_DEFAULT: &str = "slirp4netns";

impl Default for NetworkMode {
    fn default() -> Self {
        NetworkMode::Slirp4netns(SlirpOptions::default())
    }
}

impl TryFrom<String> for NetworkMode {
    type Error = NetworkError;
    fn try_from(s: String) -> Result<Self, NetworkError> {
        NetworkMode::parse(&s, STORED_DEFAULT)
    }
}

impl From<NetworkMode> for String {
    fn from(m: NetworkMode) -> String {
        m.to_string()
    }
}

impl SlirpOptions {
    /// The options that differ from the defaults, in `parse`'s syntax.
    fn non_default(&self) -> Vec<String> {
        let d = SlirpOptions::default();
        let mut v = Vec::new();
        if self.allow_host_loopback {
            v.push("allow_host_loopback=true".to_string());
        }
        if let Some(c) = &self.cidr {
            v.push(format!("cidr={c}"));
        }
        if self.enable_ipv6 {
            v.push("enable_ipv6=true".to_string());
        }
        if self.mtu != d.mtu {
            v.push(format!("mtu={}", self.mtu));
        }
        if let Some(a) = &self.outbound_addr {
            v.push(format!("outbound_addr={a}"));
        }
        if let Some(a) = &self.outbound_addr6 {
            v.push(format!("outbound_addr6={a}"));
        }
        v
    }
}

/// The `--network` value that parses back to the same mode (what inspect shows).
impl std::fmt::Display for NetworkMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let with = |kind: &str, opts: &[String]| {
            if opts.is_empty() {
                kind.to_string()
            } else {
                format!("{kind}:{}", opts.join(","))
            }
        };
        let s = match self {
            NetworkMode::None => "none".to_string(),
            NetworkMode::Host => "host".to_string(),
            NetworkMode::Slirp4netns(o) => with("slirp4netns", &o.non_default()),
            NetworkMode::Pasta(args) => with("pasta", args),
            NetworkMode::Container(c) => format!("container:{c}"),
            NetworkMode::Ns(p) => format!("ns:{}", p.display()),
            NetworkMode::Bridge(name) => name.clone(),
        };
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_podman_spellings() {
        assert_eq!(
            NetworkMode::parse("", "slirp4netns").unwrap(),
            NetworkMode::Slirp4netns(SlirpOptions::default())
        );
        assert_eq!(NetworkMode::parse("none", "x").unwrap(), NetworkMode::None);
        assert_eq!(NetworkMode::parse("host", "x").unwrap(), NetworkMode::Host);
        let NetworkMode::Slirp4netns(o) = NetworkMode::parse(
            "slirp4netns:allow_host_loopback=true,enable_ipv6=true,mtu=1500,port_handler=slirp4netns",
            "",
        )
        .unwrap() else {
            panic!()
        };
        assert!(o.allow_host_loopback && o.enable_ipv6);
        assert_eq!(o.mtu, 1500);
        assert_eq!(
            NetworkMode::parse("pasta:-4,--mtu,1500", "").unwrap(),
            NetworkMode::Pasta(vec!["-4".into(), "--mtu".into(), "1500".into()])
        );
        assert_eq!(
            NetworkMode::parse("container:web", "").unwrap(),
            NetworkMode::Container("web".into())
        );
        assert_eq!(
            NetworkMode::parse("ns:/run/netns/x", "").unwrap(),
            NetworkMode::Ns("/run/netns/x".into())
        );
        assert_eq!(
            NetworkMode::parse("", "pasta").unwrap(),
            NetworkMode::Pasta(vec![])
        );
    }

    #[test]
    fn stored_text_round_trips() {
        for s in [
            "none",
            "host",
            "slirp4netns",
            "slirp4netns:allow_host_loopback=true,mtu=1500",
            "pasta",
            "pasta:-4,--mtu,1500",
            "container:web",
            "ns:/run/netns/x",
            "backend",
        ] {
            let m = NetworkMode::parse(s, "x").unwrap();
            assert_eq!(m.to_string(), s);
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(serde_json::from_str::<NetworkMode>(&json).unwrap(), m);
        }
        // Rows written before the mode was always recorded.
        assert_eq!(
            serde_json::from_str::<NetworkMode>(r#""""#).unwrap(),
            NetworkMode::default()
        );
        assert!(serde_json::from_str::<NetworkMode>(r#""bad/name""#).is_err());
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert_eq!(
            NetworkMode::parse("backend", "").unwrap(),
            NetworkMode::Bridge("backend".into())
        );
        for bad in [
            "bad/name",
            "container:",
            "ns:relative",
            "host:x",
            "slirp4netns:allow_host_loopback=maybe",
            "slirp4netns:nosuch=1",
            "slirp4netns:mtu=10",
            "slirp4netns:cidr=10.0.2.0/33",
        ] {
            assert!(NetworkMode::parse(bad, "slirp4netns").is_err(), "{bad}");
        }
    }
}
