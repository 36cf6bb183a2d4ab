//! cove-runtime: cove's built-in OCI runtime. The lifecycle lands with the containers
//! issue; until then it only answers `--version`.

fn main() {
    let arg = std::env::args().nth(1);
    match arg.as_deref() {
        Some("--version") | Some("-v") => {
            println!("cove-runtime version {}", env!("CARGO_PKG_VERSION"))
        }
        _ => {
            eprintln!("cove-runtime: not implemented yet");
            std::process::exit(1);
        }
    }
}
