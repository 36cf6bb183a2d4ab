//! Published TCP ports handed to the container's own server (seccomp user notification
//! of bind(), conmon's forward/handoff.rs): the server sees each client's real address,
//! the relay stays for what the handoff does not cover, and a hostile container cannot
//! hurt the shim. The server is busybox httpd with a CGI script that prints the client's
//! address (REMOTE_ADDR) as the server saw it.
//!
//! Traffic goes to loopback and to a veth pair into a network namespace the test creates
//! (10.213.N.0/30, removed at the end).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{eventually, TestEnv};

const CGI: &str = "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n%s %s\\n' \"$REMOTE_ADDR\" \"$REMOTE_PORT\"\n";

/// A web root with `cgi-bin/addr` (the client address) and `index.html`, readable by the
/// container.
fn www(env: &TestEnv) -> PathBuf {
    let dir = env.base.join("www");
    std::fs::create_dir_all(dir.join("cgi-bin")).unwrap();
    std::fs::write(dir.join("index.html"), "hello from cove\n").unwrap();
    let cgi = dir.join("cgi-bin/addr");
    std::fs::write(&cgi, CGI).unwrap();
    for (p, mode) in [(&dir, 0o755), (&dir.join("cgi-bin"), 0o755), (&cgi, 0o755)] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    dir
}

/// `cove run -d --name NAME -v www:/www ... -p PUBLISH web CMD...`.
fn run_web(env: &TestEnv, name: &str, extra: &[&str], publish: &str, cmd: &[&str]) {
    let web = common::image("web");
    env.cove_ok(&["pull", "-q", &web]);
    let mount = format!("{}:/www:ro", www(env).display());
    let mut args = vec!["run", "-d", "--name", name, "-v", &mount, "-p", publish];
    args.extend_from_slice(extra);
    args.push(&web);
    args.extend_from_slice(cmd);
    env.cove_ok(&args);
}

/// GET `path` from `addr`, retried until the server answers.
fn get(addr: &str, path: &str) -> String {
    common::web_get(addr, path)
}

/// GET /cgi-bin/addr from our own socket: (what the server saw, our local address).
fn seen_from_here(addr: &str) -> (String, String) {
    let mut last = None;
    assert!(
        eventually(|| {
            let Ok(mut s) = TcpStream::connect(addr) else {
                return false;
            };
            let _ = s.set_read_timeout(Some(Duration::from_secs(20)));
            let local = s.local_addr().unwrap();
            if s.write_all(b"GET /cgi-bin/addr HTTP/1.0\r\n\r\n").is_err() {
                return false;
            }
            let mut raw = String::new();
            let _ = s.read_to_string(&mut raw);
            match raw.split_once("\r\n\r\n") {
                Some((head, body)) if head.contains(" 200 ") => {
                    last = Some((body.trim().to_string(), local.to_string()));
                    true
                }
                _ => false,
            }
        }),
        "no answer from {addr}/cgi-bin/addr"
    );
    last.unwrap()
}

/// The container's shim log (its diagnostics); empty when there is none yet.
fn shim_log(env: &TestEnv, name: &str) -> String {
    env.shim_log(name).unwrap_or_default()
}

fn handed(env: &TestEnv, name: &str) -> bool {
    shim_log(env, name).contains("handed to the container's server")
}

/// A network namespace joined to the host by a veth pair: the host side has .1, the
/// namespace .2. Removed on drop.
struct TestNetns {
    name: String,
    host_ip: String,
    ns_ip: String,
}

impl TestNetns {
    fn new(tag: u8) -> TestNetns {
        let pid = std::process::id();
        let name = format!("cove-ho-{pid}-{tag}");
        let veth = format!("cvh{}{tag}", pid % 100000);
        let net = format!("10.213.{}", (pid % 50) as u8 * 5 + tag);
        let (host_ip, ns_ip) = (format!("{net}.1"), format!("{net}.2"));
        let ns = TestNetns {
            name: name.clone(),
            host_ip: host_ip.clone(),
            ns_ip: ns_ip.clone(),
        };
        let inner = format!("{veth}i");
        for cmd in [
            format!("ip netns add {name}"),
            format!("ip link add {veth} type veth peer name {inner}"),
            format!("ip link set {inner} netns {name}"),
            format!("ip addr add {host_ip}/30 dev {veth}"),
            format!("ip link set {veth} up"),
            format!("ip -n {name} addr add {ns_ip}/30 dev {inner}"),
            format!("ip -n {name} link set {inner} up"),
            format!("ip -n {name} link set lo up"),
        ] {
            let st = Command::new("sh").arg("-c").arg(&cmd).status().unwrap();
            assert!(st.success(), "{cmd}");
        }
        ns
    }

