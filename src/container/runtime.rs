//! Driving an OCI runtime binary (cove-runtime by default, or runc, crun, youki) through
//! the standard commands. `create` is run by the shim, which must be the parent of the
//! container; everything else is run from here.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("OCI runtime \"{0}\" not found (install it, or use --runtime with a path)")]
    NotFound(String),
    #[error("OCI runtime {runtime} {verb} failed: {message}")]
    Failed {
        runtime: String,
        verb: &'static str,
        message: String,
    },
    #[error("running OCI runtime {0}: {1}")]
    Spawn(String, std::io::Error),
}

/// A runtime binary plus the state root it keeps its containers under.
#[derive(Debug, Clone)]
pub struct OciRuntime {
    pub path: PathBuf,
    /// `--root` for every invocation: under cove's runtime dir, so a reboot (which wipes
    /// the runtime dir) also forgets the runtime's state, as it forgets the processes.
    pub root: PathBuf,
    /// The built-in runtime: `start` and `delete` run in this process (the same code as
    /// `cove-runtime start/delete`), two fewer processes on every container's way.
    pub builtin: bool,
    /// `--runtime-flag`s of the invocation, as `--FLAG[=VALUE]` before the subcommand.
    pub flags: Vec<String>,
}

/// The built-in runtime's name.
pub const BUILTIN: &str = "cove-runtime";

impl OciRuntime {
    /// `name` is a name looked up beside cove and on PATH, or a path. None: the built-in
    /// runtime.
    pub fn resolve(name: Option<&str>, runtime_dir: &Path) -> Result<OciRuntime, RuntimeError> {
        let name = name.unwrap_or(BUILTIN);
        let builtin = name == BUILTIN;
        let path = if builtin {
            crate::paths::find_helper(name)
        } else {
            crate::paths::find_program(name)
        }
        .ok_or_else(|| RuntimeError::NotFound(name.to_string()))?;
        let base = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| "runtime".into());
        Ok(OciRuntime {
            path,
            root: runtime_dir.join("oci").join(base),
            builtin,
            flags: Vec::new(),
        })
    }

    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// Arguments that go before the subcommand.
    pub fn global_args(&self) -> Vec<String> {
        let mut args = vec!["--root".into(), self.root.display().to_string()];
        args.extend(
            self.flags
                .iter()
                .map(|f| format!("--{}", f.trim_start_matches('-'))),
        );
        args
    }

    fn run(&self, verb: &'static str, args: &[&str]) -> Result<String, RuntimeError> {
        let mut cmd = Command::new(&self.path);
        cmd.args(self.global_args())
            .arg(verb)
            .args(args)
            .stdin(Stdio::null());
        crate::log::command(&cmd);
        let out = cmd
            .output()
            .map_err(|e| RuntimeError::Spawn(self.name(), e))?;
        if out.status.success() {
            return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
        }
        Err(self.failed(
            verb,
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }

    /// Release a created container's process to exec its command.
    pub fn start(&self, id: &str) -> Result<(), RuntimeError> {
        if self.builtin {
            return cove_runtime::lifecycle::start(&self.root, id)
                .map_err(|m| self.failed("start", m));
        }
        self.run("start", &[id]).map(drop)
    }

    fn failed(&self, verb: &'static str, message: String) -> RuntimeError {
        RuntimeError::Failed {
            runtime: self.name(),
            verb,
            message,
        }
    }

    pub fn kill(&self, id: &str, signal: &str) -> Result<(), RuntimeError> {
        self.run("kill", &[id, signal]).map(drop)
    }

    /// Forget the container; `force` also kills it. A container the runtime does not
    /// know is not an error (cleanup runs after reboots and crashes too).
    pub fn delete(&self, id: &str, force: bool) -> Result<(), RuntimeError> {
        // runc, crun and cove-runtime keep a container's state in ROOT/ID: without it
        // there is nothing to delete, and no process need be started to say so.
        if !self.root.join(id).exists() {
            return Ok(());
        }
        let args: &[&str] = if force { &["--force", id] } else { &[id] };
        let deleted = if self.builtin {
            cove_runtime::lifecycle::delete(&self.root, id, force)
                .map_err(|m| self.failed("delete", m))
        } else {
            self.run("delete", args).map(drop)
        };
        match deleted {
            Err(RuntimeError::Failed { message, .. })
                if message.contains("does not exist") || message.contains("not found") =>
            {
                Ok(())
            }
            other => other,
        }
    }
}
