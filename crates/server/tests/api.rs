//! The server in-process over a small store, spoken to over raw sockets as hostile clients
//! would: every error is JSON with a 4xx and the security headers, only its own host names are
//! answered, half-sent requests are closed, pages by cursor walk every event once.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use rasad_model::InputDoc;
use rasad_pipeline::Pipeline;
use rasad_server::{AppState, Config};
use rasad_store::Store;

const TEXTS: &[(&str, &str, &str)] = &[
    ("قصفت طائرات روسية مدينة إدلب أمس، ما أسفر عن مقتل 9 مدنيين، وفق الدفاع المدني.", "2019-05-10", "وكالة أ"),
    ("هاجمت قوات النظام السوري مواقع هيئة تحرير الشام في ريف حماة الشمالي اليوم.", "2019-05-11", "صحيفة ب"),
    ("اعتقلت الشرطة التركية عشرة أشخاص في إسطنبول. وتظاهر مئات في دمشق.", "2019-05-12", "وكالة أ"),
    ("زار وزير الخارجية الروسي دمشق والتقى الرئيس السوري بشار الأسد.", "2019-05-12", "\u{202e}وكالة ج"),
    ("شنت المقاتلات الروسية غارات على إدلب يوم الخميس وقتلت تسعة أشخاص بينهم أطفال، بحسب ناشطين.", "2019-05-13", "صحيفة ب"),
];

/// A store of the texts above, built once.
fn store_path() -> PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("server-api-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("store.db");
        let mut store = Store::open(&path).unwrap();
        let p = Pipeline::shared();
        let batch: Vec<_> = TEXTS
            .iter()
            .enumerate()
            .map(|(i, (t, d, o))| {
                let doc = InputDoc {
                    id: format!("d{i}"),
                    text: (*t).into(),
                    published: d.parse().ok(),
                    outlet: Some((*o).into()),
                    ..Default::default()
                };
                let record = p.extract(&doc);
                rasad_store::prepare(doc, record, p.segmenter())
            })
            .collect();
        store.write_batch(&batch).unwrap();
        path
    })
    .clone()
}

/// Starts a server with `config` (its address ignored) on a free loopback port.
fn start(config: Config) -> SocketAddr {
    let path = store_path();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let bound = listener.local_addr().unwrap();
            let state = AppState::new(&path, Pipeline::shared().segmenter_handle(), &config, bound).unwrap();
            tx.send(bound).unwrap();
            rasad_server::run(listener, rasad_server::router(state), &config).await;
        });
    });
    rx.recv().unwrap()
}

fn shared() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| start(Config { rate_per_minute: 0, allowed_hosts: vec!["rasad.lan".into()], ..Default::default() }))
}

struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        assert!(self.head.contains("content-type: application/json"), "not JSON: {}\n{}", self.head, self.body);
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// A 4xx with `{"error": …}` and the security headers.
    fn assert_error(&self, status: u16, what: &str) {
        assert_eq!(self.status, status, "{what}: {}\n{}", self.head, self.body);
        assert!(self.json()["error"].is_string(), "{what}: {}", self.body);
        assert!(self.head.contains("content-security-policy: default-src 'none'"), "{what}: {}", self.head);
        assert!(self.head.contains("x-content-type-options: nosniff"), "{what}: {}", self.head);
    }
}

fn http_from(addr: SocketAddr, from: [u8; 4], request: &[u8]) -> Answer {
    let socket = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(10));
    let mut s = if from == [127, 0, 0, 1] {
        socket.unwrap()
    } else {
        // A client of its own address: bind through a tokio socket, then use it blocking.
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let std = rt.block_on(async {
            let sock = tokio::net::TcpSocket::new_v4().unwrap();
            sock.bind(SocketAddr::from((from, 0))).unwrap();
            sock.connect(addr).await.unwrap().into_std().unwrap()
        });
        std.set_nonblocking(false).unwrap();
        std
    };
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(request).unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").map_or(raw.len(), |i| i + 4);
    let head = String::from_utf8_lossy(&raw[..end]).trim_end().to_ascii_lowercase();
    let body = if head.contains("transfer-encoding: chunked") { dechunk(&raw[end..]) } else { raw[end..].to_vec() };
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    Answer { status, head, body: String::from_utf8_lossy(&body).into_owned() }
}

