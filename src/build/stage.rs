//! Executing the stages: each instruction applied to the stage's image config, RUN and
//! COPY/ADD adding layers, every step's result found in the layer cache when its key
//! matches.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{json, Value};

use super::cache::{self, Cache};
use super::context::Root;
use super::dockerfile::{Command, Dockerfile, Kind, Stage, Step};
use super::subst::{self, Vars};
use super::{BuildError, BuildRequest, Format, Images};
use crate::container::create::Defaults;
use crate::container::Engine;
use crate::image::import::{self, Change};
use crate::storage::db::ImageRecord;

/// Build args Docker accepts without an ARG line (passed to RUN when given).
const PREDEFINED: &[&str] = &[
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
];

/// A stage's image as it is being built.
pub(super) struct State {
    /// The last stored image with this stage's layers (None: scratch, nothing yet).
    pub image: Option<ImageRecord>,
    /// The whole image config (with `config`, `rootfs`, `history`).
    pub config: Value,
    /// The cache key of everything so far.
    pub key: String,
    /// ARGs declared in this stage, with their values (unset ones are absent).
    pub args: BTreeMap<String, String>,
    pub shell: Vec<String>,
    /// CMD given in this stage (ENTRYPOINT keeps it then).
    pub cmd_set: bool,
    /// How many history entries the base image had (`--timestamp` restamps the rest).
    pub base_history: usize,
    /// How many layers the base image has (`--squash` keeps those).
    pub base_layers: usize,
}

