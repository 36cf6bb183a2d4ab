//! TCP: one epoll loop per published port relays all of its connections; [`relay`] moves
//! the bytes of each direction with bounded memory and backpressure.
//!
//! EOF on one side is passed on as shutdown(SHUT_WR) on the other once everything before
//! it was written; the connection closes when both directions are done. An error on
//! either side resets both (SO_LINGER 0), so neither end takes a cut stream for a whole one.

use std::io;
use std::mem::{size_of, zeroed};
use std::net::{Ipv4Addr, SocketAddr};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::time::{Duration, Instant};

use super::epoll::{Epoll, IN, OUT};
use super::handoff::Yield;
use super::relay::{pump, Half, Pool};
use super::{cvt, inner_socket, inner_target, sockaddr_of, socket_error, would_block, Log, Port};
use crate::sys;

/// Connections per port; beyond it new clients are accepted and closed at once.
const MAX_CONNS: usize = 4096;
/// Descriptors kept for everything else the shim holds.
const FD_RESERVE: usize = 64;
/// How long accepting pauses when the process is out of descriptors or memory.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

const STOP: u64 = u64::MAX;
const LISTENER: u64 = u64::MAX - 1;
const HANDOFF: u64 = u64::MAX - 2;
const CLIENT: usize = 0;
const INNER: usize = 1;

struct Conn {
    /// Tells this connection's events from those of an earlier one in the same slot.
    generation: u32,
    fds: [OwnedFd; 2],
    /// What each descriptor is registered for (0: not registered).
    registered: [u32; 2],
    connecting: bool,
    /// Connecting to ::1 on this port: on refusal, try 127.0.0.1 (a server listening on
    /// IPv4 only).
    ipv6_port: Option<u16>,
    /// client -> container
    up: Half,
    /// container -> client
    down: Half,
}

impl Conn {
    fn interest(&self, side: usize) -> u32 {
        let (reading, writing) = if side == CLIENT {
            (&self.up, &self.down)
        } else {
            (&self.down, &self.up)
        };
        if self.connecting {
            return if side == INNER { OUT } else { 0 };
        }
        let mut ev = 0;
        if reading.wants_read() {
            ev |= IN;
        }
        if writing.pending() {
            ev |= OUT;
        }
        ev
    }

    fn done(&self) -> bool {
        self.up.shut && self.down.shut
    }
}

fn token(generation: u32, slot: usize, side: usize) -> u64 {
    (u64::from(generation) << 32) | ((slot as u64) << 1) | side as u64
}

struct Relay<'a> {
    ep: Epoll,
    conns: Vec<Option<Conn>>,
    free: Vec<usize>,
    live: usize,
    max: usize,
    generation: u32,
    pool: Pool,
    port: Port,
    /// Where connections go instead of the container port on loopback (the host socket,
    /// for clients inside the container once the port is handed over).
    to: Option<SocketAddr>,
    log: &'a mut Log,
}

