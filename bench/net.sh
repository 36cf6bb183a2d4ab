#!/usr/bin/env bash
# Port forwarding benchmark: bulk TCP throughput (iperf3) and new connections per second
# through `-p 127.0.0.1:PORT:...` (and cove's through a bare `-p PORT:...`), for cove (its port handoff, and its relay with
# COVE_PORT_HANDOFF=0) and for Podman (rootless, default port handler), against the same
# servers on plain loopback without containers; then the client address the server in the
# container sees, for a client on loopback and for one in a network namespace this script
# creates (a veth pair on 10.213.254.0/30, removed at the end). Run as root:
#   sudo bench/net.sh            (SECONDS_PER_RUN=10 for longer iperf3 runs)
# Target (issue 18): cove >= 0.95x of plain loopback on both figures, and the real client
# address in both cases. See bench/README.md.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=/tmp/cove-bench-net
DUR=${SECONDS_PER_RUN:-5}
CONN_SECONDS=${CONN_SECONDS:-3}
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
[ -n "$COVE" ] || die "cove is not built"
command -v iperf3 >/dev/null 2>&1 || {
    echo "bench: installing iperf3" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iperf3 >/dev/null
}

side_by_side
cove_relay() { as_user "$CB" env COVE_PORT_HANDOFF=0 "$COVE" "$@"; }
NS=cove-bench-net VETH=cvbench HOST_IP=10.213.254.1 NS_IP=10.213.254.2
ip netns del "$NS" 2>/dev/null || true
ip netns add "$NS"
trap 'ip netns del "$NS" 2>/dev/null; cleanup "$CB"; cleanup "$PB"; cleanup "$HB"' EXIT
ip link add "$VETH" type veth peer name "${VETH}i"
ip link set "${VETH}i" netns "$NS"
ip addr add "$HOST_IP/30" dev "$VETH"
ip link set "$VETH" up
ip -n "$NS" addr add "$NS_IP/30" dev "${VETH}i"
ip -n "$NS" link set "${VETH}i" up
ip -n "$NS" link set lo up

# An image holding iperf3 and the libraries it links, imported by both tools from one tar.
ROOT=$WORK/iperf-root
rm -rf "$ROOT"
mkdir -p "$ROOT/usr/bin" "$ROOT/tmp" "$ROOT/etc"
cp /usr/bin/iperf3 "$ROOT/usr/bin/"
for lib in $(ldd /usr/bin/iperf3 | grep -o '/[^ ]*'); do
    mkdir -p "$ROOT$(dirname "$lib")"
    cp -L "$lib" "$ROOT$lib"
done
echo 'root:x:0:0:root:/:/bin/sh' >"$ROOT/etc/passwd"
chmod 1777 "$ROOT/tmp"
tar -C "$ROOT" -cf "$WORK/iperf.tar" .
chmod 0644 "$WORK/iperf.tar"
cove import -q "$WORK/iperf.tar" localhost/iperf:bench >/dev/null
podman_ import -q "$WORK/iperf.tar" localhost/iperf:bench >/dev/null
WEB="$COVE_TEST_REGISTRY/cove-test/web:latest"
cove pull -q "$WEB" >/dev/null
podman_ pull -q --tls-verify=false "$WEB" >/dev/null

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wait_tcp PORT: until something accepts and answers on 127.0.0.1:PORT.
wait_tcp() {
    local i
    for i in $(seq 200); do
        "$PY" - "$1" <<'EOF' && return 0
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
s.settimeout(0.5)
try:
    s.send(b"GET / HTTP/1.0\r\n\r\n")
    s.recv(1)
except socket.timeout:
    pass  # iperf3 says nothing first; a live connection is enough
except OSError:
    sys.exit(1)
EOF
        sleep 0.1
    done
    die "nothing answers on 127.0.0.1:$1"
}

# gbits PORT: iperf3 client, received bits per second in Gbit/s.
gbits() {
    wait_tcp "$1" 2>/dev/null || true
    sleep 0.3
    as_user "$HB" env TMPDIR="$HB/home" iperf3 -c 127.0.0.1 -p "$1" -t "$DUR" -J >"$WORK/iperf-$1.json" \
        || die "iperf3 to port $1 failed: $(tail -3 "$WORK/iperf-$1.json")"
    "$PY" -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["end"]["sum_received"]["bits_per_second"] / 1e9))' \
        "$WORK/iperf-$1.json"
}

