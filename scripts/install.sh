#!/usr/bin/env bash
# Install cove from this checkout, or remove what an earlier run installed.
#
#   scripts/install.sh [--prefix PREFIX] [--destdir DIR]     (default prefix /usr/local)
#   scripts/install.sh --prefix ~/.local                       (no root needed)
#   scripts/install.sh [--prefix PREFIX] [--destdir DIR] --uninstall
#
# Layout under PREFIX:
#   bin/cove, bin/cove-systemd-generator
#   libexec/cove/{cove-conmon,cove-runtime,cove-init}   (cove looks in ../libexec/cove)
#   share/man/man1/cove*.1
#   share/bash-completion/completions/cove, share/zsh/site-functions/_cove,
#   share/fish/vendor_completions.d/cove.fish
#   lib/systemd/user/{cove-restart.service,cove.socket,cove.service}  (ExecStart=PREFIX/bin/cove)
#   lib/systemd/user-generators/cove-systemd-generator -> ../../../bin/cove-systemd-generator
#   share/cove/install-manifest   (what --uninstall removes: these files, and the
#                                  directories this script created, if left empty)
#
# The release binaries are built (scripts/build.sh) when one is missing or older than its
# sources. As root on a checkout owned by someone else, build as that user first: root
# would leave root-owned files in their target directory. CARGO_TARGET_DIR is honoured.
# --no-manifest is for packaging (scripts/package-deb.sh): dpkg keeps its own list.
set -euo pipefail

die() { echo "install.sh: $*" >&2; exit 1; }
say() { echo "install.sh: $*" >&2; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PREFIX=/usr/local
DESTDIR=
UNINSTALL=
MANIFEST_WANTED=1
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#*=}; shift ;;
        --destdir) [ $# -ge 2 ] || die "--destdir needs a directory"; DESTDIR=$2; shift 2 ;;
        --destdir=*) DESTDIR=${1#*=}; shift ;;
        --uninstall) UNINSTALL=1; shift ;;
        --no-manifest) MANIFEST_WANTED=; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
