//! The linker: finds catalogue and gazetteer names in analyzed text, robust to clitics
//! (لسوريا، بدمشق، والعراقيين، لـ«الجريدة»), spelling variants (match keys), multiword names and
//! nisba adjectives (إيراني، الإيرانيين، الروسية → the country).
//!
//! Matching is longest-first over token match keys. The first token of a name may carry
//! proclitics: it matches when the text token's key, its key without و/ف, its stem with
//! suffixes, or ال + that (when the token is definite) equals the name's first key. Later
//! tokens must match exactly. A mention that matches nothing stays unlinked.

use rasad_text::{Span, TokenKind, Word};

use crate::catalogue::{ActorType, Place};
use crate::cues::{
    adjective_after_noun, company_after, construct_head, dateline, definite_after, described_adjective, family_name, idiom,
    institution_before, organization_before, place_cue, quoted_title, verb_object, verb_position,
};
use crate::index::{nisba_base, Target, PLACE_PREPS};
use crate::kb::Kb;
use crate::words::WordStats;

/// How a mention was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A name or alias of the catalogue or gazetteer.
    Name,
    /// A nisba adjective or demonym (إيراني، الروسية).
    Demonym,
}

/// How far apart two points are, in kilometres (haversine).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// What a document tells about where it is, for choosing among places of one name.
#[derive(Debug, Clone, Default)]
pub struct PlaceContext<'k> {
    /// The centre (lat, lon) of the document's unambiguous places, when it has any.
    pub centre: Option<(f64, f64)>,
    /// How often each country (ISO alpha-3) is the country of an unambiguous place or of an
    /// actor the document names.
    pub countries: rustc_hash::FxHashMap<&'k str, usize>,
    /// The number of places and actors counted in `countries`.
    pub total: usize,
}

/// A linked mention in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub end: usize,
    /// Code-point span.
    pub span: Span,
    /// Index of the actor, if the mention names one.
    pub actor: Option<usize>,
    /// Index of the place, if the mention names one.
    pub place: Option<usize>,
    /// How it was recognised.
    pub kind: MentionKind,
}

/// The forms under which the first token of a name may be found.
pub(crate) fn first_forms<'w>(w: &'w Word) -> impl Iterator<Item = std::borrow::Cow<'w, str>> {
    use std::borrow::Cow;
    let key = w.key.as_str();
    let wc = w.key_without_conj();
    let clitics = !w.seg.prefixes.is_empty();
    let base = w.seg.base_key();
    // The article form is built only for definite words (the one allocation, and a rare one).
    let with_article = (clitics && w.seg.definite()).then(|| Cow::Owned(format!("ال{base}")));
    [
        Some(Cow::Borrowed(key)),
        (wc != key).then_some(Cow::Borrowed(wc)),
        with_article,
        // A definite word is not a name written without the article (الجنين "the fetus", not جنين).
        (clitics && !w.seg.definite() && base != key && base != wc).then_some(Cow::Borrowed(base)),
    ]
    .into_iter()
    .flatten()
}

/// True when `key` is one of the [`first_forms`] of `w`, decided without building any of them.
pub(crate) fn is_first_form(w: &Word, key: &str) -> bool {
    let full = w.key.as_str();
    if key == full {
        return true;
    }
    let wc = w.key_without_conj();
    if key == wc {
        return true;
    }
    if w.seg.prefixes.is_empty() {
        return false;
    }
    let base = w.seg.base_key();
    if w.seg.definite() {
        key.strip_prefix("ال") == Some(base)
    } else {
        key == base && base != full && base != wc
    }
}

/// Whether the match keys `keys` are written at token `i` (the first with its clitics).
pub(crate) fn keys_at<S: AsRef<str>>(words: &[Word], i: usize, keys: &[S]) -> bool {
    let n = keys.len();
    n > 0 && i + n <= words.len() && (1..n).all(|k| words[i + k].key == keys[k].as_ref()) && is_first_form(&words[i], keys[0].as_ref())
}

