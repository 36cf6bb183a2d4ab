//! Published TCP ports handed to the container's server (issue 18): the built-in runtime
//! gives the container a seccomp filter that sends its `bind()` calls to the shim, which
//! answers a bind to a published port by installing the host's listening socket in the
//! server's place (conmon's `forward/handoff.rs`). Clients then reach the server with no
//! relay in between, and it sees their real addresses.
//!
//! Only for the built-in runtime: it loads the notify rule in a filter of its own and
//! sends the listener fd over the connection it opened before pivot_root. Other runtimes
//! (runc, crun) keep the relay; so do containers without published TCP ports, which get
//! no notify rule at all.

use std::path::Path;

use oci_spec::runtime::{LinuxSeccomp, LinuxSeccompAction, LinuxSyscall, Spec};

/// The shim's listener socket for the notify fd, in the container's state dir.
pub const SOCKET: &str = "seccomp.sock";

/// `COVE_PORT_HANDOFF=0` keeps every port on the relay (to compare the two in bench/net.sh).
pub fn enabled(builtin_runtime: bool, tcp_ports: bool) -> bool {
    builtin_runtime && tcp_ports && std::env::var_os("COVE_PORT_HANDOFF").is_none_or(|v| v != "0")
}

/// Add the `bind` notify rule and the listener path to the spec's seccomp profile (a
/// container without a filter gets one that allows everything else).
pub fn add_notify_rule(spec: &mut Spec, listener: &Path) {
    let mut linux = spec.linux().clone().unwrap_or_default();
    let mut profile = linux.seccomp().clone().unwrap_or_else(|| {
        let mut p = LinuxSeccomp::default();
        p.set_default_action(LinuxSeccompAction::ScmpActAllow);
        p
    });
    let mut rule = LinuxSyscall::default();
    rule.set_names(vec!["bind".to_string()])
        .set_action(LinuxSeccompAction::ScmpActNotify);
    let mut rules = profile.syscalls().clone().unwrap_or_default();
    rules.push(rule);
    profile
        .set_syscalls(Some(rules))
        .set_listener_path(Some(listener.to_path_buf()));
    linux.set_seccomp(Some(profile));
    spec.set_linux(Some(linux));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_goes_into_the_profile_or_a_permissive_one() {
        let mut spec = Spec::default();
        let had = spec
            .linux()
            .as_ref()
            .and_then(|l| l.seccomp().clone())
            .and_then(|p| p.syscalls().clone())
            .map_or(0, |r| r.len());
        add_notify_rule(&mut spec, Path::new("/run/x/seccomp.sock"));
        let p = spec.linux().as_ref().unwrap().seccomp().clone().unwrap();
        let rules = p.syscalls().clone().unwrap();
        assert_eq!(rules.len(), had + 1);
        let last = rules.last().unwrap();
        assert_eq!(last.names(), &vec!["bind".to_string()]);
        assert_eq!(last.action(), LinuxSeccompAction::ScmpActNotify);
        assert_eq!(
            p.listener_path().as_deref(),
            Some(Path::new("/run/x/seccomp.sock"))
        );

        let mut bare = Spec::default();
        if let Some(l) = bare.linux().clone() {
            let mut l = l;
            l.set_seccomp(None);
            bare.set_linux(Some(l));
        }
        add_notify_rule(&mut bare, Path::new("/s"));
        let p = bare.linux().as_ref().unwrap().seccomp().clone().unwrap();
        assert_eq!(p.default_action(), LinuxSeccompAction::ScmpActAllow);
    }

    #[test]
    fn only_the_builtin_runtime_with_tcp_ports() {
        assert!(!enabled(false, true));
        assert!(!enabled(true, false));
    }
}