    /// GET /cgi-bin/addr from inside the namespace: the body.
    fn seen(&self, addr: &str) -> String {
        let mut body = String::new();
        assert!(
            eventually(|| {
                let out = Command::new("ip")
                    .args(["netns", "exec", &self.name, "wget", "-qO-", "-T", "10"])
                    .arg(format!("http://{addr}/cgi-bin/addr"))
                    .output()
                    .unwrap();
                body = String::from_utf8_lossy(&out.stdout).trim().to_string();
                out.status.success() && !body.is_empty()
            }),
            "no answer from {addr} inside {}",
            self.name
        );
        body
    }
}

impl Drop for TestNetns {
    fn drop(&mut self) {
        // Deleting the namespace deletes its veth end, and with it the pair.
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .status();
    }
}

fn host_port(env: &TestEnv, name: &str, port: &str) -> String {
    env.cove_ok(&["port", name, port]).trim().to_string()
}

#[test]
fn a_handed_port_shows_every_client_its_real_address() {
    let env = TestEnv::new("handoff-addr");
    let ns = TestNetns::new(1);
    // Port 80 for loopback clients, 81 on the veth's host address for the namespace's.
    let publish_ns = format!("{}::81", ns.host_ip);
    run_web(
        &env,
        "web",
        &["-p", &publish_ns],
        "127.0.0.1::80",
        &[
            "sh",
            "-c",
            "httpd -p 81 -h /www && exec httpd -f -p 80 -h /www",
        ],
    );
    let local = host_port(&env, "web", "80");
    let (seen, ours) = seen_from_here(&local);
    // The client's own address and port, not the relay's.
    let ours_port = ours.rsplit_once(':').unwrap().1;
    assert!(
        seen == format!("127.0.0.1 {ours_port}") || seen == format!("::ffff:127.0.0.1 {ours_port}"),
        "server saw {seen:?}, client is {ours}"
    );
    let remote = host_port(&env, "web", "81");
    let seen = ns.seen(&remote);
    assert!(
        seen.starts_with(&format!("{} ", ns.ns_ip))
            || seen.starts_with(&format!("::ffff:{} ", ns.ns_ip)),
        "server saw {seen:?}, the client is {}",
        ns.ns_ip
    );
    assert!(handed(&env, "web"), "{}", shim_log(&env, "web"));
    // Inside the container the port still answers (a health check, a peer container).
    let inside = env.cove(&[
        "exec",
        "web",
        "wget",
        "-qO-",
        "http://127.0.0.1:80/index.html",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&inside.stdout).trim(),
        "hello from cove",
        "{}\n{}",
        common::describe(&inside),
        shim_log(&env, "web")
    );
    env.cove_ok(&["rm", "-f", "web"]);
}

#[test]
fn the_relay_stays_for_runc_and_for_a_server_on_a_specific_address() {
    let env = TestEnv::new("handoff-relay");
    // runc gets no notify rule: its container is served by the relay.
    run_web(
        &env,
        "runc-web",
        &["--runtime", "runc"],
        "127.0.0.1::80",
        &["httpd", "-f", "-p", "80", "-h", "/www"],
    );
    let addr = host_port(&env, "runc-web", "80");
    assert_eq!(get(&addr, "/index.html").trim(), "hello from cove");
    assert!(!handed(&env, "runc-web"), "{}", shim_log(&env, "runc-web"));
    env.cove_ok(&["rm", "-f", "runc-web"]);

    // A server that binds 127.0.0.1 wants only clients from inside: its bind goes on to
    // the kernel, and the relay (which connects to loopback inside) still reaches it. So
    // does a server on a port nobody published, from inside.
    run_web(
        &env,
        "lo-web",
        &[],
        "127.0.0.1::80",
        &[
            "sh",
            "-c",
            "httpd -p 8081 -h /www && exec httpd -f -p 127.0.0.1:80 -h /www",
        ],
    );
    let addr = host_port(&env, "lo-web", "80");
    assert_eq!(get(&addr, "/index.html").trim(), "hello from cove");
    assert!(!handed(&env, "lo-web"), "{}", shim_log(&env, "lo-web"));
    let inside = env.cove_ok(&[
        "exec",
        "lo-web",
        "wget",
        "-qO-",
        "http://127.0.0.1:8081/index.html",
    ]);
    assert_eq!(inside.trim(), "hello from cove");
    env.cove_ok(&["rm", "-f", "lo-web"]);
}

