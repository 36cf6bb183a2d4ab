//! Rootful cove for tests, only ever inside a throwaway mount namespace.
//!
//! A rootful cove run on this machine's own `/` once unmounted its /dev/pts and cgroup
//! mounts. So every rootful command runs in `unshare -m --propagation slave`, which the
//! real host never hears from, and that namespace first makes `/` recursively shared, as
//! systemd does on every real host: a command that leaks mount changes into its parent's
//! namespace is caught there, in the table of the throwaway namespace.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use super::{cove_bin, describe, TestEnv};

/// One rootful cove command of a session, or a shell snippet (`sh -c`) run in the same
/// namespace.
pub enum Step {
    Cove(Vec<String>),
    Sh(String),
}

/// `Step::Cove` from string slices.
pub fn cove(args: &[&str]) -> Step {
    Step::Cove(args.iter().map(|a| a.to_string()).collect())
}

/// What a step did: its argv as text, exit code, combined output, and the mount table
/// of the throwaway namespace right after it.
pub struct StepResult {
    pub command: String,
    pub code: i32,
    pub output: String,
    pub mounts: String,
}

/// A session's record: the mount table before any cove command, then each step.
pub struct Session {
    pub before: String,
    pub steps: Vec<StepResult>,
}

/// Root's store and runtime dirs inside a `TestEnv`, away from /var/lib/cove and
/// /run/cove. The runtime dir is deliberately not `env.run/cove`: `TestEnv`'s clean-up
/// kills everything in the user namespace of a pause process recorded there, and root's
/// pause process lives in the host's user namespace.
pub struct Rootful {
    pub env: TestEnv,
}

impl Rootful {
    pub fn new(name: &str) -> Rootful {
        Rootful {
            env: TestEnv::new(name),
        }
    }

    pub fn root(&self) -> PathBuf {
        self.env.base.join("root-data")
    }

    pub fn runroot(&self) -> PathBuf {
        self.env.base.join("root-run")
    }

    /// A shell command line running rootful cove on this store (for `Step::Sh`).
    pub fn cove_line(&self, args: &[&str]) -> String {
        let mut all = vec![
            cove_bin().display().to_string(),
            "--root".into(),
            self.root().display().to_string(),
            "--runroot".into(),
            self.runroot().display().to_string(),
        ];
        all.extend(args.iter().map(|a| a.to_string()));
        all.iter().map(|a| quote(a)).collect::<Vec<_>>().join(" ")
    }

    /// Run `steps` in one throwaway namespace whose `/` is rshared, recording the mount
    /// table before and after each. Every step runs even if an earlier one failed; then
    /// `system reset --force` removes whatever the steps left (containers, networks, the
    /// pause process) and is recorded as the last step, so it is checked too.
    pub fn session(&self, steps: &[Step]) -> Session {
        let dir = self.env.base.join("session");
        fs::create_dir_all(&dir).expect("create session dir");
        let d = quote(&dir.display().to_string());
        let mut script = format!(
            "mount --make-rshared / || exit 90\n\
             cat /proc/self/mountinfo > {d}/before\n\
             step() {{ n=$1; shift; \"$@\" > {d}/out.$n 2>&1; echo $? > {d}/rc.$n; \
             cat /proc/self/mountinfo > {d}/mounts.$n; }}\n"
        );
        let mut commands = Vec::new();
        let all = steps
            .iter()
            .map(|s| match s {
                Step::Cove(args) => {
                    let args: Vec<&str> = args.iter().map(String::as_str).collect();
                    (self.cove_line(&args), format!("cove {}", args.join(" ")))
                }
                Step::Sh(text) => (format!("sh -c {}", quote(text)), text.clone()),
            })
            .chain(std::iter::once((
                self.cove_line(&["system", "reset", "--force"]),
                "cove system reset --force".to_string(),
            )));
        for (n, (line, shown)) in all.enumerate() {
            script.push_str(&format!("step {n} {line}\n"));
            commands.push(shown);
        }
        // Should the reset itself fail, the pause process must still go: it would keep
        // this namespace's copy (and the container mounts in it) alive after the test.
        let pid_file = quote(&self.runroot().join("pause.pid").display().to_string());
        script.push_str(&format!(
            "p=$(cat {pid_file} 2>/dev/null) && \
             [ \"$(cat /proc/$p/comm 2>/dev/null)\" = cove-pause ] && kill -9 \"$p\"\n\
             exit 0\n"
        ));
        let out = Command::new("unshare")
            .args(["-m", "--propagation", "slave", "sh", "-c", &script])
            .env_clear()
            .env("HOME", &self.env.home)
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            // Root ignores XDG_RUNTIME_DIR; it marks every process this session starts,
            // so `TestEnv`'s clean-up finds leftovers (shims, network helpers).
            .env("XDG_RUNTIME_DIR", &self.env.run)
            .current_dir(&self.env.base)
            .output()
            .expect("spawn unshare");
        assert!(
            out.status.success(),
            "the throwaway namespace failed: {}",
            describe(&out)
        );
        let read = |name: String| fs::read_to_string(dir.join(&name)).unwrap_or_default();
        Session {
            before: read("before".into()),
            steps: commands
                .into_iter()
                .enumerate()
                .map(|(n, command)| StepResult {
                    command,
                    code: read(format!("rc.{n}")).trim().parse().unwrap_or(-1),
                    output: read(format!("out.{n}")),
                    mounts: read(format!("mounts.{n}")),
                })
                .collect(),
        }
    }
}

impl Session {
    /// Panic naming the first step after which the mount table differs from the one
    /// before the session (lines gone and lines added), exactly as the kernel prints it.
    pub fn assert_mounts_unchanged(&self) {
        assert!(!self.before.is_empty(), "no mount table recorded");
        for s in &self.steps {
            if s.mounts == self.before {
                continue;
            }
            let before: Vec<&str> = self.before.lines().collect();
            let after: Vec<&str> = s.mounts.lines().collect();
            let gone: Vec<&&str> = before.iter().filter(|l| !after.contains(l)).collect();
            let added: Vec<&&str> = after.iter().filter(|l| !before.contains(l)).collect();
            panic!(
                "`{}` (exit {}) changed the host's mount table.\ngone:\n{}\nadded:\n{}\noutput:\n{}",
                s.command,
                s.code,
                gone.iter().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"),
                added.iter().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"),
                s.output
            );
        }
    }

    /// Panic naming the first step that failed.
    pub fn assert_all_succeeded(&self) {
        if let Some(s) = self.steps.iter().find(|s| s.code != 0) {
            panic!("`{}` failed (exit {}): {}", s.command, s.code, s.output);
        }
    }

    /// The step whose command is exactly `command` (as shown: `cove ARGS...`).
    pub fn step(&self, command: &str) -> &StepResult {
        self.steps
            .iter()
            .find(|s| s.command == command)
            .unwrap_or_else(|| panic!("no step `{command}`"))
    }
}

/// Single-quote for sh.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
