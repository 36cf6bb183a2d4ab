//! `cove generate systemd`: the unit for an existing container, as Podman writes it.
//!
//! Without `--new` the unit starts and stops that very container (`Type=forking`: `cove
//! start` returns once the shim runs, and the shim's pid file names the main process).
//! With `--new` each start runs a fresh container from the arguments it was created with
//! (`Type=notify`: `cove run -d --sdnotify=conmon` hands systemd the shim's pid, then
//! READY=1), and each stop removes it.

use std::path::Path;

use super::service::{NewContainer, Ready};
use super::unit::{command_line, environment_word, literal_word, Unit};
use crate::container::Container;

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("invalid --restart-policy {0:?}: use no, on-success, on-failure, on-abnormal, on-watchdog, on-abort or always")]
    RestartPolicy(String),
    #[error("container {0} has no recorded create command (it was created before cove recorded them); recreate it, or generate without --new")]
    NoCreateCommand(String),
    #[error("invalid --env {0:?}: expected KEY=VALUE, KEY or PREFIX*")]
    Env(String),
    #[error("generating systemd unit files: Pod {0:?} has no infra container")]
    NoInfra(String),
    #[error("--template is not supported for pods")]
    PodTemplate,
}

/// The label (and the variable the unit sets for `cove run` to turn into it) that names
/// the unit running a container: `auto-update` restarts that unit, as Podman does.
pub const UNIT_VARIABLE: &str = "PODMAN_SYSTEMD_UNIT";

/// systemd's `Restart=` values.
pub const RESTART_POLICIES: &[&str] = &[
    "no",
    "on-success",
    "on-failure",
    "on-abnormal",
    "on-watchdog",
    "on-abort",
    "always",
];

/// The flags of `cove generate systemd`, as the engine needs them.
#[derive(Debug, Clone)]
pub struct Options {
    pub new: bool,
    /// Name the unit (and the non-`--new` commands) after the container's name, not its ID.
    pub use_name: bool,
    pub restart_policy: String,
    pub restart_sec: Option<u32>,
    pub start_timeout: Option<u32>,
    /// Seconds `stop` waits before killing; the container's own stop timeout by default.
    pub stop_timeout: Option<u32>,
    pub after: Vec<String>,
    pub requires: Vec<String>,
    pub wants: Vec<String>,
    pub container_prefix: String,
    pub separator: String,
    pub no_header: bool,
    /// `--env`: `KEY=VALUE` assignments for the unit's `Environment=` lines (see
    /// [`environment`]).
    pub env: Vec<String>,
    /// `--template`: `NAME@.service`, each instance (`%i`) running its own container
    /// (implies `new`).
    pub template: bool,
    /// Prefix of a pod's unit name.
    pub pod_prefix: String,
}

/// `--env` as Podman reads it: `KEY=VALUE` as given, `KEY` from `lookup` (left out when
/// unset), `PREFIX*` every variable of `vars` starting with PREFIX.
pub fn environment(
    specs: &[String],
    lookup: impl Fn(&str) -> Option<String>,
    vars: &[(String, String)],
) -> Result<Vec<String>, GenerateError> {
    let mut out = Vec::new();
    for spec in specs {
        if spec.contains('=') {
            if spec.starts_with('=') {
                return Err(GenerateError::Env(spec.clone()));
            }
            out.push(spec.clone());
        } else if let Some(prefix) = spec.strip_suffix('*') {
            let mut hits: Vec<String> = vars
                .iter()
                .filter(|(k, _)| k.starts_with(prefix))
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            hits.sort();
            out.extend(hits);
        } else if spec.is_empty() {
            return Err(GenerateError::Env(spec.clone()));
        } else if let Some(v) = lookup(spec) {
            out.push(format!("{spec}={v}"));
        }
    }
    Ok(out)
}

/// What the unit is generated for.
pub struct Target<'a> {
    pub container: &'a Container,
    /// The cove binary (absolute) and its global flags (`--root`, ...).
    pub cove: &'a [String],
    /// cove's runtime directory (must be mounted before the unit starts).
    pub runtime_dir: &'a Path,
    /// The shim's pid file (without `--new`).
    pub pid_file: &'a Path,
    /// `--new`: the container's create arguments without the flags the unit sets itself.
    pub run_args: &'a [String],
    /// The unit of the pod the container belongs to, when generated with it.
    pub pod: Option<&'a PodLink>,
}

