//! `cove import` (a root filesystem tarball becomes a one-layer image) and `cove commit`
//! (a container's changes become a layer on top of its image), with Dockerfile-like
//! `--change` instructions applied to the config.
//!
//! The layer is stored uncompressed (`application/vnd.oci.image.layer.v1.tar`): its blob
//! digest is then its diff_id, and push or save can compress it later if they want.

use std::fs::File;
use std::io;
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::image::archive::synthesize_manifest;
use crate::image::layer_unpack::{self, KeepBlob, LayerSpec, UnpackError};
use crate::image::platform::Platform;
use crate::image::store::{Store, StoreError};
use crate::image::trust::{LocalImage, LocalTransport, Policy, TrustError};
use crate::storage::compression;
use crate::storage::db::{ImageLayer, ImageRecord};
use crate::storage::digest::DigestReader;
use crate::storage::extract::ExtractError;

const LAYER_MEDIA_TYPE: &str = "application/vnd.oci.image.layer.v1.tar";

/// How a new image's manifest is written: OCI (cove's default), or Docker's v2 schema 2
/// (`commit --format docker`, as Podman writes it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ManifestFormat {
    #[default]
    Oci,
    Docker,
}

pub const DOCKER_MANIFEST_MEDIA_TYPE: &str = "application/vnd.docker.distribution.manifest.v2+json";
const DOCKER_CONFIG_MEDIA_TYPE: &str = "application/vnd.docker.container.image.v1+json";

/// A layer blob's media type in a Docker manifest (same bytes, Docker's name for them).
fn docker_layer_type(oci: &str) -> String {
    let compression = match oci.rsplit_once('+') {
        Some((_, c @ ("gzip" | "zstd"))) => Some(c),
        _ => None,
    };
    match compression {
        _ if oci.starts_with("application/vnd.docker.") => oci.to_string(),
        Some(c) => format!("application/vnd.docker.image.rootfs.diff.tar.{c}"),
        None if oci == LAYER_MEDIA_TYPE => "application/vnd.docker.image.rootfs.diff.tar".into(),
        None => oci.to_string(),
    }
}

/// A Docker v2 schema 2 manifest for a config and layers already in the store.
fn docker_manifest(config_digest: &str, config_size: u64, layers: &[ImageLayer]) -> Vec<u8> {
    let m = json!({
        "schemaVersion": 2,
        "mediaType": DOCKER_MANIFEST_MEDIA_TYPE,
        "config": {
            "mediaType": DOCKER_CONFIG_MEDIA_TYPE,
            "digest": config_digest,
            "size": config_size,
        },
        "layers": layers.iter().map(|l| json!({
            "mediaType": l.blob_media_type,
            "digest": l.blob_digest,
            "size": l.blob_size,
        })).collect::<Vec<_>>(),
    });
    m.to_string().into_bytes()
}
const SUPPORTED: &str = "CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR";

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("invalid change {change:?}: {reason}")]
    InvalidChange { change: String, reason: String },
    #[error("invalid change {0:?}: unknown or unsupported instruction (supported: {SUPPORTED})")]
    UnknownInstruction(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Trust(#[from] TrustError),
    #[error("{what}: {source}")]
    Io { what: String, source: io::Error },
    #[error("digest mismatch for {what}: expected {expected}, got {actual}")]
    DigestMismatch {
        what: String,
        expected: String,
        actual: String,
    },
    #[error("tarball: {source}")]
    Extract {
        digest: String,
        source: ExtractError,
    },
}

impl From<UnpackError> for ImportError {
    fn from(e: UnpackError) -> Self {
        match e {
            UnpackError::Store(e) => ImportError::Store(e),
            UnpackError::DigestMismatch {
                what,
                expected,
                actual,
            } => ImportError::DigestMismatch {
                what,
                expected,
                actual,
            },
            UnpackError::Extract { digest, source } => ImportError::Extract { digest, source },
            UnpackError::Io { source, .. } => ImportError::Io {
                what: "reading tarball".into(),
                source,
            },
        }
    }
}

/// One `--change` instruction, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Cmd(Vec<String>),
    Entrypoint(Vec<String>),
    Env(Vec<(String, String)>),
    Workdir(String),
    User(String),
    Label(Vec<(String, String)>),
    /// `port/proto`, ranges expanded.
    Expose(Vec<String>),
    Volume(Vec<String>),
    StopSignal(String),
}

