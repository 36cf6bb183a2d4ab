//! Variable substitution and word splitting as BuildKit's shell lexer does them for
//! Dockerfile instructions (ENV, ARG, LABEL, COPY, WORKDIR, USER, FROM, ...): `$VAR`,
//! `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`,
//! `${VAR:?message}`, single quotes literal, double quotes expanding, the escape character
//! (`\` or the one `# escape=` chose) making the next character literal. RUN's shell form
//! is left to the shell, as Docker does.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubstError {
    #[error("unterminated quote in {0:?}")]
    Quote(String),
    #[error("missing '}}' in {0:?}")]
    Brace(String),
    #[error("{name}: {message}")]
    Required { name: String, message: String },
    #[error("bad substitution in {0:?}")]
    Bad(String),
}

type Result<T> = std::result::Result<T, SubstError>;

/// The variables an instruction sees: the stage's ARGs under its ENV.
#[derive(Debug, Clone)]
pub struct Vars<'a> {
    pub env: &'a [(String, String)],
    pub args: &'a BTreeMap<String, String>,
}

impl Vars<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .or_else(|| self.args.get(name).map(String::as_str))
    }
}

struct Lexer<'a, 'v> {
    chars: Vec<char>,
    pos: usize,
    escape: char,
    vars: &'a Vars<'v>,
    input: &'a str,
    /// Names of the variables looked up (the cache key needs the build args used).
    used: Vec<String>,
}

impl Lexer<'_, '_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.pos += 1;
        c
    }

    /// Words of the input (split on unquoted whitespace when `split`), until `stop` (not
    /// consumed) or the end.
    fn words(&mut self, split: bool, stop: Option<char>) -> Result<Vec<String>> {
        let mut words = Vec::new();
        let mut cur = String::new();
        let mut in_word = false;
        while let Some(c) = self.peek() {
            if Some(c) == stop {
                break;
            }
            self.pos += 1;
            match c {
                '\'' => {
                    in_word = true;
                    loop {
                        match self.next() {
                            Some('\'') => break,
                            Some(c) => cur.push(c),
                            None => return Err(SubstError::Quote(self.input.into())),
                        }
                    }
                }
                '"' => {
                    in_word = true;
                    self.double_quoted(&mut cur)?;
                }
                '$' => {
                    in_word = true;
                    let v = self.dollar()?;
                    cur.push_str(&v);
                }
                c if c == self.escape => {
                    in_word = true;
                    match self.next() {
                        Some(n) => cur.push(n),
                        None => cur.push(c),
                    }
                }
                c if split && c.is_whitespace() => {
                    if in_word {
                        words.push(std::mem::take(&mut cur));
                        in_word = false;
                    }
                }
                c => {
                    in_word = true;
                    cur.push(c);
                }
            }
        }
        if in_word || !split {
            words.push(cur);
        }
        Ok(words)
    }

    fn double_quoted(&mut self, cur: &mut String) -> Result<()> {
        loop {
            match self.next() {
                None => return Err(SubstError::Quote(self.input.into())),
                Some('"') => return Ok(()),
                Some('$') => {
                    let v = self.dollar()?;
                    cur.push_str(&v);
                }
                Some(c) if c == self.escape => match self.next() {
                    Some(n) if n == '"' || n == '$' || n == self.escape => cur.push(n),
                    Some(n) => {
                        cur.push(c);
                        cur.push(n);
                    }
                    None => return Err(SubstError::Quote(self.input.into())),
                },
                Some(c) => cur.push(c),
            }
        }
    }

    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == '_' {
                name.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        name
    }

    fn lookup(&mut self, name: &str) -> Option<String> {
        self.used.push(name.to_string());
        self.vars.get(name).map(str::to_string)
    }

    /// After a `$`: the expansion.
    fn dollar(&mut self) -> Result<String> {
        if self.peek() != Some('{') {
            let name = self.name();
            if name.is_empty() {
                return Ok("$".into());
            }
            return Ok(self.lookup(&name).unwrap_or_default());
        }
        self.pos += 1;
        let name = self.name();
        if name.is_empty() {
            return Err(SubstError::Bad(self.input.into()));
        }
        let value = self.lookup(&name);
        let colon = self.peek() == Some(':');
        if colon {
            self.pos += 1;
        }
        let op = match self.next() {
            Some('}') if !colon => return Ok(value.unwrap_or_default()),
            Some(op @ ('-' | '+' | '?')) => op,
            None => return Err(SubstError::Brace(self.input.into())),
            Some(_) => return Err(SubstError::Bad(self.input.into())),
        };
        let word = self.words(false, Some('}'))?.concat();
        if self.next() != Some('}') {
            return Err(SubstError::Brace(self.input.into()));
        }
        // With a colon an empty value counts as unset.
        let set = match &value {
            Some(v) => !(colon && v.is_empty()),
            None => false,
        };
        Ok(match op {
            '-' if set => value.unwrap_or_default(),
            '-' => word,
            '+' if set => word,
            '+' => String::new(),
            _ if set => value.unwrap_or_default(),
            _ => {
                return Err(SubstError::Required {
                    name,
                    message: if word.is_empty() {
                        "parameter null or not set".into()
                    } else {
                        word
                    },
                })
            }
        })
    }
}

