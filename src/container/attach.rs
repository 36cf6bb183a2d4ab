//! Client side of a shim's attach socket (protocol in docs/ARCHITECTURE.md): copies the
//! container's output to our stdout/stderr and, with -i, our stdin to the container; with
//! -t the terminal is raw, resizes are forwarded and ctrl-p ctrl-q detaches.

use std::io::{self, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::path::Path;

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::socket::{self, AddressFamily, MsgFlags, SockFlag, SockType, UnixAddr};
use nix::sys::termios;

const STDOUT: u8 = 1;
const STDERR: u8 = 2;
const STDIN: u8 = 0;
const RESIZE: u8 = 3;
const CLOSE_STDIN: u8 = 4;
const EXIT: u8 = 5;

/// Docker's default detach sequence: ctrl-p ctrl-q.
pub const DEFAULT_DETACH_KEYS: &[u8] = &[0x10, 0x11];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachEnd {
    /// The container exited with this code.
    Exited(i32),
    /// The user typed the detach keys.
    Detached,
    /// The shim went away without reporting an exit (it was killed).
    Disconnected,
}

#[derive(Debug, Clone)]
pub struct AttachOptions {
    pub stdin: bool,
    pub tty: bool,
    pub detach_keys: Vec<u8>,
    /// `--attach`: which output streams are copied (both by default).
    pub stdout: bool,
    pub stderr: bool,
    /// `--sig-proxy`: the container's PID, to which the signals we receive are passed on.
    pub proxy_to: Option<i32>,
}

/// The signals `--sig-proxy` passes on (Podman's set: all but those about the terminal,
/// children, and the two that cannot be caught).
const PROXIED: [nix::sys::signal::Signal; 6] = {
    use nix::sys::signal::Signal::*;
    [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2]
};

/// Signals blocked and read from a signalfd while attached; unblocked again on drop.
struct SignalProxy {
    fd: nix::sys::signalfd::SignalFd,
    mask: nix::sys::signal::SigSet,
    target: i32,
}

impl SignalProxy {
    fn new(target: i32) -> io::Result<SignalProxy> {
        use nix::sys::signal::SigSet;
        use nix::sys::signalfd::{SfdFlags, SignalFd};
        let mut mask = SigSet::empty();
        for s in PROXIED {
            mask.add(s);
        }
        mask.thread_block()?;
        let fd = SignalFd::with_flags(&mask, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK)?;
        Ok(SignalProxy { fd, mask, target })
    }

    fn forward(&mut self) {
        while let Ok(Some(info)) = self.fd.read_signal() {
            if let Ok(sig) = nix::sys::signal::Signal::try_from(info.ssi_signo as i32) {
                // The container may be gone already: its end reaches us through the socket.
                let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.target), sig);
            }
        }
    }
}

impl Drop for SignalProxy {
    fn drop(&mut self) {
        let _ = self.mask.thread_unblock();
    }
}

pub fn connect(socket_path: &Path) -> io::Result<OwnedFd> {
    let fd = socket::socket(
        AddressFamily::Unix,
        SockType::SeqPacket,
        SockFlag::SOCK_CLOEXEC,
        None,
    )?;
    // sun_path holds 108 bytes and state dirs under a long XDG_RUNTIME_DIR exceed that:
    // reach the socket through an fd of its directory instead.
    let dir = socket_path.parent().unwrap_or(Path::new("/"));
    let name = socket_path.file_name().unwrap_or_default();
    let dir_fd = std::fs::File::open(dir)?;
    let short = Path::new("/proc/self/fd")
        .join(dir_fd.as_raw_fd().to_string())
        .join(name);
    let addr = UnixAddr::new(&short)?;
    socket::connect(fd.as_raw_fd(), &addr)?;
    Ok(fd)
}

fn send(sock: BorrowedFd<'_>, kind: u8, payload: &[u8]) -> io::Result<()> {
    let mut packet = Vec::with_capacity(payload.len() + 1);
    packet.push(kind);
    packet.extend_from_slice(payload);
    socket::send(sock.as_raw_fd(), &packet, MsgFlags::MSG_NOSIGNAL)?;
    Ok(())
}

