#!/usr/bin/env bash
# Container start benchmark: `run --rm IMAGE true`, cove vs podman, both rootless as the
# test user, same image from the local test registry, with `--network none` and with each
# tool's default network. Run as root:  sudo bench/run.sh   (RUNS=20 for more runs)
# Target (design.md section 6): podman/cove >= 8x. See bench/README.md.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-10}
WORK=/tmp/cove-bench-run
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
[ -n "$COVE" ] || die "cove is not built"

IMG="$COVE_TEST_REGISTRY/cove-test/one:latest"
side_by_side
cove pull -q "$IMG" >/dev/null
podman_ pull -q --tls-verify=false "$IMG" >/dev/null

# Both tools print "hi" first: a failing setup shows here, not as a fast number.
[ "$(cove run --rm "$IMG" echo hi)" = hi ] || die "cove run failed"
[ "$(podman_ run --rm --runtime runc "$IMG" echo hi 2>/dev/null)" = hi ] || die "podman run failed"


# Every timed command starts with runuser + env (PAM, a fork, two execs): measured on its
# own so the table can show the ratio of the tools' own time too.
base=$(sample baseline as_user "$CB" /bin/true)

echo "run --rm $IMG true, $RUNS runs each (median), as $USER_NAME"
echo "(runuser + env alone: ${base}s; 'net' ratios subtract it from both sides)"
printf '%-24s %8s %9s %7s %10s\n' network cove_s podman_s ratio net_ratio
for net in none default; do
    args=()
    [ "$net" = none ] && args=(--network none)
    c=$(sample "cove-$net" cove run --rm "${args[@]}" "$IMG" true)
    p=$(sample "podman-$net" podman_ run --rm --runtime runc "${args[@]}" "$IMG" true)
    # Both defaults start slirp4netns.
    awk -v n="$net" -v c="$c" -v p="$p" -v b="$base" 'BEGIN {
        printf "%-24s %8.3f %9.3f %6.2fx %9.2fx\n", n, c, p, p / c, (p - b) / (c - b) }'
done
echo "target: podman/cove >= 8x"

# Idle shim memory: one detached container each, RSS of cove-conmon vs podman's conmon.
cove run -d --name idle "$IMG" sleep 1000 >/dev/null
podman_ run -d --runtime runc --name idle "$IMG" sleep 1000 >/dev/null 2>&1
sleep 1
# ps ORs its selections (-C with --user): pick the pids with pgrep, then ask ps for them.
rss() {
    local pids
    pids=$(pgrep -d, -u "$USER_NAME" -x "$1") || { echo n/a; return; }
    ps -o rss= -p "$pids" | awk '{ s += $1; n++ } END { printf "%d", s / n }'
}
echo "idle shim RSS: cove-conmon $(rss cove-conmon) kB, podman conmon $(rss conmon) kB"
cove rm -f idle >/dev/null
podman_ rm -f idle >/dev/null 2>&1 || true
