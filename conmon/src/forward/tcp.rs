//! TCP: one epoll loop per published port relays all of its connections.
//!
//! Each direction of a connection moves bytes with splice(2) through the thread's one
//! pipe (zero-copy), straight on to the other socket. What the other socket cannot take
//! right now is read back out of the pipe into that direction's buffer (at most [`CHUNK`],
//! freed once written), so the pipe is empty again before the next connection uses it,
//! and the direction stops reading until its buffer is gone: backpressure, bounded
//! memory. If even that one pipe cannot be had at full size (the user's pipe budget is
//! spent by other processes), the same loop copies through a user-space buffer instead.
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
use super::{cvt, inner_socket, inner_target, sockaddr_of, socket_error, would_block, Log, Port};
use crate::sys;

/// The most one direction moves per step and the most it buffers: 16 pages, the size of
/// a default pipe.
const CHUNK: usize = 64 * 1024;
/// Steps per direction per wake-up, so one busy connection cannot starve the others.
const ROUNDS: usize = 8;
/// Connections per port; beyond it new clients are accepted and closed at once.
const MAX_CONNS: usize = 4096;
/// Descriptors kept for everything else the shim holds.
const FD_RESERVE: usize = 64;
/// How long accepting pauses when the process is out of descriptors or memory.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

const STOP: u64 = u64::MAX;
const LISTENER: u64 = u64::MAX - 1;
const CLIENT: usize = 0;
const INNER: usize = 1;

/// One direction: bytes read from one socket that the other has not taken yet.
#[derive(Default)]
struct Half {
    buf: Vec<u8>,
    off: usize,
    /// The source said EOF.
    eof: bool,
    /// ... and the destination was told, after everything before it.
    shut: bool,
}

impl Half {
    fn pending(&self) -> bool {
        self.off < self.buf.len()
    }

    fn wants_read(&self) -> bool {
        !self.eof && !self.pending()
    }
}

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

/// How bytes move from a socket to the other: through the thread's pipe, or its buffer.
enum Mover {
    Splice { r: OwnedFd, w: OwnedFd },
    Copy(Vec<u8>),
}

enum Moved {
    Some,
    Eof,
    WouldBlock,
}

type Failure = (&'static str, io::Error);

impl Mover {
    fn new(log: &mut Log) -> Mover {
        match splice_pipe() {
            Ok((r, w)) => Mover::Splice { r, w },
            Err(e) => {
                log.note("no pipe for splice(2), copying through user space", &e);
                Mover::Copy(vec![0; CHUNK])
            }
        }
    }

    /// Reads up to CHUNK from `src` and writes what `dst` takes; the rest goes to `h`.
    fn step(&mut self, src: RawFd, dst: RawFd, h: &mut Half) -> Result<Moved, Failure> {
        match self {
            Mover::Splice { r, w } => {
                let n = match splice(src, w.as_raw_fd(), CHUNK) {
                    Ok(0) => return Ok(Moved::Eof),
                    Ok(n) => n,
                    Err(e) if would_block(&e) => return Ok(Moved::WouldBlock),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(Moved::Some),
                    Err(e) => return Err(("receiving", e)),
                };
                let mut left = n;
                while left > 0 {
                    match splice(r.as_raw_fd(), dst, left) {
                        Ok(0) => break,
                        Ok(m) => left -= m,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) if would_block(&e) => break,
                        Err(e) => {
                            drain(r, left);
                            return Err(("sending", e));
                        }
                    }
                }
                if left > 0 {
                    h.buf = vec![0; left];
                    h.off = 0;
                    if let Err(e) = read_exact(r, &mut h.buf) {
                        drain(r, left);
                        return Err(("reading back from the splice pipe", e));
                    }
                }
                Ok(Moved::Some)
            }
            Mover::Copy(buf) => {
                let n = match sys::recv(src, buf) {
                    Ok(0) => return Ok(Moved::Eof),
                    Ok(n) => n,
                    Err(e) if would_block(&e) => return Ok(Moved::WouldBlock),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(Moved::Some),
                    Err(e) => return Err(("receiving", e)),
                };
                let m = match sys::send(dst, &buf[..n]) {
                    Ok(m) => m,
                    Err(e) if would_block(&e) || e.kind() == io::ErrorKind::Interrupted => 0,
                    Err(e) => return Err(("sending", e)),
                };
                if m < n {
                    h.buf = buf[m..n].to_vec();
                    h.off = 0;
                }
                Ok(Moved::Some)
            }
        }
    }
}

