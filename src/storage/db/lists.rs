//! Manifest lists are image rows whose manifest is the list: editing one replaces its
//! manifest (and cove's notes about it, kept as its config) under the same ID.

use rusqlite::params;

use super::{Db, Result};

impl Db {
    /// Replace the manifest and config of image `id`; false when there is no such image.
    pub fn replace_manifest(
        &self,
        id: &str,
        manifest: &[u8],
        manifest_digest: &str,
        media_type: &str,
        config: &[u8],
    ) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE images SET manifest = ?2, manifest_digest = ?3, manifest_media_type = ?4,
             config = ?5 WHERE id = ?1",
            params![id, manifest, manifest_digest, media_type, config],
        )?;
        Ok(n > 0)
    }
}
