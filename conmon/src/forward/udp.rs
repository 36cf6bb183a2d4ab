//! UDP: one epoll loop per published port. Each client (address and port) gets a flow, a
//! socket inside connected to the container port, so the server's replies come back to
//! that flow and go out to that client. Flows idle for [`IDLE`] are dropped; at
//! [`MAX_FLOWS`] the longest idle one makes room for a new client.

use std::collections::HashMap;
use std::io;
use std::mem::{size_of, zeroed};
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::time::{Duration, Instant};

use super::epoll::{Epoll, IN};
use super::{inner_socket, inner_target, sockaddr_of, would_block, Log, Port};
use crate::sys;

const IDLE: Duration = Duration::from_secs(60);
const SWEEP: Duration = Duration::from_secs(5);
const MAX_FLOWS: usize = 1024;
/// Datagrams handled per wake-up of one socket, so a flood on one cannot starve the rest.
const BURST: usize = 64;

const STOP: u64 = u64::MAX;
const HOST: u64 = u64::MAX - 1;

struct Flow {
    /// Tells this flow's events from those of an earlier one in the same slot.
    generation: u32,
    fd: OwnedFd,
    peer: SocketAddr,
    reply_to: (libc::sockaddr_storage, libc::socklen_t),
    last: Instant,
}

struct Flows<'a> {
    ep: Epoll,
    host: RawFd,
    slots: Vec<Option<Flow>>,
    free: Vec<usize>,
    by_peer: HashMap<SocketAddr, usize>,
    generation: u32,
    port: Port,
    buf: Vec<u8>,
    log: &'a mut Log,
}

/// Relays the port's datagrams until `stop` becomes readable.
pub fn run(host: &OwnedFd, port: Port, stop: &OwnedFd, log: &mut Log) -> io::Result<()> {
    sys::set_nonblocking(host.as_raw_fd())?;
    let ep = Epoll::new(64)?;
    ep.add(stop.as_raw_fd(), IN, STOP)?;
    ep.add(host.as_raw_fd(), IN, HOST)?;
    let mut flows = Flows {
        ep,
        host: host.as_raw_fd(),
        slots: Vec::new(),
        free: Vec::new(),
        by_peer: HashMap::new(),
        generation: 0,
        port,
        buf: vec![0; 65536],
        log,
    };
    let mut next_sweep = Instant::now() + SWEEP;
    loop {
        let events = flows
            .ep
            .wait(Some(next_sweep.saturating_duration_since(Instant::now())))?;
        for (tok, _) in events {
            match tok {
                STOP => return Ok(()),
                HOST => flows.relay_clients(),
                _ => flows.relay_replies(tok),
            }
        }
        if Instant::now() >= next_sweep {
            flows.sweep();
            next_sweep = Instant::now() + SWEEP;
        }
    }
}

