//! Removing what nothing uses: stopped containers, networks without containers, images
//! without containers (dangling ones, or all), volumes no container mounts. One function
//! per kind, shared by `system prune` and the `container/image/volume/network prune`
//! commands; each returns what it removed and the space that freed.

use std::collections::BTreeMap;

use super::disk_usage::{container_size, tree_size};
use super::{Result, SystemError};
use crate::container::{ContainerError, Engine};
use crate::image::store::Store;
use crate::time::{parse_rfc3339, parse_timestamp};
use crate::volume;

/// Something removed: its ID (containers, images) or name (volumes), and the bytes freed.
#[derive(Debug, Clone)]
pub struct Pruned {
    pub id: String,
    pub size: u64,
}

/// `--filter` of the prune commands, as Podman has them: `until=TIMESTAMP|DURATION`
/// (created before), `label=KEY[=VALUE]` (must carry) and `label!=KEY[=VALUE]` (must not).
#[derive(Debug, Default)]
pub struct Filters {
    /// Unix seconds.
    until: Option<i64>,
    labels: Vec<(String, Option<String>)>,
    not_labels: Vec<(String, Option<String>)>,
}

impl Filters {
    pub fn parse(raw: &[String]) -> Result<Filters> {
        let mut f = Filters::default();
        for item in raw {
            let bad = |why: &str| SystemError::Filter(item.clone(), why.into());
            let label = |v: &str| match v.split_once('=') {
                Some((k, v)) => (k.to_string(), Some(v.to_string())),
                None => (v.to_string(), None),
            };
            if let Some(v) = item.strip_prefix("label!=") {
                f.not_labels.push(label(v));
            } else if let Some(v) = item.strip_prefix("label=") {
                f.labels.push(label(v));
            } else if let Some(v) = item.strip_prefix("until=") {
                let t = parse_timestamp(v, chrono::Utc::now()).map_err(|e| bad(&e.to_string()))?;
                f.until = Some(t.timestamp());
            } else {
                return Err(bad("supported: until=, label=, label!="));
            }
        }
        Ok(f)
    }

    /// `created` in Unix seconds (None when unknown: kept by an `until` filter).
    pub fn matches(&self, created: Option<i64>, labels: &BTreeMap<String, String>) -> bool {
        let has = |(k, v): &(String, Option<String>)| match v {
            Some(v) => labels.get(k) == Some(v),
            None => labels.contains_key(k),
        };
        if let Some(until) = self.until {
            if created.is_none_or(|c| c >= until) {
                return false;
            }
        }
        self.labels.iter().all(has) && !self.not_labels.iter().any(has)
    }
}

fn image_labels(config: &[u8]) -> BTreeMap<String, String> {
    serde_json::from_slice::<serde_json::Value>(config)
        .ok()
        .and_then(|v| v.pointer("/config/Labels").cloned())
        .and_then(|l| serde_json::from_value(l).ok())
        .unwrap_or_default()
}

fn rfc3339_secs(s: &str) -> Option<i64> {
    parse_rfc3339(s).map(|t| t.timestamp())
}

/// Containers that are stopped (not running, paused or about to restart).
pub fn containers(engine: &Engine, filters: &Filters) -> Result<Vec<Pruned>> {
    let mut out = Vec::new();
    for mut c in engine.list()? {
        let created = c.created_at / 1_000_000_000;
        if !c.state.status.is_stopped() || !filters.matches(Some(created), &c.config.labels) {
            continue;
        }
        let size = container_size(engine, &c.id);
        match engine.remove(&mut c, false, false) {
            Ok(()) => out.push(Pruned { id: c.id, size }),
            // Started or removed by someone else meanwhile: not ours to prune.
            Err(ContainerError::Running(_))
            | Err(ContainerError::Restarting(_))
            | Err(ContainerError::NotFound(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// User-defined networks no container is configured to join; their names.
pub fn networks(engine: &Engine, filters: &Filters) -> Result<Vec<String>> {
    let all = engine.list()?;
    let mut out = Vec::new();
    for net in engine.networks().list()? {
        let used = all
            .iter()
            .any(|c| c.config.attachments.iter().any(|a| a.network == net.name));
        if used || !filters.matches(rfc3339_secs(&net.created), &net.labels) {
            continue;
        }
        engine.delete_network(&net)?;
        out.push(net.name);
    }
    Ok(out)
}

/// Images no container was created from: those without names, or with `all` every one.
/// Layers and blobs nothing references any more go with them.
pub fn images(store: &Store, all: bool, filters: &Filters) -> Result<Vec<Pruned>> {
    let mut out = Vec::new();
    // Not in the `for` head: the guard would live through the loop and deadlock on the
    // next `store.db()`.
    let images = store.db().images()?;
    for img in images {
        if !store.db().containers_using(&img.id)?.is_empty() {
            continue;
        }
        if !all && !store.db().names_of(&img.id)?.is_empty() {
            continue;
        }
        if !filters.matches(rfc3339_secs(&img.created), &image_labels(&img.config)) {
            continue;
        }
        let size = store.delete_image(&img.id)?;
        out.push(Pruned { id: img.id, size });
    }
    store.collect_garbage()?;
    Ok(out)
}

/// Volumes no container mounts.
pub fn volumes(engine: &Engine, filters: &Filters) -> Result<Vec<Pruned>> {
    let users = engine.volume_users()?;
    let mut out = Vec::new();
    for v in volume::list(&engine.store)? {
        if users.contains_key(&v.name) || !filters.matches(Some(v.created_at), &v.labels) {
            continue;
        }
        let size = tree_size(&volume::data_dir(&engine.store, &v.name));
        volume::remove(&engine.store, &v.name)?;
        out.push(Pruned { id: v.name, size });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn filters_select_by_label_and_age() {
        let f = Filters::parse(&["label=app=web".into(), "label!=keep".into()]).unwrap();
        assert!(f.matches(None, &labels(&[("app", "web")])));
        assert!(!f.matches(None, &labels(&[("app", "db")])));
        assert!(!f.matches(None, &labels(&[("app", "web"), ("keep", "1")])));

        let f = Filters::parse(&["until=1000".into()]).unwrap();
        assert!(f.matches(Some(999), &BTreeMap::new()));
        assert!(!f.matches(Some(1000), &BTreeMap::new()));
        assert!(!f.matches(None, &BTreeMap::new()));

        assert!(Filters::parse(&["name=x".into()]).is_err());
        assert!(Filters::parse(&["until=later".into()]).is_err());
        // A duration is that long before now.
        let f = Filters::parse(&["until=24h".into()]).unwrap();
        let now = chrono::Utc::now().timestamp();
        assert!(f.matches(Some(now - 86_400 - 60), &BTreeMap::new()));
        assert!(!f.matches(Some(now - 86_400 + 60), &BTreeMap::new()));
    }
}
