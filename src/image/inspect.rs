//! What `image inspect`, `images` and `history` report about a stored image, shaped like
//! Docker's (and Podman's) JSON so existing scripts keep working.

use serde::Serialize;
use serde_json::Value;

use crate::storage::db::ImageRecord;

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImageInspect {
    pub id: String,
    pub digest: String,
    pub repo_tags: Vec<String>,
    pub repo_digests: Vec<String>,
    pub parent: String,
    pub comment: String,
    pub created: String,
    pub config: Value,
    pub version: String,
    /// Docker's name for `Version`.
    pub docker_version: String,
    pub author: String,
    pub architecture: String,
    pub variant: Option<String>,
    pub os: String,
    pub size: u64,
    pub virtual_size: u64,
    pub labels: Value,
    pub annotations: Value,
    pub manifest_type: String,
    pub graph_driver: GraphDriver,
    #[serde(rename = "RootFS")]
    pub root_fs: RootFs,
    pub history: Value,
    pub names_history: Vec<String>,
    /// Podman's field: the config's HEALTHCHECK (Docker-format images only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<Value>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GraphDriver {
    pub name: String,
    pub data: Value,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RootFs {
    #[serde(rename = "Type")]
    pub kind: String,
    pub layers: Vec<String>,
}

/// One row of `history`, newest first.
#[derive(Debug, Serialize, Clone)]
#[serde(rename_all = "PascalCase")]
pub struct HistoryEntry {
    /// The layer's diff id for entries that made a layer, `<missing>` otherwise (Docker).
    pub id: String,
    pub created: String,
    pub created_by: String,
    pub size: u64,
    pub comment: String,
    pub empty_layer: bool,
}

pub fn config_json(img: &ImageRecord) -> Value {
    serde_json::from_slice(&img.config).unwrap_or(Value::Null)
}

fn str_field(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(|x| x.as_str())
        .unwrap_or_default()
        .to_string()
}

pub fn inspect(
    img: &ImageRecord,
    names: Vec<String>,
    repo_digests: Vec<String>,
    driver: &str,
    layer_dirs: Vec<String>,
) -> ImageInspect {
    let cfg = config_json(img);
    let manifest: Value = serde_json::from_slice(&img.manifest).unwrap_or(Value::Null);
    let config = cfg.get("config").cloned().unwrap_or(Value::Null);
    let labels = config.get("Labels").cloned().unwrap_or(Value::Null);
    let healthcheck = config.get("Healthcheck").filter(|h| h.is_object()).cloned();
    let mut data = serde_json::Map::new();
    if let Some((top, lower)) = layer_dirs.split_last() {
        if !lower.is_empty() {
            let l: Vec<&str> = lower.iter().rev().map(String::as_str).collect();
            data.insert("LowerDir".into(), Value::String(l.join(":")));
        }
        data.insert("UpperDir".into(), Value::String(top.clone()));
    }
    ImageInspect {
        id: img.id.trim_start_matches("sha256:").to_string(),
        digest: img.manifest_digest.clone(),
        repo_tags: names,
        repo_digests,
        parent: String::new(),
        comment: history(img)
            .last()
            .map(|h| h.comment.clone())
            .unwrap_or_default(),
        created: img.created.clone(),
        config,
        version: str_field(&cfg, "docker_version"),
        docker_version: str_field(&cfg, "docker_version"),
        author: str_field(&cfg, "author"),
        architecture: str_field(&cfg, "architecture"),
        variant: cfg
            .get("variant")
            .and_then(|v| v.as_str())
            .map(String::from),
        os: str_field(&cfg, "os"),
        size: img.size,
        virtual_size: img.size,
        labels,
        annotations: manifest
            .get("annotations")
            .cloned()
            .unwrap_or(Value::Object(Default::default())),
        manifest_type: img.manifest_media_type.clone(),
        graph_driver: GraphDriver {
            name: driver.to_string(),
            data: Value::Object(data),
        },
        root_fs: RootFs {
            kind: "layers".into(),
            layers: img.layers.iter().map(|l| l.diff_id.clone()).collect(),
        },
        history: cfg.get("history").cloned().unwrap_or(Value::Array(vec![])),
        names_history: Vec::new(),
        healthcheck,
    }
}

/// The config's history matched up with the layers it produced (entries flagged
/// `empty_layer` made none), newest first as `docker history` prints it.
pub fn history(img: &ImageRecord) -> Vec<HistoryEntry> {
    history_with_sizes(img, &|_| 0)
}

pub fn history_with_sizes(img: &ImageRecord, size_of: &dyn Fn(&str) -> u64) -> Vec<HistoryEntry> {
    let cfg = config_json(img);
    let entries = cfg
        .get("history")
        .and_then(|h| h.as_array())
        .cloned()
        .unwrap_or_default();
    let mut layers = img.layers.iter();
    let mut out: Vec<HistoryEntry> = Vec::new();
    for h in &entries {
        let empty = h
            .get("empty_layer")
            .and_then(|e| e.as_bool())
            .unwrap_or(false);
        let (id, size) = if empty {
            ("<missing>".to_string(), 0)
        } else {
            match layers.next() {
                Some(l) => (l.diff_id.clone(), size_of(&l.diff_id)),
                None => ("<missing>".to_string(), 0),
            }
        };
        out.push(HistoryEntry {
            id,
            created: str_field(h, "created"),
            created_by: str_field(h, "created_by"),
            size,
            comment: str_field(h, "comment"),
            empty_layer: empty,
        });
    }
    // Images without history (e.g. built by hand) still show their layers.
    for l in layers {
        out.push(HistoryEntry {
            id: l.diff_id.clone(),
            created: img.created.clone(),
            created_by: String::new(),
            size: size_of(&l.diff_id),
            comment: String::new(),
            empty_layer: false,
        });
    }
    out.reverse();
    // Docker shows the image ID on the newest row.
    if let Some(first) = out.first_mut() {
        first.id = img.id.clone();
    }
    out
}
