//! The container log in k8s-file format, with size-based rotation.
//!
//! One record per line: `<RFC3339Nano UTC> <stdout|stderr> <F|P> <text>`. A chunk read from
//! the container is split at newlines; each complete line becomes an `F` record and a trailing
//! piece without a newline becomes a `P` record (the rest of that line follows in a later
//! record), which is how CRI readers reassemble lines without the shim buffering output.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    pub fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// Appends k8s-file records to `path`, rotating it to `path.1` when it would exceed `max`.
pub struct LogWriter {
    path: PathBuf,
    file: File,
    size: u64,
    max: Option<u64>,
}

fn open_log(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .custom_flags(libc::O_CLOEXEC)
        .open(path)
}

impl LogWriter {
    pub fn open(path: &Path, max: Option<u64>) -> io::Result<LogWriter> {
        let file = open_log(path)?;
        // Appending to an existing log (a restarted container) counts towards its size.
        let size = file.metadata()?.len();
        Ok(LogWriter {
            path: path.to_path_buf(),
            file,
            size,
            max,
        })
    }

    /// Writes the records for one chunk of container output, stamped with `timestamp`.
    pub fn write_chunk(&mut self, timestamp: &str, stream: Stream, data: &[u8]) -> io::Result<()> {
        let mut pending: Vec<u8> = Vec::with_capacity(data.len() + 64);
        for (line, complete) in split_records(data) {
            let record = format_record(timestamp, stream, line, complete);
            if self.would_overflow(pending.len() as u64, record.len() as u64) {
                self.flush(&mut pending)?;
                self.rotate()?;
            }
            pending.extend_from_slice(&record);
        }
        self.flush(&mut pending)
    }

    /// True when appending a `record` after `pending` unwritten bytes would push a non-empty
    /// file past the limit. An empty file always takes the record, so a record larger than
    /// the limit is still written (alone) instead of rotating forever.
    fn would_overflow(&self, pending: u64, record: u64) -> bool {
        match self.max {
            Some(max) => {
                let current = self.size + pending;
                current > 0 && current + record > max
            }
            None => false,
        }
    }

    fn flush(&mut self, pending: &mut Vec<u8>) -> io::Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        self.file.write_all(pending)?;
        self.size += pending.len() as u64;
        pending.clear();
        Ok(())
    }

    fn rotate(&mut self) -> io::Result<()> {
        let mut old = self.path.clone().into_os_string();
        old.push(".1");
        // rename replaces an older FILE.1 atomically; readers holding the old file keep it.
        std::fs::rename(&self.path, &old)?;
        self.file = open_log(&self.path)?;
        self.size = 0;
        Ok(())
    }
}

/// Splits a chunk into (line without its newline, complete?) pieces.
pub fn split_records(data: &[u8]) -> impl Iterator<Item = (&[u8], bool)> {
    let mut rest = data;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                Some((line, true))
            }
            None => {
                let line = rest;
                rest = &[];
                Some((line, false))
            }
        }
    })
}

pub fn format_record(timestamp: &str, stream: Stream, line: &[u8], complete: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(timestamp.len() + line.len() + 12);
    out.extend_from_slice(timestamp.as_bytes());
    out.push(b' ');
    out.extend_from_slice(stream.name().as_bytes());
    out.extend_from_slice(if complete { b" F " } else { b" P " });
    out.extend_from_slice(line);
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TS: &str = "2026-11-22T10:00:00.123456789Z";

    #[test]
    fn splits_lines_and_partials() {
        let v: Vec<_> = split_records(b"a\nbc\n\nd").collect();
        assert_eq!(
            v,
            vec![
                (&b"a"[..], true),
                (&b"bc"[..], true),
                (&b""[..], true),
                (&b"d"[..], false)
            ]
        );
        assert_eq!(split_records(b"").count(), 0);
        assert_eq!(split_records(b"x\n").count(), 1);
    }

    #[test]
    fn writes_k8s_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctr.log");
        let mut w = LogWriter::open(&path, None).unwrap();
        w.write_chunk(TS, Stream::Stdout, b"hello\nwor").unwrap();
        w.write_chunk(TS, Stream::Stderr, b"ld\n").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            format!("{TS} stdout F hello\n{TS} stdout P wor\n{TS} stderr F ld\n")
        );
    }

    #[test]
    fn rotates_at_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctr.log");
        let rec = format_record(TS, Stream::Stdout, b"0123456789", true).len() as u64;
        // Room for two records per file.
        let mut w = LogWriter::open(&path, Some(rec * 2 + 1)).unwrap();
        for i in 0..5 {
            w.write_chunk(TS, Stream::Stdout, format!("line{i:06}\n").as_bytes())
                .unwrap();
        }
        let cur = std::fs::read_to_string(&path).unwrap();
        let old = std::fs::read_to_string(dir.path().join("ctr.log.1")).unwrap();
        assert_eq!(cur, format!("{TS} stdout F line000004\n"));
        assert_eq!(
            old,
            format!("{TS} stdout F line000002\n{TS} stdout F line000003\n")
        );
        assert!(std::fs::metadata(&path).unwrap().len() <= rec * 2 + 1);
    }

    #[test]
    fn oversized_record_still_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctr.log");
        let mut w = LogWriter::open(&path, Some(10)).unwrap();
        w.write_chunk(TS, Stream::Stdout, b"a long line\nanother\n")
            .unwrap();
        let cur = std::fs::read_to_string(&path).unwrap();
        assert_eq!(cur, format!("{TS} stdout F another\n"));
        let old = std::fs::read_to_string(dir.path().join("ctr.log.1")).unwrap();
        assert_eq!(old, format!("{TS} stdout F a long line\n"));
    }

    #[test]
    fn multi_record_chunk_rotates_inside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctr.log");
        let rec = format_record(TS, Stream::Stdout, b"x", true).len() as u64;
        let mut w = LogWriter::open(&path, Some(rec * 2)).unwrap();
        w.write_chunk(TS, Stream::Stdout, b"x\nx\nx\n").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), rec);
        let old = dir.path().join("ctr.log.1");
        assert_eq!(std::fs::metadata(old).unwrap().len(), rec * 2);
    }
}
