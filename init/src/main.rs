//! cove-init: PID 1 for `cove run --init`. Starts the command, forwards the signals a
//! container receives to it, reaps every zombie (orphans are re-parented to PID 1), and
//! exits with the command's exit code (128+N when a signal ended it).
//!
//! Usage: cove-init -- COMMAND [ARGS...]
//!        cove-init -P   (a pod's infra container: holds its namespaces until stopped)

use std::ffi::CString;
use std::os::unix::ffi::OsStringExt;

/// Signals passed on to the child, with every real-time one (systemd in a container stops
/// on SIGRTMIN+3); the rest keep their default (SIGCHLD is waited for).
const FORWARDED: &[libc::c_int] = &[
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGTERM,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGWINCH,
    libc::SIGCONT,
    libc::SIGTSTP,
    libc::SIGTTIN,
    libc::SIGTTOU,
    libc::SIGALRM,
    libc::SIGPIPE,
];

fn die(msg: &str, code: i32) -> ! {
    eprintln!("cove-init: {msg}");
    std::process::exit(code);
}

fn main() {
    let mut args: Vec<CString> = std::env::args_os()
        .skip(1)
        .skip_while(|a| a == "--")
        .filter_map(|a| CString::new(a.into_vec()).ok())
        .collect();
    if args.is_empty() {
        die("usage: cove-init -- COMMAND [ARGS...] | cove-init -P", 2);
    }
    let pause = args.len() == 1 && args[0].as_bytes() == b"-P";
    // SAFETY: plain libc calls on a single-threaded process; the sigset is initialised by
    // sigemptyset before use.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGCHLD);
        for s in FORWARDED
            .iter()
            .copied()
            .chain(libc::SIGRTMIN()..=libc::SIGRTMAX())
        {
            libc::sigaddset(&mut set, s);
        }
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigprocmask(libc::SIG_BLOCK, &set, &mut old);

        if pause {
            // Nothing to run: wait to be stopped, reaping whatever is re-parented here.
            loop {
                let mut info: libc::siginfo_t = std::mem::zeroed();
                match libc::sigwaitinfo(&set, &mut info) {
                    libc::SIGCHLD => {
                        while libc::waitpid(-1, std::ptr::null_mut(), libc::WNOHANG) > 0 {}
                    }
                    libc::SIGTERM | libc::SIGINT | libc::SIGHUP | libc::SIGQUIT => {
                        std::process::exit(0)
                    }
                    _ => {}
                }
            }
        }

        let child = libc::fork();
        if child < 0 {
            die("fork failed", 125);
        }
        if child == 0 {
            libc::sigprocmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
            // Own process group, so a terminal's job control reaches the command.
            libc::setpgid(0, 0);
            let mut argv: Vec<*const libc::c_char> = args.iter().map(|a| a.as_ptr()).collect();
            argv.push(std::ptr::null());
            libc::execvp(argv[0], argv.as_ptr());
            let err = std::io::Error::last_os_error();
            let code = if err.raw_os_error() == Some(libc::ENOENT) {
                127
            } else {
                126
            };
            let name = args.remove(0);
            die(&format!("exec {:?}: {err}", name), code);
        }

        loop {
            let mut info: libc::siginfo_t = std::mem::zeroed();
            let sig = libc::sigwaitinfo(&set, &mut info);
            if sig < 0 {
                continue;
            }
            if sig != libc::SIGCHLD {
                libc::kill(child, sig);
                continue;
            }
            // Reap everything that exited; stop when the command itself has.
            loop {
                let mut status = 0;
                let pid = libc::waitpid(-1, &mut status, libc::WNOHANG);
                if pid <= 0 {
                    break;
                }
                if pid == child {
                    let code = if libc::WIFEXITED(status) {
                        libc::WEXITSTATUS(status)
                    } else {
                        128 + libc::WTERMSIG(status)
                    };
                    std::process::exit(code);
                }
            }
        }
    }
}
