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
//! wildcard address) and relays those connections to the handed socket's own address
//! (never to another published socket, whose relay would lead back inside), where the
//! server sees them coming from the host's loopback.
//!
//! A bare `-p HOSTPORT:PORT` (every address) comes as two host sockets on one port, bound
//! by the CLI: 0.0.0.0, and [::] with IPV6_V6ONLY. One dual-stack socket could not go to
//! the most common server, an IPv4 one (nginx's default `listen 80`). An IPv4 server gets
//! the IPv4 socket, an IPv6-only server the IPv6 one; the other socket's relay then stops
//! and a relay on the host takes its clients to the handed socket's loopback address
//! (127.0.0.1:HOSTPORT or [::1]:HOSTPORT), so the server sees them as 127.0.0.1 (::1)
//! with the relay's port: their own address would not fit its sockaddr anyway. A
//! dual-stack server (Go, Node, busybox) gets one dual-stack socket in place of the two
//! ([`dual_stack`]): every client, of either family, is seen as itself. Once a server got
//! a socket of a pair, only that one is given again.
//!
//! Not handed (the relay carries them, as before): binds to a specific address (127.0.0.1
//! means "only from inside"), a container port published more than once (one socket can
//! go only one way), UDP.
//!
//! libseccomp (the crate) receives, answers and checks notifications; the syscalls it has
//! no wrapper for (pidfd_getfd, process_vm_readv, the ADDFD ioctl) are in [`crate::sys`].

use std::collections::{hash_map::Entry, HashMap};
use std::io;
use std::mem::size_of;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use libseccomp::{notify_id_valid, ScmpNotifReq, ScmpNotifResp, ScmpNotifRespFlags, ScmpSyscall};

use super::{tcp, Log, Port, STACK};
use crate::sys;

/// How long a handoff waits for the port's relay to let go of the listener.
const YIELD_WAIT: Duration = Duration::from_secs(2);

/// The relay's side of a handoff: asked once, it stops accepting on the listener and says
/// so, after which nobody but the container's server accepts on it.
pub(crate) struct Yield {
    event: OwnedFd,
    acked: Mutex<bool>,
    cv: Condvar,
}

impl Yield {
    pub(crate) fn new() -> io::Result<Arc<Yield>> {
        Ok(Arc::new(Yield {
            event: sys::eventfd()?,
            acked: Mutex::new(false),
            cv: Condvar::new(),
        }))
    }

    /// Readable when the relay is asked to let go.
    pub(crate) fn event(&self) -> RawFd {
        self.event.as_raw_fd()
    }

