//! Rasad's output contract: the values every stage produces and every consumer (the store, the
//! server, the exports, the Python package) reads, with their JSON shapes (`docs/output.md`).
//!
//! Every span is in Unicode code points into the document text exactly as given:
//! `text.chars().skip(start).take(end - start)` is the span's `text`.
//!
//! ```
//! use rasad_model::{EventType, Label};
//! assert_eq!(serde_json::to_string(&EventType::Assault).unwrap(), "\"ASSAULT\"");
//! assert_eq!("MOBILIZE".parse::<EventType>().unwrap(), EventType::Mobilize);
//! assert_eq!(Label::Per.as_str(), "PER");
//! ```
#![warn(missing_docs)]

mod doc;
mod entity;
mod event;
mod numtime;
mod span;

pub use doc::{parse_published, DocOutput, InputDoc, WRITABLE_YEARS};
pub use entity::{Arg, Entity, GeoPrecision, Label, Link};
pub use event::{Event, EventMention, EventType, Source, Status, UnknownEventType};
pub use numtime::{Bound, Precision, Quantity, TimeExpr};
pub use span::{SentenceSpan, TextSpan};

/// A calendar date (proleptic Gregorian), serialized as `YYYY-MM-DD`.
pub use jiff::civil::Date;
