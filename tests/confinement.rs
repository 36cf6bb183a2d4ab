//! Confinement next to Podman: the probe (tests/probe/confinement.c) run inside
//! containers by `cove run` and `cove exec`, and by `podman run`, as the same user.
//! cove must deny at least everything Podman denies.

mod common;

use common::probe;
use common::TestEnv;

#[test]
fn cove_denies_at_least_what_podman_denies_under_run_and_exec() {
    let env = TestEnv::new("confinement");
    let img = common::image("one");
    let mount = format!("{}:/probe:ro", common::probe_bin());
    env.cove_ok(&["pull", "-q", &img]);
    env.podman_ok(&["pull", "-q", &img]);

    let podman = probe::parse(&env.podman_ok(&[
        "run",
        "--rm",
        "--network",
        "none",
        "-v",
        &mount,
        &img,
        "/probe",
    ]));
    let run = probe::parse(&env.cove_ok(&[
        "run",
        "--rm",
        "--network",
        "none",
        "-v",
        &mount,
        &img,
        "/probe",
    ]));
    env.cove_ok(&[
        "run",
        "-d",
        "--name",
        "c",
        "--network",
        "none",
        "-v",
        &mount,
        &img,
        "sleep",
        "600",
    ]);
    let exec = probe::parse(&env.cove_ok(&["exec", "c", "/probe"]));
    let table = probe::table(&[
        ("podman run", &podman),
        ("cove run", &run),
        ("cove exec", &exec),
    ]);
    eprintln!("{table}");

    assert!(podman.len() > 30, "the probe ran under Podman:\n{table}");
    for (what, cove) in [("cove run", &run), ("cove exec", &exec)] {
        let gaps = probe::denied_only_by(&podman, cove);
        assert!(
            gaps.is_empty(),
            "{what} allows what Podman denies: {gaps:?}\n{table}"
        );
    }
}
