//! The per-user store: SQLite metadata, blobs by digest, extracted layers.

pub mod compression;
pub mod digest;
pub mod extract;
