//! User-defined networks, the flags around them: `network reload` putting back a
//! container's network after its veth and the firewall rules are gone, `network connect`
//! with a static MAC, a gateway priority and the refused IPv6 address and driver options,
//! and Docker's `network create` options (auxiliary addresses, IPAM options, the swarm
//! ones refused). As the test user, each checked the way a user would see it.

mod common;

use common::{eventually, TestEnv};

/// iproute2 and nftables live in sbin, off the test user's PATH.
const IP: &str = "/usr/sbin/ip";
const NFT: &str = "/usr/sbin/nft";

/// A fresh environment and the web test image, pulled into it.
fn with_web(name: &str) -> (TestEnv, String) {
    let env = TestEnv::new(name);
    let web = common::image("web");
    env.cove_ok(&["pull", "-q", &web]);
    (env, web)
}

/// Whether `client` (a running container) gets the web page from `server` by name.
fn serves(env: &TestEnv, client: &str, server: &str) -> bool {
    let script = format!("printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n' | nc -w 3 {server} 80");
    let out = env.cove(&["exec", client, "sh", "-c", &script]);
    String::from_utf8_lossy(&out.stdout).contains("hello from cove")
}

fn id(env: &TestEnv, name: &str) -> String {
    env.cove_ok(&["inspect", "--format", "{{.Id}}", name])
        .trim()
        .to_string()
}

#[test]
fn network_reload_puts_back_a_deleted_veth_and_flushed_rules() {
    let (env, web) = with_web("net-reload");
    env.cove_ok(&["network", "create", "one"]);
    env.cove_ok(&["run", "-d", "--name", "srv", "--network", "one", &web]);
    env.cove_ok(&["run", "-d", "--name", "client", "--network", "one", &web]);
    env.cove_ok(&["run", "-d", "--name", "plain", &web]);
    env.cove_ok(&["create", "--name", "idle", &web]);
    let srv = id(&env, "srv");
    let client = id(&env, "client");
    assert!(eventually(|| serves(&env, "client", "srv")));

    // Nothing missing: the ID, as Podman prints it.
    assert_eq!(
        env.cove_ok(&["network", "reload", "srv"]),
        format!("{srv}\n")
    );

    // Take away the server's veth and every firewall rule of the per-user namespace.
    let veth = format!("cv{}0", &srv[..8]);
    env.cove_ok(&["unshare", "--rootless-netns", IP, "link", "del", &veth]);
    env.cove_ok(&["unshare", "--rootless-netns", NFT, "flush", "ruleset"]);
    let (code, _) = env.cove_err(&["exec", "srv", "cat", "/sys/class/net/eth0/address"]);
    assert_ne!(code, 0, "eth0 went with its veth peer");
    assert!(!serves(&env, "client", "srv"));

    assert_eq!(
        env.cove_ok(&["network", "reload", "srv"]),
        format!("{srv}\n")
    );
    let addr = env.cove_ok(&["exec", "srv", "ip", "-4", "addr", "show", "eth0"]);
    let ip = env.cove_ok(&[
        "inspect",
        "--format",
        "{{.NetworkSettings.Networks.one.IPAddress}}",
        "srv",
    ]);
    assert!(addr.contains(&format!("inet {}/", ip.trim())), "{addr}");
    assert!(eventually(|| serves(&env, "client", "srv")));
    let rules = env.cove_ok(&["unshare", "--rootless-netns", NFT, "list", "ruleset"]);
    assert!(
        rules.contains("masquerade") && rules.contains("iifname"),
        "{rules}"
    );

    // Podman's refusals: a slirp4netns container, one that never started, an unknown one.
    let (code, err) = env.cove_err(&["network", "reload", "plain"]);
    assert_eq!(code, 125);
    assert_eq!(
        err.trim(),
        "Error: \"slirp4netns\" is not supported: invalid network mode"
    );
    let out = env.cove(&["network", "reload", "idle", "srv"]);
    assert_eq!(common::exit_code(&out), 125);
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{srv}\n"));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "Error: cannot reload network unless container network has been configured: container state improper"
    );
    let out = env.cove(&["network", "reload", "srv", "nope"]);
    assert_eq!(common::exit_code(&out), 125);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "nothing is reloaded"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "Error: no container with name or ID \"nope\" found: no such container"
    );
    // Podman may warn first (about the host's mounts); its error line is the same.
    let podman = env.podman(&["network", "reload", "nope"]);
    assert_eq!(common::exit_code(&podman), 125);
    let podman_err = String::from_utf8_lossy(&podman.stderr);
    assert_eq!(podman_err.lines().last(), err.lines().last());

    // --all: the containers on user-defined networks, the others passed over.
    let mut ids: Vec<String> = env
        .cove_ok(&["network", "reload", "--all"])
        .lines()
        .map(String::from)
        .collect();
    ids.sort();
    let mut want = vec![srv.clone(), client];
    want.sort();
    assert_eq!(ids, want);
    for (args, line) in [
        (
            &["network", "reload"][..],
            "you must provide at least one name or id",
        ),
        (
            &["network", "reload", "--all", "srv"][..],
            "no arguments are needed with --all",
        ),
        (
            &["network", "reload", "-a", "-l"][..],
            "--all and --latest cannot be used together",
        ),
    ] {
        let (code, err) = env.cove_err(args);
        assert_eq!((code, err.trim()), (125, &*format!("Error: {line}")));
    }
    // --latest: the one created last never ran.
    let (code, err) = env.cove_err(&["network", "reload", "-l"]);
    assert_eq!(code, 125);
    assert!(err.contains("has been configured"), "{err}");
    env.cove_ok(&["rm", "-af", "-t", "0"]);
}

