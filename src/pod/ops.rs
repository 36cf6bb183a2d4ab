//! What the pod commands do to a pod's containers, through the container engine: the pod
//! is made with its infra container first; it starts infra first and stops it last; a
//! container joining a pod gets the infra container's namespaces.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{infra, insert, list, Namespace, Pod, PodConfig, PodError, PodStatus, Result};
use crate::container::namespaces::NamespaceMode;
use crate::container::{
    Container, ContainerError, CreateError, CreateRequest, Defaults, Engine, Status, Userns,
};
use crate::events::Event;
use crate::network::NetworkMode;

/// Everything `pod create` (and `run --pod new:NAME`, `kube play`) can ask for.
#[derive(Debug, Clone)]
pub struct CreatePod {
    pub name: Option<String>,
    pub hostname: Option<String>,
    pub labels: BTreeMap<String, String>,
    /// None: Podman's default (ipc, net, uts).
    pub share: Option<Vec<Namespace>>,
    /// `--infra=false`: no infra container, nothing shared.
    pub infra: bool,
    /// `--infra-image`, already in the store: (as named, ID). None: cove's pause image.
    pub infra_image: Option<(String, String)>,
    pub infra_command: Option<Vec<String>>,
    pub infra_name: Option<String>,
    /// The infra container's settings, which its members share: `--network`, `-p`,
    /// `--dns*`, `--add-host`, `--no-hosts`, `--ip`, `--mac-address`, `--network-alias`,
    /// `--shm-size`, `--sysctl`, `--pid`, `--uts`, the resource limits and `more`'s
    /// `--ip6`, ID maps and conmon pidfile. Other fields are ignored.
    pub infra_request: CreateRequest,
    /// `--userns`: the infra container's; its members join its user namespace.
    pub userns: Userns,
    /// What the infra container and every member get.
    pub inherit: super::inherit::Inherited,
    pub exit_policy: super::ExitPolicy,
    /// `--replace`: a pod of the same name is removed first.
    pub replace: bool,
    pub create_command: Vec<String>,
}

impl Default for CreatePod {
    fn default() -> CreatePod {
        CreatePod {
            name: None,
            hostname: None,
            labels: BTreeMap::new(),
            share: None,
            infra: true,
            infra_image: None,
            infra_command: None,
            infra_name: None,
            infra_request: CreateRequest::default(),
            userns: Userns::Host,
            inherit: Default::default(),
            exit_policy: Default::default(),
            replace: false,
            create_command: Vec::new(),
        }
    }
}

fn emit(engine: &Engine, pod: &Pod, status: &str) {
    engine
        .events
        .emit(&Event::new("pod", status, &pod.id, &pod.name));
}

/// Whether the request sets anything only an infra container can carry.
fn sets_network(r: &CreateRequest) -> bool {
    r.network.is_some()
        || !r.publish.is_empty()
        || r.publish_all
        || !r.dns.is_empty()
        || !r.dns_search.is_empty()
        || !r.dns_options.is_empty()
        || !r.add_hosts.is_empty()
        || r.no_hosts
        || r.ip.is_some()
        || r.mac_address.is_some()
        || !r.network_aliases.is_empty()
}

/// Whether the request sets what only an infra container holds for the pod.
fn sets_infra_only(req: &CreatePod) -> Option<&'static str> {
    let r = &req.infra_request;
    [
        (req.userns != Userns::Host, "--userns"),
        (r.shm_size.is_some(), "--shm-size"),
        (!r.sysctls.is_empty(), "--sysctl"),
        (r.pid.is_some(), "--pid"),
        (r.uts.is_some(), "--uts"),
    ]
    .into_iter()
    .find(|(set, _)| *set)
    .map(|(_, flag)| flag)
}

