//! The metadata database: images, their layers, names and digests; containers.
//!
//! SQLite in WAL mode is the single source of truth (design.md section 5): files on disk
//! (blobs, layer directories) only count once a row names them, and a row is only written
//! after the files it names are complete.

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

mod lists;
mod name_history;
mod pods;
pub use pods::PodRow;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("layer {0} is missing from the store (removed concurrently?): pull the image again")]
    MissingLayer(String),
    #[error("the container name \"{0}\" is already in use")]
    NameInUse(String),
    #[error(transparent)]
    Schema(#[from] super::schema::SchemaError),
}

pub type Result<T> = std::result::Result<T, DbError>;

/// One layer of an image, bottom first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageLayer {
    /// sha256 of the uncompressed tar: names the extracted layer directory.
    pub diff_id: String,
    /// The blob as the registry serves it (compressed), kept for push and save.
    pub blob_digest: String,
    pub blob_media_type: String,
    pub blob_size: u64,
}

/// An image as stored: the config digest is its ID, as in Docker.
#[derive(Debug, Clone, Default)]
pub struct ImageRecord {
    /// `sha256:<hex>` of the config blob.
    pub id: String,
    pub config: Vec<u8>,
    pub manifest: Vec<u8>,
    pub manifest_digest: String,
    pub manifest_media_type: String,
    /// Creation time from the image config (RFC 3339), empty when absent.
    pub created: String,
    /// Sum of the uncompressed layer sizes.
    pub size: u64,
    /// Unix seconds when this store first saw the image.
    pub added_at: i64,
    pub layers: Vec<ImageLayer>,
}

