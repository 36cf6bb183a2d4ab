//! Docker's multiplexed stream (its `stdcopy`): each frame is an 8-byte header
//! `[stream, 0, 0, 0, size as u32 big-endian]` and `size` bytes of that stream, stream 1
//! being stdout and 2 stderr. Containers with a terminal have one stream and send it raw.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use axum::body::Bytes;
use tokio::sync::mpsc;

pub const STDOUT: u8 = 1;
pub const STDERR: u8 = 2;

/// The largest frame we write: a reader's buffer need not be larger.
const MAX_FRAME: usize = 32 * 1024;

/// Append one frame (or, raw, just the bytes) to `out`.
pub fn encode(out: &mut Vec<u8>, stream: u8, data: &[u8], raw: bool) {
    if raw {
        out.extend_from_slice(data);
        return;
    }
    for chunk in data.chunks(MAX_FRAME) {
        out.extend_from_slice(&[stream, 0, 0, 0]);
        out.extend_from_slice(&(chunk.len() as u32).to_be_bytes());
        out.extend_from_slice(chunk);
    }
}

/// A `Write` into a response body or connection: buffered up to a frame's size, and an
/// error (BrokenPipe) once the client is gone, which ends whatever is writing.
pub struct ChannelWriter {
    tx: mpsc::Sender<Bytes>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    pub fn new(tx: mpsc::Sender<Bytes>) -> ChannelWriter {
        ChannelWriter {
            tx,
            buf: Vec::new(),
        }
    }

    /// Something to ask later whether the client is gone (`is_closed`).
    pub fn probe(&self) -> mpsc::Sender<Bytes> {
        self.tx.clone()
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= MAX_FRAME {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::take(&mut self.buf));
        self.tx
            .blocking_send(chunk)
            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))
    }
}

/// Two `Write`s (stdout, stderr) onto one writer, as frames in the order written;
/// adjacent writes to the same stream share a frame.
pub struct Muxer<W: Write> {
    out: W,
    raw: bool,
    pending: Vec<u8>,
    stream: u8,
}

impl<W: Write> Muxer<W> {
    pub fn new(out: W, raw: bool) -> Rc<RefCell<Muxer<W>>> {
        Rc::new(RefCell::new(Muxer {
            out,
            raw,
            pending: Vec::new(),
            stream: STDOUT,
        }))
    }

    /// The stdout and stderr writers of one new muxer onto `out`.
    pub fn split(out: W, raw: bool) -> (StreamWriter<W>, StreamWriter<W>) {
        let mux = Muxer::new(out, raw);
        (
            StreamWriter {
                mux: mux.clone(),
                stream: STDOUT,
            },
            StreamWriter {
                mux,
                stream: STDERR,
            },
        )
    }

    fn push(&mut self, stream: u8, data: &[u8]) -> io::Result<()> {
        if stream != self.stream || self.pending.len() + data.len() > MAX_FRAME {
            self.emit()?;
            self.stream = stream;
        }
        self.pending.extend_from_slice(data);
        Ok(())
    }

    fn emit(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut frame = Vec::with_capacity(self.pending.len() + 8);
        encode(&mut frame, self.stream, &self.pending, self.raw);
        self.pending.clear();
        self.out.write_all(&frame)
    }

    #[cfg(test)]
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// One stream of a [`Muxer`].
pub struct StreamWriter<W: Write> {
    pub mux: Rc<RefCell<Muxer<W>>>,
    pub stream: u8,
}

impl<W: Write> Write for StreamWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.mux.borrow_mut().push(self.stream, data)?;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut m = self.mux.borrow_mut();
        m.emit()?;
        m.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_carry_stream_and_big_endian_size() {
        let mut out = Vec::new();
        encode(&mut out, STDERR, b"hi", false);
        assert_eq!(out, [2, 0, 0, 0, 0, 0, 0, 2, b'h', b'i']);
        let mut raw = Vec::new();
        encode(&mut raw, STDERR, b"hi", true);
        assert_eq!(raw, b"hi");
    }

    #[test]
    fn interleaved_writes_keep_their_order_and_adjacent_ones_merge() {
        let (mut out, mut err) = Muxer::split(Vec::new(), false);
        out.write_all(b"a").unwrap();
        out.write_all(b"b").unwrap();
        err.write_all(b"c").unwrap();
        out.write_all(b"d").unwrap();
        out.flush().unwrap();
        let mux = out.mux.clone();
        drop((out, err));
        let bytes = Rc::try_unwrap(mux).ok().unwrap().into_inner().into_inner();
        assert_eq!(
            bytes,
            [
                &[1, 0, 0, 0, 0, 0, 0, 2][..],
                b"ab",
                &[2, 0, 0, 0, 0, 0, 0, 1],
                b"c",
                &[1, 0, 0, 0, 0, 0, 0, 1],
                b"d"
            ]
            .concat()
        );
    }
}
