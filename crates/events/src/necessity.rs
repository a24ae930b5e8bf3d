//! Necessity: a demand that stands on a need names whom it is made of by the act it asks for.
//!
//! Officials demand by stressing a need (شدد الوزير على ضرورة أن يلتزم المشرع بالدستور، أكد
//! أهمية التزام جميع الأطراف بالحوار). Coders give such a demand the party of the act that is
//! needed as its target: the subject of the verb after أن (المشرع), or the party right after the
//! verbal noun (التزام الأطراف، دعم الحكومة). [`Ctx::necessity_party`] finds it for the types
//! whose content may name the target (types.toml `content_fallback`), before the looser first
//! party of the content ([`Ctx::content_party`]).

use rasad_model::EventType;

use crate::context::{bare, opening_quote, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};
use crate::types::info;

/// Words between the trigger or its subject and the word of necessity, at most (شدد الوزير أمس
/// على ضرورة).
const NEED_REACH: usize = 6;

impl Ctx<'_, '_, '_> {
    /// The party a demand at token `t` asks to act, when a word of necessity (cue list
    /// `necessity`) follows the trigger, or its subject, within [`NEED_REACH`] tokens and before
    /// `end` (the sentence's end: a quotation may open at the word, على «ضرورة التزام …»): the
    /// phrase after أن and its verb, or after the verbal noun that follows the word, past a
    /// quantifier (جميع، كل). A plain noun phrase (Head::Generic) counts only when it names a body
    /// of parties (cue list `nonhuman_plurals`, or a sound plural: ضرورة أن تعمل الكتل السياسية،
    /// وجوب تبليغ الأسر), never a thing (ضرورة رصد المآسي، ضرورة أن تنتهي الأزمة). Not one of
    /// `agents`, no place, no source; the caller adds the parties coordinated with it (أن يلتزم
    /// الجيش وقوات الدعم السريع). None for a type without `content_fallback`.
    pub(crate) fn necessity_party(&self, ps: &[Phrase], t: usize, end: usize, kind: EventType, agents: &[usize]) -> Option<usize> {
        if !info(kind).content_fallback {
            return None;
        }
        let words = self.d.words;
        // (After the subject, however long: أكد نائب الرئيس … طارق الهاشمي على ضرورة.)
        let from = agents.iter().map(|&k| ps[k].end).filter(|&e| e > t).max().unwrap_or(t + 1);
        let n = (t + 1..end.min(from + NEED_REACH)).find(|&k| cues().necessity.has_word(&words[k]))?;
        // The one it is said to, with ل right after the speaker, is asked (أكد الملك لميتشل ضرورة،
        // شدد الوزير لنظيره على ضرورة).
        let addressee = ps.iter().position(|p| {
            p.first == from
                && p.end <= n
                && p.governor.as_deref() == Some("ل")
                && matches!(p.head, Head::Name | Head::Office | Head::Counterpart)
        });
        if let Some(k) = addressee.filter(|k| !agents.contains(k)) {
            return Some(k);
        }
        // (Past a quotation mark: أهمية “التزام جميع الأطراف.)
        let n = if words.get(n + 1).is_some_and(opening_quote) { n + 1 } else { n };
        let clause_verb = words.get(n + 1).is_some_and(|w| matches!(w.tok.text, "أن" | "ان"));
        let mut at = n + 2 + usize::from(clause_verb);
        if words.get(at).is_some_and(|w| cues().quantifiers.has(bare(w))) {
            at += 1;
        }
        let k = ps.iter().position(|p| p.first == at)?;
        let p = &ps[k];
        let head = bare(&words[p.first]);
        let body = cues().nonhuman_plurals.has(head) || (head.chars().count() >= 5 && (head.ends_with("ين") || head.ends_with("ون")));
        let party = match p.head {
            Head::Name | Head::Office | Head::Group | Head::Pair | Head::People => true,
            Head::Generic => body,
            Head::Place | Head::Counterpart => false,
        };
        (party && !agents.contains(&k) && !self.in_source(p)).then_some(k)
    }
}
