//! Tokenizer, sentence splitter, normalizer and segmenter on arbitrary input: no panics, and
//! every span slices back to its text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasad_text::{match_key, segment, split_sentences, tokenize, CharIndex};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let idx = CharIndex::new(text);
    for t in tokenize(text) {
        assert_eq!(idx.slice(text, t.span), t.text);
        let _ = segment(t.text);
    }
    for s in split_sentences(text) {
        assert!(s.span.end <= idx.char_len());
    }
    let k = match_key(text);
    assert_eq!(match_key(&k), k);
});
