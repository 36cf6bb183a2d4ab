//! Seccomp profiles in the Docker/containers format, resolved for one container the way
//! Podman (containers/common `seccomp.LoadProfile`) and Docker resolve them: a rule is
//! kept when every `includes` condition holds and no `excludes` condition does, against
//! the container's bounding capabilities, the host architecture and the running kernel.
//!
//! The default profile (`seccomp.json` beside this file) is containers-common 0.50.1's
//! `/usr/share/containers/seccomp.json`, the one Podman 4.3 uses, copied unchanged
//! (Apache-2.0, github.com/containers/common, derived from Docker's profile).
//!
//! A profile is checked when it is loaded (actions, operators, architectures, errno names,
//! kernel versions), so a bad file fails `cove create`/`run` with one line naming it.

use std::path::Path;

use oci_spec::runtime::{
    Arch, Capability, LinuxSeccomp, LinuxSeccompAction, LinuxSeccompArgBuilder,
    LinuxSeccompFilterFlag, LinuxSeccompOperator, LinuxSyscall,
};

use super::record::ContainerConfig;

const DEFAULT_PROFILE: &str = include_str!("seccomp.json");
const DEFAULT_SOURCE: &str = "the built-in default";

#[derive(Debug, thiserror::Error)]
pub enum SeccompError {
    #[error("reading seccomp profile {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("seccomp profile {source_name}: {message}")]
    Invalid {
        source_name: String,
        message: String,
    },
    #[error("reading the kernel version for a seccomp minKernel condition: {0}")]
    Kernel(String),
}

/// The file as written: Go's decoder takes `null` for any list and ignores unknown keys,
/// so these do too.
mod raw {
    use serde::Deserialize;

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "camelCase")]
    pub struct Profile {
        pub default_action: Option<String>,
        pub default_errno_ret: Option<u32>,
        pub default_errno: Option<String>,
        pub architectures: Option<Vec<String>>,
        pub arch_map: Option<Vec<ArchMap>>,
        pub syscalls: Option<Vec<Syscall>>,
        pub flags: Option<Vec<String>>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ArchMap {
        pub architecture: String,
        pub sub_architectures: Option<Vec<String>>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Syscall {
        pub name: Option<String>,
        pub names: Option<Vec<String>>,
        pub action: String,
        pub errno_ret: Option<u32>,
        pub errno: Option<String>,
        pub args: Option<Vec<Arg>>,
        pub includes: Option<Filter>,
        pub excludes: Option<Filter>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Arg {
        pub index: usize,
        pub value: u64,
        #[serde(default)]
        pub value_two: u64,
        pub op: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "camelCase")]
    pub struct Filter {
        pub caps: Option<Vec<String>>,
        pub arches: Option<Vec<String>>,
        pub min_kernel: Option<String>,
    }
}

/// A kernel version as minKernel compares it: "<version>.<major revision>".
pub type KernelVersion = (u64, u64);

/// What a rule's conditions are checked against.
#[derive(Debug, Clone)]
pub struct Host {
    /// libseccomp's name for the native architecture ("amd64", "arm64", ...), the names
    /// `includes.arches` use.
    pub arch: &'static str,
    /// An error when the release could not be read: only a minKernel rule then fails.
    pub kernel: Result<KernelVersion, String>,
}

impl Host {
    pub fn current() -> Host {
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map_err(|e| e.to_string())
            .and_then(|r| {
                parse_kernel(r.trim()).ok_or_else(|| format!("unrecognised release {r:?}"))
            });
        Host {
            arch: NATIVE_ARCH,
            kernel,
        }
    }
}

/// libseccomp's native architecture name and its SCMP_ARCH, as Podman maps them.
#[cfg(target_arch = "x86_64")]
const NATIVE: (&str, Option<Arch>) = ("amd64", Some(Arch::ScmpArchX86_64));
#[cfg(target_arch = "x86")]
const NATIVE: (&str, Option<Arch>) = ("x86", Some(Arch::ScmpArchX86));
#[cfg(target_arch = "aarch64")]
const NATIVE: (&str, Option<Arch>) = ("arm64", Some(Arch::ScmpArchAarch64));
#[cfg(target_arch = "arm")]
const NATIVE: (&str, Option<Arch>) = ("arm", Some(Arch::ScmpArchArm));
#[cfg(target_arch = "s390x")]
const NATIVE: (&str, Option<Arch>) = ("s390x", Some(Arch::ScmpArchS390x));
#[cfg(all(target_arch = "powerpc64", target_endian = "little"))]
const NATIVE: (&str, Option<Arch>) = ("ppc64le", Some(Arch::ScmpArchPpc64le));
#[cfg(target_arch = "riscv64")]
const NATIVE: (&str, Option<Arch>) = ("riscv64", Some(Arch::ScmpArchRiscv64));
#[cfg(not(any(
    target_arch = "x86_64",
    target_arch = "x86",
    target_arch = "aarch64",
    target_arch = "arm",
    target_arch = "s390x",
    all(target_arch = "powerpc64", target_endian = "little"),
    target_arch = "riscv64"
)))]
const NATIVE: (&str, Option<Arch>) = (std::env::consts::ARCH, None);

