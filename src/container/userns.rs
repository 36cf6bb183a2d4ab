//! A container's own user namespace, where the system is needed: the mappings resolved
//! at create (nomap, auto ranges, /etc/subuid names, a pod's infra), and at start the
//! shifted layer copies and the files cove makes for it owned by its root.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::idmap::{self, AutoOptions, IdMap, IdMapError, IdMappings};
use super::options::MoreOptions;
use super::record::{ContainerConfig, Userns};
use super::{ContainerError, Engine, Result};
use crate::storage::idshift;

/// Held from the choice of an auto range until the container's row is stored, so two
/// creates never pick the same one.
pub(super) struct AutoLock(#[allow(dead_code)] Option<File>);

fn spaces() -> (u32, u32) {
    let sum =
        |l: &[crate::rootless::IdMapping]| l.iter().fold(0u32, |a, m| a.saturating_add(m.size));
    crate::rootless::current_mappings()
        .map(|(u, g)| (sum(&u), sum(&g)))
        .unwrap_or((65537, 65537))
}

fn ours(kind: &str) -> Vec<IdMap> {
    proc_maps("self", kind).unwrap_or_default()
}

/// `/proc/<proc>/<kind>_map` (kind: uid or gid); None when it cannot be read.
fn proc_maps(proc: &str, kind: &str) -> Option<Vec<IdMap>> {
    let text = fs::read_to_string(format!("/proc/{proc}/{kind}_map")).ok()?;
    let maps = crate::rootless::parse_id_map(&text)
        .into_iter()
        .map(|m| IdMap {
            container: m.container_id,
            host: m.host_id,
            size: m.size,
        });
    Some(maps.collect())
}

/// The maps of the user namespace `--userns=ns:/proc/PID/ns/user` names, as our
/// namespace sees them (the container's files are shifted by them); None for our own
/// namespace, or a path that names no process (nothing known to shift by).
fn joined_mappings(path: &Path) -> Option<IdMappings> {
    use std::os::unix::fs::MetadataExt;
    let ino = |p: &Path| fs::metadata(p).ok().map(|m| (m.dev(), m.ino()));
    if ino(path)? == ino(Path::new("/proc/self/ns/user"))? {
        return None;
    }
    let pid = path
        .strip_prefix("/proc")
        .ok()?
        .components()
        .next()?
        .as_os_str()
        .to_str()?
        .parse::<u32>()
        .ok()?;
    let pid = pid.to_string();
    Some(IdMappings {
        uid: proc_maps(&pid, "uid")?,
        gid: proc_maps(&pid, "gid")?,
    })
}

impl Engine {
    /// Fill `config.id_mappings` for its `--userns` (and the ID-mapping flags in `more`,
    /// when the request had them; a copied config keeps its own).
    pub(super) fn resolve_id_mappings(
        &self,
        config: &mut ContainerConfig,
        more: Option<&MoreOptions>,
        image_id: &str,
    ) -> Result<AutoLock> {
        let (uid_space, gid_space) = spaces();
        if let Some(infra) = self.pod_infra_mappings(config)? {
            config.id_mappings = infra;
            return Ok(AutoLock(None));
        }
        let mut lock = AutoLock(None);
        config.id_mappings = match &config.userns {
            Userns::Host | Userns::KeepId => None,
            Userns::Ns(path) => {
                if !Path::new(path).exists() {
                    return Err(IdMapError::NoNamespace(path.clone()).into());
                }
                joined_mappings(Path::new(path))
            }
            Userns::NoMap => Some(IdMappings {
                uid: vec![IdMap {
                    container: 0,
                    host: 1,
                    size: uid_space.saturating_sub(1),
                }],
                gid: vec![IdMap {
                    container: 0,
                    host: 1,
                    size: gid_space.saturating_sub(1),
                }],
            }),
            Userns::Private => match more.filter(|m| m.maps_ids()) {
                Some(m) => Some(self.flag_mappings(m)?),
                None => config.id_mappings.clone(),
            },
            Userns::Auto(opts) => {
                let opts = AutoOptions::parse(opts)?;
                let size = match opts.size {
                    Some(n) => n,
                    None => self.image_needs(image_id)?,
                };
                lock = self.auto_lock()?;
                let used = self.auto_ranges()?;
                let base = idmap::allocate(size, uid_space.min(gid_space), &used)?;
                Some(opts.mappings(base, size))
            }
        };
        if let Some(m) = &config.id_mappings {
            m.check(uid_space, gid_space)?;
        }
        Ok(lock)
    }

    /// `--uidmap`/`--gidmap` (each standing for the other when alone, as in Podman),
    /// after the ranges of `--subuidname`/`--subgidname` (likewise).
    fn flag_mappings(&self, m: &MoreOptions) -> Result<IdMappings> {
        let mut uid = Vec::new();
        let mut gid = Vec::new();
        let subuid = m.subuidname.as_ref().or(m.subgidname.as_ref());
        let subgid = m.subgidname.as_ref().or(m.subuidname.as_ref());
        if let (Some(u), Some(g)) = (subuid, subgid) {
            let read = |f: &str| fs::read_to_string(f).unwrap_or_default();
            let id_of = |name: &str| {
                nix::unistd::User::from_name(name)
                    .ok()
                    .flatten()
                    .map(|u| u.uid.as_raw())
            };
            uid = idmap::subid_maps(
                &read("/etc/subuid"),
                u,
                id_of(u),
                &ours("uid"),
                "subuidname",
            )?;
            gid = idmap::subid_maps(
                &read("/etc/subgid"),
                g,
                id_of(g),
                &ours("gid"),
                "subgidname",
            )?;
        }
        let uids = if m.uidmap.is_empty() {
            &m.gidmap
        } else {
            &m.uidmap
        };
        let gids = if m.gidmap.is_empty() {
            &m.uidmap
        } else {
            &m.gidmap
        };
        uid.extend(idmap::parse_maps(uids, "UID")?);
        gid.extend(idmap::parse_maps(gids, "GID")?);
        Ok(IdMappings { uid, gid })
    }

    /// A pod member joins its infra container's user namespace: its files are shifted
    /// the same way.
    fn pod_infra_mappings(&self, config: &ContainerConfig) -> Result<Option<Option<IdMappings>>> {
        let Some(pod) = config.pod.as_deref().filter(|_| !config.pod_infra) else {
            return Ok(None);
        };
        let Some(infra_id) = crate::pod::find(&self.store, pod)
            .ok()
            .and_then(|p| p.config.infra_id)
        else {
            return Ok(None);
        };
        Ok(Some(self.lookup(&infra_id)?.config.id_mappings))
    }

    /// `--userns=auto` without a size: what the image's files need, at least Podman's
    /// minimum.
    fn image_needs(&self, image_id: &str) -> Result<u32> {
        let img = self.store.find(image_id)?;
        let layers = img
            .layers
            .iter()
            .map(|l| self.store.layer_dir(&l.diff_id))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let (u, g) = idshift::max_ids(&layers);
        Ok(u.max(g).saturating_add(1).max(idmap::AUTO_MIN_SIZE))
    }

    fn auto_lock(&self) -> Result<AutoLock> {
        let path = self.paths.data.join("locks").join("userns-auto");
        let err = |e: std::io::Error| ContainerError::Io {
            context: format!("locking {}", path.display()),
            source: e,
        };
        fs::create_dir_all(self.paths.data.join("locks")).map_err(err)?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(err)?;
        file.lock().map_err(err)?;
        Ok(AutoLock(Some(file)))
    }

    /// The mappings of every other auto container.
    fn auto_ranges(&self) -> Result<Vec<IdMappings>> {
        Ok(self
            .store
            .db()
            .containers()?
            .into_iter()
            .filter_map(|row| serde_json::from_str::<ContainerConfig>(&row.config).ok())
            .filter(|c| matches!(c.userns, Userns::Auto(_)))
            .filter_map(|c| c.id_mappings)
            .collect())
    }

    /// The image's layers as the container sees them: shifted copies when its own
    /// namespace maps the image's IDs elsewhere.
    pub(super) fn container_layers(
        &self,
        config: &ContainerConfig,
        layers: Vec<PathBuf>,
    ) -> Result<Vec<PathBuf>> {
        let Some(maps) = config
            .id_mappings
            .as_ref()
            .filter(|_| config.userns.shifts_files())
        else {
            return Ok(layers);
        };
        let key = maps.key();
        layers
            .into_iter()
            .map(|layer| {
                let name = layer
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let tmp = self.store.tmp_dir()?;
                Ok(idshift::shifted_layer(
                    &self.paths.data,
                    &key,
                    &name,
                    &layer,
                    maps,
                    tmp.path(),
                )?)
            })
            .collect()
    }

    /// Files cove makes for a container (its /etc/hosts and the like, the upper dir that
    /// is its `/`) owned by its root, or by the top layer's owner.
    pub(super) fn own_by_container_root(
        &self,
        config: &ContainerConfig,
        path: &Path,
    ) -> Result<()> {
        let Some(maps) = &config.id_mappings else {
            return Ok(());
        };
        let (Some(uid), Some(gid)) = (maps.shift_uid(0), maps.shift_gid(0)) else {
            return Ok(());
        };
        chown(path, uid, gid)
    }
}

/// What Podman's `makeAccessible` does for a container with its own mapping: `path`
/// and every directory above it searchable by all (a+x, nothing readable added), since
/// the runtime mounts from them as the container's root, which is not the user. Only our
/// own directories are changed; others (/, /tmp) are left as they are.
pub(super) fn make_accessible(path: &Path) -> Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let me = nix::unistd::getuid().as_raw();
    for dir in path.ancestors() {
        let Ok(meta) = fs::metadata(dir) else {
            continue;
        };
        let mode = meta.mode() & 0o7777;
        if meta.uid() != me || mode & 0o111 == 0o111 {
            continue;
        }
        fs::set_permissions(dir, fs::Permissions::from_mode(mode | 0o111)).map_err(|e| {
            ContainerError::Io {
                context: format!(
                    "making {} searchable for the container's root",
                    dir.display()
                ),
                source: e,
            }
        })?;
    }
    Ok(())
}

pub(super) fn chown(path: &Path, uid: u32, gid: u32) -> Result<()> {
    nix::unistd::fchownat(
        nix::fcntl::AT_FDCWD,
        path,
        Some(nix::unistd::Uid::from_raw(uid)),
        Some(nix::unistd::Gid::from_raw(gid)),
        nix::unistd::FchownatFlags::AT_SYMLINK_NOFOLLOW,
    )
    .map_err(|e| ContainerError::Io {
        context: format!("chown {}", path.display()),
        source: e.into(),
    })
}

impl From<IdMapError> for ContainerError {
    fn from(e: IdMapError) -> ContainerError {
        ContainerError::Create(e.into())
    }
}
