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
    blob: impl Read,
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
    fn unpack(
        &self,
        blob: impl Read,
        tee: Option<File>,
        dest: &std::path::Path,
    ) -> Result<(u64, Vec<String>), UnpackError> {
        let io_err = |source| UnpackError::Io {
            digest: self.blob_digest.to_string(),
            source,
        };
        let mut compressed = DigestReader::new(TeeReader { inner: blob, tee });
        let (diff_id, size, warnings) = {
            let decompressed = compression::decompress(&mut compressed).map_err(io_err)?;
            let mut tar = DigestReader::new(decompressed);
            let opts = ExtractOptions {
                rootless: self.rootless,
            };
            let report = match extract_layer(&mut tar, dest, &opts) {
                Ok(report) => report,
                Err(source) => {
                    // A corrupt or tampered blob usually breaks the tar before its digest
                    // can be compared: finish hashing so the user hears the real cause.
                    let _ = io::copy(&mut tar, &mut io::sink());
                    drop(tar);
                    let _ = io::copy(&mut compressed, &mut io::sink());
                    let (actual, _) = compressed.finish();
                    if actual != self.blob_digest {
                        return Err(self.mismatch(actual));
                    }
                    return Err(UnpackError::Extract {
                        digest: self.blob_digest.to_string(),
                        source,
                    });
                }
            };
            let (diff_id, size) = tar.finish();
            (diff_id, size, report.warnings)
        };
        io::copy(&mut compressed, &mut io::sink()).map_err(io_err)?;
        let (actual, _) = compressed.finish();
        if actual != self.blob_digest {
            return Err(self.mismatch(actual));
        }
        if diff_id != self.diff_id {
            return Err(UnpackError::DigestMismatch {
                what: format!("uncompressed layer {}", self.blob_digest),
                expected: self.diff_id.to_string(),
                actual: diff_id,
            });
        }
        Ok((size, warnings))
    }

    fn mismatch(&self, actual: String) -> UnpackError {
        UnpackError::DigestMismatch {
            what: "layer blob".to_string(),
            expected: self.blob_digest.to_string(),
            actual,
        }
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
