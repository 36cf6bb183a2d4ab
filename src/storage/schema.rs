//! The database's schema version, and the migrations that bring a store written by an
//! older cove up to date.
//!
//! The version is SQLite's `user_version`. The first release did not set it (0): its
//! layout is version 1. A newer cove migrates an older store the first time it opens it,
//! all steps in one transaction, with a copy of the database file kept beside it until
//! that transaction committed. An older cove refuses a newer store rather than misread it.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, Transaction, TransactionBehavior};

use crate::container::record::ContainerConfig;

/// The version this cove writes: the `to` of the last step.
pub const CURRENT: u32 = 5;

/// The newest layout, for a store created from scratch. A step that changes the layout
/// changes this too (the tests check that a migrated store ends up with the same one).
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS layers (
    diff_id TEXT PRIMARY KEY,
    size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS images (
    id TEXT PRIMARY KEY,
    config BLOB NOT NULL,
    manifest BLOB NOT NULL,
    manifest_digest TEXT NOT NULL,
    manifest_media_type TEXT NOT NULL,
    created TEXT NOT NULL,
    size INTEGER NOT NULL,
    added_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS image_layers (
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    diff_id TEXT NOT NULL REFERENCES layers(diff_id),
    blob_digest TEXT NOT NULL,
    blob_media_type TEXT NOT NULL,
    blob_size INTEGER NOT NULL,
    PRIMARY KEY (image_id, idx)
);
CREATE INDEX IF NOT EXISTS image_layers_diff ON image_layers(diff_id);
CREATE INDEX IF NOT EXISTS image_layers_blob ON image_layers(blob_digest);
CREATE TABLE IF NOT EXISTS names (
    name TEXT PRIMARY KEY,
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS containers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    image_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    config TEXT NOT NULL,
    state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS containers_image ON containers(image_id);
CREATE TABLE IF NOT EXISTS volumes (
    name TEXT PRIMARY KEY,
    driver TEXT NOT NULL,
    labels TEXT NOT NULL,
    options TEXT NOT NULL,
    anonymous INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS secrets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    driver TEXT NOT NULL,
    options TEXT NOT NULL,
    labels TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS pods (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    config TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS name_history (
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (image_id, name)
);
CREATE TABLE IF NOT EXISTS digests (
    repo TEXT NOT NULL,
    digest TEXT NOT NULL,
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    PRIMARY KEY (repo, digest)
);
";

type StepResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Turns a store at version `to - 1` into version `to`, inside the migration's transaction.
pub(super) struct Step {
    pub to: u32,
    /// For the error message when it fails.
    pub what: &'static str,
    pub run: fn(&Transaction<'_>) -> StepResult,
}

/// In order; each `to` is one more than the one before, the last is `CURRENT`.
pub(super) const STEPS: &[Step] = &[
    Step {
        to: 2,
        what: "rewriting container configs in the current form",
        run: rewrite_container_configs,
    },
    Step {
        to: 3,
        what: "adding the secrets table",
        run: create_new_tables,
    },
    Step {
        to: 4,
        what: "adding the pods table",
        run: create_new_tables,
    },
    Step {
        to: 5,
        what: "adding the image name history table",
        run: add_name_history,
    },
];

#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error(
        "the store at {} was written by a newer cove (schema {found}, this cove knows up to \
         {known}): upgrade cove",
        store.display()
    )]
    TooNew {
        store: PathBuf,
        found: u32,
        known: u32,
    },
    #[error(
        "migrating the store at {} to schema {to} failed ({what}: {cause}); it was left as it \
         was",
        store.display()
    )]
    Step {
        store: PathBuf,
        to: u32,
        what: &'static str,
        cause: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("locking {} to migrate it: {source}", path.display())]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("copying {} to {} before migrating it: {source}", db.display(), backup.display())]
    Backup {
        db: PathBuf,
        backup: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Where the copy of a store at version `from` is kept while it is migrated.
pub fn backup_path(db: &Path, from: u32) -> PathBuf {
    beside(db, &format!(".bak-v{from}"))
}

/// `db` with `suffix` appended to its file name.
fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The store a database belongs to, as messages name it.
fn store_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(db).to_path_buf()
}

fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Create a new store's tables, or migrate an older one; refuse a newer one.
pub(super) fn prepare(conn: &mut Connection, db: &Path) -> Result<(), SchemaError> {
    prepare_with(conn, db, STEPS)
}

fn prepare_with(conn: &mut Connection, db: &Path, steps: &[Step]) -> Result<(), SchemaError> {
    let known = steps.last().map_or(1, |s| s.to);
    // The common case costs one read: a store already at this version.
    if check(conn, db, known)? {
        return Ok(());
    }
    // One cove at a time creates or migrates; the others wait, then find it done.
    let lock_path = beside(db, ".migrate-lock");
    let _lock = crate::paths::lock_file(&lock_path).map_err(|source| SchemaError::Lock {
        path: lock_path.clone(),
        source,
    })?;
    if check(conn, db, known)? {
        return Ok(());
    }
    let existing: bool = conn.query_row(
        "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'images'",
        [],
        |r| r.get(0),
    )?;
    if !existing {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(SCHEMA)?;
        tx.pragma_update(None, "user_version", known)?;
        tx.commit()?;
        return Ok(());
    }
    let from = version(conn)?.max(1);
    let backup = backup_path(db, from);
    // A copy left by a failed attempt is as old as the store itself: replace it.
    let _ = fs::remove_file(&backup);
    conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()])
        .map_err(|source| SchemaError::Backup {
            db: db.to_path_buf(),
            backup: backup.clone(),
            source,
        })?;
    let store = store_dir(db);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for step in steps.iter().filter(|s| s.to > from) {
        (step.run)(&tx).map_err(|cause| SchemaError::Step {
            store: store.clone(),
            to: step.to,
            what: step.what,
            cause,
        })?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    if let Err(e) = fs::remove_file(&backup) {
        crate::log::warn(format_args!("removing {}: {e}", backup.display()));
    }
    crate::log::info(format_args!(
        "migrated the store at {} from schema {from} to {known}",
        store.display()
    ));
    Ok(())
}

