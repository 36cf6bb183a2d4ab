//! The per-user store: SQLite metadata, blobs by digest, extracted layers.
pub mod driver;
