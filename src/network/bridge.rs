//! The per-user network namespace behind user-defined networks (Podman's "rootless-netns"):
//! one namespace inside the per-user user namespace holding a bridge per network, routing
//! between them and an uplink (slirp4netns, tap0) with masquerading. Containers keep their
//! own namespaces and get a veth pair to their network's bridge. nftables rules in that
//! namespace keep networks apart and `--internal` networks off the uplink; the DNS
//! responder listens there on every gateway address.
//!
//! Interfaces are configured with `ip` and `nft` run inside the namespace (a setns before
//! exec): iproute2 and nftables are what a reader knows, and a netlink crate would add
//! an async runtime to `cove run`.

use std::fs;
use std::io;
use std::net::Ipv4Addr;
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use nix::fcntl::Flock;

use super::mode::SlirpOptions;
use super::networks::NetworkConfig;
use super::{netns, uplink, NetworkError};

/// The per-user namespace and what runs in it.
pub struct Shared {
    dir: PathBuf,
}

impl Shared {
    /// `dir`: `$XDG_RUNTIME_DIR/cove/netns`.
    pub fn new(dir: &Path) -> Shared {
        Shared {
            dir: dir.to_path_buf(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join("rootless")
    }

    fn slirp_pid_file(&self) -> PathBuf {
        self.dir.join("rootless.slirp4netns.pid")
    }

    pub fn dns_pid_file(&self) -> PathBuf {
        self.dir.join("rootless.dns.pid")
    }

    /// Serialises set-up and teardown of the namespace between cove processes.
    pub fn lock(&self) -> Result<Flock<fs::File>, NetworkError> {
        fs::create_dir_all(&self.dir)
            .map_err(|e| NetworkError::Io("creating the netns dir".into(), e))?;
        let path = self.dir.join("rootless.lock");
        crate::paths::lock_file(&path)
            .map_err(|e| NetworkError::Io(format!("locking {}", path.display()), e))
    }

    pub fn alive(pid_file: &Path) -> Option<i32> {
        let pid: i32 = fs::read_to_string(pid_file).ok()?.trim().parse().ok()?;
        (pid > 0 && nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok())
            .then_some(pid)
    }

    /// Create the namespace and its uplink unless they run already. Caller holds `lock`.
    pub fn ensure(&self) -> Result<(), NetworkError> {
        let ns = self.path();
        if ns.exists() && Self::alive(&self.slirp_pid_file()).is_some() {
            return Ok(());
        }
        self.teardown();
        netns::create(&ns)
            .map_err(|e| NetworkError::Io("creating the per-user network namespace".into(), e))?;
        let log = self.dir.join("rootless.slirp4netns.log");
        let opts = SlirpOptions::default();
        // No exit pipe: it lives until the last container on a user network leaves, and
        // `teardown` kills it by pid.
        let mut up = uplink::start_slirp(&opts, None, &ns, &log, false)?;
        let pid = up.pid();
        up.wait_ready()?;
        fs::write(self.slirp_pid_file(), pid.to_string())
            .map_err(|e| NetworkError::Io("writing the slirp4netns pid".into(), e))?;
        self.apply_routing()
    }

    /// Forwarding and masquerading to the uplink, put back as they should be (each run
    /// replaces the chain's rules: `network reload` after a flush).
    pub fn apply_routing(&self) -> Result<(), NetworkError> {
        let ns = self.path();
        run_in(&ns, "sh", &["-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"])?;
        nft(
            &ns,
            "add table ip cove_nat\n\
             add chain ip cove_nat postrouting { type nat hook postrouting priority 100; }\n\
             flush chain ip cove_nat postrouting\n\
             add rule ip cove_nat postrouting oifname \"tap0\" masquerade\n\
             add table inet cove\n",
        )
    }

    /// Whether `link` exists in the namespace (a bridge, or a container's veth end).
    pub fn has_link(&self, link: &str) -> bool {
        run_in(&self.path(), "ip", &["link", "show", link]).is_ok()
    }

    /// Move this process into the namespace, made first if no network has made it yet
    /// (`unshare --rootless-netns`, as Podman's).
    pub fn join(&self) -> Result<(), NetworkError> {
        let lock = self.lock()?;
        self.ensure()?;
        drop(lock);
        let path = self.path();
        let ns = fs::File::open(&path)
            .map_err(|e| NetworkError::Io(format!("opening {}", path.display()), e))?;
        nix::sched::setns(&ns, nix::sched::CloneFlags::CLONE_NEWNET)
            .map_err(|e| NetworkError::Io(format!("joining {}", path.display()), e.into()))
    }

    /// Stop the uplink and the DNS responder and drop the namespace (bridges go with it).
    pub fn teardown(&self) {
        for f in [self.slirp_pid_file(), self.dns_pid_file()] {
            if let Some(pid) = Self::alive(&f) {
                let _ = nix::sys::signal::kill(
                    nix::unistd::Pid::from_raw(pid),
                    nix::sys::signal::Signal::SIGTERM,
                );
            }
            let _ = fs::remove_file(f);
        }
        netns::remove(&self.path());
    }

    /// The network's bridge with its gateway address and isolation rules, made once.
    pub fn ensure_bridge(&self, net: &NetworkConfig) -> Result<(), NetworkError> {
        let ns = self.path();
        let br = net.interface.as_str();
        if self.has_link(br) {
            return Ok(());
        }
        let subnet = net.subnet()?;
        let gw = format!("{}/{}", net.gateway, subnet.prefix);
        run_in(&ns, "ip", &["link", "add", br, "type", "bridge"])?;
        if let Some(mtu) = net.mtu() {
            run_in(&ns, "ip", &["link", "set", br, "mtu", &mtu.to_string()])?;
        }
        run_in(&ns, "ip", &["addr", "add", &gw, "dev", br])?;
        run_in(&ns, "ip", &["link", "set", br, "up"])?;
        self.apply_isolation(net)
    }

    /// The network's isolation rules, replacing whatever its chain holds.
    pub fn apply_isolation(&self, net: &NetworkConfig) -> Result<(), NetworkError> {
        let br = net.interface.as_str();
        // Forwarded traffic from this bridge may only go back out of it or, unless the
        // network is internal, to the uplink; replies to it come only from the uplink.
        let allowed = if net.internal {
            format!("\"{br}\"")
        } else {
            format!("{{ \"{br}\", \"tap0\" }}")
        };
        let rules = format!(
            "add table inet cove\n\
             add chain inet cove {br} {{ type filter hook forward priority 0; policy accept; }}\n\
             flush chain inet cove {br}\n\
             add rule inet cove {br} iifname \"{br}\" oifname != {allowed} drop\n\
             add rule inet cove {br} oifname \"{br}\" iifname != {allowed} drop\n"
        );
        nft(&self.path(), &rules)
    }

    /// Remove a network's bridge and rules (network rm).
    pub fn remove_bridge(&self, net: &NetworkConfig) {
        let ns = self.path();
        if !ns.exists() {
            return;
        }
        let _ = run_in(&ns, "ip", &["link", "del", &net.interface]);
        let _ = nft(&ns, &format!("delete chain inet cove {}\n", net.interface));
    }

    /// A veth pair: `eth0` (or the next free ethN) in the container's namespace with
    /// `ip`, the other end on the network's bridge. Returns the container-side name.
    pub fn attach(
        &self,
        container_ns: &Path,
        net: &NetworkConfig,
        host_end: &str,
        ip: Ipv4Addr,
        default_route: bool,
        mac: Option<&str>,
    ) -> Result<String, NetworkError> {
        let ns = self.path();
        let subnet = net.subnet()?;
        let inside = (0..)
            .map(|i| format!("eth{i}"))
            .find(|n| run_in(container_ns, "ip", &["link", "show", n]).is_err())
            .unwrap_or_default();
        let ctr_ns = container_ns.display().to_string();
        run_in(
            &ns,
            "ip",
            &[
                "link", "add", host_end, "type", "veth", "peer", "name", &inside, "netns", &ctr_ns,
            ],
        )?;
        run_in(
            &ns,
            "ip",
            &["link", "set", host_end, "master", &net.interface, "up"],
        )?;
        if let Some(m) = mac {
            run_in(container_ns, "ip", &["link", "set", &inside, "address", m])?;
        }
        if let Some(mtu) = net.mtu() {
            let mtu = mtu.to_string();
            run_in(&ns, "ip", &["link", "set", host_end, "mtu", &mtu])?;
            run_in(container_ns, "ip", &["link", "set", &inside, "mtu", &mtu])?;
        }
        let addr = format!("{ip}/{}", subnet.prefix);
        run_in(container_ns, "ip", &["addr", "add", &addr, "dev", &inside])?;
        run_in(container_ns, "ip", &["link", "set", &inside, "up"])?;
        if default_route && !net.internal {
            run_in(
                container_ns,
                "ip",
                // replace: a network connected with a higher --gw-priority takes over.
                &["route", "replace", "default", "via", &net.gateway],
            )?;
        }
        Ok(inside)
    }

    /// Remove a container's veth end (network disconnect; exit removes it with the netns).
    pub fn detach(&self, host_end: &str) {
        let _ = run_in(&self.path(), "ip", &["link", "del", host_end]);
    }
}

/// Run `program args` inside the network namespace at `ns`; its stderr becomes the error.
pub fn run_in(ns: &Path, program: &'static str, args: &[&str]) -> Result<(), NetworkError> {
    run_with_input(ns, program, args, None)
}

fn run_with_input(
    ns: &Path,
    program: &'static str,
    args: &[&str],
    input: Option<&str>,
) -> Result<(), NetworkError> {
    let package = if program == "nft" {
        "nftables"
    } else {
        "iproute2"
    };
    let exe = crate::paths::find_program(program)
        .ok_or(NetworkError::NotInstalled { program, package })?;
    let file =
        fs::File::open(ns).map_err(|e| NetworkError::Io(format!("opening {}", ns.display()), e))?;
    let fd = file.as_raw_fd();
    let mut cmd = Command::new(exe);
    cmd.args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    crate::log::command(&cmd);
    // SAFETY: setns is async-signal-safe; it only changes the child's network namespace.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setns(fd, libc::CLONE_NEWNET) < 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| NetworkError::Io(format!("running {program}"), e))?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        use std::io::Write;
        let _ = stdin.write_all(text.as_bytes());
    }
    let out = child
        .wait_with_output()
        .map_err(|e| NetworkError::Io(format!("running {program}"), e))?;
    drop(file);
    if out.status.success() {
        return Ok(());
    }
    Err(NetworkError::Helper {
        program,
        message: format!(
            "{program} {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ),
    })
}

fn nft(ns: &Path, rules: &str) -> Result<(), NetworkError> {
    run_with_input(ns, "nft", &["-f", "-"], Some(rules))
}
