//! Shell completions and man pages, generated from the clap definitions. They are checked
//! in (completions/, man/) and a test fails when they are stale; regenerate with
//! `COVE_REGENERATE=1 cargo test --test generated`.

use clap_complete::Shell;

use super::examples;

/// Every generated file: (path relative to the repository root, contents).
pub fn render() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (shell, file) in [
        (Shell::Bash, "completions/cove.bash"),
        (Shell::Zsh, "completions/_cove"),
        (Shell::Fish, "completions/cove.fish"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut examples::command(), "cove", &mut buf);
        out.push((file.to_string(), buf));
    }
    let mut root = examples::command();
    root.build();
    man_pages(&root, "cove", &mut out);
    out
}

/// One page per command and subcommand: cove.1, cove-pull.1, cove-image-ls.1, ...
fn man_pages(cmd: &clap::Command, name: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let examples = examples::lines_of(cmd);
    // clap_mangen would print the examples as filled text under EXTRA; they get a
    // preformatted EXAMPLES section of their own instead.
    let page = cmd
        .clone()
        .name(clap::builder::Str::from(name.to_string()))
        .after_long_help(None::<&str>);
    let mut buf = Vec::new();
    if clap_mangen::Man::new(page).render(&mut buf).is_ok() {
        if !examples.is_empty() {
            insert_examples(&mut buf, &examples);
        }
        out.push((format!("man/{name}.1"), buf));
    }
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() {
            continue;
        }
        man_pages(sub, &format!("{name}-{}", sub.get_name()), out);
    }
}

/// `.SH EXAMPLES` with the lines unfilled, before VERSION (the conventional place).
fn insert_examples(page: &mut Vec<u8>, lines: &[String]) {
    let mut section = String::from(".SH EXAMPLES\n.nf\n");
    for l in lines {
        let escaped = l.replace('\\', "\\e").replace('-', "\\-");
        section.push_str(&format!("\\&$ {escaped}\n"));
    }
    section.push_str(".fi\n");
    let text = String::from_utf8_lossy(page).into_owned();
    let at = text.find(".SH VERSION").unwrap_or(text.len());
    let mut merged = text[..at].to_string();
    merged.push_str(&section);
    merged.push_str(&text[at..]);
    *page = merged.into_bytes();
}
