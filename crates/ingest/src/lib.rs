//! Readers that turn what analysts collect (text files, saved pages, JSON Lines, WARC archives,
//! RSS and Atom feeds) into documents for the pipeline: one [`Reader`] per format, picked by
//! [`Formats`] from a file name or the first bytes. Pure parsing here; opening files, walking
//! directories and showing progress are the caller's.
#![warn(missing_docs)]

mod archive;
mod buf;
pub mod charset;
mod dom;
pub mod feed;
mod gz;
pub mod html;
pub mod source;
pub mod warc;

pub use charset::{as_text, decode_html};
pub use source::{
    read_stream, Docs, Format, Formats, Found, Problem, Reader, MAX_DOC_BYTES, MAX_FEED_BYTES, MAX_LINE_BYTES, MAX_PAGE_BYTES,
};
