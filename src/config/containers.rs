//! containers.conf (containers.conf(5)): the defaults for containers that cove honours.
//! Only the keys cove acts on are read; a file written for Podman loads unchanged.

use std::path::Path;

use serde::Deserialize;

use super::error::{read_optional, ConfigError};

/// `None` means "not set"; command-line flags win over these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContainersConf {
    /// `[engine] runtime`: an OCI runtime name or path.
    pub runtime: Option<String>,
    /// `[containers] netns`: the default network mode.
    pub netns: Option<String>,
    /// `[containers] log_size_max`: bytes, -1 for unlimited.
    pub log_size_max: Option<i64>,
    /// `[network] default_rootless_network_cmd`: slirp4netns or pasta.
    pub default_rootless_network_cmd: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawFile {
    engine: RawEngine,
    containers: RawContainers,
    network: RawNetwork,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawNetwork {
    default_rootless_network_cmd: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawEngine {
    runtime: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawContainers {
    netns: Option<String>,
    log_size_max: Option<i64>,
}

impl ContainersConf {
    /// The system file, then the user's in `config_dir` (what every command reads).
    pub fn for_user(config_dir: &Path) -> Result<ContainersConf, ConfigError> {
        // Podman's override: that file alone.
        if let Some(file) = std::env::var_os("CONTAINERS_CONF").filter(|v| !v.is_empty()) {
            return ContainersConf::load(&[Path::new(&file)]);
        }
        let user = config_dir.join("containers.conf");
        ContainersConf::load(&[Path::new("/etc/containers/containers.conf"), &user])
    }

    /// Load the files in order; later files override earlier ones key by key (Podman reads
    /// /etc/containers/containers.conf, then the user's).
    pub fn load(paths: &[&Path]) -> Result<ContainersConf, ConfigError> {
        let mut conf = ContainersConf::default();
        for path in paths {
            if let Some(text) = read_optional(path)? {
                let c = Self::parse_str(&text, path)?;
                conf.runtime = c.runtime.or(conf.runtime);
                conf.netns = c.netns.or(conf.netns);
                conf.log_size_max = c.log_size_max.or(conf.log_size_max);
                conf.default_rootless_network_cmd = c
                    .default_rootless_network_cmd
                    .or(conf.default_rootless_network_cmd);
            }
        }
        Ok(conf)
    }

    pub fn parse_str(text: &str, path: &Path) -> Result<ContainersConf, ConfigError> {
        let raw: RawFile =
            toml::from_str(text).map_err(|e| ConfigError::from_toml(path, text, &e))?;
        let s = |v: Option<String>| v.filter(|v| !v.is_empty());
        Ok(ContainersConf {
            runtime: s(raw.engine.runtime),
            netns: s(raw.containers.netns),
            log_size_max: raw.containers.log_size_max.filter(|n| *n > 0),
            default_rootless_network_cmd: s(raw.network.default_rootless_network_cmd),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_engine_and_container_keys() {
        let c = ContainersConf::parse_str(
            "[engine]\nruntime = \"runc\"\ncgroup_manager = \"cgroupfs\"\n\n[containers]\nnetns = \"host\"\nlog_size_max = 1024\n",
            Path::new("containers.conf"),
        )
        .unwrap();
        assert_eq!(c.runtime.as_deref(), Some("runc"));
        assert_eq!(c.netns.as_deref(), Some("host"));
        assert_eq!(c.log_size_max, Some(1024));
        assert!(ContainersConf::parse_str("[engine\n", Path::new("x")).is_err());
    }

    #[test]
    fn later_files_win() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.conf");
        let b = dir.path().join("b.conf");
        std::fs::write(
            &a,
            "[engine]\nruntime = \"crun\"\n[containers]\nnetns = \"host\"\n",
        )
        .unwrap();
        std::fs::write(&b, "[engine]\nruntime = \"runc\"\n").unwrap();
        let c = ContainersConf::load(&[&a, &b, &dir.path().join("missing")]).unwrap();
        assert_eq!(c.runtime.as_deref(), Some("runc"));
        assert_eq!(c.netns.as_deref(), Some("host"));
    }
}
