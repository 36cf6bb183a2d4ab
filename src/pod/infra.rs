//! The infra container: the first container of a pod, whose namespaces the others join.
//! Its process is cove-init in pause mode (`-P`), from a one-file image built locally the
//! first time a pod needs it, as Podman builds `localhost/podman-pause` from catatonit: no
//! registry is involved, and the image shows in `images` like Podman's.

use std::io::Cursor;

use super::{PodError, Result};
use crate::image::reference::Reference;
use crate::image::store::Store;

/// The local image the infra containers run; one per cove version.
pub fn pause_image_name() -> String {
    format!("localhost/cove-pause:{}", env!("CARGO_PKG_VERSION"))
}

/// Where cove-init sits in the pause image.
const INIT_IN_IMAGE: &str = "cove-init";

/// The pause image's ID, built from the installed cove-init when the store lacks it.
pub fn pause_image(store: &Store, rootless: bool) -> Result<String> {
    let name = pause_image_name();
    if let Some(id) = store.find_id(&name)? {
        return Ok(id);
    }
    let init = crate::paths::find_helper("cove-init").ok_or_else(|| {
        PodError::Invalid(
            "pods need cove-init (their infra container's process), which is not installed \
             beside cove, in libexec or on PATH"
                .into(),
        )
    })?;
    let binary = std::fs::read(&init).map_err(|source| PodError::Io {
        context: format!("reading {}", init.display()),
        source,
    })?;
    let layer = one_file_tar(INIT_IN_IMAGE, &binary).map_err(|source| PodError::Io {
        context: "building the pause image".into(),
        source,
    })?;
    let entrypoint = format!(r#"ENTRYPOINT ["/{INIT_IN_IMAGE}", "-P"]"#);
    let id = crate::image::import::add_layer(
        store,
        None,
        Cursor::new(layer),
        &[entrypoint],
        Some("cove pod infra: cove-init -P"),
        rootless,
    )?;
    let whole = Reference::parse(&name)
        .map(|r| r.whole())
        .unwrap_or_else(|_| name.clone());
    store.db().set_name(&whole, &id)?;
    store.emit("build", &id, &whole);
    Ok(id)
}

fn one_file_tar(path: &str, data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(data.len() as u64);
    h.set_mode(0o755);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(0);
    h.set_entry_type(tar::EntryType::Regular);
    b.append_data(&mut h, path, data)?;
    b.into_inner()
}
