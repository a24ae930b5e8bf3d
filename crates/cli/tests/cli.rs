//! End-to-end tests of the `rasad` binary: the output contract, spans, bad input, the golden docs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn rasad(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rasad"));
    cmd.args(args).stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("the rasad binary runs");
    // Feed stdin from its own thread: rasad writes output while it still reads input.
    let mut sin = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.map(<[u8]>::to_vec).unwrap_or_default();
    let feeder = std::thread::spawn(move || {
        let _ = sin.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("rasad finishes");
    feeder.join().expect("the feeder thread ends");
    out
}

/// An empty folder of its own for a test (`name` and the process id), removed first if left over.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rasad-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn docs(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect()
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Every object with start/end/text in the record slices the document text back to its text.
fn assert_spans(text: &str, v: &Value, path: &str, count: &mut usize) {
    let cs = chars(text);
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64)) {
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= cs.len(), "{path}: span {s}..{e} out of range");
                if let Some(t) = m.get("text").and_then(Value::as_str) {
                    let slice: String = cs[s..e].iter().collect();
                    assert_eq!(slice, t, "{path}: span {s}..{e} does not slice back to its text");
                    *count += 1;
                }
            }
            for (k, x) in m {
                assert_spans(text, x, &format!("{path}.{k}"), count);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                assert_spans(text, x, &format!("{path}[{i}]"), count);
            }
        }
        _ => {}
    }
}

