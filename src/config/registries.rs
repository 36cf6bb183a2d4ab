//! registries.conf (containers-registries.conf(5), version 2, plus the version 1 tables
//! still found on older systems): short-name search registries, aliases, per-prefix
//! insecure/blocked flags, location rewrites and mirrors.
//!
//! Loading follows Podman: the first existing file of the list (user before system) is the
//! main file; then the `*.conf` drop-ins of `<file>.d` directories are applied in name
//! order (system directory first, then the user's; only the user's when the user's main
//! file was used). Unknown keys are ignored so files written for Podman load unchanged.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::{read_optional, ConfigError};
use crate::image::reference::{Reference, ReferenceError};

/// The merged configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistriesConf {
    /// Registries tried, in order, for short names (`alpine`).
    pub unqualified_search_registries: Vec<String>,
    pub registries: Vec<Registry>,
    /// `[aliases]`: short name (`alpine`) to a fully qualified name without tag
    /// (`docker.io/library/alpine`).
    pub aliases: BTreeMap<String, String>,
}

/// One `[[registry]]` table, normalised: `prefix` is always set (defaults to
/// `location`), trailing slashes removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    /// What references it applies to: `example.com`, `example.com/ns/repo`, or
    /// `*.example.com` (any subdomain).
    pub prefix: String,
    /// Where the matched namespace really lives; empty only for a wildcard prefix
    /// without rewrite.
    pub location: String,
    pub insecure: bool,
    pub blocked: bool,
    pub mirror_by_digest_only: bool,
    pub mirrors: Vec<Mirror>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mirror {
    pub location: String,
    pub insecure: bool,
    pub pull_from_mirror: PullFromMirror,
}

/// `pull-from-mirror`: which pulls may use this mirror.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PullFromMirror {
    #[default]
    All,
    DigestOnly,
    TagOnly,
}

/// One place to pull an image from, in the order to try them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullSource {
    pub reference: Reference,
    pub insecure: bool,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "kebab-case")]
struct RawFile {
    // Option so a drop-in can tell "not set" (keep) from `[]` (clear).
    unqualified_search_registries: Option<Vec<String>>,
    registry: Vec<RawRegistry>,
    aliases: BTreeMap<String, String>,
    /// Version 1 tables: `[registries.search]`, `[registries.insecure]`, `[registries.block]`.
    registries: Option<RawV1>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "kebab-case")]
struct RawRegistry {
    prefix: String,
    location: String,
    insecure: bool,
    blocked: bool,
    mirror_by_digest_only: bool,
    mirror: Vec<RawMirror>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "kebab-case")]
