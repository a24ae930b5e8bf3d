//! `rasad serve`: the store as a local web app and a read-only JSON API.
//!
//! Assets are compiled in (no CDN, works offline) and served from a fixed table, so no request
//! path ever reaches the file system. Every response carries a strict Content-Security-Policy;
//! the page scripts insert article text with `textContent` only. Requests are limited in size
//! (no bodies are accepted), in query length and in rate per client address; only the bound
//! address and localhost names are answered (no DNS rebinding); every error is JSON. Connections
//! are capped in number and must send their headers within a timeout. Reads run on a pool of
//! read-only SQLite connections (WAL: an ingest may write meanwhile), each within a time budget.
#![warn(missing_docs)]

mod api;
mod desk;
mod errors;
mod guard;
mod params;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request};
use axum::http::{header, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use rasad_store::{Store, StoreError};
use rasad_text::Segmenter;

pub use api::{MAX_EVENTS, MAX_HITS, MAX_HIT_OFFSET, MAX_OFFSET};
pub use desk::{MAX_NAMES, MAX_NODES};
pub use guard::{Hosts, CSP, MAX_QUERY};

/// Requests per client address per minute, by default.
pub const RATE_PER_MINUTE: u32 = 600;

const JS: &str = "text/javascript; charset=utf-8";

/// The compiled-in assets: (path, content type, bytes). The app is ES modules under `assets/js/`.
const ASSETS: &[(&str, &str, &[u8])] = &[
    ("/", "text/html; charset=utf-8", include_bytes!("../assets/index.html")),
    ("/assets/js/main.js", JS, include_bytes!("../assets/js/main.js")),
    ("/assets/js/state.js", JS, include_bytes!("../assets/js/state.js")),
    ("/assets/js/dom.js", JS, include_bytes!("../assets/js/dom.js")),
    ("/assets/js/filters.js", JS, include_bytes!("../assets/js/filters.js")),
    ("/assets/js/search.js", JS, include_bytes!("../assets/js/search.js")),
    ("/assets/js/events.js", JS, include_bytes!("../assets/js/events.js")),
    ("/assets/js/map.js", JS, include_bytes!("../assets/js/map.js")),
    ("/assets/js/timeline.js", JS, include_bytes!("../assets/js/timeline.js")),
    ("/assets/js/network.js", JS, include_bytes!("../assets/js/network.js")),
    ("/assets/js/reader.js", JS, include_bytes!("../assets/js/reader.js")),
    ("/assets/app.css", "text/css; charset=utf-8", include_bytes!("../assets/app.css")),
    ("/assets/basemap.geojson", "application/geo+json", include_bytes!("../assets/basemap.geojson")),
    ("/assets/world.geojson", "application/geo+json", include_bytes!("../assets/world.geojson")),
    ("/assets/vendor/leaflet.js", "text/javascript; charset=utf-8", include_bytes!("../assets/vendor/leaflet/leaflet.js")),
    ("/assets/vendor/leaflet.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/leaflet/leaflet.css")),
    ("/api/openapi.json", "application/json", include_bytes!("../assets/openapi.json")),
];

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (port 0 picks a free one).
    pub addr: SocketAddr,
    /// Host names answered besides the bound address and localhost names.
    pub allowed_hosts: Vec<String>,
    /// Requests per client address per minute (0: no limit).
    pub rate_per_minute: u32,
    /// Time a connection has to send a request's headers (idle keep-alive included).
    pub header_timeout: Duration,
    /// Most open connections; more are closed as they come.
    pub max_connections: usize,
    /// Read-only store connections.
    pub readers: usize,
    /// Longest a request may read the store.
    pub query_budget: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allowed_hosts: Vec::new(),
            rate_per_minute: RATE_PER_MINUTE,
            header_timeout: Duration::from_secs(10),
            max_connections: 512,
            readers: 4,
            query_budget: Duration::from_secs(3),
        }
    }
}

/// Opens read-only store connections for the pool.
struct Readers(PathBuf);

impl deadpool::managed::Manager for Readers {
    type Type = Store;
    type Error = StoreError;

    async fn create(&self) -> Result<Store, StoreError> {
        let path = self.0.clone();
        tokio::task::spawn_blocking(move || Store::open_reader(&path))
            .await
            .map_err(|e| StoreError::Invalid(format!("opening a reader failed: {e}")))?
    }

    async fn recycle(&self, _: &mut Store, _: &deadpool::managed::Metrics) -> deadpool::managed::RecycleResult<StoreError> {
        Ok(())
    }
}

/// Shared state: the pool of readers, the segmenter, what is kept between requests.
#[derive(Clone)]
pub struct AppState {
    readers: deadpool::managed::Pool<Readers>,
    /// The segmenter search queries are read with (the one the documents were indexed with).
    segmenter: Arc<Segmenter>,
    caches: Arc<api::Caches>,
    /// The store's path (told to the user of an empty store).
    path: PathBuf,
    query_budget: Duration,
    guard: guard::Guard,
}

