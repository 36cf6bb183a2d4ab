//! `--squash` and `--squash-all`: the final image's layers merged into one. `--squash`
//! merges the layers the build added (the base image's stay, as Podman keeps them):
//! their entries replayed in order, so a later layer's file, deletion (whiteout) or
//! opaque directory wins, and what survives is written as one layer. `--squash-all`
//! writes the whole filesystem, read through a mount of the image, as the only layer.
//! The history is Podman's: entries of the squashed steps stay, all but the last marked
//! empty.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::copy::mount_image;
use super::{BuildError, Squash};
use crate::container::Engine;
use crate::image::import;
use crate::storage::db::ImageRecord;

enum Entry {
    Whiteout,
    /// A path in one of the layer directories; `opaque`: it hides what the base has there.
    Path {
        at: PathBuf,
        opaque: bool,
    },
}

/// Drop everything below `rel` from the merged view.
fn forget_below(map: &mut BTreeMap<String, Entry>, rel: &str) {
    let prefix = format!("{rel}/");
    let below: Vec<String> = map
        .range(prefix.clone()..)
        .take_while(|(k, _)| k.starts_with(&prefix))
        .map(|(k, _)| k.clone())
        .collect();
    for k in below {
        map.remove(&k);
    }
}

/// Replay one layer directory over the merged view.
fn replay(map: &mut BTreeMap<String, Entry>, dir: &Path, rel: &str) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let r = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let m = fs::symlink_metadata(e.path())?;
        if m.file_type().is_char_device() && m.rdev() == 0 {
            forget_below(map, &r);
            map.insert(r, Entry::Whiteout);
            continue;
        }
        let was_whiteout = matches!(map.get(&r), Some(Entry::Whiteout));
        let opaque = m.is_dir()
            && (crate::storage::whiteout::is_opaque(&e.path()).unwrap_or(false) || was_whiteout);
        if !m.is_dir() || opaque {
            forget_below(map, &r);
        }
        // A directory made again keeps being opaque if an earlier new layer made it so.
        let kept = matches!(map.get(&r), Some(Entry::Path { opaque: true, .. }));
        map.insert(
            r.clone(),
            Entry::Path {
                at: e.path(),
                opaque: opaque || (kept && m.is_dir()),
            },
        );
        if m.is_dir() {
            replay(map, &e.path(), &r)?;
        }
    }
    Ok(())
}

fn marker(b: &mut tar::Builder<BufWriter<File>>, path: String) -> io::Result<()> {
    let mut h = tar::Header::new_gnu();
    h.set_size(0);
    h.set_mode(0o644);
    h.set_entry_type(tar::EntryType::Regular);
    b.append_data(&mut h, path, io::empty())
}

/// The merged layer of `layers` (directories, bottom first) written to `out`.
fn merged_tar(layers: &[PathBuf], out: &Path) -> io::Result<()> {
    let mut map = BTreeMap::new();
    for l in layers {
        replay(&mut map, l, "")?;
    }
    let mut b = tar::Builder::new(BufWriter::new(File::create(out)?));
    b.follow_symlinks(false);
    b.mode(tar::HeaderMode::Complete);
    for (rel, entry) in &map {
        match entry {
            Entry::Whiteout => {
                let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
                let wh = if dir.is_empty() {
                    format!(".wh.{name}")
                } else {
                    format!("{dir}/.wh.{name}")
                };
                marker(&mut b, wh)?;
            }
            Entry::Path { at, opaque } => {
                b.append_path_with_name(at, rel)?;
                if *opaque {
                    marker(&mut b, format!("{rel}/.wh..wh..opq"))?;
                }
            }
        }
    }
    let mut w = b.into_inner()?;
    io::Write::flush(&mut w)
}

/// The whole filesystem of `img` as one layer tar at `out`.
pub(super) fn flat_tar(engine: &Engine, img: &ImageRecord, out: &Path) -> Result<(), BuildError> {
    let io_err = |source| BuildError::Read {
        path: "the image's filesystem".into(),
        source,
    };
    let f = File::create(out).map_err(io_err)?;
    match mount_image(engine, img)? {
        Some(m) => crate::container::changes::export(&m.target, BufWriter::new(f)),
        None => tar::Builder::new(f).finish(),
    }
    .map_err(io_err)
}

/// The image `img` (config `config`) with its layers squashed as `how` says: the new
/// image's config, layers and size, ready to be stored. `base_layers` is how many layers
/// the stage's base image has.
pub(super) fn squash(
    engine: &Engine,
    img: &ImageRecord,
    mut config: Value,
    base_layers: usize,
    base_history: usize,
    how: Squash,
) -> Result<(Value, Vec<crate::storage::db::ImageLayer>, u64), BuildError> {
    let keep = match how {
        Squash::All => 0,
        _ => base_layers.min(img.layers.len()),
    };
    if how == Squash::New && keep == img.layers.len() {
        // Nothing new to squash.
        return Ok((config, img.layers.clone(), img.size));
    }
    let tmp = engine.store.tmp_dir()?;
    let tar_path = tmp.path().join("squashed.tar");
    if how == Squash::All {
        flat_tar(engine, img, &tar_path)?;
    } else {
        let dirs = img.layers[keep..]
            .iter()
            .map(|l| engine.store.layer_dir(&l.diff_id))
            .collect::<Result<Vec<_>, _>>()?;
        merged_tar(&dirs, &tar_path).map_err(|source| BuildError::Read {
            path: "the build's layers".into(),
            source,
        })?;
    }
    let f = File::open(&tar_path).map_err(|source| BuildError::Read {
        path: tar_path.display().to_string(),
        source,
    })?;
    let layer =
        import::store_layer(&engine.store, f, engine.rootless).map_err(|e| BuildError::Read {
            path: "the squashed layer".into(),
            source: io::Error::other(e.to_string()),
        })?;
    let mut layers = img.layers[..keep].to_vec();
    layers.push(layer);
    let size = layers.iter().map(|l| l.blob_size).sum();
    config["rootfs"] = json!({
        "type": "layers",
        "diff_ids": layers.iter().map(|l| l.diff_id.clone()).collect::<Vec<_>>(),
    });
    let mut history: Vec<Value> = config["history"].as_array().cloned().unwrap_or_default();
    let mut new: Vec<Value> = history.split_off(base_history.min(history.len()));
    if how == Squash::All {
        history.clear();
    }
    let last = new.len().saturating_sub(1);
    for (i, h) in new.iter_mut().enumerate() {
        if i == last {
            if let Some(o) = h.as_object_mut() {
                o.remove("empty_layer");
            }
        } else {
            h["empty_layer"] = json!(true);
        }
    }
    if new.is_empty() {
        new.push(json!({"created_by": "squashed"}));
    }
    history.extend(new);
    config["history"] = json!(history);
    Ok((config, layers, size))
}
