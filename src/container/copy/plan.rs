//! Where a copy lands, by Podman's (and Docker's) rules: into an existing directory under
//! the source's name; over an existing file under that file's name; as a new name in an
//! existing parent; `SRC/.` copies a directory's content.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The destination as found before copying (paths resolved inside its root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Dest {
    Dir(PathBuf),
    File(PathBuf),
    /// Not there yet: `name` in the directory `parent`.
    Missing {
        parent: PathBuf,
        name: OsString,
    },
}

/// The directory to unpack into and the name the source gets there (None: the source
/// directory's content goes straight in).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Plan {
    pub into: PathBuf,
    pub name: Option<OsString>,
}

/// The source is a directory and the destination an existing non-directory.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct DirOntoFile;

/// `src_name`: the name the source takes in a directory (None for `SRC/.`).
pub(super) fn plan(
    src_name: Option<OsString>,
    src_is_dir: bool,
    dest: Dest,
) -> Result<Plan, DirOntoFile> {
    match dest {
        Dest::Dir(into) => Ok(Plan {
            into,
            name: src_name,
        }),
        Dest::File(_) if src_is_dir => Err(DirOntoFile),
        Dest::File(file) => Ok(Plan {
            into: file.parent().unwrap_or(Path::new("/")).to_path_buf(),
            name: file.file_name().map(|n| n.to_os_string()),
        }),
        // `SRC/.` onto a new name copies the directory itself under that name.
        Dest::Missing { parent, name } => Ok(Plan {
            into: parent,
            name: Some(name),
        }),
    }
}

/// Whether a path as typed asks for a directory's content (`SRC/.`, `.`).
pub(super) fn content_only(path: &str) -> bool {
    path == "." || path.ends_with("/.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    #[test]
    fn plans_follow_podman_cp() {
        // Into an existing directory, under the source's name.
        assert_eq!(
            plan(Some("hosts".into()), false, Dest::Dir(p("/tmp"))).unwrap(),
            Plan {
                into: p("/tmp"),
                name: Some("hosts".into())
            }
        );
        // To a new name in an existing parent, a directory's content included.
        for src in [Some("etc".into()), None] {
            assert_eq!(
                plan(
                    src,
                    true,
                    Dest::Missing {
                        parent: p("/tmp"),
                        name: "copy".into()
                    }
                )
                .unwrap(),
                Plan {
                    into: p("/tmp"),
                    name: Some("copy".into())
                }
            );
        }
        // Over an existing file, under its name.
        assert_eq!(
            plan(Some("a.txt".into()), false, Dest::File(p("/x/b.txt"))).unwrap(),
            Plan {
                into: p("/x"),
                name: Some("b.txt".into())
            }
        );
        // SRC/. into an existing directory copies the content.
        assert_eq!(
            plan(None, true, Dest::Dir(p("/dst"))).unwrap(),
            Plan {
                into: p("/dst"),
                name: None
            }
        );
        assert_eq!(
            plan(Some("etc".into()), true, Dest::File(p("/x/file"))),
            Err(DirOntoFile)
        );
        assert!(content_only("/srv/.") && content_only(".") && !content_only("/srv/.x"));
    }
}
