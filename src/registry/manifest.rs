//! The registry side of manifest lists: reading what `manifest add` adds (an image's
//! manifest and, for its platform, its config), `manifest inspect` of a remote image,
//! and `manifest push`: every instance copied into the destination repository by digest
//! (blobs it lacks mounted from the source repository on the same registry, otherwise
//! downloaded, verified and uploaded), then the list itself.

use bytes::Bytes;
use oci_client::errors::OciDistributionError;
use oci_client::RegistryOperation;
use oci_spec::image::{ImageConfiguration, ImageIndex, ImageManifest};

use crate::config::registries::RegistriesConf;
use crate::image::manifest_list::{Descriptor, ListPlatform, LocalList, ManifestList, OCI_INDEX};
use crate::image::platform::{Platform, PlatformError};
use crate::image::reference::Reference;
use crate::image::store::sha256_digest;
use crate::registry::client::{ConnectError, ConnectOptions, Registry};
use crate::registry::pull::MANIFEST_TYPES;

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error(transparent)]
    Connect(#[from] ConnectError),
    #[error("{reference}: {detail}")]
    Registry { reference: String, detail: String },
    #[error("{reference}: {detail}")]
    Malformed { reference: String, detail: String },
    #[error("{reference}: digest mismatch: expected {expected}, got {actual}")]
    DigestMismatch {
        reference: String,
        expected: String,
        actual: String,
    },
    #[error(transparent)]
    Platform(#[from] PlatformError),
    #[error("instance {0} of the list has no recorded source to copy it from")]
    NoSource(String),
}

fn registry_err(r: &Reference) -> impl Fn(OciDistributionError) -> ManifestError + '_ {
    move |e| ManifestError::Registry {
        reference: r.whole(),
        detail: crate::registry::error_causes(&e),
    }
}

fn malformed(r: &Reference, detail: impl std::fmt::Display) -> ManifestError {
    ManifestError::Malformed {
        reference: r.whole(),
        detail: detail.to_string(),
    }
}

/// A manifest as the registry served it.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub raw: Bytes,
    pub media_type: String,
    pub digest: String,
}

impl Fetched {
    pub fn is_list(&self) -> bool {
        ManifestList::is_list_type(&self.media_type)
    }

    /// The manifest in 4-space-indented JSON with its fields in the registry's order.
    pub fn pretty(&self) -> Result<String, serde_json::Error> {
        if self.is_list() {
            let l: ManifestList = serde_json::from_slice(&self.raw)?;
            return Ok(l.pretty());
        }
        let m: ImageManifest = serde_json::from_slice(&self.raw)?;
        Ok(crate::format::pretty(&m))
    }
}

async fn fetch(reg: &Registry, r: &Reference) -> Result<Fetched, ManifestError> {
    let (raw, served_digest) = reg
        .client
        .pull_manifest_raw(&r.to_oci(), &reg.auth, MANIFEST_TYPES)
        .await
        .map_err(registry_err(r))?;
    let digest = sha256_digest(&raw);
    let expected = r.digest.clone().unwrap_or(served_digest);
    if digest != expected {
        return Err(ManifestError::DigestMismatch {
            reference: r.whole(),
            expected,
            actual: digest,
        });
    }
    let media_type = serde_json::from_slice::<serde_json::Value>(&raw)
        .ok()
        .and_then(|v| v["mediaType"].as_str().map(String::from))
        .unwrap_or_default();
    Ok(Fetched {
        raw,
        media_type,
        digest,
    })
}

/// `manifest inspect` of an image the store does not have as a list.
pub async fn inspect_remote(
    conf: &RegistriesConf,
    r: &Reference,
    connect: &ConnectOptions,
) -> Result<Fetched, ManifestError> {
    let reg = Registry::connect(r, conf, connect)?;
    fetch(&reg, r).await
}

