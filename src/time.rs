//! Durations and points in time as people type them, one parser for every command:
//! Go's duration syntax (`--health-interval 30s`, `1m30s`, `500ms`), and Docker's
//! timestamps (`logs`/`events --since/--until`, prune's `until=`): RFC 3339, a date, Unix
//! seconds, or a duration meaning that long ago.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("invalid duration {input:?}: {why}")]
    Duration { input: String, why: &'static str },
    #[error(
        "invalid time {0:?}: use RFC 3339 (2006-01-02T15:04:05Z), a date (2006-01-02), \
         Unix seconds or a duration like 10m (that long ago)"
    )]
    Timestamp(String),
}

/// Go keeps durations in an int64 of nanoseconds (about 292 years); longer ones are
/// refused there, so here too.
const MAX_NANOS: u128 = i64::MAX as u128;

/// Nanoseconds per unit, Go's units (µs in both of its spellings).
fn unit_nanos(unit: &str) -> Option<u128> {
    Some(match unit {
        "ns" => 1,
        "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => return None,
    })
}

/// Go's `time.ParseDuration`, as Docker takes it: a sequence of numbers (with an optional
/// fraction) each with its unit, `30s`, `1m30s`, `1.5h`, `500ms`. A number needs a unit,
/// except a lone `0`. Negative durations mean nothing where cove takes one, so they are
/// refused.
pub fn parse_duration(s: &str) -> Result<Duration, TimeError> {
    let bad = |why| TimeError::Duration {
        input: s.to_string(),
        why,
    };
    let syntax = "use a form like 30s, 1m30s or 500ms";
    let mut rest = match s.strip_prefix('-') {
        Some(_) => return Err(bad("it cannot be negative")),
        None => s.strip_prefix('+').unwrap_or(s),
    };
    if rest == "0" {
        return Ok(Duration::ZERO);
    }
    if rest.is_empty() {
        return Err(bad(syntax));
    }
    let too_long = "it is too long (at most about 292 years)";
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (int, after) = rest.split_at(int_len);
        let (frac, after) = match after.strip_prefix('.') {
            Some(f) => f.split_at(f.bytes().take_while(u8::is_ascii_digit).count()),
            None => ("", after),
        };
        if int.is_empty() && frac.is_empty() {
            return Err(bad(syntax));
        }
        let unit_len = after
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(after.len());
        let (unit, after) = after.split_at(unit_len);
        if unit.is_empty() {
            return Err(bad(
                "a number needs a unit (ns, us, ms, s, m or h), as in 30s",
            ));
        }
        let per = unit_nanos(unit).ok_or_else(|| bad("unknown unit: use ns, us, ms, s, m or h"))?;
        let mut whole: u128 = 0;
        for d in int.bytes() {
            whole = whole * 10 + u128::from(d - b'0');
            if whole > MAX_NANOS {
                return Err(bad(too_long));
            }
        }
        // Digits past the 18th cannot change a nanosecond count; they are dropped (as Go
        // stops adding them) so the arithmetic cannot overflow.
        let frac = &frac[..frac.len().min(18)];
        let scale = 10u128.pow(frac.len() as u32);
        let part = frac
            .bytes()
            .fold(0u128, |acc, d| acc * 10 + u128::from(d - b'0'));
        total += whole * per + part * per / scale;
        if total > MAX_NANOS {
            return Err(bad(too_long));
        }
        rest = after;
    }
    // At most i64::MAX, checked above.
    Ok(Duration::from_nanos(total as u64))
}

/// A point in time as Docker takes it: RFC 3339, a date (midnight UTC), Unix seconds
/// with an optional fraction (`1700000000.5`), or a duration meaning that long before
/// `now` (`10m`). A bare number is Unix seconds, so `0` is the epoch.
pub fn parse_timestamp(s: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, TimeError> {
    let bad = || TimeError::Timestamp(s.to_string());
    if let Some(t) = parse_rfc3339(s) {
        return Ok(t);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0).map(|t| t.and_utc()).ok_or_else(bad);
    }
    if let Some(t) = unix_seconds(s) {
        return t.ok_or_else(bad);
    }
    let ago = parse_duration(s).map_err(|_| bad())?;
    chrono::Duration::from_std(ago)
        .ok()
        .and_then(|d| now.checked_sub_signed(d))
        .ok_or_else(bad)
}

