//! Runs the team-written cases in data/quantities.tsv and data/times.tsv.

use std::collections::BTreeMap;

use jiff::civil::Date;
use rasad_model::Bound;
use rasad_numtime::{parse_quantities, parse_times};
use rasad_text::{analyze, tokenize, Segmenter};

fn cases(tsv: &str) -> Vec<Vec<&str>> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect()).collect()
}

/// Passes per category, and the failures with what was found.
#[derive(Default)]
struct Tally {
    per: BTreeMap<String, (usize, usize)>,
    failures: Vec<String>,
}

impl Tally {
    fn record(&mut self, cat: &str, ok: bool, failure: impl FnOnce() -> String) {
        let e = self.per.entry(cat.to_string()).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            self.failures.push(failure());
        }
    }

    fn report(&self, kind: &str) {
        for (cat, (ok, all)) in &self.per {
            eprintln!("{kind} {cat}: {ok}/{all}");
        }
        for f in self.failures.iter().take(60) {
            eprintln!("  {f}");
        }
    }
}

#[test]
fn quantity_cases() {
    let seg = Segmenter::new(std::iter::empty::<&str>());
    let rows = cases(include_str!("../data/quantities.tsv"));
    assert!(rows.len() >= 300, "{} quantity cases", rows.len());
    let mut tally = Tally::default();
    for r in &rows {
        let (cat, text, value, bound, unit) = (r[0], r[1], r[2], r[3], r[4]);
        let toks = tokenize(text);
        let words = analyze(&toks, &seg);
        let found = parse_quantities(text, &words, &[]);
        let ok = if value == "-" {
            found.is_empty()
        } else {
            let want: f64 = value.parse().expect("value is a number");
            found.first().is_some_and(|q| {
                let b = match bound {
                    "approx" => q.approx && q.bound == Bound::Exact,
                    "exact" => !q.approx && q.bound == Bound::Exact,
                    "at_least" => q.bound == Bound::AtLeast,
                    "at_most" => q.bound == Bound::AtMost,
                    "range" => q.bound == Bound::Range,
                    other => panic!("unknown bound {other}"),
                };
                (q.value - want).abs() < 1e-6 && b && (unit == "-" || q.unit.as_deref() == Some(unit))
            })
        };
        tally.record(cat, ok, || {
            format!(
                "{cat}: {text} → want {value} {bound} {unit}, got {:?}",
                found.first().map(|q| (q.value, q.bound, q.approx, q.unit.clone()))
            )
        });
    }
    tally.report("quantities");
    assert!(tally.failures.is_empty(), "{} of {} quantity cases fail (see stderr)", tally.failures.len(), rows.len());
}

#[test]
fn time_cases() {
    let seg = Segmenter::new(std::iter::empty::<&str>());
    let rows = cases(include_str!("../data/times.tsv"));
    assert!(rows.len() >= 200, "{} time cases", rows.len());
    let mut tally = Tally::default();
    for r in &rows {
        let (cat, text, published, want) = (r[0], r[1], r[2], r[3]);
        let p: Date = published.parse().expect("publication date");
        let toks = tokenize(text);
        let words = analyze(&toks, &seg);
        let found = parse_times(text, &words, Some(p));
        let ok = if want == "-" { found.is_empty() } else { found.first().and_then(|t| t.value.as_deref()) == Some(want) };
        tally.record(cat, ok, || {
            format!(
                "{cat}: {text} (published {published}) → want {want}, got {:?}",
                found.first().map(|t| (t.text.clone(), t.value.clone()))
            )
        });
    }
    tally.report("times");
    assert!(tally.failures.is_empty(), "{} of {} time cases fail (see stderr)", tally.failures.len(), rows.len());
}
