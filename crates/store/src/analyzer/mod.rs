//! The search analyzer: a text becomes the terms FTS5 indexes and matches, the same for documents
//! and queries.
//!
//! A word's term is its stem with clitics and light suffixes removed by Rasad's segmenter
//! (المقاتلين، لمقاتلي، بالمقاتلين → مقاتل), then folded for search:
//! - sound plurals, their case forms and the nisba: ون/ين go (لاجئين، لاجئون → لاجئ), ات becomes ة
//!   (الغارات → غاره, like غارة), the nisba's ي and its plurals and feminine go (الأمريكيين،
//!   الأمريكية، أمريكي → امريك; اتفاقيات، اتفاقية → اتفاق), whether or not the segmenter knows the
//!   word; `data/kept_endings.tsv` keeps the endings of words where they are not suffixes
//!   (فلسطين، قانون، عملية);
//! - broken plurals from a curated table (`data/broken_plurals.tsv`: الفصائل → فصيل، قتلى → قتيل);
//! - the tanween alif of an indefinite accusative (مقاتلا → مقاتل، لاجئا → لاجئ), except on the
//!   words of `data/kept_endings.tsv` (درعا stays apart from درع);
//! - hamza carriers: the match key already seats ؤ and ئ on one hamza (مسئول، مسؤول); a hamza
//!   written after a ya (لاجيء، شيئ) meets it too;
//! - spelling variants from a curated table (`data/variants.tsv`: الأميركية → امريك like
//!   الأمريكية; كيماوي → كيمياء like كيميائي).
//!
//! FTS5 indexes Rasad's terms, not its unicode61 tokens (which split Arabic words at diacritics).
//! Story headlines ([`crate::headline`]) read [`base_terms`], the stems before the search folds,
//! so story clustering does not move with the search tables.

mod tables;

pub use tables::{broken_plural, keeps_ending, variant};

use rasad_text::{analyze, tokenize, Segmenter, Span, TokenKind, Word};

/// The analyzer's version, recorded with the full-text index it wrote (`meta.search_analyzer`):
/// raise it when the terms of a text change, so that stores indexed before are re-indexed once
/// (`Store::reindex_if_stale`). 1: stems and counted nouns' singulars; 2: the search folds.
pub const VERSION: u32 = 2;

/// Which terms to make.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// The stems as the segmenter and the counted nouns' singulars give them.
    Base,
    /// Base plus the search folds (broken plurals, tanween alif, hamza, variants).
    Search,
}

/// The stem of an Arabic word before the search folds.
fn base_stem(w: &Word, seg: &Segmenter) -> String {
    let key = w.seg.key.as_str();
    let stem = rasad_text::singular(key);
    if stem != key {
        // The singular goes through the segmenter too, as the singular in the text would
        // (جنود → جندي → جند, like الجندي).
        seg.segment(stem).key
    } else if w.seg.suffixes.first() == Some(&"ات") {
        format!("{key}ه")
    } else if key.chars().count() >= 5 && key.ends_with("ات") {
        // A plural the segmenter keeps whole (غارات is a known word).
        format!("{}ه", &key[..key.len() - "ات".len()])
    } else {
        key.to_string()
    }
}

/// Endings removed from a stem, longest first, with what replaces them: the nisba plurals and
/// feminines (امريكيين، امريكيات، امريكية → امريك), the feminine dual (اتفاقيتين → اتفاقيه, then
/// اتفاق), the sound feminine plural (غارات → غاره, like غارة), the sound masculine plurals and
/// their construct forms (لاجئين، لاجئون → لاجئ; مقاتلو → مقاتل) and the nisba ي (امريكي →
/// امريك). At least [`MIN_STEM`] letters stay (four before a lone و).
const SOUND_ENDINGS: &[(&str, &str)] =
    &[("يات", ""), ("يين", ""), ("يون", ""), ("تين", "ه"), ("ات", "ه"), ("ين", ""), ("ون", ""), ("يه", ""), ("ي", ""), ("و", "")];

/// Endings that are the nisba ي with a plural or feminine ending.
const NISBA_ENDINGS: &[&str] = &["يات", "يين", "يون", "يه", "ي"];

/// Letters a stem keeps at least.
const MIN_STEM: usize = 3;

