//! Tests of contested figures: the interval rule on its variants, and stories built from the
//! team's own sentences.

use super::*;
use crate::tests::{doc, store_with};

/// A figure of `kind` from `source`: `bound` as the wording gives it.
fn fig(kind: &'static str, value: f64, bound: Bound, approx: bool, range: Option<(f64, f64)>, source: &str, doc: &str) -> Figure {
    let v = serde_json::json!({
        "type": "ASSAULT", "trigger": {"text": "x", "start": 0, "end": 1}, "sentence": {"start": 0, "end": 1},
        "actors": [], "targets": [], "places": [], "date": null,
        "quantity": {"text": "n", "start": 0, "end": 1, "value": value, "approx": approx, "bound": bound.as_str(),
                     "min": range.map(|r| r.0), "max": range.map(|r| r.1), "unit": if kind == "troops" { "جندي" } else { "قتيل" }},
        "fatalities": if kind == "killed" { Some(value) } else { None },
        "source": {"text": source, "start": 0, "end": 1}, "status": "reported", "confidence": 0.5, "mentions": [],
    });
    let ev: Event = serde_json::from_value(v).unwrap();
    figure_of(&ev, format!("{doc}-0"), Some("outlet"), None).unwrap()
}

#[test]
fn figures_disagree_only_when_no_number_fits_both_sources() {
    use Bound::*;
    // (first, second, disagree?)
    let cases = [
        // Two different exact tolls from two sources.
        (fig("killed", 12.0, Exact, false, None, "المرصد", "a"), fig("killed", 9.0, Exact, false, None, "الوكالة", "b"), true),
        // The same toll.
        (fig("killed", 12.0, Exact, false, None, "المرصد", "a"), fig("killed", 12.0, Exact, false, None, "الوكالة", "b"), false),
        // "more than 10" and 12 can both be true; "more than 15" and 12 cannot.
        (fig("killed", 10.0, AtLeast, false, None, "المرصد", "a"), fig("killed", 12.0, Exact, false, None, "الوكالة", "b"), false),
        (fig("killed", 15.0, AtLeast, false, None, "المرصد", "a"), fig("killed", 12.0, Exact, false, None, "الوكالة", "b"), true),
        // "about 200" meets 205, not 300.
        (fig("troops", 200.0, Exact, true, None, "المرصد", "a"), fig("troops", 205.0, Exact, false, None, "الوكالة", "b"), false),
        (fig("troops", 200.0, Exact, true, None, "المرصد", "a"), fig("troops", 300.0, Exact, false, None, "الوكالة", "b"), true),
        // "between 5 and 8" meets 7, not 9; "fewer than 5" does not meet 6.
        (fig("killed", 5.0, Range, false, Some((5.0, 8.0)), "المرصد", "a"), fig("killed", 7.0, Exact, false, None, "الوكالة", "b"), false),
        (fig("killed", 5.0, Range, false, Some((5.0, 8.0)), "المرصد", "a"), fig("killed", 9.0, Exact, false, None, "الوكالة", "b"), true),
        (fig("killed", 5.0, AtMost, false, None, "المرصد", "a"), fig("killed", 6.0, Exact, false, None, "الوكالة", "b"), true),
        // One source giving a rising toll is not a disagreement between sources.
        (fig("killed", 12.0, Exact, false, None, "المرصد", "a"), fig("killed", 15.0, Exact, false, None, "المرصد", "b"), false),
    ];
    for (i, (a, b, want)) in cases.into_iter().enumerate() {
        let s = summarize(1, vec![a, b]);
        let r = &s.ranges[0];
        assert_eq!(r.sources_disagree, want, "case {i}: {s:#?}");
    }
    // Kinds are apart: a troop count never contests a toll.
    let s = summarize(
        1,
        vec![fig("killed", 12.0, Bound::Exact, false, None, "أ", "a"), fig("troops", 300.0, Bound::Exact, false, None, "ب", "b")],
    );
    assert_eq!(s.ranges.len(), 2);
    assert!(s.ranges.iter().all(|r| !r.sources_disagree && r.sources == 1));
    // One document giving one number twice counts once.
    let s = summarize(
        1,
        vec![fig("killed", 12.0, Bound::Exact, false, None, "أ", "a"), fig("killed", 12.0, Bound::Exact, false, None, "أ", "a")],
    );
    assert_eq!(s.figures.len(), 1);
    assert_eq!((s.ranges[0].min, s.ranges[0].max), (12.0, 12.0));
    // The range holds the numbers given: a stated range's ends, "about 13" and "dozens" as their value.
    let dozens = fig("killed", 10.0, Bound::Range, true, Some((10.0, 99.0)), "أ", "a");
    let about = fig("killed", 13.0, Bound::Exact, true, None, "ب", "b");
    let r = summarize(1, vec![dozens, about]).ranges[0].clone();
    assert_eq!((r.min, r.max, r.sources_disagree), (10.0, 13.0, false));
    let stated = fig("killed", 5.0, Bound::Range, false, Some((5.0, 8.0)), "أ", "a");
    assert_eq!(summarize(1, vec![stated]).ranges[0].max, 8.0);
}

