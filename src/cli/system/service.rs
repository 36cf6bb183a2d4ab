//! `system service`: the Docker-compatible API on a socket, until idle.

use std::time::Duration;

use clap::Args;

use crate::api::{self, Endpoint, Service};
use crate::cli::{CmdResult, Ctx};

#[derive(Args, Debug)]
pub struct ServiceArgs {
    /// Exit after this many seconds without a request in progress (0: never)
    #[arg(short, long, value_name = "SECONDS", default_value_t = 5)]
    pub time: u64,
    /// Send these CORS headers' origin (Access-Control-Allow-Origin) with every answer
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
    /// Where to listen: unix:///PATH or tcp://HOST:PORT (default:
    /// unix://$XDG_RUNTIME_DIR/cove/cove.sock)
    pub uri: Option<String>,
}

pub fn service(ctx: &Ctx, a: ServiceArgs) -> CmdResult {
    let endpoint = match &a.uri {
        Some(uri) => uri.parse::<Endpoint>()?,
        None => Endpoint::Unix(ctx.paths.api_socket()),
    };
    let engine = ctx.engine()?;
    let idle = (a.time > 0).then(|| Duration::from_secs(a.time));
    api::serve(Service { engine }, &endpoint, idle, a.cors)?;
    Ok(0)
}
