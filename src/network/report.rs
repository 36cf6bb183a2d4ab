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
    #[serde(rename = "DNSEnabled")]
    pub dns_enabled: bool,
    pub network_interface: String,
    pub labels: BTreeMap<String, String>,
    /// The running containers on it, by ID.
    pub containers: BTreeMap<String, Endpoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Ipam {
    pub driver: &'static str,
    pub config: Vec<IpamConfig>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct IpamConfig {
    pub subnet: String,
    pub gateway: String,
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
            config: vec![IpamConfig {
                subnet: net.subnet.clone(),
                gateway: net.gateway.clone(),
            }],
        },
        internal: net.internal,
        dns_enabled: true,
        network_interface: net.interface.clone(),
        labels: net.labels.clone(),
        containers,
    }
}
