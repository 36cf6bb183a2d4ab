//! The Docker/Podman flag syntaxes a create request is written in: `-v` (also the API's
//! `HostConfig.Binds` and quadlet's `Volume=`), `--mount`, `--tmpfs`, `--ulimit`, sizes,
//! `--security-opt`, `--log-opt`, `--env-file` contents and `-e` merging. Pure parsing:
//! whether a bind source exists is checked when the container is created.

use std::collections::BTreeMap;

use super::create::CreateError;
use super::record::{MountKind, MountSpec, Ulimit};

type Result<T> = std::result::Result<T, CreateError>;

/// `64m`, `1g`, `512`, `1kb`: bytes (binary units, as Docker).
pub fn parse_size(s: &str) -> Result<u64> {
    let s = s.trim().to_ascii_lowercase();
    let bare = s.trim_end_matches('b');
    let (num, mult) = match bare.chars().last() {
        Some('k') => (&bare[..bare.len() - 1], 1024),
        Some('m') => (&bare[..bare.len() - 1], 1024 * 1024),
        Some('g') => (&bare[..bare.len() - 1], 1024 * 1024 * 1024),
        _ => (bare, 1),
    };
    let n: u64 = num.parse().map_err(|_| CreateError::Size(s.clone()))?;
    n.checked_mul(mult).ok_or(CreateError::Size(s))
}

/// `-v SOURCE:DEST[:OPTIONS]`: a host path (absolute) or a volume name.
pub fn parse_volume(spec: &str) -> Result<MountSpec> {
    let bad = |why: &str| CreateError::Volume(spec.to_string(), why.to_string());
    let parts: Vec<&str> = spec.split(':').collect();
    let (src, dst, opts) = match parts.as_slice() {
        [s, d] => (*s, *d, ""),
        [s, d, o] => (*s, *d, *o),
        _ => return Err(bad("use HOST-DIR:CONTAINER-DIR[:OPTIONS]")),
    };
    if !dst.starts_with('/') {
        return Err(bad("the container path must be absolute"));
    }
    let named = !src.starts_with('/');
    if named {
        crate::volume::validate_name(src)?;
    }
    let mut options = if named {
        Vec::new()
    } else {
        vec!["rbind".to_string()]
    };
    let mut mode = "rw";
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        match o {
            "ro" | "rw" => mode = o,
            "nocopy" if named => options.push(o.to_string()),
            // Podman's :U, done at start: the source is chowned to the container's user.
            "U" => options.push(o.to_string()),
            // SELinux relabelling and propagation have no effect here.
            "z" | "Z" | "private" | "rprivate" | "shared" | "slave" | "rslave" => {}
            other => {
                return Err(CreateError::VolumeOption(
                    other.to_string(),
                    spec.to_string(),
                ))
            }
        }
    }
    options.push(mode.to_string());
    Ok(MountSpec {
        kind: if named {
            MountKind::Volume
        } else {
            MountKind::Bind
        },
        source: src.to_string(),
        destination: dst.to_string(),
        options,
    })
}

/// `--tmpfs DEST[:OPTIONS]`.
pub fn parse_tmpfs(spec: &str) -> Result<MountSpec> {
    let (dst, opts) = spec.split_once(':').unwrap_or((spec, ""));
    if !dst.starts_with('/') {
        return Err(CreateError::Tmpfs(spec.to_string()));
    }
    let mut options = vec!["nosuid".to_string(), "nodev".to_string()];
    options.extend(
        opts.split(',')
            .filter(|o| !o.is_empty())
            .map(str::to_string),
    );
    Ok(MountSpec {
        kind: MountKind::Tmpfs,
        source: "tmpfs".into(),
        destination: dst.to_string(),
        options,
    })
}