/// The instances `manifest add IMAGE` adds, each with the reference it came from: the
/// image itself, or for a list every entry (`all`) or the one for this machine.
pub async fn instances_of(
    conf: &RegistriesConf,
    r: &Reference,
    all: bool,
    connect: &ConnectOptions,
) -> Result<Vec<(Descriptor, String)>, ManifestError> {
    let reg = Registry::connect(r, conf, connect)?;
    let top = fetch(&reg, r).await?;
    let at = |digest: &str| {
        let mut d = r.clone();
        d.tag = None;
        d.digest = Some(digest.to_string());
        d
    };
    if !top.is_list() {
        let d = describe_image(&reg, r, &top).await?;
        return Ok(vec![(d, at(&top.digest).whole())]);
    }
    let index = ImageIndex::from_reader(&top.raw[..]).map_err(|e| malformed(r, e))?;
    if !all {
        let digest = Platform::host().select(&index)?;
        let one = at(&digest);
        let fetched = fetch(&reg, &one).await?;
        let d = describe_image(&reg, &one, &fetched).await?;
        return Ok(vec![(d, one.whole())]);
    }
    Ok(index
        .manifests()
        .iter()
        .map(|m| {
            let platform = m.platform().as_ref().map(|p| ListPlatform {
                architecture: p.architecture().to_string(),
                os: p.os().to_string(),
                os_version: p.os_version().clone().unwrap_or_default(),
                os_features: p.os_features().clone().unwrap_or_default(),
                variant: p.variant().clone().unwrap_or_default(),
                features: Vec::new(),
            });
            let d = Descriptor {
                media_type: m.media_type().to_string(),
                size: m.size(),
                digest: m.digest().to_string(),
                platform,
                annotations: m
                    .annotations()
                    .clone()
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
            };
            (d, at(m.digest().as_ref()).whole())
        })
        .collect())
}

/// An image manifest as a list entry: its platform read from its config.
async fn describe_image(
    reg: &Registry,
    r: &Reference,
    m: &Fetched,
) -> Result<Descriptor, ManifestError> {
    let manifest: ImageManifest = serde_json::from_slice(&m.raw).map_err(|e| malformed(r, e))?;
    let cfg_digest = manifest.config().digest().to_string();
    let mut raw = Vec::new();
    reg.client
        .pull_blob(&r.to_oci(), cfg_digest.as_str(), &mut raw)
        .await
        .map_err(registry_err(r))?;
    verify(r, &raw, &cfg_digest)?;
    let config = ImageConfiguration::from_reader(&raw[..]).map_err(|e| malformed(r, e))?;
    let media_type = if m.media_type.is_empty() {
        manifest
            .media_type()
            .as_ref()
            .map(|t| t.to_string())
            .unwrap_or_else(|| oci_client::manifest::OCI_IMAGE_MEDIA_TYPE.to_string())
    } else {
        m.media_type.clone()
    };
    Ok(Descriptor {
        media_type,
        size: m.raw.len() as u64,
        digest: m.digest.clone(),
        platform: Some(ListPlatform {
            architecture: config.architecture().to_string(),
            os: config.os().to_string(),
            os_version: config.os_version().clone().unwrap_or_default(),
            os_features: config.os_features().clone().unwrap_or_default(),
            variant: config.variant().clone().unwrap_or_default(),
            features: Vec::new(),
        }),
        annotations: Default::default(),
    })
}

