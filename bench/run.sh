#!/usr/bin/env bash
# Container start benchmark: `run --rm IMAGE true` with `--network none`, the default
# network and `-p`, cove vs Podman vs a bare OCI runtime run of the same rootfs as a plain
# directory, all rootless as the test user; then one round while a writer keeps the disk
# busy, and the idle memory per container. Run as root:  sudo bench/run.sh  (RUNS=40 ...)
# Targets (design.md section 6): podman/cove >= 12x, cove/bare <= 1.5x. See bench/README.md.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-20}
WORK=/tmp/cove-bench-run
# XDG_RUNTIME_DIR on a tmpfs, as /run/user/UID is on a workstation; the stores on disk.
RUN_TMPFS=1
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
[ -n "$COVE" ] || die "cove is not built"
command -v runc >/dev/null || die "runc is not installed (the bare runtime run needs it)"

IMG="$COVE_TEST_REGISTRY/cove-test/one:latest"
side_by_side
LOAD_PID=""
trap 'stop_load; cleanup "$CB"; cleanup "$PB"; cleanup "$HB"' EXIT
COVE_CMD=("$COVE")
PODMAN_CMD=(podman "${PODMAN_ARGS[@]}" --root "$PB/root" --runroot "$PB/runroot")
cove pull -q "$IMG" >/dev/null
podman_ pull -q --tls-verify=false "$IMG" >/dev/null

# Both tools print "hi" first: a failing setup shows here, not as a fast number.
[ "$(cove run --rm "$IMG" echo hi)" = hi ] || die "cove run failed"
[ "$(podman_ run --rm --runtime runc "$IMG" echo hi 2>/dev/null)" = hi ] || die "podman run failed"

# The bare run: the image's files as a plain directory (cove export, unpacked by the test
# user), `runc spec --rootless` with the process set to `true`, a network namespace of its
# own (as --network none) and no terminal; `runc run` as the test user. crun would be the
# leaner runtime, but refuses cgroups v1 without systemd here.
BUNDLE=$HB/home/bundle
cove create --name bare-src "$IMG" >/dev/null
as_user "$HB" mkdir -p "$BUNDLE/rootfs"
cove export bare-src | as_user "$HB" tar -x -C "$BUNDLE/rootfs"
cove rm bare-src >/dev/null
as_user "$HB" sh -c "cd '$BUNDLE' && runc spec --rootless"
as_user "$HB" "$PY" - "$BUNDLE/config.json" <<'EOF'
import json, sys
p = sys.argv[1]
c = json.load(open(p))
c["process"]["terminal"] = False
c["process"]["args"] = ["true"]
c["linux"]["namespaces"].append({"type": "network"})
json.dump(c, open(p, "w"), indent=1)
EOF
BARE_CMD=(runc run --bundle "$BUNDLE" bare)
as_user "$HB" "${BARE_CMD[@]}" || die "runc run of the bare bundle failed"
BARE_NAME="runc $(runc --version | awk 'NR == 1 { print $3 }')"
COVE_RUNTIME="cove-runtime (built-in)"
[ -x "$WORK/bin/cove-runtime" ] || COVE_RUNTIME="from containers.conf"

# times BASE NAME CMD...: one warm-up, then RUNS timed runs of CMD inside one shell of
# the test user (so runuser's own cost stays out of the figures), milliseconds per line.
# With perf installed, the CPU time of every process involved (perf stat follows forks,
# also into the namespaces) is counted too, into $WORK/NAME.perf: unlike the wall time it
# hardly depends on what else the machine runs.
times() {
    local b=$1 name=$2; shift 2
    local AS_USER_WRAP=()
    command -v perf >/dev/null &&
        AS_USER_WRAP=(perf stat -x, -o "$WORK/$name.perf" -e task-clock,context-switches --)
    as_user "$b" bash -c '
        n=$1 log=$2; shift 2
        "$@" >/dev/null 2>"$log" || true
        for ((i = 0; i < n; i++)); do
            t0=$EPOCHREALTIME
            "$@" >/dev/null 2>"$log" || { echo "FAIL $?"; exit 0; }
            t1=$EPOCHREALTIME
            echo "$t0 $t1"
        done' _ "$RUNS" "$(rundir "$b")/$name.log" "$@" |
        awk '$1 == "FAIL" { print; next } { printf "%.2f\n", ($2 - $1) * 1000 }'
}

