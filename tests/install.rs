//! cove installed like a real tool: `scripts/install.sh` into a prefix (every file in
//! place, man pages found by `man`, units that `systemd-analyze verify` accepts with those
//! man pages, `--uninstall` removing exactly what it put there), a first run by a user
//! account made with `useradd` and reached through `su` with the installed binary alone,
//! the one-line fixes `cove system check` gives a user without subordinate ids, and the
//! Debian package from `scripts/package-deb.sh` installed into a throwaway root.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{describe, env_value, exit_code, image, TestEnv, IT_ROOT};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The target directory the test binaries come from (`target/release/cove` -> `target`),
/// so install.sh packages what this test run built.
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_cove"))
        .ancestors()
        .nth(2)
        .expect("target dir")
        .to_path_buf()
}

fn ok(out: Output, what: &str) -> String {
    assert!(out.status.success(), "{what}: {}", describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// An empty directory under IT_ROOT that every user may traverse; removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        fs::create_dir_all(IT_ROOT).unwrap();
        let dir = PathBuf::from(IT_ROOT).join(format!("{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn install_sh(prefix: &Path, extra: &[&str]) -> Output {
    Command::new("bash")
        .arg(repo().join("scripts/install.sh"))
        .arg("--prefix")
        .arg(prefix)
        .args(extra)
        .env("CARGO_TARGET_DIR", target_dir())
        .output()
        .expect("run scripts/install.sh")
}

fn install(prefix: &Path) {
    ok(install_sh(prefix, &[]), "scripts/install.sh");
}

/// Every file under `dir`, relative, symlinks included, directories not.
fn files_under(dir: &Path) -> BTreeSet<String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let path = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

fn man_pages() -> Vec<String> {
    let mut pages: Vec<String> = fs::read_dir(repo().join("man"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".1"))
        .collect();
    pages.sort();
    assert!(pages.len() > 50, "man/ holds only {pages:?}");
    pages
}

const UNITS: [&str; 3] = ["cove-restart.service", "cove.socket", "cove.service"];
const GENERATOR_LINK: &str = "lib/systemd/user-generators/cove-systemd-generator";

/// The layout the issue asks for, relative to the prefix.
fn expected_layout() -> BTreeSet<String> {
    let mut files: BTreeSet<String> = [
        "bin/cove",
        "bin/cove-systemd-generator",
        "libexec/cove/cove-conmon",
        "libexec/cove/cove-runtime",
        "libexec/cove/cove-init",
        "share/bash-completion/completions/cove",
        "share/zsh/site-functions/_cove",
        "share/fish/vendor_completions.d/cove.fish",
        GENERATOR_LINK,
    ]
    .into_iter()
    .map(String::from)
    .collect();
    files.extend(UNITS.iter().map(|u| format!("lib/systemd/user/{u}")));
    files.extend(man_pages().iter().map(|p| format!("share/man/man1/{p}")));
    files
}

/// `systemd-analyze --user verify` as root, man pages looked up in `manpath` if given.
fn verify(units: &[PathBuf], manpath: Option<&Path>, scratch: &Path) -> Output {
    let runtime = scratch.join("verify-run");
    fs::create_dir_all(&runtime).unwrap();
    let mut cmd = Command::new("systemd-analyze");
    cmd.args(["--user", "verify"])
        .args(units)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env_remove("MANPATH")
        .current_dir(units[0].parent().unwrap());
    if let Some(m) = manpath {
        cmd.env("MANPATH", m);
    }
    cmd.output()
        .expect("systemd-analyze (package systemd, scripts/setup-test-env.sh) is installed")
}

fn assert_verified(out: &Output, what: &str) {
    assert!(
        out.status.success() && out.stdout.is_empty() && out.stderr.is_empty(),
        "systemd-analyze verify {what}: {}",
        describe(out)
    );
}

#[test]
fn install_puts_every_file_in_place_and_uninstall_leaves_the_prefix_empty() {
    let scratch = Scratch::new("install-layout");
    let prefix = scratch.0.join("prefix");
    fs::create_dir(&prefix).unwrap();
    fs::set_permissions(&prefix, fs::Permissions::from_mode(0o755)).unwrap();
    install(&prefix);

    let mut want = expected_layout();
    want.insert("share/cove/install-manifest".into());
    let got = files_under(&prefix);
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, not expected {extra:?}"
    );
    for page in man_pages() {
        assert_eq!(
            fs::read(prefix.join("share/man/man1").join(&page)).unwrap(),
            fs::read(repo().join("man").join(&page)).unwrap(),
            "{page} differs from the checked-in page"
        );
    }
    assert_eq!(
        fs::read(prefix.join("share/zsh/site-functions/_cove")).unwrap(),
        fs::read(repo().join("completions/_cove")).unwrap()
    );
    for bin in ["bin/cove", "libexec/cove/cove-init"] {
        let mode = fs::metadata(prefix.join(bin)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o755, "{bin} mode {mode:o}");
    }
    // The generator, run through its link, finds the cove installed beside its target.
    assert_eq!(
        fs::canonicalize(prefix.join(GENERATOR_LINK)).unwrap(),
        fs::canonicalize(prefix.join("bin/cove-systemd-generator")).unwrap()
    );

    // man finds the pages where they were installed, and only there.
    let man = Command::new("man")
        .args(["-w", "cove-run"])
        .env("MANPATH", prefix.join("share/man"))
        .output()
        .expect("man (package man-db) is installed");
    assert_eq!(
        ok(man, "man -w cove-run").trim(),
        prefix
            .join("share/man/man1/cove-run.1")
            .display()
            .to_string()
    );

    // The units run the installed cove and verify with the installed man pages.
    let manpath = prefix.join("share/man");
    let units: Vec<PathBuf> = UNITS
        .iter()
        .map(|u| prefix.join("lib/systemd/user").join(u))
        .collect();
    for unit in &units {
        let text = fs::read_to_string(unit).unwrap();
        let exec: Vec<&str> = text.lines().filter(|l| l.starts_with("Exec")).collect();
        assert!(!exec.is_empty() || unit.ends_with("cove.socket"), "{text}");
        for line in exec {
            assert!(
                line.contains(&format!("={}/bin/cove ", prefix.display())),
                "{line} does not run the installed cove"
            );
        }
    }
    assert_verified(
        &verify(&units, Some(&manpath), &scratch.0),
        "the installed units",
    );

    // A `--new` unit written by the installed binary, for the test user's container.
    let cove = prefix.join("bin/cove");
    let cove = cove.to_str().unwrap();
    let env = TestEnv::new("install-generate");
    let busybox = image("busybox");
    let run = |args: &[&str]| ok(env.user_cmd(cove, args).output().unwrap(), "installed cove");
    run(&["pull", "-q", &busybox]);
    run(&["create", "--name", "web", &busybox, "sleep", "100"]);
    let unit_text = run(&["generate", "systemd", "--new", "web"]);
    assert!(
        unit_text.contains(&format!("ExecStart={cove} run ")),
        "{unit_text}"
    );
    let unit = scratch.0.join("container-web.service");
    fs::write(&unit, &unit_text).unwrap();
    assert_verified(
        &verify(std::slice::from_ref(&unit), Some(&manpath), &scratch.0),
        "the generated --new unit",
    );
    // Without the installed pages the same unit fails on its Documentation= line: the
    // pages are what made it pass.
    let without = verify(std::slice::from_ref(&unit), None, &scratch.0);
    assert!(
        !without.status.success()
            && String::from_utf8_lossy(&without.stderr).contains("cove-generate-systemd(1)"),
        "verify without the man pages: {}",
        describe(&without)
    );
    drop(env);

    let out = install_sh(&prefix, &["--uninstall"]);
    ok(out, "install.sh --uninstall");
    let left: Vec<_> = fs::read_dir(&prefix).unwrap().flatten().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    // Nothing installed any more: a second uninstall says so.
    let again = install_sh(&prefix, &["--uninstall"]);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("no manifest"),
        "{}",
        describe(&again)
    );
}

#[test]
fn uninstall_removes_only_what_install_put_there() {
    let scratch = Scratch::new("install-exact");
    let prefix = scratch.0.clone();
    // The user's own things, in directories the installation also uses.
    fs::create_dir_all(prefix.join("bin")).unwrap();
    fs::create_dir_all(prefix.join("share/man/man1")).unwrap();
    fs::write(prefix.join("share/man/man1/mine.1"), "mine").unwrap();
    // Installing twice replaces the first installation; one uninstall removes it.
    install(&prefix);
    install(&prefix);
    let manifest = fs::read_to_string(prefix.join("share/cove/install-manifest")).unwrap();
    let lines: Vec<&str> = manifest.lines().collect();
    let unique: BTreeSet<&str> = lines.iter().copied().collect();
    assert_eq!(lines.len(), unique.len(), "manifest repeats entries");
    assert!(
        !manifest.contains(&format!("d {}/bin\n", prefix.display())),
        "bin/ existed before and is not the installation's:\n{manifest}"
    );

    ok(install_sh(&prefix, &["--uninstall"]), "uninstall");
    assert_eq!(
        files_under(&prefix),
        BTreeSet::from(["share/man/man1/mine.1".to_string()])
    );
    assert!(prefix.join("bin").is_dir(), "bin/ was there before");
    assert!(!prefix.join("libexec").exists());
    assert!(!prefix.join("share/cove").exists());
}

// ------------------------------------------------------------------ first run

/// A user made with `useradd -m` for one test, with only what useradd gives it; its
/// processes, home, runtime dir and subordinate ids go with `userdel -r` on drop.
struct FreshUser {
    name: String,
    uid: u32,
}

impl FreshUser {
    fn new(tag: &str) -> FreshUser {
        let name = format!("cove{tag}{}", std::process::id() % 100_000);
        let _ = Command::new("userdel").args(["-r", &name]).output();
        ok(
            Command::new("useradd")
                .args(["-m", "-s", "/bin/sh", &name])
                .output()
                .unwrap(),
            "useradd",
        );
        let uid = ok(
            Command::new("id").args(["-u", &name]).output().unwrap(),
            "id -u",
        )
        .trim()
        .parse()
        .unwrap();
        FreshUser { name, uid }
    }

    /// `su - NAME -c SCRIPT`: a login shell's environment, no XDG_RUNTIME_DIR (no logind
    /// session here), cwd the new home.
    fn su(&self, script: &str) -> Output {
        Command::new("su")
            .args(["-", &self.name, "-c", script])
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .output()
            .expect("su")
    }

    fn processes(&self) -> Vec<i32> {
        let owner = format!("\nUid:\t{}\t", self.uid);
        fs::read_dir("/proc")
            .unwrap()
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
            .filter(|pid| {
                fs::read_to_string(format!("/proc/{pid}/status")).is_ok_and(|s| s.contains(&owner))
            })
            .collect()
    }
}

impl Drop for FreshUser {
    fn drop(&mut self) {
        // Its pause process and anything a failed run left; by pid, only this user's.
        for pid in self.processes() {
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        common::eventually(|| self.processes().is_empty());
        let _ = Command::new("userdel").args(["-r", &self.name]).output();
        let _ = fs::remove_dir_all(format!("/tmp/cove-run-{}", self.uid));
    }
}

fn subid_lines(user: &str) -> Vec<String> {
    ["/etc/subuid", "/etc/subgid"]
        .iter()
        .flat_map(|f| {
            fs::read_to_string(f)
                .unwrap_or_default()
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|l| l.starts_with(&format!("{user}:")))
        .collect()
}

#[test]
fn a_fresh_user_runs_a_container_with_only_the_installed_binary() {
    let scratch = Scratch::new("install-fresh");
    install(&scratch.0);
    let cove = scratch.0.join("bin/cove").display().to_string();
    let user = FreshUser::new("fr");
    assert_eq!(
        subid_lines(&user.name).len(),
        2,
        "useradd gave {} no subuid+subgid lines",
        user.name
    );
    let busybox = image("busybox");
    // No containers config anywhere in the new home: the registry is plain HTTP, which
    // the user says with --tls-verify=false as they would for a local registry.
    let script = format!(
        "set -e; echo XDG_RUNTIME_DIR=${{XDG_RUNTIME_DIR:-unset}}; ls -A ~/.config 2>&1 || true; \
         {cove} system check; \
         {cove} pull -q --tls-verify=false {busybox}; \
         {cove} run --rm {busybox} echo hi from $(id -un)"
    );
    let out = user.su(&script);
    let stdout = ok(out, "first run of the fresh user");
    assert!(stdout.contains("XDG_RUNTIME_DIR=unset"), "{stdout}");
    assert!(
        stdout.contains("No such file"),
        "~/.config exists: {stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "cove-conmon   {}/bin/../libexec/cove/cove-conmon",
            scratch.0.display()
        )),
        "the helpers are not the installed ones: {stdout}"
    );
    assert!(!stdout.contains("\nerror"), "{stdout}");
    assert!(
        stdout
            .trim_end()
            .ends_with(&format!("hi from {}", user.name)),
        "{stdout}"
    );
}

#[test]
fn a_user_without_subordinate_ids_is_told_the_fix() {
    let scratch = Scratch::new("install-nosub");
    install(&scratch.0);
    let cove = scratch.0.join("bin/cove").display().to_string();
    let name = env_value("COVE_TEST_NOSUB_USER");
    assert!(subid_lines(&name).is_empty(), "{name} has subordinate ids");
    let su = |script: &str| {
        Command::new("su")
            .args(["-", &name, "-c", script])
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .output()
            .unwrap()
    };

    let check = su(&format!("{cove} system check"));
    assert_eq!(exit_code(&check), 1, "{}", describe(&check));
    let stdout = String::from_utf8_lossy(&check.stdout);
    let errors: Vec<&str> = stdout.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(errors.len(), 2, "{stdout}");
    for (line, file) in errors.iter().zip(["/etc/subuid", "/etc/subgid"]) {
        assert!(line.contains(file), "{line}");
        assert!(
            line.contains("sudo usermod --add-subuids") && line.ends_with(&format!("{name}`")),
            "{line}"
        );
    }
    assert!(
        stdout.lines().any(|l| l.starts_with("ok      userns")),
        "{stdout}"
    );

    // The first real command fails with one line naming the fix.
    let run = su(&format!("{cove} run --rm {} true", image("busybox")));
    assert_eq!(exit_code(&run), 125, "{}", describe(&run));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "Error: no subuid range for user {name} in /etc/subuid: `sudo usermod --add-subuids"
        )),
        "{stderr}"
    );
}

