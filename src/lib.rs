//! cove: a rootless, daemonless container engine.
//!
//! The library holds the engine; `src/main.rs` is a thin entry point and `cli` parses and
//! prints. See docs/ARCHITECTURE.md for the map of modules.

// The store hands out its database behind a mutex guard; a guard kept alive by a `for`,
// `match` or `if let` scrutinee deadlocks the next `store.db()` in the body (it happened
// twice). This lint finds that shape.
#![deny(clippy::significant_drop_in_scrutinee)]

pub mod api;
pub mod build;
pub mod cli;
pub mod config;
pub mod container;
pub mod events;
pub mod fdpass;
pub mod filter;
pub mod format;
pub mod image;
pub mod kube;
pub mod log;
pub mod network;
pub mod paths;
pub mod pod;
pub mod registry;
pub mod rootless;
pub mod secret;
pub mod storage;
pub mod system;
pub mod systemd;
pub mod time;
pub mod volume;
