//! The files COPY and ADD take: selected from a root (the build context with its ignore
//! file, or another stage's or image's filesystem), never outside it. Paths and symlinks
//! are resolved inside the root as BuildKit does: `..` that would climb above it is
//! refused, and a symlink's target is read relative to the root.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use super::ignore::{self, Ignore};

#[derive(Debug, thiserror::Error)]
pub enum ContextError {
    #[error("{0}: forbidden path outside the build context")]
    Outside(String),
    #[error("{0}: no such file or directory")]
    NotFound(String),
    #[error("{0}: invalid pattern: {1}")]
    Pattern(String, globset::Error),
    #[error("{what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
}

type Result<T> = std::result::Result<T, ContextError>;

fn io_err(what: &Path) -> impl FnOnce(std::io::Error) -> ContextError + '_ {
    move |source| ContextError::Io {
        what: what.display().to_string(),
        source,
    }
}

/// Where sources are read from.
#[derive(Debug)]
pub struct Root {
    pub dir: PathBuf,
    /// Only the build context has one.
    pub ignore: Option<Ignore>,
}

/// One selected source: a file or directory on the host, and its path relative to the
/// root (for the ignore file and the checksum).
#[derive(Debug, Clone)]
pub struct Selected {
    pub path: PathBuf,
    pub rel: String,
    pub is_dir: bool,
}

/// Lexical cleaning of a path relative to the root: None when it climbs above it.
fn clean_rel(p: &str) -> Option<Vec<String>> {
    let mut parts: Vec<String> = Vec::new();
    for c in Path::new(p).components() {
        match c {
            Component::Normal(n) => parts.push(n.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            _ => {}
        }
    }
    Some(parts)
}

/// `p` cleaned and relative (`a/./b/../c` is `a/c`); None when it climbs above its start.
pub fn clean_rel_str(p: &str) -> Option<String> {
    clean_rel(p).map(|v| v.join("/"))
}

impl Root {
    /// Follow `rel` inside the root: every symlink on the way (the last one too) is
    /// resolved with the root as `/`; climbing above the root is an error.
    pub fn resolve(&self, rel: &str) -> Result<PathBuf> {
        let outside = || ContextError::Outside(rel.to_string());
        let mut todo: Vec<String> = clean_rel(rel).ok_or_else(outside)?;
        todo.reverse();
        let mut done: Vec<String> = Vec::new();
        let mut hops = 0;
        while let Some(part) = todo.pop() {
            if part == ".." {
                done.pop().ok_or_else(outside)?;
                continue;
            }
            let here: PathBuf = done.iter().fold(self.dir.clone(), |p, c| p.join(c));
            let candidate = here.join(&part);
            match fs::symlink_metadata(&candidate) {
                Ok(m) if m.file_type().is_symlink() => {
                    hops += 1;
                    if hops > 40 {
                        return Err(ContextError::NotFound(rel.to_string()));
                    }
                    let target = fs::read_link(&candidate).map_err(io_err(&candidate))?;
                    if target.is_absolute() {
                        done.clear();
                    }
                    let mut parts: Vec<String> = Vec::new();
                    for c in target.components() {
                        match c {
                            Component::Normal(n) => parts.push(n.to_string_lossy().into()),
                            Component::ParentDir => parts.push("..".into()),
                            _ => {}
                        }
                    }
                    todo.extend(parts.into_iter().rev());
                }
                _ => done.push(part),
            }
        }
        Ok(done.iter().fold(self.dir.clone(), |p, c| p.join(c)))
    }

    fn hidden(&self, rel: &str) -> bool {
        self.ignore.as_ref().is_some_and(|i| i.excluded(rel))
    }

    /// The sources `src` names: one path, or every match of a wildcard pattern.
    pub fn select(&self, src: &str) -> Result<Vec<Selected>> {
        let parts = clean_rel(src).ok_or_else(|| ContextError::Outside(src.to_string()))?;
        let rel = parts.join("/");
        if !rel.contains(['*', '?', '[']) {
            let path = self.resolve(&rel)?;
            let m = fs::metadata(&path).map_err(|_| ContextError::NotFound(src.to_string()))?;
            if !rel.is_empty() && self.hidden(&rel) {
                return Err(ContextError::NotFound(src.to_string()));
            }
            return Ok(vec![Selected {
                path,
                rel,
                is_dir: m.is_dir(),
            }]);
        }
        let matcher = ignore::glob(&rel)
            .map_err(|e| ContextError::Pattern(src.to_string(), e))?
            .compile_matcher();
        // Only as deep as the pattern has parts.
        let mut out = Vec::new();
        self.matches(&self.dir, "", parts.len(), &matcher, &mut out)?;
        out.sort_by(|a, b| a.rel.cmp(&b.rel));
        if out.is_empty() {
            return Err(ContextError::NotFound(src.to_string()));
        }
        Ok(out)
    }

    fn matches(
        &self,
        dir: &Path,
        rel: &str,
        depth: usize,
        m: &globset::GlobMatcher,
        out: &mut Vec<Selected>,
    ) -> Result<()> {
        if depth == 0 {
            return Ok(());
        }
        for e in fs::read_dir(dir).map_err(io_err(dir))? {
            let e = e.map_err(io_err(dir))?;
            let name = e.file_name().to_string_lossy().into_owned();
            let r = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if m.is_match(&r) && !self.hidden(&r) {
                let path = self.resolve(&r)?;
                if let Ok(md) = fs::metadata(&path) {
                    out.push(Selected {
                        path,
                        rel: r.clone(),
                        is_dir: md.is_dir(),
                    });
                }
            }
            if e.file_type().map_err(io_err(dir))?.is_dir() {
                self.matches(&e.path(), &r, depth - 1, m, out)?;
            }
        }
        Ok(())
    }

    /// Everything under the directory `sel` that the ignore file lets through, path
    /// order, as (host path, path relative to `sel`).
    pub fn walk(&self, sel: &Selected) -> Result<Vec<(PathBuf, String)>> {
        let mut out = Vec::new();
        self.walk_into(&sel.path, &sel.rel, "", &mut out)?;
        Ok(out)
    }

    fn walk_into(
        &self,
        dir: &Path,
        root_rel: &str,
        rel: &str,
        out: &mut Vec<(PathBuf, String)>,
    ) -> Result<()> {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .map_err(io_err(dir))?
            .collect::<std::io::Result<_>>()
            .map_err(io_err(dir))?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name().to_string_lossy().into_owned();
            let r = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let full = if root_rel.is_empty() {
                r.clone()
            } else {
                format!("{root_rel}/{r}")
            };
            let is_dir = e.file_type().map_err(io_err(dir))?.is_dir();
            let hidden = self.hidden(&full);
            // An exception may bring back something below an excluded directory.
            let has_exceptions = self.ignore.as_ref().is_some_and(Ignore::has_exceptions);
            if !hidden {
                out.push((e.path(), r.clone()));
            }
            if is_dir && (!hidden || has_exceptions) {
                self.walk_into(&e.path(), root_rel, &r, out)?;
            }
        }
        Ok(())
    }
}

