//! Stored events read back as typed records ([`rasad_model::Event`]) and flattened into rows.

use std::collections::HashMap;

use rasad_kb::Kb;
use rasad_model::{Arg, Event, TextSpan};
use rasad_text::{CharIndex, Span};

use super::acled;
use super::columns::EventRow;
use crate::contested::StoryFigures;
use crate::{Store, StoreError};

fn span_of(text: &str, start: usize, end: usize) -> String {
    format!("{text}@{start}-{end}")
}

fn text_span(s: &TextSpan) -> String {
    span_of(&s.text, s.start, s.end)
}

fn name_of(a: &Arg) -> String {
    a.link.name.clone().unwrap_or_else(|| a.span.text.clone())
}

fn join_rest(list: &[Arg]) -> Option<String> {
    let rest: Vec<String> = list.iter().skip(1).map(name_of).collect();
    (!rest.is_empty()).then(|| rest.join("; "))
}

/// Every stored event, in store order.
pub fn event_rows(store: &Store) -> Result<Vec<EventRow>, StoreError> {
    let sources = crate::stories::source_counts(store, None)?;
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
    /// By confidence, highest first.
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
    let sources = crate::stories::source_counts(store, Some(&stories))?;
    let rows = rows_for(store, &cond, &args, order, Some((limit.min(1000), offset)), &sources)?;
    Ok((rows, total as usize))
}

/// What a row takes from its document.
struct DocCols {
    id: String,
    outlet: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
}

/// The row of one stored event.
fn row_of(ev: &Event, idx: i64, story: i64, doc: &DocCols, text: &str, ci: &CharIndex, sources: &HashMap<i64, usize>) -> EventRow {
    let place = ev.places.iter().find(|p| p.link.lat.is_some()).or(ev.places.first());
    let (a, b) = (ev.sentence.start.min(ci.char_len()), ev.sentence.end.min(ci.char_len()));
    let q = ev.quantity.as_ref();
    let value = q.map(|q| q.value);
    let kb = Kb::builtin();
    let inter = |args: &[Arg]| args.first().and_then(|a| a.link.id.as_deref()).and_then(|id| acled::inter_code(kb, id));
    let (inter1, inter2) = (inter(&ev.actors), inter(&ev.targets));
    let kind = acled::acled_type(ev.kind, ev.mode.as_deref(), inter1);
    let date = acled::acled_date(ev.date.as_ref(), doc.published.as_deref());
    let gaz = place.and_then(|p| p.link.id.as_deref()).and_then(|id| kb.place(id));
    let iso3 = gaz.map(|g| g.country.clone());
    let monitor = ev
        .source
        .as_ref()
        .and_then(|s| s.id.as_deref())
        .and_then(|id| kb.actor(id))
        .is_some_and(|a| matches!(a.kind, rasad_kb::ActorType::Monitor | rasad_kb::ActorType::Igo));
    EventRow {
        notes: super::notes::notes(ev, doc.published.as_deref(), kb),
        acled_date: date.as_ref().map(|d| d.day.clone()),
        year: date.as_ref().and_then(|d| d.day[..4].parse().ok()),
        acled_time_precision: date.as_ref().map(|d| i64::from(d.precision)),
        date_basis: date.as_ref().map(|d| d.basis.as_str().to_string()),
        disorder_type: kind.disorder_type.to_string(),
        acled_event_type: kind.event_type.to_string(),
        sub_event_type: kind.sub_event_type.to_string(),
        in_acled_scope: kind.in_scope,
        inter1: inter1.map(i64::from),
        inter2: inter2.map(i64::from),
        interaction: acled::interaction(inter1, inter2).map(i64::from),
        country: iso3.as_deref().and_then(acled::country_name).map(str::to_string),
        admin1: gaz.and_then(acled::admin1).map(str::to_string),
        admin2: gaz.and_then(acled::admin2).map(str::to_string),
        acled_geo_precision: gaz.map(|g| i64::from(acled::geo_precision(g))),
        source_scale: acled::source_scale(doc.outlet.as_deref(), iso3.as_deref(), monitor),
        iso3,
        event_id: format!("{}-{idx}", doc.id),
        doc_id: doc.id.clone(),
        event_date: ev.date.as_ref().and_then(|d| d.value.clone()),
        time_precision: ev.date.as_ref().and_then(|d| d.precision).map(|p| p.as_str().to_string()),
        event_type: ev.kind.as_str().to_string(),
        mode: ev.mode.clone(),
        status: ev.status.as_str().to_string(),
        actor1: ev.actors.first().map(name_of),
        actor1_id: ev.actors.first().and_then(|a| a.link.id.clone()),
        assoc_actor_1: join_rest(&ev.actors),
        actor2: ev.targets.first().map(name_of),
        actor2_id: ev.targets.first().and_then(|a| a.link.id.clone()),
        assoc_actor_2: join_rest(&ev.targets),
        location: place.map(name_of),
        place_id: place.and_then(|p| p.link.id.clone()),
        latitude: place.and_then(|p| p.link.lat),
        longitude: place.and_then(|p| p.link.lon),
        geo_precision: place.and_then(|p| p.link.geo_precision).map(|g| g.as_str().to_string()),
        quantity: value,
        quantity_unit: q.and_then(|q| q.unit.as_deref().map(str::to_string)),
        quantity_bound: q.map(|q| q.bound.as_str().to_string()),
        quantity_approx: q.map(|q| q.approx),
        fatalities: ev.fatalities.filter(|_| !ev.background),
        background: ev.background,
        source: ev.source.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.span.text.clone())),
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
        title: doc.title.clone(),
        published: doc.published.clone(),
        sentence: ci.slice(text, Span::new(a, b.max(a))).to_string(),
        story,
        independent_sources: sources.get(&story).copied().unwrap_or(1),
        confidence: ev.confidence,
        trigger_span: text_span(&ev.trigger),
        actor1_span: ev.actors.first().map(|a| text_span(&a.span)),
        actor2_span: ev.targets.first().map(|a| text_span(&a.span)),
        location_span: place.map(|p| text_span(&p.span)),
        date_span: ev.date.as_ref().map(|d| span_of(&d.text, d.start, d.end)),
        quantity_span: q.map(|q| span_of(&q.text, q.start, q.end)),
        source_span: ev.source.as_ref().map(|s| text_span(&s.span)),
        fatalities_min: None,
        fatalities_max: None,
        sources_disagree: None,
    }
}

