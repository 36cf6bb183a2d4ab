//! Podman, the reference for differential tests: run as the same test user, in the same
//! `TestEnv` (so the same registries.conf), with its stores inside the env's directory.
//! This machine has cgroup v1 without systemd, where crun refuses and runc works.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::process::{Command, Output};

use super::{describe, user_dir, TestEnv, IT_ROOT};

impl TestEnv {
    /// Podman refuses a runroot longer than 50 characters, so it cannot live under `base`;
    /// `Drop` removes it.
    pub(super) fn podman_runroot(&self) -> PathBuf {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.base.hash(&mut h);
        PathBuf::from(IT_ROOT).join(format!("pm-{:016x}", h.finish()))
    }

    /// `podman ARGS` as the test user, not yet run.
    pub fn podman_cmd(&self, args: &[&str]) -> Command {
        let root = self.base.join("podman-root").display().to_string();
        let runroot = self.podman_runroot();
        user_dir(&runroot, 0o700);
        let runroot = runroot.display().to_string();
        let mut all: Vec<&str> = vec![
            "--root",
            &root,
            "--runroot",
            &runroot,
            "--cgroup-manager=cgroupfs",
            "--runtime=runc",
            "--events-backend=file",
        ];
        all.extend_from_slice(args);
        // Podman 4.3 looks for registries.conf under $HOME, not $XDG_CONFIG_HOME.
        let conf = self.registries_conf().display().to_string();
        self.user_cmd_env(
            &[("CONTAINERS_REGISTRIES_CONF", &conf)],
            "/usr/bin/podman",
            &all,
        )
    }

    pub fn podman(&self, args: &[&str]) -> Output {
        self.podman_cmd(args)
            .output()
            .expect("spawn runuser podman")
    }

    /// Run podman, assert exit 0, return stdout.
    pub fn podman_ok(&self, args: &[&str]) -> String {
        let out = self.podman(args);
        if !out.status.success() {
            panic!("`podman {}` failed: {}", args.join(" "), describe(&out));
        }
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}
