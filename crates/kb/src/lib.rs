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
mod kingdom;
pub mod link;
mod within;

/// Test support: the linked mentions of a text, with their text.
#[cfg(test)]
pub(crate) fn linked_for_test(text: &str) -> Vec<(String, link::Mention)> {
    use rasad_text::{analyze, tokenize, Segmenter};
    let kb = kb::Kb::builtin();
    let seg = Segmenter::new(kb.name_words());
    let words = analyze(&tokenize(text), &seg);
    kb.link(&words).into_iter().map(|m| (rasad_text::char_slice(text, m.span), m)).collect()
}
pub mod words;

pub use catalogue::{Actor, ActorType, KbError, Place};
pub use kb::Kb;
pub use link::{Mention, MentionKind, PlaceContext};
pub use words::{WordCounts, WordStats};
