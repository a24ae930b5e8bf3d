//! Clitic segmentation and light stemming.
//!
//! A word is read as `[conj] [prep | future-s] [article] STEM [light suffix] [pronoun]` with
//! conj ∈ {و ف}, prep ∈ {ب ك ل}, article ال (ل + ال is written لل), light suffixes
//! {ات ون ين ان ية ي} and enclitic pronouns {ه ها هم هما هن ك كم كن نا ني}.
//!
//! Every legal split is a candidate. A candidate whose stem (or the whole remainder) is a known
//! word wins: the lexicon in `data/lexicon.txt` lists words that merely look clitic-prefixed or
//! -suffixed (وصل، لبنان، فصائل، إعلان), and callers add their own (actor and place names).
//! Without a known stem, the longest split under length limits wins (light stemming): a
//! preposition needs 4 letters after it unless the article follows, a stem keeps 3 letters
//! (2 after the article), and ان needs a 4-letter stem because so many nouns end in it.
//!
//! Speed: the clitic combinations are static tables; a candidate stem is a byte range of the
//! word's segmentation form, and its match key is the same byte range of the word's match key
//! (the two forms differ only in ة/ه, both two bytes), so lookups allocate nothing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::normalize::{match_key, normalize_char, Mapped};

/// The parts of one word. Affixes and stem are in segmentation form (diacritics and tatweel
/// removed, alef and hamza seats unified, ة kept); `key` is the stem's match key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmentation {
    /// Proclitics in order (و، ف، ب، ك، ل، س، ال).
    pub prefixes: &'static [&'static str],
    /// The stem.
    pub stem: String,
    /// Suffixes in order (light suffix, then pronoun).
    pub suffixes: &'static [&'static str],
    /// Match key of the stem: the lookup key for lexicons.
    pub key: String,
    /// Match key of the word without its proclitics (stem plus suffixes).
    pub base: String,
}

impl Segmentation {
    /// A word with no affixes.
    pub fn whole(form: String, key: String) -> Self {
        Segmentation { prefixes: &[], stem: form, suffixes: &[], base: key.clone(), key }
    }
    /// True when the word carries the definite article.
    pub fn definite(&self) -> bool {
        self.prefixes.contains(&"ال")
    }
    /// True when the word carries the future prefix س.
    pub fn future(&self) -> bool {
        self.prefixes.contains(&"س")
    }
    /// Match key of the word without its proclitics (stem plus suffixes).
    pub fn base_key(&self) -> &str {
        &self.base
    }
    /// The segmentation written as `p+p+STEM+s`, e.g. `و+ال+عراقي+ين`.
    pub fn display(&self) -> String {
        let mut parts: Vec<&str> = self.prefixes.to_vec();
        parts.push(&self.stem);
        parts.extend(self.suffixes.iter().copied());
        parts.join("+")
    }
}

