//! Events: PLOVER event records with arguments, attribution and status, each value pointing back
//! to the characters of the source.
#![warn(missing_docs)]

mod about;
mod accused;
mod anaphora;
mod anchors;
mod appositions;
mod args;
mod attribution;
mod captures;
mod carry;
mod clauses;
mod context;
mod cues;
mod deals;
mod doers;
pub mod extract;
mod forms;
pub mod furniture;
mod holders;
pub mod learn;
pub mod lexicon;
mod merge;
mod necessity;
mod objects;
mod obligation;
mod participles;
mod phrases;
mod roles;
mod sides;
pub mod status;
mod targets;
mod triggers;
mod types;
mod verbal_nouns;
mod verdicts;

pub use cues::segmenter_words;
pub use extract::{extract_events, trigger_examples, DocInput};
pub use furniture::furniture_mask;
pub use learn::TriggerModel;
pub use lexicon::{Lexicon, LexiconError, TriggerEntry};
pub use merge::merge_restatements;
pub use rasad_model::{Arg, Event, EventMention, EventType, Source, Status, TextSpan};
pub use status::BACKGROUND_DAYS;
