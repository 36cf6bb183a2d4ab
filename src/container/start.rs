//! Starting a container: the root filesystem mounted from the image's layers, volumes
//! resolved, the shim launched; and the release of all that when the container ends.

use super::*;
use crate::network::uplink::Uplink;

impl Engine {
    pub(super) fn runtime_of(&self, c: &Container) -> Result<OciRuntime> {
        let name = (!c.config.runtime.is_empty()).then_some(c.config.runtime.as_str());
        let mut runtime = OciRuntime::resolve(name, &self.paths.runtime)?;
        runtime.flags = self.runtime_flags.clone();
        Ok(runtime)
    }

    pub(super) fn mount_rootfs(&self, c: &Container) -> Result<PathBuf> {
        if let Some(dir) = &c.config.rootfs {
            return self.mount_rootfs_dir(c, dir);
        }
        let dir = self.container_dir(&c.id);
        let merged = self.rootfs(&c.id);
        for p in [dir.join("userdata"), merged.clone()] {
            ensure_private_dir(&p).map_err(io_err(format!("creating {}", p.display())))?;
        }
        if crate::storage::driver::is_mounted(&merged) {
            return Ok(merged);
        }
        let img = self.store.find(&c.image_id)?;
        let mut layers = img
            .layers
            .iter()
            .map(|l| self.store.layer_dir(&l.diff_id))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        if self.driver.uses_upper() {
            layers.insert(0, self.mount_targets(c.config.no_hosts)?);
        }
        let layers = self.container_layers(&c.config, layers)?;
        let upper = UpperDirs {
            upper: dir.join("upper"),
            work: dir.join("work"),
            volatile: c.config.auto_remove,
        };
        if self.driver.uses_upper() {
            for p in [&upper.upper, &upper.work] {
                ensure_private_dir(p).map_err(io_err(format!("creating {}", p.display())))?;
            }
            // The upper dir's own mode becomes the mode of the container's `/`: it must
            // be the image's (normally 0755), or users other than root cannot traverse it.
            // The container dir above it stays private.
            let mode = layers
                .last()
                .and_then(|top| fs::metadata(top).ok())
                .map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o7777)
                .unwrap_or(0o755);
            if c.config.id_mappings.is_some() {
                // And its owner: the shifted top layer's root's.
                if let Some(top) = layers.last().and_then(|top| fs::metadata(top).ok()) {
                    use std::os::unix::fs::MetadataExt;
                    super::userns::chown(&upper.upper, top.uid(), top.gid())?;
                }
            }
            fs::set_permissions(
                &upper.upper,
                std::os::unix::fs::PermissionsExt::from_mode(mode),
            )
            .map_err(io_err(format!("chmod {}", upper.upper.display())))?;
        }
        self.driver.mount(&layers, Some(&upper), &merged)?;
        Ok(merged)
    }

    /// A layer below every container's image layers holding empty /etc/hosts,
    /// /etc/hostname and /etc/resolv.conf: the targets the runtime binds the container's
    /// own files on. An image without them would otherwise have them created in the
    /// container's upper dir (and /etc copied up) at every start, four more inodes on the
    /// store's disk per container. Lowest, so an image's own /etc keeps its attributes;
    /// what a container sees there is always the bound file, as before. With
    /// `--no-hosts` nothing is bound on /etc/hosts: the image's own, or none.
    fn mount_targets(&self, no_hosts: bool) -> Result<PathBuf> {
        let (name, files): (_, &[_]) = match no_hosts {
            false => ("mount-targets", &["hosts", "hostname", "resolv.conf"]),
            true => ("mount-targets-no-hosts", &["hostname", "resolv.conf"]),
        };
        let dir = self.paths.data.join(name);
        if dir.exists() {
            return Ok(dir);
        }
        // Unique per call: the API service starts containers from several threads.
        let tmp = tempfile::Builder::new()
            .prefix(".mount-targets-")
            .tempdir_in(&self.paths.data)
            .map_err(io_err(format!(
                "creating a directory in {}",
                self.paths.data.display()
            )))?
            .keep();
        let made = (|| -> std::io::Result<()> {
            use std::os::unix::fs::PermissionsExt;
            fs::create_dir_all(tmp.join("etc"))?;
            for f in files {
                let file = tmp.join("etc").join(f);
                fs::write(&file, "")?;
                fs::set_permissions(&file, fs::Permissions::from_mode(0o644))?;
            }
            // Not the umask's: /etc comes from here for an image without one.
            for d in [tmp.join("etc"), tmp.clone()] {
                fs::set_permissions(&d, fs::Permissions::from_mode(0o755))?;
            }
            Ok(())
        })();
        if let Err(e) = made {
            let _ = fs::remove_dir_all(&tmp);
            return Err(io_err(format!("creating {}", tmp.display()))(e));
        }
        // Another cove may have won the race: its copy is the same.
        if let Err(e) = fs::rename(&tmp, &dir) {
            let _ = fs::remove_dir_all(&tmp);
            if !dir.exists() {
                return Err(io_err(format!("creating {}", dir.display()))(e));
            }
        }
        Ok(dir)
    }

    /// Start a created or exited container: mount its filesystem, write the runtime spec,
    /// start the shim (which creates the container), then let it run. With `attach`, the
    /// attach socket is connected before the process runs, so no output is missed.
    pub fn start(&self, c: &mut Container, attach: bool) -> Result<Option<OwnedFd>> {
        self.start_claiming(c, attach, false).map(|(sock, _)| sock)
    }

    /// `start` attached, for a caller that stays until the container ends and then runs
    /// `cleanup` itself (`run` in the foreground). For a `--rm` container it also gets a
    /// [`shim::CleanupClaim`] to hold until after that cleanup: the shim then skips its exit
    /// command, unless the caller goes without removing the container.
    pub fn start_attached(
        &self,
        c: &mut Container,
    ) -> Result<(Option<OwnedFd>, Option<shim::CleanupClaim>)> {
        let claim = c.config.auto_remove;
        self.start_claiming(c, true, claim)
    }

    fn start_claiming(
        &self,
        c: &mut Container,
        attach: bool,
        claim: bool,
    ) -> Result<(Option<OwnedFd>, Option<shim::CleanupClaim>)> {
        self.start_dependencies(c)?;
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status.is_active() {
            return Ok((None, None));
        }
        if c.state.status == Status::Initialized {
            let started = self.start_initialized(c, attach);
            return started
                .map(|sock| (sock, None))
                .map_err(|e| self.failed_start(c, e));
        }
        // Started by the user: the restart policy counts from zero again (Docker's rule).
        c.state.restart_count = 0;
        self.start_held_claiming(c, attach, claim)
    }

    /// `init`: everything `start` does except letting the process run. The container is
    /// Initialized until `start` (or `stop`, or its process dying) moves it on.
    pub fn init(&self, c: &mut Container) -> Result<()> {
        self.start_dependencies(c)?;
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status.has_process() || c.state.status == Status::Restarting {
            return Err(ContainerError::AlreadyInitialized(c.id.clone()));
        }
        let created = self
            .create_in_runtime(c, false, Status::Initialized)
            .and_then(|(uplink, _)| network_ready(uplink).inspect_err(|_| self.kill_created(c)));
        if let Err(e) = created {
            return Err(self.failed_start(c, e));
        }
        self.emit(c, "init");
        Ok(())
    }

    /// What must run before `c` is created: its pod's infra container, and what it
    /// `--requires` (each after its own; they were older at create, so the chain has no
    /// cycle).
    fn start_dependencies(&self, c: &Container) -> Result<()> {
        crate::pod::ops::start_infra_of(self, c)?;
        for id in c.config.requires.clone() {
            let mut dep = self.lookup(&id)?;
            self.start(&mut dep, false)?;
        }
        Ok(())
    }

    /// `start` of an Initialized container: only the process is left to run.
    fn start_initialized(&self, c: &mut Container, attach: bool) -> Result<Option<OwnedFd>> {
        let changed = self.update_state(c, |s| {
            let ours = s.status == Status::Initialized;
            if ours {
                s.status = Status::Running;
                s.started_at = now_rfc3339();
                s.restart_count = 0;
            }
            ours
        })?;
        if !changed {
            // Its process died meanwhile (or `stop` came first).
            return Err(ContainerError::NotRunning(c.name.clone()));
        }
        self.run_created(c, attach, None)
    }

    /// `start` with the container's lock held by the caller.
    pub(super) fn start_held(&self, c: &mut Container, attach: bool) -> Result<Option<OwnedFd>> {
        self.start_held_claiming(c, attach, false)
            .map(|(sock, _)| sock)
    }

    fn start_held_claiming(
        &self,
        c: &mut Container,
        attach: bool,
        claim: bool,
    ) -> Result<(Option<OwnedFd>, Option<shim::CleanupClaim>)> {
        self.start_locked(c, attach, claim)
            .map_err(|e| self.failed_start(c, e))
    }

    /// After a failed start or init: the error recorded, what start set up released.
    fn failed_start(&self, c: &mut Container, e: ContainerError) -> ContainerError {
        c.state.error = e.to_string();
        c.state.status = if c.state.started_at.is_empty() {
            Status::Created
        } else {
            Status::Exited
        };
        let _ = self.release(c);
        let _ = self.save_state(c);
        e
    }

    pub(super) fn start_locked(
        &self,
        c: &mut Container,
        attach: bool,
        claim: bool,
    ) -> Result<(Option<OwnedFd>, Option<shim::CleanupClaim>)> {
        let (uplink, claim) = self.create_in_runtime(c, claim, Status::Running)?;
        let sock = self.run_created(c, attach, uplink)?;
        Ok((sock, claim))
    }

    /// Mount the filesystem, prepare the network, start the shim: the runtime has then
    /// created the container, whose process waits for `RUNTIME start`. The state says
    /// `status` from here on (Running when the start follows at once).
    fn create_in_runtime(
        &self,
        c: &mut Container,
        claim: bool,
        status: Status,
    ) -> Result<(Option<Uplink>, Option<shim::CleanupClaim>)> {
        let runtime = self.runtime_of(c)?;
        let rootfs = self.mount_rootfs(c)?;
        c.state.mounted = true;
        self.save_state(c)?;
        let state_dir = self.state_dir(&c.id);
        let _ = remove_path(&state_dir);
        ensure_private_dir(&state_dir)
            .map_err(io_err(format!("creating {}", state_dir.display())))?;
        let claim = match claim {
            true => Some(
                shim::CleanupClaim::take(&state_dir).map_err(io_err("taking the cleanup claim"))?,
            ),
            false => None,
        };
        let net = self.prepare_network(c, &state_dir)?;
        let pid = match self.spawn_shim(c, &runtime, &rootfs, &net, &state_dir, claim.is_some()) {
            Ok(pid) => pid,
            Err(e) => {
                self.abort_network(&c.id, net);
                return Err(e);
            }
        };
        let network::Prepared {
            listeners,
            uplink,
            state: net_state,
            ..
        } = net;
        // The shim has its own copies now.
        drop(listeners);
        let conmon_pid = fs::read_to_string(state_dir.join("conmon.pid"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        if let Some(path) = &c.config.pidfile {
            fs::write(path, pid.to_string())
                .map_err(io_err(format!("writing the --pidfile {path}")))?;
        }
        if let Some(path) = &c.config.conmon_pidfile {
            fs::write(path, conmon_pid.to_string())
                .map_err(io_err(format!("writing the --conmon-pidfile {path}")))?;
        }
        c.state = ContainerState {
            status,
            pid,
            pid_start_time: process_start_time(pid).unwrap_or(0),
            conmon_pid,
            started_at: match status {
                Status::Running => now_rfc3339(),
                _ => String::new(),
            },
            mounted: true,
            restart_count: c.state.restart_count,
            network: net_state,
            health: c
                .config
                .health
                .as_ref()
                .filter(|h| h.command().is_some())
                .map(|_| health::HealthState::starting()),
            ..ContainerState::default()
        };
        self.save_state(c)?;
        Ok((uplink, claim))
    }

    /// Let a created container's process run: attached first (so no output is missed),
    /// the network helper ready, then `RUNTIME start`.
    fn run_created(
        &self,
        c: &mut Container,
        attach: bool,
        uplink: Option<Uplink>,
    ) -> Result<Option<OwnedFd>> {
        let state_dir = self.state_dir(&c.id);
        let sock = if attach {
            Some(
                attach::connect(&state_dir.join("attach"))
                    .map_err(io_err("connecting to the container's attach socket"))?,
            )
        } else {
            None
        };
        // API clients that attached before the start connect now, before any output.
        attach::let_waiters_connect(&self.attach_waiters(&c.id), Duration::from_secs(5));
        // The helper configured the namespace while the runtime created the container.
        let started = network_ready(uplink).and_then(|_| {
            self.runtime_of(c)?
                .start(&c.id)
                .map_err(ContainerError::from)
        });
        if let Err(e) = started {
            self.kill_created(c);
            return Err(e);
        }
        self.emit(c, "start");
        Ok(sock)
    }

    /// A created container that cannot go on: its process is killed, its end awaited.
    fn kill_created(&self, c: &mut Container) {
        if let Ok(rt) = self.runtime_of(c) {
            let _ = rt.kill(&c.id, "KILL");
        }
        self.wait_for_exit(c, Some(Duration::from_secs(5)));
    }

    /// Write the spec and start the shim, which creates the container (not yet running).
    /// Returns the container's pid.
    pub(super) fn spawn_shim(
        &self,
        c: &Container,
        runtime: &OciRuntime,
        rootfs: &Path,
        net: &network::Prepared,
        state_dir: &Path,
        claim: bool,
    ) -> Result<i32> {
        let user = if c.config.userns == Userns::KeepId && c.config.user.is_empty() {
            spec::ResolvedUser {
                uid: self.host_ids.0,
                gid: self.host_ids.1,
                additional_gids: Vec::new(),
            }
        } else {
            user::resolve(rootfs, &c.config.user)?
        };
        let mut user = user;
        user::add_groups(rootfs, &mut user, &c.config.group_add)?;
        let mut config = self.resolve_volumes(c, rootfs, &user)?;
        let secrets =
            super::secrets::materialize(&c.config.secrets, &state_dir.join("secrets"), |s| {
                crate::secret::data(&self.store, &s.id).map_err(|e| match e {
                    // Removed since: named as the user named it.
                    crate::secret::SecretError::NotFound(_) => {
                        crate::secret::SecretError::NotFound(s.name.clone()).into()
                    }
                    e => e.into(),
                })
            })?;
        config.mounts.extend(secrets.mounts);
        config.env.extend(secrets.env);
        if let Some(m) = passwd_file(c, rootfs, &user, state_dir)? {
            config.mounts.push(m);
        }
        let seccomp = match &c.config.seccomp_profile {
            Some(path) => {
                Some(seccomp::Profile::load(Path::new(path)).map_err(spec::SpecError::from)?)
            }
            None => None,
        };
        let init = if c.config.init {
            Some(match &c.config.init_path {
                Some(p) => PathBuf::from(p),
                None => {
                    crate::paths::find_helper("cove-init").ok_or(ContainerError::InitMissing)?
                }
            })
        } else {
            None
        };
        let keep_id = (c.config.userns == Userns::KeepId).then_some(spec::KeepId {
            uid: self.host_ids.0,
            gid: self.host_ids.1,
            size: self.id_space,
        });
        let namespaces = self.place_namespaces(c)?;
        if c.config.id_mappings.is_some() {
            super::userns::make_accessible(rootfs)?;
            super::userns::make_accessible(state_dir)?;
            if let Some(shm) = &namespaces.shm {
                // A pod's /dev/shm, bound from its infra container's directory.
                super::userns::make_accessible(shm)?;
                self.own_by_container_root(&c.config, shm)?;
            }
        }
        for f in [&net.etc.resolv_conf, &net.etc.hostname]
            .into_iter()
            .chain(net.etc.hosts.as_ref())
        {
            self.own_by_container_root(&c.config, f)?;
        }
        let mut spec = spec::build(&spec::SpecInput {
            config: &config,
            rootfs,
            network: net.namespace.clone(),
            user,
            etc: Some(&net.etc),
            rootless: self.rootless,
            keep_id,
            id_mappings: c.config.id_mappings.as_ref(),
            seccomp: seccomp.as_ref(),
            host: &seccomp::Host::current(),
            init: init.as_deref(),
            default_nofile: spec::default_nofile(self.rootless, may_raise_limits()),
            namespaces: &namespaces,
        })?;
        let netns = match &net.namespace {
            spec::NetNamespace::Join(p) if !net.listeners.is_empty() => Some(p.as_path()),
            _ => None,
        };
        let tcp_ports = net.listeners.iter().any(|l| l.mapping.protocol == "tcp");
        let port_handoff = netns.is_some() && super::handoff::enabled(runtime.builtin, tcp_ports);
        if port_handoff {
            super::handoff::add_notify_rule(&mut spec, &state_dir.join(super::handoff::SOCKET));
        }
        let bundle = self.state_dir(&c.id);
        spec.save(bundle.join("config.json"))
            .map_err(|e| ContainerError::Spec(spec::SpecError::Oci(e)))?;
        // A runtime record left by a crash would make `create` fail with "exists".
        let _ = runtime.delete(&c.id, true);

        let mut exit_command = self.exit_command.clone();
        exit_command.extend(["container".into(), "cleanup".into(), c.id.clone()]);
        let healthcheck = c
            .config
            .health
            .as_ref()
            .filter(|h| h.command().is_some())
            .map(|h| {
                let mut cmd = self.exit_command.clone();
                cmd.extend(["healthcheck".into(), "run".into(), c.id.clone()]);
                (h.interval(), cmd)
            });
        // --log-driver none: the shim still drains the output, into nothing; passthrough:
        // there is none to drain (a terminal's, if asked for, goes there too).
        let logged = !matches!(
            c.config.log_driver,
            super::create::LogDriver::None | super::create::LogDriver::Passthrough
        );
        let log_path = if logged {
            self.log_path(&c.id)
        } else {
            PathBuf::from("/dev/null")
        };
        Ok(shim::spawn(&shim::ShimRequest {
            id: &c.id,
            name: &c.name,
            bundle: &bundle,
            runtime,
            state_dir,
            log_path: &log_path,
            log_size_max: c.config.log_size_max.filter(|_| logged),
            terminal: c.config.tty,
            stdin: c.config.interactive,
            exit_command,
            healthcheck,
            timeout: c.config.timeout,
            netns,
            publish: &net.listeners,
            port_handoff: port_handoff.then_some(super::handoff::SOCKET),
            hold: net.uplink.as_ref().and_then(|u| u.hold.as_ref()),
            claim: claim
                .then(|| state_dir.join(shim::CleanupClaim::FILE))
                .as_deref(),
            preserve_fds: match &self.preserve_fds {
                Some((id, n)) if *id == c.id => *n,
                _ => 0,
            },
            passthrough: c.config.log_driver == super::create::LogDriver::Passthrough,
        })?)
    }

    /// The config with volume mounts turned into bind mounts of the volumes' directories;
    /// an empty volume first gets the image's content at its mount point (copy-up).
    /// `:U` sources are then given to the container's user.
    pub(super) fn resolve_volumes(
        &self,
        c: &Container,
        rootfs: &std::path::Path,
        user: &spec::ResolvedUser,
    ) -> Result<ContainerConfig> {
        let mut config = c.config.clone();
        for m in config
            .mounts
            .iter_mut()
            .filter(|m| m.kind == MountKind::Volume)
        {
            let dir = crate::volume::data_dir(&self.store, &m.source);
            if !dir.is_dir() {
                return Err(ContainerError::Io {
                    context: format!("volume {} of container {}", m.source, c.name),
                    source: std::io::Error::from(std::io::ErrorKind::NotFound),
                });
            }
            if crate::volume::is_empty(&dir) && !m.options.iter().any(|o| o == "nocopy") {
                // The image path is resolved inside the container's rootfs (a symlink
                // there must not lead out of it) and read through the resolved fd.
                if let Ok(handle) =
                    pathrs::Root::open(rootfs).and_then(|r| r.resolve(&m.destination))
                {
                    use std::os::fd::{AsFd, AsRawFd};
                    let from =
                        PathBuf::from(format!("/proc/self/fd/{}", handle.as_fd().as_raw_fd()));
                    crate::volume::copy_up(&from, &dir).map_err(io_err(format!(
                        "copying {} into volume {}",
                        m.destination, m.source
                    )))?;
                }
            }
            m.kind = MountKind::Bind;
            m.source = dir.display().to_string();
            m.options.retain(|o| o != "nocopy");
            if !m.options.iter().any(|o| o == "rbind") {
                m.options.insert(0, "rbind".into());
            }
        }
        for m in config
            .mounts
            .iter_mut()
            .filter(|m| m.options.iter().any(|o| o == "U"))
        {
            m.options.retain(|o| o != "U");
            crate::volume::chown_tree(std::path::Path::new(&m.source), user.uid, user.gid)
                .map_err(io_err(format!("chowning {} for :U", m.source)))?;
        }
        Ok(config)
    }

    /// Mount a container's filesystem (for `mount`, `export`, `cp` on a stopped one).
    pub fn mount(&self, c: &mut Container) -> Result<PathBuf> {
        let _lock = self.lock(&c.id)?;
        let path = self.mount_rootfs(c)?;
        if !c.state.mounted {
            self.update_state(c, |s| {
                s.mounted = true;
                true
            })?;
        }
        Ok(path)
    }

    /// Unmount unless the container runs (its process needs the filesystem).
    pub fn unmount(&self, c: &mut Container) -> Result<()> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status.is_active() {
            return Ok(());
        }
        self.release(c)?;
        self.save_state(c)
    }

    /// The image's layer directories (for `diff`).
    pub fn image_layers(&self, c: &Container) -> Result<Vec<PathBuf>> {
        let img = self.store.find(&c.image_id)?;
        Ok(img
            .layers
            .iter()
            .map(|l| self.store.layer_dir(&l.diff_id))
            .collect::<std::result::Result<Vec<_>, _>>()?)
    }

    /// Undo what start set up: runtime record, mounted filesystem.
    pub(super) fn release(&self, c: &mut Container) -> Result<()> {
        if let Ok(rt) = self.runtime_of(c) {
            let _ = rt.delete(&c.id, true);
        }
        self.leave_networks(&c.id, &c.state.network);
        let merged = self.rootfs(&c.id);
        if crate::storage::driver::is_mounted(&merged) {
            self.driver.unmount(&merged)?;
        }
        let shm = self.shm_dir(&c.id);
        if crate::storage::driver::is_mounted(&shm) {
            // Members still running keep theirs (a mount of the same tmpfs).
            let _ = nix::mount::umount2(&shm, nix::mount::MntFlags::MNT_DETACH);
        }
        c.state.mounted = false;
        Ok(())
    }
}

