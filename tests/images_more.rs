//! Registry search, manifest lists and the smaller image, volume and network flags, as
//! the test user against the local registries.

mod common;

use common::{auth_pass, auth_registry, auth_user, env_value, exit_code, image, registry, TestEnv};

fn unique_repo(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{}/pushed/{tag}-{}-{nanos}", registry(), std::process::id())
}

/// A failure is one `Error: ` line on stderr, with Podman's exit code.
fn assert_one_error(env: &TestEnv, args: &[&str], code: i32, wanted: &str) {
    let (rc, err) = env.cove_err(args);
    assert_eq!(rc, code, "`cove {}`: {err}", args.join(" "));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "`cove {}`: {err}", args.join(" "));
    assert!(lines[0].starts_with("Error: "), "{err}");
    assert!(lines[0].contains(wanted), "`{}` lacks {wanted:?}", lines[0]);
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn search_finds_repositories_through_the_catalog_and_lists_tags() {
    let env = TestEnv::new("search");
    let reg = registry();
    let busybox = format!("{reg}/cove-test/busybox");

    let table = env.cove_ok(&["search", &format!("{reg}/cove-test/busy")]);
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["NAME", "DESCRIPTION"]);
    let rows: Vec<&str> = lines.map(str::trim_end).collect();
    assert_eq!(rows, [busybox.as_str()], "{table}");

    // A bare term searches registries.conf's unqualified-search registries.
    let bare = env.cove_ok(&["image", "search", "--format", "{{.Name}}", "busybox"]);
    assert_eq!(bare.lines().collect::<Vec<_>>(), [busybox.as_str()]);

    let items = json(&env.cove_ok(&[
        "search",
        "--format",
        "json",
        &format!("{reg}/cove-test/busy"),
    ]));
    let first = &items[0];
    assert_eq!(first["Index"], reg.as_str());
    assert_eq!(first["Name"], busybox.as_str());
    assert_eq!(first["Stars"], 0);
    assert_eq!(first["Official"], "");
    assert_eq!(first["Description"], "");

    let fields = env.cove_ok(&[
        "search",
        "--format",
        "{{.Index}}|{{.Name}}|{{.Description}}|{{.Stars}}|{{.Official}}|{{.Automated}}|{{.Tag}}",
        &format!("{reg}/cove-test/busy"),
    ]);
    assert_eq!(fields.trim(), format!("{reg}|{busybox}||0|||"));

    // --limit caps the results per registry; --compatible adds Docker's columns.
    let limited = env.cove_ok(&[
        "search",
        "--limit",
        "2",
        "--format",
        "{{.Name}}",
        &format!("{reg}/cove-test/"),
    ]);
    assert_eq!(limited.lines().count(), 2, "{limited}");
    let compat = env.cove_ok(&["search", "--compatible", &format!("{reg}/cove-test/busy")]);
    let header: Vec<&str> = compat.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["NAME", "DESCRIPTION", "STARS", "OFFICIAL", "AUTOMATED"]
    );
    // is-official: none of the local registry's repositories is.
    let official = env.cove_ok(&[
        "search",
        "--filter",
        "is-official",
        "--format",
        "{{.Name}}",
        &format!("{reg}/cove-test/"),
    ]);
    assert_eq!(official, "");

    let tags = env.cove_ok(&["search", "--list-tags", &busybox]);
    let rows: Vec<Vec<&str>> = tags
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        [vec!["NAME", "TAG"], vec![busybox.as_str(), "latest"]]
    );
    let tags = json(&env.cove_ok(&["search", "--list-tags", "--format", "json", &busybox]));
    assert_eq!(
        tags,
        serde_json::json!([{"Name": busybox, "Tags": ["latest"]}])
    );

    // The registry that wants credentials: refused without, listed with --creds.
    let auth = auth_registry();
    let (rc, err) = env.cove_err(&["search", &format!("{auth}/")]);
    assert_eq!(rc, 125);
    assert!(err.contains("authentication required"), "{err}");
    let creds = format!("{}:{}", auth_user(), auth_pass());
    let found = env.cove_ok(&[
        "search",
        "--creds",
        &creds,
        "--format",
        "{{.Name}}",
        &format!("{auth}/"),
    ]);
    assert!(
        found.lines().any(|l| l == format!("{auth}/cove-test/one")),
        "{found}"
    );

    let term = format!("{reg}/busy");
    assert_one_error(
        &env,
        &["search", "--filter", "stars=x", &term],
        125,
        "stars filter",
    );
    assert_one_error(
        &env,
        &["search", "--filter", "bogus", &term],
        125,
        "invalid filter type",
    );
    assert_one_error(
        &env,
        &["search", "--list-tags", "--filter", "stars=1", &busybox],
        125,
        "not applicable",
    );
    assert_one_error(
        &env,
        &["search", "--list-tags", &format!("{reg}/Bad")],
        125,
        "docker reference",
    );
    assert_one_error(
        &env,
        &["search", "127.0.0.1:1/busy"],
        125,
        "couldn't search registry",
    );
    assert_one_error(
        &env,
        &["search", "--cert-dir", "/tmp", &term],
        125,
        "--cert-dir",
    );
}

