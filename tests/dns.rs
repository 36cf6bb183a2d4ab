//! The DNS responder of user networks against malformed datagrams from a container, as
//! the test user: it answers FORMERR where a header can be read, stays the same process,
//! and resolves names afterwards. The sender, scripts/dns-junk.c, is built by setup and
//! bind-mounted into the container.
//!
//! The network is `--internal`, so even a random datagram that happens to be a valid
//! query for an unknown name is answered locally and never relayed off this machine.

mod common;

use std::path::PathBuf;

use common::TestEnv;

/// Where scripts/setup-test-env.sh puts the static sender.
const JUNK: &str = "/var/lib/cove-test/dns-junk";

/// The responder's pid, if it is running.
fn responder(env: &TestEnv) -> Option<i32> {
    let file: PathBuf = env.run.join("cove/netns/rootless.dns.pid");
    let pid: i32 = std::fs::read_to_string(file).ok()?.trim().parse().ok()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    (!stat.contains(") Z ")).then_some(pid)
}

#[test]
fn malformed_queries_get_formerr_and_names_still_resolve() {
    assert!(
        std::path::Path::new(JUNK).exists(),
        "{JUNK} missing: re-run scripts/setup-test-env.sh"
    );
    let env = TestEnv::new("dns-junk");
    let web = common::image("web");
    env.cove_ok(&["pull", "-q", &web]);
    env.cove_ok(&["network", "create", "--internal", "junk"]);
    env.cove_ok(&["run", "-d", "--name", "peer", "--network", "junk", &web]);
    let peer_ip = env.cove_ok(&[
        "inspect",
        "--format",
        "{{.NetworkSettings.Networks.junk.IPAddress}}",
        "peer",
    ]);
    let peer_ip = peer_ip.trim();
    let before = responder(&env).expect("a responder for the user network");

    let script = "gw=$(awk '/^nameserver/ {print $2; exit}' /etc/resolv.conf); \
                  /junk \"$gw\" 1000; nslookup peer 2>&1; nslookup peer.dns.cove 2>&1";
    let mount = format!("{JUNK}:/junk:ro");
    let out = env.cove_ok(&[
        "run",
        "--rm",
        "--network",
        "junk",
        "-v",
        &mount,
        &web,
        "sh",
        "-c",
        script,
    ]);
    for case in ["truncated", "label-past-end", "pointer-loop", "huge-counts"] {
        assert!(
            out.contains(&format!("{case} rcode=1 id=ok")),
            "{case}: FORMERR expected\n{out}"
        );
    }
    assert!(out.contains("short none"), "{out}");
    assert!(out.contains("sent 1000"), "{out}");
    // Resolved after the junk, by the very same process: it never went down.
    assert_eq!(
        out.matches(&format!("Address: {peer_ip}")).count(),
        2,
        "peer and peer.dns.cove resolve to {peer_ip}\n{out}"
    );
    assert_eq!(responder(&env), Some(before), "the responder survived");
}
