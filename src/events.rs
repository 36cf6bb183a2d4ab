//! The per-user event log behind `cove events`: one JSON object per line, appended by
//! whichever cove process made the change (there is no daemon to ask), rotated to
//! `events.log.1` when it grows past [`MAX_LOG_SIZE`].
//!
//! Appends are single `write(2)` calls on an `O_APPEND` descriptor under an flock of the
//! log itself, so concurrent commands never interleave lines and rotation never loses one.
//! Recording an event never fails the operation that caused it.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Past this size the log is rotated (one previous generation is kept).
pub const MAX_LOG_SIZE: u64 = 1 << 20;

/// One event, with Podman's field names (`{{.Status}}`, `{{.ID}}`, ...); `Action` is the
/// same word under Docker's name. Every field is always written, so any template over
/// them renders (empty ones as null).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Event {
    #[serde(rename = "ID")]
    pub id: String,
    #[serde(default)]
    pub image: String,
    #[serde(default)]
    pub name: String,
    pub status: String,
    #[serde(default)]
    pub action: String,
    pub time: String,
    #[serde(default)]
    pub time_nano: i64,
    #[serde(rename = "Type")]
    pub kind: String,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    #[serde(default)]
    pub container_exit_code: Option<i32>,
    #[serde(default)]
    pub health_status: Option<String>,
}

impl Event {
    /// An event of `kind` (container, image, volume, network) happening now.
    pub fn new(kind: &str, status: &str, id: &str, name: &str) -> Event {
        let now = Utc::now();
        Event {
            id: id.to_string(),
            image: String::new(),
            name: name.to_string(),
            status: status.to_string(),
            action: status.to_string(),
            time: now.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
            time_nano: now.timestamp_nanos_opt().unwrap_or_default(),
            kind: kind.to_string(),
            attributes: BTreeMap::new(),
            container_exit_code: None,
            health_status: None,
        }
    }

    pub fn time(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_nanos(self.time_nano)
    }

    /// Docker's one-line form:
    /// `2026-11-23T11:30:12.123456789Z container start 0123... (image=busybox, name=web)`.
    pub fn human(&self) -> String {
        let mut attrs: Vec<String> = Vec::new();
        if !self.image.is_empty() {
            attrs.push(format!("image={}", self.image));
        }
        if !self.name.is_empty() {
            attrs.push(format!("name={}", self.name));
        }
        if let Some(code) = self.container_exit_code {
            attrs.push(format!("exitCode={code}"));
        }
        if let Some(h) = &self.health_status {
            attrs.push(format!("health_status={h}"));
        }
        attrs.extend(self.attributes.iter().map(|(k, v)| format!("{k}={v}")));
        let mut line = format!("{} {} {} {}", self.time, self.kind, self.status, self.id);
        if !attrs.is_empty() {
            line.push_str(&format!(" ({})", attrs.join(", ")));
        }
        line
    }
}

/// An event as the Docker Engine API's `GET /events` streams it (API 1.44
/// `EventMessage`), with the legacy `status`/`id`/`from` fields clients still read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventMessage {
    #[serde(rename = "Type")]
    pub kind: String,
    #[serde(rename = "Action")]
    pub action: String,
    #[serde(rename = "Actor")]
    pub actor: EventActor,
    pub scope: &'static str,
    /// Unix seconds.
    pub time: i64,
    #[serde(rename = "timeNano")]
    pub time_nano: i64,
    pub status: String,
    pub id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub from: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EventActor {
    #[serde(rename = "ID")]
    pub id: String,
    /// The object's name, image, exit code and labels, as Docker puts them.
    pub attributes: BTreeMap<String, String>,
}

impl From<&Event> for EventMessage {
    fn from(e: &Event) -> EventMessage {
        let mut attributes = e.attributes.clone();
        let mut set = |k: &str, v: String| {
            if !v.is_empty() {
                attributes.insert(k.to_string(), v);
            }
        };
        set("name", e.name.clone());
        set("image", e.image.clone());
        set(
            "exitCode",
            e.container_exit_code
                .map(|c| c.to_string())
                .unwrap_or_default(),
        );
        set("health_status", e.health_status.clone().unwrap_or_default());
        let action = if e.action.is_empty() {
            &e.status
        } else {
            &e.action
        };
        EventMessage {
            kind: e.kind.clone(),
            action: action.clone(),
            actor: EventActor {
                id: e.id.clone(),
                attributes,
            },
            scope: "local",
            time: e.time_nano.div_euclid(1_000_000_000),
            time_nano: e.time_nano,
            status: e.status.clone(),
            id: e.id.clone(),
            from: e.image.clone(),
        }
    }
}

/// Set once by `--events-backend none`, before any event.
static OFF: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The log of one user's store.
#[derive(Debug, Clone)]
pub struct EventLog {
    dir: PathBuf,
}

impl EventLog {
    /// The log kept beside the store's data (it survives reboots, as Podman's journald
    /// backend does).
    pub fn new(data_dir: &Path) -> EventLog {
        EventLog {
            dir: data_dir.join("events"),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join("events.log")
    }

    fn rotated(&self) -> PathBuf {
        self.dir.join("events.log.1")
    }

    /// Append one event; failures are ignored (the event log is a record, not state).
    pub fn emit(&self, e: &Event) {
        if !OFF.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = self.append(e);
        }
    }

