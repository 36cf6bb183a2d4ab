//! Network commands: `port` (published ports of a container) and `network` (user-defined
//! networks: create, ls, inspect, rm, prune, connect, disconnect, reload).

use anyhow::anyhow;
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use super::output::{print_inspect, print_list};
use super::shared::{check_all_or_names, LatestArg};
use super::{CmdResult, Ctx, Failure};
use crate::container::record::Attachment;
use crate::container::{Container, ContainerError, Engine};
use crate::filter::Filters;
use crate::network::networks::{CreateRequest, NetworkConfig, SwarmOptions};
use crate::network::{report, NetworkError, PortMapping};
use crate::system::prune;

#[derive(Args, Debug)]
pub struct PortArgs {
    /// The ports of every running container, each line after its short ID
    #[arg(short, long)]
    pub all: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Container (with --all or --latest: the port)
    #[arg(required_unless_present_any = ["all", "latest"])]
    pub container: Option<String>,
    /// Only this container port: PORT or PORT/PROTO
    pub port: Option<String>,
}

/// Host ports exist only while the container runs (random ones change every start).
fn published(c: &Container) -> &[PortMapping] {
    if c.state.status.is_active() {
        &c.state.network.ports
    } else {
        &[]
    }
}

/// `80/tcp -> 0.0.0.0:8080` lines, or with a PORT just `0.0.0.0:8080` (as `docker port`).
pub fn port(ctx: &Ctx, a: PortArgs) -> CmdResult {
    let engine = ctx.engine()?;
    if a.all {
        if a.container.is_some() || a.port.is_some() {
            return Err(anyhow!("no arguments are needed with --all").into());
        }
        // Podman's form: the short ID and a tab before each line.
        for c in engine.list()? {
            for m in published(&c) {
                let (id, proto) = (&c.id[..12], &m.protocol);
                println!("{id}\t{}/{proto} -> {}", m.container_port, m.host_address());
            }
        }
        return Ok(0);
    }
    let rest: Vec<String> = a.port.into_iter().collect();
    let (name, rest) = a.latest.split(&engine, a.container, rest)?;
    let c = engine.lookup(&name)?;
    let ports = published(&c);
    let Some(want) = rest.into_iter().next() else {
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

#[derive(Subcommand, Debug)]
pub enum NetworkCommand {
    /// Create a network
    Create(CreateArgs),
    /// List networks
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Display detailed information on networks
    Inspect(InspectArgs),
    /// Remove one or more networks
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Remove all networks no container uses
    Prune(PruneArgs),
    /// Connect a container to a network
    Connect(ConnectArgs),
    /// Disconnect a container from a network
    Disconnect(DisconnectArgs),
    /// Check whether a network exists (exit 0 if it does, 1 if not)
    Exists(ExistsArgs),
    /// Re-create the network set-up of running containers on user-defined networks
    Reload(ReloadArgs),
    /// The DNS responder of user-defined networks (started by cove itself)
    #[command(hide = true)]
    DnsServe,
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// Driver (only "bridge")
    #[arg(short, long)]
    pub driver: Option<String>,
    /// Subnet in CIDR form (default: the next free 10.89.N.0/24)
    #[arg(long)]
    pub subnet: Option<String>,
    /// Gateway address of the subnet (default: its first address)
    #[arg(long)]
    pub gateway: Option<String>,
    /// No outbound connectivity: containers reach each other only
    #[arg(long)]
    pub internal: bool,
    /// Set metadata (KEY=VALUE)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Succeed if a network of that name exists already (it is left as it is)
    #[arg(long)]
    pub ignore: bool,
    /// IP address management: host-local (cove's own, the default); dhcp and none are
    /// refused
    #[arg(long, value_name = "DRIVER")]
    pub ipam_driver: Option<String>,
    /// Allocate container addresses from this CIDR range of the subnet
    #[arg(long, value_name = "RANGE")]
    pub ip_range: Vec<String>,
    /// Driver options: mtu=N, isolate=BOOL (cove's networks never route to each other
    /// anyway), com.docker.network.bridge.name=NAME
    #[arg(short, long = "opt", value_name = "KEY=VALUE")]
    pub opts: Vec<String>,
    /// No name resolution of the network's containers
    #[arg(long)]
    pub disable_dns: bool,
    /// An IPv6 subnet too (refused: cove's bridge networks are IPv4 only)
    #[arg(long)]
    pub ipv6: bool,
    /// IPv4 addressing (on by default; false is refused: cove's networks are IPv4 only)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub ipv4: Option<bool>,
    /// Addresses of the subnet no container gets (NAME=IP; needs --subnet)
    #[arg(long, value_name = "NAME=IP")]
    pub aux_address: Vec<String>,
    /// Options of the address manager (kept and shown by inspect)
    #[arg(long, value_name = "KEY=VALUE")]
    pub ipam_opt: Vec<String>,
    /// Let containers attach by hand (every cove network does; recorded for inspect)
    #[arg(long)]
    pub attachable: bool,
    /// Scope: local (swarm and global are refused: cove has no swarm)
    #[arg(long)]
    pub scope: Option<String>,
    /// A swarm routing-mesh network (refused: cove has no swarm)
    #[arg(long)]
    pub ingress: bool,
    /// A configuration-only network for swarm networks (refused: cove has no swarm)
    #[arg(long)]
    pub config_only: bool,
    /// Take the settings of a configuration-only network (refused: cove has no swarm)
    #[arg(long, value_name = "NETWORK")]
    pub config_from: Option<String>,
    /// Name (cove1, cove2, ... if omitted)
    pub name: Option<String>,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Only names
    #[arg(short, long)]
    pub quiet: bool,
    /// Format: table, json or a Go template like '{{.Name}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Filter: name=NAME, id=ID, driver=bridge, label=KEY[=VALUE]
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Full network IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the column headings
    #[arg(short, long)]
    pub noheading: bool,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Format: json or a Go template like '{{.Name}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Docker's swarm diagnostics; without a swarm the output is the same
    #[arg(short, long)]
    pub verbose: bool,
    /// Networks to inspect
    #[arg(required = true)]
    pub networks: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Remove the containers on the networks too
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait for those containers to stop before killing them
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Networks to remove
    #[arg(required = true)]
    pub networks: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask for confirmation (cove never asks)
    #[arg(short, long)]
    pub force: bool,
    /// Only networks created before a time (until=TIMESTAMP|DURATION) or with a label
    /// (label=KEY[=VALUE], label!=KEY[=VALUE])
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ConnectArgs {
    /// Another name for the container on this network
    #[arg(long = "alias", value_name = "ALIAS")]
    pub aliases: Vec<String>,
    /// The container's IPv4 address on this network
    #[arg(long)]
    pub ip: Option<String>,
    /// An IPv6 address (refused: cove's networks have no IPv6 subnet)
    #[arg(long)]
    pub ip6: Option<String>,
    /// The MAC address of the container's interface on this network
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
    /// The highest priority's gateway is the default route (default 0; the first network
    /// wins a tie)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub gw_priority: Option<i64>,
    /// Endpoint options of the driver (refused: cove's bridge driver takes none)
    #[arg(long, value_name = "KEY=VALUE")]
    pub driver_opt: Vec<String>,
    /// Network
    pub network: String,
    /// Container
    pub container: String,
}

#[derive(Args, Debug)]
pub struct ReloadArgs {
    /// Every running container
    #[arg(short, long)]
    pub all: bool,
    #[command(flatten)]
    pub latest: LatestArg,
    /// Containers
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct DisconnectArgs {
    /// Accepted for Docker compatibility
    #[arg(short, long)]
    pub force: bool,
    /// Network
    pub network: String,
    /// Container
    pub container: String,
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    pub network: String,
}

fn failure(e: NetworkError) -> Failure {
    let code = match e {
        NetworkError::NotFound(_) => 1,
        _ => super::EXIT_FAILURE,
    };
    Failure {
        code,
        error: e.into(),
    }
}

pub fn run(ctx: &Ctx, cmd: NetworkCommand) -> CmdResult {
    match cmd {
        NetworkCommand::Create(a) => create(ctx, a),
        NetworkCommand::Ls(a) => ls(ctx, a),
        NetworkCommand::Inspect(a) => inspect(ctx, a),
        NetworkCommand::Rm(a) => rm(ctx, a),
        NetworkCommand::Prune(a) => prune(ctx, a),
        NetworkCommand::Connect(a) => {
            crate::network::refuse_endpoint_options(&a.driver_opt)?;
            let engine = ctx.engine()?;
            engine.connect(
                &a.container,
                Attachment {
                    network: a.network,
                    aliases: a.aliases,
                    ip: a.ip,
                    mac: a.mac_address,
                    gw_priority: a.gw_priority.unwrap_or_default(),
                },
                a.ip6.as_deref(),
            )?;
            Ok(0)
        }
        NetworkCommand::Disconnect(a) => {
            ctx.engine()?.disconnect(&a.container, &a.network)?;
            Ok(0)
        }
        NetworkCommand::Exists(a) => {
            Ok(i32::from(ctx.engine()?.networks().get(&a.network).is_err()))
        }
        NetworkCommand::Reload(a) => reload(ctx, a),
        NetworkCommand::DnsServe => dns_serve(ctx),
    }
}

/// Each container's full ID once its network is back; Podman's `Error:` lines for the
/// others, the last one as the command's error.
fn reload(ctx: &Ctx, a: ReloadArgs) -> CmdResult {
    check_all_or_names(a.all, a.latest, &a.containers)?;
    let engine = ctx.engine()?;
    let targets = if a.all {
        engine.list()?
    } else {
        a.latest
            .or_names(&engine, &a.containers)?
            .iter()
            .map(|n| engine.lookup(n))
            .collect::<Result<Vec<_>, _>>()?
    };
    let mut errors = Vec::new();
    for c in &targets {
        match engine.reload_network(c) {
            Ok(()) => println!("{}", c.id),
            Err(e) if a.all && e.skipped_by_all() => {}
            Err(e) => errors.push(e),
        }
    }
    let Some(last) = errors.pop() else {
        return Ok(0);
    };
    for e in errors {
        eprintln!("Error: {e}");
    }
    Err(anyhow::Error::from(last).into())
}

/// What cove's bridge driver cannot honour fails before anything is created.
fn refuse_unsupported(a: &CreateArgs) -> anyhow::Result<()> {
    if let Some(d) = a.ipam_driver.as_deref().filter(|d| *d != "host-local") {
        return Err(anyhow!(
            "--ipam-driver {d:?}: not supported: cove assigns addresses itself (host-local)"
        ));
    }
    if a.ip_range.len() > 1 {
        return Err(anyhow!(
            "--ip-range: a network has one subnet here, so at most one range"
        ));
    }
    Ok(())
}

fn create(ctx: &Ctx, a: CreateArgs) -> CmdResult {
    refuse_unsupported(&a)?;
    let labels = crate::container::flags::key_values(&a.labels);
    let created = ctx.engine()?.networks().create(CreateRequest {
        name: a.name,
        driver: a.driver,
        subnet: a.subnet,
        gateway: a.gateway,
        internal: a.internal,
        labels,
        ip_range: a.ip_range.into_iter().next(),
        options: crate::container::flags::key_values(&a.opts),
        disable_dns: a.disable_dns,
        ipv6: a.ipv6,
        no_ipv4: a.ipv4 == Some(false),
        aux_addresses: crate::container::flags::key_values(&a.aux_address),
        ipam_options: crate::container::flags::key_values(&a.ipam_opt),
        attachable: a.attachable,
        swarm: SwarmOptions {
            scope: a.scope,
            ingress: a.ingress,
            config_only: a.config_only,
            config_from: a.config_from,
        },
    });
    let name = match created {
        Ok(net) => net.name,
        Err(NetworkError::Exists(name)) if a.ignore => name,
        Err(e) => return Err(failure(e)),
    };
    println!("{name}");
    Ok(0)
}

fn value(net: &NetworkConfig, all: &[Container]) -> anyhow::Result<Value> {
    Ok(serde_json::to_value(report::report(net, all))?)
}

fn ls(ctx: &Ctx, a: LsArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let filters = Filters::for_kind::<NetworkConfig>(&a.filter)?;
    let nets = filters.select(engine.networks().list()?)?;
    if a.quiet {
        for n in &nets {
            println!("{}", n.name);
        }
        return Ok(0);
    }
    let all = engine.list()?;
    let items: Vec<Value> = nets
        .iter()
        .map(|n| {
            let mut v = value(n, &all)?;
            let id = if a.no_trunc { &n.id[..] } else { &n.id[..12] };
            v["ID"] = json!(id);
            Ok(v)
        })
        .collect::<anyhow::Result<_>>()?;
    let headers: &[&str] = if a.noheading {
        &[]
    } else {
        &["NETWORK ID", "NAME", "DRIVER", "SCOPE"]
    };
    print_list(
        a.format.as_deref(),
        headers,
        &[("ID", "NETWORK ID"), ("Name", "NAME"), ("Driver", "DRIVER")],
        &items,
        |v| {
            ["ID", "Name", "Driver", "Scope"]
                .iter()
                .map(|k| v[*k].as_str().unwrap_or_default().to_string())
                .collect()
        },
    )?;
    Ok(0)
}

fn inspect(ctx: &Ctx, a: InspectArgs) -> CmdResult {
    let engine = ctx.engine()?;
    let all = engine.list()?;
    let mut items = Vec::new();
    let mut missing = None;
    for n in &a.networks {
        match engine.networks().get(n) {
            Ok(net) => items.push(value(&net, &all)?),
            Err(NetworkError::NotFound(_)) => missing = missing.or(Some(n.clone())),
            Err(e) => return Err(failure(e)),
        }
    }
    if !items.is_empty() {
        print_inspect(a.format.as_deref(), &items)?;
    }
    match missing {
        Some(n) => Err(failure(NetworkError::NotFound(n))),
        None => Ok(0),
    }
}

/// Delete a network; with `force`, the containers on it first. Its bridge goes at once.
fn remove(
    engine: &Engine,
    net: &NetworkConfig,
    force: bool,
    time: Option<u32>,
) -> Result<(), Failure> {
    match engine.remove_network_within(net, force, time) {
        Ok(()) => Ok(()),
        Err(ContainerError::Network(e)) => Err(failure(e)),
        Err(e) => Err(e.into()),
    }
}

fn rm(ctx: &Ctx, a: RmArgs) -> CmdResult {
    let engine = ctx.engine()?;
    Ok(super::each_name(&a.networks, |n| {
        let net = engine.networks().get(n).map_err(failure)?;
        remove(&engine, &net, a.force, a.time)?;
        println!("{n}");
        Ok(())
    }))
}

fn prune(ctx: &Ctx, a: PruneArgs) -> CmdResult {
    let filters = prune::parse_filters(&a.filter)?;
    for name in prune::networks(&ctx.engine()?, &filters)? {
        println!("{name}");
    }
    Ok(0)
}

/// Runs until killed, in the per-user network namespace.
fn dns_serve(ctx: &Ctx) -> CmdResult {
    let engine = ctx.engine()?;
    let ns = engine.shared_netns().path();
    let file = std::fs::File::open(&ns).map_err(|e| anyhow!("opening {}: {e}", ns.display()))?;
    nix::sched::setns(file, nix::sched::CloneFlags::CLONE_NEWNET)
        .map_err(|e| anyhow!("entering the network namespace: {e}"))?;
    let sock =
        std::net::UdpSocket::bind("0.0.0.0:53").map_err(|e| anyhow!("binding port 53: {e}"))?;
    crate::network::dns::serve(sock, &engine.networks())?;
    Ok(0)
}
