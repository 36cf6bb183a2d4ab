//! What `images`, `image inspect` and `history` report, in the Docker Engine API's shape
//! (1.44 `ImageSummary`, `ImageInspect`, `HistoryResponseItem`), built from the store so
//! that the CLI and the API service show the same values.

use std::collections::BTreeMap;

use serde::Serialize;

use super::inspect::{self, HistoryEntry, ImageInspect};
use super::reference::repo_tag;
use super::store::{Store, StoreError};
use crate::filter::{FilterError, Filters, ImageView};
use crate::storage::db::ImageRecord;
use crate::time::parse_rfc3339;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Db(#[from] crate::storage::db::DbError),
    #[error(transparent)]
    Filter(#[from] FilterError),
}

/// One image of `GET /images/json` (and of `cove images`, one row per name).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImageSummary {
    /// `sha256:<hex>`.
    pub id: String,
    pub parent_id: String,
    /// The names the filters selected (all of them without a `reference=` filter).
    pub repo_tags: Vec<String>,
    pub repo_digests: Vec<String>,
    /// Unix seconds, from the image config.
    pub created: i64,
    pub size: u64,
    /// Docker's "not computed".
    pub shared_size: i64,
    pub virtual_size: u64,
    pub labels: BTreeMap<String, String>,
    /// Containers created from it.
    pub containers: i64,
    /// The manifest digest, for the CLI's DIGEST column.
    #[serde(skip)]
    pub digest: String,
    /// RFC 3339, as the config says it.
    #[serde(skip)]
    pub created_at: String,
    /// Every name it has had, the most recent first (Podman's History).
    #[serde(skip)]
    pub names_history: Vec<String>,
}

/// `name@digest` for each repository the image was pulled from by digest.
pub fn repo_digests(store: &Store, img: &ImageRecord) -> Result<Vec<String>, ReportError> {
    let mut v: Vec<String> = store
        .db()
        .digests_of(&img.id)?
        .into_iter()
        .map(|(r, d)| format!("{r}@{d}"))
        .collect();
    v.dedup();
    Ok(v)
}

/// The images `filters` select, each with the names that passed them: a `reference=`
/// filter keeps only the matching names (as dockerd does), an image without names is
/// seen as `<none>:<none>`. Intermediate images (untagged, with a child: a build's
/// steps) only with `all`, as in Podman and Docker.
pub fn list(store: &Store, filters: &Filters, all: bool) -> Result<Vec<ImageSummary>, ReportError> {
    let images = store.db().images()?;
    let lineage = super::lineage::Lineage::of(&images);
    let mut out = Vec::new();
    for img in &images {
        let names = store.db().names_of(&img.id)?;
        // An image pulled by digest is the user's, whatever was built on it.
        let intermediate = names.is_empty()
            && lineage.has_children(&img.id)
            && store.db().digests_of(&img.id)?.is_empty();
        if intermediate && !all {
            continue;
        }
        // Podman's dangling: no name and nothing built on it.
        let dangling = names.is_empty() && !intermediate;
        // Intermediate images too (with `all`): untagged is untagged.
        let rows: Vec<(String, String)> = if names.is_empty() {
            vec![("<none>".into(), "<none>".into())]
        } else {
            names.iter().map(|n| repo_tag(n)).collect()
        };
        let mut kept = Vec::new();
        let mut any = false;
        for (name, row) in names.iter().map(Some).chain([None]).zip(rows) {
            if filters.matches(&ImageView::new(img, dangling, vec![row]))? {
                any = true;
                kept.extend(name.cloned());
            }
        }
        if !any {
            continue;
        }
        out.push(summary(store, img, kept)?);
    }
    Ok(out)
}

fn summary(
    store: &Store,
    img: &ImageRecord,
    repo_tags: Vec<String>,
) -> Result<ImageSummary, ReportError> {
    let containers = store.db().containers_using(&img.id)?.len() as i64;
    Ok(ImageSummary {
        id: img.id.clone(),
        parent_id: String::new(),
        repo_tags,
        repo_digests: repo_digests(store, img)?,
        created: parse_rfc3339(&img.created).map_or(0, |t| t.timestamp()),
        size: img.size,
        shared_size: -1,
        virtual_size: img.size,
        labels: crate::filter::kinds::image_labels(&img.config),
        containers,
        digest: img.manifest_digest.clone(),
        created_at: img.created.clone(),
        names_history: store.db().name_history(&img.id)?,
    })
}

