//! User-defined networks: their definitions (one JSON file each under
//! `$XDG_DATA_HOME/cove/networks/`, as Podman keeps them under containers/networks) and
//! the runtime side of each (addresses handed out, DNS records) under
//! `$XDG_RUNTIME_DIR/cove/networks/NAME/`.

use std::collections::BTreeMap;
use std::fs;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

use nix::fcntl::Flock;
use serde::{Deserialize, Serialize};

use super::ipam::{self, Subnet};
use super::NetworkError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkConfig {
    pub name: String,
    pub id: String,
    pub driver: String,
    pub subnet: String,
    pub gateway: String,
    /// No route out: containers reach each other only.
    pub internal: bool,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    pub created: String,
    /// The bridge in the per-user network namespace.
    pub interface: String,
    /// `--ip-range`: the part of the subnet containers' addresses come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_range: Option<String>,
    /// `--opt`: the driver options given (mtu, isolate, com.docker.network.bridge.name).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    /// Containers' names resolve on the network (`--disable-dns` turns it off).
    #[serde(default = "enabled")]
    pub dns_enabled: bool,
    /// `--aux-address NAME=IP`: addresses of the subnet never handed to a container.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aux_addresses: BTreeMap<String, String>,
    /// `--ipam-opt`: options for the address manager, kept and shown (cove's takes none).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ipam_options: BTreeMap<String, String>,
    /// `--attachable`: recorded for inspect; every cove network takes containers anyway.
    #[serde(default)]
    pub attachable: bool,
}

fn enabled() -> bool {
    true
}

impl NetworkConfig {
    pub fn subnet(&self) -> Result<Subnet, NetworkError> {
        Subnet::parse(&self.subnet)
    }

    /// Where containers' addresses come from: `--ip-range`, else the whole subnet.
    pub fn pool(&self) -> Result<Subnet, NetworkError> {
        match &self.ip_range {
            Some(r) => Subnet::parse(r),
            None => self.subnet(),
        }
    }

    /// `--opt mtu=N`; None for the kernel's default.
    pub fn mtu(&self) -> Option<u32> {
        self.options
            .get("mtu")
            .and_then(|m| m.parse().ok())
            .filter(|m| *m > 0)
    }

    pub fn gateway(&self) -> Result<Ipv4Addr, NetworkError> {
        self.gateway
            .parse()
            .map_err(|_| NetworkError::Option(format!("network {}: bad gateway", self.name)))
    }

    /// Addresses no container gets: the gateway and the `--aux-address`es.
    pub fn reserved(&self) -> Result<Vec<Ipv4Addr>, NetworkError> {
        let mut out = vec![self.gateway()?];
        out.extend(
            self.aux_addresses
                .values()
                .filter_map(|a| a.parse::<Ipv4Addr>().ok()),
        );
        Ok(out)
    }
}

/// What `network create` asks for.
#[derive(Debug, Default)]
pub struct CreateRequest {
    pub name: Option<String>,
    pub driver: Option<String>,
    pub subnet: Option<String>,
    pub gateway: Option<String>,
    pub internal: bool,
    pub labels: BTreeMap<String, String>,
    pub ip_range: Option<String>,
    pub options: BTreeMap<String, String>,
    pub disable_dns: bool,
    pub ipv6: bool,
    /// Docker's `--ipv4=false`.
    pub no_ipv4: bool,
    pub aux_addresses: BTreeMap<String, String>,
    pub ipam_options: BTreeMap<String, String>,
    pub attachable: bool,
    /// Docker's swarm options: `--scope`, `--ingress`, `--config-only`, `--config-from`.
    pub swarm: SwarmOptions,
}

/// What only a swarm manager does with a network; a local `--scope` is fine.
#[derive(Debug, Default)]
pub struct SwarmOptions {
    pub scope: Option<String>,
    pub ingress: bool,
    pub config_only: bool,
    pub config_from: Option<String>,
}

impl SwarmOptions {
    /// One line for the first option that needs a swarm (Docker's words where it has them).
    fn refuse(&self) -> Result<(), NetworkError> {
        let why = if let Some(s) = self.scope.as_deref().filter(|s| *s != "local") {
            if s != "swarm" && s != "global" {
                return Err(NetworkError::Refused(format!(
                    "invalid scope {s:?}: local, swarm or global"
                )));
            }
            format!("--scope {s}: swarm-scoped networks exist only in swarm mode")
        } else if self.ingress {
            "--ingress: the routing-mesh network exists only in swarm mode".to_string()
        } else if self.config_only {
            "--config-only: config-only networks hold settings for swarm-scoped networks"
                .to_string()
        } else if let Some(f) = &self.config_from {
            format!(
                "--config-from {f}: config-only networks hold settings for swarm-scoped networks"
            )
        } else {
            return Ok(());
        };
        Err(NetworkError::Refused(format!(
            "{why}, and cove has no swarm"
        )))
    }
}

