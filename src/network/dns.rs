//! The DNS responder of user-defined networks (Docker's embedded DNS, Podman's
//! aardvark-dns): one process per user in the per-user network namespace, on port 53 of
//! every bridge's gateway. A container's name, its aliases and its short ID answer with
//! its address, only to containers of the same network; everything else is relayed to
//! slirp4netns's resolver (not for internal networks, which must not reach out).
//!
//! Records are files, `$XDG_RUNTIME_DIR/cove/networks/NET/dns/<container id>`, one line
//! `ADDRESS NAME...`, written at start and removed at cleanup: the responder reads them per
//! query, so it keeps no state that could go stale. Hand-written because only A lookups
//! and relaying are needed; a resolver crate would bring an async runtime with it.

use std::fs;
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::path::Path;
use std::time::Duration;

use super::networks::{NetworkConfig, Networks};

/// slirp4netns's resolver, seen from the per-user namespace.
pub const UPSTREAM: &str = "10.0.2.3:53";
/// The search domain containers get, as Podman's dns.podman.
pub const DOMAIN: &str = "dns.cove";

const TYPE_A: u16 = 1;
const RCODE_NXDOMAIN: u8 = 3;

#[derive(Debug, PartialEq, Eq)]
pub struct Query {
    /// Lower case, no trailing dot.
    pub name: String,
    pub qtype: u16,
    /// Where the question section ends (the answer follows it).
    pub end: usize,
}

/// The single question of a standard query.
pub fn parse_query(p: &[u8]) -> Option<Query> {
    if p.len() < 12 || p[2] & 0x80 != 0 || u16::from_be_bytes([p[4], p[5]]) != 1 {
        return None;
    }
    let mut i = 12;
    let mut labels = Vec::new();
    loop {
        let len = *p.get(i)? as usize;
        i += 1;
        if len == 0 {
            break;
        }
        if len > 63 {
            return None; // no compression in a question
        }
        labels.push(String::from_utf8_lossy(p.get(i..i + len)?).to_ascii_lowercase());
        i += len;
    }
    let qtype = u16::from_be_bytes([*p.get(i)?, *p.get(i + 1)?]);
    Some(Query {
        name: labels.join("."),
        qtype,
        end: i + 4,
    })
}

/// A response to `query`: an A record for `ip`, or none with `rcode`.
pub fn respond(query: &[u8], q: &Query, ip: Option<Ipv4Addr>, rcode: u8) -> Vec<u8> {
    let mut r = query[..q.end].to_vec();
    // QR, opcode and RD kept; AA; RA; the rcode.
    r[2] = 0x80 | (query[2] & 0x79) | 0x04;
    r[3] = 0x80 | (rcode & 0x0f);
    let answers: u16 = ip.is_some().into();
    r[6..8].copy_from_slice(&answers.to_be_bytes());
    r[8..12].fill(0);
    if let Some(ip) = ip {
        r.extend_from_slice(&[0xc0, 12]); // the name: a pointer to the question
        r.extend_from_slice(&TYPE_A.to_be_bytes());
        r.extend_from_slice(&1u16.to_be_bytes()); // IN
        r.extend_from_slice(&0u32.to_be_bytes()); // TTL 0: containers come and go
        r.extend_from_slice(&4u16.to_be_bytes());
        r.extend_from_slice(&ip.octets());
    }
    r
}

/// The address `name` has on the network whose records are in `dir`.
pub fn lookup(dir: &Path, name: &str) -> Option<Ipv4Addr> {
    let name = name.strip_suffix(&format!(".{DOMAIN}")).unwrap_or(name);
    for e in fs::read_dir(dir).ok()?.flatten() {
        let text = fs::read_to_string(e.path()).unwrap_or_default();
        let mut words = text.split_whitespace();
        let Some(ip) = words.next().and_then(|w| w.parse().ok()) else {
            continue;
        };
        if words.any(|w| w.eq_ignore_ascii_case(name)) {
            return Some(ip);
        }
    }
    None
}