/// `SECONDS[.FRACTION]`, maybe negative: None when `s` is not of that form, Some(None)
/// when it is but lies outside what a timestamp can hold.
fn unix_seconds(s: &str) -> Option<Option<DateTime<Utc>>> {
    let (secs, frac) = match s.split_once('.') {
        Some((secs, frac)) if !frac.is_empty() => (secs, frac),
        Some(_) => return None,
        None => (s, ""),
    };
    let digits = secs.strip_prefix('-').unwrap_or(secs);
    let numeric = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if digits.is_empty() || !numeric(digits) || !numeric(frac) {
        return None;
    }
    let Ok(whole) = secs.parse::<i64>() else {
        return Some(None);
    };
    // Nanoseconds: the first nine digits of the fraction, padded.
    let nanos: i64 = format!("{:0<9}", &frac[..frac.len().min(9)])
        .parse()
        .unwrap_or(0);
    let nanos = if secs.starts_with('-') { -nanos } else { nanos };
    Some(
        DateTime::from_timestamp(whole, 0)
            .and_then(|t| t.checked_add_signed(chrono::Duration::nanoseconds(nanos))),
    )
}

/// An RFC 3339 time as cove stores them (creation, start and finish times), in UTC.
pub fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        parse_rfc3339(s).unwrap()
    }

    #[test]
    fn durations_in_gos_syntax() {
        let ok = |s: &str| parse_duration(s).unwrap();
        assert_eq!(ok("30s"), Duration::from_secs(30));
        assert_eq!(ok("1m30s"), Duration::from_secs(90));
        assert_eq!(ok("500ms"), Duration::from_millis(500));
        assert_eq!(ok("1h"), Duration::from_secs(3600));
        assert_eq!(ok("1h30m"), Duration::from_secs(5400));
        assert_eq!(ok("1.5h"), Duration::from_secs(5400));
        assert_eq!(ok(".5s"), Duration::from_millis(500));
        assert_eq!(ok("1.s"), Duration::from_secs(1));
        assert_eq!(ok("10us"), Duration::from_micros(10));
        assert_eq!(ok("10µs"), Duration::from_micros(10));
        assert_eq!(ok("7ns"), Duration::from_nanos(7));
        assert_eq!(ok("+2s"), Duration::from_secs(2));
        assert_eq!(ok("0"), Duration::ZERO);
        assert_eq!(ok("0s"), Duration::ZERO);
        assert_eq!(
            ok("1.000000000000000000001s"),
            Duration::from_secs(1),
            "digits past a nanosecond are dropped"
        );
        assert_eq!(ok("2562047h"), Duration::from_secs(2_562_047 * 3600));
    }

    #[test]
    fn bad_durations_are_errors_not_panics() {
        for s in [
            "",
            "10",
            "1.5",
            "5x",
            "soon",
            "s",
            ".s",
            "1e400s",
            "nan",
            "inf",
            "NaNs",
            "-1s",
            "-0",
            "1h-5m",
            "2562048h",
            "99999999999999999999999999999999999999999s",
            "1s ",
            " 1s",
        ] {
            assert!(parse_duration(s).is_err(), "{s:?} was accepted");
        }
        let e = parse_duration("10").unwrap_err().to_string();
        assert!(e.contains("needs a unit"), "{e}");
        let e = parse_duration("5x").unwrap_err().to_string();
        assert!(e.contains("unknown unit"), "{e}");
        let e = parse_duration("-1s").unwrap_err().to_string();
        assert!(e.contains("negative"), "{e}");
    }

    #[test]
    fn timestamps_and_durations_ago() {
        let now = t("2026-11-22T10:00:00Z");
        let ok = |s: &str| parse_timestamp(s, now).unwrap();
        assert_eq!(ok("10m"), t("2026-11-22T09:50:00Z"));
        assert_eq!(ok("1h30m"), t("2026-11-22T08:30:00Z"));
        assert_eq!(ok("2026-01-01T00:00:00Z"), t("2026-01-01T00:00:00Z"));
        assert_eq!(ok("2026-01-01T02:00:00+02:00"), t("2026-01-01T00:00:00Z"));
        assert_eq!(ok("2024-01-02"), t("2024-01-02T00:00:00Z"));
        assert_eq!(ok("0"), t("1970-01-01T00:00:00Z"));
        assert_eq!(ok("1700000000"), t("2023-11-14T22:13:20Z"));
        assert_eq!(ok("1700000000.25"), t("2023-11-14T22:13:20.25Z"));
        assert_eq!(ok("-1"), t("1969-12-31T23:59:59Z"));
        for s in [
            "soon",
            "5x",
            "",
            "nan",
            "inf",
            "1e9",
            "1.",
            "-1s",
            "2024-13-01",
            "99999999999999999999",
            "9999999999999999",
        ] {
            assert!(parse_timestamp(s, now).is_err(), "{s:?} was accepted");
        }
    }
}
