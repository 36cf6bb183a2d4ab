//! Running as root never changes the host's own mounts (docs/ARCHITECTURE.md, rootful).
//!
//! Each test imitates a systemd host without touching this machine: a throwaway mount
//! namespace whose `/` is made rshared (see common/rootful.rs). Rootful cove then runs,
//! exec's, copies, commits, mounts and removes containers with every network mode, and
//! the namespace's /proc/self/mountinfo (mount ids and propagation included) must read
//! exactly the same after every command as before the first.

mod common;

use common::image;
use common::rootful::{cove, quote, Rootful, Step};

/// Network modes a rootful container can use: `None` is the default (slirp4netns).
/// `container:NAME` is exercised with each of them.
const NETWORKS: &[Option<&str>] = &[
    None,
    Some("pasta"),
    Some("none"),
    Some("host"),
    Some("hsnet"),
];

/// The whole life of a container per network mode, with `runtime` (None: built-in).
fn lifecycle(h: &Rootful, runtime: Option<&str>) -> Vec<Step> {
    let busybox = image("busybox");
    let input = h.env.base.join("input");
    std::fs::write(&input, "from the host\n").expect("write input");
    let input = input.display().to_string();
    let mut steps = vec![
        cove(&["pull", "-q", "--tls-verify=false", &busybox]),
        cove(&["network", "create", "hsnet"]),
    ];
    for net in NETWORKS {
        let name = format!("c-{}", net.unwrap_or("default"));
        let mut opts: Vec<&str> = Vec::new();
        if let Some(r) = runtime {
            opts.extend(["--runtime", r]);
        }
        if let Some(n) = net {
            opts.extend(["--network", n]);
        }
        let with = |head: &[&str], tail: &[&str]| {
            let mut v: Vec<&str> = head.to_vec();
            v.extend(&opts);
            v.push(&busybox);
            v.extend(tail);
            cove(&v)
        };
        let output = h.env.base.join(format!("output-{name}"));
        let output = output.display().to_string();
        let joined = format!("container:{name}");
        let mut join: Vec<&str> = vec!["run", "--rm"];
        if let Some(r) = runtime {
            join.extend(["--runtime", r]);
        }
        join.extend(["--network", &joined, &busybox, "true"]);
        steps.extend([
            with(&["run", "--rm"], &["true"]),
            with(&["run", "-d", "--name", &name], &["sleep", "1000"]),
            cove(&["exec", &name, "true"]),
            cove(&join),
            cove(&["cp", &input, &format!("{name}:/tmp/input")]),
            cove(&["cp", &format!("{name}:/tmp/input"), &output]),
            Step::Sh(format!("cmp {} {}", quote(&input), quote(&output))),
            cove(&["commit", "-q", &name, &format!("hs-{name}")]),
            cove(&["container", "mount", &name]),
            cove(&["container", "unmount", &name]),
            cove(&["rm", "-f", &name]),
        ]);
    }
    let mut stopped = vec!["create", "--name", "stopped"];
    if let Some(r) = runtime {
        stopped.extend(["--runtime", r]);
    }
    stopped.extend([busybox.as_str(), "true"]);
    steps.extend([
        cove(&stopped),
        cove(&["container", "mount", "stopped"]),
        cove(&["container", "unmount", "stopped"]),
        cove(&["start", "-a", "stopped"]),
        cove(&["rm", "stopped"]),
        cove(&["image", "mount", &busybox]),
        cove(&["image", "unmount", &busybox]),
        cove(&["network", "rm", "hsnet"]),
    ]);
    steps
}

#[test]
fn rootful_builtin_runtime_leaves_host_mounts_alone() {
    let h = Rootful::new("host-safety-builtin");
    let session = h.session(&lifecycle(&h, None));
    session.assert_mounts_unchanged();
    session.assert_all_succeeded();
}

#[test]
fn rootful_runc_leaves_host_mounts_alone() {
    let h = Rootful::new("host-safety-runc");
    let session = h.session(&lifecycle(&h, Some("runc")));
    session.assert_mounts_unchanged();
    session.assert_all_succeeded();
}

#[test]
fn rootful_commands_started_at_once_share_one_mount_namespace() {
    let h = Rootful::new("host-safety-race");
    let d = quote(&h.env.base.display().to_string());
    let unshare = h.cove_line(&["unshare", "readlink", "/proc/self/ns/mnt"]);
    let session = h.session(&[Step::Sh(format!(
        "for i in 1 2 3 4 5 6 7 8; do {unshare} > {d}/ns.$i & done; wait; \
         test \"$(cat {d}/ns.* | sort -u | wc -l)\" = 1 \
         && test \"$(cat {d}/ns.1)\" != \"$(readlink /proc/self/ns/mnt)\" \
         && test -s {d}/root-run/pause.pid"
    ))]);
    session.assert_mounts_unchanged();
    session.assert_all_succeeded();
}
