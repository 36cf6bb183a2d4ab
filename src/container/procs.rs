//! The processes of a running container, found through /proc (cgroups are not ours to
//! use here): every process whose pid namespace is the container's. `top`, `stats`,
//! `pause` and `unpause` are built on this.

use std::fs;

/// One process as /proc shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proc {
    pub pid: i32,
    pub ppid: i32,
    /// Real uid (as seen from our namespace).
    pub uid: u32,
    pub state: char,
    /// utime + stime, in clock ticks.
    pub cpu_ticks: u64,
    /// Start time since boot, in clock ticks.
    pub start_ticks: u64,
    pub rss_bytes: u64,
    pub cmdline: String,
}

/// Parse /proc/PID/stat's fields after the command name.
fn parse_stat(stat: &str) -> Option<(char, i32, u64, u64, u64)> {
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // f[0] is field 3 (state); utime is field 14, stime 15, starttime 22, rss 24.
    let state = f.first()?.chars().next()?;
    let ppid = f.get(1)?.parse().ok()?;
    let cpu = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    let start = f.get(19)?.parse().ok()?;
    let rss_pages: u64 = f.get(21)?.parse().ok()?;
    Some((state, ppid, cpu, start, rss_pages))
}

fn read_proc(pid: i32) -> Option<Proc> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (state, ppid, cpu_ticks, start_ticks, rss_pages) = parse_stat(&stat)?;
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|u| u.parse().ok())
        .unwrap_or(0);
    let raw = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let cmdline = raw
        .split(|b| *b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let page = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE)
        .ok()
        .flatten()
        .unwrap_or(4096) as u64;
    Some(Proc {
        pid,
        ppid,
        uid,
        state,
        cpu_ticks,
        start_ticks,
        rss_bytes: rss_pages * page,
        cmdline,
    })
}

/// Every process in the pid namespace of `init` (the container's pid 1), init first.
pub fn list(init: i32) -> Vec<Proc> {
    let Ok(ns) = fs::read_link(format!("/proc/{init}/ns/pid")) else {
        return Vec::new();
    };
    let mut out: Vec<Proc> = fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| fs::read_link(format!("/proc/{pid}/ns/pid")).ok().as_ref() == Some(&ns))
        .filter_map(read_proc)
        .collect();
    out.sort_by_key(|p| (p.pid != init, p.pid));
    out
}

/// Send `signal` to every process of the container (pause: SIGSTOP, unpause: SIGCONT).
pub fn signal_all(init: i32, signal: nix::sys::signal::Signal) -> usize {
    let procs = list(init);
    for p in &procs {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(p.pid), signal);
    }
    procs.len()
}

/// One sample of what `stats` shows, summed over the container's processes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// utime + stime, in clock ticks.
    pub cpu_ticks: u64,
    pub rss_bytes: u64,
    pub pids: usize,
}

/// The container's usage now; zero for a container that is not running (`init` 0).
pub fn usage(init: i32) -> Usage {
    if init <= 0 {
        return Usage::default();
    }
    let ps = list(init);
    Usage {
        cpu_ticks: ps.iter().map(|p| p.cpu_ticks).sum(),
        rss_bytes: ps.iter().map(|p| p.rss_bytes).sum(),
        pids: ps.len(),
    }
}

/// The machine's memory (MemTotal), in bytes; 0 when unknown.
pub fn mem_total() -> u64 {
    fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        })
        .unwrap_or(0)
        * 1024
}

/// The machine's CPU time over all CPUs since boot (/proc/stat's `cpu` line), in ticks.
pub fn system_ticks() -> u64 {
    fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("cpu "))?;
            Some(
                line.split_whitespace()
                    .skip(1)
                    .filter_map(|v| v.parse::<u64>().ok())
                    .sum(),
            )
        })
        .unwrap_or(0)
}

/// One network interface's counters, as its network namespace shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetCounters {
    pub name: String,
    pub rx_bytes: u64,
    pub rx_packets: u64,
    pub rx_errors: u64,
    pub rx_dropped: u64,
    pub tx_bytes: u64,
    pub tx_packets: u64,
    pub tx_errors: u64,
    pub tx_dropped: u64,
}

fn parse_net_dev(text: &str) -> Vec<NetCounters> {
    text.lines()
        .skip(2)
        .filter_map(|l| {
            let (name, rest) = l.split_once(':')?;
            let v: Vec<u64> = rest
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            (v.len() >= 12).then(|| NetCounters {
                name: name.trim().to_string(),
                rx_bytes: v[0],
                rx_packets: v[1],
                rx_errors: v[2],
                rx_dropped: v[3],
                tx_bytes: v[8],
                tx_packets: v[9],
                tx_errors: v[10],
                tx_dropped: v[11],
            })
        })
        .filter(|c| c.name != "lo")
        .collect()
}

/// The interfaces (but loopback) of the network namespace `pid` is in.
pub fn net_counters(pid: i32) -> Vec<NetCounters> {
    if pid <= 0 {
        return Vec::new();
    }
    parse_net_dev(&fs::read_to_string(format!("/proc/{pid}/net/dev")).unwrap_or_default())
}

pub fn clock_ticks() -> u64 {
    nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK)
        .ok()
        .flatten()
        .unwrap_or(100) as u64
}

/// `top`: Docker's `{"Titles": [...], "Processes": [[...], ...]}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Top {
    pub titles: Vec<String>,
    pub processes: Vec<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_parsing_survives_odd_names() {
        let stat = "42 (a) b (c)) S 1 42 42 0 -1 4194560 100 0 0 0 7 3 0 0 20 0 1 0 555 1000 25 18446744073709551615";
        let (state, ppid, cpu, start, rss) = parse_stat(stat).unwrap();
        assert_eq!((state, ppid, cpu, start, rss), ('S', 1, 10, 555, 25));
    }

    #[test]
    fn net_dev_counters_without_loopback() {
        let text = "Inter-|   Receive                                                |  Transmit\n \
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n    \
lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0\n  \
eth0:    5000      40    1    2    0     0          0         0     3000      30    3    4    0     0       0          0\n";
        let c = parse_net_dev(text);
        assert_eq!(c.len(), 1);
        assert_eq!(
            (
                c[0].name.as_str(),
                c[0].rx_bytes,
                c[0].rx_dropped,
                c[0].tx_packets,
                c[0].tx_dropped
            ),
            ("eth0", 5000, 2, 30, 4)
        );
    }

    #[test]
    fn lists_our_own_namespace() {
        let me = std::process::id() as i32;
        let procs = list(me);
        assert_eq!(procs.first().map(|p| p.pid), Some(me));
        assert!(list(i32::MAX).is_empty());
    }
}
