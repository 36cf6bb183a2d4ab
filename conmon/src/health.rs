//! Health-check scheduling: the shim only runs the checker program (`cove healthcheck run
//! ID`) on time; the checker does the check and records the result. One run at a time,
//! the next `interval` after the previous one ended (Docker's timing).

use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::args::HealthCommand;
use crate::sys;

pub struct HealthTimer {
    cmd: HealthCommand,
    next: Instant,
    running: Option<libc::pid_t>,
}

impl HealthTimer {
    pub fn new(cmd: HealthCommand) -> HealthTimer {
        let next = Instant::now() + Duration::from_millis(cmd.interval_ms);
        HealthTimer {
            cmd,
            next,
            running: None,
        }
    }

    /// Milliseconds until the next run is due; None while one runs.
    pub fn timeout_ms(&self) -> Option<i32> {
        if self.running.is_some() {
            return None;
        }
        let left = self.next.saturating_duration_since(Instant::now());
        Some(left.as_millis().min(i32::MAX as u128) as i32)
    }

    /// Start the checker if it is due.
    pub fn tick(&mut self) {
        if self.running.is_some() || Instant::now() < self.next {
            return;
        }
        let mut cmd = Command::new(&self.cmd.program);
        cmd.args(&self.cmd.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null());
        // SAFETY: only async-signal-safe calls in the closure.
        unsafe {
            cmd.pre_exec(sys::reset_signals_for_exec);
        }
        match cmd.spawn() {
            // Reaped by the monitor's waitpid(-1), which reports it to `reaped`.
            Ok(child) => self.running = Some(child.id() as libc::pid_t),
            Err(e) => {
                diag!(
                    "starting the health check {}: {e}",
                    self.cmd.program.display()
                );
                self.schedule();
            }
        }
    }

    /// A child was reaped: if it was the checker, the next run is an interval away.
    pub fn reaped(&mut self, pid: libc::pid_t) {
        if self.running == Some(pid) {
            self.running = None;
            self.schedule();
        }
    }

    fn schedule(&mut self) {
        self.next = Instant::now() + Duration::from_millis(self.cmd.interval_ms);
    }
}
