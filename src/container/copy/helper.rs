//! Copying with a running container goes through its namespaces: what it sees at a path
//! may be a volume, a bind mount or a tmpfs that exists only in its mount namespace, and
//! a file written to the overlay's upper directory under such a path would be hidden by
//! that mount. So cove starts itself again as a helper (`cove container copy-helper PID
//! REQUEST`, hidden), which joins the container's user, pid and mount namespaces with
//! setns (a fresh process is single-threaded, as setns into a user namespace needs, which
//! the API service is not), forks once more so that the child is inside the pid namespace
//! (the container's /proc then knows it: the resolution code names handles through
//! /proc/self/fd), chroots into the container's `/` and runs the same find / archive /
//! unpack code as for a stopped container, with the tar stream on its stdin or stdout.
//! Inside the container's user namespace its root is uid 0, so owners are the container's.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use nix::sched::{setns, CloneFlags};
use nix::unistd::{fork, ForkResult};

use super::archive::{self, Found};
use super::CopyError;

type Result<T> = std::result::Result<T, CopyError>;

/// What the helper does, in the container's `/`. Passed as one JSON argument.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Request {
    /// Print the `Found` of a path as JSON (`null` when there is nothing).
    Find { path: PathBuf },
    /// Write a tar of `path` on stdout.
    Archive {
        path: PathBuf,
        name: Option<PathBuf>,
    },
    /// The Docker API's stat of `path` as JSON (`null` when there is nothing).
    Stat { path: PathBuf },
    /// The Docker API's tar of `path` on stdout.
    DockerArchive { path: PathBuf },
    /// The Docker API's unpacking of the tar on stdin into `path`.
    DockerExtract { path: PathBuf },
    /// Unpack the tar on stdin into `dir`.
    Extract {
        dir: PathBuf,
        owner: Option<(u32, u32)>,
        keep_kinds: bool,
    },
}

/// The namespaces joined, user first: the others belong to it (`--userns=keep-id`).
const NAMESPACES: &[(&str, CloneFlags)] = &[
    ("user", CloneFlags::CLONE_NEWUSER),
    ("pid", CloneFlags::CLONE_NEWPID),
    ("mnt", CloneFlags::CLONE_NEWNS),
];

/// Start the helper for `pid` (`cove` and its global flags in `command`).
pub(super) fn spawn(
    command: &[String],
    pid: i32,
    req: &Request,
    stdin: Stdio,
    stdout: Stdio,
) -> Result<Child> {
    let (exe, globals) = command
        .split_first()
        .ok_or_else(|| CopyError::Helper("no cove command to run the helper with".into()))?;
    let json = serde_json::to_string(req).map_err(|e| CopyError::Helper(e.to_string()))?;
    Command::new(exe)
        .args(globals)
        .args(["container", "copy-helper", &pid.to_string(), &json])
        .stdin(stdin)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| CopyError::Helper(format!("starting the copy helper: {e}")))
}

/// Wait for the helper; its error line (if it failed) becomes ours.
pub(super) fn finish(mut child: Child) -> Result<()> {
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    let status = child
        .wait()
        .map_err(|e| CopyError::Helper(format!("waiting for the copy helper: {e}")))?;
    if status.success() {
        return Ok(());
    }
    let line = err
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim_start_matches("Error: ").to_string())
        .unwrap_or_else(|| format!("the copy helper failed ({status})"));
    Err(CopyError::Helper(line))
}

/// `Find` through a helper.
pub(super) fn find(command: &[String], pid: i32, path: &Path) -> Result<Option<Found>> {
    let req = Request::Find {
        path: path.to_path_buf(),
    };
    let mut child = spawn(command, pid, &req, Stdio::null(), Stdio::piped())?;
    let mut out = String::new();
    if let Some(mut o) = child.stdout.take() {
        let _ = o.read_to_string(&mut out);
    }
    finish(child)?;
    serde_json::from_str(&out)
        .map_err(|e| CopyError::Helper(format!("reading the copy helper's answer: {e}")))
}

