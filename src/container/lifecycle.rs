//! A started container's life after start: signals, pause, stop, restart, the cleanup the
//! shim's exit command runs, removal, and the spec of processes exec'd into it.

use super::*;

impl Engine {
    /// Wait until the container's process is gone (or `limit` passes); true when it is.
    pub fn wait_for_exit(&self, c: &mut Container, limit: Option<Duration>) -> bool {
        let start = Instant::now();
        let mut delay = Duration::from_millis(2);
        loop {
            if self.refresh(c).is_err() || !c.state.status.has_process() {
                return true;
            }
            if limit.is_some_and(|l| start.elapsed() >= l) {
                return false;
            }
            std::thread::sleep(delay);
            delay = (delay * 2).min(Duration::from_millis(50));
        }
    }

    /// `kill`: signal the container's process. A signal that ends it counts as the user's
    /// stop (as in Podman), so `kill` ends a `--restart=always` container too; `-s HUP`
    /// and the like leave the policy in force.
    pub fn kill(&self, c: &mut Container, signal: &str) -> Result<()> {
        self.refresh(c)?;
        let ends = ends_process(signal, c.config.stop_signal);
        // As in Docker, killing a container that waits out its restart back-off cancels
        // the restart: there is no process to signal.
        let waiting = c.state.status == Status::Restarting;
        if !(c.state.status.is_active() || waiting && ends) {
            return Err(ContainerError::CannotKill {
                id: c.id.clone(),
                state: c.state.status.as_str(),
            });
        }
        let cancelled = ends && self.mark_stopped_by_user(c)? == Status::Restarting;
        if !cancelled {
            if let Err(e) = self.signal(c, signal) {
                // It ended on its own just before the signal (a crash-looping container
                // between two restarts): marked stopped above, it stays so, as asked.
                let gone = ends && self.wait_for_exit(c, Some(Duration::from_secs(2)));
                if !gone {
                    return Err(e);
                }
            }
        }
        let mut e = self.event(c, "kill");
        e.attributes.insert("signal".into(), signal.to_string());
        self.events.emit(&e);
        Ok(())
    }

    /// Send a signal to the container's process, nothing else.
    pub(super) fn signal(&self, c: &mut Container, signal: &str) -> Result<()> {
        self.refresh(c)?;
        if !c.state.status.is_active() {
            return Err(ContainerError::NotRunning(c.name.clone()));
        }
        self.runtime_of(c)?.kill(&c.id, signal)?;
        Ok(())
    }

