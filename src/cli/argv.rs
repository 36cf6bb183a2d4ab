//! cove's own command line as clap sees it: the record of a container's create arguments
//! (`config.create_command`, what `generate systemd --new` replays), and dropping flags
//! from such a record by clap id without taking a flag's value for the image.

use std::ffi::OsString;

use clap::CommandFactory;

/// One item of a command line: a flag with its value, or everything from the first
/// positional argument on.
pub struct Item {
    pub tokens: Vec<String>,
    /// The clap id of the flag (None for positionals and flags clap does not know).
    pub id: Option<String>,
    /// One of cove's global flags (`--root`, `--log-level`, ...): not part of a
    /// container's configuration.
    pub global: bool,
    positional: bool,
}

fn takes_value(arg: &clap::Arg) -> (bool, bool) {
    let range = arg.get_num_args().unwrap_or_default();
    (range.max_values() > 0, range.min_values() == 0)
}

/// Split `args` the way clap parsed them against `cmd` (built), so flags can be dropped
/// without mistaking a flag's value for the image. Short clusters (`-dit`) become one
/// item per flag.
pub fn items(cmd: &clap::Command, args: &[String]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut i = 0;
    // A value flag takes the next token, except an optional value (`--pull[=POLICY]`),
    // which clap only takes when it does not look like a flag.
    let value = |arg: &clap::Arg, i: &mut usize, tokens: &mut Vec<String>| {
        let (takes, optional) = takes_value(arg);
        if let Some(next) = args.get(*i + 1).filter(|_| takes) {
            if !optional || !next.starts_with('-') {
                tokens.push(next.clone());
                *i += 1;
            }
        }
    };
    let flag = |arg: Option<&clap::Arg>, tokens: Vec<String>| Item {
        tokens,
        id: arg.map(|x| x.get_id().to_string()),
        global: arg.is_some_and(clap::Arg::is_global_set),
        positional: false,
    };
    while i < args.len() {
        let a = &args[i];
        if a == "--" || a == "-" || !a.starts_with('-') {
            out.push(Item {
                tokens: args[i..].to_vec(),
                id: None,
                global: false,
                positional: true,
            });
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, _)) => (n, true),
                None => (body, false),
            };
            let arg = cmd.get_arguments().find(|x| {
                x.get_long() == Some(name)
                    || x.get_all_aliases().is_some_and(|al| al.contains(&name))
            });
            let mut tokens = vec![a.clone()];
            if let (Some(arg), false) = (arg, inline) {
                value(arg, &mut i, &mut tokens);
            }
            out.push(flag(arg, tokens));
        } else {
            let chars: Vec<char> = a[1..].chars().collect();
            for (j, c) in chars.iter().enumerate() {
                let arg = cmd.get_arguments().find(|x| {
                    x.get_short() == Some(*c)
                        || x.get_all_short_aliases().is_some_and(|al| al.contains(c))
                });
                match arg.filter(|x| takes_value(x).0) {
                    Some(with_value) => {
                        let rest: String = chars[j + 1..].iter().collect();
                        let mut tokens = vec![format!("-{c}{rest}")];
                        if rest.is_empty() {
                            value(with_value, &mut i, &mut tokens);
                        }
                        out.push(flag(arg, tokens));
                        break;
                    }
                    None => out.push(flag(arg, vec![format!("-{c}")])),
                }
            }
        }
        i += 1;
    }
    out
}

/// cove's command definition, built: global flags propagated into every subcommand, so
/// `items` recognises them wherever they were given.
pub fn built_cli() -> clap::Command {
    let mut cmd = super::Cli::command();
    cmd.build();
    cmd
}

/// The definition that parsed this process's command line: clap built the root and the
/// subcommands on the parsed path, all `create_command` reads. Building the whole tree
/// again would cost about 3 ms of every `run`.
static PARSED: std::sync::OnceLock<clap::Command> = std::sync::OnceLock::new();

/// Keep `cmd`, which parsed this process's command line, for [`create_command`].
pub fn keep_parsed(cmd: clap::Command) {
    let _ = PARSED.set(cmd);
}

/// The arguments after `run`/`create` (or `pod create`) in cove's own command line
/// (`argv`, from `args_os`), without the global flags (a unit passes its own); empty when
/// `argv` is none of these. An argument that is not UTF-8 (only a path, like `--env-file`'s, can
/// be: clap refuses it elsewhere) is recorded lossily: a replay then names a file that
/// does not exist and fails saying so, where a panic here would have failed the create.
pub fn create_command(argv: impl Iterator<Item = OsString>) -> Vec<String> {
    match PARSED.get() {
        Some(parsed) => create_command_in(parsed, argv),
        None => create_command_in(&built_cli(), argv),
    }
}

/// [`create_command`] read with the definition `root` (built at least along the path of
/// `argv`).
fn create_command_in(root: &clap::Command, argv: impl Iterator<Item = OsString>) -> Vec<String> {
    let argv: Vec<String> = argv
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let Some((start, sub)) = run_or_create(root, &argv, true) else {
        return Vec::new();
    };
    items(sub, &argv[start..])
        .into_iter()
        .filter(|it| !it.global)
        .flat_map(|it| it.tokens)
        .collect()
}

