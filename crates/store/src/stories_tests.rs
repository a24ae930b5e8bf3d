//! Unit tests of the story clustering and the case file `tests/data/stories.tsv`.

use super::*;
use crate::prepare;
use rasad_model::{DocOutput, InputDoc};

/// A schematic event: `TYPE` with actors, targets and places given as catalogue or gazetteer ids.
fn event(
    kind: &str,
    actors: &[&str],
    targets: &[&str],
    places: &[(&str, &str, f64, f64)],
    date: Option<&str>,
    count: Option<(f64, &str)>,
) -> Event {
    let arg = |id: &str| serde_json::json!({"text": id, "start": 0, "end": 1, "id": id});
    let place = |(id, prec, lat, lon): &(&str, &str, f64, f64)| serde_json::json!({"text": id, "start": 0, "end": 1, "id": id, "lat": lat, "lon": lon, "geo_precision": prec});
    let v = serde_json::json!({
        "type": kind,
        "trigger": {"text": "x", "start": 0, "end": 1},
        "sentence": {"start": 0, "end": 1},
        "actors": actors.iter().map(|a| arg(a)).collect::<Vec<_>>(),
        "targets": targets.iter().map(|a| arg(a)).collect::<Vec<_>>(),
        "places": places.iter().map(place).collect::<Vec<_>>(),
        "date": date.map(|d| serde_json::json!({"text": d, "start": 0, "end": 1, "value": d, "precision": "day"})),
        "quantity": count.map(|(v, u)| serde_json::json!({"text": "n", "start": 0, "end": 1, "value": v, "approx": false, "bound": "exact", "unit": u})),
        "source": null,
        "status": "reported",
        "confidence": 0.5,
        "mentions": [],
    });
    serde_json::from_value(v).unwrap()
}

const TOWN: (&str, &str, f64, f64) = ("P-TOWN", "exact", 13.0, 45.0);

#[test]
fn days_move_as_sqlite_date_moves_them() {
    // Each checked against SQLite's date(day, 'N days').
    for (day, n, want) in [
        ("2015-03-01", -1, Some("2015-02-28")),
        ("2016-03-01", -1, Some("2016-02-29")),
        ("2015-12-30", 3, Some("2016-01-02")),
        ("1999-12-31", 1, Some("2000-01-01")),
        ("2015-02-30", 0, Some("2015-03-02")),
        ("0001-01-01", -3, Some("0000-12-29")),
        ("2015-13-01", 0, None),
        ("2015-07-00", 0, None),
        ("2015-7-1", 0, None),
        ("", 0, None),
    ] {
        assert_eq!(shift_day(day, n).as_deref(), want, "{day} {n}");
    }
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert!(BY_KEY_BEFORE.ends_with("LIMIT 16") && BY_KEY_AFTER.ends_with("LIMIT 16"));
}

#[test]
fn families_pair_abductions_and_keep_talk_apart_from_force() {
    assert_eq!(family(EventType::Assault), family(EventType::Coerce));
    assert_ne!(family(EventType::Assault), family(EventType::Consult));
    assert_eq!(family(EventType::Consult), family(EventType::Agree));
    assert_ne!(family(EventType::Accuse), family(EventType::Agree));
}

#[test]
fn specificity_follows_the_catalogue() {
    assert_eq!(actor_weight("IRN"), 0.5, "a state");
    assert_eq!(actor_weight("ISIS"), 2.0, "an armed group");
    assert!(actor_weight("P-PUTIN") > actor_weight("RUS-MIL"));
    assert_eq!(actor_weight("SOHR"), 0.0, "a monitor is a source, not a party");
}

#[test]
fn a_state_alone_scores_below_the_threshold_and_a_town_above() {
    let ev = Evidence::of(&event("ACCUSE", &["IRN"], &[], &[], None, None), "2015-08-01");
    let c = Candidate { story: 1, day: "2015-08-01".into(), members: 1, shared: vec![("a:IRN".into(), 1)], ..Default::default() };
    assert_eq!(score(&ev, &c), Some(1.0));
    assert_eq!(choose(&ev, &[c]), None);
    let ev = Evidence::of(&event("ASSAULT", &[], &[], &[TOWN], None, None), "2015-08-01");
    let c = Candidate { story: 2, day: "2015-08-02".into(), members: 1, shared: vec![("p:P-TOWN".into(), 1)], ..Default::default() };
    assert_eq!(choose(&ev, &[c]), Some(2));
}

