//! The DNS responder of user-defined networks (Docker's embedded DNS, Podman's
//! aardvark-dns): one process per user in the per-user network namespace, on port 53 of
//! every bridge's gateway. A container's name, its aliases and its short ID answer with
//! its address, only to containers of the same network; everything else is relayed to
//! slirp4netns's resolver (not for internal networks, which must not reach out).
//!
//! Records are files, `$XDG_RUNTIME_DIR/cove/networks/NET/dns/<container id>`, one line
//! `ADDRESS NAME...`, written at start and removed at cleanup: the responder reads them per
//! query, so it keeps no state that could go stale.
//!
//! Every container of every user network talks to this one long-lived process, so no
//! datagram may stop it: messages are decoded and encoded by hickory-proto (aardvark-dns's
//! own parser, fuzzed upstream), malformed queries get FORMERR, and relays run on a fixed
//! pool of workers so a flood of queries cannot spawn threads without bound.

use std::fs;
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hickory_proto::op::{Edns, Header, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::rdata::A;
use hickory_proto::rr::{RData, Record, RecordType};
use hickory_proto::serialize::binary::{BinDecodable, BinDecoder};

use super::networks::{NetworkConfig, Networks};

/// slirp4netns's resolver, seen from the per-user namespace.
pub const UPSTREAM: &str = "10.0.2.3:53";
/// The search domain containers get, as Podman's dns.podman.
pub const DOMAIN: &str = "dns.cove";

/// Relays in flight at once; more wait in the queue, and past it the client gets SERVFAIL.
const RELAY_WORKERS: usize = 8;
const RELAY_QUEUE: usize = 64;
/// As long as a resolver gives one server before trying the next (glibc: 5 s).
const RELAY_TIMEOUT: Duration = Duration::from_secs(5);
/// What a client on Ethernet can send without fragments, EDNS or not: larger is not a query.
const MAX_DATAGRAM: usize = 4096;

/// What the client's network knows of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    /// The name's address on the client's network, if it is a container there.
    pub address: Option<Ipv4Addr>,
    /// The network may not reach out, so unknown names are not relayed.
    pub internal: bool,
}

/// What to do with one datagram.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Send these bytes back to the client.
    Reply(Vec<u8>),
    /// Ask upstream; `servfail` is the answer if upstream cannot be asked.
    Relay { id: u16, servfail: Vec<u8> },
    /// Not a query one can answer (no header, a response, or a client on no network).
    Drop,
}

/// The one question of a standard query, its name in lower case without the final dot.
pub fn question(msg: &Message) -> Option<(&Query, String)> {
    let [q] = msg.queries.as_slice() else {
        return None;
    };
    let labels: Vec<String> = q
        .name()
        .iter()
        .map(|l| String::from_utf8_lossy(l).to_ascii_lowercase())
        .collect();
    Some((q, labels.join(".")))
}

/// Decides the fate of `packet`; `scope` is asked about the question's name only for a
/// well-formed query, and None means the client is on no network of ours.
pub fn handle(packet: &[u8], scope: impl FnOnce(&str) -> Option<Scope>) -> Verdict {
    let Ok(header) = Header::read(&mut BinDecoder::new(packet)) else {
        return Verdict::Drop; // not even an id to answer to
    };
    // Never answer a response: two responders would bounce errors at each other forever.
    if header.message_type != MessageType::Query {
        return Verdict::Drop;
    }
    let error = |code| Verdict::Reply(error(header.id, header.op_code, code));
    if header.op_code != OpCode::Query {
        return error(ResponseCode::NotImp);
    }
    let Ok(msg) = Message::from_vec(packet) else {
        return error(ResponseCode::FormErr);
    };
    let Some((q, name)) = question(&msg) else {
        return error(ResponseCode::FormErr);
    };
    let Some(scope) = scope(&name) else {
        return Verdict::Drop;
    };
    let ours = scope.address.is_some() || name == DOMAIN || name.ends_with(&format!(".{DOMAIN}"));
    if !ours && !scope.internal {
        return Verdict::Relay {
            id: header.id,
            servfail: response(&msg, q, ResponseCode::ServFail, None),
        };
    }
    // A known name has no record of another type: NOERROR without answers, as aardvark.
    let (code, ip) = match scope.address {
        Some(ip) => (ResponseCode::NoError, Some(ip)),
        None => (ResponseCode::NXDomain, None),
    };
    let ip = ip.filter(|_| q.query_type() == RecordType::A);
    Verdict::Reply(response(&msg, q, code, ip))
}

/// A bare error answer: the header only, which is all a malformed query lets one echo.
fn error(id: u16, op: OpCode, code: ResponseCode) -> Vec<u8> {
    Message::error_msg(id, op, code)
        .to_vec()
        .unwrap_or_default()
}

