//! Reading a container's log file (k8s-file format, written by cove-conmon):
//! `2026-11-22T10:00:00.123456789Z stdout F text` — F for a full line, P for a partial
//! one that the next record continues.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub time: DateTime<Utc>,
    pub stderr: bool,
    pub partial: bool,
    pub text: Vec<u8>,
}

pub fn parse_line(line: &[u8]) -> Option<Record> {
    let mut parts = line.splitn(4, |b| *b == b' ');
    let time = std::str::from_utf8(parts.next()?).ok()?;
    let time = DateTime::parse_from_rfc3339(time).ok()?.with_timezone(&Utc);
    let stderr = match parts.next()? {
        b"stdout" => false,
        b"stderr" => true,
        _ => return None,
    };
    let partial = match parts.next()? {
        b"F" => false,
        b"P" => true,
        _ => return None,
    };
    let mut text = parts.next().unwrap_or_default().to_vec();
    if text.last() == Some(&b'\n') {
        text.pop();
    }
    Some(Record {
        time,
        stderr,
        partial,
        text,
    })
}

#[derive(Debug, Clone, Default)]
pub struct LogOptions {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Only the last N lines.
    pub tail: Option<usize>,
    pub timestamps: bool,
    pub follow: bool,
    /// Docker's `--details`: each line after the attributes its `--log-opt labels=/env=`
    /// chose and a space. cove's log options name none, so the line gets the space alone.
    pub details: bool,
}

impl LogOptions {
    /// The options `logs` and `pod logs` take as flags: times as RFC 3339, Unix seconds or
    /// a duration back from now; `tail` a count or `all`.
    pub fn from_flags(
        since: Option<&str>,
        until: Option<&str>,
        tail: Option<&str>,
        timestamps: bool,
        follow: bool,
    ) -> Result<LogOptions, String> {
        let now = Utc::now();
        let time = |s: Option<&str>| {
            s.map(|s| crate::time::parse_timestamp(s, now))
                .transpose()
                .map_err(|e| e.to_string())
        };
        let tail = match tail {
            None | Some("all") => None,
            Some(n) => Some(n.parse().map_err(|_| format!("invalid --tail {n:?}"))?),
        };
        Ok(LogOptions {
            since: time(since)?,
            until: time(until)?,
            tail,
            timestamps,
            follow,
            details: false,
        })
    }
}

fn emit(out: &mut impl Write, err: &mut impl Write, r: &Record, o: &LogOptions) -> io::Result<()> {
    let w: &mut dyn Write = if r.stderr { err } else { out };
    if o.timestamps {
        write!(
            w,
            "{} ",
            r.time.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
        )?;
    }
    if o.details {
        w.write_all(b" ")?;
    }
    w.write_all(&r.text)?;
    if !r.partial {
        w.write_all(b"\n")?;
    }
    Ok(())
}

fn wanted(r: &Record, o: &LogOptions) -> bool {
    o.since.is_none_or(|s| r.time >= s) && o.until.is_none_or(|u| r.time <= u)
}

/// Podman's refusal for a container whose log driver keeps nothing to read.
#[derive(Debug, thiserror::Error)]
#[error("this container is using the '{0}' log driver, cannot read logs: this container is not logging output")]
pub struct NotLogged(&'static str);

pub fn check_logged(driver: super::create::LogDriver) -> Result<(), NotLogged> {
    use super::create::LogDriver;
    match driver {
        LogDriver::None | LogDriver::Passthrough => Err(NotLogged(driver.as_str())),
        _ => Ok(()),
    }
}

/// Print the log, then with `follow` keep printing until `running()` turns false and the
/// file has no more to give.
pub fn print(
    path: &Path,
    opts: &LogOptions,
    out: &mut impl Write,
    err: &mut impl Write,
    mut running: impl FnMut() -> bool,
) -> io::Result<()> {
    let file = match File::open(path) {
        Ok(f) => f,
        // A container that never started has no log yet.
        Err(e) if e.kind() == io::ErrorKind::NotFound && !opts.follow => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut reader = BufReader::new(file);
    let mut records = Vec::new();
    let mut line = Vec::new();
    while reader.read_until(b'\n', &mut line)? > 0 {
        if line.ends_with(b"\n") {
            if let Some(r) = parse_line(&line).filter(|r| wanted(r, opts)) {
                records.push(r);
            }
            line.clear();
        } else {
            break;
        }
    }
    let skip = match opts.tail {
        Some(n) => {
            // Count whole lines (a partial record and its continuation are one line).
            let ends: Vec<usize> = records
                .iter()
                .enumerate()
                .filter(|(_, r)| !r.partial)
                .map(|(i, _)| i)
                .collect();
            if n == 0 {
                records.len()
            } else if ends.len() > n {
                ends[ends.len() - n - 1] + 1
            } else {
                0
            }
        }
        None => 0,
    };
    for r in &records[skip..] {
        emit(out, err, r, opts)?;
    }
    out.flush()?;
    err.flush()?;
    if !opts.follow {
        return Ok(());
    }
    let mut pos = reader.stream_position()? - line.len() as u64;
    loop {
        let alive = running();
        let mut file = reader.into_inner();
        // Rotation by the shim renames the file away: follow the new one from its start.
        let current_len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if current_len < pos {
            file = File::open(path)?;
            pos = 0;
        }
        file.seek(SeekFrom::Start(pos))?;
        reader = BufReader::new(file);
        line.clear();
        while reader.read_until(b'\n', &mut line)? > 0 {
            if !line.ends_with(b"\n") {
                break;
            }
            pos += line.len() as u64;
            if let Some(r) = parse_line(&line).filter(|r| wanted(r, opts)) {
                emit(out, err, &r, opts)?;
            }
            line.clear();
        }
        out.flush()?;
        err.flush()?;
        if !alive {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_records() {
        let r = parse_line(b"2026-11-22T10:00:00.5Z stderr P half\n").unwrap();
        assert!(r.stderr && r.partial);
        assert_eq!(r.text, b"half");
        assert_eq!(r.time, t("2026-11-22T10:00:00.5Z"));
        assert!(parse_line(b"garbage").is_none());
        let empty = parse_line(b"2026-11-22T10:00:00Z stdout F \n").unwrap();
        assert!(empty.text.is_empty());
    }

    #[test]
    fn tail_and_filters() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("log");
        std::fs::write(
            &p,
            "2026-11-22T10:00:01Z stdout F one\n\
             2026-11-22T10:00:02Z stderr F two\n\
             2026-11-22T10:00:03Z stdout P thr\n\
             2026-11-22T10:00:03Z stdout F ee\n",
        )
        .unwrap();
        let run = |o: LogOptions| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            print(&p, &o, &mut out, &mut err, || false).unwrap();
            (
                String::from_utf8(out).unwrap(),
                String::from_utf8(err).unwrap(),
            )
        };
        assert_eq!(
            run(LogOptions::default()),
            ("one\nthree\n".into(), "two\n".into())
        );
        let tail = run(LogOptions {
            tail: Some(1),
            ..LogOptions::default()
        });
        assert_eq!(tail, ("three\n".into(), String::new()));
        let since = run(LogOptions {
            since: Some(t("2026-11-22T10:00:02Z")),
            until: Some(t("2026-11-22T10:00:02Z")),
            ..LogOptions::default()
        });
        assert_eq!(since, (String::new(), "two\n".into()));
    }
}
