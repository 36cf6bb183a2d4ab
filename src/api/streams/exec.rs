//! Exec sessions: `POST /containers/{id}/exec` records one, `POST /exec/{id}/start` runs
//! it, `/resize` and `GET /exec/{id}/json` follow it.
//!
//! The process is started by `cove exec` as a child of the service, the very command and
//! process set-up the CLI uses: it forks into the container's namespaces, which a
//! multi-threaded process such as this one must not do itself. With a terminal the
//! service makes the pty and passes its slave end (`TERMINAL_ON_STDIN` in its environment), so it can
//! relay the master to the client and resize it.
//!
//! Sessions live in this process's memory, as dockerd keeps them: they are gone when the
//! service exits (it does not while one is attached; a detached one is not waited for).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::sync::{Arc, LazyLock, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

use super::frames::{encode, ChannelWriter, STDERR, STDOUT};
use super::{hijack, Hijacked, Query, MULTIPLEXED_STREAM, RAW_STREAM};
use crate::api::{blocking, ApiError, Service};
use crate::container::exec::TERMINAL_ON_STDIN;
use crate::container::names;

/// What `POST /containers/{id}/exec` sends (Docker's ExecConfig).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ExecConfig {
    attach_stdin: bool,
    attach_stdout: bool,
    attach_stderr: bool,
    tty: bool,
    env: Option<Vec<String>>,
    cmd: Option<Vec<String>>,
    working_dir: String,
    user: String,
    privileged: bool,
    console_size: Option<[u16; 2]>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct StartConfig {
    detach: bool,
    console_size: Option<[u16; 2]>,
}

#[derive(Default)]
struct Progress {
    started: bool,
    running: bool,
    exit_code: Option<i32>,
    pid: u32,
    /// The terminal's master end while the process runs with one.
    pty: Option<Arc<OwnedFd>>,
}

struct Session {
    id: String,
    container_id: String,
    config: ExecConfig,
    progress: Mutex<Progress>,
}

/// How many sessions are kept before finished ones are forgotten.
const MAX_SESSIONS: usize = 1024;

static SESSIONS: LazyLock<Mutex<HashMap<String, Arc<Session>>>> = LazyLock::new(Default::default);

fn no_such_exec(id: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("No such exec instance: {id}"),
    )
}

fn session(id: &str) -> Result<Arc<Session>, ApiError> {
    SESSIONS
        .lock()
        .map_err(|_| ApiError::internal("exec sessions unavailable"))?
        .get(id)
        .cloned()
        .ok_or_else(|| no_such_exec(id))
}

fn parse<T: for<'de> Deserialize<'de> + Default>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(body).map_err(|e| ApiError::bad_request(format!("invalid JSON: {e}")))
}

fn not_running(id: &str) -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        format!("Container {id} is not running"),
    )
}

#[derive(Serialize)]
pub struct Created {
    #[serde(rename = "Id")]
    id: String,
}

pub async fn create(
    State(service): State<Arc<Service>>,
    Path(container): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let config: ExecConfig = parse(&body)?;
    if config.cmd.as_ref().is_none_or(|c| c.is_empty()) {
        return Err(ApiError::bad_request("No exec command specified"));
    }
    let c = blocking(move || Ok(service.engine.lookup(&container)?)).await?;
    if !c.state.status.is_active() {
        return Err(not_running(&c.id));
    }
    let id = names::new_id().map_err(|e| ApiError::internal(e.to_string()))?;
    let s = Arc::new(Session {
        id: id.clone(),
        container_id: c.id,
        config,
        progress: Mutex::default(),
    });
    let mut sessions = SESSIONS
        .lock()
        .map_err(|_| ApiError::internal("exec sessions unavailable"))?;
    // Finished sessions are kept for their exit code, within a bound.
    if sessions.len() >= MAX_SESSIONS {
        sessions.retain(|_, s| s.progress.lock().is_ok_and(|p| p.exit_code.is_none()));
    }
    sessions.insert(id.clone(), s);
    drop(sessions);
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// The `cove exec` command line for a session.
fn command(service: &Service, s: &Session, pty: bool) -> Command {
    let base = &service.engine.exit_command;
    let mut cmd = Command::new(&base[0]);
    cmd.args(&base[1..]).arg("exec");
    if s.config.attach_stdin {
        cmd.arg("-i");
    }
    if pty {
        cmd.arg("-t").env(TERMINAL_ON_STDIN, "1");
    }
    // `KEY` alone would take the service's own value: the client resolves those itself.
    for e in s.config.env.iter().flatten().filter(|e| e.contains('=')) {
        cmd.arg("-e").arg(e);
    }
    if !s.config.user.is_empty() {
        cmd.arg("-u").arg(&s.config.user);
    }
    if !s.config.working_dir.is_empty() {
        cmd.arg("-w").arg(&s.config.working_dir);
    }
    if s.config.privileged {
        cmd.arg("--privileged");
    }
    cmd.arg(&s.container_id);
    cmd.args(s.config.cmd.iter().flatten());
    cmd
}

/// A terminal pair whose slave end will not become this process's controlling terminal.
fn open_pty(size: Option<[u16; 2]>) -> std::io::Result<(OwnedFd, OwnedFd)> {
    use nix::fcntl::OFlag;
    let master = nix::pty::posix_openpt(OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC)?;
    nix::pty::grantpt(&master)?;
    nix::pty::unlockpt(&master)?;
    let name = nix::pty::ptsname_r(&master)?;
    let slave = nix::fcntl::open(
        name.as_str(),
        OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )?;
    let master = OwnedFd::from(master);
    if let Some([h, w]) = size {
        set_size(&master, h, w);
    }
    Ok((master, slave))
}

fn set_size(master: &OwnedFd, rows: u16, cols: u16) {
    let ws = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ reads one winsize from a valid pointer.
    unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &ws) };
}

