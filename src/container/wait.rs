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
use super::{ContainerError, Engine, Result};

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
            WaitCondition::NotRunning if matches!(s.status, Status::Created | Status::Exited) => {
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

    /// The exit code of the container's last `die` event.
    fn last_exit_code(&self, id: &str) -> Option<i32> {
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