struct RawMirror {
    location: String,
    insecure: bool,
    pull_from_mirror: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawV1 {
    search: RawV1List,
    insecure: RawV1List,
    block: RawV1List,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawV1List {
    registries: Vec<String>,
}

impl RegistriesConf {
    /// Load from `paths`, highest priority first (typically
    /// `[$XDG_CONFIG_HOME/containers/registries.conf, /etc/containers/registries.conf]`).
    /// No file at all gives the empty default.
    /// The user's registries.conf over the system's, as every pull and push reads them.
    pub fn for_user(paths: &crate::paths::Paths) -> Result<RegistriesConf, ConfigError> {
        // Podman's override: that file (and its drop-in directory) instead.
        if let Some(file) = std::env::var_os("CONTAINERS_REGISTRIES_CONF").filter(|v| !v.is_empty())
        {
            return RegistriesConf::load(&[PathBuf::from(file)]);
        }
        RegistriesConf::load(&[
            paths.config.join("registries.conf"),
            PathBuf::from("/etc/containers/registries.conf"),
        ])
    }

    pub fn load(paths: &[PathBuf]) -> Result<RegistriesConf, ConfigError> {
        let mut conf = RegistriesConf::default();
        let mut main_index = paths.len().saturating_sub(1);
        for (i, path) in paths.iter().enumerate() {
            if let Some(text) = read_optional(path)? {
                conf = Self::parse_str(&text, path)?;
                main_index = i;
                break;
            }
        }
        if paths.is_empty() {
            return Ok(conf);
        }
        for dir in paths[..=main_index].iter().rev().map(|p| drop_in_dir(p)) {
            for file in drop_in_files(&dir)? {
                let Some(text) = read_optional(&file)? else {
                    continue;
                };
                let raw = parse_raw(&text, &file)?;
                if raw.registries.is_some() {
                    return Err(ConfigError::invalid(
                        &file,
                        "drop-in files must use the version 2 format",
                    ));
                }
                conf.merge(raw, &file)?;
            }
        }
        Ok(conf)
    }

    /// Parse one file's text; `path` only names it in errors.
    pub fn parse_str(text: &str, path: &Path) -> Result<RegistriesConf, ConfigError> {
        let mut conf = RegistriesConf::default();
        conf.merge(parse_raw(text, path)?, path)?;
        Ok(conf)
    }

    /// Apply a later file over this one: search registries are replaced when the file
    /// sets them, registries replace the ones with the same prefix or are added, aliases
    /// are set per key (an empty value removes one).
    fn merge(&mut self, raw: RawFile, path: &Path) -> Result<(), ConfigError> {
        let mut registries = Vec::new();
        let mut search = raw.unqualified_search_registries;
        if let Some(v1) = raw.registries {
            if search.is_some() || !raw.registry.is_empty() {
                return Err(ConfigError::invalid(
                    path,
                    "mixing the version 1 [registries] tables with version 2 keys is not supported",
                ));
            }
            search = Some(v1.search.registries);
            let mut flags: BTreeMap<String, (bool, bool)> = BTreeMap::new();
            for r in v1.insecure.registries {
                flags.entry(r).or_default().0 = true;
            }
            for r in v1.block.registries {
                flags.entry(r).or_default().1 = true;
            }
            for (loc, (insecure, blocked)) in flags {
                let loc = parse_location(&loc, path)?;
                registries.push(Registry {
                    prefix: loc.clone(),
                    location: loc,
                    insecure,
                    blocked,
                    ..Registry::default()
                });
            }
        }
        for r in raw.registry {
            registries.push(normalise_registry(r, path)?);
        }
        if let Some(search) = search {
            for s in &search {
                if s.is_empty() || s.contains('/') {
                    return Err(ConfigError::invalid(
                        path,
                        format!("invalid unqualified-search-registries entry {s:?}: must be a registry host"),
                    ));
                }
            }
            self.unqualified_search_registries = search;
        }
        for r in registries {
            match self
                .registries
                .iter_mut()
                .find(|old| old.prefix == r.prefix)
            {
                Some(old) => *old = r,
                None => self.registries.push(r),
            }
        }
        for (k, v) in raw.aliases {
            if v.is_empty() {
                self.aliases.remove(&k);
            } else {
                self.aliases.insert(k, v);
            }
        }
        Ok(())
    }

    pub fn search_registries(&self) -> &[String] {
        &self.unqualified_search_registries
    }

    /// The alias for a short name without tag or digest (`alpine`), if configured.
    pub fn alias(&self, short_name: &str) -> Option<&str> {
        self.aliases.get(short_name).map(String::as_str)
    }

    /// The `[[registry]]` entry that applies to `reference`: longest matching prefix.
    pub fn find(&self, reference: &Reference) -> Option<&Registry> {
        let key = reference.whole();
        self.registries
            .iter()
            .filter_map(|r| prefix_match_len(&key, &r.prefix).map(|n| (n, r)))
            .max_by_key(|(n, _)| *n)
            .map(|(_, r)| r)
    }

    /// Whether connections to `registry_host` (`host[:port]`) may use plain HTTP or an
    /// unverified certificate: some entry or mirror whose location is on that host is
    /// marked insecure.
    pub fn insecure(&self, registry_host: &str) -> bool {
        self.registries.iter().any(|r| {
            let own = if r.location.is_empty() {
                prefix_match_len(registry_host, &r.prefix).is_some()
            } else {
                host_of(&r.location) == registry_host
            };
            (own && r.insecure)
                || r.mirrors
                    .iter()
                    .any(|m| m.insecure && host_of(&m.location) == registry_host)
        })
    }

    /// Whether pulling `reference` is forbidden by a `blocked = true` entry.
    pub fn blocked(&self, reference: &Reference) -> bool {
        self.find(reference).is_some_and(|r| r.blocked)
    }

    /// The mirrors configured for `reference` that apply to this kind of pull (by digest
    /// or by tag), in the order to try them.
    pub fn mirrors(&self, reference: &Reference) -> Vec<Mirror> {
        let Some(reg) = self.find(reference) else {
            return Vec::new();
        };
        let by_digest = reference.digest.is_some();
        if reg.mirror_by_digest_only && !by_digest {
            return Vec::new();
        }
        reg.mirrors
            .iter()
            .filter(|m| match m.pull_from_mirror {
                PullFromMirror::All => true,
                PullFromMirror::DigestOnly => by_digest,
                PullFromMirror::TagOnly => !by_digest,
            })
            .cloned()
            .collect()
    }

    /// Every place to pull `reference` from: the applicable mirrors, then the primary
    /// location, each with the matched prefix rewritten to its location. Without a
    /// matching entry this is just the reference itself. Blocking is not checked here
    /// (see [`RegistriesConf::blocked`]).
    pub fn pull_sources(&self, reference: &Reference) -> Result<Vec<PullSource>, ReferenceError> {
        let key = reference.whole();
        let Some(reg) = self.find(reference) else {
            return Ok(vec![PullSource {
                reference: reference.clone(),
                insecure: self.insecure(&reference.registry),
            }]);
        };
        let matched = prefix_match_len(&key, &reg.prefix).unwrap_or(0);
        let rewrite = |location: &str| -> Result<Reference, ReferenceError> {
            if location.is_empty() {
                return Ok(reference.clone());
            }
            Reference::parse(&format!("{location}{}", &key[matched..]))
        };
        let mut out = Vec::new();
        for m in self.mirrors(reference) {
            out.push(PullSource {
                reference: rewrite(&m.location)?,
                insecure: m.insecure,
            });
        }
        out.push(PullSource {
            reference: rewrite(&reg.location)?,
            insecure: reg.insecure,
        });
        Ok(out)
    }
}

fn parse_raw(text: &str, path: &Path) -> Result<RawFile, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::from_toml(path, text, &e))
}

