//! A bounded load test of `rasad serve` on loopback (bench/serve/run starts the server and
//! builds the store): each endpoint's latency alone, then N clients for a fixed time, then
//! half-sent requests and how long the server keeps them.
//!
//!     cargo run --release -p rasad-server --example load -- 127.0.0.1:PORT [CLIENTS] [SECONDS] [HALF_OPEN]

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::client::conn::http1::{handshake, SendRequest};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Search words: common and rare, names and verbs.
const WORDS: &[&str] = &["سوريا", "الحوثيين", "اليمن", "غارة", "مقتل", "الرياض", "داعش", "إيران", "العراق", "اشتباكات", "الملك", "تفجير"];
const TYPES: &[&str] = &["ASSAULT", "COERCE", "CONSULT", "PROTEST", "AID", "ACCUSE"];

fn enc(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

struct Client {
    addr: SocketAddr,
    /// Source address: each client its own 127.0.0.x, as distinct machines would be.
    from: std::net::Ipv4Addr,
    send: SendRequest<Empty<Bytes>>,
}

impl Client {
    async fn new(addr: SocketAddr) -> Client {
        Client::from(addr, std::net::Ipv4Addr::LOCALHOST).await
    }

    async fn from(addr: SocketAddr, from: std::net::Ipv4Addr) -> Client {
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        socket.bind(SocketAddr::from((from, 0))).expect("bind");
        let stream = socket.connect(addr).await.expect("connect");
        stream.set_nodelay(true).unwrap();
        let (send, conn) = handshake(TokioIo::new(stream)).await.expect("handshake");
        tokio::spawn(conn);
        Client { addr, from, send }
    }

    /// GET `path`: status and body.
    async fn get(&mut self, path: &str) -> (u16, Bytes) {
        if self.send.ready().await.is_err() {
            *self = Client::from(self.addr, self.from).await;
        }
        let req = hyper::Request::get(path).header("host", self.addr.to_string()).body(Empty::new()).unwrap();
        match self.send.send_request(req).await {
            Ok(resp) => {
                let status = resp.status().as_u16();
                let body = resp.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
                (status, body)
            }
            Err(_) => {
                *self = Client::from(self.addr, self.from).await;
                (0, Bytes::new())
            }
        }
    }
}

/// The i-th request of the mix: pages of events (first pages, filtered, by cursor), searches
/// and the stats.
fn request(i: usize, next: &Option<String>) -> String {
    match i % 6 {
        0 => "/api/events?limit=50".into(),
        1 => format!("/api/search?q={}", enc(WORDS[i / 6 % WORDS.len()])),
        2 => "/api/stats".into(),
        3 => match next {
            Some(c) => format!("/api/events?limit=50&after={}", enc(c)),
            None => "/api/events?limit=50&sort=confidence".into(),
        },
        4 => format!("/api/events?limit=50&type={}", TYPES[i / 6 % TYPES.len()]),
        _ => format!("/api/search?q={}&type=ASSAULT", enc(WORDS[(i / 6 + 3) % WORDS.len()])),
    }
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn alone(addr: SocketAddr) {
    let mut c = Client::new(addr).await;
    let cases = [
        ("a page of events (limit=50)", "/api/events?limit=50".to_string()),
        ("a page of events (limit=200, as the app asks)", "/api/events?limit=200".to_string()),
        ("a filtered page (type=ASSAULT, date_asc)", "/api/events?limit=50&type=ASSAULT&sort=date_asc".to_string()),
        ("a search (one common word)", format!("/api/search?q={}", enc("سوريا"))),
        ("a search (limit=50, as the app asks)", format!("/api/search?q={}&limit=50", enc("الحوثيين"))),
        ("the stats", "/api/stats".to_string()),
        ("a deep page (offset=10000, limit=500)", "/api/events?limit=500&offset=10000".to_string()),
    ];
    println!("alone (one client, 30 requests each after 3 warm-ups): median / p95 / max ms");
    for (what, path) in cases {
        for _ in 0..3 {
            c.get(&path).await;
        }
        let mut t = Vec::new();
        for _ in 0..30 {
            let s = Instant::now();
            let (status, _) = c.get(&path).await;
            assert_eq!(status, 200, "{path}");
            t.push(ms(s.elapsed()));
        }
        t.sort_by(f64::total_cmp);
        println!("  {what:48} {:7.2} {:7.2} {:7.2}", pct(&t, 0.5), pct(&t, 0.95), t[t.len() - 1]);
    }
}

/// The deep page three greedy clients ask for again and again in the last run.
const DEEP: &str = "/api/events?limit=500&offset=10000";

async fn under_load(addr: SocketAddr, clients: usize, secs: u64, greedy: usize) {
    let end = Instant::now() + Duration::from_secs(secs);
    let start = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|k| {
            tokio::spawn(async move {
                let mut c = Client::from(addr, std::net::Ipv4Addr::new(127, 0, 1, 1 + k as u8)).await;
                let (mut lat, mut errors, mut next, mut i) = (Vec::new(), 0usize, None::<String>, k);
                while Instant::now() < end {
                    let path = if k < greedy { DEEP.to_string() } else { request(i, &next) };
                    let s = Instant::now();
                    let (status, body) = c.get(&path).await;
                    lat.push(ms(s.elapsed()));
                    if status != 200 {
                        errors += 1;
                    } else if path.starts_with("/api/events?limit=50") && !path.contains("type=") {
                        let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
                        next = v["next"].as_str().map(str::to_string);
                    }
                    i += 1;
                }
                (k < greedy, lat, errors)
            })
        })
        .collect();
    let (mut all, mut deep) = (Vec::new(), Vec::new());
    let mut errors = 0;
    for t in tasks {
        let (is_greedy, l, e) = t.await.unwrap();
        if is_greedy {
            deep.extend(l);
        } else {
            all.extend(l);
        }
        errors += e;
    }
    let took = start.elapsed().as_secs_f64();
    all.sort_by(f64::total_cmp);
    if greedy > 0 {
        deep.sort_by(f64::total_cmp);
        print!("{greedy} of them asking for {DEEP} ({} answers, p50 {:.1} ms); the other ", deep.len(), pct(&deep, 0.5));
    }
    println!(
        "{} clients for {secs} s (mix: events pages first, by cursor and by type; searches; stats): {} requests, {:.0} req/s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms, {} not 200",
        clients - greedy,
        all.len(),
        all.len() as f64 / took,
        pct(&all, 0.5),
        pct(&all, 0.99),
        all.last().copied().unwrap_or(f64::NAN),
        errors
    );
}

async fn half_open(addr: SocketAddr, n: usize) {
    let start = Instant::now();
    let mut open = Vec::new();
    for _ in 0..n {
        if let Ok(mut s) = TcpStream::connect(addr).await {
            let _ = s.write_all(format!("GET /api/stats HTTP/1.1\r\nHost: {addr}\r\nX-Slow: ").as_bytes()).await;
            open.push(s);
        }
    }
    let opened = open.len();
    // Meanwhile a client of another address is still served.
    let s = Instant::now();
    let (status, _) = Client::from(addr, std::net::Ipv4Addr::new(127, 0, 2, 1)).await.get("/api/stats").await;
    let served = ms(s.elapsed());
    let waits: Vec<_> = open
        .into_iter()
        .map(|mut s| {
            tokio::spawn(async move {
                let mut buf = [0u8; 256];
                loop {
                    match tokio::time::timeout(Duration::from_secs(120), s.read(&mut buf)).await {
                        Ok(Ok(0)) | Ok(Err(_)) => return Some(start.elapsed()),
                        Ok(Ok(_)) => continue,
                        Err(_) => return None,
                    }
                }
            })
        })
        .collect();
    let mut closed = Vec::new();
    let mut still_open = 0;
    for w in waits {
        match w.await.unwrap() {
            Some(d) => closed.push(d.as_secs_f64()),
            None => still_open += 1,
        }
    }
    closed.sort_by(f64::total_cmp);
    println!(
        "{opened} half-sent requests: all closed by the server after {:.1} s (half of them after {:.1} s), {still_open} still open after 120 s; a request from another address meanwhile: {status} in {served:.1} ms",
        closed.last().copied().unwrap_or(f64::NAN),
        pct(&closed, 0.5)
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr: SocketAddr = args.first().and_then(|a| a.parse().ok()).expect("usage: load 127.0.0.1:PORT [CLIENTS] [SECONDS] [HALF_OPEN]");
    assert!(addr.ip().is_loopback(), "loopback only");
    let clients = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let secs = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(20).min(120);
    let half = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(0);
    alone(addr).await;
    for c in [1, clients] {
        under_load(addr, c, secs, 0).await;
    }
    under_load(addr, clients, secs, 3).await;
    if half > 0 {
        half_open(addr, half).await;
    }
}