/// True when the store is at `known`; an error when it is newer.
fn check(conn: &Connection, db: &Path, known: u32) -> Result<bool, SchemaError> {
    let found = version(conn)?;
    if found > known {
        return Err(SchemaError::TooNew {
            store: store_dir(db),
            found,
            known,
        });
    }
    Ok(found == known)
}

/// Tables added since the store was made: SCHEMA only creates what does not exist yet.
fn create_new_tables(tx: &Transaction<'_>) -> StepResult {
    tx.execute_batch(SCHEMA)?;
    Ok(())
}

/// The history starts with the names images have now, oldest first.
fn add_name_history(tx: &Transaction<'_>) -> StepResult {
    tx.execute_batch(SCHEMA)?;
    tx.execute(
        "INSERT OR IGNORE INTO name_history (image_id, name, added_at, seq)
         SELECT image_id, name, added_at, ROW_NUMBER() OVER (ORDER BY added_at, name)
         FROM names",
        [],
    )?;
    Ok(())
}

/// Read each container's config with today's `ContainerConfig` and write it back, so stored
/// records use the newest representation (fields added since read as their defaults).
fn rewrite_container_configs(tx: &Transaction<'_>) -> StepResult {
    let rows: Vec<(String, String)> = tx
        .prepare("SELECT id, config FROM containers")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare("UPDATE containers SET config = ?2 WHERE id = ?1")?;
    for (id, old) in rows {
        let new =
            serde_json::from_str::<ContainerConfig>(&old).and_then(|c| serde_json::to_string(&c));
        match new {
            Ok(new) => {
                update.execute(params![id, new])?;
            }
            // Unreadable before as after: `ps` reports it, `rm` removes it; refusing the
            // whole store over it would be worse.
            Err(e) => crate::log::warn(format_args!(
                "container {id}: stored config unreadable ({e}), left as it was"
            )),
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "schema_tests.rs"]
mod tests;
