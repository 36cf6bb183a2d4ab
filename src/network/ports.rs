//! Published ports: `-p [ip:][hostPort:]containerPort[/proto]` parsed into mappings, and
//! the host's listening sockets bound by the CLI before anything starts, so a port that is
//! taken is an error while nothing is running yet. The shim's forwarder inherits them.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, OwnedFd};

use nix::sys::socket::{
    bind, getsockname, listen, setsockopt, socket, sockopt, AddressFamily, Backlog, SockFlag,
    SockType, SockaddrStorage,
};
use serde::{Deserialize, Serialize};

use super::NetworkError;

/// One host port to one container port. `host_port` 0 means "any free port".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortMapping {
    /// Empty: every address of the host.
    #[serde(default)]
    pub host_ip: String,
    pub host_port: u16,
    /// `8000-8010:80`: any one free port from host_port to this (0: just host_port).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub host_port_last: u16,
    pub container_port: u16,
    pub protocol: String,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

impl PortMapping {
    /// `0.0.0.0:8080` or `[::1]:8080`: where a client connects.
    pub fn host_address(&self) -> String {
        host_with_port(self.host_ip_or_any(), &self.host_port.to_string())
    }

    /// `0.0.0.0:8080->80/tcp`, as `ps` shows it.
    pub fn display(&self) -> String {
        format!(
            "{}->{}/{}",
            self.host_address(),
            self.container_port,
            self.protocol
        )
    }

    pub fn host_ip_or_any(&self) -> &str {
        if self.host_ip.is_empty() {
            "0.0.0.0"
        } else {
            &self.host_ip
        }
    }
}

fn host_with_port(ip: &str, port: &str) -> String {
    if ip.contains(':') {
        format!("[{ip}]:{port}")
    } else {
        format!("{ip}:{port}")
    }
}

/// `ps`'s PORTS column. Runs of consecutive ports on one address and protocol are folded
/// (`0.0.0.0:8000-8002->80-82/tcp`), as Docker and Podman print them.
pub fn summary(ports: &[PortMapping]) -> String {
    let mut sorted: Vec<&PortMapping> = ports.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.host_ip, &a.protocol, a.container_port).cmp(&(
            &b.host_ip,
            &b.protocol,
            b.container_port,
        ))
    });
    let mut runs: Vec<(&PortMapping, u16)> = Vec::new();
    for m in sorted {
        match runs.last_mut() {
            Some((first, n))
                if first.host_ip == m.host_ip
                    && first.protocol == m.protocol
                    && u32::from(first.container_port) + u32::from(*n)
                        == u32::from(m.container_port)
                    && u32::from(first.host_port) + u32::from(*n) == u32::from(m.host_port) =>
            {
                *n += 1
            }
            _ => runs.push((m, 1)),
        }
    }
    runs.iter()
        .map(|(m, n)| {
            if *n == 1 {
                return m.display();
            }
            let last = n - 1;
            format!(
                "{}->{}-{}/{}",
                host_with_port(
                    m.host_ip_or_any(),
                    &format!("{}-{}", m.host_port, m.host_port + last)
                ),
                m.container_port,
                m.container_port + last,
                m.protocol
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn bad(spec: &str, why: &str) -> NetworkError {
    NetworkError::Publish(spec.to_string(), why.to_string())
}

/// `N` or `N-M`.
fn port_range(spec: &str, s: &str) -> Result<(u16, u16), NetworkError> {
    let one = |p: &str| -> Result<u16, NetworkError> {
        p.parse::<u16>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| bad(spec, &format!("{p:?} is not a port number (1-65535)")))
    };
    match s.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (one(a)?, one(b)?);
            if b < a {
                return Err(bad(spec, "the range ends before it starts"));
            }
            Ok((a, b))
        }
        None => {
            let p = one(s)?;
            Ok((p, p))
        }
    }
}

