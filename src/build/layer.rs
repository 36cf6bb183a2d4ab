//! The layer tar of a COPY or ADD: the selected files under their destination, with the
//! owner and mode the instruction asks for. Every parent directory gets an entry: one the
//! image already has keeps that directory's owner and mode (in an overlay the upper
//! layer's directory wins, so an entry made up here would change it).

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// `--chown` and `--chmod`, resolved.
#[derive(Debug, Clone, Copy, Default)]
pub struct Attrs {
    pub owner: Option<(u32, u32)>,
    pub mode: Option<u32>,
}

pub struct LayerTar {
    b: tar::Builder<BufWriter<File>>,
    /// The image's filesystem as it is before this step (None: an empty one).
    lower: Option<PathBuf>,
    emitted: HashSet<String>,
    now: u64,
}

fn header(kind: tar::EntryType, mode: u32, owner: (u32, u32), mtime: u64) -> tar::Header {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_mode(mode & 0o7777);
    h.set_uid(owner.0.into());
    h.set_gid(owner.1.into());
    h.set_mtime(mtime);
    h.set_size(0);
    h
}

impl LayerTar {
    pub fn new(out: File, lower: Option<PathBuf>) -> LayerTar {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        LayerTar {
            b: tar::Builder::new(BufWriter::new(out)),
            lower,
            emitted: HashSet::new(),
            now,
        }
    }

    /// The image's own metadata for `rel`, if it has that path (not following symlinks).
    pub fn lower_meta(&self, rel: &str) -> Option<fs::Metadata> {
        let lower = self.lower.as_ref()?;
        fs::symlink_metadata(lower.join(rel)).ok()
    }

    /// Whether the image has `rel` as a directory (following symlinks inside it, enough
    /// for the usual `/usr/local/bin`-style destinations).
    pub fn lower_is_dir(&self, rel: &str) -> bool {
        let Some(lower) = &self.lower else {
            return false;
        };
        if rel.is_empty() {
            return true;
        }
        let root = super::context::Root {
            dir: lower.clone(),
            ignore: None,
        };
        root.resolve(rel).is_ok_and(|p| p.is_dir())
    }

    /// Entries for every directory above `rel` not written yet.
    fn parents(&mut self, rel: &str) -> io::Result<()> {
        let mut at = 0;
        while let Some(i) = rel[at..].find('/') {
            let dir = rel[..at + i].to_string();
            at += i + 1;
            if self.emitted.contains(&dir) {
                continue;
            }
            let h = match self.lower_meta(&dir).filter(|m| m.is_dir()) {
                Some(m) => header(
                    tar::EntryType::Directory,
                    m.mode(),
                    (m.uid(), m.gid()),
                    m.mtime().max(0) as u64,
                ),
                None => header(tar::EntryType::Directory, 0o755, (0, 0), self.now),
            };
            self.append(h, &dir, io::empty())?;
        }
        Ok(())
    }

    fn append(&mut self, mut h: tar::Header, rel: &str, data: impl Read) -> io::Result<()> {
        let name = if h.entry_type() == tar::EntryType::Directory {
            self.emitted.insert(rel.to_string());
            format!("{rel}/")
        } else {
            rel.to_string()
        };
        self.b.append_data(&mut h, name, data)
    }

    /// A directory the step creates (a COPY destination); an existing one keeps its
    /// metadata unless `--chown`/`--chmod` say otherwise.
    pub fn dir(&mut self, rel: &str, attrs: Attrs) -> io::Result<()> {
        if rel.is_empty() || self.emitted.contains(rel) {
            return Ok(());
        }
        self.parents(rel)?;
        let (mode, owner, mtime) = match self.lower_meta(rel).filter(|m| m.is_dir()) {
            Some(m) => (m.mode(), (m.uid(), m.gid()), m.mtime().max(0) as u64),
            None => (0o755, attrs.owner.unwrap_or((0, 0)), self.now),
        };
        let h = header(tar::EntryType::Directory, mode, owner, mtime);
        self.append(h, rel, io::empty())
    }

