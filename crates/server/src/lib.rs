//! `rasad serve`: the store as a local web app and a read-only JSON API.
//!
//! Assets are compiled in (no CDN, works offline) and served from a fixed table, so no request
//! path ever reaches the file system. Every response carries a strict Content-Security-Policy;
//! the page scripts insert article text with `textContent` only. Requests are limited in size
//! (no bodies are accepted), in query length and in rate per client address.
#![warn(missing_docs)]

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Path, Query as QueryParams, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rasad_store::export::EventSort;
use rasad_store::search::Query;
use rasad_store::{Store, StoreError};
use rasad_text::Segmenter;
use serde::Deserialize;

/// The Content-Security-Policy of every response: only this origin's scripts, styles and data.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Requests per client address per minute.
pub const RATE_PER_MINUTE: u32 = 600;
/// Longest query string accepted.
pub const MAX_QUERY: usize = 2048;

/// The compiled-in assets: (path, content type, bytes).
const ASSETS: &[(&str, &str, &[u8])] = &[
    ("/", "text/html; charset=utf-8", include_bytes!("../assets/index.html")),
    ("/assets/app.js", "text/javascript; charset=utf-8", include_bytes!("../assets/app.js")),
    ("/assets/app.css", "text/css; charset=utf-8", include_bytes!("../assets/app.css")),
    ("/assets/basemap.geojson", "application/geo+json", include_bytes!("../assets/basemap.geojson")),
    ("/assets/world.geojson", "application/geo+json", include_bytes!("../assets/world.geojson")),
    ("/assets/vendor/leaflet.js", "text/javascript; charset=utf-8", include_bytes!("../assets/vendor/leaflet/leaflet.js")),
    ("/assets/vendor/leaflet.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/leaflet/leaflet.css")),
    (
        "/assets/vendor/leaflet.markercluster.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.markercluster/leaflet.markercluster.js"),
    ),
    (
        "/assets/vendor/MarkerCluster.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.markercluster/MarkerCluster.css"),
    ),
    (
        "/assets/vendor/MarkerCluster.Default.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.markercluster/MarkerCluster.Default.css"),
    ),
    ("/api/openapi.json", "application/json", include_bytes!("../assets/openapi.json")),
];

/// Shared state: the store behind a lock (reads are short) and the rate-limit windows.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
    /// The segmenter search queries are read with (the one the documents were indexed with).
    segmenter: Arc<Segmenter>,
    windows: Arc<Mutex<HashMap<IpAddr, (Instant, u32)>>>,
}

impl AppState {
    /// State over an open store; `segmenter` reads search queries as the documents were read.
    pub fn new(store: Store, segmenter: Arc<Segmenter>) -> Self {
        AppState { store: Arc::new(Mutex::new(store)), segmenter, windows: Arc::new(Mutex::new(HashMap::new())) }
    }
}

/// An API error as JSON.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(m) => ApiError(StatusCode::BAD_REQUEST, m),
            other => ApiError(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

/// Runs a store read off the async threads.
async fn with_store<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || {
        let guard = store.lock().map_err(|_| ApiError(StatusCode::INTERNAL_SERVER_ERROR, "store lock poisoned".into()))?;
        f(&guard).map_err(ApiError::from)
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

/// Filters shared by the search and events endpoints.
#[derive(Debug, Default, Deserialize)]
struct Filters {
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
    offset: Option<usize>,
    /// 1 to include background events (by default only current ones).
    background: Option<u8>,
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
                Err(ApiError(StatusCode::BAD_REQUEST, format!("{what} must be YYYY-MM-DD")))
            }
        }
        None => Ok(None),
    }
}

