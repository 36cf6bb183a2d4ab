//! Addresses for user-defined networks: IPv4 subnets that do not collide with each other,
//! and container addresses handed out one by one. An address is taken by creating a file
//! named after it with O_EXCL, so two `cove run`s racing for one network never get the
//! same address, and the runtime directory (tmpfs) forgets them all at reboot.

use std::fs;
use std::io::{self, Write};
use std::net::Ipv4Addr;
use std::path::Path;

use super::NetworkError;

/// An IPv4 subnet, `a.b.c.d/len`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subnet {
    pub network: Ipv4Addr,
    pub prefix: u8,
}

impl Subnet {
    pub fn parse(s: &str) -> Result<Subnet, NetworkError> {
        let bad = |why: &str| NetworkError::Option(format!("--subnet {s}: {why}"));
        let (ip, len) = s
            .split_once('/')
            .ok_or_else(|| bad("expected ADDRESS/PREFIX"))?;
        let ip: Ipv4Addr = ip
            .parse()
            .map_err(|_| bad("not an IPv4 address (IPv6 networks are not supported yet)"))?;
        let prefix: u8 = len
            .parse()
            .ok()
            .filter(|p| (8..=30).contains(p))
            .ok_or_else(|| bad("the prefix length must be 8 to 30"))?;
        let net = Subnet {
            network: Ipv4Addr::from(u32::from(ip) & mask(prefix)),
            prefix,
        };
        if net.network != ip {
            return Err(bad(&format!("host bits set (the network is {net})")));
        }
        Ok(net)
    }

    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        u32::from(ip) & mask(self.prefix) == u32::from(self.network)
    }

    pub fn overlaps(&self, other: &Subnet) -> bool {
        let p = self.prefix.min(other.prefix);
        u32::from(self.network) & mask(p) == u32::from(other.network) & mask(p)
    }

    /// The first usable address: the gateway unless the user chose one.
    pub fn first(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.network) + 1)
    }

    fn broadcast(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.network) | !mask(self.prefix))
    }

    /// Usable host addresses in order.
    pub fn hosts(&self) -> impl Iterator<Item = Ipv4Addr> {
        (u32::from(self.network) + 1..u32::from(self.broadcast())).map(Ipv4Addr::from)
    }
}

impl std::fmt::Display for Subnet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// The netmask of a prefix length, as a number.
pub(super) fn mask(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(prefix))
    }
}

/// Networks cove never hands out: slirp4netns's own 10.0.2.0/24.
const RESERVED: Subnet = Subnet {
    network: Ipv4Addr::new(10, 0, 2, 0),
    prefix: 24,
};

/// The next free subnet for a new network: 10.89.N.0/24 as Podman numbers them, skipping
/// every subnet in use.
pub fn free_subnet(used: &[Subnet]) -> Result<Subnet, NetworkError> {
    (1..=255u8)
        .map(|n| Subnet {
            network: Ipv4Addr::new(10, 89, n, 0),
            prefix: 24,
        })
        .find(|s| !used.iter().any(|u| u.overlaps(s)))
        .ok_or_else(|| NetworkError::Conflict("no free subnet left in 10.89.0.0/16".into()))
}

/// A user's subnet must not overlap another network's or slirp4netns's.
pub fn check_free(s: &Subnet, used: &[Subnet]) -> Result<(), NetworkError> {
    if s.overlaps(&RESERVED) {
        return Err(NetworkError::Conflict(format!(
            "subnet {s} overlaps slirp4netns's {RESERVED}"
        )));
    }
    if let Some(u) = used.iter().find(|u| u.overlaps(s)) {
        return Err(NetworkError::Conflict(format!(
            "subnet {s} overlaps the subnet {u} of another network"
        )));
    }
    Ok(())
}

