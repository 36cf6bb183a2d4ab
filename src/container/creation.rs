//! `Engine::create`: where a create request meets the system. The config is built by the
//! pure `create::build_config`; what needs the machine (files, the network definitions,
//! volumes, the database) is checked and made real here.

use std::fs;
use std::path::Path;

use super::create::{self, CreateError, CreateRequest, Defaults};
use super::record::{Container, ContainerConfig, ContainerState, MountKind};
use super::{names, now_rfc3339, runtime::OciRuntime, seccomp, spec};
use super::{ContainerError, Engine, Result};
use crate::storage::db::{ContainerRow, DbError};

impl Engine {
    /// Record a new container (not started). Without a name, a random one is drawn until
    /// one is free.
    pub fn create(&self, mut req: CreateRequest, defaults: &Defaults) -> Result<Container> {
        crate::pod::ops::join(self, &mut req, defaults)?;
        if let Some(n) = &req.name {
            names::validate(n)?;
        }
        if req.replace && req.name.is_none() {
            return Err(CreateError::ReplaceWithoutName.into());
        }
        if let Some(path) = &req.cidfile {
            if path.exists() {
                return Err(CreateError::CidfileExists(path.display().to_string()).into());
            }
        }
        let image = match &req.more.rootfs {
            Some(dir) => {
                self.check_rootfs_dir(dir)?;
                create::ImageConfig::default()
            }
            None => create::ImageConfig::from_json(&self.store.find(&req.image_id)?.config),
        };
        let mut config = create::build_config(&req, &image, defaults)?;
        if super::systemd_mode::enabled(req.more.systemd.as_deref(), &config.args)? {
            super::systemd_mode::apply(&mut config);
        }
        if let Some(dir) = &req.more.rootfs {
            // Podman shows no image for it (ps, inspect's Image and ImageName).
            config.image_name.clear();
            config.rootfs = Some(dir.clone());
        }
        self.volumes_from(&req.volumes_from, &mut config)?;
        for r in &req.more.requires {
            config.requires.push(self.lookup(r)?.id);
        }
        for s in &mut config.secrets {
            s.id = crate::secret::find(&self.store, &s.name)?.id;
        }
        self.check_and_resolve(&mut config)?;
        self.resolve_namespaces(&mut config)?;
        let _auto = self.resolve_id_mappings(&mut config, Some(&req.more), &req.image_id)?;
        config.created = now_rfc3339();
        if req.replace {
            self.replace(req.name.as_deref().unwrap_or_default())?;
        }
        let c = self.insert(req.name, req.image_id, config)?;
        if let Some(path) = &req.cidfile {
            if let Err(e) = write_cidfile(path, &c.id) {
                // No container whose ID nobody was told.
                let mut c = c;
                let _ = self.remove(&mut c, true, true);
                return Err(e.into());
            }
        }
        Ok(c)
    }

    /// A container from a config made elsewhere (`pod clone`'s copies of a pod's
    /// containers), checked and made real as `create` does.
    pub fn create_from(
        &self,
        name: Option<String>,
        image_id: String,
        mut config: ContainerConfig,
        volumes_from: &[String],
    ) -> Result<Container> {
        if let Some(n) = &name {
            names::validate(n)?;
        }
        self.volumes_from(volumes_from, &mut config)?;
        self.check_and_resolve(&mut config)?;
        self.resolve_namespaces(&mut config)?;
        let _auto = self.resolve_id_mappings(&mut config, None, &image_id)?;
        config.created = now_rfc3339();
        self.insert(name, image_id, config)
    }

    /// `--volumes-from CTR[:ro|rw]`: the other container's volumes and binds (not its
    /// tmpfs), at the same destinations, unless the request mounts something there.
    fn volumes_from(&self, from: &[String], config: &mut ContainerConfig) -> Result<()> {
        for spec in from {
            let (name, mode) = match spec.rsplit_once(':') {
                Some((n, m @ ("ro" | "rw"))) => (n, Some(m)),
                _ => (spec.as_str(), None),
            };
            let other = self.lookup(name)?;
            for m in other
                .config
                .mounts
                .iter()
                .filter(|m| m.kind != MountKind::Tmpfs)
            {
                if config.mounts.iter().any(|c| c.destination == m.destination) {
                    continue;
                }
                let mut m = m.clone();
                if let Some(mode) = mode {
                    m.options.retain(|o| o != "ro" && o != "rw");
                    m.options.push(mode.to_string());
                }
                config.mounts.push(m);
            }
        }
        Ok(())
    }

