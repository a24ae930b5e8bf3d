use super::*;
use crate::browse::{count_events, Narrow};
use crate::tests::{doc, store_with};

/// Four reports (written for this test): strikes on a town and on a governorate, an accusation
/// between two parties, a visit to a capital.
fn store() -> Store {
    store_with(&store_docs())
}

fn store_docs() -> Vec<rasad_model::InputDoc> {
    Vec::from([
        doc("a", "قصفت طائرات روسية بلدة كفرنبل في ريف إدلب أمس، ما أسفر عن مقتل 12 مدنيا.", "2019-05-10", "وكالة أ"),
        doc("b", "شنت الطائرات الروسية غارات على محافظة إدلب اليوم.", "2019-05-20", "صحيفة ب"),
        doc("c", "اتهمت تركيا قوات سوريا الديمقراطية بمهاجمة مواقع الجيش التركي في منبج.", "2019-06-02", "وكالة أ"),
        doc("d", "زار وزير الخارجية الروسي دمشق والتقى الرئيس السوري بشار الأسد.", "2019-06-03", "صحيفة ب"),
    ])
}

fn all() -> Query {
    Query { background: true, ..Default::default() }
}

#[test]
fn names_carry_the_english_name_and_the_arabic_forms() {
    let s = store();
    let actors = names(&s, Role::Actor).unwrap();
    let rus = actors.iter().find(|n| n.id == "RUS").unwrap_or_else(|| panic!("{actors:#?}"));
    assert_eq!(rus.name, "Russia");
    assert!(rus.forms.iter().any(|f| f.contains("روس")), "{rus:?}");
    assert!(rus.events >= 2, "{rus:?}");
    assert!(actors.windows(2).all(|w| w[0].events >= w[1].events));
    let places = names(&s, Role::Place).unwrap();
    assert!(places.iter().any(|p| p.id == "G-IDLIB"), "{places:#?}");
}

#[test]
fn the_map_counts_every_event_of_the_filter_by_place_with_its_precision() {
    let s = store();
    let q = all();
    let m = map(&s, &q, &Narrow::default()).unwrap();
    let total = count_events(&s, &q, &Narrow::default()).unwrap();
    assert_eq!(m.located + m.unlocated, total, "{m:#?}");
    assert_eq!(m.located, m.places.iter().map(|p| p.events).sum::<usize>());
    let idlib = m.places.iter().find(|p| p.id.as_deref() == Some("G-IDLIB")).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(idlib.precision, "admin");
    assert!(m.places.iter().any(|p| p.precision == "exact"), "{m:#?}");
    for p in &m.places {
        assert_eq!(p.types.iter().map(|t| t.1).sum::<usize>(), p.events);
    }
    // A type filter keeps its events only.
    let assault = Query { event_type: Some("ASSAULT".into()), ..all() };
    let m2 = map(&s, &assault, &Narrow::default()).unwrap();
    assert!(m2.places.iter().all(|p| p.types.iter().all(|t| t.0 == "ASSAULT")), "{m2:#?}");
    assert_eq!(m2.located + m2.unlocated, count_events(&s, &assault, &Narrow::default()).unwrap());
}

#[test]
fn the_timeline_and_network_follow_the_filter() {
    let s = store();
    let t = timeline(&s, &all(), &Narrow::default()).unwrap();
    assert_eq!(t.days.iter().map(|d| d.count).sum::<usize>() + t.undated, count_events(&s, &all(), &Narrow::default()).unwrap());
    assert!(t.days.windows(2).all(|w| w[0].day <= w[1].day));
    let june = Query { from: Some("2019-06-01".into()), ..all() };
    let tj = timeline(&s, &june, &Narrow::default()).unwrap();
    assert!(tj.days.iter().all(|d| d.day.as_str() >= "2019-06-01"), "{tj:?}");
    let net = network(&s, &all(), &Narrow::default(), 100, 1).unwrap();
    assert!(!net.edges.is_empty(), "{net:#?}");
    assert!(net.edges.iter().all(|e| net.nodes.iter().any(|n| n.id == e.source) && net.nodes.iter().any(|n| n.id == e.target)));
    let one = network(&s, &all(), &Narrow::default(), 1, 1).unwrap();
    assert_eq!(one.nodes.len(), 1);
    assert_eq!(one.actors, net.actors);
    assert!(one.edges.is_empty());
    let heavy = network(&s, &all(), &Narrow::default(), 100, 1000).unwrap();
    assert!(heavy.edges.is_empty());
}

