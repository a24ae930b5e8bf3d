//! Criterion benchmarks of the pipeline's stages over real news text: SaudiNewsNet from
//! ../shared when present (500 articles), else the built-in example articles. Throughput is
//! reported in bytes of text per second.
//!
//!     cargo bench -p rasad-pipeline --bench stages

use std::io::Read;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasad_pipeline::Pipeline;
use rasad_text::{analyze, match_key, split_sentences_with, tokenize};

fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/saudinewsnet");
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(".json.gz")).collect();
        files.sort();
        for f in files.iter().take(1) {
            let mut s = String::new();
            if std::fs::File::open(f).map(flate2::read::GzDecoder::new).and_then(|mut d| d.read_to_string(&mut s)).is_ok() {
                if let Ok(serde_json::Value::Array(arts)) = serde_json::from_str::<serde_json::Value>(&s) {
                    texts.extend(arts.iter().filter_map(|a| a.get("content").and_then(|c| c.as_str()).map(str::to_string)).take(500));
                }
            }
        }
    }
    if texts.is_empty() {
        eprintln!("benches: ../shared/data/saudinewsnet not found; using the example articles");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        if let Ok(rd) = std::fs::read_dir(dir) {
            texts.extend(rd.filter_map(Result::ok).filter_map(|e| std::fs::read_to_string(e.path()).ok()));
        }
    }
    texts
}

fn stages(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let p = Pipeline::shared();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("tokenize", |b| b.iter(|| texts.iter().map(|t| tokenize(t).len()).sum::<usize>()));
    g.bench_function("normalize", |b| b.iter(|| texts.iter().map(|t| match_key(t).len()).sum::<usize>()));
    g.bench_function("tokenize+analyze", |b| b.iter(|| texts.iter().map(|t| analyze(&tokenize(t), p.segmenter()).len()).sum::<usize>()));
    g.bench_function("sentences", |b| b.iter(|| texts.iter().map(|t| split_sentences_with(t, &tokenize(t)).len()).sum::<usize>()));
    g.bench_function("numbers+times", |b| b.iter(|| texts.iter().map(|t| p.quantities(t).len() + p.times(t, None).len()).sum::<usize>()));
    g.bench_function("linking", |b| {
        b.iter(|| texts.iter().map(|t| p.kb().link(&analyze(&tokenize(t), p.segmenter())).len()).sum::<usize>())
    });
    g.bench_function("ner", |b| {
        b.iter(|| texts.iter().map(|t| rasad_ner::tagger::tag_text(p.ner(), p.kb(), p.segmenter(), t).len()).sum::<usize>())
    });
    g.bench_function("full extract", |b| b.iter(|| texts.iter().map(|t| p.extract_text("b", t, None).events.len()).sum::<usize>()));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
