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
