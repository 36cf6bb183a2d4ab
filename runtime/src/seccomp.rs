//! The spec's seccomp profile compiled to a classic BPF filter by hand and installed with
//! prctl. libseccomp would do the compiling, but needs a C library at build and run time;
//! profiles are name lists with one action each, which a few dozen lines turn into BPF. Rules with argument conditions are not supported: they are
//! skipped (the syscall then gets the default action) and reported.

use oci_spec::runtime::{LinuxSeccomp, LinuxSeccompAction};

const SECCOMP_RET_KILL_THREAD: u32 = 0x0000_0000;
const SECCOMP_RET_KILL_PROCESS: u32 = 0x8000_0000;
const SECCOMP_RET_TRAP: u32 = 0x0003_0000;
const SECCOMP_RET_ERRNO: u32 = 0x0005_0000;
const SECCOMP_RET_LOG: u32 = 0x7ffc_0000;
const SECCOMP_RET_ALLOW: u32 = 0x7fff_0000;

const BPF_LD_W_ABS: u16 = 0x20;
const BPF_JEQ_K: u16 = 0x15;
const BPF_JGE_K: u16 = 0x35;
const BPF_RET_K: u16 = 0x06;

/// Offsets in `struct seccomp_data`.
const OFFSET_NR: u32 = 0;
const OFFSET_ARCH: u32 = 4;

#[cfg(target_arch = "x86_64")]
const AUDIT_ARCH: u32 = 0xc000_003e;
#[cfg(target_arch = "aarch64")]
const AUDIT_ARCH: u32 = 0xc000_00b7;
/// x32 syscalls on x86_64 carry this bit; they are refused rather than filtered twice.
const X32_SYSCALL_BIT: u32 = 0x4000_0000;

#[derive(Debug, thiserror::Error)]
pub enum SeccompError {
    #[error("seccomp action {0:?} is not supported")]
    Action(LinuxSeccompAction),
    #[error("seccomp filter has {0} instructions, more than the kernel's 4096")]
    TooLong(usize),
    #[error("installing the seccomp filter: {0}")]
    Install(std::io::Error),
}

fn ret_value(action: LinuxSeccompAction, errno: Option<u32>) -> Result<u32, SeccompError> {
    Ok(match action {
        LinuxSeccompAction::ScmpActAllow => SECCOMP_RET_ALLOW,
        LinuxSeccompAction::ScmpActErrno => {
            SECCOMP_RET_ERRNO | (errno.unwrap_or(libc::EPERM as u32) & 0xffff)
        }
        LinuxSeccompAction::ScmpActKill | LinuxSeccompAction::ScmpActKillThread => {
            SECCOMP_RET_KILL_THREAD
        }
        LinuxSeccompAction::ScmpActKillProcess => SECCOMP_RET_KILL_PROCESS,
        LinuxSeccompAction::ScmpActTrap => SECCOMP_RET_TRAP,
        LinuxSeccompAction::ScmpActLog => SECCOMP_RET_LOG,
        other => return Err(SeccompError::Action(other)),
    })
}

mod table {
    include!(concat!(env!("OUT_DIR"), "/syscalls.rs"));
}

/// The syscall number of this architecture for a name a profile uses (from the kernel
/// headers at build time, see build.rs).
pub fn syscall_number(name: &str) -> Option<u32> {
    table::SYSCALLS
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| table::SYSCALLS[i].1)
}

/// One classic BPF instruction (`struct sock_filter`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insn {
    pub code: u16,
    pub jt: u8,
    pub jf: u8,
    pub k: u32,
}

fn insn(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
    Insn { code, jt, jf, k }
}

/// What compiling left out, for a warning.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    pub unknown_names: Vec<String>,
    pub conditional_rules: usize,
}

pub fn compile(profile: &LinuxSeccomp) -> Result<(Vec<Insn>, Skipped), SeccompError> {
    let default = ret_value(profile.default_action(), profile.default_errno_ret())?;
    let mut skipped = Skipped::default();
    let mut prog = vec![
        insn(BPF_LD_W_ABS, 0, 0, OFFSET_ARCH),
        // A foreign architecture's numbers mean other syscalls: refuse them all.
        insn(BPF_JEQ_K, 1, 0, AUDIT_ARCH),
        insn(BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
        insn(BPF_LD_W_ABS, 0, 0, OFFSET_NR),
        insn(BPF_JGE_K, 0, 1, X32_SYSCALL_BIT),
        insn(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | libc::EPERM as u32),
    ];
    for rule in profile.syscalls().iter().flatten() {
        if rule.args().as_ref().is_some_and(|a| !a.is_empty()) {
            skipped.conditional_rules += 1;
            continue;
        }
        let ret = ret_value(rule.action(), rule.errno_ret())?;
        if ret == default {
            continue;
        }
        for name in rule.names() {
            match syscall_number(name) {
                Some(nr) => {
                    prog.push(insn(BPF_JEQ_K, 0, 1, nr));
                    prog.push(insn(BPF_RET_K, 0, 0, ret));
                }
                None => skipped.unknown_names.push(name.clone()),
            }
        }
    }
    prog.push(insn(BPF_RET_K, 0, 0, default));
    if prog.len() > 4096 {
        return Err(SeccompError::TooLong(prog.len()));
    }
    Ok((prog, skipped))
}

/// Install the filter on the calling thread (no_new_privs must already be set, or the
/// caller hold CAP_SYS_ADMIN).
pub fn install(prog: &[Insn]) -> Result<(), SeccompError> {
    #[repr(C)]
    struct Fprog {
        len: u16,
        filter: *const Insn,
    }
    let fprog = Fprog {
        len: prog.len() as u16,
        filter: prog.as_ptr(),
    };
    // SAFETY: fprog points at `prog`, which outlives the call.
    let r = unsafe {
        libc::prctl(
            libc::PR_SET_SECCOMP,
            libc::SECCOMP_MODE_FILTER as libc::c_ulong,
            &fprog as *const Fprog as libc::c_ulong,
            0,
            0,
        )
    };
    if r != 0 {
        return Err(SeccompError::Install(std::io::Error::last_os_error()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::LinuxSyscall;

    fn profile(default: LinuxSeccompAction, names: &[&str]) -> LinuxSeccomp {
        let mut rule = LinuxSyscall::default();
        rule.set_names(names.iter().map(|s| s.to_string()).collect())
            .set_action(LinuxSeccompAction::ScmpActErrno)
            .set_errno_ret(Some(1));
        let mut p = LinuxSeccomp::default();
        p.set_default_action(default).set_syscalls(Some(vec![rule]));
        p
    }

    #[test]
    fn deny_list_compiles_to_jumps() {
        let (prog, skipped) = compile(&profile(
            LinuxSeccompAction::ScmpActAllow,
            &["mount", "no_such_call"],
        ))
        .unwrap();
        assert_eq!(skipped.unknown_names, vec!["no_such_call".to_string()]);
        let nr = syscall_number("mount").unwrap();
        let at = prog
            .iter()
            .position(|i| i.code == BPF_JEQ_K && i.k == nr)
            .unwrap();
        assert_eq!(prog[at + 1], insn(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | 1));
        assert_eq!(
            *prog.last().unwrap(),
            insn(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW)
        );
    }

    #[test]
    fn rules_equal_to_the_default_are_dropped() {
        let (prog, _) = compile(&profile(LinuxSeccompAction::ScmpActErrno, &["mount"])).unwrap();
        // errno 1 == EPERM default: nothing but the prologue and the default return.
        assert_eq!(prog.len(), 7);
    }
}
