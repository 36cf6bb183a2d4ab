//! Custom user-namespace ID mappings (`--uidmap`, `--gidmap`, `--subuidname`,
//! `--subgidname`, `--userns=nomap|auto`): parsing Podman's syntaxes, checking a mapping
//! against the IDs the rootless namespace has, and picking `auto` ranges. Rootless, as in
//! Podman, a mapping's "host" side is the intermediate namespace (the one cove runs
//! in): intermediate 0 is the user, 1..N the subordinate IDs.

use serde::{Deserialize, Serialize};

/// The kernel takes at most this many lines in a uid_map or gid_map.
const MAX_LINES: usize = 340;

/// `--userns=auto`'s size when neither the option nor the image asks for more (Podman's
/// `auto_userns_min_size`).
pub const AUTO_MIN_SIZE: u32 = 1024;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IdMapError {
    #[error(
        "initializing ID mappings: {kind} setting is malformed expected [\"uint32:uint32:uint32\"]: [\"{text}\"]"
    )]
    Malformed { kind: &'static str, text: String },
    #[error("container uses ID mappings ({list}), but doesn't map {kind} 0")]
    NoRoot { kind: &'static str, list: String },
    #[error("the specified UID and/or GID mapping {0} conflicts with other mappings: invalid mappings specified")]
    Conflict(String),
    #[error("potentially insufficient UIDs or GIDs available in user namespace (requested {map}): your user namespace has IDs 0-{last}; check /etc/subuid and /etc/subgid")]
    Beyond { map: String, last: u32 },
    #[error("too many {kind} mappings: the kernel takes at most {MAX_LINES}")]
    TooMany { kind: &'static str },
    #[error("--userns and --uidmap/--gidmap/--subuidname/--subgidname are mutually exclusive")]
    Exclusive,
    #[error(
        "invalid --userns auto option {0:?}: use size=N, uidmapping=C:H:N or gidmapping=C:H:N"
    )]
    AutoOption(String),
    #[error("cannot find {size} unused IDs for --userns=auto: the user namespace has {space} and other auto containers use the rest")]
    AutoExhausted { size: u32, space: u32 },
    #[error("--userns ns:{0}: no such namespace file")]
    NoNamespace(String),
    #[error("no {file} ranges found for user {name:?} in /etc/{file}")]
    NoSubIds { file: &'static str, name: String },
    #[error("--{flag} {name}: its range {range} in /etc/{file} is not mapped into your user namespace (only your own subordinate IDs are)")]
    SubIdsOutside {
        flag: &'static str,
        file: &'static str,
        name: String,
        range: String,
    },
}

/// One line of a map: container IDs `container..container+size` are intermediate IDs
/// `host..host+size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdMap {
    pub container: u32,
    pub host: u32,
    pub size: u32,
}

impl std::fmt::Display for IdMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.container, self.host, self.size)
    }
}

impl IdMap {
    fn end(&self) -> u64 {
        u64::from(self.container) + u64::from(self.size)
    }
    fn host_end(&self) -> u64 {
        u64::from(self.host) + u64::from(self.size)
    }
}

/// A container's user namespace: its uid and gid maps, relative to cove's namespace.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IdMappings {
    pub uid: Vec<IdMap>,
    pub gid: Vec<IdMap>,
}

impl IdMappings {
    /// The same `size` IDs for uids and gids, container 0 at intermediate `base`.
    pub fn range(base: u32, size: u32) -> IdMappings {
        let m = vec![IdMap {
            container: 0,
            host: base,
            size,
        }];
        IdMappings {
            uid: m.clone(),
            gid: m,
        }
    }

    /// A short stable name for the mapping: the directory of its shifted layer copies.
    pub fn key(&self) -> String {
        use sha2::{Digest, Sha256};
        let text = format!("u{}g{}", join(&self.uid), join(&self.gid));
        hex::encode(&Sha256::digest(text.as_bytes())[..8])
    }

    /// `Podman inspect`'s `HostConfig.IDMappings` strings.
    pub fn uid_strings(&self) -> Vec<String> {
        self.uid.iter().map(ToString::to_string).collect()
    }
    pub fn gid_strings(&self) -> Vec<String> {
        self.gid.iter().map(ToString::to_string).collect()
    }

    /// Check both maps against the namespace's `uid_space`/`gid_space` IDs.
    pub fn check(&self, uid_space: u32, gid_space: u32) -> Result<(), IdMapError> {
        check_list(&self.uid, "UID", uid_space)?;
        check_list(&self.gid, "GID", gid_space)
    }

