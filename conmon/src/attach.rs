//! The attach socket protocol (unix SOCK_SEQPACKET, one message per packet).
//!
//! shim → client: `[1] payload` stdout, `[2] payload` stderr, `[5] i32 BE` exit code.
//! client → shim: `[0] payload` stdin, `[3] rows u16 BE, cols u16 BE` resize, `[4]` close stdin.
//!
//! SEQPACKET keeps packet boundaries, so no length prefix is needed. Each client has its own
//! outgoing queue so that a slow reader neither blocks the shim nor the container; a client
//! whose backlog grows past [`MAX_BACKLOG`] is disconnected (the log still has everything).

use std::collections::VecDeque;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd};

use crate::logfile::Stream;
use crate::sys;

pub const TAG_STDIN: u8 = 0;
pub const TAG_STDOUT: u8 = 1;
pub const TAG_STDERR: u8 = 2;
pub const TAG_RESIZE: u8 = 3;
pub const TAG_CLOSE_STDIN: u8 = 4;
pub const TAG_EXIT: u8 = 5;

/// Output queued for one client beyond which it is considered stuck and dropped.
pub const MAX_BACKLOG: usize = 4 << 20;

/// Largest packet a client may send; bigger ones are truncated by the kernel on receive.
pub const MAX_PACKET: usize = 64 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum ClientMsg<'a> {
    Stdin(&'a [u8]),
    Resize { rows: u16, cols: u16 },
    CloseStdin,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    UnknownTag(u8),
    BadResize(usize),
}

pub fn parse_client(packet: &[u8]) -> Result<ClientMsg<'_>, ParseError> {
    let (&tag, rest) = packet.split_first().ok_or(ParseError::Empty)?;
    match tag {
        TAG_STDIN => Ok(ClientMsg::Stdin(rest)),
        TAG_RESIZE => {
            if rest.len() != 4 {
                return Err(ParseError::BadResize(rest.len()));
            }
            Ok(ClientMsg::Resize {
                rows: u16::from_be_bytes([rest[0], rest[1]]),
                cols: u16::from_be_bytes([rest[2], rest[3]]),
            })
        }
        TAG_CLOSE_STDIN => Ok(ClientMsg::CloseStdin),
        other => Err(ParseError::UnknownTag(other)),
    }
}

pub fn output_packet(stream: Stream, data: &[u8]) -> Vec<u8> {
    let mut p = Vec::with_capacity(data.len() + 1);
    p.push(match stream {
        Stream::Stdout => TAG_STDOUT,
        Stream::Stderr => TAG_STDERR,
    });
    p.extend_from_slice(data);
    p
}

pub fn exit_packet(code: i32) -> Vec<u8> {
    let mut p = vec![TAG_EXIT];
    p.extend_from_slice(&code.to_be_bytes());
    p
}

/// Output chunks are split so every packet fits comfortably in the socket buffer.
pub const MAX_OUT_PAYLOAD: usize = 32 * 1024;

pub struct Client {
    pub fd: OwnedFd,
    queue: VecDeque<Vec<u8>>,
    queued_bytes: usize,
}

impl Client {
    pub fn new(fd: OwnedFd) -> Client {
        Client {
            fd,
            queue: VecDeque::new(),
            queued_bytes: 0,
        }
    }

    pub fn has_backlog(&self) -> bool {
        !self.queue.is_empty()
    }

    /// Queues a packet and tries to send. Err means the client is gone or stuck.
    pub fn push(&mut self, packet: Vec<u8>) -> io::Result<()> {
        self.queued_bytes += packet.len();
        self.queue.push_back(packet);
        if self.queued_bytes > MAX_BACKLOG {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                "attach client is not reading",
            ));
        }
        self.flush()
    }

    /// Releases queue capacity left over from a burst.
    pub fn shrink(&mut self) {
        if self.queue.is_empty() {
            self.queue = VecDeque::new();
        }
    }

    /// Sends as much of the queue as the socket takes without blocking.
    pub fn flush(&mut self) -> io::Result<()> {
        while let Some(p) = self.queue.front() {
            match sys::send(self.fd.as_raw_fd(), p) {
                Ok(_) => {
                    self.queued_bytes -= p.len();
                    self.queue.pop_front();
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_client_packets() {
        assert_eq!(parse_client(&[0, b'h', b'i']), Ok(ClientMsg::Stdin(b"hi")));
        assert_eq!(parse_client(&[0]), Ok(ClientMsg::Stdin(b"")));
        assert_eq!(
            parse_client(&[3, 0, 24, 0, 80]),
            Ok(ClientMsg::Resize { rows: 24, cols: 80 })
        );
        assert_eq!(
            parse_client(&[3, 1, 0, 1, 2]),
            Ok(ClientMsg::Resize {
                rows: 256,
                cols: 258
            })
        );
        assert_eq!(parse_client(&[3, 0]), Err(ParseError::BadResize(1)));
        assert_eq!(parse_client(&[4]), Ok(ClientMsg::CloseStdin));
        assert_eq!(parse_client(&[]), Err(ParseError::Empty));
        assert_eq!(parse_client(&[9, 1]), Err(ParseError::UnknownTag(9)));
    }

    #[test]
    fn encodes_shim_packets() {
        assert_eq!(output_packet(Stream::Stdout, b"ab"), vec![1, b'a', b'b']);
        assert_eq!(output_packet(Stream::Stderr, b""), vec![2]);
        assert_eq!(exit_packet(3), vec![5, 0, 0, 0, 3]);
        assert_eq!(exit_packet(-1), vec![5, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(exit_packet(137), vec![5, 0, 0, 0, 137]);
    }

    #[test]
    fn client_queue_over_socketpair() {
        let mut fds = [0; 2];
        // SAFETY: test-only socketpair into a valid array.
        let r =
            unsafe { libc::socketpair(libc::AF_UNIX, libc::SOCK_SEQPACKET, 0, fds.as_mut_ptr()) };
        assert_eq!(r, 0);
        use std::os::fd::FromRawFd;
        // SAFETY: fresh descriptors from socketpair.
        let (a, b) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        let mut c = Client::new(a);
        c.push(output_packet(Stream::Stdout, b"x")).unwrap();
        c.push(exit_packet(0)).unwrap();
        assert!(!c.has_backlog());
        let mut buf = [0u8; 16];
        let n = sys::recv(b.as_raw_fd(), &mut buf).unwrap();
        assert_eq!(&buf[..n], &[1, b'x']);
        let n = sys::recv(b.as_raw_fd(), &mut buf).unwrap();
        assert_eq!(&buf[..n], &[5, 0, 0, 0, 0]);
    }
}
