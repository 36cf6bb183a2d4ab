//! `cove system check`: whether this host lets this user run containers, every missing
//! piece at once, each as one line saying what to install or change. The facts come
//! through `Host`, so the rules are unit-tested without root or a crafted machine.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::rootless::{normalize, parse_subid};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Severity {
    Ok,
    /// Containers run, but something users expect is missing.
    Warning,
    /// `cove run` cannot work until this is fixed.
    Fatal,
}

/// One finding: `name` is what was checked, `message` the line a user reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CheckItem {
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CheckReport {
    pub items: Vec<CheckItem>,
}

impl CheckReport {
    pub fn fatal(&self) -> bool {
        self.items.iter().any(|i| i.severity == Severity::Fatal)
    }

    fn push(&mut self, name: &'static str, severity: Severity, message: String) {
        self.items.push(CheckItem {
            name,
            severity,
            message,
        });
    }
}

/// The user the check is for; `None` in `check` means real root, which needs no user
/// namespace, subordinate ids or newuidmap.
#[derive(Debug, Clone)]
pub struct User {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
}

impl User {
    /// The user cove runs for (the host user even under `cove unshare`); `None` for root.
    pub fn current() -> Option<User> {
        let (uid, gid) = crate::rootless::host_ids();
        if uid == 0 {
            return None;
        }
        let name = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
            .ok()
            .flatten()
            .map(|u| u.name)
            .unwrap_or_else(|| uid.to_string());
        Some(User { name, uid, gid })
    }
}

/// What the checks need to know about the machine.
pub trait Host {
    /// A file's contents (subid files, /proc/sys values); `None` if missing or unreadable.
    fn read(&self, path: &Path) -> Option<String>;
    /// A system program as cove runs it (`paths::find_program`).
    fn program(&self, name: &str) -> Option<PathBuf>;
    /// A program on `$PATH` only, as cove looks for network helpers.
    fn in_path(&self, name: &str) -> Option<PathBuf>;
    /// One of cove's own helpers (`paths::find_helper`).
    fn helper(&self, name: &str) -> Option<PathBuf>;
    /// Setuid root, or carrying file capabilities (Fedora's newuidmap).
    fn privileged(&self, program: &Path) -> bool;
    fn exists(&self, path: &Path) -> bool;
    /// Try what the pause process does: a new user and mount namespace in which a mount
    /// operation is allowed. The error is the line to show.
    fn userns_probe(&self) -> Result<(), String>;
}

const SUBUID: &str = "/etc/subuid";
const SUBGID: &str = "/etc/subgid";
const MAX_USERNS: &str = "/proc/sys/user/max_user_namespaces";
const USERNS_CLONE: &str = "/proc/sys/kernel/unprivileged_userns_clone";
const APPARMOR_USERNS: &str = "/proc/sys/kernel/apparmor_restrict_unprivileged_userns";
/// Podman's helpers ship in the uidmap package on Debian and Ubuntu, shadow-utils elsewhere.
const UIDMAP_PACKAGE: &str = "the uidmap package (shadow-utils on Fedora)";

/// Every check, in the order a user would fix them.
pub fn check(host: &dyn Host, user: Option<&User>) -> CheckReport {
    let mut report = CheckReport::default();
    if let Some(user) = user {
        subids(host, user, &mut report);
        for tool in ["newuidmap", "newgidmap"] {
            id_map_tool(host, tool, &mut report);
        }
        user_namespaces(host, &mut report);
    }
    network(host, &mut report);
    for helper in ["cove-conmon", "cove-runtime", "cove-init"] {
        match host.helper(helper) {
            Some(p) => report.push(helper, Severity::Ok, format!("{}", p.display())),
            None => report.push(
                helper,
                Severity::Fatal,
                format!("{helper} not found beside cove or in ../libexec/cove: reinstall cove (scripts/install.sh or the .deb)"),
            ),
        }
    }
    report
}