fn normalise_registry(r: RawRegistry, path: &Path) -> Result<Registry, ConfigError> {
    let mut location = if r.location.is_empty() {
        String::new()
    } else {
        parse_location(&r.location, path)?
    };
    let prefix = if r.prefix.is_empty() {
        if location.is_empty() {
            return Err(ConfigError::invalid(
                path,
                "a [[registry]] needs a location or a prefix",
            ));
        }
        location.clone()
    } else {
        r.prefix.trim_end_matches('/').to_string()
    };
    if let Some(domain) = prefix.strip_prefix("*.") {
        if domain.is_empty() || domain.contains(['*', '/', ':']) {
            return Err(ConfigError::invalid(
                path,
                format!(
                    "invalid prefix {prefix:?}: a wildcard prefix must look like *.example.com"
                ),
            ));
        }
    } else if prefix.contains('*') {
        return Err(ConfigError::invalid(
            path,
            format!("invalid prefix {prefix:?}: the wildcard may only start the prefix, as *.example.com"),
        ));
    } else if location.is_empty() {
        // Without a location a plain prefix is served by itself.
        location = parse_location(&prefix, path)?;
        if location.is_empty() {
            return Err(ConfigError::invalid(
                path,
                "a [[registry]] needs a location or a prefix",
            ));
        }
    }
    let mut mirrors = Vec::new();
    for m in r.mirror {
        if r.mirror_by_digest_only && !m.pull_from_mirror.is_empty() {
            return Err(ConfigError::invalid(
                path,
                format!("{prefix}: pull-from-mirror cannot be combined with mirror-by-digest-only"),
            ));
        }
        let pull_from_mirror = match m.pull_from_mirror.as_str() {
            "" | "all" => PullFromMirror::All,
            "digest-only" => PullFromMirror::DigestOnly,
            "tag-only" => PullFromMirror::TagOnly,
            other => {
                return Err(ConfigError::invalid(
                    path,
                    format!(
                        "invalid pull-from-mirror {other:?}: expected all, digest-only or tag-only"
                    ),
                ))
            }
        };
        if m.location.is_empty() {
            return Err(ConfigError::invalid(
                path,
                format!("{prefix}: a mirror needs a location"),
            ));
        }
        mirrors.push(Mirror {
            location: parse_location(&m.location, path)?,
            insecure: m.insecure,
            pull_from_mirror,
        });
    }
    Ok(Registry {
        prefix,
        location,
        insecure: r.insecure,
        blocked: r.blocked,
        mirror_by_digest_only: r.mirror_by_digest_only,
        mirrors,
    })
}

/// Locations are `host[:port][/path]`, never URLs.
fn parse_location(loc: &str, path: &Path) -> Result<String, ConfigError> {
    if loc.starts_with("http://") || loc.starts_with("https://") {
        return Err(ConfigError::invalid(
            path,
            format!("invalid location {loc:?}: must not include a http:// or https:// scheme"),
        ));
    }
    Ok(loc.trim_end_matches('/').to_string())
}

