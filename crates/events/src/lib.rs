//! Events: PLOVER event records with arguments, attribution and status, each value pointing back
//! to the characters of the source.
#![warn(missing_docs)]

pub mod extract;
pub mod furniture;
pub mod lexicon;
pub mod model;

pub use extract::{extract_events, DocInput};
pub use furniture::furniture_mask;
pub use lexicon::{Lexicon, LexiconError, TriggerEntry};
pub use model::{Arg, Event, EventMention, Source, Status, TextSpan};

/// The 16 PLOVER event types.
pub const PLOVER_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];
