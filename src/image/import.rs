//! STUB until the archive branch lands.
use crate::image::store::Store;
use std::io::Read;
#[derive(Debug, thiserror::Error)]
#[error("import not available yet")]
pub struct ImportError;
pub fn import(
    _s: &Store,
    _t: impl Read,
    _c: &[String],
    _m: Option<&str>,
    _r: bool,
) -> Result<String, ImportError> {
    Err(ImportError)
}
