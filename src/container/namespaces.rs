//! `--ipc`, `--uts`, `--pid`, `--cgroupns` and `--sysctl`: which namespaces a container
//! gets of its own, shares with the host or joins (another container's, or a file), and
//! the namespaced sysctls its runtime writes. Parsed and checked without I/O here; a
//! `container:` owner is resolved to its ID by `Engine::create` and to its init's
//! `/proc/PID/ns/KIND` at each start.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::network::NetworkMode;

/// How a container has one kind of namespace. Stored as the flag's text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum NamespaceMode {
    /// Its own, new one.
    #[default]
    Private,
    /// Its own, which others may join (IPC only; in cove any may be joined).
    Shareable,
    /// The caller's (the host's, rootless: the user namespace's for IPC and UTS).
    Host,
    /// IPC only: its own, without /dev/shm.
    None,
    /// Another container's: a name or ID as asked, its full ID once created.
    Container(String),
    /// An existing namespace file (`ns:PATH`).
    Path(PathBuf),
}

/// The namespace kinds these flags choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ipc,
    Uts,
    Pid,
    Cgroup,
}

impl Kind {
    /// The name under /proc/PID/ns/ and in Podman's messages.
    pub fn proc_name(self) -> &'static str {
        match self {
            Kind::Ipc => "ipc",
            Kind::Uts => "uts",
            Kind::Pid => "pid",
            Kind::Cgroup => "cgroup",
        }
    }

    pub fn flag(self) -> &'static str {
        match self {
            Kind::Ipc => "--ipc",
            Kind::Uts => "--uts",
            Kind::Pid => "--pid",
            Kind::Cgroup => "--cgroupns",
        }
    }

    fn upper(self) -> &'static str {
        match self {
            Kind::Ipc => "IPC",
            Kind::Uts => "UTS",
            Kind::Pid => "PID",
            Kind::Cgroup => "cgroup",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NamespaceError {
    #[error("unrecognized namespace mode {0} passed")]
    Mode(String),
    #[error("cannot find specified {} namespace path: stat {path}: no such file or directory", .kind.upper())]
    NoPath { kind: Kind, path: String },
    #[error("looking up container to share {} namespace with: no container with name or ID \"{name}\" found: no such container", .kind.proc_name())]
    NoContainer { kind: Kind, name: String },
    #[error("{} container:{name}: that container is not running", .kind.flag())]
    OwnerNotRunning { kind: Kind, name: String },
    #[error("{0} is invalid, sysctl values must be in the form of KEY=VALUE")]
    SysctlForm(String),
    #[error("sysctl '{0}' is not allowed")]
    SysctlNotAllowed(String),
    #[error(
        "sysctl {key}={value} can't be set since {what} Namespace set to host: invalid argument"
    )]
    SysctlHost {
        key: String,
        value: String,
        what: &'static str,
    },
    #[error("invalid config provided: cannot set hostname when running in the host UTS namespace: invalid configuration")]
    HostnameWithHostUts,
    #[error("invalid config provided: cannot set hostname when joining another container's UTS namespace: invalid configuration")]
    HostnameWithJoinedUts,
}

impl NamespaceMode {
    /// A flag's value for a namespace of `kind` (Podman's spellings; "" is the default).
    pub fn parse(kind: Kind, s: &str) -> Result<NamespaceMode, NamespaceError> {
        let mode = match s.split_once(':') {
            Some(("container", c)) if !c.is_empty() => NamespaceMode::Container(c.to_string()),
            Some(("ns", p)) if !p.is_empty() => NamespaceMode::Path(PathBuf::from(p)),
            Some(_) => return Err(NamespaceError::Mode(s.to_string())),
            None => match s {
                "" | "private" => NamespaceMode::Private,
                "host" => NamespaceMode::Host,
                "shareable" if kind == Kind::Ipc => NamespaceMode::Shareable,
                "none" if kind == Kind::Ipc => NamespaceMode::None,
                _ => return Err(NamespaceError::Mode(s.to_string())),
            },
        };
        Ok(mode)
    }

    /// The container whose namespace this joins, if it joins one.
    pub fn owner(&self) -> Option<&str> {
        match self {
            NamespaceMode::Container(c) => Some(c),
            _ => None,
        }
    }
}

