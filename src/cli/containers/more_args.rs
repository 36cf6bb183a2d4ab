//! The less common `run`/`create` flags of Podman 4.3 and Docker 28, as clap arguments;
//! the engine's `container::options` types them and decides what works.

use crate::container::create::parse_health_duration;
use crate::container::options::{self, MoreOptions};
use crate::container::rootfs_dir::RootfsDir;
use anyhow::anyhow;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug, Clone, Default)]
pub struct MoreArgs {
    /// With --pod: an init container, run to completion at every pod start (always) or at
    /// the first (once, then removed), before the pod's other containers
    #[arg(long, value_name = "always|once")]
    pub init_ctr: Option<String>,
    /// Attach these streams: stdin, stdout, stderr (default: stdout and stderr, stdin
    /// too with -i)
    #[arg(short = 'a', long, value_name = "STREAM")]
    pub attach: Vec<String>,
    /// Pass the signals cove receives on to the container (run in the foreground)
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub sig_proxy: bool,
    /// Remove the image once the container exits and is removed (implies --rm)
    #[arg(long)]
    pub rmi: bool,
    /// Kill the container after this many seconds (exit code 255)
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u32>,
    /// Containers to start before this one (comma-separated names or IDs)
    #[arg(long, value_name = "CONTAINERS", value_delimiter = ',')]
    pub requires: Vec<String>,
    /// Set a variable, ${NAME} in the value being its current value (PATH=/x:${PATH})
    #[arg(long, value_name = "KEY=VALUE")]
    pub env_merge: Vec<String>,
    /// The /etc/passwd line added when the user has none ($USERNAME, $UID, $GID, $NAME,
    /// $HOME are filled in)
    #[arg(long, value_name = "ENTRY")]
    pub passwd_entry: Option<String>,
    /// Allow cove to add entries to /etc/passwd (--passwd-entry, --hostuser)
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub passwd: bool,
    /// Add the host's /etc/passwd entry of this user (name or UID) to the container's
    #[arg(long, value_name = "USER")]
    pub hostuser: Vec<String>,
    /// Write the PID of the container's monitor (cove-conmon) to this file at each start
    #[arg(long, value_name = "FILE")]
    pub conmon_pidfile: Option<PathBuf>,
    /// The container's OOM score adjustment (-1000 to 1000; rootless: only raised)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub oom_score_adj: Option<i32>,
    /// Execution domain: LINUX or LINUX32
    #[arg(long, value_name = "DOMAIN")]
    pub personality: Option<String>,
    /// What the image's volumes become: bind (anonymous volumes, default), tmpfs, ignore
    #[arg(long, value_name = "TYPE", default_value = "bind")]
    pub image_volume: String,
    /// Where the seccomp profile comes from: default (image: not supported)
    #[arg(long, value_name = "POLICY")]
    pub seccomp_policy: Option<String>,
    /// Run in systemd mode: true (when the command is an init; default), false, always
    #[arg(long, value_name = "MODE")]
    pub systemd: Option<String>,
    /// Paths inside the container that are chroots (accepted; cove adds nothing to them)
    #[arg(long, value_name = "PATH")]
    pub chrootdirs: Vec<String>,
    /// The container's IPv6 address (cove's networks are IPv4 only)
    #[arg(long, value_name = "ADDRESS")]
    pub ip6: Option<String>,
    /// UID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)
    #[arg(long, value_name = "MAP")]
    pub uidmap: Vec<String>,
    /// GID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)
    #[arg(long, value_name = "MAP")]
    pub gidmap: Vec<String>,
    /// Name of a range in /etc/subuid for the user namespace
    #[arg(long, value_name = "NAME")]
    pub subuidname: Option<String>,
    /// Name of a range in /etc/subgid for the user namespace
    #[arg(long, value_name = "NAME")]
    pub subgidname: Option<String>,
    /// Run from this directory instead of an image (not supported: import it)
    #[arg(long)]
    pub rootfs: bool,
    /// Cgroup mode: enabled, disabled, no-conmon (cove creates no cgroup either way),
    /// split (refused)
    #[arg(long, value_name = "MODE")]
    pub cgroups: Option<String>,
    /// Parent cgroup (needs a delegated cgroup v2 hierarchy)
    #[arg(long, value_name = "PATH")]
    pub cgroup_parent: Option<String>,
    /// Cgroup v2 setting KEY=VALUE (needs a delegated cgroup v2 hierarchy)
    #[arg(long, value_name = "KEY=VALUE")]
    pub cgroup_conf: Vec<String>,
    /// Device cgroup rule (needs a delegated cgroup v2 hierarchy)
    #[arg(long, value_name = "RULE")]
    pub device_cgroup_rule: Vec<String>,
    /// Skip image verification (a no-op, as in Podman)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub disable_content_trust: Option<bool>,
    /// The container's NIS domain name
    #[arg(long, value_name = "NAME")]
    pub domainname: Option<String>,
    /// GPUs to add (not supported: use --device)
    #[arg(long, value_name = "GPUS")]
    pub gpus: Option<String>,
    /// Time between health checks during the start period
    #[arg(long, value_name = "DURATION")]
    pub health_start_interval: Option<String>,
    /// Per-container storage option (not supported by cove's drivers)
    #[arg(long, value_name = "OPT")]
    pub storage_opt: Vec<String>,
    /// Volume driver: local only
    #[arg(long, value_name = "DRIVER")]
    pub volume_driver: Option<String>,
    /// Bind the engine's API socket into the container (not supported)
    #[arg(long)]
    pub use_api_socket: bool,
}

