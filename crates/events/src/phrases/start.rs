//! Where a phrase may start and what heads it: a catalogue name (الرئيس بشار الأسد), a count of
//! people or of a group (13 من ميليشيا الحوثي، عدد من المتظاهرين), a class word (قوات، الناشط),
//! forces named with their nisba (تعزيزات عسكرية روسية), a sound plural of people (المشاركون) or
//! a definite noun (الكتل السياسية: generic).

use rasad_kb::{ActorType, MentionKind};
use rasad_text::TokenKind;

use super::Head;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::forms::{is_adjective, word_class};
use crate::lexicon::Need;

impl Ctx<'_, '_, '_> {
    /// True when the word at `i` is an indefinite accusative after an indefinite accusative event
    /// noun, its adjective and no participant (شنت قصفا جويا، نفذت هجوما بريا، قصفا عنيفا، قصفا
    /// مركزا): not a name, a number, a class word (هجوما مسلحا is an adjective all the same) or an
    /// event noun of its own.
    pub(super) fn accusative_adjective(&self, i: usize) -> bool {
        let words = self.d.words;
        let w = &words[i];
        let shaped = w.tok.kind == TokenKind::Arabic && w.seg.prefixes.is_empty() && w.key.ends_with('ا') && w.key.chars().count() >= 4;
        shaped && i > 0 && self.mention_starting(i).is_none() && self.quantity_at[i].is_none() && self.d.lexicon.lookup(w).is_none() && {
            let prev = &words[i - 1];
            // (A verb's plural وا is no tanween: أحرقوا منزلا، أسروا عددا.)
            let tanween = prev.key.ends_with('ا') && !prev.key.ends_with("وا");
            !prev.seg.definite() && tanween && self.d.lexicon.lookup(prev).is_some_and(|h| h.nominal || prev.seg.suffixes.is_empty())
        }
    }

    /// True when the word at `i` is a lexicon noun of a thing (cue list `plain_things`, with or
    /// without its accusative tanween: جسر، جسرا) that states its event only near a word (`near=`
    /// in triggers.tsv: جسر near جوي, دورية near مشتركة, قافلة near مساعدات) and no word of its
    /// sentence within 15 tokens is one: a plain noun here, which may head a participant (فجر
    /// مسلحون عبوة قرب دورية للشرطة، فجرت القوات الجسر).
    pub(crate) fn plain_noun(&self, i: usize) -> bool {
        let words = self.d.words;
        let b = crate::context::bare(&words[i]).trim_start_matches("ال");
        let thing = cues().plain_things.has(b) || b.strip_suffix('ا').is_some_and(|t| cues().plain_things.has(t));
        let Some(h) = self.d.lexicon.lookup(&words[i]).filter(|h| thing && h.nominal) else { return false };
        let stop = |k: usize| words[k].tok.kind == TokenKind::Punct && matches!(words[k].tok.text, "." | "!" | "؟" | "?");
        let lo = (i.saturating_sub(15)..i).rev().find(|&k| stop(k)).map_or(i.saturating_sub(15), |k| k + 1);
        let hi = (i + 1..(i + 16).min(words.len())).find(|&k| stop(k)).unwrap_or((i + 16).min(words.len()));
        h.entries.iter().all(|e| {
            e.needs.iter().any(|n| match n {
                Need::Near(keys) => !keys.iter().any(|k| k.starts_with('@')) && !crate::context::near_any(words, i, 15, lo, hi, keys),
                _ => false,
            })
        })
    }

    /// Where a phrase may start at token `i`: the end of its first unit and what heads it.
    pub(super) fn phrase_start(&self, i: usize, hi: usize) -> Option<(usize, Head)> {
        let words = self.d.words;
        let w = &words[i];
        if let Some(m) = self.mention_starting(i) {
            let mm = &self.d.mentions[m];
            // A nisba alone is no phrase (it qualifies one, or says whose: غارات روسية), but for
            // a sound masculine plural no phrase before took in, which names the people (ودعا
            // الرئيس اليمنيين إلى الوحدة).
            // (So does a broken plural, a demonym without a nisba ending: دعا الأتراك إلى الهدوء.)
            let key = w.seg.base_key();
            let broken =
                !matches!(key.chars().next_back(), Some('ي' | 'ه' | 'ا')) && !["يان", "يين", "يون"].iter().any(|e| key.ends_with(e));
            // (…and a dual right after a verb, two of the people: استشهد فلسطينيان، أصيب سوريان; after a
            // noun it qualifies it, صاروخان باليستيان.)
            let dual = key.ends_with("يان") && !w.seg.definite() && i > 0 && self.is_verb(i - 1);
            if mm.kind == MentionKind::Demonym && mm.end == i + 1 && (crate::forms::people_plural(w) || broken || dual) {
                return Some((i + 1, Head::People));
            }
            return (mm.kind == MentionKind::Name).then_some((mm.end, Head::Name));
        }
        if self.mention_at[i].is_some() {
            return None;
        }
        if let Some((end, _)) = self.name_at(i) {
            return Some((end, Head::Name));
        }
        if self.surname_subject(i, hi) {
            return Some((i + 1, Head::Name));
        }
        // A definite participle or nisba right after a definite event noun agrees with it: its
        // adjective, no participant (الاستهداف المتكرر، القصف المكثف; a construct's head has no
        // article). Not another noun, which starts the next argument (حضر الاجتماع الرضيع …).
        let event_adjective = i > 0 && w.seg.definite() && w.seg.prefixes.len() == 1 && {
            let prev = &words[i - 1];
            let stem = w.seg.base_key().strip_prefix("ال").unwrap_or(w.seg.base_key());
            let participle = stem.starts_with('م') && stem.chars().count() >= 4;
            (participle || is_adjective(w))
                && prev.seg.definite()
                && self.d.lexicon.lookup(prev).is_some_and(|h| h.nominal)
                && word_class(w).is_none()
                && self.d.lexicon.lookup(w).is_none()
        };
        // (So does a suicide attack's adjective after its noun, which names no bomber there: هجوم
        // انتحاري، التفجير الانتحاري، بتفجيرين انتحاريين.)
        let suicide = i > 0 && {
            let (prev, c) = (&words[i - 1], cues());
            let (a, n) = (w.seg.base.as_str(), prev.seg.base.as_str());
            c.suicide_adjectives.has(a.strip_prefix("ال").unwrap_or(a))
                && c.suicide_nouns.has(n.strip_prefix("ال").unwrap_or(n))
                && prev.seg.definite() == w.seg.definite()
        };
        if event_adjective || suicide {
            return None;
        }
        // An abbreviated title before a name (وقال د. عبد الله الربيعة): the name's phrase.
        if let Some(end) = self.titled_name_end(i, hi) {
            return Some((end, Head::Name));
        }
        if cues().honorifics.has(w.key.as_str()) {
            let mut j = i + 1;
            while j < hi && cues().honorifics.has(words[j].key.as_str()) {
                j += 1;
            }
            // Only a person's name (الرئيس بشار الأسد): a state or a place after the title is
            // another phrase (دعا الرئيس | الصين إلى الحوار).
            let person_mention = |m: usize| {
                let mm = &self.d.mentions[m];
                mm.actor.map_or(mm.place.is_none(), |a| self.d.kb.actors[a].kind == ActorType::Person)
            };
            let mention_end = self.mention_starting(j).filter(|&m| person_mention(m)).map(|m| self.d.mentions[m].end);
            // (Not a preposition the tagger read as a name after the title: الشيخ على، السيد إلى.)
            let name = self.name_at(j).filter(|n| !(n.0 == j + 1 && words[j].tok.text.ends_with('ى')));
            if let Some(end) = name.map(|n| n.0).or(mention_end).or_else(|| self.name_units(j, hi)) {
                return Some((end, Head::Name));
            }
            // A title alone names its holder, a person (وطالب الشيخ الحكومة بوقف القصف، ودعا السيد
            // المواطنين إلى الهدوء: cue list `lone_titles`), unless a name of the catalogue follows.
            // (Not a title inside a name: ولد الشيخ، أبو السيد.)
            let in_name = i > 0 && crate::context::name_particle(&words[i - 1]);
            if j == i + 1
                && !in_name
                && cues().lone_titles.has(w.key.as_str())
                && w.seg.prefixes.len() == 1
                && (j >= hi || self.mention_starting(j).is_none())
                && name.is_none()
            {
                return Some((j, Head::Office));
            }
        }
        // A count of acts before the act's noun is no participant (شنت الطائرات عشرات الغارات: cue
        // list `act_counts`).
        if self.counts_acts(i, hi) {
            return None;
        }
        // A number of people or of a group (13 من ميليشيا الحوثي، 6 حوثيين، الآلاف من المقاتلين):
        // the phrase runs from the number over what it counts.
        if let Some(q) = self.quantity_at[i].map(|k| &self.d.quantities[k]) {
            let mut j = i;
            while j < hi && words[j].tok.span.end <= q.end {
                j += 1;
            }
            // The counted noun may open a name that runs past the number's span (30 من تنظيم | داعش):
            // the phrase takes the whole name; a name counted directly is a group (30 من داعش), a
            // nisba people.
            let counted = if j > i { self.mention_at[j - 1].filter(|&m| self.d.mentions[m].actor.is_some()) } else { None };
            if let Some(m) = counted {
                let mm = &self.d.mentions[m];
                if mm.first > i && mm.kind == MentionKind::Name {
                    return Some((mm.end.clamp(j, hi), Head::Group));
                }
                // A counted nisba names people (20 عراقيًا، 15 سوريًا).
                if mm.first > i && mm.kind == MentionKind::Demonym {
                    return Some((j, Head::People));
                }
            }
            let next = words.get(j);
            let after_min = if j + 1 < hi { self.quoted_name(j + 1) } else { j + 1 };
            if next.is_some_and(|n| {
                bare(n) == "من" && after_min < hi && (word_class(&words[after_min]).is_some() || self.mention_starting(after_min).is_some())
            }) {
                let (end, head) = self.phrase_start(after_min, hi).unwrap_or((after_min + 1, Head::People));
                let head = if head == Head::Name { Head::Group } else { head };
                return Some((end, if q.unit.as_deref().is_some_and(|u| cues().victim_units.has(u)) { Head::People } else { head }));
            }
            // (…or members of a group named after في: ثلاثة أعضاء في جماعة الإخوان.)
            if let Some(e) = self.member_of_group(i, j, hi) {
                return Some((e, Head::Group));
            }
            // (…or members of a party named in their genitive: 15 من أعضاء الحزب، 130 من أنصار
            // المرشح، نحو 15 من رجال قوات الطوارئ.)
            // (Not over a time or a preposition: خمسة مسلحين | داخل المبنى، 20 مسلحا | الخميس.)
            let member =
                j > i && j < hi && cues().members.has(bare(&words[j - 1])) && !self.in_time[j] && !crate::context::is_governor(&words[j]);
            if member && (words[j].seg.definite() || self.mention_starting(j).is_some() || self.bare_construct(j, hi)) {
                let (e, head) = self.phrase_start(j, hi).unwrap_or((j + 1, Head::Group));
                let people =
                    word_class(&words[j - 1]) == Some(Head::People) || q.unit.as_deref().is_some_and(|u| cues().victim_units.has(u));
                return Some((self.extend(j, e, hi, head).0, if people { Head::People } else { Head::Group }));
            }
            match q.unit.as_deref() {
                Some(u) if cues().victim_units.has(u) => return Some((j, Head::People)),
                Some(u) if cues().force_units.has(u) => return Some((j, Head::Group)),
                _ if j > i && word_class(&words[j - 1]).is_some() => return Some((j, word_class(&words[j - 1]).unwrap_or(Head::People))),
                _ => {}
            }
        }
        // An unnumbered count of people or of a group (عدد من المتظاهرين، العديد من المسلحين، بعض
        // عناصر الأمن): the phrase runs over what it counts.
        if cues().unnumbered_counts.has(bare(w)) && i + 2 < hi {
            // (An adjective of size may stand between: عدد كبير من، عدداً كبيراً من.)
            let sized = cues().count_sizes.has(bare(&words[i + 1])) && words.get(i + 2).is_some_and(|n| bare(n) == "من") && i + 3 < hi;
            let after = if sized {
                self.quoted_name(i + 3)
            } else if bare(&words[i + 1]) == "من" {
                self.quoted_name(i + 2)
            } else {
                i + 1
            };
            if after < hi && (word_class(&words[after]).is_some_and(|h| h != Head::Pair) || self.mention_starting(after).is_some()) {
                if let Some((end, head)) = self.phrase_start(after, hi) {
                    return Some((end, if head == Head::Name { Head::Group } else { head }));
                }
            }
        }
        // A group named by what it does is a participant too (المتظاهرون، المحتجين): the word may
        // still be a trigger of its own where no verb states the event.
        // "Press" after a press noun is an adjective, no journalist (مؤتمر صحفي، بيان صحافي).
        // (…definite too: المؤتمر الصحفي.)
        let press_noun = |p: &rasad_text::Word| {
            let b = bare(p);
            cues().press_nouns.has(b) || b.strip_prefix("ال").is_some_and(|r| cues().press_nouns.has(r))
        };
        if i > 0 && cues().press_adjectives.has(bare(w).trim_start_matches("ال")) && press_noun(&words[i - 1]) {
            return None;
        }
        let hit = self.d.lexicon.lookup(w).filter(|_| !self.plain_noun(i));
        // (…and a participle in the nominative plural, which no circumstantial clause takes: وحرق
        // محتجون المقر.)
        // (…nor one a preposition governs: من قبل محتجين.)
        let nominative = || bare(w).ends_with("ون") || (i > 0 && crate::context::is_governor(&self.d.words[i - 1]));
        // (…nor one right after a transitive verb of the lexicon, its object: ستمنع متظاهرين من.)
        let object =
            || {
                i > 0 && !w.seg.definite() && {
                    let prev = &self.d.words[i - 1];
                    self.is_verb(i - 1)
                        && self.d.lexicon.lookup(prev).is_some_and(|v| {
                            !v.nominal && v.entries.iter().any(|e| crate::triggers::frame_of(e).iter().any(|f| f == "obj"))
                        })
                }
            };
        // A group word shaped as an adjective right after a definite noun describes it (ترسيم
        // الحدود البحرية، المنطقة الأمنية): no phrase of its own.
        // (Not a plural in ات, which a nisba of its stem only resembles: منصور الحربي | الميليشيات.)
        let plural = crate::context::letters(w.tok.text).rev().take(2).eq(['ت', 'ا']);
        if i > 0 && w.seg.definite() && !plural && crate::phrases::nisba_ending(&w.key) && word_class(w) == Some(Head::Group) {
            let p = &words[i - 1];
            if p.tok.kind == TokenKind::Arabic && p.seg.definite() && self.mention_at[i - 1].is_none() && word_class(p).is_none() {
                return None;
            }
        }
        // A group noun only before a town's name (cue list `town_groups`: مقاومة تعز).
        if super::words::bare_construct(w) && cues().town_groups.has(bare(w)) && self.town_at(i + 1) {
            return Some((i + 1, Head::Group));
        }
        // (…nor the second party after بين: اشتباكات بين الشرطة ومتظاهرين، بين الجيش وتحالف الحوثيين.)
        let party = || self.second_party(i, i.saturating_sub(10));
        if let Some(h) =
            word_class(w).filter(|_| hit.as_ref().is_none_or(|x| x.nominal) || w.seg.definite() || nominative() || object() || party())
        {
            return Some((i + 1, h));
        }
        if hit.is_some() && crate::forms::people_plural(w) && party() {
            return Some((i + 1, Head::People));
        }
        if let Some(h) = &hit {
            // A definite participle in the sound plural names people, whatever it could state
            // (ودعا الرئيس المنشقين في الحزب إلى، أفرجت السلطات عن المحتجزين).
            if w.seg.definite() && crate::forms::people_plural(w) && w.seg.base_key().trim_start_matches("ال").starts_with('م') {
                return Some((i + 1, Head::People));
            }
            // Forces named by what they are sent as, with whose they are (تعزيزات عسكرية روسية،
            // قوات … ): a participant phrase up to the nisba, when the noun is plural and indefinite.
            let forces = h.nominal && !w.seg.definite() && h.entry.kind == rasad_model::EventType::Mobilize;
            if forces {
                let nisba = (i + 1..(i + 4).min(hi))
                    .find(|&k| self.mention_starting(k).is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym));
                if let Some(k) = nisba.filter(|&k| (i + 1..k).all(|j| is_adjective(&self.d.words[j]) || !self.d.words[j].seg.definite())) {
                    return Some((self.d.mentions[self.mention_at[k].unwrap_or(0)].end, Head::Group));
                }
            }
            return None;
        }
        // A sound masculine plural names people (Arabic keeps it for rational beings): المشاركون،
        // متظاهرون، الفلسطينيين. Not a broken plural of the فعاليل shape (الميادين، ملايين).
        if crate::forms::people_plural(w) && !self.in_time[i] && !super::words::nisba_of_dual(words, i) {
            return Some((i + 1, Head::People));
        }
        // An indefinite feminine dual names things as its singular would (مدرستين، قاعدتين، نقطتين);
        // one right after another is its adjective (سيارتين مصفحتين).
        // (Not the means of an attack, with its explosive adjective: سيارتين مفخختين.)
        let dual = super::words::feminine_dual;
        let explosive = || words.get(i + 1).is_some_and(crate::objects::explosive);
        let after_dual = || i > 0 && dual(&words[i - 1]);
        if dual(w) && !self.in_time[i] && !after_dual() && !explosive() {
            return Some((i + 1, Head::Generic));
        }
        // A definite noun that is no particle, time, place noun or relative word.
        (crate::forms::generic_noun(w) && !self.in_time[i]).then_some((i + 1, Head::Generic))
    }

    /// True when a place's name that names no actor starts at token `k` (عدن، تهامة), without a
    /// clitic.
    pub(super) fn town_at(&self, k: usize) -> bool {
        k < self.d.words.len()
            && self.d.words[k].seg.prefixes.is_empty()
            && self.mention_starting(k).is_some_and(|m| self.d.mentions[m].place.is_some() && self.d.mentions[m].actor.is_none())
    }

    /// True when the word at `j` is a bare noun of a class (people, offices, groups) or a name the
    /// tagger found, with a definite word after it (رئيس الحزب، زعيم المعارضة): no clitic, no verb
    /// or event word of the lexicon, no time (not إبان، طيلة، عشية, nor حماية المنشآت).
    fn bare_construct(&self, j: usize, hi: usize) -> bool {
        let words = self.d.words;
        let w = &words[j];
        j + 1 < hi
            && w.tok.kind == TokenKind::Arabic
            && w.seg.prefixes.is_empty()
            && w.seg.suffixes.is_empty()
            && self.d.lexicon.lookup(w).is_none()
            && (word_class(w).is_some() || self.name_at(j).is_some())
            && !self.in_time[j]
            && words[j + 1].seg.definite()
    }
}
