//! An office's holder named after its institution: an office phrase without a person, then the
//! body it serves in (after في، لدى or a clitic ب/ل), then a person's name, is one phrase named
//! by the person (القيادي في حزب المؤتمر الشعبي العام ياسر اليماني، النائب بالمجلس التأسيسي سمير
//! فلان، وزير الأسرى في الحكومة المقالة في قطاع غزة فلان الفلاني، النائب العربي في الكنيست محمد
//! بركة، سفير المملكة لدى مصر أحمد قطان). The office alone was the phrase before, and the name
//! was lost to the institution's phrase.
//!
//! Not a place or a state after في (التقى وزير الخارجية في القاهرة الرئيس فلان: the name is the
//! object), nor across a verb, a number, punctuation (but for a short parenthesis), a و or
//! another office.

use rasad_kb::ActorType;
use rasad_model::Label;
use rasad_text::TokenKind;

use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{word_class, Head, Phrase};

/// How far after the office the holder's name may stand (its institution's words between).
const REACH: usize = 12;

impl Ctx<'_, '_, '_> {
    /// Joins an office phrase to its holder's name after its institution (see the module).
    pub(crate) fn join_holders(&self, out: &mut Vec<Phrase>, hi: usize) {
        let mut k = 0;
        while k < out.len() {
            let p = &out[k];
            let bare_office = p.head == Head::Office && !self.person_in(p.first, p.end);
            let end = bare_office.then(|| self.holder_after(p.end, hi).or_else(|| self.titled_holder(out.get(k + 1), p.end))).flatten();
            if let Some(mut end) = end {
                // The phrases the institution and the name made are taken in whole.
                while k + 1 < out.len() && out[k + 1].first < end {
                    end = end.max(out.remove(k + 1).end);
                }
                let (link, state) = self.best_link(out[k].first, end);
                let p = &mut out[k];
                p.end = end;
                p.head = Head::Name;
                p.link = link.or(p.link);
                p.state = state.or(p.state);
            }
            k += 1;
        }
    }

    /// The end of a person's name after an office ending at `start`, when the words between are
    /// the office's institution (see the module).
    fn holder_after(&self, start: usize, hi: usize) -> Option<usize> {
        let words = self.d.words;
        let hi = hi.min(words.len());
        let org = |t: usize| {
            self.mention_at[t]
                .filter(|&m| self.d.mentions[m].first == t)
                .and_then(|m| self.d.mentions[m].actor)
                .is_some_and(|a| !matches!(self.d.kb.actors[a].kind, ActorType::Person | ActorType::State))
        };
        let body = |t: usize| t < hi && (word_class(&words[t]) == Some(Head::Group) || org(t));
        let first = words.get(start)?;
        let clitic = first.seg.prefixes.iter().any(|x| matches!(*x, "ب" | "ل"));
        let opens = match bare(first) {
            "في" => body(start + 1),
            // لدى: where an envoy is accredited, a state too (سفير المملكة لدى مصر فلان).
            "لدي" => start + 1 < hi && (body(start + 1) || self.mention_at[start + 1].is_some()),
            _ => clitic && body(start),
        };
        if !opens {
            return None;
        }
        let reach = (start + REACH).min(hi);
        let mut t = start;
        while t < reach {
            let w = &words[t];
            // A parenthesis inside the institution is passed over (حزب المؤتمر الشعبي العام (حزب
            // صالح) عبد الرحمن القوسي).
            if t > start && w.tok.kind == TokenKind::Punct && w.tok.text == "(" {
                match (t + 1..reach.min(t + 8)).find(|&k| words[k].tok.text == ")") {
                    Some(close) => {
                        t = close + 1;
                        continue;
                    }
                    None => return None,
                }
            }
            if let Some(end) = self.person_starting(t) {
                let governed = w.seg.prefixes.iter().any(|x| matches!(*x, "ب" | "ل" | "ك"));
                return (t > start && !governed).then_some(end);
            }
            // (…or with a title of his own right before it: رئيس القائمة في الكنيست النائب فلان.)
            if t > start && w.seg.definite() && self.single_office(t) {
                if let Some(end) = self.person_starting(t + 1) {
                    return Some(end);
                }
            }
            let verb = self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal);
            // (An adjective that looks like an office is none: حزب المؤتمر الحاكم.)
            let c = cues();
            let office = word_class(w) == Some(Head::Office) && !c.honorifics.has(w.key.as_str()) && !c.adjectives.has(w.key.as_str());
            let and = t > start && w.seg.prefixes.first() == Some(&"و");
            // A preposition other than the institution's governs the name: it is no holder (طلب
            // النواب في مجلس الشيوخ من فلان).
            let prep = t > start && crate::context::is_governor(w) && !matches!(bare(w), "في" | "لدي");
            if w.tok.kind != TokenKind::Arabic || self.in_time[t] || self.quantity_at[t].is_some() || verb || office || and || prep {
                return None;
            }
            t += 1;
        }
        None
    }

    /// The end of the phrase right after an office ending at `start` when it is its holder with a
    /// title of his own: a definite title or honorific right before a person's name (رئيس القائمة
    /// العربية الموحدة النائب عبد الله صرصور، المتحدث باسم الوزارة السفير بدر عبدالعاطي). Not a
    /// title with a nisba or a genitive before the name, which may be another party (استقبل وزير
    /// الخارجية السفير الفرنسي فلان).
    fn titled_holder(&self, next: Option<&Phrase>, start: usize) -> Option<usize> {
        let n = next.filter(|n| n.first == start && n.governor.is_none() && !n.coordinated)?;
        let w = &self.d.words[n.first];
        let title = w.seg.definite() && (word_class(w) == Some(Head::Office) || cues().honorifics.has(w.key.as_str()));
        let named = self.person_starting(n.first + 1).is_some_and(|e| e <= n.end);
        (title && named && self.single_office(n.first)).then_some(n.end)
    }

    /// The end of a person's name starting at `t`: a person of the catalogue or a PER name; `None`
    /// past the last token (a title that ends the text).
    fn person_starting(&self, t: usize) -> Option<usize> {
        let kb_person = (self.mention_at.get(t).copied().flatten())
            .filter(|&m| self.d.mentions[m].first == t)
            .filter(|&m| self.d.mentions[m].actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Person))
            .map(|m| self.d.mentions[m].end);
        kb_person.or_else(|| self.name_at(t).filter(|n| n.1 == Label::Per).map(|n| n.0))
    }

    /// True when tokens `[a, b)` hold a person's name.
    pub(crate) fn person_in(&self, a: usize, b: usize) -> bool {
        (a..b).any(|t| self.person_starting(t).is_some())
    }
}
