//! cove-conmon: the per-container shim. The container lifecycle lands with the containers
//! issue; until then it only answers `--version` so that `cove info` can report it.

fn main() {
    let arg = std::env::args().nth(1);
    match arg.as_deref() {
        Some("--version") | Some("-V") => println!("cove-conmon {}", env!("CARGO_PKG_VERSION")),
        _ => {
            eprintln!("cove-conmon: no container support yet");
            std::process::exit(125);
        }
    }
}
