//! `cove build`: Dockerfiles built rootless as the test user, the result checked the way a
//! user would (`cove image inspect`, `cove run`), the layer cache, and bad input.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::TestEnv;
use serde_json::Value;

/// A build context owned by the test user: `files` are (path, content, mode); a path
/// ending in `/` is a directory.
fn context(env: &TestEnv, name: &str, files: &[(&str, &str, u32)]) -> PathBuf {
    let dir = env.home.join(name);
    fs::create_dir_all(&dir).unwrap();
    for (path, content, mode) in files {
        let p = dir.join(path);
        if path.ends_with('/') {
            fs::create_dir_all(&p).unwrap();
        } else {
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, content).unwrap();
        }
        fs::set_permissions(&p, fs::Permissions::from_mode(*mode)).unwrap();
    }
    chown_to_user(&dir);
    dir
}

fn chown_to_user(dir: &Path) {
    let (uid, gid) = common::test_user_ids();
    let out = std::process::Command::new("chown")
        .args(["-R", "-h", &format!("{uid}:{gid}")])
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success());
}

fn config(env: &TestEnv, image: &str) -> Value {
    let out = env.cove_ok(&["image", "inspect", image]);
    let v: Value = serde_json::from_str(&out).unwrap();
    v[0].clone()
}

fn build(env: &TestEnv, dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let d = dir.to_str().unwrap();
    args.push(d);
    env.cove_ok(&args)
}

/// The image ID a build printed last.
fn built_id(out: &str) -> String {
    out.lines().last().unwrap_or("").trim().to_string()
}

