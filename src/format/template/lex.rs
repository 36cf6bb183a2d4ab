//! Lexing: the template text split into literal text and actions, and an action into tokens.

use serde_json::Value;

use super::parse_err;
use crate::format::FormatError;

/// The template split into literal text and action bodies.
pub(super) enum Item {
    Text(String),
    Action(String),
}

/// Docker turns the two-character sequences `\t` and `\n` into tab and newline.
pub(super) fn unescape_text(s: &str) -> String {
    s.replace("\\t", "\t").replace("\\n", "\n")
}

pub(super) fn split_items(src: &str) -> Result<Vec<Item>, FormatError> {
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
pub(super) fn find_close(src: &str, from: usize) -> Option<usize> {
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
pub(super) enum Tok {
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

pub(super) fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(super) fn tokenize(s: &str) -> Result<Vec<Tok>, FormatError> {
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
