//! An OCI `linux.seccomp` profile compiled by libseccomp, converted the way runc converts
//! it (libcontainer/seccomp/seccomp_linux.go), so a profile means the same under
//! cove-runtime, `cove exec` and runc:
//!
//! * names libseccomp does not know are skipped: profiles list syscalls of newer kernels;
//! * a rule whose action (with its errno) equals the default action is skipped;
//! * conditions on different argument indexes are ANDed in one rule; when one index
//!   appears twice, libseccomp refuses the rule, so every condition becomes a rule of its
//!   own (an OR), as runc does;
//! * the filter does not set no_new_privs itself: the process's `noNewPrivileges` decides.
//!
//! `SCMP_ACT_NOTIFY` rules (cove adds one for `bind` when a container has published TCP
//! ports, see conmon's `forward/handoff.rs`) go into a second filter of their own, default
//! allow, loaded just before the profile's, whose listener fd is sent to
//! `linux.seccomp.listenerPath` as OCI runtimes do (SCM_RIGHTS, with the container process
//! state as the payload). The profile's filter allows those syscalls, so the notification
//! decides; the kernel runs every filter and the strictest action wins, so an errno or kill
//! the profile adds for them still applies. Without a listener connection (`cove exec`, a
//! health check) the notify filter is not loaded at all.

use std::fs::File;
use std::io::{IoSlice, Read, Seek, SeekFrom};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::Path;
use std::str::FromStr;

use libseccomp::{
    ScmpAction, ScmpArch, ScmpArgCompare, ScmpCompareOp, ScmpFilterAttr, ScmpFilterContext,
    ScmpSyscall, ScmpVersion,
};
use oci_spec::runtime::{
    LinuxSeccomp, LinuxSeccompAction, LinuxSeccompArg, LinuxSeccompFilterFlag,
    LinuxSeccompOperator, LinuxSyscall,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Arguments a syscall has at most (`struct seccomp_data.args`).
const MAX_ARGS: usize = 6;

#[derive(Debug, thiserror::Error)]
pub enum SeccompError {
    #[error("seccomp action {0} is not supported")]
    Action(LinuxSeccompAction),
    #[error("seccomp: errno {0} is out of range")]
    Errno(u32),
    #[error("seccomp: architecture {0} is not known to libseccomp")]
    Arch(String),
    #[error("seccomp: flag {0} is not supported")]
    Flag(LinuxSeccompFilterFlag),
    #[error("seccomp: syscall {name} has a condition on argument {index}, past the last ({max})", max = MAX_ARGS - 1)]
    ArgIndex { name: String, index: usize },
    #[error("seccomp: a rule without syscall names")]
    NoNames,
    #[error("seccomp: SCMP_ACT_NOTIFY needs a listenerPath")]
    NoListener,
    #[error("seccomp: sending the notify fd to the listener: {0}")]
    Listener(String),
    #[error("seccomp: the compiled filter has {0} instructions, more than the kernel takes")]
    TooLong(usize),
    #[error("seccomp: {context}: {source}")]
    Lib {
        context: String,
        source: libseccomp::error::SeccompError,
    },
    #[error("seccomp: {context}: {source}")]
    Sys {
        context: &'static str,
        source: std::io::Error,
    },
}

fn lib(context: impl Into<String>) -> impl FnOnce(libseccomp::error::SeccompError) -> SeccompError {
    let context = context.into();
    move |source| SeccompError::Lib { context, source }
}

fn sys(context: &'static str) -> impl FnOnce(std::io::Error) -> SeccompError {
    move |source| SeccompError::Sys { context, source }
}

/// One classic BPF program as libseccomp generated it, and the seccomp(2) flags it is
/// loaded with. Kept instead of libseccomp's filter context so a compiled profile can be
/// cached and loaded without libseccomp: building the default profile's filter costs
/// about 18 ms of CPU, most of a container start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Program {
    /// `struct sock_filter`: code, jt, jf, k.
    insns: Vec<(u16, u8, u8, u32)>,
    flags: libc::c_ulong,
}

