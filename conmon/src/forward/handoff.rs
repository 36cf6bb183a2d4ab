//! Published TCP ports handed to the container's own server, so no relay sits in the data
//! path (issue 18). The built-in runtime gives the container a seccomp filter that turns
//! every `bind()` into a notification (SECCOMP_RET_USER_NOTIF) and sends its listener fd
//! here. For a bind of a TCP socket to the wildcard address and a published container
//! port, the shim puts the host's listening socket (the one the CLI bound for that
//! mapping) in place of the container's socket (SECCOMP_IOCTL_NOTIF_ADDFD with
//! SECCOMP_ADDFD_FLAG_SETFD: the app's descriptor number now refers to the host socket)
//! and answers success. The server then accepts the host's clients itself: loopback
//! speed, and every client's real address. The port's relay stops accepting first.
//!
//! Every other bind gets SECCOMP_USER_NOTIF_FLAG_CONTINUE: the kernel runs it as if
//! nothing had looked, with the same outcome (an error included), so nothing the container
//! sends can make the shim answer for it. The sockaddr is read from the process's memory
//! (process_vm_readv) and the caller's socket taken by pidfd_getfd; each is trusted only
//! once SECCOMP_IOCTL_NOTIF_ID_VALID says the caller is still blocked in that very call,
//! so a pid that died and was reused meanwhile is never read from or acted on. Another
//! thread of the container may still rewrite the sockaddr after it was read: on CONTINUE
//! the kernel reads it again itself, and on a handoff the only effect is that the caller's
//! own socket became the port published for it, so a race can only confuse the racer.
//!
//! What is kept from the app's socket: O_NONBLOCK (a file status flag: Go, nginx and most
//! event loops create sockets non-blocking) and close-on-exec (from fdinfo), TCP_NODELAY
//! and SO_KEEPALIVE (accepted sockets inherit them). Not copied: SO_REUSEADDR,
//! SO_REUSEPORT and IPV6_V6ONLY only matter while binding, and the host socket is bound
//! already; instead the app's family and IPV6_V6ONLY decide whether the host socket fits
//! (an IPv4 app never gets an IPv6 socket, whose accept() would return addresses its
//! sockaddr_in cannot hold).
//!
//! Clients inside the container (a health check on localhost, a peer container on a user
//! network reaching it by name) no longer find the server in the container's namespace:
//! after the first handoff of a port, the shim listens on that port there itself (the
//! wildcard address) and relays those connections to the host socket, where the server
//! sees them coming from the host's loopback.
//!
//! Not handed (the relay carries them, as before): binds to a specific address (127.0.0.1
//! means "only from inside"), a container port published more than once (one socket can
//! go only one way), UDP.
//!
//! libseccomp (the crate) receives, answers and checks notifications; the ADDFD ioctl has
//! no wrapper in libseccomp 2.5, so [`add_fd`] is the one hand-written ioctl.

use std::io;
use std::mem::size_of;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use libseccomp::{notify_id_valid, ScmpNotifReq, ScmpNotifResp, ScmpNotifRespFlags, ScmpSyscall};

use super::{cvt, tcp, Log, Port, STACK};
use crate::sys;

/// How long a handoff waits for the port's relay to let go of the listener.
const YIELD_WAIT: Duration = Duration::from_secs(2);
/// pidfd_open(2): a pidfd for a thread, not only a thread-group leader (Linux 6.9).
const PIDFD_THREAD: libc::c_uint = libc::O_EXCL as libc::c_uint;

/// The relay's side of a handoff: asked once, it stops accepting on the listener and says
/// so, after which nobody but the container's server accepts on it.
pub(crate) struct Yield {
    event: OwnedFd,
    acked: Mutex<bool>,
    cv: Condvar,
}