/// Adds to `out` the name mentions that `at` finds, left to right over Arabic words no mention of
/// `out` covers: `at(i, linked)` gives the token count and the actor of a phrase at token `i`
/// (`linked` marks the tokens taken so far).
pub(crate) fn add_phrase_mentions(words: &[Word], out: &mut Vec<Mention>, mut at: impl FnMut(usize, &[bool]) -> Option<(usize, usize)>) {
    let mut linked = vec![false; words.len()];
    for m in out.iter() {
        linked[m.first..m.end].iter_mut().for_each(|x| *x = true);
    }
    let mut i = 0;
    while i < words.len() {
        if linked[i] || words[i].tok.kind != TokenKind::Arabic {
            i += 1;
            continue;
        }
        match at(i, &linked).filter(|&(n, _)| n > 0 && i + n <= words.len() && !linked[i..i + n].contains(&true)) {
            Some((n, actor)) => {
                let span = Span::new(words[i].tok.span.start, words[i + n - 1].tok.span.end);
                out.push(Mention { first: i, end: i + n, span, actor: Some(actor), place: None, kind: MentionKind::Name });
                linked[i..i + n].iter_mut().for_each(|x| *x = true);
                i += n;
            }
            None => i += 1,
        }
    }
}

pub(crate) fn is_open_quote(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "«" | "“" | "\"" | "'" | "‘" | "„"))
}

pub(crate) fn is_close_quote(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "»" | "”" | "\"" | "'" | "’"))
}

