//! systemd's unit-file syntax: parsing (sections, repeated keys, `\` continuations,
//! comments; every entry keeps its line number for error messages), rendering, and the
//! quoting rules of command lines and word lists (`ExecStart=`, `Environment=`).

use std::fmt::Write as _;

/// One `Key=Value` line (continuations joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub value: String,
    /// 1-based line of the key (0 for entries added in code).
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub line: usize,
    pub entries: Vec<Entry>,
}

/// A unit file: sections in file order, each with its entries in file order. A section
/// named twice is one section, as systemd reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unit {
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct SyntaxError {
    pub line: usize,
    pub message: String,
}

fn syntax(line: usize, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        line,
        message: message.into(),
    }
}

impl Unit {
    pub fn parse(text: &str) -> Result<Unit, SyntaxError> {
        let mut unit = Unit::default();
        let mut current: Option<usize> = None;
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        while let Some((number, raw)) = lines.next() {
            let mut line = raw.trim().to_string();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            // A trailing backslash joins the next line with a space; comment lines
            // inside a continued value are skipped, as systemd does.
            while line.ends_with('\\') {
                line.pop();
                line.push(' ');
                match lines.find(|(_, l)| {
                    let t = l.trim_start();
                    !(t.starts_with('#') || t.starts_with(';'))
                }) {
                    Some((_, next)) => line.push_str(next.trim()),
                    None => break,
                }
            }
            let line = line.trim();
            if let Some(rest) = line.strip_prefix('[') {
                let name = rest
                    .strip_suffix(']')
                    .ok_or_else(|| syntax(number, format!("invalid section header {line:?}")))?;
                if name.is_empty() || name.contains(['[', ']']) {
                    return Err(syntax(number, format!("invalid section header {line:?}")));
                }
                current = Some(unit.section_index(name, number));
                continue;
            }
            let Some(idx) = current else {
                return Err(syntax(number, "assignment outside of any section"));
            };
            let (key, value) = line
                .split_once('=')
                .ok_or_else(|| syntax(number, format!("missing '=' in {line:?}")))?;
            let key = key.trim();
            if key.is_empty() {
                return Err(syntax(number, format!("missing key in {line:?}")));
            }
            unit.sections[idx].entries.push(Entry {
                key: key.to_string(),
                value: value.trim().to_string(),
                line: number,
            });
        }
        Ok(unit)
    }

    fn section_index(&mut self, name: &str, line: usize) -> usize {
        if let Some(i) = self.sections.iter().position(|s| s.name == name) {
            return i;
        }
        self.sections.push(Section {
            name: name.to_string(),
            line,
            entries: Vec::new(),
        });
        self.sections.len() - 1
    }

    pub fn section(&self, name: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.name == name)
    }

    /// The entries of a section (none when it is absent).
    pub fn entries<'a>(&'a self, section: &str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.section(section).into_iter().flat_map(|s| &s.entries)
    }

    /// Append `key=value` to a section, which is added at the end if missing.
    pub fn add(&mut self, section: &str, key: &str, value: impl Into<String>) {
        let i = self.section_index(section, 0);
        self.sections[i].entries.push(Entry {
            key: key.to_string(),
            value: value.into(),
            line: 0,
        });
    }

    /// Make sure a section exists (possibly empty), so it renders in this position.
    pub fn ensure_section(&mut self, section: &str) {
        self.section_index(section, 0);
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.sections.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let _ = writeln!(out, "[{}]", s.name);
            for e in &s.entries {
                let _ = writeln!(out, "{}={}", e.key, e.value);
            }
        }
        out
    }
}

/// systemd's boolean words.
pub fn parse_bool(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "yes" | "y" | "true" | "t" | "on" => Some(true),
        "0" | "no" | "n" | "false" | "f" | "off" => Some(false),
        _ => None,
    }
}

/// Split a value into words the way systemd splits `ExecStart=` and `Environment=`:
/// whitespace separates, single and double quotes group, backslash escapes (C escapes
/// `\n \t \\ \" \'`, and `\` before anything else keeps that character).
pub fn split_words(value: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut chars = value.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return Ok(words);
        }
        let mut word = String::new();
        let mut quote: Option<char> = None;
        while let Some(c) = chars.next() {
            match (c, quote) {
                ('\\', _) => {
                    let escaped = chars
                        .next()
                        .ok_or_else(|| format!("trailing backslash in {value:?}"))?;
                    word.push(match escaped {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        other => other,
                    });
                }
                ('"' | '\'', None) => quote = Some(c),
                (c, Some(q)) if c == q => quote = None,
                (c, None) if c.is_whitespace() => break,
                (c, _) => word.push(c),
            }
        }
        if let Some(q) = quote {
            return Err(format!("unbalanced {q} in {value:?}"));
        }
        words.push(word);
    }
}