impl Yield {
    pub(crate) fn new() -> io::Result<Arc<Yield>> {
        // SAFETY: eventfd(2); the result is checked.
        let fd = cvt(unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) })?;
        Ok(Arc::new(Yield {
            // SAFETY: a fresh descriptor we own.
            event: unsafe { OwnedFd::from_raw_fd(fd) },
            acked: Mutex::new(false),
            cv: Condvar::new(),
        }))
    }

    /// Readable when the relay is asked to let go.
    pub(crate) fn event(&self) -> RawFd {
        self.event.as_raw_fd()
    }

    pub(crate) fn drain(&self) {
        let mut n = 0u64;
        // SAFETY: an 8-byte read into a u64 from our eventfd.
        unsafe { libc::read(self.event.as_raw_fd(), (&mut n as *mut u64).cast(), 8) };
    }

    /// The relay no longer accepts on the listener.
    pub(crate) fn acknowledge(&self) {
        *self.acked.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.cv.notify_all();
    }

    /// Ask the relay to let go and wait until it has; false if it did not in time.
    fn request(&self) -> bool {
        let acked = self.acked.lock().unwrap_or_else(|e| e.into_inner());
        if *acked {
            return true;
        }
        let one: u64 = 1;
        // SAFETY: an 8-byte write to our eventfd.
        unsafe { libc::write(self.event.as_raw_fd(), (&one as *const u64).cast(), 8) };
        let (acked, _) = self
            .cv
            .wait_timeout_while(acked, YIELD_WAIT, |a| !*a)
            .unwrap_or_else(|e| e.into_inner());
        *acked
    }
}

/// A published TCP port the container's server may be given.
pub(crate) struct Target {
    pub(crate) listener: Arc<OwnedFd>,
    pub(crate) container_port: u16,
    pub(crate) relay: Arc<Yield>,
    family: libc::c_int,
}

impl Target {
    pub(crate) fn new(listener: Arc<OwnedFd>, container_port: u16, relay: Arc<Yield>) -> Target {
        let fd = listener.as_raw_fd();
        let family = sockopt(fd, libc::SOL_SOCKET, libc::SO_DOMAIN).unwrap_or(-1);
        Target {
            listener,
            container_port,
            relay,
            family,
        }
    }

    /// Whether a server's socket of `family` may get this one: the same family, or an
    /// IPv6 socket that takes IPv4 clients anyway (its address buffers fit an IPv4 one).
    fn fits(&self, family: libc::c_int, app_v6only: bool) -> bool {
        match (self.family, family) {
            (a, b) if a == b => true,
            (libc::AF_INET, libc::AF_INET6) => !app_v6only,
            _ => false,
        }
    }
}

/// Serves the container's bind() notifications until `stop` is readable or no process
/// uses the filter any more. `sock` is the listener socket the runtime connects to.
pub(crate) fn serve(
    sock: &OwnedFd,
    targets: &[Target],
    ns: &OwnedFd,
    stop: &Arc<OwnedFd>,
    log: &mut Log,
) {
    let Some(notify) = receive_listener(sock, stop, log) else {
        return;
    };
    let Ok(bind_nr) = ScmpSyscall::from_name("bind") else {
        return;
    };
    let mut handed = vec![false; targets.len()];
    let mut inside: Vec<JoinHandle<()>> = Vec::new();
    serve_notifications(
        &notify,
        bind_nr,
        targets,
        ns,
        stop,
        &mut handed,
        &mut inside,
        log,
    );
    for t in inside {
        let _ = t.join();
    }
}

