//! `kube generate`: containers (or a played pod's members) to a Pod, and with `--service`
//! a NodePort Service for its published ports. Only what differs from the image is
//! written (environment, command, working directory), as Podman does, so the file stays
//! true when the image is rebuilt.

use std::collections::BTreeMap;

use super::yaml::{
    Capabilities, ContainerPort, EmptyDir, EnvVar, HostPath, ObjectMeta, Pod, PodSpec, PvcSource,
    SecurityContext, Service, ServicePort, ServiceSpec, Volume, VolumeMount,
};
use super::{KubeError, Result, POD_LABEL};
use crate::container::create::{ImageConfig, DEFAULT_PATH};
use crate::container::restart::PolicyName;
use crate::container::{Container, ContainerError, Engine, MountKind};

const HEADER: &str = "# Save the output of this file and use kubectl create -f to import\n\
                      # it into Kubernetes.\n#\n";

/// A pod to write: its name and members.
struct Group {
    name: String,
    /// A cove pod (members named `<pod>-<container>` by `kube play` lose the prefix),
    /// or None for containers named directly.
    pod: Option<crate::pod::Pod>,
    members: Vec<Container>,
    /// The ports the pod publishes: its infra container's.
    pod_ports: Vec<crate::network::PortMapping>,
}

/// The YAML for these containers and pods (`--service`: with a Service for each pod).
/// Containers named directly share one pod, named after the first (`NAME-pod`).
pub fn generate(engine: &Engine, names: &[String], service: bool) -> Result<String> {
    let mut groups: Vec<Group> = Vec::new();
    let mut loose: Vec<Container> = Vec::new();
    for n in names {
        match crate::pod::find(&engine.store, n) {
            Ok(pod) => {
                let (infra, members): (Vec<Container>, Vec<Container>) =
                    crate::pod::ops::members(engine, &pod)?
                        .into_iter()
                        .partition(|c| c.config.pod_infra);
                if members.is_empty() {
                    return Err(KubeError::Invalid(format!(
                        "pod {} has no containers but its infra container: nothing to generate",
                        pod.name
                    )));
                }
                groups.push(Group {
                    name: pod.name.clone(),
                    pod_ports: infra
                        .first()
                        .map(|c| c.config.ports.clone())
                        .unwrap_or_default(),
                    pod: Some(pod),
                    members,
                });
                continue;
            }
            Err(crate::pod::PodError::NotFound(_)) => {}
            Err(e) => return Err(e.into()),
        }
        match engine.lookup(n) {
            Ok(c) => loose.push(c),
            Err(ContainerError::NotFound(_)) => return Err(KubeError::NoPod(n.clone())),
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(first) = loose.first() {
        groups.insert(
            0,
            Group {
                name: format!("{}-pod", first.name),
                pod: None,
                members: loose,
                pod_ports: Vec::new(),
            },
        );
    }
    let mut out = format!(
        "{HEADER}# Created with cove-{}\n",
        env!("CARGO_PKG_VERSION")
    );
    for g in &groups {
        let pod = pod_for(engine, g)?;
        if service {
            out.push_str("---\n");
            out.push_str(&serde_yaml_ng::to_string(&service_for(&pod))?);
        }
        out.push_str("---\n");
        out.push_str(&serde_yaml_ng::to_string(&pod)?);
    }
    Ok(out)
}

fn pod_for(engine: &Engine, g: &Group) -> Result<Pod> {
    let mut meta = ObjectMeta {
        name: g.name.clone(),
        ..ObjectMeta::default()
    };
    meta.labels.insert("app".into(), g.name.clone());
    if let Some(p) = &g.pod {
        meta.labels.extend(p.config.labels.clone());
    }
    let mut volumes = Volumes::default();
    let mut containers = Vec::new();
    for c in &g.members {
        let image = image_config(engine, c);
        let image_labels = image.config.labels().clone().unwrap_or_default();
        for (k, v) in &c.config.labels {
            if image_labels.get(k) != Some(v) && k != POD_LABEL {
                meta.labels.insert(k.clone(), v.clone());
            }
        }
        meta.annotations.extend(c.config.annotations.clone());
        let name = match c.name.strip_prefix(&format!("{}-", g.name)) {
            Some(short) if g.pod.is_some() && !short.is_empty() => short.to_string(),
            _ => c.name.clone(),
        };
        containers.push(container_for(engine, c, name, &image, &mut volumes));
    }
    // A pod's ports are published by its infra container; Kubernetes puts them on a
    // container, Podman on the first.
    if let Some(first) = containers.first_mut() {
        first.ports.extend(g.pod_ports.iter().map(port_for));
    }
    let restart = g
        .members
        .first()
        .map(|c| c.config.restart.name)
        .unwrap_or_default();
    let hostname = g
        .pod
        .as_ref()
        .map(|p| p.config.hostname.clone())
        .filter(|h| !h.is_empty() && *h != g.name);
    Ok(Pod {
        api_version: "v1".into(),
        kind: "Pod".into(),
        metadata: meta,
        spec: PodSpec {
            automount_service_account_token: Some(false),
            containers,
            enable_service_links: Some(false),
            hostname,
            security_context: None,
            restart_policy: Some(
                match restart {
                    PolicyName::No => "Never",
                    PolicyName::OnFailure => "OnFailure",
                    PolicyName::Always | PolicyName::UnlessStopped => "Always",
                }
                .into(),
            ),
            volumes: volumes.list,
        },
    })
}

fn port_for(p: &crate::network::PortMapping) -> ContainerPort {
    ContainerPort {
        container_port: p.container_port.into(),
        host_ip: (!p.host_ip.is_empty()).then(|| p.host_ip.clone()),
        host_port: (p.host_port != 0).then_some(p.host_port.into()),
        name: None,
        protocol: (p.protocol != "tcp").then(|| p.protocol.to_ascii_uppercase()),
    }
}

/// The image's config, or an empty one when the image is gone (then everything the
/// container has counts as its own).
fn image_config(engine: &Engine, c: &Container) -> ImageConfig {
    engine
        .store
        .find(&c.image_id)
        .map(|i| ImageConfig::from_json(&i.config))
        .unwrap_or_default()
}

fn container_for(
    engine: &Engine,
    c: &Container,
    name: String,
    image: &ImageConfig,
    volumes: &mut Volumes,
) -> super::yaml::Container {
    let cfg = &c.config;
    let (command, args) = command_and_args(&cfg.args, &cfg.entrypoint, &cfg.cmd);
    let mut image_env = image.config.env().clone().unwrap_or_default();
    if !image_env.iter().any(|e| e.starts_with("PATH=")) {
        image_env.push(DEFAULT_PATH.into());
    }
    let env = cfg
        .env
        .iter()
        .filter(|e| !(image_env.contains(e) || cfg.tty && e.as_str() == "TERM=xterm"))
        .map(|e| {
            let (k, v) = e.split_once('=').unwrap_or((e, ""));
            EnvVar {
                name: k.into(),
                value: Some(v.into()),
                value_from: None,
            }
        })
        .collect();
    let ports = cfg.ports.iter().map(port_for).collect();
    let image_dir = image.config.working_dir().clone().unwrap_or_default();
    let working_dir = (!cfg.working_dir.is_empty()
        && cfg.working_dir != image_dir
        && !(image_dir.is_empty() && cfg.working_dir == "/"))
        .then(|| cfg.working_dir.clone());
    let volume_mounts = cfg
        .mounts
        .iter()
        .map(|m| VolumeMount {
            mount_path: m.destination.clone(),
            name: volumes.add(engine, m),
            read_only: m.options.iter().any(|o| o == "ro"),
        })
        .collect();
    super::yaml::Container {
        args,
        command,
        env,
        env_from: Vec::new(),
        image: Some(cfg.image_name.clone()),
        name,
        ports,
        security_context: security_context(c),
        stdin: cfg.interactive,
        tty: cfg.tty,
        volume_mounts,
        working_dir,
    }
}

/// Kubernetes' command replaces the image's entrypoint (dropping its Cmd), args replace
/// the Cmd: the shortest pair that gives `full` with this image.
fn command_and_args(
    full: &[String],
    entrypoint: &[String],
    cmd: &[String],
) -> (Vec<String>, Vec<String>) {
    if !entrypoint.is_empty() && full.starts_with(entrypoint) {
        let rest = &full[entrypoint.len()..];
        if rest == cmd {
            return (Vec::new(), Vec::new());
        }
        if !rest.is_empty() {
            return (Vec::new(), rest.to_vec());
        }
    }
    if entrypoint.is_empty() && full == cmd {
        return (Vec::new(), Vec::new());
    }
    (full.to_vec(), Vec::new())
}

fn security_context(c: &Container) -> Option<SecurityContext> {
    let cfg = &c.config;
    let (user, group) = match cfg.user.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (cfg.user.as_str(), None),
    };
    let normalise = |caps: &[String]| -> Vec<String> {
        caps.iter()
            .map(|c| {
                let c = c.to_ascii_uppercase();
                if c == "ALL" || c.starts_with("CAP_") {
                    c
                } else {
                    format!("CAP_{c}")
                }
            })
            .collect()
    };
    let sc = SecurityContext {
        capabilities: (!cfg.cap_add.is_empty() || !cfg.cap_drop.is_empty()).then(|| Capabilities {
            add: normalise(&cfg.cap_add),
            drop: normalise(&cfg.cap_drop),
        }),
        privileged: cfg.privileged.then_some(true),
        read_only_root_filesystem: cfg.read_only.then_some(true),
        // Names mean nothing without the image's /etc/passwd: only numbers are written.
        run_as_group: group.and_then(|g| g.parse().ok()),
        run_as_user: user.parse().ok(),
    };
    (sc != SecurityContext::default()).then_some(sc)
}

/// The pod's volumes, one per source, named as Podman names them.
#[derive(Default)]
struct Volumes {
    list: Vec<Volume>,
    by_source: BTreeMap<(String, String), String>,
}

impl Volumes {
    fn add(&mut self, engine: &Engine, m: &crate::container::MountSpec) -> String {
        let key = (m.kind.as_str().to_string(), m.source.clone());
        if let Some(name) = self
            .by_source
            .get(&key)
            .filter(|_| m.kind != MountKind::Tmpfs)
        {
            return name.clone();
        }
        let n = self.list.len();
        let mut v = Volume::default();
        match m.kind {
            MountKind::Bind => {
                v.name = format!("{}-host-{n}", dns_label(&m.source));
                v.host_path = Some(HostPath {
                    path: m.source.clone(),
                    kind: Some(
                        if std::path::Path::new(&m.source).is_dir() {
                            "Directory"
                        } else {
                            "File"
                        }
                        .into(),
                    ),
                });
            }
            MountKind::Tmpfs => {
                v.name = format!("tmpfs-{n}");
                v.empty_dir = Some(EmptyDir {
                    medium: Some("Memory".into()),
                });
            }
            MountKind::Volume => {
                let record = crate::volume::find(&engine.store, &m.source).ok();
                let played = record.as_ref().and_then(|r| r.labels.get(POD_LABEL));
                if record.as_ref().is_some_and(|r| r.anonymous) || played.is_some() {
                    // Made for this container or pod alone: scratch space on a cluster.
                    let short = played
                        .and_then(|p| m.source.strip_prefix(&format!("{p}-")))
                        .map(dns_label)
                        .unwrap_or_else(|| format!("volume-{n}"));
                    v.name = short;
                    v.empty_dir = Some(EmptyDir::default());
                } else {
                    v.name = format!("{}-pvc", dns_label(&m.source));
                    v.persistent_volume_claim = Some(PvcSource {
                        claim_name: m.source.clone(),
                        read_only: false,
                    });
                }
            }
        }
        self.by_source.insert(key, v.name.clone());
        let name = v.name.clone();
        self.list.push(v);
        name
    }
}

/// A name Kubernetes accepts for a volume (an RFC 1123 label): lower case, digits and
/// dashes, at most 63 characters.
fn dns_label(s: &str) -> String {
    let mut out: String = s
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    out = out.trim_matches('-').to_string();
    while out.contains("--") {
        out = out.replace("--", "-");
    }
    out.truncate(50);
    if out.is_empty() {
        out.push('v');
    }
    out
}

/// `--service`: a NodePort Service for the pod's published ports.
fn service_for(pod: &Pod) -> Service {
    let ports = pod
        .spec
        .containers
        .iter()
        .flat_map(|c| &c.ports)
        .filter(|p| p.host_port.is_some())
        .map(|p| ServicePort {
            name: p.container_port.to_string(),
            port: p.container_port as u16,
            protocol: p.protocol.clone().unwrap_or_else(|| "TCP".into()),
            target_port: p.container_port as u16,
        })
        .collect();
    Service {
        api_version: "v1".into(),
        kind: "Service".into(),
        metadata: ObjectMeta {
            name: pod.metadata.name.clone(),
            labels: BTreeMap::from([("app".into(), pod.metadata.name.clone())]),
            ..ObjectMeta::default()
        },
        spec: ServiceSpec {
            ports,
            selector: BTreeMap::from([("app".into(), pod.metadata.name.clone())]),
            kind: "NodePort".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn command_and_args_are_the_difference_from_the_image() {
        // busybox: no entrypoint, Cmd sh.
        assert_eq!(
            command_and_args(&s(&["sleep", "9"]), &[], &s(&["sh"])),
            (s(&["sleep", "9"]), vec![])
        );
        assert_eq!(
            command_and_args(&s(&["sh"]), &[], &s(&["sh"])),
            (vec![], vec![])
        );
        // An entrypoint image given other arguments.
        assert_eq!(
            command_and_args(&s(&["/ep", "-x"]), &s(&["/ep"]), &s(&["-d"])),
            (vec![], s(&["-x"]))
        );
        assert_eq!(
            command_and_args(&s(&["/ep", "-d"]), &s(&["/ep"]), &s(&["-d"])),
            (vec![], vec![])
        );
        // The entrypoint replaced.
        assert_eq!(
            command_and_args(&s(&["/bin/sh", "-c", "x"]), &s(&["/ep"]), &s(&["-d"])),
            (s(&["/bin/sh", "-c", "x"]), vec![])
        );
    }

    #[test]
    fn volume_names_are_dns_labels() {
        assert_eq!(dns_label("/tmp/My_Dir/x"), "tmp-my-dir-x");
        assert_eq!(dns_label("///"), "v");
    }
}
