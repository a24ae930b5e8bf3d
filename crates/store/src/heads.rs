//! Headline evidence of stories, once per document and story (issue 25, ingest speed).
//!
//! A story's headline words are those of its documents' headlines ([`crate::headline::weigh`]):
//! `story_heads` holds one row per document and story (the story's anchor day, its family, the
//! document's salient headline words), written when the document's first event joins or starts the
//! story, so a document with eight events in one story writes its words once, not eight times.
//!
//! Candidates by headline word are read from an in-memory inverted index of the anchor days the
//! writer has touched ([`Heads`]), loaded from `story_heads` a day at a time and kept in step with
//! every row written: a word costs a few hash look-ups per event instead of an index range and an
//! upsert. The index is dropped when another connection has committed (`PRAGMA data_version`) or
//! when a write batch did not commit.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use rusqlite::{params, Transaction};

use crate::stories::{day_number, day_string};
use crate::StoreError;

/// Stories returned per word and window (as the by-key look-up of `story_keys`: the first by anchor
/// day, then story id).
pub const PER_WORD: usize = 24;
/// Anchor days with words kept in memory at most; beyond, the day used least recently is dropped.
pub const MAX_DAYS: usize = 64;
/// Anchor days found without words remembered at most (events dated long before their
/// publication ask for days of their own); beyond, they are forgotten together.
pub const MAX_EMPTY: usize = 4096;

/// Families in a fixed order, so an index entry holds a byte instead of a string.
const FAMILIES: [&str; 10] = ["force", "mobilize", "protest", "sanction", "cooperate", "concede", "aid", "request", "accuse", ""];

/// The code of a family in [`FAMILIES`] (an unknown name: the last, which no event has).
fn family_code(f: &str) -> u8 {
    FAMILIES.iter().position(|x| *x == f).unwrap_or(FAMILIES.len() - 1) as u8
}

/// A fast hash for words and day numbers (multiply and rotate, as rustc's FxHash, eight bytes at
/// a time): SipHash costs more than the look-up it serves, and these keys come from the store.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Fx {
    fn mix(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    fn write_i64(&mut self, i: i64) {
        self.mix(i as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves its best bits high; the table indexes by the low ones.
        self.0.rotate_left(26)
    }
}

/// A map and a set hashed with [`Fx`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
type FxHashSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

/// One story holding a word on one anchor day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    /// Story id.
    story: i64,
    /// [`family_code`] of the story.
    family: u8,
    /// Documents of the story with the word in their headline.
    docs: u32,
}

/// The words of one anchor day: word → its stories, by story id.
type Day = FxHashMap<Box<str>, Vec<Entry>>;

/// The in-memory index of `story_heads` for the anchor days read so far (the store's writer keeps
/// one; see the module's documentation for when it is dropped).
#[derive(Debug, Default)]
pub struct Heads {
    /// Day number ([`day_number`]) → when it was last used ([`Heads::clock`]) and its words.
    days: FxHashMap<i64, (u64, Day)>,
    /// Day numbers read and found without words.
    empty: FxHashSet<i64>,
    /// Counts the uses of days.
    clock: u64,
    /// `PRAGMA data_version` when last checked.
    version: Option<i64>,
    /// True from the start of a write batch until it committed.
    dirty: bool,
}