#[allow(clippy::too_many_arguments)]
fn serve_notifications(
    notify: &OwnedFd,
    bind_nr: ScmpSyscall,
    targets: &[Target],
    ns: &OwnedFd,
    stop: &Arc<OwnedFd>,
    handed: &mut [bool],
    inside: &mut Vec<JoinHandle<()>>,
    log: &mut Log,
) {
    let mut failures = 0u32;
    loop {
        let revents = match wait_ready(notify.as_raw_fd(), stop) {
            Ok(Some(r)) => r,
            Ok(None) => return,
            Err(e) => {
                log.note("waiting for bind() notifications", &e);
                return;
            }
        };
        if revents & libc::POLLIN == 0 {
            // POLLHUP: every process under the filter is gone.
            return;
        }
        // ENOENT: the caller went away (a signal) before we read it. Anything else that
        // keeps failing must not turn this loop into a spin.
        let req = match ScmpNotifReq::receive(notify.as_raw_fd()) {
            Ok(r) => {
                failures = 0;
                r
            }
            Err(e) => {
                failures += 1;
                if failures > 16 {
                    log.note("receiving a bind() notification", &e);
                    std::thread::sleep(Duration::from_millis(50));
                }
                continue;
            }
        };
        let resp = match answer(notify.as_raw_fd(), &req, bind_nr, targets, log) {
            Reply::Continue => ScmpNotifResp::new_continue(req.id, ScmpNotifRespFlags::CONTINUE),
            Reply::Handed(i) => {
                if let Some(h) = handed.get_mut(i).filter(|h| !**h) {
                    *h = true;
                    diag!(
                        "port {}/tcp: handed to the container's server (pid {}), the relay stopped",
                        targets[i].container_port,
                        req.pid
                    );
                    match relay_inside(&targets[i], ns, stop) {
                        Ok(t) => inside.push(t),
                        Err(e) => log.note("listening inside the container", &e),
                    }
                }
                ScmpNotifResp::new_val(req.id, 0, ScmpNotifRespFlags::empty())
            }
            Reply::Gone => continue,
        };
        // Fails only if the caller is gone meanwhile.
        let _ = resp.respond(notify.as_raw_fd());
    }
}

/// A listener on the wildcard address of the container's namespace, relaying to the
/// host socket (see the module's comment), on its own thread until `stop`.
fn relay_inside(target: &Target, ns: &OwnedFd, stop: &Arc<OwnedFd>) -> io::Result<JoinHandle<()>> {
    let to = host_destination(&target.listener)?;
    let inner = listener_in(ns, target.container_port)?;
    let port = Port {
        fd: inner.as_raw_fd(),
        udp: false,
        container_port: target.container_port,
    };
    let stop = stop.clone();
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut log = Log::named(format!("port {}/tcp inside", port.container_port));
            if let Err(e) = tcp::run(&inner, port, &stop, None, Some(to), &mut log) {
                log.note("the forwarder stopped", &e);
            }
        })
}

/// Where a client on this host reaches the listener: its own address, or loopback for a
/// wildcard one.
fn host_destination(listener: &OwnedFd) -> io::Result<SocketAddr> {
    // SAFETY: all-zero is a valid sockaddr_storage.
    let mut ss: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: getsockname writes at most `len` bytes into `ss`.
    cvt(unsafe {
        libc::getsockname(
            listener.as_raw_fd(),
            (&mut ss as *mut libc::sockaddr_storage).cast(),
            &mut len,
        )
    })?;
    let a =
        super::sockaddr_of(&ss).ok_or_else(|| io::Error::from_raw_os_error(libc::EAFNOSUPPORT))?;
    Ok(match a.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv4Addr::LOCALHOST.into(), a.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv4Addr::LOCALHOST.into(), a.port())
        }
        _ => a,
    })
}

/// A TCP listener on `port` of every address (IPv6 and IPv4 where IPv6 exists) in the
/// namespace `ns`, made by a thread of its own: a rootless shim cannot setns back into the
/// host's namespace (it belongs to the initial user namespace), so the thread that entered
/// the container's must end.
fn listener_in(ns: &OwnedFd, port: u16) -> io::Result<OwnedFd> {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(STACK)
            .spawn_scoped(s, || {
                // SAFETY: setns on a namespace descriptor; affects only this thread.
                cvt(unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) })?;
                make_listener(SocketAddr::new(Ipv6Addr::UNSPECIFIED.into(), port))
                    .or_else(|_| make_listener(SocketAddr::new(Ipv4Addr::UNSPECIFIED.into(), port)))
            })?
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the namespace thread panicked")))
    })
}

