//! Image commands on pulled images, as the test user: listing and its formats, inspect,
//! tag/untag, rmi with shared layers and containers, prune, history, exists.

mod common;

use common::{env_value, exit_code, image, registry, TestEnv};

fn hex(key: &str) -> String {
    env_value(key).trim_start_matches("sha256:").to_string()
}

fn pulled(name: &str) -> TestEnv {
    let env = TestEnv::new(name);
    env.cove_ok(&["pull", "-q", &image("one")]);
    env.cove_ok(&["pull", "-q", &image("multi")]);
    env
}

#[test]
fn images_lists_columns_digests_json_and_templates() {
    let env = pulled("img-list");
    let table = env.cove_ok(&["images"]);
    let mut lines = table.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap()
        .split("  ")
        .filter(|s| !s.is_empty())
        .collect();
    let header: Vec<&str> = header.iter().map(|s| s.trim()).collect();
    assert_eq!(header, ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]);
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(rows
        .iter()
        .any(|r| r.starts_with(&format!("{}/cove-test/one ", registry()))
            && r.contains(&hex("COVE_TEST_CONFIG_ONE")[..12])));

    let digests = env.cove_ok(&["images", "--digests"]);
    assert!(digests.lines().next().unwrap().contains("DIGEST"));
    assert!(
        digests.contains(&env_value("COVE_TEST_DIGEST_MULTI")),
        "{digests}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&env.cove_ok(&["images", "--format", "json"])).unwrap();
    let arr = json.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    let multi = arr
        .iter()
        .find(|i| i["Id"] == hex("COVE_TEST_CONFIG_MULTI"))
        .expect("multi in json");
    assert_eq!(multi["Labels"]["org.cove.test"], "multi");
    assert_eq!(multi["Tag"], "latest");

    let tmpl = env.cove_ok(&["images", "--format", "{{.Repository}}|{{.Tag}}|{{.ID}}"]);
    let mut got: Vec<&str> = tmpl.lines().collect();
    got.sort();
    assert_eq!(
        got,
        [
            format!(
                "{}/cove-test/multi|latest|{}",
                registry(),
                &hex("COVE_TEST_CONFIG_MULTI")[..12]
            ),
            format!(
                "{}/cove-test/one|latest|{}",
                registry(),
                &hex("COVE_TEST_CONFIG_ONE")[..12]
            ),
        ]
    );
    // --no-trunc and -q
    let q = env.cove_ok(&["images", "-q", "--no-trunc"]);
    assert!(q.contains(&hex("COVE_TEST_CONFIG_ONE")), "{q}");
    // Filters: reference glob and label.
    let by_ref = env.cove_ok(&["images", "-q", "--filter", "reference=*one*"]);
    assert_eq!(by_ref.trim(), &hex("COVE_TEST_CONFIG_ONE")[..12]);
    let by_label = env.cove_ok(&["images", "-q", "--filter", "label=org.cove.test=multi"]);
    assert_eq!(by_label.trim(), &hex("COVE_TEST_CONFIG_MULTI")[..12]);
    let (code, err) = env.cove_err(&["images", "--filter", "bogus=1"]);
    assert_eq!(code, 125, "{err}");
}

