//! End-to-end tests of the cove-conmon binary against a fake OCI runtime (a shell script
//! whose `create` starts the "container" in the background and exits, so the container is
//! reparented to the shim, as runc's init is). No privileges needed.

use std::ffi::OsString;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const SHIM: &str = env!("CARGO_BIN_EXE_cove-conmon");

/// The fake runtime. `create` runs `$BUNDLE/run` in the background with our stdio (fd 3
/// dance: a non-interactive shell would give a background job /dev/null as stdin), writes
/// its pid, and exits. `$BUNDLE/fail` makes create fail with that file's text on stderr.
/// `$BUNDLE/pty` switches to the python pty runtime (console socket).
const FAKE_RUNTIME: &str = r#"#!/bin/sh
while [ $# -gt 0 ]; do
  case "$1" in
    --root|--log) shift 2;;
    create) shift;;
    --bundle) bundle=$2; shift 2;;
    --pid-file) pidfile=$2; shift 2;;
    --console-socket) console=$2; shift 2;;
    -*) shift;;
    *) id=$1; shift;;
  esac
done
if [ -f "$bundle/fail" ]; then cat "$bundle/fail" >&2; exit 1; fi
if [ -n "$console" ]; then exec python3 "$bundle/pty.py" "$console" "$pidfile" "$bundle/run"; fi
exec 3<&0
sh "$bundle/run" <&3 3<&- &
echo $! > "$pidfile"
exit 0
"#;

/// Python helper for --terminal: makes a pty, starts the container on the slave, passes the
/// master over the console socket with SCM_RIGHTS (what runc does), exits.
const PTY_PY: &str = r#"
import os, socket, sys
console, pidfile, script = sys.argv[1:4]
master, slave = os.openpty()
pid = os.fork()
if pid == 0:
    os.setsid()
    import fcntl, termios
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    for fd in (0, 1, 2):
        os.dup2(slave, fd)
    os.close(master); os.close(slave)
    os.execv("/bin/sh", ["sh", script])
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(console)
socket.send_fds(s, [b"pty"], [master])
s.close()
with open(pidfile, "w") as f:
    f.write(str(pid))
"#;

struct Env {
    _dir: tempfile::TempDir,
    root: PathBuf,
    state: PathBuf,
    bundle: PathBuf,
    log: PathBuf,
    runtime: PathBuf,
}

impl Env {
    fn new(container_script: &str) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let state = root.join("state");
        let bundle = root.join("bundle");
        std::fs::create_dir(&state).unwrap();
        std::fs::create_dir(&bundle).unwrap();
        std::fs::write(bundle.join("run"), container_script).unwrap();
        std::fs::write(bundle.join("pty.py"), PTY_PY).unwrap();
        let runtime = root.join("fake-runtime");
        std::fs::write(&runtime, FAKE_RUNTIME).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o755)).unwrap();
        Env {
            log: root.join("ctr.log"),
            _dir: dir,
            root,
            state,
            bundle,
            runtime,
        }
    }

    fn args(&self, extra: &[&str]) -> Vec<OsString> {
        let mut v: Vec<OsString> = vec![
            "--cid".into(),
            "c1".into(),
            "--name".into(),
            "test".into(),
            "--bundle".into(),
            self.bundle.clone().into(),
            "--runtime".into(),
            self.runtime.clone().into(),
            "--runtime-arg".into(),
            "--root".into(),
            "--runtime-arg".into(),
            self.root.join("rt").into(),
            "--state-dir".into(),
            self.state.clone().into(),
            "--log-path".into(),
            self.log.clone().into(),
        ];
        v.extend(extra.iter().map(OsString::from));
        v
    }

    /// Starts the shim with a sync pipe; returns the sync line. The spawned process must exit
    /// 0 at once (the real shim is a detached grandchild).
    fn start(&self, extra: &[&str]) -> String {
        let (r, w) = pipe();
        let mut args = self.args(extra);
        args.push("--sync-fd".into());
        args.push(w.as_raw_fd().to_string().into());
        let wfd = w.as_raw_fd();
        let mut cmd = Command::new(SHIM);
        cmd.args(&args);
        // SAFETY: fcntl is async-signal-safe; only the shim gets the write end (tests run in
        // parallel threads, so it must not leak into other tests' children).
        unsafe {
            cmd.pre_exec(move || {
                libc::fcntl(wfd, libc::F_SETFD, 0);
                Ok(())
            });
        }
        let t = Instant::now();
        let status = cmd.status().unwrap();
        assert!(status.success(), "spawned shim exited with {status}");
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "the shim blocked its caller"
        );
        drop(w);
        read_to_eof(r, Duration::from_secs(10))
    }

    fn wait_exit_file(&self) -> String {
        wait_for_file(&self.state.join("exit"))
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: valid array for pipe2.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: fresh descriptors.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

fn read_to_eof(fd: OwnedFd, timeout: Duration) -> String {
    let deadline = Instant::now() + timeout;
    let mut f = std::fs::File::from(fd);
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "timeout reading sync pipe; got {out:?}");
        let mut pfd = libc::pollfd {
            fd: f.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        unsafe { libc::poll(&mut pfd, 1, left.as_millis() as i32) };
        if pfd.revents == 0 {
            continue;
        }
        let n = f.read(&mut buf).unwrap();
        if n == 0 {
            return String::from_utf8(out).unwrap();
        }
        out.extend_from_slice(&buf[..n]);
    }
}