impl Program {
    /// The program of `ctx`, through a memfd (libseccomp 2.5 exports only to a descriptor).
    fn export(ctx: &ScmpFilterContext, flags: libc::c_ulong) -> Result<Program, SeccompError> {
        let fd =
            nix::sys::memfd::memfd_create("cove-seccomp", nix::sys::memfd::MFdFlags::MFD_CLOEXEC)
                .map_err(|e| sys("a memfd for the filter")(e.into()))?;
        ctx.export_bpf(&fd).map_err(lib("exporting the filter"))?;
        let mut file = File::from(fd);
        let mut raw = Vec::new();
        file.seek(SeekFrom::Start(0))
            .and_then(|_| file.read_to_end(&mut raw))
            .map_err(sys("reading the exported filter"))?;
        let insns: Vec<_> = raw
            .chunks_exact(8)
            .map(|c| {
                (
                    u16::from_ne_bytes([c[0], c[1]]),
                    c[2],
                    c[3],
                    u32::from_ne_bytes([c[4], c[5], c[6], c[7]]),
                )
            })
            .collect();
        if u16::try_from(insns.len()).is_err() {
            return Err(SeccompError::TooLong(insns.len()));
        }
        Ok(Program { insns, flags })
    }

    /// seccomp(SECCOMP_SET_MODE_FILTER) on the calling thread; its return value (the
    /// listener fd with SECCOMP_FILTER_FLAG_NEW_LISTENER).
    fn install(&self, extra_flags: libc::c_ulong) -> std::io::Result<libc::c_long> {
        let mut filter: Vec<libc::sock_filter> = self
            .insns
            .iter()
            .map(|&(code, jt, jf, k)| libc::sock_filter { code, jt, jf, k })
            .collect();
        let len = u16::try_from(filter.len())
            .map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
        let prog = libc::sock_fprog {
            len,
            filter: filter.as_mut_ptr(),
        };
        // SAFETY: `prog` points at `filter`, alive for the call; the kernel copies it.
        let rc = unsafe {
            libc::syscall(
                libc::SYS_seccomp,
                libc::SECCOMP_SET_MODE_FILTER,
                self.flags | extra_flags,
                &prog as *const libc::sock_fprog,
            )
        };
        if rc < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(rc)
    }
}

/// A compiled filter, loaded into the calling thread by [`Filter::load`].
pub struct Filter {
    main: Program,
    /// The profile's `SCMP_ACT_NOTIFY` rules, in a filter of their own.
    notify: Option<Program>,
    /// Connected to `listenerPath` (before pivot_root, when the path is still reachable),
    /// with the payload that goes along the listener fd.
    listener: Option<(OwnedFd, Vec<u8>)>,
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("seccomp::Filter")
    }
}

impl Filter {
    /// Install on the calling thread. Needs no_new_privs or CAP_SYS_ADMIN in the
    /// process's user namespace.
    pub fn load(&self) -> Result<(), SeccompError> {
        if let (Some(notify), Some((sock, payload))) = (&self.notify, &self.listener) {
            let fd = notify
                .install(libc::SECCOMP_FILTER_FLAG_NEW_LISTENER)
                .map_err(sys("loading the notify filter"))?;
            // SAFETY: with NEW_LISTENER the kernel returned a new descriptor we own.
            let fd = unsafe { OwnedFd::from_raw_fd(fd as libc::c_int) };
            // The listener is the shim's once sent: dropping ours keeps it from the
            // container's program.
            send_fd(sock, fd.as_raw_fd(), payload)
                .map_err(|e| SeccompError::Listener(e.to_string()))?;
        }
        self.main
            .install(0)
            .map(drop)
            .map_err(sys("loading the filter"))
    }

    /// Whether the profile has notify rules, i.e. wants a connection to its listenerPath.
    pub fn wants_listener(&self) -> bool {
        self.notify.is_some()
    }

