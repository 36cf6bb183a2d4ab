//! What the `cove-runtime` binary and the `cove` CLI share: the one way a process in a
//! container is set up and exec'd (its init, `cove exec`, health checks).

pub mod process;
pub mod seccomp;
pub mod signal;