/// The body of a chunked response (RFC 9112 §7.1).
fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = raw.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&raw[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&raw[eol + 2..eol + 2 + size]);
        raw = &raw[eol + 2 + size + 2..];
    }
    out
}

fn get(addr: SocketAddr, path: &str) -> Answer {
    http_from(addr, [127, 0, 0, 1], format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes())
}

/// A small deterministic generator of hostile bytes.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn percent_encoded(&mut self, n: usize) -> String {
        (0..n).map(|_| format!("%{:02X}", self.next() as u8)).collect()
    }
}

#[test]
fn every_error_is_json_with_a_4xx_and_the_security_headers() {
    let addr = shared();
    for (path, status) in [
        ("/api/events?offset=9223372036854775808", 400),
        ("/api/events?offset=18446744073709551616", 400),
        ("/api/events?offset=-1", 400),
        ("/api/events?limit=abc", 400),
        ("/api/events?background=300", 400),
        ("/api/events?sort=evil", 400),
        ("/api/events?after=1,2,3,4", 400),
        ("/api/events?after=x&offset=5", 400),
        ("/api/events?from=yesterday", 400),
        ("/api/search?near=1,2", 400),
        ("/api/search?near=NaN,1,1", 400),
        ("/api/events?status=evil", 400),
        ("/api/events?relevance=2", 400),
        ("/api/search?offset=100000", 400),
        ("/api/export?format=xlsx", 400),
        ("/api/names?role=verb", 400),
        ("/api/network?top=abc", 400),
        ("/api/map?from=tomorrow", 400),
        ("/api/documents/..%2f..%2f", 404),
        ("/api/documents/0123456789abcdef", 404),
        ("/no/such/page", 404),
    ] {
        get(addr, path).assert_error(status, path);
    }
    let long = format!("/api/search?q={}", "a".repeat(5000));
    get(addr, &long).assert_error(414, "a long query");
    let post = format!("POST /api/search HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}");
    http_from(addr, [127, 0, 0, 1], post.as_bytes()).assert_error(405, "POST");
    // Generated garbage in every parameter: a 200 or a JSON 4xx, never a 500 nor text.
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    const PARAMS: &[&str] = &[
        "q",
        "type",
        "actor",
        "place",
        "near",
        "from",
        "to",
        "outlet",
        "status",
        "sort",
        "limit",
        "offset",
        "after",
        "background",
        "relevance",
        "top",
        "min_weight",
        "format",
        "role",
        "id",
    ];
    for i in 0..240 {
        let param = PARAMS[i % PARAMS.len()];
        let n = 1 + (noise.next() % 40) as usize;
        let value = noise.percent_encoded(n);
        let endpoint = ["events", "search", "map", "timeline", "network", "names", "export"][i % 7];
        let path = format!("/api/{endpoint}?{param}={value}");
        let a = get(addr, &path);
        assert!(a.status == 200 || (400..500).contains(&a.status), "{path}: {}", a.status);
        if !path.starts_with("/api/export") || a.status != 200 {
            let _ = a.json();
        }
    }
    // The rate limit's 429 is JSON too, with the same headers (a client address of its own).
    let limited = start(Config { rate_per_minute: 3, ..Default::default() });
    let req = format!("GET /api/stats HTTP/1.1\r\nHost: {limited}\r\nConnection: close\r\n\r\n");
    let answers: Vec<Answer> = (0..5).map(|_| http_from(limited, [127, 0, 0, 7], req.as_bytes())).collect();
    answers.last().unwrap().assert_error(429, "past the rate limit");
    assert_eq!(answers[0].status, 200);
}

#[test]
fn only_its_own_host_names_are_answered() {
    let addr = shared();
    let with_host = |host: &str| {
        http_from(addr, [127, 0, 0, 1], format!("GET /api/stats HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes())
    };
    let port = addr.port();
    for ok in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}"), "rasad.lan".into()] {
        assert_eq!(with_host(&ok).status, 200, "{ok}");
    }
    for evil in [
        format!("evil.example:{port}"),
        "attacker.example".into(),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
    ] {
        with_host(&evil).assert_error(421, &evil);
    }
    http_from(addr, [127, 0, 0, 1], b"GET /api/stats HTTP/1.0\r\n\r\n").assert_error(400, "no Host");
}