case "$PREFIX" in
    /*) ;;
    *) die "--prefix must be an absolute path (got: $PREFIX)" ;;
esac
PREFIX=${PREFIX%/}
[ -n "$PREFIX" ] || die "--prefix / is not supported; use /usr"
if [ -n "$DESTDIR" ]; then
    mkdir -p "$DESTDIR"
    DESTDIR=$(cd "$DESTDIR" && pwd)
fi
ROOT=$DESTDIR$PREFIX
MANIFEST_PATH=$PREFIX/share/cove/install-manifest
MANIFEST=$DESTDIR$MANIFEST_PATH

# ------------------------------------------------------------------ uninstall
# Manifest lines: `f PATH` (a file or symlink) and `d PATH` (a directory this script
# created), paths without DESTDIR, directories listed parents first.
uninstall() {
    [ -f "$MANIFEST" ] || die "no manifest at $MANIFEST: nothing was installed with this --prefix/--destdir"
    local kind path dirs=()
    while read -r kind path; do
        case "$kind" in
            f) rm -f -- "$DESTDIR$path" ;;
            d) dirs+=("$path") ;;
        esac
    done <"$MANIFEST"
    rm -f -- "$MANIFEST"
    local i
    for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do
        rmdir -- "$DESTDIR${dirs[i]}" 2>/dev/null || true
    done
}

if [ -n "$UNINSTALL" ]; then
    uninstall
    say "removed cove from $ROOT"
    exit 0
fi

# Before building anything: can we write there at all?
probe=$ROOT
while [ ! -e "$probe" ]; do probe=$(dirname "$probe"); done
[ -w "$probe" ] || die "cannot write to $probe: run as root, or install for yourself with --prefix ~/.local"

# ------------------------------------------------------------------ build if needed
TARGET=${CARGO_TARGET_DIR:-$REPO/target}/release
# binary: the sources it is built from (relative to the checkout).
declare -A SOURCES=(
    [cove]="src runtime Cargo.toml Cargo.lock"
    [cove-systemd-generator]="src Cargo.toml Cargo.lock"
    [cove-conmon]="conmon Cargo.lock"
    [cove-runtime]="runtime Cargo.lock"
    [cove-init]="init"
)
stale() {
    local bin=$1 src
    [ -x "$TARGET/$bin" ] || return 0
    for src in ${SOURCES[$bin]}; do
        [ -n "$(find "$REPO/$src" -newer "$TARGET/$bin" -print -quit 2>/dev/null)" ] && return 0
    done
    return 1
}
need_build=
for bin in "${!SOURCES[@]}"; do
    if stale "$bin"; then need_build=1; fi
done
if [ -n "$need_build" ]; then
    owner=$(stat -c %u "$REPO")
    if [ "$(id -u)" = 0 ] && [ "$owner" != 0 ]; then
        die "the release binaries in $TARGET are missing or older than the sources: build them as $(id -nu "$owner" 2>/dev/null || echo "uid $owner") first (scripts/build.sh), then run this again"
    fi
    say "building the release binaries (scripts/build.sh)"
    # It also marks the binaries current when cargo found nothing to do.
    bash "$REPO/scripts/build.sh"
fi
for bin in "${!SOURCES[@]}"; do
    [ -x "$TARGET/$bin" ] || die "$TARGET/$bin missing after the build"
done

# ------------------------------------------------------------------ install
# Replace an earlier installation as a whole, so files it had and this one has not
# (a command removed since) do not linger.
if [ -f "$MANIFEST" ]; then
    uninstall
fi
ENTRIES=()
# mkdir -p, remembering each directory it creates.
make_dir() {
    local dir=$1 missing=()
    while [ ! -d "$DESTDIR$dir" ]; do
        missing=("$dir" "${missing[@]}")
        dir=$(dirname "$dir")
    done
    for dir in "${missing[@]}"; do
        mkdir -m 0755 "$DESTDIR$dir"
        ENTRIES+=("d $dir")
    done
}
# put MODE SOURCE DEST-PATH
put() {
    make_dir "$(dirname "$3")"
    install -m "$1" "$2" "$DESTDIR$3"
    ENTRIES+=("f $3")
}
STRIP=()
if command -v strip >/dev/null 2>&1; then STRIP=(-s); fi
put_bin() {
    make_dir "$(dirname "$2")"
    install -m 0755 "${STRIP[@]}" "$1" "$DESTDIR$2"
    ENTRIES+=("f $2")
}

put_bin "$TARGET/cove" "$PREFIX/bin/cove"
put_bin "$TARGET/cove-systemd-generator" "$PREFIX/bin/cove-systemd-generator"
for helper in cove-conmon cove-runtime cove-init; do
    put_bin "$TARGET/$helper" "$PREFIX/libexec/cove/$helper"
done
for page in "$REPO"/man/*.1; do
    put 0644 "$page" "$PREFIX/share/man/man1/$(basename "$page")"
done
put 0644 "$REPO/completions/cove.bash" "$PREFIX/share/bash-completion/completions/cove"
put 0644 "$REPO/completions/_cove" "$PREFIX/share/zsh/site-functions/_cove"
put 0644 "$REPO/completions/cove.fish" "$PREFIX/share/fish/vendor_completions.d/cove.fish"

# The units run the cove installed here, whatever PATH systemd searches.
units_tmp=$(mktemp -d)
trap 'rm -rf "$units_tmp"' EXIT
for unit in cove-restart.service cove.socket cove.service; do
    sed "s|^\(Exec[A-Za-z]*=[-@+!:]*\)cove |\1$PREFIX/bin/cove |" \
        "$REPO/contrib/systemd/user/$unit" >"$units_tmp/$unit"
    put 0644 "$units_tmp/$unit" "$PREFIX/lib/systemd/user/$unit"
done
# A symlink, so the generator (resolving its own path) finds the cove beside it.
make_dir "$PREFIX/lib/systemd/user-generators"
ln -sfn ../../../bin/cove-systemd-generator "$ROOT/lib/systemd/user-generators/cove-systemd-generator"
ENTRIES+=("f $PREFIX/lib/systemd/user-generators/cove-systemd-generator")

if [ -n "$MANIFEST_WANTED" ]; then
    make_dir "$(dirname "$MANIFEST_PATH")"
    printf '%s\n' "${ENTRIES[@]}" >"$MANIFEST"
fi
say "installed cove into $ROOT"

# ------------------------------------------------------------------ what next
[ -z "$DESTDIR" ] || exit 0
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) say "add $PREFIX/bin to your PATH" ;;
esac
case "$PREFIX" in
    /usr|/usr/local) ;;
    *) say "systemd does not search $PREFIX/lib/systemd: enable a unit with" \
           "\`systemctl --user enable $PREFIX/lib/systemd/user/cove.socket\`;" \
           "for the generator, link it into /etc/systemd/user-generators/ (as root)" ;;
esac
say "next: \`cove system check\` tells you whether anything is missing on this machine"