/// Where the arguments of `run`/`create` (or `container run`/`create`, and with `pods`
/// `pod create`) begin in `args` (the command line without the program name), and that
/// subcommand's definition.
fn run_or_create<'a>(
    root: &'a clap::Command,
    args: &[String],
    pods: bool,
) -> Option<(usize, &'a clap::Command)> {
    let mut cmd = root;
    let mut start = 0;
    loop {
        let item = items(cmd, &args[start..])
            .into_iter()
            .find(|it| it.positional)?;
        let sub = item.tokens.first().and_then(|t| cmd.find_subcommand(t))?;
        start = args.len() - item.tokens.len() + 1;
        match sub.get_name() {
            "container" => cmd = sub,
            "pod" if pods => cmd = sub,
            "run" | "create" => return Some((start, sub)),
            _ => return None,
        }
    }
}

/// `run`/`create` stop reading flags at the image, as docker and podman do: in
/// `run --entrypoint sh IMAGE -c CMD` the `-c` is the container's, not `--cpu-shares`.
/// clap would still take a flag it knows after the image, so a `--` goes after it.
/// `root` must be built along the path of `argv` (a parse of `argv` does that, even one
/// that failed in `run`'s flags).
pub fn end_flags_at_image(root: &clap::Command, argv: Vec<OsString>) -> Vec<OsString> {
    if !argv.iter().any(|a| a == "run" || a == "create") {
        return argv;
    }
    let args: Vec<String> = argv
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let Some((start, sub)) = run_or_create(root, &args, false) else {
        return argv;
    };
    let Some(rest) = items(sub, &args[start..])
        .into_iter()
        .find(|it| it.positional)
    else {
        return argv;
    };
    match rest.tokens.as_slice() {
        [image, next, ..] if image != "--" && next != "--" => {
            // Index in argv (which has the program name) of what follows the image.
            let after_image = args.len() - rest.tokens.len() + 2;
            let mut argv = argv;
            argv.insert(after_image, "--".into());
            argv
        }
        _ => argv,
    }
}

/// A recorded create command (as `run` would parse it) without global flags and without
/// the flags whose clap ids are in `drop`.
pub fn without(create_command: &[String], drop: &[&str]) -> Vec<String> {
    let root = built_cli();
    let Some(run) = root.find_subcommand("run") else {
        return Vec::new();
    };
    kept(run, create_command, drop)
        .into_iter()
        .flat_map(|it| it.tokens)
        .collect()
}

/// A pod's command line as Podman records it (inspect's CreateCommand): all of it, the
/// program's name included.
pub fn pod_command_line(argv: impl Iterator<Item = OsString>) -> Vec<String> {
    argv.map(|a| a.to_string_lossy().into_owned()).collect()
}

/// The `pod create` arguments in a pod's recorded command line, read as [`without`] reads
/// a container's, and the clap ids of the flags left in them. None when the pod was not
/// made by `pod create` (`kube play` and `pod clone` make pods too).
pub fn pod_create_without(
    command_line: &[String],
    drop: &[&str],
) -> Option<(Vec<String>, Vec<String>)> {
    let root = built_cli();
    let pod_create = root.find_subcommand("pod")?.find_subcommand("create")?;
    let args = command_line.get(1..)?;
    let (start, sub) = run_or_create(&root, args, true)?;
    if !std::ptr::eq(sub, pod_create) {
        return None;
    }
    let items = kept(sub, &args[start..], drop);
    let ids = items.iter().filter_map(|it| it.id.clone()).collect();
    Some((items.into_iter().flat_map(|it| it.tokens).collect(), ids))
}

