//! /etc/subuid and /etc/subgid: the host id ranges a user may map into a namespace.

use std::io;
use std::path::Path;

/// One delegated range: host ids `start .. start + count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubidRange {
    pub start: u32,
    pub count: u32,
}

impl SubidRange {
    fn end(&self) -> u64 {
        u64::from(self.start) + u64::from(self.count)
    }

    fn overlaps(&self, other: &SubidRange) -> bool {
        u64::from(self.start) < other.end() && u64::from(other.start) < self.end()
    }
}

/// The ranges of `user` (matched by name or by numeric `uid`, as shadow-utils does) in
/// the contents of a subuid/subgid file, in file order. Malformed lines are skipped
/// rather than failing: the file is shared with other tools and we only need our lines.
pub fn parse_subid(contents: &str, user: &str, uid: u32) -> Vec<SubidRange> {
    contents
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split(':');
            let (name, start, count) = (fields.next()?, fields.next()?, fields.next()?);
            if fields.next().is_some() {
                return None;
            }
            let ours = name == user || name.parse::<u32>().ok() == Some(uid);
            let range = SubidRange {
                start: start.trim().parse().ok()?,
                count: count.trim().parse().ok()?,
            };
            // A range running past u32::MAX could never be mapped.
            (ours && range.count > 0 && range.end() <= u64::from(u32::MAX) + 1).then_some(range)
        })
        .collect()
}

/// Read `path` and return the user's ranges; a missing file means no ranges.
pub fn read_subid(path: &Path, user: &str, uid: u32) -> io::Result<Vec<SubidRange>> {
    match std::fs::read_to_string(path) {
        Ok(contents) => Ok(parse_subid(&contents, user, uid)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// Make ranges safe to hand to newuidmap: the kernel rejects a map whose host ranges
/// overlap, so the user's own id (mapped separately to 0) is cut out of any range holding
/// it, and a range overlapping an earlier one loses the overlap by being dropped.
pub fn normalize(ranges: &[SubidRange], own_id: u32) -> Vec<SubidRange> {
    let own = SubidRange {
        start: own_id,
        count: 1,
    };
    let mut out: Vec<SubidRange> = Vec::new();
    for r in ranges {
        let pieces = if r.overlaps(&own) {
            let below = SubidRange {
                start: r.start,
                count: own_id - r.start,
            };
            let above_start = u64::from(own_id) + 1;
            let above = SubidRange {
                start: u32::try_from(above_start).unwrap_or(u32::MAX),
                count: u32::try_from(r.end().saturating_sub(above_start)).unwrap_or(0),
            };
            vec![below, above]
        } else {
            vec![*r]
        };
        for p in pieces {
            if p.count > 0 && !out.iter().any(|o| o.overlaps(&p)) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: u32, count: u32) -> SubidRange {
        SubidRange { start, count }
    }

    #[test]
    fn matches_name_and_uid() {
        let file = "\
# comment
alice:100000:65536
bob:165536:65536
1000:300000:1000

alice:400000:10
";
        assert_eq!(
            parse_subid(file, "alice", 1000),
            vec![r(100000, 65536), r(300000, 1000), r(400000, 10)]
        );
        assert_eq!(parse_subid(file, "bob", 1001), vec![r(165536, 65536)]);
        assert!(parse_subid(file, "carol", 1002).is_empty());
    }

    #[test]
    fn skips_malformed_lines() {
        let file = "alice:x:10\nalice:1:\nalice:1:2:3\nalice:5:0\nalice:4294967295:2\nalice\n alice:7:8 \n";
        assert_eq!(parse_subid(file, "alice", 1), vec![r(7, 8)]);
    }

    #[test]
    fn prefix_of_name_does_not_match() {
        assert!(parse_subid("alice2:1:2\n", "alice", 5).is_empty());
        assert!(parse_subid("10000:1:2\n", "x", 1000).is_empty());
    }

    #[test]
    fn normalize_cuts_own_id_and_drops_overlaps() {
        assert_eq!(normalize(&[r(100, 10)], 1000), vec![r(100, 10)]);
        assert_eq!(normalize(&[r(995, 10)], 1000), vec![r(995, 5), r(1001, 4)]);
        assert_eq!(normalize(&[r(1000, 1)], 1000), vec![]);
        assert_eq!(
            normalize(&[r(100, 10), r(105, 10), r(110, 5)], 1),
            vec![r(100, 10), r(110, 5)]
        );
        assert_eq!(
            normalize(&[r(u32::MAX, 1)], u32::MAX),
            Vec::<SubidRange>::new()
        );
    }
}