/// The records line for a container.
pub fn record(ip: Ipv4Addr, names: &[&str]) -> String {
    format!("{ip} {}\n", names.join(" "))
}

fn network_of(nets: &Networks, client: Ipv4Addr) -> Option<NetworkConfig> {
    nets.list()
        .ok()?
        .into_iter()
        .find(|n| n.subnet().is_ok_and(|s| s.contains(client)))
}

/// Serve forever on `sock` (bound to 0.0.0.0:53 in the per-user namespace).
pub fn serve(sock: UdpSocket, nets: &Networks) -> std::io::Result<()> {
    let mut buf = [0u8; 1500];
    loop {
        let (n, peer) = sock.recv_from(&mut buf)?;
        let packet = &buf[..n];
        let (Some(q), SocketAddr::V4(client)) = (parse_query(packet), peer) else {
            continue;
        };
        let Some(net) = network_of(nets, *client.ip()) else {
            continue;
        };
        let found = lookup(&nets.dns_dir(&net.name), &q.name);
        let local = found.is_some() || q.name.ends_with(&format!(".{DOMAIN}")) || q.name == DOMAIN;
        if local || net.internal {
            let ip = found.filter(|_| q.qtype == TYPE_A);
            let rcode = if found.is_some() { 0 } else { RCODE_NXDOMAIN };
            let _ = sock.send_to(&respond(packet, &q, ip, rcode), peer);
            continue;
        }
        let query = packet.to_vec();
        let reply_to = sock.try_clone()?;
        std::thread::spawn(move || relay(&query, &reply_to, peer));
    }
}

/// Ask upstream on a socket of its own; the answer (or nothing) goes back to the client.
fn relay(query: &[u8], reply_to: &UdpSocket, peer: SocketAddr) {
    let Ok(up) = UdpSocket::bind("0.0.0.0:0") else {
        return;
    };
    let _ = up.set_read_timeout(Some(Duration::from_secs(5)));
    if up.send_to(query, UPSTREAM).is_err() {
        return;
    }
    let mut buf = [0u8; 4096];
    if let Ok(n) = up.recv(&mut buf) {
        let _ = reply_to.send_to(&buf[..n], peer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(name: &str, qtype: u16) -> Vec<u8> {
        let mut p = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
        for l in name.split('.') {
            p.push(l.len() as u8);
            p.extend_from_slice(l.as_bytes());
        }
        p.push(0);
        p.extend_from_slice(&qtype.to_be_bytes());
        p.extend_from_slice(&1u16.to_be_bytes());
        p
    }

    #[test]
    fn answers_a_queries_from_records() {
        let dir = std::env::temp_dir().join(format!("cove-dns-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("abc"),
            record(Ipv4Addr::new(10, 89, 1, 2), &["web", "www", "0123456789ab"]),
        )
        .unwrap();
        let p = query("WWW", TYPE_A);
        let q = parse_query(&p).unwrap();
        assert_eq!(q.name, "www");
        let ip = lookup(&dir, &q.name);
        assert_eq!(ip, Some(Ipv4Addr::new(10, 89, 1, 2)));
        assert_eq!(lookup(&dir, "web.dns.cove"), ip);
        assert_eq!(lookup(&dir, "other"), None);
        let r = respond(&p, &q, ip, 0);
        assert_eq!(&r[..2], &[0x12, 0x34], "same id");
        assert_eq!(r[2] & 0x80, 0x80, "a response");
        assert_eq!(r[3] & 0x0f, 0);
        assert_eq!(u16::from_be_bytes([r[6], r[7]]), 1);
        assert_eq!(&r[r.len() - 4..], &[10, 89, 1, 2]);
        let nx = respond(&p, &q, None, RCODE_NXDOMAIN);
        assert_eq!(nx[3] & 0x0f, RCODE_NXDOMAIN);
        assert_eq!(nx.len(), p.len());
        assert!(parse_query(&r).is_none(), "responses are not queries");
        assert!(parse_query(&p[..8]).is_none());
        let _ = fs::remove_dir_all(&dir);
    }
}
