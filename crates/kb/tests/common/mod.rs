//! The case files' reader and runner, shared by the kb's case tests (place_cases, person_cases).

use std::collections::BTreeMap;

/// One row of a case file: kind, text, name (written in the text), the id it must link to
/// (`None` for "-") and the ids it must never link to.
pub struct Case<'a> {
    pub line: usize,
    pub kind: &'a str,
    pub text: &'a str,
    pub name: &'a str,
    pub want: Option<&'a str>,
    pub never: Vec<&'a str>,
}

/// The rows of a case file (tab-separated, 4 or 5 columns; `#` lines and blank lines skipped).
/// Panics on a malformed row or a name its text does not hold.
pub fn read(data: &'static str) -> Vec<Case<'static>> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert!(c.len() == 4 || c.len() == 5, "line {}: expected 4 or 5 columns", n + 1);
        assert!(c[1].contains(c[2]), "line {}: the name is not in the text", n + 1);
        let never = c.get(4).map(|x| x.split(',').map(str::trim).filter(|x| !x.is_empty()).collect()).unwrap_or_default();
        out.push(Case { line: n + 1, kind: c[0], text: c[1], name: c[2], want: (c[3] != "-").then_some(c[3]), never });
    }
    out
}

/// Runs `check` on every case (`Err` describes a failure) and asserts that every kind has at
/// least 3 cases and that none fails; `what` names the cases in the messages ("place").
pub fn run(what: &str, cases: &[Case], mut check: impl FnMut(&Case) -> Result<(), String>) {
    let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in cases {
        *per_kind.entry(c.kind).or_default() += 1;
        if let Err(e) = check(c) {
            failures.push(format!("line {} ({}): {}: {e}", c.line, c.kind, c.name));
        }
    }
    for (kind, n) in &per_kind {
        assert!(*n >= 3, "kind {kind} has only {n} cases (at least 3 variants a kind)");
    }
    assert!(failures.is_empty(), "{} {what} cases fail:\n{}", failures.len(), failures.join("\n"));
}