#[test]
fn a_server_that_exits_and_comes_back_still_serves() {
    let env = TestEnv::new("handoff-restart");
    run_web(
        &env,
        "again",
        &[],
        "127.0.0.1::80",
        &["sh", "-c", "while true; do httpd -f -p 80 -h /www; done"],
    );
    let addr = host_port(&env, "again", "80");
    assert_eq!(get(&addr, "/index.html").trim(), "hello from cove");
    assert!(handed(&env, "again"), "{}", shim_log(&env, "again"));
    // The server exits; the shell starts it again, and its bind gets the same socket.
    for _ in 0..3 {
        env.cove_ok(&["exec", "again", "killall", "httpd"]);
        assert_eq!(get(&addr, "/index.html").trim(), "hello from cove");
    }
    // A restart of the container: a new shim, the port bound and handed over again.
    env.cove_ok(&["restart", "-t", "1", "again"]);
    let addr = host_port(&env, "again", "80");
    assert_eq!(get(&addr, "/index.html").trim(), "hello from cove");
    let (seen, ours) = seen_from_here(&addr);
    let ours_port = ours.rsplit_once(':').unwrap().1;
    assert!(seen.ends_with(&format!(" {ours_port}")), "{seen} / {ours}");
    assert!(handed(&env, "again"), "{}", shim_log(&env, "again"));
    env.cove_ok(&["rm", "-f", "again"]);
}

/// tests/probe/bind-storm.c, built static so it runs in the busybox image.
fn bind_storm(env: &TestEnv) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/probe/bind-storm.c");
    let out = env.base.join("bind-storm");
    let st = Command::new("gcc")
        .args(["-static", "-pthread", "-O2", "-o"])
        .arg(&out)
        .arg(&src)
        .status()
        .expect("gcc");
    assert!(st.success(), "building {}", src.display());
    out
}

#[test]
fn a_container_storming_bind_hurts_neither_its_shim_nor_other_containers() {
    let env = TestEnv::new("handoff-storm");
    let storm = bind_storm(&env);
    run_web(
        &env,
        "calm",
        &[],
        "127.0.0.1::80",
        &["httpd", "-f", "-p", "80", "-h", "/www"],
    );
    let calm = host_port(&env, "calm", "80");
    assert_eq!(get(&calm, "/index.html").trim(), "hello from cove");
    let shims = env.processes("cove-conmon");

    let mount = format!("{}:/storm:ro", storm.display());
    run_web(
        &env,
        "storm",
        &["-v", &mount],
        "127.0.0.1::80",
        &["/storm", "80", "20000"],
    );
    assert!(
        eventually(|| env
            .cove_ok(&["logs", "storm"])
            .contains("storm over, serving")),
        "the storm did not end: {}\n{}",
        env.cove_ok(&["logs", "storm"]),
        shim_log(&env, "storm")
    );
    // Its own shim still hands the port over, and still runs.
    let addr = host_port(&env, "storm", "80");
    let mut alive = String::new();
    assert!(
        eventually(|| {
            alive = TcpStream::connect(&addr)
                .and_then(|mut s| {
                    let mut b = String::new();
                    s.read_to_string(&mut b).map(|_| b)
                })
                .unwrap_or_default();
            alive == "alive\n"
        }),
        "storm's port: {alive:?}\n{}",
        shim_log(&env, "storm")
    );
    assert!(handed(&env, "storm"), "{}", shim_log(&env, "storm"));
    assert_eq!(
        get(&calm, "/index.html").trim(),
        "hello from cove",
        "the other container's port"
    );
    let now = env.processes("cove-conmon");
    assert_eq!(now.len(), 2, "shims: {now:?}");
    assert!(shims.iter().all(|p| now.contains(p)), "{shims:?} {now:?}");
    env.cove_ok(&["rm", "-f", "storm", "calm"]);
}

