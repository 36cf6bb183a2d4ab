//! The port forwarder: one per container, in its shim (Docker runs a docker-proxy process
//! per port). The CLI bound the host's listening sockets; each gets a thread that has
//! entered the container's network namespace, so the sockets it creates for connections
//! live there while the inherited listener stays in the host's namespace.
//!
//! TCP is relayed with splice(2) through a pipe, zero-copy, one thread per direction.
//! UDP keeps a flow (a connected socket inside) per client, dropped after 60 s idle.
//!
//! The client's address: a client on the host's loopback (the common case for a rootless
//! user) is seen inside as itself, 127.0.0.1 or ::1 with its real port, because the inner
//! socket is bound to that address before connecting. Other clients are seen as 127.0.0.1:
//! keeping their address would need policy routing of the replies inside the namespace.

use std::collections::HashMap;
use std::ffi::CString;
use std::io;
use std::mem::{size_of, zeroed};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// One published port: the inherited host socket and the container port behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Port {
    pub fd: RawFd,
    pub udp: bool,
    pub container_port: u16,
}

const STACK: usize = 64 * 1024;
const PIPE_SIZE: libc::c_int = 1 << 20;
const UDP_IDLE: Duration = Duration::from_secs(60);
/// How long `stop` waits for the port threads. They wake at once when their socket is shut;
/// the bound is for a thread stuck elsewhere (a connect into a full backlog), which must
/// not keep the exit command, and with it a restart, from running.
const STOP_WAIT: Duration = Duration::from_secs(5);

fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// The running forwarder. The host sockets are ours (inherited from the CLI); each port
/// thread holds one, so a socket is closed only once no thread can use it any more.
pub struct Forwarder {
    stopping: Arc<AtomicBool>,
    listeners: Vec<Arc<OwnedFd>>,
    /// One message per port thread as it ends, after it dropped its socket.
    done: mpsc::Receiver<()>,
    threads: usize,
}

/// Start a thread per port; they run until [`Forwarder::stop`].
pub fn start(netns: &Path, ports: &[Port]) -> io::Result<Forwarder> {
    let path = CString::new(netns.as_os_str().as_bytes())?;
    // SAFETY: open with a valid C string; the result is checked.
    let ns = cvt(unsafe { libc::open(path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) })?;
    // SAFETY: a fresh descriptor we own; the threads share it.
    let ns = Arc::new(unsafe { OwnedFd::from_raw_fd(ns) });
    let stopping = Arc::new(AtomicBool::new(false));
    let (tx, done) = mpsc::channel();
    let mut owned: HashMap<RawFd, Arc<OwnedFd>> = HashMap::new();
    let mut threads = 0;
    for &port in ports {
        // SAFETY: F_GETFD only inspects the descriptor table.
        if unsafe { libc::fcntl(port.fd, libc::F_GETFD) } < 0 {
            diag!("published port fd {} is not open", port.fd);
            continue;
        }
        let listener = owned
            .entry(port.fd)
            // SAFETY: an open descriptor the CLI handed us; nothing else in the shim owns it
            // (the map makes a descriptor named twice one owner).
            .or_insert_with(|| Arc::new(unsafe { OwnedFd::from_raw_fd(port.fd) }))
            .clone();
        let (ns, stopping, tx) = (ns.clone(), stopping.clone(), tx.clone());
        std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || {
                // SAFETY: setns on a namespace fd; affects only this thread.
                if unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) } < 0 {
                    diag!(
                        "entering the container's network namespace: {}",
                        io::Error::last_os_error()
                    );
                } else if port.udp {
                    udp_loop(&listener, port, &stopping);
                } else {
                    tcp_loop(&listener, port, &stopping);
                }
                drop(listener);
                let _ = tx.send(());
            })?;
        threads += 1;
    }
    Ok(Forwarder {
        stopping,
        listeners: owned.into_values().collect(),
        done,
        threads,
    })
}

