# Sourced by the scripts that run cargo: sudo and CI shells often drop ~/.cargo/bin from
# PATH, so look where rustup and the rust images put it.
if ! command -v cargo >/dev/null 2>&1; then
    for d in "${CARGO_HOME:-$HOME/.cargo}/bin" /root/.cargo/bin /usr/local/cargo/bin; do
        if [ -x "$d/cargo" ]; then PATH="$d:$PATH"; export PATH; break; fi
    done
fi
