//! Rebuilding the full-text index when the search analyzer changes: the index holds the
//! analyzer's terms (FTS5 contentless, so they cannot be read back), and a store written by an
//! older analyzer would match new query terms against old document terms. The `meta` table
//! (migration 9) records the analyzer version that wrote the index; [`Store::reindex_if_stale`]
//! re-reads every document's title and text once and records the current version.

use rasad_text::Segmenter;
use rusqlite::{params, OptionalExtension};

use crate::{analyzer, Store, StoreError};

/// Sets `meta.search_analyzer` to the version given.
const RECORD_VERSION: &str =
    "INSERT INTO meta (key, value) VALUES ('search_analyzer', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

impl Store {
    /// The analyzer version that wrote this store's search index (1 for stores written before
    /// migration 9 recorded it).
    pub fn search_analyzer(&self) -> Result<u32, StoreError> {
        let v: Option<String> =
            self.conn().query_row("SELECT value FROM meta WHERE key = 'search_analyzer'", [], |r| r.get(0)).optional()?;
        Ok(v.and_then(|v| v.parse().ok()).unwrap_or(1))
    }

    /// True when the index was written by another analyzer than [`analyzer::VERSION`].
    pub fn search_index_stale(&self) -> Result<bool, StoreError> {
        Ok(self.search_analyzer()? != analyzer::VERSION)
    }

    /// Rebuilds the search index with the current analyzer (read with `seg`, the segmenter the
    /// search reads queries with) when an older one wrote it, in one transaction. Returns the
    /// number of documents re-indexed (`None` when the index was current). About 1,500 documents a
    /// second on one core.
    pub fn reindex_if_stale(&mut self, seg: &Segmenter) -> Result<Option<usize>, StoreError> {
        if !self.search_index_stale()? {
            return Ok(None);
        }
        self.reindex(seg).map(Some)
    }

    /// Rebuilds the search index of every document with the current analyzer and records its
    /// version; returns the number of documents.
    pub fn reindex(&mut self, seg: &Segmenter) -> Result<usize, StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // A contentless FTS5 table forgets its rows with the special 'delete-all' command.
        tx.execute("INSERT INTO doc_fts (doc_fts) VALUES ('delete-all')", [])?;
        let mut n = 0;
        {
            let mut read = tx.prepare("SELECT rowid, title, text FROM documents ORDER BY rowid")?;
            let mut write = tx.prepare("INSERT INTO doc_fts (rowid, terms) VALUES (?1, ?2)")?;
            let mut rows = read.query([])?;
            while let Some(r) = rows.next()? {
                let (rowid, title, text): (i64, Option<String>, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
                write.execute(params![rowid, crate::search_terms(title.as_deref(), &text, seg)])?;
                n += 1;
            }
        }
        tx.execute(RECORD_VERSION, [analyzer::VERSION.to_string()])?;
        tx.commit()?;
        Ok(n)
    }

    /// Records that the current analyzer wrote the index (a new store, empty).
    pub(crate) fn record_search_analyzer(&self) -> Result<(), StoreError> {
        self.conn().execute(RECORD_VERSION, [analyzer::VERSION.to_string()])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::tests::{doc, store_with};
    use crate::{analyzer, search, Store};
    use rasad_pipeline::Pipeline;

    fn hits(s: &Store, q: &str) -> usize {
        let seg = Pipeline::shared().segmenter();
        search::search(s, &search::Query { text: q.into(), limit: 10, ..Default::default() }, seg).unwrap().len()
    }

    /// A store at schema 8 (before migration 9), its index written with the old terms, as the
    /// binary before this analyzer left it: opening it migrates it, marks its index stale, and
    /// `reindex_if_stale` rebuilds it once; the new forms then find its document.
    #[test]
    fn a_store_written_before_migration_9_is_migrated_and_rebuilt_once() {
        let seg = Pipeline::shared().segmenter();
        let dir = std::env::temp_dir().join(format!("rasad-reindex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("old.db");
        let _ = std::fs::remove_file(&path);
        let text = "عاد مئات اللاجئين إلى بلداتهم بعد توقيع الاتفاقية.";
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            for sql in &crate::schema::MIGRATIONS[..8] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 8).unwrap();
            conn.execute(
                "INSERT INTO documents (rowid, id, source, text, ingested_at, dup_of, record) VALUES (1, 'x', 'a', ?1, '0', 1, '{}')",
                [text],
            )
            .unwrap();
            let old: Vec<String> = analyzer::base_terms(text, seg).into_iter().map(|t| t.0).collect();
            conn.execute("INSERT INTO doc_fts (rowid, terms) VALUES (1, ?1)", [old.join(" ")]).unwrap();
        }
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.search_analyzer().unwrap(), 1);
        assert_eq!(hits(&s, "لاجئ"), 0, "the old index misses the singular");
        assert_eq!(s.reindex_if_stale(seg).unwrap(), Some(1));
        assert_eq!((hits(&s, "لاجئ"), hits(&s, "اتفاقيات")), (1, 1));
        drop(s);
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.reindex_if_stale(seg).unwrap(), None, "once");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A store whose index an older analyzer wrote (terms as they were, version 1 recorded) is
    /// rebuilt once: the new forms find it, and a second call does nothing.
    #[test]
    fn an_index_written_by_the_old_analyzer_is_rebuilt_once() {
        let seg = Pipeline::shared().segmenter();
        let mut s = store_with(&[doc("a", "عاد مئات اللاجئين إلى بلداتهم بعد توقيع الاتفاقية.", "2020-02-01", "A")]);
        // What the old analyzer wrote: the base stems (لاجءين whole, اتفاقيه).
        let old = analyzer::base_terms("عاد مئات اللاجئين إلى بلداتهم بعد توقيع الاتفاقية.", seg);
        let old: Vec<String> = old.into_iter().map(|t| t.0).collect();
        s.conn.execute("INSERT INTO doc_fts (doc_fts) VALUES ('delete-all')", []).unwrap();
        s.conn.execute("INSERT INTO doc_fts (rowid, terms) VALUES (1, ?1)", [old.join(" ")]).unwrap();
        s.conn.execute("UPDATE meta SET value = '1' WHERE key = 'search_analyzer'", []).unwrap();
        assert!(s.search_index_stale().unwrap());
        assert_eq!(hits(&s, "لاجئ"), 0, "the old index misses the singular");
        assert_eq!(s.reindex_if_stale(seg).unwrap(), Some(1));
        assert_eq!(hits(&s, "لاجئ"), 1);
        assert_eq!(hits(&s, "اتفاقيات"), 1);
        assert_eq!(s.reindex_if_stale(seg).unwrap(), None);
        assert!(s.verify().unwrap().is_empty());
    }

    #[test]
    fn a_new_store_is_indexed_by_the_current_analyzer() {
        let s = Store::in_memory().unwrap();
        assert_eq!(s.search_analyzer().unwrap(), analyzer::VERSION);
    }
}