/// The search term of an Arabic word: its stem (the singular of a broken plural), without a
/// tanween alif, hamza after ya seated alone, sound endings removed (see [`SOUND_ENDINGS`];
/// the words of `kept_endings.tsv` keep theirs), spelling variants mapped.
fn search_stem(w: &Word) -> String {
    let key = w.seg.key.as_str();
    // The plural whole too: the segmenter may read its end as a pronoun (المباني → مبا+ني).
    let whole = w.seg.base_key();
    let mut stem = match broken_plural(key).or_else(|| if whole.len() > key.len() { broken_plural(whole) } else { None }) {
        Some(sing) => rasad_text::match_key(sing),
        // The segmenter took ات off: the singular ends in ة (مظاهرات → مظاهره, like مظاهرة).
        None if w.seg.suffixes.first() == Some(&"ات") => format!("{key}ه"),
        // The dual of a word in ية: the segmenter took ين or ان off (اتفاقيتين → اتفاقيت).
        None if key.ends_with("يت") && matches!(w.seg.suffixes.first(), Some(&"ين" | &"ان")) => {
            format!("{}ه", &key[..key.len() - 'ت'.len_utf8()])
        }
        None => rasad_text::singular(key).to_string(),
    };
    if w.seg.suffixes.is_empty() && stem.ends_with('ا') && stem.chars().count() > MIN_STEM && !keeps_ending(&stem, "ا") {
        // مقاتلا → مقاتل; عسكريا → عسكري, then its nisba below.
        stem.pop();
    }
    if stem.contains("يء") {
        stem = stem.replace("يء", "ء");
    }
    let stem = strip_sound_ending(stem);
    match variant(&stem) {
        Some(v) => v.to_string(),
        None => stem,
    }
}

/// The stem without its sound ending (one, the longest of [`SOUND_ENDINGS`] that leaves
/// [`MIN_STEM`] letters), unless the kept-endings table keeps it.
fn strip_sound_ending(stem: String) -> String {
    let n = stem.chars().count();
    for &(end, with) in SOUND_ENDINGS {
        let min = if end == "و" { MIN_STEM + 1 } else { MIN_STEM };
        if !stem.ends_with(end) || n < end.chars().count() + min {
            continue;
        }
        let rest = &stem[..stem.len() - end.len()];
        if end == "تين" {
            // The dual's ة read again: اتفاقيتين → اتفاقيه → اتفاق.
            return strip_sound_ending(format!("{rest}ه"));
        }
        if NISBA_ENDINGS.contains(&end) {
            // The ي of a kept stem stays with every ending (عملية، عمليات → عملي).
            let ya = rest.len() + 'ي'.len_utf8();
            if stem.get(..ya).is_some_and(|with_ya| with_ya.ends_with('ي') && keeps_ending(with_ya, "ي")) {
                return stem[..ya].to_string();
            }
        } else if keeps_ending(&stem, end) {
            return stem;
        }
        return format!("{rest}{with}");
    }
    stem
}

fn terms_with(text: &str, seg: &Segmenter, fold: Fold) -> Vec<(String, Span)> {
    let tokens = tokenize(text);
    analyze(&tokens, seg)
        .iter()
        .filter(|w| w.tok.kind != TokenKind::Punct)
        .filter_map(|w| {
            let term: String = match (w.tok.kind, fold) {
                (TokenKind::Arabic, Fold::Base) => base_stem(w, seg),
                (TokenKind::Arabic, Fold::Search) => search_stem(w),
                _ => w.key.clone(),
            };
            // FTS5 reads the terms column with its unicode61 tokenizer: only letters and digits.
            let term: String = term.chars().filter(|c| c.is_alphanumeric()).collect();
            (!term.is_empty()).then_some((term, w.tok.span))
        })
        .collect()
}

/// Search terms of a text with their code-point spans, in order: what the index holds and what a
/// query looks for. `terms("قتل المقاتلون", seg)` → `[("قتل", 0..3), ("مقاتل", 4..13)]`.
pub fn terms(text: &str, seg: &Segmenter) -> Vec<(String, Span)> {
    terms_with(text, seg, Fold::Search)
}

/// The stems of a text before the search folds (story headlines read these), with their spans.
pub fn base_terms(text: &str, seg: &Segmenter) -> Vec<(String, Span)> {
    terms_with(text, seg, Fold::Base)
}

/// The terms of a text joined by spaces: what goes into the full-text index.
pub fn index_text(text: &str, seg: &Segmenter) -> String {
    let t = terms(text, seg);
    let mut out = String::with_capacity(text.len());
    for (term, _) in t {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&term);
    }
    out
}

/// An FTS5 MATCH expression for a user query: every term must occur (quoted, so no query syntax
/// leaks through); `None` when the query has no terms.
pub fn match_expr(query: &str, seg: &Segmenter) -> Option<String> {
    let t = terms(query, seg);
    if t.is_empty() {
        return None;
    }
    Some(t.iter().map(|(term, _)| format!("\"{}\"", term.replace('"', ""))).collect::<Vec<_>>().join(" AND "))
}

#[cfg(test)]
mod tests;
