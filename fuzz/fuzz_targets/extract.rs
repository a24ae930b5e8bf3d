//! The whole pipeline on arbitrary input: no panics, every event span inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasad_pipeline::Pipeline;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let out = Pipeline::shared().extract_text("fuzz", text, "2020-01-01".parse().ok());
    let n = text.chars().count();
    for e in &out.events {
        assert!(e.trigger.end <= n && e.sentence.end <= n);
    }
});