fn make_listener(addr: SocketAddr) -> io::Result<OwnedFd> {
    let family = if addr.is_ipv6() {
        libc::AF_INET6
    } else {
        libc::AF_INET
    };
    // SAFETY: plain socket(2); the result is checked.
    let fd = cvt(unsafe { libc::socket(family, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) })?;
    // SAFETY: a fresh descriptor we own.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    if addr.is_ipv6() {
        set_sockopt(fd.as_raw_fd(), libc::IPPROTO_IPV6, libc::IPV6_V6ONLY, 0);
    }
    set_sockopt(fd.as_raw_fd(), libc::SOL_SOCKET, libc::SO_REUSEADDR, 1);
    super::bind(&fd, addr)?;
    // SAFETY: listen(2) on our socket.
    cvt(unsafe { libc::listen(fd.as_raw_fd(), 128) })?;
    Ok(fd)
}

/// The notify fd, sent by the container's init when it loads its filter (at `start`).
fn receive_listener(sock: &OwnedFd, stop: &OwnedFd, log: &mut Log) -> Option<OwnedFd> {
    let conn = loop {
        wait_readable(sock.as_raw_fd(), stop)?;
        match sys::accept(sock.as_raw_fd()) {
            Ok(c) => break c,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
            Err(e) => {
                log.note("accepting the runtime's connection", &e);
                return None;
            }
        }
    };
    wait_readable(conn.as_raw_fd(), stop)?;
    match sys::recv_fd(conn.as_raw_fd()) {
        Ok(fd) => Some(fd),
        Err(e) => {
            // The container ended before it started, or a runtime that sent nothing.
            log.note("receiving the seccomp notify fd", &e);
            None
        }
    }
}

/// Blocks until `fd` is readable (or hung up); None once `stop` is, or poll fails.
fn wait_readable(fd: RawFd, stop: &OwnedFd) -> Option<()> {
    wait_ready(fd, stop).ok().flatten().map(drop)
}

/// Blocks until `fd` has an event and returns them; None once `stop` is readable.
fn wait_ready(fd: RawFd, stop: &OwnedFd) -> io::Result<Option<libc::c_short>> {
    loop {
        let mut fds = [sys::pollin(fd), sys::pollin(stop.as_raw_fd())];
        sys::poll(&mut fds, -1)?;
        if fds[1].revents != 0 {
            return Ok(None);
        }
        if fds[0].revents != 0 {
            return Ok(Some(fds[0].revents));
        }
    }
}

enum Reply {
    /// Let the kernel run the call.
    Continue,
    /// The socket of `targets[i]` is in place: the call returns 0.
    Handed(usize),
    /// The caller is no longer waiting: no answer.
    Gone,
}

