//! The helper that connects a container's network namespace to the outside: slirp4netns or
//! pasta, each its own process (design §2). Started before the container so that its
//! setup overlaps the runtime's; waited for before the container's process runs.

use std::fs::File;
use std::io::Read;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::mode::SlirpOptions;
use super::NetworkError;

/// A started helper.
pub struct Uplink {
    program: &'static str,
    child: Child,
    /// slirp4netns writes "1" here once the tap device is configured.
    ready: Option<File>,
    /// slirp4netns exits when this closes: the shim holds it for the container's life.
    pub hold: Option<OwnedFd>,
    log: PathBuf,
}

fn find(program: &'static str, package: &'static str) -> Result<PathBuf, NetworkError> {
    crate::paths::find_in_path(program).ok_or(NetworkError::NotInstalled { program, package })
}

fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(std::io::Error::from)
}

fn log_file(log: &Path) -> Result<File, NetworkError> {
    File::create(log).map_err(|e| NetworkError::Io(format!("creating {}", log.display()), e))
}

/// slirp4netns's arguments, fds 3 (ready) and 4 (exit, when `exit_fd`) included.
pub fn slirp_args(o: &SlirpOptions, mac: Option<&str>, netns: &Path, exit_fd: bool) -> Vec<String> {
    let mut args = vec![
        "--configure".to_string(),
        format!("--mtu={}", o.mtu),
        "--ready-fd=3".into(),
        "--enable-sandbox".into(),
        "--enable-seccomp".into(),
    ];
    if exit_fd {
        args.push("--exit-fd=4".into());
    }
    if !o.allow_host_loopback {
        args.push("--disable-host-loopback".into());
    }
    if o.enable_ipv6 {
        args.push("--enable-ipv6".into());
    }
    if let Some(c) = &o.cidr {
        args.push(format!("--cidr={c}"));
    }
    if let Some(a) = &o.outbound_addr {
        args.push(format!("--outbound-addr={a}"));
    }
    if let Some(a) = &o.outbound_addr6 {
        args.push(format!("--outbound-addr6={a}"));
    }
    if let Some(m) = mac {
        args.push(format!("--macaddress={m}"));
    }
    args.extend([
        "--netns-type=path".into(),
        netns.display().to_string(),
        "tap0".into(),
    ]);
    args
}

/// Start slirp4netns on `netns`. With `exit_fd` it ends when `Uplink::hold` (handed to
/// the container's shim) closes; without, it runs until killed.
pub fn start_slirp(
    o: &SlirpOptions,
    mac: Option<&str>,
    netns: &Path,
    log: &Path,
    exit_fd: bool,
) -> Result<Uplink, NetworkError> {
    let program = find("slirp4netns", "slirp4netns")?;
    let (ready_r, ready_w) = pipe().map_err(|e| NetworkError::Io("pipe".into(), e))?;
    let exit = exit_fd
        .then(pipe)
        .transpose()
        .map_err(|e| NetworkError::Io("pipe".into(), e))?;
    let mut cmd = Command::new(program);
    cmd.args(slirp_args(o, mac, netns, exit_fd))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file(log)?)
        // Its own process group: a ctrl-c meant for `cove run` must not take the network.
        .process_group(0);
    crate::log::command(&cmd);
    let mut fds: Vec<(&dyn AsFd, i32)> = vec![(&ready_w, 3)];
    if let Some((exit_r, _)) = &exit {
        fds.push((exit_r, 4));
    }
    crate::fdpass::inherit_at(&mut cmd, &fds, 0)
        .map_err(|e| NetworkError::Io("passing descriptors to slirp4netns".into(), e))?;
    let child = cmd
        .spawn()
        .map_err(|e| NetworkError::Io("starting slirp4netns".into(), e))?;
    drop(cmd);
    Ok(Uplink {
        program: "slirp4netns",
        child,
        ready: Some(File::from(ready_r)),
        hold: exit.map(|(_, exit_w)| exit_w),
        log: log.to_path_buf(),
    })
}

/// pasta's arguments: no port forwarding of its own (the shim forwards), DNS queries to
/// `dns_forward` go to the host's resolvers, the user's extra arguments last.
pub fn pasta_args(extra: &[String], netns: &Path, dns_forward: &str) -> Vec<String> {
    let mut args: Vec<String> = [
        "--config-net",
        "--quiet",
        "--tcp-ports",
        "none",
        "--udp-ports",
        "none",
        "--tcp-ns",
        "none",
        "--udp-ns",
        "none",
        "--dns-forward",
        dns_forward,
        "--netns",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(netns.display().to_string());
    if crate::rootless::host_ids().0 == 0 {
        // Started by real root (not uid 0 of a user's namespace), pasta switches to
        // `nobody` before joining the namespace and then may not enter it. It still
        // confines itself (its own user, mount and pid namespaces, capabilities dropped);
        // its mount work stays inside cove's mount namespace like everything root's
        // cove starts.
        args.extend(["--runas".into(), "0".into()]);
    }
    args.extend(extra.iter().cloned());
    args
}

pub fn start_pasta(extra: &[String], netns: &Path, log: &Path) -> Result<Uplink, NetworkError> {
    let program = find("pasta", "passt")?;
    let mut cmd = Command::new(program);
    cmd.args(pasta_args(extra, netns, super::addr::PASTA_DNS_FORWARD))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file(log)?);
    crate::log::command(&cmd);
    // pasta forks into the background once the namespace is configured: the first
    // process exiting 0 is its readiness signal; it quits when the namespace file goes.
    let child = cmd
        .spawn()
        .map_err(|e| NetworkError::Io("starting pasta".into(), e))?;
    Ok(Uplink {
        program: "pasta",
        child,
        ready: None,
        hold: None,
        log: log.to_path_buf(),
    })
}

const READY_TIMEOUT: Duration = Duration::from_secs(10);

impl Uplink {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn failed(&self, what: &str) -> NetworkError {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let last = log
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or(what)
            .trim()
            .to_string();
        NetworkError::Helper {
            program: self.program,
            message: last,
        }
    }

    /// Wait until the namespace is configured.
    pub fn wait_ready(&mut self) -> Result<(), NetworkError> {
        match self.ready.take() {
            Some(mut f) => {
                let mut b = [0u8; 1];
                let deadline = Instant::now() + READY_TIMEOUT;
                loop {
                    let left = deadline.saturating_duration_since(Instant::now());
                    let mut pfd = [nix::poll::PollFd::new(
                        f.as_fd(),
                        nix::poll::PollFlags::POLLIN,
                    )];
                    let ms = nix::poll::PollTimeout::try_from(
                        left.as_millis().min(i32::MAX as u128) as i32,
                    )
                    .unwrap_or(nix::poll::PollTimeout::MAX);
                    match nix::poll::poll(&mut pfd, ms) {
                        Ok(0) => {
                            let _ = self.child.kill();
                            return Err(self.failed("did not become ready in 10 s"));
                        }
                        Err(nix::Error::EINTR) => continue,
                        _ => break,
                    }
                }
                match f.read(&mut b) {
                    Ok(1) if b[0] == b'1' => {
                        // It keeps running on its own; nobody waits for it but init.
                        Ok(())
                    }
                    _ => {
                        let _ = self.child.wait();
                        Err(self.failed("exited during setup"))
                    }
                }
            }
            None => match self.child.wait() {
                Ok(s) if s.success() => Ok(()),
                _ => Err(self.failed("exited during setup")),
            },
        }
    }

    /// Stop a helper whose container will not start.
    pub fn abort(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
