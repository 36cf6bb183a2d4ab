//! `kube play`, first half: the YAML documents to a `Plan` (volumes to make, pods of
//! create requests), with no I/O, so a file with any mistake is refused whole before
//! anything exists. `apply.rs` carries the plan out.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::yaml::{self, ConfigMap, Deployment, PersistentVolumeClaim, Pod, PodSpec};
use super::{KubeError, Result};
use crate::container::create::CreateRequest;
use crate::container::restart::{PolicyName, RestartPolicy};
use crate::container::{MountKind, MountSpec};
use crate::network::PortMapping;

/// Everything a file asks for.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Named volumes (claims), made if missing.
    pub volumes: Vec<String>,
    pub pods: Vec<PodPlan>,
}

/// One pod: what its infra container carries (name, hostname, labels, published ports)
/// and its members' requests.
#[derive(Debug, Clone)]
pub struct PodPlan {
    pub name: String,
    pub hostname: Option<String>,
    pub labels: BTreeMap<String, String>,
    /// `hostPort`s of every container: the pod's, held by its infra container.
    pub publish: Vec<PortMapping>,
    pub containers: Vec<CreateRequest>,
    /// `emptyDir` volumes: made for the pod, removed with it.
    pub scratch_volumes: Vec<String>,
    /// `hostPath` directories of type `DirectoryOrCreate`, made before the containers.
    pub make_dirs: Vec<String>,
}

impl Plan {
    /// The images the plan needs, each once.
    pub fn images(&self) -> Vec<String> {
        let mut images: Vec<String> = Vec::new();
        for c in self.pods.iter().flat_map(|p| &p.containers) {
            if !images.contains(&c.image) {
                images.push(c.image.clone());
            }
        }
        images
    }
}

/// One YAML document: its kind and the raw value, read once into the typed structs.
struct Document {
    kind: String,
    value: serde_yaml_ng::Value,
    number: usize,
}

fn invalid(msg: impl Into<String>) -> KubeError {
    KubeError::Invalid(msg.into())
}

/// The documents of a multi-document YAML text.
fn documents(text: &str, source: &str) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for (i, de) in serde_yaml_ng::Deserializer::from_str(text).enumerate() {
        let value = serde_yaml_ng::Value::deserialize(de)
            .map_err(|e| KubeError::Yaml(format!("{source}: malformed YAML: {e}")))?;
        if value.is_null() {
            continue;
        }
        let kind = value
            .get("kind")
            .and_then(|k| k.as_str())
            .ok_or_else(|| invalid(format!("{source}: document {} has no kind", i + 1)))?
            .to_string();
        docs.push(Document {
            kind,
            value,
            number: i + 1,
        });
    }
    Ok(docs)
}

/// A document into its type; a mistake names the field (`spec.containers[0].ports`).
fn typed<T: serde::de::DeserializeOwned>(doc: &Document, source: &str) -> Result<T> {
    serde_path_to_error::deserialize(doc.value.clone()).map_err(|e| {
        invalid(format!(
            "{source}: {} (document {}): {}: {}",
            doc.kind,
            doc.number,
            e.path(),
            e.inner()
        ))
    })
}

/// ConfigMaps by name, from `--configmap` files (their documents must all be ConfigMaps).
pub fn configmaps(files: &[(String, String)]) -> Result<BTreeMap<String, ConfigMap>> {
    let mut maps = BTreeMap::new();
    for (source, text) in files {
        for doc in documents(text, source)? {
            if doc.kind != "ConfigMap" {
                return Err(invalid(format!(
                    "{source}: --configmap files hold ConfigMaps, not {}",
                    doc.kind
                )));
            }
            let map: ConfigMap = typed(&doc, source)?;
            maps.insert(map.metadata.name.clone(), map);
        }
    }
    Ok(maps)
}

/// The names of the pods a file describes (what `kube down` takes down): only kinds and
/// names are read, so a file whose ConfigMaps are gone can still be taken down.
pub fn pod_names(text: &str, source: &str) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for doc in documents(text, source)? {
        let name = || {
            doc.value
                .get("metadata")
                .and_then(|m| m.get("name"))
                .and_then(|n| n.as_str())
                .unwrap_or_default()
                .to_string()
        };
        match doc.kind.as_str() {
            "Pod" => names.push(name()),
            "Deployment" => {
                let d: Deployment = typed(&doc, source)?;
                names.extend(
                    (0..d.spec.replicas.unwrap_or(1)).map(|i| format!("{}-pod-{i}", name())),
                );
            }
            _ => {}
        }
    }
    Ok(names)
}