fn subids(host: &dyn Host, user: &User, report: &mut CheckReport) {
    let uid_text = host.read(Path::new(SUBUID)).unwrap_or_default();
    let gid_text = host.read(Path::new(SUBGID)).unwrap_or_default();
    // One free range for both files, so the suggested command can add both at once.
    let free = free_range_start(&[&uid_text, &gid_text]);
    let suggestion = format!(
        "sudo usermod --add-subuids {free}-{} --add-subgids {free}-{} {}",
        free + 65535,
        free + 65535,
        user.name
    );
    for (name, file, text, own) in [
        ("subuid", SUBUID, &uid_text, user.uid),
        ("subgid", SUBGID, &gid_text, user.gid),
    ] {
        let count: u64 = normalize(&parse_subid(text, &user.name, user.uid), own)
            .iter()
            .map(|r| u64::from(r.count))
            .sum();
        match count {
            0 => report.push(
                name,
                Severity::Fatal,
                format!("no {name} range for user {} in {file}: `{suggestion}`", user.name),
            ),
            // Images with ids up to 65535 (nobody, most distributions' users) need them all.
            n if n < 65536 => report.push(
                name,
                Severity::Warning,
                format!(
                    "user {} has only {n} ids in {file}: files owned by higher ids in images cannot be extracted; add a range: `{suggestion}`",
                    user.name
                ),
            ),
            n => report.push(
                name,
                Severity::Ok,
                format!("{n} ids for {} in {file}", user.name),
            ),
        }
    }
}

/// The first id above every range in the files, at least 100000 (useradd's SUB_UID_MIN).
fn free_range_start(files: &[&str]) -> u64 {
    files
        .iter()
        .flat_map(|text| text.lines())
        .filter_map(|l| {
            let mut f = l.trim().split(':').skip(1);
            let start: u64 = f.next()?.trim().parse().ok()?;
            let count: u64 = f.next()?.trim().parse().ok()?;
            Some(start + count)
        })
        .fold(100_000, u64::max)
}

fn id_map_tool(host: &dyn Host, tool: &'static str, report: &mut CheckReport) {
    match host.program(tool) {
        None => report.push(
            tool,
            Severity::Fatal,
            format!("{tool} not found: install {UIDMAP_PACKAGE}"),
        ),
        Some(p) if !host.privileged(&p) => report.push(
            tool,
            Severity::Fatal,
            format!(
                "{} is neither setuid root nor has file capabilities: `sudo chmod u+s {}` (or reinstall {UIDMAP_PACKAGE})",
                p.display(),
                p.display()
            ),
        ),
        Some(p) => report.push(tool, Severity::Ok, format!("{}", p.display())),
    }
}

/// The first fatal problem with the user's subordinate ids, as `check` words it (with a
/// range that is free in both files).
pub fn subid_problem(host: &dyn Host, user: &User) -> Option<String> {
    let mut report = CheckReport::default();
    subids(host, user, &mut report);
    first_fatal(report)
}

fn first_fatal(report: CheckReport) -> Option<String> {
    report
        .items
        .into_iter()
        .find(|i| i.severity == Severity::Fatal)
        .map(|i| i.message)
}

/// The first problem with newuidmap or newgidmap, as `check` words it: the pause
/// process cannot be mapped without both.
pub fn id_map_tools_problem(host: &dyn Host) -> Option<String> {
    let mut report = CheckReport::default();
    for tool in ["newuidmap", "newgidmap"] {
        id_map_tool(host, tool, &mut report);
    }
    first_fatal(report)
}

fn sysctl(host: &dyn Host, path: &str) -> Option<i64> {
    host.read(Path::new(path))?.trim().parse().ok()
}

/// Why the kernel refuses user namespaces to this user, from the switches that do it,
/// each with the command that changes it. `None` when none of them is set.
pub fn userns_blocker(host: &dyn Host) -> Option<String> {
    if sysctl(host, MAX_USERNS) == Some(0) {
        return Some(
            "user namespaces are disabled (user.max_user_namespaces = 0): `sudo sysctl -w user.max_user_namespaces=28633` (and keep it in /etc/sysctl.d/)".into(),
        );
    }
    if sysctl(host, USERNS_CLONE) == Some(0) {
        return Some(
            "unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0): `sudo sysctl -w kernel.unprivileged_userns_clone=1` (and keep it in /etc/sysctl.d/)".into(),
        );
    }
    if sysctl(host, APPARMOR_USERNS) == Some(1) {
        return Some(
            "AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1): `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`, or load an AppArmor profile that allows `userns,` for cove".into(),
        );
    }
    None
}

