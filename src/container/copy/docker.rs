//! The Docker API's archive routes (what `docker cp` calls): stat, GET and PUT of a path,
//! on the container's files as it sees them, like `cove cp`: through the helper while it
//! runs (its volumes, bind mounts and tmpfs mounts), its mounted root with volumes and
//! bind mounts mapped to their sources otherwise. Docker's rules stay: a final symlink is
//! not followed, entries are archived as root, a PUT unpacks into an existing directory.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::Stdio;

use super::archive::{self, PathStat};
use super::helper::{self, Request};
use super::{CopyError, Fs, Result};
use crate::container::{Container, Engine};

impl Engine {
    /// The container's view for one API call: the helper's (running), or its root
    /// mounted for `f` and unmounted after unless it was mounted before.
    fn with_view<T>(&self, c: &mut Container, f: impl FnOnce(&Fs) -> Result<T>) -> Result<T> {
        if c.state.status.has_process() && c.state.pid > 0 {
            return f(&Fs::Ns {
                pid: c.state.pid,
                command: self.exit_command.clone(),
            });
        }
        let was_mounted = c.state.mounted;
        let root = self.mount(c).map_err(Box::new)?;
        let out = f(&Fs::Local {
            root,
            mounts: self.copy_mounts(c),
        });
        if !was_mounted {
            let _ = self.unmount(c);
        }
        out
    }

    /// `HEAD /containers/{id}/archive`.
    pub fn path_stat(&self, c: &mut Container, path: &Path) -> Result<PathStat> {
        self.with_view(c, |fs| match fs {
            Fs::Local { root, mounts } => {
                let l = Fs::locate(root, mounts, path);
                archive::stat(l.root, &l.path)
            }
            Fs::Ns { pid, command } => {
                let req = Request::Stat {
                    path: path.to_path_buf(),
                };
                let mut child = helper::spawn(command, *pid, &req, Stdio::null(), Stdio::piped())?;
                let mut out = String::new();
                if let Some(mut o) = child.stdout.take() {
                    let _ = o.read_to_string(&mut out);
                }
                helper::finish(child)?;
                let stat: Option<PathStat> = serde_json::from_str(&out)
                    .map_err(|e| CopyError::Helper(format!("reading the copy helper: {e}")))?;
                stat.ok_or_else(|| CopyError::NotFound(path.display().to_string()))
            }
        })
    }

    /// `GET /containers/{id}/archive`: the tar of `path`, its top entry its base name.
    pub fn archive_path(&self, c: &mut Container, path: &Path, out: &mut dyn Write) -> Result<()> {
        self.with_view(c, |fs| match fs {
            Fs::Local { root, mounts } => {
                let l = Fs::locate(root, mounts, path);
                archive::archive(l.root, &l.path, out)
            }
            Fs::Ns { pid, command } => {
                let req = Request::DockerArchive {
                    path: path.to_path_buf(),
                };
                let mut child = helper::spawn(command, *pid, &req, Stdio::null(), Stdio::piped())?;
                let copied = match child.stdout.take() {
                    Some(mut o) => io::copy(&mut o, out).map(|_| ()),
                    None => Ok(()),
                };
                helper::finish(child)?;
                copied.map_err(|e| CopyError::Io {
                    what: "sending",
                    path: path.display().to_string(),
                    source: e,
                })
            }
        })
    }

    /// `PUT /containers/{id}/archive`: a tar unpacked into the directory `path`.
    pub fn extract_path(&self, c: &mut Container, path: &Path, tar: &mut dyn Read) -> Result<()> {
        self.with_view(c, |fs| match fs {
            Fs::Local { root, mounts } => {
                let l = Fs::locate(root, mounts, path);
                archive::extract_into(l.root, &l.path, tar).map(|_| ())
            }
            Fs::Ns { pid, command } => {
                let shown = path.display().to_string();
                match fs.find(path)? {
                    None => return Err(CopyError::NotFound(shown)),
                    Some(f) if !f.is_dir => return Err(CopyError::NotADirectory(shown)),
                    Some(_) => {}
                }
                let req = Request::DockerExtract {
                    path: path.to_path_buf(),
                };
                let mut child = helper::spawn(command, *pid, &req, Stdio::piped(), Stdio::null())?;
                let fed = match child.stdin.take() {
                    Some(mut stdin) => io::copy(tar, &mut stdin).map(|_| ()),
                    None => Ok(()),
                };
                helper::finish(child).map_err(|e| CopyError::Unpack {
                    path: shown.clone(),
                    message: e.to_string(),
                })?;
                fed.map_err(|e| CopyError::Io {
                    what: "sending the archive to",
                    path: shown,
                    source: e,
                })
            }
        })
    }
}
