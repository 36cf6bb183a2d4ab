//! The containers trust policy (policy.json) that `image trust` edits and every pull from
//! a registry, `load` and `import` obey: `insecureAcceptAnything` and `reject` are
//! enforced per transport and scope as containers/image does; a scope that requires
//! signatures (`signedBy`, `sigstoreSigned`) refuses the image, because cove verifies no
//! signatures and must not let such an image in unchecked (and archives carry none).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::image::reference::Reference;
use crate::paths::Paths;

pub const SYSTEM_POLICY: &str = "/etc/containers/policy.json";

#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid policy {path}: {reason}")]
    Invalid { path: String, reason: String },
    #[error("invalid choice: {0} (choose from 'accept', 'reject', 'signedBy')")]
    Type(String),
    #[error("at least one public key must be defined for type 'signedBy'")]
    NoKeys,
    #[error("public key file {path}: {reason}")]
    Key { path: String, reason: String },
    /// The image as containers/image names it: `docker://REF`, `docker-archive:PATH:REF`...
    #[error("Source image rejected: Running image {0} is rejected by policy.")]
    Rejected(String),
    /// A local archive where the policy wants signatures: archives carry none.
    #[error("Source image rejected: A signature was required, but no signature exists")]
    Unsigned,
    #[error(
        "Source image rejected: the trust policy requires signed images ({kind}) for {scope}, \
         and cove does not support signature verification"
    )]
    SignatureRequired { kind: String, scope: String },
    #[error("Source image rejected: unknown policy requirement type {kind:?} for {scope}")]
    UnknownRequirement { kind: String, scope: String },
}

/// policy.json: requirements for everything (`default`) and per transport and scope.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Policy {
    #[serde(default)]
    pub default: Vec<Value>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub transports: BTreeMap<String, BTreeMap<String, Vec<Value>>>,
}

/// What `image trust set --type` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustType {
    Accept,
    Reject,
    SignedBy,
}

impl std::str::FromStr for TrustType {
    type Err = TrustError;
    fn from_str(s: &str) -> Result<Self, TrustError> {
        match s {
            "accept" => Ok(TrustType::Accept),
            "reject" => Ok(TrustType::Reject),
            "signedBy" => Ok(TrustType::SignedBy),
            other => Err(TrustError::Type(other.to_string())),
        }
    }
}

/// One line of `image trust show`, with Podman's JSON names.
#[derive(Debug, Clone, Serialize)]
pub struct TrustRow {
    pub transport: String,
    pub name: String,
    pub repo_name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
}

/// The file pulls obey: the user's when it exists (rootless), else the system's.
pub fn read_path(paths: &Paths) -> PathBuf {
    let user = paths.config.join("policy.json");
    if user.exists() {
        user
    } else {
        PathBuf::from(SYSTEM_POLICY)
    }
}

/// The file `trust set` writes: the user's own (root's config directory is
/// /etc/containers, so root writes the system's).
pub fn write_path(paths: &Paths) -> PathBuf {
    paths.config.join("policy.json")
}

