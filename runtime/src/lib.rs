//! What the `cove-runtime` binary and the `cove` CLI share: the one way a process in a
//! container is set up and exec'd (its init, `cove exec`, health checks), and `start` and
//! `delete` of a created container (the CLI runs them without exec'ing the runtime).

pub mod lifecycle;
pub mod process;
pub mod seccomp;
pub mod signal;
pub mod state;
