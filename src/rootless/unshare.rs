//! `cove unshare [CMD...]`: run a command inside the per-user namespace, as its uid 0.

use std::os::unix::process::ExitStatusExt;
use std::process::Command;

use nix::sys::signal::{signal, SigHandler, Signal};

use super::RootlessError;

/// Environment variable set for the command, so scripts and prompts can tell.
pub const UNSHARE_ENV: &str = "COVE_UNSHARE";

/// The command to run: `cmd` if given, else the user's `$SHELL`, else /bin/sh.
pub fn command_line(cmd: &[String], shell: Option<String>) -> Vec<String> {
    if cmd.is_empty() {
        vec![shell
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "/bin/sh".into())]
    } else {
        cmd.to_vec()
    }
}

/// Exit code of a finished child in the shell's convention: signals become 128+n.
pub fn exit_code(status: std::process::ExitStatus) -> i32 {
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(1)
}

/// Run `cmd` (default: `$SHELL` or /bin/sh) in the namespace `enter` already put us in,
/// wait for it and return its exit code.
pub fn unshare_command(cmd: &[String]) -> Result<i32, RootlessError> {
    let argv = command_line(cmd, std::env::var("SHELL").ok());
    let mut child = Command::new(&argv[0])
        .args(&argv[1..])
        .env(UNSHARE_ENV, "1")
        .spawn()
        .map_err(|source| RootlessError::Spawn {
            program: argv[0].clone(),
            source,
        })?;
    // Like system(3): Ctrl-C and Ctrl-\ go to the whole foreground group; the command
    // decides what they mean and we stay to collect its status. Ignoring only after the
    // spawn keeps the child's dispositions at their defaults (ignored ones survive exec).
    // SAFETY: installing SIG_IGN has no handler code to be unsafe.
    let old = unsafe {
        (
            signal(Signal::SIGINT, SigHandler::SigIgn),
            signal(Signal::SIGQUIT, SigHandler::SigIgn),
        )
    };
    let status = child.wait();
    // SAFETY: restoring the dispositions we replaced above.
    unsafe {
        if let Ok(h) = old.0 {
            let _ = signal(Signal::SIGINT, h);
        }
        if let Ok(h) = old.1 {
            let _ = signal(Signal::SIGQUIT, h);
        }
    }
    let status = status.map_err(|source| RootlessError::Io {
        context: format!("waiting for {}", argv[0]),
        source,
    })?;
    Ok(exit_code(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_command_is_shell() {
        assert_eq!(command_line(&[], Some("/bin/zsh".into())), ["/bin/zsh"]);
        assert_eq!(command_line(&[], Some(String::new())), ["/bin/sh"]);
        assert_eq!(command_line(&[], None), ["/bin/sh"]);
        let cmd = vec!["id".to_string(), "-u".to_string()];
        assert_eq!(command_line(&cmd, Some("/bin/zsh".into())), cmd);
    }

    #[test]
    fn exit_codes() {
        let st = |raw| std::process::ExitStatus::from_raw(raw);
        assert_eq!(exit_code(st(0)), 0);
        assert_eq!(exit_code(st(3 << 8)), 3);
        assert_eq!(exit_code(st(9)), 137);
    }

    #[test]
    fn runs_command_and_returns_code() {
        let code = unshare_command(&[
            "sh".into(),
            "-c".into(),
            "test \"$COVE_UNSHARE\" = 1 && exit 7".into(),
        ]);
        assert_eq!(code.unwrap(), 7);
        assert!(matches!(
            unshare_command(&["/nonexistent/cmd".into()]),
            Err(RootlessError::Spawn { .. })
        ));
    }
}
