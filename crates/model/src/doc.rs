//! One document in, one record out.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};

use crate::entity::Entity;
use crate::event::Event;
use crate::numtime::{Quantity, TimeExpr};

/// One input document, as every reader yields it and as a JSON Lines input line reads:
/// `{"id", "text", "published"?, "url"?, "outlet"?, "title"?, "lang"?, "date_source"?}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct InputDoc {
    /// Document id (a file name for text input, a URL for pages and feed items). In JSON a string
    /// or an integer (feeds number their items: `5` reads as `"5"`).
    #[serde(deserialize_with = "string_or_integer")]
    pub id: String,
    /// The text.
    pub text: String,
    /// Publication date. In JSON a `YYYY-MM-DD` string or a feed timestamp (ISO 8601, RFC 2822: see
    /// [`parse_published`]); an empty string or null is no date, and anything else is an error
    /// that says so.
    #[serde(default, deserialize_with = "published_date")]
    pub published: Option<Date>,
    /// Source URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet name.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// ISO 639-1 code of the text's language (`ar`, `fa`, `ur` …) when the reader told it (web
    /// pages do); events are extracted from Arabic text only.
    #[serde(default)]
    pub lang: Option<String>,
    /// Where the publication date was read on a web page: `json-ld`, `meta`, `time`, `byline`
    /// or `url`.
    #[serde(default)]
    pub date_source: Option<String>,
}

impl InputDoc {
    /// A document of a text alone.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> InputDoc {
        InputDoc { id: id.into(), text: text.into(), ..Default::default() }
    }
}

/// Reads `"YYYY-MM-DD"` (surrounding spaces allowed), and the two timestamps feeds carry: an ISO
/// 8601 / RFC 3339 one (`2015-07-21T10:30:00+03:00`, `2015-07-21 10:30`) and an RFC 2822 one (RSS
/// `pubDate`: `Tue, 21 Jul 2015 10:30:00 +0300`). A timestamp gives the calendar date it states in
/// its own offset, as the outlet dated the article. `""` and `null` are no date.
fn published_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse_published(s).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "published date {s:?} is not a valid date (YYYY-MM-DD in years 1 to 9999, an ISO 8601 timestamp or an RFC 2822 one)"
            ))
        }),
    }
}

/// A publication date from a date or a timestamp (see [`published_date`]), in years 1 to 9999
/// (the years the output's `YYYY-MM-DD` values are written in; 0000-01-01 is no date).
pub fn parse_published(s: &str) -> Option<Date> {
    parse_any_published(s).filter(|d| WRITABLE_YEARS.contains(&d.year()))
}

/// The years the contract's dates are written in (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): a publication
/// date or a resolved time outside them is none.
pub const WRITABLE_YEARS: std::ops::RangeInclusive<i16> = 1..=9999;

fn parse_any_published(s: &str) -> Option<Date> {
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    // An ISO 8601 timestamp: the date, then T or a space and a time.
    let timestamp = s.len() > 10 && s.is_char_boundary(10) && s[10..].starts_with(['T', 't', ' ']);
    if let Some(d) = timestamp.then(|| s[..10].parse::<Date>().ok()).flatten() {
        return Some(d);
    }
    // (A weekday that does not fit the date is the feed's slip, not a reason to lose the date.)
    static RFC2822: jiff::fmt::rfc2822::DateTimeParser = jiff::fmt::rfc2822::DateTimeParser::new().relaxed_weekday(true);
    RFC2822.parse_zoned(s).ok().map(|z| z.date())
}

/// A JSON string, or an integer written as its decimal digits.
fn string_or_integer<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Signed(i64),
        Unsigned(u64),
    }
    Ok(match Id::deserialize(d).map_err(|_| serde::de::Error::custom("the id is neither a string nor an integer"))? {
        Id::Text(s) => s,
        Id::Signed(n) => n.to_string(),
        Id::Unsigned(n) => n.to_string(),
    })
}

