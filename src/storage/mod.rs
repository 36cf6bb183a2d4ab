//! The per-user store: SQLite metadata, blobs by digest, extracted layers, and the
//! drivers that stack layers into a root filesystem.

pub mod compression;
pub mod db;
pub mod digest;
pub mod driver;
pub mod extract;
pub mod idshift;
pub mod new_inode;
pub mod schema;
pub mod whiteout;