#[test]
fn manifest_lists_are_made_annotated_pushed_and_pulled_back() {
    let env = TestEnv::new("manifest");
    let reg = registry();
    let amd = env_value("COVE_TEST_DIGEST_MULTIARCH_AMD64");
    let arm = env_value("COVE_TEST_DIGEST_MULTIARCH_ARM64");
    let src = format!("{reg}/cove-test/multiarch");

    let id = env.cove_ok(&["manifest", "create", "mylist"]);
    let id = id.trim();
    assert_eq!(id.len(), 64, "{id}");
    assert_eq!(
        env.cove_ok(&["manifest", "add", "mylist", &format!("{src}@{amd}")])
            .trim(),
        id
    );
    let added = env.cove_ok(&[
        "manifest",
        "add",
        "--arch",
        "arm64",
        "--variant",
        "v8",
        "--annotation",
        "k=v",
        "mylist",
        &format!("docker://{src}@{arm}"),
    ]);
    assert_eq!(added.trim(), id);
    assert_eq!(
        env.cove_ok(&[
            "manifest",
            "annotate",
            "--os-version",
            "1.0",
            "mylist",
            &arm
        ])
        .trim(),
        id
    );

    let list = json(&env.cove_ok(&["manifest", "inspect", "mylist"]));
    assert_eq!(list["schemaVersion"], 2);
    assert_eq!(
        list["mediaType"],
        "application/vnd.docker.distribution.manifest.list.v2+json"
    );
    let m = list["manifests"].as_array().unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m[0]["digest"], amd.as_str());
    assert_eq!(
        m[0]["platform"],
        serde_json::json!({"architecture": "amd64", "os": "linux"})
    );
    assert_eq!(
        m[1]["platform"],
        serde_json::json!({"architecture": "arm64", "os": "linux", "os.version": "1.0", "variant": "v8"})
    );
    assert_eq!(m[1]["annotations"]["k"], "v");
    assert_eq!(
        m[1]["mediaType"],
        "application/vnd.oci.image.manifest.v1+json"
    );

    assert_eq!(exit_code(&env.cove(&["manifest", "exists", "mylist"])), 0);
    assert_eq!(exit_code(&env.cove(&["manifest", "exists", "nolist"])), 1);

    // Push the list and both images to a new repository, then pull it back elsewhere.
    let dest = format!("{}:1", unique_repo("list"));
    let digestfile = env.base.join("digest");
    let out = env.cove(&[
        "manifest",
        "push",
        "--all",
        "--digestfile",
        digestfile.to_str().unwrap(),
        "mylist",
        &dest,
    ]);
    assert!(out.status.success(), "{}", common::describe(&out));
    let pushed = String::from_utf8_lossy(&out.stderr);
    assert!(
        pushed.contains("Writing manifest list to image destination"),
        "{pushed}"
    );
    let remote = json(&env.cove_ok(&["manifest", "inspect", &dest]));
    assert_eq!(remote["manifests"].as_array().unwrap().len(), 2, "{remote}");
    let digest = env.sh_ok(&format!("cat {}", digestfile.display()));
    assert!(digest.starts_with("sha256:"), "{digest}");

    let other = TestEnv::new("manifest-pull");
    let pulled = other.cove_ok(&["pull", "-q", &dest]);
    let config = match std::env::consts::ARCH {
        "aarch64" => env_value("COVE_TEST_CONFIG_MULTIARCH_ARM64"),
        _ => env_value("COVE_TEST_CONFIG_MULTIARCH_AMD64"),
    };
    assert_eq!(pulled.trim(), config.trim_start_matches("sha256:"));
    let by_digest = other.cove_ok(&[
        "pull",
        "-q",
        "--arch",
        "arm64",
        &format!("{}@{}", dest.trim_end_matches(":1"), digest.trim()),
    ]);
    assert_eq!(
        by_digest.trim(),
        env_value("COVE_TEST_CONFIG_MULTIARCH_ARM64").trim_start_matches("sha256:")
    );

    // Taking an image out, and the list away.
    assert_eq!(
        env.cove_ok(&["manifest", "remove", "mylist", &arm]).trim(),
        id
    );
    let list = json(&env.cove_ok(&["manifest", "inspect", "mylist"]));
    assert_eq!(list["manifests"].as_array().unwrap().len(), 1);
    let rm = env.cove_ok(&["manifest", "rm", "mylist"]);
    assert_eq!(
        rm,
        format!("Untagged: localhost/mylist:latest\nDeleted: {id}\n")
    );
    assert_eq!(exit_code(&env.cove(&["manifest", "exists", "mylist"])), 1);

    // --all takes every image of a list; without it, this machine's only.
    env.cove_ok(&["manifest", "create", "--all", "every", &src]);
    let every = json(&env.cove_ok(&["manifest", "inspect", "every"]));
    assert_eq!(every["manifests"].as_array().unwrap().len(), 2, "{every}");
    env.cove_ok(&["manifest", "create", "one", &src]);
    let one = json(&env.cove_ok(&["manifest", "inspect", "one"]));
    assert_eq!(one["manifests"].as_array().unwrap().len(), 1, "{one}");

    assert_one_error(
        &env,
        &["manifest", "create", "every"],
        125,
        "already in use",
    );
    assert_one_error(&env, &["manifest", "create", "Bad@@"], 125, "");
    assert_one_error(&env, &["manifest", "add", "every", "Bad@@"], 125, "");
    assert_one_error(
        &env,
        &["manifest", "annotate", "every", "sha256:0000"],
        125,
        "invalid image digest",
    );
    assert_one_error(
        &env,
        &["manifest", "add", "--annotation", "novalue", "every", &src],
        125,
        "annotation",
    );
    assert_one_error(
        &env,
        &["manifest", "push", "--sign-by", "KEY", "every", &dest],
        125,
        "--sign-by",
    );
    assert_one_error(
        &env,
        &["manifest", "push", "--format", "v1", "every", &dest],
        125,
        "manifest format",
    );
    assert_one_error(&env, &["manifest", "add", "nolist", &src], 125, "nolist");
    assert_one_error(
        &env,
        &["manifest", "rm", "nolist"],
        1,
        "nolist: image not known",
    );
    // Nothing was left behind by the failures.
    assert_eq!(exit_code(&env.cove(&["manifest", "exists", "Bad"])), 1);
}

