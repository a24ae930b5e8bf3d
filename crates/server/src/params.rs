//! The query parameters of the API, read strictly: an unknown parameter, a number that is not
//! an integer (`2.5`, `1e3`), a date that is not in the calendar (`2015-02-30`), an unknown
//! type, status or sort is a 400 with a message naming the parameter and what it takes.
//! Limits out of range are clamped, and the answer says so ([`Applied`]).

use std::str::FromStr;

use rasad_model::{Date, EventType};
use rasad_store::browse::Narrow;
use rasad_store::export::EventSort;
use rasad_store::search::Query;
use serde::Deserialize;

use crate::errors::ApiError;

/// Filters shared by the search, events and desk endpoints (all values as sent; read by the
/// methods below).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    actor: Option<String>,
    place: Option<String>,
    near: Option<String>,
    from: Option<String>,
    to: Option<String>,
    outlet: Option<String>,
    status: Option<String>,
    sort: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    /// The `next` cursor of the previous page.
    after: Option<String>,
    /// 1 (or true) to include background events (by default only current ones).
    background: Option<String>,
    /// Least relevance of the event's document, 0–1.
    relevance: Option<String>,
    /// Network: most actors.
    top: Option<String>,
    /// Network: least events on a link.
    min_weight: Option<String>,
    /// Export: csv, geojson or jsonl.
    pub(crate) format: Option<String>,
}

/// A limit as asked and as served.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Applied {
    /// What was asked for (the default when nothing was).
    pub asked: u64,
    /// What is served (within the endpoint's range).
    pub applied: usize,
}

impl Applied {
    /// The answer's fields: `limit_applied` (or `top_applied`…) and, when the asked value was
    /// out of range, a `notice` saying so.
    pub fn describe(&self, name: &str, body: &mut serde_json::Map<String, serde_json::Value>) {
        body.insert(format!("{name}_applied"), self.applied.into());
        if self.asked != self.applied as u64 {
            body.insert("notice".into(), format!("{name}={} is out of range: {} served", self.asked, self.applied).into());
        }
    }
}

pub(crate) fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

/// A whole number: digits only (not `2.5`, `1e3`, `-1`).
pub(crate) fn integer(s: &Option<String>, what: &str) -> Result<Option<u64>, ApiError> {
    match nonempty(s) {
        Some(v) if v.len() <= 18 && v.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(v.parse().unwrap_or(u64::MAX))),
        Some(v) => Err(ApiError::bad(format!("{what} must be a whole number, not {v:?}"))),
        None => Ok(None),
    }
}

/// A limit within `1..=max` (clamped), `default` when none is given.
pub(crate) fn limit(s: &Option<String>, what: &str, default: usize, max: usize) -> Result<Applied, ApiError> {
    let asked = integer(s, what)?.unwrap_or(default as u64);
    Ok(Applied { asked, applied: asked.clamp(1, max as u64) as usize })
}

/// A calendar date YYYY-MM-DD.
fn day(s: &Option<String>, what: &str) -> Result<Option<String>, ApiError> {
    let Some(d) = nonempty(s) else { return Ok(None) };
    let shaped = d.len() == 10 && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(ApiError::bad(format!("{what} must be a date YYYY-MM-DD, not {d:?}")));
    }
    match Date::from_str(&d) {
        Ok(_) => Ok(Some(d)),
        Err(_) => Err(ApiError::bad(format!("{what}={d} is not a date of the calendar"))),
    }
}

impl Filters {
    /// The status and relevance filters.
    pub(crate) fn narrow(&self) -> Result<Narrow, ApiError> {
        let status = nonempty(&self.status).map(|s| s.to_ascii_lowercase());
        if let Some(st) = &status {
            if !["reported", "claimed", "planned", "denied", "negated"].contains(&st.as_str()) {
                return Err(ApiError::bad(format!("unknown status {st:?}: reported, claimed, planned, denied or negated")));
            }
        }
        let min_relevance = match nonempty(&self.relevance) {
            Some(r) => match r.parse::<f64>() {
                Ok(v) if (0.0..=1.0).contains(&v) => Some(v).filter(|v| *v > 0.0),
                _ => return Err(ApiError::bad(format!("relevance must be a number between 0 and 1, not {r:?}"))),
            },
            None => None,
        };
        Ok(Narrow { status, min_relevance })
    }

