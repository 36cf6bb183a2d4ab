//! The image store: ties the database to blobs and layer directories on disk, and answers
//! "which image does the user mean" for every command.
//!
//! Layout under the data dir: `cove.db`, `blobs/sha256/<hex>` (compressed layers and
//! configs, exactly as the registry served them), `layers/<hex of diff_id>/` (one
//! extracted layer in overlay format), `tmp/<pid>.<random>/` (work in progress; only
//! renamed into place once verified and complete), `locks/<hex of diff_id>` (empty files
//! whose flock is a pull's claim on fetching that layer).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::image::reference::Reference;
use crate::paths::{ensure_private_dir, Paths};
use crate::storage::db::{Db, DbError, ImageRecord};
use crate::storage::digest::parse_digest;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{0}: image not known")]
    NotFound(String),
    #[error("{input}: ambiguous image ID prefix matches {count} images")]
    Ambiguous { input: String, count: usize },
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Under the data dir: one lock file per layer ever claimed. They stay (a few empty
/// files): unlinking a lock file another process waits on would split the claim.
const LOCKS: &str = "locks";

pub(crate) fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

pub struct Store {
    pub paths: Paths,
    db: Mutex<Db>,
}

impl Store {
    pub fn open(paths: &Paths) -> Result<Store> {
        for d in [
            paths.data.clone(),
            paths.blobs().join("sha256"),
            paths.layers(),
            paths.tmp(),
            paths.data.join(LOCKS),
        ] {
            ensure_private_dir(&d).map_err(io_err(&d))?;
        }
        let db = Db::open(&paths.db())?;
        let store = Store {
            paths: paths.clone(),
            db: Mutex::new(db),
        };
        store.remove_stale_tmp();
        Ok(store)
    }

    /// The database, for one short operation. A poisoned lock only means another thread
    /// panicked mid-operation; SQLite's transactions keep the data consistent regardless.
    pub fn db(&self) -> MutexGuard<'_, Db> {
        self.db.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Work directories of cove processes that died (killed mid-pull): nothing in them was
    /// ever visible, so they can go.
    fn remove_stale_tmp(&self) {
        let Ok(entries) = fs::read_dir(self.paths.tmp()) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let pid = name
                .to_str()
                .and_then(|n| n.split('.').next())
                .and_then(|p| p.parse::<i32>().ok());
            let alive = pid.is_some_and(|p| Path::new(&format!("/proc/{p}")).exists());
            if !alive {
                let _ = remove_path(&e.path());
            }
        }
    }

    /// A fresh private work directory, removed on drop unless its contents are moved out.
    pub fn tmp_dir(&self) -> Result<tempfile::TempDir> {
        let dir = self.paths.tmp();
        tempfile::Builder::new()
            .prefix(&format!("{}.", std::process::id()))
            .tempdir_in(&dir)
            .map_err(io_err(&dir))
    }

    pub fn blob_path(&self, digest: &str) -> Result<PathBuf> {
        let (_, hex) = parse_digest(digest).map_err(|e| StoreError::Invalid(e.to_string()))?;
        Ok(self.paths.blobs().join("sha256").join(hex))
    }

    pub fn has_blob(&self, digest: &str) -> bool {
        self.blob_path(digest).map(|p| p.exists()).unwrap_or(false)
    }

    /// Move a verified blob file into place (atomic rename on the same filesystem).
    pub fn commit_blob(&self, verified: &Path, digest: &str) -> Result<PathBuf> {
        let dest = self.blob_path(digest)?;
        fs::rename(verified, &dest).map_err(io_err(&dest))?;
        Ok(dest)
    }

    /// Store a small blob (a config, a manifest) held in memory; returns its digest.
    pub fn write_blob(&self, data: &[u8]) -> Result<String> {
        let digest = sha256_digest(data);
        let dest = self.blob_path(&digest)?;
        if !dest.exists() {
            let tmp = self.tmp_dir()?;
            let f = tmp.path().join("blob");
            fs::write(&f, data).map_err(io_err(&f))?;
            fs::rename(&f, &dest).map_err(io_err(&dest))?;
        }
        Ok(digest)
    }

    pub fn read_blob(&self, digest: &str) -> Result<Vec<u8>> {
        let p = self.blob_path(digest)?;
        fs::read(&p).map_err(io_err(&p))
    }

    pub fn layer_dir(&self, diff_id: &str) -> Result<PathBuf> {
        let (_, hex) = parse_digest(diff_id).map_err(|e| StoreError::Invalid(e.to_string()))?;
        Ok(self.paths.layers().join(hex))
    }

    /// Is this layer fully present (row and directory)?
    pub fn has_layer(&self, diff_id: &str) -> Result<bool> {
        Ok(self.db().has_layer(diff_id)? && self.layer_dir(diff_id)?.is_dir())
    }

    /// Claim the fetching of one layer, waiting while another process (or task) holds
    /// it; held until the file is dropped. A claimer that dies loses it with its
    /// descriptors, so a killed pull never leaves a layer stuck. Blocks: call it off the
    /// async threads.
    pub fn claim_layer(&self, diff_id: &str) -> Result<fs::File> {
        let (_, hex) = parse_digest(diff_id).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let path = self.paths.data.join(LOCKS).join(hex);
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_err(&path))?;
        file.lock().map_err(io_err(&path))?;
        Ok(file)
    }

    /// Make an extracted, verified layer visible: rename, then record. If another
    /// command committed the same layer meanwhile, ours is discarded.
    pub fn commit_layer(&self, extracted: &Path, diff_id: &str, size: u64) -> Result<()> {
        let dest = self.layer_dir(diff_id)?;
        match fs::rename(extracted, &dest) {
            Ok(()) => {}
            Err(e)
                if e.raw_os_error() == Some(libc::ENOTEMPTY)
                    || e.raw_os_error() == Some(libc::EEXIST) =>
            {
                let _ = remove_path(extracted);
            }
            Err(e) => return Err(io_err(&dest)(e)),
        }
        self.db().add_layer(diff_id, size)?;
        Ok(())
    }

    /// Record an image whose blobs and layers are all committed, with its names.
    pub fn put_image(
        &self,
        record: &ImageRecord,
        names: &[String],
        repo_digests: &[(String, String)],
    ) -> Result<()> {
        let mut db = self.db();
        db.put_image(record)?;
        for n in names {
            db.set_name(n, &record.id)?;
        }
        for (repo, digest) in repo_digests {
            db.add_digest(repo, digest, &record.id)?;
        }
        Ok(())
    }

    /// Find the image a user means by `input`: a full or short ID (with or without
    /// `sha256:`), a name, a short name, or `name@digest`.
    pub fn find(&self, input: &str) -> Result<ImageRecord> {
        let id = self
            .find_id(input)?
            .ok_or_else(|| StoreError::NotFound(input.to_string()))?;
        self.db()
            .image(&id)?
            .ok_or_else(|| StoreError::NotFound(input.to_string()))
    }

    pub fn find_id(&self, input: &str) -> Result<Option<String>> {
        let db = self.db();
        let hex = input.strip_prefix("sha256:").unwrap_or(input);
        if hex.len() >= 3 && hex.len() <= 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let ids = db.ids_with_prefix(&format!("sha256:{}", hex.to_ascii_lowercase()))?;
            match ids.len() {
                0 => {}
                1 => return Ok(ids.into_iter().next()),
                n => {
                    return Err(StoreError::Ambiguous {
                        input: input.to_string(),
                        count: n,
                    })
                }
            }
        }
        let Ok(r) = Reference::parse(input) else {
            return Ok(None);
        };
        if let Some(digest) = &r.digest {
            if let Some(id) = db.digest_target(&r.repository_with_registry(), digest)? {
                return Ok(Some(id));
            }
            return Ok(db
                .images()?
                .into_iter()
                .find(|i| &i.manifest_digest == digest)
                .map(|i| i.id));
        }
        if let Some(id) = db.name_target(&r.whole())? {
            return Ok(Some(id));
        }
        if Reference::is_short_name(input) {
            // "one" or "cove-test/one:tag" matches any registry's repository ending so
            let wanted = format!("/{}:{}", r.repository, r.tag_or_latest());
            let wanted = wanted.replace("/library/", "/");
            let mut hits: Vec<(String, String)> = db
                .names()?
                .into_iter()
                .filter(|(n, _)| n.replace("/library/", "/").ends_with(&wanted))
                .collect();
            hits.dedup_by(|a, b| a.1 == b.1);
            if let Some((_, id)) = hits.into_iter().next() {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Every local name in the repository `repo` (`registry/path`, no tag): what
    /// `push --all-tags` pushes. Names by digest are left out.
    pub fn repository_names(&self, repo: &str) -> Result<Vec<String>> {
        Ok(self
            .db()
            .names()?
            .into_iter()
            .map(|(name, _)| name)
            .filter(|n| {
                crate::image::reference::Reference::parse(n).is_ok_and(|r| {
                    r.digest.is_none() && r.tag.is_some() && r.repository_with_registry() == repo
                })
            })
            .collect())
    }

    /// Record an image event (pull, push, tag, untag, remove) in the user's event log.
    pub fn emit(&self, status: &str, id: &str, name: &str) {
        crate::events::EventLog::new(&self.paths.data)
            .emit(&crate::events::Event::new("image", status, id, name));
    }

    /// Remove an image's rows and then whatever files no other image uses. Returns the
    /// bytes freed: the extracted layers' sizes and the blob files'.
    pub fn delete_image(&self, id: &str) -> Result<u64> {
        let freed = self.db().delete_image(id)?;
        self.db().sync()?;
        self.emit("remove", id, "");
        let mut bytes = freed.layer_bytes;
        for l in &freed.layers {
            let dir = self.layer_dir(l)?;
            let _ = remove_path(&dir);
            if let Some(name) = dir.file_name().and_then(|n| n.to_str()) {
                crate::storage::idshift::remove_layer_copies(&self.paths.data, name);
            }
        }
        for b in &freed.blobs {
            let path = self.blob_path(b)?;
            bytes += fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let _ = fs::remove_file(path);
        }
        Ok(bytes)
    }

    /// Blobs and layers no image references (left by interrupted pulls or removals).
    pub fn collect_garbage(&self) -> Result<u64> {
        let mut removed = 0;
        let unused = self.db().unused_layers()?;
        for l in unused {
            if self.db().delete_layer_if_unused(&l)? {
                self.db().sync()?;
                let dir = self.layer_dir(&l)?;
                let _ = remove_path(&dir);
                if let Some(name) = dir.file_name().and_then(|n| n.to_str()) {
                    crate::storage::idshift::remove_layer_copies(&self.paths.data, name);
                }
                removed += 1;
            }
        }
        let dir = self.paths.blobs().join("sha256");
        for e in fs::read_dir(&dir).map_err(io_err(&dir))?.flatten() {
            let digest = format!("sha256:{}", e.file_name().to_string_lossy());
            if !self.db().blob_in_use(&digest)? {
                let _ = fs::remove_file(e.path());
                removed += 1;
            }
        }
        Ok(removed)
    }
}

pub fn sha256_digest(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("sha256:{}", hex::encode(Sha256::digest(data)))
}

/// Remove a file or a whole tree. Layer trees may hold read-only directories, which
/// `remove_dir_all` cannot empty: make them writable first.
pub fn remove_path(p: &Path) -> io::Result<()> {
    let meta = match fs::symlink_metadata(p) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if !meta.is_dir() {
        return fs::remove_file(p);
    }
    match fs::remove_dir_all(p) {
        Ok(()) => Ok(()),
        Err(_) => {
            make_writable(p);
            fs::remove_dir_all(p)
        }
    }
}

fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                make_writable(&e.path());
            }
        }
    }
}
