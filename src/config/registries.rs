//! STUB: replaced by the refs branch.
#[derive(Debug, Default)]
pub struct RegistriesConf;
impl RegistriesConf {
    pub fn insecure(&self, _h: &str) -> bool {
        false
    }
    pub fn blocked(&self, _h: &str) -> bool {
        false
    }
}