/// Make a pod and, unless `--infra=false`, its infra container (created, not started:
/// the pod starts with its first member or `pod start`).
pub fn create(engine: &Engine, req: CreatePod, defaults: &Defaults) -> Result<Pod> {
    let name = match &req.name {
        Some(n) => {
            crate::container::names::validate(n).map_err(ContainerError::from)?;
            n.clone()
        }
        None => crate::container::names::random_name().map_err(ContainerError::from)?,
    };
    let share = req
        .share
        .clone()
        .unwrap_or_else(|| Namespace::DEFAULT.to_vec());
    if !req.infra {
        if sets_network(&req.infra_request) {
            return Err(PodError::Invalid(
                "--infra=false: the pod's network (--network, -p, --dns, --add-host ...) needs an infra container".into(),
            ));
        }
        if let Some(flag) = sets_infra_only(&req) {
            return Err(PodError::Invalid(format!(
                "--infra=false: {flag} is the pod's infra container's setting: it needs one"
            )));
        }
        if req.share.as_ref().is_some_and(|s| !s.is_empty()) {
            return Err(PodError::Invalid(
                "--infra=false: nothing can be shared without an infra container (leave out --share)".into(),
            ));
        }
    }
    if !share.contains(&Namespace::Net) && sets_network(&req.infra_request) {
        return Err(PodError::Invalid(
            "the pod's network settings need a shared network namespace (--share net)".into(),
        ));
    }
    // What a member would be refused for is refused before anything is made.
    engine.check_create(&req.infra_request, defaults)?;
    req.inherit.security().map_err(ContainerError::from)?;
    if req.replace {
        match super::find(&engine.store, &name) {
            Ok(old) => remove(engine, &old, true, None)?,
            Err(PodError::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let id = crate::container::names::new_id().map_err(ContainerError::from)?;
    let mut pod = Pod {
        id: id.clone(),
        name: name.clone(),
        created_at: chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default(),
        config: PodConfig {
            hostname: req.hostname.clone().unwrap_or_default(),
            labels: req.labels.clone(),
            share: if req.infra { share } else { Vec::new() },
            infra_id: None,
            exit_policy: req.exit_policy,
            create_command: req.create_command.clone(),
            userns: req.userns.clone(),
            inherit: req.inherit.clone(),
        },
    };
    insert(&engine.store, &pod)?;
    if req.infra {
        match create_infra(engine, &pod, &req, defaults) {
            Ok(c) => {
                pod.config.infra_id = Some(c.id);
                super::save(&engine.store, &pod)?;
            }
            Err(e) => {
                let _ = engine.store.db().delete_pod(&pod.id);
                return Err(e);
            }
        }
    }
    emit(engine, &pod, "create");
    Ok(pod)
}

fn create_infra(
    engine: &Engine,
    pod: &Pod,
    req: &CreatePod,
    defaults: &Defaults,
) -> Result<Container> {
    let (image, image_id) = match &req.infra_image {
        Some(i) => i.clone(),
        None => (
            infra::pause_image_name(),
            infra::pause_image(&engine.store, engine.rootless)?,
        ),
    };
    // A hostname needs a UTS namespace of the pod's own.
    let own_uts = matches!(
        req.infra_request.uts,
        None | Some(crate::container::namespaces::NamespaceMode::Private)
    );
    let shares_uts = pod.config.share.contains(&Namespace::Uts) && own_uts;
    let mut base = req.infra_request.clone();
    base.userns = Some(req.userns.clone());
    req.inherit.apply(&mut base).map_err(ContainerError::from)?;
    let infra = CreateRequest {
        name: Some(
            req.infra_name
                .clone()
                .unwrap_or_else(|| format!("{}-infra", pod.short_id())),
        ),
        image,
        image_id,
        entrypoint: req.infra_command.clone(),
        command: req.infra_command.as_ref().map(|_| Vec::new()),
        hostname: Some(if pod.config.hostname.is_empty() {
            pod.name.clone()
        } else {
            pod.config.hostname.clone()
        })
        .filter(|_| shares_uts),
        infra_of: Some(pod.id.clone()),
        create_command: Vec::new(),
        ..base
    };
    Ok(engine.create(infra, defaults)?)
}

/// A pod's containers, infra first, then the others oldest first.
pub fn members(engine: &Engine, pod: &Pod) -> Result<Vec<Container>> {
    let mut all: Vec<Container> = engine
        .list()?
        .into_iter()
        .filter(|c| c.config.pod.as_deref() == Some(pod.id.as_str()))
        .collect();
    all.sort_by_key(|c| (!c.config.pod_infra, c.created_at));
    Ok(all)
}

pub fn status(engine: &Engine, pod: &Pod) -> Result<PodStatus> {
    Ok(PodStatus::of(&members(engine, pod)?))
}

/// Run `f` on each container (in the order given), going on past failures; the first
/// error is returned after all were tried, as Podman reports a pod's partial failure.
fn each(
    list: Vec<Container>,
    mut f: impl FnMut(&mut Container) -> crate::container::Result<()>,
) -> Result<()> {
    let mut first = None;
    for mut c in list {
        if let Err(e) = f(&mut c) {
            first.get_or_insert(e);
        }
    }
    match first {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

/// The infra container, then the init containers one by one to completion (`once` ones
/// removed afterwards), then the others; as Podman, a failed init container stops the
/// start there.
pub fn start(engine: &Engine, pod: &Pod) -> Result<()> {
    let (init, mut list): (Vec<Container>, Vec<Container>) = members(engine, pod)?
        .into_iter()
        .partition(|c| c.config.init_ctr.is_some());
    let infra = match list.first() {
        Some(c) if c.config.pod_infra => vec![list.remove(0)],
        _ => Vec::new(),
    };
    let start = |c: &mut Container| engine.start(c, false).map(drop);
    each(infra, start)?;
    for mut c in init.into_iter().filter(|c| !c.state.status.is_active()) {
        engine.start(&mut c, false)?;
        let code = engine.wait(&mut c)?;
        if code != 0 {
            return Err(PodError::Invalid(format!(
                "init container {} exited with code {code}",
                c.id
            )));
        }
        if c.config.init_ctr == Some(crate::container::options::InitCtr::Once) {
            engine.remove(&mut c, true, false)?;
        }
    }
    each(list, start)?;
    emit(engine, pod, "start");
    Ok(())
}

/// Members first, the infra container last (its namespaces outlive their users).
pub fn stop(engine: &Engine, pod: &Pod, timeout: Option<u32>) -> Result<()> {
    let mut list = members(engine, pod)?;
    list.reverse();
    each(list, |c| match engine.stop(c, timeout) {
        Err(ContainerError::NotRunning(_)) => Ok(()),
        r => r,
    })?;
    emit(engine, pod, "stop");
    Ok(())
}

pub fn restart(engine: &Engine, pod: &Pod, timeout: Option<u32>) -> Result<()> {
    stop(engine, pod, timeout)?;
    start(engine, pod)
}

pub fn kill(engine: &Engine, pod: &Pod, signal: &str) -> Result<()> {
    let list: Vec<Container> = members(engine, pod)?
        .into_iter()
        .filter(|c| c.state.status.is_active())
        .collect();
    if list.is_empty() {
        return Err(PodError::Invalid(format!(
            "pod {} has no running containers to kill",
            pod.name
        )));
    }
    each(list, |c| engine.kill(c, signal))?;
    emit(engine, pod, "kill");
    Ok(())
}

/// `pod top`: the processes of every running container of the pod (infra included, as
/// Podman shows its pause process), under `top`'s titles.
pub fn top(
    engine: &Engine,
    pod: &Pod,
    descriptors: &[String],
) -> Result<crate::container::procs::Top> {
    let mut all: Option<crate::container::procs::Top> = None;
    for mut c in members(engine, pod)? {
        if !c.state.status.is_active() {
            continue;
        }
        // A member that stopped since the listing is skipped, not an error.
        let t = match engine.top(&mut c, descriptors) {
            Ok(t) => t,
            Err(e @ crate::container::ContainerError::UnknownDescriptor(_)) => return Err(e.into()),
            Err(_) => continue,
        };
        match all.as_mut() {
            Some(a) => a.processes.extend(t.processes),
            None => all = Some(t),
        }
    }
    all.ok_or_else(|| PodError::Invalid(format!("pod {} is not running", pod.name)))
}

pub fn pause(engine: &Engine, pod: &Pod) -> Result<()> {
    let list: Vec<Container> = members(engine, pod)?
        .into_iter()
        .filter(|c| c.state.status == Status::Running)
        .collect();
    each(list, |c| engine.pause(c))?;
    emit(engine, pod, "pause");
    Ok(())
}

pub fn unpause(engine: &Engine, pod: &Pod) -> Result<()> {
    let list: Vec<Container> = members(engine, pod)?
        .into_iter()
        .filter(|c| c.state.status == Status::Paused)
        .collect();
    each(list, |c| engine.unpause(c))?;
    emit(engine, pod, "unpause");
    Ok(())
}

/// `pod rm`: the members, then the pod's row, then its infra container, then the
/// volumes made for the pod alone (`VOLUME_LABEL`). Without `force`
/// a pod with running containers is refused; with it they are stopped first (`timeout`
/// seconds before SIGKILL; None: each container's own).
pub fn remove(engine: &Engine, pod: &Pod, force: bool, timeout: Option<u32>) -> Result<()> {
    let list = members(engine, pod)?;
    let active = list.iter().filter(|c| c.state.status.is_active()).count();
    if active > 0 {
        if !force {
            return Err(PodError::Running {
                name: pod.name.clone(),
                count: active,
            });
        }
        stop(engine, pod, timeout)?;
    }
    let (infra, others): (Vec<Container>, Vec<Container>) =
        list.into_iter().partition(|c| c.config.pod_infra);
    each(others, |c| engine.remove(c, true, true))?;
    engine.store.db().delete_pod(&pod.id)?;
    each(infra, |c| engine.remove(c, true, true))?;
    for v in crate::volume::list(&engine.store)? {
        if v.labels.get(super::VOLUME_LABEL) == Some(&pod.id) {
            crate::volume::remove(&engine.store, &v.name)?;
        }
    }
    emit(engine, pod, "remove");
    Ok(())
}

/// `pod prune`: every pod with nothing running; their IDs.
pub fn prune(engine: &Engine) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for pod in list(&engine.store)? {
        if status(engine, &pod)?.is_stopped() {
            remove(engine, &pod, false, None)?;
            removed.push(pod.id);
        }
    }
    Ok(removed)
}

/// For `Engine::create`: a container asked to join a pod (`--pod NAME|ID`) gets the
/// infra container's namespaces, the pod's hostname, and the pod in its record. What
/// only the pod can set (its network, ports) is refused with Podman's words.
///
/// `--pod new:NAME` makes that pod first, and the container's network settings become
/// the pod's, as in Podman.
pub fn join(
    engine: &Engine,
    req: &mut CreateRequest,
    defaults: &Defaults,
) -> crate::container::Result<()> {
    let Some(name) = req.pod.clone() else {
        return Ok(());
    };
    let invalid = |m: String| ContainerError::Create(CreateError::Pod(m));
    if req.userns.is_some() {
        return Err(invalid("--userns and --pod cannot be set together".into()));
    }
    let pod = match name.strip_prefix("new:") {
        Some(new) => {
            let infra_request = CreateRequest {
                network: req.network.take(),
                publish: std::mem::take(&mut req.publish),
                publish_all: std::mem::take(&mut req.publish_all),
                expose: std::mem::take(&mut req.expose),
                dns: std::mem::take(&mut req.dns),
                dns_search: std::mem::take(&mut req.dns_search),
                dns_options: std::mem::take(&mut req.dns_options),
                add_hosts: std::mem::take(&mut req.add_hosts),
                no_hosts: std::mem::take(&mut req.no_hosts),
                ip: req.ip.take(),
                mac_address: req.mac_address.take(),
                network_aliases: std::mem::take(&mut req.network_aliases),
                ..CreateRequest::default()
            };
            let pod_req = CreatePod {
                name: Some(new.to_string()),
                hostname: req.hostname.take(),
                infra_request,
                ..CreatePod::default()
            };
            create(engine, pod_req, defaults).map_err(|e| invalid(e.to_string()))?
        }
        None => super::find(&engine.store, &name).map_err(|e| invalid(e.to_string()))?,
    };
    req.pod = Some(pod.id.clone());
    // With an infra container, the member joins its user namespace at start (see
    // `infra_userns`); without, it gets one of the same kind.
    req.userns = Some(pod.config.userns.clone());
    pod.config.inherit.apply(req)?;
    let Some(infra_id) = pod.config.infra_id.clone() else {
        return Ok(());
    };
    // The infra container's namespace, or what it has instead (the host's with `pod
    // create --uts host`, which cannot be joined by path without privileges).
    let infra = engine.lookup(&infra_id)?;
    let follow = |mode: &NamespaceMode| match mode {
        NamespaceMode::Host | NamespaceMode::Path(_) => mode.clone(),
        _ => NamespaceMode::Container(infra_id.clone()),
    };
    if pod.shares(Namespace::Net) {
        if !req.publish.is_empty() || req.publish_all {
            return Err(invalid(
                "invalid config provided: published or exposed ports must be defined when the pod is created: network cannot be configured when it is shared with a pod".into(),
            ));
        }
        if req.network.is_some() || req.ip.is_some() || req.mac_address.is_some() {
            return Err(invalid(
                "invalid config provided: networks must be defined when the pod is created: network cannot be configured when it is shared with a pod".into(),
            ));
        }
        req.network = Some(NetworkMode::Container(infra_id.clone()));
    }
    if pod.shares(Namespace::Uts) {
        if req.hostname.is_some() {
            return Err(invalid(
                "invalid config provided: cannot set hostname when joining the pod UTS namespace"
                    .into(),
            ));
        }
        req.uts = Some(follow(&infra.config.uts));
    }
    if pod.shares(Namespace::Ipc) {
        req.ipc = Some(follow(&infra.config.ipc));
    }
    if pod.shares(Namespace::Pid) {
        req.pid = Some(follow(&infra.config.pid));
    }
    Ok(())
}

/// Before a pod member starts: its infra container must run, since the member joins its
/// namespaces (Podman starts it the same way).
pub fn start_infra_of(engine: &Engine, c: &Container) -> crate::container::Result<()> {
    if c.config.pod_infra {
        return Ok(());
    }
    let Some(pod_id) = &c.config.pod else {
        return Ok(());
    };
    let Ok(pod) = super::find(&engine.store, pod_id) else {
        return Ok(());
    };
    if let Some(infra_id) = &pod.config.infra_id {
        let mut infra = engine.lookup(infra_id)?;
        if !infra.state.status.is_active() {
            engine.start(&mut infra, false)?;
        }
    }
    Ok(())
}

/// At a member's start: the user namespace it joins, its infra container's when that
/// has one of its own (`pod create --userns keep-id`).
pub fn infra_userns(engine: &Engine, c: &Container) -> crate::container::Result<Option<PathBuf>> {
    let Some(pod_id) = c.config.pod.as_deref().filter(|_| !c.config.pod_infra) else {
        return Ok(None);
    };
    if c.config.userns == Userns::Host {
        return Ok(None);
    }
    let Some(infra_id) = super::find(&engine.store, pod_id)
        .ok()
        .and_then(|p| p.config.infra_id)
    else {
        return Ok(None);
    };
    let infra = engine.lookup(&infra_id)?;
    if infra.config.userns == Userns::Host {
        return Ok(None);
    }
    if !infra.state.status.is_active() || infra.state.pid <= 0 {
        return Err(ContainerError::Create(CreateError::Pod(format!(
            "the pod's infra container {} is not running",
            infra.name
        ))));
    }
    Ok(Some(PathBuf::from(format!(
        "/proc/{}/ns/user",
        infra.state.pid
    ))))
}

/// Whether removing this container alone must be refused: a pod's infra container goes
/// only with its pod.
pub fn guards(engine: &Engine, c: &Container) -> Option<String> {
    let pod_id = c.config.pod.as_deref().filter(|_| c.config.pod_infra)?;
    let pod = super::find(&engine.store, pod_id).ok()?;
    Some(pod.name)
}

/// `--exit-policy stop`: when the last member of the pod has exited (for good: no
/// restart pending), the infra container stops too and the pod is Exited, as in Podman.
pub fn after_member_exit(engine: &Engine, c: &Container) -> crate::container::Result<()> {
    let Some(pod_id) = c.config.pod.as_deref().filter(|_| !c.config.pod_infra) else {
        return Ok(());
    };
    let Ok(pod) = super::find(&engine.store, pod_id) else {
        return Ok(());
    };
    if pod.config.exit_policy != super::ExitPolicy::Stop {
        return Ok(());
    }
    let Ok(list) = members(engine, &pod) else {
        return Ok(());
    };
    let busy = list.iter().any(|m| {
        !m.config.pod_infra && (m.state.status.is_active() || m.state.status == Status::Restarting)
    });
    if busy {
        return Ok(());
    }
    for mut infra in list.into_iter().filter(|m| m.config.pod_infra) {
        match engine.stop(&mut infra, None) {
            Ok(()) | Err(ContainerError::NotRunning(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