/// A checksum of what COPY will take (content, type, mode, owner, link targets, names;
/// not times), for the layer cache.
pub fn checksum(entries: &[(PathBuf, String)]) -> Result<String> {
    let mut h = Sha256::new();
    for (path, rel) in entries {
        let m = fs::symlink_metadata(path).map_err(io_err(path))?;
        h.update(rel.as_bytes());
        h.update([0]);
        h.update(format!("{:o}:{}:{}", m.mode(), m.uid(), m.gid()).as_bytes());
        if m.file_type().is_symlink() {
            h.update(
                fs::read_link(path)
                    .map_err(io_err(path))?
                    .as_os_str()
                    .as_encoded_bytes(),
            );
        } else if m.is_file() {
            let mut f = fs::File::open(path).map_err(io_err(path))?;
            std::io::copy(&mut f, &mut h).map_err(io_err(path))?;
        }
        h.update([0]);
    }
    Ok(hex::encode(h.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        fs::create_dir_all(p.join("src/sub")).unwrap();
        fs::write(p.join("src/a.txt"), "a").unwrap();
        fs::write(p.join("src/sub/b.txt"), "b").unwrap();
        fs::write(p.join("src/skip.log"), "s").unwrap();
        fs::write(p.join("top.txt"), "t").unwrap();
        std::os::unix::fs::symlink("/top.txt", p.join("abs")).unwrap();
        std::os::unix::fs::symlink("../../etc/passwd", p.join("out")).unwrap();
        d
    }

    fn root(d: &tempfile::TempDir, ignore: &str) -> Root {
        Root {
            dir: d.path().to_path_buf(),
            ignore: Some(Ignore::parse("i", ignore).unwrap()),
        }
    }

    #[test]
    fn select_and_walk() {
        let d = tree();
        let r = root(&d, "**/*.log\n");
        let s = r.select("src/*.txt").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].rel, "src/a.txt");
        let all = r.select("./src").unwrap();
        let names: Vec<String> = r.walk(&all[0]).unwrap().into_iter().map(|e| e.1).collect();
        assert_eq!(names, vec!["a.txt", "sub", "sub/b.txt"]);
        assert!(matches!(
            r.select("src/skip.log"),
            Err(ContextError::NotFound(_))
        ));
        // Symlinks resolve inside the root.
        assert_eq!(r.select("abs").unwrap()[0].path, d.path().join("top.txt"));
        assert!(matches!(r.select("../x"), Err(ContextError::Outside(_))));
        assert!(matches!(r.select("out"), Err(ContextError::Outside(_))));
    }

    #[test]
    fn checksum_follows_content_not_time() {
        let d = tree();
        let r = root(&d, "");
        let sel = r.select("src").unwrap();
        let a = checksum(&r.walk(&sel[0]).unwrap()).unwrap();
        let f = fs::File::options()
            .write(true)
            .open(d.path().join("src/a.txt"))
            .unwrap();
        f.set_modified(std::time::SystemTime::UNIX_EPOCH).unwrap();
        assert_eq!(a, checksum(&r.walk(&sel[0]).unwrap()).unwrap());
        fs::write(d.path().join("src/a.txt"), "changed").unwrap();
        assert_ne!(a, checksum(&r.walk(&sel[0]).unwrap()).unwrap());
    }
}
