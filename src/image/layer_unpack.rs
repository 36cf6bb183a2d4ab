//! One layer from a byte stream to a committed layer directory: the single place where a
//! layer blob is verified (its own digest and its diff_id) and extracted. `pull` feeds it
//! from the network, `load` from a file of an archive, `import` from a user's tarball.
//!
//! Two steps so callers choose when things become visible: [`prepare`] verifies and
//! extracts into a private tmp dir (nothing visible yet, dropped on error), and
//! [`Prepared::commit`] renames the blob and the layer into place. `load` prepares every
//! layer of an archive before committing any, so a tampered layer leaves nothing behind.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::mpsc;

use crate::image::store::{Store, StoreError};
use crate::storage::compression;
use crate::storage::digest::DigestReader;
use crate::storage::extract::{extract_layer, ExtractError, ExtractOptions};

#[derive(Debug, thiserror::Error)]
pub(crate) enum UnpackError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("digest mismatch for {what}: expected {expected}, got {actual}")]
    DigestMismatch {
        what: String,
        expected: String,
        actual: String,
    },
    #[error("layer {digest}: {source}")]
    Extract {
        digest: String,
        source: ExtractError,
    },
    #[error("layer {digest}: {source}")]
    Io { digest: String, source: io::Error },
}

/// What a layer must hash to, and how to extract it.
#[derive(Debug, Clone)]
pub(crate) struct LayerSpec {
    /// Digest of the blob exactly as read (compressed or not).
    pub blob_digest: String,
    /// Digest of the uncompressed tar.
    pub diff_id: String,
    pub rootless: bool,
}

/// What happens to the blob bytes, which the store keeps for push and save.
pub(crate) enum KeepBlob {
    /// The store already has the blob (or the caller stores it itself).
    No,
    /// Copy the stream to a file while reading it: a network stream cannot be read twice.
    Tee,
    /// The blob is this file (in a store tmp dir, the reader reads it): once verified it
    /// is moved, not copied.
    Move(PathBuf),
}

/// A verified, extracted layer in a private tmp dir, not yet visible.
pub(crate) struct Prepared {
    spec: LayerSpec,
    /// Owns `layer` and `blob`: dropping an uncommitted layer removes them.
    _tmp: tempfile::TempDir,
    layer: PathBuf,
    blob: Option<PathBuf>,
    /// Size of the uncompressed tar.
    pub size: u64,
    /// Entries extraction skipped or could not fully apply (device nodes rootless,
    /// unmappable owners, xattrs the kernel refused).
    pub warnings: Vec<String>,
}

impl Prepared {
    /// Make the layer visible: blob first, so a committed layer always has its blob for
    /// push and save.
    pub(crate) fn commit(self, store: &Store) -> Result<u64, StoreError> {
        if let Some(blob) = &self.blob {
            store.commit_blob(blob, &self.spec.blob_digest)?;
        }
        store.commit_layer(&self.layer, &self.spec.diff_id, self.size)?;
        Ok(self.size)
    }
}

/// Read `blob` once: hash it, keep it as `keep` says, decompress (gzip, zstd or plain,
/// sniffed), hash the tar and extract it into a fresh tmp dir. Every digest is checked
/// before this returns Ok.
pub(crate) fn prepare(
    store: &Store,
    spec: &LayerSpec,
    blob: impl Read + Send,
    keep: KeepBlob,
) -> Result<Prepared, UnpackError> {
    let io_err = |source| UnpackError::Io {
        digest: spec.blob_digest.clone(),
        source,
    };
    let tmp = store.tmp_dir()?;
    let layer = tmp.path().join("layer");
    fs::create_dir(&layer).map_err(io_err)?;
    let blob_path = tmp.path().join("blob");
    let tee = match keep {
        KeepBlob::Tee => Some(File::create(&blob_path).map_err(io_err)?),
        _ => None,
    };
    let target = Target {
        blob_digest: &spec.blob_digest,
        diff_id: &spec.diff_id,
        rootless: spec.rootless,
    };
    let (size, warnings) = target.unpack(blob, tee, &layer)?;
    let blob = match keep {
        KeepBlob::No => None,
        KeepBlob::Tee => Some(blob_path),
        KeepBlob::Move(src) => {
            fs::rename(&src, &blob_path).map_err(io_err)?;
            Some(blob_path)
        }
    };
    Ok(Prepared {
        spec: spec.clone(),
        _tmp: tmp,
        layer,
        blob,
        size,
        warnings,
    })
}

/// Where one layer goes and what it must hash to.
struct Target<'a> {
    blob_digest: &'a str,
    diff_id: &'a str,
    rootless: bool,
}