    /// `src` (file, directory or symlink, not followed) as `rel`.
    pub fn copy(&mut self, src: &Path, rel: &str, attrs: Attrs) -> io::Result<()> {
        self.parents(rel)?;
        let m = fs::symlink_metadata(src)?;
        let owner = attrs.owner.unwrap_or((0, 0));
        let mtime = m.mtime().max(0) as u64;
        let ft = m.file_type();
        if ft.is_symlink() {
            let mut h = header(tar::EntryType::Symlink, 0o777, owner, mtime);
            let target = fs::read_link(src)?;
            self.b.append_link(&mut h, rel, target)
        } else if ft.is_dir() {
            let mode = attrs.mode.unwrap_or(m.permissions().mode());
            self.append(
                header(tar::EntryType::Directory, mode, owner, mtime),
                rel,
                io::empty(),
            )
        } else if ft.is_file() {
            let mode = attrs.mode.unwrap_or(m.permissions().mode());
            let mut h = header(tar::EntryType::Regular, mode, owner, mtime);
            h.set_size(m.len());
            self.append(h, rel, File::open(src)?)
        } else {
            // Devices, fifos and sockets have no place in a build context.
            Ok(())
        }
    }

    /// A file with the given content (COPY's heredocs).
    pub fn data(&mut self, rel: &str, content: &[u8], attrs: Attrs) -> io::Result<()> {
        self.parents(rel)?;
        let mode = attrs.mode.unwrap_or(0o644);
        let mut h = header(
            tar::EntryType::Regular,
            mode,
            attrs.owner.unwrap_or((0, 0)),
            self.now,
        );
        h.set_size(content.len() as u64);
        self.append(h, rel, content)
    }

    /// The entries of a local archive (ADD's auto-extraction) under `dest`, with their own
    /// owners and modes.
    pub fn extract(&mut self, archive: &Path, dest: &str) -> io::Result<()> {
        let f = File::open(archive)?;
        let mut a = tar::Archive::new(crate::storage::compression::decompress(f)?);
        for e in a.entries()? {
            let mut e = e?;
            let path = e.path()?.into_owned();
            let Some(inner) = super::context::clean_rel_str(&path.to_string_lossy()) else {
                continue;
            };
            if inner.is_empty() {
                continue;
            }
            let rel = if dest.is_empty() {
                inner
            } else {
                format!("{dest}/{inner}")
            };
            self.parents(&rel)?;
            let mut h = e.header().clone();
            match h.entry_type() {
                tar::EntryType::Symlink | tar::EntryType::Link => {
                    let target = e.link_name()?.map(|t| t.into_owned()).unwrap_or_default();
                    self.b.append_link(&mut h, &rel, target)?;
                }
                tar::EntryType::Directory => self.append(h, &rel, io::empty())?,
                _ => self.append(h, &rel, &mut e)?,
            }
        }
        Ok(())
    }

    pub fn finish(self) -> io::Result<()> {
        let mut w = self.b.into_inner()?;
        io::Write::flush(&mut w)
    }
}

/// A copy of the layer tar `from` at `to` with every time in it (mtime, and the GNU
/// headers' atime and ctime) set to `mtime`: `--timestamp`'s reproducible layers. Headers
/// are copied raw, so long names, links and extended attributes stay as they were.
pub fn restamp(from: &Path, to: &Path, mtime: u64) -> io::Result<()> {
    let mut a = tar::Archive::new(io::BufReader::new(File::open(from)?));
    let mut b = tar::Builder::new(BufWriter::new(File::create(to)?));
    for e in a.entries()?.raw(true) {
        let mut e = e?;
        let mut h = e.header().clone();
        h.set_mtime(mtime);
        if let Some(g) = h.as_gnu_mut() {
            g.set_atime(mtime);
            g.set_ctime(mtime);
        }
        h.set_cksum();
        b.append(&h, &mut e)?;
    }
    let mut w = b.into_inner()?;
    io::Write::flush(&mut w)
}

/// Whether `path` starts like a tar archive, plain or compressed (ADD extracts those).
pub fn is_archive(path: &Path) -> bool {
    let Ok(f) = File::open(path) else {
        return false;
    };
    let Ok(r) = crate::storage::compression::decompress(f) else {
        return false;
    };
    let mut block = [0u8; 512];
    let mut r = r.take(512);
    let mut n = 0;
    while n < 512 {
        match r.read(&mut block[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    // The ustar magic at offset 257 ("ustar\0" POSIX, "ustar " GNU).
    n == 512 && &block[257..262] == b"ustar"
}
