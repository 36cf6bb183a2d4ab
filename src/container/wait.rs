//! Docker's wait conditions (`POST /containers/{id}/wait?condition=`): `not-running`
//! (the default, met at once by a container that is not running), `next-exit` (the next
//! time the process ends, even if it is running or not started yet) and `removed`
//! (`docker run --rm` waits for that, before it starts the container).
//!
//! There is no daemon to be told of an exit: the store is polled. An exit between two
//! polls is still seen, because each exit writes a new `finished_at`; a `--rm` container
//! may be gone before a poll saw it exit, so its code is then read from its `die` event.

use std::str::FromStr;
use std::time::Duration;

use super::record::{ContainerState, Status};
use super::{Container, ContainerError, Engine, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WaitCondition {
    #[default]
    NotRunning,
    NextExit,
    Removed,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid condition {0:?}: use not-running, next-exit or removed")]
pub struct ConditionError(pub String);

impl FromStr for WaitCondition {
    type Err = ConditionError;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "" | "not-running" => Ok(WaitCondition::NotRunning),
            "next-exit" => Ok(WaitCondition::NextExit),
            "removed" => Ok(WaitCondition::Removed),
            other => Err(ConditionError(other.to_string())),
        }
    }
}

/// A state Podman's `wait --condition` waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateCondition {
    Is(Status),
    /// Ended (Podman's stopped and exited are one state here).
    Stopped,
    /// `stop` was asked and the process has not ended yet.
    Stopping,
    Healthy,
    Unhealthy,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown container state: {0}: invalid argument")]
pub struct StateError(pub String);

impl FromStr for StateCondition {
    type Err = StateError;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        Ok(match s {
            // Podman's "configured" is what it prints as created.
            "created" | "configured" => StateCondition::Is(Status::Created),
            "initialized" => StateCondition::Is(Status::Initialized),
            "running" => StateCondition::Is(Status::Running),
            "paused" => StateCondition::Is(Status::Paused),
            "exited" | "stopped" => StateCondition::Stopped,
            "stopping" => StateCondition::Stopping,
            "healthy" => StateCondition::Healthy,
            "unhealthy" => StateCondition::Unhealthy,
            other => return Err(StateError(other.to_string())),
        })
    }
}

impl StateCondition {
    pub fn holds(self, s: &ContainerState) -> bool {
        let health = || s.health.as_ref().map(|h| h.status.as_str());
        match self {
            StateCondition::Is(status) => s.status == status,
            StateCondition::Stopped => s.status == Status::Exited,
            StateCondition::Stopping => s.stopped_by_user && s.status.has_process(),
            StateCondition::Healthy => health() == Some(super::health::HEALTHY),
            StateCondition::Unhealthy => health() == Some(super::health::UNHEALTHY),
        }
    }
}

/// Where a wait stands: what it saw when it began, and the exit code of an exit seen
/// since.
#[derive(Debug, Clone)]
pub struct Waiter {
    pub condition: WaitCondition,
    /// `finished_at` when the wait began: a different one means the process ended since.
    first_finish: String,
    exited: Option<i32>,
}

impl Waiter {
    pub fn new(condition: WaitCondition, initial: &ContainerState) -> Waiter {
        Waiter {
            condition,
            first_finish: initial.finished_at.clone(),
            exited: None,
        }
    }

    /// Whether one observation (None: the container is gone) ends the wait; its code.
    pub fn observe(&mut self, state: Option<&ContainerState>) -> Option<i32> {
        let Some(s) = state else {
            // Gone: every condition is over (Docker's not-running/next-exit waits end
            // with the container too).
            return Some(self.exited.unwrap_or(0));
        };
        let finished_again = !s.finished_at.is_empty() && s.finished_at != self.first_finish;
        if finished_again {
            self.exited = Some(s.exit_code);
        }
        match self.condition {
            WaitCondition::NotRunning
                if matches!(
                    s.status,
                    Status::Created | Status::Initialized | Status::Exited
                ) =>
            {
                Some(s.exit_code)
            }
            WaitCondition::NotRunning | WaitCondition::NextExit => self.exited,
            WaitCondition::Removed => None,
        }
    }

    /// What a `removed` wait reports when the container went before an exit was seen.
    fn exited(&self) -> Option<i32> {
        self.exited
    }
}

