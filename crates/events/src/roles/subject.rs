//! The subject of a clause's verb: the free phrase before it (SVO: أن قوات إيرانية توجهت), else
//! the first one after it that agrees with it (VSO: قصفت الطائرات البلدة; not ودعا الجامعة العربية
//! إلى, whose feminine noun is the object of a masculine verb), and the clause's first verb (وكان
//! الوزير قد أكد). A phrase inside the attribution (وفق ما أفاد المرصد) is a source, no subject.

use rasad_text::TokenKind;

use crate::clauses::Clause;
use crate::context::{bare, letters, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};
use crate::types::info;

impl Ctx<'_, '_, '_> {
    /// True when the phrase is inside the sentence's attribution (وفق ما أفاد المرصد) or is the
    /// dateline's agency: a source.
    pub(crate) fn in_source(&self, p: &Phrase) -> bool {
        if self.dateline.is_some_and(|(f, e)| p.first < e && f < p.end) {
            return true;
        }
        let (a, b) = (self.d.words[p.first].tok.span.start, self.d.words[p.end - 1].tok.span.end);
        self.source_spans.iter().any(|&(s, e)| a >= s && b <= e)
    }

    /// True for a catalogue place below a country (a city, even a capital that may stand for its
    /// government: باريس، حلب; not إسرائيل, a country, which acts); false for none.
    pub(crate) fn below_country(&self, place: Option<usize>) -> bool {
        place.is_some_and(|x| self.d.kb.places[x].feature != "country")
    }

    /// True when the phrase is all of a place below a country ([`Self::below_country`]).
    pub(crate) fn all_below_country(&self, p: &Phrase) -> bool {
        p.link.is_some_and(|m| self.d.mentions[m].end == p.end && self.below_country(self.d.mentions[m].place))
    }

    /// True when the phrase names an armed force: a state, army, armed group or militia of the
    /// catalogue, or a head noun of the armed cues, clitics aside (للطيران العراقي، لقوات النظام).
    pub(crate) fn armed_phrase(&self, p: &Phrase) -> bool {
        if let Some(a) = p.link.and_then(|m| self.d.mentions[m].actor) {
            return crate::targets::armed_kind(self.d.kb.actors[a].kind);
        }
        self.armed_word(p)
    }

    /// Whether a phrase's head word is an armed noun (cue list `armed`: قوات، جنود، مسلحين), whatever
    /// it links to (شبان فلسطينيين links to a state but is no force).
    pub(crate) fn armed_word(&self, p: &Phrase) -> bool {
        let w = &self.d.words[p.first];
        let base = w.seg.base_key();
        let armed = &cues().armed;
        armed.has(base) || (w.seg.definite() && armed.has(&format!("ال{base}")))
    }

    /// The subject of a clause's verb at `t`: before it (SVO), else after it (VSO).
    pub(crate) fn subject(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        let ok = |p: &Phrase| p.participant() && p.governor.is_none() && !self.in_source(p);
        // SVO: the last free phrase before the verb, with nothing but particles and times between
        // (a driver is free to act again: سيارة يقودها انتحاري استهدف …). A verb joined by و or ف
        // opens a clause of its own: the phrase before it belongs to the clause before (سقط فيها
        // قتلى | واتهمت السلطات …).
        let joined = words[t].seg.prefixes.first().is_some_and(|p| matches!(*p, "و" | "ف"));
        // A verb of the first person plural (نطالب، ندعو، نرفض) has its subject in itself: the
        // phrase after it is its object (ونطالب وزارة الصحة بـ …), the one before it no subject.
        if self.first_person_plural(t) {
            return None;
        }
        // (An aside between commas is passed over: 7 أشخاص، بينهم لبنانيان، خطفوا.)
        let before = self.before_aside(c, t);
        let last = ps.iter().rposition(|p| p.end <= before && p.first >= c.first).filter(|_| !joined);
        // A place right before the verb says where the subject is (وكانت الحكومة المحلية في الأنبار
        // دعت، قوات الأمن في بغداد اعتقلت): the subject is the phrase before the place.
        if let Some(k0) = last {
            let k = self.past_place(ps, c, k0);
            let driver = ps[k].participant() && ps[k].governor.as_deref().is_some_and(|g| cues().drivers.has(g)) && ps[k].end == t;
            if driver {
                return Some(k);
            }
            let between = (ps[k0].end..before).all(|i| {
                let w = &words[i];
                self.in_time[i]
                    || matches!(bare(w), "قد" | "لقد" | "ايضا" | "بدورها" | "بدوره" | "امس" | "اليوم")
                    || w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "," | "،" | "»" | "”" | "\"")
            });
            // A definite noun that is no participant stands in the subject's place (وكانت الحكومة
            // المحلية دعت أهالي الفلوجة): the phrase after the verb is its object, not its subject.
            // (Not one that ends an adjunct opening the clause: وفي إطار قلقه من تصاعد العنف دعا …)
            if between && ps[k].head == Head::Generic && ps[k].governor.is_none() && ps[k].end == t && !self.in_adjunct(ps, c, ps[k].first)
            {
                return None;
            }
            // (Not the last of a coordination a preposition governs: بين الإسرائيليين
            // والفلسطينيين، دعت الخارجية.)
            let mut head = k;
            while head > 0 && ps[head].coordinated && ps[head - 1].end + 1 >= ps[head].first {
                head -= 1;
            }
            let governed_chain = (ps[head].governor.is_some() && head != k) || self.after_bain(ps[head].first);
            if between && ok(&ps[k]) && !governed_chain && !self.in_adjunct(ps, c, ps[k].first) {
                // Back to the first of a coordination (إيران وروسيا تدعمان).
                let mut first = k;
                while first > 0 && ps[first].coordinated && ok(&ps[first - 1]) && ps[first - 1].end + 1 >= ps[first].first {
                    first -= 1;
                }
                return Some(first);
            }
        }
        // A verb of the third person plural (طالبوا، قصفوا، يطالبون) has its subject in itself or
        // before it: the phrase after it is its object (وطالبوا الحكومة بالاستقالة، حثوا أنقرة على).
        if self.plural_subject(t) {
            return None;
        }
        // …and so does one followed by an honorific with its pronoun (ودعا معاليه الجميع إلى).
        if words.get(t + 1).is_some_and(|w| cues().pronoun_honorifics.has(w.key.as_str())) {
            return None;
        }
        // An attack noun the feminine verb agrees with stands in the subject's place (استهدفت غارات
        // التحالف مواقع …، دمرت الغارات الروسية مستشفى): its genitive says whose (its nisba, the
        // event's reader); no phrase after it is the subject.
        if let Some(n) = self.attack_subject(t) {
            return ps.iter().position(|p| p.first == n + 1 && p.participant() && p.governor.as_deref() == Some(bare(&words[n])));
        }
        // A document stands in the subject's place (وأدان البيان الهجوم): no party acts in it but
        // its issuer, when named right after it (البيان الصادر عن الخارجية، التقرير الصادر عن …).
        if words.get(t + 1).is_some_and(|w| w.seg.definite() && cues().documents.has(w.key.as_str())) {
            let issued = words.get(t + 2).is_some_and(|w| matches!(w.key.as_str(), "الصادر" | "الصادره"))
                && words.get(t + 3).is_some_and(|w| bare(w) == "عن");
            return ps.iter().position(|p| issued && p.first == t + 4 && p.participant());
        }
        // VSO: the first free phrase after the verb, within a few words and before a purpose. A
        // masculine perfect does not agree with a feminine singular after it: that is its object
        // (وحث الحكومة على …، ودعا الجامعة العربية إلى …; the subject is implicit).
        let hi = self.purpose_after(t, c.end);
        let masculine_singular = self.masculine_singular(t);
        // (A number 3–10 takes ة before a masculine noun: ثلاثة جنود is no feminine.)
        // A state named alone is feminine too (ودعا إيران إلى، واتهم حماس بـ: he called on Iran, he
        // accused Hamas), but for the few masculine names (العراق، الأردن، لبنان …: cues.toml).
        // (Not its people: الأمريكيون، الألمان are masculine plurals, اتهم الألمان الحكومة.)
        let feminine_state = |p: &Phrase| {
            p.end == p.first + 1
                && p.head != Head::People
                && p.link.is_some_and(|m| {
                    let mm = &self.d.mentions[m];
                    mm.first == p.first && mm.actor.is_some_and(|a| self.d.kb.actors[a].kind == rasad_kb::ActorType::State)
                })
                && !cues().masculine_states.has(words[p.first].key_without_conj())
        };
        // (Not a man's name in ة the tagger found or the knowledge base holds, ودعا العطية الولايات
        // المتحدة إلى، حمزة، أسامة، وحث بوتفليقة الشعب.)
        let persons_name = |p: &Phrase| {
            p.head == Head::Name
                && (self.is_person_at(p.first, p.first + 1)
                    // (…or a family name the tagger missed: ودعا عريقات المجتمع الدولي.)
                    || (p.end == p.first + 1 && self.surname_subject(p.first, words.len())))
        };
        // A plural of things or bodies agrees in the feminine singular too (ودعا الكتل السياسية
        // إلى، وحث السلطات على: he called on the blocs, he urged the authorities).
        let feminine_plural = |p: &Phrase| {
            let w = &words[p.first];
            let text: String = letters(w.tok.text).collect();
            let plain = text.trim_start_matches(['و', 'ف']);
            self.quantity_at[p.first].is_none()
                && !persons_name(p)
                && ((plain.ends_with("ات") && plain.chars().count() >= 5) || cues().nonhuman_plurals.has(w.key_without_conj()))
        };
        let feminine_singular = |p: &Phrase| {
            let w = &words[p.first];
            let ta_marbuta = letters(w.tok.text).next_back() == Some('ة') && !persons_name(p);
            (self.quantity_at[p.first].is_none() && ta_marbuta && !cues().masculine_titles.has(&rasad_text::match_key(w.tok.text)))
                || feminine_state(p)
                || feminine_plural(p)
        };
        // A sound masculine plural or a dual in ين is accusative or genitive, never a subject
        // (ودعا المواطنين إلى، قتل المسلحين; the subject would read المواطنون، المسلحون).
        let accusative_plural = |p: &Phrase| {
            matches!(p.head, Head::People | Head::Generic | Head::Group)
                && self.quantity_at[p.first].is_none()
                && letters(words[p.first].tok.text).collect::<String>().ends_with("ين")
        };
        // …and so is a noun with the accusative's tanween (عدداً، عددا من المقاتلين).
        let accusative = |p: &Phrase| {
            let w = &words[p.first];
            w.tok.text.contains('\u{064B}') || bare(w) == "عددا"
        };
        // …nor does a feminine perfect with a masculine singular after it, a single office or a body
        // (وطالبت مجلس الأمن بـ، وناشدت المجتمع الدولي، دعت وزير الداخلية إلى: the subject is implicit).
        // (Not an office that names its holder, a woman the feminine verb agrees with: وطالبت النائب
        // حنان الفتلاوي، ودعت المدير التنفيذي هنريتا فور; nor the titles women hold in the masculine,
        // cue list `common_gender_titles`; nor a state, which takes the feminine whatever its name:
        // ودعت الأردن مجلس الأمن.)
        let feminine_perfect = self.feminine_perfect(t);
        let masculine = |p: &Phrase| {
            let w = &words[p.first];
            let ta = letters(w.tok.text).next_back() == Some('ة');
            let k = w.key_without_conj();
            let holder = (p.first..p.end).any(|i| self.name_at(i).is_some()) || self.is_person_at(p.first, p.end);
            self.quantity_at[p.first].is_none()
                && !ta
                && ((p.head == Head::Office && self.single_office(p.first) && !holder && !cues().common_gender_titles.has(k))
                    || (matches!(p.head, Head::Group | Head::Name) && cues().masculine_bodies.has(k)))
        };
        // (…and what is joined to that object is the object too: المجتمع الدولي والدول العربية.)
        let object_before = |k: usize| k > 0 && ps[k].coordinated && ps[k - 1].first > t && feminine_perfect && masculine(&ps[k - 1]);
        (0..ps.len()).position(|k| {
            let p = &ps[k];
            p.first > t
                && p.first <= t + 4
                && p.end <= hi
                && ok(p)
                && !(masculine_singular && feminine_singular(p))
                && !(feminine_perfect && masculine(p))
                && !object_before(k)
                && !accusative_plural(p)
                && !accusative(p)
        })
    }

    /// Where the words before the verb at `t` end, past an aside between commas that names some of
    /// the subject (7 أشخاص، بينهم لبنانيان، خطفوا; cue list `asides`): the first comma; `t` when
    /// there is none.
    fn before_aside(&self, c: &Clause, t: usize) -> usize {
        let words = self.d.words;
        if t < 3 || !crate::context::is_comma(&words[t - 1]) {
            return t;
        }
        let open = (c.first.max(t.saturating_sub(10))..t - 1).rev().find(|&k| crate::context::is_comma(&words[k]));
        match open {
            Some(a) if cues().asides.has(bare(&words[a + 1])) => a,
            _ => t,
        }
    }

    /// The phrase before phrase `k` when `k` stands after في or ب right after it, directly or
    /// past a word or two of place (الحكومة المحلية | في الأنبار، قوات الأمن | في مدينة بغداد،
    /// المتظاهرون | في ساحة التحرير، المعارضة | في فنزويلا); `k` otherwise.
    fn past_place(&self, ps: &[Phrase], c: &Clause, k: usize) -> usize {
        let words = self.d.words;
        let p = &ps[k];
        let gov_at = match p.governor.as_deref() {
            Some("في") => p.first.checked_sub(1),
            Some("ب") => Some(p.first),
            _ => {
                // في + up to two locative nouns (مدينة، ساحة، جنوب) + the phrase.
                let noun = |i: usize| bare(&words[i]) != "في" && cues().locatives.has(bare(&words[i]));
                let locs = (1..=2).take_while(|&n| p.first >= n && noun(p.first - n)).last();
                locs.and_then(|n| p.first.checked_sub(n + 1)).filter(|&g| bare(&words[g]) == "في")
            }
        };
        match gov_at {
            Some(g) if k > 0 && ps[k - 1].end == g && ps[k - 1].first >= c.first && ps[k - 1].governor.is_none() => k - 1,
            _ => k,
        }
    }

    /// True when the phrase starting at token `first` ends a prepositional adjunct that opens the
    /// clause (وبعد اجتماع الحكومة قصفت …، وإلى جانب أهداف الحزب قصفت …: the government and the
    /// party are genitives, not the verb's subject). Only an adjunct that opens the clause:
    /// mid-clause, a genitive chain may hang on the subject (قوات عراقية مدعومة بمتطوعي الحشد
    /// الشعبي اشتبكت).
    /// The adjunct may nest: قبل ساعات من قمة الجامعة، بعيدا عن أنظار المراقبين.
    fn in_adjunct(&self, ps: &[Phrase], c: &Clause, first: usize) -> bool {
        let words = self.d.words;
        let mut g = self.chain_governor(ps, c.first, first);
        for _ in 0..3 {
            match g {
                Some(at) if (c.first..at).all(|j| words[j].tok.kind == TokenKind::Punct) => return true,
                // (Two governors in a row make one: بعيدا عن، بالقرب من، في ظل.)
                Some(at) if at > c.first && crate::context::is_governor(&words[at - 1]) => g = Some(at - 1),
                Some(at) => g = self.chain_governor(ps, c.first, at),
                None => return false,
            }
        }
        false
    }

    /// The preposition that governs the phrase starting at token `first` through nouns in
    /// construct: the words before it back to the preposition (no further back than `lo`) are
    /// nouns with no article, none a verb, a particle, a name or a number (في قصر | السلام،
    /// إلى جانب أهداف | الحزب، بمشاركة | الجيش: the construct noun may carry ب or ل). A name
    /// before it ends the walk (في تعز | قوات صالح: تعز takes no genitive). None when the phrase
    /// is not so governed.
    pub(crate) fn chain_governor(&self, ps: &[Phrase], lo: usize, first: usize) -> Option<usize> {
        let words = self.d.words;
        let mut i = first;
        let mut nouns = 0;
        while i > lo && nouns < 4 {
            i -= 1;
            let w = &words[i];
            if w.tok.kind != TokenKind::Arabic
                || crate::phrases::phrase_at(ps, i).is_some()
                || self.in_time[i]
                || self.quantity_at[i].is_some()
            {
                return None;
            }
            let b = bare(w);
            // (وإلى keeps its و: the segmenter reads it as والي, a governor of a province.)
            // (Right before the phrase too when it sets no governor of the phrase's own: في ظل |
            // العنف; في | المدينة is the phrase's governor, not a chain's.)
            if cues().governors.has(b) || w.key.strip_prefix('و').is_some_and(|r| cues().governors.has(r)) {
                let own = crate::phrases::phrase_at(ps, first).is_some_and(|p| p.first == first && p.governor.is_some());
                return (nouns > 0 || !own).then_some(i);
            }
            // A noun in construct: no article, not a verb, not a particle (أن، إن، قد …).
            if w.seg.definite() || self.is_verb(i) || cues().connectors.has(w.key.as_str()) || b.chars().count() < 3 {
                return None;
            }
            nouns += 1;
            if w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل")) {
                return Some(i);
            }
        }
        None
    }

    /// True when the verb at `t` is an imperfect of the first person plural: its ن is the person
    /// prefix the lexicon reads as ي (نطالب → يطالب، ندين → يدين; not ندد or نفذ, perfects).
    pub(crate) fn first_person_plural(&self, t: usize) -> bool {
        let w = &self.d.words[t];
        bare(w).starts_with('ن') && self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal && h.form.starts_with('ي'))
    }

    /// The attack noun right after a feminine verb of an act with victims at `t` that is its subject: a definite or
    /// construct plural in ات or a noun in ة of a type with victims (الغارات، غارات، الضربة), not
    /// with a clitic and not an indefinite accusative (هجوما is an object).
    pub(crate) fn attack_subject(&self, t: usize) -> Option<usize> {
        let words = self.d.words;
        let (v, n) = (&words[t], words.get(t + 1)?);
        let text: String = letters(v.tok.text).collect();
        let plain = text.trim_start_matches(['و', 'ف']);
        let feminine_verb = plain.ends_with('ت') || plain.trim_start_matches('س').starts_with('ت');
        let noun_text: String = letters(n.tok.text).collect();
        let feminine_noun = noun_text.ends_with("ات") || noun_text.ends_with('ة');
        let attack = self.d.lexicon.lookup(n).is_some_and(|h| h.nominal && h.entries.iter().any(|e| info(e.kind).victims));
        let clitic = n.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "و" | "ف" | "ك"));
        // (Definite, or with its owner right after it: a genitive or a nisba, غارات التحالف، غارة
        // إسرائيلية; not خلية تابعة لـ, an object.)
        let owned = n.seg.definite() || self.mention_at.get(t + 2).copied().flatten().is_some();
        // (A verb of an act with victims: a stance on the attack takes it as object, تدين هجمات.)
        let act = self.d.lexicon.lookup(v).is_some_and(|h| !h.nominal && h.entries.iter().any(|e| info(e.kind).victims));
        // A masculine noun only after a verb an attack does rather than suffers (استهدف القصف التركي
        // قرى، أصاب الانفجار; not صد الهجوم، أحبط التفجير: cue list `attack_subject_verbs`).
        let masculine = !feminine_verb && !feminine_noun && n.seg.definite() && cues().attack_subject_verbs.has(bare(v));
        // The means of an attack stands there too (استهدفت عبوة ناسفة دورية، أصاب صاروخ مبنى، استهدفت
        // سيارة مفخخة حاجزا): a weapon, or a noun an explosive adjective qualifies.
        let means = !clitic
            && (crate::objects::weapon(n) || words.get(t + 2).is_some_and(|a| cues().explosives.has(a.key.as_str())))
            && self.d.lexicon.lookup(v).is_some_and(|h| cues().attack_subject_verbs.has(h.form));
        (((((feminine_verb && feminine_noun) || masculine) && attack && owned && !clitic) || means) && act).then_some(t + 1)
    }

    /// True when the verb at `t` carries a plural subject by its shape: a lexicon verb in وا
    /// (طالبوا، التقوا) or an imperfect in ون (يطالبون، ستدعمون).
    pub(crate) fn plural_subject(&self, t: usize) -> bool {
        let w = &self.d.words[t];
        let text: String = letters(w.tok.text).collect();
        let plain = text.trim_start_matches(['و', 'ف']);
        let imperfect = plain.trim_start_matches('س').starts_with(['ي', 'ت']);
        self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal)
            && plain.chars().count() >= 4
            && (plain.ends_with("وا") || (imperfect && plain.ends_with("ون")))
    }

    /// True when the verb at `t` is a perfect of the third person feminine singular by its shape:
    /// a lexicon verb with no suffix that ends in ت (دعت، طالبت، ناشدت، تعهدت).
    fn feminine_perfect(&self, t: usize) -> bool {
        let w = &self.d.words[t];
        self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal && h.entries.iter().any(|e| e.verb))
            && w.seg.suffixes.is_empty()
            && letters(w.tok.text).next_back() == Some('ت')
    }

    /// True when the verb at `t` is of the third person masculine singular by its shape: a lexicon
    /// verb with no subject suffix, a perfect (دعا، حث، طالب; not دعت، دعوا) or an imperfect with ي
    /// (يطالب، يدعو; not تطالب، يطالبون).
    fn masculine_singular(&self, t: usize) -> bool {
        let w = &self.d.words[t];
        let text: String = letters(w.tok.text).collect();
        let plain = text.trim_start_matches(['و', 'ف']);
        // The future's س before an imperfect (سينسحب، ستنسحب).
        let plain = match plain.strip_prefix('س') {
            Some(r) if r.starts_with(['ي', 'ت', 'ن']) => r,
            _ => plain,
        };
        let imperfect = plain.starts_with('ي') && !plain.ends_with("ون") && !plain.ends_with("ان");
        self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal)
            && w.seg.suffixes.is_empty()
            && !plain.ends_with('ت')
            && !plain.ends_with("وا")
            && (imperfect || !plain.starts_with(['ي', 'ت', 'ن']))
    }

    /// The first verb of a clause (a trigger verb or a verb of saying) within its first words.
    pub(crate) fn clause_verb(&self, c: &Clause) -> Option<usize> {
        let words = self.d.words;
        // After كان the subject comes first and the verb later (وكان الوزير قد أكد).
        let kana = (c.first..c.end.min(c.first + 2)).any(|i| matches!(bare(&words[i]), "كان" | "كانت" | "كانوا"));
        (c.first..c.end)
            .filter(|&i| words[i].tok.kind == rasad_text::TokenKind::Arabic && !cues().connectors.has(words[i].key.as_str()))
            .take(if kana { 12 } else { 3 })
            .find(|&i| self.is_verb(i))
    }

    /// True when a word reads as a verb: a trigger verb or a verb of saying, in any inflection.
    pub(crate) fn is_verb(&self, i: usize) -> bool {
        let w = &self.d.words[i];
        // The lexicon first: a verb may open with ال (التقى، التزم).
        if self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal) {
            return true;
        }
        crate::forms::speech_verb(w)
    }

    /// True when a clause opens with its verb (after و or a connector): its subject may be implicit.
    pub(crate) fn opens_with_verb(&self, c: &Clause) -> bool {
        self.clause_verb(c).is_some_and(|v| (c.first..v).all(|i| self.mention_at[i].is_none() && !self.named(i)))
    }

    /// The subject of a clause's verb, with what is coordinated with it.
    pub(crate) fn clause_subject(&self, ps: &[Phrase], c: &Clause) -> Vec<usize> {
        match self.clause_verb(c).and_then(|v| self.subject(ps, c, v)) {
            Some(k) => self.with_coordinated(ps, k),
            None => Vec::new(),
        }
    }
}
