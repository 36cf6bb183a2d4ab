//! Images: references, platforms, the image store built on `storage`.

pub mod reference;
