//! A container's network at start: the namespace the runtime joins, the uplink helper,
//! the host sockets of its published ports, and /etc/hosts, resolv.conf and hostname.
//! Everything here happens before the container's process runs; `Engine::abort_network`
//! undoes it when the start fails, `Engine::leave_networks` when the container is done.

use std::fs;
use std::path::{Path, PathBuf};

use super::record::{Attachment, Endpoint, NetworkState};
use super::spec::{EtcFiles, NetNamespace};
use super::{io_err, Container, Engine, Result};
use crate::network::bridge::Shared;
use crate::network::etc::{self, DnsFlags, HostsInput};
use crate::network::networks::{NetworkConfig, Networks};
use crate::network::ports::{self, Listener};
use crate::network::uplink::{self, Uplink};
use crate::network::{addr, dns, ipam, netns, NetworkError, NetworkMode};

/// The mode used when neither the flag nor containers.conf names one.
pub const DEFAULT_MODE: &str = "slirp4netns";

pub struct Prepared {
    pub namespace: NetNamespace,
    pub listeners: Vec<Listener>,
    pub uplink: Option<Uplink>,
    pub etc: EtcFiles,
    pub state: NetworkState,
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

/// Give back an endpoint's address and DNS record (its veth goes with the namespace, or
/// with `Shared::detach`).
fn release_endpoint(nets: &Networks, id: &str, e: &Endpoint) {
    ipam::release(&nets.addresses_dir(&e.network), id);
    let _ = fs::remove_file(nets.dns_dir(&e.network).join(id));
}

impl Engine {
    fn netns_path(&self, id: &str) -> PathBuf {
        self.paths.runtime.join("netns").join(id)
    }

    pub fn networks(&self) -> Networks {
        Networks::new(&self.paths.data, &self.paths.runtime)
    }

    /// The per-user namespace behind user-defined networks.
    pub fn shared_netns(&self) -> Shared {
        Shared::new(&self.paths.runtime.join("netns"))
    }

    /// Remove a network no container uses: its bridge at once, then its definition.
    pub fn delete_network(&self, net: &NetworkConfig) -> std::result::Result<(), NetworkError> {
        let shared = self.shared_netns();
        {
            let _lock = shared.lock()?;
            shared.remove_bridge(net);
        }
        self.networks().remove(net)
    }

    /// Stop the helper and undo the namespace and addresses of a start that failed.
    pub(super) fn abort_network(&self, id: &str, p: Prepared) {
        if let Some(u) = p.uplink {
            u.abort();
        }
        self.leave_networks(id, &p.state);
    }

    /// Give back what a start took: the namespace file, addresses and DNS records on
    /// user-defined networks, and the per-user namespace once no container uses it.
    pub(super) fn leave_networks(&self, id: &str, state: &NetworkState) {
        if !state.sandbox_key.is_empty() {
            netns::remove(Path::new(&state.sandbox_key));
        }
        if state.endpoints.is_empty() {
            return;
        }
        let nets = self.networks();
        for e in &state.endpoints {
            release_endpoint(&nets, id, e);
        }
        let shared = self.shared_netns();
        if let Ok(_lock) = shared.lock() {
            if !nets.any_in_use() {
                shared.teardown();
            }
        }
    }