fn wait_for_file(p: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(s) = std::fs::read_to_string(p) {
            if !s.is_empty() {
                return s;
            }
        }
        assert!(Instant::now() < deadline, "{} never appeared", p.display());
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn sync_pid(line: &str) -> i32 {
    let v: serde_json::Value =
        serde_json::from_str(line.trim()).unwrap_or_else(|e| panic!("bad sync line {line:?}: {e}"));
    v["pid"]
        .as_i64()
        .unwrap_or_else(|| panic!("no pid in {line:?}")) as i32
}

fn exit_code(exit_json: &str) -> i64 {
    let v: serde_json::Value = serde_json::from_str(exit_json).unwrap();
    assert_eq!(v["oom_killed"], serde_json::Value::Bool(false));
    assert!(valid_timestamp(v["finished_at"].as_str().unwrap()));
    v["exit_code"].as_i64().unwrap()
}

/// `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`, plausibly now.
fn valid_timestamp(ts: &str) -> bool {
    let b = ts.as_bytes();
    if b.len() != 30 || !ts.ends_with('Z') {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let year: i32 = ts[..4].parse().unwrap_or(0);
    digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'.'
        && digits(20..29)
        && (2024..2200).contains(&year)
}

/// Log records as (stream, flag, text) after checking each line's timestamp.
fn records(log: &str) -> Vec<(String, String, String)> {
    log.lines()
        .map(|l| {
            let mut it = l.splitn(4, ' ');
            let ts = it.next().unwrap();
            assert!(valid_timestamp(ts), "bad timestamp in {l:?}");
            let stream = it.next().unwrap().to_string();
            let flag = it.next().unwrap().to_string();
            let text = it.next().unwrap_or("").to_string();
            (stream, flag, text)
        })
        .collect()
}

fn rec(stream: &str, flag: &str, text: &str) -> (String, String, String) {
    (stream.into(), flag.into(), text.into())
}

fn connect(path: &Path) -> OwnedFd {
    use std::os::unix::ffi::OsStrExt;
    // SAFETY: plain socket/connect over a zeroed, filled sockaddr_un.
    unsafe {
        let fd = libc::socket(libc::AF_UNIX, libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC, 0);
        assert!(fd >= 0);
        let mut addr: libc::sockaddr_un = std::mem::zeroed();
        addr.sun_family = libc::AF_UNIX as _;
        for (d, s) in addr.sun_path.iter_mut().zip(path.as_os_str().as_bytes()) {
            *d = *s as _;
        }
        let r = libc::connect(
            fd,
            &addr as *const _ as *const libc::sockaddr,
            std::mem::size_of::<libc::sockaddr_un>() as _,
        );
        assert_eq!(
            r,
            0,
            "connect {}: {}",
            path.display(),
            std::io::Error::last_os_error()
        );
        OwnedFd::from_raw_fd(fd)
    }
}

fn send_packet(fd: &OwnedFd, p: &[u8]) {
    // SAFETY: valid buffer.
    let n = unsafe { libc::send(fd.as_raw_fd(), p.as_ptr().cast(), p.len(), 0) };
    assert_eq!(n, p.len() as isize);
}

/// Receives one packet (empty = EOF), with a timeout.
fn recv_packet(fd: &OwnedFd) -> Vec<u8> {
    let mut pfd = libc::pollfd {
        fd: fd.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    let r = unsafe { libc::poll(&mut pfd, 1, 10_000) };
    assert_eq!(r, 1, "no packet from the shim within 10s");
    let mut buf = vec![0u8; 65536];
    // SAFETY: valid buffer.
    let n = unsafe { libc::recv(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), 0) };
    assert!(n >= 0);
    buf.truncate(n as usize);
    buf
}

/// Collects stdout/stderr payloads until the exit packet; returns (stdout, stderr, code).
fn collect_until_exit(fd: &OwnedFd) -> (Vec<u8>, Vec<u8>, i32) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    loop {
        let p = recv_packet(fd);
        match p.first() {
            Some(1) => out.extend_from_slice(&p[1..]),
            Some(2) => err.extend_from_slice(&p[1..]),
            Some(5) => {
                assert_eq!(p.len(), 5);
                let code = i32::from_be_bytes([p[1], p[2], p[3], p[4]]);
                return (out, err, code);
            }
            other => panic!("unexpected packet {other:?} {p:?}"),
        }
    }
}

#[test]
fn logs_output_and_records_exit() {
    let env = Env::new("sleep 0.3; echo out; echo err >&2; printf partial; exit 3\n");
    let marker = env.root.join("exit-command-ran");
    let script = format!("cat {}/exit > {}", env.state.display(), marker.display());
    let line = env.start(&[
        "--exit-command",
        "/bin/sh",
        "--exit-command-arg",
        "-c",
        "--exit-command-arg",
        &script,
    ]);
    let pid = sync_pid(&line);
    assert!(
        line.ends_with('\n') && line.lines().count() == 1,
        "{line:?}"
    );
    let pidfile = std::fs::read_to_string(env.state.join("pid")).unwrap();
    assert_eq!(pidfile.trim().parse::<i32>().unwrap(), pid);
    let shim_pid: i32 = wait_for_file(&env.state.join("conmon.pid"))
        .trim()
        .parse()
        .unwrap();
    assert!(shim_pid > 0);

    assert_eq!(exit_code(&env.wait_exit_file()), 3);
    // The exit command runs after the exit file exists and sees it.
    let seen = wait_for_file(&marker);
    assert_eq!(exit_code(&seen), 3);

    let recs = records(&env.log_text());
    assert!(recs.contains(&rec("stdout", "F", "out")), "{recs:?}");
    assert!(recs.contains(&rec("stderr", "F", "err")), "{recs:?}");
    assert!(recs.contains(&rec("stdout", "P", "partial")), "{recs:?}");
    assert!(
        !env.state.join("attach").exists(),
        "attach socket left behind"
    );
}

#[test]
fn signal_death_is_128_plus_signal() {
    let env = Env::new("sleep 0.2; kill -9 $$\n");
    sync_pid(&env.start(&[]));
    assert_eq!(exit_code(&env.wait_exit_file()), 137);
}

#[test]
fn attach_stdin_roundtrip_and_close() {
    let env = Env::new("exec cat\n");
    let pid = sync_pid(&env.start(&["--stdin"]));
    assert!(pid > 0);
    let attach = env.state.join("attach");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&attach).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let c = connect(&attach);
    // A second client sees the same output.
    let c2 = connect(&attach);
    // Give the shim a moment to accept both before output is produced.
    std::thread::sleep(Duration::from_millis(100));
    send_packet(&c, b"\x00hello\n");
    let p = recv_packet(&c);
    assert_eq!(p, b"\x01hello\n");
    let p = recv_packet(&c2);
    assert_eq!(p, b"\x01hello\n");
    // Resize is ignored without a pty, but must not break anything.
    send_packet(&c, &[3, 0, 24, 0, 80]);
    send_packet(&c, b"\x00bye\n");
    send_packet(&c, &[4]);
    let (out, _, code) = collect_until_exit(&c);
    assert_eq!(out, b"bye\n");
    assert_eq!(code, 0);
    // After the exit packet the shim closes the connection.
    assert_eq!(recv_packet(&c), b"");
    assert_eq!(exit_code(&env.wait_exit_file()), 0);
    let recs = records(&env.log_text());
    assert_eq!(
        recs,
        vec![rec("stdout", "F", "hello"), rec("stdout", "F", "bye")]
    );
}