impl Engine {
    /// Block until `condition` holds for the container `id`; its exit code. `cancelled`
    /// is asked between polls (the client went away).
    pub fn wait_for(
        &self,
        id: &str,
        mut waiter: Waiter,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Option<i32>> {
        let mut delay = Duration::from_millis(5);
        loop {
            let state = match self.lookup(id) {
                Ok(c) => Some(c.state),
                Err(ContainerError::NotFound(_)) => None,
                Err(e) => return Err(e),
            };
            let gone = state.is_none();
            if let Some(code) = waiter.observe(state.as_ref()) {
                if gone && waiter.exited().is_none() {
                    return Ok(Some(self.last_exit_code(id).unwrap_or(code)));
                }
                return Ok(Some(code));
            }
            if cancelled() {
                return Ok(None);
            }
            std::thread::sleep(delay);
            delay = (delay * 2).min(Duration::from_millis(50));
        }
    }

    /// Podman's `wait --condition`: block until the container is in one of `conditions`,
    /// looking every `interval`. Its exit code when the wait is for its end (no condition,
    /// or only stopped/exited), else -1 (as Podman prints).
    pub fn wait_for_states(
        &self,
        c: &mut Container,
        conditions: &[StateCondition],
        interval: Duration,
    ) -> Result<i32> {
        if conditions.iter().all(|k| *k == StateCondition::Stopped) {
            return self.wait(c);
        }
        loop {
            *c = self.lookup(&c.id)?;
            if conditions.iter().any(|k| k.holds(&c.state)) {
                return Ok(-1);
            }
            std::thread::sleep(interval);
        }
    }

    /// The exit code of the container's last `die` event.
    pub(super) fn last_exit_code(&self, id: &str) -> Option<i32> {
        let events = self
            .events
            .read(&|e| e.id == id && e.status == "die")
            .ok()?;
        events.last()?.container_exit_code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(status: Status, finished: &str, code: i32) -> ContainerState {
        ContainerState {
            status,
            finished_at: finished.into(),
            exit_code: code,
            ..Default::default()
        }
    }

    #[test]
    fn podman_states_parse_and_hold() {
        assert_eq!(
            "initialized".parse(),
            Ok(StateCondition::Is(Status::Initialized))
        );
        assert_eq!("stopped".parse(), Ok(StateCondition::Stopped));
        assert_eq!(
            "bogus".parse::<StateCondition>().unwrap_err().to_string(),
            "unknown container state: bogus: invalid argument"
        );
        let mut s = state(Status::Running, "", 0);
        assert!(StateCondition::Is(Status::Running).holds(&s));
        assert!(!StateCondition::Stopping.holds(&s));
        s.stopped_by_user = true;
        assert!(StateCondition::Stopping.holds(&s));
        assert!(StateCondition::Stopped.holds(&state(Status::Exited, "t", 0)));
    }

    #[test]
    fn conditions_parse_as_docker_names_them() {
        assert_eq!("".parse(), Ok(WaitCondition::NotRunning));
        assert_eq!("next-exit".parse(), Ok(WaitCondition::NextExit));
        assert_eq!("removed".parse(), Ok(WaitCondition::Removed));
        assert!("whenever".parse::<WaitCondition>().is_err());
    }

    #[test]
    fn not_running_is_met_at_once_by_a_stopped_container() {
        let s = state(Status::Exited, "t1", 3);
        assert_eq!(
            Waiter::new(WaitCondition::NotRunning, &s).observe(Some(&s)),
            Some(3)
        );
        let created = state(Status::Created, "", 0);
        assert_eq!(
            Waiter::new(WaitCondition::NotRunning, &created).observe(Some(&created)),
            Some(0)
        );
    }

    #[test]
    fn next_exit_waits_for_a_new_finish_even_one_between_polls() {
        let before = state(Status::Exited, "t1", 1);
        let mut w = Waiter::new(WaitCondition::NextExit, &before);
        assert_eq!(
            w.observe(Some(&before)),
            None,
            "the old exit does not count"
        );
        assert_eq!(w.observe(Some(&state(Status::Running, "t1", 1))), None);
        // Restarted by its policy before this poll: the exit is seen anyway.
        assert_eq!(w.observe(Some(&state(Status::Running, "t2", 7))), Some(7));
    }

    #[test]
    fn removed_waits_for_the_container_to_go_and_keeps_its_exit_code() {
        let created = state(Status::Created, "", 0);
        let mut w = Waiter::new(WaitCondition::Removed, &created);
        assert_eq!(w.observe(Some(&created)), None);
        assert_eq!(w.observe(Some(&state(Status::Exited, "t1", 4))), None);
        assert_eq!(w.observe(None), Some(4));
        // Gone before any poll saw it exit: 0 here, the caller asks the event log.
        let mut w = Waiter::new(WaitCondition::Removed, &created);
        assert_eq!(w.observe(None), Some(0));
        assert_eq!(w.exited(), None);
    }
}
