//! `cove generate systemd POD`: one unit for the pod and one per member container, as
//! Podman 4.3 writes them.
//!
//! The pod's unit runs the infra container, whose shim is its main process (`PIDFile=`):
//! without `--new` it starts and stops that very container; with `--new` it creates the
//! pod afresh (`pod create --pod-id-file ... --infra-conmon-pidfile ...`), starts it, and
//! removes it at the stop. The pod's unit wants the members' units and comes before them;
//! each member's unit is bound to the pod's, so stopping the pod stops them first. A
//! member's `--new` unit joins the pod through the ID file the pod's unit wrote.

use std::path::Path;

use super::generate::{
    existing_container, generate, prefixed, with_header, GenerateError, Generated, Options,
    PodLink, Target, RESTART_POLICIES, UNIT_VARIABLE,
};
use super::unit::{command_line, literal_word, unit_word, Unit};
use crate::container::Container;
use crate::pod::Pod;

/// A pod's recorded `pod create` arguments, as `--new` replays them.
#[derive(Debug, Clone, Default)]
pub struct PodCreate {
    /// The arguments after `pod create`, without `--pod-id-file` and
    /// `--infra-conmon-pidfile` (the unit sets its own).
    pub args: Vec<String>,
    /// Whether `args` set `--exit-policy`, `--name`, `--replace`.
    pub exit_policy: bool,
    pub name: bool,
    pub replace: bool,
}

/// A member container and what its own unit needs (see [`Target`]).
pub struct Member<'a> {
    pub container: &'a Container,
    pub pid_file: &'a Path,
    pub run_args: &'a [String],
}

/// What the pod's units are generated for.
pub struct PodTarget<'a> {
    pub pod: &'a Pod,
    /// None for a pod made with `--infra=false`, which gets no units.
    pub infra: Option<&'a Container>,
    /// The infra container's shim pid file (without `--new`).
    pub infra_pid_file: &'a Path,
    /// The members but the infra container, oldest first.
    pub members: &'a [Member<'a>],
    /// The cove binary (absolute) and its global flags.
    pub cove: &'a [String],
    pub runtime_dir: &'a Path,
    /// `--new`: the pod's recorded create arguments.
    pub create: &'a PodCreate,
}

/// The pod's unit name without `.service`: `pod-web`.
pub fn pod_base_name(pod: &Pod, opts: &Options) -> String {
    prefixed(&opts.pod_prefix, opts, &pod.name, &pod.id)
}

/// `%t/NAME.EXT` as a unit word: `%t` is the runtime directory systemd gives the unit,
/// the name is escaped.
fn runtime_file(base: &str, ext: &str) -> String {
    unit_word(&format!("%t/{}.{ext}", base.replace('%', "%%")))
}

/// The pod's unit, then one per member (oldest first); Podman prints them in a random
/// order (a Go map), its JSON sorted by name.
pub fn generate_pod(t: &PodTarget, opts: &Options) -> Result<Vec<Generated>, GenerateError> {
    if opts.template {
        return Err(GenerateError::PodTemplate);
    }
    if !RESTART_POLICIES.contains(&opts.restart_policy.as_str()) {
        return Err(GenerateError::RestartPolicy(opts.restart_policy.clone()));
    }
    let infra = t
        .infra
        .ok_or_else(|| GenerateError::NoInfra(t.pod.name.clone()))?;
    let base = pod_base_name(t.pod, opts);
    let link = PodLink {
        unit: format!("{base}.service"),
        pod_id_file: runtime_file(&base, "pod-id"),
    };
    let mut members = Vec::new();
    for m in t.members {
        let target = Target {
            container: m.container,
            cove: t.cove,
            runtime_dir: t.runtime_dir,
            pid_file: m.pid_file,
            run_args: m.run_args,
            pod: Some(&link),
        };
        members.push(generate(&target, opts)?);
    }
    let member_units: Vec<&str> = members.iter().map(|g| g.file.as_str()).collect::<Vec<_>>();
    let mut out = vec![Generated {
        key: base.clone(),
        file: format!("{base}.service"),
        text: pod_unit(t, infra, &base, &member_units.join(" "), opts),
    }];
    out.extend(members);
    Ok(out)
}