/// Relays the port's connections until `stop` becomes readable. Once `handoff` asks, the
/// listener is left to the container's server (the connections already relayed go on).
/// With `to`, connections go there rather than into the container.
pub fn run(
    listener: &OwnedFd,
    port: Port,
    stop: &OwnedFd,
    handoff: Option<&Yield>,
    to: Option<SocketAddr>,
    log: &mut Log,
) -> io::Result<()> {
    sys::set_nonblocking(listener.as_raw_fd())?;
    let ep = Epoll::new(256)?;
    ep.add(stop.as_raw_fd(), IN, STOP)?;
    ep.add(listener.as_raw_fd(), IN, LISTENER)?;
    if let Some(h) = handoff {
        ep.add(h.event(), IN, HANDOFF)?;
    }
    let mut handed = false;
    let max = MAX_CONNS.min(super::fd_limit().saturating_sub(FD_RESERVE) / 2);
    let mut relay = Relay {
        ep,
        conns: Vec::new(),
        free: Vec::new(),
        live: 0,
        max,
        generation: 0,
        pool: Pool::new(),
        port,
        to,
        log,
    };
    let mut paused: Option<Instant> = None;
    loop {
        let timeout = paused.map(|t| t.saturating_duration_since(Instant::now()));
        let events = relay.ep.wait(timeout)?;
        if let Some(t) = paused {
            if Instant::now() >= t {
                paused = None;
                if !handed {
                    relay.ep.add(listener.as_raw_fd(), IN, LISTENER)?;
                }
            }
        }
        for (tok, ev) in events {
            match tok {
                STOP => return Ok(()),
                HANDOFF => {
                    if let Some(h) = handoff {
                        h.drain();
                        if !handed && paused.is_none() {
                            let _ = relay.ep.set(listener.as_raw_fd(), IN, 0, LISTENER);
                        }
                        handed = true;
                        h.acknowledge();
                    }
                }
                LISTENER if handed => {}
                LISTENER => {
                    if !relay.accept_all(listener.as_raw_fd()) {
                        relay.ep.set(listener.as_raw_fd(), IN, 0, LISTENER)?;
                        paused = Some(Instant::now() + ACCEPT_PAUSE);
                    }
                }
                _ => relay.on_event(tok, ev),
            }
        }
    }
}

