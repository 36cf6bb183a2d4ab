#!/usr/bin/env bash
# Build the previous release's binaries (cove, cove-conmon, cove-runtime) once, into
# /var/lib/cove-test/prev/, for tests/upgrade.rs: it writes a store with them that the
# current cove must migrate. Run as root by scripts/setup-test-env.sh; cached (nothing to
# do when the binaries of that commit are there).
#
# Cost: the previous release's sources are built in their own target dir (sharing
# target/ would overwrite target/release/cove). When target/release already holds this
# workspace's dependencies (scripts/test.sh builds before setting up), they are copied
# in first, so only the workspace crates are compiled (a few minutes, once per machine).
set -euo pipefail

PREV=d70bb42 # the last commit whose store has no schema version (schema 1)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=/var/lib/cove-test
OUT=$STATE/prev
SRC=$STATE/prev-src
TARGET=$STATE/prev-target

say() { echo "build-prev-release: $*" >&2; }

if [ -x "$OUT/cove" ] && [ "$(cat "$OUT/commit" 2>/dev/null)" = "$PREV" ]; then
    exit 0
fi
# The repository may belong to another user than root (a developer's checkout).
git_() { git -c safe.directory='*' -C "$REPO" "$@"; }
if ! git_ cat-file -e "$PREV^{commit}" 2>/dev/null; then
    say "commit $PREV is not in this clone (shallow?): tests/upgrade.rs will fail;" \
        "fetch the full history and run scripts/setup-test-env.sh again"
    exit 0
fi

if ! command -v cargo >/dev/null 2>&1; then
    for d in "${CARGO_HOME:-$HOME/.cargo}/bin" /root/.cargo/bin /usr/local/cargo/bin; do
        if [ -x "$d/cargo" ]; then PATH="$d:$PATH"; export PATH; break; fi
    done
fi

say "building cove at $PREV (previous release) into $OUT"
rm -rf "$SRC"
mkdir -p "$SRC" "$OUT"
git_ archive "$PREV" | tar -x -C "$SRC"
if [ ! -d "$TARGET/release/deps" ] && [ -d "$REPO/target/release/deps" ]; then
    mkdir -p "$TARGET/release"
    cp -a "$REPO/target/release/deps" "$REPO/target/release/build" \
        "$REPO/target/release/.fingerprint" "$TARGET/release/"
fi
start=$(date +%s)
cargo build --release --locked --manifest-path "$SRC/Cargo.toml" --target-dir "$TARGET" \
    -p cove -p cove-conmon -p cove-runtime --bin cove --bin cove-conmon --bin cove-runtime
for b in cove cove-conmon cove-runtime; do
    install -m 0755 "$TARGET/release/$b" "$OUT/$b"
done
echo "$PREV" >"$OUT/commit"
# The binaries are the cache; the 1 GB of build products are not needed again.
rm -rf "$SRC" "$TARGET"
say "built in $(($(date +%s) - start)) s"