/// How much of `key` (a whole reference like `host/ns/repo:tag`, or a bare host)
/// `prefix` covers, if it matches: the prefix must end where a name component ends.
fn prefix_match_len(key: &str, prefix: &str) -> Option<usize> {
    if let Some(domain) = prefix.strip_prefix('*') {
        // `*.example.com` matches any subdomain host, with or without port.
        let host_end = key.find('/').unwrap_or(key.len());
        let host = &key[..host_end];
        let host_no_port = host.rsplit_once(':').map_or(host, |(h, _)| h);
        return (host_no_port.ends_with(domain) && host_no_port.len() > domain.len())
            .then_some(host_end);
    }
    let rest = key.strip_prefix(prefix)?;
    match rest.as_bytes().first() {
        None | Some(b'/' | b':' | b'@') => Some(prefix.len()),
        _ => None,
    }
}

fn host_of(location: &str) -> &str {
    location.split('/').next().unwrap_or(location)
}

/// `/etc/containers/registries.conf` -> `/etc/containers/registries.conf.d`.
fn drop_in_dir(main: &Path) -> PathBuf {
    let mut s = main.as_os_str().to_owned();
    s.push(".d");
    PathBuf::from(s)
}

/// The `*.conf` regular files of `dir`, sorted by name; none when it does not exist.
fn drop_in_files(dir: &Path) -> Result<Vec<PathBuf>, ConfigError> {
    let io = |source| ConfigError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "conf") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Result<RegistriesConf, ConfigError> {
        RegistriesConf::parse_str(t, Path::new("registries.conf"))
    }
    fn r(s: &str) -> Reference {
        Reference::parse(s).unwrap()
    }
    const HEX: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    const SAMPLE: &str = r#"
unqualified-search-registries = ["localhost:5000", "docker.io"]
short-name-mode = "permissive"   # unknown to cove: ignored

[[registry]]
prefix = "example.com/foo"
location = "internal.example.net/bar"
insecure = false

[[registry.mirror]]
location = "mirror-0.local/mirror-for-foo"

[[registry.mirror]]
location = "mirror-1.local:5000/mirrors/foo"
insecure = true
pull-from-mirror = "digest-only"

[[registry]]
location = "localhost:5000"
insecure = true

[[registry]]
prefix = "evil.io"
blocked = true

[[registry]]
prefix = "*.corp.local"
insecure = true

