//! Unit tests of the linker (link.rs).

use super::*;
use rasad_text::{analyze, tokenize, Segmenter};

fn linked(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let kb = Kb::builtin();
    let seg = Segmenter::new(kb.name_words());
    let toks = tokenize(text);
    let words = analyze(&toks, &seg);
    kb.link(&words)
        .into_iter()
        .map(|m| (rasad_text::char_slice(text, m.span), m.actor.map(|a| kb.actors[a].id.clone()), m.place.map(|p| kb.places[p].id.clone())))
        .collect()
}

#[test]
fn clitics_and_definiteness() {
    let l = linked("وصلوا لسوريا وبدمشق والعراق");
    assert_eq!(l[0], ("لسوريا".into(), Some("SYR".into()), Some("C-SYR".into())));
    assert_eq!(l[1].2.as_deref(), Some("P-DAMASCUS"));
    assert_eq!(l[2].1.as_deref(), Some("IRQ"));
}

#[test]
fn an_indefinite_nisba_with_its_tanween_alif_is_a_demonym() {
    let l = linked("قتل 13 حوثيا و20 عراقيا، واعتقل خبيرا إيرانيا");
    let ids: Vec<&str> = l.iter().filter_map(|x| x.1.as_deref()).collect();
    assert_eq!(ids, ["HOUTHIS", "IRQ", "IRN"], "{l:?}");
    // Not a definite word, and not a word that only ends so (حاليا "currently").
    assert!(linked("ويقيم حاليا في الخارج").is_empty());
}

#[test]
fn demonyms_link_to_countries() {
    let l = linked("مقاتلون إيرانيون والعراقيين والقوات الروسية");
    assert_eq!(l[0].1.as_deref(), Some("IRN"));
    assert_eq!(l[1].1.as_deref(), Some("IRQ"));
    assert_eq!(l[2], ("والقوات الروسية".into(), Some("RUS-MIL".into()), None));
}

#[test]
fn demonyms_whose_hamza_folds_into_an_article_link() {
    // ألماني folds to الماني, which the segmenter reads as ال + ماني.
    let l = linked("قتل جندي ألماني وأصيب جنود ألمان");
    assert_eq!(l[0].1.as_deref(), Some("DEU"));
    assert_eq!(l[1].1.as_deref(), Some("DEU"));
}

#[test]
fn multiword_names_win_over_their_parts() {
    let l = linked("قال الحرس الثوري الإيراني إن فيلق القدس");
    assert_eq!(l[0].1.as_deref(), Some("IRN-IRGC"));
    assert_eq!(l[1].1.as_deref(), Some("IRN-QF"));
}

#[test]
fn names_after_lil_still_link() {
    // "القوة الجوفضائية للحرس الثوري" is an alias; its word للحرس must not stop للحرس الثوري from splitting.
    let l = linked("قتل قائد في للحرس الثوري الإيراني أمس");
    assert!(l.iter().any(|x| x.1.as_deref() == Some("IRN-IRGC")), "{l:?}");
}

#[test]
fn weak_aliases_need_quotes() {
    assert!(linked("دفاعا عن الوطن").is_empty());
    let l = linked("قال لـ«الجريدة» إن");
    assert_eq!(l[0].1.as_deref(), Some("ALJARIDA"));
}

#[test]
fn unknown_mentions_stay_unlinked() {
    assert!(linked("وصل الوفد إلى المدينة").is_empty());
}

fn place_of(text: &str, name: &str) -> Option<String> {
    linked(text).into_iter().find(|x| x.0.contains(name)).and_then(|x| x.2)
}

#[test]
fn large_gazetteer_towns_after_prepositions() {
    assert_eq!(place_of("وقتل مسلحون ثلاثة جنود في العريش", "العريش").as_deref(), Some("GN-361546"));
    assert_eq!(place_of("وصل الوزير إلى المكلا", "المكلا").as_deref(), Some("GN-78754"));
    // Without a preposition or a place noun, a bare name is not read as a place.
    assert_eq!(place_of("العريش مدينة ساحلية", "العريش"), None);
}

#[test]
fn common_words_stay_unlinked() {
    for (text, name) in [("قالت الوزارة في بيان", "بيان"), ("جاء ذلك في إطار الزيارة", "إطار"), ("دعا إلى وقف إطلاق النار", "وقف")]
    {
        assert_eq!(place_of(text, name), None, "{text}");
    }
}

#[test]
fn small_places_need_the_documents_country() {
    let syria = "قصفت قوات النظام السوري بلدات في ريف دمشق وسقطت قذائف في مضايا";
    assert_eq!(place_of(syria, "مضايا").as_deref(), Some("OCHA-C2450"));
    assert_eq!(place_of("وصلت القافلة إلى مضايا", "مضايا"), None);
}

#[test]
fn joined_and_split_spellings() {
    assert_eq!(place_of("غارة على كفرنبل", "كفرنبل").as_deref(), Some("OCHA-C4068"));
    assert_eq!(place_of("اشتباكات في تلرفعت", "تلرفعت").as_deref(), Some("OCHA-C1621"));
}

#[test]
fn organizations_and_adjectives_are_not_places() {
    assert_eq!(place_of("أعلن بنك دبي عن أرباحه", "دبي"), None);
    assert_eq!(place_of("زار الوفد القنصلية السعودية", "السعودية"), None);
    assert_eq!(place_of("سافر الوفد إلى السعودية", "السعودية").as_deref(), Some("C-SAU"));
    assert_eq!(place_of("فتح القرار الباب أمام المفاوضات", "الباب"), None);
    assert_eq!(place_of("وقع انفجار في الباب شمال حلب", "الباب").as_deref(), Some("P-ALBAB"));
}

#[test]
fn a_place_the_model_reads_is_still_located() {
    // The model's reading lifts the need for a cue, not the place that locates the name.
    let kb = Kb::builtin();
    let seg = Segmenter::new(kb.name_words());
    for (text, want) in [("قتل جنديان في بلدة شقرة بمحافظة أبين", None), ("سقطت قذيفة على شقرة في ريف دير الزور", Some("OCHA-C5088"))]
    {
        let toks = tokenize(text);
        let words = analyze(&toks, &seg);
        let at = words.iter().position(|w| w.tok.text.ends_with("شقرة")).unwrap();
        let got = kb.link_confirmed(&words, kb.link(&words), &[(at, at + 1)]);
        let place = got.iter().find(|m| m.first == at).and_then(|m| m.place).map(|p| kb.places[p].id.as_str());
        assert_eq!(place, want, "{text}");
    }
}

#[test]
fn lists_and_institutions_cue_a_name() {
    assert_eq!(place_of("وزعت المساعدات في الدمام والطائف", "والطائف").as_deref(), Some("GN-107968"));
    assert_eq!(place_of("قال سكان تعز إن القصف مستمر", "تعز").as_deref(), Some("GN-70225"));
    assert_eq!(place_of("قال سكان المدينة إن القصف مستمر", "المدينة"), None);
}
