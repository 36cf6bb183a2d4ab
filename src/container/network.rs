//! A container's network at start: the namespace the runtime joins, the uplink helper,
//! the host sockets of its published ports, and /etc/hosts, resolv.conf and hostname.
//! Everything here happens before the container's process runs; `Prepared::abort`
//! undoes it when the start fails.

use std::fs;
use std::path::{Path, PathBuf};

use super::record::NetworkState;
use super::spec::{EtcFiles, NetNamespace};
use super::{io_err, Container, Engine, Result};
use crate::network::etc::{self, DnsFlags, HostsInput};
use crate::network::ports::{self, Listener};
use crate::network::uplink::{self, Uplink};
use crate::network::{addr, netns, NetworkError, NetworkMode};

/// The mode used when neither the flag nor containers.conf names one.
pub const DEFAULT_MODE: &str = "slirp4netns";

pub struct Prepared {
    pub namespace: NetNamespace,
    pub listeners: Vec<Listener>,
    pub uplink: Option<Uplink>,
    pub etc: EtcFiles,
    pub state: NetworkState,
}

impl Prepared {
    /// Stop the helper and drop the namespace of a start that failed.
    pub fn abort(self) {
        if let Some(u) = self.uplink {
            u.abort();
        }
        if !self.state.sandbox_key.is_empty() {
            netns::remove(Path::new(&self.state.sandbox_key));
        }
    }
}

/// What the mode says about addresses, DNS and the host.
struct Layout {
    address: Option<String>,
    prefix: u8,
    gateway: Option<String>,
    /// Resolvers of the helper (replacing the host's loopback ones).
    dns: Vec<String>,
    /// Where host.containers.internal points.
    host_gateway: Option<String>,
}

fn default_gateway() -> Option<String> {
    // /proc/net/route: Iface Destination Gateway ... in host-order hex.
    let text = fs::read_to_string("/proc/net/route").ok()?;
    text.lines().skip(1).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        (f.get(1) == Some(&"00000000"))
            .then(|| u32::from_str_radix(f.get(2)?, 16).ok())
            .flatten()
            .map(|g| std::net::Ipv4Addr::from(u32::from_be(g)).to_string())
    })
}

impl Engine {
    fn netns_path(&self, id: &str) -> PathBuf {
        self.paths.runtime.join("netns").join(id)
    }