/// Take `wanted` (anywhere in the subnet) or the first free address of `pool` (the
/// subnet, or the network's --ip-range) for `owner` in `dir`, never one of `reserved`
/// (the gateway, --aux-address).
pub fn allocate(
    dir: &Path,
    subnet: &Subnet,
    pool: &Subnet,
    reserved: &[Ipv4Addr],
    wanted: Option<Ipv4Addr>,
    owner: &str,
) -> Result<Ipv4Addr, NetworkError> {
    fs::create_dir_all(dir)
        .map_err(|e| NetworkError::Io(format!("creating {}", dir.display()), e))?;
    let take = |ip: Ipv4Addr| -> io::Result<bool> {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dir.join(ip.to_string()))
        {
            Ok(mut f) => {
                f.write_all(owner.as_bytes())?;
                Ok(true)
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(e),
        }
    };
    let io = |e| NetworkError::Io(format!("allocating an address in {}", dir.display()), e);
    if let Some(ip) = wanted {
        if !subnet.contains(ip)
            || reserved.contains(&ip)
            || ip == subnet.network
            || ip == subnet.broadcast()
        {
            return Err(NetworkError::Conflict(format!(
                "--ip {ip} is not a usable address of {subnet}"
            )));
        }
        return match take(ip).map_err(io)? {
            true => Ok(ip),
            false => Err(NetworkError::Conflict(format!(
                "--ip {ip} is already in use"
            ))),
        };
    }
    // A range's own network address is not handed out either (Podman's lease range
    // starts after it).
    for ip in pool
        .hosts()
        .filter(|ip| !reserved.contains(ip) && subnet.contains(*ip) && *ip != subnet.broadcast())
    {
        if take(ip).map_err(io)? {
            return Ok(ip);
        }
    }
    Err(NetworkError::Conflict(format!(
        "no free address left in {pool}"
    )))
}

/// Give back every address `owner` holds in `dir`.
pub fn release(dir: &Path, owner: &str) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if fs::read_to_string(e.path()).is_ok_and(|o| o == owner) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// How many addresses are handed out in `dir`.
pub fn in_use(dir: &Path) -> usize {
    fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subnets() {
        let s = Subnet::parse("10.89.3.0/24").unwrap();
        assert!(s.contains(Ipv4Addr::new(10, 89, 3, 7)));
        assert!(!s.contains(Ipv4Addr::new(10, 89, 4, 7)));
        assert_eq!(s.first(), Ipv4Addr::new(10, 89, 3, 1));
        assert_eq!(s.hosts().count(), 254);
        assert!(Subnet::parse("10.89.3.1/24").is_err());
        assert!(Subnet::parse("10.89.3.0").is_err());
        assert!(Subnet::parse("fd00::/64").is_err());
        let wide = Subnet::parse("10.89.0.0/16").unwrap();
        assert!(wide.overlaps(&s) && s.overlaps(&wide));
        assert!(check_free(&Subnet::parse("10.0.0.0/8").unwrap(), &[]).is_err());
    }

    #[test]
    fn free_subnets_skip_used_ones() {
        let used = [
            Subnet::parse("10.89.1.0/24").unwrap(),
            Subnet::parse("10.89.2.0/23").unwrap(),
        ];
        assert_eq!(free_subnet(&used).unwrap().to_string(), "10.89.4.0/24");
        assert_eq!(free_subnet(&[]).unwrap().to_string(), "10.89.1.0/24");
    }

    #[test]
    fn addresses_are_taken_once() {
        let dir = std::env::temp_dir().join(format!("cove-ipam-{}", std::process::id()));
        let s = Subnet::parse("10.89.9.0/30").unwrap();
        let gw = [s.first()];
        let gw = &gw[..];
        let a = allocate(&dir, &s, &s, gw, None, "a").unwrap();
        assert_eq!(a, Ipv4Addr::new(10, 89, 9, 2));
        assert!(
            allocate(&dir, &s, &s, gw, None, "b").is_err(),
            "a /30 has two hosts"
        );
        assert!(allocate(&dir, &s, &s, gw, Some(a), "b").is_err());
        release(&dir, "a");
        assert_eq!(in_use(&dir), 0);
        assert_eq!(allocate(&dir, &s, &s, gw, Some(a), "b").unwrap(), a);
        release(&dir, "b");
        let aux = [s.first(), a];
        assert!(allocate(&dir, &s, &s, &aux, Some(a), "c").is_err());
        assert!(
            allocate(&dir, &s, &s, &aux, None, "c").is_err(),
            "aux is never handed out"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
