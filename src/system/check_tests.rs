use std::collections::HashMap;

use super::*;

/// A machine described by its files and programs: the seam the rules are tested through.
struct Fake {
    files: HashMap<&'static str, String>,
    programs: HashMap<&'static str, &'static str>,
    unprivileged: Vec<&'static str>,
    no_tun: bool,
    probe: Result<(), String>,
}

impl Fake {
    /// Everything in place, as on a Debian machine with cove installed.
    fn good() -> Fake {
        let mut files = HashMap::new();
        files.insert(SUBUID, "alice:100000:65536\n".to_string());
        files.insert(SUBGID, "alice:100000:65536\n".to_string());
        files.insert(MAX_USERNS, "63000\n".to_string());
        let mut programs = HashMap::new();
        for p in [
            "newuidmap",
            "newgidmap",
            "slirp4netns",
            "pasta",
            "cove-conmon",
            "cove-runtime",
            "cove-init",
        ] {
            programs.insert(p, "/usr/bin");
        }
        Fake {
            files,
            programs,
            unprivileged: Vec::new(),
            no_tun: false,
            probe: Ok(()),
        }
    }

    fn without(mut self, program: &str) -> Fake {
        self.programs.remove(program);
        self
    }

    fn file(mut self, path: &'static str, text: &str) -> Fake {
        self.files.insert(path, text.to_string());
        self
    }
}

impl Host for Fake {
    fn read(&self, path: &Path) -> Option<String> {
        self.files.get(path.to_str()?).cloned()
    }
    fn program(&self, name: &str) -> Option<PathBuf> {
        self.programs.get(name).map(|dir| Path::new(dir).join(name))
    }
    fn in_path(&self, name: &str) -> Option<PathBuf> {
        self.program(name)
    }
    fn helper(&self, name: &str) -> Option<PathBuf> {
        self.program(name)
    }
    fn privileged(&self, program: &Path) -> bool {
        !self.unprivileged.iter().any(|n| program.ends_with(n))
    }
    fn exists(&self, _path: &Path) -> bool {
        !self.no_tun
    }
    fn userns_probe(&self) -> Result<(), String> {
        self.probe.clone()
    }
}

/// Every check, in the order `check` makes them.
const ALL: [&str; 9] = [
    "subuid",
    "subgid",
    "newuidmap",
    "newgidmap",
    "userns",
    "network",
    "cove-conmon",
    "cove-runtime",
    "cove-init",
];

fn alice() -> User {
    User {
        name: "alice".into(),
        uid: 1000,
        gid: 1000,
    }
}

fn problems(host: &Fake) -> Vec<(&'static str, Severity, String)> {
    check(host, Some(&alice()))
        .items
        .into_iter()
        .filter(|i| i.severity != Severity::Ok)
        .map(|i| (i.name, i.severity, i.message))
        .collect()
}

#[test]
fn a_complete_machine_has_no_problem() {
    let host = Fake::good();
    let report = check(&host, Some(&alice()));
    assert!(!report.fatal(), "{report:?}");
    assert!(problems(&host).is_empty());
    let names: Vec<_> = report.items.iter().map(|i| i.name).collect();
    assert_eq!(names, ALL);
}

#[test]
fn every_missing_piece_is_reported_at_once() {
    let mut host = Fake::good()
        .file(SUBUID, "bob:100000:65536\n")
        .file(SUBGID, "")
        .without("slirp4netns")
        .without("pasta")
        .without("newgidmap");
    host.unprivileged.push("newuidmap");
    host.probe = Err("cannot create one (EPERM)".into());
    let found = problems(&host);
    let names: Vec<_> = found.iter().map(|p| p.0).collect();
    // Every check but the helpers' failed, in `check`'s order.
    assert_eq!(names, ALL[..6]);
    assert!(found.iter().all(|p| p.1 == Severity::Fatal));
    assert!(check(&host, Some(&alice())).fatal());
    for (_, _, message) in &found {
        assert!(!message.contains('\n'), "not one line: {message}");
    }
    // The suggested range starts above bob's, for both files.
    assert!(
        found[0]
            .2
            .contains("sudo usermod --add-subuids 165536-231071 --add-subgids 165536-231071 alice"),
        "{}",
        found[0].2
    );
    assert!(found[2].2.contains("sudo chmod u+s /usr/bin/newuidmap"));
    assert_eq!(
        found[3].2,
        "newgidmap not found: install the uidmap package (shadow-utils on Fedora)"
    );
    assert!(found[4].2.contains("EPERM"), "{}", found[4].2);
    assert!(found[5]
        .2
        .contains("install the slirp4netns or the passt package"));
}

#[test]
fn a_kernel_switch_explains_a_failed_probe() {
    for (file, value, fix) in [
        (MAX_USERNS, "0", "sysctl -w user.max_user_namespaces=28633"),
        (
            USERNS_CLONE,
            "0",
            "sysctl -w kernel.unprivileged_userns_clone=1",
        ),
        (
            APPARMOR_USERNS,
            "1",
            "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0",
        ),
    ] {
        let mut host = Fake::good().file(file, value);
        host.probe = Err("no mount is allowed inside one (EPERM)".into());
        let found = problems(&host);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "userns");
        assert!(found[0].2.contains(fix), "{}", found[0].2);
    }
}

#[test]
fn a_switch_is_no_problem_when_namespaces_work_anyway() {
    // An AppArmor profile may allow cove what the sysctl denies to others.
    let host = Fake::good().file(APPARMOR_USERNS, "1");
    assert!(problems(&host).is_empty());
}

#[test]
fn subid_ranges_by_uid_count_and_small_ones_warn() {
    let host = Fake::good()
        .file(SUBUID, "1000:300000:65536\n")
        .file(SUBGID, "alice:100000:1000\n");
    let found = problems(&host);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "subgid");
    assert_eq!(found[0].1, Severity::Warning);
    assert!(found[0].2.contains("only 1000 ids"), "{}", found[0].2);
    assert!(found[0].2.contains("--add-subuids 365536-431071"));
}

#[test]
fn pasta_alone_is_enough() {
    let host = Fake::good().without("slirp4netns");
    assert!(problems(&host).is_empty());
    let mut host = Fake::good();
    host.no_tun = true;
    let found = problems(&host);
    assert_eq!(found.len(), 1);
    assert!(found[0].2.contains("modprobe tun"));
}

#[test]
fn missing_helpers_name_the_reinstall() {
    let host = Fake::good().without("cove-conmon");
    let found = problems(&host);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "cove-conmon");
    assert!(found[0].2.contains("reinstall cove"));
}

#[test]
fn root_needs_no_user_namespace_pieces() {
    let host = Fake::good()
        .file(SUBUID, "")
        .without("newuidmap")
        .file(MAX_USERNS, "0");
    let report = check(&host, None);
    assert!(!report.fatal(), "{report:?}");
    assert!(report.items.iter().all(|i| i.name != "subuid"));
}
