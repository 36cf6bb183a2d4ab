//! The published-port relay under load and abuse, rootless, as the test user: hundreds of
//! concurrent connections through `-p` while the user's pipe budget is spent elsewhere,
//! and clients that misbehave. The server in the container is scripts/tcp-echo.c
//! (bind-mounted: a process per connection, every byte back, then EOF after the client's).
//!
//! Traffic goes only to loopback. These containers keep the relay (COVE_PORT_HANDOFF=0):
//! the handoff of the port to the server is tests/port_handoff.rs's.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::os::fd::AsRawFd;
use std::process::Stdio;

use common::{eventually, TestEnv};

/// Built by scripts/setup-test-env.sh.
const TCP_ECHO: &str = "/var/lib/cove-test/tcp-echo";

/// A container running tcp-echo on port 5000 published on 127.0.0.1; its host address.
fn echo_container(env: &TestEnv) -> String {
    let web = common::image("web");
    env.cove_ok(&["pull", "-q", &web]);
    let mount = format!("{TCP_ECHO}:/usr/local/bin/tcp-echo:ro");
    // The relay is what these tests load: the port stays off the handoff
    // (tests/port_handoff.rs), which would give tcp-echo the host socket itself.
    let out = env.cove_env(
        &[("COVE_PORT_HANDOFF", "0")],
        &[
            "run",
            "-d",
            "--name",
            "echo",
            "-v",
            &mount,
            "-p",
            "127.0.0.1::5000",
            &web,
            "tcp-echo",
            "5000",
        ],
    );
    assert!(out.status.success(), "{}", common::describe(&out));
    let addr = env.cove_ok(&["port", "echo", "5000"]).trim().to_string();
    assert!(
        eventually(|| echo_once(&addr, b"ping").as_deref() == Some(b"ping".as_slice())),
        "no echo from {addr}"
    );
    addr
}

/// Sends `data`, half-closes, returns what came back until EOF.
fn echo_once(addr: &str, data: &[u8]) -> Option<Vec<u8>> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.write_all(data).ok()?;
    s.shutdown(Shutdown::Write).ok()?;
    let mut got = Vec::new();
    s.read_to_end(&mut got).ok()?;
    Some(got)
}

/// The container's shim.
fn shim_pid(env: &TestEnv) -> i32 {
    let pids = env.processes("cove-conmon");
    assert_eq!(pids.len(), 1, "one shim expected: {pids:?}");
    pids[0]
}

/// (threads, pipes) the process holds now.
fn threads_and_pipes(pid: i32) -> (usize, usize) {
    let threads = std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, |d| d.count());
    let pipes = std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |d| {
        d.flatten()
            .filter(|e| {
                std::fs::read_link(e.path()).is_ok_and(|l| l.to_string_lossy().starts_with("pipe:"))
            })
            .count()
    });
    (threads, pipes)
}

/// Holds the test user's pipe budget (fs.pipe-user-pages-soft, shared by all of the
/// user's processes): grows pipes to 1 MiB, then opens default ones, until a new pipe
/// comes out at the reduced size and cannot be grown. Prints "spent N" then, and holds
/// everything until its stdin closes.
const PIPE_HOG: &str = r#"
import fcntl, os, sys
held = []
try:
    while True:
        r, w = os.pipe()
        held.append((r, w))
        fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 1 << 20)
except OSError:
    pass
while True:
    r, w = os.pipe()
    held.append((r, w))
    if fcntl.fcntl(w, fcntl.F_GETPIPE_SZ) < 65536:
        break
# A margin over the limit: pipes other processes of this user close meanwhile (cove's
# own, while it starts the container) must not bring the budget back.
for _ in range(200):
    held.append(os.pipe())
try:
    fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 65536)
    print("not spent", flush=True)
except PermissionError:
    print("spent", len(held), flush=True)
sys.stdin.read()
"#;

#[test]
fn five_hundred_connections_of_8_mib_are_relayed_while_the_pipe_budget_is_spent() {
    let env = TestEnv::new("fwd-many");
    // The budget is spent before the shim starts, so even its one pipe cannot be had.
    let mut hog = env
        .user_cmd("python3", &["-c", PIPE_HOG])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(hog.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("spent "), "the pipe hog says {line:?}");

    let addr = echo_container(&env);
    let (host, port) = addr.rsplit_once(':').unwrap();
    let shim = shim_pid(&env);
    let before = threads_and_pipes(shim);
    let mut client = env
        .user_cmd(TCP_ECHO, &["-c", host, port, "500", &(8 << 20).to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // While it runs: no thread and no pipe per connection in the shim.
    let mut most = before;
    while client.try_wait().unwrap().is_none() {
        let now = threads_and_pipes(shim);
        most = (most.0.max(now.0), most.1.max(now.1));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = client.wait_with_output().unwrap();
    // Its stdin closing ends it (also when this test fails: our end closes with us).
    drop(hog.stdin.take());
    hog.wait().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // "CONNS BYTES SECONDS MB/s": every byte of every connection came back, then EOF.
    assert!(report.starts_with("500 8388608 "), "{report}");
    eprintln!("500 x 8 MiB echoed through -p: {report}");
    assert_eq!(
        most.0,
        before.0,
        "threads (before, most) {:?}",
        (before, most)
    );
    // At most the port's small pool (4 pipes, 8 descriptors), never one per connection.
    assert!(
        most.1 <= before.1 + 8,
        "pipes (before, most) {:?}",
        (before, most)
    );
    let log = env.shim_log("echo").unwrap_or_else(|e| panic!("{e}"));
    assert!(log.contains("no pipe for splice(2)"), "{log}");
    assert_eq!(shim_pid(&env), shim);
    env.cove_ok(&["rm", "-f", "echo"]);
}

#[test]
fn clients_that_misbehave_do_not_stop_the_port() {
    let env = TestEnv::new("fwd-abuse");
    let addr = echo_container(&env);
    let shim = shim_pid(&env);

    // Garbage, then gone without reading the answer.
    for _ in 0..20 {
        let mut s = TcpStream::connect(&addr).unwrap();
        let _ = s.write_all(&[0xff, 0x00, 0x13, 0x37].repeat(1000));
    }
    // Reset in the middle of a large transfer (SO_LINGER 0: close sends a RST).
    for _ in 0..20 {
        let mut s = TcpStream::connect(&addr).unwrap();
        let _ = s.write_all(&vec![7u8; 256 * 1024]);
        let l = libc::linger {
            l_onoff: 1,
            l_linger: 0,
        };
        // SAFETY: setsockopt with a linger of the right size on our socket.
        unsafe {
            libc::setsockopt(
                s.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_LINGER,
                (&l as *const libc::linger).cast(),
                std::mem::size_of::<libc::linger>() as libc::socklen_t,
            )
        };
    }
    // Connected and idle, many at once; one that writes megabytes and never reads.
    let idle: Vec<TcpStream> = (0..300)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    let mut deaf = TcpStream::connect(&addr).unwrap();
    deaf.set_nonblocking(true).unwrap();
    let chunk = vec![1u8; 64 * 1024];
    while deaf.write(&chunk).is_ok() {}
    // Half-closed: the answer still comes back in full.
    let data: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    assert!(
        echo_once(&addr, &data) == Some(data.clone()),
        "half-closed echo differs"
    );
    drop(idle);
    drop(deaf);

    assert_eq!(
        echo_once(&addr, b"still serving").unwrap(),
        b"still serving"
    );
    assert_eq!(shim_pid(&env), shim, "the shim is the same process");
    env.cove_ok(&["rm", "-f", "echo"]);
}
