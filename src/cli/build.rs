//! `build` / `image build`: flags to a `BuildRequest`, then the engine's builder, with
//! its progress on stdout (or `--logfile`).

mod flags;

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;

use super::{CmdResult, Ctx};
use crate::build::{self, source, BuildRequest, Format, Images, NamedContext, Squash};
use crate::container::create::Defaults;
use crate::image::platform::Platform;
use crate::image::pull::{PullPolicy, PullRequest};
use crate::registry::auth::Credentials;
use crate::registry::client::{ConnectOptions, TlsFlag};

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The build context: a directory, or - for a tar archive (or a Dockerfile alone) on stdin
    #[arg(default_value = ".")]
    pub context: PathBuf,
    /// The Containerfile or Dockerfile, - for stdin (default: Containerfile, then Dockerfile in the context)
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Name the image (repeatable)
    #[arg(short, long = "tag", value_name = "NAME")]
    pub tags: Vec<String>,
    /// A build argument, NAME=VALUE (NAME alone takes it from the environment)
    #[arg(long = "build-arg", value_name = "NAME=VALUE")]
    pub build_args: Vec<String>,
    /// Build arguments from a file: KEY=VALUE lines, # comments (repeatable; --build-arg wins)
    #[arg(long = "build-arg-file", value_name = "FILE")]
    pub build_arg_files: Vec<PathBuf>,
    /// Build up to this stage
    #[arg(long)]
    pub target: Option<String>,
    /// Do not use the layer cache
    #[arg(long)]
    pub no_cache: bool,
    /// Cache intermediate images (false: no cache)
    #[arg(long, default_value = "true", num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub layers: bool,
    /// Write the image ID to this file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Set a label on the image, KEY=VALUE (repeatable)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Image format: oci or docker (docker keeps HEALTHCHECK, ONBUILD and SHELL)
    #[arg(long, default_value = "oci")]
    pub format: String,
    /// A secret for RUN --mount=type=secret: id=ID,src=PATH (repeatable)
    #[arg(long = "secret", value_name = "id=ID,src=PATH")]
    pub secrets: Vec<String>,
    /// Created time of the image and its history, and time of every file in the new
    /// layers, in seconds since the epoch (reproducible builds)
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: Option<i64>,
    /// The platform to build for: only the local one is supported
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// Squash the layers the build adds into one
    #[arg(long, conflicts_with = "squash_all")]
    pub squash: bool,
    /// Squash the whole image, base layers included, into one layer
    #[arg(long)]
    pub squash_all: bool,
    /// Pull policy for base images: missing, always, never, newer
    #[arg(long, default_value = "missing", num_args = 0..=1, default_missing_value = "always", require_equals = true)]
    pub pull: String,
    #[command(flatten)]
    pub run: flags::RunArgs,
    #[command(flatten)]
    pub registry: flags::PullArgs,
    #[command(flatten)]
    pub other: flags::OtherArgs,
}

struct Puller<'a> {
    ctx: &'a Ctx,
    policy: PullPolicy,
    connect: ConnectOptions,
}

impl Images for Puller<'_> {
    fn resolve(&self, name: &str) -> Result<String, String> {
        let store = self.ctx.store().map_err(|e| e.to_string())?;
        crate::image::pull::ensure(&store, name, self.policy, || {
            let req = PullRequest {
                image: name.to_string(),
                platform: Platform::from_flags(None, None, None, None)?,
                connect: self.connect.clone(),
                rootless: self.ctx.rootless(),
            };
            self.ctx.pull(&req, false)
        })
        .map_err(|e: anyhow::Error| format!("{e:#}"))
    }
}

fn key_values(
    list: &[String],
    flag: &str,
    from_env: bool,
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for item in list {
        match item.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                out.insert(k.to_string(), v.to_string());
            }
            None if from_env && !item.is_empty() => {
                if let Ok(v) = std::env::var(item) {
                    out.insert(item.clone(), v);
                }
            }
            _ => return Err(anyhow!("invalid --{flag} {item:?}: expected KEY=VALUE")),
        }
    }
    Ok(out)
}

/// `--build-arg-file`s in order, then `--build-arg`s over them.
fn build_args(a: &BuildArgs) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for f in &a.build_arg_files {
        let text = std::fs::read_to_string(f)
            .map_err(|e| anyhow!("reading build-arg-file {}: {e}", f.display()))?;
        for (k, v) in build::parse_arg_file(&text, |k| std::env::var(k).ok()) {
            match v {
                Some(v) => out.insert(k, v),
                None => out.remove(&k),
            };
        }
    }
    out.extend(key_values(&a.build_args, "build-arg", true)?);
    Ok(out)
}

/// `-` as the context or the file: stdin unpacked into a temporary directory that lives
/// as long as the returned value.
fn from_stdin(ctx: &Ctx, a: &mut BuildArgs) -> anyhow::Result<Option<source::Unpacked>> {
    let dash = std::path::Path::new("-");
    let (context, file) = (a.context == dash, a.file.as_deref() == Some(dash));
    if context && file {
        return Err(anyhow!(
            "invalid argument: can't use stdin for both build context and dockerfile"
        ));
    }
    if !context && !file {
        return Ok(None);
    }
    let tmp = ctx.store()?.tmp_dir()?;
    let stdin = std::io::stdin().lock();
    let u = if context {
        source::unpack(tmp, stdin, true)?
    } else {
        source::dockerfile_only(tmp, stdin)?
    };
    if context {
        a.context = u.dir().to_path_buf();
        // `-f` names a file of the archive, never one of the working directory.
        if let Some(f) = a.file.take() {
            a.file = Some(source::dockerfile_in(u.dir(), &f.to_string_lossy())?);
        }
    }
    if file || u.kind == source::Kind::Dockerfile {
        a.file = Some(u.dir().join("Dockerfile"));
    }
    Ok(Some(u))
}

