//! RFC 3339 UTC timestamps with nanoseconds, formatted by hand (no date crate: the shim only
//! ever needs "now" in one fixed format).

use std::time::{SystemTime, UNIX_EPOCH};

/// Current wall-clock time as (seconds, nanoseconds) since the epoch.
pub fn now() -> (i64, u32) {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
        // A clock before 1970 is a misconfigured machine; clamp rather than fail logging.
        Err(_) => (0, 0),
    }
}

/// `2026-11-22T10:00:00.123456789Z` for the given instant. Always nine fractional digits so
/// that log lines sort and parse uniformly.
pub fn rfc3339_nano(secs: i64, nanos: u32) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{nanos:09}Z",
        rem / 3600,
        (rem / 60) % 60,
        rem % 60
    )
}

pub fn rfc3339_now() -> String {
    let (s, n) = now();
    rfc3339_nano(s, n)
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(rfc3339_nano(0, 0), "1970-01-01T00:00:00.000000000Z");
        assert_eq!(
            rfc3339_nano(951_782_400, 5),
            "2000-02-29T00:00:00.000000005Z"
        );
        // 2026-11-22T10:00:00Z
        assert_eq!(
            rfc3339_nano(1_795_341_600, 123_456_789),
            "2026-11-22T10:00:00.123456789Z"
        );
        assert_eq!(
            rfc3339_nano(4_102_444_799, 999_999_999),
            "2099-12-31T23:59:59.999999999Z"
        );
    }

    #[test]
    fn now_is_sane() {
        let s = rfc3339_now();
        assert_eq!(s.len(), 30);
        assert!(s.starts_with("20") && s.ends_with('Z'));
    }
}
