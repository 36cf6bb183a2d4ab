//! What a container changed (`diff`, from its overlay upper dir) and its whole filesystem
//! as a tar stream (`export`).

use std::fs;
use std::io::{self, Write};

use std::path::{Path, PathBuf};

use crate::storage::whiteout::{is_opaque, is_whiteout};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Added,
    Changed,
    Deleted,
}

impl Kind {
    pub fn letter(self) -> char {
        match self {
            Kind::Added => 'A',
            Kind::Changed => 'C',
            Kind::Deleted => 'D',
        }
    }
}

/// One entry of `GET /containers/{id}/changes`: Docker's kinds are 0 modified, 1 added,
/// 2 deleted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Change {
    pub path: String,
    pub kind: u8,
}

impl From<&(Kind, String)> for Change {
    fn from((kind, path): &(Kind, String)) -> Change {
        Change {
            path: path.clone(),
            kind: match kind {
                Kind::Changed => 0,
                Kind::Added => 1,
                Kind::Deleted => 2,
            },
        }
    }
}

impl super::Engine {
    /// What the container changed against its image, path order. The files made only to
    /// be mount points (cove's /etc/hosts, /etc/hostname, /etc/resolv.conf, volume and
    /// bind targets) are not the container's changes; Podman and Docker leave them out too.
    pub fn changes(&self, c: &super::Container) -> super::Result<Vec<(Kind, String)>> {
        // No image to compare with: Podman reports no changes for a --rootfs container.
        if c.config.rootfs.is_some() {
            return Ok(Vec::new());
        }
        let upper = self.container_dir(&c.id).join("upper");
        let mut changes = diff(&upper, &self.image_layers(c)?)
            .map_err(super::io_err(format!("reading the changes of {}", c.name)))?;
        let mount_point =
            |p: &str| MANAGED.contains(&p) || c.config.mounts.iter().any(|m| m.destination == p);
        changes.retain(|(k, p)| !(*k == Kind::Added && mount_point(p)));
        Ok(changes)
    }
}

/// Files cove bind-mounts into every container.
const MANAGED: [&str; 4] = [
    "/etc/hostname",
    "/etc/hosts",
    "/etc/resolv.conf",
    "/run/.containerenv",
];

/// Changes recorded in `upper`, judged against the image's layer dirs (`lowers`, any
/// order): present below means changed, absent means added; whiteouts are deletions.
pub fn diff(upper: &Path, lowers: &[PathBuf]) -> io::Result<Vec<(Kind, String)>> {
    let mut out = Vec::new();
    // A container never started has no upper directory yet: nothing changed.
    if !upper.exists() {
        return Ok(out);
    }
    walk(upper, Path::new("/"), lowers, &mut out)?;
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

fn walk(
    dir: &Path,
    rel: &Path,
    lowers: &[PathBuf],
    out: &mut Vec<(Kind, String)>,
) -> io::Result<()> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for e in entries {
        let e = e?;
        let m = fs::symlink_metadata(e.path())?;
        let path = rel.join(e.file_name());
        let below = lowers
            .iter()
            .any(|l| fs::symlink_metadata(l.join(path.strip_prefix("/").unwrap_or(&path))).is_ok());
        let kind = if is_whiteout(&m) {
            Kind::Deleted
        } else if below {
            Kind::Changed
        } else {
            Kind::Added
        };
        out.push((kind, path.display().to_string()));
        if m.is_dir() {
            walk(&e.path(), &path, lowers, out)?;
        }
    }
    Ok(())
}

/// The upper dir as an OCI layer tar (`commit`): overlay whiteouts become `.wh.NAME`
/// files, opaque directories get `.wh..wh..opq`.
pub fn layer_tar(upper: &Path, out: impl Write) -> io::Result<()> {
    let mut b = tar::Builder::new(out);
    b.follow_symlinks(false);
    b.mode(tar::HeaderMode::Complete);
    if upper.exists() {
        add_layer_dir(&mut b, upper, Path::new(""))?;
    }
    b.finish()
}

fn add_layer_dir<W: Write>(b: &mut tar::Builder<W>, dir: &Path, rel: &Path) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let name = rel.join(e.file_name());
        let m = fs::symlink_metadata(&path)?;
        if is_whiteout(&m) {
            let mut h = tar::Header::new_gnu();
            h.set_size(0);
            h.set_mode(0o644);
            h.set_entry_type(tar::EntryType::Regular);
            let wh = rel.join(format!(".wh.{}", e.file_name().to_string_lossy()));
            b.append_data(&mut h, wh, io::empty())?;
            continue;
        }
        b.append_path_with_name(&path, &name)?;
        if m.is_dir() {
            if is_opaque(&path).unwrap_or(false) {
                let mut h = tar::Header::new_gnu();
                h.set_size(0);
                h.set_mode(0o644);
                h.set_entry_type(tar::EntryType::Regular);
                b.append_data(&mut h, name.join(".wh..wh..opq"), io::empty())?;
            }
            add_layer_dir(b, &path, &name)?;
        }
    }
    Ok(())
}

/// Write `root` as a tar stream: owners, modes, symlinks and hardlinks kept, nothing
/// followed.
pub fn export(root: &Path, out: impl Write) -> io::Result<()> {
    let mut b = tar::Builder::new(out);
    b.follow_symlinks(false);
    b.mode(tar::HeaderMode::Complete);
    // In name order, as Podman's walk gives them: a merged directory lists its layers'
    // entries in an order that changes with the layers.
    let mut entries = fs::read_dir(root)?.collect::<io::Result<Vec<_>>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        let path = e.path();
        if e.file_type()?.is_dir() {
            b.append_dir_all(&name, &path)?;
        } else {
            b.append_path_with_name(&path, &name)?;
        }
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_changed() {
        let lower = tempfile::tempdir().unwrap();
        let upper = tempfile::tempdir().unwrap();
        fs::create_dir(lower.path().join("etc")).unwrap();
        fs::write(lower.path().join("etc/passwd"), "x").unwrap();
        fs::create_dir(upper.path().join("etc")).unwrap();
        fs::write(upper.path().join("etc/passwd"), "y").unwrap();
        fs::write(upper.path().join("new"), "z").unwrap();
        let d = diff(upper.path(), &[lower.path().to_path_buf()]).unwrap();
        assert_eq!(
            d,
            vec![
                (Kind::Changed, "/etc".to_string()),
                (Kind::Changed, "/etc/passwd".to_string()),
                (Kind::Added, "/new".to_string()),
            ]
        );
    }

    #[test]
    fn export_round_trips() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join("d")).unwrap();
        fs::write(root.path().join("d/f"), "hi").unwrap();
        std::os::unix::fs::symlink("/etc/shadow", root.path().join("l")).unwrap();
        let mut buf = Vec::new();
        export(root.path(), &mut buf).unwrap();
        let mut names: Vec<String> = tar::Archive::new(&buf[..])
            .entries()
            .unwrap()
            .map(|e| e.unwrap().path().unwrap().display().to_string())
            .collect();
        names.sort();
        assert_eq!(names, vec!["d/", "d/f", "l"]);
    }
}
