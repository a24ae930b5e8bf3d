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

use crate::heads::FxHashMap;
use crate::{analyzer, StoreError};

/// Share of the window's headlines from which a word no longer counts.
pub const COMMON: f64 = 0.03;
/// Share of the window's headlines up to which a word counts in full (a tenth of [`COMMON`]).
pub const RARE: f64 = COMMON / 10.0;
/// Words kept per headline (the rarest).
pub const MAX_TERMS: usize = 12;
/// Words under this weight are left out.
pub const MIN_WEIGHT: f64 = 0.2;
/// The stored counts of a term, by publication day.
const DAYS_OF: &str = "SELECT day, docs FROM headline_terms WHERE term = ?1 ORDER BY day";
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
    for (t, _) in analyzer::base_terms(&line, seg) {
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

/// Stored (term, day) counts kept in memory at most; beyond, they are forgotten together.
pub const MAX_STORED: usize = 1_000_000;

/// The headline counts the writer has read and the current batch's own, so that a word's rarity
/// is read from the table once per run, not once per window and batch. The stored counts are
/// kept in step with what [`Counts::flush`] writes, and dropped with the writer's index of
/// stories' headline words (another connection committed, or a batch did not).
#[derive(Debug, Default)]
pub(crate) struct Counts {
    /// Increments not yet written: term → (day, documents).
    pending: FxHashMap<String, Vec<(String, i64)>>,
    /// Stored counts of the terms read so far: term → (publication day, documents), by day.
    stored: FxHashMap<String, Vec<(String, i64)>>,
    /// (term, day) pairs in `stored`.
    entries: usize,
}

impl Counts {
    fn add(&mut self, term: &str, day: &str) {
        let days = self.pending.entry(term.to_string()).or_default();
        match days.iter_mut().find(|(d, _)| d == day) {
            Some(x) => x.1 += 1,
            None => days.push((day.to_string(), 1)),
        }
    }

    /// Forgets the stored counts read (the batch's own are kept).
    fn forget_stored(&mut self) {
        self.stored.clear();
        self.entries = 0;
    }

    /// Forgets everything: the stored counts read and a failed batch's own.
    pub(crate) fn clear(&mut self) {
        self.forget_stored();
        self.pending.clear();
    }

    /// Headlines of the window `lo..=hi` (YYYY-MM-DD) with `term`: stored and of this batch.
    fn df(&mut self, st: &mut rusqlite::CachedStatement, term: &str, lo: &str, hi: &str) -> Result<i64, StoreError> {
        if !self.stored.contains_key(term) {
            if self.entries >= MAX_STORED {
                self.forget_stored();
            }
            let days: Vec<(String, i64)> = st.query_map(params![term], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
            self.entries += days.len();
            self.stored.insert(term.to_string(), days);
        }
        let in_window =
            |days: &[(String, i64)]| -> i64 { days.iter().filter(|(d, _)| lo <= d.as_str() && d.as_str() <= hi).map(|x| x.1).sum() };
        let stored = self.stored.get(term).map_or(0, |days| {
            // By day: the window is one run of them.
            let from = days.partition_point(|(d, _)| d.as_str() < lo);
            let to = days.partition_point(|(d, _)| d.as_str() <= hi);
            in_window(&days[from..to])
        });
        Ok(stored + self.pending.get(term).map_or(0, |days| in_window(days)))
    }

    /// Writes the batch's counts (in the batch's transaction) and adds them to the stored counts
    /// read so far.
    pub(crate) fn flush(&mut self, tx: &Transaction) -> Result<(), StoreError> {
        let mut rows: Vec<(&str, &str, i64)> =
            self.pending.iter().flat_map(|(t, days)| days.iter().map(move |(d, n)| (t.as_str(), d.as_str(), *n))).collect();
        rows.sort_unstable();
        let mut up = tx.prepare_cached(
            "INSERT INTO headline_terms (term, day, docs) VALUES (?1, ?2, ?3) ON CONFLICT (term, day) DO UPDATE SET docs = docs + excluded.docs",
        )?;
        for (t, d, n) in rows {
            up.execute(params![t, d, n])?;
        }
        for (t, days) in self.pending.drain() {
            let Some(stored) = self.stored.get_mut(&t) else { continue };
            for (d, n) in days {
                match stored.binary_search_by(|(x, _)| x.as_str().cmp(&d)) {
                    Ok(i) => stored[i].1 += n,
                    Err(i) => {
                        stored.insert(i, (d, n));
                        self.entries += 1;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Counts the headline `terms` of a document published on `day` (YYYY-MM-DD; `original`: not a
/// near-duplicate of an earlier document) in `counts` and, when `wanted` (it has events), returns
/// the salient ones with their weights ([`weight`] over the window, this document and the batch's
/// earlier ones included), at most [`MAX_TERMS`], rarest first. One index range per term and
/// run ([`Counts`]).
pub(crate) fn weigh(
    tx: &Transaction,
    counts: &mut Counts,
    terms: &[String],
    day: &str,
    original: bool,
    wanted: bool,
) -> Result<Vec<(String, f64)>, StoreError> {
    if original {
        // The empty term counts the day's headlines.
        counts.add("", day);
        for t in terms {
            counts.add(t, day);
        }
    }
    if !wanted {
        return Ok(Vec::new());
    }
    let w = crate::stories::WINDOW_DAYS;
    let (Some(lo), Some(hi)) = (crate::stories::shift_day(day, -w), crate::stories::shift_day(day, w)) else {
        return Ok(Vec::new());
    };
    let mut df = tx.prepare_cached(DAYS_OF)?;
    let n = counts.df(&mut df, "", &lo, &hi)?;
    let mut out: Vec<(String, f64)> = Vec::new();
    for t in terms {
        let d = counts.df(&mut df, t, &lo, &hi)?;
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
    fn a_batch_counts_its_own_headlines_with_the_stored_ones() {
        let mut store = crate::Store::in_memory().unwrap();
        let tx = store.conn.transaction().unwrap();
        let words = |w: &[&str]| w.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let df = |tx: &Transaction, counts: &mut Counts, term: &str, day: &str| {
            let mut st = tx.prepare_cached(DAYS_OF).unwrap();
            let (lo, hi) = (crate::stories::shift_day(day, -3).unwrap(), crate::stories::shift_day(day, 3).unwrap());
            counts.df(&mut st, term, &lo, &hi).unwrap()
        };
        let mut batch = Counts::default();
        weigh(&tx, &mut batch, &words(&["كيري", "الدوحة"]), "2015-08-03", true, true).unwrap();
        weigh(&tx, &mut batch, &words(&["كيري"]), "2015-08-03", true, true).unwrap();
        weigh(&tx, &mut batch, &words(&["كيري"]), "2015-08-03", false, true).unwrap(); // a copy adds nothing
        assert_eq!(df(&tx, &mut batch, "كيري", "2015-08-04"), 2, "the batch's own documents count before they are written");
        assert_eq!(df(&tx, &mut batch, "", "2015-08-04"), 2);
        batch.flush(&tx).unwrap();
        let stored: i64 =
            tx.query_row("SELECT docs FROM headline_terms WHERE term = 'كيري' AND day = '2015-08-03'", [], |r| r.get(0)).unwrap();
        assert_eq!(stored, 2, "written once per term and day");
        let mut next = Counts::default();
        weigh(&tx, &mut next, &words(&["كيري"]), "2015-08-06", true, true).unwrap();
        assert_eq!(df(&tx, &mut next, "كيري", "2015-08-06"), 3, "stored and new together");
        assert_eq!(df(&tx, &mut next, "كيري", "2015-08-09"), 1, "the window's days only");
        assert_eq!(df(&tx, &mut next, "الدوحة", "2015-08-06"), 1);
        next.flush(&tx).unwrap();
        let total: i64 = tx.query_row("SELECT sum(docs) FROM headline_terms WHERE term = 'كيري'", [], |r| r.get(0)).unwrap();
        assert_eq!(total, 3);
        // Kept across batches, the counts read stay in step with what was written.
        weigh(&tx, &mut next, &words(&["كيري", "جديد"]), "2015-08-07", true, true).unwrap();
        next.flush(&tx).unwrap();
        let mut fresh = Counts::default();
        for (t, d) in [("كيري", "2015-08-06"), ("كيري", "2015-08-10"), ("", "2015-08-07"), ("الدوحة", "2015-08-04"), ("جديد", "2015-08-07")]
        {
            assert_eq!(df(&tx, &mut next, t, d), df(&tx, &mut fresh, t, d), "{t} {d}");
        }
        assert_eq!(df(&tx, &mut next, "كيري", "2015-08-06"), 4);
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
