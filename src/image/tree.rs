//! `image tree` (an image's layers, and with `--whatrequires` the images built on it) and
//! `image diff` (what an image's top layer changed), as Podman shows them.

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::lineage::Lineage;
use super::store::{Store, StoreError};
use crate::container::changes::Kind;
use crate::storage::db::ImageRecord;
use crate::storage::whiteout::{is_opaque, is_whiteout};

#[derive(Debug, thiserror::Error)]
pub enum TreeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("reading the layers of {image}: {source}")]
    Io {
        image: String,
        source: std::io::Error,
    },
    #[error("{0}: a manifest list has no layers")]
    NoLayers(String),
}

/// One layer as a tree line: Podman's layer ID, its size, and the images whose top
/// layer it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeLayer {
    pub id: String,
    pub size: u64,
    pub top_of: Vec<String>,
    pub children: Vec<TreeLayer>,
}

#[derive(Debug, Clone)]
pub struct Tree {
    pub id: String,
    pub tags: Vec<String>,
    pub size: u64,
    /// Bottom layer first; with `whatrequires`, only the top layer, whose children are
    /// the top layers of the images made from this one.
    pub layers: Vec<TreeLayer>,
}

/// The IDs Podman's storage gives an image's layers, bottom first: the first is its
/// diff ID, each next one the digest of "PARENTHEX+DIFFHEX", so a layer shared by two
/// images is one line of the tree.
pub fn chain_ids(img: &ImageRecord) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(img.layers.len());
    for l in &img.layers {
        let id = match out.last() {
            None => l.diff_id.clone(),
            Some(parent) => format!(
                "sha256:{}",
                hex::encode(Sha256::digest(format!(
                    "{}+{}",
                    parent.trim_start_matches("sha256:"),
                    l.diff_id.trim_start_matches("sha256:")
                )))
            ),
        };
        out.push(id);
    }
    out
}

pub fn tree(store: &Store, img: &ImageRecord, whatrequires: bool) -> Result<Tree, TreeError> {
    let db = store.db();
    let all = db.images().map_err(StoreError::from)?;
    let names = |id: &str| db.names_of(id).map_err(StoreError::from);
    // Which images each chain ID is the top layer of.
    let mut tops: std::collections::HashMap<String, Vec<String>> = Default::default();
    for i in &all {
        if let Some(top) = chain_ids(i).pop() {
            tops.entry(top).or_default().extend(names(&i.id)?);
        }
    }
    let size_of = |diff_id: &str| -> Result<u64, TreeError> {
        Ok(db
            .layer_size(diff_id)
            .map_err(StoreError::from)?
            .unwrap_or(0))
    };
    let chain = chain_ids(img);
    let mut layers = Vec::new();
    for (l, id) in img.layers.iter().zip(&chain) {
        layers.push(TreeLayer {
            id: id.clone(),
            size: size_of(&l.diff_id)?,
            top_of: tops.get(id).cloned().unwrap_or_default(),
            children: Vec::new(),
        });
    }
    if whatrequires {
        let Some(mut top) = layers.pop() else {
            return Err(TreeError::NoLayers(img.id.clone()));
        };
        let lineage = Lineage::of(&all);
        let mut kids: Vec<&ImageRecord> = all
            .iter()
            .filter(|i| lineage.parent(&i.id) == Some(img.id.as_str()))
            .collect();
        kids.sort_by(|a, b| a.id.cmp(&b.id));
        for k in kids {
            let (Some(l), Some(id)) = (k.layers.last(), chain_ids(k).pop()) else {
                continue;
            };
            if id == top.id {
                continue;
            }
            top.children.push(TreeLayer {
                size: size_of(&l.diff_id)?,
                top_of: tops.get(&id).cloned().unwrap_or_default(),
                id,
                children: Vec::new(),
            });
        }
        layers = vec![top];
    }
    Ok(Tree {
        id: img.id.clone(),
        tags: names(&img.id)?,
        // Podman counts the stored config and manifest too.
        size: img.size + (img.config.len() + img.manifest.len()) as u64,
        layers,
    })
}

