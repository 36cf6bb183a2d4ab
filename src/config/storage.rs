//! storage.conf (containers-storage.conf(5)): the storage driver, where images live and
//! which FUSE overlay program to use. Only the keys cove acts on are read; the rest of
//! the file is ignored, so a file written for Podman loads unchanged.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::{read_optional, ConfigError};

/// The settings cove takes from storage.conf. `None` means "not set": the caller applies
/// its own default (and command-line flags win over all of these).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StorageConf {
    /// `[storage] driver`: "overlay", "vfs", ...
    pub driver: Option<String>,
    pub graphroot: Option<PathBuf>,
    pub runroot: Option<PathBuf>,
    /// `[storage.options.overlay] mount_program`, or the older `[storage.options]
    /// mount_program`; the overlay table wins when both are set, as in containers/storage.
    pub mount_program: Option<PathBuf>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawFile {
    storage: RawStorage,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawStorage {
    driver: Option<String>,
    graphroot: Option<String>,
    runroot: Option<String>,
    options: RawOptions,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawOptions {
    mount_program: Option<String>,
    overlay: RawOverlay,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawOverlay {
    mount_program: Option<String>,
}

impl StorageConf {
    /// Load `path`; a missing file gives the all-`None` default.
    pub fn load(path: &Path) -> Result<StorageConf, ConfigError> {
        match read_optional(path)? {
            Some(text) => Self::parse_str(&text, path),
            None => Ok(StorageConf::default()),
        }
    }

    /// Parse the text of a storage.conf; `path` only names the file in errors.
    pub fn parse_str(text: &str, path: &Path) -> Result<StorageConf, ConfigError> {
        let raw: RawFile =
            toml::from_str(text).map_err(|e| ConfigError::from_toml(path, text, &e))?;
        // containers/storage treats an empty string as unset; so do we.
        let s = |v: Option<String>| v.filter(|v| !v.is_empty());
        let p = |v: Option<String>| s(v).map(PathBuf::from);
        let st = raw.storage;
        Ok(StorageConf {
            driver: s(st.driver),
            graphroot: p(st.graphroot),
            runroot: p(st.runroot),
            mount_program: p(st.options.overlay.mount_program).or(p(st.options.mount_program)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Result<StorageConf, ConfigError> {
        StorageConf::parse_str(t, Path::new("storage.conf"))
    }

    #[test]
    fn full_file() {
        let c = parse(
            r#"
# comment
[storage]
driver = "overlay"
graphroot = "/home/u/.local/share/containers/storage"
runroot = "/run/user/1000/containers"
rootless_storage_path = "$HOME/x"   # unknown to us: ignored

[storage.options]
additionalimagestores = []

[storage.options.overlay]
mount_program = "/usr/bin/fuse-overlayfs"
mountopt = "nodev"
"#,
        )
        .unwrap();
        assert_eq!(c.driver.as_deref(), Some("overlay"));
        assert_eq!(
            c.graphroot,
            Some(PathBuf::from("/home/u/.local/share/containers/storage"))
        );
        assert_eq!(c.runroot, Some(PathBuf::from("/run/user/1000/containers")));
        assert_eq!(
            c.mount_program,
            Some(PathBuf::from("/usr/bin/fuse-overlayfs"))
        );
    }

    #[test]
    fn empty_and_partial() {
        assert_eq!(parse("").unwrap(), StorageConf::default());
        let c = parse("[storage]\ndriver = \"\"\ngraphroot = \"/g\"\n").unwrap();
        assert_eq!(c.driver, None);
        assert_eq!(c.graphroot, Some(PathBuf::from("/g")));
        assert_eq!(c.runroot, None);
    }

    #[test]
    fn legacy_mount_program_and_precedence() {
        let c = parse("[storage.options]\nmount_program = \"/old\"\n").unwrap();
        assert_eq!(c.mount_program, Some(PathBuf::from("/old")));
        let c = parse(
            "[storage.options]\nmount_program = \"/old\"\n[storage.options.overlay]\nmount_program = \"/new\"\n",
        )
        .unwrap();
        assert_eq!(c.mount_program, Some(PathBuf::from("/new")));
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("[storage]\n\ndriver = 5\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("storage.conf:3: "), "{msg}");
        assert!(!msg.contains('\n'), "{msg}");
        let e = parse("[storage\n").unwrap_err();
        assert!(e.to_string().starts_with("storage.conf:1: "), "{e}");
    }

    #[test]
    fn load_missing_is_default() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            StorageConf::load(&dir.path().join("nope.conf")).unwrap(),
            StorageConf::default()
        );
        let f = dir.path().join("storage.conf");
        std::fs::write(&f, "[storage]\ndriver = \"vfs\"\n").unwrap();
        assert_eq!(
            StorageConf::load(&f).unwrap().driver.as_deref(),
            Some("vfs")
        );
        // A directory where the file should be is a real error, not a silent default.
        assert!(matches!(
            StorageConf::load(dir.path()),
            Err(ConfigError::Io { .. })
        ));
    }
}
