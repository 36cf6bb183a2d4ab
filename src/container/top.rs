//! `top`: Podman's ps(1)-style format descriptors (psgo's), read from /proc for the
//! container's processes, and Podman's fall-back to running `ps` in the container when a
//! descriptor is not one of them (`top ctr -eo pid,comm`, `top ctr aux`).

use std::collections::HashMap;
use std::fs;
use std::time::{SystemTime, UNIX_EPOCH};

use super::procs::{clock_ticks, Top};
use super::ContainerError;

/// `podman top CTR` without descriptors.
pub const DEFAULT_DESCRIPTORS: &[&str] = &[
    "user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args",
];

/// psgo's descriptors: the name, its AIX code, and the column header.
const DESCRIPTORS: &[(&str, &str, &str)] = &[
    ("pcpu", "%C", "%CPU"),
    ("group", "%G", "GROUP"),
    ("ppid", "%P", "PPID"),
    ("user", "%U", "USER"),
    ("args", "%a", "COMMAND"),
    ("comm", "%c", "COMMAND"),
    ("rgroup", "%g", "RGROUP"),
    ("nice", "%n", "NI"),
    ("pid", "%p", "PID"),
    ("pgid", "%r", "PGID"),
    ("etime", "%t", "ELAPSED"),
    ("ruser", "%u", "RUSER"),
    ("time", "%x", "TIME"),
    ("tty", "%y", "TTY"),
    ("vsz", "%z", "VSZ"),
    ("capamb", "", "AMBIENT CAPS"),
    ("capinh", "", "INHERITED CAPS"),
    ("capprm", "", "PERMITTED CAPS"),
    ("capeff", "", "EFFECTIVE CAPS"),
    ("capbnd", "", "BOUNDING CAPS"),
    ("seccomp", "", "SECCOMP"),
    ("label", "", "LABEL"),
    ("hpid", "", "HPID"),
    ("huser", "", "HUSER"),
    ("hgroup", "", "HGROUP"),
    ("rss", "", "RSS"),
    ("state", "", "STATE"),
    ("stime", "", "STIME"),
];

/// The canonical name of a descriptor given by name or AIX code.
fn canonical(d: &str) -> Option<&'static str> {
    DESCRIPTORS
        .iter()
        .find(|(name, code, _)| *name == d || (!code.is_empty() && *code == d))
        .map(|(name, _, _)| *name)
}

fn header(name: &str) -> &'static str {
    DESCRIPTORS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or("", |(_, _, h)| *h)
}

/// Descriptors as given (each may hold several, comma-separated) to psgo's names; the
/// first that is not one of them is returned as the error.
pub fn parse_descriptors(given: &[String]) -> Result<Vec<&'static str>, String> {
    let words: Vec<&str> = given
        .iter()
        .flat_map(|d| d.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if words.is_empty() {
        return Ok(DEFAULT_DESCRIPTORS.to_vec());
    }
    words
        .into_iter()
        .map(|w| canonical(w).ok_or_else(|| w.to_string()))
        .collect()
}

/// What /proc tells of one process, as seen from cove's namespaces.
struct ProcInfo {
    hpid: i32,
    /// The pid in the container's pid namespace (NSpid's last).
    pid: i32,
    ppid_host: i32,
    pgid_host: i32,
    comm: String,
    state: String,
    tty_nr: i64,
    nice: String,
    cpu_ticks: u64,
    start_ticks: u64,
    /// Real, effective uid and gid, as our user namespace sees them.
    uids: [u32; 2],
    gids: [u32; 2],
    status: HashMap<String, String>,
    cmdline: Vec<String>,
}

