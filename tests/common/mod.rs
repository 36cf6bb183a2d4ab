//! Integration-test harness, shared by tests/*.rs through `mod common;`.
//!
//! Tests run as root (CI runs `scripts/test.sh` as root), but cove must be exercised the
//! way people use it: as an unprivileged user. So every `TestEnv` gets its own set of XDG
//! directories owned by the test user `covetest`, and `cove()` runs the binary as that user
//! with a clean environment. The registries and images come from
//! `scripts/setup-test-env.sh`, which records their addresses and digests in
//! /var/lib/cove-test/env.
// Each test crate compiles its own copy of this module and uses only part of it.
#![allow(dead_code)]

pub mod api;
pub mod podman;
pub mod probe;
pub mod rootful;
pub mod systemd;

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub const ENV_FILE: &str = "/var/lib/cove-test/env";
/// Root of all test state; lives in /tmp so the test user can reach it even when the
/// checkout (and target dir) sit in a 0700 home directory.
pub const IT_ROOT: &str = "/tmp/cove-it";
/// Canary directory the evil-* images try to write into.
pub const EVIL_DIR: &str = "/tmp/cove-evil";
pub const CANARY_CONTENT: &str = "canary\n";
const USER_PATH: &str = "/usr/local/bin:/usr/bin:/bin";
/// Binaries cove may look for next to its own executable.
const SIBLING_BINS: &[&str] = &[
    "cove-conmon",
    "cove-runtime",
    "cove-init",
    "cove-systemd-generator",
];

// ------------------------------------------------------------------ env file

fn env_map() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let text = fs::read_to_string(ENV_FILE).unwrap_or_else(|e| {
            panic!(
                "cannot read {ENV_FILE}: {e}\n\
                 The integration tests need the test registries and user: run \
                 `sudo scripts/setup-test-env.sh` (or `sudo scripts/test.sh`) first."
            )
        });
        parse_env(&text)
    })
}

fn parse_env(text: &str) -> HashMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// A value from /var/lib/cove-test/env; panics naming the key if it is missing.
pub fn env_value(key: &str) -> String {
    env_map().get(key).cloned().unwrap_or_else(|| {
        panic!("{key} missing from {ENV_FILE}; re-run scripts/setup-test-env.sh")
    })
}

/// The static confinement probe (tests/probe/confinement.c), built by the set-up.
pub fn probe_bin() -> String {
    env_value("COVE_TEST_PROBE")
}

/// `127.0.0.1:PORT` of the open test registry.
pub fn registry() -> String {
    env_value("COVE_TEST_REGISTRY")
}

/// `127.0.0.1:PORT` of the registry that requires basic auth.
pub fn auth_registry() -> String {
    env_value("COVE_TEST_AUTH_REGISTRY")
}

pub fn auth_user() -> String {
    env_value("COVE_TEST_AUTH_USER")
}

pub fn auth_pass() -> String {
    env_value("COVE_TEST_AUTH_PASS")
}

pub fn test_user() -> String {
    env_value("COVE_TEST_USER")
}

/// Full reference of a test image in the open registry, e.g. `image("one")` ->
/// `127.0.0.1:PORT/cove-test/one:latest`.
pub fn image(name: &str) -> String {
    format!("{}/cove-test/{name}:latest", registry())
}

/// The busybox test image, the one most tests run.
pub fn busybox() -> String {
    image("busybox")
}

/// A fresh environment with the busybox test image pulled.
pub fn pulled(name: &str) -> TestEnv {
    let env = TestEnv::new(name);
    env.cove_ok(&["pull", "-q", &busybox()]);
    env
}

/// (uid, gid) of the test user, from /etc/passwd.
pub fn test_user_ids() -> (u32, u32) {
    static IDS: OnceLock<(u32, u32)> = OnceLock::new();
    *IDS.get_or_init(|| {
        let user = test_user();
        let passwd = fs::read_to_string("/etc/passwd").expect("read /etc/passwd");
        passwd
            .lines()
            .map(|l| l.split(':').collect::<Vec<_>>())
            .find(|f| f.len() > 3 && f[0] == user)
            .map(|f| (f[2].parse().unwrap(), f[3].parse().unwrap()))
            .unwrap_or_else(|| panic!("user {user} not found; run scripts/setup-test-env.sh"))
    })
}