impl Kb {
    /// Finds linked mentions in `words`, left to right, longest first, without overlaps.
    ///
    /// A one-word name only the gazetteer knows links after a place preposition when it is not a
    /// common word ([`WordStats`]) and a candidate is large ([`large`]); a smaller one links when the
    /// document's other places and actors are mostly of its country (half or more of them).
    pub fn link(&self, words: &[Word]) -> Vec<Mention> {
        let idx = &self.linker;
        let mut out = Vec::new();
        let mut ambiguous: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut in_context: Vec<(usize, Vec<usize>, Option<usize>, bool)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            if w.tok.kind != TokenKind::Arabic && w.tok.kind != TokenKind::Latin {
                i += 1;
                continue;
            }
            // و after a place (في الدمام وجدة): the list goes on with places.
            let comma = |k: usize| words[k].tok.kind == TokenKind::Punct && matches!(words[k].tok.text, "،" | ",");
            let list_end = if i > 0 && comma(i - 1) { i - 1 } else { i };
            let listed = w.key_without_conj() != w.key && out.last().is_some_and(|m: &Mention| m.end == list_end && m.place.is_some());
            if let Some((n, keys, t)) = self.best_at_listed(words, i, listed).filter(|(_, _, t)| !self.fathers_name(words, i, t)) {
                let places = match self.accept(words, i, n, keys, t, listed) {
                    Accept::Yes => Some(t.places.clone()),
                    Accept::Only(p) => Some(p),
                    Accept::InContext(bare, only) => {
                        in_context.push((i, only.unwrap_or_else(|| t.places.clone()), t.actor, bare));
                        None
                    }
                    Accept::No => None,
                };
                if let Some(places) = places {
                    let span = Span::new(w.tok.span.start, words[i + n - 1].tok.span.end);
                    let mut m =
                        Mention { first: i, end: i + n, span, actor: t.actor, place: places.first().copied(), kind: MentionKind::Name };
                    if m.place.is_some_and(|p| self.places[p].feature == "country") && n == 1 && adjective_after_noun(words, i) {
                        // القنصلية السعودية، أسرة سورية: the state's nisba, not the country as a place.
                        m.place = None;
                    }
                    if m.place.is_some_and(|p| self.places[p].feature == "country") && n == 1 && accusative_nisba(words, i) {
                        // 22 مدنياً سورياً: a country's name takes no tanween; written with it, or
                        // after a noun written with it, it is the accusative nisba.
                        (m.place, m.kind) = (None, MentionKind::Demonym);
                    }
                    out.push(m);
                    if places.len() > 1 && out.last().is_some_and(|m| m.place.is_some()) {
                        ambiguous.push((out.len() - 1, places));
                    }
                    i += n;
                    continue;
                }
            }
            if w.tok.kind == TokenKind::Arabic {
                // A name word the segmenter keeps whole still shows its article (السوداني).
                let base = w.seg.base_key();
                let base = base.strip_prefix("ال").filter(|_| w.seg.prefixes.is_empty()).unwrap_or(base);
                // An indefinite accusative keeps its tanween's alif (13 حوثيًا، خبيرا إيرانيا).
                fn tanween(k: &str) -> Option<&str> {
                    k.strip_suffix("يا").map(|b| &k[..b.len() + "ي".len()])
                }
                let indefinite = !w.seg.definite();
                let demonym_of = |k: &str| {
                    nisba_base(k)
                        .and_then(|b| idx.demonyms.get(b))
                        .or_else(|| tanween(k).filter(|_| indefinite).and_then(nisba_base).and_then(|b| idx.demonyms.get(b)))
                };
                // (The whole word too, when the segmenter took a first letter for a clitic, or the
                // folded hamza of أل for the article: فلسطينيا is no ف + لسطينيا, ألماني no ال + ماني.)
                let whole = w.key.as_str();
                let clitics_only = w.seg.prefixes.iter().all(|p| matches!(*p, "ف" | "و" | "ب" | "ل" | "ال"));
                let retry = whole != base && clitics_only;
                // (…or a broken plural: الأتراك، جنود أفغان، ألمان.)
                let demonym = demonym_of(base)
                    .or_else(|| retry.then(|| demonym_of(whole)).flatten())
                    .or_else(|| idx.broken_demonyms.get(base))
                    .or_else(|| retry.then(|| idx.broken_demonyms.get(whole)).flatten());
                if let Some(&a) = demonym {
                    out.push(Mention { first: i, end: i + 1, span: w.tok.span, actor: Some(a), place: None, kind: MentionKind::Demonym });
                }
            }
            i += 1;
        }
        if !in_context.is_empty() {
            let mut unsure = vec![false; out.len()];
            for (a, _) in &ambiguous {
                unsure[*a] = true;
            }
            let cx = self.context(&out, &unsure);
            for (i, cands, actor, bare) in in_context {
                let home: Vec<usize> = cands
                    .into_iter()
                    .filter(|&p| {
                        (bare && cx.total == 0)
                            || 2 * cx.countries.get(self.places[p].country.as_str()).copied().unwrap_or(0) >= cx.total.max(1)
                    })
                    .collect();
                if (home.is_empty() && actor.is_none()) || out.iter().any(|m| m.first <= i && i < m.end) {
                    continue;
                }
                out.push(Mention {
                    first: i,
                    end: i + 1,
                    span: words[i].tok.span,
                    actor,
                    place: home.first().copied(),
                    kind: MentionKind::Name,
                });
                if home.len() > 1 {
                    ambiguous.push((out.len() - 1, home));
                }
            }
        }
        self.disambiguate(&mut out, &ambiguous);
        self.governorates_named_by_seat(words, &mut out);
        self.drop_foreign_namesakes(words, &mut out);
        self.drop_contradicted_places(words, &mut out);
        self.link_surnames(words, &mut out, None);
        self.link_generic_forces(words, &mut out);
        self.link_kingdoms(words, &mut out);
        out.sort_by_key(|m| m.first);
        out
    }

    /// A place linked right after محافظة with a quote between (محافظة «لحج»), after the dual or the
    /// plural (محافظتي عدن ولحج، محافظات عدن ولحج وأبين: every member of the list) is the governorate
    /// when a curated place has the name with محافظة (محافظة لحج), not the seat town the bare name
    /// stands for.
    fn governorates_named_by_seat(&self, words: &[Word], out: &mut [Mention]) {
        let Some(cands) = self.linker.by_first.get(GOVERNORATE) else { return };
        out.sort_by_key(|m| m.first);
        let mut list_end: Option<usize> = None;
        for m in out.iter_mut() {
            let w = &words[m.first];
            let member = list_end.is_some_and(|e| {
                let comma = e < m.first && words[e].tok.kind == TokenKind::Punct && matches!(words[e].tok.text, "،" | ",");
                (e == m.first || (comma && e + 1 == m.first)) && w.key_without_conj() != w.key
            });
            list_end = None;
            if m.place.is_none() || m.actor.is_some() {
                continue;
            }
            let Some(mut j) = m.first.checked_sub(1) else { continue };
            let quoted = is_open_quote(words.get(j));
            if quoted {
                let Some(k) = j.checked_sub(1) else { continue };
                j = k;
            }
            let noun = words[j].key_without_conj();
            let noun = noun.strip_prefix('ب').unwrap_or(noun);
            let head = GOVERNORATE_LISTS.contains(&noun);
            if !(member || head || (quoted && noun == GOVERNORATE)) {
                continue;
            }
            if head || member {
                list_end = Some(m.end);
            }
            let n = m.end - m.first;
            let governorate = cands.iter().find(|(keys, t)| {
                keys.len() == n + 1
                    && is_first_form(w, keys[1].as_str())
                    && keys[2..].iter().zip(&words[m.first + 1..m.end]).all(|(k, w)| *k == w.key)
                    && t.places.first().is_some_and(|&p| self.places[p].curated && self.places[p].feature == "governorate")
            });
            if let Some((_, t)) = governorate {
                m.place = t.places.first().copied();
            }
        }
    }

    /// Drops built-gazetteer places of a country the document never names when its curated places
    /// and its actors (3 or more) are mostly (60 %) of one other country: منطقة الجوف in a Saudi
    /// article is the Saudi region the gazetteer lacks, not Libya's Al Jawf.
    fn drop_foreign_namesakes(&self, words: &[Word], out: &mut Vec<Mention>) {
        let built = |m: &Mention| m.actor.is_none() && m.place.is_some_and(|p| !self.places[p].curated);
        let unsure: Vec<bool> = out.iter().map(built).collect();
        let cx = self.context(out, &unsure);
        let top = cx.countries.values().copied().max().unwrap_or(0);
        if cx.total < 3 || 5 * top < 3 * cx.total {
            return;
        }
        // A dateline (رأس الخيمة: «الخليج») names where the report was filed, whatever it is about.
        out.retain(|m| {
            !built(m)
                || m.place.is_some_and(|p| cx.countries.contains_key(self.places[p].country.as_str()))
                || dateline(words, m.first, m.end - m.first)
        });
    }

    /// Whether the name `keys` found at token `i` (`n` tokens) with target `t` is part of another
    /// name or a word of another kind here, whatever cue comes before it.
    fn other_name(&self, words: &[Word], i: usize, n: usize, keys: &[String], t: &Target) -> bool {
        if t.places.is_empty() {
            return false;
        }
        if idiom(words, i, n) || organization_before(words, i) {
            return true;
        }
        let one = n == 1 && t.places.iter().all(|&p| self.places[p].feature != "country");
        let noun_before = place_cue(words, i, 1) || institution_before(words, i);
        if one && !noun_before && (self.masculine_nisba_after(words, i) || company_after(words, i)) {
            // A city is feminine: سسكا موسكو الروسي، أستانا الكازاخي are clubs, دبي الإسلامي a bank
            // (ميناء صور العماني: the adjective is the port's).
            return true;
        }
        if one && t.actor.is_none() && self.state_adjective(words, i) {
            return true;
        }
        // «صحة دبي» (a body), الناشط سليم القصير (a family name), حماة الديار (the protectors), سرت
        // شائعات (a verb and its subject), اللون الرمادي (a colour).
        let word = one && !noun_before && (verb_position(words, i) || described_adjective(words, i));
        t.actor.is_none() && (quoted_title(words, i, n) || family_name(words, i) || word || (one && construct_head(words, i, &keys[0])))
    }

    /// Whether the name `keys` found at token `i` (`n` tokens) with target `t` is read as a name here;
    /// `listed`: the word joins a list after a linked place with و.
    fn accept(&self, words: &[Word], i: usize, n: usize, keys: &[String], t: &Target, listed: bool) -> Accept {
        if self.other_name(words, i, n, keys, t) {
            return Accept::No;
        }
        let common = n == 1 && WordStats::builtin().common(&keys[0]);
        // A place that locates a built-gazetteer name picks its candidates, or rules them all out.
        let located = || match self.locating(words, i + n, t) {
            Some(found) if found.is_empty() => Accept::No,
            found => found.map_or(Accept::Yes, Accept::Only),
        };
        if !t.gazetteer_only(&self.places) {
            // A curated town or region whose name is a common word (الباب، السلمية، تدمر) needs a cue;
            // one with the article (الميادين "the squares", السلمية "the peaceful") a place noun, a
            // list, a place that locates it (في الباب شمال حلب) or a document of its country.
            // A name that is also an actor's (الميادين the channel) keeps the actor without the place.
            let town = |&p: &usize| !matches!(self.places[p].feature.as_str(), "capital" | "country");
            let state = t.actor.is_some_and(|a| self.actors[a].kind == ActorType::State);
            if !t.places.is_empty() && !state && common && t.places.iter().all(town) && !listed && !place_cue(words, i, 1) {
                if let Some(near) = self.located_by(words, i + n, t) {
                    return Accept::Only(near);
                }
                let cue = place_cue(words, i, 2) || verb_object(words, i);
                if !cue {
                    return if t.actor.is_some() { Accept::Only(vec![]) } else { Accept::No };
                }
                if keys[0].starts_with("ال") {
                    // Without any country in the document, the name is the town unless a definite word
                    // follows it (في الميادين العامة، في الباب الخلفي).
                    return Accept::InContext(!definite_after(words, i + 1), None);
                }
            }
            return Accept::Yes;
        }
        // The object of a verb of striking or taking places stands as after a preposition
        // (قصفت الطائرات بيت حانون).
        let words_n = n.max(t.words);
        if place_cue(words, i, words_n) || (words_n >= 2 && verb_object(words, i)) {
            return located();
        }
        if dateline(words, i, n) && !common {
            return Accept::Yes;
        }
        // (The object of a verb of striking is no cue for a common word: قصفت القوات مدرسة، استهدفت
        // سوقا are a school and a market, not the villages of those names.)
        let cue = place_cue(words, i, 2) || listed || institution_before(words, i) || (!common && verb_object(words, i));
        if !common || cue {
            // A place that locates the name is a cue of its own (قصفت الدبابات بيت لاهيا شمال غزة), and
            // lets a common word after a preposition be read as the name (في صور جنوب لبنان).
            if let Some(near) = self.located_by(words, i + n, t) {
                return Accept::Only(near);
            }
        }
        if n == 1 && common && institution_before(words, i) {
            // سكان الخبر، تعليم ينبع: a common word after a place's institution is the place in a
            // document of its country.
            return Accept::InContext(false, None);
        }
        if n == 1 && common && cue {
            // A big city named by a common word (الزرقاء "the blue"): after a preposition it is the
            // city in a document of its country, or in one that names no country and where no
            // definite word follows it (في الزرقاء, not في الزرقاء الداكنة), unless SANAD has the
            // word's other forms half as often as it (الخمس "the five": خمس، خمسة). A preposition
            // word, or ب before the article (بالزرقاء; بكسل "lazily" is no Kassala).
            let c = WordStats::builtin().get(&keys[0]);
            let big: Vec<usize> = t.places.iter().copied().filter(|&p| big_city(&self.places[p])).collect();
            let prep = i.checked_sub(1).is_some_and(|k| PLACE_PREPS.contains(&words[k].key_without_conj()))
                || words[i].seg.prefixes.ends_with(&["ب", "ال"]);
            if !big.is_empty() && 2 * c.var < c.n && prep {
                return Accept::InContext(!definite_after(words, i + 1), Some(big));
            }
        }
        if n != 1 || common || !cue {
            return Accept::No;
        }
        let big: Vec<usize> = t.places.iter().copied().filter(|&p| large(&self.places[p])).collect();
        if big.is_empty() {
            Accept::InContext(false, None)
        } else {
            Accept::Only(big)
        }
    }

    /// Whether a person's name found at token `i` follows بن or ابن: it is then the father's name in
    /// another person's (فيصل بن سلمان بن عبدالعزيز is not King Salman).
    fn fathers_name(&self, words: &[Word], i: usize, t: &Target) -> bool {
        let person = t.actor.is_some_and(|a| self.actors[a].kind == ActorType::Person) && t.places.is_empty();
        person && i.checked_sub(1).is_some_and(|k| matches!(words[k].key.as_str(), "بن" | "ابن"))
    }

    /// Whether token `i` is a definite nisba of a state (القطرية، السورية، الإيرانيين) right after a
    /// definite word: that word's adjective (العاصمة القطرية "the Qatari capital", الحكومة
    /// السورية), not a village of the same name.
    fn state_adjective(&self, words: &[Word], i: usize) -> bool {
        crate::coref::definite_before(words, i) && self.state_nisba(&words[i].key)
    }

    /// Whether a definite masculine nisba of a state follows token `i` (الروسي، الكازاخي; not
    /// الروسية): a city takes the feminine, a club or a company named for it the masculine.
    fn masculine_nisba_after(&self, words: &[Word], i: usize) -> bool {
        words.get(i + 1).is_some_and(|w| {
            let k = w.key.as_str();
            k.strip_prefix("ال").is_some_and(|b| b.ends_with('ي') && nisba_base(b).is_some_and(|x| self.linker.demonyms.contains_key(x)))
        })
    }

    /// The mentions of [`Kb::link`] and more, where `places` are token ranges `[first, end)` that
    /// another reader (the NER model) took for place names and no mention covers: a name only
    /// the gazetteer knows that fills one exactly links without the place cue it otherwise needs
    /// (في مسقط, not only مدينة مسقط). Returns the mentions in text order.
    pub fn link_confirmed(&self, words: &[Word], mut mentions: Vec<Mention>, places: &[(usize, usize)]) -> Vec<Mention> {
        let before = mentions.len();
        let mut ambiguous: Vec<(usize, Vec<usize>)> = Vec::new();
        for &(a, b) in places {
            let Some((n, keys, t)) = self.best_at(words, a) else { continue };
            if a + n != b || !t.gazetteer_only(&self.places) || self.other_name(words, a, n, keys, t) {
                continue;
            }
            // A one-word name that is mostly a common word in news (دان "condemned", حرب) needs a
            // place cue even when the model read it as a place.
            if n == 1 && WordStats::builtin().common(&keys[0]) && !place_cue(words, a, 2) {
                continue;
            }
            // A curated place that locates the name picks its candidates, or rules them all out
            // (شقرة بمحافظة أبين is no Syrian Shaqra).
            let cands = self.locating(words, b, t).unwrap_or_else(|| t.places.clone());
            if cands.is_empty() {
                continue;
            }
            let span = Span::new(words[a].tok.span.start, words[b - 1].tok.span.end);
            mentions.push(Mention { first: a, end: b, span, actor: None, place: cands.first().copied(), kind: MentionKind::Name });
            if cands.len() > 1 {
                ambiguous.push((mentions.len() - 1, cands));
            }
        }
        if mentions.len() > before {
            self.disambiguate(&mut mentions, &ambiguous);
            mentions.sort_by_key(|m| m.first);
        }
        mentions
    }

    /// The longest name of the index that starts at token `i` (a weak alias only in quotes), with
    /// its length in tokens.
    pub(crate) fn best_at<'k>(&'k self, words: &[Word], i: usize) -> Option<(usize, &'k [String], &'k Target)> {
        self.best_at_listed(words, i, false)
    }

    /// [`Kb::best_at`]; `listed`: the word follows a linked place and begins with و, which is then
    /// read as "and" when that gives a name as long (في الدمام وجدة: Jeddah, not Oujda).
    fn best_at_listed<'k>(&'k self, words: &[Word], i: usize, listed: bool) -> Option<(usize, &'k [String], &'k Target)> {
        let mut best: Option<(usize, &'k [String], &'k Target)> = None;
        let (key, wc) = (words[i].key.as_str(), words[i].key_without_conj());
        let mut from_key = false;
        for form in first_forms(&words[i]) {
            let Some(cands) = self.linker.by_first.get(form.as_ref()) else { continue };
            let and = listed && wc != key && form.as_ref() == wc;
            for (keys, target) in cands {
                let n = keys.len();
                if best.is_some_and(|(len, _, _)| len > n || (len == n && !(and && from_key))) || i + n > words.len() {
                    continue;
                }
                if !keys[1..].iter().zip(&words[i + 1..i + n]).all(|(k, w)| *k == w.key) {
                    continue;
                }
                if target.weak && !(is_open_quote(i.checked_sub(1).and_then(|p| words.get(p))) || is_close_quote(words.get(i + n))) {
                    continue;
                }
                best = Some((n, keys, target));
                from_key = form.as_ref() == key;
            }
        }
        best
    }

    /// Resolves names with several candidate places by [`Kb::place_score`] in the document's
    /// context: the centre and the countries of its unambiguous places, and the countries of the
    /// actors it names (اللبناني، الجيش الليبي). A tie keeps the candidate listed first.
    fn disambiguate(&self, mentions: &mut [Mention], ambiguous: &[(usize, Vec<usize>)]) {
        if ambiguous.is_empty() {
            return;
        }
        let mut unsure = vec![false; mentions.len()];
        for (a, _) in ambiguous {
            unsure[*a] = true;
        }
        let cx = self.context(mentions, &unsure);
        for (k, cands) in ambiguous {
            let mut best: Option<(usize, f64)> = None;
            for &p in cands {
                let score = self.place_score(p, &cx);
                if best.is_none_or(|(_, b)| score > b) {
                    best = Some((p, score));
                }
            }
            mentions[*k].place = best.map(|(p, _)| p);
        }
    }

    /// The document's context: the centre and countries of the places of `mentions` not marked
    /// `unsure`, and the countries of the actors they name (اللبناني، الجيش الليبي).
    fn context(&self, mentions: &[Mention], unsure: &[bool]) -> PlaceContext<'_> {
        let anchors: Vec<&Place> =
            mentions.iter().zip(unsure).filter(|(_, u)| !**u).filter_map(|(m, _)| m.place.map(|p| &self.places[p])).collect();
        let centre = (!anchors.is_empty()).then(|| {
            let n = anchors.len() as f64;
            (anchors.iter().map(|a| a.lat).sum::<f64>() / n, anchors.iter().map(|a| a.lon).sum::<f64>() / n)
        });
        let mut countries: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let named = anchors
            .iter()
            .map(|a| a.country.as_str())
            .chain(mentions.iter().filter_map(|m| m.actor).filter_map(|a| self.country_of(&self.actors[a].id)));
        let mut total = 0;
        for c in named {
            *countries.entry(c).or_default() += 1;
            total += 1;
        }
        PlaceContext { centre, countries, total }
    }

    /// The disambiguation score of a candidate place, highest best: what is known of the place (a
    /// national capital 0.5, a city or town 0.1, log10(population) / 10), then the document: the
    /// share of its places and actors that are of the place's country (0 to 1), and 2 / (1 + km /
    /// 200) by the distance to the centre of its unambiguous places (so a near document outweighs
    /// a capital, a far one does not). A curated place adds 3 (curated and built candidates never
    /// meet: a curated place owns its names).
    pub fn place_score(&self, p: usize, cx: &PlaceContext) -> f64 {
        let pl = &self.places[p];
        let kind = match pl.feature.as_str() {
            "capital" => 0.5,
            "city" | "town" => 0.1,
            _ => 0.0,
        };
        let pop = pl.population.map_or(0.0, |x| (x.max(1) as f64).log10() / 10.0);
        let country = cx.countries.get(pl.country.as_str()).copied().unwrap_or(0) as f64 / cx.total.max(1) as f64;
        let near = cx.centre.map_or(0.0, |c| 2.0 / (1.0 + distance_km(c, (pl.lat, pl.lon)) / 200.0));
        let curated = if pl.curated { 3.0 } else { 0.0 };
        curated + kind + pop + country + near
    }

    /// Every actor and place a name may stand for, best first: (actor or place index, score).
    pub fn lookup(&self, words: &[Word]) -> Vec<(Option<usize>, Option<usize>, f64)> {
        let idx = &self.linker;
        let mut out = Vec::new();
        let Some(w) = words.first() else { return out };
        for form in first_forms(w) {
            for (keys, target) in idx.by_first.get(form.as_ref()).into_iter().flatten() {
                if keys.len() != words.len() || !keys[1..].iter().zip(&words[1..]).all(|(k, w)| *k == w.key) {
                    continue;
                }
                if let Some(a) = target.actor {
                    out.push((Some(a), None, 3.0));
                }
                for &p in &target.places {
                    out.push((None, Some(p), self.place_score(p, &PlaceContext::default())));
                }
            }
        }
        if out.is_empty() && words.len() == 1 {
            if let Some(&a) = nisba_base(w.seg.base_key()).and_then(|b| idx.demonyms.get(b)) {
                out.push((Some(a), None, 2.0));
            }
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|x| seen.insert((x.0, x.1)));
        out.sort_by(|a, b| b.2.total_cmp(&a.2));
        out
    }
}

