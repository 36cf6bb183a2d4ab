//! The port forwarder: one per container, in its shim (Docker runs a docker-proxy process
//! per port). The CLI bound the host's listening sockets; each gets one thread that has
//! entered the container's network namespace, so the sockets it creates for connections
//! live there while the inherited listener stays in the host's namespace.
//!
//! Each port thread is an epoll loop over all of that port's clients ([`tcp`], [`udp`]):
//! no thread and no pipe per connection, so hundreds of clients cost neither the user's
//! thread nor pipe budget (pipe-user-pages-soft is shared by all the user's processes).
//! Per-client state is bounded, and so is the number of clients.
//!
//! The client's address: a client on the host's loopback (the common case for a rootless
//! user) is seen inside as itself, 127.0.0.1 or ::1 with its real port, because the inner
//! socket is bound to that address before connecting. Other clients are seen as 127.0.0.1:
//! keeping their address would need policy routing of the replies inside the namespace.

mod epoll;
mod handoff;
mod relay;
mod tcp;
mod udp;

use std::collections::HashMap;
use std::fmt::Display;
use std::io;
use std::mem::zeroed;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use crate::sys::{self, bind, sockaddr_of};

/// One published port: the inherited host socket and the container port behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Port {
    pub fd: RawFd,
    pub udp: bool,
    pub container_port: u16,
}

pub(crate) const STACK: usize = 64 * 1024;
/// How long `stop` waits for the port threads. They wake at once on the stop event; the
/// bound is for a thread stuck elsewhere, which must not keep the exit command, and with
/// it a restart, from running.
const STOP_WAIT: Duration = Duration::from_secs(5);

fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn would_block(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::WouldBlock
}

/// The running forwarder. The host sockets are ours (inherited from the CLI); each port
/// thread holds one, so a socket is closed only once no thread can use it any more.
pub struct Forwarder {
    /// Readable once `stop` is called: every port thread watches it.
    stop: Arc<OwnedFd>,
    /// One message per port thread as it ends, after it dropped its socket.
    done: mpsc::Receiver<()>,
    threads: usize,
}

/// Start a thread per port; they run until [`Forwarder::stop`]. With `seccomp_listener`
/// (the socket the runtime sends the container's bind() notifications to), one more thread
/// hands TCP ports to the container's server ([`handoff`]).
pub fn start(
    netns: &Path,
    ports: &[Port],
    seccomp_listener: Option<OwnedFd>,
) -> io::Result<Forwarder> {
    let ns = Arc::new(OwnedFd::from(std::fs::File::open(netns)?));
    let stop = Arc::new(sys::eventfd()?);
    raise_fd_limit();
    let (tx, done) = mpsc::channel();
    let mut owned: HashMap<RawFd, Arc<OwnedFd>> = HashMap::new();
    let mut targets = Vec::new();
    let mut threads = 0;
    for &port in ports {
        if !sys::is_open(port.fd) {
            diag!("published port fd {} is not open", port.fd);
            continue;
        }
        let listener = owned
            .entry(port.fd)
            // SAFETY: an open descriptor the CLI handed us; nothing else in the shim owns it
            // (the map makes a descriptor named twice one owner).
            .or_insert_with(|| Arc::new(unsafe { OwnedFd::from_raw_fd(port.fd) }))
            .clone();
        let relay_yield = match (&seccomp_listener, port.udp) {
            (Some(_), false) => {
                let y = handoff::Yield::new()?;
                targets.push(handoff::Target::new(
                    listener.clone(),
                    port.container_port,
                    y.clone(),
                ));
                Some(y)
            }
            _ => None,
        };
        let (ns, stop_fd, tx) = (ns.clone(), stop.clone(), tx.clone());
        let spawned = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || {
                if let Err(e) = sys::setns(&ns, libc::CLONE_NEWNET) {
                    diag!("entering the container's network namespace: {e}");
                } else {
                    let mut log = Log::new(port);
                    let ended = if port.udp {
                        udp::run(&listener, port, &stop_fd, &mut log)
                    } else {
                        tcp::run(
                            &listener,
                            port,
                            &stop_fd,
                            relay_yield.as_deref(),
                            None,
                            &mut log,
                        )
                    };
                    if let Err(e) = ended {
                        log.note("the forwarder stopped", &e);
                    }
                }
                drop(listener);
                let _ = tx.send(());
            });
        if let Err(e) = spawned {
            // The threads already running hold their host ports: end them before failing.
            Forwarder {
                stop,
                done,
                threads,
            }
            .stop();
            return Err(e);
        }
        threads += 1;
    }
    if let Some(sock) = seccomp_listener.filter(|_| !targets.is_empty()) {
        let (ns, stop_fd, tx) = (ns.clone(), stop.clone(), tx.clone());
        let spawned = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || {
                let mut log = Log::named("port handoff".into());
                handoff::serve(&sock, &targets, &ns, &stop_fd, &mut log);
                drop(targets);
                let _ = tx.send(());
            });
        match spawned {
            Ok(_) => threads += 1,
            // The relay keeps every port, as without a listener.
            Err(e) => diag!("starting the port handoff: {e}"),
        }
    }
    Ok(Forwarder {
        stop,
        done,
        threads,
    })
}

