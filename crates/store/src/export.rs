//! Exports: events as CSV (ACLED-like columns plus PLOVER fields, sources and spans), JSON
//! Lines and GeoJSON; the actor network as GraphML or GEXF.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use rasad_text::{CharIndex, Span};

use crate::{Store, StoreError};

/// One event with its document and story, flat.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// `<document id>-<n>`.
    pub event_id: String,
    /// Content id of the document.
    pub doc_id: String,
    /// Date value (YYYY, YYYY-MM or YYYY-MM-DD) or empty.
    pub event_date: Option<String>,
    /// year, month, week or day.
    pub time_precision: Option<String>,
    /// PLOVER event type.
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// reported, claimed, planned, denied, negated.
    pub status: String,
    /// First actor (English name, else the text).
    pub actor1: Option<String>,
    /// Its catalogue id.
    pub actor1_id: Option<String>,
    /// Further actors, `; `-separated.
    pub assoc_actor_1: Option<String>,
    /// First target.
    pub actor2: Option<String>,
    /// Its catalogue id.
    pub actor2_id: Option<String>,
    /// Further targets.
    pub assoc_actor_2: Option<String>,
    /// Place name.
    pub location: Option<String>,
    /// Gazetteer id.
    pub place_id: Option<String>,
    /// Latitude.
    pub latitude: Option<f64>,
    /// Longitude.
    pub longitude: Option<f64>,
    /// exact, admin or country.
    pub geo_precision: Option<String>,
    /// The count, as read.
    pub quantity: Option<f64>,
    /// The counted noun (match key, singular).
    pub quantity_unit: Option<String>,
    /// exact, at_least, at_most, range.
    pub quantity_bound: Option<String>,
    /// About?
    pub quantity_approx: Option<bool>,
    /// Deaths when the count is of the killed (ACLED's fatalities), else empty.
    pub fatalities: Option<f64>,
    /// Who reports it.
    pub source: Option<String>,
    /// Outlet of the document.
    pub outlet: Option<String>,
    /// URL of the document.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The sentence the event was read from.
    pub notes: String,
    /// Story id: events of one occurrence across documents share it.
    pub story: i64,
    /// Documents reporting the story, near-duplicates and one outlet's articles counted once.
    pub independent_sources: usize,
    /// The extractor's confidence.
    pub confidence: f64,
    /// Trigger word and its span, `text@start-end`; the same for actor1, actor2, location, date, quantity, source.
    pub trigger_span: String,
    /// Span of actor1.
    pub actor1_span: Option<String>,
    /// Span of actor2.
    pub actor2_span: Option<String>,
    /// Span of the place.
    pub location_span: Option<String>,
    /// Span of the date.
    pub date_span: Option<String>,
    /// Span of the quantity.
    pub quantity_span: Option<String>,
    /// Span of the source.
    pub source_span: Option<String>,
}

/// Counted nouns that are deaths.
const DEATH_UNITS: &[&str] = &["قتيل", "شهيد", "ضحيه", "جثه", "ميت"];
/// Words just before a count that make it a death toll ("مقتل 12 مدنيا").
const DEATH_CUES: &[&str] = &["مقتل", "قتل", "مصرع", "استشهاد", "وفاه", "قتلي", "ضحايا"];

/// True when a quantity counts deaths: its noun is a death noun, or one of the three words before
/// it is a death cue.
fn is_death_toll(text: &str, idx: &CharIndex, q: &Value) -> bool {
    if s(q, "unit").is_some_and(|u| DEATH_UNITS.contains(&u.as_str())) {
        return true;
    }
    let start = q.get("start").and_then(Value::as_u64).unwrap_or(0) as usize;
    let start = start.min(idx.char_len());
    idx.slice(text, Span::new(start.saturating_sub(40), start)).split_whitespace().rev().take(3).any(|w| {
        DEATH_CUES.contains(&rasad_text::match_key(w).trim_start_matches('و').trim_start_matches("ال").trim_end_matches(['،', ',', ':']))
    })
}

