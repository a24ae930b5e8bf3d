//! The analyzer's curated tables, read from `crates/store/data/*.tsv` (embedded): broken plurals,
//! words that keep an ending the analyzer would remove, and spelling variants. Each file has a `#` comment header
//! and a column-name line; entries are written in ordinary spelling and keyed here by their match
//! keys ([`rasad_text::match_key`]), so أ/ا, ة/ه and ى/ي need no second entry.

use std::sync::LazyLock;

use rasad_text::match_key;

use crate::heads::FxHashMap as HashMap;

static BROKEN_PLURALS_TSV: &str = include_str!("../../data/broken_plurals.tsv");
static KEPT_ENDINGS_TSV: &str = include_str!("../../data/kept_endings.tsv");
static VARIANTS_TSV: &str = include_str!("../../data/variants.tsv");

/// The data lines of a TSV file: comments, blank lines and the column-name line (its first
/// non-comment line) left out; each line split at tabs.
pub(crate) fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).skip(1).map(|l| l.split('\t').map(str::trim).collect())
}

/// Plural key → the singular in ordinary spelling (`قتلي` → `قتيل`).
static PLURALS: LazyLock<HashMap<String, String>> =
    LazyLock::new(|| rows(BROKEN_PLURALS_TSV).map(|r| (match_key(r[0]), r[1].to_string())).collect());

/// Keys of words that keep an ending → their endings (`سوريا` → ا، `عملي` → ي، `فلسطين` → ين).
static KEPT: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut m: HashMap<String, Vec<String>> = HashMap::default();
    for r in rows(KEPT_ENDINGS_TSV) {
        m.entry(match_key(r[0])).or_default().push(match_key(r[1]));
    }
    m
});

/// Variant term → canonical term (`اميرك` → `امريك`).
static VARIANTS: LazyLock<HashMap<String, String>> =
    LazyLock::new(|| rows(VARIANTS_TSV).map(|r| (match_key(r[0]), match_key(r[1]))).collect());

/// The singular (ordinary spelling) of a broken plural's match key, if the table has it:
/// `فصاءل` → `فصيل`, `رءساء` → `رئيس`.
pub fn broken_plural(key: &str) -> Option<&'static str> {
    PLURALS.get(key).map(String::as_str)
}

/// True when the match key `key` keeps its ending `ending` (one of ا، ي، ين، ون، و): the final alif of
/// `سوريا` is not a tanween, the ي of `عملي` is not a nisba, the ين of `فلسطين` not a plural.
pub fn keeps_ending(key: &str, ending: &str) -> bool {
    KEPT.get(key).is_some_and(|e| e.iter().any(|x| x == ending))
}

/// The canonical term of a spelling variant's term (`اميرك` → `امريك`, `كيماو` → `كيمياء`).
pub fn variant(term: &str) -> Option<&'static str> {
    VARIANTS.get(term).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn check_unique(name: &str, tsv: &str, cols: usize) -> Vec<Vec<String>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for r in rows(tsv) {
            assert_eq!(r.len(), cols, "{name}: {r:?} should have {cols} columns");
            assert!(r.iter().all(|c| !c.is_empty() && !c.contains(' ')), "{name}: empty cell or space in {r:?}");
            assert!(seen.insert(match_key(r[0])), "{name}: {} listed twice", r[0]);
            out.push(r.iter().map(|s| s.to_string()).collect());
        }
        assert!(out.len() >= 10, "{name}: only {} entries", out.len());
        out
    }

    #[test]
    fn broken_plurals_are_unique_and_differ_from_their_singulars() {
        for r in check_unique("broken_plurals.tsv", BROKEN_PLURALS_TSV, 2) {
            assert_ne!(match_key(&r[0]), match_key(&r[1]), "{r:?}");
            assert!(!r[0].starts_with("ال") && !r[1].starts_with("ال"), "no article: {r:?}");
        }
    }

    #[test]
    fn kept_words_end_in_their_ending() {
        for r in check_unique("kept_endings.tsv", KEPT_ENDINGS_TSV, 2) {
            assert!(["ا", "ي", "ين", "ون", "و"].contains(&r[1].as_str()), "{r:?}: unknown ending");
            assert!(match_key(&r[0]).ends_with(&match_key(&r[1])), "{r:?} does not end in its ending");
        }
    }

    #[test]
    fn variants_map_to_a_term_that_is_not_itself_a_variant() {
        for r in check_unique("variants.tsv", VARIANTS_TSV, 3) {
            let to = match_key(&r[1]);
            assert_ne!(match_key(&r[0]), to, "{r:?}");
            assert!(variant(&to).is_none(), "{r:?}: the canonical form is itself a variant (chains are not followed)");
        }
    }
}