/// `image inspect` of a stored image: its names, digests and layer directories looked up.
pub fn inspect(
    store: &Store,
    driver: &str,
    img: &ImageRecord,
) -> Result<ImageInspect, ReportError> {
    let names = store.db().names_of(&img.id)?;
    let digests = repo_digests(store, img)?;
    let dirs = img
        .layers
        .iter()
        .map(|l| store.layer_dir(&l.diff_id).map(|p| p.display().to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut report = inspect::inspect(img, names, digests, driver, dirs);
    report.names_history = store.db().name_history(&img.id)?;
    Ok(report)
}

/// `GET /images/{name}/json`: as `inspect`, with the full `sha256:` ID dockerd gives.
pub fn inspect_api(
    store: &Store,
    driver: &str,
    img: &ImageRecord,
) -> Result<ImageInspect, ReportError> {
    let mut i = inspect(store, driver, img)?;
    i.id = img.id.clone();
    Ok(i)
}

/// One row of `GET /images/{name}/history`, newest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct HistoryItem {
    /// The image ID on the newest row, `<missing>` on the others (as dockerd says).
    pub id: String,
    /// Unix seconds.
    pub created: i64,
    pub created_by: String,
    pub tags: Vec<String>,
    pub size: u64,
    pub comment: String,
}

/// The image's history with layer sizes, in the API's shape.
pub fn history(store: &Store, img: &ImageRecord) -> Result<Vec<HistoryItem>, ReportError> {
    let names = store.db().names_of(&img.id)?;
    let entries = history_entries(store, img);
    Ok(entries
        .iter()
        .enumerate()
        .map(|(i, e)| history_item(e, i == 0, if i == 0 { names.clone() } else { Vec::new() }))
        .collect())
}

/// The history with each layer's stored size.
pub fn history_entries(store: &Store, img: &ImageRecord) -> Vec<HistoryEntry> {
    inspect::history_with_sizes(img, &|d| {
        store.db().layer_size(d).ok().flatten().unwrap_or(0)
    })
}

/// Only the newest row names an image (with its tags); dockerd says `<missing>` for the
/// others, whose layers are not images of their own.
fn history_item(e: &HistoryEntry, top: bool, tags: Vec<String>) -> HistoryItem {
    let id = if top {
        e.id.clone()
    } else {
        "<missing>".into()
    };
    HistoryItem {
        id,
        created: parse_rfc3339(&e.created).map_or(0, |t| t.timestamp()),
        created_by: e.created_by.clone(),
        tags,
        size: e.size,
        comment: e.comment.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> HistoryEntry {
        HistoryEntry {
            id: id.into(),
            created: "2024-01-02T03:04:05Z".into(),
            created_by: "/bin/sh -c #(nop) CMD [\"sh\"]".into(),
            size: 7,
            comment: String::new(),
            empty_layer: false,
        }
    }

    #[test]
    fn history_rows_are_docker_shaped() {
        let top = history_item(&entry("sha256:abc"), true, vec!["a:1".into()]);
        let v = serde_json::to_value(&top).unwrap();
        assert_eq!(v["Id"], "sha256:abc");
        assert_eq!(v["Created"], 1704164645);
        assert_eq!(v["Tags"][0], "a:1");
        assert_eq!(v["Size"], 7);
        // Lower rows name layers, which are not images: dockerd says <missing>.
        let lower = history_item(&entry("sha256:def"), false, Vec::new());
        assert_eq!(lower.id, "<missing>");
    }

    #[test]
    fn summary_serialises_only_dockers_fields() {
        let s = ImageSummary {
            id: "sha256:abc".into(),
            parent_id: String::new(),
            repo_tags: vec!["a:1".into()],
            repo_digests: Vec::new(),
            created: 5,
            size: 10,
            shared_size: -1,
            virtual_size: 10,
            labels: BTreeMap::new(),
            containers: 2,
            digest: "sha256:m".into(),
            created_at: "x".into(),
            names_history: vec!["a:1".into()],
        };
        let v = serde_json::to_value(&s).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "Containers",
                "Created",
                "Id",
                "Labels",
                "ParentId",
                "RepoDigests",
                "RepoTags",
                "SharedSize",
                "Size",
                "VirtualSize"
            ]
        );
    }
}
