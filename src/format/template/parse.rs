//! Parsing: tokens into the node tree (`if`/`range`/`with` blocks, pipelines, arguments).

use serde_json::Value;

use super::lex::*;
use super::parse_err;
use crate::format::FormatError;

#[derive(Debug, Clone)]
pub(super) enum Node {
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
pub(super) struct Pipeline {
    /// `$x := ...`: variables to declare with the result.
    pub(super) decl: Vec<String>,
    pub(super) cmds: Vec<Vec<Arg>>,
}

impl Pipeline {
    /// The last name of the first field the pipeline reads, for table headers.
    pub(super) fn first_field(&self) -> Option<&str> {
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
pub(super) enum Arg {
    /// `.A.B`; empty for `.` itself.
    Field(Vec<String>),
    /// `$x.A.B`; `$` is the root item.
    Var(String, Vec<String>),
    Lit(Value),
    Func(String),
    Sub(Box<Pipeline>),
}

pub(super) const FUNCS: &[&str] = &[
    "json", "index", "len", "upper", "lower", "title", "join", "split", "truncate", "pad",
    "printf", "print", "println", "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not",
];

/// How a list of nodes ended.
pub(super) enum Term {
    Eof,
    End,
    /// `{{else}}`, or `{{else if ...}}` with the tokens after `if`.
    Else(Option<Vec<Tok>>),
}

pub(super) struct Parser {
    pub(super) items: Vec<Item>,
    pub(super) pos: usize,
}

impl Parser {
    pub(super) fn list(&mut self) -> Result<(Vec<Node>, Term), FormatError> {
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

pub(super) fn declared_vars(toks: &[Tok]) -> Result<Vec<String>, FormatError> {
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
pub(super) fn pipeline(toks: &[Tok]) -> Result<Pipeline, FormatError> {
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
