//! docs/COMPATIBILITY.md: every command and flag of Podman 4.3 and Docker 28 with its
//! status in cove. The tools' commands and flags are read from their `--help` (walked
//! recursively) into checked-in inventories (docs/compat/*.txt), so the table does not
//! depend on which tools a machine has; where the tool is installed at the same version,
//! its live help must still match the inventory. cove's side comes from its clap
//! definitions; reasons and not-applicable notes from docs/compatibility-notes.toml.
//!
//! Fails when a flag of either tool is neither accepted by cove nor given a note, when a
//! note no longer applies (cove accepts a flag it calls missing, or it matches nothing),
//! and when a checked-in file differs from what this generates.
//! `COVE_REGENERATE=1 cargo test --release --test compatibility` rewrites them.
//!
//! Plain cargo test: no test user, no registry.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use clap::CommandFactory;

const HOW: &str =
    "run `COVE_REGENERATE=1 cargo test --release --test compatibility` and commit the result";

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn regenerate() -> bool {
    std::env::var_os("COVE_REGENERATE").is_some_and(|v| v == "1")
}

/// A tool whose help is read: its binary and the version its inventory is for.
struct Tool {
    name: &'static str,
    binary: &'static str,
    /// The start of `--version`'s output at which the inventory was taken.
    version: &'static str,
    title: &'static str,
}

const TOOLS: [Tool; 2] = [
    Tool {
        name: "podman",
        binary: "podman",
        version: "podman version 4.3.",
        title: "Podman 4.3",
    },
    Tool {
        name: "docker",
        binary: "/usr/local/bin/docker",
        version: "Docker version 28.",
        title: "Docker 28",
    },
];

/// Command path ("" for the tool itself, "container run") to its long flags ("--all"; a
/// short-only flag as "-x").
type Inventory = BTreeMap<String, BTreeSet<String>>;

fn help(tool: &Tool, path: &str) -> String {
    let mut cmd = Command::new(tool.binary);
    cmd.args(path.split_whitespace()).arg("--help");
    // Fixed width and locale so line wrapping and defaults do not depend on the caller.
    cmd.env("COLUMNS", "200").env("LANG", "C");
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{} {path} --help: {e}", tool.binary));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Subcommands and flags of one help text. Sections are lines ending in ':' at column 0;
/// commands are listed under "... Commands:", flags under "Options:"/"Flags:" (and, for
/// the tool itself, "Global Options:"). Docker's plugins (`compose*`) are not Docker's.
fn parse_help(text: &str, root: bool) -> (Vec<String>, BTreeSet<String>) {
    let mut commands = Vec::new();
    let mut flags = BTreeSet::new();
    let mut section = String::new();
    for line in text.lines() {
        if !line.starts_with(' ') && line.trim_end().ends_with(':') {
            section = line.trim_end().to_string();
            continue;
        }
        if !line.starts_with("  ") {
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if section.ends_with("Commands:") {
            let word = trimmed.split_whitespace().next().unwrap_or_default();
            if indent == 2 && !word.is_empty() && !word.ends_with('*') && word != "help" {
                commands.push(word.to_string());
            }
        } else if section == "Options:"
            || section == "Flags:"
            || (root && section == "Global Options:")
        {
            // Continuation lines of a description are indented further and may start
            // with a dash too ("-1 to enable unlimited swap").
            if indent > 6 || !trimmed.starts_with('-') {
                continue;
            }
            let spec = trimmed.split("  ").next().unwrap_or_default();
            let mut names = spec
                .split([',', ' '])
                .filter(|w| w.starts_with('-'))
                .map(str::to_string);
            let first = names.next().unwrap_or_default();
            let long = names.find(|n| n.starts_with("--"));
            let flag = if first.starts_with("--") {
                first
            } else {
                long.unwrap_or(first)
            };
            if flag != "--help" && flag != "-h" {
                flags.insert(flag);
            }
        }
    }
    (commands, flags)
}

fn walk_live(tool: &Tool) -> Inventory {
    let mut inv = Inventory::new();
    let mut todo = vec![String::new()];
    while let Some(path) = todo.pop() {
        let (commands, flags) = parse_help(&help(tool, &path), path.is_empty());
        for c in commands {
            let sub = if path.is_empty() {
                c
            } else {
                format!("{path} {c}")
            };
            if !inv.contains_key(&sub) && !todo.contains(&sub) {
                todo.push(sub);
            }
        }
        inv.insert(path, flags);
    }
    inv
}

fn render_inventory(tool: &Tool, inv: &Inventory) -> String {
    let mut out = format!(
        "# {} commands and flags, from `{} CMD --help` (walked by tests/compatibility.rs)\n",
        tool.title, tool.name
    );
    for (cmd, flags) in inv {
        out.push_str(&format!("[{cmd}]\n"));
        for f in flags {
            out.push_str(&format!("{f}\n"));
        }
    }
    out
}

fn parse_inventory(text: &str) -> Inventory {
    let mut inv = Inventory::new();
    let mut current = None;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        if let Some(cmd) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inv.insert(cmd.to_string(), BTreeSet::new());
            current = Some(cmd.to_string());
        } else if let Some(c) = &current {
            inv.get_mut(c).unwrap().insert(line.to_string());
        }
    }
    inv
}

