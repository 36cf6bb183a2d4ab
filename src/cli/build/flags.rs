//! `podman build`'s flags beyond the Dockerfile's own: what every RUN gets, how base
//! images are pulled, and the ones kept for compatibility.

use std::path::PathBuf;

use clap::Args;

use crate::build::options::RunFlags;

fn bool_flag() -> clap::ArgAction {
    clap::ArgAction::Set
}

/// Options of every RUN step, as `cove run` has them.
#[derive(Args, Debug, Default)]
pub struct RunArgs {
    /// Network of RUN steps: slirp4netns (default), pasta, none, host, private, or a network's name
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Option<String>,
    /// Add a host-to-IP mapping to RUN steps' /etc/hosts (HOST:IP)
    #[arg(long, value_name = "HOST:IP")]
    pub add_host: Vec<String>,
    /// DNS server of RUN steps
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// DNS resolver option of RUN steps
    #[arg(long, value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// DNS search domain of RUN steps
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// Do not create /etc/hosts for RUN steps
    #[arg(long)]
    pub no_hosts: bool,
    /// Add a capability to RUN steps
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// Drop a capability from RUN steps
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// Bind mount into every RUN step (HOST-DIR:CONTAINER-DIR[:OPTIONS]); not in the image
    #[arg(short, long, value_name = "SRC:DST[:OPTS]")]
    pub volume: Vec<String>,
    /// Bind a host device into RUN steps (HOST[:CONTAINER][:PERMISSIONS])
    #[arg(long, value_name = "DEVICE")]
    pub device: Vec<String>,
    /// Resource limit of RUN steps (TYPE=SOFT[:HARD])
    #[arg(long, value_name = "TYPE=SOFT[:HARD]")]
    pub ulimit: Vec<String>,
    /// Security options of RUN steps: no-new-privileges, seccomp=unconfined|PROFILE
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// Size of /dev/shm in RUN steps (e.g. 64m)
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,
    /// Add an annotation to RUN steps' runtime spec (KEY=VALUE)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Pass the caller's proxy variables (http_proxy, ...) to RUN steps
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = bool_flag())]
    pub http_proxy: bool,
    /// IPC namespace of RUN steps: private, host, container:NAME|ID, ns:PATH
    #[arg(long, value_name = "MODE")]
    pub ipc: Option<String>,
    /// PID namespace of RUN steps: private, host, container:NAME|ID, ns:PATH
    #[arg(long, value_name = "MODE")]
    pub pid: Option<String>,
    /// UTS namespace of RUN steps: private, host, container:NAME|ID, ns:PATH
    #[arg(long, value_name = "MODE")]
    pub uts: Option<String>,
    /// cgroup namespace of RUN steps: private, host
    #[arg(long, value_name = "MODE")]
    pub cgroupns: Option<String>,
    /// User namespace of RUN steps: host (the default, cove's rootless namespace) only
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// UID map of RUN steps' user namespace (not supported)
    #[arg(long, value_name = "MAP")]
    pub userns_uid_map: Option<String>,
    /// GID map of RUN steps' user namespace (not supported)
    #[arg(long, value_name = "MAP")]
    pub userns_gid_map: Option<String>,
    /// UID map from /etc/subuid of a user (not supported)
    #[arg(long, value_name = "USER")]
    pub userns_uid_map_user: Option<String>,
    /// GID map from /etc/subgid of a group (not supported)
    #[arg(long, value_name = "GROUP")]
    pub userns_gid_map_group: Option<String>,
    /// Memory limit of RUN steps (needs a delegated cgroup)
    #[arg(short, long, value_name = "BYTES")]
    pub memory: Option<String>,
    /// Memory plus swap limit of RUN steps, -1 for unlimited (needs a delegated cgroup)
    #[arg(long, value_name = "BYTES", allow_hyphen_values = true)]
    pub memory_swap: Option<String>,
    /// CPU CFS period of RUN steps in microseconds (needs a delegated cgroup)
    #[arg(long, value_name = "US")]
    pub cpu_period: Option<u64>,
    /// CPU CFS quota of RUN steps in microseconds (needs a delegated cgroup)
    #[arg(long, value_name = "US", allow_hyphen_values = true)]
    pub cpu_quota: Option<i64>,
    /// CPU shares of RUN steps (needs a delegated cgroup)
    #[arg(short = 'c', long, value_name = "SHARES")]
    pub cpu_shares: Option<u64>,
    /// CPUs RUN steps may use, e.g. 0-3 (needs a delegated cgroup)
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,
    /// Memory nodes RUN steps may use (needs a delegated cgroup)
    #[arg(long, value_name = "NODES")]
    pub cpuset_mems: Option<String>,
    /// Parent cgroup of RUN steps (needs a delegated cgroup)
    #[arg(long, value_name = "PATH")]
    pub cgroup_parent: Option<String>,
}