impl Policy {
    /// The policy at `path`; None when there is no such file.
    pub fn load(path: &Path) -> Result<Option<Policy>, TrustError> {
        let text = match std::fs::read(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(TrustError::Io {
                    path: path.display().to_string(),
                    source,
                })
            }
        };
        serde_json::from_slice(&text)
            .map(Some)
            .map_err(|e| TrustError::Invalid {
                path: path.display().to_string(),
                reason: e.to_string(),
            })
    }

    /// The policy pulls, loads and imports obey; accepting everything where no file
    /// exists at all.
    pub fn in_force(paths: &Paths) -> Result<Policy, TrustError> {
        Ok(Policy::load(&read_path(paths))?.unwrap_or_else(|| Policy {
            default: vec![json!({"type": "insecureAcceptAnything"})],
            transports: BTreeMap::new(),
        }))
    }

    /// Podman's `trust set`: `scope` ("default", or a registry, repository or namespace)
    /// gets exactly this requirement.
    pub fn set(
        &mut self,
        scope: &str,
        kind: TrustType,
        keys: &[PathBuf],
    ) -> Result<(), TrustError> {
        let reqs = match kind {
            TrustType::Accept => vec![json!({"type": "insecureAcceptAnything"})],
            TrustType::Reject => vec![json!({"type": "reject"})],
            TrustType::SignedBy if keys.is_empty() => return Err(TrustError::NoKeys),
            TrustType::SignedBy => keys
                .iter()
                .map(|k| {
                    let abs = std::path::absolute(k).unwrap_or_else(|_| k.clone());
                    std::fs::metadata(&abs).map_err(|e| TrustError::Key {
                        path: abs.display().to_string(),
                        reason: e.to_string(),
                    })?;
                    Ok(json!({"type": "signedBy", "keyType": "GPGKeys", "keyPath": abs}))
                })
                .collect::<Result<_, TrustError>>()?,
        };
        if scope == "default" {
            self.default = reqs;
        } else {
            self.transports
                .entry("docker".into())
                .or_default()
                .insert(scope.to_string(), reqs);
        }
        Ok(())
    }

    /// Write the policy as Podman does (4-space indentation).
    pub fn save(&self, path: &Path) -> Result<(), TrustError> {
        let io = |source| TrustError::Io {
            path: path.display().to_string(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, crate::format::pretty(self)).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }

    /// `image trust show`'s rows: the default, then each transport's scopes.
    pub fn rows(&self) -> Vec<TrustRow> {
        let mut rows: Vec<TrustRow> = self
            .default
            .iter()
            .map(|r| row("all", "* (default)", "default", r))
            .collect();
        for (transport, scopes) in &self.transports {
            let shown = match transport.as_str() {
                "docker" => "repository",
                t => t,
            };
            for (scope, reqs) in scopes {
                let name = if scope.is_empty() { "default" } else { scope };
                rows.extend(reqs.iter().map(|r| row(shown, name, name, r)));
            }
        }
        rows
    }

    /// May an image be pulled from `r`? The most specific scope of the docker transport
    /// that the policy names decides, as in containers/image; then its default.
    pub fn check(&self, r: &Reference) -> Result<(), TrustError> {
        let (scope, reqs) = self.requirements("docker", scopes(r));
        let signed = |kind: &str| TrustError::SignatureRequired {
            kind: kind.to_string(),
            scope: scope.clone(),
        };
        accept(reqs, &format!("docker://{}", r.whole()), &scope, signed)
    }

    /// May `load` or `import` take an image from this file? As in containers/image: the
    /// docker-archive and tarball transports know only their default scope (""), an
    /// oci-archive is also matched by its resolved path and the directories above it.
    pub fn check_local(&self, image: &LocalImage) -> Result<(), TrustError> {
        let mut scopes = Vec::new();
        if let (LocalTransport::OciArchive, Some(file)) = (image.transport, image.file) {
            let resolved = std::fs::canonicalize(file)
                .or_else(|_| std::path::absolute(file))
                .unwrap_or_else(|_| file.to_path_buf());
            scopes.extend(
                resolved
                    .ancestors()
                    .filter(|p| *p != Path::new("/") && !p.as_os_str().is_empty())
                    .map(|p| p.display().to_string()),
            );
        }
        scopes.push(String::new());
        let (scope, reqs) = self.requirements(image.transport.name(), scopes);
        accept(reqs, &image.to_string(), &scope, |_| TrustError::Unsigned)
    }

    /// The requirements of the first of `scopes` that `transport` names, else the default;
    /// and that scope.
    fn requirements(&self, transport: &str, scopes: Vec<String>) -> (String, &[Value]) {
        let named = self.transports.get(transport);
        scopes
            .into_iter()
            .find_map(|s| {
                named
                    .and_then(|t| t.get(&s))
                    .map(|reqs| (s, reqs.as_slice()))
            })
            .unwrap_or_else(|| ("default".into(), &self.default))
    }
}

/// Whether every requirement accepts `image` (containers/image's name of it). Nothing is
/// signed that cove could verify: a signature requirement fails with `signed`'s error.
fn accept(
    reqs: &[Value],
    image: &str,
    scope: &str,
    signed: impl Fn(&str) -> TrustError,
) -> Result<(), TrustError> {
    if reqs.is_empty() {
        return Err(TrustError::Rejected(image.to_string()));
    }
    for req in reqs {
        match req.get("type").and_then(Value::as_str).unwrap_or_default() {
            "insecureAcceptAnything" => {}
            "reject" => return Err(TrustError::Rejected(image.to_string())),
            kind @ ("signedBy" | "sigstoreSigned") => return Err(signed(kind)),
            kind => {
                return Err(TrustError::UnknownRequirement {
                    kind: kind.to_string(),
                    scope: scope.to_string(),
                })
            }
        }
    }
    Ok(())
}

/// The transports of images read from local files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTransport {
    DockerArchive,
    OciArchive,
    /// A filesystem tarball (`import`).
    Tarball,
}

impl LocalTransport {
    pub fn name(self) -> &'static str {
        match self {
            LocalTransport::DockerArchive => "docker-archive",
            LocalTransport::OciArchive => "oci-archive",
            LocalTransport::Tarball => "tarball",
        }
    }
}

/// An image read from a local file, as the policy sees it.
#[derive(Debug, Clone)]
pub struct LocalImage<'a> {
    pub transport: LocalTransport,
    /// As the user named it; None for standard input (or an API request's body).
    pub file: Option<&'a Path>,
    /// Which image of a docker-archive: its first name, or `@INDEX` when it has none.
    pub image: String,
}

/// containers/image's name of it, for messages: `docker-archive:PATH:NAME`,
/// `oci-archive:PATH:` (the image within it is empty), `tarball:PATH`.
impl std::fmt::Display for LocalImage<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self
            .file
            .map_or_else(|| "/dev/stdin".into(), |p| p.display().to_string());
        match self.transport {
            LocalTransport::DockerArchive => write!(f, "docker-archive:{path}:{}", self.image),
            LocalTransport::OciArchive => write!(f, "oci-archive:{path}:{}", self.image),
            LocalTransport::Tarball => write!(f, "tarball:{path}"),
        }
    }
}

