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
