//! clap Args more than one command file takes: `--latest`, registry access (`pull`, `push`, `kube
//! play`), the log selection of `logs` and `pod logs`, and the `kube` commands' own, which Podman 3's spellings (`play kube`,
//! `generate kube`) reach too.

use std::path::PathBuf;

use anyhow::{anyhow, bail};
use clap::{Args, Subcommand};

use super::Ctx;
use crate::container::Engine;
use crate::registry::auth::Credentials;
use crate::registry::client::{ConnectOptions, TlsFlag};

/// Podman's `-l/--latest`: the container created last instead of names.
#[derive(Args, Debug, Clone, Copy, Default)]
pub struct LatestArg {
    /// Act on the latest container cove created
    #[arg(short = 'l', long)]
    pub latest: bool,
}

impl LatestArg {
    /// The latest container's ID with --latest (no names may be given then), else
    /// `names`.
    pub fn or_names(self, engine: &Engine, names: &[String]) -> anyhow::Result<Vec<String>> {
        if !self.latest {
            return Ok(names.to_vec());
        }
        if !names.is_empty() {
            bail!("--latest and arguments cannot be used together");
        }
        Ok(vec![engine.latest()?.id])
    }

    /// One container: the latest, or the one named.
    pub fn or_name(self, engine: &Engine, name: Option<&str>) -> anyhow::Result<String> {
        match (self.latest, name) {
            (false, Some(n)) => Ok(n.to_string()),
            (false, None) => bail!("you must provide at least one name or id"),
            (true, _) => Ok(self.or_names(engine, &[])?.remove(0)),
        }
    }

    /// For commands whose first positional is the container unless --latest takes its
    /// place (`exec -l CMD`, `port -l PORT`): the container and the rest.
    pub fn split(
        self,
        engine: &Engine,
        first: Option<String>,
        rest: Vec<String>,
    ) -> anyhow::Result<(String, Vec<String>)> {
        if !self.latest {
            let Some(c) = first else {
                bail!("you must provide at least one name or id");
            };
            return Ok((c, rest));
        }
        let args = first.into_iter().chain(rest).collect();
        Ok((self.or_name(engine, None)?, args))
    }
}

/// Podman's checks of `--all`, `--latest` and names together.
pub fn check_all_or_names(all: bool, latest: LatestArg, names: &[String]) -> anyhow::Result<()> {
    if all && latest.latest {
        bail!("--all and --latest cannot be used together");
    }
    if all && !names.is_empty() {
        bail!("no arguments are needed with --all");
    }
    if !all && !latest.latest && names.is_empty() {
        bail!("you must provide at least one name or id");
    }
    Ok(())
}

/// Which log lines `logs` and `pod logs` show, and how.
#[derive(Args, Debug, Clone, Default)]
pub struct LogFlags {
    /// Follow the output
    #[arg(short, long)]
    pub follow: bool,
    /// Show logs since a time (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long)]
    pub since: Option<String>,
    /// Show logs until a time
    #[arg(long)]
    pub until: Option<String>,
    /// Number of lines to show from the end
    #[arg(short = 'n', long, value_name = "N")]
    pub tail: Option<String>,
    /// Show timestamps
    #[arg(short, long)]
    pub timestamps: bool,
}

impl LogFlags {
    pub fn options(&self) -> anyhow::Result<crate::container::logs::LogOptions> {
        crate::container::logs::LogOptions::from_flags(
            self.since.as_deref(),
            self.until.as_deref(),
            self.tail.as_deref(),
            self.timestamps,
            self.follow,
        )
        .map_err(|e| anyhow!(e))
    }
}

#[derive(Args, Debug, Clone, Default)]
pub struct RegistryOpts {
    /// Require HTTPS and verify certificates (default: true, unless registries.conf says insecure)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Credentials (USERNAME:PASSWORD) to use for the registry
    #[arg(long, value_name = "USER:PASS")]
    pub creds: Option<String>,
    /// Path of the authentication file
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
}

impl RegistryOpts {
    pub fn connect(&self, ctx: &Ctx) -> anyhow::Result<ConnectOptions> {
        let creds = match &self.creds {
            Some(c) => {
                let (u, p) = c
                    .split_once(':')
                    .ok_or_else(|| anyhow!("--creds must be USERNAME:PASSWORD"))?;
                Some(Credentials {
                    username: u.to_string(),
                    password: p.to_string(),
                })
            }
            None => None,
        };
        Ok(ConnectOptions {
            tls_verify: TlsFlag(self.tls_verify),
            creds,
            auth_files: ctx.auth_files(self.authfile.as_ref()),
            cert_dir: None,
        })
    }
}

/// Podman's signing flags of `push` and `manifest push`: accepted, refused when given,
/// because cove has no GPG or sigstore signing (as `image sign` says).
#[derive(Args, Debug, Clone, Default)]
pub struct SignOpts {
    /// Sign with this GPG key (not supported: cove does not sign images)
    #[arg(long, value_name = "FINGERPRINT")]
    pub sign_by: Option<String>,
    /// Sign with a sigstore private key (not supported: cove does not sign images)
    #[arg(long, value_name = "PATH")]
    pub sign_by_sigstore_private_key: Option<PathBuf>,
    /// Passphrase file for the signing key (not supported: cove does not sign images)
    #[arg(long, value_name = "PATH")]
    pub sign_passphrase_file: Option<PathBuf>,
}

