//! Health checks without a daemon: the shim runs `cove healthcheck run ID` every interval;
//! that command runs the check inside the container ([`Engine::run_healthcheck`]), keeps
//! the result in the container's state, reports status changes as events and carries out
//! `--health-on-failure`.

use std::io::{Read, Seek};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{io_err, Container, ContainerError, Engine, Result, Status};

/// Docker's defaults for the `--health-*` flags.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_RETRIES: u32 = 3;
/// Results kept in State.Health.Log, and output bytes kept per result (Docker's numbers).
const KEEP_RESULTS: usize = 5;
const MAX_OUTPUT: usize = 4096;

/// What to do when the container turns unhealthy (`--health-on-failure`, Podman's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnFailure {
    #[default]
    None,
    Kill,
    Restart,
    Stop,
}

impl std::str::FromStr for OnFailure {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "none" => Ok(OnFailure::None),
            "kill" => Ok(OnFailure::Kill),
            "restart" => Ok(OnFailure::Restart),
            "stop" => Ok(OnFailure::Stop),
            _ => Err(format!(
                "invalid --health-on-failure {s:?}: use none, kill, restart or stop"
            )),
        }
    }
}

/// The check as configured: Docker's `Config.Healthcheck` (durations in nanoseconds).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct HealthConfig {
    /// `["CMD-SHELL", "cmd"]` or `["CMD", "prog", "arg", ...]`.
    pub test: Vec<String>,
    pub interval: u64,
    pub timeout: u64,
    pub start_period: u64,
    pub retries: u32,
    #[serde(skip_serializing_if = "is_none_action")]
    pub on_failure: OnFailure,
    /// Docker's `--health-start-interval` (ns; 0: unset).
    #[serde(skip_serializing_if = "is_zero")]
    pub start_interval: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_none_action(a: &OnFailure) -> bool {
    *a == OnFailure::None
}

impl HealthConfig {
    /// The argv run inside the container; None for `NONE` or an empty test.
    pub fn command(&self) -> Option<Vec<String>> {
        match self.test.split_first()? {
            (kind, rest) if kind == "CMD-SHELL" => {
                Some(vec!["/bin/sh".into(), "-c".into(), rest.join(" ")])
            }
            (kind, rest) if kind == "CMD" && !rest.is_empty() => Some(rest.to_vec()),
            _ => None,
        }
    }

    pub fn interval(&self) -> Duration {
        nanos_or(self.interval, DEFAULT_INTERVAL)
    }

    pub fn timeout(&self) -> Duration {
        nanos_or(self.timeout, DEFAULT_TIMEOUT)
    }

    pub fn retries(&self) -> u32 {
        if self.retries == 0 {
            DEFAULT_RETRIES
        } else {
            self.retries
        }
    }
}

fn nanos_or(n: u64, default: Duration) -> Duration {
    if n == 0 {
        default
    } else {
        Duration::from_nanos(n)
    }
}

/// Docker's State.Health.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct HealthState {
    /// starting, healthy or unhealthy.
    pub status: String,
    pub failing_streak: u32,
    pub log: Vec<CheckResult>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct CheckResult {
    pub start: String,
    pub end: String,
    pub exit_code: i32,
    pub output: String,
}

pub const STARTING: &str = "starting";
pub const HEALTHY: &str = "healthy";
pub const UNHEALTHY: &str = "unhealthy";

impl HealthState {
    pub fn starting() -> HealthState {
        HealthState {
            status: STARTING.into(),
            ..HealthState::default()
        }
    }

    /// Take one result in. A failure inside the start period does not count (unless the
    /// container was healthy already), `retries` failures in a row make it unhealthy, one
    /// success makes it healthy. Returns whether the status changed.
    pub fn record(&mut self, result: CheckResult, in_start_period: bool, retries: u32) -> bool {
        let before = self.status.clone();
        if result.exit_code == 0 {
            self.failing_streak = 0;
            self.status = HEALTHY.into();
        } else if !(in_start_period && self.status == STARTING) {
            self.failing_streak += 1;
            if self.failing_streak >= retries {
                self.status = UNHEALTHY.into();
            }
        }
        self.log.push(result);
        if self.log.len() > KEEP_RESULTS {
            self.log.remove(0);
        }
        self.status != before
    }
}

/// What `cove healthcheck run` found.
pub struct CheckOutcome {
    pub status: String,
    pub exit_code: i32,
}

#[derive(Debug, thiserror::Error)]
pub enum HealthError {
    #[error("container {0} has no defined healthcheck")]
    NoCheck(String),
    #[error("container {0} is not running")]
    NotRunning(String),
}

