//! `--output` (`-o`): the built image's filesystem written out besides being stored, as
//! Podman does: `type=local,dest=DIR` (a bare path means that) unpacks it into a
//! directory, `type=tar,dest=FILE` writes it as one tar.

use std::path::{Path, PathBuf};

use super::BuildError;
use crate::container::Engine;
use crate::storage::db::ImageRecord;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Local(PathBuf),
    Tar(PathBuf),
}

impl std::str::FromStr for Output {
    type Err = String;
    fn from_str(s: &str) -> Result<Output, String> {
        if !s.contains('=') {
            return match s {
                "" => Err("invalid --output \"\": use type=local,dest=DIR, type=tar,dest=FILE or a directory".into()),
                "-" => Err("invalid --output -: writing the image to stdout is not supported: use type=tar,dest=FILE".into()),
                dir => Ok(Output::Local(PathBuf::from(dir))),
            };
        }
        let (mut kind, mut dest) = (None, None);
        for part in s.split(',') {
            match part.split_once('=') {
                Some(("type", t)) => kind = Some(t.to_string()),
                Some(("dest", d)) if !d.is_empty() => dest = Some(PathBuf::from(d)),
                _ => return Err(format!("invalid --output {s:?}: unknown option {part:?} (use type=local|tar,dest=PATH)")),
            }
        }
        let dest = dest.ok_or_else(|| format!("invalid --output {s:?}: dest= is required"))?;
        if dest == Path::new("-") {
            return Err(format!(
                "invalid --output {s:?}: writing the image to stdout is not supported: give a file"
            ));
        }
        match kind.as_deref() {
            Some("local") => Ok(Output::Local(dest)),
            Some("tar") => Ok(Output::Tar(dest)),
            Some(other) => Err(format!(
                "invalid --output {s:?}: type {other:?} is not supported (use local or tar)"
            )),
            None => Err(format!(
                "invalid --output {s:?}: type= is required (local or tar)"
            )),
        }
    }
}

/// Write `img`'s filesystem where `out` says.
pub fn export(engine: &Engine, img: &ImageRecord, out: &Output) -> Result<(), BuildError> {
    let io_err = |path: &Path| {
        let path = path.display().to_string();
        move |source| BuildError::Read { path, source }
    };
    match out {
        Output::Tar(file) => super::squash::flat_tar(engine, img, file),
        Output::Local(dir) => {
            let tmp = engine.store.tmp_dir()?;
            let tar = tmp.path().join("rootfs.tar");
            super::squash::flat_tar(engine, img, &tar)?;
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
            let f = std::fs::File::open(&tar).map_err(io_err(&tar))?;
            let mut a = tar::Archive::new(f);
            a.set_preserve_permissions(true);
            a.set_overwrite(true);
            a.unpack(dir).map_err(io_err(dir))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_specs() {
        assert_eq!("out".parse(), Ok(Output::Local("out".into())));
        assert_eq!(
            "type=tar,dest=/tmp/x.tar".parse(),
            Ok(Output::Tar("/tmp/x.tar".into()))
        );
        assert_eq!("type=local,dest=d".parse(), Ok(Output::Local("d".into())));
        assert!("type=registry,dest=x"
            .parse::<Output>()
            .unwrap_err()
            .contains("not supported"));
        assert!("type=tar".parse::<Output>().unwrap_err().contains("dest="));
    }
}
