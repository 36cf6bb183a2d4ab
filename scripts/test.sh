#!/usr/bin/env bash
# THE test command: prepares the machine (registries, test user, images) and runs every
# test of the workspace in release mode. Run as root from anywhere:
#   sudo scripts/test.sh [extra cargo test args, e.g. -- --nocapture]
# Exits with cargo's exit code.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$(id -u)" != 0 ]; then
    echo "test.sh: must run as root (tests switch to the unprivileged user covetest)" >&2
    exit 1
fi

# sudo and CI shells often drop ~/.cargo/bin from PATH.
if ! command -v cargo >/dev/null 2>&1; then
    for d in "${CARGO_HOME:-$HOME/.cargo}/bin" /root/.cargo/bin /usr/local/cargo/bin; do
        if [ -x "$d/cargo" ]; then PATH="$d:$PATH"; export PATH; break; fi
    done
fi
if ! command -v cargo >/dev/null 2>&1; then
    echo "test.sh: cargo not found (looked in PATH, \$CARGO_HOME/bin, ~/.cargo/bin," \
         "/usr/local/cargo/bin). Install Rust with rustup first." >&2
    exit 1
fi

# Built first: setup-test-env.sh builds the previous release reusing its dependencies.
bash scripts/build.sh
bash scripts/setup-test-env.sh

set +e
cargo test --release --workspace "$@"
rc=$?
set -e
exit "$rc"
