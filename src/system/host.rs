//! Facts about the machine that `info` (CLI and API) reports: kernel, memory, CPUs, the
//! distribution, the cgroup version. Read from /proc, /sys and /etc, so each reader takes
//! the file's text and is testable without the machine.

use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CgroupVersion {
    V1,
    V2,
}

impl CgroupVersion {
    pub fn detect() -> CgroupVersion {
        if Path::new("/sys/fs/cgroup/cgroup.controllers").exists() {
            CgroupVersion::V2
        } else {
            CgroupVersion::V1
        }
    }

    /// Podman's spelling (`v1`, `v2`); Docker's API says `1`, `2`.
    pub fn podman_name(self) -> &'static str {
        match self {
            CgroupVersion::V1 => "v1",
            CgroupVersion::V2 => "v2",
        }
    }

    pub fn docker_name(self) -> &'static str {
        match self {
            CgroupVersion::V1 => "1",
            CgroupVersion::V2 => "2",
        }
    }
}

/// Memory figures of /proc/meminfo, in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Memory {
    pub total: u64,
    pub free: u64,
    pub swap_total: u64,
    pub swap_free: u64,
}

impl Memory {
    pub fn read() -> Memory {
        Memory::parse(&std::fs::read_to_string("/proc/meminfo").unwrap_or_default())
    }

    fn parse(meminfo: &str) -> Memory {
        let kb = |key: &str| {
            meminfo
                .lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .map_or(0, |kb| kb * 1024)
        };
        Memory {
            total: kb("MemTotal"),
            free: kb("MemFree"),
            swap_total: kb("SwapTotal"),
            swap_free: kb("SwapFree"),
        }
    }
}

/// The distribution, from /etc/os-release.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Distribution {
    /// `ID`: `debian`.
    pub id: String,
    /// `VERSION_ID`: `12`.
    pub version: String,
    /// `VERSION_CODENAME`: `bookworm`.
    pub codename: String,
    /// `PRETTY_NAME`: `Debian GNU/Linux 12 (bookworm)`.
    pub pretty_name: String,
}

impl Distribution {
    pub fn read() -> Distribution {
        Distribution::parse(&std::fs::read_to_string("/etc/os-release").unwrap_or_default())
    }

    fn parse(os_release: &str) -> Distribution {
        let field = |key: &str| {
            os_release
                .lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                .map(|v| v.trim().trim_matches('"').to_string())
                .unwrap_or_default()
        };
        Distribution {
            id: field("ID"),
            version: field("VERSION_ID"),
            codename: field("VERSION_CODENAME"),
            pretty_name: field("PRETTY_NAME"),
        }
    }
}

pub fn kernel() -> String {
    nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn hostname() -> String {
    nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Seconds since boot, from /proc/uptime.
pub fn uptime() -> u64 {
    std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split('.').next()?.trim().parse().ok())
        .unwrap_or(0)
}

/// Podman's uptime text: `1h 2m 3.00s (Approximately 0.04 days)`.
pub fn uptime_text(secs: u64) -> String {
    format!(
        "{}h {}m {}.00s (Approximately {:.2} days)",
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        secs as f64 / 86400.0
    )
}

/// The first line a helper program prints for `--version`; empty when it cannot run.
pub fn program_version(program: &Path) -> String {
    std::process::Command::new(program)
        .arg("--version")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().next().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meminfo_in_bytes() {
        let m = Memory::parse(
            "MemTotal:       24000000 kB\nMemFree:         1000 kB\nMemAvailable: 5 kB\nSwapTotal:  0 kB\nSwapFree: 0 kB\n",
        );
        assert_eq!(m.total, 24_000_000 * 1024);
        assert_eq!(m.free, 1000 * 1024);
        assert_eq!(m.swap_total, 0);
        assert_eq!(Memory::parse("garbage\n"), Memory::default());
    }

    #[test]
    fn os_release_fields() {
        let d = Distribution::parse(
            "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n",
        );
        assert_eq!(d.id, "debian");
        assert_eq!(d.version, "12");
        assert_eq!(d.codename, "bookworm");
        assert_eq!(d.pretty_name, "Debian GNU/Linux 12 (bookworm)");
    }

    #[test]
    fn uptime_as_podman_prints_it() {
        assert_eq!(uptime_text(3723), "1h 2m 3.00s (Approximately 0.04 days)");
    }
}
