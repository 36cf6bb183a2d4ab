//! `push --format` and `--compression-format`. cove sends an image's stored manifest and
//! blobs unchanged (its digest survives the round trip), so a request the image already
//! meets works and converting to another form is refused with one line.

use crate::storage::db::ImageRecord;

const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";

#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error("unknown format {0:?}. Choose on of the supported formats: 'oci', 'v2s1', or 'v2s2'")]
    UnknownFormat(String),
    #[error("cannot find compressor for {0:?}")]
    UnknownCompression(String),
    #[error(
        "--{flag} {wanted}: not supported: cove pushes the image as stored ({have}) and does \
         not convert it"
    )]
    Conversion {
        flag: &'static str,
        wanted: String,
        have: String,
    },
}

/// The manifest format of a stored image in `--format`'s words.
fn format_of(img: &ImageRecord) -> &str {
    match img.manifest_media_type.as_str() {
        OCI_MANIFEST => "oci",
        DOCKER_MANIFEST => "v2s2",
        other => other,
    }
}

/// The compression of a layer blob in `--compression-format`'s words.
fn compression_of(media_type: &str) -> &'static str {
    if media_type.ends_with("+zstd") || media_type.ends_with(".zstd") {
        "zstd"
    } else if media_type.ends_with("gzip") {
        "gzip"
    } else {
        "uncompressed"
    }
}

/// Check `--format` and `--compression-format` against what `img` is.
pub fn check(
    img: &ImageRecord,
    format: Option<&str>,
    compression: Option<&str>,
) -> Result<(), FormError> {
    if let Some(f) = format {
        if !["oci", "v2s1", "v2s2"].contains(&f) {
            return Err(FormError::UnknownFormat(f.to_string()));
        }
        let have = format_of(img);
        if have != f {
            return Err(FormError::Conversion {
                flag: "format",
                wanted: f.to_string(),
                have: have.to_string(),
            });
        }
    }
    if let Some(c) = compression {
        // zstd:chunked is zstd with a table of contents cove does not write.
        if !["gzip", "zstd", "zstd:chunked"].contains(&c) {
            return Err(FormError::UnknownCompression(c.to_string()));
        }
        let mut kinds: Vec<&str> = img
            .layers
            .iter()
            .map(|l| compression_of(&l.blob_media_type))
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        if kinds.iter().any(|k| *k != c) {
            return Err(FormError::Conversion {
                flag: "compression-format",
                wanted: c.to_string(),
                have: format!("{} layers", kinds.join(" and ")),
            });
        }
    }
    Ok(())
}