/// How a member's unit follows its pod's unit.
pub struct PodLink {
    /// The pod's unit (`pod-web.service`): the member's unit is bound to it and after it.
    pub unit: String,
    /// `--new`: the file (a unit word, `%t/pod-web.pod-id`) the pod's unit writes the new
    /// pod's ID to, which the member's `cove run` joins.
    pub pod_id_file: String,
}

/// One generated unit: its key in `--format json`, its file name, its text.
#[derive(Debug)]
pub struct Generated {
    pub key: String,
    pub file: String,
    pub text: String,
}

/// The unit's name without `.service`: `container-web`, or `container-web@` for a
/// template.
pub fn unit_name(c: &Container, opts: &Options) -> String {
    let base = base_name(c, opts);
    if opts.template {
        format!("{base}@")
    } else {
        base
    }
}

/// The unit's name without `@` and `.service`, as Podman's JSON output keys it. (Podman
/// also writes a template's file under it, where systemd would not take it as a
/// template: cove's file is `unit_name`'s.)
pub fn base_name(c: &Container, opts: &Options) -> String {
    prefixed(&opts.container_prefix, opts, &c.name, &c.id)
}

/// `PREFIX` `SEPARATOR` name or ID (`--name`); no separator without a prefix.
pub(super) fn prefixed(prefix: &str, opts: &Options, name: &str, id: &str) -> String {
    let id = if opts.use_name { name } else { id };
    if prefix.is_empty() {
        id.to_string()
    } else {
        format!("{prefix}{}{id}", opts.separator)
    }
}

/// The text of the unit.
pub fn render(t: &Target, opts: &Options) -> Result<String, GenerateError> {
    if !RESTART_POLICIES.contains(&opts.restart_policy.as_str()) {
        return Err(GenerateError::RestartPolicy(opts.restart_policy.clone()));
    }
    let c = t.container;
    let new = opts.new || opts.template;
    if new && t.run_args.is_empty() {
        return Err(GenerateError::NoCreateCommand(c.name.clone()));
    }
    let name = unit_name(c, opts);
    let base = base_name(c, opts);
    let stop_timeout = opts.stop_timeout.unwrap_or(c.config.stop_timeout);
    let cove: Vec<String> = t.cove.iter().map(|w| literal_word(w)).collect();
    let mut u = Unit::default();
    let description = if opts.template {
        format!("cove {base}.service for %I")
    } else {
        format!("cove {base}.service")
    };
    u.add("Unit", "Description", description);
    u.add("Unit", "Documentation", "man:cove-generate-systemd(1)");
    u.add(
        "Unit",
        "RequiresMountsFor",
        literal_word(&t.runtime_dir.display().to_string()),
    );
    if let Some(pod) = t.pod {
        u.add("Unit", "BindsTo", pod.unit.clone());
        u.add("Unit", "After", pod.unit.clone());
    }
    for (key, units) in [
        ("Wants", &opts.wants),
        ("After", &opts.after),
        ("Requires", &opts.requires),
    ] {
        for unit in units {
            u.add("Unit", key, unit.clone());
        }
    }
    // `cove run`/`create` turn the variable into the container's label, so auto-update
    // finds the unit; `%n` is the full unit name, an instance's too.
    u.add("Service", "Environment", format!("{UNIT_VARIABLE}=%n"));
    for e in &opts.env {
        u.add("Service", "Environment", environment_word(e));
    }
    u.add("Service", "Restart", opts.restart_policy.clone());
    if let Some(s) = opts.restart_sec {
        u.add("Service", "RestartSec", s.to_string());
    }
    if let Some(s) = opts.start_timeout {
        u.add("Service", "TimeoutStartSec", s.to_string());
    }
    // Room for `stop`'s own wait before systemd kills what is left.
    u.add("Service", "TimeoutStopSec", (stop_timeout + 60).to_string());
    if new {
        // A member joins the pod its pod's unit created (Podman puts `--pod-id-file` in
        // the same place, replacing the recorded `--pod`).
        let run_args: Vec<String> = t
            .pod
            .into_iter()
            .flat_map(|p| ["--pod-id-file".to_string(), p.pod_id_file.clone()])
            .chain(t.run_args.iter().map(|a| literal_word(a)))
            .collect();
        // Each instance runs its own container, named after the instance as Podman does.
        let container_name = if opts.template {
            format!("{}-%i", literal_word(&c.name))
        } else {
            literal_word(&c.name)
        };
        let service = NewContainer {
            cove: &cove,
            name: &container_name,
            ready: Ready::Cove,
            run_args: &run_args,
            stop_timeout,
        };
        // Podman's order: the commands, then how systemd follows the process.
        for (key, value) in service.commands().into_iter().chain(service.settings()) {
            u.add("Service", key, value);
        }
    } else {
        let target = if opts.use_name { &c.name } else { &c.id };
        existing_container(&mut u, &cove, target, stop_timeout, t.pid_file);
    }
    u.add("Install", "WantedBy", "default.target");
    Ok(with_header(&name, &u, opts))
}