impl Forwarder {
    /// Give the host ports back: wake every port thread and wait until each has closed its
    /// socket. Called once the container has exited and before anyone is told, so a
    /// restart (the exit command's, or a user's `start` after `stop`) can bind them again.
    pub fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        for l in &self.listeners {
            // A listening TCP socket stops listening and its accept() returns EINVAL; a
            // UDP socket's recvfrom() returns 0 (shutdown reports ENOTCONN, but wakes it).
            // SAFETY: shutdown on a socket we hold.
            unsafe { libc::shutdown(l.as_raw_fd(), libc::SHUT_RDWR) };
        }
        drop(self.listeners);
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

fn sockaddr_of(ss: &libc::sockaddr_storage) -> Option<SocketAddr> {
    match ss.ss_family as libc::c_int {
        libc::AF_INET => {
            // SAFETY: the family says this storage holds a sockaddr_in.
            let a: &libc::sockaddr_in = unsafe { &*(ss as *const _ as *const libc::sockaddr_in) };
            Some(SocketAddr::new(
                IpAddr::V4(Ipv4Addr::from(u32::from_be(a.sin_addr.s_addr))),
                u16::from_be(a.sin_port),
            ))
        }
        libc::AF_INET6 => {
            // SAFETY: the family says this storage holds a sockaddr_in6.
            let a: &libc::sockaddr_in6 = unsafe { &*(ss as *const _ as *const libc::sockaddr_in6) };
            let ip = Ipv6Addr::from(a.sin6_addr.s6_addr);
            let ip = match ip.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => IpAddr::V6(ip),
            };
            Some(SocketAddr::new(ip, u16::from_be(a.sin6_port)))
        }
        _ => None,
    }
}

fn to_storage(addr: SocketAddr) -> (libc::sockaddr_storage, libc::socklen_t) {
    // SAFETY: all-zero is a valid sockaddr_storage.
    let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
    let len = match addr {
        SocketAddr::V4(a) => {
            // SAFETY: sockaddr_storage is large enough and suitably aligned for sockaddr_in.
            let sin = unsafe { &mut *(&mut ss as *mut _ as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = a.port().to_be();
            sin.sin_addr.s_addr = u32::from(*a.ip()).to_be();
            size_of::<libc::sockaddr_in>()
        }
        SocketAddr::V6(a) => {
            // SAFETY: as above, for sockaddr_in6.
            let sin6 = unsafe { &mut *(&mut ss as *mut _ as *mut libc::sockaddr_in6) };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = a.port().to_be();
            sin6.sin6_addr.s6_addr = a.ip().octets();
            size_of::<libc::sockaddr_in6>()
        }
    };
    (ss, len as libc::socklen_t)
}

fn new_socket(v6: bool, kind: libc::c_int) -> io::Result<OwnedFd> {
    let family = if v6 { libc::AF_INET6 } else { libc::AF_INET };
    // SAFETY: plain socket(2); the result is checked.
    let fd = cvt(unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, 0) })?;
    // SAFETY: a fresh descriptor we own.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

fn bind(fd: &OwnedFd, addr: SocketAddr) -> io::Result<()> {
    let (ss, len) = to_storage(addr);
    // SAFETY: ss holds a valid address of length len.
    cvt(unsafe {
        libc::bind(
            fd.as_raw_fd(),
            &ss as *const _ as *const libc::sockaddr,
            len,
        )
    })
    .map(drop)
}

fn connect(fd: &OwnedFd, addr: SocketAddr) -> io::Result<()> {
    let (ss, len) = to_storage(addr);
    loop {
        // SAFETY: ss holds a valid address of length len.
        let r = unsafe {
            libc::connect(
                fd.as_raw_fd(),
                &ss as *const _ as *const libc::sockaddr,
                len,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// A socket in the container's namespace connected to its port, bound first to the
/// client's own address when that address exists in there too (loopback).
fn inner_socket(peer: Option<SocketAddr>, port: u16, kind: libc::c_int) -> io::Result<OwnedFd> {
    let v4_target = SocketAddr::new(Ipv4Addr::LOCALHOST.into(), port);
    let (target, source) = match peer {
        Some(p) if p.ip().is_loopback() && p.is_ipv6() => {
            (SocketAddr::new(Ipv6Addr::LOCALHOST.into(), port), Some(p))
        }
        Some(p) if p.ip().is_loopback() => (v4_target, Some(p)),
        _ => (v4_target, None),
    };
    let fd = new_socket(target.is_ipv6(), kind)?;
    if let Some(src) = source {
        // The client's port may be taken in here: the address alone still tells the truth.
        if bind(&fd, src).is_err() {
            let _ = bind(&fd, SocketAddr::new(src.ip(), 0));
        }
    }
    match connect(&fd, target) {
        // A server listening on IPv4 only: what it sees of a ::1 client is lost anyway.
        Err(e) if target.is_ipv6() && e.raw_os_error() == Some(libc::ECONNREFUSED) => {
            let fd = new_socket(false, kind)?;
            connect(&fd, v4_target)?;
            Ok(fd)
        }
        r => r.map(|_| fd),
    }
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
            libc::SOCK_CLOEXEC,
        )
    })?;
    // SAFETY: a fresh descriptor we own.
    Ok((unsafe { OwnedFd::from_raw_fd(fd) }, sockaddr_of(&ss)))
}

fn tcp_loop(listener: &OwnedFd, port: Port, stopping: &AtomicBool) {
    loop {
        let accepted = accept(listener.as_raw_fd());
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let (client, peer) = match accepted {
            Ok(c) => c,
            Err(e) => {
                match e.raw_os_error() {
                    Some(libc::EINTR) | Some(libc::ECONNABORTED) => {}
                    // Out of descriptors or memory: back off rather than spin.
                    _ => std::thread::sleep(Duration::from_millis(50)),
                }
                continue;
            }
        };
        let inner = match inner_socket(peer, port.container_port, libc::SOCK_STREAM) {
            Ok(fd) => fd,
            // Nothing listens inside (yet): the client sees the connection closed.
            Err(_) => continue,
        };
        let client = Arc::new(client);
        let inner = Arc::new(inner);
        let (c2, i2) = (client.clone(), inner.clone());
        let spawned = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || relay(&i2, &c2));
        if spawned.is_ok() {
            std::thread::Builder::new()
                .stack_size(STACK)
                .spawn(move || relay(&client, &inner))
                .ok();
        }
    }
}

/// Copy one direction until EOF, then pass the EOF on. On an error both sockets are shut,
/// which also ends the thread copying the other direction.
fn relay(from: &OwnedFd, to: &OwnedFd) {
    let mut p = [0; 2];
    // SAFETY: pipe2 fills the two-element array.
    if unsafe { libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        shut_both(from, to);
        return;
    }
    // SAFETY: fresh descriptors we own.
    let (pr, pw) = unsafe { (OwnedFd::from_raw_fd(p[0]), OwnedFd::from_raw_fd(p[1])) };
    // SAFETY: fcntl on our pipe; a smaller pipe still works, so failure is ignored.
    unsafe { libc::fcntl(pw.as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_SIZE) };
    // Not SPLICE_F_MORE: on a socket it corks like MSG_MORE, and a short answer would
    // sit up to 200 ms waiting for more (5 connections a second instead of thousands).
    let flags = libc::SPLICE_F_MOVE;
    let ok = 'copy: loop {
        // SAFETY: splice between descriptors we hold; null offsets for sockets and pipes.
        let n = unsafe {
            libc::splice(
                from.as_raw_fd(),
                std::ptr::null_mut(),
                pw.as_raw_fd(),
                std::ptr::null_mut(),
                PIPE_SIZE as usize,
                flags,
            )
        };
        if n == 0 {
            break true;
        }
        if n < 0 {
            if io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            break false;
        }
        let mut left = n as usize;
        while left > 0 {
            // SAFETY: as above.
            let m = unsafe {
                libc::splice(
                    pr.as_raw_fd(),
                    std::ptr::null_mut(),
                    to.as_raw_fd(),
                    std::ptr::null_mut(),
                    left,
                    flags,
                )
            };
            if m < 0 && io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            if m <= 0 {
                break 'copy false;
            }
            left -= m as usize;
        }
    };
    if ok {
        // SAFETY: shutdown on a socket we hold.
        unsafe { libc::shutdown(to.as_raw_fd(), libc::SHUT_WR) };
    } else {
        shut_both(from, to);
    }
}

