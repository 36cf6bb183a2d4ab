//! One filter type for every list, prune and `events`: parsed from the CLI's repeated
//! `--filter KEY=VALUE` or from the Docker API's JSON (`{"label":["a=b"]}`, or the legacy
//! `{"label":{"a=b":true}}`), matched with Docker's rules: values of one key are
//! alternatives, different keys must all match, except `label` (every one must be
//! carried) and `label!` (none may be).
//!
//! Keys whose meaning is the same for every kind (`label`, `label!`, `until`) are matched
//! here; each kind ([`Filterable`], implemented in [`kinds`]) says which keys it accepts
//! and how the others match it.

use std::collections::BTreeMap;

use crate::time::parse_timestamp;

pub mod kinds;

pub use kinds::{ImageView, VolumeView};

/// What the prune commands accept, for every kind.
pub const PRUNE_KEYS: &[&str] = &["until", "label", "label!"];

/// Container states a `status=` filter may name (Podman's set: Docker's and its own).
const STATUSES: &[&str] = &[
    "created",
    "initialized",
    "running",
    "paused",
    "exited",
    "restarting",
    "removing",
    "dead",
    "stopped",
    "configured",
    "unknown",
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("invalid filter {0:?}: expected KEY=VALUE")]
    Syntax(String),
    #[error("invalid filter key {key:?}: use {}", one_of(accepted))]
    Key {
        key: String,
        accepted: &'static [&'static str],
    },
    #[error("invalid filter {key}={value:?}: {why}")]
    Value {
        key: String,
        value: String,
        why: String,
    },
    #[error("invalid filters JSON: {0}")]
    Json(String),
}

fn one_of(words: &[&str]) -> String {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => words.join(""),
    }
}

fn bad_value(key: &str, value: &str, why: impl Into<String>) -> FilterError {
    FilterError::Value {
        key: key.to_string(),
        value: value.to_string(),
        why: why.into(),
    }
}

/// Something a filter can select: a container, an image, a network, a volume, an event.
pub trait Filterable {
    /// Every key this kind can be filtered by (`label`, `label!` and `until` included when
    /// they apply).
    const KEYS: &'static [&'static str];
    /// What `label=` looks at (an event's attributes).
    fn labels(&self) -> &BTreeMap<String, String>;
    /// Creation time in Unix seconds, for `until=` (None: unknown, never selected).
    fn created(&self) -> Option<i64>;
    /// Whether one value of a kind-specific key selects this item.
    fn matches(&self, key: &str, value: &str) -> Result<bool, FilterError>;
    /// Refuse a value of a kind-specific key no item could match.
    fn check(_key: &str, _value: &str) -> Result<(), FilterError> {
        Ok(())
    }
}

/// Parsed filters: each key with its values, in the order given.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Filters {
    by_key: BTreeMap<String, Vec<String>>,
}

impl Filters {
    /// `--filter KEY=VALUE`, repeated. `label!=x` is the key `label!`, as in Docker.
    pub fn parse(raw: &[String]) -> Result<Filters, FilterError> {
        let mut f = Filters::default();
        for item in raw {
            let (k, v) = item
                .split_once('=')
                .filter(|(k, _)| !k.is_empty())
                .ok_or_else(|| FilterError::Syntax(item.clone()))?;
            f.add(k, v);
        }
        Ok(f)
    }

    /// The `filters` query parameter of the Docker API: a JSON object mapping each key to
    /// a list of values, or (before API 1.22) to an object of values set to true.
    pub fn from_json(json: &str) -> Result<Filters, FilterError> {
        let bad = |why: &str| FilterError::Json(why.to_string());
        let mut f = Filters::default();
        if json.trim().is_empty() {
            return Ok(f);
        }
        let v: serde_json::Value =
            serde_json::from_str(json).map_err(|e| FilterError::Json(e.to_string()))?;
        let obj = v.as_object().ok_or_else(|| bad("expected an object"))?;
        for (key, values) in obj {
            match values {
                serde_json::Value::Array(list) => {
                    for item in list {
                        let s = item
                            .as_str()
                            .ok_or_else(|| bad("filter values must be strings"))?;
                        f.add(key, s);
                    }
                }
                serde_json::Value::Object(set) => {
                    for (s, on) in set {
                        match on {
                            serde_json::Value::Bool(true) => f.add(key, s),
                            serde_json::Value::Bool(false) => {}
                            _ => return Err(bad("legacy filter values must be true or false")),
                        }
                    }
                }
                _ => return Err(bad("each filter must be a list of strings")),
            }
        }
        Ok(f)
    }

    /// `--filter` values parsed and checked against what `T` accepts.
    pub fn for_kind<T: Filterable>(raw: &[String]) -> Result<Filters, FilterError> {
        Filters::parse(raw)?.checked::<T>()
    }

    /// These filters checked against what `T` accepts (for the API's JSON form).
    pub fn checked<T: Filterable>(self) -> Result<Filters, FilterError> {
        let f = self.accept(T::KEYS)?;
        for (key, values) in &f.by_key {
            for v in values {
                T::check(key, v)?;
            }
        }
        Ok(f)
    }

    fn add(&mut self, key: &str, value: &str) {
        self.by_key
            .entry(key.to_string())
            .or_default()
            .push(value.to_string());
    }