#[test]
fn force_needs_a_place_or_a_number_and_far_places_refuse() {
    let ev = Evidence::of(&event("ASSAULT", &["HOUTHIS"], &["P-HADI"], &[], None, None), "2015-08-01");
    let c = Candidate {
        story: 3,
        day: "2015-08-01".into(),
        members: 2,
        shared: vec![("a:HOUTHIS".into(), 2), ("a:P-HADI".into(), 2)],
        ..Default::default()
    };
    assert_eq!(score(&ev, &c), None, "actors alone do not place a clash");
    let ev = Evidence::of(&event("ASSAULT", &[], &[], &[TOWN], None, Some((15.0, "قتيل"))), "2015-08-01");
    let far = Candidate {
        story: 4,
        day: "2015-08-01".into(),
        members: 1,
        located: Some((15.5, 45.0)),
        shared: vec![("q:15:قتيل".into(), 1)],
        ..Default::default()
    };
    assert_eq!(score(&ev, &far), None, "278 km apart");
}

#[test]
fn a_near_duplicate_story_wins_and_a_peripheral_key_counts_half() {
    let ev = Evidence::of(&event("CONSULT", &["USA"], &["QAT"], &[], None, None), "2015-08-03");
    let dup = Candidate { story: 9, day: "2015-08-03".into(), members: 1, near_duplicate: true, ..Default::default() };
    let strong = Candidate {
        story: 5,
        day: "2015-08-03".into(),
        members: 20,
        shared: vec![("a:USA".into(), 20), ("a:QAT".into(), 2), ("d:QAT|USA".into(), 2)],
        ..Default::default()
    };
    assert_eq!(choose(&ev, &[strong.clone(), dup]), Some(9));
    // USA in the core (0.5), QAT and the pair outside it (0.25 + 0.75), the same day (0.5).
    assert_eq!(score(&ev, &strong), Some(2.0));
}

/// One row of the case file.
struct Row {
    case: String,
    doc: String,
    outlet: String,
    text: String,
    published: String,
    ev: Event,
    story: String,
}

fn ids(cell: &str) -> Vec<&str> {
    if cell == "-" {
        Vec::new()
    } else {
        cell.split(',').collect()
    }
}

fn parse_cases() -> Vec<Row> {
    let mut rows = Vec::new();
    for (n, line) in include_str!("../tests/data/stories.tsv").lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("case\t") {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 12, "stories.tsv line {}: 12 columns, found {}", n + 1, c.len());
        let places: Vec<(&str, &str, f64, f64)> = ids(c[9])
            .iter()
            .map(|p| {
                let f: Vec<&str> = p.split(':').collect();
                (f[0], f[1], f[2].parse().unwrap(), f[3].parse().unwrap())
            })
            .collect();
        let count = (c[10] != "-").then(|| {
            let (v, u) = c[10].split_once(' ').unwrap();
            (v.parse().unwrap(), u)
        });
        let date = (c[5] != "-").then_some(c[5]);
        rows.push(Row {
            case: c[0].into(),
            doc: c[1].into(),
            outlet: c[2].into(),
            text: c[3].into(),
            published: c[4].into(),
            ev: event(c[6], &ids(c[7]), &ids(c[8]), &places, date, count),
            story: c[11].into(),
        });
    }
    rows
}

/// A document's text: near-duplicates share the words of their text key; each adds its own id.
/// `KEY:WORDS` puts a headline line of those words first.
fn text_of(key: &str, doc: &str) -> String {
    let (key, headline) = key.split_once(':').unwrap_or((key, ""));
    let base: String = (0..60).map(|i| format!("w{key}x{i} ")).collect();
    format!("{headline}\n{base} خاتمة {doc}")
}

/// Stores one document with its events.
fn write_doc(store: &mut Store, seg: &rasad_text::Segmenter, input: InputDoc, events: Vec<Event>) {
    let record = DocOutput {
        id: input.id.clone(),
        published: input.published,
        relevance: 1.0,
        entities: Vec::new(),
        quantities: Vec::new(),
        times: Vec::new(),
        events,
    };
    store.write_batch(&[prepare(input, record, seg)]).unwrap();
}

