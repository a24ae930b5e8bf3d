//! The event table's column schemas over one [`EventRow`]: Rasad's own ([`COLUMNS`]: every
//! export format — CSV, JSON Lines, GeoJSON, Parquet — and the JSON API write these, in this
//! order) and ACLED's ([`ACLED_COLUMNS`]: `--format acled-csv`, ACLED's names, codes and order
//! first, then Rasad's ids and spans).

use serde::ser::{Serialize, SerializeMap, Serializer};

/// One event with its document and story, flat: a row of the event table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventRow {
    /// `<document id>-<n>`.
    pub event_id: String,
    /// Content id of the document.
    pub doc_id: String,
    /// Date value (YYYY, YYYY-MM or YYYY-MM-DD) or empty.
    pub event_date: Option<String>,
    /// year, month, week or day.
    pub time_precision: Option<String>,
    /// PLOVER event type.
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// reported, claimed, planned, denied, negated.
    pub status: String,
    /// First actor (English name, else the text).
    pub actor1: Option<String>,
    /// Its catalogue id.
    pub actor1_id: Option<String>,
    /// Further actors, `; `-separated.
    pub assoc_actor_1: Option<String>,
    /// First target.
    pub actor2: Option<String>,
    /// Its catalogue id.
    pub actor2_id: Option<String>,
    /// Further targets.
    pub assoc_actor_2: Option<String>,
    /// Place name.
    pub location: Option<String>,
    /// Gazetteer id.
    pub place_id: Option<String>,
    /// Latitude.
    pub latitude: Option<f64>,
    /// Longitude.
    pub longitude: Option<f64>,
    /// exact, admin or country.
    pub geo_precision: Option<String>,
    /// The count, as read.
    pub quantity: Option<f64>,
    /// The counted noun (match key, singular).
    pub quantity_unit: Option<String>,
    /// exact, at_least, at_most, range.
    pub quantity_bound: Option<String>,
    /// About?
    pub quantity_approx: Option<bool>,
    /// Deaths when the count is of the killed (ACLED's fatalities) and the event is current, else empty.
    pub fatalities: Option<f64>,
    /// Background: long before publication, or recalled history.
    pub background: bool,
    /// Who reports it.
    pub source: Option<String>,
    /// Outlet of the document.
    pub outlet: Option<String>,
    /// URL of the document.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// A one-line English summary of the event from its linked fields ([`super::notes()`]).
    pub notes: String,
    /// The sentence the event was read from.
    pub sentence: String,
    /// The story's smallest death toll (current events of its reports; [`crate::contested`]).
    pub fatalities_min: Option<f64>,
    /// The story's largest death toll.
    pub fatalities_max: Option<f64>,
    /// True when two sources of the story give death tolls that cannot both be true; empty when
    /// the story has no toll.
    pub sources_disagree: Option<bool>,
    /// ACLED: the event's day, always `YYYY-MM-DD` (the publication day when the text dates it not).
    pub acled_date: Option<String>,
    /// ACLED: the year of `acled_date`.
    pub year: Option<i64>,
    /// ACLED: 1 the day is known, 2 the week (or the publication day stands in), 3 the month or year.
    pub acled_time_precision: Option<i64>,
    /// `text` (the event's own date) or `published` (the fallback).
    pub date_basis: Option<String>,
    /// ACLED disorder type.
    pub disorder_type: String,
    /// ACLED event type (from the PLOVER type and mode: `data/plover_acled.tsv`).
    pub acled_event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// False for events ACLED does not code (verbal and diplomatic ones).
    pub in_acled_scope: bool,
    /// ACLED actor type code of actor1 (1 state forces … 8 external/other), from the catalogue.
    pub inter1: Option<i64>,
    /// Of actor2.
    pub inter2: Option<i64>,
    /// ACLED interaction code (the two codes, lower first).
    pub interaction: Option<i64>,
    /// ISO 3166 alpha-3 of the place's country.
    pub iso3: Option<String>,
    /// Its English name.
    pub country: Option<String>,
    /// First-level area (governorate) by name.
    pub admin1: Option<String>,
    /// Second-level area (district) by name.
    pub admin2: Option<String>,
    /// ACLED geo-precision: 1 a town or point, 2 a district, 3 a governorate, region or country.
    pub acled_geo_precision: Option<i64>,
    /// ACLED source scale (`National`, `Regional`, `International`, `Other-…`).
    pub source_scale: Option<String>,
    /// Story id: events of one occurrence across documents share it.
    pub story: i64,
    /// The story's source count: outlets that did not merely republish another outlet's text
    /// (`stories::source_counts`), at least 1.
    pub independent_sources: usize,
    /// The extractor's confidence.
    pub confidence: f64,
    /// Trigger word and its span, `text@start-end`; the same for actor1, actor2, location, date, quantity, source.
    pub trigger_span: String,
    /// Span of actor1.
    pub actor1_span: Option<String>,
    /// Span of actor2.
    pub actor2_span: Option<String>,
    /// Span of the place.
    pub location_span: Option<String>,
    /// Span of the date.
    pub date_span: Option<String>,
    /// Span of the quantity.
    pub quantity_span: Option<String>,
    /// Span of the source.
    pub source_span: Option<String>,
}

