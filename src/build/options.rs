//! Build-wide options of the RUN steps (`podman build --network --add-host -v --ulimit
//! ...`): read once from the flags' text (the CLI's and the API's alike) into
//! `RunOptions`, then laid over every RUN's create request, so a RUN gets them through
//! the same engine path `cove run` does.

use std::collections::BTreeMap;
use std::net::IpAddr;

use crate::container::create::{CreateError, ResourceLimits};
use crate::container::flags::{self, SecurityOptions};
use crate::container::namespaces::{Kind, NamespaceError, NamespaceMode};
use crate::container::record::{MountSpec, Ulimit, Userns};
use crate::container::CreateRequest;
use crate::network::{NetworkError, NetworkMode};

#[derive(Debug, thiserror::Error)]
pub enum OptionsError {
    #[error(transparent)]
    Create(#[from] CreateError),
    #[error(transparent)]
    Network(#[from] NetworkError),
    #[error(transparent)]
    Namespace(#[from] NamespaceError),
    #[error("invalid --{flag} {value:?}: {why}")]
    Invalid {
        flag: &'static str,
        value: String,
        why: String,
    },
    /// A flag this machine or cove cannot honour, with why.
    #[error("--{flag}: {why}")]
    Unsupported { flag: &'static str, why: String },
}

type Result<T> = std::result::Result<T, OptionsError>;

/// The flags as given (`podman build`'s names), before any is checked.
#[derive(Debug, Clone, Default)]
pub struct RunFlags {
    pub network: Option<String>,
    pub add_hosts: Vec<String>,
    pub dns: Vec<String>,
    pub dns_options: Vec<String>,
    pub dns_search: Vec<String>,
    pub no_hosts: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub volumes: Vec<String>,
    pub devices: Vec<String>,
    pub ulimits: Vec<String>,
    pub security_opts: Vec<String>,
    pub shm_size: Option<String>,
    pub annotations: Vec<String>,
    /// None: true, as in Podman.
    pub http_proxy: Option<bool>,
    pub ipc: Option<String>,
    pub pid: Option<String>,
    pub uts: Option<String>,
    pub cgroupns: Option<String>,
    pub userns: Option<String>,
    /// `--userns-uid-map`, `--userns-gid-map`, `--userns-uid-map-user`,
    /// `--userns-gid-map-group`: given ones by flag name.
    pub userns_maps: Vec<&'static str>,
    pub memory: Option<String>,
    pub memory_swap: Option<String>,
    pub cpu_period: Option<u64>,
    pub cpu_quota: Option<i64>,
    pub cpu_shares: Option<u64>,
    pub cpuset_cpus: Option<String>,
    pub cpuset_mems: Option<String>,
    pub cgroup_parent: Option<String>,
}

/// What every RUN of the build gets, typed.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// None: the engine's default (a RUN's own `--network` still wins).
    pub network: Option<NetworkMode>,
    pub add_hosts: Vec<String>,
    pub dns: Vec<IpAddr>,
    pub dns_options: Vec<String>,
    pub dns_search: Vec<String>,
    pub no_hosts: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    /// `-v` binds and volumes, then `--device`s.
    pub mounts: Vec<MountSpec>,
    pub ulimits: Vec<Ulimit>,
    pub security: SecurityOptions,
    pub shm_size: Option<u64>,
    pub annotations: BTreeMap<String, String>,
    pub http_proxy: bool,
    pub ipc: Option<NamespaceMode>,
    pub pid: Option<NamespaceMode>,
    pub uts: Option<NamespaceMode>,
    pub cgroupns: Option<NamespaceMode>,
    pub resources: ResourceLimits,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            network: None,
            add_hosts: Vec::new(),
            dns: Vec::new(),
            dns_options: Vec::new(),
            dns_search: Vec::new(),
            no_hosts: false,
            cap_add: Vec::new(),
            cap_drop: Vec::new(),
            mounts: Vec::new(),
            ulimits: Vec::new(),
            security: SecurityOptions::default(),
            shm_size: None,
            annotations: BTreeMap::new(),
            http_proxy: true,
            ipc: None,
            pid: None,
            uts: None,
            cgroupns: None,
            resources: ResourceLimits::default(),
        }
    }
}

fn namespace(kind: Kind, v: &Option<String>) -> Result<Option<NamespaceMode>> {
    Ok(v.as_deref()
        .map(|s| NamespaceMode::parse(kind, s))
        .transpose()?)
}

/// `--add-host NAME:IP`: checked here so a typo fails before the first step runs.
fn check_host(h: &str) -> Result<()> {
    let bad = |why: &str| OptionsError::Invalid {
        flag: "add-host",
        value: h.to_string(),
        why: why.to_string(),
    };
    let (name, ip) = h.split_once(':').ok_or_else(|| bad("use HOST:IP"))?;
    if name.is_empty() {
        return Err(bad("use HOST:IP"));
    }
    if ip != "host-gateway" && ip.parse::<IpAddr>().is_err() {
        return Err(bad("not an IP address"));
    }
    Ok(())
}

impl RunFlags {
    pub fn parse(&self) -> Result<RunOptions> {
        if let Some(flag) = self.userns_maps.first() {
            return Err(OptionsError::Unsupported {
                flag,
                why: "RUN steps use the ID mapping of cove's rootless user namespace; custom maps are not supported".into(),
            });
        }
        if let Some(u) = &self.userns {
            let ok = u.parse::<Userns>().is_ok_and(|u| u == Userns::Host);
            if !ok {
                return Err(OptionsError::Unsupported {
                    flag: "userns",
                    why: format!("{u:?}: RUN steps run in cove's rootless user namespace (use host or leave it unset)"),
                });
            }
        }
        for h in &self.add_hosts {
            check_host(h)?;
        }
        let mut dns = Vec::new();
        for d in &self.dns {
            dns.push(d.parse().map_err(|_| CreateError::Dns(d.clone()))?);
        }
        let mut mounts = Vec::new();
        for v in &self.volumes {
            mounts.push(flags::parse_volume(v)?);
        }
        for d in &self.devices {
            mounts.push(flags::parse_device(d)?);
        }
        let size = |flag: &'static str, v: &Option<String>| -> Result<bool> {
            match v.as_deref() {
                None => Ok(false),
                Some("-1") => Ok(true),
                Some(s) => flags::parse_size(s)
                    .map(|_| true)
                    .map_err(|_| OptionsError::Invalid {
                        flag,
                        value: s.to_string(),
                        why: "not a size".into(),
                    }),
            }
        };
        let other = [
            (size("memory-swap", &self.memory_swap)?, "--memory-swap"),
            (self.cpu_period.is_some(), "--cpu-period"),
            (self.cpu_quota.is_some(), "--cpu-quota"),
            (self.cpu_shares.is_some(), "--cpu-shares"),
            (self.cpuset_cpus.is_some(), "--cpuset-cpus"),
            (self.cpuset_mems.is_some(), "--cpuset-mems"),
            (self.cgroup_parent.is_some(), "--cgroup-parent"),
        ];
        Ok(RunOptions {
            network: self
                .network
                .as_deref()
                .map(|n| NetworkMode::parse(n, crate::container::network::DEFAULT_MODE))
                .transpose()?,
            add_hosts: self.add_hosts.clone(),
            dns,
            dns_options: self.dns_options.clone(),
            dns_search: self.dns_search.clone(),
            no_hosts: self.no_hosts,
            cap_add: self.cap_add.clone(),
            cap_drop: self.cap_drop.clone(),
            mounts,
            ulimits: self
                .ulimits
                .iter()
                .map(|u| flags::parse_ulimit(u))
                .collect::<std::result::Result<_, _>>()?,
            security: SecurityOptions::parse(&self.security_opts)?,
            shm_size: self
                .shm_size
                .as_deref()
                .map(flags::parse_size)
                .transpose()?,
            annotations: self
                .annotations
                .iter()
                .map(|s| flags::parse_annotation(s))
                .collect::<std::result::Result<_, _>>()?,
            http_proxy: self.http_proxy.unwrap_or(true),
            ipc: namespace(Kind::Ipc, &self.ipc)?,
            pid: namespace(Kind::Pid, &self.pid)?,
            uts: namespace(Kind::Uts, &self.uts)?,
            cgroupns: namespace(Kind::Cgroup, &self.cgroupns)?,
            resources: ResourceLimits {
                memory: self.memory.as_deref().map(flags::parse_size).transpose()?,
                other: other.iter().filter(|(s, _)| *s).map(|(_, f)| *f).collect(),
                ..Default::default()
            },
        })
    }
}

