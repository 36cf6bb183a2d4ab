//! Content digests: streaming sha256 over readers and writers, and validation of
//! digest strings before they are trusted as file names.

use std::io::{self, Read, Write};

use sha2::{Digest as _, Sha256};

/// The only algorithm cove stores blobs under. OCI allows others (sha512), but every
/// registry in practice serves sha256, and accepting fewer algorithms means fewer
/// ways for a name to be surprising on disk.
pub const SHA256: &str = "sha256";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DigestError {
    #[error("invalid digest \"{0}\": expected \"sha256:\" followed by 64 lowercase hex digits")]
    Malformed(String),
    #[error("unsupported digest algorithm \"{alg}\" in \"{digest}\" (only sha256 is supported)")]
    UnsupportedAlgorithm { alg: String, digest: String },
}

/// Splits and validates "sha256:<64 lowercase hex>".
///
/// Digests come from registries and manifests and end up as file names in the blob
/// store, so anything but the exact expected shape is refused: this is what keeps a
/// hostile "sha256:../../x" from ever reaching a path join.
pub fn parse_digest(s: &str) -> Result<(&str, &str), DigestError> {
    let (alg, hex) = s
        .split_once(':')
        .ok_or_else(|| DigestError::Malformed(s.to_string()))?;
    if alg != SHA256 {
        let well_formed_alg = !alg.is_empty()
            && alg
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"+._-".contains(&b));
        if well_formed_alg {
            return Err(DigestError::UnsupportedAlgorithm {
                alg: alg.to_string(),
                digest: s.to_string(),
            });
        }
        return Err(DigestError::Malformed(s.to_string()));
    }
    let valid_hex = hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !valid_hex {
        return Err(DigestError::Malformed(s.to_string()));
    }
    Ok((alg, hex))
}

fn format_sha256(hasher: Sha256) -> String {
    format!("{SHA256}:{}", hex::encode(hasher.finalize()))
}

/// Hashes everything read through it, so verification costs no second pass over
/// the data (a layer is downloaded, verified and extracted in one stream).
pub struct DigestReader<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> DigestReader<R> {
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// Digest of the bytes read so far, "sha256:<hex>".
    pub fn digest(&self) -> String {
        format_sha256(self.hasher.clone())
    }

    /// Number of bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Final digest and byte count.
    pub fn finish(self) -> (String, u64) {
        (format_sha256(self.hasher), self.bytes)
    }

    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: Read> Read for DigestReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Hashes everything written through it (used to tee a blob to disk while its
/// digest is computed).
pub struct DigestWriter<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> DigestWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// Digest of the bytes written so far, "sha256:<hex>".
    pub fn digest(&self) -> String {
        format_sha256(self.hasher.clone())
    }

    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Final digest and byte count. Does not flush: call `flush` (or drop the
    /// inner writer) first if the writer buffers.
    pub fn finish(self) -> (String, u64) {
        (format_sha256(self.hasher), self.bytes)
    }

    /// Final digest, byte count and the inner writer (to fsync/rename a file).
    pub fn finish_with_inner(self) -> (String, u64, W) {
        (format_sha256(self.hasher), self.bytes, self.inner)
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }
}

impl<W: Write> Write for DigestWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Only the bytes the inner writer accepted are hashed, so a short write
        // followed by a retry of the rest never double-counts.
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HELLO_SHA256: &str =
        "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    const EMPTY_SHA256: &str =
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn reader_computes_known_sha256() {
        let mut r = DigestReader::new(&b"hello"[..]);
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        assert_eq!(out, b"hello");
        assert_eq!(r.digest(), HELLO_SHA256);
        assert_eq!(r.finish(), (HELLO_SHA256.to_string(), 5));
    }

    #[test]
    fn reader_over_small_reads_and_empty() {
        let data = vec![7u8; 100_000];
        let mut r = DigestReader::new(&data[..]);
        let mut buf = [0u8; 13];
        while r.read(&mut buf).unwrap() > 0 {}
        let expected = format!("sha256:{}", hex::encode(Sha256::digest(&data)));
        assert_eq!(r.finish(), (expected, 100_000));
        assert_eq!(DigestReader::new(io::empty()).finish().0, EMPTY_SHA256);
    }

    #[test]
    fn writer_computes_known_sha256() {
        let mut w = DigestWriter::new(Vec::new());
        w.write_all(b"hel").unwrap();
        w.write_all(b"lo").unwrap();
        let (d, n, inner) = w.finish_with_inner();
        assert_eq!(
            (d.as_str(), n, inner.as_slice()),
            (HELLO_SHA256, 5, &b"hello"[..])
        );
    }

    #[test]
    fn parse_digest_accepts_only_sha256_hex() {
        assert_eq!(
            parse_digest(HELLO_SHA256).unwrap(),
            ("sha256", &HELLO_SHA256[7..])
        );
        for bad in [
            "",
            "sha256",
            "sha256:",
            "sha256:../../etc/passwd",
            "sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
            "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982",
            "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824/",
            "../x:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        ] {
            assert!(
                matches!(parse_digest(bad), Err(DigestError::Malformed(_))),
                "{bad}"
            );
        }
        let err = parse_digest("sha512:abcd").unwrap_err();
        assert!(matches!(err, DigestError::UnsupportedAlgorithm { .. }));
        assert!(err.to_string().contains("only sha256"));
    }
}
