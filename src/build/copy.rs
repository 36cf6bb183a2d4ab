//! COPY and ADD: sources from the context (minus the ignore file), from an earlier stage
//! or from an image (`--from`), or heredocs; placed by Docker's rules (a directory's
//! contents, not the directory; into a destination that ends in `/` or already is a
//! directory; several sources need a directory); `--chown` by name or ID resolved in the
//! image's own /etc/passwd and /etc/group, `--chmod`; ADD unpacks local tar archives.

use std::path::{Path, PathBuf};

use super::cache;
use super::context::{self, Root, Selected};
use super::dockerfile::{Kind, Source, Step};
use super::layer::{self, Attrs, LayerTar};
use super::run::{add_layer, adopt};
use super::stage::{Builder, State};
use super::subst::{self, Vars};
use super::BuildError;
use crate::container::Engine;
use crate::storage::db::ImageRecord;

/// An image's filesystem mounted read-only for the step; unmounted when dropped.
pub(super) struct Mounted<'e> {
    engine: &'e Engine,
    pub target: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        let _ = self.engine.driver.unmount(&self.target);
    }
}

pub(super) fn mount_image<'e>(
    engine: &'e Engine,
    img: &ImageRecord,
) -> Result<Option<Mounted<'e>>, BuildError> {
    if img.layers.is_empty() {
        return Ok(None);
    }
    let layers = img
        .layers
        .iter()
        .map(|l| engine.store.layer_dir(&l.diff_id))
        .collect::<Result<Vec<_>, _>>()?;
    let dir = engine.store.tmp_dir()?;
    let target = dir.path().join("rootfs");
    std::fs::create_dir(&target).map_err(|source| BuildError::Read {
        path: target.display().to_string(),
        source,
    })?;
    engine
        .driver
        .mount(&layers, None, &target)
        .map_err(|e| BuildError::Read {
            path: target.display().to_string(),
            source: std::io::Error::other(e.to_string()),
        })?;
    Ok(Some(Mounted {
        engine,
        target,
        _dir: dir,
    }))
}

/// What one source contributes: the selection and, for a directory, what is inside.
struct Item {
    sel: Selected,
    inner: Vec<(PathBuf, String)>,
    /// Downloaded (ADD of a URL): never unpacked.
    remote: bool,
}

fn owner(spec: &str, lower: Option<&Path>) -> Result<(u32, u32), String> {
    let (u, g) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let num = |s: &str| s.parse::<u32>().ok();
    if let (Some(uid), Some(gid)) = (num(u), g.map(num).unwrap_or(num(u))) {
        return Ok((uid, gid));
    }
    let empty = tempfile::tempdir().map_err(|e| e.to_string())?;
    let root = lower.unwrap_or(empty.path());
    let r = crate::container::user::resolve(root, spec).map_err(|e| e.to_string())?;
    // `--chown=name` alone takes the user's primary group, as the passwd entry says.
    Ok((r.uid, r.gid))
}

