//! The event record of the output contract.

use rasad_numtime::{Quantity, TimeExpr};
use serde::Serialize;

/// A span of text with its code-point offsets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextSpan {
    /// The text, exactly the slice `[start, end)` of the document.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
}

/// A sentence span (offsets only).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SentenceSpan {
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
}

/// An event argument: an actor, target or place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arg {
    /// The mention as in the text.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// Catalogue or gazetteer id, when linked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// English name, when linked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Latitude (places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// How precisely a place locates the event: exact, admin or country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_precision: Option<&'static str>,
}

/// Who reports the event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// The source phrase as in the text (المرصد السوري، مصدر أمني سوري، الوكالة).
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// What it refers to: the linked name, or the antecedent of الوكالة / المصدر.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Catalogue id, when linked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// How the text presents the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Reported as having happened.
    Reported,
    /// Claimed by a party (زعم، ادعى).
    Claimed,
    /// Planned or future (سـ، سوف، يعتزم).
    Planned,
    /// Denied (نفى).
    Denied,
    /// Negated (لم، لن، عدم): the text says it did not or will not happen.
    Negated,
}

/// One place in the text where an event is stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventMention {
    /// The word that states the event there.
    pub trigger: TextSpan,
    /// The sentence.
    pub sentence: SentenceSpan,
}

/// One event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// PLOVER mode, when the trigger tells it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// The word that states the event.
    pub trigger: TextSpan,
    /// The sentence it was read from.
    pub sentence: SentenceSpan,
    /// Who acts.
    pub actors: Vec<Arg>,
    /// Whom it is done to.
    pub targets: Vec<Arg>,
    /// Where.
    pub places: Vec<Arg>,
    /// When.
    pub date: Option<TimeExpr>,
    /// How many.
    pub quantity: Option<Quantity>,
    /// According to whom.
    pub source: Option<Source>,
    /// Reported, claimed, planned or denied.
    pub status: Status,
    /// Rough confidence in 0..1 from how many arguments were found.
    pub confidence: f64,
    /// Every place the event is stated (restatements merged into it), the first one first.
    pub mentions: Vec<EventMention>,
}
