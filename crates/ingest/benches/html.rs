//! Criterion benchmark of reading saved news pages: decoding, parsing and extracting the main
//! text, title, date and language of the real pages of ../shared/data/html-pages (skipped with a
//! message when absent). Throughput is in bytes of HTML per second.
//!
//!     cargo bench -p rasad-ingest --bench html

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn pages() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html-pages");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "html")).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

fn html(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("benches: ../shared/data/html-pages not found; nothing to measure");
        return;
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("extract_pages", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| rasad_ingest::html::extract(&rasad_ingest::decode_html(p, None).unwrap_or_default()).text.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, html);
criterion_main!(benches);
