//! Local manifest lists (`manifest create/add/annotate/remove/rm`), as Podman keeps
//! them: an image row under the list's name whose manifest is the list itself (a Docker
//! manifest list, or an OCI index once pushed with `--format oci`). The row's config
//! holds cove's notes: where each instance came from, so `manifest push` can copy it.
//! The row's ID is chosen at creation and stays while the list is edited.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};
use sha2::{Digest, Sha256};

use super::platform::Platform;
use super::reference::{local_name, Reference, ReferenceError};
use super::store::{sha256_digest, Store, StoreError};
use crate::storage::db::ImageRecord;

pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";

#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Reference(#[from] ReferenceError),
    #[error("{0:?} is not a manifest list")]
    NotAList(String),
    #[error(
        "image name {name:?} is already associated with image {id:?}: that name is already in use"
    )]
    NameInUse { name: String, id: String },
    #[error("invalid image digest {0:?}: expected sha256: and 64 hex digits")]
    InvalidDigest(String),
    #[error("manifest list {list} has no instance {instance}")]
    NoInstance { list: String, instance: String },
    #[error("no value given for annotation {0:?}: use KEY=VALUE")]
    Annotation(String),
    #[error("stored manifest list {0} is corrupt: {1}")]
    Corrupt(String, String),
    #[error("{name}: the manifest list has no image for platform {platform} in local storage")]
    NoLocalInstance { name: String, platform: String },
    #[error(transparent)]
    Platform(#[from] super::platform::PlatformError),
}

/// The list as Podman prints it (`manifest inspect`): fields in this order, empty ones
/// left out, no instances printed as `null`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ManifestList {
    pub schema_version: u32,
    pub media_type: String,
    #[serde(
        default,
        serialize_with = "null_if_empty",
        deserialize_with = "empty_if_null"
    )]
    pub manifests: Vec<Descriptor>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    pub media_type: String,
    pub size: u64,
    pub digest: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<ListPlatform>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ListPlatform {
    #[serde(default)]
    pub architecture: String,
    #[serde(default)]
    pub os: String,
    #[serde(
        rename = "os.version",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub os_version: String,
    #[serde(rename = "os.features", default, skip_serializing_if = "Vec::is_empty")]
    pub os_features: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub variant: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
}

fn null_if_empty<S: Serializer>(v: &[Descriptor], s: S) -> Result<S::Ok, S::Error> {
    if v.is_empty() {
        s.serialize_none()
    } else {
        v.serialize(s)
    }
}

fn empty_if_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Descriptor>, D::Error> {
    Ok(Option::<Vec<Descriptor>>::deserialize(d)?.unwrap_or_default())
}

impl ManifestList {
    pub fn is_list_type(media_type: &str) -> bool {
        media_type == DOCKER_LIST || media_type == OCI_INDEX
    }

    /// The list in 4-space-indented JSON, as `manifest inspect` prints it.
    pub fn pretty(&self) -> String {
        crate::format::pretty(self)
    }

    /// The compact bytes that are stored and pushed (their digest names the list).
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The same list in the other format (`manifest push --format oci|v2s2`).
    pub fn with_media_type(&self, media_type: &str) -> ManifestList {
        let mut l = self.clone();
        l.media_type = media_type.to_string();
        l
    }
}

/// cove's notes kept as the list row's config.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Notes {
    #[serde(rename = "cove.manifestList")]
    marker: bool,
    /// Instance digest -> `registry/repository@digest` it was added from.
    #[serde(default)]
    sources: BTreeMap<String, String>,
}

/// `--arch/--os/--variant/--os-version/--features/--os-features/--annotation` of `manifest
/// add` and `manifest annotate`: what is given replaces what the image says.
#[derive(Debug, Clone, Default)]
pub struct Annotate {
    pub arch: Option<String>,
    pub os: Option<String>,
    pub variant: Option<String>,
    pub os_version: Option<String>,
    pub features: Vec<String>,
    pub os_features: Vec<String>,
    pub annotations: Vec<String>,
}

impl Annotate {
    pub fn apply(&self, d: &mut Descriptor) -> Result<(), ListError> {
        let mut annotations = BTreeMap::new();
        for a in &self.annotations {
            let (k, v) = a
                .split_once('=')
                .ok_or_else(|| ListError::Annotation(a.clone()))?;
            annotations.insert(k.to_string(), v.to_string());
        }
        let p = d.platform.get_or_insert_with(Default::default);
        let set = |field: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                *field = v.clone();
            }
        };
        set(&mut p.architecture, &self.arch);
        set(&mut p.os, &self.os);
        set(&mut p.variant, &self.variant);
        set(&mut p.os_version, &self.os_version);
        if !self.features.is_empty() {
            p.features = self.features.clone();
        }
        if !self.os_features.is_empty() {
            p.os_features = self.os_features.clone();
        }
        d.annotations.extend(annotations);
        Ok(())
    }
}

