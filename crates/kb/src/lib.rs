//! Knowledge base: who the actors are and where places are, and the linker that finds them in
//! analyzed Arabic text.
//!
//! The catalogue (`data/actors.toml`) and the gazetteer (`data/places.csv`) are curated text
//! files compiled into the binary; [`Kb::builtin`] loads them once.
#![warn(missing_docs)]

pub mod build;
pub mod catalogue;
mod coref;
mod cues;
mod generic;
mod index;
pub mod kb;
pub mod link;
mod within;
pub mod words;

pub use catalogue::{Actor, ActorType, KbError, Place};
pub use kb::Kb;
pub use link::{Mention, MentionKind, PlaceContext};
pub use words::{WordCounts, WordStats};
