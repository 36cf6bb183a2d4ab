//! Talking to registries: pull and push through oci-client, credentials.

pub mod auth;
pub mod client;
pub mod login;
pub mod pull;
pub mod push;
