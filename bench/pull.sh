#!/usr/bin/env bash
# Pull benchmark: `cove pull` vs `podman pull` of a ~300 MB multi-layer image from the
# local test registry, both run as the unprivileged test user with empty stores.
# Run as root:  sudo bench/pull.sh        (ROUNDS=5 bench/pull.sh for more rounds)
# Target (design.md section 6): podman/cove >= 4x. See bench/README.md.
set -euo pipefail

die() { echo "bench/pull: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (it installs podman and switches to the test user)"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${ROUNDS:-3}
WORK=/tmp/cove-bench
PY=/usr/bin/python3
ENV_FILE=/var/lib/cove-test/env

[ -f "$ENV_FILE" ] || bash "$REPO/scripts/setup-test-env.sh"
# shellcheck disable=SC1090
. "$ENV_FILE"
if ! curl -sf -o /dev/null "http://$COVE_TEST_REGISTRY/v2/"; then
    bash "$REPO/scripts/setup-test-env.sh"
    # shellcheck disable=SC1090
    . "$ENV_FILE"
fi

if ! command -v podman >/dev/null 2>&1; then
    echo "bench/pull: installing podman" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq podman >/dev/null
fi

USER_NAME=${COVE_TEST_USER:-covetest}
REF="$COVE_TEST_REGISTRY/cove-bench/big:latest"

# ------------------------------------------------------------ the image
# 1 busybox layer + 6 layers of 50 MiB (25 files of 2 MiB each) of seeded pseudo-random
# bytes restricted to 7 bits: gzip shrinks them only ~12%, so the pull is dominated by
# transfer, hashing and real inflate work, and every run builds the same bytes.
"$PY" - "$REPO/scripts/build-test-images.py" "$COVE_TEST_REGISTRY" "${REBUILD:-0}" <<'PYEOF'
import importlib.util, random, sys
spec = importlib.util.spec_from_file_location("bti", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
reg = m.Registry(sys.argv[2])
repo = "cove-bench/big"
status, _, _ = reg.request("HEAD", "/v2/%s/manifests/latest" % repo,
                           headers={"Accept": m.DOCKER_MANIFEST}, ok=(200, 404))
if status == 200 and sys.argv[3] != "1":
    m.log("bench image %s already in the registry (REBUILD=1 to rebuild)" % repo)
    sys.exit(0)
m.log("building %s (takes a minute)..." % repo)
rng = random.Random(20240601)
seven_bits = bytes(b & 0x7F for b in range(256))
layers = [m.Layer(m.make_tar(m.base_entries()), m.DOCKER_LAYER_GZIP, m.gz)]
for i in range(6):
    entries = [m.d("big%d/" % i)]
    for j in range(25):
        entries.append(m.f("big%d/f%02d" % (i, j), rng.randbytes(2 << 20).translate(seven_bits)))
    layers.append(m.Layer(m.make_tar(entries), m.DOCKER_LAYER_GZIP, lambda t: m.gz(t, level=6)))
    m.log("  layer %d: %d bytes compressed" % (i + 1, len(layers[-1].blob)))
img = m.Image(layers, oci=False)
reg.push_image(repo, img)
m.log("pushed %s %s, %d MB compressed" % (repo, img.digest, sum(len(l.blob) for l in layers) >> 20))
PYEOF

# ------------------------------------------------------------ binaries
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
mkdir -p "$WORK/bin"
chmod 0755 "$WORK" "$WORK/bin"
COVE=""
if [ -x "$TARGET/release/cove" ]; then
    # Copy out of the target dir, which may sit in a 0700 home the test user cannot enter.
    for b in cove cove-conmon cove-init; do
        [ -x "$TARGET/release/$b" ] && install -m 0755 "$TARGET/release/$b" "$WORK/bin/$b"
    done
    COVE=$WORK/bin/cove
else
    echo "bench/pull: $TARGET/release/cove not found; run 'cargo build --release' first" >&2
fi

# ------------------------------------------------------------ helpers
# fresh_dirs BASE: per-round HOME and XDG dirs owned by the test user.
fresh_dirs() {
    local b=$1
    rm -rf "$b"
    mkdir -p "$b"/{home,data,config/containers,run}
    cat >"$b/config/containers/registries.conf" <<EOF
unqualified-search-registries = ["$COVE_TEST_REGISTRY"]

[[registry]]
location = "$COVE_TEST_REGISTRY"
insecure = true
EOF
    chown -R "$USER_NAME:" "$b"
    chmod 0711 "$b"
    chmod 0700 "$b"/{home,data,config,run}
}

# as_user BASE CMD...: run CMD as the test user with BASE's clean environment.
as_user() {
    local b=$1; shift
    (cd "$b" && runuser -u "$USER_NAME" -- env -i HOME="$b/home" PATH=/usr/local/bin:/usr/bin:/bin \
        XDG_DATA_HOME="$b/data" XDG_CONFIG_HOME="$b/config" XDG_RUNTIME_DIR="$b/run" "$@")
}

# cleanup BASE: kill what the round left running (pause processes hold the user
# namespace), then delete its files (root can delete subuid-owned files).
cleanup() {
    local b=$1 p
    for p in /proc/[0-9]*; do
        if grep -qzxF "XDG_RUNTIME_DIR=$b/run" "$p/environ" 2>/dev/null; then
            kill -9 "${p#/proc/}" 2>/dev/null || true
        fi
    done
    sleep 0.2
    rm -rf "$b"
}

now() { date +%s.%N; }

# timed LOG CMD...: run CMD, print elapsed seconds, or FAIL:rc.
timed() {
    local log=$1; shift
    local t0 t1 rc=0
    t0=$(now)
    "$@" >"$log" 2>&1 || rc=$?
    t1=$(now)
    if [ "$rc" = 0 ]; then
        awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
    else
        echo "FAIL:$rc"
    fi
}

# The image is ~300 MB unpacked; less than this in a store means the pull did not happen.
MIN_MB=250
PODMAN_ARGS=(--cgroup-manager=cgroupfs --events-backend=file)

cove_times=()
podman_times=()
cove_error=""
for i in $(seq "$ROUNDS"); do
    # Interleave the tools so drift (page cache, CPU frequency) hits both alike.
    if [ -n "$COVE" ] && [ -z "$cove_error" ]; then
        b=$WORK/r$i-cove
        fresh_dirs "$b"
        t=$(timed "$WORK/cove-$i.log" as_user "$b" "$COVE" pull "$REF")
        stored=$(du -sm "$b/data" | cut -f1)
        if [ "${t#FAIL:}" != "$t" ]; then
            cove_error="cove pull failed (exit ${t#FAIL:}) in round $i:
$(tail -n 20 "$WORK/cove-$i.log")"
        elif [ "$stored" -lt "$MIN_MB" ]; then
            # A stub that exits 0 must not produce a fantastic ratio.
            cove_error="cove pull exited 0 but stored only ${stored} MB (expected >= $MIN_MB MB) in round $i:
$(tail -n 20 "$WORK/cove-$i.log")"
        else
            cove_times+=("$t")
        fi
        cleanup "$b"
    fi

    b=$WORK/r$i-podman
    fresh_dirs "$b"
    t=$(timed "$WORK/podman-$i.log" as_user "$b" podman "${PODMAN_ARGS[@]}" \
        --root "$b/root" --runroot "$b/runroot" pull --tls-verify=false "$REF")
    if [ "${t#FAIL:}" != "$t" ]; then
        echo "bench/pull: podman pull failed (exit ${t#FAIL:}):" >&2
        tail -n 20 "$WORK/podman-$i.log" >&2
        cleanup "$b"
        exit 1
    fi
    stored=$(du -sm "$b/root" | cut -f1)
    [ "$stored" -ge "$MIN_MB" ] || echo "bench/pull: warning: podman stored only ${stored} MB" >&2
    podman_times+=("$t")
    cleanup "$b"
    last_cove=n/a
    [ ${#cove_times[@]} -eq "$i" ] && last_cove=${cove_times[$((i - 1))]}s
    echo "round $i: cove $last_cove podman ${t}s" >&2
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

pm=$(median "${podman_times[@]}")
echo
echo "pull $REF, $ROUNDS rounds, empty stores, as $USER_NAME"
printf '%-8s %10s   %s\n' tool median_s rounds_s
if [ ${#cove_times[@]} -eq "$ROUNDS" ]; then
    cm=$(median "${cove_times[@]}")
    printf '%-8s %10s   %s\n' cove "$cm" "${cove_times[*]}"
    printf '%-8s %10s   %s\n' podman "$pm" "${podman_times[*]}"
    awk -v p="$pm" -v c="$cm" 'BEGIN {
        r = p / c
        printf "ratio podman/cove: %.2fx (target >= 4x: %s)\n", r, (r >= 4 ? "PASS" : "FAIL") }'
else
    printf '%-8s %10s   %s\n' cove FAILED "-"
    printf '%-8s %10s   %s\n' podman "$pm" "${podman_times[*]}"
    echo "ratio podman/cove: n/a (target >= 4x: FAIL)"
    if [ -z "$COVE" ]; then
        echo "cove: binary not built ($TARGET/release/cove missing)"
    else
        echo "$cove_error"
    fi
fi
