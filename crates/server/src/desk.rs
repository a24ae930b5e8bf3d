//! The handlers of the analyst's desk: names for the boxes that complete them, the map, the
//! timeline and the network of a filter, and the export of a filter as a file (the store's own
//! export writers, streamed a page of events at a time).

use std::io::Write;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Query as QueryParams, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use rasad_store::browse::{self, PageStart};
use rasad_store::desk::{self, Name, Role};
use rasad_store::export::{self, EventFormat};
use rasad_store::StoreError;
use serde::Deserialize;

use crate::api::{json_bytes, keep, kept, with_store};
use crate::errors::ApiError;
use crate::params::Filters;
use crate::AppState;

/// Most names a completion gives.
pub const MAX_NAMES: usize = 50;
/// Most actors the network may draw.
pub const MAX_NODES: usize = 400;

/// `/api/names`: `role` actor or place; `q` words of the English name, an Arabic form or the id
/// (each word must start a word of one of them, spelling variants folded as in search); or `id`
/// an exact id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameQuery {
    role: Option<String>,
    q: Option<String>,
    id: Option<String>,
    limit: Option<String>,
}

/// Folded words of a name, each with a leading space so that " رو" finds word starts.
fn folded(s: &str) -> String {
    let mut out = String::from(" ");
    for w in s.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '،').filter(|w| !w.is_empty()) {
        out.push_str(&rasad_text::match_key(w));
        out.push(' ');
    }
    out
}

/// True when every word of `query` starts a word of the name, an Arabic form (or a form
/// without its article ال) or the id.
fn name_matches(n: &Name, query: &[String]) -> bool {
    let mut hay = folded(&n.name);
    hay.push_str(&folded(&n.id));
    for f in &n.forms {
        let form = folded(f);
        hay.push_str(&form);
        hay.push_str(&form.replace(" ال", " "));
    }
    query.iter().all(|w| hay.contains(&format!(" {w}")))
}

pub(crate) async fn names(State(st): State<AppState>, QueryParams(nq): QueryParams<NameQuery>) -> Result<Response, ApiError> {
    let role = match nq.role.as_deref().unwrap_or("actor") {
        "actor" => Role::Actor,
        "place" => Role::Place,
        other => return Err(ApiError::bad(format!("unknown role {other:?}: actor or place"))),
    };
    let limit = crate::params::limit(&nq.limit, "limit", 12, MAX_NAMES)?.applied;
    let caches = Arc::clone(&st.caches);
    let all: Arc<Vec<Name>> = with_store(&st, move |s| {
        let key = format!("names|{role:?}");
        let generation = browse::generation(s)?;
        if let Some(v) = kept(&caches.names, &key, generation) {
            return Ok(v);
        }
        let v = Arc::new(desk::names(s, role)?);
        keep(&caches.names, key, generation, Arc::clone(&v));
        Ok(v)
    })
    .await?;
    let words: Vec<String> = folded(nq.q.as_deref().unwrap_or("")).split_whitespace().map(str::to_string).collect();
    let found: Vec<&Name> = match nq.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => all.iter().filter(|n| n.id == id).collect(),
        None => all.iter().filter(|n| name_matches(n, &words)).take(limit).collect(),
    };
    Ok(json_bytes(Bytes::from(serde_json::to_vec(&serde_json::json!({ "names": found })).map_err(StoreError::from)?)))
}

/// A JSON body computed from a filter, kept until the store changes.
async fn filtered(
    st: &AppState,
    key: String,
    f: impl FnOnce(&rasad_store::Store) -> Result<serde_json::Value, StoreError> + Send + 'static,
) -> Result<Response, ApiError> {
    let caches = Arc::clone(&st.caches);
    let body = with_store(st, move |s| {
        let generation = browse::generation(s)?;
        if let Some(b) = kept(&caches.bodies, &key, generation) {
            return Ok(b);
        }
        let b = Bytes::from(serde_json::to_vec(&f(s)?)?);
        keep(&caches.bodies, key, generation, b.clone());
        Ok(b)
    })
    .await?;
    Ok(json_bytes(body))
}