    /// Where a file owned by image uid/gid `id` lands (None: not mapped).
    pub fn shift_uid(&self, id: u32) -> Option<u32> {
        shift(&self.uid, id)
    }
    pub fn shift_gid(&self, id: u32) -> Option<u32> {
        shift(&self.gid, id)
    }

    /// Where files the mapping leaves out go (as containers-storage does): an
    /// intermediate ID outside every range, so the container sees them as nobody's.
    pub fn unmapped_uid(&self) -> Option<u32> {
        outside(&self.uid)
    }
    pub fn unmapped_gid(&self) -> Option<u32> {
        outside(&self.gid)
    }

    /// The intermediate ranges used, uids and gids, as half-open intervals.
    fn host_ranges(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        self.uid
            .iter()
            .chain(&self.gid)
            .map(|m| (u64::from(m.host), m.host_end()))
    }
}

fn join(list: &[IdMap]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn outside(list: &[IdMap]) -> Option<u32> {
    let mut id = 0u64;
    while let Some(m) = list
        .iter()
        .find(|m| id >= u64::from(m.host) && id < m.host_end())
    {
        id = m.host_end();
    }
    u32::try_from(id).ok()
}

fn shift(list: &[IdMap], id: u32) -> Option<u32> {
    list.iter()
        .find(|m| id >= m.container && u64::from(id) < m.end())
        .map(|m| m.host + (id - m.container))
}

/// `CONTAINER:INTERMEDIATE:SIZE` (repeated flags, or several joined by commas as Podman
/// also reads them). Podman 4.3 has no `+`/`@` forms: they are malformed there too.
pub fn parse_maps(values: &[String], kind: &'static str) -> Result<Vec<IdMap>, IdMapError> {
    let mut out = Vec::new();
    for text in values.iter().flat_map(|v| v.split(',')) {
        let malformed = || IdMapError::Malformed {
            kind,
            text: text.to_string(),
        };
        let f: Vec<&str> = text.split(':').collect();
        let [c, h, n] = f[..] else {
            return Err(malformed());
        };
        // Digits only: Rust's parse would take "+0", a form Podman 4.3 refuses.
        let num = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.parse::<u32>().ok())
                .flatten()
                .ok_or_else(malformed)
        };
        let m = IdMap {
            container: num(c)?,
            host: num(h)?,
            size: num(n)?,
        };
        if m.end() > u64::from(u32::MAX) || m.host_end() > u64::from(u32::MAX) {
            return Err(malformed());
        }
        out.push(m);
    }
    Ok(out)
}

fn check_list(list: &[IdMap], kind: &'static str, space: u32) -> Result<(), IdMapError> {
    if list.len() > MAX_LINES {
        return Err(IdMapError::TooMany { kind });
    }
    if shift(list, 0).is_none() {
        return Err(IdMapError::NoRoot {
            kind,
            list: join(list),
        });
    }
    for (i, m) in list.iter().enumerate() {
        let overlaps = |a: u64, b: u64, c: u64, d: u64| a < d && c < b;
        let clash = list[..i].iter().any(|o| {
            overlaps(
                u64::from(m.container),
                m.end(),
                u64::from(o.container),
                o.end(),
            ) || overlaps(
                u64::from(m.host),
                m.host_end(),
                u64::from(o.host),
                o.host_end(),
            )
        });
        if clash || m.size == 0 {
            return Err(IdMapError::Conflict(m.to_string()));
        }
        if m.host_end() > u64::from(space) {
            return Err(IdMapError::Beyond {
                map: m.to_string(),
                last: space.saturating_sub(1),
            });
        }
    }
    Ok(())
}

/// `--userns=auto:size=N,uidmapping=C:H:N,gidmapping=C:H:N`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AutoOptions {
    pub size: Option<u32>,
    pub uid: Vec<IdMap>,
    pub gid: Vec<IdMap>,
}

impl AutoOptions {
    pub fn parse(opts: &str) -> Result<AutoOptions, IdMapError> {
        let mut out = AutoOptions::default();
        for o in opts.split(',').filter(|o| !o.is_empty()) {
            let bad = || IdMapError::AutoOption(o.to_string());
            match o.split_once('=') {
                Some(("size", n)) => {
                    out.size = Some(n.parse().ok().filter(|n| *n > 0).ok_or_else(bad)?)
                }
                Some(("uidmapping", m)) => out.uid.extend(parse_maps(&[m.into()], "UID")?),
                Some(("gidmapping", m)) => out.gid.extend(parse_maps(&[m.into()], "GID")?),
                _ => return Err(bad()),
            }
        }
        Ok(out)
    }

