//! Runs the team-written place-linking cases in data/place_cases.tsv through the linker.

mod common;

use common::Case;
use rasad_kb::Kb;
use rasad_text::{analyze, char_slice, match_key, tokenize, Segmenter, TokenKind};

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
    common::run("place", &common::read(include_str!("../data/place_cases.tsv")), |c: &Case| {
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
        if ok {
            Ok(())
        } else {
            Err(format!("want {:?}, got {:?} ({name:?}) among {:?}", c.want, got, all))
        }
    });
}