impl Relay<'_> {
    /// Accepts what is waiting; false when out of descriptors or memory, to pause.
    fn accept_all(&mut self, listener: RawFd) -> bool {
        for _ in 0..64 {
            let (client, peer) = match accept(listener) {
                Ok(c) => c,
                Err(e) if would_block(&e) => return true,
                Err(e) => match e.raw_os_error() {
                    Some(libc::EINTR) | Some(libc::ECONNABORTED) => continue,
                    Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM) => {
                        self.log.note("accepting", &e);
                        return false;
                    }
                    _ => {
                        self.log.note("accepting", &e);
                        return true;
                    }
                },
            };
            if self.live >= self.max {
                let cap = format!("{} connections are open; closed a new one", self.max);
                self.log.note("too many clients", &cap);
                continue;
            }
            let (target, source) = match self.to {
                Some(to) => (to, None),
                None => inner_target(peer, self.port.container_port),
            };
            match inner_socket(target, source, libc::SOCK_STREAM) {
                Ok((inner, connected)) => self.insert(client, inner, connected, target),
                Err(e) => self.refused(client, target, e),
            }
        }
        true
    }

    /// The inner connect failed at once: the IPv4 fallback, or the client is closed.
    fn refused(&mut self, client: OwnedFd, target: SocketAddr, e: io::Error) {
        if target.is_ipv6() && e.raw_os_error() == Some(libc::ECONNREFUSED) {
            let v4 = SocketAddr::new(Ipv4Addr::LOCALHOST.into(), target.port());
            match inner_socket(v4, None, libc::SOCK_STREAM) {
                Ok((inner, connected)) => return self.insert(client, inner, connected, v4),
                Err(e) => return self.log.note("connecting to the container", &e),
            }
        }
        // Nothing listens inside (yet): the client sees the connection closed.
        self.log.note("connecting to the container", &e);
    }

    fn insert(&mut self, client: OwnedFd, inner: OwnedFd, connected: bool, target: SocketAddr) {
        self.generation = self.generation.wrapping_add(1);
        let conn = Conn {
            generation: self.generation,
            fds: [client, inner],
            registered: [0, 0],
            connecting: !connected,
            ipv6_port: target.is_ipv6().then_some(target.port()),
            up: Half::default(),
            down: Half::default(),
        };
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.conns.push(None);
                self.conns.len() - 1
            }
        };
        self.conns[slot] = Some(conn);
        self.live += 1;
        self.update(slot);
    }

    fn on_event(&mut self, tok: u64, ev: u32) {
        let slot = ((tok & 0xffff_ffff) >> 1) as usize;
        let side = (tok & 1) as usize;
        let Some(Some(conn)) = self.conns.get_mut(slot) else {
            return;
        };
        if u64::from(conn.generation) != tok >> 32 {
            return;
        }
        if conn.connecting {
            if let Err(e) = socket_error(conn.fds[INNER].as_raw_fd()) {
                return self.connect_failed(slot, e);
            }
            conn.connecting = false;
        }
        let (client, inner) = (conn.fds[CLIENT].as_raw_fd(), conn.fds[INNER].as_raw_fd());
        let broken = ev & (libc::EPOLLERR | libc::EPOLLHUP) as u32 != 0;
        let readable = ev & IN != 0 || broken;
        let writable = ev & OUT != 0 || broken;
        let (pool, log) = (&mut self.pool, &mut *self.log);
        let mut r = Ok(());
        if (side == CLIENT && readable) || (side == INNER && writable) {
            r = pump(&mut conn.up, client, inner, pool, log);
        }
        if r.is_ok() && ((side == INNER && readable) || (side == CLIENT && writable)) {
            r = pump(&mut conn.down, inner, client, pool, log);
        }
        let done = conn.done();
        match r {
            Err((what, e)) => {
                let kind = if side == CLIENT {
                    "relaying a client's connection"
                } else {
                    "relaying to the container"
                };
                self.log.note(kind, &format_args!("{what}: {e}"));
                self.remove(slot, true);
            }
            Ok(()) if done => self.remove(slot, false),
            Ok(()) => self.update(slot),
        }
    }

    fn connect_failed(&mut self, slot: usize, e: io::Error) {
        let Some(conn) = self.conns[slot].take() else {
            return;
        };
        self.live -= 1;
        self.free.push(slot);
        let [client, _inner] = conn.fds;
        match conn.ipv6_port {
            Some(port) => {
                let target = SocketAddr::new(std::net::Ipv6Addr::LOCALHOST.into(), port);
                self.refused(client, target, e);
            }
            None => self.log.note("connecting to the container", &e),
        }
    }

    /// Registers each descriptor for what its connection waits for now.
    fn update(&mut self, slot: usize) {
        let Some(conn) = self.conns[slot].as_mut() else {
            return;
        };
        for side in [CLIENT, INNER] {
            let want = conn.interest(side);
            let fd = conn.fds[side].as_raw_fd();
            let tok = token(conn.generation, slot, side);
            if let Err(e) = self.ep.set(fd, conn.registered[side], want, tok) {
                self.log.note("watching a connection", &e);
                return self.remove(slot, true);
            }
            conn.registered[side] = want;
        }
    }

    /// Closes a connection; `reset` sends both ends a RST, since the stream was cut.
    fn remove(&mut self, slot: usize, reset: bool) {
        let Some(mut conn) = self.conns[slot].take() else {
            return;
        };
        self.pool.lost(&mut conn.up);
        self.pool.lost(&mut conn.down);
        if reset {
            for fd in &conn.fds {
                linger_zero(fd.as_raw_fd());
            }
        }
        self.live -= 1;
        self.free.push(slot);
    }
}

fn linger_zero(fd: RawFd) {
    let l = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    // SAFETY: setsockopt with a linger of the right size. Failing only loses the RST.
    unsafe {
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            (&l as *const libc::linger).cast(),
            size_of::<libc::linger>() as libc::socklen_t,
        )
    };
}

fn accept(listener: RawFd) -> io::Result<(OwnedFd, Option<SocketAddr>)> {
    // SAFETY: all-zero is a valid sockaddr_storage.
    let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: accept4 writes at most len bytes into ss.
    let fd = cvt(unsafe {
        libc::accept4(
            listener,
            &mut ss as *mut _ as *mut libc::sockaddr,
            &mut len,
            libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
        )
    })?;
    // SAFETY: a fresh descriptor we own.
    Ok((unsafe { OwnedFd::from_raw_fd(fd) }, sockaddr_of(&ss)))
}
