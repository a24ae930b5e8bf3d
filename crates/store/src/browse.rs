//! Read models for the web app: read-only connections with a time budget, a page of events by
//! keyset (a cursor, not an offset), one document with its record, and event counts per day and
//! type.

use std::path::Path;
use std::time::{Duration, Instant};

use rasad_model::DocOutput;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OpenFlags, OptionalExtension};
use serde::Serialize;

use crate::export::{EventRow, EventSort};
use crate::search::Query;
use crate::{Store, StoreError};

impl Store {
    /// A read-only connection to the store at `path` (it must exist and be at this build's schema
    /// version: open it once with [`Store::open`] first), memory-mapped, for serving reads beside
    /// a writer (WAL lets readers and one writer work at once).
    pub fn open_reader(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = rusqlite::Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.set_prepared_statement_cache_capacity(64);
        conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
        conn.pragma_update(None, "cache_size", -32_000)?;
        crate::search::register_functions(&conn)?;
        let version = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
        if version > crate::schema::VERSION {
            return Err(StoreError::TooNew { found: version, supported: crate::schema::VERSION });
        }
        if version < crate::schema::VERSION {
            return Err(StoreError::Invalid(format!(
                "the store has schema version {version}, this rasad reads {}: open it for writing once (rasad ingest) to migrate it",
                crate::schema::VERSION
            )));
        }
        Ok(Store { conn, heads: Default::default(), counts: Default::default() })
    }

    /// Runs `f`, interrupting any statement still running after `budget` (it then fails with an
    /// error for which [`StoreError::is_interrupted`] is true).
    pub fn with_deadline<T>(&mut self, budget: Duration, f: impl FnOnce(&Store) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let deadline = Instant::now() + budget;
        self.conn.progress_handler(4_000, Some(move || Instant::now() > deadline))?;
        let out = f(self);
        self.conn.progress_handler(0, None::<fn() -> bool>)?;
        out
    }
}

impl StoreError {
    /// True when a statement was stopped by the budget of [`Store::with_deadline`].
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Sql(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::OperationInterrupted)
    }
}

