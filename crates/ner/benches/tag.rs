//! Criterion benchmark of NER tagging in tokens per second on one core: the ANERcorp CAMeL test
//! split from ../shared when present (its sentences one a line, 25 to a text, as
//! `rasad ner eval --through-extract` feeds them), else the built-in example articles. Each
//! iteration tokenizes, analyzes, splits sentences, links and tags: what `extract` spends on names.
//!
//!     cargo bench -p rasad-ner --bench tag

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasad_kb::Kb;
use rasad_ner::{read_conll, tagger, Model};
use rasad_text::{tokenize, Segmenter};

fn texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let test = root.join("../../../shared/data/anercorp-camellab/ANERCorp_CamelLab_test.txt");
    if let Ok(conll) = std::fs::read_to_string(&test) {
        let lines: Vec<String> = read_conll(&conll).iter().map(|s| s.tokens.join(" ")).collect();
        return lines.chunks(25).map(|c| c.join("\n")).collect();
    }
    eprintln!("benches: {} not found; using the example articles", test.display());
    let mut files: Vec<_> =
        std::fs::read_dir(root.join("../../examples")).into_iter().flatten().filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

fn tag(c: &mut Criterion) {
    let texts = texts();
    let kb = Kb::builtin();
    let seg = Segmenter::new(kb.name_words());
    let model = Model::builtin();
    let tokens: usize = texts.iter().map(|t| tokenize(t).len()).sum();
    // The one-time set-up (knowledge base, name list, clusters, the model) is not tagging.
    for t in &texts {
        tagger::tag_text(model, kb, &seg, t);
    }
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens as u64));
    g.sample_size(20);
    g.bench_function("tag_text (tokens)", |b| b.iter(|| texts.iter().map(|t| tagger::tag_text(model, kb, &seg, t).len()).sum::<usize>()));
    g.finish();
}

criterion_group!(benches, tag);
criterion_main!(benches);
