//! Where, when and how many: the places, the date and the count of an event, its own clause first.

use rasad_kb::Mention;
use rasad_model::{Arg, EventType, Quantity, TimeExpr};
use rasad_text::{Sentence, TokenKind};

use crate::clauses::Clause;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};
use crate::types::info;

impl Ctx<'_, '_, '_> {
    /// True when a mention is governed by a locative word (so it is a place, not an actor).
    pub(crate) fn locative(&self, m: &Mention) -> bool {
        // An actor that is no place (حزب الله) is never a location, whatever precedes it.
        if m.place.is_none() {
            return false;
        }
        let loc = |k: &str| cues().locatives.has(k);
        let first = &self.d.words[m.first];
        // The name itself opens with a locative noun (مدينة إدلب، ريف حماة), or with ب.
        if loc(bare(first)) || first.seg.prefixes.contains(&"ب") {
            return true;
        }
        let before = self.past_nisba(m.first);
        before > 0
            && self.word(before - 1).is_some_and(|p| {
                let k = bare(p);
                let k = k.strip_prefix('ب').filter(|r| loc(r)).unwrap_or(k);
                loc(k) || matches!(p.tok.text, "«" | "\"" | "“") && before > 1 && self.word(before - 2).is_some_and(|pp| loc(bare(pp)))
            })
    }

    /// True when token `k` is a one-word nisba or demonym of a state (الإيرانية، العراقيين).
    fn demonym_at(&self, k: usize) -> bool {
        self.mention_at[k].is_some_and(|x| self.d.mentions[x].kind == rasad_kb::MentionKind::Demonym && self.d.mentions[x].end == k + 1)
    }

    /// The token a name at `first` is read after, past the nisba of the state whose city it is
    /// (في العاصمة الإيرانية | طهران: the token of الإيرانية; `first` itself when none stands there).
    fn past_nisba(&self, first: usize) -> usize {
        if first > 0 && self.demonym_at(first - 1) {
            first - 1
        } else {
            first
        }
    }

    /// True when the name at token `first` stands in apposition to a place noun that a preposition
    /// governs, past the state's nisba (في العاصمة الأفغانية كابول، بمدينة الموصل، إلى العاصمة
    /// طهران): a place where something happens, never a party met or struck.
    pub(crate) fn in_place_apposition(&self, first: usize) -> bool {
        let words = self.d.words;
        let Some(noun) = self.past_nisba(first).checked_sub(1) else { return false };
        let w = &words[noun];
        let stem = w.seg.base_key();
        let place_noun = cues().locatives.has(stem.strip_prefix("ال").unwrap_or(stem)) || cues().locatives.has(bare(w));
        let governed = w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل"))
            || noun.checked_sub(1).is_some_and(|p| matches!(bare(&words[p]), "في" | "الي" | "من" | "داخل" | "قرب"));
        place_noun && w.seg.definite() && governed
    }

    /// The places of an event: those of its own clause, nearest to the trigger first; else those
    /// of the nearest clause of the sentence before it that names one, else of the sentence.
    pub(crate) fn places(&self, s: &Sentence, c: &Clause, t: usize, kind: EventType) -> Vec<Arg> {
        let words = self.d.words;
        let origin_late = info(kind).origin;
        let collect = |lo: usize, hi: usize| {
            let mut cands: Vec<(usize, usize)> = Vec::new();
            let mut seen = None;
            for k in lo..hi {
                let Some(mi) = self.mention_at[k] else { continue };
                if seen == Some(mi) {
                    continue;
                }
                seen = Some(mi);
                let m = &self.d.mentions[mi];
                // A place that is no actor is a place wherever it stands (قصفت الطائرات حلب، زار دمشق).
                // …and a city right after an attack noun, even one that may stand for its
                // government (اعتداءات باريس، تفجيرات بروكسل).
                let struck = info(kind).victims && m.first == t + 1 && self.below_country(m.place);
                if m.place.is_some() && (m.actor.is_none() || struck || self.locative(m)) {
                    let mut dist = if m.first > t { m.first - t } else { (t - m.first) * 2 };
                    // Where forces go matters more than where they came from (دخلت من العراق إلى سوريا).
                    if origin_late && m.first > 0 && bare(&words[m.first - 1]) == "من" {
                        dist += 100;
                    }
                    cands.push((dist, mi));
                }
            }
            cands.sort();
            cands
        };
        let mut cands = collect(c.first, c.end);
        // A place its clause names that the gazetteer lacks is its place all the same, unlinked
        // (مديرية «مشرعة وحدنان»، في بلدة كوندوغا): better than a place carried from elsewhere;
        // after the clause's own places when those are only states (بمنطقة أوراكزاي شمال غرب
        // باكستان: Pakistan, then أوراكزاي).
        let states_only = cands.iter().all(|&(_, mi)| !self.below_country(self.d.mentions[mi].place));
        let unlinked = if states_only { self.unlinked_place(c, t) } else { None };
        if cands.is_empty() {
            if let Some(a) = unlinked {
                return vec![a];
            }
        }
        let own = !cands.is_empty();
        if cands.is_empty() {
            cands = collect(s.first_token, c.first);
        }
        if cands.is_empty() {
            cands = collect(c.end, s.end_token);
        }
        let mut out: Vec<Arg> = Vec::new();
        for (_, mi) in cands.into_iter().take(3) {
            let a = self.mention_arg(&self.d.mentions[mi], true);
            if !out.iter().any(|o| o.link.id == a.link.id) {
                out.push(a);
            }
        }
        if own && out.len() < 3 {
            out.extend(unlinked);
        }
        out
    }

    /// The place a clause names that links to nothing, nearest the trigger at `t`: a name the
    /// tagger reads as a place (LOC) after a word that governs a place (cue list `locatives`: في
    /// كوندوغا، بلدة ديكوا), or a quoted name of up to four words after a place noun (مديرية «مشرعة
    /// وحدنان»). Its span, with no link: an unlinked mention stays unlinked.
    fn unlinked_place(&self, c: &Clause, t: usize) -> Option<Arg> {
        let words = self.d.words;
        // (Not a place noun the tagger took for a name, which refers back: المدينة، القاعدة.)
        let generic = |a: usize| {
            let b = bare(&words[a]);
            cues().locatives.has(b.strip_prefix("ال").unwrap_or(b))
        };
        // (Only Arabic words of a name's length that are no time, number, catalogue mention or
        // event word: not في بلدة «2015»، «#الحرية»، a link; the tagger's labels in quotes are no
        // guide, «بني بارق» is ORG and «مشرعة وحدنان» PER to it.)
        let word = |k: usize| {
            let w = &words[k];
            w.tok.kind == TokenKind::Arabic
                && w.tok.text.chars().count() <= 24
                && !self.in_time[k]
                && self.quantity_at[k].is_none()
                && self.mention_at[k].is_none()
                && self.d.lexicon.lookup(w).is_none()
        };
        // (…nor a word a time may start at, which the time reader leaves alone between quotes:
        // «اليوم»، «رمضان»، «الثلاثاء».)
        let timed = |a: usize, b: usize| (a..b).any(|k| rasad_numtime::may_start_time(&words[k]));
        let free = |a: usize, b: usize| a < b && !generic(a) && (a..b).all(word);
        let governed = |a: usize| a > c.first && cues().locatives.has(bare(&words[a - 1]));
        // (The names are in text order: only the clause's are read.)
        let from = self.names.partition_point(|n| n.0 < c.first);
        let tagged = self.names[from..]
            .iter()
            .take_while(|n| n.0 < c.end)
            .filter(|n| n.2 == rasad_model::Label::Loc && n.0 >= c.first && n.1 <= c.end && governed(n.0) && free(n.0, n.1))
            .map(|n| (n.0, n.1));
        let quoted = (c.first..c.end.saturating_sub(2)).filter_map(|k| {
            let head = cues().locatives.has(bare(&words[k])) && !crate::context::is_governor(&words[k]);
            let open = k + 1;
            if !head || !crate::context::opening_quote(&words[open]) {
                return None;
            }
            let close = (open + 2..(open + 6).min(c.end)).find(|&j| matches!(words[j].tok.text, "»" | "\"" | "”"))?;
            let (a, b) = (open + 1, close);
            (free(a, b) && !timed(a, b)).then_some((a, b))
        });
        let dist = |a: usize| if a > t { a - t } else { (t - a) * 2 };
        tagged
            .chain(quoted)
            .filter(|&(a, _)| a != t)
            .min_by_key(|&(a, _)| dist(a))
            .map(|(a, b)| Arg { span: self.arg_slice(a, b), link: Default::default() })
    }

    /// Where a visit goes, as its first place: the visited state or city it names as its target
    /// after the trigger (زار الرئيس طهران، زيارته للكويت), else a place after إلى or ل within eight
    /// words of it in its clause (وصل الوزير مساء أمس إلى العاصمة القطرية الدوحة). `targets`: the
    /// event's target phrases' first tokens. None when the visit names no place after it.
    pub(crate) fn visit_destination(&self, c: &Clause, t: usize, targets: &[usize]) -> Option<&Mention> {
        let words = self.d.words;
        let place_at = |k: usize| self.mention_at[k].map(|mi| &self.d.mentions[mi]).filter(|m| m.place.is_some() && m.first == k);
        let named = targets.iter().filter(|&&k| k > t && k < c.end).find_map(|&k| place_at(k));
        let sent = || {
            (t + 1..c.end.min(t + 9)).find_map(|k| {
                let m = place_at(k)?;
                // (…past the definite nouns that describe it, the state's nisba among them: إلى
                // العاصمة القطرية الدوحة.)
                let unnamed = |i: usize| self.mention_at[i].is_none() || self.demonym_at(i);
                let to_before = (k.saturating_sub(3).max(t + 1)..k).rev().find(|&j| bare(&words[j]) == "الي").is_some_and(|j| {
                    (j + 1..k).all(|i| words[i].seg.definite() && unnamed(i) && self.d.lexicon.lookup(&words[i]).is_none())
                });
                let to = words[k].seg.prefixes.contains(&"ل") || to_before;
                to.then_some(m)
            })
        };
        named.or_else(sent)
    }

    /// The host a visit's destination `m` names: the state whose capital it is, when the catalogue
    /// reads the name as that state (نيروبي for Kenya, طهران for Iran), as an argument of the same
    /// span. None for any other place, and for the state of one of `actors` (a minister coming home
    /// visits nobody: وصل رئيس الوزراء اليوناني إلى أثينا).
    pub(crate) fn capital_host(&self, m: &Mention, actors: &[Arg]) -> Option<Arg> {
        let kb = self.d.kb;
        m.actor.filter(|&a| kb.actors[a].kind == rasad_kb::ActorType::State)?;
        let host = self.mention_arg(m, false);
        let home = |a: &Arg| {
            a.link.id.is_some() && a.link.id == host.link.id
                || self
                    .d
                    .mentions
                    .iter()
                    .any(|x| x.span.start >= a.span.start && x.span.end <= a.span.end && x.actor.is_some() && x.actor == m.actor)
        };
        (!actors.iter().any(home)).then_some(host)
    }

    /// The time of an event: the nearest after the trigger within its clause, else the nearest
    /// before it within its clause, else the nearest in the sentence.
    pub(crate) fn nearest_time(&self, s: &Sentence, t: usize, lo: usize, hi: usize) -> Option<TimeExpr> {
        let words = self.d.words;
        let tc = words[t].tok.span.start;
        let (clo, chi) = (words[lo].tok.span.start, words[hi.max(lo + 1) - 1].tok.span.end);
        // Times come in text order: the sentence's own are found by binary search, not a scan.
        let (a, b) = (self.d.times.partition_point(|x| x.start < s.span.start), self.d.times.partition_point(|x| x.start < s.span.end));
        let resolved = || self.d.times[a..b].iter().filter(|x| x.value.is_some() && x.start >= s.span.start && x.end <= s.span.end);
        resolved()
            .filter(|x| x.start >= tc && x.end <= chi)
            .min_by_key(|x| x.start - tc)
            .or_else(|| resolved().filter(|x| x.end <= tc && x.start >= clo).max_by_key(|x| x.end))
            .or_else(|| resolved().min_by_key(|x| if x.start >= tc { x.start - tc } else { (tc - x.end) * 2 }))
            .cloned()
            .or_else(|| self.story_time(s))
    }

    /// The day the story is told of: a news report states its date once, in the lead, and the
    /// sentences after it continue that day. The last day-precision time of the three sentences
    /// before this one (a real span of the text, so the event still points to where it is said).
    fn story_time(&self, s: &Sentence) -> Option<TimeExpr> {
        let sentences = self.d.sentences;
        let k = sentences.partition_point(|x| x.span.start < s.span.start);
        let from = sentences.get(k.saturating_sub(3)).map_or(0, |x| x.span.start);
        let (a, b) = (self.d.times.partition_point(|x| x.start < from), self.d.times.partition_point(|x| x.start < s.span.start));
        self.d.times[a..b].iter().rev().find(|x| x.precision == Some(rasad_model::Precision::Day) && x.value.is_some()).cloned()
    }

    /// The number of an event, of a fitting unit: as for dates, its own clause first.
    pub(crate) fn quantity(&self, s: &Sentence, t: usize, lo: usize, hi: usize, kind: EventType) -> Option<Quantity> {
        let words = self.d.words;
        let tc = words[t].tok.span.start;
        let (clo, chi) = (words[lo].tok.span.start, words[hi.max(lo + 1) - 1].tok.span.end);
        let units = &info(kind).units;
        // "N من X" counts members of X: people, for a type whose victims are targets (ستة من
        // مليشيا الحشد); so does a nisba (20 عراقيًا).
        let fits = |q: &Quantity| match q.unit.as_deref() {
            // (…and a nisba counts people for any type that counts persons: تظاهر آلاف الفلسطينيين.)
            Some(u) => {
                units.iter().any(|x| x == u)
                    || (info(kind).victims && q.text.contains(" من "))
                    || ((info(kind).victims || units.iter().any(|x| x == "شخص")) && self.d.kb.is_demonym(u))
            }
            None => info(kind).unitless,
        };
        // The counted subject stands before the verb as often as after it (أن مئات من الجنود وصلوا):
        // the nearest in the clause, either side.
        let dist = |q: &Quantity| if q.start >= tc { q.start - tc } else { tc.saturating_sub(q.end) };
        // A number right after another verb is that verb's (قتل 13 وأصيب 85: 85 were wounded).
        let owned_by_other = |q: &Quantity| {
            let k = words.partition_point(|w| w.tok.span.start < q.start);
            // The word before it: joined by و or ف, indefinite, not the trigger (وأصيب، وجرح).
            // (Not the second noun of the trigger's own pair: مقتل وإصابة عشرة أشخاص; but قتلوا وأصيب
            // اثنان are two acts.)
            let noun = |i: usize| self.d.lexicon.lookup(&words[i]).is_some_and(|h| h.nominal);
            let pair = |j: usize| j == t + 1 && noun(t) && noun(j);
            k.checked_sub(1).filter(|&j| j != t && !pair(j) && words[j].tok.kind == TokenKind::Arabic).is_some_and(|j| {
                let w = &words[j];
                // (A verbal noun of the lexicon too: مقتل مدني وإصابة 4 آخرين.)
                w.seg.prefixes.first().is_some_and(|p| matches!(*p, "و" | "ف"))
                    && !w.seg.definite()
                    && (!w.key.ends_with('ه') || self.d.lexicon.lookup(w).is_some())
            })
        };
        let qs = self.d.quantities;
        let (a, b) = (qs.partition_point(|q| q.start < s.span.start), qs.partition_point(|q| q.start < s.span.end));
        qs[a..b]
            .iter()
            .filter(|q| q.start >= s.span.start.max(clo) && q.end <= s.span.end.min(chi) && fits(q) && !owned_by_other(q))
            .min_by_key(|q| dist(q))
            .cloned()
    }

    /// One victim: the count of an event of a type with victims whose only person-like target
    /// (a named person, an office, or a singular noun of a person: مقتل جندي تركي، استشهاد شاب،
    /// اغتيال القيادي، قُتل ضابط) names one person; a struck thing beside it does not count. Value
    /// 1, its span the target's phrase. None otherwise.
    pub(crate) fn one_victim(&self, ps: &[Phrase], targets: &[usize], kind: EventType) -> Option<Quantity> {
        // (What the attack struck besides is no victim: لقي جندي مصرعه في إطلاق نار استهدف مروحية.)
        let person_like = |k: &&usize| matches!(ps[**k].head, Head::People | Head::Office | Head::Name);
        let victims: Vec<&usize> = targets.iter().filter(person_like).collect();
        let [k] = victims[..] else { return None };
        let p = &ps[*k];
        if !info(kind).victims {
            return None;
        }
        let words = self.d.words;
        let w = &words[p.first];
        let person = p.link.and_then(|m| self.d.mentions[m].actor).is_some_and(|a| self.d.kb.actors[a].kind == rasad_kb::ActorType::Person);
        let c = cues();
        // The singular without the article and the accusative's alif (جنديا، الضابط).
        let b = bare(w);
        let b = b.strip_prefix("ال").unwrap_or(b);
        let one = [b, b.strip_suffix('ا').unwrap_or(b)]
            .iter()
            .any(|x| c.victim_units.has(x) || c.force_units.has(x) || c.one_person.has(x) || (p.head == Head::Office && c.titles.has(x)));
        // (Not one of several: رجل وزوجته، طفل وأمه.)
        // (…but قتل مدني وجرح عشرة: what follows و is another act.)
        let joined = words
            .get(p.end)
            .is_some_and(|n| n.tok.kind == TokenKind::Arabic && n.seg.prefixes.first() == Some(&"و") && self.d.lexicon.lookup(n).is_none());
        if !(person || one) || joined || self.quantity_at[p.first].is_some() {
            return None;
        }
        let span = self.arg_slice(p.first, p.end);
        Some(Quantity {
            text: span.text,
            start: span.start,
            end: span.end,
            value: 1.0,
            approx: false,
            bound: rasad_model::Bound::Exact,
            min: None,
            max: None,
            unit: None,
        })
    }

    /// True when a quantity counts deaths: its noun is a death noun (قتيل، شهيد …), or one of the
    /// three words before it is a death cue (مقتل 12 مدنيا، ضحايا …).
    pub(crate) fn counts_deaths(&self, q: &Quantity) -> bool {
        if q.unit.as_deref().is_some_and(|u| DEATH_UNITS.contains(&u)) {
            return true;
        }
        let words = self.d.words;
        let k = words.partition_point(|w| w.tok.span.start < q.start);
        words[..k].iter().rev().filter(|w| w.tok.is_word()).take(3).any(|w| {
            let b = bare(w);
            DEATH_CUES.contains(&b.strip_prefix("ال").unwrap_or(b))
        })
    }
}

/// Counted nouns that are deaths.
const DEATH_UNITS: &[&str] = &["قتيل", "شهيد", "ضحيه", "جثه", "ميت"];
/// Words just before a count that make it a death toll ("مقتل 12 مدنيا").
const DEATH_CUES: &[&str] = &["مقتل", "قتل", "مصرع", "استشهاد", "وفاه", "قتلي", "ضحايا"];
