//! The JSON API's handlers. Store reads run on a pool of read-only connections, each within a
//! time budget; what is computed from the whole store (counts, timeline, network, the total of
//! a filter) is kept until the store changes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, Query as QueryParams, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use rasad_store::browse::{self, Narrow, PageStart};
use rasad_store::export::EventSort;
use rasad_store::search::Query;
use rasad_store::{Store, StoreError};
use serde::Deserialize;

use crate::errors::ApiError;
use crate::AppState;

/// Most events a page may hold.
pub const MAX_EVENTS: usize = 500;
/// Most search hits a page may hold.
pub const MAX_HITS: usize = 100;
/// Largest `offset` of a page of search hits (the hits before it are ranked and read again).
pub const MAX_HIT_OFFSET: usize = 900;
/// Largest `offset` of a page of events (each skipped event is read): further pages by cursor.
pub const MAX_OFFSET: usize = 10_000;

/// A store generation and what was computed at it.
pub(crate) type Kept<T> = Mutex<HashMap<String, ((i64, i64), T)>>;

/// What is kept between requests until the store changes.
#[derive(Default)]
pub struct Caches {
    pub(crate) bodies: Kept<Bytes>,
    pub(crate) totals: Kept<usize>,
    pub(crate) names: Kept<Arc<Vec<rasad_store::desk::Name>>>,
}

/// Most totals kept (one per filter asked for).
const MAX_TOTALS: usize = 4096;

pub(crate) fn kept<T: Clone>(map: &Kept<T>, key: &str, generation: (i64, i64)) -> Option<T> {
    let m = map.lock().ok()?;
    m.get(key).filter(|(g, _)| *g == generation).map(|(_, v)| v.clone())
}

pub(crate) fn keep<T>(map: &Kept<T>, key: String, generation: (i64, i64), value: T) {
    if let Ok(mut m) = map.lock() {
        if m.len() >= MAX_TOTALS {
            m.clear();
        }
        m.insert(key, (generation, value));
    }
}

/// Runs a store read on a pooled connection, off the async threads, within the time budget.
pub(crate) async fn with_store<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let mut reader = state.readers.get().await.map_err(|e| {
        eprintln!("rasad serve: no store connection: {e}");
        ApiError(StatusCode::SERVICE_UNAVAILABLE, "the store is busy; try again".into())
    })?;
    let budget = state.query_budget;
    tokio::task::spawn_blocking(move || reader.with_deadline(budget, f).map_err(ApiError::from))
        .await
        .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("store read failed: {e}")))?
}

