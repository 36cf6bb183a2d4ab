//! API versions in paths: clients send `/v1.44/containers/json` (or no version at all).
//! The prefix is taken off before routing; a version newer than cove's is refused as
//! dockerd refuses it, one older than the minimum too.

use axum::extract::Request;
use axum::http::Uri;

use super::{ApiError, API_VERSION, MIN_API_VERSION};

/// `(major, minor)` of a `1.44`-style version.
fn parse(v: &str) -> Option<(u32, u32)> {
    let (major, minor) = v.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// The path without its `/vX.Y` prefix, and the version if there was one.
pub fn split(path: &str) -> (Option<&str>, &str) {
    let Some(rest) = path.strip_prefix("/v") else {
        return (None, path);
    };
    let end = rest.find('/').unwrap_or(rest.len());
    let version = &rest[..end];
    if parse(version).is_none() {
        return (None, path);
    }
    let tail = &rest[end..];
    (Some(version), if tail.is_empty() { "/" } else { tail })
}

pub fn check(version: &str) -> Result<(), ApiError> {
    let (Some(v), Some(max), Some(min)) =
        (parse(version), parse(API_VERSION), parse(MIN_API_VERSION))
    else {
        return Err(ApiError::bad_request(format!(
            "invalid API version {version}"
        )));
    };
    if v > max {
        return Err(ApiError::bad_request(format!(
            "client version {version} is too new. Maximum supported API version is {API_VERSION}"
        )));
    }
    if v < min {
        return Err(ApiError::bad_request(format!(
            "client version {version} is too old. Minimum supported API version is {MIN_API_VERSION}, please upgrade your client to a newer version"
        )));
    }
    Ok(())
}

pub async fn strip(mut req: Request) -> Result<Request, ApiError> {
    let uri = req.uri();
    let (version, path) = split(uri.path());
    let Some(version) = version else {
        return Ok(req);
    };
    check(version)?;
    let rebuilt = match uri.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_string(),
    };
    *req.uri_mut() = rebuilt
        .parse::<Uri>()
        .map_err(|e| ApiError::bad_request(format!("bad request path: {e}")))?;
    Ok(req)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_come_off_paths() {
        assert_eq!(
            split("/v1.41/containers/json"),
            (Some("1.41"), "/containers/json")
        );
        assert_eq!(split("/containers/json"), (None, "/containers/json"));
        assert_eq!(split("/v1.44"), (Some("1.44"), "/"));
        // Not a version: a path that happens to start with v.
        assert_eq!(split("/volumes"), (None, "/volumes"));
        assert_eq!(split("/vx.y/info"), (None, "/vx.y/info"));
    }

    #[test]
    fn versions_outside_the_range_are_refused() {
        assert!(check("1.44").is_ok());
        assert!(check("1.24").is_ok());
        let e = check("1.50").unwrap_err();
        assert!(e.message.contains("too new"), "{}", e.message);
        assert!(check("1.12").unwrap_err().message.contains("too old"));
        assert!(check("1.x").is_err());
    }
}
