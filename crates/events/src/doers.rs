//! Who did the act a clause points back to: the subject of a relative clause on the noun in the
//! target's place (رحب بالخطوات التي اتخذتها الحكومة، ندد بالقرصنة التي قامت بها الحكومة), of a
//! verb with a pronoun or a ب that points back (غارات شنتها مقاتلات التحالف، الهجوم الذي قام به
//! مسلحون), and the doer of the attack a death or an injury is blamed on (قتل ثلاثة جنود في هجوم
//! شنه مسلحون، مقتل 12 عنصرا في قصف للطيران العراقي) and what it struck.

use rasad_text::{TokenKind, Word};

use crate::clauses::Clause;
use crate::context::{bare, third_person_pronoun, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};
use crate::types::info;

impl Ctx<'_, '_, '_> {
    /// The subject of a relative clause on the noun in the target's place: who did what the trigger
    /// is about (رحب بالخطوات التي اتخذتها الحكومة، دان الهجوم الذي نفذته الجماعة). The relative word
    /// stands within three words from `from` (where the object would start), a verb right after it,
    /// the subject right after that. An indefinite noun needs no relative word (حذر من محاولات
    /// تقوم بها جهات خارجية، أدان هجوما تبناه التنظيم), and the noun may own a definite genitive
    /// (أدان جرائم الحرب التي ارتكبتها إسرائيل).
    pub(crate) fn doer_of_relative(&self, ps: &[Phrase], from: usize, frame: &[String]) -> Option<usize> {
        let words = self.d.words;
        let in_frame = |g: &str| frame.iter().any(|f| f == g);
        let indefinite = |k: usize| {
            let w = &words[k];
            w.tok.kind == TokenKind::Arabic && !w.seg.definite() && w.seg.suffixes.is_empty() && self.mention_at[k].is_none()
        };
        // (Past an adverbial of manner where the object would start: استنكر بشدة حملة …)
        let from = from + crate::context::manner_len(words, from);
        let end = (from + 3).min(words.len());
        let rel = (from + 1..end).find(|&k| {
            cues().relatives.has(words[k].key.as_str())
                || (indefinite(k - 1) && self.pointing_back(ps, k).is_some() && !self.is_verb(k - 1))
        })?;
        let verb = if cues().relatives.has(words[rel].key.as_str()) { rel + 1 } else { rel };
        // The noun before the relative word stands where the target would: the object or a frame
        // preposition; or it is the genitive of a construct noun there (جرائم الحرب).
        // (An indefinite genitive too, with no relative word: عملية اختطاف قامت بها عصابة.)
        let genitive = rel >= from + 2
            && indefinite(rel - 2)
            && words[rel - 2].seg.prefixes.iter().all(|p| *p != "ال")
            && ((words[rel - 1].seg.definite() && words[rel - 1].seg.prefixes.len() == 1)
                || (rel - 2 == from && indefinite(rel - 1) && words[rel - 1].seg.prefixes.is_empty()))
            && crate::phrases::phrase_at(ps, rel - 1).is_none_or(|p| p.head == Head::Generic && p.link.is_none());
        let noun = if genitive { rel - 2 } else { rel - 1 };
        let w = &words[noun];
        let placed = (noun == from && in_frame("obj") && w.seg.prefixes.iter().all(|p| *p == "ال"))
            || w.seg.prefixes.first().is_some_and(|p| *p != "ال" && in_frame(p))
            || (noun > from && noun == from + 1 && in_frame(bare(&words[from])));
        if !placed {
            return None;
        }
        self.subject_pointing_back(ps, verb)
    }

    /// The subject of a verb at `verb` that points back to the noun before it with a pronoun
    /// (الخطوات التي اتخذتها الحكومة، غارات شنتها مقاتلات التحالف): the noun is the verb's object and
    /// the phrase right after the verb its subject. None when the verb has no such pronoun (الهجوم
    /// الذي استهدف كنيسة: the noun is the subject itself).
    pub(crate) fn subject_pointing_back(&self, ps: &[Phrase], verb: usize) -> Option<usize> {
        let last = self.pointing_back(ps, verb)?;
        ps.iter().position(|p| p.first > last && p.first <= last + 2 && p.governor.is_none() && p.participant() && !self.in_source(p))
    }

    /// Where a verb at `verb` that points back to the noun before it ends: the verb itself when
    /// it carries the pronoun (اتخذتها), the ب after it that carries it (قامت بها، تقوم به). None
    /// when no pronoun points back.
    fn pointing_back(&self, ps: &[Phrase], verb: usize) -> Option<usize> {
        let words = self.d.words;
        let w = words.get(verb)?;
        let verb_like = w.tok.kind == TokenKind::Arabic
            && !w.seg.definite()
            && self.mention_at[verb].is_none()
            && crate::phrases::phrase_at(ps, verb).is_none();
        if !verb_like {
            return None;
        }
        if third_person_pronoun(w) {
            return Some(verb);
        }
        let resumptive = words.get(verb + 1).is_some_and(|r| cues().resumptives.has(r.key.as_str()));
        (resumptive && w.seg.prefixes.is_empty() && self.d.lexicon.lookup(w).is_none_or(|_| self.is_verb(verb))).then_some(verb + 1)
    }

    /// Who caused a death or an injury told without its doer, named in the attack that caused it
    /// (قتل ثلاثة جنود في هجوم شنه مسلحون، مقتل 12 عنصرا في قصف للطيران العراقي، جراء غارات
    /// نفذتها طائرات التحالف): a cause word (في، جراء، إثر، بسبب، خلال، or ب on the noun) before a
    /// violent verbal noun within the clause, whose doer is told by a clause on it or its لـ
    /// phrase right after it (past adjectives).
    pub(crate) fn cause_doer(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let noun = self.cause_noun(c, t)?;
        if let Some(d) = self.doer_of_noun(ps, c, noun) {
            return Some(d);
        }
        // Its لـ phrase, over adjectives (قصف مدفعي لقوات النظام، غارة جوية للتحالف).
        let k = self.past_adjectives(ps, noun + 1, c.end.min(t + 14));
        ps.iter().position(|p| p.first == k && p.governor.as_deref() == Some("ل") && p.participant() && !self.in_source(p))
    }

    /// The violent verbal noun that caused what the trigger at `t` tells (قتل ثلاثة جنود في هجوم،
    /// جراء غارات، إثر قصف مدفعي، بقذيفة): after a cause word (في، جراء، إثر، بسبب، خلال، بعد) or
    /// with ب on it, within 14 words of the clause.
    pub(crate) fn cause_noun(&self, c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        let violent = |k: usize| {
            // A verb form after the cause word is its verbal noun (إثر قصف مدفعي).
            self.d.lexicon.lookup(&words[k]).is_some_and(|h| info(h.entry.kind).victims) && k != t
        };
        let end = c.end.min(t + 14);
        let noun = (t + 1..end).find(|&k| {
            let w = &words[k];
            let cause_word = matches!(bare(w), "في" | "جراء" | "اثر" | "بسبب" | "خلال" | "بعد");
            // (Not the wound itself: أصيب ستة أشخاص بجروح بانفجار عبوة, the cause is انفجار.)
            let wound = cues().wounds.has(w.seg.base.as_str());
            (cause_word && k + 1 < end && violent(k + 1)) || (w.seg.prefixes.contains(&"ب") && violent(k) && !wound)
        })?;
        Some(if violent(noun) { noun } else { noun + 1 })
    }

    /// The claim verb when the noun at `t` is what a claim of responsibility names: a word of cue
    /// list `responsibility` two words before, عن right before, and a verb of `claim_verbs` within
    /// four words before that, not negated (أعلنت حركة طالبان | مسؤوليتها عن | الهجوم). None
    /// otherwise (لم تعلن أي جهة المسؤولية عن الهجوم، تحديد المسؤولية عن الهجمات).
    pub(crate) fn claimed(&self, t: usize) -> Option<usize> {
        let words = self.d.words;
        if t < 3 || bare(&words[t - 1]) != "عن" || !cues().responsibility.has(bare(&words[t - 2])) {
            return None;
        }
        let v = (t.saturating_sub(7)..t - 2).rev().find(|&k| cues().claim_verbs.has(bare(&words[k])))?;
        let negated = v > 0 && matches!(bare(&words[v - 1]), "لم" | "لا" | "لن" | "ما");
        (!negated).then_some(v)
    }

    /// Who claimed the attack the noun at `t` names (أعلنت حركة طالبان مسؤوليتها عن الهجوم، أعلن
    /// تنظيم داعش أمس مسؤوليته عن التفجير): the free participant between the claim verb and the
    /// responsibility word, else the one right before the verb (التنظيم أعلن). None when the noun
    /// is no claim's or its claimant is unnamed (أعلن مسؤوليته: the sentence's subject carries).
    pub(crate) fn claimant(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let v = self.claimed(t)?;
        // (The claimant may be the sentence's source too: أعلن التنظيم مسؤوليته عن الهجوم في بيان.)
        let free = |p: &Phrase| p.governor.is_none() && p.participant();
        ps.iter()
            .position(|p| p.first > v && p.end <= t - 2 && free(p))
            .or_else(|| ps.iter().rposition(|p| p.first >= c.first && p.end == v && free(p)))
    }

    /// The first word from `k` (below `end`) past adjectives and manner words (مسلح، جوية، عنيف).
    pub(crate) fn past_adjectives(&self, ps: &[Phrase], mut k: usize, end: usize) -> usize {
        let words = self.d.words;
        let adjective = |w: &Word| {
            crate::phrases::is_adjective(w)
                || cues().manner.has(bare(w))
                || (w.tok.kind == TokenKind::Arabic
                    && w.seg.prefixes.is_empty()
                    && self.d.lexicon.lookup(w).is_none()
                    && crate::phrases::nisba_ending(w.key.as_str()))
        };
        // (A manner word passes even where a phrase starts: هجوم انتحاري، the bomber's noun.)
        while k < end && (cues().manner.has(bare(&words[k])) || crate::phrases::phrase_at(ps, k).is_none() && adjective(&words[k])) {
            k += 1;
        }
        k
    }

    /// What the attack that caused a death or an injury struck, when the victims are its subject
    /// (أصيب سبعة أشخاص في هجوم مسلح على مركز للشرطة، قتل مدنيان في غارة جوية استهدفت منزلا): the
    /// phrase after على of the cause noun, or the object of a violent verb after the noun, within
    /// four words past its adjectives, its doer's لـ phrase and its instrument (بسيارة مفخخة). None
    /// when neither stands there.
    pub(crate) fn cause_target(&self, ps: &[Phrase], c: &Clause, t: usize, skip: &[usize]) -> Option<usize> {
        let words = self.d.words;
        let noun = self.cause_noun(c, t)?;
        let usable = |j: usize| ps[j].patient() && ps[j].end <= c.end && !self.in_source(&ps[j]) && !skip.contains(&j);
        for (k, w) in words.iter().enumerate().take(c.end.min(noun + 6)).skip(noun + 1) {
            if bare(w) == "علي" {
                let j = ps.iter().position(|p| p.first == k + 1 && p.governor.as_deref() == Some("علي")).filter(|&j| usable(j))?;
                return Some(self.owner_after(ps, j).filter(|&o| usable(o)).unwrap_or(j));
            }
            // (A noun of the lexicon is the instrument, passed: انفجار عبوة ناسفة استهدفت دورية.)
            // (…and a verb of cue list `attack_subject_verbs` strikes whether or not the lexicon
            // reads it: طالت، أصابت.)
            let hit = self.d.lexicon.lookup(w);
            let lexical = hit.as_ref().filter(|h| !h.nominal);
            let striking = self.strikes(k) && !third_person_pronoun(w) && !hit.as_ref().is_some_and(|h| h.nominal);
            if (lexical.is_some() || striking) && !crate::objects::explosive(w) {
                let struck = striking
                    || lexical.is_some_and(|h| {
                        info(h.entry.kind).victims
                            && !third_person_pronoun(w)
                            && h.entries.iter().any(|e| crate::triggers::frame_of(e).iter().any(|f| f == "obj"))
                    });
                let j = ps.iter().position(|p| p.first == k + 1 && p.governor.is_none()).filter(|&j| struck && usable(j))?;
                return Some(self.owner_after(ps, j).filter(|&o| usable(o)).unwrap_or(j));
            }
            let open =
                w.tok.kind == TokenKind::Arabic && !cues().relatives.has(w.key.as_str()) && !matches!(bare(w), "في" | "من" | "بين" | "مع");
            if !open {
                return None;
            }
        }
        None
    }

    /// Who did what a verbal noun names, told by a clause on it (الغارات التي شنتها طائرات التحالف،
    /// غارات عنيفة شنتها مقاتلات التحالف، الهجوم الذي نفذته الجماعة): the verb stands within three
    /// words after the noun, after adjectives or a relative word only.
    pub(crate) fn doer_of_noun(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        self.clause_on_noun(ps, c, t).and_then(|v| self.subject_pointing_back(ps, v))
    }

    /// [`Ctx::doer_of_noun`] when the clause on the noun performs it (cue list `performers`, its
    /// object pronoun aside: الهجوم الذي يشنه الجيش، الزيارة التي قام بها الوزير; not الشكاوى
    /// التي تلقتها الهيئة, whose subject received them).
    pub(crate) fn performer_of_noun(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        let verb = self.clause_on_noun(ps, c, t)?;
        let k = bare(&words[verb]);
        let performs = cues().performers.has(k)
            || ["ه", "ها", "هم", "هما"].iter().any(|p| k.strip_suffix(p).is_some_and(|s| cues().performers.has(s)));
        // (Not a perfect that states the noun's event itself, عقده after الاجتماع: that verb is the
        // event; an imperfect in a relative clause only describes, يشنه، تعقده.)
        let kind = self.d.lexicon.lookup(&words[t]).and_then(|h| h.entries.first().map(|e| e.kind));
        let imperfect = matches!(words[verb].key_without_conj().chars().next(), Some('ي' | 'ت' | 'ن'));
        let states = !imperfect && self.d.lexicon.lookup(&words[verb]).is_some_and(|h| h.entries.iter().any(|e| Some(e.kind) == kind));
        (performs && !states).then(|| self.subject_pointing_back(ps, verb)).flatten()
    }

    /// The verb of a clause on the verbal noun at `t` that points back to it (its object pronoun or
    /// a resumptive), within three words after it, past adjectives or a relative word only.
    fn clause_on_noun(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        let describes = |k: usize| {
            let w = &words[k];
            cues().relatives.has(w.key.as_str())
                || (w.tok.kind == TokenKind::Arabic
                    && w.seg.prefixes.iter().all(|p| *p == "ال")
                    && crate::phrases::phrase_at(ps, k).is_none()
                    && self.d.lexicon.lookup(w).is_none())
        };
        let end = (t + 4).min(words.len());
        let verb = (t + 1..end).find(|&v| self.pointing_back(ps, v).is_some())?;
        (verb < c.end.max(t + 1) + 8 && (t + 1..verb).all(describes)).then_some(verb)
    }
}