/// Bytes for the container's stdin.
pub fn send_stdin(sock: BorrowedFd<'_>, data: &[u8]) -> io::Result<()> {
    send(sock, STDIN, data)
}

/// The container's stdin reaches its end (the client's input did).
pub fn close_stdin(sock: BorrowedFd<'_>) -> io::Result<()> {
    send(sock, CLOSE_STDIN, &[])
}

/// Set the container's terminal size.
pub fn resize(sock: BorrowedFd<'_>, rows: u16, cols: u16) -> io::Result<()> {
    let mut p = rows.to_be_bytes().to_vec();
    p.extend_from_slice(&cols.to_be_bytes());
    send(sock, RESIZE, &p)
}

/// One packet from the shim.
#[derive(Debug, PartialEq, Eq)]
pub enum Output<'a> {
    Stdout(&'a [u8]),
    Stderr(&'a [u8]),
    Exited(i32),
    /// A packet of a kind this client does not use.
    Other,
    /// The shim hung up.
    Closed,
}

/// Receive the next packet into `buf` (at least the shim's packet size: 64 KiB).
pub fn recv_output<'a>(sock: BorrowedFd<'_>, buf: &'a mut [u8]) -> io::Result<Output<'a>> {
    let n = loop {
        match socket::recv(sock.as_raw_fd(), buf, MsgFlags::empty()) {
            Ok(n) => break n,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(nix::errno::Errno::ECONNRESET) => return Ok(Output::Closed),
            Err(e) => return Err(e.into()),
        }
    };
    if n == 0 {
        return Ok(Output::Closed);
    }
    let payload = &buf[1..n];
    Ok(match buf[0] {
        STDOUT => Output::Stdout(payload),
        STDERR => Output::Stderr(payload),
        EXIT if payload.len() >= 4 => Output::Exited(i32::from_be_bytes([
            payload[0], payload[1], payload[2], payload[3],
        ])),
        _ => Output::Other,
    })
}

/// Puts our terminal in raw mode; restores it when dropped, however attach ends.
pub struct RawMode {
    saved: termios::Termios,
}

impl RawMode {
    pub fn enter() -> Option<RawMode> {
        let stdin = io::stdin();
        let saved = termios::tcgetattr(stdin.as_fd()).ok()?;
        let mut raw = saved.clone();
        termios::cfmakeraw(&mut raw);
        termios::tcsetattr(stdin.as_fd(), termios::SetArg::TCSANOW, &raw).ok()?;
        Some(RawMode { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(io::stdin().as_fd(), termios::SetArg::TCSANOW, &self.saved);
    }
}

/// Our terminal's size, when stdin is a terminal.
pub fn terminal_winsize() -> Option<libc::winsize> {
    // SAFETY: winsize is plain data; TIOCGWINSZ fills it in.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::ioctl(io::stdin().as_raw_fd(), libc::TIOCGWINSZ, &mut ws) };
    (r == 0 && ws.ws_row > 0).then_some(ws)
}

fn terminal_size() -> Option<(u16, u16)> {
    terminal_winsize().map(|ws| (ws.ws_row, ws.ws_col))
}

/// Finds the detach sequence in typed input, across reads.
struct DetachMatcher<'a> {
    keys: &'a [u8],
    matched: usize,
}

impl DetachMatcher<'_> {
    /// Returns the bytes to forward, or None when the sequence completed.
    fn feed(&mut self, input: &[u8]) -> Option<Vec<u8>> {
        if self.keys.is_empty() {
            return Some(input.to_vec());
        }
        let mut out = Vec::with_capacity(input.len());
        for &b in input {
            if b == self.keys[self.matched] {
                self.matched += 1;
                if self.matched == self.keys.len() {
                    return None;
                }
            } else {
                // A partial match that breaks off was real input after all.
                out.extend_from_slice(&self.keys[..self.matched]);
                self.matched = 0;
                if b == self.keys[0] {
                    self.matched = 1;
                } else {
                    out.push(b);
                }
            }
        }
        Some(out)
    }
}

/// Copy streams until the container exits, the user detaches or the shim goes away.
pub fn run(sock: &OwnedFd, opts: &AttachOptions) -> io::Result<AttachEnd> {
    let _raw = (opts.tty && opts.stdin).then(RawMode::enter).flatten();
    let mut size = None;
    let mut stdin_open = opts.stdin;
    let mut matcher = DetachMatcher {
        keys: if opts.tty { &opts.detach_keys } else { &[] },
        matched: 0,
    };
    let mut buf = vec![0u8; 64 * 1024];
    let stdin = io::stdin();
    let mut proxy = opts.proxy_to.map(SignalProxy::new).transpose()?;
    loop {
        if opts.tty {
            let now = terminal_size();
            if now.is_some() && now != size {
                size = now;
                if let Some((rows, cols)) = now {
                    let _ = resize(sock.as_fd(), rows, cols);
                }
            }
        }
        let mut fds = vec![PollFd::new(sock.as_fd(), PollFlags::POLLIN)];
        if let Some(p) = &proxy {
            fds.push(PollFd::new(p.fd.as_fd(), PollFlags::POLLIN));
        }
        let stdin_slot = fds.len();
        if stdin_open {
            fds.push(PollFd::new(stdin.as_fd(), PollFlags::POLLIN));
        }
        // A timeout only so that terminal resizes are noticed without a signal handler.
        let timeout = if opts.tty { 250u16 } else { u16::MAX };
        match poll(&mut fds, PollTimeout::from(timeout)) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
            Ok(_) => {}
        }
        let sock_ready = fds[0].any().unwrap_or(false);
        let signalled = proxy.is_some() && fds[1].any().unwrap_or(false);
        let stdin_ready = stdin_open && fds.get(stdin_slot).and_then(|f| f.any()).unwrap_or(false);
        drop(fds);
        if signalled {
            if let Some(p) = &mut proxy {
                p.forward();
            }
        }
        if sock_ready {
            match recv_output(sock.as_fd(), &mut buf) {
                Ok(Output::Stdout(data)) if opts.stdout => {
                    write_all(&mut io::stdout().lock(), data)?
                }
                Ok(Output::Stderr(data)) if opts.stderr => {
                    write_all(&mut io::stderr().lock(), data)?
                }
                Ok(Output::Stdout(_) | Output::Stderr(_)) => {}
                Ok(Output::Exited(code)) => return Ok(AttachEnd::Exited(code)),
                Ok(Output::Other) => {}
                Ok(Output::Closed) | Err(_) => return Ok(AttachEnd::Disconnected),
            }
        }
        if stdin_ready {
            let n = match nix::unistd::read(stdin.as_fd(), &mut buf) {
                Ok(n) => n,
                Err(nix::errno::Errno::EINTR) => continue,
                Err(_) => 0,
            };
            if n == 0 {
                stdin_open = false;
                let _ = close_stdin(sock.as_fd());
                continue;
            }
            match matcher.feed(&buf[..n]) {
                None => return Ok(AttachEnd::Detached),
                Some(data) if !data.is_empty() => {
                    // The container may already be gone; its exit packet follows.
                    let _ = send_stdin(sock.as_fd(), &data);
                }
                Some(_) => {}
            }
        }
    }
}

