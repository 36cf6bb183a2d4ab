//! login and logout: credentials in auth.json, where Podman keeps them.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;

use super::{CmdResult, Ctx};
use crate::registry::auth::{self, Credentials};
use crate::registry::login::registry_host;

#[derive(Args, Debug)]
pub struct LoginArgs {
    /// Registry to log in to (host[:port])
    pub registry: String,
    /// Username
    #[arg(short, long)]
    pub username: Option<String>,
    /// Password (prefer --password-stdin)
    #[arg(short, long)]
    pub password: Option<String>,
    /// Read the password from standard input
    #[arg(long)]
    pub password_stdin: bool,
    /// Path of the authentication file
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
    /// Require HTTPS and verify certificates
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Print the logged-in username for the registry
    #[arg(long)]
    pub get_login: bool,
    /// Directory of certificates for the registry: CA certificates as *.crt
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Print the authentication file used
    #[arg(short, long)]
    pub verbose: bool,
}

pub fn login(ctx: &Ctx, a: LoginArgs) -> CmdResult {
    let host = registry_host(&a.registry);
    if a.get_login {
        let files = ctx.auth_files(a.authfile.as_ref());
        return match auth::lookup(&files, &host)? {
            Some(c) => {
                println!("{}", c.username);
                Ok(0)
            }
            None => Err(anyhow!("not logged into {host}").into()),
        };
    }
    let username = match a.username {
        Some(u) => u,
        None => prompt("Username: ")?,
    };
    let password = match (a.password, a.password_stdin) {
        (Some(_), true) => {
            return Err(anyhow!("--password and --password-stdin are mutually exclusive").into())
        }
        (Some(p), false) => p,
        (None, true) => {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\n', '\r']).to_string()
        }
        (None, false) => prompt("Password: ")?,
    };
    if username.is_empty() || password.is_empty() {
        return Err(anyhow!("username and password must not be empty").into());
    }
    let creds = Credentials { username, password };
    let insecure = match a.tls_verify {
        Some(v) => !v,
        None => ctx.registries()?.insecure(&host),
    };
    let roots = match &a.cert_dir {
        Some(d) => {
            crate::registry::http::root_certificates(&crate::registry::certs::ca_certificates(d)?)?
        }
        None => Vec::new(),
    };
    ctx.runtime()?
        .block_on(crate::registry::login::verify_with(
            &host, insecure, &creds, roots,
        ))?;
    let file = ctx.auth_file_for_writing(a.authfile.as_ref());
    if a.verbose {
        // Podman's line, two spaces and all.
        println!("Used:  {}", file.display());
    }
    auth::store(&file, &host, &creds)?;
    println!("Login Succeeded!");
    Ok(0)
}

fn prompt(label: &str) -> anyhow::Result<String> {
    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(
            "cannot prompt for {}: stdin is not a terminal (use --username and --password-stdin)",
            label.trim_end_matches(": ").to_lowercase()
        ));
    }
    eprint!("{label}");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

#[derive(Args, Debug)]
pub struct LogoutArgs {
    /// Registry to log out of
    pub registry: Option<String>,
    /// Remove the credentials of every registry
    #[arg(short, long)]
    pub all: bool,
    /// Path of the authentication file
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
}

pub fn logout(ctx: &Ctx, a: LogoutArgs) -> CmdResult {
    let file = ctx.auth_file_for_writing(a.authfile.as_ref());
    if a.all {
        auth::remove_all(&file)?;
        println!("Removed login credentials for all registries");
        return Ok(0);
    }
    let Some(reg) = a.registry else {
        return Err(anyhow!("a registry must be given, or --all").into());
    };
    let host = registry_host(&reg);
    if auth::remove(&file, &host)? {
        println!("Removed login credentials for {host}");
        Ok(0)
    } else {
        Err(anyhow!("not logged into {host}").into())
    }
}
