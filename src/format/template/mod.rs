//! Go-template-style `{{.Field}}` templates: lexed (`lex`), parsed into a node tree
//! (`parse`), executed against a JSON value (`exec`) with Go's functions (`funcs`).

mod exec;
mod funcs;
mod lex;
mod parse;

use serde_json::Value;

use super::{header_name, FormatError};
use exec::Exec;
use lex::split_items;
use parse::{Node, Parser, Term};

fn parse_err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError::Parse(msg.into()))
}
fn exec_err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError::Exec(msg.into()))
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