    pub(crate) fn drain(&self) {
        sys::eventfd_drain(&self.event);
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
        if sys::eventfd_signal(&self.event).is_err() {
            return false;
        }
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
    /// Where it is bound on the host.
    addr: Option<SocketAddr>,
    /// An IPv6 socket that takes no IPv4 clients.
    v6only: bool,
}

impl Target {
    pub(crate) fn new(listener: Arc<OwnedFd>, container_port: u16, relay: Arc<Yield>) -> Target {
        let fd = listener.as_raw_fd();
        let family = sys::sockopt(fd, libc::SOL_SOCKET, libc::SO_DOMAIN).unwrap_or(-1);
        let v6only = family == libc::AF_INET6
            && sys::sockopt(fd, libc::IPPROTO_IPV6, libc::IPV6_V6ONLY).is_ok_and(|v| v != 0);
        Target {
            addr: sys::local_addr(fd).ok().flatten(),
            listener,
            container_port,
            relay,
            family,
            v6only,
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

    fn wildcard(&self) -> Option<u16> {
        self.addr
            .filter(|a| a.ip().is_unspecified())
            .map(|a| a.port())
    }

    /// Where a client on this host reaches the listener: its own address, or loopback of
    /// its family for a wildcard one.
    fn loopback(&self) -> Option<SocketAddr> {
        let a = self.addr?;
        Some(match a.ip() {
            IpAddr::V6(ip) if ip.is_unspecified() && self.v6only => {
                SocketAddr::new(Ipv6Addr::LOCALHOST.into(), a.port())
            }
            ip if ip.is_unspecified() => SocketAddr::new(Ipv4Addr::LOCALHOST.into(), a.port()),
            _ => a,
        })
    }
}

/// What a server's bind of a published port gets.
#[derive(Debug, PartialEq, Eq)]
enum Choice {
    /// `targets[i]`, and the other socket of its pair, which is then relayed on the host
    /// to it.
    Give(usize, Option<usize>),
    /// One dual-stack socket in place of the pair `(IPv4, IPv6)`, for a dual-stack server.
    Dual(usize, usize),
}

/// What a server's bind of `port` with a socket of `family` (`v6only`) gets; None: the
/// bind is left to the kernel.
///
/// One published socket for the port: it, if the server can take its clients' addresses.
/// A bare `-p HOSTPORT:PORT` is two (0.0.0.0 and [::] IPv6-only, see the module's
/// comment): an IPv4 server gets the IPv4 socket, an IPv6-only server the IPv6 one, a
/// dual-stack server one dual-stack socket in their place. Once a server got one, only
/// that one is given again. Anything else (a port published twice) has no single answer.
fn choose(
    targets: &[Target],
    port: u16,
    family: libc::c_int,
    v6only: bool,
    state: &Handed,
) -> Option<Choice> {
    let mut matching = (0..targets.len()).filter(|&i| targets[i].container_port == port);
    let (a, b) = match (matching.next(), matching.next(), matching.next()) {
        (Some(i), None, None) => {
            return targets[i]
                .fits(family, v6only)
                .then_some(Choice::Give(i, None))
        }
        (Some(a), Some(b), None) => (a, b),
        _ => return None,
    };
    let (v4, v6) = wildcard_pair(targets, a, b)?;
    let handed = &state.handed;
    let dual_app = family == libc::AF_INET6 && !v6only;
    let swapped = state.dual.contains_key(&v4);
    if dual_app && (swapped || !(handed[v4] || handed[v6])) {
        return Some(Choice::Dual(v4, v6));
    }
    if swapped {
        // Neither of the pair listens any more.
        return None;
    }
    let (give, other) = if handed[v6] || (family == libc::AF_INET6 && v6only) {
        (v6, v4)
    } else {
        (v4, v6)
    };
    if handed[other] {
        return None;
    }
    targets[give]
        .fits(family, v6only)
        .then_some(Choice::Give(give, Some(other)))
}

/// `(IPv4, IPv6)` if targets `a` and `b` are the two sockets of one wildcard publish.
fn wildcard_pair(targets: &[Target], a: usize, b: usize) -> Option<(usize, usize)> {
    let (v4, v6) = if targets[a].family == libc::AF_INET {
        (a, b)
    } else {
        (b, a)
    };
    let (t4, t6) = (&targets[v4], &targets[v6]);
    let pair = t4.family == libc::AF_INET
        && t6.family == libc::AF_INET6
        && t6.v6only
        && t4.wildcard().is_some()
        && t4.wildcard() == t6.wildcard();
    pair.then_some((v4, v6))
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
    let mut state = Handed {
        handed: vec![false; targets.len()],
        dual: HashMap::new(),
        relays: Vec::new(),
    };
    serve_notifications(&notify, bind_nr, targets, ns, stop, &mut state, log);
    for t in state.relays {
        let _ = t.join();
    }
}

/// What the handoffs so far left running.
struct Handed {
    /// Which targets a server has been given (both of a pair replaced by a dual socket).
    handed: Vec<bool>,
    /// The dual-stack sockets that replaced pairs, by the index of the IPv4 one.
    dual: HashMap<usize, Arc<OwnedFd>>,
    /// The relays started for them: into the container's namespace, and from the other
    /// socket of a pair.
    relays: Vec<JoinHandle<()>>,
}

fn serve_notifications(
    notify: &OwnedFd,
    bind_nr: ScmpSyscall,
    targets: &[Target],
    ns: &OwnedFd,
    stop: &Arc<OwnedFd>,
    state: &mut Handed,
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
        let resp = match answer(notify.as_raw_fd(), &req, bind_nr, targets, state, log) {
            Reply::Continue => ScmpNotifResp::new_continue(req.id, ScmpNotifRespFlags::CONTINUE),
            Reply::Handed(choice) => {
                first_handoff(targets, choice, req.pid, ns, stop, state, log);
                ScmpNotifResp::new_val(req.id, 0, ScmpNotifRespFlags::empty())
            }
            Reply::Gone => continue,
        };
        // Fails only if the caller is gone meanwhile.
        let _ = resp.respond(notify.as_raw_fd());
    }
}

/// A server got a port's socket: the first time, its clients inside the container, and
/// those of the other socket of a pair, are relayed to it from now on.
fn first_handoff(
    targets: &[Target],
    choice: Choice,
    pid: u32,
    ns: &OwnedFd,
    stop: &Arc<OwnedFd>,
    state: &mut Handed,
    log: &mut Log,
) {
    let (i, other) = match choice {
        Choice::Give(i, other) => (i, other.map(|o| &targets[o])),
        Choice::Dual(v4, v6) => {
            if state.handed[v4] {
                return;
            }
            state.handed[v6] = true;
            (v4, None)
        }
    };
    if std::mem::replace(&mut state.handed[i], true) {
        return;
    }
    let t = &targets[i];
    let what = if matches!(choice, Choice::Dual(..)) {
        "a dual-stack socket in place of the two published ones"
    } else {
        "the relay stopped"
    };
    diag!(
        "port {}/tcp: handed to the container's server (pid {pid}), {what}",
        t.container_port
    );
    // A dual socket takes IPv4 clients: the IPv4 socket's loopback address is its.
    let Some(to) = t.loopback() else {
        return log.note(
            "listening inside the container",
            &"the host socket has no address",
        );
    };
    let inside = listener_in(ns, t.container_port)
        .and_then(|l| relay_to(Arc::new(l), t.container_port, to, stop, "inside"));
    match inside {
        Ok(r) => state.relays.push(r),
        Err(e) => log.note("listening inside the container", &e),
    }
    let Some(o) = other else {
        return;
    };
    // Until it lets go, that relay still reaches the server, through the one inside.
    if !o.relay.request() {
        return log.note(
            "relaying the other family's clients",
            &"the relay did not let go of the port in time",
        );
    }
    let from = o.loopback().map_or_else(String::new, |a| format!(" ({a})"));
    diag!(
        "port {}/tcp: clients of the other address family{from} are relayed to {to}",
        t.container_port
    );
    match relay_to(
        o.listener.clone(),
        o.container_port,
        to,
        stop,
        "other family",
    ) {
        Ok(r) => state.relays.push(r),
        Err(e) => log.note("relaying the other family's clients", &e),
    }
}

/// One dual-stack listener on the port of the pair `(t4, t6)`, for a dual-stack server:
/// both relays let go, both sockets stop listening (they stay bound, so no other process
/// without SO_REUSEADDR can take the port meanwhile) and the new socket takes the port.
/// Clients queued on the old sockets are reset: this happens at the server's first bind,
/// when the relays had nowhere to take them anyway. None, with both listening again, if
/// it could not be done.
fn dual_stack(t4: &Target, t6: &Target, log: &mut Log) -> Option<OwnedFd> {
    let port = t4.wildcard()?;
    if !t4.relay.request() || !t6.relay.request() {
        return None;
    }
    let (l4, l6) = (&*t4.listener, &*t6.listener);
    let made = sys::stop_listening(l4)
        .and_then(|_| sys::stop_listening(l6))
        .and_then(|_| {
            make_listener(
                SocketAddr::new(Ipv6Addr::UNSPECIFIED.into(), port),
                libc::SOMAXCONN,
            )
        });
    match made {
        Ok(s) => Some(s),
        Err(e) => {
            log.note("replacing a port's two sockets by a dual-stack one", &e);
            let _ = sys::listen(l4, libc::SOMAXCONN);
            let _ = sys::listen(l6, libc::SOMAXCONN);
            None
        }
    }
}

/// Relays `listener`'s clients to `to` from the host's namespace (the thread calling this
/// is in it), on a thread of its own until `stop`.
fn relay_to(
    listener: Arc<OwnedFd>,
    container_port: u16,
    to: SocketAddr,
    stop: &Arc<OwnedFd>,
    what: &'static str,
) -> io::Result<JoinHandle<()>> {
    let port = Port {
        fd: listener.as_raw_fd(),
        udp: false,
        container_port,
    };
    let stop = stop.clone();
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut log = Log::named(format!("port {container_port}/tcp {what}"));
            if let Err(e) = tcp::run(&listener, port, &stop, None, Some(to), &mut log) {
                log.note("the forwarder stopped", &e);
            }
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
                sys::setns(ns, libc::CLONE_NEWNET)?;
                make_listener(SocketAddr::new(Ipv6Addr::UNSPECIFIED.into(), port), 128).or_else(
                    |_| make_listener(SocketAddr::new(Ipv4Addr::UNSPECIFIED.into(), port), 128),
                )
            })?
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the namespace thread panicked")))
    })
}

