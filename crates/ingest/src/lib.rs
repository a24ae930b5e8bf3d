//! Readers that turn what analysts collect (text files, saved pages, JSON Lines, WARC archives,
//! RSS and Atom feeds) into documents for the pipeline. Pure parsing here; opening files,
//! walking directories and showing progress are the caller's.
#![warn(missing_docs)]

pub mod feed;
pub mod html;
pub mod source;
pub mod warc;

pub use source::{as_text, decode_html, read_stream, Format, Found, Problem};
