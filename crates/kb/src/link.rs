//! The linker: finds catalogue and gazetteer names in analyzed text, robust to clitics
//! (لسوريا، بدمشق، والعراقيين، لـ«الجريدة»), spelling variants (match keys), multiword names and
//! nisba adjectives (إيراني، الإيرانيين، الروسية → the country).
//!
//! Matching is longest-first over token match keys. The first token of a name may carry
//! proclitics: it matches when the text token's key, its key without و/ف, its stem with
//! suffixes, or ال + that (when the token is definite) equals the name's first key. Later
//! tokens must match exactly. A mention that matches nothing stays unlinked.

use rasad_text::{Span, TokenKind, Word};

use crate::catalogue::Place;
use crate::index::{nisba_base, Target, PLACE_NOUNS, PLACE_PREPS};
use crate::kb::Kb;

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
fn first_forms<'w>(w: &'w Word) -> impl Iterator<Item = std::borrow::Cow<'w, str>> {
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
        (clitics && base != key && base != wc).then_some(Cow::Borrowed(base)),
    ]
    .into_iter()
    .flatten()
}

fn is_open_quote(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "«" | "“" | "\"" | "'" | "‘" | "„"))
}

fn is_close_quote(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "»" | "”" | "\"" | "'" | "’"))
}

