//! The event table's one column schema: every export format (CSV, JSON Lines, GeoJSON, Parquet)
//! and the JSON API write these columns, in this order, from an [`EventRow`].

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
    /// The sentence the event was read from.
    pub notes: String,
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

macro_rules! columns {
    ($($field:ident: $kind:ident,)*) => {
        /// Every column, in export order.
        pub const COLUMNS: &[Column] = &[$(Column { name: stringify!($field), kind: Kind::$kind, get: |r| columns!(@cell $kind, r.$field) },)*];
    };
    (@cell Str, $v:expr) => { Cell::Str(AsCell::as_str(&$v)) };
    (@cell F64, $v:expr) => { Cell::F64($v.into()) };
    (@cell Bool, $v:expr) => { Cell::Bool(AsBool::as_bool(&$v)) };
    (@cell I64, $v:expr) => { Cell::I64(Some($v as i64)) };
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
    story: I64,
    independent_sources: I64,
    confidence: F64,
    trigger_span: Str,
    actor1_span: Str,
    actor2_span: Str,
    location_span: Str,
    date_span: Str,
    quantity_span: Str,
    source_span: Str,
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

/// The cells of a row, in column order.
pub fn cells(row: &EventRow) -> impl Iterator<Item = Cell<'_>> {
    COLUMNS.iter().map(move |c| (c.get)(row))
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
    }
}