/// Wait until the network helper configured the container's namespace.
fn network_ready(uplink: Option<Uplink>) -> Result<()> {
    match uplink {
        Some(mut u) => {
            drop(u.hold.take());
            u.wait_ready().map_err(ContainerError::from)
        }
        None => Ok(()),
    }
}

/// `--hostuser` and `--passwd-entry`: the container's /etc/passwd with those lines added,
/// written to the state dir and bound over it (the image's file stays as it is).
fn passwd_file(
    c: &Container,
    rootfs: &Path,
    user: &spec::ResolvedUser,
    state_dir: &Path,
) -> Result<Option<MountSpec>> {
    let passwd = user::read_in_root(rootfs, "/etc/passwd");
    let mut lines = c.config.passwd_lines.clone();
    if let Some(template) = &c.config.passwd_entry {
        let known = passwd
            .lines()
            .any(|l| l.split(':').nth(2) == Some(&user.uid.to_string()));
        if !known {
            let name = if c.config.user.is_empty()
                || c.config.user.starts_with(|ch: char| ch.is_ascii_digit())
            {
                std::env::var("USER").unwrap_or_else(|_| user.uid.to_string())
            } else {
                c.config
                    .user
                    .split(':')
                    .next()
                    .unwrap_or_default()
                    .to_string()
            };
            let home = if c.config.working_dir.is_empty() {
                "/"
            } else {
                &c.config.working_dir
            };
            lines.push(super::options::passwd_line(
                template, user.uid, user.gid, &name, home,
            ));
        }
    }
    if lines.is_empty() {
        return Ok(None);
    }
    let mut text = passwd;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for l in lines {
        text.push_str(&l);
        text.push('\n');
    }
    let path = state_dir.join("passwd");
    fs::write(&path, text).map_err(io_err(format!("writing {}", path.display())))?;
    Ok(Some(MountSpec {
        kind: MountKind::Bind,
        source: path.display().to_string(),
        destination: "/etc/passwd".into(),
        options: vec!["rbind".into(), "rw".into()],
    }))
}