impl Flows<'_> {
    fn relay_clients(&mut self) {
        for _ in 0..BURST {
            // SAFETY: all-zero is a valid sockaddr_storage.
            let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
            let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            // SAFETY: recvfrom writes at most buf.len() bytes and len bytes of address.
            let n = unsafe {
                libc::recvfrom(
                    self.host,
                    self.buf.as_mut_ptr().cast(),
                    self.buf.len(),
                    libc::MSG_DONTWAIT,
                    &mut ss as *mut _ as *mut libc::sockaddr,
                    &mut len,
                )
            };
            if n < 0 {
                let e = io::Error::last_os_error();
                if would_block(&e) {
                    return;
                }
                if e.kind() != io::ErrorKind::Interrupted {
                    self.log.note("receiving from a client", &e);
                    return;
                }
                continue;
            }
            let Some(peer) = sockaddr_of(&ss) else {
                continue;
            };
            let slot = match self.by_peer.get(&peer) {
                Some(&s) => s,
                None => match self.new_flow(peer, (ss, len)) {
                    Some(s) => s,
                    None => continue,
                },
            };
            let Some(flow) = self.slots[slot].as_mut() else {
                continue;
            };
            flow.last = Instant::now();
            let data = &self.buf[..n as usize];
            let mut sent = sys::send(flow.fd.as_raw_fd(), data);
            // An earlier datagram's ICMP error is reported by this send, which then did
            // not go out: the error is cleared, so try once more.
            if matches!(&sent, Err(e) if e.raw_os_error() == Some(libc::ECONNREFUSED)) {
                sent = sys::send(flow.fd.as_raw_fd(), data);
            }
            match sent {
                Ok(_) => {}
                Err(e) if e.raw_os_error() == Some(libc::ECONNREFUSED) => {}
                Err(e) => self.log.note("passing a datagram to the container", &e),
            }
        }
    }

    fn relay_replies(&mut self, tok: u64) {
        let slot = (tok & 0xffff_ffff) as usize;
        let Some(Some(flow)) = self.slots.get_mut(slot) else {
            return;
        };
        if u64::from(flow.generation) != tok >> 32 {
            return;
        }
        for _ in 0..BURST {
            let n = match sys::recv(flow.fd.as_raw_fd(), &mut self.buf) {
                Ok(n) => n,
                Err(e) if would_block(&e) => return,
                // Nothing listens there (yet): the flow lives on until it is idle.
                Err(e) if e.raw_os_error() == Some(libc::ECONNREFUSED) => continue,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.log.note("receiving from the container", &e);
                    return self.remove(slot);
                }
            };
            flow.last = Instant::now();
            let (ss, len) = &flow.reply_to;
            // SAFETY: sendto the client's address, as received.
            let r = unsafe {
                libc::sendto(
                    self.host,
                    self.buf.as_ptr().cast(),
                    n,
                    libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL,
                    ss as *const _ as *const libc::sockaddr,
                    *len,
                )
            };
            if r < 0 {
                self.log.note(
                    "passing a datagram to a client",
                    &io::Error::last_os_error(),
                );
            }
        }
    }

    fn new_flow(
        &mut self,
        peer: SocketAddr,
        reply_to: (libc::sockaddr_storage, libc::socklen_t),
    ) -> Option<usize> {
        if self.by_peer.len() >= MAX_FLOWS {
            let oldest = self
                .slots
                .iter()
                .enumerate()
                .filter_map(|(i, f)| Some((i, f.as_ref()?.last)))
                .min_by_key(|&(_, last)| last)
                .map(|(i, _)| i);
            if let Some(i) = oldest {
                let cap = format!("{MAX_FLOWS} flows are open; dropped the longest idle one");
                self.log.note("too many clients", &cap);
                self.remove(i);
            }
        }
        let (target, source) = inner_target(Some(peer), self.port.container_port);
        let fd = match inner_socket(target, source, libc::SOCK_DGRAM) {
            Ok((fd, _)) => fd,
            Err(e) => {
                self.log.note("opening a flow into the container", &e);
                return None;
            }
        };
        self.generation = self.generation.wrapping_add(1);
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                self.slots.len() - 1
            }
        };
        let tok = (u64::from(self.generation) << 32) | slot as u64;
        if let Err(e) = self.ep.add(fd.as_raw_fd(), IN, tok) {
            self.log.note("watching a flow", &e);
            self.free.push(slot);
            return None;
        }
        self.slots[slot] = Some(Flow {
            generation: self.generation,
            fd,
            peer,
            reply_to,
            last: Instant::now(),
        });
        self.by_peer.insert(peer, slot);
        Some(slot)
    }

    fn remove(&mut self, slot: usize) {
        if let Some(flow) = self.slots[slot].take() {
            self.by_peer.remove(&flow.peer);
            self.free.push(slot);
        }
    }

    fn sweep(&mut self) {
        let idle: Vec<usize> = self
            .slots
            .iter()
            .enumerate()
            .filter(|(_, f)| f.as_ref().is_some_and(|f| f.last.elapsed() >= IDLE))
            .map(|(i, _)| i)
            .collect();
        for slot in idle {
            self.remove(slot);
        }
    }
}
