//! cove: a rootless, daemonless container engine.
//!
//! The library holds the engine; `src/main.rs` is a thin entry point and `cli` parses and
//! prints. See docs/ARCHITECTURE.md for the map of modules.

pub mod cli;
pub mod config;
pub mod container;
pub mod format;
pub mod image;
pub mod paths;
pub mod registry;
pub mod rootless;
pub mod storage;
pub mod volume;