/// A column's value type (Parquet's physical type; CSV writes them as text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text.
    Str,
    /// A double.
    F64,
    /// A boolean.
    Bool,
    /// A 64-bit integer.
    I64,
}

/// One cell; `None` is an empty (null) cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Text.
    Str(Option<&'a str>),
    /// A double.
    F64(Option<f64>),
    /// A boolean.
    Bool(Option<bool>),
    /// An integer.
    I64(Option<i64>),
}

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Cell::Str(Some(v)) => s.serialize_str(v),
            Cell::F64(Some(v)) => s.serialize_f64(v),
            Cell::Bool(Some(v)) => s.serialize_bool(v),
            Cell::I64(Some(v)) => s.serialize_i64(v),
            Cell::Str(None) | Cell::F64(None) | Cell::Bool(None) | Cell::I64(None) => s.serialize_none(),
        }
    }
}

/// A column: its name, its type, and how a row gives its cell.
pub struct Column {
    /// The header name (ACLED's where ACLED has one).
    pub name: &'static str,
    /// The value type.
    pub kind: Kind,
    /// The cell of a row.
    pub get: fn(&EventRow) -> Cell<'_>,
}

/// A column list: `field: Kind` (named as the field) or `field as "name": Kind`.
macro_rules! columns {
    ($(#[$meta:meta])* $list:ident { $($field:ident $(as $name:literal)?: $kind:ident,)* }) => {
        $(#[$meta])*
        pub const $list: &[Column] = &[$(Column { name: columns!(@name $field $($name)?), kind: Kind::$kind, get: |r| columns!(@cell $kind, r.$field) },)*];
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $name:literal) => { $name };
    (@cell Str, $v:expr) => { Cell::Str(AsCell::as_str(&$v)) };
    (@cell F64, $v:expr) => { Cell::F64($v.into()) };
    (@cell Bool, $v:expr) => { Cell::Bool(AsBool::as_bool(&$v)) };
    (@cell I64, $v:expr) => { Cell::I64(AsInt::as_int(&$v)) };
}

/// Counts, optional or not, as an optional i64.
trait AsInt {
    fn as_int(&self) -> Option<i64>;
}

impl AsInt for i64 {
    fn as_int(&self) -> Option<i64> {
        Some(*self)
    }
}

impl AsInt for usize {
    fn as_int(&self) -> Option<i64> {
        Some(*self as i64)
    }
}

impl AsInt for Option<i64> {
    fn as_int(&self) -> Option<i64> {
        *self
    }
}

/// Flags, optional or not, as an optional bool.
trait AsBool {
    fn as_bool(&self) -> Option<bool>;
}

impl AsBool for bool {
    fn as_bool(&self) -> Option<bool> {
        Some(*self)
    }
}

impl AsBool for Option<bool> {
    fn as_bool(&self) -> Option<bool> {
        *self
    }
}

/// Text fields, optional or not, as an optional `&str`.
trait AsCell {
    fn as_str(&self) -> Option<&str>;
}

impl AsCell for String {
    fn as_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsCell for Option<String> {
    fn as_str(&self) -> Option<&str> {
        self.as_deref()
    }
}

columns! {
    /// Rasad's columns, in export order.
    COLUMNS {
    event_id: Str,
    doc_id: Str,
    event_date: Str,
    time_precision: Str,
    event_type: Str,
    mode: Str,
    status: Str,
    actor1: Str,
    actor1_id: Str,
    assoc_actor_1: Str,
    actor2: Str,
    actor2_id: Str,
    assoc_actor_2: Str,
    location: Str,
    place_id: Str,
    latitude: F64,
    longitude: F64,
    geo_precision: Str,
    quantity: F64,
    quantity_unit: Str,
    quantity_bound: Str,
    quantity_approx: Bool,
    fatalities: F64,
    background: Bool,
    source: Str,
    outlet: Str,
    url: Str,
    title: Str,
    published: Str,
    notes: Str,
    sentence: Str,
    story: I64,
    independent_sources: I64,
    fatalities_min: F64,
    fatalities_max: F64,
    sources_disagree: Bool,
    confidence: F64,
    trigger_span: Str,
    actor1_span: Str,
    actor2_span: Str,
    location_span: Str,
    date_span: Str,
    quantity_span: Str,
    source_span: Str,
    }
}

columns! {
    /// ACLED's columns (names, codes and order of ACLED's exports, `event_id` for its
    /// `event_id_cnty`, `iso3` for its numeric `iso`), then the contested range and Rasad's ids,
    /// PLOVER fields and spans. `notes` is the English summary, `sentence` the Arabic.
    ACLED_COLUMNS {
    event_id: Str,
    acled_date as "event_date": Str,
    year: I64,
    acled_time_precision as "time_precision": I64,
    disorder_type: Str,
    acled_event_type as "event_type": Str,
    sub_event_type: Str,
    actor1: Str,
    assoc_actor_1: Str,
    inter1: I64,
    actor2: Str,
    assoc_actor_2: Str,
    inter2: I64,
    interaction: I64,
    iso3: Str,
    country: Str,
    admin1: Str,
    admin2: Str,
    location: Str,
    latitude: F64,
    longitude: F64,
    acled_geo_precision as "geo_precision": I64,
    source: Str,
    source_scale: Str,
    notes: Str,
    fatalities: F64,
    fatalities_min: F64,
    fatalities_max: F64,
    sources_disagree: Bool,
    date_basis: Str,
    event_date as "date_text": Str,
    time_precision as "date_precision": Str,
    event_type as "plover_type": Str,
    mode as "plover_mode": Str,
    status: Str,
    background: Bool,
    in_acled_scope: Bool,
    actor1_id: Str,
    actor2_id: Str,
    place_id: Str,
    geo_precision as "place_precision": Str,
    quantity: F64,
    quantity_unit: Str,
    outlet: Str,
    url: Str,
    title: Str,
    published: Str,
    doc_id: Str,
    story: I64,
    independent_sources: I64,
    confidence: F64,
    sentence: Str,
    trigger_span: Str,
    actor1_span: Str,
    actor2_span: Str,
    location_span: Str,
    date_span: Str,
    quantity_span: Str,
    source_span: Str,
    }
}

/// A row as a JSON object (the API's and the JSON Lines export's): the columns in order.
impl Serialize for EventRow {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(COLUMNS.len()))?;
        for c in COLUMNS {
            m.serialize_entry(c.name, &(c.get)(self))?;
        }
        m.end()
    }
}

/// The cells of a row, in the order of `columns`.
pub fn cells<'r>(columns: &'static [Column], row: &'r EventRow) -> impl Iterator<Item = Cell<'r>> {
    columns.iter().map(move |c| (c.get)(row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_column_once_and_f64_stays_f64() {
        let names: std::collections::HashSet<_> = COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), COLUMNS.len());
        let row = EventRow { latitude: Some(3000.0), story: 7, ..Default::default() };
        let v = serde_json::to_value(&row).unwrap();
        assert_eq!(v.as_object().unwrap().len(), COLUMNS.len());
        assert_eq!(serde_json::to_string(&v["latitude"]).unwrap(), "3000.0");
        assert_eq!(v["story"], 7);
        let acled: std::collections::HashSet<_> = ACLED_COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(acled.len(), ACLED_COLUMNS.len());
        assert_eq!(ACLED_COLUMNS[1].name, "event_date", "ACLED's names (the full list: crates/cli/tests/exports.rs)");
    }
}
