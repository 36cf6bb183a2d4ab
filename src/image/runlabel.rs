//! `container runlabel`: the command an image's label describes, made the way Podman 4.3
//! makes it (`IMAGE`/`NAME` words and `$IMAGE`/`$NAME` substituted, a leading `podman` or
//! `docker` replaced by cove itself, `$OPT1..3` and `$PWD` expanded, other variables
//! empty), then run with the caller's standard streams.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::storage::db::ImageRecord;

#[derive(Debug, thiserror::Error)]
pub enum RunlabelError {
    #[error("cannot find the value of label: {label} in image: {image}")]
    NoLabel { label: String, image: String },
    #[error("label {label}: {reason}")]
    Parse { label: String, reason: &'static str },
    #[error("label {0}: the command is empty")]
    Empty(String),
    #[error("stat {path}: {reason}")]
    Program { path: String, reason: String },
    #[error("`{command}` failed: {status}")]
    Failed { command: String, status: String },
    #[error("running `{command}`: {source}")]
    Spawn {
        command: String,
        source: std::io::Error,
    },
}

/// What the caller asked for.
pub struct Request<'a> {
    pub label: &'a str,
    /// The image as the user typed it (a name or an ID).
    pub input: &'a str,
    /// `--name`; else the last path element of the image's name, without its tag.
    pub name: Option<&'a str>,
    /// Appended to the label's command.
    pub args: &'a [String],
}

/// The command to run: `argv[..cove_words]` is cove itself when the label named podman or
/// docker (so `--display` can show it as the user would type it).
#[derive(Debug, PartialEq, Eq)]
pub struct LabelCommand {
    pub argv: Vec<String>,
    pub cove_words: usize,
}

/// The label's command for `img`, whose names (oldest first) are `names`; `cove` is the
/// cove binary and the global flags it needs for the same store; `var` reads $OPT1..3.
pub fn command(
    img: &ImageRecord,
    names: &[String],
    req: &Request,
    cove: &[String],
    var: impl Fn(&str) -> Option<String>,
) -> Result<LabelCommand, RunlabelError> {
    let config = super::inspect::config_json(img);
    let value = config
        .pointer(&format!(
            "/config/Labels/{}",
            req.label.replace('~', "~0").replace('/', "~1")
        ))
        .and_then(|v| v.as_str())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| RunlabelError::NoLabel {
            label: req.label.to_string(),
            image: req.input.to_string(),
        })?;
    // Podman's NamesHistory lists the newest name first; the names table's last is newest.
    let image_name = names
        .last()
        .cloned()
        .unwrap_or_else(|| img.id.trim_start_matches("sha256:").to_string());
    let name = match req.name {
        Some(n) => n.to_string(),
        None => default_name(&img.id, &image_name, req.input),
    };
    let parse = |reason| RunlabelError::Parse {
        label: req.label.to_string(),
        reason,
    };
    let mut words = super::import::split_words(value).map_err(parse)?;
    for a in req.args {
        words.extend(super::import::split_words(a).map_err(parse)?);
    }
    let pwd = std::env::current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let lookup = |k: &str| match k {
        "OPT1" | "OPT2" | "OPT3" => var(k).unwrap_or_default(),
        "PWD" => pwd.clone(),
        _ => String::new(),
    };
    // Podman expands the joined command and splits it again: a word that expands to
    // nothing is gone.
    let mut words = words
        .into_iter()
        .map(|w| {
            let w = substitute(&w, "IMAGE", &image_name);
            expand(&substitute(&w, "NAME", &name), &lookup)
        })
        .filter(|w| !w.is_empty());
    let program = words
        .next()
        .ok_or_else(|| RunlabelError::Empty(req.label.to_string()))?;
    let (mut argv, cove_words) = match program.as_str() {
        p if p == "podman" || Path::new(p).file_name().is_some_and(|b| b == "docker") => {
            (cove.to_vec(), cove.len())
        }
        p if p.contains('/') || p.starts_with('.') => {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.into());
            if let Err(e) = std::fs::metadata(&abs) {
                return Err(RunlabelError::Program {
                    path: abs.display().to_string(),
                    reason: e
                        .raw_os_error()
                        .map(|n| nix::errno::Errno::from_raw(n).desc().to_lowercase())
                        .unwrap_or_else(|| e.to_string()),
                });
            }
            (vec![abs.display().to_string()], 0)
        }
        p => (vec![p.to_string()], 0),
    };
    argv.extend(words);
    Ok(LabelCommand { argv, cove_words })
}

