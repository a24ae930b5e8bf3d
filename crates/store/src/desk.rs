//! Read models of the analyst's desk (the web app's views), each over the events a filter
//! ([`Query`] and [`Narrow`]) selects, with nothing left out silently: the names of actors and
//! places (for boxes that complete a name), the events per place (for the map, with how many
//! have no place), per day and type (the timeline) and the actor network with its top actors.

use std::collections::{BTreeMap, HashMap, HashSet};

use rasad_text::Segmenter;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use crate::browse::{page_filter, Narrow};
use crate::search::Query;
use crate::{analyzer, Store, StoreError};

/// Which arguments a name list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Actors and targets (catalogue ids).
    Actor,
    /// Places (gazetteer ids).
    Place,
}

impl Role {
    fn sql(self) -> &'static str {
        match self {
            Role::Actor => "('actor', 'target')",
            Role::Place => "('place')",
        }
    }
}

/// A catalogue actor or gazetteer place as the store's events name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Name {
    /// Catalogue or gazetteer id (`RUS`, `P-IDLIB`).
    pub id: String,
    /// English name.
    pub name: String,
    /// The Arabic forms the texts use, most frequent first (at most five): `["روسيا", "الروسية"]`.
    pub forms: Vec<String>,
    /// Current events it takes part in (background ones are not counted, as in the events list
    /// by default).
    pub events: usize,
}

/// Every linked actor (or place) of the store's events, most events first.
pub fn names(store: &Store, role: Role) -> Result<Vec<Name>, StoreError> {
    let conn = store.conn();
    let mut stmt = conn.prepare(&format!(
        "SELECT a.kb_id, max(a.name), count(DISTINCT CASE WHEN e.background = 0 THEN a.event END)
         FROM event_args a JOIN events e ON e.rowid = a.event WHERE a.kb_id IS NOT NULL AND a.role IN {} GROUP BY a.kb_id",
        role.sql()
    ))?;
    let mut out: Vec<Name> = stmt
        .query_map([], |r| {
            let id: String = r.get(0)?;
            let name: Option<String> = r.get(1)?;
            Ok(Name { name: name.unwrap_or_else(|| id.clone()), id, forms: Vec::new(), events: r.get::<_, i64>(2)? as usize })
        })?
        .collect::<Result<_, _>>()?;
    let mut forms = conn.prepare(&format!(
        "SELECT kb_id, text, count(*) AS n FROM event_args WHERE kb_id IS NOT NULL AND role IN {} GROUP BY kb_id, text ORDER BY kb_id, n DESC",
        role.sql()
    ))?;
    let mut by_id: HashMap<String, Vec<String>> = HashMap::new();
    for row in forms.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (id, text) = row?;
        let list = by_id.entry(id).or_default();
        if list.len() < 5 {
            list.push(text);
        }
    }
    for n in &mut out {
        n.forms = by_id.remove(&n.id).unwrap_or_default();
    }
    out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}

/// An outlet of the store and its documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outlet {
    /// The outlet as stored (`alyaum`).
    pub name: String,
    /// Its documents.
    pub documents: usize,
}

/// Every outlet of the store's documents, most documents first.
pub fn outlets(store: &Store) -> Result<Vec<Outlet>, StoreError> {
    let mut stmt = store.conn().prepare(
        "SELECT outlet, count(*) AS n FROM documents WHERE outlet IS NOT NULL AND outlet != '' GROUP BY outlet ORDER BY n DESC, outlet",
    )?;
    let out = stmt.query_map([], |r| Ok(Outlet { name: r.get(0)?, documents: r.get::<_, i64>(1)? as usize }))?.collect::<Result<_, _>>()?;
    Ok(out)
}

/// How many documents [`crate::search::search_narrowed`] finds for `q` and `narrow` without
/// its limit: those holding every word (as the analyzer reads them), with an event meeting the
/// event filters and status when one is set, of its outlet and least relevance when given.
pub fn count_documents(store: &Store, q: &Query, narrow: &Narrow, seg: &Segmenter) -> Result<usize, StoreError> {
    let expr = analyzer::match_expr(&q.text, seg);
    if !q.text.trim().is_empty() && expr.is_none() {
        return Ok(0);
    }
    let mut args: Vec<Value> = Vec::new();
    let mut sql = match expr {
        Some(m) => {
            args.push(Value::Text(m));
            "SELECT count(*) FROM doc_fts f JOIN documents d ON d.rowid = f.rowid WHERE doc_fts MATCH ?".to_string()
        }
        None => "SELECT count(*) FROM documents d WHERE 1".to_string(),
    };
    let (cond, cond_args) = crate::search::document_conditions(q, narrow, "d.rowid", false);
    sql.push_str(&cond);
    args.extend(cond_args);
    let n: i64 = store.conn().query_row(&sql, params_from_iter(args.iter()), |r| r.get(0))?;
    Ok(n as usize)
}