/// Parse one `--change` value (`CMD ["nginx"]`, `ENV A=1 B=2`, `EXPOSE 80/tcp`, ...).
pub fn parse_change(input: &str) -> Result<Change, ImportError> {
    let invalid = |reason: &str| ImportError::InvalidChange {
        change: input.to_string(),
        reason: reason.to_string(),
    };
    let trimmed = input.trim();
    let (keyword, rest) = match trimmed.split_once(char::is_whitespace) {
        Some((k, r)) => (k, r.trim()),
        None => (trimmed, ""),
    };
    let keyword = keyword.to_ascii_uppercase();
    if !SUPPORTED.split(", ").any(|k| k == keyword) {
        return Err(ImportError::UnknownInstruction(input.to_string()));
    }
    if rest.is_empty() {
        return Err(invalid(&format!("{keyword} requires an argument")));
    }
    let words = || split_words(rest).map_err(&invalid);
    Ok(match keyword.as_str() {
        "CMD" => Change::Cmd(exec_or_shell(rest)),
        "ENTRYPOINT" => Change::Entrypoint(exec_or_shell(rest)),
        "ENV" => Change::Env(key_values(rest, true).map_err(|r| invalid(&r))?),
        "LABEL" => Change::Label(key_values(rest, false).map_err(|r| invalid(&r))?),
        "WORKDIR" => Change::Workdir(rest.to_string()),
        "USER" => Change::User(rest.to_string()),
        "STOPSIGNAL" => {
            if rest.contains(char::is_whitespace) {
                return Err(invalid("STOPSIGNAL takes one signal"));
            }
            Change::StopSignal(rest.to_string())
        }
        "EXPOSE" => {
            let mut ports = Vec::new();
            for w in words()? {
                ports.extend(expand_port(&w).map_err(|r| invalid(&r))?);
            }
            Change::Expose(ports)
        }
        "VOLUME" => {
            let vols = json_array(rest).unwrap_or(words()?);
            if vols.iter().any(|v| v.is_empty()) {
                return Err(invalid("empty volume path"));
            }
            Change::Volume(vols)
        }
        _ => return Err(ImportError::UnknownInstruction(input.to_string())),
    })
}

fn json_array(s: &str) -> Option<Vec<String>> {
    if !s.starts_with('[') {
        return None;
    }
    serde_json::from_str::<Vec<String>>(s).ok()
}

/// Exec form (a JSON array) as is; anything else is shell form, as in a Dockerfile.
fn exec_or_shell(s: &str) -> Vec<String> {
    json_array(s).unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into(), s.to_string()])
}

/// Split on unquoted whitespace, removing quotes; `\` escapes the next character outside
/// single quotes (Dockerfile word rules for ENV and LABEL).
pub(crate) fn split_words(s: &str) -> Result<Vec<String>, &'static str> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"') | None, '\\') => {
                cur.push(chars.next().ok_or("trailing backslash")?);
                in_word = true;
            }
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err("unterminated quote");
    }
    if in_word {
        words.push(cur);
    }
    Ok(words)
}

/// `k=v k2="v 2"`, or for ENV the legacy `KEY some value` form.
fn key_values(rest: &str, legacy_allowed: bool) -> Result<Vec<(String, String)>, String> {
    let words = split_words(rest)?;
    let first = words.first().ok_or("missing key=value")?;
    if !first.contains('=') {
        if !legacy_allowed || words.len() < 2 {
            return Err(format!("{first:?} is not of the form key=value"));
        }
        // `ENV KEY value with spaces`: the value is the rest of the line.
        let value = rest.trim_start()[first.len()..].trim();
        let value = split_words(value)?.join(" ");
        return Ok(vec![(first.clone(), value)]);
    }
    words
        .iter()
        .map(|w| match w.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
            _ => Err(format!("{w:?} is not of the form key=value")),
        })
        .collect()
}

/// `80`, `80/udp`, `8000-8002/tcp` to `["80/tcp"]`, ... with the protocol checked.
fn expand_port(spec: &str) -> Result<Vec<String>, String> {
    let (ports, proto) = match spec.split_once('/') {
        Some((p, proto)) => (p, proto.to_ascii_lowercase()),
        None => (spec, "tcp".to_string()),
    };
    if !matches!(proto.as_str(), "tcp" | "udp" | "sctp") {
        return Err(format!("invalid protocol {proto:?} in {spec:?}"));
    }
    let port = |p: &str| {
        p.parse::<u16>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("invalid port {p:?}"))
    };
    let (lo, hi) = match ports.split_once('-') {
        Some((a, b)) => (port(a)?, port(b)?),
        None => {
            let p = port(ports)?;
            (p, p)
        }
    };
    if hi < lo {
        return Err(format!("invalid port range {ports:?}"));
    }
    Ok((lo..=hi).map(|p| format!("{p}/{proto}")).collect())
}

