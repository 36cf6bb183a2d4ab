//! `--format`: `json`, `table`, and Go-template-style `{{.Field}}` output.
//!
//! Commands describe what they print as `serde_json::Value` items with Docker's field
//! names (`.ID`, `.RepoTags`, ...) and hand them to [`print_items`]. Templates are a
//! subset of Go's text/template, enough for the formats people copy from Docker and
//! Podman documentation: fields, `if`/`else`/`range`/`with`, variables, pipes, `{{- -}}`
//! trimming and the functions `json index len upper lower title join split truncate pad
//! printf print println eq ne lt le gt ge and or not`.
//!
//! Values print as Go prints them: strings raw, `true`/`false`, arrays `[a b]`, objects
//! `map[k:v]`, a missing value `<no value>`.
//!
//! Go distinguishes structs (a missing field is an error) from maps (a missing key is
//! `<no value>`); JSON cannot. We treat an object whose keys all start with an uppercase
//! letter as a struct and any other object (labels, annotations) as a map.

use std::io::Write as _;

use serde_json::Value;

mod template;

pub use template::Template;

#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("template parsing error: {0}")]
    Parse(String),
    #[error("template: {0}")]
    Exec(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// What `--format` asked for.
#[derive(Debug, Clone, Default)]
pub enum Format {
    /// The command's default table.
    #[default]
    Table,
    /// A pretty JSON array (Podman's `--format json`).
    Json,
    Template(Template),
}

impl Format {
    /// `""` or `table`: the default table; `json`: JSON; `table TEMPLATE`: a table with
    /// a header derived from the fields; anything else: a template printed per item.
    pub fn parse(s: &str) -> Result<Format, FormatError> {
        match s.trim() {
            "" | "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            _ => Ok(Format::Template(Template::parse(s)?)),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = FormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::parse(s)
    }
}

/// How a listing command prints by default.
#[derive(Debug, Clone, Copy)]
pub struct Listing<'a> {
    /// The default table as a template, e.g. `table {{.Repository}}\t{{.Tag}}\t{{.ID}}`.
    pub default_table: &'a str,
    /// Column titles that differ from the field name: `("ID", "IMAGE ID")`.
    pub headers: &'a [(&'a str, &'a str)],
}

/// Everything a listing command prints for `format`: a pretty JSON array for `Json`, the
/// default or given table (header + aligned rows), or one rendered template per item,
/// each followed by a newline.
pub fn render_items(
    format: &Format,
    listing: &Listing<'_>,
    items: &[Value],
) -> Result<String, FormatError> {
    let default;
    let template = match format {
        Format::Json => return Ok(render_json(items)),
        Format::Template(t) => t,
        Format::Table => {
            default = Template::parse(listing.default_table)?;
            &default
        }
    };
    let mut lines = Vec::with_capacity(items.len() + 1);
    for item in items {
        lines.push(template.render(item)?);
    }
    if !template.is_table() {
        let mut out = String::new();
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        return Ok(out);
    }
    let mut text = template.header(listing.headers);
    text.push('\n');
    for l in lines {
        text.push_str(&l);
        text.push('\n');
    }
    Ok(align(&text))
}

/// [`render_items`] to stdout. A closed pipe (`cove images | head -1`) is not an error.
pub fn print_items(
    format: &Format,
    listing: &Listing<'_>,
    items: &[Value],
) -> Result<(), FormatError> {
    let text = render_items(format, listing, items)?;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// Go's `units.HumanSizeWithPrecision(bytes, digits)`: decimal units, `digits`
/// significant digits, trailing zeros dropped (3: "4.86MB" as Docker lists sizes; 4:
/// "2.019MB" as Podman's `image tree`).
pub fn human_size_digits(bytes: u64, digits: usize) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1000.0 && unit < UNITS.len() - 1 {
        size /= 1000.0;
        unit += 1;
    }
    let whole = match size {
        s if s >= 100.0 => 3,
        s if s >= 10.0 => 2,
        _ => 1,
    };
    let decimals = digits.saturating_sub(whole);
    let s = format!("{size:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    format!("{s}{}", UNITS[unit])
}

/// Any serialisable value as Podman prints JSON: 4-space indentation, fields in the
/// order the type declares them (a `Value` would sort them), no final newline.
pub fn pretty<T: serde::Serialize + ?Sized>(v: &T) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    // Serialising into memory cannot fail for the plain data types given here.
    let _ = v.serialize(&mut ser);
    String::from_utf8(buf).unwrap_or_default()
}

/// A pretty JSON array with 4-space indentation and a final newline, as Podman prints.
pub fn render_json(items: &[Value]) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    // Serialising a Value into memory cannot fail.
    let _ = serde::Serialize::serialize(items, &mut ser);
    let mut s = String::from_utf8(buf).unwrap_or_default();
    s.push('\n');
    s
}

/// A header line and rows, aligned in columns (see [`align`]); every line ends in `\n`.
pub fn render_table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut text = headers.join("\t");
    text.push('\n');
    for r in rows {
        text.push_str(&r.join("\t"));
        text.push('\n');
    }
    align(&text)
}

/// Docker's tabwriter settings: a cell is padded to the widest cell of its column plus
/// 3 spaces, and at least 10 characters; the last cell of a line is not padded.
const MIN_WIDTH: usize = 10;
const PADDING: usize = 3;

/// Align tab-separated cells like Go's tabwriter with Docker's settings. A cell belongs
/// to a column only when a tab ends it, so the last cell of each line is left as is.
pub fn align(text: &str) -> String {
    let lines: Vec<Vec<&str>> = text
        .split_inclusive('\n')
        .map(|l| l.split('\t').collect())
        .collect();
    let mut widths: Vec<usize> = Vec::new();
    for cells in &lines {
        for (i, c) in cells.iter().enumerate().take(cells.len().saturating_sub(1)) {
            if widths.len() <= i {
                widths.push(0);
            }
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let mut out = String::with_capacity(text.len() * 2);
    for cells in &lines {
        let last = cells.len() - 1;
        for (i, c) in cells.iter().enumerate() {
            out.push_str(c);
            if i < last {
                let w = (widths[i] + PADDING).max(MIN_WIDTH);
                out.extend(std::iter::repeat_n(' ', w - c.chars().count()));
            }
        }
    }
    out
}

/// `RepoTags` -> `REPO TAGS`, `ImageID` -> `IMAGE ID`, `ID` -> `ID`.
fn header_name(field: &str) -> String {
    let c: Vec<char> = field.chars().collect();
    let mut out = String::new();
    for (i, &ch) in c.iter().enumerate() {
        if i > 0 && ch.is_uppercase() {
            let prev = c[i - 1];
            let next_lower = c.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push(' ');
            }
        }
        out.extend(ch.to_uppercase());
    }
    out
}

#[cfg(test)]
mod tests;
