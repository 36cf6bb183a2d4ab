//! Network commands: `port` (published ports of a container).

use anyhow::anyhow;
use clap::Args;

use super::{CmdResult, Ctx, Failure};
use crate::network::PortMapping;

#[derive(Args, Debug)]
pub struct PortArgs {
    /// Container
    pub container: String,
    /// Only this container port: PORT or PORT/PROTO
    pub port: Option<String>,
}

/// `80/tcp -> 0.0.0.0:8080` lines, or with a PORT just `0.0.0.0:8080` (as `docker port`).
pub fn port(ctx: &Ctx, a: PortArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let c = engine.lookup(&a.container)?;
    // Host ports exist only while the container runs (random ones change every start).
    let ports: &[PortMapping] = if c.state.status.is_active() {
        &c.state.network.ports
    } else {
        &[]
    };
    let Some(want) = a.port else {
        for m in ports {
            println!(
                "{}/{} -> {}",
                m.container_port,
                m.protocol,
                m.host_address()
            );
        }
        return Ok(0);
    };
    let (num, proto) = want.split_once('/').unwrap_or((&want, "tcp"));
    let num: u16 = num
        .parse()
        .map_err(|_| anyhow!("invalid port {want:?}: expected PORT or PORT/PROTO"))?;
    let found: Vec<&PortMapping> = ports
        .iter()
        .filter(|m| m.container_port == num && m.protocol == proto)
        .collect();
    if found.is_empty() {
        return Err(Failure {
            code: 1,
            error: anyhow!("no public port '{num}/{proto}' published for {}", c.name),
        });
    }
    for m in found {
        println!("{}", m.host_address());
    }
    Ok(0)
}
