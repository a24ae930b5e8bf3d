//! The JSON API's handlers. Store reads run on a pool of read-only connections, each within a
//! time budget; what is computed from the whole store (counts, timeline, network, the total of
//! a filter) is kept until the store changes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, Query as QueryParams, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use rasad_store::browse::{self, PageStart};
use rasad_store::search::Query;
use rasad_store::{Store, StoreError};

use crate::errors::ApiError;
use crate::params::{Applied, Filters};
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
    f: impl FnOnce(&Store) -> Result<serde_json::Value, StoreError> + Send + 'static,
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

/// Where a page starts: past the end it is the last page's start (the answer's `offset` says
/// where it did start), so that a page number beyond the last shows the last page.
fn clamped_offset(offset: usize, size: usize, total: usize) -> usize {
    if offset < total || offset == 0 {
        offset
    } else {
        (total.saturating_sub(1) / size) * size
    }
}

/// The JSON object of a page, with the limit applied (and a notice when it was out of range).
fn page_body(fields: serde_json::Value, limit: Applied) -> Result<Bytes, StoreError> {
    let mut body = match fields {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    limit.describe("limit", &mut body);
    Ok(Bytes::from(serde_json::to_vec(&body)?))
}

pub(crate) async fn search(State(st): State<AppState>, QueryParams(f): QueryParams<Filters>) -> Result<Response, ApiError> {
    let mut q = f.query(20, MAX_HITS)?;
    let (narrow, limit) = (f.narrow()?, f.limit(20, MAX_HITS)?);
    let asked = f.offset()? as usize;
    if asked > MAX_HIT_OFFSET {
        return Err(ApiError::bad(format!("offset is at most {MAX_HIT_OFFSET} for search: narrow the query or the filters")));
    }
    let size = q.limit;
    let seg = Arc::clone(&st.segmenter);
    let caches = Arc::clone(&st.caches);
    let body = with_store(&st, move |s| {
        let key = format!("search|{q:?}|{narrow:?}");
        let generation = browse::generation(s)?;
        let total = match kept(&caches.totals, &key, generation) {
            Some(t) => t,
            None => {
                let t = rasad_store::desk::count_documents(s, &q, &narrow, &seg)?;
                keep(&caches.totals, key, generation, t);
                t
            }
        };
        let offset = clamped_offset(asked, size, total);
        q.limit = offset + size;
        let hits: Vec<_> = rasad_store::search::search_narrowed(s, &q, &narrow, &seg)?.into_iter().skip(offset).collect();
        page_body(serde_json::json!({ "total": total, "offset": offset, "hits": hits }), limit)
    })
    .await?;
    Ok(json_bytes(body))
}

pub(crate) async fn events(State(st): State<AppState>, QueryParams(f): QueryParams<Filters>) -> Result<Response, ApiError> {
    let q = f.query(100, MAX_EVENTS)?;
    let (narrow, sort, limit) = (f.narrow()?, f.sort()?, f.limit(100, MAX_EVENTS)?);
    let asked = f.offset()?;
    if asked > MAX_OFFSET as u64 {
        return Err(ApiError::bad(format!("offset is at most {MAX_OFFSET}: page on with after=NEXT, the cursor each page gives")));
    }
    let after = f.after();
    if after.is_some() && asked > 0 {
        return Err(ApiError::bad("give offset or after, not both"));
    }
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
        let offset = clamped_offset(asked as usize, q.limit, total);
        let start = match (after, offset) {
            (Some(c), _) => PageStart::After(c),
            (None, 0) => PageStart::First,
            (None, n) => PageStart::Offset(n),
        };
        let page = browse::event_page(s, &q, &narrow, sort, q.limit, &start)?;
        // Serialized here, off the async threads (a page of 500 events is over 600 kB).
        page_body(serde_json::json!({ "total": total, "offset": offset, "next": page.next, "events": page.events }), limit)
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

/// `/api/documents/{id}/figures`: for each event of the document (by index) whose story has
/// casualty or troop figures from two sources or more, the story's figures with their sources
/// and the range per kind (`rasad_store::contested`).
pub(crate) async fn document_figures(State(st): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    if id.len() > 64 {
        return Err(ApiError(StatusCode::NOT_FOUND, "no such document".into()));
    }
    let body = with_store(&st, move |s| {
        let by_event = rasad_store::contested::figures_of_document(s, &id)?;
        Ok(Bytes::from(serde_json::to_vec(&serde_json::json!({ "events": by_event }))?))
    })
    .await?;
    Ok(json_bytes(body))
}

/// `/api/stats`: the store's counts (documents, events in all, current events…), with `store`,
/// the path of the store being served (for the commands that fill it).
pub(crate) async fn stats(State(st): State<AppState>) -> Result<Response, ApiError> {
    let path = st.path.display().to_string();
    whole_store(&st, "stats", move |s| {
        let mut v = serde_json::to_value(s.counts()?)?;
        v["current_events"] = browse::count_events(s, &Query::default(), &Default::default())?.into();
        v["store"] = path.into();
        Ok(v)
    })
    .await
}

/// `/api/outlets`: every outlet of the store with its documents, most first (for the outlet
/// box's completion).
pub(crate) async fn outlets(State(st): State<AppState>) -> Result<Response, ApiError> {
    whole_store(&st, "outlets", |s| Ok(serde_json::json!({ "outlets": rasad_store::desk::outlets(s)? }))).await
}
