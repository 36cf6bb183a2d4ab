//! `pod logs`: the logs of a pod's containers, each line prefixed with its container's ID
//! or name as Podman prints them. Without `follow` the containers are printed one after
//! the other; with it each is followed on its own thread until the container stops, whole
//! lines interleaved.

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use super::{ops, Pod, PodError, Result};
use crate::container::logs::{self, LogOptions};
use crate::container::{Container, Engine};

/// How each line names its container.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefix {
    /// The container's name instead of its short ID.
    pub names: bool,
    /// Each container's prefix in its own colour.
    pub color: bool,
}

/// The colours Podman cycles through for `--color`.
const COLORS: [&str; 6] = ["31", "32", "33", "34", "35", "36"];

impl Prefix {
    fn of(self, c: &Container, index: usize) -> String {
        let label = if self.names {
            c.name.as_str()
        } else {
            c.short_id()
        };
        if self.color {
            let code = COLORS[index % COLORS.len()];
            format!("\x1b[{code}m{label}\x1b[0m ")
        } else {
            format!("{label} ")
        }
    }
}

/// The pod's containers whose logs `pod logs` shows: every member but the infra
/// container, or only `container` (a name or ID that must be a member).
pub fn containers(engine: &Engine, pod: &Pod, container: Option<&str>) -> Result<Vec<Container>> {
    let members: Vec<Container> = ops::members(engine, pod)?
        .into_iter()
        .filter(|c| !c.config.pod_infra)
        .collect();
    let Some(wanted) = container else {
        return Ok(members);
    };
    let c = engine.lookup(wanted)?;
    if members.iter().any(|m| m.id == c.id) {
        Ok(vec![c])
    } else {
        Err(PodError::Invalid(format!(
            "container {} is not in pod {}",
            c.name, pod.name
        )))
    }
}

/// Print the logs of `list` to `out` and `err` (a record's stream decides which).
pub fn print<O, E>(
    engine: &Engine,
    list: &[Container],
    opts: &LogOptions,
    prefix: Prefix,
    out: O,
    err: E,
) -> io::Result<()>
where
    O: Write + Send,
    E: Write + Send,
{
    let (out, err) = (Arc::new(Mutex::new(out)), Arc::new(Mutex::new(err)));
    let one = |i: usize, c: &Container| -> io::Result<()> {
        let label = prefix.of(c, i);
        let mut o = Prefixed::new(label.clone(), Arc::clone(&out));
        let mut e = Prefixed::new(label, Arc::clone(&err));
        let running = || {
            engine
                .lookup(&c.id)
                .map(|c| c.state.status.is_active())
                .unwrap_or(false)
        };
        logs::print(&engine.log_path(&c.id), opts, &mut o, &mut e, running)?;
        o.finish()?;
        e.finish()
    };
    if !opts.follow {
        return list.iter().enumerate().try_for_each(|(i, c)| one(i, c));
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = list
            .iter()
            .enumerate()
            .map(|(i, c)| s.spawn(move || one(i, c)))
            .collect();
        handles.into_iter().try_for_each(|h| {
            h.join()
                .unwrap_or_else(|_| Err(io::Error::other("a log reader thread panicked")))
        })
    })
}

/// A writer that puts `prefix` before every line and hands whole lines to a shared sink,
/// so lines of containers followed at once never mix.
struct Prefixed<W: Write> {
    prefix: String,
    sink: Arc<Mutex<W>>,
    line: Vec<u8>,
}

impl<W: Write> Prefixed<W> {
    fn new(prefix: String, sink: Arc<Mutex<W>>) -> Self {
        Prefixed {
            prefix,
            sink,
            line: Vec::new(),
        }
    }

    fn emit(&mut self, upto: usize) -> io::Result<()> {
        let mut sink = self
            .sink
            .lock()
            .map_err(|_| io::Error::other("log output lock poisoned"))?;
        sink.write_all(self.prefix.as_bytes())?;
        sink.write_all(&self.line[..upto])?;
        self.line.drain(..upto);
        Ok(())
    }

    /// Write what is left of an unterminated last line.
    fn finish(&mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            self.emit(self.line.len())?;
        }
        self.flush()
    }
}

impl<W: Write> Write for Prefixed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.line.extend_from_slice(buf);
        while let Some(end) = self.line.iter().position(|b| *b == b'\n') {
            self.emit(end + 1)?;
        }
        Ok(buf.len())
    }

    /// Only the sink is flushed: a partial line waits for the record that completes it.
    fn flush(&mut self) -> io::Result<()> {
        self.sink
            .lock()
            .map_err(|_| io::Error::other("log output lock poisoned"))?
            .flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_gets_the_prefix_and_partial_lines_wait() {
        let sink = Arc::new(Mutex::new(Vec::new()));
        let mut w = Prefixed::new("abc ".into(), Arc::clone(&sink));
        w.write_all(b"one\ntw").unwrap();
        w.flush().unwrap();
        assert_eq!(*sink.lock().unwrap(), b"abc one\n");
        w.write_all(b"o\nthree").unwrap();
        w.finish().unwrap();
        assert_eq!(*sink.lock().unwrap(), b"abc one\nabc two\nabc three");
    }

    #[test]
    fn two_writers_keep_their_lines_whole() {
        let sink = Arc::new(Mutex::new(Vec::new()));
        let mut a = Prefixed::new("a ".into(), Arc::clone(&sink));
        let mut b = Prefixed::new("b ".into(), Arc::clone(&sink));
        a.write_all(b"fir").unwrap();
        b.write_all(b"second\n").unwrap();
        a.write_all(b"st\n").unwrap();
        assert_eq!(*sink.lock().unwrap(), b"b second\na first\n");
    }
}
