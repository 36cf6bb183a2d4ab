//! `--secret NAME[,type=mount|env][,target=T][,uid=U][,gid=G][,mode=M]`: a secret of the
//! store given to the container at each start, as a read-only file (default
//! /run/secrets/NAME, in the runtime directory on the host, never in the container's
//! layer) or as an environment variable that `inspect` does not show. The container
//! records which secret it uses, not the data, so the data is read at start.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::create::CreateError;
use super::record::{MountKind, MountSpec};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SecretKind {
    #[default]
    Mount,
    Env,
}

/// A secret as a container uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretUse {
    pub name: String,
    /// The secret's ID, found at create ("" until then).
    #[serde(default)]
    pub id: String,
    pub kind: SecretKind,
    /// The file's path in the container, or the variable's name.
    pub target: String,
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
}

const SECRETS_DIR: &str = "/run/secrets";
const DEFAULT_MODE: u32 = 0o444;

fn invalid(why: String) -> CreateError {
    CreateError::Secret(format!("{why}: parsing secret"))
}

/// The flag's value, in Podman's syntax and with its error wording.
pub fn parse(flag: &str) -> Result<SecretUse, CreateError> {
    let mut parts = flag.split(',');
    let name = parts.next().unwrap_or_default();
    if name.is_empty() || name.contains('=') {
        return Err(invalid(format!("{flag} is not a secret name")));
    }
    let (mut kind, mut target) = (SecretKind::Mount, None);
    let (mut uid, mut gid, mut mode) = (None, None, None);
    for opt in parts {
        let (key, value) = opt
            .split_once('=')
            .ok_or_else(|| invalid(format!("option {opt} must be in the form option=value")))?;
        let number = |radix: u32| {
            u32::from_str_radix(value, radix)
                .map_err(|_| invalid(format!("{key} {value} is invalid")))
        };
        match key {
            "type" => {
                kind = match value {
                    "mount" => SecretKind::Mount,
                    "env" => SecretKind::Env,
                    _ => return Err(invalid(format!("type {value} is invalid"))),
                }
            }
            "target" if !value.is_empty() => target = Some(value.to_string()),
            "uid" => uid = Some(number(10)?),
            "gid" => gid = Some(number(10)?),
            "mode" => mode = Some(number(8)?),
            _ => return Err(invalid(format!("option {opt} invalid"))),
        }
    }
    if kind == SecretKind::Env && (uid.is_some() || gid.is_some() || mode.is_some()) {
        return Err(invalid(
            "UID, GID, Mode options cannot be set with secret type env".into(),
        ));
    }
    let target = target.unwrap_or_else(|| name.to_string());
    let target = match kind {
        SecretKind::Mount if !target.starts_with('/') => format!("{SECRETS_DIR}/{target}"),
        _ => target,
    };
    Ok(SecretUse {
        name: name.to_string(),
        id: String::new(),
        kind,
        target,
        uid: uid.unwrap_or(0),
        gid: gid.unwrap_or(0),
        mode: mode.unwrap_or(DEFAULT_MODE),
    })
}

/// What a start adds for the container's secrets: read-only bind mounts of files written
/// under `dir`, and `KEY=VALUE` entries for the process environment.
#[derive(Debug, Default)]
pub struct Materialized {
    pub mounts: Vec<MountSpec>,
    pub env: Vec<String>,
}

/// Write each mount secret to its own file under `dir` (a private directory of the
/// runtime dir), owned and moded as asked; `data` reads a secret's bytes by ID.
pub fn materialize(
    uses: &[SecretUse],
    dir: &Path,
    mut data: impl FnMut(&SecretUse) -> Result<Vec<u8>, super::ContainerError>,
) -> Result<Materialized, super::ContainerError> {
    let mut out = Materialized::default();
    let io = |what: &str, path: &Path| {
        let context = format!("{what} {}", path.display());
        move |source| super::ContainerError::Io { context, source }
    };
    for (i, s) in uses.iter().enumerate() {
        let bytes = data(s)?;
        match s.kind {
            SecretKind::Env => {
                out.env
                    .push(format!("{}={}", s.target, String::from_utf8_lossy(&bytes)))
            }
            SecretKind::Mount => {
                crate::paths::ensure_private_dir(dir).map_err(io("creating", dir))?;
                // Numbered: two secrets may share a name's last component.
                let file = dir.join(format!("{i}-{}", s.name));
                fs::write(&file, &bytes).map_err(io("writing", &file))?;
                nix::unistd::chown(&file, Some(s.uid.into()), Some(s.gid.into()))
                    .map_err(|e| io("chowning", &file)(e.into()))?;
                fs::set_permissions(&file, fs::Permissions::from_mode(s.mode))
                    .map_err(io("setting the mode of", &file))?;
                out.mounts.push(MountSpec {
                    kind: MountKind::Bind,
                    source: file.display().to_string(),
                    destination: s.target.clone(),
                    options: vec!["rbind".into(), "ro".into()],
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_a_world_readable_file_under_run_secrets() {
        let s = parse("pw").unwrap();
        assert_eq!(
            (s.kind, s.target.as_str(), s.uid, s.gid, s.mode),
            (SecretKind::Mount, "/run/secrets/pw", 0, 0, 0o444)
        );
    }

    #[test]
    fn options_as_podman_reads_them() {
        let s = parse("pw,target=/etc/x,mode=0400,uid=5,gid=6").unwrap();
        assert_eq!(
            (s.target.as_str(), s.uid, s.gid, s.mode),
            ("/etc/x", 5, 6, 0o400)
        );
        assert_eq!(parse("pw,target=key").unwrap().target, "/run/secrets/key");
        let e = parse("pw,type=env,target=PASSWORD").unwrap();
        assert_eq!((e.kind, e.target.as_str()), (SecretKind::Env, "PASSWORD"));
        assert_eq!(parse("pw,type=env").unwrap().target, "pw");
    }

    #[test]
    fn bad_options_are_refused_with_podmans_words() {
        let err = |f: &str| parse(f).unwrap_err().to_string();
        assert_eq!(
            err("pw,type=bogus"),
            "type bogus is invalid: parsing secret"
        );
        assert_eq!(err("pw,foo=1"), "option foo=1 invalid: parsing secret");
        assert!(err("pw,mode=9z").contains("mode 9z is invalid"));
        assert!(err("pw,uid=-1").contains("uid -1 is invalid"));
        assert!(err("pw,type=env,mode=0400").contains("cannot be set with secret type env"));
        assert!(err("").contains("is not a secret name"));
        assert!(err("pw,notkv").contains("option=value"));
    }
}
