//! Checking credentials against a registry before `cove login` stores them.

use reqwest::StatusCode;

use crate::registry::auth::Credentials;

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("logging in to {host}: invalid username/password")]
    Unauthorized { host: String },
    #[error("logging in to {host}: {source}")]
    Http {
        host: String,
        source: reqwest::Error,
    },
    #[error("logging in to {host}: registry answered {status}")]
    Unexpected { host: String, status: StatusCode },
}

/// `https://host/v1/` and `host/path` as users paste them: only the host counts.
pub fn registry_host(input: &str) -> String {
    let s = input
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    s.split('/').next().unwrap_or(s).to_string()
}

/// Verify `creds` with the registry's own challenge: Basic auth directly on /v2/, or a
/// token request to the Bearer realm it names.
pub async fn verify(host: &str, insecure: bool, creds: &Credentials) -> Result<(), LoginError> {
    verify_with(host, insecure, creds, Vec::new()).await
}

/// `verify`, trusting `roots` (`login --cert-dir`) besides the system's CAs.
pub async fn verify_with(
    host: &str,
    insecure: bool,
    creds: &Credentials,
    roots: Vec<reqwest::Certificate>,
) -> Result<(), LoginError> {
    let scheme = if insecure { "http" } else { "https" };
    let http = |source| LoginError::Http {
        host: host.to_string(),
        source,
    };
    let client = reqwest::Client::builder()
        .tls_certs_merge(roots)
        .build()
        .map_err(http)?;
    let url = format!("{scheme}://{host}/v2/");
    let res = client.get(&url).send().await.map_err(http)?;
    if res.status().is_success() {
        return Ok(());
    }
    if res.status() != StatusCode::UNAUTHORIZED {
        return Err(LoginError::Unexpected {
            host: host.to_string(),
            status: res.status(),
        });
    }
    let challenge = crate::registry::http::challenge_of(&res);
    let req = match crate::registry::http::bearer_params(&challenge) {
        Some((realm, service)) => {
            let mut q = vec![("account", creds.username.clone())];
            if let Some(s) = service {
                q.push(("service", s));
            }
            let mut url = reqwest::Url::parse(&realm).map_err(|_| LoginError::Unexpected {
                host: host.to_string(),
                status: StatusCode::UNAUTHORIZED,
            })?;
            url.query_pairs_mut().extend_pairs(q);
            client.get(url)
        }
        None => client.get(&url),
    };
    let res = req
        .basic_auth(&creds.username, Some(&creds.password))
        .send()
        .await
        .map_err(http)?;
    match res.status() {
        s if s.is_success() => Ok(()),
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Err(LoginError::Unauthorized {
            host: host.to_string(),
        }),
        status => Err(LoginError::Unexpected {
            host: host.to_string(),
            status,
        }),
    }
}
