//! The `cove` binary. Nothing may start a thread before `cli::main` has entered the
//! user namespace (setns refuses multi-threaded callers), so main stays this small.

fn main() {
    std::process::exit(cove::cli::main());
}
