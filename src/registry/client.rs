//! A configured registry connection: TLS choice, credentials, the oci-client handle.

use oci_client::client::{Certificate, CertificateEncoding, ClientConfig, ClientProtocol};
use oci_client::secrets::RegistryAuth;
use oci_client::Client;

use crate::config::registries::RegistriesConf;
use crate::image::reference::Reference;
use crate::registry::auth::{self, Credentials};
use crate::registry::certs::CertError;

/// What the user asked about TLS on the command line (`--tls-verify`).
#[derive(Debug, Clone, Copy, Default)]
pub struct TlsFlag(pub Option<bool>);

pub struct Registry {
    pub client: Client,
    pub auth: RegistryAuth,
    /// The host (and port) as written in references: `127.0.0.1:5000`, `docker.io`.
    pub host: String,
}

#[derive(Debug, Clone, Default)]
pub struct ConnectOptions {
    pub tls_verify: TlsFlag,
    /// Explicit `--creds user:pass`; otherwise the auth files are consulted.
    pub creds: Option<Credentials>,
    pub auth_files: Vec<std::path::PathBuf>,
    /// `--cert-dir`: CA certificates to trust besides the system's.
    pub cert_dir: Option<std::path::PathBuf>,
}

impl ConnectOptions {
    /// The PEM CA certificates `--cert-dir` holds (none without it).
    pub fn ca_certificates(&self) -> Result<Vec<Vec<u8>>, CertError> {
        match &self.cert_dir {
            Some(d) => crate::registry::certs::ca_certificates(d),
            None => Ok(Vec::new()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("registry {0} is blocked in registries.conf")]
    Blocked(String),
    #[error(transparent)]
    Auth(#[from] auth::AuthError),
    #[error(transparent)]
    Certs(#[from] CertError),
}

impl Registry {
    pub fn connect(
        reference: &Reference,
        conf: &RegistriesConf,
        opts: &ConnectOptions,
    ) -> Result<Registry, ConnectError> {
        let host = reference.registry.as_str();
        if conf.blocked(reference) {
            return Err(ConnectError::Blocked(host.to_string()));
        }
        // Plain HTTP only when asked for: `--tls-verify=false` or `insecure = true`.
        let insecure = match opts.tls_verify.0 {
            Some(verify) => !verify,
            None => conf.insecure(host),
        };
        let protocol = if insecure {
            ClientProtocol::HttpsExcept(vec![host.to_string()])
        } else {
            ClientProtocol::Https
        };
        let extra_root_certificates = opts
            .ca_certificates()?
            .into_iter()
            .map(|data| Certificate {
                encoding: CertificateEncoding::Pem,
                data,
            })
            .collect();
        let config = ClientConfig {
            protocol,
            extra_root_certificates,
            // cove picks the platform itself (image::platform) from the raw index.
            platform_resolver: None,
            max_concurrent_download: 16,
            max_concurrent_upload: 16,
            ..Default::default()
        };
        let creds = match &opts.creds {
            Some(c) => Some(c.clone()),
            None => auth::lookup(&opts.auth_files, host)?,
        };
        let auth = match creds {
            Some(c) => RegistryAuth::Basic(c.username, c.password),
            None => RegistryAuth::Anonymous,
        };
        Ok(Registry {
            client: Client::new(config),
            auth,
            host: host.to_string(),
        })
    }
}