impl std::fmt::Display for NamespaceMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NamespaceMode::Private => f.write_str("private"),
            NamespaceMode::Shareable => f.write_str("shareable"),
            NamespaceMode::Host => f.write_str("host"),
            NamespaceMode::None => f.write_str("none"),
            NamespaceMode::Container(c) => write!(f, "container:{c}"),
            NamespaceMode::Path(p) => write!(f, "ns:{}", p.display()),
        }
    }
}

impl From<String> for NamespaceMode {
    /// Stored values were checked at create (per kind); "" reads as private.
    fn from(s: String) -> NamespaceMode {
        NamespaceMode::parse(Kind::Ipc, &s).unwrap_or_default()
    }
}

impl From<NamespaceMode> for String {
    fn from(m: NamespaceMode) -> String {
        m.to_string()
    }
}

/// Records written before `--cgroupns` existed ran in the caller's cgroup namespace.
pub fn stored_cgroupns_default() -> NamespaceMode {
    NamespaceMode::Host
}

/// Podman's default: a cgroup namespace of its own on cgroup v2, the host's on v1 (where
/// a private one would hide the hierarchy paths tools read).
pub fn default_cgroupns(cgroup_v2: bool) -> NamespaceMode {
    if cgroup_v2 {
        NamespaceMode::Private
    } else {
        NamespaceMode::Host
    }
}

/// Whether the machine has the unified (v2 only) cgroup hierarchy.
pub fn cgroup_v2() -> bool {
    nix::sys::statfs::statfs("/sys/fs/cgroup")
        .map(|s| s.filesystem_type() == nix::sys::statfs::CGROUP2_SUPER_MAGIC)
        .unwrap_or(false)
}

/// `--sysctl KEY=VALUE`: the syntax only (which keys are allowed depends on the modes).
pub fn parse_sysctl(s: &str) -> Result<(String, String), NamespaceError> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(NamespaceError::SysctlForm(s.to_string())),
    }
}

/// The sysctls whose namespace a sysctl lives in, Podman's (and Docker's) list.
enum SysctlNs {
    Ipc,
    Net,
    Uts,
}

fn sysctl_namespace(key: &str) -> Option<SysctlNs> {
    const IPC: &[&str] = &[
        "kernel.msgmax",
        "kernel.msgmnb",
        "kernel.msgmni",
        "kernel.sem",
        "kernel.shmall",
        "kernel.shmmax",
        "kernel.shmmni",
        "kernel.shm_rmid_forced",
    ];
    if IPC.contains(&key) || key.starts_with("fs.mqueue.") {
        Some(SysctlNs::Ipc)
    } else if key.starts_with("net.") {
        Some(SysctlNs::Net)
    } else if matches!(key, "kernel.hostname" | "kernel.domainname") {
        Some(SysctlNs::Uts)
    } else {
        None
    }
}

/// Only namespaced sysctls, and only where the container's namespace is its own: one
/// written in the host's would change the host.
pub fn check_sysctls(
    sysctls: &BTreeMap<String, String>,
    ipc: &NamespaceMode,
    uts: &NamespaceMode,
    network: &NetworkMode,
) -> Result<(), NamespaceError> {
    for (key, value) in sysctls {
        let host = |what| NamespaceError::SysctlHost {
            key: key.clone(),
            value: value.clone(),
            what,
        };
        match sysctl_namespace(key) {
            None => return Err(NamespaceError::SysctlNotAllowed(key.clone())),
            Some(SysctlNs::Ipc) if *ipc == NamespaceMode::Host => return Err(host("IPC")),
            Some(SysctlNs::Net) if *network == NetworkMode::Host => return Err(host("Network")),
            Some(SysctlNs::Uts) if *uts == NamespaceMode::Host => return Err(host("UTS")),
            Some(_) => {}
        }
    }
    Ok(())
}

/// A hostname of its own needs a UTS namespace of its own.
pub fn check_hostname(hostname: Option<&str>, uts: &NamespaceMode) -> Result<(), NamespaceError> {
    match (hostname, uts) {
        (None, _) => Ok(()),
        (Some(_), NamespaceMode::Host) => Err(NamespaceError::HostnameWithHostUts),
        (Some(_), NamespaceMode::Container(_) | NamespaceMode::Path(_)) => {
            Err(NamespaceError::HostnameWithJoinedUts)
        }
        _ => Ok(()),
    }
}