impl Heads {
    /// At the start of a write batch (inside its transaction, which holds the write lock): forgets
    /// everything when another connection has committed since, or the last batch did not commit,
    /// and then returns true (what else the writer keeps of the store must go too).
    pub(crate) fn begin(&mut self, tx: &Transaction) -> Result<bool, StoreError> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let stale = self.dirty || self.version != Some(version);
        if stale {
            self.days.clear();
            self.empty.clear();
        }
        self.version = Some(version);
        self.dirty = true;
        Ok(stale)
    }

    /// After the batch's transaction committed: what is in memory is what is stored.
    pub(crate) fn committed(&mut self) {
        self.dirty = false;
    }

    /// Reads the words of anchor day `day` (a day number) unless they are in memory.
    fn load(&mut self, tx: &Transaction, day: i64) -> Result<(), StoreError> {
        self.clock += 1;
        if let Some(d) = self.days.get_mut(&day) {
            d.0 = self.clock;
            return Ok(());
        }
        if self.empty.contains(&day) {
            return Ok(());
        }
        let mut words = Day::default();
        let mut st = tx.prepare_cached("SELECT story, family, terms FROM story_heads WHERE day = ?1")?;
        let mut rows = st.query(params![day_string(day)])?;
        while let Some(r) = rows.next()? {
            let (story, family, terms): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let family = family_code(&family);
            for t in terms.split(' ').filter(|t| !t.is_empty()) {
                count(&mut words, t, story, family);
            }
        }
        if words.is_empty() {
            if self.empty.len() >= MAX_EMPTY {
                self.empty.clear();
            }
            self.empty.insert(day);
            return Ok(());
        }
        self.keep(day, words);
        Ok(())
    }

    /// Keeps the words of `day`, dropping the day used least recently when [`MAX_DAYS`] are kept.
    fn keep(&mut self, day: i64, words: Day) {
        if self.days.len() >= MAX_DAYS {
            if let Some(old) = self.days.iter().min_by_key(|(d, (used, _))| (*used, **d)).map(|(d, _)| *d) {
                self.days.remove(&old);
            }
        }
        self.empty.remove(&day);
        self.days.insert(day, (self.clock, words));
    }

    /// Loads the anchor days `lo..=hi` (day numbers) so that [`Heads::stories`] can read them.
    pub(crate) fn window(&mut self, tx: &Transaction, lo: i64, hi: i64) -> Result<(), StoreError> {
        for d in lo..=hi {
            self.load(tx, d)?;
        }
        Ok(())
    }

    /// The stories of family `family` anchored in `lo..=hi` (day numbers, loaded by
    /// [`Heads::window`]) whose documents have `word` in their headline, with how many of their
    /// documents do: at most [`PER_WORD`], by anchor day then story id.
    pub(crate) fn stories(&self, word: &str, family: &str, lo: i64, hi: i64) -> Vec<(i64, i64)> {
        let code = family_code(family);
        let mut out = Vec::new();
        for d in lo..=hi {
            let Some(list) = self.days.get(&d).and_then(|w| w.1.get(word)) else { continue };
            for e in list.iter().filter(|e| e.family == code) {
                out.push((e.story, i64::from(e.docs)));
                if out.len() == PER_WORD {
                    return out;
                }
            }
        }
        out
    }

    /// Records that document `doc`, whose salient headline words are `words`, is in `story` (of
    /// family `family`, anchored on `day`, YYYY-MM-DD): one `story_heads` row, and the index.
    pub(crate) fn add(
        &mut self,
        tx: &Transaction,
        day: &str,
        story: i64,
        doc: i64,
        family: &str,
        words: &[(String, f64)],
    ) -> Result<(), StoreError> {
        if words.is_empty() {
            return Ok(());
        }
        let Some(n) = day_number(day) else { return Ok(()) };
        // Loaded before the row is written, so that it is counted once.
        self.load(tx, n)?;
        let terms = words.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(" ");
        tx.prepare_cached("INSERT INTO story_heads (day, story, doc, family, terms) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![day, story, doc, family, terms])?;
        if !self.days.contains_key(&n) {
            self.keep(n, Day::default());
        }
        let Some((_, words_of_day)) = self.days.get_mut(&n) else { return Ok(()) };
        let code = family_code(family);
        for (t, _) in words {
            count(words_of_day, t, story, code);
        }
        Ok(())
    }
}

