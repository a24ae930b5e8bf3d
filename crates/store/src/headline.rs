//! Headline evidence for stories: the salient words of a document's title, weighted by their
//! rarity among the headlines of the days around it.
//!
//! Outlets name an occurrence in their headlines with the same few words (البحرين تستدعي سفيرها
//! لدى إيران، كيري في الدوحة) even when the extracted events disagree on types, parties or places.
//! A word is weighted by its document frequency over the headlines of the publication day ±
//! [`crate::stories::WINDOW_DAYS`] (`headline_terms`, one row per term and day, originals only: a
//! copy of another document's text adds nothing): full weight at most [`RARE`] of those headlines,
//! none from [`COMMON`] on, log-linear between, so a name in the news for one occurrence counts and
//! the words of every day's headlines (السعودية، مقتل، اليوم) do not.

use rasad_text::Segmenter;
use rusqlite::{params, Transaction};

use crate::{analyzer, StoreError};

/// Share of the window's headlines from which a word no longer counts.
pub const COMMON: f64 = 0.03;
/// Share of the window's headlines up to which a word counts in full (a tenth of [`COMMON`]).
pub const RARE: f64 = COMMON / 10.0;
/// Words kept per headline (the rarest).
pub const MAX_TERMS: usize = 12;
/// Words under this weight are left out.
pub const MIN_WEIGHT: f64 = 0.2;
/// Characters of a text's first line read as its headline when the document has no title.
const FIRST_LINE_CHARS: usize = 200;
/// Characters of the lead (the first paragraph after the headline) read with it.
pub const LEAD_CHARS: usize = 160;

/// The headline terms of a document: its title's search terms, else those of its text's first
/// line (feeds and corpora often put the title there); distinct, at least three characters
/// (digits: two), in order.
pub fn terms(title: Option<&str>, text: &str, seg: &Segmenter) -> Vec<String> {
    let clip = |s: &str, n: usize| -> String {
        let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
        s[..end].to_string()
    };
    let mut lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
    let line = match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("{t} {}", clip(lines.next().unwrap_or(""), LEAD_CHARS)),
        None => {
            let first = clip(lines.next().unwrap_or(""), FIRST_LINE_CHARS);
            format!("{first} {}", clip(lines.next().unwrap_or(""), LEAD_CHARS))
        }
    };
    let mut out: Vec<String> = Vec::new();
    for (t, _) in analyzer::terms(&line, seg) {
        let n = t.chars().count();
        let digits = t.chars().all(|c| c.is_ascii_digit());
        if (n >= 3 || (digits && n >= 2)) && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// The weight of a word found in `df` of the window's `n` headlines, in [0, 1]: 1 up to [`RARE`]
/// of them, 0 from [`COMMON`] on, `log10(COMMON · n / df)` between.
pub fn weight(df: i64, n: i64) -> f64 {
    if df <= 0 || n <= 0 {
        return 0.0;
    }
    (COMMON * n as f64 / df as f64).log10().clamp(0.0, 1.0)
}

/// Counts the headline `terms` of a document published on `day` (YYYY-MM-DD; `original`: not a
/// near-duplicate of an earlier document) and, when `wanted` (it has events), returns the salient
/// ones with their weights ([`weight`] over the window), at most [`MAX_TERMS`], rarest first. One
/// index range per term.
pub(crate) fn weigh(tx: &Transaction, terms: &[String], day: &str, original: bool, wanted: bool) -> Result<Vec<(String, f64)>, StoreError> {
    if original {
        let mut up = tx.prepare_cached(
            "INSERT INTO headline_terms (term, day, docs) VALUES (?1, ?2, 1) ON CONFLICT (term, day) DO UPDATE SET docs = docs + 1",
        )?;
        // The empty term counts the day's headlines.
        up.execute(params!["", day])?;
        for t in terms {
            up.execute(params![t, day])?;
        }
    }
    if !wanted {
        return Ok(Vec::new());
    }
    let w = crate::stories::WINDOW_DAYS;
    let mut df = tx.prepare_cached(
        "SELECT coalesce(sum(docs), 0) FROM headline_terms WHERE term = ?1 AND day BETWEEN date(?2, ?3) AND date(?2, ?4)",
    )?;
    let (lo, hi) = (format!("-{w} days"), format!("+{w} days"));
    let n: i64 = df.query_row(params!["", day, lo, hi], |r| r.get(0))?;
    let mut out: Vec<(String, f64)> = Vec::new();
    for t in terms {
        let d: i64 = df.query_row(params![t, day, lo, hi], |r| r.get(0))?;
        // A copy's words are counted through its original: at least once.
        let x = weight(d.max(1), n.max(1));
        if x >= MIN_WEIGHT {
            out.push((t.clone(), x));
        }
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out.truncate(MAX_TERMS);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_count_in_full_and_common_ones_not_at_all() {
        // 10,000 headlines in the window: up to 30 full, from 300 nothing, 95 about half.
        assert_eq!(weight(5, 10_000), 1.0);
        assert_eq!(weight(30, 10_000), 1.0);
        assert_eq!(weight(300, 10_000), 0.0);
        assert_eq!(weight(3_000, 10_000), 0.0);
        assert!((weight(95, 10_000) - 0.5).abs() < 0.01);
        assert_eq!(weight(0, 10_000), 0.0);
    }

    #[test]
    fn the_title_else_the_first_line_gives_the_terms() {
        let seg = Segmenter::new(Vec::<String>::new());
        let t = terms(Some("البحرين تستدعي سفيرها في إيران"), "نص", &seg);
        assert!(t.len() >= 3, "{t:?}");
        assert!(!t.iter().any(|x| x == "في"), "short words are left out: {t:?}");
        let from_text = terms(None, "البحرين تستدعي سفيرها في إيران\n\nقالت وزارة الخارجية", &seg);
        assert_eq!(t[..], from_text[..t.len()], "the first line stands for a missing title, the lead follows");
        assert!(from_text.len() > t.len(), "{from_text:?}");
        assert!(terms(None, "27 قتيلا في انفجار", &seg).contains(&"27".to_string()));
    }
}