    /// The maps once `size` intermediate IDs from `base` are ours: container IDs below the
    /// size that the explicit mappings leave out take the range in order; the explicit
    /// ones come after, as Podman lists them.
    pub fn mappings(&self, base: u32, size: u32) -> IdMappings {
        let fill = |explicit: &[IdMap]| {
            let mut out = Vec::new();
            let mut next = base;
            let mut id = 0u32;
            while id < size {
                if let Some(m) = explicit
                    .iter()
                    .find(|m| id >= m.container && u64::from(id) < m.end())
                {
                    id = m.end().min(u64::from(size)) as u32;
                    continue;
                }
                let stop = explicit
                    .iter()
                    .map(|m| m.container)
                    .filter(|c| *c > id)
                    .min()
                    .unwrap_or(size)
                    .min(size);
                out.push(IdMap {
                    container: id,
                    host: next,
                    size: stop - id,
                });
                next += stop - id;
                id = stop;
            }
            out.extend_from_slice(explicit);
            out
        };
        IdMappings {
            uid: fill(&self.uid),
            gid: fill(&self.gid),
        }
    }
}

/// The lowest intermediate base (1 and up: 0 is the user, never given out) where `size`
/// IDs touch none of the `used` mappings' ranges, within `space`.
pub fn allocate(size: u32, space: u32, used: &[IdMappings]) -> Result<u32, IdMapError> {
    let mut taken: Vec<(u64, u64)> = used.iter().flat_map(|m| m.host_ranges()).collect();
    taken.sort();
    let mut base = 1u64;
    for (start, end) in taken {
        if base + u64::from(size) <= start {
            break;
        }
        base = base.max(end);
    }
    if base + u64::from(size) > u64::from(space) {
        return Err(IdMapError::AutoExhausted { size, space });
    }
    Ok(base as u32)
}