#[test]
fn connect_sets_the_mac_address_and_gateway_priority_and_refuses_ipv6() {
    let (env, web) = with_web("net-connect-flags");
    env.cove_ok(&["network", "create", "one"]);
    env.cove_ok(&["network", "create", "--subnet", "10.89.62.0/24", "two"]);
    env.cove_ok(&["run", "-d", "--name", "srv", "--network", "one", &web]);
    let mac = "92:d0:c6:0a:29:33";
    env.cove_ok(&[
        "network",
        "connect",
        "--mac-address",
        mac,
        "--gw-priority",
        "5",
        "two",
        "srv",
    ]);
    let seen = env.cove_ok(&["exec", "srv", "cat", "/sys/class/net/eth1/address"]);
    assert_eq!(seen.trim(), mac);
    let routes = env.cove_ok(&["exec", "srv", "ip", "route"]);
    assert!(
        routes.contains("default via 10.89.62.1 dev eth1"),
        "the higher priority's gateway is the way out: {routes}"
    );
    let eps = env.cove_ok(&[
        "network",
        "inspect",
        "--format",
        "{{range .Containers}}{{.MacAddress}}{{end}}",
        "two",
    ]);
    assert_eq!(eps.trim(), mac);

    // Kept for a container that is not running, applied when it starts.
    env.cove_ok(&["create", "--name", "later", "--network", "one", &web]);
    let later_mac = "92:d0:c6:0a:29:34";
    env.cove_ok(&[
        "network",
        "connect",
        "--mac-address",
        later_mac,
        "two",
        "later",
    ]);
    env.cove_ok(&["start", "later"]);
    let seen = env.cove_ok(&["exec", "later", "cat", "/sys/class/net/eth1/address"]);
    assert_eq!(seen.trim(), later_mac);
    let routes = env.cove_ok(&["exec", "later", "ip", "route"]);
    assert!(
        routes.contains("default via 10.89.1.1 dev eth0"),
        "{routes}"
    );

    env.cove_ok(&["network", "create", "three"]);
    for (args, line) in [
        (
            &["--ip6", "fd00::5"][..],
            "requested static ip fd00::5 not in any subnet on network three",
        ),
        (&["--mac-address", "zz"][..], "address zz: invalid MAC address"),
        (
            &["--driver-opt", "com.docker.network.endpoint.ifname=x"][..],
            "--driver-opt com.docker.network.endpoint.ifname=x: cove's bridge driver takes no endpoint options",
        ),
    ] {
        let mut all = vec!["network", "connect"];
        all.extend_from_slice(args);
        all.extend(["three", "srv"]);
        let (code, err) = env.cove_err(&all);
        assert_eq!((code, err.trim()), (125, &*format!("Error: {line}")));
    }
    let nets = env.cove_ok(&[
        "inspect",
        "--format",
        "{{len .NetworkSettings.Networks}}",
        "srv",
    ]);
    assert_eq!(nets.trim(), "2", "a refused connect changes nothing");
    env.cove_ok(&["rm", "-af", "-t", "0"]);
}

