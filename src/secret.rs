//! Secrets: small blobs (passwords, keys) kept in the store and handed to containers with
//! `--secret`, as a read-only file under /run/secrets or as an environment variable,
//! without being part of the image or of the container's recorded configuration.
//! Podman's "file" driver is the only one: the data sits in the store's database, in the
//! user's private data directory, unencrypted, as Podman's file driver keeps it.

use std::collections::BTreeMap;

use crate::image::store::Store;
use crate::storage::db::{DbError, SecretRow};

/// Podman's bound: the data must be non-empty and below this many bytes.
pub const MAX_SIZE: usize = 512_000;

/// The only driver: the data is stored by cove itself.
pub const DRIVER: &str = "file";

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("no secret with name or id \"{0}\": no such secret")]
    NotFound(String),
    #[error("{0}: secret name in use")]
    NameInUse(String),
    #[error(
        "only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be \
         [a-zA-Z0-9]: {0}: invalid secret name"
    )]
    InvalidName(String),
    #[error("secret data must be larger than 0 and less than {MAX_SIZE} bytes")]
    Size,
    #[error("unsupported secret driver \"{0}\": only \"file\" exists in cove")]
    Driver(String),
    #[error("more than one secret matches the ID prefix \"{0}\": give more of it")]
    Ambiguous(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("naming the secret: {0}")]
    Id(#[from] crate::container::names::NameError),
}

pub type Result<T> = std::result::Result<T, SecretError>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    /// 25 hex digits, as Podman's.
    pub id: String,
    pub name: String,
    pub driver: String,
    pub options: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    /// Unix nanoseconds.
    pub created_at: i64,
    pub updated_at: i64,
}

impl Secret {
    fn from_row(r: SecretRow) -> Secret {
        Secret {
            id: r.id,
            name: r.name,
            driver: r.driver,
            options: serde_json::from_str(&r.options).unwrap_or_default(),
            labels: serde_json::from_str(&r.labels).unwrap_or_default(),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }

    pub fn created(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp_nanos(self.created_at)
    }

    pub fn updated(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp_nanos(self.updated_at)
    }
}

/// What `secret create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateSecret {
    pub name: String,
    pub data: Vec<u8>,
    /// None: "file".
    pub driver: Option<String>,
    pub driver_options: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
}

/// `secret inspect` in Podman's shape.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SecretReport {
    #[serde(rename = "ID")]
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub spec: SecretSpec,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SecretSpec {
    pub name: String,
    pub driver: SecretDriver,
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SecretDriver {
    pub name: String,
    pub options: BTreeMap<String, String>,
}

pub fn report(s: &Secret) -> SecretReport {
    let time =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    SecretReport {
        id: s.id.clone(),
        created_at: time(s.created()),
        updated_at: time(s.updated()),
        spec: SecretSpec {
            name: s.name.clone(),
            driver: SecretDriver {
                name: s.driver.clone(),
                options: s.options.clone(),
            },
            labels: s.labels.clone(),
        },
    }
}

/// Podman's rule: 1 to 64 of `[a-zA-Z0-9_.-]`, starting and ending alphanumeric.
pub fn validate_name(name: &str) -> Result<()> {
    let bytes = name.as_bytes();
    let edge_ok = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let ok = (1..=64).contains(&bytes.len())
        && edge_ok(bytes.first())
        && edge_ok(bytes.last())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(SecretError::InvalidName(name.to_string()))
    }
}

pub fn create(store: &Store, req: CreateSecret) -> Result<Secret> {
    validate_name(&req.name)?;
    let driver = req.driver.unwrap_or_else(|| DRIVER.to_string());
    if driver != DRIVER {
        return Err(SecretError::Driver(driver));
    }
    if req.data.is_empty() || req.data.len() >= MAX_SIZE {
        return Err(SecretError::Size);
    }
    let now = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let row = SecretRow {
        id: crate::container::names::new_id()?[..25].to_string(),
        name: req.name.clone(),
        driver,
        options: serde_json::to_string(&req.driver_options).unwrap_or_else(|_| "{}".into()),
        labels: serde_json::to_string(&req.labels).unwrap_or_else(|_| "{}".into()),
        data: req.data,
        created_at: now,
        updated_at: now,
    };
    if !store.db().insert_secret(&row)? {
        return Err(SecretError::NameInUse(req.name));
    }
    Ok(Secret::from_row(SecretRow {
        data: Vec::new(),
        ..row
    }))
}

