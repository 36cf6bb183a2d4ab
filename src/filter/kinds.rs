//! How each kind of object answers the keys only it has.

use std::collections::BTreeMap;

use super::{bad_value, id_matches, name_matches, one_of, parse_bool, reference_matches};
use super::{FilterError, Filterable, Filters, STATUSES};
use crate::container::{Container, Engine, Status};
use crate::events::Event;
use crate::image::store::Store;
use crate::network::networks::NetworkConfig;
use crate::storage::db::ImageRecord;
use crate::time::parse_rfc3339;
use crate::volume::Volume;

impl Filterable for Container {
    const KEYS: &'static [&'static str] = &[
        "ancestor",
        "before",
        "exited",
        "health",
        "id",
        "label",
        "label!",
        "name",
        "network",
        "restart-policy",
        "since",
        "status",
        "until",
        "volume",
    ];

    fn labels(&self) -> &BTreeMap<String, String> {
        &self.config.labels
    }

    fn created(&self) -> Option<i64> {
        Some(self.created_at / 1_000_000_000)
    }

    fn check(key: &str, value: &str) -> Result<(), FilterError> {
        match key {
            "status" if !STATUSES.contains(&value) => {
                Err(bad_value(key, value, format!("use {}", one_of(STATUSES))))
            }
            "exited" => value
                .parse::<i32>()
                .map(drop)
                .map_err(|_| bad_value(key, value, "expected an exit code")),
            _ => Ok(()),
        }
    }

    fn matches(&self, key: &str, value: &str) -> Result<bool, FilterError> {
        let nanos = || {
            value
                .parse::<i64>()
                .map_err(|_| bad_value(key, value, "expected a container"))
        };
        Ok(match key {
            "status" => match value {
                "created" | "initialized" | "running" | "paused" | "exited" | "restarting" => {
                    self.state.status.as_str() == value
                }
                _ if STATUSES.contains(&value) => false,
                _ => return Err(bad_value(key, value, "no such status")),
            },
            "name" => name_matches(value, &self.name)?,
            "health" => self
                .state
                .health
                .as_ref()
                .is_some_and(|h| h.status == value),
            "restart-policy" => self.config.restart.name.as_str() == value,
            "id" => self.id.starts_with(value),
            "ancestor" => {
                let bare = value.trim_start_matches("sha256:");
                let image = &self.config.image_name;
                image == value
                    || image.split(':').next() == Some(value)
                    || (bare.len() >= 3 && id_matches(bare, &self.image_id))
            }
            "exited" => {
                let code: i32 = value
                    .parse()
                    .map_err(|_| bad_value(key, value, "expected an exit code"))?;
                self.state.status == Status::Exited && self.state.exit_code == code
            }
            "before" => self.created_at < nanos()?,
            "since" => self.created_at > nanos()?,
            "network" => self.config.attachments.iter().any(|a| a.network == value),
            "volume" => self
                .config
                .mounts
                .iter()
                .any(|m| m.source == value || m.destination == value),
            _ => false,
        })
    }
}

/// `before=`/`since=` name a container: replace each by its creation time (nanoseconds).
pub fn resolve_containers(filters: &mut Filters, engine: &Engine) -> Result<(), FilterError> {
    filters.resolve_refs(|v| engine.lookup(v).map(|c| c.created_at))
}

/// An image as a list or prune sees it: under its names (one row of `cove images` shows
/// one name), with the labels of its config.
#[derive(Debug, Clone)]
pub struct ImageView {
    pub id: String,
    /// Unix seconds when this store first saw it.
    pub added_at: i64,
    pub created: Option<i64>,
    pub labels: BTreeMap<String, String>,
    /// Without any name.
    pub dangling: bool,
    /// `(repository, tag)` pairs the `reference=` filter looks at.
    pub names: Vec<(String, String)>,
}

impl ImageView {
    pub fn new(img: &ImageRecord, dangling: bool, names: Vec<(String, String)>) -> ImageView {
        ImageView {
            id: img.id.clone(),
            added_at: img.added_at,
            created: parse_rfc3339(&img.created).map(|t| t.timestamp()),
            labels: image_labels(&img.config),
            dangling,
            names,
        }
    }
}

/// The `config.Labels` of an image config blob (none when it cannot be read).
pub fn image_labels(config: &[u8]) -> BTreeMap<String, String> {
    serde_json::from_slice::<serde_json::Value>(config)
        .ok()
        .and_then(|v| v.pointer("/config/Labels").cloned())
        .and_then(|l| serde_json::from_value(l).ok())
        .unwrap_or_default()
}

impl Filterable for ImageView {
    const KEYS: &'static [&'static str] = &[
        "before",
        "dangling",
        "id",
        "label",
        "label!",
        "reference",
        "since",
        "until",
    ];

    fn labels(&self) -> &BTreeMap<String, String> {
        &self.labels
    }

    fn created(&self) -> Option<i64> {
        self.created
    }

    fn matches(&self, key: &str, value: &str) -> Result<bool, FilterError> {
        let added = || {
            value
                .parse::<i64>()
                .map_err(|_| bad_value(key, value, "expected an image"))
        };
        Ok(match key {
            "dangling" => parse_bool(key, value)? == self.dangling,
            "id" => id_matches(value, &self.id),
            "reference" => self
                .names
                .iter()
                .any(|(repo, tag)| reference_matches(value, repo, tag)),
            "before" => self.added_at < added()?,
            "since" => self.added_at > added()?,
            _ => false,
        })
    }
}