// ------------------------------------------------------------------ binaries

/// Directory holding world-readable copies of the cove binaries: one per build tree, so
/// test runs of two checkouts at once never execute each other's binaries.
pub fn bin_dir() -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_BIN_EXE_cove").hash(&mut h);
    PathBuf::from(IT_ROOT).join(format!("bin-{:016x}", h.finish()))
}

/// Path of the cove binary the test user can execute.
pub fn cove_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let src = PathBuf::from(env!("CARGO_BIN_EXE_cove"));
        let dir = bin_dir();
        make_dir(Path::new(IT_ROOT), 0o755);
        make_dir(&dir, 0o755);
        let built = src.parent().expect("binary has a parent dir");
        // cove-init is built by its own workspace (scripts/build.sh), in either profile.
        let target = built.parent().expect("target dir");
        for name in SIBLING_BINS {
            let found = [
                built.to_path_buf(),
                target.join("release"),
                target.join("debug"),
            ]
            .into_iter()
            .map(|d| d.join(name))
            .find(|p| p.exists());
            if let Some(sibling) = found {
                install_bin(&sibling, &dir.join(name));
            }
        }
        let dst = dir.join("cove");
        install_bin(&src, &dst);
        dst
    })
    .clone()
}

/// Copy then rename, so a concurrently running copy (another test binary) is never seen
/// half-written and a running executable is never overwritten in place (ETXTBSY).
fn install_bin(src: &Path, dst: &Path) {
    let tmp = dst.with_extension(format!("tmp{}", std::process::id()));
    fs::copy(src, &tmp)
        .unwrap_or_else(|e| panic!("copy {} -> {}: {e}", src.display(), tmp.display()));
    fs::set_permissions(&tmp, fs::Permissions::from_mode(0o755)).unwrap();
    fs::rename(&tmp, dst).unwrap();
}