/// Changes whenever documents or events are added (the largest rowids; nothing is ever
/// deleted): what is computed from the whole store can be kept while it stays the same.
pub fn generation(store: &Store) -> Result<(i64, i64), StoreError> {
    Ok(store.conn.query_row(
        "SELECT (SELECT coalesce(max(rowid), 0) FROM documents), (SELECT coalesce(max(rowid), 0) FROM events)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Where a page of events starts.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum PageStart {
    /// At the first event.
    #[default]
    First,
    /// After skipping this many (bounded by the caller: each skipped event is read).
    Offset(usize),
    /// After the event of this cursor (a page's `next`).
    After(String),
}

/// A page of events.
#[derive(Debug, Clone, Serialize)]
pub struct EventPage {
    /// The events, in the order asked for.
    pub events: Vec<EventRow>,
    /// The cursor of the next page (`None` on the last one).
    pub next: Option<String>,
}

/// The order of each sort, the key columns its cursor holds and the condition "after the cursor".
fn sort_sql(sort: EventSort) -> (&'static str, &'static str, &'static str, usize) {
    match sort {
        EventSort::DateDesc => {
            ("coalesce(e.anchor, '') DESC, e.rowid DESC", "coalesce(e.anchor, ''), NULL", "(coalesce(e.anchor, ''), e.rowid) < (?1, ?2)", 1)
        }
        EventSort::DateAsc => {
            ("coalesce(e.anchor, '~'), e.rowid", "coalesce(e.anchor, '~'), NULL", "(coalesce(e.anchor, '~'), e.rowid) > (?1, ?2)", 1)
        }
        EventSort::Type => (
            "e.type, coalesce(e.anchor, '') DESC, e.rowid",
            "e.type, coalesce(e.anchor, '')",
            "(e.type > ?1 OR (e.type = ?1 AND (coalesce(e.anchor, '') < ?2 OR (coalesce(e.anchor, '') = ?2 AND e.rowid > ?3))))",
            2,
        ),
        EventSort::Confidence => {
            ("e.confidence DESC, e.rowid", "e.confidence, NULL", "(e.confidence < ?1 OR (e.confidence = ?1 AND e.rowid > ?2))", 1)
        }
    }
}

/// Filters of the events table beyond a [`Query`]'s.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Narrow {
    /// Event status: reported, claimed, planned, denied or negated.
    pub status: Option<String>,
    /// Least relevance of the event's document (0–1: the relevance model's probability that it
    /// is political or conflict news, `record.relevance`).
    pub min_relevance: Option<f64>,
}

impl Narrow {
    /// Only events of this status.
    pub fn status(status: Option<&str>) -> Narrow {
        Narrow { status: status.map(str::to_string), ..Narrow::default() }
    }
}

/// A document's relevance, read from its record without parsing it.
pub(crate) const RELEVANCE: &str = r#"CAST(substr(record, instr(record, '"relevance":') + 12, 24) AS REAL)"#;

/// The conditions of `q`'s event filters (its text is ignored), `narrow` and the outlet, with
/// their arguments, and whether the documents table is needed.
pub(crate) fn page_filter(q: &Query, narrow: &Narrow) -> (String, Vec<Value>, bool) {
    let (mut cond, mut args) = q.event_filter();
    if cond.is_empty() {
        cond = "1".into();
    }
    if let Some(st) = &narrow.status {
        cond.push_str(" AND e.status = ?");
        args.push(Value::Text(st.clone()));
    }
    if let Some(r) = narrow.min_relevance {
        // The record starts {"id":…,"published":…,"relevance":0.98,…: the number is read where
        // the key first stands (a key inside a string value would have its quotes escaped) rather
        // than by parsing every record's JSON (about 20 times faster).
        cond.push_str(&format!(" AND e.doc IN (SELECT rowid FROM documents WHERE {RELEVANCE} >= ?)"));
        args.push(Value::Real(r));
    }
    if let Some(o) = &q.outlet {
        cond.push_str(" AND d.outlet = ? COLLATE NOCASE");
        args.push(Value::Text(o.clone()));
    }
    (cond, args, q.outlet.is_some())
}

/// Renumbers the `?` of `cond` from `first` on (the cursor takes the first numbers).
fn numbered(cond: &str, first: usize) -> String {
    let mut out = String::with_capacity(cond.len() + 8);
    let mut n = first;
    for c in cond.chars() {
        out.push(c);
        if c == '?' {
            out.push_str(&n.to_string());
            n += 1;
        }
    }
    out
}

/// How many events meet `q`'s event filters, `narrow` and its outlet.
pub fn count_events(store: &Store, q: &Query, narrow: &Narrow) -> Result<usize, StoreError> {
    let (cond, args, docs) = page_filter(q, narrow);
    let from = if docs { "events e JOIN documents d ON d.rowid = e.doc" } else { "events e" };
    let n: i64 = store
        .conn
        .prepare_cached(&format!("SELECT count(*) FROM {from} WHERE {cond}"))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    Ok(n as usize)
}

/// A page of at most `limit` events meeting `q`'s event filters, `narrow` and its outlet, in
/// `sort` order from `start`. Every sort has an index, and a cursor is a position in it, so a page
/// costs the same wherever it starts.
pub fn event_page(
    store: &Store,
    q: &Query,
    narrow: &Narrow,
    sort: EventSort,
    limit: usize,
    start: &PageStart,
) -> Result<EventPage, StoreError> {
    let (order, keys, after, nkeys) = sort_sql(sort);
    let (cond, filter_args, docs) = page_filter(q, narrow);
    let mut args: Vec<Value> = Vec::new();
    let mut sql = format!("SELECT e.rowid, e.story, {keys} FROM events e");
    if docs {
        sql.push_str(" JOIN documents d ON d.rowid = e.doc");
    }
    let mut first_arg = 1;
    if let PageStart::After(cursor) = start {
        args = parse_cursor(cursor, nkeys, sort == EventSort::Confidence)?;
        sql.push_str(&format!(" WHERE {after} AND "));
        first_arg = nkeys + 2;
    } else {
        sql.push_str(" WHERE ");
    }
    sql.push_str(&numbered(&cond, first_arg));
    args.extend(filter_args);
    let limit = limit.clamp(1, 1000);
    sql.push_str(&format!(" ORDER BY {order} LIMIT {}", limit + 1));
    if let PageStart::Offset(n) = start {
        sql.push_str(&format!(" OFFSET {n}"));
    }
    let mut stmt = store.conn.prepare_cached(&sql)?;
    let mut found: Vec<(i64, i64, Value, Value)> =
        stmt.query_map(params_from_iter(args.iter()), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    let more = found.len() > limit;
    found.truncate(limit);
    let next = found.last().filter(|_| more).map(|(rowid, _, a, b)| cursor_of(a, b, *rowid, nkeys));
    let ids: Vec<i64> = found.iter().map(|f| f.0).collect();
    let stories: Vec<i64> = found.iter().map(|f| f.1).collect();
    Ok(EventPage { events: rows_by_id(store, &ids, &stories)?, next })
}

fn key_text(v: &Value) -> String {
    match v {
        Value::Text(t) => t.clone(),
        Value::Real(f) => format!("{f:?}"),
        Value::Integer(i) => i.to_string(),
        _ => String::new(),
    }
}

/// A cursor: the sort keys and the rowid of the last event of a page, comma-separated.
fn cursor_of(a: &Value, b: &Value, rowid: i64, nkeys: usize) -> String {
    if nkeys == 2 {
        format!("{},{},{rowid}", key_text(a), key_text(b))
    } else {
        format!("{},{rowid}", key_text(a))
    }
}

fn parse_cursor(cursor: &str, nkeys: usize, numeric: bool) -> Result<Vec<Value>, StoreError> {
    let bad = || StoreError::Invalid("after must be the next cursor of a page of the same sort".into());
    let parts: Vec<&str> = cursor.split(',').collect();
    if parts.len() != nkeys + 1 || parts.iter().any(|p| p.len() > 64) {
        return Err(bad());
    }
    let rowid: i64 = parts[nkeys].parse().map_err(|_| bad())?;
    let mut out: Vec<Value> = parts[..nkeys].iter().map(|p| Value::Text(p.to_string())).collect();
    if numeric {
        out[0] = Value::Real(parts[0].parse::<f64>().ok().filter(|f| f.is_finite()).ok_or_else(bad)?);
    }
    out.push(Value::Integer(rowid));
    Ok(out)
}

/// The rows of these events, in this order.
fn rows_by_id(store: &Store, ids: &[i64], stories: &[i64]) -> Result<Vec<EventRow>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sources = crate::stories::source_counts(store, Some(stories))?;
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let rows = crate::export::rows_for(store, &format!("e.rowid IN ({list})"), &[], "e.rowid", None, &sources)?;
    let mut sorted: Vec<i64> = ids.to_vec();
    sorted.sort_unstable();
    let mut by_id: std::collections::HashMap<i64, EventRow> = sorted.into_iter().zip(rows).collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// A stored document with everything extracted from it.
#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    /// The document.
    #[serde(flatten)]
    pub meta: crate::export::DocMeta,
    /// The text; every span of `record` is in code points into it.
    pub text: String,
    /// The extract record (docs/output.md).
    pub record: DocOutput,
    /// Content id of the first document of its near-duplicate cluster.
    pub cluster: String,
    /// Other documents of the cluster (content ids).
    pub duplicates: Vec<String>,
}

/// One document by content id (a unique prefix of at least 8 hex digits also works).
pub fn document(store: &Store, id: &str) -> Result<Option<DocView>, StoreError> {
    if id.len() < 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let conn = store.conn();
    let row = conn
        .query_row(
            "SELECT d.rowid, d.id, d.source, d.outlet, d.url, d.title, d.published, d.text, d.record, c.id, d.dup_of
             FROM documents d JOIN documents c ON c.rowid = d.dup_of WHERE d.id >= ?1 AND d.id < ?1 || 'g' ORDER BY d.id LIMIT 1",
            [id.to_ascii_lowercase()],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DocView {
                        meta: crate::export::DocMeta::from_row(r, 1)?,
                        text: r.get(7)?,
                        record: serde_json::from_str(&r.get::<_, String>(8)?)
                            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(e)))?,
                        cluster: r.get(9)?,
                        duplicates: Vec::new(),
                    },
                    r.get::<_, i64>(10)?,
                ))
            },
        )
        .optional()?;
    let Some((rowid, mut view, dup_of)) = row else { return Ok(None) };
    let mut stmt = conn.prepare("SELECT id FROM documents WHERE dup_of = ?1 AND rowid != ?2 ORDER BY rowid LIMIT 50")?;
    view.duplicates = stmt.query_map([dup_of, rowid], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(Some(view))
}

