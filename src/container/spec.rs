//! The OCI runtime spec (config.json) for a container: the image config merged with the
//! flags, and Podman's defaults (capabilities, no_new_privs, seccomp, masked paths).
//! Pure: everything it needs is passed in, so it is unit-tested without privileges.

use std::path::{Path, PathBuf};

use oci_spec::runtime::{
    Capability, LinuxCapabilities, LinuxNamespace, LinuxNamespaceType, Mount, PosixRlimitBuilder,
    PosixRlimitType, Spec, User,
};

use super::namespaces::Placement;
use super::record::{ContainerConfig, MountKind};
use super::seccomp::{Host, Profile};

#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    #[error("unknown capability \"{0}\"")]
    UnknownCapability(String),
    #[error("unknown ulimit \"{0}\"")]
    Ulimit(String),
    #[error(transparent)]
    Seccomp(#[from] super::seccomp::SeccompError),
    #[error("building the runtime spec: {0}")]
    Oci(#[from] oci_spec::OciSpecError),
}

/// Podman's default capability set (containers.conf `default_capabilities`).
pub const DEFAULT_CAPS: &[&str] = &[
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

/// Whether the user may create cgroups for resource limits: a cgroup v2 hierarchy whose
/// current cgroup is writable by us. cgroup v1 is never delegated to unprivileged users.
pub fn cgroups_delegated() -> bool {
    let Ok(own) = std::fs::read_to_string("/proc/self/cgroup") else {
        return false;
    };
    // cgroup v2 only: a single "0::/path" line.
    let Some(path) = own.lines().find_map(|l| l.strip_prefix("0::")) else {
        return false;
    };
    if own.lines().count() != 1 {
        return false;
    }
    let dir = Path::new("/sys/fs/cgroup").join(path.trim_start_matches('/'));
    nix::unistd::access(&dir.join("cgroup.procs"), nix::unistd::AccessFlags::W_OK).is_ok()
}

/// The network namespace the runtime puts the container in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetNamespace {
    /// A new one, made by the runtime (loopback only).
    New,
    /// The caller's.
    Host,
    /// An existing one, joined by path.
    Join(PathBuf),
}

/// The numeric identity the process runs as.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResolvedUser {
    pub uid: u32,
    pub gid: u32,
    pub additional_gids: Vec<u32>,
}

/// Files cove writes per container and bind-mounts over the image's.
#[derive(Debug, Clone)]
pub struct EtcFiles {
    /// None with `--no-hosts`: the image's own file stays.
    pub hosts: Option<PathBuf>,
    pub resolv_conf: PathBuf,
    pub hostname: PathBuf,
}

/// `--userns=keep-id`: the user's own uid and gid inside, in a user namespace of its own
/// carved out of the `size` ids the current namespace has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeepId {
    pub uid: u32,
    pub gid: u32,
    pub size: u32,
}

pub struct SpecInput<'a> {
    pub config: &'a ContainerConfig,
    pub rootfs: &'a Path,
    pub network: NetNamespace,
    pub user: ResolvedUser,
    pub etc: Option<&'a EtcFiles>,
    pub rootless: bool,
    pub keep_id: Option<KeepId>,
    /// A user namespace of its own with these maps (nomap, auto, `--uidmap`...).
    pub id_mappings: Option<&'a super::idmap::IdMappings>,
    /// A profile loaded from `--security-opt seccomp=FILE` (else the default applies).
    pub seccomp: Option<&'a Profile>,
    /// What the profile's includes/excludes are checked against.
    pub host: &'a Host,
    /// `--init`: the init binary to bind-mount and run as PID 1.
    pub init: Option<&'a Path>,
    /// The open-files limit to give when `--ulimit nofile` is absent; None inherits ours.
    pub default_nofile: Option<u64>,
    /// The IPC, UTS, PID and cgroup namespaces (`--ipc`, `--uts`, `--pid`, `--cgroupns`).
    pub namespaces: &'a super::namespaces::Resolved,
}

/// Podman's open-files limit for rootful containers.
const NOFILE_PODMAN: u64 = 1_048_576;

