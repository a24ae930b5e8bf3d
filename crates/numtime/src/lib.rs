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

/// True when a time expression may start at `w`: a number, a time word (اليوم، أمس، صباح، الساعات),
/// a month or weekday name (رمضان، تشرين، الثلاثاء) or an ordinal (الثالثة). What the time parser
/// tries first, read from the form's memoized facts; a caller that must tell a name from a time
/// (a quoted village, قرية «رمضان») asks this instead of keeping a list of its own.
pub fn may_start_time(w: &rasad_text::Word) -> bool {
    facts::Reader::new().of(w).may_start_time()
}