/// Splits `[ip:][host:]container` where ip may be `[v6]` (or a bare v6 with a host port).
fn split_spec(spec: &str) -> Result<(String, Option<&str>, &str), NetworkError> {
    if let Some(rest) = spec.strip_prefix('[') {
        let (ip, rest) = rest
            .split_once(']')
            .ok_or_else(|| bad(spec, "missing ] after the IPv6 address"))?;
        let rest = rest
            .strip_prefix(':')
            .ok_or_else(|| bad(spec, "expected :PORT after the address"))?;
        let (host, ctr) = match rest.split_once(':') {
            Some((h, c)) => (Some(h), c),
            None => return Err(bad(spec, "expected [IP]:HOSTPORT:CONTAINERPORT")),
        };
        return Ok((ip.to_string(), host, ctr));
    }
    let parts: Vec<&str> = spec.rsplitn(3, ':').collect();
    Ok(match parts.as_slice() {
        [ctr] => (String::new(), None, ctr),
        [ctr, host] => (String::new(), Some(host), ctr),
        [ctr, host, ip] => (ip.to_string(), Some(host), ctr),
        _ => unreachable!("rsplitn(3) yields 1 to 3 parts"),
    })
}

/// One `-p` value, expanded to one mapping per container port.
pub fn parse_publish(spec: &str) -> Result<Vec<PortMapping>, NetworkError> {
    let (body, protocol) = match spec.rsplit_once('/') {
        Some((b, p)) => (b, p.to_ascii_lowercase()),
        None => (spec, "tcp".to_string()),
    };
    if !matches!(protocol.as_str(), "tcp" | "udp") {
        return Err(bad(spec, "protocol must be tcp or udp"));
    }
    let (host_ip, host, ctr) = split_spec(body)?;
    if !host_ip.is_empty() && host_ip.parse::<IpAddr>().is_err() {
        return Err(bad(spec, &format!("{host_ip:?} is not an IP address")));
    }
    let (c0, c1) = port_range(spec, ctr)?;
    let host = match host {
        Some("") | None => None,
        Some(h) => Some(port_range(spec, h)?),
    };
    let count = c1 - c0 + 1;
    let mut out = Vec::with_capacity(count as usize);
    for i in 0..count {
        let host_port = match host {
            None => 0,
            Some((h0, h1)) if h1 - h0 + 1 == count => h0 + i,
            Some(_) if count == 1 => 0, // set below
            Some(_) => {
                return Err(bad(
                    spec,
                    "the host and container port ranges differ in length",
                ))
            }
        };
        out.push(PortMapping {
            host_ip: host_ip.clone(),
            host_port,
            host_port_last: 0,
            container_port: c0 + i,
            protocol: protocol.clone(),
        });
    }
    // `8000-8010:80`: any one free port of the host range (picked when binding).
    if let (Some((h0, h1)), 1) = (host, count) {
        out[0].host_port = h0;
        out[0].host_port_last = if h1 > h0 { h1 } else { 0 };
    }
    Ok(out)
}

/// The image's EXPOSE entries (`80/tcp`, `53/udp`, `8000-8002`) for `-P`: each gets a
/// random host port.
pub fn parse_exposed(exposed: &str) -> Result<Vec<PortMapping>, NetworkError> {
    let (ports, proto) = exposed.split_once('/').unwrap_or((exposed, "tcp"));
    parse_publish(&format!("{ports}/{proto}"))
}

/// The bound host sockets of one mapping (with the real port if it was random). A TCP
/// mapping on every address has two: 0.0.0.0 and [::] with IPV6_V6ONLY, so the shim can
/// hand an IPv4 server a socket of its own family (conmon's forward/handoff.rs) while
/// IPv6 clients are still served; everything else has one.
pub struct Listener {
    pub mapping: PortMapping,
    pub fds: Vec<OwnedFd>,
}

fn bind_one(ip: Option<IpAddr>, port: u16, udp: bool) -> nix::Result<OwnedFd> {
    let (family, addr) = match ip {
        Some(IpAddr::V4(v4)) => (AddressFamily::Inet, SocketAddr::new(v4.into(), port)),
        Some(IpAddr::V6(v6)) => (AddressFamily::Inet6, SocketAddr::new(v6.into(), port)),
        // Every address: one dual-stack socket serves IPv4 and IPv6 clients.
        None => (
            AddressFamily::Inet6,
            SocketAddr::new(Ipv6Addr::UNSPECIFIED.into(), port),
        ),
    };
    let ty = if udp {
        SockType::Datagram
    } else {
        SockType::Stream
    };
    let fd = socket(family, ty, SockFlag::SOCK_CLOEXEC, None)?;
    if family == AddressFamily::Inet6 {
        setsockopt(&fd, sockopt::Ipv6V6Only, &ip.is_some())?;
    }
    if !udp {
        setsockopt(&fd, sockopt::ReuseAddr, &true)?;
    }
    bind(fd.as_raw_fd(), &SockaddrStorage::from(addr))?;
    if !udp {
        listen(&fd, Backlog::MAXCONN)?;
    }
    Ok(fd)
}