fn user_namespaces(host: &dyn Host, report: &mut CheckReport) {
    match host.userns_probe() {
        Ok(()) => report.push(
            "userns",
            Severity::Ok,
            "unprivileged user namespaces work".into(),
        ),
        // A switch that explains the failure says what to change; the probe's own error
        // covers the rest (a seccomp filter of an outer container, a hardened kernel).
        Err(probe) => report.push(
            "userns",
            Severity::Fatal,
            userns_blocker(host).unwrap_or_else(|| format!("cannot use a user namespace: {probe}")),
        ),
    }
}

fn network(host: &dyn Host, report: &mut CheckReport) {
    let slirp = host.in_path("slirp4netns");
    let pasta = host.in_path("pasta");
    match (&slirp, &pasta) {
        (None, None) => report.push(
            "network",
            Severity::Fatal,
            "neither slirp4netns nor pasta is in PATH: install the slirp4netns or the passt package".into(),
        ),
        (Some(s), _) => report.push(
            "network",
            Severity::Ok,
            match &pasta {
                Some(p) => format!("{} (pasta: {})", s.display(), p.display()),
                None => format!("{}", s.display()),
            },
        ),
        (None, Some(p)) => report.push(
            "network",
            Severity::Ok,
            format!("{} (slirp4netns not installed: pasta is the default)", p.display()),
        ),
    }
    if (slirp.is_some() || pasta.is_some()) && !host.exists(Path::new("/dev/net/tun")) {
        report.push(
            "tun",
            Severity::Fatal,
            "/dev/net/tun is missing (slirp4netns and pasta need it): `sudo modprobe tun`".into(),
        );
    }
}

/// The machine itself.
pub struct SystemHost;

impl Host for SystemHost {
    fn read(&self, path: &Path) -> Option<String> {
        std::fs::read_to_string(path).ok()
    }

    fn program(&self, name: &str) -> Option<PathBuf> {
        crate::paths::find_program(name)
    }

    fn in_path(&self, name: &str) -> Option<PathBuf> {
        crate::paths::find_in_path(name)
    }

    fn helper(&self, name: &str) -> Option<PathBuf> {
        crate::paths::find_helper(name)
    }

    fn privileged(&self, program: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        let setuid_root = std::fs::metadata(program)
            .map(|m| m.uid() == 0 && m.mode() & 0o4000 != 0)
            .unwrap_or(false);
        setuid_root || has_file_caps(program)
    }

    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }

    fn userns_probe(&self) -> Result<(), String> {
        probe(false).map_err(|e| format!("cannot create one ({e})"))?;
        probe(true).map_err(|e| format!("no mount is allowed inside one ({e})"))
    }
}

fn has_file_caps(program: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = std::ffi::CString::new(program.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: both strings are NUL-terminated; a null buffer of size 0 asks for the size.
    let size = unsafe {
        libc::getxattr(
            path.as_ptr(),
            c"security.capability".as_ptr(),
            std::ptr::null_mut(),
            0,
        )
    };
    size > 0
}

/// Start `true` in a new user and mount namespace (and with `mount`, make its mounts
/// private, which needs the capabilities the namespace should give: AppArmor's
/// restriction lets the namespace be created and takes them away). The child does only
/// raw syscalls between fork and exec; spawn reports their errno.
fn probe(mount: bool) -> std::io::Result<()> {
    use std::os::unix::process::CommandExt;
    let program = crate::paths::find_program("true")
        .ok_or_else(|| std::io::Error::other("no `true` program to probe with"))?;
    let mut cmd = std::process::Command::new(program);
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    // SAFETY: unshare and mount are async-signal-safe syscalls; nothing allocates.
    unsafe {
        cmd.pre_exec(move || {
            if libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNS) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if mount
                && libc::mount(
                    std::ptr::null(),
                    c"/".as_ptr(),
                    std::ptr::null(),
                    libc::MS_REC | libc::MS_PRIVATE,
                    std::ptr::null(),
                ) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.status().map(|_| ())
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