    /// The connection to `listenerPath` the notify filter's fd goes to when loading.
    pub fn set_listener(&mut self, sock: OwnedFd, payload: Vec<u8>) {
        self.listener = Some((sock, payload));
    }
}

/// One message: `payload` with `fd` attached (SCM_RIGHTS).
fn send_fd(sock: &OwnedFd, fd: libc::c_int, payload: &[u8]) -> nix::Result<()> {
    use nix::sys::socket::{sendmsg, ControlMessage, MsgFlags, UnixAddr};
    let fds = [fd];
    let iov = [IoSlice::new(payload)];
    sendmsg::<UnixAddr>(
        sock.as_raw_fd(),
        &iov,
        &[ControlMessage::ScmRights(&fds)],
        MsgFlags::MSG_NOSIGNAL,
        None,
    )
    .map(drop)
}

/// `action` with its errno (runc: EPERM when the profile names none).
fn action(action: LinuxSeccompAction, errno: Option<u32>) -> Result<ScmpAction, SeccompError> {
    let errno = errno.unwrap_or(libc::EPERM as u32);
    let ret = || i32::try_from(errno).map_err(|_| SeccompError::Errno(errno));
    Ok(match action {
        LinuxSeccompAction::ScmpActAllow => ScmpAction::Allow,
        LinuxSeccompAction::ScmpActErrno => ScmpAction::Errno(ret()?),
        LinuxSeccompAction::ScmpActKill | LinuxSeccompAction::ScmpActKillThread => {
            ScmpAction::KillThread
        }
        LinuxSeccompAction::ScmpActKillProcess => ScmpAction::KillProcess,
        LinuxSeccompAction::ScmpActTrap => ScmpAction::Trap,
        LinuxSeccompAction::ScmpActTrace => {
            ScmpAction::Trace(u16::try_from(errno).map_err(|_| SeccompError::Errno(errno))?)
        }
        LinuxSeccompAction::ScmpActLog => ScmpAction::Log,
        // Handled by `compile`: such rules get a filter of their own.
        LinuxSeccompAction::ScmpActNotify => ScmpAction::Notify,
    })
}

fn condition(c: &LinuxSeccompArg) -> ScmpArgCompare {
    let op = match c.op() {
        LinuxSeccompOperator::ScmpCmpNe => ScmpCompareOp::NotEqual,
        LinuxSeccompOperator::ScmpCmpLt => ScmpCompareOp::Less,
        LinuxSeccompOperator::ScmpCmpLe => ScmpCompareOp::LessOrEqual,
        LinuxSeccompOperator::ScmpCmpEq => ScmpCompareOp::Equal,
        LinuxSeccompOperator::ScmpCmpGe => ScmpCompareOp::GreaterEqual,
        LinuxSeccompOperator::ScmpCmpGt => ScmpCompareOp::Greater,
        // OCI: `value` is the mask, `valueTwo` what the masked argument must equal.
        LinuxSeccompOperator::ScmpCmpMaskedEq => {
            return ScmpArgCompare::new(
                c.index() as u32,
                ScmpCompareOp::MaskedEqual(c.value()),
                c.value_two().unwrap_or(0),
            )
        }
    };
    ScmpArgCompare::new(c.index() as u32, op, c.value())
}

/// The libseccomp rules one OCI rule becomes for one syscall: each a list of conditions
/// that must all hold (an empty list: unconditional).
fn rule_conditions(rule: &LinuxSyscall) -> Vec<Vec<ScmpArgCompare>> {
    let args = rule.args().clone().unwrap_or_default();
    if args.is_empty() {
        return vec![Vec::new()];
    }
    let mut seen = [0usize; MAX_ARGS];
    let mut repeated = false;
    for a in &args {
        if let Some(n) = seen.get_mut(a.index()) {
            *n += 1;
            repeated |= *n > 1;
        }
    }
    let conds: Vec<ScmpArgCompare> = args.iter().map(condition).collect();
    if repeated {
        conds.into_iter().map(|c| vec![c]).collect()
    } else {
        vec![conds]
    }
}