    /// The DNS responder of user-defined networks, started once per namespace.
    pub(super) fn ensure_dns(&self, shared: &Shared) -> std::result::Result<(), NetworkError> {
        let pid_file = shared.dns_pid_file();
        if Shared::alive(&pid_file).is_some() {
            return Ok(());
        }
        let exe = std::env::current_exe()
            .map_err(|e| NetworkError::Io("finding the cove binary".into(), e))?;
        let log = self.paths.runtime.join("netns/rootless.dns.log");
        let log = fs::File::create(&log)
            .map_err(|e| NetworkError::Io(format!("creating {}", log.display()), e))?;
        let mut cmd = std::process::Command::new(exe);
        cmd.args(self.exit_command.iter().skip(1))
            .args(["network", "dns-serve"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(log);
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let child = cmd
            .spawn()
            .map_err(|e| NetworkError::Io("starting the DNS responder".into(), e))?;
        fs::write(&pid_file, child.id().to_string())
            .map_err(|e| NetworkError::Io("writing the DNS responder's pid".into(), e))
    }

    /// One network: an address, the veth pair, the DNS record. The endpoint is recorded
    /// before the veth exists, so that a failure half way is undone by `leave_networks`.
    /// `default_route`: this network's gateway is the container's way out. The caller
    /// holds the per-user namespace's lock.
    #[allow(clippy::too_many_arguments)]
    fn join_one(
        &self,
        c: &Container,
        path: &Path,
        index: usize,
        net: &NetworkConfig,
        a: &Attachment,
        default_route: bool,
        endpoints: &mut Vec<Endpoint>,
    ) -> std::result::Result<(), NetworkError> {
        let nets = self.networks();
        let shared = self.shared_netns();
        shared.ensure_bridge(net)?;
        let subnet = net.subnet()?;
        let wanted = match &a.ip {
            Some(ip) => Some(
                ip.parse()
                    .map_err(|_| NetworkError::Option(format!("--ip {ip}: not an IPv4 address")))?,
            ),
            None => None,
        };
        let ip = ipam::allocate(
            &nets.addresses_dir(&net.name),
            &subnet,
            &net.pool()?,
            &net.reserved()?,
            wanted,
            &c.id,
        )?;
        let host_interface = format!("cv{}{index}", &c.id[..8]);
        let mac = a
            .mac
            .as_deref()
            .or(c.config.mac_address.as_deref().filter(|_| index == 0));
        endpoints.push(Endpoint {
            network: net.name.clone(),
            network_id: net.id.clone(),
            ip_address: ip.to_string(),
            ip_prefix_len: subnet.prefix,
            gateway: net.gateway.clone(),
            mac_address: mac.unwrap_or_default().to_string(),
            aliases: a.aliases.clone(),
            host_interface: host_interface.clone(),
        });
        shared.attach(path, net, &host_interface, ip, default_route, mac)?;
        if !net.dns_enabled {
            return Ok(());
        }
        let mut names = vec![c.name.as_str(), &c.id[..12]];
        names.extend(a.aliases.iter().map(String::as_str));
        let dir = nets.dns_dir(&net.name);
        fs::create_dir_all(&dir)
            .and_then(|_| fs::write(dir.join(&c.id), dns::record(ip, &names)))
            .map_err(|e| NetworkError::Io("writing the DNS record".into(), e))
    }

    /// `network connect`: the container is on `a.network` from its next start, and at
    /// once if it runs. `ip6`: an IPv6 address asked for (none fits: cove's networks have
    /// no IPv6 subnet).
    pub fn connect(&self, key: &str, a: Attachment, ip6: Option<&str>) -> Result<()> {
        if let Some(m) = a.mac.as_deref().filter(|m| !valid_mac(m)) {
            return Err(NetworkError::Refused(format!("address {m}: invalid MAC address")).into());
        }
        let mut c = self.lookup(key)?;
        let _lock = self.lock(&c.id)?;
        self.refresh(&mut c)?;
        if !matches!(c.config.network, NetworkMode::Bridge(_)) {
            return Err(NetworkError::Conflict(format!(
                "container {} is not on a user-defined network (--network {}): it cannot be connected to another",
                c.name, c.config.network
            ))
            .into());
        }
        let net = self.networks().get(&a.network)?;
        if let Some(ip) = ip6 {
            // Podman's words for an address outside every subnet of the network.
            return Err(NetworkError::Refused(format!(
                "requested static ip {ip} not in any subnet on network {}",
                net.name
            ))
            .into());
        }
        if c.config.attachments.iter().any(|x| x.network == net.name) {
            return Err(NetworkError::Conflict(format!(
                "container {} is already connected to network {}",
                c.name, net.name
            ))
            .into());
        }
        let a = Attachment {
            network: net.name.clone(),
            ..a
        };
        if c.state.status.is_active() && !c.state.network.sandbox_key.is_empty() {
            let shared = self.shared_netns();
            let _shared_lock = shared.lock()?;
            let index = c.config.attachments.len();
            let mut added = Vec::new();
            let path = PathBuf::from(&c.state.network.sandbox_key);
            let mut all = c.config.attachments.clone();
            all.push(a.clone());
            let route = default_route_index(&all) == index;
            if let Err(e) = self.join_one(&c, &path, index, &net, &a, route, &mut added) {
                if let Some(ep) = added.first() {
                    shared.detach(&ep.host_interface);
                    release_endpoint(&self.networks(), &c.id, ep);
                }
                return Err(e.into());
            }
            self.update_state(&mut c, |s| {
                s.network.endpoints.extend(added.iter().cloned());
                true
            })?;
        }
        c.config.attachments.push(a);
        self.save_config(&c)
    }

    /// `network disconnect`: off `network` now and at later starts.
    pub fn disconnect(&self, key: &str, network: &str) -> Result<()> {
        let mut c = self.lookup(key)?;
        let _lock = self.lock(&c.id)?;
        self.refresh(&mut c)?;
        let net = self.networks().get(network)?;
        let Some(pos) = c
            .config
            .attachments
            .iter()
            .position(|x| x.network == net.name)
        else {
            return Err(NetworkError::Conflict(format!(
                "container {} is not connected to network {}",
                c.name, net.name
            ))
            .into());
        };
        if pos == 0 {
            return Err(NetworkError::Conflict(format!(
                "network {} is the one container {} was created on (--network): remove the container instead",
                net.name, c.name
            ))
            .into());
        }
        if let Some(i) = c
            .state
            .network
            .endpoints
            .iter()
            .position(|e| e.network == net.name)
        {
            let ep = c.state.network.endpoints[i].clone();
            self.shared_netns().detach(&ep.host_interface);
            release_endpoint(&self.networks(), &c.id, &ep);
            self.update_state(&mut c, |s| {
                s.network.endpoints.retain(|e| e.network != ep.network);
                true
            })?;
        }
        c.config.attachments.remove(pos);
        self.save_config(&c)
    }

    /// Put the container's namespace at `path` on its user-defined networks.
    fn join_networks(
        &self,
        c: &Container,
        path: &Path,
        endpoints: &mut Vec<Endpoint>,
    ) -> std::result::Result<(), NetworkError> {
        let shared = self.shared_netns();
        let _lock = shared.lock()?;
        shared.ensure()?;
        self.ensure_dns(&shared)?;
        let nets = self.networks();
        let route = default_route_index(&c.config.attachments);
        for (i, a) in c.config.attachments.iter().enumerate() {
            let net = nets.get(&a.network)?;
            self.join_one(c, path, i, &net, a, i == route, endpoints)?;
        }
        Ok(())
    }

    /// Set up everything network before the shim starts. `state_dir` holds the helper's log.
    pub(super) fn prepare_network(&self, c: &Container, state_dir: &Path) -> Result<Prepared> {
        let mode = c.config.network.clone();
        if !c.config.ports.is_empty() && !mode.has_uplink() {
            return Err(NetworkError::Conflict(format!(
                "cannot publish ports with --network {}: the container has no network of its own \
                 to forward them to (use slirp4netns or pasta)",
                mode.kind()
            ))
            .into());
        }
        if c.config.mac_address.is_some()
            && !matches!(mode, NetworkMode::Slirp4netns(_) | NetworkMode::Bridge(_))
        {
            return Err(NetworkError::Conflict(format!(
                "--mac-address is not supported with --network {}",
                mode.kind()
            ))
            .into());
        }
        // First, so that a taken port fails the start before anything runs.
        let listeners = ports::bind_all(&c.config.ports)?;
        // On a user-defined network the responder answers everything (relaying upstream),
        // so the host's resolvers and search domains stay out.
        let host_resolv = match mode {
            NetworkMode::Bridge(_) => format!("search {}\n", dns::DOMAIN),
            _ => fs::read_to_string("/etc/resolv.conf").unwrap_or_default(),
        };
        // slirp4netns, pasta and user networks: a namespace of cove's own, made before the
        // helper starts; any failure below removes it (and what joined it) in one place.
        let own_ns = self.netns_path(&c.id);
        if mode.has_uplink() {
            netns::create(&own_ns).map_err(io_err("creating the network namespace"))?;
        }
        let mut shared_etc = None;
        let mut endpoints = Vec::new();
        let set_up = (|| -> Result<(NetNamespace, Option<Uplink>, Layout)> {
            Ok(match &mode {
                NetworkMode::None => (NetNamespace::New, None, Layout::isolated()),
                NetworkMode::Host => (NetNamespace::Host, None, Layout::isolated()),
                NetworkMode::Ns(path) => {
                    (NetNamespace::Join(path.clone()), None, Layout::isolated())
                }
                NetworkMode::Container(other) => {
                    let o = self.lookup(other)?;
                    if !o.state.status.is_active() || o.state.pid <= 0 {
                        return Err(NetworkError::Conflict(format!(
                            "--network container:{other}: that container is not running"
                        ))
                        .into());
                    }
                    // Same network, same names: its hosts and resolv.conf are shared.
                    let dir = self.bundle_dir(&o.id);
                    shared_etc = Some((dir.join("hosts"), dir.join("resolv.conf")));
                    let path = PathBuf::from(format!("/proc/{}/ns/net", o.state.pid));
                    (NetNamespace::Join(path), None, Layout::isolated())
                }
                NetworkMode::Slirp4netns(o) => {
                    let a = addr::slirp_addresses(
                        o.cidr.as_deref().unwrap_or(addr::SLIRP_DEFAULT_CIDR),
                    )?;
                    let up = uplink::start_slirp(
                        o,
                        c.config.mac_address.as_deref(),
                        &own_ns,
                        &state_dir.join("slirp4netns.log"),
                        true,
                    )?;
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
                    (NetNamespace::Join(own_ns.clone()), Some(up), layout)
                }
                NetworkMode::Pasta(extra) => {
                    let up = uplink::start_pasta(extra, &own_ns, &state_dir.join("pasta.log"))?;
                    // pasta copies the host's address and gateway; the gateway is mapped to
                    // the host's loopback.
                    let gateway = addr::default_gateway();
                    let layout = Layout {
                        address: addr::host_address()
                            .filter(|ip| ip.is_ipv4())
                            .map(|ip| ip.to_string()),
                        prefix: 0,
                        gateway: gateway.clone(),
                        dns: vec![addr::PASTA_DNS_FORWARD.into()],
                        host_gateway: gateway,
                    };
                    (NetNamespace::Join(own_ns.clone()), Some(up), layout)
                }
                NetworkMode::Bridge(_) => {
                    self.join_networks(c, &own_ns, &mut endpoints)?;
                    let first = &endpoints[0];
                    let layout = Layout {
                        address: Some(first.ip_address.clone()),
                        prefix: first.ip_prefix_len,
                        gateway: Some(first.gateway.clone()),
                        dns: vec![first.gateway.clone()],
                        host_gateway: addr::host_address().map(|ip| ip.to_string()),
                    };
                    (NetNamespace::Join(own_ns.clone()), None, layout)
                }
            })
        })();
        let sandbox_key = if mode.has_uplink() {
            own_ns.display().to_string()
        } else {
            String::new()
        };
        let (namespace, uplink, layout) = match set_up {
            Ok(v) => v,
            Err(e) => {
                self.leave_networks(
                    &c.id,
                    &NetworkState {
                        sandbox_key,
                        endpoints,
                        ..NetworkState::default()
                    },
                );
                return Err(e);
            }
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
                endpoints,
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
                self.abort_network(&c.id, prepared);
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
        let dir = self.state_dir(&c.id);
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

/// The attachment whose gateway is the default route: the highest `--gw-priority`, the
/// earliest on a tie (so the network the container was created on, unless told).
pub(super) fn default_route_index(attachments: &[Attachment]) -> usize {
    attachments
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, a)| a.gw_priority)
        .map_or(0, |(i, _)| i)
}

/// Six hex bytes separated by colons, as `--mac-address` takes them.
pub fn valid_mac(mac: &str) -> bool {
    mac.split(':').count() == 6
        && mac
            .split(':')
            .all(|b| b.len() == 2 && u8::from_str_radix(b, 16).is_ok())
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
