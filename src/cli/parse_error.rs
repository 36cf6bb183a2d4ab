//! Podman's words for the two parse errors scripts meet most: an unknown command and an
//! unknown flag. Other parse errors keep clap's message and usage.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The lines to print for `e` (the first starts with `Error: `), when Podman has its own.
pub fn podman_words(e: &clap::Error) -> Option<String> {
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let path = command_path(
        &get(ContextKind::Usage).or_else(|| e.get(ContextKind::Usage).map(|u| u.to_string()))?,
    );
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let word = get(ContextKind::InvalidSubcommand)?;
            Some(format!(
                "Error: unrecognized command `{path} {word}`\nTry '{path} --help' for more information"
            ))
        }
        ErrorKind::UnknownArgument => {
            let arg = get(ContextKind::InvalidArg)?;
            let what = match arg.strip_prefix("--") {
                Some(_) => format!("unknown flag: {}", arg.split('=').next().unwrap_or(&arg)),
                None => {
                    let letter = arg.trim_start_matches('-').chars().next().unwrap_or('?');
                    format!("unknown shorthand flag: '{letter}' in {arg}")
                }
            };
            Some(format!("Error: {what}\nSee '{path} --help'"))
        }
        _ => None,
    }
}

/// `cove container` from a usage line `Usage: cove container [OPTIONS] <COMMAND>`.
fn command_path(usage: &str) -> String {
    let line = usage.lines().next().unwrap_or("");
    let line = line.trim_start().strip_prefix("Usage:").unwrap_or(line);
    line.split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_path_comes_from_the_usage_line() {
        assert_eq!(
            command_path("Usage: cove container [OPTIONS] <COMMAND>\n"),
            "cove container"
        );
        assert_eq!(command_path("Usage: cove ps [OPTIONS]"), "cove ps");
    }
}
