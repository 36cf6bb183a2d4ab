# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cove_global_optspecs
    string join \n storage-driver= root= runroot= log-level= cgroup-manager= noout events-backend= runtime= runtime-flag= tmpdir= hooks-dir= storage-opt= D/debug h/help V/version
end

function __fish_cove_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cove_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cove_using_subcommand
    set -l cmd (__fish_cove_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cove -n "__fish_cove_needs_command" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_needs_command" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_needs_command" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_needs_command" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_needs_command" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_needs_command" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_needs_command" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_needs_command" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_needs_command" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_needs_command" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_needs_command" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_needs_command" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_needs_command" -s D -l debug -d 'Docker\'s -D/--debug, before the command: the same as --log-level debug'
complete -c cove -n "__fish_cove_needs_command" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_needs_command" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_needs_command" -f -a "init" -d 'Create containers in the runtime without starting them'
complete -c cove -n "__fish_cove_needs_command" -f -a "update" -d 'Change a container\'s restart policy (resource limits need a delegated cgroup)'
complete -c cove -n "__fish_cove_needs_command" -f -a "mount" -d 'Mount a container\'s root filesystem and print its path (none: list the mounted)'
complete -c cove -n "__fish_cove_needs_command" -f -a "unmount" -d 'Unmount a container\'s root filesystem'
complete -c cove -n "__fish_cove_needs_command" -f -a "container" -d 'Manage containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "volume" -d 'Manage volumes'
complete -c cove -n "__fish_cove_needs_command" -f -a "network" -d 'Manage networks'
complete -c cove -n "__fish_cove_needs_command" -f -a "secret" -d 'Manage secrets'
complete -c cove -n "__fish_cove_needs_command" -f -a "pod" -d 'Manage pods'
complete -c cove -n "__fish_cove_needs_command" -f -a "search" -d 'Search registries for images'
complete -c cove -n "__fish_cove_needs_command" -f -a "manifest" -d 'Manage manifest lists (multi-platform images)'
complete -c cove -n "__fish_cove_needs_command" -f -a "image" -d 'Manage images'
complete -c cove -n "__fish_cove_needs_command" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile'
complete -c cove -n "__fish_cove_needs_command" -f -a "healthcheck" -d 'Run health checks of containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "system" -d 'Manage cove: disk usage, pruning, reset'
complete -c cove -n "__fish_cove_needs_command" -f -a "generate" -d 'Generate files that run containers elsewhere (systemd units)'
complete -c cove -n "__fish_cove_needs_command" -f -a "builder" -d 'Manage the build cache (Docker\'s `builder`)'
complete -c cove -n "__fish_cove_needs_command" -f -a "checkpoint" -d 'Checkpoints of containers (Docker\'s; needs root and CRIU)'
complete -c cove -n "__fish_cove_needs_command" -f -a "kube" -d 'Play Kubernetes YAML as pods of containers, generate it from them'
complete -c cove -n "__fish_cove_needs_command" -f -a "auto-update" -d 'Update containers labelled io.containers.autoupdate to their image\'s newest version'
complete -c cove -n "__fish_cove_needs_command" -f -a "play" -d 'Podman 3\'s `play kube`: `kube play`'
complete -c cove -n "__fish_cove_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c cove -n "__fish_cove_needs_command" -f -a "events" -d 'Show events: containers created, started, dying, removed, images pulled, ...'
complete -c cove -n "__fish_cove_needs_command" -f -a "create" -d 'Create a container without starting it'
complete -c cove -n "__fish_cove_needs_command" -f -a "start" -d 'Start one or more containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "stop" -d 'Stop one or more running containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "kill" -d 'Send a signal to one or more running containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "rm" -d 'Remove one or more containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "ps" -d 'List containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "logs" -d 'Fetch the logs of a container'
complete -c cove -n "__fish_cove_needs_command" -f -a "exec" -d 'Run a command in a running container'
complete -c cove -n "__fish_cove_needs_command" -f -a "wait" -d 'Block until containers stop, then print their exit codes'
complete -c cove -n "__fish_cove_needs_command" -f -a "restart" -d 'Restart one or more containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "attach" -d 'Attach to a running container'
complete -c cove -n "__fish_cove_needs_command" -f -a "pause" -d 'Pause all processes of one or more containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "unpause" -d 'Unpause one or more containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "top" -d 'Display the running processes of a container'
complete -c cove -n "__fish_cove_needs_command" -f -a "port" -d 'List the published ports of a container'
complete -c cove -n "__fish_cove_needs_command" -f -a "stats" -d 'Display resource usage of containers'
complete -c cove -n "__fish_cove_needs_command" -f -a "cp" -d 'Copy files between a container and the host'
complete -c cove -n "__fish_cove_needs_command" -f -a "diff" -d 'Show the changes to a container\'s filesystem'
complete -c cove -n "__fish_cove_needs_command" -f -a "export" -d 'Export a container\'s filesystem as a tar archive'
complete -c cove -n "__fish_cove_needs_command" -f -a "commit" -d 'Create an image from a container\'s changes'
complete -c cove -n "__fish_cove_needs_command" -f -a "rename" -d 'Rename a container'
complete -c cove -n "__fish_cove_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c cove -n "__fish_cove_needs_command" -f -a "push" -d 'Push an image to a registry'
complete -c cove -n "__fish_cove_needs_command" -f -a "images" -d 'List images'
complete -c cove -n "__fish_cove_needs_command" -f -a "inspect" -d 'Display low-level information on images'
complete -c cove -n "__fish_cove_needs_command" -f -a "tag" -d 'Add names to an image'
complete -c cove -n "__fish_cove_needs_command" -f -a "untag" -d 'Remove names from an image'
complete -c cove -n "__fish_cove_needs_command" -f -a "rmi" -d 'Remove one or more images'
complete -c cove -n "__fish_cove_needs_command" -f -a "history" -d 'Show the history of an image'
complete -c cove -n "__fish_cove_needs_command" -f -a "save" -d 'Save images to an archive'
complete -c cove -n "__fish_cove_needs_command" -f -a "load" -d 'Load images from an archive'
complete -c cove -n "__fish_cove_needs_command" -f -a "import" -d 'Create an image from a filesystem tarball'
complete -c cove -n "__fish_cove_needs_command" -f -a "login" -d 'Log in to a registry'
complete -c cove -n "__fish_cove_needs_command" -f -a "logout" -d 'Log out of a registry'
complete -c cove -n "__fish_cove_needs_command" -f -a "info" -d 'Display system-wide information'
complete -c cove -n "__fish_cove_needs_command" -f -a "version" -d 'Show version information'
complete -c cove -n "__fish_cove_needs_command" -f -a "unshare" -d 'Run a command in cove\'s namespace (root: cove\'s mount namespace)'
complete -c cove -n "__fish_cove_needs_command" -f -a "completion" -d 'Generate shell completion scripts'
complete -c cove -n "__fish_cove_using_subcommand init" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand init" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand init" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand init" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand init" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand init" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand init" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand init" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand init" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand init" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand init" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand init" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand init" -s a -l all -d 'Initialize every container not initialized yet'
complete -c cove -n "__fish_cove_using_subcommand init" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand init" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand init" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand update" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand update" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand update" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand update" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand update" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand update" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand update" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand update" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l restart -d 'Restart policy from now on: no, on-failure[:MAX], always, unless-stopped' -r
complete -c cove -n "__fish_cove_using_subcommand update" -s m -l memory -d 'Memory limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l cpus -d 'Number of CPUs (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l pids-limit -d 'Process limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l cpu-period -d 'CPU CFS period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l cpu-quota -d 'CPU CFS quota in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l cpu-rt-period -d 'CPU real-time period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l cpu-rt-runtime -d 'CPU real-time runtime in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -s c -l cpu-shares -d 'CPU shares, a relative weight (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l cpuset-cpus -d 'CPUs the container may use, e.g. 0-3 or 0,1 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l cpuset-mems -d 'Memory nodes the container may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE, e.g. /dev/sda:1mb; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l device-read-iops -d 'Read operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l device-write-iops -d 'Write operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l memory-reservation -d 'Memory soft limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l memory-swap -d 'Memory plus swap limit, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l memory-swappiness -d 'Swappiness, 0 to 100 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l kernel-memory -d 'Kernel memory limit (Docker; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand update" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand update" -l oom-kill-disable -d 'Do not kill the container\'s processes when out of memory (needs a delegated cgroup)'
complete -c cove -n "__fish_cove_using_subcommand update" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand update" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand mount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand mount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand mount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand mount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand mount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand mount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand mount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand mount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand mount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand mount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand mount" -l format -d 'Format of the list of mounted containers (no containers given): json' -r
complete -c cove -n "__fish_cove_using_subcommand mount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand mount" -s a -l all -d 'Mount every container'
complete -c cove -n "__fish_cove_using_subcommand mount" -l no-trunc -d 'Full container IDs in the list of mounted containers'
complete -c cove -n "__fish_cove_using_subcommand mount" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand mount" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand mount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand unmount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand unmount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unmount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand unmount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand unmount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand unmount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand unmount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unmount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unmount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand unmount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand unmount" -s a -l all -d 'Unmount every mounted container'
complete -c cove -n "__fish_cove_using_subcommand unmount" -s f -l force -d 'Unmount even if others use the mount (cove counts no users: the same as without)'
complete -c cove -n "__fish_cove_using_subcommand unmount" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand unmount" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand unmount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "init" -d 'Create containers in the runtime without starting them'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "update" -d 'Change a container\'s restart policy (resource limits need a delegated cgroup)'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "clone" -d 'Create a copy of a container from its settings'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "checkpoint" -d 'Checkpoint running containers (needs root and CRIU)'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "restore" -d 'Restore checkpointed containers (needs root and CRIU)'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "runlabel" -d 'Run the command an image\'s label describes'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "cleanup" -d 'Release what ended containers hold (cove-conmon runs it when one exits)'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "copy-helper" -d 'Copy inside a running container\'s namespaces (started by `cp` itself)'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "run" -d 'Run a command in a new container'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "create" -d 'Create a container without starting it'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "start" -d 'Start one or more containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "stop" -d 'Stop one or more running containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "kill" -d 'Send a signal to one or more running containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "rm" -d 'Remove one or more containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "ls" -d 'List containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "list" -d 'List containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "logs" -d 'Fetch the logs of a container'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "exec" -d 'Run a command in a running container'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "wait" -d 'Block until containers stop, then print their exit codes'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "restart" -d 'Restart one or more containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "attach" -d 'Attach to a running container'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "pause" -d 'Pause all processes of one or more containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "unpause" -d 'Unpause one or more containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "top" -d 'Display the running processes of a container'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "port" -d 'List the published ports of a container'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "stats" -d 'Display resource usage of containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "cp" -d 'Copy files between a container and the host'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "diff" -d 'Show the changes to a container\'s filesystem'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "export" -d 'Export a container\'s filesystem as a tar archive'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "commit" -d 'Create an image from a container\'s changes'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "inspect" -d 'Display detailed information on containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "rename" -d 'Rename a container'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "exists" -d 'Check whether a container exists (exit 0 if it does, 1 if not)'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "prune" -d 'Remove all stopped containers'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "mount" -d 'Mount a container\'s root filesystem and print its path (none: list the mounted)'
complete -c cove -n "__fish_cove_using_subcommand container; and not __fish_seen_subcommand_from init update clone checkpoint restore runlabel cleanup copy-helper run create start stop kill rm ls list logs exec wait restart attach pause unpause top port stats cp diff export commit inspect rename exists prune mount unmount" -f -a "unmount" -d 'Unmount a container\'s root filesystem'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -s a -l all -d 'Initialize every container not initialized yet'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l restart -d 'Restart policy from now on: no, on-failure[:MAX], always, unless-stopped' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -s m -l memory -d 'Memory limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l cpus -d 'Number of CPUs (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l pids-limit -d 'Process limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-period -d 'CPU CFS period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-quota -d 'CPU CFS quota in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-rt-period -d 'CPU real-time period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-rt-runtime -d 'CPU real-time runtime in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -s c -l cpu-shares -d 'CPU shares, a relative weight (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l cpuset-cpus -d 'CPUs the container may use, e.g. 0-3 or 0,1 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l cpuset-mems -d 'Memory nodes the container may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE, e.g. /dev/sda:1mb; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l device-read-iops -d 'Read operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l device-write-iops -d 'Write operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-reservation -d 'Memory soft limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-swap -d 'Memory plus swap limit, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-swappiness -d 'Swappiness, 0 to 100 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l kernel-memory -d 'Kernel memory limit (Docker; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l oom-kill-disable -d 'Do not kill the container\'s processes when out of memory (needs a delegated cgroup)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l name -d 'Name of the copy (default: NAME-clone)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l pod -d 'Put the copy in another pod (refused: clone the pod with `pod clone`)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -s m -l memory -d 'Memory limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l cpus -d 'Number of CPUs (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l pids-limit -d 'Process limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l cpu-period -d 'CPU CFS period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l cpu-quota -d 'CPU CFS quota in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l cpu-rt-period -d 'CPU real-time period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l cpu-rt-runtime -d 'CPU real-time runtime in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -s c -l cpu-shares -d 'CPU shares, a relative weight (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l cpuset-cpus -d 'CPUs the container may use, e.g. 0-3 or 0,1 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l cpuset-mems -d 'Memory nodes the container may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE, e.g. /dev/sda:1mb; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l device-read-iops -d 'Read operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l device-write-iops -d 'Write operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l memory-reservation -d 'Memory soft limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l memory-swap -d 'Memory plus swap limit, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l memory-swappiness -d 'Swappiness, 0 to 100 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l kernel-memory -d 'Kernel memory limit (Docker; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l destroy -d 'Remove the original container once the copy exists'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -s f -l force -d 'With --destroy: remove the original even while it runs'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l run -d 'Start the copy'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l oom-kill-disable -d 'Do not kill the container\'s processes when out of memory (needs a delegated cgroup)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from clone" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s c -l compress -d 'Compression of the exported checkpoint: gzip, none, zstd' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l create-image -d 'Create an image holding the checkpoint' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s e -l export -d 'Export the checkpoint to a tar archive' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s a -l all -d 'Checkpoint all running containers'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l file-locks -d 'Checkpoint a container with file locks'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l ignore-rootfs -d 'Leave the root filesystem\'s changes out of the exported checkpoint'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l ignore-volumes -d 'Leave volumes out of the exported checkpoint'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s k -l keep -d 'Keep the checkpoint\'s files and logs'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s l -l latest -d 'Act on the last created container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s R -l leave-running -d 'Leave the container running after the checkpoint'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s P -l pre-checkpoint -d 'Dump memory only, keeping the container running'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l print-stats -d 'Print statistics about the checkpoint'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l tcp-established -d 'Checkpoint a container with established TCP connections'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l with-previous -d 'Checkpoint on top of a previous pre-checkpoint'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from checkpoint" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -s i -l import -d 'Restore from this exported checkpoint' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l import-previous -d 'Restore from this exported pre-checkpoint' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -s n -l name -d 'The name of the restored container (with --import)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l pod -d 'Restore into this pod' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -s p -l publish -d 'Publish these ports in the restored container (with --import)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -s a -l all -d 'Restore all checkpointed containers'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l file-locks -d 'Restore a container with file locks'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l ignore-rootfs -d 'Do not restore the root filesystem\'s changes'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l ignore-static-ip -d 'Ignore the IP address the container had'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l ignore-static-mac -d 'Ignore the MAC address the container had'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l ignore-volumes -d 'Do not restore volumes'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -s k -l keep -d 'Keep the checkpoint\'s files and logs'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -s l -l latest -d 'Act on the last created container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l print-stats -d 'Print statistics about the restore'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l tcp-established -d 'Restore a container with established TCP connections'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l cert-dir -d 'Directory of certificates for the registry: CA certificates as *.crt' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s n -l name -d 'Name for the container (NAME and $NAME in the label)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l display -d 'Print the command the label would run, without running it'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s q -l quiet -d 'Print nothing while pulling the image, and none of the command\'s output'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l replace -d 'Remove the container the command names with --name first, if it exists'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l exec -d 'Clean up an exec session (cove\'s exec sessions leave nothing to clean up)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s a -l all -d 'Every container that has ended'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l rm -d 'Remove the container after cleaning it up'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l rmi -d 'Remove the container\'s image too, unless other containers use it (implies --rm)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from copy-helper" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Key sequence for detaching (default ctrl-p,ctrl-q)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l preserve-fds -d 'Pass file descriptors 3 to 3+N-1 of cove on to the container\'s process' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Assign a name to the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l pod -d 'Run in an existing pod, or a new one with new:NAME' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l pod-id-file -d 'Run in the pod whose ID is in this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to take it from the host)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read environment variables from a file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l hostname -d 'Container host name' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add Linux capabilities' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined, seccomp=PROFILE.json (OCI or Docker format)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'Signal to stop the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy when the container exits: no, on-failure[:MAX], always, unless-stopped' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l health-cmd -d 'Command to check the container\'s health (run by /bin/sh -c inside it), or "none"' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l health-interval -d 'Time between health checks (e.g. 30s, 1m30s)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l health-retries -d 'Failed checks in a row before the container is unhealthy' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-period -d 'Time after start during which failed checks do not count' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l health-timeout -d 'Longest a check may run before it counts as failed' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, restart, stop' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Network mode: slirp4netns[:OPTIONS] (default), pasta[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or the name of a network (`cove network create`)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l ipc -d 'IPC namespace: shareable (default), private, host, none (no /dev/shm), container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l uts -d 'UTS namespace (hostname): private (default), host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l pid -d 'PID namespace: private (default), host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroupns -d 'cgroup namespace: private (default on cgroup v2), host (default on v1)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l sysctl -d 'Set a namespaced kernel parameter (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l network-alias -d 'Another name the container has on its network (for the network\'s DNS)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l ip -d 'The container\'s IPv4 address on its network' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l expose -d 'Expose a port (or range) without publishing it, for -P' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'Set a custom DNS server' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'Set a custom DNS search domain ("." for none)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'Set a DNS resolver option' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add a custom host-to-IP mapping (HOST:IP, IP may be host-gateway)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l mac-address -d 'Container MAC address (slirp4netns)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime -d 'OCI runtime to use: a name on PATH or a path (default: the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'Pull policy: missing, always, never, newer' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l log-opt -d 'Logging driver options (max-size=SIZE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Bind mount a volume (HOST-DIR:CONTAINER-DIR[:OPTIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs directory (DIR[:OPTIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Resource limit (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l shm-size -d 'Size of /dev/shm (e.g. 64m)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace: "" (default) or keep-id (run as your own uid inside)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Attach a filesystem mount (type=bind|volume|tmpfs,source=...,target=...[,readonly])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l sdnotify -d 'Under systemd ($NOTIFY_SOCKET): who reports readiness, the container\'s own process (container), cove once it runs (conmon), or nobody (ignore)' -r -f -a "container\t''
conmon\t''
ignore\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l annotation -d 'Add an annotation to the container\'s runtime spec (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l label-file -d 'Read labels from a file (KEY=VALUE lines)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv -d 'Remove a variable from the container\'s environment' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l http-proxy -d 'Pass the caller\'s proxy variables (http_proxy, ...) into the container' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l umask -d 'The container\'s umask (octal)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l group-add -d 'Add supplementary groups (names from the image\'s /etc/group, or numbers)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l tz -d 'Time zone: local (the host\'s) or an IANA name such as Europe/Paris' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container ID to this file (which must not exist)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l pidfile -d 'Write the container\'s PID to this file at each start' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l log-driver -d 'Logging driver: k8s-file (default), json-file (the same format), none' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l init-path -d 'Path of the init binary --init runs (default: cove-init)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l secret -d 'Give the container a secret (NAME[,type=mount|env][,target=T][,uid=U][,gid=G][,mode=M])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l volumes-from -d 'Mount the volumes of another container (CONTAINER[:ro|rw])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l device -d 'Bind a host device into the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l platform -d 'Platform of the image (os/arch[/variant]): this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l arch -d 'Architecture of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l os -d 'Operating system of the image: linux' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l variant -d 'Architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l tls-verify -d 'Require HTTPS and verify certificates when pulling (default: registries.conf)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l authfile -d 'Path of the authentication file for the pull' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'Number of CPUs (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Process limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-period -d 'CPU CFS period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-quota -d 'CPU CFS quota in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-rt-period -d 'CPU real-time period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-rt-runtime -d 'CPU real-time runtime in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s c -l cpu-shares -d 'CPU shares, a relative weight (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-cpus -d 'CPUs the container may use, e.g. 0-3 or 0,1 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-mems -d 'Memory nodes the container may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE, e.g. /dev/sda:1mb; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-iops -d 'Read operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-iops -d 'Write operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-reservation -d 'Memory soft limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swap -d 'Memory plus swap limit, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swappiness -d 'Swappiness, 0 to 100 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l kernel-memory -d 'Kernel memory limit (Docker; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l init-ctr -d 'With --pod: an init container, run to completion at every pod start (always) or at the first (once, then removed), before the pod\'s other containers' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s a -l attach -d 'Attach these streams: stdin, stdout, stderr (default: stdout and stderr, stdin too with -i)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l sig-proxy -d 'Pass the signals cove receives on to the container (run in the foreground)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l timeout -d 'Kill the container after this many seconds (exit code 255)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l requires -d 'Containers to start before this one (comma-separated names or IDs)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l env-merge -d 'Set a variable, ${NAME} in the value being its current value (PATH=/x:${PATH})' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l passwd-entry -d 'The /etc/passwd line added when the user has none ($USERNAME, $UID, $GID, $NAME, $HOME are filled in)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l passwd -d 'Allow cove to add entries to /etc/passwd (--passwd-entry, --hostuser)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l hostuser -d 'Add the host\'s /etc/passwd entry of this user (name or UID) to the container\'s' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l conmon-pidfile -d 'Write the PID of the container\'s monitor (cove-conmon) to this file at each start' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-score-adj -d 'The container\'s OOM score adjustment (-1000 to 1000; rootless: only raised)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l personality -d 'Execution domain: LINUX or LINUX32' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l image-volume -d 'What the image\'s volumes become: bind (anonymous volumes, default), tmpfs, ignore' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l seccomp-policy -d 'Where the seccomp profile comes from: default (image: not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l systemd -d 'Run in systemd mode: true (when the command is an init; default), false, always' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l chrootdirs -d 'Paths inside the container that are chroots (accepted; cove adds nothing to them)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l ip6 -d 'The container\'s IPv6 address (cove\'s networks are IPv4 only)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l uidmap -d 'UID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l gidmap -d 'GID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l subuidname -d 'Name of a range in /etc/subuid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l subgidname -d 'Name of a range in /etc/subgid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroups -d 'Cgroup mode: enabled, disabled, no-conmon (cove creates no cgroup either way), split (refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-parent -d 'Parent cgroup (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-conf -d 'Cgroup v2 setting KEY=VALUE (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l device-cgroup-rule -d 'Device cgroup rule (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l disable-content-trust -d 'Skip image verification (a no-op, as in Podman)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l domainname -d 'The container\'s NIS domain name' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l gpus -d 'GPUs to add (not supported: use --device)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-interval -d 'Time between health checks during the start period' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-opt -d 'Per-container storage option (not supported by cove\'s drivers)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l volume-driver -d 'Volume driver: local only' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run in the background and print the container ID'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l env-host -d 'Pass all host environment variables into the container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give extended privileges to this container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Automatically remove the container when it exits'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l no-healthcheck -d 'Disable any health check, the image\'s included'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish every port the image exposes to a random host port'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l no-hosts -d 'Do not create /etc/hosts for the container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l replace -d 'Remove an existing container of the same --name first, even a running one'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv-all -d 'Remove every variable the image or cove would set'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Suppress the pull\'s progress output'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-kill-disable -d 'Do not kill the container\'s processes when out of memory (needs a delegated cgroup)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l rmi -d 'Remove the image once the container exits and is removed (implies --rm)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l rootfs -d 'Run from this directory instead of an image (not supported: import it)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l use-api-socket -d 'Bind the engine\'s API socket into the container (not supported)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Assign a name to the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l pod -d 'Run in an existing pod, or a new one with new:NAME' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Run in the pod whose ID is in this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to take it from the host)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read environment variables from a file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l hostname -d 'Container host name' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add Linux capabilities' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined, seccomp=PROFILE.json (OCI or Docker format)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'Signal to stop the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy when the container exits: no, on-failure[:MAX], always, unless-stopped' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Command to check the container\'s health (run by /bin/sh -c inside it), or "none"' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between health checks (e.g. 30s, 1m30s)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Failed checks in a row before the container is unhealthy' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Time after start during which failed checks do not count' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Longest a check may run before it counts as failed' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, restart, stop' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l network -d 'Network mode: slirp4netns[:OPTIONS] (default), pasta[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or the name of a network (`cove network create`)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l ipc -d 'IPC namespace: shareable (default), private, host, none (no /dev/shm), container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l uts -d 'UTS namespace (hostname): private (default), host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l pid -d 'PID namespace: private (default), host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroupns -d 'cgroup namespace: private (default on cgroup v2), host (default on v1)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l sysctl -d 'Set a namespaced kernel parameter (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name the container has on its network (for the network\'s DNS)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l ip -d 'The container\'s IPv4 address on its network' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l expose -d 'Expose a port (or range) without publishing it, for -P' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'Set a custom DNS server' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'Set a custom DNS search domain ("." for none)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'Set a DNS resolver option' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a custom host-to-IP mapping (HOST:IP, IP may be host-gateway)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l mac-address -d 'Container MAC address (slirp4netns)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime to use: a name on PATH or a path (default: the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'Pull policy: missing, always, never, newer' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'Logging driver options (max-size=SIZE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount a volume (HOST-DIR:CONTAINER-DIR[:OPTIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs directory (DIR[:OPTIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Resource limit (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of /dev/shm (e.g. 64m)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace: "" (default) or keep-id (run as your own uid inside)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Attach a filesystem mount (type=bind|volume|tmpfs,source=...,target=...[,readonly])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l sdnotify -d 'Under systemd ($NOTIFY_SOCKET): who reports readiness, the container\'s own process (container), cove once it runs (conmon), or nobody (ignore)' -r -f -a "container\t''
conmon\t''
ignore\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'Add an annotation to the container\'s runtime spec (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l label-file -d 'Read labels from a file (KEY=VALUE lines)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv -d 'Remove a variable from the container\'s environment' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l http-proxy -d 'Pass the caller\'s proxy variables (http_proxy, ...) into the container' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l umask -d 'The container\'s umask (octal)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Add supplementary groups (names from the image\'s /etc/group, or numbers)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l tz -d 'Time zone: local (the host\'s) or an IANA name such as Europe/Paris' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container ID to this file (which must not exist)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l pidfile -d 'Write the container\'s PID to this file at each start' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Logging driver: k8s-file (default), json-file (the same format), none' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l init-path -d 'Path of the init binary --init runs (default: cove-init)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l secret -d 'Give the container a secret (NAME[,type=mount|env][,target=T][,uid=U][,gid=G][,mode=M])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes of another container (CONTAINER[:ro|rw])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l device -d 'Bind a host device into the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l platform -d 'Platform of the image (os/arch[/variant]): this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l arch -d 'Architecture of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l os -d 'Operating system of the image: linux' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l variant -d 'Architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates when pulling (default: registries.conf)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l authfile -d 'Path of the authentication file for the pull' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Process limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-period -d 'CPU CFS period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-quota -d 'CPU CFS quota in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-rt-period -d 'CPU real-time period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-rt-runtime -d 'CPU real-time runtime in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares, a relative weight (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs the container may use, e.g. 0-3 or 0,1 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'Memory nodes the container may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE, e.g. /dev/sda:1mb; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-iops -d 'Read operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-iops -d 'Write operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-reservation -d 'Memory soft limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory plus swap limit, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swappiness -d 'Swappiness, 0 to 100 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l kernel-memory -d 'Kernel memory limit (Docker; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l init-ctr -d 'With --pod: an init container, run to completion at every pod start (always) or at the first (once, then removed), before the pod\'s other containers' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s a -l attach -d 'Attach these streams: stdin, stdout, stderr (default: stdout and stderr, stdin too with -i)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l sig-proxy -d 'Pass the signals cove receives on to the container (run in the foreground)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l timeout -d 'Kill the container after this many seconds (exit code 255)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l requires -d 'Containers to start before this one (comma-separated names or IDs)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l env-merge -d 'Set a variable, ${NAME} in the value being its current value (PATH=/x:${PATH})' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l passwd-entry -d 'The /etc/passwd line added when the user has none ($USERNAME, $UID, $GID, $NAME, $HOME are filled in)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l passwd -d 'Allow cove to add entries to /etc/passwd (--passwd-entry, --hostuser)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l hostuser -d 'Add the host\'s /etc/passwd entry of this user (name or UID) to the container\'s' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l conmon-pidfile -d 'Write the PID of the container\'s monitor (cove-conmon) to this file at each start' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-score-adj -d 'The container\'s OOM score adjustment (-1000 to 1000; rootless: only raised)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l personality -d 'Execution domain: LINUX or LINUX32' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l image-volume -d 'What the image\'s volumes become: bind (anonymous volumes, default), tmpfs, ignore' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l seccomp-policy -d 'Where the seccomp profile comes from: default (image: not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l systemd -d 'Run in systemd mode: true (when the command is an init; default), false, always' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l chrootdirs -d 'Paths inside the container that are chroots (accepted; cove adds nothing to them)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l ip6 -d 'The container\'s IPv6 address (cove\'s networks are IPv4 only)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l uidmap -d 'UID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l gidmap -d 'GID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l subuidname -d 'Name of a range in /etc/subuid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l subgidname -d 'Name of a range in /etc/subgid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroups -d 'Cgroup mode: enabled, disabled, no-conmon (cove creates no cgroup either way), split (refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-parent -d 'Parent cgroup (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-conf -d 'Cgroup v2 setting KEY=VALUE (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l device-cgroup-rule -d 'Device cgroup rule (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l disable-content-trust -d 'Skip image verification (a no-op, as in Podman)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l domainname -d 'The container\'s NIS domain name' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l gpus -d 'GPUs to add (not supported: use --device)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-interval -d 'Time between health checks during the start period' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-opt -d 'Per-container storage option (not supported by cove\'s drivers)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l volume-driver -d 'Volume driver: local only' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l env-host -d 'Pass all host environment variables into the container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Give extended privileges to this container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Automatically remove the container when it exits'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l no-healthcheck -d 'Disable any health check, the image\'s included'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every port the image exposes to a random host port'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l no-hosts -d 'Do not create /etc/hosts for the container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'Remove an existing container of the same --name first, even a running one'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv-all -d 'Remove every variable the image or cove would set'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Suppress the pull\'s progress output'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-kill-disable -d 'Do not kill the container\'s processes when out of memory (needs a delegated cgroup)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l rmi -d 'Remove the image once the container exits and is removed (implies --rm)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l rootfs -d 'Run from this directory instead of an image (not supported: import it)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l use-api-socket -d 'Bind the engine\'s API socket into the container (not supported)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -s f -l filter -d 'With --all, only the containers that match (restart-policy=, label=, name=, status=, ...)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Key sequence for detaching' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l sig-proxy -d 'Pass the signals cove receives on to the container (with --attach)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l checkpoint -d 'Start from this checkpoint (Docker\'s; checkpoints need root and CRIU)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l checkpoint-dir -d 'Where the checkpoint is kept (with --checkpoint)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach the container\'s output'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'Attach the container\'s stdin'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l all -d 'Start every container that is not running'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l boot -d 'With --all, only what Docker\'s daemon brings back when it starts (for a unit run at boot): containers with restart policy always, and unless-stopped ones the user had not stopped; never one that was only created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -l timeout -d 'Seconds to wait before killing the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -s s -l signal -d 'Signal to stop the container with, instead of its stop signal (Docker\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -s f -l filter -d 'Stop the containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Stop all running containers'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'A container that does not exist is not an error'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Kill all running containers'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a stop before killing (with --force)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l filter -d 'Remove the containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Kill and remove running containers'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all containers'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove the container\'s anonymous volumes too (named volumes are kept)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'A container that does not exist is not an error'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l depend -d 'Remove the containers that depend on these first (--requires, shared namespaces)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Show the N last created containers' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter (status=, name=, label=, ancestor=, id=, exited=)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'Format: json or a Go template like \'{{.ID}} {{.Names}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by: command, created, id, image, names, runningfor, status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s w -l watch -d 'Print the list again every N seconds' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all containers (default shows just running)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only display container IDs'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show the latest created container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate output'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header line'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s p -l pod -d 'Show the pod each container belongs to'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l external -d 'Also list containers of other tools (cove\'s store holds only its own)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l ns -d 'Show each container\'s namespaces (their inode numbers)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Show the size of what each container has written'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l sync -d 'Check each container\'s state with its runtime first (cove always does)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Show the N last created containers' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter (status=, name=, label=, ancestor=, id=, exited=)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'Format: json or a Go template like \'{{.ID}} {{.Names}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l sort -d 'Sort by: command, created, id, image, names, runningfor, status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s w -l watch -d 'Print the list again every N seconds' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all containers (default shows just running)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only display container IDs'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show the latest created container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate output'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header line'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s p -l pod -d 'Show the pod each container belongs to'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l external -d 'Also list containers of other tools (cove\'s store holds only its own)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l ns -d 'Show each container\'s namespaces (their inode numbers)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Show the size of what each container has written'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l sync -d 'Check each container\'s state with its runtime first (cove always does)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Show logs since a time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Show logs until a time' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Number of lines to show from the end' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow the output'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l color -d 'With several containers: each one\'s prefix in its own colour'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l names -d 'With several containers: prefix lines with the name instead of the short ID'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l details -d 'Docker\'s: each line after the attributes its --log-opt chose (none here) and a space'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set environment variables (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read environment variables from a file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l detach-keys -d 'Key sequence for detaching (checked; cove relays the terminal until the process ends)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l preserve-fds -d 'Pass file descriptors 3 to 3+N-1 of cove on to the process' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep STDIN open'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the command in the background'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Give the process every capability (the container\'s seccomp filter still applies)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l condition -d 'Wait until the container is in this state (repeatable): created, initialized, running, paused, stopping, stopped, exited, healthy, unhealthy; prints -1 for a state other than stopped or exited' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -s i -l interval -d 'Time between two looks at the container\'s state (with --condition)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -l timeout -d 'Seconds to wait before killing the container' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -s s -l signal -d 'Signal to stop the container with, instead of its stop signal (Docker\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -s f -l filter -d 'The containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l running -d 'With --all, only the running containers'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -s a -l all -d 'Every container this command applies to'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -s l -l latest -d 'The latest created container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Key sequence for detaching' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l sig-proxy -d 'Pass the signals cove receives on to the container' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not attach stdin'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from attach" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -s f -l filter -d 'The containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every container this command applies to'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -s l -l latest -d 'The latest created container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -s f -l filter -d 'The containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every container this command applies to'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'The latest created container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -s a -l all -d 'The ports of every running container, each line after its short ID'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from port" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l format -d 'Format: json or a Go template like \'{{.Name}} {{.MemUsage}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -s i -l interval -d 'Seconds between samples when streaming' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print one sample and exit'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show all containers (default: running)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -s l -l latest -d 'The latest created container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the screen between samples'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Do not truncate IDs'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Chown copied files to the primary uid/gid of the destination container (false: keep the archive\'s owners)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l overwrite -d 'Allow a directory to overwrite a non-directory and the reverse'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -s L -l follow-link -d 'Follow a symlink in the source (cove always does, as Podman)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -s q -l quiet -d 'Print no progress (cove prints none, as Podman)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from cp" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l format -d 'Format: json' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to a file instead of stdout' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENV, ...)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'Commit message (recorded in the image history)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'Author' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s p -l pause -d 'Pause the container while committing' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s f -l format -d 'Image format: oci or docker (docker keeps HEALTHCHECK, ONBUILD and SHELL)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l iidfile -d 'Write the new image\'s ID to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Print only the image ID'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l include-volumes -d 'Make the container\'s volume and bind mount points the image\'s volumes'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s s -l squash -d 'Make the image one layer holding the container\'s whole filesystem'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from commit" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format: json or a Go template like \'{{.State.Pid}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Add SizeRw (what the container wrote) and SizeRootFs (that plus its image)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l filter -d 'Only what was created before a time (until=TIMESTAMP|DURATION) or carries a label (label=KEY[=VALUE], label!=KEY[=VALUE])' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l format -d 'Format of the list of mounted containers (no containers given): json' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -s a -l all -d 'Mount every container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l no-trunc -d 'Full container IDs in the list of mounted containers'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -s a -l all -d 'Unmount every mounted container'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -s f -l force -d 'Unmount even if others use the mount (cove counts no users: the same as without)'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand container; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "export" -d 'Write a volume\'s contents as a tar archive'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "import" -d 'Unpack a tar archive into a volume'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "mount" -d 'Mount a volume and print its mount point (a local volume is a directory: its path)'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "unmount" -d 'Unmount a volume (nothing to undo for a local volume: its name is printed)'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "reload" -d 'Reload volumes from volume plugins (cove has none: nothing changes)'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "create" -d 'Create a volume'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "ls" -d 'List volumes'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "list" -d 'List volumes'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "inspect" -d 'Display detailed information on volumes'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "rm" -d 'Remove one or more volumes'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "prune" -d 'Remove all volumes no container uses'
complete -c cove -n "__fish_cove_using_subcommand volume; and not __fish_seen_subcommand_from export import mount unmount reload create ls list inspect rm prune exists" -f -a "exists" -d 'Check whether a volume exists (exit 0 if it does, 1 if not)'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from reload" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -s d -l driver -d 'Volume driver (only "local")' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'Driver options (KEY=VALUE), recorded for inspect' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed if a volume of that name exists already (it is left as it is)'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter (name=, label=, dangling=true|false, driver=)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only display volume names'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the column headings'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter (name=, label=, dangling=true|false, driver=)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only display volume names'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the column headings'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format: json or a Go template like \'{{.Mountpoint}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Inspect every volume'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for the containers using them to stop before killing them' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers using the volumes too'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all volumes'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l filter -d 'Only what was created before a time (until=TIMESTAMP|DURATION) or carries a label (label=KEY[=VALUE], label!=KEY[=VALUE])' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -s a -l all -d 'Docker\'s: named volumes too, not only anonymous ones. cove prunes every unused volume as Podman does, so it changes nothing here'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand volume; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "reload" -d 'Re-create the network set-up of running containers on user-defined networks'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "dns-serve" -d 'The DNS responder of user-defined networks (started by cove itself)'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "create" -d 'Create a network'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "ls" -d 'List networks'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "list" -d 'List networks'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "inspect" -d 'Display detailed information on networks'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "rm" -d 'Remove one or more networks'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "remove" -d 'Remove one or more networks'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "prune" -d 'Remove all networks no container uses'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "connect" -d 'Connect a container to a network'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c cove -n "__fish_cove_using_subcommand network; and not __fish_seen_subcommand_from reload dns-serve create ls list inspect rm remove prune connect disconnect exists" -f -a "exists" -d 'Check whether a network exists (exit 0 if it does, 1 if not)'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -s a -l all -d 'Every running container'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from reload" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from dns-serve" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver (only "bridge")' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'Subnet in CIDR form (default: the next free 10.89.N.0/24)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'Gateway address of the subnet (default: its first address)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l ipam-driver -d 'IP address management: host-local (cove\'s own, the default); dhcp and none are refused' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l ip-range -d 'Allocate container addresses from this CIDR range of the subnet' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -s o -l opt -d 'Driver options: mtu=N, isolate=BOOL (cove\'s networks never route to each other anyway), com.docker.network.bridge.name=NAME' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l ipv4 -d 'IPv4 addressing (on by default; false is refused: cove\'s networks are IPv4 only)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l aux-address -d 'Addresses of the subnet no container gets (NAME=IP; needs --subnet)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l ipam-opt -d 'Options of the address manager (kept and shown by inspect)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l scope -d 'Scope: local (swarm and global are refused: cove has no swarm)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l config-from -d 'Take the settings of a configuration-only network (refused: cove has no swarm)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'No outbound connectivity: containers reach each other only'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed if a network of that name exists already (it is left as it is)'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l disable-dns -d 'No name resolution of the network\'s containers'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l ipv6 -d 'An IPv6 subnet too (refused: cove\'s bridge networks are IPv4 only)'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l attachable -d 'Let containers attach by hand (every cove network does; recorded for inspect)'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l ingress -d 'A swarm routing-mesh network (refused: cove has no swarm)'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l config-only -d 'A configuration-only network for swarm networks (refused: cove has no swarm)'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Format: table, json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name=NAME, id=ID, driver=bridge, label=KEY[=VALUE]' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only names'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Full network IDs'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the column headings'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l format -d 'Format: table, json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: name=NAME, id=ID, driver=bridge, label=KEY[=VALUE]' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only names'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l no-trunc -d 'Full network IDs'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the column headings'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'Docker\'s swarm diagnostics; without a swarm the output is the same'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for those containers to stop before killing them' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers on the networks too'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for those containers to stop before killing them' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove the containers on the networks too'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l filter -d 'Only networks created before a time (until=TIMESTAMP|DURATION) or with a label (label=KEY[=VALUE], label!=KEY[=VALUE])' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation (cove never asks)'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Another name for the container on this network' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip -d 'The container\'s IPv4 address on this network' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip6 -d 'An IPv6 address (refused: cove\'s networks have no IPv6 subnet)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l mac-address -d 'The MAC address of the container\'s interface on this network' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l gw-priority -d 'The highest priority\'s gateway is the default route (default 0; the first network wins a tie)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l driver-opt -d 'Endpoint options of the driver (refused: cove\'s bridge driver takes none)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from connect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'Accepted for Docker compatibility'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand network; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -f -a "create" -d 'Create a new secret'
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -f -a "ls" -d 'List secrets'
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -f -a "list" -d 'List secrets'
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -f -a "inspect" -d 'Inspect a secret'
complete -c cove -n "__fish_cove_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm" -f -a "rm" -d 'Remove one or more secrets'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -s d -l driver -d 'Secret driver (only "file": stored unencrypted in cove\'s store)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l driver-opts -d 'Driver options (KEY=VALUE), recorded for inspect' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l env -d 'Read the secret from the environment variable named by the second argument'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter (name=, id=, label=, until=)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print headers'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print secret IDs only'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter (name=, id=, label=, until=)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print headers'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print secret IDs only'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format: json or a Go template like \'{{.Spec.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l pretty -d 'Print in a human-readable form'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all secrets'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand secret; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "clone" -d 'Create a copy of an existing pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "create" -d 'Create a new empty pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "exists" -d 'Check if a pod exists in local storage'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "inspect" -d 'Display a pod configuration'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "logs" -d 'Display the logs of the pod\'s containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "kill" -d 'Send the specified signal or SIGKILL to containers in pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "pause" -d 'Pause one or more pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "prune" -d 'Remove all stopped pods and their containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "ps" -d 'List pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "ls" -d 'List pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "list" -d 'List pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "restart" -d 'Restart one or more pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "rm" -d 'Remove one or more stopped pods and containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "start" -d 'Start one or more pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "stats" -d 'Display a live stream of resource usage statistics for the containers in pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "stop" -d 'Stop one or more pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "top" -d 'Display the running processes of the containers in a pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and not __fish_seen_subcommand_from clone create exists inspect logs kill pause prune ps ls list restart rm start stats stop top unpause" -f -a "unpause" -d 'Unpause one or more pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -s n -l name -d 'Name of the new pod (default: NAME-clone)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l hostname -d 'Set the new pod\'s hostname' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -s l -l label -d 'Add metadata to the new pod (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l label-file -d 'Read labels from a file of KEY=VALUE lines' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l infra-command -d 'Command the new infra container runs' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l infra-name -d 'Name of the new infra container' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l userns -d 'User namespace of the pod: host or keep-id (its containers join the infra\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -s v -l volume -d 'Bind mount a volume into every container of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l volumes-from -d 'Mount the volumes of a container into every container of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l device -d 'Bind a host device into every container of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l security-opt -d 'Security options of every container of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l shm-size -d 'Size of the pod\'s /dev/shm, which its containers share' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l sysctl -d 'Namespaced kernel parameters of the pod (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l pid -d 'PID namespace of the pod\'s infra container (host, private, ns:PATH)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l uts -d 'UTS namespace of the pod\'s infra container (host, private, ns:PATH)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l infra-conmon-pidfile -d 'Write the PID of the infra container\'s shim to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l uidmap -d 'UID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l gidmap -d 'GID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l subuidname -d 'Name of a range in /etc/subuid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l subgidname -d 'Name of a range in /etc/subgid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l cpus -d 'CPUs of the pod (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -s m -l memory -d 'Memory limit of the pod (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l memory-swap -d 'Memory plus swap limit of the pod, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -s c -l cpu-shares -d 'CPU shares of the pod (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l cpuset-cpus -d 'CPUs the pod may use, e.g. 0-3 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l cpuset-mems -d 'Memory nodes the pod may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l cgroup-parent -d 'Parent cgroup of the pod (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l destroy -d 'Remove the original pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l start -d 'Start the new pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from clone" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -s n -l name -d 'Assign a name to the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l hostname -d 'Set the pod\'s hostname (shared by its members)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata on the pod (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l label-file -d 'Read labels from a file of KEY=VALUE lines' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l share -d 'Namespaces the members share (ipc, net, uts, pid, cgroup; none; +ns adds to the default)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra -d 'Create an infra container holding the shared namespaces' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-image -d 'Image the infra container runs (default: cove\'s pause image, built locally)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-command -d 'Command the infra container runs' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-name -d 'Name of the infra container' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l network -l net -d 'The pod\'s network mode (shared by its members)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port of the pod to the host' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns -d 'Set custom DNS servers' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-option -d 'Set custom DNS options' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-search -d 'Set custom DNS search domains' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l add-host -d 'Add a custom host-to-IP mapping (host:ip)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l ip -d 'The pod\'s IPv4 address on a user-defined network' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l mac-address -d 'The pod\'s MAC address' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l network-alias -d 'Network-scoped aliases of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l exit-policy -d 'What the pod does when its last container exits (continue, stop)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Write the pod ID to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l ip6 -d 'The pod\'s IPv6 address (cove\'s networks are IPv4 only)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l share-parent -d 'Make the pod\'s cgroup the parent of its containers\' (accepted: cove makes no cgroups, as Podman without them)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l userns -d 'User namespace of the pod: host or keep-id (its containers join the infra\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount a volume into every container of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes of a container into every container of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l device -d 'Bind a host device into every container of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options of every container of the pod' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of the pod\'s /dev/shm, which its containers share' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l sysctl -d 'Namespaced kernel parameters of the pod (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l pid -d 'PID namespace of the pod\'s infra container (host, private, ns:PATH)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l uts -d 'UTS namespace of the pod\'s infra container (host, private, ns:PATH)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-conmon-pidfile -d 'Write the PID of the infra container\'s shim to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l uidmap -d 'UID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l gidmap -d 'GID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l subuidname -d 'Name of a range in /etc/subuid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l subgidname -d 'Name of a range in /etc/subgid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l cpus -d 'CPUs of the pod (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit of the pod (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory plus swap limit of the pod, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares of the pod (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs the pod may use, e.g. 0-3 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'Memory nodes the pod may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-parent -d 'Parent cgroup of the pod (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l no-hosts -d 'Do not create /etc/hosts for the pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l replace -d 'Replace a pod of the same name'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Inspect the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -s c -l container -d 'Show only this container\'s logs (a member of the pod)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l since -d 'Show logs since a time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l until -d 'Show logs until a time' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Number of lines to show from the end' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l names -d 'Prefix each line with its container\'s name instead of its ID'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l color -d 'Each container\'s prefix in its own colour'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow the output'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send to the containers' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -s a -l all -d 'Act on all pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -s a -l all -d 'Act on all pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter (id, name, label, status, ctr-names, ctr-ids, ctr-status, ctr-number, network, until)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l sort -d 'Sort by created, id, name, number or status' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-ids -d 'Show the IDs of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-names -d 'Show the names of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-status -d 'Show the states of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show the latest pod only'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate IDs'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print headers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ns -d 'Show the pods\' cgroup and namespace (cove makes no cgroups: empty, as Podman\'s namespace column)'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print pod IDs only'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter (id, name, label, status, ctr-names, ctr-ids, ctr-status, ctr-number, network, until)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by created, id, name, number or status' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-ids -d 'Show the IDs of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-names -d 'Show the names of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-status -d 'Show the states of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show the latest pod only'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate IDs'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print headers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ns -d 'Show the pods\' cgroup and namespace (cove makes no cgroups: empty, as Podman\'s namespace column)'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print pod IDs only'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter (id, name, label, status, ctr-names, ctr-ids, ctr-status, ctr-number, network, until)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l format -d 'Format: json or a Go template like \'{{.Name}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l sort -d 'Sort by created, id, name, number or status' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-ids -d 'Show the IDs of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-names -d 'Show the names of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-status -d 'Show the states of the pods\' containers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show the latest pod only'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate IDs'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print headers'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l ns -d 'Show the pods\' cgroup and namespace (cove makes no cgroups: empty, as Podman\'s namespace column)'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print pod IDs only'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -s a -l all -d 'Act on all pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l pod-id-file -d 'Read the pod ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for containers to stop before killing them (with --force)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -s a -l all -d 'Act on all pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop running containers and remove them'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore pods that do not exist'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l pod-id-file -d 'Read the pod ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -s a -l all -d 'Act on all pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l format -d 'Format: json or a Go template like \'{{.Name}} {{.CPU}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show the stats of all pods (the default when none is named)'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the screen between samples'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print one sample and exit'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l pod-id-file -d 'Read the pod ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait before killing the containers' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -s a -l all -d 'Act on all pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Ignore pods that do not exist'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Act on all pods'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'Act on the latest pod'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand search" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand search" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand search" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand search" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand search" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand search" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand search" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand search" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand search" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand search" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand search" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand search" -s f -l filter -d 'Filter results: stars=N, is-official[=BOOL], is-automated[=BOOL]' -r
complete -c cove -n "__fish_cove_using_subcommand search" -l format -d 'Format: json, or a Go template over Index, Name, Description, Stars, Official, Automated, Tag' -r
complete -c cove -n "__fish_cove_using_subcommand search" -l limit -d 'Results per registry (default 25)' -r
complete -c cove -n "__fish_cove_using_subcommand search" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s CA store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand search" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand search" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand search" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand search" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand search" -l list-tags -d 'List the tags of the repository TERM names'
complete -c cove -n "__fish_cove_using_subcommand search" -l no-trunc -d 'Do not truncate descriptions'
complete -c cove -n "__fish_cove_using_subcommand search" -l compatible -d 'Also show the stars, official and automated columns (Docker\'s table)'
complete -c cove -n "__fish_cove_using_subcommand search" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand search" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -f -a "create" -d 'Create a manifest list, optionally with images in it'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -f -a "add" -d 'Add an image (or a list\'s images) to a manifest list'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -f -a "annotate" -d 'Change the platform or annotations of an image in a manifest list'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -f -a "inspect" -d 'Print a manifest list, or an image\'s manifest from its registry'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -f -a "push" -d 'Push a manifest list, and the images in it, to a registry'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -f -a "remove" -d 'Remove an image from a manifest list'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -f -a "rm" -d 'Remove manifest lists from local storage'
complete -c cove -n "__fish_cove_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push remove rm exists" -f -a "exists" -d 'Check whether a manifest list exists (exit 0 if it does, 1 if not)'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s CA store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l all -d 'Add every image of a list named among IMAGES, not only this machine\'s'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -s a -l amend -d 'Use the list if it exists already, instead of failing'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l insecure -d 'Allow plain HTTP and unverified registries (Docker\'s spelling of --tls-verify=false)'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l annotation -d 'Set an annotation of the image in the list (KEY=VALUE, repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l arch -d 'Override the architecture of the image' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os -d 'Override the operating system of the image' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l variant -d 'Override the architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os-version -d 'Override the OS version of the image' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l features -d 'Override the features of the image (comma-separated)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os-features -d 'Override the OS features of the image (comma-separated)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s CA store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l all -d 'Add every image of IMAGE when it is a list, not only this machine\'s'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l insecure -d 'Allow plain HTTP and unverified registries (Docker\'s spelling of --tls-verify=false)'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l annotation -d 'Set an annotation of the image in the list (KEY=VALUE, repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l arch -d 'Override the architecture of the image' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os -d 'Override the operating system of the image' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l variant -d 'Override the architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os-version -d 'Override the OS version of the image' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l features -d 'Override the features of the image (comma-separated)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os-features -d 'Override the OS features of the image (comma-separated)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s CA store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'Accepted for Docker: the entry is always printed in full'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l insecure -d 'Allow plain HTTP and unverified registries (Docker\'s spelling of --tls-verify=false)'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l all -d 'Also push the images in the list (--all=false: only the list)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -s f -l format -d 'The list\'s format at the destination: oci or v2s2 (default: as stored)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the digest of the pushed list to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l compression-format -d 'Recompress the images (not supported: blobs are copied as they are)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l sign-by -d 'Sign with this GPG key (not supported: cove does not sign images)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l sign-by-sigstore-private-key -d 'Sign with a sigstore private key (not supported: cove does not sign images)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l sign-passphrase-file -d 'Passphrase file for the signing key (not supported: cove does not sign images)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s CA store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print no progress'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l rm -d 'Remove the local list once pushed'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -s p -l purge -d 'Docker\'s spelling of --rm'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l remove-signatures -d 'Accepted: cove copies no signatures'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l insecure -d 'Allow plain HTTP and unverified registries (Docker\'s spelling of --tls-verify=false)'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand manifest; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "search" -d 'Search registries for images'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "tree" -d 'Show an image\'s layers, or the images built on it'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "diff" -d 'Show what an image\'s top layer changed'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "trust" -d 'Show or set the trust policy pulls obey (policy.json)'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "sign" -d 'Sign images (not supported: cove has no signing)'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "pull" -d 'Pull an image from a registry'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "push" -d 'Push an image to a registry'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "ls" -d 'List images'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "list" -d 'List images'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "inspect" -d 'Display low-level information on images'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "tag" -d 'Add names to an image'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "untag" -d 'Remove names from an image'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "rm" -d 'Remove one or more images'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "history" -d 'Show the history of an image'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "save" -d 'Save images to an archive'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "load" -d 'Load images from an archive'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "import" -d 'Create an image from a filesystem tarball'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "prune" -d 'Remove unused images'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "mount" -d 'Mount an image\'s root filesystem read-only and print its path'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "unmount" -d 'Unmount an image\'s root filesystem'
complete -c cove -n "__fish_cove_using_subcommand image; and not __fish_seen_subcommand_from build search tree diff trust sign pull push ls list inspect tag untag rm history save load import prune mount unmount exists" -f -a "exists" -d 'Check whether an image exists in local storage (exit 0 if it does, 1 if not)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile or Dockerfile, - for stdin (default: Containerfile, then Dockerfile in the context)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg -d 'A build argument, NAME=VALUE (NAME alone takes it from the environment)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Build arguments from a file: KEY=VALUE lines, # comments (repeatable; --build-arg wins)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l target -d 'Build up to this stage' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l layers -d 'Cache intermediate images (false: no cache)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image ID to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l label -d 'Set a label on the image, KEY=VALUE (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l format -d 'Image format: oci or docker (docker keeps HEALTHCHECK, ONBUILD and SHELL)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l timestamp -d 'Created time of the image and its history, and time of every file in the new layers, in seconds since the epoch (reproducible builds)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l platform -d 'The platform to build for: only the local one is supported' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l pull -d 'Pull policy for base images: missing, always, never, newer' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l network -d 'Network of RUN steps: slirp4netns (default), pasta, none, host, private, or a network\'s name' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l add-host -d 'Add a host-to-IP mapping to RUN steps\' /etc/hosts (HOST:IP)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l dns -d 'DNS server of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-option -d 'DNS resolver option of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-search -d 'DNS search domain of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cap-add -d 'Add a capability to RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cap-drop -d 'Drop a capability from RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s v -l volume -d 'Bind mount into every RUN step (HOST-DIR:CONTAINER-DIR[:OPTIONS]); not in the image' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l device -d 'Bind a host device into RUN steps (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l ulimit -d 'Resource limit of RUN steps (TYPE=SOFT[:HARD])' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l security-opt -d 'Security options of RUN steps: no-new-privileges, seccomp=unconfined|PROFILE' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l shm-size -d 'Size of /dev/shm in RUN steps (e.g. 64m)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l annotation -d 'Add an annotation to RUN steps\' runtime spec (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l http-proxy -d 'Pass the caller\'s proxy variables (http_proxy, ...) to RUN steps' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l ipc -d 'IPC namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l pid -d 'PID namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l uts -d 'UTS namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroupns -d 'cgroup namespace of RUN steps: private, host' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l userns -d 'User namespace of RUN steps: host (the default, cove\'s rootless namespace) only' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l userns-uid-map -d 'UID map of RUN steps\' user namespace (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l userns-gid-map -d 'GID map of RUN steps\' user namespace (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l userns-uid-map-user -d 'UID map from /etc/subuid of a user (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l userns-gid-map-group -d 'GID map from /etc/subgid of a group (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s m -l memory -d 'Memory limit of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l memory-swap -d 'Memory plus swap limit of RUN steps, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cpu-period -d 'CPU CFS period of RUN steps in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cpu-quota -d 'CPU CFS quota of RUN steps in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s c -l cpu-shares -d 'CPU shares of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cpuset-cpus -d 'CPUs RUN steps may use, e.g. 0-3 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cpuset-mems -d 'Memory nodes RUN steps may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-parent -d 'Parent cgroup of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates when pulling (default: registries.conf)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l creds -d 'Credentials (USERNAME:PASSWORD) for pulling base images' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file for pulling base images' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s trust store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l retry -d 'Times to retry a failed pull (accepted; cove\'s pull does not retry)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l retry-delay -d 'Delay between pull retries (accepted with --retry)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l from -d 'Replace the first stage\'s base image' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l build-context -d 'A named context for COPY --from=NAME and FROM NAME: NAME=DIR or NAME=docker-image://IMAGE' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s o -l output -d 'Also write the image\'s filesystem out: DIR, type=local,dest=DIR or type=tar,dest=FILE' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l env -d 'Set an environment variable in the image, KEY=VALUE (KEY alone takes the caller\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l unsetenv -d 'Remove an environment variable from the image' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l ignorefile -d 'The ignore file to use instead of .containerignore/.dockerignore' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l skip-unused-stages -d 'Build only the stages the target needs' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l os -d 'Operating system of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l arch -d 'Architecture of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l variant -d 'Architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l os-feature -d 'An OS feature the image needs (recorded in its config)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l os-version -d 'The OS version the image needs (recorded in its config)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output to this file instead of stdout' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l logsplit -d 'One log file per platform (one platform here: no effect)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l jobs -d 'Stages to build at once (stages are built one after the other)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l rm -d 'Remove intermediate containers (cove never leaves any)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l force-rm -d 'Remove intermediate containers even after a failure (cove always does)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l identity-label -d 'Add the builder\'s identity label (cove adds none)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s D -l disable-compression -d 'Do not compress layers (no effect: local layers are never compressed)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l disable-content-trust -d 'Skip image verification (no effect, as in Podman)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l isolation -d 'How RUN steps are isolated: oci (default), chroot, rootless (all run as cove run does)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-from -d 'Images to use as cache (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-to -d 'Where to push the cache (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-ttl -d 'Ignore cached layers older than this (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l manifest -d 'Add the image to a manifest list (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l hooks-dir -d 'OCI hooks directory (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime-flag -d 'Option for the OCI runtime (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cpp-flag -d 'Preprocessor flag for Containerfile.in (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l sign-by -d 'Sign the image with this GPG key (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l decryption-key -d 'Key to decrypt encrypted base images (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l ssh -d 'SSH agent socket or keys for RUN --mount=type=ssh (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use the layer cache'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image ID'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers the build adds into one'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash the whole image, base layers included, into one layer'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l no-hosts -d 'Do not create /etc/hosts for RUN steps'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l omit-history -d 'Leave no history in the image'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l stdin -d 'Give RUN steps the build\'s stdin (accepted; RUN steps get no stdin)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l compress -d 'Compress the context (no effect: the context is read in place)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l all-platforms -d 'Build for every platform of the base image (not supported: local platform only)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -s f -l filter -d 'Filter results: stars=N, is-official[=BOOL], is-automated[=BOOL]' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l format -d 'Format: json, or a Go template over Index, Name, Description, Stars, Official, Automated, Tag' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l limit -d 'Results per registry (default 25)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s CA store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l list-tags -d 'List the tags of the repository TERM names'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l no-trunc -d 'Do not truncate descriptions'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l compatible -d 'Also show the stars, official and automated columns (Docker\'s table)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l whatrequires -d 'Show the images built on this one instead of its layers'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tree" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l format -d 'Format: json' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -f -a "show" -d 'Display the trust policy pulls obey'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from trust" -f -a "set" -d 'Set the default trust policy or one registry\'s'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l cert-dir -d 'Directory of registry certificates' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -s d -l directory -d 'Directory to store the signatures in' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l sign-by -d 'Name of the signing key' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -s a -l all -d 'Sign every manifest of a multi-architecture image'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Platform to pull (os/arch[/variant])' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'Architecture to pull instead of the host\'s' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'Operating system to pull instead of the host\'s' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'Architecture variant to pull' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l cert-dir -d 'Directory of certificates for the registry: CA certificates as *.crt' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image ID'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Pull every tag of the repository'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l disable-content-trust -d 'Accepted: cove keeps no signatures to check, as Podman without a trust policy'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the pushed manifest digest to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l cert-dir -d 'Directory of certificates for the registry: CA certificates as *.crt' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l platform -d 'Push this platform\'s image of a local manifest list (os/arch[/variant]); for an image, the image must be of that platform' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest type: oci or v2s2, which the image must already have (cove does not convert)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-format -d 'Layer compression: gzip or zstd, which the layers must already have (cove does not recompress)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l sign-by -d 'Sign with this GPG key (not supported: cove does not sign images)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l sign-by-sigstore-private-key -d 'Sign with a sigstore private key (not supported: cove does not sign images)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l sign-passphrase-file -d 'Passphrase file for the signing key (not supported: cove does not sign images)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing but errors'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -s a -l all-tags -d 'Push every local tag of the repository (Docker\'s; IMAGE names no tag then)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l compress -d 'Accepted: it compresses layers for the dir: transport, which cove does not write'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l remove-signatures -d 'Accepted: cove stores no signatures, so there are none to remove'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l disable-content-trust -d 'Accepted: cove signs nothing, as Podman without a trust policy'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output (reference=, dangling=, before=, since=, label=, id=)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Format: table, json, or a Go template like \'{{.Repository}}:{{.Tag}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by created (newest first, the default), id, repository, size or tag' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (default hides intermediate images)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Show only image IDs'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show digests'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate output'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print column headings'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l history -d 'Add a HISTORY column: every name the image has had, the most recent first'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output (reference=, dangling=, before=, since=, label=, id=)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Format: table, json, or a Go template like \'{{.Repository}}:{{.Tag}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l sort -d 'Sort by created (newest first, the default), id, repository, size or tag' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images (default hides intermediate images)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Show only image IDs'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show digests'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate output'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print column headings'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l history -d 'Add a HISTORY column: every name the image has had, the most recent first'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, or json' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l type -d 'What to inspect: container, image or all (containers first, as Docker does)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l platform -d 'Images: this platform\'s (os/arch[/variant]); cove stores one platform per image, so an image of another one is an error' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Inspect the latest container cove created too'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Containers: add SizeRw (what the container wrote) and SizeRootFs (that plus its image)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from untag" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l platform -d 'Remove only this platform (os/arch[/variant]); cove stores one platform per image, so an image of another one is an error' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the image even when it has several names'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail for images that do not exist'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l no-prune -d 'Accepted: cove keeps no untagged parent images for an image to take along'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Show sizes and dates in human-readable form' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Format: table, json or a Go template' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l platform -d 'The history of this platform\'s image (os/arch[/variant]); cove stores one platform per image, so an image of another one is an error' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not truncate output'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Show only IDs'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l platform -d 'Only this platform (os/arch[/variant]); cove stores one platform per image, so an image of another one is an error' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -s m -l multi-image-archive -d 'Accepted for Podman compatibility: archives always hold every image given'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Suppress output'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l compress -d 'Compress layers of a docker-dir (cove writes archives only: refused)'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l uncompressed -d 'Accepted: docker-archive layers are uncompressed tars, oci-archive keeps the layers as they were pulled'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from save" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read from this file instead of standard input' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l platform -d 'Load only the images of this platform (os/arch[/variant])' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Suppress output'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -s c -l change -d 'Apply a Dockerfile instruction (CMD, ENTRYPOINT, ENV, WORKDIR, USER, LABEL, EXPOSE, VOLUME, STOPSIGNAL)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -s m -l message -d 'Commit message for the history entry' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l platform -d 'Platform to record in the image (os/arch[/variant]; default: this machine\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l arch -d 'Architecture to record in the image' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l os -d 'Operating system to record in the image' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l variant -d 'Architecture variant to record in the image' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Suppress output'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l filter -d 'Only what was created before a time (until=TIMESTAMP|DURATION) or carries a label (label=KEY[=VALUE], label!=KEY[=VALUE])' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not just dangling ones'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not prompt for confirmation'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l format -d 'Format of the list of mounted images: json (otherwise ID and path per line)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -s a -l all -d 'Mount every image'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -s a -l all -d 'Unmount every mounted image'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -s f -l force -d 'Accepted: cove counts no other users of an image\'s mount, so it always unmounts'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand image; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand build" -s f -l file -d 'The Containerfile or Dockerfile, - for stdin (default: Containerfile, then Dockerfile in the context)' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -s t -l tag -d 'Name the image (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l build-arg -d 'A build argument, NAME=VALUE (NAME alone takes it from the environment)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l build-arg-file -d 'Build arguments from a file: KEY=VALUE lines, # comments (repeatable; --build-arg wins)' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l target -d 'Build up to this stage' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l layers -d 'Cache intermediate images (false: no cache)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l iidfile -d 'Write the image ID to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l label -d 'Set a label on the image, KEY=VALUE (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l format -d 'Image format: oci or docker (docker keeps HEALTHCHECK, ONBUILD and SHELL)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l timestamp -d 'Created time of the image and its history, and time of every file in the new layers, in seconds since the epoch (reproducible builds)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l platform -d 'The platform to build for: only the local one is supported' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l pull -d 'Pull policy for base images: missing, always, never, newer' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l network -d 'Network of RUN steps: slirp4netns (default), pasta, none, host, private, or a network\'s name' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l add-host -d 'Add a host-to-IP mapping to RUN steps\' /etc/hosts (HOST:IP)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l dns -d 'DNS server of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l dns-option -d 'DNS resolver option of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l dns-search -d 'DNS search domain of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cap-add -d 'Add a capability to RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cap-drop -d 'Drop a capability from RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand build" -s v -l volume -d 'Bind mount into every RUN step (HOST-DIR:CONTAINER-DIR[:OPTIONS]); not in the image' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l device -d 'Bind a host device into RUN steps (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l ulimit -d 'Resource limit of RUN steps (TYPE=SOFT[:HARD])' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l security-opt -d 'Security options of RUN steps: no-new-privileges, seccomp=unconfined|PROFILE' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l shm-size -d 'Size of /dev/shm in RUN steps (e.g. 64m)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l annotation -d 'Add an annotation to RUN steps\' runtime spec (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l http-proxy -d 'Pass the caller\'s proxy variables (http_proxy, ...) to RUN steps' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l ipc -d 'IPC namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l pid -d 'PID namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l uts -d 'UTS namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cgroupns -d 'cgroup namespace of RUN steps: private, host' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l userns -d 'User namespace of RUN steps: host (the default, cove\'s rootless namespace) only' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l userns-uid-map -d 'UID map of RUN steps\' user namespace (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l userns-gid-map -d 'GID map of RUN steps\' user namespace (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l userns-uid-map-user -d 'UID map from /etc/subuid of a user (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l userns-gid-map-group -d 'GID map from /etc/subgid of a group (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -s m -l memory -d 'Memory limit of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l memory-swap -d 'Memory plus swap limit of RUN steps, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cpu-period -d 'CPU CFS period of RUN steps in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cpu-quota -d 'CPU CFS quota of RUN steps in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -s c -l cpu-shares -d 'CPU shares of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cpuset-cpus -d 'CPUs RUN steps may use, e.g. 0-3 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cpuset-mems -d 'Memory nodes RUN steps may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cgroup-parent -d 'Parent cgroup of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l tls-verify -d 'Require HTTPS and verify certificates when pulling (default: registries.conf)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l creds -d 'Credentials (USERNAME:PASSWORD) for pulling base images' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l authfile -d 'Path of the authentication file for pulling base images' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s trust store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l retry -d 'Times to retry a failed pull (accepted; cove\'s pull does not retry)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l retry-delay -d 'Delay between pull retries (accepted with --retry)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l from -d 'Replace the first stage\'s base image' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l build-context -d 'A named context for COPY --from=NAME and FROM NAME: NAME=DIR or NAME=docker-image://IMAGE' -r
complete -c cove -n "__fish_cove_using_subcommand build" -s o -l output -d 'Also write the image\'s filesystem out: DIR, type=local,dest=DIR or type=tar,dest=FILE' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l env -d 'Set an environment variable in the image, KEY=VALUE (KEY alone takes the caller\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l unsetenv -d 'Remove an environment variable from the image' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l ignorefile -d 'The ignore file to use instead of .containerignore/.dockerignore' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l skip-unused-stages -d 'Build only the stages the target needs' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l os -d 'Operating system of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l arch -d 'Architecture of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l variant -d 'Architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l os-feature -d 'An OS feature the image needs (recorded in its config)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l os-version -d 'The OS version the image needs (recorded in its config)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l logfile -d 'Write the build\'s output to this file instead of stdout' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l logsplit -d 'One log file per platform (one platform here: no effect)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l jobs -d 'Stages to build at once (stages are built one after the other)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l rm -d 'Remove intermediate containers (cove never leaves any)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l force-rm -d 'Remove intermediate containers even after a failure (cove always does)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l identity-label -d 'Add the builder\'s identity label (cove adds none)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -s D -l disable-compression -d 'Do not compress layers (no effect: local layers are never compressed)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l disable-content-trust -d 'Skip image verification (no effect, as in Podman)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l isolation -d 'How RUN steps are isolated: oci (default), chroot, rootless (all run as cove run does)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cache-from -d 'Images to use as cache (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cache-to -d 'Where to push the cache (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cache-ttl -d 'Ignore cached layers older than this (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l manifest -d 'Add the image to a manifest list (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l hooks-dir -d 'OCI hooks directory (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l runtime-flag -d 'Option for the OCI runtime (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l cpp-flag -d 'Preprocessor flag for Containerfile.in (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l sign-by -d 'Sign the image with this GPG key (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l decryption-key -d 'Key to decrypt encrypted base images (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l ssh -d 'SSH agent socket or keys for RUN --mount=type=ssh (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand build" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand build" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand build" -l no-cache -d 'Do not use the layer cache'
complete -c cove -n "__fish_cove_using_subcommand build" -s q -l quiet -d 'Print only the image ID'
complete -c cove -n "__fish_cove_using_subcommand build" -l squash -d 'Squash the layers the build adds into one'
complete -c cove -n "__fish_cove_using_subcommand build" -l squash-all -d 'Squash the whole image, base layers included, into one layer'
complete -c cove -n "__fish_cove_using_subcommand build" -l no-hosts -d 'Do not create /etc/hosts for RUN steps'
complete -c cove -n "__fish_cove_using_subcommand build" -l omit-history -d 'Leave no history in the image'
complete -c cove -n "__fish_cove_using_subcommand build" -l stdin -d 'Give RUN steps the build\'s stdin (accepted; RUN steps get no stdin)'
complete -c cove -n "__fish_cove_using_subcommand build" -l compress -d 'Compress the context (no effect: the context is read in place)'
complete -c cove -n "__fish_cove_using_subcommand build" -l all-platforms -d 'Build for every platform of the base image (not supported: local platform only)'
complete -c cove -n "__fish_cove_using_subcommand build" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand build" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand build" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -f -a "run" -d 'Run a container\'s health check once and print its status'
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "events" -d 'Show events (as `cove events`)'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "check" -d 'Check that this host lets you run containers: each missing piece and its fix'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "service" -d 'Serve the Docker-compatible API on a socket, until idle'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "migrate" -d 'Migrate the store to this version of cove (done on first use anyway), and optionally every container to another OCI runtime'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "renumber" -d 'Renumber the store\'s locks (cove\'s locks are per container: nothing to do)'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "info" -d 'Display system-wide information'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "df" -d 'Show disk usage of images, containers and volumes'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "prune" -d 'Remove unused containers, networks, images (and volumes)'
complete -c cove -n "__fish_cove_using_subcommand system; and not __fish_seen_subcommand_from events check service migrate renumber info df prune reset" -f -a "reset" -d 'Remove all containers, images, volumes, networks and cove\'s state'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l since -d 'Show events since this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l until -d 'Stop at this time (same forms as --since)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -s f -l filter -d 'Only matching events (container=, event=, type=, image=, label=, volume=, network=); values of one key are alternatives' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l format -d 'Format: json (one object per line) or a Go template like \'{{.Status}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l stream -d 'Keep printing new events (the default); false prints past events and exits' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l no-trunc -d 'Print full IDs (the default); false shortens them to 12 characters' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from events" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -s f -l format -d 'Format: json or a Go template over the report (`{{range .Items}}{{.Name}} {{.Severity}}{{end}}`)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -s t -l time -d 'Exit after this many seconds without a request in progress (0: never)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l cors -d 'Send these CORS headers\' origin (Access-Control-Allow-Origin) with every answer' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from service" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l new-runtime -d 'Move every container to this OCI runtime (running ones are stopped first)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from renumber" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Format: json or a Go template like \'{{.Store.GraphDriverName}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'Format: json or a Go template like \'{{.Type}} {{.Size}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -s v -l verbose -d 'Show every image, container and volume'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from df" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l filter -d 'Only what was created before a time (until=TIMESTAMP|DURATION) or carries a label (label=KEY[=VALUE], label!=KEY[=VALUE])' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all images without containers, not just dangling ones'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l volumes -d 'Remove volumes no container uses too'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand system; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -f -a "kube" -d 'Generate Kubernetes Pod YAML from containers or pods (as `kube generate`)'
complete -c cove -n "__fish_cove_using_subcommand generate; and not __fish_seen_subcommand_from kube systemd" -f -a "systemd" -d 'Generate systemd units that run a container, or a pod and its containers, as user services'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -s f -l filename -d 'Write the YAML to this file instead of standard output' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -s s -l service -d 'Also generate a Service for the published ports'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from kube" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-policy -d 'systemd restart policy (Restart=): no, on-success, on-failure, on-abnormal, on-watchdog, on-abort or always' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-sec -d 'Seconds systemd waits before restarting (RestartSec=)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l start-timeout -d 'Seconds systemd allows for the start (TimeoutStartSec=)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s t -l stop-timeout -l time -d 'Seconds to wait for the container to stop before killing it (default: its own stop timeout)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l after -d 'Start after these units (After=)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l requires -d 'Units that must run too (Requires=)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l wants -d 'Units that should run too (Wants=)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l container-prefix -d 'Prefix of the unit\'s name' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l separator -d 'Between the prefix and the container\'s name or ID' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l format -d 'Print a JSON object of unit name to unit text' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s e -l env -d 'Environment= line for the unit: KEY=VALUE, KEY (its value here; left out when unset) or PREFIX* (every variable here starting with PREFIX)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l pod-prefix -d 'Prefix of a pod\'s unit name' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l new -d 'Run a new container at each start (from the arguments this one was created with) and remove it at each stop, instead of starting and stopping this container'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s n -l name -d 'Name the units after the container\'s or pod\'s name instead of its ID'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s f -l files -d 'Write the units into the current directory and print their paths'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l no-header -d 'Leave out the comment header'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l template -d 'A template unit (NAME@.service): each instance runs its own container, named NAME-INSTANCE (implies --new)'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -f -a "build" -d 'Build an image (as `cove build`)'
complete -c cove -n "__fish_cove_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -f -a "prune" -d 'Remove the build cache'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile or Dockerfile, - for stdin (default: Containerfile, then Dockerfile in the context)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l build-arg -d 'A build argument, NAME=VALUE (NAME alone takes it from the environment)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Build arguments from a file: KEY=VALUE lines, # comments (repeatable; --build-arg wins)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l target -d 'Build up to this stage' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l layers -d 'Cache intermediate images (false: no cache)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image ID to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l label -d 'Set a label on the image, KEY=VALUE (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l format -d 'Image format: oci or docker (docker keeps HEALTHCHECK, ONBUILD and SHELL)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l timestamp -d 'Created time of the image and its history, and time of every file in the new layers, in seconds since the epoch (reproducible builds)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l platform -d 'The platform to build for: only the local one is supported' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l pull -d 'Pull policy for base images: missing, always, never, newer' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l network -d 'Network of RUN steps: slirp4netns (default), pasta, none, host, private, or a network\'s name' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l add-host -d 'Add a host-to-IP mapping to RUN steps\' /etc/hosts (HOST:IP)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l dns -d 'DNS server of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l dns-option -d 'DNS resolver option of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l dns-search -d 'DNS search domain of RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cap-add -d 'Add a capability to RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cap-drop -d 'Drop a capability from RUN steps' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s v -l volume -d 'Bind mount into every RUN step (HOST-DIR:CONTAINER-DIR[:OPTIONS]); not in the image' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l device -d 'Bind a host device into RUN steps (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l ulimit -d 'Resource limit of RUN steps (TYPE=SOFT[:HARD])' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l security-opt -d 'Security options of RUN steps: no-new-privileges, seccomp=unconfined|PROFILE' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l shm-size -d 'Size of /dev/shm in RUN steps (e.g. 64m)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l annotation -d 'Add an annotation to RUN steps\' runtime spec (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l http-proxy -d 'Pass the caller\'s proxy variables (http_proxy, ...) to RUN steps' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l ipc -d 'IPC namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l pid -d 'PID namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l uts -d 'UTS namespace of RUN steps: private, host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cgroupns -d 'cgroup namespace of RUN steps: private, host' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l userns -d 'User namespace of RUN steps: host (the default, cove\'s rootless namespace) only' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l userns-uid-map -d 'UID map of RUN steps\' user namespace (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l userns-gid-map -d 'GID map of RUN steps\' user namespace (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l userns-uid-map-user -d 'UID map from /etc/subuid of a user (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l userns-gid-map-group -d 'GID map from /etc/subgid of a group (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s m -l memory -d 'Memory limit of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l memory-swap -d 'Memory plus swap limit of RUN steps, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cpu-period -d 'CPU CFS period of RUN steps in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cpu-quota -d 'CPU CFS quota of RUN steps in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s c -l cpu-shares -d 'CPU shares of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cpuset-cpus -d 'CPUs RUN steps may use, e.g. 0-3 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cpuset-mems -d 'Memory nodes RUN steps may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cgroup-parent -d 'Parent cgroup of RUN steps (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates when pulling (default: registries.conf)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l creds -d 'Credentials (USERNAME:PASSWORD) for pulling base images' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file for pulling base images' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s trust store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l retry -d 'Times to retry a failed pull (accepted; cove\'s pull does not retry)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l retry-delay -d 'Delay between pull retries (accepted with --retry)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l from -d 'Replace the first stage\'s base image' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l build-context -d 'A named context for COPY --from=NAME and FROM NAME: NAME=DIR or NAME=docker-image://IMAGE' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s o -l output -d 'Also write the image\'s filesystem out: DIR, type=local,dest=DIR or type=tar,dest=FILE' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l env -d 'Set an environment variable in the image, KEY=VALUE (KEY alone takes the caller\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l unsetenv -d 'Remove an environment variable from the image' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l ignorefile -d 'The ignore file to use instead of .containerignore/.dockerignore' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l skip-unused-stages -d 'Build only the stages the target needs' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l os -d 'Operating system of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l arch -d 'Architecture of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l variant -d 'Architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l os-feature -d 'An OS feature the image needs (recorded in its config)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l os-version -d 'The OS version the image needs (recorded in its config)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output to this file instead of stdout' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l logsplit -d 'One log file per platform (one platform here: no effect)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l jobs -d 'Stages to build at once (stages are built one after the other)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l rm -d 'Remove intermediate containers (cove never leaves any)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l force-rm -d 'Remove intermediate containers even after a failure (cove always does)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l identity-label -d 'Add the builder\'s identity label (cove adds none)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s D -l disable-compression -d 'Do not compress layers (no effect: local layers are never compressed)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l disable-content-trust -d 'Skip image verification (no effect, as in Podman)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l isolation -d 'How RUN steps are isolated: oci (default), chroot, rootless (all run as cove run does)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cache-from -d 'Images to use as cache (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cache-to -d 'Where to push the cache (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cache-ttl -d 'Ignore cached layers older than this (accepted: cove\'s layer cache is local)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l manifest -d 'Add the image to a manifest list (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l hooks-dir -d 'OCI hooks directory (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l runtime-flag -d 'Option for the OCI runtime (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cpp-flag -d 'Preprocessor flag for Containerfile.in (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l sign-by -d 'Sign the image with this GPG key (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l decryption-key -d 'Key to decrypt encrypted base images (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l ssh -d 'SSH agent socket or keys for RUN --mount=type=ssh (not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use the layer cache'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image ID'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers the build adds into one'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash the whole image, base layers included, into one layer'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l no-hosts -d 'Do not create /etc/hosts for RUN steps'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l omit-history -d 'Leave no history in the image'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l stdin -d 'Give RUN steps the build\'s stdin (accepted; RUN steps get no stdin)'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l compress -d 'Compress the context (no effect: the context is read in place)'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l all-platforms -d 'Build for every platform of the base image (not supported: local platform only)'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l filter -d 'Only entries that match (Docker\'s until=, id=, ...: refused, cove\'s entries carry no such attributes)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l keep-storage -d 'Keep this much of the cache (cove\'s entries take no space of their own)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all of the cache, not only dangling entries (cove\'s cache has only one kind)'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand builder; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -f -a "create" -d 'Create a checkpoint of a running container'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -f -a "ls" -d 'List a container\'s checkpoints'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -f -a "list" -d 'List a container\'s checkpoints'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -f -a "rm" -d 'Remove a checkpoint'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and not __fish_seen_subcommand_from create ls list rm remove" -f -a "remove" -d 'Remove a checkpoint'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l checkpoint-dir -d 'Where checkpoints are kept' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l leave-running -d 'Leave the container running after the checkpoint (create)'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l checkpoint-dir -d 'Where checkpoints are kept' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l leave-running -d 'Leave the container running after the checkpoint (create)'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l checkpoint-dir -d 'Where checkpoints are kept' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l leave-running -d 'Leave the container running after the checkpoint (create)'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l checkpoint-dir -d 'Where checkpoints are kept' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l leave-running -d 'Leave the container running after the checkpoint (create)'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l checkpoint-dir -d 'Where checkpoints are kept' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l leave-running -d 'Leave the container running after the checkpoint (create)'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand checkpoint; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -f -a "generate" -d 'Generate Kubernetes Pod YAML from containers or pods'
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -f -a "play" -d 'Create pods, containers and volumes from a Kubernetes YAML file'
complete -c cove -n "__fish_cove_using_subcommand kube; and not __fish_seen_subcommand_from generate play down" -f -a "down" -d 'Stop and remove the pods a Kubernetes YAML file describes'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -s f -l filename -d 'Write the YAML to this file instead of standard output' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -s s -l service -d 'Also generate a Service for the published ports'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l start -d 'Start the pods (--start=false: only create them)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l configmap -d 'ConfigMap YAML files the pods\' environment may read (repeatable, or comma-separated)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l network -d 'The pods\' network: a cove network\'s name, none, host, slirp4netns[:OPTS] or pasta[:OPTS]' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l publish -d 'Publish a pod\'s port on the host ([IP:]HOSTPORT:CONTAINERPORT[/PROTO]), over the YAML\'s hostPort for that container port (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l ip -d 'Static IPv4 address of each pod on a cove network, in the file\'s order (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l mac-address -d 'Static MAC address of each pod on a cove network, in the file\'s order (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l annotation -d 'Add an annotation to every container (KEY=VALUE, repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s CA store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-driver -d 'Logging driver of the containers: k8s-file (default), json-file, none' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-opt -d 'Logging driver options of the containers (max-size=SIZE)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l userns -d 'User namespace of the pods: host or keep-id (their containers join the infra\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l build -d 'Build images the file names from directories beside it (not supported: build them with `cove build` first)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l context-dir -d 'Where --build looks for the images\' directories' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l seccomp-profile-root -d 'Directory of seccomp profiles named by the file\'s annotations (accepted; cove applies its default profile to played containers)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l service-container -d 'Keep running until the pods\' containers have all exited (what a systemd unit runs; taking the pods down ends it)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l replace -d 'Take down pods of the same names first'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l down -d 'Stop and remove the pods the file describes, instead of creating them'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -s q -l quiet -d 'Do not print the progress of image pulls'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l no-hosts -d 'Do not write /etc/hosts into the pods'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from play" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand kube; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l format -d 'json, or a Go template over Unit, Container, ContainerName, ContainerID, Image, Policy, Updated' -r
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l rollback -d 'Put a container back on its old image when it does not start on the new one' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand auto-update" -l dry-run -d 'Only check: UPDATED says pending where an update is waiting'
complete -c cove -n "__fish_cove_using_subcommand auto-update" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand auto-update" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand play; and not __fish_seen_subcommand_from kube" -f -a "kube" -d 'Create pods, containers and volumes from a Kubernetes YAML file'
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l start -d 'Start the pods (--start=false: only create them)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l configmap -d 'ConfigMap YAML files the pods\' environment may read (repeatable, or comma-separated)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l network -d 'The pods\' network: a cove network\'s name, none, host, slirp4netns[:OPTS] or pasta[:OPTS]' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l publish -d 'Publish a pod\'s port on the host ([IP:]HOSTPORT:CONTAINERPORT[/PROTO]), over the YAML\'s hostPort for that container port (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l ip -d 'Static IPv4 address of each pod on a cove network, in the file\'s order (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l mac-address -d 'Static MAC address of each pod on a cove network, in the file\'s order (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l annotation -d 'Add an annotation to every container (KEY=VALUE, repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l cert-dir -d 'Directory of registry certificates (not supported: cove uses the system\'s CA store)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-driver -d 'Logging driver of the containers: k8s-file (default), json-file, none' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-opt -d 'Logging driver options of the containers (max-size=SIZE)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l userns -d 'User namespace of the pods: host or keep-id (their containers join the infra\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l build -d 'Build images the file names from directories beside it (not supported: build them with `cove build` first)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l context-dir -d 'Where --build looks for the images\' directories' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l seccomp-profile-root -d 'Directory of seccomp profiles named by the file\'s annotations (accepted; cove applies its default profile to played containers)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l service-container -d 'Keep running until the pods\' containers have all exited (what a systemd unit runs; taking the pods down ends it)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l replace -d 'Take down pods of the same names first'
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l down -d 'Stop and remove the pods the file describes, instead of creating them'
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -s q -l quiet -d 'Do not print the progress of image pulls'
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l no-hosts -d 'Do not write /etc/hosts into the pods'
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c cove -n "__fish_cove_using_subcommand play; and __fish_seen_subcommand_from kube" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand run" -l detach-keys -d 'Key sequence for detaching (default ctrl-p,ctrl-q)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l preserve-fds -d 'Pass file descriptors 3 to 3+N-1 of cove on to the container\'s process' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l name -d 'Assign a name to the container' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l pod -d 'Run in an existing pod, or a new one with new:NAME' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l pod-id-file -d 'Run in the pod whose ID is in this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to take it from the host)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l env-file -d 'Read environment variables from a file' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c cove -n "__fish_cove_using_subcommand run" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l hostname -d 'Container host name' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cap-add -d 'Add Linux capabilities' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined, seccomp=PROFILE.json (OCI or Docker format)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l stop-signal -d 'Signal to stop the container' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l restart -d 'Restart policy when the container exits: no, on-failure[:MAX], always, unless-stopped' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l health-cmd -d 'Command to check the container\'s health (run by /bin/sh -c inside it), or "none"' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l health-interval -d 'Time between health checks (e.g. 30s, 1m30s)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l health-retries -d 'Failed checks in a row before the container is unhealthy' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l health-start-period -d 'Time after start during which failed checks do not count' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l health-timeout -d 'Longest a check may run before it counts as failed' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, restart, stop' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l network -d 'Network mode: slirp4netns[:OPTIONS] (default), pasta[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or the name of a network (`cove network create`)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l ipc -d 'IPC namespace: shareable (default), private, host, none (no /dev/shm), container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l uts -d 'UTS namespace (hostname): private (default), host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l pid -d 'PID namespace: private (default), host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cgroupns -d 'cgroup namespace: private (default on cgroup v2), host (default on v1)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l sysctl -d 'Set a namespaced kernel parameter (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l network-alias -d 'Another name the container has on its network (for the network\'s DNS)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l ip -d 'The container\'s IPv4 address on its network' -r
complete -c cove -n "__fish_cove_using_subcommand run" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL])' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l expose -d 'Expose a port (or range) without publishing it, for -P' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l dns -d 'Set a custom DNS server' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l dns-search -d 'Set a custom DNS search domain ("." for none)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l dns-option -d 'Set a DNS resolver option' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l add-host -d 'Add a custom host-to-IP mapping (HOST:IP, IP may be host-gateway)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l mac-address -d 'Container MAC address (slirp4netns)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l runtime -d 'OCI runtime to use: a name on PATH or a path (default: the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l pull -d 'Pull policy: missing, always, never, newer' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l log-opt -d 'Logging driver options (max-size=SIZE)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -s v -l volume -d 'Bind mount a volume (HOST-DIR:CONTAINER-DIR[:OPTIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l tmpfs -d 'Mount a tmpfs directory (DIR[:OPTIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l ulimit -d 'Resource limit (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l shm-size -d 'Size of /dev/shm (e.g. 64m)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l userns -d 'User namespace: "" (default) or keep-id (run as your own uid inside)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l mount -d 'Attach a filesystem mount (type=bind|volume|tmpfs,source=...,target=...[,readonly])' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l sdnotify -d 'Under systemd ($NOTIFY_SOCKET): who reports readiness, the container\'s own process (container), cove once it runs (conmon), or nobody (ignore)' -r -f -a "container\t''
conmon\t''
ignore\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l annotation -d 'Add an annotation to the container\'s runtime spec (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l label-file -d 'Read labels from a file (KEY=VALUE lines)' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -l unsetenv -d 'Remove a variable from the container\'s environment' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l http-proxy -d 'Pass the caller\'s proxy variables (http_proxy, ...) into the container' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l umask -d 'The container\'s umask (octal)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l group-add -d 'Add supplementary groups (names from the image\'s /etc/group, or numbers)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l tz -d 'Time zone: local (the host\'s) or an IANA name such as Europe/Paris' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cidfile -d 'Write the container ID to this file (which must not exist)' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -l pidfile -d 'Write the container\'s PID to this file at each start' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l log-driver -d 'Logging driver: k8s-file (default), json-file (the same format), none' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l init-path -d 'Path of the init binary --init runs (default: cove-init)' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -l secret -d 'Give the container a secret (NAME[,type=mount|env][,target=T][,uid=U][,gid=G][,mode=M])' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l volumes-from -d 'Mount the volumes of another container (CONTAINER[:ro|rw])' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l device -d 'Bind a host device into the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l platform -d 'Platform of the image (os/arch[/variant]): this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l arch -d 'Architecture of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l os -d 'Operating system of the image: linux' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l variant -d 'Architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l tls-verify -d 'Require HTTPS and verify certificates when pulling (default: registries.conf)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l authfile -d 'Path of the authentication file for the pull' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -s m -l memory -d 'Memory limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cpus -d 'Number of CPUs (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l pids-limit -d 'Process limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cpu-period -d 'CPU CFS period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cpu-quota -d 'CPU CFS quota in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cpu-rt-period -d 'CPU real-time period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cpu-rt-runtime -d 'CPU real-time runtime in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -s c -l cpu-shares -d 'CPU shares, a relative weight (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cpuset-cpus -d 'CPUs the container may use, e.g. 0-3 or 0,1 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cpuset-mems -d 'Memory nodes the container may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE, e.g. /dev/sda:1mb; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l device-read-iops -d 'Read operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l device-write-iops -d 'Write operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l memory-reservation -d 'Memory soft limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l memory-swap -d 'Memory plus swap limit, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l memory-swappiness -d 'Swappiness, 0 to 100 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l kernel-memory -d 'Kernel memory limit (Docker; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l init-ctr -d 'With --pod: an init container, run to completion at every pod start (always) or at the first (once, then removed), before the pod\'s other containers' -r
complete -c cove -n "__fish_cove_using_subcommand run" -s a -l attach -d 'Attach these streams: stdin, stdout, stderr (default: stdout and stderr, stdin too with -i)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l sig-proxy -d 'Pass the signals cove receives on to the container (run in the foreground)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l timeout -d 'Kill the container after this many seconds (exit code 255)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l requires -d 'Containers to start before this one (comma-separated names or IDs)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l env-merge -d 'Set a variable, ${NAME} in the value being its current value (PATH=/x:${PATH})' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l passwd-entry -d 'The /etc/passwd line added when the user has none ($USERNAME, $UID, $GID, $NAME, $HOME are filled in)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l passwd -d 'Allow cove to add entries to /etc/passwd (--passwd-entry, --hostuser)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l hostuser -d 'Add the host\'s /etc/passwd entry of this user (name or UID) to the container\'s' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l conmon-pidfile -d 'Write the PID of the container\'s monitor (cove-conmon) to this file at each start' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -l oom-score-adj -d 'The container\'s OOM score adjustment (-1000 to 1000; rootless: only raised)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l personality -d 'Execution domain: LINUX or LINUX32' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l image-volume -d 'What the image\'s volumes become: bind (anonymous volumes, default), tmpfs, ignore' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l seccomp-policy -d 'Where the seccomp profile comes from: default (image: not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l systemd -d 'Run in systemd mode: true (when the command is an init; default), false, always' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l chrootdirs -d 'Paths inside the container that are chroots (accepted; cove adds nothing to them)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l ip6 -d 'The container\'s IPv6 address (cove\'s networks are IPv4 only)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l uidmap -d 'UID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l gidmap -d 'GID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l subuidname -d 'Name of a range in /etc/subuid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l subgidname -d 'Name of a range in /etc/subgid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cgroups -d 'Cgroup mode: enabled, disabled, no-conmon (cove creates no cgroup either way), split (refused)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cgroup-parent -d 'Parent cgroup (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l cgroup-conf -d 'Cgroup v2 setting KEY=VALUE (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l device-cgroup-rule -d 'Device cgroup rule (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l disable-content-trust -d 'Skip image verification (a no-op, as in Podman)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l domainname -d 'The container\'s NIS domain name' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l gpus -d 'GPUs to add (not supported: use --device)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l health-start-interval -d 'Time between health checks during the start period' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l storage-opt -d 'Per-container storage option (not supported by cove\'s drivers)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l volume-driver -d 'Volume driver: local only' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand run" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand run" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand run" -s d -l detach -d 'Run in the background and print the container ID'
complete -c cove -n "__fish_cove_using_subcommand run" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c cove -n "__fish_cove_using_subcommand run" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c cove -n "__fish_cove_using_subcommand run" -l env-host -d 'Pass all host environment variables into the container'
complete -c cove -n "__fish_cove_using_subcommand run" -l privileged -d 'Give extended privileges to this container'
complete -c cove -n "__fish_cove_using_subcommand run" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c cove -n "__fish_cove_using_subcommand run" -l rm -d 'Automatically remove the container when it exits'
complete -c cove -n "__fish_cove_using_subcommand run" -l no-healthcheck -d 'Disable any health check, the image\'s included'
complete -c cove -n "__fish_cove_using_subcommand run" -s P -l publish-all -d 'Publish every port the image exposes to a random host port'
complete -c cove -n "__fish_cove_using_subcommand run" -l no-hosts -d 'Do not create /etc/hosts for the container'
complete -c cove -n "__fish_cove_using_subcommand run" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c cove -n "__fish_cove_using_subcommand run" -l replace -d 'Remove an existing container of the same --name first, even a running one'
complete -c cove -n "__fish_cove_using_subcommand run" -l unsetenv-all -d 'Remove every variable the image or cove would set'
complete -c cove -n "__fish_cove_using_subcommand run" -s q -l quiet -d 'Suppress the pull\'s progress output'
complete -c cove -n "__fish_cove_using_subcommand run" -l oom-kill-disable -d 'Do not kill the container\'s processes when out of memory (needs a delegated cgroup)'
complete -c cove -n "__fish_cove_using_subcommand run" -l rmi -d 'Remove the image once the container exits and is removed (implies --rm)'
complete -c cove -n "__fish_cove_using_subcommand run" -l rootfs -d 'Run from this directory instead of an image (not supported: import it)'
complete -c cove -n "__fish_cove_using_subcommand run" -l use-api-socket -d 'Bind the engine\'s API socket into the container (not supported)'
complete -c cove -n "__fish_cove_using_subcommand run" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand run" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand events" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand events" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand events" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand events" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand events" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand events" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand events" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand events" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand events" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand events" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand events" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand events" -l since -d 'Show events since this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c cove -n "__fish_cove_using_subcommand events" -l until -d 'Stop at this time (same forms as --since)' -r
complete -c cove -n "__fish_cove_using_subcommand events" -s f -l filter -d 'Only matching events (container=, event=, type=, image=, label=, volume=, network=); values of one key are alternatives' -r
complete -c cove -n "__fish_cove_using_subcommand events" -l format -d 'Format: json (one object per line) or a Go template like \'{{.Status}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand events" -l stream -d 'Keep printing new events (the default); false prints past events and exits' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand events" -l no-trunc -d 'Print full IDs (the default); false shortens them to 12 characters' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand events" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand events" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand create" -l name -d 'Assign a name to the container' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l pod -d 'Run in an existing pod, or a new one with new:NAME' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l pod-id-file -d 'Run in the pod whose ID is in this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to take it from the host)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l env-file -d 'Read environment variables from a file' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c cove -n "__fish_cove_using_subcommand create" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l hostname -d 'Container host name' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cap-add -d 'Add Linux capabilities' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined, seccomp=PROFILE.json (OCI or Docker format)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l stop-signal -d 'Signal to stop the container' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l restart -d 'Restart policy when the container exits: no, on-failure[:MAX], always, unless-stopped' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l health-cmd -d 'Command to check the container\'s health (run by /bin/sh -c inside it), or "none"' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l health-interval -d 'Time between health checks (e.g. 30s, 1m30s)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l health-retries -d 'Failed checks in a row before the container is unhealthy' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l health-start-period -d 'Time after start during which failed checks do not count' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l health-timeout -d 'Longest a check may run before it counts as failed' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, restart, stop' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l network -d 'Network mode: slirp4netns[:OPTIONS] (default), pasta[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or the name of a network (`cove network create`)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l ipc -d 'IPC namespace: shareable (default), private, host, none (no /dev/shm), container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l uts -d 'UTS namespace (hostname): private (default), host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l pid -d 'PID namespace: private (default), host, container:NAME|ID, ns:PATH' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cgroupns -d 'cgroup namespace: private (default on cgroup v2), host (default on v1)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l sysctl -d 'Set a namespaced kernel parameter (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l network-alias -d 'Another name the container has on its network (for the network\'s DNS)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l ip -d 'The container\'s IPv4 address on its network' -r
complete -c cove -n "__fish_cove_using_subcommand create" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL])' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l expose -d 'Expose a port (or range) without publishing it, for -P' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l dns -d 'Set a custom DNS server' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l dns-search -d 'Set a custom DNS search domain ("." for none)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l dns-option -d 'Set a DNS resolver option' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l add-host -d 'Add a custom host-to-IP mapping (HOST:IP, IP may be host-gateway)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l mac-address -d 'Container MAC address (slirp4netns)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l runtime -d 'OCI runtime to use: a name on PATH or a path (default: the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l pull -d 'Pull policy: missing, always, never, newer' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l log-opt -d 'Logging driver options (max-size=SIZE)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -s v -l volume -d 'Bind mount a volume (HOST-DIR:CONTAINER-DIR[:OPTIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l tmpfs -d 'Mount a tmpfs directory (DIR[:OPTIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l ulimit -d 'Resource limit (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l shm-size -d 'Size of /dev/shm (e.g. 64m)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l userns -d 'User namespace: "" (default) or keep-id (run as your own uid inside)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l mount -d 'Attach a filesystem mount (type=bind|volume|tmpfs,source=...,target=...[,readonly])' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l sdnotify -d 'Under systemd ($NOTIFY_SOCKET): who reports readiness, the container\'s own process (container), cove once it runs (conmon), or nobody (ignore)' -r -f -a "container\t''
conmon\t''
ignore\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l annotation -d 'Add an annotation to the container\'s runtime spec (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l label-file -d 'Read labels from a file (KEY=VALUE lines)' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -l unsetenv -d 'Remove a variable from the container\'s environment' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l http-proxy -d 'Pass the caller\'s proxy variables (http_proxy, ...) into the container' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l umask -d 'The container\'s umask (octal)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l group-add -d 'Add supplementary groups (names from the image\'s /etc/group, or numbers)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l tz -d 'Time zone: local (the host\'s) or an IANA name such as Europe/Paris' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cidfile -d 'Write the container ID to this file (which must not exist)' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -l pidfile -d 'Write the container\'s PID to this file at each start' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l log-driver -d 'Logging driver: k8s-file (default), json-file (the same format), none' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l init-path -d 'Path of the init binary --init runs (default: cove-init)' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -l secret -d 'Give the container a secret (NAME[,type=mount|env][,target=T][,uid=U][,gid=G][,mode=M])' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l volumes-from -d 'Mount the volumes of another container (CONTAINER[:ro|rw])' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l device -d 'Bind a host device into the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l platform -d 'Platform of the image (os/arch[/variant]): this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l arch -d 'Architecture of the image: this machine\'s only' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l os -d 'Operating system of the image: linux' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l variant -d 'Architecture variant of the image' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l tls-verify -d 'Require HTTPS and verify certificates when pulling (default: registries.conf)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l authfile -d 'Path of the authentication file for the pull' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -s m -l memory -d 'Memory limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cpus -d 'Number of CPUs (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l pids-limit -d 'Process limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l blkio-weight -d 'Block IO weight, 10 to 1000 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l blkio-weight-device -d 'Block IO weight of a device (DEVICE:WEIGHT; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cpu-period -d 'CPU CFS period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cpu-quota -d 'CPU CFS quota in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cpu-rt-period -d 'CPU real-time period in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cpu-rt-runtime -d 'CPU real-time runtime in microseconds (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -s c -l cpu-shares -d 'CPU shares, a relative weight (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cpuset-cpus -d 'CPUs the container may use, e.g. 0-3 or 0,1 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cpuset-mems -d 'Memory nodes the container may use (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l device-read-bps -d 'Read rate limit of a device (DEVICE:RATE, e.g. /dev/sda:1mb; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l device-read-iops -d 'Read operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l device-write-bps -d 'Write rate limit of a device (DEVICE:RATE; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l device-write-iops -d 'Write operations per second of a device (DEVICE:N; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l memory-reservation -d 'Memory soft limit (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l memory-swap -d 'Memory plus swap limit, -1 for unlimited (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l memory-swappiness -d 'Swappiness, 0 to 100 (needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l kernel-memory -d 'Kernel memory limit (Docker; needs a delegated cgroup)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l init-ctr -d 'With --pod: an init container, run to completion at every pod start (always) or at the first (once, then removed), before the pod\'s other containers' -r
complete -c cove -n "__fish_cove_using_subcommand create" -s a -l attach -d 'Attach these streams: stdin, stdout, stderr (default: stdout and stderr, stdin too with -i)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l sig-proxy -d 'Pass the signals cove receives on to the container (run in the foreground)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l timeout -d 'Kill the container after this many seconds (exit code 255)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l requires -d 'Containers to start before this one (comma-separated names or IDs)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l env-merge -d 'Set a variable, ${NAME} in the value being its current value (PATH=/x:${PATH})' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l passwd-entry -d 'The /etc/passwd line added when the user has none ($USERNAME, $UID, $GID, $NAME, $HOME are filled in)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l passwd -d 'Allow cove to add entries to /etc/passwd (--passwd-entry, --hostuser)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l hostuser -d 'Add the host\'s /etc/passwd entry of this user (name or UID) to the container\'s' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l conmon-pidfile -d 'Write the PID of the container\'s monitor (cove-conmon) to this file at each start' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -l oom-score-adj -d 'The container\'s OOM score adjustment (-1000 to 1000; rootless: only raised)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l personality -d 'Execution domain: LINUX or LINUX32' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l image-volume -d 'What the image\'s volumes become: bind (anonymous volumes, default), tmpfs, ignore' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l seccomp-policy -d 'Where the seccomp profile comes from: default (image: not supported)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l systemd -d 'Run in systemd mode: true (when the command is an init; default), false, always' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l chrootdirs -d 'Paths inside the container that are chroots (accepted; cove adds nothing to them)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l ip6 -d 'The container\'s IPv6 address (cove\'s networks are IPv4 only)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l uidmap -d 'UID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l gidmap -d 'GID map CONTAINER:INTERMEDIATE:SIZE for the user namespace (repeatable)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l subuidname -d 'Name of a range in /etc/subuid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l subgidname -d 'Name of a range in /etc/subgid for the user namespace' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cgroups -d 'Cgroup mode: enabled, disabled, no-conmon (cove creates no cgroup either way), split (refused)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cgroup-parent -d 'Parent cgroup (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l cgroup-conf -d 'Cgroup v2 setting KEY=VALUE (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l device-cgroup-rule -d 'Device cgroup rule (needs a delegated cgroup v2 hierarchy)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l disable-content-trust -d 'Skip image verification (a no-op, as in Podman)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l domainname -d 'The container\'s NIS domain name' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l gpus -d 'GPUs to add (not supported: use --device)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l health-start-interval -d 'Time between health checks during the start period' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l storage-opt -d 'Per-container storage option (not supported by cove\'s drivers)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l volume-driver -d 'Volume driver: local only' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand create" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand create" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand create" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c cove -n "__fish_cove_using_subcommand create" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c cove -n "__fish_cove_using_subcommand create" -l env-host -d 'Pass all host environment variables into the container'
complete -c cove -n "__fish_cove_using_subcommand create" -l privileged -d 'Give extended privileges to this container'
complete -c cove -n "__fish_cove_using_subcommand create" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c cove -n "__fish_cove_using_subcommand create" -l rm -d 'Automatically remove the container when it exits'
complete -c cove -n "__fish_cove_using_subcommand create" -l no-healthcheck -d 'Disable any health check, the image\'s included'
complete -c cove -n "__fish_cove_using_subcommand create" -s P -l publish-all -d 'Publish every port the image exposes to a random host port'
complete -c cove -n "__fish_cove_using_subcommand create" -l no-hosts -d 'Do not create /etc/hosts for the container'
complete -c cove -n "__fish_cove_using_subcommand create" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c cove -n "__fish_cove_using_subcommand create" -l replace -d 'Remove an existing container of the same --name first, even a running one'
complete -c cove -n "__fish_cove_using_subcommand create" -l unsetenv-all -d 'Remove every variable the image or cove would set'
complete -c cove -n "__fish_cove_using_subcommand create" -s q -l quiet -d 'Suppress the pull\'s progress output'
complete -c cove -n "__fish_cove_using_subcommand create" -l oom-kill-disable -d 'Do not kill the container\'s processes when out of memory (needs a delegated cgroup)'
complete -c cove -n "__fish_cove_using_subcommand create" -l rmi -d 'Remove the image once the container exits and is removed (implies --rm)'
complete -c cove -n "__fish_cove_using_subcommand create" -l rootfs -d 'Run from this directory instead of an image (not supported: import it)'
complete -c cove -n "__fish_cove_using_subcommand create" -l use-api-socket -d 'Bind the engine\'s API socket into the container (not supported)'
complete -c cove -n "__fish_cove_using_subcommand create" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand create" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand start" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand start" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand start" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand start" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand start" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand start" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand start" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand start" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand start" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand start" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand start" -s f -l filter -d 'With --all, only the containers that match (restart-policy=, label=, name=, status=, ...)' -r
complete -c cove -n "__fish_cove_using_subcommand start" -l detach-keys -d 'Key sequence for detaching' -r
complete -c cove -n "__fish_cove_using_subcommand start" -l sig-proxy -d 'Pass the signals cove receives on to the container (with --attach)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand start" -l checkpoint -d 'Start from this checkpoint (Docker\'s; checkpoints need root and CRIU)' -r
complete -c cove -n "__fish_cove_using_subcommand start" -l checkpoint-dir -d 'Where the checkpoint is kept (with --checkpoint)' -r -F
complete -c cove -n "__fish_cove_using_subcommand start" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand start" -s a -l attach -d 'Attach the container\'s output'
complete -c cove -n "__fish_cove_using_subcommand start" -s i -l interactive -d 'Attach the container\'s stdin'
complete -c cove -n "__fish_cove_using_subcommand start" -l all -d 'Start every container that is not running'
complete -c cove -n "__fish_cove_using_subcommand start" -l boot -d 'With --all, only what Docker\'s daemon brings back when it starts (for a unit run at boot): containers with restart policy always, and unless-stopped ones the user had not stopped; never one that was only created'
complete -c cove -n "__fish_cove_using_subcommand start" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand start" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand stop" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand stop" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand stop" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand stop" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand stop" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand stop" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand stop" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand stop" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand stop" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand stop" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand stop" -s t -l time -l timeout -d 'Seconds to wait before killing the container' -r
complete -c cove -n "__fish_cove_using_subcommand stop" -s s -l signal -d 'Signal to stop the container with, instead of its stop signal (Docker\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand stop" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand stop" -s f -l filter -d 'Stop the containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand stop" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand stop" -s a -l all -d 'Stop all running containers'
complete -c cove -n "__fish_cove_using_subcommand stop" -s i -l ignore -d 'A container that does not exist is not an error'
complete -c cove -n "__fish_cove_using_subcommand stop" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand stop" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand kill" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand kill" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kill" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand kill" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand kill" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand kill" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand kill" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand kill" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kill" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand kill" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand kill" -s s -l signal -d 'Signal to send' -r
complete -c cove -n "__fish_cove_using_subcommand kill" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand kill" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand kill" -s a -l all -d 'Kill all running containers'
complete -c cove -n "__fish_cove_using_subcommand kill" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand kill" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand rm" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand rm" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rm" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand rm" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand rm" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand rm" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand rm" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand rm" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rm" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rm" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand rm" -s t -l time -d 'Seconds to wait for a stop before killing (with --force)' -r
complete -c cove -n "__fish_cove_using_subcommand rm" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand rm" -l filter -d 'Remove the containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand rm" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand rm" -s f -l force -d 'Kill and remove running containers'
complete -c cove -n "__fish_cove_using_subcommand rm" -s a -l all -d 'Remove all containers'
complete -c cove -n "__fish_cove_using_subcommand rm" -s v -l volumes -d 'Remove the container\'s anonymous volumes too (named volumes are kept)'
complete -c cove -n "__fish_cove_using_subcommand rm" -s i -l ignore -d 'A container that does not exist is not an error'
complete -c cove -n "__fish_cove_using_subcommand rm" -l depend -d 'Remove the containers that depend on these first (--requires, shared namespaces)'
complete -c cove -n "__fish_cove_using_subcommand rm" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand rm" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand ps" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand ps" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand ps" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand ps" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand ps" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand ps" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand ps" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand ps" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand ps" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand ps" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand ps" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand ps" -s n -l last -d 'Show the N last created containers' -r
complete -c cove -n "__fish_cove_using_subcommand ps" -s f -l filter -d 'Filter (status=, name=, label=, ancestor=, id=, exited=)' -r
complete -c cove -n "__fish_cove_using_subcommand ps" -l format -d 'Format: json or a Go template like \'{{.ID}} {{.Names}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand ps" -l sort -d 'Sort by: command, created, id, image, names, runningfor, status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c cove -n "__fish_cove_using_subcommand ps" -s w -l watch -d 'Print the list again every N seconds' -r
complete -c cove -n "__fish_cove_using_subcommand ps" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand ps" -s a -l all -d 'Show all containers (default shows just running)'
complete -c cove -n "__fish_cove_using_subcommand ps" -s q -l quiet -d 'Only display container IDs'
complete -c cove -n "__fish_cove_using_subcommand ps" -s l -l latest -d 'Show the latest created container'
complete -c cove -n "__fish_cove_using_subcommand ps" -l no-trunc -d 'Do not truncate output'
complete -c cove -n "__fish_cove_using_subcommand ps" -l noheading -d 'Do not print the header line'
complete -c cove -n "__fish_cove_using_subcommand ps" -s p -l pod -d 'Show the pod each container belongs to'
complete -c cove -n "__fish_cove_using_subcommand ps" -l external -d 'Also list containers of other tools (cove\'s store holds only its own)'
complete -c cove -n "__fish_cove_using_subcommand ps" -l ns -d 'Show each container\'s namespaces (their inode numbers)'
complete -c cove -n "__fish_cove_using_subcommand ps" -s s -l size -d 'Show the size of what each container has written'
complete -c cove -n "__fish_cove_using_subcommand ps" -l sync -d 'Check each container\'s state with its runtime first (cove always does)'
complete -c cove -n "__fish_cove_using_subcommand ps" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand ps" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand logs" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand logs" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand logs" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand logs" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand logs" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand logs" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand logs" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand logs" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand logs" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand logs" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand logs" -l since -d 'Show logs since a time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c cove -n "__fish_cove_using_subcommand logs" -l until -d 'Show logs until a time' -r
complete -c cove -n "__fish_cove_using_subcommand logs" -s n -l tail -d 'Number of lines to show from the end' -r
complete -c cove -n "__fish_cove_using_subcommand logs" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand logs" -s f -l follow -d 'Follow the output'
complete -c cove -n "__fish_cove_using_subcommand logs" -s t -l timestamps -d 'Show timestamps'
complete -c cove -n "__fish_cove_using_subcommand logs" -l color -d 'With several containers: each one\'s prefix in its own colour'
complete -c cove -n "__fish_cove_using_subcommand logs" -l names -d 'With several containers: prefix lines with the name instead of the short ID'
complete -c cove -n "__fish_cove_using_subcommand logs" -l details -d 'Docker\'s: each line after the attributes its --log-opt chose (none here) and a space'
complete -c cove -n "__fish_cove_using_subcommand logs" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand logs" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand exec" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand exec" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand exec" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand exec" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand exec" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand exec" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand exec" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand exec" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -s e -l env -d 'Set environment variables (KEY=VALUE)' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -l env-file -d 'Read environment variables from a file' -r -F
complete -c cove -n "__fish_cove_using_subcommand exec" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -l detach-keys -d 'Key sequence for detaching (checked; cove relays the terminal until the process ends)' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -l preserve-fds -d 'Pass file descriptors 3 to 3+N-1 of cove on to the process' -r
complete -c cove -n "__fish_cove_using_subcommand exec" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand exec" -s i -l interactive -d 'Keep STDIN open'
complete -c cove -n "__fish_cove_using_subcommand exec" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c cove -n "__fish_cove_using_subcommand exec" -s d -l detach -d 'Run the command in the background'
complete -c cove -n "__fish_cove_using_subcommand exec" -l privileged -d 'Give the process every capability (the container\'s seccomp filter still applies)'
complete -c cove -n "__fish_cove_using_subcommand exec" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand exec" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand wait" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand wait" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand wait" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand wait" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand wait" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand wait" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand wait" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand wait" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand wait" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand wait" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand wait" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand wait" -l condition -d 'Wait until the container is in this state (repeatable): created, initialized, running, paused, stopping, stopped, exited, healthy, unhealthy; prints -1 for a state other than stopped or exited' -r
complete -c cove -n "__fish_cove_using_subcommand wait" -s i -l interval -d 'Time between two looks at the container\'s state (with --condition)' -r
complete -c cove -n "__fish_cove_using_subcommand wait" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand wait" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand wait" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand restart" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand restart" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand restart" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand restart" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand restart" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand restart" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand restart" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand restart" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand restart" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand restart" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand restart" -s t -l time -l timeout -d 'Seconds to wait before killing the container' -r
complete -c cove -n "__fish_cove_using_subcommand restart" -s s -l signal -d 'Signal to stop the container with, instead of its stop signal (Docker\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand restart" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand restart" -s f -l filter -d 'The containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand restart" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand restart" -l running -d 'With --all, only the running containers'
complete -c cove -n "__fish_cove_using_subcommand restart" -s a -l all -d 'Every container this command applies to'
complete -c cove -n "__fish_cove_using_subcommand restart" -s l -l latest -d 'The latest created container'
complete -c cove -n "__fish_cove_using_subcommand restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand restart" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand attach" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand attach" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand attach" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand attach" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand attach" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand attach" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand attach" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand attach" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand attach" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand attach" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand attach" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand attach" -l detach-keys -d 'Key sequence for detaching' -r
complete -c cove -n "__fish_cove_using_subcommand attach" -l sig-proxy -d 'Pass the signals cove receives on to the container' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand attach" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand attach" -l no-stdin -d 'Do not attach stdin'
complete -c cove -n "__fish_cove_using_subcommand attach" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand attach" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand attach" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pause" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pause" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pause" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pause" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pause" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pause" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pause" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pause" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pause" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pause" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pause" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand pause" -s f -l filter -d 'The containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand pause" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pause" -s a -l all -d 'Every container this command applies to'
complete -c cove -n "__fish_cove_using_subcommand pause" -s l -l latest -d 'The latest created container'
complete -c cove -n "__fish_cove_using_subcommand pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand pause" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand unpause" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand unpause" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unpause" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand unpause" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand unpause" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand unpause" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand unpause" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand unpause" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unpause" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unpause" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand unpause" -l cidfile -d 'Read the container ID from this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand unpause" -s f -l filter -d 'The containers that match (KEY=VALUE, as `ps --filter`)' -r
complete -c cove -n "__fish_cove_using_subcommand unpause" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand unpause" -s a -l all -d 'Every container this command applies to'
complete -c cove -n "__fish_cove_using_subcommand unpause" -s l -l latest -d 'The latest created container'
complete -c cove -n "__fish_cove_using_subcommand unpause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand unpause" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand top" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand top" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand top" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand top" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand top" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand top" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand top" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand top" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand top" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand top" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand top" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand top" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand top" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand port" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand port" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand port" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand port" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand port" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand port" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand port" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand port" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand port" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand port" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand port" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand port" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand port" -s a -l all -d 'The ports of every running container, each line after its short ID'
complete -c cove -n "__fish_cove_using_subcommand port" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand port" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand port" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand stats" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand stats" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand stats" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand stats" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand stats" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand stats" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand stats" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand stats" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand stats" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand stats" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand stats" -l format -d 'Format: json or a Go template like \'{{.Name}} {{.MemUsage}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand stats" -s i -l interval -d 'Seconds between samples when streaming' -r
complete -c cove -n "__fish_cove_using_subcommand stats" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand stats" -l no-stream -d 'Print one sample and exit'
complete -c cove -n "__fish_cove_using_subcommand stats" -s a -l all -d 'Show all containers (default: running)'
complete -c cove -n "__fish_cove_using_subcommand stats" -s l -l latest -d 'The latest created container'
complete -c cove -n "__fish_cove_using_subcommand stats" -l no-reset -d 'Do not clear the screen between samples'
complete -c cove -n "__fish_cove_using_subcommand stats" -l no-trunc -d 'Do not truncate IDs'
complete -c cove -n "__fish_cove_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand stats" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand cp" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand cp" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand cp" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand cp" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand cp" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand cp" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand cp" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand cp" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand cp" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand cp" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand cp" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand cp" -s a -l archive -d 'Chown copied files to the primary uid/gid of the destination container (false: keep the archive\'s owners)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand cp" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand cp" -l overwrite -d 'Allow a directory to overwrite a non-directory and the reverse'
complete -c cove -n "__fish_cove_using_subcommand cp" -s L -l follow-link -d 'Follow a symlink in the source (cove always does, as Podman)'
complete -c cove -n "__fish_cove_using_subcommand cp" -s q -l quiet -d 'Print no progress (cove prints none, as Podman)'
complete -c cove -n "__fish_cove_using_subcommand cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand cp" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand diff" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand diff" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand diff" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand diff" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand diff" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand diff" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand diff" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand diff" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand diff" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand diff" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand diff" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand diff" -l format -d 'Format: json' -r
complete -c cove -n "__fish_cove_using_subcommand diff" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand diff" -s l -l latest -d 'Act on the latest container cove created'
complete -c cove -n "__fish_cove_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand diff" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand export" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand export" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand export" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand export" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand export" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand export" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand export" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand export" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand export" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand export" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand export" -s o -l output -d 'Write to a file instead of stdout' -r -F
complete -c cove -n "__fish_cove_using_subcommand export" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand export" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand commit" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand commit" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand commit" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand commit" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand commit" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand commit" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand commit" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand commit" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand commit" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand commit" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand commit" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand commit" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENV, ...)' -r
complete -c cove -n "__fish_cove_using_subcommand commit" -s m -l message -d 'Commit message (recorded in the image history)' -r
complete -c cove -n "__fish_cove_using_subcommand commit" -s a -l author -d 'Author' -r
complete -c cove -n "__fish_cove_using_subcommand commit" -s p -l pause -d 'Pause the container while committing' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand commit" -s f -l format -d 'Image format: oci or docker (docker keeps HEALTHCHECK, ONBUILD and SHELL)' -r
complete -c cove -n "__fish_cove_using_subcommand commit" -l iidfile -d 'Write the new image\'s ID to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand commit" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand commit" -s q -l quiet -d 'Print only the image ID'
complete -c cove -n "__fish_cove_using_subcommand commit" -l include-volumes -d 'Make the container\'s volume and bind mount points the image\'s volumes'
complete -c cove -n "__fish_cove_using_subcommand commit" -s s -l squash -d 'Make the image one layer holding the container\'s whole filesystem'
complete -c cove -n "__fish_cove_using_subcommand commit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand commit" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand rename" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand rename" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand rename" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rename" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand rename" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand rename" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand rename" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand rename" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand rename" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rename" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rename" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand rename" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand rename" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand pull" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand pull" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pull" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand pull" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand pull" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand pull" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pull" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand pull" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l platform -d 'Platform to pull (os/arch[/variant])' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l arch -d 'Architecture to pull instead of the host\'s' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l os -d 'Operating system to pull instead of the host\'s' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l variant -d 'Architecture variant to pull' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand pull" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand pull" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand pull" -l cert-dir -d 'Directory of certificates for the registry: CA certificates as *.crt' -r -F
complete -c cove -n "__fish_cove_using_subcommand pull" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand pull" -s q -l quiet -d 'Print only the image ID'
complete -c cove -n "__fish_cove_using_subcommand pull" -s a -l all-tags -d 'Pull every tag of the repository'
complete -c cove -n "__fish_cove_using_subcommand pull" -l disable-content-trust -d 'Accepted: cove keeps no signatures to check, as Podman without a trust policy'
complete -c cove -n "__fish_cove_using_subcommand pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand pull" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand push" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand push" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand push" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand push" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand push" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand push" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand push" -l digestfile -d 'Write the pushed manifest digest to this file' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand push" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for the registry' -r
complete -c cove -n "__fish_cove_using_subcommand push" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l cert-dir -d 'Directory of certificates for the registry: CA certificates as *.crt' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l platform -d 'Push this platform\'s image of a local manifest list (os/arch[/variant]); for an image, the image must be of that platform' -r
complete -c cove -n "__fish_cove_using_subcommand push" -s f -l format -d 'Manifest type: oci or v2s2, which the image must already have (cove does not convert)' -r
complete -c cove -n "__fish_cove_using_subcommand push" -l compression-format -d 'Layer compression: gzip or zstd, which the layers must already have (cove does not recompress)' -r
complete -c cove -n "__fish_cove_using_subcommand push" -l sign-by -d 'Sign with this GPG key (not supported: cove does not sign images)' -r
complete -c cove -n "__fish_cove_using_subcommand push" -l sign-by-sigstore-private-key -d 'Sign with a sigstore private key (not supported: cove does not sign images)' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l sign-passphrase-file -d 'Passphrase file for the signing key (not supported: cove does not sign images)' -r -F
complete -c cove -n "__fish_cove_using_subcommand push" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand push" -s q -l quiet -d 'Print nothing but errors'
complete -c cove -n "__fish_cove_using_subcommand push" -s a -l all-tags -d 'Push every local tag of the repository (Docker\'s; IMAGE names no tag then)'
complete -c cove -n "__fish_cove_using_subcommand push" -l compress -d 'Accepted: it compresses layers for the dir: transport, which cove does not write'
complete -c cove -n "__fish_cove_using_subcommand push" -l remove-signatures -d 'Accepted: cove stores no signatures, so there are none to remove'
complete -c cove -n "__fish_cove_using_subcommand push" -l disable-content-trust -d 'Accepted: cove signs nothing, as Podman without a trust policy'
complete -c cove -n "__fish_cove_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand push" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand images" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand images" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand images" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand images" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand images" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand images" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand images" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand images" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand images" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand images" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand images" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand images" -s f -l filter -d 'Filter output (reference=, dangling=, before=, since=, label=, id=)' -r
complete -c cove -n "__fish_cove_using_subcommand images" -l format -d 'Format: table, json, or a Go template like \'{{.Repository}}:{{.Tag}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand images" -l sort -d 'Sort by created (newest first, the default), id, repository, size or tag' -r
complete -c cove -n "__fish_cove_using_subcommand images" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand images" -s a -l all -d 'Show all images (default hides intermediate images)'
complete -c cove -n "__fish_cove_using_subcommand images" -s q -l quiet -d 'Show only image IDs'
complete -c cove -n "__fish_cove_using_subcommand images" -l digests -d 'Show digests'
complete -c cove -n "__fish_cove_using_subcommand images" -l no-trunc -d 'Do not truncate output'
complete -c cove -n "__fish_cove_using_subcommand images" -s n -l noheading -d 'Do not print column headings'
complete -c cove -n "__fish_cove_using_subcommand images" -l history -d 'Add a HISTORY column: every name the image has had, the most recent first'
complete -c cove -n "__fish_cove_using_subcommand images" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand images" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand inspect" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand inspect" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand inspect" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand inspect" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand inspect" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand inspect" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand inspect" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand inspect" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand inspect" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand inspect" -s f -l format -d 'Format the output with a Go template, or json' -r
complete -c cove -n "__fish_cove_using_subcommand inspect" -l type -d 'What to inspect: container, image or all (containers first, as Docker does)' -r
complete -c cove -n "__fish_cove_using_subcommand inspect" -l platform -d 'Images: this platform\'s (os/arch[/variant]); cove stores one platform per image, so an image of another one is an error' -r
complete -c cove -n "__fish_cove_using_subcommand inspect" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand inspect" -s l -l latest -d 'Inspect the latest container cove created too'
complete -c cove -n "__fish_cove_using_subcommand inspect" -s s -l size -d 'Containers: add SizeRw (what the container wrote) and SizeRootFs (that plus its image)'
complete -c cove -n "__fish_cove_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand tag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand tag" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand tag" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand tag" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand tag" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand tag" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand tag" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand tag" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand tag" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand tag" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand tag" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand tag" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand tag" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand untag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand untag" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand untag" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand untag" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand untag" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand untag" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand untag" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand untag" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand untag" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand untag" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand untag" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand untag" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand untag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand untag" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand rmi" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand rmi" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand rmi" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rmi" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand rmi" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand rmi" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand rmi" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand rmi" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand rmi" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rmi" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand rmi" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand rmi" -l platform -d 'Remove only this platform (os/arch[/variant]); cove stores one platform per image, so an image of another one is an error' -r
complete -c cove -n "__fish_cove_using_subcommand rmi" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand rmi" -s f -l force -d 'Remove the image even when it has several names'
complete -c cove -n "__fish_cove_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c cove -n "__fish_cove_using_subcommand rmi" -s i -l ignore -d 'Do not fail for images that do not exist'
complete -c cove -n "__fish_cove_using_subcommand rmi" -l no-prune -d 'Accepted: cove keeps no untagged parent images for an image to take along'
complete -c cove -n "__fish_cove_using_subcommand rmi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand rmi" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand history" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand history" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand history" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand history" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand history" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand history" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand history" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand history" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand history" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand history" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand history" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand history" -s H -l human -d 'Show sizes and dates in human-readable form' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand history" -l format -d 'Format: table, json or a Go template' -r
complete -c cove -n "__fish_cove_using_subcommand history" -l platform -d 'The history of this platform\'s image (os/arch[/variant]); cove stores one platform per image, so an image of another one is an error' -r
complete -c cove -n "__fish_cove_using_subcommand history" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand history" -l no-trunc -d 'Do not truncate output'
complete -c cove -n "__fish_cove_using_subcommand history" -s q -l quiet -d 'Show only IDs'
complete -c cove -n "__fish_cove_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand history" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand save" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand save" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand save" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand save" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand save" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand save" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand save" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand save" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand save" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand save" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand save" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand save" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c cove -n "__fish_cove_using_subcommand save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''"
complete -c cove -n "__fish_cove_using_subcommand save" -l platform -d 'Only this platform (os/arch[/variant]); cove stores one platform per image, so an image of another one is an error' -r
complete -c cove -n "__fish_cove_using_subcommand save" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand save" -s m -l multi-image-archive -d 'Accepted for Podman compatibility: archives always hold every image given'
complete -c cove -n "__fish_cove_using_subcommand save" -s q -l quiet -d 'Suppress output'
complete -c cove -n "__fish_cove_using_subcommand save" -l compress -d 'Compress layers of a docker-dir (cove writes archives only: refused)'
complete -c cove -n "__fish_cove_using_subcommand save" -l uncompressed -d 'Accepted: docker-archive layers are uncompressed tars, oci-archive keeps the layers as they were pulled'
complete -c cove -n "__fish_cove_using_subcommand save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand save" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand load" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand load" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand load" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand load" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand load" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand load" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand load" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand load" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand load" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand load" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand load" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand load" -s i -l input -d 'Read from this file instead of standard input' -r -F
complete -c cove -n "__fish_cove_using_subcommand load" -l platform -d 'Load only the images of this platform (os/arch[/variant])' -r
complete -c cove -n "__fish_cove_using_subcommand load" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand load" -s q -l quiet -d 'Suppress output'
complete -c cove -n "__fish_cove_using_subcommand load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand load" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand import" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand import" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand import" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand import" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand import" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand import" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand import" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand import" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand import" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand import" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction (CMD, ENTRYPOINT, ENV, WORKDIR, USER, LABEL, EXPOSE, VOLUME, STOPSIGNAL)' -r
complete -c cove -n "__fish_cove_using_subcommand import" -s m -l message -d 'Commit message for the history entry' -r
complete -c cove -n "__fish_cove_using_subcommand import" -l platform -d 'Platform to record in the image (os/arch[/variant]; default: this machine\'s)' -r
complete -c cove -n "__fish_cove_using_subcommand import" -l arch -d 'Architecture to record in the image' -r
complete -c cove -n "__fish_cove_using_subcommand import" -l os -d 'Operating system to record in the image' -r
complete -c cove -n "__fish_cove_using_subcommand import" -l variant -d 'Architecture variant to record in the image' -r
complete -c cove -n "__fish_cove_using_subcommand import" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand import" -s q -l quiet -d 'Suppress output'
complete -c cove -n "__fish_cove_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand import" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand login" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand login" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand login" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand login" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand login" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand login" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand login" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand login" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand login" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand login" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand login" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand login" -s u -l username -d 'Username' -r
complete -c cove -n "__fish_cove_using_subcommand login" -s p -l password -d 'Password (prefer --password-stdin)' -r
complete -c cove -n "__fish_cove_using_subcommand login" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates' -r -f -a "true\t''
false\t''"
complete -c cove -n "__fish_cove_using_subcommand login" -l cert-dir -d 'Directory of certificates for the registry: CA certificates as *.crt' -r -F
complete -c cove -n "__fish_cove_using_subcommand login" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand login" -l password-stdin -d 'Read the password from standard input'
complete -c cove -n "__fish_cove_using_subcommand login" -l get-login -d 'Print the logged-in username for the registry'
complete -c cove -n "__fish_cove_using_subcommand login" -s v -l verbose -d 'Print the authentication file used'
complete -c cove -n "__fish_cove_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand login" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand logout" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand logout" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand logout" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand logout" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand logout" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand logout" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand logout" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand logout" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand logout" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand logout" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand logout" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand logout" -l authfile -d 'Path of the authentication file' -r -F
complete -c cove -n "__fish_cove_using_subcommand logout" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand logout" -s a -l all -d 'Remove the credentials of every registry'
complete -c cove -n "__fish_cove_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand logout" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand info" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand info" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand info" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand info" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand info" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand info" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand info" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand info" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand info" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand info" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand info" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand info" -s f -l format -d 'Format: json or a Go template like \'{{.Store.GraphDriverName}}\'' -r
complete -c cove -n "__fish_cove_using_subcommand info" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand info" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand version" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand version" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand version" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand version" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand version" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand version" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand version" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand version" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand version" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand version" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand version" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand version" -s f -l format -d 'Format: json or a Go template' -r
complete -c cove -n "__fish_cove_using_subcommand version" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand version" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand unshare" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand unshare" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand unshare" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unshare" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand unshare" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand unshare" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand unshare" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand unshare" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand unshare" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unshare" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand unshare" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand unshare" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand unshare" -l rootless-netns -d 'Join the per-user network namespace of cove\'s networks (made if none runs yet)'
complete -c cove -n "__fish_cove_using_subcommand unshare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c cove -n "__fish_cove_using_subcommand completion" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: storage.conf, then probed)' -r
complete -c cove -n "__fish_cove_using_subcommand completion" -l root -d 'Directory for images and other persistent data' -r -F
complete -c cove -n "__fish_cove_using_subcommand completion" -l runroot -d 'Directory for runtime state (pid files, locks)' -r -F
complete -c cove -n "__fish_cove_using_subcommand completion" -l log-level -d 'How much to print on stderr (debug: the helper command lines cove runs)' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c cove -n "__fish_cove_using_subcommand completion" -l cgroup-manager -d 'Cgroup manager: cove manages cgroups itself (cgroupfs); systemd is refused' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c cove -n "__fish_cove_using_subcommand completion" -l events-backend -d 'Where events go: file (default), none (journald is refused: cove writes a file)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c cove -n "__fish_cove_using_subcommand completion" -l runtime -d 'OCI runtime for new containers: a name on PATH or a path (default: containers.conf, else the built-in cove-runtime)' -r
complete -c cove -n "__fish_cove_using_subcommand completion" -l runtime-flag -d 'A global flag for the OCI runtime, without its dashes (e.g. log=FILE)' -r
complete -c cove -n "__fish_cove_using_subcommand completion" -l tmpdir -d 'Directory for cove\'s volatile state (as --runroot, which wins when both are given)' -r -F
complete -c cove -n "__fish_cove_using_subcommand completion" -l hooks-dir -d 'Directory of OCI hooks (cove runs none: a directory holding hooks is refused)' -r -F
complete -c cove -n "__fish_cove_using_subcommand completion" -l storage-opt -d 'Storage option as in storage.conf (overlay.mount_program=PATH; others are refused)' -r
complete -c cove -n "__fish_cove_using_subcommand completion" -l noout -d 'Print nothing on stdout'
complete -c cove -n "__fish_cove_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cove -n "__fish_cove_using_subcommand completion" -s V -l version -d 'Print version'
