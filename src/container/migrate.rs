//! `system migrate --new-runtime`: every container moves to another OCI runtime, as after
//! an upgrade that changes the default. Running containers are stopped first, as Podman
//! does: a container's runtime state is only understood by the runtime that created it.

use super::runtime::OciRuntime;
use super::{Engine, Result};

impl Engine {
    /// The IDs of the containers moved to `name` (a runtime on PATH, a path, or
    /// `cove-runtime`).
    pub fn migrate_runtime(&self, name: &str) -> Result<Vec<String>> {
        OciRuntime::resolve(Some(name), &self.paths.runtime)?;
        let stored = if name == super::runtime::BUILTIN {
            ""
        } else {
            name
        };
        let mut moved = Vec::new();
        for mut c in self.list()? {
            if c.config.runtime == stored {
                continue;
            }
            if c.state.status.is_active() {
                self.stop(&mut c, None)?;
            }
            c.config.runtime = stored.to_string();
            self.save_config(&c)?;
            moved.push(c.id);
        }
        Ok(moved)
    }
}