/// What a bind() of the container's should become. Everything read from the container
/// is checked; anything unexpected is left to the kernel.
fn answer(
    notify: RawFd,
    req: &ScmpNotifReq,
    bind_nr: ScmpSyscall,
    targets: &[Target],
    log: &mut Log,
) -> Reply {
    if req.data.syscall != bind_nr {
        return Reply::Continue;
    }
    let Ok(fd) = RawFd::try_from(req.data.args[0]) else {
        return Reply::Continue;
    };
    // The kernel takes addrlen as an int: the low 32 bits.
    let len = req.data.args[2] as u32 as usize;
    let Some(addr) = read_sockaddr(req.pid, req.data.args[1], len) else {
        return Reply::Continue;
    };
    if notify_id_valid(notify, req.id).is_err() {
        return Reply::Gone;
    }
    let Some((family, port)) = wildcard_port(&addr) else {
        return Reply::Continue;
    };
    let mut matching = targets
        .iter()
        .enumerate()
        .filter(|(_, t)| t.container_port == port);
    let (Some((index, target)), None) = (matching.next(), matching.next()) else {
        return Reply::Continue;
    };
    let Ok(sock) = foreign_fd(req.pid, fd) else {
        return Reply::Continue;
    };
    // The pidfd was opened while the call was still pending: it is the caller's.
    if notify_id_valid(notify, req.id).is_err() {
        return Reply::Gone;
    }
    let s = sock.as_raw_fd();
    let tcp = sockopt(s, libc::SOL_SOCKET, libc::SO_TYPE) == Some(libc::SOCK_STREAM)
        && sockopt(s, libc::SOL_SOCKET, libc::SO_PROTOCOL) == Some(libc::IPPROTO_TCP)
        && sockopt(s, libc::SOL_SOCKET, libc::SO_DOMAIN) == Some(family);
    let v6only = family == libc::AF_INET6
        && sockopt(s, libc::IPPROTO_IPV6, libc::IPV6_V6ONLY).unwrap_or(1) != 0;
    if !tcp || already_bound(s) || !target.fits(family, v6only) {
        return Reply::Continue;
    }
    if !target.relay.request() {
        log.note(
            "handing a port over",
            &"the relay did not let go of it in time",
        );
        return Reply::Continue;
    }
    let host = target.listener.as_raw_fd();
    copy_options(s, host);
    let cloexec = fd_cloexec(req.pid, fd);
    match add_fd(notify, req.id, host, fd, cloexec) {
        Ok(()) => Reply::Handed(index),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => Reply::Gone,
        Err(e) => {
            log.note("installing the host socket in the container", &e);
            Reply::Continue
        }
    }
}

/// Up to a sockaddr_in6 of the caller's address argument.
fn read_sockaddr(pid: u32, ptr: u64, len: usize) -> Option<Vec<u8>> {
    let want = len.min(size_of::<libc::sockaddr_in6>());
    if want < size_of::<libc::sa_family_t>() || ptr == 0 {
        return None;
    }
    let pid = libc::pid_t::try_from(pid).ok()?;
    let mut buf = vec![0u8; want];
    let local = libc::iovec {
        iov_base: buf.as_mut_ptr().cast(),
        iov_len: want,
    };
    let remote = libc::iovec {
        iov_base: usize::try_from(ptr).ok()? as *mut libc::c_void,
        iov_len: want,
    };
    // SAFETY: `local` describes our own buffer; the remote side is only read by the
    // kernel, which checks it against the other process's mappings.
    let n = unsafe { libc::process_vm_readv(pid, &local, 1, &remote, 1, 0) };
    (usize::try_from(n).ok()? == want).then_some(buf)
}

/// The family and port of a wildcard address (0.0.0.0 or ::), as bind() would take it.
fn wildcard_port(b: &[u8]) -> Option<(libc::c_int, u16)> {
    let family = libc::c_int::from(u16::from_ne_bytes([*b.first()?, *b.get(1)?]));
    let port = u16::from_be_bytes([*b.get(2)?, *b.get(3)?]);
    let zero = |r: std::ops::Range<usize>| b.get(r).is_some_and(|a| a.iter().all(|x| *x == 0));
    let wildcard = match family {
        libc::AF_INET if b.len() >= size_of::<libc::sockaddr_in>() => zero(4..8),
        // The kernel's minimum for AF_INET6 (SIN6_LEN_RFC2133), without the scope id.
        libc::AF_INET6 if b.len() >= 24 => zero(8..24),
        _ => false,
    };
    (wildcard && port != 0).then_some((family, port))
}

/// A duplicate of descriptor `fd` of thread `pid` (pidfd_getfd(2)).
fn foreign_fd(pid: u32, fd: RawFd) -> io::Result<OwnedFd> {
    let pid = libc::pid_t::try_from(pid).map_err(|_| io::Error::from_raw_os_error(libc::ESRCH))?;
    // SAFETY: pidfd_open with plain integers; the result is checked.
    let mut pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, PIDFD_THREAD) };
    if pidfd < 0 {
        // Before Linux 6.9 only a thread-group leader has a pidfd: the usual caller.
        // SAFETY: as above.
        pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    }
    let pidfd = cvt(pidfd as libc::c_int)?;
    // SAFETY: a fresh descriptor we own.
    let pidfd = unsafe { OwnedFd::from_raw_fd(pidfd) };
    // SAFETY: pidfd_getfd with plain integers; the result is a new descriptor of ours.
    let dup = unsafe { libc::syscall(libc::SYS_pidfd_getfd, pidfd.as_raw_fd(), fd, 0) };
    let dup = cvt(dup as libc::c_int)?;
    // SAFETY: a fresh descriptor we own.
    Ok(unsafe { OwnedFd::from_raw_fd(dup) })
}

