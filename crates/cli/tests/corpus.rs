//! End-to-end tests of `rasad ingest`, `rasad search` and `rasad export` against a store in a
//! temporary directory.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rasad_store::Store;
use serde_json::Value;

mod common;
use common::{rasad, root, scratch};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn example(name: &str) -> String {
    std::fs::read_to_string(root().join("examples").join(name)).expect("example article")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// A directory with one input of every kind, two of them bad.
fn mixed_inputs(dir: &Path) {
    std::fs::write(dir.join("a.txt"), example("01_deployment.txt")).unwrap();
    let page = format!(
        "<!doctype html><html><head><title>t</title><meta property=\"og:site_name\" content=\"موقع المثال\"><meta property=\"article:published_time\" content=\"2024-03-05\"></head>\
         <body><nav><a href=/>الرئيسية</a></nav><article><h1>غارات</h1><p>{}</p><p>&lt;script&gt;alert(1)&lt;/script&gt; <script>alert(2)</script>نص إضافي في المقال.</p></article>\
         <div class=\"related\"><p>اقرأ أيضا خبرا آخر لا علاقة له بالمقال الأصلي أبدا</p></div></body></html>",
        example("02_airstrike.txt").replace('\n', " ")
    );
    std::fs::write(dir.join("b.html"), page).unwrap();
    let jsonl = format!(
        "{}\nthis line is not json\n",
        serde_json::json!({"id": "c", "text": example("03_clashes.txt"), "published": "2023-10-01", "outlet": "وكالة ج"})
    );
    std::fs::write(dir.join("c.jsonl"), jsonl).unwrap();
    let rss = format!(
        "<?xml version=\"1.0\"?><rss><channel><title>وكالة د</title><item><title>انسحاب</title><link>https://example.invalid/d</link>\
         <pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>{}</description></item></channel></rss>",
        rasad_store::export::xml_escape(&format!("<p>{}</p>", example("08_withdrawal.txt")))
    );
    std::fs::write(dir.join("d.rss"), rss).unwrap();
    let body = format!("<html><body><p>{}</p></body></html>", example("04_capture.txt"));
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}", body.len());
    let warc = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.invalid/e\r\nWARC-Date: 2024-02-02T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    std::fs::write(dir.join("e.warc.gz"), gzip(warc.as_bytes())).unwrap();
    std::fs::write(dir.join("f.txt"), b"\x00\x01binary\x00").unwrap();
    std::fs::write(dir.join("g.txt"), b"").unwrap();
}

