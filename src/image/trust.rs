//! The containers trust policy (policy.json) that `image trust` edits and every pull from
//! a registry obeys: `insecureAcceptAnything` and `reject` are enforced per registry
//! scope as containers/image does; a scope that requires signatures (`signedBy`,
//! `sigstoreSigned`) refuses the pull, because cove verifies no signatures and must not
//! let such an image in unchecked.

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
    #[error("Source image rejected: Running image docker://{0} is rejected by policy.")]
    Rejected(String),
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

    /// The policy pulls obey; accepting everything where no file exists at all.
    pub fn for_pulls(paths: &Paths) -> Result<Policy, TrustError> {
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
        let docker = self.transports.get("docker");
        let (scope, reqs) = scopes(r)
            .into_iter()
            .find_map(|s| docker.and_then(|d| d.get(&s)).map(|reqs| (s, reqs)))
            .unwrap_or_else(|| ("default".into(), &self.default));
        if reqs.is_empty() {
            return Err(TrustError::Rejected(r.whole()));
        }
        for req in reqs {
            match req.get("type").and_then(Value::as_str).unwrap_or_default() {
                "insecureAcceptAnything" => {}
                "reject" => return Err(TrustError::Rejected(r.whole())),
                kind @ ("signedBy" | "sigstoreSigned") => {
                    return Err(TrustError::SignatureRequired {
                        kind: kind.to_string(),
                        scope,
                    })
                }
                kind => {
                    return Err(TrustError::UnknownRequirement {
                        kind: kind.to_string(),
                        scope,
                    })
                }
            }
        }
        Ok(())
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
