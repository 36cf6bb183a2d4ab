#!/usr/bin/env bash
# Pull benchmark: `cove pull` vs `podman pull` of a ~300 MB multi-layer image from the
# local test registry, both run as the unprivileged test user with empty stores.
# Run as root:  sudo bench/pull.sh        (ROUNDS=5 bench/pull.sh for more rounds)
# Target (design.md section 6): podman/cove >= 4x. See bench/README.md.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${ROUNDS:-3}
WORK=/tmp/cove-bench
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"

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

# The image is ~300 MB unpacked; less than this in a store means the pull did not happen.
MIN_MB=250

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
