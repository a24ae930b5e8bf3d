//! Tests of the trigger lexicon (lexicon.rs).

use super::*;
use rasad_text::{analyze, tokenize, Segmenter};

#[test]
fn builtin_lexicon_is_valid_and_covers_every_type() {
    let lex = Lexicon::parse(include_str!("../data/triggers.tsv")).unwrap();
    assert!(lex.len() > 150);
    for t in EventType::ALL {
        assert!(lex.lists.iter().flat_map(|(_, l)| l).any(|e| e.kind == t), "no trigger for {t}");
    }
}

#[test]
fn an_unknown_cue_class_is_a_bad_condition() {
    let err = Lexicon::parse("قصف\t-\t-\tASSAULT\t-\t-\tnear=@armd\tx").unwrap_err();
    assert!(err.to_string().contains("@armd"), "{err}");
    assert!(Lexicon::parse("وصف\t-\t-\tACCUSE\t-\t-\tafter=@censure|بالجريمة\tx").is_ok());
}

#[test]
fn the_person_condition_carries_a_type_a_mode_and_the_own_flag() {
    let needs = |c: &str| {
        Lexicon::parse(&format!("هاجم\t-\t-\tASSAULT\t-\t-\t{c}\tx"))
            .map(|l| l.lists.iter().flat_map(|(_, l)| l).next().unwrap().needs.clone())
    };
    assert_eq!(needs("person=CONSULT").unwrap(), vec![Need::PersonType(EventType::Consult, None, false)]);
    assert_eq!(needs("person=ACCUSE/criticize/own").unwrap(), vec![Need::PersonType(EventType::Accuse, Some("criticize".into()), true)]);
    assert!(needs("person=ACCUSE/criticize/mine").is_err());
    assert!(needs("person=ATTACK/visit").is_err());
}

#[test]
fn bad_lines_are_reported_with_their_number() {
    let err = Lexicon::parse("قصف\t-\t-\tATTACK\t-\t-\t-\tx").unwrap_err();
    assert_eq!(err.to_string(), "triggers line 1: ATTACK is not a PLOVER type");
}

#[test]
fn inflections_find_their_lemma() {
    let lex = Lexicon::builtin();
    let seg = Segmenter::new(lex.forms());
    for (word, kind) in [("دعت", "REQUEST"), ("وشنت", "ASSAULT"), ("يدعون", "REQUEST")] {
        let toks = tokenize(word);
        let w = &analyze(&toks, &seg)[0];
        assert_eq!(lex.lookup(w).map(|h| h.entry.kind.as_str()), Some(kind), "{word}");
    }
    for word in ["وصل", "وصلت", "وصلوا", "يصل", "تصل", "يصلون", "وصول", "وصوله", "ووصول", "سيصل"] {
        let toks = tokenize(word);
        let w = &analyze(&toks, &seg)[0];
        assert_eq!(lex.lookup(w).map(|h| h.entry.kind), Some(EventType::Mobilize), "{word}");
    }
    let toks = tokenize("الهجمات");
    let h = lex.lookup(&analyze(&toks, &seg)[0]).unwrap();
    assert_eq!((h.entry.kind, h.nominal), (EventType::Assault, true));
    let toks = tokenize("التدخل");
    assert!(lex.lookup(&analyze(&toks, &seg)[0]).is_none(), "a definite noun is not an imperfect verb");
    let toks = tokenize("عبر");
    assert!(lex.lookup(&analyze(&toks, &seg)[0]).is_none(), "bare عبر is the preposition 'via'");
    let toks = tokenize("عبروا");
    assert!(lex.lookup(&analyze(&toks, &seg)[0]).is_some());
}