const NATIVE_ARCH: &str = NATIVE.0;

/// "6.1.0-18-amd64" -> (6, 1): minor revisions and suffixes do not count (Docker's rule).
fn parse_kernel(s: &str) -> Option<KernelVersion> {
    let mut parts = s.splitn(3, '.');
    let version = parts.next()?.parse().ok()?;
    let major: String = parts
        .next()?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((version, major.parse().ok()?))
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Conditions {
    caps: Vec<String>,
    arches: Vec<String>,
    min_kernel: Option<KernelVersion>,
}

#[derive(Debug, Clone, PartialEq)]
struct Rule {
    syscall: LinuxSyscall,
    includes: Conditions,
    excludes: Conditions,
}

/// A checked profile, not yet resolved for a container.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// None with no rules either: the file asks for no filter (as in Podman).
    default_action: Option<LinuxSeccompAction>,
    default_errno: Option<u32>,
    architectures: Vec<Arch>,
    arch_map: Vec<(Arch, Vec<Arch>)>,
    flags: Vec<LinuxSeccompFilterFlag>,
    rules: Vec<Rule>,
}

impl Profile {
    /// The profile containers run with unless told otherwise.
    pub fn default_profile() -> Result<Profile, SeccompError> {
        Profile::parse(DEFAULT_PROFILE, DEFAULT_SOURCE)
    }