pub struct Db {
    conn: Connection,
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Db {
    pub fn open(path: &Path) -> Result<Db> {
        let mut conn = Connection::open(path)?;
        // Concurrent cove commands are normal (design.md section 5): wait for the writer
        // rather than fail, and let readers proceed under WAL.
        conn.busy_timeout(Duration::from_secs(60))?;
        // Switching a new file to WAL while another cove does the same can fail with BUSY
        // without the busy handler being asked (SQLite does not wait there): retry it.
        let mut tries = 0;
        while let Err(e) = conn.pragma_update(None, "journal_mode", "WAL") {
            let busy = e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy);
            tries += 1;
            if !busy || tries == 200 {
                return Err(e.into());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Every cove command is a short process. SQLite's checkpoint when the last
        // connection closes cost each writing command four fsyncs (the WAL and the
        // database, then the WAL's header when the next command restarts it). The WAL is
        // kept instead, and the commit that takes it past 256 pages (1 MiB: the next
        // command reads it back at open) checkpoints it. Commits stay atomic and survive
        // any crash of cove; a power loss may forget the last ones, never corrupt the
        // file. Files are deleted only after the rows naming them are on disk (`sync`).
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        conn.pragma_update(None, "wal_autocheckpoint", 256)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        super::schema::prepare(&mut conn, path)?;
        Ok(Db { conn })
    }

    /// Make every commit so far durable (the WAL synced by a checkpoint): before deleting
    /// files whose rows are gone, so a power loss cannot bring back a row without its files.
    pub fn sync(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub fn has_layer(&self, diff_id: &str) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM layers WHERE diff_id = ?1",
            [diff_id],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// Record a fully extracted, verified layer directory.
    pub fn add_layer(&self, diff_id: &str, size: u64) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO layers (diff_id, size) VALUES (?1, ?2)",
            params![diff_id, size as i64],
        )?;
        Ok(())
    }

    pub fn layer_size(&self, diff_id: &str) -> Result<Option<u64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT size FROM layers WHERE diff_id = ?1",
                [diff_id],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .map(|s| s as u64))
    }

    /// Store an image whose layers are all present. Idempotent: pulling the same image
    /// twice keeps the first `added_at`.
    pub fn put_image(&mut self, img: &ImageRecord) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for l in &img.layers {
            let n: i64 = tx.query_row(
                "SELECT COUNT(*) FROM layers WHERE diff_id = ?1",
                [&l.diff_id],
                |r| r.get(0),
            )?;
            if n == 0 {
                return Err(DbError::MissingLayer(l.diff_id.clone()));
            }
        }
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO images
             (id, config, manifest, manifest_digest, manifest_media_type, created, size, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                img.id,
                img.config,
                img.manifest,
                img.manifest_digest,
                img.manifest_media_type,
                img.created,
                img.size as i64,
                img.added_at
            ],
        )?;
        if inserted > 0 {
            for (i, l) in img.layers.iter().enumerate() {
                tx.execute(
                    "INSERT INTO image_layers
                     (image_id, idx, diff_id, blob_digest, blob_media_type, blob_size)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        img.id,
                        i as i64,
                        l.diff_id,
                        l.blob_digest,
                        l.blob_media_type,
                        l.blob_size as i64
                    ],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn layers_of(&self, image_id: &str) -> Result<Vec<ImageLayer>> {
        let mut st = self.conn.prepare_cached(
            "SELECT diff_id, blob_digest, blob_media_type, blob_size FROM image_layers
             WHERE image_id = ?1 ORDER BY idx",
        )?;
        let rows = st.query_map([image_id], |r| {
            Ok(ImageLayer {
                diff_id: r.get(0)?,
                blob_digest: r.get(1)?,
                blob_media_type: r.get(2)?,
                blob_size: r.get::<_, i64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn image_from_row(&self, r: &rusqlite::Row<'_>) -> rusqlite::Result<ImageRecord> {
        Ok(ImageRecord {
            id: r.get(0)?,
            config: r.get(1)?,
            manifest: r.get(2)?,
            manifest_digest: r.get(3)?,
            manifest_media_type: r.get(4)?,
            created: r.get(5)?,
            size: r.get::<_, i64>(6)? as u64,
            added_at: r.get(7)?,
            layers: Vec::new(),
        })
    }

    const IMAGE_COLUMNS: &'static str =
        "id, config, manifest, manifest_digest, manifest_media_type, created, size, added_at";

    pub fn image(&self, id: &str) -> Result<Option<ImageRecord>> {
        let sql = format!("SELECT {} FROM images WHERE id = ?1", Self::IMAGE_COLUMNS);
        let img = self
            .conn
            .query_row(&sql, [id], |r| self.image_from_row(r))
            .optional()?;
        match img {
            Some(mut img) => {
                img.layers = self.layers_of(&img.id)?;
                Ok(Some(img))
            }
            None => Ok(None),
        }
    }

    /// All images, newest first (as `docker images` lists them).
    pub fn images(&self) -> Result<Vec<ImageRecord>> {
        let sql = format!(
            "SELECT {} FROM images ORDER BY added_at DESC, id",
            Self::IMAGE_COLUMNS
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map([], |r| self.image_from_row(r))?;
        let mut out: Vec<ImageRecord> = rows.collect::<std::result::Result<_, _>>()?;
        for img in &mut out {
            img.layers = self.layers_of(&img.id)?;
        }
        Ok(out)
    }

    /// IDs starting with `prefix` (`sha256:` included).
    pub fn ids_with_prefix(&self, prefix: &str) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM images WHERE substr(id, 1, ?2) = ?1")?;
        let rows = st.query_map(params![prefix, prefix.len() as i64], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Point `name` (a full reference with a tag) at an image, moving it if it pointed
    /// elsewhere. Returns the image it was taken from, if any.
    /// The name and its history entry are one transaction: a failure leaves neither.
    pub fn set_name(&self, name: &str, image_id: &str) -> Result<Option<String>> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let old: Option<String> = tx
            .query_row("SELECT image_id FROM names WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?;
        tx.execute(
            "INSERT INTO names (name, image_id, added_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(name) DO UPDATE SET image_id = excluded.image_id,
                 added_at = excluded.added_at",
            params![name, image_id, now()],
        )?;
        // On the same connection, so inside `tx`.
        self.remember_name(name, image_id)?;
        tx.commit()?;
        Ok(old.filter(|o| o != image_id))
    }

    pub fn remove_name(&self, name: &str) -> Result<bool> {
        Ok(self
            .conn
            .execute("DELETE FROM names WHERE name = ?1", [name])?
            > 0)
    }

    pub fn name_target(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT image_id FROM names WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Every (name, image id) pair, oldest name first.
    pub fn names(&self) -> Result<Vec<(String, String)>> {
        let mut st = self
            .conn
            .prepare("SELECT name, image_id FROM names ORDER BY added_at, name")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn names_of(&self, image_id: &str) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare("SELECT name FROM names WHERE image_id = ?1 ORDER BY added_at, name")?;
        let rows = st.query_map([image_id], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn add_digest(&self, repo: &str, digest: &str, image_id: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO digests (repo, digest, image_id) VALUES (?1, ?2, ?3)",
            params![repo, digest, image_id],
        )?;
        Ok(())
    }

    pub fn digest_target(&self, repo: &str, digest: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT image_id FROM digests WHERE repo = ?1 AND digest = ?2",
                [repo, digest],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// `repo@digest` strings recorded for an image.
    pub fn digests_of(&self, image_id: &str) -> Result<Vec<(String, String)>> {
        let mut st = self
            .conn
            .prepare("SELECT repo, digest FROM digests WHERE image_id = ?1 ORDER BY repo")?;
        let rows = st.query_map([image_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Delete an image and return what it freed: layers (diff ids) and blobs (digests)
    /// that no remaining image references. Their rows are gone when this returns, so the
    /// caller can remove the files without racing a reader of the database.
    pub fn delete_image(&mut self, id: &str) -> Result<Freed> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let layers: Vec<(String, String)> = {
            let mut st =
                tx.prepare("SELECT diff_id, blob_digest FROM image_layers WHERE image_id = ?1")?;
            let rows = st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        tx.execute("DELETE FROM image_layers WHERE image_id = ?1", [id])?;
        tx.execute("DELETE FROM names WHERE image_id = ?1", [id])?;
        tx.execute("DELETE FROM digests WHERE image_id = ?1", [id])?;
        tx.execute("DELETE FROM images WHERE id = ?1", [id])?;
        let mut freed = Freed {
            blobs: vec![id.to_string()],
            ..Freed::default()
        };
        for (diff_id, blob) in layers {
            let used: i64 = tx.query_row(
                "SELECT COUNT(*) FROM image_layers WHERE diff_id = ?1",
                [&diff_id],
                |r| r.get(0),
            )?;
            if used == 0 {
                let size: Option<i64> = tx
                    .query_row(
                        "SELECT size FROM layers WHERE diff_id = ?1",
                        [&diff_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(size) = size {
                    tx.execute("DELETE FROM layers WHERE diff_id = ?1", [&diff_id])?;
                    freed.layer_bytes += size.max(0) as u64;
                    freed.layers.push(diff_id);
                }
            }
            let used: i64 = tx.query_row(
                "SELECT COUNT(*) FROM image_layers WHERE blob_digest = ?1",
                [&blob],
                |r| r.get(0),
            )?;
            if used == 0 && !freed.blobs.contains(&blob) {
                freed.blobs.push(blob);
            }
        }
        tx.commit()?;
        Ok(freed)
    }

    /// Layers recorded but used by no image: left behind by a pull that was killed
    /// between committing a layer and committing its image.
    pub fn unused_layers(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT diff_id FROM layers WHERE diff_id NOT IN (SELECT diff_id FROM image_layers)",
        )?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn delete_layer_if_unused(&self, diff_id: &str) -> Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM layers WHERE diff_id = ?1
             AND NOT EXISTS (SELECT 1 FROM image_layers WHERE diff_id = ?1)",
            [diff_id],
        )? > 0)
    }

    /// Is this blob digest used by any image (as a layer blob or as a config)?
    pub fn blob_in_use(&self, digest: &str) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM image_layers WHERE blob_digest = ?1)
                  + (SELECT COUNT(*) FROM images WHERE id = ?1)",
            [digest],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }
}

/// A container as stored. `config` (what was asked for) and `state` (what happened) are
/// JSON owned by `container::record`; the database only needs the id, name and image.
#[derive(Debug, Clone)]
pub struct ContainerRow {
    pub id: String,
    pub name: String,
    pub image_id: String,
    /// Unix nanoseconds; orders `ps` and resolves `-l`.
    pub created_at: i64,
    pub config: String,
    pub state: String,
}

impl Db {
    /// Insert a new container; the name must be free (checked by the UNIQUE constraint, so
    /// two concurrent `run --name x` cannot both win).
    pub fn insert_container(&self, c: &ContainerRow) -> Result<()> {
        if self.pod_name_taken(&c.name)? {
            return Err(DbError::NameInUse(c.name.clone()));
        }
        let r = self.conn.execute(
            "INSERT INTO containers (id, name, image_id, created_at, config, state)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![c.id, c.name, c.image_id, c.created_at, c.config, c.state],
        );
        match r {
            Ok(_) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Err(DbError::NameInUse(c.name.clone()))
            }
            Err(e) => Err(e.into()),
        }
    }

    fn container_where(&self, clause: &str, arg: &str) -> Result<Vec<ContainerRow>> {
        let sql = format!(
            "SELECT id, name, image_id, created_at, config, state FROM containers {clause}
             ORDER BY created_at DESC"
        );
        let mut st = self.conn.prepare(&sql)?;
        let map = |r: &rusqlite::Row<'_>| {
            Ok(ContainerRow {
                id: r.get(0)?,
                name: r.get(1)?,
                image_id: r.get(2)?,
                created_at: r.get(3)?,
                config: r.get(4)?,
                state: r.get(5)?,
            })
        };
        let rows = if arg.is_empty() {
            st.query_map([], map)?
                .collect::<std::result::Result<_, _>>()?
        } else {
            st.query_map([arg], map)?
                .collect::<std::result::Result<_, _>>()?
        };
        Ok(rows)
    }

    /// Every container, newest first.
    pub fn containers(&self) -> Result<Vec<ContainerRow>> {
        self.container_where("", "")
    }

    pub fn container(&self, id: &str) -> Result<Option<ContainerRow>> {
        Ok(self.container_where("WHERE id = ?1", id)?.pop())
    }

    pub fn container_by_name(&self, name: &str) -> Result<Option<ContainerRow>> {
        Ok(self.container_where("WHERE name = ?1", name)?.pop())
    }

    pub fn containers_with_id_prefix(&self, prefix: &str) -> Result<Vec<ContainerRow>> {
        // LIKE/GLOB would treat user input as a pattern; compare the prefix literally.
        self.container_where("WHERE substr(id, 1, length(?1)) = ?1", prefix)
    }

    pub fn set_container_state(&self, id: &str, state: &str) -> Result<bool> {
        Ok(self.conn.execute(
            "UPDATE containers SET state = ?2 WHERE id = ?1",
            params![id, state],
        )? > 0)
    }

    /// Write a container's state only if the stored one is still `expected` (one
    /// statement, so atomic): false when another command wrote in between.
    pub fn swap_container_state(&self, id: &str, expected: &str, state: &str) -> Result<bool> {
        Ok(self.conn.execute(
            "UPDATE containers SET state = ?3 WHERE id = ?1 AND state = ?2",
            params![id, expected, state],
        )? > 0)
    }

    pub fn set_container_config(&self, id: &str, config: &str) -> Result<bool> {
        Ok(self.conn.execute(
            "UPDATE containers SET config = ?2 WHERE id = ?1",
            params![id, config],
        )? > 0)
    }

    pub fn rename_container(&self, id: &str, name: &str) -> Result<()> {
        if self.pod_name_taken(name)? {
            return Err(DbError::NameInUse(name.to_string()));
        }
        match self.conn.execute(
            "UPDATE containers SET name = ?2 WHERE id = ?1",
            params![id, name],
        ) {
            Ok(_) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Err(DbError::NameInUse(name.to_string()))
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn delete_container(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .execute("DELETE FROM containers WHERE id = ?1", [id])?
            > 0)
    }

    /// Names of the containers created from an image (they keep it from being removed).
    pub fn containers_using(&self, image_id: &str) -> Result<Vec<String>> {
        Ok(self
            .container_where("WHERE image_id = ?1", image_id)?
            .into_iter()
            .map(|c| c.name)
            .collect())
    }
}

/// A named or anonymous volume. Labels and options are JSON objects.
#[derive(Debug, Clone)]
pub struct VolumeRow {
    pub name: String,
    pub driver: String,
    pub labels: String,
    pub options: String,
    pub anonymous: bool,
    /// Unix seconds.
    pub created_at: i64,
}

impl Db {
    /// Insert a volume; false when the name is taken (the caller decides whether that is
    /// an error: `volume create` says so, `run -v` reuses it).
    pub fn insert_volume(&self, v: &VolumeRow) -> Result<bool> {
        Ok(self.conn.execute(
            "INSERT OR IGNORE INTO volumes (name, driver, labels, options, anonymous, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                v.name,
                v.driver,
                v.labels,
                v.options,
                v.anonymous,
                v.created_at
            ],
        )? > 0)
    }

    pub fn volumes(&self) -> Result<Vec<VolumeRow>> {
        let mut st = self.conn.prepare(
            "SELECT name, driver, labels, options, anonymous, created_at FROM volumes
             ORDER BY name",
        )?;
        let rows = st.query_map([], |r| {
            Ok(VolumeRow {
                name: r.get(0)?,
                driver: r.get(1)?,
                labels: r.get(2)?,
                options: r.get(3)?,
                anonymous: r.get(4)?,
                created_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn delete_volume(&self, name: &str) -> Result<bool> {
        Ok(self
            .conn
            .execute("DELETE FROM volumes WHERE name = ?1", [name])?
            > 0)
    }
}

/// A secret (`secret create`): the data is kept here, in the store's private directory,
/// as Podman's file driver keeps it in a file only its user can read.
#[derive(Debug, Clone)]
pub struct SecretRow {
    pub id: String,
    pub name: String,
    pub driver: String,
    /// JSON objects.
    pub options: String,
    pub labels: String,
    pub data: Vec<u8>,
    /// Unix nanoseconds.
    pub created_at: i64,
    pub updated_at: i64,
}

impl Db {
    /// Insert a secret; false when the name is taken.
    pub fn insert_secret(&self, s: &SecretRow) -> Result<bool> {
        Ok(self.conn.execute(
            "INSERT OR IGNORE INTO secrets
             (id, name, driver, options, labels, data, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                s.id,
                s.name,
                s.driver,
                s.options,
                s.labels,
                s.data,
                s.created_at,
                s.updated_at
            ],
        )? > 0)
    }

    /// Every secret, oldest first; `with_data` false leaves `data` empty (listing needs
    /// no secret bytes in memory).
    pub fn secrets(&self, with_data: bool) -> Result<Vec<SecretRow>> {
        let mut st = self.conn.prepare(if with_data {
            "SELECT id, name, driver, options, labels, created_at, updated_at, data
             FROM secrets ORDER BY created_at, id"
        } else {
            "SELECT id, name, driver, options, labels, created_at, updated_at, x''
             FROM secrets ORDER BY created_at, id"
        })?;
        let rows = st.query_map([], |r| {
            Ok(SecretRow {
                id: r.get(0)?,
                name: r.get(1)?,
                driver: r.get(2)?,
                options: r.get(3)?,
                labels: r.get(4)?,
                created_at: r.get(5)?,
                updated_at: r.get(6)?,
                data: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn secret_data(&self, id: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT data FROM secrets WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    pub fn delete_secret(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .execute("DELETE FROM secrets WHERE id = ?1", [id])?
            > 0)
    }
}

/// What deleting an image freed.
#[derive(Debug, Default)]
pub struct Freed {
    pub layers: Vec<String>,
    pub blobs: Vec<String>,
    /// The recorded (uncompressed) sizes of `layers`.
    pub layer_bytes: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(d: &str) -> ImageLayer {
        ImageLayer {
            diff_id: format!("sha256:{d}"),
            blob_digest: format!("sha256:b{d}"),
            blob_media_type: "application/vnd.oci.image.layer.v1.tar+gzip".into(),
            blob_size: 1,
        }
    }

    fn image(id: &str, layers: &[&str]) -> ImageRecord {
        ImageRecord {
            id: format!("sha256:{id}"),
            config: b"{}".to_vec(),
            manifest: b"{}".to_vec(),
            manifest_digest: format!("sha256:m{id}"),
            manifest_media_type: "application/vnd.oci.image.manifest.v1+json".into(),
            created: String::new(),
            size: 0,
            added_at: 0,
            layers: layers.iter().map(|l| layer(l)).collect(),
        }
    }

    #[test]
    fn shared_layers_are_freed_only_when_unused() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("db")).unwrap();
        for l in ["1", "2", "3"] {
            db.add_layer(&format!("sha256:{l}"), 10).unwrap();
        }
        db.put_image(&image("a", &["1", "2"])).unwrap();
        db.put_image(&image("b", &["1", "3"])).unwrap();
        db.set_name("docker.io/library/a:latest", "sha256:a")
            .unwrap();
        let freed = db.delete_image("sha256:a").unwrap();
        assert_eq!(freed.layers, vec!["sha256:2".to_string()]);
        assert!(freed.blobs.contains(&"sha256:b2".to_string()));
        assert!(!freed.blobs.contains(&"sha256:b1".to_string()));
        assert!(db
            .name_target("docker.io/library/a:latest")
            .unwrap()
            .is_none());
        let freed = db.delete_image("sha256:b").unwrap();
        assert_eq!(freed.layers.len(), 2);
        assert!(db.images().unwrap().is_empty());
    }

    #[test]
    fn image_needs_its_layers() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("db")).unwrap();
        let err = db.put_image(&image("a", &["9"])).unwrap_err();
        assert!(matches!(err, DbError::MissingLayer(_)));
        assert!(db.image("sha256:a").unwrap().is_none());
    }

    #[test]
    fn names_move_between_images() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("db")).unwrap();
        db.put_image(&image("a", &[])).unwrap();
        db.put_image(&image("b", &[])).unwrap();
        assert_eq!(db.set_name("x:1", "sha256:a").unwrap(), None);
        assert_eq!(
            db.set_name("x:1", "sha256:b").unwrap(),
            Some("sha256:a".to_string())
        );
        assert_eq!(db.names_of("sha256:a").unwrap().len(), 0);
        assert_eq!(db.ids_with_prefix("sha256:b").unwrap(), vec!["sha256:b"]);
    }

    #[test]
    fn a_stale_container_state_does_not_overwrite_a_newer_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("db")).unwrap();
        db.put_image(&image("a", &[])).unwrap();
        db.insert_container(&ContainerRow {
            id: "c1".into(),
            name: "web".into(),
            image_id: "sha256:a".into(),
            created_at: 0,
            config: "{}".into(),
            state: "run 1".into(),
        })
        .unwrap();
        assert!(db.swap_container_state("c1", "run 1", "run 2").unwrap());
        // A command that read "run 1" before that write must not win.
        assert!(!db.swap_container_state("c1", "run 1", "exited").unwrap());
        assert_eq!(db.container("c1").unwrap().unwrap().state, "run 2");
    }
}
