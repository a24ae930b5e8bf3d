//! Rasad's embedded store: SQLite (bundled, WAL) holding documents, their sentences, entities
//! and events, near-duplicate clusters, cross-outlet stories and an Arabic full-text index.
//!
//! Writes come in batches, one transaction each, so a killed ingest leaves every batch either
//! wholly stored or absent; documents are keyed by a hash of their text, so re-ingesting the
//! same content adds nothing.
#![warn(missing_docs)]

pub mod analyzer;
pub mod browse;
pub mod contested;
pub mod desk;
pub mod export;
pub mod headline;
mod heads;
pub mod minhash;
mod reindex;
pub mod schema;
pub mod search;
pub mod stories;

use std::path::Path;

use rasad_model::{DocOutput, Event, GeoPrecision, InputDoc};
use rasad_text::Segmenter;
use rusqlite::{params, Connection, OptionalExtension};
use xxhash_rust::xxh3::xxh3_128;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// The store was written by a newer Rasad.
    #[error("the store has schema version {found}, this rasad reads up to {supported}; use a newer rasad")]
    TooNew {
        /// Version found.
        found: usize,
        /// Newest version this build knows.
        supported: usize,
    },
    /// JSON (de)serialization failed.
    #[error("record encoding: {0}")]
    Json(serde_json::Error),
    /// Writing an export failed.
    #[error("write error: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A bad argument (a filter, a date).
    #[error("{0}")]
    Invalid(String),
}

impl From<serde_json::Error> for StoreError {
    /// Write errors stay I/O errors (a closed pipe is not an encoding problem).
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            StoreError::Io(e.into())
        } else {
            StoreError::Json(e)
        }
    }
}

/// The hash a text's id is made from: xxh3-128 of its UTF-8 bytes.
pub fn content_hash(text: &str) -> u128 {
    xxh3_128(text.as_bytes())
}

/// The id of a text: [`content_hash`] as 32 hex digits.
pub fn content_id(text: &str) -> String {
    format!("{:032x}", content_hash(text))
}

/// A document made ready for storing: everything computed that needs no database (done in
/// parallel by the caller).
#[derive(Debug)]
pub struct Prepared {
    /// Content id.
    pub id: String,
    /// The input (source id, text, metadata).
    pub doc: InputDoc,
    /// The extract record.
    pub record: DocOutput,
    /// Sentence spans.
    pub sentences: Vec<(usize, usize)>,
    /// MinHash signature (none for texts under three words).
    pub minhash: Option<Vec<u64>>,
    /// Search terms.
    pub terms: String,
    /// Headline terms (its title's, else its first line's): story evidence ([`headline`]).
    pub headline: Vec<String>,
}

/// Readies one document and its extract record for storing: its sentences, MinHash signature
/// and search terms (read with `seg`, the segmenter the search will read queries with).
pub fn prepare(doc: InputDoc, record: DocOutput, seg: &Segmenter) -> Prepared {
    let sentences = rasad_text::split_sentences(&doc.text).iter().map(|s| (s.span.start, s.span.end)).collect();
    let terms = search_terms(doc.title.as_deref(), &doc.text, seg);
    let headline = headline::terms(doc.title.as_deref(), &doc.text, seg);
    Prepared { id: content_id(&doc.text), minhash: minhash::signature(&doc.text), sentences, terms, headline, record, doc }
}

/// What the full-text index holds for a document: the search terms of its title, then of its
/// text ([`analyzer::index_text`]), space-separated.
pub fn search_terms(title: Option<&str>, text: &str, seg: &Segmenter) -> String {
    let title_terms = title.map(|t| analyzer::index_text(t, seg)).unwrap_or_default();
    format!("{title_terms} {}", analyzer::index_text(text, seg))
}

/// What one batch did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchStats {
    /// Documents stored.
    pub stored: usize,
    /// Documents already in the store (same text).
    pub duplicates: usize,
    /// Stored documents that are near-duplicates of an earlier one.
    pub near_duplicates: usize,
    /// Events stored.
    pub events: usize,
}