/// A manifest list in the store.
#[derive(Debug, Clone)]
pub struct LocalList {
    pub id: String,
    /// What the user called it (for messages).
    pub name: String,
    pub list: ManifestList,
    sources: BTreeMap<String, String>,
}

/// Whether a stored image is a manifest list cove made.
pub fn is_list(img: &ImageRecord) -> bool {
    ManifestList::is_list_type(&img.manifest_media_type)
        && serde_json::from_slice::<Notes>(&img.config).is_ok_and(|n| n.marker)
}

/// What running a list means (as Podman resolves it): the ID of the stored image that is
/// its instance for `platform`; None when the list has no such instance in the store.
pub fn local_instance(store: &Store, img: &ImageRecord, platform: &Platform) -> Option<String> {
    let list = LocalList::from_record(img, "").ok()?;
    let images = store.db().images().ok()?;
    list.list
        .manifests
        .iter()
        .filter(|d| {
            d.platform.as_ref().is_none_or(|p| {
                let variant = (!p.variant.is_empty()).then_some(p.variant.as_str());
                platform.matches(&p.os, &p.architecture, variant)
            })
        })
        .find_map(|d| {
            images
                .iter()
                .find(|i| i.manifest_digest == d.digest && !is_list(i))
                .map(|i| i.id.clone())
        })
}

/// What `push --platform` pushes for the stored image `img` (named `name` by the user):
/// a list's instance for `platform`, or the image itself when it is of that platform.
pub fn for_platform(
    store: &Store,
    img: ImageRecord,
    name: &str,
    platform: &Platform,
) -> Result<ImageRecord, ListError> {
    if !is_list(&img) {
        platform.check_image(name, &img.config)?;
        return Ok(img);
    }
    let id = local_instance(store, &img, platform).ok_or_else(|| ListError::NoLocalInstance {
        name: name.to_string(),
        platform: platform.to_string(),
    })?;
    Ok(store.find(&id)?)
}

impl LocalList {
    /// A new empty list named `name` (`localhost/NAME:latest` for a short name).
    pub fn create(store: &Store, name: &str) -> Result<LocalList, ListError> {
        let full = local_name(name)?;
        let taken = store.db().name_target(&full).map_err(StoreError::from)?;
        if let Some(id) = taken {
            return Err(ListError::NameInUse {
                name: full,
                id: id.trim_start_matches("sha256:").to_string(),
            });
        }
        // Podman's list IDs are random too: the content changes with every edit.
        let mut seed = Sha256::new();
        seed.update(full.as_bytes());
        seed.update(std::process::id().to_le_bytes());
        seed.update(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos()
                .to_le_bytes(),
        );
        let list = LocalList {
            id: format!("sha256:{}", hex::encode(seed.finalize())),
            name: name.to_string(),
            list: ManifestList {
                schema_version: 2,
                media_type: DOCKER_LIST.to_string(),
                manifests: Vec::new(),
                annotations: BTreeMap::new(),
            },
            sources: BTreeMap::new(),
        };
        let manifest = list.list.to_bytes();
        let record = ImageRecord {
            id: list.id.clone(),
            config: list.notes(),
            manifest_digest: sha256_digest(&manifest),
            manifest,
            manifest_media_type: DOCKER_LIST.to_string(),
            created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
            size: 0,
            added_at: chrono::Utc::now().timestamp(),
            layers: Vec::new(),
        };
        store.put_image(&record, &[full], &[])?;
        Ok(list)
    }

    /// The list the store knows as `name`; `NotFound` when there is no such image,
    /// `NotAList` when it is an ordinary image.
    pub fn load(store: &Store, name: &str) -> Result<LocalList, ListError> {
        let img = store.find(name)?;
        Self::from_record(&img, name)
    }

    pub fn from_record(img: &ImageRecord, name: &str) -> Result<LocalList, ListError> {
        if !is_list(img) {
            return Err(ListError::NotAList(name.to_string()));
        }
        let corrupt = |e: serde_json::Error| ListError::Corrupt(img.id.clone(), e.to_string());
        let notes: Notes = serde_json::from_slice(&img.config).map_err(corrupt)?;
        let list: ManifestList = serde_json::from_slice(&img.manifest).map_err(corrupt)?;
        Ok(LocalList {
            id: img.id.clone(),
            name: name.to_string(),
            list,
            sources: notes.sources,
        })
    }