pub(super) fn copy(b: &mut Builder<'_>, st: &mut State, step: &Step) -> Result<(), BuildError> {
    let Kind::Copy {
        add,
        flags,
        sources,
        dest,
    } = &step.kind
    else {
        return Err(b.err(step, "expected COPY"));
    };
    let env = st.env();
    let vars = Vars {
        env: &env,
        args: &st.args,
    };
    let esc = b.df.escape;
    let word = |s: &str| subst::word(s, &vars, esc).map_err(|e| b.err(step, e));
    let (mut from, mut chown, mut chmod) = (None, None, None);
    for (name, value) in flags {
        let value = word(value.as_deref().unwrap_or(""))?;
        match name.as_str() {
            "from" if !add => from = Some(value),
            "chown" => chown = Some(value),
            "chmod" => chmod = Some(value),
            "link" => {}
            other => return Err(b.err(step, format!("unknown flag: --{other}"))),
        }
    }
    let dest = word(dest)?;
    let mode = chmod
        .as_deref()
        .map(|m| {
            u32::from_str_radix(m, 8).map_err(|_| {
                b.err(
                    step,
                    format!("invalid --chmod {m:?}: expected an octal mode"),
                )
            })
        })
        .transpose()?;

    // Where the sources come from.
    // `--build-context NAME=DIR` is a second context; `NAME=docker-image://REF` an image.
    let named = from
        .as_ref()
        .filter(|f| b.stage_image(f).is_none())
        .and_then(|f| b.req.contexts.get(f));
    let named_dir = match named {
        Some(super::NamedContext::Dir(d)) => Some(d.clone()),
        _ => None,
    };
    let from = match named {
        Some(super::NamedContext::Image(r)) => Some(r.clone()),
        Some(super::NamedContext::Dir(_)) => None,
        None => from,
    };
    let source_img = match &from {
        None => None,
        Some(f) => {
            let id = match b.stage_image(f) {
                Some(id) => id,
                None => b.images.resolve(f).map_err(|e| b.err(step, e))?,
            };
            Some(b.engine.store.find(&id)?)
        }
    };
    let source_mount = match &source_img {
        Some(img) => mount_image(b.engine, img)?,
        None => None,
    };
    let empty = tempfile::tempdir().map_err(|e| b.err(step, e))?;
    let root = match (&source_img, &source_mount) {
        (None, _) if named_dir.is_some() => Root {
            dir: named_dir.clone().unwrap_or_default(),
            ignore: None,
        },
        (None, _) => Root {
            dir: b.context.dir.clone(),
            ignore: b.context.ignore.clone(),
        },
        (Some(_), Some(m)) => Root {
            dir: m.target.clone(),
            ignore: None,
        },
        (Some(_), None) => Root {
            dir: empty.path().to_path_buf(),
            ignore: None,
        },
    };

    let downloads = b.engine.store.tmp_dir()?;
    let mut items = Vec::new();
    let mut docs = Vec::new();
    let mut wildcard = false;
    let mut key_parts = Vec::new();
    for s in sources {
        match s {
            Source::Path(p) => {
                let p = word(p)?;
                if super::fetch::is_url(&p) && *add && from.is_none() {
                    let got =
                        super::fetch::fetch(&p, downloads.path()).map_err(|e| b.err(step, e))?;
                    key_parts.push(format!("{p} {:?}", got.mtime));
                    items.push(Item {
                        sel: Selected {
                            path: got.path,
                            rel: got.name,
                            is_dir: false,
                        },
                        inner: Vec::new(),
                        remote: true,
                    });
                    continue;
                }
                if super::fetch::is_url(&p) || p.starts_with("git@") {
                    return Err(b.err(step, format!("{p}: source can't be a URL for COPY")));
                }
                wildcard |= p.contains(['*', '?', '[']);
                for sel in root.select(&p).map_err(|e| b.err(step, e))? {
                    let inner = if sel.is_dir {
                        root.walk(&sel).map_err(|e| b.err(step, e))?
                    } else {
                        Vec::new()
                    };
                    items.push(Item {
                        sel,
                        inner,
                        remote: false,
                    });
                }
            }
            Source::HereDoc(h) => {
                let body = if h.expand {
                    word(&h.body)?
                } else {
                    h.body.clone()
                };
                key_parts.push(body.clone());
                docs.push(body);
            }
        }
    }
    let mut listed: Vec<(PathBuf, String)> = Vec::new();
    for it in &items {
        listed.push((it.sel.path.clone(), it.sel.rel.clone()));
        for (p, r) in &it.inner {
            listed.push((p.clone(), format!("{}/{r}", it.sel.rel)));
        }
    }
    let sum = context::checksum(&listed).map_err(|e| b.err(step, e))?;
    let spec = format!("{from:?} {chown:?} {chmod:?} {dest}");
    let key = cache::key(
        &st.key,
        &[
            &step.text,
            &Builder::args_text(st),
            &spec,
            &sum,
            &key_parts.join("\0"),
        ],
    );
    if let Some(img) = b.cached(&key) {
        adopt(b, st, step, img)?;
        st.key = key;
        return Ok(());
    }
    drop(root);

    // The image as it is, for the destination's existing directories and --chown names.
    let lower = match &st.image {
        Some(img) => mount_image(b.engine, img)?,
        None => None,
    };
    let lower_path = lower.as_ref().map(|m| m.target.clone());
    let attrs = Attrs {
        owner: chown
            .as_deref()
            .map(|c| owner(c, lower_path.as_deref()))
            .transpose()
            .map_err(|e| b.err(step, e))?,
        mode,
    };
    let workdir = st.string("WorkingDir").unwrap_or_else(|| "/".into());
    let abs = if dest.starts_with('/') {
        dest.clone()
    } else {
        format!("{}/{dest}", workdir.trim_end_matches('/'))
    };
    let dest_rel = context::clean_rel_str(&abs).unwrap_or_default();
    let tmp = b.engine.store.tmp_dir()?;
    let tar_path = tmp.path().join("layer.tar");
    let file = std::fs::File::create(&tar_path).map_err(|e| b.err(step, e))?;
    let mut tar = LayerTar::new(file, lower_path.clone());
    let several = items.len() + docs.len() > 1 || wildcard;
    let into_dir = dest.ends_with('/') || dest == "." || several || tar.lower_is_dir(&dest_rel);
    if several && !(dest.ends_with('/') || tar.lower_is_dir(&dest_rel)) {
        return Err(b.err(
            step,
            "when using COPY with more than one source file, the destination must be a directory and end with a /",
        ));
    }
    let join = |base: &str, name: &str| {
        if base.is_empty() {
            name.to_string()
        } else {
            format!("{base}/{name}")
        }
    };
    let io = |e: std::io::Error| b.err(step, format!("writing the layer: {e}"));
    for it in &items {
        if it.sel.is_dir {
            tar.dir(&dest_rel, attrs).map_err(io)?;
            for (p, r) in &it.inner {
                tar.copy(p, &join(&dest_rel, r), attrs).map_err(io)?;
            }
        } else if *add && !it.remote && layer::is_archive(&it.sel.path) {
            tar.dir(&dest_rel, attrs).map_err(io)?;
            tar.extract(&it.sel.path, &dest_rel).map_err(io)?;
        } else {
            let target = if into_dir {
                let name = Path::new(&it.sel.rel)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                join(&dest_rel, &name)
            } else {
                dest_rel.clone()
            };
            tar.copy(&it.sel.path, &target, attrs).map_err(io)?;
        }
    }
    for body in &docs {
        tar.data(&dest_rel, body.as_bytes(), attrs).map_err(io)?;
    }
    tar.finish().map_err(io)?;
    drop(lower);
    drop(source_mount);
    let what = if *add { "ADD" } else { "COPY" };
    let kind = if items.len() == 1 && items[0].sel.is_dir {
        "dir"
    } else {
        "file"
    };
    let created_by = format!("/bin/sh -c #(nop) {what} {kind}:{sum} in {dest} ");
    add_layer(b, st, step, &tar_path, &created_by, &key)?;
    let id = st.image.as_ref().map(|i| i.id.clone()).unwrap_or_default();
    b.remember(&key, &id);
    b.say(format!("--> {}", super::stage::short(&id)));
    Ok(())
}

