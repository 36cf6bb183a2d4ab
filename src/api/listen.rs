//! Where the service listens: `unix:///path` (mode 0600: the socket is as powerful as
//! the user) or `tcp://HOST:PORT`, or the socket systemd passed (LISTEN_FDS), which is
//! how `cove.socket` starts the service on demand.

use std::net::{SocketAddr, ToSocketAddrs};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    Unix(PathBuf),
    Tcp(SocketAddr),
}

#[derive(Debug, thiserror::Error)]
pub enum ListenError {
    #[error("{0}: unsupported URI (use unix:///PATH or tcp://HOST:PORT)")]
    Uri(String),
    #[error("{0}: cannot resolve the address")]
    Address(String),
    #[error("another service is already listening on {0}")]
    InUse(PathBuf),
    #[error("cannot listen on {what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
}

fn io(what: impl std::fmt::Display) -> impl FnOnce(std::io::Error) -> ListenError {
    move |source| ListenError::Io {
        what: what.to_string(),
        source,
    }
}

impl FromStr for Endpoint {
    type Err = ListenError;

    fn from_str(s: &str) -> Result<Endpoint, ListenError> {
        if let Some(path) = s.strip_prefix("unix://") {
            if !path.starts_with('/') {
                return Err(ListenError::Uri(s.to_string()));
            }
            return Ok(Endpoint::Unix(PathBuf::from(path)));
        }
        if let Some(addr) = s.strip_prefix("tcp://") {
            let addr = addr.trim_end_matches('/');
            return addr
                .to_socket_addrs()
                .ok()
                .and_then(|mut a| a.next())
                .map(Endpoint::Tcp)
                .ok_or_else(|| ListenError::Address(s.to_string()));
        }
        Err(ListenError::Uri(s.to_string()))
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Endpoint::Unix(p) => write!(f, "unix://{}", p.display()),
            Endpoint::Tcp(a) => write!(f, "tcp://{a}"),
        }
    }
}

pub enum Listener {
    Unix(tokio::net::UnixListener),
    Tcp(tokio::net::TcpListener),
}

/// The socket systemd handed over, if this process was socket-activated.
fn activated() -> Result<Option<Listener>, ListenError> {
    let mut fds = listenfd::ListenFd::from_env();
    if fds.len() == 0 {
        return Ok(None);
    }
    let what = "the socket systemd passed";
    if let Ok(Some(l)) = fds.take_unix_listener(0) {
        l.set_nonblocking(true).map_err(io(what))?;
        return Ok(Some(Listener::Unix(
            tokio::net::UnixListener::from_std(l).map_err(io(what))?,
        )));
    }
    match fds.take_tcp_listener(0).map_err(io(what))? {
        Some(l) => {
            l.set_nonblocking(true).map_err(io(what))?;
            Ok(Some(Listener::Tcp(
                tokio::net::TcpListener::from_std(l).map_err(io(what))?,
            )))
        }
        None => Ok(None),
    }
}

/// A socket file left by a service that died is taken over; a live one is not.
fn clear_stale(path: &Path) -> Result<(), ListenError> {
    if std::os::unix::net::UnixStream::connect(path).is_ok() {
        return Err(ListenError::InUse(path.to_path_buf()));
    }
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(path.display())(e)),
        _ => Ok(()),
    }
}

/// The listener, and whether systemd made it (then its socket file is systemd's).
pub fn open(endpoint: &Endpoint) -> Result<(Listener, bool), ListenError> {
    if let Some(l) = activated()? {
        return Ok((l, true));
    }
    bind(endpoint).map(|l| (l, false))
}

fn bind(endpoint: &Endpoint) -> Result<Listener, ListenError> {
    match endpoint {
        Endpoint::Unix(path) => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io(dir.display()))?;
            }
            clear_stale(path)?;
            let l = tokio::net::UnixListener::bind(path).map_err(io(path.display()))?;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .map_err(io(path.display()))?;
            Ok(Listener::Unix(l))
        }
        Endpoint::Tcp(addr) => {
            let l = std::net::TcpListener::bind(addr).map_err(io(addr))?;
            l.set_nonblocking(true).map_err(io(addr))?;
            Ok(Listener::Tcp(
                tokio::net::TcpListener::from_std(l).map_err(io(addr))?,
            ))
        }
    }
}

/// Remove the socket file this process made (not one systemd owns).
pub fn close(endpoint: &Endpoint, listener_was_activated: bool) {
    if let (Endpoint::Unix(path), false) = (endpoint, listener_was_activated) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(
            "unix:///run/user/1000/cove/cove.sock"
                .parse::<Endpoint>()
                .unwrap(),
            Endpoint::Unix("/run/user/1000/cove/cove.sock".into())
        );
        assert_eq!(
            "tcp://127.0.0.1:2375".parse::<Endpoint>().unwrap(),
            Endpoint::Tcp("127.0.0.1:2375".parse().unwrap())
        );
        assert!("unix://relative".parse::<Endpoint>().is_err());
        assert!("http://x".parse::<Endpoint>().is_err());
        assert!("tcp://127.0.0.1".parse::<Endpoint>().is_err());
    }

    #[test]
    fn a_live_socket_is_not_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sock");
        let _live = std::os::unix::net::UnixListener::bind(&path).unwrap();
        assert!(matches!(clear_stale(&path), Err(ListenError::InUse(_))));
        drop(_live);
        clear_stale(&path).unwrap();
        assert!(!path.exists());
    }
}
