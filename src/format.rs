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

use std::fmt::Write as _;
use std::io::Write as _;

use serde_json::Value;

#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("template parsing error: {0}")]
    Parse(String),
    #[error("template: {0}")]
    Exec(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn parse_err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError::Parse(msg.into()))
}
fn exec_err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError::Exec(msg.into()))
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

/// A parsed template.
#[derive(Debug, Clone)]
pub struct Template {
    nodes: Vec<Node>,
    table: bool,
}

impl Template {
    /// Parse a template. A leading `table ` makes it a table template (see
    /// [`Template::is_table`]). Literal `\t` and `\n` in the text become tab and newline,
    /// as Docker does, so shells need no special quoting.
    pub fn parse(s: &str) -> Result<Template, FormatError> {
        let (table, body) = match s.strip_prefix("table") {
            Some(rest) if rest.is_empty() || rest.starts_with([' ', '\t']) => {
                (true, &rest[rest.len().min(1)..])
            }
            _ => (false, s),
        };
        let items = split_items(body)?;
        let mut p = Parser { items, pos: 0 };
        let (nodes, term) = p.list()?;
        match term {
            Term::Eof => Ok(Template { nodes, table }),
            Term::End => parse_err("unexpected {{end}}"),
            Term::Else(_) => parse_err("unexpected {{else}}"),
        }
    }

    /// Whether the template started with `table`: its rows are aligned in columns
    /// under a header line.
    pub fn is_table(&self) -> bool {
        self.table
    }