#[test]
fn images_sort_rmi_ignore_save_tree_diff_and_all_tags() {
    let env = TestEnv::new("img-more");
    env.cove_ok(&["pull", "-q", &image("one")]);
    env.cove_ok(&["pull", "-q", &image("multi")]);
    let reg = registry();

    let by_size = env.cove_ok(&["images", "--sort", "size", "--format", "{{.Repository}}"]);
    let by_repo = env.cove_ok(&[
        "images",
        "--sort",
        "repository",
        "--format",
        "{{.Repository}}",
    ]);
    let mut sorted: Vec<&str> = by_repo.lines().collect();
    sorted.sort();
    assert_eq!(by_repo.lines().collect::<Vec<_>>(), sorted);
    assert_eq!(by_size.lines().count(), 2);
    assert_one_error(
        &env,
        &["images", "--sort", "bogus"],
        125,
        "not a valid field for sorting",
    );

    assert_eq!(exit_code(&env.cove(&["rmi", "--ignore", "nothere"])), 0);
    assert_eq!(exit_code(&env.cove(&["rmi", "nothere"])), 1);

    let tar = env.base.join("one.tar");
    env.cove_ok(&[
        "save",
        "--uncompressed",
        "-o",
        tar.to_str().unwrap(),
        &image("one"),
    ]);
    assert!(tar.exists());
    assert_one_error(
        &env,
        &["save", "--compress", "-o", "/tmp/x.tar", &image("one")],
        125,
        "docker-dir",
    );

    // The same tree Podman prints for this image.
    let diff_ids: Vec<String> = env_value("COVE_TEST_DIFFIDS_MULTI")
        .split(',')
        .map(|d| d.trim_start_matches("sha256:")[..12].to_string())
        .collect();
    let tree = env.cove_ok(&["image", "tree", &image("multi")]);
    let lines: Vec<&str> = tree.lines().collect();
    let config = env_value("COVE_TEST_CONFIG_MULTI");
    assert_eq!(
        lines[0],
        format!("Image ID: {}", &config.trim_start_matches("sha256:")[..12])
    );
    assert_eq!(
        lines[1],
        format!("Tags:     [{reg}/cove-test/multi:latest]")
    );
    assert_eq!(lines[3], "Image Layers");
    assert!(
        lines[4].starts_with(&format!("├── ID: {} Size: ", diff_ids[0])),
        "{tree}"
    );
    assert!(
        lines[5].starts_with("├── ID: 98082add70a9 Size: "),
        "{tree}"
    );
    assert!(
        lines[6].starts_with("└── ID: 2b8446fffa05 Size: ")
            && lines[6].ends_with(&format!("Top Layer of: [{reg}/cove-test/multi:latest]")),
        "{tree}"
    );
    let requires = env.cove_ok(&["image", "tree", "--whatrequires", &image("multi")]);
    assert_eq!(
        requires.lines().filter(|l| l.contains("ID: ")).count(),
        2,
        "{requires}"
    );

    let diff = env.cove_ok(&["image", "diff", &image("multi")]);
    // Podman's changes; /data/b is in the layer too but unchanged, so not listed.
    assert_eq!(
        diff.lines().collect::<Vec<_>>(),
        [
            "C /data",
            "D /data/a",
            "C /data/dir",
            "D /data/dir/x",
            "A /data/dir/y",
            "D /data/gone"
        ]
    );
    let grouped = json(&env.cove_ok(&["image", "diff", "--format", "json", &image("multi")]));
    assert_eq!(grouped["added"], serde_json::json!(["/data/dir/y"]));
    assert_eq!(
        grouped["changed"],
        serde_json::json!(["/data", "/data/dir"])
    );
    assert_eq!(
        grouped["deleted"],
        serde_json::json!(["/data/a", "/data/dir/x", "/data/gone"])
    );
    assert_one_error(
        &env,
        &["image", "diff", "--format", "table", &image("multi")],
        125,
        "json",
    );

    // Every tag of a repository: the local busybox has one.
    let ids = env.cove_ok(&[
        "pull",
        "-q",
        "--all-tags",
        &format!("{reg}/cove-test/busybox"),
    ]);
    let busybox = env_value("COVE_TEST_CONFIG_BUSYBOX");
    assert_eq!(ids.trim(), busybox.trim_start_matches("sha256:"));
    assert_one_error(
        &env,
        &[
            "pull",
            "--all-tags",
            &format!("{reg}/cove-test/busybox:latest"),
        ],
        125,
        "without a tag",
    );
}