/// Fills each row's story range of death tolls ([`crate::contested`]).
fn add_figures(store: &Store, rows: &mut [EventRow]) -> Result<(), StoreError> {
    let mut stories: Vec<i64> = rows.iter().map(|r| r.story).collect();
    stories.sort_unstable();
    stories.dedup();
    // A whole-store export reads every story's figures in one pass instead of a long id list.
    let figures: HashMap<i64, StoryFigures> = crate::contested::story_figures(store, (stories.len() <= 2000).then_some(&stories[..]))?;
    for r in rows {
        if let Some(k) = figures.get(&r.story).and_then(|f| f.range("killed")) {
            (r.fatalities_min, r.fatalities_max, r.sources_disagree) = (Some(k.min), Some(k.max), Some(k.sources_disagree));
        }
    }
    Ok(())
}

pub(crate) fn rows_for(
    store: &Store,
    cond: &str,
    args: &[rusqlite::types::Value],
    order: &str,
    page: Option<(usize, usize)>,
    sources: &HashMap<i64, usize>,
) -> Result<Vec<EventRow>, StoreError> {
    let mut sql = format!(
        "SELECT d.id, e.idx, e.record, e.story, d.outlet, d.url, d.title, d.published, d.text
         FROM events e JOIN documents d ON d.rowid = e.doc WHERE {cond} ORDER BY {order}"
    );
    if let Some((limit, offset)) = page {
        sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    let mut stmt = store.conn().prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    let mut out = Vec::new();
    // Rows come grouped by document: index each text once.
    let mut current: Option<(DocCols, String, CharIndex)> = None;
    while let Some(r) = rows.next()? {
        let doc_id: String = r.get(0)?;
        if current.as_ref().is_none_or(|c| c.0.id != doc_id) {
            let text: String = r.get(8)?;
            let ci = CharIndex::new(&text);
            let doc = DocCols { id: doc_id, outlet: r.get(4)?, url: r.get(5)?, title: r.get(6)?, published: r.get(7)? };
            current = Some((doc, text, ci));
        }
        let Some((doc, text, ci)) = current.as_ref() else { continue };
        let ev: Event = serde_json::from_str(&r.get::<_, String>(2)?)?;
        out.push(row_of(&ev, r.get(1)?, r.get(3)?, doc, text, ci, sources));
    }
    add_figures(store, &mut out)?;
    Ok(out)
}