# cps PORT: new HTTP/1.0 connections per second, one client, each a full GET of index.html.
cps() {
    wait_tcp "$1"
    "$PY" - "$1" "$CONN_SECONDS" <<'EOF'
import socket, sys, time
port, secs = int(sys.argv[1]), float(sys.argv[2])
n, end = 0, time.monotonic() + secs
t0 = time.monotonic()
while time.monotonic() < end:
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /index.html HTTP/1.0\r\n\r\n")
    got = b""
    while True:
        b = s.recv(65536)
        if not b:
            break
        got += b
    s.close()
    if b"hello from cove" not in got:
        sys.exit("bad answer: %r" % got[:200])
    n += 1
print("%.0f" % (n / (time.monotonic() - t0)))
EOF
}

# --- plain loopback: the same servers on the host, as the test user
P=$(free_port)
# TMPDIR: iperf3 keeps a scratch file there, and /tmp may not be world-writable.
as_user "$HB" env TMPDIR="$HB/home" iperf3 -s -p "$P" -D --pidfile "$HB/run/iperf.pid"
loop_tput=$(gbits "$P")
mkdir -p "$HB/www/cgi-bin" && echo "hello from cove" >"$HB/www/index.html"
# The client's address and port as the server saw them (busybox httpd's CGI).
cat >"$HB/www/cgi-bin/addr" <<'EOF'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n%s %s\n' "$REMOTE_ADDR" "$REMOTE_PORT"
EOF
chmod 0755 "$HB/www" "$HB/www/cgi-bin" "$HB/www/cgi-bin/addr"
chown -R "$USER_NAME:" "$HB/www"
PW=$(free_port)
as_user "$HB" busybox httpd -p "127.0.0.1:$PW" -h "$HB/www"
loop_cps=$(cps "$PW")

# --- cove (handoff, then its relay) and podman: each container's server behind -p on 127.0.0.1
C=$(free_port)
cove run -d --name iperf -p "127.0.0.1:$C:5201" localhost/iperf:bench iperf3 -s >/dev/null
cove_tput=$(gbits "$C")
CW=$(free_port)
cove run -d --name web -p "127.0.0.1:$CW:80" "$WEB" >/dev/null
cove_cps=$(cps "$CW")
cove rm -f iperf web >/dev/null

# A bare -p (every address, the common form): an IPv4 and an IPv6-only host socket; iperf3
# and busybox httpd listen dual-stack, so the shim hands them one dual-stack socket instead.
B=$(free_port)
cove run -d --name iperf -p "$B:5201" localhost/iperf:bench iperf3 -s >/dev/null
bare_tput=$(gbits "$B")
BW=$(free_port)
cove run -d --name web -p "$BW:80" "$WEB" >/dev/null
bare_cps=$(cps "$BW")
cove rm -f iperf web >/dev/null

R=$(free_port)
cove_relay run -d --name iperf -p "127.0.0.1:$R:5201" localhost/iperf:bench iperf3 -s >/dev/null
relay_tput=$(gbits "$R")
RW=$(free_port)
cove_relay run -d --name web -p "127.0.0.1:$RW:80" "$WEB" >/dev/null
relay_cps=$(cps "$RW")
cove_relay rm -f iperf web >/dev/null

Q=$(free_port)
podman_ run -d --runtime runc --name iperf -p "127.0.0.1:$Q:5201" localhost/iperf:bench iperf3 -s >/dev/null
podman_tput=$(gbits "$Q")
QW=$(free_port)
podman_ run -d --runtime runc --name web -p "127.0.0.1:$QW:80" "$WEB" >/dev/null
podman_cps=$(cps "$QW")
podman_ rm -f iperf web >/dev/null 2>&1 || true

