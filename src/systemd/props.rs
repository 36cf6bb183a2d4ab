//! Quadlet and unit files come from whoever can write to the user's config directory:
//! whatever their bytes, conversion is an error or a unit, never a panic of the generator
//! (which would leave every other quadlet of the user without its service).

use std::path::Path;

use proptest::prelude::*;

use super::quadlet::{convert, Source};
use super::unit::{split_words, Unit};

const KEYS: &[&str] = &[
    "AddCapability",
    "AddHost",
    "After",
    "ContainerName",
    "CoveArgs",
    "DNS",
    "DropCapability",
    "Entrypoint",
    "Environment",
    "EnvironmentFile",
    "Exec",
    "ExecStart",
    "ExecStop",
    "Gateway",
    "Group",
    "HealthCmd",
    "HealthInterval",
    "HealthOnFailure",
    "HealthRetries",
    "HealthStartPeriod",
    "HealthTimeout",
    "HostName",
    "Image",
    "Internal",
    "Label",
    "Mount",
    "Network",
    "NetworkName",
    "Notify",
    "PodmanArgs",
    "PublishPort",
    "Pull",
    "ReadOnly",
    "RemainAfterExit",
    "Requires",
    "RunInit",
    "StopTimeout",
    "Subnet",
    "SyslogIdentifier",
    "Tmpfs",
    "Type",
    "User",
    "UserNS",
    "Volume",
    "VolumeName",
    "WorkingDir",
    "Bogus",
];
const SECTIONS: &[&str] = &[
    "Container",
    "Volume",
    "Network",
    "Unit",
    "Service",
    "Install",
    "X",
];

/// Values made of the characters the parsers treat specially, and some that no one expects.
fn value() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "web",
        "1",
        "0",
        "-1",
        "99999999999999999999",
        "true",
        "no",
        " ",
        "\t",
        "\"",
        "'",
        "\\",
        "\\\n",
        "=",
        ":",
        "::",
        ",",
        ";",
        "%",
        "%t",
        "$",
        "${",
        "/",
        "..",
        "@",
        ".volume",
        "data.volume",
        "net.network",
        "10.0.0.0/8",
        "10.1.2.3",
        "80:80",
        "[",
        "]",
        "#",
        "é",
        "\u{0}",
        "\u{202e}",
        "\r",
    ]);
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
}

fn unit_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        prop::sample::select(SECTIONS).prop_map(|s| format!("[{s}]")),
        (prop::sample::select(KEYS), value()).prop_map(|(k, v)| format!("{k}={v}")),
        value(),
    ];
    prop::collection::vec(line, 0..16).prop_map(|l| l.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn quadlet_files_convert_or_fail_without_panic(
        text in prop_oneof![unit_text(), any::<String>()],
        ext in prop::sample::select(vec!["container", "volume", "network", "pod", ""]),
        stem in prop::sample::select(vec!["web", "a.b", "@", "x y", ""]),
    ) {
        let name = format!("{stem}.{ext}");
        let src = Source { name: &name, path: Path::new("/q/web.container"), text: &text };
        let siblings = |n: &str| n.ends_with(".volume").then(|| "data".to_string());
        let _ = convert(&src, &siblings, Path::new("/usr/bin/cove"));
    }

    #[test]
    fn unit_files_and_words_parse_without_panic(text in prop_oneof![unit_text(), any::<String>()]) {
        if let Ok(unit) = Unit::parse(&text) {
            // What render writes, parse reads back.
            let again = Unit::parse(&unit.render());
            prop_assert!(again.is_ok(), "{:?}", again);
        }
        let _ = split_words(&text);
    }
}