fn shut_both(a: &OwnedFd, b: &OwnedFd) {
    // SAFETY: shutdown on sockets we hold.
    unsafe {
        libc::shutdown(a.as_raw_fd(), libc::SHUT_RDWR);
        libc::shutdown(b.as_raw_fd(), libc::SHUT_RDWR);
    }
}

/// A UDP client's connected socket inside, and when it was last used.
struct Flow {
    fd: OwnedFd,
    last: Mutex<Instant>,
}

type Flows = Arc<Mutex<HashMap<SocketAddr, Arc<Flow>>>>;

fn udp_loop(listener: &Arc<OwnedFd>, port: Port, stopping: &Arc<AtomicBool>) {
    let flows: Flows = Arc::default();
    // The reply threads use the host socket too: all of them end before we return.
    let mut repliers: Vec<JoinHandle<()>> = Vec::new();
    let mut buf = vec![0u8; 65536];
    loop {
        // SAFETY: all-zero is a valid sockaddr_storage.
        let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
        let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: recvfrom writes at most buf.len() bytes and len bytes of address.
        let n = unsafe {
            libc::recvfrom(
                listener.as_raw_fd(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                0,
                &mut ss as *mut _ as *mut libc::sockaddr,
                &mut len,
            )
        };
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        if n < 0 {
            if io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
                std::thread::sleep(Duration::from_millis(50));
            }
            continue;
        }
        let Some(peer) = sockaddr_of(&ss) else {
            continue;
        };
        let existing = flows.lock().ok().and_then(|f| f.get(&peer).cloned());
        let flow = match existing {
            Some(f) => f,
            None => {
                repliers.retain(|h| !h.is_finished());
                match new_flow(&flows, peer, (ss, len), port, listener, stopping) {
                    Some((f, h)) => {
                        repliers.push(h);
                        f
                    }
                    None => continue,
                }
            }
        };
        if let Ok(mut t) = flow.last.lock() {
            *t = Instant::now();
        }
        // SAFETY: send from our buffer on a socket we hold.
        unsafe { libc::send(flow.fd.as_raw_fd(), buf.as_ptr().cast(), n as usize, 0) };
    }
    if let Ok(all) = flows.lock() {
        for f in all.values() {
            // Wakes the reply thread's recv (it returns 0), which then sees `stopping`.
            // SAFETY: shutdown on a socket we hold.
            unsafe { libc::shutdown(f.fd.as_raw_fd(), libc::SHUT_RDWR) };
        }
    }
    for h in repliers {
        let _ = h.join();
    }
}