#[test]
fn volume_export_import_and_listing_flags() {
    let env = TestEnv::new("vol-more");
    env.cove_ok(&["volume", "create", "v1"]);
    env.cove_ok(&["volume", "create", "v2"]);
    let src = env.base.join("src");
    env.sh_ok(&format!(
        "mkdir -p {s}/dir && echo hello > {s}/dir/file && ln -s dir/file {s}/link && tar -C {s} -cf {s}.tar .",
        s = src.display()
    ));
    env.cove_ok(&["volume", "import", "v1", &format!("{}.tar", src.display())]);
    let out = env.base.join("v1.tar");
    env.cove_ok(&["volume", "export", "--output", out.to_str().unwrap(), "v1"]);
    let listing = env.sh_ok(&format!("tar -tvf {}", out.display()));
    assert!(listing.contains("dir/file"), "{listing}");
    assert!(listing.contains("link -> dir/file"), "{listing}");
    // From standard input, into the other volume; then read back through a pipe.
    env.sh_ok(&format!(
        "{} volume import v2 - < {}",
        common::cove_bin().display(),
        out.display()
    ));
    let content = env.sh_ok(&format!(
        "{} volume export v2 | tar -xOf - dir/file",
        common::cove_bin().display()
    ));
    assert_eq!(content, "hello\n");

    // An archive that climbs out of the volume is refused and writes nothing outside.
    let evil = env.base.join("evil.tar");
    env.sh_ok(&format!(
        "cd {b} && mkdir -p e && echo x > e/out && tar -cPf {e} --transform 's,^e/out,../escaped-by-import,' e/out",
        b = env.base.display(),
        e = evil.display()
    ));
    assert!(env
        .sh_ok(&format!("tar -tPf {}", evil.display()))
        .contains("../escaped"));
    let r = env.cove(&["volume", "import", "v2", evil.to_str().unwrap()]);
    assert_ne!(exit_code(&r), 0);
    assert!(!env.data.join("cove/volumes/v2/escaped-by-import").exists());

    let names = env.cove_ok(&["volume", "ls", "--noheading"]);
    assert!(!names.contains("VOLUME NAME"), "{names}");
    assert_eq!(names.lines().count(), 2, "{names}");
    let all = json(&env.cove_ok(&["volume", "inspect", "--all"]));
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_one_error(&env, &["volume", "export", "nosuch"], 1, "no such volume");
    assert_eq!(
        env.cove_ok(&["volume", "rm", "-f", "-t", "2", "v1"]),
        "v1\n"
    );
}

