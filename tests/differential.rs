//! Differential tests: each scenario runs step by step with Podman 4.3 (runc, as the test
//! user, its own store) and with cove, in the same environment, and each step's exit code,
//! stdout and `Error:` lines are compared once IDs, digests, times, sizes and column
//! padding are masked. A scenario matches when every step does. The scenarios that differ
//! on purpose are listed in `DIFFERENCES` with the reason; the test fails when another
//! scenario differs, and when a listed one has come to match (the list stays true).
//! The summary line (how many match exactly) is what the CLI parity issue reports.

mod common;

use std::collections::BTreeMap;
use std::process::Output;

use common::{exit_code, TestEnv};
use regex::Regex;

/// A scenario: steps are cove/podman argument lines (split on blanks, '...' quotes one
/// argument). A step starting with `~` runs but is not compared (set-up, clean-up); one
/// starting with `^` has its output lines compared in sorted order (Podman's order there
/// is a map's).
struct Scenario {
    name: &'static str,
    steps: &'static [&'static str],
}

const fn s(name: &'static str, steps: &'static [&'static str]) -> Scenario {
    Scenario { name, steps }
}

const SCENARIOS: &[Scenario] = &[
    // ---------------------------------------------------------------- run
    s("run echo", &["run --rm {IMG} echo hello"]),
    s("run exit code", &["run --rm {IMG} sh -c 'exit 3'"]),
    s("run missing command", &["run --rm {IMG} /no/such/command"]),
    s("run command fails", &["run --rm {IMG} ls /nonexistent"]),
    s(
        "run env",
        &["run --rm -e A=1 --env B=two {IMG} sh -c 'echo $A $B'"],
    ),
    s("run workdir", &["run --rm -w /tmp {IMG} pwd"]),
    s("run user", &["run --rm -u 1000:1000 {IMG} id"]),
    s("run hostname", &["run --rm --hostname box {IMG} hostname"]),
    s("run entrypoint", &["run --rm --entrypoint echo {IMG} a b"]),
    s(
        "run label",
        &[
            "run --name lab --label a=b {IMG} true",
            "inspect --format '{{.Config.Labels.a}}' lab",
            "~rm lab",
        ],
    ),
    s("run read-only", &["run --rm --read-only {IMG} touch /x"]),
    s(
        "run tmpfs",
        &["run --rm --tmpfs /scratch {IMG} sh -c 'touch /scratch/a && ls /scratch'"],
    ),
    s(
        "run no such image",
        &["run --rm {REG}/cove-test/nosuch:latest true"],
    ),
    s(
        "run bad flag value",
        &["run --restart sometimes {IMG} true"],
    ),
    s(
        "run name taken",
        &[
            "create --name dup {IMG} true",
            "create --name dup {IMG} true",
            "~rm dup",
        ],
    ),
    // ---------------------------------------------------------------- lifecycle
    s(
        "create start stop rm",
        &[
            "create --name c1 {IMG} sleep 600",
            "inspect --format '{{.State.Status}}' c1",
            "start c1",
            "inspect --format '{{.State.Status}} {{.State.Running}}' c1",
            "stop -t 0 c1",
            "inspect --format '{{.State.Status}} {{.State.ExitCode}}' c1",
            "rm c1",
            "ps -a --format '{{.Names}}'",
        ],
    ),
    s(
        "kill and wait",
        &[
            "run -d --name k1 {IMG} sleep 600",
            "kill k1",
            "wait k1",
            "inspect --format '{{.State.Status}} {{.State.ExitCode}}' k1",
            "~rm k1",
        ],
    ),
    s(
        "kill signal",
        &[
            "run -d --name k2 {IMG} sh -c 'trap \"exit 3\" TERM; touch /tmp/trapped; while true; do sleep 1; done'",
            // PID 1 ignores a signal it has no handler for: kill only once the trap is set.
            "~exec k2 sh -c 'while [ ! -f /tmp/trapped ]; do sleep 1; done'",
            "kill -s TERM k2",
            "wait k2",
            "~rm k2",
        ],
    ),
    s(
        "wait exit code",
        &["run -d --name w1 {IMG} sh -c 'exit 7'", "wait w1", "~rm w1"],
    ),
    s(
        "restart",
        &[
            "run -d --name r1 {IMG} sleep 600",
            "restart -t 0 r1",
            "inspect --format '{{.State.Status}}' r1",
            "~rm -f -t 0 r1",
        ],
    ),
    s(
        "rm running refused",
        &["run -d --name rr {IMG} sleep 600", "rm rr", "rm -f -t 0 rr"],
    ),
    s(
        "ps filters",
        &[
            "create --name pa --label x=1 {IMG} true",
            "create --name pb {IMG} true",
            "ps -a --filter label=x=1 --format '{{.Names}} {{.Status}}'",
            "ps -a --filter name=pb --format '{{.Names}} {{.Image}}'",
            "ps --format '{{.Names}}'",
            "ps -a -q --filter name=nomatch",
            "~rm pa pb",
        ],
    ),
    s(
        "rename",
        &[
            "create --name old {IMG} true",
            "rename old new",
            "ps -a --format '{{.Names}}'",
            "~rm new",
        ],
    ),
    s(
        "logs",
        &[
            "run --name lg {IMG} sh -c 'echo out; echo err >&2'",
            "logs lg",
            "logs --tail 1 lg",
            "~rm lg",
        ],
    ),
    s(
        "exec",
        &[
            "run -d --name ex {IMG} sleep 600",
            "exec ex echo hi",
            "exec ex sh -c 'exit 5'",
            "exec -w /tmp ex pwd",
            "exec -e V=x ex sh -c 'echo $V'",
            "exec ex /no/such/command",
            "~rm -f -t 0 ex",
        ],
    ),
    s(
        "exec stopped",
        &["create --name es {IMG} true", "exec es true", "~rm es"],
    ),
    s(
        "top",
        &[
            "run -d --name tp {IMG} sleep 600",
            "top tp comm",
            "top tp",
            "top tp pid,ppid user group comm args tty nice state seccomp capeff capamb",
            "top tp %p %U %c",
            "top tp -o comm",
            "top tp aux",
            "top tp -o pid,bogus",
            "create --name tpc {IMG} true",
            "top tpc",
            "~rm -f -t 0 tp tpc",
        ],
    ),
    s(
        "port",
        &[
            "run -d --name pt -p 127.0.0.1:{PORT}:80 {IMG} sleep 600",
            "port pt",
            "port pt 80",
            "~rm -f -t 0 pt",
        ],
    ),
    s(
        "diff",
        &[
            "run --name df {IMG} sh -c 'echo x > /newfile; rm /bin/wget'",
            "^diff df",
            "~rm df",
        ],
    ),
    s(
        "cp",
        &[
            "run --name cp1 {IMG} sh -c 'echo inside > /f'",
            "cp cp1:/f {OUT}/f",
            "cp {OUT}/f cp1:/g",
            "cp cp1:/nosuch {OUT}/x",
            "~rm cp1",
        ],
    ),
    s(
        "cp running mounts",
        &[
            "~run -d --name cpm -v cpvol:/vol -v {OUT}:/out --tmpfs /scratch -w /tmp {IMG} sleep 600",
            "cp {OUT}/secret.txt cpm:/vol/",
            "cp {OUT}/secret.txt cpm:/scratch/s",
            "cp {OUT}/secret.txt cpm:/out/viabind",
            "cp {OUT}/secret.txt cpm:.",
            "exec cpm cat /vol/secret.txt /scratch/s /out/viabind /tmp/secret.txt",
            "exec cpm sh -c 'echo w > /scratch/w'",
            "cp cpm:/scratch/w {OUT}/w",
            "cp cpm:rel {OUT}/rel",
            "~rm -f -t 0 cpm",
            "~volume rm cpvol",
        ],
    ),
    s(
        "cp stopped volume",
        &[
            "~create --name cps -v cpvol2:/vol {IMG} true",
            "cp {OUT}/secret.txt cps:/vol/in",
            "cp cps:/vol/in {OUT}/back",
            "~rm cps",
            "~volume rm cpvol2",
        ],
    ),
    s(
        "cp between containers",
        &[
            "~run -d --name cpa {IMG} sleep 600",
            "~run -d --name cpb {IMG} sleep 600",
            "exec cpa sh -c 'mkdir /d && echo x > /d/x'",
            "cp cpa:/d cpb:/tmp/",
            "exec cpb cat /tmp/d/x",
            "cp cpa:/d cpb:/etc/passwd",
            "cp cpa:/nosuch cpb:/tmp",
            "cp cpa:/d ghost:/tmp",
            "~rm -f -t 0 cpa cpb",
        ],
    ),
    s(
        "cp errors",
        &[
            "~run -d --name cpe {IMG} sleep 600",
            "cp {OUT}/nosuch cpe:/tmp",
            "cp '{OUT}/*' cpe:/tmp",
            "cp {OUT}/secret.txt cpe:/no/dir/x",
            "cp {OUT}/secret.txt cpe:/nodir/",
            "cp {OUT} cpe:/etc/passwd",
            "cp cpe:/etc {OUT}/secret.txt",
            "cp {OUT}/secret.txt ghost:/",
            "cp {OUT}/a {OUT}/b",
            "cp - cpe:/etc/passwd",
            "cp - cpe:/tmp",
            "~rm -f -t 0 cpe",
        ],
    ),
    s(
        "cp overwrite",
        &[
            "~run -d --name cpo {IMG} sleep 600",
            "exec cpo mkdir -p /ow/secret.txt",
            "cp {OUT}/secret.txt cpo:/ow/",
            "cp --overwrite {OUT}/secret.txt cpo:/ow/",
            "exec cpo cat /ow/secret.txt",
            "~rm -f -t 0 cpo",
        ],
    ),
    s(
        "export",
        &[
            "create --name xp {IMG} true",
            "export -o {OUT}/xp.tar xp",
            "~rm xp",
        ],
    ),
    s(
        "commit",
        &[
            "run --name cm {IMG} touch /marker",
            "~commit -q cm committed:1",
            "run --rm committed:1 ls /marker",
            "images --format '{{.Repository}}:{{.Tag}}' --filter reference=committed",
            "~rm cm",
            "~rmi committed:1",
        ],
    ),
    s(
        "pause",
        &[
            "run -d --name pz {IMG} sleep 600",
            "pause pz",
            "~rm -f -t 0 pz",
        ],
    ),
    s(
        "no such container",
        &[
            "start nosuch",
            "stop nosuch",
            "kill nosuch",
            "rm nosuch",
            "logs nosuch",
            "wait nosuch",
            "inspect nosuch",
            "exec nosuch true",
            "port nosuch",
            "top nosuch",
        ],
    ),
    s(
        "container subcommands",
        &[
            "container create --name cs {IMG} true",
            "container exists cs",
            "container exists nosuch",
            "container ls -a --format '{{.Names}}'",
            "container rm cs",
        ],
    ),
    // ---------------------------------------------------------------- images
    s(
        "image inspect",
        &["image inspect --format '{{.Config.Cmd}} {{.Os}} {{.Architecture}}' {IMG}"],
    ),
    s(
        "tag untag rmi",
        &[
            "tag {IMG} mine:1",
            "images --format '{{.Repository}}:{{.Tag}}' --filter reference=mine",
            "untag mine:1",
            "images --format '{{.Repository}}:{{.Tag}}' --filter reference=mine",
            "tag {IMG} mine:2",
            "rmi mine:2",
        ],
    ),
    s("rmi no such", &["rmi nosuch:latest"]),
    s(
        "image exists",
        &["image exists {IMG}", "image exists nosuch:1"],
    ),
    s("history", &["history --format '{{.CreatedBy}}' {IMG}"]),
    s(
        "save load",
        &[
            "~pull -q {IMG}",
            "tag {IMG} saved:1",
            "save -o {OUT}/saved.tar saved:1",
            "rmi saved:1",
            "load -i {OUT}/saved.tar",
            "~rmi saved:1",
        ],
    ),
    s("pull quiet", &["pull -q {IMG}"]),
    s("pull bad reference", &["pull 'bad::ref'"]),
    s("push", &[
        "tag {IMG} {REG}/differential/pushed:1",
        "push -q --tls-verify=false {REG}/differential/pushed:1",
        "~rmi {REG}/differential/pushed:1",
    ]),
    s("import", &[
        "~create --name im {IMG} true",
        "~export -o {OUT}/im.tar im",
        "~rm im",
        "import -q {OUT}/im.tar imported:1",
        "images --format '{{.Repository}}:{{.Tag}}' --filter reference=imported",
        "~rmi imported:1",
    ]),
    s("search", &[
        "search --tls-verify=false --format '{{.Name}}' {REG}/cove-test/busybox",
        "search --tls-verify=false --list-tags --format '{{.Name}} {{.Tag}}' {REG}/cove-test/busybox",
    ]),
    s("manifest", &[
        "~manifest create mylist",
        "manifest exists mylist",
        "manifest inspect mylist",
        "manifest rm mylist",
        "manifest exists mylist",
    ]),
    s("init", &[
        "create --name in1 {IMG} sleep 600",
        "init in1",
        "inspect --format '{{.State.Status}}' in1",
        "ps -a --format '{{.Names}} {{.Status}}'",
        "init in1",
        "~rm -f -t 0 in1",
    ]),
    s("update restart", &[
        "create --name up1 {IMG} true",
        "~update --restart always up1",
        "inspect --format '{{.HostConfig.RestartPolicy.Name}}' up1",
        "~rm up1",
    ]),
    s("mount", &[
        "create --name mt {IMG} true",
        "~mount mt",
        "mount --format '{{.ID}}' --no-trunc",
        "~unmount mt",
        "~rm mt",
    ]),
    // ---------------------------------------------------------------- volumes
    s(
        "volumes",
        &[
            "volume create vol1",
            "volume ls --format '{{.Name}} {{.Driver}}'",
            "volume inspect --format '{{.Name}} {{.Driver}} {{.Scope}}' vol1",
            "volume exists vol1",
            "run --rm -v vol1:/data {IMG} sh -c 'echo kept > /data/f'",
            "run --rm -v vol1:/data {IMG} cat /data/f",
            "volume rm vol1",
            "volume rm vol1",
        ],
    ),
    s(
        "volume in use",
        &[
            "volume create vol2",
            "create --name vu -v vol2:/d {IMG} true",
            "volume rm vol2",
            "~rm vu",
            "~volume rm vol2",
        ],
    ),
    s(
        "volume prune",
        &["volume create vol3", "volume prune -f", "volume ls -q"],
    ),
    s(
        "volume unmount reload",
        &[
            "volume create vol4",
            "volume unmount vol4",
            "volume unmount nosuch",
            "volume reload",
            "~volume rm vol4",
        ],
    ),
    // ---------------------------------------------------------------- networks
    s(
        "networks",
        &[
            "network create net1",
            "network ls --format '{{.Name}}' --filter name=net1",
            "network inspect --format '{{.Name}} {{.Driver}}' net1",
            "network exists net1",
            "network rm net1",
            "network rm net1",
        ],
    ),
    s(
        "network connect",
        &[
            "network create net2",
            "run -d --name nc --network net2 {IMG} sleep 600",
            "inspect --format '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' nc",
            "~rm -f -t 0 nc",
            "~network rm net2",
        ],
    ),
    s(
        "network create options",
        &[
            "network create --subnet 10.89.80.0/24 --ip-range 10.89.80.128/25 -o mtu=1400 -o isolate=true --disable-dns net3",
            "network inspect --format '{{.Name}} {{.DNSEnabled}}' net3",
            "network create -o bogus=1 net4",
            "network create --ip-range 10.89.81.0/24 net4",
            "network create --subnet 10.89.81.0/24 --ip-range 10.89.82.0/25 net4",
            "~network rm net3",
        ],
    ),
    // ---------------------------------------------------------------- clone, kill
    s(
        "container clone",
        &[
            "create --name cl1 -e A=1 {IMG} sh -c 'echo hi $A'",
            "container clone cl1",
            "inspect --format '{{.Name}} {{.State.Status}}' cl1-clone",
            "container clone --run cl1 cl2",
            "wait cl2",
            "logs cl2",
            "container clone nosuch",
            "~rm -f cl1 cl1-clone cl2",
        ],
    ),
    s(
        "kill not running",
        &[
            "create --name kn {IMG} sleep 600",
            "kill kn",
            "init kn",
            "kill kn",
            "~rm -f -t 0 kn",
        ],
    ),
    // ---------------------------------------------------------------- secrets
    s(
        "secrets",
        &[
            "~secret create sec1 {OUT}/secret.txt",
            "secret ls --format '{{.Name}}'",
            "secret inspect --format '{{.Spec.Name}}' sec1",
            "run --rm --secret sec1 {IMG} cat /run/secrets/sec1",
            "secret rm sec1",
            "secret rm sec1",
        ],
    ),
    // ---------------------------------------------------------------- system
    s(
        "info host",
        &["info --format '{{.Host.OS}} {{.Host.Arch}} {{.Host.Security.Rootless}}'"],
    ),
    s(
        "info machine and store",
        &[
            "create --name inf {IMG} true",
            "info --format '{{.Host.CPUs}} {{.Host.Distribution.Distribution}} {{.Host.Distribution.Codename}} {{.Host.CgroupsVersion}} {{.Host.CgroupManager}} {{.Store.ContainerStore.Number}} {{.Store.ContainerStore.Stopped}} {{.Store.ImageStore.Number}}'",
            "info --format '{{.Host.MemTotal}} {{.Host.SwapTotal}} {{.Host.Security.SECCOMPEnabled}} {{.Host.Security.SELinuxEnabled}} {{len .Host.IDMappings.UIDMap}}'",
            "rm inf",
        ],
    ),
    s(
        "info runtime",
        &["--runtime runc info --format '{{.Host.OCIRuntime.Name}}'"],
    ),
    s(
        "events",
        &[
            "create --name ev {IMG} true",
            "rm ev",
            "events --stream=false --filter container=ev --format '{{.Status}} {{.Name}}'",
        ],
    ),
    s(
        "global log level",
        &["--log-level error ps -a --format '{{.Names}}'"],
    ),
    s("unknown command", &["nosuchcommand"]),
    s("unknown flag", &["ps --nosuchflag"]),
];

/// Scenarios that differ from Podman on purpose, and why.
const DIFFERENCES: &[(&str, &str)] = &[
    (
        "pause",
        "cove pauses rootless containers on cgroup v1 too (Podman needs a cgroup to freeze)",
    ),
    (
        "tag untag rmi",
        "images --filter reference= lists the names that match, as Docker does; Podman 4.3 \
         lists every name of a matching image",
    ),
    (
        "volume in use",
        "the error names the containers using the volume; Podman gives their IDs",
    ),
    (
        "run missing command",
        "exit 127 in both, the start fails and the container stays Created; the line names \
         the cause as runc does, without runc's own prefix and Podman's suffix",
    ),
    (
        "exec",
        "exit 127 for a missing command in both; the line names the cause as runc does, \
         without runc's own prefix and Podman's suffix",
    ),
    (
        "run bad flag value",
        "the error names the valid restart policies; Podman says only that the value is not one",
    ),
    (
        "update restart",
        "`update --restart` is Docker's flag; Podman 4.3's update has no --restart",
    ),
    (
        "mount",
        "cove mounts a container's root filesystem rootless (in its own mount namespace); \
         Podman 4.3 requires `podman unshare` first",
    ),
    (
        "cp overwrite",
        "a directory and a non-directory replacing each other: Podman's error is a \
         multi-line dump of its copier's request; cove's is one line naming --overwrite",
    ),
    (
        "diff",
        "/etc is not listed as changed: the files cove binds on /etc/hosts, /etc/hostname \
         and /etc/resolv.conf are mounted on targets in a layer below the image's, as \
         Docker's init layer holds them; Podman creates the targets in the container's \
         upper directory",
    ),
];

struct Masks(Vec<(Regex, &'static str)>);

impl Masks {
    fn new() -> Masks {
        let m = |re: &str, with: &'static str| (Regex::new(re).unwrap(), with);
        Masks(vec![
            m(r"sha256:[0-9a-f]{64}", "<DIGEST>"),
            m(r"\b[0-9a-f]{64}\b", "<ID>"),
            m(r"\b[0-9a-f]{12}\b", "<ID>"),
            // Secret IDs.
            m(r"\b[0-9a-f]{25}\b", "<ID>"),
            m(
                r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?( ?(Z|[+-]\d{2}:?\d{2}))?( [A-Z]{3,4})?",
                "<TIME>",
            ),
            m(
                r"(Less than a second|About a minute|About an hour|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?))( ago)?",
                "<DURATION>",
            ),
            m(r"\b\d+(\.\d+)?\s?(B|kB|KB|MB|GB|KiB|MiB|GiB)\b", "<SIZE>"),
            // Go's durations (top's ELAPSED and TIME).
            m(r"\b(\d+h)?(\d+m)?\d+(\.\d+)?(s|ms|µs|ns)\b", "<DURATION>"),
            m(r"[ \t]+", " "),
        ])
    }

    fn apply(&self, text: &str) -> String {
        let mut t = text.to_string();
        for (re, with) in &self.0 {
            t = re.replace_all(&t, *with).into_owned();
        }
        t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
    }
}

/// Split a step into arguments: blanks separate, '...' quotes.
fn split(step: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in step.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    args.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        args.push(cur);
    }
    args
}

/// What a step showed: exit code, stdout, and the `Error:` lines of stderr (progress and
/// warnings on stderr differ by design and are not compared).
fn seen(out: &Output, masks: &Masks, out_dir: &str) -> String {
    // The tool's own name (`podman ps --help`) is not a difference.
    let text = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(out_dir, "{OUT}")
            .replace("podman", "cove")
    };
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("Error:")).collect();
    format!(
        "exit {}\n{}\n{}",
        exit_code(out),
        masks.apply(&stdout),
        masks.apply(&errors.join("\n"))
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Tool {
    Cove,
    Podman,
}

fn run_step(env: &TestEnv, tool: Tool, args: &[&str]) -> Output {
    match tool {
        Tool::Cove => env.cove(args),
        Tool::Podman => env.podman(args),
    }
}

#[test]
fn scenarios_match_podman() {
    let env = TestEnv::new("differential");
    let img = common::image("busybox");
    let reg = common::registry();
    let port = common::free_port().to_string();
    let masks = Masks::new();
    let out_dirs: BTreeMap<&str, String> = [("cove", "out-cove"), ("podman", "out-podman")]
        .into_iter()
        .map(|(t, d)| {
            let p = env.home.join(d);
            common::user_dir(&p, 0o700);
            env.write_user_file(&p.join("secret.txt"), "s3cret\n");
            (t, p.display().to_string())
        })
        .collect();
    env.cove_ok(&["pull", "-q", &img]);
    env.podman_ok(&["pull", "-q", &img]);

    let mut matched = 0;
    let mut unexpected = Vec::new();
    let mut listed_but_matching = Vec::new();
    // COVE_DIFF_ONLY=TEXT runs only the scenarios whose name contains TEXT (for working
    // on one); the suite runs them all.
    let only = std::env::var("COVE_DIFF_ONLY").unwrap_or_default();
    for sc in SCENARIOS
        .iter()
        .filter(|sc| sc.name.contains(only.as_str()))
    {
        let mut shown: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (tool, label) in [(Tool::Cove, "cove"), (Tool::Podman, "podman")] {
            let out_dir = &out_dirs[label];
            for step in sc.steps {
                let (compared, step) = match step.strip_prefix('~') {
                    Some(rest) => (false, rest),
                    None => (true, *step),
                };
                let (sorted, step) = match step.strip_prefix('^') {
                    Some(rest) => (true, rest),
                    None => (false, step),
                };
                let line = step
                    .replace("{IMG}", &img)
                    .replace("{REG}", &reg)
                    .replace("{PORT}", &port)
                    .replace("{OUT}", out_dir);
                let args = split(&line);
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let mut out = run_step(&env, tool, &args);
                if sorted {
                    let text = String::from_utf8_lossy(&out.stdout).into_owned();
                    let mut lines: Vec<&str> = text.lines().collect();
                    lines.sort_unstable();
                    out.stdout = lines.join("\n").into_bytes();
                }
                if compared {
                    shown
                        .entry(label)
                        .or_default()
                        .push(format!("$ {step}\n{}", seen(&out, &masks, out_dir)));
                }
            }
        }
        let same = shown["cove"] == shown["podman"];
        let listed = DIFFERENCES.iter().any(|(n, _)| *n == sc.name);
        if same {
            matched += 1;
        }
        println!("{}: {}", sc.name, if same { "same" } else { "differs" });
        match (same, listed) {
            (true, true) => listed_but_matching.push(sc.name),
            (false, false) => {
                // Every step, the differing ones marked: a step's output often explains
                // the next one's.
                let steps: Vec<String> = shown["cove"]
                    .iter()
                    .zip(&shown["podman"])
                    .map(|(c, p)| match c == p {
                        true => format!("(same)\n{c}"),
                        false => format!("--- cove\n{c}\n--- podman\n{p}"),
                    })
                    .collect();
                unexpected.push(format!("[{}]\n{}", sc.name, steps.join("\n")));
            }
            _ => {}
        }
    }
    println!(
        "differential: {matched} of {} scenarios match Podman 4.3 exactly; {} differ on purpose",
        SCENARIOS.len(),
        DIFFERENCES.len()
    );
    for (name, why) in DIFFERENCES {
        println!("  {name}: {why}");
    }
    assert!(
        unexpected.is_empty(),
        "{} scenarios differ from Podman:\n{}",
        unexpected.len(),
        unexpected.join("\n\n")
    );
    assert!(
        listed_but_matching.is_empty(),
        "listed as different but matching now: {listed_but_matching:?}"
    );
}