/// An attach client waiting for a container to start: the Docker API attaches before it
/// starts the container (`docker run` without -d), and must not miss its first output.
/// Each waiter is a token file `attach-waiters/PID-N` in the container's directory; a
/// start lets the waiters connect before the process runs (see [`let_waiters_connect`]),
/// whoever started it (the API, `cove start`).
pub struct Waiter {
    token: std::path::PathBuf,
}

impl Waiter {
    pub fn register(dir: &Path) -> io::Result<Waiter> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        std::fs::create_dir_all(dir)?;
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let token = dir.join(format!("{}-{n}", std::process::id()));
        std::fs::write(&token, b"")?;
        Ok(Waiter { token })
    }

    /// Connect once a shim answers on `socket`; None when `give_up` says so first.
    pub fn connect(
        self,
        socket: &Path,
        mut give_up: impl FnMut() -> bool,
    ) -> io::Result<Option<OwnedFd>> {
        loop {
            if let Ok(fd) = connect(socket) {
                return Ok(Some(fd));
            }
            if give_up() {
                return Ok(None);
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

impl Drop for Waiter {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.token);
    }
}

/// Called by a start with the shim up and the process not yet running: wait until every
/// waiter in `dir` has connected (its token is gone), at most `limit`. Tokens of
/// processes that died are removed.
pub fn let_waiters_connect(dir: &Path, limit: std::time::Duration) {
    let deadline = std::time::Instant::now() + limit;
    loop {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut waiting = false;
        for e in entries.flatten() {
            let name = e.file_name();
            let pid = name.to_string_lossy();
            let pid = pid.split('-').next().unwrap_or_default();
            if Path::new("/proc").join(pid).exists() {
                waiting = true;
            } else {
                let _ = std::fs::remove_file(e.path());
            }
        }
        if !waiting || std::time::Instant::now() >= deadline {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn write_all(w: &mut impl Write, data: &[u8]) -> io::Result<()> {
    match w.write_all(data).and_then(|()| w.flush()) {
        // Our reader went away (`cove run ... | head`): keep draining, like Docker.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Parse Docker's `--detach-keys` syntax: "ctrl-p,ctrl-q", "a,b".
pub fn parse_detach_keys(spec: &str) -> Result<Vec<u8>, String> {
    if spec.is_empty() {
        return Ok(Vec::new());
    }
    spec.split(',')
        .map(|k| {
            let k = k.trim();
            if let Some(c) = k.strip_prefix("ctrl-") {
                match c.as_bytes() {
                    [b] if b.is_ascii_alphabetic() => Ok(b.to_ascii_lowercase() - b'a' + 1),
                    b"@" => Ok(0),
                    b"[" => Ok(27),
                    b"\\" => Ok(28),
                    b"]" => Ok(29),
                    b"^" => Ok(30),
                    b"_" => Ok(31),
                    _ => Err(format!("invalid detach key \"{k}\"")),
                }
            } else if k.len() == 1 {
                Ok(k.as_bytes()[0])
            } else {
                Err(format!("invalid detach key \"{k}\""))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_waits_for_live_waiters_only() {
        let dir = tempfile::tempdir().unwrap();
        let waiters = dir.path().join("w");
        // A token of a process that is gone does not hold a start up.
        std::fs::create_dir(&waiters).unwrap();
        std::fs::write(waiters.join("999999999-0"), b"").unwrap();
        let w = Waiter::register(&waiters).unwrap();
        let t0 = std::time::Instant::now();
        let limit = std::time::Duration::from_millis(300);
        let_waiters_connect(&waiters, limit);
        assert!(t0.elapsed() >= limit, "a live waiter was not waited for");
        assert!(!waiters.join("999999999-0").exists());
        drop(w);
        let t0 = std::time::Instant::now();
        let_waiters_connect(&waiters, std::time::Duration::from_secs(300));
        assert!(t0.elapsed() < std::time::Duration::from_secs(300));
        assert_eq!(std::fs::read_dir(&waiters).unwrap().count(), 0);
    }

    #[test]
    fn detach_keys_parse() {
        assert_eq!(
            parse_detach_keys("ctrl-p,ctrl-q").unwrap(),
            vec![0x10, 0x11]
        );
        assert_eq!(parse_detach_keys("a,ctrl-[").unwrap(), vec![b'a', 27]);
        assert!(parse_detach_keys("ctrl-pp").is_err());
        assert!(parse_detach_keys("").unwrap().is_empty());
    }

    #[test]
    fn detach_sequence_is_found_across_reads_and_false_starts_pass_through() {
        let keys = [0x10, 0x11];
        let mut m = DetachMatcher {
            keys: &keys,
            matched: 0,
        };
        assert_eq!(m.feed(b"ab\x10").unwrap(), b"ab");
        assert_eq!(m.feed(b"x").unwrap(), b"\x10x");
        assert_eq!(m.feed(b"\x10").unwrap(), b"");
        assert!(m.feed(b"\x11").is_none());
    }
}
