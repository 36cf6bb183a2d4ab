//! `stats` and `pod stats`: what a container's processes use over a sampling interval,
//! read from /proc. Rootless cove on a cgroup v1 machine has no cgroup of its own to read,
//! and /proc gives the same figures on every machine.

use std::time::{Duration, Instant};

use super::procs;
use super::{Container, Engine};

/// One container's usage over the interval `Engine::stats` sampled.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub id: String,
    pub name: String,
    /// Share of one CPU, in percent (200 = two CPUs busy), as Podman reports it.
    pub cpu_percent: f64,
    pub mem_usage: u64,
    pub mem_limit: u64,
    pub mem_percent: f64,
    pub pids: usize,
    /// Bytes received and sent on the container's interfaces (loopback excluded) since
    /// they were made.
    pub net_input: u64,
    pub net_output: u64,
}

impl Engine {
    /// Sample each container, wait `interval`, sample again. A container that is not
    /// running shows zeros.
    pub fn stats(&self, list: &[Container], interval: Duration) -> Vec<Stats> {
        let pid = |c: &Container| {
            if c.state.status.is_active() {
                c.state.pid
            } else {
                0
            }
        };
        let before: Vec<procs::Usage> = list.iter().map(|c| procs::usage(pid(c))).collect();
        let t0 = Instant::now();
        std::thread::sleep(interval);
        let secs = t0.elapsed().as_secs_f64();
        let hz = procs::clock_ticks() as f64;
        let mem_limit = procs::mem_total();
        list.iter()
            .zip(before)
            .map(|(c, b)| {
                let n = procs::usage(pid(c));
                let net = procs::net_counters(pid(c));
                Stats {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    cpu_percent: cpu_percent(b.cpu_ticks, n.cpu_ticks, hz, secs),
                    mem_usage: n.rss_bytes,
                    mem_limit,
                    mem_percent: percent(n.rss_bytes, mem_limit),
                    pids: n.pids,
                    net_input: net.iter().map(|i| i.rx_bytes).sum(),
                    net_output: net.iter().map(|i| i.tx_bytes).sum(),
                }
            })
            .collect()
    }
}

fn cpu_percent(before: u64, after: u64, hz: f64, secs: f64) -> f64 {
    if hz <= 0.0 || secs <= 0.0 {
        return 0.0;
    }
    after.saturating_sub(before) as f64 / hz / secs * 100.0
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64 * 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_share_is_ticks_per_second_of_one_cpu() {
        // 50 ticks in half a second at 100 Hz: one CPU fully busy.
        assert_eq!(cpu_percent(100, 150, 100.0, 0.5), 100.0);
        // A counter that went backwards (a restarted container) is no usage, not a wrap.
        assert_eq!(cpu_percent(150, 100, 100.0, 0.5), 0.0);
        assert_eq!(cpu_percent(0, 10, 100.0, 0.0), 0.0);
    }

    #[test]
    fn memory_share_of_an_unknown_total_is_zero() {
        assert_eq!(percent(512, 2048), 25.0);
        assert_eq!(percent(512, 0), 0.0);
    }
}
