//! The last steps of every process cove starts in a container (the runtime's init, `cove
//! exec`, health checks): one path, so no way in is less confined than another.
//!
//! Order as in runc (standard_init_linux.go, finalizeNamespace): rlimits; the seccomp
//! filter early when no_new_privs is off (loading it then needs CAP_SYS_ADMIN, which is
//! about to go); bounding set; identity with PR_SET_KEEPCAPS so the permitted set
//! survives setuid; the other four capability sets; no_new_privs; the filter late when
//! no_new_privs is on (as few syscalls as possible run under it before execve); execve.

use std::convert::Infallible;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use nix::sys::resource::{setrlimit, Resource};
use nix::unistd::{Gid, Uid};
use oci_spec::runtime::{Capabilities, PosixRlimitType, Process};

use crate::seccomp::{Filter, SeccompError};

#[derive(Debug, thiserror::Error)]
pub enum ProcessError {
    #[error("process.args is empty")]
    NoArgs,
    #[error("{context}: {source}")]
    Sys { context: String, source: nix::Error },
    #[error("setting capabilities: {0}")]
    Caps(String),
    #[error(transparent)]
    Seccomp(#[from] SeccompError),
    #[error("exec: \"{0}\": executable file not found in $PATH")]
    NotFound(String),
    #[error("exec: \"{0}\": stat {0}: no such file or directory")]
    Missing(String),
    #[error("exec: \"{cmd}\": {}", strerror(*.source))]
    Exec { cmd: String, source: nix::Error },
}

/// The C library's wording in lower case, as runc (Go) prints it: "permission denied".
fn strerror(e: nix::Error) -> String {
    e.desc().to_lowercase()
}

impl ProcessError {
    /// Docker's convention: 127 the command was not found, 126 it could not be run.
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::NotFound(_)
            | Self::Missing(_)
            | Self::Exec {
                source: nix::Error::ENOENT,
                ..
            } => 127,
            _ => 126,
        }
    }
}

fn sys(context: impl Into<String>) -> impl FnOnce(nix::Error) -> ProcessError {
    let context = context.into();
    move |source| ProcessError::Sys { context, source }
}

fn resource(t: PosixRlimitType) -> Resource {
    match t {
        PosixRlimitType::RlimitCpu => Resource::RLIMIT_CPU,
        PosixRlimitType::RlimitFsize => Resource::RLIMIT_FSIZE,
        PosixRlimitType::RlimitData => Resource::RLIMIT_DATA,
        PosixRlimitType::RlimitStack => Resource::RLIMIT_STACK,
        PosixRlimitType::RlimitCore => Resource::RLIMIT_CORE,
        PosixRlimitType::RlimitRss => Resource::RLIMIT_RSS,
        PosixRlimitType::RlimitNproc => Resource::RLIMIT_NPROC,
        PosixRlimitType::RlimitNofile => Resource::RLIMIT_NOFILE,
        PosixRlimitType::RlimitMemlock => Resource::RLIMIT_MEMLOCK,
        PosixRlimitType::RlimitAs => Resource::RLIMIT_AS,
        PosixRlimitType::RlimitLocks => Resource::RLIMIT_LOCKS,
        PosixRlimitType::RlimitSigpending => Resource::RLIMIT_SIGPENDING,
        PosixRlimitType::RlimitMsgqueue => Resource::RLIMIT_MSGQUEUE,
        PosixRlimitType::RlimitNice => Resource::RLIMIT_NICE,
        PosixRlimitType::RlimitRtprio => Resource::RLIMIT_RTPRIO,
        PosixRlimitType::RlimitRttime => Resource::RLIMIT_RTTIME,
    }
}

fn set_rlimits(process: &Process) -> Result<(), ProcessError> {
    for r in process.rlimits().iter().flatten() {
        setrlimit(resource(r.typ()), r.soft(), r.hard())
            .map_err(sys(format!("setting {:?}", r.typ())))?;
    }
    Ok(())
}

/// The named capabilities this kernel knows (others are skipped, as runc does).
fn cap_set(names: &Option<Capabilities>) -> caps::CapsHashSet {
    names
        .iter()
        .flatten()
        .filter_map(|c| {
            let name = serde_json::to_value(c).ok()?;
            name.as_str()?.parse::<caps::Capability>().ok()
        })
        .collect()
}