impl RunArgs {
    pub fn flags(&self) -> RunFlags {
        let maps = [
            (self.userns_uid_map.is_some(), "userns-uid-map"),
            (self.userns_gid_map.is_some(), "userns-gid-map"),
            (self.userns_uid_map_user.is_some(), "userns-uid-map-user"),
            (self.userns_gid_map_group.is_some(), "userns-gid-map-group"),
        ];
        RunFlags {
            network: self.network.clone(),
            add_hosts: self.add_host.clone(),
            dns: self.dns.clone(),
            dns_options: self.dns_option.clone(),
            dns_search: self.dns_search.clone(),
            no_hosts: self.no_hosts,
            cap_add: self.cap_add.clone(),
            cap_drop: self.cap_drop.clone(),
            volumes: self.volume.clone(),
            devices: self.device.clone(),
            ulimits: self.ulimit.clone(),
            security_opts: self.security_opt.clone(),
            shm_size: self.shm_size.clone(),
            annotations: self.annotation.clone(),
            http_proxy: Some(self.http_proxy),
            ipc: self.ipc.clone(),
            pid: self.pid.clone(),
            uts: self.uts.clone(),
            cgroupns: self.cgroupns.clone(),
            userns: self.userns.clone(),
            userns_maps: maps.iter().filter(|(s, _)| *s).map(|(_, f)| *f).collect(),
            memory: self.memory.clone(),
            memory_swap: self.memory_swap.clone(),
            cpu_period: self.cpu_period,
            cpu_quota: self.cpu_quota,
            cpu_shares: self.cpu_shares,
            cpuset_cpus: self.cpuset_cpus.clone(),
            cpuset_mems: self.cpuset_mems.clone(),
            cgroup_parent: self.cgroup_parent.clone(),
        }
    }
}

