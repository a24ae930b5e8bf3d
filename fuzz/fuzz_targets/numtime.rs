//! Quantity and time parsers on arbitrary input: no panics, spans inside the text; the one-pass
//! analysis agrees with tokenizing then analyzing, and one analysis is shared per word form.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasad_numtime::{detect_published, mark_times, parse_quantities, parse_times, parse_times_masking};
use rasad_text::{analyze, analyze_text, tokenize, Segmenter};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let seg = Segmenter::new(std::iter::empty::<&str>());
    let toks = tokenize(text);
    let words = analyze(&toks, &seg);
    let one_pass = analyze_text(text, &seg);
    assert_eq!(words.len(), one_pass.len());
    for (a, b) in words.iter().zip(&one_pass) {
        assert_eq!(a.tok, b.tok);
        assert!(std::sync::Arc::ptr_eq(a.shared(), b.shared()));
    }
    for a in &words {
        for b in words.iter().take(64) {
            assert_eq!(a.tok.text == b.tok.text, std::sync::Arc::ptr_eq(a.shared(), b.shared()));
        }
    }
    let n = text.chars().count();
    let published = "2024-02-29".parse::<jiff::civil::Date>().ok();
    // The mask covers every expression and the dates inside names (which are no expression).
    let mut mask = Vec::new();
    let times = parse_times_masking(text, &words, None, &mut mask);
    assert!(times.is_empty() || mask.len() == words.len());
    let mut marked = Vec::new();
    mark_times(&words, &mut marked);
    assert_eq!(mask, marked);
    for t in parse_times(text, &words, published) {
        assert!(t.start <= t.end && t.end <= n);
    }
    for q in parse_quantities(text, &words, &mask) {
        assert!(q.start <= q.end && q.end <= n);
    }
    let _ = detect_published(text, &words);
});