/// Docker's `--aux-address NAME=IP` checks: each an IPv4 address of the subnet, none the
/// gateway.
fn check_aux(
    aux: &BTreeMap<String, String>,
    subnet: Option<&Subnet>,
    gateway: Ipv4Addr,
) -> Result<(), NetworkError> {
    for a in aux.values() {
        let ip: Ipv4Addr = a.parse().map_err(|_| {
            NetworkError::Refused(format!(
                "invalid --aux-address {a:?}: not an IPv4 address (cove's networks are IPv4 only)"
            ))
        })?;
        match subnet {
            Some(s) if s.contains(ip) => {}
            _ => {
                return Err(NetworkError::Refused(format!(
                    "no matching subnet for aux-address {a}"
                )))
            }
        }
        if ip == gateway {
            return Err(NetworkError::Refused(format!(
                "--aux-address {a} is the network's gateway"
            )));
        }
    }
    Ok(())
}

/// The bridge driver's options, checked as Podman checks them; the bridge's name when
/// one is given.
fn check_options(
    options: &BTreeMap<String, String>,
    existing: &[NetworkConfig],
) -> Result<Option<String>, NetworkError> {
    let mut bridge = None;
    for (k, v) in options {
        match k.as_str() {
            "mtu" => {
                v.parse::<u32>().map_err(|_| {
                    NetworkError::Refused(format!("invalid mtu option {v:?}: not a number"))
                })?;
            }
            "isolate" => {
                if !matches!(v.as_str(), "true" | "false" | "1" | "0") {
                    return Err(NetworkError::Refused(format!(
                        "failed to parse isolate option: {v:?} is not true or false"
                    )));
                }
            }
            "com.docker.network.bridge.name" => {
                let ok = !v.is_empty()
                    && v.len() <= 15
                    && v.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
                if !ok {
                    return Err(NetworkError::Refused(format!(
                        "invalid bridge name {v:?}: 1 to 15 letters, digits, '_', '.' or '-'"
                    )));
                }
                if let Some(other) = existing.iter().find(|e| e.interface == *v) {
                    return Err(NetworkError::Conflict(format!(
                        "bridge name {v} is already used by network {}",
                        other.name
                    )));
                }
                bridge = Some(v.clone());
            }
            "vlan" => {
                return Err(NetworkError::Refused(
                    "network option vlan: cove's bridges do not tag VLANs".into(),
                ))
            }
            _ => {
                return Err(NetworkError::Refused(format!(
                    "unsupported network option {k}"
                )))
            }
        }
    }
    Ok(bridge)
}

/// `--ip-range` as Podman takes it: a CIDR inside the subnet.
fn check_range(range: &str, subnet: &Subnet) -> Result<Subnet, NetworkError> {
    let r = Subnet::parse(range)?;
    let inside = subnet.contains(r.network) && r.prefix >= subnet.prefix;
    if !inside {
        return Err(NetworkError::Refused(format!(
            "lease range start ip {} not in subnet {subnet}",
            r.first()
        )));
    }
    Ok(r)
}

/// Names a user cannot give a network: they are `--network` modes.
const RESERVED_NAMES: &[&str] = &[
    "none",
    "host",
    "bridge",
    "private",
    "default",
    "slirp4netns",
    "pasta",
    "container",
    "ns",
];

pub struct Networks {
    defs: PathBuf,
    runtime: PathBuf,
    events: crate::events::EventLog,
}

fn io(what: String) -> impl FnOnce(std::io::Error) -> NetworkError {
    move |e| NetworkError::Io(what, e)
}

impl Networks {
    pub fn new(data: &Path, runtime: &Path) -> Networks {
        Networks {
            defs: data.join("networks"),
            runtime: runtime.join("networks"),
            events: crate::events::EventLog::new(data),
        }
    }

