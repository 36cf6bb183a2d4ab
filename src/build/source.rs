//! A build context that arrives as a stream (`cove build -`, the API's request body): a
//! tar archive, plain or compressed (gzip, bzip2, xz, zstd, as Docker accepts them),
//! unpacked into a private temporary directory; or, where the caller allows it, a
//! Dockerfile alone with an empty context (`docker build - < Dockerfile`).

use std::cell::Cell;
use std::fs;
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::context::{clean_rel_str, Root};
use super::BuildError;

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("the build context is not a tar archive (plain, gzip, bzip2, xz or zstd)")]
    NotArchive,
    #[error("reading the build context: {0}")]
    Read(io::Error),
    #[error("unpacking the build context: {0}")]
    Unpack(io::Error),
    #[error("the build context's entry {0:?} points outside the context")]
    Outside(String),
}

/// What the stream turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Archive,
    /// A Dockerfile, written as `Dockerfile` into an otherwise empty context.
    Dockerfile,
}

/// A context unpacked into `tmp`; it lives as long as this value.
pub struct Unpacked {
    pub kind: Kind,
    tmp: tempfile::TempDir,
}

impl Unpacked {
    pub fn dir(&self) -> &Path {
        self.tmp.path()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Bzip2,
    Xz,
    Zstd,
}

fn compression(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(b"BZh") {
        Compression::Bzip2
    } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        Compression::Xz
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Whether `block` is a tar header: its checksum (the bytes summed with the checksum
/// field as spaces) matches, as Go's archive/tar, which Docker uses to decide, checks it.
fn is_tar_header(block: &[u8]) -> bool {
    if block.len() < 512 || block.iter().all(|b| *b == 0) {
        return false;
    }
    let field = String::from_utf8_lossy(&block[148..156]);
    let Ok(stored) = u32::from_str_radix(field.trim_matches(|c: char| c == '\0' || c == ' '), 8)
    else {
        return false;
    };
    let sum: u32 = block[..512]
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if (148..156).contains(&i) {
                32
            } else {
                *b as u32
            }
        })
        .sum();
    sum == stored
}

/// Up to `n` bytes, retrying short reads (a socket hands out what it has).
fn head(r: &mut dyn Read, n: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(n);
    r.take(n as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

fn decompressor<'a>(kind: Compression, r: impl Read + 'a) -> io::Result<Box<dyn Read + 'a>> {
    Ok(match kind {
        Compression::None => Box::new(r),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(r)),
        Compression::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(r)),
        Compression::Xz => Box::new(xz2::read::XzDecoder::new_multi_decoder(r)),
        Compression::Zstd => Box::new(zstd::Decoder::new(r)?),
    })
}

/// Unpack `input` into `tmp` (an empty private directory): a tar archive; with
/// `dockerfile_ok`, anything else is taken as a Dockerfile.
pub fn unpack(
    tmp: tempfile::TempDir,
    mut input: impl Read,
    dockerfile_ok: bool,
) -> Result<Unpacked, SourceError> {
    let first = head(&mut input, 6).map_err(SourceError::Read)?;
    let kind = compression(&first);
    let rest = Cursor::new(first).chain(input);
    let mut stream = decompressor(kind, rest).map_err(SourceError::Read)?;
    let block = head(&mut stream, 512).map_err(SourceError::Read)?;
    let is_tar = is_tar_header(&block);
    let stream = Cursor::new(block).chain(stream);
    if !is_tar {
        if kind != Compression::None || !dockerfile_ok {
            return Err(SourceError::NotArchive);
        }
        return dockerfile_only(tmp, stream);
    }
    extract(stream, tmp.path())?;
    Ok(Unpacked {
        kind: Kind::Archive,
        tmp,
    })
}

/// `input` as the Dockerfile (`-f -`), written as `Dockerfile` into `tmp`.
pub fn dockerfile_only(
    tmp: tempfile::TempDir,
    mut input: impl Read,
) -> Result<Unpacked, SourceError> {
    let mut text = Vec::new();
    input.read_to_end(&mut text).map_err(SourceError::Read)?;
    fs::write(tmp.path().join("Dockerfile"), text).map_err(SourceError::Unpack)?;
    Ok(Unpacked {
        kind: Kind::Dockerfile,
        tmp,
    })
}

/// Notes when the reader it wraps reaches its end.
struct EofFlag<R> {
    inner: R,
    hit: Rc<Cell<bool>>,
}

impl<R: Read> Read for EofFlag<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.hit.set(true);
        }
        Ok(n)
    }
}