/// Apply parsed changes to the `config` object of an image config, later changes winning.
pub fn apply_changes(config: &mut Map<String, Value>, changes: &[Change]) {
    for c in changes {
        match c {
            Change::Cmd(v) => {
                config.insert("Cmd".into(), json!(v));
            }
            Change::Entrypoint(v) => {
                config.insert("Entrypoint".into(), json!(v));
            }
            Change::Env(pairs) => {
                let env = config.entry("Env").or_insert_with(|| json!([]));
                if !env.is_array() {
                    *env = json!([]);
                }
                if let Some(list) = env.as_array_mut() {
                    for (k, v) in pairs {
                        let prefix = format!("{k}=");
                        list.retain(|e| !e.as_str().is_some_and(|s| s.starts_with(&prefix)));
                        list.push(json!(format!("{k}={v}")));
                    }
                }
            }
            Change::Workdir(dir) => {
                let base = config
                    .get("WorkingDir")
                    .and_then(|w| w.as_str())
                    .filter(|w| !w.is_empty())
                    .unwrap_or("/")
                    .to_string();
                let dir = if dir.starts_with('/') {
                    dir.clone()
                } else {
                    format!("{}/{dir}", base.trim_end_matches('/'))
                };
                config.insert("WorkingDir".into(), json!(dir));
            }
            Change::User(u) => {
                config.insert("User".into(), json!(u));
            }
            Change::StopSignal(s) => {
                config.insert("StopSignal".into(), json!(s));
            }
            Change::Label(pairs) => {
                insert_all(config, "Labels", pairs.iter().map(|(k, v)| (k, json!(v))))
            }
            Change::Expose(ports) => {
                insert_all(config, "ExposedPorts", ports.iter().map(|p| (p, json!({}))))
            }
            Change::Volume(vols) => {
                insert_all(config, "Volumes", vols.iter().map(|v| (v, json!({}))))
            }
        }
    }
}

fn insert_all<'a>(
    config: &mut Map<String, Value>,
    key: &str,
    items: impl Iterator<Item = (&'a String, Value)>,
) {
    let obj = config.entry(key).or_insert_with(|| json!({}));
    if !obj.is_object() {
        *obj = json!({});
    }
    if let Some(obj) = obj.as_object_mut() {
        for (k, v) in items {
            obj.insert(k.clone(), v);
        }
    }
}

/// The image config: the base's (for commit) or an empty one (for import), with the new
/// layer on top and the changes applied. Returns the config bytes and its creation time.
fn build_config(
    base: Option<&Value>,
    platform: &Platform,
    diff_id: &str,
    changes: &[Change],
    message: Option<&str>,
) -> (Vec<u8>, String) {
    let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    let mut config = base.cloned().unwrap_or_else(|| {
        let mut c = json!({
            "architecture": platform.arch,
            "os": platform.os,
            "config": {},
            "rootfs": {"type": "layers", "diff_ids": []},
            "history": [],
        });
        if let Some(v) = &platform.variant {
            c["variant"] = json!(v);
        }
        c
    });
    config["created"] = json!(created);
    let mut inner = config["config"].as_object().cloned().unwrap_or_default();
    apply_changes(&mut inner, changes);
    config["config"] = Value::Object(inner);
    let push = |v: &mut Value, item: Value| match v.as_array_mut() {
        Some(a) => a.push(item),
        None => *v = json!([item]),
    };
    push(&mut config["rootfs"]["diff_ids"], json!(diff_id));
    push(
        &mut config["history"],
        json!({"created": created, "created_by": message.unwrap_or("import")}),
    );
    (config.to_string().into_bytes(), created)
}

/// Import a filesystem tarball (plain, gzip or zstd) as a one-layer image; returns its ID.
/// The change instructions are all checked before anything is read. `tarball` is a
/// stream (standard input, a request's body).
pub fn import(
    store: &Store,
    tarball: impl io::Read,
    changes: &[String],
    message: Option<&str>,
    rootless: bool,
) -> Result<String, ImportError> {
    import_as(
        store,
        tarball,
        None,
        changes,
        message,
        rootless,
        &Platform::host(),
    )
}