fn drop_bounding(process: &Process) -> Result<(), ProcessError> {
    let wanted = process.capabilities().clone().unwrap_or_default();
    let bounding = cap_set(wanted.bounding());
    let keep: Vec<u8> = bounding.iter().map(|c| c.index()).collect();
    // Every number the prctl takes, not only the capabilities this crate names: a kernel
    // newer than it may know more, and those must go too.
    for cap in 0..=63u8 {
        if keep.contains(&cap) {
            continue;
        }
        // SAFETY: prctl with plain integer arguments.
        let r = unsafe { libc::prctl(libc::PR_CAPBSET_DROP, libc::c_ulong::from(cap), 0, 0, 0) };
        if r < 0 {
            match nix::Error::last() {
                // Past the kernel's last capability: nothing left to drop.
                nix::Error::EINVAL => break,
                e => {
                    return Err(sys(format!(
                        "dropping capability {cap} from the bounding set"
                    ))(e))
                }
            }
        }
    }
    Ok(())
}

/// Nothing the caller opened may reach the container's program: everything from fd
/// 3 + `preserve_fds` up closes at execve (runc closes them too). The standard descriptors
/// stay, and so do the `preserve_fds` after them (`--preserve-fds`: the caller's own,
/// handed on at the same numbers).
fn close_inherited_fds(preserve_fds: u32) -> Result<(), ProcessError> {
    const CLOSE_RANGE_CLOEXEC: libc::c_uint = 1 << 2;
    let first = 3u32.saturating_add(preserve_fds);
    // SAFETY: close_range with plain integer arguments only sets flags on descriptors.
    let r = unsafe { libc::syscall(libc::SYS_close_range, first, u32::MAX, CLOSE_RANGE_CLOEXEC) };
    if r < 0 {
        return Err(sys("marking inherited descriptors close-on-exec")(
            nix::Error::last(),
        ));
    }
    Ok(())
}

fn set_identity(process: &Process) -> Result<(), ProcessError> {
    let user = process.user();
    let gids: Vec<Gid> = user
        .additional_gids()
        .iter()
        .flatten()
        .map(|g| Gid::from_raw(*g))
        .collect();
    nix::unistd::setgroups(&gids).map_err(sys("setgroups"))?;
    let gid = Gid::from_raw(user.gid());
    nix::unistd::setresgid(gid, gid, gid).map_err(sys(format!("setgid {gid}")))?;
    let uid = Uid::from_raw(user.uid());
    nix::unistd::setresuid(uid, uid, uid).map_err(sys(format!("setuid {uid}")))?;
    if let Some(mask) = user.umask() {
        nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(mask));
    }
    Ok(())
}

fn set_capabilities(process: &Process) -> Result<(), ProcessError> {
    let wanted = process.capabilities().clone().unwrap_or_default();
    let set = |which, names: &Option<Capabilities>| {
        caps::set(None, which, &cap_set(names)).map_err(|e| ProcessError::Caps(e.to_string()))
    };
    // Effective first: the kernel refuses a permitted set smaller than the effective one.
    set(caps::CapSet::Effective, wanted.effective())?;
    set(caps::CapSet::Permitted, wanted.permitted())?;
    set(caps::CapSet::Inheritable, wanted.inheritable())?;
    caps::clear(None, caps::CapSet::Ambient).map_err(|e| ProcessError::Caps(e.to_string()))?;
    for cap in cap_set(wanted.ambient()) {
        // Raising needs the capability permitted and inheritable; runc ignores it too.
        let _ = caps::raise(None, caps::CapSet::Ambient, cap);
    }
    Ok(())
}

/// Find args[0] on the process's PATH.
fn lookup(cmd: &str, env: &[String]) -> Option<CString> {
    if cmd.contains('/') {
        return CString::new(cmd).ok();
    }
    let path = env
        .iter()
        .find_map(|e| e.strip_prefix("PATH="))
        .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    path.split(':')
        .map(|d| Path::new(d).join(cmd))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
        .and_then(|p| CString::new(p.as_os_str().as_bytes()).ok())
}

/// Whether `process`'s command exists, checked before `start` as runc does, so a missing
/// command fails `create` (the engine's run then says so and exits 127) instead of the
/// container starting and dying. Run in the container's root and working directory; a
/// command only the container's user cannot run is still found out at exec (126).
pub fn check_command(process: &Process) -> Result<(), ProcessError> {
    let args = process.args().clone().unwrap_or_default();
    let env = process.env().clone().unwrap_or_default();
    let cmd = args.first().ok_or(ProcessError::NoArgs)?;
    if cmd.contains('/') {
        match std::fs::metadata(cmd) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(ProcessError::Missing(cmd.clone()))
            }
            _ => Ok(()),
        }
    } else {
        lookup(cmd, &env)
            .map(drop)
            .ok_or_else(|| ProcessError::NotFound(cmd.clone()))
    }
}