# stats NAME TIMES: "median p90" in ms of the lines in TIMES, or die on a failed run.
stats() {
    local name=$1 t=$2
    if grep -q FAIL <<<"$t"; then
        cat "$(rundir "${3:-$CB}")/$name.log" >&2 || true
        die "$name failed ($(grep FAIL <<<"$t" | head -1))"
    fi
    sort -g <<<"$t" | awk '{ a[NR] = $1 } END {
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        i = int(NR * 0.9 + 0.999); if (i > NR) i = NR
        printf "%.1f %.1f\n", m, a[i] }'
}

# cpu NAME: "ms_per_run switches_per_run" from NAME.perf (RUNS + the warm-up), or "- -".
cpu() {
    [ -s "$WORK/$1.perf" ] || { echo "- -"; return; }
    awk -F, -v n=$((RUNS + 1)) '$3 ~ /^task-clock/ { t = $1 } $3 ~ /^context-switches/ { c = $1 }
        END { printf "%.1f %.0f\n", t / n, c / n }' "$WORK/$1.perf"
}
CPU_ROWS=()
cpu_row() {
    local label=$1 case=$2 c p b
    c=$(cpu "cove-$case") p=$(cpu "podman-$case") b=$(cpu "bare-$case")
    CPU_ROWS+=("$(awk -v l="$label" -v c="$c" -v p="$p" -v b="$b" 'BEGIN {
        split(c, C, " "); split(p, P, " "); split(b, B, " ")
        r = (C[1] > 0 && P[1] > 0) ? sprintf("%.2fx", P[1] / C[1]) : "-"
        s = (C[1] > 0 && B[1] > 0) ? sprintf("%.2fx", C[1] / B[1]) : "-"
        printf "%-16s %6s %5s %7s %5s %6s %5s %9s %7s", l, C[1], C[2], P[1], P[2], B[1], B[2], r, s }')")
}

# row LABEL CASE ARGS...: cove and Podman (and the bare run for --network none).
declare -A MED P90
row() {
    local label=$1 case=$2; shift 2
    local t
    t=$(times "$CB" "cove-$case" "${COVE_CMD[@]}" run --rm "$@" "$IMG" true)
    read -r "MED[cove-$case]" "P90[cove-$case]" <<<"$(stats "cove-$case" "$t" "$CB")"
    t=$(times "$PB" "podman-$case" "${PODMAN_CMD[@]}" run --rm --runtime runc "$@" "$IMG" true)
    read -r "MED[podman-$case]" "P90[podman-$case]" <<<"$(stats "podman-$case" "$t" "$PB")"
    if [ "$label" = none ] || [ "$label" = "none, disk busy" ]; then
        t=$(times "$HB" "bare-$case" "${BARE_CMD[@]}")
        read -r "MED[bare-$case]" "P90[bare-$case]" <<<"$(stats "bare-$case" "$t" "$HB")"
    fi
    awk -v l="$label" -v c="${MED[cove-$case]}" -v cp="${P90[cove-$case]}" \
        -v p="${MED[podman-$case]}" -v pp="${P90[podman-$case]}" \
        -v b="${MED[bare-$case]:-}" -v bp="${P90[bare-$case]:-}" 'BEGIN {
        bare = (b == "") ? sprintf("%13s", "-") : sprintf("%6.1f %6.1f", b, bp)
        vs = (b == "") ? "      -" : sprintf("%6.2fx", c / b)
        printf "%-16s %6.1f %6.1f %7.1f %6.1f %s %8.2fx %s\n", l, c, cp, p, pp, bare, p / c, vs }'
    cpu_row "$label" "$case"
}