#[test]
fn network_listing_removal_and_unsupported_create_flags() {
    let env = TestEnv::new("net-more");
    env.cove_ok(&["network", "create", "--ipam-driver", "host-local", "n1"]);
    let ls = env.cove_ok(&[
        "network",
        "ls",
        "--noheading",
        "--format",
        "table {{.Name}}",
    ]);
    assert!(!ls.contains("NAME"), "{ls}");
    assert!(ls.lines().any(|l| l.trim() == "n1"), "{ls}");
    let plain = env.cove_ok(&["network", "ls", "--noheading"]);
    assert!(!plain.contains("NETWORK ID"), "{plain}");
    assert_eq!(
        env.cove_ok(&["network", "rm", "-f", "-t", "1", "n1"]),
        "n1\n"
    );

    // What cannot work here fails with one line and creates nothing (--ip-range, --opt
    // mtu= and --disable-dns work: tests/cli_dropin.rs).
    for (args, says) in [
        (&["--ipam-driver", "dhcp"][..], "--ipam-driver"),
        (
            &["--ip-range", "10.89.7.0/28"][..],
            "cannot set gateway or range without subnet",
        ),
        (&["--opt", "vlan=5"][..], "vlan"),
    ] {
        let mut argv = vec!["network", "create"];
        argv.extend_from_slice(args);
        argv.push("n2");
        assert_one_error(&env, &argv, 125, says);
    }
    assert_eq!(exit_code(&env.cove(&["network", "exists", "n2"])), 1);
}
