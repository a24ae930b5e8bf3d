//! Arabic-aware search over the store: the query goes through the same analyzer as the
//! documents (clitics, light suffixes, spelling variants), FTS5 ranks by BM25, filters narrow
//! to documents with a matching event, and snippets highlight the matched words in the
//! original text.

use rasad_text::{CharIndex, Segmenter};
use rusqlite::functions::FunctionFlags;
use rusqlite::{params_from_iter, types::Value, Connection};
use serde::Serialize;

use crate::browse::{Narrow, RELEVANCE};
use crate::{analyzer, haversine_km, Store, StoreError};

/// SQL functions the queries use: `dist_km(lat1, lon1, lat2, lon2)`.
pub(crate) fn register_functions(conn: &Connection) -> Result<(), StoreError> {
    conn.create_scalar_function("dist_km", 4, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        let v: Vec<Option<f64>> = (0..4).map(|i| ctx.get::<Option<f64>>(i)).collect::<Result<_, _>>()?;
        Ok(match (v[0], v[1], v[2], v[3]) {
            (Some(a), Some(b), Some(c), Some(d)) => Some(haversine_km(a, b, c, d)),
            _ => None,
        })
    })?;
    Ok(())
}

/// What to look for. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Words to find (all of them); empty lists documents by the filters alone, newest first.
    pub text: String,
    /// PLOVER event type.
    pub event_type: Option<String>,
    /// Catalogue id of an actor or target.
    pub actor: Option<String>,
    /// Gazetteer id of a place.
    pub place: Option<String>,
    /// Within `km` of a point: (lat, lon, km).
    pub near: Option<(f64, f64, f64)>,
    /// Events on or after this date (YYYY-MM-DD).
    pub from: Option<String>,
    /// Events on or before this date.
    pub to: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Include background events (long before publication, or recalled history); by default only
    /// current ones count.
    pub background: bool,
    /// Most hits returned.
    pub limit: usize,
}

/// A matched word in a snippet: code-point span into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Highlight {
    /// Start.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

/// A passage of the document around the matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// The passage as in the text.
    pub text: String,
    /// Its code-point span in the document.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The matched words inside it (document offsets).
    pub highlights: Vec<Highlight>,
}

/// An event of a hit that meets the filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HitEvent {
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Date value.
    pub date: Option<String>,
    /// Place name.
    pub place: Option<String>,
    /// Actor names (or texts).
    pub actors: Vec<String>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Content id.
    pub id: String,
    /// Source id (file, URL).
    pub source: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// BM25 score (lower is better, as FTS5 gives it); 0 without query words.
    pub score: f64,
    /// Passage with the matches.
    pub snippet: Snippet,
    /// Events meeting the filters (all events when none is set).
    pub events: Vec<HitEvent>,
}

impl Query {
    /// SQL conditions over events (alias `e`) for the event filters, with their arguments.
    pub(crate) fn event_filter(&self) -> (String, Vec<Value>) {
        let mut conds = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if !self.background {
            conds.push("e.background = 0".to_string());
        }
        if let Some(t) = &self.event_type {
            conds.push("e.type = ?".to_string());
            args.push(Value::Text(t.to_ascii_uppercase()));
        }
        if let Some(a) = &self.actor {
            conds.push("e.rowid IN (SELECT event FROM event_args WHERE kb_id = ? AND role IN ('actor', 'target'))".into());
            args.push(Value::Text(a.clone()));
        }
        if let Some(p) = &self.place {
            conds.push("e.rowid IN (SELECT event FROM event_args WHERE kb_id = ? AND role = 'place')".into());
            args.push(Value::Text(p.clone()));
        }
        if let Some((lat, lon, km)) = self.near {
            // A box around the circle first (an index range on latitude), the distance after.
            let dlat = km / 111.0 + 0.01;
            conds.push("e.lat BETWEEN ? AND ?".into());
            args.extend([Value::Real(lat - dlat), Value::Real(lat + dlat)]);
            let c = lat.to_radians().cos();
            let dlon = if c > 0.01 { dlat / c } else { 360.0 };
            if lon - dlon >= -180.0 && lon + dlon <= 180.0 {
                conds.push("e.lon BETWEEN ? AND ?".into());
                args.extend([Value::Real(lon - dlon), Value::Real(lon + dlon)]);
            }
            conds.push("dist_km(e.lat, e.lon, ?, ?) <= ?".into());
            args.extend([Value::Real(lat), Value::Real(lon), Value::Real(km)]);
        }
        if let Some(f) = &self.from {
            conds.push("e.anchor >= ?".into());
            args.push(Value::Text(f.clone()));
        }
        if let Some(t) = &self.to {
            conds.push("e.anchor <= ?".into());
            args.push(Value::Text(t.clone()));
        }
        (conds.join(" AND "), args)
    }

