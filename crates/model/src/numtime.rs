//! Quantities and time expressions.

use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};

/// How a quantity's value bounds the true number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The number as stated (possibly approximate: see `approx`).
    Exact,
    /// "more than", "no less than" (أكثر من، ما لا يقل عن).
    AtLeast,
    /// "less than", "not exceeding" (أقل من).
    AtMost,
    /// "between … and …" or a vague amount (عشرات): see `min` and `max`.
    Range,
}

impl Bound {
    /// `exact`, `at_least`, `at_most` or `range`, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::Range => "range",
        }
    }
}

/// A quantity found in the text: `{"text", "start", "end", "value", "approx", "bound", "min"?,
/// "max"?, "unit"?}`. Whole values are written as JSON integers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The phrase as in the text, modifier included (أكثر من 445 قتيلا).
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// The value (for vague amounts the lowest the phrase can mean, as ACLED counts: عشرات = 20).
    #[serde(serialize_with = "ser_num")]
    pub value: f64,
    /// True for "about", "nearly" and vague amounts.
    pub approx: bool,
    /// How the value bounds the true number.
    pub bound: Bound,
    /// Lower end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_opt_num")]
    pub min: Option<f64>,
    /// Upper end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_opt_num")]
    pub max: Option<f64>,
    /// Match key of the counted noun in the singular (مقاتل، قتيل، جندي، غاره …), shared with
    /// every quantity of the same noun form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Arc<str>>,
}

pub(crate) fn ser_num<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

pub(crate) fn ser_opt_num<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => ser_num(x, s),
        None => s.serialize_none(),
    }
}

/// How precise a resolved time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A year.
    Year,
    /// A month.
    Month,
    /// An ISO week.
    Week,
    /// A day.
    Day,
}

impl Precision {
    /// `year`, `month`, `week` or `day`, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Week => "week",
            Precision::Day => "day",
        }
    }
}

/// A time expression found in the text: `{"text", "start", "end", "value"?, "precision"?,
/// "start_date"?, "end_date"?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The phrase as in the text.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; absent when it cannot be resolved to one of those.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Precision of `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// First day covered (weeks; Hijri years and months, which have no `value`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Last day covered (weeks; Hijri years and months).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// True when the value was computed from the publication date (not serialized).
    #[serde(skip)]
    pub relative: bool,
}
