//! Image references (`alpine`, `quay.io/x/y:1.0`, `name@sha256:...`), parsed and
//! normalised the way Docker and Podman do (the distribution/reference grammar).
//!
//! The parser is hand-written rather than a regex: the grammar is small, and walking it by
//! hand lets every failure say which part was wrong instead of one generic mismatch.

use std::fmt;
use std::str::FromStr;

/// Registry used for names without a registry part, as Docker does.
pub const DEFAULT_REGISTRY: &str = "docker.io";
/// The namespace of Docker Hub's official images (`alpine` is `library/alpine`).
const OFFICIAL_NAMESPACE: &str = "library";
/// Docker Hub's legacy name; references written with it mean `docker.io`.
const LEGACY_DEFAULT_REGISTRY: &str = "index.docker.io";
pub const DEFAULT_TAG: &str = "latest";
/// distribution/reference's NameTotalLengthMax: registry + `/` + repository.
const NAME_TOTAL_LENGTH_MAX: usize = 255;
const TAG_LENGTH_MAX: usize = 128;

/// Why a string is not an image reference. Messages follow Docker's wording so scripts
/// and users see what they are used to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    #[error("invalid reference format")]
    InvalidFormat,
    #[error("invalid reference format: repository name must be lowercase")]
    NameContainsUppercase,
    #[error("invalid reference format: repository name must not be more than {NAME_TOTAL_LENGTH_MAX} characters")]
    NameTooLong,
    #[error("invalid reference format: invalid tag {0:?}")]
    InvalidTag(String),
    #[error("invalid reference format: invalid digest {0:?}")]
    InvalidDigest(String),
    #[error("invalid reference format: unsupported digest algorithm {0:?}")]
    UnsupportedDigest(String),
    #[error("invalid repository name ({0}), cannot specify 64-byte hexadecimal strings")]
    HexIdentifier(String),
    #[error("{0}: a tag cannot contain a digest")]
    DigestInTag(String),
}

/// A fully normalised image reference: the registry is always set (`docker.io` by
/// default), Docker Hub official images carry `library/`, and a reference with neither a
/// tag nor a digest gets the tag `latest`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reference {
    /// Registry host, with port if any: `docker.io`, `localhost:5000`.
    pub registry: String,
    /// Path inside the registry: `library/alpine`, `user/app`.
    pub repository: String,
    pub tag: Option<String>,
    /// `algorithm:hex`, e.g. `sha256:...`.
    pub digest: Option<String>,
}

impl Reference {
    /// Parse and normalise `s`. See the module docs for the accepted forms.
    pub fn parse(s: &str) -> Result<Reference, ReferenceError> {
        parse(s)
    }

    /// Parse `input` (a short name such as `alpine` or `user/app:1`) as if it had been
    /// written under `registry`. Unlike `parse(input)?.with_registry(..)` this does not
    /// add Docker Hub's `library/` for registries other than docker.io, which is how
    /// Podman resolves short names through `unqualified-search-registries`.
    pub fn qualify(input: &str, registry: &str) -> Result<Reference, ReferenceError> {
        parse(&format!("{registry}/{input}"))
    }

    /// True when `input` names no registry (`alpine`, `user/app`), so the caller may
    /// resolve it through aliases and unqualified-search-registries, as Podman does.
    /// `docker.io/alpine`, `localhost/x` and `host:5000/x` are not short names.
    pub fn is_short_name(input: &str) -> bool {
        let name = input.split('@').next().unwrap_or(input);
        split_domain(name).0.is_none()
    }

    /// The full normalised form, `docker.io/library/alpine:latest`.
    pub fn whole(&self) -> String {
        self.to_string()
    }