    /// Refuse keys outside `accepted` and values no item could match (a bad time, a
    /// status that does not exist, ...), so a typo fails even when the list is empty.
    /// `until` is fixed to Unix seconds here: a duration is counted back from now.
    pub fn accept(mut self, accepted: &'static [&'static str]) -> Result<Filters, FilterError> {
        let now = chrono::Utc::now();
        for (key, values) in &mut self.by_key {
            if !accepted.contains(&key.as_str()) {
                return Err(FilterError::Key {
                    key: key.clone(),
                    accepted,
                });
            }
            for v in values.iter_mut() {
                match key.as_str() {
                    "until" => {
                        let t = parse_timestamp(v, now)
                            .map_err(|e| bad_value(key, v, e.to_string()))?;
                        *v = t.timestamp().to_string();
                    }
                    "dangling" => {
                        parse_bool(key, v)?;
                    }
                    "name" => {
                        regex::Regex::new(v).map_err(|e| bad_value(key, v, e.to_string()))?;
                    }
                    _ => {}
                }
            }
        }
        Ok(self)
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    pub fn has(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// Remove a key the caller handles itself (the API's `dangling=` of image prune,
    /// `all=` of volume prune); its values.
    pub fn take(&mut self, key: &str) -> Vec<String> {
        self.by_key.remove(key).unwrap_or_default()
    }

    pub fn values(&self, key: &str) -> &[String] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }

    /// `before=`/`since=` name an object: replace each by the time `time_of` gives it
    /// (the caller knows where to look it up), so matching compares numbers.
    pub fn resolve_refs<E: std::fmt::Display>(
        &mut self,
        mut time_of: impl FnMut(&str) -> Result<i64, E>,
    ) -> Result<(), FilterError> {
        for key in ["before", "since"] {
            for v in self.by_key.get_mut(key).into_iter().flatten() {
                *v = time_of(v)
                    .map_err(|e| bad_value(key, v, e.to_string()))?
                    .to_string();
            }
        }
        Ok(())
    }

    /// Whether `item` is selected by every key.
    pub fn matches<T: Filterable>(&self, item: &T) -> Result<bool, FilterError> {
        for (key, values) in &self.by_key {
            let hit = match key.as_str() {
                "label" => values.iter().all(|l| has_label(item.labels(), l)),
                "label!" => !values.iter().any(|l| has_label(item.labels(), l)),
                "until" => {
                    let mut hit = false;
                    for v in values {
                        let until: i64 = v
                            .parse()
                            .map_err(|_| bad_value(key, v, "expected Unix seconds"))?;
                        hit |= item.created().is_some_and(|c| c < until);
                    }
                    hit
                }
                _ => {
                    let mut hit = false;
                    for v in values {
                        hit = item.matches(key, v)?;
                        if hit {
                            break;
                        }
                    }
                    hit
                }
            };
            if !hit {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The items of `list` every key selects.
    pub fn select<T: Filterable>(&self, list: Vec<T>) -> Result<Vec<T>, FilterError> {
        let mut kept = Vec::with_capacity(list.len());
        for item in list {
            if self.matches(&item)? {
                kept.push(item);
            }
        }
        Ok(kept)
    }
}

/// `KEY` (carried, any value) or `KEY=VALUE`.
fn has_label(labels: &BTreeMap<String, String>, filter: &str) -> bool {
    match filter.split_once('=') {
        Some((k, v)) => labels.get(k).is_some_and(|x| x == v),
        None => labels.contains_key(filter),
    }
}

/// `true`/`1` or `false`/`0`, as Docker takes `dangling=`.
pub fn parse_bool(key: &str, value: &str) -> Result<bool, FilterError> {
    match value {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(bad_value(key, value, "expected true or false")),
    }
}

/// `name=`: a regular expression searched anywhere in the name, as Docker and Podman do
/// (so a plain word matches as a substring). Docker's names start with `/`, so a pattern
/// anchored on that matches too.
pub fn name_matches(pattern: &str, name: &str) -> Result<bool, FilterError> {
    let re = regex::Regex::new(pattern).map_err(|e| bad_value("name", pattern, e.to_string()))?;
    Ok(re.is_match(name) || re.is_match(&format!("/{name}")))
}

/// An ID prefix (with or without `sha256:`).
pub fn id_matches(prefix: &str, id: &str) -> bool {
    let bare = |s: &str| s.trim_start_matches("sha256:").to_string();
    bare(id).starts_with(&bare(prefix))
}

/// `reference=` and `cove images PATTERN`: a glob over `repo` or `repo:tag`, also
/// matching on the last path components (`busybox` selects `docker.io/library/busybox`).
pub fn reference_matches(pattern: &str, repo: &str, tag: &str) -> bool {
    let full = format!("{repo}:{tag}");
    glob_match(pattern, repo)
        || glob_match(pattern, &full)
        || repo.ends_with(&format!("/{pattern}"))
        || full.ends_with(&format!("/{pattern}"))
        || glob_match(&format!("*/{pattern}"), repo)
}

fn glob_match(pattern: &str, s: &str) -> bool {
    fn rec(p: &[u8], s: &[u8]) -> bool {
        match (p.first(), s.first()) {
            (None, None) => true,
            (Some(b'*'), _) => rec(&p[1..], s) || (!s.is_empty() && rec(p, &s[1..])),
            (Some(a), Some(b)) if a == b => rec(&p[1..], &s[1..]),
            _ => false,
        }
    }
    rec(pattern.as_bytes(), s.as_bytes())
}

#[cfg(test)]
mod tests;