/// The plan for a file's text. `extra_maps` come from `--configmap`.
pub fn plan(text: &str, source: &str, extra_maps: BTreeMap<String, ConfigMap>) -> Result<Plan> {
    let docs = documents(text, source)?;
    if docs.is_empty() {
        return Err(invalid(format!("{source}: no YAML documents")));
    }
    let mut maps = extra_maps;
    let mut plan = Plan::default();
    // ConfigMaps and claims first: a pod may come before the map it reads.
    for doc in &docs {
        match doc.kind.as_str() {
            "ConfigMap" => {
                let map: ConfigMap = typed(doc, source)?;
                maps.insert(map.metadata.name.clone(), map);
            }
            "PersistentVolumeClaim" => {
                let claim: PersistentVolumeClaim = typed(doc, source)?;
                let name = claim.metadata.name;
                crate::volume::validate_name(&name)
                    .map_err(|e| invalid(format!("{source}: PersistentVolumeClaim: {e}")))?;
                if !plan.volumes.contains(&name) {
                    plan.volumes.push(name);
                }
            }
            // A Service is the cluster's business (what `generate --service` adds).
            "Pod" | "Deployment" | "Service" => {}
            other => {
                return Err(invalid(format!(
                    "{source}: document {}: unsupported kind {other:?}: cove plays Pod, \
                     Deployment, ConfigMap and PersistentVolumeClaim (and skips Service)",
                    doc.number
                )))
            }
        }
    }
    for doc in &docs {
        match doc.kind.as_str() {
            "Pod" => {
                let pod: Pod = typed(doc, source)?;
                let ctx = PodContext {
                    source,
                    name: &pod.metadata.name,
                    meta: &pod.metadata,
                    maps: &maps,
                };
                plan.pods.push(ctx.plan(&pod.spec)?);
            }
            "Deployment" => {
                let d: Deployment = typed(doc, source)?;
                let replicas = d.spec.replicas.unwrap_or(1);
                // The template's metadata is what each pod gets, as on a cluster.
                let mut meta = d.spec.template.metadata.clone();
                meta.labels.extend(d.metadata.labels.clone());
                for i in 0..replicas {
                    let name = format!("{}-pod-{i}", d.metadata.name);
                    let ctx = PodContext {
                        source,
                        name: &name,
                        meta: &meta,
                        maps: &maps,
                    };
                    plan.pods.push(ctx.plan(&d.spec.template.spec)?);
                }
            }
            _ => {}
        }
    }
    let mut names: Vec<&str> = Vec::new();
    for p in &plan.pods {
        if names.contains(&p.name.as_str()) {
            return Err(invalid(format!("{source}: two pods named {:?}", p.name)));
        }
        names.push(&p.name);
    }
    for p in &plan.pods {
        for c in &p.containers {
            for m in c.mounts.iter().filter(|m| m.kind == MountKind::Volume) {
                if !plan.volumes.contains(&m.source) && !p.scratch_volumes.contains(&m.source) {
                    plan.volumes.push(m.source.clone());
                }
            }
        }
    }
    Ok(plan)
}

/// What a pod's containers are planned from.
struct PodContext<'a> {
    source: &'a str,
    name: &'a str,
    meta: &'a yaml::ObjectMeta,
    maps: &'a BTreeMap<String, ConfigMap>,
}