/// Docker's `--mount type=bind,source=/a,target=/b,readonly`.
pub fn parse_mount(spec: &str) -> Result<MountSpec> {
    let bad = |why: String| CreateError::Mount(spec.to_string(), why);
    let mut kind = "volume".to_string();
    let (mut source, mut target) = (String::new(), String::new());
    let mut read_only = false;
    let mut extra = Vec::new();
    for part in spec.split(',') {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k {
            "type" => kind = v.to_string(),
            "source" | "src" => source = v.to_string(),
            "target" | "destination" | "dst" => target = v.to_string(),
            "readonly" | "ro" => read_only = v.is_empty() || v == "true" || v == "1",
            "tmpfs-size" => extra.push(format!("size={v}")),
            "tmpfs-mode" => extra.push(format!("mode={v}")),
            "bind-propagation" | "relabel" | "consistency" | "volume-nocopy" => {}
            _ => return Err(bad(format!("unknown option {k:?}"))),
        }
    }
    if target.is_empty() {
        return Err(bad("target is required".into()));
    }
    let mode = if read_only { "ro" } else { "rw" };
    match kind.as_str() {
        "bind" | "volume" => {
            if source.is_empty() {
                return Err(bad("source is required".into()));
            }
            parse_volume(&format!("{source}:{target}:{mode}"))
        }
        "tmpfs" => {
            let mut opts = extra;
            opts.push(mode.to_string());
            parse_tmpfs(&format!("{target}:{}", opts.join(",")))
        }
        other => Err(bad(format!("unsupported type {other:?}"))),
    }
}

/// `--ulimit nofile=1024[:2048]` (-1 or `unlimited` for no limit).
pub fn parse_ulimit(spec: &str) -> Result<Ulimit> {
    let bad = |why: String| CreateError::Ulimit(spec.to_string(), why);
    let (kind, values) = spec
        .split_once('=')
        .ok_or_else(|| bad("use TYPE=SOFT[:HARD]".into()))?;
    let typ =
        super::spec::rlimit_type(kind).ok_or_else(|| bad(format!("unknown type {kind:?}")))?;
    let num = |v: &str| -> Result<u64> {
        if v == "-1" || v == "unlimited" {
            return Ok(u64::MAX);
        }
        v.parse().map_err(|_| bad(format!("{v:?} is not a number")))
    };
    let (soft, hard) = match values.split_once(':') {
        Some((s, h)) => (num(s)?, num(h)?),
        None => (num(values)?, num(values)?),
    };
    if soft > hard {
        return Err(bad("the soft limit exceeds the hard limit".into()));
    }
    // The OCI name (RLIMIT_NOFILE), as the spec's serde spells it.
    let kind = serde_json::to_value(typ)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    Ok(Ulimit { kind, soft, hard })
}

/// How the container's syscalls are filtered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Seccomp {
    /// Podman's default allow-list.
    #[default]
    Default,
    Unconfined,
    /// An OCI or Docker profile file, as given (made absolute and checked at create).
    Profile(String),
}

/// `--security-opt` values, folded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecurityOptions {
    pub no_new_privileges: bool,
    pub seccomp: Seccomp,
}

impl SecurityOptions {
    pub fn parse<S: AsRef<str>>(opts: &[S]) -> Result<SecurityOptions> {
        let mut out = SecurityOptions::default();
        for o in opts {
            match o.as_ref() {
                "no-new-privileges" | "no-new-privileges=true" | "no-new-privileges:true" => {
                    out.no_new_privileges = true
                }
                "seccomp=unconfined" | "seccomp:unconfined" => out.seccomp = Seccomp::Unconfined,
                o if o.starts_with("seccomp=") => {
                    out.seccomp = Seccomp::Profile(o["seccomp=".len()..].to_string())
                }
                "label=disable" | "apparmor=unconfined" => {}
                other => return Err(CreateError::SecurityOpt(other.to_string())),
            }
        }
        Ok(out)
    }
}

/// `--log-opt` values: the log file's size limit (None: unlimited or not given).
pub fn parse_log_opts<S: AsRef<str>>(opts: &[S]) -> Result<Option<u64>> {
    let mut max = None;
    for o in opts {
        match o.as_ref().split_once('=') {
            Some(("max-size", v)) => max = Some(parse_size(v)?),
            Some(("max-file", _)) | Some(("tag", _)) => {}
            _ => return Err(CreateError::LogOpt(o.as_ref().to_string())),
        }
    }
    Ok(max)
}

