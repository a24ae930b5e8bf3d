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

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::normalize::{match_key, normalize_char, Mapped};

/// The parts of one word. Affixes and stem are in segmentation form (diacritics and tatweel
/// removed, alef and hamza seats unified, ة kept); `key` is the stem's match key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmentation {
    /// Proclitics in order (و، ف، ب، ك، ل، س، ال).
    pub prefixes: Vec<&'static str>,
    /// The stem.
    pub stem: String,
    /// Suffixes in order (light suffix, then pronoun).
    pub suffixes: Vec<&'static str>,
    /// Match key of the stem: the lookup key for lexicons.
    pub key: String,
}

impl Segmentation {
    /// True when the word carries the definite article.
    pub fn definite(&self) -> bool {
        self.prefixes.contains(&"ال")
    }
    /// True when the word carries the future prefix س.
    pub fn future(&self) -> bool {
        self.prefixes.contains(&"س")
    }
    /// Match key of the word without its proclitics (stem plus suffixes).
    pub fn base_key(&self) -> String {
        let mut s = self.stem.clone();
        for x in &self.suffixes {
            s.push_str(x);
        }
        match_key(&s)
    }
    /// The segmentation written as `p+p+STEM+s`, e.g. `و+ال+عراقي+ين`.
    pub fn display(&self) -> String {
        let mut parts: Vec<&str> = self.prefixes.clone();
        parts.push(&self.stem);
        parts.extend(self.suffixes.iter().copied());
        parts.join("+")
    }
}

const LIGHT_SUFFIXES: &[&str] = &["ات", "ون", "ين", "ان", "ية", "ي"];
const PRONOUNS: &[&str] = &["هما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك"];

/// The segmentation form of a word: the match key, except that ة stays ة (it is not the pronoun ه).
pub fn seg_form(word: &str) -> String {
    word.chars()
        .filter_map(|c| match c {
            'ة' => Some('ة'),
            _ => match normalize_char(c) {
                Mapped::Char(m) => Some(m),
                Mapped::Drop => None,
            },
        })
        .collect()
}

/// A segmenter with a lexicon of known words.
#[derive(Debug, Clone)]
pub struct Segmenter {
    known: HashSet<String>,
}

static BUILTIN_LEXICON: &str = include_str!("../data/lexicon.txt");

static DEFAULT: LazyLock<Segmenter> = LazyLock::new(|| Segmenter::new(std::iter::empty::<String>()));

/// Segments `word` with the built-in lexicon only.
pub fn segment(word: &str) -> Segmentation {
    DEFAULT.segment(word)
}

struct Cand {
    prefixes: Vec<&'static str>,
    stem: String,
    suffixes: Vec<&'static str>,
    known: bool,
    stripped: usize,
    suffix_len: usize,
}

impl Segmenter {
    /// A segmenter knowing the built-in lexicon plus `extra` words (any form; match keys are taken).
    pub fn new<S: AsRef<str>>(extra: impl IntoIterator<Item = S>) -> Self {
        let known: HashSet<String> =
            BUILTIN_LEXICON.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(match_key).collect();
        let mut s = Segmenter { known };
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
    }

    /// True when `word`'s match key is a known word.
    pub fn is_known(&self, word: &str) -> bool {
        self.known.contains(&match_key(word))
    }

    fn known_key(&self, form: &str) -> bool {
        self.known.contains(&match_key(form))
    }