impl Forwarder {
    /// Give the host ports back: wake every port thread and wait until each has closed its
    /// socket. Called once the container has exited and before anyone is told, so a
    /// restart (the exit command's, or a user's `start` after `stop`) can bind them again.
    pub fn stop(self) {
        if let Err(e) = sys::eventfd_signal(&self.stop) {
            diag!("waking the port forwarder: {e}");
        }
        let deadline = Instant::now() + STOP_WAIT;
        for _ in 0..self.threads {
            let left = deadline.saturating_duration_since(Instant::now());
            if self.done.recv_timeout(left).is_err() {
                diag!("a port forwarder thread did not end; its port stays bound");
                return;
            }
        }
    }
}

/// Each connection holds two descriptors: the usual soft limit of 1024 would stop a port
/// at about 500 clients. The hard limit is the user's to give, so take it.
fn raise_fd_limit() {
    // SAFETY: all-zero is a valid rlimit.
    let mut lim: libc::rlimit = unsafe { zeroed() };
    // SAFETY: getrlimit/setrlimit with a valid rlimit.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 && lim.rlim_cur < lim.rlim_max {
            lim.rlim_cur = lim.rlim_max;
            if libc::setrlimit(libc::RLIMIT_NOFILE, &lim) != 0 {
                diag!(
                    "raising the open files limit: {}",
                    io::Error::last_os_error()
                );
            }
        }
    }
}

/// The soft limit on open descriptors, to size the per-port cap on clients.
fn fd_limit() -> usize {
    // SAFETY: all-zero is a valid rlimit.
    let mut lim: libc::rlimit = unsafe { zeroed() };
    // SAFETY: getrlimit with a valid rlimit.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
        return 1024;
    }
    usize::try_from(lim.rlim_cur).unwrap_or(usize::MAX)
}

/// A port thread's failures, one log line per kind at the 1st, 2nd, 4th, 8th... time: a
/// stream of bad clients can neither fill the shim's log nor go unreported.
pub(crate) struct Log {
    what: String,
    counts: HashMap<&'static str, u64>,
}

impl Log {
    fn new(port: Port) -> Log {
        let proto = if port.udp { "udp" } else { "tcp" };
        Log::named(format!("port {}/{proto}", port.container_port))
    }

    fn named(what: String) -> Log {
        Log {
            what,
            counts: HashMap::new(),
        }
    }

    pub(crate) fn note(&mut self, kind: &'static str, err: &dyn Display) {
        let n = self.counts.entry(kind).or_insert(0);
        *n += 1;
        if n.is_power_of_two() {
            let times = if *n == 1 {
                String::new()
            } else {
                format!(" ({n} times so far)")
            };
            diag!("{}: {kind}: {err}{times}", self.what);
        }
    }
}

/// Where a client's inner socket connects, and the address it is bound to first.
fn inner_target(peer: Option<SocketAddr>, port: u16) -> (SocketAddr, Option<SocketAddr>) {
    let v4_target = SocketAddr::new(Ipv4Addr::LOCALHOST.into(), port);
    match peer {
        Some(p) if p.ip().is_loopback() && p.is_ipv6() => {
            (SocketAddr::new(Ipv6Addr::LOCALHOST.into(), port), Some(p))
        }
        Some(p) if p.ip().is_loopback() => (v4_target, Some(p)),
        _ => (v4_target, None),
    }
}

/// A non-blocking socket in the container's namespace, bound to `source` when given, with
/// its connect to `target` started: `Ok(true)` if it already completed.
fn inner_socket(
    target: SocketAddr,
    source: Option<SocketAddr>,
    kind: libc::c_int,
) -> io::Result<(OwnedFd, bool)> {
    let family = if target.is_ipv6() {
        libc::AF_INET6
    } else {
        libc::AF_INET
    };
    let fd = sys::socket(family, kind | libc::SOCK_NONBLOCK)?;
    if kind == libc::SOCK_STREAM {
        bound_buffers(&fd);
    }
    if let Some(src) = source {
        // The client's port may be taken in here: the address alone still tells the truth.
        if bind(&fd, src).is_err() {
            let _ = bind(&fd, SocketAddr::new(src.ip(), 0));
        }
    }
    loop {
        match sys::connect(&fd, target) {
            Ok(()) => return Ok((fd, true)),
            Err(e) => match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EINPROGRESS) => return Ok((fd, false)),
                _ => return Err(e),
            },
        }
    }
}

/// The kernel buffers of a TCP socket into the container, set before it connects (the
/// window scale is chosen then). Left to autotuning, each grows to tcp_rmem/tcp_wmem's
/// maximum (6 MiB and 4 MiB by default) under a bulk transfer: hundreds of clients then
/// push the host into TCP memory pressure, where loopback connections, with their 64 KiB
/// segments, can stall in retransmission for minutes. On loopback a fixed size costs no
/// throughput; the kernel doubles what is asked.
fn bound_buffers(fd: &OwnedFd) {
    const SIZE: libc::c_int = 256 * 1024;
    for opt in [libc::SO_SNDBUF, libc::SO_RCVBUF] {
        // Failing leaves autotuning on.
        let _ = sys::set_sockopt(fd.as_raw_fd(), libc::SOL_SOCKET, opt, SIZE);
    }
}

/// The pending error of a socket (SO_ERROR), which also clears it.
fn socket_error(fd: RawFd) -> io::Result<()> {
    match sys::sockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR)? {
        0 => Ok(()),
        err => Err(io::Error::from_raw_os_error(err)),
    }
}

#[cfg(test)]
mod tests;
