//! Writing a namespace's id maps through the setuid `newuidmap`/`newgidmap` helpers
//! (uidmap package): the only privileged code cove relies on.

use std::process::Command;

use super::subid::SubidRange;
use super::RootlessError;

/// The kernel accepts at most 340 lines in a uid_map/gid_map; one is our own id.
const MAX_EXTRA_LINES: usize = 339;

/// Arguments for `newuidmap`/`newgidmap`: our own `id` becomes 0, then every range is
/// laid out one after the other from 1 upwards, in the order given.
pub fn map_args(pid: i32, id: u32, ranges: &[SubidRange]) -> Vec<String> {
    let mut args = vec![pid.to_string(), "0".into(), id.to_string(), "1".into()];
    let mut next: u64 = 1;
    for r in ranges.iter().take(MAX_EXTRA_LINES) {
        // Stop before the inside ids would run past u32::MAX.
        let Some(count) = u32::try_from(u64::from(u32::MAX) + 1 - next)
            .ok()
            .map(|room| room.min(r.count))
            .filter(|c| *c > 0)
        else {
            break;
        };
        args.extend([next.to_string(), r.start.to_string(), count.to_string()]);
        next += u64::from(count);
    }
    args
}

/// Run `tool` (newuidmap or newgidmap) with `args`.
pub fn run(tool: &'static str, args: &[String]) -> Result<(), RootlessError> {
    let bin = crate::paths::find_program(tool).ok_or(RootlessError::HelperMissing { tool })?;
    let out = Command::new(&bin)
        .args(args)
        .output()
        .map_err(|source| RootlessError::Io {
            context: format!("cannot run {}", bin.display()),
            source,
        })?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    Err(RootlessError::HelperFailed {
        tool,
        command: format!("{} {}", bin.display(), args.join(" ")),
        status: out.status.to_string(),
        stderr: stderr.trim().replace('\n', "; "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: u32, count: u32) -> SubidRange {
        SubidRange { start, count }
    }

    #[test]
    fn lays_out_ranges_after_own_id() {
        assert_eq!(
            map_args(42, 1000, &[r(100000, 65536), r(300000, 10)]),
            ["42", "0", "1000", "1", "1", "100000", "65536", "65537", "300000", "10"]
        );
    }

    #[test]
    fn own_id_only_without_ranges() {
        assert_eq!(map_args(7, 5, &[]), ["7", "0", "5", "1"]);
    }

    #[test]
    fn caps_inside_ids_at_u32_max() {
        let args = map_args(1, 1, &[r(1 << 20, u32::MAX), r(10, 10)]);
        // 2^32 - 1 ids fit after id 0; the second range has no room left.
        assert_eq!(args[4..], ["1", "1048576", "4294967295"]);
    }

    #[test]
    fn caps_line_count() {
        let ranges: Vec<_> = (0..400).map(|i| r(100000 + i * 10, 10)).collect();
        assert_eq!(map_args(1, 1, &ranges).len(), 4 + 3 * MAX_EXTRA_LINES);
    }
}