fn installed_version(tool: &Tool) -> Option<String> {
    let out = Command::new(tool.binary).arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// cove's commands (aliases resolved to one path) and the long flags each accepts,
/// aliases included; global flags are accepted everywhere.
struct Cove {
    commands: BTreeMap<String, BTreeSet<String>>,
    aliases: BTreeMap<String, String>,
    global: BTreeSet<String>,
}

fn arg_names(a: &clap::Arg) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(l) = a.get_long() {
        names.push(format!("--{l}"));
    }
    for l in a.get_all_aliases().unwrap_or_default() {
        names.push(format!("--{l}"));
    }
    if let Some(s) = a.get_short() {
        names.push(format!("-{s}"));
    }
    names
}

fn cove() -> Cove {
    fn walk(cmd: &clap::Command, path: &str, cove: &mut Cove) {
        let flags = cmd
            .get_arguments()
            .filter(|a| !a.is_global_set() || path.is_empty())
            .flat_map(arg_names)
            .collect();
        cove.commands.insert(path.to_string(), flags);
        for sub in cmd.get_subcommands() {
            let sub_path = [path, sub.get_name()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            for alias in sub.get_all_aliases() {
                let alias_path = [path, alias]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                cove.aliases.insert(alias_path, sub_path.clone());
            }
            walk(sub, &sub_path, cove);
        }
    }
    // Built: commands add their arguments when clap builds them (cli/lazy.rs).
    let mut root = cove::cli::Cli::command();
    root.build();
    let mut cove = Cove {
        commands: BTreeMap::new(),
        aliases: BTreeMap::new(),
        global: root
            .get_arguments()
            .filter(|a| a.is_global_set())
            .flat_map(arg_names)
            .collect(),
    };
    walk(&root, "", &mut cove);
    cove.global.insert("--help".into());
    cove.global.insert("--version".into());
    cove
}

impl Cove {
    /// The cove command a tool's command path names, through aliases at every level.
    fn resolve(&self, path: &str) -> Option<&BTreeSet<String>> {
        let mut resolved = String::new();
        for word in path.split_whitespace() {
            let next = if resolved.is_empty() {
                word.to_string()
            } else {
                format!("{resolved} {word}")
            };
            resolved = self.aliases.get(&next).cloned().unwrap_or(next);
        }
        self.commands.get(&resolved)
    }

    fn accepts(&self, path: &str, flag: &str) -> bool {
        self.resolve(path)
            .is_some_and(|flags| flags.contains(flag) || self.global.contains(flag))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    /// cove accepts it and does what the tool does; the note says how it differs.
    Supported,
    /// cove accepts it and fails with the reason (on machines like this one, or always).
    Fails,
    /// cove does not accept it yet; the reason says what is missing.
    Missing,
    /// It makes no sense for cove; the reason says why.
    Na,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Note {
    /// Default: both.
    #[serde(default)]
    tools: Vec<String>,
    /// Command paths; "@create" stands for run, create, container run, container create;
    /// "X *" for X and everything under it.
    commands: Vec<String>,
    /// Flags; "*" for every flag and the command itself.
    flags: Vec<String>,
    status: Kind,
    why: String,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Notes {
    note: Vec<Note>,
}

fn expand(commands: &[String]) -> Vec<String> {
    commands
        .iter()
        .flat_map(|c| match c.as_str() {
            "@create" => vec![
                "run".into(),
                "create".into(),
                "container run".into(),
                "container create".into(),
            ],
            _ => vec![c.clone()],
        })
        .collect()
}

impl Note {
    /// Whether the note names this command and flag themselves, not through a wildcard.
    fn explicit(&self, path: &str, flag: &str) -> bool {
        expand(&self.commands).iter().any(|c| c == path) && self.flags.iter().any(|f| f == flag)
    }

    fn matches(&self, tool: &str, path: &str, flag: &str) -> bool {
        if !self.tools.is_empty() && !self.tools.iter().any(|t| t == tool) {
            return false;
        }
        let command = expand(&self.commands)
            .iter()
            .any(|c| match c.strip_suffix(" *") {
                Some(prefix) => path == prefix || path.starts_with(&format!("{prefix} ")),
                None if c == "*" => true,
                None => c == path,
            });
        command && self.flags.iter().any(|f| f == "*" || f == flag)
    }
}

/// One row: a command (flag "") or a flag of it.
struct Row {
    command: String,
    flag: String,
    status: Status,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Supported,
    Reason(Kind),
}

fn rows(
    tool: &Tool,
    inv: &Inventory,
    cove: &Cove,
    notes: &[Note],
    used: &mut [bool],
    problems: &mut Vec<String>,
) -> Vec<(Row, String)> {
    let mut out = Vec::new();
    for (cmd, flags) in inv {
        let items = std::iter::once(String::new()).chain(flags.iter().cloned());
        for flag in items {
            let accepted = if flag.is_empty() {
                cove.resolve(cmd).is_some()
            } else {
                cove.accepts(cmd, &flag)
            };
            let note = notes.iter().enumerate().find(|(_, n)| {
                n.matches(tool.name, cmd, &flag)
                    && !(accepted && n.status == Kind::Missing && !n.explicit(cmd, &flag))
            });
            let shown = format!("{} {cmd} {flag}", tool.name);
            let (status, why) = match (accepted, note) {
                (true, None) => (Status::Supported, String::new()),
                (true, Some((i, n))) if n.status == Kind::Supported => {
                    used[i] = true;
                    (Status::Supported, n.why.clone())
                }
                // A wildcard note says nothing about what cove accepts.
                (true, Some((i, n))) if n.status == Kind::Missing && n.explicit(cmd, &flag) => {
                    used[i] = true;
                    problems.push(format!(
                        "{shown}: cove accepts it now; drop it from the note {:?}",
                        n.why
                    ));
                    (Status::Supported, String::new())
                }
                (_, Some((i, n))) => {
                    used[i] = true;
                    if !accepted && matches!(n.status, Kind::Fails | Kind::Supported) {
                        problems.push(format!(
                            "{shown}: the note says cove accepts it, but cove does not"
                        ));
                    }
                    (Status::Reason(n.status), n.why.clone())
                }
                (false, None) => {
                    problems.push(format!(
                        "{shown}: not accepted by cove and no note says why"
                    ));
                    (Status::Reason(Kind::Missing), "(no note)".into())
                }
            };
            out.push((
                Row {
                    command: cmd.clone(),
                    flag,
                    status,
                },
                why,
            ));
        }
    }
    out
}

fn status_text(s: Status) -> &'static str {
    match s {
        Status::Supported | Status::Reason(Kind::Supported) => "supported",
        Status::Reason(Kind::Fails) => "accepted, fails: reason",
        Status::Reason(Kind::Missing) => "not yet: reason",
        Status::Reason(Kind::Na) => "not applicable",
    }
}

fn render_doc(tables: &[(&Tool, Vec<(Row, String)>)]) -> String {
    let mut out = String::from(
        "# Compatibility with Podman and Docker\n\n\
         Generated by `tests/compatibility.rs` from the `--help` of each tool \
         (inventories in `docs/compat/`), cove's clap definitions and the hand-written \
         reasons in `docs/compatibility-notes.toml`. Do not edit: run \
         `COVE_REGENERATE=1 cargo test --release --test compatibility`.\n\n\
         A row without a flag is the command itself. Statuses: **supported** (cove \
         accepts it; a note may say where it differs), **accepted, fails** (cove accepts \
         it and fails with one line saying why, on machines like the one named), \
         **not yet** (cove does not accept it yet; the note says what is missing), \
         **not applicable** (it makes no sense for a rootless, daemonless engine; the \
         note says why).\n\n",
    );
    out.push_str(
        "| tool | rows | supported | with a reason (fails / not yet) | not applicable |\n",
    );
    out.push_str("|---|---|---|---|---|\n");
    for (tool, rows) in tables {
        let count = |s: Status| rows.iter().filter(|(r, _)| r.status == s).count();
        let fails = count(Status::Reason(Kind::Fails));
        let missing = count(Status::Reason(Kind::Missing));
        out.push_str(&format!(
            "| {} | {} | {} | {} ({fails} / {missing}) | {} |\n",
            tool.title,
            rows.len(),
            count(Status::Supported),
            fails + missing,
            count(Status::Reason(Kind::Na)),
        ));
    }
    for (tool, rows) in tables {
        out.push_str(&format!(
            "\n## {}\n\n| command | flag | status | note |\n|---|---|---|---|\n",
            tool.title
        ));
        for (r, why) in rows {
            let cmd = if r.command.is_empty() {
                format!("`{}`", tool.name)
            } else {
                format!("`{} {}`", tool.name, r.command)
            };
            let flag = if r.flag.is_empty() {
                String::new()
            } else {
                format!("`{}`", r.flag)
            };
            out.push_str(&format!(
                "| {cmd} | {flag} | {} | {} |\n",
                status_text(r.status),
                why.replace('|', "\\|")
            ));
        }
    }
    out
}

#[test]
fn compatibility_table_is_complete_and_current() {
    let root = repo_root();
    let cove = cove();
    let notes_text = fs::read_to_string(root.join("docs/compatibility-notes.toml"))
        .expect("docs/compatibility-notes.toml");
    let notes: Notes = toml::from_str(&notes_text)
        .unwrap_or_else(|e| panic!("docs/compatibility-notes.toml: {}", e.message()));
    let notes = notes.note;
    let mut used = vec![false; notes.len()];
    let mut problems = Vec::new();
    let mut files = Vec::new();
    let mut tables = Vec::new();
    for tool in &TOOLS {
        let rel = format!("docs/compat/{}.txt", tool.name);
        let live = installed_version(tool)
            .filter(|v| v.starts_with(tool.version))
            .map(|_| walk_live(tool));
        let checked_in = fs::read_to_string(root.join(&rel))
            .ok()
            .map(|t| parse_inventory(&t));
        let inv = match (live, checked_in) {
            (Some(live), _) if regenerate() => live,
            (Some(live), Some(saved)) => {
                if live != saved {
                    problems.push(format!(
                        "{rel} differs from the live `{} --help`",
                        tool.name
                    ));
                }
                saved
            }
            (None, Some(saved)) => saved,
            (Some(live), None) => {
                problems.push(format!("{rel} is missing"));
                live
            }
            (None, None) => panic!("{rel} is missing and {} is not installed", tool.binary),
        };
        assert!(
            inv.len() > 20 && inv.get("run").is_some_and(|f| f.len() > 50),
            "{} help walked to too little: {:?}",
            tool.name,
            inv.keys().collect::<Vec<_>>()
        );
        files.push((rel, render_inventory(tool, &inv)));
        tables.push((
            tool,
            rows(tool, &inv, &cove, &notes, &mut used, &mut problems),
        ));
    }
    for (note, used) in notes.iter().zip(&used) {
        if !used {
            problems.push(format!(
                "a note matches no command or flag: {:?} {:?}",
                note.commands, note.flags
            ));
        }
    }
    files.push(("docs/COMPATIBILITY.md".to_string(), render_doc(&tables)));
    if regenerate() {
        for (rel, text) in &files {
            let path = root.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                fs::write(&path, text).unwrap();
                eprintln!("wrote {rel}");
            }
        }
    } else {
        for (rel, text) in &files {
            match fs::read_to_string(root.join(rel)) {
                Ok(on_disk) if on_disk == *text => {}
                Ok(_) => problems.push(format!("{rel} is stale ({HOW})")),
                Err(e) => problems.push(format!("{rel} is missing ({e}; {HOW})")),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} compatibility problems:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn help_parser_reads_both_layouts() {
    let podman = "Usage:\n  podman ps [options]\n\nExamples:\n  podman ps --all\n\nOptions:\n  -a, --all              Show all\n      --sort choice      Sort\n  -w, --watch uint       Watch\n";
    let (cmds, flags) = parse_help(podman, false);
    assert!(cmds.is_empty());
    assert_eq!(
        flags.into_iter().collect::<Vec<_>>(),
        ["--all", "--sort", "--watch"]
    );
    let docker = "Usage:  docker [OPTIONS] COMMAND\n\nCommon Commands:\n  run         Create and run\n\nManagement Commands:\n  compose*    Docker Compose\n  container   Manage containers\n\nGlobal Options:\n  -D, --debug              Enable debug mode\n      --tlscacert string   Trust certs\n                           \"/root/.docker/ca.pem\")\n";
    let (cmds, flags) = parse_help(docker, true);
    assert_eq!(cmds, ["run", "container"]);
    assert_eq!(
        flags.into_iter().collect::<Vec<_>>(),
        ["--debug", "--tlscacert"]
    );
}
