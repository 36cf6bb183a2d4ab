# Shared by the bench/*.sh scripts (sourced, not run): the test registry, podman, the cove
# binaries, per-round XDG dirs for the test user, timing and medians.
# Expects REPO and WORK to be set; sets COVE_TEST_* (from the env file), USER_NAME, COVE.

PY=/usr/bin/python3
ENV_FILE=/var/lib/cove-test/env

die() { echo "bench: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (it installs podman and switches to the test user)"

[ -f "$ENV_FILE" ] || bash "$REPO/scripts/setup-test-env.sh"
# shellcheck disable=SC1090
. "$ENV_FILE"
if ! curl -sf -o /dev/null "http://$COVE_TEST_REGISTRY/v2/"; then
    bash "$REPO/scripts/setup-test-env.sh"
    # shellcheck disable=SC1090
    . "$ENV_FILE"
fi

if ! command -v podman >/dev/null 2>&1; then
    echo "bench: installing podman" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq podman >/dev/null
fi
# No systemd and cgroups v1 here: podman needs cgroupfs, a file event log, and runc
# (crun refuses cgroups v1 without systemd).
PODMAN_ARGS=(--cgroup-manager=cgroupfs --events-backend=file)

USER_NAME=${COVE_TEST_USER:-covetest}

# Copy out of the target dir, which may sit in a 0700 home the test user cannot enter.
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
mkdir -p "$WORK/bin"
chmod 0755 "$WORK" "$WORK/bin"
COVE=""
if [ -x "$TARGET/release/cove" ]; then
    for b in cove cove-conmon cove-runtime cove-init; do
        [ -x "$TARGET/release/$b" ] && install -m 0755 "$TARGET/release/$b" "$WORK/bin/$b"
    done
    COVE=$WORK/bin/cove
else
    echo "bench: $TARGET/release/cove not found; run scripts/build.sh first" >&2
fi

# rundir BASE: the test user's XDG_RUNTIME_DIR for BASE; with RUN_TMPFS=1 on a tmpfs
# (/dev/shm), as /run/user/UID is on a workstation.
rundir() { if [ "${RUN_TMPFS:-}" = 1 ]; then echo "/dev/shm$1/run"; else echo "$1/run"; fi; }

# fresh_dirs BASE: per-round HOME and XDG dirs owned by the test user.
fresh_dirs() {
    local b=$1 r
    r=$(rundir "$b")
    rm -rf "$b" "$r"
    mkdir -p "$b"/{home,data,config/containers} "$r"
    cat >"$b/config/containers/registries.conf" <<EOC
unqualified-search-registries = ["$COVE_TEST_REGISTRY"]

[[registry]]
location = "$COVE_TEST_REGISTRY"
insecure = true
EOC
    chown -R "$USER_NAME:" "$b" "$r"
    chmod 0711 "$b"
    chmod 0700 "$b"/{home,data,config} "$r"
}

# as_user BASE CMD...: run CMD as the test user with BASE's clean environment (under
# the command in the array AS_USER_WRAP if set, e.g. perf stat).
as_user() {
    local b=$1; shift
    (cd "$b" && ${AS_USER_WRAP[@]+"${AS_USER_WRAP[@]}"} runuser -u "$USER_NAME" -- env -i HOME="$b/home" PATH=/usr/local/bin:/usr/bin:/bin \
        XDG_DATA_HOME="$b/data" XDG_CONFIG_HOME="$b/config" XDG_RUNTIME_DIR="$(rundir "$b")" "$@")
}

# cleanup BASE: kill what the round left running (pause processes hold the user
# namespace), then delete its files (root can delete subuid-owned files).
cleanup() {
    local b=$1 p r
    r=$(rundir "$b")
    for p in /proc/[0-9]*; do
        if grep -qzxF "XDG_RUNTIME_DIR=$r" "$p/environ" 2>/dev/null; then
            kill -9 "${p#/proc/}" 2>/dev/null || true
        fi
    done
    sleep 0.2
    rm -rf "$b" "$r"
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

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# sample NAME CMD...: RUNS timed runs (one warm-up first), median in seconds on stdout.
sample() {
    local name=$1; shift
    local times=() t i
    "$@" >/dev/null 2>&1 || true
    for i in $(seq "$RUNS"); do
        t=$(timed "$WORK/$name.log" "$@")
        [ "${t#FAIL:}" = "$t" ] || { cat "$WORK/$name.log" >&2; die "$name failed (exit ${t#FAIL:})"; }
        times+=("$t")
    done
    median "${times[@]}"
}

# side_by_side: fresh stores under $WORK for cove ($CB), Podman ($PB) and the host-side
# servers and clients ($HB), all removed on exit; `cove` and `podman_` run each tool as
# the test user in its own store.
side_by_side() {
    CB=$WORK/cove PB=$WORK/podman HB=$WORK/host
    fresh_dirs "$CB"
    fresh_dirs "$PB"
    fresh_dirs "$HB"
    trap 'cleanup "$CB"; cleanup "$PB"; cleanup "$HB"' EXIT
}
cove() { as_user "$CB" "$COVE" "$@"; }
podman_() {
    as_user "$PB" podman "${PODMAN_ARGS[@]}" --root "$PB/root" --runroot "$PB/runroot" "$@"
}