/// A `podman build` flag cove accepts but cannot honour: the one line why.
pub fn refuse(flag: &'static str) -> OptionsError {
    let why = match flag {
        "manifest" => "cove has no manifest lists: build the image, then push it by name",
        "all-platforms" => "cove builds for the local platform only (no emulation)",
        "hooks-dir" => "cove runs no OCI hooks",
        "runtime-flag" => "RUN steps use cove's runtime as `cove run` does; runtime flags are not passed",
        "cpp-flag" => "Containerfile.in preprocessing is not supported: run cpp yourself and build the result",
        "sign-by" => "cove does not sign images",
        "decryption-key" => "cove does not pull encrypted images",
        "ssh" => "RUN --mount=type=ssh is not supported",
        "cert-dir" => "cove uses the system's trust store; for a registry with its own CA add it there, or use --tls-verify=false",
        _ => "not supported",
    };
    OptionsError::Unsupported {
        flag,
        why: why.to_string(),
    }
}

/// `--isolation`: every RUN runs as `cove run` runs a container, so the names of
/// Podman's rootless-capable isolations are accepted and mean that.
pub fn check_isolation(v: &str) -> Result<()> {
    match v {
        "oci" | "chroot" | "rootless" | "default" | "process" => Ok(()),
        other => Err(OptionsError::Invalid {
            flag: "isolation",
            value: other.to_string(),
            why: "use oci, chroot or rootless (Docker: default or process)".into(),
        }),
    }
}