/// How FROM and `COPY --from` images are pulled.
#[derive(Args, Debug, Default)]
pub struct PullArgs {
    /// Require HTTPS and verify certificates when pulling (default: registries.conf)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Credentials (USERNAME:PASSWORD) for pulling base images
    #[arg(long, value_name = "USER:PASS")]
    pub creds: Option<String>,
    /// Path of the authentication file for pulling base images
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
    /// Directory of registry certificates (not supported: cove uses the system's trust store)
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Times to retry a failed pull (accepted; cove's pull does not retry)
    #[arg(long, value_name = "N")]
    pub retry: Option<u32>,
    /// Delay between pull retries (accepted with --retry)
    #[arg(long, value_name = "DURATION")]
    pub retry_delay: Option<String>,
}

/// Flags kept for compatibility: each no-op, local-only, or refused with why.
#[derive(Args, Debug, Default)]
pub struct OtherArgs {
    /// Replace the first stage's base image
    #[arg(long, value_name = "IMAGE")]
    pub from: Option<String>,
    /// A named context for COPY --from=NAME and FROM NAME: NAME=DIR or NAME=docker-image://IMAGE
    #[arg(long, value_name = "NAME=VALUE")]
    pub build_context: Vec<String>,
    /// Also write the image's filesystem out: DIR, type=local,dest=DIR or type=tar,dest=FILE
    #[arg(short, long, value_name = "SPEC")]
    pub output: Option<String>,
    /// Set an environment variable in the image, KEY=VALUE (KEY alone takes the caller's)
    #[arg(long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Remove an environment variable from the image
    #[arg(long, value_name = "KEY")]
    pub unsetenv: Vec<String>,
    /// The ignore file to use instead of .containerignore/.dockerignore
    #[arg(long, value_name = "FILE")]
    pub ignorefile: Option<PathBuf>,
    /// Leave no history in the image
    #[arg(long)]
    pub omit_history: bool,
    /// Build only the stages the target needs
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = bool_flag())]
    pub skip_unused_stages: bool,
    /// Operating system of the image: this machine's only
    #[arg(long)]
    pub os: Option<String>,
    /// Architecture of the image: this machine's only
    #[arg(long)]
    pub arch: Option<String>,
    /// Architecture variant of the image
    #[arg(long)]
    pub variant: Option<String>,
    /// An OS feature the image needs (recorded in its config)
    #[arg(long, value_name = "FEATURE")]
    pub os_feature: Vec<String>,
    /// The OS version the image needs (recorded in its config)
    #[arg(long, value_name = "VERSION")]
    pub os_version: Option<String>,
    /// Write the build's output to this file instead of stdout
    #[arg(long, value_name = "FILE")]
    pub logfile: Option<PathBuf>,
    /// One log file per platform (one platform here: no effect)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = bool_flag())]
    pub logsplit: Option<bool>,
    /// Stages to build at once (stages are built one after the other)
    #[arg(long, value_name = "N")]
    pub jobs: Option<u32>,
    /// Give RUN steps the build's stdin (accepted; RUN steps get no stdin)
    #[arg(long)]
    pub stdin: bool,
    /// Remove intermediate containers (cove never leaves any)
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = bool_flag())]
    pub rm: bool,
    /// Remove intermediate containers even after a failure (cove always does)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = bool_flag())]
    pub force_rm: Option<bool>,
    /// Add the builder's identity label (cove adds none)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = bool_flag())]
    pub identity_label: Option<bool>,
    /// Compress the context (no effect: the context is read in place)
    #[arg(long)]
    pub compress: bool,
    /// Do not compress layers (no effect: local layers are never compressed)
    #[arg(short = 'D', long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = bool_flag())]
    pub disable_compression: Option<bool>,
    /// Skip image verification (no effect, as in Podman)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = bool_flag())]
    pub disable_content_trust: Option<bool>,
    /// How RUN steps are isolated: oci (default), chroot, rootless (all run as cove run does)
    #[arg(long, value_name = "TYPE")]
    pub isolation: Option<String>,
    /// Images to use as cache (accepted: cove's layer cache is local)
    #[arg(long, value_name = "IMAGE")]
    pub cache_from: Vec<String>,
    /// Where to push the cache (accepted: cove's layer cache is local)
    #[arg(long, value_name = "IMAGE")]
    pub cache_to: Vec<String>,
    /// Ignore cached layers older than this (accepted: cove's layer cache is local)
    #[arg(long, value_name = "DURATION")]
    pub cache_ttl: Option<String>,
    /// Add the image to a manifest list (not supported)
    #[arg(long, value_name = "NAME")]
    pub manifest: Option<String>,
    /// Build for every platform of the base image (not supported: local platform only)
    #[arg(long)]
    pub all_platforms: bool,
    /// OCI hooks directory (not supported)
    #[arg(long, value_name = "DIR")]
    pub hooks_dir: Vec<String>,
    /// Option for the OCI runtime (not supported)
    #[arg(long, value_name = "FLAG")]
    pub runtime_flag: Vec<String>,
    /// Preprocessor flag for Containerfile.in (not supported)
    #[arg(long, value_name = "FLAG")]
    pub cpp_flag: Vec<String>,
    /// Sign the image with this GPG key (not supported)
    #[arg(long, value_name = "FINGERPRINT")]
    pub sign_by: Option<String>,
    /// Key to decrypt encrypted base images (not supported)
    #[arg(long, value_name = "KEY")]
    pub decryption_key: Vec<String>,
    /// SSH agent socket or keys for RUN --mount=type=ssh (not supported)
    #[arg(long, value_name = "ID[=PATH]")]
    pub ssh: Vec<String>,
}

impl OtherArgs {
    /// The flags given that cove refuses, by name.
    pub fn refused(&self, pull: &PullArgs) -> Vec<&'static str> {
        [
            (self.manifest.is_some(), "manifest"),
            (self.all_platforms, "all-platforms"),
            (!self.hooks_dir.is_empty(), "hooks-dir"),
            (!self.runtime_flag.is_empty(), "runtime-flag"),
            (!self.cpp_flag.is_empty(), "cpp-flag"),
            (self.sign_by.is_some(), "sign-by"),
            (!self.decryption_key.is_empty(), "decryption-key"),
            (!self.ssh.is_empty(), "ssh"),
            (pull.cert_dir.is_some(), "cert-dir"),
        ]
        .iter()
        .filter(|(s, _)| *s)
        .map(|(_, f)| *f)
        .collect()
    }
}