#[test]
fn inspect_is_docker_shaped_and_templates_work() {
    let env = pulled("img-inspect");
    let json: serde_json::Value =
        serde_json::from_str(&env.cove_ok(&["image", "inspect", &image("multi")])).unwrap();
    let img = &json[0];
    assert_eq!(img["Id"], hex("COVE_TEST_CONFIG_MULTI"));
    assert_eq!(img["Os"], "linux");
    assert_eq!(img["Architecture"], "amd64");
    assert_eq!(img["RootFS"]["Type"], "layers");
    let diff_ids: Vec<String> = img["RootFS"]["Layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    assert_eq!(diff_ids.join(","), env_value("COVE_TEST_DIFFIDS_MULTI"));
    assert_eq!(
        img["RepoDigests"][0],
        format!(
            "{}/cove-test/multi@{}",
            registry(),
            env_value("COVE_TEST_DIGEST_MULTI")
        )
    );
    let id = env.cove_ok(&["image", "inspect", "--format", "{{.Id}}", &image("one")]);
    assert_eq!(id.trim(), hex("COVE_TEST_CONFIG_ONE"));
    // By ID prefix, and a missing image: exit 125 with the name in the error.
    let by_prefix = env.cove_ok(&[
        "image",
        "inspect",
        "--format",
        "{{.Os}}",
        &hex("COVE_TEST_CONFIG_ONE")[..8],
    ]);
    assert_eq!(by_prefix, "linux\n");
    let (code, err) = env.cove_err(&["image", "inspect", "no-such-image"]);
    assert_eq!(code, 125);
    assert!(err.contains("no-such-image"), "{err}");
}

#[test]
fn tag_untag_and_rmi_free_exactly_the_unshared_layers() {
    let env = pulled("img-rmi");
    // one's single layer is multi's base layer: 3 layer dirs for 4 layer references.
    assert_eq!(env.layer_dirs().len(), 3);

    env.cove_ok(&["tag", &image("one"), "mine:v1"]);
    env.cove_ok(&["tag", &image("one"), "localhost/other"]);
    let names = env.cove_ok(&["image", "inspect", "--format", "{{.RepoTags}}", "mine:v1"]);
    assert!(
        names.contains("localhost/mine:v1") && names.contains("localhost/other:latest"),
        "{names}"
    );
    // untag IMAGE NAME removes that name only (with no NAME, Podman removes them all).
    env.cove_ok(&["untag", "mine:v1", "localhost/other"]);
    assert_eq!(
        exit_code(&env.cove(&["image", "exists", "localhost/other"])),
        1
    );
    assert_eq!(exit_code(&env.cove(&["image", "exists", "mine:v1"])), 0);

    // Removing one name of a two-name image only untags.
    let out = env.cove_ok(&["rmi", &image("one")]);
    assert!(
        out.contains("Untagged:") && !out.contains("Deleted:"),
        "{out}"
    );
    assert_eq!(env.layer_dirs().len(), 3);
    // Removing the last name deletes the image, but the shared base layer stays for multi.
    let out = env.cove_ok(&["rmi", "mine:v1"]);
    assert!(
        out.contains(&format!("Deleted: {}", hex("COVE_TEST_CONFIG_ONE"))),
        "{out}"
    );
    assert_eq!(env.layer_dirs().len(), 3);
    let run = env.cove_ok(&["run", "--rm", &image("multi"), "cat", "/data/b"]);
    assert_eq!(run, "b2");

    // Missing image: exit 1 as Podman; in use by a container: exit 2; -f removes both.
    let (code, err) = env.cove_err(&["rmi", "nosuch"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nosuch"), "{err}");
    env.cove_ok(&["create", "--name", "user-of-multi", &image("multi"), "true"]);
    let (code, err) = env.cove_err(&["rmi", &image("multi")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("user-of-multi"), "{err}");
    env.cove_ok(&["rmi", "-f", &image("multi")]);
    assert_eq!(env.cove_ok(&["ps", "-a", "-q"]), "");
    assert_eq!(env.cove_ok(&["images", "-q"]), "");
    assert!(
        env.layer_dirs().is_empty(),
        "layers left: {:?}",
        env.layer_dirs()
    );
    // The store is consistent: the same image pulls again.
    env.cove_ok(&["pull", "-q", &image("multi")]);
    assert_eq!(env.layer_dirs().len(), 3);
}

#[test]
fn prune_history_and_exists() {
    let env = pulled("img-prune");
    let hist = env.cove_ok(&["history", &image("multi")]);
    let first: Vec<&str> = hist.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(first[..2], ["IMAGE", "CREATED"]);
    assert_eq!(hist.lines().count(), 1 + 3, "one row per layer: {hist}");
    let hist_q = env.cove_ok(&["history", "-q", &image("one")]);
    assert_eq!(hist_q.lines().count(), 1);

    // Nothing dangling: plain prune keeps tagged images; -a removes unused ones.
    env.cove_ok(&["image", "prune", "-f"]);
    assert_eq!(env.cove_ok(&["images", "-q"]).lines().count(), 2);
    env.cove_ok(&["create", &image("one"), "true"]);
    env.cove_ok(&["image", "prune", "-a", "-f"]);
    let left = env.cove_ok(&["images", "--format", "{{.Repository}}"]);
    assert_eq!(
        left,
        format!("{}/cove-test/one\n", registry()),
        "used image kept"
    );
    assert_eq!(
        exit_code(&env.cove(&["image", "exists", &image("multi")])),
        1
    );
    assert_eq!(exit_code(&env.cove(&["image", "exists", &image("one")])), 0);
}