/// The answer to `query`'s question `q`: an A record for `ip`, or none with `code`.
fn response(query: &Message, q: &Query, code: ResponseCode, ip: Option<Ipv4Addr>) -> Vec<u8> {
    let mut r = Message::response(query.metadata.id, OpCode::Query);
    r.metadata.authoritative = true;
    r.metadata.recursion_desired = query.metadata.recursion_desired;
    r.metadata.recursion_available = true;
    r.metadata.response_code = code;
    r.add_query(q.clone());
    if let Some(ip) = ip {
        // TTL 0: containers come and go.
        r.add_answer(Record::from_rdata(q.name().clone(), 0, RData::A(A(ip))));
    }
    // RFC 6891: a query with OPT gets one back.
    if query.edns.is_some() {
        r.set_edns(Edns::new());
    }
    // Encoding what was just decoded (a name of at most 255 bytes, one record) cannot
    // overflow anything; the bare error is the fallback should it ever fail.
    r.to_vec()
        .unwrap_or_else(|_| error(query.metadata.id, OpCode::Query, code))
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

/// Serve forever on `sock` (bound to 0.0.0.0:53 in the per-user namespace). Only failing
/// to start the relay workers returns; a bad datagram or a socket error is logged (socket
/// errors only: malformed queries are answered, not logged, so they cannot fill the log).
pub fn serve(sock: UdpSocket, nets: &Networks) -> std::io::Result<()> {
    let upstream: SocketAddr = UPSTREAM
        .parse()
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let relays = Relays::start(
        upstream,
        sock.try_clone()?,
        RELAY_WORKERS,
        RELAY_QUEUE,
        RELAY_TIMEOUT,
    )?;
    let mut buf = vec![0u8; MAX_DATAGRAM];
    loop {
        let (n, peer) = match sock.recv_from(&mut buf) {
            Ok(got) => got,
            Err(e) => {
                crate::log::warn(format_args!("dns: receiving: {e}"));
                // A persistent error must not turn into a busy loop.
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        let packet = buf.get(..n).unwrap_or_default();
        let SocketAddr::V4(client) = peer else {
            continue;
        };
        // Belt and braces: should a bug still panic on some datagram, that datagram is
        // lost (the hook has logged the panic), not every user network's resolution.
        let verdict = std::panic::catch_unwind(AssertUnwindSafe(|| {
            handle(packet, |name| {
                let net = network_of(nets, *client.ip())?;
                Some(Scope {
                    address: lookup(&nets.dns_dir(&net.name), name),
                    internal: net.internal,
                })
            })
        }));
        let reply = match verdict.unwrap_or(Verdict::Drop) {
            Verdict::Drop => continue,
            Verdict::Reply(reply) => reply,
            Verdict::Relay { id, servfail } => {
                let job = Job {
                    query: packet.to_vec(),
                    id,
                    peer,
                };
                if relays.submit(job) {
                    continue;
                }
                servfail
            }
        };
        if let Err(e) = sock.send_to(&reply, peer) {
            crate::log::warn(format_args!("dns: answering {peer}: {e}"));
        }
    }
}

/// One query to pass upstream.
pub struct Job {
    pub query: Vec<u8>,
    pub id: u16,
    pub peer: SocketAddr,
}

/// A fixed pool of relay workers behind a bounded queue.
pub struct Relays {
    queue: SyncSender<Job>,
}

impl Relays {
    /// `workers` threads ask `upstream` and send its answers to the client through `reply`.
    pub fn start(
        upstream: SocketAddr,
        reply: UdpSocket,
        workers: usize,
        queue: usize,
        timeout: Duration,
    ) -> std::io::Result<Relays> {
        let (tx, rx) = mpsc::sync_channel::<Job>(queue);
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..workers {
            let rx = Arc::clone(&rx);
            let reply = reply.try_clone()?;
            std::thread::Builder::new()
                .name(format!("dns-relay-{i}"))
                .spawn(move || relay_worker(&rx, upstream, &reply, timeout))?;
        }
        Ok(Relays { queue: tx })
    }

    /// Queues `job`; false when the queue is full, and the caller answers SERVFAIL.
    pub fn submit(&self, job: Job) -> bool {
        match self.queue.try_send(job) {
            Ok(()) => true,
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => false,
        }
    }
}

fn relay_worker(rx: &Mutex<Receiver<Job>>, upstream: SocketAddr, reply: &UdpSocket, t: Duration) {
    loop {
        // A poisoned lock only means another worker panicked; the receiver is still sound.
        let job = match rx.lock() {
            Ok(rx) => rx.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok(job) = job else {
            return; // the serve loop is gone
        };
        if let Some(answer) = ask(upstream, &job, t) {
            if let Err(e) = reply.send_to(&answer, job.peer) {
                crate::log::warn(format_args!("dns: relaying to {}: {e}", job.peer));
            }
        }
    }
}

/// Upstream's answer to `job`, on a socket of its own (a fresh random port per query) that
/// is connected, so only upstream's datagrams arrive; one with another id, or not a
/// response, is ignored, so a stray or spoofed datagram is never passed to the client.
fn ask(upstream: SocketAddr, job: &Job, timeout: Duration) -> Option<Vec<u8>> {
    let bind: SocketAddr = match upstream {
        SocketAddr::V4(_) => (Ipv4Addr::UNSPECIFIED, 0).into(),
        SocketAddr::V6(_) => (std::net::Ipv6Addr::UNSPECIFIED, 0).into(),
    };
    let up = UdpSocket::bind(bind).ok()?;
    up.connect(upstream).ok()?;
    up.send(&job.query).ok()?;
    let deadline = Instant::now() + timeout;
    // The largest UDP payload: an EDNS client may accept more than our own queries' limit,
    // and a cut answer without the TC bit would reach it malformed.
    let mut buf = vec![0u8; 65535];
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        up.set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .ok()?;
        let n = match up.recv(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None, // timed out, or upstream refused
        };
        let answer = buf.get(..n)?;
        let matches = Header::read(&mut BinDecoder::new(answer))
            .is_ok_and(|h| h.id == job.id && h.message_type == MessageType::Response);
        if matches {
            return Some(answer.to_vec());
        }
    }
}

#[cfg(test)]
#[path = "dns_tests.rs"]
mod tests;
