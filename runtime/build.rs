// The syscall table for seccomp profiles (name -> number on this architecture), read from
// the kernel headers the C toolchain installs, so every name a profile may use is known.
// When the header is missing the table is empty and profiles' unknown names are skipped.
use std::io::Write;

fn main() {
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let (header, triple) = match arch.as_str() {
        "x86_64" => ("asm/unistd_64.h", "x86_64-linux-gnu"),
        "aarch64" => ("asm-generic/unistd.h", "aarch64-linux-gnu"),
        _ => ("", ""),
    };
    let candidates = [
        format!("/usr/include/{triple}/{header}"),
        format!("/usr/include/{header}"),
    ];
    let mut table = Vec::new();
    for c in &candidates {
        println!("cargo:rerun-if-changed={c}");
        if let Ok(text) = std::fs::read_to_string(c) {
            for line in text.lines() {
                let mut parts = line.split_whitespace();
                if parts.next() != Some("#define") {
                    continue;
                }
                let (Some(name), Some(num)) = (parts.next(), parts.next()) else {
                    continue;
                };
                if let (Some(n), Ok(v)) = (name.strip_prefix("__NR_"), num.parse::<u32>()) {
                    table.push((n.to_string(), v));
                }
            }
            break;
        }
    }
    table.sort();
    table.dedup_by(|a, b| a.0 == b.0);
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("syscalls.rs");
    let mut f = match std::fs::File::create(&out) {
        Ok(f) => f,
        Err(e) => panic!("cannot write {}: {e}", out.display()),
    };
    let _ = writeln!(
        f,
        "/// (name, number), sorted by name.\npub const SYSCALLS: &[(&str, u32)] = &["
    );
    for (n, v) in &table {
        let _ = writeln!(f, "    (\"{n}\", {v}),");
    }
    let _ = writeln!(f, "];");
}
