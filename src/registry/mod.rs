//! Talking to registries: pull and push through oci-client, credentials.

pub mod auth;
pub mod certs;
pub mod client;
pub mod http;
pub mod login;
pub mod manifest;
pub mod pull;
pub mod push;
pub mod push_form;
pub mod search;

/// An error and its causes on one line, each cause once: the HTTP client's own message
/// hides the interesting part ("connection refused") in its source chain.
pub fn error_causes(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut cur = err.source();
    while let Some(e) = cur {
        let s = e.to_string();
        if !out.contains(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
        cur = e.source();
    }
    out
}