#[test]
fn log_rotation() {
    let env = Env::new("sleep 0.2; i=0; while [ $i -lt 40 ]; do echo line$i; i=$((i+1)); done\n");
    sync_pid(&env.start(&["--log-size-max", "300"]));
    assert_eq!(exit_code(&env.wait_exit_file()), 0);
    let cur = env.log_text();
    let old = std::fs::read_to_string(env.root.join("ctr.log.1")).unwrap();
    assert!(
        cur.len() <= 300 && old.len() <= 300,
        "{} {}",
        cur.len(),
        old.len()
    );
    let all: Vec<String> = records(&old)
        .into_iter()
        .chain(records(&cur))
        .map(|(_, _, t)| t)
        .collect();
    // The newest lines survive, in order, ending with the last one.
    assert_eq!(all.last().map(String::as_str), Some("line39"));
    let n = all.len();
    let expect: Vec<String> = (40 - n..40).map(|i| format!("line{i}")).collect();
    assert_eq!(all, expect);
}

#[test]
fn survives_its_spawner_being_killed() {
    let env = Env::new("sleep 1; echo late; exit 7\n");
    let (r, w) = pipe();
    let mut args = env.args(&[]);
    args.push("--sync-fd".into());
    args.push(w.as_raw_fd().to_string().into());
    let wfd = w.as_raw_fd();
    // The spawner (like the CLI) runs the shim, then lingers; we SIGKILL its whole group.
    let mut cmd = Command::new("/bin/sh");
    cmd.arg("-c")
        .arg("\"$0\" \"$@\"; exec sleep 60")
        .arg(SHIM)
        .args(&args)
        .process_group(0);
    // SAFETY: async-signal-safe fcntl.
    unsafe {
        cmd.pre_exec(move || {
            libc::fcntl(wfd, libc::F_SETFD, 0);
            Ok(())
        });
    }
    let mut spawner = cmd.spawn().unwrap();
    drop(w);
    // Read the sync line, then kill the spawner's process group.
    let pid = {
        let mut f = std::fs::File::from(r);
        let mut line = String::new();
        let mut byte = [0u8; 1];
        while f.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
            line.push(byte[0] as char);
        }
        sync_pid(&line)
    };
    assert!(pid > 0);
    // SAFETY: signalling the group we created.
    unsafe { libc::kill(-(spawner.id() as i32), libc::SIGKILL) };
    spawner.wait().unwrap();
    assert_eq!(exit_code(&env.wait_exit_file()), 7);
    assert!(records(&env.log_text()).contains(&rec("stdout", "F", "late")));
}

