//! Shared printing: `--format` handling, sizes and times the way Docker shows them.

use std::io::{BufRead, Write};

use serde_json::Value;

use crate::format::{align, render_json, render_table, Format};

/// Docker's column titles for image fields whose name is not the title.
pub const IMAGE_TITLES: &[(&str, &str)] = &[
    ("ID", "IMAGE ID"),
    ("Id", "IMAGE ID"),
    ("CreatedSince", "CREATED"),
    ("CreatedBy", "CREATED BY"),
];

/// Print a list: a JSON array for `json`, one rendered template per item for templates
/// (aligned under a header for `table ...` templates), otherwise the table `columns`
/// makes of each item. An empty `headers` prints rows only (`--noheading`).
pub fn print_list(
    format: Option<&str>,
    headers: &[&str],
    titles: &[(&str, &str)],
    items: &[Value],
    columns: impl Fn(&Value) -> Vec<String>,
) -> anyhow::Result<()> {
    let text = match format.map(Format::parse).transpose()? {
        None | Some(Format::Table) => {
            let rows: Vec<Vec<String>> = items.iter().map(columns).collect();
            if headers.is_empty() {
                let lines: Vec<String> = rows.iter().map(|r| r.join("\t") + "\n").collect();
                align(&lines.concat())
            } else {
                render_table(headers, &rows)
            }
        }
        Some(Format::Json) => render_json(items),
        Some(Format::Template(t)) => {
            let mut out = String::new();
            if t.is_table() && !headers.is_empty() {
                out.push_str(&t.header(titles));
                out.push('\n');
            }
            for item in items {
                out.push_str(&t.render(item)?);
                out.push('\n');
            }
            if t.is_table() {
                align(&out)
            } else {
                out
            }
        }
    };
    print!("{text}");
    Ok(())
}

/// Print one value per item for `inspect`-style commands: JSON array by default.
pub fn print_inspect(format: Option<&str>, items: &[Value]) -> anyhow::Result<()> {
    match format.map(Format::parse).transpose()? {
        None | Some(Format::Json) | Some(Format::Table) => {
            print!("{}", render_json(items))
        }
        Some(Format::Template(t)) => {
            for item in items {
                println!("{}", t.render(item)?);
            }
        }
    }
    Ok(())
}

/// Sizes as Docker prints them: decimal units, three significant digits ("4.86MB").
pub fn human_size(bytes: u64) -> String {
    crate::format::human_size_digits(bytes, 3)
}

/// "2 hours ago", as `docker images` prints CREATED.
pub fn time_ago(then: chrono::DateTime<chrono::Utc>) -> String {
    let secs = (chrono::Utc::now() - then).num_seconds();
    if secs < 1 {
        return "Less than a second ago".into();
    }
    let (n, unit) = match secs {
        s if s < 60 => (s, "second"),
        s if s < 3600 => (s / 60, "minute"),
        s if s < 86400 => (s / 3600, "hour"),
        s if s < 86400 * 7 * 2 => (s / 86400, "day"),
        s if s < 86400 * 30 * 3 => (s / (86400 * 7), "week"),
        s if s < 86400 * 365 * 2 => (s / (86400 * 30), "month"),
        s => (s / (86400 * 365), "year"),
    };
    if n == 1 {
        let article = if unit == "hour" { "An" } else { "A" };
        format!("{article} {unit} ago")
    } else {
        format!("{n} {unit}s ago")
    }
}

/// The 12-character short ID Docker shows.
pub fn short_id(id: &str) -> String {
    id.trim_start_matches("sha256:").chars().take(12).collect()
}

/// Ask on stdout, read the answer from stdin, as Podman does (a terminal or not: a
/// script may pipe the answer in). Only y or yes goes ahead; stdin at its end without
/// an answer is an error, so an unattended run does not look like a refusal.
pub fn confirm(question: &str) -> anyhow::Result<bool> {
    print!("{question}");
    std::io::stdout().flush()?;
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer)? == 0 {
        println!();
        anyhow::bail!("no answer on stdin: use --force to go ahead without asking");
    }
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_like_docker() {
        assert_eq!(human_size(0), "0B");
        assert_eq!(human_size(999), "999B");
        assert_eq!(human_size(4_860_000), "4.86MB");
        assert_eq!(human_size(1_000_000), "1MB");
        assert_eq!(human_size(123_456_789), "123MB");
        assert_eq!(human_size(12_345_678), "12.3MB");
    }

    #[test]
    fn ids_are_shortened() {
        assert_eq!(short_id("sha256:0123456789abcdef"), "0123456789ab");
    }
}
