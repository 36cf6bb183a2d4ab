//! Podman's (and Docker's) less common `run`/`create` flags, typed: the ones cove carries
//! out (`--timeout`, `--requires`, `--env-merge`, `--passwd-entry`, `--hostuser`,
//! `--oom-score-adj`, `--personality`, `--image-volume`, `--domainname`, ...) and the ones
//! this machine or cove cannot honour, refused with one line saying why.

use std::time::Duration;

use super::create::CreateError;
use super::record::{ContainerConfig, MountKind, MountSpec};

/// `--image-volume`: what the image's VOLUMEs become.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ImageVolume {
    /// An anonymous volume each (Podman's `bind`: a directory outside the container).
    #[default]
    Bind,
    Tmpfs,
    /// Left as plain directories of the container's filesystem.
    Ignore,
}

impl std::str::FromStr for ImageVolume {
    type Err = CreateError;
    fn from_str(s: &str) -> Result<ImageVolume, CreateError> {
        match s {
            "" | "bind" | "anonymous" => Ok(ImageVolume::Bind),
            "tmpfs" => Ok(ImageVolume::Tmpfs),
            "ignore" => Ok(ImageVolume::Ignore),
            other => Err(CreateError::Option(format!(
                "invalid --image-volume {other:?}: use bind, tmpfs or ignore"
            ))),
        }
    }
}

/// `--init-ctr`: a pod's init container runs at every pod start, or once and is then
/// removed (Podman's `always` and `once`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InitCtr {
    Always,
    Once,
}

impl std::str::FromStr for InitCtr {
    type Err = CreateError;
    fn from_str(s: &str) -> Result<Self, CreateError> {
        match s {
            "always" => Ok(InitCtr::Always),
            "once" => Ok(InitCtr::Once),
            _ => Err(refuse("init-ctr value must be 'always' or 'once'")),
        }
    }
}

/// The flags of this module, as a create request carries them. Unset fields are the
/// defaults Podman uses.
#[derive(Debug, Clone, Default)]
pub struct MoreOptions {
    /// `--rmi`: the image is removed with the container (implies `--rm`).
    pub rmi: bool,
    /// `--timeout N`: the shim kills the container after N seconds (exit code 255).
    pub timeout: Option<u32>,
    /// `--requires`: containers started before this one, by name or ID.
    pub requires: Vec<String>,
    /// `--env-merge KEY=VALUE`: `${KEY}` in VALUE is the variable's value so far.
    pub env_merge: Vec<String>,
    /// `--passwd-entry`: the line added to /etc/passwd when the user has none there.
    pub passwd_entry: Option<String>,
    /// `--passwd=false`: cove never edits /etc/passwd.
    pub no_passwd: bool,
    /// `--hostuser NAME`: the host's /etc/passwd lines of these users.
    pub hostuser_lines: Vec<String>,
    /// `--conmon-pidfile`: written with the shim's PID at each start.
    pub conmon_pidfile: Option<String>,
    pub oom_score_adj: Option<i32>,
    /// `--personality`: LINUX or LINUX32.
    pub personality: Option<String>,
    pub image_volume: ImageVolume,
    /// `--seccomp-policy`: default (image: profiles from image annotations, refused).
    pub seccomp_policy: Option<String>,
    /// `--systemd`: true (the default), false or always.
    pub systemd: Option<String>,
    pub chrootdirs: Vec<String>,
    pub ip6: Option<String>,
    /// `--uidmap`, `--gidmap` (CONTAINER:INTERMEDIATE:SIZE each), `--subuidname`,
    /// `--subgidname`: resolved at create (`Engine::resolve_id_mappings`).
    pub uidmap: Vec<String>,
    pub gidmap: Vec<String>,
    pub subuidname: Option<String>,
    pub subgidname: Option<String>,
    /// `--rootfs DIR[:O]`: the container runs on this directory, not an image.
    pub rootfs: Option<super::rootfs_dir::RootfsDir>,
    /// `--cgroups`: enabled (default), disabled, no-conmon, split.
    pub cgroups: Option<String>,
    pub cgroup_parent: Option<String>,
    pub cgroup_conf: Vec<String>,
    pub device_cgroup_rules: Vec<String>,
    /// Docker's `--domainname`: the UTS namespace's NIS domain name.
    pub domainname: Option<String>,
    pub gpus: Option<String>,
    /// Docker's `--health-start-interval`: checks during the start period run this often.
    pub health_start_interval: Option<Duration>,
    pub storage_opts: Vec<String>,
    pub volume_driver: Option<String>,
    pub use_api_socket: bool,
    pub init_ctr: Option<InitCtr>,
}

/// Signal of a `--timeout` kill as Podman reports it: conmon's "timed out" status.
pub const TIMEOUT_EXIT_CODE: i32 = 255;

fn refuse(why: impl Into<String>) -> CreateError {
    CreateError::Option(why.into())
}