# --- the client address the server sees: one container per tool, port 80 on 127.0.0.1
# and port 81 on the veth's host address, the CGI above behind both.
# seen_at HOST PORT: what the server saw, and the client's own address.
seen_at() {
    "$PY" - "$1" "$2" <<'EOF'
import socket, sys
host = sys.argv[1]
s = socket.create_connection((host, int(sys.argv[2])))
me = ("[%s]:%d" if ":" in host else "%s:%d") % s.getsockname()[:2]
s.sendall(b"GET /cgi-bin/addr HTTP/1.0\r\n\r\n")
got = b""
while True:
    b = s.recv(65536)
    if not b:
        break
    got += b
print("%s (client %s)" % (got.split(b"\r\n\r\n", 1)[-1].decode().strip(), me))
EOF
}
# seen_local PORT: a client on 127.0.0.1, once the port answers.
seen_local() {
    wait_tcp "$1"
    seen_at 127.0.0.1 "$1"
}
# seen_local6 PORT: the same for a client on [::1].
seen_local6() {
    seen_at ::1 "$1"
}
# seen_ns PORT: the same from the namespace's client.
seen_ns() {
    local i out=
    for i in $(seq 100); do
        out=$(ip netns exec "$NS" wget -qO- -T 5 "http://$HOST_IP:$1/cgi-bin/addr" 2>/dev/null) && break
        sleep 0.1
    done
    echo "${out:-no answer} (client $NS_IP)"
}
addr_row() { # TOOL-FUNCTION LABEL [RUN-ARGS...]
    local tool=$1 label=$2 a b
    shift 2
    a=$(free_port) b=$(free_port)
    $tool run -d --name addr "$@" -v "$HB/www:/www:ro" -p "127.0.0.1:$a:80" -p "$HOST_IP:$b:81" "$WEB" \
        sh -c 'httpd -p 81 -h /www && exec httpd -f -p 80 -h /www' >/dev/null
    printf '%-16s %-44s %s\n' "$label" "$(seen_local "$a")" "$(seen_ns "$b")"
    $tool rm -f addr >/dev/null 2>&1 || true
}
# bare_row TOOL-FUNCTION LABEL [RUN-ARGS...]: -p PORT:80 on every address, an IPv4 server
# (httpd on 0.0.0.0, as nginx's default) and then a dual-stack one; also a [::1] client.
bare_row() {
    local tool=$1 label=$2 a listen
    shift 2
    for listen in 0.0.0.0:80 80; do
        a=$(free_port)
        $tool run -d --name addr "$@" -v "$HB/www:/www:ro" -p "$a:80" "$WEB" \
            httpd -f -p "$listen" -h /www >/dev/null
        printf '%-22s %-40s %-40s %s\n' "$label $listen" "$(seen_local "$a")" \
            "$(seen_ns "$a")" "$(seen_local6 "$a")"
        $tool rm -f addr >/dev/null 2>&1 || true
    done
}
addresses=$(
    addr_row cove "cove (handoff)"
    addr_row cove_relay "cove (relay)"
    addr_row podman_ "podman" --runtime runc
)
bare_addresses=$(
    bare_row cove "cove"
    bare_row cove_relay "relay"
    bare_row podman_ "podman" --runtime runc
)

echo "port forwarding through -p 127.0.0.1:PORT, as $USER_NAME (iperf3 ${DUR}s; HTTP GETs ${CONN_SECONDS}s, one client)"
printf '%-28s %9s %9s %9s %9s %10s %11s %12s\n' measure loopback cove relay podman cove/loop relay/loop cove/podman
awk -v l="$loop_tput" -v c="$cove_tput" -v r="$relay_tput" -v p="$podman_tput" 'BEGIN {
    printf "%-28s %9.2f %9.2f %9.2f %9.2f %9.2fx %10.2fx %11.2fx\n", "TCP throughput (Gbit/s)", l, c, r, p, c / l, r / l, c / p }'
awk -v l="$loop_cps" -v c="$cove_cps" -v r="$relay_cps" -v p="$podman_cps" 'BEGIN {
    printf "%-28s %9d %9d %9d %9d %9.2fx %10.2fx %11.2fx\n", "new connections per second", l, c, r, p, c / l, r / l, c / p }'
awk -v l="$loop_tput" -v c="$bare_tput" 'BEGIN {
    printf "%-28s %9.2f %9.2f %9s %9s %9.2fx\n", "  cove, bare -p PORT:5201", l, c, "", "", c / l }'
awk -v l="$loop_cps" -v c="$bare_cps" 'BEGIN {
    printf "%-28s %9d %9d %9s %9s %9.2fx\n", "  cove, bare -p PORT:80", l, c, "", "", c / l }'
echo "cove: the port handed to the server (default); relay: COVE_PORT_HANDOFF=0"
echo "target: cove/loop >= 0.95x on both"
echo
echo "client address the server in the container sees (REMOTE_ADDR REMOTE_PORT)"
printf '%-16s %-44s %s\n' tool "client on 127.0.0.1" "client in netns $NS ($NS_IP)"
echo "$addresses"
echo "target: the client's own address in both columns"
echo
echo "bare -p PORT:80 (every address): httpd -p 0.0.0.0:80 (IPv4) and -p 80 (dual-stack)"
printf '%-22s %-40s %-40s %s\n' "tool, httpd -p" "client on 127.0.0.1" "client in netns ($NS_IP)" "client on [::1]"
echo "$bare_addresses"
echo "cove: an IPv4 server gets the IPv4 socket ([::1] clients come through a relay on the host, as 127.0.0.1);"
echo "      a dual-stack server one dual-stack socket in place of the two (every client as itself)"