pub async fn start(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    req: Request,
) -> Result<Response, ApiError> {
    let s = session(&id)?;
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, 1 << 20)
        .await
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let start: StartConfig = parse(&body)?;
    let req = Request::from_parts(parts, axum::body::Body::empty());
    {
        let mut p = s
            .progress
            .lock()
            .map_err(|_| ApiError::internal("exec session unavailable"))?;
        if p.started {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                format!("Exec command {id} has already run"),
            ));
        }
        p.started = true;
    }
    let (svc, cid) = (service.clone(), s.container_id.clone());
    let c = blocking(move || Ok(svc.engine.lookup(&cid)?)).await?;
    if !c.state.status.is_active() {
        return Err(not_running(&c.id));
    }
    let tty = s.config.tty;
    let size = start.console_size.or(s.config.console_size);
    let pty = if tty {
        Some(
            open_pty(size)
                .map_err(|e| ApiError::internal(format!("allocating a terminal: {e}")))?,
        )
    } else {
        None
    };
    let mut cmd = command(&service, &s, pty.is_some());
    let master = match pty {
        Some((master, slave)) => {
            let dup = |fd: &OwnedFd| fd.try_clone().map(Stdio::from);
            let io = |e| ApiError::internal(format!("passing the terminal: {e}"));
            cmd.stdin(dup(&slave).map_err(io)?)
                .stdout(dup(&slave).map_err(io)?)
                .stderr(Stdio::from(slave));
            Some(Arc::new(master))
        }
        None if start.detach => {
            cmd.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            None
        }
        None => {
            let pipe_if = |b: bool| if b { Stdio::piped() } else { Stdio::null() };
            cmd.stdin(pipe_if(s.config.attach_stdin))
                .stdout(pipe_if(s.config.attach_stdout))
                .stderr(pipe_if(s.config.attach_stderr));
            None
        }
    };
    let mut child = cmd
        .spawn()
        .map_err(|e| ApiError::internal(format!("starting cove exec: {e}")))?;
    // Our copies of the terminal's slave end go with it: the master then sees the end.
    drop(cmd);
    {
        let mut p = s
            .progress
            .lock()
            .map_err(|_| ApiError::internal("exec session unavailable"))?;
        p.running = true;
        p.pid = child.id();
        p.pty = master.clone();
    }
    let (stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
    let waiter = {
        let s = s.clone();
        move || {
            let code = child.wait().ok().and_then(|st| {
                use std::os::unix::process::ExitStatusExt;
                st.code().or_else(|| st.signal().map(|sig| 128 + sig))
            });
            if let Ok(mut p) = s.progress.lock() {
                p.running = false;
                p.exit_code = Some(code.unwrap_or(126));
                p.pty = None;
            }
        }
    };
    if start.detach {
        std::thread::spawn(waiter);
        return Ok(StatusCode::OK.into_response());
    }
    let content_type = if tty { RAW_STREAM } else { MULTIPLEXED_STREAM };
    let attach_stdin = s.config.attach_stdin;
    Ok(hijack(req, content_type, move |h| {
        let Hijacked { input, output } = h;
        match master {
            Some(master) => relay_terminal(&master, attach_stdin, input, output, waiter),
            None => relay_pipes(stdin, stdout, stderr, input, output, waiter),
        }
    }))
}

