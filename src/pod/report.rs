//! `pod inspect` and `pod ps` in Podman's shapes, and the view `pod ps --filter` matches.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Namespace, Pod, PodStatus};
use crate::container::Container;
use crate::network::NetworkMode;

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PodInspect {
    pub id: String,
    pub name: String,
    pub created: String,
    pub create_command: Vec<String>,
    pub exit_policy: &'static str,
    pub state: &'static str,
    pub hostname: String,
    pub labels: BTreeMap<String, String>,
    pub create_cgroup: bool,
    pub create_infra: bool,
    #[serde(rename = "InfraContainerID", skip_serializing_if = "Option::is_none")]
    pub infra_container_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infra_config: Option<InfraConfig>,
    pub shared_namespaces: Vec<&'static str>,
    pub num_containers: usize,
    pub containers: Vec<InspectMember>,
    /// What every member inherits, under Podman's (lowercase) keys.
    #[serde(rename = "mounts", skip_serializing_if = "Vec::is_empty")]
    pub mounts: Vec<crate::container::inspect::MountReport>,
    #[serde(rename = "security_opt", skip_serializing_if = "Vec::is_empty")]
    pub security_opt: Vec<String>,
    #[serde(rename = "volumes_from", skip_serializing_if = "Vec::is_empty")]
    pub volumes_from: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InfraConfig {
    pub port_bindings: BTreeMap<String, Vec<crate::container::inspect::PortBinding>>,
    pub host_network: bool,
    #[serde(rename = "StaticIP")]
    pub static_ip: String,
    #[serde(rename = "StaticMAC")]
    pub static_mac: String,
    pub no_manage_resolv_conf: bool,
    #[serde(rename = "DNSServer")]
    pub dns_server: Option<Vec<String>>,
    #[serde(rename = "DNSSearch")]
    pub dns_search: Option<Vec<String>>,
    #[serde(rename = "DNSOption")]
    pub dns_option: Option<Vec<String>>,
    pub no_manage_hosts: bool,
    pub host_add: Option<Vec<String>>,
    pub networks: Option<Vec<String>>,
    #[serde(rename = "pid_ns")]
    pub pid_ns: &'static str,
    #[serde(rename = "userns")]
    pub userns: &'static str,
    #[serde(rename = "uts_ns")]
    pub uts_ns: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InspectMember {
    pub id: String,
    pub name: String,
    pub state: &'static str,
}

fn non_empty(v: &[String]) -> Option<Vec<String>> {
    (!v.is_empty()).then(|| v.to_vec())
}

pub fn inspect(pod: &Pod, members: &[Container]) -> PodInspect {
    let infra = members.iter().find(|c| c.config.pod_infra);
    let infra_config = infra.map(|c| {
        let cfg = &c.config;
        InfraConfig {
            port_bindings: crate::container::inspect::port_bindings(&cfg.ports, false),
            host_network: cfg.network == NetworkMode::Host,
            static_ip: cfg
                .attachments
                .first()
                .and_then(|a| a.ip.clone())
                .unwrap_or_default(),
            static_mac: cfg.mac_address.clone().unwrap_or_default(),
            no_manage_resolv_conf: false,
            dns_server: non_empty(&cfg.dns),
            dns_search: non_empty(&cfg.dns_search),
            dns_option: non_empty(&cfg.dns_options),
            no_manage_hosts: cfg.no_hosts,
            host_add: non_empty(&cfg.add_hosts),
            networks: non_empty(
                &cfg.attachments
                    .iter()
                    .map(|a| a.network.clone())
                    .collect::<Vec<_>>(),
            ),
            pid_ns: if pod.shares(Namespace::Pid) {
                "pod"
            } else {
                "private"
            },
            // Podman's word for a keep-id pod's.
            userns: if pod.config.userns == crate::container::Userns::Host {
                "host"
            } else {
                "private"
            },
            uts_ns: if pod.shares(Namespace::Uts) {
                "pod"
            } else {
                "private"
            },
        }
    });
    PodInspect {
        id: pod.id.clone(),
        name: pod.name.clone(),
        created: pod
            .created()
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        create_command: pod.config.create_command.clone(),
        exit_policy: pod.config.exit_policy.as_str(),
        state: PodStatus::of(members).as_str(),
        hostname: pod.config.hostname.clone(),
        labels: pod.config.labels.clone(),
        create_cgroup: false,
        create_infra: pod.config.infra_id.is_some(),
        infra_container_id: pod.config.infra_id.clone(),
        infra_config,
        shared_namespaces: pod.config.share.iter().map(|n| n.as_str()).collect(),
        num_containers: members.len(),
        containers: members
            .iter()
            .map(|c| InspectMember {
                id: c.id.clone(),
                name: c.name.clone(),
                state: c.state.status.as_str(),
            })
            .collect(),
        mounts: pod
            .config
            .inherit
            .mounts
            .iter()
            .map(crate::container::inspect::mount_report)
            .collect(),
        security_opt: pod.config.inherit.security_opt.clone(),
        volumes_from: pod.config.inherit.volumes_from.clone(),
    }
}

/// A row of `pod ps`: Podman's JSON fields (its `--format json` prints these).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PodListEntry {
    pub cgroup: String,
    pub containers: Vec<ListMember>,
    pub created: String,
    pub id: String,
    pub infra_id: String,
    pub name: String,
    pub namespace: String,
    pub networks: Vec<String>,
    pub status: &'static str,
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListMember {
    pub id: String,
    pub names: String,
    pub status: &'static str,
}

pub fn list_entry(pod: &Pod, members: &[Container]) -> PodListEntry {
    PodListEntry {
        cgroup: String::new(),
        containers: members
            .iter()
            .map(|c| ListMember {
                id: c.id.clone(),
                names: c.name.clone(),
                status: c.state.status.as_str(),
            })
            .collect(),
        created: pod
            .created()
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        id: pod.id.clone(),
        infra_id: pod.config.infra_id.clone().unwrap_or_default(),
        name: pod.name.clone(),
        namespace: String::new(),
        networks: members
            .iter()
            .filter(|c| c.config.pod_infra)
            .flat_map(|c| c.config.attachments.iter().map(|a| a.network.clone()))
            .collect(),
        status: PodStatus::of(members).as_str(),
        labels: pod.config.labels.clone(),
    }
}

/// What `pod ps --filter` looks at: the pod and its containers.
pub struct PodView {
    pub pod: Pod,
    pub members: Vec<Container>,
}
