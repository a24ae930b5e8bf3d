//! ACLED's codes for an event: its event and sub-event type from the PLOVER type and mode
//! (`data/plover_acled.tsv`), the actor type codes `inter1`/`inter2` from the catalogue's actor
//! types (`data/actor_inter.tsv`), the date with ACLED's time precision (1 day, 2 week, 3 month
//! or longer), the geo-precision (1 town, 2 district, 3 governorate, region or country), the
//! country's name and the source scale (`data/outlets.tsv`). The tables are data, read once and
//! checked by the tests below.

use std::collections::HashMap;
use std::sync::LazyLock;

use rasad_kb::{ActorType, Kb, Place};
use rasad_model::{EventType, Precision, TimeExpr};

/// The rows of a tab-separated data file: comment lines (`#`) and the header left out.
fn tsv(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1).map(|l| l.split('\t').collect())
}

/// One row of ACLED's categories: an event type, a sub-event type and its disorder type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcledType {
    /// ACLED event type (`Explosions/Remote violence`).
    pub event_type: &'static str,
    /// ACLED sub-event type (`Air/drone strike`).
    pub sub_event_type: &'static str,
    /// ACLED disorder type (`Political violence`, `Demonstrations`, `Strategic developments`).
    pub disorder_type: &'static str,
    /// True when ACLED would code such an event; false for verbal and diplomatic events ACLED
    /// leaves out (written as `Strategic developments / Other`).
    pub in_scope: bool,
}

/// Actor1's side, as a mapping row may require it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Side {
    Any,
    State,
    NonState,
}

struct Tables {
    categories: Vec<(&'static str, &'static str, &'static str)>,
    map: HashMap<(EventType, &'static str, Side), AcledType>,
    inter: HashMap<&'static str, Option<u8>>,
    outlets: HashMap<&'static str, (&'static str, &'static str)>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let categories: Vec<_> = tsv(include_str!("../../data/acled_categories.tsv")).map(|c| (c[0], c[1], c[2])).collect();
    let mut map = HashMap::new();
    for c in tsv(include_str!("../../data/plover_acled.tsv")) {
        // The file is checked by the tests: a bad row is a build defect.
        let kind: EventType = c[0].parse().unwrap_or_else(|e| panic!("plover_acled.tsv: {e}"));
        let side = match c[2] {
            "state" => Side::State,
            "non_state" => Side::NonState,
            _ => Side::Any,
        };
        let disorder = categories.iter().find(|k| k.0 == c[3] && k.1 == c[4]).map_or("", |k| k.2);
        let row = AcledType { event_type: c[3], sub_event_type: c[4], disorder_type: disorder, in_scope: c[5] == "yes" };
        map.insert((kind, c[1], side), row);
    }
    let inter = tsv(include_str!("../../data/actor_inter.tsv")).map(|c| (c[0], c[1].parse::<u8>().ok())).collect();
    let outlets = tsv(include_str!("../../data/outlets.tsv")).map(|c| (c[0], (c[1], c[2]))).collect();
    Tables { categories, map, inter, outlets }
});

/// ACLED's type for a PLOVER type and mode (`None` for none) when actor1 has ACLED code
/// `inter1`: the most specific row of `data/plover_acled.tsv`. Every type has a default row, so
/// there is always one.
///
/// An air raid (غارة جوية, ASSAULT/aerial) is `Explosions/Remote violence / Air/drone strike`;
/// a capture (سيطرت) by state forces `Battles / Government regains territory`.
pub fn acled_type(kind: EventType, mode: Option<&str>, inter1: Option<u8>) -> AcledType {
    let t = &*TABLES;
    let side = match inter1 {
        Some(1) => Side::State,
        Some(2..=4) => Side::NonState,
        _ => Side::Any,
    };
    let mode = mode.unwrap_or("*");
    [(mode, side), (mode, Side::Any), ("*", side), ("*", Side::Any)]
        .iter()
        .find_map(|(m, s)| t.map.get(&(kind, *m, *s)).copied())
        .unwrap_or(AcledType {
            event_type: "Strategic developments",
            sub_event_type: "Other",
            disorder_type: "Strategic developments",
            in_scope: false,
        })
}

/// ACLED's actor type code (1 state forces … 8 external/other forces) of a catalogue actor: by
/// its type (`data/actor_inter.tsv`); a person takes its affiliation's code. `None` for an id the
/// catalogue does not know or a person without affiliation.
pub fn inter_code(kb: &Kb, id: &str) -> Option<u8> {
    let mut a = kb.actor(id)?;
    for _ in 0..4 {
        if a.kind != ActorType::Person {
            return TABLES.inter.get(a.kind.as_str()).copied().flatten();
        }
        a = kb.actor(a.affiliation.as_deref()?)?;
    }
    None
}

/// ACLED's interaction code: the two actor codes, lower first (`12` state forces against a
/// rebel group), or actor1's code times ten when there is no second actor (`10`); none when
/// actor1 has no code (an unlinked actor1 is not "sole").
pub fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> Option<u8> {
    match (inter1, inter2) {
        (Some(a), Some(b)) => Some(a.min(b) * 10 + a.max(b)),
        (Some(a), None) => Some(a * 10),
        (None, _) => None,
    }
}

/// Where an ACLED date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBasis {
    /// The event's own date in the text.
    Text,
    /// The document's publication date (the text gives none the export can use).
    Published,
}