    /// Held while definitions change, so that two creates never pick one subnet.
    fn lock(&self) -> Result<Flock<fs::File>, NetworkError> {
        fs::create_dir_all(&self.defs).map_err(io(format!("creating {}", self.defs.display())))?;
        let path = self.defs.join(".lock");
        crate::paths::lock_file(&path).map_err(io(format!("locking {}", path.display())))
    }

    pub fn list(&self) -> Result<Vec<NetworkConfig>, NetworkError> {
        let mut out = Vec::new();
        let entries = match fs::read_dir(&self.defs) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => {
                return Err(NetworkError::Io(
                    format!("reading {}", self.defs.display()),
                    e,
                ))
            }
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "json") {
                let text =
                    fs::read_to_string(&p).map_err(io(format!("reading {}", p.display())))?;
                let n: NetworkConfig = serde_json::from_str(&text).map_err(|e| {
                    NetworkError::Option(format!("{} is corrupt: {e}", p.display()))
                })?;
                out.push(n);
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// By name, full ID or unique ID prefix.
    pub fn get(&self, key: &str) -> Result<NetworkConfig, NetworkError> {
        let all = self.list()?;
        if let Some(n) = all.iter().find(|n| n.name == key || n.id == key) {
            return Ok(n.clone());
        }
        let by_prefix: Vec<&NetworkConfig> = all
            .iter()
            .filter(|n| key.len() >= 3 && n.id.starts_with(key))
            .collect();
        match by_prefix.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(NetworkError::NotFound(key.to_string())),
            _ => Err(NetworkError::Conflict(format!(
                "network ID prefix {key:?} is ambiguous"
            ))),
        }
    }

    pub fn create(&self, req: CreateRequest) -> Result<NetworkConfig, NetworkError> {
        let driver = req.driver.unwrap_or_else(|| "bridge".into());
        if driver != "bridge" {
            return Err(NetworkError::Option(format!(
                "unsupported network driver {driver:?} (cove supports bridge)"
            )));
        }
        if req.ipv6 {
            return Err(NetworkError::Refused(
                "--ipv6: cove's bridge networks are IPv4 only (the per-user network namespace \
                 routes no IPv6)"
                    .into(),
            ));
        }
        if req.no_ipv4 {
            return Err(NetworkError::Refused(
                "--ipv4=false: cove's bridge networks are IPv4 only, so the network would have \
                 no addresses"
                    .into(),
            ));
        }
        req.swarm.refuse()?;
        if req.ip_range.is_some() && req.subnet.is_none() {
            return Err(NetworkError::Refused(
                "cannot set gateway or range without subnet".into(),
            ));
        }
        let _lock = self.lock()?;
        let existing = self.list()?;
        let bridge = check_options(&req.options, &existing)?;
        let name = match req.name {
            Some(n) => {
                crate::container::names::validate(&n)
                    .map_err(|e| NetworkError::Option(format!("network name {n:?}: {e}")))?;
                if RESERVED_NAMES.contains(&n.as_str()) {
                    return Err(NetworkError::Option(format!(
                        "network name {n:?} is reserved (it is a --network mode)"
                    )));
                }
                if existing.iter().any(|e| e.name == n) {
                    return Err(NetworkError::Exists(n));
                }
                n
            }
            None => (1..)
                .map(|i| format!("cove{i}"))
                .find(|n| !existing.iter().any(|e| &e.name == n))
                .unwrap_or_default(),
        };
        let used: Vec<Subnet> = existing.iter().filter_map(|n| n.subnet().ok()).collect();
        let subnet = match &req.subnet {
            Some(s) => {
                let s = Subnet::parse(s)?;
                ipam::check_free(&s, &used)?;
                s
            }
            None => {
                if req.gateway.is_some() {
                    return Err(NetworkError::Option("--gateway needs --subnet".into()));
                }
                ipam::free_subnet(&used)?
            }
        };
        let gateway = match &req.gateway {
            Some(g) => {
                let ip: Ipv4Addr = g.parse().map_err(|_| {
                    NetworkError::Option(format!("--gateway {g}: not an IPv4 address"))
                })?;
                if !subnet.hosts().any(|h| h == ip) {
                    return Err(NetworkError::Option(format!(
                        "--gateway {ip} is not a host address of {subnet}"
                    )));
                }
                ip
            }
            None => subnet.first(),
        };
        let ip_range = match &req.ip_range {
            Some(r) => Some(check_range(r, &subnet)?.to_string()),
            None => None,
        };
        // Docker matches aux addresses against the subnets the user gave.
        let given = req.subnet.is_some().then_some(&subnet);
        check_aux(&req.aux_addresses, given, gateway)?;
        let interface = bridge.unwrap_or_else(|| {
            (0..)
                .map(|i| format!("cove{i}"))
                .find(|i| !existing.iter().any(|e| &e.interface == i))
                .unwrap_or_default()
        });
        let id = crate::container::names::new_id()
            .map_err(|e| NetworkError::Option(format!("network ID: {e}")))?;
        let net = NetworkConfig {
            name,
            id,
            driver,
            subnet: subnet.to_string(),
            gateway: gateway.to_string(),
            internal: req.internal,
            labels: req.labels,
            created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
            interface,
            ip_range,
            options: req.options,
            dns_enabled: !req.disable_dns,
            aux_addresses: req.aux_addresses,
            ipam_options: req.ipam_options,
            attachable: req.attachable,
        };
        let path = self.defs.join(format!("{}.json", net.name));
        let tmp = self.defs.join(format!(".{}.json.tmp", net.name));
        let json = serde_json::to_vec_pretty(&net)
            .map_err(|e| NetworkError::Option(format!("encoding the network: {e}")))?;
        fs::write(&tmp, json).map_err(io(format!("writing {}", tmp.display())))?;
        fs::rename(&tmp, &path).map_err(io(format!("writing {}", path.display())))?;
        self.emit("create", &net);
        Ok(net)
    }