impl AppState {
    /// State over the store at `path` (opened for writing once before, so it exists and is
    /// migrated), for a server bound at `bound`.
    pub fn new(path: &Path, segmenter: Arc<Segmenter>, config: &Config, bound: SocketAddr) -> Result<Self, ServeError> {
        let readers = deadpool::managed::Pool::builder(Readers(path.to_path_buf()))
            .max_size(config.readers.max(1))
            .wait_timeout(Some(Duration::from_secs(10)))
            .runtime(deadpool::Runtime::Tokio1)
            .build()
            .map_err(|e| ServeError::Store(e.to_string()))?;
        // A store that cannot be read is told at start, not at the first request.
        Store::open_reader(path).map_err(|e| ServeError::Store(e.to_string()))?;
        Ok(AppState {
            readers,
            segmenter,
            caches: Arc::default(),
            path: path.to_path_buf(),
            query_budget: config.query_budget,
            guard: guard::Guard {
                hosts: Arc::new(Hosts::new(bound, &config.allowed_hosts)),
                limiter: Arc::new(guard::Limiter::new(config.rate_per_minute)),
            },
        })
    }
}

async fn asset(req: Request) -> Response {
    let path = req.uri().path();
    match ASSETS.iter().find(|(p, _, _)| *p == path) {
        Some((_, ctype, bytes)) => ([(header::CONTENT_TYPE, *ctype), (header::CACHE_CONTROL, "no-cache")], *bytes).into_response(),
        None => errors::json_error(StatusCode::NOT_FOUND, "not found"),
    }
}

/// The app's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/search", get(api::search))
        .route("/api/events", get(api::events))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/documents/{id}/figures", get(api::document_figures))
        .route("/api/network", get(desk::network))
        .route("/api/timeline", get(desk::timeline))
        .route("/api/map", get(desk::map))
        .route("/api/names", get(desk::names))
        .route("/api/export", get(desk::export))
        .route("/api/stats", get(api::stats))
        .route("/api/outlets", get(api::outlets))
        .fallback(asset)
        .layer(tower::limit::ConcurrencyLimitLayer::new(256))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(1024))
        .layer(middleware::from_fn_with_state(state.guard.clone(), guard::guard))
        .layer(middleware::from_fn(errors::json_errors))
        .layer(middleware::from_fn(guard::security_headers))
        .with_state(state)
}

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {0}: {1}; is another server running there? choose another with --addr")]
    Bind(SocketAddr, std::io::Error),
    /// The store cannot be read.
    #[error("cannot read the store: {0}")]
    Store(String),
    /// The runtime failed.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// Serves the store at `path` until the process ends; `ready` gets the bound address.
pub fn serve(path: &Path, segmenter: Arc<Segmenter>, config: Config, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await.map_err(|e| ServeError::Bind(config.addr, e))?;
        let bound = listener.local_addr()?;
        let app = router(AppState::new(path, segmenter, &config, bound)?);
        ready(bound);
        run(listener, app, &config).await;
        Ok(())
    })
}

/// Open connections per client address.
type Peers = Arc<std::sync::Mutex<std::collections::HashMap<std::net::IpAddr, usize>>>;

/// A connection of a client address, counted while it lives.
struct PeerSlot(Peers, std::net::IpAddr);

impl PeerSlot {
    fn take(peers: &Peers, ip: std::net::IpAddr, most: usize) -> Option<PeerSlot> {
        let mut m = peers.lock().ok()?;
        let n = m.entry(ip).or_insert(0);
        if *n >= most {
            return None;
        }
        *n += 1;
        Some(PeerSlot(Arc::clone(peers), ip))
    }
}

impl Drop for PeerSlot {
    fn drop(&mut self) {
        if let Ok(mut m) = self.0.lock() {
            if let Some(n) = m.get_mut(&self.1) {
                *n -= 1;
                if *n == 0 {
                    m.remove(&self.1);
                }
            }
        }
    }
}

/// Accepts connections for `app`: at most `config.max_connections` open at once, and an eighth
/// of them (at least 16) from one address (more are closed as they come), each closed when a request's headers take longer than
/// `config.header_timeout` (waiting for the next request of a kept-alive connection included).
pub async fn run(listener: tokio::net::TcpListener, app: Router, config: &Config) {
    let slots = Arc::new(tokio::sync::Semaphore::new(config.max_connections.max(1)));
    // One address may hold an eighth of them (at least 16): one client cannot take them all.
    let per_address = (config.max_connections / 8).max(16);
    let peers: Peers = Arc::default();
    let timeout = config.header_timeout;
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(c) => c,
            Err(e) => {
                // Out of file descriptors and the like: wait for connections to close.
                eprintln!("rasad serve: accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Some(per_peer) = PeerSlot::take(&peers, peer.ip(), per_address) else {
            drop(stream);
            continue;
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            tower::ServiceExt::oneshot(app.clone(), req)
        });
        tokio::spawn(async move {
            let _slots = (slot, per_peer);
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(timeout)
                .max_buf_size(16 * 1024)
                .serve_connection(TokioIo::new(stream), service);
            let _ = conn.await;
        });
    }
}