/// The helper's side: join the namespaces of `pid`, then answer `request`. Returns the
/// exit code; errors are one line on stderr.
pub fn serve(pid: i32, request: &str) -> i32 {
    match join_and_fork(pid, request) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(io::stderr(), "Error: {e}");
            125
        }
    }
}

fn join_and_fork(pid: i32, request: &str) -> Result<i32> {
    let req: Request = serde_json::from_str(request)
        .map_err(|e| CopyError::Helper(format!("bad copy request: {e}")))?;
    let gone = |_| CopyError::Helper(format!("container process {pid} is gone"));
    let mut files = Vec::new();
    for (name, flag) in NAMESPACES {
        let path = format!("/proc/{pid}/ns/{name}");
        let own = std::fs::read_link(format!("/proc/self/ns/{name}")).ok();
        let theirs = std::fs::read_link(&path).map_err(gone)?;
        // Joining one we are in is moot (and refused for mnt).
        if own.as_ref() != Some(&theirs) {
            files.push((File::open(&path).map_err(gone)?, *flag));
        }
    }
    let root = File::open(format!("/proc/{pid}/root")).map_err(gone)?;
    for (f, flag) in &files {
        setns(f.as_fd(), *flag)
            .map_err(|e| CopyError::Helper(format!("joining the container: {e}")))?;
    }
    // SAFETY: this process is single-threaded (a helper started for this only).
    match unsafe { fork() }.map_err(|e| CopyError::Helper(format!("fork: {e}")))? {
        ForkResult::Child => {
            let code = match in_root(&root, &req) {
                Ok(()) => 0,
                Err(e) => {
                    let _ = writeln!(io::stderr(), "Error: {e}");
                    1
                }
            };
            // SAFETY: leave without running the parent's destructors or atexit handlers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => Ok(match nix::sys::wait::waitpid(child, None) {
            Ok(nix::sys::wait::WaitStatus::Exited(_, code)) => code,
            _ => 1,
        }),
    }
}

/// In the child: the container's `/` becomes ours, then the request runs there.
fn in_root(root: &File, req: &Request) -> Result<()> {
    let sys = |what: &'static str| move |e: nix::Error| CopyError::Helper(format!("{what}: {e}"));
    nix::unistd::fchdir(root.as_fd()).map_err(sys("entering the container's root"))?;
    nix::unistd::chroot(".").map_err(sys("chroot"))?;
    nix::unistd::chdir("/").map_err(sys("chdir"))?;
    let slash = Path::new("/");
    let stdout = io::stdout();
    let answer = |json: serde_json::Result<String>| {
        let mut out = stdout.lock();
        writeln!(out, "{}", json.unwrap_or_else(|_| "null".into()))
            .and_then(|_| out.flush())
            .map_err(|e| CopyError::Helper(format!("writing the answer: {e}")))
    };
    let mut out = io::BufWriter::with_capacity(256 * 1024, io::stdout().lock());
    let flushed = |out: &mut io::BufWriter<_>, path: &Path| {
        out.flush().map_err(|e| CopyError::Io {
            what: "writing",
            path: path.display().to_string(),
            source: e,
        })
    };
    match req {
        Request::Find { path } => answer(serde_json::to_string(&archive::find(slash, path))),
        Request::Stat { path } => answer(serde_json::to_string(&archive::stat(slash, path).ok())),
        Request::Archive { path, name } => {
            archive::archive_as(slash, path, name.as_deref(), &mut out)?;
            flushed(&mut out, path)
        }
        Request::DockerArchive { path } => {
            archive::archive(slash, path, &mut out)?;
            flushed(&mut out, path)
        }
        Request::DockerExtract { path } => {
            archive::extract_into(slash, path, io::stdin().lock()).map(|_| ())
        }
        Request::Extract {
            dir,
            owner,
            keep_kinds,
        } => archive::unpack(slash, dir, *owner, *keep_kinds, io::stdin().lock()).map(|_| ()),
    }
}