/// The default open-files limit: Podman's when we may raise limits (root with
/// CAP_SYS_RESOURCE), else nothing, so the container inherits our own hard limit
/// (rootless, or root in a sandbox that took CAP_SYS_RESOURCE away).
pub fn default_nofile(rootless: bool, may_raise_limits: bool) -> Option<u64> {
    (!rootless && may_raise_limits).then_some(NOFILE_PODMAN)
}

/// Where `--init`'s binary appears inside the container.
pub const INIT_PATH: &str = "/run/cove-init";

/// Mappings inside the current namespace for keep-id: the user's id (0 out here) becomes
/// `id` inside, the ids below it shift up by one, the rest stay.
pub fn keep_id_mappings(id: u32, size: u32) -> Vec<(u32, u32, u32)> {
    let mut v = Vec::new();
    if id > 0 {
        v.push((0, 1, id.min(size.saturating_sub(1))));
    }
    v.push((id, 0, 1));
    if size > id + 1 {
        v.push((id + 1, id + 1, size - id - 1));
    }
    v
}

fn id_mappings(
    list: &[(u32, u32, u32)],
) -> Result<Vec<oci_spec::runtime::LinuxIdMapping>, SpecError> {
    list.iter()
        .map(|(c, h, n)| {
            Ok(oci_spec::runtime::LinuxIdMappingBuilder::default()
                .container_id(*c)
                .host_id(*h)
                .size(*n)
                .build()?)
        })
        .collect()
}

/// `--ulimit nofile=1024:2048` as the spec names it.
pub fn rlimit_type(name: &str) -> Option<PosixRlimitType> {
    let upper = name.to_ascii_uppercase();
    let bare = upper.strip_prefix("RLIMIT_").unwrap_or(&upper);
    serde_json::from_value(serde_json::Value::String(format!("RLIMIT_{bare}"))).ok()
}

fn capability(name: &str) -> Result<Capability, SpecError> {
    let clean = name.trim().to_ascii_uppercase();
    let clean = clean.strip_prefix("CAP_").unwrap_or(&clean);
    serde_json::from_value(serde_json::Value::String(clean.to_string()))
        .map_err(|_| SpecError::UnknownCapability(name.to_string()))
}

/// Default set, then --cap-drop, then --cap-add (Docker's order: `--cap-drop ALL
/// --cap-add X` leaves only X).
pub fn capability_set(config: &ContainerConfig) -> Result<Vec<Capability>, SpecError> {
    let all = |s: &String| s.eq_ignore_ascii_case("all");
    let mut caps: Vec<Capability> = if config.privileged || config.cap_add.iter().any(all) {
        all_capabilities()
    } else {
        DEFAULT_CAPS
            .iter()
            .map(|c| capability(c))
            .collect::<Result<_, _>>()?
    };
    if config.cap_drop.iter().any(all) {
        caps.clear();
    }
    for d in config.cap_drop.iter().filter(|s| !all(s)) {
        let d = capability(d)?;
        caps.retain(|c| *c != d);
    }
    for a in config.cap_add.iter().filter(|s| !all(s)) {
        let a = capability(a)?;
        if !caps.contains(&a) {
            caps.push(a);
        }
    }
    caps.sort_by_key(|c| c.to_string());
    Ok(caps)
}

/// Every capability of Linux 5.9+ (`--privileged`, `--cap-add ALL`), indexed by the
/// kernel's capability number.
pub(super) const ALL_CAPS: &[&str] = &[
    "CHOWN",
    "DAC_OVERRIDE",
    "DAC_READ_SEARCH",
    "FOWNER",
    "FSETID",
    "KILL",
    "SETGID",
    "SETUID",
    "SETPCAP",
    "LINUX_IMMUTABLE",
    "NET_BIND_SERVICE",
    "NET_BROADCAST",
    "NET_ADMIN",
    "NET_RAW",
    "IPC_LOCK",
    "IPC_OWNER",
    "SYS_MODULE",
    "SYS_RAWIO",
    "SYS_CHROOT",
    "SYS_PTRACE",
    "SYS_PACCT",
    "SYS_ADMIN",
    "SYS_BOOT",
    "SYS_NICE",
    "SYS_RESOURCE",
    "SYS_TIME",
    "SYS_TTY_CONFIG",
    "MKNOD",
    "LEASE",
    "AUDIT_WRITE",
    "AUDIT_CONTROL",
    "SETFCAP",
    "MAC_OVERRIDE",
    "MAC_ADMIN",
    "SYSLOG",
    "WAKE_ALARM",
    "BLOCK_SUSPEND",
    "AUDIT_READ",
    "PERFMON",
    "BPF",
    "CHECKPOINT_RESTORE",
];

