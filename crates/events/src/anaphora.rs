//! A body or an office named again by its bare definite noun refers back to the last one of that
//! noun named in full (cue lists `anaphoric_bodies`, `anaphoric_offices`): وأعلنت وزارة الداخلية
//! الكويتية ضبط الخلية … وأكدت الوزارة إحالة المتهمين (the ministry is the Kuwaiti interior
//! ministry); ودان مجلس الوزراء السعودي الاقتحام، وطالب المجلس بوضع حد (the Saudi cabinet); وقال
//! النائب فلان الفلاني … وشدد النائب على (that deputy). The earlier phrase, with its own span and
//! link, is the argument; nothing is made up.
//!
//! A body's earlier phrase must say more than the bare noun (a genitive, a name or an adjective:
//! مجلس الشعب المصري), an office's must hold a person's name; a bare repetition is passed over to
//! the one before it. Without such a phrase in the last few hundred words the noun stays itself.

use rasad_model::Arg;

use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};

/// How many words back the full naming may stand.
const WINDOW: usize = 400;

impl Ctx<'_, '_, '_> {
    /// The argument a bare definite body or office noun refers back to (see the module).
    pub(crate) fn antecedent(&self, p: &Phrase) -> Option<Arg> {
        let words = self.d.words;
        if p.end != p.first + 1 || p.link.is_some() {
            return None;
        }
        let key = bare(&words[p.first]);
        let c = cues();
        let office = c.anaphoric_offices.has(key);
        if !office && !c.anaphoric_bodies.has(key) {
            return None;
        }
        let stem = key.strip_prefix("ال")?;
        for k in (p.first.saturating_sub(WINDOW)..p.first).rev() {
            let b = bare(&words[k]);
            if b.strip_prefix("ال").unwrap_or(b) != stem {
                continue;
            }
            let sentences = self.d.sentences;
            let Some(s) = sentences.get(sentences.partition_point(|s| s.end_token <= k)).filter(|s| s.first_token <= k) else {
                continue;
            };
            let ps = self.phrases(k, s.end_token);
            let Some(q) = ps.first().filter(|q| q.first == k) else { continue };
            let full = if office { self.person_in(q.first, q.end) } else { q.end > q.first + 1 };
            if full {
                return Some(self.phrase_arg(q));
            }
        }
        None
    }
}

/// How many tokens before the verb an object pronoun's antecedent may stand.
const PRONOUN_REACH: usize = 30;

