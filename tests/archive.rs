//! save / load (docker-archive and oci-archive, several images) and import, as the test user.

mod common;

use common::{env_value, image, TestEnv};

fn hex(key: &str) -> String {
    env_value(key).trim_start_matches("sha256:").to_string()
}

fn ids(env: &TestEnv) -> Vec<String> {
    let mut v: Vec<String> = env
        .cove_ok(&["images", "-q", "--no-trunc"])
        .lines()
        .map(|l| l.trim_start_matches("sha256:").to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn save_rmi_load_keeps_ids_and_names_in_both_formats() {
    let env = TestEnv::new("archive-roundtrip");
    env.cove_ok(&["pull", "-q", &image("one")]);
    env.cove_ok(&["pull", "-q", &image("multi")]);
    let before = ids(&env);
    let mut want = vec![hex("COVE_TEST_CONFIG_ONE"), hex("COVE_TEST_CONFIG_MULTI")];
    want.sort();
    assert_eq!(before, want);

    for format in ["docker-archive", "oci-archive"] {
        let file = env.base.join(format!("{format}.tar"));
        let file = file.to_str().unwrap();
        env.cove_ok(&[
            "save",
            "--format",
            format,
            "-o",
            file,
            &image("one"),
            &image("multi"),
        ]);
        env.cove_ok(&["rmi", &image("one"), &image("multi")]);
        assert_eq!(env.cove_ok(&["images", "-q"]), "", "{format}");
        assert!(
            env.layer_dirs().is_empty(),
            "{format}: layers left after rmi"
        );
        let out = env.cove_ok(&["load", "-i", file]);
        assert!(out.contains("Loaded image"), "{format}: {out}");
        assert_eq!(ids(&env), before, "{format}: IDs changed");
        // Names come back, and the image runs (whiteouts survive the round trip).
        assert_eq!(
            env.cove_ok(&[
                "run",
                "--rm",
                &image("multi"),
                "sh",
                "-c",
                "cat /data/b; ls /data"
            ]),
            "b2b\ndir\nhl\nkeep\nowned\nsl\n",
            "{format}"
        );
    }
    // load from stdin as well
    let file = env.base.join("docker-archive.tar");
    env.cove_ok(&["rmi", "-f", &image("one"), &image("multi")]);
    env.sh_ok(&format!(
        "{} load -q < {}",
        common::cove_bin().display(),
        file.display()
    ));
    assert_eq!(ids(&env), before);
}

#[test]
fn corrupt_archives_fail_clearly_and_store_nothing() {
    let env = TestEnv::new("archive-corrupt");
    env.cove_ok(&["pull", "-q", &image("one")]);
    let good = env.base.join("good.tar");
    env.cove_ok(&["save", "-o", good.to_str().unwrap(), &image("one")]);
    env.cove_ok(&["rmi", &image("one")]);

    // Truncated in the middle of a layer.
    let bytes = std::fs::read(&good).unwrap();
    let truncated = env.base.join("truncated.tar");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    // A layer whose content is not what the config's diff_id says.
    let layer = hex("COVE_TEST_DIFFIDS_MULTI");
    let layer = layer.split(',').next().unwrap().to_string();
    let swapped = env.base.join("swapped.tar");
    env.sh_ok(&format!(
        "set -e; d=$(mktemp -d -p {base}); cd $d; tar xf {good}; \
         echo evil > f; tar cf {layer}/layer.tar f; rm f; tar cf {swapped} *",
        base = env.base.display(),
        good = good.display(),
        swapped = swapped.display(),
    ));
    // Not an archive at all.
    let garbage = env.base.join("garbage.tar");
    std::fs::write(&garbage, b"this is not a tar archive\n").unwrap();

    for (file, what) in [
        (&truncated, "truncated"),
        (&swapped, "diff_id"),
        (&garbage, "garbage"),
    ] {
        std::fs::set_permissions(file, std::os::unix::fs::PermissionsExt::from_mode(0o644))
            .unwrap();
        let (code, err) = env.cove_err(&["load", "-i", file.to_str().unwrap()]);
        assert_eq!(code, 125, "{what}: {err}");
        assert!(err.starts_with("Error:"), "{what}: {err}");
        assert_eq!(env.cove_ok(&["images", "-q"]), "", "{what}: image stored");
        assert!(env.layer_dirs().is_empty(), "{what}: layer stored");
    }
    let (_, err) = env.cove_err(&["load", "-i", swapped.to_str().unwrap()]);
    assert!(err.contains("mismatch") || err.contains("diff"), "{err}");
    let (code, err) = env.cove_err(&["load", "-i", "/nonexistent.tar"]);
    assert_eq!(code, 125);
    assert!(err.contains("/nonexistent.tar"), "{err}");
    // The good archive still loads.
    env.cove_ok(&["load", "-i", good.to_str().unwrap()]);
    assert_eq!(ids(&env), vec![hex("COVE_TEST_CONFIG_ONE")]);
    // Only the load that stored something is an event.
    let loads = env.cove_ok(&[
        "events",
        "--stream=false",
        "--filter",
        "event=load",
        "--format",
        "{{.Type}} {{.ID}}",
    ]);
    assert_eq!(loads.lines().count(), 1, "{loads}");
    assert!(loads.starts_with("image "), "{loads}");
    assert!(loads.contains(&hex("COVE_TEST_CONFIG_ONE")), "{loads}");
}

#[test]
fn import_makes_an_image_from_a_tarball_with_changes() {
    let env = TestEnv::new("archive-import");
    env.cove_ok(&["pull", "-q", &image("one")]);
    // A rootfs exported from a container, plus a marker file.
    env.cove_ok(&["create", "--name", "src", &image("one"), "true"]);
    let rootfs = env.base.join("rootfs.tar");
    env.cove_ok(&["export", "-o", rootfs.to_str().unwrap(), "src"]);
    let id = env.cove_ok(&[
        "import",
        "--change",
        "CMD [\"sh\", \"-c\", \"echo $GREETING from $(pwd)\"]",
        "--change",
        "ENV GREETING=hello",
        "--change",
        "WORKDIR /srv",
        rootfs.to_str().unwrap(),
        "imported:v1",
    ]);
    assert!(id.trim().len() >= 12, "{id}");
    assert_eq!(
        env.cove_ok(&["run", "--rm", "imported:v1"]),
        "hello from /srv\n"
    );
    let cfg = env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{.Config.WorkingDir}} {{.Config.Cmd}}",
        "imported:v1",
    ]);
    assert!(cfg.starts_with("/srv "), "{cfg}");
    let (code, err) = env.cove_err(&["import", "--change", "FROB x", rootfs.to_str().unwrap()]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("FROB"), "{err}");
    let imports = env.cove_ok(&[
        "events",
        "--stream=false",
        "--filter",
        "type=image",
        "--filter",
        "event=import",
        "--format",
        "{{.ID}}",
    ]);
    assert_eq!(imports.lines().count(), 1, "{imports}");
    assert!(
        imports.contains(id.trim().trim_start_matches("sha256:")),
        "{imports} vs {id}"
    );
}