    /// `--security-opt seccomp=PATH`.
    pub fn load(path: &Path) -> Result<Profile, SeccompError> {
        let text = std::fs::read_to_string(path).map_err(|source| SeccompError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Profile::parse(&text, &path.display().to_string())
    }

    /// Check a profile's text; `source_name` names it in errors.
    pub fn parse(text: &str, source_name: &str) -> Result<Profile, SeccompError> {
        let invalid = |message: String| SeccompError::Invalid {
            source_name: source_name.to_string(),
            message,
        };
        let raw: raw::Profile = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
        let architectures = raw.architectures.unwrap_or_default();
        let arch_map = raw.arch_map.unwrap_or_default();
        if !architectures.is_empty() && !arch_map.is_empty() {
            return Err(invalid(
                "both 'architectures' and 'archMap' are given: use one".into(),
            ));
        }
        let syscalls = raw.syscalls.unwrap_or_default();
        let default_action = match raw.default_action.as_deref() {
            None | Some("") if syscalls.is_empty() => None,
            None | Some("") => return Err(invalid("defaultAction is missing".into())),
            Some(a) => Some(action(a).map_err(&invalid)?),
        };
        let arch = |a: &String| {
            serde_json::from_value::<Arch>(serde_json::Value::String(a.clone()))
                .map_err(|_| invalid(format!("unknown architecture {a:?}")))
        };
        let mut rules = Vec::new();
        for (i, s) in syscalls.into_iter().enumerate() {
            let at = |m: String| invalid(format!("syscalls[{i}]: {m}"));
            let names = match (s.name, s.names.unwrap_or_default()) {
                (Some(n), names) if !n.is_empty() && !names.is_empty() => {
                    return Err(at("both 'name' and 'names' are given: use one".into()))
                }
                (Some(n), _) if !n.is_empty() => vec![n],
                (_, names) => names,
            };
            let args = s
                .args
                .unwrap_or_default()
                .into_iter()
                .map(|a| {
                    LinuxSeccompArgBuilder::default()
                        .index(a.index)
                        .value(a.value)
                        .value_two(a.value_two)
                        .op(operator(&a.op)?)
                        .build()
                        .map_err(|e| e.to_string())
                })
                .collect::<Result<Vec<_>, String>>()
                .map_err(at)?;
            let mut syscall = LinuxSyscall::default();
            syscall
                .set_names(names)
                .set_action(action(&s.action).map_err(at)?)
                .set_errno_ret(errno(s.errno_ret, s.errno.as_deref()).map_err(at)?)
                .set_args((!args.is_empty()).then_some(args));
            rules.push(Rule {
                syscall,
                includes: conditions(s.includes).map_err(at)?,
                excludes: conditions(s.excludes).map_err(at)?,
            });
        }
        Ok(Profile {
            default_action,
            default_errno: errno(raw.default_errno_ret, raw.default_errno.as_deref())
                .map_err(&invalid)?,
            architectures: architectures.iter().map(arch).collect::<Result<_, _>>()?,
            arch_map: arch_map
                .iter()
                .map(|m| {
                    let subs = m.sub_architectures.iter().flatten().map(arch);
                    Ok((arch(&m.architecture)?, subs.collect::<Result<_, _>>()?))
                })
                .collect::<Result<_, SeccompError>>()?,
            flags: raw
                .flags
                .unwrap_or_default()
                .iter()
                .map(|f| {
                    f.parse()
                        .map_err(|_| invalid(format!("unknown flag {f:?}")))
                })
                .collect::<Result<_, _>>()?,
            rules,
        })
    }

    /// The OCI filter for a container with these bounding capabilities on this host;
    /// None when the profile asks for no filter.
    pub fn resolve(
        &self,
        caps: &[Capability],
        host: &Host,
    ) -> Result<Option<LinuxSeccomp>, SeccompError> {
        let Some(default_action) = self.default_action else {
            return Ok(None);
        };
        let caps: Vec<String> = caps.iter().map(|c| format!("CAP_{c}")).collect();
        let kernel_at_least = |min: &Option<KernelVersion>| -> Result<bool, SeccompError> {
            Ok(match min {
                None => false,
                Some(min) => {
                    let kernel = host
                        .kernel
                        .as_ref()
                        .map_err(|e| SeccompError::Kernel(e.clone()))?;
                    kernel >= min
                }
            })
        };
        let mut syscalls = Vec::new();
        for rule in &self.rules {
            let (inc, exc) = (&rule.includes, &rule.excludes);
            let excluded = exc.arches.iter().any(|a| a == host.arch)
                || exc.caps.iter().any(|c| caps.contains(c))
                || kernel_at_least(&exc.min_kernel)?;
            let included = (inc.arches.is_empty() || inc.arches.iter().any(|a| a == host.arch))
                && inc.caps.iter().all(|c| caps.contains(c))
                && (inc.min_kernel.is_none() || kernel_at_least(&inc.min_kernel)?);
            if included && !excluded && !rule.syscall.names().is_empty() {
                syscalls.push(rule.syscall.clone());
            }
        }
        let mut architectures = self.architectures.clone();
        if let Some((_, subs)) = self.arch_map.iter().find(|(a, _)| Some(*a) == NATIVE.1) {
            architectures.extend(NATIVE.1);
            architectures.extend(subs);
        }
        let mut out = LinuxSeccomp::default();
        out.set_default_action(default_action)
            .set_default_errno_ret(self.default_errno)
            .set_architectures((!architectures.is_empty()).then_some(architectures))
            .set_flags((!self.flags.is_empty()).then(|| self.flags.clone()))
            .set_syscalls(Some(syscalls));
        Ok(Some(out))
    }
}

fn action(name: &str) -> Result<LinuxSeccompAction, String> {
    name.parse().map_err(|_| format!("unknown action {name:?}"))
}

fn operator(name: &str) -> Result<LinuxSeccompOperator, String> {
    name.parse()
        .map_err(|_| format!("unknown argument operator {name:?}"))
}

/// A rule's errno: the `errno` name wins over the numeric `errnoRet` (as in Podman).
fn errno(number: Option<u32>, name: Option<&str>) -> Result<Option<u32>, String> {
    match name {
        None | Some("") => Ok(number),
        Some(name) => errno_number(name)
            .map(Some)
            .ok_or_else(|| format!("unknown errno {name:?}")),
    }
}

fn errno_number(name: &str) -> Option<u32> {
    use nix::errno::Errno;
    let name = match name {
        "EWOULDBLOCK" => "EAGAIN",
        "EDEADLOCK" => "EDEADLK",
        "ENOTSUP" => "EOPNOTSUPP",
        n => n,
    };
    (1..4096)
        .find(|&n| format!("{:?}", Errno::from_raw(n)) == name)
        .map(|n| n as u32)
}

fn conditions(filter: Option<raw::Filter>) -> Result<Conditions, String> {
    let f = filter.unwrap_or_default();
    let min_kernel = match f.min_kernel.as_deref() {
        None | Some("") => None,
        Some(v) => Some(parse_kernel(v).ok_or_else(|| {
            format!("minKernel {v:?} is not \"<version>.<major revision>\" (e.g. \"4.8\")")
        })?),
    };
    Ok(Conditions {
        caps: f.caps.unwrap_or_default(),
        arches: f.arches.unwrap_or_default(),
        min_kernel,
    })
}

/// The container's filter, as Podman chooses it: `seccomp=unconfined` none; a profile
/// given with `seccomp=FILE` is applied even with --privileged (resolved against the
/// privileged capability set); otherwise --privileged has none and the rest the default.
pub fn for_container(
    config: &ContainerConfig,
    profile: Option<&Profile>,
    caps: &[Capability],
    host: &Host,
) -> Result<Option<LinuxSeccomp>, SeccompError> {
    if config.seccomp_unconfined {
        return Ok(None);
    }
    match profile {
        Some(p) => p.resolve(caps, host),
        None if config.privileged => Ok(None),
        None => Profile::default_profile()?.resolve(caps, host),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::spec::{capability_set, DEFAULT_CAPS};

    fn host(kernel: KernelVersion) -> Host {
        Host {
            arch: "amd64",
            kernel: Ok(kernel),
        }
    }

    fn caps(names: &[&str]) -> Vec<Capability> {
        names.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn default_caps() -> Vec<Capability> {
        caps(DEFAULT_CAPS)
    }

    /// The rules naming `name`, as (action, errno, args).
    fn rules_for(s: &LinuxSeccomp, name: &str) -> Vec<LinuxSyscall> {
        s.syscalls()
            .iter()
            .flatten()
            .filter(|r| r.names().iter().any(|n| n == name))
            .cloned()
            .collect()
    }

    fn resolve(text: &str, caps: &[Capability], host: &Host) -> LinuxSeccomp {
        Profile::parse(text, "test.json")
            .unwrap()
            .resolve(caps, host)
            .unwrap()
            .unwrap()
    }

    const CONDITIONAL: &str = r#"{
        "defaultAction": "SCMP_ACT_ALLOW",
        "archMap": [
            {"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
            {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}
        ],
        "syscalls": [
            {"names": ["unshare"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
             "args": [{"index": 0, "value": 268435456, "valueTwo": 268435456, "op": "SCMP_CMP_MASKED_EQ"}],
             "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
            {"name": "keyctl", "action": "SCMP_ACT_ERRNO", "errno": "EACCES", "errnoRet": 1,
             "includes": {"caps": ["CAP_SYS_ADMIN", "CAP_NET_ADMIN"]}},
            {"names": ["ptrace"], "action": "SCMP_ACT_ERRNO", "includes": {"minKernel": "5.10"}},
            {"names": ["kcmp"], "action": "SCMP_ACT_ERRNO", "excludes": {"minKernel": "5.10"}},
            {"names": ["personality"], "action": "SCMP_ACT_ERRNO", "includes": {"arches": ["s390x", "amd64"]}},
            {"names": ["iopl"], "action": "SCMP_ACT_ERRNO", "excludes": {"arches": ["amd64"]}},
            {"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": 97, "args": [
                {"index": 0, "value": 40, "op": "SCMP_CMP_EQ"},
                {"index": 1, "value": 1, "op": "SCMP_CMP_NE"},
                {"index": 2, "value": 3, "op": "SCMP_CMP_LT"},
                {"index": 3, "value": 4, "op": "SCMP_CMP_LE"},
                {"index": 4, "value": 5, "op": "SCMP_CMP_GE"},
                {"index": 5, "value": 6, "op": "SCMP_CMP_GT"}]}
        ]
    }"#;

    #[test]
    fn excludes_by_caps_drop_the_rule_when_any_cap_is_held() {
        let plain = resolve(CONDITIONAL, &default_caps(), &host((6, 1)));
        let rule = &rules_for(&plain, "unshare")[0];
        assert_eq!(rule.errno_ret(), Some(1));
        let arg = rule.args().as_ref().unwrap()[0];
        assert_eq!(arg.op(), LinuxSeccompOperator::ScmpCmpMaskedEq);
        assert_eq!((arg.value(), arg.value_two()), (1 << 28, Some(1 << 28)));
        let admin = resolve(CONDITIONAL, &caps(&["SYS_ADMIN"]), &host((6, 1)));
        assert!(rules_for(&admin, "unshare").is_empty());
    }

    #[test]
    fn includes_by_caps_need_every_cap() {
        let h = host((6, 1));
        assert!(rules_for(&resolve(CONDITIONAL, &default_caps(), &h), "keyctl").is_empty());
        let one = resolve(CONDITIONAL, &caps(&["SYS_ADMIN"]), &h);
        assert!(rules_for(&one, "keyctl").is_empty());
        let both = resolve(CONDITIONAL, &caps(&["SYS_ADMIN", "NET_ADMIN"]), &h);
        let rule = &rules_for(&both, "keyctl")[0];
        assert_eq!(
            rule.names(),
            &vec!["keyctl".to_string()],
            "name becomes names"
        );
        assert_eq!(
            rule.errno_ret(),
            Some(libc::EACCES as u32),
            "errno beats errnoRet"
        );
    }

    #[test]
    fn min_kernel_compares_version_and_major_revision() {
        let old = resolve(CONDITIONAL, &default_caps(), &host((5, 4)));
        assert!(rules_for(&old, "ptrace").is_empty());
        assert_eq!(rules_for(&old, "kcmp").len(), 1);
        for k in [(5, 10), (6, 0)] {
            let new = resolve(CONDITIONAL, &default_caps(), &host(k));
            assert_eq!(rules_for(&new, "ptrace").len(), 1, "{k:?}");
            assert!(rules_for(&new, "kcmp").is_empty(), "{k:?}");
        }
        assert_eq!(parse_kernel("6.18.44-fc-v1098"), Some((6, 18)));
        assert_eq!(parse_kernel("3.12-rc5"), Some((3, 12)));
        assert_eq!(parse_kernel("4"), None);
    }

    #[test]
    fn unknown_kernel_only_fails_profiles_that_ask_for_it() {
        let h = Host {
            arch: "amd64",
            kernel: Err("no /proc".into()),
        };
        let p = Profile::parse(CONDITIONAL, "t").unwrap();
        assert!(matches!(
            p.resolve(&default_caps(), &h),
            Err(SeccompError::Kernel(_))
        ));
        assert!(Profile::default_profile()
            .unwrap()
            .resolve(&default_caps(), &h)
            .is_ok());
    }

    #[test]
    fn arches_match_libseccomps_native_name() {
        let s = resolve(CONDITIONAL, &default_caps(), &host((6, 1)));
        assert_eq!(rules_for(&s, "personality").len(), 1);
        assert!(rules_for(&s, "iopl").is_empty());
        let arm = Host {
            arch: "arm64",
            kernel: Ok((6, 1)),
        };
        let s = resolve(CONDITIONAL, &default_caps(), &arm);
        assert!(rules_for(&s, "personality").is_empty());
        assert_eq!(rules_for(&s, "iopl").len(), 1);
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn arch_map_gives_the_native_arch_and_its_subarches() {
        let s = resolve(CONDITIONAL, &default_caps(), &host((6, 1)));
        assert_eq!(
            s.architectures().as_deref(),
            Some(&[Arch::ScmpArchX86_64, Arch::ScmpArchX86, Arch::ScmpArchX32][..])
        );
    }

    #[test]
    fn every_operator_is_kept() {
        let s = resolve(CONDITIONAL, &default_caps(), &host((6, 1)));
        let rule = &rules_for(&s, "socket")[0];
        let ops: Vec<_> = rule.args().iter().flatten().map(|a| a.op()).collect();
        use LinuxSeccompOperator::*;
        assert_eq!(
            ops,
            [ScmpCmpEq, ScmpCmpNe, ScmpCmpLt, ScmpCmpLe, ScmpCmpGe, ScmpCmpGt]
        );
        assert_eq!(rule.errno_ret(), Some(97));
        let indexes: Vec<_> = rule.args().iter().flatten().map(|a| a.index()).collect();
        assert_eq!(indexes, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn bad_profiles_are_one_line_naming_the_file() {
        let cases = [
            (
                r#"{"defaultAction": "SCMP_ACT_NOPE", "syscalls": []}"#,
                "unknown action",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["x"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_SIMILAR"}]}]}"#,
                "syscalls[0]: unknown argument operator",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["x"], "action": "SCMP_ACT_ERRNO", "errno": "ENOPE"}]}"#,
                "unknown errno",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["x"], "action": "SCMP_ACT_ERRNO", "includes": {"minKernel": "new"}}]}"#,
                "minKernel",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_VAX"]}"#,
                "unknown architecture",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"name": "a", "names": ["b"], "action": "SCMP_ACT_ALLOW"}]}"#,
                "both 'name' and 'names'",
            ),
            (
                r#"{"syscalls": [{"names": ["b"], "action": "SCMP_ACT_ALLOW"}]}"#,
                "defaultAction is missing",
            ),
            (r#"{"defaultAction": "SCMP_ACT_ALLOW", "#, "EOF"),
        ];
        for (text, want) in cases {
            let e = Profile::parse(text, "/p/bad.json").unwrap_err().to_string();
            assert!(e.starts_with("seccomp profile /p/bad.json: "), "{e}");
            assert!(e.contains(want), "{e} lacks {want}");
            assert!(!e.contains('\n'), "{e}");
        }
        let e = Profile::load(Path::new("/nonexistent/p.json")).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/p.json"), "{e}");
    }

    #[test]
    fn oci_format_and_empty_profiles_keep_working() {
        let oci = r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
            "architectures": ["SCMP_ARCH_X86_64"], "flags": ["SECCOMP_FILTER_FLAG_LOG"],
            "syscalls": [{"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"}]}"#;
        let s = resolve(oci, &default_caps(), &host((6, 1)));
        assert_eq!(s.default_action(), LinuxSeccompAction::ScmpActErrno);
        assert_eq!(s.default_errno_ret(), Some(38));
        assert_eq!(
            s.architectures().as_deref(),
            Some(&[Arch::ScmpArchX86_64][..])
        );
        assert_eq!(s.flags().as_ref().map(Vec::len), Some(1));
        assert_eq!(rules_for(&s, "write")[0].args(), &None);
        // Podman: no default action and no rules is no filter at all.
        let none = Profile::parse("{}", "t").unwrap();
        assert_eq!(none.resolve(&default_caps(), &host((6, 1))).unwrap(), None);
    }