/// Become `process` and exec it: inherited descriptors closed (but the `preserve_fds`
/// from fd 3 on), rlimits, cwd, identity, the five capability sets, no_new_privs and
/// `seccomp`. Called in the container's namespaces and root; returns only on failure (see
/// [`ProcessError::exit_code`]).
pub fn finalize(
    process: &Process,
    seccomp: Option<&Filter>,
    preserve_fds: u32,
) -> Result<Infallible, ProcessError> {
    let args = process.args().clone().unwrap_or_default();
    let env = process.env().clone().unwrap_or_default();
    let cmd = args.first().ok_or(ProcessError::NoArgs)?;
    let no_new_privs = process.no_new_privileges().unwrap_or(false);
    close_inherited_fds(preserve_fds)?;
    set_rlimits(process)?;
    if let Some(n) = process.oom_score_adj() {
        // Still privileged here; lowering it below the caller's needs CAP_SYS_RESOURCE
        // over the host, which a rootless container lacks: the kernel says EACCES.
        std::fs::write("/proc/self/oom_score_adj", n.to_string()).map_err(|e| {
            ProcessError::Sys {
                context: format!("setting oom_score_adj to {n}"),
                source: nix::Error::from_raw(e.raw_os_error().unwrap_or(libc::EINVAL)),
            }
        })?;
    }
    if let (Some(filter), false) = (seccomp, no_new_privs) {
        filter.load()?;
    }
    // Before the identity change, as runc: the runtime may reach what the user cannot; a
    // refusal is retried as the user (a volume only its owner may enter).
    let cwd = process.cwd();
    let late_chdir = match nix::unistd::chdir(cwd) {
        Ok(()) => false,
        Err(nix::Error::EACCES | nix::Error::EPERM) => true,
        Err(e) => return Err(sys(format!("chdir {}", cwd.display()))(e)),
    };
    drop_bounding(process)?;
    nix::sys::prctl::set_keepcaps(true).map_err(sys("keeping capabilities"))?;
    set_identity(process)?;
    if late_chdir {
        nix::unistd::chdir(cwd).map_err(sys(format!("chdir {}", cwd.display())))?;
    }
    nix::sys::prctl::set_keepcaps(false).map_err(sys("keeping capabilities"))?;
    set_capabilities(process)?;
    if no_new_privs {
        nix::sys::prctl::set_no_new_privs().map_err(sys("no_new_privs"))?;
        if let Some(filter) = seccomp {
            filter.load()?;
        }
    }
    // As the container's user, so the lookup sees what that user sees.
    let path = lookup(cmd, &env).ok_or_else(|| ProcessError::NotFound(cmd.clone()))?;
    let argv: Vec<CString> = args
        .iter()
        .filter_map(|s| CString::new(s.as_bytes()).ok())
        .collect();
    let envp: Vec<CString> = env
        .iter()
        .filter_map(|s| CString::new(s.as_bytes()).ok())
        .collect();
    let source = match nix::unistd::execve(&path, &argv, &envp) {
        Ok(never) => match never {},
        Err(e) => e,
    };
    Err(ProcessError::Exec {
        cmd: cmd.clone(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_like_docker() {
        assert_eq!(ProcessError::NotFound("x".into()).exit_code(), 127);
        let exec = |source| ProcessError::Exec {
            cmd: "x".into(),
            source,
        };
        assert_eq!(exec(nix::Error::ENOENT).exit_code(), 127);
        assert_eq!(exec(nix::Error::EACCES).exit_code(), 126);
        assert_eq!(ProcessError::NoArgs.exit_code(), 126);
    }

    #[test]
    fn path_lookup_uses_the_given_path() {
        let env = vec!["PATH=/definitely-missing:/bin".to_string()];
        assert_eq!(lookup("sh", &env).unwrap().to_str().unwrap(), "/bin/sh");
        assert!(lookup("no-such-program-xyz", &env).is_none());
        assert_eq!(lookup("/x/y", &env).unwrap().to_str().unwrap(), "/x/y");
    }
}