/// How many of each thing the store holds.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Documents.
    pub documents: usize,
    /// Near-duplicate clusters (documents without an earlier near-duplicate).
    pub clusters: usize,
    /// Events.
    pub events: usize,
    /// Stories: events of one occurrence across documents.
    pub stories: usize,
    /// Entity mentions.
    pub entities: usize,
}

/// Kilometres within which two events' places count as the same place (stories; see [`stories`]).
pub const STORY_KM: f64 = 50.0;

/// The store.
pub struct Store {
    conn: Connection,
    /// The writer's index of stories' headline words ([`heads`]).
    heads: heads::Heads,
    /// The writer's headline counts ([`headline::Counts`]).
    counts: headline::Counts,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, in WAL mode, migrated to the current schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        // Another process opening the same new store at the same moment may hold the lock that
        // switching to WAL or the first migration needs, and SQLite may answer "busy" without
        // waiting: try again for up to ten seconds, as the busy timeout waits for statements.
        let mut tries = 0;
        loop {
            match Self::setup(Connection::open(path)?) {
                Err(StoreError::Sql(e)) if tries < 100 && e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => return other,
            }
        }
    }

    /// A store in memory (tests, one-off runs).
    pub fn in_memory() -> Result<Store, StoreError> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Every statement of a batch stays prepared.
        conn.set_prepared_statement_cache_capacity(64);
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL in WAL mode: a power cut may lose the last transactions, never corrupt; a killed
        // process loses nothing committed.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        search::register_functions(&conn)?;
        schema::migrate(&mut conn)?;
        let store = Store { conn, heads: heads::Heads::default(), counts: headline::Counts::default() };
        // A store without documents has nothing to re-index: its index is the current analyzer's.
        if store.search_index_stale()? && store.counts()?.documents == 0 {
            store.record_search_analyzer()?;
        }
        Ok(store)
    }

    /// The connection, for read queries of the other modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// True when a document with this content id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.conn.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?.exists([id])?)
    }

    /// Stores a batch in one transaction: documents not yet stored, with their sentences,
    /// entities, events, near-duplicate cluster and story links, and their search terms.
    pub fn write_batch(&mut self, batch: &[Prepared]) -> Result<BatchStats, StoreError> {
        let mut stats = BatchStats::default();
        let now = unix_seconds();
        // The write lock from the start: no other writer commits while the batch reads.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if self.heads.begin(&tx)? {
            self.counts.clear();
        }
        for p in batch {
            let existing: Option<(i64, String)> = tx
                .prepare_cached("SELECT rowid, source FROM documents WHERE id = ?1")?
                .query_row([&p.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some((doc, source)) = existing {
                stats.duplicates += 1;
                if source != p.doc.id {
                    record_copy(&tx, doc, p)?;
                }
                continue;
            }
            let record = serde_json::to_string(&p.record)?;
            let published = p.record.published.map(|d| d.to_string());
            let sig_bytes = p.minhash.as_deref().map(minhash::to_bytes);
            tx.prepare_cached(
                "INSERT INTO documents (id, source, outlet, url, title, published, text, ingested_at, minhash, dup_of, record, lang, date_source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12)",
            )?
            .execute(params![
                p.id,
                p.doc.id,
                p.doc.outlet,
                p.doc.url,
                p.doc.title,
                published,
                p.doc.text,
                now,
                sig_bytes,
                record,
                p.doc.lang,
                // A day the reader did not give but the extractor read from the text says so.
                p.doc.date_source.as_deref().or((p.doc.published.is_none() && p.record.published.is_some()).then_some("text"))
            ])?;
            let doc = tx.last_insert_rowid();
            // Near-duplicates: candidates from any agreeing band, the most similar one above the threshold.
            let (mut dup_of, mut sim) = (doc, None);
            if let Some(sig) = &p.minhash {
                let bands = minhash::bands(sig);
                let mut best: Option<(f64, i64)> = None;
                {
                    // The first documents of a bucket suffice: a large cluster's members agree with each other.
                    let mut cand = tx.prepare_cached("SELECT doc FROM lsh WHERE band = +?1 AND hash = ?2 ORDER BY doc LIMIT 16")?;
                    let mut sig_of = tx.prepare_cached("SELECT minhash, dup_of FROM documents WHERE rowid = ?1")?;
                    let mut seen = std::collections::HashSet::new();
                    'bands: for (b, h) in bands.iter().enumerate() {
                        let docs: Vec<i64> = cand.query_map(params![b as i64, h], |r| r.get(0))?.collect::<Result<_, _>>()?;
                        for d in docs {
                            if !seen.insert(d) {
                                continue;
                            }
                            let (bytes, cluster): (Option<Vec<u8>>, i64) = sig_of.query_row([d], |r| Ok((r.get(0)?, r.get(1)?)))?;
                            let s = bytes.as_deref().and_then(minhash::from_bytes).map_or(0.0, |o| minhash::similarity(sig, &o));
                            if s >= minhash::THRESHOLD && best.is_none_or(|(bs, _)| s > bs) {
                                best = Some((s, cluster));
                                if s >= 0.9 {
                                    break 'bands;
                                }
                            }
                        }
                    }
                }
                if let Some((s, cluster)) = best {
                    dup_of = cluster;
                    sim = Some(s);
                    stats.near_duplicates += 1;
                }
                let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO lsh (band, hash, doc) VALUES (?1, ?2, ?3)")?;
                for (b, h) in bands.iter().enumerate() {
                    ins.execute(params![b as i64, h, doc])?;
                }
            }
            tx.prepare_cached("UPDATE documents SET dup_of = ?1, similarity = ?2 WHERE rowid = ?3")?.execute(params![dup_of, sim, doc])?;
            {
                let mut ins = tx.prepare_cached("INSERT INTO sentences (doc, idx, start, end) VALUES (?1, ?2, ?3, ?4)")?;
                for (i, (s, e)) in p.sentences.iter().enumerate() {
                    ins.execute(params![doc, i as i64, *s as i64, *e as i64])?;
                }
                let mut ins = tx.prepare_cached("INSERT INTO entities (doc, label, kb_id, name, text, start, end, lat, lon) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
                for e in &p.record.entities {
                    let (s, l) = (&e.span, &e.link);
                    ins.execute(params![doc, e.label.as_str(), l.id, l.name, s.text, s.start as i64, s.end as i64, l.lat, l.lon])?;
                }
            }
            let headline = match published.as_deref() {
                Some(day) => headline::weigh(&tx, &mut self.counts, &p.headline, day, dup_of == doc, !p.record.events.is_empty())?,
                None => Vec::new(),
            };
            let mut info = stories::DocInfo {
                rowid: doc,
                dup_of,
                similarity: sim,
                outlet: p.doc.outlet.as_deref(),
                published: published.as_deref(),
                headline: &headline,
                stories: Vec::new(),
                heads: &mut self.heads,
                reaction: stories::is_reaction(&p.record.events, &p.sentences),
            };
            let mut written = Vec::with_capacity(p.record.events.len());
            for (i, ev) in p.record.events.iter().enumerate() {
                written.push(write_event(&tx, i, ev, doc, info.published)?);
                stats.events += 1;
            }
            // Stories in two passes ([`stories::assign`]): the events that join a story of other
            // documents first, then the rest, which may then join those stories through what the
            // first pass added (this document's keys and headline words) before starting new ones.
            let mut deferred = Vec::new();
            for (ev, (rowid, anchor)) in p.record.events.iter().zip(&written) {
                match stories::assign(&tx, *rowid, ev, anchor.as_deref(), &mut info, stories::Pass::Join)? {
                    Some(story) => set_story(&tx, *rowid, story)?,
                    None => deferred.push((ev, *rowid, anchor.as_deref())),
                }
            }
            for (ev, rowid, anchor) in deferred {
                if let Some(story) = stories::assign(&tx, rowid, ev, anchor, &mut info, stories::Pass::Any)? {
                    set_story(&tx, rowid, story)?;
                }
            }
            tx.prepare_cached("INSERT INTO doc_fts (rowid, terms) VALUES (?1, ?2)")?.execute(params![doc, p.terms])?;
            stats.stored += 1;
        }
        self.counts.flush(&tx)?;
        tx.commit()?;
        self.heads.committed();
        Ok(stats)
    }

    /// Counts of what the store holds.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let n = |sql: &str| -> Result<usize, StoreError> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize) };
        Ok(Counts {
            documents: n("SELECT count(*) FROM documents")?,
            clusters: n("SELECT count(*) FROM documents WHERE dup_of = rowid")?,
            events: n("SELECT count(*) FROM events")?,
            stories: n("SELECT count(DISTINCT story) FROM events")?,
            entities: n("SELECT count(*) FROM entities")?,
        })
    }

    /// Checks that every document is stored once and whole: one search entry each, no event or
    /// sentence stored twice, no rows without their document. Returns what is wrong (nothing
    /// when all is well).
    pub fn verify(&self) -> Result<Vec<String>, StoreError> {
        let n = |sql: &str| -> Result<i64, StoreError> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))?) };
        let mut problems = Vec::new();
        let checks = [
            (
                "documents without a search entry, or entries without a document",
                "SELECT (SELECT count(*) FROM documents) - (SELECT count(*) FROM doc_fts_docsize)",
            ),
            ("events stored twice", "SELECT count(*) FROM (SELECT doc, idx FROM events GROUP BY doc, idx HAVING count(*) > 1)"),
            ("events without their document", "SELECT count(*) FROM events WHERE doc NOT IN (SELECT rowid FROM documents)"),
            ("entities without their document", "SELECT count(*) FROM entities WHERE doc NOT IN (SELECT rowid FROM documents)"),
            ("documents in a missing cluster", "SELECT count(*) FROM documents WHERE dup_of NOT IN (SELECT rowid FROM documents)"),
            ("event arguments without their event", "SELECT count(*) FROM event_args WHERE event NOT IN (SELECT rowid FROM events)"),
        ];
        for (what, sql) in checks {
            let k = n(sql)?;
            if k != 0 {
                problems.push(format!("{what}: {k}"));
            }
        }
        let ic = self.integrity_check()?;
        if ic != "ok" {
            problems.push(format!("integrity check: {ic}"));
        }
        Ok(problems)
    }

    /// SQLite's own consistency check: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// Seconds since the epoch: enough to order ingests, with no date-formatting dependency.
