//! Images: references, platforms, the image store built on `storage`.

pub mod archive;
pub mod import;
pub mod inspect;
pub(crate) mod layer_unpack;
pub mod lineage;
pub mod manifest_list;
pub mod mount;
pub mod platform;
pub mod pull;
pub mod reference;
pub mod remove;
pub mod report;
pub mod runlabel;
pub mod store;
pub mod tree;
pub mod trust;

#[cfg(test)]
mod props;