fn pod_unit(t: &PodTarget, infra: &Container, base: &str, members: &str, opts: &Options) -> String {
    let cove: Vec<String> = t.cove.iter().map(|w| literal_word(w)).collect();
    // Words already quoted: literal ones through `literal_word`, `%t` paths not.
    let line = |args: &[String]| -> String {
        command_line(
            &cove
                .iter()
                .cloned()
                .chain(args.iter().cloned())
                .collect::<Vec<_>>(),
        )
    };
    let words = |args: &[&str]| -> Vec<String> { args.iter().map(|a| literal_word(a)).collect() };
    let stop_timeout = opts.stop_timeout.unwrap_or(infra.config.stop_timeout);
    let timeout = stop_timeout.to_string();
    let mut u = Unit::default();
    u.add("Unit", "Description", format!("cove {base}.service"));
    u.add("Unit", "Documentation", "man:cove-generate-systemd(1)");
    u.add(
        "Unit",
        "RequiresMountsFor",
        literal_word(&t.runtime_dir.display().to_string()),
    );
    // Podman 4.3 writes `--after/--requires/--wants`, `--env` and `--start-timeout` into
    // the members' units only; the pod's unit follows.
    if !members.is_empty() {
        u.add("Unit", "Wants", members);
        u.add("Unit", "Before", members);
    }
    u.add("Service", "Environment", format!("{UNIT_VARIABLE}=%n"));
    u.add("Service", "Restart", opts.restart_policy.clone());
    if let Some(s) = opts.restart_sec {
        u.add("Service", "RestartSec", s.to_string());
    }
    u.add("Service", "TimeoutStopSec", (stop_timeout + 60).to_string());
    if opts.new {
        let pid_file = runtime_file(base, "pid");
        let id_file = runtime_file(base, "pod-id");
        u.add(
            "Service",
            "ExecStartPre",
            command_line(&[
                "/bin/rm".into(),
                "-f".into(),
                pid_file.clone(),
                id_file.clone(),
            ]),
        );
        let mut create = words(&["pod", "create", "--infra-conmon-pidfile"]);
        create.push(pid_file.clone());
        create.push("--pod-id-file".into());
        create.push(id_file.clone());
        // The pod's last member gone (its unit stopped), the pod stops too, and so does
        // this unit's main process, the infra's shim.
        if !t.create.exit_policy {
            create.push("--exit-policy=stop".into());
        }
        create.extend(t.create.args.iter().map(|a| literal_word(a)));
        // Podman replays an unnamed pod's command as it is, making a pod of a new random
        // name at each start; cove keeps the name, which the user knows the pod by.
        if !t.create.name {
            create.extend(words(&["--name", &t.pod.name]));
        }
        // A pod of that name left over (a crash, a start systemd retried) does not block
        // the start.
        if !t.create.replace {
            create.push("--replace".into());
        }
        u.add("Service", "ExecStartPre", line(&create));
        let mut start = words(&["pod", "start", "--pod-id-file"]);
        start.push(id_file.clone());
        u.add("Service", "ExecStart", line(&start));
        let mut stop = words(&["pod", "stop", "--ignore", "--pod-id-file"]);
        stop.push(id_file.clone());
        stop.extend(words(&["-t", &timeout]));
        u.add("Service", "ExecStop", line(&stop));
        let mut rm = words(&["pod", "rm", "--ignore", "-f", "--pod-id-file"]);
        rm.push(id_file);
        u.add("Service", "ExecStopPost", line(&rm));
        u.add("Service", "PIDFile", pid_file);
        u.add("Service", "Type", "forking");
    } else {
        let target = if opts.use_name {
            &infra.name
        } else {
            &infra.id
        };
        existing_container(&mut u, &cove, target, stop_timeout, t.infra_pid_file);
    }
    u.add("Install", "WantedBy", "default.target");
    with_header(base, &u, opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pod::PodConfig;
    use crate::systemd::generate::tests::{container_named as container, opts};

    fn value<'a>(u: &'a Unit, section: &str, key: &str) -> Vec<&'a str> {
        u.entries(section)
            .filter(|e| e.key == key)
            .map(|e| e.value.as_str())
            .collect()
    }

    #[test]
    fn the_pod_unit_runs_the_infra_and_the_members_follow_it() {
        let pod = Pod {
            id: "ab12".into(),
            name: "p1".into(),
            created_at: 0,
            config: PodConfig::default(),
        };
        let infra = container("ff00", "ab12-infra");
        let c1 = container("c100", "c1");
        let args = vec!["busybox".to_string(), "top".into()];
        let members = [Member {
            container: &c1,
            pid_file: Path::new("/run/c1.pid"),
            run_args: &args,
        }];
        let cove = vec!["/usr/bin/cove".to_string()];
        let create = PodCreate {
            args: vec!["--name".into(), "p1".into()],
            name: true,
            ..Default::default()
        };
        let mut t = PodTarget {
            pod: &pod,
            infra: Some(&infra),
            infra_pid_file: Path::new("/run/infra.pid"),
            members: &members,
            cove: &cove,
            runtime_dir: Path::new("/run/cove"),
            create: &create,
        };
        let units = generate_pod(&t, &opts(false)).unwrap();
        let names: Vec<&str> = units.iter().map(|g| g.file.as_str()).collect();
        assert_eq!(names, ["pod-p1.service", "container-c1.service"]);
        let p = Unit::parse(&units[0].text).unwrap();
        assert_eq!(value(&p, "Unit", "Wants"), ["container-c1.service"]);
        assert_eq!(value(&p, "Unit", "Before"), ["container-c1.service"]);
        assert_eq!(
            value(&p, "Service", "ExecStart"),
            ["/usr/bin/cove start ab12-infra"]
        );
        assert_eq!(value(&p, "Service", "PIDFile"), ["/run/infra.pid"]);
        let c = Unit::parse(&units[1].text).unwrap();
        assert_eq!(value(&c, "Unit", "BindsTo"), ["pod-p1.service"]);
        assert_eq!(value(&c, "Unit", "After"), ["pod-p1.service", "x.service"]);

        let units = generate_pod(&t, &opts(true)).unwrap();
        let p = Unit::parse(&units[0].text).unwrap();
        assert_eq!(
            value(&p, "Service", "ExecStartPre"),
            [
                "/bin/rm -f %t/pod-p1.pid %t/pod-p1.pod-id",
                "/usr/bin/cove pod create --infra-conmon-pidfile %t/pod-p1.pid --pod-id-file \
                 %t/pod-p1.pod-id --exit-policy=stop --name p1 --replace"
            ]
        );
        assert_eq!(
            value(&p, "Service", "ExecStopPost"),
            ["/usr/bin/cove pod rm --ignore -f --pod-id-file %t/pod-p1.pod-id"]
        );
        assert_eq!(value(&p, "Service", "PIDFile"), ["%t/pod-p1.pid"]);
        let c = Unit::parse(&units[1].text).unwrap();
        assert!(value(&c, "Service", "ExecStart")[0]
            .ends_with(" run --name c1 --replace --rm -d --sdnotify=conmon --pod-id-file %t/pod-p1.pod-id busybox top"));

        let mut o = opts(true);
        o.template = true;
        assert!(matches!(
            generate_pod(&t, &o),
            Err(GenerateError::PodTemplate)
        ));
        t.infra = None;
        let e = generate_pod(&t, &opts(false)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "generating systemd unit files: Pod \"p1\" has no infra container"
        );
    }
}