impl Filters {
    fn query(&self, default_limit: usize) -> Result<Query, ApiError> {
        let near = match nonempty(&self.near) {
            Some(n) => {
                let v: Vec<f64> = n.split(',').filter_map(|x| x.trim().parse().ok()).collect();
                match v[..] {
                    [lat, lon, km] if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && km >= 0.0 => Some((lat, lon, km)),
                    _ => return Err(ApiError(StatusCode::BAD_REQUEST, "near must be LAT,LON,KM".into())),
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
            limit: self.limit.unwrap_or(default_limit).clamp(1, 500),
            background: self.background == Some(1),
        })
    }
}

async fn api_search(State(st): State<AppState>, QueryParams(f): QueryParams<Filters>) -> Result<Response, ApiError> {
    let q = f.query(20)?;
    let seg = Arc::clone(&st.segmenter);
    let hits = with_store(&st, move |s| rasad_store::search::search(s, &q, &seg)).await?;
    Ok(Json(serde_json::json!({ "hits": hits })).into_response())
}

async fn api_events(State(st): State<AppState>, QueryParams(f): QueryParams<Filters>) -> Result<Response, ApiError> {
    let q = f.query(100)?;
    let status = nonempty(&f.status);
    let sort = match f.sort.as_deref().unwrap_or("date_desc") {
        "date_desc" => EventSort::DateDesc,
        "date_asc" => EventSort::DateAsc,
        "type" => EventSort::Type,
        "confidence" => EventSort::Confidence,
        other => return Err(ApiError(StatusCode::BAD_REQUEST, format!("unknown sort {other:?}: date_desc, date_asc, type or confidence"))),
    };
    let (limit, offset) = (q.limit, f.offset.unwrap_or(0));
    let (rows, total) = with_store(&st, move |s| rasad_store::export::event_page(s, &q, status.as_deref(), sort, limit, offset)).await?;
    Ok(Json(serde_json::json!({ "total": total, "offset": offset, "events": rows })).into_response())
}

async fn api_document(State(st): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let doc = with_store(&st, move |s| rasad_store::browse::document(s, &id)).await?;
    match doc {
        Some(d) => Ok(Json(d).into_response()),
        None => Err(ApiError(StatusCode::NOT_FOUND, "no such document".into())),
    }
}

async fn api_network(State(st): State<AppState>) -> Result<Response, ApiError> {
    let net = with_store(&st, rasad_store::export::network).await?;
    let nodes: Vec<_> = net.nodes.iter().map(|(id, (name, n))| serde_json::json!({"id": id, "name": name, "events": n})).collect();
    let edges: Vec<_> =
        net.edges.iter().map(|((a, b, t), w)| serde_json::json!({"source": a, "target": b, "type": t, "weight": w})).collect();
    Ok(Json(serde_json::json!({ "nodes": nodes, "edges": edges })).into_response())
}

async fn api_timeline(State(st): State<AppState>) -> Result<Response, ApiError> {
    let days = with_store(&st, rasad_store::browse::timeline).await?;
    Ok(Json(serde_json::json!({ "days": days })).into_response())
}

async fn api_stats(State(st): State<AppState>) -> Result<Response, ApiError> {
    let c = with_store(&st, Store::counts).await?;
    Ok(Json(c).into_response())
}

async fn asset(req: Request) -> Response {
    let path = req.uri().path();
    match ASSETS.iter().find(|(p, _, _)| *p == path) {
        Some((_, ctype, bytes)) => ([(header::CONTENT_TYPE, *ctype), (header::CACHE_CONTROL, "no-cache")], *bytes).into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// Security headers, the query-length limit and the per-address rate limit.
async fn guard(State(st): State<AppState>, ConnectInfo(addr): ConnectInfo<SocketAddr>, req: Request, next: Next) -> Response {
    if req.uri().query().is_some_and(|q| q.len() > MAX_QUERY) {
        return (StatusCode::URI_TOO_LONG, "query too long").into_response();
    }
    if req.method() != axum::http::Method::GET && req.method() != axum::http::Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, "read-only").into_response();
    }
    let limited = match st.windows.lock() {
        Ok(mut w) => {
            let now = Instant::now();
            if w.len() > 10_000 {
                w.retain(|_, (t, _)| now.duration_since(*t) < Duration::from_secs(60));
            }
            let e = w.entry(addr.ip()).or_insert((now, 0));
            if now.duration_since(e.0) >= Duration::from_secs(60) {
                *e = (now, 0);
            }
            e.1 += 1;
            e.1 > RATE_PER_MINUTE
        }
        Err(_) => false,
    };
    if limited {
        return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "60")], "too many requests").into_response();
    }
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}

/// The app's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/search", get(api_search))
        .route("/api/events", get(api_events))
        .route("/api/documents/{id}", get(api_document))
        .route("/api/network", get(api_network))
        .route("/api/timeline", get(api_timeline))
        .route("/api/stats", get(api_stats))
        .fallback(asset)
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(1024))
        .layer(tower::limit::ConcurrencyLimitLayer::new(64))
        .with_state(state)
}

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {0}: {1}; is another server running there? choose another with --addr")]
    Bind(SocketAddr, std::io::Error),
    /// The runtime failed.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// Serves until the process ends; `ready` gets the bound address (port 0 picks a free one).
pub fn serve(store: Store, segmenter: Arc<Segmenter>, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| ServeError::Bind(addr, e))?;
        ready(listener.local_addr()?);
        let app = router(AppState::new(store, segmenter));
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await?;
        Ok(())
    })
}
