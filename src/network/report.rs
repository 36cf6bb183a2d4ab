//! A user-defined network as `network inspect`/`ls` and the Docker API's `GET /networks`
//! report it (API 1.44 `Network`, with Podman's `DNSEnabled` and `NetworkInterface`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::networks::NetworkConfig;
use crate::container::Container;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct NetworkReport {
    pub name: String,
    pub id: String,
    /// RFC 3339.
    pub created: String,
    pub scope: &'static str,
    pub driver: String,
    #[serde(rename = "EnableIPv6")]
    pub enable_ipv6: bool,
    #[serde(rename = "IPAM")]
    pub ipam: Ipam,
    pub internal: bool,
    /// Docker's swarm fields: every network takes containers, none is a routing mesh or
    /// a config-only one.
    pub attachable: bool,
    pub ingress: bool,
    pub config_only: bool,
    #[serde(rename = "DNSEnabled")]
    pub dns_enabled: bool,
    pub network_interface: String,
    pub labels: BTreeMap<String, String>,
    /// The driver options given at create (`--opt`).
    pub options: BTreeMap<String, String>,
    /// The running containers on it, by ID.
    pub containers: BTreeMap<String, Endpoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Ipam {
    pub driver: &'static str,
    /// `--ipam-opt`.
    pub options: BTreeMap<String, String>,
    pub config: Vec<IpamConfig>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct IpamConfig {
    pub subnet: String,
    pub gateway: String,
    /// `--ip-range`.
    #[serde(rename = "IPRange", skip_serializing_if = "String::is_empty")]
    pub ip_range: String,
    /// `--aux-address`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub auxiliary_addresses: BTreeMap<String, String>,
}

/// A running container's place on the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Endpoint {
    pub name: String,
    /// `ADDRESS/PREFIX`.
    #[serde(rename = "IPv4Address")]
    pub ipv4_address: String,
    pub mac_address: String,
    pub aliases: Vec<String>,
}

/// Containers whose configuration names the network (running or not).
pub fn users<'a>(all: &'a [Container], net: &NetworkConfig) -> Vec<&'a Container> {
    all.iter()
        .filter(|c| c.config.attachments.iter().any(|a| a.network == net.name))
        .collect()
}

/// `net` with the running containers among `all` that are on it.
pub fn report(net: &NetworkConfig, all: &[Container]) -> NetworkReport {
    let containers = users(all, net)
        .into_iter()
        .filter(|c| c.state.status.is_active())
        .filter_map(|c| {
            let ep = c
                .state
                .network
                .endpoints
                .iter()
                .find(|e| e.network == net.name)?;
            Some((
                c.id.clone(),
                Endpoint {
                    name: c.name.clone(),
                    ipv4_address: format!("{}/{}", ep.ip_address, ep.ip_prefix_len),
                    mac_address: ep.mac_address.clone(),
                    aliases: ep.aliases.clone(),
                },
            ))
        })
        .collect();
    NetworkReport {
        name: net.name.clone(),
        id: net.id.clone(),
        created: net.created.clone(),
        scope: "local",
        driver: net.driver.clone(),
        enable_ipv6: false,
        ipam: Ipam {
            driver: "default",
            options: net.ipam_options.clone(),
            config: vec![IpamConfig {
                subnet: net.subnet.clone(),
                gateway: net.gateway.clone(),
                ip_range: net.ip_range.clone().unwrap_or_default(),
                auxiliary_addresses: net.aux_addresses.clone(),
            }],
        },
        internal: net.internal,
        attachable: net.attachable,
        ingress: false,
        config_only: false,
        dns_enabled: net.dns_enabled,
        network_interface: net.interface.clone(),
        labels: net.labels.clone(),
        options: net.options.clone(),
        containers,
    }
}

/// The networks dockerd always has. cove has no daemon-owned bridge: Docker's `bridge`
/// is cove's default mode (each container in its own namespace behind slirp4netns or
/// pasta, as Podman maps `bridge` to its default network), `host` and `none` the modes.
pub const PREDEFINED: [&str; 3] = ["bridge", "host", "none"];

/// A fixed ID per predefined network, 64 hex digits as Docker's are.
pub fn predefined_id(name: &str) -> String {
    crate::image::store::sha256_digest(format!("cove-network-{name}").as_bytes())
        .trim_start_matches("sha256:")
        .to_string()
}

/// `name` (one of [`PREDEFINED`], or its ID or an ID prefix) with the running containers
/// in that mode.
pub fn predefined(key: &str, all: &[Container]) -> Option<NetworkReport> {
    use super::NetworkMode as M;
    let name = PREDEFINED
        .into_iter()
        .find(|n| *n == key || (key.len() >= 3 && predefined_id(n).starts_with(key)))?;
    let (driver, ipam_config) = match name {
        "bridge" => {
            let a = super::addr::slirp_addresses(super::addr::SLIRP_DEFAULT_CIDR).ok()?;
            (
                "bridge",
                vec![IpamConfig {
                    subnet: super::addr::SLIRP_DEFAULT_CIDR.into(),
                    gateway: a.gateway.to_string(),
                    ip_range: String::new(),
                    auxiliary_addresses: BTreeMap::new(),
                }],
            )
        }
        "host" => ("host", Vec::new()),
        _ => ("null", Vec::new()),
    };
    let containers = all
        .iter()
        .filter(|c| c.state.status.is_active())
        .filter(|c| {
            matches!(
                (&c.config.network, name),
                (M::Slirp4netns(_) | M::Pasta(_), "bridge") | (M::Host, "host") | (M::None, "none")
            )
        })
        .map(|c| {
            (
                c.id.clone(),
                Endpoint {
                    name: c.name.clone(),
                    ipv4_address: String::new(),
                    mac_address: String::new(),
                    aliases: Vec::new(),
                },
            )
        })
        .collect();
    Some(NetworkReport {
        name: name.to_string(),
        id: predefined_id(name),
        // Go's zero time: clients parse this field as a time.
        created: "0001-01-01T00:00:00Z".into(),
        scope: "local",
        driver: driver.to_string(),
        enable_ipv6: false,
        ipam: Ipam {
            driver: "default",
            options: BTreeMap::new(),
            config: ipam_config,
        },
        internal: false,
        attachable: false,
        ingress: false,
        config_only: false,
        dns_enabled: false,
        network_interface: String::new(),
        labels: BTreeMap::new(),
        options: BTreeMap::new(),
        containers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_networks_are_found_by_name_and_id() {
        let b = predefined("bridge", &[]).unwrap();
        assert_eq!(b.driver, "bridge");
        assert_eq!(b.ipam.config[0].subnet, "10.0.2.0/24");
        assert_eq!(b.id.len(), 64);
        assert_eq!(predefined(&b.id[..12], &[]).unwrap().name, "bridge");
        assert_eq!(predefined("none", &[]).unwrap().driver, "null");
        assert!(predefined("front", &[]).is_none());
    }
}