#[test]
fn instructions_set_the_config_and_the_files() {
    let env = TestEnv::new("build-instr");
    let base = common::image("busybox");
    let dockerfile = format!(
        r#"# a comment
ARG BASE={base}
FROM $BASE AS first
ARG WHO=world
RUN echo "hello $WHO" > /greeting && mkdir -p /out && echo built > /out/artifact

FROM ${{BASE}}
ARG VERSION
ARG UNSET
ENV APP_HOME=/srv/app \
    GREETING="hi there" DEFAULTED=${{UNSET:-fallback}} ALT=${{VERSION:+v$VERSION}}
LABEL org.example.name="demo app" version=$VERSION
WORKDIR $APP_HOME
COPY --chown=1000:1001 --chmod=0640 conf/app.conf ./
COPY src/ code/
COPY *.txt notes/
COPY --from=first /out/artifact /greeting /from-first/
COPY <<EOT /etc/motd
welcome to $GREETING
EOT
RUN ["/bin/sh", "-c", "echo exec form > exec.txt"]
SHELL ["/bin/sh", "-ec"]
RUN echo "$APP_HOME $VERSION" > shell.txt
RUN <<EOF
echo from heredoc > /heredoc.txt
EOF
RUN rm -rf /tmp && mkdir /tmp && chmod 1777 /tmp && rm /bin/vi
USER 1000:1001
EXPOSE 8080 53/udp
VOLUME ["/data"]
STOPSIGNAL SIGINT
HEALTHCHECK --interval=30s --retries=2 CMD wget -q -O- http://localhost:8080/ || exit 1
ONBUILD RUN echo child
CMD ["serve"]
ENTRYPOINT ["/bin/sh", "-c"]
"#
    );
    let dir = context(
        &env,
        "ctx",
        &[
            ("Dockerfile", &dockerfile, 0o644),
            ("conf/app.conf", "key=value\n", 0o600),
            ("src/main.sh", "echo main\n", 0o755),
            ("src/lib/util.sh", "echo util\n", 0o644),
            ("a.txt", "A\n", 0o644),
            ("b.txt", "B\n", 0o644),
            ("ignored.txt", "never\n", 0o644),
            (".dockerignore", "ignored.txt\n**/*.bak\n", 0o644),
        ],
    );
    let out = build(
        &env,
        &dir,
        &[
            "-t",
            "demo",
            "-t",
            "demo:v2",
            "--build-arg",
            "VERSION=1.2",
            "--format",
            "docker",
            "--label",
            "extra=yes",
        ],
    );
    assert!(out.contains("[2/2] STEP 1/"), "{out}");
    assert!(out.contains("STEP 8/24: COPY src/ code/"), "{out}");
    assert!(
        out.contains("Successfully tagged localhost/demo:latest"),
        "{out}"
    );
    assert!(
        out.contains("Successfully tagged localhost/demo:v2"),
        "{out}"
    );

    let c = config(&env, "demo");
    let cfg = &c["Config"];
    let env_list: Vec<&str> = cfg["Env"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    for want in [
        "APP_HOME=/srv/app",
        "GREETING=hi there",
        "DEFAULTED=fallback",
        "ALT=v1.2",
    ] {
        assert!(env_list.contains(&want), "{want} in {env_list:?}");
    }
    assert_eq!(cfg["Labels"]["org.example.name"], "demo app");
    assert_eq!(cfg["Labels"]["version"], "1.2");
    assert_eq!(cfg["Labels"]["extra"], "yes");
    assert_eq!(cfg["WorkingDir"], "/srv/app");
    assert_eq!(cfg["User"], "1000:1001");
    assert!(cfg["ExposedPorts"]["8080/tcp"].is_object(), "{cfg}");
    assert!(cfg["ExposedPorts"]["53/udp"].is_object(), "{cfg}");
    assert!(cfg["Volumes"]["/data"].is_object(), "{cfg}");
    assert_eq!(cfg["StopSignal"], "SIGINT");
    assert_eq!(cfg["Entrypoint"], serde_json::json!(["/bin/sh", "-c"]));
    // CMD was set in this stage, so ENTRYPOINT keeps it.
    assert_eq!(cfg["Cmd"], serde_json::json!(["serve"]));
    assert_eq!(cfg["Healthcheck"]["Test"][0], "CMD-SHELL");
    assert_eq!(cfg["Healthcheck"]["Interval"], 30_000_000_000u64);
    assert_eq!(cfg["Healthcheck"]["Retries"], 2);
    assert_eq!(cfg["OnBuild"][0], "RUN echo child");

    // The files, as a container of the image sees them.
    let show = env.cove_ok(&[
        "run",
        "--rm",
        "--user",
        "0",
        "--entrypoint",
        "/bin/sh",
        "demo",
        "-c",
        "cd /srv/app && stat -c '%n %a %u:%g' app.conf && cat app.conf code/main.sh \
         code/lib/util.sh notes/a.txt notes/b.txt exec.txt shell.txt /heredoc.txt \
         /etc/motd /from-first/artifact /from-first/greeting; \
         ls notes; test -e /bin/vi && echo vi-still-there; stat -c '%a' /tmp; \
         stat -c '%a' code/main.sh",
    ]);
    let expected = "app.conf 640 1000:1001\nkey=value\necho main\necho util\nA\nB\n\
                    exec form\n/srv/app 1.2\nfrom heredoc\nwelcome to hi there\nbuilt\n\
                    hello world\na.txt\nb.txt\n1777\n755\n";
    assert_eq!(show, expected);

    // History: one entry per instruction, layers only for RUN/COPY.
    let hist = env.cove_ok(&["history", "--format", "{{.CreatedBy}}", "demo"]);
    assert!(hist.contains("COPY"), "{hist}");
    assert!(hist.contains("#(nop) ENV APP_HOME"), "{hist}");

    // The default OCI format drops what only Docker's config has.
    let out = build(
        &env,
        &dir,
        &["-t", "demo-oci", "--build-arg", "VERSION=1.2"],
    );
    assert!(
        out.contains("HEALTHCHECK is not supported for OCI image format"),
        "{out}"
    );
    let c = config(&env, "demo-oci");
    assert!(c["Config"]["Healthcheck"].is_null(), "{}", c["Config"]);
    assert_eq!(c["Config"]["StopSignal"], "SIGINT");
}

/// The image IDs of the layers directory count: what a rebuild must not grow.
fn layer_count(env: &TestEnv) -> usize {
    env.layer_dirs().len()
}

#[test]
fn an_unchanged_rebuild_is_all_cache_and_a_changed_copy_rebuilds_from_there() {
    let env = TestEnv::new("build-cache");
    let dockerfile = format!(
        "FROM {}\nRUN echo one > /one\nCOPY first.txt /first.txt\nRUN cat /first.txt > /copied\nCOPY second.txt /second.txt\nRUN echo last > /last\nENV DONE=1\n",
        common::image("busybox")
    );
    let dir = context(
        &env,
        "ctx",
        &[
            ("Containerfile", &dockerfile, 0o644),
            ("first.txt", "first\n", 0o644),
            ("second.txt", "second\n", 0o644),
        ],
    );
    let first = build(&env, &dir, &["-t", "cached"]);
    assert!(!first.contains("Using cache"), "{first}");
    let id = built_id(&first);
    let layers = layer_count(&env);

    // Nothing changed (only a file's time): every step from the cache, the same image.
    env.sh_ok(&format!(
        "touch -d '2001-01-01' {}/first.txt",
        dir.display()
    ));
    let again = build(&env, &dir, &["-t", "cached"]);
    assert_eq!(again.matches("--> Using cache").count(), 5, "{again}");
    assert_eq!(built_id(&again), id);
    assert_eq!(layer_count(&env), layers);

    // The second COPY's source changed: the steps before it are cached, it and the rest
    // run again.
    fs::write(dir.join("second.txt"), "changed\n").unwrap();
    let changed = build(&env, &dir, &["-t", "cached"]);
    assert_eq!(changed.matches("--> Using cache").count(), 3, "{changed}");
    let after = changed.split("COPY second.txt").nth(1).unwrap();
    assert!(!after.contains("Using cache"), "{changed}");
    assert_ne!(built_id(&changed), id);
    assert_eq!(
        env.cove_ok(&["run", "--rm", "cached", "cat", "/second.txt", "/copied"]),
        "changed\nfirst\n"
    );

    // A different build arg value for a used ARG is a different step; --no-cache reruns.
    let fresh = build(&env, &dir, &["--no-cache", "-q"]);
    assert_eq!(fresh.lines().count(), 1, "-q prints the ID only: {fresh}");
}

#[test]
fn bad_input_is_refused_with_file_line_and_instruction() {
    let env = TestEnv::new("build-bad");
    let busybox = common::image("busybox");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unknown",
            format!("FROM {busybox}\nRUN true\nFROBNICATE x\n"),
            "Dockerfile:3: unknown instruction: FROBNICATE",
        ),
        (
            "outside",
            format!("FROM {busybox}\nCOPY ../secret /x\n"),
            "Dockerfile:2: COPY ../secret /x: ../secret: forbidden path outside the build context",
        ),
        (
            "symlink",
            format!("FROM {busybox}\nCOPY link /x\n"),
            "Dockerfile:2: COPY link /x: link: forbidden path outside the build context",
        ),
        (
            "missing-file",
            format!("FROM {busybox}\nCOPY nothere /x\n"),
            "Dockerfile:2: COPY nothere /x: nothere: no such file or directory",
        ),
        (
            "missing-stage",
            format!("FROM {busybox}\nCOPY --from=nostage /a /b\n"),
            "Dockerfile:2: COPY --from=nostage /a /b:",
        ),
    ];
    for (name, dockerfile, want) in cases {
        let dir = context(
            &env,
            name,
            &[("Dockerfile", &dockerfile, 0o644), ("file", "x", 0o644)],
        );
        std::os::unix::fs::symlink("../../../../etc/passwd", dir.join("link")).unwrap();
        chown_to_user(&dir);
        let (code, err) = env.cove_err(&["build", "-t", name, dir.to_str().unwrap()]);
        assert_eq!(code, 125, "{name}: {err}");
        assert!(err.contains(want), "{name}: want {want:?} in {err}");
        env.cove_err(&["image", "exists", name]);
    }

    let dir = context(
        &env,
        "target",
        &[("Dockerfile", &format!("FROM {busybox} AS a\n"), 0o644)],
    );
    let (_, err) = env.cove_err(&["build", "--target", "nope", dir.to_str().unwrap()]);
    assert!(
        err.contains("target stage \"nope\" could not be found"),
        "{err}"
    );

    // A failing RUN: its output and exit code shown, nothing tagged.
    let dir = context(
        &env,
        "failing",
        &[(
            "Dockerfile",
            &format!("FROM {busybox}\nRUN echo about to fail; exit 3\n"),
            0o644,
        )],
    );
    let out = env.cove(&["build", "-t", "failing", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("about to fail"), "{stdout}");
    assert!(
        stderr.contains("building at STEP \"RUN echo about to fail; exit 3\": while running runtime: exit status 3"),
        "{stderr}"
    );
    assert_ne!(common::exit_code(&out), 0);
    env.cove_err(&["image", "exists", "failing"]);
    // The step's container is gone.
    assert_eq!(env.cove_ok(&["ps", "-aq"]), "");

    // A malformed ignore pattern.
    let dir = context(
        &env,
        "ignore",
        &[
            ("Dockerfile", &format!("FROM {busybox}\nCOPY . /x\n"), 0o644),
            (".dockerignore", "ok\n[unclosed\n", 0o644),
        ],
    );
    let (_, err) = env.cove_err(&["build", dir.to_str().unwrap()]);
    assert!(
        err.contains(".dockerignore: invalid pattern \"[unclosed\""),
        "{err}"
    );
}

