//! `cove-systemd-generator`: the systemd generator that turns Quadlet-style
//! `NAME.container`, `NAME.volume`, `NAME.network` and `NAME.kube` files into services
//! running cove.
//!
//! systemd runs it at boot and on `systemctl --user daemon-reload` as
//! `cove-systemd-generator NORMAL-DIR EARLY-DIR LATE-DIR` when it is installed (or
//! symlinked) as `/usr/lib/systemd/user-generators/cove-systemd-generator` or
//! `~/.config/systemd/user-generators/cove-systemd-generator`. Units go to NORMAL-DIR;
//! `--dryrun` prints them instead. A bad file is reported on stderr (systemd puts it in
//! the journal) as `FILE:LINE: message` and skipped; the others are still generated, and
//! the exit code says that something failed.
//!
//! Files are read from `$XDG_CONFIG_HOME/containers/systemd/` (default
//! `~/.config/containers/systemd/`), then `/etc/containers/systemd/users/UID/` and
//! `/etc/containers/systemd/users/`, as Podman's quadlet does for users (root:
//! `/etc/containers/systemd/` and `/usr/share/containers/systemd/`). A file name found in
//! an earlier directory hides the same name in later ones.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cove::systemd::quadlet::{self, Source, EXTENSIONS};
use cove::systemd::unit::{split_words, Unit};

const USAGE: &str =
    "usage: cove-systemd-generator [--dryrun] [--user] NORMAL-DIR [EARLY-DIR LATE-DIR]";

fn search_dirs() -> Vec<PathBuf> {
    let uid = nix::unistd::getuid().as_raw();
    if uid == 0 {
        return vec![
            PathBuf::from("/etc/containers/systemd"),
            PathBuf::from("/usr/share/containers/systemd"),
        ];
    }
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let config = env("XDG_CONFIG_HOME")
        .or_else(|| env("HOME").map(|h| h.join(".config")))
        .unwrap_or_else(|| PathBuf::from(".config"));
    vec![
        config.join("containers/systemd"),
        PathBuf::from(format!("/etc/containers/systemd/users/{uid}")),
        PathBuf::from("/etc/containers/systemd/users"),
    ]
}

/// The quadlet files by name, each from the first directory that has it.
fn find_sources(dirs: &[PathBuf]) -> BTreeMap<String, PathBuf> {
    let mut found = BTreeMap::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let ours = name
                .rsplit_once('.')
                .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext));
            if ours {
                found.entry(name).or_insert_with(|| e.path());
            }
        }
    }
    found
}

/// The cove binary the units run: the one installed beside this generator, else on PATH.
fn cove_binary() -> Option<PathBuf> {
    let beside = std::env::current_exe()
        .ok()?
        .parent()
        .map(|d| d.join("cove"))
        .filter(|p| p.is_file());
    beside.or_else(|| {
        std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .map(|d| d.join("cove"))
            .find(|p| p.is_file())
    })
}

/// `[Install]`'s WantedBy=/RequiredBy= as the symlinks `systemctl enable` would make
/// (generated units cannot be enabled): `default.target.wants/web.service`.
fn install_links(out: &Path, unit_name: &str, text: &str) -> std::io::Result<()> {
    let Ok(unit) = Unit::parse(text) else {
        return Ok(());
    };
    for e in unit.entries("Install") {
        let suffix = match e.key.as_str() {
            "WantedBy" => "wants",
            "RequiredBy" => "requires",
            _ => continue,
        };
        for target in split_words(&e.value).unwrap_or_default() {
            let dir = out.join(format!("{target}.{suffix}"));
            std::fs::create_dir_all(&dir)?;
            let link = dir.join(unit_name);
            let _ = std::fs::remove_file(&link);
            std::os::unix::fs::symlink(Path::new("..").join(unit_name), &link)?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut dryrun = false;
    let mut dirs_out: Vec<PathBuf> = Vec::new();
    // args_os: the directories are paths, which need not be UTF-8.
    for a in std::env::args_os().skip(1) {
        match a.to_str() {
            Some("--dryrun" | "-dryrun") => dryrun = true,
            // Podman's quadlet takes -user; the user/system choice follows the uid here.
            Some("--user" | "-user") => {}
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if a.as_encoded_bytes().starts_with(b"-") => {
                eprintln!(
                    "cove-systemd-generator: unknown option {}\n{USAGE}",
                    a.to_string_lossy()
                );
                return ExitCode::from(2);
            }
            _ => dirs_out.push(PathBuf::from(a)),
        }
    }
    let out = match (dryrun, dirs_out.first()) {
        (true, _) => None,
        (false, Some(d)) => Some(d.clone()),
        (false, None) => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(cove) = cove_binary() else {
        eprintln!("cove-systemd-generator: cove is not installed beside the generator or on PATH");
        return ExitCode::FAILURE;
    };
    let sources = find_sources(&search_dirs());
    let texts: BTreeMap<&str, String> = sources
        .iter()
        .filter_map(|(n, p)| Some((n.as_str(), std::fs::read_to_string(p).ok()?)))
        .collect();
    let siblings = |name: &str| texts.get(name).cloned();
    let mut failed = false;
    for (name, path) in &sources {
        let Some(text) = texts.get(name.as_str()) else {
            eprintln!("{}: cannot be read", path.display());
            failed = true;
            continue;
        };
        let src = Source { name, path, text };
        let service = match quadlet::convert(&src, &siblings, &cove) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                failed = true;
                continue;
            }
        };
        match &out {
            None => print!("---{}---\n{}", service.unit_name, service.text),
            Some(dir) => {
                let written = std::fs::create_dir_all(dir)
                    .and_then(|()| std::fs::write(dir.join(&service.unit_name), &service.text))
                    .and_then(|()| install_links(dir, &service.unit_name, &service.text));
                if let Err(e) = written {
                    eprintln!("{}: writing {}: {e}", name, service.unit_name);
                    failed = true;
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