/// Podman's container name: from the input unless that is a prefix of the image's ID,
/// then from the image's name; its last path element, the tag cut off.
fn default_name(id: &str, image_name: &str, input: &str) -> String {
    let hex = id.trim_start_matches("sha256:");
    let source = if hex.starts_with(input.trim_start_matches("sha256:")) {
        image_name
    } else {
        input
    };
    let last = source.rsplit('/').next().unwrap_or(source);
    last.split(':').next().unwrap_or(last).to_string()
}

/// The bare word `KEY`, or `$KEY` and `${KEY}` inside a word.
fn substitute(word: &str, key: &str, value: &str) -> String {
    if word == key {
        return value.to_string();
    }
    word.replace(&format!("${{{key}}}"), value)
        .replace(&format!("${key}"), value)
}

/// Go's os.Expand: `$NAME`, `${NAME}` and `$` with one special character are looked up;
/// a `$` before anything else stays.
fn expand(word: &str, lookup: &impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = word;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (name, used) = if let Some(braced) = after.strip_prefix('{') {
            match braced.find('}') {
                Some(end) => (&braced[..end], end + 2),
                // Go eats a `${` without its `}`.
                None => ("", after.len()),
            }
        } else if after.starts_with(|c: char| "*#$@!?-".contains(c) || c.is_ascii_digit()) {
            (&after[..1], 1)
        } else {
            let n = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..n], n)
        };
        if used == 0 {
            out.push('$');
        } else if !name.is_empty() {
            out.push_str(&lookup(name));
        }
        rest = &after[used..];
    }
    out.push_str(rest);
    out
}

impl LabelCommand {
    /// What `--display` prints after `command: `: the program as the user invoked cove.
    pub fn display(&self, invoked_as: &str) -> String {
        let rest = &self.argv[self.cove_words.max(1)..];
        let first = match self.cove_words {
            0 => self.argv[0].as_str(),
            _ => invoked_as,
        };
        std::iter::once(first)
            .chain(rest.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The container name the command passes with `--name`, for `--replace`.
    pub fn container_name(&self) -> Option<&str> {
        let at = self.argv.iter().position(|a| a == "--name")?;
        self.argv.get(at + 1).map(String::as_str)
    }

    /// Run it with the caller's streams (`quiet`: none), as Podman, with
    /// PODMAN_RUNLABEL_NESTED=1 set for the command.
    pub fn run(&self, quiet: bool) -> Result<(), RunlabelError> {
        let joined = self.argv.join(" ");
        let mut cmd = Command::new(&self.argv[0]);
        cmd.args(&self.argv[1..]).env("PODMAN_RUNLABEL_NESTED", "1");
        if quiet {
            cmd.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
        }
        let status = cmd.status().map_err(|source| RunlabelError::Spawn {
            command: joined.clone(),
            source,
        })?;
        if status.success() {
            return Ok(());
        }
        use std::os::unix::process::ExitStatusExt;
        let status = match (status.code(), status.signal()) {
            (Some(c), _) => format!("exit status {c}"),
            (None, Some(s)) => match nix::sys::signal::Signal::try_from(s) {
                Ok(sig) => format!("signal: {}", sig.as_str()),
                Err(_) => format!("signal: {s}"),
            },
            _ => status.to_string(),
        };
        Err(RunlabelError::Failed {
            command: joined,
            status,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_as_go() {
        let l = |k: &str| format!("<{k}>");
        assert_eq!(expand("a$OPT1-b", &l), "a<OPT1>-b");
        assert_eq!(expand("${PWD}/x", &l), "<PWD>/x");
        assert_eq!(expand("cost $5", &l), "cost <5>");
        assert_eq!(expand("a$ b$", &l), "a$ b$");
        assert_eq!(expand("a${x", &l), "a");
    }

    #[test]
    fn names_like_podman() {
        let id = "sha256:9728e954bd93e8d7";
        assert_eq!(default_name(id, "localhost/lbl:latest", "lbl"), "lbl");
        assert_eq!(default_name(id, "localhost/lbl:latest", "9728e954"), "lbl");
        assert_eq!(default_name(id, "x/y:1", "reg:5000/a/b:tag"), "b");
        assert_eq!(substitute("IMAGE", "IMAGE", "i"), "i");
        assert_eq!(substitute("x=$IMAGE,${IMAGE}", "IMAGE", "i"), "x=i,i");
        assert_eq!(substitute("IMAGES", "IMAGE", "i"), "IMAGES");
    }
}
