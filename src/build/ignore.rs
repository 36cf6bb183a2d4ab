//! `.containerignore` / `.dockerignore` with Docker's rules (moby/patternmatcher): one
//! pattern a line, `#` comments, paths cleaned and anchored at the context root, Go's
//! `filepath.Match` syntax (`*` and `?` never cross `/`) plus `**`, `!` exceptions, the
//! last matching pattern wins, and a pattern matching a directory excludes everything in
//! it. The matching itself is globset's.

use globset::{Glob, GlobBuilder, GlobMatcher};

#[derive(Debug, thiserror::Error)]
#[error("{file}: invalid pattern {pattern:?}: {source}")]
pub struct IgnoreError {
    pub file: String,
    pub pattern: String,
    pub source: globset::Error,
}

#[derive(Debug, Clone)]
struct Pattern {
    matcher: GlobMatcher,
    exception: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Ignore {
    patterns: Vec<Pattern>,
}

/// Lexical `filepath.Clean` for a relative pattern: `.` and empty parts dropped, `..`
/// folded where it can be.
fn clean(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

pub fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .backslash_escape(true)
        .empty_alternates(false)
        .build()
}

impl Ignore {
    /// Parse the file's text (`file` names it in errors).
    pub fn parse(file: &str, text: &str) -> Result<Ignore, IgnoreError> {
        let mut patterns = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (exception, raw) = match line.strip_prefix('!') {
                Some(rest) => (true, rest.trim()),
                None => (false, line),
            };
            let cleaned = clean(raw);
            if cleaned.is_empty() {
                continue;
            }
            // `{` is literal in Go's syntax; globset would read alternates.
            let escaped = cleaned.replace('{', "\\{").replace('}', "\\}");
            let matcher = glob(&escaped)
                .map_err(|source| IgnoreError {
                    file: file.to_string(),
                    pattern: raw.to_string(),
                    source,
                })?
                .compile_matcher();
            patterns.push(Pattern { matcher, exception });
        }
        Ok(Ignore { patterns })
    }

    /// Whether `rel` (a path relative to the context, `/`-separated) is excluded.
    pub fn excluded(&self, rel: &str) -> bool {
        let mut excluded = false;
        for p in &self.patterns {
            // The path itself or any directory above it.
            let mut hit = p.matcher.is_match(rel);
            let mut end = rel.len();
            while !hit {
                let Some(i) = rel[..end].rfind('/') else {
                    break;
                };
                end = i;
                hit = p.matcher.is_match(&rel[..end]);
            }
            if hit {
                excluded = !p.exception;
            }
        }
        excluded
    }

    /// Whether any `!` exception exists: then an excluded directory must still be walked,
    /// something below it may be let back in.
    pub fn has_exceptions(&self) -> bool {
        self.patterns.iter().any(|p| p.exception)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_rules() {
        let i = Ignore::parse(
            ".dockerignore",
            "# comment\n/secret\n*.log\n!keep.log\nbuild/**\n**/tmp\ndocs/*/draft?\n./a/../b\n",
        )
        .unwrap();
        assert!(i.excluded("secret"));
        assert!(i.excluded("secret/inner/file"));
        assert!(i.excluded("x.log"));
        assert!(!i.excluded("keep.log"));
        assert!(!i.excluded("sub/x.log"), "* does not cross /");
        assert!(i.excluded("build/a/b"));
        assert!(i.excluded("tmp"));
        assert!(i.excluded("deep/er/tmp/file"));
        assert!(i.excluded("docs/v1/draft1"));
        assert!(!i.excluded("docs/v1/v2/draft1"));
        assert!(i.excluded("b"));
        assert!(!i.excluded("main.rs"));
        let later = Ignore::parse("f", "!a\na\n").unwrap();
        assert!(later.excluded("a"), "last match wins");
    }

    #[test]
    fn malformed_pattern_is_an_error() {
        let e = Ignore::parse(".dockerignore", "ok\n[unclosed\n").unwrap_err();
        assert!(e
            .to_string()
            .starts_with(".dockerignore: invalid pattern \"[unclosed\""));
    }
}
