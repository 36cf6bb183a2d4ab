#!/usr/bin/env bash
# API service benchmark: the same docker CLI against `cove system service` and against
# `podman system service`, both rootless as the test user, each on its own Unix socket and
# store: `docker ps` and `docker run --rm IMAGE true`, median and ratio.
# Run as root:  sudo bench/api.sh   (RUNS=20 for more runs)
# Target (issue 15): cove's service at least 5x faster than Podman's on `run --rm`.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-10}
WORK=/tmp/cove-bench-api
DOCKER=/usr/local/bin/docker
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
[ -n "$COVE" ] || die "cove is not built"
[ -x "$DOCKER" ] || die "$DOCKER (the docker CLI) is missing"

IMG="$COVE_TEST_REGISTRY/cove-test/one:latest"
side_by_side
cove pull -q "$IMG" >/dev/null
podman_ pull -q --tls-verify=false "$IMG" >/dev/null

CS="$CB/run/cove-api.sock" PS="$PB/run/podman-api.sock"
# Both services stay up for the whole run (--time 0): the bench measures requests, not
# service start-up.
as_user "$CB" "$COVE" system service --time 0 "unix://$CS" >"$WORK/cove-service.log" 2>&1 &
as_user "$PB" podman "${PODMAN_ARGS[@]}" --root "$PB/root" --runroot "$PB/runroot" \
    --runtime runc system service --time 0 "unix://$PS" >"$WORK/podman-service.log" 2>&1 &
for s in "$CS" "$PS"; do
    for _ in $(seq 100); do [ -S "$s" ] && break; sleep 0.1; done
    [ -S "$s" ] || die "no service listening on $s"
done

dk() { local sock=$1 base=$2; shift 2; as_user "$base" env DOCKER_HOST="unix://$sock" "$DOCKER" "$@"; }
# Both print "hi" first: a failing setup shows here, not as a fast number.
[ "$(dk "$CS" "$CB" run --rm "$IMG" echo hi)" = hi ] || die "docker run through cove failed"
[ "$(dk "$PS" "$PB" run --rm "$IMG" echo hi)" = hi ] || die "docker run through podman failed"


echo "docker CLI $("$DOCKER" version --format '{{.Client.Version}}' 2>/dev/null) against each service, $RUNS runs each (median), as $USER_NAME"
printf '%-28s %8s %9s %7s\n' command cove_s podman_s ratio
row() {
    local label=$1; shift
    local c p
    c=$(sample "cove-$label" dk "$CS" "$CB" "$@")
    p=$(sample "podman-$label" dk "$PS" "$PB" "$@")
    awk -v n="$label" -v c="$c" -v p="$p" 'BEGIN { printf "%-28s %8.3f %9.3f %6.2fx\n", n, c, p, p / c }'
}
row "ps" ps
row "run --rm true" run --rm "$IMG" true
echo "target: podman/cove >= 5x on run --rm"
