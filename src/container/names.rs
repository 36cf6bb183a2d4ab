//! Container IDs and names: 64 hex digits like Docker's, and `adjective_noun` names for
//! containers created without `--name`.

use std::io::Read;

#[derive(Debug, thiserror::Error)]
pub enum NameError {
    #[error("invalid container name \"{0}\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")]
    Invalid(String),
    #[error("reading random bytes: {0}")]
    Random(#[from] std::io::Error),
}

fn random_bytes<const N: usize>() -> std::io::Result<[u8; N]> {
    let mut buf = [0u8; N];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut buf)?;
    Ok(buf)
}

/// A fresh container ID. Docker avoids IDs whose 12-digit short form is all digits (it
/// would read as a number); so do we.
pub fn new_id() -> Result<String, NameError> {
    loop {
        let id = hex::encode(random_bytes::<32>()?);
        if !id[..12].bytes().all(|b| b.is_ascii_digit()) {
            return Ok(id);
        }
    }
}

const ADJECTIVES: &[&str] = &[
    "admiring", "brave", "calm", "clever", "eager", "elegant", "focused", "gallant", "happy",
    "jolly", "keen", "kind", "lucid", "modest", "nifty", "quirky", "serene", "sharp", "stoic",
    "tender", "vibrant", "wizardly", "youthful", "zealous",
];

const NOUNS: &[&str] = &[
    "albattani",
    "babbage",
    "curie",
    "darwin",
    "euclid",
    "fermat",
    "galileo",
    "hopper",
    "hypatia",
    "kepler",
    "lamarr",
    "lovelace",
    "meitner",
    "newton",
    "noether",
    "pascal",
    "ritchie",
    "shannon",
    "thompson",
    "turing",
    "wozniak",
    "yalow",
    "zuse",
];

/// `adjective_noun`; the caller retries on a clash (the database's UNIQUE constraint is
/// the arbiter).
pub fn random_name() -> Result<String, NameError> {
    let [a, b, c] = random_bytes::<3>()?;
    let adj = ADJECTIVES[a as usize % ADJECTIVES.len()];
    let noun = NOUNS[b as usize % NOUNS.len()];
    // Retries after a clash get a numeric suffix so they cannot loop on a small space.
    Ok(if c < 128 {
        format!("{adj}_{noun}")
    } else {
        format!("{adj}_{noun}{}", c % 100)
    })
}

/// Docker's rule for `--name`.
pub fn validate(name: &str) -> Result<(), NameError> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(())
    } else {
        Err(NameError::Invalid(name.to_string()))
    }
}

/// The first of NAME-clone, NAME-clone1, NAME-clone2 ... not in `taken` (Podman's names
/// for `container clone` and `pod clone` copies).
pub fn free_clone_name(base: &str, taken: &std::collections::BTreeSet<String>) -> String {
    let first = format!("{base}-clone");
    if !taken.contains(&first) {
        return first;
    }
    (1..)
        .map(|n| format!("{first}{n}"))
        .find(|n| !taken.contains(n))
        .expect("a free name")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_64_hex_and_not_numeric_short() {
        for _ in 0..50 {
            let id = new_id().unwrap();
            assert_eq!(id.len(), 64);
            assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
            assert!(!id[..12].bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn names_follow_docker_rules() {
        for n in ["web", "a", "my_app-1.2", "9lives"] {
            validate(n).unwrap();
        }
        for n in ["", "-x", "_x", "a b", "a/b", "ä"] {
            assert!(validate(n).is_err(), "{n:?} accepted");
        }
        for _ in 0..20 {
            validate(&random_name().unwrap()).unwrap();
        }
    }
}