/// `run --preserve-fds N` and `exec --preserve-fds N`: fds 3..3+N must be ones this
/// process inherited (open and not close-on-exec: everything cove opens itself is), or
/// cove's own descriptors would be handed to the container. Podman's words.
pub fn check_preserve_fds(n: u32) -> Result<(), CreateError> {
    for fd in 3..3i32.saturating_add(n.min(i32::MAX as u32) as i32) {
        // SAFETY: F_GETFD only reads the descriptor's flags.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
        if flags < 0 || flags & libc::FD_CLOEXEC != 0 {
            return Err(refuse(format!(
                "file descriptor {fd} is not available - the preserve-fds option requires that file descriptors must be passed"
            )));
        }
    }
    Ok(())
}

impl MoreOptions {
    /// Whether an ID-mapping flag was given (they make `--userns=private`).
    pub fn maps_ids(&self) -> bool {
        !self.uidmap.is_empty()
            || !self.gidmap.is_empty()
            || self.subuidname.is_some()
            || self.subgidname.is_some()
    }

    /// What cannot work, one line each; `delegated`: a cgroup v2 tree is ours to write.
    pub fn check(&self, delegated: bool) -> Result<(), CreateError> {
        if let Some(p) = &self.seccomp_policy {
            if p != "default" {
                return Err(refuse(format!(
                    "invalid --seccomp-policy {p:?}: only default is supported (profiles from image annotations are not read)"
                )));
            }
        }
        match self.systemd.as_deref() {
            None | Some("true") | Some("false") | Some("always") => {}
            Some(other) => {
                return Err(refuse(format!(
                    "invalid --systemd {other:?}: use true, false or always"
                )))
            }
        }
        if let Some(ip) = &self.ip6 {
            return Err(refuse(format!("--ip6 {ip}: cove's networks are IPv4 only")));
        }
        super::idmap::parse_maps(&self.uidmap, "UID")?;
        super::idmap::parse_maps(&self.gidmap, "GID")?;
        match self.cgroups.as_deref() {
            None | Some("enabled") | Some("disabled") | Some("no-conmon") => {}
            Some("split") => {
                return Err(refuse(
                    "--cgroups split: needs a cgroup v2 hierarchy delegated to your user; cove creates no cgroup",
                ))
            }
            Some(other) => {
                return Err(refuse(format!(
                    "invalid --cgroups {other:?}: use enabled, disabled, no-conmon or split"
                )))
            }
        }
        let cgroup_flags: Vec<&str> = [
            (self.cgroup_parent.is_some(), "--cgroup-parent"),
            (!self.cgroup_conf.is_empty(), "--cgroup-conf"),
            (!self.device_cgroup_rules.is_empty(), "--device-cgroup-rule"),
        ]
        .iter()
        .filter(|(set, _)| *set)
        .map(|(_, f)| *f)
        .collect();
        if !cgroup_flags.is_empty() {
            let why = if delegated {
                "cove does not create cgroups for containers yet"
            } else {
                "needs a cgroup v2 hierarchy delegated to your user (this system has none)"
            };
            return Err(refuse(format!("{}: {why}", cgroup_flags.join(", "))));
        }
        if let Some(g) = &self.gpus {
            return Err(refuse(format!(
                "--gpus {g}: GPUs need the NVIDIA container toolkit's hook, which cove does not run; pass the device nodes with --device"
            )));
        }
        if let Some(o) = self.storage_opts.first() {
            return Err(refuse(format!(
                "--storage-opt {o}: per-container storage options (size quotas) are not supported by cove's drivers"
            )));
        }
        if let Some(d) = self.volume_driver.as_deref().filter(|d| *d != "local") {
            return Err(refuse(format!(
                "--volume-driver {d}: only the local driver exists"
            )));
        }
        if self.use_api_socket {
            return Err(refuse(
                "--use-api-socket: cove has no daemon socket to give the container (`cove system service` serves the API on a socket you choose; bind it with -v)",
            ));
        }
        if let Some(p) = &self.personality {
            personality(p)?;
        }
        if let Some(n) = self.oom_score_adj {
            if !(-1000..=1000).contains(&n) {
                return Err(refuse(format!(
                    "invalid --oom-score-adj {n}: must be between -1000 and 1000"
                )));
            }
        }
        if let Some(d) = &self.domainname {
            if d.len() > 64 {
                return Err(refuse(format!("invalid --domainname {d:?}: too long")));
            }
        }
        for e in &self.env_merge {
            if !e.contains('=') {
                return Err(refuse(format!("invalid --env-merge {e:?}: use KEY=VALUE")));
            }
        }
        Ok(())
    }

    /// The stored config with these options over it (after the image and request).
    pub fn apply(&self, config: &mut ContainerConfig) {
        config.timeout = self.timeout.filter(|t| *t > 0);
        config.rmi = self.rmi;
        config.auto_remove |= self.rmi;
        config.conmon_pidfile = self.conmon_pidfile.clone();
        config.oom_score_adj = self.oom_score_adj;
        config.personality = self.personality.clone();
        if !self.no_passwd {
            config.passwd_entry = self.passwd_entry.clone();
            config.passwd_lines = self.hostuser_lines.clone();
        }
        // Through the spec's domainname: a kernel.domainname sysctl write is refused in a
        // rootless runtime's /proc/sys.
        config.domainname = self.domainname.clone();
        config.init_ctr = self.init_ctr;
        for e in &self.env_merge {
            merge(&mut config.env, e);
        }
        if let Some(i) = self.health_start_interval {
            if let Some(h) = &mut config.health {
                h.start_interval = u64::try_from(i.as_nanos()).unwrap_or(u64::MAX);
            }
        }
        self.image_volumes(config);
    }