    fn has_event_filter(&self) -> bool {
        self.event_type.is_some()
            || self.actor.is_some()
            || self.place.is_some()
            || self.near.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }
}

/// rowid, id, source, title, outlet, published, text, score.
type DocRow = (i64, String, String, Option<String>, Option<String>, Option<String>, String, f64);

/// The event condition a document must meet (an event of `q`'s event filters and `narrow`'s
/// status), when one of them is set.
fn event_condition(q: &Query, narrow: &Narrow) -> Option<(String, Vec<Value>)> {
    if !q.has_event_filter() && narrow.status.is_none() {
        return None;
    }
    let (cond, mut args) = q.event_filter();
    let mut conds: Vec<String> = if cond.is_empty() { Vec::new() } else { vec![cond] };
    if let Some(st) = &narrow.status {
        conds.push("e.status = ?".into());
        args.push(Value::Text(st.clone()));
    }
    if conds.is_empty() {
        conds.push("1".into());
    }
    Some((conds.join(" AND "), args))
}

/// The conditions (each starting ` AND `) a document whose rowid is the SQL `rowid` must meet:
/// an event of the event filters and status ([`event_condition`]), its outlet (in any case) and
/// least relevance. `exists` checks a document's events one by one (for the matches of words);
/// otherwise the filter's documents are listed first.
pub(crate) fn document_conditions(q: &Query, narrow: &Narrow, rowid: &str, exists: bool) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut args = Vec::new();
    if let Some((cond, ev_args)) = event_condition(q, narrow) {
        sql.push_str(&if exists {
            format!(" AND EXISTS (SELECT 1 FROM events e WHERE e.doc = {rowid} AND {cond})")
        } else {
            format!(" AND {rowid} IN (SELECT e.doc FROM events e WHERE {cond})")
        });
        args.extend(ev_args);
    }
    let mut own = Vec::new();
    if let Some(o) = &q.outlet {
        own.push("o.outlet = ? COLLATE NOCASE".to_string());
        args.push(Value::Text(o.clone()));
    }
    if let Some(r) = narrow.min_relevance {
        own.push(format!("{RELEVANCE} >= ?"));
        args.push(Value::Real(r));
    }
    if !own.is_empty() {
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM documents o WHERE o.rowid = {rowid} AND {})", own.join(" AND ")));
    }
    (sql, args)
}

/// Runs a query (no status or relevance filter: [`search_narrowed`]).
pub fn search(store: &Store, q: &Query, seg: &Segmenter) -> Result<Vec<Hit>, StoreError> {
    search_narrowed(store, q, &Narrow::default(), seg)
}

/// Runs a query over the documents that also meet `narrow`: with an event of its status (and
/// of the event filters), of at least its relevance. Each hit lists its events meeting the
/// event filters and status when one is set, else its current events (all of them with `background`).
pub fn search_narrowed(store: &Store, q: &Query, narrow: &Narrow, seg: &Segmenter) -> Result<Vec<Hit>, StoreError> {
    let conn = store.conn();
    let expr = analyzer::match_expr(&q.text, seg);
    if !q.text.trim().is_empty() && expr.is_none() {
        return Ok(Vec::new());
    }
    // The ranked or dated list of document rowids first (the sort carries no texts), then the
    // documents of the page.
    let mut inner = String::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(m) = &expr {
        inner.push_str("SELECT rowid, bm25(doc_fts) AS score FROM doc_fts WHERE doc_fts MATCH ?");
        args.push(Value::Text(m.clone()));
    } else {
        inner.push_str("SELECT d0.rowid, 0.0 AS score FROM documents d0 WHERE 1");
    }
    // Matches are checked one by one against the filters (a few index look-ups each); without
    // words, the filters' documents are listed first.
    let (cond, cond_args) = document_conditions(q, narrow, if expr.is_some() { "doc_fts.rowid" } else { "d0.rowid" }, expr.is_some());
    inner.push_str(&cond);
    args.extend(cond_args);
    inner.push_str(if expr.is_some() { " ORDER BY score, rowid" } else { " ORDER BY d0.published DESC, d0.rowid DESC" });
    inner.push_str(&format!(" LIMIT {}", q.limit.max(1)));
    let sql = format!(
        "SELECT d.rowid, d.id, d.source, d.title, d.outlet, d.published, d.text, s.score FROM ({inner}) s JOIN documents d ON d.rowid = s.rowid ORDER BY s.score, {}",
        if expr.is_some() { "d.rowid" } else { "d.published DESC, d.rowid DESC" }
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows: Vec<DocRow> = stmt
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
        })?
        .collect::<Result<_, _>>()?;
    let wanted: Vec<String> = analyzer::terms(&q.text, seg).into_iter().map(|(t, _)| t).collect();
    // The events listed: those of the filters, else every current one (background ones too when
    // asked for), as the events list counts them.
    let ev = event_condition(q, narrow).or_else(|| Some(q.event_filter()).filter(|(c, _)| !c.is_empty()));
    let mut hits = Vec::with_capacity(rows.len());
    for (rowid, id, source, title, outlet, published, text, score) in rows {
        let events = hit_events(conn, rowid, ev.as_ref().map(|(c, a)| (c, a)))?;
        hits.push(Hit { snippet: snippet(&text, &wanted, seg), id, source, title, outlet, published, score, events });
    }
    Ok(hits)
}