impl DateBasis {
    /// `text` or `published`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Text => "text",
            DateBasis::Published => "published",
        }
    }
}

/// An event's ACLED date: always a day (`YYYY-MM-DD`), its time precision (1 the day, 2 the week,
/// 3 the month or the year) and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcledDate {
    /// `YYYY-MM-DD`: the day; for a week, month or year the first day of it.
    pub day: String,
    /// 1 (day), 2 (week, or the publication date: the event was reported by then), 3 (month, year).
    pub precision: u8,
    /// Text or publication date.
    pub basis: DateBasis,
}

/// The ACLED date of an event dated `date` (if at all) in a document published on `published`
/// (`YYYY-MM-DD`): the event's own date when it has one, else the publication day with time
/// precision 2 (ACLED's "within the week": the event happened by then). `None` without either.
///
/// "قصف … يوم 19 تموز 2015" gives `2015-07-19`, 1, text; "في تموز 2015" `2015-07-01`, 3, text;
/// no date in a text published on 2015-07-21 `2015-07-21`, 2, published.
pub fn acled_date(date: Option<&TimeExpr>, published: Option<&str>) -> Option<AcledDate> {
    let own = date.and_then(|d| {
        let value = d.value.as_deref();
        // The first `n` characters of the value (or of the first day it covers): YYYY or YYYY-MM.
        let head = |n: usize| value.or(d.start_date.as_deref()).and_then(|v| v.get(..n)).map(str::to_string);
        let (day, precision) = match d.precision? {
            Precision::Day => (value.filter(|v| is_day(v))?.to_string(), 1),
            Precision::Week => (d.start_date.clone().or_else(|| value.map(str::to_string))?, 2),
            Precision::Month => (format!("{}-01", head(7)?), 3),
            Precision::Year => (format!("{}-01-01", head(4)?), 3),
        };
        is_day(&day).then_some(AcledDate { day, precision, basis: DateBasis::Text })
    });
    own.or_else(|| published.filter(|p| is_day(p)).map(|p| AcledDate { day: p.to_string(), precision: 2, basis: DateBasis::Published }))
}

/// `YYYY-MM-DD`, digits in place.
fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// ACLED's geo-precision of a gazetteer place: 1 a town, village, base or any point; 2 a
/// district or sub-district (part of a region); 3 a governorate, region or country (ACLED then
/// places the event at the area's centre or capital, as Rasad does).
pub fn geo_precision(place: &Place) -> u8 {
    match place.feature.as_str() {
        "district" | "subdistrict" => 2,
        "governorate" | "region" | "country" => 3,
        _ => 1,
    }
}

/// A place's first-level area by name (`Rural Damascus`); `None` when the gazetteer holds only
/// a GeoNames admin code (`03`) for it.
pub fn admin1(place: &Place) -> Option<&str> {
    place.admin1.as_deref().filter(|a| !is_code(a))
}

/// A place's second-level area (district) by name (`Qatana`), as [`admin1`].
pub fn admin2(place: &Place) -> Option<&str> {
    place.admin2.as_deref().filter(|a| !is_code(a))
}

/// GeoNames' admin codes: short, digits and capitals only.
fn is_code(s: &str) -> bool {
    s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

/// The English name of a country by its ISO 3166 alpha-3 code, from the gazetteer's country
/// places (`SYR` → `Syria`); the built-in gazetteer is the one stored records were linked with.
pub fn country_name(iso3: &str) -> Option<&'static str> {
    static NAMES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
        Kb::builtin().places.iter().filter(|p| p.feature == "country").map(|p| (p.country.clone(), p.name.clone())).collect()
    });
    NAMES.get(iso3).map(String::as_str)
}