/// The ranges of `name` in /etc/subuid or /etc/subgid (`contents`), as intermediate
/// IDs through our namespace's map (`ours`: /proc/self/uid_map lines as
/// inside:outside:size), numbered from container 0 on.
pub fn subid_maps(
    contents: &str,
    name: &str,
    uid: Option<u32>,
    ours: &[IdMap],
    flag: &'static str,
) -> Result<Vec<IdMap>, IdMapError> {
    let file = if flag == "subuidname" {
        "subuid"
    } else {
        "subgid"
    };
    let mut out = Vec::new();
    let mut next = 0u32;
    for line in contents.lines() {
        let mut f = line.trim().split(':');
        let (Some(who), Some(start), Some(count)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        if who != name && uid.is_none_or(|u| who != u.to_string()) {
            continue;
        }
        let (Ok(start), Ok(count)) = (start.parse::<u32>(), count.parse::<u32>()) else {
            continue;
        };
        let inside = ours
            .iter()
            .find(|m| start >= m.host && u64::from(start) + u64::from(count) <= m.host_end());
        let Some(m) = inside else {
            return Err(IdMapError::SubIdsOutside {
                flag,
                file,
                name: name.to_string(),
                range: format!("{start}:{count}"),
            });
        };
        out.push(IdMap {
            container: next,
            host: m.container + (start - m.host),
            size: count,
        });
        next = next.saturating_add(count);
    }
    if out.is_empty() {
        return Err(IdMapError::NoSubIds {
            file,
            name: name.to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(c: u32, h: u32, s: u32) -> IdMap {
        IdMap {
            container: c,
            host: h,
            size: s,
        }
    }

    #[test]
    fn triples_parse_and_malformed_ones_are_named_as_podman_does() {
        let v = parse_maps(
            &["0:1:1000".into(), "1000:2000:5,2000:3000:1".into()],
            "UID",
        );
        assert_eq!(
            v,
            Ok(vec![m(0, 1, 1000), m(1000, 2000, 5), m(2000, 3000, 1)])
        );
        for bad in [
            "0:1",
            "a:1:2",
            "+0:1:10",
            "@0:1:10",
            "0:1:-5",
            "0:1:2:3",
            "4294967295:0:2",
        ] {
            assert_eq!(
                parse_maps(&[bad.into()], "UID").unwrap_err().to_string(),
                format!("initializing ID mappings: UID setting is malformed expected [\"uint32:uint32:uint32\"]: [\"{bad}\"]")
            );
        }
    }

    #[test]
    fn checks_root_overlaps_and_the_namespace_size() {
        let ok = IdMappings::range(1, 1000);
        assert_eq!(ok.check(65537, 65537), Ok(()));
        let no_root = IdMappings {
            uid: vec![m(1, 1, 10)],
            gid: vec![m(0, 1, 10)],
        };
        assert_eq!(
            no_root.check(65537, 65537).unwrap_err().to_string(),
            "container uses ID mappings (1:1:10), but doesn't map UID 0"
        );
        let clash = IdMappings {
            uid: vec![m(0, 1, 1000), m(500, 2000, 10)],
            gid: vec![m(0, 1, 10)],
        };
        assert_eq!(
            clash.check(65537, 65537),
            Err(IdMapError::Conflict("500:2000:10".into()))
        );
        let host_clash = IdMappings {
            uid: vec![m(0, 1, 1000), m(2000, 999, 10)],
            gid: vec![m(0, 1, 10)],
        };
        assert!(host_clash.check(65537, 65537).is_err());
        let beyond = IdMappings::range(70000, 10);
        assert!(beyond
            .check(65537, 65537)
            .unwrap_err()
            .to_string()
            .contains("requested 0:70000:10): your user namespace has IDs 0-65536"));
        assert!(IdMappings::range(65527, 10).check(65537, 65537).is_ok());
        assert!(IdMappings::range(65528, 10).check(65537, 65537).is_err());
    }

    #[test]
    fn shifting_follows_the_map() {
        let maps = IdMappings {
            uid: vec![m(0, 1, 1000), m(1000, 5000, 10)],
            gid: vec![m(0, 200, 50)],
        };
        assert_eq!(maps.shift_uid(0), Some(1));
        assert_eq!(maps.shift_uid(999), Some(1000));
        assert_eq!(maps.shift_uid(1005), Some(5005));
        assert_eq!(maps.shift_uid(1010), None);
        assert_eq!(maps.shift_gid(49), Some(249));
        assert_eq!(maps.shift_gid(50), None);
        assert_eq!(maps.unmapped_uid(), Some(0));
        assert_eq!(IdMappings::range(0, 10).unmapped_gid(), Some(10));
        assert_ne!(maps.key(), IdMappings::range(1, 1000).key());
        assert_eq!(maps.key(), maps.clone().key());
    }

    #[test]
    fn auto_takes_the_lowest_free_range() {
        assert_eq!(allocate(1024, 65537, &[]), Ok(1));
        let a = IdMappings::range(1, 1024);
        let b = IdMappings::range(1025, 1024);
        assert_eq!(allocate(1024, 65537, &[a.clone(), b.clone()]), Ok(2049));
        // A hole that fits is reused; one that does not is skipped.
        let c = IdMappings::range(3000, 100);
        assert_eq!(allocate(500, 65537, &[a, c.clone()]), Ok(1025));
        assert_eq!(allocate(900, 65537, &[b.clone(), c.clone()]), Ok(1));
        assert_eq!(allocate(1100, 65537, &[b, c]), Ok(3100));
        assert_eq!(
            allocate(65537, 65537, &[]),
            Err(IdMapError::AutoExhausted {
                size: 65537,
                space: 65537
            })
        );
        assert_eq!(
            allocate(100, 65537, &[IdMappings::range(1, 65500)]),
            Err(IdMapError::AutoExhausted {
                size: 100,
                space: 65537
            })
        );
    }

    #[test]
    fn auto_options_and_their_mappings() {
        let o = AutoOptions::parse("uidmapping=0:500:10,size=300").unwrap();
        assert_eq!(o.size, Some(300));
        let maps = o.mappings(2049, 300);
        // Podman's answer for the same request.
        assert_eq!(maps.uid_strings(), ["10:2049:290", "0:500:10"]);
        assert_eq!(maps.gid_strings(), ["0:2049:300"]);
        let mid = AutoOptions::parse("gidmapping=5:9000:2").unwrap();
        assert_eq!(
            mid.mappings(1, 10).gid_strings(),
            ["0:1:5", "7:6:3", "5:9000:2"]
        );
        assert!(AutoOptions::parse("size=0").is_err());
        assert!(AutoOptions::parse("bogus=1").is_err());
        assert!(AutoOptions::parse("").unwrap() == AutoOptions::default());
    }

    #[test]
    fn subordinate_ranges_become_intermediate_ones() {
        let ours = [m(0, 1001, 1), m(1, 100000, 65536)];
        let file = "other:200000:65536\ncovetest:100000:65536\n";
        assert_eq!(
            subid_maps(file, "covetest", None, &ours, "subuidname"),
            Ok(vec![m(0, 1, 65536)])
        );
        assert_eq!(
            subid_maps(file, "other", None, &ours, "subuidname")
                .unwrap_err()
                .to_string(),
            "--subuidname other: its range 200000:65536 in /etc/subuid is not mapped into your user namespace (only your own subordinate IDs are)"
        );
        assert_eq!(
            subid_maps(file, "nosuch", None, &ours, "subgidname")
                .unwrap_err()
                .to_string(),
            "no subgid ranges found for user \"nosuch\" in /etc/subgid"
        );
    }
}