    /// The header line for a table template: each action replaced by the title of the
    /// field it shows, `overrides` first (`("ID", "IMAGE ID")`), otherwise the field name
    /// split at case changes and uppercased (`RepoTags` -> `REPO TAGS`).
    pub fn header(&self, overrides: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for n in &self.nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                // A declaration prints nothing, so it has no column either.
                Node::Action(p) if !p.decl.is_empty() => {}
                Node::Action(p) => {
                    if let Some(name) = p.first_field() {
                        match overrides.iter().find(|(k, _)| *k == name) {
                            Some((_, title)) => out.push_str(title),
                            None => out.push_str(&header_name(name)),
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Render the template for one item.
    pub fn render(&self, v: &Value) -> Result<String, FormatError> {
        let mut ex = Exec {
            vars: vec![("$".to_string(), v.clone())],
        };
        let mut out = String::new();
        ex.walk(&self.nodes, v, &mut out)?;
        Ok(out)
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

// ---------------------------------------------------------------------------------------
// Parsing

#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Action(Pipeline),
    If {
        cond: Pipeline,
        then: Vec<Node>,
        els: Vec<Node>,
    },
    Range {
        vars: Vec<String>,
        pipe: Pipeline,
        body: Vec<Node>,
        els: Vec<Node>,
    },
    With {
        pipe: Pipeline,
        body: Vec<Node>,
        els: Vec<Node>,
    },
}

#[derive(Debug, Clone)]
struct Pipeline {
    /// `$x := ...`: variables to declare with the result.
    decl: Vec<String>,
    cmds: Vec<Vec<Arg>>,
}

impl Pipeline {
    /// The last name of the first field the pipeline reads, for table headers.
    fn first_field(&self) -> Option<&str> {
        fn in_args(args: &[Arg]) -> Option<&str> {
            args.iter().find_map(|a| match a {
                Arg::Field(f) | Arg::Var(_, f) if !f.is_empty() => f.last().map(String::as_str),
                Arg::Sub(p) => p.first_field(),
                _ => None,
            })
        }
        self.cmds.iter().find_map(|c| in_args(c))
    }
}

#[derive(Debug, Clone)]
enum Arg {
    /// `.A.B`; empty for `.` itself.
    Field(Vec<String>),
    /// `$x.A.B`; `$` is the root item.
    Var(String, Vec<String>),
    Lit(Value),
    Func(String),
    Sub(Box<Pipeline>),
}

/// The template split into literal text and action bodies.
enum Item {
    Text(String),
    Action(String),
}

/// Docker turns the two-character sequences `\t` and `\n` into tab and newline.
fn unescape_text(s: &str) -> String {
    s.replace("\\t", "\t").replace("\\n", "\n")
}

fn split_items(src: &str) -> Result<Vec<Item>, FormatError> {
    let mut items = Vec::new();
    let mut pos = 0;
    let mut trim_next = false;
    let ws = |c: char| c == ' ' || c == '\t' || c == '\n' || c == '\r';
    loop {
        let Some(open) = src[pos..].find("{{").map(|i| pos + i) else {
            let mut t = unescape_text(&src[pos..]);
            if trim_next {
                t = t.trim_start_matches(ws).to_string();
            }
            if !t.is_empty() {
                items.push(Item::Text(t));
            }
            return Ok(items);
        };
        let mut text = unescape_text(&src[pos..open]);
        if trim_next {
            text = text.trim_start_matches(ws).to_string();
        }
        let mut start = open + 2;
        let rest = &src[start..];
        if rest.starts_with('-') && rest[1..].starts_with(ws) {
            text = text.trim_end_matches(ws).to_string();
            start += 1;
        }
        if !text.is_empty() {
            items.push(Item::Text(text));
        }
        let close =
            find_close(src, start).ok_or_else(|| FormatError::Parse("unclosed action".into()))?;
        let mut body = &src[start..close];
        trim_next = false;
        if let Some(b) = body.strip_suffix('-') {
            if b.ends_with(ws) {
                body = b;
                trim_next = true;
            }
        }
        let trimmed = body.trim();
        if !(trimmed.starts_with("/*") && trimmed.ends_with("*/")) {
            items.push(Item::Action(body.to_string()));
        }
        pos = close + 2;
    }
}

/// The `}}` closing the action that starts at `from`, skipping quoted strings.
fn find_close(src: &str, from: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'`' => {
                i += 1;
                while i < b.len() && b[i] != b'`' {
                    i += 1;
                }
            }
            b'}' if b.get(i + 1) == Some(&b'}') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Field(Vec<String>),
    Var(String, Vec<String>),
    Str(String),
    Num(Value),
    Ident(String),
    Pipe,
    LParen,
    RParen,
    Declare,
    Comma,
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn tokenize(s: &str) -> Result<Vec<Tok>, FormatError> {
    let cs: Vec<char> = s.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    // `.A.B` after `.` or `$x`: collect the chain of names.
    let chain = |i: &mut usize| -> Vec<String> {
        let mut names = Vec::new();
        while *i < cs.len() && cs[*i] == '.' && cs.get(*i + 1).is_some_and(|&c| is_ident_char(c)) {
            *i += 1;
            let start = *i;
            while *i < cs.len() && is_ident_char(cs[*i]) {
                *i += 1;
            }
            names.push(cs[start..*i].iter().collect());
        }
        names
    };
    while i < cs.len() {
        let c = cs[i];
        match c {
            ' ' | '\t' | '\n' | '\r' => i += 1,
            '|' => {
                toks.push(Tok::Pipe);
                i += 1;
            }
            '(' => {
                toks.push(Tok::LParen);
                i += 1;
            }
            ')' => {
                toks.push(Tok::RParen);
                i += 1;
            }
            ',' => {
                toks.push(Tok::Comma);
                i += 1;
            }
            ':' if cs.get(i + 1) == Some(&'=') => {
                toks.push(Tok::Declare);
                i += 2;
            }
            '=' => {
                // Go's `$x = value` assignment; treated like a declaration.
                toks.push(Tok::Declare);
                i += 1;
            }
            '.' => {
                let names = chain(&mut i);
                if names.is_empty() {
                    i += 1;
                }
                toks.push(Tok::Field(names));
            }
            '$' => {
                let start = i;
                i += 1;
                while i < cs.len() && is_ident_char(cs[i]) {
                    i += 1;
                }
                let name: String = cs[start..i].iter().collect();
                toks.push(Tok::Var(name, chain(&mut i)));
            }
            '"' => {
                i += 1;
                let mut out = String::new();
                loop {
                    let Some(&ch) = cs.get(i) else {
                        return parse_err("unterminated quoted string");
                    };
                    i += 1;
                    match ch {
                        '"' => break,
                        '\\' => {
                            let Some(&e) = cs.get(i) else {
                                return parse_err("unterminated quoted string");
                            };
                            i += 1;
                            match e {
                                'n' => out.push('\n'),
                                't' => out.push('\t'),
                                'r' => out.push('\r'),
                                '0' => out.push('\0'),
                                '\\' | '"' | '\'' => out.push(e),
                                'u' => {
                                    let hex: String = cs.iter().skip(i).take(4).collect();
                                    let ch =
                                        u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                                    match ch {
                                        Some(ch) if hex.len() == 4 => out.push(ch),
                                        _ => return parse_err(format!("invalid escape \\u{hex}")),
                                    }
                                    i += 4;
                                }
                                other => {
                                    return parse_err(format!("invalid escape \\{other} in string"))
                                }
                            }
                        }
                        _ => out.push(ch),
                    }
                }
                toks.push(Tok::Str(out));
            }
            '`' => {
                let start = i + 1;
                let Some(len) = cs[start..].iter().position(|&c| c == '`') else {
                    return parse_err("unterminated raw string");
                };
                toks.push(Tok::Str(cs[start..start + len].iter().collect()));
                i = start + len + 1;
            }
            c if c.is_ascii_digit()
                || (c == '-' && cs.get(i + 1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                let start = i;
                i += 1;
                while i < cs.len() && (cs[i].is_ascii_alphanumeric() || cs[i] == '.') {
                    i += 1;
                }
                let text: String = cs[start..i].iter().collect();
                let v = if let Ok(n) = text.parse::<i64>() {
                    Value::from(n)
                } else if let Some(n) = text
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                {
                    Value::Number(n)
                } else {
                    return parse_err(format!("bad number syntax: {text:?}"));
                };
                toks.push(Tok::Num(v));
            }
            c if is_ident_char(c) => {
                let start = i;
                while i < cs.len() && is_ident_char(cs[i]) {
                    i += 1;
                }
                toks.push(Tok::Ident(cs[start..i].iter().collect()));
            }
            other => return parse_err(format!("unexpected {other:?} in command")),
        }
    }
    Ok(toks)
}

const FUNCS: &[&str] = &[
    "json", "index", "len", "upper", "lower", "title", "join", "split", "truncate", "pad",
    "printf", "print", "println", "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not",
];

/// How a list of nodes ended.
enum Term {
    Eof,
    End,
    /// `{{else}}`, or `{{else if ...}}` with the tokens after `if`.
    Else(Option<Vec<Tok>>),
}

struct Parser {
    items: Vec<Item>,
    pos: usize,
}

impl Parser {
    fn list(&mut self) -> Result<(Vec<Node>, Term), FormatError> {
        let mut nodes = Vec::new();
        while self.pos < self.items.len() {
            let idx = self.pos;
            self.pos += 1;
            let body = match &self.items[idx] {
                Item::Text(t) => {
                    nodes.push(Node::Text(t.clone()));
                    continue;
                }
                Item::Action(b) => b.clone(),
            };
            let toks = tokenize(&body)?;
            let Some(first) = toks.first() else {
                return parse_err("missing value for command");
            };
            match first {
                Tok::Ident(k) if k == "end" => {
                    if toks.len() > 1 {
                        return parse_err("unexpected tokens after end");
                    }
                    return Ok((nodes, Term::End));
                }
                Tok::Ident(k) if k == "else" => {
                    return match toks.get(1) {
                        None => Ok((nodes, Term::Else(None))),
                        Some(Tok::Ident(k)) if k == "if" => {
                            Ok((nodes, Term::Else(Some(toks[2..].to_vec()))))
                        }
                        Some(_) => parse_err("unexpected tokens after else"),
                    };
                }
                Tok::Ident(k) if k == "if" => nodes.push(self.if_node(&toks[1..])?),
                Tok::Ident(k) if k == "with" => {
                    let pipe = pipeline(&toks[1..])?;
                    let (body, els) = self.body_and_else("with")?;
                    nodes.push(Node::With { pipe, body, els });
                }
                Tok::Ident(k) if k == "range" => {
                    let rest = &toks[1..];
                    let (vars, rest) = match rest.iter().position(|t| *t == Tok::Declare) {
                        Some(d) => {
                            let vars = declared_vars(&rest[..d])?;
                            if vars.len() > 2 {
                                return parse_err("too many declarations in range");
                            }
                            (vars, &rest[d + 1..])
                        }
                        None => (Vec::new(), rest),
                    };
                    let pipe = pipeline(rest)?;
                    let (body, els) = self.body_and_else("range")?;
                    nodes.push(Node::Range {
                        vars,
                        pipe,
                        body,
                        els,
                    });
                }
                _ => nodes.push(Node::Action(pipeline(&toks)?)),
            }
        }
        Ok((nodes, Term::Eof))
    }

    /// After `if`: its condition tokens. Handles `else if` chains, which share one `end`.
    fn if_node(&mut self, cond: &[Tok]) -> Result<Node, FormatError> {
        let cond = pipeline(cond)?;
        let (then, term) = self.list()?;
        let els = match term {
            Term::End => Vec::new(),
            Term::Else(None) => {
                let (els, t) = self.list()?;
                if !matches!(t, Term::End) {
                    return parse_err("missing {{end}} for if");
                }
                els
            }
            Term::Else(Some(toks)) => vec![self.if_node(&toks)?],
            Term::Eof => return parse_err("missing {{end}} for if"),
        };
        Ok(Node::If { cond, then, els })
    }

    fn body_and_else(&mut self, what: &str) -> Result<(Vec<Node>, Vec<Node>), FormatError> {
        let (body, term) = self.list()?;
        match term {
            Term::End => Ok((body, Vec::new())),
            Term::Else(None) => {
                let (els, t) = self.list()?;
                match t {
                    Term::End => Ok((body, els)),
                    _ => parse_err(format!("missing {{{{end}}}} for {what}")),
                }
            }
            Term::Else(Some(_)) => parse_err(format!("else if is not supported inside {what}")),
            Term::Eof => parse_err(format!("missing {{{{end}}}} for {what}")),
        }
    }
}

fn declared_vars(toks: &[Tok]) -> Result<Vec<String>, FormatError> {
    let mut vars = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match (i % 2, t) {
            (0, Tok::Var(name, f)) if f.is_empty() && name != "$" => vars.push(name.clone()),
            (1, Tok::Comma) => {}
            _ => return parse_err("invalid variable declaration"),
        }
    }
    Ok(vars)
}

/// `[$x :=] cmd | cmd ...`
fn pipeline(toks: &[Tok]) -> Result<Pipeline, FormatError> {
    let (decl, toks) = match toks.iter().position(|t| *t == Tok::Declare) {
        Some(d)
            if toks[..d]
                .iter()
                .all(|t| matches!(t, Tok::Var(..) | Tok::Comma)) =>
        {
            (declared_vars(&toks[..d])?, &toks[d + 1..])
        }
        _ => (Vec::new(), toks),
    };
    let mut cmds = Vec::new();
    let mut i = 0;
    let mut cur = Vec::new();
    while i < toks.len() {
        match &toks[i] {
            Tok::Pipe => {
                if cur.is_empty() {
                    return parse_err("missing command before |");
                }
                cmds.push(std::mem::take(&mut cur));
                i += 1;
            }
            Tok::LParen => {
                let mut depth = 0;
                let mut j = i;
                loop {
                    match toks.get(j) {
                        Some(Tok::LParen) => depth += 1,
                        Some(Tok::RParen) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        Some(_) => {}
                        None => return parse_err("unclosed left paren"),
                    }
                    j += 1;
                }
                cur.push(Arg::Sub(Box::new(pipeline(&toks[i + 1..j])?)));
                i = j + 1;
            }
            Tok::RParen => return parse_err("unexpected right paren"),
            Tok::Declare | Tok::Comma => return parse_err("unexpected declaration"),
            Tok::Field(f) => {
                cur.push(Arg::Field(f.clone()));
                i += 1;
            }
            Tok::Var(n, f) => {
                cur.push(Arg::Var(n.clone(), f.clone()));
                i += 1;
            }
            Tok::Str(s) => {
                cur.push(Arg::Lit(Value::String(s.clone())));
                i += 1;
            }
            Tok::Num(n) => {
                cur.push(Arg::Lit(n.clone()));
                i += 1;
            }
            Tok::Ident(id) => {
                cur.push(match id.as_str() {
                    "true" => Arg::Lit(Value::Bool(true)),
                    "false" => Arg::Lit(Value::Bool(false)),
                    "nil" => Arg::Lit(Value::Null),
                    f if FUNCS.contains(&f) => Arg::Func(f.to_string()),
                    f => return parse_err(format!("function {f:?} not defined")),
                });
                i += 1;
            }
        }
    }
    if cur.is_empty() {
        return parse_err("missing value for command");
    }
    cmds.push(cur);
    Ok(Pipeline { decl, cmds })
}

// ---------------------------------------------------------------------------------------
// Execution

struct Exec {
    /// Variables in scope, innermost last; `$` is the root item.
    vars: Vec<(String, Value)>,
}

impl Exec {
    fn walk(&mut self, nodes: &[Node], dot: &Value, out: &mut String) -> Result<(), FormatError> {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Action(p) => {
                    let v = self.pipeline(p, dot)?;
                    if p.decl.is_empty() {
                        out.push_str(&go_print(&v, true));
                    }
                }
                Node::If { cond, then, els } => {
                    let mark = self.vars.len();
                    let c = self.pipeline(cond, dot)?;
                    let r = self.walk(if truthy(&c) { then } else { els }, dot, out);
                    self.vars.truncate(mark);
                    r?;
                }
                Node::With { pipe, body, els } => {
                    let mark = self.vars.len();
                    let v = self.pipeline(pipe, dot)?;
                    let r = if truthy(&v) {
                        self.walk(body, &v, out)
                    } else {
                        self.walk(els, dot, out)
                    };
                    self.vars.truncate(mark);
                    r?;
                }
                Node::Range {
                    vars,
                    pipe,
                    body,
                    els,
                } => {
                    let v = self.pipeline(pipe, dot)?;
                    let entries: Vec<(Value, Value)> = match v {
                        Value::Array(a) => a
                            .into_iter()
                            .enumerate()
                            .map(|(i, x)| (Value::from(i), x))
                            .collect(),
                        Value::Object(m) => {
                            m.into_iter().map(|(k, x)| (Value::String(k), x)).collect()
                        }
                        Value::Null => Vec::new(),
                        other => {
                            return exec_err(format!(
                                "range can't iterate over {}",
                                go_print(&other, true)
                            ))
                        }
                    };
                    if entries.is_empty() {
                        self.walk(els, dot, out)?;
                        continue;
                    }
                    for (key, elem) in entries {
                        let mark = self.vars.len();
                        match vars.as_slice() {
                            [v] => self.vars.push((v.clone(), elem.clone())),
                            [k, v] => {
                                self.vars.push((k.clone(), key));
                                self.vars.push((v.clone(), elem.clone()));
                            }
                            _ => {}
                        }
                        let r = self.walk(body, &elem, out);
                        self.vars.truncate(mark);
                        r?;
                    }
                }
            }
        }
        Ok(())
    }

    fn pipeline(&mut self, p: &Pipeline, dot: &Value) -> Result<Value, FormatError> {
        let mut prev: Option<Value> = None;
        for cmd in &p.cmds {
            prev = Some(self.command(cmd, dot, prev)?);
        }
        let v = prev.unwrap_or(Value::Null);
        for name in &p.decl {
            self.vars.push((name.clone(), v.clone()));
        }
        Ok(v)
    }

    fn command(
        &mut self,
        args: &[Arg],
        dot: &Value,
        piped: Option<Value>,
    ) -> Result<Value, FormatError> {
        match args.first() {
            Some(Arg::Func(name)) => {
                let mut vals = Vec::with_capacity(args.len());
                for a in &args[1..] {
                    vals.push(self.arg(a, dot)?);
                }
                vals.extend(piped);
                call(name, vals)
            }
            Some(a) => {
                if args.len() > 1 || piped.is_some() {
                    return exec_err(format!(
                        "can't give argument to non-function {}",
                        describe(a)
                    ));
                }
                self.arg(a, dot)
            }
            None => exec_err("empty command"),
        }
    }

    fn arg(&mut self, a: &Arg, dot: &Value) -> Result<Value, FormatError> {
        match a {
            Arg::Field(names) => fields(dot, names),
            Arg::Var(name, names) => {
                let Some((_, v)) = self.vars.iter().rev().find(|(n, _)| n == name) else {
                    return exec_err(format!("undefined variable: {name}"));
                };
                let v = v.clone();
                fields(&v, names)
            }
            Arg::Lit(v) => Ok(v.clone()),
            Arg::Func(name) => call(name, Vec::new()),
            Arg::Sub(p) => self.pipeline(p, dot),
        }
    }
}

fn describe(a: &Arg) -> String {
    match a {
        Arg::Field(f) => format!(".{}", f.join(".")),
        Arg::Var(n, f) if f.is_empty() => n.clone(),
        Arg::Var(n, f) => format!("{n}.{}", f.join(".")),
        Arg::Lit(v) => go_print(v, true),
        Arg::Func(f) => f.clone(),
        Arg::Sub(_) => "(...)".into(),
    }
}

/// Structs (see the module docs) have only exported, capitalised field names.
fn is_struct_like(m: &serde_json::Map<String, Value>) -> bool {
    !m.is_empty() && m.keys().all(|k| k.starts_with(|c: char| c.is_uppercase()))
}

fn fields(v: &Value, names: &[String]) -> Result<Value, FormatError> {
    let mut cur = v.clone();
    for name in names {
        cur = match cur {
            Value::Object(mut m) => match m.remove(name) {
                Some(x) => x,
                None if is_struct_like(&m) => {
                    return exec_err(format!("can't evaluate field {name}"))
                }
                None => Value::Null,
            },
            Value::Null => Value::Null,
            other => {
                return exec_err(format!(
                    "can't evaluate field {name} in type {}",
                    go_type(&other)
                ))
            }
        };
    }
    Ok(cur)
}

fn go_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "nil",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float64",
        Value::Number(_) => "int",
        Value::String(_) => "string",
        Value::Array(_) => "[]interface {}",
        Value::Object(_) => "map[string]interface {}",
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

/// Go's `%v`. `top` distinguishes a missing value printed by itself (`<no value>`) from
/// a nil inside a collection (`<nil>`).
fn go_print(v: &Value, top: bool) -> String {
    match v {
        Value::Null if top => "<no value>".into(),
        Value::Null => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_string(n),
        Value::String(s) => s.clone(),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(|x| go_print(x, false)).collect();
            format!("[{}]", parts.join(" "))
        }
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .iter()
                .map(|k| format!("{k}:{}", go_print(&m[*k], false)))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
    }
}

fn number_string(n: &serde_json::Number) -> String {
    if n.is_f64() {
        // Rust prints 1.0 as "1" and 0.5 as "0.5", like Go's %v for float64 in range.
        n.as_f64()
            .map(|f| f.to_string())
            .unwrap_or_else(|| n.to_string())
    } else {
        n.to_string()
    }
}

fn as_int(v: &Value, func: &str) -> Result<i64, FormatError> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
            .ok_or_else(|| FormatError::Exec(format!("{func}: expected an integer, got {n}"))),
        Value::String(s) => s
            .parse()
            .map_err(|_| FormatError::Exec(format!("{func}: expected an integer, got {s:?}"))),
        other => exec_err(format!(
            "{func}: expected an integer, got {}",
            go_type(other)
        )),
    }
}

fn arity(name: &str, args: &[Value], n: usize) -> Result<(), FormatError> {
    if args.len() == n {
        Ok(())
    } else {
        exec_err(format!(
            "wrong number of args for {name}: want {n} got {}",
            args.len()
        ))
    }
}

fn call(name: &str, args: Vec<Value>) -> Result<Value, FormatError> {
    let s = |v: &Value| go_print(v, true);
    match name {
        "json" => {
            arity(name, &args, 1)?;
            // Docker's json does not HTML-escape, and neither does serde_json.
            Ok(Value::String(
                serde_json::to_string(&args[0]).unwrap_or_default(),
            ))
        }
        "index" => {
            let Some((first, keys)) = args.split_first() else {
                return exec_err("wrong number of args for index: want at least 1 got 0");
            };
            let mut cur = first.clone();
            for k in keys {
                cur = match (cur, k) {
                    (Value::Array(a), k) => {
                        let i = as_int(k, "index")?;
                        let Some(x) = usize::try_from(i).ok().and_then(|i| a.get(i)) else {
                            return exec_err(format!(
                                "error calling index: index out of range: {i}"
                            ));
                        };
                        x.clone()
                    }
                    // A missing key gives the zero value; for Docker's string maps that is "".
                    (Value::Object(mut m), Value::String(k)) => {
                        m.remove(k).unwrap_or(Value::String(String::new()))
                    }
                    (Value::Null, _) => Value::Null,
                    (other, _) => {
                        return exec_err(format!("can't index item of type {}", go_type(&other)))
                    }
                };
            }
            Ok(cur)
        }
        "len" => {
            arity(name, &args, 1)?;
            let n = match &args[0] {
                Value::Array(a) => a.len(),
                Value::Object(m) => m.len(),
                Value::String(x) => x.len(),
                Value::Null => 0,
                other => return exec_err(format!("len of type {}", go_type(other))),
            };
            Ok(Value::from(n))
        }
        "upper" | "lower" | "title" => {
            arity(name, &args, 1)?;
            let x = s(&args[0]);
            Ok(Value::String(match name {
                "upper" => x.to_uppercase(),
                "lower" => x.to_lowercase(),
                _ => title(&x),
            }))
        }
        "join" => {
            arity(name, &args, 2)?;
            // Go's join takes (list, sep); accept the piped form `.List | join ","`
            // (sep, list) too instead of failing on it.
            let (list, sep) = match (&args[0], &args[1]) {
                (Value::String(_), Value::Array(_)) => (&args[1], s(&args[0])),
                _ => (&args[0], s(&args[1])),
            };
            let parts: Vec<String> = match list {
                Value::Array(a) => a.iter().map(s).collect(),
                Value::Null => Vec::new(),
                other => vec![s(other)],
            };
            Ok(Value::String(parts.join(&sep)))
        }
        "split" => {
            arity(name, &args, 2)?;
            let (x, sep) = (s(&args[0]), s(&args[1]));
            Ok(Value::Array(
                x.split(sep.as_str())
                    .map(|p| Value::String(p.into()))
                    .collect(),
            ))
        }
        "truncate" => {
            arity(name, &args, 2)?;
            let n = usize::try_from(as_int(&args[1], name)?).unwrap_or(0);
            Ok(Value::String(s(&args[0]).chars().take(n).collect()))
        }
        "pad" => {
            arity(name, &args, 3)?;
            let before = usize::try_from(as_int(&args[1], name)?).unwrap_or(0);
            let after = usize::try_from(as_int(&args[2], name)?).unwrap_or(0);
            Ok(Value::String(format!(
                "{}{}{}",
                " ".repeat(before),
                s(&args[0]),
                " ".repeat(after)
            )))
        }
        "printf" => {
            let Some((f, rest)) = args.split_first() else {
                return exec_err("wrong number of args for printf: want at least 1 got 0");
            };
            Ok(Value::String(sprintf(&s(f), rest)))
        }
        "print" => {
            // Go's Sprint: a space between operands when neither is a string.
            let mut out = String::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 && !args[i - 1].is_string() && !a.is_string() {
                    out.push(' ');
                }
                out.push_str(&s(a));
            }
            Ok(Value::String(out))
        }
        "println" => {
            let parts: Vec<String> = args.iter().map(s).collect();
            Ok(Value::String(format!("{}\n", parts.join(" "))))
        }
        "eq" => {
            let Some((a, rest)) = args.split_first() else {
                return exec_err("wrong number of args for eq");
            };
            if rest.is_empty() {
                return exec_err("wrong number of args for eq: want at least 2 got 1");
            }
            Ok(Value::Bool(rest.iter().any(|b| values_equal(a, b))))
        }
        "ne" => {
            arity(name, &args, 2)?;
            Ok(Value::Bool(!values_equal(&args[0], &args[1])))
        }
        "lt" | "le" | "gt" | "ge" => {
            arity(name, &args, 2)?;
            let ord = compare(&args[0], &args[1]).ok_or_else(|| {
                FormatError::Exec(format!("{name}: incompatible types for comparison"))
            })?;
            use std::cmp::Ordering::*;
            Ok(Value::Bool(match name {
                "lt" => ord == Less,
                "le" => ord != Greater,
                "gt" => ord == Greater,
                _ => ord != Less,
            }))
        }
        // Go returns the deciding operand itself, not a bool.
        "and" => Ok(args
            .iter()
            .find(|a| !truthy(a))
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Null)),
        "or" => Ok(args
            .iter()
            .find(|a| truthy(a))
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Null)),
        "not" => {
            arity(name, &args, 1)?;
            Ok(Value::Bool(!truthy(&args[0])))
        }
        other => exec_err(format!("function {other:?} not defined")),
    }
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_start = true;
    for c in s.chars() {
        if at_start && c.is_alphanumeric() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        at_start = !c.is_alphanumeric();
    }
    out
}

fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64()?.partial_cmp(&y.as_f64()?),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// Go's fmt.Sprintf for the verbs templates use: `%v %s %d %q %t %f %x %X %%`, with
/// flags `-` and `0`, width and precision.
fn sprintf(fmt: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut args_iter = args.iter();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let (mut left, mut zero, mut plus) = (false, false, false);
        while let Some(&f) = chars.peek() {
            match f {
                '-' => left = true,
                '0' => zero = true,
                '+' => plus = true,
                ' ' | '#' => {}
                _ => break,
            }
            chars.next();
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        let mut precision: Option<usize> = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            precision = Some(p.parse().unwrap_or(0));
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args_iter.next() else {
            let _ = write!(out, "%!{verb}(MISSING)");
            continue;
        };
        let mut numeric = false;
        let text = match verb {
            'v' | 's' => {
                let t = go_print(arg, false);
                match (verb, precision) {
                    ('s', Some(p)) => t.chars().take(p).collect(),
                    _ => t,
                }
            }
            'q' => serde_json::to_string(&go_print(arg, false)).unwrap_or_default(),
            't' => match arg {
                Value::Bool(b) => b.to_string(),
                other => format!("%!t({}={})", go_type(other), go_print(other, false)),
            },
            'd' => {
                numeric = true;
                match arg {
                    Value::Number(n) if n.as_i64().is_some() || n.as_u64().is_some() => {
                        let t = n.to_string();
                        if plus && !t.starts_with('-') {
                            format!("+{t}")
                        } else {
                            t
                        }
                    }
                    other => format!("%!d({}={})", go_type(other), go_print(other, false)),
                }
            }
            'f' => {
                numeric = true;
                match arg.as_f64() {
                    Some(f) => format!("{f:.*}", precision.unwrap_or(6)),
                    None => format!("%!f({}={})", go_type(arg), go_print(arg, false)),
                }
            }
            'x' | 'X' => {
                let t = match arg {
                    Value::Number(n) if n.as_i64().is_some() => {
                        numeric = true;
                        format!("{:x}", n.as_i64().unwrap_or(0))
                    }
                    Value::String(x) => hex::encode(x),
                    other => format!("%!x({}={})", go_type(other), go_print(other, false)),
                };
                if verb == 'X' {
                    t.to_uppercase()
                } else {
                    t
                }
            }
            other => format!("%!{other}({}={})", go_type(arg), go_print(arg, false)),
        };
        let w: usize = width.parse().unwrap_or(0);
        let len = text.chars().count();
        if len >= w {
            out.push_str(&text);
        } else if left {
            out.push_str(&text);
            out.extend(std::iter::repeat_n(' ', w - len));
        } else if zero && numeric {
            let (sign, digits) = match text.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", text.as_str()),
            };
            out.push_str(sign);
            out.extend(std::iter::repeat_n('0', w - len));
            out.push_str(digits);
        } else {
            out.extend(std::iter::repeat_n(' ', w - len));
            out.push_str(&text);
        }
    }
    let extra: Vec<String> = args_iter
        .map(|a| format!("{}={}", go_type(a), go_print(a, false)))
        .collect();
    if !extra.is_empty() {
        let _ = write!(out, "%!(EXTRA {})", extra.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(t: &str, v: &Value) -> String {
        Template::parse(t)
            .unwrap_or_else(|e| panic!("{t}: {e}"))
            .render(v)
            .unwrap_or_else(|e| panic!("{t}: {e}"))
    }

    fn container() -> Value {
        json!({
            "Id": "abc123",
            "Name": "web",
            "RepoTags": ["alpine:latest", "alpine:3"],
            "State": {"Pid": 42, "Running": true, "Status": "running", "ExitCode": 0},
            "Config": {"Labels": {"maintainer": "me", "com.x": "y"}, "Env": ["A=1"], "Cmd": null},
            "Labels": {"k": "v", "other": "w"},
            "Size": 1024,
            "Ratio": 0.5,
            "Empty": [],
            "Nothing": null
        })
    }

    #[test]
    fn format_parse() {
        assert!(matches!(Format::parse("json").unwrap(), Format::Json));
        assert!(matches!(Format::parse("table").unwrap(), Format::Table));
        assert!(matches!(Format::parse("").unwrap(), Format::Table));
        match Format::parse("table {{.A}}\t{{.B}}").unwrap() {
            Format::Template(t) => assert!(t.is_table()),
            other => panic!("{other:?}"),
        }
        match Format::parse("{{.A}}").unwrap() {
            Format::Template(t) => assert!(!t.is_table()),
            other => panic!("{other:?}"),
        }
        // "tablex" is not the table keyword.
        match Format::parse("tablex").unwrap() {
            Format::Template(t) => assert_eq!(t.render(&json!({})).unwrap(), "tablex"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(Format::parse("{{.A"), Err(FormatError::Parse(_))));
        assert!("{{nosuchfunc .A}}".parse::<Format>().is_err());
    }

    #[test]
    fn fields_and_values() {
        let c = container();
        assert_eq!(render("{{.Id}}", &c), "abc123");
        assert_eq!(
            render("id={{.Id}} name={{.Name}}", &c),
            "id=abc123 name=web"
        );
        assert_eq!(render("{{.State.Pid}}", &c), "42");
        assert_eq!(render("{{.State.Running}}", &c), "true");
        assert_eq!(render("{{.RepoTags}}", &c), "[alpine:latest alpine:3]");
        assert_eq!(render("{{.Labels}}", &c), "map[k:v other:w]");
        assert_eq!(render("{{.Nothing}}", &c), "<no value>");
        assert_eq!(render("{{.Config.Cmd}}", &c), "<no value>");
        assert_eq!(render("{{.Ratio}} {{.Size}}", &c), "0.5 1024");
        assert_eq!(render("{{.}}", &json!("plain")), "plain");
        assert_eq!(render("{{.}}", &json!([1, null, "a"])), "[1 <nil> a]");
        // Map-like objects: a missing key is <no value>, not an error.
        assert_eq!(render("{{.Labels.missing}}", &c), "<no value>");
        assert_eq!(render("{{.Labels.k}}", &c), "v");
        // Through null: <no value>.
        assert_eq!(render("{{.Nothing.X.Y}}", &c), "<no value>");
    }

    #[test]
    fn missing_field_is_an_error() {
        let t = Template::parse("{{.Foo}}").unwrap();
        let e = t.render(&container()).unwrap_err();
        assert!(e.to_string().contains("can't evaluate field Foo"), "{e}");
        let e = Template::parse("{{.State.Nope}}")
            .unwrap()
            .render(&container())
            .unwrap_err();
        assert!(e.to_string().contains("can't evaluate field Nope"), "{e}");
        let e = Template::parse("{{.Id.X}}")
            .unwrap()
            .render(&container())
            .unwrap_err();
        assert!(
            e.to_string()
                .contains("can't evaluate field X in type string"),
            "{e}"
        );
        // Case-sensitive, as in Docker.
        assert!(Template::parse("{{.id}}")
            .unwrap()
            .render(&container())
            .is_err());
    }

    #[test]
    fn functions() {
        let c = container();
        assert_eq!(render("{{json .Config.Env}}", &c), r#"["A=1"]"#);
        assert_eq!(
            render("{{json .State}}", &c),
            r#"{"ExitCode":0,"Pid":42,"Running":true,"Status":"running"}"#
        );
        assert_eq!(render("{{json .Name}}", &c), r#""web""#);
        assert_eq!(render("{{json .}}", &json!({"a": "<&>"})), r#"{"a":"<&>"}"#);
        assert_eq!(render(r#"{{index .Labels "k"}}"#, &c), "v");
        assert_eq!(render(r#"{{index .Labels "nope"}}"#, &c), "");
        assert_eq!(render(r#"{{index .Config.Labels "com.x"}}"#, &c), "y");
        assert_eq!(render("{{index .RepoTags 1}}", &c), "alpine:3");
        assert!(Template::parse("{{index .RepoTags 5}}")
            .unwrap()
            .render(&c)
            .is_err());
        assert_eq!(
            render(
                "{{upper .Name}} {{lower \"ABC\"}} {{title \"hello world\"}}",
                &c
            ),
            "WEB abc Hello World"
        );
        assert_eq!(
            render("{{len .RepoTags}} {{len .Labels}} {{len .Name}}", &c),
            "2 2 3"
        );
        assert_eq!(
            render(r#"{{join .RepoTags ", "}}"#, &c),
            "alpine:latest, alpine:3"
        );
        assert_eq!(render(r#"{{split "a:b" ":"}}"#, &c), "[a b]");
        assert_eq!(render("{{truncate .Id 3}}", &c), "abc");
        assert_eq!(render("{{pad .Name 1 2}}|", &c), " web  |");
        assert_eq!(
            render(r#"{{printf "%s=%d" .Name .State.Pid}}"#, &c),
            "web=42"
        );
        assert_eq!(
            render(r#"{{printf "%v %v" .RepoTags .State.Running}}"#, &c),
            "[alpine:latest alpine:3] true"
        );
        assert_eq!(render(r#"{{println .Name "x"}}"#, &c), "web x\n");
        assert_eq!(render(r#"{{print .Name "x" 1 2}}"#, &c), "webx1 2");
        assert_eq!(render("{{.Name | upper}}", &c), "WEB");
        assert_eq!(
            render(r#"{{.RepoTags | join "+"}}"#, &c),
            "alpine:latest+alpine:3"
        );
        assert_eq!(render(r#"{{upper (index .Labels "k")}}"#, &c), "V");
        assert_eq!(
            render(r#"{{eq .State.Status "running"}} {{ne .Size 1024}}"#, &c),
            "true false"
        );
        assert_eq!(render(r#"{{eq .Name "a" "b" "web"}}"#, &c), "true");
        assert_eq!(
            render("{{lt 1 2}} {{ge .Size 2000}} {{gt 1.5 1}}", &c),
            "true false true"
        );
        assert_eq!(
            render(
                "{{and .Name .Size}} {{or .Nothing .Name}} {{not .Empty}}",
                &c
            ),
            "1024 web true"
        );
        let e = Template::parse("{{upper}}")
            .unwrap()
            .render(&c)
            .unwrap_err();
        assert!(e.to_string().contains("wrong number of args"), "{e}");
        assert!(matches!(
            Template::parse("{{bogus .X}}"),
            Err(FormatError::Parse(_))
        ));
    }

    #[test]
    fn printf_verbs() {
        let a = |v: Value| [v];
        assert_eq!(
            sprintf("%5s|%-5s|", &[json!("ab"), json!("cd")]),
            "   ab|cd   |"
        );
        assert_eq!(
            sprintf("%05d %d %+d", &[json!(42), json!(-3), json!(7)]),
            "00042 -3 +7"
        );
        assert_eq!(sprintf("%.2f %f", &[json!(1.5), json!(2)]), "1.50 2.000000");
        assert_eq!(sprintf("%q", &a(json!("x\"y"))), r#""x\"y""#);
        assert_eq!(sprintf("%x %X", &[json!(255), json!("hi")]), "ff 6869");
        assert_eq!(sprintf("%t %%", &a(json!(true))), "true %");
        assert_eq!(sprintf("%.3s", &a(json!("abcdef"))), "abc");
        assert_eq!(sprintf("%d", &a(json!("x"))), "%!d(string=x)");
        assert_eq!(sprintf("%s %s", &a(json!("x"))), "x %!s(MISSING)");
        assert_eq!(sprintf("%s", &[json!("x"), json!(1)]), "x%!(EXTRA int=1)");
        assert_eq!(
            sprintf("%v", &a(json!({"b": 1, "a": [true]}))),
            "map[a:[true] b:1]"
        );
    }

    #[test]
    fn control_flow() {
        let c = container();
        assert_eq!(
            render("{{range .RepoTags}}{{.}} {{end}}", &c),
            "alpine:latest alpine:3 "
        );
        assert_eq!(render("{{range .Empty}}x{{else}}none{{end}}", &c), "none");
        assert_eq!(render("{{range .Nothing}}x{{else}}none{{end}}", &c), "none");
        assert_eq!(
            render("{{range $i, $t := .RepoTags}}{{$i}}={{$t}};{{end}}", &c),
            "0=alpine:latest;1=alpine:3;"
        );
        assert_eq!(
            render("{{range $k, $v := .Labels}}{{$k}}={{$v}},{{end}}", &c),
            "k=v,other=w,"
        );
        assert_eq!(
            render("{{range $t := .RepoTags}}{{$t}}{{$.Name}} {{end}}", &c),
            "alpine:latestweb alpine:3web "
        );
        assert_eq!(render("{{range .Labels}}{{.}}{{end}}", &c), "vw");
        assert_eq!(
            render("{{if .State.Running}}up{{else}}down{{end}}", &c),
            "up"
        );
        assert_eq!(render("{{if .Empty}}yes{{else}}no{{end}}", &c), "no");
        assert_eq!(render("{{if .Nothing}}yes{{end}}", &c), "");
        assert_eq!(
            render(
                r#"{{if eq .Name "x"}}1{{else if eq .Name "web"}}2{{else}}3{{end}}"#,
                &c
            ),
            "2"
        );
        assert_eq!(
            render(
                r#"{{if eq .Name "x"}}1{{else if eq .Name "y"}}2{{else}}3{{end}}"#,
                &c
            ),
            "3"
        );
        assert_eq!(render("{{with .State}}{{.Pid}}{{end}}", &c), "42");
        assert_eq!(
            render("{{with .Nothing}}{{.Pid}}{{else}}none{{end}}", &c),
            "none"
        );
        assert_eq!(
            render("{{$n := .Name}}{{range .RepoTags}}{{$n}}:{{.}} {{end}}", &c),
            "web:alpine:latest web:alpine:3 "
        );
        assert_eq!(
            render(
                "{{range .RepoTags}}{{if eq . \"alpine:3\"}}[{{.}}]{{end}}{{end}}",
                &c
            ),
            "[alpine:3]"
        );
        assert_eq!(render("a{{/* comment */}}b", &c), "ab");
        for bad in [
            "{{if .A}}",
            "{{range .A}}x",
            "{{end}}",
            "{{else}}",
            "{{if .A}}{{else}}{{else}}{{end}}",
            "{{with .A}}",
        ] {
            assert!(
                matches!(Template::parse(bad), Err(FormatError::Parse(_))),
                "{bad}"
            );
        }
        let e = Template::parse("{{range .Name}}{{end}}")
            .unwrap()
            .render(&c)
            .unwrap_err();
        assert!(e.to_string().contains("range can't iterate"), "{e}");
        assert!(Template::parse("{{$nope}}").unwrap().render(&c).is_err());
    }

    #[test]
    fn trimming_and_escapes() {
        let c = container();
        assert_eq!(render("a  {{- .Name -}}  b", &c), "awebb");
        assert_eq!(
            render("{{range .RepoTags -}}\n  {{.}}\n{{- end}}", &c),
            "alpine:latestalpine:3"
        );
        // `{{-3}}` is the number -3, not a trim marker.
        assert_eq!(render("x {{-3}}", &c), "x -3");
        assert_eq!(render(r"{{.Name}}\t{{.Id}}\n", &c), "web\tabc123\n");
        assert_eq!(render(r#"{{"a\tb"}}"#, &c), "a\tb");
        assert_eq!(render("{{`raw\\t`}}", &c), "raw\\t");
        assert_eq!(render(r#"{{"}}"}}"#, &c), "}}");
        assert_eq!(render("{{ .Name }}", &c), "web");
    }

    #[test]
    fn headers() {
        assert_eq!(header_name("RepoTags"), "REPO TAGS");
        assert_eq!(header_name("ID"), "ID");
        assert_eq!(header_name("ImageID"), "IMAGE ID");
        assert_eq!(header_name("CreatedAt"), "CREATED AT");
        assert_eq!(header_name("HTTPPort"), "HTTP PORT");
        assert_eq!(header_name("Names"), "NAMES");
        let t = Template::parse(r"table {{.ID}}\t{{.RepoTags}}\t{{json .Config}}\t{{.State.Pid}}")
            .unwrap();
        assert_eq!(
            t.header(&[("ID", "CONTAINER ID")]),
            "CONTAINER ID\tREPO TAGS\tCONFIG\tPID"
        );
        let t = Template::parse(r"table {{$x := .A}}{{.ID}}\t{{.B}}").unwrap();
        assert_eq!(t.header(&[]), "ID\tB");
    }

    #[test]
    fn table_alignment() {
        let t = render_table(
            &["REPOSITORY", "TAG", "IMAGE ID", "SIZE"],
            &[
                vec![
                    "docker.io/library/alpine".into(),
                    "latest".into(),
                    "0123456789ab".into(),
                    "7.8MB".into(),
                ],
                vec!["x".into(), "3".into(), "ffff".into(), "1kB".into()],
            ],
        );
        let expected = "\
REPOSITORY                 TAG       IMAGE ID       SIZE
docker.io/library/alpine   latest    0123456789ab   7.8MB
x                          3         ffff           1kB
";
        assert_eq!(t, expected);
        assert_eq!(render_table(&["A"], &[vec!["x".into()]]), "A\nx\n");
        // Column widths count characters, not bytes.
        assert_eq!(align("é\tb\nxx\tc\n"), "é         b\nxx        c\n");
    }

    #[test]
    fn items() {
        let items = vec![
            json!({"Repository": "alpine", "Tag": "latest", "ID": "abc"}),
            json!({"Repository": "busybox", "Tag": "1", "ID": "def"}),
        ];
        let listing = Listing {
            default_table: r"table {{.Repository}}\t{{.Tag}}\t{{.ID}}",
            headers: &[("ID", "IMAGE ID")],
        };
        let out = render_items(&Format::Table, &listing, &items).unwrap();
        assert_eq!(
            out,
            "REPOSITORY   TAG       IMAGE ID\nalpine       latest    abc\nbusybox      1         def\n"
        );
        let out = render_items(
            &Format::parse("{{.Repository}}:{{.Tag}}").unwrap(),
            &listing,
            &items,
        )
        .unwrap();
        assert_eq!(out, "alpine:latest\nbusybox:1\n");
        let out = render_items(
            &Format::parse(r"table {{.ID}}\t{{.Tag}}").unwrap(),
            &listing,
            &items,
        )
        .unwrap();
        assert_eq!(out, "IMAGE ID   TAG\nabc        latest\ndef        1\n");
        let out = render_items(&Format::Json, &listing, &items[..1]).unwrap();
        assert_eq!(
            out,
            "[\n    {\n        \"ID\": \"abc\",\n        \"Repository\": \"alpine\",\n        \"Tag\": \"latest\"\n    }\n]\n"
        );
        assert_eq!(render_items(&Format::Json, &listing, &[]).unwrap(), "[]\n");
        assert_eq!(
            render_items(&Format::Table, &listing, &[]).unwrap(),
            "REPOSITORY   TAG       IMAGE ID\n"
        );
        let e = render_items(&Format::parse("{{.Nope}}").unwrap(), &listing, &items).unwrap_err();
        assert!(e.to_string().contains("can't evaluate field Nope"));
    }
}