    /// Delete the definition (the caller has checked that no container uses it).
    pub fn remove(&self, net: &NetworkConfig) -> Result<(), NetworkError> {
        let _lock = self.lock()?;
        let path = self.defs.join(format!("{}.json", net.name));
        fs::remove_file(&path).map_err(io(format!("removing {}", path.display())))?;
        let _ = fs::remove_dir_all(self.runtime_dir(&net.name));
        self.emit("remove", net);
        Ok(())
    }

    fn emit(&self, status: &str, net: &NetworkConfig) {
        self.events.emit(&crate::events::Event::new(
            "network", status, &net.id, &net.name,
        ));
    }

    /// `NAME/ips/<address>` files (owner inside) and `NAME/dns/<container id>` records.
    pub fn runtime_dir(&self, name: &str) -> PathBuf {
        self.runtime.join(name)
    }

    pub fn addresses_dir(&self, name: &str) -> PathBuf {
        self.runtime_dir(name).join("ips")
    }

    pub fn dns_dir(&self, name: &str) -> PathBuf {
        self.runtime_dir(name).join("dns")
    }

    /// Addresses in use on any network: when none are, the per-user network namespace
    /// can go.
    pub fn any_in_use(&self) -> bool {
        fs::read_dir(&self.runtime)
            .map(|d| d.flatten().any(|e| ipam::in_use(&e.path().join("ips")) > 0))
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp() -> (PathBuf, Networks) {
        let base = std::env::temp_dir().join(format!(
            "cove-nets-{}-{}",
            std::process::id(),
            crate::container::names::new_id().unwrap()
        ));
        let n = Networks::new(&base.join("data"), &base.join("run"));
        (base, n)
    }

    #[test]
    fn create_list_get_remove() {
        let (base, nets) = temp();
        let a = nets
            .create(CreateRequest {
                name: Some("front".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            (a.subnet.as_str(), a.gateway.as_str()),
            ("10.89.1.0/24", "10.89.1.1")
        );
        let b = nets.create(CreateRequest::default()).unwrap();
        assert_eq!(b.name, "cove1");
        assert_eq!(b.subnet, "10.89.2.0/24");
        assert_ne!(a.interface, b.interface);
        assert!(matches!(
            nets.create(CreateRequest {
                name: Some("front".into()),
                ..Default::default()
            }),
            Err(NetworkError::Exists(_))
        ));
        let clash = nets.create(CreateRequest {
            name: Some("c".into()),
            subnet: Some("10.89.0.0/16".into()),
            ..Default::default()
        });
        assert!(matches!(clash, Err(NetworkError::Conflict(_))), "{clash:?}");
        assert!(nets
            .create(CreateRequest {
                name: Some("host".into()),
                ..Default::default()
            })
            .is_err());
        assert_eq!(nets.get(&a.id[..12]).unwrap().name, "front");
        nets.remove(&a).unwrap();
        assert!(matches!(nets.get("front"), Err(NetworkError::NotFound(_))));
        assert_eq!(nets.list().unwrap().len(), 1);
        let _ = fs::remove_dir_all(base);
    }
}