/// Where a namespace of a started container comes from, for the runtime spec.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Placement {
    /// A new one, made by the runtime.
    #[default]
    New,
    /// The caller's: left out of the spec.
    Host,
    /// An existing one, joined by path.
    Join(PathBuf),
}

/// The IPC, UTS, PID and cgroup namespaces of one start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    pub ipc: Placement,
    pub uts: Placement,
    pub pid: Placement,
    pub cgroup: Placement,
    /// `--ipc none`: no /dev/shm.
    pub no_shm: bool,
    /// A user namespace to join (a pod member's: its infra container's), else the
    /// caller's or, with keep-id, a new one.
    pub user: Option<PathBuf>,
    /// A tmpfs of the engine's to bind as /dev/shm: a pod's, held for its infra
    /// container, which the members sharing its IPC namespace see too (as in Podman).
    pub shm: Option<PathBuf>,
}

/// A mode to a placement; `owner` gives a `container:` owner's name and its running
/// init's pid (None: not running).
pub fn place(
    kind: Kind,
    mode: &NamespaceMode,
    owner: impl Fn(&str) -> (String, Option<i32>),
) -> Result<Placement, NamespaceError> {
    Ok(match mode {
        NamespaceMode::Private | NamespaceMode::Shareable | NamespaceMode::None => Placement::New,
        NamespaceMode::Host => Placement::Host,
        NamespaceMode::Path(p) => Placement::Join(p.clone()),
        NamespaceMode::Container(c) => {
            let (name, pid) = owner(c);
            let pid = pid.ok_or(NamespaceError::OwnerNotRunning { kind, name })?;
            Placement::Join(PathBuf::from(format!(
                "/proc/{pid}/ns/{}",
                kind.proc_name()
            )))
        }
    })
}

/// The spec's namespaces but the mount and network ones: a new one has no path, a
/// joined one its file, the host's is left out.
pub fn spec_namespaces(r: &Resolved) -> Vec<oci_spec::runtime::LinuxNamespace> {
    use oci_spec::runtime::{LinuxNamespace, LinuxNamespaceType as T};
    let mut out = Vec::new();
    for (typ, placement) in [
        (T::Pid, &r.pid),
        (T::Ipc, &r.ipc),
        (T::Uts, &r.uts),
        (T::Cgroup, &r.cgroup),
    ] {
        let mut ns = LinuxNamespace::default();
        ns.set_typ(typ);
        match placement {
            Placement::Host => continue,
            Placement::New => {}
            Placement::Join(p) => {
                ns.set_path(Some(p.clone()));
            }
        }
        out.push(ns);
    }
    out
}

/// The mounts that depend on the namespaces: the host's IPC brings the host's /dev/shm
/// and /dev/mqueue (an mqueue of a namespace we do not own cannot be mounted), `--ipc
/// none` has no /dev/shm, and the host's PID namespace, rootless, gets the host's /proc
/// bound (a proc of a PID namespace owned by another user namespace cannot be mounted;
/// Podman binds it too).
pub fn adjust_mounts(mounts: &mut Vec<oci_spec::runtime::Mount>, r: &Resolved, rootless: bool) {
    use std::path::Path;
    let bind = |dest: &str| {
        super::spec::mount(dest, "bind", dest, &["rbind", "nosuid", "noexec", "nodev"])
    };
    let mut replace = |dest: &str, with: Option<oci_spec::runtime::Mount>| {
        let at = mounts
            .iter()
            .position(|m| m.destination() == Path::new(dest));
        match (at, with) {
            (Some(i), Some(m)) => mounts[i] = m,
            (Some(i), None) => {
                mounts.remove(i);
            }
            (None, _) => {}
        }
    };
    if r.no_shm {
        replace("/dev/shm", None);
    }
    if let Some(shm) = &r.shm {
        let opts = ["rbind", "nosuid", "noexec", "nodev"];
        let m = super::spec::mount("/dev/shm", "bind", &shm.display().to_string(), &opts);
        replace("/dev/shm", Some(m));
    }
    if r.ipc == Placement::Host {
        replace("/dev/shm", Some(bind("/dev/shm")));
        let mqueue = Path::new("/dev/mqueue")
            .is_dir()
            .then(|| bind("/dev/mqueue"));
        replace("/dev/mqueue", mqueue);
    }
    if r.pid == Placement::Host && rootless {
        replace("/proc", Some(bind("/proc")));
    }
}

