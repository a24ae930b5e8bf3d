//! Quantities and time expressions in Arabic news text.
//!
//! Both parsers read analyzed tokens ([`rasad_text::Word`]) and return values with code-point
//! spans into the original text. Times are parsed first so that years and day numbers are not
//! taken for quantities.
#![warn(missing_docs)]

mod facts;
pub mod numbers;
pub mod quantity;
mod tables;
pub mod time;

pub use quantity::parse_quantities;
pub use time::{detect_published, mark_times, parse_times, parse_times_masking};
