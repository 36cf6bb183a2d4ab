//! Pods (`pod create`): the pod's own settings as JSON; its containers are rows of the
//! containers table that name it in their config.

use rusqlite::{params, OptionalExtension};

use super::{Db, DbError, Result};

#[derive(Debug, Clone)]
pub struct PodRow {
    pub id: String,
    pub name: String,
    /// Unix nanoseconds.
    pub created_at: i64,
    /// `pod::PodConfig` as JSON.
    pub config: String,
}

impl Db {
    /// Insert a pod; a name taken by a pod or a container is refused (they share one
    /// namespace of names, as in Podman).
    pub fn insert_pod(&self, p: &PodRow) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        let container: Option<String> = tx
            .query_row(
                "SELECT id FROM containers WHERE name = ?1",
                [&p.name],
                |r| r.get(0),
            )
            .optional()?;
        let inserted = container.is_none()
            && tx.execute(
                "INSERT OR IGNORE INTO pods (id, name, created_at, config) VALUES (?1, ?2, ?3, ?4)",
                params![p.id, p.name, p.created_at, p.config],
            )? > 0;
        if !inserted {
            return Err(DbError::NameInUse(p.name.clone()));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn update_pod(&self, p: &PodRow) -> Result<()> {
        self.conn.execute(
            "UPDATE pods SET config = ?2 WHERE id = ?1",
            params![p.id, p.config],
        )?;
        Ok(())
    }

    /// Every pod, oldest first.
    pub fn pods(&self) -> Result<Vec<PodRow>> {
        let mut st = self
            .conn
            .prepare("SELECT id, name, created_at, config FROM pods ORDER BY created_at, id")?;
        let rows = st.query_map([], |r| {
            Ok(PodRow {
                id: r.get(0)?,
                name: r.get(1)?,
                created_at: r.get(2)?,
                config: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn pod_name_taken(&self, name: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM pods WHERE name = ?1", [name], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn delete_pod(&self, id: &str) -> Result<bool> {
        Ok(self.conn.execute("DELETE FROM pods WHERE id = ?1", [id])? > 0)
    }
}
