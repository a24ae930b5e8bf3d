//! The parties of an agreement a stance or an approval is about (وافق مجلس الأمن على الاتفاق
//! النووي مع إيران، رحب الأمين العام باتفاق السلام بين قبائل التبو وقبائل الطوارق), or the author
//! of a request or a proposal (وافقت إسرائيل على طلب مصر): when the event names no party, they are
//! its target (its type's `deal_parties`).

use crate::clauses::Clause;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};

impl Ctx<'_, '_, '_> {
    /// The first named party within eight words after an agreement or a proposal (cue list `deals`,
    /// by its base: باتفاق، الاتفاقية، طلب) that stands within four words after the trigger at `t` and the subject
    /// after it: after بين or مع, or ungoverned (برنامج إيران النووي); not an agent. None without one.
    pub(crate) fn deal_party(&self, ps: &[Phrase], c: &Clause, t: usize, agents: &[usize]) -> Option<usize> {
        let words = self.d.words;
        // (Past the subject after the verb: وافق الاتحاد الأوروبي أمس على الاتفاق.)
        let start = agents.iter().map(|&a| ps[a].end).filter(|&e| e > t).max().unwrap_or(t + 1);
        let d = (start..(start + 4).min(c.end)).find(|&k| {
            let base = words[k].seg.base_key();
            cues().deals.has(base.strip_prefix("ال").unwrap_or(base))
        })?;
        // (Not past a comma or a word of topic: رحبت روسيا بالاتفاق، وقالت الصين …; اتفاقية جنيف
        // بشأن اللاجئين.)
        let open = |p: &Phrase| {
            (d + 1..p.first).all(|i| words[i].tok.kind != rasad_text::TokenKind::Punct && !cues().topic_words.has(bare(&words[i])))
        };
        let from = |p: &Phrase| p.first > d && p.first <= d + 8 && p.end <= c.end && open(p);
        let governor = |p: &Phrase| p.governor.as_deref().is_none_or(|g| matches!(g, "مع" | "بين"));
        (0..ps.len()).find(|&k| {
            let p = &ps[k];
            from(p) && governor(p) && p.participant() && p.head != Head::Generic && !agents.contains(&k)
        })
    }
}
