//! Events: PLOVER event records with their arguments, attribution and status.

use serde::{Deserialize, Serialize};

use crate::entity::Arg;
use crate::numtime::{Quantity, TimeExpr};
use crate::span::{SentenceSpan, TextSpan};

macro_rules! event_types {
    ($($variant:ident $name:literal $doc:literal,)*) => {
        /// The 16 PLOVER event types (Political Language Ontology for Verifiable Event Records),
        /// serialized in capitals (`"ASSAULT"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum EventType {
            $(#[doc = $doc] #[serde(rename = $name)] $variant,)*
        }

        impl EventType {
            /// Every type, in PLOVER's order (cooperative first, violent last).
            pub const ALL: [EventType; 16] = [$(EventType::$variant,)*];

            /// The PLOVER name (`ASSAULT`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(EventType::$variant => $name,)*
                }
            }
        }

        impl std::str::FromStr for EventType {
            type Err = UnknownEventType;
            /// Reads a PLOVER name, in any case (`assault`, `ASSAULT`).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $(if s.eq_ignore_ascii_case($name) { return Ok(EventType::$variant); })*
                Err(UnknownEventType(s.to_string()))
            }
        }
    };
}

event_types! {
    Agree "AGREE" "Agree to, offer or promise cooperation; sign or reach an agreement.",
    Consult "CONSULT" "Meetings, visits, talks and calls.",
    Support "SUPPORT" "Verbal, diplomatic support: praise, welcome, endorsement, recognition.",
    Concede "CONCEDE" "Verbal concessions: declared ceasefires, easing of restrictions.",
    Cooperate "COOPERATE" "Material cooperation that benefits both sides: joint exercises, extraditions, trade.",
    Aid "AID" "Material aid that benefits the recipient: money, arms, troops, humanitarian aid.",
    Retreat "RETREAT" "Withdrawals, releases of prisoners, resignations: concessions carried out.",
    Request "REQUEST" "Calls, appeals and demands.",
    Accuse "ACCUSE" "Accusations, condemnations, criticism and blame.",
    Reject "REJECT" "Rejections and refusals.",
    Threaten "THREATEN" "Threats and warnings of action.",
    Protest "PROTEST" "Demonstrations, sit-ins, strikes and hunger strikes.",
    Sanction "SANCTION" "Sanctions, boycotts, cut ties, expelled diplomats.",
    Mobilize "MOBILIZE" "Deployments, reinforcements, troops arriving, alerts.",
    Coerce "COERCE" "Arrests, raids, seizures, bans, sieges, expulsions.",
    Assault "ASSAULT" "Strikes, shelling, clashes, bombings and killings.",
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of the 16 PLOVER types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a PLOVER event type (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT)")]
pub struct UnknownEventType(pub String);

/// How the text presents the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// Negated (لم، لن، عدم): the text says it did not or will not happen. Extraction no longer
    /// emits such events (they are none); the variant reads stores written by earlier versions.
    Negated,
}

impl Status {
    /// `reported`, `claimed`, `planned`, `denied` or `negated`, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Claimed => "claimed",
            Status::Planned => "planned",
            Status::Denied => "denied",
            Status::Negated => "negated",
        }
    }
}

/// Who reports the event: `{"text", "start", "end", "name"?, "id"?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The source phrase as in the text (المرصد السوري، مصدر أمني سوري، الوكالة).
    #[serde(flatten)]
    pub span: TextSpan,
    /// What it refers to: the linked name, or the antecedent of الوكالة / المصدر.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Catalogue id, when linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// One place in the text where an event is stated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// The word that states the event there.
    pub trigger: TextSpan,
    /// The sentence.
    pub sentence: SentenceSpan,
}

/// One event: who did what to whom, where, when, how many, according to whom; every value with
/// its span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// PLOVER mode, when the trigger tells it (`troops`, `airstrike`, `visit` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    /// Deaths, when the count is of the killed (ACLED's fatalities): the quantity's value.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "crate::numtime::ser_opt_num")]
    pub fatalities: Option<f64>,
    /// According to whom.
    pub source: Option<Source>,
    /// Reported, claimed, planned, denied or negated.
    pub status: Status,
    /// True for background: the event's own date is more than 30 days before publication, or its
    /// clause recalls history (منذ عام 2011، في التسعينات، يذكر أن). Fatalities, the map and the
    /// timeline leave background events out by default.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub background: bool,
    /// Rough confidence in 0..1 from how many arguments were found.
    pub confidence: f64,
    /// Every place the event is stated (restatements merged into it), the first one first.
    pub mentions: Vec<EventMention>,
}
