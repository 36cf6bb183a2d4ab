//! `commit`: a new image made of a container's image plus the container's changes (its
//! overlay upper dir) as one more layer, with the container's command and environment.

use std::fs::File;
use std::io::BufWriter;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::record::{ContainerConfig, MountKind, Status};
use super::{Container, ContainerError, Engine};
use crate::image::import::{self, ImportError, ManifestFormat};
use crate::image::store::StoreError;
use crate::storage::db::DbError;

/// What `cove commit` (and the API's `POST /commit`) can ask for.
#[derive(Debug, Clone, Default)]
pub struct CommitRequest {
    /// Dockerfile instructions applied to the new image's config (`CMD`, `ENV`, ...).
    pub changes: Vec<String>,
    /// For the image history; `commit <short id>` when absent.
    pub message: Option<String>,
    pub author: Option<String>,
    /// Pause a running container while its changes are archived, for a consistent copy.
    pub pause: bool,
    /// A store name for the new image (see `reference::local_name`).
    pub name: Option<String>,
    /// Podman's `--include-volumes`: the container's volume and bind mount points become
    /// the image's volumes.
    pub include_volumes: bool,
    /// `--format docker`: a Docker v2 schema 2 manifest and config (which keep
    /// HEALTHCHECK, ONBUILD and SHELL); OCI's has no such fields, so they are dropped.
    pub format: ManifestFormat,
    /// `--squash`: the image is one layer holding the container's whole filesystem.
    pub squash: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CommitError {
    #[error(transparent)]
    Container(#[from] ContainerError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("the config of image {image}: {source}")]
    ImageConfig {
        image: String,
        source: serde_json::Error,
    },
    /// Podman's words: a `--rootfs` container has no image to add a layer to.
    #[error("cannot commit a container that uses an exploded rootfs")]
    ExplodedRootfs,
    #[error("archiving the changes of {name}: {source}")]
    Archive {
        name: String,
        source: std::io::Error,
    },
}

/// The fields of an image config that commit sets; every other one is kept as it was.
#[derive(Debug, Serialize, Deserialize)]
struct ImageConfig {
    #[serde(default, deserialize_with = "null_as_default")]
    config: RunConfig,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// The image's `config` object (what a container of it runs).
#[derive(Debug, Default, Serialize, Deserialize)]
struct RunConfig {
    #[serde(rename = "Cmd", default)]
    cmd: Option<Vec<String>>,
    #[serde(rename = "Env", default)]
    env: Option<Vec<String>>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// The base image's config with the container's command and environment, as Docker does.
fn new_config(
    base: &[u8],
    container: &ContainerConfig,
    author: Option<&str>,
    include_volumes: bool,
) -> serde_json::Result<Value> {
    let mut image: ImageConfig = serde_json::from_slice(base)?;
    if include_volumes {
        let volumes = image
            .config
            .rest
            .entry("Volumes")
            .or_insert_with(|| Value::Object(Map::new()));
        if !volumes.is_object() {
            *volumes = Value::Object(Map::new());
        }
        if let Value::Object(v) = volumes {
            for m in container
                .mounts
                .iter()
                .filter(|m| m.kind != MountKind::Tmpfs)
            {
                v.insert(m.destination.clone(), Value::Object(Map::new()));
            }
        }
    }
    image.config.cmd =
        Some(container.args[container.entrypoint.len().min(container.args.len())..].to_vec());
    image.config.env = Some(container.env.clone());
    if let Some(a) = author {
        image.author = Some(a.to_string());
    }
    serde_json::to_value(image)
}

/// Commit `c` as a new image; its ID.
pub fn commit(
    engine: &Engine,
    c: &mut Container,
    req: &CommitRequest,
) -> Result<String, CommitError> {
    if c.config.rootfs.is_some() {
        return Err(CommitError::ExplodedRootfs);
    }
    let store = &engine.store;
    let mut base = store.find(&c.image_id)?;
    let mut config = new_config(
        &base.config,
        &c.config,
        req.author.as_deref(),
        req.include_volumes,
    )
    .map_err(|source| CommitError::ImageConfig {
        image: base.id.clone(),
        source,
    })?;
    if req.format == ManifestFormat::Oci {
        if let Some(run) = config.get_mut("config").and_then(Value::as_object_mut) {
            for docker_only in ["Healthcheck", "OnBuild", "Shell"] {
                run.remove(docker_only);
            }
        }
    }
    if req.squash {
        // The base's layers and their history are all in the one new layer.
        base.layers.clear();
        base.size = 0;
        config["rootfs"]["diff_ids"] = Value::Array(Vec::new());
        config["history"] = Value::Array(Vec::new());
    }
    let paused = req.pause && c.state.status == Status::Running && engine.pause(c).is_ok();
    let tmp = store.tmp_dir()?;
    let tar_path = tmp.path().join("commit.tar");
    let written = if req.squash {
        squashed_tar(engine, c, &tar_path)
    } else {
        let upper = engine.container_dir(&c.id).join("upper");
        File::create(&tar_path)
            .and_then(|f| super::changes::layer_tar(&upper, BufWriter::new(f)))
            .map_err(|source| CommitError::Archive {
                name: c.name.clone(),
                source,
            })
    };
    if paused {
        engine.unpause(c)?;
    }
    let archive_err = |source| CommitError::Archive {
        name: c.name.clone(),
        source,
    };
    written?;
    let tar = File::open(&tar_path).map_err(archive_err)?;
    let message = req
        .message
        .clone()
        .unwrap_or_else(|| format!("commit {}", c.short_id()));
    let id = import::add_layer_as(
        store,
        Some((&base, config)),
        tar,
        &req.changes,
        Some(&message),
        engine.rootless,
        req.format,
    )?;
    if let Some(name) = &req.name {
        store.db().set_name(name, &id)?;
    }
    Ok(id)
}

/// `--squash`: the container's whole filesystem as it is mounted, as `export` writes it.
fn squashed_tar(
    engine: &Engine,
    c: &mut Container,
    tar_path: &std::path::Path,
) -> Result<(), CommitError> {
    let was_mounted = c.state.mounted;
    let root = engine.mount(c)?;
    let written =
        File::create(tar_path).and_then(|f| super::changes::export(&root, BufWriter::new(f)));
    if !was_mounted {
        engine.unmount(c)?;
    }
    written.map_err(|source| CommitError::Archive {
        name: c.name.clone(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::MountSpec;

    fn container(args: &[&str], entrypoint: &[&str]) -> ContainerConfig {
        ContainerConfig {
            args: args.iter().map(|s| s.to_string()).collect(),
            entrypoint: entrypoint.iter().map(|s| s.to_string()).collect(),
            env: vec!["PATH=/bin".into(), "A=1".into()],
            ..Default::default()
        }
    }

    #[test]
    fn the_container_command_and_env_replace_the_images() {
        let base = br#"{"architecture":"amd64","os":"linux","author":"base",
            "config":{"Cmd":["sh"],"Env":["PATH=/usr/bin"],"Entrypoint":["/init"],
                      "Healthcheck":{"Test":["CMD","true"]},"Labels":{"a":"b"}},
            "rootfs":{"type":"layers","diff_ids":["sha256:1"]},"history":[{"created_by":"x"}]}"#;
        let v = new_config(
            base,
            &container(&["/init", "run", "-v"], &["/init"]),
            None,
            false,
        )
        .unwrap();
        assert_eq!(v["config"]["Cmd"], serde_json::json!(["run", "-v"]));
        assert_eq!(v["config"]["Env"], serde_json::json!(["PATH=/bin", "A=1"]));
        // Everything else is the base image's, including fields oci-spec does not know.
        assert_eq!(v["config"]["Entrypoint"], serde_json::json!(["/init"]));
        assert_eq!(v["config"]["Healthcheck"]["Test"][1], "true");
        assert_eq!(v["config"]["Labels"]["a"], "b");
        assert_eq!(v["author"], "base");
        assert_eq!(v["rootfs"]["diff_ids"][0], "sha256:1");
        assert_eq!(v["history"][0]["created_by"], "x");

        let v = new_config(base, &container(&["sh"], &[]), Some("me"), false).unwrap();
        assert_eq!(v["author"], "me");
        assert_eq!(v["config"]["Cmd"], serde_json::json!(["sh"]));
    }

    #[test]
    fn an_image_without_a_run_config_gets_one() {
        let v = new_config(br#"{"config":null}"#, &container(&["a"], &[]), None, false).unwrap();
        assert_eq!(v["config"]["Cmd"], serde_json::json!(["a"]));
        assert!(v.get("author").is_none());
        let v = new_config(b"{}", &container(&["a"], &[]), None, false).unwrap();
        assert_eq!(v["config"]["Env"][1], "A=1");
        assert!(new_config(b"[]", &container(&["a"], &[]), None, false).is_err());
    }

    #[test]
    fn include_volumes_adds_the_mount_points() {
        let mut c = container(&["a"], &[]);
        c.mounts = vec![MountSpec {
            kind: MountKind::Volume,
            source: "v".into(),
            destination: "/data".into(),
            options: Vec::new(),
        }];
        let base = br#"{"config":{"Volumes":{"/old":{}}}}"#;
        let v = new_config(base, &c, None, true).unwrap();
        assert_eq!(
            v["config"]["Volumes"],
            serde_json::json!({"/old": {}, "/data": {}})
        );
        let v = new_config(base, &c, None, false).unwrap();
        assert_eq!(v["config"]["Volumes"], serde_json::json!({"/old": {}}));
    }
}