/// Copy `from` into the output, as frames of `stream` (raw when `stream` is 0).
fn pump(mut from: impl Read, stream: u8, output: mpsc::Sender<Bytes>) {
    let mut w = ChannelWriter::new(output);
    let mut buf = vec![0u8; 32 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        let mut frame = Vec::with_capacity(n + 8);
        encode(&mut frame, stream, &buf[..n], stream == 0);
        if w.write_all(&frame).and_then(|()| w.flush()).is_err() {
            return;
        }
    }
}

/// The client's input into `to`, which is closed at its end.
fn feed(mut to: impl Write, mut input: mpsc::Receiver<Bytes>) {
    while let Some(data) = input.blocking_recv() {
        if to.write_all(&data).is_err() {
            return;
        }
    }
}

fn relay_pipes(
    stdin: Option<std::process::ChildStdin>,
    stdout: Option<std::process::ChildStdout>,
    stderr: Option<std::process::ChildStderr>,
    input: mpsc::Receiver<Bytes>,
    output: mpsc::Sender<Bytes>,
    waiter: impl FnOnce() + Send + 'static,
) {
    if let Some(stdin) = stdin {
        std::thread::spawn(move || feed(stdin, input));
    }
    let out = stdout.map(|o| {
        let output = output.clone();
        std::thread::spawn(move || pump(o, STDOUT, output))
    });
    let err = stderr.map(|e| {
        let output = output.clone();
        std::thread::spawn(move || pump(e, STDERR, output))
    });
    // The exit code is known before the stream ends: the client asks for it right after.
    waiter();
    for t in [out, err].into_iter().flatten() {
        let _ = t.join();
    }
    drop(output);
}

fn relay_terminal(
    master: &Arc<OwnedFd>,
    attach_stdin: bool,
    input: mpsc::Receiver<Bytes>,
    output: mpsc::Sender<Bytes>,
    waiter: impl FnOnce() + Send + 'static,
) {
    let file = |fd: &OwnedFd| fd.as_fd().try_clone_to_owned().map(std::fs::File::from);
    if attach_stdin {
        if let Ok(to) = file(master) {
            std::thread::spawn(move || feed(to, input));
        }
    }
    let reader = file(master).ok().map(|from| {
        let output = output.clone();
        std::thread::spawn(move || pump(from, 0, output))
    });
    // The stream ends only once the exit code is known: the client asks for it next.
    waiter();
    drop(output);
    // Every slave end is closed now: the master reads what is left, then EIO.
    if let Some(r) = reader {
        let _ = r.join();
    }
}

pub async fn resize(
    Path(id): Path<String>,
    axum::extract::Query(q): Query,
) -> Result<StatusCode, ApiError> {
    let (rows, cols) = super::attach::size(&q)?;
    let s = session(&id)?;
    let p = s
        .progress
        .lock()
        .map_err(|_| ApiError::internal("exec session unavailable"))?;
    if let Some(master) = &p.pty {
        set_size(master, rows, cols);
    }
    Ok(StatusCode::OK)
}

/// `GET /exec/{id}/json`, in Docker's ExecInspect shape.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExecReport {
    #[serde(rename = "ID")]
    id: String,
    running: bool,
    exit_code: Option<i32>,
    process_config: ProcessConfig,
    open_stdin: bool,
    open_stderr: bool,
    open_stdout: bool,
    can_remove: bool,
    #[serde(rename = "ContainerID")]
    container_id: String,
    detach_keys: String,
    pid: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessConfig {
    tty: bool,
    entrypoint: String,
    arguments: Vec<String>,
    privileged: bool,
    user: String,
}

pub async fn inspect(Path(id): Path<String>) -> Result<Json<ExecReport>, ApiError> {
    let s = session(&id)?;
    let p = s
        .progress
        .lock()
        .map_err(|_| ApiError::internal("exec session unavailable"))?;
    let cmd = s.config.cmd.clone().unwrap_or_default();
    Ok(Json(ExecReport {
        id: s.id.clone(),
        running: p.running,
        exit_code: p.exit_code,
        process_config: ProcessConfig {
            tty: s.config.tty,
            entrypoint: cmd.first().cloned().unwrap_or_default(),
            arguments: cmd.iter().skip(1).cloned().collect(),
            privileged: s.config.privileged,
            user: s.config.user.clone(),
        },
        open_stdin: s.config.attach_stdin,
        open_stderr: s.config.attach_stderr,
        open_stdout: s.config.attach_stdout,
        can_remove: false,
        container_id: s.container_id.clone(),
        detach_keys: String::new(),
        pid: p.pid,
    }))
}