    /// `docker.io/library/alpine`: the name without tag or digest.
    pub fn repository_with_registry(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// The tag, or `latest` for a digest-only reference.
    pub fn tag_or_latest(&self) -> &str {
        self.tag.as_deref().unwrap_or(DEFAULT_TAG)
    }

    /// The short form Docker prints: `alpine:latest`, `user/app:1`, or the whole name for
    /// other registries.
    pub fn familiar(&self) -> String {
        let whole = self.whole();
        let Some(rest) = whole.strip_prefix("docker.io/") else {
            return whole;
        };
        match rest.strip_prefix("library/") {
            // `library/a/b` is not an official image; keep the namespace to stay unambiguous.
            Some(official) if !self.repository[OFFICIAL_NAMESPACE.len() + 1..].contains('/') => {
                official.to_string()
            }
            _ => rest.to_string(),
        }
    }

    /// The same image under another registry (a mirror, a push target). The repository
    /// path is kept as is, except that a single-component path gains `library/` when the
    /// new registry is docker.io, because Docker Hub has no top-level repositories.
    pub fn with_registry(&self, registry: &str) -> Reference {
        let registry = if registry == LEGACY_DEFAULT_REGISTRY {
            DEFAULT_REGISTRY
        } else {
            registry
        };
        let repository = if registry == DEFAULT_REGISTRY && !self.repository.contains('/') {
            format!("{OFFICIAL_NAMESPACE}/{}", self.repository)
        } else {
            self.repository.clone()
        };
        Reference {
            registry: registry.to_string(),
            repository,
            tag: self.tag.clone(),
            digest: self.digest.clone(),
        }
    }

    /// The same reference as oci-client wants it. A reference with neither tag nor digest
    /// (only possible when built by hand) becomes `:latest`.
    pub fn to_oci(&self) -> oci_client::Reference {
        let (reg, repo) = (self.registry.clone(), self.repository.clone());
        match (&self.tag, &self.digest) {
            (Some(t), Some(d)) => {
                oci_client::Reference::with_tag_and_digest(reg, repo, t.clone(), d.clone())
            }
            (Some(t), None) => oci_client::Reference::with_tag(reg, repo, t.clone()),
            (None, Some(d)) => oci_client::Reference::with_digest(reg, repo, d.clone()),
            (None, None) => oci_client::Reference::with_tag(reg, repo, DEFAULT_TAG.to_string()),
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.registry, self.repository)?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

impl FromStr for Reference {
    type Err = ReferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

/// Parse and normalise an image reference (same as [`Reference::parse`]).
pub fn parse(s: &str) -> Result<Reference, ReferenceError> {
    if s.is_empty() {
        return Err(ReferenceError::InvalidFormat);
    }
    // A bare 64-hex string is an image ID, never a name: Docker refuses it so that
    // `docker pull <id>` cannot silently mean `docker.io/library/<id>`.
    if s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    {
        return Err(ReferenceError::HexIdentifier(s.to_string()));
    }

    let (name_and_tag, digest) = match s.split_once('@') {
        Some((n, d)) => (n, Some(validate_digest(d)?)),
        None => (s, None),
    };
    // The tag is after the last ':' that follows the last '/': a ':' before that is a port.
    let last_slash = name_and_tag.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match name_and_tag[last_slash..].rfind(':') {
        Some(i) => {
            let at = last_slash + i;
            (
                &name_and_tag[..at],
                Some(validate_tag(&name_and_tag[at + 1..])?),
            )
        }
        None => (name_and_tag, None),
    };

    let (domain, remainder) = split_domain(name);
    let registry = match domain {
        Some(d) => {
            if !is_domain(d) {
                return Err(ReferenceError::InvalidFormat);
            }
            if d == LEGACY_DEFAULT_REGISTRY {
                DEFAULT_REGISTRY
            } else {
                d
            }
        }
        None => DEFAULT_REGISTRY,
    };
    if remainder.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(ReferenceError::NameContainsUppercase);
    }
    if remainder.is_empty() || !remainder.split('/').all(is_path_component) {
        return Err(ReferenceError::InvalidFormat);
    }
    let repository = if registry == DEFAULT_REGISTRY && !remainder.contains('/') {
        format!("{OFFICIAL_NAMESPACE}/{remainder}")
    } else {
        remainder.to_string()
    };
    if registry.len() + 1 + repository.len() > NAME_TOTAL_LENGTH_MAX {
        return Err(ReferenceError::NameTooLong);
    }
    let tag = match (&tag, &digest) {
        (None, None) => Some(DEFAULT_TAG.to_string()),
        _ => tag,
    };
    Ok(Reference {
        registry: registry.to_string(),
        repository,
        tag,
        digest,
    })
}

/// Docker's splitDockerDomain: the part before the first `/` is a registry only if it
/// looks like a host (has a `.` or `:`, is `localhost`, or has uppercase letters, which a
/// repository path never has). Returns (domain, rest).
fn split_domain(name: &str) -> (Option<&str>, &str) {
    match name.split_once('/') {
        Some((first, rest))
            if first.contains(['.', ':'])
                || first == "localhost"
                || first.bytes().any(|b| b.is_ascii_uppercase()) =>
        {
            (Some(first), rest)
        }
        _ => (None, name),
    }
}

/// host[:port], host being dot-separated labels of [a-zA-Z0-9-] not starting or ending
/// with `-`, or a bracketed IPv6 address.
fn is_domain(d: &str) -> bool {
    let (host, port) = if let Some(rest) = d.strip_prefix('[') {
        let Some((addr, after)) = rest.split_once(']') else {
            return false;
        };
        if addr.is_empty()
            || !addr
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return false;
        }
        match after {
            "" => return true,
            _ => match after.strip_prefix(':') {
                Some(p) => ("", Some(p)),
                None => return false,
            },
        }
    } else {
        match d.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (d, None),
        }
    };
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    if host.is_empty() {
        // Only reachable for the IPv6 form, already validated.
        return d.starts_with('[');
    }
    host.split('.').all(|label| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    })
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`: alphanumeric runs joined by `.`, `_`, `__`
/// or any number of `-`.
fn is_path_component(c: &str) -> bool {
    let b = c.as_bytes();
    let alnum = |x: u8| x.is_ascii_lowercase() || x.is_ascii_digit();
    if b.is_empty() || !alnum(b[0]) || !alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !alnum(b[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|x| x == b'-');
        if !ok {
            return false;
        }
    }
    true
}

/// `[\w][\w.-]{0,127}`.
fn validate_tag(t: &str) -> Result<String, ReferenceError> {
    let word = |x: u8| x.is_ascii_alphanumeric() || x == b'_';
    let b = t.as_bytes();
    let ok = !b.is_empty()
        && b.len() <= TAG_LENGTH_MAX
        && word(b[0])
        && b.iter().all(|&x| word(x) || x == b'.' || x == b'-');
    if ok {
        Ok(t.to_string())
    } else {
        Err(ReferenceError::InvalidTag(t.to_string()))
    }
}

/// `algorithm:hex`. The grammar allows any algorithm; like Docker (go-digest) we accept
/// only the ones we can verify, with their exact lowercase-hex length.
fn validate_digest(d: &str) -> Result<String, ReferenceError> {
    let invalid = || ReferenceError::InvalidDigest(d.to_string());
    let (alg, hex) = d.split_once(':').ok_or_else(invalid)?;
    let alg_ok = alg.split(['-', '_', '+', '.']).all(|part| {
        part.as_bytes()
            .first()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && part.bytes().all(|c| c.is_ascii_alphanumeric())
    });
    if !alg_ok || hex.len() < 32 || !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return Err(invalid());
    }
    let want = match alg {
        "sha256" => 64,
        "sha512" => 128,
        _ => return Err(ReferenceError::UnsupportedDigest(alg.to_string())),
    };
    if hex.len() != want || hex.bytes().any(|c| c.is_ascii_uppercase()) {
        return Err(invalid());
    }
    Ok(d.to_string())
}

/// The name an image gets in the store for `input` (`tag`, `commit`, `import`, `load`):
/// short names live under `localhost/`, as Podman does; always with a tag.
pub fn local_name(input: &str) -> Result<String, ReferenceError> {
    let r = if Reference::is_short_name(input) {
        Reference::parse(&format!("localhost/{input}"))?
    } else {
        Reference::parse(input)?
    };
    if r.digest.is_some() {
        return Err(ReferenceError::DigestInTag(input.to_string()));
    }
    Ok(format!(
        "{}:{}",
        r.repository_with_registry(),
        r.tag_or_latest()
    ))
}

/// A stored name split as the REPOSITORY and TAG columns show it (`<none>` without a tag).
pub fn repo_tag(name: &str) -> (String, String) {
    match name.rsplit_once(':') {
        Some((repo, tag)) if !tag.contains('/') => (repo.to_string(), tag.to_string()),
        _ => (name.to_string(), "<none>".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn p(s: &str) -> Reference {
        parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn normalises_short_names() {
        let r = p("alpine");
        assert_eq!(r.registry, "docker.io");
        assert_eq!(r.repository, "library/alpine");
        assert_eq!(r.tag.as_deref(), Some("latest"));
        assert_eq!(r.digest, None);
        assert_eq!(r.to_string(), "docker.io/library/alpine:latest");
        assert_eq!(p("user/app").whole(), "docker.io/user/app:latest");
        assert_eq!(p("alpine:3.19").whole(), "docker.io/library/alpine:3.19");
        assert_eq!(p("a/b/c").whole(), "docker.io/a/b/c:latest");
    }

    #[test]
    fn docker_hub_spellings() {
        assert_eq!(
            p("docker.io/alpine").whole(),
            "docker.io/library/alpine:latest"
        );
        assert_eq!(
            p("index.docker.io/alpine").whole(),
            "docker.io/library/alpine:latest"
        );
        assert_eq!(
            p("docker.io/library/alpine").whole(),
            "docker.io/library/alpine:latest"
        );
        assert_eq!(p("docker.io/user/app:1").whole(), "docker.io/user/app:1");
    }

    #[test]
    fn registries_with_hosts_and_ports() {
        let r = p("localhost/x");
        assert_eq!(
            (r.registry.as_str(), r.repository.as_str()),
            ("localhost", "x")
        );
        let r = p("localhost:5000/x");
        assert_eq!(
            (r.registry.as_str(), r.repository.as_str()),
            ("localhost:5000", "x")
        );
        let r = p("127.0.0.1:5000/a/b:tag");
        assert_eq!(r.registry, "127.0.0.1:5000");
        assert_eq!(r.repository, "a/b");
        assert_eq!(r.tag.as_deref(), Some("tag"));
        let r = p("host.tld/x");
        assert_eq!(
            (r.registry.as_str(), r.repository.as_str()),
            ("host.tld", "x")
        );
        assert_eq!(
            p("quay.io/podman/stable:v5").whole(),
            "quay.io/podman/stable:v5"
        );
        assert_eq!(p("[::1]:5000/x").registry, "[::1]:5000");
        assert_eq!(p("[fe80::1]/x").registry, "[fe80::1]");
        // Uppercase in the domain is allowed; only the path must be lowercase.
        assert_eq!(p("MyHost/x").registry, "MyHost");
    }

    #[test]
    fn tag_and_digest() {
        let r = p(&format!("name:tag@sha256:{HEX}"));
        assert_eq!(r.tag.as_deref(), Some("tag"));
        assert_eq!(r.digest, Some(format!("sha256:{HEX}")));
        assert_eq!(
            r.whole(),
            format!("docker.io/library/name:tag@sha256:{HEX}")
        );

        let r = p(&format!("name@sha256:{HEX}"));
        assert_eq!(r.tag, None);
        assert_eq!(r.tag_or_latest(), "latest");
        assert_eq!(r.whole(), format!("docker.io/library/name@sha256:{HEX}"));

        let r = p(&format!("localhost:5000/a@sha256:{HEX}"));
        assert_eq!(r.registry, "localhost:5000");
        assert_eq!(r.tag, None);
    }

    #[test]
    fn path_component_separators() {
        for ok in ["a.b", "a_b", "a__b", "a-b", "a---b", "a0", "0a", "a.b-c_d"] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "a..b", "a___b", "-a", "a-", ".a", "a.", "_a", "a/", "/a", "a//b", "a_.b", "a.-b",
        ] {
            assert_eq!(parse(bad), Err(ReferenceError::InvalidFormat), "{bad}");
        }
    }

    #[test]
    fn errors() {
        let e = parse("Alpine").unwrap_err();
        assert_eq!(e, ReferenceError::NameContainsUppercase);
        assert_eq!(
            e.to_string(),
            "invalid reference format: repository name must be lowercase"
        );
        assert_eq!(
            parse("quay.io/Foo/bar").unwrap_err(),
            ReferenceError::NameContainsUppercase
        );
        assert_eq!(parse("").unwrap_err(), ReferenceError::InvalidFormat);
        assert_eq!(
            parse("a:").unwrap_err(),
            ReferenceError::InvalidTag(String::new())
        );
        assert!(matches!(parse("a:-x"), Err(ReferenceError::InvalidTag(_))));
        assert!(matches!(parse("a:b/c"), Err(ReferenceError::InvalidFormat)));
        let long_tag = "t".repeat(129);
        assert!(matches!(
            parse(&format!("a:{long_tag}")),
            Err(ReferenceError::InvalidTag(_))
        ));
        assert!(parse(&format!("a:{}", "t".repeat(128))).is_ok());
        assert!(matches!(
            parse("a@sha256:abc"),
            Err(ReferenceError::InvalidDigest(_))
        ));
        assert!(matches!(
            parse("a@sha256"),
            Err(ReferenceError::InvalidDigest(_))
        ));
        assert!(matches!(
            parse(&format!("a@sha256:{}", HEX.to_uppercase())),
            Err(ReferenceError::InvalidDigest(_))
        ));
        assert!(matches!(
            parse(&format!("a@md5:{HEX}")),
            Err(ReferenceError::UnsupportedDigest(_))
        ));
        assert!(parse(&format!("a@sha512:{HEX}{HEX}")).is_ok());
        assert!(matches!(parse(HEX), Err(ReferenceError::HexIdentifier(_))));
        assert!(matches!(parse("a b"), Err(ReferenceError::InvalidFormat)));
        assert!(matches!(
            parse("-host.io/a"),
            Err(ReferenceError::InvalidFormat)
        ));
        assert!(matches!(
            parse("host.io:port/a"),
            Err(ReferenceError::InvalidFormat)
        ));
        assert!(matches!(
            parse("host.io:/a"),
            Err(ReferenceError::InvalidFormat)
        ));
        assert!(matches!(
            parse("host..io/a"),
            Err(ReferenceError::InvalidFormat)
        ));
        // Like Docker: without a '/', `localhost:5000` is the image `localhost`, tag 5000.
        assert_eq!(
            p("localhost:5000").whole(),
            "docker.io/library/localhost:5000"
        );
        let long = format!("host.io/{}", "a".repeat(250));
        assert_eq!(parse(&long), Err(ReferenceError::NameTooLong));
    }

    #[test]
    fn short_names() {
        assert!(Reference::is_short_name("alpine"));
        assert!(Reference::is_short_name("alpine:3"));
        assert!(Reference::is_short_name("user/app"));
        assert!(Reference::is_short_name(&format!("user/app@sha256:{HEX}")));
        assert!(!Reference::is_short_name("docker.io/alpine"));
        assert!(!Reference::is_short_name("localhost/x"));
        assert!(!Reference::is_short_name("localhost:5000/x"));
        assert!(!Reference::is_short_name("quay.io/a/b"));
    }

    #[test]
    fn helpers() {
        let r = p("alpine:3");
        assert_eq!(r.repository_with_registry(), "docker.io/library/alpine");
        assert_eq!(r.tag_or_latest(), "3");
        assert_eq!(r.familiar(), "alpine:3");
        assert_eq!(p("user/app").familiar(), "user/app:latest");
        assert_eq!(p("docker.io/library/a/b").familiar(), "library/a/b:latest");
        assert_eq!(p("quay.io/a/b").familiar(), "quay.io/a/b:latest");

        let m = r.with_registry("mirror.local:5000");
        assert_eq!(m.whole(), "mirror.local:5000/library/alpine:3");
        let q = p("quay.io/app").with_registry("docker.io");
        assert_eq!(q.whole(), "docker.io/library/app:latest");
        assert_eq!(
            p("quay.io/app").with_registry("index.docker.io").registry,
            "docker.io"
        );

        assert_eq!(
            Reference::qualify("alpine", "quay.io").unwrap().whole(),
            "quay.io/alpine:latest"
        );
        assert_eq!(
            Reference::qualify("alpine", "docker.io").unwrap().whole(),
            "docker.io/library/alpine:latest"
        );
        assert_eq!(
            "alpine".parse::<Reference>().unwrap(),
            p("docker.io/library/alpine:latest")
        );
    }

    #[test]
    fn to_oci() {
        let o = p("localhost:5000/a/b:1").to_oci();
        assert_eq!(o.registry(), "localhost:5000");
        assert_eq!(o.repository(), "a/b");
        assert_eq!(o.tag(), Some("1"));
        assert_eq!(o.digest(), None);

        let o = p(&format!("a:t@sha256:{HEX}")).to_oci();
        assert_eq!(o.tag(), Some("t"));
        assert_eq!(o.digest(), Some(format!("sha256:{HEX}").as_str()));
        assert_eq!(o.whole(), format!("docker.io/library/a:t@sha256:{HEX}"));

        let o = p(&format!("a@sha256:{HEX}")).to_oci();
        assert_eq!(o.tag(), None);

        let bare = Reference {
            registry: "r.io".into(),
            repository: "x".into(),
            tag: None,
            digest: None,
        };
        assert_eq!(bare.to_oci().tag(), Some("latest"));
    }

    #[test]
    fn round_trips_through_display() {
        for s in [
            "alpine",
            "user/app:1",
            "localhost:5000/a/b:tag",
            "[::1]:5000/x:y",
        ] {
            let r = p(s);
            assert_eq!(p(&r.whole()), r, "{s}");
        }
    }

    #[test]
    fn local_names_and_columns() {
        assert_eq!(local_name("app").unwrap(), "localhost/app:latest");
        assert_eq!(local_name("app:1").unwrap(), "localhost/app:1");
        assert_eq!(local_name("quay.io/x/y:2").unwrap(), "quay.io/x/y:2");
        assert_eq!(
            local_name(&format!("quay.io/x/y@sha256:{HEX}"))
                .unwrap_err()
                .to_string(),
            format!("quay.io/x/y@sha256:{HEX}: a tag cannot contain a digest")
        );
        assert!(local_name("Bad").is_err());
        assert_eq!(
            repo_tag("localhost:5000/a:1"),
            ("localhost:5000/a".into(), "1".into())
        );
        assert_eq!(
            repo_tag("localhost:5000/a"),
            ("localhost:5000/a".into(), "<none>".into())
        );
    }
}