/// The entries of an `--env-file` (or `--label-file`): one per line, blank lines and
/// `#` comments skipped.
pub fn parse_env_file(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Apply `KEY=VALUE` over `env`; a bare `KEY` takes its value from `lookup` (the caller's
/// environment) and is skipped when that has none.
pub fn merge_env(env: &mut Vec<String>, entry: &str, lookup: impl Fn(&str) -> Option<String>) {
    let (key, value) = match entry.split_once('=') {
        Some((k, v)) => (k.to_string(), v.to_string()),
        None => match lookup(entry) {
            Some(v) => (entry.to_string(), v),
            None => return,
        },
    };
    env.retain(|e| e.split('=').next() != Some(key.as_str()));
    env.push(format!("{key}={value}"));
}

/// `--health-cmd`: a JSON array is an exec form (as Podman takes it), anything else a
/// shell command. Docker's `Healthcheck.Test` form.
pub fn health_test(cmd: &str) -> Vec<String> {
    match serde_json::from_str::<Vec<String>>(cmd) {
        Ok(args) if !args.is_empty() => std::iter::once("CMD".to_string()).chain(args).collect(),
        _ => vec!["CMD-SHELL".into(), cmd.to_string()],
    }
}

/// `--device HOST[:CONTAINER][:PERMISSIONS]`: rootless, a device node can only be bound
/// from the host (as Podman does without root); without `w` in the permissions it is
/// bound read-only.
pub fn parse_device(spec: &str) -> Result<MountSpec> {
    let bad = |why: &str| CreateError::Device(spec.to_string(), why.to_string());
    let parts: Vec<&str> = spec.split(':').collect();
    let is_perms = |p: &str| !p.is_empty() && p.chars().all(|c| matches!(c, 'r' | 'w' | 'm'));
    let (src, dst, perms) = match parts.as_slice() {
        [s] => (*s, *s, "rwm"),
        [s, p] if is_perms(p) => (*s, *s, *p),
        [s, d] => (*s, *d, "rwm"),
        [s, d, p] if is_perms(p) => (*s, *d, *p),
        [_, _, _] => return Err(bad("permissions are a combination of r, w and m")),
        _ => return Err(bad("use HOST-DEVICE[:CONTAINER-DEVICE][:PERMISSIONS]")),
    };
    if !src.starts_with('/') || !dst.starts_with('/') {
        return Err(bad("device paths must be absolute"));
    }
    let mode = if perms.contains('w') { "rw" } else { "ro" };
    Ok(MountSpec {
        kind: MountKind::Bind,
        source: src.to_string(),
        destination: dst.to_string(),
        options: vec!["rbind".into(), mode.into()],
    })
}

/// `--umask`: octal, at most 0777.
pub fn parse_umask(s: &str) -> Result<u32> {
    u32::from_str_radix(s, 8)
        .ok()
        .filter(|m| *m <= 0o777)
        .ok_or_else(|| CreateError::Umask(s.to_string()))
}

/// `--annotation KEY=VALUE`.
pub fn parse_annotation(s: &str) -> Result<(String, String)> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(CreateError::Annotation(s.to_string())),
    }
}

/// `--label-file` contents: one KEY=VALUE per line, `#` comments and blank lines skipped.
pub fn parse_label_file(text: &str) -> BTreeMap<String, String> {
    key_values(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#')),
    )
}

