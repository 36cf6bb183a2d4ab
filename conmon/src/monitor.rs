//! The shim's single poll(2) loop: container output → log + attach clients, attach input →
//! container stdin, SIGCHLD (via signalfd) → reaping, until the container has exited and its
//! output is drained.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use crate::attach::{self, Client, ClientMsg};
use crate::clock;
use crate::daemon;
use crate::exitfile;
use crate::health::HealthTimer;
use crate::logfile::{LogWriter, Stream};
use crate::sys::{self, WaitStatus};

/// After the init died, output still arriving (from orphans that inherited the pipes) is
/// collected until the streams have been quiet this long...
const QUIET_AFTER_EXIT: Duration = Duration::from_millis(200);
/// ...but never longer than this, so a chatty orphan cannot keep the exit from being recorded.
const MAX_DRAIN: Duration = Duration::from_secs(2);
/// Stdin bytes buffered for the container before we stop reading from attach clients.
const MAX_STDIN_BACKLOG: usize = 1 << 20;

struct Output {
    stream: Stream,
    fd: OwnedFd,
}

/// Where stdin packets go: the container's stdin pipe, or the pty master.
struct StdinSink {
    fd: OwnedFd,
    pending: Vec<u8>,
    close_requested: bool,
    is_pty: bool,
}

pub struct Exit {
    pub code: i32,
    pub finished_at: String,
}

pub struct Monitor {
    pub log: LogWriter,
    pub sigchld: OwnedFd,
    pub listener: OwnedFd,
    pub container_pid: libc::pid_t,
    outputs: Vec<Output>,
    stdin: Option<StdinSink>,
    /// The pty master, for resize requests.
    pty: Option<OwnedFd>,
    pidfd: Option<OwnedFd>,
    clients: Vec<Client>,
    exit: Option<(Exit, Instant)>,
    last_output: Instant,
    log_error_reported: bool,
    buf: Vec<u8>,
    /// Traffic since the last memory trim; see [`Monitor::trim_memory`].
    dirty: bool,
    health: Option<HealthTimer>,
    /// `--timeout`: when the container is killed; then whether it was.
    deadline: Option<Instant>,
    timed_out: bool,
}

enum Received {
    Packet,
    Nothing,
    Closed,
}

enum Slot {
    Sigchld,
    Listener,
    Pidfd,
    Output(usize),
    Stdin,
    Client(usize),
}

impl Monitor {
    pub fn new(
        log: LogWriter,
        sigchld: OwnedFd,
        listener: OwnedFd,
        container_pid: libc::pid_t,
    ) -> Monitor {
        Monitor {
            log,
            sigchld,
            listener,
            container_pid,
            outputs: Vec::new(),
            stdin: None,
            pty: None,
            pidfd: None,
            clients: Vec::new(),
            exit: None,
            last_output: Instant::now(),
            log_error_reported: false,
            dirty: false,
            health: None,
            deadline: None,
            timed_out: false,
            buf: vec![0u8; attach::MAX_OUT_PAYLOAD.max(attach::MAX_PACKET + 1)],
        }
    }

    pub fn add_output(&mut self, stream: Stream, fd: OwnedFd) -> io::Result<()> {
        sys::set_nonblocking(fd.as_raw_fd())?;
        self.outputs.push(Output { stream, fd });
        Ok(())
    }

    pub fn set_stdin(&mut self, fd: OwnedFd, is_pty: bool) -> io::Result<()> {
        sys::set_nonblocking(fd.as_raw_fd())?;
        self.stdin = Some(StdinSink {
            fd,
            pending: Vec::new(),
            close_requested: false,
            is_pty,
        });
        Ok(())
    }

    pub fn set_pty(&mut self, fd: OwnedFd) {
        self.pty = Some(fd);
    }

    pub fn set_health(&mut self, timer: HealthTimer) {
        self.health = Some(timer);
    }

    pub fn set_timeout(&mut self, after: Duration) {
        self.deadline = Some(Instant::now() + after);
    }

    /// Past the deadline: kill the container once; its end is then reported as conmon
    /// reports a timeout (255), whatever signal status the kill leaves.
    fn check_deadline(&mut self) {
        if self.timed_out || self.exit.is_some() {
            return;
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.timed_out = true;
            // SAFETY: kill(2) on the container's init, which we have not reaped yet.
            unsafe { libc::kill(self.container_pid, libc::SIGKILL) };
        }
    }

    fn deadline_ms(&self) -> Option<i32> {
        if self.timed_out || self.exit.is_some() {
            return None;
        }
        let left = self.deadline?.saturating_duration_since(Instant::now());
        Some(left.as_millis().min(i32::MAX as u128) as i32 + 1)
    }