#[test]
fn status_and_relevance_narrow_the_events() {
    let s = store();
    let every = count_events(&s, &all(), &Narrow::default()).unwrap();
    let reported = count_events(&s, &all(), &Narrow::status(Some("reported"))).unwrap();
    assert!(reported <= every);
    let none = count_events(&s, &all(), &Narrow { min_relevance: Some(1.01), ..Narrow::default() }).unwrap();
    assert_eq!(none, 0);
    let any = count_events(&s, &all(), &Narrow { min_relevance: Some(0.0), ..Narrow::default() }).unwrap();
    assert_eq!(any, every);
    // The relevance read without parsing is the record's.
    let mut stmt = s.conn().prepare(&format!("SELECT {}, record ->> '$.relevance' FROM documents", crate::browse::RELEVANCE)).unwrap();
    let pairs: Vec<(f64, f64)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(pairs.len(), 4);
    assert!(pairs.iter().all(|(a, b)| a == b), "{pairs:?}");
}

#[test]
fn the_search_count_is_the_number_of_documents_search_finds() {
    let s = store();
    let seg = rasad_pipeline::Pipeline::shared().segmenter();
    for q in [
        Query { text: "الروسية".into(), ..Default::default() },
        Query { text: "إدلب".into(), event_type: Some("ASSAULT".into()), ..Default::default() },
        Query { outlet: Some("وكالة أ".into()), ..Default::default() },
        Query { text: "غير موجود".into(), ..Default::default() },
        Query::default(),
    ] {
        let found = crate::search::search(&s, &Query { limit: 100, ..q.clone() }, seg).unwrap().len();
        assert_eq!(count_documents(&s, &q, &Narrow::default(), seg).unwrap(), found, "{q:?}");
    }
}

#[test]
fn status_relevance_and_outlet_narrow_the_search_and_its_count() {
    let mut docs = store_docs();
    docs.push(doc("e", "قالت الشرطة إن مسلحين هاجموا نقطة تفتيش في العريش فجر اليوم.", "2019-06-04", "Alyaum"));
    let s = store_with(&docs);
    let seg = rasad_pipeline::Pipeline::shared().segmenter();
    let every = count_documents(&s, &Query::default(), &Narrow::default(), seg).unwrap();
    assert_eq!(every, 5);
    for status in ["reported", "claimed", "planned", "denied", "negated"] {
        let narrow = Narrow::status(Some(status));
        let hits = crate::search::search_narrowed(&s, &Query { limit: 100, ..Query::default() }, &narrow, seg).unwrap();
        let n = count_documents(&s, &Query::default(), &narrow, seg).unwrap();
        assert_eq!(hits.len(), n, "{status}");
        // Each document found has a current event of the status, and only those are listed.
        let of_status = count_events(&s, &Query::default(), &narrow).unwrap();
        assert!(n <= of_status, "{status}: {n} documents, {of_status} events");
        assert!(hits.iter().all(|h| !h.events.is_empty()), "{status}: {hits:#?}");
        if status == "reported" {
            assert!(n >= 3, "{n}");
        }
    }
    let none = Narrow { min_relevance: Some(1.01), ..Narrow::default() };
    assert_eq!(count_documents(&s, &Query::default(), &none, seg).unwrap(), 0);
    assert_eq!(count_documents(&s, &Query { text: "إدلب".into(), ..Query::default() }, &none, seg).unwrap(), 0);
    let any = Narrow { min_relevance: Some(0.0), ..Narrow::default() };
    assert_eq!(count_documents(&s, &Query::default(), &any, seg).unwrap(), every);
    // Outlets match in any case, in the search and in the events list alike.
    for o in ["Alyaum", "alyaum", "ALYAUM"] {
        let q = Query { outlet: Some(o.into()), ..Query::default() };
        assert_eq!(count_documents(&s, &q, &Narrow::default(), seg).unwrap(), 1, "{o}");
        assert_eq!(
            count_events(&s, &Query { background: true, ..q.clone() }, &Narrow::default()).unwrap(),
            count_events(&s, &Query { outlet: Some("Alyaum".into()), background: true, ..Query::default() }, &Narrow::default()).unwrap(),
            "{o}"
        );
    }
    // Without event filters every document is found, each listing its current events (all of
    // them with background), as the events list counts them.
    for q in [Query { limit: 100, ..Query::default() }, Query { limit: 100, ..all() }] {
        let listed: usize = crate::search::search(&s, &q, seg).unwrap().iter().map(|h| h.events.len()).sum();
        assert_eq!(listed, count_events(&s, &q, &Narrow::default()).unwrap(), "{q:?}");
    }
    let outlets = outlets(&s).unwrap();
    assert_eq!(outlets.len(), 3, "{outlets:?}");
    assert_eq!(outlets.iter().map(|o| o.documents).sum::<usize>(), 5);
}
