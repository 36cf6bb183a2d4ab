//! The layer cache: a step's key (its parent's key, the instruction after substitution,
//! the build args in scope, the checksum of what COPY takes) names the image that step
//! made. Entries are files `build-cache/<key>` holding an image ID; one whose image is gone
//! (removed, pruned) is simply a miss.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::image::store::Store;
use crate::storage::db::ImageRecord;

pub struct Cache {
    dir: PathBuf,
}

/// The key of a step from its parent's and the parts that decide its result.
pub fn key(parent: &str, parts: &[&str]) -> String {
    let mut h = Sha256::new();
    h.update(parent.as_bytes());
    for p in parts {
        h.update([0]);
        h.update(p.as_bytes());
    }
    hex::encode(h.finalize())
}

impl Cache {
    pub fn new(data: &Path) -> Cache {
        Cache {
            dir: data.join("build-cache"),
        }
    }

    pub fn get(&self, store: &Store, key: &str) -> Option<ImageRecord> {
        let id = fs::read_to_string(self.dir.join(key)).ok()?;
        store.find(id.trim()).ok()
    }

    /// Record `id` for `key` (written whole or not at all).
    pub fn put(&self, key: &str, id: &str) -> std::io::Result<()> {
        crate::paths::ensure_private_dir(&self.dir)?;
        let tmp = self.dir.join(format!(".{key}.{}", std::process::id()));
        fs::write(&tmp, id)?;
        fs::rename(&tmp, self.dir.join(key))
    }

    /// Forget every entry (`POST /build/prune`); the keys removed. The images stay: they
    /// go with `image prune` once nothing names or uses them.
    pub fn clear(&self) -> std::io::Result<Vec<String>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut removed = Vec::new();
        for e in entries {
            let e = e?;
            fs::remove_file(e.path())?;
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') {
                removed.push(name);
            }
        }
        Ok(removed)
    }
}
