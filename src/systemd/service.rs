//! The [Service] body both `generate systemd --new` and quadlet `.container` files get:
//! each start runs a fresh container with `cove run --replace --rm -d --sdnotify=...`,
//! each stop removes it. One builder, so the two cannot drift apart.

use super::unit::command_line;

/// Who tells systemd the container is ready (`--sdnotify`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ready {
    /// cove, once the container runs (`--sdnotify=conmon`).
    Cove,
    /// The container itself, through the socket mounted into it (`--sdnotify=container`).
    Container,
}

/// A unit that runs a new container at each start. Every word is already quoted for a
/// command line (`literal_word` or `unit_word`: only the caller knows whether `%`
/// specifiers in it are meant).
pub struct NewContainer<'a> {
    /// The cove binary and its global flags.
    pub cove: &'a [String],
    /// The container's name.
    pub name: &'a str,
    pub ready: Ready,
    /// `cove run` arguments after the ones this sets: flags, the image, its command.
    pub run_args: &'a [String],
    /// Seconds `ExecStop` lets the container stop before killing it.
    pub stop_timeout: u32,
}

impl NewContainer<'_> {
    /// How systemd follows the container: the shim is the main process, and cove (not
    /// the shim) sends MAINPID= and READY=1, hence `NotifyAccess=all`. `KillMode=mixed`:
    /// systemd's own SIGTERM goes to the shim alone, never to every process of the
    /// container at once; stopping the container is `ExecStop`'s job (its stop signal,
    /// then the timeout), and only what is left at the end gets systemd's SIGKILL.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        vec![
            ("Type", "notify".into()),
            ("NotifyAccess", "all".into()),
            ("KillMode", "mixed".into()),
        ]
    }

    /// ExecStart, ExecStop and ExecStopPost. `--replace`: a container of that name left
    /// over (after a crash, or a start that systemd restarted) does not block the start.
    pub fn commands(&self) -> Vec<(&'static str, String)> {
        let sdnotify = match self.ready {
            Ready::Cove => "--sdnotify=conmon",
            Ready::Container => "--sdnotify=container",
        };
        let line = |args: &[&str]| -> String {
            let words: Vec<String> = self
                .cove
                .iter()
                .cloned()
                .chain(args.iter().map(|a| a.to_string()))
                .collect();
            command_line(&words)
        };
        let mut start = vec![
            "run",
            "--name",
            self.name,
            "--replace",
            "--rm",
            "-d",
            sdnotify,
        ];
        start.extend(self.run_args.iter().map(String::as_str));
        let timeout = self.stop_timeout.to_string();
        vec![
            ("ExecStart", line(&start)),
            (
                "ExecStop",
                line(&["rm", "-f", "--ignore", "-t", &timeout, self.name]),
            ),
            // `-`: the container is usually gone already; that is no failure.
            (
                "ExecStopPost",
                format!("-{}", line(&["rm", "-f", "--ignore", self.name])),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_replaces_and_removes_the_named_container() {
        let cove = vec!["/usr/bin/cove".to_string(), "--root".into(), "/d".into()];
        let args = vec!["-e".to_string(), "\"A=two words\"".into(), "busybox".into()];
        let n = NewContainer {
            cove: &cove,
            name: "web",
            ready: Ready::Container,
            run_args: &args,
            stop_timeout: 7,
        };
        assert_eq!(
            n.commands(),
            [
                (
                    "ExecStart",
                    "/usr/bin/cove --root /d run --name web --replace --rm -d \
                     --sdnotify=container -e \"A=two words\" busybox"
                        .to_string()
                ),
                (
                    "ExecStop",
                    "/usr/bin/cove --root /d rm -f --ignore -t 7 web".to_string()
                ),
                (
                    "ExecStopPost",
                    "-/usr/bin/cove --root /d rm -f --ignore web".to_string()
                ),
            ]
        );
        assert!(n.settings().contains(&("KillMode", "mixed".to_string())));
    }
}