/// A port number free on both families of the host's loopback right now.
fn free_port() -> u16 {
    let v4 = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = v4.local_addr().unwrap().port();
    match std::net::TcpListener::bind(("::1", port)) {
        Ok(_) => port,
        Err(_) => free_port(),
    }
}

/// What the server saw for a client on [::1] (the relay's address, see the test).
fn seen_from_ipv6_loopback(port: u16) -> String {
    seen_from_here(&format!("[::1]:{port}")).0
}

/// A bare publish is an IPv4 and an IPv6-only host socket (src/network/ports.rs): `cove
/// port` and `inspect` still show the one mapping on 0.0.0.0, as Podman does.
fn assert_shown_as_one_mapping(env: &TestEnv, name: &str, port: u16) {
    assert_eq!(host_port(env, name, "80"), format!("0.0.0.0:{port}"));
    assert_eq!(
        env.cove_ok(&["port", name]).trim(),
        format!("80/tcp -> 0.0.0.0:{port}")
    );
    let ports = env.cove_ok(&[
        "inspect",
        "--format",
        "{{json .NetworkSettings.Ports}}",
        name,
    ]);
    let want = format!(r#""80/tcp":[{{"HostIp":"0.0.0.0","HostPort":"{port}"}}]"#);
    assert!(ports.contains(&want), "{ports}");
}

#[test]
fn a_bare_publish_is_handed_to_an_ipv4_server_and_still_serves_ipv6_clients() {
    let env = TestEnv::new("handoff-bare");
    let ns = TestNetns::new(2);
    let port = free_port();
    // busybox httpd on 0.0.0.0 makes an AF_INET socket, as nginx's default `listen 80`.
    run_web(
        &env,
        "web4",
        &[],
        &format!("{port}:80"),
        &["httpd", "-f", "-p", "0.0.0.0:80", "-h", "/www"],
    );
    assert_shown_as_one_mapping(&env, "web4", port);
    let (seen, ours) = seen_from_here(&format!("127.0.0.1:{port}"));
    assert_eq!(
        format!("{} {}", "127.0.0.1", ours.rsplit_once(':').unwrap().1),
        seen,
        "the loopback client's own address and port"
    );
    let seen = ns.seen(&format!("{}:{port}", ns.host_ip));
    assert!(
        seen.starts_with(&format!("{} ", ns.ns_ip)),
        "server saw {seen:?}, the client is {}",
        ns.ns_ip
    );
    assert!(handed(&env, "web4"), "{}", shim_log(&env, "web4"));
    // An IPv6 client cannot reach an IPv4 socket: the shim relays it on the host to the
    // handed socket's loopback address, so the server sees 127.0.0.1 (never ::1).
    let seen = seen_from_ipv6_loopback(port);
    assert!(
        seen.starts_with("127.0.0.1 "),
        "server saw {seen:?}\n{}",
        shim_log(&env, "web4")
    );
    assert!(
        shim_log(&env, "web4").contains(&format!("are relayed to 127.0.0.1:{port}")),
        "{}",
        shim_log(&env, "web4")
    );
    // Inside the container the port still answers, through the shim and not in a loop.
    let inside = env.cove_ok(&[
        "exec",
        "web4",
        "wget",
        "-qO-",
        "http://127.0.0.1:80/index.html",
    ]);
    assert_eq!(inside.trim(), "hello from cove");
    env.cove_ok(&["rm", "-f", "web4"]);
}

#[test]
fn a_dual_stack_server_behind_a_bare_publish_serves_both_families() {
    let env = TestEnv::new("handoff-dual");
    let ns = TestNetns::new(3);
    let port = free_port();
    // busybox httpd without an address makes an AF_INET6 socket taking IPv4 clients too.
    run_web(
        &env,
        "web46",
        &[],
        &format!("{port}:80"),
        &["sh", "-c", "while true; do httpd -f -p 80 -h /www; done"],
    );
    assert_shown_as_one_mapping(&env, "web46", port);
    // The shim put one dual-stack socket in place of the two: every client, of either
    // family, is seen as itself (busybox shows IPv6 addresses in brackets).
    for addr in [format!("127.0.0.1:{port}"), format!("[::1]:{port}")] {
        let (seen, ours) = seen_from_here(&addr);
        let (seen, ours) = (seen.replace(['[', ']'], ""), ours.replace(['[', ']'], ""));
        let (ip, p) = ours.rsplit_once(':').unwrap();
        assert!(
            seen == format!("{ip} {p}") || seen == format!("::ffff:{ip} {p}"),
            "server saw {seen:?}, client is {ours}\n{}",
            shim_log(&env, "web46")
        );
    }
    let seen = ns
        .seen(&format!("{}:{port}", ns.host_ip))
        .replace(['[', ']'], "");
    assert!(
        seen.starts_with(&format!("{} ", ns.ns_ip))
            || seen.starts_with(&format!("::ffff:{} ", ns.ns_ip)),
        "server saw {seen:?}, the client is {}",
        ns.ns_ip
    );
    assert!(
        shim_log(&env, "web46").contains("a dual-stack socket in place of the two"),
        "{}",
        shim_log(&env, "web46")
    );
    // The server exits and comes back: the same socket again, both families served.
    env.cove_ok(&["exec", "web46", "killall", "httpd"]);
    assert_eq!(
        get(&format!("127.0.0.1:{port}"), "/index.html").trim(),
        "hello from cove"
    );
    assert_eq!(
        get(&format!("[::1]:{port}"), "/index.html").trim(),
        "hello from cove"
    );
    env.cove_ok(&["rm", "-f", "web46"]);
}

#[test]
fn a_bare_publish_on_the_relay_serves_both_families_as_before() {
    let env = TestEnv::new("handoff-bare-relay");
    let port = free_port();
    // runc gets no notify rule; COVE_PORT_HANDOFF=0 turns it off for the built-in runtime.
    run_web(
        &env,
        "runc-web",
        &["--runtime", "runc"],
        &format!("{port}:80"),
        &["httpd", "-f", "-p", "80", "-h", "/www"],
    );
    assert_shown_as_one_mapping(&env, "runc-web", port);
    for addr in [format!("127.0.0.1:{port}"), format!("[::1]:{port}")] {
        let (seen, ours) = seen_from_here(&addr);
        // The relay keeps a loopback client's address, of either family (busybox shows
        // an IPv6 one in brackets).
        let (seen, ours) = (seen.replace(['[', ']'], ""), ours.replace(['[', ']'], ""));
        let (ip, p) = ours.rsplit_once(':').unwrap();
        assert!(
            seen == format!("{ip} {p}") || seen == format!("::ffff:{ip} {p}"),
            "server saw {seen:?}, client is {ours}"
        );
    }
    assert!(!handed(&env, "runc-web"), "{}", shim_log(&env, "runc-web"));
    env.cove_ok(&["rm", "-f", "runc-web"]);

    let port = free_port();
    let web = common::image("web");
    let mount = format!("{}:/www:ro", www(&env).display());
    let publish = format!("{port}:80");
    let out = env.cove_env(
        &[("COVE_PORT_HANDOFF", "0")],
        &[
            "run",
            "-d",
            "--name",
            "off",
            "-v",
            &mount,
            "-p",
            &publish,
            &web,
            "httpd",
            "-f",
            "-p",
            "0.0.0.0:80",
            "-h",
            "/www",
        ],
    );
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_shown_as_one_mapping(&env, "off", port);
    for addr in [format!("127.0.0.1:{port}"), format!("[::1]:{port}")] {
        assert_eq!(
            get(&addr, "/index.html").trim(),
            "hello from cove",
            "{addr}"
        );
    }
    assert!(!handed(&env, "off"), "{}", shim_log(&env, "off"));
    env.cove_ok(&["rm", "-f", "off"]);
}
