use super::*;
use rasad_pipeline::Pipeline;

fn term(w: &str) -> String {
    let seg = Pipeline::shared().segmenter();
    let t = terms(w, seg);
    assert_eq!(t.len(), 1, "{w}: {t:?}");
    t[0].0.clone()
}

#[test]
fn clitics_and_plural_suffixes_meet_at_one_term() {
    let want = term("مقاتلين");
    for form in ["المقاتلين", "لمقاتلي", "بالمقاتلين", "مقاتلون", "والمقاتلين", "مُقَاتِلِين"]
    {
        assert_eq!(term(form), want, "{form}");
    }
    assert_eq!(term("الإيرانية"), term("الايرانيه"));
    assert_eq!(term("الغارات"), term("غارة"));
    assert_eq!(term("بغارات"), term("الغارة"));
    assert_eq!(term("العناصر"), term("عنصر"));
    assert_eq!(term("جنود"), term("الجندي"));
}

/// The case file `tests/data/search_terms.tsv`: every group's forms meet or stay apart.
#[test]
fn case_file_of_forms() {
    let cases = include_str!("../../tests/data/search_terms.tsv");
    let (mut n, mut failed) = (0, Vec::new());
    for r in tables::rows(cases) {
        assert_eq!(r.len(), 4, "{r:?}");
        let (q, d) = (term(r[1]), term(r[2]));
        let ok = match r[3] {
            "meet" => q == d,
            "apart" => q != d,
            other => panic!("{r:?}: expect is meet or apart, not {other}"),
        };
        if !ok {
            failed.push(format!("{} {} ({q}) / {} ({d}): {}", r[0], r[1], r[2], r[3]));
        }
        n += 1;
    }
    assert!(n >= 80, "{n} cases");
    assert!(failed.is_empty(), "{} of {n} cases fail:\n{}", failed.len(), failed.join("\n"));
}

/// Every example of a variant row of `data/variants.tsv` comes out as one term.
#[test]
fn variant_examples_meet() {
    for r in tables::rows(include_str!("../../data/variants.tsv")) {
        let words: Vec<&str> = r[2].split(',').collect();
        let first = term(words[0]);
        for w in &words[1..] {
            assert_eq!(term(w), first, "{r:?}: {w} and {}", words[0]);
        }
        assert_eq!(first, rasad_text::match_key(r[1]), "{r:?}: the examples' term is not the canonical one");
    }
}

#[test]
fn query_syntax_cannot_leak_into_fts() {
    let seg = Pipeline::shared().segmenter();
    assert_eq!(match_expr("\" OR * NEAR(", seg).as_deref(), Some("\"or\" AND \"near\""));
    assert_eq!(match_expr("، . !", seg), None);
}

#[test]
fn base_terms_are_the_stems_before_the_search_folds() {
    let seg = Pipeline::shared().segmenter();
    let base: Vec<String> = base_terms("الفصائل مقاتلا", seg).into_iter().map(|t| t.0).collect();
    assert_eq!(base, ["فصاءل", "مقاتلا"]);
    let search: Vec<String> = terms("الفصائل مقاتلا", seg).into_iter().map(|t| t.0).collect();
    assert_eq!(search, ["فصيل", "مقاتل"]);
}

proptest::proptest! {
    /// Terms come in text order, each with the span of a word of the text (non-empty, inside it).
    #[test]
    fn term_spans_point_into_the_text(text in "[ابتثجحخدذرسشصطعفقكلمنهويىةءأإآئؤ ًٌٍَُِّْ،.0-9a-z]{0,40}") {
        let seg = Pipeline::shared().segmenter();
        let n = text.chars().count();
        let mut last = 0;
        for (t, sp) in terms(&text, seg) {
            proptest::prop_assert!(!t.is_empty());
            proptest::prop_assert!(sp.start < sp.end && sp.end <= n && sp.start >= last, "{sp:?} in {n}");
            last = sp.end;
        }
    }
}
