//! ADD's http(s) sources: the file downloaded with the HTTP stack the registry client
//! uses (reqwest, rustls, the proxy variables), into the step's temporary directory.
//! As Docker does it: the name is the URL path's last part, the mode 0600 unless
//! `--chmod` says otherwise, the time the server's Last-Modified when it sends one, and
//! the content is never unpacked.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A downloaded source.
pub struct Fetched {
    pub path: PathBuf,
    /// The file name the URL gives (`index.html` when its path ends in `/`).
    pub name: String,
    /// Seconds since the epoch, from Last-Modified.
    pub mtime: Option<i64>,
}

pub fn is_url(src: &str) -> bool {
    src.starts_with("http://") || src.starts_with("https://")
}

fn name_of(url: &reqwest::Url) -> String {
    url.path_segments()
        .and_then(|mut s| s.next_back().map(str::to_string))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "index.html".to_string())
}

/// GET `url` into a file under `dir`.
pub fn fetch(url: &str, dir: &Path) -> Result<Fetched, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("invalid URL {url}: {e}"))?;
    let name = name_of(&parsed);
    let path = dir.join(format!("download-{}", uuid_like(url)));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("fetching {url}: {e}"))?;
    let mtime = rt.block_on(async {
        let client = reqwest::Client::builder()
            .build()
            .map_err(|e| format!("fetching {url}: {e}"))?;
        let mut res = client
            .get(parsed)
            .send()
            .await
            .map_err(|e| format!("failed to GET {url}: {e}"))?;
        if !res.status().is_success() {
            return Err(format!("failed to GET {url} with status {}", res.status()));
        }
        let mtime = res
            .headers()
            .get(reqwest::header::LAST_MODIFIED)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok())
            .map(|t| t.timestamp());
        let mut f = std::fs::File::create(&path).map_err(|e| format!("{url}: {e}"))?;
        while let Some(chunk) = res
            .chunk()
            .await
            .map_err(|e| format!("failed to GET {url}: {e}"))?
        {
            f.write_all(&chunk).map_err(|e| format!("{url}: {e}"))?;
        }
        Ok::<_, String>(mtime)
    })?;
    let f = std::fs::File::options()
        .write(true)
        .open(&path)
        .map_err(|e| format!("{url}: {e}"))?;
    f.set_permissions(std::fs::Permissions::from_mode(0o600))
        .map_err(|e| format!("{url}: {e}"))?;
    let when = match mtime {
        Some(t) if t >= 0 => std::time::UNIX_EPOCH + std::time::Duration::from_secs(t as u64),
        _ => std::time::SystemTime::now(),
    };
    f.set_modified(when).map_err(|e| format!("{url}: {e}"))?;
    Ok(Fetched { path, name, mtime })
}

/// A file name for `url`'s download that two sources of one step cannot share.
fn uuid_like(url: &str) -> String {
    super::cache::key("url", &[url])[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_url_path() {
        let n = |u: &str| name_of(&reqwest::Url::parse(u).unwrap());
        assert_eq!(n("http://h/a/b/tool.tar.gz?x=1"), "tool.tar.gz");
        assert_eq!(n("https://h/"), "index.html");
        assert!(is_url("https://h/x") && !is_url("httpfile"));
        assert!(fetch("http://[bad", Path::new("/tmp")).is_err());
    }
}
