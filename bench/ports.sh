#!/usr/bin/env bash
# Many connections through a published port: CONNS (500) concurrent connections, each
# echoing BYTES (8 MiB) both ways through `-p 127.0.0.1:PORT:5000` to scripts/tcp-echo.c
# in a container, every byte checked, for cove and for Podman (rootless, its default port
# handler), and on plain loopback without containers. Run as root:
#   sudo bench/ports.sh            (ROUNDS=3 CONNS=500 BYTES=8388608)
# Prints aggregate MB/s (both directions) per tool, medians of ROUNDS. See bench/README.md.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=/tmp/cove-bench-ports
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-500}
BYTES=${BYTES:-8388608}
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
[ -n "$COVE" ] || die "cove is not built"

ECHO=$WORK/bin/tcp-echo
gcc -static -O2 -o "$ECHO" "$REPO/scripts/tcp-echo.c"
chmod 0755 "$ECHO"

side_by_side
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# run_client PORT: "CONNS BYTES SECONDS MB/s" from one many-connection run.
run_client() {
    local i
    for i in $(seq 100); do
        as_user "$HB" "$ECHO" -c 127.0.0.1 "$1" 1 4 >/dev/null 2>&1 && break
        sleep 0.1
    done
    as_user "$HB" "$ECHO" -c 127.0.0.1 "$1" "$CONNS" "$BYTES" || die "the client on port $1 failed"
}

WEB="$COVE_TEST_REGISTRY/cove-test/web:latest"
cove pull -q "$WEB" >/dev/null
podman_ pull -q --tls-verify=false "$WEB" >/dev/null
MOUNT="$ECHO:/usr/local/bin/tcp-echo:ro"

L=$(free_port)
as_user "$HB" "$ECHO" "$L" &
C=$(free_port)
cove run -d --name echo -v "$MOUNT" -p "127.0.0.1:$C:5000" "$WEB" tcp-echo 5000 >/dev/null
Q=$(free_port)
podman_ run -d --runtime runc --name echo -v "$MOUNT" -p "127.0.0.1:$Q:5000" "$WEB" tcp-echo 5000 >/dev/null

loop=() cov=() pod=()
for r in $(seq "$ROUNDS"); do
    echo "bench: round $r" >&2
    loop+=("$(run_client "$L" | awk '{print $4}')")
    cov+=("$(run_client "$C" | awk '{print $4}')")
    pod+=("$(run_client "$Q" | awk '{print $4}')")
done
cove rm -f echo >/dev/null
podman_ rm -f echo >/dev/null 2>&1 || true

l=$(median "${loop[@]}") c=$(median "${cov[@]}") p=$(median "${pod[@]}")
echo "$CONNS concurrent connections x $BYTES bytes echoed through -p 127.0.0.1:PORT, as $USER_NAME, $ROUNDS rounds (median)"
printf '%-10s %10s   %s\n' tool MB/s rounds
printf '%-10s %10s   %s\n' loopback "$l" "${loop[*]}" cove "$c" "${cov[*]}" podman "$p" "${pod[*]}"
awk -v l="$l" -v c="$c" -v p="$p" 'BEGIN { printf "cove/loopback %.2fx, cove/podman %.2fx\n", c / l, c / p }'
