//! What the engine reports about a container, in the Docker Engine API's shape (1.44,
//! `ContainerSummary` of `GET /containers/json`), so the CLI's `ps` and the API service
//! print the same values. The types are cove's own rather than bollard-stubs': cove fills
//! only the fields it has, and one dependency less keeps the CLI's build small.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::health;
use super::{Container, Status};

/// One row of `GET /containers/json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContainerSummary {
    pub id: String,
    /// Docker's names start with `/`.
    pub names: Vec<String>,
    pub image: String,
    #[serde(rename = "ImageID")]
    pub image_id: String,
    /// The command and its arguments, joined by spaces.
    pub command: String,
    /// Unix seconds.
    pub created: i64,
    pub ports: Vec<Port>,
    pub labels: BTreeMap<String, String>,
    /// created, running, paused, restarting or exited.
    pub state: String,
    /// "Up 5 minutes (healthy)", "Exited (0) 2 hours ago".
    pub status: String,
    pub mounts: Vec<MountPoint>,
    pub host_config: SummaryHostConfig,
    /// Always present: Compose reads its networks without checking for null.
    pub network_settings: SummaryNetworks,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SummaryHostConfig {
    pub network_mode: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SummaryNetworks {
    pub networks: BTreeMap<String, super::inspect::EndpointReport>,
}

/// A published port of a running container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Port {
    #[serde(rename = "IP")]
    pub ip: String,
    #[serde(rename = "PrivatePort")]
    pub private_port: u16,
    #[serde(rename = "PublicPort")]
    pub public_port: u16,
    #[serde(rename = "Type")]
    pub kind: String,
}

/// A mount as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MountPoint {
    #[serde(rename = "Type")]
    pub kind: String,
    pub source: String,
    pub destination: String,
    #[serde(rename = "RW")]
    pub rw: bool,
}

impl ContainerSummary {
    pub fn of(c: &Container, now: DateTime<Utc>) -> ContainerSummary {
        let ports = if c.state.status.is_active() {
            c.state
                .network
                .ports
                .iter()
                .map(|m| Port {
                    ip: m.host_ip_or_any().to_string(),
                    private_port: m.container_port,
                    public_port: m.host_port,
                    kind: m.protocol.clone(),
                })
                .collect()
        } else {
            Vec::new()
        };
        ContainerSummary {
            id: c.id.clone(),
            names: vec![format!("/{}", c.name)],
            image: c.config.image_name.clone(),
            image_id: c.image_id.clone(),
            command: c.config.args.join(" "),
            created: c.created_at.div_euclid(1_000_000_000),
            ports,
            labels: c.config.labels.clone(),
            state: c.state.status.as_str().to_string(),
            status: status_text(c, now),
            mounts: c
                .config
                .mounts
                .iter()
                .map(|m| MountPoint {
                    kind: m.kind.as_str().to_string(),
                    source: m.source.clone(),
                    destination: m.destination.clone(),
                    rw: !m.options.iter().any(|o| o == "ro"),
                })
                .collect(),
            host_config: SummaryHostConfig {
                network_mode: c.config.network.to_string(),
            },
            network_settings: SummaryNetworks {
                networks: super::inspect::endpoints(c),
            },
        }
    }

    /// The name without Docker's leading `/`.
    pub fn name(&self) -> &str {
        self.names
            .first()
            .map_or("", |n| n.strip_prefix('/').unwrap_or(n))
    }
}

/// "5 seconds", "About a minute", as Docker's STATUS column words a duration.
pub fn human_duration(secs: i64) -> String {
    match secs {
        s if s < 1 => "Less than a second".into(),
        1 => "1 second".into(),
        s if s < 60 => format!("{s} seconds"),
        s if s < 120 => "About a minute".into(),
        s if s < 3600 => format!("{} minutes", s / 60),
        s if s < 7200 => "About an hour".into(),
        s if s < 48 * 3600 => format!("{} hours", s / 3600),
        s if s < 14 * 86400 => format!("{} days", s / 86400),
        s if s < 60 * 86400 => format!("{} weeks", s / (7 * 86400)),
        s if s < 730 * 86400 => format!("{} months", s / (30 * 86400)),
        s => format!("{} years", s / (365 * 86400)),
    }
}