#[test]
fn failing_create_reports_error() {
    let env = Env::new("exit 0\n");
    std::fs::write(env.bundle.join("fail"), "  config.json: no such file\n").unwrap();
    let line = env.start(&[]);
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["error"], "config.json: no such file", "{line:?}");
    assert!(v.get("pid").is_none());
    std::thread::sleep(Duration::from_millis(100));
    assert!(!env.state.join("exit").exists());
    assert!(!env.state.join("attach").exists());
    assert!(!env.state.join("conmon.pid").exists());
}

#[test]
fn missing_runtime_reports_error() {
    let mut env = Env::new("exit 0\n");
    env.runtime = env.root.join("no-such-runtime");
    let line = env.start(&[]);
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    let msg = v["error"].as_str().unwrap();
    assert!(msg.contains("no-such-runtime"), "{msg}");
}

#[test]
fn bad_arguments_fail_fast() {
    let out = Command::new(SHIM).arg("--bogus").output().unwrap();
    assert_eq!(out.status.code(), Some(125));
    let out = Command::new(SHIM).arg("--version").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("cove-conmon "));
}

#[test]
fn terminal_mode() {
    if Command::new("python3")
        .arg("-c")
        .arg("import socket; socket.send_fds")
        .status()
        .map(|s| !s.success())
        .unwrap_or(true)
    {
        eprintln!("python3 with socket.send_fds not available; skipping");
        return;
    }
    // stty prints the size set via the resize packet; then echo what we type.
    let env = Env::new("read line; stty size; echo got:$line; exit 5\n");
    sync_pid(&env.start(&["--terminal", "--stdin"]));
    let c = connect(&env.state.join("attach"));
    std::thread::sleep(Duration::from_millis(100));
    send_packet(&c, &[3, 0, 33, 0, 101]);
    send_packet(&c, b"\x00abc\n");
    let (out, err, code) = collect_until_exit(&c);
    let out = String::from_utf8_lossy(&out);
    assert!(err.is_empty());
    assert_eq!(code, 5);
    assert!(out.contains("33 101"), "{out:?}");
    assert!(out.contains("got:abc"), "{out:?}");
    assert_eq!(exit_code(&env.wait_exit_file()), 5);
    let recs = records(&env.log_text());
    assert!(recs.iter().all(|(s, _, _)| s == "stdout"), "{recs:?}");
    assert!(
        recs.iter().any(|(_, _, t)| t.contains("got:abc")),
        "{recs:?}"
    );
    assert!(!env.state.join("console.sock").exists());
}

