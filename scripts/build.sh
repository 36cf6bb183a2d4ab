#!/usr/bin/env bash
# Build every binary cove needs into target/release: the workspace (cove, cove-conmon,
# cove-runtime) and cove-init, which is its own workspace because it is linked statically
# (see init/Cargo.toml). `scripts/build.sh debug` builds into target/debug instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/find-cargo.sh
bash scripts/install-build-deps.sh
profile=(--release)
[ "${1:-}" = debug ] && profile=()
cargo build "${profile[@]}" --workspace
(cd init && cargo build "${profile[@]}" --target-dir ../target)
# Cargo leaves a binary alone when a change does not alter it (a test-only file, a
# comment in Cargo.toml); scripts/install.sh rebuilds what is older than its sources, so
# mark them current now that cargo says they are.
out=release
[ ${#profile[@]} -eq 0 ] && out=debug
touch -c "${CARGO_TARGET_DIR:-target}/$out/"{cove,cove-systemd-generator,cove-conmon,cove-runtime} \
    "target/$out/cove-init"
