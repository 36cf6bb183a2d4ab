//! Registry credentials in the auth.json format shared by Podman (containers-auth.json(5))
//! and Docker (`~/.docker/config.json`): `{"auths": {"host": {"auth": base64("user:pass")}}}`.
//!
//! The caller decides which files to consult and in which order (REGISTRY_AUTH_FILE,
//! `$XDG_RUNTIME_DIR/containers/auth.json`, `$XDG_CONFIG_HOME/containers/auth.json`,
//! `~/.docker/config.json`); nothing here reads the environment.
//!
//! `credsStore` and `credHelpers` (external credential helper programs) are not supported:
//! entries that only point at a helper carry no secret and are skipped, so lookup moves on
//! to the next file. Other keys of the file are preserved when writing.

use std::path::{Path, PathBuf};

use base64::Engine;
use serde_json::{Map, Value};

#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

/// Never print a password, not even in debug logs.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: invalid auth file: {source}", path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{}: invalid credentials for {registry}: {reason}", path.display())]
    InvalidEntry {
        path: PathBuf,
        registry: String,
        reason: String,
    },
}

/// Credential files in Podman's order of precedence: `explicit` alone when given,
/// otherwise `$REGISTRY_AUTH_FILE`, the runtime auth.json, the config dir's, and Docker's.
pub fn files(paths: &crate::paths::Paths, explicit: Option<&PathBuf>) -> Vec<PathBuf> {
    if let Some(f) = explicit {
        return vec![f.clone()];
    }
    let mut v = Vec::new();
    if let Some(f) = std::env::var_os("REGISTRY_AUTH_FILE") {
        v.push(PathBuf::from(f));
    }
    v.push(file_for_writing(paths, None));
    v.push(paths.config.join("auth.json"));
    v.push(paths.home.join(".docker/config.json"));
    v
}

/// Where `login` stores credentials.
pub fn file_for_writing(paths: &crate::paths::Paths, explicit: Option<&PathBuf>) -> PathBuf {
    if let Some(f) = explicit {
        return f.clone();
    }
    if let Some(f) = std::env::var_os("REGISTRY_AUTH_FILE") {
        return PathBuf::from(f);
    }
    paths.xdg_runtime.join("containers/auth.json")
}

/// The credentials for `registry` from the first of `files` that has an entry for it.
/// Missing files are skipped. `registry` is a host (`host[:port]`) or, as Podman allows,
/// a repository (`quay.io/ns/repo`): then the most specific key wins (`quay.io/ns/repo`,
/// `quay.io/ns`, `quay.io`). Keys match when they name the same thing in any of the
/// spellings tools write: `host`, `https://host`, `https://host/v1/`, `host/v2/`;
/// `docker.io` also matches `index.docker.io` and `registry-1.docker.io`.
pub fn lookup(files: &[PathBuf], registry: &str) -> Result<Option<Credentials>, AuthError> {
    let mut candidates = vec![registry];
    let mut scope = registry;
    while let Some((parent, _)) = scope.rsplit_once('/') {
        candidates.push(parent);
        scope = parent;
    }
    for file in files {
        let Some(doc) = read(file)? else {
            continue;
        };
        let Some(auths) = doc.get("auths").and_then(Value::as_object) else {
            continue;
        };
        for want in &candidates {
            let normalised = normalise_key(want);
            // An exact key beats a normalised match, so `host` wins over `https://host/v1/`.
            let entry = auths.get(*want).or_else(|| {
                auths
                    .iter()
                    .find(|(k, _)| normalise_key(k) == normalised)
                    .map(|(_, v)| v)
            });
            if let Some(entry) = entry {
                if let Some(creds) = decode_entry(entry, file, want)? {
                    return Ok(Some(creds));
                }
            }
        }
    }
    Ok(None)
}

/// Save `creds` for `registry` in `file`, replacing any entry for the same registry and
/// keeping everything else. Parent directories are created 0700, the file is 0600 and
/// replaced atomically (temp file + rename) so a crash never leaves half a file.
pub fn store(file: &Path, registry: &str, creds: &Credentials) -> Result<(), AuthError> {
    let mut doc = read(file)?.unwrap_or_else(|| Value::Object(Map::new()));
    let auths = auths_mut(&mut doc, file)?;
    remove_matching(auths, registry);
    let raw = format!("{}:{}", creds.username, creds.password);
    let mut entry = Map::new();
    entry.insert(
        "auth".to_string(),
        Value::String(base64::engine::general_purpose::STANDARD.encode(raw)),
    );
    auths.insert(registry.to_string(), Value::Object(entry));
    write_atomic(file, &doc)
}

