//! `cove build`: a Dockerfile (or Containerfile) built into an image, rootless. Each RUN
//! step runs as a container through the same engine path as `cove run` and its changes
//! become a layer (as `commit` makes them); COPY and ADD write their layer directly; a
//! layer cache keyed by the step's inputs makes an unchanged rebuild reuse every step.

pub mod cache;
pub mod context;
mod copy;
pub mod dockerfile;
mod fetch;
pub mod ignore;
pub mod layer;
pub mod mounts;
pub mod options;
pub mod output;
pub mod platform;
mod run;
pub mod source;
mod squash;
mod stage;
pub mod subst;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::container::create::Defaults;
use crate::container::Engine;

/// The image format: OCI drops what only Docker's config has (HEALTHCHECK, ONBUILD,
/// SHELL), as Podman does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Oci,
    Docker,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "oci" => Ok(Format::Oci),
            "docker" => Ok(Format::Docker),
            other => Err(format!(
                "unrecognized image type {other:?}: use oci or docker"
            )),
        }
    }
}

/// What `cove build` (and the API's `POST /build`) asks for.
#[derive(Debug, Clone, Default)]
pub struct BuildRequest {
    /// The build context directory.
    pub context: PathBuf,
    /// The Dockerfile; None: `Containerfile`, then `Dockerfile`, in the context.
    pub file: Option<PathBuf>,
    /// Names for the result (`-t`), as given.
    pub tags: Vec<String>,
    pub build_args: BTreeMap<String, String>,
    /// Build up to this stage (name or index).
    pub target: Option<String>,
    pub no_cache: bool,
    /// `--layers=false`: no cache, as `--no-cache`.
    pub layers: bool,
    pub labels: BTreeMap<String, String>,
    pub format: Format,
    /// Only the image ID is printed.
    pub quiet: bool,
    /// `--secret id=ID,src=PATH`: what `RUN --mount=type=secret,id=ID` mounts.
    pub secrets: BTreeMap<String, PathBuf>,
    /// `--timestamp`: seconds since the epoch for the image's and history's created time
    /// and every file time in the new layers, so a rebuild gives the same image ID.
    pub timestamp: Option<i64>,
    /// `--platform`: accepted for the local platform only.
    pub platform: Option<String>,
    /// `--squash`: the build's new layers as one; `--squash-all`: the whole image as one.
    pub squash: Squash,
    /// `--network`, `--add-host`, `-v`, `--ulimit` ...: what every RUN gets.
    pub run: options::RunOptions,
    /// `--env`: set in every stage's config (RUN sees them) and so in the image's.
    pub env: Vec<(String, String)>,
    /// `--unsetenv`: taken out of the image's config.
    pub unsetenv: Vec<String>,
    /// `--from`: the first stage's base image instead of its FROM's.
    pub from: Option<String>,
    /// `--build-context NAME=DIR|docker-image://REF`: what `COPY --from=NAME` and
    /// `FROM NAME` find.
    pub contexts: BTreeMap<String, NamedContext>,
    /// `--output`: the image's filesystem also written there.
    pub output: Option<output::Output>,
    /// `--omit-history`: the image has no history entries.
    pub omit_history: bool,
    /// `--skip-unused-stages` (Podman's default): stages the target needs, only.
    pub skip_unused_stages: bool,
    /// `--ignorefile`: instead of `.containerignore`/`.dockerignore`.
    pub ignorefile: Option<PathBuf>,
    /// `--os-version`, `--os-feature`: recorded in the image config.
    pub os_version: Option<String>,
    pub os_features: Vec<String>,
}

/// An extra named context of `--build-context`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedContext {
    Dir(PathBuf),
    Image(String),
}