/// `import --platform/--arch/--os/--variant`: the image's config names `platform`, as
/// Podman and Docker record it (nothing in the tarball is checked against it). `file`:
/// where `tarball` is read from (None for a stream), which the trust policy may name.
pub fn import_as(
    store: &Store,
    tarball: impl io::Read,
    file: Option<&Path>,
    changes: &[String],
    message: Option<&str>,
    rootless: bool,
    platform: &Platform,
) -> Result<String, ImportError> {
    Policy::in_force(&store.paths)?.check_local(&LocalImage {
        transport: LocalTransport::Tarball,
        file,
        image: String::new(),
    })?;
    let (layers, size, config, created) =
        layer_image(store, None, platform, tarball, changes, message, rootless)?;
    let id = store_image(store, layers, size, config, created)?;
    store.emit("import", &id, "");
    Ok(id)
}

/// A new image made of `base` (its layers and config, if any) plus `tarball` as the top
/// layer: `import` without a base, `commit` with the container's image as base.
pub fn add_layer(
    store: &Store,
    base: Option<(&ImageRecord, Value)>,
    tarball: impl io::Read,
    changes: &[String],
    message: Option<&str>,
    rootless: bool,
) -> Result<String, ImportError> {
    add_layer_as(
        store,
        base,
        tarball,
        changes,
        message,
        rootless,
        ManifestFormat::Oci,
    )
}

/// `add_layer` with the manifest written in `format` (`commit`).
pub fn add_layer_as(
    store: &Store,
    base: Option<(&ImageRecord, Value)>,
    tarball: impl io::Read,
    changes: &[String],
    message: Option<&str>,
    rootless: bool,
    format: ManifestFormat,
) -> Result<String, ImportError> {
    let host = Platform::host();
    let (layers, size, config, created) =
        layer_image(store, base, &host, tarball, changes, message, rootless)?;
    store_image_as(store, layers, size, config, created, format)
}

/// `add_layer`'s layers, size, config and creation time (stored by the caller); an image
/// without a base is recorded for `platform`.
fn layer_image(
    store: &Store,
    base: Option<(&ImageRecord, Value)>,
    platform: &Platform,
    tarball: impl io::Read,
    changes: &[String],
    message: Option<&str>,
    rootless: bool,
) -> Result<(Vec<ImageLayer>, u64, Vec<u8>, String), ImportError> {
    let changes = changes
        .iter()
        .map(|c| parse_change(c))
        .collect::<Result<Vec<_>, _>>()?;
    let layer = store_layer(store, tarball, rootless)?;
    let (config, created) = build_config(
        base.as_ref().map(|b| &b.1),
        platform,
        &layer.diff_id,
        &changes,
        message,
    );
    let base_size = base.as_ref().map(|b| b.0.size).unwrap_or(0);
    let size = layer.blob_size;
    let mut layers = base.map(|b| b.0.layers.clone()).unwrap_or_default();
    layers.push(layer);
    Ok((layers, base_size + size, config, created))
}

/// Store `tarball` (plain or compressed) as a layer, unpacked and kept as a blob; the
/// layer as images list it.
pub fn store_layer(
    store: &Store,
    tarball: impl io::Read,
    rootless: bool,
) -> Result<ImageLayer, ImportError> {
    // The digest is unknown until the whole input has been read: keep the plain tar in a
    // tmp file first, then extract it from there like any other layer.
    let tmp = store.tmp_dir()?;
    let tar_path = tmp.path().join("layer.tar");
    let (diff_id, size) = {
        let io_err = |source| ImportError::Io {
            what: "reading tarball".into(),
            source,
        };
        let mut plain = DigestReader::new(compression::decompress(tarball).map_err(io_err)?);
        let mut out = File::create(&tar_path).map_err(|source| ImportError::Io {
            what: tar_path.display().to_string(),
            source,
        })?;
        io::copy(&mut plain, &mut out).map_err(io_err)?;
        plain.finish()
    };

    if !store.has_layer(&diff_id)? {
        let spec = LayerSpec {
            blob_digest: diff_id.clone(),
            diff_id: diff_id.clone(),
            rootless,
        };
        let keep = if store.has_blob(&diff_id) {
            KeepBlob::No
        } else {
            KeepBlob::Move(tar_path.clone())
        };
        let f = File::open(&tar_path).map_err(|source| ImportError::Io {
            what: tar_path.display().to_string(),
            source,
        })?;
        layer_unpack::prepare(store, &spec, f, keep)?.commit(store)?;
    } else if !store.has_blob(&diff_id) {
        // Our own tmp file, hashed as we wrote it.
        store.commit_blob(&tar_path, &diff_id)?;
    }

    Ok(ImageLayer {
        diff_id: diff_id.clone(),
        blob_digest: diff_id,
        blob_media_type: LAYER_MEDIA_TYPE.to_string(),
        blob_size: size,
    })
}