pub(crate) fn json_bytes(bytes: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// A body computed from the whole store, kept until the store changes.
async fn whole_store(
    state: &AppState,
    name: &'static str,
    f: fn(&Store) -> Result<serde_json::Value, StoreError>,
) -> Result<Response, ApiError> {
    let caches = Arc::clone(&state.caches);
    let bytes = with_store(state, move |s| {
        let generation = browse::generation(s)?;
        if let Some(b) = kept(&caches.bodies, name, generation) {
            return Ok(b);
        }
        let body = Bytes::from(serde_json::to_vec(&f(s)?)?);
        keep(&caches.bodies, name.to_string(), generation, body.clone());
        Ok(body)
    })
    .await?;
    Ok(json_bytes(bytes))
}

/// Filters shared by the search and events endpoints.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    actor: Option<String>,
    place: Option<String>,
    near: Option<String>,
    from: Option<String>,
    to: Option<String>,
    outlet: Option<String>,
    status: Option<String>,
    sort: Option<String>,
    limit: Option<usize>,
    offset: Option<u64>,
    /// The `next` cursor of the previous page.
    after: Option<String>,
    /// 1 to include background events (by default only current ones).
    background: Option<u8>,
    /// Least relevance of the event's document, 0–1.
    relevance: Option<f64>,
    /// Network: most actors.
    pub(crate) top: Option<usize>,
    /// Network: least events on a link.
    pub(crate) min_weight: Option<usize>,
    /// Export: csv, geojson or jsonl.
    pub(crate) format: Option<String>,
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

fn day(s: &Option<String>, what: &str) -> Result<Option<String>, ApiError> {
    match nonempty(s) {
        Some(d) => {
            let ok = d.len() == 10 && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
            if ok {
                Ok(Some(d))
            } else {
                Err(ApiError::bad(format!("{what} must be YYYY-MM-DD")))
            }
        }
        None => Ok(None),
    }
}

impl Filters {
    /// The status and relevance filters.
    pub(crate) fn narrow(&self) -> Result<Narrow, ApiError> {
        let status = nonempty(&self.status);
        if let Some(st) = &status {
            if !["reported", "claimed", "planned", "denied", "negated"].contains(&st.as_str()) {
                return Err(ApiError::bad(format!("unknown status {st:?}: reported, claimed, planned, denied or negated")));
            }
        }
        let min_relevance = match self.relevance {
            Some(r) if !(0.0..=1.0).contains(&r) => return Err(ApiError::bad("relevance must be between 0 and 1")),
            r => r.filter(|r| *r > 0.0),
        };
        Ok(Narrow { status, min_relevance })
    }

    /// The order of a page of events.
    pub(crate) fn sort(&self) -> Result<EventSort, ApiError> {
        Ok(match self.sort.as_deref().unwrap_or("date_desc") {
            "date_desc" => EventSort::DateDesc,
            "date_asc" => EventSort::DateAsc,
            "type" => EventSort::Type,
            "confidence" => EventSort::Confidence,
            other => return Err(ApiError::bad(format!("unknown sort {other:?}: date_desc, date_asc, type or confidence"))),
        })
    }

    pub(crate) fn query(&self, default_limit: usize, max_limit: usize) -> Result<Query, ApiError> {
        let near = match nonempty(&self.near) {
            Some(n) => {
                let v: Vec<f64> = n.split(',').filter_map(|x| x.trim().parse().ok()).collect();
                match v[..] {
                    [lat, lon, km]
                        if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && (0.0..=20_000.0).contains(&km) =>
                    {
                        Some((lat, lon, km))
                    }
                    _ => return Err(ApiError::bad("near must be LAT,LON,KM")),
                }
            }
            None => None,
        };
        Ok(Query {
            text: nonempty(&self.q).unwrap_or_default(),
            event_type: nonempty(&self.kind),
            actor: nonempty(&self.actor),
            place: nonempty(&self.place),
            near,
            from: day(&self.from, "from")?,
            to: day(&self.to, "to")?,
            outlet: nonempty(&self.outlet),
            limit: self.limit.unwrap_or(default_limit).clamp(1, max_limit),
            background: self.background == Some(1),
        })
    }
}

pub(crate) async fn search(State(st): State<AppState>, QueryParams(f): QueryParams<Filters>) -> Result<Response, ApiError> {
    let mut q = f.query(20, MAX_HITS)?;
    let offset = f.offset.unwrap_or(0) as usize;
    if offset > MAX_HIT_OFFSET {
        return Err(ApiError::bad(format!("offset is at most {MAX_HIT_OFFSET} for search: narrow the query or the filters")));
    }
    let size = q.limit;
    q.limit = offset + size;
    let seg = Arc::clone(&st.segmenter);
    let caches = Arc::clone(&st.caches);
    let body = with_store(&st, move |s| {
        let key = format!("search|{q:?}");
        let generation = browse::generation(s)?;
        let total = match kept(&caches.totals, &key, generation) {
            Some(t) => t,
            None => {
                let t = rasad_store::desk::count_documents(s, &q, &seg)?;
                keep(&caches.totals, key, generation, t);
                t
            }
        };
        let hits: Vec<_> = rasad_store::search::search(s, &q, &seg)?.into_iter().skip(offset).collect();
        Ok(Bytes::from(serde_json::to_vec(&serde_json::json!({ "total": total, "offset": offset, "hits": hits }))?))
    })
    .await?;
    Ok(json_bytes(body))
}

pub(crate) async fn events(State(st): State<AppState>, QueryParams(f): QueryParams<Filters>) -> Result<Response, ApiError> {
    let q = f.query(100, MAX_EVENTS)?;
    let narrow = f.narrow()?;
    let sort = f.sort()?;
    let offset = f.offset.unwrap_or(0);
    if offset > MAX_OFFSET as u64 {
        return Err(ApiError::bad(format!("offset is at most {MAX_OFFSET}: page on with after=NEXT, the cursor each page gives")));
    }
    let start = match (nonempty(&f.after), offset) {
        (Some(_), 1..) => return Err(ApiError::bad("give offset or after, not both")),
        (Some(c), _) => PageStart::After(c),
        (None, 0) => PageStart::First,
        (None, n) => PageStart::Offset(n as usize),
    };
    let caches = Arc::clone(&st.caches);
    let body = with_store(&st, move |s| {
        let key = format!("{q:?}|{narrow:?}");
        let generation = browse::generation(s)?;
        let total = match kept(&caches.totals, &key, generation) {
            Some(t) => t,
            None => {
                let t = browse::count_events(s, &q, &narrow)?;
                keep(&caches.totals, key, generation, t);
                t
            }
        };
        let page = browse::event_page(s, &q, &narrow, sort, q.limit, &start)?;
        // Serialized here, off the async threads (a page of 500 events is over 600 kB).
        let json = serde_json::json!({ "total": total, "offset": offset, "next": page.next, "events": page.events });
        Ok(Bytes::from(serde_json::to_vec(&json)?))
    })
    .await?;
    Ok(json_bytes(body))
}

pub(crate) async fn document(State(st): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    if id.len() > 64 {
        return Err(ApiError(StatusCode::NOT_FOUND, "no such document".into()));
    }
    let body = with_store(&st, move |s| {
        browse::document(s, &id)?.map(|d| serde_json::to_vec(&d).map(Bytes::from)).transpose().map_err(StoreError::from)
    })
    .await?;
    body.map(json_bytes).ok_or_else(|| ApiError(StatusCode::NOT_FOUND, "no such document".into()))
}

pub(crate) async fn stats(State(st): State<AppState>) -> Result<Response, ApiError> {
    whole_store(&st, "stats", |s| Ok(serde_json::to_value(s.counts()?)?)).await
}