    pub fn set_pidfd(&mut self, fd: OwnedFd) {
        self.pidfd = Some(fd);
    }

    /// Logs output that arrived before the loop started (during `create`).
    pub fn record_output(&mut self, stream: Stream, data: &[u8]) {
        self.dirty = true;
        let ts = clock::rfc3339_now();
        if let Err(e) = self.log.write_chunk(&ts, stream, data) {
            if !self.log_error_reported {
                diag!("writing the container log: {e}");
                self.log_error_reported = true;
            }
        }
        for chunk in data.chunks(attach::MAX_OUT_PAYLOAD) {
            let packet = attach::output_packet(stream, chunk);
            self.clients.retain_mut(|c| match c.push(packet.clone()) {
                Ok(()) => true,
                Err(e) => {
                    diag!("dropping attach client: {e}");
                    false
                }
            });
        }
        self.last_output = Instant::now();
    }

    /// Marks the container as gone without a status we could observe (not our child).
    /// A status already reaped takes precedence.
    pub fn set_exit_unknown(&mut self) {
        self.set_exit(-1);
    }

    fn set_exit(&mut self, code: i32) {
        let code = if self.timed_out { 255 } else { code };
        if self.exit.is_none() {
            let finished_at = clock::rfc3339_now();
            self.exit = Some((Exit { code, finished_at }, Instant::now()));
        }
    }

    /// Reaps every dead child (as subreaper we inherit orphans too); notes the init's status.
    pub fn reap(&mut self) {
        loop {
            match sys::waitpid(-1, true) {
                Ok(WaitStatus::Exited(pid, code)) if pid == self.container_pid => {
                    self.set_exit(exitfile::exit_code(Some(code), None))
                }
                Ok(WaitStatus::Signaled(pid, sig)) if pid == self.container_pid => {
                    self.set_exit(exitfile::exit_code(None, Some(sig)))
                }
                Ok(WaitStatus::Exited(pid, _)) | Ok(WaitStatus::Signaled(pid, _)) => {
                    if let Some(h) = &mut self.health {
                        h.reaped(pid);
                    }
                }
                Ok(WaitStatus::None) | Err(_) => return,
            }
        }
    }