impl State {
    pub fn env(&self) -> Vec<(String, String)> {
        self.config["config"]["Env"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e.as_str()?.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn string(&self, key: &str) -> Option<String> {
        self.config["config"][key]
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }

    fn apply(&mut self, changes: &[Change]) {
        if !self.config["config"].is_object() {
            self.config["config"] = json!({});
        }
        if let Some(c) = self.config["config"].as_object_mut() {
            import::apply_changes(c, changes);
        }
    }

    /// A history entry for a step that made no layer.
    fn history(&mut self, created: String, created_by: String) {
        let entry = json!({"created": created, "created_by": created_by, "empty_layer": true});
        match self.config["history"].as_array_mut() {
            Some(h) => h.push(entry),
            None => self.config["history"] = json!([entry]),
        }
    }
}

pub(super) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

pub(super) struct Builder<'a> {
    pub engine: &'a Engine,
    pub defaults: &'a Defaults,
    pub images: &'a dyn Images,
    pub req: &'a BuildRequest,
    pub df: &'a Dockerfile,
    pub file: String,
    pub context: Root,
    pub out: &'a mut dyn Write,
    pub cache: Cache,
    /// Finished stages: name (or index) to image ID.
    pub stages: Vec<(Option<String>, String)>,
    global_args: BTreeMap<String, String>,
    used_args: std::collections::BTreeSet<String>,
    prefix: String,
}

impl<'a> Builder<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        engine: &'a Engine,
        defaults: &'a Defaults,
        images: &'a dyn Images,
        req: &'a BuildRequest,
        df: &'a Dockerfile,
        file: String,
        context: Root,
        out: &'a mut dyn Write,
    ) -> Builder<'a> {
        Builder {
            cache: Cache::new(&engine.paths.data),
            engine,
            defaults,
            images,
            req,
            df,
            file,
            context,
            out,
            stages: Vec::new(),
            global_args: BTreeMap::new(),
            used_args: Default::default(),
            prefix: String::new(),
        }
    }

    pub fn err(&self, step: &Step, message: impl std::fmt::Display) -> BuildError {
        BuildError::Step {
            file: self.file.clone(),
            line: step.line,
            instruction: step.text.lines().next().unwrap_or("").to_string(),
            message: message.to_string(),
        }
    }

    pub fn say(&mut self, line: impl std::fmt::Display) {
        if !self.req.quiet {
            let _ = writeln!(self.out, "{line}");
        }
    }

    /// The time new history entries and the image get: `--timestamp`, else now.
    pub fn created(&self) -> String {
        match self
            .req
            .timestamp
            .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        {
            Some(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            None => now(),
        }
    }

    fn use_cache(&self) -> bool {
        !self.req.no_cache && self.req.layers
    }

    /// A cached result for `key`, announced as Podman does.
    pub fn cached(&mut self, key: &str) -> Option<ImageRecord> {
        if !self.use_cache() {
            return None;
        }
        let img = self.cache.get(&self.engine.store, key)?;
        let short = short(&img.id);
        self.say(format!(
            "--> Using cache {}",
            img.id.trim_start_matches("sha256:")
        ));
        self.say(format!("--> {short}"));
        Some(img)
    }

    pub fn remember(&mut self, key: &str, id: &str) {
        if self.req.layers {
            // A cache that cannot be written costs the next build time, not this one.
            let _ = self.cache.put(key, id);
        }
    }

    /// The stages up to the target, in order; the last one's image ID.
    pub fn build_all(&mut self) -> Result<String, BuildError> {
        let last = match &self.req.target {
            None => self.df.stages.len().saturating_sub(1),
            Some(t) => self
                .df
                .stages
                .iter()
                .position(|s| s.name() == Some(t.as_str()))
                .or_else(|| t.parse().ok().filter(|n| *n < self.df.stages.len()))
                .ok_or_else(|| BuildError::NoTarget(t.clone()))?,
        };
        self.global_args()?;
        let needed = self.df.needed_stages(last);
        let mut id = String::new();
        for (n, stage) in self.df.stages[..=last].iter().enumerate() {
            if self.req.skip_unused_stages && !needed[n] {
                // Kept in place so later stages' indexes still name the right one.
                self.stages
                    .push((stage.name().map(str::to_string), String::new()));
                continue;
            }
            self.prefix = if last > 0 {
                format!("[{}/{}] ", n + 1, last + 1)
            } else {
                String::new()
            };
            id = self.stage(stage, n == last)?;
            self.stages
                .push((stage.name().map(str::to_string), id.clone()));
        }
        let unused: Vec<&String> = self
            .req
            .build_args
            .keys()
            .filter(|k| !self.used_args.contains(*k) && !PREDEFINED.contains(&k.as_str()))
            .collect();
        if !unused.is_empty() && !self.req.quiet {
            let list: Vec<&str> = unused.iter().map(|s| s.as_str()).collect();
            let _ = writeln!(
                self.out,
                "[Warning] one or more build args were not consumed: [{}]",
                list.join(" ")
            );
        }
        Ok(id)
    }

    fn global_args(&mut self) -> Result<(), BuildError> {
        for step in &self.df.global_args {
            let Kind::Arg(raw) = &step.kind else {
                continue;
            };
            let mut args = self.global_args.clone();
            self.declare(step, raw, &mut args, true)?;
            self.global_args = args;
        }
        Ok(())
    }

    /// ARG: each name takes the build arg given for it, else its default (else, inside a
    /// stage, the global ARG's value).
    fn declare(
        &mut self,
        step: &Step,
        raw: &str,
        args: &mut BTreeMap<String, String>,
        global: bool,
    ) -> Result<(), BuildError> {
        let env = Vec::new();
        let scope = if global {
            self.global_args.clone()
        } else {
            args.clone()
        };
        let vars = Vars {
            env: &env,
            args: &scope,
        };
        let pairs =
            subst::pairs(raw, &vars, self.df.escape, false).map_err(|e| self.err(step, e))?;
        for (name, default) in pairs {
            self.used_args.insert(name.clone());
            let value = self
                .req
                .build_args
                .get(&name)
                .cloned()
                .or(default)
                .or_else(|| {
                    (!global)
                        .then(|| self.global_args.get(&name).cloned())
                        .flatten()
                })
                .or_else(|| super::platform::automatic_arg(&name));
            match value {
                Some(v) => args.insert(name, v),
                None => args.remove(&name),
            };
        }
        Ok(())
    }

    /// The state a FROM starts from.
    fn base(&mut self, step: &Step, first: bool) -> Result<State, BuildError> {
        let Kind::From { image, flags, .. } = &step.kind else {
            return Err(self.err(step, "expected FROM"));
        };
        if let Some((f, _)) = flags.iter().find(|(f, _)| f != "platform") {
            return Err(self.err(step, format!("unknown flag: --{f}")));
        }
        let env = Vec::new();
        let mut scope: BTreeMap<String, String> =
            super::platform::automatic_args().into_iter().collect();
        scope.extend(self.global_args.clone());
        let vars = Vars {
            env: &env,
            args: &scope,
        };
        for (_, value) in flags {
            let p = subst::word(value.as_deref().unwrap_or(""), &vars, self.df.escape)
                .map_err(|e| self.err(step, e))?;
            super::platform::check(&p).map_err(|e| self.err(step, e))?;
        }
        let mut name = subst::word(image, &vars, self.df.escape).map_err(|e| self.err(step, e))?;
        if let (true, Some(from)) = (first, &self.req.from) {
            name = from.clone();
        }
        if self.stage_image(&name).is_none() {
            if let Some(super::NamedContext::Image(r)) = self.req.contexts.get(&name) {
                name = r.clone();
            }
        }
        if name.is_empty() {
            return Err(self.err(step, "base name should not be blank"));
        }
        let (image, config) = if name == "scratch" {
            let platform = crate::image::platform::Platform::host();
            let config = json!({
                "architecture": platform.arch,
                "os": platform.os,
                "config": {},
                "rootfs": {"type": "layers", "diff_ids": []},
                "history": [],
            });
            (None, config)
        } else {
            let id = match self.stage_image(&name) {
                Some(id) => id,
                None => self.images.resolve(&name).map_err(|e| self.err(step, e))?,
            };
            let img = self.engine.store.find(&id)?;
            let mut config: Value = serde_json::from_slice(&img.config)
                .map_err(|e| self.err(step, format!("the config of {name}: {e}")))?;
            if !config["config"].is_object() {
                config["config"] = json!({});
            }
            // Triggers are for the image's users, not inherited by them.
            if let Some(c) = config["config"].as_object_mut() {
                c.remove("OnBuild");
            }
            (Some(img), config)
        };
        let mut config = config;
        if !self.req.env.is_empty() {
            if let Some(c) = config["config"].as_object_mut() {
                import::apply_changes(c, &[Change::Env(self.req.env.clone())]);
            }
        }
        let shell = config["config"]["Shell"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .filter(|s: &Vec<String>| !s.is_empty())
            .unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into()]);
        let base_id = image.as_ref().map(|i| i.id.clone()).unwrap_or_default();
        let stamp = format!("{:?}", self.req.timestamp);
        let base_history = config["history"].as_array().map_or(0, Vec::len);
        let base_layers = image.as_ref().map_or(0, |i| i.layers.len());
        Ok(State {
            image,
            config,
            key: cache::key(
                "FROM",
                &[&base_id, &step.text, &stamp, &format!("{:?}", self.req.env)],
            ),
            args: BTreeMap::new(),
            shell,
            cmd_set: false,
            base_history,
            base_layers,
        })
    }

    /// A finished stage's image, by name or index.
    pub fn stage_image(&self, name: &str) -> Option<String> {
        self.stages
            .iter()
            .find(|(n, _)| n.as_deref() == Some(name))
            .or_else(|| name.parse::<usize>().ok().and_then(|i| self.stages.get(i)))
            .map(|(_, id)| id.clone())
            .filter(|id| !id.is_empty())
    }

    fn stage(&mut self, stage: &Stage, last: bool) -> Result<String, BuildError> {
        let count = stage.steps.len() + 1;
        self.say(format!(
            "{}STEP 1/{count}: {}",
            self.prefix, stage.from.text
        ));
        let first = std::ptr::eq(stage, &self.df.stages[0]);
        let mut st = self.base(&stage.from, first)?;
        for (i, step) in stage.steps.iter().enumerate() {
            self.say(format!(
                "{}STEP {}/{count}: {}",
                self.prefix,
                i + 2,
                step.text
            ));
            self.step(&mut st, step)?;
        }
        self.commit(st, last)
    }

    /// The stage's image: the cached one for its final key, else stored now.
    fn commit(&mut self, mut st: State, last: bool) -> Result<String, BuildError> {
        let labels: Vec<String> = self
            .req
            .labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let format = format!("{:?}", self.req.format);
        let extra = if last {
            labels.join("\n")
        } else {
            String::new()
        };
        let squash = format!("{:?}", self.req.squash);
        let finish = if last {
            format!(
                "{:?} {} {:?} {:?}",
                self.req.unsetenv, self.req.omit_history, self.req.os_version, self.req.os_features
            )
        } else {
            String::new()
        };
        let key = cache::key(&st.key, &["COMMIT", &format, &extra, &squash, &finish]);
        if last && !self.req.quiet {
            let name = self.req.tags.first().cloned().unwrap_or_default();
            self.say(format!("COMMIT {name}"));
        }
        if let Some(img) = self.cached_quiet(&key) {
            if last {
                self.say(format!("--> {}", short(&img.id)));
            }
            return Ok(img.id);
        }
        if last && !self.req.labels.is_empty() {
            let pairs = self
                .req
                .labels
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            st.apply(&[Change::Label(pairs)]);
        }
        if self.req.format == Format::Oci {
            if let Some(c) = st.config["config"].as_object_mut() {
                for (k, what) in [
                    ("Healthcheck", "HEALTHCHECK"),
                    ("OnBuild", "ONBUILD"),
                    ("Shell", "SHELL"),
                ] {
                    if c.remove(k).is_some() && last {
                        let _ = writeln!(
                            self.out,
                            "WARN: {what} is not supported for OCI image format and will be ignored. Must use `docker` format"
                        );
                    }
                }
            }
        }
        if last {
            self.finish(&mut st);
        }
        let created = self.created();
        st.config["created"] = json!(created);
        if self.req.timestamp.is_some() {
            let from = st.base_history;
            if let Some(h) = st.config["history"].as_array_mut() {
                for entry in h.iter_mut().skip(from) {
                    entry["created"] = json!(created);
                }
            }
        }
        let (layers, size) = match &st.image {
            Some(img) if last && self.req.squash != super::Squash::No => {
                let (config, layers, size) = super::squash::squash(
                    self.engine,
                    img,
                    st.config.clone(),
                    st.base_layers,
                    st.base_history,
                    self.req.squash,
                )?;
                st.config = config;
                (layers, size)
            }
            Some(img) => (img.layers.clone(), img.size),
            None => Default::default(),
        };
        let config = serde_json::to_vec(&st.config).map_err(|e| BuildError::Read {
            path: "image config".into(),
            source: e.into(),
        })?;
        let id = import::store_image(&self.engine.store, layers, size, config, created)
            .map_err(|e| self.err(&self.df.stages[0].from, e))?;
        self.remember(&key, &id);
        if last {
            self.say(format!("--> {}", short(&id)));
        }
        Ok(id)
    }

    /// What the build's flags change in the final image only: `--unsetenv`,
    /// `--os-version`, `--os-feature`, `--omit-history`.
    fn finish(&self, st: &mut State) {
        let unset = &self.req.unsetenv;
        if let Some(env) = st.config["config"]["Env"].as_array_mut() {
            env.retain(|e| {
                let k = e.as_str().map(|e| e.split('=').next().unwrap_or(e));
                !k.is_some_and(|k| unset.iter().any(|u| u == k))
            });
        }
        if let Some(v) = &self.req.os_version {
            st.config["os.version"] = json!(v);
        }
        if !self.req.os_features.is_empty() {
            st.config["os.features"] = json!(self.req.os_features);
        }
        if self.req.omit_history {
            st.config["history"] = json!([]);
        }
    }

    fn cached_quiet(&self, key: &str) -> Option<ImageRecord> {
        if !self.use_cache() {
            return None;
        }
        self.cache.get(&self.engine.store, key)
    }

    /// The args in scope as cache-key text.
    pub fn args_text(st: &State) -> String {
        st.args
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn step(&mut self, st: &mut State, step: &Step) -> Result<(), BuildError> {
        let env = st.env();
        let esc = self.df.escape;
        let vars = Vars {
            env: &env,
            args: &st.args,
        };
        let word = |s: &str| subst::word(s, &vars, esc);
        let mut changes = Vec::new();
        match &step.kind {
            Kind::From { .. } => return Err(self.err(step, "FROM inside a stage")),
            Kind::Arg(raw) => {
                let mut args = st.args.clone();
                self.declare(step, raw, &mut args, false)?;
                st.args = args;
            }
            Kind::Env(raw) => {
                let pairs = subst::pairs(raw, &vars, esc, true).map_err(|e| self.err(step, e))?;
                changes.push(Change::Env(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k, v.unwrap_or_default()))
                        .collect(),
                ));
            }
            Kind::Label(raw) => {
                let pairs = subst::pairs(raw, &vars, esc, false).map_err(|e| self.err(step, e))?;
                if let Some((k, _)) = pairs.iter().find(|(_, v)| v.is_none()) {
                    return Err(self.err(step, format!("LABEL {k} has no value: use key=value")));
                }
                changes.push(Change::Label(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k, v.unwrap_or_default()))
                        .collect(),
                ));
            }
            Kind::Workdir(w) => {
                changes.push(Change::Workdir(word(w).map_err(|e| self.err(step, e))?))
            }
            Kind::User(u) => changes.push(Change::User(word(u).map_err(|e| self.err(step, e))?)),
            Kind::StopSignal(s) => {
                let s = word(s).map_err(|e| self.err(step, e))?;
                s.parse::<crate::container::signal::Signal>()
                    .map_err(|e| self.err(step, e))?;
                changes.push(Change::StopSignal(s));
            }
            Kind::Expose(ports) => {
                let mut all = Vec::new();
                for p in ports {
                    all.extend(subst::words(p, &vars, esc).map_err(|e| self.err(step, e))?);
                }
                let change = import::parse_change(&format!("EXPOSE {}", all.join(" ")))
                    .map_err(|e| self.err(step, e))?;
                changes.push(change);
            }
            Kind::Volume(vols) => {
                let mut all = Vec::new();
                for v in vols {
                    all.push(word(v).map_err(|e| self.err(step, e))?);
                }
                if all.iter().any(|v| v.is_empty()) {
                    return Err(self.err(step, "VOLUME specified can not be an empty string"));
                }
                changes.push(Change::Volume(all));
            }
            Kind::Cmd(c) => {
                changes.push(Change::Cmd(self.argv(st, c)));
                st.cmd_set = true;
            }
            Kind::Entrypoint(c) => {
                changes.push(Change::Entrypoint(self.argv(st, c)));
                if !st.cmd_set {
                    if let Some(c) = st.config["config"].as_object_mut() {
                        c.remove("Cmd");
                    }
                }
            }
            Kind::Shell(argv) => {
                if argv.is_empty() {
                    return Err(self.err(
                        step,
                        "SHELL requires the exec form: [\"executable\", \"parameters\"]",
                    ));
                }
                st.shell = argv.clone();
                st.config["config"]["Shell"] = json!(argv);
            }
            Kind::Healthcheck { flags, command } => {
                let hc = self
                    .healthcheck(flags, command.as_ref())
                    .map_err(|e| self.err(step, e))?;
                st.config["config"]["Healthcheck"] = hc;
            }
            Kind::Onbuild(trigger) => {
                let c = &mut st.config["config"]["OnBuild"];
                match c.as_array_mut() {
                    Some(a) => a.push(json!(trigger)),
                    None => *c = json!([trigger]),
                }
            }
            Kind::Maintainer(m) => st.config["author"] = json!(m),
            Kind::Run { .. } => return super::run::run(self, st, step),
            Kind::Copy { .. } => return super::copy::copy(self, st, step),
        }
        st.apply(&changes);
        let key = cache::key(&st.key, &[&step.text, &Self::args_text(st)]);
        if matches!(step.kind, Kind::Workdir(_)) && super::copy::workdir(self, st, step, &key)? {
            return Ok(());
        }
        st.key = key;
        if !matches!(step.kind, Kind::Arg(_)) {
            st.history(self.created(), format!("/bin/sh -c #(nop) {}", step.text));
        }
        Ok(())
    }

    /// CMD/ENTRYPOINT/RUN's argv: exec form as written, shell form through SHELL.
    pub fn argv(&self, st: &State, c: &Command) -> Vec<String> {
        match c {
            Command::Exec(v) => v.clone(),
            Command::Shell(s) => {
                let mut v = st.shell.clone();
                v.push(s.clone());
                v
            }
        }
    }

    fn healthcheck(
        &self,
        flags: &[(String, Option<String>)],
        command: Option<&Command>,
    ) -> Result<Value, String> {
        let Some(command) = command else {
            return Ok(json!({"Test": ["NONE"]}));
        };
        let test = match command {
            Command::Exec(v) => {
                let mut t = vec!["CMD".to_string()];
                t.extend(v.iter().cloned());
                t
            }
            Command::Shell(s) => vec!["CMD-SHELL".to_string(), s.clone()],
        };
        let mut hc = json!({ "Test": test });
        for (name, value) in flags {
            let value = value.clone().unwrap_or_default();
            let duration = |v: &str| {
                crate::time::parse_duration(v)
                    .map(|d| json!(d.as_nanos() as u64))
                    .map_err(|e| format!("--{name}: {e}"))
            };
            match name.as_str() {
                "interval" => hc["Interval"] = duration(&value)?,
                "timeout" => hc["Timeout"] = duration(&value)?,
                "start-period" => hc["StartPeriod"] = duration(&value)?,
                "start-interval" => hc["StartInterval"] = duration(&value)?,
                "retries" => {
                    hc["Retries"] = json!(value
                        .parse::<u32>()
                        .map_err(|_| format!("--retries: invalid number {value:?}"))?)
                }
                other => return Err(format!("unknown flag: --{other}")),
            }
        }
        Ok(hc)
    }
}

/// Podman's short image ID (the first 10 hex digits).
pub fn short(id: &str) -> String {
    id.trim_start_matches("sha256:").chars().take(10).collect()
}