pub fn all_capabilities() -> Vec<Capability> {
    // Names this version of oci-spec does not know are skipped rather than fatal.
    ALL_CAPS.iter().filter_map(|c| capability(c).ok()).collect()
}

pub(super) fn mount(dest: &str, typ: &str, source: &str, options: &[&str]) -> Mount {
    let mut m = Mount::default();
    m.set_destination(PathBuf::from(dest))
        .set_typ(Some(typ.to_string()))
        .set_source(Some(PathBuf::from(source)))
        .set_options(Some(options.iter().map(|s| s.to_string()).collect()));
    m
}

fn bind(source: &Path, dest: &str, read_only: bool) -> Mount {
    let mode = if read_only { "ro" } else { "rw" };
    mount(
        dest,
        "bind",
        &source.display().to_string(),
        &["rbind", mode, "nosuid", "nodev"],
    )
}

/// `foreign_network`: the container's network namespace is not owned by its user
/// namespace (the host's, when rootless; or one cove made, under --userns=keep-id).
fn base_mounts(foreign_network: bool, rootless: bool, privileged: bool) -> Vec<Mount> {
    let mut v = vec![
        mount("/proc", "proc", "proc", &["nosuid", "noexec", "nodev"]),
        mount(
            "/dev",
            "tmpfs",
            "tmpfs",
            &["nosuid", "strictatime", "mode=755", "size=65536k"],
        ),
        mount(
            "/dev/pts",
            "devpts",
            "devpts",
            &[
                "nosuid",
                "noexec",
                "newinstance",
                "ptmxmode=0666",
                "mode=0620",
                "gid=5",
            ],
        ),
        mount(
            "/dev/shm",
            "tmpfs",
            "shm",
            &["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"],
        ),
        mount(
            "/dev/mqueue",
            "mqueue",
            "mqueue",
            &["nosuid", "noexec", "nodev"],
        ),
    ];
    let ro = if privileged { "rw" } else { "ro" };
    // sysfs can only be mounted by the owner of the network namespace: otherwise it has
    // to be a bind mount of the host's /sys (as Podman does).
    if foreign_network {
        v.push(mount(
            "/sys",
            "bind",
            "/sys",
            &["rbind", "nosuid", "noexec", "nodev", ro],
        ));
    } else {
        v.push(mount(
            "/sys",
            "sysfs",
            "sysfs",
            &["nosuid", "noexec", "nodev", ro],
        ));
    }
    // A cgroup v1 hierarchy cannot be mounted from a user namespace; rootful gets the
    // usual read-only view.
    if !rootless {
        v.push(mount(
            "/sys/fs/cgroup",
            "cgroup",
            "cgroup",
            &["nosuid", "noexec", "nodev", "relatime", "ro"],
        ));
    }
    v
}