/// The output record of one document (`docs/output.md`): `{"id", "published", "entities",
/// "quantities", "times", "events"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocOutput {
    /// Document id.
    pub id: String,
    /// The publication date used to resolve relative times (given, or read from the text).
    pub published: Option<Date>,
    /// The probability that the document is political or conflict news (0..1, three decimals);
    /// events are read only from its paragraphs that are.
    pub relevance: f64,
    /// Entity mentions, in text order.
    pub entities: Vec<Entity>,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Time expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// Events.
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_as_strings_or_integers() {
        let d: InputDoc = serde_json::from_str(r#"{"id":5,"text":"t"}"#).unwrap();
        assert_eq!(d.id, "5");
        let d: InputDoc = serde_json::from_str(r#"{"id":"snn-5","text":"t"}"#).unwrap();
        assert_eq!(d.id, "snn-5");
        let e = serde_json::from_str::<InputDoc>(r#"{"id":[1],"text":"t"}"#).unwrap_err();
        assert!(e.to_string().contains("neither a string nor an integer"), "{e}");
        assert!(serde_json::from_str::<InputDoc>(r#"{"id":1.5,"text":"t"}"#).is_err());
    }

    #[test]
    fn published_dates_outside_years_1_to_9999_are_no_dates() {
        assert_eq!(parse_published("0000-01-01"), None);
        assert_eq!(parse_published("0000-06-15T00:00:00Z"), None);
        assert_eq!(parse_published("0001-01-01"), Date::new(1, 1, 1).ok());
        assert_eq!(parse_published("9999-12-31"), Date::new(9999, 12, 31).ok());
        let e = serde_json::from_str::<InputDoc>(r#"{"id":"a","text":"t","published":"0000-01-01"}"#).unwrap_err();
        assert!(e.to_string().contains("years 1 to 9999"), "{e}");
    }

    #[test]
    fn published_dates_read_strictly() {
        let d: InputDoc = serde_json::from_str(r#"{"id":"a","text":"t","published":" 2024-05-02 "}"#).unwrap();
        assert_eq!(d.published, Some(Date::new(2024, 5, 2).unwrap()));
        for none in [r#""""#, "null", r#""  ""#] {
            let d: InputDoc = serde_json::from_str(&format!(r#"{{"id":"a","text":"t","published":{none}}}"#)).unwrap();
            assert_eq!(d.published, None);
        }
        let e = serde_json::from_str::<InputDoc>(r#"{"id":"a","text":"t","published":"2024-13-40"}"#).unwrap_err();
        assert!(e.to_string().contains("\"2024-13-40\" is not a valid date"), "{e}");
        // Feed timestamps give the date they state, in their own offset.
        for (stamp, day) in [
            ("2015-07-21T23:30:00+03:00", 21),
            ("2015-07-21T10:30:00Z", 21),
            ("2015-07-21 10:30", 21),
            ("Tue, 21 Jul 2015 23:30:00 +0300", 21),
            ("Wed, 22 Jul 2015 01:00:00 GMT", 22),
            ("Mon, 21 Jul 2015 10:30:00 +0300", 21),
        ] {
            assert_eq!(parse_published(stamp), Some(Date::new(2015, 7, day).unwrap()), "{stamp}");
        }
        for bad in ["2015-07-21X", "21/07/2015", "yesterday", "2015-02-30T10:00:00"] {
            assert_eq!(parse_published(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_record_round_trips() {
        let json = r#"{"id":"x","published":"2020-02-09","relevance":0.98,"entities":[{"text":"سراقب","start":3,"end":8,"label":"LOC","id":"P-SARAQIB","name":"Saraqib","lat":35.86,"lon":36.8,"geo_precision":"exact"}],"quantities":[{"text":"23 مدنيا","start":10,"end":18,"value":23,"approx":false,"bound":"exact","unit":"مدني"}],"times":[],"events":[{"type":"ASSAULT","trigger":{"text":"قصف","start":0,"end":3},"sentence":{"start":0,"end":20},"actors":[],"targets":[],"places":[{"text":"سراقب","start":3,"end":8,"id":"P-SARAQIB"}],"date":null,"quantity":null,"source":{"text":"المرصد","start":12,"end":18,"name":"SOHR","id":"SOHR"},"status":"reported","confidence":0.6,"mentions":[]}]}"#;
        let rec: DocOutput = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&rec).unwrap(), json);
    }
}