/// The [Service] commands of a unit that starts and stops an existing container (a pod's
/// infra container too): `Type=forking`, its shim's pid file. `cove` is quoted already.
pub(super) fn existing_container(
    u: &mut Unit,
    cove: &[String],
    target: &str,
    stop_timeout: u32,
    pid_file: &Path,
) {
    let line = |args: &[&str]| -> String {
        let words: Vec<String> = cove
            .iter()
            .cloned()
            .chain(args.iter().map(|a| literal_word(a)))
            .collect();
        command_line(&words)
    };
    let t_arg = stop_timeout.to_string();
    u.add("Service", "ExecStart", line(&["start", target]));
    let stop = line(&["stop", "--ignore", "-t", &t_arg, target]);
    u.add("Service", "ExecStop", stop.clone());
    u.add("Service", "ExecStopPost", stop);
    u.add(
        "Service",
        "PIDFile",
        literal_word(&pid_file.display().to_string()),
    );
    u.add("Service", "Type", "forking");
}

/// The unit's text, after the comment header unless `--no-header`.
pub(super) fn with_header(name: &str, u: &Unit, opts: &Options) -> String {
    let mut text = String::new();
    if !opts.no_header {
        text.push_str(&format!(
            "# {name}.service\n# autogenerated by cove {}\n\n",
            env!("CARGO_PKG_VERSION")
        ));
    }
    text.push_str(&u.render());
    text
}

