//! Runs the team-written person-linking cases in data/person_cases.tsv through the linker.

mod common;

use common::Case;
use rasad_kb::Kb;
use rasad_text::{analyze, char_slice, tokenize, Segmenter};

/// The actors of the mentions that overlap the last occurrence of `name` in `text`, with their
/// text. Kind `surname` reads the text as the pipeline does after the NER model read a person's
/// name exactly there (a one-word surname links only where such a name is that word alone).
fn linked(kb: &Kb, seg: &Segmenter, c: &Case) -> Vec<(String, String)> {
    let toks = tokenize(c.text);
    let words = analyze(&toks, seg);
    let byte = c.text.rfind(c.name).expect("checked when read");
    let start = c.text[..byte].chars().count();
    let end = start + c.name.chars().count();
    let mut mentions = kb.link(&words);
    if c.kind == "surname" {
        let first = words.iter().position(|w| w.tok.span.end > start).unwrap_or(words.len());
        let last = words.iter().rposition(|w| w.tok.span.start < end).map_or(first, |k| k + 1);
        mentions = kb.link_named_surnames(&words, mentions, &[(first, last)]);
    }
    mentions
        .into_iter()
        .filter(|m| m.span.start < end && start < m.span.end)
        .filter_map(|m| m.actor.map(|a| (kb.actors[a].id.clone(), char_slice(c.text, m.span))))
        .collect()
}

#[test]
fn person_cases_from_data_file() {
    let kb = Kb::builtin();
    let seg = Segmenter::new(kb.name_words());
    common::run("person", &common::read(include_str!("../data/person_cases.tsv")), |c: &Case| {
        let got = linked(kb, &seg, c);
        let ids: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
        let ok = match c.want {
            // The name links to the person, all of it in one mention.
            Some(id) => got.len() == 1 && ids[0] == id && got[0].1.contains(c.name),
            None => ids.iter().all(|id| !id.starts_with("P-")),
        } && !ids.iter().any(|id| c.never.contains(id));
        if ok {
            Ok(())
        } else {
            Err(format!("want {:?}, got {:?}", c.want, got))
        }
    });
}

#[test]
fn every_person_of_the_catalogue_has_a_name_of_two_words() {
    // A person linked only by one word would be linked wherever that word stands (the surname
    // alone comes from the full name earlier in the text, see coref.rs).
    let kb = Kb::builtin();
    let lone: Vec<&str> = kb
        .actors
        .iter()
        .filter(|a| a.kind == rasad_kb::ActorType::Person && a.ar.iter().all(|n| n.split_whitespace().count() < 2))
        .map(|a| a.id.as_str())
        .collect();
    assert!(lone.is_empty(), "persons without a full name: {lone:?}");
}
