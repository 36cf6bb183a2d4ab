use std::path::Path;

use rusqlite::Connection;

use super::*;
use crate::storage::db::{Db, DbError};

/// The layout the first release (schema 1, `user_version` 0) created, frozen here: SCHEMA
/// moves on, stores written back then do not.
const V1_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS layers (diff_id TEXT PRIMARY KEY, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS images (
    id TEXT PRIMARY KEY, config BLOB NOT NULL, manifest BLOB NOT NULL,
    manifest_digest TEXT NOT NULL, manifest_media_type TEXT NOT NULL, created TEXT NOT NULL,
    size INTEGER NOT NULL, added_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS image_layers (
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    diff_id TEXT NOT NULL REFERENCES layers(diff_id), blob_digest TEXT NOT NULL,
    blob_media_type TEXT NOT NULL, blob_size INTEGER NOT NULL, PRIMARY KEY (image_id, idx));
CREATE INDEX IF NOT EXISTS image_layers_diff ON image_layers(diff_id);
CREATE INDEX IF NOT EXISTS image_layers_blob ON image_layers(blob_digest);
CREATE TABLE IF NOT EXISTS names (
    name TEXT PRIMARY KEY, image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS containers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, image_id TEXT NOT NULL,
    created_at INTEGER NOT NULL, config TEXT NOT NULL, state TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS containers_image ON containers(image_id);
CREATE TABLE IF NOT EXISTS volumes (
    name TEXT PRIMARY KEY, driver TEXT NOT NULL, labels TEXT NOT NULL, options TEXT NOT NULL,
    anonymous INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS digests (
    repo TEXT NOT NULL, digest TEXT NOT NULL,
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE, PRIMARY KEY (repo, digest));
";

/// A container config as the first release wrote it for `run --name web -v data:/data
/// --userns keep-id --stop-signal SIGINT busybox sh`: the string forms of network, userns,
/// stop signal and mount kind, and none of the fields added since (ports, dns, ...).
const V1_CONFIG: &str = r#"{"image_name":"busybox","args":["sh"],"env":["PATH=/bin"],"working_dir":"/","user":"","hostname":"c0ffee000001","tty":false,"interactive":false,"labels":{"app":"web"},"stop_signal":"SIGINT","stop_timeout":10,"auto_remove":false,"read_only":false,"privileged":false,"cap_add":[],"cap_drop":[],"no_new_privileges":false,"seccomp_unconfined":false,"network":"slirp4netns","mounts":[{"kind":"volume","source":"/home/u/.local/share/cove/volumes/data/_data","destination":"/data","options":["rbind"]}],"runtime":"/usr/bin/runc","log_size_max":null,"created":"2026-12-01T10:00:00Z","entrypoint":[],"cmd":["sh"],"userns":"keep-id"}"#;

const V1_STATE: &str = r#"{"status":"exited","exit_code":3}"#;

/// A store as the first release left it: one image with a name, a container, a volume.
fn v1_store(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch(V1_SCHEMA).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO layers VALUES ('sha256:l1', 100);
         INSERT INTO images VALUES ('sha256:i1', x'7b7d', x'7b7d', 'sha256:m1',
             'application/vnd.oci.image.manifest.v1+json', '', 100, 1);
         INSERT INTO image_layers VALUES ('sha256:i1', 0, 'sha256:l1', 'sha256:b1',
             'application/vnd.oci.image.layer.v1.tar+gzip', 50);
         INSERT INTO names VALUES ('localhost/busybox:latest', 'sha256:i1', 1);
         INSERT INTO volumes VALUES ('data', 'local', '{{}}', '{{}}', 0, 1);
         INSERT INTO containers VALUES ('c0ffee', 'web', 'sha256:i1', 7, '{V1_CONFIG}',
             '{V1_STATE}');"
    ))
    .unwrap();
}

fn user_version(path: &Path) -> u32 {
    version(&Connection::open(path).unwrap()).unwrap()
}

fn stored_config(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT config FROM containers WHERE id = 'c0ffee'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// Every table and index as SQLite records their definitions, without the layout of the
/// SQL text.
fn layout(path: &Path) -> Vec<(String, String)> {
    Connection::open(path)
        .unwrap()
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap()
        .query_map([], |r| {
            let sql: String = r.get(1)?;
            Ok((r.get(0)?, sql.split_whitespace().collect()))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn steps_follow_each_other_up_to_the_current_version() {
    let tos: Vec<u32> = STEPS.iter().map(|s| s.to).collect();
    let expected: Vec<u32> = (2..=CURRENT).collect();
    assert_eq!(tos, expected);
}

#[test]
fn a_new_store_starts_at_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cove.db");
    drop(Db::open(&path).unwrap());
    assert_eq!(user_version(&path), CURRENT);
    assert!(!backup_path(&path, 1).exists());
}

#[test]
fn a_store_of_the_first_release_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cove.db");
    v1_store(&path);
    assert_eq!(user_version(&path), 0);

    let db = Db::open(&path).unwrap();
    assert_eq!(user_version(&path), CURRENT);
    assert!(
        !backup_path(&path, 1).exists(),
        "the copy goes once committed"
    );

    // Everything the old cove wrote is still there and readable.
    assert_eq!(db.images().unwrap().len(), 1);
    assert_eq!(db.image("sha256:i1").unwrap().unwrap().layers.len(), 1);
    assert_eq!(
        db.name_target("localhost/busybox:latest").unwrap(),
        Some("sha256:i1".to_string())
    );
    assert_eq!(db.volumes().unwrap()[0].name, "data");
    let row = db.container("c0ffee").unwrap().unwrap();
    assert_eq!((row.name.as_str(), row.state.as_str()), ("web", V1_STATE));
    let config: ContainerConfig = serde_json::from_str(&row.config).unwrap();
    assert_eq!(config.image_name, "busybox");
    assert_eq!(config.args, vec!["sh"]);
    assert_eq!(config.labels.get("app").map(String::as_str), Some("web"));
    assert_eq!(config.mounts[0].destination, "/data");
    assert_eq!(config.stop_timeout, 10);

    // Rewritten in today's form: what the current cove writes for the same config, fields
    // added since the first release included.
    let written = serde_json::to_string(&config).unwrap();
    assert_eq!(row.config, written);
    assert_ne!(row.config, V1_CONFIG);
    let keys = serde_json::from_str::<serde_json::Value>(&row.config).unwrap();
    assert!(keys.get("ports").is_some(), "{}", row.config);

    // Same tables and indexes as a store created by this cove.
    let fresh = dir.path().join("fresh.db");
    drop(Db::open(&fresh).unwrap());
    assert_eq!(layout(&path), layout(&fresh));
}

#[test]
fn opening_a_current_store_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cove.db");
    v1_store(&path);
    drop(Db::open(&path).unwrap());
    let after_first = stored_config(&path);
    drop(Db::open(&path).unwrap());
    assert_eq!(stored_config(&path), after_first);
    assert_eq!(user_version(&path), CURRENT);
}

#[test]
fn a_newer_store_is_refused_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cove.db");
    v1_store(&path);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", CURRENT + 1)
        .unwrap();
    let err = Db::open(&path)
        .err()
        .expect("a newer store must be refused");
    assert!(matches!(err, DbError::Schema(SchemaError::TooNew { .. })));
    assert_eq!(
        err.to_string(),
        format!(
            "the store at {} was written by a newer cove (schema {}, this cove knows up to \
             {CURRENT}): upgrade cove",
            dir.path().display(),
            CURRENT + 1
        )
    );
    // Untouched: not migrated down, no copy made.
    assert_eq!(user_version(&path), CURRENT + 1);
    assert_eq!(stored_config(&path), V1_CONFIG);
}

fn failing_step(_: &Transaction<'_>) -> StepResult {
    Err("the disk caught fire".into())
}

#[test]
fn a_failed_step_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cove.db");
    v1_store(&path);
    // The real steps run (and rewrite rows) before the one that fails.
    let steps = [
        Step {
            to: 2,
            what: STEPS[0].what,
            run: STEPS[0].run,
        },
        Step {
            to: 3,
            what: "testing failure",
            run: failing_step,
        },
    ];
    let mut conn = Connection::open(&path).unwrap();
    let err = prepare_with(&mut conn, &path, &steps).unwrap_err();
    drop(conn);
    assert_eq!(
        err.to_string(),
        format!(
            "migrating the store at {} to schema 3 failed (testing failure: the disk caught \
             fire); it was left as it was",
            dir.path().display()
        )
    );
    assert_eq!(user_version(&path), 0);
    assert_eq!(stored_config(&path), V1_CONFIG);
    // The copy made before migrating stays, a full copy of the old store.
    let backup = backup_path(&path, 1);
    assert_eq!(user_version(&backup), 0);
    assert_eq!(stored_config(&backup), V1_CONFIG);

    // And a cove with working steps migrates it afterwards.
    drop(Db::open(&path).unwrap());
    assert_eq!(user_version(&path), CURRENT);
    assert!(!backup.exists());
}

#[test]
fn coves_opening_an_old_store_at_once_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cove.db");
    v1_store(&path);
    let opened: Vec<bool> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| Db::open(&path).is_ok()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(opened, vec![true; 4]);
    assert_eq!(user_version(&path), CURRENT);
    assert!(!backup_path(&path, 1).exists());
    let config: ContainerConfig = serde_json::from_str(&stored_config(&path)).unwrap();
    assert_eq!(config.image_name, "busybox");
}