/// Store an image of `layers` (already in the store) with this config; its ID.
pub fn store_image(
    store: &Store,
    layers: Vec<ImageLayer>,
    size: u64,
    config: Vec<u8>,
    created: String,
) -> Result<String, ImportError> {
    store_image_as(store, layers, size, config, created, ManifestFormat::Oci)
}

/// `store_image` with the manifest written in `format`.
pub fn store_image_as(
    store: &Store,
    mut layers: Vec<ImageLayer>,
    size: u64,
    config: Vec<u8>,
    created: String,
    format: ManifestFormat,
) -> Result<String, ImportError> {
    let id = store.write_blob(&config)?;
    let (manifest, media_type) = match format {
        ManifestFormat::Oci => (
            synthesize_manifest(&id, config.len() as u64, &layers),
            oci_client::manifest::OCI_IMAGE_MEDIA_TYPE,
        ),
        ManifestFormat::Docker => {
            for l in &mut layers {
                l.blob_media_type = docker_layer_type(&l.blob_media_type);
            }
            (
                docker_manifest(&id, config.len() as u64, &layers),
                DOCKER_MANIFEST_MEDIA_TYPE,
            )
        }
    };
    let record = ImageRecord {
        id: id.clone(),
        manifest_digest: crate::image::store::sha256_digest(&manifest),
        manifest,
        manifest_media_type: media_type.to_string(),
        config,
        created,
        size,
        added_at: chrono::Utc::now().timestamp(),
        layers,
    };
    store.put_image(&record, &[], &[])?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::archive::tests::{layer_tar, test_store};
    use std::io::Write;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn parses_changes() {
        assert_eq!(
            parse_change(r#"CMD ["nginx", "-g", "daemon off;"]"#).unwrap(),
            Change::Cmd(s(&["nginx", "-g", "daemon off;"]))
        );
        assert_eq!(
            parse_change("cmd echo hi && sleep 1").unwrap(),
            Change::Cmd(s(&["/bin/sh", "-c", "echo hi && sleep 1"]))
        );
        assert_eq!(
            parse_change("ENTRYPOINT [\"/init\"]").unwrap(),
            Change::Entrypoint(s(&["/init"]))
        );
        assert_eq!(
            parse_change("ENTRYPOINT /init --x").unwrap(),
            Change::Entrypoint(s(&["/bin/sh", "-c", "/init --x"]))
        );
        assert_eq!(
            parse_change(r#"ENV A=1 B="two words" C=x=y D=a\ b"#).unwrap(),
            Change::Env(vec![
                ("A".into(), "1".into()),
                ("B".into(), "two words".into()),
                ("C".into(), "x=y".into()),
                ("D".into(), "a b".into()),
            ])
        );
        assert_eq!(
            parse_change("ENV PATH /usr/bin:/bin  extra").unwrap(),
            Change::Env(vec![("PATH".into(), "/usr/bin:/bin extra".into())])
        );
        assert_eq!(
            parse_change("LABEL org.x=1 'with space'=\"v 2\"").unwrap(),
            Change::Label(vec![
                ("org.x".into(), "1".into()),
                ("with space".into(), "v 2".into())
            ])
        );
        assert_eq!(
            parse_change("EXPOSE 80 53/udp 8000-8001/TCP").unwrap(),
            Change::Expose(s(&["80/tcp", "53/udp", "8000/tcp", "8001/tcp"]))
        );
        assert_eq!(
            parse_change("VOLUME /data /logs").unwrap(),
            Change::Volume(s(&["/data", "/logs"]))
        );
        assert_eq!(
            parse_change(r#"VOLUME ["/a b"]"#).unwrap(),
            Change::Volume(s(&["/a b"]))
        );
        assert_eq!(
            parse_change("  WORKDIR   /srv ").unwrap(),
            Change::Workdir("/srv".into())
        );
        assert_eq!(
            parse_change("USER 1000:1000").unwrap(),
            Change::User("1000:1000".into())
        );
        assert_eq!(
            parse_change("STOPSIGNAL SIGTERM").unwrap(),
            Change::StopSignal("SIGTERM".into())
        );
    }

    #[test]
    fn rejects_bad_changes() {
        for bad in [
            "RUN echo",
            "ONBUILD RUN x",
            "FROM alpine",
            "",
            "CMD",
            "ENV",
            "ENV A",
            "ENV =1",
            "LABEL novalue",
            "ENV A=\"unterminated",
            "EXPOSE 0",
            "EXPOSE 70000",
            "EXPOSE 80/icmp",
            "EXPOSE 90-80",
            "STOPSIGNAL SIG TERM",
        ] {
            assert!(parse_change(bad).is_err(), "{bad:?}");
        }
        let e = parse_change("RUN echo").unwrap_err().to_string();
        assert!(e.contains("unknown or unsupported instruction"), "{e}");
    }

    #[test]
    fn applies_changes_in_order() {
        let mut c = Map::new();
        let changes: Vec<Change> = [
            "ENV A=1 B=2",
            "ENV A=3",
            "WORKDIR /srv",
            "WORKDIR app",
            "LABEL x=1",
            "LABEL y=2",
            "EXPOSE 80",
            "VOLUME /data",
            "CMD [\"a\"]",
            "CMD [\"b\"]",
        ]
        .iter()
        .map(|x| parse_change(x).unwrap())
        .collect();
        apply_changes(&mut c, &changes);
        assert_eq!(
            Value::Object(c),
            json!({
                "Env": ["B=2", "A=3"],
                "WorkingDir": "/srv/app",
                "Labels": {"x": "1", "y": "2"},
                "ExposedPorts": {"80/tcp": {}},
                "Volumes": {"/data": {}},
                "Cmd": ["b"],
            })
        );
    }

    #[test]
    fn imports_a_tarball_as_one_layer() {
        let (_d, store) = test_store();
        let tar = layer_tar(&[("bin/app", b"#!/bin/sh\n"), ("etc/motd", b"hello\n")]);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&tar).unwrap();
        let gz = gz.finish().unwrap();
        let changes = s(&["CMD [\"/bin/app\"]", "ENV X=1", "EXPOSE 8080"]);
        let id = import(&store, &gz[..], &changes, Some("from a test"), true).unwrap();

        let img = store.find(&id).unwrap();
        let diff_id = crate::image::store::sha256_digest(&tar);
        assert_eq!(img.layers.len(), 1);
        assert_eq!(img.layers[0].diff_id, diff_id);
        assert_eq!(img.layers[0].blob_digest, diff_id);
        assert_eq!(img.layers[0].blob_media_type, LAYER_MEDIA_TYPE);
        assert_eq!(store.read_blob(&diff_id).unwrap(), tar);
        let motd = store.layer_dir(&diff_id).unwrap().join("etc/motd");
        assert_eq!(std::fs::read(motd).unwrap(), b"hello\n");

        let config: Value = serde_json::from_slice(&img.config).unwrap();
        assert_eq!(config["os"], "linux");
        assert_eq!(config["architecture"], json!(Platform::host().arch));
        assert_eq!(config["rootfs"]["diff_ids"], json!([diff_id]));
        assert_eq!(config["history"][0]["created_by"], "from a test");
        assert_eq!(config["config"]["Cmd"], json!(["/bin/app"]));
        assert_eq!(config["config"]["Env"], json!(["X=1"]));
        assert_eq!(config["config"]["ExposedPorts"], json!({"8080/tcp": {}}));
        assert_eq!(img.created, config["created"].as_str().unwrap());
        let m: Value = serde_json::from_slice(&img.manifest).unwrap();
        assert_eq!(m["config"]["digest"], json!(id));
        assert_eq!(m["layers"][0]["size"], json!(tar.len()));

        // importing the same tree again reuses the layer
        let id2 = import(&store, &tar[..], &[], None, true).unwrap();
        assert_ne!(id2, id);
        assert_eq!(std::fs::read_dir(store.paths.layers()).unwrap().count(), 1);
        assert_eq!(std::fs::read_dir(store.paths.tmp()).unwrap().count(), 0);
    }

    #[test]
    fn bad_change_stores_nothing() {
        let (_d, store) = test_store();
        let tar = layer_tar(&[("a", b"1")]);
        let err = import(&store, &tar[..], &s(&["RUN x"]), None, true).unwrap_err();
        assert!(matches!(err, ImportError::UnknownInstruction(_)));
        assert!(store.db().images().unwrap().is_empty());
        assert_eq!(
            std::fs::read_dir(store.paths.blobs().join("sha256"))
                .unwrap()
                .count(),
            0
        );
    }
}