impl Ctx<'_, '_, '_> {
    /// True when the verb at `t` of type `kind` (with its frame) has its object in a pronoun, on
    /// it or on إيا after it (ودعتها، وحثه، متهمة إياه), that names a party of the type
    /// (types.toml `pronoun_party`): its target is the pronoun's antecedent or none.
    pub(crate) fn object_in_pronoun(&self, t: usize, kind: rasad_model::EventType, frame: &[String]) -> bool {
        let w = &self.d.words[t];
        // (Not a noun with its possessor, دعواه، صادراتها, nor a light verb's pronoun, which is its
        // act: أجراها، نفذها; nor a capture's, which is the place: احتلها.)
        let own_act = self.d.lexicon.lookup(w).is_some_and(|h| h.nominal || crate::roles::is_light_verb(h.form));
        (crate::context::third_person_pronoun(w) || self.before_iyya(t))
            && !own_act
            && crate::types::info(kind).pronoun_party
            && !frame.iter().any(|f| f == "held")
            && !cues().short_pronoun_verbs.has(bare(w))
    }

    /// The party an object pronoun on the verb at `t` points back to, when the verb names no
    /// object of its own (أبلغت مصر دولا أوروبية رفضها، ودعتها إلى …؛ استقبل الرئيس الوفد وحثه على
    /// …؛ انتقد المتظاهرون المجلس واتهموه بـ …): the nearest phrase before the verb in its
    /// sentence, within [`PRONOUN_REACH`] tokens, none of the verb's agents nor in a source, whose
    /// number and gender the pronoun allows (هم، هما people, a group or several parties; ه a
    /// masculine singular; ها a feminine, a place, a body or a non-human plural). An index into
    /// `ps`, when that phrase is a participant; None when it is a place or a thing (احتلوها،
    /// دمروه) or nothing fits: the target stays unnamed.
    pub(crate) fn pronoun_antecedent(&self, ps: &[Phrase], t: usize, agents: &[usize]) -> Option<usize> {
        let words = self.d.words;
        // (On the verb, or on إيا after a participle: متهمة إياه.)
        let iyya = words.get(t + 1).and_then(|n| bare(n).strip_prefix("ايا")).filter(|_| self.before_iyya(t));
        let suffix = iyya.or_else(|| words[t].seg.suffixes.iter().rev().find(|x| matches!(**x, "ه" | "ها" | "هم" | "هما")).copied())?;
        let agent_words = |k: usize| agents.iter().any(|&a| a == k || (ps[k].first >= ps[a].first && ps[k].end <= ps[a].end));
        // The head noun's gender by its ending: ة a feminine, ات a feminine plural, ون، ين a
        // masculine plural.
        // (A count is many: عدد من المسلحين، عشرات الجنود، خمسة أشخاص.)
        let ending_of = |i: usize| {
            let w: String = crate::context::letters(words[i].tok.text).collect();
            let counted = self.quantity_at[i].is_some() || cues().unnumbered_counts.has(bare(&words[i]));
            if counted {
                'p'
            } else if w.ends_with('ة') || w.ends_with("ات") {
                'f'
            } else if w.ends_with("ون") || w.ends_with("ين") {
                'p'
            } else {
                'm'
            }
        };
        let ending = |k: usize| ending_of(ps[k].first);
        let several = |k: usize| ps[k].coordinated || ps.get(k + 1).is_some_and(|q| q.coordinated && q.first <= ps[k].end + 1);
        // (A named place after a preposition is a place, a town's name a feminine: وصل المبعوث إلى
        // دمشق، واستقبله الوزير; اعتقلت الشرطة ثلاثة ناشطين في القاهرة، واتهمتهم.)
        let place = |k: usize| {
            ps[k].head == Head::Place || ps[k].governor.is_some() && ps[k].link.is_some_and(|m| self.d.mentions[m].place.is_some())
        };
        // (A speaker is no antecedent: قالت الوزارة إن السلطات اتهمتها; nor a count of more than
        // two for هما: اتهم الضابطين بتعذيب 5 معتقلين، وأحالهما.)
        let speaker = |k: usize| {
            ps[k].first > 0
                && crate::forms::speech_verb(&words[ps[k].first - 1])
                && words.get(ps[k].end).is_some_and(|n| matches!(bare(n), "ان" | "بان") || n.is_punct(":"))
        };
        let fits = |k: usize| {
            let p = &ps[k];
            let people = matches!(p.head, Head::People | Head::Pair) || several(k);
            match suffix {
                "هما" => (people || ending(k) == 'p') && !place(k) && self.quantity_at[p.first].is_none(),
                "هم" => (people || ending(k) == 'p') && !place(k),
                "ه" => !people && ending(k) == 'm' && !place(k),
                _ => !people && (ending(k) == 'f' || place(k) || matches!(p.head, Head::Group | Head::Name)) && p.head != Head::Office,
            }
        };
        // The nearest noun the pronoun may stand for; a place or a thing is no party to name.
        // (Of a coordination, its first member: the rest join it.)
        let k = (0..ps.len())
            .rev()
            .filter(|&j| ps[j].end <= t)
            .take_while(|&j| ps[j].end + PRONOUN_REACH > t)
            .find(|&j| !agent_words(j) && !self.in_source(&ps[j]) && !speaker(j) && !ps[j].coordinated && fits(j))?;
        // (…nor a definite noun of the pronoun's gender that no phrase holds, between it and the
        // verb: بالحشد ضد الاتفاق واصفا إياه, where ه is the agreement; not one with ب or ل, what
        // a demand asks: طالب الحكومة بالاستقالة محملا إياها.)
        let thing = |i: usize| {
            let w = &words[i];
            w.tok.kind == rasad_text::TokenKind::Arabic
                && w.seg.definite()
                && w.seg.prefixes.iter().all(|x| matches!(*x, "و" | "ال"))
                && !crate::forms::is_adjective(w)
                && crate::phrases::phrase_at(ps, i).is_none()
                && !self.in_time[i]
                && match suffix {
                    "ه" => ending_of(i) == 'm',
                    "ها" => ending_of(i) == 'f',
                    _ => ending_of(i) == 'p',
                }
        };
        if (ps[k].end..t).any(thing) {
            return None;
        }
        (ps[k].participant() && !place(k)).then_some(k)
    }
}