impl MoreArgs {
    /// `--attach`'s streams, checked: (stdin, stdout, stderr); all output with none given.
    pub fn attached(&self) -> anyhow::Result<(bool, bool, bool)> {
        if self.attach.is_empty() {
            return Ok((false, true, true));
        }
        let mut out = (false, false, false);
        for s in &self.attach {
            match s.to_ascii_lowercase().as_str() {
                "stdin" => out.0 = true,
                "stdout" => out.1 = true,
                "stderr" => out.2 = true,
                _ => {
                    return Err(anyhow!(
                    "invalid stream {s:?} for --attach - must be one of stdin, stdout, or stderr"
                ))
                }
            }
        }
        Ok(out)
    }

    /// The typed options; the host files a flag names (--hostuser) are read here.
    pub fn options(&self, image: &str) -> anyhow::Result<MoreOptions> {
        let absolute = |p: &PathBuf| {
            std::path::absolute(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        };
        let mut hostuser_lines = Vec::new();
        if !self.hostuser.is_empty() {
            let passwd = std::fs::read_to_string("/etc/passwd")
                .map_err(|e| anyhow!("reading /etc/passwd for --hostuser: {e}"))?;
            for u in &self.hostuser {
                hostuser_lines.push(options::hostuser_line(&passwd, u)?);
            }
        }
        Ok(MoreOptions {
            init_ctr: self.init_ctr.as_deref().map(str::parse).transpose()?,
            rmi: self.rmi,
            timeout: self.timeout,
            requires: self.requires.clone(),
            env_merge: self.env_merge.clone(),
            passwd_entry: self.passwd_entry.clone(),
            no_passwd: !self.passwd,
            hostuser_lines,
            conmon_pidfile: self.conmon_pidfile.as_ref().map(absolute),
            oom_score_adj: self.oom_score_adj,
            personality: self.personality.clone(),
            image_volume: self.image_volume.parse()?,
            seccomp_policy: self.seccomp_policy.clone(),
            systemd: self.systemd.clone(),
            chrootdirs: self.chrootdirs.clone(),
            ip6: self.ip6.clone(),
            uidmap: self.uidmap.clone(),
            gidmap: self.gidmap.clone(),
            subuidname: self.subuidname.clone(),
            subgidname: self.subgidname.clone(),
            // With --rootfs the "image" argument is the directory.
            rootfs: self.rootfs.then(|| RootfsDir::parse(image)).transpose()?,
            cgroups: self.cgroups.clone(),
            cgroup_parent: self.cgroup_parent.clone(),
            cgroup_conf: self.cgroup_conf.clone(),
            device_cgroup_rules: self.device_cgroup_rule.clone(),
            domainname: self.domainname.clone(),
            gpus: self.gpus.clone(),
            health_start_interval: self
                .health_start_interval
                .as_deref()
                .map(|d| parse_health_duration("health-start-interval", d))
                .transpose()?,
            storage_opts: self.storage_opt.clone(),
            volume_driver: self.volume_driver.clone(),
            use_api_socket: self.use_api_socket,
        })
    }
}
