//! Shell completions and man pages, generated from the clap definitions. They are checked
//! in (completions/, man/) and a test fails when they are stale; regenerate with
//! `COVE_REGENERATE=1 cargo test --test generated`.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// Every generated file: (path relative to the repository root, contents).
pub fn render() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (shell, file) in [
        (Shell::Bash, "completions/cove.bash"),
        (Shell::Zsh, "completions/_cove"),
        (Shell::Fish, "completions/cove.fish"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "cove", &mut buf);
        out.push((file.to_string(), buf));
    }
    let mut root = Cli::command();
    root.build();
    man_pages(&root, "cove", &mut out);
    out
}

/// One page per command and subcommand: cove.1, cove-pull.1, cove-image-ls.1, ...
fn man_pages(cmd: &clap::Command, name: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let page = cmd.clone().name(clap::builder::Str::from(name.to_string()));
    let mut buf = Vec::new();
    if clap_mangen::Man::new(page).render(&mut buf).is_ok() {
        out.push((format!("man/{name}.1"), buf));
    }
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() {
            continue;
        }
        man_pages(sub, &format!("{name}-{}", sub.get_name()), out);
    }
}
