//! STUB: replaced by the layers branch.
use std::io::Read;
#[derive(Debug, thiserror::Error)]
#[error("invalid digest {0:?}")]
pub struct DigestError(pub String);
pub fn parse_digest(s: &str) -> Result<(&str, &str), DigestError> {
    s.split_once(':').ok_or_else(|| DigestError(s.into()))
}
pub struct DigestReader<R> {
    inner: R,
    n: u64,
    h: sha2::Sha256,
}
impl<R: Read> DigestReader<R> {
    pub fn new(inner: R) -> Self {
        DigestReader {
            inner,
            n: 0,
            h: Default::default(),
        }
    }
    pub fn finish(self) -> (String, u64) {
        use sha2::Digest;
        (format!("sha256:{}", hex::encode(self.h.finalize())), self.n)
    }
}
impl<R: Read> Read for DigestReader<R> {
    fn read(&mut self, b: &mut [u8]) -> std::io::Result<usize> {
        use sha2::Digest;
        let n = self.inner.read(b)?;
        self.h.update(&b[..n]);
        self.n += n as u64;
        Ok(n)
    }
}