    /// Runs until the container exited and its output is drained; returns how it ended.
    pub fn run(mut self) -> (Exit, Vec<Client>) {
        self.reap();
        loop {
            if let Some(done) = self.finished() {
                return done;
            }
            let mut slots: Vec<Slot> = Vec::with_capacity(8 + self.clients.len());
            let mut pfds: Vec<libc::pollfd> = Vec::with_capacity(slots.capacity());
            let mut add = |slot: Slot, fd: i32, events: libc::c_short| {
                slots.push(slot);
                pfds.push(libc::pollfd {
                    fd,
                    events,
                    revents: 0,
                });
            };
            add(Slot::Sigchld, self.sigchld.as_raw_fd(), libc::POLLIN);
            add(Slot::Listener, self.listener.as_raw_fd(), libc::POLLIN);
            if let Some(p) = &self.pidfd {
                add(Slot::Pidfd, p.as_raw_fd(), libc::POLLIN);
            }
            for (i, o) in self.outputs.iter().enumerate() {
                add(Slot::Output(i), o.fd.as_raw_fd(), libc::POLLIN);
            }
            let stdin_backlog = match &self.stdin {
                Some(s) => {
                    if !s.pending.is_empty() {
                        add(Slot::Stdin, s.fd.as_raw_fd(), libc::POLLOUT);
                    }
                    s.pending.len()
                }
                None => 0,
            };
            for (i, c) in self.clients.iter().enumerate() {
                let mut ev = 0;
                // Backpressure: stop taking input while the container is not reading it.
                if stdin_backlog < MAX_STDIN_BACKLOG {
                    ev |= libc::POLLIN;
                }
                if c.has_backlog() {
                    ev |= libc::POLLOUT;
                }
                add(Slot::Client(i), c.fd.as_raw_fd(), ev);
            }

            let mut timeout = self.drain_timeout_ms();
            if let (None, Some(h)) = (&self.exit, &self.health) {
                if let Some(ms) = h.timeout_ms() {
                    timeout = if timeout < 0 { ms } else { timeout.min(ms) };
                }
            }
            if let Some(ms) = self.deadline_ms() {
                timeout = if timeout < 0 { ms } else { timeout.min(ms) };
            }
            let polled = sys::poll(&mut pfds, timeout);
            self.check_deadline();
            if self.exit.is_none() {
                if let Some(h) = &mut self.health {
                    h.tick();
                }
            }
            match polled {
                Ok(0) if self.exit.is_none() => {
                    self.trim_memory();
                    continue;
                }
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    diag!("poll: {e}");
                    // Not recoverable in a meaningful way; avoid spinning.
                    std::thread::sleep(Duration::from_millis(100));
                    continue;
                }
            }

            let mut closed_outputs = Vec::new();
            let mut dead_clients = Vec::new();
            for (slot, pfd) in slots.iter().zip(&pfds) {
                if pfd.revents == 0 {
                    continue;
                }
                match *slot {
                    Slot::Sigchld => {
                        sys::drain_signalfd(&self.sigchld);
                        self.reap();
                    }
                    Slot::Pidfd => self.on_pidfd(),
                    Slot::Listener => self.accept_clients(),
                    Slot::Output(i) => {
                        if !self.read_output(i) {
                            closed_outputs.push(i);
                        }
                    }
                    Slot::Stdin => self.flush_stdin(),
                    Slot::Client(i) => {
                        if !self.service_client(i, pfd.revents) {
                            dead_clients.push(i);
                        }
                    }
                }
            }
            // Remove from the back so earlier indices stay valid.
            for i in closed_outputs.into_iter().rev() {
                self.outputs.remove(i);
            }
            for i in dead_clients.into_iter().rev() {
                self.clients.remove(i);
            }
        }
    }

    /// Poll timeout: while the container runs, forever, or one second after traffic (to trim
    /// memory once a burst is over); afterwards, until the drain ends.
    fn drain_timeout_ms(&self) -> i32 {
        match &self.exit {
            None if self.dirty => 1000,
            None => -1,
            Some((_, died)) => {
                let quiet_end = self.last_output.max(*died) + QUIET_AFTER_EXIT;
                let end = quiet_end.min(*died + MAX_DRAIN);
                let left = end.saturating_duration_since(Instant::now());
                (left.as_millis() as i32).max(1)
            }
        }
    }

    /// Gives buffers grown by a burst of output or input back to the system, so a long-lived
    /// shim returns to its small idle footprint (glibc keeps freed heap memory otherwise).
    fn trim_memory(&mut self) {
        self.dirty = false;
        if let Some(s) = &mut self.stdin {
            if s.pending.is_empty() {
                s.pending = Vec::new();
            }
        }
        for c in &mut self.clients {
            c.shrink();
        }
        sys::malloc_trim();
        daemon::trim_resident_text();
    }

    fn finished(&mut self) -> Option<(Exit, Vec<Client>)> {
        let (_, died) = self.exit.as_ref()?;
        let now = Instant::now();
        let quiet = now >= self.last_output.max(*died) + QUIET_AFTER_EXIT;
        let drained = self.outputs.is_empty() || quiet || now >= *died + MAX_DRAIN;
        if !drained {
            return None;
        }
        let (exit, _) = self.exit.take()?;
        Some((exit, std::mem::take(&mut self.clients)))
    }

    fn on_pidfd(&mut self) {
        self.reap();
        if self.exit.is_none() {
            // The init is gone but was not ours to reap: its status is lost to us.
            if let Err(e) = sys::waitpid(self.container_pid, true) {
                diag!(
                    "container process {} exited but is not our child ({e}); exit code unknown",
                    self.container_pid
                );
                self.set_exit_unknown();
            }
        }
        // Level-triggered and permanently readable from now on: stop watching it.
        self.pidfd = None;
    }

    fn accept_clients(&mut self) {
        loop {
            match sys::accept(self.listener.as_raw_fd()) {
                Ok(fd) => {
                    self.clients.push(Client::new(fd));
                    // What a new client sent before we accepted it (a resize client sends
                    // and leaves) is applied now, before packets other clients sent later
                    // that this same poll round would otherwise deliver first. Its end is
                    // noticed by the next poll.
                    let i = self.clients.len() - 1;
                    while let Received::Packet = self.receive(i) {}
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    diag!("accepting an attach client: {e}");
                    return;
                }
            }
        }
    }

    /// Reads one chunk; false when the stream reached EOF.
    fn read_output(&mut self, i: usize) -> bool {
        let fd = self.outputs[i].fd.as_raw_fd();
        let stream = self.outputs[i].stream;
        let mut buf = std::mem::take(&mut self.buf);
        let len = buf.len().min(attach::MAX_OUT_PAYLOAD);
        let open = match sys::read(fd, &mut buf[..len]) {
            Ok(0) => false,
            Ok(n) => {
                self.record_output(stream, &buf[..n]);
                true
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => true,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => true,
            // EIO is how a pty master reports that every slave fd is closed.
            Err(_) => false,
        };
        self.buf = buf;
        open
    }

    /// Handles a readable/writable client; false when it should be dropped.
    fn service_client(&mut self, i: usize, revents: libc::c_short) -> bool {
        if revents & libc::POLLOUT != 0 {
            if let Err(e) = self.clients[i].flush() {
                diag!("attach client write: {e}");
                return false;
            }
        }
        if revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) == 0 {
            return true;
        }
        !matches!(self.receive(i), Received::Closed)
    }

    /// Reads and applies at most one packet of client `i`.
    fn receive(&mut self, i: usize) -> Received {
        let fd = self.clients[i].fd.as_raw_fd();
        let mut buf = std::mem::take(&mut self.buf);
        let received = match sys::recv(fd, &mut buf) {
            Ok(0) => Received::Closed,
            Ok(n) => {
                self.on_client_packet(&buf[..n]);
                Received::Packet
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Received::Nothing,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Received::Nothing,
            Err(_) => Received::Closed,
        };
        self.buf = buf;
        received
    }

    fn on_client_packet(&mut self, packet: &[u8]) {
        self.dirty = true;
        match attach::parse_client(packet) {
            Ok(ClientMsg::Stdin(data)) => {
                if let Some(s) = &mut self.stdin {
                    if !s.close_requested {
                        s.pending.extend_from_slice(data);
                        self.flush_stdin();
                    }
                }
            }
            Ok(ClientMsg::Resize { rows, cols }) => {
                if let Some(pty) = &self.pty {
                    if let Err(e) = sys::set_winsize(pty.as_raw_fd(), rows, cols) {
                        diag!("resize to {rows}x{cols}: {e}");
                    }
                }
            }
            Ok(ClientMsg::CloseStdin) => {
                if let Some(s) = &mut self.stdin {
                    s.close_requested = true;
                    if s.is_pty {
                        // A pty cannot be half-closed; the line discipline's EOF character
                        // is the terminal equivalent (canonical mode).
                        s.pending.push(0x04);
                    }
                    self.flush_stdin();
                }
            }
            Err(e) => diag!("ignoring malformed attach packet: {e:?}"),
        }
    }

    /// Writes pending stdin without blocking; closes the pipe once a close was requested and
    /// everything before it has been delivered.
    fn flush_stdin(&mut self) {
        let Some(s) = &mut self.stdin else { return };
        while !s.pending.is_empty() {
            match sys::write(s.fd.as_raw_fd(), &s.pending) {
                Ok(n) => {
                    s.pending.drain(..n);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => {
                    // EPIPE: the container closed its stdin; nothing more can be delivered.
                    self.stdin = None;
                    return;
                }
            }
        }
        if s.close_requested {
            self.stdin = None;
        }
    }
}

/// Sends the exit packet to every client, giving slow ones up to a second to take their
/// remaining output, then closes them.
pub fn say_goodbye(mut clients: Vec<Client>, code: i32) {
    let deadline = Instant::now() + Duration::from_secs(1);
    clients.retain_mut(|c| c.push(attach::exit_packet(code)).is_ok());
    while clients.iter().any(|c| c.has_backlog()) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let mut pfds: Vec<libc::pollfd> = clients
            .iter()
            .filter(|c| c.has_backlog())
            .map(|c| libc::pollfd {
                fd: c.fd.as_raw_fd(),
                events: libc::POLLOUT,
                revents: 0,
            })
            .collect();
        if sys::poll(&mut pfds, left.as_millis() as i32).is_err() {
            break;
        }
        clients.retain_mut(|c| c.flush().is_ok());
    }
    wait_for_hangups(clients, HANGUP_WAIT);
}

/// How long the exit command waits for attached clients to hang up.
const HANGUP_WAIT: Duration = Duration::from_secs(2);

/// Wait until every client has hung up, at most `limit`. A client attached to the end
/// (`cove run` in the foreground) cleans up and removes the container itself before it
/// goes; the exit command, which would do the same, then finds nothing left to do
/// instead of competing with it for the CPU and the container's lock.
fn wait_for_hangups(mut clients: Vec<Client>, limit: Duration) {
    let deadline = Instant::now() + limit;
    let mut scratch = [0u8; 512];
    while !clients.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        let mut pfds: Vec<libc::pollfd> = clients
            .iter()
            .map(|c| libc::pollfd {
                fd: c.fd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            })
            .collect();
        match sys::poll(&mut pfds, left.as_millis().try_into().unwrap_or(i32::MAX)) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return,
        }
        let mut i = 0;
        clients.retain(|c| {
            let revents = pfds[i].revents;
            i += 1;
            if revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                return false;
            }
            // Input sent after the end is dropped; end of file is the hang-up.
            revents & libc::POLLIN == 0
                || !matches!(sys::read(c.fd.as_raw_fd(), &mut scratch), Ok(0) | Err(_))
        });
    }
}
