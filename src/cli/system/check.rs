//! `system check`: prints what `system::check` finds, one line per check.

use clap::Args;

use crate::cli::output::print_inspect;
use crate::cli::{CmdResult, Ctx};
use crate::system::check::{self, Severity, SystemHost, User};

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Format: json or a Go template over the report (`{{range .Items}}{{.Name}} {{.Severity}}{{end}}`)
    #[arg(short, long)]
    pub format: Option<String>,
}

/// Exit 1 when a fatal problem was found (like `exists`: an answer, not a failure).
pub fn check(_ctx: &Ctx, a: CheckArgs) -> CmdResult {
    let user = User::current();
    let report = check::check(&SystemHost, user.as_ref());
    match a.format.as_deref() {
        Some(f) => print_inspect(Some(f), &[serde_json::to_value(&report)?])?,
        None => {
            for item in &report.items {
                let status = match item.severity {
                    Severity::Ok => "ok",
                    Severity::Warning => "warning",
                    Severity::Fatal => "error",
                };
                println!("{status:<8}{:<14}{}", item.name, item.message);
            }
        }
    }
    if report.fatal() {
        let who = user.map_or("root".to_string(), |u| u.name);
        eprintln!("cove cannot run containers for {who} until the errors above are fixed");
        return Ok(1);
    }
    Ok(0)
}