fn sockopt(fd: RawFd, level: libc::c_int, name: libc::c_int) -> Option<libc::c_int> {
    let mut v: libc::c_int = 0;
    let mut len = size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: getsockopt writes at most one c_int.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            name,
            (&mut v as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    (r == 0).then_some(v)
}

fn set_sockopt(fd: RawFd, level: libc::c_int, name: libc::c_int, v: libc::c_int) {
    // SAFETY: setsockopt with a c_int of the right size; failing leaves the default.
    unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            (&v as *const libc::c_int).cast(),
            size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
}

/// A socket with a local port already (bind would fail with EINVAL: the kernel says so).
fn already_bound(fd: RawFd) -> bool {
    // SAFETY: all-zero is a valid sockaddr_storage.
    let mut ss: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: getsockname writes at most `len` bytes into `ss`.
    if unsafe {
        libc::getsockname(
            fd,
            (&mut ss as *mut libc::sockaddr_storage).cast(),
            &mut len,
        )
    } != 0
    {
        return true;
    }
    super::sockaddr_of(&ss).is_some_and(|a| a.port() != 0)
}

/// What of the app's socket its accepted connections or its own I/O depend on.
fn copy_options(app: RawFd, host: RawFd) {
    // SAFETY: F_GETFL/F_SETFL only read and set file status flags.
    unsafe {
        let from = libc::fcntl(app, libc::F_GETFL);
        let to = libc::fcntl(host, libc::F_GETFL);
        if from >= 0 && to >= 0 {
            libc::fcntl(
                host,
                libc::F_SETFL,
                (to & !libc::O_NONBLOCK) | (from & libc::O_NONBLOCK),
            );
        }
    }
    for (level, name) in [
        (libc::IPPROTO_TCP, libc::TCP_NODELAY),
        (libc::SOL_SOCKET, libc::SO_KEEPALIVE),
    ] {
        if let Some(v) = sockopt(app, level, name) {
            set_sockopt(host, level, name, v);
        }
    }
}

/// Whether the caller's descriptor is close-on-exec (the `flags:` line of its fdinfo).
fn fd_cloexec(pid: u32, fd: RawFd) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/fdinfo/{fd}"))
        .ok()
        .and_then(|s| {
            let flags = s
                .lines()
                .find_map(|l| l.strip_prefix("flags:"))?
                .trim()
                .to_string();
            u32::from_str_radix(&flags, 8).ok()
        })
        .is_some_and(|f| f & libc::O_CLOEXEC as u32 != 0)
}