impl super::Engine {
    /// At create: a `container:` owner is found and stored by ID (it may be renamed), a
    /// namespace file must exist, and the hostname is the one the container will see
    /// (the host's, or its UTS owner's).
    pub(super) fn resolve_namespaces(
        &self,
        config: &mut super::ContainerConfig,
    ) -> super::Result<()> {
        for (kind, mode) in [
            (Kind::Ipc, &mut config.ipc),
            (Kind::Uts, &mut config.uts),
            (Kind::Pid, &mut config.pid),
            (Kind::Cgroup, &mut config.cgroupns),
        ] {
            match mode {
                NamespaceMode::Container(name) => {
                    let owner = self.lookup(name).map_err(|e| match e {
                        super::ContainerError::NotFound(_) => {
                            super::CreateError::from(NamespaceError::NoContainer {
                                kind,
                                name: name.clone(),
                            })
                            .into()
                        }
                        e => e,
                    })?;
                    if kind == Kind::Uts {
                        config.hostname = owner.config.hostname.clone();
                    }
                    *name = owner.id;
                }
                NamespaceMode::Path(p) if !p.exists() => {
                    return Err(super::CreateError::from(NamespaceError::NoPath {
                        kind,
                        path: p.display().to_string(),
                    })
                    .into())
                }
                NamespaceMode::Host if kind == Kind::Uts => {
                    config.hostname = nix::unistd::gethostname()
                        .map(|h| h.to_string_lossy().into_owned())
                        .unwrap_or_default();
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// At start: where each namespace comes from; a `container:` owner must be running.
    pub(super) fn place_namespaces(&self, c: &super::Container) -> super::Result<Resolved> {
        let owner = |id: &str| match self.lookup(id) {
            Ok(o) => {
                let running = o.state.status.is_active() && o.state.pid > 0;
                (o.name, running.then_some(o.state.pid))
            }
            Err(_) => (id.to_string(), None),
        };
        let cfg = &c.config;
        let place = |kind, mode| place(kind, mode, owner).map_err(super::CreateError::from);
        Ok(Resolved {
            ipc: place(Kind::Ipc, &cfg.ipc)?,
            uts: place(Kind::Uts, &cfg.uts)?,
            pid: place(Kind::Pid, &cfg.pid)?,
            cgroup: place(Kind::Cgroup, &cfg.cgroupns)?,
            no_shm: cfg.ipc == NamespaceMode::None,
            user: match &cfg.userns {
                super::Userns::Ns(path) => Some(path.into()),
                _ => crate::pod::ops::infra_userns(self, c)?,
            },
            shm: self.shared_shm(c)?,
        })
    }

    /// Where a container's infra holds the pod's /dev/shm.
    pub(super) fn shm_dir(&self, id: &str) -> PathBuf {
        self.container_dir(id).join("userdata/shm")
    }

    /// A pod's infra container mounts a tmpfs of `--shm-size` (in the engine's mount
    /// namespace, as Podman does) that containers joining its IPC namespace bind too:
    /// sharing the namespace alone would leave each with a /dev/shm of its own.
    fn shared_shm(&self, c: &super::Container) -> super::Result<Option<PathBuf>> {
        use crate::storage::driver::is_mounted;
        match &c.config.ipc {
            NamespaceMode::Container(owner) => {
                let dir = self.shm_dir(owner);
                Ok(is_mounted(&dir).then_some(dir))
            }
            NamespaceMode::Private | NamespaceMode::Shareable if c.config.pod_infra => {
                let dir = self.shm_dir(&c.id);
                if is_mounted(&dir) {
                    return Ok(Some(dir));
                }
                let io = |e: std::io::Error| super::ContainerError::Io {
                    context: format!("mounting the pod's /dev/shm at {}", dir.display()),
                    source: e,
                };
                std::fs::create_dir_all(&dir).map_err(io)?;
                let size = c.config.shm_size.unwrap_or(64 << 20);
                use nix::mount::MsFlags;
                nix::mount::mount(
                    Some("shm"),
                    &dir,
                    Some("tmpfs"),
                    MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_NOEXEC,
                    Some(format!("mode=1777,size={size}").as_str()),
                )
                .map_err(|e| io(e.into()))?;
                Ok(Some(dir))
            }
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_per_kind_and_round_trip() {
        for (kind, s) in [
            (Kind::Ipc, "private"),
            (Kind::Ipc, "shareable"),
            (Kind::Ipc, "none"),
            (Kind::Ipc, "host"),
            (Kind::Uts, "container:web"),
            (Kind::Pid, "ns:/proc/1/ns/pid"),
            (Kind::Cgroup, "host"),
        ] {
            let m = NamespaceMode::parse(kind, s).unwrap();
            assert_eq!(m.to_string(), s);
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(serde_json::from_str::<NamespaceMode>(&json).unwrap(), m);
        }
        for (kind, bad) in [
            (Kind::Uts, "none"),
            (Kind::Pid, "shareable"),
            (Kind::Ipc, "bogus"),
            (Kind::Ipc, "container:"),
            (Kind::Ipc, "host:x"),
        ] {
            let e = NamespaceMode::parse(kind, bad).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("unrecognized namespace mode {bad} passed")
            );
        }
        assert_eq!(
            serde_json::from_str::<NamespaceMode>(r#""""#).unwrap(),
            NamespaceMode::Private
        );
    }

    #[test]
    fn sysctls_only_namespaced_and_not_in_the_hosts() {
        let one = |k: &str| BTreeMap::from([(k.to_string(), "1".to_string())]);
        let private = NamespaceMode::Private;
        let host = NamespaceMode::Host;
        let slirp = NetworkMode::default();
        for k in [
            "net.ipv4.ip_forward",
            "kernel.shm_rmid_forced",
            "fs.mqueue.msg_max",
            "kernel.hostname",
        ] {
            check_sysctls(&one(k), &private, &private, &slirp).unwrap();
        }
        let e = check_sysctls(&one("vm.swappiness"), &private, &private, &slirp).unwrap_err();
        assert_eq!(e.to_string(), "sysctl 'vm.swappiness' is not allowed");
        let e = check_sysctls(
            &one("net.ipv4.ip_forward"),
            &private,
            &private,
            &NetworkMode::Host,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "sysctl net.ipv4.ip_forward=1 can't be set since Network Namespace set to host: invalid argument"
        );
        assert!(check_sysctls(&one("kernel.sem"), &host, &private, &slirp).is_err());
        assert!(check_sysctls(&one("kernel.domainname"), &private, &host, &slirp).is_err());
        assert!(parse_sysctl("kernel.shmmax").is_err());
        assert_eq!(
            parse_sysctl("net.core.somaxconn=1024").unwrap(),
            ("net.core.somaxconn".into(), "1024".into())
        );
    }

    #[test]
    fn records_from_before_the_flags_load_as_they_ran() {
        let old: crate::container::ContainerConfig =
            serde_json::from_str(r#"{"image_name":"x","network":"slirp4netns"}"#).unwrap();
        assert_eq!(old.ipc, NamespaceMode::Private);
        assert_eq!(old.pid, NamespaceMode::Private);
        assert_eq!(old.cgroupns, NamespaceMode::Host);
        assert!(old.sysctls.is_empty());
    }

    #[test]
    fn a_joined_namespace_needs_its_owner_running() {
        let joined = NamespaceMode::Container("abc".into());
        assert_eq!(
            place(Kind::Ipc, &joined, |_| ("a".into(), Some(42))).unwrap(),
            Placement::Join("/proc/42/ns/ipc".into())
        );
        let e = place(Kind::Uts, &joined, |_| ("a".into(), None)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "--uts container:a: that container is not running"
        );
        assert_eq!(
            place(Kind::Pid, &NamespaceMode::Host, |_| (String::new(), None)).unwrap(),
            Placement::Host
        );
    }
}