fn make_listener(addr: SocketAddr, backlog: libc::c_int) -> io::Result<OwnedFd> {
    let family = if addr.is_ipv6() {
        libc::AF_INET6
    } else {
        libc::AF_INET
    };
    let fd = sys::socket(family, libc::SOCK_STREAM)?;
    // Failing leaves the defaults: IPv6 only where bindv6only says so; a port in
    // TIME_WAIT from the server's own socket.
    if addr.is_ipv6() {
        let _ = sys::set_sockopt(fd.as_raw_fd(), libc::IPPROTO_IPV6, libc::IPV6_V6ONLY, 0);
    }
    let _ = sys::set_sockopt(fd.as_raw_fd(), libc::SOL_SOCKET, libc::SO_REUSEADDR, 1);
    sys::bind(&fd, addr)?;
    sys::listen(&fd, backlog)?;
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
    /// The socket chosen is in place: the call returns 0.
    Handed(Choice),
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
    state: &mut Handed,
    log: &mut Log,
) -> Reply {
    if req.data.syscall != bind_nr {
        return Reply::Continue;
    }
    let (Ok(fd), Ok(pid)) = (
        RawFd::try_from(req.data.args[0]),
        libc::pid_t::try_from(req.pid),
    ) else {
        return Reply::Continue;
    };
    // The kernel takes addrlen as an int: the low 32 bits.
    let len = req.data.args[2] as u32 as usize;
    let Some(addr) = read_sockaddr(pid, req.data.args[1], len) else {
        return Reply::Continue;
    };
    if notify_id_valid(notify, req.id).is_err() {
        return Reply::Gone;
    }
    let Some((family, port)) = wildcard_port(&addr) else {
        return Reply::Continue;
    };
    if !targets.iter().any(|t| t.container_port == port) {
        return Reply::Continue;
    }
    let Ok(sock) = foreign_fd(pid, fd) else {
        return Reply::Continue;
    };
    // The pidfd was opened while the call was still pending: it is the caller's.
    if notify_id_valid(notify, req.id).is_err() {
        return Reply::Gone;
    }
    let s = sock.as_raw_fd();
    let opt = |level, name| sys::sockopt(s, level, name).ok();
    let tcp = opt(libc::SOL_SOCKET, libc::SO_TYPE) == Some(libc::SOCK_STREAM)
        && opt(libc::SOL_SOCKET, libc::SO_PROTOCOL) == Some(libc::IPPROTO_TCP)
        && opt(libc::SOL_SOCKET, libc::SO_DOMAIN) == Some(family);
    let v6only =
        family == libc::AF_INET6 && opt(libc::IPPROTO_IPV6, libc::IPV6_V6ONLY).unwrap_or(1) != 0;
    if !tcp || already_bound(s) {
        return Reply::Continue;
    }
    let Some(mut choice) = choose(targets, port, family, v6only, state) else {
        return Reply::Continue;
    };
    if let Choice::Dual(v4, v6) = choice {
        if let Entry::Vacant(e) = state.dual.entry(v4) {
            match dual_stack(&targets[v4], &targets[v6], log) {
                Some(s) => drop(e.insert(Arc::new(s))),
                // The IPv4 socket fits a dual-stack server too.
                None => choice = Choice::Give(v4, Some(v6)),
            }
        }
    }
    let host = match choice {
        Choice::Dual(v4, _) => state.dual[&v4].clone(),
        Choice::Give(i, _) => {
            if !targets[i].relay.request() {
                log.note(
                    "handing a port over",
                    &"the relay did not let go of it in time",
                );
                return Reply::Continue;
            }
            targets[i].listener.clone()
        }
    };
    copy_options(s, host.as_raw_fd());
    let cloexec = fd_cloexec(req.pid, fd);
    match sys::notif_addfd(notify, req.id, host.as_raw_fd(), fd, cloexec) {
        Ok(()) => Reply::Handed(choice),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => Reply::Gone,
        Err(e) => {
            log.note("installing the host socket in the container", &e);
            Reply::Continue
        }
    }
}

