//! The analyst's desk on a store of real articles (SaudiNewsNet, from ../shared; tests only, never
//! shipped), driven in headless Chromium by `tests/e2e/desk.mjs`; and an empty store.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use super::{browser_ready, root, serve};

/// Articles the store is built from.
const ARTICLES: usize = 320;

/// Words of conflict and politics news: articles holding one are taken, in file order.
const TOPICAL: &[&str] = &["سوري", "اليمن", "الحوثي", "العراق", "غارة", "قصف", "داعش", "هجوم"];

/// Writes the first [`ARTICLES`] topical SaudiNewsNet articles as JSON Lines (id, text, title,
/// outlet, url, published); false when ../shared has no SaudiNewsNet.
fn saudinewsnet_jsonl(out: &Path) -> bool {
    let dir = std::env::var_os("RASAD_SHARED").map_or_else(|| root().join("../shared"), Into::into).join("data/saudinewsnet");
    let Ok(entries) = std::fs::read_dir(&dir) else { return false };
    let mut days: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(".json.gz")).collect();
    days.sort();
    let mut w = BufWriter::new(std::fs::File::create(out).unwrap());
    let mut n = 0;
    for day in days {
        let articles: Vec<serde_json::Value> =
            serde_json::from_reader(flate2::read::GzDecoder::new(std::fs::File::open(&day).unwrap())).unwrap();
        for (i, a) in articles.iter().enumerate() {
            let content = a["content"].as_str().unwrap_or("");
            if !TOPICAL.iter().any(|w| content.contains(w)) {
                continue;
            }
            let name = day.file_name().unwrap().to_string_lossy().replace(".json.gz", "");
            let line = serde_json::json!({
                "id": format!("snn-{name}-{i}"),
                "text": format!("{}\n\n{content}", a["title"].as_str().unwrap_or("")),
                "title": a["title"],
                "outlet": a["source"],
                "url": a["url"],
                "published": a["date_extracted"].as_str().map(|d| &d[..10.min(d.len())]),
            });
            writeln!(w, "{line}").unwrap();
            n += 1;
            if n == ARTICLES {
                return true;
            }
        }
    }
    n == ARTICLES
}

#[test]
fn the_desk_works_on_300_real_articles_in_a_real_browser() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("web-desk");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("articles.jsonl");
    if !saudinewsnet_jsonl(&input) {
        eprintln!("skipped the desk test: ../shared/data/saudinewsnet is absent (it builds its store from {ARTICLES} real articles)");
        return;
    }
    if !browser_ready() {
        return;
    }
    let db = dir.join("store.db");
    let t = Instant::now();
    let ingest = Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(["ingest", "--quiet", "--db", db.to_str().unwrap(), input.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));
    eprintln!("desk: stored {ARTICLES} articles in {:.1} s", t.elapsed().as_secs_f64());
    // An empty store beside it (created by an ingest of nothing).
    let empty = dir.join("empty.db");
    let made =
        Command::new(env!("CARGO_BIN_EXE_rasad")).args(["ingest", "--quiet", "--db", empty.to_str().unwrap(), "-"]).output().unwrap();
    assert!(empty.exists(), "{}", String::from_utf8_lossy(&made.stderr));
    let (_server, url) = serve(&db, &["--rate-limit", "0"]);
    let (_empty_server, empty_url) = serve(&empty, &["--rate-limit", "0"]);
    let shots = dir.join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let t = Instant::now();
    let run = Command::new("node")
        .arg(root().join("tests/e2e/desk.mjs"))
        .args([url.as_str(), empty_url.as_str(), shots.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    let err = String::from_utf8_lossy(&run.stderr);
    eprintln!("{out}");
    assert!(run.status.success(), "desk checks failed:\n{out}\n{err}");
    assert!(out.contains("all desk checks passed"), "{out}");
    eprintln!("desk: browser checks in {:.1} s; screenshots in {}", t.elapsed().as_secs_f64(), shots.display());
}