/// One more document of `story` with `word` on a day.
fn count(day: &mut Day, word: &str, story: i64, family: u8) {
    if !day.contains_key(word) {
        day.insert(word.into(), Vec::new());
    }
    let Some(list) = day.get_mut(word) else { return };
    match list.binary_search_by_key(&story, |e| e.story) {
        Ok(i) => list[i].docs += 1,
        Err(i) => list.insert(i, Entry { story, family, docs: 1 }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<(String, f64)> {
        w.iter().map(|x| (x.to_string(), 1.0)).collect()
    }

    #[test]
    fn a_word_counts_documents_per_story_in_the_window_and_the_family() {
        let mut store = crate::Store::in_memory().unwrap();
        let tx = store.conn.transaction().unwrap();
        let mut h = Heads::default();
        h.begin(&tx).unwrap();
        h.add(&tx, "2015-08-03", 7, 1, "cooperate", &words(&["كيري", "الدوحة"])).unwrap();
        h.add(&tx, "2015-08-03", 7, 2, "cooperate", &words(&["كيري"])).unwrap();
        h.add(&tx, "2015-08-04", 9, 3, "cooperate", &words(&["كيري"])).unwrap();
        h.add(&tx, "2015-08-03", 5, 4, "force", &words(&["كيري"])).unwrap();
        let d = |s: &str| day_number(s).unwrap();
        h.window(&tx, d("2015-08-01"), d("2015-08-07")).unwrap();
        assert_eq!(h.stories("كيري", "cooperate", d("2015-08-01"), d("2015-08-07")), vec![(7, 2), (9, 1)]);
        assert_eq!(h.stories("كيري", "cooperate", d("2015-08-04"), d("2015-08-07")), vec![(9, 1)], "the window's days only");
        assert_eq!(h.stories("الدوحة", "force", d("2015-08-01"), d("2015-08-07")), vec![], "the family's stories only");
        let rows: i64 = tx.query_row("SELECT count(*) FROM story_heads", [], |r| r.get(0)).unwrap();
        assert_eq!(rows, 4, "one row per document and story");
        // Read back from the table, the index is the same.
        let mut fresh = Heads::default();
        fresh.window(&tx, d("2015-08-01"), d("2015-08-07")).unwrap();
        let words_of = |h: &Heads| h.days.iter().map(|(d, w)| (*d, w.1.clone())).collect::<std::collections::HashMap<_, _>>();
        assert_eq!(words_of(&fresh), words_of(&h));
    }

    #[test]
    fn the_index_is_dropped_after_a_batch_that_did_not_commit() {
        let mut store = crate::Store::in_memory().unwrap();
        let mut h = Heads::default();
        let d = day_number("2015-08-03").unwrap();
        {
            let tx = store.conn.transaction().unwrap();
            h.begin(&tx).unwrap();
            h.add(&tx, "2015-08-03", 7, 1, "aid", &words(&["قافلة"])).unwrap();
            // Dropped: rolled back.
        }
        let tx = store.conn.transaction().unwrap();
        h.begin(&tx).unwrap();
        h.window(&tx, d, d).unwrap();
        assert!(h.stories("قافلة", "aid", d, d).is_empty());
    }

    #[test]
    fn another_writer_s_commit_drops_the_index() {
        let dir = std::env::temp_dir().join(format!("rasad-heads-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("s.db");
        let mut store = crate::Store::open(&path).unwrap();
        let mut h = Heads::default();
        let d = day_number("2015-08-03").unwrap();
        {
            let tx = store.conn.transaction().unwrap();
            h.begin(&tx).unwrap();
            h.add(&tx, "2015-08-03", 7, 1, "aid", &words(&["قافلة"])).unwrap();
            tx.commit().unwrap();
            h.committed();
        }
        let other = rusqlite::Connection::open(&path).unwrap();
        other.execute("INSERT INTO story_heads (day, story, doc, family, terms) VALUES ('2015-08-03', 8, 2, 'aid', 'قافلة')", []).unwrap();
        let tx = store.conn.transaction().unwrap();
        h.begin(&tx).unwrap();
        h.window(&tx, d, d).unwrap();
        assert_eq!(h.stories("قافلة", "aid", d, d), vec![(7, 1), (8, 1)], "read again with the other writer's row");
        drop(tx);
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_store_of_schema_4_keeps_its_stories_headline_words() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        for sql in &crate::schema::MIGRATIONS[..4] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        conn.execute_batch(
            "INSERT INTO story_keys (key, family, day, story, count) VALUES
                 ('h:كيري', 'cooperate', '2015-08-03', 7, 3), ('h:الدوحة', 'cooperate', '2015-08-03', 7, 1),
                 ('a:USA', 'cooperate', '2015-08-03', 7, 3), ('h:كيري', 'force', '2015-08-02', 5, 1);",
        )
        .unwrap();
        crate::schema::migrate(&mut conn).unwrap();
        let keys: Vec<String> =
            conn.prepare("SELECT key FROM story_keys").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        assert_eq!(keys, vec!["a:USA"], "the headline words leave story_keys");
        let tx = conn.transaction().unwrap();
        let mut h = Heads::default();
        h.begin(&tx).unwrap();
        let (lo, hi) = (day_number("2015-08-01").unwrap(), day_number("2015-08-05").unwrap());
        h.window(&tx, lo, hi).unwrap();
        assert_eq!(h.stories("كيري", "cooperate", lo, hi), vec![(7, 1)], "one row per story: each word one document");
        assert_eq!(h.stories("الدوحة", "cooperate", lo, hi), vec![(7, 1)]);
        assert_eq!(h.stories("كيري", "force", lo, hi), vec![(5, 1)]);
    }
}