    /// What `create` checks before anything is pulled: resource limits and the runtime.
    pub fn check_create(&self, req: &CreateRequest, defaults: &Defaults) -> Result<()> {
        req.resources.check(spec::cgroups_delegated())?;
        req.more.check(spec::cgroups_delegated())?;
        if req.more.init_ctr.is_some() && req.pod.is_none() {
            return Err(super::create::CreateError::Option(
                "must specify pod value with init-ctr".into(),
            )
            .into());
        }
        req.log_driver
            .check(Path::new("/run/systemd/journal/socket"))?;
        if let Some(p) = &req.platform {
            super::flags::check_platform(p, &crate::image::platform::Platform::host())?;
        }
        let runtime = req.runtime.as_deref().or(defaults.runtime.as_deref());
        OciRuntime::resolve(runtime, &self.paths.runtime)?;
        Ok(())
    }

    /// The checks of a built config that need the system, and what it names made real:
    /// bind sources exist, the seccomp profile loads (a bad one fails `create`, not a later
    /// `start`), the network exists and holds `--ip`, volumes exist (anonymous ones named).
    fn check_and_resolve(&self, config: &mut ContainerConfig) -> Result<()> {
        for m in config.mounts.iter().filter(|m| m.kind == MountKind::Bind) {
            if let Some(zone) = m.source.strip_prefix("/usr/share/zoneinfo/") {
                if m.destination == "/etc/localtime" && !Path::new(&m.source).is_file() {
                    return Err(CreateError::Timezone(zone.to_string()).into());
                }
            }
            if !Path::new(&m.source).exists() {
                return Err(CreateError::BindSource(m.source.clone()).into());
            }
        }
        if let Some(path) = &config.seccomp_profile {
            let abs = fs::canonicalize(path).map_err(|source| CreateError::SeccompPath {
                path: path.clone(),
                source,
            })?;
            seccomp::Profile::load(&abs).map_err(spec::SpecError::from)?;
            config.seccomp_profile = Some(abs.display().to_string());
        }
        for a in &mut config.attachments {
            let net = self.networks().get(&a.network)?;
            if let Some(ip) = a.ip.as_deref().and_then(|ip| ip.parse().ok()) {
                if !net.subnet()?.contains(ip) {
                    return Err(CreateError::IpOutsideSubnet {
                        ip,
                        subnet: net.subnet.clone(),
                        network: net.name.clone(),
                    }
                    .into());
                }
            }
            a.network = net.name;
        }
        for m in config
            .mounts
            .iter_mut()
            .filter(|m| m.kind == MountKind::Volume)
        {
            let name = (!m.source.is_empty()).then_some(m.source.as_str());
            let v = crate::volume::create(
                &self.store,
                name,
                "local",
                Default::default(),
                Default::default(),
                true,
            )?;
            m.source = v.name;
        }
        Ok(())
    }

    /// `--replace` (of `run`, `create` and `container runlabel`): a container of that
    /// name goes first, running or not, with its anonymous volumes (nothing else could
    /// use them).
    pub fn replace(&self, name: &str) -> Result<()> {
        match self.lookup(name) {
            // lookup also matches ID prefixes: only a container with this name is
            // replaced. No waiting for the old shim: `remove` returns once the exit file
            // exists, and the shim closes the published ports before writing it, so the
            // new container can bind the same ones. What the shim does after (its exit
            // command) concerns the old ID only.
            Ok(mut old) if old.name == name => self.remove(&mut old, true, true),
            Ok(_) | Err(ContainerError::NotFound(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Store a new container with a config already built.
    fn insert(
        &self,
        name_given: Option<String>,
        image_id: String,
        mut config: ContainerConfig,
    ) -> Result<Container> {
        let id = names::new_id()?;
        if config.hostname.is_empty() {
            config.hostname = id[..12].to_string();
        }
        let config_json =
            serde_json::to_string(&config).map_err(|e| ContainerError::Corrupt(id.clone(), e))?;
        let state = serde_json::to_string(&ContainerState::default())
            .map_err(|e| ContainerError::Corrupt(id.clone(), e))?;
        let created_at = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        let mut attempts = 0;
        let name = loop {
            let name = match &name_given {
                Some(n) => n.clone(),
                None => names::random_name()?,
            };
            let row = ContainerRow {
                id: id.clone(),
                name: name.clone(),
                image_id: image_id.clone(),
                created_at,
                config: config_json.clone(),
                state: state.clone(),
            };
            let inserted = self.store.db().insert_container(&row);
            match inserted {
                Ok(()) => break name,
                Err(DbError::NameInUse(_)) if name_given.is_none() && attempts < 20 => {
                    attempts += 1;
                }
                Err(e) => return Err(e.into()),
            }
        };
        let c = Container {
            id,
            name,
            image_id,
            created_at,
            config,
            state: ContainerState::default(),
        };
        self.emit(&c, "create");
        Ok(c)
    }
}

/// `--cidfile`: created exclusively, so two containers never share one.
fn write_cidfile(path: &Path, id: &str) -> std::result::Result<(), CreateError> {
    use std::io::Write;
    let err = |source| CreateError::Cidfile {
        path: path.display().to_string(),
        source,
    };
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                CreateError::CidfileExists(path.display().to_string())
            }
            _ => err(e),
        })?;
    f.write_all(id.as_bytes()).map_err(err)
}
