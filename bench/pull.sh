#!/usr/bin/env bash
# Pull benchmark: `cove pull` vs `podman pull` vs the floor (every layer fetched by curl
# and extracted by tar, all layers in parallel) for two images from the local test
# registry, into empty stores on tmpfs and on disk, as the unprivileged test user; then
# CONCURRENT simultaneous pulls of the realistic image into one store per tool.
# Run as root:  sudo bench/pull.sh     (ROUNDS=5, IMAGES="real", FILESYSTEMS="tmpfs" ...)
# Targets (issue 18): real image on tmpfs >= 4x Podman and within 1.2x of the floor;
# concurrent pulls no slower than one pull + 20% and ahead of Podman. See bench/README.md.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${ROUNDS:-3}
CONCURRENT=${CONCURRENT:-5}
IMAGES=${IMAGES:-"real big"}
FILESYSTEMS=${FILESYSTEMS:-"tmpfs disk"}
CONCURRENT_FS=${CONCURRENT_FS:-tmpfs}
WORK=/tmp/cove-bench
TMPFS=/tmp/cove-bench-tmpfs
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"

"$PY" "$REPO/bench/pull-images.py" "$REPO/scripts/build-test-images.py" "$COVE_TEST_REGISTRY" "${REBUILD:-0}"

mkdir -p "$TMPFS"
if ! mountpoint -q "$TMPFS"; then
    mount -t tmpfs -o size=12g,mode=0755 cove-bench "$TMPFS"
    trap 'umount -l "$TMPFS" 2>/dev/null || true' EXIT
fi

ref_of() { echo "$COVE_TEST_REGISTRY/cove-bench/$1:latest"; }
# Less than this many MB in a store means the pull did not happen (a stub exiting 0
# must not produce a fantastic ratio).
min_mb() { case $1 in real) echo 300 ;; *) echo 250 ;; esac; }
base_of() { case $1 in tmpfs) echo "$TMPFS/$2" ;; *) echo "$WORK/$2" ;; esac; }

# The layer digests of an image, for the floor.
layers_of() {
    curl -sf -H "Accept: application/vnd.docker.distribution.manifest.v2+json" \
        "http://$COVE_TEST_REGISTRY/v2/cove-bench/$1/manifests/latest" |
        "$PY" -c 'import json, sys; print(" ".join(l["digest"] for l in json.load(sys.stdin)["layers"]))'
}

# What the floor runs as the test user: one curl | tar per layer, all at once.
# shellcheck disable=SC2016
FLOOR='set -o pipefail; url=$1 dest=$2; shift 2; pids=(); i=0
for d in "$@"; do
    mkdir -p "$dest/$i"
    (curl -sf "$url/$d" | tar -xzf - -C "$dest/$i") &
    pids+=($!); i=$((i + 1))
done
rc=0; for p in "${pids[@]}"; do wait "$p" || rc=1; done; exit $rc'

# pull_with TOOL BASE IMAGE: one pull into BASE's store.
pull_with() {
    local tool=$1 b=$2 img=$3
    case $tool in
    cove) as_user "$b" "$COVE" pull -q "$(ref_of "$img")" ;;
    podman) as_user "$b" podman "${PODMAN_ARGS[@]}" --root "$b/root" --runroot "$b/runroot" \
        pull -q --tls-verify=false "$(ref_of "$img")" ;;
    floor)
        # shellcheck disable=SC2086
        as_user "$b" bash -c "$FLOOR" floor "http://$COVE_TEST_REGISTRY/v2/cove-bench/$img/blobs" \
            "$b/data/floor" ${LAYERS[$img]} ;;
    esac
}
store_of() { case $1 in podman) echo "$2/root" ;; *) echo "$2/data" ;; esac; }

declare -A LAYERS TIMES
for img in $IMAGES; do LAYERS[$img]=$(layers_of "$img"); done
TOOLS="cove podman floor"
[ -n "$COVE" ] || TOOLS="podman floor"

fail() {
    echo "bench/pull: $*" >&2
    exit 1
}

