//! Container networking without a daemon or root: a network namespace per container, an
//! uplink helper (slirp4netns or pasta) per namespace, published ports forwarded by the
//! container's shim, and the /etc files that go with them.

pub mod addr;
pub mod bridge;
pub mod dns;
pub mod etc;
pub mod ipam;
pub mod mode;
pub mod netns;
pub mod networks;
pub mod ports;
pub mod report;
pub mod uplink;

pub use mode::{NetworkMode, SlirpOptions};
pub use ports::PortMapping;

/// `network connect --driver-opt`: Docker's bridge takes per-endpoint sysctls and an
/// interface name there; cove's bridge driver none.
pub fn refuse_endpoint_options(opts: &[String]) -> Result<(), NetworkError> {
    match opts.first() {
        Some(o) => Err(NetworkError::Refused(format!(
            "--driver-opt {o}: cove's bridge driver takes no endpoint options"
        ))),
        None => Ok(()),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    #[error("invalid --network {0:?}: use slirp4netns[:OPTIONS], pasta[:OPTIONS], none, host, container:NAME, ns:PATH or a network's name")]
    Mode(String),
    #[error("invalid network option {0}")]
    Option(String),
    /// A `network create` option refused in Podman's words.
    #[error("{0}")]
    Refused(String),
    #[error("invalid --publish {0:?}: {1}")]
    Publish(String, String),
    #[error("invalid --add-host {0:?}: {1}")]
    AddHost(String, String),
    #[error("cannot publish port {port}/{protocol} on {address}: {cause}")]
    PortInUse {
        port: String,
        protocol: String,
        address: String,
        cause: String,
    },
    #[error(
        "{program} is not installed: install the {package} package (or pick another --network)"
    )]
    NotInstalled {
        program: &'static str,
        package: &'static str,
    },
    #[error("{program} failed to set up the network: {message}")]
    Helper {
        program: &'static str,
        message: String,
    },
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}")]
    Conflict(String),
    #[error("unable to find network with name or ID {0}: network not found")]
    NotFound(String),
    #[error("network {0:?} already exists")]
    Exists(String),
}