fn extract(stream: impl Read, dir: &Path) -> Result<(), SourceError> {
    let hit = Rc::new(Cell::new(false));
    let mut archive = tar::Archive::new(EofFlag {
        inner: stream,
        hit: hit.clone(),
    });
    archive.set_preserve_permissions(true);
    archive.set_overwrite(true);
    for entry in archive.entries().map_err(SourceError::Unpack)? {
        let mut entry = match entry {
            Ok(e) => e,
            // The stream ended after a whole entry, short of its padding or of the
            // end-of-archive blocks: the end, as Go's archive/tar (dockerd) reads it. The
            // docker CLI sends such archives (`docker build -f -`).
            Err(_) if hit.get() => break,
            Err(e) => return Err(SourceError::Unpack(e)),
        };
        let path = entry.path().map_err(SourceError::Unpack)?.into_owned();
        let name = path.to_string_lossy().into_owned();
        if clean_rel_str(&name).is_none() {
            return Err(SourceError::Outside(name));
        }
        let kind = entry.header().entry_type();
        // A hard link's target is a path in the archive: it must stay in it too (tar
        // checks where entries go, not where links lead).
        if kind.is_hard_link() {
            let target = entry.link_name().map_err(SourceError::Unpack)?;
            let target = target.map(|t| t.to_string_lossy().into_owned());
            if target.as_deref().is_none_or(|t| clean_rel_str(t).is_none()) {
                return Err(SourceError::Outside(name));
            }
        }
        let size = entry.size();
        entry.unpack_in(dir).map_err(SourceError::Unpack)?;
        // A file cut short by the stream's end is a broken upload, not a short file.
        if kind.is_file() {
            let got = fs::symlink_metadata(dir.join(&path)).map(|m| m.len()).ok();
            if got != Some(size) {
                return Err(SourceError::Unpack(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("{name}: the archive ends inside it"),
                )));
            }
        }
    }
    Ok(())
}

/// The Dockerfile an API client names (`dockerfile=`), found inside the context only.
pub fn dockerfile_in(context: &Path, name: &str) -> Result<PathBuf, BuildError> {
    let root = Root {
        dir: context.to_path_buf(),
        ignore: None,
    };
    root.resolve(name)
        .ok()
        .filter(|p| p.is_file())
        .ok_or_else(|| BuildError::Missing(name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn tar_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, data) in files {
            let mut h = tar::Header::new_gnu();
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            b.append_data(&mut h, name, *data).unwrap();
        }
        b.into_inner().unwrap()
    }

    fn tmp() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn every_compression_docker_sends_is_unpacked() {
        let plain = tar_of(&[("Dockerfile", b"FROM scratch\n"), ("a/b", b"x")]);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&plain).unwrap();
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(&plain).unwrap();
        let mut xz = xz2::write::XzEncoder::new(Vec::new(), 1);
        xz.write_all(&plain).unwrap();
        let zst = zstd::encode_all(&plain[..], 1).unwrap();
        for input in [
            plain.clone(),
            gz.finish().unwrap(),
            bz.finish().unwrap(),
            xz.finish().unwrap(),
            zst,
        ] {
            let u = unpack(tmp(), &input[..], false).unwrap();
            assert_eq!(u.kind, Kind::Archive);
            assert_eq!(fs::read(u.dir().join("a/b")).unwrap(), b"x");
        }
    }

    #[test]
    fn text_is_a_dockerfile_only_where_allowed() {
        let u = unpack(tmp(), &b"FROM busybox\nRUN true\n"[..], true).unwrap();
        assert_eq!(u.kind, Kind::Dockerfile);
        assert_eq!(
            fs::read_to_string(u.dir().join("Dockerfile")).unwrap(),
            "FROM busybox\nRUN true\n"
        );
        assert!(matches!(
            unpack(tmp(), &b"not a tar"[..], false),
            Err(SourceError::NotArchive)
        ));
        // Compressed garbage is never a Dockerfile.
        assert!(unpack(tmp(), &[0x1f, 0x8b, 1, 2, 3][..], true).is_err());
    }

    #[test]
    fn a_truncated_archive_is_an_error_but_missing_padding_is_not() {
        let plain = tar_of(&[("big", &[7u8; 4096])]);
        assert!(unpack(tmp(), &plain[..1024], false).is_err());
        // What `docker build -f -` sends: the last file without padding or end blocks.
        let plain = tar_of(&[("a", b"1"), ("Dockerfile", b"FROM scratch\n")]);
        let u = unpack(tmp(), &plain[..512 * 3 + 13], false).unwrap();
        assert_eq!(
            fs::read(u.dir().join("Dockerfile")).unwrap(),
            b"FROM scratch\n"
        );
    }

    #[test]
    fn links_out_of_the_context_are_refused() {
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Link);
        h.set_size(0);
        b.append_link(&mut h, "passwd", "../../etc/passwd").unwrap();
        let data = b.into_inner().unwrap();
        assert!(matches!(
            unpack(tmp(), &data[..], false),
            Err(SourceError::Outside(_))
        ));
    }

    #[test]
    fn the_named_dockerfile_must_be_in_the_context() {
        let t = tmp();
        fs::write(t.path().join("Dockerfile.dev"), "FROM scratch").unwrap();
        assert!(dockerfile_in(t.path(), "Dockerfile.dev").is_ok());
        assert!(dockerfile_in(t.path(), "missing").is_err());
        assert!(dockerfile_in(t.path(), "../../etc/passwd").is_err());
    }
}