impl Engine {
    /// Run the container's check once, record it, and act on the result.
    pub fn run_healthcheck(&self, c: &mut Container) -> Result<CheckOutcome> {
        let config = c
            .config
            .health
            .clone()
            .filter(|h| h.command().is_some())
            .ok_or_else(|| ContainerError::Health(HealthError::NoCheck(c.name.clone())))?;
        if c.state.status != Status::Running {
            return Err(ContainerError::Health(HealthError::NotRunning(
                c.name.clone(),
            )));
        }
        let result = self.check_once(c, &config)?;
        let exit_code = result.exit_code;

        let _lock = self.lock(&c.id)?;
        self.refresh(c)?;
        let (mut recorded, mut changed, mut status) = (false, false, String::new());
        // A compare-and-swap: the process may end (and a command record that) meanwhile.
        self.update_state(c, |s| {
            recorded = s.status == Status::Running;
            if !recorded {
                return false;
            }
            let started = super::run_time(&s.started_at, &super::now_rfc3339());
            let in_start_period = started < Duration::from_nanos(config.start_period);
            let health = s.health.get_or_insert_with(HealthState::starting);
            changed = health.record(result.clone(), in_start_period, config.retries());
            status = health.status.clone();
            true
        })?;
        if !recorded {
            // Stopped while the check ran: nothing to record.
            return Ok(CheckOutcome {
                status: c
                    .state
                    .health
                    .as_ref()
                    .map(|h| h.status.clone())
                    .unwrap_or_default(),
                exit_code,
            });
        }
        if changed {
            let mut e = self.event(c, "health_status");
            e.health_status = Some(status.clone());
            self.events.emit(&e);
        }
        if status == UNHEALTHY {
            drop(_lock);
            self.act_on_unhealthy(c, config.on_failure)?;
        }
        Ok(CheckOutcome { status, exit_code })
    }

    fn act_on_unhealthy(&self, c: &mut Container, action: OnFailure) -> Result<()> {
        match action {
            OnFailure::None => Ok(()),
            // Not the user's doing: a restart policy still applies.
            OnFailure::Kill => self.signal(c, "KILL"),
            OnFailure::Stop => self.stop(c, None),
            OnFailure::Restart => {
                self.update_state(c, |s| {
                    s.restart_requested = true;
                    true
                })?;
                // The shim's cleanup sees the request and starts the container again.
                self.signal(c, "KILL")
            }
        }
    }

    /// Run the check's command in the container, output captured, within the timeout.
    fn check_once(&self, c: &Container, config: &HealthConfig) -> Result<CheckResult> {
        let args = config.command().unwrap_or_default();
        let mut spec = self.exec_spec(c, args, &[], None, None, false, false)?;
        spec.timeout = Some(config.timeout());
        let start = super::now_rfc3339();
        // A memory file, not a pipe: a chatty check cannot block on a full pipe while we wait.
        let mut out = nix::sys::memfd::memfd_create(
            "healthcheck-output",
            nix::sys::memfd::MFdFlags::MFD_CLOEXEC,
        )
        .map(std::fs::File::from)
        .map_err(|e| io_err("creating a file for the check's output")(e.into()))?;
        let exit = super::exec::with_output_to(&out, &out, || {
            super::exec::exec(c.state.pid, &spec, false)
        })
        .map_err(io_err("redirecting the check's output"))?
        .map_err(|e| ContainerError::Io {
            context: format!("running the health check of {}", c.name),
            source: std::io::Error::other(e),
        })?;
        let mut output = Vec::new();
        let _ = out.rewind();
        let _ = out
            .by_ref()
            .take(MAX_OUTPUT as u64)
            .read_to_end(&mut output);
        let mut output = String::from_utf8_lossy(&output).into_owned();
        let exit_code = if exit.killed {
            output = format!("Health check exceeded timeout ({:?})", config.timeout());
            -1
        } else {
            exit.code
        };
        Ok(CheckResult {
            start,
            end: super::now_rfc3339(),
            exit_code,
            output,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(code: i32) -> CheckResult {
        CheckResult {
            exit_code: code,
            ..CheckResult::default()
        }
    }

    #[test]
    fn commands() {
        let shell = HealthConfig {
            test: vec!["CMD-SHELL".into(), "test -f /ok".into()],
            ..HealthConfig::default()
        };
        assert_eq!(shell.command().unwrap(), ["/bin/sh", "-c", "test -f /ok"]);
        let exec = HealthConfig {
            test: vec!["CMD".into(), "true".into()],
            ..HealthConfig::default()
        };
        assert_eq!(exec.command().unwrap(), ["true"]);
        let none = HealthConfig {
            test: vec!["NONE".into()],
            ..HealthConfig::default()
        };
        assert!(none.command().is_none());
        assert_eq!(none.interval(), DEFAULT_INTERVAL);
        assert_eq!(none.retries(), DEFAULT_RETRIES);
    }

    #[test]
    fn status_transitions() {
        let mut h = HealthState::starting();
        // Failures in the start period do not count while starting.
        assert!(!h.record(result(1), true, 2));
        assert_eq!((h.status.as_str(), h.failing_streak), (STARTING, 0));
        assert!(h.record(result(0), true, 2));
        assert_eq!(h.status, HEALTHY);
        assert!(!h.record(result(1), false, 2));
        assert_eq!(h.failing_streak, 1);
        assert!(h.record(result(1), false, 2), "second failure in a row");
        assert_eq!(h.status, UNHEALTHY);
        assert!(h.record(result(0), false, 2));
        assert_eq!((h.status.as_str(), h.failing_streak), (HEALTHY, 0));
        for _ in 0..10 {
            h.record(result(0), false, 2);
        }
        assert_eq!(h.log.len(), KEEP_RESULTS);
    }
}