    /// `stop`, `kill` and `rm -f` are the user's word: the restart policy leaves the
    /// container alone from now on, and a restart waiting out its back-off is cancelled
    /// (the container stays exited). Under the lock, so a restart already starting
    /// finishes first and is then stopped like any running container. The status before.
    pub(super) fn mark_stopped_by_user(&self, c: &mut Container) -> Result<Status> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        let mut before = c.state.status;
        self.update_state(c, |s| {
            before = s.status;
            if s.status == Status::Restarting {
                s.status = Status::Exited;
            } else if !s.status.has_process() || s.stopped_by_user {
                return false;
            }
            s.stopped_by_user = true;
            true
        })?;
        Ok(before)
    }

    /// Freeze every process of the container (SIGSTOP: no freezer cgroup here).
    pub fn pause(&self, c: &mut Container) -> Result<()> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status != Status::Running {
            return Err(ContainerError::NotRunning(c.name.clone()));
        }
        procs::signal_all(c.state.pid, nix::sys::signal::Signal::SIGSTOP);
        self.set_status(c, Status::Running, Status::Paused)?;
        self.emit(c, "pause");
        Ok(())
    }

    pub fn unpause(&self, c: &mut Container) -> Result<()> {
        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        if c.state.status != Status::Paused {
            return Err(ContainerError::NotPaused(c.name.clone()));
        }
        procs::signal_all(c.state.pid, nix::sys::signal::Signal::SIGCONT);
        self.set_status(c, Status::Paused, Status::Running)?;
        self.emit(c, "unpause");
        Ok(())
    }

    /// `from` → `to`, unless the container left `from` meanwhile (it ended).
    pub(super) fn set_status(&self, c: &mut Container, from: Status, to: Status) -> Result<()> {
        if !self.update_state(c, |s| {
            let ours = s.status == from;
            if ours {
                s.status = to;
            }
            ours
        })? {
            return Err(ContainerError::NotRunning(c.name.clone()));
        }
        Ok(())
    }

    /// Docker's stop: the stop signal, then SIGKILL after `timeout` seconds. A restart
    /// the policy scheduled is cancelled.
    pub fn stop(&self, c: &mut Container, timeout: Option<u32>) -> Result<()> {
        self.stop_with(c, timeout, None)
    }

    /// `stop`, sending `signal` (Docker's `stop --signal`) instead of the container's own
    /// stop signal.
    pub fn stop_with(
        &self,
        c: &mut Container,
        timeout: Option<u32>,
        signal: Option<signal::Signal>,
    ) -> Result<()> {
        if self.mark_stopped_by_user(c)? == Status::Restarting {
            self.emit(c, "stop");
            return Ok(());
        }
        if !c.state.status.has_process() {
            return Ok(());
        }
        if c.state.status == Status::Initialized {
            // Its process never ran: there is nothing to stop gracefully.
            let _ = self.runtime_of(c)?.kill(&c.id, "KILL");
            self.wait_for_exit(c, None);
            self.emit(c, "stop");
            return Ok(());
        }
        if c.state.status == Status::Paused {
            // A stopped process would not see the stop signal until continued.
            self.unpause(c)?;
        }
        let rt = self.runtime_of(c)?;
        let signal = signal
            .or(c.config.stop_signal)
            .unwrap_or(signal::Signal::TERM)
            .to_string();
        let signal = signal.as_str();
        let timeout = timeout.unwrap_or(c.config.stop_timeout);
        let gone = timeout > 0 && {
            let _ = rt.kill(&c.id, signal);
            self.wait_for_exit(c, Some(Duration::from_secs(timeout.into())))
        };
        if !gone {
            let _ = rt.kill(&c.id, "KILL");
            self.wait_for_exit(c, None);
        }
        self.emit(c, "stop");
        Ok(())
    }

    /// `restart`: stop (cancelling a scheduled restart), then start. A start by the user,
    /// so the policy's restart count begins again (Docker's rule).
    pub fn restart(&self, c: &mut Container, timeout: Option<u32>) -> Result<()> {
        self.restart_with(c, timeout, None)
    }

    /// `restart` stopping with `signal` rather than the container's stop signal.
    pub fn restart_with(
        &self,
        c: &mut Container,
        timeout: Option<u32>,
        signal: Option<signal::Signal>,
    ) -> Result<()> {
        self.stop_with(c, timeout, signal)?;
        self.emit(c, "restart");
        self.start(c, false)?;
        Ok(())
    }

    /// The containers that need `c`: `--requires` it, or share one of its namespaces;
    /// theirs first (`rm --depend` removes them in this order).
    pub fn dependents(&self, c: &Container) -> Result<Vec<Container>> {
        let all = self.list()?;
        let mut out: Vec<Container> = Vec::new();
        let mut queue = vec![c.id.clone()];
        while let Some(id) = queue.pop() {
            for d in &all {
                let joins = |m: &super::namespaces::NamespaceMode| matches!(m, super::namespaces::NamespaceMode::Container(x) if *x == id);
                let net = matches!(&d.config.network, crate::network::NetworkMode::Container(x) if *x == id);
                let needs = d.config.requires.contains(&id)
                    || net
                    || [&d.config.ipc, &d.config.uts, &d.config.pid]
                        .into_iter()
                        .any(joins);
                if needs && d.id != c.id && !out.iter().any(|o| o.id == d.id) {
                    queue.push(d.id.clone());
                    out.push(d.clone());
                }
            }
        }
        // The deepest dependents go first.
        out.reverse();
        Ok(out)
    }

    /// After the process ended: forget it in the runtime, unmount, and remove the
    /// container if it was run with --rm. Idempotent; run by `run` in the foreground and
    /// (through [`Engine::cleanup_and_restart`]) by the shim.
    pub fn cleanup(&self, input: &str) -> Result<()> {
        self.cleanup_locked(input).map(|_| ())
    }

    /// `cleanup`, holding the lock on return for a container that is still there.
    pub(super) fn cleanup_locked(&self, input: &str) -> Result<Option<(ContainerLock, Container)>> {
        // Already removed (e.g. `run --rm` in the foreground beat the shim to it).
        let Some(c) = present(self.lookup(input))? else {
            return Ok(None);
        };
        let lock = self.lock(&c.id)?;
        // Read again under the lock: a concurrent cleanup may have finished meanwhile.
        let Some(mut c) = present(self.lookup(&c.id))? else {
            return Ok(None);
        };
        if !c.state.status.is_stopped() {
            return Ok(None);
        }
        if c.state.mounted {
            self.release(&mut c)?;
            self.save_state(&c)?;
        }
        if c.config.auto_remove {
            // `--rm` takes the container's anonymous volumes with it, as in Docker.
            self.remove_files(&c)?;
            self.remove_anonymous_volumes(&c)?;
            self.emit(&c, "remove");
            if c.config.rmi {
                // `--rmi`: the image goes too, unless other containers use it or it has
                // other names (Podman's rule: a failure here is not the container's).
                if let Ok(img) = self.store.find(&c.image_id) {
                    let _ = self.remove_image(&img, &c.image_id, false, false);
                }
            }
            return Ok(None);
        }
        Ok(Some((lock, c)))
    }

    /// Podman's `container cleanup` as a user asks for it: refused while the process
    /// lives; then the shim's cleanup, or with `remove` the container's removal.
    pub fn cleanup_by_user(&self, c: &mut Container, opts: CleanupOptions) -> Result<()> {
        self.refresh(c)?;
        if c.state.status.has_process() {
            return Err(ContainerError::CleanupRunning(c.id.clone()));
        }
        if !opts.remove {
            return self.cleanup_and_restart(&c.id);
        }
        match self.remove(c, false, false) {
            // A `--rm` container's own cleanup was first.
            Ok(()) | Err(ContainerError::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
        if opts.remove_image {
            // As `run --rmi`: kept while other containers use it or it has other names.
            if let Ok(img) = self.store.find(&c.image_id) {
                let _ = self.remove_image(&img, &c.image_id, false, false);
            }
        }
        Ok(())
    }

    /// The shim's exit command: `cleanup`, then the restart policy (or a health check's
    /// request) may start the container again after the back-off. Blocks for it.
    pub fn cleanup_and_restart(&self, input: &str) -> Result<()> {
        let Some((lock, mut c)) = self.cleanup_locked(input)? else {
            return Ok(());
        };
        let me = std::process::id() as i32;
        let me_started = process_start_time(me).unwrap_or(0);
        let policy = c.config.restart;
        // A user's stop wins over the policy and over a health check's request.
        let scheduled = self.update_state(&mut c, |s| {
            let wanted = s.status == Status::Exited
                && !s.stopped_by_user
                && (s.restart_requested
                    || policy.wants_restart(s.exit_code, false, s.restart_count));
            if wanted {
                s.status = Status::Restarting;
                s.restarter_pid = me;
                s.restarter_start_time = me_started;
            }
            wanted
        })?;
        if !scheduled {
            drop(lock);
            return crate::pod::ops::after_member_exit(self, &c);
        }
        let ran_for = run_time(&c.state.started_at, &c.state.finished_at);
        let delay = restart::backoff(c.state.restart_count, ran_for);
        drop(lock);
        // Without the lock: `stop` or `rm` may cancel the restart meanwhile.
        std::thread::sleep(delay);
        self.restart_after_exit(&c.id)
    }

    /// The restart the policy scheduled, unless it was cancelled during the back-off.
    pub(super) fn restart_after_exit(&self, id: &str) -> Result<()> {
        let _lock = self.lock(id)?;
        let Some(mut c) = present(self.lookup(id))? else {
            return Ok(());
        };
        if c.state.status != Status::Restarting {
            return Ok(());
        }
        c.state.restart_count += 1;
        self.emit(&c, "restart");
        self.start_held(&mut c, false)?;
        Ok(())
    }

    /// `rm`: with `force` a running container is killed first; with `volumes` its
    /// anonymous volumes go too (named volumes never do).
    pub fn remove(&self, c: &mut Container, force: bool, volumes: bool) -> Result<()> {
        if let Some(pod) = crate::pod::ops::guards(self, c) {
            return Err(ContainerError::InfraOfPod(c.id.clone(), pod));
        }
        self.refresh(c)?;
        if !force {
            match c.state.status {
                Status::Restarting => return Err(ContainerError::Restarting(c.id.clone())),
                s if s.is_active() => return Err(ContainerError::Running(c.id.clone())),
                _ => {}
            }
        }
        match self.mark_stopped_by_user(c) {
            // A `--rm` container's own cleanup removed it meanwhile: gone, as asked.
            Err(ContainerError::NotFound(_)) => return Ok(()),
            r => r?,
        };
        if c.state.status.has_process() {
            if c.state.status == Status::Paused {
                procs::signal_all(c.state.pid, nix::sys::signal::Signal::SIGCONT);
            }
            let _ = self.runtime_of(c)?.kill(&c.id, "KILL");
            self.wait_for_exit(c, None);
        }
        let _lock = self.lock(&c.id)?;
        if self.store.db().container(&c.id)?.is_none() {
            // Its `--rm` cleanup removed it while it was being stopped.
            return Ok(());
        }
        self.release(c)?;
        self.remove_files(c)?;
        if volumes {
            self.remove_anonymous_volumes(c)?;
        }
        self.emit(c, "remove");
        Ok(())
    }

    pub(super) fn remove_anonymous_volumes(&self, c: &Container) -> Result<()> {
        let users = self.volume_users()?;
        for m in c
            .config
            .mounts
            .iter()
            .filter(|m| m.kind == MountKind::Volume)
        {
            let anonymous = crate::volume::find(&self.store, &m.source)
                .map(|v| v.anonymous)
                .unwrap_or(false);
            if anonymous && !users.contains_key(&m.source) {
                let _ = crate::volume::remove(&self.store, &m.source);
            }
        }
        Ok(())
    }

    /// For every volume some container mounts, the names of those containers.
    pub fn volume_users(&self) -> Result<BTreeMap<String, Vec<String>>> {
        Ok(volume_users(&self.list()?))
    }

    /// The row goes first: once it is gone nobody can see a half-removed container.
    pub(super) fn remove_files(&self, c: &Container) -> Result<()> {
        self.store.db().delete_container(&c.id)?;
        for p in [
            self.container_dir(&c.id),
            self.state_dir(&c.id),
            self.paths.runtime.join("locks").join(&c.id),
        ] {
            remove_path(&p).map_err(io_err(format!("removing {}", p.display())))?;
        }
        if self.driver.uses_upper() || c.config.rootfs.is_some() {
            // Only ever an empty mount point: never removed recursively, so a root
            // filesystem still mounted there (EBUSY) is left alone, not emptied.
            let merged = self.rootfs(&c.id);
            for dir in [Some(merged.as_path()), merged.parent()]
                .into_iter()
                .flatten()
            {
                match fs::remove_dir(dir) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(io_err(format!("removing {}", dir.display()))(e))
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// What `exec` runs: the container's own process and seccomp filter (from the runtime
    /// spec it was started with) with the flags' overrides. Capabilities as in Podman:
    /// `privileged` widens the bounding set to all; the container's own user keeps the
    /// container's sets, another root user gets the bounding set, another user none.
    #[allow(clippy::too_many_arguments)]
    pub fn exec_spec(
        &self,
        c: &Container,
        args: Vec<String>,
        env: &[String],
        user: Option<&str>,
        workdir: Option<&str>,
        tty: bool,
        privileged: bool,
    ) -> Result<exec::ExecSpec> {
        let bundle = self.bundle_dir(&c.id).join("config.json");
        let spec = oci_spec::runtime::Spec::load(&bundle)
            .map_err(|e| ContainerError::Spec(spec::SpecError::Oci(e)))?;
        let mut process = spec.process().clone().unwrap_or_default();
        let mut full_env = process.env().clone().unwrap_or_default();
        for e in env {
            let key = e.split('=').next().unwrap_or_default();
            full_env.retain(|x| x.split('=').next() != Some(key));
            full_env.push(e.clone());
        }
        process
            .set_args(Some(args))
            .set_env(Some(full_env))
            .set_terminal(Some(tty));
        if let Some(dir) = workdir.filter(|d| !d.is_empty()) {
            process.set_cwd(dir.into());
        }
        let mut caps = process.capabilities().clone().unwrap_or_default();
        if privileged {
            caps.set_bounding(Some(spec::all_capabilities().into_iter().collect()));
        }
        let own_uid = process.user().uid();
        if let Some(u) = user {
            let resolved = user::resolve(&self.rootfs(&c.id), u)?;
            let mut pu = process.user().clone();
            pu.set_uid(resolved.uid)
                .set_gid(resolved.gid)
                .set_additional_gids(Some(resolved.additional_gids));
            process.set_user(pu);
        }
        if process.user().uid() != own_uid || privileged {
            let granted = (process.user().uid() == 0).then(|| caps.bounding().clone());
            let granted = granted.flatten().unwrap_or_default();
            caps.set_effective(Some(granted.clone()))
                .set_permitted(Some(granted))
                .set_inheritable(None)
                .set_ambient(None);
        }
        process.set_capabilities(Some(caps));
        Ok(exec::ExecSpec {
            process,
            seccomp: spec.linux().as_ref().and_then(|l| l.seccomp().clone()),
            seccomp_cache: self.paths.runtime.join("seccomp"),
            timeout: None,
            preserve_fds: 0,
        })
    }

    /// Block until the container is not running; its exit code.
    pub fn wait(&self, c: &mut Container) -> Result<i32> {
        loop {
            self.wait_for_exit(c, None);
            // A created container is waited for until it has run; one the policy is
            // restarting has exited (Docker's wait reports that exit too).
            if matches!(c.state.status, Status::Exited | Status::Restarting) {
                return Ok(c.state.exit_code);
            }
            std::thread::sleep(Duration::from_millis(50));
            *c = self.lookup(&c.id)?;
        }
    }
}