/// SECCOMP_IOCTL_NOTIF_ADDFD with SECCOMP_ADDFD_FLAG_SETFD: the caller's descriptor `fd`
/// becomes a duplicate of our `src` (its old socket is closed, as by dup2). Hand-written:
/// libseccomp 2.5 has no wrapper for it.
fn add_fd(notify: RawFd, id: u64, src: RawFd, fd: RawFd, cloexec: bool) -> io::Result<()> {
    let req = libc::seccomp_notif_addfd {
        id,
        flags: libc::SECCOMP_ADDFD_FLAG_SETFD as u32,
        srcfd: src as u32,
        newfd: fd as u32,
        newfd_flags: if cloexec { libc::O_CLOEXEC as u32 } else { 0 },
    };
    // SAFETY: the ioctl reads one seccomp_notif_addfd, which lives across the call.
    let r = unsafe { libc::ioctl(notify, libc::SECCOMP_IOCTL_NOTIF_ADDFD, &req) };
    cvt(r).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(family: libc::c_int) -> Target {
        // SAFETY: a fresh socket we own.
        let fd = unsafe { libc::socket(family, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
        assert!(fd >= 0);
        // SAFETY: as above.
        let fd = Arc::new(unsafe { OwnedFd::from_raw_fd(fd) });
        Target::new(fd, 80, Yield::new().unwrap())
    }

    #[test]
    fn a_server_gets_only_a_socket_whose_addresses_it_can_hold() {
        let v4 = target(libc::AF_INET);
        assert!(v4.fits(libc::AF_INET, false));
        assert!(
            v4.fits(libc::AF_INET6, false),
            "a dual-stack server takes IPv4 clients"
        );
        assert!(
            !v4.fits(libc::AF_INET6, true),
            "an IPv6-only server does not"
        );
        let v6 = target(libc::AF_INET6);
        assert!(v6.fits(libc::AF_INET6, false));
        assert!(v6.fits(libc::AF_INET6, true));
        assert!(
            !v6.fits(libc::AF_INET, false),
            "sockaddr_in cannot hold an IPv6 peer"
        );
    }

    #[test]
    fn the_relay_is_asked_once_and_answers() {
        let y = Yield::new().unwrap();
        let relay = y.clone();
        let t = std::thread::spawn(move || {
            let mut fds = [libc::pollfd {
                fd: relay.event(),
                events: libc::POLLIN,
                revents: 0,
            }];
            sys::poll(&mut fds, -1).unwrap();
            relay.drain();
            relay.acknowledge();
        });
        assert!(y.request());
        t.join().unwrap();
        assert!(y.request(), "asked again: already let go");
    }

    #[test]
    fn only_wildcard_addresses_with_a_port_are_taken() {
        let mut v4 = vec![0u8; 16];
        v4[..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
        v4[2..4].copy_from_slice(&80u16.to_be_bytes());
        assert_eq!(wildcard_port(&v4), Some((libc::AF_INET, 80)));
        let mut lo = v4.clone();
        lo[4..8].copy_from_slice(&[127, 0, 0, 1]);
        assert_eq!(wildcard_port(&lo), None);
        assert_eq!(wildcard_port(&v4[..15]), None, "short sockaddr_in");
        let mut any_port = v4.clone();
        any_port[2..4].copy_from_slice(&[0, 0]);
        assert_eq!(wildcard_port(&any_port), None);

        let mut v6 = vec![0u8; 28];
        v6[..2].copy_from_slice(&(libc::AF_INET6 as u16).to_ne_bytes());
        v6[2..4].copy_from_slice(&8080u16.to_be_bytes());
        assert_eq!(wildcard_port(&v6), Some((libc::AF_INET6, 8080)));
        assert_eq!(wildcard_port(&v6[..24]), Some((libc::AF_INET6, 8080)));
        assert_eq!(wildcard_port(&v6[..23]), None);
        let mut one = v6.clone();
        one[23] = 1;
        assert_eq!(wildcard_port(&one), None, "::1");
        let mut unix = v6.clone();
        unix[..2].copy_from_slice(&(libc::AF_UNIX as u16).to_ne_bytes());
        assert_eq!(wildcard_port(&unix), None);
        assert_eq!(wildcard_port(&[]), None);
        assert_eq!(wildcard_port(&[2]), None);
    }

    #[test]
    fn reading_bad_pointers_fails_without_harm() {
        let me = std::process::id();
        assert!(read_sockaddr(me, 0, 16).is_none());
        assert!(read_sockaddr(me, 8, 16).is_none());
        assert!(read_sockaddr(me, u64::MAX - 4, 16).is_none());
        assert!(read_sockaddr(me, 0x1000, 1).is_none());
        let data = [7u8; 28];
        let got = read_sockaddr(me, data.as_ptr() as u64, 1000).unwrap();
        assert_eq!(got, data.to_vec());
    }
}