/// Tries for a random port: another process may hold the one IPv4 picked on IPv6.
const RANDOM_PAIR_TRIES: usize = 16;

/// The sockets of one mapping on `port` (0: any free one). A TCP mapping on every address
/// gets an IPv4 socket and an IPv6-only one on the same port; a host without IPv6 gets
/// the IPv4 one alone.
fn bind_mapping(ip: Option<IpAddr>, port: u16, udp: bool) -> nix::Result<Vec<OwnedFd>> {
    if ip.is_some() || udp {
        let fd = bind_one(ip, port, udp).or_else(|e| match (ip, e) {
            // A host without IPv6: every IPv4 address then.
            (None, nix::Error::EAFNOSUPPORT | nix::Error::EADDRNOTAVAIL) => {
                bind_one(Some(Ipv4Addr::UNSPECIFIED.into()), port, udp)
            }
            _ => Err(e),
        })?;
        return Ok(vec![fd]);
    }
    let tries = if port == 0 { RANDOM_PAIR_TRIES } else { 1 };
    let mut last = nix::Error::EADDRINUSE;
    for _ in 0..tries {
        let v4 = bind_one(Some(Ipv4Addr::UNSPECIFIED.into()), port, false)?;
        match bind_one(Some(Ipv6Addr::UNSPECIFIED.into()), bound_port(&v4), false) {
            Ok(v6) => return Ok(vec![v4, v6]),
            Err(nix::Error::EAFNOSUPPORT | nix::Error::EADDRNOTAVAIL) => return Ok(vec![v4]),
            Err(e) => last = e,
        }
    }
    Err(last)
}

fn bound_port(fd: &OwnedFd) -> u16 {
    getsockname::<SockaddrStorage>(fd.as_raw_fd())
        .ok()
        .and_then(|a| {
            a.as_sockaddr_in()
                .map(|s| s.port())
                .or_else(|| a.as_sockaddr_in6().map(|s| s.port()))
        })
        .unwrap_or(0)
}