/// What the image's top layer changed against the layers below it, as Podman's naive
/// diff tells it: a file present below is changed only when its type, mode, owner,
/// device, size or mtime differ; a directory when those differ (size and mtime aside)
/// or something inside it changed; a whiteout, or an opaque directory hiding what was
/// below, is a deletion; anything else in the layer is added.
pub fn image_diff(store: &Store, img: &ImageRecord) -> Result<Vec<(Kind, String)>, TreeError> {
    let Some((top, below)) = img.layers.split_last() else {
        return Ok(Vec::new());
    };
    // Topmost first: the first lower holding a path is the one that shows.
    let lowers = below
        .iter()
        .rev()
        .map(|l| store.layer_dir(&l.diff_id))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::new();
    walk(
        &store.layer_dir(&top.diff_id)?,
        Path::new("/"),
        &lowers,
        &mut out,
    )
    .map_err(|source| TreeError::Io {
        image: img.id.clone(),
        source,
    })?;
    Ok(out)
}

fn inside(lower: &Path, rel: &Path) -> PathBuf {
    lower.join(rel.strip_prefix("/").unwrap_or(rel))
}

/// What the layers below show at `rel`: none when no layer has it or the topmost that
/// does holds a whiteout.
fn below(lowers: &[PathBuf], rel: &Path) -> Option<fs::Metadata> {
    lowers
        .iter()
        .find_map(|l| fs::symlink_metadata(inside(l, rel)).ok())
        .filter(|m| !is_whiteout(m))
}

/// The names the layers below show in directory `rel`.
fn names_below(lowers: &[PathBuf], rel: &Path) -> BTreeSet<std::ffi::OsString> {
    let mut seen = BTreeSet::new();
    let mut hidden = BTreeSet::new();
    for l in lowers {
        let dir = inside(l, rel);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            if hidden.contains(&name) {
                continue;
            }
            match e.metadata() {
                Ok(m) if is_whiteout(&m) => {
                    hidden.insert(name);
                }
                _ => {
                    seen.insert(name);
                }
            }
        }
        if is_opaque(&dir).unwrap_or(false) {
            break;
        }
    }
    seen
}

/// Docker's `statDifferent`.
fn stat_different(old: &fs::Metadata, new: &fs::Metadata) -> bool {
    old.mode() != new.mode()
        || old.uid() != new.uid()
        || old.gid() != new.gid()
        || old.rdev() != new.rdev()
        || (!old.is_dir()
            && (old.mtime() != new.mtime()
                || old.mtime_nsec() != new.mtime_nsec()
                || old.size() != new.size()))
}

fn walk(
    dir: &Path,
    rel: &Path,
    lowers: &[PathBuf],
    out: &mut Vec<(Kind, String)>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = rel.join(e.file_name());
        let shown = path.display().to_string();
        let m = fs::symlink_metadata(e.path())?;
        if is_whiteout(&m) {
            if below(lowers, &path).is_some() {
                out.push((Kind::Deleted, shown));
            }
            continue;
        }
        let Some(old) = below(lowers, &path) else {
            out.push((Kind::Added, shown));
            if m.is_dir() {
                added(&e.path(), &path, out)?;
            }
            continue;
        };
        if !(m.is_dir() && old.is_dir()) {
            if stat_different(&old, &m) {
                out.push((Kind::Changed, shown));
            }
            if m.is_dir() {
                added(&e.path(), &path, out)?;
            }
            continue;
        }
        let at = out.len();
        if is_opaque(&e.path()).unwrap_or(false) {
            let upper: BTreeSet<_> = fs::read_dir(e.path())?
                .filter_map(|c| c.ok().map(|c| c.file_name()))
                .collect();
            for gone in names_below(lowers, &path).difference(&upper) {
                out.push((Kind::Deleted, path.join(gone).display().to_string()));
            }
        }
        walk(&e.path(), &path, lowers, out)?;
        if out.len() > at || stat_different(&old, &m) {
            out.insert(at, (Kind::Changed, shown));
        }
    }
    Ok(())
}

/// Everything under a directory the layers below do not have: added.
fn added(dir: &Path, rel: &Path, out: &mut Vec<(Kind, String)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = rel.join(e.file_name());
        out.push((Kind::Added, path.display().to_string()));
        if e.file_type()?.is_dir() {
            added(&e.path(), &path, out)?;
        }
    }
    Ok(())
}

/// Sizes as Podman's tree prints them ("2.019MB", "10.24kB").
pub fn size_4(bytes: u64) -> String {
    crate::format::human_size_digits(bytes, 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_have_four_significant_digits() {
        assert_eq!(size_4(2_019_000), "2.019MB");
        assert_eq!(size_4(10_240), "10.24kB");
        assert_eq!(size_4(512), "512B");
        assert_eq!(size_4(2_000_000), "2MB");
        assert_eq!(size_4(429_900_000), "429.9MB");
    }
}
