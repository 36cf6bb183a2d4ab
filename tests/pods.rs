//! Pods as Podman users know them: containers sharing the infra container's network (and
//! hostname), one place for published ports, started and stopped together, removed as a
//! whole.

mod common;

use common::{image, web_get, TestEnv};

#[test]
fn pod_members_share_localhost_and_the_pods_port_serves_the_host() {
    let env = TestEnv::new("pod-web");
    let web = image("web");
    let busybox = image("busybox");
    env.cove_ok(&["pull", "-q", &web]);
    env.cove_ok(&["pull", "-q", &busybox]);
    let port = common::free_port();
    let publish = format!("127.0.0.1:{port}:80");
    let id = env.cove_ok(&[
        "pod", "create", "--name", "site", "-p", &publish, "-l", "app=site",
    ]);
    let id = id.trim();
    assert!(
        id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    // The infra container runs cove's own pause image, built locally: nothing was pulled.
    let images = env.cove_ok(&["images", "--format", "{{.Repository}}"]);
    assert!(images.contains("localhost/cove-pause"), "{images}");
    let ps = env.cove_ok(&["pod", "ps"]);
    let header: Vec<&str> = ps
        .lines()
        .next()
        .unwrap()
        .split("  ")
        .filter(|s| !s.is_empty())
        .map(str::trim)
        .collect();
    assert_eq!(
        header,
        [
            "POD ID",
            "NAME",
            "STATUS",
            "CREATED",
            "INFRA ID",
            "# OF CONTAINERS"
        ]
    );
    assert_eq!(
        env.cove_ok(&[
            "pod",
            "ps",
            "--format",
            "{{.Name}} {{.Status}} {{.NumberOfContainers}}"
        ]),
        "site Created 1\n"
    );

    env.cove_ok(&[
        "run", "-d", "--pod", "site", "--name", "srv", &web, "httpd", "-f", "-p", "80", "-h",
        "/var/www",
    ]);
    // Another member reaches the server on localhost, and has the pod's hostname.
    let got = env.cove_ok(&[
        "run", "--rm", "--pod", "site", &busybox, "sh", "-c",
        "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://127.0.0.1:80/index.html && break; sleep 0.5; done; hostname",
    ]);
    assert_eq!(got, "hello from cove\nsite\n");
    // Members share the infra container's IPC and UTS namespaces too (Podman's default).
    let ns = "for n in ipc uts net; do readlink /proc/self/ns/$n; done";
    let in_srv = env.cove_ok(&["exec", "srv", "sh", "-c", ns]);
    let in_other = env.cove_ok(&["run", "--rm", "--pod", "site", &busybox, "sh", "-c", ns]);
    assert_eq!(in_srv, in_other);
    let alone = env.cove_ok(&["run", "--rm", &busybox, "sh", "-c", ns]);
    assert!(
        in_srv.lines().zip(alone.lines()).all(|(a, b)| a != b),
        "{in_srv} {alone}"
    );
    // The pod's published port serves a client on the host.
    assert_eq!(
        web_get(&format!("127.0.0.1:{port}"), "/index.html"),
        "hello from cove\n"
    );
    assert_eq!(
        env.cove_ok(&[
            "pod",
            "ps",
            "--format",
            "{{.Name}} {{.Status}} {{.NumberOfContainers}}"
        ]),
        "site Running 2\n"
    );
    let inspect = env.cove_ok(&["pod", "inspect", "site"]);
    let v: serde_json::Value = serde_json::from_str(&inspect).unwrap();
    assert_eq!(v["Id"], id);
    assert_eq!(v["State"], "Running");
    assert_eq!(v["Labels"]["app"], "site");
    assert_eq!(
        v["SharedNamespaces"],
        serde_json::json!(["ipc", "net", "uts"])
    );
    assert_eq!(
        v["InfraConfig"]["PortBindings"]["80/tcp"][0]["HostPort"],
        port.to_string()
    );
    assert_eq!(v["NumContainers"], 2);
    let ps = env.cove_ok(&["ps", "-a", "--format", "{{.Names}}"]);
    assert!(
        ps.contains("srv") && ps.contains(&format!("{}-infra", &id[..12])),
        "{ps}"
    );
    let ps = env.cove_ok(&["ps", "--pod"]);
    let header = ps.lines().next().unwrap();
    assert!(
        header.contains("NAMES") && header.contains("POD ID") && header.ends_with("PODNAME"),
        "{ps}"
    );
    let ps = env.cove_ok(&["ps", "--format", "{{.Names}} {{.Pod}} {{.PodName}}"]);
    assert!(ps.contains(&format!("srv {} site\n", &id[..12])), "{ps}");
    assert_eq!(
        env.cove_ok(&["inspect", "srv", "--format", "{{.Pod}} {{.IsInfra}}"])
            .trim(),
        format!("{id} false")
    );

    // A member cannot publish its own ports or pick its own network.
    let (code, err) = env.cove_err(&["run", "--pod", "site", "-p", "9000:9000", &busybox, "true"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("published or exposed ports must be defined when the pod is created"),
        "{err}"
    );
    let (_, err) = env.cove_err(&["create", "--pod", "site", "--network", "none", &busybox]);
    assert!(
        err.contains("networks must be defined when the pod is created"),
        "{err}"
    );
    // The infra container goes only with its pod.
    let infra = v["InfraContainerID"].as_str().unwrap().to_string();
    let (_, err) = env.cove_err(&["rm", "-f", &infra]);
    assert!(err.contains("is the infra container of pod site"), "{err}");

    // Stopped together, started together, serving again.
    assert_eq!(env.cove_ok(&["pod", "stop", "site"]).trim(), id);
    assert_eq!(
        env.cove_ok(&["pod", "ps", "--format", "{{.Status}}"]),
        "Exited\n"
    );
    assert!(common::try_web_get(&format!("127.0.0.1:{port}"), "/index.html").is_none());
    env.cove_ok(&["pod", "start", "site"]);
    assert_eq!(
        web_get(&format!("127.0.0.1:{port}"), "/index.html"),
        "hello from cove\n"
    );
    assert_eq!(
        env.cove_ok(&["pod", "ps", "--format", "{{.Status}}"]),
        "Running\n"
    );

    // A running pod is not removed without --force; with it, nothing is left.
    let (code, err) = env.cove_err(&["pod", "rm", "site"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("stop the pod before removing it or force remove"),
        "{err}"
    );
    assert_eq!(env.cove_ok(&["pod", "rm", "-f", "site"]).trim(), id);
    assert_eq!(env.cove_ok(&["pod", "ps", "-q"]), "");
    assert_eq!(env.cove_ok(&["ps", "-aq"]), "");
    assert!(common::try_web_get(&format!("127.0.0.1:{port}"), "/").is_none());
    let (code, _) = env.cove_err(&["pod", "exists", "site"]);
    assert_eq!(code, 1);
}

#[test]
fn pods_by_run_new_filters_prune_and_bad_input() {
    let env = TestEnv::new("pod-cli");
    let busybox = image("busybox");
    env.cove_ok(&["pull", "-q", &busybox]);
    // `run --pod new:NAME` makes the pod on the way.
    env.cove_ok(&[
        "run", "-d", "--pod", "new:p2", "--name", "a", &busybox, "sleep", "300",
    ]);
    env.cove_ok(&["pod", "exists", "p2"]);
    assert_eq!(
        env.cove_ok(&[
            "pod",
            "ps",
            "--ctr-names",
            "--format",
            "{{.Name}} {{.ContainerNames}}"
        ]),
        format!("p2 {}-infra,a\n", &env.cove_ok(&["pod", "ps", "-q"]).trim())
    );
    assert_eq!(
        env.cove_ok(&[
            "pod",
            "ps",
            "--filter",
            "ctr-names=^a$",
            "--format",
            "{{.Name}}"
        ]),
        "p2\n"
    );
    assert_eq!(
        env.cove_ok(&["pod", "ps", "--filter", "name=nomatch", "-q"]),
        ""
    );
    assert_eq!(
        env.cove_ok(&["inspect", "a", "--format", "{{.Config.Hostname}}"])
            .trim(),
        "p2"
    );

    // Pods and containers share one set of names.
    let (_, err) = env.cove_err(&["pod", "create", "--name", "p2"]);
    assert!(err.contains("already in use"), "{err}");
    let (_, err) = env.cove_err(&["pod", "create", "--name", "a"]);
    assert!(err.contains("already in use"), "{err}");
    let (_, err) = env.cove_err(&["create", "--name", "p2", &busybox]);
    assert!(err.contains("already in use"), "{err}");
    // Podman 4.3's `pod create [NAME]`; the name given twice is refused in its words.
    let id = env.cove_ok(&["pod", "create", "--infra=false", "p3"]);
    assert_eq!(
        env.cove_ok(&["pod", "inspect", "--format", "{{.Name}}", id.trim()]),
        "p3\n"
    );
    let (code, err) = env.cove_err(&["pod", "create", "--name", "p4", "p5"]);
    assert_eq!(
        (code, err.as_str()),
        (
            125,
            "Error: cannot specify --name and NAME at the same time\n"
        )
    );
    env.cove_err(&["pod", "exists", "p4"]);
    env.cove_err(&["pod", "exists", "p5"]);
    env.cove_ok(&["pod", "rm", "p3"]);
    // Bad input: one clear line, nothing made.
    let (_, err) = env.cove_err(&["pod", "create", "--name", "bad", "--share", "net,mnt"]);
    assert!(err.contains("invalid --share \"net,mnt\""), "{err}");
    let (_, err) = env.cove_err(&[
        "pod",
        "create",
        "--name",
        "bad",
        "--exit-policy",
        "sometimes",
    ]);
    assert!(err.contains("invalid --exit-policy"), "{err}");
    let (_, err) = env.cove_err(&["pod", "ps", "--filter", "status=sleepy"]);
    assert!(err.contains("status"), "{err}");
    let (code, err) = env.cove_err(&["pod", "rm", "nosuch"]);
    assert_eq!(code, 1);
    assert!(err.contains("no pod with name or ID nosuch found"), "{err}");
    let (code, _) = env.cove_err(&["pod", "exists", "bad"]);
    assert_eq!(code, 1);
    let (_, err) = env.cove_err(&["run", "--pod", "nosuch", &busybox, "true"]);
    assert!(err.contains("no pod with name or ID nosuch found"), "{err}");

    // A pod without infra: its members share nothing, and it still groups them.
    env.cove_ok(&["pod", "create", "--infra=false", "--name", "bare"]);
    assert_eq!(
        env.cove_ok(&["run", "--pod", "bare", "--name", "b", &busybox, "echo", "hi"]),
        "hi\n"
    );
    assert_eq!(
        env.cove_ok(&[
            "pod",
            "ps",
            "--filter",
            "name=bare",
            "--format",
            "{{.Status}} {{.InfraID}}"
        ]),
        "Exited \n"
    );

    // --share +pid: members see each other's processes.
    env.cove_ok(&["pod", "create", "--name", "pids", "--share", "+pid"]);
    env.cove_ok(&[
        "run", "-d", "--pod", "pids", "--name", "sleeper", &busybox, "sleep", "301",
    ]);
    let ps = env.cove_ok(&["run", "--rm", "--pod", "pids", &busybox, "ps", "-o", "args"]);
    assert!(
        ps.contains("sleep 301") && ps.contains("cove-init -P"),
        "{ps}"
    );
    env.cove_ok(&["pod", "rm", "-f", "pids"]);

    // --exit-policy stop: the pod stops with its last container.
    env.cove_ok(&["pod", "create", "--name", "once", "--exit-policy", "stop"]);
    env.cove_ok(&["run", "-d", "--pod", "once", &busybox, "true"]);
    assert!(common::eventually(|| env.cove_ok(&[
        "pod",
        "ps",
        "--filter",
        "name=once",
        "--format",
        "{{.Status}}"
    ]) == "Exited\n"));
    assert_eq!(
        env.cove_ok(&["pod", "inspect", "once", "--format", "{{.ExitPolicy}}"]),
        "stop\n"
    );
    // Pruning containers leaves the pod's infra container to the pod.
    env.cove_ok(&["container", "prune", "-f"]);
    assert_eq!(
        env.cove_ok(&["pod", "inspect", "once", "--format", "{{.NumContainers}}"]),
        "1\n"
    );
    env.cove_ok(&["pod", "rm", "once"]);

    // Killed, then pruned with the other stopped pod; the running one stays.
    env.cove_ok(&["run", "-d", "--pod", "new:p3", &busybox, "sleep", "300"]);
    env.cove_ok(&["pod", "kill", "p2"]);
    assert!(common::eventually(|| env.cove_ok(&[
        "pod",
        "ps",
        "--filter",
        "name=p2",
        "--format",
        "{{.Status}}"
    ]) == "Exited\n"));
    let pruned = env.cove_ok(&["pod", "prune", "-f"]);
    assert_eq!(pruned.lines().count(), 2, "{pruned}");
    assert_eq!(env.cove_ok(&["pod", "ps", "--format", "{{.Name}}"]), "p3\n");
    let names = env.cove_ok(&["ps", "-a", "--format", "{{.Names}}"]);
    assert!(!names.lines().any(|n| n == "a" || n == "b"), "{names}");
    env.cove_ok(&["pod", "rm", "-f", "-a"]);
    assert_eq!(env.cove_ok(&["ps", "-aq"]), "");
}

#[test]
fn pod_logs_top_and_stats_cover_every_member() {
    let env = TestEnv::new("pod-procs");
    let busybox = image("busybox");
    env.cove_ok(&["pull", "-q", &busybox]);
    env.cove_ok(&["pod", "create", "--name", "duo"]);
    let one = env.cove_ok(&[
        "run",
        "-d",
        "--pod",
        "duo",
        "--name",
        "one",
        &busybox,
        "sh",
        "-c",
        "echo one-out; echo one-err >&2; exec sleep 600",
    ]);
    let two = env.cove_ok(&[
        "run",
        "-d",
        "--pod",
        "duo",
        "--name",
        "two",
        &busybox,
        "sh",
        "-c",
        "echo two-out; exec sleep 600",
    ]);
    let (one, two) = (&one.trim()[..12], &two.trim()[..12]);
    let logs = |args: &[&str]| {
        let mut all = vec!["pod", "logs"];
        all.extend_from_slice(args);
        all.push("duo");
        let out = env.cove(&all);
        assert!(out.status.success(), "{out:?}");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert!(common::eventually(|| logs(&[]).0.contains("two-out")));
    // Each line carries its container's ID (stdout and stderr kept apart); the infra
    // container prints nothing.
    let (out, err) = logs(&[]);
    assert_eq!(out, format!("{one} one-out\n{two} two-out\n"));
    assert_eq!(err, format!("{one} one-err\n"));
    assert_eq!(logs(&["--names", "-c", "two"]).0, "two two-out\n");
    let (code, msg) = env.cove_err(&["pod", "logs", "-c", "nosuch", "duo"]);
    assert_ne!(code, 0);
    assert!(
        msg.starts_with("Error: ") && msg.contains("nosuch"),
        "{msg}"
    );

    // top: the processes of both members and the infra container's pause process.
    let top = env.cove_ok(&["pod", "top", "duo"]);
    assert!(top.starts_with("USER "), "{top}");
    assert_eq!(
        top.lines().filter(|l| l.ends_with("sleep 600")).count(),
        2,
        "{top}"
    );
    assert_eq!(top.lines().count(), 4, "{top}");

    // stats: one row per container with its pod, infra included.
    let stats = env.cove_ok(&[
        "pod",
        "stats",
        "--no-stream",
        "--format",
        "{{.Name}} {{.PIDS}} {{.Pod}}",
    ]);
    let pod_id = env.cove_ok(&["pod", "inspect", "--format", "{{.Id}}", "duo"]);
    let short = &pod_id.trim()[..12];
    let mut rows: Vec<&str> = stats.lines().collect();
    rows.sort();
    assert_eq!(rows.len(), 3, "{stats}");
    assert!(rows.contains(&format!("one 1 {short}").as_str()), "{stats}");
    assert!(rows.contains(&format!("two 1 {short}").as_str()), "{stats}");
    let table = env.cove_ok(&["pod", "stats", "--no-stream", "duo"]);
    assert!(
        table.starts_with("POD ") && table.contains("MEM USAGE/ LIMIT") && table.contains("PIDS"),
        "{table}"
    );

    // Following ends when the pod stops, with the lines of both members.
    let follower = env
        .cove_cmd(&["pod", "logs", "-f", "--names", "duo"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    env.cove_ok(&["pod", "kill", "duo"]);
    let out = follower.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    lines.sort();
    assert_eq!(lines, ["one one-out", "two two-out"]);
    env.cove_ok(&["pod", "rm", "-f", "duo"]);
    let (code, msg) = env.cove_err(&["pod", "top", "duo"]);
    assert_ne!(code, 0);
    assert!(msg.contains("no pod with name or ID"), "{msg}");
}

#[test]
fn pod_userns_keep_id_is_the_members_user_namespace() {
    let env = TestEnv::new("pod-userns");
    let busybox = image("busybox");
    env.cove_ok(&["pull", "-q", &busybox]);
    env.cove_ok(&["pod", "create", "--name", "mine", "--userns", "keep-id"]);
    let (uid, _) = common::test_user_ids();
    let probe = "id -u; readlink /proc/self/ns/user";
    let one = env.cove_ok(&["run", "--rm", "--pod", "mine", &busybox, "sh", "-c", probe]);
    let two = env.cove_ok(&["run", "--rm", "--pod", "mine", &busybox, "sh", "-c", probe]);
    let lines: Vec<&str> = one.lines().collect();
    assert_eq!(lines.first(), Some(&uid.to_string().as_str()), "{one}");
    assert!(lines[1].starts_with("user:["), "{one}");
    // Both joined the infra container's user namespace.
    assert_eq!(one, two);
    // A member cannot bring a user namespace of its own (Podman's words).
    let (code, err) = env.cove_err(&[
        "run", "--rm", "--pod", "mine", "--userns", "keep-id", &busybox, "true",
    ]);
    assert_eq!(code, 125);
    assert_eq!(err, "Error: --userns and --pod cannot be set together\n");
    // kube play takes the same modes.
    let yaml = env.base.join("pod.yaml");
    env.write_user_file(
        &yaml,
        &format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: played\nspec:\n  containers:\n  \
             - name: one\n    image: {busybox}\n    command: [sleep, '300']\n"
        ),
    );
    env.cove_ok(&[
        "kube",
        "play",
        "--userns",
        "keep-id",
        yaml.to_str().unwrap(),
    ]);
    assert_eq!(
        env.cove_ok(&["exec", "played-one", "id", "-u"]).trim(),
        uid.to_string()
    );
    env.cove_ok(&["kube", "down", yaml.to_str().unwrap()]);
    env.cove_ok(&["pod", "rm", "-f", "mine"]);
}

#[test]
fn pod_wide_volume_and_shm_are_every_members() {
    let env = TestEnv::new("pod-wide");
    let busybox = image("busybox");
    env.cove_ok(&["pull", "-q", &busybox]);
    let dir = env.home.join("shared");
    env.sh_ok(&format!("mkdir {}", dir.display()));
    env.write_user_file(&dir.join("note"), "from the host\n");
    let volume = format!("{}:/shared", dir.display());
    env.cove_ok(&[
        "pod",
        "create",
        "--name",
        "wide",
        "-v",
        &volume,
        "--shm-size",
        "10m",
    ]);
    env.cove_ok(&[
        "run",
        "-d",
        "--pod",
        "wide",
        "--name",
        "writer",
        &busybox,
        "sh",
        "-c",
        "echo in-shm > /dev/shm/mark; echo by-writer > /shared/out; sleep 300",
    ]);
    assert!(common::eventually(|| dir.join("out").exists()));
    let seen = env.cove_ok(&[
        "run",
        "--rm",
        "--pod",
        "wide",
        &busybox,
        "sh",
        "-c",
        "cat /shared/note /shared/out /dev/shm/mark; df -k /dev/shm | tail -1",
    ]);
    let lines: Vec<&str> = seen.lines().collect();
    assert_eq!(
        lines[..3],
        ["from the host", "by-writer", "in-shm"],
        "{seen}"
    );
    // 10 MiB: the pod's /dev/shm, one tmpfs for all its members.
    let size: Vec<&str> = lines[3].split_whitespace().collect();
    assert_eq!(size[1], "10240", "{seen}");
    // The columns of `pod ps --ns`, as Podman prints them.
    let ps = env.cove_ok(&["pod", "ps", "--ns"]);
    let header = ps.lines().next().unwrap().split("  ").map(str::trim);
    let header: Vec<&str> = header.filter(|s| !s.is_empty()).collect();
    assert_eq!(
        header,
        [
            "POD ID",
            "NAME",
            "STATUS",
            "CREATED",
            "INFRA ID",
            "CGROUP",
            "NAMESPACES",
            "# OF CONTAINERS"
        ]
    );
    env.cove_ok(&["pod", "rm", "-f", "wide"]);
}

#[test]
fn pod_clone_copies_the_pod_and_its_members() {
    let env = TestEnv::new("pod-clone");
    let busybox = image("busybox");
    env.cove_ok(&["pull", "-q", &busybox]);
    env.cove_ok(&["pod", "create", "--name", "orig", "-l", "tier=web"]);
    env.cove_ok(&[
        "create", "--pod", "orig", "--name", "app", &busybox, "sleep", "300",
    ]);
    let id = env.cove_ok(&["pod", "clone", "--start", "--shm-size", "8m", "orig"]);
    let members = |pod: &str| {
        let names = env.cove_ok(&[
            "pod",
            "ps",
            "--filter",
            &format!("name=^{pod}$"),
            "--format",
            "{{.ContainerNames}}",
        ]);
        names.trim().replace(',', "\n")
    };
    assert_eq!(
        env.cove_ok(&["pod", "inspect", "orig-clone", "--format", "{{.Id}}"])
            .trim(),
        id.trim()
    );
    let names = members("orig-clone");
    assert!(names.lines().any(|n| n == "app-clone"), "{names}");
    assert_eq!(names.lines().count(), 2, "{names}");
    assert_eq!(
        env.cove_ok(&[
            "pod",
            "ps",
            "--filter",
            "name=orig-clone",
            "--format",
            "{{.Status}} {{.Labels}}"
        ]),
        "Running map[tier:web]\n"
    );
    // The copy runs in the new pod's namespaces, with the new pod's name as its hostname.
    assert_eq!(
        env.cove_ok(&[
            "exec",
            "app-clone",
            "sh",
            "-c",
            "hostname; df -k /dev/shm | tail -1 | awk '{print $2}'"
        ]),
        "orig-clone\n8192\n"
    );
    // The original is untouched; --destroy takes it away.
    assert_eq!(members("orig").lines().count(), 2);
    env.cove_ok(&["pod", "clone", "--destroy", "--name", "second", "orig"]);
    let (code, _) = env.cove_err(&["pod", "exists", "orig"]);
    assert_eq!(code, 1);
    assert_eq!(members("second").lines().count(), 2);
    env.cove_ok(&["pod", "rm", "-fa"]);
}

#[test]
fn bad_pod_wide_options_make_nothing() {
    let env = TestEnv::new("pod-bad-wide");
    let cases: &[(&[&str], &str)] = &[
        (
            &["--userns", "bogus"],
            "Error: unrecognized namespace mode bogus passed\n",
        ),
        (
            &["--memory", "10m"],
            "Error: --memory: resource limits need a cgroup v2 hierarchy delegated to your user",
        ),
        (
            &["--uidmap", "0:1"],
            "Error: initializing ID mappings: UID setting is malformed",
        ),
        (
            &["--ip6", "fd00::1"],
            "Error: --ip6 fd00::1: cove's networks are IPv4 only\n",
        ),
        (
            &["--sysctl", "vm.swappiness=1"],
            "Error: sysctl 'vm.swappiness' is not allowed\n",
        ),
        (
            &["-v", "/no/such/dir:/x"],
            "Error: /no/such/dir: no such file or directory",
        ),
        (
            &["--infra=false", "--shm-size", "1m"],
            "Error: --infra=false: --shm-size",
        ),
    ];
    for (flags, want) in cases {
        let mut args = vec!["pod", "create", "--name", "bad"];
        args.extend_from_slice(flags);
        let (code, err) = env.cove_err(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.starts_with(want), "{flags:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{flags:?}: {err}");
    }
    // The same memory line as `run --memory`.
    let (_, run) = env.cove_err(&["run", "--rm", "--memory", "10m", &image("busybox"), "true"]);
    let (_, pod) = env.cove_err(&["pod", "create", "--memory", "10m"]);
    assert_eq!(run, pod);
    assert_eq!(env.cove_ok(&["pod", "ps", "-q"]), "");
    assert_eq!(env.cove_ok(&["ps", "-aq"]), "");
}