#[test]
fn ingest_reads_every_format_reports_bad_files_and_is_idempotent() {
    let dir = scratch("ingest-mixed");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    mixed_inputs(&inputs);
    let db = dir.join("store.db");
    let out = rasad(&["ingest", "--db", db.to_str().unwrap(), "--quiet", inputs.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("c.jsonl:2"), "{err}");
    assert!(err.contains("f.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("g.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("stored 5,"), "{err}");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().documents, 5);
    assert!(store.verify().unwrap().is_empty());
    drop(store);
    // Metadata from the page, the feed and the archive are kept; markup never reaches the text.
    let exported = rasad(&["export", "events", "--format", "jsonl", "--db", db.to_str().unwrap()]);
    let rows: Vec<Value> = String::from_utf8_lossy(&exported.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for (outlet, published) in [("موقع المثال", "2024-03-05"), ("وكالة د", "2024-01-01"), ("وكالة ج", "2023-10-01")] {
        assert!(rows.iter().any(|r| r["outlet"] == outlet && r["published"] == published), "{outlet} {published}");
    }
    assert!(rows.iter().all(|r| !r["sentence"].as_str().unwrap_or("").contains("alert(2)")));
    // Again: nothing new.
    let again = rasad(&["ingest", "--db", db.to_str().unwrap(), "--quiet", inputs.to_str().unwrap()]);
    assert!(stderr(&again).contains("stored 0, duplicates 5"), "{}", stderr(&again));
    assert_eq!(Store::open(&db).unwrap().counts().unwrap().documents, 5);
}

#[test]
fn an_ingest_killed_midway_completes_on_a_rerun_with_every_document_once() {
    let dir = scratch("ingest-kill");
    // Many distinct documents: example articles under distinct opening lines (enough that the
    // ingest cannot finish between the poll that sees the first batches and the kill).
    let n = 2000;
    let mut jsonl = String::new();
    let names = ["01_deployment.txt", "02_airstrike.txt", "03_clashes.txt", "06_visit.txt", "08_withdrawal.txt"];
    let texts: Vec<String> = names.iter().map(|n| example(n)).collect();
    for i in 0..n {
        let text = format!("التقرير رقم {i} من سلسلة التقارير اليومية.\n{}", texts[i % texts.len()]);
        jsonl.push_str(&serde_json::json!({"id": format!("doc-{i}"), "text": text, "published": "2024-01-10"}).to_string());
        jsonl.push('\n');
    }
    let input = dir.join("many.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let db = dir.join("store.db");
    let args = ["ingest", "--db", db.to_str().unwrap(), "--quiet", "--batch", "8", input.to_str().unwrap()];
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasad")).args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    // Wait for the first committed batches, then kill -9.
    let start = Instant::now();
    let stored_at_kill = loop {
        assert!(start.elapsed() < Duration::from_secs(120), "no batch was committed in two minutes");
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the ingest finished ({status}) before it could be killed; make the input larger");
        }
        let stored = if db.exists() { Store::open(&db).ok().and_then(|s| s.counts().ok()).map_or(0, |c| c.documents) } else { 0 };
        if stored >= 16 {
            child.kill().unwrap(); // SIGKILL on Unix
            child.wait().unwrap();
            break stored;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let after_kill = Store::open(&db).unwrap().counts().unwrap().documents;
    assert!(after_kill >= stored_at_kill && after_kill < n, "killed at {after_kill} of {n}");
    let rerun = rasad(&args);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().documents, n, "every document stored exactly once");
    assert_eq!(store.verify().unwrap(), Vec::<String>::new());
}

#[test]
fn search_finds_clitic_forms_and_filters_by_event() {
    let dir = scratch("search");
    let db = dir.join("store.db");
    let ingest = rasad(&["ingest", "--db", db.to_str().unwrap(), "--quiet", root().join("examples").to_str().unwrap()]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let out = rasad(&["search", "غارة", "--json", "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: Vec<Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!hits.is_empty());
    for h in &hits {
        let snip: Vec<char> = h["snippet"]["text"].as_str().unwrap().chars().collect();
        let base = h["snippet"]["start"].as_u64().unwrap() as usize;
        for hl in h["snippet"]["highlights"].as_array().unwrap() {
            let (s, e) = (hl["start"].as_u64().unwrap() as usize - base, hl["end"].as_u64().unwrap() as usize - base);
            let word: String = snip[s..e].iter().collect();
            assert!(word.contains("غار"), "highlight {word:?}");
        }
    }
    let filtered = rasad(&["search", "--type", "ASSAULT", "--json", "--db", db.to_str().unwrap()]);
    let hits: Vec<Value> = String::from_utf8_lossy(&filtered.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["events"].as_array().unwrap().iter().all(|e| e["type"] == "ASSAULT")));
    let bad = rasad(&["search", "x", "--near", "100,0,5", "--db", db.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--near"));
    let text = rasad(&["search", "عنصر", "--db", db.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("[عناصر]"), "{}", String::from_utf8_lossy(&text.stdout));
    // Labelled hits: title (the file name without one), outlet and date, then the events with
    // their type, actors and place.
    let text = rasad(&["search", "غارات", "--limit", "1", "--db", db.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&text.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("1. title: 02_airstrike.txt"), "{out}");
    assert!(lines[1].contains("outlet: -") && lines[1].contains("date: 2020-02-09"), "{out}");
    assert!(lines[2].contains("text: …") && lines[2].contains("[غارات]"), "{out}");
    assert!(lines[3].starts_with("   events ("), "{out}");
    assert!(
        lines[4..]
            .iter()
            .any(|l| l.contains("ASSAULT") && l.contains("actors: Russian armed forces") && l.contains("place: Idlib Governorate")),
        "{out}"
    );
}

#[test]
fn exports_are_well_formed() {
    let dir = scratch("export");
    let db = dir.join("store.db");
    let ingest =
        rasad(&["ingest", "--db", db.to_str().unwrap(), "--quiet", "--published", "2024-12-02", root().join("examples").to_str().unwrap()]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let csv_out = rasad(&["export", "events", "--format", "csv", "--db", db.to_str().unwrap()]);
    let mut r = csv::Reader::from_reader(&csv_out.stdout[..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(rows.len() >= 10);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(rows.iter().any(|row| !row[col("latitude")].is_empty() && !row[col("fatalities")].is_empty()));
    let geo = rasad(&["export", "events", "--format", "geojson", "--db", db.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&geo.stdout).unwrap();
    assert!(!v["features"].as_array().unwrap().is_empty());
    let pq = rasad(&["export", "events", "--format", "parquet", "--db", db.to_str().unwrap()]);
    assert!(pq.status.success(), "{}", stderr(&pq));
    assert!(pq.stdout.starts_with(b"PAR1") && pq.stdout.ends_with(b"PAR1"));
    for fmt in ["graphml", "gexf"] {
        let path = dir.join(format!("net.{fmt}"));
        let o = rasad(&["export", "network", "--format", fmt, "-o", path.to_str().unwrap(), "--db", db.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let xml = std::fs::read_to_string(&path).unwrap();
        assert!(xml.matches("<node ").count() >= 3 && xml.matches("<edge ").count() >= 1, "{xml}");
    }
}

#[test]
fn ingest_reads_standard_input_and_sniffs_its_format() {
    let dir = scratch("ingest-stdin");
    let db = dir.join("store.db");
    let line = serde_json::json!({"id": "s1", "text": example("05_agreement.txt"), "published": "2024-06-01"}).to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(["ingest", "--db", db.to_str().unwrap(), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut sin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || sin.write_all(format!("{line}\n").as_bytes()));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("stored 1,"), "{}", stderr(&out));
    let docs = rasad(&["export", "documents", "--db", db.to_str().unwrap()]);
    let row: Value = serde_json::from_slice(docs.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(row["source"], "s1");
    assert_eq!(row["published"], "2024-06-01");
}
