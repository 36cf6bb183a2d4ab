//! `GET /containers/{id}/stats`: Docker's stats JSON from the engine's usage sample
//! (`container::procs`: the container's processes from /proc, its namespace's network
//! counters). One object with `stream=false`, else one a second until the client goes.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{container, flag, streamed_body, Query};
use crate::api::{ApiError, Service};
use crate::container::procs::{self, NetCounters, Usage};
use crate::container::Engine;

#[derive(Serialize, Clone, Default)]
pub struct CpuUsage {
    total_usage: u64,
    usage_in_kernelmode: u64,
    usage_in_usermode: u64,
}

#[derive(Serialize, Clone, Default)]
pub struct CpuStats {
    cpu_usage: CpuUsage,
    system_cpu_usage: u64,
    online_cpus: u32,
    throttling_data: BTreeMap<&'static str, u64>,
}

#[derive(Serialize, Clone, Default)]
pub struct MemoryStats {
    usage: u64,
    limit: u64,
    stats: BTreeMap<&'static str, u64>,
}

#[derive(Serialize, Clone, Default)]
pub struct PidsStats {
    current: usize,
}

#[derive(Serialize, Clone, Default)]
pub struct NetworkStats {
    rx_bytes: u64,
    rx_packets: u64,
    rx_errors: u64,
    rx_dropped: u64,
    tx_bytes: u64,
    tx_packets: u64,
    tx_errors: u64,
    tx_dropped: u64,
}

impl From<&NetCounters> for NetworkStats {
    fn from(n: &NetCounters) -> NetworkStats {
        NetworkStats {
            rx_bytes: n.rx_bytes,
            rx_packets: n.rx_packets,
            rx_errors: n.rx_errors,
            rx_dropped: n.rx_dropped,
            tx_bytes: n.tx_bytes,
            tx_packets: n.tx_packets,
            tx_errors: n.tx_errors,
            tx_dropped: n.tx_dropped,
        }
    }
}

/// One stats object in Docker's shape; `precpu_stats` is the previous sample's.
#[derive(Serialize, Clone)]
pub struct StatsReport {
    read: String,
    preread: String,
    pids_stats: PidsStats,
    num_procs: u32,
    cpu_stats: CpuStats,
    precpu_stats: CpuStats,
    memory_stats: MemoryStats,
    blkio_stats: serde_json::Value,
    storage_stats: serde_json::Value,
    name: String,
    id: String,
    networks: BTreeMap<String, NetworkStats>,
}

const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn sample(engine: &Engine, id: &str, mem_total: u64) -> Option<StatsReport> {
    let c = engine.lookup(id).ok()?;
    let pid = if c.state.status.is_active() {
        c.state.pid
    } else {
        0
    };
    let Usage {
        cpu_ticks,
        rss_bytes,
        pids,
    } = procs::usage(pid);
    let ns_per_tick = 1_000_000_000 / procs::clock_ticks().max(1);
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    Some(StatsReport {
        read: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        preread: ZERO_TIME.into(),
        pids_stats: PidsStats { current: pids },
        num_procs: 0,
        cpu_stats: CpuStats {
            cpu_usage: CpuUsage {
                total_usage: cpu_ticks * ns_per_tick,
                ..CpuUsage::default()
            },
            system_cpu_usage: procs::system_ticks() * ns_per_tick,
            online_cpus: cpus,
            throttling_data: BTreeMap::from([
                ("periods", 0),
                ("throttled_periods", 0),
                ("throttled_time", 0),
            ]),
        },
        precpu_stats: CpuStats::default(),
        memory_stats: MemoryStats {
            usage: rss_bytes,
            limit: mem_total,
            stats: BTreeMap::new(),
        },
        blkio_stats: serde_json::json!({}),
        storage_stats: serde_json::json!({}),
        name: format!("/{}", c.name),
        id: c.id.clone(),
        networks: procs::net_counters(pid)
            .iter()
            .map(|n| (n.name.clone(), NetworkStats::from(n)))
            .collect(),
    })
}

/// `next` with the previous sample as its `pre` fields.
fn after(prev: &StatsReport, mut next: StatsReport) -> StatsReport {
    next.preread = prev.read.clone();
    next.precpu_stats = prev.cpu_stats.clone();
    next
}

pub async fn stats(
    State(service): State<Arc<Service>>,
    Path(id): Path<String>,
    axum::extract::Query(q): Query,
) -> Result<Response, ApiError> {
    let c = container(&service, id).await?;
    let stream = flag(&q, "stream", true);
    let one_shot = flag(&q, "one-shot", false);
    let body = streamed_body(move |w| {
        let engine = &service.engine;
        let mem_total = procs::mem_total();
        let Some(mut prev) = sample(engine, &c.id, mem_total) else {
            return;
        };
        if !stream && one_shot {
            let _ = serde_json::to_writer(&mut *w, &prev);
            return;
        }
        loop {
            // dockerd's interval: CPU use is the change over it.
            std::thread::sleep(Duration::from_secs(1));
            let Some(next) = sample(engine, &c.id, mem_total) else {
                return;
            };
            let report = after(&prev, next);
            let written = serde_json::to_writer(&mut *w, &report)
                .map_err(std::io::Error::from)
                .and_then(|()| w.write_all(b"\n"))
                .and_then(|()| w.flush());
            if written.is_err() || !stream {
                return;
            }
            prev = report;
        }
    });
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}
