//! How one direction of a TCP connection moves bytes from a socket to the other.
//!
//! Zero-copy where it can: splice(2) from the source into a pipe and straight on to the
//! destination. The pipes come from a small pool per port thread ([`POOL`] pipes of the
//! default 16 pages, whatever the number of connections): a direction whose destination
//! could not take everything keeps its pipe, with the rest in it, until it is written,
//! and reads nothing more meanwhile (backpressure). When the pool is empty, or the user's
//! pipe budget (pipe-user-pages-soft, shared by all their processes) gives no pipe of
//! full size, bytes are copied through the thread's buffer and the rest kept in a buffer
//! of the direction's own, at most [`CHUNK`], freed once written.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::time::{Duration, Instant};

use super::{cvt, would_block, Log};
use crate::sys;

/// The most one direction moves per step, and the most it holds back: a default pipe.
pub const CHUNK: usize = 64 * 1024;
/// Pipes per port thread, made as needed: at most 64 pages of the user's budget per port
/// (a range of ports is many ports). Only a direction whose destination is full holds one.
const POOL: usize = 4;
/// Steps per direction per wake-up, so one busy connection cannot starve the others.
const ROUNDS: usize = 8;
/// How long to copy before asking for a pipe again after the budget said no.
const PIPE_RETRY: Duration = Duration::from_secs(1);

pub type Failure = (&'static str, io::Error);

pub struct Pipe {
    r: OwnedFd,
    w: OwnedFd,
}

/// The port thread's pipes, and its copy buffer for when there is none.
pub struct Pool {
    free: Vec<Pipe>,
    /// Pipes in existence: free, or held by a direction with bytes in them.
    made: usize,
    retry_at: Option<Instant>,
    scratch: Vec<u8>,
}

impl Pool {
    pub fn new() -> Pool {
        Pool {
            free: Vec::new(),
            made: 0,
            retry_at: None,
            scratch: vec![0; CHUNK],
        }
    }

    fn take(&mut self, log: &mut Log) -> Option<Pipe> {
        if let Some(p) = self.free.pop() {
            return Some(p);
        }
        if self.made >= POOL || self.retry_at.is_some_and(|t| Instant::now() < t) {
            return None;
        }
        match new_pipe() {
            Ok(p) => {
                self.made += 1;
                Some(p)
            }
            Err(e) => {
                log.note("no pipe for splice(2), copying through user space", &e);
                self.retry_at = Some(Instant::now() + PIPE_RETRY);
                None
            }
        }
    }

    /// A held pipe is gone with its connection (and the bytes in it).
    pub fn lost(&mut self, half: &mut Half) {
        if half.pipe.take().is_some() {
            self.made -= 1;
        }
    }
}

/// A pipe holding CHUNK, or an error when the user's pipe budget cannot give one.
fn new_pipe() -> io::Result<Pipe> {
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
    Ok(Pipe { r, w })
}

/// One direction: bytes read from one socket that the other has not taken yet, in a
/// pipe or a buffer (never both).
#[derive(Default)]
pub struct Half {
    pipe: Option<Pipe>,
    in_pipe: usize,
    buf: Vec<u8>,
    off: usize,
    /// The source said EOF.
    pub eof: bool,
    /// ... and the destination was told, after everything before it.
    pub shut: bool,
}

impl Half {
    pub fn pending(&self) -> bool {
        self.in_pipe > 0 || self.off < self.buf.len()
    }

    pub fn wants_read(&self) -> bool {
        !self.eof && !self.pending()
    }
}

enum Moved {
    Some,
    Eof,
    WouldBlock,
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

/// What a read from the source said, as a step's outcome; `Ok(n)` for bytes.
fn received(r: io::Result<usize>) -> Result<Result<usize, Moved>, Failure> {
    match r {
        Ok(0) => Ok(Err(Moved::Eof)),
        Ok(n) => Ok(Ok(n)),
        Err(e) if would_block(&e) => Ok(Err(Moved::WouldBlock)),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Err(Moved::Some)),
        Err(e) => Err(("receiving", e)),
    }
}

/// Reads up to CHUNK from `src` and writes what `dst` takes now; `h` keeps the rest.
fn step(
    src: RawFd,
    dst: RawFd,
    h: &mut Half,
    pool: &mut Pool,
    log: &mut Log,
) -> Result<Moved, Failure> {
    let Some(p) = pool.take(log) else {
        let n = match received(sys::recv(src, &mut pool.scratch))? {
            Ok(n) => n,
            Err(moved) => return Ok(moved),
        };
        let m = match sys::send(dst, &pool.scratch[..n]) {
            Ok(m) => m,
            Err(e) if would_block(&e) || e.kind() == io::ErrorKind::Interrupted => 0,
            Err(e) => return Err(("sending", e)),
        };
        if m < n {
            h.buf = pool.scratch[m..n].to_vec();
            h.off = 0;
        }
        return Ok(Moved::Some);
    };
    let n = match received(splice(src, p.w.as_raw_fd(), CHUNK)) {
        Ok(Ok(n)) => n,
        // Nothing went into the pipe: it goes back as it came.
        other => {
            pool.free.push(p);
            return other.map(|r| r.err().unwrap_or(Moved::Some));
        }
    };
    h.pipe = Some(p);
    h.in_pipe = n;
    flush_pipe(h, dst, pool)?;
    Ok(Moved::Some)
}

/// Writes what the direction's pipe holds; the pipe goes back to the pool once empty.
fn flush_pipe(h: &mut Half, dst: RawFd, pool: &mut Pool) -> Result<(), Failure> {
    while h.in_pipe > 0 {
        let Some(p) = &h.pipe else {
            h.in_pipe = 0;
            break;
        };
        match splice(p.r.as_raw_fd(), dst, h.in_pipe) {
            Ok(0) => return Ok(()),
            Ok(m) => h.in_pipe -= m,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if would_block(&e) => return Ok(()),
            Err(e) => return Err(("sending", e)),
        }
    }
    if let Some(p) = h.pipe.take() {
        pool.free.push(p);
    }
    Ok(())
}

/// Moves one direction as far as it goes now: held bytes first, then fresh ones; at EOF
/// with nothing held, passes the EOF on.
pub fn pump(
    h: &mut Half,
    src: RawFd,
    dst: RawFd,
    pool: &mut Pool,
    log: &mut Log,
) -> Result<(), Failure> {
    for _ in 0..ROUNDS {
        if h.in_pipe > 0 {
            flush_pipe(h, dst, pool)?;
            if h.in_pipe > 0 {
                return Ok(());
            }
            continue;
        }
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
        match step(src, dst, h, pool, log)? {
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
