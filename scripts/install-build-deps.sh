#!/usr/bin/env bash
# The Debian packages cove needs to BUILD (not only to test): libseccomp-dev, whose
# libseccomp cove-runtime and `cove exec` compile seccomp profiles with, and pkg-config,
# which finds it. Called by .ci/run before clippy (CI's machine is fresh) and by
# scripts/build.sh; scripts/setup-test-env.sh lists them with the test packages.
# Installs only what is missing (as root; otherwise it names the missing packages).
set -euo pipefail

PKGS=(libseccomp-dev pkg-config)
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "install-build-deps: missing ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
    exit 1
fi
echo "install-build-deps: installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