impl Kb {
    /// Finds linked mentions in `words`, left to right, longest first, without overlaps.
    pub fn link(&self, words: &[Word]) -> Vec<Mention> {
        let idx = &self.linker;
        let mut out = Vec::new();
        let mut ambiguous: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            if w.tok.kind != TokenKind::Arabic && w.tok.kind != TokenKind::Latin {
                i += 1;
                continue;
            }
            let linkable = |n: usize, t: &Target| (!t.gazetteer_only(&self.places) || place_cue(words, i, n)) && !idiom(words, i, n);
            if let Some((n, t)) = self.best_at(words, i).filter(|(n, t)| linkable(*n, t)) {
                let span = Span::new(w.tok.span.start, words[i + n - 1].tok.span.end);
                out.push(Mention { first: i, end: i + n, span, actor: t.actor, place: t.places.first().copied(), kind: MentionKind::Name });
                if t.places.len() > 1 {
                    ambiguous.push((out.len() - 1, t.places.clone()));
                }
                i += n;
                continue;
            }
            if w.tok.kind == TokenKind::Arabic {
                // A name word the segmenter keeps whole still shows its article (السوداني).
                let base = w.seg.base_key();
                let base = base.strip_prefix("ال").filter(|_| w.seg.prefixes.is_empty()).unwrap_or(base);
                if let Some(&a) = nisba_base(base).and_then(|b| idx.demonyms.get(b)) {
                    out.push(Mention { first: i, end: i + 1, span: w.tok.span, actor: Some(a), place: None, kind: MentionKind::Demonym });
                }
            }
            i += 1;
        }
        self.disambiguate(&mut out, &ambiguous);
        out
    }

    /// The mentions of [`Kb::link`] and more, where `places` are token ranges `[first, end)` that
    /// another reader (the NER model) took for place names and no mention covers: a name only
    /// the gazetteer knows that fills one exactly links without the place cue it otherwise needs
    /// (في مسقط, not only مدينة مسقط). Returns the mentions in text order.
    pub fn link_confirmed(&self, words: &[Word], mut mentions: Vec<Mention>, places: &[(usize, usize)]) -> Vec<Mention> {
        let before = mentions.len();
        let mut ambiguous: Vec<(usize, Vec<usize>)> = Vec::new();
        for &(a, b) in places {
            let Some((n, t)) = self.best_at(words, a) else { continue };
            if a + n != b || !t.gazetteer_only(&self.places) || idiom(words, a, n) {
                continue;
            }
            let span = Span::new(words[a].tok.span.start, words[b - 1].tok.span.end);
            mentions.push(Mention { first: a, end: b, span, actor: None, place: t.places.first().copied(), kind: MentionKind::Name });
            if t.places.len() > 1 {
                ambiguous.push((mentions.len() - 1, t.places.clone()));
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
    fn best_at<'k>(&'k self, words: &[Word], i: usize) -> Option<(usize, &'k Target)> {
        let mut best: Option<(usize, &Target)> = None;
        for form in first_forms(&words[i]) {
            let Some(cands) = self.linker.by_first.get(form.as_ref()) else { continue };
            for (keys, target) in cands {
                let n = keys.len();
                if best.is_some_and(|(len, _)| len >= n) || i + n > words.len() {
                    continue;
                }
                if !keys[1..].iter().zip(&words[i + 1..i + n]).all(|(k, w)| *k == w.key) {
                    continue;
                }
                if target.weak && !(is_open_quote(i.checked_sub(1).and_then(|p| words.get(p))) || is_close_quote(words.get(i + n))) {
                    continue;
                }
                best = Some((n, target));
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
        let sure = |k: usize| !unsure[k];
        let anchors: Vec<&Place> =
            mentions.iter().enumerate().filter(|(k, _)| sure(*k)).filter_map(|(_, m)| m.place.map(|p| &self.places[p])).collect();
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
        let cx = PlaceContext { centre, countries, total };
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

/// A one-word place name followed by رأس (head) is the noun of "مسقط رأسه" (birthplace), not Muscat.
fn idiom(words: &[Word], i: usize, n: usize) -> bool {
    n == 1 && words.get(i + 1).is_some_and(|w| w.seg.key == "راس")
}

/// A built-gazetteer name needs a cue: a place noun before it (قرية، بلدة، مدينة، ريف …), or, for
/// a name of two words or more, a locative preposition or a ب clitic.
fn place_cue(words: &[Word], i: usize, n: usize) -> bool {
    let prev = i.checked_sub(1).map(|k| words[k].key_without_conj()).unwrap_or("");
    let prev = prev.strip_prefix('ب').filter(|r| PLACE_NOUNS.contains(r)).unwrap_or(prev);
    if PLACE_NOUNS.contains(&prev) {
        return true;
    }
    n >= 2 && (PLACE_PREPS.contains(&prev) || words[i].seg.prefixes.contains(&"ب"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_text::{analyze, tokenize, Segmenter};

    fn linked(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let kb = Kb::builtin();
        let seg = Segmenter::new(kb.name_words());
        let toks = tokenize(text);
        let words = analyze(&toks, &seg);
        kb.link(&words)
            .into_iter()
            .map(|m| {
                (rasad_text::char_slice(text, m.span), m.actor.map(|a| kb.actors[a].id.clone()), m.place.map(|p| kb.places[p].id.clone()))
            })
            .collect()
    }

    #[test]
    fn clitics_and_definiteness() {
        let l = linked("وصلوا لسوريا وبدمشق والعراق");
        assert_eq!(l[0], ("لسوريا".into(), Some("SYR".into()), Some("C-SYR".into())));
        assert_eq!(l[1].2.as_deref(), Some("P-DAMASCUS"));
        assert_eq!(l[2].1.as_deref(), Some("IRQ"));
    }

    #[test]
    fn demonyms_link_to_countries() {
        let l = linked("مقاتلون إيرانيون والعراقيين والقوات الروسية");
        assert_eq!(l[0].1.as_deref(), Some("IRN"));
        assert_eq!(l[1].1.as_deref(), Some("IRQ"));
        assert_eq!(l[2], ("والقوات الروسية".into(), Some("RUS-MIL".into()), None));
    }

    #[test]
    fn multiword_names_win_over_their_parts() {
        let l = linked("قال الحرس الثوري الإيراني إن فيلق القدس");
        assert_eq!(l[0].1.as_deref(), Some("IRN-IRGC"));
        assert_eq!(l[1].1.as_deref(), Some("IRN-QF"));
    }

    #[test]
    fn names_after_lil_still_link() {
        // "القوة الجوفضائية للحرس الثوري" is an alias; its word للحرس must not stop للحرس الثوري from splitting.
        let l = linked("قتل قائد في للحرس الثوري الإيراني أمس");
        assert!(l.iter().any(|x| x.1.as_deref() == Some("IRN-IRGC")), "{l:?}");
    }

    #[test]
    fn weak_aliases_need_quotes() {
        assert!(linked("دفاعا عن الوطن").is_empty());
        let l = linked("قال لـ«الجريدة» إن");
        assert_eq!(l[0].1.as_deref(), Some("ALJARIDA"));
    }

    #[test]
    fn unknown_mentions_stay_unlinked() {
        assert!(linked("وصل الوفد إلى المدينة").is_empty());
    }
}