#[test]
fn docker_create_options_are_kept_or_refused_with_one_line() {
    let (env, web) = with_web("net-create-docker");
    env.cove_ok(&[
        "network",
        "create",
        "--subnet",
        "10.89.63.0/29",
        "--aux-address",
        "router=10.89.63.2",
        "--ipam-opt",
        "foo=bar",
        "--attachable",
        "--scope",
        "local",
        "--ipv4",
        "aux",
    ]);
    let fmt = "{{json .IPAM}} {{.Attachable}}";
    let shown = env.cove_ok(&["network", "inspect", "--format", fmt, "aux"]);
    assert_eq!(
        shown.trim(),
        r#"{"Config":[{"AuxiliaryAddresses":{"router":"10.89.63.2"},"Gateway":"10.89.63.1","Subnet":"10.89.63.0/29"}],"Driver":"default","Options":{"foo":"bar"}} true"#
    );
    // Docker's --verbose adds swarm details only.
    let verbose = env.cove_ok(&["network", "inspect", "--verbose", "aux"]);
    assert_eq!(verbose, env.cove_ok(&["network", "inspect", "aux"]));

    // The auxiliary address is never handed out, nor can it be asked for.
    let addr = env.cove_ok(&[
        "run",
        "--rm",
        "--network",
        "aux",
        &web,
        "ip",
        "-4",
        "addr",
        "show",
        "eth0",
    ]);
    assert!(addr.contains("inet 10.89.63.3/29"), "{addr}");
    let (code, err) = env.cove_err(&[
        "run",
        "--rm",
        "--network",
        "aux",
        "--ip",
        "10.89.63.2",
        &web,
        "true",
    ]);
    assert_eq!(code, 125);
    assert!(err.contains("10.89.63.2 is not a usable address"), "{err}");

    for (args, line) in [
        (
            &["--aux-address", "r=10.89.64.2"][..],
            "no matching subnet for aux-address 10.89.64.2",
        ),
        (
            &["--ipv4=false"][..],
            "--ipv4=false: cove's bridge networks are IPv4 only, so the network would have no addresses",
        ),
        (
            &["--scope", "swarm"][..],
            "--scope swarm: swarm-scoped networks exist only in swarm mode, and cove has no swarm",
        ),
        (
            &["--ingress"][..],
            "--ingress: the routing-mesh network exists only in swarm mode, and cove has no swarm",
        ),
        (
            &["--config-only"][..],
            "--config-only: config-only networks hold settings for swarm-scoped networks, and cove has no swarm",
        ),
        (
            &["--config-from", "aux"][..],
            "--config-from aux: config-only networks hold settings for swarm-scoped networks, and cove has no swarm",
        ),
    ] {
        let mut all = vec!["network", "create"];
        all.extend_from_slice(args);
        all.push("refused");
        let (code, err) = env.cove_err(&all);
        assert_eq!((code, err.trim()), (125, &*format!("Error: {line}")));
    }
    assert_eq!(env.cove_ok(&["network", "ls", "-q"]), "aux\n");
}
