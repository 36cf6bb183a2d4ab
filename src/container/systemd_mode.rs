//! `--systemd true|false|always`: what Podman 4.3 gives a container it runs systemd in
//! (`always`, or `true` with an init command): tmpfs on /run, /run/lock, /tmp and
//! /var/log/journal, and `container=podman` in the environment, which systemd reads to
//! know it runs in a container. What cove cannot give on this kind of host: Podman also
//! mounts a writable cgroup hierarchy for systemd (`name=systemd` on cgroup v1, the
//! container's own cgroup on v2); cove creates no cgroup for a container, so systemd as
//! PID 1 cannot manage its services' cgroups and stops at boot.

use super::create::CreateError;
use super::record::{ContainerConfig, MountKind, MountSpec};

/// The directories systemd expects on tmpfs, with Podman's options.
const TMPFS: [(&str, &[&str]); 4] = [
    ("/run", &["rw", "nosuid", "nodev"]),
    ("/run/lock", &["rw", "nosuid", "nodev"]),
    ("/tmp", &["rw", "nosuid", "nodev"]),
    ("/var/log/journal", &["rw", "nosuid", "nodev"]),
];

/// The commands Podman's `--systemd true` recognises as systemd (directly or as the
/// command of `/bin/sh -c`, which `build` puts before RUN-style commands).
fn is_init(args: &[String]) -> bool {
    let cmd = match args {
        [sh, c, rest @ ..] if sh == "/bin/sh" && c == "-c" && !rest.is_empty() => rest,
        _ => args,
    };
    let Some(first) = cmd.first() else {
        return false;
    };
    ["/sbin/init", "/usr/sbin/init", "/usr/local/sbin/init"].contains(&first.as_str())
        || std::path::Path::new(first).file_name() == Some("systemd".as_ref())
}

/// Whether the container runs in systemd mode (`mode`: the flag, None for its default).
pub fn enabled(mode: Option<&str>, args: &[String]) -> Result<bool, CreateError> {
    match mode.unwrap_or("true") {
        "always" => Ok(true),
        "true" => Ok(is_init(args)),
        "false" => Ok(false),
        other => Err(CreateError::Option(format!(
            "invalid --systemd {other:?}: use true, false or always"
        ))),
    }
}

/// The mounts and environment of systemd mode, where the request has set none.
pub fn apply(config: &mut ContainerConfig) {
    for (dir, options) in TMPFS {
        if config.mounts.iter().any(|m| m.destination == dir) {
            continue;
        }
        config.mounts.push(MountSpec {
            kind: MountKind::Tmpfs,
            source: "tmpfs".into(),
            destination: dir.into(),
            options: options.iter().map(|o| o.to_string()).collect(),
        });
    }
    if !config.env.iter().any(|e| e.starts_with("container=")) {
        config.env.push("container=podman".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn true_means_systemd_only_for_an_init_command() {
        assert!(enabled(None, &args(&["/sbin/init"])).unwrap());
        assert!(enabled(Some("true"), &args(&["/usr/lib/systemd/systemd"])).unwrap());
        assert!(enabled(Some("true"), &args(&["/bin/sh", "-c", "/usr/sbin/init"])).unwrap());
        assert!(!enabled(None, &args(&["sh"])).unwrap());
        assert!(!enabled(Some("false"), &args(&["/sbin/init"])).unwrap());
        assert!(enabled(Some("always"), &args(&["sh"])).unwrap());
        assert!(enabled(Some("sometimes"), &args(&["sh"])).is_err());
    }

    #[test]
    fn a_mount_or_variable_given_wins() {
        let mut c = ContainerConfig {
            env: vec!["container=mine".into()],
            mounts: vec![MountSpec {
                kind: MountKind::Bind,
                source: "/srv".into(),
                destination: "/tmp".into(),
                options: Vec::new(),
            }],
            ..ContainerConfig::default()
        };
        apply(&mut c);
        assert_eq!(c.env, ["container=mine"]);
        let dests: Vec<&str> = c.mounts.iter().map(|m| m.destination.as_str()).collect();
        assert_eq!(dests, ["/tmp", "/run", "/run/lock", "/var/log/journal"]);
        assert_eq!(c.mounts[0].kind, MountKind::Bind);
    }
}