    fn notes(&self) -> Vec<u8> {
        serde_json::to_vec(&Notes {
            marker: true,
            sources: self.sources.clone(),
        })
        .unwrap_or_default()
    }

    pub fn save(&self, store: &Store) -> Result<(), ListError> {
        let manifest = self.list.to_bytes();
        let found = store
            .db()
            .replace_manifest(
                &self.id,
                &manifest,
                &sha256_digest(&manifest),
                &self.list.media_type,
                &self.notes(),
            )
            .map_err(StoreError::from)?;
        if !found {
            return Err(StoreError::NotFound(self.name.clone()).into());
        }
        Ok(())
    }

    /// Add (or replace: same digest) an instance that `source` names.
    pub fn add(&mut self, d: Descriptor, source: String) {
        self.sources.insert(d.digest.clone(), source);
        match self
            .list
            .manifests
            .iter_mut()
            .find(|m| m.digest == d.digest)
        {
            Some(m) => *m = d,
            None => self.list.manifests.push(d),
        }
    }

    /// Where an instance was added from.
    pub fn source(&self, digest: &str) -> Option<&str> {
        self.sources.get(digest).map(String::as_str)
    }

    /// The instance `spec` names: its digest, or the reference it was added as.
    pub fn instance_mut(&mut self, spec: &str) -> Result<&mut Descriptor, ListError> {
        let digest = self.instance_digest(spec)?;
        let list = self.name.clone();
        self.list
            .manifests
            .iter_mut()
            .find(|m| m.digest == digest)
            .ok_or(ListError::NoInstance {
                list,
                instance: spec.to_string(),
            })
    }

    pub fn remove(&mut self, spec: &str) -> Result<(), ListError> {
        let digest = self.instance_digest(spec)?;
        let before = self.list.manifests.len();
        self.list.manifests.retain(|m| m.digest != digest);
        if self.list.manifests.len() == before {
            return Err(ListError::NoInstance {
                list: self.name.clone(),
                instance: spec.to_string(),
            });
        }
        self.sources.remove(&digest);
        Ok(())
    }

    fn instance_digest(&self, spec: &str) -> Result<String, ListError> {
        if let Some(hex) = spec.strip_prefix("sha256:") {
            if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(ListError::InvalidDigest(spec.to_string()));
            }
            return Ok(spec.to_string());
        }
        // Docker's `manifest annotate LIST IMAGE`: the image as it was added.
        let wanted = Reference::parse(spec)?;
        self.sources
            .iter()
            .find(|(digest, src)| {
                wanted.digest.as_deref() == Some(digest.as_str())
                    || Reference::parse(src).is_ok_and(|r| {
                        r.repository_with_registry() == wanted.repository_with_registry()
                    })
            })
            .map(|(d, _)| d.clone())
            .ok_or_else(|| ListError::NoInstance {
                list: self.name.clone(),
                instance: spec.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_prints_as_podman_prints_it() {
        let l = ManifestList {
            schema_version: 2,
            media_type: DOCKER_LIST.into(),
            manifests: vec![],
            annotations: BTreeMap::new(),
        };
        assert_eq!(
            l.pretty(),
            "{\n    \"schemaVersion\": 2,\n    \"mediaType\": \"application/vnd.docker.distribution.manifest.list.v2+json\",\n    \"manifests\": null\n}"
        );
        let back: ManifestList = serde_json::from_slice(&l.to_bytes()).unwrap();
        assert_eq!(back, l);
    }

    #[test]
    fn annotate_overrides_the_platform_and_checks_annotations() {
        let mut d = Descriptor {
            media_type: "m".into(),
            size: 1,
            digest: "sha256:x".into(),
            platform: Some(ListPlatform {
                architecture: "amd64".into(),
                os: "linux".into(),
                ..Default::default()
            }),
            annotations: BTreeMap::new(),
        };
        let a = Annotate {
            arch: Some("arm64".into()),
            variant: Some("v8".into()),
            annotations: vec!["k=v".into()],
            ..Default::default()
        };
        a.apply(&mut d).unwrap();
        let p = d.platform.as_ref().unwrap();
        assert_eq!((p.architecture.as_str(), p.os.as_str()), ("arm64", "linux"));
        assert_eq!(p.variant, "v8");
        assert_eq!(d.annotations["k"], "v");
        let bad = Annotate {
            annotations: vec!["novalue".into()],
            ..Default::default()
        };
        assert!(bad.apply(&mut d).is_err());
    }
}