/// The segmentation form of a word: the match key, except that ة stays ة (it is not the pronoun ه).
pub fn seg_form(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut push = |c: char| match c {
        'ة' => out.push('ة'),
        _ => {
            if let Mapped::Char(m) = normalize_char(c) {
                out.push(m)
            }
        }
    };
    for c in word.chars() {
        // A presentation form is the letters it shows (ﺔ is ة).
        if crate::normalize::is_presentation_form(c) {
            unicode_normalization::char::decompose_compatible(c, &mut push);
        } else {
            push(c);
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pk {
    None,
    Conj,
    Article,
    Prep,
    Future,
}

/// A proclitic combination: its parts, its surface in segmentation form, and its kind.
struct Prefix {
    parts: &'static [&'static str],
    surface: &'static str,
    kind: Pk,
}

macro_rules! px {
    ($kind:expr, $surface:expr, [$($p:expr),*]) => {
        Prefix { parts: &[$($p),*], surface: $surface, kind: $kind }
    };
}

static PREFIXES: &[Prefix] = &[
    px!(Pk::None, "", []),
    px!(Pk::Conj, "و", ["و"]),
    px!(Pk::Conj, "ف", ["ف"]),
    px!(Pk::Article, "ال", ["ال"]),
    px!(Pk::Article, "وال", ["و", "ال"]),
    px!(Pk::Article, "فال", ["ف", "ال"]),
    px!(Pk::Article, "لل", ["ل", "ال"]),
    px!(Pk::Article, "ولل", ["و", "ل", "ال"]),
    px!(Pk::Article, "فلل", ["ف", "ل", "ال"]),
    px!(Pk::Article, "بال", ["ب", "ال"]),
    px!(Pk::Article, "كال", ["ك", "ال"]),
    px!(Pk::Article, "وبال", ["و", "ب", "ال"]),
    px!(Pk::Article, "وكال", ["و", "ك", "ال"]),
    px!(Pk::Article, "فبال", ["ف", "ب", "ال"]),
    px!(Pk::Article, "فكال", ["ف", "ك", "ال"]),
    px!(Pk::Prep, "ب", ["ب"]),
    px!(Pk::Prep, "ك", ["ك"]),
    px!(Pk::Prep, "ل", ["ل"]),
    px!(Pk::Prep, "وب", ["و", "ب"]),
    px!(Pk::Prep, "وك", ["و", "ك"]),
    px!(Pk::Prep, "ول", ["و", "ل"]),
    px!(Pk::Prep, "فب", ["ف", "ب"]),
    px!(Pk::Prep, "فك", ["ف", "ك"]),
    px!(Pk::Prep, "فل", ["ف", "ل"]),
    px!(Pk::Future, "س", ["س"]),
    px!(Pk::Future, "وس", ["و", "س"]),
    px!(Pk::Future, "فس", ["ف", "س"]),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sk {
    None,
    Light,
    Pronoun,
    PluralPronoun,
}

struct Suffix {
    parts: &'static [&'static str],
    surface: &'static str,
    kind: Sk,
}

macro_rules! sx {
    ($kind:expr, $surface:expr, [$($p:expr),*]) => {
        Suffix { parts: &[$($p),*], surface: $surface, kind: $kind }
    };
}

static SUFFIXES: &[Suffix] = &[
    sx!(Sk::None, "", []),
    sx!(Sk::Light, "ات", ["ات"]),
    sx!(Sk::Light, "ون", ["ون"]),
    sx!(Sk::Light, "ين", ["ين"]),
    sx!(Sk::Light, "ان", ["ان"]),
    sx!(Sk::Light, "ية", ["ية"]),
    sx!(Sk::Light, "ي", ["ي"]),
    sx!(Sk::Pronoun, "هما", ["هما"]),
    sx!(Sk::Pronoun, "هم", ["هم"]),
    sx!(Sk::Pronoun, "هن", ["هن"]),
    sx!(Sk::Pronoun, "ها", ["ها"]),
    sx!(Sk::Pronoun, "كم", ["كم"]),
    sx!(Sk::Pronoun, "كن", ["كن"]),
    sx!(Sk::Pronoun, "نا", ["نا"]),
    sx!(Sk::Pronoun, "ني", ["ني"]),
    sx!(Sk::Pronoun, "ه", ["ه"]),
    sx!(Sk::Pronoun, "ك", ["ك"]),
    sx!(Sk::PluralPronoun, "اتهما", ["ات", "هما"]),
    sx!(Sk::PluralPronoun, "اتهم", ["ات", "هم"]),
    sx!(Sk::PluralPronoun, "اتهن", ["ات", "هن"]),
    sx!(Sk::PluralPronoun, "اتها", ["ات", "ها"]),
    sx!(Sk::PluralPronoun, "اتكم", ["ات", "كم"]),
    sx!(Sk::PluralPronoun, "اتنا", ["ات", "نا"]),
    sx!(Sk::PluralPronoun, "اته", ["ات", "ه"]),
    sx!(Sk::PluralPronoun, "اتك", ["ات", "ك"]),
];

/// A segmenter with a lexicon of known words.
#[derive(Debug, Clone)]
pub struct Segmenter {
    known: FxHashSet<String>,
    id: u64,
}

static BUILTIN_LEXICON: &str = include_str!("../data/lexicon.txt");

static DEFAULT: LazyLock<Segmenter> = LazyLock::new(|| Segmenter::new(std::iter::empty::<String>()));

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Segments `word` with the built-in lexicon only.
pub fn segment(word: &str) -> Segmentation {
    DEFAULT.segment(word)
}

struct Cand {
    prefix: usize,
    suffix: usize,
    known: bool,
    stripped: usize,
    suffix_len: usize,
}

fn better(a: &Cand, b: &Cand) -> bool {
    match (a.known, b.known) {
        (true, false) => true,
        (false, true) => false,
        // Among known stems the least stripping is the safest reading; among unknown, the most.
        // Ties go to the reading that strips less at the end: proclitics are the surer call.
        (true, true) => (a.stripped, a.suffix_len) < (b.stripped, b.suffix_len),
        (false, false) => a.stripped > b.stripped || (a.stripped == b.stripped && a.suffix_len < b.suffix_len),
    }
}

impl Segmenter {
    /// A segmenter knowing the built-in lexicon plus `extra` words (any form; match keys are taken).
    pub fn new<S: AsRef<str>>(extra: impl IntoIterator<Item = S>) -> Self {
        let known: FxHashSet<String> =
            BUILTIN_LEXICON.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(match_key).collect();
        let mut s = Segmenter { known, id: NEXT_ID.fetch_add(1, Ordering::Relaxed) };
        s.extend(extra);
        s
    }

    /// Adds known words. A definite word (العراقي) is added without its article, so that the
    /// article is still split off (و+ال+عراقي+ين, not و+العراقي+ين).
    pub fn extend<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        for w in words {
            let k = match_key(w.as_ref());
            let k = match k.strip_prefix("ال") {
                Some(rest) if rest.chars().count() >= 3 => rest.to_string(),
                _ => k,
            };
            if !k.is_empty() {
                self.known.insert(k);
            }
        }
        // Memoized results may be stale now.
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    }

    /// True when `word`'s match key is a known word.
    pub fn is_known(&self, word: &str) -> bool {
        self.known.contains(&match_key(word))
    }

    /// Identifies this segmenter and its lexicon (it changes when words are added), for memos.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Segments one word. ([`crate::analyze`] memoizes whole-token analyses.)
    pub fn segment(&self, word: &str) -> Segmentation {
        self.segment_uncached(word)
    }

    /// Segments one word.
    pub fn segment_uncached(&self, word: &str) -> Segmentation {
        let form = seg_form(word);
        // The match key of the form: ة → ه, both two bytes, so byte ranges line up.
        let key = if form.contains('ة') { form.replace('ة', "ه") } else { form.clone() };
        let n_chars = form.chars().count();
        let arabic = form.chars().any(crate::is_arabic_letter);
        if !arabic || n_chars < 3 || self.known.contains(&key) {
            return Segmentation::whole(form, key);
        }
        let last = form.chars().next_back();
        let mut best: Option<Cand> = None;
        for (pi, p) in PREFIXES.iter().enumerate() {
            if !form.starts_with(p.surface) {
                continue;
            }
            let pb = p.surface.len();
            let pc = p.surface.chars().count();
            let rest_chars = n_chars - pc;
            let rest = &form[pb..];
            match p.kind {
                Pk::None => {}
                // A known word of two letters after و stays one (وشن مسلحون هجوما: شنّ); an
                // unknown one does not (ود، وحد).
                Pk::Conj if rest_chars < 2 || (rest_chars < 3 && !self.known.contains(&key[pb..])) => continue,
                Pk::Article if rest_chars < 2 => continue,
                Pk::Future => {
                    // Future س before an imperfect prefix; verbs do not end in ة, ات or nisba ي.
                    let second = rest.chars().next();
                    let nominal = last == Some('ة') || last == Some('ي') || form.ends_with("ات");
                    if rest_chars < 3 || !matches!(second, Some('ي' | 'ت' | 'ن' | 'ا')) || nominal {
                        continue;
                    }
                }
                _ => {}
            }
            // ل + ال is لل: the article must not be read again inside the stem.
            if p.kind == Pk::Prep && rest.starts_with("ال") && rest_chars >= 4 {
                continue;
            }
            let has_article = p.kind == Pk::Article;
            let min_stem = if has_article { 2 } else { 3 };
            if rest_chars < 2 || (rest_chars < min_stem.min(3) && p.kind == Pk::None) {
                continue;
            }
            // A bare preposition needs four letters after it, and any clitic three, unless what
            // follows is a known word (بحلب، بشن).
            let needs_known = rest_chars < min_stem.min(3) || (p.kind == Pk::Prep && rest_chars < 4);
            let future = p.kind == Pk::Future;
            for (si, sfx) in SUFFIXES.iter().enumerate() {
                if !rest.ends_with(sfx.surface) {
                    continue;
                }
                let sc = sfx.surface.chars().count();
                let min3 = min_stem.max(3);
                let ok = match sfx.kind {
                    Sk::None => true,
                    Sk::Light => rest_chars >= sc + if sfx.surface == "ان" { 4 } else { min3 },
                    Sk::Pronoun => rest_chars >= sc + min3,
                    Sk::PluralPronoun => rest_chars >= sc + min3,
                };
                // Second-person objects on future verbs are rare in news; ك there ends the verb (تشارك).
                if !ok || (future && sfx.parts.last().is_some_and(|x| x.starts_with('ك'))) {
                    continue;
                }
                let sb = sfx.surface.len();
                if sfx.kind != Sk::None && self.known.contains(&key[pb..]) {
                    // The whole remainder is known: a known word with a suffix-like ending.
                    continue;
                }
                // A known noun in ة keeps it as ت before a pronoun (وزارته: وزارة + ه, not و + زارته).
                let stem = &key[pb..key.len() - sb];
                let known = self.known.contains(stem)
                    || (matches!(sfx.kind, Sk::Pronoun | Sk::PluralPronoun)
                        && stem.strip_suffix('ت').is_some_and(|b| self.known.contains(&format!("{b}ه"))));
                if needs_known && !known {
                    continue;
                }
                let cand = Cand { prefix: pi, suffix: si, known, stripped: pc + sc, suffix_len: sc };
                if best.as_ref().is_none_or(|b| better(&cand, b)) {
                    best = Some(cand);
                }
            }
        }
        match best {
            Some(c) => {
                let (p, s) = (&PREFIXES[c.prefix], &SUFFIXES[c.suffix]);
                let (pb, sb) = (p.surface.len(), s.surface.len());
                Segmentation {
                    prefixes: p.parts,
                    stem: form[pb..form.len() - sb].to_string(),
                    suffixes: s.parts,
                    key: key[pb..key.len() - sb].to_string(),
                    base: key[pb..].to_string(),
                }
            }
            None => Segmentation::whole(form, key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_examples() {
        assert_eq!(segment("لسوريا").display(), "ل+سوريا");
        assert_eq!(segment("والعراقيين").display(), "و+ال+عراقي+ين");
        assert_eq!(segment("بدمشق").display(), "ب+دمشق");
    }

    #[test]
    fn known_words_are_not_split() {
        assert_eq!(segment("وصل").display(), "وصل");
        assert_eq!(segment("لبنان").display(), "لبنان");
        assert_eq!(segment("فصائل").display(), seg_form("فصائل"));
        assert_eq!(segment("وفصائل").display(), seg_form("و+فصائل"));
    }

    #[test]
    fn extra_words_protect_names() {
        let s = Segmenter::new(["لافروف"]);
        assert_eq!(s.segment("لافروف").display(), "لافروف");
        assert_eq!(s.segment("ولافروف").display(), "و+لافروف");
    }

    #[test]
    fn key_is_match_key_of_stem() {
        let s = segment("بالإيرانية");
        assert_eq!(s.prefixes, vec!["ب", "ال"]);
        assert_eq!(s.key, "ايران");
        assert!(s.definite());
    }

    #[test]
    fn short_known_stems_after_clitics() {
        let s = Segmenter::new(["شن"]);
        assert_eq!(s.segment("بشن").display(), "ب+شن");
        assert_eq!(s.segment("بلد").display(), "بلد");
    }

    #[test]
    fn known_noun_in_ta_marbuta_before_a_pronoun() {
        assert_eq!(segment("وزارته").display(), "وزارت+ه");
        assert_eq!(segment("ووزارتها").display(), "و+وزارت+ها");
    }

    #[test]
    fn future_prefix() {
        assert!(segment("سيقوم").future());
        assert!(!segment("سيارة").future());
    }
}