    /// `--image-volume tmpfs|ignore` on the image's VOLUMEs (anonymous volumes with no
    /// source, as `create::build_config` made them; the request's own are named or bound).
    fn image_volumes(&self, config: &mut ContainerConfig) {
        let image_made = |m: &MountSpec| m.kind == MountKind::Volume && m.source.is_empty();
        match self.image_volume {
            ImageVolume::Bind => {}
            ImageVolume::Ignore => config.mounts.retain(|m| !image_made(m)),
            ImageVolume::Tmpfs => {
                for m in config.mounts.iter_mut().filter(|m| image_made(m)) {
                    m.kind = MountKind::Tmpfs;
                    m.source = "tmpfs".into();
                    m.options = ["rw", "nosuid", "nodev"].map(String::from).to_vec();
                }
            }
        }
    }
}

/// `--env-merge KEY=VALUE`: `${KEY}` (and `$KEY`) in VALUE stand for the value the
/// variable has so far (empty when unset), as Podman expands them.
pub fn merge(env: &mut Vec<String>, entry: &str) {
    let Some((key, value)) = entry.split_once('=') else {
        return;
    };
    let current = env
        .iter()
        .find_map(|e| e.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
        .unwrap_or_default()
        .to_string();
    let merged = value
        .replace(&format!("${{{key}}}"), &current)
        .replace(&format!("${key}"), &current);
    env.retain(|e| e.split('=').next() != Some(key));
    env.push(format!("{key}={merged}"));
}

/// `--personality`: the execution domain's number for personality(2).
pub fn personality(name: &str) -> Result<u64, CreateError> {
    match name {
        "LINUX" => Ok(0),
        "LINUX32" => Ok(0x0008),
        other => Err(refuse(format!(
            "invalid --personality {other:?}: use LINUX or LINUX32"
        ))),
    }
}

/// `--hostuser NAME|UID`: the host's /etc/passwd line for it.
pub fn hostuser_line(passwd: &str, user: &str) -> Result<String, CreateError> {
    passwd
        .lines()
        .find(|l| {
            let mut f = l.split(':');
            let name = f.next();
            let uid = f.nth(1);
            name == Some(user) || uid == Some(user)
        })
        .map(str::to_string)
        .ok_or_else(|| {
            refuse(format!(
                "--hostuser {user}: no such user in the host's /etc/passwd"
            ))
        })
}

/// `--passwd-entry`'s template with $USERNAME, $UID, $GID, $NAME and $HOME filled in.
pub fn passwd_line(template: &str, uid: u32, gid: u32, username: &str, home: &str) -> String {
    template
        .replace("$USERNAME", username)
        .replace("$UID", &uid.to_string())
        .replace("$GID", &gid.to_string())
        .replace("$NAME", username)
        .replace("$HOME", home)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_merge_expands_the_current_value() {
        let mut env = vec!["PATH=/usr/bin:/bin".to_string(), "A=1".to_string()];
        merge(&mut env, "PATH=/x:${PATH}");
        merge(&mut env, "NEW=$NEW-b");
        assert!(env.contains(&"PATH=/x:/usr/bin:/bin".to_string()));
        assert!(env.contains(&"NEW=-b".to_string()));
        assert!(env.contains(&"A=1".to_string()));
    }

    #[test]
    fn passwd_template() {
        assert_eq!(
            passwd_line(
                "$USERNAME:x:$UID:$GID:$NAME:$HOME:/bin/sh",
                1000,
                1000,
                "u",
                "/"
            ),
            "u:x:1000:1000:u:/:/bin/sh"
        );
    }

    #[test]
    fn hostuser_by_name_or_uid() {
        let p = "root:x:0:0:root:/root:/bin/bash\nbob:x:1001:1001::/home/bob:/bin/sh\n";
        assert!(hostuser_line(p, "bob").unwrap().starts_with("bob:"));
        assert!(hostuser_line(p, "0").unwrap().starts_with("root:"));
        assert!(hostuser_line(p, "eve").is_err());
    }

    #[test]
    fn refusals_are_one_line() {
        let o = MoreOptions {
            gpus: Some("all".into()),
            ..MoreOptions::default()
        };
        let e = o.check(false).unwrap_err().to_string();
        assert!(e.starts_with("--gpus all:"), "{e}");
        let o = MoreOptions {
            cgroup_parent: Some("x".into()),
            ..MoreOptions::default()
        };
        assert!(o
            .check(false)
            .unwrap_err()
            .to_string()
            .contains("delegated"));
    }
}
