#!/usr/bin/env bash
# The main job, end to end and offline, on a fresh Debian 12 machine as root: prepare the
# machine (local registry, test user, test images), build cove, then as the unprivileged
# user pull images from the local registry and run real rootless containers: one in the
# foreground, one detached (ps, logs, exec, stop, rm).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ "$(id -u)" = 0 ] || { echo "demo.sh: run as root (it sets up the machine)" >&2; exit 1; }

bash scripts/setup-test-env.sh
if ! command -v cargo >/dev/null 2>&1; then
    for d in "${CARGO_HOME:-$HOME/.cargo}/bin" /root/.cargo/bin; do
        [ -x "$d/cargo" ] && PATH="$d:$PATH" && break
    done
fi
bash scripts/build.sh

. /var/lib/cove-test/env
user=$COVE_TEST_USER
bin=/tmp/cove-demo/bin
home=/tmp/cove-demo/home
rm -rf /tmp/cove-demo 2>/dev/null || true
install -d -m 0755 "$bin" && install -m 0755 target/release/cove target/release/cove-conmon target/release/cove-runtime target/release/cove-init "$bin/"
install -d -o "$user" -m 0700 "$home" "$home/.config/containers" "$home/run"
cat > "$home/.config/containers/registries.conf" <<CONF
unqualified-search-registries = ["$COVE_TEST_REGISTRY"]
[[registry]]
location = "$COVE_TEST_REGISTRY"
insecure = true
CONF
chown -R "$user" "$home"

as_user() {
    runuser -u "$user" -- env -i HOME="$home" PATH=/usr/bin:/bin \
        XDG_RUNTIME_DIR="$home/run" "$bin/cove" "$@"
}
set -x
as_user pull cove-test/multi
as_user pull cove-test/busybox
as_user images
root=$(as_user image mount cove-test/multi)
as_user unshare sh -c "ls -l $root/data; cat $root/data/b; echo"
as_user run --rm cove-test/busybox sh -c 'echo "hello from a rootless container: $(id)"; cat /proc/self/uid_map'
as_user run -d --name web -p 127.0.0.1::8080 cove-test/busybox httpd -f -p 8080 -h /var/www
as_user ps
# Published on a random host port, forwarded by the container's shim: fetch it from the host.
addr=$(as_user port web 8080)
for _ in $(seq 50); do curl -sf "http://$addr/index.html" && break; sleep 0.1; done
as_user exec web wget -qO- http://127.0.0.1:8080/index.html
as_user logs web
as_user stop web
as_user ps -a
as_user rm web
as_user info
