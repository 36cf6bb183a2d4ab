#!/usr/bin/env bash
# Build benchmark: the same multi-stage Dockerfile built by `cove build` and by
# `podman build --layers`, both rootless as the test user in their own stores: a cold
# build (no layer cache; the base image already pulled) and a rebuild with nothing
# changed, median and ratio.
# Run as root:  sudo bench/build.sh   (RUNS=10 for more runs)
# Target (issue 17): the no-change rebuild at least 5x faster than Podman's, the cold
# build no slower.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
WORK=/tmp/cove-bench-build
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
[ -n "$COVE" ] || die "cove is not built"

IMG="$COVE_TEST_REGISTRY/cove-test/busybox:latest"
side_by_side
cove pull -q "$IMG" >/dev/null
podman_ pull -q --tls-verify=false "$IMG" >/dev/null

CTX=$WORK/ctx
rm -rf "$CTX"
mkdir -p "$CTX/src/lib"
for i in $(seq 50); do echo "file $i" >"$CTX/src/lib/f$i.txt"; done
echo 'echo main' >"$CTX/src/main.sh"
cat >"$CTX/Dockerfile" <<EOF
FROM $IMG AS build
WORKDIR /build
COPY src/ ./src/
RUN cat src/lib/*.txt > bundle.txt && wc -l bundle.txt
RUN mkdir /out && cp bundle.txt src/main.sh /out/

FROM $IMG
ENV APP=/app
COPY --from=build /out /app
RUN chmod +x /app/main.sh
LABEL bench=build
CMD ["/app/main.sh"]
EOF
chown -R "$USER_NAME:" "$CTX"
chmod -R a+rX "$CTX"

echo "multi-stage build, 11 steps (3 RUN), $RUNS runs each (median), as $USER_NAME"
printf '%-24s %8s %9s %7s\n' build cove_s podman_s ratio
row() {
    local label=$1; shift
    local c p
    c=$(sample "cove-$label" cove build "$@" -t bench "$CTX")
    p=$(sample "podman-$label" podman_ build --runtime runc --layers "$@" -t bench "$CTX")
    awk -v n="$label" -v c="$c" -v p="$p" 'BEGIN { printf "%-24s %8.3f %9.3f %6.2fx\n", n, c, p, p / c }'
}
row "cold (--no-cache)" --no-cache
row "no-change rebuild"
echo "target: podman/cove >= 5x on the no-change rebuild, >= 1x cold"