/// WORKDIR's directory, made (with its missing parents) when the image does not have it,
/// owned by the stage's USER as BuildKit and Buildah make it; true if a layer was added.
pub(super) fn workdir(
    b: &mut Builder<'_>,
    st: &mut State,
    step: &Step,
    key: &str,
) -> Result<bool, BuildError> {
    let dir = st.string("WorkingDir").unwrap_or_default();
    let Some(rel) = context::clean_rel_str(&dir).filter(|r| !r.is_empty()) else {
        return Ok(false);
    };
    let layers = st
        .image
        .iter()
        .flat_map(|i| &i.layers)
        .map(|l| b.engine.store.layer_dir(&l.diff_id))
        .collect::<Result<Vec<_>, _>>()?;
    // Most WORKDIRs name a directory a layer has as such: no need to mount for those.
    if layers.iter().any(|l| l.join(&rel).is_dir()) {
        return Ok(false);
    }
    if let Some(img) = b.cached(key) {
        adopt(b, st, step, img)?;
        st.key = key.to_string();
        return Ok(true);
    }
    let lower = match &st.image {
        Some(img) => mount_image(b.engine, img)?,
        None => None,
    };
    let lower_path = lower.as_ref().map(|m| m.target.clone());
    let tmp = b.engine.store.tmp_dir()?;
    let tar_path = tmp.path().join("layer.tar");
    let file = std::fs::File::create(&tar_path).map_err(|e| b.err(step, e))?;
    let mut tar = LayerTar::new(file, lower_path.clone());
    if tar.lower_is_dir(&rel) {
        return Ok(false);
    }
    let owner = st
        .string("User")
        .map(|u| owner(&u, lower_path.as_deref()))
        .transpose()
        .map_err(|e| b.err(step, e))?;
    let attrs = Attrs { owner, mode: None };
    let io = |e: std::io::Error| b.err(step, format!("writing the layer: {e}"));
    tar.dir(&rel, attrs).map_err(io)?;
    tar.finish().map_err(io)?;
    drop(lower);
    let created_by = format!("/bin/sh -c #(nop) {}", step.text);
    add_layer(b, st, step, &tar_path, &created_by, key)?;
    let id = st.image.as_ref().map(|i| i.id.clone()).unwrap_or_default();
    b.remember(key, &id);
    b.say(format!("--> {}", super::stage::short(&id)));
    Ok(true)
}