impl SignOpts {
    /// The first signing flag given, refused in one line before anything is pushed.
    pub fn refuse(&self) -> anyhow::Result<()> {
        let given = [
            ("--sign-by", self.sign_by.is_some()),
            (
                "--sign-by-sigstore-private-key",
                self.sign_by_sigstore_private_key.is_some(),
            ),
            (
                "--sign-passphrase-file",
                self.sign_passphrase_file.is_some(),
            ),
        ];
        match given.iter().find(|(_, set)| *set) {
            Some((flag, _)) => Err(anyhow!(
                "{flag}: not supported: cove has no GPG or sigstore signing"
            )),
            None => Ok(()),
        }
    }
}

/// `--cert-dir`: accepted as Podman's commands take it, refused when given.
pub fn refuse_cert_dir(dir: Option<&PathBuf>) -> anyhow::Result<()> {
    match dir {
        Some(_) => Err(anyhow!(
            "--cert-dir: not supported: cove verifies registries against the system's CA \
             store (use --tls-verify=false or registries.conf's insecure for a local registry)"
        )),
        None => Ok(()),
    }
}

#[derive(Args, Debug)]
pub struct KubeGenerateArgs {
    /// Also generate a Service for the published ports
    #[arg(short, long)]
    pub service: bool,
    /// Write the YAML to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub filename: Option<PathBuf>,
    /// Containers or pods
    #[arg(required = true, value_name = "CONTAINER|POD")]
    pub names: Vec<String>,
}

#[derive(Args, Debug)]
pub struct KubePlayArgs {
    /// Take down pods of the same names first
    #[arg(long)]
    pub replace: bool,
    /// Start the pods (--start=false: only create them)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_value_t = true,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub start: bool,
    /// Stop and remove the pods the file describes, instead of creating them
    #[arg(long)]
    pub down: bool,
    /// ConfigMap YAML files the pods' environment may read (repeatable, or comma-separated)
    #[arg(long, value_name = "FILE", value_delimiter = ',')]
    pub configmap: Vec<PathBuf>,
    /// Do not print the progress of image pulls
    #[arg(short, long)]
    pub quiet: bool,
    /// The pods' network: a cove network's name, none, host, slirp4netns[:OPTS] or
    /// pasta[:OPTS]
    #[arg(long, value_name = "MODE")]
    pub network: Option<String>,
    /// Publish a pod's port on the host ([IP:]HOSTPORT:CONTAINERPORT[/PROTO]), over the
    /// YAML's hostPort for that container port (repeatable)
    #[arg(long, value_name = "PORTS")]
    pub publish: Vec<String>,
    /// Do not write /etc/hosts into the pods
    #[arg(long)]
    pub no_hosts: bool,
    /// Static IPv4 address of each pod on a cove network, in the file's order (repeatable)
    #[arg(long, value_name = "IP", value_delimiter = ',')]
    pub ip: Vec<String>,
    /// Static MAC address of each pod on a cove network, in the file's order (repeatable)
    #[arg(long, value_name = "MAC", value_delimiter = ',')]
    pub mac_address: Vec<String>,
    /// Add an annotation to every container (KEY=VALUE, repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Directory of registry certificates (not supported: cove uses the system's CA store)
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Logging driver of the containers: k8s-file (default), json-file, none
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// Logging driver options of the containers (max-size=SIZE)
    #[arg(long, value_name = "OPT")]
    pub log_opt: Vec<String>,
    /// User namespace of the pods: host or keep-id (their containers join the infra's)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Build images the file names from directories beside it (not supported: build them
    /// with `cove build` first)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true,
          default_missing_value = "true")]
    pub build: Option<bool>,
    /// Where --build looks for the images' directories
    #[arg(long, value_name = "DIR")]
    pub context_dir: Option<PathBuf>,
    /// Directory of seccomp profiles named by the file's annotations (accepted; cove
    /// applies its default profile to played containers)
    #[arg(long, value_name = "DIR")]
    pub seccomp_profile_root: Option<PathBuf>,
    /// Keep running until the pods' containers have all exited (what a systemd unit
    /// runs; taking the pods down ends it)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_value_t = false,
          require_equals = true, default_missing_value = "true",
          action = clap::ArgAction::Set, hide = true)]
    pub service_container: bool,
    /// The YAML file (- for standard input)
    #[arg(value_name = "FILE")]
    pub file: String,
}

#[derive(Args, Debug)]
pub struct KubeDownArgs {
    /// The YAML file (- for standard input)
    #[arg(value_name = "FILE")]
    pub file: String,
}

/// `cove play kube`: Podman 3's spelling of `kube play`.
#[derive(Subcommand, Debug)]
pub enum PlayCommand {
    /// Create pods, containers and volumes from a Kubernetes YAML file
    Kube(Box<KubePlayArgs>),
}
