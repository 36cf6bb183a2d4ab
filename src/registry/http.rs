//! Registry API requests oci-client does not offer (`/v2/_catalog`, Docker Hub's
//! `/v1/search`): one GET with the registry's own challenge answered, Basic credentials
//! or a Bearer token for the scope the request needs.

use reqwest::header::WWW_AUTHENTICATE;
use reqwest::{Response, StatusCode};

use crate::config::registries::RegistriesConf;
use crate::registry::auth::{self, Credentials};
use crate::registry::client::{ConnectError, ConnectOptions};

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error(transparent)]
    Connect(#[from] ConnectError),
    #[error("{0}")]
    Request(String),
    #[error("unable to retrieve auth token: invalid username/password: {0}")]
    Unauthorized(String),
    #[error("invalid status code from registry {0}")]
    Status(StatusCode),
}

fn request_err(e: reqwest::Error) -> HttpError {
    HttpError::Request(crate::registry::error_causes(&e))
}

/// PEM CA certificates (from `--cert-dir`) as the HTTP client takes them.
pub fn root_certificates(pems: &[Vec<u8>]) -> Result<Vec<reqwest::Certificate>, HttpError> {
    pems.iter()
        .map(|p| reqwest::Certificate::from_pem(p).map_err(request_err))
        .collect()
}

/// A registry host reached over HTTPS, or plain HTTP when `--tls-verify=false` or
/// registries.conf's `insecure` says so (as cove's pulls do).
pub struct RawRegistry {
    client: reqwest::Client,
    scheme: &'static str,
    creds: Option<Credentials>,
}

impl RawRegistry {
    pub fn connect(
        host: &str,
        conf: &RegistriesConf,
        opts: &ConnectOptions,
    ) -> Result<RawRegistry, HttpError> {
        let insecure = match opts.tls_verify.0 {
            Some(verify) => !verify,
            None => conf.insecure(host),
        };
        let creds = match &opts.creds {
            Some(c) => Some(c.clone()),
            None => auth::lookup(&opts.auth_files, host).map_err(ConnectError::from)?,
        };
        let client = reqwest::Client::builder()
            .tls_certs_merge(root_certificates(
                &opts.ca_certificates().map_err(ConnectError::from)?,
            )?)
            .build()
            .map_err(request_err)?;
        Ok(RawRegistry {
            client,
            scheme: if insecure { "http" } else { "https" },
            creds,
        })
    }

    /// GET `https://host{path}`; a 401 is answered once with the challenge's credentials
    /// (a Bearer token asked for `scope`, e.g. `registry:catalog:*`). Any status other
    /// than 401 is returned to the caller.
    pub async fn get(&self, host: &str, path: &str, scope: &str) -> Result<Response, HttpError> {
        let url = format!("{}://{host}{path}", self.scheme);
        let res = self.client.get(&url).send().await.map_err(request_err)?;
        if res.status() != StatusCode::UNAUTHORIZED {
            return Ok(res);
        }
        let challenge = challenge_of(&res);
        let req = self.client.get(&url);
        let req = match bearer_params(&challenge) {
            Some((realm, service)) => {
                let token = self.token(&realm, service.as_deref(), scope).await?;
                req.bearer_auth(token)
            }
            None => match &self.creds {
                Some(c) => req.basic_auth(&c.username, Some(&c.password)),
                None => return Err(HttpError::Unauthorized(unauthorized_text(res).await)),
            },
        };
        let res = req.send().await.map_err(request_err)?;
        if res.status() == StatusCode::UNAUTHORIZED {
            return Err(HttpError::Unauthorized(unauthorized_text(res).await));
        }
        Ok(res)
    }

    async fn token(
        &self,
        realm: &str,
        service: Option<&str>,
        scope: &str,
    ) -> Result<String, HttpError> {
        let mut url = reqwest::Url::parse(realm)
            .map_err(|e| HttpError::Request(format!("bearer realm {realm:?}: {e}")))?;
        {
            let mut q = url.query_pairs_mut();
            if let Some(c) = &self.creds {
                q.append_pair("account", &c.username);
            }
            if let Some(s) = service {
                q.append_pair("service", s);
            }
            q.append_pair("scope", scope);
        }
        let mut req = self.client.get(url);
        if let Some(c) = &self.creds {
            req = req.basic_auth(&c.username, Some(&c.password));
        }
        let res = req.send().await.map_err(request_err)?;
        if !res.status().is_success() {
            return Err(HttpError::Unauthorized(unauthorized_text(res).await));
        }
        let body: serde_json::Value = res.json().await.map_err(request_err)?;
        body.get("token")
            .or_else(|| body.get("access_token"))
            .and_then(|t| t.as_str())
            .map(String::from)
            .ok_or_else(|| HttpError::Request(format!("token server at {realm} sent no token")))
    }
}

/// The registry's own words for a refusal (`unauthorized: authentication required`).
async fn unauthorized_text(res: Response) -> String {
    let body: serde_json::Value = res.json().await.unwrap_or_default();
    let first = &body["errors"][0];
    match (first["code"].as_str(), first["message"].as_str()) {
        (Some(code), Some(msg)) => format!("{}: {msg}", code.to_ascii_lowercase()),
        _ => "unauthorized".to_string(),
    }
}

/// The `WWW-Authenticate` challenge of a 401 answer (empty without one).
pub fn challenge_of(res: &Response) -> String {
    res.headers()
        .get(WWW_AUTHENTICATE)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// `Bearer realm="https://auth/token",service="registry"` -> (realm, service).
pub fn bearer_params(header: &str) -> Option<(String, Option<String>)> {
    let rest = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))?;
    let mut realm = None;
    let mut service = None;
    for part in rest.split(',') {
        let Some((k, v)) = part.trim().split_once('=') else {
            continue;
        };
        let v = v.trim_matches('"').to_string();
        match k {
            "realm" => realm = Some(v),
            "service" => service = Some(v),
            _ => {}
        }
    }
    Some((realm?, service))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_challenges_name_realm_and_service() {
        let (r, s) =
            bearer_params(r#"Bearer realm="https://auth.example/token",service="reg""#).unwrap();
        assert_eq!(r, "https://auth.example/token");
        assert_eq!(s.as_deref(), Some("reg"));
        assert!(bearer_params(r#"Basic realm="x""#).is_none());
    }
}