# A writer that keeps the disk of the stores busy: 64 MiB at a time, each fsync'd.
start_load() {
    (while :; do dd if=/dev/zero of="$WORK/disk-load" bs=1M count=64 conv=fsync status=none; done) &
    LOAD_PID=$!
}
stop_load() {
    [ -n "$LOAD_PID" ] || return 0
    kill "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
    LOAD_PID=""
    rm -f "$WORK/disk-load"
}

echo "run --rm $IMG true, $RUNS runs each after a warm-up, as $USER_NAME, milliseconds"
echo "cove: $COVE (runtime $COVE_RUNTIME); podman $(podman --version | awk '{ print $3 }') --runtime runc; bare: $BARE_NAME run of the rootfs as a directory"
printf '%-16s %13s %14s %13s %9s %7s\n' "" "cove" "podman" "bare" "podman/" "cove/"
printf '%-16s %6s %6s %7s %6s %6s %6s %9s %7s\n' network med p90 med p90 med p90 cove bare
row none none --network none
# Both defaults start slirp4netns.
row default default
row "-p" publish -p 127.0.0.1:18080:80
start_load
sleep 1
row "none, disk busy" busy --network none
stop_load
echo "targets: podman/cove >= 12x, cove/bare <= 1.5x (medians)"
if [ -n "${CPU_ROWS[*]}" ] && command -v perf >/dev/null; then
    echo "CPU per run (ms of every process involved, perf task-clock) and context switches:"
    printf '%-16s %12s %13s %12s %9s %7s\n' "" "cove" "podman" "bare" "podman/" "cove/"
    printf '%-16s %6s %5s %7s %5s %6s %5s %9s %7s\n' network cpu cs cpu cs cpu cs cove bare
    printf '%s\n' "${CPU_ROWS[@]}"
fi

# Idle memory per container: one detached container each with a published port; the PSS
# of every process the tool keeps beside the container (shim, network helper, port
# forwarder), not the container's own processes, nor the per-user pause process.
cove run -d --name idle -p 127.0.0.1:18081:80 "$IMG" sleep 1000 >/dev/null
podman_ run -d --runtime runc --name idle -p 127.0.0.1:18082:80 "$IMG" sleep 1000 >/dev/null 2>&1
sleep 1
# helpers BASE: "comm pss_kB" of the base's processes other than sleep and the pause ones.
helpers() {
    local r p comm pss
    r=$(rundir "$1")
    for p in /proc/[0-9]*; do
        grep -qzxF "XDG_RUNTIME_DIR=$r" "$p/environ" 2>/dev/null || continue
        comm=$(cat "$p/comm" 2>/dev/null) || continue
        case $comm in sleep | cove-pause | catatonit | podman\ pause) continue ;; esac
        # By argv[0]: rootlessport's child is an `exe` by its comm.
        comm=$(tr '\0' '\n' <"$p/cmdline" 2>/dev/null | head -1) || continue
        comm=${comm##*/}
        pss=$(awk '/^Pss:/ { print $2 }' "$p/smaps_rollup" 2>/dev/null) || continue
        echo "$comm $pss"
    done
}
mem() {
    helpers "$1" | sort | awk '{ s += $2; d = d sprintf(" %s %d", $1, $2) }
        END { printf "%d kB (%s )", s, d }'
}
cm=$(mem "$CB")
pm=$(mem "$PB")
echo "idle memory per container (-p, PSS of the tool's processes beside it):"
echo "  cove   $cm"
echo "  podman $pm"
awk -v c="${cm%% *}" -v p="${pm%% *}" 'BEGIN {
    printf "  cove/podman %.2f (target <= 0.33)\n", c / p }'
cove rm -f idle >/dev/null
podman_ rm -f idle >/dev/null 2>&1 || true
