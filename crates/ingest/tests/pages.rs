//! The real Arabic news pages of ../shared/data/html-pages (fixtures of trafilatura, newspaper4k,
//! fundus and htmldate), each checked against what its project expects: snippets that must and
//! must not be in the main text, the full text or its paragraphs, the title, the publication date,
//! the language, and at least 90% of the paragraphs marked by hand. The pages belong to their
//! publishers: they are read from ../shared at run time and never copied here; without ../shared
//! the test says so and passes.

use std::path::{Path, PathBuf};

use rasad_ingest::html::{self, Article};
use serde_json::Value;

fn dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html-pages");
    dir.join("pages.json").exists().then_some(dir)
}

/// Whitespace runs as one space, so that line breaks inside a paragraph do not matter.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str()).map(norm).collect()).unwrap_or_default()
}

/// The checks of one page: (what, passed), with what was found for a failure.
fn check(page: &Value, art: &Article) -> Vec<(String, bool)> {
    let text = norm(&art.text);
    let mut out = Vec::new();
    let mut add = |what: String, ok: bool| out.push((what, ok));
    for s in strings(&page["with"]) {
        add(format!("with {s:?}"), text.contains(&s));
    }
    for s in strings(&page["without"]) {
        add(format!("without {s:?}"), !text.contains(&s));
    }
    if let Some(t) = page["text"].as_str() {
        add("full text".into(), text == norm(t));
    }
    let paras = strings(&page["paragraphs"]);
    if !paras.is_empty() {
        let found = paras.iter().filter(|p| text.contains(p.as_str())).count();
        add(format!("paragraphs {found}/{}", paras.len()), found == paras.len());
    }
    let marked: Vec<String> = strings(&page["lead_derived"]).into_iter().chain(strings(&page["body_derived"])).collect();
    if !marked.is_empty() {
        let found = marked.iter().filter(|p| text.contains(p.as_str())).count();
        add(format!("hand-marked paragraphs {found}/{} (>= 90%)", marked.len()), found * 10 >= marked.len() * 9);
    }
    if let Some(t) = page["title"].as_str() {
        add(format!("title {:?}", art.title), art.title.as_deref().map(norm) == Some(norm(t)));
    }
    if let Some(d) = page["date"].as_str() {
        add(format!("date {:?} ({:?})", art.published, art.date_source), art.published.as_deref() == Some(d));
    }
    if let Some(l) = page["lang"].as_str() {
        add(format!("lang {:?}", art.lang), art.lang.as_deref() == Some(l));
    }
    add("page kept (main text not empty)".into(), !text.is_empty());
    out
}

fn run(file: &str) {
    let Some(dir) = dir() else {
        eprintln!("skipped: ../shared/data/html-pages is absent (CI has it)");
        return;
    };
    let pages: Value = serde_json::from_slice(&std::fs::read(dir.join("pages.json")).unwrap()).unwrap();
    let page = pages.as_array().unwrap().iter().find(|p| p["file"] == file).unwrap_or_else(|| panic!("{file} not in pages.json"));
    let bytes = std::fs::read(dir.join(file)).unwrap();
    let art = html::extract(&rasad_ingest::decode_html(&bytes, None).unwrap());
    let checks = check(page, &art);
    let failed: Vec<&String> = checks.iter().filter(|(_, ok)| !ok).map(|(w, _)| w).collect();
    let passed = checks.len() - failed.len();
    eprintln!("{file}: {passed}/{} checks", checks.len());
    assert!(failed.is_empty(), "{file}: {passed}/{} checks; failed: {failed:#?}\ntext:\n{}", checks.len(), art.text);
}

macro_rules! pages {
    ($($name:ident => $file:literal,)*) => {
        $(#[test] fn $name() { run($file); })*
    };
}

pages! {
    assabah => "traf_assabah.html",
    cnn_arabic => "np4k_cnnarabic.html",
    lbc_group => "fundus_lbcgroup.html",
    alyaum => "htmldate_1784190729.html",
    almadenah => "htmldate_1588107198.html",
    albayan => "htmldate_1623715966.html",
    sputnik => "htmldate_1550981615.html",
    khabaronline_fa => "htmldate_1523806243.html",
}
