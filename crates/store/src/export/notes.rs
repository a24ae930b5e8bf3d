//! `notes`: a one-line English summary of an event from its fields, as ACLED's `notes` column
//! gives one, so that an analyst who does not read Arabic can sort and read the events and still
//! click through to the Arabic span.
//!
//! Only what is linked is named: actors, targets and sources by their catalogue name, places by
//! their gazetteer name and first-level area. An unlinked mention is left out (nothing is
//! translated or guessed); the event's own date is given as the text gives it, else the
//! publication day as "reported …". The wording by type and mode is data
//! (`data/plover_phrases.tsv`).
//!
//! قصف الجيش السوري بلدة بيت جن في ريف دمشق يوم 19 تموز 2015، بحسب المرصد السوري →
//! `Syrian Arab Army shelled Beit Jann (Rural Damascus), 2015-07-19, according to Syrian Observatory for Human Rights.`

use std::collections::HashMap;
use std::sync::LazyLock;

use rasad_kb::Kb;
use rasad_model::{Arg, Bound, Event, EventType, Status};

/// The wording of one (type, mode): see `data/plover_phrases.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Phrase {
    verb: &'static str,
    vprep: Option<&'static str>,
    noun: &'static str,
    nprep: Option<&'static str>,
    /// `object`, `in`, `to` or `from`.
    place: &'static str,
}

static PHRASES: LazyLock<HashMap<(EventType, &'static str), Phrase>> = LazyLock::new(|| {
    let text = include_str!("../../data/plover_phrases.tsv");
    let mut out = HashMap::new();
    for l in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1) {
        let c: Vec<&'static str> = l.split('\t').collect();
        // The file is checked by the tests: a bad row is a build defect.
        let kind: EventType = c[0].parse().unwrap_or_else(|e| panic!("plover_phrases.tsv: {e}"));
        let prep = |p: &'static str| (p != "-").then_some(p);
        out.insert((kind, c[1]), Phrase { verb: c[2], vprep: prep(c[3]), noun: c[4], nprep: prep(c[5]), place: c[6] });
    }
    out
});

fn phrase(kind: EventType, mode: Option<&str>) -> Phrase {
    let p = &*PHRASES;
    mode.and_then(|m| p.get(&(kind, m))).or_else(|| p.get(&(kind, "*"))).copied().unwrap_or(Phrase {
        verb: "acted",
        vprep: Some("on"),
        noun: kind.as_str(),
        nprep: Some("on"),
        place: "in",
    })
}

/// The English name of a linked argument (`None` for an unlinked one).
fn linked_name(a: &Arg) -> Option<&str> {
    a.link.id.as_ref().and(a.link.name.as_deref())
}

/// "A", "A and B", "A, B and C", "A, B and 2 others": the linked names, each once.
fn names(args: &[Arg]) -> Option<String> {
    let mut v: Vec<&str> = Vec::new();
    for n in args.iter().filter_map(linked_name) {
        if !v.contains(&n) {
            v.push(n);
        }
    }
    Some(match v.len() {
        0 => return None,
        1 => v[0].to_string(),
        2 => format!("{} and {}", v[0], v[1]),
        3 => format!("{}, {} and {}", v[0], v[1], v[2]),
        n => format!("{}, {} and {} others", v[0], v[1], n - 2),
    })
}

/// The place as "Beit Jann (Rural Damascus)": its gazetteer name, with its first-level area
/// when that is not already in the name.
fn place_name(ev: &Event, kb: &Kb) -> Option<String> {
    let p = ev.places.iter().find(|p| p.link.lat.is_some() && p.link.id.is_some()).or(ev.places.iter().find(|p| p.link.id.is_some()))?;
    let name = linked_name(p)?;
    let admin1 = p.link.id.as_deref().and_then(|id| kb.place(id)).and_then(super::acled::admin1);
    Some(match admin1 {
        Some(a) if !name.contains(a) => format!("{name} ({a})"),
        _ => name.to_string(),
    })
}