impl Target<'_> {
    /// Read the blob once: hash it, copy it to `tee`, decompress, hash the tar, extract
    /// into `dest`. Returns the uncompressed size.
    ///
    /// Two threads, so one large layer uses two cores: one reads, hashes, keeps and
    /// inflates the blob; this one hashes the tar and creates the files.
    fn unpack(
        &self,
        blob: impl Read + Send,
        tee: Option<File>,
        dest: &std::path::Path,
    ) -> Result<(u64, Vec<String>), UnpackError> {
        let io_err = |source| UnpackError::Io {
            digest: self.blob_digest.to_string(),
            source,
        };
        let opts = ExtractOptions {
            rootless: self.rootless,
        };
        let (tx, rx) = mpsc::sync_channel::<Vec<u8>>(CHUNKS_IN_FLIGHT);
        // Emptied chunks go back to the inflater, so a layer allocates a few buffers, not
        // one per chunk.
        let (spent_tx, spent_rx) = mpsc::channel::<Vec<u8>>();
        let (inflated, extracted, (diff_id, size)) = std::thread::scope(|s| {
            let inflater = s.spawn(move || inflate(blob, tee, tx, spent_rx));
            let mut tar = DigestReader::new(ChunkReader::new(rx, spent_tx));
            let extracted = extract_layer(&mut tar, dest, &opts);
            if extracted.is_err() {
                // A corrupt or tampered blob usually breaks the tar before its digest
                // can be compared: let the inflater finish hashing so the user hears
                // the real cause.
                let _ = io::copy(&mut tar, &mut io::sink());
            }
            let tar_digest = tar.finish();
            let inflated = inflater
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the inflating thread panicked")));
            (inflated, extracted, tar_digest)
        });
        let (actual, inflate_result) = inflated.map_err(io_err)?;
        if actual != self.blob_digest {
            return Err(self.mismatch(actual));
        }
        inflate_result.map_err(io_err)?;
        let report = extracted.map_err(|source| UnpackError::Extract {
            digest: self.blob_digest.to_string(),
            source,
        })?;
        if diff_id != self.diff_id {
            return Err(UnpackError::DigestMismatch {
                what: format!("uncompressed layer {}", self.blob_digest),
                expected: self.diff_id.to_string(),
                actual: diff_id,
            });
        }
        Ok((size, report.warnings))
    }

    fn mismatch(&self, actual: String) -> UnpackError {
        UnpackError::DigestMismatch {
            what: "layer blob".to_string(),
            expected: self.blob_digest.to_string(),
            actual,
        }
    }
}

/// Decompressed bytes handed from the inflater to the extractor at a time, and how many
/// may wait: enough to keep both threads busy, little memory.
const CHUNK: usize = 256 * 1024;
const CHUNKS_IN_FLIGHT: usize = 8;

/// The inflating side of [`Target::unpack`]: reads `blob` to its end (so its digest
/// covers every byte, whatever the extractor did) and sends the decompressed bytes.
/// Returns the blob's digest, and whether decompression succeeded; an error reading
/// the blob itself is the outer one.
fn inflate(
    blob: impl Read,
    tee: Option<File>,
    tx: mpsc::SyncSender<Vec<u8>>,
    spent: mpsc::Receiver<Vec<u8>>,
) -> io::Result<(String, io::Result<()>)> {
    let mut compressed = DigestReader::new(TeeReader { inner: blob, tee });
    let result = (|| {
        let mut decompressed = compression::decompress(&mut compressed)?;
        loop {
            let mut chunk = spent.try_recv().unwrap_or_default();
            chunk.resize(CHUNK, 0);
            let n = read_full(&mut decompressed, &mut chunk)?;
            if n == 0 {
                return Ok(());
            }
            chunk.truncate(n);
            if tx.send(chunk).is_err() {
                return Ok(()); // the extractor stopped: its error explains why
            }
        }
    })();
    drop(tx);
    io::copy(&mut compressed, &mut io::sink())?;
    Ok((compressed.finish().0, result))
}

/// Fill `buf` unless the stream ends first; the count read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The extracting side: the inflater's chunks as one stream, ending when it hangs up.
struct ChunkReader {
    rx: mpsc::Receiver<Vec<u8>>,
    spent: mpsc::Sender<Vec<u8>>,
    chunk: Vec<u8>,
    pos: usize,
}

impl ChunkReader {
    fn new(rx: mpsc::Receiver<Vec<u8>>, spent: mpsc::Sender<Vec<u8>>) -> Self {
        ChunkReader {
            rx,
            spent,
            chunk: Vec::new(),
            pos: 0,
        }
    }
}

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.chunk.len() {
            match self.rx.recv() {
                Ok(chunk) => {
                    let spent = std::mem::replace(&mut self.chunk, chunk);
                    let _ = self.spent.send(spent); // the inflater may be done
                    self.pos = 0;
                }
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.chunk.len() - self.pos);
        buf[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Copies what is read to a file: the blob is kept (for push and save) without reading
/// the network stream twice.
struct TeeReader<R> {
    inner: R,
    tee: Option<File>,
}

impl<R: Read> Read for TeeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(f) = &mut self.tee {
            f.write_all(&buf[..n])?;
        }
        Ok(n)
    }
}