/// What [`Kb::link`] makes of a name found in the text.
enum Accept {
    /// A mention, with all the name's candidates.
    Yes,
    /// A mention, with only these candidates (the large places of a name after a preposition).
    Only(Vec<usize>),
    /// A place if the document's context is of one of the candidates' countries (the actor of the
    /// name, if any, either way); with true, also when the document names no country at all. The
    /// candidates are these when given, else all the name's.
    InContext(bool, Option<Vec<usize>>),
    /// Not a mention.
    No,
}

/// The match key of محافظة.
const GOVERNORATE: &str = "محافظه";
/// The match keys of its dual and plural, which head a list of governorates.
const GOVERNORATE_LISTS: &[&str] = &["محافظتي", "محافظات"];

/// Population from which a built-gazetteer place is large enough to be meant by its bare name.
const LARGE_POPULATION: u64 = 20_000;

/// A place a bare name after a preposition may mean: 20,000 people or more, a national capital, a
/// city (GeoNames' and OCHA's largest class) or a governorate or district.
fn large(p: &Place) -> bool {
    p.population.is_some_and(|n| n >= LARGE_POPULATION) || matches!(p.feature.as_str(), "capital" | "city" | "governorate" | "district")
}

/// Population from which a city named by a common word is meant by it after a preposition.
const BIG_CITY_POPULATION: u64 = 200_000;

/// A city or capital of [`BIG_CITY_POPULATION`] people or more (Zarqa, Jordan).
fn big_city(p: &Place) -> bool {
    p.population.is_some_and(|n| n >= BIG_CITY_POPULATION) && matches!(p.feature.as_str(), "capital" | "city" | "town")
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;

/// True when the word at `i`, spelled as a country's name in يا (سوريا، ليبيا، تركيا، روسيا), is
/// the accusative of its nisba: the word carries the tanween (سورياً، سوريًا), or the word before it
/// does (مدنياً سوريا). Unvocalized text stays a name (قصفوا سوريا).
fn accusative_nisba(words: &[Word], i: usize) -> bool {
    const TANWEEN: char = '\u{64B}';
    let w = &words[i];
    w.key_without_conj().ends_with("يا")
        && (w.tok.text.contains(TANWEEN)
            || i.checked_sub(1).is_some_and(|k| words[k].tok.kind == TokenKind::Arabic && words[k].tok.text.contains(TANWEEN)))
}