/// Every path of an image's filesystem with its type, mode, owner, symlink target and a
/// content digest (no times), listed by a cove container of it (busybox's find and stat);
/// the files the runtime mounts over the image's are left out.
fn tree(env: &TestEnv, image: &str) -> Vec<String> {
    let script = "find / -xdev \\( -path /proc -o -path /sys -o -path /dev -o -path /run \
                  -o -path /etc/hosts -o -path /etc/resolv.conf -o -path /etc/hostname \\) \
                  -prune -o -print | sort | while read -r p; do \
                  if [ -f \"$p\" ] && [ ! -L \"$p\" ]; then s=$(md5sum < \"$p\"); else s=-; fi; \
                  echo \"$(stat -c '%n %F %a %u:%g' \"$p\") $(readlink \"$p\") ${s%% *}\"; done";
    let args = [
        "run",
        "--rm",
        "--user",
        "0",
        "--network",
        "none",
        "--entrypoint",
        "/bin/sh",
        image,
        "-c",
        script,
    ];
    env.cove_ok(&args).lines().map(str::to_string).collect()
}

/// The config fields both tools must agree on.
fn compared_config(c: &Value) -> Value {
    let cfg = &c["Config"];
    let mut out = serde_json::Map::new();
    for k in [
        "Env",
        "Cmd",
        "Entrypoint",
        "WorkingDir",
        "User",
        "ExposedPorts",
        "Volumes",
        "Labels",
        "StopSignal",
        "Healthcheck",
        "OnBuild",
        "Shell",
    ] {
        let v = cfg.get(k).cloned().unwrap_or(Value::Null);
        // An empty value and an absent one mean the same to a container.
        let empty = v.is_null()
            || v.as_str() == Some("")
            || v.as_array().is_some_and(|a| a.is_empty())
            || v.as_object().is_some_and(|o| o.is_empty());
        if !empty {
            out.insert(k.to_string(), v);
        }
    }
    Value::Object(out)
}