fn new_flow(
    flows: &Flows,
    peer: SocketAddr,
    reply_to: (libc::sockaddr_storage, libc::socklen_t),
    port: Port,
    listener: &Arc<OwnedFd>,
    stopping: &Arc<AtomicBool>,
) -> Option<(Arc<Flow>, JoinHandle<()>)> {
    let fd = inner_socket(Some(peer), port.container_port, libc::SOCK_DGRAM).ok()?;
    let tv = libc::timeval {
        tv_sec: 5,
        tv_usec: 0,
    };
    // SAFETY: setsockopt with a timeval of the right size.
    unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVTIMEO,
            &tv as *const _ as *const libc::c_void,
            size_of::<libc::timeval>() as libc::socklen_t,
        )
    };
    let flow = Arc::new(Flow {
        fd,
        last: Mutex::new(Instant::now()),
    });
    // Registered before the thread exists, and by the only thread that stops flows, so
    // none can be missed when stopping.
    flows.lock().ok()?.insert(peer, flow.clone());
    let (f, all, host, stopping) = (
        flow.clone(),
        flows.clone(),
        listener.clone(),
        stopping.clone(),
    );
    let spawned = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut buf = vec![0u8; 65536];
            loop {
                // SAFETY: recv into our buffer on a socket we hold.
                let n =
                    unsafe { libc::recv(f.fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), 0) };
                if stopping.load(Ordering::SeqCst) {
                    return;
                }
                if n >= 0 {
                    // SAFETY: sendto the client's address, as received.
                    unsafe {
                        libc::sendto(
                            host.as_raw_fd(),
                            buf.as_ptr().cast(),
                            n as usize,
                            0,
                            &reply_to.0 as *const _ as *const libc::sockaddr,
                            reply_to.1,
                        )
                    };
                    continue;
                }
                let idle = f.last.lock().map(|t| t.elapsed()).unwrap_or(UDP_IDLE);
                let err = io::Error::last_os_error().raw_os_error();
                // A refused datagram (nothing listening yet) or a timeout: the flow lives on
                // until it has been idle long enough.
                if matches!(
                    err,
                    Some(libc::EAGAIN) | Some(libc::ECONNREFUSED) | Some(libc::EINTR)
                ) && idle < UDP_IDLE
                {
                    continue;
                }
                if let Ok(mut m) = all.lock() {
                    m.remove(&peer);
                }
                return;
            }
        });
    match spawned {
        Ok(h) => Some((flow, h)),
        Err(_) => {
            if let Ok(mut m) = flows.lock() {
                m.remove(&peer);
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{TcpListener, UdpSocket};

    /// Threads blocked in accept() and recvfrom() wake and close their sockets: the same
    /// addresses can be bound again once `stop` returns. (Without CAP_SYS_ADMIN the
    /// threads cannot enter even our own namespace and end at once; the ports must be
    /// given back all the same.)
    #[test]
    fn stop_gives_the_ports_back() {
        let tcp = TcpListener::bind("127.0.0.1:0").unwrap();
        let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
        let (tcp_addr, udp_addr) = (tcp.local_addr().unwrap(), udp.local_addr().unwrap());
        let ports = [
            Port {
                fd: std::os::fd::IntoRawFd::into_raw_fd(tcp),
                udp: false,
                container_port: 1,
            },
            Port {
                fd: std::os::fd::IntoRawFd::into_raw_fd(udp),
                udp: true,
                container_port: 1,
            },
        ];
        let fwd = start(Path::new("/proc/self/ns/net"), &ports).unwrap();
        // A client flow makes a UDP reply thread, which must end too.
        let client = UdpSocket::bind("127.0.0.1:0").unwrap();
        client.send_to(b"x", udp_addr).unwrap();
        fwd.stop();
        TcpListener::bind(tcp_addr).expect("the TCP port is free again");
        UdpSocket::bind(udp_addr).expect("the UDP port is free again");
    }
}
