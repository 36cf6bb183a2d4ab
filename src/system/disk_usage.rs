//! What the store takes on disk, by kind (`system df`). Image sizes come from the layer
//! rows (uncompressed sizes recorded at extraction); a layer shared by several images is
//! counted once in the total. A container's size is its writable layer, a volume's its
//! data directory, both measured by walking the files.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::Result;
use crate::container::{Container, Engine};
use crate::volume::{self, Volume};

pub struct ImageUsage {
    /// `sha256:<hex>`.
    pub id: String,
    pub names: Vec<String>,
    /// From the image config (RFC 3339), empty when absent.
    pub created: String,
    pub size: u64,
    /// The part of `size` in layers other images use too.
    pub shared_size: u64,
    /// Containers created from the image.
    pub containers: usize,
}

impl ImageUsage {
    pub fn unique_size(&self) -> u64 {
        self.size.saturating_sub(self.shared_size)
    }
}

pub struct ContainerUsage {
    pub container: Container,
    /// The writable layer (the whole root filesystem for vfs).
    pub size: u64,
    /// How many volumes it mounts.
    pub local_volumes: usize,
}

pub struct VolumeUsage {
    pub volume: Volume,
    /// Containers that mount it.
    pub links: usize,
    pub size: u64,
}

/// One line of the summary table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub total: usize,
    pub active: usize,
    pub size: u64,
    /// What removing everything inactive would free.
    pub reclaimable: u64,
}

pub struct DiskUsage {
    pub images: Vec<ImageUsage>,
    pub containers: Vec<ContainerUsage>,
    pub volumes: Vec<VolumeUsage>,
    /// Images and their sizes with each layer counted once.
    pub images_summary: Summary,
}

impl DiskUsage {
    pub fn containers_summary(&self) -> Summary {
        summarize(
            self.containers
                .iter()
                .map(|c| (!c.container.state.status.is_stopped(), c.size)),
        )
    }

    pub fn volumes_summary(&self) -> Summary {
        summarize(self.volumes.iter().map(|v| (v.links > 0, v.size)))
    }
}

fn summarize(items: impl Iterator<Item = (bool, u64)>) -> Summary {
    let mut s = Summary {
        total: 0,
        active: 0,
        size: 0,
        reclaimable: 0,
    };
    for (active, size) in items {
        s.total += 1;
        s.size += size;
        if active {
            s.active += 1;
        } else {
            s.reclaimable += size;
        }
    }
    s
}

pub fn measure(engine: &Engine) -> Result<DiskUsage> {
    let containers = engine.list()?;
    let images = engine.store.db().images()?;

    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for c in &containers {
        *uses.entry(c.image_id.clone()).or_default() += 1;
    }
    // Distinct layers per image (an image may list an empty layer twice), and how many
    // images hold each layer.
    let layer_sets: Vec<BTreeSet<&str>> = images
        .iter()
        .map(|i| i.layers.iter().map(|l| l.diff_id.as_str()).collect())
        .collect();
    let mut holders: BTreeMap<&str, usize> = BTreeMap::new();
    for set in &layer_sets {
        for l in set {
            *holders.entry(l).or_default() += 1;
        }
    }
    let mut layer_size: BTreeMap<&str, u64> = BTreeMap::new();
    for l in holders.keys() {
        layer_size.insert(l, engine.store.db().layer_size(l)?.unwrap_or(0));
    }

    let mut image_usage = Vec::with_capacity(images.len());
    let mut in_use: BTreeSet<&str> = BTreeSet::new();
    for (img, set) in images.iter().zip(&layer_sets) {
        let containers = uses.get(&img.id).copied().unwrap_or(0);
        if containers > 0 {
            in_use.extend(set.iter().copied());
        }
        let size = set.iter().map(|l| layer_size[l]).sum();
        let shared_size = set
            .iter()
            .filter(|l| holders[*l] > 1)
            .map(|l| layer_size[l])
            .sum();
        image_usage.push(ImageUsage {
            id: img.id.clone(),
            names: engine.store.db().names_of(&img.id)?,
            created: img.created.clone(),
            size,
            shared_size,
            containers,
        });
    }
    let images_summary = Summary {
        total: images.len(),
        active: image_usage.iter().filter(|i| i.containers > 0).count(),
        size: layer_size.values().sum(),
        reclaimable: layer_size
            .iter()
            .filter(|(l, _)| !in_use.contains(*l))
            .map(|(_, s)| s)
            .sum(),
    };

    let users = crate::container::volume_users(&containers);
    let volumes = volume::list(&engine.store)?
        .into_iter()
        .map(|v| VolumeUsage {
            links: users.get(&v.name).map_or(0, Vec::len),
            size: tree_size(&volume::data_dir(&engine.store, &v.name)),
            volume: v,
        })
        .collect();

    let container_usage = containers
        .into_iter()
        .map(|c| ContainerUsage {
            size: container_size(engine, &c.id),
            local_volumes: c
                .config
                .mounts
                .iter()
                .filter(|m| m.kind == crate::container::MountKind::Volume)
                .count(),
            container: c,
        })
        .collect();

    Ok(DiskUsage {
        images: image_usage,
        containers: container_usage,
        volumes,
        images_summary,
    })
}

/// `inspect --size`: what the container wrote, and that plus its image's layers.
pub fn container_sizes(engine: &Engine, c: &Container) -> Result<(u64, u64)> {
    let rw = container_size(engine, &c.id);
    let mut image = 0;
    if let Ok(img) = engine.store.find(&c.image_id) {
        let layers: BTreeSet<&str> = img.layers.iter().map(|l| l.diff_id.as_str()).collect();
        for l in layers {
            image += engine.store.db().layer_size(l)?.unwrap_or(0);
        }
    }
    Ok((rw, rw + image))
}

/// What a container has written: its upper dir, or with vfs (no layers) its whole copy.
pub fn container_size(engine: &Engine, id: &str) -> u64 {
    let dir: PathBuf = if engine.driver.uses_upper() {
        engine.container_dir(id).join("upper")
    } else {
        engine.rootfs(id)
    };
    tree_size(&dir)
}

/// Bytes in the files below `root` (apparent sizes, hard links once, symlinks not
/// followed). What cannot be read counts as nothing: a size is a report, not a reason to
/// fail the command.
pub fn tree_size(root: &Path) -> u64 {
    let mut total = 0;
    let mut seen: HashSet<(u64, u64)> = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(meta) = e.path().symlink_metadata() else {
                continue;
            };
            if meta.is_dir() {
                stack.push(e.path());
            } else if meta.nlink() < 2 || seen.insert((meta.dev(), meta.ino())) {
                total += meta.len();
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_size_counts_files_once_and_ignores_missing_dirs() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("a"), vec![0u8; 100]).unwrap();
        fs::write(dir.path().join("sub/b"), vec![0u8; 50]).unwrap();
        fs::hard_link(dir.path().join("a"), dir.path().join("sub/a2")).unwrap();
        assert_eq!(tree_size(dir.path()), 150);
        assert_eq!(tree_size(&dir.path().join("missing")), 0);
    }

    #[test]
    fn summary_counts_inactive_as_reclaimable() {
        let s = summarize([(true, 10), (false, 5), (false, 1)].into_iter());
        assert_eq!(
            s,
            Summary {
                total: 3,
                active: 1,
                size: 16,
                reclaimable: 6
            }
        );
    }
}
