//! Volumes: directories under `<data>/volumes/<name>/_data` that outlive containers.
//! Named volume data is never removed except by an explicit `volume rm`/`prune`, or
//! `rm -v` for anonymous volumes (design.md: never lose the user's data).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::image::store::{remove_path, Store};
use crate::paths::ensure_private_dir;
use crate::storage::db::{DbError, VolumeRow};

#[derive(Debug, thiserror::Error)]
pub enum VolumeError {
    #[error("no volume with name \"{0}\" found: no such volume")]
    NotFound(String),
    #[error("volume with name {0} already exists")]
    Exists(String),
    #[error("invalid volume name \"{0}\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")]
    InvalidName(String),
    #[error("unsupported volume driver \"{0}\": only \"local\" exists")]
    Driver(String),
    #[error(
        "volume {name} is being used by the following container(s): {users}: volume is being used"
    )]
    InUse { name: String, users: String },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{context}: {source}")]
    Io { context: String, source: io::Error },
    #[error("importing into volume {name}: {source}")]
    Import {
        name: String,
        source: crate::storage::extract::ExtractError,
    },
}

pub type Result<T> = std::result::Result<T, VolumeError>;

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> VolumeError {
    let context = context.into();
    move |source| VolumeError::Io { context, source }
}

#[derive(Debug, Clone)]
pub struct Volume {
    pub name: String,
    pub driver: String,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    pub anonymous: bool,
    pub created_at: i64,
}

fn from_row(r: VolumeRow) -> Volume {
    Volume {
        name: r.name,
        driver: r.driver,
        labels: serde_json::from_str(&r.labels).unwrap_or_default(),
        options: serde_json::from_str(&r.options).unwrap_or_default(),
        anonymous: r.anonymous,
        created_at: r.created_at,
    }
}

pub fn volumes_dir(store: &Store) -> PathBuf {
    store.paths.data.join("volumes")
}

/// Where the volume's files live (the `Mountpoint` of inspect).
/// A volume as `volume inspect`/`ls` and the Docker API's `GET /volumes` report it
/// (API 1.44 `Volume`, with Podman's `Anonymous`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VolumeReport {
    pub name: String,
    pub driver: String,
    pub mountpoint: PathBuf,
    /// RFC 3339.
    pub created_at: String,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    pub scope: &'static str,
    pub anonymous: bool,
}

pub fn report(store: &Store, v: &Volume) -> VolumeReport {
    let created = chrono::DateTime::from_timestamp(v.created_at, 0).unwrap_or_default();
    VolumeReport {
        name: v.name.clone(),
        driver: v.driver.clone(),
        mountpoint: data_dir(store, &v.name),
        created_at: created.to_rfc3339(),
        labels: v.labels.clone(),
        options: v.options.clone(),
        scope: "local",
        anonymous: v.anonymous,
    }
}

pub fn data_dir(store: &Store, name: &str) -> PathBuf {
    volumes_dir(store).join(name).join("_data")
}

pub fn validate_name(name: &str) -> Result<()> {
    crate::container::names::validate(name).map_err(|_| VolumeError::InvalidName(name.into()))
}

/// Create a volume. `exists_ok` makes an existing volume of that name a success (the
/// `run -v NAME:/path` case).
pub fn create(
    store: &Store,
    name: Option<&str>,
    driver: &str,
    labels: BTreeMap<String, String>,
    options: BTreeMap<String, String>,
    exists_ok: bool,
) -> Result<Volume> {
    if driver != "local" {
        return Err(VolumeError::Driver(driver.into()));
    }
    let (name, anonymous) = match name {
        Some(n) => {
            validate_name(n)?;
            (n.to_string(), false)
        }
        None => (
            crate::container::names::new_id().map_err(|e| VolumeError::Io {
                context: "naming the volume".into(),
                source: io::Error::other(e.to_string()),
            })?,
            true,
        ),
    };
    // Directory first: a row always names a directory that exists.
    let dir = data_dir(store, &name);
    ensure_private_dir(&volumes_dir(store)).map_err(io_err("creating the volumes dir"))?;
    fs::create_dir_all(&dir).map_err(io_err(format!("creating {}", dir.display())))?;
    // The volume's root is what the container sees at the mount point: world-traversable
    // like a normal directory; the volumes dir above it stays private.
    let _ = fs::set_permissions(&dir, fs::Permissions::from_mode(0o755));
    let row = VolumeRow {
        name: name.clone(),
        driver: driver.into(),
        labels: serde_json::to_string(&labels).unwrap_or_else(|_| "{}".into()),
        options: serde_json::to_string(&options).unwrap_or_else(|_| "{}".into()),
        anonymous,
        created_at: chrono::Utc::now().timestamp(),
    };
    if store.db().insert_volume(&row)? {
        emit(store, "create", &name);
    } else if !exists_ok {
        return Err(VolumeError::Exists(name));
    }
    find(store, &name)
}

pub fn list(store: &Store) -> Result<Vec<Volume>> {
    Ok(store.db().volumes()?.into_iter().map(from_row).collect())
}

pub fn find(store: &Store, name: &str) -> Result<Volume> {
    list(store)?
        .into_iter()
        .find(|v| v.name == name)
        .ok_or_else(|| VolumeError::NotFound(name.into()))
}

/// `volume mount`: where the volume's files are. A local volume is a plain directory
/// (its options are recorded, not mounted), so there is nothing to mount.
pub fn mount(store: &Store, name: &str) -> Result<PathBuf> {
    let v = find(store, name)?;
    Ok(data_dir(store, &v.name))
}

