//! The containers-common configuration files users already have.

pub mod containers;
pub mod error;
pub mod registries;
pub mod storage;

pub use error::ConfigError;

#[cfg(test)]
mod props;
