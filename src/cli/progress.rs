//! Progress for pull and push: bars on a terminal, one plain line per blob otherwise,
//! nothing with `-q`.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::image::pull::PullReporter;
use crate::registry::pull::PullObserver;
use crate::registry::push::PushObserver;

fn short(digest: &str) -> &str {
    let hex = digest.trim_start_matches("sha256:");
    &hex[..hex.len().min(12)]
}

pub struct Progress {
    mode: Mode,
}

enum Mode {
    Quiet,
    Lines,
    Bars {
        multi: MultiProgress,
        bars: Mutex<HashMap<String, ProgressBar>>,
    },
}

pub fn pull_observer(quiet: bool) -> Arc<Progress> {
    Arc::new(Progress::new(quiet))
}

pub fn push_observer(quiet: bool) -> Arc<Progress> {
    Arc::new(Progress::new(quiet))
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let mode = if quiet {
            Mode::Quiet
        } else if std::io::stderr().is_terminal() {
            Mode::Bars {
                multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
                bars: Mutex::new(HashMap::new()),
            }
        } else {
            Mode::Lines
        };
        Progress { mode }
    }

    fn line(&self, s: String) {
        match &self.mode {
            Mode::Quiet => {}
            Mode::Lines => eprintln!("{s}"),
            Mode::Bars { multi, .. } => {
                let _ = multi.println(s);
            }
        }
    }

    fn start(&self, digest: &str, size: u64) {
        if let Mode::Bars { multi, bars } = &self.mode {
            let bar = multi.add(ProgressBar::new(size));
            let style = ProgressStyle::with_template(
                "Copying blob {prefix} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar.set_prefix(short(digest).to_string());
            if let Ok(mut b) = bars.lock() {
                b.insert(digest.to_string(), bar);
            }
        }
    }

    fn advance(&self, digest: &str, bytes: u64) {
        if let Mode::Bars { bars, .. } = &self.mode {
            if let Some(bar) = bars.lock().ok().and_then(|b| b.get(digest).cloned()) {
                bar.inc(bytes);
            }
        }
    }

    fn done(&self, digest: &str, skipped: bool, skip_word: &str) {
        if let Mode::Bars { bars, .. } = &self.mode {
            if let Some(bar) = bars.lock().ok().and_then(|mut b| b.remove(digest)) {
                bar.finish_and_clear();
            }
        }
        let status = if skipped { skip_word } else { "done" };
        self.line(format!("Copying blob {} {status}", short(digest)));
    }

    /// Clear any bars left (on error) so the error message starts on a clean line.
    pub fn finish(&self) {
        if let Mode::Bars { multi, bars } = &self.mode {
            if let Ok(mut b) = bars.lock() {
                for (_, bar) in b.drain() {
                    bar.finish_and_clear();
                }
            }
            let _ = multi.clear();
        }
    }
}

impl PullObserver for Progress {
    fn warning(&self, message: &str) {
        // Warnings are shown even with -q (they say the image differs from its layers),
        // but not with --log-level error.
        if !crate::log::enabled(crate::log::Level::Warn) {
            return;
        }
        match &self.mode {
            Mode::Bars { multi, .. } => {
                let _ = multi.println(format!("WARNING: {message}"));
            }
            _ => eprintln!("WARNING: {message}"),
        }
    }
    fn resolved(&self, _reference: &str, _manifest_digest: &str) {
        self.line("Getting image source signatures".into());
    }
    fn blob_started(&self, digest: &str, size: u64) {
        self.start(digest, size);
    }
    fn blob_progress(&self, digest: &str, bytes: u64) {
        self.advance(digest, bytes);
    }
    fn blob_done(&self, digest: &str, already_present: bool) {
        self.done(digest, already_present, "skipped: already exists");
    }
    fn writing_manifest(&self) {
        self.line("Writing manifest to image destination".into());
    }
    fn finished(&self) {
        self.finish();
    }
}

/// Pull progress as `cove pull` shows it: each registry tried, then its blobs.
pub struct PullReport {
    pub quiet: bool,
}

impl PullReporter for PullReport {
    fn attempt(&self, reference: &str) -> Arc<dyn PullObserver> {
        if !self.quiet {
            eprintln!("Trying to pull {reference}...");
        }
        pull_observer(self.quiet)
    }
}

impl PushObserver for Progress {
    fn blob_started(&self, digest: &str, size: u64) {
        self.start(digest, size);
    }
    fn blob_progress(&self, digest: &str, bytes: u64) {
        self.advance(digest, bytes);
    }
    fn blob_done(&self, digest: &str, skipped: bool) {
        self.done(digest, skipped, "skipped: already exists");
    }
    fn writing_manifest(&self) {
        self.line("Writing manifest to image destination".into());
    }
}
