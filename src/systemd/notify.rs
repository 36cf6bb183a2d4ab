//! The sd_notify protocol, client side: one datagram of `KEY=VALUE` lines to the socket
//! named by `$NOTIFY_SOCKET` (a path, or `@name` for an abstract socket), and
//! `--sdnotify`'s modes.
//!
//! cove takes `NOTIFY_SOCKET` out of its environment when it starts, so nothing it spawns
//! (the shim, network helpers, `--env-host` containers) can answer systemd by accident;
//! only the code below, and a container given the socket on purpose, talks to it.

use std::os::unix::net::UnixDatagram;
use std::sync::OnceLock;

use crate::container::{ContainerConfig, MountSpec};

pub const ENV: &str = "NOTIFY_SOCKET";
/// Where `--sdnotify=container` puts the socket inside the container.
pub const CONTAINER_SOCKET: &str = "/run/notify/notify.sock";

/// `--sdnotify`: who tells systemd that the container is ready. Stored by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Mode {
    /// The container's own process sends READY=1; cove only sends MAINPID.
    #[default]
    Container,
    /// cove sends MAINPID and READY=1 as soon as the container runs.
    Conmon,
    /// Nothing is sent, the container does not get the socket.
    Ignore,
}

impl Mode {
    /// The stored value; "" (containers created before the flag existed) is Podman's
    /// default, container.
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "" | "container" => Some(Mode::Container),
            "conmon" => Some(Mode::Conmon),
            "ignore" => Some(Mode::Ignore),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Container => "container",
            Mode::Conmon => "conmon",
            Mode::Ignore => "ignore",
        }
    }
}

impl From<String> for Mode {
    /// The flag only lets the three modes in; an unknown stored value is ignored.
    fn from(s: String) -> Mode {
        Mode::parse(&s).unwrap_or(Mode::Ignore)
    }
}

impl From<Mode> for String {
    fn from(m: Mode) -> String {
        m.as_str().to_string()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error("--sdnotify=container: the notify socket {0} is abstract and cannot be mounted into a container (use --sdnotify=conmon)")]
    Abstract(String),
    #[error("--sdnotify=container: the notify socket {0} is not an absolute path")]
    Relative(String),
    #[error("notifying systemd on {socket}: {source}")]
    Send {
        socket: String,
        source: std::io::Error,
    },
}

static SOCKET: OnceLock<Option<String>> = OnceLock::new();

/// Read `$NOTIFY_SOCKET` once and remove it from the environment. Must run before any
/// thread starts (the environment is process-wide) and before anything is spawned.
pub fn take_from_env() {
    let value = std::env::var(ENV).ok().filter(|s| !s.is_empty());
    if value.is_some() {
        std::env::remove_var(ENV);
    }
    let _ = SOCKET.set(value);
}

/// The socket systemd gave this process, if any.
pub fn socket() -> Option<&'static str> {
    SOCKET.get().and_then(|s| s.as_deref())
}

/// Send one notification datagram (`lines` joined with newlines).
pub fn send(socket: &str, lines: &[String]) -> Result<(), NotifyError> {
    let err = |source| NotifyError::Send {
        socket: socket.to_string(),
        source,
    };
    let msg = lines.join("\n");
    let sock = UnixDatagram::unbound().map_err(err)?;
    if let Some(name) = socket.strip_prefix('@') {
        use std::os::linux::net::SocketAddrExt;
        let addr = std::os::unix::net::SocketAddr::from_abstract_name(name).map_err(err)?;
        sock.send_to_addr(msg.as_bytes(), &addr).map_err(err)?;
    } else {
        sock.send_to(msg.as_bytes(), socket).map_err(err)?;
    }
    Ok(())
}

/// What cove itself sends once a container runs under `mode`, with the shim as the
/// service's main process (it lives as long as the container and exits with it).
pub fn started_message(mode: Mode, shim_pid: i32) -> Vec<String> {
    match mode {
        Mode::Ignore => Vec::new(),
        Mode::Container => vec![format!("MAINPID={shim_pid}")],
        Mode::Conmon => vec![format!("MAINPID={shim_pid}"), "READY=1".into()],
    }
}

/// For `--sdnotify=container`: the socket bind-mounted into the container and
/// `NOTIFY_SOCKET` pointing at it. Applied to the configuration of one start only (not
/// stored): the socket belongs to the unit that runs this cove command.
pub fn give_to_container(config: &mut ContainerConfig, socket: &str) -> Result<(), NotifyError> {
    if socket.starts_with('@') {
        return Err(NotifyError::Abstract(socket.to_string()));
    }
    if !socket.starts_with('/') {
        return Err(NotifyError::Relative(socket.to_string()));
    }
    config.mounts.retain(|m| m.destination != CONTAINER_SOCKET);
    config.mounts.push(MountSpec {
        kind: crate::container::record::MountKind::Bind,
        source: socket.to_string(),
        destination: CONTAINER_SOCKET.into(),
        options: vec!["rbind".into()],
    });
    config.env.retain(|e| !e.starts_with("NOTIFY_SOCKET="));
    config.env.push(format!("{ENV}={CONTAINER_SOCKET}"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sends_to_path_and_abstract_sockets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify.sock");
        let server = UnixDatagram::bind(&path).unwrap();
        let p = path.to_str().unwrap();
        send(p, &started_message(Mode::Conmon, 42)).unwrap();
        let mut buf = [0u8; 256];
        let n = server.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"MAINPID=42\nREADY=1");

        use std::os::linux::net::SocketAddrExt;
        let name = format!("cove-notify-test-{}", std::process::id());
        let addr = std::os::unix::net::SocketAddr::from_abstract_name(&name).unwrap();
        let server = UnixDatagram::bind_addr(&addr).unwrap();
        send(&format!("@{name}"), &["READY=1".into()]).unwrap();
        let n = server.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"READY=1");

        assert!(send(dir.path().join("none").to_str().unwrap(), &[]).is_err());
    }

    #[test]
    fn modes_and_container_config() {
        assert_eq!(Mode::parse(""), Some(Mode::Container));
        assert_eq!(Mode::parse("conmon"), Some(Mode::Conmon));
        assert_eq!(Mode::parse("bogus"), None);
        assert_eq!(started_message(Mode::Container, 7), ["MAINPID=7"]);
        assert!(started_message(Mode::Ignore, 7).is_empty());

        let mut c = ContainerConfig::default();
        give_to_container(&mut c, "/run/user/1/systemd/notify").unwrap();
        give_to_container(&mut c, "/run/user/1/systemd/notify").unwrap();
        assert_eq!(c.mounts.len(), 1);
        assert_eq!(c.mounts[0].destination, CONTAINER_SOCKET);
        assert_eq!(c.env, ["NOTIFY_SOCKET=/run/notify/notify.sock"]);
        assert!(matches!(
            give_to_container(&mut c, "@abstract"),
            Err(NotifyError::Abstract(_))
        ));
    }
}
