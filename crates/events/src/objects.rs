//! Indefinite objects: the thing a verb of the lexicon acts on when it is no named actor and no
//! definite noun (هاجم مسلحون فندقا، دمرت الطائرات مخزنا للأسلحة، استهدفت طائرة مسيرة حافلة،
//! قصف الطيران بالصواريخ مستشفى ميدانيا، قصفت القوات بقذائف المدفعية حي الوعر). Such a noun becomes
//! a phrase of the generic kind: a target where the verb's frame has an object, never an actor.

use rasad_text::{TokenKind, Word};

use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};

/// How many words before the noun the verb may stand (its subject and an instrument between).
const REACH: usize = 8;

impl Ctx<'_, '_, '_> {
    /// True when the verb at `t` has a named party (a name, a group or an office, or any linked
    /// phrase but a place) as its object, after the subject right after the verb, with ب right
    /// after it (وصف غولد إيران بأنها …، وصف ليبرمان أردوغان بأنه بلطجي): lexicon need
    /// `party_object`.
    pub(crate) fn party_object(&self, ps: &[Phrase], c: &crate::clauses::Clause, t: usize) -> bool {
        let words = self.d.words;
        let party = |p: &Phrase| matches!(p.head, Head::Name | Head::Group | Head::Office) || p.link.is_some() && p.head != Head::Place;
        // (بأنه may stay whole: a complementizer of the cues.)
        let ba = |w: &Word| w.seg.prefixes.first() == Some(&"ب") || w.tok.text.starts_with('ب') && cues().complementizers.has(bare(w));
        let ba_after = |p: &Phrase| words.get(p.end).is_some_and(ba);
        let mut free = ps.iter().filter(|p| p.first > t && p.end <= c.end && p.governor.is_none() && !p.coordinated);
        free.next().is_some_and(|s| s.first == t + 1) && free.next().is_some_and(|o| party(o) && ba_after(o))
    }

    /// The end of an indefinite object starting at token `i` (below `hi`), given the phrases `out`
    /// found before it; None when the word is no such object. The object follows a verb of the
    /// lexicon (not a verb of saying), with only its subject (a free participant phrase), an
    /// instrument with ب (بالصواريخ، بقذائف الهاون) and time words between; right after the verb it
    /// needs the accusative's alif (اقتحموا منزلا), since an unmarked noun there is the subject
    /// (قتل شخص). The phrase runs over its adjectives (مستشفى ميدانيا، أحياء سكنية), an owner with
    /// ل (مخزنا للأسلحة) or, for a noun without the alif, its genitive (حي الوعر).
    pub(crate) fn indefinite_object(&self, i: usize, hi: usize, out: &[Phrase]) -> Option<usize> {
        let words = self.d.words;
        let w = &words[i];
        // The cheap tests first: this runs on every word that starts no phrase.
        if !self.object_shape(i) {
            return None;
        }
        let accusative = w.key.ends_with('ا') && !w.key.ends_with("وا");
        // A count of acts before the act's noun is none (شن الطيران عدة غارات على …): the act's
        // own target follows.
        if self.counts_acts(i, hi) {
            return None;
        }
        // A construct before a participant is no object of its own: its owner is (قصفت الطائرات
        // مواقع تنظيم داعش، استهدف مسجد قوات الطوارئ).
        // (…a quoted one too: استيلاء "داعش".)
        let q = if i + 1 < hi { self.quoted_name(i + 1) } else { i + 1 };
        if let Some(n) = words.get(q).filter(|_| q < hi) {
            // (Not an indefinite nisba: ناشطة سودانية is a noun and its adjective.)
            let actor = self.mention_at[q].is_some_and(|m| {
                let mm = &self.d.mentions[m];
                mm.actor.is_some() && (mm.kind != rasad_kb::MentionKind::Demonym || n.seg.definite())
            });
            let explosive = explosive(n);
            if actor || explosive || self.name_at(q).is_some() || crate::phrases::word_class(n).is_some() {
                return None;
            }
        }
        // Back to the verb.
        // (A hedge right before the noun keeps it next to the verb: استهدف على ما يبدو سيارتين.)
        let next = i.checked_sub(1).and_then(|p| crate::context::manner_start(words, p)).unwrap_or(i);
        let mut k = next;
        let mut subject = false;
        let mut joined = false;
        loop {
            if k == 0 || i - k > REACH {
                return None;
            }
            let p = k - 1;
            // (An adverbial of manner and its adjective: هاجم المسلحون بطريقة منظمة مواقع …)
            // (…or of hedging: استهدف على ما يبدو سيارتين.)
            let head = crate::context::manner_head_start(words, p)
                .or_else(|| crate::context::manner_head_start(words, p.checked_sub(1)?))
                .or_else(|| crate::context::manner_start(words, p));
            if let Some(h) = head {
                k = h;
                continue;
            }
            // (A time word first: فجر اليوم is no verb فجّر; and the commas of a time aside: قصفت
            // القوات، صباح الأحد، مدرسة.)
            let aside_comma = crate::context::is_comma(&words[p])
                && ((p > 0 && self.in_time[p - 1]) || self.in_time.get(p + 1).copied().unwrap_or(false));
            if self.in_time[p] || aside_comma {
                k = p;
                continue;
            }
            let before = out.iter().rev().take_while(|ph| ph.end >= k).find(|ph| ph.end == k);
            // (Subjects joined by و are one: قصف الحوثيون وقوات صالح أحياء سكنية.)
            if let Some(ph) = before.filter(|ph| (!subject || joined) && ph.governor.is_none() && ph.participant()) {
                subject = true;
                joined = ph.coordinated;
                k = ph.first;
                continue;
            }
            let instrument = |x: &Word| x.seg.prefixes.first() == Some(&"ب") && (self.d.lexicon.lookup(x).is_none() || weapon(x));
            if instrument(&words[p]) {
                k = p;
                continue;
            }
            // The genitive of an instrument (بقذائف | الهاون).
            if p > 0 && words[p].seg.definite() && words[p].seg.prefixes == ["ال"] && instrument(&words[p - 1]) {
                k = p - 1;
                continue;
            }
            if self.is_verb(p) {
                let speech = cues().speech_verbs.has(bare(&words[p]));
                let hit = self.d.lexicon.lookup(&words[p]).is_some_and(|h| !h.nominal);
                // A verb right after an attack noun describes it, the noun its subject (في قصف
                // مدفعي استهدف مدرسة).
                let subject = subject || (k == next && self.attack_noun_before(p));
                // …and so does one whose subject stands right before it (إن قوات صالح قصفت مدرسة).
                let subject =
                    subject || (k == next && out.iter().rev().take(3).any(|ph| ph.end == p && ph.governor.is_none() && ph.participant()));
                // A passive's subject suffered it (واختُطفت ناشطة سودانية على يد …).
                let patient = k == next && self.reads_passive(p, i, hi);
                if speech || !hit || (!subject && !accusative && !patient) {
                    return None;
                }
                break;
            }
            return None;
        }
        // (Nor the adjective of an adverbial of manner: سيطر بشكل كامل، بطريقة منظمة.)
        if !self.object_word(i) || (i > 0 && crate::context::manner_head_start(words, i - 1).is_some()) {
            return None;
        }
        Some(self.object_end(i, hi, accusative))
    }

    /// True when the verb at `v`, whose subject would start at `i`, reads as a passive: spelled so
    /// (اختُطف، أُصيب، اغتيل) or with its agent marked within the clause after the subject (اختطف
    /// ثلاثة مهندسين على أيدي مسلحين، احتجزت ناقلة من قبل البحرية): then an indefinite noun after it
    /// is the one who suffered the act.
    pub(crate) fn reads_passive(&self, v: usize, i: usize, hi: usize) -> bool {
        let words = self.d.words;
        if crate::roles::passive_spelling(words[v].tok.text) || cues().passive_stems.has_prefix_of(bare(&words[v])) {
            return true;
        }
        // (The marker is the verb's own: no punctuation and no other act between, أدانت تركيا خطف
        // صحفيين على أيدي مسلحين.)
        let end = hi.min(i + 8);
        let stop = (i..end)
            .find(|&k| {
                words[k].tok.kind == TokenKind::Punct
                    || (k > i
                        && self.d.lexicon.lookup(&words[k]).is_some_and(|h| h.entries.iter().any(|e| crate::types::info(e.kind).victims)))
            })
            .unwrap_or(end);
        // (Only على يد، على أيدي، من قبل: the other agent markers, من هجمات، name no agent here;
        // من أيدي is whom a thing was taken from: استعادت القوات عدن من أيدي الحوثيين.)
        (i + 1..stop).any(|k| match bare(&words[k]) {
            "يد" | "ايدي" => bare(&words[k - 1]) == "علي",
            "قبل" => bare(&words[k - 1]) == "من",
            _ => false,
        })
    }

    /// The phrase a passive verb at `t` has as its subject when no participant is (واختُطفت
    /// الناشطة السودانية، احتجزت ناقلة نفط يونانية من قبل …): the first phrase after it, past time
    /// words and a count only, that no preposition governs.
    pub(crate) fn passive_patient(&self, ps: &[Phrase], c: &crate::clauses::Clause, t: usize) -> Option<usize> {
        ps.iter().position(|p| {
            p.first > t
                && p.first <= t + 3
                && p.end <= c.end
                && p.governor.is_none()
                && p.patient()
                && (t + 1..p.first).all(|k| self.in_time[k] || self.quantity_at[k].is_some())
        })
    }

    /// True when the verb at `t` has no subject and its agent, marked after it, follows an
    /// object phrase that no preposition governs (اختطف ثلاثة مهندسين على أيدي مسلحين، احتجزت ناقلة
    /// نفط من قبل البحرية): the object is sought from the verb on, not after the agent.
    pub(crate) fn object_before_agent(&self, ps: &[Phrase], t: usize, subj: Option<usize>, agents: &[usize]) -> bool {
        let Some(a) = agents.first().map(|&a| &ps[a]).filter(|a| subj.is_none() && a.first > t) else { return false };
        ps.iter().any(|p| p.first > t && p.end <= a.first && p.patient() && p.governor.is_none())
    }

    /// True when a verbal noun of an act with victims stands right before the verb at `v`, past
    /// its adjectives (غارة جوية استهدفت، قصف مدفعي استهدف): the verb describes the noun. (The
    /// lexicon may read the noun as its verb, قصف: two verbs in a row do not occur.)
    fn attack_noun_before(&self, v: usize) -> bool {
        let words = self.d.words;
        let mut k = v;
        while k > 0 && k + 3 > v && self.indefinite_adjective(&words[k - 1]) {
            k -= 1;
        }
        k > 0 && self.d.lexicon.lookup(&words[k - 1]).is_some_and(|h| h.entries.iter().any(|e| crate::types::info(e.kind).victims))
    }

    /// The end of an indefinite noun at `i` struck by the act before على (هجوم مسلح على مركز
    /// للشرطة، غارة إسرائيلية على منزل، اعتدى مستوطنون على مسجد): a word of the lexicon whose act
    /// has victims and whose frame takes على stands within six words before على, with only its
    /// adjectives, its doer, an instrument with ب and time words between (no punctuation, no other
    /// word of the lexicon). The phrase is governed by على. None when the word is no such object.
    pub(crate) fn struck_object(&self, i: usize, hi: usize) -> Option<usize> {
        let words = self.d.words;
        // (Not على أيدي: the agent follows.)
        if i < 2 || bare(&words[i - 1]) != "علي" || cues().agent_markers.has(bare(&words[i])) || !self.object_shape(i) {
            return None;
        }
        // (An explosive adjective on the instrument is no act: بسيارة مفخخة.)
        let act = (i.saturating_sub(REACH - 1)..i - 1).rev().find(|&k| {
            let w = &words[k];
            w.tok.kind != TokenKind::Arabic
                || cues().relatives.has(w.key.as_str())
                || (self.d.lexicon.lookup(w).is_some() && !cues().explosives.has(w.key.as_str()))
        })?;
        let struck = self.d.lexicon.lookup(&words[act]).is_some_and(|h| {
            h.entries.iter().any(|e| crate::types::info(e.kind).victims && crate::triggers::frame_of(e).iter().any(|f| f == "علي"))
        });
        // (A construct before a definite genitive is none: the genitive is the struck thing, مقر الفوج.)
        // (Nor one of nouns joined before their genitive: على مواقع وتعزيزات المليشيات.)
        let construct = words.get(i + 1).is_some_and(|n| i + 1 < hi && (n.seg.prefixes == ["ال"] || n.seg.prefixes.first() == Some(&"و")));
        if !struck || construct || !self.object_word(i) {
            return None;
        }
        // A quantifier takes in what it counts (على عدة مواقع، على مزيد من المناطق).
        if cues().quantifiers.has(bare(&words[i])) {
            let n = if words.get(i + 1).is_some_and(|w| bare(w) == "من") { i + 2 } else { i + 1 };
            if n < hi && words[n].tok.kind == TokenKind::Arabic && self.mention_at[n].is_none() {
                return Some(self.object_end(n, hi, false));
            }
        }
        let accusative = words[i].key.ends_with('ا') && !words[i].key.ends_with("وا");
        Some(self.object_end(i, hi, accusative))
    }

    /// Where an indefinite object at `i` ends (below `hi`): past its adjectives, then an owner with
    /// ل or, for a noun without the accusative's alif, its genitive or a place named after it.
    fn object_end(&self, i: usize, hi: usize, accusative: bool) -> usize {
        let words = self.d.words;
        let mut j = i + 1;
        while j < hi && self.indefinite_adjective(&words[j]) {
            j += 1;
        }
        if j < hi && j == i + 1 {
            let n = &words[j];
            let noun = self.d.lexicon.lookup(n).is_none() && self.mention_at[j].is_none();
            // (A participant with ل is a phrase of its own, the owner: تجمعا للحوثيين، مركزا للأمن.)
            let owner = noun && n.seg.prefixes.contains(&"ل") && n.seg.definite() && crate::phrases::word_class(n).is_none();
            let genitive = noun && !accusative && n.seg.prefixes == ["ال"];
            if let Some(m) =
                self.mention_at[j].filter(|&m| !accusative && self.d.mentions[m].first == j && self.d.mentions[m].place.is_some())
            {
                j = self.d.mentions[m].end.min(hi);
            } else if owner || genitive {
                j += 1;
            }
        }
        j
    }

    /// True when token `i` has the shape of an indefinite object's noun: a bare Arabic word (no
    /// conjunction, preposition or article) of three letters or more that is no time, number,
    /// name, pronoun-suffixed particle or imperfect. Cheap: no lexicon look-up.
    fn object_shape(&self, i: usize) -> bool {
        let w = &self.d.words[i];
        let c = cues();
        let k = w.key.as_str();
        w.tok.kind == TokenKind::Arabic
            // (The segmenter may read a first ف, a last نا or ى as clitics: فندقا، مخزنا، مستشفى.)
            && ((w.seg.prefixes.iter().all(|x| *x == "ف") && w.seg.suffixes.iter().all(|x| matches!(*x, "ا" | "نا" | "ي")))
                || crate::phrases::feminine_dual(w))
            && !k.starts_with("ال")
            && (k.chars().count() >= 3 || c.quarters.has(k))
            && !self.in_time[i]
            // (A dual counts itself: سيارتين is a quantity of two and still the object.)
            && (self.quantity_at[i].is_none() || crate::phrases::feminine_dual(w))
            && self.mention_at[i].is_none()
            // (A preposition with a pronoun is none: عليها، فيه، منهم.)
            && !pronoun_suffixed(w.tok.text)
            && !imperfect_shaped(k)
            // (Nor a perfect's plural: قتلت عشرة إرهابيين كانوا يتحصنون، باتوا، ظلوا.)
            && !(k.ends_with("وا") && k.chars().count() >= 5)
    }

    /// True when the word at `i` is no trigger, verb, particle or adverb (the lexicon and the cue
    /// lists), and a weapon only as the means (أطلق مسلحون صاروخا على سديروت).
    fn object_word(&self, i: usize) -> bool {
        let w = &self.d.words[i];
        let c = cues();
        let k = w.key.as_str();
        (!c.locatives.has(k) || c.quarters.has(k))
            && !c.weapons.has(k.strip_suffix('ا').unwrap_or(k))
            && ![
                &c.generic_stop,
                &c.relatives,
                &c.negations,
                &c.connectors,
                &c.purpose,
                &c.temporal,
                &c.adjectives,
                &c.not_objects,
            ]
            .iter()
            .any(|cl| cl.has(k))
            // (إمام, an imam, is a noun though its key is أمام's.)
            && (!c.governors.has(k) || crate::context::imam(w))
            && (self.d.lexicon.lookup(w).is_none() || self.plain_noun(i))
            && !self.is_verb(i)
    }

    /// An indefinite adjective after an indefinite object: a nisba with or without the
    /// accusative's alif (ميدانيا، فلسطينيا، سكنية، جوية), or one of the adjective cues.
    fn indefinite_adjective(&self, w: &Word) -> bool {
        if w.tok.kind != TokenKind::Arabic || !w.seg.prefixes.is_empty() || w.seg.definite() {
            return false;
        }
        let k = w.key.as_str();
        let stem = k.strip_suffix('ا').unwrap_or(k);
        cues().adjectives.has(k)
            || cues().vehicle_adjectives.has(k)
            || (stem.chars().count() >= 4 && (stem.ends_with('ي') || stem.ends_with("يه")))
    }
}