fn verify(r: &Reference, data: &[u8], expected: &str) -> Result<(), ManifestError> {
    let actual = sha256_digest(data);
    if actual != expected {
        return Err(ManifestError::DigestMismatch {
            reference: r.whole(),
            expected: expected.to_string(),
            actual,
        });
    }
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct ListPush {
    /// Copy every instance too (`--all`, Podman's default); otherwise only the list.
    pub all: bool,
    /// The list's media type at the destination (`--format oci|v2s2`); default: as stored.
    pub media_type: Option<String>,
    pub connect: ConnectOptions,
}

/// Push `list` to `dest`; the digest of the pushed list. `progress` hears one line per
/// step, as Podman prints them.
pub async fn push_list(
    conf: &RegistriesConf,
    list: &LocalList,
    dest: &Reference,
    opts: &ListPush,
    progress: &(dyn Fn(String) + Sync),
) -> Result<String, ManifestError> {
    let reg = Registry::connect(dest, conf, &opts.connect)?;
    let oref = dest.to_oci();
    reg.client
        .auth(&oref, &reg.auth, RegistryOperation::Push)
        .await
        .map_err(registry_err(dest))?;
    if opts.all {
        let n = list.list.manifests.len();
        progress(format!("Copying {n} of {n} images in list"));
        for (i, m) in list.list.manifests.iter().enumerate() {
            progress(format!("Copying image {} ({}/{n})", m.digest, i + 1));
            let source = list
                .source(&m.digest)
                .ok_or_else(|| ManifestError::NoSource(m.digest.clone()))?;
            let source = Reference::parse(source).map_err(|e| malformed(dest, e))?;
            copy_image(conf, &source, &reg, dest, &opts.connect, progress).await?;
        }
    }
    let out = match &opts.media_type {
        Some(t) => list.list.with_media_type(t),
        None => list.list.clone(),
    };
    // An OCI index names its instances' own media types; a Docker list may hold OCI
    // images too (Podman writes them so), so neither needs its entries rewritten.
    let body = out.to_bytes();
    progress("Writing manifest list to image destination".into());
    let content_type = if out.media_type == OCI_INDEX {
        OCI_INDEX
    } else {
        crate::image::manifest_list::DOCKER_LIST
    };
    reg.client
        .push_manifest_raw(&oref, body.clone(), header(content_type))
        .await
        .map_err(registry_err(dest))?;
    Ok(sha256_digest(&body))
}

fn header(v: &str) -> reqwest::header::HeaderValue {
    reqwest::header::HeaderValue::from_str(v)
        .unwrap_or_else(|_| reqwest::header::HeaderValue::from_static("application/json"))
}

/// Copy one image (by digest) from `source` into the repository of `dest`.
async fn copy_image(
    conf: &RegistriesConf,
    source: &Reference,
    dreg: &Registry,
    dest: &Reference,
    connect: &ConnectOptions,
    progress: &(dyn Fn(String) + Sync),
) -> Result<(), ManifestError> {
    let sreg = Registry::connect(source, conf, connect)?;
    let fetched = fetch(&sreg, source).await?;
    let manifest: ImageManifest =
        serde_json::from_slice(&fetched.raw).map_err(|e| malformed(source, e))?;
    let mut at_dest = dest.clone();
    at_dest.tag = None;
    at_dest.digest = Some(fetched.digest.clone());
    let doref = at_dest.to_oci();
    let same_registry = source.registry == dest.registry;
    let blobs = manifest
        .layers()
        .iter()
        .map(|l| ("blob", l))
        .chain(std::iter::once(("config", manifest.config())));
    for (what, b) in blobs {
        let digest = b.digest().to_string();
        progress(format!("Copying {what} {digest}"));
        if dreg
            .client
            .blob_exists(&doref, &digest)
            .await
            .map_err(registry_err(dest))?
        {
            continue;
        }
        if same_registry
            && dreg
                .client
                .mount_blob(&doref, &source.to_oci(), &digest)
                .await
                .is_ok()
        {
            continue;
        }
        let mut data = Vec::new();
        sreg.client
            .pull_blob(&source.to_oci(), digest.as_str(), &mut data)
            .await
            .map_err(registry_err(source))?;
        verify(source, &data, &digest)?;
        dreg.client
            .push_blob(&doref, data, &digest)
            .await
            .map_err(registry_err(dest))?;
    }
    progress("Writing manifest to image destination".into());
    let media_type = if fetched.media_type.is_empty() {
        oci_client::manifest::OCI_IMAGE_MEDIA_TYPE.to_string()
    } else {
        fetched.media_type.clone()
    };
    dreg.client
        .push_manifest_raw(&doref, fetched.raw.clone(), header(&media_type))
        .await
        .map_err(registry_err(dest))?;
    Ok(())
}