/// `--label`/`--opt` values: `KEY=VALUE`, or a bare `KEY` with an empty value.
pub fn key_values<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> BTreeMap<String, String> {
    items
        .into_iter()
        .map(|l| {
            let l = l.as_ref();
            let (k, v) = l.split_once('=').unwrap_or((l, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// `--platform`/`--arch`/`--os`/`--variant` of `run`/`create`: images run natively only,
/// so anything but this machine's platform is refused before a pull.
pub fn check_platform(
    wanted: &crate::image::platform::Platform,
    host: &crate::image::platform::Platform,
) -> Result<()> {
    if wanted.os == host.os && wanted.arch == host.arch {
        return Ok(());
    }
    let variant = wanted
        .variant
        .as_deref()
        .map(|v| format!("/{v}"))
        .unwrap_or_default();
    Err(CreateError::Platform(format!(
        "platform {}/{}{variant}: cove runs images of this machine's platform only ({}/{}), without emulation",
        wanted.os, wanted.arch, host.os, host.arch
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_merging() {
        let host = |k: &str| (k == "HOME").then(|| "/home/u".to_string());
        let mut env = vec!["PATH=/bin".to_string(), "A=1".to_string()];
        merge_env(&mut env, "A=2", host);
        merge_env(&mut env, "B=x=y", host);
        merge_env(&mut env, "HOME", host);
        merge_env(&mut env, "UNSET", host);
        assert_eq!(env, vec!["PATH=/bin", "A=2", "B=x=y", "HOME=/home/u"]);
        assert_eq!(
            parse_env_file("# c\n\nA=1\n  B=2  \n"),
            vec!["A=1".to_string(), "B=2".to_string()]
        );
    }

    #[test]
    fn volumes_and_sizes() {
        assert!(parse_volume("rel/ative:/x").is_err());
        assert_eq!(parse_volume("data:/x").unwrap().kind, MountKind::Volume);
        let v = parse_volume("/tmp:/data:ro,Z").unwrap();
        assert_eq!(
            (v.kind, v.options),
            (MountKind::Bind, vec!["rbind".into(), "ro".into()])
        );
        assert_eq!(
            parse_volume("data:/x:nocopy,U").unwrap().options,
            vec!["nocopy", "U", "rw"]
        );
        assert!(
            parse_volume("/a:/b:nocopy").is_err(),
            "nocopy is for volumes"
        );
        assert!(parse_volume("/a:b").is_err());
        assert!(parse_volume("/a").is_err());
        assert_eq!(parse_size("10m").unwrap(), 10 * 1024 * 1024);
        let m = parse_mount("type=bind,source=/tmp,target=/data,readonly").unwrap();
        assert_eq!((m.kind, m.destination.as_str()), (MountKind::Bind, "/data"));
        assert!(m.options.contains(&"ro".to_string()));
        let m = parse_mount("type=tmpfs,target=/scratch,tmpfs-size=1m").unwrap();
        assert_eq!(m.kind, MountKind::Tmpfs);
        assert!(m.options.contains(&"size=1m".to_string()));
        assert!(parse_mount("type=bind,target=/x").is_err());
        assert!(parse_mount("type=weird,target=/x").is_err());
        assert!(parse_tmpfs("rel").is_err());
        let u = parse_ulimit("nofile=1024:2048").unwrap();
        assert_eq!(
            (u.kind.as_str(), u.soft, u.hard),
            ("RLIMIT_NOFILE", 1024, 2048)
        );
        assert_eq!(parse_ulimit("core=-1").unwrap().soft, u64::MAX);
        assert!(parse_ulimit("nofile=9:1").is_err());
        assert!(parse_ulimit("bogus=1").is_err());
        assert_eq!(parse_size("512").unwrap(), 512);
        assert_eq!(parse_size("1kb").unwrap(), 1024);
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999999g").is_err());
    }

    #[test]
    fn messages_keep_their_wording() {
        let msg = |r: Result<MountSpec>| r.unwrap_err().to_string();
        assert_eq!(
            msg(parse_volume("/a:b")),
            r#"invalid volume "/a:b": the container path must be absolute"#
        );
        assert_eq!(
            msg(parse_volume("/a:/b:xx")),
            r#"invalid volume option "xx" in "/a:/b:xx""#
        );
        assert_eq!(
            msg(parse_mount("type=bind,target=/x")),
            r#"invalid --mount "type=bind,target=/x": source is required"#
        );
        assert_eq!(
            parse_log_opts(&["max-file=3", "max-size=1k"]).unwrap(),
            Some(1024)
        );
        assert_eq!(
            parse_log_opts(&["x"]).unwrap_err().to_string(),
            r#"unsupported --log-opt "x": supported: max-size=SIZE"#
        );
    }

    #[test]
    fn security_options() {
        let s = SecurityOptions::parse(&["no-new-privileges", "seccomp=/p.json"]).unwrap();
        assert!(s.no_new_privileges);
        assert_eq!(s.seccomp, Seccomp::Profile("/p.json".into()));
        let s = SecurityOptions::parse(&["seccomp:unconfined", "label=disable"]).unwrap();
        assert_eq!(s.seccomp, Seccomp::Unconfined);
        assert!(SecurityOptions::parse(&["apparmor=x"]).is_err());
    }

    #[test]
    fn health_command_forms() {
        assert_eq!(health_test("curl -f x"), vec!["CMD-SHELL", "curl -f x"]);
        assert_eq!(
            health_test(r#"["/bin/true","a"]"#),
            vec!["CMD", "/bin/true", "a"]
        );
        assert_eq!(health_test("[]"), vec!["CMD-SHELL", "[]"]);
    }
}
