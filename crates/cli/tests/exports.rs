//! The ACLED-shaped export (`rasad export events --format acled-csv`) and the contested figures
//! (`rasad export figures`), on the example articles and on a store of real articles from
//! ../shared (skipped with a message when it is absent). The CSV is also opened with Python's
//! `csv` and pandas (skipped with a message when pandas is missing; the CI venv has it).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::{rasad, root, scratch};

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "rasad failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// The columns an ACLED user expects, in ACLED's names.
const ACLED: &[&str] = &[
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "iso3",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "fatalities_min",
    "fatalities_max",
    "sources_disagree",
];

/// Checks an ACLED CSV with the csv crate; returns its rows as maps.
fn check_acled_csv(bytes: &[u8]) -> Vec<HashMap<String, String>> {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut r = csv::Reader::from_reader(body);
    let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&head[..ACLED.len()], ACLED, "ACLED's columns come first, in ACLED's order");
    for span in ["trigger_span", "doc_id", "story", "sentence", "plover_type", "date_basis"] {
        assert!(head.iter().any(|h| h == span), "{span} missing");
    }
    let rows: Vec<HashMap<String, String>> =
        r.records().map(|rec| head.iter().cloned().zip(rec.unwrap().iter().map(String::from)).collect()).collect();
    for row in &rows {
        let d = &row["event_date"];
        if !d.is_empty() {
            assert!(d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-', "event_date {d}");
            assert!(["1", "2", "3"].contains(&row["time_precision"].as_str()), "{row:?}");
            assert_eq!(&row["year"], &d[..4]);
        }
        for c in ["geo_precision", "inter1", "inter2"] {
            let v = &row[c];
            assert!(v.is_empty() || (v.len() == 1 && ("1"..="8").contains(&v.as_str())), "{c} = {v}");
        }
        if row["date_basis"] == "published" {
            assert_eq!(row["time_precision"], "2", "{row:?}");
        }
        assert!(!row["notes"].is_empty() && row["notes"].ends_with('.'), "{row:?}");
        assert!(!row["sub_event_type"].is_empty());
    }
    rows
}

/// A Python with pandas: the CI venv's (python/.venv), else `RASAD_PYTHON`, else python3.
fn python_with_pandas() -> Option<PathBuf> {
    let mut candidates = vec![root().join("python/.venv/bin/python")];
    if let Some(p) = std::env::var_os("RASAD_PYTHON") {
        candidates.insert(0, PathBuf::from(p));
    }
    candidates.push(PathBuf::from("python3"));
    candidates.into_iter().find(|p| Command::new(p).args(["-c", "import pandas"]).output().is_ok_and(|o| o.status.success()))
}

/// Opens the CSV with Python's csv module and with pandas and checks the columns and types.
fn check_with_python(path: &Path) {
    let Some(py) = python_with_pandas() else {
        eprintln!("skipped the pandas check: no Python with pandas (python/.venv, RASAD_PYTHON or python3; pip install pandas)");
        return;
    };
    let script = r#"
import csv, sys
import pandas as pd
path, want = sys.argv[1], sys.argv[2].split(',')
with open(path, encoding='utf-8-sig', newline='') as f:
    rows = list(csv.DictReader(f))
assert list(rows[0].keys())[:len(want)] == want, list(rows[0].keys())[:len(want)]
df = pd.read_csv(path, encoding='utf-8-sig', keep_default_na=True)
assert list(df.columns)[:len(want)] == want
assert len(df) == len(rows)
dates = pd.to_datetime(df['event_date'], format='%Y-%m-%d')
assert dates.notna().sum() == df['event_date'].notna().sum()
assert set(df['time_precision'].dropna().astype(int)) <= {1, 2, 3}
assert df['latitude'].dtype.kind == 'f' and df['fatalities'].dtype.kind == 'f'
assert set(df['geo_precision'].dropna().astype(int)) <= {1, 2, 3}
assert df['notes'].str.len().min() > 0
print(f"pandas {pd.__version__}: {len(df)} rows, {len(df.columns)} columns, "
      f"{(df['date_basis'] == 'text').sum()} dated by the text, {(df['date_basis'] == 'published').sum()} by publication")
"#;
    let o = Command::new(&py).args(["-c", script, path.to_str().unwrap(), &ACLED.join(",")]).output().unwrap();
    assert!(o.status.success(), "the CSV does not load in Python's csv and pandas:\n{}", String::from_utf8_lossy(&o.stderr));
    eprintln!("{}", String::from_utf8_lossy(&o.stdout).trim());
}

#[test]
fn acled_csv_of_the_examples_loads_in_csv_and_pandas_and_excel_gets_a_bom() {
    let dir = scratch("export-acled-examples");
    let db = dir.join("store.db");
    let db = db.to_str().unwrap();
    ok(&rasad(&["ingest", "--db", db, root().join("examples").to_str().unwrap()]));
    let plain = rasad(&["export", "events", "--db", db, "--format", "acled-csv"]);
    let rows = check_acled_csv(ok(&plain).as_bytes());
    assert!(rows.len() >= 30, "{} rows", rows.len());
    assert!(!plain.stdout.starts_with("\u{feff}".as_bytes()), "no BOM without --excel");
    let path = dir.join("acled.csv");
    ok(&rasad(&["export", "events", "--db", db, "--format", "acled-csv", "--excel", "-o", path.to_str().unwrap()]));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "--excel writes a UTF-8 byte-order mark");
    assert_eq!(check_acled_csv(&bytes).len(), rows.len());
    check_with_python(&path);
    // The air raid on Saraqib (02_airstrike.txt) is an ACLED air strike in Idleb, Syria.
    let air = rows.iter().find(|r| r["sub_event_type"] == "Air/drone strike").expect("an air strike row");
    assert_eq!(air["event_type"], "Explosions/Remote violence");
    assert_eq!((air["iso3"].as_str(), air["country"].as_str()), ("SYR", "Syria"), "{air:?}");
    assert_eq!(air["disorder_type"], "Political violence");
    // Rasad's own CSV keeps its columns, with the English summary and the sentence apart.
    let rasad_csv = ok(&rasad(&["export", "events", "--db", db, "--format", "csv"]));
    let head = rasad_csv.lines().next().unwrap();
    for c in ["notes", "sentence", "fatalities_min", "sources_disagree", "time_precision"] {
        assert!(head.split(',').any(|h| h == c), "{c} missing from {head}");
    }
    let bad = rasad(&["export", "events", "--db", db, "--format", "jsonl", "--excel"]);
    assert!(!bad.status.success(), "--excel is for CSV only");
}

