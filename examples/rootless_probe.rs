//! Manual check of the rootless entry (run as an unprivileged user with subuid ranges):
//! enters the per-user namespace and prints what it sees. With arguments, runs them
//! through `unshare_command` and exits with their code.

use std::os::unix::fs::MetadataExt;

fn main() {
    let uid = nix::unistd::getuid().as_raw();
    let paths = cove::paths::Paths::from_env(uid);
    let mode = match cove::rootless::enter(&paths) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("Error: {e}");
            std::process::exit(e.exit_code());
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        match cove::rootless::unshare_command(&args) {
            Ok(code) => std::process::exit(code),
            Err(e) => {
                eprintln!("Error: {e}");
                std::process::exit(e.exit_code());
            }
        }
    }
    let ino = std::fs::metadata("/proc/self/ns/user")
        .map(|m| m.ino())
        .unwrap_or(0);
    let mnt = std::fs::metadata("/proc/self/ns/mnt")
        .map(|m| m.ino())
        .unwrap_or(0);
    println!(
        "mode={mode:?} userns={ino} mntns={mnt} euid={} cwd={}",
        nix::unistd::geteuid(),
        std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default()
    );
}
