//! The containers-common configuration files users already have.

pub mod registries;
