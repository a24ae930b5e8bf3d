//! Quantity and time parsers on arbitrary input: no panics, spans inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasad_numtime::{detect_published, parse_quantities, parse_times};
use rasad_text::{analyze, tokenize, Segmenter};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let toks = tokenize(text);
    let words = analyze(&toks, &Segmenter::new(std::iter::empty::<&str>()));
    let n = text.chars().count();
    let published = "2024-02-29".parse::<jiff::civil::Date>().ok();
    for t in parse_times(text, &words, published) {
        assert!(t.start <= t.end && t.end <= n);
    }
    for q in parse_quantities(text, &words, &[]) {
        assert!(q.start <= q.end && q.end <= n);
    }
    let _ = detect_published(text, &words);
});