impl PodContext<'_> {
    fn err(&self, msg: impl std::fmt::Display) -> KubeError {
        invalid(format!("{}: pod {:?}: {msg}", self.source, self.name))
    }

    fn plan(&self, spec: &PodSpec) -> Result<PodPlan> {
        if self.name.is_empty() {
            return Err(invalid(format!(
                "{}: a pod without metadata.name",
                self.source
            )));
        }
        crate::container::names::validate(self.name).map_err(|e| self.err(e))?;
        if spec.containers.is_empty() {
            return Err(self.err("no containers"));
        }
        let restart = match spec.restart_policy.as_deref() {
            None | Some("Always") => PolicyName::Always,
            Some("OnFailure") => PolicyName::OnFailure,
            Some("Never") => PolicyName::No,
            Some(other) => {
                return Err(self.err(format_args!(
                    "restartPolicy {other:?}: use Always, OnFailure or Never"
                )))
            }
        };
        let mut pod = PodPlan {
            name: self.name.to_string(),
            hostname: spec.hostname.clone().filter(|h| !h.is_empty()),
            labels: self.meta.labels.clone(),
            publish: Vec::new(),
            containers: Vec::new(),
            scratch_volumes: Vec::new(),
            make_dirs: Vec::new(),
        };
        let volumes = self.volumes(spec, &mut pod)?;
        let mut seen = Vec::new();
        for c in &spec.containers {
            if c.name.is_empty() {
                return Err(self.err("a container without a name"));
            }
            if seen.contains(&c.name.as_str()) {
                return Err(self.err(format_args!("two containers named {:?}", c.name)));
            }
            seen.push(&c.name);
            let mut req = self.request(c, &volumes, spec.security_context.as_ref())?;
            // The pod's network is its infra container's: the ports are published there.
            pod.publish.append(&mut req.publish);
            req.restart = RestartPolicy {
                name: restart,
                max_retries: 0,
            };
            pod.containers.push(req);
        }
        Ok(pod)
    }

    /// The pod's volumes by name, as mounts (destination left empty).
    fn volumes(&self, spec: &PodSpec, pod: &mut PodPlan) -> Result<BTreeMap<String, MountSpec>> {
        let mut out = BTreeMap::new();
        for v in &spec.volumes {
            let mount = |kind, source: String| MountSpec {
                kind,
                source,
                destination: String::new(),
                options: Vec::new(),
            };
            let m = match (&v.host_path, &v.empty_dir, &v.persistent_volume_claim) {
                (Some(h), None, None) => {
                    if !h.path.starts_with('/') {
                        return Err(self.err(format_args!(
                            "volume {:?}: hostPath {:?} is not absolute",
                            v.name, h.path
                        )));
                    }
                    match h.kind.as_deref() {
                        None
                        | Some("" | "Directory" | "File" | "Socket" | "CharDevice")
                        | Some("BlockDevice" | "FileOrCreate") => {}
                        Some("DirectoryOrCreate") => pod.make_dirs.push(h.path.clone()),
                        Some(other) => {
                            return Err(self.err(format_args!(
                                "volume {:?}: unknown hostPath type {other:?}",
                                v.name
                            )))
                        }
                    }
                    mount(MountKind::Bind, h.path.clone())
                }
                (None, Some(e), None) if e.medium.as_deref() == Some("Memory") => {
                    mount(MountKind::Tmpfs, String::new())
                }
                (None, Some(_), None) => {
                    let name = format!("{}-{}", self.name, v.name);
                    crate::volume::validate_name(&name).map_err(|e| self.err(e))?;
                    pod.scratch_volumes.push(name.clone());
                    mount(MountKind::Volume, name)
                }
                (None, None, Some(c)) => {
                    crate::volume::validate_name(&c.claim_name).map_err(|e| self.err(e))?;
                    let mut m = mount(MountKind::Volume, c.claim_name.clone());
                    if c.read_only {
                        m.options.push("ro".into());
                    }
                    m
                }
                _ => {
                    return Err(self.err(format_args!(
                        "volume {:?}: give one of hostPath, emptyDir or persistentVolumeClaim",
                        v.name
                    )))
                }
            };
            out.insert(v.name.clone(), m);
        }
        Ok(out)
    }

    fn request(
        &self,
        c: &yaml::Container,
        volumes: &BTreeMap<String, MountSpec>,
        pod_security: Option<&yaml::PodSecurityContext>,
    ) -> Result<CreateRequest> {
        let cerr =
            |msg: std::fmt::Arguments| self.err(format_args!("container {:?}: {msg}", c.name));
        let image = c
            .image
            .clone()
            .filter(|i| !i.trim().is_empty())
            .ok_or_else(|| cerr(format_args!("no image")))?;
        let mut req = CreateRequest {
            name: Some(format!("{}-{}", self.name, c.name)),
            image,
            // Kubernetes' command replaces the entrypoint (and with it the image's Cmd);
            // args replace the Cmd.
            entrypoint: (!c.command.is_empty()).then(|| c.command.clone()),
            command: (!c.args.is_empty()).then(|| c.args.clone()),
            env: self.env(c)?,
            labels: self.meta.labels.clone(),
            annotations: self.meta.annotations.clone(),
            working_dir: c.working_dir.clone().filter(|w| !w.is_empty()),
            tty: c.tty,
            interactive: c.stdin,
            // Podman's kube defaults: what `run` defaults to.
            http_proxy: true,
            read_only_tmpfs: true,
            ..CreateRequest::default()
        };
        // The container's own settings win over the pod's.
        let sc = c.security_context.clone().unwrap_or_default();
        let pod_user = pod_security.and_then(|p| p.run_as_user);
        let pod_group = pod_security.and_then(|p| p.run_as_group);
        req.user = match (sc.run_as_user.or(pod_user), sc.run_as_group.or(pod_group)) {
            (Some(u), Some(g)) => Some(format!("{u}:{g}")),
            (Some(u), None) => Some(u.to_string()),
            (None, Some(g)) => Some(format!("0:{g}")),
            (None, None) => None,
        };
        if let Some(sc) = &c.security_context {
            if let Some(caps) = &sc.capabilities {
                req.cap_add = caps.add.clone();
                req.cap_drop = caps.drop.clone();
            }
            req.privileged = sc.privileged.unwrap_or(false);
            req.read_only = sc.read_only_root_filesystem.unwrap_or(false);
        }
        for p in &c.ports {
            if !(1..=65535).contains(&p.container_port) {
                return Err(cerr(format_args!(
                    "containerPort {} is not a port number (1-65535)",
                    p.container_port
                )));
            }
            let protocol = p.protocol.as_deref().unwrap_or("TCP").to_ascii_lowercase();
            if !matches!(protocol.as_str(), "tcp" | "udp") {
                return Err(cerr(format_args!(
                    "protocol {:?}: use TCP or UDP",
                    p.protocol.as_deref().unwrap_or_default()
                )));
            }
            match p.host_port {
                None | Some(0) => {}
                Some(h) if !(1..=65535).contains(&h) => {
                    return Err(cerr(format_args!(
                        "hostPort {h} is not a port number (1-65535)"
                    )))
                }
                Some(h) => req.publish.push(PortMapping {
                    host_ip: p.host_ip.clone().unwrap_or_default(),
                    host_port: h as u16,
                    host_port_last: 0,
                    container_port: p.container_port as u16,
                    protocol,
                }),
            }
        }
        for vm in &c.volume_mounts {
            let mut m = volumes.get(&vm.name).cloned().ok_or_else(|| {
                cerr(format_args!(
                    "volumeMount {:?}: no such volume in the pod",
                    vm.name
                ))
            })?;
            if !vm.mount_path.starts_with('/') {
                return Err(cerr(format_args!(
                    "mountPath {:?} is not absolute",
                    vm.mount_path
                )));
            }
            m.destination = vm.mount_path.clone();
            // The options `-v` gives the same mount, so a played container is the one
            // `run -v` would make.
            let read_only = vm.read_only || m.options.iter().any(|o| o == "ro");
            m.options.clear();
            if m.kind == MountKind::Bind {
                m.options.push("rbind".into());
            }
            if m.kind != MountKind::Tmpfs {
                m.options.push(if read_only { "ro" } else { "rw" }.into());
            }
            req.mounts.push(m);
        }
        Ok(req)
    }

    /// `envFrom` first, then `env` (later entries win, as in Kubernetes).
    fn env(&self, c: &yaml::Container) -> Result<Vec<String>> {
        let cerr = |msg: String| self.err(format_args!("container {:?}: {msg}", c.name));
        let mut env = Vec::new();
        for from in &c.env_from {
            let Some(r) = &from.config_map_ref else {
                continue;
            };
            match self.maps.get(&r.name) {
                Some(map) => {
                    let prefix = from.prefix.as_deref().unwrap_or_default();
                    env.extend(map.data.iter().map(|(k, v)| format!("{prefix}{k}={v}")));
                }
                None if r.optional => {}
                None => return Err(cerr(format!("no ConfigMap {:?}", r.name))),
            }
        }
        for e in &c.env {
            if e.name.is_empty() || e.name.contains('=') {
                return Err(cerr(format!("invalid env name {:?}", e.name)));
            }
            let value = match (
                &e.value,
                e.value_from
                    .as_ref()
                    .and_then(|f| f.config_map_key_ref.as_ref()),
            ) {
                (_, Some(r)) => match self.maps.get(&r.name).and_then(|m| m.data.get(&r.key)) {
                    Some(v) => Some(v.clone()),
                    None if r.optional => None,
                    None => {
                        return Err(cerr(format!(
                            "env {:?}: no key {:?} in ConfigMap {:?}",
                            e.name, r.key, r.name
                        )))
                    }
                },
                (Some(v), None) => Some(v.clone()),
                (None, None) => Some(String::new()),
            };
            if let Some(v) = value {
                env.push(format!("{}={v}", e.name));
            }
        }
        Ok(env)
    }
}

#[cfg(test)]
#[path = "play_tests.rs"]
mod tests;