fn hit_events(conn: &Connection, doc: i64, filter: Option<(&String, &Vec<Value>)>) -> Result<Vec<HitEvent>, StoreError> {
    let mut sql = "SELECT e.rowid, e.type, e.date, e.place_name FROM events e WHERE e.doc = ?".to_string();
    let mut args = vec![Value::Integer(doc)];
    if let Some((cond, a)) = filter {
        sql.push_str(&format!(" AND {cond}"));
        args.extend(a.iter().cloned());
    }
    sql.push_str(" ORDER BY e.idx");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows: Vec<(i64, String, Option<String>, Option<String>)> =
        stmt.query_map(params_from_iter(args.iter()), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    let mut actors = conn.prepare_cached("SELECT coalesce(name, text) FROM event_args WHERE event = ?1 AND role = 'actor'")?;
    let mut out = Vec::new();
    for (rowid, kind, date, place) in rows {
        let a: Vec<String> = actors.query_map([rowid], |r| r.get(0))?.collect::<Result<_, _>>()?;
        out.push(HitEvent { kind, date, place, actors: a });
    }
    Ok(out)
}

/// Bytes of text analyzed at a time while looking for the first match.
const SNIPPET_WINDOW: usize = 2048;

/// The terms of `text` up to [`SNIPPET_WORDS`] past the first one in `wanted` (all of them when
/// none is): the text is analyzed a window at a time, cut at white space, so a long document is
/// not read past its first match.
fn terms_to_match(text: &str, wanted: &[String], seg: &Segmenter) -> Vec<(String, rasad_text::Span)> {
    let mut out: Vec<(String, rasad_text::Span)> = Vec::new();
    let (mut at, mut base) = (0, 0);
    let mut first: Option<usize> = None;
    while at < text.len() {
        let mut cut = (at + SNIPPET_WINDOW).min(text.len());
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        if let Some(ws) = text[at..cut].rfind(char::is_whitespace).filter(|_| cut < text.len()) {
            cut = at + ws + text[at + ws..].chars().next().map_or(1, char::len_utf8);
        }
        let part = &text[at..cut];
        for (t, sp) in analyzer::terms(part, seg) {
            if first.is_none() && wanted.contains(&t) {
                first = Some(out.len());
            }
            out.push((t, rasad_text::Span::new(sp.start + base, sp.end + base)));
        }
        base += part.chars().count();
        at = cut;
        if first.is_some_and(|f| out.len() > f + SNIPPET_WORDS) || (wanted.is_empty() && out.len() > SNIPPET_WORDS) {
            break;
        }
    }
    out
}

/// Words either side of the densest match in a snippet.
const SNIPPET_WORDS: usize = 14;

/// Longest snippet, in code points (a word may be thousands of characters long).
pub const SNIPPET_CHARS: usize = 320;

/// The passage around the first run of matches: up to [`SNIPPET_WORDS`] words either side and
/// at most [`SNIPPET_CHARS`] code points, highlights cut to it.
pub fn snippet(text: &str, wanted: &[String], seg: &Segmenter) -> Snippet {
    let terms = terms_to_match(text, wanted, seg);
    let idx = CharIndex::new(text);
    let matched: Vec<usize> = terms.iter().enumerate().filter(|(_, (t, _))| wanted.iter().any(|w| w == t)).map(|(i, _)| i).collect();
    let centre = matched.first().copied().unwrap_or(0);
    let (lo, hi) = (centre.saturating_sub(SNIPPET_WORDS), (centre + SNIPPET_WORDS + 1).min(terms.len()));
    if terms.is_empty() {
        return Snippet { text: String::new(), start: 0, end: 0, highlights: Vec::new() };
    }
    let (mut start, mut end) = (terms[lo].1.start, terms[hi - 1].1.end);
    if end - start > SNIPPET_CHARS {
        let focus = matched.first().map_or(start, |&i| terms[i].1.start);
        start = focus.saturating_sub(SNIPPET_CHARS / 3).max(start);
        end = (start + SNIPPET_CHARS).min(end);
    }
    let highlights = matched
        .iter()
        .filter(|&&i| i >= lo && i < hi)
        .map(|&i| Highlight { start: terms[i].1.start.max(start), end: terms[i].1.end.min(end) })
        .filter(|h| h.start < h.end)
        .collect();
    Snippet { text: idx.slice(text, rasad_text::Span::new(start, end)).to_string(), start, end, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{doc, store_with};
    use rasad_pipeline::Pipeline;

    fn store() -> Store {
        store_with(&[
            doc("a", "وصل المقاتلون الأجانب إلى ريف حلب الشمالي صباح اليوم، بحسب مصادر محلية.", "2020-02-01", "A"),
            doc("b", "قصفت طائرات روسية مواقع لمقاتلي المعارضة في إدلب أمس، ما أسفر عن مقتل 5 أشخاص.", "2020-02-03", "B"),
            doc("c", "افتتحت وزارة التربية مدرسة جديدة في حمص بحضور المحافظ.", "2020-02-04", "C"),
        ])
    }

    #[test]
    fn clitic_and_plural_forms_find_each_other() {
        let s = store();
        let seg = Pipeline::shared().segmenter();
        let q = |text: &str| search(&s, &Query { text: text.into(), limit: 10, ..Default::default() }, seg).unwrap();
        let ids: Vec<String> = q("مقاتلين").iter().map(|h| h.source.clone()).collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
        assert!(ids.contains(&"a".to_string()) && ids.contains(&"b".to_string()));
        assert_eq!(q("بالمدرسة").len(), 1);
        assert!(q("غير موجود أبدا").is_empty());
        assert!(q("\"").is_empty());
    }

    #[test]
    fn snippets_highlight_the_matched_words_in_the_original_text() {
        let s = store();
        let seg = Pipeline::shared().segmenter();
        let hits = search(&s, &Query { text: "مقاتلين".into(), limit: 10, ..Default::default() }, seg).unwrap();
        let b = hits.iter().find(|h| h.source == "b").unwrap();
        let text = "قصفت طائرات روسية مواقع لمقاتلي المعارضة في إدلب أمس، ما أسفر عن مقتل 5 أشخاص.";
        let h = b.snippet.highlights[0];
        assert_eq!(rasad_text::char_slice(text, rasad_text::Span::new(h.start, h.end)), "لمقاتلي");
        // A match deep in a long text: read a window at a time, spans still into the whole text.
        let long = format!("{} {text}", "كلمة عادية هنا ".repeat(2000));
        let s = snippet(&long, &["مقاتل".to_string()], seg);
        let h = s.highlights[0];
        assert_eq!(rasad_text::char_slice(&long, rasad_text::Span::new(h.start, h.end)), "لمقاتلي");
        assert_eq!(rasad_text::char_slice(&long, rasad_text::Span::new(s.start, s.end)), s.text);
    }

    #[test]
    fn filters_narrow_to_documents_with_matching_events() {
        let s = store();
        let seg = Pipeline::shared().segmenter();
        let hits = search(&s, &Query { event_type: Some("ASSAULT".into()), limit: 10, ..Default::default() }, seg).unwrap();
        assert_eq!(hits.iter().map(|h| h.source.as_str()).collect::<Vec<_>>(), ["b"]);
        assert!(hits[0].events.iter().all(|e| e.kind == "ASSAULT"));
        // Idlib is about 50 km from Aleppo's countryside: a 20 km radius around Idlib city keeps only b.
        let near = search(&s, &Query { near: Some((35.93, 36.63, 20.0)), limit: 10, ..Default::default() }, seg).unwrap();
        assert_eq!(near.iter().map(|h| h.source.as_str()).collect::<Vec<_>>(), ["b"]);
        let by_actor = search(&s, &Query { actor: Some("RUS".into()), limit: 10, ..Default::default() }, seg).unwrap();
        assert_eq!(by_actor.iter().map(|h| h.source.as_str()).collect::<Vec<_>>(), ["b"]);
        let by_place = search(&s, &Query { place: Some("P-IDLIB".into()), limit: 10, ..Default::default() }, seg).unwrap();
        assert_eq!(by_place.iter().map(|h| h.source.as_str()).collect::<Vec<_>>(), ["b"]);
        let none = search(&s, &Query { from: Some("2021-01-01".into()), limit: 10, ..Default::default() }, seg).unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn a_snippet_stays_short_whatever_the_words() {
        let seg = Pipeline::shared().segmenter();
        let long = "ب".repeat(200_000);
        let text = format!("قصفت الطائرات {long} مدينة حلب {long} أمس");
        let s = snippet(&text, &["حلب".to_string()], seg);
        assert!(s.text.chars().count() <= SNIPPET_CHARS, "{}", s.text.chars().count());
        assert_eq!(rasad_text::char_slice(&text, rasad_text::Span::new(s.start, s.end)), s.text);
        let h = s.highlights[0];
        assert_eq!(rasad_text::char_slice(&text, rasad_text::Span::new(h.start, h.end)), "حلب");
    }
}
