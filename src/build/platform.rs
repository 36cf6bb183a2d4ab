//! The platform a build is for: only the local one (no emulation), with BuildKit's
//! automatic platform ARGs (`BUILDPLATFORM`, `TARGETARCH`, ...) set to it, so Dockerfiles
//! written for cross builds (`FROM --platform=$BUILDPLATFORM`) build here as they are.

use crate::image::platform::Platform;

/// BuildKit's automatic ARG `name`, if it is one, for the local platform.
pub fn automatic_arg(name: &str) -> Option<String> {
    let p = Platform::host();
    let full = match &p.variant {
        Some(v) => format!("{}/{}/{v}", p.os, p.arch),
        None => format!("{}/{}", p.os, p.arch),
    };
    let (_, what) = name
        .strip_prefix("BUILD")
        .map(|w| ("BUILD", w))
        .or_else(|| name.strip_prefix("TARGET").map(|w| ("TARGET", w)))?;
    match what {
        "PLATFORM" => Some(full),
        "OS" => Some(p.os),
        "ARCH" => Some(p.arch),
        "VARIANT" => Some(p.variant.unwrap_or_default()),
        _ => None,
    }
}

/// Every automatic platform ARG with its value.
pub fn automatic_args() -> Vec<(String, String)> {
    ["BUILD", "TARGET"]
        .iter()
        .flat_map(|p| ["PLATFORM", "OS", "ARCH", "VARIANT"].map(|w| format!("{p}{w}")))
        .filter_map(|n| automatic_arg(&n).map(|v| (n, v)))
        .collect()
}

/// `--platform` (of FROM or of the build): the local platform is accepted, another one
/// refused with what would be needed.
pub fn check(wanted: &str) -> Result<(), String> {
    let p = Platform::from_flags(Some(wanted), None, None, None).map_err(|e| e.to_string())?;
    let host = Platform::host();
    if (p.os.as_str(), p.arch.as_str()) != (host.os.as_str(), host.arch.as_str()) {
        return Err(format!(
            "cannot build for platform {wanted}: only the local platform {}/{} is supported (no emulation)",
            host.os, host.arch
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_platform_only() {
        let host = automatic_arg("BUILDPLATFORM").unwrap();
        assert_eq!(automatic_arg("TARGETPLATFORM").unwrap(), host);
        assert!(check(&host).is_ok());
        let other = if host.contains("amd64") {
            "linux/arm64"
        } else {
            "linux/amd64"
        };
        assert!(check(other)
            .unwrap_err()
            .contains("only the local platform"));
        assert!(automatic_arg("BUILDFOO").is_none());
        assert!(automatic_args().iter().any(|(k, _)| k == "TARGETARCH"));
    }
}