/// True when a word's letters end in a pronoun (ه، ها، هم، هما، هن): عليها، فيه، منهم.
fn pronoun_suffixed(text: &str) -> bool {
    let mut tail = crate::context::letters(text).rev();
    matches!(
        (tail.next(), tail.next(), tail.next()),
        (Some('ه'), _, _) | (Some('ا' | 'م' | 'ن'), Some('ه'), _) | (Some('ا'), Some('م'), Some('ه'))
    )
}

/// True when a word is an explosive adjective (cue list `explosives`: مفخخة، ناسفة), or its dual
/// (مفخختين، ناسفتان).
pub(crate) fn explosive(w: &Word) -> bool {
    let c = cues();
    let b = bare(w);
    c.explosives.has(w.key.as_str())
        || b.strip_suffix("تين").or_else(|| b.strip_suffix("تان")).is_some_and(|st| c.explosives.has(&format!("{st}ه")))
}

/// True when a word names a weapon (قذائف، بالصواريخ، براميل: cue list `weapons`), its clitics and
/// article aside.
pub(crate) fn weapon(w: &Word) -> bool {
    let b = w.seg.base.as_str();
    cues().weapons.has(b.strip_prefix("ال").unwrap_or(b))
}

/// True when a bare key looks like an imperfect verb the lexicon does not know (تقع، يعمل، نرى):
/// a person prefix ي، ت or ن and none of the endings of an indefinite noun (the accusative's
/// alif, ة، ات).
pub(crate) fn imperfect_shaped(key: &str) -> bool {
    key.starts_with(['ي', 'ت', 'ن']) && !key.ends_with('ا') && !key.ends_with('ه') && !key.ends_with("ات")
}

#[cfg(test)]
mod tests {
    use super::{imperfect_shaped, pronoun_suffixed};

    #[test]
    fn pronouns_end_words_but_ta_marbuta_does_not() {
        for w in ["عليه", "عليها", "منهم", "فيهما", "لهن"] {
            assert!(pronoun_suffixed(w), "{w}");
        }
        for w in ["حافلة", "منزلا", "مستشفى", "فندقًا"] {
            assert!(!pronoun_suffixed(w), "{w}");
        }
    }

    #[test]
    fn imperfects_are_no_objects_but_nouns_with_their_endings_are() {
        assert!(imperfect_shaped("تقع") && imperfect_shaped("يعمل"));
        assert!(!imperfect_shaped("تجمعا") && !imperfect_shaped("تحصينات") && !imperfect_shaped("منزلا"));
    }
}
