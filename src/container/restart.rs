//! `--restart` policies, carried out without a daemon: when a container's process ends,
//! its shim runs `cove container cleanup`, which asks [`RestartPolicy::wants_restart`]
//! and, after [`backoff`], starts the container again.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyName {
    #[default]
    No,
    OnFailure,
    Always,
    UnlessStopped,
}

impl PolicyName {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyName::No => "no",
            PolicyName::OnFailure => "on-failure",
            PolicyName::Always => "always",
            PolicyName::UnlessStopped => "unless-stopped",
        }
    }
}

/// Docker's `RestartPolicy`: a name and, for on-failure, a retry limit (0: unlimited).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RestartPolicy {
    pub name: PolicyName,
    pub max_retries: u32,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PolicyError {
    #[error("invalid restart policy {0:?}: use no, on-failure[:MAX], always or unless-stopped")]
    Unknown(String),
    #[error("invalid restart policy {0:?}: the retry count must be a non-negative number")]
    Retries(String),
    #[error("invalid restart policy {0:?}: only on-failure takes a retry count")]
    RetriesNotAllowed(String),
}

impl FromStr for RestartPolicy {
    type Err = PolicyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (name, count) = match s.split_once(':') {
            Some((n, c)) => (n, Some(c)),
            None => (s, None),
        };
        let name = match name {
            "" | "no" => PolicyName::No,
            "on-failure" => PolicyName::OnFailure,
            "always" => PolicyName::Always,
            "unless-stopped" => PolicyName::UnlessStopped,
            _ => return Err(PolicyError::Unknown(s.to_string())),
        };
        let max_retries = match count {
            None => 0,
            Some(_) if name != PolicyName::OnFailure => {
                return Err(PolicyError::RetriesNotAllowed(s.to_string()))
            }
            Some(c) => c.parse().map_err(|_| PolicyError::Retries(s.to_string()))?,
        };
        Ok(RestartPolicy { name, max_retries })
    }
}

impl fmt::Display for RestartPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name.as_str())?;
        if self.name == PolicyName::OnFailure && self.max_retries > 0 {
            write!(f, ":{}", self.max_retries)?;
        }
        Ok(())
    }
}

impl RestartPolicy {
    /// Whether a container whose process ended this way is started again. A container
    /// stopped by the user (`stop`, `kill`, `rm -f`) never is.
    pub fn wants_restart(&self, exit_code: i32, stopped_by_user: bool, restarts: u32) -> bool {
        if stopped_by_user {
            return false;
        }
        match self.name {
            PolicyName::No => false,
            PolicyName::OnFailure => {
                exit_code != 0 && (self.max_retries == 0 || restarts < self.max_retries)
            }
            PolicyName::Always | PolicyName::UnlessStopped => true,
        }
    }

    /// Whether `cove start --all --boot` (Docker's daemon starting) brings the container
    /// back: `always` ones do, `unless-stopped` ones unless the user had stopped them.
    pub fn starts_at_boot(&self, stopped_by_user: bool) -> bool {
        match self.name {
            PolicyName::Always => true,
            PolicyName::UnlessStopped => !stopped_by_user,
            _ => false,
        }
    }
}

/// A container that ran this long before it ended is considered to have worked: the
/// back-off starts over (Docker's rule).
const STABLE_RUN: Duration = Duration::from_secs(10);
const FIRST_DELAY: Duration = Duration::from_millis(100);
const MAX_DELAY: Duration = Duration::from_secs(60);

/// How long to wait before restart number `restarts + 1`: 100 ms doubling up to a minute,
/// back to 100 ms after a run of at least ten seconds.
pub fn backoff(restarts: u32, ran_for: Duration) -> Duration {
    if ran_for >= STABLE_RUN {
        return FIRST_DELAY;
    }
    FIRST_DELAY
        .saturating_mul(1u32 << restarts.min(10))
        .min(MAX_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_docker_forms() {
        let p: RestartPolicy = "on-failure:3".parse().unwrap();
        assert_eq!(p.name, PolicyName::OnFailure);
        assert_eq!(p.max_retries, 3);
        assert_eq!(p.to_string(), "on-failure:3");
        assert_eq!(
            "always".parse::<RestartPolicy>().unwrap().to_string(),
            "always"
        );
        assert_eq!("".parse::<RestartPolicy>().unwrap().name, PolicyName::No);
        assert!(matches!(
            "sometimes".parse::<RestartPolicy>(),
            Err(PolicyError::Unknown(_))
        ));
        assert!(matches!(
            "on-failure:x".parse::<RestartPolicy>(),
            Err(PolicyError::Retries(_))
        ));
        assert!(matches!(
            "always:2".parse::<RestartPolicy>(),
            Err(PolicyError::RetriesNotAllowed(_))
        ));
    }

    #[test]
    fn decisions() {
        let on3: RestartPolicy = "on-failure:3".parse().unwrap();
        assert!(on3.wants_restart(1, false, 0));
        assert!(on3.wants_restart(1, false, 2));
        assert!(!on3.wants_restart(1, false, 3), "exactly three restarts");
        assert!(!on3.wants_restart(0, false, 0), "success is not a failure");
        let always: RestartPolicy = "always".parse().unwrap();
        assert!(always.wants_restart(0, false, 100));
        assert!(!always.wants_restart(137, true, 0), "stop wins");
        assert!(!RestartPolicy::default().wants_restart(1, false, 0));
        let unless: RestartPolicy = "unless-stopped".parse().unwrap();
        assert!(unless.starts_at_boot(false));
        assert!(!unless.starts_at_boot(true));
        assert!(always.starts_at_boot(true));
        assert!(!on3.starts_at_boot(false));
    }

    #[test]
    fn backoff_doubles_and_resets() {
        let quick = Duration::from_millis(50);
        assert_eq!(backoff(0, quick), Duration::from_millis(100));
        assert_eq!(backoff(1, quick), Duration::from_millis(200));
        assert_eq!(backoff(3, quick), Duration::from_millis(800));
        assert_eq!(backoff(30, quick), Duration::from_secs(60));
        assert_eq!(
            backoff(30, Duration::from_secs(11)),
            Duration::from_millis(100)
        );
    }
}