    /// Every name a rule allows without argument conditions.
    fn plain_allowed(s: &LinuxSeccomp) -> Vec<String> {
        s.syscalls()
            .iter()
            .flatten()
            .filter(|r| r.action() == LinuxSeccompAction::ScmpActAllow && r.args().is_none())
            .flat_map(|r| r.names().clone())
            .collect()
    }

    #[test]
    fn default_profile_is_podmans_allow_list_for_the_default_caps() {
        let c = ContainerConfig::default();
        let caps = capability_set(&c).unwrap();
        let s = for_container(&c, None, &caps, &host((6, 1)))
            .unwrap()
            .expect("a filter");
        assert_eq!(s.default_action(), LinuxSeccompAction::ScmpActErrno);
        assert_eq!(s.default_errno_ret(), Some(libc::ENOSYS as u32));
        assert!(rules_for(&s, "io_uring_setup").is_empty());
        assert!(rules_for(&s, "io_uring_enter").is_empty());
        let allowed = plain_allowed(&s);
        assert!(allowed.contains(&"read".to_string()));
        assert!(
            allowed.contains(&"chroot".to_string()),
            "SYS_CHROOT is a default cap"
        );
        // personality: only the listed values (0, PER_LINUX32, UNAME26, ..., query).
        let mut values: Vec<u64> = rules_for(&s, "personality")
            .iter()
            .map(|r| {
                assert_eq!(r.action(), LinuxSeccompAction::ScmpActAllow);
                let args = r.args().as_ref().expect("a value condition");
                assert_eq!(args[0].op(), LinuxSeccompOperator::ScmpCmpEq);
                args[0].value()
            })
            .collect();
        values.sort();
        assert_eq!(values, [0, 8, 0x20000, 0x20008, 0xffff_ffff]);
        // No CAP_AUDIT_WRITE: an audit netlink socket is EINVAL, other sockets allowed.
        let socket = rules_for(&s, "socket");
        let audit = socket
            .iter()
            .find(|r| r.action() == LinuxSeccompAction::ScmpActErrno)
            .expect("the audit socket rule");
        assert_eq!(audit.errno_ret(), Some(libc::EINVAL as u32));
        let args = audit.args().as_ref().unwrap();
        assert_eq!(
            (args[0].value(), args[1].index(), args[1].value()),
            (16, 2, 9)
        );
        assert!(
            !socket.iter().any(|r| r.args().is_none()),
            "no unconditional socket"
        );
        // CAP_SYS_ADMIN-included rules are dropped, its exclusion rules kept.
        for name in [
            "bpf",
            "fanotify_init",
            "perf_event_open",
            "quotactl",
            "sethostname",
        ] {
            assert!(!allowed.contains(&name.to_string()), "{name} allowed");
        }
        let bpf = &rules_for(&s, "bpf")[0];
        assert_eq!(bpf.action(), LinuxSeccompAction::ScmpActErrno);
        assert_eq!(bpf.errno_ret(), Some(libc::EPERM as u32));
    }

