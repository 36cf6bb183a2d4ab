//! `--cert-dir`: a directory of certificates for the registry, laid out as
//! containers-certs.d(5) describes: CA certificates to trust as `*.crt`, a client
//! certificate as `*.cert` with its key in `*.key`.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CertError {
    #[error("reading certificates in {}: {source}", dir.display())]
    Read {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a PEM certificate", path.display())]
    NotPem { path: PathBuf },
    #[error(
        "{}: client certificates are not supported: cove's registry client cannot present one \
         (CA certificates belong in *.crt files)",
        path.display()
    )]
    ClientCert { path: PathBuf },
}

/// The CA certificates (PEM) of `dir`, in name order. A directory that does not exist
/// holds none, as Podman reads it.
pub fn ca_certificates(dir: &Path) -> Result<Vec<Vec<u8>>, CertError> {
    let read_err = |source| CertError::Read {
        dir: dir.to_path_buf(),
        source,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(read_err(e)),
    };
    let mut paths = entries
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(read_err)?;
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        match path.extension().and_then(|e| e.to_str()) {
            Some("crt") => {
                let pem = std::fs::read(&path).map_err(read_err)?;
                if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
                    return Err(CertError::NotPem { path });
                }
                out.push(pem);
            }
            Some("cert") | Some("key") => return Err(CertError::ClientCert { path }),
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ca_files_and_refuses_client_pairs() {
        let dir = tempfile::tempdir().unwrap();
        assert!(ca_certificates(&dir.path().join("none"))
            .unwrap()
            .is_empty());
        std::fs::write(
            dir.path().join("ca.crt"),
            "-----BEGIN CERTIFICATE-----\nMII=\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("README"), "ignored").unwrap();
        assert_eq!(ca_certificates(dir.path()).unwrap().len(), 1);
        std::fs::write(dir.path().join("bad.crt"), "junk").unwrap();
        let e = ca_certificates(dir.path()).unwrap_err().to_string();
        assert!(e.ends_with("bad.crt: not a PEM certificate"), "{e}");
        std::fs::remove_file(dir.path().join("bad.crt")).unwrap();
        std::fs::write(dir.path().join("me.cert"), "x").unwrap();
        let e = ca_certificates(dir.path()).unwrap_err().to_string();
        assert!(e.contains("client certificates are not supported"), "{e}");
    }
}
