#!/usr/bin/env bash
# Build the Debian package: target/debian/cove_VERSION-1_ARCH.deb (its path is printed
# on stdout). The files are exactly what `scripts/install.sh --prefix /usr` installs,
# staged in target/debian-root and packaged by cargo-deb (`[package.metadata.deb]` in
# Cargo.toml: Depends uidmap and slirp4netns | passt, Recommends fuse-overlayfs and
# nftables; cargo-deb gzips the man pages). cargo-deb is installed from crates.io when
# missing. Extra arguments go to `cargo deb` (e.g. --fast).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/find-cargo.sh
CARGO_DEB_VERSION=3.8.0
if ! cargo deb --version >/dev/null 2>&1; then
    echo "package-deb: installing cargo-deb $CARGO_DEB_VERSION from crates.io (takes a few minutes)" >&2
    cargo install cargo-deb --locked --version "$CARGO_DEB_VERSION"
fi
STAGE=target/debian-root
rm -rf "$STAGE"
bash scripts/install.sh --prefix /usr --destdir "$STAGE" --no-manifest
OUT=${CARGO_TARGET_DIR:-target}/debian
mkdir -p "$OUT"
# --no-build: the binaries were built (or found fresh) by install.sh.
cargo deb --no-build --no-strip --output "$OUT" "$@" >&2
ls -t "$OUT"/cove_*.deb | head -n 1