    #[test]
    fn capabilities_flip_the_default_profiles_rules() {
        let c = ContainerConfig {
            cap_add: vec!["SYS_ADMIN".into(), "AUDIT_WRITE".into()],
            cap_drop: vec!["SYS_CHROOT".into()],
            ..Default::default()
        };
        let caps = capability_set(&c).unwrap();
        let s = for_container(&c, None, &caps, &host((6, 1)))
            .unwrap()
            .unwrap();
        let allowed = plain_allowed(&s);
        for name in ["bpf", "perf_event_open", "quotactl", "socket"] {
            assert!(allowed.contains(&name.to_string()), "{name} not allowed");
        }
        assert!(!allowed.contains(&"chroot".to_string()));
        assert_eq!(rules_for(&s, "chroot")[0].errno_ret(), Some(1));
    }

    #[test]
    fn unconfined_privileged_and_explicit_profiles_choose_as_podman() {
        let h = host((6, 1));
        let profile = Profile::parse(CONDITIONAL, "t").unwrap();
        let mut c = ContainerConfig {
            privileged: true,
            ..Default::default()
        };
        let all = capability_set(&c).unwrap();
        assert_eq!(for_container(&c, None, &all, &h).unwrap(), None);
        // An explicit profile still applies under --privileged, against every capability.
        let s = for_container(&c, Some(&profile), &all, &h)
            .unwrap()
            .unwrap();
        assert!(rules_for(&s, "unshare").is_empty());
        assert_eq!(rules_for(&s, "keyctl").len(), 1);
        c.seccomp_unconfined = true;
        assert_eq!(for_container(&c, Some(&profile), &all, &h).unwrap(), None);
    }
}