fn differences(a: &[String], b: &[String]) -> Vec<String> {
    let sa: std::collections::BTreeSet<&String> = a.iter().collect();
    let sb: std::collections::BTreeSet<&String> = b.iter().collect();
    let mut d: Vec<String> = sa
        .difference(&sb)
        .map(|s| format!("cove only:   {s}"))
        .collect();
    d.extend(sb.difference(&sa).map(|s| format!("podman only: {s}")));
    d
}

/// A corpus of Dockerfiles built by cove and by `podman build --format docker` from the
/// same context: the image configs and the filesystems must match.
#[test]
fn images_match_podman_build() {
    let env = TestEnv::new("build-diff");
    let busybox = common::image("busybox");
    env.podman_ok(&["pull", "-q", &busybox]);
    let cases: Vec<(&str, String)> = vec![
        (
            "metadata",
            format!(
                "FROM {busybox}\nARG V=1\nENV A=$V B=\"two words\" C=${{NOPE:-dflt}} D=${{V:+set}}\n\
                 LABEL k=v \"with space\"=\"x y\"\nWORKDIR /srv\nWORKDIR app\nUSER 1000:1000\n\
                 EXPOSE 80 53/udp 8000\nVOLUME /data [\"/logs\"]\nSTOPSIGNAL SIGQUIT\n\
                 HEALTHCHECK --interval=10s --timeout=3s --start-period=1s --retries=4 CMD [\"true\"]\n\
                 ONBUILD RUN echo x\nCMD echo shell form\nSHELL [\"/bin/sh\", \"-ex\"]\n"
            ),
        ),
        (
            "entrypoint-resets-cmd",
            format!("FROM {busybox}\nENTRYPOINT [\"/bin/echo\"]\n"),
        ),
        (
            "run-and-delete",
            format!(
                "FROM {busybox}\nRUN mkdir -p /a/b && echo 1 > /a/b/f && ln -s /a/b/f /link && \
                 chmod 600 /a/b/f && chown 12:34 /a/b\nRUN rm -rf /etc/group /bin/vi && \
                 echo 2 >> /a/b/f\nRUN [\"/bin/sh\", \"-c\", \"touch /exec-form\"]\n"
            ),
        ),
        (
            "copy",
            format!(
                "FROM {busybox}\nCOPY file.txt /one\nCOPY file.txt dir/ /many/\n\
                 COPY --chown=7:8 --chmod=0700 dir /owned\nCOPY *.txt /glob/\nWORKDIR /w\n\
                 COPY file.txt rel\nCOPY dir/sub/ /usr/local/bin/\nCOPY link.txt /via-link\n"
            ),
        ),
        (
            "multi-stage",
            format!(
                "ARG BASE={busybox}\nFROM $BASE AS build\nRUN mkdir /out && echo artifact > /out/a\n\
                 FROM $BASE\nCOPY --from=build /out /result\nCOPY --from=0 /out/a /single\n"
            ),
        ),
        (
            "add-archive",
            format!("FROM {busybox}\nADD bundle.tar /unpacked/\nADD file.txt /added\n"),
        ),
    ];
    let mut report = Vec::new();
    let mut total = 0;
    for (name, dockerfile) in &cases {
        let dir = context(
            &env,
            name,
            &[
                ("Dockerfile", dockerfile, 0o644),
                ("file.txt", "content\n", 0o644),
                ("other.txt", "other\n", 0o600),
                ("dir/", "", 0o750),
                ("dir/inner", "inner\n", 0o640),
                ("dir/sub/", "", 0o755),
                ("dir/sub/tool", "#!/bin/sh\n", 0o755),
            ],
        );
        std::os::unix::fs::symlink("file.txt", dir.join("link.txt")).unwrap();
        env.sh_ok(&format!(
            "cd {} && tar cf bundle.tar dir file.txt",
            dir.display()
        ));
        chown_to_user(&dir);
        let d = dir.to_str().unwrap();
        let ours = format!("localhost/cove-{name}");
        let theirs = format!("localhost/podman-{name}");
        env.cove_ok(&["build", "--format", "docker", "-q", "-t", &ours, d]);
        env.podman_ok(&["build", "--format", "docker", "-q", "-t", &theirs, d]);
        // Podman's image moves into cove's store, so one runtime lists both trees and
        // one inspect reads both configs (Docker's fields included).
        let archive = env.base.join(format!("{name}.tar"));
        let a = archive.to_str().unwrap();
        env.podman_ok(&["save", "--format", "docker-archive", "-o", a, &theirs]);
        env.cove_ok(&["load", "-q", "-i", a]);
        total += 1;
        let cove_cfg = compared_config(&config(&env, &ours));
        let mut podman_cfg = compared_config(&config(&env, &theirs));
        if let Some(l) = podman_cfg["Labels"].as_object_mut() {
            l.remove("io.buildah.version");
        }
        if cove_cfg != podman_cfg {
            report.push(format!(
                "{name}: config\n  cove:   {cove_cfg}\n  podman: {podman_cfg}"
            ));
        }
        let (a, b) = (tree(&env, &ours), tree(&env, &theirs));
        assert!(
            a.len() > 100 && b.len() > 100,
            "{name}: trees listed: {a:?}"
        );
        let diff = differences(&a, &b);
        if !diff.is_empty() {
            report.push(format!("{name}: filesystem\n  {}", diff.join("\n  ")));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {total} cases differ:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn step_images_are_hidden_without_all_kept_by_prune_and_removed_with_the_result() {
    let env = TestEnv::new("build-steps");
    let base = common::image("busybox");
    env.cove_ok(&["pull", "-q", &base]);
    let df = format!("FROM {base}\nRUN echo a > /a\nRUN echo b > /b\n");
    let dir = context(&env, "steps", &[("Containerfile", &df, 0o644)]);
    build(&env, &dir, &["-q", "-t", "steps"]);
    let repos = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["images", "--format", "{{.Repository}}"];
        all.extend_from_slice(args);
        let mut v: Vec<String> = env.cove_ok(&all).lines().map(String::from).collect();
        v.sort();
        v
    };
    let base_repo = base.rsplit_once(':').unwrap().0.to_string();
    assert_eq!(repos(&[]), [base_repo.clone(), "localhost/steps".into()]);
    // The two RUN steps, untagged, under -a; they are not dangling, so prune keeps them.
    let with_steps = repos(&["-a"]);
    assert_eq!(
        with_steps.iter().filter(|r| *r == "<none>").count(),
        2,
        "{with_steps:?}"
    );
    env.cove_ok(&["image", "prune", "-f"]);
    assert_eq!(repos(&["-a"]), with_steps);
    // Removing the result takes its steps with it, never the base.
    let out = env.cove_ok(&["rmi", "steps"]);
    assert_eq!(out.matches("Deleted:").count(), 3, "{out}");
    assert_eq!(repos(&["-a"]), [base_repo]);
}