/// `volume unmount`: the counterpart of [`mount`], nothing to undo for a local volume.
pub fn unmount(store: &Store, name: &str) -> Result<()> {
    find(store, name).map(|_| ())
}

/// Remove the row, then the files. The caller has checked no container uses it.
pub fn remove(store: &Store, name: &str) -> Result<()> {
    if !store.db().delete_volume(name)? {
        return Err(VolumeError::NotFound(name.into()));
    }
    emit(store, "remove", name);
    let dir = volumes_dir(store).join(name);
    remove_path(&dir).map_err(io_err(format!("removing {}", dir.display())))
}

fn emit(store: &Store, status: &str, name: &str) {
    crate::events::EventLog::new(&store.paths.data)
        .emit(&crate::events::Event::new("volume", status, name, name));
}

/// Is the directory empty (or missing)?
pub fn is_empty(dir: &Path) -> bool {
    fs::read_dir(dir)
        .map(|mut d| d.next().is_none())
        .unwrap_or(true)
}

/// Copy the image's content at a mount point into a fresh volume (Docker's copy-up),
/// keeping owners, modes, symlinks and times. Runs inside the user namespace, so
/// subordinate owners can be set.
pub fn copy_up(from: &Path, to: &Path) -> io::Result<()> {
    // `from` itself may be a /proc/self/fd magic link: follow it (entries below are not).
    let meta = fs::metadata(from)?;
    if !meta.is_dir() {
        return Ok(());
    }
    copy_attrs(&meta, to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let src = entry.path();
        let dst = to.join(entry.file_name());
        let m = fs::symlink_metadata(&src)?;
        let ft = m.file_type();
        if ft.is_dir() {
            fs::create_dir(&dst)?;
            copy_up(&src, &dst)?;
        } else if ft.is_symlink() {
            std::os::unix::fs::symlink(fs::read_link(&src)?, &dst)?;
            let _ = std::os::unix::fs::lchown(&dst, Some(m.uid()), Some(m.gid()));
        } else if ft.is_file() {
            fs::copy(&src, &dst)?;
            copy_attrs(&m, &dst)?;
        }
        // Devices, fifos and sockets in an image's volume path are skipped.
    }
    Ok(())
}

fn copy_attrs(meta: &fs::Metadata, to: &Path) -> io::Result<()> {
    std::os::unix::fs::chown(to, Some(meta.uid()), Some(meta.gid()))?;
    fs::set_permissions(to, fs::Permissions::from_mode(meta.mode() & 0o7777))?;
    let mtime = filetime_of(meta);
    let times = [mtime, mtime];
    let c = std::ffi::CString::new(to.as_os_str().as_encoded_bytes()).map_err(io::Error::other)?;
    // SAFETY: valid path and a two-element timespec array.
    unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), 0) };
    Ok(())
}

fn filetime_of(meta: &fs::Metadata) -> libc::timespec {
    libc::timespec {
        tv_sec: meta.mtime(),
        tv_nsec: meta.mtime_nsec(),
    }
}

/// `:U`: give a mount source and everything below it to the container's user (ids as
/// seen inside the user namespace). Symlinks are changed, never followed.
pub fn chown_tree(path: &Path, uid: u32, gid: u32) -> io::Result<()> {
    std::os::unix::fs::lchown(path, Some(uid), Some(gid))?;
    if fs::symlink_metadata(path)?.is_dir() {
        for entry in fs::read_dir(path)? {
            chown_tree(&entry?.path(), uid, gid)?;
        }
    }
    Ok(())
}

/// `volume export`: the volume's contents as a tar stream (owners, modes and links kept,
/// nothing followed), as Podman writes it.
pub fn export(store: &Store, name: &str, out: impl io::Write) -> Result<()> {
    let v = find(store, name)?;
    crate::container::changes::export(&data_dir(store, &v.name), out)
        .map_err(io_err(format!("exporting volume {}", v.name)))
}

/// `volume import`: unpack a tar stream into the volume, over what it holds. Entries are
/// confined to the volume's directory as a layer's are (no `..`, no absolute paths, no
/// links followed out of it).
pub fn import(store: &Store, name: &str, tar: impl io::Read, rootless: bool) -> Result<()> {
    let v = find(store, name)?;
    let opts = crate::storage::extract::ExtractOptions { rootless };
    crate::storage::extract::extract_layer(tar, &data_dir(store, &v.name), &opts)
        .map(|_| ())
        .map_err(|source| VolumeError::Import {
            name: v.name.clone(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_up_keeps_tree_modes_and_links() {
        let src = tempfile::tempdir().unwrap();
        let dst = tempfile::tempdir().unwrap();
        fs::create_dir(src.path().join("sub")).unwrap();
        fs::write(src.path().join("sub/f"), "data").unwrap();
        fs::set_permissions(src.path().join("sub/f"), fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink("sub/f", src.path().join("link")).unwrap();
        copy_up(src.path(), dst.path()).unwrap();
        assert_eq!(
            fs::read_to_string(dst.path().join("sub/f")).unwrap(),
            "data"
        );
        let mode = fs::metadata(dst.path().join("sub/f")).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(
            fs::read_link(dst.path().join("link")).unwrap(),
            Path::new("sub/f")
        );
        assert!(!is_empty(dst.path()));
        assert!(is_empty(&dst.path().join("missing")));
    }
}
