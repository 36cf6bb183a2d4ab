//! `cove events`: the per-user event log, past and (by default) as it happens.

use std::io::Write;

use anyhow::anyhow;
use clap::Args;

use super::{CmdResult, Ctx};
use crate::events::{Event, EventLog};
use crate::filter::Filters;
use crate::format::{Format, Template};
use crate::time::parse_timestamp;

#[derive(Args, Debug)]
pub struct EventsArgs {
    /// Show events since this time (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Stop at this time (same forms as --since)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only matching events (container=, event=, type=, image=, label=, volume=,
    /// network=); values of one key are alternatives
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Format: json (one object per line) or a Go template like '{{.Status}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Keep printing new events (the default); false prints past events and exits
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub stream: bool,
    /// Print full IDs (the default); false shortens them to 12 characters
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub no_trunc: bool,
}

pub fn events(ctx: &Ctx, a: EventsArgs) -> CmdResult {
    let now = chrono::Utc::now();
    let time = |s: &Option<String>, flag: &str| {
        s.as_deref()
            .map(|t| parse_timestamp(t, now).map_err(|e| anyhow!("--{flag}: {e}")))
            .transpose()
    };
    let since = time(&a.since, "since")?;
    let until = time(&a.until, "until")?;
    let filter = Filters::for_kind::<Event>(&a.filter)?;
    let format = a.format.as_deref().map(Format::parse).transpose()?;
    let template = match &format {
        Some(Format::Template(t)) => Some(t),
        _ => None,
    };
    let json = matches!(format, Some(Format::Json));
    let line = |e: &Event| -> anyhow::Result<String> {
        let short;
        let e = if a.no_trunc || e.id.len() <= 12 {
            e
        } else {
            let mut s = e.clone();
            s.id.truncate(12);
            short = s;
            &short
        };
        Ok(if json {
            serde_json::to_string(e)?
        } else if let Some(t) = template {
            render(t, e)?
        } else {
            e.human()
        })
    };
    let wanted = |e: &Event| {
        since.is_none_or(|s| e.time() >= s)
            && until.is_none_or(|u| e.time() <= u)
            && filter.matches(e).unwrap_or(false)
    };
    let log = EventLog::new(&ctx.paths.data);
    let mut out = std::io::stdout().lock();
    // Like Docker: with --until in the past there is nothing to wait for.
    if !a.stream || until.is_some_and(|u| u <= now) {
        for e in log.read(&wanted)? {
            writeln!(out, "{}", line(&e)?)?;
        }
        return Ok(0);
    }
    let mut failure = None;
    let result = log.follow(until, &mut |e| {
        if !wanted(e) {
            return Ok(true);
        }
        match line(e) {
            Ok(l) => {
                writeln!(out, "{l}")?;
                out.flush()?;
                Ok(true)
            }
            Err(err) => {
                failure = Some(err);
                Ok(false)
            }
        }
    });
    match result {
        // `cove events | head -3`: the reader went away.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        Err(e) => Err(e.into()),
        Ok(()) => match failure {
            Some(e) => Err(e.into()),
            None => Ok(0),
        },
    }
}

fn render(t: &Template, e: &Event) -> anyhow::Result<String> {
    Ok(t.render(&serde_json::to_value(e)?)?)
}
