//! Talking to registries: pull and push through oci-client, credentials.

pub mod auth;