fn make_dir(path: &Path, mode: u32) {
    match fs::create_dir(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => panic!("mkdir {}: {e}", path.display()),
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// mkdir + chown to the test user + chmod.
pub fn user_dir(path: &Path, mode: u32) {
    make_dir(path, mode);
    let (uid, gid) = test_user_ids();
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
}

fn user_file(path: &Path, content: &str, mode: u32) {
    fs::write(path, content).unwrap();
    let (uid, gid) = test_user_ids();
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

// ------------------------------------------------------------------ TestEnv

/// One isolated cove "user session": its own data, config and runtime dirs, hence its
/// own store and its own pause process. Cleaned up on drop.
pub struct TestEnv {
    pub base: PathBuf,
    pub home: PathBuf,
    /// XDG_DATA_HOME (cove's store is `data/cove`).
    pub data: PathBuf,
    /// XDG_CONFIG_HOME (registries.conf is `config/containers/registries.conf`).
    pub config: PathBuf,
    /// XDG_RUNTIME_DIR (cove's runtime dir is `run/cove`).
    pub run: PathBuf,
    /// Set to false to leave the directory behind for debugging.
    pub cleanup: bool,
}

impl TestEnv {
    pub fn new(name: &str) -> TestEnv {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        make_dir(Path::new(IT_ROOT), 0o755);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let unique = format!(
            "{}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            nanos
        );
        let clean: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let base = PathBuf::from(IT_ROOT).join(format!("{clean}-{unique}"));
        // Traversable by everyone so files mapped to subuids inside the user namespace can
        // still be reached by path; everything below is private to the test user.
        user_dir(&base, 0o711);
        let env = TestEnv {
            home: base.join("home"),
            data: base.join("data"),
            config: base.join("config"),
            run: base.join("run"),
            base,
            cleanup: true,
        };
        for d in [&env.home, &env.data, &env.config, &env.run] {
            user_dir(d, 0o700);
        }
        user_dir(&env.config.join("containers"), 0o700);
        let (reg, auth) = (registry(), auth_registry());
        let conf = format!(
            "unqualified-search-registries = [\"{reg}\"]\n\n\
             [[registry]]\nlocation = \"{reg}\"\ninsecure = true\n\n\
             [[registry]]\nlocation = \"{auth}\"\ninsecure = true\n"
        );
        user_file(&env.registries_conf(), &conf, 0o644);
        env
    }

    pub fn registries_conf(&self) -> PathBuf {
        self.config.join("containers/registries.conf")
    }

    /// Write a file as the test user (e.g. a storage.conf or an auth.json).
    pub fn write_user_file(&self, path: &Path, content: &str) {
        user_file(path, content, 0o600);
    }

    /// The clean environment cove runs with.
    pub fn user_env(&self) -> Vec<(String, String)> {
        vec![
            ("HOME".into(), self.home.display().to_string()),
            ("PATH".into(), USER_PATH.into()),
            ("XDG_DATA_HOME".into(), self.data.display().to_string()),
            ("XDG_CONFIG_HOME".into(), self.config.display().to_string()),
            ("XDG_RUNTIME_DIR".into(), self.run.display().to_string()),
        ]
    }

    /// A command running `program args...` as the test user with the clean environment
    /// (`runuser -u covetest -- env -i K=V... program args`), cwd = the base dir, stdin null.
    /// Adjust it (extra env via `extra` args to `env`, stdin, spawn) before running.
    pub fn user_cmd(&self, program: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", &test_user(), "--", "env", "-i"]);
        for (k, v) in self.user_env() {
            cmd.arg(format!("{k}={v}"));
        }
        cmd.arg(program).args(args);
        cmd.current_dir(&self.base).stdin(Stdio::null());
        cmd
    }

    /// Like `user_cmd` with extra environment variables (e.g. `COVE_LOG=debug`).
    pub fn user_cmd_env(&self, envs: &[(&str, &str)], program: &str, args: &[&str]) -> Command {
        let mut all: Vec<String> = envs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        all.push(program.to_string());
        all.extend(args.iter().map(|a| a.to_string()));
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        // `env -i A=B ... X=Y program` — env accepts more assignments before the program.
        self.user_cmd(refs[0], &refs[1..])
    }

    /// The cove command, not yet run.
    pub fn cove_cmd(&self, args: &[&str]) -> Command {
        self.user_cmd(cove_bin().to_str().unwrap(), args)
    }

    /// Run cove as the test user.
    pub fn cove(&self, args: &[&str]) -> Output {
        self.cove_cmd(args).output().expect("spawn runuser")
    }

    /// Run cove with extra environment variables.
    pub fn cove_env(&self, envs: &[(&str, &str)], args: &[&str]) -> Output {
        let bin = cove_bin();
        self.user_cmd_env(envs, bin.to_str().unwrap(), args)
            .output()
            .expect("spawn runuser")
    }

    /// Run cove, assert exit 0, return stdout.
    pub fn cove_ok(&self, args: &[&str]) -> String {
        let out = self.cove(args);
        if !out.status.success() {
            panic!("`cove {}` failed: {}", args.join(" "), describe(&out));
        }
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Run cove, assert it failed, return (exit code, stderr).
    pub fn cove_err(&self, args: &[&str]) -> (i32, String) {
        let out = self.cove(args);
        if out.status.success() {
            panic!(
                "`cove {}` unexpectedly succeeded: {}",
                args.join(" "),
                describe(&out)
            );
        }
        (
            exit_code(&out),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Run a shell snippet as the test user with the same environment as cove.
    pub fn sh(&self, script: &str) -> Output {
        self.user_cmd("/bin/sh", &["-c", script])
            .output()
            .expect("spawn runuser")
    }

    /// `sh`, asserting success; returns stdout.
    pub fn sh_ok(&self, script: &str) -> String {
        let out = self.sh(script);
        if !out.status.success() {
            panic!("`{script}` failed: {}", describe(&out));
        }
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Names of the extracted layer directories in this user's store, sorted.
    pub fn layer_dirs(&self) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(self.data.join("cove/layers"))
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    /// Live processes named `comm` started for this environment (by its XDG_RUNTIME_DIR).
    pub fn processes(&self, comm: &str) -> Vec<i32> {
        let marker = format!("XDG_RUNTIME_DIR={}", self.run.display());
        std::fs::read_dir("/proc")
            .unwrap()
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
            .filter(|pid| {
                let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
                let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
                let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                name.trim() == comm
                    && !stat.contains(") Z ")
                    && environ.split(|b| *b == 0).any(|v| v == marker.as_bytes())
            })
            .collect()
    }

    /// cove's pause process, if one is recorded and alive.
    /// The shim's own log (its diagnostics) for the container named `name`.
    pub fn shim_log(&self, name: &str) -> std::io::Result<String> {
        let id = self.cove_ok(&["inspect", "--format", "{{.Id}}", name]);
        let path = self
            .run
            .join("cove/containers")
            .join(id.trim())
            .join("conmon.log");
        std::fs::read_to_string(&path)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }

    pub fn pause_pid(&self) -> Option<i32> {
        let text = fs::read_to_string(self.run.join("cove/pause.pid")).ok()?;
        let pid: i32 = text.trim().parse().ok()?;
        (pid > 0 && Path::new(&format!("/proc/{pid}")).exists()).then_some(pid)
    }

    fn kill_processes(&self) {
        let mut victims = Vec::new();
        let pause = self.pause_pid();
        // Everything in the pause process's user namespace (containers, shims, helpers
        // that joined it) plus anything still carrying our XDG_RUNTIME_DIR.
        let pause_ns = pause.and_then(|p| fs::read_link(format!("/proc/{p}/ns/user")).ok());
        let marker = format!("XDG_RUNTIME_DIR={}", self.run.display());
        let me = std::process::id() as i32;
        if let Ok(entries) = fs::read_dir("/proc") {
            for e in entries.flatten() {
                let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else {
                    continue;
                };
                if pid == me {
                    continue;
                }
                let in_ns = pause_ns.is_some()
                    && fs::read_link(format!("/proc/{pid}/ns/user")).ok() == pause_ns;
                let has_env = fs::read(format!("/proc/{pid}/environ"))
                    .map(|env| env.split(|b| *b == 0).any(|v| v == marker.as_bytes()))
                    .unwrap_or(false);
                if in_ns || has_env {
                    victims.push(pid);
                }
            }
        }
        for pid in &victims {
            unsafe {
                libc::kill(*pid, libc::SIGKILL);
            }
        }
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline
            && victims.iter().any(|p| {
                fs::read_to_string(format!("/proc/{p}/stat"))
                    .map(|s| !s.contains(") Z "))
                    .unwrap_or(false)
            })
        {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        self.kill_processes();
        if !self.cleanup {
            eprintln!("leaving {} behind", self.base.display());
            return;
        }
        unmount_under(&self.base);
        let _ = fs::remove_dir_all(self.podman_runroot());
        // Root may delete files owned by subuids; a failure only leaves litter in /tmp.
        if fs::remove_dir_all(&self.base).is_err() {
            let _ = Command::new("rm").arg("-rf").arg(&self.base).status();
        }
    }
}

/// Lazily unmount anything mounted under `dir` in our mount namespace (deepest first).
/// Mounts cove makes inside its user namespace are not visible here and vanish with it.
fn unmount_under(dir: &Path) {
    let Ok(info) = fs::read_to_string("/proc/self/mountinfo") else {
        return;
    };
    let prefix = dir.display().to_string();
    let mut points: Vec<String> = info
        .lines()
        .filter_map(|l| l.split(' ').nth(4))
        .map(|p| p.replace("\\040", " "))
        .filter(|p| p == &prefix || p.starts_with(&format!("{prefix}/")))
        .collect();
    points.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in points {
        let _ = Command::new("umount").arg("-l").arg(&p).status();
    }
}

// ------------------------------------------------------------------ helpers

/// Poll `cond` (no wall-clock assertion: the loop only bounds a hang).
pub fn eventually(mut cond: impl FnMut() -> bool) -> bool {
    for _ in 0..600 {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// SIGKILL the program a `user_cmd` child runs (runuser forks it), not runuser itself:
/// only this test's process dies, never a twin started by a test running beside it.
pub fn kill_user_program(child: &mut std::process::Child) {
    let parent = child.id().to_string();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return;
    };
    for p in procs.flatten() {
        let stat = std::fs::read_to_string(p.path().join("stat")).unwrap_or_default();
        // Fields after the parenthesised command name: state, ppid, ...
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1));
        if ppid == Some(parent.as_str()) {
            if let Ok(pid) = p.file_name().to_string_lossy().parse::<i32>() {
                unsafe { libc::kill(pid, libc::SIGKILL) };
            }
        }
    }
    let _ = child.wait();
}

/// Exit code, or 128+signal when killed by a signal (the shell convention).
pub fn exit_code(out: &Output) -> i32 {
    out.status
        .code()
        .or_else(|| out.status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}

/// "exit N\n--- stdout ---\n...\n--- stderr ---\n..." for panic messages.
pub fn describe(out: &Output) -> String {
    format!(
        "exit {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        exit_code(out),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Create /tmp/cove-evil (mode 0777) with `canary` = CANARY_CONTENT. Idempotent; several
/// tests may share it, and none of them may ever change it.
pub fn evil_canary() -> PathBuf {
    let dir = PathBuf::from(EVIL_DIR);
    make_dir(&dir, 0o777);
    let canary = dir.join("canary");
    if fs::read_to_string(&canary).ok().as_deref() != Some(CANARY_CONTENT) {
        fs::write(&canary, CANARY_CONTENT).unwrap();
    }
    fs::set_permissions(&canary, fs::Permissions::from_mode(0o666)).unwrap();
    dir
}

/// Panic if anything but the untouched canary exists in /tmp/cove-evil.
pub fn assert_canary_untouched() {
    let dir = Path::new(EVIL_DIR);
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("canary dir exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec!["canary".to_string()],
        "something was written into {EVIL_DIR}"
    );
    let canary = dir.join("canary");
    assert_eq!(
        fs::read_to_string(&canary).unwrap(),
        CANARY_CONTENT,
        "canary content changed"
    );
    assert_eq!(
        fs::metadata(&canary).unwrap().nlink(),
        1,
        "canary got hardlinked"
    );
}

/// Minimal HTTP/1.0 GET (no new crates): returns (status, headers, body).
/// `auth` adds HTTP basic credentials.
pub fn http_get(host_port: &str, path: &str, auth: Option<(&str, &str)>) -> (u16, String, Vec<u8>) {
    use base64::Engine;
    let mut stream = std::net::TcpStream::connect(host_port)
        .unwrap_or_else(|e| panic!("connect {host_port}: {e}; is the test registry running?"));
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut req = format!("GET {path} HTTP/1.0\r\nHost: {host_port}\r\n");
    if let Some((u, p)) = auth {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"));
        req.push_str(&format!("Authorization: Basic {token}\r\n"));
    }
    req.push_str("\r\n");
    stream.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("HTTP response has a header/body separator");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line in {head:?}"));
    (status, head, raw[split + 4..].to_vec())
}

/// A TCP port on 127.0.0.1 nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// GET over HTTP/1.0 from a published port; None while the server in the container is not
/// up yet (the forwarder then closes the client's connection).
pub fn try_web_get(addr: &str, path: &str) -> Option<String> {
    let mut s = std::net::TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    s.write_all(format!("GET {path} HTTP/1.0\r\n\r\n").as_bytes())
        .ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    let (head, body) = raw.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.").then(|| body.to_string())
}

pub fn web_get(addr: &str, path: &str) -> String {
    let mut body = None;
    assert!(
        eventually(|| {
            body = try_web_get(addr, path);
            body.is_some()
        }),
        "no HTTP answer from {addr}{path}"
    );
    body.unwrap_or_default()
}

/// One datagram to `addr`, the answer as text (retried while the server starts).
pub fn udp_roundtrip(addr: &str, bind: &str, msg: &str) -> String {
    let sock = std::net::UdpSocket::bind(bind).unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut answer = None;
    assert!(
        eventually(|| {
            let _ = sock.send_to(msg.as_bytes(), addr);
            let mut buf = [0u8; 1500];
            if let Ok((n, _)) = sock.recv_from(&mut buf) {
                answer = Some(String::from_utf8_lossy(&buf[..n]).into_owned());
            }
            answer.is_some()
        }),
        "no UDP answer from {addr}"
    );
    answer.unwrap_or_default()
}