/// Remove the credentials for `registry` from `file`. Returns whether there were any;
/// a missing file has none.
pub fn remove(file: &Path, registry: &str) -> Result<bool, AuthError> {
    let Some(mut doc) = read(file)? else {
        return Ok(false);
    };
    let removed = remove_matching(auths_mut(&mut doc, file)?, registry);
    if removed {
        write_atomic(file, &doc)?;
    }
    Ok(removed)
}

/// Remove every credential from `file` (`logout --all`), keeping its other keys.
pub fn remove_all(file: &Path) -> Result<(), AuthError> {
    let Some(mut doc) = read(file)? else {
        return Ok(());
    };
    let auths = auths_mut(&mut doc, file)?;
    if auths.is_empty() {
        return Ok(());
    }
    auths.clear();
    write_atomic(file, &doc)
}

/// `https://index.docker.io/v1/` -> `docker.io`; `http://host:5000/v2/` -> `host:5000`;
/// `quay.io/ns` stays as is (a repository-scoped key). As in Podman, a URL's path is
/// dropped (Docker writes URLs), a plain key's path is a scope, except the API version
/// suffixes `/v1/` and `/v2/`.
fn normalise_key(key: &str) -> String {
    let stripped = key
        .strip_prefix("https://")
        .or_else(|| key.strip_prefix("http://"));
    let k = stripped.unwrap_or(key);
    let k = match k.split_once('/') {
        Some((host, _)) if stripped.is_some() => host,
        Some((host, "v1" | "v1/" | "v2" | "v2/" | "")) => host,
        _ => k,
    };
    let (host, path) = k.split_once('/').map_or((k, None), |(h, p)| (h, Some(p)));
    let host = match host {
        "index.docker.io" | "registry-1.docker.io" => "docker.io",
        h => h,
    };
    match path {
        Some(p) => format!("{host}/{p}"),
        None => host.to_string(),
    }
}

/// Remove every key naming `registry`; true if any was there.
fn remove_matching(auths: &mut Map<String, Value>, registry: &str) -> bool {
    let want = normalise_key(registry);
    let before = auths.len();
    auths.retain(|k, _| k != registry && normalise_key(k) != want);
    auths.len() != before
}

/// `None` for entries without a secret (credential-helper placeholders, `{}`).
fn decode_entry(
    entry: &Value,
    file: &Path,
    registry: &str,
) -> Result<Option<Credentials>, AuthError> {
    let invalid = |reason: &str| AuthError::InvalidEntry {
        path: file.to_path_buf(),
        registry: registry.to_string(),
        reason: reason.to_string(),
    };
    let field = |name: &str| {
        entry
            .get(name)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    if let Some(auth) = field("auth") {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(auth.trim())
            .map_err(|_| invalid("\"auth\" is not valid base64"))?;
        let text = String::from_utf8(bytes).map_err(|_| invalid("\"auth\" is not UTF-8"))?;
        let (user, pass) = text
            .split_once(':')
            .ok_or_else(|| invalid("\"auth\" is not of the form user:password"))?;
        return Ok(Some(Credentials {
            username: user.to_string(),
            password: pass.to_string(),
        }));
    }
    // Older Docker files and some tools store the fields separately.
    if let (Some(user), Some(pass)) = (field("username"), field("password")) {
        return Ok(Some(Credentials {
            username: user.to_string(),
            password: pass.to_string(),
        }));
    }
    Ok(None)
}

fn read(file: &Path) -> Result<Option<Value>, AuthError> {
    let text = match std::fs::read(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(AuthError::Io {
                path: file.to_path_buf(),
                source,
            })
        }
    };
    // Podman treats an empty file like a missing one.
    if text.iter().all(u8::is_ascii_whitespace) {
        return Ok(Some(Value::Object(Map::new())));
    }
    serde_json::from_slice(&text)
        .map(Some)
        .map_err(|source| AuthError::Parse {
            path: file.to_path_buf(),
            source,
        })
}