fn read_info(hpid: i32) -> Option<ProcInfo> {
    let stat = fs::read_to_string(format!("/proc/{hpid}/stat")).ok()?;
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let comm = stat.get(open + 1..close)?.to_string();
    let f: Vec<&str> = stat.get(close + 2..)?.split_whitespace().collect();
    // f[0] is stat's field 3 (state).
    let field = |n: usize| f.get(n - 3).copied().unwrap_or("0");
    let status: HashMap<String, String> = fs::read_to_string(format!("/proc/{hpid}/status"))
        .ok()?
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.trim().to_string()))
        .collect();
    let ids = |key: &str| {
        let v: Vec<u32> = status
            .get(key)
            .map(|s| {
                s.split_whitespace()
                    .filter_map(|x| x.parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        [
            v.first().copied().unwrap_or(0),
            v.get(1).copied().unwrap_or(0),
        ]
    };
    let pid = status
        .get("NSpid")
        .and_then(|s| s.split_whitespace().last()?.parse().ok())
        .unwrap_or(hpid);
    let raw = fs::read(format!("/proc/{hpid}/cmdline")).unwrap_or_default();
    let cmdline = raw
        .split(|b| *b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect();
    let num = |n: usize| field(n).parse::<u64>().unwrap_or(0);
    Some(ProcInfo {
        hpid,
        pid,
        ppid_host: field(4).parse().unwrap_or(0),
        pgid_host: field(5).parse().unwrap_or(0),
        comm,
        state: field(3).to_string(),
        tty_nr: field(7).parse().unwrap_or(0),
        nice: field(19).to_string(),
        cpu_ticks: num(14) + num(15),
        start_ticks: num(22),
        uids: ids("Uid"),
        gids: ids("Gid"),
        status,
        cmdline,
    })
}

/// An id map (/proc/PID/uid_map's lines: inside, outside, count).
struct IdMap(Vec<(u64, u64, u64)>);

impl IdMap {
    fn read(path: &str) -> IdMap {
        let text = fs::read_to_string(path).unwrap_or_default();
        IdMap(
            text.lines()
                .filter_map(|l| {
                    let v: Vec<u64> = l
                        .split_whitespace()
                        .filter_map(|x| x.parse().ok())
                        .collect();
                    (v.len() == 3).then(|| (v[0], v[1], v[2]))
                })
                .collect(),
        )
    }

    /// Inside id to outside id (the identity when there is no map).
    fn out(&self, id: u32) -> u32 {
        if self.0.is_empty() {
            return id;
        }
        let id = id as u64;
        self.0
            .iter()
            .find(|(i, _, n)| id >= *i && id < i + n)
            .map_or(65534, |(i, o, _)| (o + id - i) as u32)
    }

    /// Outside id to inside id.
    fn inside(&self, id: u32) -> u32 {
        if self.0.is_empty() {
            return id;
        }
        let id = id as u64;
        self.0
            .iter()
            .find(|(_, o, n)| id >= *o && id < o + n)
            .map_or(65534, |(i, o, _)| (i + id - o) as u32)
    }
}

/// Names from the container's /etc/passwd or /etc/group (the number when not there).
struct Names(HashMap<u32, String>);

impl Names {
    fn read(root: &str, file: &str) -> Names {
        let text = fs::read_to_string(format!("{root}/etc/{file}")).unwrap_or_default();
        Names(
            text.lines()
                .filter_map(|l| {
                    let f: Vec<&str> = l.split(':').collect();
                    Some((f.get(2)?.parse().ok()?, f.first()?.to_string()))
                })
                .collect(),
        )
    }

    fn name(&self, id: u32) -> String {
        self.0.get(&id).cloned().unwrap_or_else(|| id.to_string())
    }
}

/// Go's `time.Duration.String()`: "0s", "1.5ms", "2.014051016s", "1m3s", "2h0m5.1s".
pub fn go_duration(nanos: u128) -> String {
    fn frac(v: u128, unit: u128) -> String {
        let whole = v / unit;
        let rest = v % unit;
        if rest == 0 {
            return whole.to_string();
        }
        let digits = unit.to_string().len() - 1;
        let f = format!("{rest:0digits$}");
        format!("{whole}.{}", f.trim_end_matches('0'))
    }
    match nanos {
        0 => "0s".into(),
        n if n < 1_000 => format!("{n}ns"),
        n if n < 1_000_000 => format!("{}µs", frac(n, 1_000)),
        n if n < 1_000_000_000 => format!("{}ms", frac(n, 1_000_000)),
        n => {
            let secs = n / 1_000_000_000;
            let (h, m) = (secs / 3600, secs / 60 % 60);
            let s = frac(n % 60_000_000_000, 1_000_000_000);
            match (h, m) {
                (0, 0) => format!("{s}s"),
                (0, m) => format!("{m}m{s}s"),
                (h, m) => format!("{h}h{m}m{s}s"),
            }
        }
    }
}

/// psgo's capability set: sorted names, "none", or "full" for every one the kernel has.
fn caps(hex: Option<&String>) -> String {
    let mask = hex
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .unwrap_or(0);
    let last = fs::read_to_string("/proc/sys/kernel/cap_last_cap")
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .unwrap_or(40);
    let full = if last >= 63 {
        u64::MAX
    } else {
        (1u64 << (last + 1)) - 1
    };
    if mask == 0 {
        return "none".into();
    }
    if mask == full {
        return "full".into();
    }
    let mut names: Vec<String> = (0..64)
        .filter(|b| mask & (1u64 << b) != 0)
        .map(|b| {
            super::spec::ALL_CAPS
                .get(b as usize)
                .map_or_else(|| format!("CAP_{b}"), |n| n.to_string())
        })
        .collect();
    names.sort();
    names.join(",")
}

fn tty_name(tty_nr: i64) -> String {
    if tty_nr == 0 {
        return "?".into();
    }
    let major = (tty_nr >> 8) & 0xfff;
    let minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
    match major {
        136..=143 => format!("pts/{}", minor + (major - 136) * 256),
        4 if minor < 64 => format!("tty{minor}"),
        4 => format!("ttyS{}", minor - 64),
        _ => "?".into(),
    }
}

fn boot_time() -> u64 {
    fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("btime "))
                .and_then(|v| v.trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Go's `time.Time.String()` of a Unix time, in the local zone.
fn go_time(unix: i64) -> String {
    use chrono::TimeZone;
    match chrono::Local.timestamp_opt(unix, 0).single() {
        Some(t) if t.offset().local_minus_utc() == 0 => {
            t.format("%Y-%m-%d %H:%M:%S +0000 UTC").to_string()
        }
        Some(t) => t.format("%Y-%m-%d %H:%M:%S %z %z").to_string(),
        None => unix.to_string(),
    }
}

/// Everything one row needs besides the process itself.
struct Context {
    hz: u64,
    boot: u64,
    now_nanos: u128,
    /// Host pid to the container's pid, for ppid and pgid.
    in_container: HashMap<i32, i32>,
    /// The container's user namespace relative to ours (None: the same one).
    container_uids: Option<IdMap>,
    container_gids: Option<IdMap>,
    /// Ours relative to the host's.
    our_uids: IdMap,
    our_gids: IdMap,
    users: Names,
    groups: Names,
}

impl Context {
    fn elapsed_nanos(&self, p: &ProcInfo) -> u128 {
        let start = (self.boot + p.start_ticks / self.hz) as u128 * 1_000_000_000;
        self.now_nanos.saturating_sub(start)
    }

    fn cpu_secs(&self, p: &ProcInfo) -> u64 {
        p.cpu_ticks / self.hz
    }

    fn uid(&self, id: u32) -> u32 {
        self.container_uids.as_ref().map_or(id, |m| m.inside(id))
    }

    fn gid(&self, id: u32) -> u32 {
        self.container_gids.as_ref().map_or(id, |m| m.inside(id))
    }

    fn field(&self, p: &ProcInfo, d: &str) -> String {
        let in_ctr = |host: i32| self.in_container.get(&host).copied().unwrap_or(0);
        match d {
            "pid" => p.pid.to_string(),
            "ppid" => in_ctr(p.ppid_host).to_string(),
            "pgid" => in_ctr(p.pgid_host).to_string(),
            "user" => self.users.name(self.uid(p.uids[1])),
            "ruser" => self.users.name(self.uid(p.uids[0])),
            "group" => self.groups.name(self.gid(p.gids[1])),
            "rgroup" => self.groups.name(self.gid(p.gids[0])),
            "comm" => p.comm.clone(),
            "args" if p.cmdline.is_empty() => format!("[{}]", p.comm),
            "args" => p.cmdline.join(" "),
            "etime" => go_duration(self.elapsed_nanos(p)),
            "time" => go_duration(self.cpu_secs(p) as u128 * 1_000_000_000),
            "pcpu" => {
                let elapsed = self.elapsed_nanos(p) as f64 / 1e9;
                let pcpu = match elapsed > 0.0 {
                    true => 100.0 * self.cpu_secs(p) as f64 / elapsed,
                    false => 0.0,
                };
                format!("{pcpu:.3}")
            }
            "tty" => tty_name(p.tty_nr),
            "vsz" | "rss" => {
                let key = if d == "vsz" { "VmSize" } else { "VmRSS" };
                p.status
                    .get(key)
                    .and_then(|v| v.split_whitespace().next())
                    .unwrap_or("0")
                    .to_string()
            }
            "nice" => p.nice.clone(),
            "state" => p.state.clone(),
            "stime" => go_time((self.boot + p.start_ticks / self.hz) as i64),
            "hpid" => p.hpid.to_string(),
            "huser" => self.users.name(self.our_uids.out(p.uids[1])),
            "hgroup" => self.groups.name(self.our_gids.out(p.gids[1])),
            "label" => fs::read_to_string(format!("/proc/{}/attr/current", p.hpid))
                .ok()
                .map(|l| l.trim_end_matches(['\0', '\n']).to_string())
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| "?".into()),
            "seccomp" => match p.status.get("Seccomp").map(String::as_str) {
                Some("1") => "strict",
                Some("2") => "filter",
                _ => "disabled",
            }
            .into(),
            "capamb" => caps(p.status.get("CapAmb")),
            "capinh" => caps(p.status.get("CapInh")),
            "capprm" => caps(p.status.get("CapPrm")),
            "capeff" => caps(p.status.get("CapEff")),
            "capbnd" => caps(p.status.get("CapBnd")),
            _ => "?".into(),
        }
    }
}

/// The rows of `top` for the processes in the pid namespace of `init` (a container's
/// pid 1 as cove sees it), under psgo's descriptors.
pub fn table(init: i32, descriptors: &[&str]) -> Top {
    let hpids: Vec<i32> = super::procs::list(init).iter().map(|p| p.pid).collect();
    let procs: Vec<ProcInfo> = hpids.into_iter().filter_map(read_info).collect();
    let own = |ns: &str| fs::read_link(format!("/proc/self/ns/{ns}")).ok();
    let theirs = fs::read_link(format!("/proc/{init}/ns/user")).ok();
    let separate = theirs.is_some() && theirs != own("user");
    let map = |file: &str| separate.then(|| IdMap::read(&format!("/proc/{init}/{file}")));
    let root = format!("/proc/{init}/root");
    let ctx = Context {
        hz: clock_ticks().max(1),
        boot: boot_time(),
        now_nanos: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
        in_container: procs.iter().map(|p| (p.hpid, p.pid)).collect(),
        container_uids: map("uid_map"),
        container_gids: map("gid_map"),
        our_uids: IdMap::read("/proc/self/uid_map"),
        our_gids: IdMap::read("/proc/self/gid_map"),
        users: Names::read(&root, "passwd"),
        groups: Names::read(&root, "group"),
    };
    Top {
        titles: descriptors.iter().map(|d| header(d).to_string()).collect(),
        processes: procs
            .iter()
            .map(|p| descriptors.iter().map(|d| ctx.field(p, d)).collect())
            .collect(),
    }
}

/// What `top` shows: psgo's table, or the lines of the container's own `ps`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopOutput {
    Table(Top),
    Ps(Vec<String>),
}

impl super::Engine {
    /// The processes of a running container under psgo's descriptors (Podman's default
    /// set when none is given); a descriptor psgo does not know is an error.
    pub fn top(&self, c: &mut super::Container, descriptors: &[String]) -> super::Result<Top> {
        let names = parse_descriptors(descriptors).map_err(ContainerError::UnknownDescriptor)?;
        self.refresh(c)?;
        if !c.state.status.is_active() {
            return Err(ContainerError::TopNotRunning);
        }
        Ok(table(c.state.pid, &names))
    }

    /// `top CTR ARGS...` as Podman does it: psgo's descriptors, or when one is not among
    /// them, `ps ARGS...` run in the container, without the lines of that `ps` itself.
    /// Runs a process in the container: cove must be single-threaded.
    pub fn top_or_ps(&self, c: &mut super::Container, args: &[String]) -> super::Result<TopOutput> {
        match self.top(c, args) {
            Err(ContainerError::UnknownDescriptor(_)) => {}
            other => return other.map(TopOutput::Table),
        }
        let command: Vec<String> = std::iter::once("ps".to_string())
            .chain(args.iter().cloned())
            .collect();
        let spec = self.exec_spec(c, command, &[], None, None, false, false)?;
        let memfd = |name: &str| {
            nix::sys::memfd::memfd_create(name, nix::sys::memfd::MFdFlags::MFD_CLOEXEC)
                .map(fs::File::from)
                .map_err(|e| super::io_err("creating a file for ps(1)'s output")(e.into()))
        };
        let (mut out, mut err) = (memfd("ps-stdout")?, memfd("ps-stderr")?);
        let exit = super::exec::with_output_to(&out, &err, || {
            super::exec::exec(c.state.pid, &spec, false)
        })
        .map_err(super::io_err("redirecting ps(1)'s output"))?
        .map_err(|e| ContainerError::Io {
            context: "executing ps(1) in the container".into(),
            source: std::io::Error::other(e),
        })?;
        let read = |f: &mut fs::File| {
            use std::io::{Read, Seek};
            let mut text = String::new();
            let _ = f.rewind();
            let _ = f.read_to_string(&mut text);
            text
        };
        let (stdout, stderr) = (read(&mut out), read(&mut err));
        if exit.code != 0 {
            return Err(ContainerError::Ps {
                code: exit.code,
                output: stderr.lines().collect::<Vec<_>>().join(" "),
            });
        }
        // Podman's trick: the ps command's own line holds its arguments.
        let own = args.join(" ");
        Ok(TopOutput::Ps(
            stdout
                .lines()
                .filter(|l| !l.contains(&own))
                .map(String::from)
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        assert_eq!(go_duration(0), "0s");
        assert_eq!(go_duration(1_500), "1.5µs");
        assert_eq!(go_duration(2_014_051_016), "2.014051016s");
        assert_eq!(go_duration(63_000_000_000), "1m3s");
        assert_eq!(go_duration(7_205_100_000_000), "2h0m5.1s");
    }

    #[test]
    fn descriptors_by_name_code_and_commas() {
        let given = vec!["pid,comm".to_string(), "%U".to_string()];
        assert_eq!(parse_descriptors(&given), Ok(vec!["pid", "comm", "user"]));
        assert_eq!(parse_descriptors(&[]), Ok(DEFAULT_DESCRIPTORS.to_vec()));
        assert_eq!(
            parse_descriptors(&["-eo".to_string()]),
            Err("-eo".to_string())
        );
    }

    #[test]
    fn capability_sets() {
        assert_eq!(caps(Some(&"0".to_string())), "none");
        assert_eq!(
            caps(Some(&"0000000000000401".to_string())),
            "CHOWN,NET_BIND_SERVICE"
        );
    }

    #[test]
    fn our_own_process_as_a_row() {
        let me = std::process::id() as i32;
        let t = table(me, &["pid", "hpid", "comm", "seccomp", "time"]);
        assert_eq!(t.titles, ["PID", "HPID", "COMMAND", "SECCOMP", "TIME"]);
        assert_eq!(t.processes[0][1], me.to_string());
    }
}