    /// Set up everything network before the shim starts. `state_dir` holds the helper's log.
    pub(super) fn prepare_network(&self, c: &Container, state_dir: &Path) -> Result<Prepared> {
        let mode = NetworkMode::parse(&c.config.network, DEFAULT_MODE)?;
        if !c.config.ports.is_empty() && !mode.has_uplink() {
            return Err(NetworkError::Conflict(format!(
                "cannot publish ports with --network {}: the container has no network of its own \
                 to forward them to (use slirp4netns or pasta)",
                mode.kind()
            ))
            .into());
        }
        if c.config.mac_address.is_some() && !matches!(mode, NetworkMode::Slirp4netns(_)) {
            return Err(NetworkError::Conflict(format!(
                "--mac-address is not supported with --network {}",
                mode.kind()
            ))
            .into());
        }
        // First, so that a taken port fails the start before anything runs.
        let listeners = ports::bind_all(&c.config.ports)?;
        let host_resolv = fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
        let mut shared_etc = None;
        let (namespace, uplink, layout) = match &mode {
            NetworkMode::None => (NetNamespace::New, None, Layout::isolated()),
            NetworkMode::Host => (NetNamespace::Host, None, Layout::isolated()),
            NetworkMode::Ns(path) => (NetNamespace::Join(path.clone()), None, Layout::isolated()),
            NetworkMode::Container(other) => {
                let o = self.lookup(other)?;
                if !o.state.status.is_active() || o.state.pid <= 0 {
                    return Err(NetworkError::Conflict(format!(
                        "--network container:{other}: that container is not running"
                    ))
                    .into());
                }
                // Same network, same names: its hosts and resolv.conf are shared.
                let dir = self.container_dir(&o.id).join("userdata");
                shared_etc = Some((dir.join("hosts"), dir.join("resolv.conf")));
                let path = PathBuf::from(format!("/proc/{}/ns/net", o.state.pid));
                (NetNamespace::Join(path), None, Layout::isolated())
            }
            NetworkMode::Slirp4netns(o) => {
                let path = self.netns_path(&c.id);
                netns::create(&path).map_err(io_err("creating the network namespace"))?;
                let a =
                    addr::slirp_addresses(o.cidr.as_deref().unwrap_or(addr::SLIRP_DEFAULT_CIDR))?;
                let started = uplink::start_slirp(
                    o,
                    c.config.mac_address.as_deref(),
                    &path,
                    &state_dir.join("slirp4netns.log"),
                );
                let up = match started {
                    Ok(u) => u,
                    Err(e) => {
                        netns::remove(&path);
                        return Err(e.into());
                    }
                };
                let mut dns = vec![a.dns.to_string()];
                if o.enable_ipv6 {
                    dns.push(addr::SLIRP_IPV6_DNS.into());
                }
                let host_gateway = if o.allow_host_loopback {
                    Some(a.gateway.to_string())
                } else {
                    addr::host_address().map(|ip| ip.to_string())
                };
                let layout = Layout {
                    address: Some(a.container.to_string()),
                    prefix: a.prefix,
                    gateway: Some(a.gateway.to_string()),
                    dns,
                    host_gateway,
                };
                (NetNamespace::Join(path), Some(up), layout)
            }
            NetworkMode::Pasta(extra) => {
                let path = self.netns_path(&c.id);
                netns::create(&path).map_err(io_err("creating the network namespace"))?;
                let up = match uplink::start_pasta(extra, &path, &state_dir.join("pasta.log")) {
                    Ok(u) => u,
                    Err(e) => {
                        netns::remove(&path);
                        return Err(e.into());
                    }
                };
                // pasta copies the host's address and gateway; the gateway is mapped to the
                // host's loopback.
                let gateway = default_gateway();
                let layout = Layout {
                    address: addr::host_address()
                        .filter(|ip| ip.is_ipv4())
                        .map(|ip| ip.to_string()),
                    prefix: 0,
                    gateway: gateway.clone(),
                    dns: vec![addr::PASTA_DNS_FORWARD.into()],
                    host_gateway: gateway,
                };
                (NetNamespace::Join(path), Some(up), layout)
            }
        };
        let sandbox_key = match (&namespace, mode.has_uplink()) {
            (NetNamespace::Join(p), true) => p.display().to_string(),
            _ => String::new(),
        };
        let mut prepared = Prepared {
            namespace,
            listeners,
            uplink,
            etc: EtcFiles {
                hosts: None,
                resolv_conf: PathBuf::new(),
                hostname: PathBuf::new(),
            },
            state: NetworkState {
                ports: Vec::new(),
                ip_address: layout.address.clone().unwrap_or_default(),
                ip_prefix_len: layout.prefix,
                gateway: layout.gateway.clone().unwrap_or_default(),
                mac_address: c.config.mac_address.clone().unwrap_or_default(),
                sandbox_key,
            },
        };
        prepared.state.ports = prepared
            .listeners
            .iter()
            .map(|l| l.mapping.clone())
            .collect();
        match self.write_etc_files(c, &layout, &host_resolv, shared_etc) {
            Ok(files) => {
                prepared.etc = files;
                Ok(prepared)
            }
            Err(e) => {
                prepared.abort();
                Err(e)
            }
        }
    }

    fn write_etc_files(
        &self,
        c: &Container,
        layout: &Layout,
        host_resolv: &str,
        shared: Option<(PathBuf, PathBuf)>,
    ) -> Result<EtcFiles> {
        let dir = self.container_dir(&c.id).join("userdata");
        let hostname = dir.join("hostname");
        let write = |path: &Path, content: String| {
            fs::write(path, content).map_err(io_err(format!("writing {}", path.display())))
        };
        write(&hostname, format!("{}\n", c.config.hostname))?;
        if let Some((hosts, resolv_conf)) = shared {
            return Ok(EtcFiles {
                hosts: (!c.config.no_hosts).then_some(hosts),
                resolv_conf,
                hostname,
            });
        }
        let resolv_conf = dir.join("resolv.conf");
        write(
            &resolv_conf,
            etc::resolv_conf(
                host_resolv,
                &layout.dns,
                &DnsFlags {
                    servers: &c.config.dns,
                    search: &c.config.dns_search,
                    options: &c.config.dns_options,
                },
            ),
        )?;
        let hosts = if c.config.no_hosts {
            None
        } else {
            let extra = c
                .config
                .add_hosts
                .iter()
                .map(|h| etc::parse_add_host(h, layout.host_gateway.as_deref()))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            let path = dir.join("hosts");
            write(
                &path,
                etc::hosts(&HostsInput {
                    hostname: &c.config.hostname,
                    name: &c.name,
                    address: layout.address.clone(),
                    host_gateway: layout.host_gateway.clone(),
                    extra: &extra,
                }),
            )?;
            Some(path)
        };
        Ok(EtcFiles {
            hosts,
            resolv_conf,
            hostname,
        })
    }
}

impl Layout {
    /// No uplink: no address of its own, the host's resolvers as they are.
    fn isolated() -> Layout {
        Layout {
            address: None,
            prefix: 0,
            gateway: None,
            dns: Vec::new(),
            host_gateway: None,
        }
    }
}