/// How precisely a map place is known.
fn precision_of(record: &str, place_id: Option<&str>) -> Option<String> {
    let ev: rasad_model::Event = serde_json::from_str(record).ok()?;
    let place = ev.places.iter().find(|p| p.link.lat.is_some() && (place_id.is_none() || p.link.id.as_deref() == place_id))?;
    place.link.geo_precision.map(|g| g.as_str().to_string())
}

/// The events of one place on the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapPlace {
    /// Gazetteer id (absent for a place known by coordinates only).
    pub id: Option<String>,
    /// English name, else the text.
    pub name: String,
    /// Latitude (WGS84 degrees).
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// `exact` (a town: a point), `admin` (a district or governorate: an area) or `country`.
    pub precision: String,
    /// Its events.
    pub events: usize,
    /// Events by PLOVER type, most first: `[["ASSAULT", 12], ["ACCUSE", 3]]`.
    pub types: Vec<(String, usize)>,
}

/// The map of a filter: every event with coordinates, by place, and how many have none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapView {
    /// Places, most events first.
    pub places: Vec<MapPlace>,
    /// Events with coordinates (the sum over `places`).
    pub located: usize,
    /// Events of the filter without a place with coordinates (not drawn).
    pub unlocated: usize,
}

/// The events of `q` and `narrow` by place.
pub fn map(store: &Store, q: &Query, narrow: &Narrow) -> Result<MapView, StoreError> {
    let (cond, args, docs) = page_filter(q, narrow);
    let from = if docs { "events e JOIN documents d ON d.rowid = e.doc" } else { "events e" };
    let conn = store.conn();
    let mut stmt = conn.prepare(&format!(
        "SELECT e.place_id, e.place_name, e.lat, e.lon, e.type, count(*), max(e.rowid), e.lat IS NOT NULL
         FROM {from} WHERE {cond} GROUP BY e.place_id, e.lat, e.lon, e.type"
    ))?;
    type Row = (Option<String>, Option<String>, Option<f64>, Option<f64>, String, i64, i64, bool);
    let rows: Vec<Row> = stmt
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut places: BTreeMap<(Option<String>, String, String), (MapPlace, i64)> = BTreeMap::new();
    let mut unlocated = 0;
    for (id, name, lat, lon, kind, n, rowid, _) in rows {
        let (Some(lat), Some(lon)) = (lat, lon) else {
            unlocated += n as usize;
            continue;
        };
        let key = (id.clone(), format!("{lat:.5}"), format!("{lon:.5}"));
        let entry = places.entry(key).or_insert_with(|| {
            let p = MapPlace {
                name: name.clone().or_else(|| id.clone()).unwrap_or_default(),
                id,
                lat,
                lon,
                precision: String::new(),
                events: 0,
                types: Vec::new(),
            };
            (p, rowid)
        });
        entry.0.events += n as usize;
        entry.0.types.push((kind, n as usize));
    }
    let mut record = conn.prepare_cached("SELECT record FROM events WHERE rowid = ?1")?;
    let mut out = Vec::with_capacity(places.len());
    for (_, (mut p, rowid)) in places {
        let rec: String = record.query_row([rowid], |r| r.get(0))?;
        p.precision = precision_of(&rec, p.id.as_deref()).unwrap_or_else(|| "exact".into());
        p.types.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.push(p);
    }
    out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
    let located = out.iter().map(|p| p.events).sum();
    Ok(MapView { places: out, located, unlocated })
}

/// Events of one day and type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayCount {
    /// YYYY-MM-DD (the event's anchor: its day, else its document's).
    pub day: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Events.
    pub count: usize,
}

/// The timeline of a filter: its events per day and type, oldest first, and how many have no day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Events per day and type.
    pub days: Vec<DayCount>,
    /// Events of the filter without a day.
    pub undated: usize,
}