#[test]
fn health_command_runs_on_schedule_one_at_a_time() {
    let env = Env::new("sleep 1.5\n");
    let ticks = env.root.join("ticks");
    let script = format!(
        "echo start >> {t}; sleep 0.2; echo end >> {t}",
        t = ticks.display()
    );
    sync_pid(&env.start(&[
        "--health-interval-ms",
        "100",
        "--health-command",
        "/bin/sh",
        "--health-command-arg",
        "-c",
        "--health-command-arg",
        &script,
    ]));
    assert_eq!(exit_code(&env.wait_exit_file()), 0);
    let text = std::fs::read_to_string(&ticks).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 4, "at least two checks in 1.5 s: {lines:?}");
    // Never two at once: every start is followed by its end before the next start.
    for pair in lines.chunks(2) {
        assert_eq!(pair[0], "start", "{lines:?}");
        if pair.len() == 2 {
            assert_eq!(pair[1], "end", "{lines:?}");
        }
    }
}

#[test]
fn health_flags_come_in_pairs() {
    let env = Env::new("exit 0\n");
    for extra in [
        vec!["--health-interval-ms", "100"],
        vec!["--health-command", "/bin/true"],
        vec!["--health-interval-ms", "0", "--health-command", "/bin/true"],
    ] {
        let mut args = env.args(&extra);
        args.extend(["--sync-fd".into(), "1".into()]);
        let out = Command::new(SHIM).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(125), "{extra:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("health"), "{extra:?}: {err}");
    }
}