fn kept(cmd: &clap::Command, create_command: &[String], drop: &[&str]) -> Vec<Item> {
    items(cmd, create_command)
        .into_iter()
        .filter(|it| !it.global && !it.id.as_deref().is_some_and(|id| drop.contains(&id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStringExt;

    fn strings(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    fn os(s: &[&str]) -> impl Iterator<Item = OsString> {
        strings(s).into_iter().map(OsString::from)
    }

    #[test]
    fn records_the_arguments_after_run_or_create() {
        // After the global flags and the cluster, everything is kept as given, the
        // command's own `--root` included.
        let kept = [
            "--name",
            "web",
            "-e",
            "A=-1",
            "-p8080:80",
            "busybox",
            "--root",
            "-x",
        ];
        let mut argv = vec![
            "/usr/bin/cove",
            "--root",
            "/r",
            "--log-level=debug",
            "container",
            "run",
            "-dit",
            "--runroot=/x",
            "--cgroup-manager",
            "cgroupfs",
        ];
        argv.extend(kept);
        let mut expected = vec!["-d", "-i", "-t"];
        expected.extend(kept);
        assert_eq!(create_command(os(&argv)), strings(&expected));
        let argv = os(&["cove", "create", "--pull", "always", "busybox"]);
        assert_eq!(
            create_command(argv),
            strings(&["--pull", "always", "busybox"])
        );
        assert!(create_command(os(&["cove", "ps", "-a"])).is_empty());
        assert_eq!(
            create_command(os(&[
                "cove", "--root", "/r", "pod", "create", "--name", "p"
            ])),
            strings(&["--name", "p"])
        );
        assert!(create_command(os(&["cove", "pod", "start", "p"])).is_empty());
        assert!(create_command(os(&["cove", "--root", "run"])).is_empty());
    }

    #[test]
    fn the_definition_that_parsed_reads_as_the_whole_tree() {
        let whole = built_cli();
        for argv in [
            &[
                "cove",
                "--log-level=debug",
                "run",
                "-dit",
                "--rm",
                "-p",
                "80:80",
                "img",
                "sh",
            ][..],
            &[
                "cove",
                "container",
                "create",
                "--pull",
                "always",
                "--name=x",
                "img",
            ][..],
            &[
                "cove",
                "--root",
                "/r",
                "container",
                "run",
                "-e",
                "A=1",
                "img",
                "true",
            ][..],
        ] {
            let mut parsed = crate::cli::examples::command();
            parsed
                .try_get_matches_from_mut(argv.iter().copied())
                .unwrap();
            let from_parsed = create_command_in(&parsed, os(argv));
            assert!(!from_parsed.is_empty(), "{argv:?}");
            assert_eq!(from_parsed, create_command_in(&whole, os(argv)), "{argv:?}");
        }
        // A parse that failed on a flag after the image built `run` all the same.
        let argv = ["cove", "run", "--entrypoint", "sh", "img", "-c", "echo hi"];
        let mut parsed = crate::cli::examples::command();
        assert!(parsed.try_get_matches_from_mut(argv).is_err());
        let ended = end_flags_at_image(&parsed, os(&argv).collect());
        assert_eq!(ended, end_flags_at_image(&whole, os(&argv).collect()));
        assert_eq!(ended[5], "--");
        assert!(parsed.try_get_matches_from_mut(ended).is_ok());
    }

    #[test]
    fn arguments_that_are_not_utf8_are_recorded_lossily() {
        let argv = vec![
            OsString::from("cove"),
            OsString::from("--root"),
            OsString::from_vec(b"/data\xff".to_vec()),
            OsString::from("run"),
            OsString::from("--env-file"),
            OsString::from_vec(b"/e\xfe".to_vec()),
            OsString::from("busybox"),
        ];
        assert_eq!(
            create_command(argv.into_iter()),
            strings(&["--env-file", "/e\u{fffd}", "busybox"])
        );
    }

    #[test]
    fn the_global_flags_are_the_ones_clap_calls_global() {
        let root = built_cli();
        let mut globals: Vec<String> = root
            .get_arguments()
            .filter(|a| a.is_global_set())
            .map(|a| a.get_id().to_string())
            .collect();
        globals.sort();
        assert_eq!(
            globals,
            [
                "cgroup_manager",
                "events_backend",
                "hooks_dir",
                "log_level",
                "noout",
                "root",
                "runroot",
                "runtime",
                "runtime_flag",
                "storage_driver",
                "storage_opt",
                "tmpdir"
            ]
        );
    }

    #[test]
    fn without_drops_flags_by_id_and_never_a_value_or_the_command() {
        let recorded = strings(&[
            "-dit",
            "--rm",
            "--name=web",
            "--log-level",
            "debug",
            "-e",
            "X=1",
            "--pull",
            "--restart",
            "always",
            "busybox",
            "sh",
            "-c",
            "--name x",
        ]);
        assert_eq!(
            without(&recorded, &["detach", "rm", "name", "restart", "tty"]),
            strings(&["-i", "-e", "X=1", "--pull", "busybox", "sh", "-c", "--name x"])
        );
    }

    #[test]
    fn flags_end_at_the_image() {
        let ended = |s: &[&str]| -> Vec<String> {
            end_flags_at_image(&built_cli(), os(s).collect())
                .into_iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(
            ended(&[
                "cove",
                "--root",
                "/r",
                "run",
                "--entrypoint",
                "sh",
                "-e",
                "A=1",
                "img",
                "-c",
                "x"
            ]),
            strings(&[
                "cove",
                "--root",
                "/r",
                "run",
                "--entrypoint",
                "sh",
                "-e",
                "A=1",
                "img",
                "--",
                "-c",
                "x"
            ])
        );
        assert_eq!(
            ended(&["cove", "container", "create", "-it", "img", "-l"]),
            strings(&["cove", "container", "create", "-it", "img", "--", "-l"])
        );
        // Nothing after the image, an explicit `--`, or another command: unchanged.
        for argv in [
            &["cove", "run", "--rm", "img"][..],
            &["cove", "run", "img", "--", "-c"],
            &["cove", "exec", "box", "run", "-c"],
            &["cove", "ps", "-a"],
        ] {
            assert_eq!(ended(argv), strings(argv));
        }
    }
}