fn arch_name(a: &oci_spec::runtime::Arch) -> String {
    serde_json::to_value(a)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{a:?}"))
}

/// What compiling left out: names libseccomp does not know on this machine.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    pub unknown_names: Vec<String>,
}

/// What the cache keeps of one compiled profile.
#[derive(Serialize, Deserialize)]
struct Compiled {
    main: Program,
    notify: Option<Program>,
    unknown_names: Vec<String>,
}

impl Compiled {
    fn into_filter(self) -> (Filter, Skipped) {
        (
            Filter {
                main: self.main,
                notify: self.notify,
                listener: None,
            },
            Skipped {
                unknown_names: self.unknown_names,
            },
        )
    }
}

/// Compile `profile`; the returned filter is not loaded yet.
pub fn compile(profile: &LinuxSeccomp) -> Result<(Filter, Skipped), SeccompError> {
    Ok(build(profile)?.into_filter())
}

/// [`compile`], through a cache of compiled programs in `dir` (created when missing),
/// keyed by the profile and the libseccomp that compiled it. The cache only saves time:
/// a missing, unreadable or corrupt entry is compiled again, and failing to write one is
/// not an error. `dir` must be writable by the caller alone (it trusts what it reads).
pub fn compile_cached(
    profile: &LinuxSeccomp,
    dir: &Path,
) -> Result<(Filter, Skipped), SeccompError> {
    let Some(key) = cache_key(profile) else {
        return compile(profile);
    };
    let path = dir.join(&key);
    if let Some(c) = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Compiled>(&b).ok())
    {
        return Ok(c.into_filter());
    }
    let compiled = build(profile)?;
    if let Ok(bytes) = serde_json::to_vec(&compiled) {
        let _ = store(dir, &key, &bytes);
    }
    Ok(compiled.into_filter())
}

/// The profile as it compiles: the listener's path and metadata (which differ per
/// container) only matter by being there.
fn cache_key(profile: &LinuxSeccomp) -> Option<String> {
    let mut p = profile.clone();
    if p.listener_path().is_some() {
        p.set_listener_path(Some("listener".into()));
    }
    p.set_listener_metadata(None);
    let v = ScmpVersion::current().ok()?;
    let mut h = Sha256::new();
    h.update(format!(
        "cove-seccomp 1 {} {}.{}.{}\n",
        std::env::consts::ARCH,
        v.major,
        v.minor,
        v.micro
    ));
    h.update(serde_json::to_vec(&p).ok()?);
    Some(
        h.finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
    )
}

