//! Addresses the network helpers give a container, computed rather than asked for, so
//! /etc/hosts and inspect can be written before the helper runs.

use std::net::{IpAddr, Ipv4Addr};

use super::NetworkError;

/// slirp4netns's fixed layout within its network: .100 the container, .2 the gateway (and
/// the host's loopback when allowed), .3 the DNS forwarder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlirpAddresses {
    pub container: Ipv4Addr,
    pub gateway: Ipv4Addr,
    pub dns: Ipv4Addr,
    pub prefix: u8,
}

pub const SLIRP_DEFAULT_CIDR: &str = "10.0.2.0/24";
/// slirp4netns's IPv6 layout (fixed, `--enable-ipv6`).
pub const SLIRP_IPV6_CONTAINER: &str = "fd00::100";
pub const SLIRP_IPV6_DNS: &str = "fd00::3";

/// Where pasta answers DNS (forwarded to the host's resolvers), as Podman sets it up.
pub const PASTA_DNS_FORWARD: &str = "169.254.1.1";

pub fn parse_cidr(cidr: &str) -> Result<(Ipv4Addr, u8), NetworkError> {
    let bad = || {
        NetworkError::Option(format!(
            "cidr={cidr}: expected an IPv4 network like 10.0.2.0/24"
        ))
    };
    let (ip, prefix) = cidr.split_once('/').ok_or_else(bad)?;
    let ip: Ipv4Addr = ip.parse().map_err(|_| bad())?;
    let prefix: u8 = prefix.parse().ok().filter(|p| *p <= 32).ok_or_else(bad)?;
    Ok((
        Ipv4Addr::from(u32::from(ip) & super::ipam::mask(prefix)),
        prefix,
    ))
}

pub fn slirp_addresses(cidr: &str) -> Result<SlirpAddresses, NetworkError> {
    let (net, prefix) = parse_cidr(cidr)?;
    if prefix > 25 {
        return Err(NetworkError::Option(format!(
            "cidr={cidr}: slirp4netns needs a /25 or larger network (it puts the container at .100)"
        )));
    }
    let at = |n: u32| Ipv4Addr::from(u32::from(net) + n);
    Ok(SlirpAddresses {
        container: at(100),
        gateway: at(2),
        dns: at(3),
        prefix,
    })
}

/// The host's default IPv4 gateway (from /proc/net/route), which pasta maps to the host.
pub fn default_gateway() -> Option<String> {
    // Iface Destination Gateway ... in host-order hex.
    let text = std::fs::read_to_string("/proc/net/route").ok()?;
    text.lines().skip(1).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        (f.get(1) == Some(&"00000000"))
            .then(|| u32::from_str_radix(f.get(2)?, 16).ok())
            .flatten()
            .map(|g| Ipv4Addr::from(u32::from_be(g)).to_string())
    })
}

/// The first non-loopback address of the host, for `host.containers.internal` when the
/// host's loopback is not reachable (what Podman does). None on a host with only loopback.
pub fn host_address() -> Option<IpAddr> {
    let addrs = nix::ifaddrs::getifaddrs().ok()?;
    let mut v6 = None;
    for a in addrs {
        let Some(sa) = a.address else { continue };
        if let Some(v4) = sa.as_sockaddr_in() {
            let ip = v4.ip();
            if !ip.is_loopback() && !ip.is_link_local() {
                return Some(IpAddr::V4(ip));
            }
        } else if let Some(s6) = sa.as_sockaddr_in6() {
            let ip = s6.ip();
            // Link-local addresses need a scope and are useless from inside.
            if v6.is_none() && !ip.is_loopback() && (ip.segments()[0] & 0xffc0) != 0xfe80 {
                v6 = Some(IpAddr::V6(ip));
            }
        }
    }
    v6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slirp_layout() {
        let a = slirp_addresses(SLIRP_DEFAULT_CIDR).unwrap();
        assert_eq!(a.container, Ipv4Addr::new(10, 0, 2, 100));
        assert_eq!(a.gateway, Ipv4Addr::new(10, 0, 2, 2));
        assert_eq!(a.dns, Ipv4Addr::new(10, 0, 2, 3));
        let b = slirp_addresses("10.5.7.9/16").unwrap();
        assert_eq!(b.container, Ipv4Addr::new(10, 5, 0, 100));
        assert!(slirp_addresses("10.0.2.0/26").is_err());
        assert!(slirp_addresses("10.0.2.0").is_err());
        assert!(slirp_addresses("300.0.2.0/24").is_err());
    }
}
