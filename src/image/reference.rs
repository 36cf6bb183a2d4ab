//! STUB: replaced by the refs branch.
#[derive(Debug, thiserror::Error)]
#[error("invalid reference format")]
pub struct ReferenceError;
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub registry: String,
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}
impl Reference {
    pub fn parse(_s: &str) -> Result<Reference, ReferenceError> {
        Err(ReferenceError)
    }
    pub fn whole(&self) -> String {
        String::new()
    }
    pub fn repository_with_registry(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }
    pub fn tag_or_latest(&self) -> &str {
        self.tag.as_deref().unwrap_or("latest")
    }
    pub fn is_short_name(_input: &str) -> bool {
        true
    }
    pub fn to_oci(&self) -> oci_client::Reference {
        oci_client::Reference::with_tag(
            self.registry.clone(),
            self.repository.clone(),
            self.tag_or_latest().into(),
        )
    }
}