/// Reads the SaudiNewsNet articles wanted: by day file and index (eval/dev/articles.tsv) and by
/// URL (eval/stories/reports.tsv); as JSON Lines input for `rasad ingest`.
fn real_articles(shared: &Path) -> String {
    let mut by_index: HashMap<String, Vec<usize>> = HashMap::new();
    for line in std::fs::read_to_string(root().join("eval/dev/articles.tsv")).unwrap().lines() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() == 6 && c[1] == "saudinewsnet" {
            if let Some((file, i)) = c[2].split_once('#') {
                by_index.entry(file.to_string()).or_default().push(i.parse().unwrap());
            }
        }
    }
    let urls: std::collections::HashSet<String> = std::fs::read_to_string(root().join("eval/stories/reports.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(3).map(String::from))
        .collect();
    let mut out = String::new();
    let mut seen = std::collections::HashSet::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("data/saudinewsnet"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".json.gz"))
        .collect();
    files.sort();
    for f in files {
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&f).unwrap()).read_to_string(&mut text).unwrap();
        let day: Vec<Value> = serde_json::from_str(&text).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let wanted = by_index.get(&name).cloned().unwrap_or_default();
        for (i, a) in day.iter().enumerate() {
            let url = a["url"].as_str().unwrap_or("");
            if !(wanted.contains(&i) || urls.contains(url)) || !seen.insert(url.to_string()) {
                continue;
            }
            let body = format!("{}\n\n{}", a["title"].as_str().unwrap_or(""), a["content"].as_str().unwrap_or(""));
            let published = a["date_extracted"].as_str().unwrap_or("").get(..10).unwrap_or("");
            let doc = serde_json::json!({"id": url, "text": body, "published": published, "outlet": a["source"], "url": url});
            out.push_str(&doc.to_string());
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_store_of_real_articles_exports_acled_rows_and_contested_figures() {
    let shared = root().join("../shared");
    if !shared.join("data/saudinewsnet").is_dir() {
        eprintln!("skipped: ../shared/data/saudinewsnet is absent (CI has it)");
        return;
    }
    let dir = scratch("export-acled-real");
    let input = dir.join("articles.jsonl");
    let docs = real_articles(&shared);
    assert!(docs.lines().count() >= 300, "{} articles", docs.lines().count());
    std::fs::write(&input, docs).unwrap();
    let db = dir.join("store.db");
    let db = db.to_str().unwrap();
    ok(&rasad(&["ingest", "--db", db, input.to_str().unwrap()]));
    let path = dir.join("acled.csv");
    ok(&rasad(&["export", "events", "--db", db, "--format", "acled-csv", "-o", path.to_str().unwrap()]));
    let rows = check_acled_csv(&std::fs::read(&path).unwrap());
    let dated = rows.iter().filter(|r| !r["event_date"].is_empty()).count();
    let by_text = rows.iter().filter(|r| r["date_basis"] == "text").count();
    eprintln!("{} rows: event_date on {dated}, from the text {by_text}, from publication {}", rows.len(), dated - by_text);
    assert_eq!(dated, rows.len(), "every SaudiNewsNet article has a publication date, so every row a day");
    assert!(rows.iter().filter(|r| !r["country"].is_empty()).count() * 2 > rows.len(), "most rows have a country");
    check_with_python(&path);
    // Contested figures: the stories whose reports give casualty or troop counts, each with its source.
    let figures = ok(&rasad(&["export", "figures", "--db", db]));
    let stories: Vec<Value> = figures.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!stories.is_empty(), "no story with figures");
    let mut multi = 0;
    for s in &stories {
        for f in s["figures"].as_array().unwrap() {
            assert!(f["source"].as_str().is_some_and(|x| !x.is_empty()), "{f}");
            assert!(f["span"].as_str().unwrap().contains('@'));
        }
        let outlets: std::collections::HashSet<&str> =
            s["figures"].as_array().unwrap().iter().filter_map(|f| f["outlet"].as_str()).collect();
        multi += usize::from(outlets.len() >= 2);
        for r in s["ranges"].as_array().unwrap() {
            assert!(r["min"].as_f64().unwrap() <= r["max"].as_f64().unwrap(), "{r}");
        }
    }
    let disagree = stories.iter().filter(|s| s["ranges"].as_array().unwrap().iter().any(|r| r["sources_disagree"] == true)).count();
    eprintln!("{} stories with figures, {multi} of them from two outlets or more, {disagree} where the sources disagree", stories.len());
    assert!(multi >= 1, "no story with figures from two outlets");
    // The CSV rows of a contested story carry its range.
    for s in stories.iter().filter(|s| s["ranges"][0]["kind"] == "killed") {
        let id = s["story"].as_i64().unwrap().to_string();
        for r in rows.iter().filter(|r| r["story"] == id) {
            assert_eq!(r["fatalities_min"].parse::<f64>().unwrap(), s["ranges"][0]["min"].as_f64().unwrap());
        }
    }
}
