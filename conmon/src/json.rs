//! The few JSON documents the shim emits are flat and tiny; formatting them by hand keeps
//! serde out of the binary.

/// Quotes `s` as a JSON string.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Sync line after a successful create.
pub fn sync_pid(pid: i32) -> String {
    format!("{{\"pid\": {pid}}}\n")
}

/// Sync line when the container could not be created.
pub fn sync_error(msg: &str) -> String {
    format!("{{\"error\": {}}}\n", string(msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(string("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
        assert_eq!(sync_pid(42), "{\"pid\": 42}\n");
        assert_eq!(sync_error("no \"x\""), "{\"error\": \"no \\\"x\\\"\"}\n");
    }
}