/// Up to a sockaddr_in6 of the caller's address argument.
fn read_sockaddr(pid: libc::pid_t, ptr: u64, len: usize) -> Option<Vec<u8>> {
    let want = len.min(size_of::<libc::sockaddr_in6>());
    if want < size_of::<libc::sa_family_t>() || ptr == 0 {
        return None;
    }
    let mut buf = vec![0u8; want];
    let n = sys::read_process_memory(pid, ptr, &mut buf).ok()?;
    (n == want).then_some(buf)
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

/// A duplicate of descriptor `fd` of thread `tid`.
fn foreign_fd(tid: libc::pid_t, fd: RawFd) -> io::Result<OwnedFd> {
    sys::pidfd_getfd(&sys::pidfd_open_thread(tid)?, fd)
}

/// A socket with a local port already (bind would fail with EINVAL: the kernel says so).
fn already_bound(fd: RawFd) -> bool {
    match sys::local_addr(fd) {
        Ok(a) => a.is_some_and(|a| a.port() != 0),
        Err(_) => true,
    }
}

/// What of the app's socket its accepted connections or its own I/O depend on. Failing
/// leaves the host socket's setting, which the server copes with as with any default.
fn copy_options(app: RawFd, host: RawFd) {
    if let Ok(nonblocking) = sys::is_nonblocking(app) {
        let _ = sys::set_nonblocking_to(host, nonblocking);
    }
    for (level, name) in [
        (libc::IPPROTO_TCP, libc::TCP_NODELAY),
        (libc::SOL_SOCKET, libc::SO_KEEPALIVE),
    ] {
        if let Ok(v) = sys::sockopt(app, level, name) {
            let _ = sys::set_sockopt(host, level, name, v);
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

#[cfg(test)]
mod tests;
