//! The EXAMPLES of `--help` and of the man pages, by command path, in one table so the
//! clap definitions stay readable. `command()` is the clap command with them added: the
//! parser, the completions and the man pages all start from it.

use clap::CommandFactory;

use super::Cli;

/// (command paths sharing the examples, example command lines).
const EXAMPLES: &[(&[&str], &[&str])] = &[
    (
        &["run", "container run"],
        &[
            "cove run --rm -it docker.io/library/alpine sh",
            "cove run -d --name web -p 8080:80 docker.io/library/nginx",
            "cove run --rm -v data:/var/lib/data -e MODE=test alpine ls /var/lib/data",
            "cove run --rm --userns keep-id -v \"$PWD\":/src -w /src alpine ls",
            "cove run -d --name api --restart on-failure:3 --health-cmd 'wget -qO- localhost:8080/health' IMAGE",
        ],
    ),
    (
        &["events"],
        &[
            "cove events --filter container=web",
            "cove events --since 10m --stream=false --format json",
            "cove events --filter event=die --format '{{.Name}} exited with {{.ContainerExitCode}}'",
        ],
    ),
    (
        &["healthcheck run"],
        &[
            "cove run -d --name web --health-cmd 'nc -z 127.0.0.1 80' --health-interval 10s IMAGE",
            "cove healthcheck run web && echo web is healthy",
        ],
    ),
    (
        &["create", "container create"],
        &[
            "cove create --name db -e POSTGRES_PASSWORD=secret docker.io/library/postgres",
            "cove create -it --name shell alpine sh",
        ],
    ),
    (
        &["start", "container start"],
        &[
            "cove start db",
            "cove start -ai shell",
            "cove start --all --filter restart-policy=on-failure",
            "cove start --all --boot",
        ],
    ),
    (
        &["stop", "container stop"],
        &["cove stop web", "cove stop -t 2 web db", "cove stop --all"],
    ),
    (
        &["kill", "container kill"],
        &["cove kill web", "cove kill -s HUP web"],
    ),
    (
        &["rm", "container rm"],
        &["cove rm web", "cove rm -f web", "cove rm -v $(cove ps -aq)"],
    ),
    (
        &["ps", "container ls"],
        &[
            "cove ps",
            "cove ps -a --filter status=exited",
            "cove ps --format '{{.Names}} {{.Status}}'",
        ],
    ),
    (
        &["logs", "container logs"],
        &[
            "cove logs web",
            "cove logs -f --tail 20 web",
            "cove logs --since 10m -t web",
        ],
    ),
    (
        &["exec", "container exec"],
        &[
            "cove exec -it web sh",
            "cove exec web cat /etc/os-release",
            "cove exec -u 1000 -e DEBUG=1 web env",
        ],
    ),
    (
        &["wait", "container wait"],
        &["cove wait job", "cove wait job1 job2"],
    ),
    (
        &["restart", "container restart"],
        &["cove restart web", "cove restart -t 0 web"],
    ),
    (
        &["attach", "container attach"],
        &["cove attach shell", "cove attach --detach-keys ctrl-x web"],
    ),
    (
        &["pause", "container pause"],
        &["cove pause web", "cove unpause web"],
    ),
    (
        &["unpause", "container unpause"],
        &["cove pause web", "cove unpause web"],
    ),
    (&["top", "container top"], &["cove top web"]),
    (
        &["port", "container port"],
        &["cove port web", "cove port web 80/tcp"],
    ),
    (
        &["stats", "container stats"],
        &["cove stats", "cove stats --no-stream web"],
    ),
    (
        &["cp", "container cp"],
        &[
            "cove cp ./config.yml web:/etc/app/config.yml",
            "cove cp web:/var/log/app.log .",
        ],
    ),
    (&["diff", "container diff"], &["cove diff web"]),
    (
        &["export", "container export"],
        &["cove export web > web.tar", "cove export -o web.tar web"],
    ),
    (
        &["commit", "container commit"],
        &[
            "cove commit web localhost/web:snapshot",
            "cove commit --change 'CMD [\"/app\"]' web localhost/app",
        ],
    ),
    (
        &["container inspect"],
        &[
            "cove container inspect web",
            "cove container inspect --format '{{.State.Status}}' web",
        ],
    ),
    (
        &["rename", "container rename"],
        &["cove rename web frontend"],
    ),
    (
        &["container exists"],
        &["cove container exists web && echo present"],
    ),
    (
        &["container prune"],
        &[
            "cove container prune -f",
            "cove container prune -f --filter until=24h",
        ],
    ),
    (
        &["container mount"],
        &["cove unshare sh -c 'ls $(cove container mount web)'"],
    ),
    (&["container unmount"], &["cove container unmount web"]),
    (
        &["pull", "image pull"],
        &[
            "cove pull docker.io/library/alpine:3.20",
            "cove pull --platform linux/arm64 alpine",
            "cove pull -q registry.example.com/team/app:1.2",
        ],
    ),
    (
        &["push", "image push"],
        &[
            "cove push registry.example.com/team/app:1.2",
            "cove push localhost/app docker://registry.example.com/team/app:latest",
        ],
    ),
    (
        &["images", "image ls"],
        &[
            "cove images",
            "cove images --filter dangling=true",
            "cove images --format '{{.Repository}}:{{.Tag}} {{.Size}}'",
        ],
    ),
    (
        &["inspect", "image inspect"],
        &[
            "cove inspect alpine",
            "cove inspect --format '{{.Config.Cmd}}' alpine",
        ],
    ),
    (
        &["tag", "image tag"],
        &["cove tag alpine registry.example.com/base/alpine:3.20"],
    ),
    (&["untag", "image untag"], &["cove untag alpine"]),
    (
        &["rmi", "image rm"],
        &["cove rmi alpine", "cove rmi -f $(cove images -q)"],
    ),
    (
        &["history", "image history"],
        &["cove history alpine", "cove history --no-trunc alpine"],
    ),
    (
        &["save", "image save"],
        &[
            "cove save -o alpine.tar alpine",
            "cove save --format oci-archive -o app.tar localhost/app",
        ],
    ),
    (
        &["load", "image load"],
        &["cove load -i alpine.tar", "cove load < app.tar"],
    ),
    (
        &["import", "image import"],
        &[
            "cove import rootfs.tar localhost/rootfs",
            "cove import --change 'CMD [\"/bin/sh\"]' rootfs.tar localhost/shell",
        ],
    ),
    (
        &["image prune"],
        &["cove image prune -f", "cove image prune -a -f"],
    ),
    (
        &["image mount"],
        &["cove unshare sh -c 'ls $(cove image mount alpine)'"],
    ),
    (&["image unmount"], &["cove image unmount alpine"]),
    (
        &["image exists"],
        &["cove image exists alpine || cove pull alpine"],
    ),
    (
        &["login"],
        &[
            "cove login registry.example.com",
            "echo \"$TOKEN\" | cove login -u ci --password-stdin registry.example.com",
        ],
    ),
    (
        &["logout"],
        &["cove logout registry.example.com", "cove logout --all"],
    ),
    (
        &["generate systemd"],
        &[
            "cove generate systemd --new --name web",
            "cove generate systemd --new --name --files --restart-policy always web",
            "cove generate systemd --name -t 5 --after db.service web",
        ],
    ),
    (
        &["kube generate"],
        &[
            "cove kube generate web > web.yaml",
            "cove kube generate --service -f web.yaml web db",
        ],
    ),
    (
        &["kube play"],
        &[
            "cove kube play web.yaml",
            "cove kube play --replace --configmap settings.yaml web.yaml",
            "cove kube play --start=false web.yaml",
        ],
    ),
    (&["kube down"], &["cove kube down web.yaml"]),
    (
        &["volume create"],
        &[
            "cove volume create data",
            "cove volume create --label app=db pgdata",
        ],
    ),
    (
        &["volume ls"],
        &["cove volume ls", "cove volume ls --filter dangling=true"],
    ),
    (
        &["volume inspect"],
        &[
            "cove volume inspect data",
            "cove volume inspect --format '{{.Mountpoint}}' data",
        ],
    ),
    (
        &["volume rm"],
        &["cove volume rm data", "cove volume rm -f data"],
    ),
    (
        &["volume prune"],
        &[
            "cove volume prune -f",
            "cove volume prune -f --filter label=app=db",
        ],
    ),
    (
        &["volume exists"],
        &["cove volume exists data || cove volume create data"],
    ),
    (
        &["network create"],
        &[
            "cove network create backend",
            "cove network create --subnet 10.90.0.0/24 --internal private",
        ],
    ),
    (&["network ls"], &["cove network ls", "cove network ls -q"]),
    (&["network inspect"], &["cove network inspect backend"]),
    (
        &["network rm"],
        &["cove network rm backend", "cove network rm -f backend"],
    ),
    (&["network prune"], &["cove network prune -f"]),
    (
        &["network connect"],
        &[
            "cove network connect backend web",
            "cove network connect --alias api backend web",
        ],
    ),
    (
        &["network disconnect"],
        &["cove network disconnect backend web"],
    ),
    (
        &["network exists"],
        &["cove network exists backend || cove network create backend"],
    ),
    (
        &["info", "system info"],
        &[
            "cove info",
            "cove info --format '{{.Store.GraphDriverName}}'",
            "cove info --format json",
        ],
    ),
    (
        &["version"],
        &[
            "cove version",
            "cove version --format '{{.Client.Version}}'",
        ],
    ),
    (
        &["unshare"],
        &["cove unshare", "cove unshare ls -ln ~/.local/share/cove"],
    ),
    (
        &["completion"],
        &[
            "cove completion bash > ~/.local/share/bash-completion/completions/cove",
            "cove completion zsh > ~/.zfunc/_cove",
        ],
    ),
    (
        &["system df"],
        &[
            "cove system df",
            "cove system df -v",
            "cove system df --format json",
        ],
    ),
    (
        &["system prune"],
        &[
            "cove system prune",
            "cove system prune -a -f --volumes",
            "cove system prune -f --filter until=168h",
        ],
    ),
    (
        &["system reset"],
        &["cove system reset", "cove system reset -f"],
    ),
];