// ------------------------------------------------------------------ the .deb

#[test]
fn the_deb_has_the_layout_and_installs_into_a_throwaway_root() {
    let out = Command::new("bash")
        .arg(repo().join("scripts/package-deb.sh"))
        .arg("--fast")
        .env("CARGO_TARGET_DIR", target_dir())
        .output()
        .expect("run scripts/package-deb.sh");
    let deb = PathBuf::from(
        ok(out, "package-deb.sh")
            .trim()
            .lines()
            .last()
            .unwrap_or(""),
    );
    assert!(deb.is_file(), "no package at {}", deb.display());

    let listing = ok(
        Command::new("dpkg-deb")
            .arg("-c")
            .arg(&deb)
            .output()
            .unwrap(),
        "dpkg-deb -c",
    );
    // `-rwxr-xr-x 0/0 SIZE DATE TIME ./usr/bin/cove [-> target]`
    let entries: BTreeSet<String> = listing
        .lines()
        .filter(|l| !l.starts_with('d'))
        .filter_map(|l| l.split_whitespace().nth(5))
        .map(|p| p.trim_start_matches("./").to_string())
        .collect();
    for file in expected_layout() {
        // cargo-deb gzips man pages, as Debian policy wants.
        let file = if file.starts_with("share/man/") {
            format!("usr/{file}.gz")
        } else {
            format!("usr/{file}")
        };
        assert!(
            entries.contains(&file),
            "{file} not in the package:\n{listing}"
        );
    }
    assert!(
        listing.contains("usr/lib/systemd/user-generators/cove-systemd-generator -> ../../../bin/cove-systemd-generator"),
        "{listing}"
    );
    let field = |name: &str| {
        ok(
            Command::new("dpkg-deb")
                .arg("-f")
                .arg(&deb)
                .arg(name)
                .output()
                .unwrap(),
            "dpkg-deb -f",
        )
    };
    let depends = field("Depends");
    assert!(depends.contains("uidmap"), "{depends}");
    assert!(depends.contains("slirp4netns | passt"), "{depends}");
    let recommends = field("Recommends");
    assert!(
        recommends.contains("fuse-overlayfs") && recommends.contains("nftables"),
        "{recommends}"
    );

    // dpkg with its own database under a throwaway root; the host's is never opened for
    // writing. The dependencies are the host's packages, not the throwaway root's.
    let scratch = Scratch::new("install-deb");
    let root = &scratch.0;
    for d in [
        "var/lib/dpkg/info",
        "var/lib/dpkg/updates",
        "var/lib/dpkg/triggers",
    ] {
        fs::create_dir_all(root.join(d)).unwrap();
    }
    fs::write(root.join("var/lib/dpkg/status"), "").unwrap();
    fs::write(root.join("var/lib/dpkg/available"), "").unwrap();
    let dpkg = |args: &[&str]| {
        Command::new("dpkg")
            .arg(format!("--root={}", root.display()))
            .arg("--log=/dev/null")
            .args(args)
            .output()
            .unwrap()
    };
    ok(
        dpkg(&["--force-depends", "-i", deb.to_str().unwrap()]),
        "dpkg --root -i",
    );
    assert!(ok(dpkg(&["-s", "cove"]), "dpkg -s").contains("Status: install ok installed"));
    let host = Command::new("dpkg").args(["-s", "cove"]).output().unwrap();
    assert!(
        !host.status.success(),
        "cove got into the host's dpkg database"
    );
    let unit = fs::read_to_string(root.join("usr/lib/systemd/user/cove.service")).unwrap();
    assert!(
        unit.contains("ExecStart=/usr/bin/cove system service"),
        "{unit}"
    );
    let man = Command::new("man")
        .args(["-w", "cove-run"])
        .env("MANPATH", root.join("usr/share/man"))
        .output()
        .unwrap();
    assert!(ok(man, "man -w").trim().ends_with("man1/cove-run.1.gz"));

    // What the package installed runs a container for the test user.
    let cove = root.join("usr/bin/cove").display().to_string();
    let env = TestEnv::new("install-deb");
    let busybox = image("busybox");
    ok(
        env.user_cmd(&cove, &["pull", "-q", &busybox])
            .output()
            .unwrap(),
        "pull",
    );
    let hi = ok(
        env.user_cmd(&cove, &["run", "--rm", &busybox, "echo", "from the deb"])
            .output()
            .unwrap(),
        "run",
    );
    assert_eq!(hi.trim(), "from the deb");
    drop(env);

    ok(dpkg(&["-r", "cove"]), "dpkg --root -r");
    assert!(!root.join("usr/bin/cove").exists());
    assert!(!root.join("usr/libexec/cove").exists());
}