/// `--creds`, `--tls-verify`, `--authfile`; `--retry` and `--retry-delay` checked only.
fn connect(ctx: &Ctx, p: &flags::PullArgs) -> anyhow::Result<ConnectOptions> {
    if let Some(d) = &p.retry_delay {
        crate::time::parse_duration(d).map_err(|e| anyhow!("invalid --retry-delay: {e}"))?;
    }
    let creds = p
        .creds
        .as_deref()
        .map(|c| match c.split_once(':') {
            Some((username, password)) if !username.is_empty() => Ok(Credentials {
                username: username.into(),
                password: password.into(),
            }),
            _ => Err(anyhow!("invalid --creds: use USERNAME:PASSWORD")),
        })
        .transpose()?;
    Ok(ConnectOptions {
        tls_verify: TlsFlag(p.tls_verify),
        creds,
        auth_files: ctx.auth_files(p.authfile.as_ref()),
        cert_dir: None,
    })
}

/// `--platform`, or `--os`/`--arch`/`--variant` over the local platform.
fn platform(a: &BuildArgs) -> anyhow::Result<Option<String>> {
    let o = &a.other;
    if o.os.is_none() && o.arch.is_none() && o.variant.is_none() {
        return Ok(a.platform.clone());
    }
    let p = Platform::from_flags(
        a.platform.as_deref(),
        o.os.as_deref(),
        o.arch.as_deref(),
        o.variant.as_deref(),
    )?;
    Ok(Some(match p.variant {
        Some(v) => format!("{}/{}/{v}", p.os, p.arch),
        None => format!("{}/{}", p.os, p.arch),
    }))
}

/// The compatibility flags: refused ones fail with why, the others are checked.
fn check_other(a: &BuildArgs) -> anyhow::Result<()> {
    if let Some(flag) = a.other.refused(&a.registry).first() {
        return Err(build::options::refuse(flag).into());
    }
    if let Some(i) = &a.other.isolation {
        build::options::check_isolation(i)?;
    }
    if let Some(t) = &a.other.cache_ttl {
        crate::time::parse_duration(t).map_err(|e| anyhow!("invalid --cache-ttl: {e}"))?;
    }
    Ok(())
}

pub fn build(ctx: &Ctx, mut a: BuildArgs) -> CmdResult {
    let format: Format = a.format.parse().map_err(|e: String| anyhow!(e))?;
    let policy: PullPolicy = a.pull.parse()?;
    check_other(&a)?;
    let run = a.run.flags().parse()?;
    let connect = connect(ctx, &a.registry)?;
    let contexts = a
        .other
        .build_context
        .iter()
        .map(|c| NamedContext::parse(c))
        .collect::<Result<_, _>>()
        .map_err(|e| anyhow!(e))?;
    let output = a
        .other
        .output
        .as_deref()
        .map(str::parse)
        .transpose()
        .map_err(|e: String| anyhow!(e))?;
    let _stdin = from_stdin(ctx, &mut a)?;
    let req = BuildRequest {
        context: a.context.clone(),
        file: a.file.clone(),
        tags: a.tags.clone(),
        build_args: build_args(&a)?,
        target: a.target.clone(),
        no_cache: a.no_cache,
        layers: a.layers,
        labels: key_values(&a.labels, "label", false)?,
        format,
        quiet: a.quiet,
        timestamp: a.timestamp,
        platform: platform(&a)?,
        squash: match (a.squash, a.squash_all) {
            (_, true) => Squash::All,
            (true, _) => Squash::New,
            _ => Squash::No,
        },
        secrets: a
            .secrets
            .iter()
            .map(|s| build::mounts::parse_secret(s))
            .collect::<Result<_, _>>()
            .map_err(|e| anyhow!(e))?,
        run,
        env: key_values(&a.other.env, "env", true)?.into_iter().collect(),
        unsetenv: a.other.unsetenv.clone(),
        from: a.other.from.clone(),
        contexts,
        output,
        omit_history: a.other.omit_history,
        skip_unused_stages: a.other.skip_unused_stages,
        ignorefile: a.other.ignorefile.clone(),
        os_version: a.other.os_version.clone(),
        os_features: a.other.os_feature.clone(),
    };
    if !a.context.is_dir() {
        return Err(anyhow!(
            "the build context {} is not a directory",
            a.context.display()
        )
        .into());
    }
    let defaults = Defaults::from_conf(&ctx.containers_conf()?, Vec::new())?;
    let engine = ctx.engine()?;
    let puller = Puller {
        ctx,
        policy,
        connect,
    };
    let mut out: Box<dyn std::io::Write> = match &a.other.logfile {
        Some(f) => Box::new(
            std::fs::File::create(f)
                .map_err(|e| anyhow!("opening the --logfile {}: {e}", f.display()))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    let report = build::build(&engine, &defaults, &puller, &req, &mut out)?;
    println!("{}", report.id.trim_start_matches("sha256:"));
    if let Some(f) = &a.iidfile {
        std::fs::write(f, &report.id).map_err(|e| anyhow!("writing {}: {e}", f.display()))?;
    }
    Ok(0)
}
