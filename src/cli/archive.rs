//! save, load and import: images to and from tar archives.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{anyhow, Context};
use clap::{Args, ValueEnum};

use super::{CmdResult, Ctx};
use crate::image::archive::{self, ArchiveFormat};
use crate::image::import;
use crate::image::platform::Platform;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SaveFormat {
    DockerArchive,
    OciArchive,
}

#[derive(Args, Debug)]
pub struct SaveArgs {
    /// Images to save
    #[arg(required = true)]
    pub images: Vec<String>,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Archive format
    #[arg(long, value_enum, default_value = "docker-archive")]
    pub format: SaveFormat,
    /// Accepted for Podman compatibility: archives always hold every image given
    #[arg(short = 'm', long)]
    pub multi_image_archive: bool,
    /// Suppress output
    #[arg(short, long)]
    pub quiet: bool,
    /// Compress layers of a docker-dir (cove writes archives only: refused)
    #[arg(long)]
    pub compress: bool,
    /// Accepted: docker-archive layers are uncompressed tars, oci-archive keeps the
    /// layers as they were pulled
    #[arg(long)]
    pub uncompressed: bool,
    /// Only this platform (os/arch[/variant]); cove stores one platform per image, so an
    /// image of another one is an error
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
}

pub fn save(ctx: &Ctx, a: SaveArgs) -> CmdResult {
    if a.compress {
        return Err(anyhow!(
            "--compress can only be set when --format is 'docker-dir', which cove does not write"
        )
        .into());
    }
    let platform = Platform::from_flag(a.platform.as_deref())?;
    let store = ctx.store()?;
    let images = archive::select(&store, &a.images)?;
    if let Some(p) = &platform {
        for (img, names) in &images {
            p.check_image(names.first().unwrap_or(&img.id), &img.config)?;
        }
    }
    let format = match a.format {
        SaveFormat::DockerArchive => ArchiveFormat::DockerArchive,
        SaveFormat::OciArchive => ArchiveFormat::OciArchive,
    };
    match &a.output {
        Some(path) => {
            // Written beside the target and renamed: a failed save leaves no torn file.
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("creating a file in {}", dir.display()))?;
            let mut w = BufWriter::new(tmp.as_file());
            archive::save(&store, &images, format, &mut w)?;
            w.flush()?;
            drop(w);
            tmp.persist(path)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            if std::io::stdout().is_terminal() {
                return Err(anyhow!(
                    "refusing to save to a terminal: use -o or redirect standard output"
                )
                .into());
            }
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            archive::save(&store, &images, format, &mut w)?;
            w.flush()?;
        }
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct LoadArgs {
    /// Read from this file instead of standard input
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Suppress output
    #[arg(short, long)]
    pub quiet: bool,
    /// Load only the images of this platform (os/arch[/variant])
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
}

fn open_input(path: Option<&PathBuf>) -> anyhow::Result<Box<dyn Read>> {
    match path {
        Some(p) if p.as_os_str() != "-" => Ok(Box::new(
            File::open(p).with_context(|| format!("opening {}", p.display()))?,
        )),
        _ => {
            if std::io::stdin().is_terminal() {
                return Err(anyhow!(
                    "no input: use -i FILE or pipe an archive to standard input"
                ));
            }
            Ok(Box::new(std::io::stdin()))
        }
    }
}

pub fn load(ctx: &Ctx, a: LoadArgs) -> CmdResult {
    let platform = Platform::from_flag(a.platform.as_deref())?;
    let store = ctx.store()?;
    let input = open_input(a.input.as_ref())?;
    let loaded = archive::load_platform(
        &store,
        std::io::BufReader::new(input),
        a.input.as_deref().filter(|p| p.as_os_str() != "-"),
        ctx.rootless(),
        platform.as_ref(),
    )?;
    if !a.quiet {
        for l in &loaded {
            if l.names.is_empty() {
                println!("Loaded image ID: {}", l.id);
            }
            for n in &l.names {
                println!("Loaded image: {n}");
            }
        }
    }
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Tarball to import (a file, or - for standard input)
    pub file: String,
    /// Name for the new image
    pub reference: Option<String>,
    /// Apply a Dockerfile instruction (CMD, ENTRYPOINT, ENV, WORKDIR, USER, LABEL, EXPOSE, VOLUME, STOPSIGNAL)
    #[arg(short, long, value_name = "INSTRUCTION")]
    pub change: Vec<String>,
    /// Commit message for the history entry
    #[arg(short, long)]
    pub message: Option<String>,
    /// Suppress output
    #[arg(short, long)]
    pub quiet: bool,
    /// Platform to record in the image (os/arch[/variant]; default: this machine's)
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// Architecture to record in the image
    #[arg(long)]
    pub arch: Option<String>,
    /// Operating system to record in the image
    #[arg(long)]
    pub os: Option<String>,
    /// Architecture variant to record in the image
    #[arg(long)]
    pub variant: Option<String>,
}

pub fn import(ctx: &Ctx, a: ImportArgs) -> CmdResult {
    let platform = Platform::from_flags(
        a.platform.as_deref(),
        a.os.as_deref(),
        a.arch.as_deref(),
        a.variant.as_deref(),
    )?;
    let store = ctx.store()?;
    let name = a
        .reference
        .as_deref()
        .map(crate::image::reference::local_name)
        .transpose()?;
    let path = (a.file != "-").then(|| PathBuf::from(&a.file));
    let input = open_input(path.as_ref())?;
    let id = import::import_as(
        &store,
        std::io::BufReader::new(input),
        path.as_deref(),
        &a.change,
        a.message.as_deref(),
        ctx.rootless(),
        &platform,
    )?;
    if let Some(n) = name {
        store.db().set_name(&n, &id)?;
    }
    // As Podman and Docker print it.
    println!("sha256:{}", id.trim_start_matches("sha256:"));
    Ok(0)
}