# ------------------------------------------------------------ single pulls
for img in $IMAGES; do
    for fs in $FILESYSTEMS; do
        for i in $(seq "$ROUNDS"); do
            line="round $i $img $fs:"
            # Interleave the tools so drift (page cache, CPU frequency) hits all alike.
            for tool in $TOOLS; do
                b=$(base_of "$fs" "r-$tool")
                fresh_dirs "$b"
                log=$WORK/$tool-$img-$fs-$i.log
                t=$(timed "$log" pull_with "$tool" "$b" "$img")
                if [ "${t#FAIL:}" != "$t" ]; then
                    tail -n 20 "$log" >&2
                    cleanup "$b"
                    fail "$tool pull of $img on $fs failed (exit ${t#FAIL:})"
                fi
                stored=$(du -sm "$(store_of "$tool" "$b")" | cut -f1)
                cleanup "$b"
                [ "$stored" -ge "$(min_mb "$img")" ] ||
                    fail "$tool pull of $img exited 0 but stored only $stored MB"
                TIMES[$tool.$img.$fs]="${TIMES[$tool.$img.$fs]:-} $t"
                line="$line $tool ${t}s"
            done
            echo "$line" >&2
        done
    done
done

# ------------------------------------------------------------ concurrent pulls
# concurrent TOOL BASE IMAGE: CONCURRENT pulls at once into BASE's one store.
concurrent() {
    local tool=$1 b=$2 img=$3 pids=() i rc=0
    for i in $(seq "$CONCURRENT"); do
        pull_with "$tool" "$b" "$img" >"$WORK/conc-$tool-$i.log" 2>&1 &
        pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || rc=1; done
    return $rc
}
conc_img=real
case " $IMAGES " in *" real "*) ;; *) conc_img=$(echo "$IMAGES" | cut -d' ' -f1) ;; esac
for tool in $TOOLS; do
    [ "$tool" = floor ] && continue
    for i in $(seq "$ROUNDS"); do
        b=$(base_of "$CONCURRENT_FS" "c-$tool")
        fresh_dirs "$b"
        t=$(timed "$WORK/conc-$tool.log" concurrent "$tool" "$b" "$conc_img")
        if [ "${t#FAIL:}" != "$t" ]; then
            tail -n 5 "$WORK"/conc-"$tool"-*.log >&2
            cleanup "$b"
            fail "$CONCURRENT concurrent $tool pulls failed"
        fi
        if [ "$tool" = cove ]; then
            n=$(find "$b/data/cove/layers" -mindepth 1 -maxdepth 1 | wc -l)
            [ "$n" = "$(echo "${LAYERS[$conc_img]}" | wc -w)" ] ||
                fail "after concurrent pulls the store holds $n layer dirs"
        fi
        cleanup "$b"
        TIMES[conc.$tool]="${TIMES[conc.$tool]:-} $t"
        echo "concurrent round $i: $CONCURRENT x $tool ${t}s" >&2
    done
done

# ------------------------------------------------------------ report
med() {
    # shellcheck disable=SC2086
    [ -n "${TIMES[$1]:-}" ] && median ${TIMES[$1]} || echo nan
}
echo
echo "pull from the local registry, $ROUNDS rounds (median s), empty stores, as $USER_NAME"
printf '%-6s %-6s %8s %9s %8s %12s %11s\n' image fs cove podman floor podman/cove cove/floor
for img in $IMAGES; do
    for fs in $FILESYSTEMS; do
        c=$(med "cove.$img.$fs") p=$(med "podman.$img.$fs") f=$(med "floor.$img.$fs")
        awk -v i="$img" -v s="$fs" -v c="$c" -v p="$p" -v f="$f" 'BEGIN {
            printf "%-6s %-6s %8s %9s %8s %11.2fx %10.2fx\n", i, s, c, p, f, p / c, c / f }'
    done
done
case " $IMAGES $FILESYSTEMS " in
*" real "*" tmpfs "*)
    awk -v c="$(med cove.real.tmpfs)" -v p="$(med podman.real.tmpfs)" -v f="$(med floor.real.tmpfs)" 'BEGIN {
        printf "real on tmpfs: podman/cove %.2fx (target >= 4x: %s), cove/floor %.2fx (target <= 1.2x: %s)\n",
            p / c, (p / c >= 4 ? "PASS" : "FAIL"), c / f, (c / f <= 1.2 ? "PASS" : "FAIL") }'
    ;;
esac
one=$(med "cove.$conc_img.$CONCURRENT_FS")
awk -v n="$CONCURRENT" -v i="$conc_img" -v s="$CONCURRENT_FS" -v one="$one" \
    -v c="$(med conc.cove)" -v p="$(med conc.podman)" 'BEGIN {
    printf "%d concurrent pulls of %s into one store on %s: cove %ss, podman %ss, one cove pull %ss\n", n, i, s, c, p, one
    printf "  cove concurrent/single %.2fx (target <= 1.2x: %s), podman/cove %.2fx (target > 1x: %s)\n",
        c / one, (c / one <= 1.2 ? "PASS" : "FAIL"), p / c, (p / c > 1 ? "PASS" : "FAIL") }'