fn unix_seconds() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    secs.to_string()
}

/// YYYY-MM-DD of a day-precision date, or `None`.
fn day_of(v: Option<&str>) -> Option<String> {
    v.filter(|d| d.len() == 10).map(str::to_string)
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

/// Half-degree grid cell (about 55 km): nearby places are in the same or a neighbouring cell.
fn grid_cell(lat: f64, lon: f64) -> i64 {
    ((lat / 0.5).floor() as i64 + 200) * 1000 + ((lon / 0.5).floor() as i64 + 400)
}

/// Keeps where a copy of a stored text came from (`copies`), and puts its outlet among the outlets
/// of the stories of that text as one that republished it (`own` 0: the source count is unchanged).
fn record_copy(tx: &rusqlite::Transaction, doc: i64, p: &Prepared) -> Result<(), StoreError> {
    let published = p.doc.published.map(|d| d.to_string());
    tx.prepare_cached("INSERT OR IGNORE INTO copies (doc, source, outlet, url, published) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![doc, p.doc.id, p.doc.outlet, p.doc.url, published])?;
    if let Some(outlet) = &p.doc.outlet {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO story_outlets (story, outlet, own) SELECT DISTINCT story, ?2, 0 FROM events WHERE doc = ?1",
        )?
        .execute(params![doc, outlet])?;
    }
    Ok(())
}

/// Sets the story of a stored event.
fn set_story(tx: &rusqlite::Transaction, event: i64, story: i64) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE events SET story = ?1 WHERE rowid = ?2")?.execute(params![story, event])?;
    Ok(())
}

