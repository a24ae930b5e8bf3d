//! Runs the team-written place-linking cases in data/place_cases.tsv through the linker.

use std::collections::BTreeMap;

use rasad_kb::Kb;
use rasad_text::{analyze, char_slice, match_key, tokenize, Segmenter, TokenKind};

struct Case<'a> {
    line: usize,
    kind: &'a str,
    text: &'a str,
    name: &'a str,
    want: Option<&'a str>,
    never: Vec<&'a str>,
}

fn cases() -> Vec<Case<'static>> {
    let data = include_str!("../data/place_cases.tsv");
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

/// The place the linker gives the mention that covers `name` in `text` (None when it links none).
fn linked_place(kb: &Kb, seg: &Segmenter, text: &str, name: &str) -> Option<String> {
    let toks = tokenize(text);
    let words = analyze(&toks, seg);
    let key = match_key(name);
    kb.link(&words)
        .into_iter()
        .find(|m| {
            let got = match_key(&char_slice(text, m.span));
            got.contains(&key) || key.contains(&got)
        })
        .and_then(|m| m.place)
        .map(|p| kb.places[p].id.clone())
}

/// Every place a name alone may stand for, best first without context.
fn candidates(kb: &Kb, seg: &Segmenter, name: &str) -> Vec<String> {
    let toks: Vec<_> = tokenize(name).into_iter().filter(|t| t.kind != TokenKind::Punct).collect();
    let words = analyze(&toks, seg);
    kb.lookup(&words).into_iter().filter_map(|(_, p, _)| p).map(|p| kb.places[p].id.clone()).collect()
}

#[test]
fn place_cases_from_data_file() {
    let kb = Kb::builtin();
    let seg = Segmenter::new(kb.name_words());
    let mut per_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in cases() {
        let (got, all) = if c.kind == "lookup" {
            let all = candidates(kb, &seg, c.name);
            (all.first().cloned(), all)
        } else {
            let got = linked_place(kb, &seg, c.text, c.name);
            (got.clone(), got.into_iter().collect())
        };
        // Kind english: the fifth column is the English name of the place, not ids it must never be.
        let english = c.kind == "english";
        let forbidden: Vec<&String> = if english { vec![] } else { all.iter().filter(|x| c.never.contains(&x.as_str())).collect() };
        let name = got.as_deref().and_then(|id| kb.place(id)).map(|p| p.name.as_str());
        let ok = got.as_deref() == c.want && forbidden.is_empty() && (!english || c.never.first().copied() == name);
        let e = per_kind.entry(c.kind).or_default();
        e.0 += 1;
        if ok {
            e.1 += 1;
        } else {
            failures.push(format!("line {} ({}): {}: want {:?}, got {:?} ({name:?}) among {:?}", c.line, c.kind, c.name, c.want, got, all));
        }
    }
    for (kind, (n, _)) in &per_kind {
        assert!(*n >= 3, "kind {kind} has only {n} cases (at least 3 variants a kind)");
    }
    assert!(failures.is_empty(), "{} place cases fail:\n{}", failures.len(), failures.join("\n"));
}
