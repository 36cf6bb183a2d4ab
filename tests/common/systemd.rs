//! Running what cove writes for systemd without systemd as PID 1: `systemd-analyze
//! verify`, command lines expanded as a user manager would, run as the test user with
//! NOTIFY_SOCKET pointing at a socket the test reads.

use std::os::unix::net::UnixDatagram;
use std::path::PathBuf;
use std::process::{Command, Output};

use cove::systemd::unit::{split_words, Unit};

use super::{describe, TestEnv};

/// A datagram socket the test user may send to, standing in for systemd's.
pub struct NotifySocket {
    pub path: PathBuf,
    sock: UnixDatagram,
}

impl NotifySocket {
    pub fn new(env: &TestEnv) -> NotifySocket {
        let path = env.base.join("notify.sock");
        let _ = std::fs::remove_file(&path);
        let sock = UnixDatagram::bind(&path).unwrap();
        let (uid, gid) = super::test_user_ids();
        std::os::unix::fs::chown(&path, Some(uid), Some(gid)).unwrap();
        // Never blocks: a missing message fails the test instead of hanging it.
        sock.set_nonblocking(true).unwrap();
        NotifySocket { path, sock }
    }

    /// The next queued message, if there is one.
    pub fn try_recv(&self) -> Option<String> {
        let mut buf = vec![0u8; 4096];
        match self.sock.recv(&mut buf) {
            Ok(n) => Some(String::from_utf8_lossy(&buf[..n]).into_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => None,
            Err(e) => panic!("reading the notify socket: {e}"),
        }
    }

    /// A message cove sent: cove sends before it exits and the command has returned, so
    /// the datagram is queued by now (a local send is complete when it returns); none
    /// queued means none was sent.
    pub fn recv(&self) -> String {
        self.try_recv()
            .expect("a notification from the cove command that just returned")
    }

    /// A message the container sends when it gets there, after cove returned.
    pub fn recv_from_container(&self) -> String {
        let mut got = None;
        assert!(
            super::eventually(|| {
                got = self.try_recv();
                got.is_some()
            }),
            "the container sent no notification"
        );
        got.unwrap_or_default()
    }

    /// Proves nothing else was queued before: a marker sent now is the next message.
    pub fn assert_empty(&self) {
        UnixDatagram::unbound()
            .unwrap()
            .send_to(b"MARKER", &self.path)
            .unwrap();
        assert_eq!(self.recv(), "MARKER", "a notification was sent");
    }
}

/// The key=value lines of a notification.
pub fn fields(msg: &str) -> Vec<&str> {
    msg.lines().collect()
}

pub fn process_name(pid: &str) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// `systemd-analyze --user verify` as root: exit 0 and not a single complaint (unknown
/// keys and bad values are only warnings to systemd, but they are bugs here).
pub fn verify(env: &TestEnv, units: &[PathBuf]) {
    let runtime = env.base.join("verify-run");
    std::fs::create_dir_all(&runtime).unwrap();
    let out = Command::new("systemd-analyze")
        .args(["--user", "verify", "--man=no"])
        .args(units)
        .env("XDG_RUNTIME_DIR", &runtime)
        .current_dir(units[0].parent().unwrap())
        .output()
        .expect("systemd-analyze (package systemd) is installed");
    assert!(
        out.status.success() && out.stderr.is_empty() && out.stdout.is_empty(),
        "systemd-analyze verify {units:?}: {}",
        describe(&out)
    );
}

/// One value of a unit (the last one given).
pub fn unit_value(text: &str, section: &str, key: &str) -> String {
    Unit::parse(text)
        .unwrap()
        .entries(section)
        .filter(|e| e.key == key)
        .last()
        .unwrap_or_else(|| panic!("no {key}= in [{section}] of\n{text}"))
        .value
        .clone()
}

/// The instance of a template's unit: `1` of `container-web@1.service`.
pub fn instance(unit: &str) -> &str {
    let tail = unit.split_once('@').map_or("", |(_, t)| t);
    tail.trim_end_matches(".service")
}

/// A command line as a user manager runs it for unit `unit` (`web.service`): the `-`
/// prefix dropped, specifiers %t %n %N %i %% and `$$` expanded, words split.
pub fn command(env: &TestEnv, unit: &str, line: &str) -> Vec<String> {
    let line = line.strip_prefix('-').unwrap_or(line);
    let mut expanded = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => match chars.next() {
                Some('t') => expanded.push_str(&env.run.display().to_string()),
                Some('n') => expanded.push_str(unit),
                Some('N') => expanded.push_str(unit.trim_end_matches(".service")),
                Some('i') => expanded.push_str(instance(unit)),
                Some('%') => expanded.push('%'),
                other => panic!("specifier %{other:?} in {line}"),
            },
            '$' => {
                assert_eq!(chars.next(), Some('$'), "unescaped $ in {line}");
                expanded.push('$');
            }
            c => expanded.push(c),
        }
    }
    split_words(&expanded).unwrap()
}

/// Run a unit's command line as the test user, with the socket as NOTIFY_SOCKET.
pub fn run_line(env: &TestEnv, unit: &str, line: &str, notify: Option<&NotifySocket>) -> Output {
    let words = command(env, unit, line);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let socket = notify.map(|n| n.path.display().to_string());
    let envs: Vec<(&str, &str)> = socket
        .iter()
        .map(|s| ("NOTIFY_SOCKET", s.as_str()))
        .collect();
    env.user_cmd_env(&envs, refs[0], &refs[1..])
        .output()
        .expect("spawn runuser")
}

pub fn run_line_ok(env: &TestEnv, unit: &str, line: &str, notify: Option<&NotifySocket>) -> String {
    let out = run_line(env, unit, line, notify);
    assert!(out.status.success(), "{line}: {}", describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The shim's pid from `MAINPID=` (and READY=1 when `ready`), checked to be a live
/// cove-conmon.
pub fn assert_started(notify: &NotifySocket, ready: bool) -> String {
    let msg = notify.recv();
    let f = fields(&msg);
    let pid = f
        .iter()
        .find_map(|l| l.strip_prefix("MAINPID="))
        .unwrap_or_else(|| panic!("no MAINPID in {msg:?}"))
        .to_string();
    assert_eq!(process_name(&pid), "cove-conmon", "MAINPID={pid}");
    assert_eq!(f.contains(&"READY=1"), ready, "{msg:?}");
    pid
}