fn row(transport: &str, name: &str, repo_name: &str, req: &Value) -> TrustRow {
    let kind = match req.get("type").and_then(Value::as_str).unwrap_or_default() {
        "insecureAcceptAnything" => "accept",
        "signedBy" => "signed",
        "sigstoreSigned" => "sigstoreSigned",
        other => other,
    };
    let keys = req
        .get("keyPath")
        .and_then(Value::as_str)
        .map(|k| vec![k.to_string()])
        .unwrap_or_default();
    TrustRow {
        transport: transport.into(),
        name: name.into(),
        repo_name: repo_name.into(),
        kind: kind.into(),
        keys,
    }
}

/// containers/image's scopes of a docker reference, most specific first: the reference
/// itself, the repository, each enclosing namespace, the registry, `*.` wildcards of the
/// registry's domain, and the transport's own default ("").
fn scopes(r: &Reference) -> Vec<String> {
    let repo = r.repository_with_registry();
    let mut out = vec![r.whole(), repo.clone()];
    let mut rest = repo.as_str();
    while let Some((parent, _)) = rest.rsplit_once('/') {
        out.push(parent.to_string());
        rest = parent;
    }
    let host = r.registry.split(':').next().unwrap_or(&r.registry);
    let mut domain = host;
    while let Some((_, parent)) = domain.split_once('.') {
        out.push(format!("*.{parent}"));
        domain = parent;
    }
    out.push(String::new());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(text: &str) -> Policy {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn the_most_specific_scope_decides() {
        let p = policy(
            r#"{"default":[{"type":"reject"}],"transports":{"docker":{
                "reg.example.com/ns":[{"type":"insecureAcceptAnything"}],
                "reg.example.com/ns/bad":[{"type":"reject"}],
                "*.example.com":[{"type":"signedBy","keyType":"GPGKeys","keyPath":"/k"}]}}}"#,
        );
        let r = |s: &str| Reference::parse(s).unwrap();
        assert!(p.check(&r("reg.example.com/ns/app:1")).is_ok());
        assert!(matches!(
            p.check(&r("reg.example.com/ns/bad")),
            Err(TrustError::Rejected(_))
        ));
        let err = p
            .check(&r("reg.example.com/other"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("signature verification"), "{err}");
        assert!(matches!(
            p.check(&r("quay.io/x")),
            Err(TrustError::Rejected(_))
        ));
    }

    #[test]
    fn archives_and_tarballs_are_matched_by_transport_and_oci_path() {
        let p = policy(
            r#"{"default":[{"type":"reject"}],"transports":{
                "docker-archive":{"":[{"type":"insecureAcceptAnything"}]},
                "oci-archive":{"/srv/images":[{"type":"insecureAcceptAnything"}]},
                "tarball":{"":[{"type":"signedBy","keyType":"GPGKeys","keyPath":"/k"}]}}}"#,
        );
        let local = |transport, file: &'static str, image: &str| LocalImage {
            transport,
            file: Some(Path::new(file)),
            image: image.into(),
        };
        let docker = local(
            LocalTransport::DockerArchive,
            "x.tar",
            "docker.io/library/a:1",
        );
        assert!(p.check_local(&docker).is_ok());
        assert!(p
            .check_local(&local(
                LocalTransport::OciArchive,
                "/srv/images/a/b.tar",
                ""
            ))
            .is_ok());
        assert_eq!(
            p.check_local(&local(LocalTransport::OciArchive, "/srv/b.tar", ""))
                .unwrap_err()
                .to_string(),
            "Source image rejected: Running image oci-archive:/srv/b.tar: is rejected by policy."
        );
        assert_eq!(
            p.check_local(&local(LocalTransport::Tarball, "fs.tar", ""))
                .unwrap_err()
                .to_string(),
            "Source image rejected: A signature was required, but no signature exists"
        );
        let rejecting = policy(r#"{"default":[{"type":"reject"}]}"#);
        let stdin = LocalImage {
            file: None,
            ..docker
        };
        assert_eq!(
            rejecting.check_local(&stdin).unwrap_err().to_string(),
            "Source image rejected: Running image \
             docker-archive:/dev/stdin:docker.io/library/a:1 is rejected by policy."
        );
    }

    #[test]
    fn set_replaces_a_scope_and_show_lists_it() {
        let mut p = policy(r#"{"default":[{"type":"insecureAcceptAnything"}]}"#);
        p.set("docker.io", TrustType::Reject, &[]).unwrap();
        assert!(matches!(
            p.set("x", TrustType::SignedBy, &[]),
            Err(TrustError::NoKeys)
        ));
        let rows: Vec<(String, String, String)> = p
            .rows()
            .into_iter()
            .map(|r| (r.transport, r.repo_name, r.kind))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("all".into(), "default".into(), "accept".into()),
                ("repository".into(), "docker.io".into(), "reject".into())
            ]
        );
    }
}