/// Quote one word for a command line or word list, so `split_words` gives it back.
fn quote(word: &str) -> String {
    if word == ";" {
        return "\\;".into();
    }
    let plain = !word.is_empty()
        && !word
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '\\'));
    if plain {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len() + 2);
    out.push('"');
    for c in word.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A literal word (from a container's command line): `%` specifiers and `$` variables
/// are escaped so systemd passes it through unchanged.
pub fn literal_word(word: &str) -> String {
    quote(&word.replace('%', "%%").replace('$', "$$"))
}

/// An `Environment=` assignment: systemd expands `%` specifiers there but no `$`
/// variables, so only `%` is escaped (as Podman writes it: `P=50%%`, `"A=two words"`).
pub fn environment_word(assignment: &str) -> String {
    quote(&assignment.replace('%', "%%"))
}

/// A word that came from a unit file: `%` specifiers stay (a `.container` file may say
/// `Volume=%h/data:/data`), `$` is escaped (cove, not systemd, gets the value).
pub fn unit_word(word: &str) -> String {
    quote(&word.replace('$', "$$"))
}

/// A command line of words already quoted with `literal_word`/`unit_word`.
pub fn command_line(words: &[String]) -> String {
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_repeats_continuations_and_comments() {
        let text = "# header\n[Unit]\nDescription=web server\n\n[Container]\n\
                    Image=busybox\n; comment\nPublishPort=8080:80\nPublishPort=8443:443\n\
                    Exec=httpd \\\n  # skipped comment\n  -f -p 80\n[Unit]\nAfter=a.service\n";
        let u = Unit::parse(text).unwrap();
        assert_eq!(
            u.sections.iter().map(|s| &s.name).collect::<Vec<_>>(),
            ["Unit", "Container"]
        );
        let c: Vec<_> = u.entries("Container").collect();
        assert_eq!(c[1].key, "PublishPort");
        assert_eq!(c[2].value, "8443:443");
        assert_eq!(c[2].line, 9);
        assert_eq!(c[3].key, "Exec");
        assert_eq!(c[3].value, "httpd  -f -p 80");
        assert_eq!(c[3].line, 10);
        assert_eq!(u.entries("Unit").count(), 2);
        assert_eq!(u.entries("Nothing").count(), 0);
    }

    #[test]
    fn syntax_errors_name_the_line() {
        assert_eq!(Unit::parse("Image=x\n").unwrap_err().line, 1);
        let e = Unit::parse("[Container]\n\nImage\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("missing '='"), "{e}");
        assert_eq!(Unit::parse("[Unit\n").unwrap_err().line, 1);
    }

    #[test]
    fn render_round_trips() {
        let mut u = Unit::default();
        u.add("Unit", "Description", "x");
        u.add("Service", "ExecStart", "/bin/true");
        u.add("Unit", "After", "y.service");
        let text = u.render();
        assert_eq!(
            text,
            "[Unit]\nDescription=x\nAfter=y.service\n\n[Service]\nExecStart=/bin/true\n"
        );
        let back = Unit::parse(&text).unwrap();
        assert_eq!(back.entries("Unit").count(), 2);
    }

    #[test]
    fn words_split_and_quote_back() {
        assert_eq!(
            split_words(r#"A=1 "B=two words" 'C=it''s' D=a\ b E=\"q\""#).unwrap(),
            ["A=1", "B=two words", "C=its", "D=a b", "E=\"q\""]
        );
        assert!(split_words("\"open").is_err());
        assert_eq!(split_words("  ").unwrap(), Vec::<String>::new());
        for w in [
            "plain",
            "two words",
            "",
            "q\"uote",
            "back\\slash",
            "new\nline",
            "it's",
        ] {
            assert_eq!(split_words(&quote(w)).unwrap(), [w], "{w:?}");
        }
        assert_eq!(literal_word("100%"), "100%%");
        assert_eq!(literal_word("$HOME x"), "\"$$HOME x\"");
        assert_eq!(unit_word("%h/data"), "%h/data");
        assert_eq!(literal_word(";"), "\\;");
    }

    #[test]
    fn booleans() {
        assert_eq!(parse_bool("Yes"), Some(true));
        assert_eq!(parse_bool("off"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
    }
}
