//! `--sdnotify` around a container start, when cove runs under systemd
//! (`$NOTIFY_SOCKET`, taken from the environment when cove starts).

use crate::container::Container;
use crate::systemd::notify::{self, Mode, NotifyError};

fn mode(c: &Container) -> Mode {
    c.config.sdnotify
}

/// `--sdnotify=container`: this start gives the container the socket.
pub(super) fn before_start(c: &mut Container) -> Result<(), NotifyError> {
    match notify::socket() {
        Some(socket) if mode(c) == Mode::Container => {
            notify::give_to_container(&mut c.config, socket)
        }
        _ => Ok(()),
    }
}

/// Once the container runs: the shim becomes the unit's main process, and with
/// `--sdnotify=conmon` the unit is ready.
pub(super) fn after_start(c: &Container) -> Result<(), NotifyError> {
    let Some(socket) = notify::socket() else {
        return Ok(());
    };
    let message = notify::started_message(mode(c), c.state.conmon_pid);
    if message.is_empty() || c.state.conmon_pid <= 0 {
        return Ok(());
    }
    notify::send(socket, &message)
}