#[test]
fn units_of_the_figure_table_are_match_keys() {
    assert!(KINDS.len() >= 5);
    for (unit, (kind, english, types)) in KINDS.iter() {
        assert_eq!(rasad_text::match_key(unit), *unit, "{unit} is not its own match key");
        assert!(["wounded", "troops"].contains(kind), "{unit}: kind {kind}");
        assert!(!english.is_empty());
        assert!(*types == "*" || types.split('|').all(|t| t.parse::<rasad_model::EventType>().is_ok()), "{unit}: {types}");
    }
    assert_eq!(figure_kind("جندي"), Some(("troops", "troops")));
    assert_eq!(notes_word("جندي", rasad_model::EventType::Mobilize), Some("troops"));
    assert_eq!(notes_word("جندي", rasad_model::EventType::Assault), None);
    assert_eq!(notes_word("جريح", rasad_model::EventType::Assault), Some("wounded"));
}

/// Three outlets report one strike on Kafr Nabl; two give the toll differently.
fn strike_store() -> Store {
    store_with(&[
        doc(
            "a",
            "قصفت طائرات روسية بلدة كفرنبل في ريف إدلب أمس، ما أسفر عن مقتل 12 مدنيا، بحسب المرصد السوري لحقوق الإنسان.",
            "2019-05-10",
            "وكالة أ",
        ),
        doc(
            "b",
            "شنت المقاتلات الروسية غارات على بلدة كفرنبل بريف إدلب أمس، ما أدى إلى مقتل 9 مدنيين، وفق الدفاع المدني.",
            "2019-05-10",
            "صحيفة ب",
        ),
        doc("c", "قتل أكثر من عشرة مدنيين في غارات روسية على كفرنبل في ريف إدلب أمس.", "2019-05-10", "موقع ج"),
    ])
}

#[test]
fn a_story_told_by_three_outlets_shows_each_toll_with_its_source() {
    let s = strike_store();
    let all = story_figures(&s, None).unwrap();
    let story = all.values().find(|f| f.figures.len() >= 2).unwrap_or_else(|| panic!("no story with two figures: {all:#?}"));
    let killed = story.range("killed").unwrap();
    assert_eq!((killed.min, killed.max), (9.0, 12.0), "{story:#?}");
    assert!(killed.sources_disagree && killed.sources >= 2, "{story:#?}");
    let sources: Vec<&str> = story.figures.iter().map(|f| f.source.as_str()).collect();
    assert!(sources.contains(&"Syrian Observatory for Human Rights"), "{sources:?}");
    for f in &story.figures {
        let (text, span) = f.span.rsplit_once('@').unwrap();
        assert!(!text.is_empty() && span.contains('-'), "{f:?}");
    }
    // One story asked by id gives the same; the event rows carry its range.
    assert_eq!(figures_of_story(&s, story.story).unwrap().as_ref(), Some(story));
    let rows = crate::export::event_rows(&s).unwrap();
    let row = rows.iter().find(|r| r.story == story.story).unwrap();
    assert_eq!((row.fatalities_min, row.fatalities_max, row.sources_disagree), (Some(9.0), Some(12.0), Some(true)));
    let json = serde_json::to_value(story).unwrap();
    assert_eq!(json["ranges"][0]["kind"], "killed");
    assert!(json["figures"][0]["source"].is_string());
}

#[test]
fn agreeing_tolls_and_background_counts_are_not_contested() {
    let s = store_with(&[
        doc("a", "قتل 7 جنود أتراك في هجوم على موقع عسكري في ولاية هكاري أمس، بحسب وكالة الأناضول.", "2016-03-10", "وكالة أ"),
        doc("b", "أعلن الجيش التركي مقتل سبعة من جنوده في هجوم على موقع في هكاري أمس.", "2016-03-10", "صحيفة ب"),
        doc("c", "يذكر أن 300 شخص قتلوا في هكاري منذ عام 1990.", "2016-03-10", "موقع ج"),
    ]);
    let all = story_figures(&s, None).unwrap();
    for f in all.values() {
        for r in &f.ranges {
            assert!(!r.sources_disagree, "{f:#?}");
            assert!(r.max < 300.0, "a recalled count of 1990 is no figure of this story: {f:#?}");
        }
    }
}
