//! One module per command: its options and its `run`.

pub mod bench_search;
pub mod bench_text;
pub mod case_marks;
pub mod demo;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod kb;
pub mod ner;
pub mod parse;
pub mod search;
pub mod serve;
pub mod topic;