/// The story of every stored event, in storing order.
fn stories_of(store: &Store) -> Vec<i64> {
    store
        .conn()
        .prepare("SELECT story FROM events ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn case_file() {
    let rows = parse_cases();
    let mut cases: Vec<&str> = rows.iter().map(|r| r.case.as_str()).collect();
    cases.dedup();
    assert!(cases.len() >= 5, "{cases:?}");
    let seg = rasad_text::Segmenter::new(Vec::<String>::new());
    for case in cases {
        let mine: Vec<&Row> = rows.iter().filter(|r| r.case == case).collect();
        let mut docs: Vec<&str> = mine.iter().map(|r| r.doc.as_str()).collect();
        docs.dedup();
        let mut store = Store::in_memory().unwrap();
        // A news window of 10,000 headlines a day around the case, none with the case's words: its
        // headline words are rare (a young store weighs them against the few headlines it holds).
        for r in &mine {
            store.conn().execute("INSERT OR IGNORE INTO headline_terms (term, day, docs) VALUES ('', ?1, 10000)", [&r.published]).unwrap();
        }
        for d in &docs {
            let evs: Vec<&Row> = mine.iter().copied().filter(|r| r.doc == *d).collect();
            let first = evs[0];
            let input = InputDoc {
                id: d.to_string(),
                text: text_of(&first.text, d),
                published: first.published.parse().ok(),
                outlet: Some(first.outlet.clone()),
                ..Default::default()
            };
            write_doc(&mut store, &seg, input, evs.iter().map(|r| r.ev.clone()).collect());
        }
        let got = stories_of(&store);
        assert_eq!(got.len(), mine.len(), "{case}");
        for (i, a) in mine.iter().enumerate() {
            for (j, b) in mine.iter().enumerate().skip(i + 1) {
                assert_eq!(
                    a.story == b.story,
                    got[i] == got[j],
                    "{case}: rows {i} and {j} (expected {} and {}), stories {got:?}",
                    a.story,
                    b.story
                );
            }
        }
        let spans: Vec<(String, String)> = store
            .conn()
            .prepare("SELECT min(anchor), max(anchor) FROM events GROUP BY story")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (lo, hi) in spans {
            let d = |s: &str| s[8..10].parse::<i64>().unwrap() + 31 * s[5..7].parse::<i64>().unwrap();
            assert!(d(&hi) - d(&lo) <= 7, "{case}: a story spans {lo} to {hi}");
        }
    }
}

#[test]
fn a_store_of_the_previous_schema_opens_keeps_its_stories_and_takes_new_events() {
    let dir = std::env::temp_dir().join(format!("rasad-stories-old-{}", std::process::id()));
    let path = dir.join("v2.db");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in &crate::schema::MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO documents (rowid, id, source, outlet, published, text, ingested_at, dup_of, record)
                 VALUES (1, 'a', 'a', 'A', '2015-08-01', 'x', '0', 1, '{}'), (2, 'b', 'b', 'B', '2015-08-01', 'y', '0', 1, '{}'),
                        (3, 'c', 'c', 'C', '2015-08-02', 'z', '0', 3, '{}');
             INSERT INTO events (rowid, doc, idx, type, status, anchor, confidence, story, record)
                 VALUES (1, 1, 0, 'ASSAULT', 'reported', '2015-08-01', 0.5, 1, '{}'), (2, 2, 0, 'ASSAULT', 'reported', '2015-08-01', 0.5, 1, '{}'),
                        (3, 3, 0, 'ASSAULT', 'reported', '2015-08-02', 0.5, 1, '{}');",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    // B's document is a copy of A's: two outlets wrote their own text.
    assert_eq!(source_counts(&store, None).unwrap().get(&1), Some(&2));
    let (events, docs): (i64, i64) =
        store.conn().query_row("SELECT events, documents FROM stories WHERE rowid = 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((events, docs), (3, 3));
    let seg = rasad_text::Segmenter::new(Vec::<String>::new());
    let ev = event("ASSAULT", &[], &[], &[TOWN], None, None);
    let input = InputDoc {
        id: "d".into(),
        text: text_of("new", "d"),
        published: "2015-08-03".parse().ok(),
        outlet: Some("D".into()),
        ..Default::default()
    };
    let record = DocOutput {
        id: "d".into(),
        published: input.published,
        relevance: 1.0,
        entities: Vec::new(),
        quantities: Vec::new(),
        times: Vec::new(),
        events: vec![ev],
    };
    let st = store.write_batch(&[prepare(input, record, &seg)]).unwrap();
    assert_eq!(st.events, 1);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let story: i64 = store.conn().query_row("SELECT story FROM events WHERE rowid = 4", [], |r| r.get(0)).unwrap();
    assert_eq!(story, 4, "old stories take no new members: they have no keys");
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn headline_words_count_within_a_day_and_never_alone() {
    let ev = Evidence::of(&event("SANCTION", &[], &[], &[], None, None), "2015-07-26").with_headline(&[
        ("تستدع".into(), 1.0),
        ("سفير".into(), 1.0),
        ("بحرين".into(), 0.9),
    ]);
    let shared = vec![("h:تستدع".to_string(), 1), ("h:سفير".to_string(), 1), ("h:بحرين".to_string(), 1)];
    let next_day = Candidate { story: 1, day: "2015-07-25".into(), members: 1, apart: 1, shared: shared.clone(), ..Default::default() };
    assert_eq!(score(&ev, &next_day), Some(HEADLINE_CAP), "2.9 capped, no day bonus");
    assert_eq!(choose(&ev, &[next_day]), None, "a headline alone never joins");
    let same_day = Candidate { story: 2, day: "2015-07-26".into(), members: 1, shared: shared.clone(), ..Default::default() };
    assert_eq!(choose(&ev, &[same_day]), Some(2));
    let later = Candidate { story: 3, day: "2015-07-23".into(), members: 1, apart: 3, shared, ..Default::default() };
    assert_eq!(score(&ev, &later), Some(0.0), "three days apart the words name a sequel");
}
#[test]
fn stories_of_one_event_do_not_make_a_key_common() {
    // Eight reports of one day name a person alone (no join: a person and the day score 2.5), and
    // two more name the person and Qatar (2 + 0.5 + 0.5 = 3: they join). The eight singletons must
    // not make the person a common key, which would halve it and keep the two apart.
    let seg = rasad_text::Segmenter::new(Vec::<String>::new());
    let mut store = Store::in_memory().unwrap();
    store.conn().execute("INSERT INTO headline_terms (term, day, docs) VALUES ('', '2015-08-02', 10000)", []).unwrap();
    let letters = ["ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز"];
    for (n, l) in letters.iter().enumerate() {
        // Each document its own words: no headline word, no near-duplicate in common.
        let text: String = (0..40).map(|i| format!("{l}{l}{}{} ", letters[i % 10], letters[(i / 10) % 10])).collect();
        let actors: &[&str] = if n < 8 { &["P-KERRY"] } else { &["P-KERRY", "QAT"] };
        let input = InputDoc {
            id: format!("d{n}"),
            text: format!("{l}{l}{l} {l}{l}\n{text}"),
            published: "2015-08-02".parse().ok(),
            outlet: Some(format!("O{n}")),
            ..Default::default()
        };
        write_doc(&mut store, &seg, input, vec![event("CONSULT", actors, &[], &[], None, None)]);
    }
    let stories = stories_of(&store);
    let mut distinct = stories[..8].to_vec();
    distinct.dedup();
    assert_eq!(distinct.len(), 8, "{stories:?}");
    assert_eq!(stories[8], stories[9], "{stories:?}");
}

#[test]
fn a_key_of_many_stories_still_finds_the_story_of_the_event_s_own_day() {
    // Two days before, 30 reports name Kerry alone and 30 Lavrov alone (each its own story: a
    // person and the day score 2.5). Then two reports of one meeting name both: the second must
    // find the first's story although each name's look-up meets 31 stories of the window.
    let seg = rasad_text::Segmenter::new(Vec::<String>::new());
    let mut store = Store::in_memory().unwrap();
    store.conn().execute("INSERT INTO headline_terms (term, day, docs) VALUES ('', '2015-08-02', 10000)", []).unwrap();
    let letters = ["ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز"];
    for n in 0..62usize {
        let l = letters[n % 10];
        let text: String =
            (0..40).map(|i| format!("{l}{}{}{} ", letters[(n / 10) % 10], letters[i % 10], letters[(i / 10) % 10])).collect();
        let (actors, day): (&[&str], &str) = match n {
            0..30 => (&["P-KERRY"], "2015-07-31"),
            30..60 => (&["P-LAVROV"], "2015-07-31"),
            _ => (&["P-KERRY", "P-LAVROV"], "2015-08-02"),
        };
        let input = InputDoc {
            id: format!("d{n}"),
            text: format!("{l}{l}{l}\n{text}"),
            published: day.parse().ok(),
            outlet: Some(format!("O{n}")),
            ..Default::default()
        };
        write_doc(&mut store, &seg, input, vec![event("CONSULT", actors, &[], &[], None, None)]);
    }
    let stories = stories_of(&store);
    assert_eq!(stories[60], stories[61], "{:?}", &stories[55..]);
    assert_ne!(stories[0], stories[1]);
}

#[test]
fn a_statement_is_its_speakers() {
    // The president, his state and its government speak for one side; the Arab League and an
    // armed group for themselves.
    assert_eq!(speaker_side("P-HADI"), "YEM");
    assert_eq!(speaker_side("YEM"), "YEM");
    assert_eq!(speaker_side("ARABLEAGUE"), "ARABLEAGUE");
    assert_eq!(speaker_side("HOUTHIS"), "HOUTHIS");
    assert_eq!(speaker_side("X-UNKNOWN"), "X-UNKNOWN");
    let hadi = Evidence::of(&event("REQUEST", &["P-HADI"], &["HOUTHIS"], &[], None, None), "2015-07-26");
    let league = Evidence::of(&event("REQUEST", &["ARABLEAGUE"], &["HOUTHIS"], &[], None, None), "2015-07-26");
    assert_eq!(hadi.speaker.as_deref(), Some("YEM"));
    let shared = vec![("a:HOUTHIS".to_string(), 3), ("d:HOUTHIS|P-HADI".to_string(), 3)];
    let story = Candidate {
        story: 1,
        day: "2015-07-26".into(),
        members: 3,
        documents: 3,
        shared: shared.clone(),
        speaker: Some("YEM".into()),
        ..Default::default()
    };
    assert!(score(&hadi, &story).is_some_and(|s| s >= JOIN_SCORE));
    // The League's call on the same target the same day is another occurrence.
    assert_eq!(score(&league, &Candidate { shared: vec![("a:HOUTHIS".to_string(), 3)], ..story.clone() }), None);
    // Talks are not compared by speaker (the host of one outlet is the guest of another).
    assert_eq!(Evidence::of(&event("CONSULT", &["P-HADI"], &["UN"], &[], None, None), "2015-07-26").speaker, None);
    // A story whose events named no speaker takes any (while still small enough not to be known by
    // its parties).
    assert!(score(&league, &Candidate { speaker: None, documents: 1, ..story }).is_some());
}

#[test]
fn a_governorate_is_weaker_evidence_than_a_city_and_a_town() {
    // منطقة عسير or محافظة إدلب hold many occurrences a day; Abha fewer; a village one.
    let admin = place_weight("G-SA-ASIR", Some(GeoPrecision::Admin));
    let city = place_weight("GN-110690", Some(GeoPrecision::Exact));
    let base = place_weight("P-ANAD", Some(GeoPrecision::Exact));
    assert!(admin < city && city < base, "{admin} {city} {base}");
    assert_eq!(place_weight("C-SYR", Some(GeoPrecision::Country)), 0.0);
}

#[test]
fn a_death_toll_is_keyed_by_its_number_whatever_its_noun() {
    // مقتل 15 شخصا and 15 قتيلا: one toll, one key.
    let mut a = event("ASSAULT", &[], &[], &[TOWN], None, Some((15.0, "شخص")));
    let mut b = event("ASSAULT", &[], &[], &[TOWN], None, Some((15.0, "قتيل")));
    a.fatalities = Some(15.0);
    b.fatalities = Some(15.0);
    let (ka, kb) = (Evidence::of(&a, "2015-08-06"), Evidence::of(&b, "2015-08-06"));
    assert!(ka.keys.iter().any(|(k, w)| k == "f:15" && *w == 2.0), "{:?}", ka.keys);
    assert!(!ka.keys.iter().any(|(k, _)| k.starts_with("q:")), "the toll is the quantity: one key, {:?}", ka.keys);
    assert!(kb.keys.iter().any(|(k, _)| k == "f:15"));
    // Another count keeps its unit, beside the toll (15 dead, 40 wounded).
    let mut c = event("ASSAULT", &[], &[], &[TOWN], None, Some((40.0, "جريح")));
    c.fatalities = Some(15.0);
    let kc = Evidence::of(&c, "2015-08-06");
    assert!(kc.keys.iter().any(|(k, _)| k == "f:15") && kc.keys.iter().any(|(k, _)| k == "q:40:جريح"), "{:?}", kc.keys);
}
