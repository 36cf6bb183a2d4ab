//! The names an image has had (Podman's NamesHistory, `images --history`): a name stays
//! in its image's history after it moves to another image or is removed.

use rusqlite::params;

use super::{now, Db, Result};

impl Db {
    /// Record that `image_id` is now called `name` (the newest entry of its history).
    pub(super) fn remember_name(&self, name: &str, image_id: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO name_history (image_id, name, added_at, seq)
             VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM name_history))
             ON CONFLICT(image_id, name) DO UPDATE SET added_at = excluded.added_at,
                 seq = excluded.seq",
            params![image_id, name, now()],
        )?;
        Ok(())
    }

    /// Every name `image_id` has had, the most recent first.
    pub fn name_history(&self, image_id: &str) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare("SELECT name FROM name_history WHERE image_id = ?1 ORDER BY seq DESC")?;
        let rows = st.query_map([image_id], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_whose_history_cannot_be_written_is_not_set() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("db")).unwrap();
        for id in ["sha256:a", "sha256:b"] {
            db.put_image(&super::super::ImageRecord {
                id: id.into(),
                config: b"{}".to_vec(),
                manifest: b"{}".to_vec(),
                manifest_digest: format!("{id}m"),
                manifest_media_type: "application/vnd.oci.image.manifest.v1+json".into(),
                created: String::new(),
                size: 0,
                added_at: 0,
                layers: Vec::new(),
            })
            .unwrap();
        }
        db.set_name("x:1", "sha256:a").unwrap();
        db.conn
            .execute_batch(
                "CREATE TEMP TRIGGER no_history BEFORE INSERT ON name_history
                 BEGIN SELECT RAISE(ABORT, 'history is full'); END;",
            )
            .unwrap();
        assert!(db.set_name("x:2", "sha256:a").is_err());
        assert!(db.set_name("x:1", "sha256:b").is_err());
        assert_eq!(
            db.name_target("x:2").unwrap(),
            None,
            "no name without history"
        );
        assert_eq!(
            db.name_target("x:1").unwrap().as_deref(),
            Some("sha256:a"),
            "a failed move leaves the name where it was"
        );
        assert_eq!(db.name_history("sha256:a").unwrap(), ["x:1"]);
        assert!(db.name_history("sha256:b").unwrap().is_empty());
    }
}
