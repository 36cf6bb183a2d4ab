//! RUN's flags: `--mount=type=cache|bind|tmpfs|secret,...` and `--network`, as BuildKit
//! reads them, turned into the step container's mounts and network. What backs a mount
//! lives as long as the `RunMounts` value: a context selection copied out, a stage's
//! filesystem mounted, a secret's private copy, a cache directory's lock.
//!
//! Mount points the runtime had to create are not the step's work: `tidy` takes them
//! out of the container's upper directory before it becomes a layer, so a cache, a
//! secret or a bind leaves nothing in the image (as with Podman and BuildKit).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::cache;
use super::context::{clean_rel_str, Root};
use super::copy::{mount_image, Mounted};
use super::stage::Builder;
use crate::container::record::{MountKind, MountSpec};
use crate::network::NetworkMode;
use crate::storage::db::ImageRecord;

/// What the flags of one RUN step ask for, ready to hand to `create`.
#[derive(Default)]
pub(super) struct RunMounts<'e> {
    pub specs: Vec<MountSpec>,
    pub network: Option<NetworkMode>,
    /// Text for the step's cache key: what the mounted content depends on (a bind
    /// source's checksum, a stage's image), never a secret's content.
    pub key: String,
    /// The container paths mounted on, for `tidy`.
    pub targets: Vec<String>,
    tmp: Vec<tempfile::TempDir>,
    mounted: Vec<Mounted<'e>>,
    /// Held for `sharing=locked|private` cache mounts until the step is done.
    locks: Vec<nix::fcntl::Flock<File>>,
}

/// `k=v,k2,...` of one `--mount`, in order; a bare key is `true`.
fn options(spec: &str) -> Vec<(String, String)> {
    spec.split(',')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), v.to_string()),
            None => (p.trim().to_ascii_lowercase(), "true".to_string()),
        })
        .collect()
}

fn boolean(key: &str, v: &str) -> Result<bool, String> {
    match v {
        "true" | "1" | "" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(format!("{key}={v}: expected true or false")),
    }
}

fn number(key: &str, v: &str, radix: u32) -> Result<u32, String> {
    u32::from_str_radix(v, radix).map_err(|_| format!("{key}={v}: invalid number"))
}

fn absolute(target: &str, workdir: &str) -> String {
    if target.starts_with('/') {
        target.to_string()
    } else {
        format!("{}/{target}", workdir.trim_end_matches('/'))
    }
}

/// The fields every mount type shares, read from its options.
#[derive(Default)]
struct Parsed {
    kind: String,
    target: String,
    source: String,
    from: Option<String>,
    id: Option<String>,
    rw: Option<bool>,
    sharing: String,
    uid: Option<u32>,
    gid: Option<u32>,
    mode: Option<u32>,
    size: Option<String>,
    required: bool,
}

fn parse(spec: &str) -> Result<Parsed, String> {
    let mut p = Parsed {
        kind: "bind".into(),
        sharing: "shared".into(),
        ..Default::default()
    };
    for (k, v) in options(spec) {
        match k.as_str() {
            "type" => p.kind = v,
            "target" | "dst" | "destination" => p.target = v,
            "source" | "src" => p.source = v,
            "from" => p.from = Some(v),
            "id" => p.id = Some(v),
            "rw" | "readwrite" => p.rw = Some(boolean(&k, &v)?),
            "ro" | "readonly" => p.rw = Some(!boolean(&k, &v)?),
            "sharing" => match v.as_str() {
                "shared" | "private" | "locked" => p.sharing = v,
                _ => return Err(format!("sharing={v}: use shared, private or locked")),
            },
            "uid" => p.uid = Some(number(&k, &v, 10)?),
            "gid" => p.gid = Some(number(&k, &v, 10)?),
            "mode" => p.mode = Some(number(&k, &v, 8)?),
            "size" | "tmpfs-size" => p.size = Some(v),
            "required" => p.required = boolean(&k, &v)?,
            // Labels for other platforms' mounts: no effect here.
            "relabel" | "z" | "bind-propagation" => {}
            other => return Err(format!("unknown mount option {other:?}")),
        }
    }
    Ok(p)
}