impl NamedContext {
    /// `NAME=VALUE` as Podman reads it: `docker-image://REF` or `container-image://REF`
    /// an image, a URL refused, anything else a directory.
    pub fn parse(spec: &str) -> Result<(String, NamedContext), String> {
        let bad = |why: &str| format!("invalid --build-context {spec:?}: {why}");
        let (name, value) = spec
            .split_once('=')
            .filter(|(n, v)| !n.is_empty() && !v.is_empty())
            .ok_or_else(|| bad("use NAME=DIR or NAME=docker-image://IMAGE"))?;
        let ctx = if let Some(r) = value
            .strip_prefix("docker-image://")
            .or_else(|| value.strip_prefix("container-image://"))
        {
            NamedContext::Image(r.to_string())
        } else if value.contains("://") {
            return Err(bad(
                "only directories and docker-image:// or container-image:// images are supported",
            ));
        } else {
            let dir = PathBuf::from(value);
            if !dir.is_dir() {
                return Err(bad("not a directory"));
            }
            NamedContext::Dir(std::path::absolute(&dir).unwrap_or(dir))
        };
        Ok((name.to_string(), ctx))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Squash {
    #[default]
    No,
    New,
    All,
}

/// A `--build-arg-file` as Buildah reads it: one `KEY=VALUE` a line, taken as written;
/// a line that starts with `#` and an empty line are skipped; `KEY` alone takes the
/// variable from `env` (and is unset when it is not there).
pub fn parse_arg_file(
    text: &str,
    env: impl Fn(&str) -> Option<String>,
) -> Vec<(String, Option<String>)> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (l.to_string(), env(l)),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    pub id: String,
    /// The stored names the image got.
    pub names: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("no Containerfile or Dockerfile in {0}")]
    NoDockerfile(String),
    /// A Dockerfile named by an API client, not in its context (dockerd's words).
    #[error("Cannot locate specified Dockerfile: {0}")]
    Missing(String),
    #[error(transparent)]
    Source(#[from] source::SourceError),
    #[error("reading {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Parse(#[from] dockerfile::DockerfileError),
    #[error(transparent)]
    Ignore(#[from] ignore::IgnoreError),
    #[error("{file}:{line}: {instruction}: {message}")]
    Step {
        file: String,
        line: usize,
        instruction: String,
        message: String,
    },
    /// A RUN step's command failed; its output was shown.
    #[error("building at STEP \"{instruction}\": while running runtime: exit status {code}")]
    RunFailed { instruction: String, code: i32 },
    #[error("{0}")]
    Platform(String),
    #[error("target stage {0:?} could not be found")]
    NoTarget(String),
    #[error("invalid tag {tag:?}: {source}")]
    Tag {
        tag: String,
        source: crate::image::reference::ReferenceError,
    },
    #[error(transparent)]
    Options(#[from] options::OptionsError),
    #[error(transparent)]
    Resources(#[from] crate::container::CreateError),
    #[error(transparent)]
    Store(#[from] crate::image::store::StoreError),
    #[error(transparent)]
    Db(#[from] crate::storage::db::DbError),
}

/// How the builder gets the images FROM and `COPY --from` name: their ID in the store,
/// pulling as the caller's pull policy says.
pub trait Images {
    fn resolve(&self, name: &str) -> Result<String, String>;
}

/// The Dockerfile `req` means and its text.
fn read_dockerfile(req: &BuildRequest) -> Result<(PathBuf, String), BuildError> {
    let path = match &req.file {
        Some(f) if f.is_absolute() || f.exists() => f.clone(),
        Some(f) => req.context.join(f),
        None => ["Containerfile", "Dockerfile"]
            .iter()
            .map(|n| req.context.join(n))
            .find(|p| p.exists())
            .ok_or_else(|| BuildError::NoDockerfile(req.context.display().to_string()))?,
    };
    let text = std::fs::read_to_string(&path).map_err(|source| BuildError::Read {
        path: path.display().to_string(),
        source,
    })?;
    Ok((path, text))
}

/// `.containerignore`, else `.dockerignore`, of the context (or next to the Dockerfile,
/// named after it, as `Dockerfile.dockerignore`).
fn read_ignore(
    context: &Path,
    dockerfile: &Path,
    explicit: Option<&Path>,
) -> Result<ignore::Ignore, BuildError> {
    if let Some(f) = explicit {
        let text = std::fs::read_to_string(f).map_err(|source| BuildError::Read {
            path: f.display().to_string(),
            source,
        })?;
        return Ok(ignore::Ignore::parse(&f.display().to_string(), &text)?);
    }
    let mut candidates = Vec::new();
    if let Some(name) = dockerfile.file_name() {
        let dir = dockerfile.parent().unwrap_or(context);
        for ext in ["containerignore", "dockerignore"] {
            candidates.push(dir.join(format!("{}.{ext}", name.to_string_lossy())));
        }
    }
    candidates.push(context.join(".containerignore"));
    candidates.push(context.join(".dockerignore"));
    for c in candidates {
        if let Ok(text) = std::fs::read_to_string(&c) {
            let file = c
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return Ok(ignore::Ignore::parse(&file, &text)?);
        }
    }
    Ok(ignore::Ignore::default())
}

/// Build the image `req` describes; progress and RUN output go to `out` (the ID is the
/// caller's to print, in its own form).
pub fn build(
    engine: &Engine,
    defaults: &Defaults,
    images: &dyn Images,
    req: &BuildRequest,
    out: &mut dyn Write,
) -> Result<BuildReport, BuildError> {
    if let Some(p) = &req.platform {
        platform::check(p).map_err(BuildError::Platform)?;
    }
    // Refused before anything is pulled or run, with `cove run --memory`'s line.
    req.run
        .resources
        .check(crate::container::spec::cgroups_delegated())?;
    let (path, text) = read_dockerfile(req)?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let df = dockerfile::parse(&file, &text)?;
    // Tags are checked before anything runs: a typo should not cost a build.
    let names = req
        .tags
        .iter()
        .map(|t| {
            crate::image::reference::local_name(t).map_err(|source| BuildError::Tag {
                tag: t.clone(),
                source,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let ignore = read_ignore(&req.context, &path, req.ignorefile.as_deref())?;
    let context = context::Root {
        dir: req.context.clone(),
        ignore: Some(ignore),
    };
    let mut builder = stage::Builder::new(engine, defaults, images, req, &df, file, context, out);
    let id = builder.build_all()?;
    if let Some(o) = &req.output {
        output::export(engine, &engine.store.find(&id)?, o)?;
    }
    for n in &names {
        engine.store.db().set_name(n, &id)?;
    }
    if !req.quiet {
        for n in &names {
            let _ = writeln!(out, "Successfully tagged {n}");
        }
    }
    engine.store.emit(
        "build",
        &id,
        names.first().map(String::as_str).unwrap_or(""),
    );
    Ok(BuildReport { id, names })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arg_files_are_read_as_buildah_reads_them() {
        let text = "# a comment\nA=1\n\nB= spaced = x \r\nFROM_ENV\nNOT_IN_ENV\nC=\n";
        let env = |k: &str| (k == "FROM_ENV").then(|| "e".to_string());
        assert_eq!(
            parse_arg_file(text, env),
            vec![
                ("A".into(), Some("1".into())),
                ("B".into(), Some(" spaced = x ".into())),
                ("FROM_ENV".into(), Some("e".into())),
                ("NOT_IN_ENV".into(), None),
                ("C".into(), Some(String::new())),
            ]
        );
    }
}