fn lexer<'a, 'v>(input: &'a str, vars: &'a Vars<'v>, escape: char) -> Lexer<'a, 'v> {
    Lexer {
        chars: input.chars().collect(),
        pos: 0,
        escape,
        vars,
        input,
        used: Vec::new(),
    }
}

/// One word: quotes removed, variables expanded, whitespace kept.
pub fn word(input: &str, vars: &Vars<'_>, escape: char) -> Result<String> {
    Ok(lexer(input, vars, escape).words(false, None)?.concat())
}

/// Words split on unquoted whitespace, each expanded (EXPOSE, VOLUME, SHELL's string form).
pub fn words(input: &str, vars: &Vars<'_>, escape: char) -> Result<Vec<String>> {
    lexer(input, vars, escape).words(true, None)
}

/// The variables `input` refers to.
pub fn used(input: &str, vars: &Vars<'_>, escape: char) -> Vec<String> {
    let mut l = lexer(input, vars, escape);
    let _ = l.words(true, None);
    l.used
}

/// Split without expanding or unquoting: the raw words of `k=v k2="v 2"` (ENV, LABEL,
/// ARG), so each can be expanded on its own.
fn raw_words(input: &str, escape: char) -> Result<Vec<String>> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                cur.push(c);
            }
            (Some('\''), c) => cur.push(c),
            (_, c) if c == escape => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                cur.push(c);
            }
            (None, c) if c.is_whitespace() => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
            (None, c) => cur.push(c),
        }
    }
    if quote.is_some() {
        return Err(SubstError::Quote(input.into()));
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    Ok(words)
}

/// `k=v ...` pairs (ENV, LABEL), expanded; ENV also takes the legacy `KEY value words`.
/// A pair whose value is absent (`ARG NAME`) has None.
pub fn pairs(
    input: &str,
    vars: &Vars<'_>,
    escape: char,
    legacy: bool,
) -> Result<Vec<(String, Option<String>)>> {
    let raw = raw_words(input, escape)?;
    if legacy && raw.len() >= 2 && !raw[0].contains('=') {
        let rest = input.trim_start()[raw[0].len()..].trim();
        return Ok(vec![(
            word(&raw[0], vars, escape)?,
            Some(word(rest, vars, escape)?),
        )]);
    }
    raw.iter()
        .map(|w| match w.split_once('=') {
            Some((k, v)) => Ok((word(k, vars, escape)?, Some(word(v, vars, escape)?))),
            None => Ok((word(w, vars, escape)?, None)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<T>(f: impl FnOnce(&Vars<'_>) -> T) -> T {
        let env = vec![
            ("A".to_string(), "1".to_string()),
            ("EMPTY".to_string(), String::new()),
        ];
        let mut args = BTreeMap::new();
        args.insert("V".to_string(), "arg".to_string());
        args.insert("A".to_string(), "shadowed".to_string());
        f(&Vars {
            env: &env,
            args: &args,
        })
    }

    #[test]
    fn expands_like_buildkit() {
        with(|v| {
            let w = |s: &str| word(s, v, '\\').unwrap();
            assert_eq!(w("$A-${V}"), "1-arg");
            assert_eq!(w("${NOPE:-x y}"), "x y");
            assert_eq!(w("${EMPTY:-d}"), "d");
            assert_eq!(w("${EMPTY-d}"), "");
            assert_eq!(w("${NOPE-d}"), "d");
            assert_eq!(w("${A:+alt}"), "alt");
            assert_eq!(w("${EMPTY:+alt}"), "");
            assert_eq!(w("${EMPTY+alt}"), "alt");
            assert_eq!(w("${NOPE:-$V}"), "arg");
            assert_eq!(w("'$A'"), "$A");
            assert_eq!(w("\"$A \\$A\""), "1 $A");
            assert_eq!(w("\\$A"), "$A");
            assert_eq!(w("a\\ b"), "a b");
            assert_eq!(w("cost $"), "cost $");
            assert_eq!(word("`$A", v, '`').unwrap(), "$A");
            assert!(matches!(
                word("${NOPE:?must be set}", v, '\\'),
                Err(SubstError::Required { .. })
            ));
            assert!(word("${A", v, '\\').is_err());
            assert!(word("\"open", v, '\\').is_err());
            assert_eq!(
                words(" 80/tcp  ${V}x '1 2' ", v, '\\').unwrap(),
                vec!["80/tcp", "argx", "1 2"]
            );
            assert_eq!(used("$A ${B:-$C}", v, '\\'), vec!["A", "B", "C"]);
        })
    }

    #[test]
    fn pairs_of_env_and_label() {
        with(|v| {
            let p = |s: &str, legacy| pairs(s, v, '\\', legacy).unwrap();
            assert_eq!(
                p(r#"X=$A Y="two words" "k k"=v Z=a\ b"#, true),
                vec![
                    ("X".into(), Some("1".into())),
                    ("Y".into(), Some("two words".into())),
                    ("k k".into(), Some("v".into())),
                    ("Z".into(), Some("a b".into())),
                ]
            );
            assert_eq!(
                p("PATH /usr/bin $A", true),
                vec![("PATH".into(), Some("/usr/bin 1".into()))]
            );
            assert_eq!(
                p("NAME OTHER=2", false),
                vec![("NAME".into(), None), ("OTHER".into(), Some("2".into()))]
            );
        })
    }
}
