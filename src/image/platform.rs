//! Platforms (os/arch/variant) and picking one entry of an image index.

use std::fmt;

use oci_spec::image::ImageIndex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    pub os: String,
    pub arch: String,
    pub variant: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PlatformError {
    #[error("invalid platform {0:?}: expected os/arch[/variant]")]
    Invalid(String),
    #[error("no image found in image index for architecture {wanted}: available {available}")]
    NoMatch { wanted: Platform, available: String },
    #[error(
        "image with reference {reference} was found but does not match the specified platform: wanted {wanted}, actual: {actual}"
    )]
    Mismatch {
        reference: String,
        wanted: String,
        actual: String,
    },
}

impl Platform {
    /// The machine cove runs on, in Go's GOARCH names as registries use them.
    pub fn host() -> Platform {
        let arch = match std::env::consts::ARCH {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            "x86" => "386",
            "arm" => "arm",
            "powerpc64" => "ppc64le",
            "s390x" => "s390x",
            "riscv64" => "riscv64",
            other => other,
        };
        Platform {
            os: "linux".into(),
            arch: arch.into(),
            variant: None,
        }
    }

    /// `--platform os/arch[/variant]`, then `--os`, `--arch`, `--variant` override parts
    /// of it (Podman accepts both forms).
    pub fn from_flags(
        platform: Option<&str>,
        os: Option<&str>,
        arch: Option<&str>,
        variant: Option<&str>,
    ) -> Result<Platform, PlatformError> {
        let mut p = Platform::host();
        if let Some(s) = platform {
            let parts: Vec<&str> = s.split('/').collect();
            if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|x| x.is_empty()) {
                return Err(PlatformError::Invalid(s.to_string()));
            }
            p.os = parts[0].to_string();
            p.arch = parts[1].to_string();
            p.variant = parts.get(2).map(|v| v.to_string());
        }
        if let Some(os) = os {
            p.os = os.to_string();
        }
        if let Some(arch) = arch {
            p.arch = arch.to_string();
            if platform.is_none() {
                p.variant = None;
            }
        }
        if let Some(v) = variant {
            p.variant = Some(v.to_string());
        }
        Ok(p)
    }

    pub fn matches(&self, os: &str, arch: &str, variant: Option<&str>) -> bool {
        if self.os != os || self.arch != arch {
            return false;
        }
        match (&self.variant, variant) {
            (None, _) => true,
            (Some(want), Some(have)) => want == have,
            // arm64 images usually omit the default variant
            (Some(want), None) => self.arch == "arm64" && want == "v8",
        }
    }

    /// The platform an image config names; this machine's when it names none (as the
    /// configs of imports by older tools).
    pub fn of_config(config: &[u8]) -> Platform {
        let v: serde_json::Value = serde_json::from_slice(config).unwrap_or_default();
        let text = |k: &str| v[k].as_str().filter(|s| !s.is_empty()).map(String::from);
        let host = Platform::host();
        Platform {
            os: text("os").unwrap_or(host.os),
            arch: text("architecture").unwrap_or(host.arch),
            variant: text("variant"),
        }
    }

    /// Docker's `--platform` on a command about a stored image. A stored image is one
    /// platform (pull picks one from an index), so the image either is that platform or
    /// the command fails, as dockerd's does for a single-platform image.
    pub fn check_image(&self, reference: &str, config: &[u8]) -> Result<(), PlatformError> {
        let actual = Platform::of_config(config);
        if self.matches(&actual.os, &actual.arch, actual.variant.as_deref()) {
            return Ok(());
        }
        Err(PlatformError::Mismatch {
            reference: reference.to_string(),
            wanted: self.to_string(),
            actual: actual.to_string(),
        })
    }

    /// Docker's `--platform os/arch[/variant]` flag, if given.
    pub fn from_flag(flag: Option<&str>) -> Result<Option<Platform>, PlatformError> {
        flag.map(|f| Platform::from_flags(Some(f), None, None, None))
            .transpose()
    }

    /// The digest of the index entry for this platform.
    pub fn select(&self, index: &ImageIndex) -> Result<String, PlatformError> {
        let mut available = Vec::new();
        for m in index.manifests() {
            let Some(p) = m.platform() else { continue };
            let (os, arch) = (p.os().to_string(), p.architecture().to_string());
            let variant = p.variant().as_deref();
            if self.matches(&os, &arch, variant) {
                return Ok(m.digest().to_string());
            }
            available.push(match variant {
                Some(v) => format!("{os}/{arch}/{v}"),
                None => format!("{os}/{arch}"),
            });
        }
        Err(PlatformError::NoMatch {
            wanted: self.clone(),
            available: if available.is_empty() {
                "none".into()
            } else {
                available.join(", ")
            },
        })
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.os, self.arch)?;
        if let Some(v) = &self.variant {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> ImageIndex {
        let json = r#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json",
          "manifests":[
           {"mediaType":"application/vnd.oci.image.manifest.v1+json","size":1,
            "digest":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "platform":{"os":"linux","architecture":"amd64"}},
           {"mediaType":"application/vnd.oci.image.manifest.v1+json","size":1,
            "digest":"sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            "platform":{"os":"linux","architecture":"arm64"}}]}"#;
        ImageIndex::from_reader(json.as_bytes()).unwrap()
    }

    #[test]
    fn picks_by_arch() {
        let p = Platform::from_flags(None, None, Some("arm64"), None).unwrap();
        assert!(p.select(&index()).unwrap().starts_with("sha256:bbbb"));
        let p = Platform::from_flags(Some("linux/amd64"), None, None, None).unwrap();
        assert!(p.select(&index()).unwrap().starts_with("sha256:aaaa"));
        let p = Platform::from_flags(Some("linux/arm64/v8"), None, None, None).unwrap();
        assert!(p.select(&index()).unwrap().starts_with("sha256:bbbb"));
    }

    #[test]
    fn no_match_lists_what_exists() {
        let p = Platform::from_flags(None, None, Some("s390x"), None).unwrap();
        let e = p.select(&index()).unwrap_err().to_string();
        assert!(e.contains("linux/amd64, linux/arm64"), "{e}");
        assert!(Platform::from_flags(Some("linux"), None, None, None).is_err());
    }
}
