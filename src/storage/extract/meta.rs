//! An entry's metadata: its header, then the PAX records that override it.

use std::io::{self, Read};

use super::{cstring, ExtractError, Meta};

impl Meta {
    pub(super) fn read<R: Read>(
        entry: &mut tar::Entry<'_, R>,
        name: &str,
    ) -> Result<Meta, ExtractError> {
        let bad = |what: &str, e: io::Error| ExtractError::InvalidEntry {
            name: name.to_string(),
            reason: format!("bad {what}: {e}"),
        };
        let h = entry.header();
        // Like Go's archive/tar (which wrote most layers), an empty numeric field
        // reads as 0 rather than failing the layer.
        let old = h.as_old();
        let mode = or_zero(h.mode(), &old.mode).map_err(|e| bad("mode", e))?;
        // PAX uid/gid were already folded into the header by the tar crate.
        let uid = or_zero(h.uid(), &old.uid).map_err(|e| bad("uid", e))?;
        let gid = or_zero(h.gid(), &old.gid).map_err(|e| bad("gid", e))?;
        let mut mtime = libc::timespec {
            tv_sec: i64::try_from(h.mtime().unwrap_or(0)).unwrap_or(i64::MAX),
            tv_nsec: 0,
        };
        let mut xattrs = Vec::new();
        if let Some(pax) = entry.pax_extensions().map_err(ExtractError::Read)? {
            for ext in pax {
                let ext = ext.map_err(ExtractError::Read)?;
                let key = ext.key_bytes();
                if let Some(xname) = key.strip_prefix(b"SCHILY.xattr.") {
                    if !xname.is_empty() && !xname.contains(&0) {
                        xattrs.push((cstring(xname), ext.value_bytes().to_vec()));
                    }
                } else if key == b"mtime" {
                    if let Some(ts) = ext.value().ok().and_then(parse_pax_time) {
                        mtime = ts;
                    }
                }
            }
        }
        Ok(Meta {
            mode,
            uid,
            gid,
            mtime,
            xattrs,
        })
    }
}

fn or_zero<T: Default>(parsed: io::Result<T>, raw: &[u8]) -> io::Result<T> {
    match parsed {
        Err(_) if raw.iter().all(|&b| b == 0 || b == b' ') => Ok(T::default()),
        r => r,
    }
}

/// Parses a PAX time ("1700000000.123456789", possibly negative).
fn parse_pax_time(s: &str) -> Option<libc::timespec> {
    let (sec, frac) = s.split_once('.').unwrap_or((s, ""));
    let tv_sec: i64 = sec.parse().ok()?;
    let digits: String = frac.chars().take(9).collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let tv_nsec: i64 = if digits.is_empty() {
        0
    } else {
        format!("{digits:0<9}").parse().ok()?
    };
    // Negative times with a fraction count the fraction towards zero; keep the
    // nanoseconds non-negative as the kernel requires.
    if tv_sec < 0 && tv_nsec > 0 {
        return Some(libc::timespec {
            tv_sec: tv_sec - 1,
            tv_nsec: 1_000_000_000 - tv_nsec,
        });
    }
    Some(libc::timespec { tv_sec, tv_nsec })
}