impl<'e> RunMounts<'e> {
    /// Read RUN's flags (values already substituted), preparing each mount's source.
    pub fn prepare(
        b: &Builder<'e>,
        flags: &[(String, String)],
        workdir: &str,
    ) -> Result<RunMounts<'e>, String> {
        let mut m = RunMounts::default();
        for (name, value) in flags {
            match name.as_str() {
                "mount" => m.add(b, value, workdir)?,
                "network" => {
                    m.network = match value.as_str() {
                        "default" => None,
                        "none" => Some(NetworkMode::None),
                        "host" => Some(NetworkMode::Host),
                        other => {
                            return Err(format!("--network={other}: use none, host or default"))
                        }
                    }
                }
                other => {
                    return Err(format!(
                        "unknown flag: --{other} (RUN takes --mount and --network)"
                    ))
                }
            }
        }
        Ok(m)
    }

    fn add(&mut self, b: &Builder<'e>, spec: &str, workdir: &str) -> Result<(), String> {
        let p = parse(spec).map_err(|e| format!("--mount={spec}: {e}"))?;
        let kind = p.kind.clone();
        let target = match (&*p.target, kind.as_str(), &p.id) {
            ("", "secret", Some(id)) => format!("/run/secrets/{id}"),
            ("", _, _) => return Err(format!("--mount={spec}: target is required")),
            (t, _, _) => absolute(t, workdir),
        };
        if clean_rel_str(&target).is_none_or(|r| r.is_empty()) {
            return Err(format!("--mount={spec}: invalid target {target:?}"));
        }
        let (source, options) = match kind.as_str() {
            "cache" => self.cache(b, &p, &target)?,
            "bind" => self.bind(b, &p)?,
            "secret" => match self.secret(b, &p, &target)? {
                Some(s) => s,
                // An optional secret not given: no mount, as BuildKit does it.
                None => return Ok(()),
            },
            "tmpfs" => {
                let mut o = vec!["nosuid".to_string(), "nodev".to_string()];
                o.extend(p.size.as_ref().map(|s| format!("size={s}")));
                self.push(MountKind::Tmpfs, "tmpfs".into(), target, o);
                return Ok(());
            }
            other => return Err(format!("--mount={spec}: invalid mount type {other:?}")),
        };
        self.push(MountKind::Bind, source, target, options);
        Ok(())
    }

    fn push(&mut self, kind: MountKind, source: String, target: String, options: Vec<String>) {
        self.targets.push(target.clone());
        self.specs.push(MountSpec {
            kind,
            source,
            destination: target,
            options,
        });
    }

    fn cache(
        &mut self,
        b: &Builder<'e>,
        p: &Parsed,
        target: &str,
    ) -> Result<(String, Vec<String>), String> {
        if p.from.is_some() {
            return Err("type=cache: from= is not supported".into());
        }
        let id = p.id.clone().unwrap_or_else(|| target.to_string());
        let base = b.engine.paths.data.join("build-cache-mounts");
        crate::paths::ensure_private_dir(&base).map_err(|e| e.to_string())?;
        let dir = base.join(cache::key("cache-mount", &[&id]));
        if !dir.exists() {
            // Made whole under a temporary name, so a concurrent build sees it ready.
            let tmp = base.join(format!(".new.{}", std::process::id()));
            let _ = fs::remove_dir_all(&tmp);
            fs::create_dir(&tmp).map_err(|e| format!("creating cache {id:?}: {e}"))?;
            let mode = p.mode.unwrap_or(0o755);
            std::os::unix::fs::chown(&tmp, Some(p.uid.unwrap_or(0)), Some(p.gid.unwrap_or(0)))
                .and_then(|_| fs::set_permissions(&tmp, fs::Permissions::from_mode(mode)))
                .map_err(|e| format!("creating cache {id:?}: {e}"))?;
            if fs::rename(&tmp, &dir).is_err() {
                let _ = fs::remove_dir_all(&tmp);
            }
        }
        if p.sharing != "shared" {
            // `private` waits like `locked`: one step at a time sees the cache.
            let lock = crate::paths::lock_file(&dir.with_extension("lock"))
                .map_err(|e| format!("locking cache {id:?}: {e}"))?;
            self.locks.push(lock);
        }
        let mode = if p.rw == Some(false) { "ro" } else { "rw" };
        Ok((dir.display().to_string(), vec!["rbind".into(), mode.into()]))
    }

    /// A stage's or an image's filesystem, mounted read-only for the step.
    fn image_root(&mut self, b: &Builder<'e>, from: &str) -> Result<Option<PathBuf>, String> {
        let id = match b.stage_image(from) {
            Some(id) => id,
            None => b
                .images
                .resolve(from)
                .map_err(|e| format!("from={from}: no stage or image found with that name: {e}"))?,
        };
        let img: ImageRecord = b.engine.store.find(&id).map_err(|e| e.to_string())?;
        self.key.push_str(&format!("\0from={from}={id}"));
        let m = mount_image(b.engine, &img).map_err(|e| e.to_string())?;
        Ok(m.map(|m| {
            let t = m.target.clone();
            self.mounted.push(m);
            t
        }))
    }

    fn bind(&mut self, b: &Builder<'e>, p: &Parsed) -> Result<(String, Vec<String>), String> {
        let rw = p.rw == Some(true);
        let src = if p.source.is_empty() { "." } else { &p.source };
        let tmp = b.engine.store.tmp_dir().map_err(|e| e.to_string())?;
        let copy = tmp.path().join("src");
        let source = match &p.from {
            Some(from) => {
                let root = match self.image_root(b, from)? {
                    Some(r) => r,
                    None => tmp.path().to_path_buf(),
                };
                let root = Root {
                    dir: root,
                    ignore: None,
                };
                let path = root.resolve(src).map_err(|e| e.to_string())?;
                if !path.exists() {
                    return Err(format!("source={src}: no such file or directory in {from}"));
                }
                if rw {
                    copy_tree(&path, &copy, false).map_err(|e| e.to_string())?;
                    copy
                } else {
                    path
                }
            }
            None => {
                // The context as COPY sees it: the ignore file applies, nothing outside.
                let root = &b.context;
                let sel = root.select(src).map_err(|e| e.to_string())?;
                let [sel] = sel.as_slice() else {
                    return Err(format!("source={src}: names more than one file"));
                };
                let entries = if sel.is_dir {
                    root.walk(sel).map_err(|e| e.to_string())?
                } else {
                    Vec::new()
                };
                let mut listed = vec![(sel.path.clone(), String::new())];
                listed.extend(entries.iter().cloned());
                let sum = super::context::checksum(&listed).map_err(|e| e.to_string())?;
                self.key.push_str(&format!("\0bind={src}={sum}"));
                if sel.is_dir {
                    fs::create_dir(&copy).map_err(|e| e.to_string())?;
                    for (path, rel) in &entries {
                        copy_entry(path, &copy.join(rel), !rw).map_err(|e| e.to_string())?;
                    }
                } else {
                    copy_entry(&sel.path, &copy, !rw).map_err(|e| e.to_string())?;
                }
                copy
            }
        };
        self.tmp.push(tmp);
        let mode = if rw { "rw" } else { "ro" };
        Ok((
            source.display().to_string(),
            vec!["rbind".into(), mode.into()],
        ))
    }

    fn secret(
        &mut self,
        b: &Builder<'e>,
        p: &Parsed,
        target: &str,
    ) -> Result<Option<(String, Vec<String>)>, String> {
        let id = p.id.clone().unwrap_or_else(|| {
            Path::new(target)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        let Some(src) = b.req.secrets.get(&id) else {
            if p.required {
                return Err(format!("secret required but no secret with id {id} found"));
            }
            return Ok(None);
        };
        // A private copy with the owner and mode asked for; the caller's file is never
        // exposed (nor changed) and the copy goes with the step.
        let tmp = b.engine.store.tmp_dir().map_err(|e| e.to_string())?;
        let file = tmp.path().join("secret");
        fs::copy(src, &file).map_err(|e| format!("secret {id}: reading {}: {e}", src.display()))?;
        std::os::unix::fs::chown(&file, Some(p.uid.unwrap_or(0)), Some(p.gid.unwrap_or(0)))
            .and_then(|_| {
                fs::set_permissions(&file, fs::Permissions::from_mode(p.mode.unwrap_or(0o400)))
            })
            .map_err(|e| format!("secret {id}: {e}"))?;
        self.tmp.push(tmp);
        Ok(Some((
            file.display().to_string(),
            vec!["rbind".into(), "ro".into()],
        )))
    }

    /// Take the mount points the runtime created out of the step's `upper` directory:
    /// each target and its parents that the image did not have, when nothing else was
    /// written there.
    pub fn tidy(&self, upper: &Path, layers: &[PathBuf]) {
        let in_image = |rel: &str| {
            layers
                .iter()
                .any(|l| l.join(rel).symlink_metadata().is_ok())
        };
        for t in &self.targets {
            let Some(rel) = clean_rel_str(t) else {
                continue;
            };
            let mut at = rel.as_str();
            loop {
                if at.is_empty() || in_image(at) {
                    break;
                }
                let p = upper.join(at);
                let gone = match p.symlink_metadata() {
                    Ok(m) if m.is_dir() => fs::remove_dir(&p).is_ok(),
                    Ok(m) if m.len() == 0 => fs::remove_file(&p).is_ok(),
                    _ => false,
                };
                if !gone {
                    break;
                }
                at = at.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            }
        }
    }
}

/// One context entry into a bind mount's copy: hard-linked when read-only (cheap, and
/// the mount cannot write through it), copied otherwise.
fn copy_entry(from: &Path, to: &Path, link: bool) -> std::io::Result<()> {
    let m = fs::symlink_metadata(from)?;
    let ft = m.file_type();
    if ft.is_dir() {
        fs::create_dir(to)?;
        fs::set_permissions(to, m.permissions())
    } else if ft.is_symlink() {
        std::os::unix::fs::symlink(fs::read_link(from)?, to)
    } else if ft.is_file() {
        if link && fs::hard_link(from, to).is_ok() {
            return Ok(());
        }
        fs::copy(from, to).map(|_| ())
    } else {
        Ok(())
    }
}

/// A stage's path copied for a read-write bind (writes are the step's alone).
fn copy_tree(from: &Path, to: &Path, link: bool) -> std::io::Result<()> {
    if fs::symlink_metadata(from)?.is_dir() {
        fs::create_dir(to)?;
        crate::volume::copy_up(from, to)
    } else {
        copy_entry(from, to, link)
    }
}

/// The secrets a build was given (`--secret id=ID,src=PATH`), checked to be readable.
pub fn parse_secret(spec: &str) -> Result<(String, PathBuf), String> {
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    for part in spec.split(',').filter(|p| !p.is_empty()) {
        let (k, v) = part
            .split_once('=')
            .ok_or_else(|| format!("invalid secret {spec:?}: expected id=ID,src=PATH"))?;
        fields.insert(k.to_string(), v.to_string());
    }
    let id = fields.remove("id");
    let src = fields.remove("src").or_else(|| fields.remove("source"));
    if fields.remove("type").is_some_and(|t| t != "file") {
        return Err(format!(
            "invalid secret {spec:?}: only type=file is supported"
        ));
    }
    if let Some(k) = fields.keys().next() {
        return Err(format!("invalid secret {spec:?}: unknown field {k:?}"));
    }
    let src = src.ok_or_else(|| format!("invalid secret {spec:?}: src is required"))?;
    let id = id.unwrap_or_else(|| {
        Path::new(&src)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    if id.is_empty() {
        return Err(format!("invalid secret {spec:?}: id is required"));
    }
    let path = PathBuf::from(&src);
    File::open(&path).map_err(|e| format!("secret {id}: {src}: {e}"))?;
    Ok((id, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_options_are_read_as_buildkit_writes_them() {
        let p = parse("type=cache,target=/root/.cache,id=pip,sharing=locked,uid=10,mode=0700,ro")
            .unwrap();
        assert_eq!(
            (p.kind.as_str(), p.target.as_str(), p.id.as_deref()),
            ("cache", "/root/.cache", Some("pip"))
        );
        assert_eq!((p.uid, p.mode, p.rw), (Some(10), Some(0o700), Some(false)));
        assert_eq!(parse("target=/x").unwrap().kind, "bind");
        assert!(parse("type=cache,sharing=sometimes").is_err());
        assert!(parse("type=bind,frobnicate=1").is_err());
        assert!(parse("type=cache,uid=me").is_err());
    }

    #[test]
    fn secrets_need_a_readable_source() {
        let f = tempfile::NamedTempFile::new().unwrap();
        let p = f.path().display().to_string();
        assert_eq!(
            parse_secret(&format!("id=tok,src={p}")).unwrap(),
            ("tok".to_string(), f.path().to_path_buf())
        );
        assert!(parse_secret("id=tok").is_err());
        assert!(parse_secret("id=tok,src=/nonexistent/x").is_err());
        assert!(parse_secret(&format!("id=tok,src={p},type=env")).is_err());
    }
}