/// "12 killed", "at least 23 killed", "about 200 troops": the event's count when it is of the
/// killed, or of a kind `data/figure_kinds.tsv` names in English for the event's type.
fn figure(ev: &Event) -> Option<String> {
    let q = ev.quantity.as_ref()?;
    let what = if ev.fatalities.is_some() { "killed" } else { crate::contested::notes_word(q.unit.as_deref()?, ev.kind)? };
    let n = |v: f64| if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") };
    let amount = match q.bound {
        Bound::AtLeast => format!("at least {}", n(q.value)),
        Bound::AtMost => format!("at most {}", n(q.value)),
        Bound::Range => match (q.min, q.max) {
            (Some(a), Some(b)) => format!("{}-{}", n(a), n(b)),
            _ => format!("at least {}", n(q.value)),
        },
        Bound::Exact if q.approx => format!("about {}", n(q.value)),
        Bound::Exact => n(q.value),
    };
    Some(format!("{amount} {what}"))
}

/// The one-line English summary of `ev`, from a document published on `published`
/// (`YYYY-MM-DD`); see the module docs. Pure: the same event gives the same line.
///
/// Shape: `[Claimed: |Planned: |Denied: |Background: ]<who> <did what> <to whom> [in <place>],
/// <date>[, <figure>][, according to <source>].` Without a linked actor the event is told as a
/// noun (`Air strike on Saraqib (Idleb), 2020-02-09, more than 23 killed …`).
pub fn notes(ev: &Event, published: Option<&str>, kb: &Kb) -> String {
    let ph = phrase(ev.kind, ev.mode.as_deref());
    let actors = names(&ev.actors);
    let targets = names(&ev.targets);
    let place = place_name(ev, kb);
    let mut s = String::new();
    match ev.status {
        Status::Claimed => s.push_str("Claimed: "),
        Status::Planned => s.push_str("Planned: "),
        Status::Denied => s.push_str("Denied: "),
        Status::Negated => s.push_str("Not: "),
        Status::Reported if ev.background => s.push_str("Background: "),
        Status::Reported => {}
    }
    // With no target, a verb like "shelled" takes the place as its object.
    let place_as_object = targets.is_none() && ph.place == "object" && place.is_some();
    let object = targets.clone().or_else(|| place.clone().filter(|_| place_as_object));
    match &actors {
        Some(a) => {
            s.push_str(a);
            s.push(' ');
            s.push_str(ph.verb);
            if let Some(o) = &object {
                for w in ph.vprep.iter().chain([&o.as_str()]) {
                    s.push(' ');
                    s.push_str(w);
                }
            }
        }
        None => {
            s.push_str(ph.noun);
            // A noun that takes no target ("Attack repelled") leaves the target out.
            if let (Some(o), Some(prep)) = (&object, ph.nprep) {
                s.push_str(&format!(" {prep} {o}"));
            }
        }
    }
    if let Some(p) = place.filter(|_| !place_as_object) {
        let prep = match ph.place {
            "to" | "from" => ph.place,
            _ => "in",
        };
        s.push_str(&format!(" {prep} {p}"));
    }
    match (ev.date.as_ref().and_then(|d| d.value.as_deref()), published) {
        (Some(d), _) => s.push_str(&format!(", {d}")),
        (None, Some(p)) => s.push_str(&format!(", reported {p}")),
        (None, None) => {}
    }
    if let Some(f) = figure(ev) {
        s.push_str(", ");
        s.push_str(&f);
    }
    if let Some(src) = ev.source.as_ref().filter(|s| s.id.is_some()).and_then(|s| s.name.as_deref()) {
        s.push_str(", according to ");
        s.push_str(src);
    }
    s.push('.');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An event of `kind`/`mode` with arguments given as (text, catalogue or gazetteer id).
    fn event(
        kind: &str,
        mode: Option<&str>,
        actors: &[(&str, Option<&str>)],
        targets: &[(&str, Option<&str>)],
        places: &[(&str, Option<&str>)],
    ) -> Event {
        let kb = Kb::builtin();
        let arg = |(t, id): &(&str, Option<&str>)| {
            let name = id.and_then(|i| kb.actor(i).map(|a| a.name.clone()).or_else(|| kb.place(i).map(|p| p.name.clone())));
            let lat = id.and_then(|i| kb.place(i)).map(|p| p.lat);
            serde_json::json!({"text": t, "start": 0, "end": 1, "id": id, "name": name, "lat": lat})
        };
        let v = serde_json::json!({
            "type": kind, "mode": mode,
            "trigger": {"text": "x", "start": 0, "end": 1}, "sentence": {"start": 0, "end": 1},
            "actors": actors.iter().map(arg).collect::<Vec<_>>(),
            "targets": targets.iter().map(arg).collect::<Vec<_>>(),
            "places": places.iter().map(arg).collect::<Vec<_>>(),
            "date": null, "quantity": null, "source": null, "status": "reported", "confidence": 0.5, "mentions": [],
        });
        serde_json::from_value(v).unwrap()
    }

    fn place_id(name: &str) -> &'static str {
        let kb = Kb::builtin();
        &kb.places.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} not in the gazetteer")).id
    }

    fn date(ev: &mut Event, value: &str) {
        ev.date =
            serde_json::from_value(serde_json::json!({"text": "يوم", "start": 0, "end": 1, "value": value, "precision": "day"})).unwrap();
    }

    #[test]
    fn every_type_has_a_default_wording_and_modes_are_real() {
        for kind in EventType::ALL {
            assert!(PHRASES.contains_key(&(kind, "*")), "{kind} has no * row in plover_phrases.tsv");
        }
        let lexicon = include_str!("../../../events/data/triggers.tsv");
        for ((kind, mode), p) in PHRASES.iter() {
            assert!(*mode == "*" || lexicon.contains(&format!("\t{kind}\t{mode}\t")), "{kind}/{mode} is not a mode of triggers.tsv");
            assert!(["object", "in", "to", "from"].contains(&p.place), "{kind}/{mode}: place {}", p.place);
            assert!(p.place != "object" || p.nprep.is_some(), "{kind}/{mode}: a place object needs the noun's preposition");
        }
    }

    #[test]
    fn a_shelling_names_who_what_where_when_and_according_to_whom() {
        let bj = "OCHA-C2478";
        let mut ev = event("ASSAULT", Some("shelling"), &[("الجيش السوري", Some("SYR-MIL"))], &[], &[("بيت جن", Some(bj))]);
        date(&mut ev, "2015-07-19");
        ev.source = serde_json::from_value(
            serde_json::json!({"text": "المرصد السوري", "start": 0, "end": 1, "id": "SOHR", "name": "Syrian Observatory for Human Rights"}),
        )
        .unwrap();
        let kb = Kb::builtin();
        assert_eq!(
            notes(&ev, Some("2015-07-20"), kb),
            "Syrian Arab Army shelled Bait Jan (Rural Damascus), 2015-07-19, according to Syrian Observatory for Human Rights."
        );
        // A place named with its area keeps one; a GeoNames code is no area name.
        let mut gov = ev.clone();
        gov.places = event("ASSAULT", None, &[], &[], &[("ريف دمشق", Some("G-RURALDAMASCUS"))]).places;
        assert!(notes(&gov, None, kb).contains("shelled Rural Damascus Governorate, "), "{}", notes(&gov, None, kb));
        let il = kb.places.iter().find(|p| p.id.starts_with("GN-") && p.admin1.as_deref() == Some("03")).unwrap();
        gov.places = event("ASSAULT", None, &[], &[], &[("x", Some(il.id.as_str()))]).places;
        assert!(notes(&gov, None, kb).contains(&format!("shelled {}, ", il.name)), "{}", notes(&gov, None, kb));
    }

    #[test]
    fn without_a_linked_actor_the_event_is_a_noun_and_unlinked_mentions_are_left_out() {
        let kb = Kb::builtin();
        let saraqib = place_id("Saraqib");
        let mut ev = event("ASSAULT", Some("aerial"), &[("طائرات مجهولة", None)], &[("الأحياء السكنية", None)], &[("سراقب", Some(saraqib))]);
        ev.quantity = serde_json::from_value(serde_json::json!({"text": "أكثر من 23 مدنيا", "start": 0, "end": 1, "value": 23, "approx": false, "bound": "at_least", "unit": "مدني"})).unwrap();
        ev.fatalities = Some(23.0);
        let n = notes(&ev, Some("2020-02-09"), kb);
        assert!(n.starts_with("Air strike on Saraqib"), "{n}");
        assert!(n.ends_with(", reported 2020-02-09, at least 23 killed."), "{n}");
        assert!(!n.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)), "no Arabic text: {n}");
        // Nothing linked at all: the noun and the day.
        let bare = event("PROTEST", None, &[("محتجون", None)], &[], &[("ساحة", None)]);
        assert_eq!(notes(&bare, Some("2019-01-02"), kb), "Protest, reported 2019-01-02.");
        assert_eq!(notes(&bare, None, kb), "Protest.");
    }

    #[test]
    fn talks_name_both_sides_and_statuses_are_marked() {
        let kb = Kb::builtin();
        let moscow = place_id("Moscow");
        let mut ev =
            event("AGREE", Some("sign"), &[("بوتين", Some("P-PUTIN")), ("أردوغان", Some("P-ERDOGAN"))], &[], &[("موسكو", Some(moscow))]);
        date(&mut ev, "2020-03-05");
        let n = notes(&ev, None, kb);
        let (putin, erdogan) = (&kb.actor("P-PUTIN").unwrap().name, &kb.actor("P-ERDOGAN").unwrap().name);
        assert_eq!(n, format!("{putin} and {erdogan} signed an agreement in Moscow, 2020-03-05."));
        let mut deal = event("AGREE", Some("sign"), &[("روسيا", Some("RUS"))], &[("تركيا", Some("TUR"))], &[]);
        date(&mut deal, "2020-03-05");
        assert_eq!(notes(&deal, None, kb), "Russia signed an agreement with Turkey, 2020-03-05.");
        let talk = event("CONSULT", Some("call"), &[], &[("تركيا", Some("TUR"))], &[]);
        assert_eq!(notes(&talk, None, kb), "Phone call with Turkey.");
        let mut threat = event("ASSAULT", None, &[("إيران", Some("IRN"))], &[("إسرائيل", Some("ISR"))], &[]);
        threat.status = Status::Planned;
        assert_eq!(notes(&threat, Some("2019-01-02"), kb), "Planned: Iran attacked Israel, reported 2019-01-02.");
        threat.status = Status::Reported;
        threat.background = true;
        assert!(notes(&threat, None, kb).starts_with("Background: Iran attacked Israel"));
        let visit = event("CONSULT", Some("visit"), &[("لافروف", Some("IRN"))], &[], &[("دمشق", Some(place_id("Damascus")))]);
        assert_eq!(notes(&visit, None, kb), "Iran visited Damascus.");
        let troops = serde_json::json!({"text": "نحو 200 جندي", "start": 0, "end": 1, "value": 200, "approx": true, "bound": "exact", "unit": "جندي"});
        let mut deploy = event("MOBILIZE", Some("troops"), &[("روسيا", Some("RUS"))], &[], &[("حماة", Some("P-HAMA"))]);
        deploy.quantity = serde_json::from_value(troops.clone()).unwrap();
        assert!(notes(&deploy, None, kb).starts_with("Russia deployed forces to Hama"), "{}", notes(&deploy, None, kb));
        assert!(notes(&deploy, None, kb).ends_with(", about 200 troops."), "{}", notes(&deploy, None, kb));
        let mut attack = event("ASSAULT", None, &[("روسيا", Some("RUS"))], &[], &[]);
        attack.quantity = serde_json::from_value(troops).unwrap();
        assert_eq!(notes(&attack, None, kb), "Russia attacked.", "a troop count in an attack is not named");
        let many = event(
            "CONSULT",
            None,
            &[("a", Some("IRN")), ("b", Some("ISR")), ("c", Some("IRN")), ("d", Some("SOHR")), ("e", Some("SYR-MIL"))],
            &[],
            &[],
        );
        assert_eq!(notes(&many, None, kb), format!("Iran, Israel and 2 others met."));
    }
}