impl RunOptions {
    /// Lay the build's options over a RUN's request; the RUN's own `--network` wins.
    pub fn apply(&self, req: &mut CreateRequest) {
        if req.network.is_none() {
            req.network = self.network.clone();
        }
        req.add_hosts = self.add_hosts.clone();
        req.dns = self.dns.clone();
        req.dns_options = self.dns_options.clone();
        req.dns_search = self.dns_search.clone();
        req.no_hosts = self.no_hosts;
        req.cap_add = self.cap_add.clone();
        req.cap_drop = self.cap_drop.clone();
        req.mounts.extend(self.mounts.iter().cloned());
        req.ulimits = self.ulimits.clone();
        req.security = self.security.clone();
        req.shm_size = self.shm_size;
        req.annotations = self.annotations.clone();
        req.http_proxy = self.http_proxy;
        req.ipc = self.ipc.clone();
        req.pid = self.pid.clone();
        req.uts = self.uts.clone();
        req.cgroupns = self.cgroupns.clone();
        req.resources = self.resources.clone();
    }

    /// The container paths `-v` and `--device` mount on (taken out of the step's layer
    /// when the runtime had to create them).
    pub fn targets(&self) -> impl Iterator<Item = &str> {
        self.mounts.iter().map(|m| m.destination.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_checked_once_with_one_line_errors() {
        let ok = RunFlags {
            network: Some("none".into()),
            add_hosts: vec!["db:10.0.0.5".into(), "gw:host-gateway".into()],
            volumes: vec!["/tmp:/data:ro".into()],
            ulimits: vec!["nofile=100:200".into()],
            memory: Some("64m".into()),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(ok.network, Some(NetworkMode::None));
        assert!(ok.http_proxy);
        assert_eq!(ok.targets().collect::<Vec<_>>(), ["/data"]);
        assert_eq!(ok.resources.memory, Some(64 << 20));
        let err = |f: RunFlags| f.parse().unwrap_err().to_string();
        assert!(err(RunFlags {
            add_hosts: vec!["nocolon".into()],
            ..Default::default()
        })
        .contains("--add-host"));
        assert!(err(RunFlags {
            userns_maps: vec!["userns-uid-map"],
            ..Default::default()
        })
        .starts_with("--userns-uid-map: "));
        assert!(err(RunFlags {
            memory_swap: Some("lots".into()),
            ..Default::default()
        })
        .contains("not a size"));
        let swap = RunFlags {
            memory_swap: Some("-1".into()),
            cgroup_parent: Some("x".into()),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(swap.resources.other, ["--memory-swap", "--cgroup-parent"]);
    }
}
