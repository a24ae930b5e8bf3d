//! What anchors a verbal noun that stands without a verb of its own (a headline, a nominal
//! clause): a participant, a time, a number, a place or a verb that performs, directs or affirms
//! it near it. A bare noun of a statement (تعزيز الدور، الدعم السياسي) states no event.

use rasad_model::EventType;
use rasad_text::TokenKind;

use crate::clauses::Clause;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{phrase_at, Head, Phrase};
use crate::triggers::PRONOUNS;

impl Ctx<'_, '_, '_> {
    /// True when a verb of occurrence stands up to three words before token `t` in its clause, or
    /// two after it: the noun is what happened (تم الاتفاق، جرت المفاوضات، شهدت المدينة اشتباكات،
    /// اشتباكات عنيفة تدور).
    pub(crate) fn occurred(&self, c: &Clause, t: usize) -> bool {
        let occ = |k: &usize| cues().occurrence.has(bare(&self.d.words[*k]));
        // …or after it, past an adjective (اشتباكات عنيفة تدور في، معارك دارت).
        // (Not a topic after it: الحوار يدور حول القضايا.)
        let about = |k: usize| self.d.words.get(k + 1).is_some_and(|w| matches!(bare(w), "حول" | "عن"));
        (c.first..t).rev().take(3).any(|k| occ(&k)) || (t + 1..(t + 3).min(c.end)).any(|k| occ(&k) && !about(k))
    }

    /// True when a verbal noun has an argument near it: a linked mention or a name within three
    /// words after it or right before it (or a party after a partitive's من), a possessive pronoun
    /// on it (جدد الرئيس إدانته، أعرب عن ترحيبه), a time or a number in its clause, or a light verb
    /// that performs it (قام، أجرى، شن). (A participant phrase anywhere before it in the clause is not enough: on the
    /// development set that kept 31 false events for 6 true.)
    pub(crate) fn anchored(&self, ps: &[Phrase], c: &Clause, t: usize, kind: EventType) -> bool {
        let near =
            (t.saturating_sub(1).max(c.first)..(t + 4).min(c.end)).any(|k| k != t && (self.mention_at[k].is_some() || self.named(k)));
        let between = crate::types::info(kind).material && self.parties_after(ps, c, t);
        let partitive = self.partitive_party(ps, c, t);
        let w = &self.d.words[t];
        // (…or a pronoun ه the segmenter left on the stem: دعمه, found under دعم.)
        let written_ha = self.d.lexicon.lookup(w).is_some_and(|h| h.form.len() < w.seg.key.len() && w.seg.key.ends_with('ه'));
        let possessed = w.seg.suffixes.iter().any(|x| PRONOUNS.contains(x)) || written_ha;

        let dated = (c.first..c.end).any(|k| self.in_time[k]);
        let counted = (c.first..c.end).any(|k| self.quantity_at[k].is_some());
        // …or a light verb that performs it within five words before, only its subject between (قام
        // ولي العهد بزيارات; not تقوم على ترجمة الدعم).
        let words = self.d.words;
        let plain = |k: usize| {
            let w = &words[k];
            let b = bare(w);
            w.tok.kind == TokenKind::Arabic
                && !w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل"))
                && ![&cues().governors, &cues().target_preps, &cues().locatives].iter().any(|cl| cl.has(b))
        };
        // (…or تعرض ل, whose subject suffered it: تعرض مقر الحزب لهجوم.)
        // (…its subject may be a place, and a time between commas may stand before the noun: تعرض
        // حي الوعر، منتصف الليل، لقصف عنيف.)
        let subject_word = |k: usize| {
            plain(k)
                || self.in_time[k]
                || crate::context::is_comma(&words[k])
                || (cues().locatives.has(bare(&words[k])) && !crate::context::is_governor(&words[k]))
        };
        let suffered = words[t].seg.prefixes.contains(&"ل")
            && (c.first..t).rev().take(9).any(|k| cues().sufferers.has(bare(&words[k])) && (k + 1..t).all(subject_word));
        // (…or a verb that directs it at someone named between: وجهت النيابة للمتهمين تهمة التآمر.)
        let addressed = (c.first..t)
            .rev()
            .take(6)
            // (Its و is the verb's first letter when no conjunction precedes: وجهت النيابة.)
            .any(|k| cues().addressers.has_word(&words[k]) && (k + 1..t).all(|j| words[j].tok.kind == TokenKind::Arabic));
        // (…or one after it that directs it, with its pronoun: انتقادات حادة وجهها قادة جمهوريون.)
        let redirected = (t + 1..(t + 5).min(c.end))
            .any(|k| cues().redirected.has(bare(&words[k])) && (t + 1..k).all(|j| words[j].tok.kind == TokenKind::Arabic));
        let doing = |k: usize| plain(k) || cues().performing_nouns.has(bare(&words[k]));
        // (…or a verb of managing it, for an act with victims: تمكنت القوات من تحرير، نجح الجيش
        // في استعادة; not تمكنوا من مناقشة, which is no report of a meeting.)
        let managed = crate::types::info(kind).victims
            && (c.first..t).rev().take(6).any(|k| {
                cues().enablers.has(bare(&words[k]))
                    && (k + 1..t).all(|j| plain(j) || words[j].is_punct("،") || matches!(bare(&words[j]), "من" | "في"))
            });
        // (…or a verb that affirms the stance it names: أكد تضامن الإمارات، جدد دعمه، أكد على رفض.)
        let affirmed = crate::types::info(kind).stance
            && (c.first..t)
                .rev()
                .take(4)
                .any(|k| cues().affirmers.has(bare(&words[k])) && (k + 1..t).all(|j| plain(j) || bare(&words[j]) == "علي"));
        // (…or a verb of striking right before it whose subject it is: وطال القصف قرى الجبل; or a
        // word that it goes on, cue list `ongoing`: المعارك لا تزال مستمرة، لاتزال المعارك تدور.)
        let victims = crate::types::info(kind).victims;
        let striking = t > c.first && w.seg.definite() && victims && self.strikes(t - 1);
        let ongoing = |k: usize| cues().ongoing.has(bare(&words[k]));
        let going_on = victims && ((t + 1..(t + 4).min(c.end)).any(ongoing) || (c.first..t).rev().take(2).any(ongoing));
        let performed = suffered
            || self.claimed(t).is_some()
            || striking
            || going_on
            || managed
            || affirmed
            || addressed
            || redirected
            || (c.first..t).rev().take(6).any(|k| cues().performers.has(bare(&words[k])) && (k + 1..t).all(doing));
        // (…or a clause on it that tells its doer: الهجوم الذي يشنه الجيش، الزيارة التي قام بها الوزير;
        // not plural visits or talks, which are customs: الزيارات المتبادلة التي يقوم بها مسؤولو البلدين.)
        // (Nor an attack whose outcome is told, an event of its own with that doer: وأسفر الهجوم
        // الذي شنه مسلحون عن مقتل خمسة جنود; nor a meeting whose verb states it: الاجتماع الذي عقده.)
        let outcome = || {
            let hi = (t + 20).min(words.len());
            (t.saturating_sub(3).max(c.first)..hi).any(|k| cues().consequences.has(bare(&words[k])))
        };
        let done = || (victims || !bare(w).ends_with("ات")) && !outcome() && self.performer_of_noun(ps, c, t).is_some();
        near || between || partitive || possessed || dated || counted || performed || self.occurred(c, t) || self.placed(c, t) || done()
    }

    /// True when a partitive follows a verbal noun (cue list `partitives`, one adjective allowed
    /// before its من) and a linked mention, a name or a participant phrase stands within three
    /// words after the من: the party it counts is the noun's own (استسلام أعداد كبيرة من ميليشيات
    /// الحوثي، اعتقال العشرات من عناصر داعش).
    fn partitive_party(&self, ps: &[Phrase], c: &Clause, t: usize) -> bool {
        self.partitive_of(c, t).is_some_and(|min| {
            (min + 1..(min + 4).min(c.end)).any(|k| self.mention_at[k].is_some() || self.named(k))
                || phrase_at(ps, min + 1).is_some_and(|p| p.participant())
        })
    }

    /// The token of the من of a partitive right after the noun at `t` (cue list `partitives`, one
    /// adjective allowed before it: أعداد كبيرة من), or None.
    pub(crate) fn partitive_of(&self, c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        if !words.get(t + 1).is_some_and(|w| t + 1 < c.end && cues().partitives.has(bare(w))) {
            return None;
        }
        (t + 2..(t + 4).min(c.end)).find(|&k| bare(&words[k]) == "من")
    }

    /// True when the parties a verbal noun is between, with or by follow it within five words,
    /// named or not (اشتباكات بين الجنود الأتراك ومتمردي الحزب، مواجهات مع المسلحين، إطلاق نار
    /// كثيف من قبل مسلحين): they anchor a physical act as a named party does (talks with someone,
    /// مفاوضات مع الحكومة, are mostly spoken of, not held).
    pub(crate) fn parties_after(&self, ps: &[Phrase], c: &Clause, t: usize) -> bool {
        let words = self.d.words;
        (t + 2..(t + 6).min(c.end)).any(|k| {
            let before = bare(&words[k - 1]);
            let marker = matches!(before, "بين" | "مع") || cues().agent_markers.has(before);
            marker && phrase_at(ps, k).is_some_and(|p| p.first == k && p.participant())
        })
    }

    /// True when a place the gazetteer knows follows a verbal noun within seven words of its
    /// clause, after في، على or ب with no event word of another type between (اشتباكات عنيفة في
    /// مدينة تعز, غارات على ريف حلب, العمليات العسكرية الواسعة في ريف دمشق): the noun happened
    /// there. A word of the noun's own type between is its cause or its kind, one event with it
    /// (مقتل مدني في قصف على إدلب).
    pub(crate) fn placed(&self, c: &Clause, t: usize) -> bool {
        let words = self.d.words;
        let hi = (t + 8).min(c.end);
        let Some(k) = (t + 1..hi).find(|&k| self.mention_at[k].is_some_and(|m| self.d.mentions[m].place.is_some())) else {
            return false;
        };
        let locative = (t + 1..=k).any(|j| matches!(bare(&words[j]), "في" | "علي") || words[j].seg.prefixes.contains(&"ب"));
        let kinds: Vec<_> = self.d.lexicon.lookup(&words[t]).map(|h| h.entries.iter().map(|e| e.kind).collect()).unwrap_or_default();
        let other_event =
            (t + 1..k).any(|j| self.d.lexicon.lookup(&words[j]).is_some_and(|h| !h.entries.iter().any(|e| kinds.contains(&e.kind))));
        locative && !other_event
    }
}

/// True when a people phrase follows a verbal noun of a type that has victims, as its object
/// (مقتل مدني، اعتقال شاب، إصابة امرأة): who suffered it anchors it as a named party would.
/// With `gen` (the entry's frame says its genitive suffered it: مقتل، إصابة) any participant
/// phrase counts (مقتل جنديين، إصابة ثلاثة جنود).
pub(crate) fn victim_follows(ps: &[Phrase], kind: EventType, at: usize, gen: bool) -> bool {
    crate::types::info(kind).victims
        && phrase_at(ps, at + 1).is_some_and(|p| p.first == at + 1 && (p.head == Head::People || (gen && p.participant())))
}