[aliases]
"busybox" = "localhost:5000/busybox"
"#;

    #[test]
    fn parses_v2() {
        let c = parse(SAMPLE).unwrap();
        assert_eq!(c.search_registries(), ["localhost:5000", "docker.io"]);
        assert_eq!(c.registries.len(), 4);
        let first = &c.registries[0];
        assert_eq!(first.prefix, "example.com/foo");
        assert_eq!(first.location, "internal.example.net/bar");
        assert_eq!(first.mirrors.len(), 2);
        assert_eq!(
            first.mirrors[1].pull_from_mirror,
            PullFromMirror::DigestOnly
        );
        assert_eq!(c.registries[1].prefix, "localhost:5000");
        assert_eq!(c.registries[2].location, "evil.io");
        assert_eq!(c.registries[3].location, "");
        assert_eq!(c.alias("busybox"), Some("localhost:5000/busybox"));
        assert_eq!(c.alias("alpine"), None);
    }

    #[test]
    fn insecure_and_blocked() {
        let c = parse(SAMPLE).unwrap();
        assert!(c.insecure("localhost:5000"));
        assert!(c.insecure("mirror-1.local:5000"));
        assert!(c.insecure("build.corp.local"));
        assert!(c.insecure("a.b.corp.local:443"));
        assert!(!c.insecure("corp.local"));
        assert!(!c.insecure("localhost"));
        assert!(!c.insecure("mirror-0.local"));
        assert!(!c.insecure("docker.io"));
        assert!(c.blocked(&r("evil.io/x")));
        assert!(!c.blocked(&r("evil.iox/x")));
        assert!(!c.blocked(&r("alpine")));
    }

    #[test]
    fn prefix_matching() {
        assert_eq!(
            prefix_match_len("example.com/foo:latest", "example.com/foo"),
            Some(15)
        );
        assert_eq!(
            prefix_match_len("example.com/foo/bar:1", "example.com/foo"),
            Some(15)
        );
        assert_eq!(
            prefix_match_len("example.com/foobar:1", "example.com/foo"),
            None
        );
        assert_eq!(prefix_match_len("example.com", "example.com"), Some(11));
        assert_eq!(
            prefix_match_len("x.example.com/a:b", "*.example.com"),
            Some(13)
        );
        assert_eq!(prefix_match_len("example.com/a:b", "*.example.com"), None);
        assert_eq!(prefix_match_len("xexample.com/a:b", "*.example.com"), None);
        // Longest prefix wins.
        let c = parse(
            "[[registry]]\nprefix = \"docker.io\"\nlocation = \"a.io\"\n\
             [[registry]]\nprefix = \"docker.io/library/alpine\"\nlocation = \"b.io/alp\"\n",
        )
        .unwrap();
        assert_eq!(c.find(&r("alpine")).unwrap().location, "b.io/alp");
        assert_eq!(c.find(&r("busybox")).unwrap().location, "a.io");
    }

    #[test]
    fn mirrors_and_pull_sources() {
        let c = parse(SAMPLE).unwrap();
        let tagged = r("example.com/foo/app:1");
        let m = c.mirrors(&tagged);
        assert_eq!(m.len(), 1, "digest-only mirror skipped for a tag pull");
        let src = c.pull_sources(&tagged).unwrap();
        let names: Vec<String> = src.iter().map(|s| s.reference.whole()).collect();
        assert_eq!(
            names,
            [
                "mirror-0.local/mirror-for-foo/app:1",
                "internal.example.net/bar/app:1"
            ]
        );

        let digested = r(&format!("example.com/foo/app@sha256:{HEX}"));
        let src = c.pull_sources(&digested).unwrap();
        assert_eq!(src.len(), 3);
        assert_eq!(
            src[1].reference.whole(),
            format!("mirror-1.local:5000/mirrors/foo/app@sha256:{HEX}")
        );
        assert!(src[1].insecure);
        assert!(!src[2].insecure);

        // Exact repository prefix: only the tag is appended.
        let src = c.pull_sources(&r("example.com/foo:2")).unwrap();
        assert_eq!(
            src.last().unwrap().reference.whole(),
            "internal.example.net/bar:2"
        );

        // No entry: the reference itself, insecure looked up by host.
        let src = c.pull_sources(&r("localhost:5000/x")).unwrap();
        assert_eq!(src.len(), 1);
        assert!(src[0].insecure);
        let src = c.pull_sources(&r("alpine")).unwrap();
        assert_eq!(
            src,
            vec![PullSource {
                reference: r("alpine"),
                insecure: false
            }]
        );

        // A wildcard entry without location applies its flags without rewriting.
        let src = c.pull_sources(&r("reg.corp.local/a")).unwrap();
        assert_eq!(src[0].reference, r("reg.corp.local/a"));
        assert!(src[0].insecure);
    }

    #[test]
    fn mirror_by_digest_only() {
        let c = parse(
            "[[registry]]\nlocation = \"docker.io\"\nmirror-by-digest-only = true\n\
             [[registry.mirror]]\nlocation = \"m.local\"\n",
        )
        .unwrap();
        assert!(c.mirrors(&r("alpine")).is_empty());
        assert_eq!(c.mirrors(&r(&format!("alpine@sha256:{HEX}"))).len(), 1);
        assert_eq!(
            c.pull_sources(&r(&format!("alpine@sha256:{HEX}"))).unwrap()[0]
                .reference
                .whole(),
            format!("m.local/library/alpine@sha256:{HEX}")
        );
    }

    #[test]
    fn v1_format() {
        let c = parse(
            "[registries.search]\nregistries = [\"docker.io\", \"quay.io\"]\n\
             [registries.insecure]\nregistries = [\"localhost:5000\"]\n\
             [registries.block]\nregistries = [\"bad.io\"]\n",
        )
        .unwrap();
        assert_eq!(c.search_registries(), ["docker.io", "quay.io"]);
        assert!(c.insecure("localhost:5000"));
        assert!(c.blocked(&r("bad.io/x")));
        let e = parse("unqualified-search-registries = []\n[registries.search]\nregistries = []\n")
            .unwrap_err();
        assert!(e.to_string().contains("mixing"), "{e}");
    }

    #[test]
    fn errors() {
        let e =
            parse("unqualified-search-registries = [\"a\"]\n\n[[registry]]\ninsecure = \"yes\"\n")
                .unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("registries.conf:4: "), "{msg}");
        assert!(!msg.contains('\n'));
        assert!(parse("[[registry]]\ninsecure = true\n").is_err());
        assert!(parse("[[registry]]\nlocation = \"https://x.io\"\n").is_err());
        assert!(parse("[[registry]]\nprefix = \"a.*.io\"\n").is_err());
        assert!(parse("[[registry]]\nprefix = \"*.io/x\"\n").is_err());
        // A prefix of slashes only: an error, not a recursion without end.
        assert!(parse("[[registry]]\nprefix = \"/\"\n").is_err());
        assert!(parse("unqualified-search-registries = [\"a.io/ns\"]\n").is_err());
        assert!(parse(
            "[[registry]]\nlocation = \"a.io\"\n[[registry.mirror]]\nlocation = \"m\"\npull-from-mirror = \"sometimes\"\n"
        )
        .is_err());
        assert!(parse(
            "[[registry]]\nlocation = \"a.io\"\nmirror-by-digest-only = true\n[[registry.mirror]]\nlocation = \"m\"\npull-from-mirror = \"all\"\n"
        )
        .is_err());
    }

    #[test]
    fn load_user_wins_and_drop_ins() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("user/registries.conf");
        let system = dir.path().join("etc/registries.conf");
        std::fs::create_dir_all(user.parent().unwrap()).unwrap();
        std::fs::create_dir_all(system.parent().unwrap()).unwrap();
        let paths = vec![user.clone(), system.clone()];

        // Nothing exists: empty default.
        assert_eq!(
            RegistriesConf::load(&paths).unwrap(),
            RegistriesConf::default()
        );

        std::fs::write(
            &system,
            "unqualified-search-registries = [\"sys.io\"]\n[[registry]]\nlocation = \"a.io\"\n",
        )
        .unwrap();
        let sys_d = dir.path().join("etc/registries.conf.d");
        std::fs::create_dir_all(&sys_d).unwrap();
        std::fs::write(
            sys_d.join("10-a.conf"),
            "[aliases]\n\"x\" = \"a.io/x\"\n\"y\" = \"a.io/y\"\n",
        )
        .unwrap();
        std::fs::write(
            sys_d.join("20-b.conf"),
            "[[registry]]\nlocation = \"a.io\"\ninsecure = true\n",
        )
        .unwrap();
        std::fs::write(sys_d.join("ignored.txt"), "not toml [[[").unwrap();
        let user_d = dir.path().join("user/registries.conf.d");
        std::fs::create_dir_all(&user_d).unwrap();
        std::fs::write(user_d.join("00-z.conf"), "[aliases]\n\"y\" = \"\"\n").unwrap();

        // System main file: system drop-ins, then the user's.
        let c = RegistriesConf::load(&paths).unwrap();
        assert_eq!(c.search_registries(), ["sys.io"]);
        assert_eq!(c.registries.len(), 1, "same prefix replaced, not added");
        assert!(c.insecure("a.io"));
        assert_eq!(c.alias("x"), Some("a.io/x"));
        assert_eq!(c.alias("y"), None, "user drop-in removed the alias");

        // User main file: only it and the user's drop-ins.
        std::fs::write(&user, "unqualified-search-registries = [\"user.io\"]\n").unwrap();
        let c = RegistriesConf::load(&paths).unwrap();
        assert_eq!(c.search_registries(), ["user.io"]);
        assert!(c.registries.is_empty());
        assert_eq!(c.alias("x"), None);

        // A drop-in's explicit empty list clears the search registries.
        std::fs::write(
            user_d.join("50-clear.conf"),
            "unqualified-search-registries = []\n",
        )
        .unwrap();
        assert!(RegistriesConf::load(&paths)
            .unwrap()
            .search_registries()
            .is_empty());

        // Errors in a drop-in name that file.
        std::fs::write(user_d.join("60-bad.conf"), "[[registry]\n").unwrap();
        let e = RegistriesConf::load(&paths).unwrap_err().to_string();
        assert!(e.contains("60-bad.conf:1:"), "{e}");
    }

    #[test]
    fn debian_shortnames_drop_in_parses() {
        let p = Path::new("/etc/containers/registries.conf.d/shortnames.conf");
        if let Ok(text) = std::fs::read_to_string(p) {
            let c = RegistriesConf::parse_str(&text, p).unwrap();
            assert_eq!(c.alias("alpine"), Some("docker.io/library/alpine"));
        }
    }
}
