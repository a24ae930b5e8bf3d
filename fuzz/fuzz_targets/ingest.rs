//! The readers of untrusted files (HTML, WARC, RSS/Atom, JSON Lines, text) and the search
//! analyzer on arbitrary bytes: no panics, and every document they yield is valid text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasad_ingest::{read_stream, Format, Found};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the format; the rest is the stream.
    let Some((&pick, bytes)) = data.split_first() else { return };
    let format = match pick % 6 {
        0 => Format::Text,
        1 => Format::Html,
        2 => Format::Jsonl,
        3 => Format::Warc,
        4 => Format::Feed,
        _ => Format::sniff(bytes),
    };
    for found in read_stream("fuzz", format, Box::new(bytes)) {
        if let Found::Doc(d) = found {
            let seg = rasad_pipeline::Pipeline::shared().segmenter();
            for (term, span) in rasad_store::analyzer::terms(&d.text, seg) {
                assert!(!term.is_empty() && span.start <= span.end);
            }
        }
    }
    let _ = rasad_ingest::decode_html(bytes, None);
});