#[test]
fn half_sent_requests_are_closed_and_connections_capped() {
    // 64 connections at most, 16 of them from one address.
    let addr = start(Config { header_timeout: Duration::from_secs(1), max_connections: 64, rate_per_minute: 0, ..Default::default() });
    let mut open: Vec<TcpStream> = (0..40)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(format!("GET /api/stats HTTP/1.1\r\nHost: {addr}\r\nX-Slow: ").as_bytes()).unwrap();
            s
        })
        .collect();
    // Another address is answered meanwhile.
    let other = format!("GET /api/stats HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    assert_eq!(http_from(addr, [127, 0, 0, 3], other.as_bytes()).status, 200);
    // Every one is closed by the server: the 24 over the address's share at once, the others at
    // the timeout.
    for s in &mut open {
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut buf = [0u8; 512];
        let closed = loop {
            match s.read(&mut buf) {
                Ok(0) => break true,
                Ok(_) => continue,
                Err(e) => break !matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut),
            }
        };
        assert!(closed, "a half-sent request was left open");
    }
    drop(open);
    // An idle kept-alive connection is closed too; a whole request is still answered.
    let mut idle = TcpStream::connect(addr).unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    idle.write_all(format!("GET /api/stats HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).unwrap();
    let mut all = Vec::new();
    assert!(idle.read_to_end(&mut all).is_ok(), "the kept-alive connection was not closed");
    assert!(String::from_utf8_lossy(&all).starts_with("HTTP/1.1 200"));
    assert_eq!(get(addr, "/api/stats").status, 200);
}

#[test]
fn pages_by_cursor_walk_every_event_once_and_totals_stay() {
    let addr = shared();
    let all = get(addr, "/api/events?limit=500&background=1").json();
    let total = all["total"].as_u64().unwrap() as usize;
    let ids: Vec<String> = all["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap().to_string()).collect();
    assert!(total >= 5 && ids.len() == total, "{total} {}", ids.len());
    for sort in ["date_desc", "date_asc", "type", "confidence"] {
        let mut walked = Vec::new();
        let mut path = format!("/api/events?limit=2&background=1&sort={sort}");
        loop {
            let page = get(addr, &path).json();
            assert_eq!(page["total"].as_u64().unwrap() as usize, total);
            walked.extend(page["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap().to_string()));
            match page["next"].as_str() {
                Some(c) => path = format!("/api/events?limit=2&background=1&sort={sort}&after={}", c.replace(',', "%2C")),
                None => break,
            }
        }
        let mut a = walked.clone();
        a.sort();
        let mut b = ids.clone();
        b.sort();
        assert_eq!(a, b, "{sort}");
    }
}

#[test]
fn the_desk_endpoints_count_every_event_of_a_filter() {
    let addr = shared();
    let total = |q: &str| get(addr, &format!("/api/events?limit=1&{q}")).json()["total"].as_u64().unwrap() as usize;
    let all = total("background=1");
    // The map: every event of the filter drawn or counted as without a place.
    for q in ["background=1", "type=ASSAULT", "actor=RUS", "from=2019-05-11&to=2019-05-12"] {
        let m = get(addr, &format!("/api/map?{q}")).json();
        let drawn: u64 = m["places"].as_array().unwrap().iter().map(|p| p["events"].as_u64().unwrap()).sum();
        assert_eq!(drawn, m["located"].as_u64().unwrap(), "{q}");
        assert_eq!((m["located"].as_u64().unwrap() + m["unlocated"].as_u64().unwrap()) as usize, total(q), "{q}: {m}");
        let t = get(addr, &format!("/api/timeline?{q}")).json();
        let dated: u64 = t["days"].as_array().unwrap().iter().map(|d| d["count"].as_u64().unwrap()).sum();
        assert_eq!((dated + t["undated"].as_u64().unwrap()) as usize, total(q), "{q}: {t}");
    }
    // The export: a CSV row, a JSON line per event of the filter, as a download.
    for q in ["background=1", "type=ASSAULT"] {
        let csv = get(addr, &format!("/api/export?format=csv&{q}"));
        assert_eq!(csv.status, 200);
        assert!(csv.head.contains("content-disposition: attachment; filename=\"rasad-events.csv\""), "{}", csv.head);
        assert!(csv.head.contains("content-security-policy"));
        let rows = csv::Reader::from_reader(csv.body.as_bytes()).records().map(Result::unwrap).count();
        assert_eq!(rows, total(q), "{q}");
        let jsonl = get(addr, &format!("/api/export?format=jsonl&{q}"));
        let lines = jsonl.body.lines().filter(|l| l.starts_with('{')).count();
        assert_eq!(lines, total(q), "{q}");
    }
    assert!(all >= 5);
    // Names complete from English or Arabic word starts; an id gives its name.
    let names = |q: &str| -> Vec<String> {
        get(addr, &format!("/api/names?role=actor&q={q}")).json()["names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(names("rus").contains(&"RUS".to_string()), "{:?}", names("rus"));
    assert!(names("%D8%B1%D9%88%D8%B3").contains(&"RUS".to_string()), "روس: {:?}", names("%D8%B1%D9%88%D8%B3"));
    assert!(names("zzzz").is_empty());
    let one = get(addr, "/api/names?role=actor&id=RUS").json();
    assert_eq!(one["names"][0]["name"], "Russia");
    // The network: at most `top` actors, links of at least `min_weight` among them.
    let net = get(addr, "/api/network?background=1&top=2&min_weight=1").json();
    let nodes: Vec<&str> = net["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert!(nodes.len() <= 2);
    for e in net["edges"].as_array().unwrap() {
        assert!(nodes.contains(&e["source"].as_str().unwrap()) && nodes.contains(&e["target"].as_str().unwrap()));
    }
    // Search: the total and pages that do not repeat.
    let p1 = get(addr, "/api/search?limit=2").json();
    let p2 = get(addr, "/api/search?limit=2&offset=2").json();
    assert_eq!(p1["total"].as_u64().unwrap(), TEXTS.len() as u64);
    let ids =
        |p: &serde_json::Value| p["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert!(ids(&p1).iter().all(|i| !ids(&p2).contains(i)));
    assert_eq!(ids(&p1).len() + ids(&p2).len(), 4);
}

/// The tester's report: the search honours status and relevance, pages past the end show the
/// last, numbers and dates are read strictly, types in any case, limits clamped and said so.
#[test]
fn the_search_honours_the_filters_and_parameters_are_read_strictly() {
    let addr = shared();
    let json = |path: &str| get(addr, path).json();
    let total = |path: &str| json(path)["total"].as_u64().unwrap_or_else(|| panic!("{path}"));
    let docs = TEXTS.len() as u64;
    assert_eq!(total("/api/search?limit=1"), docs);
    // Status and relevance narrow the documents to those with such events.
    let mut by_status = 0;
    for st in ["reported", "claimed", "planned", "denied", "negated"] {
        let n = total(&format!("/api/search?limit=100&status={st}"));
        let events = total(&format!("/api/events?limit=1&status={st}"));
        assert!(n <= events && (n == 0) == (events == 0), "{st}: {n} documents, {events} events");
        let hits = json(&format!("/api/search?limit=100&status={st}"));
        assert_eq!(hits["hits"].as_array().unwrap().len() as u64, n, "{st}");
        by_status += n;
    }
    assert!(by_status >= 1 && total("/api/search?status=claimed") < docs, "{by_status}");
    let (high, mid) = (total("/api/search?relevance=0.99"), total("/api/search?relevance=0.5"));
    assert!(high <= mid && mid <= docs, "{high} {mid}");
    assert_eq!(total("/api/search?relevance=1.0") == 0, total("/api/events?relevance=1.0&background=1") == 0);
    assert_eq!(total("/api/search?relevance=0"), docs);
    get(addr, "/api/search?status=evil").assert_error(400, "unknown status in search");
    get(addr, "/api/search?relevance=high").assert_error(400, "relevance not a number");
    // Pages: past the end, the last one; numbers are whole numbers or a 400 naming the parameter.
    let all = total("/api/events?limit=1&background=1");
    let past = json("/api/events?limit=2&background=1&offset=1000");
    assert_eq!(past["offset"].as_u64().unwrap(), (all - 1) / 2 * 2, "{past}");
    assert!(!past["events"].as_array().unwrap().is_empty());
    let spast = json("/api/search?limit=2&offset=900");
    assert_eq!(spast["offset"].as_u64().unwrap(), (docs - 1) / 2 * 2);
    assert!(!spast["hits"].as_array().unwrap().is_empty());
    for bad in ["offset=2.5", "offset=1e3", "offset=-1", "limit=2.5", "limit=1e3"] {
        for endpoint in ["events", "search"] {
            let a = get(addr, &format!("/api/{endpoint}?{bad}"));
            a.assert_error(400, bad);
            assert!(a.json()["error"].as_str().unwrap().contains("whole number"), "{bad}: {}", a.body);
        }
    }
    // Dates of the calendar only; from before to.
    for bad in ["from=2015-13-45", "from=2015-02-30", "to=2019-02-29", "from=2019-05-12&to=2019-05-11"] {
        get(addr, &format!("/api/events?{bad}")).assert_error(400, bad);
        get(addr, &format!("/api/timeline?{bad}")).assert_error(400, bad);
    }
    assert_eq!(get(addr, "/api/events?from=2016-02-29").status, 200);
    // Types in any case; an unknown one is a 400.
    assert_eq!(total("/api/events?type=assault&background=1"), total("/api/events?type=ASSAULT&background=1"));
    let t = get(addr, "/api/events?type=BOMBING");
    t.assert_error(400, "unknown type");
    assert!(t.body.contains("PLOVER"), "{}", t.body);
    // background: 1/true or 0/false, else a message (not a deserializer's words).
    assert_eq!(total("/api/events?background=true"), all);
    assert_eq!(total("/api/events?background=false"), total("/api/events"));
    let b = get(addr, "/api/events?background=yes");
    b.assert_error(400, "background=yes");
    assert!(b.body.contains("background must be 1 or 0"), "{}", b.body);
    // Unknown parameters are named.
    let u = get(addr, "/api/events?colour=red");
    u.assert_error(400, "unknown parameter");
    assert!(u.body.contains("colour"), "{}", u.body);
    // Limits out of range are clamped, and the answer says so.
    let big = json("/api/events?limit=9999&background=1");
    assert_eq!(big["limit_applied"], 500);
    assert!(big["notice"].as_str().unwrap().contains("limit=9999"), "{big}");
    assert!(json("/api/events?limit=5")["notice"].is_null());
    assert_eq!(json("/api/search?limit=0")["limit_applied"], 1);
    let net = json("/api/network?top=100000");
    assert_eq!(net["top_applied"], 400);
    assert!(net["notice"].is_string(), "{net}");
    // The store's path (for the empty store's commands), the outlets for the outlet box.
    let stats = json("/api/stats");
    assert!(stats["store"].as_str().unwrap().ends_with("store.db"), "{stats}");
    assert!(stats["current_events"].as_u64().unwrap() <= stats["events"].as_u64().unwrap());
    let outlets = json("/api/outlets");
    let listed: u64 = outlets["outlets"].as_array().unwrap().iter().map(|o| o["documents"].as_u64().unwrap()).sum();
    assert_eq!(listed, docs, "{outlets}");
}

#[test]
fn a_documents_contested_figures_are_json_by_event() {
    let addr = shared();
    let id = rasad_store::content_id(TEXTS[0].0);
    let a = get(addr, &format!("/api/documents/{id}/figures"));
    assert_eq!(a.status, 200, "{}", a.body);
    let v: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    let events = v["events"].as_object().expect("events by index");
    // Two outlets gave 9 killed in Idlib: where the story joins them, the range is 9–9 and agrees.
    for story in events.values() {
        for r in story["ranges"].as_array().unwrap() {
            assert!(r["min"].as_f64() <= r["max"].as_f64(), "{r}");
        }
    }
    let none = get(addr, "/api/documents/0123456789abcdef/figures");
    assert_eq!((none.status, none.body.contains("\"events\":{}")), (200, true), "{}", none.body);
}
