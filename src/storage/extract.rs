//! STUB: replaced by the layers branch.
use std::io::Read;
use std::path::Path;
#[derive(Debug, thiserror::Error)]
#[error("extract: {0}")]
pub struct ExtractError(String);
pub struct ExtractOptions {
    pub rootless: bool,
}
pub struct ExtractReport {
    pub warnings: Vec<String>,
    pub entries: u64,
}
pub fn extract_layer<R: Read>(
    _tar: R,
    _dest: &Path,
    _o: &ExtractOptions,
) -> Result<ExtractReport, ExtractError> {
    Err(ExtractError("stub".into()))
}
