//! Images: references, platforms, the image store built on `storage`.

pub mod inspect;
pub mod platform;
pub mod reference;
pub mod store;