/// Stores one event of document `doc` with its arguments, its story left for
/// [`stories::assign`]. Returns its row id and its anchor day (YYYY-MM-DD: its own date, else
/// the publication day when it has no date).
fn write_event(
    tx: &rusqlite::Transaction,
    idx: usize,
    ev: &Event,
    doc: i64,
    published: Option<&str>,
) -> Result<(i64, Option<String>), StoreError> {
    let place = ev.places.iter().find(|p| p.link.lat.is_some()).or(ev.places.first());
    let date_value = ev.date.as_ref().and_then(|d| d.value.clone());
    let date_precision = ev.date.as_ref().and_then(|d| d.precision).map(|p| p.as_str());
    let anchor = day_of(date_value.as_deref()).or_else(|| if ev.date.is_none() { day_of(published) } else { None });
    let record = serde_json::to_string(ev)?;
    let (lat, lon) = (place.and_then(|p| p.link.lat), place.and_then(|p| p.link.lon));
    // A country's centre says nothing about where in it something happened.
    let located = place.filter(|p| p.link.geo_precision != Some(GeoPrecision::Country)).and_then(|p| Some((p.link.lat?, p.link.lon?)));
    let cell = located.map(|(a, b)| grid_cell(a, b));
    tx.prepare_cached(
        "INSERT INTO events (doc, idx, type, mode, status, date, date_precision, anchor, place_id, place_name, lat, lon, cell, quantity, unit, source_name, confidence, story, record, background)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 0, ?18, ?19)",
    )?
    .execute(params![
        doc,
        idx as i64,
        ev.kind.as_str(),
        ev.mode,
        ev.status.as_str(),
        date_value,
        date_precision,
        anchor,
        place.and_then(|p| p.link.id.clone()),
        place.map(|p| p.link.name.clone().unwrap_or_else(|| p.span.text.clone())),
        lat,
        lon,
        cell,
        ev.quantity.as_ref().map(|q| q.value),
        ev.quantity.as_ref().and_then(|q| q.unit.clone()),
        ev.source.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.span.text.clone())),
        ev.confidence,
        record,
        ev.background
    ])?;
    let rowid = tx.last_insert_rowid();
    let mut ins = tx.prepare_cached(
        "INSERT INTO event_args (event, role, kb_id, name, text, start, end, type, anchor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (role, list) in [("actor", &ev.actors), ("target", &ev.targets), ("place", &ev.places)] {
        for a in list {
            let (l, sp) = (&a.link, &a.span);
            ins.execute(params![rowid, role, l.id, l.name, sp.text, sp.start as i64, sp.end as i64, ev.kind.as_str(), anchor])?;
        }
    }
    if let Some(s) = &ev.source {
        let sp = &s.span;
        ins.execute(params![rowid, "source", s.id, s.name, sp.text, sp.start as i64, sp.end as i64, ev.kind.as_str(), anchor])?;
    }
    Ok((rowid, anchor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_pipeline::Pipeline;

    pub(crate) fn doc(id: &str, text: &str, published: &str, outlet: &str) -> InputDoc {
        InputDoc { id: id.into(), text: text.into(), published: published.parse().ok(), outlet: Some(outlet.into()), ..Default::default() }
    }

    pub(crate) fn prepared(d: InputDoc) -> Prepared {
        let p = Pipeline::shared();
        let record = p.extract(&d);
        prepare(d, record, p.segmenter())
    }

    pub(crate) fn store_with(docs: &[InputDoc]) -> Store {
        let mut s = Store::in_memory().unwrap();
        let prepared: Vec<Prepared> = docs.iter().map(|d| prepared(d.clone())).collect();
        s.write_batch(&prepared).unwrap();
        s
    }

    const STRIKE: &str =
        "قصفت طائرات روسية بلدة كفرنبل في ريف إدلب الجنوبي أمس، ما أسفر عن مقتل 12 مدنيا، بحسب المرصد السوري لحقوق الإنسان.";

    #[test]
    fn reingesting_the_same_text_stores_nothing_new_and_keeps_where_a_copy_came_from() {
        let mut s = store_with(&[doc("a", STRIKE, "2019-05-10", "A")]);
        let again = prepared(doc("a-copy", STRIKE, "2019-05-10", "B"));
        let st = s.write_batch(&[again]).unwrap();
        assert_eq!((st.stored, st.duplicates), (0, 1));
        let c = s.counts().unwrap();
        assert_eq!(c.documents, 1);
        assert!(c.events >= 1);
        assert_eq!(s.integrity_check().unwrap(), "ok");
        assert!(s.verify().unwrap().is_empty(), "{:?}", s.verify());
        // The copy from another outlet is kept as a copy: its source and outlet, and its outlet
        // among the story's outlets as one that republished (the source count stays 1).
        let copies: Vec<(String, String)> = s
            .conn()
            .prepare("SELECT source, outlet FROM copies")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(copies, [("a-copy".to_string(), "B".to_string())]);
        let outlets: Vec<(String, i64)> = s
            .conn()
            .prepare("SELECT DISTINCT outlet, own FROM story_outlets ORDER BY outlet")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(outlets, [("A".to_string(), 1), ("B".to_string(), 0)]);
        // The same source again is no copy.
        s.write_batch(&[prepared(doc("a", STRIKE, "2019-05-10", "A"))]).unwrap();
        assert_eq!(s.conn().query_row("SELECT count(*) FROM copies", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
    }

    #[test]
    fn a_day_read_from_the_text_is_marked_as_such() {
        let d = InputDoc { id: "t".into(), text: format!("نشر في 10-05-2019\n{STRIKE}"), ..Default::default() };
        let s = store_with(&[d, doc("g", "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة حلب.", "2019-05-10", "C")]);
        let rows: Vec<(String, Option<String>, Option<String>)> = s
            .conn()
            .prepare("SELECT source, published, date_source FROM documents ORDER BY source")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows[0], ("g".into(), Some("2019-05-10".into()), None), "given by the input: no source to tell");
        assert_eq!(rows[1], ("t".into(), Some("2019-05-10".into()), Some("text".into())));
    }

    #[test]
    fn a_syndicated_copy_joins_the_cluster_and_the_story() {
        let copy = format!("إدلب - وكالة المثال: {STRIKE} وأضاف المرصد أن الطيران عاد للتحليق.");
        let other = "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة حلب بطاقة مئتي سرير، وقال الوزير إن المستشفى سيخدم سكان الريف الشمالي.";
        let s = store_with(&[doc("a", STRIKE, "2019-05-10", "A"), doc("b", &copy, "2019-05-10", "B"), doc("c", other, "2019-05-10", "C")]);
        let c = s.counts().unwrap();
        assert_eq!(c.documents, 3);
        assert_eq!(c.clusters, 2, "the copy joins the original's cluster");
        let stories: Vec<(i64, i64)> = s
            .conn()
            .prepare("SELECT doc, story FROM events WHERE type = 'ASSAULT' ORDER BY doc")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(stories.len() >= 2);
        assert_eq!(stories[0].1, stories[1].1, "one occurrence, two outlets: {stories:?}");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = std::env::temp_dir().join(format!("rasad-store-test-{}", std::process::id()));
        let path = dir.join("new.db");
        let _ = std::fs::remove_file(&path);
        drop(Store::open(&path).unwrap());
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(Store::open(&path), Err(StoreError::TooNew { found: 99, .. })));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