/// The header `--help` shows above the example lines; the man pages use their own.
const HEADER: &str = "Examples:";

/// The clap command with every EXAMPLES section added. A command group's own commands
/// exist only once clap builds the group (cli/lazy.rs): their examples are added then, by
/// [`nested`].
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    for (path, text) in sections() {
        if path.len() == 1 {
            cmd = with_examples(cmd, &path, &text);
        }
    }
    cmd
}

/// `group` (a top-level command group, just built) with the examples of the commands in it.
pub fn nested(mut group: clap::Command) -> clap::Command {
    for (path, text) in sections() {
        if let [first, rest @ ..] = path.as_slice() {
            if !rest.is_empty() && group.get_name() == *first {
                group = with_examples(group, rest, &text);
            }
        }
    }
    group
}

/// Every (command path, examples text) pair of the table.
fn sections() -> impl Iterator<Item = (Vec<&'static str>, String)> {
    EXAMPLES.iter().flat_map(|(paths, lines)| {
        let text: String = lines.iter().map(|l| format!("\n  {l}")).collect();
        let text = format!("{HEADER}{text}");
        paths
            .iter()
            .map(move |p| (p.split(' ').collect(), text.clone()))
    })
}

/// `mut_subcommand` panics on a name that does not exist: a stale table fails every test
/// that builds the command (the generated-files test among them).
fn with_examples(cmd: clap::Command, path: &[&str], text: &str) -> clap::Command {
    match path.split_first() {
        None => cmd.after_long_help(text.to_string()),
        Some((first, rest)) => cmd.mut_subcommand(*first, |sub| with_examples(sub, rest, text)),
    }
}

/// The example lines of a command's `after_long_help`, for the man page.
pub fn lines_of(cmd: &clap::Command) -> Vec<String> {
    cmd.get_after_long_help()
        .map(|h| h.to_string())
        .and_then(|h| h.strip_prefix(HEADER).map(str::to_string))
        .map(|h| {
            h.lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_command_exists_and_gets_its_examples() {
        let mut cmd = command();
        cmd.build();
        for (path, _) in sections() {
            let found = path
                .iter()
                .try_fold(&cmd, |c, name| c.find_subcommand(name));
            assert!(found.is_some_and(|c| !lines_of(c).is_empty()), "{path:?}");
        }
        let run = cmd.find_subcommand("run").unwrap();
        assert!(lines_of(run)[0].starts_with("cove run"));
        let df = cmd
            .find_subcommand("system")
            .and_then(|s| s.find_subcommand("df"))
            .unwrap();
        assert_eq!(lines_of(df).len(), 3);
    }
}