#[test]
fn every_span_in_the_examples_slices_back_to_its_text() {
    let dir = root().join("examples");
    let out = rasad(&["extract", dir.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = docs(&out);
    assert_eq!(recs.len(), 10, "one record per example article, README.md excluded");
    let mut n = 0;
    for r in &recs {
        let id = r["id"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join(id)).unwrap();
        assert_spans(&text, r, id, &mut n);
    }
    assert!(n > 100, "only {n} spans checked");
}

#[test]
fn every_span_in_the_seeds_slices_back_to_its_text() {
    let input = root().join("../shared/eval/seeds.input.jsonl");
    if !input.exists() {
        eprintln!("skipped: ../shared/eval/seeds.input.jsonl is absent (CI has it)");
        return;
    }
    let out = rasad(&["extract", "--input", "jsonl", input.to_str().unwrap()], None);
    assert!(out.status.success());
    let texts: Vec<Value> = std::fs::read_to_string(&input).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let recs = docs(&out);
    assert_eq!(recs.len(), texts.len());
    let mut n = 0;
    for (r, t) in recs.iter().zip(&texts) {
        assert_eq!(r["id"], t["id"], "records come out in input order");
        assert_spans(t["text"].as_str().unwrap(), r, r["id"].as_str().unwrap(), &mut n);
    }
    assert!(n > 200);
}

#[test]
fn record_has_every_contract_field() {
    let out = rasad(
        &["extract", "--published", "2024-05-02"],
        Some("قصفت الطائرات الحربية الروسية مدينة إدلب أمس، ما أسفر عن مقتل 5 مدنيين، وفق ما أفاد المرصد السوري.".as_bytes()),
    );
    assert!(out.status.success());
    let r = &docs(&out)[0];
    for k in ["id", "published", "entities", "quantities", "times", "events"] {
        assert!(r.get(k).is_some(), "missing {k}");
    }
    let e = &r["events"][0];
    for k in ["type", "trigger", "sentence", "actors", "targets", "places", "date", "quantity", "source", "status", "confidence"] {
        assert!(e.get(k).is_some(), "event misses {k}");
    }
    assert_eq!(e["type"], "ASSAULT");
    assert_eq!(e["date"]["value"], "2024-05-01");
    assert_eq!(e["places"][0]["id"], "P-IDLIB");
    assert!(e["places"][0]["lat"].as_f64().is_some());
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_still_processed() {
    let dir = fresh_dir("bad");
    std::fs::write(dir.join("a_good.txt"), "وصل الوزير إلى دمشق أمس في زيارة رسمية.").unwrap();
    std::fs::write(dir.join("b_latin1.txt"), [0x71u8, 0xe9, 0xff, 0x20, 0x61]).unwrap();
    std::fs::write(dir.join("c_empty.txt"), b"").unwrap();
    std::fs::write(dir.join("d_binary.txt"), [0u8, 1, 2, 3, 0, 0, 255]).unwrap();
    std::fs::write(dir.join("e_good.txt"), "انسحبت القوات من البلدة.").unwrap();
    let out = rasad(&["extract", dir.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit 1 tells that something was skipped");
    assert!(err.contains("b_latin1.txt") && err.contains("not valid UTF-8"), "{err}");
    assert!(err.contains("c_empty.txt") && err.contains("empty file"), "{err}");
    assert!(err.contains("d_binary.txt") && err.contains("binary"), "{err}");
    let ids: Vec<String> = docs(&out).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, vec!["a_good.txt", "e_good.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_wrong_format_is_reported_under_the_flag_typed_and_integer_ids_are_read() {
    for flag in ["--input", "--format"] {
        let out = rasad(&["extract", flag, "xml", "-"], Some(b"{}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(&format!("'{flag} <")), "{flag}: {err}");
    }
    let out = rasad(&["extract", "--input", "jsonl", "-"], Some("{\"id\":7,\"text\":\"وصل الوفد إلى بغداد.\"}\n".as_bytes()));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(docs(&out)[0]["id"], "7");
}

#[test]
fn malformed_jsonl_lines_are_reported_with_their_number() {
    let input = "{\"id\":\"one\",\"text\":\"وصل الوفد إلى بغداد.\"}\nnot json\n{\"id\":\"three\"}\n{\"id\":\"four\",\"text\":\"غادر الوفد.\",\"published\":\"2024-99-99\"}\n{\"id\":\"five\",\"text\":\"قصفت الطائرات البلدة.\"}\n";
    let out = rasad(&["extract", "--input", "jsonl", "-"], Some(input.as_bytes()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("<stdin>:2"), "{err}");
    assert!(err.contains("<stdin>:3"), "{err}");
    // A publication date that is no date costs the date, not the document: a note names the line.
    assert!(err.contains("<stdin>:4 (document \"four\")") && err.contains("2024-99-99") && err.contains("read without one"), "{err}");
    let ids: Vec<String> = docs(&out).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, vec!["one", "four", "five"]);
}

#[test]
fn a_huge_line_is_processed() {
    // 440 KB, under the 512 KB a document may have.
    let line = "قصفت الطائرات مدينة حلب. ".repeat(10_000);
    assert!(line.len() < rasad_ingest::MAX_DOC_BYTES as usize);
    let out = rasad(&["extract"], Some(line.as_bytes()));
    assert!(out.status.success());
    assert!(docs(&out)[0]["events"].as_array().unwrap().len() > 1000);
}

#[test]
fn demo_writes_json_and_prints_a_table() {
    let dir = std::env::temp_dir().join(format!("rasad-demo-{}", std::process::id()));
    let path = dir.join("examples.jsonl");
    let out = rasad(&["demo", "--output", path.to_str().unwrap()], None);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("type") && table.contains("MOBILIZE") && table.contains(path.to_str().unwrap()));
    assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 10);
    let _ = std::fs::remove_dir_all(&dir);
}

/// docs/output.md shows a real record; this keeps it true. UPDATE_GOLDEN=1 rewrites it.
#[test]
fn docs_output_example_is_what_the_binary_prints() {
    let path = root().join("docs/output.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let between = |a: &str, b: &str| -> (usize, usize) {
        let s = doc.find(a).unwrap_or_else(|| panic!("docs/output.md lacks {a}")) + a.len();
        let e = s + doc[s..].find(b).unwrap_or_else(|| panic!("docs/output.md lacks {b}"));
        (s, e)
    };
    let (is, ie) = between("<!-- golden-input -->\n```text\n", "```");
    let input = doc[is..ie].trim_end_matches('\n').to_string();
    let out = rasad(&["extract", "--published", "2024-12-02", "--pretty"], Some(input.as_bytes()));
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    let (os, oe) = between("<!-- golden-output -->\n```json\n", "```");
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        let updated = format!("{}{}{}", &doc[..os], got, &doc[oe..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    let want: Value = serde_json::from_str(&doc[os..oe]).expect("the golden block is JSON");
    let got: Value = serde_json::from_str(&got).unwrap();
    assert_eq!(got, want, "docs/output.md is out of date: run UPDATE_GOLDEN=1 cargo test -p rasad-cli docs_output and review the diff");
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    // Many documents, so that batches spread over threads and per-thread memos fill in different orders.
    let mut input = String::new();
    for (i, f) in std::fs::read_dir(root().join("examples")).unwrap().filter_map(Result::ok).enumerate() {
        if f.path().extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(f.path()).unwrap();
            for k in 0..40 {
                input.push_str(&serde_json::json!({ "id": format!("{i}-{k}"), "text": text }).to_string());
                input.push('\n');
            }
        }
    }
    let run = |threads: &str| {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_rasad"))
            .args(["extract", "--input", "jsonl"])
            .env("RAYON_NUM_THREADS", threads)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut sin = child.stdin.take().unwrap();
        let bytes = input.clone().into_bytes();
        let feeder = std::thread::spawn(move || {
            let _ = sin.write_all(&bytes);
        });
        let out = child.wait_with_output().unwrap().stdout;
        feeder.join().unwrap();
        out
    };
    let (one, two) = (run("1"), run("2"));
    assert!(!one.is_empty());
    assert!(one == two, "output differs between 1 and 2 threads");
}

#[test]
fn a_huge_line_without_punctuation_is_processed() {
    // 460 KB, just under the 512 KB a document may have.
    let line = "قصفت الطائرات الروسية مدينة حلب وقتلت عشرة مدنيين ".repeat(5_000);
    assert!(line.len() < rasad_ingest::MAX_DOC_BYTES as usize);
    let out = rasad(&["extract"], Some(line.as_bytes()));
    assert!(out.status.success());
    assert!(!docs(&out)[0]["events"].as_array().unwrap().is_empty());
}

#[test]
fn read_commands_refuse_a_missing_store_and_create_none() {
    let dir = fresh_dir("missing-store");
    let db = dir.join("mistyped.db");
    let db = db.to_str().unwrap();
    for args in [
        vec!["search", "--db", db, "غارة"],
        vec!["export", "events", "--db", db, "--format", "csv"],
        vec!["serve", "--db", db, "--addr", "127.0.0.1:0"],
    ] {
        let out = rasad(&args, None);
        assert!(!out.status.success(), "{args:?} succeeded on a missing store");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no store at") && err.contains("mistyped.db"), "{args:?}: {err}");
        assert!(!Path::new(db).exists(), "{args:?} created the store");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_ingests_into_one_store_both_store_their_documents() {
    let dir = fresh_dir("two-ingests");
    let db = dir.join("store.db");
    // Two files of distinct documents, written by the test.
    for (name, n) in [("a.jsonl", 0), ("b.jsonl", 1)] {
        let lines: String = (0..120)
            .map(|i| {
                format!(
                    "{{\"id\":\"{name}-{i}\",\"text\":\"قصفت الطائرات مواقع في البلدة رقم {} صباح اليوم وقتل {} أشخاص.\",\"published\":\"2022-03-09\"}}\n",
                    i * 2 + n,
                    i + 3
                )
            })
            .collect();
        std::fs::write(dir.join(name), lines).unwrap();
    }
    let spawn = |f: &str| {
        Command::new(env!("CARGO_BIN_EXE_rasad"))
            .args(["ingest", "--db", db.to_str().unwrap(), dir.join(f).to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("a.jsonl"), spawn("b.jsonl"));
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "an ingest failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = rasad(&["export", "documents", "--db", db.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 240);
    let _ = std::fs::remove_dir_all(&dir);
}