/// A pipe holding at least CHUNK, or an error when the user's pipe budget cannot give it.
fn splice_pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut p = [0; 2];
    // SAFETY: pipe2 fills the two-element array.
    cvt(unsafe { libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) })?;
    // SAFETY: fresh descriptors we own.
    let (r, w) = unsafe { (OwnedFd::from_raw_fd(p[0]), OwnedFd::from_raw_fd(p[1])) };
    // SAFETY: fcntl on our pipe.
    let size = cvt(unsafe { libc::fcntl(w.as_raw_fd(), libc::F_GETPIPE_SZ) })?;
    if (size as usize) < CHUNK {
        // A user over pipe-user-pages-soft gets pipes of two pages, and cannot grow them.
        // SAFETY: as above.
        cvt(unsafe { libc::fcntl(w.as_raw_fd(), libc::F_SETPIPE_SZ, CHUNK as libc::c_int) })?;
    }
    Ok((r, w))
}

fn splice(from: RawFd, to: RawFd, len: usize) -> io::Result<usize> {
    // Not SPLICE_F_MORE: on a socket it corks like MSG_MORE, and a short answer would
    // sit up to 200 ms waiting for more.
    let flags = libc::SPLICE_F_MOVE | libc::SPLICE_F_NONBLOCK;
    // SAFETY: splice between descriptors we hold; null offsets for sockets and pipes.
    let n = unsafe {
        libc::splice(
            from,
            std::ptr::null_mut(),
            to,
            std::ptr::null_mut(),
            len,
            flags,
        )
    };
    if n < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

fn read_exact(r: &OwnedFd, mut buf: &mut [u8]) -> io::Result<()> {
    while !buf.is_empty() {
        match sys::read(r.as_raw_fd(), buf) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => buf = &mut buf[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Empties the pipe after a failed transfer: the next connection must not get its bytes.
fn drain(r: &OwnedFd, mut left: usize) {
    let mut sink = [0u8; 4096];
    while left > 0 {
        match sys::read(r.as_raw_fd(), &mut sink[..left.min(4096)]) {
            Ok(0) => return,
            Ok(n) => left -= n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// Moves one direction as far as it goes now: buffered bytes first, then fresh ones; at
/// EOF with nothing left over, passes the EOF on.
fn pump(h: &mut Half, src: RawFd, dst: RawFd, mover: &mut Mover) -> Result<(), Failure> {
    for _ in 0..ROUNDS {
        if h.pending() {
            match sys::send(dst, &h.buf[h.off..]) {
                Ok(n) => h.off += n,
                Err(e) if would_block(&e) => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(("sending", e)),
            }
            if !h.pending() {
                h.buf = Vec::new();
                h.off = 0;
            }
            continue;
        }
        if h.eof {
            break;
        }
        match mover.step(src, dst, h)? {
            Moved::Some => {}
            Moved::Eof => h.eof = true,
            Moved::WouldBlock => break,
        }
    }
    // Outside the loop: an EOF found in its last round has no event left to wait for.
    if h.eof && !h.pending() && !h.shut {
        h.shut = true;
        // SAFETY: shutdown on a socket we hold.
        cvt(unsafe { libc::shutdown(dst, libc::SHUT_WR) })
            .map_err(|e| ("passing on the end of the stream", e))?;
    }
    Ok(())
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
    mover: Mover,
    port: Port,
    log: &'a mut Log,
}

/// Relays the port's connections until `stop` becomes readable.
pub fn run(listener: &OwnedFd, port: Port, stop: &OwnedFd, log: &mut Log) -> io::Result<()> {
    sys::set_nonblocking(listener.as_raw_fd())?;
    let ep = Epoll::new(256)?;
    ep.add(stop.as_raw_fd(), IN, STOP)?;
    ep.add(listener.as_raw_fd(), IN, LISTENER)?;
    let max = MAX_CONNS.min(super::fd_limit().saturating_sub(FD_RESERVE) / 2);
    let mut relay = Relay {
        ep,
        conns: Vec::new(),
        free: Vec::new(),
        live: 0,
        max,
        generation: 0,
        mover: Mover::new(log),
        port,
        log,
    };
    let mut paused: Option<Instant> = None;
    loop {
        let timeout = paused.map(|t| t.saturating_duration_since(Instant::now()));
        let events = relay.ep.wait(timeout)?;
        if let Some(t) = paused {
            if Instant::now() >= t {
                paused = None;
                relay.ep.add(listener.as_raw_fd(), IN, LISTENER)?;
            }
        }
        for (tok, ev) in events {
            match tok {
                STOP => return Ok(()),
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
            let (target, source) = inner_target(peer, self.port.container_port);
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
        let mover = &mut self.mover;
        let mut r = Ok(());
        if (side == CLIENT && readable) || (side == INNER && writable) {
            r = pump(&mut conn.up, client, inner, mover);
        }
        if r.is_ok() && ((side == INNER && readable) || (side == CLIENT && writable)) {
            r = pump(&mut conn.down, inner, client, mover);
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
        let Some(conn) = self.conns[slot].take() else {
            return;
        };
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
