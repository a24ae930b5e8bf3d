//! Training marks from the team's case sentences (crates/events/data/cases.tsv, CC0) for
//! `rasad events train`. A case names the types of the events it expects, not their words, so its
//! trigger offsets are derived:
//!
//! - the rules-only reader runs on the case; the trigger of every event it reads (each mention)
//!   whose type the case expects (required or optional) is marked with that type;
//! - a required type the reader did not find is marked on the first word of the case the trigger
//!   lexicon reads as that type (the reader missed it, the word is still the likeliest trigger);
//! - every other candidate word is no event: a case expecting NONE gives negatives only, and an
//!   event the reader reads that the case does not expect is a negative.

use rasad_model::EventType;
use rasad_pipeline::Pipeline;

/// One case: its text and the trigger marks derived for it.
pub struct CaseMarks {
    pub text: String,
    pub marks: Vec<(usize, usize, EventType)>,
}

/// The expected types of a case's expect column: (type, required).
fn expected(expect: &str) -> Vec<(EventType, bool)> {
    if expect.trim() == "NONE" {
        return Vec::new();
    }
    expect
        .split(" | ")
        .filter_map(|ev| {
            let head = ev.split_whitespace().next()?;
            let (required, name) = head.strip_prefix('?').map_or((true, head), |n| (false, n));
            Some((name.parse().ok()?, required))
        })
        .collect()
}

/// The marks of every case of `tsv` (the case file's format), read with `p` (a rules-only pipeline).
pub fn case_marks(p: &Pipeline, tsv: &str) -> Vec<CaseMarks> {
    use rayon::prelude::*;
    let lines: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    lines
        .par_iter()
        .filter_map(|line| {
            let c: Vec<&str> = line.split('\t').collect();
            let (id, published, expect) = (c.first()?, c.get(1)?, c.get(3)?);
            let text = &c.get(2)?.replace("\\n", "\n");
            let want = expected(expect);
            let out = p.extract_text(id, text, published.parse().ok());
            let mut marks = Vec::new();
            for e in out.events.iter().filter(|e| want.iter().any(|(t, _)| *t == e.kind)) {
                for m in &e.mentions {
                    marks.push((m.trigger.start, m.trigger.end, e.kind));
                }
                marks.push((e.trigger.start, e.trigger.end, e.kind));
            }
            for (t, _) in want.iter().filter(|(t, req)| *req && !out.events.iter().any(|e| e.kind == *t)) {
                if let Some(span) = first_word_of_type(p, text, *t) {
                    marks.push((span.0, span.1, *t));
                }
            }
            marks.sort_by_key(|m| (m.0, m.1));
            marks.dedup_by_key(|m| (m.0, m.1));
            Some(CaseMarks { text: text.to_string(), marks })
        })
        .collect()
}

/// The code-point span of the first word the trigger lexicon reads as type `t`.
fn first_word_of_type(p: &Pipeline, text: &str, t: EventType) -> Option<(usize, usize)> {
    let lexicon = rasad_events::Lexicon::builtin();
    let seg = p.segmenter_handle();
    rasad_text::analyze_text(text, &seg)
        .iter()
        .find(|w| lexicon.lookup(w).is_some_and(|h| h.entries.iter().any(|e| e.kind == t)))
        .map(|w| (w.tok.span.start, w.tok.span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_types_of_a_case() {
        assert!(expected("NONE").is_empty());
        let e = expected("AGREE actor=مصر | ?CONSULT place=القاهرة");
        assert_eq!(e, vec![(EventType::Agree, true), (EventType::Consult, false)]);
    }
}
