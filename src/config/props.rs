//! registries.conf, containers.conf and storage.conf are read by every command: whatever
//! a user (or a package) left in them, parsing is an error naming the file, never a panic.

use std::path::Path;

use proptest::prelude::*;

use super::containers::ContainersConf;
use super::registries::RegistriesConf;
use super::storage::StorageConf;

/// TOML built from the keys the parsers look at, with values of every type.
fn toml_text() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "unqualified-search-registries",
        "short-name-mode",
        "location",
        "prefix",
        "insecure",
        "blocked",
        "mirror",
        "pull-from-mirror",
        "driver",
        "runroot",
        "graphroot",
        "rootless_storage_path",
        "mount_program",
        "default_capabilities",
        "env",
        "dns_servers",
        "network_backend",
        "cgroup_manager",
        "runtime",
        "pids_limit",
        "log_size_max",
        "x",
    ]);
    let val = prop::sample::select(vec![
        "\"\"",
        "\"a\"",
        "\"/\"",
        "\"..\"",
        "\"localhost:5000/x\"",
        "\"[::1]:5000\"",
        "\"*.example.com\"",
        "\"a/b@sha256:00\"",
        "\"enforcing\"",
        "\"overlay\"",
        "true",
        "1",
        "-1",
        "9223372036854775807",
        "1.5",
        "[]",
        "[\"a\", 1]",
        "[{location=\"x\"}]",
        "{}",
        "{a=1}",
        "\"\\u0000\"",
        "\"\u{202e}\"",
    ]);
    let table = prop::sample::select(vec![
        "[[registry]]",
        "[[registry.mirror]]",
        "[aliases]",
        "[storage]",
        "[storage.options]",
        "[storage.options.overlay]",
        "[containers]",
        "[engine]",
        "[network]",
        "[registries.search]",
    ]);
    let line = prop_oneof![
        table.prop_map(String::from),
        (key, val).prop_map(|(k, v)| format!("{k} = {v}")),
        any::<String>(),
    ];
    prop::collection::vec(line, 0..12).prop_map(|l| l.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn config_files_parse_or_fail_without_panic(text in toml_text()) {
        let p = Path::new("/c/x.conf");
        if let Ok(r) = RegistriesConf::parse_str(&text, p) {
            // Lookups against whatever was accepted must not panic either.
            for name in ["busybox", "localhost:5000/a/b:1", "example.com/x@sha256:0"] {
                if let Ok(reference) = crate::image::reference::Reference::parse(name) {
                    let _ = r.pull_sources(&reference);
                    let _ = r.mirrors(&reference);
                    let _ = r.blocked(&reference);
                }
            }
            let _ = r.alias("x");
            let _ = r.insecure("localhost:5000");
        }
        let _ = ContainersConf::parse_str(&text, p);
        let _ = StorageConf::parse_str(&text, p);
    }
}
