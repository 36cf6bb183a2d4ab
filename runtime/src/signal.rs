//! Signal names and numbers as `kill` accepts them: `TERM`, `SIGTERM`, `15`.

use nix::sys::signal::Signal;

pub fn parse(s: &str) -> Option<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).ok();
    }
    let upper = s.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") {
        upper
    } else {
        format!("SIG{upper}")
    };
    name.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(parse("TERM"), Some(Signal::SIGTERM));
        assert_eq!(parse("sigkill"), Some(Signal::SIGKILL));
        assert_eq!(parse("9"), Some(Signal::SIGKILL));
        assert_eq!(parse("HUP"), Some(Signal::SIGHUP));
        assert_eq!(parse("NOPE"), None);
        assert_eq!(parse("999"), None);
    }
}
