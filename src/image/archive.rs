//! STUB until the archive branch lands.
use crate::image::store::Store;
use crate::storage::db::ImageRecord;
use std::io::{Read, Write};
#[derive(Debug, thiserror::Error)]
#[error("save/load not available yet")]
pub struct ArchiveError;
pub enum ArchiveFormat {
    DockerArchive,
    OciArchive,
}
pub struct Loaded {
    pub id: String,
    pub names: Vec<String>,
}
pub fn save(
    _s: &Store,
    _i: &[(ImageRecord, Vec<String>)],
    _f: ArchiveFormat,
    _o: impl Write,
) -> Result<(), ArchiveError> {
    Err(ArchiveError)
}
pub fn load(_s: &Store, _i: impl Read, _r: bool) -> Result<Vec<Loaded>, ArchiveError> {
    Err(ArchiveError)
}