/// Events per day and type (days from the event's anchor).
#[derive(Debug, Clone, Serialize)]
pub struct DayCount {
    /// YYYY-MM-DD.
    pub day: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Events.
    pub count: usize,
}

/// The timeline: events per day and type, oldest first.
pub fn timeline(store: &Store) -> Result<Vec<DayCount>, StoreError> {
    let mut stmt = store.conn().prepare(
        "SELECT anchor, type, count(*) FROM events WHERE anchor IS NOT NULL AND background = 0 GROUP BY anchor, type ORDER BY anchor, type",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(DayCount { day: r.get(0)?, kind: r.get(1)?, count: r.get::<_, i64>(2)? as usize }))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{doc, store_with};

    #[test]
    fn a_document_comes_back_with_its_record_and_the_timeline_counts_it() {
        let text = "قصفت طائرات روسية مدينة إدلب أمس، ما أسفر عن مقتل 9 مدنيين.";
        let s = store_with(&[doc("a", text, "2019-05-10", "A")]);
        let id = crate::content_id(text);
        let v = document(&s, &id[..10]).unwrap().unwrap();
        assert_eq!(v.text, text);
        assert!(!v.record.events.is_empty());
        assert!(document(&s, "zz' OR 1=1 --").unwrap().is_none());
        assert!(document(&s, "0000000000").unwrap().is_none());
        let t = timeline(&s).unwrap();
        assert!(t.iter().any(|d| d.day == "2019-05-09" && d.kind == "ASSAULT"), "{t:?}");
    }

    #[test]
    fn pages_by_cursor_and_by_offset_walk_every_event_once_in_order() {
        let texts = [
            ("قصفت طائرات روسية مدينة إدلب أمس، ما أسفر عن مقتل 9 مدنيين.", "2019-05-10"),
            ("هاجمت قوات النظام السوري مواقع المعارضة في ريف حماة الشمالي اليوم.", "2019-05-11"),
            ("اعتقلت الشرطة التركية عشرة أشخاص في إسطنبول. وتظاهر مئات في دمشق.", "2019-05-12"),
            ("زار وزير الخارجية الروسي دمشق والتقى الرئيس السوري.", "2019-05-12"),
        ];
        let s = store_with(&texts.iter().enumerate().map(|(i, (t, p))| doc(&i.to_string(), t, p, "A")).collect::<Vec<_>>());
        let q = Query { background: true, ..Default::default() };
        let total = count_events(&s, &q, &Narrow::default()).unwrap();
        assert!(total >= 4, "{total}");
        for sort in [EventSort::DateDesc, EventSort::DateAsc, EventSort::Type, EventSort::Confidence] {
            let all = event_page(&s, &q, &Narrow::default(), sort, 100, &PageStart::First).unwrap();
            assert_eq!(all.events.len(), total);
            assert!(all.next.is_none());
            let (mut walked, mut start) = (Vec::new(), PageStart::First);
            loop {
                let p = event_page(&s, &q, &Narrow::default(), sort, 1, &start).unwrap();
                walked.extend(p.events.iter().map(|e| e.event_id.clone()));
                match p.next {
                    Some(c) => start = PageStart::After(c),
                    None => break,
                }
            }
            let ids: Vec<String> = all.events.iter().map(|e| e.event_id.clone()).collect();
            assert_eq!(walked, ids, "{sort:?}");
            let second = event_page(&s, &q, &Narrow::default(), sort, 2, &PageStart::Offset(1)).unwrap();
            assert_eq!(second.events.iter().map(|e| e.event_id.clone()).collect::<Vec<_>>(), ids[1..3], "{sort:?}");
        }
        let dates: Vec<String> = event_page(&s, &q, &Narrow::default(), EventSort::DateDesc, 100, &PageStart::First)
            .unwrap()
            .events
            .iter()
            .filter_map(|e| e.event_date.clone())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
        for bad in ["", "x", "2019-05-10", "a,b,c,d", "2019-05-10,notanumber"] {
            let e = event_page(&s, &q, &Narrow::default(), EventSort::DateDesc, 10, &PageStart::After(bad.into())).unwrap_err();
            assert!(matches!(e, StoreError::Invalid(_)), "{bad}: {e}");
        }
        let conf = event_page(&s, &q, &Narrow::default(), EventSort::Confidence, 10, &PageStart::After("NaN,1".into())).unwrap_err();
        assert!(matches!(conf, StoreError::Invalid(_)));
    }
}