/// The events of `q` and `narrow` per day and type.
pub fn timeline(store: &Store, q: &Query, narrow: &Narrow) -> Result<Timeline, StoreError> {
    let (cond, args, docs) = page_filter(q, narrow);
    let from = if docs { "events e JOIN documents d ON d.rowid = e.doc" } else { "events e" };
    let mut stmt = store.conn().prepare(&format!(
        "SELECT e.anchor, e.type, count(*) FROM {from} WHERE {cond} GROUP BY e.anchor, e.type ORDER BY e.anchor, e.type"
    ))?;
    let mut days = Vec::new();
    let mut undated = 0;
    for row in stmt.query_map(params_from_iter(args.iter()), |r| {
        Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)? as usize))
    })? {
        match row? {
            (Some(day), kind, count) => days.push(DayCount { day, kind, count }),
            (None, _, n) => undated += n,
        }
    }
    Ok(Timeline { days, undated })
}

/// An actor of the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// Catalogue id.
    pub id: String,
    /// English name.
    pub name: String,
    /// Events of the filter it takes part in.
    pub events: usize,
}

/// Who acts on whom: events of one type from an actor to a target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Actor id.
    pub source: String,
    /// Target id.
    pub target: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Events.
    pub weight: usize,
}

/// The actor network of a filter, cut to its top actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkView {
    /// The top actors by events (those of a link of at least the least weight first).
    pub nodes: Vec<Node>,
    /// Links among them of at least the least weight.
    pub edges: Vec<Link>,
    /// Linked actors of the filter in all.
    pub actors: usize,
    /// Typed links of the filter in all.
    pub links: usize,
}

/// The actor network of `q` and `narrow`: each event links each of its catalogue actors to each
/// of its catalogue targets (typed by the event). Only links of at least `min_weight` events are
/// kept, and the `top` actors with most events among those on such links (others on none).
pub fn network(store: &Store, q: &Query, narrow: &Narrow, top: usize, min_weight: usize) -> Result<NetworkView, StoreError> {
    let (cond, args, docs) = page_filter(q, narrow);
    let join = if docs { " JOIN documents d ON d.rowid = e.doc" } else { "" };
    let mut stmt = store.conn().prepare(&format!(
        "SELECT a.event, a.role, a.kb_id, coalesce(a.name, a.text), e.type FROM event_args a JOIN events e ON e.rowid = a.event{join}
         WHERE a.kb_id IS NOT NULL AND a.role IN ('actor', 'target') AND {cond} ORDER BY a.event"
    ))?;
    let rows: Vec<(i64, String, String, String, String)> = stmt
        .query_map(params_from_iter(args.iter()), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<Result<_, _>>()?;
    let mut nodes: HashMap<&str, (&str, usize)> = HashMap::new();
    let mut edges: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for group in rows.chunk_by(|a, b| a.0 == b.0) {
        let mut seen = HashSet::new();
        for (_, _, id, name, _) in group {
            if seen.insert(id.as_str()) {
                nodes.entry(id).or_insert((name, 0)).1 += 1;
            }
        }
        for (_, _, a, _, t) in group.iter().filter(|r| r.1 == "actor") {
            for (_, _, b, _, _) in group.iter().filter(|r| r.1 == "target" && r.2 != *a) {
                *edges.entry((a, b, t)).or_default() += 1;
            }
        }
    }
    let (actors, links) = (nodes.len(), edges.len());
    let strong: HashSet<&str> = edges.iter().filter(|(_, w)| **w >= min_weight).flat_map(|((a, b, _), _)| [*a, *b]).collect();
    let mut ranked: Vec<(&str, &str, usize)> = nodes.into_iter().map(|(id, (name, n))| (id, name, n)).collect();
    ranked.sort_by(|a, b| strong.contains(b.0).cmp(&strong.contains(a.0)).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    ranked.truncate(top);
    let kept: HashSet<&str> = ranked.iter().map(|n| n.0).collect();
    let mut links_out: Vec<Link> = edges
        .into_iter()
        .filter(|((a, b, _), w)| *w >= min_weight && kept.contains(a) && kept.contains(b))
        .map(|((a, b, t), w)| Link { source: a.into(), target: b.into(), kind: t.into(), weight: w })
        .collect();
    links_out.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| (&a.source, &a.target, &a.kind).cmp(&(&b.source, &b.target, &b.kind))));
    let nodes_out = ranked.into_iter().map(|(id, name, events)| Node { id: id.into(), name: name.into(), events }).collect();
    Ok(NetworkView { nodes: nodes_out, edges: links_out, actors, links })
}

#[cfg(test)]
#[path = "desk_tests.rs"]
mod tests;