/// ACLED's source scale of a report by `outlet` of an event in `country` (ISO alpha-3):
/// `National` when the outlet is of that country, else `Regional` for the Arab world's press and
/// `International` for a world outlet (`data/outlets.tsv`); with `Other-` before it when the
/// attributed source is a monitor or an international organisation (`monitor`). `None` for an
/// outlet the table does not list or an event without a country.
pub fn source_scale(outlet: Option<&str>, country: Option<&str>, monitor: bool) -> Option<String> {
    let (home, reach) = *TABLES.outlets.get(outlet?)?;
    let country = country?;
    let scale = if home == country {
        "National"
    } else if reach == "international" {
        "International"
    } else {
        "Regional"
    };
    Some(if monitor { format!("Other-{scale}") } else { scale.to_string() })
}

/// Every (event type, sub-event type, disorder type) of ACLED's codebook, as `data/acled_categories.tsv` lists them.
pub fn categories() -> &'static [(&'static str, &'static str, &'static str)] {
    &TABLES.categories
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (type, mode) pairs of the trigger lexicon (crates/events/data/triggers.tsv).
    fn lexicon_pairs() -> Vec<(EventType, String)> {
        let mut out = Vec::new();
        for l in include_str!("../../../events/data/triggers.tsv").lines().filter(|l| !l.starts_with('#')).skip(1) {
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() > 4 {
                out.push((c[3].parse().unwrap(), c[4].to_string()));
            }
        }
        out
    }

    #[test]
    fn every_plover_type_and_mode_maps_to_an_acled_category() {
        let t = &*TABLES;
        for kind in EventType::ALL {
            assert!(t.map.contains_key(&(kind, "*", Side::Any)), "{kind} has no default row");
        }
        let pairs = lexicon_pairs();
        assert!(pairs.len() > 200, "{}", pairs.len());
        for (kind, mode) in &pairs {
            let m = (mode != "-").then_some(mode.as_str());
            for inter in [None, Some(1), Some(2), Some(7)] {
                let a = acled_type(*kind, m, inter);
                assert!(
                    categories().iter().any(|c| (c.0, c.1, c.2) == (a.event_type, a.sub_event_type, a.disorder_type)),
                    "{kind}/{mode}: {a:?}"
                );
            }
        }
        // Every row names a real mode of its type and an ACLED pair.
        for (kind, mode, _) in t.map.keys() {
            assert!(*mode == "*" || pairs.iter().any(|(k, m)| k == kind && m == mode), "{kind}/{mode} is not in triggers.tsv");
        }
        for a in t.map.values() {
            assert!(!a.disorder_type.is_empty(), "{a:?} is not one of ACLED's pairs");
        }
        assert_eq!(categories().len(), 25);
    }

    #[test]
    fn types_follow_the_mode_and_the_side_that_acts() {
        let air = acled_type(EventType::Assault, Some("aerial"), Some(1));
        assert_eq!((air.event_type, air.sub_event_type, air.in_scope), ("Explosions/Remote violence", "Air/drone strike", true));
        assert_eq!(acled_type(EventType::Assault, Some("capture"), Some(1)).sub_event_type, "Government regains territory");
        assert_eq!(acled_type(EventType::Assault, Some("capture"), Some(2)).sub_event_type, "Non-state actor overtakes territory");
        assert_eq!(acled_type(EventType::Assault, Some("capture"), None).sub_event_type, "Armed clash");
        assert_eq!(acled_type(EventType::Assault, None, None).sub_event_type, "Armed clash");
        assert_eq!(acled_type(EventType::Coerce, Some("arrest"), Some(1)).sub_event_type, "Arrests");
        assert_eq!(acled_type(EventType::Protest, Some("demonstrate"), None).event_type, "Protests");
        let talk = acled_type(EventType::Consult, Some("visit"), Some(1));
        assert_eq!((talk.event_type, talk.sub_event_type, talk.in_scope), ("Strategic developments", "Other", false));
        assert_eq!(acled_type(EventType::Protest, Some("riot"), None).disorder_type, "Demonstrations");
    }

    #[test]
    fn actor_codes_come_from_the_catalogue_and_persons_from_their_affiliation() {
        let kb = Kb::builtin();
        for t in ["state", "government", "military", "armed_group", "militia", "person", "media", "monitor", "igo", "other"] {
            assert!(TABLES.inter.contains_key(t), "{t} has no row in actor_inter.tsv");
        }
        assert_eq!(TABLES.inter.len(), 10);
        let code_of = |kind: ActorType| kb.actors.iter().find(|a| a.kind == kind).and_then(|a| inter_code(kb, &a.id));
        assert_eq!(code_of(ActorType::Military), Some(1));
        assert_eq!(code_of(ActorType::ArmedGroup), Some(2));
        assert_eq!(code_of(ActorType::Militia), Some(3));
        assert_eq!(code_of(ActorType::Monitor), Some(8));
        let affiliated = kb.actors.iter().find(|a| a.kind == ActorType::Person && a.affiliation.is_some()).unwrap();
        let of_affiliation = inter_code(kb, affiliated.affiliation.as_deref().unwrap());
        assert_eq!(inter_code(kb, &affiliated.id), of_affiliation);
        assert_eq!(inter_code(kb, "NO-SUCH-ACTOR"), None);
        assert_eq!(interaction(Some(2), Some(1)), Some(12));
        assert_eq!(interaction(Some(3), None), Some(30));
        assert_eq!(interaction(None, None), None);
        assert_eq!(interaction(None, Some(7)), None);
    }

    fn time(value: Option<&str>, precision: Option<Precision>, start: Option<&str>) -> TimeExpr {
        TimeExpr {
            text: "x".into(),
            start: 0,
            end: 1,
            value: value.map(String::from),
            precision,
            start_date: start.map(String::from),
            end_date: None,
            relative: false,
        }
    }

    #[test]
    fn dates_are_days_with_their_precision_and_fall_back_to_publication() {
        let pubd = Some("2015-07-21");
        let d = |v, p, s| acled_date(Some(&time(v, p, s)), pubd).map(|a| (a.day, a.precision, a.basis));
        assert_eq!(d(Some("2015-07-19"), Some(Precision::Day), None), Some(("2015-07-19".into(), 1, DateBasis::Text)));
        assert_eq!(d(None, Some(Precision::Week), Some("2015-07-13")), Some(("2015-07-13".into(), 2, DateBasis::Text)));
        assert_eq!(d(Some("2015-07"), Some(Precision::Month), None), Some(("2015-07-01".into(), 3, DateBasis::Text)));
        assert_eq!(d(Some("2011"), Some(Precision::Year), None), Some(("2011-01-01".into(), 3, DateBasis::Text)));
        // A Hijri month: no value, its first day given.
        assert_eq!(d(None, Some(Precision::Month), Some("2015-06-18")), Some(("2015-06-01".into(), 3, DateBasis::Text)));
        // Unresolved dates and no dates fall back to the publication day, precision 2.
        for t in [time(None, None, None), time(Some("2015-07-1"), Some(Precision::Day), None)] {
            assert_eq!(
                acled_date(Some(&t), pubd).map(|a| (a.day, a.precision, a.basis)),
                Some(("2015-07-21".into(), 2, DateBasis::Published))
            );
        }
        assert_eq!(acled_date(None, pubd).unwrap().basis, DateBasis::Published);
        assert_eq!(acled_date(None, None), None);
        assert_eq!(acled_date(None, Some("2015-07")), None);
    }

    #[test]
    fn places_countries_and_scales() {
        let kb = Kb::builtin();
        assert_eq!(country_name("SYR"), Some("Syria"));
        assert_eq!(country_name("XXX"), None);
        let feature = |f: &str| kb.places.iter().find(|p| p.feature == f).unwrap();
        assert_eq!(geo_precision(feature("village")), 1);
        let bait_jan = kb.place("OCHA-C2478").unwrap();
        assert_eq!((admin1(bait_jan), admin2(bait_jan)), (Some("Rural Damascus"), Some("Qatana")));
        let beit_jann = kb.places.iter().find(|p| p.id.starts_with("GN-") && p.admin1.as_deref() == Some("03")).unwrap();
        assert_eq!(admin1(beit_jann), None, "a GeoNames code is no name");
        assert_eq!(geo_precision(feature("district")), 2);
        assert_eq!(geo_precision(feature("governorate")), 3);
        assert_eq!(geo_precision(feature("country")), 3);
        assert_eq!(source_scale(Some("alriyadh"), Some("SAU"), false).as_deref(), Some("National"));
        assert_eq!(source_scale(Some("alriyadh"), Some("SYR"), true).as_deref(), Some("Other-Regional"));
        assert_eq!(source_scale(Some("alkhaleej"), Some("YEM"), false).as_deref(), Some("Regional"));
        assert_eq!(source_scale(Some("unknown outlet"), Some("SYR"), false), None);
        assert_eq!(source_scale(Some("alriyadh"), None, false), None);
        for (_, (c, reach)) in TABLES.outlets.iter() {
            assert!(c.len() == 3 && ["national", "regional", "international"].contains(reach), "{c} {reach}");
        }
    }
}