/// The `auths` object of `doc`, created if missing. Refuses to touch a document whose
/// shape is not what we expect rather than overwrite someone's data.
fn auths_mut<'a>(doc: &'a mut Value, file: &Path) -> Result<&'a mut Map<String, Value>, AuthError> {
    let bad = |what: &str| AuthError::Parse {
        path: file.to_path_buf(),
        source: serde::de::Error::custom(what),
    };
    let obj = doc
        .as_object_mut()
        .ok_or_else(|| bad("top level is not an object"))?;
    obj.entry("auths")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .ok_or_else(|| bad("\"auths\" is not an object"))
}

fn write_atomic(file: &Path, doc: &Value) -> Result<(), AuthError> {
    use std::io::Write;
    let io = |source| AuthError::Io {
        path: file.to_path_buf(),
        source,
    };
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    crate::paths::ensure_private_dir(dir).map_err(io)?;
    // Podman writes tab-indented JSON; matching it keeps diffs of shared files small.
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    serde::Serialize::serialize(doc, &mut ser).map_err(|e| io(std::io::Error::other(e)))?;
    out.push(b'\n');
    // NamedTempFile is created 0600, so the secret is never readable by others.
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(&out).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(file).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn creds(u: &str, p: &str) -> Credentials {
        Credentials {
            username: u.into(),
            password: p.into(),
        }
    }
    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn lookup_key_spellings() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("config.json");
        let doc = serde_json::json!({
            "auths": {
                "https://index.docker.io/v1/": {"auth": b64("hub:pw")},
                "http://localhost:5000/v2/": {"auth": b64("loc:pw:with:colons")},
                "quay.io": {"username": "q", "password": "qp"},
                "helper.io": {},
            },
            "credsStore": "desktop",
        });
        std::fs::write(&f, doc.to_string()).unwrap();
        let files = vec![f];
        assert_eq!(
            lookup(&files, "docker.io").unwrap(),
            Some(creds("hub", "pw"))
        );
        assert_eq!(
            lookup(&files, "index.docker.io").unwrap(),
            Some(creds("hub", "pw"))
        );
        assert_eq!(
            lookup(&files, "localhost:5000").unwrap(),
            Some(creds("loc", "pw:with:colons"))
        );
        assert_eq!(lookup(&files, "quay.io").unwrap(), Some(creds("q", "qp")));
        assert_eq!(lookup(&files, "helper.io").unwrap(), None);
        assert_eq!(lookup(&files, "localhost").unwrap(), None);
        assert_eq!(lookup(&files, "other.io").unwrap(), None);
    }

    #[test]
    fn repository_scoped_keys() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("auth.json");
        let doc = serde_json::json!({"auths": {
            "quay.io/team": {"auth": b64("team:t")},
            "quay.io": {"auth": b64("all:a")},
            "docker.io/user": {"auth": b64("u:u")},
            "ghcr.io/v1/": {"auth": b64("g:g")},
        }});
        std::fs::write(&f, doc.to_string()).unwrap();
        let files = vec![f.clone()];
        assert_eq!(
            lookup(&files, "quay.io/team/app").unwrap(),
            Some(creds("team", "t"))
        );
        assert_eq!(
            lookup(&files, "quay.io/team").unwrap(),
            Some(creds("team", "t"))
        );
        assert_eq!(
            lookup(&files, "quay.io/other/app").unwrap(),
            Some(creds("all", "a"))
        );
        assert_eq!(lookup(&files, "quay.io").unwrap(), Some(creds("all", "a")));
        // A scoped key never answers for the whole registry.
        assert_eq!(lookup(&files, "docker.io").unwrap(), None);
        assert_eq!(
            lookup(&files, "docker.io/user/x").unwrap(),
            Some(creds("u", "u"))
        );
        assert_eq!(lookup(&files, "ghcr.io").unwrap(), Some(creds("g", "g")));
        // Removing the registry leaves scoped entries alone.
        assert!(remove(&f, "quay.io").unwrap());
        assert_eq!(
            lookup(&files, "quay.io/team/app").unwrap(),
            Some(creds("team", "t"))
        );
        assert_eq!(lookup(&files, "quay.io/x").unwrap(), None);
    }

    #[test]
    fn first_file_with_entry_wins() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        let missing = dir.path().join("missing.json");
        std::fs::write(
            &a,
            r#"{"auths": {"x.io": {}, "only-a.io": {"auth": "YTpi"}}}"#,
        )
        .unwrap();
        std::fs::write(
            &b,
            format!(r#"{{"auths": {{"x.io": {{"auth": "{}"}}}}}}"#, b64("bu:bp")),
        )
        .unwrap();
        let files = vec![missing, a, b];
        // a's x.io entry has no secret, so b's is used.
        assert_eq!(lookup(&files, "x.io").unwrap(), Some(creds("bu", "bp")));
        assert_eq!(lookup(&files, "only-a.io").unwrap(), Some(creds("a", "b")));
        assert_eq!(lookup(&[], "x.io").unwrap(), None);
    }

    #[test]
    fn invalid_entries_and_files() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("auth.json");
        std::fs::write(
            &f,
            r#"{"auths": {"x.io": {"auth": "!!!"}, "y.io": {"auth": "bm9jb2xvbg=="}}}"#,
        )
        .unwrap();
        let files = vec![f.clone()];
        let e = lookup(&files, "x.io").unwrap_err().to_string();
        assert!(
            e.contains("invalid credentials for x.io") && e.contains("base64"),
            "{e}"
        );
        assert!(lookup(&files, "y.io")
            .unwrap_err()
            .to_string()
            .contains("user:password"));
        std::fs::write(&f, "{not json").unwrap();
        assert!(matches!(
            lookup(&files, "x.io"),
            Err(AuthError::Parse { .. })
        ));
        // store must not clobber a file it cannot understand.
        assert!(store(&f, "x.io", &creds("u", "p")).is_err());
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "{not json");
        std::fs::write(&f, "  \n").unwrap();
        assert_eq!(lookup(&files, "x.io").unwrap(), None);
    }

    #[test]
    fn store_creates_private_file_and_keeps_others() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("run/containers/auth.json");
        store(&f, "localhost:5000", &creds("u", "p")).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&f), 0o600);
        assert_eq!(mode(f.parent().unwrap()), 0o700);
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        assert_eq!(doc["auths"]["localhost:5000"]["auth"], b64("u:p"));

        // Other entries and unknown keys survive; an old spelling of the same registry
        // is replaced rather than left to shadow the new one.
        std::fs::write(
            &f,
            serde_json::json!({
                "auths": {"https://quay.io": {"auth": b64("old:old")}, "a.io": {"auth": b64("a:a")}},
                "credHelpers": {"gcr.io": "gcloud"},
            })
            .to_string(),
        )
        .unwrap();
        store(&f, "quay.io", &creds("new", "new")).unwrap();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        assert_eq!(doc["credHelpers"]["gcr.io"], "gcloud");
        assert_eq!(doc["auths"].as_object().unwrap().len(), 2);
        assert!(doc["auths"].get("https://quay.io").is_none());
        let files = vec![f.clone()];
        assert_eq!(
            lookup(&files, "quay.io").unwrap(),
            Some(creds("new", "new"))
        );
        assert_eq!(lookup(&files, "a.io").unwrap(), Some(creds("a", "a")));
        // No temp files left behind.
        assert_eq!(std::fs::read_dir(f.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn remove_and_remove_all() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("auth.json");
        assert!(!remove(&f, "x.io").unwrap());
        remove_all(&f).unwrap();
        assert!(!f.exists());

        store(&f, "x.io", &creds("u", "p")).unwrap();
        store(&f, "docker.io", &creds("d", "p")).unwrap();
        assert!(remove(&f, "https://x.io/v1/").unwrap());
        assert!(!remove(&f, "x.io").unwrap());
        let files = vec![f.clone()];
        assert_eq!(lookup(&files, "x.io").unwrap(), None);
        assert_eq!(lookup(&files, "docker.io").unwrap(), Some(creds("d", "p")));
        remove_all(&f).unwrap();
        assert_eq!(lookup(&files, "docker.io").unwrap(), None);
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        assert_eq!(doc, serde_json::json!({"auths": {}}));
    }

    #[test]
    fn debug_hides_password() {
        let s = format!("{:?}", creds("me", "secret"));
        assert!(s.contains("me") && !s.contains("secret"));
    }
}