    /// `--events-backend none`: this process records no events.
    pub fn turn_off() {
        OFF.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    fn append(&self, e: &Event) -> io::Result<()> {
        let mut line = serde_json::to_string(e).map_err(io::Error::other)?;
        line.push('\n');
        crate::paths::ensure_private_dir(&self.dir)?;
        let path = self.path();
        loop {
            let file = open_append(&path)?;
            let mut locked = nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusive)
                .map_err(|(_, e)| io::Error::from(e))?;
            // Rotated by someone else between our open and our lock: write to the new one.
            let current = fs::metadata(&path).ok().map(|m| m.ino());
            let ours = locked.metadata()?;
            if current != Some(ours.ino()) {
                continue;
            }
            if ours.len() + line.len() as u64 > MAX_LOG_SIZE && ours.len() > 0 {
                fs::rename(&path, self.rotated())?;
                continue;
            }
            return locked.write_all(line.as_bytes());
        }
    }

    /// Events recorded so far, oldest first, that pass `keep`; lines that do not parse (a
    /// torn write after a crash) are skipped.
    pub fn read(&self, keep: &dyn Fn(&Event) -> bool) -> io::Result<Vec<Event>> {
        let mut out = Vec::new();
        for p in [self.rotated(), self.path()] {
            match File::open(&p) {
                Ok(f) => out.extend(parse_lines(BufReader::new(f)).filter(|e| keep(e))),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// Print every event (past ones first) through `each` until `each` says stop or
    /// `until` passes; polls the log, reopening it when it was rotated.
    pub fn follow(
        &self,
        until: Option<DateTime<Utc>>,
        each: &mut dyn FnMut(&Event) -> io::Result<bool>,
    ) -> io::Result<()> {
        self.follow_while(until, &|| true, each)
    }

    /// As `follow`, also stopping when `wanted` turns false (checked while the log is
    /// quiet too: the API's reader may hang up when no event is coming).
    pub fn follow_while(
        &self,
        until: Option<DateTime<Utc>>,
        wanted: &dyn Fn() -> bool,
        each: &mut dyn FnMut(&Event) -> io::Result<bool>,
    ) -> io::Result<()> {
        crate::paths::ensure_private_dir(&self.dir)?;
        // What is in the rotated generation has been written completely.
        if let Ok(f) = File::open(self.rotated()) {
            for e in parse_lines(BufReader::new(f)) {
                if !each(&e)? {
                    return Ok(());
                }
            }
        }
        let mut file = open_append(&self.path())?;
        let mut pending = Vec::new();
        loop {
            let mut chunk = Vec::new();
            file.read_to_end(&mut chunk)?;
            pending.extend_from_slice(&chunk);
            // Only complete lines: a writer may be halfway through one.
            while let Some(nl) = pending.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = pending.drain(..=nl).collect();
                if let Ok(e) = serde_json::from_slice::<Event>(&line) {
                    if !each(&e)? {
                        return Ok(());
                    }
                }
            }
            if until.is_some_and(|u| Utc::now() > u) || !wanted() {
                return Ok(());
            }
            if chunk.is_empty() {
                let rotated = fs::metadata(self.path())
                    .map(|m| m.ino() != file.metadata().map(|f| f.ino()).unwrap_or(0))
                    .unwrap_or(false);
                if rotated {
                    // Finish the old file (now events.log.1), then start at the new one.
                    file.read_to_end(&mut pending)?;
                    file = open_append(&self.path())?;
                    file.seek(SeekFrom::Start(0))?;
                    continue;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

fn open_append(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(libc::O_CLOEXEC)
        .open(path)
}

fn parse_lines(r: impl BufRead) -> impl Iterator<Item = Event> {
    r.split(b'\n')
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_slice(&l).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: &str, status: &str, id: &str, name: &str) -> Event {
        Event::new(kind, status, id, name)
    }

    #[test]
    fn api_message_is_docker_shaped() {
        let mut e = Event::new("container", "die", "abc", "web");
        e.image = "busybox".into();
        e.container_exit_code = Some(3);
        e.attributes.insert("app".into(), "shop".into());
        let v = serde_json::to_value(EventMessage::from(&e)).unwrap();
        assert_eq!(v["Type"], "container");
        assert_eq!(v["Action"], "die");
        assert_eq!(v["Actor"]["ID"], "abc");
        assert_eq!(v["Actor"]["Attributes"]["name"], "web");
        assert_eq!(v["Actor"]["Attributes"]["exitCode"], "3");
        assert_eq!(v["Actor"]["Attributes"]["app"], "shop");
        assert_eq!(v["from"], "busybox");
        assert_eq!(v["scope"], "local");
        assert_eq!(v["time"], e.time_nano / 1_000_000_000);
    }

    #[test]
    fn appends_reads_and_rotates() {
        let dir = tempfile::tempdir().unwrap();
        let log = EventLog::new(dir.path());
        log.emit(&ev("container", "create", "abc", "web"));
        log.emit(&ev("container", "start", "abc", "web"));
        let all = log.read(&|_| true).unwrap();
        assert_eq!(
            all.iter().map(|e| e.status.as_str()).collect::<Vec<_>>(),
            ["create", "start"]
        );
        // Fill past the limit: the old events move to events.log.1 and are still read.
        let mut big = ev("container", "exec", "abc", "web");
        big.attributes.insert("x".into(), "y".repeat(4096));
        for _ in 0..(MAX_LOG_SIZE / 4096 + 2) {
            log.emit(&big);
        }
        assert!(log.rotated().exists());
        assert!(fs::metadata(log.path()).unwrap().len() <= MAX_LOG_SIZE);
        log.emit(&ev("container", "remove", "abc", "web"));
        let last = log.read(&|e| e.status != "exec").unwrap();
        assert_eq!(last.last().unwrap().status, "remove");
    }

    #[test]
    fn human_line() {
        let mut e = ev("container", "die", "abc", "web");
        e.image = "busybox".into();
        e.container_exit_code = Some(3);
        let line = e.human();
        assert!(
            line.ends_with("container die abc (image=busybox, name=web, exitCode=3)"),
            "{line}"
        );
    }
}