pub(crate) async fn map(State(st): State<AppState>, QueryParams(p): QueryParams<Filters>) -> Result<Response, ApiError> {
    let (q, narrow) = (p.query(1, 1)?, p.narrow()?);
    filtered(&st, format!("map|{q:?}|{narrow:?}"), move |s| Ok(serde_json::to_value(desk::map(s, &q, &narrow)?)?)).await
}

pub(crate) async fn timeline(State(st): State<AppState>, QueryParams(p): QueryParams<Filters>) -> Result<Response, ApiError> {
    let (q, narrow) = (p.query(1, 1)?, p.narrow()?);
    filtered(&st, format!("timeline|{q:?}|{narrow:?}"), move |s| Ok(serde_json::to_value(desk::timeline(s, &q, &narrow)?)?)).await
}

pub(crate) async fn network(State(st): State<AppState>, QueryParams(p): QueryParams<Filters>) -> Result<Response, ApiError> {
    let (q, narrow) = (p.query(1, 1)?, p.narrow()?);
    let (top, min_weight) = (p.top(40, MAX_NODES)?, p.min_weight()?);
    filtered(&st, format!("network|{q:?}|{narrow:?}|{top:?}|{min_weight}"), move |s| {
        let mut v = serde_json::to_value(desk::network(s, &q, &narrow, top.applied, min_weight)?)?;
        if let Some(body) = v.as_object_mut() {
            top.describe("top", body);
        }
        Ok(v)
    })
    .await
}

/// Bytes gathered before a piece of an export is sent.
const CHUNK: usize = 64 * 1024;

/// An export's output: pieces of [`CHUNK`] bytes sent to the response body as they fill (a
/// closed connection fails the next write, which ends the export).
struct Pieces {
    tx: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
    buf: Vec<u8>,
}

impl Pieces {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let piece = Bytes::from(std::mem::take(&mut self.buf));
        self.tx.blocking_send(Ok(piece)).map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client left"))
    }
}

impl Write for Pieces {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(b);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Events read from the store at a time by an export.
const EXPORT_PAGE: usize = 1000;

/// `/api/export?format=csv|geojson|jsonl&…filters`: every event of the filter (no cap), in the
/// events table's order, through the store's export writers, as a download.
pub(crate) async fn export(State(st): State<AppState>, QueryParams(p): QueryParams<Filters>) -> Result<Response, ApiError> {
    let (format, ctype, ext) = match p.format.as_deref().unwrap_or("csv") {
        "csv" => (EventFormat::Csv, "text/csv; charset=utf-8", "csv"),
        "geojson" => (EventFormat::Geojson, "application/geo+json", "geojson"),
        "jsonl" => (EventFormat::Jsonl, "application/x-ndjson", "jsonl"),
        other => return Err(ApiError::bad(format!("unknown format {other:?}: csv, geojson or jsonl"))),
    };
    let (q, narrow, sort) = (p.query(1, 1)?, p.narrow()?, p.sort()?);
    let mut reader =
        st.readers.get().await.map_err(|_| ApiError(axum::http::StatusCode::SERVICE_UNAVAILABLE, "the store is busy; try again".into()))?;
    let budget = st.query_budget;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tokio::task::spawn_blocking(move || {
        let mut out = Pieces { tx, buf: Vec::new() };
        let written = (|| -> Result<usize, StoreError> {
            let mut w = export::writer(format, &mut out)?;
            let mut start = PageStart::First;
            loop {
                let page = reader.with_deadline(budget, |s| browse::event_page(s, &q, &narrow, sort, EXPORT_PAGE, &start))?;
                for r in &page.events {
                    w.row(r)?;
                }
                match page.next {
                    Some(c) => start = PageStart::After(c),
                    None => break,
                }
            }
            w.finish()
        })();
        let sent = written.map_err(|e| std::io::Error::other(e.to_string())).and_then(|_| out.send());
        if let Err(e) = sent {
            // The body ends with an error: the download is seen to fail, not to be complete.
            let _ = out.tx.blocking_send(Err(e));
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|piece| (piece, rx)) });
    let disposition = format!("attachment; filename=\"rasad-events.{ext}\"");
    Ok(([(header::CONTENT_TYPE, ctype.to_string()), (header::CONTENT_DISPOSITION, disposition)], Body::from_stream(stream)).into_response())
}