// ------------------------------------------------------------------ passt alone

/// The .deb accepts `slirp4netns | passt`: with only pasta on PATH (cove looks for both
/// there only), a plain `cove run` uses pasta and works.
#[test]
fn with_only_pasta_on_path_pasta_is_the_default() {
    let env = TestEnv::new("install-pasta-only");
    let bin = env.base.join("only-pasta");
    fs::create_dir(&bin).unwrap();
    fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::symlink("/usr/bin/pasta", bin.join("pasta")).unwrap();
    let path = format!("PATH={}", bin.display());
    let busybox = image("busybox");
    let cove = common::cove_bin().display().to_string();
    let run = |args: &[&str]| {
        let mut all = vec![path.as_str(), cove.as_str()];
        all.extend_from_slice(args);
        ok(
            env.user_cmd("env", &all).output().unwrap(),
            "cove with only pasta",
        )
    };
    run(&["pull", "-q", &busybox]);
    run(&["create", "--name", "c", &busybox, "true"]);
    let mode = run(&["inspect", "--format", "{{.HostConfig.NetworkMode}}", "c"]);
    assert_eq!(mode.trim(), "pasta");
    // The default with slirp4netns on PATH stays slirp4netns.
    let out = env.cove_ok(&["create", &busybox, "true"]);
    let mode = env.cove_ok(&[
        "inspect",
        "--format",
        "{{.HostConfig.NetworkMode}}",
        out.trim(),
    ]);
    assert_eq!(mode.trim(), "slirp4netns");
    // And it runs with a network: an interface besides loopback (/proc/net/dev lists
    // them after two header lines).
    let dev = run(&["run", "--rm", &busybox, "cat", "/proc/net/dev"]);
    let interfaces: Vec<&str> = dev
        .lines()
        .skip(2)
        .filter_map(|l| l.split(':').next())
        .map(str::trim)
        .collect();
    assert!(
        interfaces.iter().any(|i| *i != "lo"),
        "no interface but loopback under pasta: {dev}"
    );
}