/// Bind every mapping; all or nothing (the sockets bound so far close on error).
pub fn bind_all(mappings: &[PortMapping]) -> Result<Vec<Listener>, NetworkError> {
    let mut out: Vec<Listener> = Vec::with_capacity(mappings.len());
    for m in mappings {
        let udp = m.protocol == "udp";
        let ip_text = m.host_ip.clone();
        let range = m.host_port..=m.host_port_last.max(m.host_port);
        let ip = if ip_text.is_empty() {
            None
        } else {
            Some(
                ip_text
                    .parse::<IpAddr>()
                    .map_err(|_| bad(&m.display(), "bad address"))?,
            )
        };
        let mut last_err = nix::Error::EADDRINUSE;
        let mut bound = None;
        for port in range.clone() {
            match bind_mapping(ip, port, udp) {
                Ok(fds) => {
                    bound = Some(fds);
                    break;
                }
                Err(e) => last_err = e,
            }
        }
        let Some(fds) = bound else {
            let shown = match (range.start(), range.end()) {
                (a, b) if a == b => a.to_string(),
                (a, b) => format!("{a}-{b}"),
            };
            return Err(NetworkError::PortInUse {
                port: shown,
                protocol: m.protocol.clone(),
                address: if ip_text.is_empty() {
                    "0.0.0.0".to_string()
                } else {
                    ip_text
                },
                cause: last_err.desc().to_lowercase(),
            });
        };
        out.push(Listener {
            mapping: PortMapping {
                host_ip: ip_text,
                host_port: bound_port(&fds[0]),
                host_port_last: 0,
                container_port: m.container_port,
                protocol: m.protocol.clone(),
            },
            fds,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nix::sys::socket::SockaddrLike;

    fn m(ip: &str, h: u16, c: u16, p: &str) -> PortMapping {
        PortMapping {
            host_ip: ip.into(),
            host_port: h,
            host_port_last: 0,
            container_port: c,
            protocol: p.into(),
        }
    }

    #[test]
    fn ps_summary() {
        let ports = vec![
            m("", 8001, 81, "tcp"),
            m("", 8000, 80, "tcp"),
            m("", 8002, 82, "tcp"),
            m("127.0.0.1", 5353, 53, "udp"),
            m("::1", 9000, 90, "tcp"),
            m("", 7000, 83, "tcp"),
        ];
        assert_eq!(
            summary(&ports),
            "0.0.0.0:8000-8002->80-82/tcp, 0.0.0.0:7000->83/tcp, 127.0.0.1:5353->53/udp, \
             [::1]:9000->90/tcp"
        );
        assert_eq!(summary(&[]), "");
    }

    #[test]
    fn publish_forms() {
        assert_eq!(parse_publish("80").unwrap(), vec![m("", 0, 80, "tcp")]);
        assert_eq!(
            parse_publish("8080:80").unwrap(),
            vec![m("", 8080, 80, "tcp")]
        );
        assert_eq!(
            parse_publish("127.0.0.1:8080:80/udp").unwrap(),
            vec![m("127.0.0.1", 8080, 80, "udp")]
        );
        assert_eq!(
            parse_publish("127.0.0.1::80").unwrap(),
            vec![m("127.0.0.1", 0, 80, "tcp")]
        );
        assert_eq!(
            parse_publish("[::1]:8080:80").unwrap(),
            vec![m("::1", 8080, 80, "tcp")]
        );
        assert_eq!(
            parse_publish("8000-8002:80-82").unwrap(),
            vec![
                m("", 8000, 80, "tcp"),
                m("", 8001, 81, "tcp"),
                m("", 8002, 82, "tcp")
            ]
        );
        assert_eq!(
            parse_publish("8000-8010:80").unwrap(),
            vec![PortMapping {
                host_port_last: 8010,
                ..m("", 8000, 80, "tcp")
            }]
        );
        assert_eq!(parse_exposed("53/udp").unwrap(), vec![m("", 0, 53, "udp")]);
    }

    #[test]
    fn publish_errors() {
        for bad in [
            "",
            "x",
            "0",
            "70000",
            "80/sctp",
            "8000-8001:80-82",
            "1.2.3:80:80",
            "[::1:80",
            "90-80",
            "a:b:c:d",
        ] {
            assert!(parse_publish(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn binding_a_taken_port_fails_and_a_random_one_is_reported() {
        let taken = bind_all(&[m("127.0.0.1", 0, 80, "tcp")]).unwrap();
        let port = taken[0].mapping.host_port;
        assert_ne!(port, 0);
        let err = bind_all(&[m("127.0.0.1", port, 80, "tcp")]).err().unwrap();
        assert!(err.to_string().contains("already in use"), "{err}");
        // UDP on the same number is a different port.
        assert!(bind_all(&[m("127.0.0.1", port, 80, "udp")]).is_ok());
    }

    #[test]
    fn a_tcp_port_on_every_address_is_an_ipv4_and_an_ipv6_only_socket() {
        let both = bind_all(&[m("", 0, 80, "tcp")]).unwrap();
        let port = both[0].mapping.host_port;
        assert_ne!(port, 0);
        assert_eq!(both[0].mapping.host_ip, "", "shown as before: 0.0.0.0");
        let fds = &both[0].fds;
        let families: Vec<_> = fds
            .iter()
            .map(|fd| {
                getsockname::<SockaddrStorage>(fd.as_raw_fd())
                    .unwrap()
                    .family()
            })
            .collect();
        if fds.len() == 2 {
            assert_eq!(
                families,
                [Some(AddressFamily::Inet), Some(AddressFamily::Inet6)]
            );
            assert_eq!(bound_port(&fds[1]), port);
            assert!(nix::sys::socket::getsockopt(&fds[1], sockopt::Ipv6V6Only).unwrap());
        } else {
            assert_eq!(families, [Some(AddressFamily::Inet)], "a host without IPv6");
        }
        // Either family taken is the port taken.
        for ip in ["", "127.0.0.1"] {
            let err = bind_all(&[m(ip, port, 80, "tcp")]).err().unwrap();
            assert!(err.to_string().contains("already in use"), "{ip}: {err}");
        }
        // UDP keeps one dual-stack socket.
        let udp = bind_all(&[m("", port, 80, "udp")]).unwrap();
        assert_eq!(udp[0].fds.len(), 1);
    }
}
