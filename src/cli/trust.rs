//! `image trust show/set` over the engine's policy (`image::trust`), and `image sign`,
//! refused: cove has no signing.

use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, Subcommand};

use super::{CmdResult, Ctx};
use crate::image::trust::{self, Policy, TrustType};

#[derive(Subcommand, Debug)]
pub enum TrustCommand {
    /// Display the trust policy pulls obey
    Show(ShowArgs),
    /// Set the default trust policy or one registry's
    Set(SetArgs),
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Output as JSON
    #[arg(short, long)]
    pub json: bool,
    /// Do not print column headings
    #[arg(short, long)]
    pub noheading: bool,
    /// Output the policy file as it is
    #[arg(long)]
    pub raw: bool,
    /// Accepted as Podman does; the whole policy is shown
    pub registry: Option<String>,
}

#[derive(Args, Debug)]
pub struct SetArgs {
    /// Trust type: accept, reject or signedBy (pulls from a signedBy scope are refused:
    /// cove does not verify signatures)
    #[arg(
        short = 't',
        long = "type",
        default_value = "signedBy",
        value_name = "TYPE"
    )]
    pub kind: String,
    /// Public key file(s) to trust for signedBy (repeatable)
    #[arg(short = 'f', long, value_name = "FILE", value_delimiter = ',')]
    pub pubkeysfile: Vec<PathBuf>,
    /// "default", or a registry, namespace or repository (e.g. docker.io, quay.io/ns)
    pub registry: String,
}

#[derive(Args, Debug)]
pub struct SignArgs {
    /// Sign every manifest of a multi-architecture image
    #[arg(short, long)]
    pub all: bool,
    /// Path of the authentication file
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
    /// Directory of registry certificates
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Directory to store the signatures in
    #[arg(short, long, value_name = "DIR")]
    pub directory: Option<PathBuf>,
    /// Name of the signing key
    #[arg(long, value_name = "KEY")]
    pub sign_by: Option<String>,
    #[arg(required = true, value_name = "IMAGE")]
    pub images: Vec<String>,
}

pub fn run(ctx: &Ctx, c: TrustCommand) -> CmdResult {
    match c {
        TrustCommand::Show(a) => show(ctx, a),
        TrustCommand::Set(a) => set(ctx, a),
    }
}

fn show(ctx: &Ctx, a: ShowArgs) -> CmdResult {
    let path = trust::read_path(&ctx.paths);
    if a.raw {
        match std::fs::read_to_string(&path) {
            Ok(text) => println!("{text}"),
            Err(e) => return Err(anyhow!("{}: {e}", path.display()).into()),
        }
        return Ok(0);
    }
    let Some(policy) = Policy::load(&path)? else {
        return Err(anyhow!("no policy.json file found at {}", path.display()).into());
    };
    let rows = policy.rows();
    if a.json {
        println!("{}", crate::format::pretty(&rows));
        return Ok(0);
    }
    let mut lines: Vec<[String; 5]> = Vec::new();
    if !a.noheading {
        lines.push(["TRANSPORT", "NAME", "TYPE", "ID", "STORE"].map(String::from));
    }
    for r in rows {
        lines.push([
            r.transport,
            r.repo_name,
            r.kind,
            r.keys.join(", "),
            String::new(),
        ]);
    }
    print!("{}", podman_table(&lines));
    Ok(0)
}

/// Podman's report writer (Go tabwriter: minimum width 12, padding 2); every cell but
/// the last is padded.
fn podman_table(lines: &[[String; 5]]) -> String {
    let mut widths = [0usize; 5];
    for l in lines {
        for (w, c) in widths.iter_mut().zip(l) {
            *w = (*w).max(c.chars().count() + 2).max(12);
        }
    }
    let mut out = String::new();
    for l in lines {
        for (i, c) in l.iter().enumerate() {
            out.push_str(c);
            if i + 1 < l.len() {
                out.extend(std::iter::repeat_n(' ', widths[i] - c.chars().count()));
            }
        }
        out.push('\n');
    }
    out
}

fn set(ctx: &Ctx, a: SetArgs) -> CmdResult {
    let kind: TrustType = a.kind.parse()?;
    // The user's file starts as a copy of the one pulls obey now, so setting one scope
    // keeps the rest of the system's policy.
    let mut policy = Policy::load(&trust::read_path(&ctx.paths))?.unwrap_or_default();
    policy.set(&a.registry, kind, &a.pubkeysfile)?;
    policy.save(&trust::write_path(&ctx.paths))?;
    Ok(0)
}

pub fn sign(_ctx: &Ctx, _a: SignArgs) -> CmdResult {
    Err(anyhow!("image sign: not supported: cove has no GPG or sigstore signing").into())
}