    /// The order of a page of events.
    pub(crate) fn sort(&self) -> Result<EventSort, ApiError> {
        Ok(match self.sort.as_deref().unwrap_or("date_desc") {
            "date_desc" => EventSort::DateDesc,
            "date_asc" => EventSort::DateAsc,
            "type" => EventSort::Type,
            "confidence" => EventSort::Confidence,
            other => return Err(ApiError::bad(format!("unknown sort {other:?}: date_desc, date_asc, type or confidence"))),
        })
    }

    /// The `offset` (0 when not given).
    pub(crate) fn offset(&self) -> Result<u64, ApiError> {
        Ok(integer(&self.offset, "offset")?.unwrap_or(0))
    }

    /// The `after` cursor.
    pub(crate) fn after(&self) -> Option<String> {
        nonempty(&self.after)
    }

    /// The page size, within `1..=max`.
    pub(crate) fn limit(&self, default: usize, max: usize) -> Result<Applied, ApiError> {
        limit(&self.limit, "limit", default, max)
    }

    /// The network's most actors, within `1..=max`.
    pub(crate) fn top(&self, default: usize, max: usize) -> Result<Applied, ApiError> {
        limit(&self.top, "top", default, max)
    }

    /// The network's least events on a link (at least 1).
    pub(crate) fn min_weight(&self) -> Result<usize, ApiError> {
        Ok(integer(&self.min_weight, "min_weight")?.unwrap_or(1).clamp(1, 1 << 30) as usize)
    }

    /// Whether background events are included: `1`/`true` or `0`/`false`.
    fn background(&self) -> Result<bool, ApiError> {
        match nonempty(&self.background).map(|b| b.to_ascii_lowercase()).as_deref() {
            None | Some("0") | Some("false") => Ok(false),
            Some("1") | Some("true") => Ok(true),
            Some(other) => Err(ApiError::bad(format!("background must be 1 or 0 (true or false), not {other:?}"))),
        }
    }

    /// The filters as a store query, with a page of `limit` (default `default_limit`, at most
    /// `max_limit`).
    pub(crate) fn query(&self, default_limit: usize, max_limit: usize) -> Result<Query, ApiError> {
        let near = match nonempty(&self.near) {
            Some(n) => {
                let v: Vec<f64> = n.split(',').filter_map(|x| x.trim().parse().ok()).collect();
                match v[..] {
                    [lat, lon, km]
                        if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && (0.0..=20_000.0).contains(&km) =>
                    {
                        Some((lat, lon, km))
                    }
                    _ => return Err(ApiError::bad("near must be LAT,LON,KM")),
                }
            }
            None => None,
        };
        let event_type = match nonempty(&self.kind) {
            Some(t) => Some(
                EventType::from_str(&t)
                    .map_err(|_| ApiError::bad(format!("unknown type {t:?}: one of the 16 PLOVER types (ASSAULT, PROTEST, …)")))?
                    .as_str()
                    .to_string(),
            ),
            None => None,
        };
        let (from, to) = (day(&self.from, "from")?, day(&self.to, "to")?);
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err(ApiError::bad(format!("from={f} is after to={t}")));
            }
        }
        Ok(Query {
            text: nonempty(&self.q).unwrap_or_default(),
            event_type,
            actor: nonempty(&self.actor),
            place: nonempty(&self.place),
            near,
            from,
            to,
            outlet: nonempty(&self.outlet),
            limit: self.limit(default_limit, max_limit)?.applied,
            background: self.background()?,
        })
    }
}
