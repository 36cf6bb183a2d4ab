//! The checked-in shell completions (completions/) and man pages (man/) are exactly what
//! the clap definitions generate. A CLI change that forgets to regenerate them fails here;
//! `COVE_REGENERATE=1 cargo test --test generated` rewrites them.
//!
//! Plain cargo test: no test user, no registry.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const HOW: &str = "run `COVE_REGENERATE=1 cargo test --test generated` and commit the result";

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn regenerate() -> bool {
    std::env::var_os("COVE_REGENERATE").is_some_and(|v| v == "1")
}

/// Man pages in man/ that render() does not produce (commands removed or renamed).
fn orphan_man_pages(root: &Path, produced: &BTreeSet<String>) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root.join("man")) else {
        return Vec::new();
    };
    let mut orphans: Vec<String> = entries
        .flatten()
        .map(|e| format!("man/{}", e.file_name().to_string_lossy()))
        .filter(|p| p.ends_with(".1") && !produced.contains(p))
        .collect();
    orphans.sort();
    orphans
}

#[test]
fn generated_files_are_up_to_date() {
    let root = repo_root();
    let files = cove::cli::docs::render();
    assert!(
        files.iter().any(|(p, _)| p == "completions/cove.bash"),
        "render() produced no bash completion"
    );
    assert!(
        files.iter().any(|(p, _)| p == "man/cove.1"),
        "render() produced no man/cove.1"
    );
    let produced: BTreeSet<String> = files.iter().map(|(p, _)| p.clone()).collect();
    assert_eq!(produced.len(), files.len(), "render() repeats a path");

    if regenerate() {
        for (rel, bytes) in &files {
            let path = root.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            if fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
                fs::write(&path, bytes).unwrap();
                eprintln!("wrote {rel}");
            }
        }
        for orphan in orphan_man_pages(&root, &produced) {
            fs::remove_file(root.join(&orphan)).unwrap();
            eprintln!("removed {orphan}");
        }
        return;
    }

    let mut problems = Vec::new();
    for (rel, bytes) in &files {
        match fs::read(root.join(rel)) {
            Ok(on_disk) if on_disk == *bytes => {}
            Ok(_) => problems.push(format!("{rel} is stale")),
            Err(e) => problems.push(format!("{rel} is missing ({e})")),
        }
    }
    for orphan in orphan_man_pages(&root, &produced) {
        problems.push(format!(
            "{orphan} is no longer generated (a command was removed or renamed)"
        ));
    }
    assert!(
        problems.is_empty(),
        "generated files are out of date:\n  {}\n{HOW}",
        problems.join("\n  ")
    );
}

#[test]
fn every_visible_command_has_a_man_page() {
    let files = cove::cli::docs::render();
    for page in [
        "man/cove.1",
        "man/cove-pull.1",
        "man/cove-push.1",
        "man/cove-images.1",
        "man/cove-image.1",
        "man/cove-image-ls.1",
        "man/cove-image-prune.1",
        "man/cove-login.1",
        "man/cove-logout.1",
        "man/cove-run.1",
        "man/cove-ps.1",
        "man/cove-exec.1",
        "man/cove-volume-create.1",
        "man/cove-container-prune.1",
    ] {
        let (_, bytes) = files
            .iter()
            .find(|(p, _)| p == page)
            .unwrap_or_else(|| panic!("render() produced no {page}"));
        let text = String::from_utf8_lossy(bytes);
        assert!(text.contains(".TH"), "{page} is not a man page:\n{text}");
    }
}

#[test]
fn completions_name_the_commands() {
    let files = cove::cli::docs::render();
    for (rel, bytes) in &files {
        if !rel.starts_with("completions/") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        for word in [
            "pull", "images", "rmi", "login", "run", "ps", "exec", "volume",
        ] {
            assert!(text.contains(word), "{rel} does not mention {word}");
        }
        // fish spells long options `-l NAME`; bash and zsh write them out.
        let format = if rel.ends_with(".fish") {
            "-l format"
        } else {
            "--format"
        };
        assert!(text.contains(format), "{rel} does not offer {format}");
    }
}
