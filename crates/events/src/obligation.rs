//! Obligation: a speaker asks a party to act by saying what is on it (قال الوزير إن على إيران أن
//! تكف عن التدخل، وعلى الحكومة وقف الانهيار الأمني، يتعين على الأطراف الإفراج عن المعتقلين).
//!
//! Coders take such a sentence as a REQUEST of the speaker, made of the party that على governs.
//! The lexicon reads على (need `lead`) and يجب، يتعين، ينبغي (`next=على`) with the frame `owes`:
//! the speaker of the clause acts, and an obligation in the writer's own voice (ويتعين على
//! اليونان سداد القرض) states no event (roles/event.rs). [`Ctx::obligation_lead`] says when على
//! opens such a clause.

use crate::clauses::Clause;
use crate::context::{bare, opening_quote, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};

/// Words that may stand before على at the opening of its clause: the particles of a reported
/// clause (إن، أن) and a conjunction written apart.
const OPENERS: [&str; 6] = ["ان", "إن", "أن", "و", "ف", "لكن"];

impl Ctx<'_, '_, '_> {
    /// True when على at token `i` opens clause `c` (past [`OPENERS`] and quotation marks) and
    /// governs a party (a name, an office, a group, people, a state, or a body of parties: cue
    /// list `nonhuman_plurals` or a sound plural), past a quantifier (كل، جميع), that is followed
    /// by أن or by a word that is no preposition (the act asked for: وقف، مراجعة، السماح).
    pub(crate) fn obligation_lead(&self, ps: &[Phrase], c: &Clause, i: usize) -> bool {
        let words = self.d.words;
        // Back to the clause's opening, or to the particle of a reported clause (وأضاف أن على …).
        // (Or to the colon that opens a quotation: وقال الوزير: وعلى الحكومة …)
        let mut k = i;
        while k > c.first && (opening_quote(&words[k - 1]) || OPENERS.contains(&bare(&words[k - 1])) || words[k - 1].tok.text == ":") {
            k -= 1;
            if matches!(bare(&words[k]), "ان" | "إن" | "أن") || words[k].tok.text == ":" {
                k = c.first;
            }
        }
        if k > c.first {
            return false;
        }
        let Some(p) = self.obligation_party(ps, i) else { return false };
        let p = &ps[p];
        // (The act may open a clause of its own, past a comma: إن على إيران | أن تكف، على الدعاة، أن.)
        let k = if words.get(p.end).is_some_and(|w| w.tok.text == "،" || w.tok.text == ",") { p.end + 1 } else { p.end };
        let Some(next) = words.get(k).filter(|w| w.tok.kind == rasad_text::TokenKind::Arabic) else { return false };
        // (Not a thing the party has, an indefinite or a plural noun: إن على إيران ديونا، على
        // العراق عقوبات أممية; nor a finite verb: إن على إيران وحدها تقع المسؤولية.)
        let thing = next.key.ends_with('ا') && !next.seg.definite()
            || next.key.ends_with("ات")
            || self.quantity_at[k].is_some()
            || crate::objects::imperfect_shaped(&next.key);
        let asked = matches!(bare(next), "ان" | "أن")
            || (!thing
                && !crate::context::is_governor(next)
                && !cues().temporal.has(bare(next))
                && !next.seg.prefixes.iter().any(|x| matches!(*x, "ب" | "ل" | "ك" | "و" | "ف")));
        asked && !self.in_source(p)
    }

    /// The party على at token `at` governs, past a quantifier (كل، جميع): a name, an office, a
    /// group, people, a state, or a body of parties (cue list `nonhuman_plurals`, or a sound
    /// plural); not a thing (على الأرض، على طاولة الحوار).
    pub(crate) fn obligation_party(&self, ps: &[Phrase], at: usize) -> Option<usize> {
        let words = self.d.words;
        let mut at = at + 1;
        let quantified = words.get(at).is_some_and(|w| cues().quantifiers.has(bare(w)));
        if quantified {
            at += 1;
        }
        // (The phrase may take the quantifier in: على كل الدعاة.)
        let k = ps.iter().position(|p| p.first == at || quantified && p.first + 1 == at && p.end > at)?;
        let head = bare(&words[at]);
        let body = cues().nonhuman_plurals.has(head) || (head.chars().count() >= 5 && (head.ends_with("ين") || head.ends_with("ون")));
        let party = match ps[k].head {
            Head::Name | Head::Office | Head::Group | Head::Pair | Head::People | Head::Place => true,
            Head::Generic => body,
            Head::Counterpart => false,
        };
        party.then_some(k)
    }
}

impl Ctx<'_, '_, '_> {
    /// True when the verb of obligation at `t` is in the future (سيتعين على اليونان تطبيق …): what
    /// a party will have to do under a deal or a law, a forecast rather than a demand.
    /// So is one in the past (كان يتعين على الحكومة: it should have, a criticism).
    pub(crate) fn obligation_ahead(&self, t: usize) -> bool {
        let w = &self.d.words[t];
        let before = t.checked_sub(1).map(|k| bare(&self.d.words[k]));
        w.seg.prefixes.contains(&"س")
            || ["سي", "وسي", "فسي"].iter().any(|p| w.tok.text.starts_with(p))
            || before.is_some_and(|b| matches!(b, "سوف" | "كان" | "كانت" | "لكان"))
    }

    /// The على of an obligation triggered at `t`: the trigger itself, or the word right after a
    /// verb of obligation (يجب على، يتعين علينا); `None` when something else follows the verb
    /// (يجب أن يتمتعوا: no party named).
    pub(crate) fn obligation_on(&self, t: usize) -> Option<usize> {
        let words = self.d.words;
        (t..(t + 2).min(words.len())).find(|&k| {
            let w = &words[k];
            matches!(w.seg.base_key(), "علي" | "على") || matches!(w.key_without_conj(), "علي" | "على")
        })
    }

    /// True when a verb of saying stands in tokens `lo..t` (وأضاف أن على الأجهزة الأمنية …): an
    /// obligation there is the speaker's, whose subject the reader carries when the clause split
    /// gave it no speaker.
    pub(crate) fn spoken_before(&self, lo: usize, t: usize) -> bool {
        (lo..t).any(|k| crate::forms::speech_verb(&self.d.words[k]))
    }
}