/// The complete spec for one container start.
pub fn build(input: &SpecInput<'_>) -> Result<Spec, SpecError> {
    let c = input.config;
    let mut spec = Spec::default();

    let caps = capability_set(c)?;
    let capset: oci_spec::runtime::Capabilities = caps.iter().cloned().collect();
    let mut lc = LinuxCapabilities::default();
    lc.set_bounding(Some(capset.clone()))
        .set_effective(Some(capset.clone()))
        .set_permitted(Some(capset.clone()))
        // Like Docker: a non-root user keeps no capabilities across exec.
        .set_inheritable(None)
        .set_ambient(None);

    let mut user = User::default();
    user.set_uid(input.user.uid)
        .set_gid(input.user.gid)
        .set_umask(c.umask);
    if !input.user.additional_gids.is_empty() {
        user.set_additional_gids(Some(input.user.additional_gids.clone()));
    }

    let mut rlimits = Vec::new();
    if let Some(n) = input.default_nofile {
        if !c.ulimits.iter().any(|u| u.kind == "RLIMIT_NOFILE") {
            rlimits.push(
                PosixRlimitBuilder::default()
                    .typ(PosixRlimitType::RlimitNofile)
                    .hard(n)
                    .soft(n)
                    .build()?,
            );
        }
    }
    for u in &c.ulimits {
        let typ = rlimit_type(&u.kind).ok_or_else(|| SpecError::Ulimit(u.kind.clone()))?;
        rlimits.push(
            PosixRlimitBuilder::default()
                .typ(typ)
                .soft(u.soft)
                .hard(u.hard)
                .build()?,
        );
    }

    let mut process = spec.process().clone().unwrap_or_default();
    process
        .set_terminal(Some(c.tty))
        .set_args(Some(c.args.clone()))
        .set_env(Some(c.env.clone()))
        .set_cwd(PathBuf::from(if c.working_dir.is_empty() {
            "/"
        } else {
            &c.working_dir
        }))
        .set_user(user)
        .set_capabilities(Some(lc))
        .set_no_new_privileges(Some(c.no_new_privileges || !c.privileged))
        .set_rlimits((!rlimits.is_empty()).then_some(rlimits))
        .set_oom_score_adj(c.oom_score_adj);
    if input.init.is_some() {
        let mut args = vec![INIT_PATH.to_string(), "--".to_string()];
        args.extend(c.args.iter().cloned());
        process.set_args(Some(args));
    }
    spec.set_process(Some(process));

    let mut root = spec.root().clone().unwrap_or_default();
    root.set_path(input.rootfs.to_path_buf())
        .set_readonly(Some(c.read_only));
    spec.set_root(Some(root));
    // Only a UTS namespace of its own gets a hostname (runc refuses one otherwise, and a
    // joined one is its owner's).
    // (oci-spec's default spec has one of its own.)
    spec.set_hostname((input.namespaces.uts == Placement::New).then(|| c.hostname.clone()));
    spec.set_domainname(
        c.domainname
            .clone()
            .filter(|_| input.namespaces.uts == Placement::New),
    );
    if !c.annotations.is_empty() {
        spec.set_annotations(Some(c.annotations.clone().into_iter().collect()));
    }

    let foreign_network = match &input.network {
        NetNamespace::Host => input.rootless,
        NetNamespace::Join(_) => {
            input.keep_id.is_some()
                || input.id_mappings.is_some()
                || input.namespaces.user.is_some()
        }
        NetNamespace::New => false,
    };
    let mut mounts = base_mounts(foreign_network, input.rootless, c.privileged);
    super::namespaces::adjust_mounts(&mut mounts, input.namespaces, input.rootless);
    if let Some(size) = c.shm_size {
        // A /dev/shm bound from its pod's infra container has that one's size.
        if let Some(shm) = mounts.iter_mut().find(|m| {
            m.destination() == Path::new("/dev/shm") && m.typ().as_deref() == Some("tmpfs")
        }) {
            let opts = ["nosuid", "noexec", "nodev", "mode=1777"]
                .iter()
                .map(|s| s.to_string())
                .chain([format!("size={size}")])
                .collect();
            shm.set_options(Some(opts));
        }
    }
    if let Some(init) = input.init {
        mounts.push(mount(
            INIT_PATH,
            "bind",
            &init.display().to_string(),
            &["bind", "ro", "nosuid", "nodev"],
        ));
    }
    if let Some(etc) = input.etc {
        if let Some(hosts) = &etc.hosts {
            mounts.push(bind(hosts, "/etc/hosts", false));
        }
        mounts.push(bind(&etc.resolv_conf, "/etc/resolv.conf", false));
        mounts.push(bind(&etc.hostname, "/etc/hostname", false));
    }
    for m in &c.mounts {
        let opts: Vec<&str> = m.options.iter().map(String::as_str).collect();
        mounts.push(match m.kind {
            MountKind::Tmpfs => mount(&m.destination, "tmpfs", "tmpfs", &opts),
            _ => mount(&m.destination, "bind", &m.source, &opts),
        });
    }
    spec.set_mounts(Some(mounts));

    let mut linux = spec.linux().clone().unwrap_or_default();
    let mut namespaces = super::namespaces::spec_namespaces(input.namespaces);
    let mut ns = LinuxNamespace::default();
    ns.set_typ(LinuxNamespaceType::Mount);
    namespaces.push(ns);
    if input.network != NetNamespace::Host {
        let mut ns = LinuxNamespace::default();
        ns.set_typ(LinuxNamespaceType::Network);
        if let NetNamespace::Join(path) = &input.network {
            ns.set_path(Some(path.clone()));
        }
        namespaces.push(ns);
    }
    if let Some(path) = &input.namespaces.user {
        // Its pod's infra container's: the ids are mapped there already.
        let mut ns = LinuxNamespace::default();
        ns.set_typ(LinuxNamespaceType::User);
        ns.set_path(Some(path.clone()));
        namespaces.push(ns);
    } else if let Some(k) = input.keep_id {
        let mut ns = LinuxNamespace::default();
        ns.set_typ(LinuxNamespaceType::User);
        namespaces.push(ns);
        linux
            .set_uid_mappings(Some(id_mappings(&keep_id_mappings(k.uid, k.size))?))
            .set_gid_mappings(Some(id_mappings(&keep_id_mappings(k.gid, k.size))?));
    } else if let Some(m) = input.id_mappings {
        let mut ns = LinuxNamespace::default();
        ns.set_typ(LinuxNamespaceType::User);
        namespaces.push(ns);
        let triples = |l: &[super::idmap::IdMap]| {
            l.iter()
                .map(|m| (m.container, m.host, m.size))
                .collect::<Vec<_>>()
        };
        linux
            .set_uid_mappings(Some(id_mappings(&triples(&m.uid))?))
            .set_gid_mappings(Some(id_mappings(&triples(&m.gid))?));
    }
    if !c.sysctls.is_empty() {
        linux.set_sysctl(Some(c.sysctls.clone().into_iter().collect()));
    }
    linux
        .set_namespaces(Some(namespaces))
        // No limits asked for: the runtime must not touch cgroups (they are not
        // delegated to the user on many machines).
        .set_resources(None)
        .set_cgroups_path(None);
    if c.privileged {
        linux.set_masked_paths(None).set_readonly_paths(None);
    } else {
        let mut masked = oci_spec::runtime::get_default_maskedpaths();
        masked.extend(["/proc/scsi".into(), "/sys/dev/block".into()]);
        masked.dedup();
        linux.set_masked_paths(Some(masked));
        linux.set_readonly_paths(Some(oci_spec::runtime::get_default_readonly_paths()));
    }
    linux.set_seccomp(super::seccomp::for_container(
        c,
        input.seccomp,
        &caps,
        input.host,
    )?);
    if let Some(p) = &c.personality {
        let mut personality = oci_spec::runtime::LinuxPersonality::default();
        personality.set_domain(if p == "LINUX32" {
            oci_spec::runtime::LinuxPersonalityDomain::PerLinux32
        } else {
            oci_spec::runtime::LinuxPersonalityDomain::PerLinux
        });
        linux.set_personality(Some(personality));
    }
    spec.set_linux(Some(linux));
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> ContainerConfig {
        ContainerConfig {
            args: vec!["sh".into()],
            env: vec!["PATH=/bin".into()],
            hostname: "abc".into(),
            ..ContainerConfig::default()
        }
    }

    fn names(caps: &[Capability]) -> Vec<String> {
        caps.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn default_caps_are_podmans() {
        let caps = capability_set(&config()).unwrap();
        assert_eq!(caps.len(), DEFAULT_CAPS.len());
        assert!(names(&caps).iter().any(|c| c.contains("CHOWN")));
    }

    #[test]
    fn cap_drop_all_then_add() {
        let mut c = config();
        c.cap_drop = vec!["ALL".into()];
        c.cap_add = vec!["cap_net_admin".into()];
        let caps = capability_set(&c).unwrap();
        assert_eq!(caps, vec![capability("NET_ADMIN").unwrap()]);
        c.cap_add = vec!["NOT_A_CAP".into()];
        assert!(matches!(
            capability_set(&c),
            Err(SpecError::UnknownCapability(_))
        ));
    }

    #[test]
    fn spec_carries_the_process_and_defaults() {
        let c = config();
        let spec = build(&SpecInput {
            config: &c,
            rootfs: Path::new("/r"),
            network: NetNamespace::New,
            user: ResolvedUser {
                uid: 5,
                gid: 6,
                additional_gids: vec![7],
            },
            etc: None,
            rootless: true,
            keep_id: None,
            id_mappings: None,
            seccomp: None,
            host: &Host::current(),
            init: None,
            default_nofile: None,
            namespaces: &Default::default(),
        })
        .unwrap();
        let p = spec.process().as_ref().unwrap();
        assert_eq!(p.args().as_ref().unwrap(), &vec!["sh".to_string()]);
        assert_eq!(p.user().uid(), 5);
        assert_eq!(p.no_new_privileges(), Some(true));
        let linux = spec.linux().as_ref().unwrap();
        assert!(linux.resources().is_none(), "no cgroups unless asked");
        assert!(linux.seccomp().is_some());
        assert!(linux
            .masked_paths()
            .as_ref()
            .unwrap()
            .contains(&"/proc/kcore".to_string()));
        let ns: Vec<_> = linux
            .namespaces()
            .as_ref()
            .unwrap()
            .iter()
            .map(|n| n.typ())
            .collect();
        assert!(ns.contains(&LinuxNamespaceType::Network));
        assert!(
            !ns.contains(&LinuxNamespaceType::User),
            "rootless uses the pause userns"
        );
        let dests: Vec<_> = spec
            .mounts()
            .as_ref()
            .unwrap()
            .iter()
            .map(|m| m.destination().display().to_string())
            .collect();
        assert!(!dests.contains(&"/sys/fs/cgroup".to_string()));
    }

    #[test]
    fn keep_id_maps_the_user_to_itself() {
        // 65537 ids in the user's namespace: 0 is the user, 1..65536 the subuids.
        let m = keep_id_mappings(1001, 65537);
        assert_eq!(m, vec![(0, 1, 1001), (1001, 0, 1), (1002, 1002, 64535)]);
        let total: u32 = m.iter().map(|x| x.2).sum();
        assert_eq!(total, 65537);
        assert_eq!(keep_id_mappings(0, 10), vec![(0, 0, 1), (1, 1, 9)]);
        assert!(rlimit_type("nofile").is_some());
        assert!(rlimit_type("RLIMIT_NPROC").is_some());
        assert!(rlimit_type("bogus").is_none());
    }

    #[test]
    fn privileged_and_host_network() {
        let mut c = config();
        c.privileged = true;
        let spec = build(&SpecInput {
            config: &c,
            rootfs: Path::new("/r"),
            network: NetNamespace::Host,
            user: ResolvedUser::default(),
            etc: None,
            rootless: true,
            keep_id: None,
            id_mappings: None,
            seccomp: None,
            host: &Host::current(),
            init: None,
            default_nofile: None,
            namespaces: &Default::default(),
        })
        .unwrap();
        let linux = spec.linux().as_ref().unwrap();
        assert!(linux.seccomp().is_none());
        assert!(linux.masked_paths().is_none());
        let sys = spec
            .mounts()
            .as_ref()
            .unwrap()
            .iter()
            .find(|m| m.destination() == Path::new("/sys"))
            .cloned()
            .unwrap();
        assert_eq!(sys.typ().as_deref(), Some("bind"));
    }
}