/// `before=`/`since=` name an image: replace each by when the store first saw it.
pub fn resolve_images(filters: &mut Filters, store: &Store) -> Result<(), FilterError> {
    filters.resolve_refs(|v| store.find(v).map(|i| i.added_at))
}

impl Filterable for NetworkConfig {
    const KEYS: &'static [&'static str] = &[
        "driver", "id", "label", "label!", "name", "scope", "type", "until",
    ];

    fn labels(&self) -> &BTreeMap<String, String> {
        &self.labels
    }

    fn created(&self) -> Option<i64> {
        parse_rfc3339(&self.created).map(|t| t.timestamp())
    }

    fn matches(&self, key: &str, value: &str) -> Result<bool, FilterError> {
        Ok(match key {
            "name" => name_matches(value, &self.name)?,
            "id" => self.id.starts_with(value),
            "driver" => self.driver == value,
            // Every network cove lists is one the user made, on this machine.
            "scope" => value == "local",
            "type" => value == "custom",
            _ => false,
        })
    }
}

/// A volume with the number of containers that mount it (for `dangling=`).
#[derive(Debug, Clone, Copy)]
pub struct VolumeView<'a> {
    pub volume: &'a Volume,
    pub users: usize,
}

impl Filterable for VolumeView<'_> {
    const KEYS: &'static [&'static str] =
        &["dangling", "driver", "label", "label!", "name", "until"];

    fn labels(&self) -> &BTreeMap<String, String> {
        &self.volume.labels
    }

    fn created(&self) -> Option<i64> {
        Some(self.volume.created_at)
    }

    fn matches(&self, key: &str, value: &str) -> Result<bool, FilterError> {
        Ok(match key {
            "name" => name_matches(value, &self.volume.name)?,
            "driver" => self.volume.driver == value,
            "dangling" => parse_bool(key, value)? == (self.users == 0),
            _ => false,
        })
    }
}

impl Filterable for crate::secret::Secret {
    const KEYS: &'static [&'static str] = &["id", "label", "label!", "name", "until"];

    fn labels(&self) -> &BTreeMap<String, String> {
        &self.labels
    }

    fn created(&self) -> Option<i64> {
        Some(self.created().timestamp())
    }

    fn matches(&self, key: &str, value: &str) -> Result<bool, FilterError> {
        Ok(match key {
            "name" => name_matches(value, &self.name)?,
            "id" => id_matches(value, &self.id),
            _ => false,
        })
    }
}

impl Filterable for crate::pod::report::PodView {
    const KEYS: &'static [&'static str] = &[
        "ctr-ids",
        "ctr-names",
        "ctr-number",
        "ctr-status",
        "id",
        "label",
        "label!",
        "name",
        "network",
        "status",
        "until",
    ];

    fn labels(&self) -> &BTreeMap<String, String> {
        &self.pod.config.labels
    }

    fn created(&self) -> Option<i64> {
        Some(self.pod.created_at / 1_000_000_000)
    }

    fn check(key: &str, value: &str) -> Result<(), FilterError> {
        const POD_STATUSES: &[&str] = &[
            "stopped", "running", "paused", "exited", "dead", "created", "degraded",
        ];
        match key {
            "status" if !POD_STATUSES.contains(&value) => Err(bad_value(
                key,
                value,
                format!("use {}", one_of(POD_STATUSES)),
            )),
            "ctr-status" if !STATUSES.contains(&value) => {
                Err(bad_value(key, value, format!("use {}", one_of(STATUSES))))
            }
            "ctr-number" => value
                .parse::<usize>()
                .map(drop)
                .map_err(|_| bad_value(key, value, "expected a number of containers")),
            _ => Ok(()),
        }
    }

    fn matches(&self, key: &str, value: &str) -> Result<bool, FilterError> {
        let members = &self.members;
        Ok(match key {
            "name" => name_matches(value, &self.pod.name)?,
            "id" => id_matches(value, &self.pod.id),
            "status" => {
                crate::pod::PodStatus::of(members)
                    .as_str()
                    .eq_ignore_ascii_case(value)
                    || (value == "stopped"
                        && crate::pod::PodStatus::of(members) == crate::pod::PodStatus::Exited)
            }
            "ctr-names" => {
                let mut hit = false;
                for c in members {
                    hit |= name_matches(value, &c.name)?;
                }
                hit
            }
            "ctr-ids" => members.iter().any(|c| id_matches(value, &c.id)),
            "ctr-status" => members.iter().any(|c| c.state.status.as_str() == value),
            "ctr-number" => value.parse::<usize>().ok() == Some(members.len()),
            "network" => members
                .iter()
                .any(|c| c.config.attachments.iter().any(|a| a.network == value)),
            _ => false,
        })
    }
}

impl Filterable for Event {
    const KEYS: &'static [&'static str] = &[
        "container",
        "event",
        "status",
        "type",
        "image",
        "label",
        "volume",
        "network",
    ];

    /// Docker's `label=` on events looks at the actor's attributes.
    fn labels(&self) -> &BTreeMap<String, String> {
        &self.attributes
    }

    fn created(&self) -> Option<i64> {
        Some(self.time().timestamp())
    }

    fn matches(&self, key: &str, value: &str) -> Result<bool, FilterError> {
        // A name or any prefix of the ID, as for every other command taking objects.
        let named = |kind: &str| {
            self.kind == kind
                && (value == self.name || (!value.is_empty() && self.id.starts_with(value)))
        };
        Ok(match key {
            "container" | "volume" | "network" => named(key),
            "event" | "status" => self.status == value,
            "type" => self.kind == value,
            "image" => value == self.image || named("image"),
            _ => false,
        })
    }
}
