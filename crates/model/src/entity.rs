//! Mentions of actors and places: event arguments and the document's entities.

use serde::{Deserialize, Serialize};

use crate::span::TextSpan;

/// How precisely a place locates what happened there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoPrecision {
    /// A town, village, neighbourhood, base or crossing: a point.
    Exact,
    /// A district, governorate or region: an area, drawn at its centre.
    Admin,
    /// A whole country.
    Country,
}

impl GeoPrecision {
    /// `exact`, `admin` or `country`, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::Exact => "exact",
            GeoPrecision::Admin => "admin",
            GeoPrecision::Country => "country",
        }
    }
}

/// What a mention is linked to in the knowledge base (the actor catalogue or the gazetteer).
/// Every field is absent for an unlinked mention: nothing is guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Catalogue id (`IRN`, `SOHR`) or gazetteer id (`P-HAMA`, `GN-361125`, `OCHA-C4409`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Latitude in degrees (places).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in degrees (places).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// How precisely the place locates the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_precision: Option<GeoPrecision>,
}

/// An event argument (actor, target or place): the mention as in the text and what it links to.
/// JSON: `{"text", "start", "end", "id"?, "name"?, "lat"?, "lon"?, "geo_precision"?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Arg {
    /// The mention.
    #[serde(flatten)]
    pub span: TextSpan,
    /// Its link, when there is one.
    #[serde(flatten)]
    pub link: Link,
}

/// A named-entity label (CoNLL's four classes; ANERcorp's PERS is written PER).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organization, armed group, institution or outlet.
    #[serde(rename = "ORG")]
    Org,
    /// A place, or a state named as a place.
    #[serde(rename = "LOC")]
    Loc,
    /// Anything else named: demonyms, events, products.
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
}

/// A named entity of the document: an [`Arg`] with its label. JSON: `{"text", "start", "end",
/// "label", "id"?, "name"?, "lat"?, "lon"?, "geo_precision"?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The mention.
    #[serde(flatten)]
    pub span: TextSpan,
    /// PER, ORG, LOC or MISC.
    pub label: Label,
    /// Its link (absent for names only the NER model found).
    #[serde(flatten)]
    pub link: Link,
}

impl Entity {
    /// The entity as an event argument (its label dropped).
    pub fn to_arg(&self) -> Arg {
        Arg { span: self.span.clone(), link: self.link.clone() }
    }
}
