//! Receiving the container's pty master from the runtime (`--console-socket`), the way runc
//! and crun hand it over: one connection on a unix stream socket, one message with the fd in
//! an SCM_RIGHTS control message.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::Path;

use crate::sys;

pub struct ConsoleSocket {
    listener: OwnedFd,
}

impl ConsoleSocket {
    /// Listens at `path` (relative to the cwd, which is the state dir, to dodge the sun_path
    /// length limit).
    pub fn listen(path: &Path) -> io::Result<ConsoleSocket> {
        let listener = sys::listen_unix(path, libc::SOCK_STREAM)?;
        sys::set_nonblocking(listener.as_raw_fd())?;
        Ok(ConsoleSocket { listener })
    }

    /// Takes the master from the runtime's pending connection. Called after `create`
    /// returned, so the connection (if the runtime made one) is already queued; a short wait
    /// covers runtimes that hand the fd over from a lingering helper process.
    pub fn receive_master(&self, timeout_ms: i32) -> io::Result<OwnedFd> {
        let mut pfd = [libc::pollfd {
            fd: self.listener.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        if sys::poll(&mut pfd, timeout_ms)? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the runtime did not connect to the console socket",
            ));
        }
        let conn = sys::accept(self.listener.as_raw_fd())?;
        // The message is usually queued already; wait for it if not.
        let mut pfd = [libc::pollfd {
            fd: conn.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        sys::poll(&mut pfd, timeout_ms)?;
        let master = sys::recv_fd(conn.as_raw_fd())?;
        sys::set_nonblocking(master.as_raw_fd())?;
        Ok(master)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::FromRawFd;

    /// Sends `fd` over `sock` like a runtime would.
    fn send_fd(sock: &OwnedFd, fd: i32) {
        let mut data = *b"pty";
        let mut iov = libc::iovec {
            iov_base: data.as_mut_ptr().cast(),
            iov_len: data.len(),
        };
        let mut cbuf = [0u64; 8];
        // SAFETY: test code building a valid msghdr over local buffers.
        unsafe {
            let mut msg: libc::msghdr = std::mem::zeroed();
            msg.msg_iov = &mut iov;
            msg.msg_iovlen = 1;
            msg.msg_control = cbuf.as_mut_ptr().cast();
            msg.msg_controllen = libc::CMSG_SPACE(4) as _;
            let c = libc::CMSG_FIRSTHDR(&msg);
            (*c).cmsg_level = libc::SOL_SOCKET;
            (*c).cmsg_type = libc::SCM_RIGHTS;
            (*c).cmsg_len = libc::CMSG_LEN(4) as _;
            std::ptr::write_unaligned(libc::CMSG_DATA(c) as *mut i32, fd);
            assert!(libc::sendmsg(sock.as_raw_fd(), &msg, 0) > 0);
        }
    }

    #[test]
    fn receives_a_descriptor() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("console.sock");
        let cs = ConsoleSocket::listen(&path).unwrap();
        let client = sys::connect_unix(&path, libc::SOCK_STREAM).unwrap();
        let (r, w) = sys::pipe().unwrap();
        send_fd(&client, w.as_raw_fd());
        drop(w);
        let got = cs.receive_master(1000).unwrap();
        sys::write_all(got.as_raw_fd(), b"via fd").unwrap();
        drop(got);
        let mut f = unsafe { std::fs::File::from_raw_fd(std::os::fd::IntoRawFd::into_raw_fd(r)) };
        let mut s = String::new();
        std::io::Read::read_to_string(&mut f, &mut s).unwrap();
        assert_eq!(s, "via fd");
    }
}