/// Docker's status text: "Up 5 seconds (healthy)", "Exited (3) 2 minutes ago", ...
pub fn status_text(c: &Container, now: DateTime<Utc>) -> String {
    let since = |t: &str| {
        crate::time::parse_rfc3339(t)
            .map(|t| (now - t).num_seconds())
            .unwrap_or(0)
    };
    match c.state.status {
        Status::Created => "Created".into(),
        Status::Initialized => "Initialized".into(),
        Status::Running => {
            let up = format!("Up {}", human_duration(since(&c.state.started_at)));
            // "(health: starting)" before the first result, as Docker says it.
            match c.state.health.as_ref().map(|h| h.status.as_str()) {
                Some(health::STARTING) => format!("{up} (health: starting)"),
                Some(h) => format!("{up} ({h})"),
                None => up,
            }
        }
        Status::Paused => format!("Up {} (Paused)", human_duration(since(&c.state.started_at))),
        Status::Exited => format!(
            "Exited ({}) {} ago",
            c.state.exit_code,
            human_duration(since(&c.state.finished_at))
        ),
        Status::Restarting => format!(
            "Restarting ({}) {} ago",
            c.state.exit_code,
            human_duration(since(&c.state.finished_at))
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::health::HealthState;
    use crate::container::{ContainerConfig, ContainerState, MountKind, MountSpec};
    use crate::network::PortMapping;

    fn at(s: &str) -> DateTime<Utc> {
        crate::time::parse_rfc3339(s).expect("test time")
    }

    fn container(status: Status) -> Container {
        Container {
            id: "0123456789abcdef".into(),
            name: "web".into(),
            image_id: "sha256:feed".into(),
            created_at: 1_700_000_000_500_000_000,
            config: ContainerConfig {
                image_name: "busybox".into(),
                args: vec!["sleep".into(), "60".into()],
                labels: [("app".to_string(), "shop".to_string())].into(),
                mounts: vec![MountSpec {
                    kind: MountKind::Volume,
                    source: "/data/v".into(),
                    destination: "/v".into(),
                    options: vec!["ro".into()],
                }],
                ..Default::default()
            },
            state: ContainerState {
                status,
                exit_code: 3,
                started_at: "2026-01-01T00:00:00Z".into(),
                finished_at: "2026-01-01T00:10:00Z".into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn durations_read_like_docker() {
        assert_eq!(human_duration(0), "Less than a second");
        assert_eq!(human_duration(5), "5 seconds");
        assert_eq!(human_duration(90), "About a minute");
        assert_eq!(human_duration(600), "10 minutes");
        assert_eq!(human_duration(3 * 3600), "3 hours");
    }

    #[test]
    fn status_says_how_long_and_how_healthy() {
        let now = at("2026-01-01T00:20:00Z");
        let mut c = container(Status::Running);
        assert_eq!(status_text(&c, now), "Up 20 minutes");
        c.state.health = Some(HealthState {
            status: health::STARTING.into(),
            ..Default::default()
        });
        assert_eq!(status_text(&c, now), "Up 20 minutes (health: starting)");
        c.state.health = Some(HealthState {
            status: "healthy".into(),
            ..Default::default()
        });
        assert_eq!(status_text(&c, now), "Up 20 minutes (healthy)");
        assert_eq!(
            status_text(&container(Status::Exited), now),
            "Exited (3) 10 minutes ago"
        );
        assert_eq!(status_text(&container(Status::Created), now), "Created");
        assert_eq!(
            status_text(&container(Status::Paused), now),
            "Up 20 minutes (Paused)"
        );
    }

    #[test]
    fn summary_is_docker_shaped() {
        let now = at("2026-01-01T00:20:00Z");
        let mut c = container(Status::Running);
        c.state.network.ports = vec![PortMapping {
            host_ip: String::new(),
            host_port: 8080,
            host_port_last: 0,
            container_port: 80,
            protocol: "tcp".into(),
        }];
        let s = ContainerSummary::of(&c, now);
        assert_eq!(s.name(), "web");
        let v = serde_json::to_value(&s).expect("serialisable");
        assert_eq!(v["Names"], serde_json::json!(["/web"]));
        assert_eq!(v["ImageID"], "sha256:feed");
        assert_eq!(v["Command"], "sleep 60");
        assert_eq!(v["Created"], 1_700_000_000);
        assert_eq!(v["State"], "running");
        assert_eq!(
            v["Ports"],
            serde_json::json!([{"IP": "0.0.0.0", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"}])
        );
        assert_eq!(v["Labels"]["app"], "shop");
        assert_eq!(v["Mounts"][0]["RW"], false);
        assert_eq!(v["NetworkSettings"]["Networks"], serde_json::json!({}));
        // A stopped container publishes nothing.
        c.state.status = Status::Exited;
        assert!(ContainerSummary::of(&c, now).ports.is_empty());
    }
}