pub fn list(store: &Store) -> Result<Vec<Secret>> {
    Ok(store
        .db()
        .secrets(false)?
        .into_iter()
        .map(Secret::from_row)
        .collect())
}

/// By name, full ID, or a unique ID prefix (names win, as in Podman).
pub fn find(store: &Store, name_or_id: &str) -> Result<Secret> {
    pick(list(store)?, name_or_id)
}

fn pick(all: Vec<Secret>, key: &str) -> Result<Secret> {
    if let Some(s) = all.iter().find(|s| s.name == key || s.id == key) {
        return Ok(s.clone());
    }
    let mut by_prefix = all
        .into_iter()
        .filter(|s| !key.is_empty() && s.id.starts_with(key));
    match (by_prefix.next(), by_prefix.next()) {
        (Some(s), None) => Ok(s),
        (Some(_), Some(_)) => Err(SecretError::Ambiguous(key.to_string())),
        _ => Err(SecretError::NotFound(key.to_string())),
    }
}

/// The secret's bytes, for a container being started.
pub fn data(store: &Store, id: &str) -> Result<Vec<u8>> {
    store
        .db()
        .secret_data(id)?
        .ok_or_else(|| SecretError::NotFound(id.to_string()))
}

/// Remove a secret; returns its ID. Containers that name it fail to start afterwards,
/// as in Podman, which also lets a secret in use be removed.
pub fn remove(store: &Store, name_or_id: &str) -> Result<String> {
    let s = find(store, name_or_id)?;
    if !store.db().delete_secret(&s.id)? {
        return Err(SecretError::NotFound(name_or_id.to_string()));
    }
    Ok(s.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(id: &str, name: &str) -> Secret {
        Secret {
            id: id.into(),
            name: name.into(),
            driver: DRIVER.into(),
            options: BTreeMap::new(),
            labels: BTreeMap::new(),
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn names_follow_podmans_rule() {
        for ok in ["a", "x.y-z_1", "A9", &"a".repeat(64)] {
            assert!(validate_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", ".x", "x.", "a b", "a/b", "a=b", "a,b", &"a".repeat(65)] {
            assert!(validate_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn lookup_by_name_id_and_unique_prefix() {
        let all = vec![secret("abc111", "one"), secret("abc222", "two")];
        assert_eq!(pick(all.clone(), "two").unwrap().id, "abc222");
        assert_eq!(pick(all.clone(), "abc111").unwrap().name, "one");
        assert_eq!(pick(all.clone(), "abc2").unwrap().name, "two");
        assert!(matches!(
            pick(all.clone(), "abc"),
            Err(SecretError::Ambiguous(_))
        ));
        assert!(matches!(
            pick(all.clone(), ""),
            Err(SecretError::NotFound(_))
        ));
        assert!(matches!(pick(all, "zzz"), Err(SecretError::NotFound(_))));
    }

    #[test]
    fn report_has_podmans_shape() {
        let mut s = secret("abc", "pw");
        s.labels.insert("a".into(), "b".into());
        let v = serde_json::to_value(report(&s)).unwrap();
        assert_eq!(v["ID"], "abc");
        assert_eq!(v["Spec"]["Name"], "pw");
        assert_eq!(v["Spec"]["Driver"]["Name"], "file");
        assert_eq!(v["Spec"]["Labels"]["a"], "b");
        assert_eq!(v["CreatedAt"], "1970-01-01T00:00:00Z");
    }
}
