//! Rootless entry: the per-user user+mount namespace held by a pause process.
//! (Being written: see the foundation issue.)

/// How this invocation runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Real root on the host: no namespace, system paths.
    Rootful,
    /// Inside the per-user namespace; `uid`/`gid` are the user's ids on the host.
    Rootless {
        uid: u32,
        gid: u32,
        uid_map: Vec<IdMapping>,
        gid_map: Vec<IdMapping>,
    },
}

/// One line of /proc/PID/uid_map: `container_id host_id size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct IdMapping {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}
