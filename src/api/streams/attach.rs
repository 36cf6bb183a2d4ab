//! `POST /containers/{id}/attach` and `/resize`: the client is connected to the shim's
//! attach socket (`container::attach`, the same client side `cove attach` uses). A
//! container that is not running yet is waited for with an `attach::Waiter`, which its
//! start lets connect before the process runs, so `docker run` misses no output.

use std::io::Write;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};

use super::frames::{encode, ChannelWriter, Muxer, STDERR, STDOUT};
use super::{container, flag, hijack, Hijacked, Query, MULTIPLEXED_STREAM, RAW_STREAM};
use crate::api::{blocking, ApiError, Service};
use crate::container::attach::{self, Output};
use crate::container::logs::{self, LogOptions};
use crate::container::{Container, Engine};

#[derive(Debug, Clone, Copy)]
struct Wanted {
    stdin: bool,
    stdout: bool,
    stderr: bool,
    logs: bool,
    stream: bool,
}

pub async fn attach(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    axum::extract::Query(q): Query,
    req: Request,
) -> Result<Response, ApiError> {
    let c = container(&service, id).await?;
    let wanted = Wanted {
        // A container created without -i has no stdin to attach to.
        stdin: flag(&q, "stdin", false) && c.config.interactive,
        stdout: flag(&q, "stdout", false),
        stderr: flag(&q, "stderr", false),
        logs: flag(&q, "logs", false),
        stream: flag(&q, "stream", false),
    };
    let content_type = if c.config.tty {
        RAW_STREAM
    } else {
        MULTIPLEXED_STREAM
    };
    // Registered before the 101 goes out: the client starts the container as soon as it
    // sees it, and a start that finds no waiter runs the process before we connect.
    let waiter = if wanted.stream && !c.state.status.is_active() {
        let dir = service.engine.attach_waiters(&c.id);
        let waiter = blocking(move || {
            attach::Waiter::register(&dir)
                .map_err(|e| ApiError::internal(format!("attaching: {e}")))
        })
        .await?;
        Some(waiter)
    } else {
        None
    };
    Ok(hijack(req, content_type, move |h| {
        session(&service.engine, &c, wanted, waiter, h)
    }))
}

fn session(
    engine: &Engine,
    c: &Container,
    wanted: Wanted,
    waiter: Option<attach::Waiter>,
    h: Hijacked,
) {
    let Hijacked { input, output } = h;
    let mut w = ChannelWriter::new(output);
    let raw = c.config.tty;
    if wanted.logs {
        let (mut out, mut err) = Muxer::split(&mut w, raw);
        let opts = LogOptions::default();
        if logs::print(&engine.log_path(&c.id), &opts, &mut out, &mut err, || false).is_err() {
            return;
        }
    }
    if !wanted.stream {
        return;
    }
    let Some(sock) = connect(engine, c, waiter, &w) else {
        return;
    };
    if wanted.stdin {
        if let Ok(dup) = sock.try_clone() {
            std::thread::spawn(move || forward_stdin(dup, input));
        }
    }
    relay_output(&sock, wanted, raw, &mut w);
}

/// The shim's attach socket: at once when the container runs, else once a start lets
/// `waiter` in. None when the client went away first.
fn connect(
    engine: &Engine,
    c: &Container,
    waiter: Option<attach::Waiter>,
    w: &ChannelWriter,
) -> Option<OwnedFd> {
    let socket = engine.state_dir(&c.id).join("attach");
    let Some(waiter) = waiter else {
        return attach::connect(&socket).ok();
    };
    // Started between the lookup and the registration: connect now.
    if engine
        .lookup(&c.id)
        .is_ok_and(|now| now.state.status.is_active())
    {
        drop(waiter);
        return attach::connect(&socket).ok();
    }
    let probe = w.probe();
    let mut tries = 0u32;
    waiter
        .connect(&socket, || {
            tries += 1;
            // Removed meanwhile: nothing will ever start.
            probe.is_closed() || (tries.is_multiple_of(50) && engine.lookup(&c.id).is_err())
        })
        .ok()
        .flatten()
}

/// The client's input to the container's stdin; its end (the client shut its write side
/// down) closes the container's stdin.
fn forward_stdin(sock: OwnedFd, mut input: tokio::sync::mpsc::Receiver<axum::body::Bytes>) {
    while let Some(data) = input.blocking_recv() {
        if attach::send_stdin(sock.as_fd(), &data).is_err() {
            return;
        }
    }
    let _ = attach::close_stdin(sock.as_fd());
}

/// The container's output to the client until it exits, the shim goes away or the
/// client does (noticed within the poll interval even when the container is quiet).
fn relay_output(sock: &OwnedFd, wanted: Wanted, raw: bool, w: &mut ChannelWriter) {
    let probe = w.probe();
    let mut buf = vec![0u8; 64 * 1024 + 16];
    loop {
        let mut fds = [PollFd::new(sock.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::from(500u16)) {
            Ok(0) => {
                if probe.is_closed() {
                    return;
                }
                continue;
            }
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => return,
            Ok(_) => {}
        }
        let (stream, data) = match attach::recv_output(sock.as_fd(), &mut buf) {
            Ok(Output::Stdout(d)) if wanted.stdout => (STDOUT, d),
            Ok(Output::Stderr(d)) if wanted.stderr => (STDERR, d),
            Ok(Output::Stdout(_) | Output::Stderr(_) | Output::Other) => continue,
            Ok(Output::Exited(_) | Output::Closed) | Err(_) => return,
        };
        let mut frame = Vec::with_capacity(data.len() + 8);
        encode(&mut frame, stream, data, raw);
        if w.write_all(&frame).and_then(|()| w.flush()).is_err() {
            return;
        }
    }
}

/// `h` and `w` of a resize request.
pub(super) fn size(q: &std::collections::HashMap<String, String>) -> Result<(u16, u16), ApiError> {
    let dim = |name: &str| {
        q.get(name)
            .and_then(|v| v.parse::<u16>().ok())
            .ok_or_else(|| ApiError::bad_request(format!("invalid resize parameter {name}")))
    };
    Ok((dim("h")?, dim("w")?))
}

pub async fn resize(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    axum::extract::Query(q): Query,
) -> Result<StatusCode, ApiError> {
    let (rows, cols) = size(&q)?;
    blocking(move || {
        let engine = &service.engine;
        let c = engine.lookup(&id)?;
        if !c.state.status.is_active() {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                format!("Container {} is not running", c.id),
            ));
        }
        let sock = attach::connect(&engine.state_dir(&c.id).join("attach"))
            .map_err(|e| ApiError::internal(format!("connecting to the container: {e}")))?;
        attach::resize(sock.as_fd(), rows, cols)
            .map_err(|e| ApiError::internal(format!("resizing: {e}")))?;
        Ok(StatusCode::OK)
    })
    .await
}