/// Write an entry whole or not at all: concurrent starts race to write the same bytes.
fn store(dir: &Path, key: &str, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let tmp = dir.join(format!(".{key}.{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)?;
    let written = f
        .write_all(bytes)
        .and_then(|_| std::fs::rename(&tmp, dir.join(key)));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

fn build(profile: &LinuxSeccomp) -> Result<Compiled, SeccompError> {
    let default = action(profile.default_action(), profile.default_errno_ret())?;
    let mut ctx = ScmpFilterContext::new(default).map_err(lib("creating a filter"))?;
    ctx.set_ctl_nnp(false)
        .map_err(lib("leaving no_new_privs to the process"))?;
    for a in profile.architectures().iter().flatten() {
        let name = arch_name(a);
        let arch = ScmpArch::from_str(&name).map_err(|_| SeccompError::Arch(name.clone()))?;
        if !ctx
            .is_arch_present(arch)
            .map_err(lib(format!("arch {name}")))?
        {
            ctx.add_arch(arch)
                .map_err(lib(format!("adding arch {name}")))?;
        }
    }
    // The attributes make libseccomp check that the kernel has the flag; the flags
    // themselves go to seccomp(2) when the program is loaded.
    let mut flags: libc::c_ulong = 0;
    for flag in profile.flags().iter().flatten() {
        match flag {
            LinuxSeccompFilterFlag::SeccompFilterFlagLog => {
                ctx.set_ctl_log(true)
                    .map_err(lib("flag SECCOMP_FILTER_FLAG_LOG"))?;
                flags |= libc::SECCOMP_FILTER_FLAG_LOG;
            }
            LinuxSeccompFilterFlag::SeccompFilterFlagSpecAllow => {
                ctx.set_filter_attr(ScmpFilterAttr::CtlSsb, 1)
                    .map_err(lib("flag SECCOMP_FILTER_FLAG_SPEC_ALLOW"))?;
                flags |= libc::SECCOMP_FILTER_FLAG_SPEC_ALLOW;
            }
            // Every process cove starts is single-threaded when the filter is loaded.
            LinuxSeccompFilterFlag::SeccompFilterFlagTsync => {}
            other => return Err(SeccompError::Flag(*other)),
        }
    }
    let mut skipped = Skipped::default();
    let mut notify: Option<ScmpFilterContext> = None;
    for rule in profile.syscalls().iter().flatten() {
        if rule.names().is_empty() {
            return Err(SeccompError::NoNames);
        }
        let mut act = action(rule.action(), rule.errno_ret())?;
        let notifies = act == ScmpAction::Notify;
        if notifies {
            if profile.listener_path().is_none() {
                return Err(SeccompError::NoListener);
            }
            // The profile's own filter lets the call through to the notify filter.
            act = ScmpAction::Allow;
            if notify.is_none() {
                notify = Some(notify_filter()?);
            }
        }
        if act == default && !notifies {
            continue;
        }
        if let Some(a) = rule.args().iter().flatten().find(|a| a.index() >= MAX_ARGS) {
            return Err(SeccompError::ArgIndex {
                name: rule.names()[0].clone(),
                index: a.index(),
            });
        }
        let rules = rule_conditions(rule);
        for name in rule.names() {
            let Ok(nr) = ScmpSyscall::from_name(name) else {
                skipped.unknown_names.push(name.clone());
                continue;
            };
            for conds in &rules {
                if act != default {
                    ctx.add_rule_conditional(act, nr, conds)
                        .map_err(lib(format!("rule for {name}")))?;
                }
                if let Some(n) = notify.as_mut().filter(|_| notifies) {
                    n.add_rule_conditional(ScmpAction::Notify, nr, conds)
                        .map_err(lib(format!("notify rule for {name}")))?;
                }
            }
        }
    }
    Ok(Compiled {
        main: Program::export(&ctx, flags)?,
        notify: notify.map(|n| Program::export(&n, 0)).transpose()?,
        unknown_names: skipped.unknown_names,
    })
}

/// The filter the notify rules go to: everything else allowed (the profile's filter
/// decides that), other architectures included (the profile names those).
fn notify_filter() -> Result<ScmpFilterContext, SeccompError> {
    let mut ctx = ScmpFilterContext::new(ScmpAction::Allow).map_err(lib("creating a filter"))?;
    ctx.set_ctl_nnp(false)
        .map_err(lib("leaving no_new_privs to the process"))?;
    ctx.set_act_badarch(ScmpAction::Allow)
        .map_err(lib("the notify filter's other architectures"))?;
    Ok(ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::LinuxSeccompArgBuilder;

    fn arg(index: usize, op: LinuxSeccompOperator, value: u64) -> LinuxSeccompArg {
        LinuxSeccompArgBuilder::default()
            .index(index)
            .op(op)
            .value(value)
            .build()
            .unwrap()
    }

    fn rule(names: &[&str], act: LinuxSeccompAction, args: Vec<LinuxSeccompArg>) -> LinuxSyscall {
        let mut r = LinuxSyscall::default();
        r.set_names(names.iter().map(|s| s.to_string()).collect())
            .set_action(act)
            .set_args((!args.is_empty()).then_some(args));
        r
    }

    fn profile(default: LinuxSeccompAction, rules: Vec<LinuxSyscall>) -> LinuxSeccomp {
        let mut p = LinuxSeccomp::default();
        p.set_default_action(default).set_syscalls(Some(rules));
        p
    }

    /// Length of the compiled BPF program, in instructions.
    fn bpf_len(p: &LinuxSeccomp) -> usize {
        compile(p).unwrap().0.main.insns.len()
    }

    #[test]
    fn conditions_on_one_index_become_separate_rules() {
        use LinuxSeccompOperator::*;
        let same = rule(
            &["personality"],
            LinuxSeccompAction::ScmpActAllow,
            vec![arg(0, ScmpCmpEq, 0), arg(0, ScmpCmpEq, 8)],
        );
        assert_eq!(rule_conditions(&same).len(), 2);
        assert!(rule_conditions(&same).iter().all(|c| c.len() == 1));
        let different = rule(
            &["socket"],
            LinuxSeccompAction::ScmpActErrno,
            vec![arg(0, ScmpCmpEq, 40), arg(1, ScmpCmpNe, 1)],
        );
        assert_eq!(rule_conditions(&different).len(), 1);
        assert_eq!(rule_conditions(&different)[0].len(), 2);
        // libseccomp accepts both shapes, but not two conditions on one index in one rule.
        let p = profile(LinuxSeccompAction::ScmpActErrno, vec![same, different]);
        compile(&p).unwrap();
        let mut ctx = ScmpFilterContext::new(ScmpAction::Errno(libc::EPERM)).unwrap();
        let both = [
            ScmpArgCompare::new(0, ScmpCompareOp::Equal, 0),
            ScmpArgCompare::new(0, ScmpCompareOp::Equal, 8),
        ];
        let nr = ScmpSyscall::from_name("personality").unwrap();
        assert!(ctx
            .add_rule_conditional(ScmpAction::Allow, nr, &both)
            .is_err());
    }

    #[test]
    fn unknown_names_are_skipped_and_reported() {
        let p = profile(
            LinuxSeccompAction::ScmpActErrno,
            vec![rule(
                &["read", "no_such_syscall_xyz"],
                LinuxSeccompAction::ScmpActAllow,
                vec![],
            )],
        );
        let (_, skipped) = compile(&p).unwrap();
        assert_eq!(
            skipped.unknown_names,
            vec!["no_such_syscall_xyz".to_string()]
        );
    }

    #[test]
    fn rules_equal_to_the_default_add_nothing() {
        let empty = profile(LinuxSeccompAction::ScmpActErrno, vec![]);
        let same = profile(
            LinuxSeccompAction::ScmpActErrno,
            vec![rule(&["mount"], LinuxSeccompAction::ScmpActErrno, vec![])],
        );
        let other = profile(
            LinuxSeccompAction::ScmpActErrno,
            vec![rule(&["mount"], LinuxSeccompAction::ScmpActAllow, vec![])],
        );
        assert_eq!(bpf_len(&same), bpf_len(&empty));
        assert!(bpf_len(&other) > bpf_len(&empty));
        // A different errno is a different action.
        let mut enosys = rule(&["mount"], LinuxSeccompAction::ScmpActErrno, vec![]);
        enosys.set_errno_ret(Some(libc::ENOSYS as u32));
        let p = profile(LinuxSeccompAction::ScmpActErrno, vec![enosys]);
        assert!(bpf_len(&p) > bpf_len(&empty));
    }

    #[test]
    fn actions_and_errors() {
        assert_eq!(
            action(LinuxSeccompAction::ScmpActErrno, None).unwrap(),
            ScmpAction::Errno(libc::EPERM)
        );
        assert_eq!(
            action(LinuxSeccompAction::ScmpActKill, None).unwrap(),
            ScmpAction::KillThread
        );
        assert_eq!(
            action(LinuxSeccompAction::ScmpActNotify, None).unwrap(),
            ScmpAction::Notify
        );
        let bad_index = profile(
            LinuxSeccompAction::ScmpActAllow,
            vec![rule(
                &["read"],
                LinuxSeccompAction::ScmpActErrno,
                vec![arg(6, LinuxSeccompOperator::ScmpCmpEq, 0)],
            )],
        );
        assert!(matches!(
            compile(&bad_index),
            Err(SeccompError::ArgIndex { index: 6, .. })
        ));
    }

    #[test]
    fn notify_rules_need_a_listener_and_go_to_a_filter_of_their_own() {
        let notify = rule(&["bind"], LinuxSeccompAction::ScmpActNotify, vec![]);
        let mut p = profile(LinuxSeccompAction::ScmpActErrno, vec![notify]);
        assert!(matches!(compile(&p), Err(SeccompError::NoListener)));
        p.set_listener_path(Some("/run/x/seccomp.sock".into()));
        let (filter, _) = compile(&p).unwrap();
        assert!(filter.wants_listener());
        // The profile's own filter lets bind through (to the notify filter).
        let allow = profile(
            LinuxSeccompAction::ScmpActErrno,
            vec![rule(&["bind"], LinuxSeccompAction::ScmpActAllow, vec![])],
        );
        assert_eq!(bpf_len(&p), bpf_len(&allow));
        let plain = profile(LinuxSeccompAction::ScmpActErrno, vec![]);
        assert!(!compile(&plain).unwrap().0.wants_listener());
    }

    #[test]
    fn masked_eq_takes_the_mask_from_value() {
        let a = LinuxSeccompArgBuilder::default()
            .index(0usize)
            .op(LinuxSeccompOperator::ScmpCmpMaskedEq)
            .value(0xffu64)
            .value_two(0x08u64)
            .build()
            .unwrap();
        assert_eq!(
            condition(&a),
            ScmpArgCompare::new(0, ScmpCompareOp::MaskedEqual(0xff), 0x08)
        );
    }

    #[test]
    fn the_cache_returns_what_compiling_gives_and_survives_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("seccomp");
        let mut p = profile(
            LinuxSeccompAction::ScmpActErrno,
            vec![
                rule(
                    &["read", "no_such_syscall_xyz"],
                    LinuxSeccompAction::ScmpActAllow,
                    vec![],
                ),
                rule(&["bind"], LinuxSeccompAction::ScmpActNotify, vec![]),
            ],
        );
        p.set_listener_path(Some("/run/a/seccomp.sock".into()));
        let (fresh, fresh_skipped) = compile(&p).unwrap();
        let (first, _) = compile_cached(&p, &cache).unwrap();
        let entries: Vec<_> = std::fs::read_dir(&cache).unwrap().collect();
        assert_eq!(entries.len(), 1, "one entry, no temporary file left");
        // Another container's listener path is the same entry.
        p.set_listener_path(Some("/run/b/seccomp.sock".into()));
        let (cached, skipped) = compile_cached(&p, &cache).unwrap();
        assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
        for f in [&first, &cached] {
            assert_eq!(f.main, fresh.main);
            assert_eq!(f.notify, fresh.notify);
        }
        assert_eq!(skipped, fresh_skipped);
        // A different profile is a different entry.
        let other = profile(LinuxSeccompAction::ScmpActAllow, vec![]);
        let (o, _) = compile_cached(&other, &cache).unwrap();
        assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 2);
        assert_ne!(o.main, fresh.main);
        // A damaged entry is compiled again and replaced.
        let path = entries[0].as_ref().unwrap().path();
        std::fs::write(&path, b"{\"main\": [").unwrap();
        let (again, _) = compile_cached(&p, &cache).unwrap();
        assert_eq!(again.main, fresh.main);
        assert!(serde_json::from_slice::<Compiled>(&std::fs::read(&path).unwrap()).is_ok());
    }

    #[test]
    fn an_unwritable_cache_only_costs_time() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, b"").unwrap();
        let p = profile(
            LinuxSeccompAction::ScmpActErrno,
            vec![rule(&["read"], LinuxSeccompAction::ScmpActAllow, vec![])],
        );
        let (f, _) = compile_cached(&p, &file.join("seccomp")).unwrap();
        assert_eq!(f.main, compile(&p).unwrap().0.main);
    }
}