    /// Segments one word.
    pub fn segment(&self, word: &str) -> Segmentation {
        let form = seg_form(word);
        let chars: Vec<char> = form.chars().collect();
        let arabic = chars.iter().any(|c| crate::is_arabic_letter(*c));
        if !arabic || chars.len() < 3 || self.known_key(&form) {
            return Segmentation { prefixes: vec![], key: match_key(&form), stem: form, suffixes: vec![] };
        }
        let mut best: Option<Cand> = None;
        for (prefixes, plen) in prefix_splits(&chars) {
            let rest = &chars[plen..];
            let has_article = prefixes.last() == Some(&"ال");
            let min_stem = if has_article { 2 } else { 3 };
            if rest.len() < 2 || (rest.len() < min_stem.min(3) && prefixes.is_empty()) {
                continue;
            }
            // A bare preposition needs four letters after it, and any clitic three, unless what
            // follows is a known word (بحلب، بشن).
            let needs_known =
                rest.len() < min_stem.min(3) || (prefixes.last().is_some_and(|p| matches!(*p, "ب" | "ك" | "ل")) && rest.len() < 4);
            let future = prefixes.contains(&"س");
            for (suffixes, slen) in suffix_splits(rest, min_stem) {
                // Second-person objects on future verbs are rare in news; ك there ends the verb (تشارك).
                if future && suffixes.iter().any(|s| s.starts_with('ك')) {
                    continue;
                }
                let stem: String = rest[..rest.len() - slen].iter().collect();
                // The whole remainder being known also counts (a known word with a suffix-like ending).
                let remainder_known = slen > 0 && self.known_key(&rest.iter().collect::<String>());
                if remainder_known {
                    continue;
                }
                let known = self.known_key(&stem);
                if needs_known && !known {
                    continue;
                }
                let cand = Cand { prefixes: prefixes.clone(), stem, suffixes, known, stripped: plen + slen, suffix_len: slen };
                best = Some(match best {
                    None => cand,
                    Some(b) => {
                        if better(&cand, &b) {
                            cand
                        } else {
                            b
                        }
                    }
                });
            }
        }
        match best {
            Some(c) => Segmentation { key: match_key(&c.stem), prefixes: c.prefixes, stem: c.stem, suffixes: c.suffixes },
            None => Segmentation { prefixes: vec![], key: match_key(&form), stem: form, suffixes: vec![] },
        }
    }
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

fn starts_with(chars: &[char], s: &str) -> bool {
    let mut it = chars.iter();
    s.chars().all(|c| it.next() == Some(&c))
}

/// Legal proclitic sequences at the start of `chars`, with the number of letters they take.
fn prefix_splits(chars: &[char]) -> Vec<(Vec<&'static str>, usize)> {
    let mut out = vec![(vec![], 0)];
    let conjs: &[(&'static str, usize)] = &[("", 0), ("و", 1), ("ف", 1)];
    for &(conj, cl) in conjs {
        if !starts_with(chars, conj) {
            continue;
        }
        let base: Vec<&'static str> = if conj.is_empty() { vec![] } else { vec![conj] };
        let rest = &chars[cl..];
        if cl > 0 && rest.len() >= 3 {
            out.push((base.clone(), cl));
        }
        // Article directly.
        if starts_with(rest, "ال") && rest.len() >= 4 {
            let mut p = base.clone();
            p.push("ال");
            out.push((p, cl + 2));
        }
        // لل = ل + ال.
        if starts_with(rest, "لل") && rest.len() >= 4 {
            let mut p = base.clone();
            p.extend(["ل", "ال"]);
            out.push((p, cl + 2));
        }
        for prep in ["ب", "ك", "ل"] {
            if !starts_with(rest, prep) {
                continue;
            }
            let after = &rest[1..];
            if starts_with(after, "ال") && after.len() >= 4 {
                let mut p = base.clone();
                p.extend([prep, "ال"]);
                out.push((p, cl + 3));
            } else if after.len() >= 2 {
                // Short remainders (بحلب) are kept only when the stem is known; see `segment`.
                let mut p = base.clone();
                p.push(prep);
                out.push((p, cl + 1));
            }
        }
        // Future س before an imperfect verb prefix; verbs do not end in ة, ات or nisba ي.
        if starts_with(rest, "س") && rest.len() >= 4 && matches!(rest[1], 'ي' | 'ت' | 'ن' | 'ا') {
            let last = rest[rest.len() - 1];
            let ends_nominal = last == 'ة' || last == 'ي' || rest.ends_with(&['ا', 'ت']);
            if !ends_nominal {
                let mut p = base.clone();
                p.push("س");
                out.push((p, cl + 1));
            }
        }
    }
    out
}

/// Legal suffix sequences at the end of `rest`, keeping at least `min_stem` letters.
fn suffix_splits(rest: &[char], min_stem: usize) -> Vec<(Vec<&'static str>, usize)> {
    let mut out = vec![(vec![], 0)];
    let min_stem = min_stem.max(3);
    let ends = |chars: &[char], s: &str| {
        let n = s.chars().count();
        chars.len() >= n && chars[chars.len() - n..].iter().copied().eq(s.chars())
    };
    for light in LIGHT_SUFFIXES {
        let n = light.chars().count();
        let need = if *light == "ان" { 4 } else { min_stem };
        if ends(rest, light) && rest.len() >= n + need {
            out.push((vec![*light], n));
        }
    }
    for pron in PRONOUNS {
        let n = pron.chars().count();
        if !ends(rest, pron) || rest.len() < n + min_stem {
            continue;
        }
        out.push((vec![*pron], n));
        // ات + pronoun (قواتهم).
        let inner = &rest[..rest.len() - n];
        if ends(inner, "ات") && inner.len() >= 2 + min_stem {
            out.push((vec!["ات", *pron], n + 2));
        }
    }
    out
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
    fn future_prefix() {
        assert!(segment("سيقوم").future());
        assert!(!segment("سيارة").future());
    }
}
