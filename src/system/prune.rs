//! Removing what nothing uses: stopped containers, networks without containers, images
//! without containers (dangling ones, or all), volumes no container mounts. One function
//! per kind, shared by `system prune` and the `container/image/volume/network prune`
//! commands; each returns what it removed and the space that freed.

use super::disk_usage::{container_size, tree_size};
use super::Result;
use crate::container::{ContainerError, Engine};
use crate::filter::{Filters, ImageView, VolumeView, PRUNE_KEYS};
use crate::image::store::Store;
use crate::volume;

/// Something removed: its ID (containers, images) or name (volumes), and the bytes freed.
#[derive(Debug, Clone)]
pub struct Pruned {
    pub id: String,
    pub size: u64,
}

/// `--filter` of the prune commands, as Podman has them: `until=TIMESTAMP|DURATION`
/// (created before), `label=KEY[=VALUE]` (must carry) and `label!=KEY[=VALUE]` (must not).
pub fn parse_filters(raw: &[String]) -> Result<Filters> {
    Ok(Filters::parse(raw)?.accept(PRUNE_KEYS)?)
}

/// Containers that are stopped (not running, paused or about to restart).
pub fn containers(engine: &Engine, filters: &Filters) -> Result<Vec<Pruned>> {
    let mut out = Vec::new();
    for mut c in engine.list()? {
        if !c.state.status.is_stopped() || !filters.matches(&c)? {
            continue;
        }
        let size = container_size(engine, &c.id);
        match engine.remove(&mut c, false, false) {
            Ok(()) => out.push(Pruned { id: c.id, size }),
            // Started or removed by someone else meanwhile: not ours to prune. A pod's
            // infra container goes with its pod (`pod prune`).
            Err(ContainerError::Running(_))
            | Err(ContainerError::InfraOfPod(..))
            | Err(ContainerError::Restarting(_))
            | Err(ContainerError::NotFound(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// User-defined networks no container is configured to join; their names.
pub fn networks(engine: &Engine, filters: &Filters) -> Result<Vec<String>> {
    let all = engine.list()?;
    let mut out = Vec::new();
    for net in engine.networks().list()? {
        let used = all
            .iter()
            .any(|c| c.config.attachments.iter().any(|a| a.network == net.name));
        if used || !filters.matches(&net)? {
            continue;
        }
        engine.delete_network(&net)?;
        out.push(net.name);
    }
    Ok(out)
}

/// Images no container was created from: the dangling ones (no name, nothing built on
/// them: a build's intermediate images stay while its result does), or with `all` every
/// one. Removing a child may leave its parent dangling, so this goes round until nothing
/// more goes, as Podman's prune does. Layers and blobs nothing references go with them.
pub fn images(store: &Store, all: bool, filters: &Filters) -> Result<Vec<Pruned>> {
    let mut out = Vec::new();
    loop {
        // Not in the `for` head: the guard would live through the loop and deadlock on
        // the next `store.db()`.
        let images = store.db().images()?;
        let lineage = crate::image::lineage::Lineage::of(&images);
        let before = out.len();
        for img in images {
            if !store.db().containers_using(&img.id)?.is_empty() {
                continue;
            }
            let unnamed = store.db().names_of(&img.id)?.is_empty();
            let intermediate = unnamed
                && lineage.has_children(&img.id)
                && store.db().digests_of(&img.id)?.is_empty();
            let dangling = unnamed && !intermediate;
            if (!all && !dangling)
                || !filters.matches(&ImageView::new(&img, dangling, Vec::new()))?
            {
                continue;
            }
            let size = store.delete_image(&img.id)?;
            out.push(Pruned { id: img.id, size });
        }
        if out.len() == before {
            break;
        }
    }
    store.collect_garbage()?;
    Ok(out)
}

/// Volumes no container mounts.
pub fn volumes(engine: &Engine, filters: &Filters) -> Result<Vec<Pruned>> {
    volumes_of(engine, filters, false)
}

/// Volumes no container mounts; with `anonymous_only`, only those made without a name
/// (what dockerd's API prunes since 1.42 unless asked for `all`).
pub fn volumes_of(engine: &Engine, filters: &Filters, anonymous_only: bool) -> Result<Vec<Pruned>> {
    let users = engine.volume_users()?;
    let mut out = Vec::new();
    for v in volume::list(&engine.store)? {
        if anonymous_only && !v.anonymous {
            continue;
        }
        let view = VolumeView {
            volume: &v,
            users: users.get(&v.name).map_or(0, Vec::len),
        };
        if view.users > 0 || !filters.matches(&view)? {
            continue;
        }
        let size = tree_size(&volume::data_dir(&engine.store, &v.name));
        volume::remove(&engine.store, &v.name)?;
        out.push(Pruned { id: v.name, size });
    }
    Ok(out)
}