fn s(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

fn span_of(v: &Value) -> Option<String> {
    Some(format!("{}@{}-{}", v.get("text")?.as_str()?, v.get("start")?.as_u64()?, v.get("end")?.as_u64()?))
}

fn name_of(v: &Value) -> Option<String> {
    s(v, "name").or_else(|| s(v, "text"))
}

fn join_rest(list: &[Value]) -> Option<String> {
    let rest: Vec<String> = list.iter().skip(1).filter_map(name_of).collect();
    (!rest.is_empty()).then(|| rest.join("; "))
}

/// Independent sources per story: documents joined when they share an outlet or a
/// near-duplicate cluster; the count of groups.
fn independent_sources(store: &Store, only: Option<&[i64]>) -> Result<HashMap<i64, usize>, StoreError> {
    let mut sql =
        "SELECT DISTINCT e.story, d.rowid, d.dup_of, coalesce(d.outlet, '') FROM events e JOIN documents d ON d.rowid = e.doc".to_string();
    if let Some(stories) = only {
        let list: Vec<String> = stories.iter().map(i64::to_string).collect();
        sql.push_str(&format!(" WHERE e.story IN ({})", list.join(",")));
    }
    let mut stmt = store.conn().prepare(&sql)?;
    let rows: Vec<(i64, i64, i64, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    let mut by_story: BTreeMap<i64, Vec<(i64, String)>> = BTreeMap::new();
    for (story, _doc, dup, outlet) in rows {
        by_story.entry(story).or_default().push((dup, outlet));
    }
    let mut out = HashMap::new();
    for (story, docs) in by_story {
        // Union-find over the story's documents.
        let n = docs.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        for i in 0..n {
            for j in i + 1..n {
                if docs[i].0 == docs[j].0 || (!docs[i].1.is_empty() && docs[i].1 == docs[j].1) {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
            }
        }
        let groups = (0..n).filter(|&i| find(&mut parent, i) == i).count();
        out.insert(story, groups);
    }
    Ok(out)
}

/// Every stored event, in store order.
pub fn event_rows(store: &Store) -> Result<Vec<EventRow>, StoreError> {
    let sources = independent_sources(store, None)?;
    rows_for(store, "1", &[], "e.rowid", None, &sources)
}

/// How to order a page of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventSort {
    /// Newest event day first (undated last).
    #[default]
    DateDesc,
    /// Oldest first.
    DateAsc,
    /// By type, then date.
    Type,
    /// Most independent sources first is not a column; by confidence, highest first.
    Confidence,
}

/// A page of events meeting `q`'s event filters (its text is ignored), with `status` and the
/// document's outlet: the rows and the number of all matching events.
pub fn event_page(
    store: &Store,
    q: &crate::search::Query,
    status: Option<&str>,
    sort: EventSort,
    limit: usize,
    offset: usize,
) -> Result<(Vec<EventRow>, usize), StoreError> {
    let (mut cond, mut args) = q.event_filter();
    if cond.is_empty() {
        cond = "1".into();
    }
    if let Some(st) = status {
        cond.push_str(" AND e.status = ?");
        args.push(rusqlite::types::Value::Text(st.to_string()));
    }
    if let Some(o) = &q.outlet {
        cond.push_str(" AND d.outlet = ?");
        args.push(rusqlite::types::Value::Text(o.clone()));
    }
    let total: i64 = store.conn().query_row(
        &format!("SELECT count(*) FROM events e JOIN documents d ON d.rowid = e.doc WHERE {cond}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let order = match sort {
        EventSort::DateDesc => "e.anchor IS NULL, e.anchor DESC, e.rowid",
        EventSort::DateAsc => "e.anchor IS NULL, e.anchor, e.rowid",
        EventSort::Type => "e.type, e.anchor DESC, e.rowid",
        EventSort::Confidence => "e.confidence DESC, e.rowid",
    };
    let stories: Vec<i64> = {
        let mut st = store.conn().prepare(&format!(
            "SELECT e.story FROM events e JOIN documents d ON d.rowid = e.doc WHERE {cond} ORDER BY {order} LIMIT {} OFFSET {}",
            limit.min(1000),
            offset
        ))?;
        let v = st.query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?.collect::<Result<_, _>>()?;
        v
    };
    let sources = independent_sources(store, Some(&stories))?;
    let rows = rows_for(store, &cond, &args, order, Some((limit.min(1000), offset)), &sources)?;
    Ok((rows, total as usize))
}

fn rows_for(
    store: &Store,
    cond: &str,
    args: &[rusqlite::types::Value],
    order: &str,
    page: Option<(usize, usize)>,
    sources: &HashMap<i64, usize>,
) -> Result<Vec<EventRow>, StoreError> {
    let mut sql = format!(
        "SELECT d.id, e.idx, e.record, e.story, d.outlet, d.url, d.title, d.published, d.text, e.anchor
         FROM events e JOIN documents d ON d.rowid = e.doc WHERE {cond} ORDER BY {order}"
    );
    if let Some((limit, offset)) = page {
        sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    let mut stmt = store.conn().prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    let mut out = Vec::new();
    // Rows come grouped by document: index each text once.
    let mut current: Option<(String, String, CharIndex)> = None;
    while let Some(r) = rows.next()? {
        let (doc_id, idx, record, story): (String, i64, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if current.as_ref().is_none_or(|c| c.0 != doc_id) {
            let text: String = r.get(8)?;
            let ci = CharIndex::new(&text);
            current = Some((doc_id.clone(), text, ci));
        }
        let Some((_, text, ci)) = current.as_ref() else { continue };
        let ev: Value = serde_json::from_str(&record)?;
        let empty = Vec::new();
        let list = |k: &str| ev.get(k).and_then(Value::as_array).unwrap_or(&empty).clone();
        let (actors, targets, places) = (list("actors"), list("targets"), list("places"));
        let place = places.iter().find(|p| p.get("lat").is_some()).or(places.first()).cloned();
        let date = ev.get("date").filter(|d| !d.is_null()).cloned();
        let q = ev.get("quantity").filter(|d| !d.is_null()).cloned();
        let src = ev.get("source").filter(|d| !d.is_null()).cloned();
        let unit = q.as_ref().and_then(|q| s(q, "unit"));
        let value = q.as_ref().and_then(|q| q.get("value")).and_then(Value::as_f64);
        let sentence = ev.get("sentence").map(|sp| {
            let (a, b) = (
                sp.get("start").and_then(Value::as_u64).unwrap_or(0) as usize,
                sp.get("end").and_then(Value::as_u64).unwrap_or(0) as usize,
            );
            let (a, b) = (a.min(ci.char_len()), b.min(ci.char_len()));
            ci.slice(text, Span::new(a, b.max(a))).to_string()
        });
        out.push(EventRow {
            event_id: format!("{doc_id}-{idx}"),
            doc_id,
            event_date: date.as_ref().and_then(|d| s(d, "value")),
            time_precision: date.as_ref().and_then(|d| s(d, "precision")),
            event_type: s(&ev, "type").unwrap_or_default(),
            mode: s(&ev, "mode"),
            status: s(&ev, "status").unwrap_or_default(),
            actor1: actors.first().and_then(name_of),
            actor1_id: actors.first().and_then(|a| s(a, "id")),
            assoc_actor_1: join_rest(&actors),
            actor2: targets.first().and_then(name_of),
            actor2_id: targets.first().and_then(|a| s(a, "id")),
            assoc_actor_2: join_rest(&targets),
            location: place.as_ref().and_then(name_of),
            place_id: place.as_ref().and_then(|p| s(p, "id")),
            latitude: place.as_ref().and_then(|p| p.get("lat")).and_then(Value::as_f64),
            longitude: place.as_ref().and_then(|p| p.get("lon")).and_then(Value::as_f64),
            geo_precision: place.as_ref().and_then(|p| s(p, "geo_precision")),
            quantity: value,
            quantity_bound: q.as_ref().and_then(|q| s(q, "bound")),
            quantity_approx: q.as_ref().and_then(|q| q.get("approx")).and_then(Value::as_bool),
            fatalities: value.filter(|_| q.as_ref().is_some_and(|q| is_death_toll(text, ci, q))),
            quantity_unit: unit,
            source: src.as_ref().and_then(name_of),
            outlet: r.get(4)?,
            url: r.get(5)?,
            title: r.get(6)?,
            published: r.get(7)?,
            notes: sentence.unwrap_or_default(),
            story,
            independent_sources: sources.get(&story).copied().unwrap_or(1),
            confidence: ev.get("confidence").and_then(Value::as_f64).unwrap_or(0.0),
            trigger_span: ev.get("trigger").and_then(span_of).unwrap_or_default(),
            actor1_span: actors.first().and_then(span_of),
            actor2_span: targets.first().and_then(span_of),
            location_span: place.as_ref().and_then(span_of),
            date_span: date.as_ref().and_then(span_of),
            quantity_span: q.as_ref().and_then(span_of),
            source_span: src.as_ref().and_then(span_of),
        });
    }
    Ok(out)
}

/// A CSV error, with write errors kept as I/O errors (so a closed pipe reads as one).
fn csv_error(e: csv::Error) -> StoreError {
    if e.is_io_error() {
        if let csv::ErrorKind::Io(io) = e.into_kind() {
            return StoreError::Io(io);
        }
        return StoreError::Invalid("CSV write error".into());
    }
    StoreError::Csv(e)
}

/// Event export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventFormat {
    /// CSV with a header row.
    Csv,
    /// One JSON object a line: the flat row plus the full event record under `event`.
    Jsonl,
    /// A GeoJSON FeatureCollection of the events that have coordinates.
    Geojson,
    /// Apache Parquet, the CSV's columns typed (with the `parquet` feature, on by default).
    #[cfg(feature = "parquet")]
    Parquet,
}

/// Writes every event in `format`; returns how many were written.
pub fn events(store: &Store, format: EventFormat, out: &mut dyn Write) -> Result<usize, StoreError> {
    let rows = event_rows(store)?;
    match format {
        EventFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for r in &rows {
                w.serialize(r).map_err(csv_error)?;
            }
            w.flush()?;
            Ok(rows.len())
        }
        EventFormat::Jsonl => {
            for r in &rows {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
            Ok(rows.len())
        }
        #[cfg(feature = "parquet")]
        EventFormat::Parquet => {
            out.write_all(&crate::parquet_out::events_parquet(&rows)?)?;
            Ok(rows.len())
        }
        EventFormat::Geojson => {
            let feats: Vec<Value> = rows
                .iter()
                .filter_map(|r| {
                    let (lat, lon) = (r.latitude?, r.longitude?);
                    Some(serde_json::json!({
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [lon, lat]},
                        "properties": serde_json::to_value(r).ok()?,
                    }))
                })
                .collect();
            let n = feats.len();
            serde_json::to_writer(&mut *out, &serde_json::json!({"type": "FeatureCollection", "features": feats}))?;
            out.write_all(b"\n")?;
            Ok(n)
        }
    }
}

/// What identifies and describes a stored document.
#[derive(Debug, Clone, Serialize)]
pub struct DocMeta {
    /// Content id.
    pub id: String,
    /// Source id (file name, URL, JSONL id).
    pub source: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

impl DocMeta {
    /// Reads the six columns `id, source, outlet, url, title, published` starting at `at`.
    pub(crate) fn from_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Self> {
        Ok(DocMeta {
            id: r.get(at)?,
            source: r.get(at + 1)?,
            outlet: r.get(at + 2)?,
            url: r.get(at + 3)?,
            title: r.get(at + 4)?,
            published: r.get(at + 5)?,
        })
    }
}

/// One stored document's metadata and near-duplicate cluster.
#[derive(Debug, Clone, Serialize)]
pub struct DocRow {
    /// The document.
    #[serde(flatten)]
    pub meta: DocMeta,
    /// Content id of the first document of its near-duplicate cluster (its own id when first).
    pub cluster: String,
    /// Estimated Jaccard similarity to that document (absent for the first).
    pub similarity: Option<f64>,
    /// Events extracted.
    pub events: usize,
}

/// Writes every document as a JSON line; returns how many.
pub fn documents(store: &Store, out: &mut dyn Write) -> Result<usize, StoreError> {
    let mut stmt = store.conn().prepare(
        "SELECT d.id, d.source, d.outlet, d.url, d.title, d.published, c.id, d.similarity, (SELECT count(*) FROM events e WHERE e.doc = d.rowid)
         FROM documents d JOIN documents c ON c.rowid = d.dup_of ORDER BY d.rowid",
    )?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let row =
            DocRow { meta: DocMeta::from_row(r, 0)?, cluster: r.get(6)?, similarity: r.get(7)?, events: r.get::<_, i64>(8)? as usize };
        serde_json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}

/// Network formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFormat {
    /// GraphML (yEd, Gephi, networkx, igraph).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
}

/// The actor network: linked actors as nodes; for each event, an edge from each linked actor to
/// each linked target, typed by the event type and weighted by the number of events.
#[derive(Debug, Default)]
pub struct Network {
    /// id → (name, events the actor takes part in).
    pub nodes: BTreeMap<String, (String, usize)>,
    /// (source, target, type) → events.
    pub edges: BTreeMap<(String, String, String), usize>,
}

/// Builds the network from the store.
pub fn network(store: &Store) -> Result<Network, StoreError> {
    let mut stmt = store.conn().prepare("SELECT event, role, kb_id, coalesce(name, text) FROM event_args WHERE kb_id IS NOT NULL AND role IN ('actor', 'target') ORDER BY event")?;
    let rows: Vec<(i64, String, String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    let mut types = store.conn().prepare("SELECT rowid, type FROM events")?;
    let kind: HashMap<i64, String> = types.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    let mut net = Network::default();
    let mut i = 0;
    while i < rows.len() {
        let ev = rows[i].0;
        let mut j = i;
        while j < rows.len() && rows[j].0 == ev {
            j += 1;
        }
        let group = &rows[i..j];
        for (_, _, id, name) in group {
            let n = net.nodes.entry(id.clone()).or_insert_with(|| (name.clone(), 0));
            n.1 += 1;
        }
        let t = kind.get(&ev).cloned().unwrap_or_default();
        for (_, _, a, _) in group.iter().filter(|r| r.1 == "actor") {
            for (_, _, b, _) in group.iter().filter(|r| r.1 == "target") {
                if a != b {
                    *net.edges.entry((a.clone(), b.clone(), t.clone())).or_default() += 1;
                }
            }
        }
        i = j;
    }
    Ok(net)
}

/// XML text and attribute escaping.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the network; returns (nodes, edges).
pub fn write_network(net: &Network, format: NetworkFormat, out: &mut dyn Write) -> Result<(usize, usize), StoreError> {
    let e = xml_escape;
    match format {
        NetworkFormat::Graphml => {
            writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
            writeln!(out, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#)?;
            writeln!(out, r#"  <key id="name" for="node" attr.name="name" attr.type="string"/>"#)?;
            writeln!(out, r#"  <key id="events" for="node" attr.name="events" attr.type="int"/>"#)?;
            writeln!(out, r#"  <key id="type" for="edge" attr.name="type" attr.type="string"/>"#)?;
            writeln!(out, r#"  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#)?;
            writeln!(out, r#"  <graph id="rasad" edgedefault="directed">"#)?;
            for (id, (name, n)) in &net.nodes {
                writeln!(out, r#"    <node id="{}"><data key="name">{}</data><data key="events">{n}</data></node>"#, e(id), e(name))?;
            }
            for (i, ((a, b, t), w)) in net.edges.iter().enumerate() {
                writeln!(
                    out,
                    r#"    <edge id="e{i}" source="{}" target="{}"><data key="type">{}</data><data key="weight">{w}</data></edge>"#,
                    e(a),
                    e(b),
                    e(t)
                )?;
            }
            writeln!(out, "  </graph>\n</graphml>")?;
        }
        NetworkFormat::Gexf => {
            writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
            writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
            writeln!(out, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
            writeln!(out, r#"    <attributes class="node"><attribute id="0" title="events" type="integer"/></attributes>"#)?;
            writeln!(out, r#"    <attributes class="edge"><attribute id="0" title="type" type="string"/></attributes>"#)?;
            writeln!(out, "    <nodes>")?;
            for (id, (name, n)) in &net.nodes {
                writeln!(
                    out,
                    r#"      <node id="{}" label="{}"><attvalues><attvalue for="0" value="{n}"/></attvalues></node>"#,
                    e(id),
                    e(name)
                )?;
            }
            writeln!(out, "    </nodes>\n    <edges>")?;
            for (i, ((a, b, t), w)) in net.edges.iter().enumerate() {
                writeln!(
                    out,
                    r#"      <edge id="{i}" source="{}" target="{}" label="{}" weight="{w}"><attvalues><attvalue for="0" value="{}"/></attvalues></edge>"#,
                    e(a),
                    e(b),
                    e(t),
                    e(t)
                )?;
            }
            writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
        }
    }
    Ok((net.nodes.len(), net.edges.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{doc, store_with};

    fn store() -> Store {
        store_with(&[
            doc(
                "a",
                "قصفت طائرات روسية بلدة كفرنبل في ريف إدلب أمس، ما أسفر عن مقتل 12 مدنيا، بحسب المرصد السوري لحقوق الإنسان.",
                "2019-05-10",
                "A",
            ),
            doc("b", "هاجمت قوات النظام السوري مواقع هيئة تحرير الشام في ريف حماة الشمالي اليوم.", "2019-05-11", "B"),
        ])
    }

    #[test]
    fn csv_has_acled_like_columns_and_spans_that_slice_back() {
        let s = store();
        let mut buf = Vec::new();
        let n = events(&s, EventFormat::Csv, &mut buf).unwrap();
        assert!(n >= 2);
        let text = String::from_utf8(buf).unwrap();
        let header = text.lines().next().unwrap();
        for col in [
            "event_date",
            "event_type",
            "actor1",
            "actor2",
            "location",
            "latitude",
            "longitude",
            "fatalities",
            "source",
            "notes",
            "independent_sources",
            "trigger_span",
        ] {
            assert!(header.split(',').any(|c| c == col), "{col} missing from {header}");
        }
        let rows = event_rows(&s).unwrap();
        assert!(rows.iter().any(|r| r.event_type == "ASSAULT" && r.fatalities == Some(12.0)), "{rows:#?}");
    }

    #[test]
    fn two_outlets_reporting_one_strike_make_one_story_with_two_independent_sources() {
        let texts = [
            ("قصفت طائرات روسية مدينة إدلب أمس، ما أسفر عن مقتل 9 مدنيين، وفق الدفاع المدني.", "2019-05-10", "وكالة أ"),
            ("شنت المقاتلات الروسية غارات على إدلب يوم الخميس وقتلت تسعة أشخاص بينهم أطفال، بحسب ناشطين.", "2019-05-10", "صحيفة ب"),
            ("قصفت طائرات روسية مدينة إدلب في غارة جديدة، وأفاد مراسلنا بسقوط ضحايا.", "2019-05-30", "وكالة أ"),
        ];
        let s = store_with(&texts.iter().map(|(t, p, o)| doc("x", t, p, o)).collect::<Vec<_>>());
        let rows = event_rows(&s).unwrap();
        let assault = |i: usize| {
            let id = crate::content_id(texts[i].0);
            rows.iter()
                .find(|r| r.doc_id == id && r.event_type == "ASSAULT")
                .cloned()
                .unwrap_or_else(|| panic!("no ASSAULT in text {i}: {rows:#?}"))
        };
        let (a, b, c) = (assault(0), assault(1), assault(2));
        assert_eq!(a.story, b.story, "{rows:#?}");
        assert_eq!(a.independent_sources, 2);
        assert_ne!(c.story, a.story, "three weeks later is another strike");
    }

    #[test]
    fn geojson_and_network_are_well_formed() {
        let s = store();
        let mut buf = Vec::new();
        events(&s, EventFormat::Geojson, &mut buf).unwrap();
        let v: Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let f = &v["features"][0];
        assert_eq!(f["geometry"]["type"], "Point");
        let net = network(&s).unwrap();
        assert!(!net.edges.is_empty(), "{net:?}");
        for fmt in [NetworkFormat::Graphml, NetworkFormat::Gexf] {
            let mut out = Vec::new();
            let (n, e) = write_network(&net, fmt, &mut out).unwrap();
            assert!(n >= 2 && e >= 1);
            let xml = String::from_utf8(out).unwrap();
            assert_eq!(xml.matches("<node ").count(), n);
            assert_eq!(xml.matches("<edge ").count(), e);
        }
        assert_eq!(xml_escape("<a href=\"x\">&'\u{1}"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    }
}
