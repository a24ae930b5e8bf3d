//! Trigger words: every word of a sentence whose lemma is in the trigger lexicon and whose
//! conditions hold, unless it is inside a name, a purpose phrase (للدفاع، بهدف …), a noun governed
//! by a trigger just before it, or describes a noun of its own type.

use rasad_model::EventType;
use rasad_text::{Sentence, TokenKind};

use crate::context::{bare, is_definite_or_governed, near_any, Ctx};
use crate::lexicon::Need;

pub(crate) const PURPOSE_BEFORE: &[&str] = &["بهدف", "لهدف", "بغيه", "لاجل", "اجل", "بقصد", "سبيل", "امكانيه", "اطار", "ضروره"];

pub(crate) const NEGATIONS: &[&str] = &["لم", "لن", "لا", "ما", "عدم", "دون", "بدون", "ليس", "غير"];

pub(crate) type Trig = (usize, EventType, Option<String>, Vec<Need>, bool);

pub(crate) const TEMPORAL: &[&str] = &["اثر", "عقب", "لدي", "اثناء", "خلال", "جراء", "بعيد", "فور"];

pub(crate) const RELATIVES: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللتين", "من", "ما"];

impl Ctx<'_, '_, '_> {
    /// The first token of a purpose phrase after the trigger (من أجل، لـ + verbal noun), which ends the agent search.
    pub(crate) fn purpose_after(&self, t: usize, hi: usize) -> usize {
        let words = self.d.words;
        (t + 1..hi)
            .find(|&k| {
                let w = &words[k];
                (bare(w) == "اجل" && k > 0 && bare(&words[k - 1]) == "من")
                    || PURPOSE_BEFORE.contains(&bare(w))
                    || (w.seg.prefixes.contains(&"ل") && self.mention_at[k].is_none() && self.d.lexicon.lookup(w).is_some())
            })
            .unwrap_or(hi)
    }

    pub(crate) fn triggers(&self, s: &Sentence) -> Vec<Trig> {
        let words = self.d.words;
        let mut found: Vec<Trig> = Vec::new();
        // Triggers passed over as purposes still govern the noun after them (للمشاركة في هجوم).
        let mut last_seen: Option<(usize, EventType)> = None;
        for i in s.first_token..s.end_token {
            let w = &words[i];
            if w.tok.kind != TokenKind::Arabic || self.mention_at[i].is_some() || self.in_time[i] {
                continue;
            }
            let Some(hit) = self.d.lexicon.lookup(w) else { continue };
            let entry = hit.entry;
            let governed_by_prev = last_seen.is_some_and(|(pt, _)| i - pt <= 3) && (hit.nominal || is_definite_or_governed(words, i));
            // A verb right after a kept noun of its own type describes that noun (غارات استهدفت، هجوم يستهدف).
            let attributive = !hit.nominal && found.last().is_some_and(|l| l.1 == entry.kind && i - l.0 <= 2);
            if attributive {
                continue;
            }
            let mut ok = true;
            for need in &entry.needs {
                ok &= match need {
                    Need::Verbal => !is_definite_or_governed(words, i),
                    // Wide enough for a long subject between verb and object (وقع الرئيسان … اتفاقا).
                    Need::Near(keys) => near_any(words, i, 15, s.first_token, s.end_token, keys),
                    Need::Unless(keys) => !near_any(words, i, 3, s.first_token, s.end_token, keys),
                    Need::PersonType(_) | Need::Standalone => true,
                };
            }
            if !ok {
                continue;
            }
            // Only a trigger that stands (or a purpose passed over) governs the noun after it.
            last_seen = Some((i, entry.kind));
            let prev = (i > s.first_token).then(|| &words[i - 1]);
            let prev_key = prev.map(bare).unwrap_or("");
            let after_addition = matches!(prev_key, "اضافه" | "بالاضافه");
            // Purpose phrases: ل + verbal noun (للدفاع، لمساعدة), بهدف …, unless ل marks the passive
            // after تعرض or follows إضافة ("in addition to").
            let lam = w.seg.prefixes.contains(&"ل");
            let passive_lam =
                (s.first_token..i).rev().take(8).any(|k| bare(&words[k]).starts_with("تعرض") || words[k].seg.key.starts_with("تعرض"));
            if lam && !passive_lam && !after_addition {
                continue;
            }
            if PURPOSE_BEFORE.contains(&prev_key) || (i >= 2 && bare(&words[i - 2]) == "من" && prev_key == "اجل") {
                continue;
            }
            // The complement of a purpose or of another verbal noun (لتبرير قصف، ترجمة دعمهم).
            if hit.nominal && prev.is_some_and(|p| p.seg.prefixes.contains(&"ل") && p.tok.kind == TokenKind::Arabic) && !after_addition {
                continue;
            }
            // "أي هجوم": any attack, none in particular.
            if prev_key == "اي" {
                continue;
            }
            // لم يصل، لن تنسحب، عدم مشاركة: the event is read, and marked as not having happened.
            let negated = NEGATIONS.contains(&prev_key)
                || (i >= 2
                    && matches!(bare(&words[i - 2]), "لم" | "لن")
                    && words[i - 1].tok.kind == TokenKind::Arabic
                    && words[i - 1].key.len() <= 6);
            if negated {
                self.negated.borrow_mut().push(i);
            }
            // An imperfect verb in a relative clause describes (التي تساندها، ومن يدعمه).
            if !hit.nominal && RELATIVES.contains(&prev_key) && matches!(w.key_without_conj().chars().next(), Some('ي' | 'ت' | 'ن')) {
                continue;
            }
            // اتهمت إيران إسرائيل بشن غارة: the accused act is an event, claimed by the accuser.
            let accused_act = w.seg.prefixes.contains(&"ب") && found.last().is_some_and(|l| l.1 == EventType::Accuse && i - l.0 <= 6);
            if accused_act {
                found.push((i, entry.kind, entry.mode.clone(), entry.needs.clone(), false));
                self.claimed.borrow_mut().push(i);
                continue;
            }
            if governed_by_prev {
                continue;
            }
            // One event for adjacent triggers of one type (وصلت تعزيزات، تعزيزات … تصل).
            if found.last().is_some_and(|l| l.1 == entry.kind && i - l.0 <= 3) {
                continue;
            }
            // A verbal noun after إثر، لدى، عقب … is an event of its own (إثر هجوم، لدى وصوله).
            let adjunct = TEMPORAL.contains(&prev_key) || entry.needs.contains(&Need::Standalone);
            found.push((i, entry.kind, entry.mode.clone(), entry.needs.clone(), hit.nominal && !after_addition && !adjunct));
        }
        // Other verbal nouns in a sentence that reports with a verb are that verb's complements.
        if found.iter().any(|t| !t.4) {
            found.retain(|t| !t.4);
        }
        found
    }
}