/// The unit of one container that is in no pod (or is generated without it).
pub fn generate(t: &Target, opts: &Options) -> Result<Generated, GenerateError> {
    let text = render(t, opts)?;
    Ok(Generated {
        key: base_name(t.container, opts),
        file: format!("{}.service", unit_name(t.container, opts)),
        text,
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::container::{ContainerConfig, ContainerState};
    use crate::systemd::unit::split_words;

    fn container() -> Container {
        container_named("0123456789abcdef", "web")
    }

    /// A container with a stop timeout of 10 (also `generate_pod`'s tests').
    pub(in crate::systemd) fn container_named(id: &str, name: &str) -> Container {
        Container {
            id: id.into(),
            name: name.into(),
            image_id: String::new(),
            created_at: 0,
            config: ContainerConfig {
                stop_timeout: 10,
                ..Default::default()
            },
            state: ContainerState::default(),
        }
    }

    /// `--name`, `--after x.service`, `--no-header` (also `generate_pod`'s tests').
    pub(in crate::systemd) fn opts(new: bool) -> Options {
        Options {
            new,
            use_name: true,
            restart_policy: "on-failure".into(),
            restart_sec: None,
            start_timeout: None,
            stop_timeout: None,
            after: vec!["x.service".into()],
            requires: Vec::new(),
            wants: Vec::new(),
            container_prefix: "container".into(),
            separator: "-".into(),
            no_header: true,
            env: Vec::new(),
            template: false,
            pod_prefix: "pod".into(),
        }
    }

    #[test]
    fn env_reads_assignments_variables_and_prefixes() {
        let vars = vec![
            ("HOME".to_string(), "/h".to_string()),
            ("LC_B".into(), "2".into()),
            ("LC_A".into(), "1".into()),
        ];
        let lookup = |k: &str| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let specs: Vec<String> = ["X=1", "HOME", "UNSET", "LC_*"].map(String::from).into();
        assert_eq!(
            environment(&specs, lookup, &vars).unwrap(),
            ["X=1", "HOME=/h", "LC_A=1", "LC_B=2"]
        );
        assert!(environment(&["=x".to_string()], lookup, &vars).is_err());
    }

    fn value(text: &str, section: &str, key: &str) -> Option<String> {
        Unit::parse(text)
            .unwrap()
            .entries(section)
            .find(|e| e.key == key)
            .map(|e| e.value.clone())
    }

    #[test]
    fn existing_container_is_forking_with_the_shim_pid_file() {
        let c = container();
        let cove = vec!["/usr/bin/cove".to_string()];
        let t = Target {
            container: &c,
            cove: &cove,
            runtime_dir: Path::new("/run/user/1/cove"),
            pid_file: Path::new("/run/user/1/cove/containers/0123/conmon.pid"),
            run_args: &[],
            pod: None,
        };
        let text = render(&t, &opts(false)).unwrap();
        assert_eq!(unit_name(&c, &opts(false)), "container-web");
        assert_eq!(value(&text, "Service", "Type").unwrap(), "forking");
        assert_eq!(
            value(&text, "Service", "ExecStart").unwrap(),
            "/usr/bin/cove start web"
        );
        assert_eq!(
            value(&text, "Service", "ExecStopPost").unwrap(),
            "/usr/bin/cove stop --ignore -t 10 web"
        );
        assert_eq!(
            value(&text, "Service", "PIDFile").unwrap(),
            "/run/user/1/cove/containers/0123/conmon.pid"
        );
        assert_eq!(value(&text, "Unit", "After").unwrap(), "x.service");
        assert_eq!(value(&text, "Service", "TimeoutStopSec").unwrap(), "70");
        let mut o = opts(false);
        o.restart_policy = "sometimes".into();
        assert!(render(&t, &o).is_err());
        o = opts(false);
        o.use_name = false;
        o.no_header = false;
        let text = render(&t, &o).unwrap();
        assert!(text.starts_with("# container-0123456789abcdef.service\n"));
    }

    #[test]
    fn new_runs_a_fresh_container_from_the_create_arguments() {
        let c = container();
        let cove = vec!["/opt/cove".to_string(), "--root".into(), "/data 1".into()];
        let args = vec![
            "-e".to_string(),
            "A=$HOME 50%".into(),
            "busybox".into(),
            "sleep".into(),
            "1000".into(),
        ];
        let t = Target {
            container: &c,
            cove: &cove,
            runtime_dir: Path::new("/run/user/1/cove"),
            pid_file: Path::new("/unused"),
            run_args: &args,
            pod: None,
        };
        let mut o = opts(true);
        o.stop_timeout = Some(3);
        let text = render(&t, &o).unwrap();
        assert_eq!(value(&text, "Service", "Type").unwrap(), "notify");
        assert_eq!(value(&text, "Service", "NotifyAccess").unwrap(), "all");
        assert_eq!(value(&text, "Service", "KillMode").unwrap(), "mixed");
        let start = value(&text, "Service", "ExecStart").unwrap();
        assert!(start.contains("\"A=$$HOME 50%%\""), "{start}");
        let words = split_words(&start.replace("$$", "$").replace("%%", "%")).unwrap();
        assert_eq!(
            words,
            [
                "/opt/cove",
                "--root",
                "/data 1",
                "run",
                "--name",
                "web",
                "--replace",
                "--rm",
                "-d",
                "--sdnotify=conmon",
                "-e",
                "A=$HOME 50%",
                "busybox",
                "sleep",
                "1000"
            ]
        );
        assert_eq!(
            value(&text, "Service", "ExecStop").unwrap(),
            "/opt/cove --root \"/data 1\" rm -f --ignore -t 3 web"
        );
        assert!(value(&text, "Service", "ExecStopPost")
            .unwrap()
            .starts_with("-/opt/cove"));
        assert!(value(&text, "Service", "PIDFile").is_none());
        o.template = true;
        o.env = vec!["P=50%".into(), "A=two words".into()];
        let text = render(&t, &o).unwrap();
        assert_eq!(unit_name(&c, &o), "container-web@");
        assert!(text.contains("\nEnvironment=PODMAN_SYSTEMD_UNIT=%n\nEnvironment=P=50%%\nEnvironment=\"A=two words\"\nRestart="), "{text}");
        assert!(value(&text, "Service", "ExecStop")
            .unwrap()
            .ends_with(" web-%i"));
        let t = Target { run_args: &[], ..t };
        assert!(matches!(
            render(&t, &o),
            Err(GenerateError::NoCreateCommand(_))
        ));
    }
}
