//! Reading the confinement probe's report (tests/probe/confinement.c): one line per
//! probe, `NAME allowed|denied|absent DETAIL`.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: String,
    pub detail: String,
}

impl Verdict {
    pub fn denied(&self) -> bool {
        self.outcome == "denied"
    }
}

/// Probe name -> verdict; panics on a line that is not the probe's.
pub fn parse(stdout: &str) -> BTreeMap<String, Verdict> {
    stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            assert!(
                f.len() == 3 && ["allowed", "denied", "absent"].contains(&f[1]),
                "not a probe line: {line:?}"
            );
            (
                f[0].to_string(),
                Verdict {
                    outcome: f[1].to_string(),
                    detail: f[2].to_string(),
                },
            )
        })
        .collect()
}

/// Probes that `reference` denies and `candidate` does not.
pub fn denied_only_by(
    reference: &BTreeMap<String, Verdict>,
    candidate: &BTreeMap<String, Verdict>,
) -> Vec<String> {
    reference
        .iter()
        .filter(|(name, v)| v.denied() && !candidate.get(*name).is_some_and(Verdict::denied))
        .map(|(name, _)| name.clone())
        .collect()
}

/// The side-by-side table for a test's output and the note.
pub fn table(columns: &[(&str, &BTreeMap<String, Verdict>)]) -> String {
    let mut names: Vec<&String> = columns.iter().flat_map(|(_, m)| m.keys()).collect();
    names.sort();
    names.dedup();
    let mut out = format!("{:<32}", "probe");
    for (title, _) in columns {
        out.push_str(&format!(" {title:<18}"));
    }
    out.push('\n');
    for name in names {
        out.push_str(&format!("{name:<32}"));
        for (_, m) in columns {
            let cell = m
                .get(name)
                .map(|v| format!("{} {}", v.outcome, v.detail))
                .unwrap_or_else(|| "-".into());
            out.push_str(&format!(" {cell:<18}"));
        }
        out.push('\n');
    }
    out
}
