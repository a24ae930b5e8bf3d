//! How one-word place names are used in ordinary news, for telling a town's name from a common word
//! (بيان، إطار، الخبر، الباب، السلمية). The counts are learned from SANAD-AlKhaleej by
//! `crates/kb/scripts/word_stats.py` and shipped as `data/word_stats.tsv` (statistics only; CC BY 4.0,
//! Einea, Elnagar and Al Debsi 2019, doi:10.17632/57zpx667y9.2).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Counts for one name key in the corpus: `n` words that are the name, `prep` of those after a place
/// preposition or the clitic ب, `top` after the most frequent single one of them, `var` words that
/// are another form of the same word (the article toggled, an attached pronoun, a plural in ات, an
/// accusative in ا, the imperfect's other person prefix), `gen` words without the article followed
/// by a word with it (a noun in construct: وقف إطلاق النار).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    /// Words that are the name (proclitics aside).
    pub n: u32,
    /// Of those, words after a place preposition or with ب.
    pub prep: u32,
    /// Of those, words after the most frequent single preposition.
    pub top: u32,
    /// Words that are another form of the same word.
    pub var: u32,
    /// Words without the article right before a word with it.
    pub gen: u32,
}

impl WordCounts {
    /// A common word rather than a name: its other forms are at least half as frequent as it
    /// (خبر/الخبر، بيانات/بيان), or, seen 50 times or more, it seldom follows a place preposition
    /// (under 1 in 15: دوما "always", السلمية "peaceful", أشرف "supervised"), or one preposition takes
    /// 70 % of it (the set phrases في إطار، على متن), or its other forms and its uses in construct
    /// together reach 65 % of it (وقف إطلاق، بوجه).
    pub fn common(&self) -> bool {
        let (n, prep, top, var, gen) = (self.n as u64, self.prep as u64, self.top as u64, self.var as u64, self.gen as u64);
        2 * var >= n || (n >= 50 && (15 * prep < n || 10 * top >= 7 * n || 20 * (var + gen) >= 13 * n))
    }
}

/// The word statistics, by match key.
#[derive(Debug, Default)]
pub struct WordStats {
    by_key: FxHashMap<String, WordCounts>,
}

static BUILTIN: LazyLock<WordStats> = LazyLock::new(|| {
    // The shipped file is checked by a test; a bad row here is a build defect, not bad input.
    WordStats::parse(include_str!("../data/word_stats.tsv")).unwrap_or_else(|e| panic!("crates/kb/data/word_stats.tsv: {e}"))
});

impl WordStats {
    /// The statistics compiled into the binary.
    pub fn builtin() -> &'static WordStats {
        &BUILTIN
    }

    /// Parses `key <TAB> n <TAB> prep <TAB> top <TAB> var <TAB> gen` rows (`#` comments). Errors name
    /// the bad line.
    pub fn parse(text: &str) -> Result<WordStats, String> {
        let mut by_key = FxHashMap::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            let num = |s: &str| s.parse::<u32>().map_err(|_| format!("line {}: {s:?} is not a count", i + 1));
            if c.len() != 6 {
                return Err(format!("line {}: expected 6 columns", i + 1));
            }
            let counts = WordCounts { n: num(c[1])?, prep: num(c[2])?, top: num(c[3])?, var: num(c[4])?, gen: num(c[5])? };
            by_key.insert(c[0].to_string(), counts);
        }
        Ok(WordStats { by_key })
    }

    /// The counts of a match key (zero for a word the corpus has fewer than 3 times).
    pub fn get(&self, key: &str) -> WordCounts {
        self.by_key.get(key).copied().unwrap_or_default()
    }

    /// Whether the match key is a common word (see [`WordCounts::common`]); a rare word is not. A
    /// word without the article is common too when its definite form is, and that form is at least
    /// a tenth as frequent (فندق: الفندق is a common word, so فندق names no village though "في
    /// فندق" reads like a place after a preposition).
    pub fn common(&self, key: &str) -> bool {
        let Some(c) = self.by_key.get(key) else { return false };
        c.common()
            || (!key.starts_with("ال")
                && self.by_key.get(&format!("ال{key}")).is_some_and(|d| d.common() && 10 * u64::from(d.n) >= u64::from(c.n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_text::match_key;

    #[test]
    fn common_words_and_town_names() {
        let w = WordStats::builtin();
        for word in ["الخبر", "بيان", "إطار", "الباب", "السلمية", "الصور", "حديثة", "الخمس", "دوما", "القصير", "المدينة"]
        {
            assert!(w.common(&match_key(word)), "{word} {:?}", w.get(&match_key(word)));
        }
        for word in ["العريش", "تعز", "دبي", "صيدا", "المكلا", "نابلس", "كفرنبل", "حلب", "جدة", "عدن", "أبها", "بعقوبة"]
        {
            assert!(!w.common(&match_key(word)), "{word} {:?}", w.get(&match_key(word)));
        }
    }

    #[test]
    fn bad_rows_are_rejected() {
        assert!(WordStats::parse("x\t1\t2\n").unwrap_err().contains("line 1"));
        assert!(WordStats::parse("# c\nx\t1\ty\t3\t0\t0\n").unwrap_err().contains("line 2"));
        let w = WordStats::parse("x\t4\t1\t1\t2\t0\n").unwrap();
        assert_eq!(w.get("x"), WordCounts { n: 4, prep: 1, top: 1, var: 2, gen: 0 });
        assert!(w.common("x") && !w.common("y"), "other forms half as frequent: common; unseen: rare");
    }
}
